"""eval() and exec() for compiled programs: a small Python interpreter, compiled with the program.

The standard library generates code from templates at run time (namedtuple's __new__, dataclasses'
__init__/__repr__/__eq__, ...). A compiled program has no CPython to run that code, so this module
parses it and evaluates it over the namespace dicts it is given, with CPython's semantics for what it
accepts: expressions (lambda, comprehensions, f-strings, calls with * and **), and the statements
def, return, if, for, while, break, continue, pass, assignment (also augmented and annotated),
del, raise, assert, global and nonlocal. Anything else raises SyntaxError naming what pyrite's
eval() does not support. Functions it defines are objects of class EvalFunction (callable, bound as
methods through __get__, with __name__, __qualname__, __defaults__, __kwdefaults__, __doc__,
__annotations__, __module__).

eval(source) and exec(source) without a globals dict cannot see the caller's variables (they are C
variables in a compiled program): a name not found there raises NameError saying so.
"""

_KEYWORDS = {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
             "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
             "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"}
_OPERATORS = ["**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=",
              "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|", "^",
              "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "="]
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0", "a": "\a",
            "b": "\b", "f": "\f", "v": "\v", "\n": ""}


def _syntax_error(msg, line):
    e = SyntaxError(msg)
    e.lineno = line
    return e


class _Tok:
    def __init__(self, kind, value, line):
        self.kind = kind     # "name", "number", "string", "op", "newline", "indent", "dedent", "end"
        self.value = value
        self.line = line


def _is_name_start(c):
    return c.isalpha() or c == "_"


def _is_name_char(c):
    return c.isalnum() or c == "_"


def _decode_escapes(body, raw, line):
    if raw or "\\" not in body:
        return body
    out = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
        elif e == "x":
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif e == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif e == "U":
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        elif e in "01234567":
            j = i + 1
            while j < n and j < i + 4 and body[j] in "01234567":
                j += 1
            out.append(chr(int(body[i + 1:j], 8)))
            i = j
        else:
            out.append("\\")
            out.append(e)
            i += 2
    return "".join(out)


def _tokenize(src):
    toks = []
    indents = [0]
    depth = 0
    i = 0
    n = len(src)
    line = 1
    at_line_start = True
    while i < n:
        if at_line_start and depth == 0:
            col = 0
            while i < n and src[i] in " \t":
                col += 1 if src[i] == " " else 8 - col % 8
                i += 1
            if i >= n:
                break
            if src[i] == "\n" or src[i] == "#" or src[i] == "\r":
                while i < n and src[i] != "\n":
                    i += 1
                i += 1
                line += 1
                continue
            if col > indents[-1]:
                indents.append(col)
                toks.append(_Tok("indent", "", line))
            while col < indents[-1]:
                indents.pop()
                toks.append(_Tok("dedent", "", line))
            if col != indents[-1]:
                raise _syntax_error("unindent does not match any outer indentation level", line)
            at_line_start = False
        c = src[i]
        if c == "\n":
            if depth == 0 and toks and toks[-1].kind != "newline":
                toks.append(_Tok("newline", "", line))
            line += 1
            i += 1
            at_line_start = True
            continue
        if c in " \t\r\f":
            i += 1
            continue
        if c == "#":
            while i < n and src[i] != "\n":
                i += 1
            continue
        if c == "\\" and i + 1 < n and src[i + 1] == "\n":
            i += 2
            line += 1
            continue
        # string (with its prefix)
        j = i
        while j < n and j - i < 2 and src[j] in "rRbBuUfF":
            j += 1
        if j < n and src[j] in "'\"" and (j == i or not _is_name_char(src[i - 1]) if i > 0 else True):
            prefix = src[i:j].lower()
            q = src[j]
            triple = src[j:j + 3] == q * 3
            k = j + (3 if triple else 1)
            start = k
            while True:
                if k >= n:
                    raise _syntax_error("unterminated string literal", line)
                ch = src[k]
                if ch == "\\":
                    k += 2
                    continue
                if ch == "\n":
                    if not triple:
                        raise _syntax_error("unterminated string literal", line)
                    line += 1
                if triple and src[k:k + 3] == q * 3:
                    break
                if not triple and ch == q:
                    break
                k += 1
            body = src[start:k]
            i = k + (3 if triple else 1)
            toks.append(_Tok("string", (prefix, body), line))
            continue
        if _is_name_start(c):
            j = i + 1
            while j < n and _is_name_char(src[j]):
                j += 1
            toks.append(_Tok("name", src[i:j], line))
            i = j
            continue
        if c.isdigit() or (c == "." and i + 1 < n and src[i + 1].isdigit()):
            j = i
            if src[i:i + 2].lower() in ("0x", "0o", "0b"):
                j = i + 2
                while j < n and (src[j].isalnum() or src[j] == "_"):
                    j += 1
                text = src[i:j].replace("_", "")
                base = {"x": 16, "o": 8, "b": 2}[text[1].lower()]
                toks.append(_Tok("number", int(text[2:], base), line))
                i = j
                continue
            isfloat = False
            while j < n and (src[j].isdigit() or src[j] == "_" or src[j] == "."):
                if src[j] == ".":
                    isfloat = True
                j += 1
            if j < n and src[j] in "eE":
                isfloat = True
                j += 1
                if j < n and src[j] in "+-":
                    j += 1
                while j < n and src[j].isdigit():
                    j += 1
            if j < n and src[j] in "jJ":
                raise _syntax_error("pyrite's eval() does not support complex numbers", line)
            text = src[i:j].replace("_", "")
            toks.append(_Tok("number", float(text) if isfloat else int(text), line))
            i = j
            continue
        for op in _OPERATORS:
            if src.startswith(op, i):
                if op in "([{":
                    depth += 1
                elif op in ")]}":
                    depth -= 1
                toks.append(_Tok("op", op, line))
                i += len(op)
                break
        else:
            raise _syntax_error("invalid character '%s' (U+%04X)" % (c, ord(c)), line)
    if toks and toks[-1].kind != "newline":
        toks.append(_Tok("newline", "", line))
    while len(indents) > 1:
        indents.pop()
        toks.append(_Tok("dedent", "", line))
    toks.append(_Tok("end", "", line))
    return toks


