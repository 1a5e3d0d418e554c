"""The `match` statement, lowered to the statements pyrite already compiles (PEP 634 semantics):

    match point:                        _m1 = point; _m1_done = False
        case (0, y):                    if isinstance(_m1, (list, tuple)):
            body1                           if len(_m1) == 2:
        case Point(x=0):                        _m2 = _m1[0]
            body2                               if _m2 == 0:
                                                    y = _m1[1]
                                                    _m1_done = True
                                                    body1
                                        if not _m1_done:
                                            if isinstance(_m1, Point): ...

The subject is evaluated once, each sub-subject once (a temporary), cases are tried in order and the
first that matches (guard included) runs. Sequence patterns match lists and tuples (CPython:
`collections.abc.Sequence` except str, bytes and bytearray), mapping patterns dicts (CPython:
`collections.abc.Mapping`); class patterns use `isinstance`, `__match_args__` for positional
sub-patterns, and the builtins that match their subject itself (`case int(n)`). A star sub-pattern
binds a list, `**rest` a dict of the other items. Names bound by a case that then fails to match may
stay bound, which CPython also allows.
"""
import ast

# builtins whose single positional sub-pattern matches the subject itself (PEP 634)
SELF_MATCHING = {"bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"}


class _Lower:
    def __init__(self):
        self.n = 0

    def temp(self, what="m"):
        self.n += 1
        return "_pyrite_%s%d" % (what, self.n)

    def match(self, node):
        subject = self.temp()
        done = subject + "_done"
        out = [_assign(subject, node.subject), _assign(done, ast.Constant(False))]
        for case in node.cases:
            then = [_assign(done, ast.Constant(True))] + case.body
            if case.guard is not None:
                then = [ast.If(case.guard, then, [])]
            stmts = self.pattern(case.pattern, subject, then)
            if case is node.cases[0]:
                out += stmts
            else:
                out.append(ast.If(_not(_name(done)), stmts, []))
        return out

    def pattern(self, p, subj, then):
        """Statements that run `then` when the value in variable `subj` matches p."""
        if isinstance(p, ast.MatchValue):
            return [ast.If(_cmp(_name(subj), ast.Eq(), p.value), then, [])]
        if isinstance(p, ast.MatchSingleton):
            return [ast.If(_cmp(_name(subj), ast.Is(), ast.Constant(p.value)), then, [])]
        if isinstance(p, ast.MatchAs):
            if p.name is not None:
                then = [_assign(p.name, _name(subj))] + then
            return then if p.pattern is None else self.pattern(p.pattern, subj, then)
        if isinstance(p, ast.MatchOr):
            hit = self.temp("alt")
            out = [_assign(hit, ast.Constant(False))]
            for i, alt in enumerate(p.patterns):
                stmts = self.pattern(alt, subj, [_assign(hit, ast.Constant(True))])
                out += stmts if i == 0 else [ast.If(_not(_name(hit)), stmts, [])]
            return out + [ast.If(_name(hit), then, [])]
        if isinstance(p, ast.MatchSequence):
            return self.sequence(p, subj, then)
        if isinstance(p, ast.MatchMapping):
            return self.mapping(p, subj, then)
        if isinstance(p, ast.MatchClass):
            return self.class_(p, subj, then)
        raise NotImplementedError(type(p).__name__)

    def sequence(self, p, subj, then):
        pats = p.patterns
        star = next((i for i, x in enumerate(pats) if isinstance(x, ast.MatchStar)), None)
        n = len(pats)
        length = _call("len", [_name(subj)])
        if star is None:
            size = _cmp(length, ast.Eq(), ast.Constant(n))
        else:
            size = _cmp(length, ast.GtE(), ast.Constant(n - 1))
        body = then
        for i in range(n - 1, -1, -1):
            sp = pats[i]
            if i == star:
                if sp.name is not None:   # the middle items, as a list
                    stop = ast.BinOp(_call("len", [_name(subj)]), ast.Sub(), ast.Constant(n - 1 - i))
                    sl = ast.Subscript(_name(subj), ast.Slice(ast.Constant(i), stop, None), ast.Load())
                    body = [_assign(sp.name, _call("list", [sl]))] + body
                continue
            if star is not None and i > star:
                index = ast.BinOp(_call("len", [_name(subj)]), ast.Sub(), ast.Constant(n - i))
            else:
                index = ast.Constant(i)
            item = self.temp()
            body = [_assign(item, ast.Subscript(_name(subj), index, ast.Load()))] + self.pattern(sp, item, body)
        test = _call("isinstance", [_name(subj), ast.Tuple([_name("list"), _name("tuple")], ast.Load())])
        return [ast.If(test, [ast.If(size, body, [])], [])]

    def mapping(self, p, subj, then):
        body = then
        if p.rest is not None:
            k, v = self.temp("k"), self.temp("v")
            others = ast.DictComp(_name(k), _name(v), [ast.comprehension(
                ast.Tuple([_store(k), _store(v)], ast.Store()),
                ast.Call(ast.Attribute(_name(subj), "items", ast.Load()), [], []),
                [_cmp(_name(k), ast.NotIn(), ast.Tuple(list(p.keys), ast.Load()))], 0)])
            body = [_assign(p.rest, others)] + body
        for key, sp in reversed(list(zip(p.keys, p.patterns))):
            item = self.temp()
            body = [ast.If(_cmp(key, ast.In(), _name(subj)),
                           [_assign(item, ast.Subscript(_name(subj), key, ast.Load()))] + self.pattern(sp, item, body),
                           [])]
        return [ast.If(_call("isinstance", [_name(subj), _name("dict")]), body, [])]

    def class_(self, p, subj, then):
        body = then
        for attr, sp in reversed(list(zip(p.kwd_attrs, p.kwd_patterns))):
            item = self.temp()
            body = [ast.If(_call("hasattr", [_name(subj), ast.Constant(attr)]),
                           [_assign(item, _call("getattr", [_name(subj), ast.Constant(attr)]))]
                           + self.pattern(sp, item, body), [])]
        self_matching = isinstance(p.cls, ast.Name) and p.cls.id in SELF_MATCHING
        for i in range(len(p.patterns) - 1, -1, -1):
            sp = p.patterns[i]
            if self_matching and i == 0:
                body = self.pattern(sp, subj, body)
                continue
            item = self.temp()
            name = ast.Subscript(ast.Attribute(p.cls, "__match_args__", ast.Load()), ast.Constant(i), ast.Load())
            body = [_assign(item, _call("getattr", [_name(subj), name]))] + self.pattern(sp, item, body)
        return [ast.If(_call("isinstance", [_name(subj), p.cls]), body, [])]


def _name(n):
    return ast.Name(n, ast.Load())


def _store(n):
    return ast.Name(n, ast.Store())


def _assign(n, value):
    return ast.Assign([_store(n)], value)


def _call(f, args):
    return ast.Call(_name(f), args, [])


def _cmp(a, op, b):
    return ast.Compare(a, [op], [b])


def _not(e):
    return ast.UnaryOp(ast.Not(), e)


class _Transformer(ast.NodeTransformer):
    def __init__(self):
        self.lower = _Lower()

    def visit_Match(self, node):
        self.generic_visit(node)   # a match inside a case body first
        out = self.lower.match(node)
        for s in out:
            for n in ast.walk(s):
                if not hasattr(n, "lineno") or n.lineno is None:
                    ast.copy_location(n, node)
                if isinstance(n, (ast.expr, ast.stmt)) and getattr(n, "end_lineno", None) is None:
                    n.end_lineno, n.end_col_offset = node.end_lineno, node.end_col_offset
        return out


def lower_match(tree):
    """Replace every match statement of the module by the statements it stands for."""
    if any(isinstance(n, ast.Match) for n in ast.walk(tree)):
        _Transformer().visit(tree)
        ast.fix_missing_locations(tree)
    return tree
