"""What inference knows about each module, function and class (filled in by types/infer.py)."""
import ast

from pyrite.types import model as m

BUILTIN_EXCEPTIONS = {
    "BaseException", "Exception", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "ArithmeticError",
    "ZeroDivisionError", "OverflowError", "LookupError", "IndexError", "KeyError", "ValueError",
    "UnicodeError", "TypeError", "AttributeError", "NameError", "UnboundLocalError", "StopIteration",
    "RuntimeError", "RecursionError", "NotImplementedError", "AssertionError", "OSError", "IOError",
    "EnvironmentError",
    "FileNotFoundError", "EOFError", "ImportError", "MemoryError",
    "SyntaxError", "IndentationError", "TabError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "ModuleNotFoundError", "BufferError", "ReferenceError",
    "SystemError", "FloatingPointError", "BlockingIOError", "ChildProcessError", "ProcessLookupError", "Warning", "UserWarning", "DeprecationWarning", "PendingDeprecationWarning",
    "SyntaxWarning", "RuntimeWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning",
    "PermissionError", "FileExistsError", "IsADirectoryError", "NotADirectoryError", "TimeoutError", "InterruptedError",
    "StopAsyncIteration", "ConnectionError", "BrokenPipeError", "ConnectionResetError", "ConnectionRefusedError", "ConnectionAbortedError",
}
BUILTIN_NAMES = {
    "print", "len", "abs", "min", "max", "sum", "sorted", "reversed", "enumerate", "zip", "map",
    "filter", "any", "all", "repr", "ascii", "ord", "chr", "isinstance", "issubclass", "divmod",
    "round", "pow", "hash", "input", "open", "iter", "next", "format", "id", "callable", "getattr",
    "setattr", "hasattr", "delattr", "bin", "oct", "hex", "int", "float", "str", "bool", "list",
    "tuple", "dict", "set", "frozenset", "range", "object", "type", "super", "staticmethod",
    "classmethod", "property", "slice", "bytes", "NotImplemented", "Ellipsis", "vars", "dir", "exit", "quit",
    "__pyrite_await__", "__pyrite_aiter__", "__pyrite_anext__", "__pyrite_aenter__", "__pyrite_aexit__",
    "__pyrite_agwrap__", "__debug__", "aiter", "anext",
    "__pyrite_weakref_set__", "__pyrite_weakref_get__", "__pyrite_weakref_callback__", "__pyrite_weakref_find__",
    "__pyrite_weakref_list__", "__pyrite_register_types__", "__pyrite_posix__", "__import__", "__pyrite_removed__", "__pyrite_register_codecs__", "__pyrite_register_atexit__",
} | BUILTIN_EXCEPTIONS
# names of CPython 3.11's builtins module that pyrite does not provide yet: using one is a compile-time
# error naming it (tests/test_builtins_rule.py checks that every builtin is provided or listed here or
# in frontend/subset_check.py's DYNAMIC_BUILTINS)
UNPROVIDED_BUILTINS = {
    "complex": "complex numbers are not implemented yet",
    "help": "the interactive helpers need an interpreter",
    "copyright": "the interactive helpers need an interpreter",
    "credits": "the interactive helpers need an interpreter",
    "license": "the interactive helpers need an interpreter",
    "__build_class__": "classes are built by compiled class statements",
    "__loader__": "compiled programs have no import loader",
    "__spec__": "compiled programs have no module spec",
}


class ParamInfo:
    def __init__(self, name, kind, default, slot):
        self.name, self.kind, self.default, self.slot = name, kind, default, slot
        # kind: 'posonly' | 'pos' | 'star' | 'kw' | 'starstar'


