"""Batched builds for the differential run cases: the cases of one case file become one C translation
unit, one zig compile, one executable (or one .wasm, compiled once by wasmtime) per target.

Each case keeps its own process and directory: the batch program runs the case whose index is in
PYRITE_CASE, so outputs, exit statuses and tracebacks stay per case. A case's C is split as
`pyrite build` splits it (its own modules in a main unit, each library module in units of its own);
every name it defines starts with `py` (codegen/c_names.py) or is `pyrt_ic` / `pyrt_init_constants`;
those get a per-case prefix and `main` becomes the case's entry. The main units of all cases share one
translation unit (the prelude, identical in every program, kept once); the library units compile
on their own, through the object cache. A case pyrite rejects is left out and
reported by its own test; if the batch does not compile, every case falls back to its own build.

The wasi cases of a batch run in one Python process (`run_wasi_batch`): one wasmtime import, one
module compile, a fresh instance per case, with an epoch deadline so a runaway case times out alone.
"""
import json
import os
import re
import subprocess
import sys

from pyrite import driver
from pyrite.codegen.prelude import PRELUDE
from pyrite.codegen.emit_module import python_version_c
from pyrite.diagnostics import CompileError
from pyrite.toolchain import zig

TOKEN = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|[A-Za-z_][A-Za-z0-9_]*')
MAIN = "int main(int argc, char **argv) {"


def _own_name(name):
    return (name.startswith("py") and not name.startswith("pyrt_")) or name in ("pyrt_ic", "pyrt_init_constants")


_EXTERN = re.compile(r"\b(py[A-Za-z0-9_]*)\s*(?:\[\])?;$")
_PROTO = re.compile(r"\b(py[A-Za-z0-9_]*)\(")


def library_symbols(main_text):
    """The names a main unit declares as defined in library units (`extern` variables, prototypes
    without `static`), or None when the main unit itself exports a name to them (then its library
    units name the case's own symbols and cannot be shared with other cases)."""
    names = set()
    for line in main_text[len(PRELUDE):].split("\n"):
        if not line or line[0] in " \t#}" or line.startswith(("static ", "struct ", "typedef ", "__attribute__")) \
                or line == MAIN or line.startswith("const int32_t pyrt_python_version"):
            continue
        if line.startswith("extern "):
            m = _EXTERN.search(line)
            if m:
                names.add(m.group(1))
        elif line.endswith(");"):
            m = _PROTO.search(line)
            if m:
                names.add(m.group(1))
        elif line.endswith("{") or line.endswith(";"):
            return None   # a definition without static: exported to a library unit
    return names


def case_c_part(c_text, index, main=True, keep=frozenset()):
    """The program-specific part of one case's C unit (its main unit, or a library unit) with its names
    made unique to the case (except `keep`: the library symbols it shares with other cases)."""
    assert c_text.startswith(PRELUDE), "generated C does not start with the prelude"
    rest = c_text[len(PRELUDE):]
    if main:
        assert rest.count(MAIN) == 1, "generated C has no single main"
        rest = rest.replace(MAIN, "int pyrt_case_%d_main(int argc, char **argv) {" % index)
        rest = rest.replace(python_version_c(), "")   # (defined once, by the dispatcher)
    prefix = "c%d_" % index

    def rename(m):
        tok = m.group(0)
        return prefix + tok if tok[0] not in "\"'" and _own_name(tok) and tok not in keep else tok
    return TOKEN.sub(rename, rest)


def dispatcher(indexes):
    lines = ["#include <stdlib.h>", "#include <stdint.h>", python_version_c()]
    lines += ["int pyrt_case_%d_main(int argc, char **argv);" % i for i in indexes]
    lines.append("int main(int argc, char **argv) {")
    lines.append('    const char *k = getenv("PYRITE_CASE");')
    lines.append("    switch (k ? atoi(k) : -1) {")
    lines += ["    case %d: return pyrt_case_%d_main(argc, argv);" % (i, i) for i in indexes]
    lines.append("    }")
    lines.append("    return 99;")
    lines.append("}")
    return "\n".join(lines) + "\n"


