"""IR operations. Each op declares how it reports failure (error_kind); passes add the checks.

Shape of a function body: basic blocks of ops, the last op of each block a terminator
(Goto, Branch, Return, Unreachable). Values are Registers (typed by an RType). An op that can fail
carries `handler`: the block that receives control on error (an except clause, a finally, or the
function's error exit); the builder sets it from the enclosing try statements.
"""
import functools

from pyrite.ir.rtypes import OBJ, I64, F64, BOOL

# How an op signals failure
ERR_NEVER = "never"     # cannot fail
ERR_NULL = "null"       # obj result is NULL
ERR_NEG = "neg"         # int result is negative
ERR_FLAG = "flag"       # pyrt_exc is set (check after the op)
ERR_TRUE = "true"       # the C call returns true (checked arithmetic: result through a pointer)
ERR_MAGIC = "magic"     # typed function result equals its rtype's error value and pyrt_exc is set
ERR_ALWAYS = "always"   # always raises (raise statement, known error)


class Declared:
    """IR objects have declared fields: a class lists its own in FIELDS (inherited ones come from its
    bases; class attributes of the same names are the defaults). Setting anything else raises, so no
    pass can hang an ad-hoc attribute on the IR that others then read back with a default."""
    FIELDS = ()

    def __setattr__(self, name, value):
        if name not in declared_fields(type(self)):
            raise AttributeError("%s has no declared field %r" % (type(self).__name__, name))
        object.__setattr__(self, name, value)


@functools.lru_cache(maxsize=None)
def declared_fields(cls):
    return frozenset(n for c in cls.__mro__ for n in c.__dict__.get("FIELDS", ()))


class Register(Declared):
    """A virtual register: a Python local, a temporary, or a parameter."""
    FIELDS = ("name", "rtype", "is_local", "cname", "immortal", "pytype", "pyname", "borrowed")
    immortal = False   # holds an immortal constant: never counted (a ptr register)
    # a counted representation (a tagged int) whose value some other owner keeps alive while the
    # register is used (a constant, a global or field read just before its use): never counted
    borrowed = False
    pytype = None      # the Python type of a named variable (for diagnostics)
    pyname = None      # the Python name of a named variable

    def __init__(self, name, rtype, is_local=False):
        self.name = name
        self.rtype = rtype
        self.is_local = is_local   # a named Python variable (may be reassigned, may be unbound)
        self.cname = None          # set by codegen

    def __repr__(self):
        return "%%%s" % self.name


class Op(Declared):
    FIELDS = ("dest", "line", "handler", "error_kind", "keep_line")
    error_kind = ERR_NEVER
    dest = None
    line = 0
    keep_line = False   # re-raises an exception that already has its line (the traceback keeps it)
    handler = None   # BasicBlock receiving errors

    def sources(self):
        return []

    def can_fail(self):
        return self.error_kind != ERR_NEVER


class Assign(Op):
    """move: the source's reference is handed over (set by fuse_moves; src is left NULL)."""
    FIELDS = ("src", "move")
    move = False

    def __init__(self, dest, src):
        self.dest, self.src = dest, src

    def sources(self):
        return [self.src]


class LoadLiteral(Op):
    """int/float/bool/None into an unboxed or boxed register; str/bytes constants are obj."""
    FIELDS = ("value",)

    def __init__(self, dest, value):
        self.dest, self.value = dest, value


class CallC(Op):
    """dest = fn(args...) for a runtime C function; `steals` lists argument positions whose
    reference the callee takes."""
    FIELDS = ('fn', 'args', 'steals', 'borrowed', 'moves')

    def __init__(self, dest, fn, args, error_kind, steals=(), borrowed=False, moves=()):
        self.dest, self.fn, self.args = dest, fn, list(args)
        self.error_kind = error_kind
        self.steals = tuple(steals)
        self.borrowed = borrowed   # the result is a borrowed reference (codegen increfs it)
        # argument positions whose register hands its reference to the callee (cleared after the call)
        self.moves = tuple(moves)

    def sources(self):
        return [a for a in self.args if isinstance(a, Register)] + \
            [a[1] for a in self.args if isinstance(a, tuple)]


