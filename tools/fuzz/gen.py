"""Generator of random, valid, deterministic Python programs in the subset pyrite compiles.

    python -m tools.fuzz.gen SEED          # print the program of one seed

A seed fully determines a program (`generate(seed)`). The generator keeps a typed environment, so
every expression it writes has a known type (int, float, bool, str, lists, a dict, a tuple, class
instances, callables, mixed `any` values) and a known bound: ints and floats stay far below 2**62
(variables are clamped with `%` when an expression could grow), strings and lists stay short, loops
run a bounded number of times and recursion is bounded by its argument. Operations that may raise
(`int(s)`, an unguarded index, `//` by a value that may be zero, `raise`) appear inside `try`
statements; a program may end on purpose with an uncaught exception or `sys.exit(n)`.
Nothing depends on hash order of str, ids, time or randomness. Programs print a lot.
"""
import random
import re
import sys

try:
    from tools.fuzz import templates
except ImportError:   # run as a script from tools/fuzz
    import templates

VB = 1000003          # |int variable| <= VB (assignments of larger expressions are clamped)
FB = 1.0e6            # |float variable| <= FB
LIMIT = 2 ** 60       # no int expression may exceed this
FLIMIT = 1.0e15
SB = 40               # max len of a str variable
LB = 80               # assumed max len of a list variable (appends in loops included)

WORDS = ["", "a", "abc", "Hello", "x y z", "42", "-7", "3.5", "\u00df", "\u00e9t\u00e9", "na\u00efve",
         "\u4e2d\u6587", "tab\there", "it's", 'q"q', "AbC dEf", "  pad  ", "0x1f", "None", "zz", "b,c,d",
         "line\nbreak", "MiXeD", "7", "  ", "Zebra", "apple", "\u0394elta"]
KEYS = ["a", "b", "c", "key", "zz", "k1", "k2", "\u00e9"]
FLOATS = ["0.5", "1.25", "-3.75", "2.0", "0.1", "0.001", "123.456", "-0.0", "1e-05", "7.0", "2.5",
          "1000.125", "0.3", "-2.5", "3.14159", "1e3", "6.02e5"]

INT_SPECS = ["", "d", "5d", "<6", ">6", "^7", "+d", "05d", "x", "X", "o", "b", "#x", ",", "_", "8.2f",
             "+08d", " d", "*>6", "e"]
FLOAT_SPECS = ["", ".2f", "10.3f", ".3e", "g", ".4g", "+.1f", "%", ".1%", "08.3f", "<10", "^9.2f", ",.2f",
               ".0f", "E", "12g", "-^11.1f"]
STR_SPECS = ["", ">8", "<8", "^9", "*^9", ".3", "10.2", "_<7", "s"]
PCT_INT = ["%d", "%5d", "%-5d|", "%x", "%o", "%i", "%+d", "%05d", "%X", "%#o"]
PCT_FLOAT = ["%.3f", "%e", "%g", "%10.2f", "%-8.1f|", "%.0f", "%+.2e", "%G", "%.4g"]
PCT_STR = ["%s", "%r", "%5s", "%-6s|", "%.2s"]


# how much of everything a program gets: the C of a "small" program compiles in about a second
SIZES = {
    "small": {"classes": [0, 1, 1, 2], "fbody": (1, 3), "extras": 1, "funcs": (1, 2), "main": (8, 14), "zoo": 12},
    "normal": {"classes": [0, 1, 1, 2, 2], "fbody": (2, 5), "extras": 1, "funcs": (1, 3), "main": (14, 26), "zoo": 12},
    "large": {"classes": [0, 1, 1, 2, 2, 3], "fbody": (2, 7), "extras": 2, "funcs": (1, 4), "main": (25, 45), "zoo": 12},
}


