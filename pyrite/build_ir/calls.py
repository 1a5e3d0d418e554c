"""Lowering of calls: direct calls of compiled functions and methods (arguments bound to parameters
at compile time), class instantiation, typed fast paths for hot builtins, and generic calls.

    f(1, y=2)         with f a known function   ->  Call pyf_f(1, 2, <default of z>)
    xs.append(v)      with xs: list             ->  PyrtList_Append(xs, v)
    obj.m(a)          with obj of unknown type  ->  Pyrt_CallMethod(obj, "m", [a])
"""
import ast

from pyrite.ir import ops
from pyrite.ir.rtypes import OBJ, INT, I64, F64, BOOL, PTR
from pyrite.types import model as m
from pyrite.build_ir.builder import V, rtype_of
from pyrite.build_ir import expressions as ex

MATH1 = {"sqrt", "exp", "log10", "log2", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
         "tanh", "fabs", "degrees", "radians", "expm1", "log1p", "erf", "erfc"}
MATH2 = {"atan2", "hypot", "pow", "fmod", "copysign"}


def transform_call(b, node):
    info = b.finfo.calls.get(node, ("dynamic",))
    t = b.type_of(node)
    kind = info[0]
    starred = any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords)
    if starred and kind in ("super", "super_builtin"):   # super().f(*args): the bound method, called
        meth = b.c_call("Pyrt_SuperGetAttr", ["(PyrtType *)" + b.pb.class_irs[info[1]].type_var.cname,
                                              b.box(self_value(b)), b.const_obj(node.func.attr)], m.DYN)
        return call_ex(b, meth, node, t)
    if starred:
        return generic_call(b, node, t)
    if isinstance(node.func, ast.Name) and node.func.id == "globals" and not node.args and not node.keywords \
            and ex.name_kind(b, "globals") == "global" and not b.mod.binds("globals"):
        # globals(): a snapshot dict of the module's globals (frontend/subset_check.py rejects writes)
        return b.coerce(b.c_call("PyrtModule_Globals", [b.pb.module_object(b.mod.name)], m.DYN), t)
    if isinstance(node.func, ast.Name) and node.func.id == "dir" and not node.args and not node.keywords \
            and b.finfo.kind == "module" and b.class_info is None and ex.name_kind(b, "dir") == "global" \
            and not b.mod.binds("dir"):
        # dir() in a module's top level: the sorted names of its globals (pickle's __all__)
        ns = b.c_call("PyrtModule_Globals", [b.pb.module_object(b.mod.name)], m.DYN)
        lst = b.c_call("PyrtList_FromIterable", [ns.reg], m.ListT(m.Slot(m.STR)))
        b.c_void("PyrtList_Sort", [lst.reg, "NULL", "0"])
        return b.coerce(lst, t)
    if kind == "func":
        return call_known_function(b, node, info[1], t)
    if kind == "class":
        args, kwargs = eval_args(b, node)
        return b.coerce(instantiate(b, info[1], args, kwargs, node), t)
    if kind == "method":
        return method_call(b, node, info[1], info[2], t)
    if kind == "callmethod":   # obj(args) with obj an instance of a class defining __call__
        recv = ex.transform_expr(b, node.func)
        args, kwargs = eval_args(b, node)
        return invoke_method(b, node, recv, "__call__", info[1], info[2], args, kwargs, t)
    if kind == "classcall":
        args, kwargs = eval_args(b, node)
        fi = info[2]
        if fi.kind == "classmethod":
            args = [class_object(b, info[1])] + args
        return b.coerce(direct_call(b, fi, args, kwargs, None, node), t)
    if kind == "super":
        args, kwargs = eval_args(b, node)
        fi = info[2]
        first = [] if fi.kind == "staticmethod" else [self_value(b)]
        return b.coerce(direct_call(b, fi, first + args, kwargs, None, node), t)
    if kind == "super_value":   # super() as a value: super(C, self)
        callee = b.c_call("Pyrt_GetBuiltin", [ex._cstr("super")], m.DYN, borrowed=True)
        return call_object(b, callee, [class_object(b, info[1]), self_value(b)], {}, t)
    if kind == "super_builtin":
        args, kwargs = eval_args(b, node)
        meth = b.c_call("Pyrt_SuperGetAttr", ["(PyrtType *)" + b.pb.class_irs[info[1]].type_var.cname,
                                              b.box(self_value(b)), b.const_obj(node.func.attr)], m.DYN)
        return call_object(b, meth, args, kwargs, t)
    if kind == "builtin":
        r = builtin_fast_path(b, node, info[1], t)
        if r is not None:
            return r
        args, kwargs = eval_args(b, node)
        callee = b.c_call("Pyrt_GetBuiltin", [ex._cstr(info[1])], m.DYN, borrowed=True)
        return call_object(b, callee, args, kwargs, t)
    if kind == "builtin_exc":
        args, kwargs = eval_args(b, node)
        return call_object(b, V(b.expr("builtin_type", [info[1]], m.DYN, rtype=PTR).reg,
                                m.DYN), args, kwargs, t)
    if kind == "modfunc":
        r = module_fast_path(b, node, info[1], info[2], t)
        if r is not None:
            return r
    if kind == "stubmethod":
        r = method_fast_path(b, node, info[1], info[2], t)
        if r is not None:
            return r
    return generic_call(b, node, t)


