"""Program-level lowering: IR shells for every function, class layouts, module globals, function and
class objects created where `def`/`class` execute, and the module initialisation functions."""
import ast

from pyrite import primitives
from pyrite.codegen import c_names as cn
from pyrite.diagnostics import CompileError, error_at
from pyrite.ir import ops
from pyrite.ir.function import ArgSpecIR, ClassIR, FieldIR, FuncIR, GlobalVar, ModuleIR, ProgramIR
from pyrite.ir.rtypes import OBJ, I64, F64, BOOL, PTR, VOID
from pyrite.types import model as m
from pyrite.types.infos import bases_first, decorator_kind
from pyrite.types.infer import SUBCLASSABLE_BUILTINS, class_annotations, function_annotations, \
    future_annotations
from pyrite.build_ir.builder import Builder, V, rtype_of
from pyrite.build_ir import expressions as ex
from pyrite.build_ir import statements as st


class ProgramBuilder:
    def __init__(self, inf):
        self.inf = inf
        self.names = cn.NameGen()
        self.prog = ProgramIR()
        self.func_irs = {}
        self.class_irs = {}
        self.gvars = {}
        self.mod_irs = {}
        self.errors = []

    def unsupported(self, mod, node, what):
        self.errors.append(error_at(mod.src.display_path, node,
                                    "%s is not supported by pyrite yet (see docs/subset.md)" % what))

    # ------------------------------------------------------------------ shells
    def build(self):
        for mod in self.inf.modules.values():
            mir = ModuleIR(mod.name, mod.src.display_path)
            mir.binding_order = binding_order(mod.src.tree)
            mir.stdlib = bool(mod.src.stdlib)
            mir.init_cname = self.names.make(cn.MODINIT, mod.name)
            mir.done_cname = self.names.make(cn.MODDONE, mod.name)
            self.mod_irs[mod.name] = mir
            self.prog.modules.append(mir)
        self.prog.main = self.mod_irs[self.inf.program.main.name]
        for ci in bases_first(self.inf.all_classes):
            self.class_irs[ci] = self.make_class_ir(ci)
        for fi in self.inf.all_funcs:
            self.func_irs[fi] = self.make_func_ir(fi)
        if self.inf.uses_dynamic_import:   # every module registers itself (codegen/emit_module.py)
            self.prog.dynamic_import = True
            for mod in self.inf.modules.values():
                self.module_object(mod.name)
        for mod in self.inf.modules.values():
            self.build_module_init(mod)
        for fi in self.inf.all_funcs:
            self.build_function(fi)
        for fir in self.func_irs.values():
            if fir.self_check is not None and not _uses_self_layout(fir):
                fir.self_check = None
        if self.errors:
            raise CompileError(self.errors)
        mark_recursive(list(self.func_irs.values()))
        mark_global_writes(list(self.func_irs.values()))
        if self.inf.program.exports is not None:
            self.prog.exports = self.ext_exports()
            self.prog.module_doc = ast.get_docstring(self.inf.program.main.tree, clean=False)
        return self.prog

    def ext_exports(self):
        """What the extension module exposes: exported defs with their function object, signature text,
        docstring and typed instance (frontend/exports.py); other names as values read at import."""
        from pyrite.frontend.exports import SIGNATURES_FUNC
        from pyrite.ir.function import ExtExport
        program = self.inf.program
        main = self.inf.modules[program.main.name]
        self.module_object(main.name)
        tops = {fi.name: fi for fi in self.inf.all_funcs
                if fi.module is main and fi.parent is None and fi.cls is None and fi.origin is None
                and isinstance(fi.node, ast.FunctionDef) and fi.node in main.src.tree.body}
        sig_fi = tops.get(SIGNATURES_FUNC)
        out = []
        for name in program.exports:
            fi = tops.get(name)
            slot = main.globals.get(name)
            t = m.resolved(slot.get()) if slot is not None else None
            if fi is None or not (isinstance(t, m.FuncT) and t.func is fi) or fi.node.decorator_list:
                out.append(ExtExport(name))
                continue
            typed = []   # [(instance FuncIR, scalar kind per parameter)] in the order of the signature calls
            if sig_fi is not None:
                for (node, f), inst in sorted(sig_fi.targets.items(), key=lambda kv: kv[0][0].lineno * 1000
                                              + kv[0][0].col_offset):
                    if f is not fi or inst is fi or inst not in self.func_irs:
                        continue
                    kinds = [_scalar_kind(m.resolved(p.slot.get())) for p in inst.params]
                    fir = self.func_irs[inst]
                    if None not in kinds and all(fir is not t for t, _ in typed):
                        typed.append((fir, kinds))
            out.append(ExtExport(name, self.func_irs[fi], self.global_var(main, name), text_signature(fi.node),
                                 _raw_docstring(fi.node), typed))
        return out

    def module_object(self, modname):
        """The C address of the PyrtModuleDef of a compiled module's object (emitted for modules
        used as values)."""
        mir = self.mod_irs[modname]
        if mir.object_cname is None:
            mir.object_cname = self.names.make(cn.GLOBAL, modname, "__module_def__")
        return "&" + mir.object_cname

    def module_init_name(self, modname):
        return self.mod_irs[modname].init_cname

    def global_var(self, mod, name):
        key = (mod.name, name)
        g = self.gvars.get(key)
        if g is None:
            slot = mod.globals.setdefault(name, m.Slot())
            t = m.resolved(slot.get())
            g = GlobalVar(self.names.make(cn.GLOBAL, mod.name, name), rtype_of(t), name, mod.name,
                          dynamic=t is m.DYN)
            g.named = True
            g.finalizable = _may_reach_finalizer(t)
            self.gvars[key] = g
            self.mod_irs[mod.name].globals.append(g)
        return g

    def always_initialised(self, ci):
        cache = self.__dict__.setdefault("_always", {})
        if ci not in cache:
            cache[ci] = always_initialised(ci, self.inf)
        return cache[ci]

    def free_index(self, fi, name):
        return sorted(fi.scope.frees).index(name)

    def make_class_ir(self, ci):
        base = self.class_irs.get(ci.base) if ci.base else None
        builtin = ("PyrtType_" + ci.builtin_base) if ci.builtin_base else None
        cir = ClassIR(ci.name, self.names.make(cn.CLASS, ci.module.name, ci.name), ci.module.name,
                      base, builtin)
        cir.is_exception = ci.is_exception()
        nbits = sum(1 for f in base.all_fields() if f.bit is not None) if base else 0
        for name in sorted(ci.fields):
            t = m.resolved(ci.fields[name].slot.get())
            rt = rtype_of(t)
            bit = None
            if rt is not OBJ:
                if nbits >= 64:
                    rt = OBJ
                else:
                    bit = nbits
                    nbits += 1
            cir.own_fields.append(FieldIR(name, cn.FIELD + name, rt, bit))
        cir.type_var = GlobalVar(self.names.make(cn.CLASS_TYPE, ci.module.name, ci.name), OBJ, ci.name,
                                 ci.module.name)
        cir.fields_cname = cir.cname + "_fields"
        cir.release_cname = cir.cname + "_release"
        self.mod_irs[ci.module.name].classes.append(cir)
        return cir

    def make_func_ir(self, fi):
        fir = FuncIR(fi.name, self.names.make(cn.FUNC, fi.module.name, fi.qualname), fi.qualname,
                     fi.module.src.display_path)
        fir.generic_cname = self.names.make(cn.GENERIC, fi.module.name, fi.qualname)
        fir.module_name = fi.module.name
        fir.line = getattr(fi.node, "lineno", 1)
        fir.is_generator = fi.is_generator
        fir.coroutine = fi.coroutine
        fir.has_closure = bool(fi.scope.frees)
        if fir.has_closure:
            fir.closure_reg = ops.Register("closure", PTR)
            fir.params.append(fir.closure_reg)
        fir.py_params = []
        for p in fi.params:
            t = m.resolved(p.slot.get())
            r = ops.Register("p_" + p.name.replace(".", "_"), rtype_of(t), is_local=True)
            r.pytype, r.pyname = t, p.name
            fir.py_params.append(r)
            fir.params.append(r)
            fir.registers.append(r)
        if fi.kind == "method" and fir.py_params and isinstance(fir.py_params[0].pytype, m.InstanceT):
            sc = fir.py_params[0].pytype.cls
            if _one_class_object(self, sc):
                fir.self_check = (self.class_irs[sc].type_var, sc.name)
        for k, r in enumerate(fir.py_params):
            if k > 0 or fi.kind != "method":
                c = r.pytype.cls if isinstance(r.pytype, m.InstanceT) else None
                if c is not None and _one_class_object(self, c):
                    fir.param_checks = fir.param_checks or {}
                    fir.param_checks[k] = (self.class_irs[c].type_var, c.name)
        ret = m.resolved(fi.ret.get())
        if fi.is_generator:
            fir.ret = OBJ
        elif ret is m.NONE:
            fir.ret = VOID
        else:
            fir.ret = rtype_of(ret)
        if fi.origin is not None:   # an instance shares its function's defaults and function object
            origin = self.func_irs[fi.origin]
            fir.default_vars, fir.funcobj_var = origin.default_vars, origin.funcobj_var
            fir.argspec = origin.argspec
            self.mod_irs[fi.module.name].functions.append(fir)
            return fir
        fir.default_vars = {}
        # defaults live in C statics only for defs that run once (module or class body level);
        # other functions keep them in their function object
        top = fi.module.src.tree.body
        runs_once = fi.node in top or (fi.cls is not None and fi.cls.node in top)
        if fi.parent is None and runs_once:
            for i, (p, r) in enumerate(zip(fi.params, fir.py_params)):
                if p.default is not None:
                    fir.default_vars[i] = GlobalVar(self.names.make(cn.DEFAULT, fi.module.name, fi.qualname, p.name),
                                                    r.rtype, p.name, fi.module.name)
                    self.mod_irs[fi.module.name].globals.append(fir.default_vars[i])
            fir.funcobj_var = GlobalVar(self.names.make(cn.FUNCOBJ, fi.module.name, fi.qualname), OBJ,
                                        fi.qualname, fi.module.name)
            self.mod_irs[fi.module.name].globals.append(fir.funcobj_var)
        else:
            fir.funcobj_var = None
        fir.argspec = make_argspec(fi)
        self.mod_irs[fi.module.name].functions.append(fir)
        return fir

    # ------------------------------------------------------------------ bodies
    def build_module_init(self, mod):
        mir = self.mod_irs[mod.name]
        fir = FuncIR("<module>", mir.init_cname, "<module>", mod.src.display_path)
        fir.ret = VOID
        fir.py_params = []
        fir.is_module_init = True
        fir.module_name = mod.name
        fir.done_cname = mir.done_cname
        mir.init = fir
        b = Builder(self, mod.body, fir)
        self._begin(b, fir)
        name = b.lit(mod.name)
        ex.store_global(b, mod, "__name__", name)
        ex.store_global(b, mod, "__doc__", b.lit(ast.get_docstring(mod.src.tree, clean=False)))
        if self.inf.uses_sys_modules:   # in sys.modules before its body runs, as CPython
            b.c_void("PyrtSys_AddModule", [self.module_object(mod.name)])
        st.transform_block(b, mod.src.tree.body)
        parent, _, short = mod.name.rpartition(".")
        if parent in self.inf.modules and not b.cur.terminated \
                and short not in self.inf.modules[parent].globals:   # (then an attribute of its package,
            # unless the package binds that name itself: `from . import _parser` in re does, typed)
            b.c_void("PyrtModule_SetSubmodule", [self.module_object(parent), self.module_object(mod.name)])
        b.goto_return_none()

    def build_function(self, fi):
        fir = self.func_irs[fi]
        b = Builder(self, fi, fir)
        self._begin(b, fir)
        for p, r in zip(fi.params, fir.py_params):
            b.locals[p.name] = r
        for name in sorted(fi.scope.cells):
            init = b.box(V(b.locals[name], b.locals[name].pytype)) if name in b.locals else "NULL"
            cell = b.c_call("PyrtCell_New", [init], m.DYN)
            b.cells[name] = cell.reg
        node = fi.node
        if isinstance(node, ast.Lambda):
            if b.fn.is_generator:   # lambda: (yield x): a generator whose return value is the expression's
                st.transform_Return(b, ast.Return(value=node.body))
                return
            v = ex.transform_expr(b, node.body)
            b.add(ops.Return(b.coerce(v, m.resolved(fi.ret.get())).reg if fir.ret is not VOID else None))
            return
        if isinstance(node, ast.GeneratorExp):
            build_genexp_body(b, node)
            b.add(ops.Return(None))
            return
        st.transform_block(b, node.body)
        b.goto_return_none()

    def _begin(self, b, fir):
        fir.error_exit = fir.new_block()
        fir.error_exit.is_error_exit = True
        entry = fir.new_block()
        fir.entry = entry
        b.set_block(entry)