class CallVec(Op):
    """dest = fn(prefix..., argv, nargs, kwnames): the vectorcall convention. args are obj values
    (positional then keyword values); kwnames is a tuple of keyword names or None. prefix items are
    Values or C expressions (str)."""
    FIELDS = ('fn', 'prefix', 'args', 'kwnames', 'with_kwnames', 'suffix')

    def __init__(self, dest, fn, prefix, args, kwnames, error_kind, with_kwnames=True, suffix=()):
        self.dest, self.fn, self.prefix, self.args = dest, fn, list(prefix), list(args)
        self.kwnames = tuple(kwnames) if kwnames else None
        self.error_kind = error_kind
        self.with_kwnames = with_kwnames
        self.suffix = tuple(suffix)   # C expressions after kwnames (an inline cache's address)

    def sources(self):
        return [p for p in self.prefix if not isinstance(p, str)] + list(self.args)


class Unpack(Op):
    """dests = the items of an iterable: a, *b, c = src (b receives a list)."""
    FIELDS = ('dests', 'src', 'before', 'star', 'after')
    error_kind = ERR_NEG

    def __init__(self, dests, src, before, star, after):
        self.dests, self.src, self.before, self.star, self.after = dests, src, before, star, after

    def sources(self):
        return [self.src]


class ErrCheck(Op):
    """Branch to the handler if an exception is set (after an op that reports by flag only)."""
    error_kind = ERR_FLAG


class CheckNotNone(Op):
    """AttributeError ('NoneType' object has no attribute 'x') when an Optional value is None."""
    FIELDS = ('obj', 'attr')
    error_kind = ERR_FLAG

    def __init__(self, obj, attr):
        self.obj, self.attr = obj, attr

    def sources(self):
        return [self.obj]


class CheckedC(Op):
    """if (fn(args..., &dest)) -> error. Checked unboxed arithmetic (overflow, zero division)."""
    FIELDS = ('fn', 'args')
    error_kind = ERR_TRUE

    def __init__(self, dest, fn, args):
        self.dest, self.fn, self.args = dest, fn, list(args)

    def sources(self):
        return list(self.args)


class Expr(Op):
    """dest = prim(args): an inline C expression named in primitives/template_ops.py (its C text lives
    there; codegen fills in the operands). args are registers or C constants (str). Never fails."""
    FIELDS = ('prim', 'args')

    def __init__(self, dest, prim, args):
        self.dest, self.prim, self.args = dest, prim, list(args)

    def sources(self):
        return [a for a in self.args if isinstance(a, Register)]


class Call(Op):
    """Direct call of a compiled function's typed entry point."""
    FIELDS = ('func', 'args')

    def __init__(self, dest, func, args):
        self.dest, self.func, self.args = dest, func, list(args)
        self.error_kind = ERR_MAGIC

    def sources(self):
        return list(self.args)


class Box(Op):
    FIELDS = ('src',)
    def __init__(self, dest, src):
        self.dest, self.src = dest, src

    def sources(self):
        return [self.src]


class Unbox(Op):
    """obj -> i64/f64/bool. checked: raise TypeError unless the object has the expected type."""
    FIELDS = ('src', 'checked')

    def __init__(self, dest, src, checked=True):
        self.dest, self.src, self.checked = dest, src, checked
        self.error_kind = ERR_FLAG if checked else ERR_NEVER

    def sources(self):
        return [self.src]


