"""Whole program IR -> one C translation unit: constants, globals, class layouts, functions, generic
entry points (argument parsing + boxing around the typed entries) and main()."""
import re
import sys
from pyrite.ir import ops
from pyrite.codegen.c_names import c_string
from pyrite.codegen.emit_function import FunctionEmitter
from pyrite.ir import ranges
from pyrite.codegen.prelude import PRELUDE
from pyrite.ir.rtypes import OBJ, INT, I64, F64, BOOL, PTR, VOID



class Constants:
    """Interned str/bytes constants and keyword-name tuples, created once at start-up."""

    def __init__(self):
        self.items = []
        self.index = {}

    def ref(self, value):
        key = (type(value), value)
        if key not in self.index:
            self.index[key] = len(self.items)
            self.items.append(value)
        return "pyk[%d]" % self.index[key]

    def kwnames(self, names):
        key = ("kw", tuple(names))
        if key not in self.index:
            for n in names:
                self.ref(n)
            self.index[key] = len(self.items)
            self.items.append(key)
        return "pyk[%d]" % self.index[key]

    def emit_init(self, out, name="pyrt_init_constants", static=True, shared=False):
        out.append("static PyrtObject *pyk[%d];" % max(1, len(self.items)))
        out.append("%svoid %s(void) {" % ("static " if static else "", name))
        for i, v in enumerate(self.items):
            if isinstance(v, str) and len(v) == 1 and ord(v) < 128:
                out.append("    pyk[%d] = PyrtStr_FromCodePoint(%d);" % (i, ord(v)))   # the cached 1-char str
            elif isinstance(v, str):
                data = v.encode("utf-8")
                out.append("    pyk[%d] = PyrtStr_Constant%s(%s, %d);" % (i, "Shared" if shared else "", c_string(v),
                                                                        len(data)))
            elif isinstance(v, bytes):
                out.append("    pyk[%d] = PyrtBytes_Constant(%s, %d);" % (i, _c_bytes(v), len(v)))
            elif isinstance(v, int):   # beyond the small range of tagged ints
                out.append("    pyk[%d] = PyrtTagged_Constant(%s);" % (i, c_string(str(v))))
            else:
                names = v[1]
                out.append("    pyk[%d] = PyrtTuple_New(%d);" % (i, len(names)))
                for j, n in enumerate(names):
                    out.append("    PyrtTuple_SetNew_Steal(pyk[%d], %d, pyk[%d]);" % (i, j, self.index[(str, n)]))
                out.append("    Pyrt_MakeImmortal(pyk[%d]);" % i)
        out.append("}")


def _c_bytes(b):
    return '"' + "".join("\\%03o" % c for c in b) + '"'


class Unit:
    """One C translation unit of a split build: its body text, its own constant table and inline caches."""

    def __init__(self, name):
        self.name = name
        self.consts = Constants()
        self.body = []

    def size(self):
        return sum(len(x) for x in self.body)


# a library module's unit is cut after the function that takes it past this many bytes of C: pieces of
# a big module (collections, the eval interpreter) compile in parallel, and each is cached on its own
CHUNK_BYTES = 300000


