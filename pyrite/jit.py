"""`@pyrite.compile`: compile a hot function of a CPython program (and what it calls in its module) into
an extension module on its first call, and call the compiled code from then on.

    import pyrite

    @pyrite.compile
    def fma(n, b, c):
        acc = 0.0
        for i in range(n):
            acc = acc * b + c
        return acc

How it works:
- On the first call, the function's module source is read and cut down to the function (its
  `@pyrite.compile` decorator removed) and the top-level statements it needs, transitively: the defs,
  classes, imports and assignments of the names it uses. That source is built with `--target ext`
  (targets/ext.py) into the cache, keyed by the source, the argument types, pyrite's own code and the
  interpreter; later processes import the cached module with no compile.
- Types: a function fully annotated with int, float, bool or str gets that typed signature; otherwise
  the types of the first call's arguments do (when they are all such scalars). A call with other scalar
  types compiles another instance (up to MAX_SIGNATURES per function, then those calls take the generic
  entry, which accepts anything, as Python does).
- When pyrite cannot compile the function, the decorator warns once (a PyriteWarning with the
  diagnostics) and runs the Python function from then on; `strict=True` raises CompileFailed instead.
- Compilation holds a lock: threads calling the function for the first time wait for one build.
"""
import _thread
import os
import sys

# (imports are light: a cached function's first call in a new process reads an index entry and loads
# the module; the compiler and its imports load only when something must be built)

MAX_SIGNATURES = 4
SCALARS = {int: "int", float: "float", bool: "bool", str: "str"}
SAMPLES = {"int": "0", "float": "0.0", "bool": "False", "str": "''"}


class PyriteWarning(UserWarning):
    """pyrite could not compile a decorated function: it runs as Python."""


class CompileFailed(Exception):
    """pyrite could not compile a function decorated with strict=True (the diagnostics are the message)."""


def compile(fn=None, *, strict=False):   # noqa: A001 (the name users write: @pyrite.compile)
    """Decorator: compile fn on its first call (see the module docstring)."""
    if fn is None:
        return lambda f: Compiled(f, strict)
    return Compiled(fn, strict)


class Compiled:
    """A function compiled on first use; calls go to the compiled code (or to the Python function when
    compiling failed)."""

    def __init__(self, fn, strict):
        self.py_function = fn
        self.strict = strict
        self._lock = _thread.RLock()
        self._signatures = []        # argument kinds seen, in order (each an instance of the build)
        self._impl = None            # what calls run: the compiled function, or fn after a failure
        self._failed = False
        for a in ("__module__", "__name__", "__qualname__", "__doc__"):   # (as functools.update_wrapper:
            setattr(self, a, getattr(fn, a, None))                        # functools costs 2 ms to import)
        self.__dict__.update(getattr(fn, "__dict__", {}))
        self.__wrapped__ = fn

    def __call__(self, *args, **kwargs):
        impl = self._impl
        if impl is None or (not kwargs and not self._failed and len(self._signatures) < MAX_SIGNATURES
                            and self._new_signature(args)):
            impl = self._compile(args, kwargs)
        return impl(*args, **kwargs)

    def __get__(self, obj, objtype=None):   # (a decorated method binds like a function)
        if obj is None:
            return self
        import types
        return types.MethodType(self, obj)

    def _new_signature(self, args):
        kinds = _kinds(args)
        return kinds is not None and kinds not in self._signatures

    def _compile(self, args, kwargs):
        with self._lock:
            kinds = _kinds(args) if not kwargs else None
            if self._impl is not None and (kinds is None or kinds in self._signatures
                                           or len(self._signatures) >= MAX_SIGNATURES):
                return self._impl
            if kinds is not None and kinds not in self._signatures:
                self._signatures.append(kinds)
            try:
                self._impl = build(self.py_function, self._signatures)
            except CompileFailed as e:
                if self.strict:
                    raise
                import warnings
                warnings.warn(PyriteWarning("pyrite could not compile %s; it runs as Python:\n%s"
                                            % (self.py_function.__qualname__, e)), stacklevel=3)
                self._failed = True
                self._impl = self.py_function
            return self._impl

    @property
    def compiled(self):
        """The compiled function (None before the first call or after a failed compile)."""
        return None if self._failed or self._impl is None else self._impl


