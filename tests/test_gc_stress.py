"""The cycle collector under stress: the run cases of the files that build the most objects worth
collecting (classes, closures, generators, exceptions) run natively with PYRT_GC_THRESHOLD=1, a
collection before nearly every allocation of a tracked object, and must still print what CPython
prints. A traverse that reported a reference nobody counted would abort the program ("the cycle
collector found more references ..."); one that freed a live object would change the output or crash.
The run-gc cases are left out: their finalizer order depends on when objects change generation."""
import os
import subprocess
import sys

import pytest

from batch import Batch
from casefile import load_xfail, parse_file

SLOW = pytest.mark.skipif(os.environ.get("PYRITE_SLOW_CASES") != "1",
                          reason="a long check (minutes of C compilation): run with PYRITE_SLOW_CASES=1")


CASES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
FILES = ["run-classes.test", "run-generators.test", "run-functions.test", "run-exceptions.test"]
XFAIL = load_xfail()


def cpython(case, directory):
    p = subprocess.run([sys.executable, "main.py"], cwd=directory, input=(case.stdin or "").encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return p.stdout, p.returncode


@SLOW
@pytest.mark.parametrize("fname", FILES)
def test_run_cases_with_a_collection_at_every_allocation(fname, tmp_path):
    cases = [c for c in parse_file(os.path.join(CASES_DIR, fname))
             if c.name not in XFAIL and c.name + "[native]" not in XFAIL]
    b = Batch(cases, "native", str(tmp_path))
    assert b.out is not None, "the batch of %s does not compile" % fname
    os.environ["PYRT_GC_THRESHOLD"] = "1"
    try:
        bad = []
        ran = 0
        for case in cases:
            if case.name not in b.index:
                continue
            expected = cpython(case, b.dirs[case.name])
            out, rc, err = b.run_native(case, 120)
            ran += 1
            if (out, rc) != expected:
                bad.append("%s: rc %d (CPython %d), stderr %s" % (case.name, rc, expected[1], err[-300:]))
    finally:
        del os.environ["PYRT_GC_THRESHOLD"]
    assert ran > 10
    assert bad == []
