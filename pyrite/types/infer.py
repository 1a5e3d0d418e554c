"""Whole-program type inference: a fixpoint over every function, joining into type slots.

Every variable, parameter, return value, attribute and container element is a Slot. Walking a
function computes expression types from the slots and joins assigned values into them; the whole
program is walked again until no slot widens. A final walk records each expression's type and
how each call resolves, for the IR builder.

    def add(a, b): return a + b        add(1, 2); add(3, 4)     ->  a, b: int; return: int
    xs = [];  xs.append(1.5)                                    ->  xs: list[float]
    x = 1 if c else "s"                                         ->  x: object (boxed)
"""
import ast

from pyrite.diagnostics import CompileError, error_at
from pyrite.types import model as m
from pyrite.types.infos import UNPROVIDED_BUILTINS, bases_first
from pyrite.types.infos import (BUILTIN_EXCEPTIONS, BUILTIN_NAMES, BuiltinModule, ClassInfo,
                                FuncInfo, ModuleInfo, ParamInfo, decorator_kind, param_list)
from pyrite.types.stub_rules import apply_stub, stubs, eval_annotation
from pyrite.frontend.modules import BUILTIN_MODULES, package_rebinds
from pyrite.frontend.scopes import analyze_module
from pyrite.build_ir.builder import IntMode

MAX_ITERATIONS = 60
STUB_TYPE_NAMES = [(m.ListT, "list"), (m.DictT, "dict"), (m.SetT, "set"), (m.TupleT, "tuple"),
                   (m.TupleOfT, "tuple")]


