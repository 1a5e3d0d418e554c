"""The two int modes on programs where typed code meets ints beyond 64 bits that the runtime made
(int() of a long string, values in containers built by the runtime): by default (and with
--exact-ints) the output is CPython's; with --int64 typed code raises OverflowError with a message
naming --int64, and never reads a big int as a wrong 64-bit value."""
import os
import subprocess
import sys

import pytest

# each line prints one value typed code reads from where the runtime put a big int
PROGRAMS = {   # (inferred: every value printed is an int in typed code; `pyrite check` shows it)
    "int_call": 'def f(n):\n    return n + 1\nv = int("9" * 30)\nprint(f(v), v // 7)\n',
    "factorial": 'import math\nw = math.factorial(30)\nprint(w, w % 1000)\n',
    "dict_value": 'd = {"k": 1}\nd["k"] = int("7" * 22)\ne = d["k"] * 2\nprint(e)\n',
    "tuple_item": 't = (1, int("8" * 25))\nu = t[1] - 1\nprint(u)\n',
    "list_loop": 'xs = [1, 2]\nxs[0] = int("6" * 40)\ns = 0\nfor x in xs:\n    s = s + x\nprint(s)\n',
    "field": ('class C:\n    def __init__(self, v):\n        self.v = v\nc = C(5)\nc.v = int("8" * 30)\n'
              'print(c.v + 1)\n'),
    "literal_folded": 'n = 3\nprint(n * 2 ** 40 * 2 ** 40)\n',
}


def run(cmd, cwd, env=None):
    return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300,
                          env=dict(os.environ, **(env or {})))


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_big_ints_from_the_runtime(name, tmp_path):
    (tmp_path / "p.py").write_text(PROGRAMS[name])
    expected = run([sys.executable, "p.py"], str(tmp_path))
    assert expected.returncode == 0, expected.stderr
    env = dict(os.environ)
    env.pop("PYRITE_EXACT_INTS", None)
    exact = subprocess.run([sys.executable, "-m", "pyrite.cli", "run", "p.py"], cwd=str(tmp_path),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, env=env)
    assert (exact.stdout, exact.returncode) == (expected.stdout, 0), exact.stderr.decode()
    int64 = run([sys.executable, "-m", "pyrite.cli", "run", "--int64", "p.py"], str(tmp_path))
    assert int64.stdout == b"" and int64.returncode == 1, int64.stdout
    assert int64.stderr.decode().rstrip().splitlines()[-1] == (
        "OverflowError: integer overflow: typed ints are 64-bit (built with --int64; without it ints "
        "are exact)")