def eval_args(b, node):
    args = [ex.transform_expr(b, a) for a in node.args]
    kwargs = {k.arg: ex.transform_expr(b, k.value) for k in node.keywords}
    return args, kwargs


def self_value(b):
    name = b.finfo.params[0].name if b.finfo.params else None
    if name is None and b.finfo.parent is not None:
        name = b.finfo.parent.params[0].name
    return ex.load_name(b, name)


def class_object(b, ci):
    cir = b.pb.class_irs[ci]
    return V(b.expr("class_object", [cir.type_var.cname], m.DYN, rtype=PTR).reg, m.ClassT(ci))


# ---------------------------------------------------------------------- generic calls
def generic_call(b, node, t):
    if isinstance(node.func, ast.Attribute) and not isinstance(m.module_or_optional(b.type_of(node.func.value)), m.ModuleT):
        recv = ex.transform_expr(b, node.func.value)
        if _has_star(node):
            meth = b.c_call("Pyrt_GetAttr", [b.box(recv), b.const_obj(node.func.attr)], m.DYN)
            return call_ex(b, meth, node, t)
        args, kwargs = eval_args(b, node)
        return b.call_method(recv, node.func.attr, args + list(kwargs.values()), t, kwnames=list(kwargs) or None)
    callee = ex.transform_expr(b, node.func)
    if _has_star(node):
        return call_ex(b, callee, node, t)
    args, kwargs = eval_args(b, node)
    return call_object(b, callee, args, kwargs, t)


def _has_star(node):
    return any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords)


def call_object(b, callee, args, kwargs, t):
    return b.vcall("Pyrt_Call", [b.box(callee)], list(args) + list(kwargs.values()), t,
                   kwnames=list(kwargs) or None)


def call_ex(b, callee, node, t):
    """f(*a, **k): build the positional tuple and keyword dict, then Pyrt_CallEx."""
    lst = b.c_call("PyrtList_New", ["0"], m.DYN)
    for a in node.args:
        if isinstance(a, ast.Starred):
            b.c_void("PyrtList_Extend", [lst.reg, b.box(ex.transform_expr(b, a.value))])
        else:
            b.c_void("PyrtList_Append", [lst.reg, b.box(ex.transform_expr(b, a))])
    tup = b.c_call("PyrtTuple_FromIterable", [lst.reg], m.DYN)
    kw = "NULL"
    if node.keywords:
        d = b.c_call("PyrtDict_New", [], m.DYN)
        fn = b.box(callee)
        for k in node.keywords:
            v = b.box(ex.transform_expr(b, k.value))
            if k.arg is None:
                b.c_void("Pyrt_KwMerge", [d.reg, fn, v])
            else:
                b.c_void("Pyrt_KwAdd", [d.reg, fn, b.const_obj(k.arg), v])
        kw = d.reg
    return b.coerce(b.c_call("Pyrt_CallEx", [b.box(callee), tup.reg, kw], m.DYN), t)


# ---------------------------------------------------------------------- compiled functions
def call_known_function(b, node, fi, t):
    fir = b.pb.func_irs[fi]
    if bind_args(fi, list(node.args), {k.arg: k for k in node.keywords}) is None:
        return generic_call(b, node, t)   # the generic entry raises CPython's TypeError
    fobj = None
    if fir.has_closure or (not fir.default_vars and _needs_defaults_object(fi, node)):
        fobj = ex.transform_expr(b, node.func)
    elif isinstance(node.func, ast.Name) and not always_defined(b, node.func.id):
        # module-level function: still raise NameError if called before its def ran
        ex.check_name_defined(b, node.func.id)
    args, kwargs = eval_args(b, node)
    return b.coerce(direct_call(b, fi, args, kwargs, fobj, node), t)


