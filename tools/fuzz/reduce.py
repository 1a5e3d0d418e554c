"""Reduce a failing program to a small one that fails the same way.

    python -m tools.fuzz.reduce FILE.py [--target native|wasi] [--class MISMATCH|CRASH|INTERNAL]
                                [-o OUT.py] [--minutes M] [--max-tests N]

The failure is re-checked with tools/fuzz/run.py's `check_source` (CPython against `pyrite build`
+ run). A candidate is kept while it still fails with the same class and CPython still ends the
same way (same exit status and exception type; for a MISMATCH, a clean exit also counts), so the reduction does not drift to a program
that only fails because, say, a definition was deleted. Passes, repeated until nothing changes:
delete chunks of statements (halves, quarters, ... single statements) from every statement list,
replace compound statements by one of their bodies, drop arguments of calls (`print(a, b, c)` ->
`print(b)`), and replace expressions by one of their operands (`a + b` -> `a`, `x if c else y` ->
`x`). Each candidate costs one pyrite build, so there is a budget of tests and of time.
Writes FILE.min.py (or OUT) and prints it.
"""
import argparse
import ast
import copy
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from tools.fuzz.run import check_source, run_cpython, last_line  # noqa: E402


def exc_type(stderr):
    line = last_line(stderr)
    return line.split(":", 1)[0] if line else ""


