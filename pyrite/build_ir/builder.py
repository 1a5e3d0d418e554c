"""The per-function IR builder: emission helpers, value representation and coercions, name access.

Statements and expressions are lowered by free functions in statements.py and expressions.py
(`transform_while(b, node)`, `transform_expr(b, node)`); this class holds the state they share:
the current block, the registers of Python variables, the loop and try/finally stacks.
"""
from pyrite.ir import ops
from pyrite.ir.function import BasicBlock
from pyrite.ir.rtypes import ALL as RTYPES, OBJ, INT, I64, F64, BOOL, NUM, PTR, VOID
from pyrite.types import model as m


class IntMode:
    """How typed code represents a Python int (set per build by the driver): exact (the default): the
    tagged int (arbitrary precision); with --int64 a 64-bit machine int whose overflow raises
    OverflowError (faster on int-heavy code: see docs/architecture.md)."""
    exact = False


def rtype_of(t):
    if t is m.INT:
        return INT if IntMode.exact else I64
    if t is m.FLOAT:
        return F64
    if t is m.BOOL:
        return BOOL
    if t is m.NUM:
        return NUM
    return OBJ


class V:
    """A lowered value: the register holding it and its (resolved) Python type."""
    __slots__ = ("reg", "t")

    def __init__(self, reg, t):
        self.reg, self.t = reg, m.resolved(t)

    def __repr__(self):
        return "V(%r: %s)" % (self.reg, m.show(self.t))


class Unwind:
    """An entry of the stack of things to run when leaving a region early (return/break/continue)."""

    def __init__(self, kind, data, handler, line=None):
        self.kind, self.data, self.handler = kind, data, handler   # 'finally' | 'handled' | 'with'
        self.line = line   # 'handled': the line that raised the exception being handled (an i64 register)


