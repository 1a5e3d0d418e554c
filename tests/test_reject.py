"""Golden diagnostics: programs pyrite must reject at compile time, with the exact messages in [out].
`pytest --update-golden` rewrites the [out] sections from the current compiler."""
import os
import subprocess
import sys

import pytest

from casefile import parse_file

PATH = os.path.join(os.path.dirname(__file__), "cases", "reject.test")
CASES = parse_file(PATH)


def diagnostics_of(case, tmp_path):
    case.write(str(tmp_path))
    p = subprocess.run([sys.executable, "-m", "pyrite.cli", "build", "main.py", "-o", "prog"],
                       cwd=str(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    # the standard library's location differs between machines: goldens name it <stdlib>
    from pyrite.frontend.modules import STDLIB_DIR
    err = p.stderr.decode().replace(STDLIB_DIR + os.sep, "<stdlib>/")
    return p.returncode, err, os.path.exists(str(tmp_path / "prog"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_reject(case, tmp_path, request):
    code, err, written = diagnostics_of(case, tmp_path)
    assert code == 1, "expected exit 1, got %d: %s" % (code, err)
    assert not written, "nothing may be written for a rejected program"
    assert "Traceback" not in err
    for line in err.splitlines():
        assert line.startswith("main.py:") and ": error: " in line, line
    if request.config.getoption("--update-golden"):
        case.out = err
        _rewrite()
        return
    assert err.rstrip("\n") == (case.out or "").rstrip("\n"), "diagnostics differ from [out]"


def _rewrite():
    out = []
    for c in CASES:
        out.append("[case %s]\n" % c.name)
        out.append(c.source.rstrip("\n") + "\n")
        for rel, text in c.files.items():
            out.append("[file %s]\n%s" % (rel, text))
        if c.out is not None:
            out.append("[out]\n" + c.out.rstrip("\n") + "\n")
        out.append("\n")
    with open(PATH, "w") as f:
        f.write("".join(out))
