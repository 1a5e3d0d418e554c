"""Typing rules for builtins and provided modules, read from the .pyi stubs in types/stubs/.

apply_stub(overloads, args, kwargs, self_bindings) picks the first overload whose parameter
annotations accept the argument types and evaluates its return annotation, e.g.

    def sorted(it: Iterable[T], key: Callable = ..., reverse=...) -> list[T]: ...
    sorted(xs) with xs: list[int]   ->  list[int]   (and `key` escapes: the runtime calls it)
"""
import ast
import os

from pyrite.types import model as m

_STUB_DIR = os.path.join(os.path.dirname(__file__), "stubs")
_PRIMS = {"int": m.INT, "float": m.FLOAT, "str": m.STR, "bool": m.BOOL, "None": m.NONE,
          "object": m.DYN, "bytes": m.BYTES, "range": m.RANGE, "file": m.FILE, "bfile": m.BFILE, "slice": m.SLICE}
TYPEVARS = ("T", "K", "V")


class StubFunc:
    def __init__(self, node):
        self.name = node.name
        a = node.args
        self.params = []   # (name, annotation, has_default, kind)
        pos = a.posonlyargs + a.args
        ndef = len(a.defaults)
        for i, p in enumerate(pos):
            self.params.append((p.arg, p.annotation, i >= len(pos) - ndef, "pos"))
        if a.vararg:
            self.params.append((a.vararg.arg, a.vararg.annotation, True, "star"))
        for p, d in zip(a.kwonlyargs, a.kw_defaults):
            self.params.append((p.arg, p.annotation, d is not None, "kw"))
        self.has_kwargs = a.kwarg is not None
        self.ret = node.returns


class Stubs:
    def __init__(self):
        self.functions = {}    # name -> [StubFunc]
        self.methods = {}      # type name -> {name: [StubFunc]}
        self.modules = {}      # module -> ({const: annotation}, {name: [StubFunc]})
        self._load("builtins.pyi", self._load_builtins)
        self._load("modules.pyi", self._load_modules)

    def _load(self, fname, fn):
        with open(os.path.join(_STUB_DIR, fname)) as f:
            fn(ast.parse(f.read(), fname))

    def _load_builtins(self, tree):
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                self.functions.setdefault(node.name, []).append(StubFunc(node))
            elif isinstance(node, ast.ClassDef):
                meths = self.methods.setdefault(node.name, {})
                for f in node.body:
                    if isinstance(f, ast.FunctionDef):
                        meths.setdefault(f.name, []).append(_drop_self(StubFunc(f)))

    def _load_modules(self, tree):
        for node in tree.body:
            consts, funcs = {}, {}
            for item in node.body:
                if isinstance(item, ast.AnnAssign):
                    consts[item.target.id] = item.annotation
                elif isinstance(item, ast.FunctionDef):
                    funcs.setdefault(item.name, []).append(StubFunc(item))
            self.modules[node.name] = (consts, funcs)

    def module_const(self, module, name):
        consts, funcs = self.modules.get(module, ({}, {}))
        if name in consts:
            return eval_annotation(consts[name], {})
        return None


def _drop_self(f):
    f.params = f.params[1:]
    return f


_stubs = None


def stubs():
    global _stubs
    if _stubs is None:
        _stubs = Stubs()
    return _stubs


def receiver_bindings(t):
    """Type variables bound by a method's receiver: list[T] -> {T: elem slot}."""
    if isinstance(t, (m.ListT, m.SetT)):
        return {"T": t.elem}
    if isinstance(t, m.DictT):
        return {"K": t.key, "V": t.value}
    return {}


def apply_stub(overloads, args, kwargs, receiver=None):
    """Result type of a call, or None when no overload accepts the arguments (dynamic call).
    BOTTOM when an argument's type is not known yet (fixpoint iteration will come back)."""
    if any(a is m.BOTTOM for a in args) or any(a is m.BOTTOM for a in kwargs.values()):
        return m.BOTTOM
    for f in overloads:
        bindings = dict(receiver_bindings(receiver)) if receiver is not None else {}
        own = set(bindings)
        if _match(f, args, kwargs, bindings, own):
            return eval_annotation(f.ret, bindings)
    if any(a is m.NONE for a in args) or any(a is m.NONE for a in kwargs.values()):
        # A None where no overload takes one: the argument may still widen (a variable holding None
        # before its other assignments are seen). Answer as for an object argument, which bounds every
        # later answer, so the fixpoint stays monotone; a real None raises TypeError at run time.
        dyn = lambda a: m.DYN if a is m.NONE else a
        return apply_stub(overloads, [dyn(a) for a in args], {k: dyn(v) for k, v in kwargs.items()}, receiver)
    return None


