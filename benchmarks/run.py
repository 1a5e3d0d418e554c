"""Benchmark table: pystone and the pyperformance programs under CPython, pyrite native and pyrite wasi.

usage: python benchmarks/run.py [--set core|stdlib|all] [--runs N] [--only a,b] [--md FILE] [--no-wasi]

Programs: ../shared/benchmarks/pystone_state.py and what `get_pyperformance.py --set SET` writes
(unmodified; PYRITE_SHARED overrides the location). Engines, each run in its own process, runs
alternated between engines so machine noise hits all of them alike:
  - CPython (the interpreter running this script), and PyPy when `pypy3` is on PATH;
  - pyrite native: the executable `pyrite build` wrote;
  - pyrite wasi, two ways: `pyrite run --target wasi` as a user launches it (whole process:
    Python start, wasmtime import, cached .cwasm load), and "wasm only": the cached module on
    wasmtime inside one process, timing instantiation and `_start` only (launcher excluded).
Reported: median wall time, speed-up over CPython, geometric means, build time, output size, peak
memory (max RSS of the process), and whether stdout matched CPython's byte for byte. A program pyrite
rejects shows its first diagnostic. Writes the markdown table to --md (default benchmarks/results.md).
"""
import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("PYRITE_SHARED") or os.path.join(HERE, "..", "..", "shared", "benchmarks")
PYSTONE_LOOPS = "1000000"
CORE = {"chaos", "fannkuch", "float", "go", "nbody", "nqueens", "richards", "spectral_norm"}

WASM_ONLY = r"""
import sys, time, wasmtime
from pyrite.targets.wasi import _engine, load_module
wasm, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
engine = _engine()
module = load_module(engine, wasm)
times = []
for _ in range(runs):
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    cfg = wasmtime.WasiConfig()
    cfg.argv = [wasm] + sys.argv[4:]
    cfg.stdout_file = out
    cfg.preopen_dir(".", ".")
    store.set_wasi(cfg)
    t0 = time.perf_counter()
    inst = linker.instantiate(store, module)
    try:
        inst.exports(store)["_start"](store)
    except wasmtime.ExitTrap as e:
        if e.code:
            sys.exit(e.code)
    times.append(time.perf_counter() - t0)
print(" ".join("%.6f" % t for t in times))
"""


# Peak memory: a process exec'ed from Python inherits Python's RSS high-water mark (Linux records the
# old address space's peak at exec), so a tiny C launcher forks the measured program from its own
# small address space and reports the child's ru_maxrss on stderr's last line.
LAUNCHER_C = r"""
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
    pid_t pid = fork();
    if (pid == 0) { execvp(argv[1], argv + 1); _exit(127); }
    int status; struct rusage ru;
    wait4(pid, &status, 0, &ru);
    fprintf(stderr, "\nmaxrss %ld\n", ru.ru_maxrss);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
"""
LAUNCHER = None


def make_launcher(work):
    global LAUNCHER
    from pyrite.toolchain.zig import zig_exe
    src, exe = os.path.join(work, "rss.c"), os.path.join(work, "rss")
    with open(src, "w") as f:
        f.write(LAUNCHER_C)
    subprocess.run([zig_exe(), "cc", "-O1", src, "-o", exe], check=True)
    LAUNCHER = exe


def timed(cmd, cwd):
    """Run cmd; returns (seconds, stdout bytes, peak RSS in KiB, exit status)."""
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    t0 = time.perf_counter()
    code = subprocess.run([LAUNCHER] + cmd, cwd=cwd, stdout=out, stderr=err).returncode
    dt = time.perf_counter() - t0
    out.seek(0)
    err.seek(0)
    tail = err.read().decode("utf-8", "replace").split()
    rss = int(tail[-1]) if len(tail) >= 2 and tail[-2] == "maxrss" else 0
    return dt, out.read(), rss, code


def build(src, target, out, cwd):
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "pyrite.cli", "build", src, "--target", target, "-o", out],
                       cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        lines = [l for l in (p.stderr or p.stdout).splitlines() if "error" in l] or p.stderr.splitlines() or ["?"]
        return None, lines[0].replace(cwd + "/", "")
    return time.perf_counter() - t0, None


class Result:
    def __init__(self, name):
        self.name = name
        self.times = {}       # engine -> [seconds]
        self.rss = {}         # engine -> KiB
        self.same = {}        # engine -> stdout matched CPython
        self.build = {}       # target -> seconds
        self.size = {}        # target -> bytes
        self.error = None