# ------------------------------------------------------------------ the parser
# Nodes are tuples whose first item names their kind.

_COMPARE = {"<", ">", "==", ">=", "<=", "!="}
_AUG = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@="}


class _Parser:
    def __init__(self, src):
        self.toks = _tokenize(src)
        self.pos = 0

    def peek(self):
        return self.toks[self.pos]

    def next(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t

    def at(self, value):
        t = self.toks[self.pos]
        return (t.kind == "op" or t.kind == "name") and t.value == value

    def accept(self, value):
        if self.at(value):
            self.pos += 1
            return True
        return False

    def expect(self, value):
        if not self.accept(value):
            t = self.peek()
            raise _syntax_error("invalid syntax (expected '%s')" % value, t.line)

    def name(self):
        t = self.next()
        if t.kind != "name" or t.value in _KEYWORDS:
            raise _syntax_error("invalid syntax", t.line)
        return t.value

    # ---- statements
    def file_input(self):
        body = []
        while self.peek().kind != "end":
            if self.peek().kind == "newline":
                self.next()
                continue
            body.extend(self.statement())
        return body

    def block(self):
        if self.peek().kind != "newline":
            return self.simple_statements()
        self.next()
        if self.next().kind != "indent":
            raise _syntax_error("expected an indented block", self.peek().line)
        body = []
        while self.peek().kind != "dedent" and self.peek().kind != "end":
            if self.peek().kind == "newline":
                self.next()
                continue
            body.extend(self.statement())
        self.next()
        return body

    def statement(self):
        t = self.peek()
        if t.kind == "op" and t.value == "@":
            decorators = []
            while self.accept("@"):
                decorators.append(self.expr())
                self.next_newline()
            f = self.statement()
            if len(f) != 1 or f[0][0] != "def":
                raise _syntax_error("pyrite's eval() supports decorators on functions only", t.line)
            d = f[0]
            return [("def", d[1], d[2], d[3], d[4], decorators, d[6])]
        if t.kind == "name":
            kw = t.value
            if kw == "def":
                return [self.funcdef([])]
            if kw == "if":
                self.next()
                return [self.if_rest(t.line)]
            if kw == "for":
                self.next()
                target = self.target_list()
                self.expect("in")
                it = self.exprlist()
                self.expect(":")
                body = self.block()
                orelse = []
                if self.accept("else"):
                    self.expect(":")
                    orelse = self.block()
                return [("for", target, it, body, orelse, t.line)]
            if kw == "while":
                self.next()
                cond = self.namedexpr()
                self.expect(":")
                body = self.block()
                orelse = []
                if self.accept("else"):
                    self.expect(":")
                    orelse = self.block()
                return [("while", cond, body, orelse, t.line)]
            if kw in ("class", "try", "with", "async", "import", "from", "yield"):
                raise _syntax_error("pyrite's eval() does not support '%s' statements yet" % kw, t.line)
        return self.simple_statements()

    def next_newline(self):
        t = self.next()
        if t.kind != "newline":
            raise _syntax_error("invalid syntax", t.line)

    def if_rest(self, line):
        cond = self.namedexpr()
        self.expect(":")
        body = self.block()
        orelse = []
        if self.at("elif"):
            t = self.next()
            orelse = [self.if_rest(t.line)]
        elif self.accept("else"):
            self.expect(":")
            orelse = self.block()
        return ("if", cond, body, orelse, line)

    def funcdef(self, decorators):
        line = self.next().line
        name = self.name()
        self.expect("(")
        params = self.parameters(")", True)
        self.expect(")")
        returns = None
        if self.accept("->"):
            returns = self.expr()
        self.expect(":")
        body = self.block()
        return ("def", name, params, body, returns, decorators, line)

    def parameters(self, close, annotations):
        """[(kind, name, default, annotation)] with kind 'pos' | 'posonly' | 'star' | 'kw' | 'starstar'"""
        params = []
        kwonly = False
        while not self.at(close):
            if self.accept("/"):
                for k in range(len(params)):
                    p = params[k]
                    params[k] = ("posonly", p[1], p[2], p[3])
            elif self.accept("**"):
                params.append(("starstar", self.name(), None, self.annotation(annotations)))
            elif self.accept("*"):
                kwonly = True
                if not self.at(",") and not self.at(close):
                    params.append(("star", self.name(), None, self.annotation(annotations)))
            else:
                nm = self.name()
                ann = self.annotation(annotations)
                default = None
                if self.accept("="):
                    default = self.expr()
                params.append(("kw" if kwonly else "pos", nm, default, ann))
            if not self.accept(","):
                break
        return params

    def annotation(self, allowed):
        if allowed and self.accept(":"):
            return self.expr()
        return None

    def simple_statements(self):
        out = [self.small_statement()]
        while self.accept(";"):
            if self.peek().kind == "newline":
                break
            out.append(self.small_statement())
        self.next_newline()
        return out

    def small_statement(self):
        t = self.peek()
        line = t.line
        if t.kind == "name":
            kw = t.value
            if kw == "pass":
                self.next()
                return ("pass",)
            if kw == "break":
                self.next()
                return ("break", line)
            if kw == "continue":
                self.next()
                return ("continue", line)
            if kw == "return":
                self.next()
                value = None
                if self.peek().kind != "newline" and not self.at(";"):
                    value = self.exprlist()
                return ("return", value, line)
            if kw == "raise":
                self.next()
                exc = cause = None
                if self.peek().kind != "newline" and not self.at(";"):
                    exc = self.expr()
                    if self.accept("from"):
                        cause = self.expr()
                return ("raise", exc, cause, line)
            if kw == "global" or kw == "nonlocal":
                self.next()
                names = [self.name()]
                while self.accept(","):
                    names.append(self.name())
                return (kw, names)
            if kw == "del":
                self.next()
                return ("del", self.target_list(), line)
            if kw == "assert":
                self.next()
                test = self.expr()
                msg = None
                if self.accept(","):
                    msg = self.expr()
                return ("assert", test, msg, line)
        first = self.exprlist(True)
        if self.peek().kind == "op" and self.peek().value in _AUG:
            op = self.next().value[:-1]
            return ("augassign", first, op, self.exprlist(True), line)
        if self.accept(":"):
            ann = self.expr()
            value = None
            if self.accept("="):
                value = self.exprlist(True)
            return ("annassign", first, ann, value, line)
        if self.at("="):
            targets = [first]
            value = None
            while self.accept("="):
                value = self.exprlist(True)
                targets.append(value)
            targets.pop()
            return ("assign", targets, value, line)
        return ("expr", first, line)

    def target_list(self):
        items = [self.bitor()]
        tuple_ = False
        while self.accept(","):
            tuple_ = True
            if self.at("in") or self.at("=") or self.peek().kind == "newline":
                break
            items.append(self.bitor())
        return ("tuple", items) if tuple_ else items[0]

    # ---- expressions
    def exprlist(self, star=False):
        first = self.star_or_expr() if star else self.namedexpr()
        if not self.at(","):
            return first
        items = [first]
        while self.accept(","):
            if self._ends_exprlist():
                break
            items.append(self.star_or_expr() if star else self.namedexpr())
        return ("tuple", items)

    def _ends_exprlist(self):
        t = self.peek()
        if t.kind in ("newline", "end"):
            return True
        return t.kind == "op" and t.value in (")", "]", "}", "=", ":", ";") or (t.kind == "op" and t.value in _AUG) \
            or (t.kind == "name" and t.value == "in")

    def star_or_expr(self):
        if self.accept("*"):
            return ("starred", self.bitor())
        return self.namedexpr()

    def namedexpr(self):
        e = self.expr()
        if self.at(":=") and e[0] == "name":
            self.next()
            return ("walrus", e[1], self.expr())
        return e

    def expr(self):
        if self.at("lambda"):
            line = self.next().line
            params = self.parameters(":", False)
            self.expect(":")
            body = self.expr()
            return ("lambda", params, body, line)
        e = self.or_test()
        if self.at("if"):
            self.next()
            cond = self.or_test()
            self.expect("else")
            other = self.expr()
            return ("ifexp", cond, e, other)
        return e

    def or_test(self):
        e = self.and_test()
        if not self.at("or"):
            return e
        items = [e]
        while self.accept("or"):
            items.append(self.and_test())
        return ("or", items)

    def and_test(self):
        e = self.not_test()
        if not self.at("and"):
            return e
        items = [e]
        while self.accept("and"):
            items.append(self.not_test())
        return ("and", items)

    def not_test(self):
        if self.accept("not"):
            return ("not", self.not_test())
        return self.comparison()

    def comparison(self):
        e = self.bitor()
        ops = []
        rest = []
        while True:
            t = self.peek()
            if t.kind == "op" and t.value in _COMPARE:
                op = self.next().value
            elif t.kind == "name" and t.value == "in":
                self.next()
                op = "in"
            elif t.kind == "name" and t.value == "not" and self.toks[self.pos + 1].value == "in":
                self.pos += 2
                op = "not in"
            elif t.kind == "name" and t.value == "is":
                self.next()
                op = "is not" if self.accept("not") else "is"
            else:
                break
            ops.append(op)
            rest.append(self.bitor())
        if not ops:
            return e
        return ("compare", e, ops, rest)

    def binary(self, sub, ops):
        e = sub()
        while self.peek().kind == "op" and self.peek().value in ops:
            op = self.next().value
            e = ("binop", op, e, sub())
        return e

    def bitor(self):
        return self.binary(self.bitxor, ("|",))

    def bitxor(self):
        return self.binary(self.bitand, ("^",))

    def bitand(self):
        return self.binary(self.shift, ("&",))

    def shift(self):
        return self.binary(self.arith, ("<<", ">>"))

    def arith(self):
        return self.binary(self.term, ("+", "-"))

    def term(self):
        return self.binary(self.factor, ("*", "/", "//", "%", "@"))

    def factor(self):
        t = self.peek()
        if t.kind == "op" and t.value in ("+", "-", "~"):
            self.next()
            return ("unary", t.value, self.factor())
        return self.power()

    def power(self):
        e = self.primary()
        if self.accept("**"):
            return ("binop", "**", e, self.factor())
        return e

    def primary(self):
        e = self.atom()
        while True:
            if self.accept("."):
                e = ("attr", e, self.name())
            elif self.accept("("):
                e = self.call_rest(e)
            elif self.accept("["):
                e = ("subscript", e, self.subscript_list())
                self.expect("]")
            else:
                return e

    def call_rest(self, func):
        args = []
        kwargs = []   # (name or None for **, expr)
        while not self.at(")"):
            if self.accept("**"):
                kwargs.append((None, self.expr()))
            elif self.accept("*"):
                args.append(("starred", self.expr()))
            else:
                t = self.peek()
                if t.kind == "name" and self.toks[self.pos + 1].kind == "op" and self.toks[self.pos + 1].value == "=":
                    self.pos += 2
                    kwargs.append((t.value, self.expr()))
                else:
                    e = self.namedexpr()
                    if self.at("for"):
                        e = ("genexp", e, self.comp_for())
                    args.append(e)
            if not self.accept(","):
                break
        self.expect(")")
        return ("call", func, args, kwargs)

    def subscript_list(self):
        first = self.subscript()
        if not self.at(","):
            return first
        items = [first]
        while self.accept(","):
            if self.at("]"):
                break
            items.append(self.subscript())
        return ("tuple", items)

    def subscript(self):
        lower = upper = step = None
        if not self.at(":"):
            lower = self.namedexpr()
            if not self.at(":"):
                return lower
        self.expect(":")
        if not self.at("]") and not self.at(",") and not self.at(":"):
            upper = self.expr()
        if self.accept(":"):
            if not self.at("]") and not self.at(","):
                step = self.expr()
        return ("slice", lower, upper, step)

    def comp_for(self):
        clauses = []
        while self.at("for"):
            self.next()
            target = self.target_list()
            self.expect("in")
            it = self.or_test()
            conds = []
            while self.at("if"):
                self.next()
                conds.append(self.or_test_nocond())
            clauses.append((target, it, conds))
        return clauses

    def or_test_nocond(self):
        return self.or_test()

    def atom(self):
        t = self.next()
        if t.kind == "name":
            if t.value == "None":
                return ("const", None)
            if t.value == "True":
                return ("const", True)
            if t.value == "False":
                return ("const", False)
            if t.value in _KEYWORDS:
                raise _syntax_error("invalid syntax", t.line)
            return ("name", t.value, t.line)
        if t.kind == "number":
            return ("const", t.value)
        if t.kind == "string":
            return self.strings(t)
        if t.kind == "op":
            if t.value == "(":
                if self.accept(")"):
                    return ("tuple", [])
                first = self.star_or_expr()
                if self.at("for"):
                    e = ("genexp", first, self.comp_for())
                    self.expect(")")
                    return e
                if self.accept(")"):
                    return first if first[0] != "starred" else ("tuple", [first])
                items = [first]
                while self.accept(","):
                    if self.at(")"):
                        break
                    items.append(self.star_or_expr())
                self.expect(")")
                return ("tuple", items)
            if t.value == "[":
                if self.accept("]"):
                    return ("list", [])
                first = self.star_or_expr()
                if self.at("for"):
                    e = ("listcomp", first, self.comp_for())
                    self.expect("]")
                    return e
                items = [first]
                while self.accept(","):
                    if self.at("]"):
                        break
                    items.append(self.star_or_expr())
                self.expect("]")
                return ("list", items)
            if t.value == "{":
                if self.accept("}"):
                    return ("dict", [])
                if self.accept("**"):
                    first_key = None
                    first = self.bitor()
                else:
                    first = self.star_or_expr()
                    first_key = first
                    if self.accept(":"):
                        first = self.expr()
                    else:
                        # a set
                        if self.at("for"):
                            e = ("setcomp", first_key, self.comp_for())
                            self.expect("}")
                            return e
                        items = [first_key]
                        while self.accept(","):
                            if self.at("}"):
                                break
                            items.append(self.star_or_expr())
                        self.expect("}")
                        return ("set", items)
                if first_key is not None and self.at("for"):
                    e = ("dictcomp", first_key, first, self.comp_for())
                    self.expect("}")
                    return e
                pairs = [(first_key, first)]
                while self.accept(","):
                    if self.at("}"):
                        break
                    if self.accept("**"):
                        pairs.append((None, self.bitor()))
                    else:
                        k = self.expr()
                        self.expect(":")
                        pairs.append((k, self.expr()))
                self.expect("}")
                return ("dict", pairs)
            if t.value == "...":
                return ("const", Ellipsis)
        raise _syntax_error("invalid syntax", t.line)

    def strings(self, first):
        parts = []   # str | ("fmt", expr, conversion, spec parts)
        is_bytes = None
        t = first
        while True:
            prefix, body = t.value
            b = "b" in prefix
            if is_bytes is None:
                is_bytes = b
            elif is_bytes != b:
                raise _syntax_error("cannot mix bytes and nonbytes literals", t.line)
            raw = "r" in prefix
            if "f" in prefix:
                parts.extend(self.fstring(body, raw, t.line))
            else:
                parts.append(_decode_escapes(body, raw, t.line))
            if self.peek().kind != "string":
                break
            t = self.next()
        if all(isinstance(p, str) for p in parts):
            s = "".join(parts)
            if is_bytes:
                return ("const", s.encode("latin-1"))
            return ("const", s)
        return ("fstring", parts)

    def fstring(self, body, raw, line):
        parts = []
        i = 0
        n = len(body)
        lit = []
        while i < n:
            c = body[i]
            if c == "{":
                if i + 1 < n and body[i + 1] == "{":
                    lit.append("{")
                    i += 2
                    continue
                if lit:
                    parts.append(_decode_escapes("".join(lit), raw, line))
                    lit = []
                j, expr_text, conv, spec = _split_field(body, i + 1, line)
                sub = _Parser(expr_text.strip())
                e = sub.exprlist()
                spec_parts = self.fstring(spec, raw, line) if spec is not None else None
                parts.append(("fmt", e, conv, spec_parts))
                i = j
            elif c == "}":
                if i + 1 < n and body[i + 1] == "}":
                    lit.append("}")
                    i += 2
                    continue
                raise _syntax_error("f-string: single '}' is not allowed", line)
            else:
                lit.append(c)
                i += 1
        if lit:
            parts.append(_decode_escapes("".join(lit), raw, line))
        return parts


def _split_field(body, i, line):
    """body[i:] follows a '{': (index after the closing '}', expression text, conversion, spec text)"""
    depth = 0
    n = len(body)
    start = i
    quote = None
    while i < n:
        c = body[i]
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (c == "!" and i + 1 < n and body[i + 1] != "=" or c == ":"):
            break
        i += 1
    expr_text = body[start:i]
    conv = None
    spec = None
    if i < n and body[i] == "!":
        conv = body[i + 1]
        i += 2
    if i < n and body[i] == ":":
        j = i + 1
        d = 0
        while j < n:
            if body[j] == "{":
                d += 1
            elif body[j] == "}":
                if d == 0:
                    break
                d -= 1
            j += 1
        spec = body[i + 1:j]
        i = j
    if i >= n or body[i] != "}":
        raise _syntax_error("f-string: expecting '}'", line)
    return i + 1, expr_text, conv, spec


# ------------------------------------------------------------------ evaluation

class _Return(Exception):
    pass


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


_MISSING = object()


def _local_names(params, body):
    """The names a function body binds (its locals), minus those declared global or nonlocal."""
    names = set()
    declared = set()
    for p in params:
        names.add(p[1])
    _collect_bound(body, names, declared)
    return names - declared, declared


def _collect_bound(stmts, names, declared):
    for s in stmts:
        k = s[0]
        if k == "assign":
            for t in s[1]:
                _target_names(t, names)
        elif k == "augassign" or k == "annassign":
            _target_names(s[1], names)
        elif k == "for":
            _target_names(s[1], names)
            _collect_bound(s[3], names, declared)
            _collect_bound(s[4], names, declared)
        elif k == "while" or k == "if":
            _collect_bound(s[2], names, declared)
            _collect_bound(s[3], names, declared)
        elif k == "def":
            names.add(s[1])
        elif k == "del":
            _target_names(s[1], names)
        elif k == "global" or k == "nonlocal":
            declared.update(s[1])


def _target_names(t, names):
    if t[0] == "name":
        names.add(t[1])
    elif t[0] == "tuple" or t[0] == "list":
        for x in t[1]:
            _target_names(x, names)
    elif t[0] == "starred":
        _target_names(t[1], names)


class _Scope:
    """A function's frame: its locals, the scope it was defined in, and the module namespace."""

    def __init__(self, localvars, local_names, parent, globals_, builtins_, globals_decl, no_caller):
        self.vars = localvars
        self.local_names = local_names      # None: a module-level (exec/eval) scope
        self.parent = parent
        self.globals = globals_
        self.builtins = builtins_
        self.globals_decl = globals_decl
        self.no_caller = no_caller

    def lookup(self, name, line):
        s = self
        first = True
        while s is not None:
            if s.local_names is not None:
                if name in s.vars:
                    return s.vars[name]
                if first and name in s.local_names and name not in s.globals_decl:
                    raise UnboundLocalError("cannot access local variable '%s' where it is not associated with a value"
                                            % name)
            first = False
            s = s.parent
        if name in self.globals:
            return self.globals[name]
        if name in self.builtins:
            return self.builtins[name]
        if self.no_caller:
            raise NameError("name '%s' is not defined (pyrite: eval() and exec() without a globals dict "
                            "cannot see the caller's variables)" % name)
        raise NameError("name '%s' is not defined" % name)

    def store(self, name, value):
        if self.local_names is None or name in self.globals_decl:
            self.globals[name] = value
            return
        s = self
        if name not in self.local_names:
            s = self.parent   # nonlocal
            while s is not None and (s.local_names is None or name not in s.local_names):
                s = s.parent
            if s is None:
                self.globals[name] = value
                return
        s.vars[name] = value

    def delete(self, name):
        if self.local_names is None or name in self.globals_decl:
            if name not in self.globals:
                raise NameError("name '%s' is not defined" % name)
            del self.globals[name]
            return
        if name not in self.vars:
            raise UnboundLocalError("cannot access local variable '%s' where it is not associated with a value"
                                    % name)
        del self.vars[name]


class EvalFunction:
    """A function defined by code that eval() or exec() ran."""

    def __init__(self, name, qualname, params, body, defaults, kwdefaults, annotations, scope, is_lambda,
                 doc, module):
        self.__name__ = name
        self.__qualname__ = qualname
        self._params = params
        self._body = body
        self.__defaults__ = defaults
        self.__kwdefaults__ = kwdefaults
        self.__annotations__ = annotations
        self.__doc__ = doc
        self.__module__ = module
        self._scope = scope
        self._is_lambda = is_lambda
        local_names, declared = _local_names(params, body if not is_lambda else [])
        self._local_names = local_names
        self._globals_decl = declared

    def __repr__(self):
        return "<function %s at 0x%x>" % (self.__qualname__, id(self))

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return _BoundMethod(self, obj)

    def __call__(self, *args, **kwargs):
        frame = {}
        self._bind(frame, args, kwargs)
        scope = _Scope(frame, self._local_names, self._scope, self._scope.globals, self._scope.builtins,
                       self._globals_decl, self._scope.no_caller)
        if self._is_lambda:
            return _eval(self._body, scope)
        try:
            _exec_block(self._body, scope)
        except _Return as r:
            return r.args[0]
        return None

    def _bind(self, frame, args, kwargs):
        name = self.__qualname__   # (CPython names the function by its __qualname__)
        params = self._params
        positional = [p for p in params if p[0] == "pos" or p[0] == "posonly"]
        star = None
        starstar = None
        kwonly = []
        for p in params:
            if p[0] == "star":
                star = p[1]
            elif p[0] == "starstar":
                starstar = p[1]
            elif p[0] == "kw":
                kwonly.append(p[1])
        defaults = self.__defaults__ or ()
        kwdefaults = self.__kwdefaults__ or {}
        npos = len(positional)
        if len(args) > npos and star is None:
            given = len(args)
            ndef = len(defaults)
            if ndef:
                takes = "from %d to %d positional arguments" % (npos - ndef, npos)
            else:
                takes = "%d positional argument%s" % (npos, "" if npos == 1 else "s")
            raise TypeError("%s() takes %s but %d %s given" % (name, takes, given, "was" if given == 1 else "were"))
        for i in range(min(len(args), npos)):
            frame[positional[i][1]] = args[i]
        if star is not None:
            frame[star] = tuple(args[npos:])
        extra = {}
        posonly_kw = []
        for k in kwargs:
            v = kwargs[k]
            matched = False
            for i in range(npos):
                p = positional[i]
                if p[1] == k:
                    if p[0] == "posonly":
                        break
                    if i < len(args):
                        raise TypeError("%s() got multiple values for argument '%s'" % (name, k))
                    frame[k] = v
                    matched = True
                    break
            if not matched and k in kwonly:
                frame[k] = v
                matched = True
            if not matched:
                if starstar is not None:
                    extra[k] = v
                elif any(p[1] == k and p[0] == "posonly" for p in positional):
                    posonly_kw.append(k)
                else:
                    raise TypeError("%s() got an unexpected keyword argument '%s'" % (name, k))
        if posonly_kw:
            raise TypeError("%s() got some positional-only arguments passed as keyword arguments: '%s'"
                            % (name, ", ".join(posonly_kw)))
        if starstar is not None:
            frame[starstar] = extra
        first_default = npos - len(defaults)
        missing = []
        for i in range(npos):
            pname = positional[i][1]
            if pname not in frame:
                if i >= first_default:
                    frame[pname] = defaults[i - first_default]
                else:
                    missing.append(pname)
        if missing:
            raise TypeError("%s() missing %d required positional argument%s: %s"
                            % (name, len(missing), "" if len(missing) == 1 else "s", _quote_names(missing)))
        missing = []
        for k in kwonly:
            if k not in frame:
                if k in kwdefaults:
                    frame[k] = kwdefaults[k]
                else:
                    missing.append(k)
        if missing:
            raise TypeError("%s() missing %d required keyword-only argument%s: %s"
                            % (name, len(missing), "" if len(missing) == 1 else "s", _quote_names(missing)))


def _quote_names(names):
    q = ["'%s'" % n for n in names]
    if len(q) == 1:
        return q[0]
    if len(q) == 2:
        return q[0] + " and " + q[1]
    return ", ".join(q[:-1]) + ", and " + q[-1]


class _BoundMethod:
    def __init__(self, func, obj):
        self.__func__ = func
        self.__self__ = obj

    def __call__(self, *args, **kwargs):
        return self.__func__(self.__self__, *args, **kwargs)

    def __repr__(self):
        return "<bound method %s of %r>" % (self.__func__.__qualname__, self.__self__)

    def __eq__(self, other):
        if not isinstance(other, _BoundMethod):
            return NotImplemented
        return self.__func__ is other.__func__ and self.__self__ is other.__self__

    def __hash__(self):
        return hash((id(self.__func__), id(self.__self__)))


def _binop(op, a, b):
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    if op == "//":
        return a // b
    if op == "%":
        return a % b
    if op == "**":
        return a ** b
    if op == "<<":
        return a << b
    if op == ">>":
        return a >> b
    if op == "&":
        return a & b
    if op == "|":
        return a | b
    if op == "^":
        return a ^ b
    if op == "@":
        return a @ b
    raise SyntaxError("unknown operator " + op)


def _inplace(op, a, b):
    if op == "+":
        a += b
    elif op == "-":
        a -= b
    elif op == "*":
        a *= b
    elif op == "/":
        a /= b
    elif op == "//":
        a //= b
    elif op == "%":
        a %= b
    elif op == "**":
        a **= b
    elif op == "<<":
        a <<= b
    elif op == ">>":
        a >>= b
    elif op == "&":
        a &= b
    elif op == "|":
        a |= b
    elif op == "^":
        a ^= b
    else:
        a = _binop(op, a, b)
    return a


def _compare(op, a, b):
    if op == "==":
        return a == b
    if op == "!=":
        return a != b
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    if op == ">=":
        return a >= b
    if op == "is":
        return a is b
    if op == "is not":
        return a is not b
    if op == "in":
        return a in b
    if op == "not in":
        return a not in b
    raise SyntaxError("unknown comparison " + op)


def _make_function(node, scope, qualprefix):
    kind = node[0]
    if kind == "lambda":
        params = node[1]
        body = node[2]
        name = "<lambda>"
        decorators = []
        returns = None
    else:
        name = node[1]
        params = node[2]
        body = node[3]
        returns = node[4]
        decorators = node[5]
    decos = [_eval(d, scope) for d in decorators]
    defaults = []
    kwdefaults = {}
    annotations = {}
    for p in params:
        if p[2] is not None:
            v = _eval(p[2], scope)
            if p[0] == "kw":
                kwdefaults[p[1]] = v
            else:
                defaults.append(v)
    for p in params:
        if p[3] is not None:
            annotations[p[1]] = _eval(p[3], scope)
    if returns is not None:
        annotations["return"] = _eval(returns, scope)
    doc = None
    if kind == "def" and body and body[0][0] == "expr" and body[0][1][0] == "const" \
            and isinstance(body[0][1][1], str):
        doc = body[0][1][1]
    module = scope.globals.get("__name__")
    f = EvalFunction(name, qualprefix + name, params, body, tuple(defaults) if defaults else None,
                     kwdefaults if kwdefaults else None, annotations, scope, kind == "lambda", doc, module)
    result = f
    for d in reversed(decos):
        result = d(result)
    return result


def _qualprefix(scope):
    return "<locals>." if scope.local_names is not None else ""


def _eval_args(args, kwargs, scope):
    pos = []
    for a in args:
        if a[0] == "starred":
            pos.extend(_eval(a[1], scope))
        else:
            pos.append(_eval(a, scope))
    kw = {}
    for k, v in kwargs:
        if k is None:
            m = _eval(v, scope)
            for key in m.keys():
                if key in kw:
                    raise TypeError("got multiple values for keyword argument '%s'" % key)
                kw[key] = m[key]
        else:
            if k in kw:
                raise SyntaxError("keyword argument repeated: " + k)
            kw[k] = _eval(v, scope)
    return pos, kw


def _eval_items(items, scope):
    out = []
    for e in items:
        if e[0] == "starred":
            out.extend(_eval(e[1], scope))
        else:
            out.append(_eval(e, scope))
    return out


def _genexp(node, scope):
    clauses = node[2]
    inner = _Scope({}, set(), scope, scope.globals, scope.builtins, set(), scope.no_caller)
    for c in clauses:
        _target_names(c[0], inner.local_names)
    return _gen_loop(node[1], clauses, 0, _eval(clauses[0][1], scope), inner)


def _gen_loop(elt, clauses, i, iterable, scope):
    target, _, conds = clauses[i]
    for v in iterable:
        _assign(target, v, scope)
        ok = True
        for c in conds:
            if not _eval(c, scope):
                ok = False
                break
        if not ok:
            continue
        if i + 1 < len(clauses):
            yield from _gen_loop(elt, clauses, i + 1, _eval(clauses[i + 1][1], scope), scope)
        else:
            yield _eval(elt, scope)


def _eval(node, scope):
    k = node[0]
    if k == "name":
        return scope.lookup(node[1], node[2])
    if k == "const":
        return node[1]
    if k == "attr":
        return getattr(_eval(node[1], scope), node[2])
    if k == "call":
        f = _eval(node[1], scope)
        pos, kw = _eval_args(node[2], node[3], scope)
        return f(*pos, **kw)
    if k == "binop":
        return _binop(node[1], _eval(node[2], scope), _eval(node[3], scope))
    if k == "compare":
        left = _eval(node[1], scope)
        ops = node[2]
        rest = node[3]
        for i in range(len(ops)):
            right = _eval(rest[i], scope)
            r = _compare(ops[i], left, right)
            if i + 1 == len(ops):
                return r
            if not r:
                return r
            left = right
        return True
    if k == "tuple":
        return tuple(_eval_items(node[1], scope))
    if k == "list":
        return _eval_items(node[1], scope)
    if k == "set":
        return set(_eval_items(node[1], scope))
    if k == "dict":
        d = {}
        for key, value in node[1]:
            if key is None:
                d.update(_eval(value, scope))
            else:
                kv = _eval(key, scope)
                d[kv] = _eval(value, scope)
        return d
    if k == "subscript":
        return _eval(node[1], scope)[_eval(node[2], scope)]
    if k == "slice":
        return slice(None if node[1] is None else _eval(node[1], scope),
                     None if node[2] is None else _eval(node[2], scope),
                     None if node[3] is None else _eval(node[3], scope))
    if k == "and":
        v = None
        for e in node[1]:
            v = _eval(e, scope)
            if not v:
                return v
        return v
    if k == "or":
        v = None
        for e in node[1]:
            v = _eval(e, scope)
            if v:
                return v
        return v
    if k == "not":
        return not _eval(node[1], scope)
    if k == "unary":
        v = _eval(node[2], scope)
        if node[1] == "-":
            return -v
        if node[1] == "+":
            return +v
        return ~v
    if k == "ifexp":
        if _eval(node[1], scope):
            return _eval(node[2], scope)
        return _eval(node[3], scope)
    if k == "lambda":
        return _make_function(node, scope, _qualprefix(scope))
    if k == "fstring":
        return _fstring(node[1], scope)
    if k == "walrus":
        v = _eval(node[2], scope)
        scope.store(node[1], v)
        return v
    if k == "listcomp":
        return list(_genexp(node, scope))
    if k == "setcomp":
        return set(_genexp(node, scope))
    if k == "dictcomp":   # (key, value) pairs, each evaluated key first
        return dict(_genexp(("genexp", ("tuple", [node[1], node[2]]), node[3]), scope))
    if k == "genexp":
        return _genexp(node, scope)
    if k == "starred":
        raise SyntaxError("can't use starred expression here")
    raise SyntaxError("pyrite's eval() cannot evaluate a '%s' expression" % k)


def _fstring(parts, scope):
    out = []
    for p in parts:
        if isinstance(p, str):
            out.append(p)
            continue
        v = _eval(p[1], scope)
        conv = p[2]
        if conv == "r":
            v = repr(v)
        elif conv == "s":
            v = str(v)
        elif conv == "a":
            v = ascii(v)
        spec = "" if p[3] is None else _fstring(p[3], scope)
        out.append(format(v, spec))
    return "".join(out)


def _assign(target, value, scope):
    k = target[0]
    if k == "name":
        scope.store(target[1], value)
    elif k == "attr":
        setattr(_eval(target[1], scope), target[2], value)
    elif k == "subscript":
        obj = _eval(target[1], scope)
        obj[_eval(target[2], scope)] = value
    elif k == "tuple" or k == "list":
        items = target[1]
        star = -1
        for i in range(len(items)):
            if items[i][0] == "starred":
                star = i
        values = list(value)
        if star < 0:
            if len(values) != len(items):
                if len(values) > len(items):
                    raise ValueError("too many values to unpack (expected %d)" % len(items))
                raise ValueError("not enough values to unpack (expected %d, got %d)" % (len(items), len(values)))
            for i in range(len(items)):
                _assign(items[i], values[i], scope)
        else:
            after = len(items) - star - 1
            if len(values) < len(items) - 1:
                raise ValueError("not enough values to unpack (expected at least %d, got %d)"
                                 % (len(items) - 1, len(values)))
            for i in range(star):
                _assign(items[i], values[i], scope)
            _assign(items[star][1], values[star:len(values) - after], scope)
            for i in range(after):
                _assign(items[star + 1 + i], values[len(values) - after + i], scope)
    else:
        raise SyntaxError("cannot assign to expression")


def _delete(target, scope):
    k = target[0]
    if k == "name":
        scope.delete(target[1])
    elif k == "attr":
        delattr(_eval(target[1], scope), target[2])
    elif k == "subscript":
        obj = _eval(target[1], scope)
        del obj[_eval(target[2], scope)]
    elif k == "tuple" or k == "list":
        for t in target[1]:
            _delete(t, scope)
    else:
        raise SyntaxError("cannot delete expression")


def _exec_block(stmts, scope):
    for s in stmts:
        _exec(s, scope)


def _exec(s, scope):
    k = s[0]
    if k == "expr":
        _eval(s[1], scope)
    elif k == "assign":
        v = _eval(s[2], scope)
        for t in s[1]:
            _assign(t, v, scope)
    elif k == "return":
        raise _Return(None if s[1] is None else _eval(s[1], scope))
    elif k == "if":
        if _eval(s[1], scope):
            _exec_block(s[2], scope)
        else:
            _exec_block(s[3], scope)
    elif k == "def":
        scope.store(s[1], _make_function(s, scope, _qualprefix(scope)))
    elif k == "pass":
        pass
    elif k == "augassign":
        t = s[1]
        if t[0] == "name":
            scope.store(t[1], _inplace(s[2], scope.lookup(t[1], s[4]), _eval(s[3], scope)))
        elif t[0] == "attr":
            obj = _eval(t[1], scope)
            setattr(obj, t[2], _inplace(s[2], getattr(obj, t[2]), _eval(s[3], scope)))
        elif t[0] == "subscript":
            obj = _eval(t[1], scope)
            key = _eval(t[2], scope)
            obj[key] = _inplace(s[2], obj[key], _eval(s[3], scope))
        else:
            raise SyntaxError("'%s' is an illegal expression for augmented assignment" % t[0])
    elif k == "annassign":
        if s[3] is not None:
            _assign(s[1], _eval(s[3], scope), scope)
        if scope.local_names is None and s[1][0] == "name":
            ann = scope.globals.get("__annotations__")
            if ann is None:
                ann = {}
                scope.globals["__annotations__"] = ann
            ann[s[1][1]] = _eval(s[2], scope)
    elif k == "for":
        broke = False
        for v in _eval(s[2], scope):
            _assign(s[1], v, scope)
            try:
                _exec_block(s[3], scope)
            except _Break:
                broke = True
                break
            except _Continue:
                continue
        if not broke:
            _exec_block(s[4], scope)
    elif k == "while":
        broke = False
        while _eval(s[1], scope):
            try:
                _exec_block(s[2], scope)
            except _Break:
                broke = True
                break
            except _Continue:
                continue
        if not broke:
            _exec_block(s[3], scope)
    elif k == "break":
        raise _Break()
    elif k == "continue":
        raise _Continue()
    elif k == "raise":
        if s[1] is None:
            raise RuntimeError("No active exception to reraise")
        exc = _eval(s[1], scope)
        if s[2] is not None:
            raise exc from _eval(s[2], scope)
        raise exc
    elif k == "global" or k == "nonlocal":
        pass
    elif k == "del":
        _delete(s[1], scope)
    elif k == "assert":
        if not _eval(s[1], scope):
            if s[2] is None:
                raise AssertionError()
            raise AssertionError(_eval(s[2], scope))
    else:
        raise SyntaxError("pyrite's exec() cannot run a '%s' statement" % k)


def _builtins_of(globals_):
    b = globals_.get("__builtins__", None)
    if isinstance(b, dict):
        return b
    return _BUILTINS


def _source(source, what):
    if isinstance(source, bytes):
        source = source.decode("utf-8")
    if not isinstance(source, str):
        raise TypeError("%s() arg 1 must be a string, bytes or code object" % what)
    return source


class code:
    """What compile() returns: the parsed source, run by eval() and exec() (typing's ForwardRef
    compiles its string once and evaluates it later)."""

    def __init__(self, tree, mode, filename, source):
        self._tree = tree
        self._mode = mode
        self._source = source
        self.co_filename = filename
        self.co_name = "<module>"
        self.co_firstlineno = 1
        self.co_flags = 0
        self.co_consts = ()
        self.co_names = ()

    def __repr__(self):
        return "<code object <module> at 0x%x, file \"%s\", line 1>" % (id(self), self.co_filename)


def _parse_eval(source):
    source = source.lstrip(" \t")
    p = _Parser(source)
    node = p.exprlist()
    while p.peek().kind == "newline":
        p.next()
    if p.peek().kind != "end":
        raise _syntax_error("invalid syntax", p.peek().line)
    return node


def compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1):
    if isinstance(source, code):
        return source
    if flags & 0x400:   # ast.PyCF_ONLY_AST (ast.parse)
        raise NotImplementedError("pyrite: compile() to an AST (ast.parse) is not supported in compiled "
                                  "programs")
    text = _source(source, "compile")
    if not isinstance(filename, str):
        filename = str(filename)
    if mode == "eval":
        return code(_parse_eval(text), mode, filename, text)
    if mode == "exec" or mode == "single":
        return code(_Parser(text).file_input(), mode, filename, text)
    raise ValueError("compile() mode must be 'exec', 'eval' or 'single'")


