"""Benchmark: pyrite inside CPython (`--target ext` and `@pyrite.compile`) against CPython, C and numba,
side by side in one process. Prints a markdown table.

usage: python benchmarks/ext_bench.py [--runs N]

- fma per iteration (acc = acc * b + c over a range): CPython 3.11; pyrite ext with annotations (the
  typed instance) and without (the generic entry); @pyrite.compile without annotations (typed from the
  first call); numba @njit when it is installed; the same loop in C (a METH_FASTCALL extension built
  with zig cc -O2 -ffp-contract=off: Python's rounding, as pyrite compiles it).
- call overhead of a no-op: pyrite ext, a METH_FASTCALL C extension function, ctypes.
- nbody from ../shared/benchmarks (get_pyperformance.py core), imported as an extension and driven from
  CPython by its own __main__ code, against the same code on CPython (outputs compared).
- the first call of a cached @pyrite.compile function in a new process: process time of importing the
  module and calling it once, minus the same with PYRITE_JIT=0 (the decorator off).
Times are the best of N runs (default 5).
"""
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("PYRITE_SHARED") or os.path.join(HERE, "..", "..", "shared", "benchmarks")
sys.path.insert(0, os.path.join(HERE, ".."))

from pyrite import driver  # noqa: E402
from pyrite.toolchain.zig import zig_exe  # noqa: E402

SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")
N_FMA = 5_000_000

FMA_SRC = '''
def fma(n: int, b: float, c: float) -> float:
    acc = 0.0
    for i in range(n):
        acc = acc * b + c
    return acc


def fma_untyped(n, b, c):
    acc = 0.0
    for i in range(n):
        acc = acc * b + c
    return acc


def noop():
    pass
'''

JIT_SRC = '''
import pyrite


@pyrite.compile
def fma(n, b, c):
    acc = 0.0
    for i in range(n):
        acc = acc * b + c
    return acc
'''

C_EXT = r'''
#define PY_SSIZE_T_CLEAN
#include <Python.h>
static PyObject *c_noop(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { Py_RETURN_NONE; }
static PyObject *c_fma(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    long n = PyLong_AsLong(args[0]); double b = PyFloat_AsDouble(args[1]), c = PyFloat_AsDouble(args[2]);
    double acc = 0.0;
    for (long i = 0; i < n; i++) acc = acc * b + c;
    return PyFloat_FromDouble(acc);
}
static PyMethodDef methods[] = {{"noop", (PyCFunction)(void (*)(void))c_noop, METH_FASTCALL, NULL},
                                {"fma", (PyCFunction)(void (*)(void))c_fma, METH_FASTCALL, NULL}, {NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "cref", NULL, -1, methods};
PyMODINIT_FUNC PyInit_cref(void) { return PyModule_Create(&def); }
'''

C_LIB = r'''
void noop(void) {}
double cfma(long n, double b, double c) { double acc = 0.0; for (long i = 0; i < n; i++) acc = acc * b + c; return acc; }
'''


def best(fn, runs):
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return min(out)


def zig(args):
    subprocess.run([zig_exe(), "cc"] + args, check=True)