def always_defined(b, name):
    """A global bound by a top-level def/class is certainly bound when a function body runs if no
    module statement before the last top-level def/class can run user code (calls only builtins,
    imports no user module)."""
    if b.finfo.kind == "module" or ex.name_kind(b, name) != "global":
        return False
    safe = getattr(b.mod, "defs_always_bound", None)
    if safe is None:
        safe = b.mod.defs_always_bound = _defs_always_bound(b.mod, b.inf)
    return name in safe


def _defs_always_bound(mod, inf):
    from pyrite.types.infos import BUILTIN_NAMES
    body = mod.src.tree.body
    tops = [i for i, s in enumerate(body) if isinstance(s, (ast.FunctionDef, ast.ClassDef))]
    if not tops:
        return set()
    for s in body[:tops[-1]]:
        if isinstance(s, (ast.FunctionDef, ast.ClassDef)):
            parts = s.decorator_list + (s.bases if isinstance(s, ast.ClassDef) else s.args.defaults)
            if isinstance(s, ast.ClassDef):
                parts += [x for x in s.body if not isinstance(x, ast.FunctionDef)]
        else:
            parts = [s]
        for p in parts:
            for n in ast.walk(p):
                if isinstance(n, ast.Call) and not (isinstance(n.func, ast.Name) and n.func.id in BUILTIN_NAMES
                                                    and not mod.binds(n.func.id)):
                    return set()
                if isinstance(n, (ast.Import, ast.ImportFrom)) and _imports_user_module(n, mod, inf):
                    return set()
    deleted = {t.id for n in ast.walk(mod.src.tree) if isinstance(n, ast.Delete)
               for t in n.targets if isinstance(t, ast.Name)}
    bound = {body[i].name for i in tops}
    for s in body[:tops[-1]]:
        # unconditional top-level bindings that run before any function body can
        if isinstance(s, ast.Assign):
            for t in s.targets:
                bound |= _target_names(t)
        elif isinstance(s, ast.AnnAssign) and s.value is not None:
            bound |= _target_names(s.target)
        elif isinstance(s, (ast.Import, ast.ImportFrom)) and not _imports_user_module(s, mod, inf):
            bound |= {a.asname or a.name.split(".")[0] for a in s.names}
    return bound - deleted


def _target_names(t):
    if isinstance(t, ast.Name):
        return {t.id}
    if isinstance(t, (ast.Tuple, ast.List)):
        out = set()
        for e in t.elts:
            out |= _target_names(e)
        return out
    return set()


def _imports_user_module(node, mod, inf):
    from pyrite.frontend.modules import resolve_relative
    if isinstance(node, ast.Import):
        return any(a.name.split(".")[0] in inf.modules for a in node.names)
    return resolve_relative(mod.src, node) in inf.modules


def _needs_defaults_object(fi, node):
    return any(p.default is not None for p in fi.params)


def bind_args(fi, args, kwargs):
    """Map call arguments to parameters: list per parameter of a V, ('default', i), ('star', [V]),
    ('starstar', {name: V}); None when the call does not fit (the runtime then raises TypeError)."""
    params = fi.params
    out = [None] * len(params)
    pos_idx = [i for i, p in enumerate(params) if p.kind in ("posonly", "pos")]
    star = next((i for i, p in enumerate(params) if p.kind == "star"), None)
    starstar = next((i for i, p in enumerate(params) if p.kind == "starstar"), None)
    for i, a in zip(pos_idx, args):
        out[i] = a
    extra = list(args[len(pos_idx):])
    if extra and star is None:
        return None
    if star is not None:
        out[star] = ("star", extra)
    kw_extra = {}
    for k, v in kwargs.items():
        idx = next((i for i, p in enumerate(params) if p.name == k and p.kind in ("pos", "kw")), None)
        if idx is None:
            if starstar is None:
                return None
            kw_extra[k] = v
        elif out[idx] is not None:
            return None
        else:
            out[idx] = v
    if starstar is not None:
        out[starstar] = ("starstar", kw_extra)
    for i, p in enumerate(params):
        if out[i] is None:
            if p.default is None:
                return None
            out[i] = ("default", i)
    return out


