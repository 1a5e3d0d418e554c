"""Coroutines as generators, the way CPython builds them (PEP 492).

An `async def` is compiled as a generator function whose object has the type `coroutine` (or
`async_generator` when its body yields): the runtime gives those types CPython's methods and
messages (runtime/src/gen.c). The rest is rewritten here into generator code before scope analysis:

    await X                 ->  (yield from __pyrite_await__(X))
    async for T in X: B     ->  it = __pyrite_aiter__(X)
                                while True:
                                    try: v = await __pyrite_anext__(it)
                                    except StopAsyncIteration: done = True; break
                                    T = v
                                    B
                                if done: <else clause>
    async with M as T: B    ->  m = M; enter = __pyrite_aenter__(m); exit = __pyrite_aexit__(m)
                                T = await enter()
                                normal = True
                                try:
                                    try: B
                                    except BaseException as e:
                                        normal = False
                                        if not (await exit(type(e), e, None)): raise
                                finally:
                                    if normal: await exit(None, None, None)

`__pyrite_await__(x)` is x itself for a coroutine, else the iterator x.__await__() returns (TypeError
otherwise, with CPython's message); the other helpers call the special methods on the type, as
CPython does. Temporaries are named `__pyrite_N`.
"""
import ast

HELPERS = ("__pyrite_await__", "__pyrite_aiter__", "__pyrite_anext__", "__pyrite_aenter__",
           "__pyrite_aexit__", "__pyrite_agwrap__")


def lower_coroutines(tree):
    if any(isinstance(n, (ast.AsyncFunctionDef, ast.Await, ast.AsyncFor, ast.AsyncWith))
           for n in ast.walk(tree)):
        _Lower().visit(tree)
        ast.fix_missing_locations(tree)
    return tree


def _name(id_, ctx=None):
    return ast.Name(id=id_, ctx=ctx or ast.Load())


def _call(fn, *args):
    return ast.Call(func=_name(fn), args=list(args), keywords=[])


def _await(value):
    return ast.YieldFrom(value=_call("__pyrite_await__", value))


def _assign(target, value):
    return ast.Assign(targets=[target], value=value)


def _own_yields(body):
    """Whether these statements (not nested functions or classes) contain a yield."""
    todo = list(body)
    while todo:
        n = todo.pop()
        if isinstance(n, (ast.Yield, ast.YieldFrom)):
            return True
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        todo.extend(ast.iter_child_nodes(n))
    return False


class _Lower(ast.NodeTransformer):
    """Rewrites inside `async def` bodies only: an await, async for or async with anywhere else
    (a plain function, a lambda, a comprehension) is left for frontend/subset_check.py to reject."""
    def __init__(self):
        self.n = 0
        self.in_async = [False]
        self.in_agen = [False]

    def _scope(self, node, is_async, is_agen=False):
        self.in_async.append(is_async)
        self.in_agen.append(is_agen)
        self.generic_visit(node)
        self.in_async.pop()
        self.in_agen.pop()
        return node

    def visit_FunctionDef(self, node):
        return self._scope(node, False)

    def visit_Lambda(self, node):
        return self._scope(node, False)

    def visit_ClassDef(self, node):
        return self._scope(node, False)

    def visit_ListComp(self, node):
        return self._scope(node, False)

    visit_SetComp = visit_DictComp = visit_GeneratorExp = visit_ListComp

    def tmp(self):
        self.n += 1
        return "__pyrite_%d" % self.n

    def visit_AsyncFunctionDef(self, node):
        is_agen = _own_yields(node.body)   # (before awaits become yield from)
        self._scope(node, True, is_agen)
        f = ast.FunctionDef(name=node.name, args=node.args, body=node.body, decorator_list=node.decorator_list,
                            returns=node.returns, type_comment=node.type_comment)
        ast.copy_location(f, node)
        f.end_lineno, f.end_col_offset = node.end_lineno, node.end_col_offset
        f.pyrite_coroutine = "async_generator" if is_agen else "coroutine"
        return f

    def visit_Yield(self, node):
        """In an async generator, its own values are wrapped (runtime/src/gen.c tells them from what
        its awaits pass up)."""
        self.generic_visit(node)
        if self.in_agen[-1]:
            node.value = _call("__pyrite_agwrap__", node.value if node.value is not None else ast.Constant(None))
        return node

    def visit_Await(self, node):
        self.generic_visit(node)
        if not self.in_async[-1]:
            return node
        return ast.copy_location(_await(node.value), node)

    def visit_AsyncFor(self, node):
        self.generic_visit(node)
        if not self.in_async[-1]:
            return node
        it, v, done = self.tmp(), self.tmp(), self.tmp()
        loc = lambda s: ast.copy_location(s, node)
        fetch = ast.Try(
            body=[_assign(_name(v, ast.Store()), _await(_call("__pyrite_anext__", _name(it))))],
            handlers=[ast.ExceptHandler(type=_name("StopAsyncIteration"), name=None,
                                        body=[_assign(_name(done, ast.Store()), ast.Constant(True)), ast.Break()])],
            orelse=[], finalbody=[])
        loop = ast.While(test=ast.Constant(True),
                         body=[fetch, _assign(node.target, _name(v))] + node.body, orelse=[])
        out = [loc(_assign(_name(it, ast.Store()), _call("__pyrite_aiter__", node.iter))),
               loc(_assign(_name(done, ast.Store()), ast.Constant(False))), loc(loop)]
        if node.orelse:
            out.append(loc(ast.If(test=_name(done), body=node.orelse, orelse=[])))
        return out

    def visit_AsyncWith(self, node):
        self.generic_visit(node)
        if not self.in_async[-1]:
            return node
        body = node.body
        for item in reversed(node.items):
            body = self._with_item(item, body, node)
        return body

    def _with_item(self, item, body, node):
        mgr, enter_, exit_, normal, e = self.tmp(), self.tmp(), self.tmp(), self.tmp(), self.tmp()
        out = [_assign(_name(mgr, ast.Store()), item.context_expr),
               _assign(_name(enter_, ast.Store()), _call("__pyrite_aenter__", _name(mgr))),
               _assign(_name(exit_, ast.Store()), _call("__pyrite_aexit__", _name(mgr)))]
        enter = _await(ast.Call(func=_name(enter_), args=[], keywords=[]))
        out.append(_assign(item.optional_vars, enter) if item.optional_vars is not None else ast.Expr(enter))
        out.append(_assign(_name(normal, ast.Store()), ast.Constant(True)))
        exit_exc = _await(ast.Call(func=_name(exit_), args=[_call("type", _name(e)), _name(e), ast.Constant(None)],
                                   keywords=[]))
        handler = ast.ExceptHandler(
            type=_name("BaseException"), name=e,
            body=[_assign(_name(normal, ast.Store()), ast.Constant(False)),
                  ast.If(test=ast.UnaryOp(op=ast.Not(), operand=exit_exc), body=[ast.Raise(exc=None, cause=None)],
                         orelse=[])])
        inner = ast.Try(body=body, handlers=[handler], orelse=[], finalbody=[])
        exit_ok = ast.Expr(_await(ast.Call(func=_name(exit_), args=[ast.Constant(None)] * 3, keywords=[])))
        out.append(ast.Try(body=[inner], handlers=[], orelse=[],
                           finalbody=[ast.If(test=_name(normal), body=[exit_ok], orelse=[])]))
        return [ast.copy_location(s, node) for s in out]