class Gen:
    def __init__(self, seed, size="normal"):
        self.seed = seed
        self.size = SIZES[size]
        self.r = random.Random(seed)
        self.out = []
        self.ind = 0
        self.nid = 0
        self.scopes = [{}]
        self.fbase = None      # index in scopes of the current function's first scope
        self.frozen = []       # containers being iterated: not mutated in place
        self.funcs = []        # {"name", "params": [types], "ret": type}
        self.gens = []         # generator functions: name (int) -> yields ints
        self.factories = []    # name (int) -> callable int -> int
        self.classes = []      # ClassInfo
        self.excs = []         # custom exception classes: (name, takes_code)
        self.loops = 0
        self.nest = 0
        self.budget = 0        # statements left in the current body
        self.main_wrapped = False

    # ---- output -------------------------------------------------------------------------------
    def emit(self, line):
        self.out.append("    " * self.ind + line)

    def name(self, prefix="v"):
        self.nid += 1
        return "%s%d" % (prefix, self.nid)

    def coin(self, p=0.5):
        return self.r.random() < p

    # ---- environment --------------------------------------------------------------------------
    def visible(self):
        if self.fbase is None:
            return self.scopes
        return [self.scopes[0]] + self.scopes[self.fbase:]

    def assignable(self):
        if self.fbase is None:
            if self.main_wrapped:
                return []
            return self.scopes
        return self.scopes[self.fbase:]

    def vars_of(self, t, writable=False, mutable=False):
        res = []
        for sc in (self.assignable() if writable else self.visible()):
            for n, ty in sc.items():
                if ty == t or (t.startswith("o:") and ty.startswith("o:") and self.subclass(ty[2:], t[2:])):
                    if mutable and n in self.frozen:
                        continue
                    res.append(n)
        return res

    def declare(self, n, t):
        self.scopes[-1][n] = t

    def push(self, names=None):
        self.scopes.append(dict(names or {}))

    def pop(self):
        self.scopes.pop()

    def subclass(self, a, b):
        c = self.cls(a)
        while c is not None:
            if c.name == b:
                return True
            c = self.cls(c.base) if c.base else None
        return False

    def cls(self, name):
        for c in self.classes:
            if c.name == name:
                return c
        return None

    def pick(self, options):
        """options: list of (weight, fn); calls fns in weighted random order until one returns non-None."""
        opts = [o for o in options if o[0] > 0]
        while opts:
            total = sum(w for w, _ in opts)
            x = self.r.uniform(0, total)
            for i, (w, fn) in enumerate(opts):
                x -= w
                if x <= 0:
                    break
            res = opts[i][1]()
            if res is not None:
                return res
            del opts[i]
        return None

    # ---- expressions: each returns (code, bound) -----------------------------------------------
    def expr(self, t, d=2):
        f = {"int": self.e_int, "float": self.e_float, "bool": self.e_bool, "str": self.e_str,
             "lint": self.e_lint, "lstr": self.e_lstr, "lfloat": self.e_lfloat, "dsi": self.e_dsi,
             "tup": self.e_tup, "any": self.e_any, "fn": self.e_fn, "lany": self.e_lany}.get(t)
        if f is None and t.startswith("o:"):
            return self.e_obj(t[2:], d)
        if f is None and t.startswith("lo:"):
            return self.e_lobj(t[3:], d)
        return f(d)

    def var_leaf(self, t):
        vs = self.vars_of(t)
        if not vs:
            return None
        return self.r.choice(vs)

    def small(self, lo=0, hi=6):
        """An int expression with value in [lo, hi]."""
        if self.coin(0.5):
            return str(self.r.randint(lo, hi))
        e, _ = self.e_int(1)
        return "(%s) %% %d + %d" % (e, hi - lo + 1, lo) if lo else "(%s) %% %d" % (e, hi + 1)

    # ints
    def leaf_int(self):
        v = self.var_leaf("int")
        if v and self.coin(0.7):
            return v, VB
        n = self.r.choice([0, 1, 2, 3, 5, 7, 10, 13, 42, 100, 255, 1000, -1, -2, -5, -17, 99999,
                           self.r.randint(-50, 50)])
        return (str(n) if n >= 0 else "(%d)" % n) if self.coin(0.8) else "-%d" % abs(n), abs(n)

    def e_int(self, d=2):
        if d <= 0 or self.coin(0.2):
            return self.leaf_int()
        r = self.r
        d1 = d - 1

        def binop():
            (a, ba), (b, bb) = self.e_int(d1), self.e_int(d1)
            op = r.choice(["+", "-", "*", "+", "-", "&", "|", "^"])
            if op == "*" and ba * bb >= LIMIT:
                op = "+"
            if op in "+-":
                return "(%s %s %s)" % (a, op, b), ba + bb
            if op == "*":
                return "(%s * %s)" % (a, b), ba * bb
            return "(%s %s %s)" % (a, op, b), 2 * max(ba, bb) + 1

        def divmod_():
            (a, ba), (b, bb) = self.e_int(d1), self.e_int(d1)
            if self.coin():
                g, gb = "(%s or %d)" % (b, r.choice([3, -3, 7, 1, -1])), max(bb, 7)
            else:
                g, gb = "(abs(%s) + 1)" % b, bb + 1
            kind = r.randrange(3)
            if kind == 0:
                return "(%s // %s)" % (a, g), ba + 1
            if kind == 1:
                return "(%s %% %s)" % (a, g), gb
            return "divmod(%s, %s)[%d]" % (a, g, r.randrange(2)), max(ba + 1, gb)

        def unary():
            a, ba = self.e_int(d1)
            return r.choice(["(-%s)", "abs(%s)", "(~%s)", "(+%s)"]) % a, ba + 1

        def shift():
            a, ba = self.e_int(d1)
            k = r.randint(0, 5)
            if self.coin() and ba << k < LIMIT:
                return "(%s << %d)" % (a, k), ba << k
            return "(%s >> %d)" % (a, k), ba

        def power():
            a, ba = self.e_int(0)
            k = r.randint(0, 3)
            if max(ba, 2) ** k >= LIMIT:
                return None
            return "(%s ** %d)" % (a, k), max(ba, 1) ** k

        def length():
            t = r.choice(["str", "lint", "lstr", "dsi", "lfloat"])
            a, ba = self.expr(t, d1)
            return "len(%s)" % a, ba

        def from_float():
            a, ba = self.e_float(d1)
            f = r.choice(["int(%s)", "round(%s)", "math.floor(%s)", "math.ceil(%s)", "math.trunc(%s)"])
            return f % a, int(ba) + 2

        def from_bool():
            b, _ = self.e_bool(d1)
            a, ba = self.e_int(d1)
            return r.choice(["(%s + %s)" % (b, a), "(%s * %s)" % (a, b), "int(%s)" % b]), ba + 1

        def minmax():
            args = [self.e_int(d1) for _ in range(r.randint(2, 3))]
            return "%s(%s)" % (r.choice(["min", "max"]), ", ".join(a for a, _ in args)), max(b for _, b in args)

        def summ():
            if self.coin():
                a, ba = self.e_lint(d1)
                return "sum(%s)" % a, ba * VB
            v, bv = self.e_lint(d1)
            x = self.name("c")
            self.push({x: "int"})
            e, be = self.e_int(1)
            self.pop()
            if be * bv >= LIMIT:
                return None
            cond = ""
            if self.coin(0.4):
                self.push({x: "int"})
                cond = " if " + self.e_bool(1)[0]
                self.pop()
            return "sum(%s for %s in %s%s)" % (e, x, v, cond), be * bv

        def cond():
            c, _ = self.e_bool(d1)
            (a, ba), (b, bb) = self.e_int(d1), self.e_int(d1)
            return "(%s if %s else %s)" % (a, c, b), max(ba, bb)

        def strops():
            s, bs = self.e_str(d1)
            k = r.randrange(5)
            if k == 0:
                return "%s.find(%r)" % (s, r.choice(WORDS[1:8])), bs
            if k == 1:
                return "%s.count(%r)" % (s, r.choice(["a", "b", " ", "z", "\u00e9"])), bs
            if k == 2:
                return "(ord(%s[0]) if %s else -1)" % (s, s), 0x110000
            if k == 3:
                return "int(%r)" % r.choice(["12", "-3", " 7 ", "0", "1_000", "+5"]), 1000
            return "len(%s.split())" % s, bs

        def index_list():
            lst, bl = self.e_lint(d1)
            i, _ = self.e_int(d1)
            return "(%s[%s %% len(%s)] if %s else -1)" % (lst, i, lst, lst), VB

        def dict_get():
            dd, _ = self.e_dsi(d1)
            return "%s.get(%r, %s)" % (dd, r.choice(KEYS), self.leaf_int()[0]), VB

        def tup_get():
            t, _ = self.e_tup(d1)
            return "%s[0]" % t, VB

        def call():
            fs = [f for f in self.funcs if f["ret"] == "int"]
            if not fs:
                return None
            f = r.choice(fs)
            return self.call_expr(f, d1), VB

        def fncall():
            fv, _ = self.e_fn(d1)
            a, _ = self.e_int(d1)
            return "%s(%s)" % (fv, a), VB

        def gen_sum():
            if not self.gens:
                return None
            g = r.choice(self.gens)
            f = r.choice(["sum", "max", "min", "len"])
            if f in ("max", "min"):
                return "%s(%s(%s), default=-1)" % (f, "list" if self.coin() else "", self.gen_call(g)), VB * 10
            return "%s(%s(%s))" % (f, "list" if self.coin() or f == "len" else "", self.gen_call(g)), VB * 10

        def obj_field():
            if not self.classes:
                return None
            c = r.choice(self.classes)
            o, _ = self.e_obj(c.name, d1)
            opts = ["%s.a" % o]
            if c.has("double"):
                opts.append("%s.double" % o)
            if c.has("__len__"):
                opts.append("len(%s)" % o)
            if c.has("total"):
                opts.append("%s.total()" % o)
            if c.has("helper"):
                opts.append("%s.helper(%s)" % (c.name, self.leaf_int()[0]))
            opts.append("%s.count" % c.name)
            return r.choice(opts), 3 * VB

        def intconv():
            a, ba = self.e_int(d1)
            return r.choice(["int(str(%s))", "int(%s)", "int(float(%s))", "int(repr(%s))"]) % a, ba

        return self.pick([(6, binop), (3, divmod_), (2, unary), (1, shift), (1, power), (3, length),
                          (2, from_float), (1, from_bool), (2, minmax), (2, summ), (2, cond), (2, strops),
                          (2, index_list), (1, dict_get), (1, tup_get), (3, call), (2, fncall), (1, gen_sum),
                          (3, obj_field), (1, intconv)]) or self.leaf_int()

    # floats
    def leaf_float(self):
        v = self.var_leaf("float")
        if v and self.coin(0.6):
            return v, FB
        f = self.r.choice(FLOATS)
        return f, abs(float(f))

    def e_float(self, d=2):
        if d <= 0 or self.coin(0.2):
            return self.leaf_float()
        r = self.r
        d1 = d - 1

        def arith():
            (a, ba), (b, bb) = self.e_float(d1), r.choice([self.e_float, self.e_int])(d1)
            if self.coin(0.3):
                a, b, ba, bb = b, a, bb, ba
            op = r.choice(["+", "-", "*"])
            if op == "*" and ba * bb >= FLIMIT:
                op = "-"
            return "(%s %s %s)" % (a, op, b), (ba * bb if op == "*" else ba + bb) + 1

        def div():
            a, ba = r.choice([self.e_float, self.e_int])(d1)
            b, bb = r.choice([self.e_float, self.e_int])(d1)
            if ba >= FLIMIT:
                return None
            k = r.randrange(3)
            if k == 0:
                return "(%s / (abs(%s) + 0.5))" % (a, b), ba * 2 + 1
            if k == 1:
                return "(%s %% %s)" % (a, r.choice(["2.5", "0.75", "-1.5", "10.0", "3"])), 10.0
            return "(%s // %s)" % (a, r.choice(["2.5", "0.75", "-1.5", "4.0"])), ba * 2 + 1

        def intdiv():
            a, ba = self.e_int(d1)
            b, _ = self.e_int(d1)
            if ba >= FLIMIT:
                return None
            return "(%s / (%s or 4))" % (a, b), ba + 1

        def unary():
            a, ba = self.e_float(d1)
            k = r.randrange(6)
            if k == 0:
                return "(-%s)" % a, ba
            if k == 1:
                return "abs(%s)" % a, ba
            if k == 2:
                return "round(%s, %d)" % (a, r.randint(0, 3)), ba + 1
            if k == 3:
                return "math.sqrt(abs(%s))" % a, max(ba, 1.0)
            if k == 4:
                return "math.fabs(%s)" % a, ba
            return "float(%s)" % a, ba

        def conv():
            a, ba = self.e_int(d1)
            if ba >= FLIMIT:
                return None
            return r.choice(["float(%s)", "(%s * 0.5)", "(%s + 0.25)", "float(str(%s))"]) % a, ba + 1

        def minmax():
            args = [r.choice([self.e_float, self.e_float, self.e_int])(d1) for _ in range(r.randint(2, 3))]
            if not any("." in a or "e" in a for a, _ in args):
                args.append(self.leaf_float())
            return "%s(%s)" % (r.choice(["min", "max"]), ", ".join(a for a, _ in args)), max(b for _, b in args)

        def summ():
            a, ba = self.e_lfloat(d1)
            return "sum(%s)" % a, ba * FB

        def cond():
            c, _ = self.e_bool(d1)
            (a, ba), (b, bb) = self.e_float(d1), self.e_float(d1)
            return "(%s if %s else %s)" % (a, c, b), max(ba, bb)

        def fromstr():
            return "float(%r)" % r.choice(["1.5", " -2.25 ", "1e3", "7", "0.1", "-0"]), 1000.0

        def call():
            fs = [f for f in self.funcs if f["ret"] == "float"]
            if not fs:
                return None
            return self.call_expr(r.choice(fs), d1), FB

        def index_list():
            lst, _ = self.e_lfloat(d1)
            i, _ = self.e_int(d1)
            return "(%s[%s %% len(%s)] if %s else 0.0)" % (lst, i, lst, lst), FB

        return self.pick([(5, arith), (2, div), (1, intdiv), (2, unary), (2, conv), (1, minmax), (1, summ),
                          (1, cond), (1, fromstr), (2, call), (1, index_list)]) or self.leaf_float()

    # bools
    def e_bool(self, d=2):
        r = self.r
        if d <= 0 or self.coin(0.1):
            v = self.var_leaf("bool")
            if v and self.coin(0.6):
                return v, 1
            return r.choice(["True", "False"]), 1
        d1 = d - 1

        def cmp_():
            t = r.choice(["int", "int", "float", "str", "mix"])
            if t == "mix":
                a, b = self.e_int(d1)[0], self.e_float(d1)[0]
            else:
                a, b = self.expr(t, d1)[0], self.expr(t, d1)[0]
            ops = ["<", "<=", ">", ">=", "==", "!="]
            if self.coin(0.2):
                c = self.expr("int" if t == "mix" else t, d1)[0]
                return "(%s %s %s %s %s)" % (a, r.choice(ops), b, r.choice(ops), c), 1
            return "(%s %s %s)" % (a, r.choice(ops), b), 1

        def logic():
            a, b = self.e_bool(d1)[0], self.e_bool(d1)[0]
            return r.choice(["(%s and %s)", "(%s or %s)", "(not %s and %s)"]) % (a, b), 1

        def not_():
            return "(not %s)" % self.e_bool(d1)[0], 1

        def contains():
            k = r.randrange(4)
            if k == 0:
                return "(%s in %s)" % (self.e_int(d1)[0], self.e_lint(d1)[0]), 1
            if k == 1:
                return "(%r %s %s)" % (r.choice(KEYS), r.choice(["in", "not in"]), self.e_dsi(d1)[0]), 1
            if k == 2:
                return "(%r in %s)" % (r.choice(["a", "b", "ab", "", "\u00e9"]), self.e_str(d1)[0]), 1
            return "(%s in %s)" % (self.e_str(d1)[0], self.e_lstr(d1)[0]), 1

        def strpred():
            s = self.e_str(d1)[0]
            m = r.choice(["isdigit()", "isalpha()", "isupper()", "islower()", "isspace()", "isalnum()",
                          "startswith(%r)" % r.choice(["a", "H", "", "ab"]), "endswith(%r)" % r.choice(["c", "z", "e"]),
                          "isidentifier()", "istitle()"])
            return "%s.%s" % (s, m), 1

        def truth():
            t = r.choice(["int", "str", "lint", "float", "dsi", "any"])
            return "bool(%s)" % self.expr(t, d1)[0], 1

        def isinst():
            a = self.e_any(d1)[0]
            return "isinstance(%s, %s)" % (a, r.choice(["int", "float", "str", "bool", "list", "tuple", "dict",
                                                          "(int, float)", "(str, list)"])), 1

        def anyall():
            lst, _ = self.e_lint(d1)
            x = self.name("c")
            self.push({x: "int"})
            c, _ = self.e_bool(1)
            self.pop()
            return "%s(%s for %s in %s)" % (r.choice(["any", "all"]), c, x, lst), 1

        def objcmp():
            if not self.classes:
                return None
            c = r.choice(self.classes)
            a, b = self.e_obj(c.name, d1)[0], self.e_obj(c.name, d1)[0]
            opts = ["(%s == %s)" % (a, b), "(%s != %s)" % (a, b), "isinstance(%s, %s)" % (a, r.choice(self.classes).name)]
            if c.has("__lt__"):
                opts += ["(%s < %s)" % (a, b), "(%s > %s)" % (a, b)]
            if c.has("__contains__"):
                opts.append("(%r in %s)" % (r.choice(["a", "b", "x"]), a))
            if c.has("__bool__"):
                opts.append("bool(%s)" % a)
            if c.has("is_big"):
                opts.append("%s.is_big()" % a)
            return r.choice(opts), 1

        def call():
            fs = [f for f in self.funcs if f["ret"] == "bool"]
            if not fs:
                return None
            return self.call_expr(r.choice(fs), d1), 1

        return self.pick([(6, cmp_), (2, logic), (1, not_), (2, contains), (2, strpred), (1, truth),
                          (1, isinst), (1, anyall), (2, objcmp), (1, call)]) or ("True", 1)

    # strs
    def leaf_str(self):
        v = self.var_leaf("str")
        if v and self.coin(0.6):
            return v, SB
        w = self.r.choice(WORDS)
        return repr(w), len(w)

    def e_str(self, d=2):
        if d <= 0 or self.coin(0.15):
            return self.leaf_str()
        r = self.r
        d1 = d - 1

        def concat():
            (a, ba), (b, bb) = self.e_str(d1), self.e_str(d1)
            return "(%s + %s)" % (a, b), ba + bb

        def repeat():
            a, ba = self.e_str(d1)
            k = r.randint(-1, 3)
            return "(%s * %s)" % (a, k if k >= 0 else "(%d)" % k), ba * 3

        def slice_():
            a, ba = self.e_str(d1)
            i, j = r.randint(-4, 4), r.randint(-4, 6)
            return r.choice(["%s[%d:%d]" % (a, i, j), "%s[::-1]" % a, "%s[::2]" % a, "%s[%d:]" % (a, i),
                             "%s[:%d]" % (a, j), "%s[1::%d]" % (a, r.choice([2, 3, -1]))]), ba

        def index():
            a, ba = self.e_str(d1)
            i = self.e_int(d1)[0]
            return "(%s[%s %% len(%s)] if %s else '?')" % (a, i, a, a), 1

        def method():
            a, ba = self.e_str(d1)
            m = r.choice(["upper()", "lower()", "strip()", "lstrip()", "rstrip()", "title()", "capitalize()",
                          "swapcase()", "replace(%r, %r)" % (r.choice(["a", " ", "e", "\u00df"]), r.choice(["", "_", "AB"])),
                          "center(%d, '*')" % r.randint(0, 12), "ljust(%d)" % r.randint(0, 10),
                          "rjust(%d, '.')" % r.randint(0, 10), "zfill(%d)" % r.randint(0, 8),
                          "strip('a ')", "casefold()", "removeprefix('a')", "removesuffix('c')",
                          "expandtabs(4)"])
            return "%s.%s" % (a, m), ba * 2 + 12

        def conv():
            t = r.choice(["int", "float", "bool", "lint", "tup", "any", "str", "dsi", "lstr"])
            e, _ = self.expr(t, d1)
            return "%s(%s)" % (r.choice(["str", "repr", "repr", "ascii"]) if t != "str" else r.choice(["repr", "ascii", "str"]), e), 10 ** 9

        def fstring():
            parts = []
            for _ in range(r.randint(1, 3)):
                t = r.choice(["int", "float", "str", "any", "bool"])
                e, _ = self.expr(t, d1)
                if "'" in e or '"' in e or "\\" in e or "{" in e:
                    v = self.var_leaf(t)
                    if not v:
                        continue
                    e = v
                spec = {"int": INT_SPECS, "float": FLOAT_SPECS, "str": STR_SPECS}.get(t, [""])
                sp = r.choice(spec)
                conv_ = r.choice(["", "", "", "!r", "!s"]) if not sp or t == "str" else ""
                if conv_ == "!r" and t == "str" and sp and sp[-1] not in "s<>^0123456789":
                    conv_ = ""
                parts.append(r.choice(["", "<", " ", "=", "x:"]) + "{%s%s%s}" % (e, conv_, (":" + sp) if sp else ""))
            return "f'%s'" % "".join(parts), 10 ** 9

        def pct():
            fmts, args = [], []
            for _ in range(r.randint(1, 3)):
                t = r.choice(["int", "float", "str", "any"])
                fmts.append(r.choice({"int": PCT_INT, "float": PCT_FLOAT, "str": PCT_STR, "any": ["%s", "%r"]}[t]))
                args.append(self.expr(t, d1)[0])
            sep = r.choice([" ", ",", "|", " %% "])
            return "(%r %% (%s,))" % (sep.join(fmts), ", ".join(args)), 10 ** 9

        def fmt():
            fields, args = [], []
            for i in range(r.randint(1, 3)):
                t = r.choice(["int", "float", "str"])
                spec = r.choice({"int": INT_SPECS, "float": FLOAT_SPECS, "str": STR_SPECS}[t])
                fields.append("{%s}" % ((":" + spec) if spec else ""))
                args.append(self.expr(t, d1)[0])
            return "%r.format(%s)" % (" ".join(fields), ", ".join(args)), 10 ** 9

        def join():
            if self.coin():
                lst, _ = self.e_lstr(d1)
                return "%r.join(%s)" % (r.choice(["", ",", " - ", "|"]), lst), 10 ** 9
            lst, _ = self.e_lint(d1)
            return "%r.join(map(str, %s))" % (r.choice([",", " "]), lst), 10 ** 9

        def chr_():
            i = self.e_int(d1)[0]
            return "chr(%d + (%s) %% %d)" % (r.choice([65, 97, 0x3b1, 48]), i, r.choice([26, 10, 5])), 1

        def numfmt():
            i = self.e_int(d1)[0]
            return "%s(%s)" % (r.choice(["hex", "bin", "oct", "str", "format"]), i), 70

        def typename():
            e, _ = self.e_any(d1)
            return "type(%s).__name__" % e, 10

        def cond():
            c, _ = self.e_bool(d1)
            (a, ba), (b, bb) = self.e_str(d1), self.e_str(d1)
            return "(%s if %s else %s)" % (a, c, b), max(ba, bb)

        def call():
            fs = [f for f in self.funcs if f["ret"] == "str"]
            if not fs:
                return None
            return self.call_expr(r.choice(fs), d1), SB

        def obj():
            if not self.classes:
                return None
            c = r.choice(self.classes)
            o, _ = self.e_obj(c.name, d1)
            opts = ["repr(%s)" % o, "str(%s)" % o, "%s.s" % o, "type(%s).__name__" % o]
            if "'" not in o and '"' not in o:
                opts.append("f'{%s}'" % o)
            if c.has("describe"):
                opts.append("%s.describe()" % o)
            if c.has("label"):
                opts.append("%s.label" % o)
            return r.choice(opts), 10 ** 9

        def dictfmt():
            dd, _ = self.e_dsi(d1)
            return "str(sorted(%s.items()))" % dd, 10 ** 9

        return self.pick([(3, concat), (1, repeat), (2, slice_), (1, index), (3, method), (2, conv),
                          (3, fstring), (2, pct), (2, fmt), (1, join), (1, chr_), (1, numfmt), (1, typename),
                          (1, cond), (2, call), (2, obj), (1, dictfmt)]) or self.leaf_str()

    # lists of ints
    def e_lint(self, d=2):
        r = self.r
        v = self.var_leaf("lint")
        if d <= 0 or (v and self.coin(0.3)):
            if v:
                return v, LB
            return "[%s]" % ", ".join(str(r.randint(-9, 30)) for _ in range(r.randint(0, 5))), 5
        d1 = d - 1

        def literal():
            n = r.randint(0, 5)
            return "[%s]" % ", ".join(self.value("int", d1) for _ in range(n)), n

        def rng():
            a = r.randint(-5, 5)
            b = r.randint(-3, 12)
            step = r.choice(["", ", 2", ", -1", ", 3", ", -2"])
            return "list(range(%d, %d%s))" % (a, b, step), 20

        def comp():
            src, bs = r.choice([self.e_lint, lambda dd: ("range(%d)" % r.randint(0, 8), 8)])(d1)
            x = self.name("c")
            self.push({x: "int"})
            e, be = self.e_int(1)
            e = self.clamp("int", e, be)
            cond = (" if " + self.e_bool(1)[0]) if self.coin(0.4) else ""
            self.pop()
            return "[%s for %s in %s%s]" % (e, x, src, cond), bs

        def sorted_():
            a, ba = self.e_lint(d1)
            k = r.randrange(4)
            if k == 0:
                return "sorted(%s)" % a, ba
            if k == 1:
                return "sorted(%s, reverse=True)" % a, ba
            x = self.name("c")
            self.push({x: "int"})
            key = self.e_int(1)[0]
            self.pop()
            return "sorted(%s, key=lambda %s: %s)" % (a, x, key), ba

        def slice_():
            a, ba = self.e_lint(d1)
            return r.choice(["%s[1:]", "%s[:-1]", "%s[::-1]", "%s[::2]", "%s[1:4]", "%s[-3:]", "list(reversed(%s))",
                             "%s[:]"]) % a, ba

        def concat():
            (a, ba), (b, bb) = self.e_lint(d1), self.e_lint(d1)
            if self.coin(0.2):
                return "(%s * 2)" % a, ba * 2
            return "(%s + %s)" % (a, b), ba + bb

        def map_():
            a, ba = self.e_lint(d1)
            x = self.name("c")
            self.push({x: "int"})
            e = self.clamp("int", *self.e_int(1))
            c = self.e_bool(1)[0]
            self.pop()
            if self.coin():
                return "list(map(lambda %s: %s, %s))" % (x, e, a), ba
            return "list(filter(lambda %s: %s, %s))" % (x, c, a), ba

        def gen():
            if not self.gens:
                return None
            return "list(%s)" % self.gen_call(r.choice(self.gens)), 20

        def call():
            fs = [f for f in self.funcs if f["ret"] == "lint"]
            if not fs:
                return None
            return self.call_expr(r.choice(fs), d1), LB

        def misc():
            k = r.randrange(4)
            if k == 0:
                return "[len(w) for w in %s]" % self.e_lstr(d1)[0], LB
            if k == 1:
                return "list(%s.values())" % self.e_dsi(d1)[0], LB
            if k == 2:
                return "[ord(ch) for ch in %s]" % self.e_str(d1)[0], SB
            return "[i * j %% %d for i, j in zip(%s, %s)]" % (VB, self.e_lint(d1)[0], self.e_lint(d1)[0]), LB

        code, b = self.pick([(2, literal), (1, rng), (2, comp), (2, sorted_), (2, slice_), (1, concat), (1, map_),
                             (1, gen), (1, call), (1, misc)])
        return code, b

    def e_lfloat(self, d=2):
        r = self.r
        v = self.var_leaf("lfloat")
        if v and (d <= 0 or self.coin(0.4)):
            return v, LB
        if d <= 0 or self.coin(0.5):
            n = r.randint(0, 4)
            return "[%s]" % ", ".join(self.e_float(d - 1)[0] for _ in range(n)), n
        a, ba = self.e_lint(d - 1)
        x = self.name("c")
        return r.choice(["[%s * 0.5 for %s in %s]", "[%s / 4 for %s in %s]", "[float(%s) for %s in %s]"]) % (x, x, a), ba

    def e_lstr(self, d=2):
        r = self.r
        v = self.var_leaf("lstr")
        if v and (d <= 0 or self.coin(0.4)):
            return v, LB
        if d <= 0:
            return repr(r.sample(WORDS, r.randint(0, 4))), 4
        k = r.randrange(6)
        if k == 0:
            n = r.randint(0, 4)
            return "[%s]" % ", ".join(self.e_str(d - 1)[0] for _ in range(n)), n
        if k == 1:
            return "%s.split(%s)" % (self.e_str(d - 1)[0], r.choice(["", "','", "' '", "'a'"])), SB
        if k == 2:
            return "list(%s)" % self.e_str(d - 1)[0], SB
        if k == 3:
            return "sorted(%s)" % self.e_lstr(d - 1)[0], LB
        if k == 4:
            return "list(%s)" % self.e_dsi(d - 1)[0], LB
        return "[str(%s) for %s in %s]" % ("c", "c", self.e_lint(d - 1)[0]), LB

    def e_dsi(self, d=2):
        r = self.r
        v = self.var_leaf("dsi")
        if v and (d <= 0 or self.coin(0.5)):
            return v, 20
        if d <= 0 or self.coin(0.6):
            ks = r.sample(KEYS, r.randint(0, 4))
            return "{%s}" % ", ".join("%r: %s" % (k, self.value("int", d - 1)) for k in ks), len(ks)
        x = self.name("c")
        src = self.e_lstr(d - 1)[0]
        return "{%s: len(%s) for %s in %s}" % (x, x, x, src), LB

    def e_tup(self, d=2):
        v = self.var_leaf("tup")
        if v and (d <= 0 or self.coin(0.5)):
            return v, 2
        return "(%s, %s)" % (self.value("int", d - 1), self.value("str", d - 1)), 2

    def e_any(self, d=2):
        r = self.r
        v = self.var_leaf("any")
        if v and self.coin(0.4):
            return v, None
        k = r.randrange(9)
        if k == 0:
            return "None", None
        if k == 1 and d > 0:
            return self.e_lany(d - 1)
        t = r.choice(["int", "float", "str", "bool", "lint", "tup", "int", "str"])
        return self.expr(t, max(d - 1, 0))[0], None

    def e_lany(self, d=2):
        v = self.var_leaf("lany")
        if v and self.coin(0.5):
            return v, LB
        n = self.r.randint(0, 5)
        return "[%s]" % ", ".join(self.e_any(max(d - 1, 0))[0] for _ in range(n)), n

    def e_fn(self, d=2):
        r = self.r
        v = self.var_leaf("fn")
        if v and self.coin(0.5):
            return v, None
        k = r.randrange(3)
        if k == 0 and self.factories:
            return "%s(%s)" % (r.choice(self.factories), self.e_int(max(d - 1, 0))[0]), None
        plain = [f["name"] for f in self.funcs if f["params"] == ["int"] and f["ret"] == "int" and not f.get("wrap")]
        if k == 1 and plain:
            return r.choice(plain), None
        x = self.name("c")
        self.push({x: "int"})
        e = self.clamp("int", *self.e_int(1))
        self.pop()
        return "(lambda %s: %s)" % (x, e), None

    def e_obj(self, cname, d=2):
        r = self.r
        vs = self.vars_of("o:" + cname)
        if vs and (d <= 0 or self.coin(0.6)):
            return r.choice(vs), None
        c = self.cls(cname)
        subs = [k for k in self.classes if self.subclass(k.name, cname)]
        k = r.choice(subs)
        if d > 0 and "__add__" in c.methods and self.coin(0.2):
            return "(%s + %s)" % (self.e_obj(cname, 0)[0], self.e_obj(cname, 0)[0]), None
        if c.has("make") and self.coin(0.2):
            return "%s.make(%s)" % (k.name, self.e_int(max(d - 1, 0))[0]), None
        return self.construct(k, max(d - 1, 0)), None

    def construct(self, k, d):
        args = [self.value("int", d), self.value("str", d)]
        if k.base:
            args.append(self.value("int", d))
        if self.coin(0.3):
            args[1] = "s=" + args[1]
            if k.base:
                args[2] = "k=" + args[2]
        return "%s(%s)" % (k.name, ", ".join(args))

    def e_lobj(self, cname, d=2):
        v = self.var_leaf("lo:" + cname)
        if v and self.coin(0.5):
            return v, LB
        subs = [k for k in self.classes if self.subclass(k.name, cname)]
        return "[%s]" % ", ".join(self.construct(self.r.choice(subs), 0) for _ in range(self.r.randint(0, 4))), 4

    # ---- calls -------------------------------------------------------------------------------
    def call_expr(self, f, d):
        args = []
        for i, t in enumerate(f["params"]):
            a = self.value(t, max(d, 0))
            if f.get("wrap"):
                a = f["wrap"] % a
            if i == len(f["params"]) - 1 and self.coin(0.25):
                a = "%s=%s" % (f["pnames"][i], a)
            args.append(a)
        if f.get("default") and self.coin(0.4):
            args.append("%s=%s" % (f["default"], self.e_int(0)[0]))
        return "%s(%s)" % (f["name"], ", ".join(args))

    def gen_call(self, g):
        return "%s(%s)" % (g, self.small(0, 6))

    # ---- clamping ------------------------------------------------------------------------------
    def clamp(self, t, code, bound):
        if t == "int" and bound > VB:
            return "(%s) %% %d" % (code, VB)
        if t == "float" and bound > FB:
            return "(%s) %% 1000.0" % code
        if t == "str" and bound > SB:
            return "(%s)[:%d]" % (code, self.r.choice([SB, 25, 12]))
        if t in ("lint", "lstr", "lfloat") and bound > 12:
            return "(%s)[:12]" % code
        if t in ("lint", "lstr", "lfloat", "dsi", "lany") and code.isidentifier():
            return "%s.copy()" % code if self.coin() else "list(%s)" % code if t != "dsi" else "dict(%s)" % code
        return code

    def value(self, t, d=2):
        code, b = self.expr(t, d)
        return self.clamp(t, code, b)

    # ---- statements ----------------------------------------------------------------------------
    def show(self, e, label=None, t=None):
        r = self.r
        if t == "fn":
            self.emit("print(%s(%s))" % (e, self.e_int(1)[0]))
            return
        label = label or e
        k = r.randrange(6)
        if k == 0:
            self.emit("print(%r, %s)" % (label[:30] + ":", e))
        elif k == 1:
            self.emit("print(repr(%s))" % e)
        elif k == 2:
            self.emit("print(%s, sep=%r, end=%r)" % (e, r.choice(["|", ", "]), r.choice(["\n", " ;\n", "!\n"])))
        elif k == 3:
            self.emit("print(%r, %s, type(%s).__name__)" % (label[:12], e, e))
        else:
            self.emit("print(%s)" % e)

    def types_pool(self):
        ts = ["int"] * 5 + ["float"] * 2 + ["str"] * 4 + ["bool", "lint", "lint", "lstr", "lfloat", "dsi", "tup",
                                                           "any", "lany", "fn"]
        ts += ["o:" + c.name for c in self.classes] * 2
        ts += ["lo:" + c.name for c in self.classes if not c.base]
        return ts

    def s_assign_new(self):
        t = self.r.choice(self.types_pool())
        n = self.name()
        code = self.value(t)
        self.emit("%s = %s" % (n, code))
        self.declare(n, t)
        self.show(n, t=t)

    def s_reassign(self):
        r = self.r
        cands = []
        for sc in self.assignable():
            for n, t in sc.items():
                if n not in self.frozen and t != "wctr":
                    cands.append((n, t))
        if not cands:
            return None
        n, t = r.choice(cands)
        if t == "int" and self.coin(0.5):
            op = r.choice(["+=", "-=", "*=", "//=", "%=", "^=", "|=", "&=", "<<="])
            if op in ("//=", "%="):
                e = "(%s or 5)" % self.e_int(1)[0]
            elif op == "*=":
                e = str(r.randint(-3, 9))
            elif op == "<<=":
                e = str(r.randint(0, 3))
            else:
                e = self.e_int(2)[0]
            self.emit("%s %s %s" % (n, op, e))
            self.emit("%s %%= %d" % (n, VB))
        elif t == "float" and self.coin(0.4):
            self.emit("%s %s %s" % (n, r.choice(["+=", "-=", "*="]), r.choice(FLOATS[:8])))
            self.emit("%s %%= 1000.0" % n)
        elif t == "str" and self.coin(0.4):
            self.emit("%s += %s" % (n, self.e_str(1)[0]))
            self.emit("%s = %s[-%d:]" % (n, n, SB))
        elif t == "any":
            t2 = r.choice(["int", "str", "float", "lint", "bool", "tup"])
            self.emit("%s = %s" % (n, self.value(t2)))
        else:
            self.emit("%s = %s" % (n, self.value(t)))
        self.show(n, t=t)
        return True

    def s_print(self):
        r = self.r
        n = r.randint(1, 3)
        pool = [t for t in self.types_pool() if t != "fn"]
        es = [self.expr(r.choice(pool), 2)[0] for _ in range(n)]
        kw = ""
        if self.coin(0.2):
            kw = ", sep=%r" % r.choice(["", "-", " | "])
        self.emit("print(%s%s)" % (", ".join(es), kw))
        return True

    def s_if(self):
        c = self.e_bool(2)[0]
        self.emit("if %s:" % c)
        self.body(self.r.randint(1, 3))
        for _ in range(self.r.choice([0, 0, 1, 2])):
            self.emit("elif %s:" % self.e_bool(2)[0])
            self.body(self.r.randint(1, 2))
        if self.coin():
            self.emit("else:")
            self.body(self.r.randint(1, 2))
        return True

    def loop_body(self, n):
        self.loops += 1
        r = self.r
        self.ind += 1
        self.push()
        if self.coin(0.3):
            self.emit("if %s:" % self.e_bool(1)[0])
            self.ind += 1
            self.emit(r.choice(["break", "continue"]))
            self.ind -= 1
        self.stmts(n)
        if self.coin(0.2):
            self.emit("if %s:" % self.e_bool(1)[0])
            self.ind += 1
            self.emit(r.choice(["break", "continue"]))
            self.ind -= 1
        self.pop()
        self.ind -= 1
        self.loops -= 1

    def s_for(self):
        if self.loops >= 2:
            return None
        r = self.r
        x = self.name("i")
        k = r.randrange(11)
        frozen = None
        if k == 0:
            src, t = "range(%s)" % self.small(0, 6), {x: "int"}
        elif k == 1:
            src, t = "range(%d, %d, %d)" % (r.randint(-5, 5), r.randint(-5, 8), r.choice([1, 2, -1, 3])), {x: "int"}
        elif k == 2:
            src, _ = self.e_lint(1)
            t = {x: "int"}
            frozen = src if src.isidentifier() else None
        elif k == 3:
            src, t = self.e_str(1)[0], {x: "str"}
        elif k == 4:
            y = self.name("i")
            src, _ = self.e_lstr(1)
            frozen = src if src.isidentifier() else None
            src = "enumerate(%s%s)" % (src, r.choice(["", ", 1", ", start=-2"]))
            x, t = "%s, %s" % (x, y), {x: "int", y: "str"}
        elif k == 5:
            y = self.name("i")
            src = self.e_dsi(1)[0]
            frozen = src if src.isidentifier() else None
            src = "%s.items()" % src
            x, t = "%s, %s" % (x, y), {x: "str", y: "int"}
        elif k == 6:
            y = self.name("i")
            a, b = self.e_lint(1)[0], self.e_lstr(1)[0]
            frozen = a if a.isidentifier() else None
            src = "zip(%s, %s)" % (a, b)
            x, t = "%s, %s" % (x, y), {x: "int", y: "str"}
        elif k == 7 and self.gens:
            src, t = self.gen_call(r.choice(self.gens)), {x: "int"}
        elif k == 8 and self.classes and any(c.has("__iter__") for c in self.classes):
            c = r.choice([c for c in self.classes if c.has("__iter__")])
            src, t = self.e_obj(c.name, 1)[0], {x: "str"}
        elif k == 9 and self.classes:
            c = r.choice([c for c in self.classes if not c.base])
            src = self.e_lobj(c.name, 1)[0]
            frozen = src if src.isidentifier() else None
            t = {x: "o:" + c.name}
        else:
            src, t = "sorted(%s)" % self.e_lint(1)[0], {x: "int"}
        self.emit("for %s in %s:" % (x, src))
        if frozen:
            self.frozen.append(frozen)
        self.scopes.append(dict(t))
        self.loop_body(r.randint(1, 3))
        self.pop()
        if frozen:
            self.frozen.remove(frozen)
        if self.coin(0.15):
            self.emit("else:")
            self.body(1)
        return True

    def s_while(self):
        if self.loops >= 2:
            return None
        w = self.name("w")
        self.emit("%s = 0" % w)
        self.emit("while %s < %d:" % (w, self.r.randint(1, 6)))
        self.ind += 1
        self.emit("%s += 1" % w)
        self.ind -= 1
        self.scopes.append({w: "wctr"})
        self.loop_body(self.r.randint(1, 3))
        self.pop()
        if self.coin(0.15):
            self.emit("else:")
            self.body(1)
        return True

    def risky(self):
        """A statement that may raise."""
        r = self.r
        k = r.randrange(12)
        if k == 0 and self.excs:
            e, code = r.choice(self.excs)
            if code:
                self.emit("raise %s(%s, %s)" % (e, self.e_int(1)[0], self.e_str(1)[0]))
            else:
                self.emit("raise %s(%s)" % (e, self.e_str(1)[0]))
        elif k == 1:
            self.emit("print(int(%s))" % self.e_str(1)[0])
        elif k == 2:
            self.emit("print(%s[%s])" % (self.e_lint(1)[0], self.e_int(1)[0]))
        elif k == 3:
            self.emit("print(%s[%s])" % (self.e_dsi(1)[0], self.e_str(0)[0]))
        elif k == 4:
            self.emit("print(%s // %s)" % (self.e_int(1)[0], self.small(0, 3)))
        elif k == 5:
            self.emit("print(%s / %s)" % (self.e_float(1)[0], r.choice(["0.0", "(%s - %s)" % ("1.5", "1.5"), "2.0"])))
        elif k == 6:
            self.emit("print(%s.index(%s))" % (self.e_lint(1)[0], self.e_int(1)[0]))
        elif k == 7:
            self.emit("raise %s(%s)" % (r.choice(["ValueError", "KeyError", "TypeError", "RuntimeError", "IndexError"]),
                                        self.e_str(1)[0]))
        elif k == 8:
            self.emit("assert %s, %s" % (self.e_bool(1)[0], self.e_str(1)[0]))
        elif k == 9:
            self.emit("print(%s.pop())" % self.e_lint(1)[0])
        elif k == 10:
            self.emit("print(next(iter(%s)))" % self.e_lint(1)[0])
        else:
            self.emit("print(%s + %s)" % (self.e_str(0)[0], self.e_any(1)[0]))

    def s_try(self):
        if self.nest >= 3:
            return None
        r = self.r
        self.emit("try:")
        self.ind += 1
        self.push()
        self.nest += 1
        self.stmts(r.randint(0, 2))
        self.risky()
        if self.coin(0.3):
            self.stmts(1)
        self.nest -= 1
        self.pop()
        self.ind -= 1
        names = ["ValueError", "KeyError", "IndexError", "ZeroDivisionError", "TypeError", "LookupError",
                 "ArithmeticError", "AssertionError", "StopIteration", "RuntimeError"] + [e for e, _ in self.excs]
        handlers = r.randint(1, 3)
        for i in range(handlers):
            if i == handlers - 1 and self.coin(0.97):
                ex = "Exception"
            elif self.coin(0.3):
                ex = "(%s)" % ", ".join(r.sample(names, 2))
            else:
                ex = r.choice(names)
            e = self.name("e")
            self.emit("except %s as %s:" % (ex, e))
            self.ind += 1
            k = r.randrange(4)
            if k == 0:
                self.emit("print('caught', type(%s).__name__, %s)" % (e, e))
            elif k == 1:
                self.emit("print('caught', repr(%s), %s.args)" % (e, e))
            elif k == 2:
                self.emit("print(f'caught {type(%s).__name__}: {%s}')" % (e, e))
            else:
                self.emit("print('caught', str(%s))" % e)
            codes = [n for n, c in self.excs if c]
            if codes and ex in codes:
                self.emit("print('code', %s.code)" % e)
            self.ind -= 1
            self.push()
            self.nest += 1
            self.ind += 1
            self.stmts(r.randint(0, 1))
            self.ind -= 1
            self.nest -= 1
            self.pop()
        if self.coin(0.3):
            self.emit("else:")
            self.body(1)
        if self.coin(0.4):
            self.emit("finally:")
            self.ind += 1
            self.emit("print('finally', %r)" % self.name("f"))
            self.ind -= 1
        return True

    def s_list_mut(self):
        r = self.r
        vs = self.vars_of("lint", writable=True, mutable=True)
        t = "int"
        if not vs or self.coin(0.3):
            vs2 = self.vars_of("lstr", writable=True, mutable=True)
            if vs2:
                vs, t = vs2, "str"
        if not vs:
            return None
        v = r.choice(vs)
        e = self.value(t, 1)
        k = r.randrange(11)
        if k == 0:
            self.emit("%s.append(%s)" % (v, e))
        elif k == 1:
            self.emit("%s.insert(%d, %s)" % (v, r.randint(-3, 3), e))
        elif k == 2:
            self.emit("if %s:" % v)
            self.emit("    print('popped', %s.pop(%s))" % (v, r.choice(["", "0", "-1"])))
        elif k == 3:
            self.emit("%s.sort(%s)" % (v, r.choice(["", "reverse=True"])))
        elif k == 4:
            self.emit("%s.reverse()" % v)
        elif k == 5:
            self.emit("if %s in %s:" % (e, v))
            self.emit("    %s.remove(%s)" % (v, e))
        elif k == 6:
            self.emit("if %s:" % v)
            self.emit("    %s[%s %% len(%s)] = %s" % (v, self.e_int(1)[0], v, e))
        elif k == 7:
            self.emit("%s[%d:%d] = [%s]" % (v, r.randint(0, 2), r.randint(0, 3), e))
        elif k == 8:
            self.emit("%s.extend(%s)" % (v, "[%s, %s]" % (e, e) if self.coin() else "%s[:2]" % self.expr("lint" if t == "int" else "lstr", 1)[0]))
        elif k == 9:
            self.emit("if len(%s) > 1:" % v)
            self.emit("    del %s[%s]" % (v, r.choice(["0", "-1", "1:", "::2"])))
        else:
            self.emit("%s += [%s]" % (v, e))
        self.emit("%s = %s[-12:]" % (v, v))
        self.show(v)
        return True

    def s_dict_mut(self):
        r = self.r
        vs = self.vars_of("dsi", writable=True, mutable=True)
        if not vs:
            return None
        v = r.choice(vs)
        k = r.randrange(6)
        key = repr(r.choice(KEYS))
        if k == 0:
            self.emit("%s[%s] = %s" % (v, key, self.value("int", 1)))
        elif k == 1:
            self.emit("print(%s.pop(%s, None))" % (v, key))
        elif k == 2:
            self.emit("print(%s.setdefault(%s, %s))" % (v, key, self.value("int", 1)))
        elif k == 3:
            self.emit("%s.update({%s: %s})" % (v, key, self.value("int", 1)))
        elif k == 4:
            self.emit("if %s in %s:" % (key, v))
            self.emit("    del %s[%s]" % (v, key))
        else:
            self.emit("%s[%s] = (%s.get(%s, 0) + %s) %% %d" % (v, key, v, key, self.e_int(1)[0], VB))
        self.show(v)
        return True

    def s_obj_mut(self):
        r = self.r
        cands = [(n, t) for sc in self.assignable() for n, t in sc.items() if t.startswith("o:")]
        if not cands:
            return None
        n, t = r.choice(cands)
        c = self.cls(t[2:])
        k = r.randrange(4)
        if k == 0:
            self.emit("%s.a = %s" % (n, self.value("int", 1)))
        elif k == 1 and c.has("bump"):
            self.emit("print(%s.bump(%s))" % (n, self.e_int(1)[0]))
        elif k == 2 and c.has("label"):
            self.emit("%s.label = %s" % (n, self.value("str", 1)))
        else:
            self.emit("%s.s = %s" % (n, self.value("str", 1)))
        self.show(n)
        return True

    def s_unpack(self):
        r = self.r
        k = r.randrange(4)
        a, b = self.name(), self.name()
        if k == 0:
            self.emit("%s, %s = %s" % (a, b, self.e_tup(1)[0]))
            self.declare(a, "int")
            self.declare(b, "str")
            self.emit("print(%s, %s)" % (a, b))
        elif k == 1:
            self.emit("%s, %s = divmod(%s, %s)" % (a, b, self.e_int(1)[0], r.choice(["7", "-3", "10"])))
            self.declare(a, "int")
            self.declare(b, "int")
            self.emit("%s, %s = %s, %s" % (a, b, b, a))
            self.emit("print(%s, %s)" % (a, b))
        elif k == 2:
            lst = self.e_lint(1)[0]
            self.emit("%s, *%s = %s + [%s]" % (a, b, lst, self.e_int(0)[0]))
            self.declare(a, "int")
            self.declare(b, "lint")
            self.emit("print(%s, %s)" % (a, b))
        else:
            c = self.name()
            self.emit("(%s, %s), %s = (%s, %s), %s" % (a, b, c, self.e_int(1)[0], self.e_float(1)[0], self.e_str(1)[0]))
            self.declare(a, "int")
            self.declare(b, "float")
            self.declare(c, "str")
            self.emit("print(%s, %s, %s)" % (a, b, c))
        return True

    def s_misc(self):
        r = self.r
        k = r.randrange(8)
        if k == 0:
            x = self.name("c")
            self.emit("print({%s: %s for %s in range(%s)})" % (x, "%s * %s" % (x, x), x, self.small(0, 5)))
        elif k == 1:
            self.emit("print(sorted({%s for %s in %s}))" % ("c % 4", "c", self.e_lint(1)[0]))
        elif k == 2:
            # set([...]), not {...}: a display of constants only has another order (/tmp/fuzzbugs2/mismatch_02.py)
            self.emit("print(set([%s, %s, %s]))" % (self.e_int(0)[0], self.e_int(0)[0], r.randint(-3, 9)))
        elif k == 3:
            self.emit("print(list(enumerate(%s)), list(zip(%s, %s)))" % (self.e_lstr(1)[0], self.e_lint(1)[0], self.e_str(1)[0]))
        elif k == 4:
            self.emit("print(%s(%s, key=%s))" % (r.choice(["min", "max", "sorted"]), self.e_lstr(1)[0] + " + ['q']",
                                                 r.choice(["len", "str.lower", "lambda w: w[::-1]"])))
        elif k == 5:
            self.emit("print(round(%s, %d), round(%s), abs(%s), divmod(%s, %s))" % (
                self.e_float(1)[0], r.randint(-1, 3), self.e_float(1)[0], self.e_int(1)[0],
                self.e_float(1)[0], r.choice(["2.5", "-1.5", "0.75"])))
        elif k == 6:
            self.emit("print(%s if %s else %s)" % (self.e_any(1)[0], self.e_bool(1)[0], self.e_any(1)[0]))
        else:
            fs = [f for f in self.funcs if f["ret"] is None]
            if fs:
                self.emit(self.call_expr(r.choice(fs), 1))
            else:
                self.emit("print(%s)" % self.e_lany(1)[0])
        return True

    def s_closure_use(self):
        if not self.factories:
            return None
        c = self.name("f")
        fac = self.r.choice(self.factories)
        self.emit("%s = %s(%s)" % (c, fac, self.e_int(1)[0]))
        self.emit("print(%s(%s), %s(%s), %s(%s))" % (c, self.e_int(0)[0], c, self.e_int(1)[0], c, self.small(0, 5)))
        self.declare(c, "fn")
        return True

    def s_gen_use(self):
        if not self.gens:
            return None
        g = self.name("g")
        self.emit("%s = %s" % (g, self.gen_call(self.r.choice(self.gens))))
        self.emit("print(next(%s, 'done'), next(%s, 'done'))" % (g, g))
        self.emit("print(list(%s))" % g)
        return True

    def s_with(self):
        cm = [c for c in self.classes if c.has("__enter__")]
        if not cm or self.nest >= 3:
            return None
        c = self.r.choice(cm)
        x = self.name("w")
        self.emit("with %s as %s:" % (self.construct(c, 1), x))
        self.push({x: "o:" + c.name})
        self.ind += 1
        self.nest += 1
        self.stmts(self.r.randint(1, 2))
        if c.exit_true:
            self.risky()
        self.nest -= 1
        self.ind -= 1
        self.pop()
        return True

    def s_optional(self):
        """An Optional value: None, then maybe reassigned in a loop or branch; tested with `is None`."""
        r = self.r
        v = self.name("o")
        t = r.choice(["int", "int", "str", "float"])
        self.emit("%s = None" % v)
        k = r.randrange(3)
        if k == 0:
            x = self.name("i")
            src = self.e_lint(1)[0]
            self.emit("for %s in %s:" % (x, src))
            self.push({x: "int"})
            self.emit("    if %s:" % self.e_bool(1)[0])
            self.emit("        %s = %s" % (v, self.value(t, 1)))
            if self.coin():
                self.emit("        break")
            self.pop()
        elif k == 1:
            self.emit("if %s:" % self.e_bool(2)[0])
            self.emit("    %s = %s" % (v, self.value(t, 1)))
        else:
            self.emit("%s = %s if %s else None" % (v, self.value(t, 1), self.e_bool(1)[0]))
        self.emit("if %s is None:" % v)
        self.emit("    print(%r, %s is None, repr(%s))" % (v + " unset", v, v))
        self.emit("else:")
        use = {"int": "%s + 1", "str": "%s.upper()", "float": "round(%s, 2)"}[t] % v
        self.emit("    print(%r, %s, %s, %s is not None)" % (v, v, use, v))
        n = self.name("v")
        self.emit("%s = %s if %s is not None else %s" % (n, v, v, self.value(t, 1)))
        self.declare(n, t)
        return True

    def s_aug(self):
        """Augmented assignment on subscripts and attributes."""
        r = self.r
        k = r.randrange(4)
        if k == 0:
            vs = self.vars_of("dsi", writable=True, mutable=True)
            if not vs:
                return None
            v = r.choice(vs)
            key = repr(r.choice(KEYS))
            self.emit("%s[%s] = %s.get(%s, %d)" % (v, key, v, key, r.randint(-3, 9)))
            self.emit("%s[%s] %s %s" % (v, key, r.choice(["+=", "-=", "*=", "//=", "%="]),
                                         "(%s or 3)" % self.e_int(1)[0]))
            self.emit("%s[%s] %%= %d" % (v, key, VB))
        elif k == 1:
            vs = self.vars_of("lint", writable=True, mutable=True)
            if not vs:
                return None
            v = r.choice(vs)
            i = self.e_int(1)[0]
            j = self.name("j")
            self.emit("if %s:" % v)
            self.emit("    %s = (%s) %% len(%s)" % (j, i, v))
            self.emit("    %s[%s] %s %s" % (v, j, r.choice(["+=", "-=", "*=", "|=", "^="]), r.randint(-9, 9)))
            self.emit("    %s[%s] %%= %d" % (v, j, VB))
            self.emit("    %s[-1] //= %s" % (v, r.choice(["2", "-3", "7"])))
        elif k == 2:
            cands = [(n, t) for sc in self.assignable() for n, t in sc.items() if t.startswith("o:")]
            if not cands:
                return None
            n, t = r.choice(cands)
            self.emit("%s.a %s %s" % (n, r.choice(["+=", "-=", "*=", "//=", "%="]), "(%s or 2)" % self.e_int(1)[0]))
            self.emit("%s.a %%= %d" % (n, VB))
            self.emit("%s.s %s" % (n, "+= '+'" if self.coin() else "*= 2"))
            self.emit("%s.s = %s.s[-%d:]" % (n, n, SB))
            self.emit("print(%s.a, %s.s)" % (n, n))
            return True
        else:
            vs = self.vars_of("lstr", writable=True, mutable=True)
            if not vs:
                return None
            v = r.choice(vs)
            self.emit("if %s:" % v)
            self.emit("    %s[0] += %s" % (v, self.e_str(1)[0]))
            self.emit("    %s[0] = %s[0][:%d]" % (v, v, SB))
        self.show(v)
        return True

    # ---- edge-case templates (tools/fuzz/templates.py) --------------------------------------------
    def hole(self, kind):
        r = self.r
        if kind == "n":
            return str(r.randint(0, 5))
        t = {"i": "int", "f": "float", "s": "str", "l": "lint", "x": "lstr", "d": "dsi"}[kind]
        v = self.var_leaf(t)
        if v and self.coin(0.6):
            return v if t in ("int", "float", "str") else "%s(%s)" % ("dict" if t == "dsi" else "list", v)
        safe = [w for w in WORDS if "'" not in w and '"' not in w and "\\" not in w and "\n" not in w and "\t" not in w]
        if t == "int":
            n = r.choice([0, 1, -1, 7, -13, 42, 255, 99999, -100000, 3])
            return str(n) if n >= 0 else "(%d)" % n
        if t == "float":
            return "(%s)" % r.choice(FLOATS)
        if t == "str":
            return '"%s"' % r.choice(safe)
        if t == "lint":
            return "[%s]" % ", ".join(str(r.randint(-5, 9)) for _ in range(r.randint(0, 5)))
        if t == "lstr":
            return "[%s]" % ", ".join('"%s"' % r.choice(safe) for _ in range(r.randint(0, 4)))
        return "{%s}" % ", ".join('"%s": %d' % (k, r.randint(-5, 9)) for k in r.sample(KEYS[:7], r.randint(0, 3)))

    def fill(self, template):
        self.nid += 1
        uid = self.nid
        code = re.sub(r"\b([A-Za-z][A-Za-z0-9]*_)(?![A-Za-z0-9_])", lambda m: "%s%d" % (m.group(1), uid), template)
        filled = {}

        def one(m):
            if m.group(1) not in filled:
                filled[m.group(1)] = self.hole(m.group(1))
            return filled[m.group(1)]
        return re.sub(r"@([nifslxd])(?![A-Za-z0-9_])", one, code)

    def emit_block(self, code):
        for line in code.split("\n"):
            self.emit(line)

    def s_zoo(self):
        r = self.r
        top = self.fbase is None and not self.main_wrapped and self.ind == 0
        if top and self.coin(0.3):
            self.emit_block(self.fill(r.choice(templates.TOP if self.coin(0.4) else templates.USER_TOP)))
        elif self.coin(0.3):
            e = self.name("e")
            self.emit("try:")
            self.emit("    print(%s)" % self.fill(r.choice(templates.RISKY)))
            self.emit("except Exception as %s:" % e)
            self.emit("    print(type(%s).__name__, %s)" % (e, e))
        else:
            self.emit_block(self.fill(r.choice(templates.SAFE if self.coin(0.45) else templates.USER)))
        return True

    def stmt(self):
        self.budget -= 1
        nested = self.nest < 2
        opts = [(8, self.s_assign_new), (6, self.s_reassign), (5, self.s_print), (3 if nested else 0, self.s_if),
                (3 if nested else 0, self.s_for), (2 if nested else 0, self.s_while), (3 if nested else 0, self.s_try),
                (3, self.s_list_mut), (2, self.s_dict_mut), (2, self.s_obj_mut), (2, self.s_unpack), (3, self.s_misc),
                (1, self.s_closure_use), (1, self.s_gen_use), (1, self.s_with), (self.size["zoo"], self.s_zoo),
                (2, self.s_optional), (2, self.s_aug)]
        self.nest += 1
        self.pick(opts)
        self.nest -= 1

    def stmts(self, n):
        for _ in range(n):
            if self.budget <= 0:
                if n and not self.out[-1].strip().endswith(":"):
                    return
                self.s_print()
                return
            self.stmt()

    def body(self, n):
        self.ind += 1
        self.push()
        start = len(self.out)
        self.stmts(n)
        if len(self.out) == start:
            self.emit("pass")
        self.pop()
        self.ind -= 1

    # ---- definitions -----------------------------------------------------------------------------
    def def_exceptions(self):
        r = self.r
        base = "Err%d" % self.nid
        self.nid += 1
        self.emit("class %s(%s):" % (base, r.choice(["Exception", "ValueError", "RuntimeError"])))
        self.emit("    pass")
        self.emit("")
        self.excs.append((base, False))
        if self.coin(0.7):
            sub = "CodeErr%d" % self.nid
            self.nid += 1
            self.emit("class %s(%s):" % (sub, base))
            self.emit("    def __init__(self, code, msg):")
            self.emit("        super().__init__(msg)")
            self.emit("        self.code = code")
            if self.coin():
                self.emit("")
                self.emit("    def __str__(self):")
                self.emit("        return f'[{self.code}] {self.args[0]}'")
            self.emit("")
            self.excs.append((sub, True))

    def def_classes(self):
        r = self.r
        n = r.choice(self.size["classes"])
        for i in range(n):
            base = None
            if self.classes and self.coin(0.6):
                base = r.choice([c for c in self.classes if not c.base])
            self.def_class(base)

    def def_class(self, base):
        r = self.r
        name = "K%d" % self.nid
        self.nid += 1
        c = ClassInfo(name, base.name if base else None, base)
        self.emit("class %s%s:" % (name, "(%s)" % base.name if base else ""))
        self.ind += 1
        if not base:
            self.emit("count = 0")
            self.emit("")
            self.emit("def __init__(self, a, s='x'):")
            self.emit("    self.a = a")
            self.emit("    self.s = s")
            self.emit("    self._label = 'L' + str(a)")
            self.emit("    %s.count += 1" % name)
        else:
            self.emit("def __init__(self, a, s='y', k=2):")
            self.emit("    super().__init__(a, s)")
            self.emit("    self.k = k")
        c.methods.add("__init__")
        own = []
        cand = ["__repr__", "__eq__", "__lt__", "__add__", "__len__", "__iter__", "__contains__", "__bool__",
                "double", "label", "bump", "describe", "make", "helper", "total", "is_big", "__enter__", "__str__"]
        for m in cand:
            if self.coin(0.55 if not base else 0.3):
                own.append(m)
        if not base and "__repr__" not in own:
            own.append("__repr__")
        for m in own:
            self.emit("")
            self.method(c, m, base)
            c.methods.add(m)
            if m == "__eq__":
                self.emit("")
                self.emit("def __hash__(self):")
                self.emit("    return hash(self.a)")
            if m == "__enter__":
                c.methods.add("__exit__")
        self.ind -= 1
        self.emit("")
        self.classes.append(c)

    def method(self, c, m, base):
        r = self.r
        e = self.emit
        sup = base is not None and base.has(m) and self.coin(0.6)
        if m == "__repr__":
            e("def __repr__(self):")
            if base:
                e("    return %s" % r.choice(["f'%s({self.a}, {self.s!r}, k={self.k})'" % c.name,
                                              "'%s<' + super().__repr__() + '>'" % c.name if sup else "'%s(%%d, %%r)' %% (self.a, self.s)" % c.name]))
            else:
                e("    return %s" % r.choice(["f'%s({self.a!r}, {self.s!r})'" % c.name,
                                              "'%s(%%d, %%r)' %% (self.a, self.s)" % c.name,
                                              "'{}({}, {!r})'.format(type(self).__name__, self.a, self.s)"]))
        elif m == "__str__":
            e("def __str__(self):")
            e("    return '<' + self.s + ':' + str(self.a) + '>'")
        elif m == "__eq__":
            e("def __eq__(self, other):")
            e("    if not isinstance(other, %s):" % c.name)
            e("        return NotImplemented")
            e("    return self.a == other.a%s" % r.choice(["", " and self.s == other.s"]))
        elif m == "__lt__":
            e("def __lt__(self, other):")
            e("    return %s" % r.choice(["self.a < other.a", "(self.a, self.s) < (other.a, other.s)",
                                          "len(self.s) < len(other.s)"]))
        elif m == "__add__":
            e("def __add__(self, other):")
            e("    return %s((self.a + other.a) %% %d, (self.s + other.s)[:12])" % (c.name, VB))
        elif m == "__len__":
            e("def __len__(self):")
            e("    return %s" % r.choice(["len(self.s)", "abs(self.a) % 7"]))
        elif m == "__iter__":
            e("def __iter__(self):")
            if self.coin():
                e("    for ch in self.s[:6]:")
                e("        yield ch")
            else:
                e("    return iter([str(self.a), self.s])")
        elif m == "__contains__":
            e("def __contains__(self, x):")
            e("    return x in self.s")
        elif m == "__bool__":
            e("def __bool__(self):")
            e("    return self.a %% %d != 0" % r.choice([2, 3]))
        elif m == "double":
            e("@property")
            e("def double(self):")
            e("    return self.a * 2")
        elif m == "label":
            e("@property")
            e("def label(self):")
            e("    return self._label")
            e("")
            e("@label.setter")
            e("def label(self, v):")
            e("    self._label = v[:10] + '!'")
        elif m == "bump":
            e("def bump(self, k=1):")
            e("    self.a = (self.a + k) %% %d" % VB)
            e("    return self.a")
        elif m == "describe":
            e("def describe(self):")
            if sup:
                e("    return super().describe() + '+%s' + str(self.k)" % c.name)
            else:
                e("    return '%s:' + self.s.upper() + ':' + str(self.a %% 10)" % c.name)
        elif m == "make":
            e("@classmethod")
            e("def make(cls, n):")
            e("    return cls(n % 100, 'm' + str(n % 7))")
        elif m == "helper":
            e("@staticmethod")
            e("def helper(x):")
            e("    return (x * 3 + 1) %% %d" % VB)
        elif m == "total":
            e("def total(self):")
            if sup:
                e("    return super().total() + self.k")
            else:
                e("    t = 0")
                e("    for ch in self.s:")
                e("        t += ord(ch) % 10")
                e("    return t + self.a")
        elif m == "is_big":
            e("def is_big(self):")
            e("    return self.a > %d" % r.randint(-5, 50))
        elif m == "__enter__":
            e("def __enter__(self):")
            e("    print('enter', self.a)")
            e("    return self")
            e("")
            e("def __exit__(self, et, ev, tb):")
            e("    print('exit', self.a, et is not None)")
            ret = r.choice(["False", "True", "et is ValueError"])
            c.exit_true = ret == "True"
            e("    return %s" % ret)

    def def_function(self):
        r = self.r
        name = self.name("fn")
        nparams = r.randint(0, 3)
        ptypes = [r.choice(["int", "int", "str", "float", "lint", "any"] + ["o:" + c.name for c in self.classes])
                  for _ in range(nparams)]
        pnames = [self.name("p") for _ in ptypes]
        ret = r.choice(["int", "int", "str", "float", "bool", "lint", None])
        default = None
        params = list(pnames)
        if self.coin(0.3):
            default = self.name("q")
            params.append("%s=%d" % (default, r.randint(-3, 9)))
        uses_global = self.coin(0.2) and not self.main_wrapped
        self.emit("def %s(%s):" % (name, ", ".join(params)))
        self.ind += 1
        if uses_global:
            self.emit("global ncalls")
            self.emit("ncalls += 1")
        saved = self.scopes
        self.scopes = [self.scopes[0], dict(zip(pnames, ptypes))]
        if default:
            self.scopes[-1][default] = "int"
        self.fbase = 1
        self.frozen = [n for n, t in zip(pnames, ptypes) if t in ("lint",)]
        self.budget = r.randint(*self.size["fbody"])
        self.stmts(self.budget)
        if ret is not None:
            self.emit("return %s" % self.value(ret, 2))
        elif self.coin(0.3):
            self.emit("print('end of %s')" % name)
        if len(self.out[-1]) - len(self.out[-1].lstrip()) < 4 * self.ind:
            self.emit("pass")
        self.scopes = saved
        self.fbase = None
        self.frozen = []
        self.loops = 0
        self.ind -= 1
        self.emit("")
        self.funcs.append({"name": name, "params": ptypes, "pnames": pnames, "ret": ret, "default": default})

    def def_generator(self):
        r = self.r
        name = self.name("gen")
        self.emit("def %s(n):" % name)
        k = r.randrange(3)
        if k == 0:
            self.emit("    for i in range(n):")
            self.emit("        if i %% %d == 0:" % r.randint(2, 3))
            self.emit("            yield i * %d" % r.randint(-3, 5))
            self.emit("        else:")
            self.emit("            yield -i")
        elif k == 1:
            self.emit("    a, b = 0, 1")
            self.emit("    while n > 0:")
            self.emit("        yield a")
            self.emit("        a, b = b, a + b")
            self.emit("        n -= 1")
        else:
            inner = r.choice(self.gens) if self.gens else None
            self.emit("    yield n")
            if inner:
                self.emit("    r = yield from %s(n %% 4)" % inner)
                self.emit("    yield 100 if r is None else r")
            else:
                self.emit("    yield from range(n, 0, -2)")
        self.emit("")
        self.gens.append(name)

    def def_factory(self):
        r = self.r
        name = self.name("make")
        k = r.randrange(3)
        self.emit("def %s(k):" % name)
        if k == 0:
            self.emit("    count = k")
            self.emit("    def inc(step):")
            self.emit("        nonlocal count")
            self.emit("        count = (count + step) %% %d" % VB)
            self.emit("        return count")
            self.emit("    return inc")
        elif k == 1:
            self.emit("    return lambda x: (x * %d + k) %% %d" % (r.randint(-3, 7), VB))
        else:
            self.emit("    fs = [lambda x, i=i: x + i * k for i in range(3)]")
            self.emit("    gs = [lambda x: x + i for i in range(3)]")
            self.emit("    def combo(x):")
            self.emit("        return (fs[x %% 3](x) + gs[0](x)) %% %d" % VB)
            self.emit("    return combo")
        self.emit("")
        self.factories.append(name)

    def def_recursive(self):
        r = self.r
        name = self.name("rec")
        self.emit("def %s(n, acc=0):" % name)
        self.emit("    if n <= 0:")
        self.emit("        return acc")
        if self.coin():
            self.emit("    return %s(n - 1, (acc * %d + n) %% %d)" % (name, r.randint(2, 9), VB))
            arg = "(%s) %% 40"
        else:
            self.emit("    return (%s(n - 1, acc) + %s(n - 2, acc + 1)) %% %d" % (name, name, VB))
            arg = "(%s) %% 11"
        self.emit("")
        f = {"name": name, "params": ["int"], "pnames": ["n"], "ret": "int", "default": None, "wrap": arg}
        self.funcs.append(f)

    def program(self):
        r = self.r
        self.emit("import math")
        self.emit("import sys")
        self.emit("")
        self.main_wrapped = self.coin(0.4)
        if not self.main_wrapped:
            self.emit("ncalls = 0")
        g = self.scopes[0]
        for n, t in [("G1", "int"), ("G2", "str"), ("G3", "lint")]:
            if self.coin(0.5):
                self.emit("%s = %s" % (n, self.value(t, 1)))
                g[n] = t
        self.emit("")
        if self.coin(0.8):
            self.def_exceptions()
        self.def_classes()
        for _ in range(r.randint(0, self.size["extras"])):
            self.def_generator()
        for _ in range(r.randint(0, self.size["extras"])):
            self.def_factory()
        if self.coin(0.5):
            self.def_recursive()
        for _ in range(r.randint(*self.size["funcs"])):
            self.def_function()
        if self.main_wrapped:
            for _ in range(r.randint(0, 2)):
                self.emit_block(self.fill(r.choice(templates.TOP if self.coin(0.4) else templates.USER_TOP)))
                self.emit("")
            self.emit("def main():")
            self.ind += 1
            self.scopes.append({})
            self.fbase = 1
        self.budget = r.randint(*self.size["main"])
        while self.budget > 0:
            self.stmt()
        if not self.main_wrapped:
            self.emit("print('ncalls', ncalls)")
        k = r.randrange(10)
        if k == 0 and self.excs:
            e, code = r.choice(self.excs)
            self.emit("raise %s(%s)" % (e, "7, 'final'" if code else "'final %d'" % r.randint(0, 9)))
        elif k == 1:
            self.emit("sys.exit(%d)" % r.choice([0, 2, 3]))
        elif k == 2:
            self.emit("print(%s[%d])" % (self.e_lint(0)[0], r.randint(20, 30)))
        if self.main_wrapped:
            self.ind -= 1
            self.scopes.pop()
            self.fbase = None
            self.emit("")
            self.emit("main()")
        return "\n".join(self.out) + "\n"


class ClassInfo:
    def __init__(self, name, base, baseinfo):
        self.name, self.base, self.baseinfo = name, base, baseinfo
        self.methods = set()
        self.exit_true = baseinfo.exit_true if baseinfo else False

    def has(self, m):
        return m in self.methods or (self.baseinfo is not None and self.baseinfo.has(m))


def generate(seed, size="normal"):
    """The program of one (seed, size) (a str of Python source); size is one of SIZES."""
    return Gen(seed, size).program()


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 0,
                              sys.argv[2] if len(sys.argv) > 2 else "normal"))