class GetField(Op):
    """dest = obj->field of a compiled class instance. When unset, falls back to the generic
    attribute lookup (class attributes, AttributeError)."""
    FIELDS = ('obj', 'cls', 'field', 'maybe_none', 'always_set', 'spill')
    error_kind = ERR_FLAG

    maybe_none = True    # obj may be None (Optional): AttributeError as CPython
    always_set = False   # every __init__ sets the field before the object can be seen
    spill = None         # (borrow_temps) an obj register owning a fallback lookup's result

    def __init__(self, dest, obj, cls, field):
        self.dest, self.obj, self.cls, self.field = dest, obj, cls, field

    def sources(self):
        return [self.obj]


class SetField(Op):
    FIELDS = ('obj', 'cls', 'field', 'src', 'move', 'bit_set')
    move = False
    bit_set = False   # the field's "defined" bit is certainly set already (see GetField.always_set)
    def __init__(self, obj, cls, field, src):
        self.obj, self.cls, self.field, self.src = obj, cls, field, src

    def sources(self):
        return [self.obj, self.src]


class LoadStatic(Op):
    """dest = a module global (a C static). check: raise NameError(name) when unset."""
    FIELDS = ('gvar', 'check')

    def __init__(self, dest, gvar, check=True):
        self.dest, self.gvar, self.check = dest, gvar, check
        self.error_kind = ERR_FLAG if check else ERR_NEVER


class StoreStatic(Op):
    FIELDS = ('gvar', 'src', 'move')
    move = False
    def __init__(self, gvar, src):
        self.gvar, self.src = gvar, src

    def sources(self):
        return [self.src]


class DelStatic(Op):
    FIELDS = ('gvar',)
    error_kind = ERR_FLAG

    def __init__(self, gvar):
        self.gvar = gvar


class CheckBound(Op):
    """Raise UnboundLocalError/NameError-like error when a local may be unbound."""
    FIELDS = ('reg', 'name', 'flag', 'message')
    error_kind = ERR_FLAG

    def __init__(self, reg, name, flag=None, message="local"):
        self.reg, self.name, self.flag, self.message = reg, name, flag, message

    def sources(self):
        return [self.reg] if self.flag is None else [self.flag]


class Unbind(Op):
    """del of a local: release and mark unbound."""
    FIELDS = ('reg', 'flag')

    def __init__(self, reg, flag=None):
        self.reg, self.flag = reg, flag


class Yield(Op):
    """Generator suspension: return `value` to the consumer; on resume dest = the sent value.
    Inside an except block of the generator, `token` is the register holding what was handled before
    the outermost such block and `held` a register parking the generator's own handled exception while
    it is suspended (the caller must not see it, as in CPython's per-frame exception state)."""
    FIELDS = ('value', 'index', 'held', 'token')
    held = None
    token = None

    def __init__(self, dest, value):
        self.dest, self.value = dest, value
        self.index = None  # resume point number, assigned by codegen
        self.error_kind = ERR_FLAG  # resumed with an exception (throw/close)

    def sources(self):
        return [self.value]


class Clear(Op):
    """Release an owned obj register now (last use of a temporary). Inserted by insert_refcounts."""
    FIELDS = ('reg',)

    def __init__(self, reg):
        self.reg = reg


class Goto(Op):
    FIELDS = ('target',)
    def __init__(self, target):
        self.target = target


class Branch(Op):
    FIELDS = ('cond', 'true', 'false')
    def __init__(self, cond, true, false):
        self.cond, self.true, self.false = cond, true, false

    def sources(self):
        return [self.cond]


class Return(Op):
    FIELDS = ('value',)
    def __init__(self, value):
        self.value = value

    def sources(self):
        return [self.value] if self.value is not None else []


class Unreachable(Op):
    pass


class RaiseFromHandler(Op):
    """Jump to the handler with the current exception (already set). Used for re-raise paths."""
    error_kind = ERR_ALWAYS


TERMINATORS = (Goto, Branch, Return, Unreachable, RaiseFromHandler)


def ends_block(op):
    """A terminator, or an op that always raises (control goes to its handler): nothing may follow it
    in its block."""
    return isinstance(op, TERMINATORS) or op.error_kind == ERR_ALWAYS