def _goto_return_none(self):
    if self.cur.terminated:
        return
    if self.fn.ret is VOID or self.fn.is_generator:
        self.add(ops.Return(None))
    else:
        v = self.coerce(self.lit(None), m.resolved(self.finfo.ret.get()))
        self.add(ops.Return(v.reg))


Builder.goto_return_none = _goto_return_none


def build_genexp_body(b, node):
    gens = node.generators
    first = V(b.locals[".0"], m.DYN)
    done = b.new_block()
    holder = [None]

    def body():
        for cond in gens[0].ifs:
            ok = b.new_block()
            ex.cond_branch(b, cond, ok, holder[0])
            b.set_block(ok)

        def inner():
            v = ex.transform_expr(b, node.elt)
            r = b.temp(OBJ)
            b.add(ops.Yield(r, b.box(v)))
            b.fn.yield_count += 1
        st.comprehension_loops(b, gens[1:], inner)
    # the first iterable is already an iterator (the '.0' parameter)
    st.iterator_loop(b, first.reg, gens[0].target, m.resolved(b.finfo.types.get(gens[0].target, m.DYN)),
                     body, done, holder)
    b.set_block(done)


def mark_recursive(funcs):
    """fir.recursive: the function is on a cycle of direct calls, so its typed entry counts depth
    for RecursionError (calls through generic entries are counted there)."""
    edges = {id(f): set() for f in funcs}
    for f in funcs:
        for b in f.blocks:
            for op in b.ops:
                if isinstance(op, ops.Call):
                    edges[id(f)].add(id(op.func))
    index, low, on_stack, stack, counter = {}, {}, set(), [], [0]
    in_cycle = set()

    def strong(v):   # Tarjan, iterative enough for program-sized graphs
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in edges.get(v, ()):
                in_cycle.update(comp)
    import sys
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for f in funcs:
        if id(f) not in index:
            strong(id(f))
    for f in funcs:
        f.recursive = id(f) in in_cycle


