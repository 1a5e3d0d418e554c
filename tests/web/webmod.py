"""A module built with --target web by tests/test_web.py; each call in CALLS runs in Node (and Chromium
when installed) and under CPython, and the results must agree under the documented conversions."""
import math


def fma(n: int, b: float, c: float) -> float:
    """acc = acc * b + c, n times"""
    acc = 0.0
    for i in range(n):
        acc = acc * b + c
    return acc


def greet(name: str, punct: str = "!") -> str:
    print("greeting", name)
    return "hello " + name + punct


def stats(xs: list[float]) -> tuple[float, float]:
    m = sum(xs) / len(xs)
    return m, math.sqrt(sum((x - m) ** 2 for x in xs) / len(xs))


def scale(xs: list[float], k: float) -> list[float]:
    return [x * k for x in xs]


def count_words(text: str) -> dict[str, int]:
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def powers(n):
    return 2 ** n, -(3 ** n), n


def echo(x):
    return x


def kinds(x):
    return type(x).__name__


def lookup(key):
    return {"a": 1}[key]


class BadInput(ValueError):
    pass


def check(x: int) -> int:
    if x < 0:
        raise BadInput("negative: %d" % x)
    return x * 2


def cube(x: int) -> int:
    return x * x * x


def flag(b: bool) -> bool:
    return not b


def noop() -> None:
    pass


def unicode_len(s: str) -> int:
    return len(s)


def to_bytes(s: str) -> bytes:
    return s.encode("utf-8")


def int_keys(n):
    return {i: i * i for i in range(n)}


def nested(n):
    return [[i, str(i), i / 2, None, i % 2 == 0] for i in range(n)]


class Point:
    """A compiled class: JavaScript holds its instances through handles."""

    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y

    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y

    def moved(self, dx: float, dy: float):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def make_points(n):
    return [Point(i, i) for i in range(n)]


def total(points):
    return sum(p.norm2() for p in points)


def adder(k):
    def add(x):
        return x + k
    return add


VERSION = "1.2"
LIMITS = [1, 2, 3]
print("webmod loaded")
