"""posix for pyrite: CPython's posix module is C; this gives its names, signatures and result types over
the system calls of runtime/src/posixmod.c (one builtin, __pyrite_posix__(op, *args)). `os`, `os.path`
(posixpath), `stat`, `shutil` and the rest compile from CPython's own source on top of it.

Provided: stat/lstat/fstat (stat_result), listdir, scandir (DirEntry), getcwd[b], chdir, mkdir, rmdir,
unlink/remove, rename/replace, readlink, symlink, access, chmod, utime, open/close/read/write/lseek/
isatty/fsync/ftruncate, environ, putenv/unsetenv, getpid/getppid/getuid/geteuid/getgid/getegid,
umask, strerror, urandom, cpu_count, get_terminal_size, _exit, and the O_*/*_OK/SEEK_* constants
of the target's C library. What is not here (fork, exec*, spawn*, pipes, signals, ...) is an
AttributeError of os, as on a platform without it.
"""

_C = __pyrite_posix__("constants")
O_RDONLY = _C["O_RDONLY"]
O_WRONLY = _C["O_WRONLY"]
O_RDWR = _C["O_RDWR"]
O_APPEND = _C["O_APPEND"]
O_CREAT = _C["O_CREAT"]
O_EXCL = _C["O_EXCL"]
O_TRUNC = _C["O_TRUNC"]
O_NONBLOCK = _C["O_NONBLOCK"]
O_DIRECTORY = _C["O_DIRECTORY"]
O_NOFOLLOW = _C["O_NOFOLLOW"]
O_CLOEXEC = _C["O_CLOEXEC"]
O_SYNC = _C["O_SYNC"]
O_DSYNC = _C["O_DSYNC"]
O_ACCMODE = _C["O_ACCMODE"]
F_OK = _C["F_OK"]
R_OK = _C["R_OK"]
W_OK = _C["W_OK"]
X_OK = _C["X_OK"]
del _C

error = OSError

# what os.py's supports_* sets look for (CPython's HAVE_* names of the calls that take dir_fd and so on);
# none: pyrite's calls take paths only
_have_functions = []


def _fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    fs = getattr(type(path), "__fspath__", None)
    if fs is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(path).__name__)
    r = fs(path)
    if not isinstance(r, (str, bytes)):
        raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                        % (type(path).__name__, type(r).__name__))
    return r


def fspath(path):
    """Return the file system path representation of the object."""
    return _fspath(path)


def _path(path, allow_fd=False):
    if allow_fd and isinstance(path, int) and not isinstance(path, bool):
        return path
    return _fspath(path)


def _no_dir_fd(name, dir_fd):
    if dir_fd is not None:
        raise NotImplementedError("%s: dir_fd unavailable on this platform" % name)


class stat_result(tuple):
    """stat_result: Result from stat, fstat, or lstat (a tuple of 10 ints with named fields)."""
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3

    def __new__(cls, seq, ns=None):
        self = tuple.__new__(cls, seq[:10])
        self._ns = ns if ns is not None else (seq[7] * 1000000000, seq[8] * 1000000000, seq[9] * 1000000000)
        return self

    @property
    def st_mode(self):
        return self[0]

    @property
    def st_ino(self):
        return self[1]

    @property
    def st_dev(self):
        return self[2]

    @property
    def st_nlink(self):
        return self[3]

    @property
    def st_uid(self):
        return self[4]

    @property
    def st_gid(self):
        return self[5]

    @property
    def st_size(self):
        return self[6]

    @property
    def st_atime(self):
        return self._ns[0] / 1e9

    @property
    def st_mtime(self):
        return self._ns[1] / 1e9

    @property
    def st_ctime(self):
        return self._ns[2] / 1e9

    @property
    def st_atime_ns(self):
        return self._ns[0]

    @property
    def st_mtime_ns(self):
        return self._ns[1]

    @property
    def st_ctime_ns(self):
        return self._ns[2]

    def __repr__(self):
        names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
                 "st_atime", "st_mtime", "st_ctime")
        return "os.stat_result(" + ", ".join("%s=%r" % (n, v) for n, v in zip(names, self)) + ")"

    def __reduce__(self):
        return (stat_result, (tuple(self),))