def main():
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    work = tempfile.mkdtemp(prefix="pyrite-extbench-")
    sys.path.insert(0, work)
    with open(os.path.join(work, "pyfma.py"), "w") as f:
        f.write(FMA_SRC)
    with open(os.path.join(work, "jitdemo.py"), "w") as f:
        f.write(JIT_SRC)
    with open(os.path.join(work, "cref.c"), "w") as f:
        f.write(C_EXT)
    with open(os.path.join(work, "clib.c"), "w") as f:
        f.write(C_LIB)
    inc = sysconfig.get_paths()["include"]
    zig(["-O2", "-ffp-contract=off", "-shared", "-fPIC", "-I", inc, os.path.join(work, "cref.c"), "-o", os.path.join(work, "cref" + SUFFIX)])
    zig(["-O2", "-ffp-contract=off", "-shared", "-fPIC", os.path.join(work, "clib.c"), "-o", os.path.join(work, "libclib.so")])
    t0 = time.perf_counter()
    driver.build(os.path.join(work, "pyfma.py"), "ext", os.path.join(work, "pyfma" + SUFFIX))
    build_s = time.perf_counter() - t0
    import ctypes
    import cref
    import jitdemo
    import pyfma
    clib = ctypes.CDLL(os.path.join(work, "libclib.so"))
    clib.cfma.restype = ctypes.c_double
    clib.cfma.argtypes = [ctypes.c_long, ctypes.c_double, ctypes.c_double]

    def py_fma(n, b, c):
        acc = 0.0
        for i in range(n):
            acc = acc * b + c
        return acc

    impls = [("CPython 3.11", py_fma), ("pyrite ext, annotated", pyfma.fma),
             ("pyrite ext, no annotations", pyfma.fma_untyped), ("@pyrite.compile", jitdemo.fma)]
    try:
        import numba
        impls.append(("numba %s @njit" % numba.__version__, numba.njit(py_fma)))
    except ImportError:
        impls.append(("numba (not installed)", None))
    impls.append(("C (zig cc -O2), METH_FASTCALL", cref.fma))
    expected = py_fma(1000, 0.999999, 1.0)
    rows = []
    for name, f in impls:
        if f is None:
            rows.append((name, None, None))
            continue
        assert f(1000, 0.999999, 1.0) == expected, name   # (also compiles the decorated and numba ones)
        t = best(lambda: f(N_FMA, 0.999999, 1.0), runs)
        rows.append((name, t / N_FMA * 1e9, None))
    c_ns = rows[-1][1]
    print("fma per iteration (%d iterations, best of %d); pyrite ext build %.1f s\n" % (N_FMA, runs, build_s))
    print("| implementation | ns per iteration | vs C |")
    print("| --- | --- | --- |")
    for name, ns, _ in rows:
        print("| %s | %s | %s |" % (name, "%.2f" % ns if ns else "-", "%.2fx" % (ns / c_ns) if ns else "-"))

    calls = 1_000_000

    def loop(f):
        def run():
            for _ in range(calls):
                f()
        return run

    def run_empty():
        for _ in range(calls):
            pass
    empty = best(run_empty, runs)
    print("\nno-op call overhead (%d calls, best of %d, loop cost subtracted)\n" % (calls, runs))
    print("| callee | ns per call | vs FASTCALL |")
    print("| --- | --- | --- |")
    base = None
    for name, f in [("C extension, METH_FASTCALL", cref.noop), ("pyrite ext (def noop(): pass)", pyfma.noop),
                    ("ctypes", clib.noop)]:
        ns = (best(loop(f), runs) - empty) / calls * 1e9
        base = base or ns
        print("| %s | %.1f | %.2fx |" % (name, ns, ns / base))

    # nbody imported as an extension, driven from CPython by its own main code
    nb_dir = os.path.join(work, "nbody_src")
    os.makedirs(nb_dir)
    subprocess.run([sys.executable, os.path.join(SHARED, "get_pyperformance.py"), "--set", "core", nb_dir],
                   check=True, stdout=subprocess.DEVNULL)
    src = open(os.path.join(nb_dir, "nbody.py")).read()
    main_code = src[src.index('if __name__ == "__main__":'):].split("\n", 1)[1]
    drive = "import sys\nsys.path.insert(0, sys.argv[1])\nfrom nbody import *\nimport nbody\n" + \
        "\n".join(line[4:] for line in main_code.splitlines())
    ext_dir = os.path.join(work, "nbody_ext")
    os.makedirs(ext_dir)
    t0 = time.perf_counter()
    driver.build(os.path.join(nb_dir, "nbody.py"), "ext", os.path.join(ext_dir, "nbody" + SUFFIX))
    nb_build = time.perf_counter() - t0
    res = {}
    for name, where in (("CPython", nb_dir), ("pyrite ext", ext_dir)):
        out = None
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            p = subprocess.run([sys.executable, "-c", drive, where], stdout=subprocess.PIPE, check=True)
            times.append(time.perf_counter() - t)
            out = p.stdout
        res[name] = (min(times), out)
    same = res["CPython"][1] == res["pyrite ext"][1]
    print("\nnbody (pyperformance) imported as a module and driven from CPython (whole process, best of %d; "
          "build %.1f s)\n" % (runs, nb_build))
    print("| module | s | speed-up | output |")
    print("| --- | --- | --- | --- |")
    for name in ("CPython", "pyrite ext"):
        print("| %s | %.3f | %.1fx | %s |" % (name, res[name][0], res["CPython"][0] / res[name][0],
                                              "same" if same else "DIFFERENT"))

    # a cached @pyrite.compile function: what it adds to a new process that imports and calls it
    prog = "import sys; sys.path.insert(0, %r); import jitdemo; jitdemo.fma(10, 0.5, 1.0)" % work
    env_on, env_off = dict(os.environ), dict(os.environ, PYRITE_JIT="0")
    subprocess.run([sys.executable, "-c", prog], env=env_on, check=True)   # (cached now)
    on, off = [], []
    for _ in range(max(runs, 20)):
        for env, acc in ((env_on, on), (env_off, off)):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", prog], env=env, check=True)
            acc.append(time.perf_counter() - t)
    import pyrite
    installed = os.path.basename(os.path.dirname(os.path.dirname(os.path.abspath(pyrite.__file__)))) in (
        "site-packages", "dist-packages")
    print("\ncached @pyrite.compile in a new process: import + first call %.1f ms, with PYRITE_JIT=0 %.1f ms: "
          "+%.1f ms (medians of %d alternated runs; pyrite %s)"
          % (statistics.median(on) * 1e3, statistics.median(off) * 1e3,
             (statistics.median(on) - statistics.median(off)) * 1e3, len(on),
             "installed" if installed else "from a source checkout, whose files are checked for changes on each "
             "first call; installed with pip it is two stats"))


if __name__ == "__main__":
    main()
