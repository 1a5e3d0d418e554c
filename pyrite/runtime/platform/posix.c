/* platform/posix.c: what the runtime does differently on native (POSIX) targets. One file of
 * runtime/platform/ is linked per target (Target.platform); declarations in pyrt.h. */
#include "pyrt.h"
#include <signal.h>

void Pyrt_PlatformInit(void)
{
    signal(SIGPIPE, SIG_IGN);   /* as CPython: a write to a closed pipe fails with EPIPE (BrokenPipeError) */
}

int Pyrt_PlatformWriteError(int fd, int err)
{
    (void)fd;
    return err;
}
