/* platform/windows.c: what the runtime does differently on Windows (x86_64-windows-gnu through zig:
 * mingw-w64's C runtime). One file of runtime/platform/ is linked per target (Target.platform);
 * declarations in pyrt.h; the POSIX names os uses are mapped in include/pyrt_posix_compat.h. */
#define _CRT_RAND_S   /* (rand_s: the system's random source) */
#include "pyrt.h"
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

ssize_t Pyrt_PlatformWrite(int fd, const void *s, size_t n)
{
    return _write(fd, s, (unsigned)(n > 0x7fffffff ? 0x7fffffff : n));
}

void Pyrt_PlatformInit(void)
{
    /* binary standard streams: the runtime writes "\n" as CPython's text layer gives it on POSIX
     * (a Windows CPython would write "\r\n"; pyrite's output is the same bytes on every target) */
    _setmode(0, _O_BINARY);
    _setmode(1, _O_BINARY);
    _setmode(2, _O_BINARY);
}

int Pyrt_PlatformWriteError(int fd, int err)
{
    (void)fd;
    return err;
}

int Pyrt_PlatformEntropy(void *buf, size_t n)
{
    unsigned char *p = (unsigned char *)buf;
    for (size_t i = 0; i < n; i += sizeof(unsigned int)) {
        unsigned int r;
        if (rand_s(&r) != 0)
            return -1;
        for (size_t k = 0; k < sizeof r && i + k < n; k++)
            p[i + k] = (unsigned char)(r >> (8 * k));
    }
    return 0;
}

void Pyrt_PlatformStatTimes(const struct stat *st, int64_t ns[3])
{
    ns[0] = (int64_t)st->st_atime * 1000000000;
    ns[1] = (int64_t)st->st_mtime * 1000000000;
    ns[2] = (int64_t)st->st_ctime * 1000000000;
}

int Pyrt_PlatformChmod(const char *path, int64_t mode)
{
    return _chmod(path, (int)(mode & (_S_IREAD | _S_IWRITE)));
}

void Pyrt_PlatformIds(int64_t out[6])
{
    out[0] = (int64_t)GetCurrentProcessId();
    for (int i = 1; i < 6; i++)
        out[i] = -1;
}

int64_t Pyrt_PlatformUmask(int64_t mask)
{
    return (int64_t)_umask((int)mask);
}

int64_t Pyrt_PlatformCpuCount(void)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return (int64_t)si.dwNumberOfProcessors;
}

int Pyrt_PlatformTerminalSize(int fd, int64_t *cols, int64_t *lines)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    HANDLE h = (HANDLE)_get_osfhandle(fd);
    if (h == INVALID_HANDLE_VALUE || !GetConsoleScreenBufferInfo(h, &info)) {
        errno = ENOTTY;
        return -1;
    }
    *cols = info.srWindow.Right - info.srWindow.Left + 1;
    *lines = info.srWindow.Bottom - info.srWindow.Top + 1;
    return 0;
}

char **Pyrt_PlatformEnviron(void)
{
    return _environ;
}

/* ------------------------------------------------------------------ time (timemod.c)
 * The C runtime's struct tm has no zone fields: the zone is _tzname's, the offset _timezone's (as
 * CPython on Windows computes them). */
int Pyrt_PlatformGmtime(int64_t t, struct tm *tm)
{
    __time64_t tt = (__time64_t)t;
    int err = _gmtime64_s(tm, &tt);
    return err ? (errno = err, -1) : 0;
}

int Pyrt_PlatformLocaltime(int64_t t, struct tm *tm)
{
    __time64_t tt = (__time64_t)t;
    int err = _localtime64_s(tm, &tt);
    return err ? (errno = err, -1) : 0;
}

const char *Pyrt_PlatformTmZone(const struct tm *tm, long *gmtoff)
{
    long tz = 0;
    _get_timezone(&tz);
    *gmtoff = -tz + (tm->tm_isdst > 0 ? 3600 : 0);
    return _tzname[tm->tm_isdst > 0 ? 1 : 0];
}

void Pyrt_PlatformSetTmZone(struct tm *tm, const char *zone, long gmtoff)
{
    (void)tm; (void)zone; (void)gmtoff;
}

int64_t Pyrt_PlatformMktime(struct tm *tm)
{
    return (int64_t)_mktime64(tm);
}

size_t Pyrt_PlatformStrftime(char *buf, size_t n, const char *fmt, const struct tm *tm)
{
    return strftime(buf, n, fmt, tm);
}

void Pyrt_PlatformTzset(void)
{
    _tzset();
}

int64_t Pyrt_PlatformCpuTimeNs(bool thread)
{
    FILETIME created, exited, kernel, user;
    BOOL ok = thread ? GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user)
                     : GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user);
    if (!ok) {
        errno = EINVAL;
        return -1;
    }
    uint64_t k = ((uint64_t)kernel.dwHighDateTime << 32) | kernel.dwLowDateTime;
    uint64_t u = ((uint64_t)user.dwHighDateTime << 32) | user.dwLowDateTime;
    return (int64_t)((k + u) * 100);
}