def direct_call(b, fi, args, kwargs, fobj, node=None, closure_recv=None):
    """Call fi's typed entry with already evaluated arguments. fobj: the function object (needed
    for closures and for defaults of nested functions), or None. node: the call, whose recorded
    target picks fi's instance for these argument types (monomorphisation)."""
    if node is not None:
        fi = b.finfo.targets.get((node, fi), fi)
    fir = b.pb.func_irs[fi]
    bound = bind_args(fi, args, kwargs)
    if bound is None:
        callee = fobj if fobj is not None else function_object_of(b, fi)
        return call_object(b, callee, args, kwargs, m.resolved(fi.ret.get()))
    cargs = []
    if fir.has_closure and fobj is None and fi.cls is not None:
        # a method of a class defined inside a function: its closure is on the function object
        # in the class namespace
        origin = fi.origin or fi
        cir = b.pb.class_irs[origin.cls]
        if fi.kind == "classmethod" and args:
            cls = b.box(args[0])
        else:
            cls = b.temp(OBJ)
            b.add(ops.LoadStatic(cls, cir.type_var, check=False))
        if fi.kind == "method" and args:
            recv = b.box(args[0])
        else:
            recv = b.box(closure_recv) if closure_recv is not None else "NULL"
        setter = any(p[1] is origin for p in origin.cls.properties.values())
        fobj = b.c_call("pyrt_method_function", [recv, cls, cir.fields_cname, ex._cstr(origin.name),
                                                 "1" if setter else "0"], m.DYN, rtype=PTR)
    if fir.has_closure:
        cargs.append(b.expr("func_closure", [fobj.reg], m.DYN, rtype=PTR).reg)
    for p, a, preg in zip(fi.params, bound, fir.py_params):
        pt = preg.pytype
        if isinstance(a, V):
            cargs.append(b.coerce(a, pt).reg)
        elif a[0] == "default":
            cargs.append(default_value(b, fi, a[1], fobj, pt).reg)
        elif a[0] == "star":
            tup = ex.transform_Tuple(b, ast.Tuple([], ast.Load())) if not a[1] else _tuple_of(b, a[1])
            cargs.append(tup.reg)
        else:
            d = b.c_call("PyrtDict_New", [], m.DYN)
            for k, v in a[1].items():
                b.c_void("PyrtDict_SetItem", [d.reg, b.const_obj(k), b.box(v)])
            cargs.append(d.reg)
    if fir.ret.name == "void":
        b.add(ops.Call(None, fir, cargs))
        return b.lit(None)
    r = b.temp(fir.ret)
    b.add(ops.Call(r, fir, cargs))
    rt = m.IterT(fi.yield_slot, "generator") if fi.is_generator else fi.ret.get()
    return V(r, rt)


def _tuple_of(b, values):
    items = [b.box(v) for v in values]
    tup = b.c_call("PyrtTuple_New", [str(len(items))], m.DYN)
    for i, it in enumerate(items):
        b.add(ops.CallC(None, "PyrtTuple_SetNew_Steal", [tup.reg, str(i), it], ops.ERR_NEVER, steals=(2,)))
    return tup


def default_value(b, fi, i, fobj, pt):
    fir = b.pb.func_irs[fi]
    g = fir.default_vars.get(i)
    if g is not None:
        r = b.temp(g.rtype)
        b.add(ops.LoadStatic(r, g, check=False))
        return b.coerce(V(r, pt), pt)
    # nested function: the defaults tuple of the function object
    p = fi.params[i]
    if p.kind == "kw":
        r = b.expr("func_kwdefault", [fobj.reg, ex._cstr(p.name)], m.DYN, rtype=PTR)
        return b.coerce(V(r.reg, m.DYN), pt)
    npos_def = [j for j, q in enumerate(fi.params) if q.kind in ("pos", "posonly") and q.default is not None]
    k = npos_def.index(i)
    r = b.expr("func_default", [fobj.reg, str(k)], m.DYN, rtype=PTR)
    return b.coerce(V(r.reg, m.DYN), pt)


def function_object_of(b, fi):
    g = b.pb.func_irs[fi].funcobj_var
    r = b.temp(OBJ)
    b.add(ops.LoadStatic(r, g, check=True))
    return V(r, m.DYN)