def programs(which, work):
    progs = []
    if which in ("core", "all", "pystone"):
        for f in ("pystone.py", "pystone_state.py"):
            shutil.copy(os.path.join(SHARED, f), work)
        progs.append(("pystone", os.path.join(work, "pystone_state.py"), [PYSTONE_LOOPS]))
    if which != "pystone":
        d = os.path.join(work, "pyperf")
        subprocess.run([sys.executable, os.path.join(SHARED, "get_pyperformance.py"), "--set", which, d],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for f in sorted(os.listdir(d)):
            if f.endswith(".py"):
                progs.append((f[:-3], os.path.join(d, f), []))
    return progs


def measure(name, src, argv, runs, wasi, pypy):
    r = Result(name)
    cwd = os.path.dirname(src)
    exe, wasm = src[:-3] + ".native", src[:-3] + ".wasm"
    ok = {}
    for target, out in (("native", exe), ("wasi", wasm)):
        if target == "wasi" and not wasi:
            continue
        t, err = build(src, target, out, cwd)
        if err:
            r.error = err
            return r
        r.build[target], r.size[target] = t, os.path.getsize(out)
        ok[target] = out
    engines = {"CPython": [sys.executable, src] + argv, "native": [exe] + argv}
    if pypy:
        engines["PyPy"] = [pypy, src] + argv
    if wasi:
        engines["wasi (pyrite run)"] = [sys.executable, "-m", "pyrite.cli", "run", src, "--target", "wasi"] + argv
        timed(engines["wasi (pyrite run)"], cwd)   # first run: builds and caches the .cwasm
    expected = None
    for i in range(runs):
        for eng, cmd in engines.items():
            dt, out, rss, code = timed(cmd, cwd)
            if eng == "CPython":
                expected = out
            r.times.setdefault(eng, []).append(dt)
            r.rss[eng] = max(r.rss.get(eng, 0), rss)
            r.same[eng] = r.same.get(eng, True) and code == 0 and (eng == "CPython" or out == expected)
        if wasi:
            outf = os.path.join(cwd, name + ".wasm-out")
            p = subprocess.run([sys.executable, "-c", WASM_ONLY, wasm, outf, "1"] + argv, cwd=cwd,
                               stdout=subprocess.PIPE, text=True)
            eng = "wasi (wasm only)"
            if p.returncode == 0:
                r.times.setdefault(eng, []).append(float(p.stdout.split()[0]))
                r.same[eng] = r.same.get(eng, True) and open(outf, "rb").read() == expected
            else:
                r.same[eng] = False
    return r


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def table(results, engines, runs):
    lines = ["| program | CPython (s) | " + " | ".join("%s (s) | speed-up" % e for e in engines[1:]) +
             " | build native (s) | size native / wasm (KB) | peak RSS CPython / native (MB) | output |",
             "|" + " --- |" * (6 + 2 * (len(engines) - 1))]
    ratios = {e: [] for e in engines[1:]}
    for r in results:
        if r.error:
            lines.append("| %s | rejected: `%s` |" % (r.name, r.error[:150].replace("|", "\\|")))
            continue
        base = statistics.median(r.times["CPython"])
        cells = ["%.3f" % base]
        for e in engines[1:]:
            if e in r.times:
                med = statistics.median(r.times[e])
                ratios[e].append(base / med)
                cells += ["%.3f" % med, "%.1fx" % (base / med)]
            else:
                cells += ["-", "-"]
        same = all(r.same.get(e, True) for e in engines)
        bad = [e for e in engines if not r.same.get(e, True)]
        lines.append("| %s | %s | %.2f | %.0f / %s | %.0f / %.1f | %s |" % (
            r.name, " | ".join(cells), r.build["native"], r.size["native"] / 1024,
            "%.0f" % (r.size["wasi"] / 1024) if "wasi" in r.size else "-",
            r.rss["CPython"] / 1024, r.rss["native"] / 1024, "same" if same else "DIFF: " + ", ".join(bad)))
    core = {e: [] for e in engines[1:]}
    for r in results:
        if not r.error and r.name in CORE:
            base = statistics.median(r.times["CPython"])
            for e in engines[1:]:
                if e in r.times:
                    core[e].append(base / statistics.median(r.times[e]))
    for label, rs in (("geomean, all compiled programs", ratios), ("geomean, the 8 core programs", core)):
        if not any(rs.values()):
            continue
        geo = [label, ""]
        for e in engines[1:]:
            g = geomean(rs[e])
            geo += ["", "%.1fx" % g if g else "-"]
        lines.append("| " + " | ".join(geo + ["", "", "", ""]) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", choices=["core", "stdlib", "all", "pystone"])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="")
    ap.add_argument("--md", default=os.path.join(HERE, "results.md"))
    ap.add_argument("--no-wasi", action="store_true")
    a = ap.parse_args()
    pypy = shutil.which("pypy3")
    wasi = not a.no_wasi
    work = tempfile.mkdtemp(prefix="pyrite-bench-")
    subprocess.run([sys.executable, "-m", "pyrite.toolchain.warm"], check=True, stdout=subprocess.DEVNULL)
    make_launcher(work)
    results = []
    only = set(filter(None, a.only.split(",")))
    for name, src, argv in programs(a.set, work):
        if only and name not in only:
            continue
        r = measure(name, src, argv, a.runs, wasi, pypy)
        results.append(r)
        print("%-20s %s" % (name, r.error or " ".join("%s %.3f" % (e, statistics.median(t))
                                                     for e, t in r.times.items())), flush=True)
    engines = ["CPython"] + (["PyPy"] if pypy else []) + ["native"] + \
        (["wasi (wasm only)", "wasi (pyrite run)"] if wasi else [])
    md = ("Measured with `python benchmarks/run.py --set %s --runs %d` (CPython %s; median of %d alternated "
          "runs, whole process except *wasm only*, which times instantiation and `_start` of the cached "
          "module inside one process).\n\n" % (a.set, a.runs, sys.version.split()[0], a.runs)) + \
        table(results, engines, a.runs) + "\n"
    print()
    print(md)
    with open(a.md, "w") as f:
        f.write(md)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
