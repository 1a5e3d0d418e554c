"""The native target: an executable for the host (baseline CPU, so binaries are portable and
valgrind can profile them), run by exec; and cross-compiled executables for other platforms
(`pyrite build prog.py --platform linux-aarch64`, target name "native-linux-aarch64") through zig's
targets: Linux as fully static musl executables, macOS against zig's bundled libSystem stubs, Windows
with mingw-w64's C runtime (runtime/platform/windows.c)."""
import os
import platform
import shutil
import sys

from pyrite.targets.base import Target, register


@register
class NativeTarget(Target):
    name = "native"
    triple = None
    cflags = ("-O2", "-mcpu=baseline")
    # (no DWARF: the C is generated, and libc's would make a hello world 900 KB; symbols stay, for profilers)
    ldflags = ("-lm", "-Wl,--strip-debug")

    def run(self, path, argv):
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(path, argv)


# platform -> (zig triple, compile flags, link flags, output suffix, runtime/platform file);
# "-mcpu=baseline": zig's default for a triple may be the build machine's CPU
PLATFORMS = {
    "linux-x86_64": ("x86_64-linux-musl", ("-O2", "-mcpu=baseline"), ("-lm", "-static", "-Wl,--strip-debug"), "",
                     "posix"),
    "linux-aarch64": ("aarch64-linux-musl", ("-O2", "-mcpu=baseline"), ("-lm", "-static", "-Wl,--strip-debug"), "",
                      "posix"),
    "macos-aarch64": ("aarch64-macos", ("-O2", "-mcpu=baseline"), ("-lm",), "", "posix"),
    "macos-x86_64": ("x86_64-macos", ("-O2", "-mcpu=baseline"), ("-lm",), "", "posix"),
    "windows-x86_64": ("x86_64-windows-gnu", ("-O2", "-mcpu=baseline"), ("-lm",), ".exe", "windows"),
}


class CrossTarget(NativeTarget):
    """An executable for another platform (PLATFORMS)."""

    def __init__(self, plat):
        self.plat = plat
        self.name = "native-" + plat
        self.triple, self.cflags, self.ldflags, self.suffix, self.platform = PLATFORMS[plat]

    def run(self, path, argv):
        """Linux executables of the host's CPU run directly; linux-aarch64 under qemu-user when it is
        installed (Debian's qemu-user); anything else cannot run here."""
        host = "linux-" + {"amd64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower(),
                                                                     platform.machine().lower())
        sys.stdout.flush()
        sys.stderr.flush()
        if sys.platform.startswith("linux") and self.plat == host:
            os.execv(path, argv)
        if sys.platform.startswith("linux") and self.plat.startswith("linux-"):
            qemu = shutil.which("qemu-%s" % self.plat.split("-", 1)[1]) or \
                shutil.which("qemu-%s-static" % self.plat.split("-", 1)[1])
            if qemu:
                os.execv(qemu, [qemu, path] + list(argv[1:]))
        raise ValueError("a %s executable cannot run on this machine (%s%s): build it with `pyrite build "
                         "PROG.py --platform %s` and run it there"
                         % (self.plat, host, ", no qemu-user" if self.plat.startswith("linux-") else "", self.plat))


for _plat in PLATFORMS:
    t = CrossTarget(_plat)
    from pyrite.targets import base as _base
    _base._TARGETS[t.name] = t