class Builder:
    def __init__(self, pb, finfo, fir):
        self.pb, self.inf, self.finfo, self.fn = pb, pb.inf, finfo, fir
        self.mod = finfo.module
        self.cur = None
        self.line = getattr(finfo.node, "lineno", 1)
        self.locals = {}          # python local name -> Register
        self.cells = {}           # cell var name -> Register holding the PyrtCell
        self.loops = []           # (continue block, break block, unwind depth)
        self.unwind = []          # Unwind entries, innermost last
        self.handlers = []        # innermost last; default: fn.error_exit
        self.handling_line = None # (begin_handling) the register holding the handled exception's line
        self.class_dict = None    # Register of the class namespace while lowering a class body
        self.class_ns_generic = False   # that namespace may be a mapping from __prepare__ (stores call it)
        self.class_info = None
        self.ntemp = 0
        self.small = set()        # ids of i64 registers holding a value known within +-2**62 (a length)

    # ------------------------------------------------------------------ emission
    def new_block(self):
        return self.fn.new_block()

    def set_block(self, b):
        self.cur = b

    def handler(self):
        return self.handlers[-1] if self.handlers else self.fn.error_exit

    def add(self, op):
        if self.cur.terminated:
            self.cur = self.new_block()   # unreachable code after return/raise
        op.line = self.line
        if op.can_fail():
            op.handler = self.handler()
        self.cur.ops.append(op)
        return op

    def temp(self, rtype):
        self.ntemp += 1
        r = ops.Register("t%d" % self.ntemp, rtype)
        self.fn.registers.append(r)
        return r

    def goto(self, block):
        if not self.cur.terminated:
            self.add(ops.Goto(block))

    def branch(self, cond, t, f):
        self.add(ops.Branch(cond, t, f))

    # ------------------------------------------------------------------ values
    def lit(self, value):
        if isinstance(value, bool):
            t = m.BOOL
        elif isinstance(value, int):
            # (beyond 64 bits in the 64-bit mode: an immortal exact int object, dynamically typed)
            t = m.INT if IntMode.exact or -2 ** 63 <= value < 2 ** 63 else m.DYN
        elif isinstance(value, float):
            t = m.FLOAT
        elif value is None:
            t = m.NONE
        elif isinstance(value, str):
            t = m.STR
        elif isinstance(value, bytes):
            t = m.BYTES
        else:
            raise AssertionError(value)
        if t in (m.NONE, m.STR, m.BYTES, m.DYN):
            r = self.immortal_temp()   # constants are immortal: never counted
        else:
            r = self.temp(rtype_of(t))
            r.borrowed = r.rtype.refcounted   # an int constant: small, or an immortal object
        self.add(ops.LoadLiteral(r, value))
        return V(r, t)

    def immortal_temp(self):
        r = self.temp(PTR)
        r.immortal = True
        return r

    def c_call(self, fn, args, t, rtype=None, **kw):
        """dest = fn(args) for a runtime primitive: its error kind is the one primitives/ declares.
        The result register has the declared representation (a length declared i64 gives an i64
        register holding a Python int; coerce converts it where an int register is needed)."""
        r = self.temp(rtype or declared_rtype(fn) or rtype_of(t)) if (rtype or t is not None) else None
        self.add(ops.CallC(r, fn, self.call_args(fn, args), declared_error(fn), **kw))
        if r is not None and r.rtype is I64 and fn in SMALL_RESULTS:
            self.small.add(id(r))
        return V(r, t) if r is not None else None

    def c_void(self, fn, args):
        self.add(ops.CallC(None, fn, self.call_args(fn, args), declared_error(fn)))

    def call_args(self, fn, args):
        """args converted to the representations fn declares where they differ by int encoding only
        (a tagged int passed as a machine int: OverflowError beyond 64 bits)."""
        from pyrite import primitives
        p = primitives.ALL.get(fn)
        if p is None or p.args is None or p.vector:
            return args
        out = []
        for a, want in zip(args, p.args):
            if isinstance(a, ops.Register):
                if want == "i64" and a.rtype is INT:
                    a = self.int_to_i64(a)
                elif want == "int" and a.rtype is I64:
                    a = self.coerce(V(a, m.INT), m.INT).reg
            out.append(a)
        return out + list(args[len(out):])

    def int_to_i64(self, reg, index=False):
        r = self.temp(I64)
        fn = "pyrt_int_as_index" if index else "pyrt_int_as_i64"
        self.add(ops.CallC(r, fn, [reg], declared_error(fn)))
        return r

    def inline_cache(self):
        """The C address of a fresh inline cache (a zeroed static PyrtAttrCache) for one site."""
        prog = self.pb.prog
        prog.n_inline_caches += 1
        return "&pyrt_ic[%d]" % (prog.n_inline_caches - 1)

    def call_method(self, recv, name, args, t, kwnames=None):
        """recv.name(args) on a boxed receiver, through an inline cache."""
        return self.vcall("Pyrt_CallMethodIC", [self.box(recv), self.const_obj(name)], args, t,
                          kwnames=kwnames, suffix=(self.inline_cache(),))

    def expr(self, prim, args, t, rtype=None):
        """dest = an inline C expression named in primitives/template_ops.py."""
        r = self.temp(rtype or declared_rtype(prim) or rtype_of(t))
        self.add(ops.Expr(r, prim, args))
        if r.rtype is I64 and prim in SMALL_RESULTS:
            self.small.add(id(r))
        return V(r, t)

    def checked(self, fn, args, t):
        r = self.temp(declared_rtype(fn) or rtype_of(t))
        self.add(ops.CheckedC(r, fn, args))
        return V(r, t)

    def vcall(self, fn, prefix, args, t, kwnames=None, with_kwnames=True, suffix=()):
        """fn(prefix..., argv, n[, kwnames][, suffix...]) with args boxed."""
        boxed = [self.box(a) for a in args]
        r = self.temp(OBJ)
        self.add(ops.CallVec(r, fn, prefix, boxed, kwnames, declared_error(fn), with_kwnames, suffix))
        return self.coerce(V(r, m.DYN), t) if t is not None else V(r, m.DYN)

    def box(self, v):
        """The value as an object register."""
        if v.reg.rtype is OBJ or v.reg.immortal:
            return v.reg
        if v.reg.rtype is PTR:
            r = self.temp(OBJ)
            self.add(ops.Assign(r, v.reg))
            return r
        r = self.temp(OBJ)
        self.add(ops.Box(r, v.reg))
        return r

    def coerce(self, v, t):
        """Convert v to the representation of type t (boxing, checked unboxing, int->float)."""
        t = m.resolved(t)
        want = rtype_of(t)
        have = v.reg.rtype
        if have is want:
            return V(v.reg, t if want is not OBJ else (t if t is not m.DYN else v.t))
        if want is OBJ:
            return V(self.box(v), t if t is not m.DYN else v.t)   # immortal constants stay ptr
        if have is OBJ or have is PTR:
            r = self.temp(want)
            # a 64-bit int (alone or in int | float) is always checked: an int object may be big
            checked = v.t is not t or want in (I64, NUM)
            self.add(ops.Unbox(r, v.reg, checked=checked))
            return V(r, t)
        if want is INT:
            if have is I64:    # a machine int holding a Python int (a length, a range item)
                if id(v.reg) in self.small:
                    return self.expr("int_small", [v.reg], m.INT)
                return self.c_call("pyrt_int_from_i64", [v.reg], m.INT)
            if have is BOOL:
                return self.expr("int_from_bool", [v.reg], m.INT)
        if have is INT:
            if want is I64:
                return V(self.int_to_i64(v.reg), t)
            if want is F64:
                return self.c_call("pyrt_int_as_f64", [v.reg], m.FLOAT)
            if want is NUM:
                return self.expr("num_from_i64", [self.int_to_i64(v.reg)], m.NUM)
        if have is BOOL and want in (F64, NUM):   # bool -> int -> float / int | float
            v = self.expr("i64_from_bool", [v.reg], m.INT)
            have = I64
        if want is F64 and have is I64:
            return self.expr("f64_from_i64", [v.reg], m.FLOAT)
        if want is F64 and have is NUM:
            return self.expr("num_to_f64", [v.reg], m.FLOAT)
        if want is NUM and have is I64:
            return self.expr("num_from_i64", [v.reg], m.NUM)
        if want is NUM and have is F64:
            return self.expr("num_from_f64", [v.reg], m.NUM)
        if want is I64 and have is BOOL:
            return self.expr("i64_from_bool", [v.reg], m.INT)
        # unboxed to a different unboxed type the inferencer did not expect: go through a box
        b = self.box(v)
        r = self.temp(want)
        self.add(ops.Unbox(r, b, checked=True))
        return V(r, t)

    def as_i64(self, v, index=False):
        """v (an int or a bool) as a machine int: OverflowError (IndexError for a subscript) beyond
        64 bits."""
        if v.reg.rtype is INT:
            return self.int_to_i64(v.reg, index)
        if v.reg.rtype is I64:
            return v.reg
        if v.reg.rtype is BOOL:
            return self.expr("i64_from_bool", [v.reg], m.INT).reg
        return self.int_to_i64(self.coerce(v, m.INT).reg, index)

    def as_int(self, v):
        """v as a tagged int register."""
        return self.coerce(v, m.INT).reg

    def as_f64(self, v):
        return self.coerce(v, m.FLOAT).reg

    def as_num(self, v):
        return self.coerce(v, m.NUM).reg

    def type_of(self, node):
        return m.resolved(self.finfo.types.get(node, m.DYN))

    def const_obj(self, text):
        """An interned str constant as an object register (borrowed immortal constant)."""
        r = self.immortal_temp()
        self.add(ops.LoadLiteral(r, text))
        return r

    def in_init_of(self, ci):
        """Lowering an __init__ of ci or a class related to it (fields may not be set yet there)."""
        f = self.finfo
        while f is not None:
            if f.name == "__init__" and f.cls is not None:
                return True
            f = f.parent
        return False

    # ------------------------------------------------------------------ locals
    def local_reg(self, name):
        r = self.locals.get(name)
        if r is None:
            t = m.resolved(self.finfo.slot(name).get())
            r = ops.Register("v_" + name.replace(".", "_"), rtype_of(t), is_local=True)
            r.pytype = t
            r.pyname = name
            self.fn.registers.append(r)
            self.locals[name] = r
        return r

    def var_type(self, name):
        return m.resolved(self.finfo.slot(name).get())


# primitives whose i64 result is a size or a position, far below 2**62 (held by a tagged int without a check)
SMALL_RESULTS = frozenset([
    "str_len", "list_len", "tuple_len", "range_length", "i64_from_bool", "PyrtList_Len", "PyrtStr_Len",
    "PyrtTuple_Len", "pyrt_str_ord", "PyrtStr_Ord", "PyrtFile_Write"])


def declared_rtype(fn):
    """The representation of fn's result as primitives/ declares it (None: none declared)."""
    from pyrite import primitives
    p = primitives.ALL.get(fn)
    if p is None or p.ret is None or p.ret in ("void", "c"):
        return None
    return RTYPES.get(p.ret)


def declared_error(fn):
    """The error kind primitives/ declares for a C function lowering calls."""
    from pyrite import primitives
    p = primitives.ALL.get(fn)
    assert p is not None and p.error is not None, "no declared signature for %s (primitives/)" % fn
    return p.error