def _stat_result(t):
    a, m, c = t[7], t[8], t[9]
    return stat_result((t[0], t[1], t[2], t[3], t[4], t[5], t[6], a // 1000000000, m // 1000000000,
                        c // 1000000000), (a, m, c))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Perform a stat system call on the given path."""
    _no_dir_fd("stat", dir_fd)
    return _stat_result(__pyrite_posix__("stat", _path(path, True), follow_symlinks))


def lstat(path, *, dir_fd=None):
    """Perform a stat system call on the given path, without following symbolic links."""
    _no_dir_fd("lstat", dir_fd)
    return _stat_result(__pyrite_posix__("stat", _path(path), False))


def fstat(fd):
    """Perform a stat system call on the given file descriptor."""
    return _stat_result(__pyrite_posix__("stat", fd, True))


def listdir(path=None):
    """Return a list containing the names of the files in the directory."""
    if path is None:
        path = "."
    return __pyrite_posix__("listdir", _path(path))


class DirEntry:
    """An entry of scandir(): name, path, and cached stat results."""

    def __init__(self, dirpath, name):
        self.name = name
        if isinstance(dirpath, bytes):
            sep = b"/"
        else:
            sep = "/"
        if dirpath == "." or dirpath == b".":
            self.path = name
        elif dirpath.endswith(sep):
            self.path = dirpath + name
        else:
            self.path = dirpath + sep + name
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return (self._mode(follow_symlinks) & 0o170000) == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return (self._mode(follow_symlinks) & 0o170000) == 0o100000

    def is_symlink(self):
        return (self._mode(False) & 0o170000) == 0o120000

    def __class_getitem__(cls, item):
        return cls


class _ScandirIterator:
    def __init__(self, path):
        self._path = path
        self._names = __pyrite_posix__("listdir", path)
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._i >= len(self._names):
            raise StopIteration
        name = self._names[self._i]
        self._i += 1
        return DirEntry(self._path, name)

    def close(self):
        self._i = len(self._names)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


def scandir(path=None):
    """Return an iterator of DirEntry objects for given path."""
    if path is None:
        path = "."
    return _ScandirIterator(_path(path))


def getcwd():
    """Return a unicode string representing the current working directory."""
    return __pyrite_posix__("getcwd")


def getcwdb():
    """Return a bytes string representing the current working directory."""
    return __pyrite_posix__("getcwd").encode("utf-8", "surrogateescape")


def chdir(path):
    """Change the current working directory to the specified path."""
    __pyrite_posix__("chdir", _path(path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    """Create a directory."""
    _no_dir_fd("mkdir", dir_fd)
    __pyrite_posix__("mkdir", _path(path), mode)


def rmdir(path, *, dir_fd=None):
    """Remove a directory."""
    _no_dir_fd("rmdir", dir_fd)
    __pyrite_posix__("rmdir", _path(path))


def unlink(path, *, dir_fd=None):
    """Remove a file (same as remove())."""
    _no_dir_fd("unlink", dir_fd)
    __pyrite_posix__("unlink", _path(path))


def remove(path, *, dir_fd=None):
    """Remove a file (same as unlink())."""
    _no_dir_fd("remove", dir_fd)
    __pyrite_posix__("unlink", _path(path))


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    """Rename a file or directory."""
    _no_dir_fd("rename", src_dir_fd)
    _no_dir_fd("rename", dst_dir_fd)
    __pyrite_posix__("rename", _path(src), _path(dst))


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    """Rename a file or directory, overwriting the destination."""
    _no_dir_fd("replace", src_dir_fd)
    _no_dir_fd("replace", dst_dir_fd)
    __pyrite_posix__("rename", _path(src), _path(dst))


def readlink(path, *, dir_fd=None):
    """Return a string representing the path to which the symbolic link points."""
    _no_dir_fd("readlink", dir_fd)
    return __pyrite_posix__("readlink", _path(path))


def symlink(src, dst, target_is_directory=False, *, dir_fd=None):
    """Create a symbolic link pointing to src named dst."""
    _no_dir_fd("symlink", dir_fd)
    __pyrite_posix__("symlink", _path(src), _path(dst))


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    """Use the real uid/gid to test for access to a path."""
    _no_dir_fd("access", dir_fd)
    return __pyrite_posix__("access", _path(path), mode)


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    """Change the access permissions of a file."""
    _no_dir_fd("chmod", dir_fd)
    __pyrite_posix__("chmod", _path(path), mode)


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    """Set the access and modified time of path."""
    _no_dir_fd("utime", dir_fd)
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two ints or None")
        __pyrite_posix__("utime", _path(path), int(times[0] * 1000000000), int(times[1] * 1000000000))
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError("utime: 'ns' must be a tuple of two ints")
        __pyrite_posix__("utime", _path(path), ns[0], ns[1])
    else:
        __pyrite_posix__("utime", _path(path), None, None)


def open(path, flags, mode=0o777, *, dir_fd=None):
    """Open a file for low level IO.  Returns a file descriptor (integer)."""
    _no_dir_fd("open", dir_fd)
    return __pyrite_posix__("open", _path(path), flags, mode)


def close(fd):
    """Close a file descriptor."""
    __pyrite_posix__("close", fd)


def read(fd, length):
    """Read from a file descriptor.  Returns a bytes object."""
    return __pyrite_posix__("read", fd, length)


def write(fd, data):
    """Write a bytes object to a file descriptor."""
    return __pyrite_posix__("write", fd, bytes(data))


def lseek(fd, position, whence):
    """Set the position of a file descriptor.  Return the new position."""
    return __pyrite_posix__("lseek", fd, position, whence)


def isatty(fd):
    """Return True if the fd is connected to a terminal."""
    return __pyrite_posix__("isatty", fd)


def fsync(fd):
    """Force write of fd to disk."""
    __pyrite_posix__("fsync", fd)


def ftruncate(fd, length):
    """Truncate a file, specified by file descriptor, to a specific length."""
    __pyrite_posix__("ftruncate", fd, length)


def truncate(path, length):
    """Truncate a file, specified by path, to a specific length."""
    if isinstance(path, int):
        return ftruncate(path, length)
    fd = open(path, O_WRONLY)
    try:
        ftruncate(fd, length)
    finally:
        close(fd)


def _environ():
    d = {}
    for k, v in __pyrite_posix__("environ"):
        d[k] = v
    return d


environ = _environ()


def putenv(name, value):
    """Change or add an environment variable."""
    __pyrite_posix__("putenv", _path(name), _path(value))


def unsetenv(name):
    """Delete an environment variable."""
    __pyrite_posix__("unsetenv", _path(name))


def _id(i, name):
    v = __pyrite_posix__("ids")[i]
    if v < 0:
        raise OSError(38, "Function not implemented", name)
    return v


def getpid():
    """Return the current process id."""
    return _id(0, "getpid")


def getppid():
    """Return the parent's process id."""
    return _id(1, "getppid")


def getuid():
    """Return the current process's user id."""
    return _id(2, "getuid")


def geteuid():
    """Return the current process's effective user id."""
    return _id(3, "geteuid")


def getgid():
    """Return the current process's group id."""
    return _id(4, "getgid")


def getegid():
    """Return the current process's effective group id."""
    return _id(5, "getegid")


def umask(mask):
    """Set the current numeric umask and return the previous umask."""
    return __pyrite_posix__("umask", mask)


def strerror(code):
    """Translate an error code to a message string."""
    return __pyrite_posix__("strerror", code)


def urandom(size):
    """Return a bytes object containing random bytes suitable for cryptographic use."""
    return __pyrite_posix__("urandom", size)


def cpu_count():
    """Return the number of CPUs in the system; return None if indeterminable."""
    return __pyrite_posix__("cpu_count")


class terminal_size(tuple):
    """A tuple of (columns, lines) for holding terminal window size"""
    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0

    def __new__(cls, seq):
        if len(seq) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence (%d-sequence given)" % len(seq))
        return tuple.__new__(cls, seq)

    @property
    def columns(self):
        return self[0]

    @property
    def lines(self):
        return self[1]

    def __repr__(self):
        return "os.terminal_size(columns=%r, lines=%r)" % (self[0], self[1])


def get_terminal_size(fd=1):
    """Return the size of the terminal window as (columns, lines)."""
    return terminal_size(__pyrite_posix__("terminal_size", fd))


def device_encoding(fd):
    """Return a string describing the encoding of a terminal's file descriptor."""
    if isatty(fd):
        return "UTF-8"
    return None


def _exit(status):
    """Exit to the system with specified status, without normal exit processing."""
    __pyrite_posix__("_exit", status)


def waitstatus_to_exitcode(status):
    """Convert a wait status to an exit code."""
    if status & 0x7f == 0:
        return (status >> 8) & 0xff
    if ((status & 0x7f) + 1) >> 1 > 0:
        return -(status & 0x7f)
    raise ValueError("invalid wait status: %d" % status)