def emit_program(prog, target, split=False):
    """The program as C. split=False: one translation unit (what --emit-c shows). split=True: a list of
    (unit name, C text): the program's own modules in unit "main" (with the entry point), each library
    module in units of its own (big ones in several), so each compiles in parallel and is cached by its
    text (toolchain/zig.py:compile_units). A symbol used only inside its unit stays static."""
    main = Unit("main")
    units = [main]
    decls = []   # (symbol, declaration without storage class, owning unit or None for a struct, base struct)

    def module_units(mod):
        if not split or not mod.stdlib:
            return lambda: main
        first = Unit(_unit_name(mod.name, 0))
        units.append(first)
        state = [first]

        def current():
            u = state[-1]
            if u.size() > CHUNK_BYTES:
                u = Unit(_unit_name(mod.name, len(state)))
                units.append(u)
                state.append(u)
            return u
        return current

    for cir in _bases_first([c for mod in prog.modules for c in mod.classes]):
        text = []
        emit_class_struct(cir, text)
        decls.append((cir.cname, "\n".join(text), None, cir.base.cname if cir.base is not None else None))
    unit_fn = {}
    for mod in prog.modules:
        unit_fn[id(mod)] = module_units(mod)
        u = unit_fn[id(mod)]()
        decls.append((mod.init.cname, "int %s(void)" % mod.init.cname, u, None))
        decls.append((mod.done_cname, "char %s" % mod.done_cname, u, None))
        for g in mod.globals:
            decls.append((g.cname, "%s %s" % (g.rtype.c_type, g.cname), u, None))
            if g.rtype is not OBJ:
                decls.append(("pyd_" + g.cname, "char pyd_%s" % g.cname, u, None))
        for cir in mod.classes:
            decls.append((cir.type_var.cname, "PyrtObject *%s" % cir.type_var.cname, u, None))
        if mod.object_cname is not None:
            emit_module_object(mod, u.body)
        if prog.dynamic_import:
            emit_module_registration(mod, u.body)
        for cir in mod.classes:
            emit_field_table(cir, u.consts, u.body)
            if not cir.is_exception:
                emit_release(cir, u.body)
    pr = ranges.ProgramRanges(prog)
    for mod in prog.modules:
        for f in mod.functions:
            for clone in ([False, True] if pr.clone_name(f) else [False]):
                fe = FunctionEmitter(f, None, [], clone=clone)
                fe.assign_names()
                decls.append((fe.cname, fe.signature()[len("static "):], None, None))
            decls.append((f.generic_cname, "PyrtObject *%s(PyrtObject *, PyrtObject *const *, int64_t, PyrtObject *)"
                          % f.generic_cname, None, None))
    main.body.append(python_version_c())
    func_unit = {}
    for mod in prog.modules:
        u = unit_fn[id(mod)]()
        FunctionEmitter(mod.init, u.consts, u.body, library=mod.stdlib, program_ranges=pr).emit()
        for f in mod.functions:
            u = unit_fn[id(mod)]()
            FunctionEmitter(f, u.consts, u.body, program_ranges=pr).emit()
            if pr.clone_name(f):
                FunctionEmitter(f, u.consts, u.body, program_ranges=pr, clone=True).emit()
                func_unit[pr.clone_name(f)] = u
            emit_generic_entry(f, u.body)
            func_unit[f.cname] = func_unit[f.generic_cname] = u
    decls = [(sym, text, owner if owner is not None or base is not None or sym not in func_unit
              else func_unit[sym], base) for sym, text, owner, base in decls]
    cycles = may_make_cycles(prog)
    emit_exit_clear(prog, cycles, main.body)
    main.body.append(target.entry_c(prog.main.init.cname, prog))
    if not split:
        return _assemble_single(main, decls)
    return _assemble_units(units, decls)


def _unit_name(modname, n):
    from pyrite.codegen.c_names import _clean
    return "%s%s" % (_clean(modname), "_%d" % n if n else "")


_IC = re.compile(r"\bpyrt_ic\[(\d+)\]")


def _local_caches(text):
    """The unit's inline caches numbered from 0 (the IR numbers them program-wide): a unit's text
    does not change when another module gains or loses a cache. Returns (text, count)."""
    index = {}

    def renumber(m):
        return "pyrt_ic[%d]" % index.setdefault(m.group(1), len(index))
    text = _IC.sub(renumber, text)
    return text, len(index)


def _unit_tables(unit, init_name, static_init, shared=False):
    out = []
    unit.consts.emit_init(out, init_name, static_init, shared)
    text, n_ic = _local_caches("\n".join(unit.body))
    if n_ic:
        out.append("static PyrtAttrCache pyrt_ic[%d];" % n_ic)
    return out, text