class FuncInfo:
    def __init__(self, node, scope, module, parent, cls, kind, name, qualname):
        self.node, self.scope, self.module, self.parent = node, scope, module, parent
        self.cls, self.kind, self.name, self.qualname = cls, kind, name, qualname
        self.locals = {}
        self.params = []
        self.ret = m.Slot(what="return of %s" % qualname)
        self.yield_slot = m.Slot(what="values yielded by %s" % qualname)
        self.escaped = False
        self.escape_reason = None
        self.unbound_use = False   # a method read through its class (C.m): a plain function, self any object
        self.is_generator = bool(scope and scope.has_yield) or hasattr(node, "pyrite_coroutine")
        self.coroutine = getattr(node, "pyrite_coroutine", None)   # "coroutine" | "async_generator" | None
        self.nested = []
        self.decorated = False    # bound name holds a decorator's result, not the function
        # what the final walk recorded for this function's body (each instance has its own)
        self.types = {}           # AST node -> type
        self.calls = {}           # ast.Call -> how it resolves: ("func", fi), ("method", fi, overrides), ...
        self.targets = {}         # (ast.Call, callee FuncInfo) -> the callee instance that call runs
        # monomorphisation: instances of this function per argument signature (see Inference.instance_for)
        self.specialise = False   # calls pick an instance by their argument types
        self.instances = {}       # signature key -> FuncInfo (same node, own slots)
        self.origin = None        # for an instance: the function it specialises
        self.key = None           # for an instance: its signature key
        self.typed_direct_calls = False   # some direct call passes a typed (not object) argument
        self.user_typed_calls = False     # ... from the program's own modules or from an instance

    def slot(self, name):
        s = self.locals.get(name)
        if s is None:
            s = self.locals[name] = m.Slot(what="%s in %s" % (name, self.qualname))
        return s

    def mark_escaped(self, reason="it is used as a value, so callers are not all known"):
        if self.escaped:
            if self.unbound_use and self.params:
                self.params[0].slot.join(m.DYN, "self of %s, which is used as a plain function" % self.qualname)
            return
        self.escaped = True
        self.escape_reason = reason
        m.Slot.changed = True
        for i, p in enumerate(self.params):
            if i == 0 and self.kind == "method" and not self.unbound_use:
                continue
            p.slot.join(m.DYN, "parameter of %s, which %s" % (self.qualname, reason))

    def owner_of(self, name):
        """The function whose local `name` a free variable refers to."""
        f = self.parent
        while f is not None:
            if f.scope is not None and name in f.scope.locals():
                return f
            f = f.parent
        return None

    @property
    def is_dunder(self):
        return self.name.startswith("__") and self.name.endswith("__")


class FieldInfo:
    def __init__(self, name, owner):
        self.name, self.owner = name, owner
        self.slot = m.Slot(what="attribute %s.%s" % (owner.name, name))


