"""Source-level rewrites that keep CPython's behaviour and give the later stages simpler code.

    set(x * 2 for x in xs)      ->  {x * 2 for x in xs}
    list(f(x) for x in xs)      ->  [f(x) for x in xs]
    tuple(x for x in xs if x)   ->  tuple([x for x in xs if x])
    frozenset(... for ...)      ->  frozenset([... for ...])
    match x: case ...           ->  if statements (frontend/match.py)
    import builtins; builtins.repr(x)  ->  repr(x), or (where the module binds `repr`)
                                    from builtins import repr as __pyrite_builtin_repr

A generator expression consumed at once by one of these builtins runs to its end before the call
returns, exactly like the comprehension: same elements, same order of evaluation, same exceptions
(only the traceback loses its `<genexpr>` frame). The comprehension is lowered inline in the
enclosing function instead of as a generator object resumed once per element. Applied only where
the builtin's name is not bound anywhere in the module (so it is the builtin).
"""
import ast

EAGER = {"set", "list", "tuple", "frozenset"}
# builtins written in Python in pyrite/lib: a module using one imports it under a hidden name
LIBRARY_BUILTINS = {"eval": "_pyrite_eval", "exec": "_pyrite_eval", "compile": "_pyrite_eval",
                    "bytearray": "_pyrite_bytearray",
                    "memoryview": "_pyrite_bytearray",
                    "BaseExceptionGroup": "_pyrite_exceptiongroup", "ExceptionGroup": "_pyrite_exceptiongroup"}


# builtins only standard-library code gets from pyrite/lib (a program's own use is a compile-time error)
LIBRARY_ONLY_BUILTINS = {"complex": "_pyrite_complex"}


def desugar_module(tree, library=False):
    from pyrite.frontend.match import lower_match
    from pyrite.frontend.coro import lower_coroutines
    lower_coroutines(tree)   # async def, await, async for/with -> generators (frontend/coro.py)
    lower_match(tree)   # match statements -> if statements (frontend/match.py)
    _flatten_del_targets(tree)
    _rebind_builtins(tree)
    bound = _bound_names(tree)
    _builtins_module(tree, bound)
    _library_builtins(tree, bound, library)
    _generic_types(tree, bound)
    names = EAGER - bound
    if names:
        _EagerGenexp(names).visit(tree)
    return tree


def _rebind_builtins(tree):
    """`BlockingIOError = BlockingIOError` at module level, the name bound nowhere before: the right
    side is the builtin (the global is not bound yet), so the statement is `from builtins import
    BlockingIOError` (_pyio does this)."""
    from pyrite.types.infos import BUILTIN_NAMES
    seen = set()

    def visit(body):
        for i, st in enumerate(body):
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) \
                    and isinstance(st.value, ast.Name) and st.value.id == st.targets[0].id \
                    and st.value.id in BUILTIN_NAMES and st.value.id not in seen:
                imp = ast.ImportFrom(module="builtins", names=[ast.alias(name=st.value.id)], level=0)
                ast.copy_location(imp, st)
                ast.copy_location(imp.names[0], st)
                body[i] = imp
            elif isinstance(st, (ast.If, ast.Try)):
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(st, field, []))
                for h in getattr(st, "handlers", []):
                    visit(h.body)
            for n in ast.walk(st):
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                    seen.add(n.id)
                elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    seen.add(n.name)
                elif isinstance(n, ast.alias):
                    seen.add((n.asname or n.name).split(".")[0])
    visit(tree.body)


def _flatten_del_targets(tree):
    """`del (a, b)`, `del [x[0], y.z]`: the same as `del a, b` (CPython deletes left to right)."""
    def flat(targets):
        out = []
        for t in targets:
            if isinstance(t, (ast.Tuple, ast.List)):
                out += flat(t.elts)
            else:
                out.append(t)
        return out
    for node in ast.walk(tree):
        if isinstance(node, ast.Delete) and any(isinstance(t, (ast.Tuple, ast.List)) for t in node.targets):
            node.targets = flat(node.targets)


def _builtins_module(tree, bound):
    """`import builtins [as b]` at module level with every use `b.NAME`: each use names the builtin
    (through a `from builtins import` alias where the module binds NAME itself). Any other use of the
    module (as a value) is left for the import checks to reject."""
    from pyrite.types.infos import BUILTIN_NAMES
    aliases = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "builtins":
                    aliases[a.asname or a.name] = node
    if not aliases:
        return
    uses, other = [], False
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in aliases:
            p = parents.get(node)
            if isinstance(p, ast.Attribute) and p.value is node and isinstance(p.ctx, ast.Load) \
                    and p.attr in BUILTIN_NAMES:
                uses.append(p)
            else:
                other = True
    rebinds = sum(1 for node in ast.walk(tree) for a in getattr(node, "names", ()) if isinstance(a, ast.alias)
                  and (a.asname or a.name) in aliases)
    if other or rebinds != len(aliases):
        return
    needed = {}
    for attr in uses:
        name = attr.attr if attr.attr not in bound else "__pyrite_builtin_" + attr.attr
        needed[attr.attr] = name
        new = ast.Name(id=name, ctx=ast.Load())
        ast.copy_location(new, attr)
        p = parents[attr]
        for field, value in ast.iter_fields(p):
            if value is attr:
                setattr(p, field, new)
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    if v is attr:
                        value[i] = new
    for alias, node in aliases.items():
        names = [ast.alias(name=k, asname=v if v != k else None) for k, v in sorted(needed.items()) if v != k]
        i = tree.body.index(node)
        node.names = [a for a in node.names if a.name != "builtins"]
        repl = [ast.copy_location(ast.ImportFrom(module="builtins", names=names, level=0), node)] if names else []
        tree.body[i:i + 1] = ([node] if node.names else []) + repl
        needed = {}


