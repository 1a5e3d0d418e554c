"""Reject, with a diagnostic, what pyrite cannot compile (rather than compiling it differently).

Each rejection says what, why, and what to do: `eval` needs an interpreter at run time, `async` is
not implemented yet, and so on. See docs/subset.md for the full list.
"""
import ast

from pyrite.diagnostics import error_at

DYNAMIC_BUILTINS = {
    "compile": "it needs a Python interpreter at run time",
    "globals": "module namespaces are compiled to static variables",
    "locals": "local variables are compiled to C variables",
    "__import__": "imports are resolved at compile time; use an import statement",
    "breakpoint": "there is no debugger in compiled programs",
}

TODO = "not supported by pyrite yet"


class SubsetChecker(ast.NodeVisitor):
    def __init__(self, path, bound=()):
        self.path = path
        self.errors = []
        self.bound = bound   # names the module binds somewhere (its own `compile` is not the builtin)

    def err(self, node, msg):
        self.errors.append(error_at(self.path, node, msg))

    def visit_Call(self, node):
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
        from pyrite.build_ir.builder import IntMode
        if isinstance(node.value, int) and not isinstance(node.value, bool) and not -2**63 <= node.value < 2**63 \
                and not IntMode.exact:
            self.err(node, "integer literal does not fit in 64 bits (build with --exact-ints for "
                           "arbitrary-precision ints)")
        if isinstance(node.value, complex):
            self.err(node, "complex numbers are %s" % TODO)
        if isinstance(node.value, str):
            try:
                node.value.encode("utf-8")
            except UnicodeEncodeError as e:
                self.err(node, "a string with a lone surrogate (%r) is %s (pyrite strings are UTF-8)"
                         % (node.value[e.start:e.end], TODO))


def check_module(path, tree):
    from pyrite.frontend.desugar import _bound_names
    c = SubsetChecker(path, _bound_names(tree))
    c.visit(tree)
    return c.errors
