#!/usr/bin/env python3
"""Sanitizer job: the differential run cases (tests/cases/run-*.test) built natively with gcc's
AddressSanitizer + UndefinedBehaviorSanitizer (+ LeakSanitizer at exit) and checked against CPython.

    python tools/sanitize.py                      # every run case
    python tools/sanitize.py -k Dict -k testLen   # cases whose name or file contains a pattern (or fnmatch)
    python tools/sanitize.py --budget 600         # stop starting new cases after 600 s, report coverage
    python tools/sanitize.py --json out.json      # also write the results as JSON
    python tools/sanitize.py --pools              # keep the runtime's free lists (see below)

For each case: CPython runs the program (the expected stdout and exit status); `pyrite build --emit-c`
writes the C; gcc compiles it with -fsanitize=address,undefined and links it against a sanitized build
of the runtime; the program runs; the case passes when (a) stdout and the exit status equal CPython's,
(b) there is no AddressSanitizer / UndefinedBehaviorSanitizer report, (c) LeakSanitizer finds no leak
(the runtime collects cyclic garbage and forgets its GC lists at exit under -DPYRT_LEAK_CHECK, so what
no global still references and the collector did not free is reported).

The sanitized runtime is built once per (runtime sources, flags, gcc version) into a cache directory
($PYRITE_SANITIZE_CACHE, default <tmp>/pyrite-sanitize-<uid>): a snapshot of runtime/ (so that edits
made while a run is going on do not mix two versions) plus libpyrt_san.a built from it.

Free lists: the runtime pools small objects and buffers and never returns them to malloc, which hides
use-after-free and double free from AddressSanitizer. By default the snapshot's alloc.c is patched so
that a released block goes back to free() (the pools stay empty, every pop falls back to calloc);
--pools builds the runtime as shipped. Blocks are still rounded up to 16 bytes, so an overflow by
less than the rounding is not seen.
"""
import argparse
import concurrent.futures
import fcntl
import fnmatch
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests")
CASES_DIR = os.path.join(TESTS, "cases")
RUNTIME_DIR = os.path.join(ROOT, "pyrite", "runtime")
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

SAN_FLAGS = ["-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-g", "-O1",
             "-DPYRT_LEAK_CHECK"]   # the runtime forgets its GC lists at exit (they reach every object)
# not part of -fsanitize=undefined in gcc, but undefined behaviour all the same (a double out of the
# range of the integer type it is converted to: int(1e300), float keys, ...)
SAN_EXTRA = ["-fsanitize=float-cast-overflow"]
# zig/clang-only or target-specific flags of the runtime that gcc does not take
DROP_FLAGS = {"-Wno-parentheses-equality"}
DROP_PREFIXES = ("-O", "-mcpu", "-march", "-target", "--target")
GCC = os.environ.get("CC_SANITIZE", "gcc")

ASAN_EXIT = 86   # exit status of a program stopped by ASan or failing the leak check

ASAN_OPTIONS = ":".join([
    "detect_leaks=1", "halt_on_error=1", "abort_on_error=0", "exitcode=%d" % ASAN_EXIT,
    "allocator_may_return_null=1",      # a huge allocation gives NULL -> MemoryError, as in CPython
    "detect_stack_use_after_return=1", "check_initialization_order=1", "strict_init_order=1",
    "print_summary=1", "symbolize=1", "color=never"])
UBSAN_OPTIONS = "print_stacktrace=1:halt_on_error=0:report_error_type=1:print_summary=1:color=never"
LSAN_OPTIONS = "print_suppressions=0"

TIMEOUT_CPYTHON = 60
TIMEOUT_EMIT = 300
TIMEOUT_CC = 600
TIMEOUT_RUN = 120

# Cases whose memory is legitimately unreachable at exit; the leak check is off for them (ASan and UBSan
# stay on). Empty since the cycle collector: cyclic garbage is collected before the check.
LEAK_SKIP = {}


# ------------------------------------------------------------------ toolchain

