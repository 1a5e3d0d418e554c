"""The batch harness of the run cases (tests/batch.py) keeps every case's own output, exit status,
stdin, files and names: checked against known values, on both targets."""
import pytest

from batch import Batch
from casefile import parse_file

CASES = """[case printsNames]
print("pyf_x pyk[0] main", 'pyrt_ic')
def pyf_helper():
    return 1
print(pyf_helper())
[case exitsThree]
import sys
print("before")
sys.exit(3)
[case readsStdinAndFile]
import helper
print(input().upper(), helper.VALUE)
[file helper.py]
VALUE = 42
[stdin]
hello
[case uncaught]
raise KeyError("nope")
[case rejected]
import nosuchmodule_anywhere
"""


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    p = tmp_path_factory.mktemp("cases") / "run-batch.test"
    p.write_text(CASES)
    return parse_file(str(p))


@pytest.mark.parametrize("target", ["native", "wasi"])
def test_batch_keeps_cases_apart(cases, target, tmp_path):
    b = Batch(cases, target, str(tmp_path))
    assert b.out is not None
    assert set(b.errors) == {"rejected"} and "nosuchmodule_anywhere" in b.errors["rejected"]
    run = (lambda c: b.run_native(c, 60)) if target == "native" else (lambda c: b.run_wasi(cases, c, 60))
    got = {c.name: run(c) for c in cases if c.name != "rejected"}
    assert got["printsNames"][:2] == (b"pyf_x pyk[0] main pyrt_ic\n1\n", 0)
    assert got["exitsThree"][:2] == (b"before\n", 3)
    assert got["readsStdinAndFile"][:2] == (b"HELLO 42\n", 0)
    out, code, err = got["uncaught"]
    assert (out, code) == (b"", 1) and err.strip().splitlines()[-1] == "KeyError: 'nope'"
