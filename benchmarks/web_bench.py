"""Benchmark: a module built with --target web, in Node, against the same loop in JavaScript and in
CPython. Prints a markdown table.

usage: python benchmarks/web_bench.py

- fma per iteration (acc = acc * b + c): JavaScript, pyrite web (the typed export), CPython 3.11;
- the cost of a call from JavaScript: a no-op (typed export), echo(1), echo("abc") and echo([1, 2, 3])
  (the generic path: arguments and result encoded);
- the module: .wasm size, and the time from `import` to the end of `await init()` in a new Node process.
Best of 5 runs each.
"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))

from pyrite import driver  # noqa: E402

SRC = '''
def fma(n: int, b: float, c: float) -> float:
    acc = 0.0
    for i in range(n):
        acc = acc * b + c
    return acc


def noop() -> None:
    pass


def echo(x):
    return x
'''

JS = r'''
const t0 = performance.now();
const m = await import("./bench_mod.js");
await m.init();
const startup = performance.now() - t0;
function jsfma(n, b, c) { let acc = 0.0; for (let i = 0; i < n; i++) acc = acc * b + c; return acc; }
function best(f, reps) { let b = 1e9; for (let k = 0; k < 5; k++) { const t = performance.now(); f(); b = Math.min(b, performance.now() - t); } return b / reps * 1e6; }
const N = 5_000_000, M = 200_000;
const rows = {
  js_fma: best(() => jsfma(N, 0.999999, 1.0), N),
  py_fma: best(() => m.fma(N, 0.999999, 1.0), N),
  noop: best(() => { for (let i = 0; i < M; i++) m.noop(); }, M),
  echo_int: best(() => { for (let i = 0; i < M; i++) m.echo(1); }, M),
  echo_str: best(() => { for (let i = 0; i < M; i++) m.echo("abc"); }, M),
  echo_list: best(() => { for (let i = 0; i < M; i++) m.echo([1, 2, 3]); }, M),
  same: m.fma(1000, 0.999999, 1.0) === jsfma(1000, 0.999999, 1.0),
  startup,
};
console.log(JSON.stringify(rows));
'''


def main():
    import json
    work = tempfile.mkdtemp(prefix="pyrite-webbench-")
    src = os.path.join(work, "bench_mod.py")
    with open(src, "w") as f:
        f.write(SRC)
    t = time.perf_counter()
    driver.build(src, "web", os.path.join(work, "bench_mod.wasm"))
    build_s = time.perf_counter() - t
    with open(os.path.join(work, "bench.mjs"), "w") as f:
        f.write(JS)
    p = subprocess.run(["node", "bench.mjs"], cwd=work, stdout=subprocess.PIPE, check=True)
    r = json.loads(p.stdout.decode().strip().splitlines()[-1])

    def py_fma(n, b, c):
        acc = 0.0
        for i in range(n):
            acc = acc * b + c
        return acc
    cp = min((lambda t0: (py_fma(2_000_000, 0.999999, 1.0), time.perf_counter() - t0)[1])(time.perf_counter())
             for _ in range(5)) / 2_000_000 * 1e9
    print("pyrite web module in Node %s (build %.1f s, %d bytes of wasm, import + init %.1f ms; fma results "
          "%s)\n" % (subprocess.run(["node", "--version"], stdout=subprocess.PIPE).stdout.decode().strip(), build_s,
                     os.path.getsize(os.path.join(work, "bench_mod.wasm")), r["startup"],
                     "identical" if r["same"] else "DIFFERENT"))
    print("| measure | ns |")
    print("| --- | --- |")
    print("| fma per iteration, JavaScript | %.2f |" % r["js_fma"])
    print("| fma per iteration, pyrite web (typed export) | %.2f |" % r["py_fma"])
    print("| fma per iteration, CPython 3.11 | %.2f |" % cp)
    print("| call of noop() from JavaScript (typed export) | %.1f |" % r["noop"])
    print("| call of echo(1) (generic: encoded arguments) | %.1f |" % r["echo_int"])
    print('| call of echo("abc") | %.1f |' % r["echo_str"])
    print("| call of echo([1, 2, 3]) | %.1f |" % r["echo_list"])


if __name__ == "__main__":
    main()
