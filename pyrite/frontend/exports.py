"""What a module built as a CPython extension (`--target ext`) exports, and the typed signatures its
functions get from their annotations.

- Exported names: every name the module's top level binds (as CPython's module has them), except
  names bound by `import` (modules and imported names stay where they came from); `__all__` only
  restricts what `from mod import *` takes, as in CPython.
- Inference treats each exported value as escaping (CPython may call an exported function with
  anything, and a module's list is the same object on both sides, so CPython may store anything in
  it), so every exported function has a generic entry taking objects. A function whose
  parameters are all annotated with `int`, `float`, `bool` or `str` also gets a typed instance: the
  frontend adds a never-called function `__pyrite_signatures__` whose body calls it with values of
  those types, so monomorphisation (types/infer.py) makes an instance for exactly that signature. The
  extension's entry calls that instance directly when CPython passes exactly those types (exact
  ints that fit 64 bits, floats, bools, strs) and the generic entry otherwise.
"""
import ast

SIGNATURES_FUNC = "__pyrite_signatures__"

# annotation name -> a literal of that type (the sample argument of the signature call)
SCALAR_SAMPLES = {"int": 0, "float": 0.0, "bool": False, "str": ""}


def exported_names(tree):
    """The names the extension module exposes, in the order the top level binds them."""
    names, imported = [], set()
    for s in tree.body:
        for n in _bound(s, imported):
            if n not in names and n != SIGNATURES_FUNC:
                names.append(n)
    return [n for n in names if n not in imported]


def _bound(s, imported):
    if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [s.name]
    if isinstance(s, (ast.Import, ast.ImportFrom)):
        for a in s.names:
            imported.add((a.asname or a.name).split(".")[0])
        return []
    out = []
    if isinstance(s, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.With)):
        targets = s.targets if isinstance(s, ast.Assign) else \
            [s.target] if not isinstance(s, ast.With) else [i.optional_vars for i in s.items if i.optional_vars]
        for t in targets:
            for n in ast.walk(t):
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                    out.append(n.id)
    if isinstance(s, (ast.If, ast.Try, ast.For, ast.While, ast.With)):
        for field in ("body", "orelse", "finalbody"):
            for c in getattr(s, field, []) or []:
                out += _bound(c, imported)
        for h in getattr(s, "handlers", []) or []:
            for c in h.body:
                out += _bound(c, imported)
    return out


def scalar_signature(fn):
    """[(param name, annotation name, keyword-only)] when every parameter of fn is positional and
    annotated with a scalar type; else None."""
    a = fn.args
    if a.vararg or a.kwarg or a.kwonlyargs:
        return None
    out = []
    for p, kw in [(p, False) for p in a.posonlyargs + a.args]:
        ann = p.annotation
        if not (isinstance(ann, ast.Name) and ann.id in SCALAR_SAMPLES):
            return None
        out.append((p.arg, ann.id, kw))
    return out


def add_signature_calls(tree, names):
    """Calls `f(0, 0.0, ...)` for the exported, fully annotated top-level functions among `names`, in
    `def __pyrite_signatures__()` (appended; one the module already has, as the decorator writes with
    the argument types it saw, gets the calls added). Returns the names given a signature call."""
    calls, done = [], []
    for s in tree.body:
        if not isinstance(s, ast.FunctionDef) or s.name not in names or s.decorator_list:
            continue
        sig = scalar_signature(s)
        if not sig:
            continue
        args = [ast.Constant(SCALAR_SAMPLES[t]) for _, t, kw in sig]
        calls.append(ast.Expr(ast.Call(ast.Name(s.name, ast.Load()), args, [])))
        done.append(s.name)
    if not calls:
        return done
    end = max(getattr(s, "end_lineno", 1) or 1 for s in tree.body)
    fn = next((s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == SIGNATURES_FUNC), None)
    if fn is None:
        fn = ast.FunctionDef(SIGNATURES_FUNC, ast.arguments([], [], None, [], [], None, []), [], [], None)
        tree.body.append(fn)
        for n in ast.walk(fn):
            n.lineno = n.end_lineno = end
            n.col_offset = n.end_col_offset = 0
    for c in calls:
        end += 1
        for n in ast.walk(c):
            n.lineno = n.end_lineno = end
            n.col_offset = n.end_col_offset = 0
    fn.body += calls
    return done
