"""Tracebacks name the lines CPython names: each frame's line number, compiled natively, matches
CPython's traceback of the same program (the differential run cases compare only its last line)."""
import os
import re
import subprocess
import sys

import pytest

PROGRAMS = {
    # a bare `raise` keeps the line that raised what is being handled (not the `raise` line), also
    # after a nested try/except inside the handler
    "bare_reraise": """
def inner():
    raise ValueError("x")
def outer():
    try:
        inner()
    except ValueError:
        try:
            int("z")
        except ValueError:
            pass
        raise
outer()
""",
    # an exception no handler matches keeps the line that raised, not the handler's last line
    "unmatched_handler": '''
def f(xs):
    for x in xs:
        try:
            y = x.foo
        except StopIteration:
            pass
    return 1
f([1])
''',
    "nested_try_and_finally": '''
def g(x):
    try:
        try:
            return x.bar
        except KeyError:
            z = 2
        finally:
            w = 3
    except IndexError:
        q = 3
def h():
    return g(1)
h()
''',
    # a caught exception's traceback names the catching frame: the context printed above the new
    # exception ends in the handler's function, and `raise e` shows its frame twice
    "context_of_handler": """
def fail():
    raise ValueError("v")
def handle():
    try:
        fail()
    except ValueError as e:
        raise e
def top():
    try:
        handle()
    except ValueError:
        {}["k"]
top()
""",
    # an exception raised inside the standard library's compiled source (heapq.py)
    "inside_heapq": '''
import heapq
def top(items):
    return heapq.nsmallest(1, items, key=lambda v: v.size)
top([1, 2])
''',
}


def frames(stderr):
    return [(os.path.basename(f), int(n), fn) for f, n, fn in
            re.findall(r'File "([^"]+)", line (\d+), in (\S+)', stderr)]


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_traceback_lines_match_cpython(name, tmp_path):
    src = tmp_path / "prog.py"
    src.write_text(PROGRAMS[name].lstrip("\n"))
    want = subprocess.run([sys.executable, str(src)], stderr=subprocess.PIPE, timeout=60).stderr.decode()
    build = subprocess.run([sys.executable, "-m", "pyrite.cli", "build", str(src), "-o", str(tmp_path / "prog")],
                           stderr=subprocess.PIPE, timeout=300)
    assert build.returncode == 0, build.stderr.decode()
    got = subprocess.run([str(tmp_path / "prog")], stderr=subprocess.PIPE, timeout=60).stderr.decode()
    assert frames(want) and frames(got) == frames(want), (got, want)
    assert got.splitlines()[-1] == want.splitlines()[-1]
