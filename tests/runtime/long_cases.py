"""Random big-int cases for long_driver.c: operations on ints of mixed sizes and signs, with the
results CPython computes (the expected output lines). See test_runtime_c.py:test_long_differential.

    python tests/runtime/long_cases.py SEED N   # prints the driver input (for debugging)
"""
import math
import random
import sys

BOUNDARIES = [0, 1, 2, 3, 10, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**53, 2**53 + 1,
              2**62, 2**63 - 1, 2**63, 2**63 + 1, 2**64 - 1, 2**64, 2**64 + 1, 2**96, 2**128 - 1,
              10**18, 10**19, 10**20]


def rand_int(rng):
    kind = rng.random()
    if kind < 0.15:
        v = rng.choice(BOUNDARIES) + rng.choice([0, 0, -1, 1])
    elif kind < 0.40:
        v = rng.getrandbits(rng.randint(1, 64))
    elif kind < 0.65:
        v = rng.getrandbits(rng.randint(65, 300))
    elif kind < 0.80:
        v = rng.getrandbits(rng.randint(300, 6700))   # up to ~2000 decimal digits
    else:   # digit patterns that stress carries and Knuth's qhat correction
        n = rng.randint(2, 80)
        v = 0
        for _ in range(n):
            v = (v << 32) | rng.choice([0, 0xFFFFFFFF, 0x80000000, 0x7FFFFFFF, 1, rng.getrandbits(32)])
    return -v if rng.random() < 0.5 else v


def fmt_value(v):
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return hex(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, tuple):
        return " ".join(fmt_value(x) for x in v)
    if isinstance(v, bytes):
        return repr(v)
    return str(v)


def operand(v):
    if isinstance(v, bool):
        raise TypeError
    if isinstance(v, int):
        return "i" + format(v, "x")
    if isinstance(v, float):
        return "f" + repr(v)
    return "s" + v.replace("%", "%25").replace(" ", "%20")


def evaluate(op, args):
    a = args
    if op == "add": return a[0] + a[1]
    if op == "sub": return a[0] - a[1]
    if op == "mul": return a[0] * a[1]
    if op == "truediv": return a[0] / a[1]
    if op == "floordiv": return a[0] // a[1]
    if op == "mod": return a[0] % a[1]
    if op == "pow": return a[0] ** a[1]
    if op == "lshift": return a[0] << a[1]
    if op == "rshift": return a[0] >> a[1]
    if op == "and": return a[0] & a[1]
    if op == "or": return a[0] | a[1]
    if op == "xor": return a[0] ^ a[1]
    if op == "neg": return -a[0]
    if op == "pos": return +a[0]
    if op == "invert": return ~a[0]
    if op == "abs": return abs(a[0])
    if op == "cmp":
        x, y = a
        return "".join("T" if r else "F" for r in (x < y, x <= y, x == y, x != y, x > y, x >= y))
    if op == "hash": return hash(a[0])
    if op == "str": return str(a[0])
    if op == "format": return format(a[0], a[1])
    if op == "int": return int(*a)
    if op == "float": return float(a[0])
    if op == "divmod": return divmod(a[0], a[1])
    if op == "pow3": return pow(*a)
    if op == "bin": return bin(a[0])
    if op == "oct": return oct(a[0])
    if op == "round": return round(*a)
    if op == "bit_length": return a[0].bit_length()
    if op == "bit_count": return a[0].bit_count()
    if op == "to_bytes":
        return a[0].to_bytes(a[1], "big" if a[2] == "big" else "little", signed=bool(a[3])).hex()
    if op == "from_bytes":
        order = "big" if a[2] == "big" else "little"
        return int.from_bytes(a[0].to_bytes(a[1], order, signed=bool(a[3])), order, signed=bool(a[3]))
    if op in ("gcd", "lcm", "isqrt", "log", "log2", "factorial", "comb"):
        return getattr(math, op)(*a)
    raise ValueError(op)


def result_line(op, args):
    try:
        v = evaluate(op, args)
    except Exception as e:   # noqa: BLE001 - the exception is the expected result
        return "E %s: %s" % (type(e).__name__, e)
    if op == "to_bytes":
        return repr(bytes.fromhex(v))
    return fmt_value(v)