class Batch:
    """One batch program for (case file, target). `errors[name]`: the CompileError text of a case
    pyrite rejected; `index[name]`: the PYRITE_CASE of a compiled case; `out`: the program (None when
    the batch did not compile: build the cases one by one)."""

    def __init__(self, cases, target, workdir):
        self.target, self.workdir = target, workdir
        self.errors, self.index, self.out, self.wasi_results = {}, {}, None, None
        self.dirs = {}
        parts, lib_units = [], []
        pool = {}   # library unit name -> text, shared by the cases whose library units all match it
        for i, case in enumerate(cases):
            d = os.path.join(workdir, "case%d" % i)
            main = case.write(d)
            self.dirs[case.name] = d
            try:
                with case.build_env():
                    units, _, _ = driver.compile_to_c(main, target=target, split=True)
            except CompileError as e:
                self.errors[case.name] = str(e)
                continue
            # as `pyrite build` splits it: library modules in units of their own. Cases whose library
            # units are the same text share one compiled copy (each case runs in its own process);
            # a case whose library units differ from what the pool holds gets private, renamed ones.
            main_text = dict(units)["main"]
            libs = [(n, t) for n, t in units if n != "main"]
            shared = library_symbols(main_text)
            if shared is not None and all(pool.get(n, t) == t for n, t in libs):
                for n, t in libs:
                    if n not in pool:
                        pool[n] = t
                        lib_units.append((n, t))
                parts.append(case_c_part(main_text, i, keep=shared))
            else:
                parts.append(case_c_part(main_text, i))
                for n, t in libs:
                    lib_units.append(("c%d_%s" % (i, n), PRELUDE + case_c_part(t, i, main=False)))
            self.index[case.name] = i
        if not self.index:
            return
        units = [("batch", PRELUDE + "\n".join(parts) + dispatcher(sorted(self.index.values())))] + lib_units
        out = os.path.join(workdir, "batch" + (".wasm" if target == "wasi" else ""))
        try:
            zig.compile_units(units, workdir, out, target, jobs=1)
            self.out = out
        except zig.ToolchainError:
            self.out = None

    def run_native(self, case, timeout):
        d = self.dirs[case.name]
        env = dict(os.environ, PYRITE_CASE=str(self.index[case.name]))
        p = subprocess.run(["main.py"], executable=self.out, cwd=d, input=(case.stdin or "").encode(),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, env=env)
        return p.stdout, p.returncode, p.stderr.decode("utf-8", "replace")

    def run_wasi(self, cases, case, timeout):
        """Runs every compiled case of the batch on first use (one process), then answers from that."""
        if self.wasi_results is None:
            jobs = []
            for c in cases:
                if c.name in self.index:
                    d = self.dirs[c.name]
                    stdin = os.path.join(d, ".stdin")
                    with open(stdin, "w") as f:
                        f.write(c.stdin or "")
                    jobs.append({"name": c.name, "index": self.index[c.name], "dir": d, "stdin": stdin})
            spec = os.path.join(self.workdir, "wasi-jobs.json")
            with open(spec, "w") as f:
                json.dump({"wasm": self.out, "jobs": jobs, "timeout": timeout}, f)
            self.wasi_results = {}
            try:
                subprocess.run([sys.executable, __file__, spec], timeout=timeout * 4 + 60, check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                with open(spec + ".out") as f:
                    self.wasi_results = json.load(f)
            except (subprocess.SubprocessError, OSError, ValueError):
                self.wasi_results = {}
        r = self.wasi_results.get(case.name)
        if r is None:
            return None   # the batch runner failed: the caller runs this case alone
        d = self.dirs[case.name]
        with open(os.path.join(d, ".stdout"), "rb") as f:
            out = f.read()
        with open(os.path.join(d, ".stderr"), "rb") as f:
            err = f.read().decode("utf-8", "replace")
        if r["status"] == "timeout":
            raise subprocess.TimeoutExpired("wasm case %s" % case.name, timeout)
        return out, r["code"], err


def run_wasi_batch(spec_path):
    """Child process: run each job's case on a fresh instance of the batch module."""
    import threading
    import time
    import wasmtime
    from pyrite.targets.wasi import MAX_WASM_STACK
    with open(spec_path) as f:
        spec = json.load(f)
    cfg = wasmtime.Config()
    cfg.max_wasm_stack = MAX_WASM_STACK
    cfg.epoch_interruption = True
    engine = wasmtime.Engine(cfg)
    module = wasmtime.Module.from_file(engine, spec["wasm"])
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            time.sleep(0.1)
            engine.increment_epoch()
    threading.Thread(target=ticker, daemon=True).start()
    results = {}
    for job in spec["jobs"]:
        d = job["dir"]
        linker = wasmtime.Linker(engine)
        linker.define_wasi()
        store = wasmtime.Store(engine)
        store.set_epoch_deadline(int(spec["timeout"] * 10))
        wasi = wasmtime.WasiConfig()
        wasi.argv = ["main.py"]
        wasi.env = [("PYRITE_CASE", str(job["index"]))]
        wasi.stdin_file = job["stdin"]
        wasi.stdout_file = os.path.join(d, ".stdout")
        wasi.stderr_file = os.path.join(d, ".stderr")
        wasi.preopen_dir(d, ".")
        store.set_wasi(wasi)
        status, code = "ok", 0
        try:
            instance = linker.instantiate(store, module)
            instance.exports(store)["_start"](store)
        except wasmtime.ExitTrap as e:
            code = e.code
        except wasmtime.Trap as e:
            if "interrupt" in str(e):
                status = "timeout"
            else:
                with open(os.path.join(d, ".stderr"), "a") as f:
                    f.write("pyrite: the program trapped in WebAssembly (%s); this is a pyrite bug\n"
                            % str(e).splitlines()[0])
                code = 134
        results[job["name"]] = {"status": status, "code": code}
    stop.set()
    with open(spec_path + ".out", "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    run_wasi_batch(sys.argv[1])
