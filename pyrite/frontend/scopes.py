"""Scope analysis (Python's rules): which names are local, global, captured (cell) or free per function.

List, set and dict comprehensions are inlined into their enclosing function: their target variables
are renamed to unique names (`x.c1`) first, so they stay invisible outside, as in Python 3. Generator
expressions and lambdas are real function scopes.

    def f():               scope f: locals {n, g}, cells {n}
        n = 0
        def g():           scope g: frees {n} (nonlocal)
            nonlocal n
            n += 1
"""
import ast
import itertools

FUNC_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.GeneratorExp)
COMP_NODES = (ast.ListComp, ast.SetComp, ast.DictComp)


class Scope:
    def __init__(self, kind, node, parent, name):
        self.kind, self.node, self.parent, self.name = kind, node, parent, name
        self.bound = set()            # names bound in this scope
        self.declared_global = set()
        self.declared_nonlocal = set()
        self.uses = set()
        self.params = []
        self.children = []
        self.cells = set()
        self.frees = set()
        self.has_yield = False

    @property
    def is_function(self):
        return self.kind in ("function", "lambda", "genexpr")

    def locals(self):
        return {n for n in self.bound if n not in self.declared_global and n not in self.declared_nonlocal}

    def classify(self, name):
        """'local' | 'cell' | 'free' | 'global' | 'classattr' for a name used in this scope."""
        if self.kind == "module":
            return "global"
        if name in self.declared_global:
            return "global"
        if name in self.frees:
            return "free"
        if self.kind == "class":
            return "classattr" if name in self.bound else "outer"
        if name in self.bound:
            return "cell" if name in self.cells else "local"
        return "global"


class ScopeBuilder(ast.NodeVisitor):
    def __init__(self):
        self.scopes = {}   # ast node -> Scope
        self.counter = itertools.count(1)
        self.cur = None

    def push(self, kind, node, name):
        s = Scope(kind, node, self.cur, name)
        if self.cur is not None:
            self.cur.children.append(s)
        self.scopes[node] = s
        return s

    def run_module(self, tree):
        self.cur = self.push("module", tree, "<module>")
        for stmt in tree.body:
            self.visit(stmt)
        return self.cur

    def bind(self, name):
        self.cur.bound.add(name)

    # ---- binding statements
    def visit_Name(self, node):
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            self.bind(node.id)
        else:
            self.cur.uses.add(node.id)

    def visit_Global(self, node):
        self.cur.declared_global.update(node.names)

    def visit_Nonlocal(self, node):
        self.cur.declared_nonlocal.update(node.names)

    def visit_Import(self, node):
        for a in node.names:
            self.bind(a.asname or a.name.split(".")[0])

    def visit_ImportFrom(self, node):
        for a in node.names:
            if a.name != "*":
                self.bind(a.asname or a.name)

    def visit_ExceptHandler(self, node):
        if node.name:
            self.bind(node.name)
        self.generic_visit(node)

    def visit_alias(self, node):
        pass

    def visit_Yield(self, node):
        self.cur.has_yield = True
        self.generic_visit(node)

    visit_YieldFrom = visit_Yield

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        # the target binds in the nearest enclosing scope that is not a comprehension: list/set/dict
        # comprehensions are inlined already; generator expressions are scopes of their own, which
        # then see the name as nonlocal (or global, at module level)
        scope, name, genexprs = self.cur, node.target.id, []
        while scope.kind == "genexpr":
            genexprs.append(scope)
            scope = scope.parent
        scope.bound.add(name)
        for g in genexprs:
            if scope.kind == "module" or name in scope.declared_global:
                g.declared_global.add(name)
            else:
                g.declared_nonlocal.add(name)

    # ---- nested scopes
    def visit_FunctionDef(self, node):
        for d in node.decorator_list:
            self.visit(d)
        self._visit_defaults(node.args)
        self.bind(node.name)
        outer = self.cur
        self.cur = self.push("function", node, node.name)
        self._bind_params(node.args)
        for stmt in node.body:
            self.visit(stmt)
        self.cur = outer

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self._visit_defaults(node.args)
        outer = self.cur
        self.cur = self.push("lambda", node, "<lambda>")
        self._bind_params(node.args)
        self.visit(node.body)
        self.cur = outer

    def visit_ClassDef(self, node):
        for d in node.decorator_list:
            self.visit(d)
        for b in node.bases:
            self.visit(b)
        for k in node.keywords:
            self.visit(k.value)
        self.bind(node.name)
        outer = self.cur
        self.cur = self.push("class", node, node.name)
        for stmt in node.body:
            self.visit(stmt)
        self.cur = outer

    def visit_GeneratorExp(self, node):
        # the first iterable is evaluated in the enclosing scope and passed as parameter '.0'
        self.visit(node.generators[0].iter)
        outer = self.cur
        self.cur = self.push("genexpr", node, "<genexpr>")
        self.cur.params = [".0"]
        self.cur.bound.add(".0")
        self.cur.has_yield = True
        for i, gen in enumerate(node.generators):
            self.visit(gen.target)
            if i > 0:
                self.visit(gen.iter)
            for cond in gen.ifs:
                self.visit(cond)
        self.visit(node.elt)
        self.cur = outer

    def _visit_comprehension(self, node, elts):
        """Inline: rename targets to unique names, then visit in the current scope."""
        n = next(self.counter)
        renames = {}
        for gen in node.generators:
            for t in ast.walk(gen.target):
                if isinstance(t, ast.Name):
                    renames.setdefault(t.id, "%s.c%d" % (t.id, n))
        for i, gen in enumerate(node.generators):
            # the first iterable sees the enclosing names; later parts see the renamed targets
            if i > 0:
                _rename(gen.iter, renames)
            self.visit(gen.iter)
            _rename(gen.target, renames)
            self.visit(gen.target)
            for cond in gen.ifs:
                _rename(cond, renames)
                self.visit(cond)
        for e in elts:
            _rename(e, renames)
            self.visit(e)

    def visit_ListComp(self, node):
        self._visit_comprehension(node, [node.elt])

    visit_SetComp = visit_ListComp

    def visit_DictComp(self, node):
        self._visit_comprehension(node, [node.key, node.value])

    def _visit_defaults(self, args):
        for d in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.visit(d)

    def _bind_params(self, args):
        names = [a.arg for a in args.posonlyargs + args.args]
        if args.vararg:
            names.append(args.vararg.arg)
        names += [a.arg for a in args.kwonlyargs]
        if args.kwarg:
            names.append(args.kwarg.arg)
        self.cur.params = names
        self.cur.bound.update(names)