def instantiate(b, ci, args, kwargs, node=None):
    cir = b.pb.class_irs[ci]
    init = ci.lookup_method("__init__")
    tv = cir.type_var.cname
    if ci.is_exception():
        boxed = [b.box(a) for a in args]
        r = b.temp(OBJ)
        b.add(ops.CallVec(r, "pyrt_exc_new", ["(PyrtType *)" + tv], boxed, None, ops.ERR_NULL, False))
        obj = V(r, m.InstanceT(ci))
    else:
        # tracked by the cycle collector unless no field can hold an object (the runtime decides the same
        # from the field table: PYRT_TPFLAG_UNTRACKED)
        tracked = any(f.rtype.field_kind == "PYRT_FIELD_OBJ" for f in cir.all_fields()) or \
            ci.lookup_method("__del__") is not None
        obj = b.c_call("pyrt_new_instance", [tv, "sizeof(struct %s)" % cir.cname, "1" if tracked else "0"],
                       m.InstanceT(ci))
    if init is not None:
        r = direct_call(b, init, [obj] + list(args), kwargs, None, node)
        if r is not None and r.t is not m.NONE:   # __init__ may return something: TypeError as CPython
            b.c_void("pyrt_check_init_result", [b.box(r)])
    elif not ci.is_exception() and (args or kwargs):
        b.c_void("pyrt_err_no_init_args", [ex._cstr(ci.name)])
    return obj


def method_call(b, node, fi, overrides, t):
    recv = ex.transform_expr(b, node.func.value)
    args, kwargs = eval_args(b, node)
    return invoke_method(b, node, recv, node.func.attr, fi, overrides, args, kwargs, t)


def invoke_method(b, node, recv, name, fi, overrides, args, kwargs, t):
    """recv.name(args) resolved by inference to method fi (and the subclasses' overrides); node is the
    expression whose recorded targets pick the instances."""
    if overrides and isinstance(recv.t, (m.InstanceT, m.OptionalT)):
        return virtual_call(b, node, recv, name, fi, overrides, args, kwargs, t)
    if overrides or fi is None:
        return b.call_method(recv, name, args + list(kwargs.values()), t, kwnames=list(kwargs) or None)
    if isinstance(recv.t, m.OptionalT):
        b.add(ops.CheckNotNone(recv.reg, name))
        recv = V(recv.reg, recv.t.inner)
    return bound_call(b, fi, recv, args, kwargs, t, node)


def virtual_call(b, node, recv, name, fi, overrides, args, kwargs, t):
    """recv.m(args) where subclasses of recv's class override m: a switch on the receiver's exact
    class, each arm a direct typed call of the method that class resolves to; any other receiver
    (none in a whole program, but kept safe) takes the generic path.

        tp = recv->type
        if (tp == T_A || tp == T_C) r = pyf_A_m(recv, ...)  elif (tp == T_B) r = pyf_B_m(...)
        else r = Pyrt_CallMethod(recv, "m", ...)
    """
    if isinstance(recv.t, m.OptionalT):
        b.add(ops.CheckNotNone(recv.reg, name))
        recv = V(recv.reg, recv.t.inner)
    cls = recv.t.cls
    groups = {}
    for c in [cls] + list(cls.all_subclasses()):
        target = c.lookup_method(name)
        if target is not None and c in b.pb.class_irs:
            groups.setdefault(target, []).append(c)
    tp = b.expr("type_of", [recv.reg], m.DYN, rtype=PTR)
    result = b.temp(rtype_of(t))
    done = b.new_block()
    for target, classes in groups.items():
        yes, nxt = b.new_block(), b.new_block()
        for k, c in enumerate(classes):   # the receiver's exact type is one of these classes
            cobj = b.expr("class_object", [b.pb.class_irs[c].type_var.cname], m.DYN, rtype=PTR)
            other = nxt if k == len(classes) - 1 else b.new_block()
            b.branch(b.expr("is_same", [tp.reg, cobj.reg], m.BOOL).reg, yes, other)
            if other is not nxt:
                b.set_block(other)
        b.set_block(yes)
        b.add(ops.Assign(result, b.coerce(bound_call(b, target, recv, args, kwargs, t, node), t).reg))
        b.goto(done)
        b.set_block(nxt)
    r = b.call_method(recv, name, args + list(kwargs.values()), t, kwnames=list(kwargs) or None)
    b.add(ops.Assign(result, b.coerce(r, t).reg))
    b.goto(done)
    b.set_block(done)
    return V(result, t)