class ClassInfo:
    def __init__(self, node, module, name, qualname):
        self.node, self.module, self.name, self.qualname = node, module, name, qualname
        self.base = None             # the base whose layout this class extends (see Inference._link_bases)
        self.bases = []              # every base defined in the program, in order (for the MRO)
        self.base_order = []         # every base as written: ("class", ClassInfo) | ("builtin", name) | ("object",)
        self.builtin_base = None     # name of a builtin exception base ("Exception"), or None
        self.dict_layout = False     # in some class's MRO but not in its layout chain: no compiled fields
        self.type_base = False       # derives from `type` (a metaclass: its instances are classes)
        self.builtin_type_base = None   # "list", "dict", ... for a class deriving from that builtin type
        self.meta = None             # the metaclass defined in the program (explicit or inherited), or None
        self.meta_expr = None        # the metaclass= expression of the class statement
        self.own_slots = None        # the names a literal __slots__ in the class body lists (None: no __slots__)
        self._mro = None
        self.methods = {}            # name -> FuncInfo (kind method/staticmethod/classmethod)
        self.properties = {}         # name -> [getter FuncInfo, setter FuncInfo or None]
        self.attrs = {}              # class attribute name -> Slot (stored boxed in the class dict)
        self.fields = {}             # instance attribute name -> FieldInfo declared in this class
        self.subclasses = []
        self.escaped = False
        self.rebound = set()         # method names assigned on the class object after its creation
        self.runtime_base = False    # a base is computed at run time: the class is made by type() then

    def mro(self):
        """The classes of the program in this class's MRO (C3 linearization, as CPython's; when there
        is none, the runtime raises TypeError at the class statement and this order is never used)."""
        if self._mro is None:
            self._mro = c3_linearize(self)
        return iter(self._mro)

    def layout_chain(self):
        c = self
        while c is not None:
            yield c
            c = c.base

    def all_subclasses(self):
        seen = set()
        todo = list(self.subclasses)
        while todo:
            s = todo.pop(0)
            if id(s) in seen:
                continue
            seen.add(id(s))
            yield s
            todo.extend(s.subclasses)

    # An instance's __dict__ (vars(obj), obj.__dict__) is its real attribute dict only when the class
    # has no compiled fields: using it makes every class such an instance can have dict-laid-out.
    dyn_dict_access = False      # __dict__ of a value whose class is not known: all escaped classes too
    escaped_instances = []       # classes whose instances reached dynamically typed code

    def make_dict_layout(self):
        """This class's instances (and so every class related to it) keep their attributes in the
        instance dict: no compiled fields."""
        related = set()
        for s in [self] + list(self.all_subclasses()):
            related.update(s.mro())
        for k in related:
            if k.slots_only():
                continue   # its fields are its __slots__ (not in a __dict__ in CPython either)
            if not k.dict_layout or k.fields:
                k.dict_layout = True
                k.fields = {}
                m.Slot.changed = True

    def note_instance_escape(self):
        if not getattr(self, "_instances_escaped", False):
            self._instances_escaped = True
            ClassInfo.escaped_instances.append(self)
            if ClassInfo.dyn_dict_access:
                self.make_dict_layout()

    @classmethod
    def note_dyn_dict_access(cls):
        if not cls.dyn_dict_access:
            cls.dyn_dict_access = True
            for c in cls.escaped_instances:
                c.make_dict_layout()

    def _related_define(self, name):
        return any(name in c.methods for s in [self] + list(self.all_subclasses()) for c in s.mro())

    def custom_getattribute(self):
        """An instance's class may define __getattribute__: every attribute access goes through it."""
        return self._related_define("__getattribute__")

    def custom_setattr(self):
        """An instance's class may define __setattr__ / __delattr__: every store / delete goes through it."""
        return self._related_define("__setattr__") or self._related_define("__delattr__")

    def slots_only(self):
        """__slots__ in this class and all its bases, none naming __dict__: no instance dict."""
        return self.builtin_base is None and not self.type_base and all(
            c.own_slots is not None and "__dict__" not in c.own_slots and c.builtin_base is None
            for c in self.mro())

    def slot_names(self):
        return {n for c in self.mro() for n in (c.own_slots or ())}

    def is_metaclass(self):
        return any(c.type_base for c in self.mro())

    def builtin_base_type(self):
        return next((c.builtin_type_base for c in self.mro() if c.builtin_type_base), None)

    def custom_construction(self):
        """Calling the class runs a __new__ or a metaclass __call__ defined in the program, or makes an
        instance of a builtin type: instances are made at run time through the class object."""
        return self.lookup_method("__new__") is not None or self.builtin_base_type() is not None \
            or self.is_metaclass() or (
            self.meta is not None and self.meta.lookup_method("__call__") is not None)

    def is_exception(self):
        return any(c.builtin_base is not None for c in self.mro())

    def lookup_method(self, name):
        for c in self.mro():
            if name in c.methods:
                return c.methods[name]
        return None

    def lookup_property(self, name):
        for c in self.mro():
            if name in c.properties:
                return c.properties[name]
        return None

    def lookup_attr(self, name):
        for c in self.mro():
            if name in c.attrs:
                return c.attrs[name]
        return None

    def find_field(self, name):
        for c in self.mro():
            if name in c.fields:
                return c.fields[name]
        return None

    def field_for_store(self, name):
        f = self.find_field(name)
        if f is not None:
            return f
        if self.dict_layout:   # kept in the instance dict: a field that holds any object
            f = FieldInfo(name, self)
            f.slot.join(m.DYN, "attribute of %s, a base whose layout its subclasses do not all share" % self.name)
            return f
        f = self.fields[name] = FieldInfo(name, self)
        m.Slot.changed = True
        # a subclass that already declared it now inherits this one
        for sub in self.all_subclasses():
            old = sub.fields.pop(name, None)
            if old is not None:
                f.slot.union(old.slot)
                old.slot = f.slot
                old.owner = self
        return f

    def method_rebound(self, name):
        """The class object (of this class, a base or a subclass) gets `name` assigned at run time, so
        calls of that method must look it up."""
        return any(name in c.rebound for c in list(self.mro()) + list(self.all_subclasses())) \
            or self.method_shadowed(name)

    def method_shadowed(self, name):
        """In this class or a subclass, a class attribute or property named `name` comes before a method
        of that name in the MRO (`_buffer_decode = codecs.utf_8_decode` in a subclass of a class that
        defines the method): what instances find differs by class, so calls look it up at run time."""
        for s in [self] + list(self.all_subclasses()):
            order = list(s.mro())
            for c in order:
                if name in c.methods:
                    break
                if name in c.attrs or name in c.properties:
                    if any(name in b.methods for b in order):
                        return True
                    break
        return False

    def overrides(self, name):
        """The other methods named `name` that instances of subclasses resolve to (virtual dispatch
        needed when non-empty); with multiple inheritance one may be defined outside this class's tree."""
        own = self.lookup_method(name)
        out = []
        for s in self.all_subclasses():
            f = s.lookup_method(name)
            if f is not None and f is not own and f not in out:
                out.append(f)
        return out

    def super_targets(self, name):
        """What `super().name` in a method of this class finds, for this class and each subclass (the
        class after this one in their MROs): the set of methods (None: none in the program)."""
        out = []
        for s in [self] + list(self.all_subclasses()):
            order = list(s.mro())
            found = None
            for c in order[order.index(self) + 1:]:
                if name in c.methods:
                    found = c.methods[name]
                    break
            if found not in out:
                out.append(found)
        return out

    def mark_escaped(self):
        if self.escaped:
            return
        self.escaped = True
        m.Slot.changed = True
        init = self.lookup_method("__init__")
        if init is not None:
            init.mark_escaped("it is called when the class %s is used as a value" % self.name)
        # unknown code holding the class may take its functions out of its namespace (cls.__dict__,
        # vars(cls): enum's _simple_enum and dataclass(slots=True) build another class from them) and
        # call them with any object as self
        for meth in self.methods.values():
            if meth.kind == "method" and meth.cls is self and not meth.unbound_use:
                meth.unbound_use = True
                meth.mark_escaped("its class %s is used as a value" % self.name)
                if meth.params:
                    meth.params[0].slot.join(m.DYN, "self of %s, whose class is used as a value" % meth.qualname)