def _assemble_single(main, decls):
    out = [PRELUDE]
    for sym, text, owner, base in decls:
        out.append(text if text.startswith("struct ") else "static " + text + ";")
    tables, body = _unit_tables(main, "pyrt_init_constants", True)
    out += tables
    out.append(body)
    return "\n".join(out) + "\n"


TOKEN = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|[A-Za-z_][A-Za-z0-9_]*')
_ATTR = re.compile(r"^__attribute__\(\(.*?\)\) ")
_HEAD = re.compile(r"^(.*?\b(py[A-Za-z0-9_]*))\s*([\[(=;{])")


def _tokens(text):
    return {t for t in TOKEN.findall(text) if t[0] not in "\"'"}


def _body_definitions(unit, text):
    """Top-level definitions in a unit's body: symbol -> (line index, declaration for other units)."""
    defs = {}
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.startswith(("static ", "__attribute__")):
            continue
        plain = _ATTR.sub("", line)
        if not plain.startswith("static "):
            continue
        m = _HEAD.match(plain[len("static "):])
        if m is None:
            continue
        head, sym, after = m.group(1), m.group(2), m.group(3)
        if after == "(":
            decl = plain[len("static "):plain.index(" {")] + ";"
        elif after == "[":
            decl = "extern %s[];" % head
        else:
            decl = "extern %s;" % head
        defs[sym] = (i, decl)
    return lines, defs


def _assemble_units(units, decls):
    """Each unit's text: the prelude, the struct layouts and declarations it names, its constant
    table and inline caches, its body. A symbol named by another unit is exported from its owner."""
    bodies, tables, refs, body_defs = {}, {}, {}, {}
    for u in units:
        if u.name == "main":
            init = "pyrt_init_constants"
        else:
            init = "pyk_init_%s" % u.name
        tab, text = _unit_tables(u, init, u.name == "main", shared=len(units) > 1)
        if u.name == "main" and len(units) > 1:   # the main unit's table init runs every unit's
            tab.insert(0, "\n".join("void pyk_init_%s(void);" % v.name for v in units[1:]))
            close = tab.index("}", tab.index("static void pyrt_init_constants(void) {"))
            tab[close:close] = ["    pyk_init_%s();" % v.name for v in units[1:]]
        tables[u.name] = tab
        lines, defs = _body_definitions(u, text)
        bodies[u.name] = lines
        body_defs[u.name] = defs
        refs[u.name] = _tokens(text)
    owner_of = {}
    for sym, text, owner, base in decls:
        if owner is not None:
            owner_of[sym] = owner.name
    declared = {sym for sym, text, owner, base in decls}
    for name, defs in body_defs.items():
        for sym in list(defs):
            owner_of[sym] = name
            if sym in declared:   # (its declaration is among decls: not derived from the definition)
                defs[sym] = (defs[sym][0], None)
    exported = set()
    for u in units:
        for sym in refs[u.name]:
            o = owner_of.get(sym)
            if o is not None and o != u.name:
                exported.add(sym)
    structs = {sym: (text, base) for sym, text, owner, base in decls if owner is None and text.startswith("struct ")}
    out_units = []
    for u in units:
        r = refs[u.name]
        out = [PRELUDE]
        wanted = set(s for s in r if s in structs)
        for sym in list(wanted):
            b = structs[sym][1]
            while b is not None and b not in wanted:
                wanted.add(b)
                b = structs[b][1]
        for sym, (text, base) in structs.items():
            if sym in wanted:
                out.append(text)
        for sym, text, owner, base in decls:
            if sym in structs:
                continue
            own = owner_of.get(sym) == u.name
            if not own and sym not in r:
                continue
            is_func = text.endswith(")")
            if own:
                out.append(("" if sym in exported else "static ") + text + ";")
            elif is_func:
                out.append(text + ";")
            else:
                out.append("extern %s;" % text)
        for name, defs in body_defs.items():
            if name == u.name:
                continue
            for sym, (i, decl) in defs.items():
                if sym in r and decl is not None:
                    out.append(decl)
        out += tables[u.name]
        lines = bodies[u.name]
        for sym, (i, decl) in body_defs[u.name].items():
            if sym in exported:
                lines[i] = lines[i].replace("static ", "", 1)
        out += lines
        out_units.append((u.name, "\n".join(out) + "\n"))
    return out_units