def bound_call(b, fi, recv, args, kwargs, t, node=None):
    """Direct call of method fi on an instance receiver."""
    if fi.kind == "staticmethod":
        return b.coerce(direct_call(b, fi, args, kwargs, None, node, closure_recv=recv), t)
    if fi.kind == "classmethod":
        cls = b.c_call("Pyrt_TypeOf", [b.box(recv)], m.DYN)
        return b.coerce(direct_call(b, fi, [cls] + args, kwargs, None, node), t)
    return b.coerce(direct_call(b, fi, [recv] + args, kwargs, None, node), t)


# ---------------------------------------------------------------------- typed fast paths
def builtin_fast_path(b, node, name, t):
    if name == "__import__" and not any(isinstance(a, ast.Starred) for a in node.args) \
            and all(k.arg is not None for k in node.keywords):
        # called directly (not through the builtins table): only programs that use it link it
        args, kwargs = eval_args(b, node)
        return b.vcall("Pyrt_builtin___import__", ["NULL"], args + list(kwargs.values()), t, kwnames=list(kwargs))
    if node.keywords:
        if name == "print":
            args, kwargs = eval_args(b, node)
            return b.vcall("Pyrt_builtin_print", ["NULL"], args + list(kwargs.values()), t,
                           kwnames=list(kwargs))
        return None
    if name == "__pyrite_posix__" and not any(isinstance(a, ast.Starred) for a in node.args):
        # called directly, not through the builtins table: a program that does not use os links none of
        # runtime/src/posixmod.c (naming chdir there switches wasi-libc's path lookups to a tracked cwd)
        args, _ = eval_args(b, node)
        return b.vcall("Pyrt_builtin___pyrite_posix__", ["NULL"], args, t)
    n = len(node.args)
    if name == "len" and n == 1:
        v = ex.transform_expr(b, node.args[0])
        for cls, fn in ((m.ListT, "list_len"), (m.TupleT, "tuple_len"), (m.TupleOfT, "tuple_len")):
            if isinstance(v.t, cls):
                return b.expr(fn, [v.reg], m.INT)
        if v.t is m.STR:
            return b.expr("str_len", [v.reg], m.INT)
        r = b.temp(I64)
        b.add(ops.CallC(r, "Pyrt_Len", [b.box(v)], ops.ERR_NEG))
        return V(r, m.INT)
    if name == "print":
        args = [ex.transform_expr(b, a) for a in node.args]
        return b.vcall("Pyrt_PrintStdout", [], args, t, with_kwnames=False)
    if name == "ord" and n == 1:
        v = ex.transform_expr(b, node.args[0])
        if v.t is m.STR:
            r = b.temp(I64)
            b.add(ops.CallC(r, "pyrt_str_ord", [v.reg], ops.ERR_FLAG))
            b.small.add(id(r))
            return V(r, m.INT)
    if name == "chr" and n == 1:
        v = ex.transform_expr(b, node.args[0])
        if v.t in (m.INT, m.BOOL):
            return b.c_call("pyrt_str_chr", [b.as_i64(v)], m.STR)
        return b.vcall("Pyrt_builtin_chr", ["NULL"], [v], t)
    if name == "isinstance" and n == 2:
        o = ex.transform_expr(b, node.args[0])
        c = ex.transform_expr(b, node.args[1])
        r = b.temp(BOOL)
        b.add(ops.CallC(r, "Pyrt_IsInstance", [b.box(o), b.box(c)], ops.ERR_NEG))
        return V(r, m.BOOL)
    if name in ("str", "repr") and n == 1:
        v = ex.transform_expr(b, node.args[0])
        if v.reg.rtype is I64 and v.t is m.INT:
            return b.c_call("PyrtInt_Repr", [v.reg], m.STR)
        if v.reg.rtype is INT:
            return b.c_call("PyrtTagged_Repr", [v.reg], m.STR)
        if v.reg.rtype is F64:
            return b.c_call("PyrtFloat_Repr", [v.reg], m.STR)
        if name == "str" and v.t is m.STR:
            return v
        return b.c_call("Pyrt_Str" if name == "str" else "Pyrt_Repr", [b.box(v)], m.STR)
    if name == "abs" and n == 1 and t is m.NUM:
        v = ex.transform_expr(b, node.args[0])
        if v.t is m.NUM:
            return b.checked("PyrtNum_Abs", [v.reg], m.NUM)
        return b.vcall("Pyrt_builtin_abs", ["NULL"], [v], t)
    if name == "abs" and n == 1 and t in (m.INT, m.FLOAT):
        v = ex.transform_expr(b, node.args[0])
        if t is m.FLOAT and v.t is m.FLOAT:
            return b.expr("f64_abs", [v.reg], m.FLOAT)
        if t is m.INT and v.t is m.INT and v.reg.rtype is INT:
            return b.c_call("pyrt_int_abs", [v.reg], m.INT)
        return b.vcall("Pyrt_builtin_abs", ["NULL"], [v], t)
    if name == "float" and n == 1 and t is m.FLOAT:
        v = ex.transform_expr(b, node.args[0])
        if v.t in (m.INT, m.BOOL, m.FLOAT, m.NUM):
            return b.coerce(v, m.FLOAT)
        return b.vcall("Pyrt_builtin_float_", ["NULL"], [v], t) if False else \
            call_object(b, V(b.expr("builtin_type", ["Float"], m.DYN, rtype=PTR).reg, m.DYN), [v], {}, t)
    if name == "int" and n == 1 and t is m.INT:
        v = ex.transform_expr(b, node.args[0])
        if v.t in (m.INT, m.BOOL):
            return b.coerce(v, m.INT)
        return call_object(b, V(b.expr("builtin_type", ["Int"], m.DYN, rtype=PTR).reg, m.DYN), [v], {}, t)
    return None