def cases(seed, n):
    rng = random.Random(seed)
    out = []
    binops = ["add", "sub", "mul", "floordiv", "mod", "divmod", "and", "or", "xor", "cmp", "truediv"]
    for _ in range(n):
        r = rng.random()
        x, y = rand_int(rng), rand_int(rng)
        if r < 0.45:
            op = rng.choice(binops)
            if op in ("floordiv", "mod", "divmod") and rng.random() < 0.5:
                # divisors with quotients of a few digits too
                y = rand_int(rng) or 1
                if abs(x) < abs(y):
                    x, y = y, x
            if op == "truediv" and rng.random() < 0.3:   # near overflow / subnormal results
                y = rng.getrandbits(rng.randint(1, 80)) + 1
                x = rng.getrandbits(rng.choice([1020, 1023, 1024, 1025, 1030])) * rng.choice([1, -1])
                if rng.random() < 0.5:
                    x, y = rng.getrandbits(rng.randint(1, 60)) + 1, rng.getrandbits(rng.choice([1070, 1074, 1076, 1080, 1100]))
            out.append((op, [x, y]))
        elif r < 0.52:
            e = rng.randint(0, 40) if abs(x) > 2**200 else rng.randint(0, 300)
            out.append(("pow", [x, e if rng.random() < 0.9 else -rng.randint(1, 5)]))
        elif r < 0.57:
            m = rand_int(rng)
            e = rand_int(rng)
            if rng.random() < 0.3:
                e = -rng.randint(1, 3)
            out.append(("pow3", [x, e if e >= 0 or rng.random() < 0.5 else abs(e), m]))
        elif r < 0.63:
            k = rng.choice([0, 1, 31, 32, 33, 63, 64, 65, rng.randint(0, 500), rng.randint(0, 5000)])
            if rng.random() < 0.05:
                k = 2**70
            out.append((rng.choice(["lshift", "rshift"]) if k < 2**70 else "rshift", [x, k]))
        elif r < 0.70:
            out.append((rng.choice(["neg", "pos", "invert", "abs", "hash", "str", "bit_length", "bit_count",
                                    "float", "bin", "oct"]), [x]))
        elif r < 0.75:
            xf = float(x) if abs(x) < 2**1000 else 1e300
            f = rng.choice([xf, xf * 1.5, float(rng.getrandbits(70)), 2.0**rng.randint(0, 1023),
                            -(2.0**63), 9.2e18, 1e308, float("inf"), float("nan"), 0.5, -0.0])
            if rng.random() < 0.3:
                x = int(f) if math.isfinite(f) else x
            op = rng.choice(["cmp", "add", "mul", "truediv", "cmp", "sub"])
            out.append((op, [x, f] if rng.random() < 0.5 else [f, x]))
        elif r < 0.80:
            base = rng.choice([2, 3, 7, 8, 10, 10, 16, 36, 0])
            digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base or 10]
            s = "".join(rng.choice(digits) for _ in range(rng.randint(1, 600)))
            if base == 0:
                s = s.lstrip("0") or "0"
            if rng.random() < 0.2:
                s = "-" + s
            if rng.random() < 0.1 and len(s) > 3:
                s = s[:2] + "_" + s[2:]
            out.append(("int", [s, base]))
        elif r < 0.84:
            spec = rng.choice(["", "d", ",", "_", "x", "#x", "X", "o", "#b", ">80", "<90", "^100", "+", " ",
                               "=+60", "030,", "e", ".3e", "_x", "g", ".2f"])
            out.append(("format", [x, spec]))
        elif r < 0.88:
            length = max(0, (abs(x).bit_length() + 8) // 8 + rng.choice([-1, 0, 0, 1, 3]))
            order = rng.choice(["big", "little"])
            signed = rng.randint(0, 1)
            out.append((rng.choice(["to_bytes", "from_bytes"]), [x, length, order, signed]))
        elif r < 0.92:
            nd = rng.choice([-1, -2, -5, -18, -19, -20, -40, -100, -700, 0, 3])
            out.append(("round", [x, nd]))
        elif r < 0.96:
            op = rng.choice(["gcd", "lcm", "isqrt", "log", "log2"])
            if op in ("gcd", "lcm"):
                g = rand_int(rng)
                out.append((op, [x * g, y * g]))
            else:
                out.append((op, [abs(x)]))
        else:
            out.append((rng.choice(["factorial", "comb"]), [rng.randint(0, 400)] if rng.random() < 0.5
                        else [rng.randint(0, 600), rng.randint(0, 300)]))
    lines, expected = [], []
    for op, args in out:
        if op == "factorial":
            args = args[:1]
        if op == "to_bytes" or op == "from_bytes":
            lines.append(" ".join([op, operand(args[0]), operand(args[1]), "s" + args[2], operand(args[3])]))
        else:
            lines.append(" ".join([op] + [operand(a) for a in args]))
        expected.append(result_line(op, args))
    return "\n".join(lines) + "\n", expected


if __name__ == "__main__":
    text, _ = cases(int(sys.argv[1]), int(sys.argv[2]))
    sys.stdout.write(text)
