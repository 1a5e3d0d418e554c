/* posixmod.c: the system calls behind pyrite/lib/posix.py (CPython's posix module is C).
 *
 * One builtin, __pyrite_posix__(op, *args), so the builtins table gains one entry; the Python side
 * (pyrite/lib/posix.py) gives them CPython's names, signatures and result types (stat_result,
 * DirEntry, environ). Paths are str (UTF-8) or bytes; a failure raises the OSError subclass of its
 * errno with the path as filename (PyrtErr_FromErrno). What differs between native and WASI (process
 * ids, umask, chmod, the terminal size, the CPU count) is in runtime/platform/<target>.c. */
#include "pyrt.h"
#include "pyrt_posix_compat.h"   /* (Windows: the POSIX names below) */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

static PyrtObject *new_ref(PyrtObject *o)
{
    Pyrt_IncRef(o);
    return o;
}

static PyrtObject *none(void)
{
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

/* a path argument as a NUL-terminated byte string (borrowed from the object); NULL + error */
static const char *path_arg(PyrtObject *p, const char *fn)
{
    const char *s;
    int64_t n;
    if (p->type == &PyrtType_Str || PyrtType_IsSubtype(p->type, &PyrtType_Str)) {
        s = ((PyrtStr *)p)->data;
        n = ((PyrtStr *)p)->nbytes;
    } else if (p->type == &PyrtType_Bytes || PyrtType_IsSubtype(p->type, &PyrtType_Bytes)) {
        s = (const char *)((PyrtBytes *)p)->data;
        n = ((PyrtBytes *)p)->length;
    } else {
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s: path should be string, bytes or os.PathLike, not %s", fn,
                       p->type->name);
        return NULL;
    }
    if ((int64_t)strlen(s) != n) {
        Pyrt_ErrFormat(&PyrtType_ValueError, "%s: embedded null character in path", fn);
        return NULL;
    }
    return s;
}

static int int_arg(PyrtObject *o, int64_t *out)
{
    *out = PyrtInt_AsI64Checked(o);
    return pyrt_exc ? -1 : 0;
}

static PyrtObject *ns(int64_t t)
{
    return PyrtInt_FromI64(t);
}

/* (st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, atime_ns, mtime_ns, ctime_ns) */
static PyrtObject *stat_tuple(struct stat *st)
{
    PyrtObject *t = PyrtTuple_New(10);
    if (!t)
        return NULL;
    int64_t times[3];
    Pyrt_PlatformStatTimes(st, times);
    PyrtObject *v[10] = {
        PyrtInt_FromI64((int64_t)st->st_mode), PyrtInt_FromI64((int64_t)st->st_ino),
        PyrtInt_FromI64((int64_t)st->st_dev), PyrtInt_FromI64((int64_t)st->st_nlink),
        PyrtInt_FromI64((int64_t)st->st_uid), PyrtInt_FromI64((int64_t)st->st_gid),
        PyrtInt_FromI64((int64_t)st->st_size), ns(times[0]), ns(times[1]), ns(times[2]),
    };
    for (int i = 0; i < 10; i++) {
        if (!v[i]) {
            for (int j = i; j < 10; j++)
                Pyrt_XDecRef(v[j]);
            Pyrt_DecRef(t);
            return NULL;
        }
        PyrtTuple_SetNew_Steal(t, i, v[i]);
    }
    return t;
}

/* errno values and texts as CPython on Linux shows them (WASI numbers its errnos differently); the
 * runtime's PyrtErr_FromErrno knows the common file errors (kept short: a hello world links it) */
