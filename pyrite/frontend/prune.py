"""Leave out of the build the functions of standard-library modules that nothing in the program names.

A program that imports json compiles re, enum, functools, collections, codecs and more from CPython's
source: about 1,500 functions and 13 MB of C, of which the program reaches a small part. Everything
after this step (the subset check, inference, lowering, the C compiler) costs in proportion to the
functions it sees, so the ones that cannot run are removed first.

The rule is by name, the way tree shakers for dynamic languages work: a function defined at the top
level of a standard module (or as a method of a class there) can only be called through its name, so
it is live when that name occurs in live code: as a variable, an attribute, an imported name, a
keyword, or an identifier inside a string constant (getattr(obj, "name"), namedtuple fields). The
names of live code are collected from the roots (every module's top-level statements and class
bodies, and all of the program's own modules) until nothing new becomes live. Also live:
- dunder methods of a class the program names (the runtime calls them by protocol), and the few
  ordinary method names the runtime calls (`keys`, `write`, ...: RUNTIME_CALLED);
- functions with a decorator other than staticmethod, classmethod, property and its setters (a
  decorator can register the function in a table);
- names made from a string prefix (`getattr(self, "visit_" + kind)`, `"do_%s" % cmd`): every
  function whose name starts with such a prefix;
- every top-level function of a module that reads its own namespace (globals(), vars(), locals(),
  eval/exec).

A class whose name occurs nowhere is never instantiated, so all its methods go. A removed function
keeps its signature and docstring; its body becomes a call of `__pyrite_removed__`, which stops the
program with a message naming it (a computed name this rule did not foresee must not go unnoticed).
`pyrite build --keep-unused` (or PYRITE_KEEP_UNUSED=1) turns this step off."""
import ast
import os
import re

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
PLAIN_DECORATORS = {"staticmethod", "classmethod", "property", "abstractmethod", "setter", "getter",
                    "deleter", "cached_property"}
# methods the runtime looks up by name on objects of any class (not dunders), and module functions it
# calls by name (time.strptime calls _strptime._strptime_time: runtime/src/timemod.c)
RUNTIME_CALLED = {"keys", "write", "flush", "read", "readline", "send", "throw", "close", "fileno",
                  "isatty", "items", "values", "get", "__pyrite_signatures__", "_strptime_time"}
DYNAMIC_CALLS = {"globals", "vars", "locals", "eval", "exec", "dir"}


def enabled():
    return os.environ.get("PYRITE_KEEP_UNUSED", "") in ("", "0")


class Candidate:
    __slots__ = ("module", "node", "name", "classes", "always", "live", "qualname", "why")

    def __init__(self, module, node, classes):
        self.module, self.node, self.classes = module, node, classes
        self.name = node.name
        self.qualname = ".".join([c.name for c in classes] + [node.name])
        self.live = False
        self.always = False
        self.why = None


class Refs(ast.NodeVisitor):
    """The names a piece of code uses, and the string prefixes it builds names from."""

    def __init__(self):
        self.names = set()
        self.prefixes = set()
        self.dynamic = False   # reads its own module's namespace

    def visit_Name(self, node):
        self.names.add(node.id)

    def visit_Attribute(self, node):
        self.names.add(node.attr)
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, str) and len(node.value) < 4000:
            self.names.update(IDENT.findall(node.value))
            m = re.match(r"[A-Za-z_][A-Za-z0-9_]*(?=%|\{)", node.value)
            if m:
                self.prefixes.add(m.group(0))

    def visit_BinOp(self, node):
        if isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            m = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", node.left.value)
            if m:
                self.prefixes.add(node.left.value)
        self.generic_visit(node)

    def visit_JoinedStr(self, node):
        if node.values and isinstance(node.values[0], ast.Constant) and isinstance(node.values[0].value, str):
            m = re.search(r"[A-Za-z_][A-Za-z0-9_]*$", node.values[0].value)
            if m:
                self.prefixes.add(m.group(0))
        self.generic_visit(node)

    def visit_keyword(self, node):
        if node.arg:
            self.names.add(node.arg)
        self.generic_visit(node)

    def visit_alias(self, node):
        self.names.update(node.name.split("."))
        if node.asname:
            self.names.add(node.asname)

    def visit_ImportFrom(self, node):
        if node.module:
            self.names.update(node.module.split("."))
        self.generic_visit(node)

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id in DYNAMIC_CALLS and \
                (node.func.id in ("eval", "exec") or not node.args):
            self.dynamic = True
        self.generic_visit(node)


def _decorator_name(d):
    while isinstance(d, ast.Call):
        d = d.func
    if isinstance(d, ast.Attribute):
        return d.attr
    if isinstance(d, ast.Name):
        return d.id
    return None