def gcc_has_sanitizers():
    """(True, "") when gcc compiles, links and runs a program with -fsanitize=address,undefined;
    (False, why) otherwise."""
    d = tempfile.mkdtemp(prefix="pyrite-sancheck-")
    try:
        src = os.path.join(d, "t.c")
        with open(src, "w") as f:
            f.write("#include <stdlib.h>\nint main(void){char *p=malloc(4);p[0]=0;int r=p[0];free(p);return r;}\n")
        try:
            p = subprocess.run([GCC] + SAN_FLAGS + SAN_EXTRA + [src, "-o", os.path.join(d, "t")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        except (OSError, subprocess.SubprocessError) as e:
            return False, "%s: %s" % (GCC, e)
        if p.returncode != 0:
            return False, "%s cannot build with sanitizers: %s" % (GCC, p.stdout.decode("utf-8", "replace")[-500:])
        p = subprocess.run([os.path.join(d, "t")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=dict(os.environ, ASAN_OPTIONS="detect_leaks=1"), timeout=60)
        if p.returncode != 0:
            return False, "a sanitized test program fails to run: %s" % p.stdout.decode("utf-8", "replace")[-500:]
        return True, ""
    finally:
        shutil.rmtree(d, ignore_errors=True)


def gcc_version():
    try:
        return subprocess.run([GCC, "--version"], stdout=subprocess.PIPE, timeout=30).stdout.decode().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "?"


def _keep_flag(f):
    return f not in DROP_FLAGS and not f.startswith(DROP_PREFIXES)


def base_cflags():
    """The runtime's and the program's C flags (zig.COMMON_CFLAGS and the native target's flags)
    without the optimisation level and the zig/target-specific ones."""
    from pyrite.toolchain.zig import COMMON_CFLAGS
    from pyrite.targets.base import get_target
    native = get_target("native")
    flags = [f for f in list(COMMON_CFLAGS) + list(native.cflags) if _keep_flag(f)]
    return flags, [f for f in native.ldflags if _keep_flag(f)]


def cache_root():
    d = os.environ.get("PYRITE_SANITIZE_CACHE") or os.path.join(
        tempfile.gettempdir(), "pyrite-sanitize-%s" % (os.getuid() if hasattr(os, "getuid") else "user"))
    os.makedirs(d, exist_ok=True)
    return d


# Disabling the free lists in the snapshot's alloc.c: a released object or buffer goes to free().
POOL_PATCHES = [
    ("pyrt_freelist[c] = o;", "free(o);  /* sanitize.py: pools off */"),
    ("buf_freelist[c] = h;", "free(h);  /* sanitize.py: pools off */"),
]


def snapshot_runtime():
    """The runtime sources as they are now: {relative path: bytes} (src, include, platform)."""
    files = {}
    for d in ("src", "include", "platform"):
        base = os.path.join(RUNTIME_DIR, d)
        if not os.path.isdir(base):
            continue
        for f in sorted(os.listdir(base)):
            p = os.path.join(base, f)
            if os.path.isfile(p):
                with open(p, "rb") as fh:
                    files["%s/%s" % (d, f)] = fh.read()
    return files


class Runtime:
    """A sanitized runtime: root (the snapshot, with include/), lib (libpyrt_san.a), cflags, ldflags."""

    def __init__(self, root, cflags, ldflags, pools, built, seconds):
        self.root, self.cflags, self.ldflags, self.pools = root, cflags, ldflags, pools
        self.lib = os.path.join(root, "libpyrt_san.a")
        self.include = os.path.join(root, "include")
        self.built, self.seconds = built, seconds


def runtime_snapshot(pools=False, log=print):
    """(files, cache directory, pools) of the runtime as it is now: the sources (alloc.c patched unless
    pools) and the directory its sanitized build goes to (named by a hash of the sources, the flags,
    the gcc version and the pool mode)."""
    cflags, ldflags = base_cflags()
    files = snapshot_runtime()
    if not pools:
        text = files["src/alloc.c"].decode("utf-8")
        missing = [a for a, _ in POOL_PATCHES if a not in text]
        if missing:
            log("sanitize: alloc.c changed (no %s); building with the free lists on" % ", ".join(missing))
            pools = True
        else:
            for a, b in POOL_PATCHES:
                text = text.replace(a, b)
            files["src/alloc.c"] = text.encode("utf-8")
    h = hashlib.sha256()
    h.update(repr((SAN_FLAGS, SAN_EXTRA, cflags, ldflags, gcc_version(), pools, 2)).encode())
    for rel in sorted(files):
        h.update(rel.encode() + b"\0" + files[rel] + b"\0")
    key = h.hexdigest()[:20]
    return files, os.path.join(cache_root(), "runtime-%s-%s" % ("pools" if pools else "nopools", key)), pools


def build_runtime(pools=False, log=print):
    """The sanitized runtime library, built on first use and cached (see runtime_snapshot)."""
    t0 = time.time()
    cflags, ldflags = base_cflags()
    files, root, pools = runtime_snapshot(pools, log)
    if os.path.exists(os.path.join(root, "libpyrt_san.a")):
        return Runtime(root, cflags, ldflags, pools, False, time.time() - t0)
    # Built in place (the paths compiled into the objects, which UBSan reports, stay valid), under a
    # lock; libpyrt_san.a appears last, atomically, and marks the directory complete.
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lib = os.path.join(root, "libpyrt_san.a")
        if os.path.exists(lib):
            return Runtime(root, cflags, ldflags, pools, False, time.time() - t0)
        log("sanitize: building the sanitized runtime (%d files, once per runtime version) ..." %
            sum(1 for r in files if r.endswith(".c")))
        for rel, data in files.items():
            p = os.path.join(root, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(data)
        srcs = sorted(os.path.join(root, r) for r in files if r.startswith("src/") and r.endswith(".c"))
        srcs.append(os.path.join(root, "platform", "posix.c"))
        objs = []
        for src in srcs:   # one compile at a time (shared machine)
            obj = os.path.join(root, "obj", os.path.basename(src)[:-2] + ".o")
            os.makedirs(os.path.dirname(obj), exist_ok=True)
            cmd = [GCC] + SAN_FLAGS + SAN_EXTRA + cflags + ["-I", os.path.join(root, "include"), "-c", src, "-o", obj]
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT_CC)
            if p.returncode != 0:
                raise RuntimeError("building the sanitized runtime failed:\n%s\n%s" %
                                   (" ".join(cmd), p.stdout.decode("utf-8", "replace")[-3000:]))
            objs.append(obj)
        tmp_lib = lib + ".tmp%d" % os.getpid()
        subprocess.run(["ar", "rcs", tmp_lib] + objs, check=True)
        os.replace(tmp_lib, lib)
    return Runtime(root, cflags, ldflags, pools, True, time.time() - t0)


# ------------------------------------------------------------------ cases

def load_cases():
    from casefile import load_dir
    return load_dir(CASES_DIR, "run-", allowed=("case", "file", "stdin"))


def load_xfail():
    from casefile import load_xfail as load   # (tests/casefile.py, like load_cases)
    return load(CASES_DIR)


def program_case(path):
    """A single-file Python program as a case (written as main.py; no stdin)."""
    from casefile import Case
    path = os.path.abspath(path)
    c = Case(os.path.basename(path)[:-3] if path.endswith(".py") else os.path.basename(path), path, 1)
    with open(path, encoding="utf-8") as f:
        c.main = f.read().splitlines(True)
    return c


def select(cases, patterns):
    if not patterns:
        return cases
    out = []
    for c in cases:
        hay = (c.name, os.path.basename(c.path))
        for pat in patterns:
            if any(fnmatch.fnmatchcase(h, pat) if any(ch in pat for ch in "*?[") else pat in h for h in hay):
                out.append(c)
                break
    return out


# ------------------------------------------------------------------ sanitizer output

ASAN_HDR = re.compile(r"^==\d+==ERROR: AddressSanitizer: ([\w-]+)(.*)$")
ASAN_OTHER = re.compile(r"^==\d+==(?:ERROR: )?AddressSanitizer: (.*)$")
LSAN_HDR = re.compile(r"^==\d+==ERROR: LeakSanitizer: detected memory leaks")
LEAK = re.compile(r"^(Direct|Indirect) leak of (\d+) byte\(s\) in (\d+) object\(s\) allocated from:")
FRAME = re.compile(r"^\s*#(\d+) 0x[0-9a-fA-F]+ in (.+?) (\S+?)(?::(\d+))?(?::(\d+))?\s*$")
FRAME_NOFILE = re.compile(r"^\s*#(\d+) 0x[0-9a-fA-F]+ (?:in (\S+) )?\((.*)\)\s*$")
UB = re.compile(r"^(.+?):(\d+):(\d+): runtime error: (.*)$")
SUMMARY_UB = re.compile(r"^SUMMARY: UndefinedBehaviorSanitizer: ([\w-]+) (\S+)")
SAN_LINE = re.compile(r"^(==\d+==|SUMMARY: |\s*#\d+ 0x|    (?:Direct|Indirect) leak|Direct leak|Indirect leak|"
                      r"Shadow |  Addressable|  Partially|  Heap |  Freed |  Stack |  Global |  Poisoned|"
                      r"  Container|  Array |  Intra |  ASan |  Left |  Right |=>|  0x|\S+:\d+:\d+: runtime error:)")

ALLOCATORS = {"malloc", "calloc", "realloc", "__interceptor_malloc", "__interceptor_calloc",
              "__interceptor_realloc", "Pyrt_Alloc", "Pyrt_Malloc", "Pyrt_Realloc", "free",
              "__interceptor_free", "Pyrt_Free", "Pyrt_Dealloc", "Pyrt_DecRef", "Pyrt_XDecRef"}


class Frame:
    def __init__(self, func, path, line):
        self.func, self.path, self.line = func, path, line

    def where(self, ctx):
        return "%s (%s)" % (ctx.short_path(self.path, self.line), self.func)

    def ours(self, ctx):
        return ctx.is_ours(self.path)


def parse_frames(lines, i):
    """Stack frames starting at lines[i]; (frames, next index)."""
    frames = []
    while i < len(lines):
        m = FRAME.match(lines[i])
        if m:
            func = m.group(2)
            path = m.group(3)
            if path.startswith("("):
                path = ""
            frames.append(Frame(func, path, int(m.group(4)) if m.group(4) else None))
            i += 1
            continue
        m = FRAME_NOFILE.match(lines[i])
        if m:
            frames.append(Frame(m.group(2) or "?", "", None))
            i += 1
            continue
        break
    return frames, i


class Report:
    """One sanitizer finding in one case: kind ("asan:heap-use-after-free", "ubsan:shift-exponent",
    "leak"), where (the first frame in the runtime or the generated C), message, frames (text)."""

    def __init__(self, kind, where, message, frames, size=0):
        self.kind, self.where, self.message, self.frames, self.size = kind, where, message, frames, size

    def key(self):
        return (self.kind, self.where)

    def to_json(self):
        return {"kind": self.kind, "where": self.where, "message": self.message, "frames": self.frames,
                "size": self.size}


class Context:
    """Maps paths of one case's build to names a reader can find: pyrite/runtime/... or program.c."""

    def __init__(self, runtime, c_path):
        self.rt_root = os.path.realpath(runtime.root) + os.sep
        self.c_path = os.path.realpath(c_path)

    def is_ours(self, path):
        if not path:
            return False
        rp = os.path.realpath(path) if os.path.isabs(path) else path
        return rp.startswith(self.rt_root) or rp == self.c_path or os.path.basename(path) == "program.c"

    def short_path(self, path, line):
        if not path:
            return "?"
        rp = os.path.realpath(path) if os.path.isabs(path) else path
        if rp.startswith(self.rt_root):
            s = "pyrite/runtime/" + rp[len(self.rt_root):]
        elif rp == self.c_path or os.path.basename(path) == "program.c":
            s = "program.c"
        else:
            s = path
        return "%s:%s" % (s, line) if line else s


def first_ours(frames, ctx, skip_allocators=False):
    for f in frames:
        if skip_allocators and f.func in ALLOCATORS:
            continue
        if f.ours(ctx):
            return f
    return None


def fmt_frames(frames, ctx, n=8):
    return ["%s %s" % (f.func, ctx.short_path(f.path, f.line)) for f in frames[:n]]


UB_KINDS = [
    ("shift exponent", "shift-exponent"), ("left shift of", "shift-base"),
    ("signed integer overflow", "signed-integer-overflow"), ("division by zero", "integer-divide-by-zero"),
    ("outside the range of representable values", "float-cast-overflow"),
    ("misaligned address", "alignment"), ("null pointer", "null"), ("out of bounds for type", "bounds"),
    ("pointer overflow", "pointer-overflow"), ("applying non-zero offset", "pointer-overflow"),
    ("applying zero offset", "pointer-overflow"), ("not a valid value for type", "invalid-bool-or-enum"),
    ("execution reached", "unreachable"), ("object-size", "object-size"), ("address with insufficient space", "object-size"),
    ("variable length array", "vla-bound"), ("passing zero to", "builtin"), ("nonnull", "nonnull-attribute"),
    ("returns-nonnull", "returns-nonnull-attribute"), ("negation of", "signed-integer-overflow"),
]


def ub_kind(msg):
    for needle, kind in UB_KINDS:
        if needle in msg:
            return kind
    return re.sub(r"0x[0-9a-f]+|-?\d+(\.\d+)?(e[+-]?\d+)?", "N", msg)[:60]


def leak_where(frames, ctx):
    """The allocation site of a leak: the first frame past the allocators, and when that is in the
    runtime, the generated function that called it (by name: lines differ from program to program)."""
    f = first_ours(frames, ctx, skip_allocators=True)
    if f is None:
        return "?"
    where = f.where(ctx)
    if ctx.short_path(f.path, None) != "program.c":
        for g in frames[frames.index(f) + 1:]:
            if ctx.short_path(g.path, None) == "program.c":
                where += " <- program.c (%s)" % g.func
                break
    return where


def parse_reports(stderr, ctx):
    """The sanitizer reports in a program's stderr."""
    lines = stderr.splitlines()
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = UB.match(line)
        if m:
            path, ln, msg = m.group(1), int(m.group(2)), m.group(4)
            j = i + 1
            frames, j = parse_frames(lines, j)
            kind = None
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines):
                s = SUMMARY_UB.match(lines[j])
                if s:
                    kind = s.group(1)
                    j += 1
            if kind is None:
                kind = ub_kind(msg)
            top = Frame("?", path, ln)
            if frames:
                frames[0].path = frames[0].path or path
            out.append(Report("ubsan:" + kind, ctx.short_path(path, ln) + (
                " (%s)" % frames[0].func if frames else ""), msg, fmt_frames(frames or [top], ctx)))
            i = j
            continue
        m = ASAN_HDR.match(line)
        if m and m.group(1) != "LeakSanitizer":
            kind = m.group(1)
            msg = (kind + m.group(2)).strip()
            j = i + 1
            while j < len(lines) and not FRAME.match(lines[j]) and not FRAME_NOFILE.match(lines[j]):
                if lines[j].strip() and not msg.endswith(lines[j].strip()):
                    msg += " | " + lines[j].strip()
                j += 1
            frames, j = parse_frames(lines, j)
            # the next stacks (freed by / previously allocated by) help the diagnosis
            extra = []
            while j < len(lines) and not lines[j].startswith("SUMMARY") and not lines[j].startswith("Shadow"):
                if re.match(r"^(freed by|previously allocated by|allocated by|0x[0-9a-f]+ is located)", lines[j]):
                    head = lines[j].strip()
                    fr, j2 = parse_frames(lines, j + 1)
                    extra.append(head + " " + " <- ".join(fmt_frames(fr, ctx, 6)))
                    j = j2
                    continue
                j += 1
            f = first_ours(frames, ctx)
            out.append(Report("asan:" + kind, f.where(ctx) if f else (frames[0].func if frames else "?"),
                              msg.split(" | ")[0], fmt_frames(frames, ctx) + extra))
            i = j
            continue
        if LSAN_HDR.match(line):
            j = i + 1
            while j < len(lines):
                lm = LEAK.match(lines[j])
                if lm:
                    frames, j = parse_frames(lines, j + 1)
                    kind = "leak" if lm.group(1) == "Direct" else "leak(indirect)"
                    out.append(Report(kind, leak_where(frames, ctx),
                                      "%s leak of %s byte(s) in %s object(s)" % lm.group(1, 2, 3),
                                      fmt_frames(frames, ctx), int(lm.group(2))))
                    continue
                if lines[j].startswith("SUMMARY:"):
                    break
                j += 1
            i = j + 1
            continue
        m = ASAN_OTHER.match(line)
        if m and "LeakSanitizer" not in line and not line.startswith("SUMMARY"):
            out.append(Report("asan:other", "?", m.group(1), []))
        i += 1
    return out


def strip_sanitizer_text(stderr):
    return "\n".join(l for l in stderr.splitlines() if not SAN_LINE.match(l))


# ------------------------------------------------------------------ one case

class Result:
    def __init__(self, case):
        self.case = case
        self.name = case.name
        self.file = os.path.basename(case.path)
        self.status = None       # pass | fail | rejected | build-error | timeout | error
        self.problems = []       # text: why it is not a pass
        self.reports = []
        self.seconds = 0.0
        self.workdir = None
        self.leak_check = True

    def to_json(self):
        return {"name": self.name, "file": self.file, "status": self.status, "problems": self.problems,
                "reports": [r.to_json() for r in self.reports], "seconds": round(self.seconds, 2),
                "workdir": self.workdir, "leak_check": self.leak_check}


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].strip() if lines else ""


def run_cpython(case, d):
    case.write(d)
    p = subprocess.run([sys.executable, "main.py"], cwd=d, input=(case.stdin or "").encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT_CPYTHON,
                       env=dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8"))
    return p.stdout, p.returncode, p.stderr.decode("utf-8", "replace")


def run_case(case, runtime, workroot, xfail, keep_passing=False):
    r = Result(case)
    r.runtime = runtime
    t0 = time.time()
    d = os.path.join(workroot, re.sub(r"[^A-Za-z0-9_.-]", "_", case.name))
    r.workdir = d
    try:
        _run_case(case, runtime, d, r, xfail)
    except subprocess.TimeoutExpired as e:
        r.status = "timeout"
        r.problems.append("timed out: %s" % (e.cmd if isinstance(e.cmd, str) else " ".join(map(str, e.cmd))[:200]))
    except Exception as e:   # noqa: BLE001 (a broken case must not stop the job)
        r.status = "error"
        r.problems.append("%s: %s" % (type(e).__name__, e))
    r.seconds = time.time() - t0
    if r.status == "pass" and not keep_passing:
        shutil.rmtree(d, ignore_errors=True)   # a sanitized executable is ~5 MB: keep only what failed
        r.workdir = None
    return r


def _run_case(case, runtime, d, r, xfail):
    exp_out, exp_rc, exp_err = run_cpython(case, os.path.join(d, "cpython"))
    work = os.path.join(d, "san")
    main = case.write(work)
    c_path = os.path.join(d, "program.c")
    env = dict(os.environ)
    env.pop("PYRITE_VERIFY", None)
    env["PYRITE_EXACT_INTS"] = "1" if getattr(case, "exact_ints", False) else "0"   # run-exact-*.test
    p = subprocess.run([sys.executable, "-m", "pyrite.cli", "build", main, "--emit-c", "-o", c_path],
                       cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT_EMIT, env=env)
    if p.returncode != 0 or not os.path.exists(c_path):
        # rejected by pyrite: expected for the cases of xfail.txt, a failure for the others
        r.status = "rejected" if case.name in xfail else "fail"
        r.problems.append("pyrite build --emit-c failed: %s" % last_line(p.stderr.decode("utf-8", "replace")))
        return
    exe = os.path.join(d, "prog")
    cmd = [GCC] + SAN_FLAGS + SAN_EXTRA + runtime.cflags + ["-I", runtime.include, c_path, runtime.lib] + \
        runtime.ldflags + ["-o", exe]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT_CC)
    if p.returncode != 0:
        r.status = "build-error"
        r.problems.append("gcc failed: %s" % p.stdout.decode("utf-8", "replace")[-1500:])
        return
    leak_check = case.name not in LEAK_SKIP
    r.leak_check = leak_check
    got_out, got_rc, got_err = run_sanitized(exe, case, work, leak_check)
    with open(os.path.join(d, "stderr.txt"), "w") as f:
        f.write(got_err)
    ctx = Context(runtime, c_path)
    r.reports = parse_reports(got_err, ctx)
    if got_rc == ASAN_EXIT and any(x.kind.startswith("leak") for x in r.reports) and \
            not any(x.kind.startswith("asan:") for x in r.reports):
        # the leak check replaced the exit status: run again without it for the program's own status
        got_out, got_rc, _ = run_sanitized(exe, case, work, False)
    elif got_rc == ASAN_EXIT and not r.reports:
        r.reports.append(Report("asan:unparsed", "?", "exit status %d without a parsed report: %s" %
                                (ASAN_EXIT, last_line(got_err)), []))
    if got_out != exp_out:
        r.problems.append("stdout differs from CPython's (%d vs %d bytes)" % (len(got_out), len(exp_out)))
    if got_rc != exp_rc:
        r.problems.append("exit status %d, CPython %d (stderr: %s)" %
                          (got_rc, exp_rc, last_line(strip_sanitizer_text(got_err))[:200]))
    if r.problems and case.name in xfail:
        r.problems = ["(xfail: %s) " % xfail[case.name] + pr for pr in r.problems]
        r.status = "xfail"
    elif r.problems:
        r.status = "fail"
    if r.reports:
        r.problems += ["%s at %s: %s" % (x.kind, x.where, x.message) for x in r.reports]
        r.status = "fail"
    if r.status is None:
        r.status = "pass"


def run_sanitized(exe, case, cwd, leak_check):
    env = dict(os.environ,
               ASAN_OPTIONS=ASAN_OPTIONS.replace("detect_leaks=1", "detect_leaks=%d" % (1 if leak_check else 0)),
               UBSAN_OPTIONS=UBSAN_OPTIONS, LSAN_OPTIONS=LSAN_OPTIONS)
    p = subprocess.run(["main.py"], executable=exe, cwd=cwd, input=(case.stdin or "").encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT_RUN, env=env)
    return p.stdout, p.returncode, p.stderr.decode("utf-8", "replace")


# ------------------------------------------------------------------ the job

class Job:
    """Runs cases against one sanitized runtime. results: Result per case run; skipped: names not
    started because the budget ran out."""

    def __init__(self, cases, budget=None, jobs=1, pools=False, workdir=None, log=print, keep=True,
                 keep_passing=False):
        self.cases, self.budget, self.jobs, self.pools = cases, budget, max(1, jobs), pools
        self.log = log
        self.workdir = workdir or tempfile.mkdtemp(prefix="pyrite-sanitize-run-")
        self.keep, self.keep_passing = keep, keep_passing
        self.results, self.skipped = [], []
        self.runtime = None
        self.runtimes = []
        self.seconds = 0.0

    def run(self):
        t0 = time.time()
        self.runtime = build_runtime(self.pools, self.log)
        self.runtimes = [self.runtime]
        if self.runtime.built:
            self.log("sanitize: runtime built in %.1f s: %s" % (self.runtime.seconds, self.runtime.lib))
        xfail = load_xfail()
        lock = threading.Lock()
        pending = list(self.cases)

        def worker():
            while True:
                with lock:
                    if not pending:
                        return
                    if self.budget is not None and time.time() - t0 > self.budget:
                        self.skipped += [c.name for c in pending]
                        del pending[:]
                        return
                    case = pending.pop(0)
                res = run_case(case, self.runtime, self.workdir, xfail, self.keep_passing)
                if res.status == "build-error":
                    # the runtime may have changed since the snapshot (the compiler's C then needs
                    # the new headers): rebuild the runtime from the sources as they are now, and retry
                    with lock:
                        if runtime_snapshot(self.pools, self.log)[1] != self.runtime.root:
                            self.runtime = build_runtime(self.pools, self.log)
                            self.runtimes.append(self.runtime)
                            self.log("sanitize: the runtime changed during the run; rebuilt: %s" % self.runtime.lib)
                        rt = self.runtime
                    if rt is not res.runtime:
                        res = run_case(case, rt, self.workdir, xfail, self.keep_passing)
                with lock:
                    self.results.append(res)
                    n = len(self.results)
                self.log("[%d/%d %5.1fs] %-8s %s %s" % (n, len(self.cases), time.time() - t0, res.status,
                                                      res.name, ("; ".join(res.problems))[:300]))

        if self.jobs == 1:
            worker()
        else:
            with concurrent.futures.ThreadPoolExecutor(self.jobs) as ex:
                for f in [ex.submit(worker) for _ in range(self.jobs)]:
                    f.result()
        order = {c.name: i for i, c in enumerate(self.cases)}
        self.results.sort(key=lambda r: order.get(r.name, 0))
        self.seconds = time.time() - t0
        if not self.keep:
            shutil.rmtree(self.workdir, ignore_errors=True)
        return self

    def groups(self):
        """{(kind, where): [(case name, Report)]} over every case."""
        g = {}
        for r in self.results:
            seen = set()
            for rep in r.reports:
                if rep.key() in seen and rep.kind.startswith("leak"):
                    continue
                seen.add(rep.key())
                g.setdefault(rep.key(), []).append((r.name, rep))
        return g

    def count(self, status):
        return sum(1 for r in self.results if r.status == status)

    def summary(self):
        lines = []
        rt = self.runtime
        lines.append("sanitizer job: %d of %d selected cases run in %.1f s (runtime %s, free lists %s; work dir %s)"
                     % (len(self.results), len(self.cases), self.seconds, rt.lib if rt else "?",
                        "on" if rt and rt.pools else "off", self.workdir))
        statuses = ["pass", "fail", "xfail", "rejected", "build-error", "timeout", "error"]
        lines.append("  " + ", ".join("%s %d" % (s, self.count(s)) for s in statuses))
        if len(self.runtimes) > 1:
            lines.append("  the runtime changed during the run and was rebuilt %d time(s): %s" %
                         (len(self.runtimes) - 1, ", ".join(r.root for r in self.runtimes)))
        nleak_skip = sum(1 for r in self.results if not r.leak_check)
        if nleak_skip:
            lines.append("  leak check off (reference cycles, LEAK_SKIP) for %d case(s)" % nleak_skip)
        if self.skipped:
            lines.append("  budget exhausted: %d case(s) not run (first: %s)" % (len(self.skipped), self.skipped[0]))
        bad = [r for r in self.results if r.status in ("fail", "build-error", "timeout", "error")]
        nonrep = [r for r in bad if not r.reports]
        if nonrep:
            lines.append("cases failing without a sanitizer report:")
            for r in nonrep:
                lines.append("  %s (%s) [%s]: %s" % (r.name, r.file, r.status, "; ".join(r.problems)[:400]))
        xf = [r for r in self.results if r.status == "xfail"]
        if xf:
            lines.append("xfail cases (listed in tests/cases/xfail.txt, output differs as expected): %s"
                         % ", ".join(r.name for r in xf))
        groups = self.groups()
        lines.append("sanitizer reports: %d distinct (kind, location), %d in total" %
                     (len(groups), sum(len(v) for v in groups.values())))
        by_kind = {}
        for (kind, where), items in groups.items():
            by_kind.setdefault(kind, []).append((where, items))
        for kind in sorted(by_kind):
            lines.append("  %s:" % kind)
            for where, items in sorted(by_kind[kind], key=lambda x: (-len(x[1]), x[0])):
                names = sorted(set(n for n, _ in items))
                size = sum(rep.size for _, rep in items)
                lines.append("    %s  -- %d case(s)%s: %s" % (where, len(names), (", %d bytes" % size) if size else "",
                                                         ", ".join(names[:6]) + (" ..." if len(names) > 6 else "")))
                rep = items[0][1]
                lines.append("        %s" % rep.message[:300])
                for fr in rep.frames[:6]:
                    lines.append("          %s" % fr[:300])
        return "\n".join(lines)

    def ok(self):
        return all(r.status in ("pass", "xfail", "rejected") for r in self.results)

    def to_json(self):
        return {"seconds": round(self.seconds, 1), "runtime": self.runtime.lib if self.runtime else None,
                "pools": bool(self.runtime and self.runtime.pools), "skipped": self.skipped,
                "results": [r.to_json() for r in self.results]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-k", dest="patterns", action="append", default=[],
                    help="select cases whose name or file contains PATTERN (a glob if it has * ? [); repeatable")
    ap.add_argument("--budget", type=float, default=None, metavar="SECONDS",
                    help="start no new case after SECONDS (the runtime build counts); report what was covered")
    ap.add_argument("--jobs", type=int, default=1, help="cases at a time (default 1: one compile at a time)")
    ap.add_argument("--pools", action="store_true", help="keep the runtime's free lists (hides use-after-free)")
    ap.add_argument("--workdir", default=None, help="where the cases are built (default: a new temp dir, kept)")
    ap.add_argument("--keep-passing", action="store_true",
                    help="keep the build directories of passing cases too (default: only failing ones)")
    ap.add_argument("--json", default=None, metavar="PATH", help="write the results as JSON")
    ap.add_argument("-q", "--quiet", action="store_true", help="no per-case lines")
    ap.add_argument("programs", nargs="*", metavar="PROG.py",
                    help="run these single-file programs (each a case of its own) instead of the run cases")
    args = ap.parse_args(argv)
    ok, why = gcc_has_sanitizers()
    if not ok:
        print("sanitize: %s" % why, file=sys.stderr)
        return 2
    cases = select([program_case(p) for p in args.programs] if args.programs else load_cases(), args.patterns)
    if not cases:
        print("sanitize: no case matches %s" % args.patterns, file=sys.stderr)
        return 2
    log = (lambda *a, **k: None) if args.quiet else (lambda *a, **k: print(*a, flush=True, **k))
    job = Job(cases, budget=args.budget, jobs=args.jobs, pools=args.pools, workdir=args.workdir, log=log,
              keep_passing=args.keep_passing).run()
    print(job.summary())
    if args.json:
        with open(args.json, "w") as f:
            json.dump(job.to_json(), f, indent=1)
    return 0 if job.ok() else 1


if __name__ == "__main__":
    sys.exit(main())