class _Renamer(ast.NodeTransformer):
    def __init__(self, renames):
        self.renames = renames

    def visit_Name(self, node):
        if node.id in self.renames:
            node.id = self.renames[node.id]
        return node

    def visit_Lambda(self, node):
        # a lambda inside a comprehension sees the comprehension's variables unless it shadows them
        shadowed = {a.arg for a in node.args.args + node.args.kwonlyargs + node.args.posonlyargs}
        inner = {k: v for k, v in self.renames.items() if k not in shadowed}
        for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            self.visit(d)
        _Renamer(inner).visit(node.body)
        return node


def _rename(node, renames):
    if renames:
        _Renamer(renames).visit(node)


def resolve_frees(scope):
    """Mark captured names: free in the inner function, cell in the function that binds them."""
    for child in scope.children:
        resolve_frees(child)
    if not scope.is_function and scope.kind != "class":
        return
    wanted = set(scope.declared_nonlocal)
    if scope.kind == "class":
        wanted |= {n for n in scope.uses if n not in scope.bound}
    else:
        wanted |= {n for n in scope.uses if n not in scope.bound and n not in scope.declared_global}
    # names that inner scopes need from outside pass through this one too
    for child in scope.children:
        wanted |= {n for n in child.frees if n not in scope.locals() or n in scope.declared_nonlocal}
    for name in wanted:
        owner = _find_owner(scope.parent, name)
        if owner is not None:
            scope.frees.add(name)
            owner.cells.add(name)
    if scope.kind == "function" or scope.kind == "lambda" or scope.kind == "genexpr":
        for child in scope.children:
            for n in child.frees:
                if n in scope.locals():
                    scope.cells.add(n)


def _find_owner(scope, name):
    while scope is not None:
        if scope.is_function and name in scope.locals():
            return scope
        if scope.is_function and name in scope.declared_global:
            return None
        scope = scope.parent
    return None


def analyze_module(tree):
    """Returns {ast node: Scope} for the module, every function, lambda, genexp and class."""
    b = ScopeBuilder()
    top = b.run_module(tree)
    resolve_frees(top)
    return b.scopes