def _is_dunder(name):
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def _is_all_assignment(stmt):
    """`__all__ = [...]` / `__all__ += [...]` / `__all__.extend(...)`: names a star import would take,
    not uses (star imports are expanded when the program is loaded)."""
    if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        return all(isinstance(t, ast.Name) and t.id == "__all__" for t in targets)
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        f = stmt.value.func
        return isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "__all__"
    return False


def _collect(module, body, classes, cands, roots):
    """Split a block run at import time into candidates (function definitions) and root code."""
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            c = Candidate(module, stmt, classes)
            cands.append(c)
            for d in stmt.decorator_list:
                roots.visit(d)
                if _decorator_name(d) not in PLAIN_DECORATORS:
                    c.always = True
            for a in stmt.args.defaults + [d for d in stmt.args.kw_defaults if d is not None]:
                roots.visit(a)
        elif isinstance(stmt, ast.ClassDef):
            for e in stmt.bases + stmt.keywords + stmt.decorator_list:
                roots.visit(e)
            _collect(module, stmt.body, classes + [stmt], cands, roots)
        elif _is_all_assignment(stmt):
            continue
        elif isinstance(stmt, (ast.If, ast.Try, ast.With, ast.For, ast.While)) \
                or (hasattr(ast, "TryStar") and isinstance(stmt, ast.TryStar)):
            # blocks of the top level: their tests and bodies run at import; defs inside are candidates
            for field, value in ast.iter_fields(stmt):
                if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                    _collect(module, value, classes, cands, roots)
                elif isinstance(value, list) and value and isinstance(value[0], ast.excepthandler):
                    for h in value:
                        if h.type is not None:
                            roots.visit(h.type)
                        _collect(module, h.body, classes, cands, roots)
                elif isinstance(value, list):
                    for v in value:
                        if isinstance(v, ast.AST):
                            roots.visit(v)
                elif isinstance(value, ast.AST):
                    roots.visit(value)
        else:
            roots.visit(stmt)


def prune_program(program):
    """Replace the bodies of unreachable standard-library functions; returns (kept, removed) counts."""
    names, prefixes = set(RUNTIME_CALLED), set()
    cands = []
    for mod in program.modules.values():
        roots = Refs()
        if not mod.stdlib:
            roots.visit(mod.tree)   # the program's own modules: all of it is live
            names |= roots.names
            prefixes |= roots.prefixes
            continue
        mine = []
        _collect(mod, mod.tree.body, [], mine, roots)
        names |= roots.names
        prefixes |= roots.prefixes
        if roots.dynamic:
            for c in mine:
                if not c.classes:
                    c.always = True
        cands += mine
    def class_live(c):
        for cls in c.classes:
            if cls.name not in names and not cls.decorator_list and not cls.keywords:
                return False
        return True

    def is_live(c):
        if c.always:
            return "always"
        if not class_live(c):
            return False
        if c.classes and _is_dunder(c.name):
            return "dunder"
        if c.name in names:
            return "named"
        return next(("prefix " + p for p in prefixes if c.name.startswith(p)), False)

    def usable_prefix(p):
        # a one- or two-letter start ('_', 'cp') is too common to tell a computed name from others
        return len(p) >= 3

    prefixes = {p for p in prefixes if usable_prefix(p)}
    changed = True
    while changed:
        changed = False
        for c in cands:
            if c.live:
                continue
            c.why = is_live(c)
            if not c.why:
                continue
            c.live = True
            changed = True
            r = Refs()
            for stmt in c.node.body:
                r.visit(stmt)
            r.visit(c.node.args)
            if c.node.returns is not None:
                r.visit(c.node.returns)
            names |= r.names
            prefixes |= {p for p in r.prefixes if usable_prefix(p)}
            if r.dynamic:
                for other in cands:
                    if other.module is c.module and not other.classes:
                        other.always = True
    if os.environ.get("PYRITE_PRUNE_DEBUG"):
        for c in cands:
            print("%-6s %s.%s  %s" % ("keep" if c.live else "remove", c.module.name, c.qualname,
                                      c.why or ""))
        print("prefixes:", sorted(prefixes))
    removed = 0
    for c in cands:
        if not c.live:
            _stub(c)
            removed += 1
    return len(cands) - removed, removed


def _stub(c):
    node = c.node
    body = []
    first = node.body[0] if node.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        body.append(first)
    where = "%s.%s" % (c.module.name, c.qualname)
    call = ast.Call(func=ast.Name(id="__pyrite_removed__", ctx=ast.Load()),
                    args=[ast.Constant(value=where)], keywords=[])
    stmt = ast.Expr(value=call)
    for n in (stmt, call, call.func, call.args[0]):
        ast.copy_location(n, node)
        n.end_lineno, n.end_col_offset = node.lineno, node.col_offset
    body.append(stmt)
    node.body = body
