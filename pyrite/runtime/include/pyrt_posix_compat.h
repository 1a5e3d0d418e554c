/* pyrt_posix_compat.h: the POSIX names os (posixmod.c) uses, for the one target that lacks them
 * (Windows, through mingw-w64 in zig): flags it has no equivalent of are 0, calls it names otherwise
 * map to its own, and what it cannot do fails with ENOSYS (CPython's os raises OSError there too).
 * Everything else about the platform is in runtime/platform/<name>.c. */
#ifndef PYRT_POSIX_COMPAT_H
#define PYRT_POSIX_COMPAT_H
#ifdef _WIN32
#include <direct.h>
#include <errno.h>
#include <io.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/utime.h>
#include <time.h>
#define O_NONBLOCK 0
#define O_DIRECTORY 0
#define O_NOFOLLOW 0
#define O_CLOEXEC 0
#define O_SYNC 0
#define O_DSYNC 0
#define AT_FDCWD (-100)
#define UTIME_NOW ((1l << 30) - 1l)
#define lstat stat
#define mkdir(path, mode) _mkdir(path)
#define fsync _commit
static inline int symlink(const char *a, const char *b) { (void)a; (void)b; errno = ENOSYS; return -1; }
static inline long readlink(const char *p, char *buf, size_t n) { (void)p; (void)buf; (void)n; errno = EINVAL; return -1; }
static inline int setenv(const char *k, const char *v, int overwrite) { (void)overwrite; return _putenv_s(k, v) ? -1 : 0; }
static inline int unsetenv(const char *k) { return _putenv_s(k, "") ? -1 : 0; }
static inline int utimensat(int dirfd, const char *path, const struct timespec ts[2], int flags)
{
    (void)dirfd; (void)flags;
    if (ts[0].tv_nsec == UTIME_NOW)
        return _utime(path, NULL);
    struct _utimbuf u = {(time_t)ts[0].tv_sec, (time_t)ts[1].tv_sec};
    return _utime(path, &u);
}
#endif
#endif