static const struct { int err; int linux_no; const char *text; } errno_table[] = {
    { ENOENT, 2, "No such file or directory" }, { EACCES, 13, "Permission denied" },
    { EEXIST, 17, "File exists" }, { ENOTDIR, 20, "Not a directory" }, { EISDIR, 21, "Is a directory" },
    { EPIPE, 32, "Broken pipe" }, { EINVAL, 22, "Invalid argument" }, { EMFILE, 24, "Too many open files" },
    { ENOSPC, 28, "No space left on device" }, { EROFS, 30, "Read-only file system" },
    { ENAMETOOLONG, 36, "File name too long" }, { EBADF, 9, "Bad file descriptor" },
    { EPERM, 1, "Operation not permitted" }, { ENOTEMPTY, 39, "Directory not empty" },
    { EXDEV, 18, "Invalid cross-device link" }, { ELOOP, 40, "Too many levels of symbolic links" },
    { ENOSYS, 38, "Function not implemented" }, { ENOTSUP, 95, "Operation not supported" },
    { ENOTTY, 25, "Inappropriate ioctl for device" }, { ESPIPE, 29, "Illegal seek" },
    { EAGAIN, 11, "Resource temporarily unavailable" }, { EINTR, 4, "Interrupted system call" },
    { ECHILD, 10, "No child processes" }, { ESRCH, 3, "No such process" },
};

/* os.strerror(code) for a CPython (Linux) errno number */
static const char *strerror_linux(int linux_no)
{
    for (size_t i = 0; i < sizeof errno_table / sizeof errno_table[0]; i++)
        if (errno_table[i].linux_no == linux_no)
            return errno_table[i].text;
    return strerror(linux_no);
}

/* the OSError of errno (as PyrtErr_FromErrno, for the errnos it does not know as well) */
static PyrtObject *fail(PyrtObject *path)
{
    int err = errno;
    for (size_t i = 13; i < sizeof errno_table / sizeof errno_table[0]; i++) {
        if (errno_table[i].err == err) {
            PyrtObject *argv[3] = { PyrtInt_FromI64(errno_table[i].linux_no),
                                    PyrtStr_FromCString(errno_table[i].text), path };
            PyrtType *type = err == EINTR ? &PyrtType_InterruptedError : &PyrtType_OSError;
            PyrtObject *e = argv[0] && argv[1] ? PyrtExc_New(type, argv, path ? 3 : 2) : NULL;
            Pyrt_XDecRef(argv[0]);
            Pyrt_XDecRef(argv[1]);
            if (e)
                Pyrt_ErrRestore(e);
            return NULL;
        }
    }
    return PyrtErr_FromErrno(err, path);
}

static PyrtObject *str_of(const char *s)
{
    return PyrtStr_FromUTF8(s, (int64_t)strlen(s));
}

#define NEED(n) do { if (nargs < (n) + 1) return Pyrt_ErrFormat(&PyrtType_TypeError, \
    "__pyrite_posix__(%s) takes %d arguments", op, (n)); } while (0)
#define PATH(i, var) const char *var = path_arg(args[i], op); if (!var) return NULL
#define INT(i, var) int64_t var; if (int_arg(args[i], &var) < 0) return NULL

static PyrtObject *constants(void)
{
    static const struct { const char *name; int64_t value; } table[] = {
        { "O_RDONLY", O_RDONLY }, { "O_WRONLY", O_WRONLY }, { "O_RDWR", O_RDWR }, { "O_APPEND", O_APPEND },
        { "O_CREAT", O_CREAT }, { "O_EXCL", O_EXCL }, { "O_TRUNC", O_TRUNC }, { "O_NONBLOCK", O_NONBLOCK },
        { "O_DIRECTORY", O_DIRECTORY }, { "O_NOFOLLOW", O_NOFOLLOW }, { "O_CLOEXEC", O_CLOEXEC },
        { "O_SYNC", O_SYNC }, { "O_DSYNC", O_DSYNC }, { "O_ACCMODE", O_ACCMODE },
        { "F_OK", F_OK }, { "R_OK", R_OK }, { "W_OK", W_OK }, { "X_OK", X_OK },
        { "SEEK_SET", SEEK_SET }, { "SEEK_CUR", SEEK_CUR }, { "SEEK_END", SEEK_END },
    };
    PyrtObject *d = PyrtDict_New();
    for (size_t i = 0; d && i < sizeof table / sizeof table[0]; i++) {
        PyrtObject *k = str_of(table[i].name), *v = PyrtInt_FromI64(table[i].value);
        int r = (k && v) ? PyrtDict_SetItem(d, k, v) : -1;
        Pyrt_XDecRef(k);
        Pyrt_XDecRef(v);
        if (r < 0) {
            Pyrt_DecRef(d);
            return NULL;
        }
    }
    return d;
}

