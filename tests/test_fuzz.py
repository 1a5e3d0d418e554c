"""Differential fuzzing with a fixed budget: programs from tools/fuzz/gen.py (fixed seeds, "small"
size) run under CPython and built with `pyrite build` for native and wasi; stdout, exit status and
the last stderr line must match (tools/fuzz/run.py `check_source`). A rejected program fails too:
these seeds are inside the supported subset. About 30 s on the 2-core development machine.

More fuzzing: python -m tools.fuzz.run --seed 0 --count 100 --targets native,wasi
"""
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from tools.fuzz.gen import generate  # noqa: E402
from tools.fuzz.run import check_source, compare  # noqa: E402

NATIVE_SEEDS = [1, 2, 3, 4, 5, 6, 7]
WASI_SEEDS = [8, 9]
SIZE = "small"


@pytest.mark.parametrize("seed,target", [(s, "native") for s in NATIVE_SEEDS] + [(s, "wasi") for s in WASI_SEEDS])
def test_fuzz_program(seed, target, tmp_path):
    src = generate(seed, SIZE)
    oc = check_source(src, target, str(tmp_path / "prog"))
    assert oc.cls == "ok", "seed %d (%s) on %s is %s: %s\n(python -m tools.fuzz.gen %d %s > prog.py to see it)" % (
        seed, SIZE, target, oc.cls, oc.detail, seed, SIZE)


def test_generator_is_deterministic():
    for seed in (0, 1, 12345):
        assert generate(seed, SIZE) == generate(seed, SIZE)
    assert generate(1, SIZE) != generate(2, SIZE)


def test_comparison_sees_differences():
    same = (b"a\nb\n", 0, "")
    assert compare(same, (b"a\nb\n", 0, "")) is None
    assert compare(same, (b"a\nc\n", 0, "")) is not None
    assert compare(same, (b"a\nb\n", 1, "")) is not None
    assert compare((b"", 1, "x\nKeyError: 'a'\n"), (b"", 1, "KeyError: 'b'")) is not None
