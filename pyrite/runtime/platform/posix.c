/* platform/posix.c: what the runtime does differently on native (POSIX) targets. One file of
 * runtime/platform/ is linked per target (Target.platform); declarations in pyrt.h. */
#include "pyrt.h"
#include <errno.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __APPLE__
#include <sys/random.h>   /* (getentropy) */
#endif

#ifndef PYRT_PLATFORM_EXT   /* (ext.c includes this file and writes to CPython's streams) */
ssize_t Pyrt_PlatformWrite(int fd, const void *s, size_t n)
{
    return write(fd, s, n);
}
#endif

void Pyrt_PlatformInit(void)
{
    signal(SIGPIPE, SIG_IGN);   /* as CPython: a write to a closed pipe fails with EPIPE (BrokenPipeError) */
}

int Pyrt_PlatformWriteError(int fd, int err)
{
    (void)fd;
    return err;
}

int Pyrt_PlatformChmod(const char *path, int64_t mode)
{
    return chmod(path, (mode_t)mode);
}

void Pyrt_PlatformIds(int64_t out[6])
{
    out[0] = getpid(); out[1] = getppid();
    out[2] = getuid(); out[3] = geteuid(); out[4] = getgid(); out[5] = getegid();
}

int64_t Pyrt_PlatformUmask(int64_t mask)
{
    return (int64_t)umask((mode_t)mask);
}

int64_t Pyrt_PlatformCpuCount(void)
{
    return (int64_t)sysconf(_SC_NPROCESSORS_ONLN);
}

int Pyrt_PlatformTerminalSize(int fd, int64_t *cols, int64_t *lines)
{
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) != 0)
        return -1;
    *cols = w.ws_col;
    *lines = w.ws_row;
    return 0;
}

extern char **environ;

char **Pyrt_PlatformEnviron(void)
{
    return environ;
}

int Pyrt_PlatformEntropy(void *buf, size_t n)
{
    return getentropy(buf, n);
}

void Pyrt_PlatformStatTimes(const struct stat *st, int64_t ns[3])
{
#ifdef __APPLE__
    const struct timespec *t[3] = {&st->st_atimespec, &st->st_mtimespec, &st->st_ctimespec};
#else
    const struct timespec *t[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
#endif
    for (int i = 0; i < 3; i++)
        ns[i] = (int64_t)t[i]->tv_sec * 1000000000 + t[i]->tv_nsec;
}

/* ------------------------------------------------------------------ time (timemod.c) */
int Pyrt_PlatformGmtime(int64_t t, struct tm *tm)
{
    time_t tt = (time_t)t;
    return gmtime_r(&tt, tm) ? 0 : -1;
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

/* musl prints only the zone names it made itself (CPython bpo-34672): a name equal to one of them
 * is given as that one */
void Pyrt_PlatformSetTmZone(struct tm *tm, const char *zone, long gmtoff)
{
    static const char *utc;
    if (!utc) {
        struct tm g;
        time_t zero = 0;
        utc = gmtime_r(&zero, &g) && g.tm_zone ? g.tm_zone : "UTC";
    }
    if (zone && strcmp(zone, utc) == 0)
        zone = utc;
    else if (zone && tzname[0] && strcmp(zone, tzname[0]) == 0)
        zone = tzname[0];
    else if (zone && tzname[1] && strcmp(zone, tzname[1]) == 0)
        zone = tzname[1];
    tm->tm_zone = (char *)zone;
    tm->tm_gmtoff = gmtoff;
}

int64_t Pyrt_PlatformMktime(struct tm *tm)
{
    return (int64_t)mktime(tm);
}

size_t Pyrt_PlatformStrftime(char *buf, size_t n, const char *fmt, const struct tm *tm)
{
    return strftime(buf, n, fmt, tm);
}

void Pyrt_PlatformTzset(void)
{
    tzset();
}

int64_t Pyrt_PlatformCpuTimeNs(bool thread)
{
    struct timespec ts;
    if (clock_gettime(thread ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
        return -1;
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
