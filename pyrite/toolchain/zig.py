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
# -ffp-contract=off: `a * b + c` rounds twice, as Python does (a fused multiply-add would round once and
# print other digits than CPython on CPUs that have one: aarch64, x86-64 beyond baseline)
# -g0 (and native links with --strip-debug): no DWARF, which made outputs 4x larger and compiles 30% slower;
# PYRITE_DEBUG_INFO=1 keeps debug information and symbols (for profilers and debuggers)
DEBUG_INFO = bool(os.environ.get("PYRITE_DEBUG_INFO"))
COMMON_CFLAGS = ["-g" if DEBUG_INFO else "-g0", "-std=gnu11", "-fno-strict-aliasing", "-fwrapv", "-ffp-contract=off", "-ffunction-sections", "-fdata-sections",
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


def link_flags(t):
    return [f for f in t.ldflags if not (DEBUG_INFO and f in ("-s", "-Wl,--strip-debug"))]


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


# compiled units kept in the cache: the oldest (by last use) go beyond this many
OBJECT_CACHE_FILES = 3000


def _zig_version():
    import ziglang
    return getattr(ziglang, "__version__", "") or os.path.getmtime(zig_exe())


def object_cache_key(text, target):
    """What decides a unit's object file: its text, the target's flags, the runtime's headers and zig."""
    h = hashlib.sha256()
    h.update(repr((_target(target).fingerprint(), COMMON_CFLAGS, str(_zig_version()))).encode())
    inc = os.path.join(RUNTIME_DIR, "include")
    for f in sorted(os.listdir(inc)):
        h.update(f.encode())
        with open(os.path.join(inc, f), "rb") as fh:
            h.update(fh.read())
    h.update(text.encode("utf-8"))
    return h.hexdigest()[:32]


def _prune_object_cache(d):
    try:
        files = [os.path.join(d, f) for f in os.listdir(d) if f.endswith(".o")]
    except OSError:
        return
    if len(files) <= OBJECT_CACHE_FILES:
        return
    files.sort(key=lambda f: os.path.getmtime(f) if os.path.exists(f) else 0)
    for f in files[:len(files) - OBJECT_CACHE_FILES]:
        try:
            os.unlink(f)
        except OSError:
            pass


def compile_units(units, workdir, out_path, target, show=False, jobs=None):
    """Compile C units [(name, text)] to objects (in parallel; each cached by its text, so a library
    module's unit compiles once while it does not change) and link them with the runtime library."""
    del last_commands[:]
    lib = runtime_library(target, show)
    t = _target(target)
    obj_dir = os.path.join(cache_dir(), "objects", t.name)
    os.makedirs(obj_dir, exist_ok=True)
    objs, todo = [], []
    for name, text in units:
        c_path = os.path.join(workdir, "program.c" if name == "main" else "unit_%s.c" % name)
        with open(c_path, "w") as f:
            f.write(text)
        obj = os.path.join(obj_dir, object_cache_key(text, t) + ".o")
        objs.append(obj)
        if os.path.exists(obj):
            try:
                os.utime(obj)   # (recently used: pruned last)
            except OSError:
                pass
        else:
            todo.append((c_path, obj))
    _compile_objects(todo, t, show, jobs or os.cpu_count() or 1)
    cmd = [zig_exe(), "cc"] + t.target_flags() + list(t.cflags) + COMMON_CFLAGS + objs + [lib] + \
        link_flags(t) + ["-o", out_path]
    run(cmd, show)
    if todo:
        _prune_object_cache(obj_dir)
    return out_path


def _compile_objects(todo, t, show, jobs):
    """Run the unit compiles, at most `jobs` at a time; each object lands in the cache atomically."""
    running, failed = [], None
    todo = list(todo)
    # the biggest first: the longest compile starts while the others share the remaining cores
    todo.sort(key=lambda co: -os.path.getsize(co[0]))
    while todo or running:
        while todo and len(running) < jobs and failed is None:
            c_path, obj = todo.pop(0)
            tmp = "%s.tmp%d-%s" % (obj, os.getpid(), os.path.basename(c_path))
            cmd = [zig_exe(), "cc"] + t.target_flags() + list(t.cflags) + COMMON_CFLAGS + \
                ["-I", os.path.join(RUNTIME_DIR, "include"), "-c", c_path, "-o", tmp]
            last_commands.append(" ".join(cmd))
            if show:
                print(" ".join(cmd), file=sys.stderr)
            p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            running.append((p, c_path, obj, tmp))
        if failed is not None and not running:
            break
        if not running:
            continue
        done = _wait_any([r[0] for r in running])
        for entry in [r for r in running if r[0] is done]:
            running.remove(entry)
            p, c_path, obj, tmp = entry
            log = p.stdout.read().decode("utf-8", "replace")
            p.stdout.close()
            if p.returncode != 0:
                failed = failed or ToolchainError("C compilation failed (%s)" % os.path.basename(c_path), log)
                if os.path.exists(tmp):
                    os.unlink(tmp)
            else:
                os.replace(tmp, obj)
    if failed is not None:
        raise failed


def _wait_any(procs):
    """The first of the processes to finish (polling: portable, and compiles take seconds)."""
    import time
    while True:
        for p in procs:
            if p.poll() is not None:
                return p
        time.sleep(0.01)


def compile_program(c_path, out_path, target, show=False):
    del last_commands[:]
    lib = runtime_library(target, show)
    t = _target(target)
    cmd = [zig_exe(), "cc"] + t.target_flags() + list(t.cflags) + COMMON_CFLAGS + \
        ["-I", os.path.join(RUNTIME_DIR, "include"), c_path, lib] + link_flags(t) + ["-o", out_path]
    run(cmd, show)
    return out_path
