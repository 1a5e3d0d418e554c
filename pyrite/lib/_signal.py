# pyrite's `_signal`: CPython writes this module in C (Modules/signalmodule.c); signal.py wraps it in
# enums. This is pyrite's own, written from CPython 3.11's observable behaviour on Linux (the numbers
# are Linux's, which the runtime uses on every target, as for errno).
#
# What it does: the signal numbers and handler constants, and a table of handlers. signal() checks
# its arguments as CPython does and records the handler (getsignal returns it); set_wakeup_fd
# records the descriptor. What it does not do (documented in docs/subset.md): the runtime does not
# deliver signals to Python handlers, so a recorded handler never runs and a signal takes the
# operating system's default action (SIGINT ends the program instead of raising KeyboardInterrupt).
# Functions whose whole purpose is delivering or waiting for signals (alarm, pause, setitimer,
# raise_signal, pthread_kill, sigwait, ...) are absent: using one raises AttributeError.

SIG_DFL = 0
SIG_IGN = 1
SIG_BLOCK = 0
SIG_UNBLOCK = 1
SIG_SETMASK = 2
NSIG = 65

SIGHUP = 1
SIGINT = 2
SIGQUIT = 3
SIGILL = 4
SIGTRAP = 5
SIGABRT = 6
SIGIOT = 6
SIGBUS = 7
SIGFPE = 8
SIGKILL = 9
SIGUSR1 = 10
SIGSEGV = 11
SIGUSR2 = 12
SIGPIPE = 13
SIGALRM = 14
SIGTERM = 15
SIGSTKFLT = 16
SIGCHLD = 17
SIGCONT = 18
SIGSTOP = 19
SIGTSTP = 20
SIGTTIN = 21
SIGTTOU = 22
SIGURG = 23
SIGXCPU = 24
SIGXFSZ = 25
SIGVTALRM = 26
SIGPROF = 27
SIGWINCH = 28
SIGIO = 29
SIGPOLL = 29
SIGPWR = 30
SIGSYS = 31
SIGRTMIN = 34
SIGRTMAX = 64


def default_int_handler(signalnum, frame):
    """The default handler for SIGINT installed by Python.

    It raises KeyboardInterrupt."""
    raise KeyboardInterrupt


_handlers = {}
_wakeup_fd = -1


def _check_signum(signalnum):
    signalnum = signalnum.__index__()
    if signalnum < 1 or signalnum >= NSIG:
        raise ValueError("signal number out of range")
    return signalnum


def getsignal(signalnum):
    """Return the current action for the given signal."""
    signalnum = _check_signum(signalnum)
    if signalnum in _handlers:
        return _handlers[signalnum]
    if signalnum == SIGINT:
        return default_int_handler
    if signalnum in (SIGPIPE, SIGXFSZ):
        return SIG_IGN   # (CPython ignores these at start-up)
    return SIG_DFL


def signal(signalnum, handler):
    """Set the action for the given signal (recorded: see the top of this file)."""
    signalnum = _check_signum(signalnum)
    if not (handler is SIG_DFL or handler is SIG_IGN or handler == SIG_DFL or handler == SIG_IGN
            or callable(handler)):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    if signalnum in (SIGKILL, SIGSTOP) or signalnum in (32, 33):
        raise OSError(22, "Invalid argument")
    old = getsignal(signalnum)
    _handlers[signalnum] = handler
    return old


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    """Set the fd to be written to (with the signal number) when a signal comes in (recorded)."""
    global _wakeup_fd
    fd = fd.__index__()
    if fd < -1:
        raise ValueError("fd is not a valid file descriptor")   # (CPython: ValueError or OSError)
    old = _wakeup_fd
    _wakeup_fd = fd
    return old


def valid_signals():
    """Return a set of valid signal numbers on this platform."""
    return set(range(1, 32)) | set(range(SIGRTMIN, NSIG))