def _kinds(args):
    kinds = tuple(SCALARS.get(type(a)) for a in args)
    return None if None in kinds else kinds


def build(fn, signatures):
    """The compiled version of fn (a CPython callable) with an instance per signature; CompileFailed.
    An index entry keyed by fn's file (path, size, modification time), name, the signatures, pyrite's
    own files and the interpreter names the module built for them, so a later process loads it without
    reading the source; the module itself is keyed by the source pyrite compiles."""
    from importlib import machinery   # (not importlib.util: it imports contextlib, functools... 3 ms)
    from _blake2 import blake2b   # (hashlib imports OpenSSL: 3 ms of a new process's first call)
    suffix = machinery.EXTENSION_SUFFIXES[0]
    d = os.path.join(_cache_dir(), "compiled")
    file = fn.__code__.co_filename
    try:
        st = os.stat(file)
        quick = "\0".join([file, str(st.st_size), str(st.st_mtime_ns), fn.__qualname__, repr(signatures),
                           _pyrite_fingerprint(), sys.version, suffix, os.environ.get("PYRITE_EXACT_INTS", "")])
    except OSError:
        quick = None
    index = os.path.join(d, "index", blake2b(quick.encode(), digest_size=12).hexdigest()) if quick else None
    name = None
    if index is not None:
        try:
            with open(index) as f:
                name = f.read().strip()
            if not os.path.exists(os.path.join(d, name + suffix)):
                name = None
        except OSError:
            name = None
    if name is None:
        src = module_source(fn, signatures)
        key = blake2b("\0".join([src, _pyrite_fingerprint(), sys.version, suffix,
                                  os.environ.get("PYRITE_EXACT_INTS", "")]).encode(), digest_size=10).hexdigest()
        name = "_pyrite_" + key
        os.makedirs(os.path.join(d, "index"), exist_ok=True)
        if not os.path.exists(os.path.join(d, name + suffix)):
            _build_module(src, name, os.path.join(d, name + suffix), fn)
        if index is not None:
            tmp = "%s.tmp%d" % (index, os.getpid())
            with open(tmp, "w") as f:
                f.write(name)
            os.replace(tmp, index)
    mod = sys.modules.get(name)
    if mod is None:
        so = os.path.join(d, name + suffix)
        loader = machinery.ExtensionFileLoader(name, so)
        spec = machinery.ModuleSpec(name, loader, origin=so)
        mod = loader.create_module(spec)
        loader.exec_module(mod)
        sys.modules[name] = mod
    return getattr(mod, fn.__name__)


def _cache_dir():
    d = os.environ.get("PYRITE_CACHE_DIR")
    if not d:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        d = os.path.join(base, "pyrite")
    return d


_fingerprint = []


def _pyrite_fingerprint():
    """What changes when pyrite's own code does (sizes and times of its files; once per process)."""
    if not _fingerprint:
        from _blake2 import blake2b
        root = os.path.dirname(os.path.abspath(__file__))
        h = blake2b(digest_size=8)
        if os.path.basename(os.path.dirname(root)) in ("site-packages", "dist-packages"):
            # an installed copy changes only when reinstalled, which rewrites every file: two stats
            # instead of walking ~150 files (5 ms of a cached function's first call in a new process)
            from pyrite import __version__
            for p in (root, os.path.join(root, "__init__.py"), __file__):
                st = os.stat(p)
                h.update(("%s:%d:%d" % (p, st.st_size, st.st_mtime_ns)).encode())
            h.update(__version__.encode())
            _fingerprint.append(h.hexdigest())
            return _fingerprint[0]
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(x for x in dirnames if x not in ("__pycache__", "startup"))
            for f in sorted(filenames):
                if f.endswith((".py", ".c", ".h", ".pyi")):
                    st = os.stat(os.path.join(dirpath, f))
                    h.update(("%s/%s:%d:%d" % (dirpath, f, st.st_size, st.st_mtime_ns)).encode())
        _fingerprint.append(h.hexdigest())
    return _fingerprint[0]