/* [(name, value), ...] of the environment, as bytes (posix.environ's keys and values are bytes) */
static PyrtObject *environ_items(void)
{
    PyrtObject *l = PyrtList_New(0);
    for (char **e = Pyrt_PlatformEnviron(); l && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e)
            continue;
        PyrtObject *t = PyrtTuple_New(2);
        PyrtObject *k = PyrtBytes_FromData(*e, (int64_t)(eq - *e));
        PyrtObject *v = PyrtBytes_FromData(eq + 1, (int64_t)strlen(eq + 1));
        if (!t || !k || !v) {
            Pyrt_XDecRef(t);
            Pyrt_XDecRef(k);
            Pyrt_XDecRef(v);
            Pyrt_DecRef(l);
            return NULL;
        }
        PyrtTuple_SetNew_Steal(t, 0, k);
        PyrtTuple_SetNew_Steal(t, 1, v);
        int r = PyrtList_Append(l, t);
        Pyrt_DecRef(t);
        if (r < 0) {
            Pyrt_DecRef(l);
            return NULL;
        }
    }
    return l;
}

static PyrtObject *listdir(PyrtObject *p, const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return fail(p);
    PyrtObject *l = PyrtList_New(0);
    struct dirent *e;
    errno = 0;
    while (l && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        PyrtObject *name = p->type == &PyrtType_Bytes ? PyrtBytes_FromData(e->d_name, (int64_t)strlen(e->d_name))
                                                      : str_of(e->d_name);
        int r = name ? PyrtList_Append(l, name) : -1;
        Pyrt_XDecRef(name);
        if (r < 0) {
            Pyrt_DecRef(l);
            l = NULL;
        }
        errno = 0;
    }
    int err = errno;
    closedir(d);
    if (l && err) {
        Pyrt_DecRef(l);
        return PyrtErr_FromErrno(err, p);
    }
    return l;
}

