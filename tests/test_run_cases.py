"""Differential run cases: each case runs under CPython and compiled (native and wasi); stdout, exit
status and the last line of stderr must match byte for byte. CPython produces the expected output.

Cases known not to work yet are listed in tests/cases/xfail.txt with the reason (strict: a case that
starts passing must be removed from the list).
"""
import os
import subprocess
import sys

import pytest

from batch import Batch
from casefile import load_dir, load_xfail
from pyrite import driver
from pyrite.diagnostics import CompileError
from pyrite.toolchain import zig
from pyrite.toolchain.zig import ToolchainError

HERE = os.path.dirname(__file__)
# run cases have no [out]: CPython produces the expected output
CASES = load_dir(os.path.join(HERE, "cases"), "run-", allowed=("case", "file", "stdin"))
if os.environ.get("PYRITE_SLOW_CASES") == "1":   # (cases/slow-*.test: minutes of C compilation per batch)
    CASES += load_dir(os.path.join(HERE, "cases"), "slow-", allowed=("case", "file", "stdin"))
TARGETS = ["native", "wasi"]
TIMEOUT = 60


XFAIL = load_xfail()


def params():
    for case in CASES:
        for target in TARGETS:
            # one xdist group per (case file, target): its cases share one batch build (tests/batch.py)
            marks = [pytest.mark.xdist_group("%s-%s" % (os.path.basename(case.path), target))]
            reason = XFAIL.get(case.name) or XFAIL.get("%s[%s]" % (case.name, target))
            if reason:
                marks.append(pytest.mark.xfail(reason=reason, strict=True))
            yield pytest.param(case, target, id="%s-%s" % (case.name, target), marks=marks)


BATCHES = {}   # (case file, target) -> Batch, built by the first test of the group in this worker


def batch_for(case, target, tmp_path_factory):
    key = (case.path, target)
    if key not in BATCHES:
        cases = [c for c in CASES if c.path == case.path]
        BATCHES[key] = Batch(cases, target, str(tmp_path_factory.mktemp("batch-%s" % target)))
    return BATCHES[key]


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].strip() if lines else ""


def run_cpython(case, directory):
    main = case.write(directory)
    p = subprocess.run([sys.executable, "main.py"], cwd=directory, input=(case.stdin or "").encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT,
                       env=dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8"))
    return p.stdout, p.returncode, last_line(p.stderr.decode("utf-8", "replace"))


def run_native(exe, case, directory):
    p = subprocess.run(["main.py"], executable=exe, cwd=directory, input=(case.stdin or "").encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    return p.stdout, p.returncode, last_line(p.stderr.decode("utf-8", "replace"))


def run_wasi(wasm, case, directory):
    """Run in a child process (a trap or a runaway program cannot take the test worker down)."""
    code = ("import sys; from pyrite.targets.wasi import run_wasi; "
            "sys.exit(run_wasi(sys.argv[1], ['main.py']))")
    p = subprocess.run([sys.executable, "-c", code, wasm], cwd=directory, input=(case.stdin or "").encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    return p.stdout, p.returncode, last_line(p.stderr.decode("utf-8", "replace"))


@pytest.mark.parametrize("case,target", list(params()))
def test_run_case(case, target, tmp_path, tmp_path_factory):
    expected = run_cpython(case, str(tmp_path / "cpython"))
    if os.environ.get("PYRITE_TEST_UNBATCHED") != "1":
        batch = batch_for(case, target, tmp_path_factory)
        if case.name in batch.errors:
            pytest.fail("compile error:\n%s" % batch.errors[case.name])
        if batch.out is not None and case.name in batch.index:
            got = batch.run_native(case, TIMEOUT) if target == "native" else \
                batch.run_wasi([c for c in CASES if c.path == case.path], case, TIMEOUT)
            if got is not None:
                got = (got[0], got[1], last_line(got[2]))
                how = "\nbatch program: %s (PYRITE_CASE=%d); PYRITE_TEST_UNBATCHED=1 builds the case alone" % (
                    batch.out, batch.index[case.name])
                compare(got, expected, how)
                return
    run_case_alone(case, target, tmp_path, expected)


def compare(got, expected, how):
    assert got[0].decode("utf-8", "replace") == expected[0].decode("utf-8", "replace"), "stdout differs" + how
    assert got[1] == expected[1], "exit status %d, CPython %d (stderr: %s)%s" % (got[1], expected[1], got[2], how)
    assert got[2] == expected[2], "last stderr line differs" + how


def run_case_alone(case, target, tmp_path, expected):
    work = str(tmp_path / target)
    main = case.write(work)
    out = os.path.join(str(tmp_path), "prog" + (".wasm" if target == "wasi" else ""))
    keep = str(tmp_path / "build")   # a failing case keeps its generated C here
    os.makedirs(keep)
    try:
        with case.build_env():
            driver.build(main, target, out, keep_dir=keep)
    except CompileError as e:
        pytest.fail("compile error:\n%s" % e)
    except ToolchainError as e:
        pytest.fail("C compilation failed:\n%s\n%s" % ("\n".join(zig.last_commands), e.log[-3000:]))
    got = run_native(out, case, work) if target == "native" else run_wasi(out, case, work)
    how = "\ngenerated C: %s (library modules: unit_*.c)\nzig: %s" % (os.path.join(keep, "program.c"),
                                                                     zig.last_commands[-1])
    compare(got, expected, how)