def bases_first(classes):
    """The classes ordered so that every class comes after its bases."""
    out, seen = [], set()

    def visit(c):
        if id(c) in seen:
            return
        seen.add(id(c))
        for b in c.bases:
            visit(b)
        out.append(c)
    for c in classes:
        visit(c)
    return out


def c3_linearize(ci):
    seqs = [list(b.mro()) for b in ci.bases] + [list(ci.bases)]
    out = [ci]
    while True:
        seqs = [q for q in seqs if q]
        if not seqs:
            return out
        for q in seqs:
            cand = q[0]
            if not any(cand in r[1:] for r in seqs):
                break
        else:   # no linearization: the runtime raises TypeError; any order will do until then
            for q in seqs:
                for c in q:
                    if c not in out:
                        out.append(c)
            return out
        out.append(cand)
        for q in seqs:
            if q[0] is cand:
                del q[0]


class BuiltinModule:
    def __init__(self, name):
        self.name = name


class ModuleInfo:
    def __init__(self, src, scopes):
        self.src = src
        self.name = src.name
        self.scopes = scopes
        self.scope = scopes[src.tree]
        self.body = FuncInfo(src.tree, self.scope, self, None, None, "module", "<module>", "<module>")
        self.globals = self.body.locals
        self.functions = []
        self.classes = []

    def binds(self, name):
        return name in self.scope.bound


def param_list(args):
    """ParamInfo shells (no slots) in signature order."""
    out = []
    pos = args.posonlyargs + args.args
    first_default = len(pos) - len(args.defaults)
    for i, a in enumerate(pos):
        d = args.defaults[i - first_default] if i >= first_default else None
        out.append((a.arg, "posonly" if i < len(args.posonlyargs) else "pos", d))
    if args.vararg:
        out.append((args.vararg.arg, "star", None))
    for a, d in zip(args.kwonlyargs, args.kw_defaults):
        out.append((a.arg, "kw", d))
    if args.kwarg:
        out.append((args.kwarg.arg, "starstar", None))
    return out


def decorator_kind(node):
    """'staticmethod' | 'classmethod' | 'property' | ('setter', name) | None | 'other'."""
    if not node.decorator_list:
        return None
    if len(node.decorator_list) > 1:
        return "other"
    d = node.decorator_list[0]
    if isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod", "property"):
        return d.id
    if isinstance(d, ast.Attribute) and d.attr == "setter" and isinstance(d.value, ast.Name):
        return ("setter", d.value.id)
    return "other"
