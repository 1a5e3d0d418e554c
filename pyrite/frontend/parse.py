"""Parse one source file with CPython's own parser (ast), turning syntax errors into diagnostics."""
import ast

from pyrite.diagnostics import CompileError, Diagnostic


def parse_file(path, display_path=None):
    display = display_path or path
    try:
        with open(path, "rb") as f:
            data = f.read()
        source = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise CompileError([Diagnostic(display, 1, 1, "cannot read source (%s)" % e)])
    try:
        tree = ast.parse(source, filename=display)
    except SyntaxError as e:
        raise CompileError([Diagnostic(display, e.lineno or 1, e.offset or 1,
                                       "invalid syntax (%s)" % e.msg)])
    return source, tree