def eval(source, globals=None, locals=None):
    no_caller = globals is None
    if globals is None:
        globals = {}
    elif not isinstance(globals, dict):
        raise TypeError("globals must be a dict")
    if isinstance(source, code):
        if source._mode != "eval":   # an exec-mode code object: run for its effects, value None
            exec(source, globals, locals)
            return None
        node = source._tree
    else:
        node = _parse_eval(_source(source, "eval"))
    scope = _Scope(globals if locals is None else locals, None, None, globals, _builtins_of(globals), set(),
                   no_caller)
    return _eval(node, scope)


def exec(source, globals=None, locals=None, closure=None):
    no_caller = globals is None
    if globals is None:
        globals = {}
    elif not isinstance(globals, dict):
        raise TypeError("exec() globals must be a dict, not %s" % type(globals).__name__)
    if isinstance(source, code):
        if source._mode == "eval":
            eval(source, globals, locals)
            return None
        body = source._tree
    else:
        body = _Parser(_source(source, "exec")).file_input()
    if locals is not None and locals is not globals:
        # class-body-like: names stored go to locals, reads see locals then globals
        scope = _Scope(locals, None, None, globals, _builtins_of(globals), set(), no_caller)
        scope.globals = globals
        _exec_block_locals(body, locals, globals, no_caller)
        return None
    scope = _Scope(globals, None, None, globals, _builtins_of(globals), set(), no_caller)
    _exec_block(body, scope)
    return None


