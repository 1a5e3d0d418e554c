"""The int range analysis (pyrite/ir/ranges.py): its interval arithmetic checked against every pair
of values of small intervals, and what codegen makes of it in exact-int mode (no tag test, no
overflow branch and no reference counting where values are known small). Run-time behaviour at the
edges of the small range is in tests/cases/run-exact-ints.test (testRanges*)."""
import itertools
import operator
import os
import subprocess
import sys

import pytest

from pyrite.ir import ranges

INTERVALS = [(lo, hi) for lo in (-9, -4, -1, 0, 1, 3) for hi in (-5, -1, 0, 2, 7) if lo <= hi]
UNBOUNDED = [(None, 4), (-3, None), (0, None), (None, -2), (None, None)]


def _values(iv):
    lo = iv[0] if iv[0] is not None else -40
    hi = iv[1] if iv[1] is not None else 40
    return range(lo, hi + 1)


def _contains(iv, v):
    return (iv[0] is None or iv[0] <= v) and (iv[1] is None or v <= iv[1])


@pytest.mark.parametrize("name,op", [("add", operator.add), ("sub", operator.sub), ("mul", operator.mul),
                                     ("floordiv", operator.floordiv), ("mod", operator.mod),
                                     ("and", operator.and_), ("or", operator.or_), ("xor", operator.xor),
                                     ("rshift", operator.rshift), ("lshift", operator.lshift)])
def test_binary_intervals_contain_every_result(name, op):
    f = ranges._BINARY[name]
    checked = 0
    for a, b in itertools.product(INTERVALS + UNBOUNDED, repeat=2):
        r = f(a, b)
        for x in _values(a):
            for y in _values(b):
                if (name in ("floordiv", "mod") and y == 0) or (name in ("rshift", "lshift") and y < 0):
                    continue
                assert _contains(r, op(x, y)), (name, a, b, x, y, r)
                checked += 1
    assert checked > 10000


@pytest.mark.parametrize("name,op", [("neg", operator.neg), ("abs", abs), ("invert", operator.invert)])
def test_unary_intervals_contain_every_result(name, op):
    for a in INTERVALS + UNBOUNDED:
        r = ranges._UNARY[name](a)
        for x in _values(a):
            assert _contains(r, op(x)), (name, a, x, r)


def test_refinement_by_a_comparison():
    i, n = ranges.ops.Register("i", ranges.INT), ranges.ops.Register("n", ranges.INT)
    st = {id(i): (0, None), id(n): (0, ranges.LEN_MAX)}
    assert ranges._refine(st, "lt", i, n)[id(i)] == (0, ranges.LEN_MAX - 1)
    assert ranges._refine(st, "ge", i, n)[id(i)] == (0, None)
    assert ranges._refine(st, "gt", i, "5")[id(i)] == (6, None)
    assert ranges.is_small((0, ranges.LEN_MAX - 1)) and not ranges.is_small((0, 2 ** 62))


PROGRAM = '''
def count(xs):
    total = 0
    for i in range(len(xs)):
        if xs[i] > 0:
            total = total + 1
    return total

def step(k):
    return k * 2 + 1

def caller():
    out = []
    for j in range(100):
        out.append(step(j))
    return out

def unknown(a, b):
    return a + b

print(count([1, -2, 3]), caller()[:3], unknown(2 ** 70, 1))
'''


def _function_c(c_text, name):
    lines = c_text.split("\n")
    for k, line in enumerate(lines):
        line = line.replace("__attribute__((always_inline)) ", "")   # (small functions: INLINE_OPS)
        if line.startswith("static ") and (" %s(" % name) in line and line.endswith("{"):
            end = lines.index("}", k)
            return "\n".join(lines[k:end])
    raise AssertionError("no definition of %s" % name)


def test_known_small_ints_compile_to_machine_operations(tmp_path):
    (tmp_path / "p.py").write_text(PROGRAM)
    env = dict(os.environ, PYRITE_EXACT_INTS="1")
    r = subprocess.run([sys.executable, "-m", "pyrite.cli", "build", "p.py", "--emit-c", "-o", "p.c"],
                       cwd=str(tmp_path), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert r.returncode == 0, r.stderr.decode()
    c = (tmp_path / "p.c").read_text()
    # a counter bounded by a length indexes without a tag test (an accumulator stays general: it
    # is bounded by no test)
    count = _function_c(c, "pyf___main___count")
    assert "PyrtTagged_AsIndexSlow" not in count and "r_v_i >> 1" in count, count
    assert "pyrt_int_add_fast(r_v_total" in count, count
    # step's direct calls pass 0..99: its clone step_r has no tag test; step itself keeps them
    step_r = _function_c(c, "pyf___main___step_r")
    assert "PyrtTagged_BinOp" not in step_r and "_fast(" not in step_r, step_r
    assert "pyf___main___step_r(" in _function_c(c, "pyf___main___caller")
    assert "pyrt_int_add_fast" in _function_c(c, "pyf___main___step")
    # nothing known: the general tagged operation
    assert "pyrt_int_add_fast" in _function_c(c, "pyf___main___unknown")
