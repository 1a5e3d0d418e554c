/* platform/wasi.c: what the runtime does differently on wasm32-wasi (run by wasmtime). One file of
 * runtime/platform/ is linked per target (Target.platform); declarations in pyrt.h. */
#include "pyrt.h"
#include <errno.h>
#include <sys/stat.h>
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
