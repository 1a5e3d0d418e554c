"""Functions decorated with @pyrite.compile (tests/test_jit.py)."""
import math

import pyrite

OFFSET = 3


def helper(x):
    return x + OFFSET


@pyrite.compile
def fma(n, b, c):
    acc = 0.0
    for i in range(n):
        acc = acc * b + c
    return helper(acc)


@pyrite.compile
def sum_squares(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


@pyrite.compile
def hypot_all(points):
    return [math.sqrt(x * x + y * y) for x, y in points]


@pyrite.compile
def fail_here(x):
    if x > 2:
        raise ValueError("too big: %d" % x)
    return x


@pyrite.compile
def not_compilable(x):
    names = locals()   # (needs live namespaces: rejected by pyrite)
    return x if "x" in names else None


@pyrite.compile(strict=True)
def strict_fail(x):
    return (x, sorted(locals()))
