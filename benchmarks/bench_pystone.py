"""Benchmark: pystone under CPython vs pyrite native vs pyrite wasi (wasmtime), side by side in one run.

usage: python benchmarks/bench_pystone.py [LOOPS] [--runs N]
Uses ../shared/benchmarks/pystone.py + pystone_state.py unmodified (PYRITE_SHARED overrides the
location). Prints run time (best of N, whole process), ratio to CPython, compile time and output size;
then hello-world .wasm size and the start time of a second `pyrite run` of an unchanged program.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("PYRITE_SHARED") or os.path.join(HERE, "..", "..", "shared", "benchmarks")


def best_of(cmd, runs, cwd):
    best = None
    out = None
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
        out = p.stdout
    return best, out


def build(src, target, out):
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pyrite.cli", "build", src, "--target", target, "-o", out], check=True)
    return time.perf_counter() - t0


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    loops = args[0] if args else "500000"
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    work = tempfile.mkdtemp(prefix="pyrite-bench-")
    for f in ("pystone.py", "pystone_state.py"):
        shutil.copy(os.path.join(SHARED, f), work)
    src = os.path.join(work, "pystone_state.py")
    exe, wasm = os.path.join(work, "pystone_native"), os.path.join(work, "pystone.wasm")
    # builds (the runtime library of each target is warmed first so compile time is the program's own)
    subprocess.run([sys.executable, "-m", "pyrite.toolchain.warm"], check=True, stdout=subprocess.DEVNULL)
    ct_native = build(src, "native", exe)
    ct_wasi = build(src, "wasi", wasm)
    wasi_cmd = [sys.executable, "-c", "import sys; from pyrite.targets.wasi import run_wasi; "
                "sys.exit(run_wasi(sys.argv[1], sys.argv[1:]))", wasm, loops]
    best_of(wasi_cmd, 1, work)   # compile the wasm once (cached .cwasm), as `pyrite run` does
    rows = []
    t_py, out_py = best_of([sys.executable, "pystone_state.py", loops], runs, work)
    t_nat, out_nat = best_of([exe, loops], runs, work)
    t_wasi, out_wasi = best_of(wasi_cmd, runs, work)
    rows.append(("CPython %d.%d" % sys.version_info[:2], t_py, None, None, out_py == out_py))
    rows.append(("pyrite native", t_nat, ct_native, os.path.getsize(exe), out_nat == out_py))
    rows.append(("pyrite wasi (wasmtime)", t_wasi, ct_wasi, os.path.getsize(wasm), out_wasi == out_py))
    print("pystone_state.py %s loops, best of %d runs (whole process)" % (loops, runs))
    print("%-24s %10s %10s %12s %12s %8s" % ("", "run (s)", "speedup", "compile (s)", "size (B)", "output"))
    for name, t, ct, size, same in rows:
        print("%-24s %10.3f %9.1fx %12s %12s %8s" % (name, t, t_py / t, "%.2f" % ct if ct else "-",
                                                       size if size else "-", "same" if same else "DIFF"))
    # pystone's own measure (pystones/second over its timed loop, excluding process start-up)
    ps_exe = os.path.join(work, "pystone_native")
    ps_wasm = os.path.join(work, "pystone_main.wasm")
    build(os.path.join(work, "pystone.py"), "native", ps_exe)
    build(os.path.join(work, "pystone.py"), "wasi", ps_wasm)
    own = []
    for name, cmd in (("CPython %d.%d" % sys.version_info[:2], [sys.executable, "pystone.py", loops]),
                      ("pyrite native", [ps_exe, loops]),
                      ("pyrite wasi (wasmtime)", [sys.executable, "-c", "import sys; from pyrite.targets.wasi "
                                                  "import run_wasi; sys.exit(run_wasi(sys.argv[1], sys.argv[1:]))",
                                                  ps_wasm, loops])):
        best = 0.0
        for _ in range(runs):
            out = subprocess.run(cmd, cwd=work, stdout=subprocess.PIPE, check=True).stdout.decode()
            best = max(best, float(out.split("benchmarks at")[1].split()[0]))
        own.append((name, best))
    print("pystone.py %s loops: its own measure, best of %d runs" % (loops, runs))
    for name, v in own:
        print("%-24s %14.0f pystones/s %9.1fx" % (name, v, v / own[0][1]))
    # hello world size and second-run start-up
    hello = os.path.join(work, "hello.py")
    with open(hello, "w") as f:
        f.write('print("hello, world")\n')
    hw = os.path.join(work, "hello.wasm")
    build(hello, "wasi", hw)
    print("hello-world .wasm: %d bytes" % os.path.getsize(hw))
    for target in ("native", "wasi"):
        cmd = [sys.executable, "-m", "pyrite.cli", "run", hello, "--target", target]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)   # first run builds and caches
        t, _ = best_of(cmd, runs, work)
        print("second `pyrite run` (%s), hello world: %.0f ms" % (target, t * 1000))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
