"""Lowering of expressions to IR: one free function per AST node kind, dispatched by transform_expr.

Typed operands get direct operations (int64 arithmetic with overflow checks, list indexing, str
concatenation); anything whose type is not pinned down goes through the runtime's generic
operations on boxed objects (Pyrt_BinaryOp, Pyrt_GetAttr, Pyrt_Call, ...).
"""
import ast

from pyrite.ir import ops
from pyrite.ir.rtypes import OBJ, INT, I64, F64, BOOL, NUM as NUMR, PTR, UNBOXED
from pyrite.types import model as m
from pyrite.types.infer import OPERATOR_DUNDERS
from pyrite.build_ir.builder import V, rtype_of, IntMode
from pyrite.frontend.modules import package_rebinds

BINOPS = {ast.Add: "PYRT_ADD", ast.Sub: "PYRT_SUB", ast.Mult: "PYRT_MUL", ast.Div: "PYRT_TRUEDIV",
          ast.FloorDiv: "PYRT_FLOORDIV", ast.Mod: "PYRT_MOD", ast.Pow: "PYRT_POW",
          ast.LShift: "PYRT_LSHIFT", ast.RShift: "PYRT_RSHIFT", ast.BitAnd: "PYRT_AND",
          ast.BitOr: "PYRT_OR", ast.BitXor: "PYRT_XOR", ast.MatMult: "PYRT_MATMUL"}
INT_OPS = {ast.Add: "pyrt_int_add", ast.Sub: "pyrt_int_sub", ast.Mult: "pyrt_int_mul",
           ast.FloorDiv: "pyrt_int_floordiv", ast.Mod: "pyrt_int_mod", ast.Pow: "pyrt_int_pow",
           ast.LShift: "pyrt_int_lshift", ast.RShift: "pyrt_int_rshift", ast.BitAnd: "pyrt_int_and",
           ast.BitOr: "pyrt_int_or", ast.BitXor: "pyrt_int_xor"}   # (runtime/include/pyrt_int.h)
I64_CHECKED = {ast.Add: "PyrtI64_Add", ast.Sub: "PyrtI64_Sub", ast.Mult: "PyrtI64_Mul",
               ast.FloorDiv: "PyrtI64_FloorDiv", ast.Mod: "PyrtI64_Mod", ast.Pow: "PyrtI64_Pow",
               ast.LShift: "PyrtI64_LShift", ast.RShift: "PyrtI64_RShift"}   # (64-bit int mode)
I64_PLAIN = {ast.BitAnd: "and", ast.BitOr: "or", ast.BitXor: "xor"}   # (primitives/template_ops.py)
F64_PLAIN = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul"}
F64_CHECKED = {ast.Div: "PyrtF64_Div", ast.FloorDiv: "PyrtF64_FloorDiv", ast.Mod: "PyrtF64_Mod",
               ast.Pow: "PyrtF64_Pow"}
CMPOPS = {ast.Lt: ("PYRT_LT", "lt"), ast.LtE: ("PYRT_LE", "le"), ast.Eq: ("PYRT_EQ", "eq"),
          ast.NotEq: ("PYRT_NE", "ne"), ast.Gt: ("PYRT_GT", "gt"), ast.GtE: ("PYRT_GE", "ge")}
NUM = (m.INT, m.BOOL, m.FLOAT, m.NUM)
NUM_CHECKED = {ast.Add: "PyrtNum_Add", ast.Sub: "PyrtNum_Sub", ast.Mult: "PyrtNum_Mul",
               ast.FloorDiv: "PyrtNum_FloorDiv", ast.Mod: "PyrtNum_Mod", ast.Pow: "PyrtNum_Pow"}
REFLECT = {"PYRT_LT": "PYRT_GT", "PYRT_GT": "PYRT_LT", "PYRT_LE": "PYRT_GE", "PYRT_GE": "PYRT_LE",
           "PYRT_EQ": "PYRT_EQ", "PYRT_NE": "PYRT_NE"}


def transform_expr(b, node):
    b.line = getattr(node, "lineno", b.line)
    fn = globals().get("transform_" + type(node).__name__)
    if fn is None:
        b.pb.unsupported(b.mod, node, "this kind of expression (%s)" % type(node).__name__)
        return b.lit(None)
    return fn(b, node)


def transform_Constant(b, node):
    v = node.value
    if v is Ellipsis:
        return V(b.expr("ellipsis", [], m.DYN, rtype=PTR).reg, m.DYN)
    return b.lit(v)


# ---------------------------------------------------------------------- names
def transform_Name(b, node):
    return load_name(b, node.id)


def name_kind(b, name):
    if b.class_info is not None and name in b.class_bound:
        return "classattr"
    if b.finfo.kind == "module":
        return "global"
    return b.finfo.scope.classify(name)


def load_name(b, name):
    kind = name_kind(b, name)
    if kind == "local":
        r = b.local_reg(name)
        return V(r, r.pytype)
    if kind == "cell":
        return cell_get(b, b.cells[name], name, "pyrt_cell_get_local", b.var_type(name))
    if kind == "free":
        owner = b.finfo.owner_of(name)
        t = m.resolved(owner.slot(name).get()) if owner else m.DYN
        return cell_get(b, free_cell(b, name), name, "pyrt_cell_get_free", t)
    if kind == "classattr":
        if _global_or_builtin(b, name):
            return load_class_name(b, name)
        r = b.c_call("PyrtClass_NsGet" if b.class_ns_generic else "pyrt_dict_get_name", [b.class_dict, _cstr(name)],
                     m.DYN)
        return r
    return load_global(b, b.mod, name)


def _global_or_builtin(b, name):
    from pyrite.types.infos import BUILTIN_NAMES, BUILTIN_EXCEPTIONS
    return b.mod.binds(name) or name in b.mod.globals or name in BUILTIN_NAMES or name in BUILTIN_EXCEPTIONS


def load_class_name(b, name):
    """A name the class body binds, read in the body before it may be bound there: the namespace's value,
    else the module's global or the builtin (CPython's LOAD_NAME: datetime's `__slots__ = date.__slots__
    + time.__slots__` comes before its methods `date` and `time`).

        r = PyrtClass_NsLookup(ns, "date")        (NULL, no error: not in the namespace)
        if r == NULL: check the error; r = box(global date)
    """
    r = b.temp(OBJ)
    b.add(ops.CallC(r, "PyrtClass_NsLookup", [b.class_dict, _cstr(name)], ops.ERR_NEVER))
    missing, done = b.new_block(), b.new_block()
    b.branch(b.expr("is_null", [r], m.BOOL).reg, missing, done)
    b.set_block(missing)
    b.add(ops.ErrCheck())
    b.add(ops.Assign(r, b.box(load_global(b, b.mod, name))))
    b.goto(done)
    b.set_block(done)
    return V(r, m.DYN)