def _library_builtins(tree, bound, library=False):
    """eval(...) -> __pyrite_lib__pyrite_eval.eval(...) with `import _pyrite_eval as __pyrite_lib__pyrite_eval`
    (the interpreter pyrite/lib/_pyrite_eval.py), where the module does not bind the name itself."""
    table = dict(LIBRARY_BUILTINS, **LIBRARY_ONLY_BUILTINS) if library else LIBRARY_BUILTINS
    names = {n: m for n, m in table.items() if n not in bound}
    used = set()

    class Rewrite(ast.NodeTransformer):
        def visit_Name(self, node):
            if node.id in names and isinstance(node.ctx, ast.Load):
                alias = "__pyrite_lib_" + names[node.id]
                used.add(names[node.id])
                return ast.copy_location(ast.Attribute(value=ast.copy_location(ast.Name(id=alias, ctx=ast.Load()),
                                                                               node),
                                                       attr=node.id, ctx=ast.Load()), node)
            return node
    Rewrite().visit(tree)
    for modname in sorted(used):
        _import_hidden(tree, modname)


GENERIC_BUILTINS = {"list", "dict", "set", "frozenset", "tuple", "type", "enumerate"}
TYPE_BUILTINS = GENERIC_BUILTINS | {"int", "float", "str", "bool", "bytes", "object", "complex", "range"}


def _generic_types(tree, bound):
    """A module that subscripts a builtin class (list[int]) or makes a union of classes (int | None)
    outside annotations imports pyrite/lib/_pyrite_types.py (types.GenericAlias and types.UnionType),
    which registers them with the runtime."""
    # annotations that are not evaluated: all of them under `from __future__ import annotations`, else
    # those of variables outside class bodies (a def's and a class body's are: __annotations__)
    from pyrite.types.infer import future_annotations
    future = future_annotations(tree)
    in_class = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            stack = list(node.body)
            while stack:
                s = stack.pop()
                if isinstance(s, ast.AnnAssign):
                    in_class.add(id(s))
                elif not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    for field in ("body", "orelse", "finalbody", "handlers"):
                        stack.extend(getattr(s, field, ()) or ())
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None and future:
            skip.add(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None and future:
            skip.add(node.returns)
        elif isinstance(node, ast.AnnAssign) and (future or id(node) not in in_class):
            skip.add(node.annotation)
    skipped = set()
    for a in skip:
        skipped.update(id(n) for n in ast.walk(a))

    def is_type(e):
        return isinstance(e, ast.Name) and e.id in TYPE_BUILTINS and e.id not in bound \
            or isinstance(e, ast.Constant) and e.value is None \
            or isinstance(e, ast.Subscript) and is_type(e.value)
    needed = False
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in GENERIC_BUILTINS \
                and node.value.id not in bound and isinstance(node.ctx, ast.Load):
            needed = True
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr) and (is_type(node.left)
                                                                                 or is_type(node.right)):
            needed = True
    if needed:
        _import_hidden(tree, "_pyrite_types")


def _import_hidden(tree, modname):
    """`import modname as __pyrite_lib_modname` after the docstring and __future__ imports"""
    alias = "__pyrite_lib_" + modname
    for st in tree.body:
        if isinstance(st, ast.Import) and any(a.asname == alias for a in st.names):
            return
    i = 0
    while i < len(tree.body) and (isinstance(tree.body[i], ast.ImportFrom) and tree.body[i].module == "__future__"
                                  or isinstance(tree.body[i], ast.Expr) and isinstance(tree.body[i].value, ast.Constant)
                                  and i == 0):
        i += 1
    imp = ast.Import(names=[ast.alias(name=modname, asname=alias)])
    ast.copy_location(imp, tree.body[i] if i < len(tree.body) else tree)
    ast.fix_missing_locations(imp)
    tree.body.insert(i, imp)


def _bound_names(tree):
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            out.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.arg):
            out.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                out.add((a.asname or a.name).split(".")[0])
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            out.update(node.names)
    return out


class _EagerGenexp(ast.NodeTransformer):
    def __init__(self, names):
        self.names = names

    def visit_Call(self, node):
        self.generic_visit(node)
        f = node.func
        if not (isinstance(f, ast.Name) and f.id in self.names and len(node.args) == 1 and not node.keywords
                and isinstance(node.args[0], ast.GeneratorExp)):
            return node
        g = node.args[0]
        if f.id == "set":
            return ast.copy_location(ast.SetComp(g.elt, g.generators), node)
        comp = ast.copy_location(ast.ListComp(g.elt, g.generators), g)
        if f.id == "list":
            return ast.copy_location(comp, node)
        node.args = [comp]
        return node