class Inference:
    """Results: types[node], calls[node], funcs[node], classes[node], modules[name]."""

    def __init__(self, program, specialise=frozenset()):
        m.callable_hook = self.escape_callable
        self.program = program
        self.specialise = specialise   # def nodes whose calls pick an instance per argument signature
        self.types = {}
        self.calls = {}
        self.funcs = {}
        self.classes = {}
        self.modules = {}
        # (a builtin module the program compiles from source instead: random when it needs Random)
        self.builtin_modules = {n: BuiltinModule(n) for n in BUILTIN_MODULES if n not in program.modules}
        self.all_funcs = []
        self.all_classes = []
        self.classes_with = {}   # method or property name -> the classes defining it (declaration order)
        self.members = 0         # (their number: what escape_runtime_dunders has seen)
        self.dunders_escaped = {}   # reason -> self.members when every class's dunders were escaped for it
        self.errors = []
        self.reported = set()   # (node, name) diagnostics already given (the walk repeats)
        for name, src in program.modules.items():
            self.modules[name] = ModuleInfo(src, analyze_module(src.tree))
        for mod in self.modules.values():
            self._declare(mod, mod.src.tree.body, mod.body, None, "")
        for mod in self.modules.values():
            mod.globals.setdefault("__name__", m.Slot()).join(m.STR)
            mod.globals.setdefault("__doc__", m.Slot()).join(m.STR if ast.get_docstring(mod.src.tree) is not None else m.NONE)

    # ------------------------------------------------------------------ calls the runtime makes
    # Binary-operator dunders and __call__ are not typed `object` up front: the runtime calls them only
    # from the program's dynamic operator and call sites and from builtins, which are all visible here,
    # so those sites join what they pass into the methods' parameters (runtime_binop, runtime_calls)
    # and builtins that may call them with values pyrite cannot see mark them escaped.
    def classes_reached(self, t, out, seen=None):
        """Add to `out` the classes whose instances a value of type t may hold or contain; True when t
        reaches dynamically typed values (which may be instances of any class)."""
        if t is m.DYN:
            return True
        seen = set() if seen is None else seen
        if id(t) in seen:
            return False
        seen.add(id(t))
        cls = _instance_class(t)
        if cls is not None:
            out.update(c for c in self.all_classes if _related(c, cls))
            return False
        if isinstance(t, (m.ListT, m.SetT, m.IterT)):
            return self.classes_reached(t.elem.get(), out, seen)
        if isinstance(t, m.DictT):
            return self.classes_reached(t.key.get(), out, seen) | self.classes_reached(t.value.get(), out, seen)
        if isinstance(t, m.TupleT):
            return any([self.classes_reached(x, out, seen) for x in t.items])
        if isinstance(t, m.TupleOfT):
            return self.classes_reached(t.elem, out, seen)
        return False

    def escape_runtime_dunders(self, types, reason="it may be called by a builtin with values pyrite cannot see"):
        classes = set()
        if any([self.classes_reached(t, classes) for t in types]):
            if self.dunders_escaped.get(reason) == (self.members, len(self.all_classes)):
                return   # (done for every class, and none was declared or got a method since)
            self.dunders_escaped[reason] = (self.members, len(self.all_classes))
            classes = self.all_classes
        for ci in classes:
            for name, fi in ci.methods.items():
                if name in MODELED_DUNDERS:
                    fi.mark_escaped(reason)

    def escape_callable(self, t):
        """t is passed to a builtin that calls it (a Callable stub parameter)."""
        if t is m.DYN:
            classes = self.all_classes
        else:
            cls = _instance_class(t)
            classes = [c for c in self.all_classes if _related(c, cls)] if cls is not None else []
        for ci in classes:
            fi = ci.methods.get("__call__")
            if fi is not None:
                fi.mark_escaped("it is called by a builtin")

    @staticmethod
    def runtime_call(fi, args, kwargs, star=False):
        """The runtime calls method fi (on an instance) with these argument types."""
        if fi.escaped:
            return
        params = fi.params[1:]
        pos = [p for p in params if p.kind in ("posonly", "pos")]
        if star or len(args) > len(pos) or any(p.kind in ("star", "starstar") for p in params):
            fi.mark_escaped("it is called dynamically with arguments pyrite cannot match to its parameters")
            return
        for p, t in zip(pos, args):
            p.slot.join(t)
        by_name = {p.name: p for p in params if p.kind != "posonly"}
        for k, t in kwargs.items():
            p = by_name.get(k)
            if p is None:
                fi.mark_escaped("it is called dynamically with arguments pyrite cannot match to its parameters")
                return
            p.slot.join(t)


    # ------------------------------------------------------------------ declaration
    def _declare(self, mod, body, parent, cls, prefix):
        for node in _walk_scope(body):
            if isinstance(node, (ast.FunctionDef, ast.Lambda, ast.GeneratorExp)):
                self._declare_func(mod, node, parent, cls if node in body else None, prefix)
            elif isinstance(node, ast.ClassDef):
                self._declare_class(mod, node, parent, prefix)

    def _declare_func(self, mod, node, parent, cls, prefix):
        name = getattr(node, "name", "<lambda>" if isinstance(node, ast.Lambda) else "<genexpr>")
        kind = "function"
        if cls is not None:
            dk = decorator_kind(node)
            kind = {"staticmethod": "staticmethod", "classmethod": "classmethod"}.get(dk, "method")
            if dk is None and node.name in IMPLICIT_CLASSMETHODS:
                kind = "classmethod"
            elif dk is None and node.name == "__new__":
                kind = "staticmethod"
        qual = prefix + name
        fi = FuncInfo(node, mod.scopes[node], mod, parent if parent.kind != "module" else None,
                      cls, kind, name, qual)
        if isinstance(node, ast.GeneratorExp):
            fi.params = [ParamInfo(".0", "pos", None, fi.slot(".0"))]
            fi.is_generator = True
        else:
            fi.params = [ParamInfo(n, k, d, fi.slot(n)) for n, k, d in param_list(node.args)]
        if cls is not None and kind == "method" and fi.params:
            fi.params[0].slot.join(m.InstanceT(cls))
        if cls is not None and kind == "classmethod" and fi.params:
            fi.params[0].slot.join(m.DYN, "cls parameter of a classmethod")
        self.funcs[node] = fi
        self.all_funcs.append(fi)
        fi.specialise = node in self.specialise
        if cls is None:
            parent.nested.append(fi)
        inner_prefix = qual + ".<locals>."
        if isinstance(node, ast.GeneratorExp):
            body = _genexp_parts(node)
        else:
            body = node.body if isinstance(node.body, list) else [node.body]
        self._declare(mod, body, fi, None, inner_prefix)
        if fi.is_dunder and fi.name != "__init__" and not (fi.name in MODELED_DUNDERS and kind == "method"):
            fi.mark_escaped("it is a special method the runtime calls")
        return fi

    def note_member(self, ci, name):
        lst = self.classes_with.setdefault(name, [])
        if ci not in lst:
            lst.append(ci)
            self.members += 1

    def _declare_class(self, mod, node, parent, prefix):
        ci = ClassInfo(node, mod, node.name, prefix + node.name)
        self.classes[node] = ci
        self.all_classes.append(ci)
        for stmt in node.body:
            if isinstance(stmt, ast.FunctionDef):
                fi = self._declare_func(mod, stmt, parent, ci, ci.qualname + ".")
                dk = decorator_kind(stmt)
                if dk == "property":
                    ci.properties[stmt.name] = [fi, None]
                    self.note_member(ci, stmt.name)
                    fi.kind = "method"
                elif isinstance(dk, tuple):
                    prop = ci.properties.get(dk[1])
                    if prop is not None:
                        prop[1] = fi
                    fi.kind = "method"
                elif dk == "other":   # the class attribute is what the decorators return (typed when walked)
                    pass
                else:
                    ci.methods[stmt.name] = fi
                    self.note_member(ci, stmt.name)
            elif isinstance(stmt, ast.ClassDef):   # a class in a class body: a class attribute
                self._declare_class(mod, stmt, parent, ci.qualname + ".")
            elif isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__slots__"
                                                      for t in stmt.targets):
                v = stmt.value
                names = self._literal_slots(mod, v)
                if names is not None:
                    ci.own_slots = names
                else:
                    self.errors.append(error_at(mod.src.display_path, v,
                                                "__slots__ must be a literal string, tuple, list or dict of names "
                                                "for pyrite (its names become compiled fields)"))
                self._declare(mod, [stmt], parent, None, prefix)
            else:
                self._declare(mod, [stmt], parent, None, ci.qualname + ".")

    def _literal_slots(self, mod, v):
        """The names a __slots__ value gives when they are known at compile time: a string, a tuple or
        list of strings, `A.__slots__` of a class of the module declared before, and `+` of those
        (datetime's `__slots__ = date.__slots__ + time.__slots__`); None otherwise."""
        if isinstance(v, ast.Constant) and isinstance(v.value, str):
            return [v.value]
        if isinstance(v, (ast.Tuple, ast.List)) and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in v.elts):
            return [e.value for e in v.elts]
        if isinstance(v, ast.Dict) and all(isinstance(e, ast.Constant) and isinstance(e.value, str)
                                           for e in v.keys):   # {name: docstring} (statistics.NormalDist)
            return [e.value for e in v.keys]
        if isinstance(v, ast.BinOp) and isinstance(v.op, ast.Add):
            a, b = self._literal_slots(mod, v.left), self._literal_slots(mod, v.right)
            return a + b if a is not None and b is not None else None
        if isinstance(v, ast.Attribute) and v.attr == "__slots__" and isinstance(v.value, ast.Name):
            for ci in self.all_classes:   # (a top-level class of this module, declared before)
                if ci.module is mod and ci.qualname == v.value.id and ci.own_slots is not None:
                    return list(ci.own_slots)
        return None

    # ------------------------------------------------------------------ fixpoint
    uses_sys_modules = False   # the program reads sys.modules
    uses_dynamic_import = False   # the program calls __import__

    def run(self):
        ClassInfo.dyn_dict_access = False
        ClassInfo.escaped_instances = []
        self._link_bases()
        if self.errors:
            raise CompileError(self.errors)
        from pyrite.frontend.subset_check import module_globals_writes
        for mod in self.modules.values():
            if module_globals_writes(mod.src):   # stores through globals() may put anything in any global
                for name in mod.scope.bound:
                    mod.globals.setdefault(name, m.Slot()).join(m.DYN)
        previous, stable = None, 0
        for _ in range(MAX_ITERATIONS):
            m.Slot.changed = False
            self._walk_all(record=False)
            if not m.Slot.changed:
                break
            # Slot.changed also reports unions of the slots a walk creates afresh (a list literal's
            # element slot merged into a variable's), which happen again on every walk: the types of
            # every persistent slot unchanged over two more walks is the fixpoint too
            state = self._state_signature()
            stable = stable + 1 if state == previous else 0
            previous = state
            if stable >= 2:
                break
        else:
            raise CompileError([error_at(self.main_path(), None,
                                         "internal error: type inference did not settle after %d passes over the "
                                         "program; this is a pyrite bug, please report it" % MAX_ITERATIONS)])
        self._walk_all(record=True)
        if self.errors:
            raise CompileError(self.errors)
        return self

    def main_path(self):
        return self.program.main.display_path

    def _state_signature(self):
        """What the walks have concluded so far: the type of every persistent slot (variables,
        parameters, returns, yields, fields, class attributes), deeply, and the flags that steer
        the walk (escapes, instance layouts, rebound methods, function instances)."""
        memo = {}

        def sig(t, depth=0):
            if depth > 16:
                return "..."
            if isinstance(t, (m.ListT, m.SetT, m.IterT)):
                return (type(t).__name__, sig(t.elem.get(), depth + 1))
            if isinstance(t, m.DictT):
                return ("dict", sig(t.key.get(), depth + 1), sig(t.value.get(), depth + 1))
            if isinstance(t, m.TupleT):
                return ("tuple",) + tuple(sig(x, depth + 1) for x in t.items)
            if isinstance(t, m.TupleOfT):
                return ("tupleof", sig(t.elem, depth + 1))
            if isinstance(t, m.OptionalT):
                return ("optional", sig(t.inner, depth + 1))
            if isinstance(t, (m.InstanceT, m.ClassT)):
                return (type(t).__name__, id(t.cls))
            if isinstance(t, m.FuncT):
                return ("func", id(t.func))
            if isinstance(t, m.ModuleT):
                return ("module", id(t.module))
            if isinstance(t, m.BuiltinT):
                return ("builtin", t.name)
            return id(t)

        def slot(s):
            root = s.find()
            r = memo.get(id(root))
            if r is None:
                r = memo[id(root)] = sig(root._t)
            return r
        out = [len(self.all_funcs)]
        for fi in [mi.body for mi in self.modules.values()] + list(self.all_funcs):
            out.append(tuple(slot(fi.locals[k]) for k in sorted(fi.locals)))
            out.append((slot(fi.ret), slot(fi.yield_slot), fi.escaped, len(fi.instances)))
        for ci in self.all_classes:
            out.append(tuple(slot(ci.fields[k].slot) for k in sorted(ci.fields)))
            out.append(tuple(slot(ci.attrs[k]) for k in sorted(ci.attrs)))
            out.append((ci.escaped, ci.dict_layout, tuple(sorted(ci.rebound))))
        return hash(tuple(out))

    # ------------------------------------------------------------------ monomorphisation
    def instance_for(self, fi, args, kwargs):
        """The instance of fi that runs for these argument types, created on first use; fi itself
        beyond MAX_INSTANCES signatures; None while an argument type is unknown."""
        key = signature_key(args, kwargs)
        if key is None:
            return None
        inst = fi.instances.get(key)
        if inst is None:
            if len(fi.instances) >= MAX_INSTANCES:
                return fi
            inst = FuncInfo(fi.node, fi.scope, fi.module, fi.parent, fi.cls, fi.kind, fi.name, fi.qualname)
            inst.params = [ParamInfo(p.name, p.kind, p.default, inst.slot(p.name)) for p in fi.params]
            inst.origin, inst.key = fi, key
            fi.instances[key] = inst
            self.all_funcs.append(inst)
            m.Slot.changed = True
        return inst

    def specialisation_candidates(self):
        """Functions worth an instance per call signature: a parameter joined conflicting types."""
        out = set()
        for fi in self.all_funcs:
            params = fi.params[1:] if fi.kind == "method" else fi.params
            if fi.module.src.stdlib and not fi.user_typed_calls:
                continue   # library code calling itself: instances would only add inference rounds and C
            if fi.origin is None and _specialisable(fi) and any(
                    p.slot.get() is m.DYN and ((p.slot.find().reason or "").startswith("holds ")
                                               or fi.typed_direct_calls)
                    for p in params):
                out.add(fi.node)
        return out

    def _walk_all(self, record):
        for mod in self.modules.values():
            Walker(self, mod.body, record).run()
        for fi in self.all_funcs:
            Walker(self, fi, record).run()
        if self.program.exports is not None:   # an extension module: CPython may do anything with them
            main = self.modules[self.program.main.name]
            for name in self.program.exports:
                slot = main.globals.get(name)
                if slot is not None:   # (a module's list is shared with CPython, which may store anything)
                    m.escape(slot.get())

    def _link_bases(self):
        for ci in self.all_classes:
            mod = ci.module
            for b in ci.node.bases:
                if isinstance(b, ast.Name) and b.id in BUILTIN_EXCEPTIONS and not mod.binds(b.id):
                    # (every builtin exception has the same layout: class E(LookupError, SystemError) has
                    # the first's, and both in its MRO)
                    if ci.builtin_base is None:
                        ci.builtin_base = b.id
                    ci.base_order.append(("builtin", b.id))
                elif isinstance(b, ast.Name) and b.id == "object" and not mod.binds(b.id):
                    ci.base_order.append(("object",))
                elif isinstance(b, ast.Name) and b.id == "type" and not mod.binds(b.id):
                    ci.type_base = True
                    ci.base_order.append(("type",))
                elif isinstance(b, ast.Name) and b.id in SUBCLASSABLE_BUILTINS and not mod.binds(b.id):
                    if ci.builtin_type_base is not None:
                        self.errors.append(error_at(mod.src.display_path, b,
                                                    "a class with two builtin type bases is not supported by pyrite"))
                    ci.builtin_type_base = b.id
                    ci.base_order.append(("btype", SUBCLASSABLE_BUILTINS[b.id]))
                else:
                    base = self._class_by_expr(mod, b)
                    if base is None:
                        # a base computed at run time (class T(namedtuple(...)), a class of a module
                        # the runtime provides): the class is made at run time too (runtime_base)
                        ci.runtime_base = True
                        ci.base_order.append(("expr", b))
                        continue
                    if base in ci.bases:
                        continue   # (the runtime raises "duplicate base class")
                    ci.bases.append(base)
                    ci.base_order.append(("class", base))
                    base.subclasses.append(ci)
        # a class deriving from a run-time-made class is made at run time as well
        changed = True
        while changed:
            changed = False
            for ci in self.all_classes:
                if not ci.runtime_base and any(b.runtime_base for b in ci.bases):
                    ci.runtime_base = changed = True
        for ci in self.all_classes:
            if ci.runtime_base:
                # its instances' layout and inherited attributes are known only at run time: the class
                # object and its instances are dynamic values, its methods called dynamically
                ci.base_order = [("expr", b) for b in ci.node.bases]
                ci.bases = []
                ci.dict_layout = True
                for fi in ci.methods.values():
                    fi.mark_escaped("its class is made at run time")
                    if fi.params:
                        fi.params[0].slot.join(m.DYN, "self of a method of a class made at run time")
                for props in ci.properties.values():
                    for fi in props:
                        if fi is not None:
                            fi.mark_escaped("its class is made at run time")
                            if fi.params:
                                fi.params[0].slot.join(m.DYN, "self of a method of a class made at run time")
        for ci in self.all_classes:
            ci.subclasses = [s for s in ci.subclasses if not s.runtime_base]
        for ci in self.all_classes:
            ci._mro = None
        # The layout base: the first base that is an exception class when the class is one (its
        # instances are exceptions), else the first base. A class in some class's MRO but not in that
        # class's layout chain keeps its attributes in the instance dict (dict_layout), as do its bases.
        for ci in self.all_classes:
            exc = [b for b in ci.bases if b.is_exception()]
            builtin_layout = [b for b in ci.bases if b.builtin_base_type()]
            if exc:
                ci.base = exc[0]
            elif ci.builtin_type_base is not None:
                ci.base = None   # the builtin type's layout (class C(int, Mixin))
            elif builtin_layout:
                ci.base = builtin_layout[0]   # (class D(Mixin, C) with C a subclass of int)
            elif ci.builtin_base is None and ci.bases:
                ci.base = ci.bases[0]
        for ci in self.all_classes:
            chain = set(ci.layout_chain())
            for k in ci.mro():
                if k not in chain:
                    k.dict_layout = True
            if ci.is_metaclass() or ci.builtin_base_type():
                ci.dict_layout = True   # its instances are classes, or builtins: attributes go to their dict
        # metaclasses: explicit (metaclass=M), else inherited from the bases (the runtime picks the most
        # derived one; this picks the first a base has, for typing)
        for ci in self.all_classes:
            for k in ci.node.keywords:
                if k.arg == "metaclass":
                    ci.meta_expr = k.value
                    if not (isinstance(k.value, ast.Name) and k.value.id == "type"
                            and not ci.module.binds("type")):
                        meta = self._class_by_expr(ci.module, k.value)
                        if meta is not None and meta.is_metaclass():
                            ci.meta = meta
        for ci in self.all_classes:   # attribute hooks see every access: no compiled fields
            if any(n in ci.methods for n in ("__getattribute__", "__setattr__", "__delattr__")):
                ci.make_dict_layout()
        for ci in bases_first(self.all_classes):   # every name of a literal __slots__ is a compiled field
            if ci.own_slots and not ci.dict_layout:   # (dynamic code may be its only writer)
                for n in ci.own_slots:
                    if n not in ("__dict__", "__weakref__") and ci.find_field(n) is None:
                        ci.field_for_store(n)
        for ci in bases_first(self.all_classes):
            if ci.meta is None:
                ci.meta = next((b.meta for b in ci.bases if b.meta is not None), None)
            if ci.meta is not None:   # the metaclass's methods receive the class (and run at run time)
                ci.meta.mark_escaped()
                ci.mark_escaped()

    def _class_by_expr(self, mod, node):
        if isinstance(node, ast.Name):
            for ci in self.all_classes:
                if ci.name == node.id and ci.module is mod and ci.qualname == ci.name:
                    return ci
            for st in mod.src.tree.body:   # X = C at module level, X never rebound: X names the class C
                if isinstance(st, ast.Assign) and isinstance(st.value, (ast.Name, ast.Attribute, ast.Call)) and any(
                        isinstance(t, ast.Name) and t.id == node.id for t in st.targets) \
                        and self._assigned_once(mod, node.id):
                    if not (isinstance(st.value, ast.Name) and st.value.id == node.id):
                        return self._class_by_expr(mod, st.value)
            for imp in ast.walk(mod.src.tree):
                if isinstance(imp, ast.ImportFrom):
                    for a in imp.names:
                        if (a.asname or a.name) == node.id:
                            src = self._module_for_from(mod, imp)
                            if src is not None:
                                return self._class_by_expr(src, ast.Name(a.name))
            return None
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            target = self.modules.get(node.value.id)
            if target is not None:
                return self._class_by_expr(target, ast.Name(node.attr))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type" \
                and len(node.args) == 1 and not node.keywords and not mod.binds("type"):
            # type(list[int]) is types.GenericAlias, type(int | str) types.UnionType (pyrite/lib/_pyrite_types.py)
            from pyrite.frontend.desugar import GENERIC_BUILTINS
            a = node.args[0]
            types_mod = self.modules.get("_pyrite_types")
            if types_mod is not None:
                if isinstance(a, ast.Subscript) and isinstance(a.value, ast.Name) and a.value.id in GENERIC_BUILTINS:
                    return self._class_by_expr(types_mod, ast.Name("GenericAlias"))
                if isinstance(a, ast.BinOp) and isinstance(a.op, ast.BitOr):
                    return self._class_by_expr(types_mod, ast.Name("UnionType"))
        return None

    def _assigned_once(self, mod, name):
        n = 0
        for x in ast.walk(mod.src.tree):
            if isinstance(x, ast.Name) and x.id == name and not isinstance(x.ctx, ast.Load):
                n += 1
            elif isinstance(x, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and x.name == name:
                n += 2
            elif isinstance(x, (ast.Import, ast.ImportFrom)) and any((a.asname or a.name) == name for a in x.names):
                n += 2
            elif isinstance(x, ast.Global) and name in x.names:
                n += 2
        return n == 1

    def _module_for_from(self, mod, node):
        from pyrite.frontend.modules import resolve_relative
        return self.modules.get(resolve_relative(mod.src, node))

    def module_named(self, name):
        if name in self.modules:
            return m.ModuleT(self.modules[name])
        if name in self.builtin_modules:
            return m.ModuleT(self.builtin_modules[name])
        return m.DYN


def falls_through(body):
    """Can control reach the end of this statement list? (conservative: True when unsure)"""
    for s in body:
        if not _stmt_falls_through(s):
            return False
    return True


def _stmt_falls_through(s):
    if isinstance(s, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return False
    if isinstance(s, ast.If):
        return falls_through(s.body) or falls_through(s.orelse)
    if isinstance(s, ast.While):
        always = isinstance(s.test, ast.Constant) and bool(s.test.value)
        return not always or any(isinstance(n, ast.Break) for n in _loop_breaks(s.body))
    if isinstance(s, ast.Try):
        if s.finalbody and not falls_through(s.finalbody):
            return False
        body_ok = falls_through(s.body) and falls_through(s.orelse)
        return body_ok or any(falls_through(h.body) for h in s.handlers)
    if isinstance(s, ast.With):
        return True
    return True


def _loop_breaks(body):
    """Break statements belonging to this loop (not to nested loops)."""
    stack = list(body)
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Break):
            yield n
        elif isinstance(n, (ast.For, ast.While)):
            stack.extend(n.orelse)
        elif isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        else:
            stack.extend(c for c in ast.iter_child_nodes(n) if isinstance(c, ast.stmt))
            if isinstance(n, ast.Try):
                for h in n.handlers:
                    stack.extend(h.body)


def _genexp_parts(node):
    parts = [node.elt]
    for i, g in enumerate(node.generators):
        if i > 0:
            parts.append(g.iter)
        parts += g.ifs
    return [ast.Expr(p) for p in parts]


def _walk_scope(body):
    """Nodes directly in this scope that open a new scope (not descending into them)."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.Lambda, ast.ClassDef, ast.GeneratorExp)):
            yield node
            # defaults, decorators and bases belong to the enclosing scope
            if isinstance(node, (ast.FunctionDef, ast.Lambda)):
                extra = node.args.defaults + [d for d in node.args.kw_defaults if d]
                extra += getattr(node, "decorator_list", [])
                stack.extend(reversed(extra))
            elif isinstance(node, ast.ClassDef):
                stack.extend(reversed(node.bases + node.decorator_list))
            else:
                stack.append(node.generators[0].iter)
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


class Walker:
    """Types one function body (or a module body) against the current slots."""

    def __init__(self, inf, func, record):
        self.inf, self.func, self.record = inf, func, record
        self.mod = func.module
        self.cls_body = None   # ClassInfo while walking a class body

    def run(self):
        node = self.func.node
        if isinstance(node, ast.Module):
            self.stmts(node.body)
        elif isinstance(node, ast.Lambda):
            self.func.ret.join(self.expr(node.body))
        elif isinstance(node, ast.GeneratorExp):
            self.genexp_body(node)
        else:
            self.stmts(node.body)
            if not self.func.is_generator and falls_through(node.body):
                self.func.ret.join(m.NONE)   # falling off the end returns None

    # ------------------------------------------------------------------ names
    def name_type(self, name):
        if self.cls_body is not None and name in self.cls_body.node_scope_bound:
            return self.cls_body.attrs.get(name, m.Slot()).get()
        kind = self.func.scope.classify(name) if self.func.kind != "module" else "global"
        if kind in ("local", "cell"):
            return self.func.slot(name).get()
        if kind == "free":
            owner = self.func.owner_of(name)
            return owner.slot(name).get() if owner else m.DYN
        return self.global_type(self.mod, name)

    def global_type(self, mod, name):
        if mod.binds(name) or name in mod.globals:
            return mod.globals.setdefault(name, m.Slot()).get()
        if name in BUILTIN_NAMES:
            return m.BuiltinT(name)
        return m.DYN

    def bind(self, name, t):
        if self.cls_body is not None:
            ci = self.cls_body
            if isinstance(t, m.FuncT) and t.func.cls is ci and t.func.kind == "method" \
                    and ci.methods.get(t.func.name) is t.func and name not in ci.methods \
                    and name not in ci.properties:
                ci.methods[name] = t.func   # `__radd__ = __add__`: another name for the same method
                self.inf.note_member(ci, name)
                return
            ci.attrs.setdefault(name, m.Slot(what="class attribute")).join(m.DYN)
            m.escape(t)
            return
        kind = self.func.scope.classify(name) if self.func.kind != "module" else "global"
        if kind in ("local", "cell"):
            self.func.slot(name).join(t)
        elif kind == "free":
            owner = self.func.owner_of(name)
            if owner:
                owner.slot(name).join(t)
        else:
            self.mod.globals.setdefault(name, m.Slot(what="global %s" % name)).join(t)

    # ------------------------------------------------------------------ statements
    def stmts(self, body):
        for s in body:
            getattr(self, "s_" + type(s).__name__, self.s_other)(s)

    def s_other(self, node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self.expr(child)

    def s_Expr(self, node):
        self.expr(node.value)

    def s_Assign(self, node):
        t = self.expr(node.value)
        for target in node.targets:
            self.assign(target, t)

    def s_AnnAssign(self, node):
        if node.value is not None:
            self.assign(node.target, self.expr(node.value))
        if self.cls_body is not None and node.simple and not future_annotations(self.mod.src.tree):
            escape_annotation(self.expr(node.annotation))   # (stored in the class's __annotations__)

    def s_AugAssign(self, node):
        cur = self.load_target(node.target)
        t = self.binop_type(node.op, cur, self.expr(node.value), node)
        self.assign(node.target, t, aug=True)

    def load_target(self, target):
        if isinstance(target, ast.Name):
            return self.name_type(target.id)
        if isinstance(target, ast.Attribute):
            return self.attr_type(self.expr(target.value), target.attr, target)
        if isinstance(target, ast.Subscript):
            return self.subscript_type(self.expr(target.value), target.slice, target)
        return m.DYN

    def s_For(self, node):
        it = self.expr(node.iter)
        self.assign(node.target, self.iter_elem(it, node.iter))
        self.stmts(node.body)
        self.stmts(node.orelse)

    def s_While(self, node):
        self.expr(node.test)
        self.stmts(node.body)
        self.stmts(node.orelse)

    def s_If(self, node):
        self.expr(node.test)
        self.stmts(node.body)
        self.stmts(node.orelse)

    def s_With(self, node):
        for item in node.items:
            ctx = self.expr(item.context_expr)
            t = self.enter_type(ctx, item.context_expr)
            if item.optional_vars is not None:
                self.assign(item.optional_vars, t)
        self.stmts(node.body)

    def enter_type(self, ctx, node):
        if ctx is m.FILE or ctx is m.BFILE:
            return ctx
        cls = _instance_class(ctx)
        if cls is not None:
            t = self.method_call(node, ctx, "__enter__", [], {}, record_node=None)
            self.method_call(node, ctx, "__exit__", [m.DYN, m.DYN, m.DYN], {}, record_node=None)
            return t
        return m.BOTTOM if ctx is m.BOTTOM else m.DYN

    def s_Try(self, node):
        self.stmts(node.body)
        for h in node.handlers:
            if h.type is not None:
                t = self.expr(h.type)
                if h.name:
                    self.bind(h.name, self.exception_instance(t))
            self.stmts(h.body)
        self.stmts(node.orelse)
        self.stmts(node.finalbody)

    def exception_instance(self, t):
        if isinstance(t, m.ClassT):
            return m.InstanceT(t.cls)
        if isinstance(t, m.TupleT):
            r = m.BOTTOM
            for x in t.items:
                r = m.join(r, self.exception_instance(x))
            return r
        return m.DYN

    def s_Return(self, node):
        t = self.expr(node.value) if node.value is not None else m.NONE
        if not self.func.is_generator:
            self.func.ret.join(t)
        else:
            m.escape(t)

    def s_Raise(self, node):
        if node.exc is not None:
            m.escape(self.expr(node.exc))
        if node.cause is not None:
            m.escape(self.expr(node.cause))

    def s_Delete(self, node):
        for t in node.targets:
            if not isinstance(t, ast.Name):
                self.expr(t.value)
                if isinstance(t, ast.Subscript):
                    self.expr(t.slice)

    def s_Pass(self, node):
        pass

    s_Break = s_Continue = s_Global = s_Nonlocal = s_Pass

    def s_Assert(self, node):
        self.expr(node.test)
        if node.msg is not None:
            m.escape(self.expr(node.msg))

    def absent(self, dotted):
        """The module or one of its packages is absent (imported where ImportError is caught)."""
        parts = dotted.split(".")
        return any(".".join(parts[:i]) in self.inf.program.missing for i in range(1, len(parts) + 1))

    def s_Import(self, node):
        for a in node.names:
            if self.absent(a.name):
                return   # raises ModuleNotFoundError; binds nothing
            if a.asname:
                self.bind(a.asname, self.inf.module_named(a.name))
            else:
                self.bind(a.name.split(".")[0], self.inf.module_named(a.name.split(".")[0]))

    def s_ImportFrom(self, node):
        from pyrite.frontend.modules import resolve_relative, IGNORED_MODULES
        base = resolve_relative(self.mod.src, node)
        if base in IGNORED_MODULES or self.absent(base):
            return   # (an absent module raises ModuleNotFoundError; binds nothing)
        if base == "builtins":
            for a in node.names:
                if a.name in BUILTIN_NAMES:
                    self.bind(a.asname or a.name, m.BuiltinT(a.name))
            return
        for a in node.names:
            if base in self.inf.builtin_modules and a.name != "*":
                self._check_provided(base, a.name, a)
            self.bind(a.asname or a.name, self.imported_name(base, a.name))

    def imported_name(self, base, name):
        if base in self.inf.builtin_modules:
            c = stubs().module_const(base, name)
            if c is not None:
                return c
            return m.BuiltinT(base + "." + name)
        sub = base + "." + name
        if sub in self.inf.modules and not package_rebinds(self.inf.modules[base].src, name):
            return m.ModuleT(self.inf.modules[sub])
        mod = self.inf.modules[base]
        return self.global_type(mod, name)

    def s_FunctionDef(self, node):
        fi = self.inf.funcs[node]
        self.def_defaults(fi)
        dk = decorator_kind(node)
        if self.cls_body is not None and dk == "other":
            # @deco def m(self): ...  in a class: the attribute is deco(m), whatever that is
            t = m.FuncT(fi)
            fi.mark_escaped("it is decorated")
            fi.decorated = True
            for d in reversed(node.decorator_list):
                t = self.call_value(None, self.expr(d), [t], {})
            self.bind(node.name, t)
            return
        if self.cls_body is not None and fi.cls is not None:
            return   # methods: bound in the class namespace, not as class attributes typed here
        if dk is None:
            self.bind(node.name, m.FuncT(fi))
        else:
            for d in node.decorator_list:
                self.expr(d)
            fi.mark_escaped("it is decorated")
            fi.decorated = True
            self.bind(node.name, m.DYN)

    def def_defaults(self, fi):
        if not future_annotations(self.mod.src.tree):   # (evaluated when the def runs: __annotations__)
            for a in function_annotations(fi.node):
                escape_annotation(self.expr(a[1]))
        for f in [fi] + list(fi.instances.values()):
            for p in f.params:
                if p.default is not None:
                    p.slot.join(self.expr(p.default))
                elif p.kind == "star":
                    p.slot.join(m.TupleOfT(m.BOTTOM))
                elif p.kind == "starstar":
                    p.slot.join(m.DictT(m.Slot(m.STR), m.Slot()))

    def s_ClassDef(self, node):
        ci = self.inf.classes[node]
        for b in node.bases:
            self.expr(b)
        for k in node.keywords:
            m.escape(self.expr(k.value))
        outer = self.cls_body
        ci.node_scope_bound = self.mod.scopes[node].bound
        self.cls_body = ci
        for stmt in node.body:
            if isinstance(stmt, ast.FunctionDef):
                self.s_FunctionDef(stmt)
            elif isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.Expr, ast.Pass)):
                self.stmts([stmt])
            elif isinstance(stmt, ast.ClassDef):
                self.s_ClassDef(stmt)
            else:   # if/for/try/with/del/import...: what they bind are class attributes (a def among them
                self.stmts([stmt])   # is a plain function stored in the namespace, bound as methods are)
        self.cls_body = outer
        t = m.ClassT(ci) if not ci.runtime_base else m.DYN
        for d in reversed(node.decorator_list):   # @deco class C: ...  is  C = deco(C)
            t = self.call_value(None, self.expr(d), [t], {})
        if self.func.kind != "module" and isinstance(t, m.ClassT):
            # a class statement in a function makes a new class object on every call, each with its
            # own closure: the name holds whichever one this call made, so it is used dynamically
            # (instances are created and methods called through the actual class object)
            m.escape(t)
            t = m.DYN
        self.bind(node.name, t)

    # ------------------------------------------------------------------ assignment
    def assign(self, target, t, aug=False):
        if isinstance(target, ast.Name):
            self.bind(target.id, t)
        elif isinstance(target, (ast.Tuple, ast.List)):
            self.unpack(target.elts, t)
        elif isinstance(target, ast.Attribute):
            self.store_attr(self.expr(target.value), target.attr, t)
        elif isinstance(target, ast.Subscript):
            self.store_subscript(self.expr(target.value), target.slice, t, target)
        elif isinstance(target, ast.Starred):
            self.assign(target.value, m.ListT(m.Slot(t)))
        if self.record:
            self.func.types[target] = t

    def unpack(self, elts, t):
        star = any(isinstance(e, ast.Starred) for e in elts)
        if isinstance(t, m.TupleT) and not star and len(t.items) == len(elts):
            for e, it in zip(elts, t.items):
                self.assign(e, it)
            return
        elem = self.iter_elem(t, None)
        for e in elts:
            if isinstance(e, ast.Starred):
                self.assign(e.value, m.ListT(m.Slot(elem)))
                if self.record:
                    self.func.types[e] = m.ListT(m.Slot(elem))
            else:
                self.assign(e, elem)

    def dict_access(self, obj):
        """obj.__dict__ (or vars(obj)): the instance's own attribute dict."""
        cls = _instance_class(obj)
        if cls is not None:
            cls.make_dict_layout()
        elif obj is m.DYN:
            ClassInfo.note_dyn_dict_access()

    def store_attr(self, obj, name, t):
        if name == "__dict__":
            self.dict_access(obj)
            m.escape(t)
            return
        cls = _instance_class(obj)
        if cls is not None and cls.custom_setattr():
            m.escape(t)   # through __setattr__ at run time
            return
        if cls is not None:
            prop = cls.lookup_property(name)
            if prop is not None:
                if cls.method_rebound(name):
                    m.escape(t)
                elif prop[1] is not None and len(prop[1].params) > 1:
                    prop[1].params[1].slot.join(t)
                return
            if cls.find_field(name) is None and cls.slots_only() and name not in cls.slot_names():
                m.escape(t)   # AttributeError at run time (or a subclass's instance dict)
                return
            if cls.find_field(name) is None and _may_be_data_descriptor(cls, name):
                m.escape(t)   # a class attribute that may define __set__: stores go through it
                return
            if cls.dict_layout and cls.find_field(name) is None:
                # a subclass may hold it in a compiled field (the runtime's setattr finds that field)
                for sub in cls.all_subclasses():
                    f = sub.find_field(name)
                    if f is not None:
                        f.slot.join(t, "assigned through %s, a base with a dict layout" % cls.name)
                m.escape(t)
                return
            cls.field_for_store(name).slot.join(t)
        elif isinstance(m.module_or_optional(obj), m.ModuleT) and isinstance(m.module_or_optional(obj).module, ModuleInfo):
            m.module_or_optional(obj).module.globals.setdefault(name, m.Slot()).join(t)
        elif isinstance(obj, m.ClassT):
            self.rebind_method(obj.cls, name)
            m.escape(t)
        elif obj is m.BOTTOM or obj is m.NONE:
            return   # unknown yet, or always None (the store raises AttributeError)
        else:
            # unknown object: any class's attribute of that name may be the target, or a class itself
            for ci in self.inf.all_classes:
                f = ci.fields.get(name)
                if f is not None:
                    f.slot.join(t, "assigned through a dynamically typed object")
                if name in ci.methods or name in ci.properties:
                    self.rebind_method(ci, name)
            # or a module object (warnings.catch_warnings stores `self._module.filters`): a data global
            # of that name (not a function, class or module: those keep their direct uses, and a store
            # into them from dynamic code raises TypeError) takes the value's type
            for mod in self.inf.modules.values():
                g = mod.globals.get(name)
                if g is not None and not isinstance(m.resolved(g.get()), (m.FuncT, m.ClassT, m.ModuleT)):
                    g.join(t, "assigned through a dynamically typed object")
            m.escape(t)

    def rebind_method(self, ci, name):
        """`C.name = value` at run time: calls of C's method `name` must look it up from now on."""
        if name not in ci.rebound:
            ci.rebound.add(name)
            m.Slot.changed = True
            meth = ci.lookup_method(name)
            if meth is not None:
                meth.mark_escaped("the class attribute it is bound to is reassigned")
            for f in ci.lookup_property(name) or ():
                if f is not None:
                    f.mark_escaped("the class attribute it is bound to is reassigned")

    def store_subscript(self, obj, index_node, t, node):
        idx = self.expr(index_node)
        if idx is m.BOTTOM or t is m.BOTTOM or obj is m.NONE:
            return   # not known yet: a later iteration of the fixpoint stores the real types
        if isinstance(obj, m.ListT):
            if isinstance(index_node, ast.Slice) or idx is m.SLICE:
                obj.elem.join(self.iter_elem(t, None))
            elif idx in (m.INT, m.BOOL):
                obj.elem.join(t)
            else:   # unknown index type: an element or a slice assignment
                obj.elem.join(t)
                obj.elem.join(self.iter_elem(t, None))
        elif isinstance(obj, m.DictT):
            obj.key.join(idx)
            obj.value.join(t)
        elif _instance_class(obj) is not None:
            self.method_call(node, obj, "__setitem__", [idx, t], {}, record_node=None)
        elif obj is not m.BOTTOM:
            m.escape(t)
            m.escape(idx)

    # ------------------------------------------------------------------ expressions
    def expr(self, node):
        t = getattr(self, "e_" + type(node).__name__, self.e_other)(node)
        if self.record:
            self.func.types[node] = t
        return t

    def e_other(self, node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                m.escape(self.expr(child))
        return m.DYN

    def e_Constant(self, node):
        v = node.value
        if isinstance(v, bool):
            return m.BOOL
        if isinstance(v, int):
            # (an int beyond 64 bits in the 64-bit mode: an exact int object, dynamically typed)
            return m.INT if IntMode.exact or -2 ** 63 <= v < 2 ** 63 else m.DYN
        if isinstance(v, float):
            return m.FLOAT
        if isinstance(v, str):
            return m.STR
        if isinstance(v, bytes):
            return m.BYTES
        if v is None:
            return m.NONE
        return m.DYN

    def e_Name(self, node):
        t = self.name_type(node.id)
        ci = self.cls_body
        if ci is not None and node.id in ci.methods and node.id in ci.node_scope_bound \
                and not _still_gets_instances(ci.node, node):
            # a method read as a plain function in its class body and passed on (fractions'
            # `__add__, __radd__ = _operator_fallbacks(_add, ...)`): callers give any first argument
            fi = ci.methods[node.id]
            if fi.kind == "method" and fi.params:
                fi.params[0].slot.join(m.DYN, "first parameter of %s, which is used as a value in its class "
                                              "body, so callers are not all known" % fi.qualname)
        if self.record and node.id in UNPROVIDED_BUILTINS and t is m.DYN and self.cls_body is None \
                and not self.mod.src.stdlib \
                and (self.func.kind == "module" or self.func.scope.classify(node.id) == "global") \
                and not self.mod.binds(node.id):
            self.inf.errors.append(error_at(self.mod.src.display_path, node,
                                            "builtin '%s' is not supported by pyrite yet (%s)"
                                            % (node.id, UNPROVIDED_BUILTINS[node.id])))
        return t

    def e_NamedExpr(self, node):
        t = self.expr(node.value)
        # the target binds in the enclosing function (comprehensions are inlined)
        self.bind(node.target.id, t)
        if self.record:
            self.func.types[node.target] = t
        return t

    def e_BinOp(self, node):
        t = self.binop_type(node.op, self.expr(node.left), self.expr(node.right), node)
        if t is m.INT and not IntMode.exact:
            from pyrite.build_ir.expressions import const_value
            v = const_value(node)   # 1 << 100: CPython folds it; an exact int object (dynamically typed)
            if type(v) is int and not -2 ** 63 <= v < 2 ** 63:
                return m.DYN
        return t

    def binop_type(self, op, a, b, node):
        if a is m.BOTTOM or b is m.BOTTOM:
            return m.BOTTOM
        # an optional number computes as the number (None raises TypeError at run time: lowering takes
        # the generic path for it)
        a, b = _optional_number(a), _optional_number(b)
        if isinstance(node, ast.BinOp) and isinstance(a, m.InstanceT):
            r = self.operator_method_call(node, op, a, b)
            if r is not None:
                return r
        num = (m.INT, m.BOOL, m.FLOAT, m.NUM)
        if a in num and b in num:
            if isinstance(op, (ast.BitAnd, ast.BitOr, ast.BitXor)) and a is m.BOOL and b is m.BOOL:
                return m.BOOL
            if m.NUM in (a, b) and m.FLOAT not in (a, b):
                # int | float with an int or another int | float: an int only when both are ints
                if isinstance(op, ast.Div):
                    return m.FLOAT
                if isinstance(op, (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod)):
                    return m.NUM
                if isinstance(op, ast.Pow):
                    r = getattr(node, "right", None) if not isinstance(node, ast.AugAssign) else node.value
                    if isinstance(r, ast.Constant) and type(r.value) is int and r.value >= 0:
                        return m.NUM
                return m.DYN
            if m.FLOAT in (a, b):
                if isinstance(op, (ast.LShift, ast.RShift, ast.BitAnd, ast.BitOr, ast.BitXor, ast.MatMult)):
                    return m.DYN
                return m.FLOAT
            if isinstance(op, ast.Div):
                return m.FLOAT
            if isinstance(op, ast.Pow):
                r = getattr(node, "right", None) if not isinstance(node, ast.AugAssign) else node.value
                if isinstance(r, ast.Constant) and isinstance(r.value, int) and r.value >= 0:
                    return m.INT
                return m.DYN
            if isinstance(op, ast.MatMult):
                return m.DYN
            return m.INT
        if a is m.STR:
            if isinstance(op, ast.Add) and b is m.STR:
                return m.STR
            if isinstance(op, ast.Mult) and b in (m.INT, m.BOOL):
                return m.STR
            if isinstance(op, ast.Mod):   # formatting only reads b (like print's arguments)
                return m.STR
        if b is m.STR and isinstance(op, ast.Mult) and a in (m.INT, m.BOOL):
            return m.STR
        if isinstance(a, m.ListT):
            if isinstance(op, ast.Add) and isinstance(b, m.ListT):
                return m.ListT(m.Slot(m.join(a.elem.get(), b.elem.get())))
            if isinstance(op, ast.Mult) and b in (m.INT, m.BOOL):
                return m.ListT(m.Slot(a.elem.get()))
        if isinstance(b, m.ListT) and isinstance(op, ast.Mult) and a in (m.INT, m.BOOL):
            return m.ListT(m.Slot(b.elem.get()))
        if isinstance(a, (m.TupleT, m.TupleOfT)) and isinstance(op, ast.Add) and isinstance(b, (m.TupleT, m.TupleOfT)):
            if isinstance(a, m.TupleT) and isinstance(b, m.TupleT):
                return m.TupleT(a.items + b.items)
            return m.join(m.TupleOfT(m.elem_of(a)), m.TupleOfT(m.elem_of(b)))
        if isinstance(a, m.SetT) and isinstance(b, m.SetT) and isinstance(op, (ast.BitOr, ast.BitAnd, ast.Sub, ast.BitXor)):
            return m.SetT(m.Slot(m.join(a.elem.get(), b.elem.get())))
        self.runtime_binop(op, a, b, isinstance(node, ast.AugAssign))
        m.escape(a)
        m.escape(b)
        return m.DYN

    def runtime_binop(self, op, a, b, inplace):
        """A generic `a op b`: the runtime may call a's __op__ (or __iop__) with b and b's __rop__ with a."""
        name = OPERATOR_DUNDERS.get(type(op))
        if name is None:
            return
        sides = [(name, a, b), ("__r" + name[2:], b, a)]
        if inplace:
            sides.append(("__i" + name[2:], a, b))
        for n, recv, other in sides:
            for ci in self.inf.classes_with.get(n, ()):
                fi = ci.methods.get(n)
                if fi is not None and fi.kind == "method" and _may_be_instance(recv, ci):
                    self.inf.runtime_call(fi, [other], {})

    def operator_method_call(self, node, op, a, b):
        """`a + b` with `a` an instance of a compiled class defining __add__ (and no class of the program
        defining the reflected __radd__, which could take precedence): a direct call of a.__add__(b),
        recorded on the BinOp node. None: not applicable (the generic operator path)."""
        name = OPERATOR_DUNDERS.get(type(op))
        meth = a.cls.lookup_method(name) if name else None
        if meth is None or meth.kind != "method" or any(
                "__r" + name[2:] in ci.methods for ci in self.inf.classes_with.get("__r" + name[2:], ())):
            return None
        return self.instance_call(node, a, a.cls, name, [b], {})

    def e_UnaryOp(self, node):
        t = self.expr(node.operand)
        if isinstance(node.op, ast.Not):
            return m.BOOL
        if t is m.BOTTOM:
            return m.BOTTOM
        t = _optional_number(t)
        if t in (m.INT, m.BOOL):
            return m.INT
        if t in (m.FLOAT, m.NUM) and not isinstance(node.op, ast.Invert):
            return t
        return m.DYN

    def e_BoolOp(self, node):
        r = m.BOTTOM
        for v in node.values:
            r = m.join(r, self.expr(v))
        return r

    def e_Compare(self, node):
        types = [self.expr(node.left)] + [self.expr(c) for c in node.comparators]
        if any(t is m.BOTTOM for t in types):
            return m.BOTTOM
        for op, a, b in zip(node.ops, types, types[1:]):
            if isinstance(op, (ast.Is, ast.IsNot, ast.In, ast.NotIn)):
                continue
            if _instance_class(a) is not None or _instance_class(b) is not None or a is m.DYN or b is m.DYN:
                return m.DYN   # user comparison methods may return anything
        return m.BOOL

    def e_IfExp(self, node):
        self.expr(node.test)
        return m.join(self.expr(node.body), self.expr(node.orelse))

    def e_List(self, node):
        return m.ListT(m.Slot(self.elems_type(node.elts)))

    def e_Set(self, node):
        return m.SetT(m.Slot(self.elems_type(node.elts)))

    def elems_type(self, elts):
        r = m.BOTTOM
        for e in elts:
            if isinstance(e, ast.Starred):
                r = m.join(r, self.iter_elem(self.expr(e.value), e.value))
            else:
                r = m.join(r, self.expr(e))
        return r

    def e_Tuple(self, node):
        if any(isinstance(e, ast.Starred) for e in node.elts):
            return m.TupleOfT(self.elems_type(node.elts))
        return m.TupleT([self.expr(e) for e in node.elts])

    def e_Dict(self, node):
        k, v = m.Slot(), m.Slot()
        for key, val in zip(node.keys, node.values):
            if key is None:
                other = self.expr(val)
                if isinstance(other, m.DictT):
                    k.join(other.key.get())
                    v.join(other.value.get())
                else:
                    k.join(m.DYN)
                    v.join(m.DYN)
            else:
                k.join(self.expr(key))
                v.join(self.expr(val))
        return m.DictT(k, v)

    def comprehension(self, gens):
        for g in gens:
            it = self.expr(g.iter)
            self.assign(g.target, self.iter_elem(it, g.iter))
            for c in g.ifs:
                self.expr(c)

    def e_ListComp(self, node):
        self.comprehension(node.generators)
        return m.ListT(m.Slot(self.expr(node.elt)))

    def e_SetComp(self, node):
        self.comprehension(node.generators)
        return m.SetT(m.Slot(self.expr(node.elt)))

    def e_DictComp(self, node):
        self.comprehension(node.generators)
        return m.DictT(m.Slot(self.expr(node.key)), m.Slot(self.expr(node.value)))

    def e_GeneratorExp(self, node):
        fi = self.inf.funcs[node]
        it = self.expr(node.generators[0].iter)
        fi.params[0].slot.join(it)
        return m.IterT(fi.yield_slot, "generator")

    def genexp_body(self, node):
        gens = node.generators
        first = self.func.slot(".0").get()
        self.assign(gens[0].target, self.iter_elem(first, None))
        for c in gens[0].ifs:
            self.expr(c)
        self.comprehension(gens[1:])
        self.func.yield_slot.join(self.expr(node.elt))

    def e_Lambda(self, node):
        fi = self.inf.funcs[node]
        self.def_defaults(fi)
        return m.FuncT(fi)

    def e_JoinedStr(self, node):
        for v in node.values:
            self.expr(v)
        return m.STR

    def e_FormattedValue(self, node):
        self.expr(node.value)
        if node.format_spec is not None:
            self.expr(node.format_spec)
        return m.STR

    def e_Yield(self, node):
        t = self.expr(node.value) if node.value is not None else m.NONE
        self.func.yield_slot.join(t)
        return m.DYN

    def e_YieldFrom(self, node):
        t = self.expr(node.value)
        self.func.yield_slot.join(self.iter_elem(t, node.value))
        return m.DYN

    def e_Starred(self, node):
        return self.expr(node.value)

    def e_Slice(self, node):
        for part in (node.lower, node.upper, node.step):
            if part is not None:
                self.expr(part)
        return m.SLICE

    def e_Attribute(self, node):
        return self.attr_type(self.expr(node.value), node.attr, node)

    def _check_provided(self, module, name, node):
        """An attribute of a module the runtime provides (sys, math, time, random) that CPython's module
        has but pyrite's does not is a compile-time error, not an AttributeError at run time (a name
        neither has still raises AttributeError there, as in CPython)."""
        consts, funcs = stubs().modules.get(module, ({}, {}))
        if module == "sys" and name == "modules":
            self.inf.uses_sys_modules = True   # every module then registers itself (build_ir/functions.py)
        if module == "time" and name == "strptime":
            self.inf.uses_dynamic_import = True   # (it imports _strptime when called: runtime/src/timemod.c)
        if name in funcs or name in consts or name.startswith("__"):
            return
        import importlib
        try:
            real = importlib.import_module(module)
        except ImportError:
            return
        if not hasattr(real, name):
            return
        if getattr(self.mod.src, "stdlib", False):
            # standard-library code (threading's sys.settrace when a thread starts with a trace hook set):
            # AttributeError if it runs, as for the builtins pyrite lacks (user code: the error below)
            return
        key = (id(node), name)
        if key in self.inf.reported:
            return
        self.inf.reported.add(key)
        provided = ", ".join(sorted(n for n in list(funcs) + list(consts) if not n.startswith("_")))
        self.inf.errors.append(error_at(self.mod.src.display_path, node,
                                        "pyrite's '%s' module does not provide '%s' yet (it provides: %s)"
                                        % (module, name, provided)))

    def attr_type(self, obj, name, node):
        if obj is m.BOTTOM or obj is m.NONE:
            return m.BOTTOM   # unknown yet, or always None (the access raises AttributeError)
        obj = m.module_or_optional(obj)   # (None raises AttributeError: build_ir)
        if isinstance(obj, m.ModuleT):
            if isinstance(obj.module, BuiltinModule):
                if obj.module.name == "sys" and name == "modules":
                    self.inf.uses_sys_modules = True   # every module then registers itself
                c = stubs().module_const(obj.module.name, name)
                if c is None and node is not None:
                    self._check_provided(obj.module.name, name, node)
                return c if c is not None else m.BuiltinT(obj.module.name + "." + name)
            sub = obj.module.name + "." + name
            if sub in self.inf.modules and not package_rebinds(obj.module.src, name):
                # (a package that binds the name, `from .main import main` in unittest, rebinds it after
                # the submodule set it on the package: its global)
                return m.ModuleT(self.inf.modules[sub])
            if not (obj.module.binds(name) or name in obj.module.globals):
                return m.DYN   # whatever its module object holds at run time (build_ir: Pyrt_GetAttr)
            return self.global_type(obj.module, name)
        if name == "__dict__":
            self.dict_access(obj)
            return m.DYN
        cls = _instance_class(obj)
        if cls is not None and cls.custom_getattribute():
            return m.DYN
        if cls is not None:
            f = cls.find_field(name)
            if f is not None:
                return f.slot.get()
            prop = cls.lookup_property(name)
            if prop is not None and not cls.method_rebound(name):
                return self.call_function(prop[0], [obj], {}, None)
            if prop is not None:
                return m.DYN
            meth = cls.lookup_method(name)
            if meth is not None:
                meth.mark_escaped("it is used as a bound method value")
                for o in cls.overrides(name):
                    o.mark_escaped("it is used as a bound method value")
            elif cls.lookup_attr(name) is None and any(name in s.fields for s in cls.all_subclasses()):
                # a field of some subclasses read through the base: it becomes a field of the base
                return cls.field_for_store(name).slot.get()
            return m.DYN
        if isinstance(obj, m.ClassT):
            meth = obj.cls.lookup_method(name)
            if meth is not None and meth.kind != "classmethod" and not obj.cls.method_rebound(name):
                if meth.kind == "method" and not meth.unbound_use:
                    meth.unbound_use = True
                    if meth.escaped and meth.params:
                        meth.params[0].slot.join(m.DYN, "self of %s, which is used as a plain function"
                                                 % meth.qualname)
                return m.FuncT(meth)
            if meth is not None:
                meth.mark_escaped()
            return m.DYN
        if isinstance(obj, m.FuncT):
            obj.func.mark_escaped()
        return m.DYN

    def e_Subscript(self, node):
        obj = self.expr(node.value)
        name = None
        if isinstance(node.value, ast.Attribute) and isinstance(node.value.value, ast.Name):
            name = sys_modules_item(node, self.expr(node.value.value), self.inf.modules)
        if name is not None:
            self.expr(node.slice)
            return m.ModuleT(self.inf.modules[name])   # (checked to be that module: build_ir)
        return self.subscript_type(obj, node.slice, node)

    def subscript_type(self, obj, index, node):
        idx = self.expr(index)
        if obj is m.BOTTOM or idx is m.BOTTOM or obj is m.NONE:
            return m.BOTTOM
        if isinstance(obj, m.OptionalT) and _instance_class(obj) is None:
            # None raises TypeError at run time (lowering takes the generic path for optional receivers)
            obj = obj.inner
        is_slice = isinstance(index, ast.Slice) or idx is m.SLICE
        if idx not in (m.INT, m.BOOL, m.SLICE) and not isinstance(obj, m.DictT) \
                and (isinstance(obj, (m.ListT, m.TupleT, m.TupleOfT)) or obj in (m.BYTES, m.RANGE)):
            m.escape(idx)
            return m.DYN   # an index of unknown type may be a slice: element or sequence
        if isinstance(obj, m.ListT):
            return m.ListT(m.Slot(obj.elem.get())) if is_slice else obj.elem.get()
        if obj is m.STR:
            return m.STR
        if obj is m.BYTES:
            return m.BYTES if is_slice else m.INT
        if obj is m.RANGE:
            return m.RANGE if is_slice else m.INT
        if isinstance(obj, m.DictT):
            return obj.value.get()
        if isinstance(obj, m.TupleT):
            if is_slice:
                return m.TupleOfT(m.elem_of(obj))
            c = _const_int(index)
            if c is not None and -len(obj.items) <= c < len(obj.items):
                return obj.items[c]
            return m.elem_of(obj)
        if isinstance(obj, m.TupleOfT):
            return obj if is_slice else obj.elem
        if _instance_class(obj) is not None:
            return self.method_call(node, obj, "__getitem__", [idx], {}, record_node=None)
        m.escape(idx)
        return m.DYN

    def iter_elem(self, t, node):
        if t is m.BOTTOM:
            return m.BOTTOM
        cls = _instance_class(t)
        if cls is not None:
            it = self.method_call(node, t, "__iter__", [], {}, record_node=None)
            if isinstance(it, m.IterT):
                return it.elem.get()
            c2 = _instance_class(it)
            if c2 is not None:
                return self.method_call(node, it, "__next__", [], {}, record_node=None)
            return m.BOTTOM if it is m.BOTTOM else m.DYN
        return m.elem_of(t)

    # ------------------------------------------------------------------ calls
    def e_Call(self, node):
        f = node.func
        args, kwargs, star = self.call_args(node)
        if isinstance(f, ast.Attribute):
            if isinstance(f.value, ast.Call) and isinstance(f.value.func, ast.Name) and f.value.func.id == "super" \
                    and not self.func.scope.classify("super") in ("local", "cell", "free"):
                return self.super_call(node, f.attr, args, kwargs, star)
            recv = self.expr(f.value)
            if isinstance(recv, m.ModuleT) and isinstance(recv.module, BuiltinModule):
                self._check_provided(recv.module.name, f.attr, f)
            if star:
                return self.dynamic_call(node, args, kwargs, recv_name=f.attr, recv=recv)
            return self.method_call(node, recv, f.attr, args, kwargs, record_node=node)
        if isinstance(f, ast.Name) and f.id == "super" and not node.args and not node.keywords \
                and self.func.scope.classify("super") not in ("local", "cell", "free"):
            r = self.super_value(node)
            if r is not None:
                return r
        callee = self.expr(f)
        if star:
            return self.dynamic_call(node, args, kwargs, callee=callee)
        return self.call_value(node, callee, args, kwargs)

    def super_value(self, node):
        """`super()` as a value in a method (`base = super(); base.__init__(...)`, _strptime's TimeRE):
        super(C, self) with C the method's class, as CPython's __class__ cell gives it. What it finds
        is found at run time along the MRO: every method of the classes after C in it escapes."""
        f = self.func
        cls = f.cls if f.cls is not None or f.parent is None else f.parent.cls
        if cls is None or not (f.params or (f.parent is not None and f.parent.params)):
            return None
        for s in [cls] + list(cls.all_subclasses()):
            order = list(s.mro())
            for c in order[order.index(cls) + 1:]:
                for meth in c.methods.values():
                    meth.mark_escaped("super() reaches it through the MRO")
        self.note(node, ("super_value", cls))
        return m.DYN

    def call_args(self, node):
        args, kwargs, star = [], {}, False
        for a in node.args:
            if isinstance(a, ast.Starred):
                star = True
                args.append(self.expr(a.value))
            else:
                args.append(self.expr(a))
        for k in node.keywords:
            t = self.expr(k.value)
            if k.arg is None:
                star = True
                kwargs["**%d" % len(kwargs)] = t
            else:
                kwargs[k.arg] = t
        return args, kwargs, star

    def note(self, node, info):
        if self.record and node is not None:
            self.func.calls[node] = info

    def call_value(self, node, callee, args, kwargs):
        if callee is m.BOTTOM:
            return m.BOTTOM
        if isinstance(callee, m.FuncT):
            self.note(node, ("func", callee.func))
            return self.call_function(callee.func, args, kwargs, node)
        if isinstance(callee, m.ClassT):
            if callee.cls.custom_construction():   # through the class object at run time
                callee.cls.mark_escaped()
                for t in list(args) + list(kwargs.values()):
                    m.escape(t)
                return m.DYN
            self.note(node, ("class", callee.cls))
            return self.instantiate(callee.cls, args, kwargs, node)
        if isinstance(callee, m.BuiltinT):
            return self.call_builtin(node, callee.name, args, kwargs)
        if isinstance(callee, m.InstanceT):
            meth = callee.cls.lookup_method("__call__")
            if meth is not None and meth.kind == "method":   # obj(args): obj.__call__(args), direct
                r = self.instance_call(node, callee, callee.cls, "__call__", args, kwargs)
                if self.record and node is not None and self.func.calls.get(node, ("",))[0] == "method":
                    self.func.calls[node] = ("callmethod",) + self.func.calls[node][1:]
                return r
        return self.dynamic_call(node, args, kwargs, callee=callee)

    def dynamic_call(self, node, args, kwargs, callee=None, recv_name=None, recv=None):
        if callee is not None:
            star = any(k.startswith("**") for k in kwargs) or any(
                isinstance(a, ast.Starred) for a in getattr(node, "args", ()))
            for ci in self.inf.classes_with.get("__call__", ()):
                fi = ci.methods.get("__call__")
                if fi is not None and fi.kind == "method" and _may_be_instance(callee, ci):
                    self.inf.runtime_call(fi, args, kwargs, star)
        elif recv_name is None:   # a function of a provided module pyrite has no rules for
            self.inf.escape_runtime_dunders(list(args) + list(kwargs.values()))
        elif "key" in kwargs:     # e.g. list.sort(key=...) on a list pyrite cannot see
            self.inf.escape_callable(kwargs["key"])
        for t in list(args) + list(kwargs.values()):
            m.escape(t)
        if callee is not None:
            m.escape(callee)
        if recv_name is not None:
            self.mark_methods_named(recv_name)
            if recv is not None:
                m.escape(recv)
        self.note(node, ("dynamic",))
        return m.DYN

    def mark_methods_named(self, name):
        for ci in self.inf.classes_with.get(name, ()):
            if name in ci.methods:
                ci.methods[name].mark_escaped("it is called on a value whose class is not known")
            prop = ci.properties.get(name)
            if prop is not None:
                prop[0].mark_escaped("it is read through a value whose class is not known")

    def call_function(self, fi, args, kwargs, node):
        """Join argument types into fi's parameters (or those of its instance for these argument types);
        returns the result type."""
        if node is not None and not fi.typed_direct_calls and any(
                t is not m.DYN and t is not m.BOTTOM for t in list(args) + list(kwargs.values())):
            fi.typed_direct_calls = True   # an instance for typed callers would run typed code
        if node is not None and not fi.user_typed_calls and (not self.mod.src.stdlib or self.func.origin is not None) \
                and any(t is not m.DYN and t is not m.BOTTOM for t in list(args) + list(kwargs.values())):
            fi.user_typed_calls = True     # (a typed call from the program, or from a specialised instance)
        if fi.specialise and node is not None:
            inst = self.inf.instance_for(fi, args, kwargs)
            if inst is None:
                return m.BOTTOM   # an argument type is not known yet: the fixpoint comes back
            self.func.targets[(node, fi)] = inst
            fi = inst
        params = fi.params
        pos = [p for p in params if p.kind in ("posonly", "pos")]
        star = next((p for p in params if p.kind == "star"), None)
        starstar = next((p for p in params if p.kind == "starstar"), None)
        for p, t in zip(pos, args):
            p.slot.join(t)
        extra = args[len(pos):]
        if star is not None:
            e = m.BOTTOM
            for t in extra:
                e = m.join(e, t)
            star.slot.join(m.TupleOfT(e))
        elif extra:
            for t in extra:
                m.escape(t)
        byname = {p.name: p for p in params if p.kind in ("pos", "kw")}
        for k, t in kwargs.items():
            if k in byname:
                byname[k].slot.join(t)
            elif starstar is not None:
                starstar.slot.join(m.DictT(m.Slot(m.STR), m.Slot(t)))
            else:
                m.escape(t)
        if fi.is_generator:
            return m.IterT(fi.yield_slot, "generator")
        return fi.ret.get()

    def instantiate(self, ci, args, kwargs, node=None):
        init = ci.lookup_method("__init__")
        if init is not None:
            self.call_function(init, [m.InstanceT(ci)] + list(args), kwargs, node)
        else:
            for t in list(args) + list(kwargs.values()):
                m.escape(t)
        return m.InstanceT(ci)

    def call_builtin(self, node, name, args, kwargs):
        if "." in name:
            modname, fname = name.split(".", 1)
            funcs = stubs().modules.get(modname, ({}, {}))[1].get(fname)
            self.note(node, ("modfunc", modname, fname))
            if funcs is None:
                return self.dynamic_call(node, args, kwargs)
            r = apply_stub(funcs, args, kwargs)
            if r is None:
                self.note(node, ("dynamic",))
                if name in ARITHMETIC_BUILTINS:
                    self.inf.escape_runtime_dunders(list(args) + list(kwargs.values()))
            return m.DYN if r is None else r
        if name in BUILTIN_EXCEPTIONS:
            self.note(node, ("builtin_exc", name))
            for t in list(args) + list(kwargs.values()):
                m.escape(t)
            return m.DYN
        self.note(node, ("builtin", name))
        if name == "__import__":
            self.inf.uses_dynamic_import = True   # every module registers itself (codegen/emit_module.py)
        if name == "vars" and len(args) == 1:
            self.dict_access(args[0])
        if name == "getattr" and len(args) >= 2 and node is not None and isinstance(node.args[1], ast.Constant) \
                and node.args[1].value == "__dict__":
            self.dict_access(args[0])
        if name == "setattr" and len(args) == 3 and node is not None and len(node.args) == 3 \
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
            # setattr(obj, "name", v) is obj.name = v for what inference must know (a class's method
            # rebound, an instance attribute shadowing a method)
            self.store_attr(args[0], node.args[1].value, args[2])
        if name == "range" and node is not None and not IntMode.exact:
            from pyrite.build_ir.expressions import const_value
            if any(type(const_value(a)) is int and not -2 ** 63 <= const_value(a) < 2 ** 63 for a in node.args):
                # range(1 << 1000): a range beyond 64 bits (range.c), which typed code does not handle;
                # other ranges are typed (a big bound from dynamic code: OverflowError at run time)
                self.note(node, ("dynamic",))
                return m.DYN
        funcs = stubs().functions.get(name)
        r = apply_stub(funcs, args, kwargs) if funcs is not None else None
        if r is None:
            if funcs is None or name in ARITHMETIC_BUILTINS:
                self.inf.escape_runtime_dunders(list(args) + list(kwargs.values()))
            for t in list(args) + list(kwargs.values()):
                m.escape(t)
            return m.DYN
        if r is m.FILE and name == "open" and _binary_mode(node):
            return m.BFILE
        return r

    def method_call(self, node, recv, name, args, kwargs, record_node):
        if recv is m.BOTTOM:
            return m.BOTTOM
        if recv is m.NONE:   # always None: the call raises AttributeError, nothing escapes
            self.note(record_node, ("dynamic",))
            return m.BOTTOM
        if isinstance(m.module_or_optional(recv), m.ModuleT):
            callee = self.attr_type(recv, name, None)
            return self.call_value(record_node, callee, args, kwargs)
        cls = _instance_class(recv)
        if cls is not None:
            return self.instance_call(record_node, recv, cls, name, args, kwargs)
        if isinstance(recv, m.ClassT):
            meth = recv.cls.lookup_method(name)
            if meth is not None and not recv.cls.method_rebound(name):
                self.note(record_node, ("classcall", recv.cls, meth))
                extra = [m.DYN] if meth.kind == "classmethod" else []
                if meth.kind == "classmethod":
                    _escape_class_tree(recv.cls)
                return self.call_function(meth, extra + list(args), kwargs, node)
            return self.dynamic_call(record_node, args, kwargs, recv_name=name)
        tname = _stub_type_name(recv)
        if tname is not None:
            funcs = stubs().methods.get(tname, {}).get(name)
            if funcs is not None:
                r = apply_stub(funcs, args, kwargs, receiver=recv)
                if r is not None:
                    self.note(record_node, ("stubmethod", tname, name))
                    return r
            return self.dynamic_call(record_node, args, kwargs, recv_name=name, recv=recv)
        return self.dynamic_call(record_node, args, kwargs, recv_name=name, recv=recv)

    def instance_call(self, node, recv, cls, name, args, kwargs):
        if cls.custom_getattribute():
            return self.dynamic_call(node, args, kwargs, recv_name=name)
        meth = cls.lookup_method(name)
        if meth is not None and (cls.method_rebound(name) or cls.find_field(name) is not None
                                 or any(name in s.fields for s in cls.all_subclasses())):
            # an instance attribute of that name shadows the method: look it up at run time
            return self.dynamic_call(node, args, kwargs, recv_name=name)
        if meth is None:
            f = cls.find_field(name)
            if f is not None:
                self.note(node, ("fieldcall",))
                return self.call_value(None, f.slot.get(), args, kwargs) if isinstance(f.slot.get(), m.FuncT) \
                    else self.dynamic_call(node, args, kwargs)
            if cls.lookup_property(name) is None and cls.lookup_attr(name) is None:
                subs = cls.overrides(name)
                if subs:   # defined only in subclasses: dispatch over them (others raise AttributeError)
                    self.note(node, ("method", None, subs))
                    return self.call_overrides(subs, m.InstanceT(cls), args, kwargs, node, m.BOTTOM)
                return self.dynamic_call(node, args, kwargs, recv_name=name)
            return self.dynamic_call(node, args, kwargs)
        overrides = cls.overrides(name)
        inst = m.InstanceT(cls)
        if meth.kind == "staticmethod":
            self.note(node, ("method", meth, overrides))
            r = self.call_function(meth, args, kwargs, node)
        elif meth.kind == "classmethod":
            _escape_class_tree(cls)
            self.note(node, ("method", meth, overrides))
            r = self.call_function(meth, [m.DYN] + list(args), kwargs, node)
        else:
            self.note(node, ("method", meth, overrides))
            r = self.call_function(meth, [_self_for(meth, cls)] + list(args), kwargs, node)
        return self.call_overrides(overrides, inst, args, kwargs, node, r)

    def call_overrides(self, overrides, inst, args, kwargs, node, r):
        """Join the results of the subclass methods a virtual call may reach into r."""
        for o in overrides:
            if o.kind == "classmethod":
                _escape_class_tree(o.cls)
            # (the receiver is an instance of the class defining o: with multiple inheritance o may
            # come from outside inst's class tree)
            first = [] if o.kind == "staticmethod" else [m.DYN if o.kind == "classmethod" else
                                                         _self_for(o, inst.cls)]
            r = m.join(r, self.call_function(o, first + list(args), kwargs, node))
        return r

    def super_call(self, node, name, args, kwargs, star=False):
        f = self.func
        cls = f.cls
        if cls is None and f.parent is not None:
            cls = f.parent.cls
        if cls is None:
            return self.dynamic_call(node, args, kwargs)
        targets = cls.super_targets(name)
        meth = targets[0] if len(targets) == 1 else None
        if meth is None:
            for t in targets:   # found at run time along the MRO of self's class
                if t is not None:
                    t.mark_escaped("super() reaches it through the MRO of a subclass")
            self.note(node, ("super_builtin", cls, name))
            for t in list(args) + list(kwargs.values()):
                m.escape(t)
            return m.NONE if name == "__init__" else m.DYN
        self.note(node, ("super", cls, meth))
        if star:   # super().f(*args): called through its function object with what the star holds
            meth.mark_escaped("it is called with *args or **kwargs")
            for t in list(args) + list(kwargs.values()):
                m.escape(t)
            return m.DYN
        first = [] if meth.kind == "staticmethod" else [_self_for(meth, cls)]
        return self.call_function(meth, first + list(args), kwargs, node)


def _escape_class_tree(cls):
    """A classmethod receives the class as a value: it (or a subclass) may be instantiated dynamically."""
    cls.mark_escaped()
    for sub in cls.all_subclasses():
        sub.mark_escaped()


def _optional_number(t):
    if isinstance(t, m.OptionalT) and (t.inner in m.NUMERIC or t.inner is m.BOOL):
        return t.inner
    return t


def _may_be_data_descriptor(cls, name):
    """Whether a class attribute `name` of cls may be a data descriptor (an object whose class defines
    __set__ or __delete__), which takes stores to instances' attribute `name` (so no compiled field)."""
    slot = cls.lookup_attr(name)
    if slot is None:
        return False
    t = slot.get()
    if isinstance(t, m.OptionalT):
        t = t.inner
    if t is m.DYN or t is m.BOTTOM:
        return True
    if isinstance(t, m.InstanceT):
        return any(t.cls.lookup_method(d) is not None or any(d in s.methods for s in t.cls.all_subclasses())
                   for d in ("__set__", "__delete__"))
    return False


def _self_for(meth, cls):
    """The type of self when method meth runs on an instance typed cls: cls when meth's class is in
    cls's layout chain (the usual case, and what single inheritance always gives), else meth's class
    (a base outside the chain, reached through the MRO with multiple inheritance)."""
    if meth.cls is None or meth.cls in cls.layout_chain():
        return m.InstanceT(cls)
    return m.InstanceT(meth.cls)


def _related(a, b):
    """Whether an instance typed as one of the classes may run a method defined in the other: some
    class is (or derives from) both."""
    if a is b or a in b.mro() or b in a.mro():
        return True
    under_a = set(a.all_subclasses())
    return any(s in under_a for s in b.all_subclasses())


def _may_be_instance(t, ci):
    if t is m.DYN:
        return True
    cls = _instance_class(t)
    return cls is not None and _related(cls, ci)


def _instance_class(t):
    if isinstance(t, m.InstanceT):
        return t.cls
    if isinstance(t, m.OptionalT) and isinstance(t.inner, m.InstanceT):
        return t.inner.cls
    return None


def _stub_type_name(t):
    for cls, name in STUB_TYPE_NAMES:
        if isinstance(t, cls):
            return name
    return {id(m.STR): "str", id(m.BYTES): "bytes", id(m.INT): "int", id(m.FLOAT): "float",
            id(m.FILE): "file", id(m.BFILE): "bfile", id(m.BOOL): "int"}.get(id(t))


def _binary_mode(call):
    """open(path, "rb") / open(path, mode="wb"): a constant mode naming binary I/O."""
    mode = call.args[1] if call is not None and len(call.args) > 1 else None
    for k in getattr(call, "keywords", []):
        if k.arg == "mode":
            mode = k.value
    return isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "b" in mode.value


def _const_int(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        c = _const_int(node.operand)
        return -c if c is not None else None
    return None


def signature_key(args, kwargs):
    """A finite, shallow description of argument types (None while one is unknown)."""
    parts = []
    for t in list(args) + [kwargs[k] for k in sorted(kwargs)]:
        k = _shape(t, 2)
        if k is None:
            return None
        parts.append(k)
    return (tuple(parts), tuple(sorted(kwargs)))


def _shape(t, depth):
    if t is m.BOTTOM:
        return None
    if isinstance(t, m.Prim):
        return t.name
    if isinstance(t, (m.InstanceT, m.ClassT)):
        return (type(t).__name__, id(t.cls))
    if isinstance(t, m.FuncT):
        return ("func", id(t.func))
    if isinstance(t, m.OptionalT):
        inner = _shape(t.inner, depth)
        return ("opt", inner) if inner is not None else None
    if isinstance(t, m.TupleT) and depth > 0:
        items = [_shape(x, depth - 1) for x in t.items]
        return None if None in items else ("tuple",) + tuple(items)
    return type(t).__name__   # containers: their element slots are shared through the parameter


def _specialisable(fi):
    """Instances share the def's node: only top-level functions and methods with no nested functions,
    no cells, plain parameters and no decorators."""
    return (fi.parent is None and isinstance(fi.node, ast.FunctionDef) and not fi.is_generator
            and not fi.nested and not fi.scope.cells and not fi.decorated and not fi.node.decorator_list
            and fi.kind in ("function", "method", "staticmethod")
            and all(p.kind in ("pos", "posonly", "kw") for p in fi.params))


OPERATOR_DUNDERS = {ast.Add: "__add__", ast.Sub: "__sub__", ast.Mult: "__mul__", ast.Div: "__truediv__",
                    ast.FloorDiv: "__floordiv__", ast.Mod: "__mod__", ast.Pow: "__pow__",
                    ast.MatMult: "__matmul__", ast.LShift: "__lshift__", ast.RShift: "__rshift__",
                    ast.BitAnd: "__and__", ast.BitOr: "__or__", ast.BitXor: "__xor__"}
BINARY_DUNDERS = set(OPERATOR_DUNDERS.values())
# special methods whose runtime callers inference models (see Inference.runtime_call)
MODELED_DUNDERS = BINARY_DUNDERS | {"__r" + n[2:] for n in BINARY_DUNDERS} | \
    {"__i" + n[2:] for n in BINARY_DUNDERS} | {"__call__"}
# builtins (with typing rules) whose runtime code applies arithmetic operators to their arguments; the
# others with rules call no binary-operator dunder and call only what they take as Callable
ARITHMETIC_BUILTINS = {"sum", "pow", "divmod", "math.prod"}
# builtin types a compiled class may derive from (the runtime's PYRT_TPFLAG_BASETYPE types)
SUBCLASSABLE_BUILTINS = {"list": "List", "dict": "Dict", "set": "Set", "tuple": "Tuple", "property": "Property",
                         "int": "Int", "str": "Str",
                         "classmethod": "ClassMethod", "staticmethod": "StaticMethod"}
IMPLICIT_CLASSMETHODS = {"__init_subclass__", "__class_getitem__"}   # (type.__new__ wraps them; __new__ is
                                                                     # a static method)
def _still_gets_instances(cls_node, name):
    """A method's name read in its class body where it is still called with instances only: another
    name for it (`__radd__ = __add__`) or a property's accessor (`x = property(_get_x)`)."""
    for s in cls_node.body:
        if isinstance(s, ast.Assign):
            v = s.value
            if v is name or (isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "property"
                             and any(a is name for a in v.args)):
                return True
    return False


def future_annotations(tree):
    """`from __future__ import annotations`: annotations are kept as strings, not evaluated."""
    r = getattr(tree, "pyrite_future_annotations", None)
    if r is None:
        r = any(isinstance(s, ast.ImportFrom) and s.module == "__future__" and
                any(a.name == "annotations" for a in s.names) for s in tree.body)
        tree.pyrite_future_annotations = r
    return r


def escape_annotation(t):
    """An annotation's value goes into an __annotations__ dict. A class named there is not an escape
    that makes its __init__ dynamic (typed code annotates with its classes everywhere): code reading
    the dict compares and prints classes; a call through it reaches the generic entries, which check
    arguments typed as instances (codegen/emit_module.py)."""
    if not isinstance(t, m.ClassT):
        m.escape(t)


def function_annotations(node):
    """(name, annotation) of a def's annotated parameters and return, in CPython's order."""
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    a = node.args
    params = a.posonlyargs + a.args + ([a.vararg] if a.vararg else []) + a.kwonlyargs + \
        ([a.kwarg] if a.kwarg else [])
    out = [(p.arg, p.annotation) for p in params if p.annotation is not None]
    if node.returns is not None:
        out.append(("return", node.returns))
    return out


def class_annotations(node):
    """Whether a class body annotates a name (CPython then gives its namespace __annotations__)."""
    def walk(stmts):
        for s in stmts:
            if isinstance(s, ast.AnnAssign) and s.simple:
                return True
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for field in ("body", "orelse", "finalbody"):
                if walk(getattr(s, field, ()) or ()):
                    return True
            for h in getattr(s, "handlers", ()) or ():
                if walk(h.body):
                    return True
        return False
    return walk(node.body)


MAX_INSTANCES = 4    # instances per function; calls beyond them share the generic one
MAX_ROUNDS = 3       # inference rounds (each may find more functions worth specialising)


def infer_program(program):
    """Whole-program inference. A first round runs with one instance per function; functions whose
    parameters it found holding conflicting types are specialised in the next round (calls pick an
    instance per argument signature), until no new function qualifies."""
    specialise = set()
    for _ in range(MAX_ROUNDS):
        inf = Inference(program, frozenset(specialise)).run()
        more = inf.specialisation_candidates() - specialise
        if not more:
            break
        specialise |= more
    return inf


def sys_modules_item(node, sys_t, modules):
    """`sys.modules['json']` (a constant name of a module compiled into the program): that module, typed
    as the module so that stores through it reach its typed globals (warnings.catch_warnings sets
    `sys.modules['warnings'].filters`). sys_t: the type of the expression before `.modules`. None for
    any other subscript."""
    if (isinstance(sys_t, m.ModuleT) and isinstance(sys_t.module, BuiltinModule) and sys_t.module.name == "sys"
            and isinstance(node.value, ast.Attribute) and node.value.attr == "modules"
            and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)
            and node.slice.value in modules):
        return node.slice.value
    return None