def _cstr(s):
    from pyrite.codegen.c_names import c_string
    return c_string(s)


def cell_get(b, cell, name, helper, t):
    v = b.c_call(helper, [cell, _cstr(name)], m.DYN)
    return b.coerce(V(v.reg, t), t)


def free_cell(b, name):
    idx = b.pb.free_index(b.finfo, name)
    return b.expr("closure_cell", [b.fn.closure_reg, str(idx)], m.DYN, rtype=PTR).reg


def load_global(b, mod, name):
    if mod.binds(name) or name in mod.globals:
        from pyrite.build_ir.calls import always_defined
        g = b.pb.global_var(mod, name)
        t = m.resolved(mod.globals[name].get())
        r = b.temp(g.rtype)
        b.add(ops.LoadStatic(r, g, check=not (mod is b.mod and always_defined(b, name))))
        return V(r, t)
    return load_builtin(b, name)


def load_builtin(b, name):
    """The builtin `name` as a value (`abs`, `ValueError`); NameError when there is none."""
    from pyrite.types.infos import BUILTIN_NAMES, BUILTIN_EXCEPTIONS
    if name in BUILTIN_EXCEPTIONS:
        r = b.expr("builtin_type", [name], m.BuiltinT(name), rtype=PTR)
        return V(r.reg, m.BuiltinT(name))
    if name in BUILTIN_NAMES:
        return b.c_call("Pyrt_GetBuiltin", [_cstr(name)], m.BuiltinT(name), rtype=OBJ, borrowed=True)
    from pyrite.types.infos import UNPROVIDED_BUILTINS
    if name in UNPROVIDED_BUILTINS:   # (standard-library code; user code got a compile-time error)
        b.c_void("Pyrt_ErrUnprovided", [_cstr(name), _cstr(UNPROVIDED_BUILTINS[name])])
        return b.lit(None)
    # a name the module never binds itself: its module object may have it at run time (re's flags,
    # stored through sys.modules['re'].__dict__ by enum.global_enum), else NameError
    return b.c_call("PyrtModule_LoadName", [b.pb.module_object(b.mod.name), _cstr(name)], m.DYN)


def check_name_defined(b, name):
    """NameError if a module global is unbound, without loading it (calls of known functions)."""
    if name_kind(b, name) == "global" and (b.mod.binds(name) or name in b.mod.globals):
        b.add(ops.LoadStatic(None, b.pb.global_var(b.mod, name), check=True))
    else:
        load_name(b, name)


def store_name(b, name, v):
    kind = name_kind(b, name)
    if kind == "local":
        r = b.local_reg(name)
        v = b.coerce(v, r.pytype)
        b.add(ops.Assign(r, v.reg))
    elif kind == "cell":
        b.c_void("pyrt_cell_set", [b.cells[name], b.box(v)])
    elif kind == "free":
        b.c_void("pyrt_cell_set", [free_cell(b, name), b.box(v)])
    elif kind == "classattr":
        b.c_void("PyrtClass_NsSet" if b.class_ns_generic else "PyrtDict_SetItemStr",
                 [b.class_dict, _cstr(name), b.box(v)])
    else:
        store_global(b, b.mod, name, v)


def store_global(b, mod, name, v):
    g = b.pb.global_var(mod, name)
    t = m.resolved(mod.globals[name].get())
    v = b.coerce(v, t)
    b.add(ops.StoreStatic(g, v.reg))
    sync_globals_dict(b, mod, name, v)


def uses_globals(mod):
    """The module calls globals() (or dir()): its globals dict (once made) follows every store and del."""
    u = getattr(mod.src, "uses_globals", None)
    if u is None:
        u = mod.src.uses_globals = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                                       and n.func.id in ("globals", "dir") and not n.args
                                       for n in ast.walk(mod.src.tree))
    return u


def sync_globals_dict(b, mod, name, v):
    if uses_globals(mod) and "." not in name:
        b.c_void("PyrtModule_GlobalsSync", [b.pb.module_object(mod.name), _cstr(name),
                                            b.box(v) if v is not None else "NULL"])


# ---------------------------------------------------------------------- operators
def const_value(node):
    """The value of a constant int/float expression (CPython folds these at compile time, so big
    intermediate values like 2 ** 63 - 1 never exist at run time), or None."""
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd, ast.Invert)):
        v = const_value(node.operand)
        if v is None or (isinstance(node.op, ast.Invert) and type(v) is not int):
            return None
        return {ast.USub: lambda x: -x, ast.UAdd: lambda x: +x, ast.Invert: lambda x: ~x}[type(node.op)](v)
    if isinstance(node, ast.BinOp) and type(node.op) in BINOPS and not isinstance(node.op, ast.MatMult):
        a, c = const_value(node.left), const_value(node.right)
        if a is None or c is None:
            return None
        if isinstance(node.op, ast.Pow) and type(a) is int and type(c) is int and \
                (c < 0 or c > 4096 or abs(a).bit_length() * c > 4096):
            return None
        if isinstance(node.op, ast.Pow) and (abs(c) > 4096 or abs(a) > 2 ** 64):
            return None
        if isinstance(node.op, (ast.LShift,)) and (c > 4096 or c < 0):
            return None
        try:
            import operator
            fn = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
                  ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
                  ast.Pow: operator.pow, ast.LShift: operator.lshift, ast.RShift: operator.rshift,
                  ast.BitAnd: operator.and_, ast.BitOr: operator.or_, ast.BitXor: operator.xor}[type(node.op)]
            r = fn(a, c)
        except (ArithmeticError, ValueError, TypeError):
            return None   # raised at run time, as CPython does
        if type(r) is int and abs(r).bit_length() <= 4100 or type(r) is float:
            return r
    return None


def fits(v):
    """A constant the int representation holds (64-bit mode: 64 bits; exact ints: any)."""
    return type(v) is float or IntMode.exact or -2 ** 63 <= v < 2 ** 63


def transform_BinOp(b, node):
    v = const_value(node)
    if v is not None and b.type_of(node) in (m.INT, m.FLOAT) and fits(v):
        return b.lit(v)
    if type(v) is int and b.type_of(node) is m.DYN and not fits(v):
        return b.lit(v)   # (an int constant beyond 64 bits: an immortal int object)
    if isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
        r = format_literal(b, node)
        if r is not None:
            return r
    left = transform_expr(b, node.left)
    right = transform_expr(b, node.right)
    info = b.finfo.calls.get(node)
    if info is not None and info[0] == "method" and isinstance(left.t, m.InstanceT):
        return operator_method(b, node, info, left, right, b.type_of(node))
    return binop(b, node.op, left, right, b.type_of(node))