def _build_module(src, name, so, fn):
    import inspect
    import tempfile
    from pyrite import driver
    from pyrite.diagnostics import CompileError
    from pyrite.toolchain.zig import ToolchainError
    with tempfile.TemporaryDirectory(prefix="pyrite-jit-") as tmp:
        path = os.path.join(tmp, name + ".py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        try:
            driver.build(path, "ext", so + ".tmp%d" % os.getpid(), display_path=inspect.getsourcefile(fn))
        except CompileError as e:
            raise CompileFailed("\n".join(d.format() for d in e.diagnostics)) from None
        except ToolchainError as e:
            raise CompileFailed("C compilation failed (a pyrite bug): %s" % e) from None
        os.replace(so + ".tmp%d" % os.getpid(), so)


def module_source(fn, signatures):
    """The source pyrite compiles for fn: the statements of fn's module that fn needs, fn itself without
    its pyrite decorator, and a `__pyrite_signatures__` function calling fn once per signature."""
    import ast
    import inspect
    if not inspect.isfunction(fn):
        raise CompileFailed("pyrite.compile takes a function, not %r" % type(fn).__name__)
    if "<locals>" in fn.__qualname__:
        raise CompileFailed("pyrite.compile compiles top-level functions of a module; %s is nested"
                            % fn.__qualname__)
    try:
        file = inspect.getsourcefile(fn)
        with open(file, encoding="utf-8") as f:
            text = f.read()
        tree = ast.parse(text, file)
    except (OSError, TypeError, SyntaxError) as e:
        raise CompileFailed("the source of %s is not available: %s" % (fn.__qualname__, e)) from None
    lines = text.splitlines()
    blank = set()   # lines of the pyrite decorators (left out: they run in CPython)
    for s in tree.body:   # (first: the decorator's own `import pyrite` is then not needed)
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for d in s.decorator_list:
                if _is_compile_decorator(d):
                    blank.update(range(d.lineno - 1, d.end_lineno))
            s.decorator_list = [d for d in s.decorator_list if not _is_compile_decorator(d)]
    top = {}
    for s in tree.body:
        for n in _binds(s):
            top.setdefault(n, []).append(s)
    if fn.__name__ not in top:
        raise CompileFailed("%s is not defined at the top level of %s" % (fn.__name__, file))
    needed, todo = set(), [fn.__name__]
    while todo:
        n = todo.pop()
        for s in top.get(n, []):
            if id(s) in needed:
                continue
            needed.add(id(s))
            todo += [x for x in _uses(s) if x in top]
    # the statements kept stay on their lines, so diagnostics and tracebacks point into the file
    out = [""] * len(lines)
    for s in tree.body:
        if id(s) in needed:
            first = min([s.lineno] + [d.lineno for d in getattr(s, "decorator_list", [])])
            for i in range(first - 1, s.end_lineno):
                if i not in blank:
                    out[i] = lines[i]
    calls = ["    %s(%s)" % (fn.__name__, ", ".join(SAMPLES[k] for k in kinds)) for kinds in signatures]
    if calls:
        out.append("def __pyrite_signatures__():\n" + "\n".join(calls))
    return "\n".join(out) + "\n"


def _binds(s):
    import ast
    if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [s.name]
    if isinstance(s, (ast.Import, ast.ImportFrom)):
        if isinstance(s, ast.ImportFrom) and s.module == "__future__":
            return []
        return [(a.asname or a.name).split(".")[0] for a in s.names if a.name != "*"]
    if isinstance(s, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = s.targets if isinstance(s, ast.Assign) else [s.target]
        return [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    return []


def _uses(s):
    import ast
    import builtins
    return {n.id for n in ast.walk(s) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} - \
        set(dir(builtins))


def _is_compile_decorator(d):
    import ast
    d = d.func if isinstance(d, ast.Call) else d
    return (isinstance(d, ast.Attribute) and d.attr == "compile" and isinstance(d.value, ast.Name)
            and d.value.id == "pyrite") or (isinstance(d, ast.Name) and d.id == "compile")