def _bases_first(classes):
    out, seen = [], set()

    def visit(c):
        if id(c) not in seen:
            if c.base is not None:
                visit(c.base)
            seen.add(id(c))
            out.append(c)
    for c in classes:
        visit(c)
    return out


def emit_class_struct(cir, out):
    out.append("struct %s {" % cir.cname)
    if cir.base is not None:
        out.append("    struct %s base;" % cir.base.cname)
    elif cir.builtin_base:
        out.append("    PyrtBaseException base;")
    else:
        out.append("    PyrtInstance base;")
    for f in cir.own_fields:
        out.append("    %s %s;" % (f.rtype.c_type, f.cname))
    out.append("};")


def emit_field_table(cir, consts, out):
    out.append("static const PyrtField %s[] = {" % cir.fields_cname)
    for f in cir.all_fields():
        owner = cir
        while f not in owner.own_fields:
            owner = owner.base
        out.append("    {%s, (int32_t)offsetof(struct %s, %s), %s, %d, NULL},"
                   % (c_string(f.name), owner.cname, f.cname, f.rtype.field_kind, f.bit or 0))
    out.append("    {NULL, 0, 0, 0, NULL}")
    out.append("};")


# ops that cannot make a reference cycle among objects (a program of only these needs no collector)
_ACYCLIC_OPS = (ops.Assign, ops.LoadLiteral, ops.ErrCheck, ops.CheckNotNone, ops.CheckedC, ops.Box, ops.Unbox,
                ops.GetField, ops.LoadStatic, ops.StoreStatic, ops.DelStatic, ops.CheckBound, ops.Unbind,
                ops.Clear, ops.Goto, ops.Branch, ops.Return, ops.Unreachable, ops.RaiseFromHandler, ops.Call)
_ACYCLIC_C = {"Pyrt_PrintStdout", "Pyrt_ErrFetch", "Pyrt_ExcEnterHandler", "Pyrt_ExcExitHandler",
              "Pyrt_ExceptionMatches", "Pyrt_Raise", "Pyrt_RaiseSteal", "pyrt_err_restore_new", "Pyrt_Str",
              "Pyrt_Repr", "PyrtStr_Concat"}


def may_make_cycles(prog):
    """False for programs too simple to make a reference cycle (hello world): their output then links
    no cycle collector (the .wasm stays small). Anything not known to be acyclic counts as cyclic."""
    for mod in prog.modules:
        if mod.classes:
            return True
        for f in [mod.init] + list(mod.functions):
            for blk in f.blocks:
                for op in blk.ops:
                    if isinstance(op, (ops.CallC, ops.CallVec)) and op.fn in _ACYCLIC_C:
                        continue
                    if not isinstance(op, _ACYCLIC_OPS):
                        return True
    return False