def _format_pieces(fmt):
    """'a%sb%d%%' -> ['a', 's', 'b', 'd', '%'] as (is_spec, text) pairs, or None when the format uses
    anything but plain %s %r %d %i %c %% (flags, widths, precisions, mapping keys)."""
    out, lit, i = [], [], 0
    while i < len(fmt):
        ch = fmt[i]
        if ch != "%":
            lit.append(ch)
            i += 1
            continue
        if i + 1 >= len(fmt) or fmt[i + 1] not in "srdic%":
            return None
        if fmt[i + 1] == "%":
            lit.append("%")
        else:
            if lit:
                out.append((False, "".join(lit)))
                lit = []
            out.append((True, fmt[i + 1]))
        i += 2
    if lit:
        out.append((False, "".join(lit)))
    return out


def format_literal(b, node):
    """'x=%d, %s' % (n, s) with a constant format of plain conversions and arguments whose types
    decide each conversion: the pieces are converted in order and joined once (PyrtStr_ConcatArray),
    as CPython's formatting does; anything else (widths, floats with %d, a right operand that may be
    a tuple or a mapping) takes PyrtStr_Mod. None: not applicable."""
    pieces = _format_pieces(node.left.value)
    if pieces is None:
        return None
    specs = [p for is_spec, p in pieces if is_spec]
    r = node.right
    if isinstance(r, ast.Tuple) and not any(isinstance(e, ast.Starred) for e in r.elts):
        args = r.elts
    elif not isinstance(r, ast.Tuple) and b.type_of(r) in (m.STR, m.INT, m.FLOAT):
        args = [r]
    else:
        return None
    if len(args) != len(specs) or not specs:
        return None
    for spec, a in zip(specs, args):
        t = b.type_of(a)
        if spec in "dic" and t is not m.INT:
            return None
    vals = [transform_expr(b, a) for a in args]   # every argument first, then the conversions
    parts, k = [], 0
    for is_spec, text in pieces:
        if not is_spec:
            parts.append(V(b.const_obj(text), m.STR))
            continue
        v = vals[k]
        k += 1
        if text == "c":
            parts.append(b.c_call("PyrtStr_FormatChar", [b.as_i64(v)], m.STR))
        elif v.t is m.INT and v.reg.rtype is I64:
            parts.append(b.c_call("PyrtInt_Repr", [v.reg], m.STR))
        elif v.t is m.INT and v.reg.rtype is INT:
            parts.append(b.c_call("PyrtTagged_Repr", [v.reg], m.STR))
        elif text == "s" and v.t is m.STR:
            parts.append(v)
        elif text == "s" and v.reg.rtype is F64:
            parts.append(b.c_call("PyrtFloat_Repr", [v.reg], m.STR))
        else:
            parts.append(b.c_call("Pyrt_Str" if text == "s" else "Pyrt_Repr", [b.box(v)], m.STR))
    if len(parts) == 1:
        return parts[0]
    return b.vcall("PyrtStr_ConcatArray", [], parts, m.STR, with_kwnames=False)


def operator_method(b, node, info, left, right, t):
    """a + b as a direct call of a.__add__(b) (inference checked that no __radd__ can take precedence).
    A result that may be NotImplemented is checked: then the right operand's reflected slot, else
    TypeError, as CPython does."""
    from pyrite.build_ir.calls import invoke_method
    r = invoke_method(b, node, left, OPERATOR_DUNDERS[type(node.op)], info[1], info[2], [right], {}, t)
    if r.reg.rtype is not OBJ:
        return r
    out = b.temp(OBJ)
    b.add(ops.Assign(out, r.reg))
    slow, done = b.new_block(), b.new_block()
    b.branch(b.expr("is_not_implemented", [r.reg], m.BOOL).reg, slow, done)
    b.set_block(slow)
    again = b.c_call("Pyrt_BinaryOpRight", [b.box(left), b.box(right), BINOPS[type(node.op)]], m.DYN)
    b.add(ops.Assign(out, again.reg))
    b.goto(done)
    b.set_block(done)
    return b.coerce(V(out, m.DYN), t)


def _optional_number(t):
    return isinstance(t, m.OptionalT) and t.inner in NUM


def binop(b, op, a, c, t, inplace=False):
    opt = type(op)
    if t in (m.INT, m.FLOAT, m.NUM) and (_optional_number(a.t) or _optional_number(c.t)) \
            and all(x.t in NUM or _optional_number(x.t) for x in (a, c)):
        return _binop_optional_numbers(b, op, a, c, t, inplace)
    if a.t in NUM and c.t in NUM and t in (m.INT, m.FLOAT, m.BOOL, m.NUM):
        if t is m.NUM:
            if opt not in NUM_CHECKED:
                raise AssertionError("int | float %s" % opt.__name__)
            return b.checked(NUM_CHECKED[opt], [b.as_num(a), b.as_num(c)], m.NUM)
        if opt is ast.Div and m.NUM in (a.t, c.t) and m.FLOAT not in (a.t, c.t):
            return b.checked("PyrtNum_TrueDiv", [b.as_num(a), b.as_num(c)], m.FLOAT)
        if t is m.BOOL:
            return b.expr("bool_" + I64_PLAIN[opt], [a.reg, c.reg], m.BOOL)
        if t is m.INT and IntMode.exact:
            return b.c_call(INT_OPS[opt], [b.as_int(a), b.as_int(c)], m.INT)
        if t is m.INT:
            x, y = b.as_i64(a), b.as_i64(c)
            if opt in I64_PLAIN:
                return b.expr("i64_" + I64_PLAIN[opt], [x, y], m.INT)
            return b.checked(I64_CHECKED[opt], [x, y], m.INT)
        if opt is ast.Div and a.t is not m.FLOAT and c.t is not m.FLOAT and IntMode.exact:
            return b.c_call("pyrt_int_truediv", [b.as_int(a), b.as_int(c)], m.FLOAT)
        if opt is ast.Div and a.t is not m.FLOAT and c.t is not m.FLOAT:
            return b.checked("PyrtI64_TrueDiv", [b.as_i64(a), b.as_i64(c)], m.FLOAT)
        x, y = b.as_f64(a), b.as_f64(c)
        if opt in F64_PLAIN:
            return b.expr("f64_" + F64_PLAIN[opt], [x, y], m.FLOAT)
        if opt in F64_CHECKED:
            return b.checked(F64_CHECKED[opt], [x, y], m.FLOAT)
    if t is m.STR and a.t is m.STR:
        if opt is ast.Add and c.t is m.STR:
            return b.c_call("PyrtStr_Concat", [a.reg, c.reg], m.STR)
        if opt is ast.Mult and c.t in (m.INT, m.BOOL):
            return b.c_call("PyrtStr_Repeat", [a.reg, b.as_i64(c)], m.STR)
        if opt is ast.Mod:
            return b.c_call("PyrtStr_Mod", [a.reg, b.box(c)], m.STR)
    if isinstance(a.t, m.ListT) and isinstance(c.t, m.ListT) and opt is ast.Add:
        if inplace:
            b.c_void("PyrtList_Extend", [a.reg, c.reg])
            return a
        return b.c_call("PyrtList_Concat", [a.reg, c.reg], t)
    if isinstance(a.t, m.ListT) and c.t in (m.INT, m.BOOL) and opt is ast.Mult and not inplace:
        return b.c_call("PyrtList_Repeat", [a.reg, b.as_i64(c)], t)
    return _generic_binop(b, op, a, c, t, inplace)