def _match(f, args, kwargs, bindings, own):
    pairs = []
    i = 0
    for name, ann, has_default, kind in f.params:
        if kind == "star":
            pairs += [(ann, a) for a in args[i:]]
            i = len(args)
        elif kind == "pos" and i < len(args):
            pairs.append((ann, args[i]))
            i += 1
        elif name in kwargs:
            pairs.append((ann, kwargs[name]))
        elif not has_default:
            return False
    if i < len(args):
        return False
    names = {p[0] for p in f.params}
    if any(k not in names for k in kwargs) and not f.has_kwargs:
        return False
    if not all(_accepts(ann, t) for ann, t in pairs):
        return False
    for ann, t in pairs:
        _bind(ann, t, bindings, own)
    return True


def _accepts(ann, t):
    if ann is None:
        return True
    if isinstance(ann, ast.Name):
        n = ann.id
        if n in ("object", "Callable") or n in TYPEVARS:
            return True
        if n == "int":
            return t is m.INT
        if n == "float":
            return t is m.FLOAT
        if n == "num":
            return t in (m.FLOAT, m.INT, m.BOOL, m.NUM)
        if n == "real":   # int, float or int | float (not bool: its value would keep its type)
            return t in m.NUMERIC
        if n in _PRIMS:
            return t is _PRIMS[n]
        return False
    if isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name):
        if ann.value.id == "Iterable":
            e = m.elem_of(t)
            inner = ann.slice
            if isinstance(inner, ast.Name) and inner.id in TYPEVARS:
                return t is not m.DYN and _iterable(t)
            return _iterable(t) and _accepts(inner, e)
        if ann.value.id == "dict":
            return isinstance(t, m.DictT)
    return False


def _iterable(t):
    return isinstance(t, (m.ListT, m.SetT, m.DictT, m.TupleT, m.TupleOfT, m.IterT)) or t in (m.STR, m.RANGE, m.BYTES)


def _bind(ann, t, bindings, own):
    if isinstance(ann, ast.Name) and ann.id == "Callable":
        m.escape(t)
        if m.callable_hook is not None:
            m.callable_hook(t)
    elif isinstance(ann, ast.Name) and ann.id in TYPEVARS:
        _bind_var(ann.id, t, bindings)
    elif isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name):
        if ann.value.id == "Iterable" and isinstance(ann.slice, ast.Name) and ann.slice.id in TYPEVARS:
            _bind_var(ann.slice.id, m.elem_of(t), bindings)
        elif ann.value.id == "dict" and isinstance(t, m.DictT):
            _bind_var("K", t.key.get(), bindings)
            _bind_var("V", t.value.get(), bindings)


def _bind_var(name, t, bindings):
    if name in bindings:
        bindings[name].join(t)
    else:
        bindings[name] = m.Slot(t)


def eval_annotation(ann, bindings):
    if ann is None:
        return m.DYN
    if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):   # X | None
        return m.join(eval_annotation(ann.left, bindings), eval_annotation(ann.right, bindings))
    if isinstance(ann, ast.Constant) and ann.value is None:
        return m.NONE
    if isinstance(ann, ast.Name):
        if ann.id in TYPEVARS:
            s = bindings.get(ann.id)
            return s.get() if s is not None else m.BOTTOM
        if ann.id == "real":
            return m.NUM
        return _PRIMS.get(ann.id, m.DYN)
    if isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name):
        kind = ann.value.id
        items = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
        if kind == "list":
            return m.ListT(m.Slot(eval_annotation(items[0], bindings)))
        if kind == "set":
            return m.SetT(m.Slot(eval_annotation(items[0], bindings)))
        if kind == "Iterator":
            return m.IterT(m.Slot(eval_annotation(items[0], bindings)))
        if kind == "dict":
            return m.DictT(m.Slot(eval_annotation(items[0], bindings)),
                           m.Slot(eval_annotation(items[1], bindings)))
        if kind == "tuple":
            if len(items) == 2 and isinstance(items[1], ast.Constant) and items[1].value is Ellipsis:
                return m.TupleOfT(eval_annotation(items[0], bindings))
            return m.TupleT([eval_annotation(i, bindings) for i in items])
    return m.DYN
