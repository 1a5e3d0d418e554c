"""The builtins rule: every name of CPython 3.11's `builtins` module is either provided by pyrite with
CPython's behaviour or rejected at compile time with a diagnostic naming it.

- The provided names (types/infos.py BUILTIN_NAMES) are used as values in one compiled program whose
  output (each name's type and, for the callable ones, that they are callable) must equal CPython's.
- Every other name must be listed in UNPROVIDED_BUILTINS (types/infos.py) or DYNAMIC_BUILTINS
  (frontend/subset_check.py), and a program using it must be rejected with a diagnostic naming it.
"""
import builtins
import os
import subprocess
import sys

import pytest

from pyrite.frontend.desugar import LIBRARY_BUILTINS
from pyrite.frontend.subset_check import DYNAMIC_BUILTINS
from pyrite.types.infos import BUILTIN_NAMES, UNPROVIDED_BUILTINS

# module attributes CPython's builtins module has that are not builtins a program uses by name
NOT_BUILTINS = {"__name__", "__doc__", "__package__", "True", "False", "None"}
# provided, but not as an object a program can inspect this way
SPECIAL = {"__pyrite_await__", "__pyrite_aiter__", "__pyrite_anext__", "__pyrite_aenter__",
           "__pyrite_aexit__", "__pyrite_agwrap__"} | {n for n in BUILTIN_NAMES if n.startswith("__pyrite_weakref_")} \
    | {"__pyrite_register_types__", "__pyrite_posix__", "__pyrite_register_codecs__", "__pyrite_register_atexit__",
       "__pyrite_removed__"}


def cpython_names():
    return sorted(n for n in dir(builtins) if n not in NOT_BUILTINS)


def test_every_builtin_is_classified():
    unclassified = [n for n in cpython_names()
                    if n not in BUILTIN_NAMES and n not in UNPROVIDED_BUILTINS and n not in DYNAMIC_BUILTINS
                    and n not in LIBRARY_BUILTINS]
    assert unclassified == [], "builtins neither provided nor rejected: %s" % unclassified
    invented = sorted(n for n in BUILTIN_NAMES if n not in dir(builtins) and n not in SPECIAL)
    assert invented == [], "names pyrite treats as builtins that CPython does not have: %s" % invented


def _program(names):
    lines = ["rows = []"]
    for n in names:
        lines.append("rows.append((%r, type(%s).__name__, callable(%s)))" % (n, n, n))
    lines.append("for r in rows:")
    lines.append("    print(*r)")
    return "\n".join(lines) + "\n"


def test_provided_builtins_are_cpythons(tmp_path):
    names = [n for n in cpython_names() if n in BUILTIN_NAMES]
    src = _program(names)
    (tmp_path / "main.py").write_text(src)
    want = subprocess.run([sys.executable, "main.py"], cwd=str(tmp_path), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60)
    assert want.returncode == 0, want.stderr.decode()
    got = subprocess.run([sys.executable, "-m", "pyrite.cli", "run", "main.py"], cwd=str(tmp_path),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    assert got.returncode == 0, got.stderr.decode()[-3000:]
    assert got.stdout.decode() == want.stdout.decode()


@pytest.mark.parametrize("name", sorted(UNPROVIDED_BUILTINS) + sorted(DYNAMIC_BUILTINS))
def test_unprovided_builtin_is_a_diagnostic(name, tmp_path):
    (tmp_path / "main.py").write_text("x = %s\nprint(x)\n" % name)
    p = subprocess.run([sys.executable, "-m", "pyrite.cli", "build", "main.py", "-o", "prog"],
                       cwd=str(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    err = p.stderr.decode()
    assert p.returncode == 1, err
    assert "main.py:1:5: error:" in err and "'%s'" % name in err, err
    assert not os.path.exists(str(tmp_path / "prog"))