def _generic_binop(b, op, a, c, t, inplace):
    code = BINOPS[type(op)] + (" | PYRT_INPLACE" if inplace else "")
    r = b.c_call("Pyrt_BinaryOp", [b.box(a), b.box(c), code], m.DYN)
    return b.coerce(r, t)


def _binop_optional_numbers(b, op, a, c, t, inplace):
    """A number that may be None: unboxed arithmetic when it is not, the generic operator (which
    raises CPython's TypeError) when it is."""
    conds = [b.expr("is_not_none", [x.reg], m.BOOL).reg for x in (a, c) if _optional_number(x.t)]
    cond = conds[0] if len(conds) == 1 else b.expr("bool_both", conds, m.BOOL).reg
    result = b.temp(rtype_of(t))
    fast, slow, done = b.new_block(), b.new_block(), b.new_block()
    b.branch(cond, fast, slow)
    b.set_block(fast)
    unboxed = []
    for x in (a, c):
        if _optional_number(x.t):
            r = b.temp(rtype_of(x.t.inner))
            b.add(ops.Unbox(r, x.reg, checked=r.rtype in (I64, NUMR)))   # (a 64-bit int may be big)
            x = V(r, x.t.inner)
        unboxed.append(x)
    b.add(ops.Assign(result, b.coerce(binop(b, op, unboxed[0], unboxed[1], t, inplace), t).reg))
    b.goto(done)
    b.set_block(slow)
    b.add(ops.Assign(result, _generic_binop(b, op, a, c, t, inplace).reg))
    b.goto(done)
    b.set_block(done)
    return V(result, t)


def transform_UnaryOp(b, node):
    c = const_value(node)
    if c is not None and b.type_of(node) in (m.INT, m.FLOAT) and fits(c):
        return b.lit(c)
    v = transform_expr(b, node.operand)
    t = b.type_of(node)
    if isinstance(node.op, ast.Not):
        return b.expr("bool_not", [truth(b, v)], m.BOOL)
    if t is m.INT and v.t in (m.INT, m.BOOL):
        neg = isinstance(node.op, ast.USub)
        if isinstance(node.op, ast.UAdd):
            return b.coerce(v, m.INT)
        if IntMode.exact:
            return b.c_call("pyrt_int_neg" if neg else "pyrt_int_invert", [b.as_int(v)], m.INT)
        x = b.as_i64(v)
        return b.checked("PyrtI64_Neg", [x], m.INT) if neg else b.expr("i64_invert", [x], m.INT)
    if t is m.FLOAT and v.t is m.FLOAT:
        if isinstance(node.op, ast.USub):
            return b.expr("f64_neg", [v.reg], m.FLOAT)
        return v
    if t is m.NUM and v.t is m.NUM:
        if isinstance(node.op, ast.USub):
            return b.checked("PyrtNum_Neg", [v.reg], m.NUM)
        return v
    code = {ast.USub: "PYRT_NEG", ast.UAdd: "PYRT_POS", ast.Invert: "PYRT_INVERT"}[type(node.op)]
    return b.coerce(b.c_call("Pyrt_UnaryOp", [b.box(v), code], m.DYN), t)


def truth(b, v):
    """A BOOL register: the truth value of v."""
    t = v.t
    rt = v.reg.rtype
    if rt is BOOL:
        return v.reg
    if rt is INT:
        return b.expr("int_truth", [v.reg], m.BOOL).reg
    if rt is I64:
        return b.expr("i64_truth", [v.reg], m.BOOL).reg
    if rt is F64:
        return b.expr("f64_truth", [v.reg], m.BOOL).reg
    if rt is NUMR:
        return b.expr("num_truth", [v.reg], m.BOOL).reg
    if t is m.STR:
        return b.expr("str_truth", [v.reg], m.BOOL).reg
    if isinstance(t, m.ListT):
        return b.expr("list_truth", [v.reg], m.BOOL).reg
    if t is m.NONE:
        return b.expr("bool_const", ["0"], m.BOOL).reg
    cls = _plain_instance(t)
    if cls is not None:
        if isinstance(t, m.OptionalT):
            return b.expr("is_not_none", [v.reg], m.BOOL).reg
        return b.expr("bool_const", ["1"], m.BOOL).reg
    r = b.temp(BOOL)
    b.add(ops.CallC(r, "Pyrt_IsTrue", [b.box(v)], ops.ERR_NEG))
    return r


def _plain_instance(t):
    """The class of an instance (or Optional instance) whose truth is not user-defined."""
    inner = t.inner if isinstance(t, m.OptionalT) else t
    if isinstance(inner, m.InstanceT):
        c = inner.cls
        if c.lookup_method("__bool__") is None and c.lookup_method("__len__") is None and not c.subclasses:
            return c
    return None


def transform_BoolOp(b, node):
    t = b.type_of(node)
    result = b.temp(rtype_of(t))
    done = b.new_block()
    is_and = isinstance(node.op, ast.And)
    for i, value in enumerate(node.values):
        v = transform_expr(b, value)
        b.add(ops.Assign(result, b.coerce(v, t).reg))
        if i == len(node.values) - 1:
            b.goto(done)
            break
        cond = truth(b, V(result, t))
        nxt = b.new_block()
        if is_and:
            b.branch(cond, nxt, done)
        else:
            b.branch(cond, done, nxt)
        b.set_block(nxt)
    b.set_block(done)
    return V(result, t)


def transform_Compare(b, node):
    t = b.type_of(node)
    left = transform_expr(b, node.left)
    if len(node.ops) == 1:
        right = transform_expr(b, node.comparators[0])
        return b.coerce(compare(b, node.ops[0], left, right, t), t)
    result = b.temp(rtype_of(t))
    done = b.new_block()
    for i, (op, comp) in enumerate(zip(node.ops, node.comparators)):
        right = transform_expr(b, comp)
        r = b.coerce(compare(b, op, left, right, t), t)
        b.add(ops.Assign(result, r.reg))
        if i == len(node.ops) - 1:
            b.goto(done)
            break
        nxt = b.new_block()
        b.branch(truth(b, V(result, t)), nxt, done)
        b.set_block(nxt)
        left = right
    b.set_block(done)
    return V(result, t)