def emit_exit_clear(prog, cycles, out):
    """pyexit_clear(): what CPython's shutdown does to module globals when that shows (a class has
    __del__, or a generator may be suspended in a try/finally): a full collection, then each module's
    globals released in insertion order (__main__ first, then the modules imported last first: the
    objects of the program die while the modules they use are intact, as in CPython), another
    collection. A global that holds any object becomes None, as in CPython; a typed one of the
    program's own becomes unbound (typed code cannot take None there), one of a library module stays. Globals that cannot reach a finalizer (strs, numbers, functions, classes) stay: a
    __del__ running then finds them (functions read such globals without a check). pygc_start() arms the
    collector (not linked at all when the program cannot make cycles)."""
    out.append("static void pygc_start(void) {%s}" % (" Pyrt_GCStart(); " if cycles else ""))
    out.append("static void pyexit_clear(void) {")
    if not cycles:
        out.append("}")
        return
    # only when it shows: a finalizer (__del__) or a generator's finally could run
    out.append("    if (!pyrt_gc_call_del && !pyrt_gc_close_generator) return;")
    out.append("    Pyrt_GCCollect(2);")
    order = [prog.main] + [mod for mod in reversed(prog.modules) if mod is not prog.main]
    for mod in order:
        for g in [g for g in mod.globals if g.named and g.rtype.refcounted and g.finalizable]:
            if g.dynamic:   # None, as CPython's shutdown sets module globals (logging's weakref callbacks
                            # then read `_handlerList` as None rather than raising NameError)
                out.append("    if (%s) { PyrtObject *__x = %s; %s = Pyrt_None; Pyrt_DecRef(__x); }"
                           % (g.cname, g.cname, g.cname))
            elif not mod.stdlib:   # (typed: unbound; a library module's typed globals stay)
                out.append("    " + g.rtype.clear_c(g.cname))
    out.append("    Pyrt_GCCollect(2);")   # what the globals kept alive in cycles
    out.append("}")


def emit_release(cir, out):
    """dealloc slot of a compiled class: release the object fields and the attribute dict."""
    out.append("static void %s(PyrtObject *o) {" % cir.release_cname)
    out.append("    PYRT_CLEAR(((PyrtInstance *)o)->dict);")
    for f in cir.all_fields():
        if f.rtype.refcounted:
            owner = cir
            while f not in owner.own_fields:
                owner = owner.base
            # cleared as released: the cycle collector clears a garbage instance with this before freeing it
            slot = "((struct %s *)o)->%s" % (owner.cname, f.cname)
            out.append("    " + f.rtype.clear_c(slot))
    out.append("}")


