"""Source-level rewrites that keep CPython's behaviour and give the later stages simpler code.

    set(x * 2 for x in xs)      ->  {x * 2 for x in xs}
    list(f(x) for x in xs)      ->  [f(x) for x in xs]
    tuple(x for x in xs if x)   ->  tuple([x for x in xs if x])
    frozenset(... for ...)      ->  frozenset([... for ...])
    match x: case ...           ->  if statements (frontend/match.py)

A generator expression consumed at once by one of these builtins runs to its end before the call
returns, exactly like the comprehension: same elements, same order of evaluation, same exceptions
(only the traceback loses its `<genexpr>` frame). The comprehension is lowered inline in the
enclosing function instead of as a generator object resumed once per element. Applied only where
the builtin's name is not bound anywhere in the module (so it is the builtin).
"""
import ast

EAGER = {"set", "list", "tuple", "frozenset"}


def desugar_module(tree):
    from pyrite.frontend.match import lower_match
    from pyrite.frontend.coro import lower_coroutines
    lower_coroutines(tree)   # async def, await, async for/with -> generators (frontend/coro.py)
    lower_match(tree)   # match statements -> if statements (frontend/match.py)
    bound = _bound_names(tree)
    names = EAGER - bound
    if names:
        _EagerGenexp(names).visit(tree)
    return tree


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