def compare(b, op, a, c, t):
    opt = type(op)
    if opt in (ast.Is, ast.IsNot):
        neg = opt is ast.IsNot
        unboxed = UNBOXED
        if (a.reg.rtype in unboxed and c.t is m.NONE) or (c.reg.rtype in unboxed and a.t is m.NONE):
            return b.expr("bool_const", ["1" if neg else "0"], m.BOOL)
        x, y = b.box(a), b.box(c)
        return b.expr("is_not_same" if neg else "is_same", [x, y], m.BOOL)
    if opt in (ast.In, ast.NotIn):
        r = contains(b, c, a)
        if opt is ast.NotIn:
            return b.expr("bool_not", [r], m.BOOL)
        return V(r, m.BOOL)
    code, cop = CMPOPS[opt]
    if a.t in NUM and c.t in NUM:
        if m.NUM in (a.t, c.t):
            return b.expr("num_compare", [b.as_num(a), b.as_num(c), code], m.BOOL)
        if (a.t is m.FLOAT) != (c.t is m.FLOAT):
            # int vs float: exact, like CPython (no rounding of big ints to double)
            if a.t is m.FLOAT:
                code = REFLECT[code]
                a, c = c, a
            if a.reg.rtype in (I64, BOOL):
                return b.expr("num_compare_i64_f64", [b.as_i64(a), b.as_f64(c), code], m.BOOL)
            return b.expr("int_compare_f64", [b.as_int(a), b.as_f64(c), code], m.BOOL)
        if m.FLOAT in (a.t, c.t):
            return b.expr("f64_" + cop, [b.as_f64(a), b.as_f64(c)], m.BOOL)
        if not IntMode.exact or a.reg.rtype in (I64, BOOL) and c.reg.rtype in (I64, BOOL):   # machine ints
            return b.expr("i64_" + cop, [b.as_i64(a), b.as_i64(c)], m.BOOL)
        return b.expr("int_" + cop, [b.as_int(a), b.as_int(c)], m.BOOL)
    if a.t is m.STR and c.t is m.STR:
        if opt is ast.Eq:
            return b.expr("str_eq", [a.reg, c.reg], m.BOOL)
        if opt is ast.NotEq:
            return b.expr("str_ne", [a.reg, c.reg], m.BOOL)
        return b.expr("str_" + cop, [a.reg, c.reg], m.BOOL)
    if t is m.BOOL:
        r = b.temp(BOOL)
        b.add(ops.CallC(r, "Pyrt_RichCompareBool", [b.box(a), b.box(c), code], ops.ERR_NEG))
        return V(r, m.BOOL)
    return b.c_call("Pyrt_RichCompare", [b.box(a), b.box(c), code], m.DYN)


def contains(b, container, item):
    """BOOL register: item in container."""
    t = container.t
    fn = "Pyrt_Contains"
    if isinstance(t, m.ListT):
        fn = "PyrtList_Contains"
    elif isinstance(t, m.DictT):
        fn = "PyrtDict_Contains"
    elif isinstance(t, m.SetT):
        fn = "PyrtSet_Contains"
    elif t is m.STR and item.t is m.STR:
        fn = "PyrtStr_Contains"
    r = b.temp(BOOL)
    b.add(ops.CallC(r, fn, [container.reg if container.reg.rtype is OBJ else b.box(container), b.box(item)],
                    ops.ERR_NEG))
    return r


def transform_IfExp(b, node):
    t = b.type_of(node)
    result = b.temp(rtype_of(t))
    yes, no, done = b.new_block(), b.new_block(), b.new_block()
    cond_branch(b, node.test, yes, no)
    b.set_block(yes)
    b.add(ops.Assign(result, b.coerce(transform_expr(b, node.body), t).reg))
    b.goto(done)
    b.set_block(no)
    b.add(ops.Assign(result, b.coerce(transform_expr(b, node.orelse), t).reg))
    b.goto(done)
    b.set_block(done)
    return V(result, t)


def cond_branch(b, node, yes, no):
    """Branch on the truth of an expression without materialising and/or/not results."""
    if isinstance(node, ast.BoolOp):
        for value in node.values[:-1]:
            nxt = b.new_block()
            if isinstance(node.op, ast.And):
                cond_branch(b, value, nxt, no)
            else:
                cond_branch(b, value, yes, nxt)
            b.set_block(nxt)
        cond_branch(b, node.values[-1], yes, no)
        return
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        cond_branch(b, node.operand, no, yes)
        return
    v = transform_expr(b, node)
    b.branch(truth(b, v), yes, no)


# ---------------------------------------------------------------------- containers
def list_kind(t):
    """The unboxed item kind of the lists compiled code makes for list type t (PYRT_LIST_I64 or
    PYRT_LIST_F64), or None (a list of objects)."""
    if isinstance(t, m.ListT):
        e = t.elem.get()
        if e is m.INT:
            return "PYRT_LIST_I64"
        if e is m.FLOAT:
            return "PYRT_LIST_F64"
    return None


def new_list(b, t, n):
    kind = list_kind(t)
    if kind is None:
        return b.c_call("PyrtList_New", [str(n)], t)
    return b.c_call("PyrtList_NewKind", [str(n), kind], t)


def list_append(b, lst, v):
    """lst.append(v) for a list of type lst.t (unboxed into a list of ints or floats)."""
    kind = list_kind(lst.t)
    if kind == "PYRT_LIST_I64" and v.t in (m.INT, m.BOOL):
        if v.reg.rtype in (I64, BOOL):
            b.c_void("pyrt_list_append_i64", [lst.reg, b.as_i64(v)])
        else:
            b.c_void("pyrt_list_append_int", [lst.reg, b.as_int(v)])
    elif kind == "PYRT_LIST_F64" and v.t in (m.INT, m.BOOL, m.FLOAT):
        b.c_void("pyrt_list_append_f64", [lst.reg, b.as_f64(v)])
    else:
        b.c_void("PyrtList_Append", [lst.reg, b.box(v)])


