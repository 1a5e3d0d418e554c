"""A module built as a CPython extension by tests/test_ext.py and compared with itself run by CPython."""


def ident(x):
    """Return x unchanged."""
    return x


def add(a, b=10, *rest, scale=1, **named):
    return (a + b + sum(rest)) * scale, sorted(named.items())


def fma(n, b, c):
    acc = 0.0
    for i in range(n):
        acc = acc * b + c
    return acc


def fma_typed(n: int, b: float, c: float) -> float:
    acc = 0.0
    for i in range(n):
        acc = acc * b + c
    return acc


def count_typed(n: int, flag: bool, word: str) -> int:
    total = 0
    for i in range(n):
        if flag:
            total += len(word)
        else:
            total += i
    return total


def shout(word: str) -> str:
    return word.upper() + "!"


def describe(x):
    return "%s %r" % (type(x).__name__, x)


def big_math(a, b):
    return a * b + 1, a ** 3, -a // 7, a % 1000003


def float_edges(x):
    return x * 2, -x, x != x


def grow(xs, d, s):
    xs.append(len(xs))
    xs[0] = "first"
    d["n"] = len(xs)
    s.add(99)
    return xs


def nested(rows):
    rows[0].append(sum(len(r) for r in rows))
    rows.append(rows[0])
    return len(rows)


def aliases(a, b):
    a.append(1)
    return a is b, len(b)


def talk(n):
    for i in range(n):
        print("line", i, "é€😀")
    return n


def divide(a, b):
    return a / b


class ParseError(ValueError):
    """A compiled exception class."""


def parse(text):
    if not text.isdigit():
        raise ParseError("not a number: %r" % text)
    return int(text)


def chained(x):
    try:
        return {}[x]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e


def deep(n):
    if n == 0:
        raise IndexError("bottom")
    return deep(n - 1)


class Point:
    """A compiled class: its instances cross as proxies."""

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def make_point(x, y):
    return Point(x, y)


def point_sum(points):
    return sum(p.norm2() for p in points)


def squares(n):
    for i in range(n):
        yield i * i


def keys_of(d):
    return sorted(d), list(d.values())


def text_ops(s, b):
    return s[::-1], len(s), s.encode("utf-8"), b.decode("latin-1"), b[1:]


def frozen(fs):
    return sorted(fs), frozenset(x * 2 for x in fs)


VERSION = "1.0"
LIMITS = (0, 2 ** 80, -1.5)
TABLE = {"a": [1, 2], "b": None}
_private = 1


def use_foreign(obj, key):
    return obj[key], len(obj), key in obj, repr(obj)


def call_back(fn, x):
    return fn(x) + 1


def attr_of(obj, name):
    return getattr(obj, name)


def catch_from_python(fn):
    try:
        fn()
    except ZeroDivisionError as e:
        return "caught " + str(e)
    return "no exception"


def passthrough_raise(fn):
    return fn()


def append_then_fail(xs):
    xs.append(len(xs))
    raise ValueError("after append")


def try_call(f, xs):
    try:
        f(xs)
    except ValueError as e:
        xs.append(str(e))
    return xs


REGISTRY = [1, 2]
SETTINGS = {"mode": "fast"}


def registry_state():
    return len(REGISTRY), REGISTRY[-1], SETTINGS.get("mode")


def registry():
    return REGISTRY


def fresh_list(n):
    return [[i] for i in range(n)]


def let_python_change(fn):
    items = [1, 2]
    table = {"a": 1}
    fn(items, table)
    return items, table


def keep_python_list(get):
    xs = get()
    xs.append("from compiled")
    return len(xs)


NAME = __name__
print("extmod imported as", __name__)

if __name__ == "__main__":
    print("never printed on import")
