/* platform/wasi.c: what the runtime does differently on wasm32-wasi (run by wasmtime). One file of
 * runtime/platform/ is linked per target (Target.platform); declarations in pyrt.h. */
#include "pyrt.h"
#include <errno.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wasi/libc-environ.h>

ssize_t Pyrt_PlatformWrite(int fd, const void *s, size_t n)
{
    return write(fd, s, n);
}

void Pyrt_PlatformInit(void)
{
    /* no signals under WASI: a closed pipe shows up as a failed write */
}

int Pyrt_PlatformWriteError(int fd, int err)
{
    return (err == EIO && fd <= 2) ? EPIPE : err;   /* wasmtime reports a closed stdio pipe as EIO */
}

int Pyrt_PlatformChmod(const char *path, int64_t mode)
{
    (void)path; (void)mode;
    errno = ENOTSUP;   /* WASI has no permission bits */
    return -1;
}

void Pyrt_PlatformIds(int64_t out[6])
{
    out[0] = 42;   /* wasi-libc's emulated getpid (CPython's WASI build reports the same) */
    for (int i = 1; i < 6; i++)
        out[i] = -1;
}

int64_t Pyrt_PlatformUmask(int64_t mask)
{
    (void)mask;
    errno = ENOSYS;
    return -1;
}

int64_t Pyrt_PlatformCpuCount(void)
{
    return 0;
}

int Pyrt_PlatformTerminalSize(int fd, int64_t *cols, int64_t *lines)
{
    (void)fd; (void)cols; (void)lines;
    errno = ENOTTY;
    return -1;
}

/* (not `environ`: naming it links wasi-libc's constructor that copies the environment at start-up,
 * into every program; this initialises it on first use) */
char **Pyrt_PlatformEnviron(void)
{
    return __wasilibc_get_environ();
}

int Pyrt_PlatformEntropy(void *buf, size_t n)
{
    return getentropy(buf, n);
}

void Pyrt_PlatformStatTimes(const struct stat *st, int64_t ns[3])
{
    const struct timespec *t[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    for (int i = 0; i < 3; i++)
        ns[i] = (int64_t)t[i]->tv_sec * 1000000000 + t[i]->tv_nsec;
}

/* ------------------------------------------------------------------ time (timemod.c)
 * wasi-libc has no time zones: local time is UTC (zone "UTC", offset 0), as its localtime gives.
 * Where its musl-based calendar differs from glibc's (the C library of the CPython pyrite is compared
 * with) in a UTC zone, this does what glibc does: gmtime's zone is "GMT", mktime takes a time said to
 * be in summer time as an hour earlier, strftime is wasi_strftime.c. */
#include "wasi_strftime.c"

int Pyrt_PlatformGmtime(int64_t t, struct tm *tm)
{
    time_t tt = (time_t)t;
    if (!gmtime_r(&tt, tm))
        return -1;
    tm->tm_zone = "GMT";
    return 0;
}

int Pyrt_PlatformLocaltime(int64_t t, struct tm *tm)
{
    time_t tt = (time_t)t;
    return localtime_r(&tt, tm) ? 0 : -1;
}

const char *Pyrt_PlatformTmZone(const struct tm *tm, long *gmtoff)
{
    *gmtoff = tm->tm_gmtoff;
    return tm->tm_zone;
}

void Pyrt_PlatformSetTmZone(struct tm *tm, const char *zone, long gmtoff)
{
    tm->tm_zone = zone;
    tm->tm_gmtoff = gmtoff;
}

/* glibc's mktime in a UTC zone: a time said to be in summer time (tm_isdst > 0) is an hour earlier */
int64_t Pyrt_PlatformMktime(struct tm *tm)
{
    int isdst = tm->tm_isdst;
    time_t t = timegm(tm);
    if (t == (time_t)-1 && tm->tm_wday == -1)
        return -1;
    if (isdst > 0) {
        t -= 3600;
        gmtime_r(&t, tm);
        tm->tm_isdst = 0;
    }
    return (int64_t)t;
}

void Pyrt_PlatformTzset(void)
{
    /* (no time zones) */
}

/* no CPU-time clocks under WASI: the monotonic clock since start-up (wasi-libc's emulated clock()) */
int64_t Pyrt_PlatformCpuTimeNs(bool thread)
{
    (void)thread;
    static int64_t start = -1;
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return -1;
    int64_t now = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    if (start < 0)
        start = now;
    return now - start;
}

size_t Pyrt_PlatformStrftime(char *buf, size_t n, const char *fmt, const struct tm *tm)
{
    return g_strftime(buf, n, fmt, tm);
}
