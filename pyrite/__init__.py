"""pyrite: a whole-program Python compiler (to C, then zig cc) and a CPython start-up archive."""
__version__ = "0.1.0"


def compile(fn=None, *, strict=False):   # noqa: A001
    """Decorator: compile a hot function (and what it calls in its module) on its first call and run
    the compiled code from then on; see pyrite/jit.py."""
    import os
    if os.environ.get("PYRITE_JIT") == "0":   # (compilation off: the functions run as Python)
        return fn if fn is not None else (lambda f: f)
    from pyrite.jit import compile as _compile
    return _compile(fn, strict=strict)


def __getattr__(name):
    if name in ("CompileFailed", "PyriteWarning"):
        from pyrite import jit
        return getattr(jit, name)
    raise AttributeError("module 'pyrite' has no attribute %r" % name)