def _exec_block_locals(body, locals_, globals_, no_caller):
    scope = _Scope(locals_, set(), None, globals_, _builtins_of(globals_), set(), no_caller)
    scope.local_names = _LocalsAll(locals_)
    _exec_block(body, scope)


class _LocalsAll:
    """local_names for exec(code, globals, locals): every stored name is local."""

    def __init__(self, d):
        self.d = d

    def __contains__(self, name):
        return True


_BUILTINS = {
    "abs": abs, "all": all, "any": any, "ascii": ascii, "bin": bin, "bool": bool, "bytes": bytes,
    "callable": callable, "chr": chr, "classmethod": classmethod, "delattr": delattr, "dict": dict,
    "dir": dir, "divmod": divmod, "enumerate": enumerate, "filter": filter, "float": float, "format": format,
    "frozenset": frozenset, "getattr": getattr, "hasattr": hasattr, "hash": hash, "hex": hex, "id": id,
    "int": int, "isinstance": isinstance, "issubclass": issubclass, "iter": iter, "len": len, "list": list,
    "map": map, "max": max, "min": min, "next": next, "object": object, "oct": oct, "ord": ord, "pow": pow,
    "print": print, "property": property, "range": range, "repr": repr, "reversed": reversed, "round": round,
    "set": set, "setattr": setattr, "slice": slice, "sorted": sorted, "staticmethod": staticmethod,
    "str": str, "sum": sum, "super": super, "tuple": tuple, "type": type, "vars": vars, "zip": zip,
    "None": None, "True": True, "False": False, "NotImplemented": NotImplemented, "Ellipsis": Ellipsis,
    "BaseException": BaseException, "Exception": Exception, "ArithmeticError": ArithmeticError,
    "AssertionError": AssertionError, "AttributeError": AttributeError, "EOFError": EOFError,
    "IndexError": IndexError, "KeyError": KeyError, "LookupError": LookupError, "NameError": NameError,
    "NotImplementedError": NotImplementedError, "OSError": OSError, "OverflowError": OverflowError,
    "RecursionError": RecursionError, "RuntimeError": RuntimeError, "StopIteration": StopIteration,
    "SyntaxError": SyntaxError, "TypeError": TypeError, "UnboundLocalError": UnboundLocalError,
    "ValueError": ValueError, "ZeroDivisionError": ZeroDivisionError, "eval": eval, "exec": exec,
    "compile": compile,
}
