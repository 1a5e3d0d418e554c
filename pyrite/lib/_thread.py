"""pyrite's _thread (CPython's is C): compiled programs run one thread.

Locks keep CPython's behaviour for one thread: acquire() of a free lock takes it, a non-blocking or
timed acquire() of a held lock fails (after the timeout: nothing else could release it), release() of
an unheld lock raises RuntimeError. A blocking acquire() of a lock the only thread already holds would
wait forever in CPython; here it raises RuntimeError saying so instead of hanging.
start_new_thread() raises RuntimeError: pyrite has no threads yet.
"""

error = RuntimeError
TIMEOUT_MAX = 9223372036.0


def get_ident():
    return 1


def get_native_id():
    return 1


def _count():
    return 0


def stack_size(size=0):
    if size != 0:
        raise ValueError("setting stack size not supported")
    return 0


def start_new_thread(function, args, kwargs=None):
    raise RuntimeError("can't start new thread: pyrite compiles programs that run one thread")


def _check_timeout(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")


class LockType:
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        if not self._locked:
            self._locked = True
            return True
        if blocking and timeout == -1:
            raise RuntimeError("deadlock: acquire() of a lock this program's only thread holds would never return")
        return False

    def acquire_lock(self, blocking=True, timeout=-1):
        return self.acquire(blocking, timeout)

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    def release_lock(self):
        self.release()

    def locked(self):
        return self._locked

    def locked_lock(self):
        return self._locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()

    def _at_fork_reinit(self):
        self._locked = False

    def __repr__(self):
        return "<%s _thread.lock object at %s>" % ("locked" if self._locked else "unlocked", hex(id(self)))


LockType.__module__ = "_thread"
LockType.__name__ = "lock"
LockType.__qualname__ = "lock"


def allocate_lock():
    return LockType()


def allocate():
    return LockType()


def _set_sentinel():
    """The lock a thread takes for as long as it lives (threading's _tstate_lock; CPython releases it when
    the thread ends)."""
    return LockType()


class RLock:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        self._count += 1
        return True

    __enter__ = acquire

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def __exit__(self, t, v, tb):
        self.release()

    def _is_owned(self):
        return self._count > 0

    def _recursion_count(self):
        return self._count

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        return (count, 1)

    def _acquire_restore(self, state):
        self._count = state[0]

    def _at_fork_reinit(self):
        self._count = 0

    def __repr__(self):
        return "<%s %s.%s object owner=%d count=%d at %s>" % (
            "locked" if self._count else "unlocked", "_thread", "RLock",
            1 if self._count else 0, self._count, hex(id(self)))


class _local:
    pass