def _one_class_object(pb, ci):
    """A class whose one class object the generic entries can check instances against: not made by
    a class statement in a function (each call makes another) nor at run time."""
    return ci in pb.class_irs and not ci.runtime_base and "<locals>" not in ci.qualname


def _uses_self_layout(fir):
    """Whether a method's typed body relies on self being an instance of its class (reads or writes a
    compiled field, calls a method through the class's layout, passes self on as that type). When it
    does not (self only used dynamically: enum's `_generate_next_value_(name, ...)`, called through
    the class with a str), the generic entry runs it on any object, as CPython does."""
    self_reg = fir.py_params[0]
    for blk in fir.blocks:
        for op in blk.ops:
            if self_reg not in op.sources():
                continue
            if isinstance(op, (ops.Clear, ops.Return, ops.Box, ops.CheckNotNone, ops.CheckBound)):
                continue
            if isinstance(op, (ops.CallC, ops.CallVec)) and op.fn.startswith("Pyrt"):
                continue   # the runtime's API: dynamic on any object
            if isinstance(op, ops.Call):   # a compiled function taking it as a dynamic value
                params = op.func.params
                if all(params[i].pytype is m.DYN for i, a in enumerate(op.args) if a is self_reg):
                    continue
            return True
    return False


def always_initialised(ci, inf):
    """Fields every instance of ci (or of a subclass) has from the end of its __init__'s leading
    `self.x = <expr not using self>` statements on: reads of them need no 'is it set' check."""
    if getattr(inf, "_has_attr_deletes", None) is None:
        inf._has_attr_deletes = _has_attr_deletes(inf)
    if inf._has_attr_deletes:
        return set()
    result = None
    for c in [ci] + list(ci.all_subclasses()):
        f = _init_fields(c)
        result = f if result is None else result & f
    return result or set()