def transform_List(b, node):
    t = b.type_of(node)
    if any(isinstance(e, ast.Starred) for e in node.elts):
        lst = new_list(b, t, 0)
        for e in node.elts:
            if isinstance(e, ast.Starred):
                b.c_void("PyrtList_Extend", [lst.reg, b.box(transform_expr(b, e.value))])
            else:
                list_append(b, lst, transform_expr(b, e))
        return lst
    kind = list_kind(t)
    if kind == "PYRT_LIST_I64" and IntMode.exact:   # (an int beyond 64 bits makes it a list of objects)
        items = [transform_expr(b, e) for e in node.elts]
        lst = b.c_call("PyrtList_NewKind", ["0", kind], t)
        for it in items:
            list_append(b, lst, it)
        return lst
    if kind is not None:
        conv = b.as_i64 if kind == "PYRT_LIST_I64" else b.as_f64
        init = "pyrt_list_init_i64" if kind == "PYRT_LIST_I64" else "pyrt_list_init_f64"
        items = [conv(transform_expr(b, e)) for e in node.elts]
        lst = new_list(b, t, len(items))
        for i, it in enumerate(items):
            b.add(ops.CallC(None, init, [lst.reg, str(i), it], ops.ERR_NEVER))
        return lst
    items = [b.box(transform_expr(b, e)) for e in node.elts]
    lst = b.c_call("PyrtList_New", [str(len(items))], t)
    for i, it in enumerate(items):
        b.add(ops.CallC(None, "PyrtList_SetNew_Steal", [lst.reg, str(i), it], ops.ERR_NEVER, steals=(2,)))
    return lst


def transform_Tuple(b, node):
    t = b.type_of(node)
    if any(isinstance(e, ast.Starred) for e in node.elts):
        lst = transform_List(b, ast.List(node.elts, ast.Load()))
        return b.c_call("PyrtTuple_FromIterable", [lst.reg], t)
    items = [b.box(transform_expr(b, e)) for e in node.elts]
    tup = b.c_call("PyrtTuple_New", [str(len(items))], t)
    for i, it in enumerate(items):
        b.add(ops.CallC(None, "PyrtTuple_SetNew_Steal", [tup.reg, str(i), it], ops.ERR_NEVER, steals=(2,)))
    return tup


def _folded_constant(e):
    """An expression CPython's AST optimizer folds into a constant: -1, (1, "a"), 2 * 3."""
    if isinstance(e, ast.Constant):
        return True
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, (ast.USub, ast.UAdd, ast.Invert)):
        return isinstance(e.operand, ast.Constant) and type(e.operand.value) in (int, float) or \
            isinstance(e.operand, ast.UnaryOp) and _folded_constant(e.operand)
    if isinstance(e, ast.Tuple):
        return all(_folded_constant(x) for x in e.elts)
    if isinstance(e, ast.BinOp) and isinstance(e.op, (ast.Add, ast.Sub, ast.Mult)):
        num = lambda x: _folded_constant(x) and not isinstance(x, ast.Tuple) and \
            not (isinstance(x, ast.Constant) and type(x.value) not in (int, float))
        return num(e.left) and num(e.right)
    return False


def transform_Set(b, node):
    if len(node.elts) >= 3 and all(_folded_constant(e) for e in node.elts):
        # CPython builds such a literal from a frozenset constant, which fixes its iteration order
        items = [transform_expr(b, e) for e in node.elts]
        return b.vcall("PyrtSet_FromConstants", [], items, b.type_of(node), with_kwnames=False)
    s = b.c_call("PyrtSet_New", [], b.type_of(node))
    for e in node.elts:
        if isinstance(e, ast.Starred):
            b.vcall("Pyrt_CallMethod", [s.reg, _cstr_obj(b, "update")], [transform_expr(b, e.value)], None)
        else:
            b.c_void("PyrtSet_Add", [s.reg, b.box(transform_expr(b, e))])
    return s


def _cstr_obj(b, text):
    return b.const_obj(text)


def transform_Dict(b, node):
    d = b.c_call("PyrtDict_New", [], b.type_of(node))
    for k, v in zip(node.keys, node.values):
        if k is None:
            b.c_void("PyrtDict_Update", [d.reg, b.box(transform_expr(b, v))])
        else:
            kv = b.box(transform_expr(b, k))
            vv = b.box(transform_expr(b, v))
            b.c_void("PyrtDict_SetItem", [d.reg, kv, vv])
    return d


def transform_ListComp(b, node):
    from pyrite.build_ir.statements import comprehension_loops
    res = new_list(b, b.type_of(node), 0)

    def body():
        list_append(b, res, transform_expr(b, node.elt))
    comprehension_loops(b, node.generators, body)
    return res


def transform_SetComp(b, node):
    from pyrite.build_ir.statements import comprehension_loops
    res = b.c_call("PyrtSet_New", [], b.type_of(node))

    def body():
        b.c_void("PyrtSet_Add", [res.reg, b.box(transform_expr(b, node.elt))])
    comprehension_loops(b, node.generators, body)
    return res


def transform_DictComp(b, node):
    from pyrite.build_ir.statements import comprehension_loops
    res = b.c_call("PyrtDict_New", [], b.type_of(node))

    def body():
        k = b.box(transform_expr(b, node.key))
        v = b.box(transform_expr(b, node.value))
        b.c_void("PyrtDict_SetItem", [res.reg, k, v])
    comprehension_loops(b, node.generators, body)
    return res


def transform_GeneratorExp(b, node):
    from pyrite.build_ir.functions import make_function_object
    fi = b.inf.funcs[node]
    fobj = make_function_object(b, fi)
    first = transform_expr(b, node.generators[0].iter)
    it = b.c_call("Pyrt_GetIter", [b.box(first)], m.DYN)
    fir = b.pb.func_irs[fi]
    args = []
    if fir.has_closure:
        args.append(b.expr("func_closure", [fobj.reg], m.DYN, rtype=PTR).reg)
    args.append(it.reg)
    r = b.temp(OBJ)
    b.add(ops.Call(r, fir, args))
    return V(r, b.type_of(node))


def transform_Lambda(b, node):
    from pyrite.build_ir.functions import make_function_object
    return make_function_object(b, b.inf.funcs[node])


def transform_JoinedStr(b, node):
    pieces = []
    for v in node.values:
        if isinstance(v, ast.Constant):
            pieces.append(b.lit(v.value))
        else:
            pieces.append(transform_expr(b, v))
    if len(pieces) == 1:
        return pieces[0]
    return b.vcall("PyrtStr_Build", [], pieces, m.STR, with_kwnames=False)


def transform_FormattedValue(b, node):
    v = transform_expr(b, node.value)
    conv = {115: "Pyrt_Str", 114: "Pyrt_Repr", 97: "Pyrt_Ascii"}.get(node.conversion)
    if conv is not None:
        v = b.c_call(conv, [b.box(v)], m.STR)
    if node.format_spec is not None:
        spec = transform_expr(b, node.format_spec)
        return b.c_call("Pyrt_Format", [b.box(v), b.box(spec)], m.STR)
    if v.t is m.STR:
        return v
    if v.reg.rtype is I64 and v.t is m.INT:
        return b.c_call("PyrtInt_Repr", [v.reg], m.STR)
    if v.reg.rtype is INT:
        return b.c_call("PyrtTagged_Repr", [v.reg], m.STR)
    if v.reg.rtype is F64:
        return b.c_call("PyrtFloat_Repr", [v.reg], m.STR)
    empty = b.lit("")
    return b.c_call("Pyrt_Format", [b.box(v), empty.reg], m.STR)


