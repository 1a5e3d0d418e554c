/* platform/wasi.c: what the runtime does differently on wasm32-wasi (run by wasmtime). One file of
 * runtime/platform/ is linked per target (Target.platform); declarations in pyrt.h. */
#include "pyrt.h"
#include <errno.h>

void Pyrt_PlatformInit(void)
{
    /* no signals under WASI: a closed pipe shows up as a failed write */
}

int Pyrt_PlatformWriteError(int fd, int err)
{
    return (err == EIO && fd <= 2) ? EPIPE : err;   /* wasmtime reports a closed stdio pipe as EIO */
}