def _has_attr_deletes(inf):
    for mod in inf.modules.values():
        for n in ast.walk(mod.src.tree):
            if isinstance(n, ast.Delete) and any(isinstance(t, ast.Attribute) for t in n.targets):
                return True
            if isinstance(n, ast.Name) and n.id in ("delattr", "setattr"):
                return True
    return False


def _init_fields(c):
    init = c.lookup_method("__init__")
    if init is None or not init.params or init.is_generator:
        return set()
    me = init.params[0].name
    uses_self = lambda node: any(isinstance(n, ast.Name) and n.id == me for n in ast.walk(node))
    fields = set()
    for i, stmt in enumerate(init.node.body):
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue
        if i == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            call = stmt.value
            f = call.func
            if isinstance(f, ast.Attribute) and f.attr == "__init__" and isinstance(f.value, ast.Call) \
                    and isinstance(f.value.func, ast.Name) and f.value.func.id == "super" \
                    and not any(uses_self(a) for a in call.args + [k.value for k in call.keywords]):
                if any(len(k.bases) > 1 for k in list(c.mro()) + list(c.all_subclasses())):
                    break   # super() follows the MRO of the instance's class: not followed here
                base = init.cls.base if init.cls is not None else None
                fields |= _init_fields(base) if base is not None else set()
                continue
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if len(targets) == 1 and isinstance(targets[0], ast.Attribute) \
                    and isinstance(targets[0].value, ast.Name) and targets[0].value.id == me \
                    and not uses_self(stmt.value):
                fields.add(targets[0].attr)
                continue
        break
    return fields


def _may_fall_back(op):
    """A GetField whose slow path (generic lookup: a property may run code) can be taken."""
    return op.maybe_none or not op.always_set


def mark_global_writes(funcs):
    """fir.global_writes: the module globals a call of the function may store to or delete (None:
    unknown, it may run arbitrary code). Used by borrow_temps to pass globals to calls unowned."""
    direct, callees, unknown = {}, {}, set()
    for f in funcs:
        w, c = set(), set()
        for b in f.blocks:
            for op in b.ops:
                if isinstance(op, (ops.StoreStatic, ops.DelStatic)):
                    w.add(id(op.gvar))
                elif isinstance(op, ops.Call):
                    c.add(id(op.func))
                elif isinstance(op, ops.CallVec) or (isinstance(op, ops.CallC) and primitives.may_run_user_code(op.fn)) \
                        or isinstance(op, ops.Yield) or (isinstance(op, ops.GetField) and _may_fall_back(op)):
                    unknown.add(id(f))
        direct[id(f)], callees[id(f)] = w, c
    changed = True
    while changed:
        changed = False
        for f in funcs:
            k = id(f)
            if k in unknown:
                continue
            for c in callees[k]:
                if c in unknown or c not in direct:
                    unknown.add(k)
                    changed = True
                    break
                if not direct[c] <= direct[k]:
                    direct[k] |= direct[c]
                    changed = True
    for f in funcs:
        f.global_writes = None if id(f) in unknown else direct[id(f)]