def transform_NamedExpr(b, node):
    v = transform_expr(b, node.value)
    store_name(b, node.target.id, v)
    return v


def handled_yield(b, op):
    """A yield inside except blocks of the generator parks its handled exception while suspended."""
    handled = [u for u in b.unwind if u.kind == "handled"]
    if handled:
        op.token = handled[0].data
        op.held = b.temp(PTR)
    return op


def transform_Yield(b, node):
    v = transform_expr(b, node.value) if node.value is not None else b.lit(None)
    r = b.temp(OBJ)
    b.add(handled_yield(b, ops.Yield(r, b.box(v))))
    b.fn.yield_count += 1
    return V(r, m.DYN)


def transform_YieldFrom(b, node):
    src = transform_expr(b, node.value)
    v = node.value
    if isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "__pyrite_await__":
        it = V(b.box(src), m.DYN)   # `await`: the iterator is what __pyrite_await__ returned (a coroutine)
    else:
        it = b.c_call("Pyrt_GetIter", [b.box(src)], m.DYN)
    sent = b.temp(OBJ)
    b.add(ops.Assign(sent, b.lit(None).reg))
    ret = b.temp(OBJ)
    loop, got, finished, done = b.new_block(), b.new_block(), b.new_block(), b.new_block()
    b.goto(loop)
    b.set_block(loop)
    v = b.temp(OBJ)
    # (out-parameters are written without releasing what the register held: in a generator, whose
    # temporaries live in its frame, an earlier run of this `yield from` in a loop left its value there)
    b.add(ops.Clear(ret))
    b.add(ops.CallC(v, "Pyrt_IterSend", [it.reg, sent, ("&", ret)], ops.ERR_NEVER))
    isnull = b.expr("is_null", [v], m.BOOL)
    b.branch(isnull.reg, finished, got)
    b.set_block(got)
    y = b.temp(OBJ)
    thrown = b.new_block()
    b.handlers.append(thrown)   # resumed with an exception: it goes to the subiterator first
    b.add(handled_yield(b, ops.Yield(y, v)))
    b.handlers.pop()
    b.fn.yield_count += 1
    b.add(ops.Assign(sent, y))
    b.goto(loop)
    b.set_block(thrown)
    v2, ret2 = b.temp(OBJ), b.temp(OBJ)
    rc = b.temp(I64)
    b.add(ops.Clear(v2))
    b.add(ops.Clear(ret2))
    b.add(ops.CallC(rc, "Pyrt_YieldFromThrow", [it.reg, ("&", v2), ("&", ret2)], ops.ERR_NEG))
    again, returned = b.new_block(), b.new_block()
    b.branch(b.expr("i64_is_one", [rc], m.BOOL).reg, again, returned)
    b.set_block(again)   # it yielded: yield that on
    b.add(ops.Assign(v, v2))
    b.goto(got)
    b.set_block(returned)   # it returned: the value of the yield from
    b.add(ops.Assign(ret, ret2))
    b.goto(done)
    b.set_block(finished)
    b.add(ops.ErrCheck())
    b.goto(done)
    b.set_block(done)
    return V(ret, m.DYN)


def transform_Starred(b, node):
    return transform_expr(b, node.value)


# ---------------------------------------------------------------------- attributes
def transform_Attribute(b, node):
    obj_t = b.type_of(node.value)
    if isinstance(obj_t, m.OptionalT) and isinstance(obj_t.inner, m.ModuleT) and not _is_builtin_module(obj_t.inner):
        b.add(ops.CheckNotNone(transform_expr(b, node.value).reg, node.attr))
        obj_t = obj_t.inner
    if isinstance(obj_t, m.ModuleT) and not _is_builtin_module(obj_t):
        mod = obj_t.module
        if mod.name + "." + node.attr in b.inf.modules and not package_rebinds(mod.src, node.attr):
            from pyrite.build_ir.statements import module_value
            return module_value(b, mod.name + "." + node.attr)
        if not (mod.binds(node.attr) or node.attr in mod.globals):
            # not a global it binds: what its module object holds at run time (re.I, which enum's
            # global_enum stores through sys.modules['re'].__dict__), else AttributeError
            from pyrite.build_ir.statements import module_value
            r = b.c_call("Pyrt_GetAttr", [module_value(b, mod.name).reg, b.const_obj(node.attr)], m.DYN)
            return b.coerce(r, b.type_of(node))
        return load_global(b, mod, node.attr)
    obj = transform_expr(b, node.value)
    return load_attr(b, obj, node.attr, b.type_of(node))


def _is_builtin_module(t):
    from pyrite.types.infos import BuiltinModule
    return isinstance(t.module, BuiltinModule)


def instance_class(t):
    if isinstance(t, m.InstanceT):
        return t.cls
    if isinstance(t, m.OptionalT) and isinstance(t.inner, m.InstanceT):
        return t.inner.cls
    return None


def load_attr(b, obj, name, t):
    cls = instance_class(obj.t)
    if cls is not None and cls.custom_getattribute():
        cls = None   # every access through __getattribute__
    if cls is not None:
        fi = cls.find_field(name)
        if fi is not None:
            cir = b.pb.class_irs[fi.owner]
            field = cir.field(name)
            r = b.temp(field.rtype)
            op = b.add(ops.GetField(r, obj.reg, cir, field))
            op.maybe_none = not isinstance(obj.t, m.InstanceT)
            op.always_set = name in b.pb.always_initialised(cls) and not b.in_init_of(cls)
            return b.coerce(V(r, m.resolved(fi.slot.get())), t)
        prop = cls.lookup_property(name)
        if prop is not None and not cls.method_rebound(name):
            from pyrite.build_ir.calls import direct_call
            if isinstance(obj.t, m.OptionalT):
                b.add(ops.CheckNotNone(obj.reg, name))
            return b.coerce(direct_call(b, prop[0], [obj], {}, None), t)
    r = b.c_call("Pyrt_GetAttrIC", [b.box(obj), b.const_obj(name), b.inline_cache()], m.DYN)
    return b.coerce(r, t)