def emit_generic_entry(f, out):
    """PyrtVectorcall wrapper: parse arguments, fill defaults, unbox, call the typed entry, box."""
    spec = f.argspec
    nslots = spec.npos + spec.nkwonly + int(spec.varargs) + int(spec.varkw)
    names = "pya_%s_names" % f.cname
    out.append("static const char *const %s[] = {%s};" % (names, ", ".join(c_string(n) for n in spec.names) or "NULL"))
    out.append("static const PyrtArgSpec pya_%s = {%s, %d, %d, %d, %d, %d, %s, %d};"
               % (f.cname, c_string(f.qualname), spec.npos, spec.nposonly, spec.nkwonly, int(spec.varargs),
                  int(spec.varkw), names, spec.npos - spec.ndefaults))
    out.append("static PyrtObject *%s(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {"
               % f.generic_cname)
    out.append("    PyrtObject *a[%d] = {0};" % max(1, nslots))
    out.append("    PyrtObject *res = NULL;")
    out.append("    if (Pyrt_ParseArgs(&pya_%s, args, nargs, kwnames, a) < 0) return NULL;" % f.cname)
    out.append("    PyrtFunction *fo = (PyrtFunction *)callable;")
    out.append("    if (Pyrt_ApplyDefaults(&pya_%s, callable, a) < 0) goto done;" % f.cname)
    # map python parameters (pos..., *args, kwonly..., **kw) to slots
    order = []
    pi = 0
    for p in f.py_params:
        order.append(p)
    slots = []
    npos, nkw = spec.npos, spec.nkwonly
    pos_i, kw_i = 0, 0
    star_slot = npos + nkw
    starstar_slot = npos + nkw + int(spec.varargs)
    kinds = _param_kinds(f, spec)
    for p, kind in zip(f.py_params, kinds):
        if kind == "pos":
            slots.append(pos_i)
            pos_i += 1
        elif kind == "kw":
            slots.append(npos + kw_i)
            kw_i += 1
        elif kind == "star":
            slots.append(star_slot)
        else:
            slots.append(starstar_slot)
    cargs = []
    if f.has_closure:
        cargs.append("fo->closure")
    for k, (p, s) in enumerate(zip(f.py_params, slots)):
        v = "u%d" % s
        if p.rtype is OBJ:
            out.append("    PyrtObject *%s = a[%d];" % (v, s))
            if f.param_checks and k in f.param_checks:
                # an argument typed as an instance of a compiled class, from a caller inference did
                # not see (a class called through __annotations__): TypeError, never another layout
                tv, cname = f.param_checks[k]
                out.append("    if (!Pyrt_TypeCheck(%s, (PyrtType *)%s)) { pyrt_err_arg_type(%s, %s, %s, %s); goto done; }"
                           % (v, tv.cname, v, c_string(f.qualname), c_string(p.pyname), c_string(cname)))
        elif p.rtype is INT:   # borrowed from the argument (typed entries borrow their parameters)
            out.append("    int64_t %s = PyrtTagged_FromObjBorrowedChecked(a[%d]); if (pyrt_exc) goto done;" % (v, s))
        else:
            out.append("    %s %s = %s(a[%d]); if (pyrt_exc) goto done;" % (p.rtype.c_type, v, p.rtype.unbox_checked, s))
        cargs.append(v)
    if f.self_check is not None and f.py_params:
        tv, cname = f.self_check
        v = cargs[1] if f.has_closure else cargs[0]
        out.append("    if (!Pyrt_TypeCheck(%s, (PyrtType *)%s)) { pyrt_err_self_type(%s, %s, %s); goto done; }"
                   % (v, tv.cname, v, c_string(cname), c_string(f.name)))
    call = "%s(%s)" % (f.cname, ", ".join(cargs))
    rt = OBJ if f.is_generator else f.ret
    # calls through generic entries are counted for RecursionError here (direct calls of
    # functions on a call cycle are counted in the typed entry)
    out.append("    if (Pyrt_EnterCall()) goto done;")
    if rt is OBJ:
        out.append("    res = %s;" % call)
    elif rt is VOID:
        out.append("    if (%s >= 0) res = Pyrt_None;" % call)
    elif rt.refcounted:
        out.append("    { %s r = %s; if (!(%s)) { res = %s(r); %s(r); } }"
                   % (rt.c_type, call, rt.err_test % "r", rt.box, rt.release))
    else:
        out.append("    { %s r = %s; if (!(%s)) res = %s(r); }" % (rt.c_type, call, rt.err_test % "r", rt.box))
    out.append("    Pyrt_LeaveCall();")
    out.append("  done:")
    if spec.varargs:
        out.append("    Pyrt_XDecRef(a[%d]);" % star_slot)
    if spec.varkw:
        out.append("    Pyrt_XDecRef(a[%d]);" % starstar_slot)
    out.append("    (void)fo;")
    out.append("    return res;")
    out.append("}")


def _param_kinds(f, spec):
    kinds = []
    npos = spec.npos
    i = 0
    for p in f.py_params:
        name = p.pyname
        if i < npos and name == spec.names[i]:
            kinds.append("pos")
            i += 1
            continue
        kinds.append(None)
    # the rest: *args, kw-only, **kwargs in signature order
    rest = [k for k in range(len(kinds)) if kinds[k] is None]
    kwonly = spec.names[npos:]
    seen_star = False
    for k in rest:
        name = f.py_params[k].pyname
        if name in kwonly:
            kinds[k] = "kw"
        elif spec.varargs and not seen_star:
            kinds[k] = "star"
            seen_star = True
        else:
            kinds[k] = "starstar"
    return kinds


def _globals_in_order(mod):
    """The module's global names (not the compiler's own, which have a '.') in the order its top level
    binds them, as CPython's globals() dict has them."""
    names = [g.pyname for g in mod.globals if "." not in g.pyname]
    rank = {n: i for i, n in enumerate(mod.binding_order)}
    return sorted(names, key=lambda n: rank.get(n, len(rank)))


