"""Reject, with a diagnostic, what pyrite cannot compile (rather than compiling it differently).

Each rejection says what, why, and what to do: `eval` needs an interpreter at run time, `async` is
not implemented yet, and so on. See docs/subset.md for the full list.
"""
import ast

from pyrite.diagnostics import error_at

DYNAMIC_BUILTINS = {
    "globals": "module namespaces are compiled to static variables: globals is only supported as a call "
               "globals()",
    "locals": "local variables are compiled to C variables",
    "breakpoint": "there is no debugger in compiled programs",
}

TODO = "not supported by pyrite yet"


class SubsetChecker(ast.NodeVisitor):
    def __init__(self, path, bound=()):
        self.path = path
        self.errors = []
        self.bound = bound   # names the module binds somewhere (its own `compile` is not the builtin)
        self.globals_writes = set()   # globals() calls whose dict is written to (rejected)

    def err(self, node, msg):
        self.errors.append(error_at(self.path, node, msg))

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id == "globals" and "globals" not in self.bound \
                and not node.args and not node.keywords:
            # the module's globals as a dict, kept current by its stores (build_ir/calls.py); stores
            # through it reach the compiled globals after each statement of a function that calls it
            # (build_ir/statements.py)
            return
        if isinstance(node.func, ast.Name) and node.func.id in DYNAMIC_BUILTINS and node.func.id not in self.bound:
            self.err(node, "call to '%s' cannot be compiled (%s; rewrite without it)"
                     % (node.func.id, DYNAMIC_BUILTINS[node.func.id]))
            for a in node.args + [k.value for k in node.keywords]:
                self.visit(a)
            return
        self.generic_visit(node)

    # (frontend/coro.py lowers these inside async def; what is left is outside one, or in a comprehension)
    def visit_Await(self, node):
        self.err(node, "'await' outside an async function (or inside a comprehension, lambda or generator "
                       "expression: %s there)" % TODO)
        self.generic_visit(node)

    def visit_AsyncFor(self, node):
        self.err(node, "'async for' outside an async function")
        self.generic_visit(node)

    def visit_AsyncWith(self, node):
        self.err(node, "'async with' outside an async function")
        self.generic_visit(node)

    def visit_comprehension(self, node):
        if node.is_async:
            self.err(node.target, "asynchronous comprehensions ('async for' in a comprehension) are %s" % TODO)
        self.generic_visit(node)

    def visit_TryStar(self, node):
        self.err(node, "'except*' is %s" % TODO)

    def visit_Name(self, node):
        if node.id in ("__dict__", "__builtins__", "__class__") and isinstance(node.ctx, ast.Load):
            self.err(node, "'%s' cannot be compiled (namespaces are static)" % node.id)
        elif node.id in DYNAMIC_BUILTINS and isinstance(node.ctx, ast.Load) and node.id not in self.bound:
            self.err(node, "'%s' cannot be compiled (%s)" % (node.id, DYNAMIC_BUILTINS[node.id]))

    def visit_Constant(self, node):
        if isinstance(node.value, complex):
            self.err(node, "complex numbers are %s" % TODO)
        if isinstance(node.value, str):
            try:
                node.value.encode("utf-8")
            except UnicodeEncodeError as e:
                self.err(node, "a string with a lone surrogate (%r) is %s (pyrite strings are UTF-8)"
                         % (node.value[e.start:e.end], TODO))


MUTATORS = {"update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__"}


def _globals_writes(tree):
    """The globals() calls whose result is written to (globals()[k] = v, globals().update(...), or
    through a name assigned from it): compiled code keeps module globals in C variables, which the
    dict globals() returns follows but cannot set (yet)."""
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
             and n.func.id == "globals" and not n.args]

    def written(expr):
        p = parents.get(expr)
        if isinstance(p, ast.Subscript) and p.value is expr and not isinstance(p.ctx, ast.Load):
            return True
        if isinstance(p, ast.Attribute) and p.value is expr and p.attr in MUTATORS:
            return True
        return False
    aliases = set()
    bad = set()
    for c in calls:
        if written(c):
            bad.add(id(c))
        p = parents.get(c)
        if isinstance(p, ast.Assign) and p.value is c:
            for t in p.targets:
                if isinstance(t, ast.Name):
                    aliases.add((t.id, id(c)))
    for name, cid in aliases:
        for n in ast.walk(tree):
            if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load) and written(n):
                bad.add(cid)
    return bad


def module_globals_writes(src):
    """_globals_writes of a SourceModule's tree, computed once."""
    w = getattr(src, "_globals_writes", None)
    if w is None:
        w = src._globals_writes = _globals_writes(src.tree) if "globals" in src.source else set()
    return w


def check_module(path, tree):
    from pyrite.frontend.desugar import _bound_names
    c = SubsetChecker(path, _bound_names(tree))
    c.globals_writes = _globals_writes(tree)
    c.visit(tree)
    return c.errors