def store_attr(b, obj, name, v):
    if isinstance(obj.t, m.OptionalT) and isinstance(obj.t.inner, m.ModuleT) and not _is_builtin_module(obj.t.inner):
        b.add(ops.CheckNotNone(obj.reg, name))
        store_global(b, obj.t.inner.module, name, v)
        return
    if isinstance(obj.t, m.ModuleT) and not _is_builtin_module(obj.t):
        store_global(b, obj.t.module, name, v)
        return
    cls = instance_class(obj.t)
    if cls is not None and cls.custom_setattr():
        cls = None   # every store through __setattr__
    if cls is not None:
        prop = cls.lookup_property(name)
        if prop is None:
            fi = cls.find_field(name)
            if fi is not None:
                cir = b.pb.class_irs[fi.owner]
                field = cir.field(name)
                val = b.coerce(v, m.resolved(fi.slot.get()))
                op = ops.SetField(obj.reg, cir, field, val.reg)
                if name in b.pb.always_initialised(cls) and not b.in_init_of(cls):
                    op.bit_set = True
                if isinstance(obj.t, m.OptionalT):
                    b.add(ops.CheckNotNone(obj.reg, name))
                b.add(op)
                return
    b.c_void("Pyrt_SetAttrIC", [b.box(obj), b.const_obj(name), b.box(v), b.inline_cache()])


# ---------------------------------------------------------------------- subscripts
def transform_Subscript(b, node):
    obj = transform_expr(b, node.value)
    t = b.type_of(node)
    if isinstance(t, m.ModuleT) and isinstance(node.value, ast.Attribute) and isinstance(node.value.value, ast.Name):
        from pyrite.types.infer import sys_modules_item
        name = sys_modules_item(node, b.type_of(node.value.value), b.inf.modules)
        if name is not None:
            # the object there must be the compiled module, whose attributes typed code reaches directly
            v = getitem(b, obj, transform_expr(b, node.slice), m.DYN)
            b.c_void("PyrtModule_Expect", [v.reg, b.pb.module_object(name)])
            from pyrite.build_ir.statements import module_value
            return module_value(b, name)
    if isinstance(node.slice, ast.Slice):
        typed = list_slice_parts(b, obj, node.slice)
        if typed is not None:
            return b.coerce(V(b.c_call("PyrtList_GetSliceOpt", [obj.reg] + typed, m.DYN).reg, obj.t), t)
        parts = slice_parts(b, node.slice)
        return b.coerce(b.c_call("Pyrt_GetSlice", [b.box(obj)] + parts, m.DYN), t)
    idx = transform_expr(b, node.slice)
    return b.coerce(getitem(b, obj, idx, t), t)


def list_slice_parts(b, obj, s):
    """Unboxed bounds for slicing a list when every given bound is an int: [start, stop, step, flags]
    for PyrtList_GetSliceOpt / SetSliceOpt; None otherwise (the generic path with a slice object)."""
    if not isinstance(obj.t, m.ListT):
        return None
    if any(p is not None and b.type_of(p) not in (m.INT, m.BOOL) for p in (s.lower, s.upper, s.step)):
        return None
    out, flags = [], 0
    for part, flag, default in ((s.lower, 1, "0"), (s.upper, 2, "0"), (s.step, 0, "1")):
        if part is None:
            flags |= flag
            out.append(default)
        else:
            out.append(b.as_i64(transform_expr(b, part)))
    return out + [str(flags)]


def slice_parts(b, s):
    out = []
    for part in (s.lower, s.upper, s.step):
        out.append(b.box(transform_expr(b, part)) if part is not None else "NULL")
    return out


def getitem(b, obj, idx, t):
    ot = obj.t
    if idx.t in (m.INT, m.BOOL):
        if isinstance(ot, m.ListT):
            kind = list_kind(ot)
            if kind == "PYRT_LIST_I64" and IntMode.exact:
                return b.c_call("pyrt_list_get_int", [obj.reg, b.as_i64(idx, index=True)], m.INT)
            if kind == "PYRT_LIST_I64":
                return b.checked("pyrt_list_get_i64", [obj.reg, b.as_i64(idx, index=True)], m.INT)
            if kind == "PYRT_LIST_F64":
                return b.checked("pyrt_list_get_f64", [obj.reg, b.as_i64(idx, index=True)], m.FLOAT)
            r = b.c_call("pyrt_list_get_borrowed", [obj.reg, b.as_i64(idx, index=True)], m.DYN, rtype=PTR)
            return V(r.reg, ot.elem.get())
        if ot is m.STR:
            return b.c_call("pyrt_str_getitem", [obj.reg, b.as_i64(idx, index=True)], m.STR)
        if isinstance(ot, (m.TupleT, m.TupleOfT)):
            return V(b.c_call("PyrtTuple_GetItem", [obj.reg, b.as_i64(idx, index=True)], m.DYN).reg, t)
    if isinstance(ot, m.DictT):
        return V(b.c_call("PyrtDict_GetItem", [obj.reg, b.box(idx)], m.DYN).reg, ot.value.get())
    return b.c_call("Pyrt_GetItem", [b.box(obj), b.box(idx)], m.DYN)


def store_subscript(b, target, v):
    obj = transform_expr(b, target.value)
    if isinstance(target.slice, ast.Slice):
        typed = list_slice_parts(b, obj, target.slice)
        if typed is not None:
            b.c_void("PyrtList_SetSliceOpt", [obj.reg] + typed + [b.box(v)])
            return
        parts = slice_parts(b, target.slice)
        b.c_void("Pyrt_SetSlice", [b.box(obj)] + parts + [b.box(v)])
        return
    idx = transform_expr(b, target.slice)
    setitem(b, obj, idx, v)


def setitem(b, obj, idx, v):
    if isinstance(obj.t, m.ListT) and idx.t in (m.INT, m.BOOL):
        if (v.reg.rtype in (F64, INT) or (v.reg.rtype is I64 and v.t is m.INT)) and obj.t.elem.get() in m.NUMERIC:
            # (the replaced item is a number: releasing it frees nothing a borrowed pointer could need)
            fn = {F64: "pyrt_list_set_f64", INT: "pyrt_list_set_int", I64: "pyrt_list_set_i64"}[v.reg.rtype]
            b.c_void(fn, [obj.reg, b.as_i64(idx, index=True), v.reg])
        elif v.reg.rtype in UNBOXED:   # a freshly boxed value: hand it over
            r = b.box(v)
            b.add(ops.CallC(None, "pyrt_list_set_steal", [obj.reg, b.as_i64(idx, index=True), r], ops.ERR_NEG,
                            moves=(2,)))
        else:
            b.c_void("pyrt_list_set", [obj.reg, b.as_i64(idx, index=True), b.box(v)])
    elif isinstance(obj.t, m.DictT):
        b.c_void("PyrtDict_SetItem", [obj.reg, b.box(idx), b.box(v)])
    else:
        b.c_void("Pyrt_SetItem", [b.box(obj), b.box(idx), b.box(v)])


def transform_Slice(b, node):
    parts = slice_parts(b, node)
    return b.c_call("PyrtSlice_New", parts, m.SLICE)


def transform_Call(b, node):
    from pyrite.build_ir.calls import transform_call
    return transform_call(b, node)