def emit_module_registration(mod, out):
    """__import__ finds the module by name (runtime/src/mathmod.c): registered before main runs."""
    from pyrite.codegen.c_names import c_string
    out.append("__attribute__((constructor)) static void %s_register(void) {" % mod.object_cname)
    out.append("    static PyrtModuleEntry e = { %s, %s, &%s, NULL };" % (c_string(mod.name), mod.init.cname,
                                                                      mod.object_cname))
    out.append("    PyrtModule_Register(&e);")
    out.append("}")


def emit_module_object(mod, out):
    """The PyrtModuleDef of a compiled module used as a value: its attributes are its globals.
    Dynamic code may read every global; it may store into those inferred as holding any object, and
    into unboxed ones values of their type (TypeError otherwise: typed code relies on the type)."""
    import os
    from pyrite.codegen.c_names import c_string
    get, set_ = mod.object_cname + "_get", mod.object_cname + "_set"
    out.append("static PyrtObject *%s(const char *n) {" % get)
    for g in mod.globals:
        if g.rtype is OBJ:
            out.append("    if (strcmp(n, %s) == 0) { if (%s) Pyrt_IncRef(%s); return %s; }"
                       % (c_string(g.pyname), g.cname, g.cname, g.cname))
        else:
            out.append("    if (strcmp(n, %s) == 0) return pyd_%s ? %s(%s) : NULL;"
                       % (c_string(g.pyname), g.cname, g.rtype.box, g.cname))
    out.append("    return NULL;")
    out.append("}")
    out.append("static int %s(const char *n, PyrtObject *v) {" % set_)
    for g in mod.globals:
        out.append("    if (strcmp(n, %s) == 0) {" % c_string(g.pyname))
        if g.rtype is OBJ:
            out.append("        if (!v) { if (!%s) return 1; PYRT_CLEAR(%s); return 0; }" % (g.cname, g.cname))
            if not g.dynamic:
                out.append("        Pyrt_ErrFormat(&PyrtType_TypeError, \"pyrite: cannot assign to %s.%s from dynamic "
                           "code (compiled code relies on its inferred type)\"); return -1;"
                           % (mod.name, g.pyname))
            else:
                out.append("        Pyrt_IncRef(v); Pyrt_XDecRef(%s); %s = v; return 0;" % (g.cname, g.cname))
        else:
            out.append("        if (!v) { if (!pyd_%s) return 1; pyd_%s = 0; return 0; }" % (g.cname, g.cname))
            out.append("        %s __x = %s(v); if (PYRT_UNLIKELY(pyrt_exc != NULL)) return -1;"
                       % (g.rtype.c_type, g.rtype.unbox_checked))
            if g.rtype.refcounted:
                out.append("        %s(%s);" % (g.rtype.release, g.cname))
            out.append("        %s = __x; pyd_%s = 1; return 0;" % (g.cname, g.cname))
        out.append("    }")
    out.append("    return 1;")
    out.append("}")
    names = mod.object_cname + "_names"
    out.append("static const char *const %s[] = { %s };"
               % (names, ", ".join([c_string(n) for n in _globals_in_order(mod)] + ["NULL"])))
    out.append("static PyrtModuleDef %s = { %s, %s, %s, %s, NULL, %s, NULL };"
               % (mod.object_cname, c_string(mod.name), c_string(os.path.abspath(mod.path)), get, set_, names))


def python_version_c():
    """The definition of pyrt_python_version (sys.version_info): the CPython whose semantics the program
    gets, which is the interpreter running pyrite."""
    v = sys.version_info
    level = {"alpha": 0xA, "beta": 0xB, "candidate": 0xC}.get(v.releaselevel, 0xF)
    return "const int32_t pyrt_python_version[5] = {%d, %d, %d, 0x%X, %d};" % (v.major, v.minor, v.micro,
                                                                              level, v.serial)
