"""zig cc from the ziglang wheel: target flags, the runtime library built once per target and cached,
and linking a generated C file against it. C compiler output never reaches the user as-is."""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

from pyrite.toolchain.cache import cache_dir, atomic_replace_dir

RUNTIME_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "runtime")
COMMON_CFLAGS = ["-std=gnu11", "-fno-strict-aliasing", "-fwrapv", "-ffunction-sections", "-fdata-sections",
                 "-Wno-unused-label", "-Wno-unused-variable", "-Wno-unused-function",
                 "-Wno-parentheses-equality", "-Wno-unused-but-set-variable"]


class ToolchainError(Exception):
    """A C compilation failed: an internal compiler error, reported without raw compiler output."""

    def __init__(self, message, log):
        super().__init__(message)
        self.log = log


def zig_exe():
    import ziglang
    path = os.path.join(os.path.dirname(ziglang.__file__), "zig")
    if os.name == "nt":
        path += ".exe"
    return path


def _target(target):
    from pyrite.targets.base import get_target, Target
    return target if isinstance(target, Target) else get_target(target)


def target_flags(target):
    return _target(target).target_flags()


last_commands = []   # the zig command lines of the latest compilation (tests print them on failure)


def runtime_cflags(target, source=None):
    """The runtime library's flags: the program's, with the target's runtime_opt optimisation level if set
    (wasm: -Oz, the runtime is most of a small program's .wasm) except for its hot sources."""
    t = _target(target)
    opt = t.runtime_opt
    if source is not None and os.path.basename(source) in t.runtime_hot:
        opt = None
    return [opt if opt and f.startswith("-O") else f for f in t.cflags]


def run(cmd, show, cwd=None):
    last_commands.append(" ".join(cmd))
    if show:
        print(" ".join(cmd), file=sys.stderr)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd)
    if p.returncode != 0:
        raise ToolchainError("C compilation failed (%s)" % os.path.basename(cmd[-1]),
                             p.stdout.decode("utf-8", "replace"))
    return p


def runtime_sources(target=None):
    """The runtime's C files: runtime/src/*.c and the target's runtime/platform/ file."""
    src = os.path.join(RUNTIME_DIR, "src")
    files = sorted(os.path.join(src, f) for f in os.listdir(src) if f.endswith(".c"))
    platform = _target(target).platform if target is not None else "posix"
    return files + [os.path.join(RUNTIME_DIR, "platform", platform + ".c")]


def runtime_hash(target):
    h = hashlib.sha256()
    h.update(repr((_target(target).fingerprint(), COMMON_CFLAGS)).encode())
    for d in ("src", "include", "platform"):
        base = os.path.join(RUNTIME_DIR, d)
        if not os.path.isdir(base):
            continue
        for f in sorted(os.listdir(base)):
            h.update(f.encode())
            with open(os.path.join(base, f), "rb") as fh:
                h.update(fh.read())
    return h.hexdigest()[:20]


def runtime_library(target, show=False):
    """Path of libpyrt.a for the target, building it on first use (cached by source hash)."""
    key = runtime_hash(target)
    out_dir = os.path.join(cache_dir(), "runtime", "%s-%s" % (_target(target).name, key))
    lib = os.path.join(out_dir, "libpyrt.a")
    if os.path.exists(lib):
        return lib
    if sys.stderr.isatty() and not show:   # a person is waiting: say why the first build takes a while
        print("pyrite: building the runtime library for %s (once per pyrite version and target; "
              "about 20-40 s)..." % _target(target).name, file=sys.stderr, flush=True)
    tmp = tempfile.mkdtemp(prefix="rt-", dir=os.path.dirname(out_dir) if os.path.isdir(os.path.dirname(out_dir)) else None)
    try:
        objs = []
        for src in runtime_sources(target):
            obj = os.path.join(tmp, os.path.basename(src)[:-2] + ".o")
            cmd = [zig_exe(), "cc"] + target_flags(target) + runtime_cflags(target, src) + COMMON_CFLAGS + \
                ["-I", os.path.join(RUNTIME_DIR, "include"), "-c", src, "-o", obj]
            run(cmd, show)
            objs.append(obj)
        run([zig_exe(), "ar", "rcs", os.path.join(tmp, "libpyrt.a")] + objs, show)
        atomic_replace_dir(tmp, out_dir)
    finally:
        if os.path.isdir(tmp):
            shutil.rmtree(tmp, ignore_errors=True)
    return lib


def compile_program(c_path, out_path, target, show=False):
    del last_commands[:]
    lib = runtime_library(target, show)
    t = _target(target)
    cmd = [zig_exe(), "cc"] + t.target_flags() + list(t.cflags) + COMMON_CFLAGS + \
        ["-I", os.path.join(RUNTIME_DIR, "include"), c_path, lib] + list(t.ldflags) + ["-o", out_path]
    run(cmd, show)
    return out_path