PYRT_BUILTIN(__pyrite_posix__)
{
    (void)self; (void)kwnames;
    if (nargs < 1 || args[0]->type != &PyrtType_Str)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "__pyrite_posix__: operation name expected");
    const char *op = ((PyrtStr *)args[0])->data;
    args++;
    nargs--;
    nargs++;   /* (NEED counts the operation name) */
    if (strcmp(op, "stat") == 0) {   /* stat(path or fd, follow_symlinks) */
        NEED(2);
        struct stat st;
        int r;
        if (args[0]->type == &PyrtType_Int) {
            INT(0, fd);
            r = fstat((int)fd, &st);
        } else {
            PATH(0, path);
            r = args[1] == Pyrt_False ? lstat(path, &st) : stat(path, &st);
        }
        if (r != 0)
            return fail(args[0]->type == &PyrtType_Int ? NULL : args[0]);
        return stat_tuple(&st);
    }
    if (strcmp(op, "listdir") == 0) {
        NEED(1);
        PATH(0, path);
        return listdir(args[0], path);
    }
    if (strcmp(op, "getcwd") == 0) {
        char buf[4096];
        if (!getcwd(buf, sizeof buf))
            return fail(NULL);
        return str_of(buf);
    }
    if (strcmp(op, "chdir") == 0 || strcmp(op, "rmdir") == 0 || strcmp(op, "unlink") == 0) {
        NEED(1);
        PATH(0, path);
        int r = op[0] == 'c' ? chdir(path) : op[0] == 'r' ? rmdir(path) : unlink(path);
        return r == 0 ? none() : fail(args[0]);
    }
    if (strcmp(op, "mkdir") == 0) {
        NEED(2);
        PATH(0, path);
        INT(1, mode);
        return mkdir(path, (mode_t)mode) == 0 ? none() : fail(args[0]);
    }
    if (strcmp(op, "rename") == 0 || strcmp(op, "symlink") == 0) {
        NEED(2);
        PATH(0, src);
        PATH(1, dst);
        int r = op[0] == 'r' ? rename(src, dst) : symlink(src, dst);
        return r == 0 ? none() : fail(args[0]);
    }
    if (strcmp(op, "readlink") == 0) {
        NEED(1);
        PATH(0, path);
        char buf[4096];
        ssize_t n = readlink(path, buf, sizeof buf - 1);
        if (n < 0)
            return fail(args[0]);
        return args[0]->type == &PyrtType_Bytes ? PyrtBytes_FromData(buf, n) : PyrtStr_FromUTF8(buf, n);
    }
    if (strcmp(op, "access") == 0) {
        NEED(2);
        PATH(0, path);
        INT(1, mode);
        return new_ref(Pyrt_BoolFromC(access(path, (int)mode) == 0));
    }
    if (strcmp(op, "chmod") == 0) {
        NEED(2);
        PATH(0, path);
        INT(1, mode);
        return Pyrt_PlatformChmod(path, mode) == 0 ? none() : fail(args[0]);
    }
    if (strcmp(op, "utime") == 0) {   /* utime(path, atime_ns, mtime_ns) or utime(path, None, None): now */
        NEED(3);
        PATH(0, path);
        struct timespec ts[2];
        if (args[1] == Pyrt_None) {
            ts[0].tv_nsec = ts[1].tv_nsec = UTIME_NOW;
            ts[0].tv_sec = ts[1].tv_sec = 0;
        } else {
            INT(1, a);
            INT(2, m);
            ts[0].tv_sec = a / 1000000000; ts[0].tv_nsec = a % 1000000000;
            ts[1].tv_sec = m / 1000000000; ts[1].tv_nsec = m % 1000000000;
        }
        return utimensat(AT_FDCWD, path, ts, 0) == 0 ? none() : fail(args[0]);
    }
    if (strcmp(op, "open") == 0) {
        NEED(3);
        PATH(0, path);
        INT(1, flags);
        INT(2, mode);
        int fd = open(path, (int)flags, (mode_t)mode);
        return fd >= 0 ? PyrtInt_FromI64(fd) : fail(args[0]);
    }
    if (strcmp(op, "close") == 0 || strcmp(op, "fsync") == 0 || strcmp(op, "isatty") == 0) {
        NEED(1);
        INT(0, fd);
        if (op[0] == 'i')
            return new_ref(Pyrt_BoolFromC(isatty((int)fd)));
        int r = op[0] == 'c' ? close((int)fd) : fsync((int)fd);
        return r == 0 ? none() : fail(NULL);
    }
    if (strcmp(op, "read") == 0) {
        NEED(2);
        INT(0, fd);
        INT(1, n);
        if (n < 0)
            return Pyrt_ErrFormat(&PyrtType_ValueError, "negative buffer size");
        char *buf = (char *)Pyrt_Malloc((size_t)n + 1);
        if (!buf)
            return NULL;
        ssize_t got = read((int)fd, buf, (size_t)n);
        PyrtObject *r = got >= 0 ? PyrtBytes_FromData(buf, got) : fail(NULL);
        Pyrt_Free(buf);
        return r;
    }
    if (strcmp(op, "write") == 0) {
        NEED(2);
        INT(0, fd);
        if (args[1]->type != &PyrtType_Bytes)
            return Pyrt_ErrFormat(&PyrtType_TypeError, "a bytes-like object is required, not '%s'", args[1]->type->name);
        PyrtBytes *b = (PyrtBytes *)args[1];
        ssize_t n = write((int)fd, b->data, (size_t)b->length);
        return n >= 0 ? PyrtInt_FromI64(n) : PyrtErr_FromErrno(Pyrt_PlatformWriteError((int)fd, errno), NULL);
    }
    if (strcmp(op, "lseek") == 0 || strcmp(op, "ftruncate") == 0) {
        NEED(op[0] == 'l' ? 3 : 2);
        INT(0, fd);
        INT(1, pos);
        if (op[0] == 'f')
            return ftruncate((int)fd, (off_t)pos) == 0 ? none() : fail(NULL);
        INT(2, how);
        off_t r = lseek((int)fd, (off_t)pos, (int)how);
        return r >= 0 ? PyrtInt_FromI64((int64_t)r) : fail(NULL);
    }
    if (strcmp(op, "environ") == 0)
        return environ_items();
    if (strcmp(op, "putenv") == 0) {
        NEED(2);
        PATH(0, k);
        PATH(1, v);
        return setenv(k, v, 1) == 0 ? none() : fail(NULL);
    }
    if (strcmp(op, "unsetenv") == 0) {
        NEED(1);
        PATH(0, k);
        return unsetenv(k) == 0 ? none() : fail(NULL);
    }
    if (strcmp(op, "constants") == 0)
        return constants();
    if (strcmp(op, "strerror") == 0) {
        NEED(1);
        INT(0, code);
        return str_of(strerror_linux((int)code));
    }
    if (strcmp(op, "urandom") == 0) {
        NEED(1);
        INT(0, n);
        if (n < 0)
            return Pyrt_ErrFormat(&PyrtType_ValueError, "negative argument not allowed");
        unsigned char *buf = (unsigned char *)Pyrt_Malloc((size_t)n + 1);
        if (!buf)
            return NULL;
        for (int64_t i = 0; i < n; i += 256) {
            size_t k = (size_t)(n - i < 256 ? n - i : 256);
            if (Pyrt_PlatformEntropy(buf + i, k) != 0) {
                Pyrt_Free(buf);
                return fail(NULL);
            }
        }
        PyrtObject *r = PyrtBytes_FromData(buf, n);
        Pyrt_Free(buf);
        return r;
    }
    if (strcmp(op, "ids") == 0) {   /* (pid, ppid, uid, euid, gid, egid); -1 where the target has none */
        int64_t v[6];
        Pyrt_PlatformIds(v);
        PyrtObject *t = PyrtTuple_New(6);
        for (int i = 0; t && i < 6; i++) {
            PyrtObject *x = PyrtInt_FromI64(v[i]);
            if (!x) {
                Pyrt_DecRef(t);
                return NULL;
            }
            PyrtTuple_SetNew_Steal(t, i, x);
        }
        return t;
    }
    if (strcmp(op, "umask") == 0) {
        NEED(1);
        INT(0, mask);
        int64_t old = Pyrt_PlatformUmask(mask);
        return old >= 0 ? PyrtInt_FromI64(old) : fail(NULL);
    }
    if (strcmp(op, "cpu_count") == 0) {
        int64_t n = Pyrt_PlatformCpuCount();
        return n > 0 ? PyrtInt_FromI64(n) : none();
    }
    if (strcmp(op, "terminal_size") == 0) {   /* (columns, lines) of the terminal on fd */
        NEED(1);
        INT(0, fd);
        int64_t cols, lines;
        if (Pyrt_PlatformTerminalSize((int)fd, &cols, &lines) != 0)
            return fail(NULL);
        PyrtObject *t = PyrtTuple_New(2);
        PyrtObject *a = PyrtInt_FromI64(cols), *b = PyrtInt_FromI64(lines);
        if (!t || !a || !b) {
            Pyrt_XDecRef(t);
            Pyrt_XDecRef(a);
            Pyrt_XDecRef(b);
            return NULL;
        }
        PyrtTuple_SetNew_Steal(t, 0, a);
        PyrtTuple_SetNew_Steal(t, 1, b);
        return t;
    }
    if (strcmp(op, "_exit") == 0) {
        NEED(1);
        INT(0, code);
        _exit((int)code);   /* (as CPython's: buffered output is not flushed) */
    }
    return Pyrt_ErrFormat(&PyrtType_ValueError, "__pyrite_posix__: unknown operation '%s'", op);
}