class Reducer:
    def __init__(self, target, cls, workdir, max_tests=300, minutes=15, verbose=True):
        self.target, self.cls, self.workdir = target, cls, workdir
        self.max_tests, self.deadline = max_tests, time.time() + minutes * 60
        self.tests = 0
        self.verbose = verbose
        self.cpy_end = None
        self.seen = {}

    def budget_left(self):
        return self.tests < self.max_tests and time.time() < self.deadline

    def interesting(self, src):
        if src in self.seen:
            return self.seen[src]
        try:
            compile(src, "main.py", "exec")
        except SyntaxError:
            self.seen[src] = False
            return False
        d = tempfile.mkdtemp(dir=self.workdir)
        try:
            # cheap check first: CPython must end the same way
            path = os.path.join(d, "main.py")
            with open(path, "w") as f:
                f.write(src)
            exp = run_cpython(path, timeout=10)
            end = None if exp is None else (exp[1], exc_type(exp[2]))
            # CPython must end as before; a MISMATCH may also lose a final exception (truncation)
            if end is None or (end != self.cpy_end and not (self.cls == "MISMATCH" and end == (0, ""))) \
                    or b" at 0x" in exp[0] or " at 0x" in exp[2]:   # object addresses: not deterministic
                self.seen[src] = False
                return False
            self.tests += 1
            oc = check_source(src, self.target, os.path.join(d, "w"), expected=exp)
            ok = oc.cls == self.cls
        finally:
            shutil.rmtree(d, ignore_errors=True)
        self.seen[src] = ok
        return ok

    # ---- candidate generation over the AST --------------------------------------------------
    @staticmethod
    def stmt_lists(tree):
        """(node, field) of every statement list, outer first, in a deterministic order."""
        out = []
        for node in ast.walk(tree):
            for field in ("body", "orelse", "finalbody", "handlers"):
                v = getattr(node, field, None)
                if isinstance(v, list) and v and isinstance(v[0], (ast.stmt, ast.excepthandler)):
                    out.append((node, field))
            if isinstance(node, ast.Match):
                for c in node.cases:
                    out.append((c, "body"))
        return out

    def unparse(self, tree):
        try:
            return ast.unparse(ast.fix_missing_locations(tree)) + "\n"
        except Exception:
            return None

    def try_candidate(self, tree):
        src = self.unparse(tree)
        if src is None or src == self.best:
            return False
        if self.interesting(src):
            self.best = src
            if self.verbose:
                print("  [%d tests] %d lines" % (self.tests, src.count("\n")), flush=True)
            return True
        return False

    def pass_delete(self):
        progress = False
        i = 0
        while self.budget_left():
            tree = ast.parse(self.best)
            lists = self.stmt_lists(tree)
            if i >= len(lists):
                break
            node, field = lists[i]
            n = len(getattr(node, field))
            chunk = max(n // 2, 1)
            changed = False
            while chunk >= 1 and self.budget_left():
                start = 0
                while start < n and self.budget_left():
                    tree = ast.parse(self.best)
                    node, field = self.stmt_lists(tree)[i]
                    body = getattr(node, field)
                    n = len(body)
                    if start >= n:
                        break
                    new = body[:start] + body[start + chunk:]
                    if not new:
                        if field == "handlers":
                            start += chunk
                            continue
                        new = [ast.Pass()] if field in ("body",) else []
                    setattr(node, field, new)
                    if self.try_candidate(tree):
                        changed = progress = True
                    else:
                        start += chunk
                chunk //= 2
            if not changed:
                i += 1
            else:
                i = 0 if len(self.stmt_lists(ast.parse(self.best))) != len(lists) else i + 1
        return progress

    def pass_unnest(self):
        """Replace a compound statement by one of its bodies."""
        progress = False
        k = 0
        while self.budget_left():
            tree = ast.parse(self.best)
            compounds = [n for n in ast.walk(tree) if isinstance(n, (ast.If, ast.For, ast.While, ast.Try, ast.With))]
            if k >= len(compounds):
                break
            done = False
            for field in ("body", "orelse", "finalbody"):
                tree = ast.parse(self.best)
                compounds = [n for n in ast.walk(tree) if isinstance(n, (ast.If, ast.For, ast.While, ast.Try, ast.With))]
                target = compounds[k]
                repl = getattr(target, field, None)
                if not repl:
                    continue
                if isinstance(target, ast.Try) and field == "body":
                    repl = repl + target.finalbody
                if self.replace_stmt(tree, target, repl) and self.try_candidate(tree):
                    done = progress = True
                    break
            if not done:
                k += 1
        return progress

    @staticmethod
    def replace_stmt(tree, target, repl):
        for node in ast.walk(tree):
            for field in ("body", "orelse", "finalbody"):
                v = getattr(node, field, None)
                if isinstance(v, list) and target in v:
                    j = v.index(target)
                    v[j:j + 1] = repl
                    return True
            if isinstance(node, ast.ExceptHandler) and target in node.body:
                j = node.body.index(target)
                node.body[j:j + 1] = repl
                return True
        return False

    def expr_candidates(self, node):
        """Smaller replacements of one expression node."""
        if isinstance(node, ast.BinOp):
            return [node.left, node.right]
        if isinstance(node, ast.BoolOp):
            return list(node.values)
        if isinstance(node, ast.IfExp):
            return [node.body, node.orelse]
        if isinstance(node, ast.UnaryOp):
            return [node.operand]
        if isinstance(node, ast.Compare):
            return [node.left] + list(node.comparators)
        if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords and isinstance(node.func, ast.Name) \
                and node.func.id in ("str", "repr", "list", "sorted", "int", "float", "abs", "round", "len"):
            return [node.args[0]]
        return []

    def pass_exprs(self):
        progress = False
        k = 0
        while self.budget_left():
            tree = ast.parse(self.best)
            nodes = [n for n in ast.walk(tree) if isinstance(n, ast.expr)]
            if k >= len(nodes):
                break
            target = nodes[k]
            did = False
            # drop arguments of a call, one at a time
            if isinstance(target, ast.Call) and len(target.args) + len(target.keywords) > 1:
                for j in range(len(target.args)):
                    tree = ast.parse(self.best)
                    call = [n for n in ast.walk(tree) if isinstance(n, ast.expr)][k]
                    if j >= len(call.args):
                        break
                    del call.args[j]
                    if self.try_candidate(tree):
                        did = progress = True
                        break
                if not did and target.keywords:
                    tree = ast.parse(self.best)
                    call = [n for n in ast.walk(tree) if isinstance(n, ast.expr)][k]
                    call.keywords = [kw for kw in call.keywords if kw.arg is None]
                    if self.try_candidate(tree):
                        did = progress = True
            if not did:
                for c in range(len(self.expr_candidates(target))):
                    tree = ast.parse(self.best)
                    node = [n for n in ast.walk(tree) if isinstance(n, ast.expr)][k]
                    repl = copy.deepcopy(self.expr_candidates(node)[c])
                    if self.substitute(tree, node, repl) and self.try_candidate(tree):
                        did = progress = True
                        break
            if not did:
                k += 1
        return progress

    @staticmethod
    def substitute(tree, old, new):
        for parent in ast.walk(tree):
            for field, value in ast.iter_fields(parent):
                if value is old:
                    setattr(parent, field, new)
                    return True
                if isinstance(value, list):
                    for j, item in enumerate(value):
                        if item is old:
                            value[j] = new
                            return True
        return False

    def reduce(self, src):
        self.best = src
        os.makedirs(self.workdir, exist_ok=True)
        d = tempfile.mkdtemp(dir=self.workdir)
        path = os.path.join(d, "main.py")
        with open(path, "w") as f:
            f.write(src)
        exp = run_cpython(path)
        if exp is None:
            raise SystemExit("CPython times out on the program")
        self.cpy_end = (exp[1], exc_type(exp[2]))
        self.tests += 1
        oc = check_source(src, self.target, os.path.join(d, "w"), expected=exp)
        if oc.cls != self.cls:
            print("the program is %s on %s, not %s: nothing to reduce" % (oc.cls, self.target, self.cls))
            return src
        # the unparsed form must fail too (ast.unparse changes the text)
        first = self.unparse(ast.parse(src))
        if first != src and self.interesting(first):
            self.best = first
        while self.budget_left():
            p = self.pass_delete()
            p = self.pass_unnest() or p
            p = self.pass_delete() or p
            p = self.pass_exprs() or p
            if not p:
                break
        return self.best


def reduce_file(path, target="native", cls=None, workdir=None, out=None, max_tests=300, minutes=15, verbose=True):
    """Reduce the program in `path`; returns the path of the reduced program."""
    with open(path) as f:
        src = f.read()
    own = workdir is None
    workdir = workdir or tempfile.mkdtemp(prefix="pyrite-reduce-")
    if cls is None:
        oc = check_source(src, target, os.path.join(workdir, "orig"))
        cls = oc.cls
        print("class: %s (%s)" % (cls, oc.detail.splitlines()[0] if oc.detail else ""))
    try:
        red = Reducer(target, cls, workdir, max_tests=max_tests, minutes=minutes, verbose=verbose)
        small = red.reduce(src)
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)
    out = out or os.path.splitext(path)[0] + ".min.py"
    with open(out, "w") as f:
        f.write(small)
    if verbose:
        print("%d tests; %d -> %d lines: %s" % (red.tests, src.count("\n"), small.count("\n"), out))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--target", default="native")
    ap.add_argument("--class", dest="cls", default=None, choices=["MISMATCH", "CRASH", "INTERNAL"],
                    help="the failure class to keep (default: whatever the program does now)")
    ap.add_argument("-o", dest="out", default=None)
    ap.add_argument("--max-tests", type=int, default=300)
    ap.add_argument("--minutes", type=float, default=15)
    args = ap.parse_args(argv)
    out = reduce_file(args.file, args.target, args.cls, out=args.out, max_tests=args.max_tests, minutes=args.minutes)
    with open(out) as f:
        sys.stdout.write(f.read())
    return 0


if __name__ == "__main__":
    sys.exit(main())
