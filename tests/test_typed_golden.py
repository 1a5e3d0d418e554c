"""Typedness goldens: the `pyrite check` report (every inferred type, and why each boxed value is boxed)
of pystone and the eight core pyperformance programs, compared with tests/typed/<program>.check.
A change that boxes a value that was unboxed (or the reverse) shows up here as a reviewable diff;
`pytest --update-golden` rewrites the files.

The programs are used unmodified from ../shared/benchmarks (PYRITE_SHARED overrides the location);
get_pyperformance.py writes the pyperformance ones once per test session.
"""
import os
import subprocess
import sys

import pytest

from pyrite.frontend.modules import load_program
from pyrite.types.infer import infer_program
from pyrite.types.report import format_report

HERE = os.path.dirname(__file__)
GOLDEN = os.path.join(HERE, "typed")
SHARED = os.environ.get("PYRITE_SHARED") or os.path.join(HERE, "..", "..", "shared", "benchmarks")
CORE = ["chaos", "fannkuch", "float", "go", "nbody", "nqueens", "richards", "spectral_norm"]


@pytest.fixture(scope="session")
def pyperf_dir(tmp_path_factory):
    d = str(tmp_path_factory.mktemp("pyperf"))
    subprocess.run([sys.executable, os.path.join(SHARED, "get_pyperformance.py"), "--set", "core", d],
                   check=True, stdout=subprocess.DEVNULL)
    return d


def report(path):
    text = format_report(infer_program(load_program(path)))
    return text.replace(os.path.dirname(path) + os.sep, "")


@pytest.mark.parametrize("name", ["pystone"] + CORE)
def test_typed_golden(name, pyperf_dir, request):
    src = os.path.join(SHARED, "pystone.py") if name == "pystone" else os.path.join(pyperf_dir, name + ".py")
    got = report(os.path.abspath(src))
    path = os.path.join(GOLDEN, name + ".check")
    if request.config.getoption("--update-golden") or not os.path.exists(path):
        with open(path, "w") as f:
            f.write(got)
        if not request.config.getoption("--update-golden"):
            pytest.fail("golden file %s was missing; written now, review and commit it" % path)
        return
    with open(path) as f:
        want = f.read()
    assert got == want, ("inferred types of %s changed (diff against %s; run pytest --update-golden and "
                         "review which values became boxed or unboxed)" % (name, path))


def test_core_hot_values_unboxed(pyperf_dir):
    """The values the hot loops of these programs run on stay unboxed (a regression to `object` would
    make them generic-path code)."""
    want = {
        "richards": ["class Task\n    .handle: TaskRec", "    .input: Packet | None",
                     "def Task.findtcb\n    param self: Task\n    param id: int"],
        "nqueens": ["    cycles: list[int]", "    i (comprehension variable): int", "    pool: tuple[int, ...]\n    yields: tuple[int, ...]",
                    "    vec: tuple[int, ...]"],
        "nbody": ["def advance\n    param dt: float\n    param n: int"],
        "float": ["class Point\n    .x: float\n    .y: float\n    .z: float"],
    }
    for name, needles in want.items():
        text = report(os.path.abspath(os.path.join(pyperf_dir, name + ".py")))
        for n in needles:
            assert n in text, "%s: expected %r in the inferred types" % (name, n)