def module_fast_path(b, node, mod, name, t):
    if node.keywords:
        return None
    args = None
    if mod == "math" and (name in MATH1 or (name == "log" and len(node.args) == 1)) and len(node.args) == 1:
        x = b.as_f64(ex.transform_expr(b, node.args[0]))
        r = b.temp(F64)
        b.add(ops.CallC(r, "PyrtMath_Call1", ["PYRT_MATH_%s" % name.upper(), x], ops.ERR_FLAG))
        return b.coerce(V(r, m.FLOAT), t)
    if mod == "math" and name in MATH2 and len(node.args) == 2:
        x = b.as_f64(ex.transform_expr(b, node.args[0]))
        y = b.as_f64(ex.transform_expr(b, node.args[1]))
        r = b.temp(F64)
        b.add(ops.CallC(r, "PyrtMath_Call2", ["PYRT_MATH_%s" % name.upper(), x, y], ops.ERR_FLAG))
        return b.coerce(V(r, m.FLOAT), t)
    if mod == "time" and name in ("time", "perf_counter") and not node.args:
        return b.coerce(b.expr("time_time" if name == "time" else "time_perf_counter", [], m.FLOAT), t)
    del args
    modobj = b.c_call("Pyrt_GetModule", [ex._cstr(mod)], m.DYN, borrowed=True)
    args2, kwargs = eval_args(b, node)
    return b.vcall("Pyrt_CallMethod", [modobj.reg, b.const_obj(name)], args2, t)


def method_fast_path(b, node, tname, name, t):
    recv_t = b.type_of(node.func.value)
    n = len(node.args)
    if node.keywords:
        return None
    if tname == "list" and name == "append" and n == 1:
        recv = ex.transform_expr(b, node.func.value)
        v = ex.transform_expr(b, node.args[0])
        if isinstance(recv_t, m.ListT):
            ex.list_append(b, V(recv.reg, recv_t), v)
        else:
            b.c_void("PyrtList_Append", [recv.reg, b.box(v)])
        return b.lit(None)
    if tname == "file" and name == "write" and n == 1 and recv_t is m.FILE:
        recv = ex.transform_expr(b, node.func.value)
        v = ex.transform_expr(b, node.args[0])
        return b.coerce(b.c_call("PyrtFile_Write", [recv.reg, b.box(v)], m.INT), t)
    if tname == "list" and name == "pop" and n <= 1 and isinstance(recv_t, m.ListT):
        recv = ex.transform_expr(b, node.func.value)
        i = b.as_i64(ex.transform_expr(b, node.args[0])) if n else "-1"
        return b.coerce(V(b.c_call("PyrtList_Pop", [recv.reg, i], m.DYN).reg, recv_t.elem.get()), t)
    return None
