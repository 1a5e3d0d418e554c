"""Compile-time diagnostics: `path:line:col: error: <what> (<why>; <what to do>)`, collected, never a traceback."""


class Diagnostic:
    def __init__(self, path, line, col, message):
        self.path, self.line, self.col, self.message = path, line, col, message

    def format(self):
        return "%s:%d:%d: error: %s" % (self.path, self.line, self.col, self.message)


class CompileError(Exception):
    """Raised with one or more diagnostics when the program cannot be compiled."""

    def __init__(self, diagnostics):
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


def error_at(path, node, message):
    line = getattr(node, "lineno", 1) or 1
    col = (getattr(node, "col_offset", 0) or 0) + 1
    return Diagnostic(path, line, col, message)


def fail(path, node, message):
    raise CompileError([error_at(path, node, message)])