def make_argspec(fi):
    names = [p.name for p in fi.params if p.kind in ("posonly", "pos")]
    kwonly = [p.name for p in fi.params if p.kind == "kw"]
    ndef = sum(1 for p in fi.params if p.kind in ("posonly", "pos") and p.default is not None)
    return ArgSpecIR(names + kwonly, len(names), sum(1 for p in fi.params if p.kind == "posonly"),
                     len(kwonly), any(p.kind == "star" for p in fi.params),
                     any(p.kind == "starstar" for p in fi.params), ndef,
                     [p.name for p in fi.params if p.kind == "kw" and p.default is not None])


# ---------------------------------------------------------------------- def and class statements
def make_function_object(b, fi):
    fir = b.pb.func_irs[fi]
    defaults = []
    kwdefaults = []
    for i, p in enumerate(fi.params):
        if p.default is None:
            continue
        v = ex.transform_expr(b, p.default)
        g = fir.default_vars.get(i)
        if g is not None:
            b.add(ops.StoreStatic(g, b.coerce(v, fir.py_params[i].pytype).reg))
        if p.kind == "kw":
            kwdefaults.append((p.name, b.box(v)))
        else:
            defaults.append(b.box(v))
    dtuple = "NULL"
    if defaults:
        t = b.c_call("PyrtTuple_New", [str(len(defaults))], m.DYN)
        for k, d in enumerate(defaults):
            b.add(ops.CallC(None, "PyrtTuple_SetNew_Steal", [t.reg, str(k), d], ops.ERR_NEVER, steals=(2,)))
        dtuple = t.reg
    kwd = "NULL"
    if kwdefaults:
        d = b.c_call("PyrtDict_New", [], m.DYN)
        for name, v in kwdefaults:
            b.c_void("PyrtDict_SetItem", [d.reg, b.const_obj(name), v])
        kwd = d.reg
    closure = "NULL"
    frees = sorted(fi.scope.frees)
    if frees:
        t = b.c_call("PyrtTuple_New", [str(len(frees))], m.DYN)
        for k, name in enumerate(frees):
            if name in b.cells:
                cell = b.cells[name]
            else:
                cell = ex.free_cell(b, name)
            b.add(ops.CallC(None, "PyrtTuple_SetNew_Steal", [t.reg, str(k), cell], ops.ERR_NEVER, steals=(2,)))
        closure = t.reg
    modname = fi.module.name
    doc = ast.get_docstring(fi.node, clean=False) if isinstance(fi.node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
    # __code__: where the def is (co_filename, co_firstlineno: the first decorator's line); the program's
    # own files as tracebacks name them (as given: its build does not depend on where it is)
    src = fi.module.src
    line = min([fi.node.lineno] + [d.lineno for d in getattr(fi.node, "decorator_list", [])])
    fobj = b.c_call("PyrtFunction_NewAt", [fir.generic_cname, ex._cstr(fi.name), ex._cstr(fi.qualname),
                                           ex._cstr(modname), ex._cstr(doc) if doc is not None else "NULL",
                                           closure, dtuple, kwd, "NULL", ex._cstr(src.display_path),
                                           str(line)], m.FuncT(fi))
    anns = function_annotations(fi.node)
    if anns:   # f.__annotations__, evaluated when the def runs (strings under `from __future__ import annotations`)
        future = future_annotations(fi.module.src.tree)
        d = b.c_call("PyrtDict_New", [], m.DYN)
        for name, a in anns:
            v = b.const_obj(ast.unparse(a)) if future else b.box(ex.transform_expr(b, a))
            b.c_void("PyrtDict_SetItemStr", [d.reg, ex._cstr(name), v])
        b.c_void("Pyrt_SetAttr", [fobj.reg, b.const_obj("__annotations__"), d.reg])
    if fir.funcobj_var is not None:
        b.add(ops.StoreStatic(fir.funcobj_var, fobj.reg))
    return fobj


def define_function(b, node):
    fi = b.inf.funcs[node]
    fobj = make_function_object(b, fi)
    val = apply_decorators(b, node, fobj) if fi.decorated else fobj
    ex.store_name(b, node.name, val)


def apply_decorators(b, node, fobj):
    from pyrite.build_ir.calls import call_object
    decos = [ex.transform_expr(b, d) for d in node.decorator_list]
    v = fobj
    for d in reversed(decos):
        v = call_object(b, d, [v], {}, m.DYN)
    return v


def define_class(b, node):
    from pyrite.build_ir.calls import call_object
    ci = b.inf.classes[node]
    cir = b.pb.class_irs[ci]
    decos = [ex.transform_expr(b, dn) for dn in node.decorator_list]   # evaluated before the body
    if ci.runtime_base:
        return define_runtime_class(b, node, ci, cir, decos)
    items = []
    for kind, *rest in ci.base_order:
        if kind == "class":
            items.append("(PyrtType *)" + b.pb.class_irs[rest[0]].type_var.cname)
        elif kind == "builtin":
            items.append("&PyrtType_" + rest[0])
        elif kind == "type":
            items.append("&PyrtType_Type")
        elif kind == "btype":
            items.append("&PyrtType_" + rest[0])
        else:
            items.append("&PyrtType_Object")
    meta_path = ci.meta is not None or bool(node.keywords)
    if meta_path:
        # class C(..., metaclass=M, **kw): the most derived metaclass, then the namespace its
        # __prepare__ makes (enum's _EnumDict sees every store of the body), before the body runs
        bt = b.c_call("pyrt_class_bases", [str(len(items)), "(PyrtType *const []){%s}" % ", ".join(items)
                                             if items else "NULL"], m.DYN)
        meta_kw = [k for k in node.keywords if k.arg == "metaclass"]
        meta = b.box(ex.transform_expr(b, meta_kw[0].value)) if meta_kw else "NULL"
        kwargs = {k.arg: ex.transform_expr(b, k.value) for k in node.keywords if k.arg != "metaclass"}
        mobj = b.c_call("PyrtClass_Meta", [meta, bt.reg], m.DYN)
        kwd = b.c_call("PyrtDict_New", [], m.DYN)
        for k, v in kwargs.items():
            b.c_void("PyrtDict_SetItemStr", [kwd.reg, ex._cstr(k), b.box(v)])
        d = b.c_call("PyrtClass_Prepare", [mobj.reg, b.const_obj(ci.name), bt.reg, kwd.reg], m.DYN)
        b.c_void("PyrtClass_NsSet", [d.reg, ex._cstr("__module__"), b.const_obj(ci.module.name)])
        b.c_void("PyrtClass_NsSet", [d.reg, ex._cstr("__qualname__"), b.const_obj(ci.qualname)])
        doc = ast.get_docstring(ci.node, clean=False)
        if doc is not None:
            b.c_void("PyrtClass_NsSet", [d.reg, ex._cstr("__doc__"), b.const_obj(doc)])
    else:
        d = b.c_call("PyrtDict_New", [], m.DYN)
        # (C.__dict__['__module__'], as CPython: enum's _simple_enum copies it into the class it makes)
        b.c_void("PyrtDict_SetItemStr", [d.reg, ex._cstr("__module__"), b.const_obj(ci.module.name)])
    saved = (b.class_dict, b.class_info, getattr(b, "class_bound", set()), b.class_ns_generic)
    b.class_dict, b.class_info, b.class_bound = d.reg, ci, b.mod.scopes[node].bound
    b.class_ns_generic = meta_path
    if class_annotations(node):
        b.c_void("pyrt_class_setup_annotations", [d.reg])
    for stmt in node.body:
        b.line = stmt.lineno
        if isinstance(stmt, ast.FunctionDef):
            define_method(b, ci, stmt, d.reg)
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue
        else:
            st.transform_stmt(b, stmt)
    b.class_dict, b.class_info, b.class_bound, b.class_ns_generic = saved
    if cir.base is not None:
        base = "(PyrtType *)" + cir.base.type_var.cname
    elif cir.builtin_base:
        base = "&" + cir.builtin_base
    elif ci.type_base:
        base = "&PyrtType_Type"
    elif ci.builtin_type_base:
        base = "&PyrtType_" + SUBCLASSABLE_BUILTINS[ci.builtin_type_base]
    else:
        base = "&PyrtType_Object"
    if meta_path:
        # M(name, bases, namespace, **kw); type.__new__ lays the class out as compiled
        # (PyrtClass_SetSpec) and the result is checked
        b.c_void("PyrtClass_SetSpec", [base, "sizeof(struct %s)" % cir.cname, cir.fields_cname])
        r = call_object(b, mobj, [V(b.const_obj(ci.name), m.STR), bt, d], kwargs, m.DYN)
        t = b.c_call("PyrtClass_CheckSpec", [b.box(r), cir.fields_cname, ex._cstr(ci.name)], m.ClassT(ci),
                     steals=(0,))
    else:
        bases = "NULL"
        if len(ci.base_order) > 1:   # every base, for the MRO (the layout base among them)
            bases = "(PyrtType *const []){%s}" % ", ".join(items)
        t = b.c_call("pyrt_type_new_user", [ex._cstr(ci.name), ex._cstr(ci.module.name), base,
                                          "sizeof(struct %s)" % cir.cname, cir.fields_cname, d.reg,
                                          str(len(ci.base_order)) if bases != "NULL" else "0", bases], m.ClassT(ci))
        if ci.attrs or any("__init_subclass__" in k.methods for k in list(ci.mro())[1:]):
            b.c_void("PyrtType_Finish", [t.reg])   # __set_name__ of its attributes, __init_subclass__
    doc = ast.get_docstring(ci.node, clean=False)
    if (ci.qualname != ci.name or doc is not None) and not (ci.meta is not None or node.keywords):
        # (type.__new__ took both from the namespace on the metaclass path)
        b.c_void("pyrt_type_set_names", [t.reg, ex._cstr(ci.qualname) if ci.qualname != ci.name else "NULL",
                                         ex._cstr(doc) if doc is not None else "NULL"])
    b.add(ops.StoreStatic(cir.type_var, t.reg))
    if not cir.is_exception and not ci.builtin_base_type() and not ci.is_metaclass():
        # a release function that knows the layout (instead of walking the field table; the runtime's
        # own for subclasses of builtin types and for metaclasses)
        b.c_void("pyrt_set_dealloc", [t.reg, cir.release_cname])
    v = t
    for dv in reversed(decos):   # C = deco(C), innermost first
        v = call_object(b, dv, [v], {}, m.DYN)
    ex.store_name(b, node.name, v)


def define_runtime_class(b, node, ci, cir, decos):
    """A class with a base computed at run time (class T(namedtuple('T', 'a b'))): made as CPython's
    __build_class__ does, by its metaclass (the most derived of its bases' and metaclass=) from the
    namespace its body fills, with the layout its bases give (no compiled fields; its methods take
    self as a dynamic value)."""
    from pyrite.build_ir.calls import call_object
    if any(isinstance(e, ast.Starred) for _, e in ci.base_order):   # class C(*bases)
        lst = b.c_call("PyrtList_New", ["0"], m.DYN)
        for _, e in ci.base_order:
            v = b.box(ex.transform_expr(b, e.value if isinstance(e, ast.Starred) else e))
            b.c_void("PyrtList_Extend" if isinstance(e, ast.Starred) else "PyrtList_Append", [lst.reg, v])
        bt = b.c_call("PyrtTuple_FromIterable", [lst.reg], m.DYN)
    else:
        values = [b.box(ex.transform_expr(b, e)) for _, e in ci.base_order]
        bt = b.c_call("PyrtTuple_New", [str(len(values))], m.DYN)
        for k, v in enumerate(values):
            b.add(ops.CallC(None, "PyrtTuple_SetNew_Steal", [bt.reg, str(k), v], ops.ERR_NEVER, steals=(2,)))
    orig = bt   # (Generic[T] and the like: __mro_entries__ gives the real bases)
    bt = b.c_call("PyrtClass_ResolveBases", [orig.reg], m.DYN)
    meta_kw = [k for k in node.keywords if k.arg == "metaclass"]
    meta = b.box(ex.transform_expr(b, meta_kw[0].value)) if meta_kw else "NULL"
    kwargs = {k.arg: ex.transform_expr(b, k.value) for k in node.keywords if k.arg != "metaclass"}
    mobj = b.c_call("PyrtClass_Meta", [meta, bt.reg], m.DYN)
    kwd = b.c_call("PyrtDict_New", [], m.DYN)
    for k, v in kwargs.items():
        b.c_void("PyrtDict_SetItemStr", [kwd.reg, ex._cstr(k), b.box(v)])
    d = b.c_call("PyrtClass_Prepare", [mobj.reg, b.const_obj(ci.name), bt.reg, kwd.reg], m.DYN)
    b.c_void("PyrtClass_SetOrigBases", [d.reg, orig.reg, bt.reg])
    b.c_void("PyrtClass_NsSet", [d.reg, ex._cstr("__module__"), b.const_obj(ci.module.name)])
    b.c_void("PyrtClass_NsSet", [d.reg, ex._cstr("__qualname__"), b.const_obj(ci.qualname)])
    doc = ast.get_docstring(ci.node, clean=False)
    if doc is not None:
        b.c_void("PyrtClass_NsSet", [d.reg, ex._cstr("__doc__"), b.const_obj(doc)])
    saved = (b.class_dict, b.class_info, getattr(b, "class_bound", set()), b.class_ns_generic)
    b.class_dict, b.class_info, b.class_bound = d.reg, ci, b.mod.scopes[node].bound
    b.class_ns_generic = True
    if class_annotations(node):
        b.c_void("pyrt_class_setup_annotations", [d.reg])
    for stmt in node.body:
        b.line = stmt.lineno
        if isinstance(stmt, ast.FunctionDef):
            define_method(b, ci, stmt, d.reg)
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue
        else:
            st.transform_stmt(b, stmt)
    b.class_dict, b.class_info, b.class_bound, b.class_ns_generic = saved
    r = call_object(b, mobj, [V(b.const_obj(ci.name), m.STR), bt, d], kwargs, m.DYN)
    b.add(ops.StoreStatic(cir.type_var, b.box(r)))   # (what zero-argument super() in its methods names)
    v = r
    for dv in reversed(decos):
        v = call_object(b, dv, [v], {}, m.DYN)
    ex.store_name(b, node.name, v)


def define_method(b, ci, stmt, d):
    fi = b.inf.funcs[stmt]
    fobj = make_function_object(b, fi)
    dk = decorator_kind(stmt)
    name = stmt.name
    if dk is None and name in ("__init_subclass__", "__class_getitem__"):
        dk = "classmethod"   # (as type.__new__ makes them)
    elif dk is None and name == "__new__":
        dk = "staticmethod"
    if dk == "staticmethod":
        obj = b.c_call("PyrtStaticMethod_New", [fobj.reg], m.DYN)
    elif dk == "classmethod":
        obj = b.c_call("PyrtClassMethod_New", [fobj.reg], m.DYN)
    elif dk == "property":
        obj = b.c_call("PyrtProperty_New", [fobj.reg, "NULL", "NULL"], m.DYN)
    elif isinstance(dk, tuple):
        name = dk[1]
        obj = b.c_call("pyrt_property_setter", [d, ex._cstr(name), fobj.reg], m.DYN)
    elif dk == "other":
        obj = apply_decorators(b, stmt, fobj)
    else:
        obj = fobj
    b.c_void("PyrtClass_NsSet" if b.class_ns_generic else "PyrtDict_SetItemStr", [d, ex._cstr(name), b.box(obj)])


def binding_order(tree):
    """The names a module's top level binds, in source order (functions and classes are one name)."""
    out = {}

    class V(ast.NodeVisitor):
        def visit_Name(self, node):
            if not isinstance(node.ctx, ast.Load):
                out.setdefault(node.id, None)

        def visit_FunctionDef(self, node):
            for d in node.decorator_list:
                self.visit(d)
            out.setdefault(node.name, None)
        visit_AsyncFunctionDef = visit_FunctionDef

        def visit_ClassDef(self, node):
            for d in node.decorator_list + node.bases:
                self.visit(d)
            out.setdefault(node.name, None)

        def visit_Lambda(self, node):
            pass

        def visit_alias(self, node):
            out.setdefault((node.asname or node.name).split(".")[0], None)

        def visit_Global(self, node):
            pass
    V().visit(tree)
    return tuple(out)


def build_program(inf):
    return ProgramBuilder(inf).build()


def text_signature(fn):
    """A def's parameters as CPython's __text_signature__ of a builtin gives them ("(a, b=1, *args, c,
    **kw)"; inspect.signature reads it back), or None when a default is not a literal."""
    a = fn.args
    parts = []
    pos = a.posonlyargs + a.args
    defaults = [None] * (len(pos) - len(a.defaults)) + list(a.defaults)
    try:
        for i, (p, d) in enumerate(zip(pos, defaults)):
            parts.append(p.arg if d is None else "%s=%r" % (p.arg, ast.literal_eval(d)))
            if a.posonlyargs and i == len(a.posonlyargs) - 1:
                parts.append("/")
        if a.vararg:
            parts.append("*" + a.vararg.arg)
        elif a.kwonlyargs:
            parts.append("*")
        for p, d in zip(a.kwonlyargs, a.kw_defaults):
            parts.append(p.arg if d is None else "%s=%r" % (p.arg, ast.literal_eval(d)))
    except ValueError:
        return None
    if a.kwarg:
        parts.append("**" + a.kwarg.arg)
    return "(" + ", ".join(parts) + ")"


def _scalar_kind(t):
    """The kind an extension's typed fast path converts a CPython argument to, for a parameter of type t."""
    return {m.INT: "int", m.FLOAT: "float", m.BOOL: "bool", m.STR: "str"}.get(t)


def _raw_docstring(fn):
    b = fn.body[0] if fn.body else None
    if isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant) and isinstance(b.value.value, str):
        return b.value.value
    return None


def _may_reach_finalizer(t):
    """Can a value of type t be, or hold, an object whose __del__ (or a suspended generator's finally)
    runs when it is freed? (module globals of other types are not cleared at exit)"""
    if t in (m.STR, m.BYTES, m.INT, m.FLOAT, m.NUM, m.BOOL, m.NONE, m.RANGE, m.SLICE, m.BOTTOM):
        return False
    if isinstance(t, (m.FuncT, m.ClassT, m.ModuleT, m.BuiltinT)):
        return False
    if isinstance(t, m.TupleT):
        return any(_may_reach_finalizer(x) for x in t.items)
    if isinstance(t, m.OptionalT):
        return _may_reach_finalizer(t.inner)
    return True
