"""Find every module of the program: the main file and what it imports, resolved as CPython would
(the program's directory first), then the builtin modules pyrite provides (sys, math, time, random),
then pyrite's own Python for modules CPython writes in C (pyrite/lib: `_heapq`), then the standard
library's Python source of the interpreter running pyrite, compiled as it is.

An import that cannot be resolved is a compile-time error, except inside a `try` whose handlers
catch ImportError (`try: from _heapq import * / except ImportError: pass`, the standard library's
way of preferring a C accelerator): there it raises ModuleNotFoundError at run time, as CPython
does when the module is absent. `if __name__ == "__main__":` blocks of imported modules are dropped
(they never run there), and `from M import *` is expanded to the names M exports."""
import ast
import os
import sysconfig

from pyrite.diagnostics import CompileError, error_at
from pyrite.frontend.parse import parse_file
from pyrite.frontend.desugar import desugar_module
from pyrite.frontend.generated import generated_module, is_generated

# Modules implemented by the runtime; their attributes are typed by types/stubs/<name>.pyi.
BUILTIN_MODULES = {"sys", "math", "time", "random", "gc"}
IGNORED_MODULES = {"__future__"}
# `from builtins import abs as _abs` names the builtins themselves (build_ir/statements.py); `import
# builtins` binds the runtime's module object (dynamic attributes: the builtins)
PSEUDO_MODULES = {"builtins"}


STDLIB_DIR = sysconfig.get_paths()["stdlib"]
# pyrite's own Python for standard modules that CPython writes in C (searched before STDLIB_DIR)
PYRITE_LIB_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib")


class SourceModule:
    stdlib = False   # compiled from the interpreter's standard library
    imported_at = None   # (importing SourceModule, line, col) of the first import that loaded it
    def __init__(self, name, path, display_path, is_package, is_main, renames=None):
        self.name, self.path, self.display_path = name, path, display_path
        self.is_package, self.is_main = is_package, is_main
        self.source, self.tree = parse_file(path, display_path)
        if renames:
            _rename_imports(self.tree, renames)
        if not is_main:
            body = [s for s in self.tree.body if not _is_main_guard(s)]
            self.tree.body = body or [ast.Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=0)]
        _alias_modules(self.tree)
        _settle_platform_tests(self.tree)
        library = os.path.abspath(path).startswith((os.path.abspath(STDLIB_DIR) + os.sep,
                                                    os.path.abspath(PYRITE_LIB_DIR) + os.sep)) or is_generated(path)
        desugar_module(self.tree, library=library and not is_main)

    @property
    def package(self):
        if self.is_package:
            return self.name
        return self.name.rpartition(".")[0]


class Program:
    def __init__(self, root_dir):
        self.root_dir = root_dir
        self.modules = {}     # dotted name -> SourceModule
        self.main = None
        self.exports = None   # built as a CPython extension: the main module's exported names (frontend/exports.py)
        self.errors = []      # imports that could not be resolved (diagnostics; loading goes on)
        self.missing = set()  # modules absent here, imported where ImportError is caught
        self.not_compiled_in = {}   # of those: imported only inside functions of a stdlib module -> that module


def load_program(main_path, main_name="__main__", display_path=None):
    """The program whose main module is main_path, run as main_name (an extension module is named
    after its file, and its `if __name__ == "__main__":` blocks are dropped like an imported module's)."""
    root = os.path.dirname(os.path.abspath(main_path))
    program = Program(root)
    main = SourceModule(main_name, main_path, display_path or main_path, False, main_name == "__main__")
    program.main = main
    program.modules[main_name] = main
    pending = [main]
    lazy = []
    deferred = []   # imports in the ImportError handlers of `try: <imports>`: loaded only if still live
    while True:
        while pending:
            mod = pending.pop()
            guarded = _guarded_imports(mod.tree) | _conditional_imports(mod.tree) | _literal_import_calls(mod.tree)
            inside_functions = _in_function_imports(mod.tree) if mod.stdlib else set()
            fallback = _fallback_imports(mod.tree)
            for node in ast.walk(mod.tree):
                if id(node) in inside_functions and not _light_import(mod, node):
                    lazy.append((mod, node))
                    continue
                if id(node) in fallback:
                    deferred.append((mod, node))
                    continue
                pending += _load_imports(program, mod, node, id(node) in guarded)
        # the try whose imports all resolve is its body (and else): its handlers are dead
        for mod in list(program.modules.values()):
            _settle_accelerator_imports(program, mod)
        live = []
        for mod, node in deferred:
            if any(n is node for n in ast.walk(mod.tree)):
                live.append((mod, node))
        deferred = []
        for mod, node in live:
            pending += _load_imports(program, mod, node, False)
        if not pending and "random" not in program.modules and _needs_source_random(program):
            # the program uses what the runtime's random module lacks (random.Random, getstate):
            # CPython's random.py over pyrite's _random instead, for the whole program
            importer = next(iter(program.modules.values()))
            pending += _load(program, "random", importer, None, site=importer.tree, from_source=True)
        if not pending and "_strptime" not in program.modules and _names_time_strptime(program):
            # time.strptime is CPython's _strptime._strptime_time, which the runtime's time module imports
            # when it is first called (runtime/src/timemod.c): compiled in with a program that names it
            importer = next(iter(program.modules.values()))
            pending += _load(program, "_strptime", importer, None, site=importer.tree)
        if not pending:
            break
    for mod, node in lazy:
        for name, node_ in _imports_of(mod, node):
            if node_ is not None and not _loaded(program, name):
                parts = name.split(".")
                first = next(".".join(parts[:i]) for i in range(1, len(parts) + 1)
                             if not _loaded(program, ".".join(parts[:i])))
                program.missing.add(first)
                program.not_compiled_in.setdefault(first, mod.name)
    for mod in program.modules.values():
        _declare_dynamic_globals(mod)
    for mod in program.modules.values():
        _expand_star_imports(program, mod)
    for mod in program.modules.values():
        _settle_accelerator_imports(program, mod)
    return program


# small standard modules a stdlib function imports when it runs (Counter.most_common: heapq): compiled
# in with the module that imports them, so that those functions work
LIGHT_MODULES = {"heapq", "bisect", "operator", "keyword", "itertools", "reprlib", "copy", "_weakref",
                 "_collections_abc"}


def _light_import(mod, node):
    if isinstance(node, ast.Import):
        return all(a.name in LIGHT_MODULES for a in node.names)
    if isinstance(node, ast.ImportFrom):
        return node.level == 0 and node.module in LIGHT_MODULES
    return False


def _load_imports(program, mod, node, guarded):
    try:
        out = []
        for name, node_ in _imports_of(mod, node):
            out += _load(program, name, mod, node_, guarded, node)
        return out
    except CompileError as e:   # report every unresolved import, not only the first
        program.errors += e.diagnostics
        return []


def _fallback_imports(tree):
    """ids of the imports in the handlers of a top-level `try` made only of imports and catching only
    ImportError (`try: from _abc import ... except ImportError: from _py_abc import ...`): when the
    try's imports resolve, its handlers never run and what they import is not compiled in."""
    out = set()
    for st in tree.body:
        if isinstance(st, ast.Try) and not st.finalbody and st.body \
                and all(isinstance(x, (ast.Import, ast.ImportFrom)) for x in st.body) \
                and all(_catches_import_error(h) for h in st.handlers):
            for h in st.handlers:
                for n in ast.walk(h):
                    if isinstance(n, (ast.Import, ast.ImportFrom)):
                        out.add(id(n))
    return out


def _catches_import_error(h):
    t = h.type
    return isinstance(t, ast.Name) and t.id in ("ImportError", "ModuleNotFoundError")


def _settle_accelerator_imports(program, mod):
    """The standard library's accelerator pattern, resolved at compile time:

        def heappush(heap, item): ...            # the Python version
        try:
            from _heapq import *                 # the fast version, when it exists
        except ImportError:
            pass

    When every import of such a top-level `try` resolves (the module is there and binds the names),
    the `try` is its body: ImportError cannot happen. A top-level def that such an import then
    rebinds is dead (nothing between the two runs code that could call it) and is dropped, so the
    name has one binding and calls through it stay direct and typed."""
    body = mod.tree.body
    for i, st in enumerate(body):
        if isinstance(st, ast.Try) and not st.finalbody and st.body \
                and all(isinstance(x, (ast.Import, ast.ImportFrom)) and _resolves(program, mod, x) for x in st.body) \
                and all(_catches_import_error(h) for h in st.handlers):
            body[i:i + 1] = st.body + st.orelse
    dead = set()
    for i, st in enumerate(body):
        if not isinstance(st, (ast.Import, ast.ImportFrom)):
            continue
        for name in [(a.asname or a.name).split(".")[0] for a in st.names]:
            for j in range(i - 1, -1, -1):
                prev = body[j]
                if isinstance(prev, ast.FunctionDef) and prev.name == name and not prev.decorator_list \
                        and not _has_call(prev.args):
                    dead.add(id(prev))
                    break
                if not _quiet_statement(prev) or name in _top_bound(prev):
                    break
    if dead:
        mod.tree.body = [st for st in body if id(st) not in dead]


def _resolves(program, mod, node):
    if isinstance(node, ast.Import):
        return all(a.name in program.modules or a.name in BUILTIN_MODULES for a in node.names)
    base = resolve_relative(mod, node)
    if base in BUILTIN_MODULES or base in PSEUDO_MODULES:
        return True
    src = program.modules.get(base)
    if src is None:
        return False
    bound = set()
    for x in src.tree.body:
        bound.update(_top_bound(x))
    return all(a.name in bound or base + "." + a.name in program.modules for a in node.names)


def _catches_only_import_error(h):
    t = h.type
    return isinstance(t, ast.Name) and t.id in ("ImportError", "ModuleNotFoundError") \
        and all(isinstance(x, ast.Pass) for x in h.body)


def _has_call(node):
    return any(isinstance(n, ast.Call) for n in ast.walk(node))


def _quiet_statement(st):
    """Runs no code of the program: a plain def, a docstring, an assignment without calls."""
    if isinstance(st, ast.FunctionDef):
        return not st.decorator_list and not _has_call(st.args)
    if isinstance(st, ast.Expr):
        return isinstance(st.value, ast.Constant)
    if isinstance(st, (ast.Assign, ast.AnnAssign)):
        return st.value is not None and not _has_call(st.value) and \
            not any(isinstance(n, (ast.Subscript, ast.Attribute)) for t in
                    (st.targets if isinstance(st, ast.Assign) else [st.target]) for n in ast.walk(t))
    return False


def _loaded(program, name):
    return name in program.modules or name in BUILTIN_MODULES or name in IGNORED_MODULES or name in PSEUDO_MODULES


def _in_function_imports(tree):
    """ids of the imports inside function bodies: a standard-library module imports there what only
    some of its functions need (operator imports functools inside methodcaller.__reduce__). These
    are not followed: a module they name that the program does not import otherwise is not compiled
    in, and the import raises ModuleNotFoundError saying so if it ever runs."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for n in ast.walk(node):
                if isinstance(n, (ast.Import, ast.ImportFrom)):
                    out.add(id(n))
    return out


def _is_main_guard(s):
    t = s.test if isinstance(s, ast.If) else None
    return (isinstance(t, ast.Compare) and isinstance(t.left, ast.Name) and t.left.id == "__name__"
            and len(t.ops) == 1 and isinstance(t.ops[0], ast.Eq)
            and isinstance(t.comparators[0], ast.Constant) and t.comparators[0].value == "__main__")


CATCHES_IMPORT_ERROR = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def _guarded_imports(tree):
    """ids of the import statements directly in the body of a try that catches ImportError."""
    out = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        names = set()
        for h in node.handlers:
            if h.type is None:
                names.add("BaseException")
            for t in (h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]) if h.type else []:
                if isinstance(t, ast.Name):
                    names.add(t.id)
        if names & CATCHES_IMPORT_ERROR:
            for s in node.body:
                if isinstance(s, (ast.Import, ast.ImportFrom)):
                    out.add(id(s))
    return out


def _literal_import_calls(tree):
    """ids of the calls `__import__("name", ...)` with a constant name: the module is compiled in when
    it is found (a module absent here raises ModuleNotFoundError when the call runs, as in CPython)."""
    return {id(n) for n in ast.walk(tree) if _literal_import_name(n) is not None}


def _literal_import_name(node):
    if isinstance(node, ast.Call) and (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module"
                                       and isinstance(node.func.value, ast.Name) and node.func.value.id == "importlib"
                                       or isinstance(node.func, ast.Name) and node.func.id == "import_module") \
            and len(node.args) == 1 and not node.keywords and isinstance(node.args[0], ast.Constant) \
            and isinstance(node.args[0].value, str) and node.args[0].value and node.args[0].value[0] != ".":
        return node.args[0].value   # importlib.import_module("json"): compiled in, as __import__("json")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__" \
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str) \
            and node.args[0].value and not any(k.arg == "level" for k in node.keywords) and len(node.args) < 5:
        return node.args[0].value
    return None


def _conditional_imports(tree):
    """ids of the imports in the branches of a top-level `if` (`if 'posix' in _names: from posix import *
    elif 'nt' in _names: from nt import *`, `if sys.platform == "win32": import winreg`): a module
    absent here raises ModuleNotFoundError when its branch runs, as in CPython on a platform without it."""
    out = set()
    for st in tree.body:
        if isinstance(st, ast.If):
            for n in ast.walk(st):
                if isinstance(n, (ast.Import, ast.ImportFrom)):
                    out.add(id(n))
    return out


# modules that are another module under a second name: `os.path` is posixpath (os.py binds it as
# `path` and stores it in sys.modules); `import os.path as p` and `from os.path import join` name it
MODULE_ALIASES = {"os.path": "posixpath"}


# sys.builtin_module_names of a pyrite program (runtime/src/mathmod.c gives the same tuple)
PYRITE_BUILTIN_MODULE_NAMES = ("_abc", "_collections", "_thread", "_weakref", "builtins", "gc", "itertools",
                               "posix", "sys", "time")


def _settle_platform_tests(tree):
    """A top-level `if 'nt' in sys.builtin_module_names:` (also through a module-level alias, as os.py's
    `_names`) is decided at compile time: its dead branch is dropped, so what only it imports (ntpath)
    is not compiled in."""
    aliases = set()
    for st in tree.body:
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) \
                and _is_builtin_names(st.value, ()):
            aliases.add(st.targets[0].id)

    def decide(test):
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.In, ast.NotIn)) \
                and isinstance(test.left, ast.Constant) and isinstance(test.left.value, str) \
                and _is_builtin_names(test.comparators[0], aliases):
            r = test.left.value in PYRITE_BUILTIN_MODULE_NAMES
            return r if isinstance(test.ops[0], ast.In) else not r
        return None

    def settle(stmts):
        out = []
        for st in stmts:
            while isinstance(st, ast.If):
                r = decide(st.test)
                if r is None:
                    st.body = settle(st.body)
                    st.orelse = settle(st.orelse)
                    break
                branch = st.body if r else st.orelse
                if len(branch) == 1 and isinstance(branch[0], ast.If):
                    st = branch[0]
                    continue
                out.extend(settle(branch))
                st = None
                break
            if st is not None:
                out.append(st)
        return out
    if aliases or any(isinstance(n, ast.Attribute) and n.attr == "builtin_module_names" for n in ast.walk(tree)):
        tree.body = settle(tree.body) or [ast.Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=0)]


def _is_builtin_names(node, aliases):
    return (isinstance(node, ast.Attribute) and node.attr == "builtin_module_names"
            and isinstance(node.value, ast.Name) and node.value.id == "sys") \
        or (isinstance(node, ast.Name) and node.id in aliases)


def _alias_modules(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name in MODULE_ALIASES:
                    # `import os.path` binds os (whose `path` is the module); `as p` binds the module
                    a.name = MODULE_ALIASES[a.name] if a.asname else a.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in MODULE_ALIASES:
            node.module = MODULE_ALIASES[node.module]


def _declare_dynamic_globals(mod):
    """A standard module that makes globals through globals() (re._constants: `globals().update(...)`
    defines OPCODES' names): the names its import makes in the interpreter running pyrite (the same
    source) become globals of the compiled module, bound where the program stores them through
    globals() (build_ir/statements.py syncs them in), so `from re._constants import *` and the uses of
    those names compile. A module of the program (not imported here: it may have effects) gets no such
    names; its stores through globals() reach the globals it binds itself."""
    if not mod.stdlib:
        return
    from pyrite.frontend.subset_check import module_globals_writes
    if not module_globals_writes(mod):
        return
    import importlib
    try:
        real = importlib.import_module(mod.name)
    except Exception:   # (not importable here: nothing to learn)
        return
    bound = set(_bound_names_top(mod.tree))
    names = sorted(n for n in vars(real) if n not in bound and not (n.startswith("__") and n.endswith("__")))
    if not names:
        return
    # `if __name__ is None: A = B = globals()["A"]`: bound (never run), of unknown type
    src = "if __name__ is None:\n    %s = globals()[%r]\n" % (" = ".join(names), names[0])
    extra = ast.parse(src).body
    for node in ast.walk(extra[0]):
        if hasattr(node, "lineno"):
            node.lineno = node.end_lineno = 1
            node.col_offset = node.end_col_offset = 0
    mod.tree.body += extra


def _bound_names_top(tree):
    out = []
    for s in tree.body:
        out += _top_bound(s)
    return out


def _expand_star_imports(program, mod):
    """from M import *  ->  from M import <M.__all__, or M's public top-level names>."""
    for node in ast.walk(mod.tree):
        if not (isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names)):
            continue
        base = resolve_relative(mod, node)
        if base in program.missing:
            continue   # raises ModuleNotFoundError before binding anything
        names = None
        if base in program.modules:
            names = exported_names(program.modules[base].tree)
        elif base in BUILTIN_MODULES:
            from pyrite.types.stub_rules import stubs
            consts, funcs = stubs().modules.get(base, ({}, {}))
            names = sorted(n for n in list(consts) + list(funcs) if not n.startswith("_"))
        if names is not None:
            node.names = [ast.alias(name=n, asname=None) for n in names]


def exported_names(tree):
    """A module's `__all__` when it is a literal list or tuple of strings, else its top-level names
    that do not start with an underscore (what `import *` binds)."""
    public = []
    for s in tree.body:
        if isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in s.targets) \
                and isinstance(s.value, (ast.List, ast.Tuple)) \
                and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in s.value.elts):
            return [e.value for e in s.value.elts]
    for s in tree.body:
        for n in _top_bound(s):
            if not n.startswith("_") and n not in public:
                public.append(n)
    return public


def package_rebinds(mod, name):
    """Does package mod bind `name` at top level other than by importing its own submodule of that
    name (`from .main import main` in unittest, not `from . import _parser` in re)? Then that global,
    bound after the submodule set the attribute on the package, is what `pkg.name` reads."""
    cache = mod.__dict__.setdefault("_rebinds", {})
    if name not in cache:
        found = False
        for s in _flat_top(mod.tree.body):
            if isinstance(s, ast.ImportFrom) and resolve_relative(mod, s) == mod.name:
                continue
            if isinstance(s, ast.Import) and all(a.asname is None and a.name.startswith(mod.name + ".")
                                                 for a in s.names):
                continue
            if name in _top_bound(s):
                found = True
                break
        cache[name] = found
    return cache[name]


def _flat_top(body):
    """Top-level statements, with those nested in if/try/for/while/with bodies."""
    for s in body:
        if isinstance(s, (ast.If, ast.Try, ast.For, ast.While, ast.With)):
            for part in ("body", "orelse", "finalbody"):
                yield from _flat_top(getattr(s, part, []) or [])
            for h in getattr(s, "handlers", []) or []:
                yield from _flat_top(h.body)
        else:
            yield s


def _top_bound(s):
    if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [s.name]
    if isinstance(s, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in s.names if a.name != "*"]
    targets = s.targets if isinstance(s, ast.Assign) else [s.target] if isinstance(s, (ast.AnnAssign, ast.AugAssign)) else []
    out = []
    for t in targets:
        for n in ast.walk(t):
            if isinstance(n, ast.Name):
                out.append(n.id)
    if isinstance(s, (ast.If, ast.Try, ast.For, ast.While, ast.With)):
        for part in ("body", "orelse", "finalbody"):
            for x in getattr(s, part, []) or []:
                out += _top_bound(x)
        for h in getattr(s, "handlers", []) or []:
            for x in h.body:
                out += _top_bound(x)
    return out


def _imports_of(mod, node):
    name = _literal_import_name(node)
    if name is not None:
        yield name, node
    elif isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name, node
    elif isinstance(node, ast.ImportFrom):
        base = resolve_relative(mod, node)
        if base in IGNORED_MODULES:
            return
        yield base, node
        for alias in node.names:
            if alias.name != "*":
                yield base + "." + alias.name, None   # a submodule, if one exists


def resolve_relative(mod, node):
    if not node.level:
        return node.module
    parts = mod.package.split(".") if mod.package else []
    if node.level - 1 > len(parts) or (not mod.package):
        raise CompileError([error_at(mod.display_path, node,
                                     "relative import beyond the top-level package")])
    parts = parts[:len(parts) - (node.level - 1)]
    if node.module:
        parts.append(node.module)
    return ".".join(parts)


def _load(program, dotted, importer, node, guarded=False, site=None, from_source=False):
    """Load `dotted` and its parent packages; node None means 'only if it exists'; guarded: the
    import is in a try that catches ImportError (absent: raises at run time)."""
    new = []
    parts = dotted.split(".")
    for i in range(1, len(parts) + 1):
        name = ".".join(parts[:i])
        if name in program.modules or (name in BUILTIN_MODULES and not from_source) or name in IGNORED_MODULES \
                or name in program.missing or name in PSEUDO_MODULES:
            continue
        found = _find(program.root_dir, parts[:i])
        stdlib = found is None
        renames = None
        if found is None and name in SOURCE_COPIES:
            original, renames = SOURCE_COPIES[name]
            found = _find(STDLIB_DIR, original.split("."))
        if found is None:
            found = _find(PYRITE_LIB_DIR, parts[:i]) or _find(STDLIB_DIR, parts[:i])
        if found is None and i == 1 and generated_module(name):
            found = generated_module(name), False
        if found is None:
            if node is None:
                return new
            if guarded:
                program.missing.add(name)
                return new
            raise CompileError([error_at(importer.display_path, node,
                                         "cannot import module '%s' (not found beside the program, not one pyrite provides (%s), "
                                         "and not a Python module of the standard library)"
                                         % (name, ", ".join(sorted(BUILTIN_MODULES))))])
        path, is_pkg = found
        if guarded and stdlib and node is not None and _needs_absent_module(program, path):
            program.missing.add(name)   # (ImportError at run time, as in a CPython built without it)
            return new
        m = SourceModule(name, path, os.path.abspath(path), is_pkg, False, renames)
        m.stdlib = stdlib
        at = node or site
        m.imported_at = (importer, getattr(at, "lineno", 1), getattr(at, "col_offset", 0) + 1)
        program.modules[name] = m
        new.append(m)
        for sub in COMPANIONS.get(name, ()):
            new += _load(program, sub, m, None)
    return new


def _needs_absent_module(program, path):
    """A standard module whose top level imports, unguarded, a module that is nowhere (bz2 imports
    _bz2, a C module pyrite does not have): importing it can only raise ImportError. Imported where
    ImportError is caught (shutil's `try: import bz2`), it is absent rather than a compile error."""
    for st in parse_file(path)[1].body:
        names = [a.name for a in st.names] if isinstance(st, ast.Import) else \
            [st.module] if isinstance(st, ast.ImportFrom) and not st.level else []
        for n in names:
            top = n.split(".")[0]
            if top not in BUILTIN_MODULES and top not in IGNORED_MODULES and top not in PSEUDO_MODULES \
                    and not any(_find(d, [top]) for d in (program.root_dir, PYRITE_LIB_DIR, STDLIB_DIR)) \
                    and not generated_module(top):
                return True
    return False


# a standard module compiled a second time under another name, with some of its imports pointed
# elsewhere: CPython's pure-Python io (_pyio) is pyrite's _io (pyrite/lib/_io.py re-exports it), its
# imports of io and _io (which would be circular) going to a small module of what it needs from them
SOURCE_COPIES = {
    "_pyrite_pyio": ("_pyio", {"io": "_pyrite_io_base", "_io": "_pyrite_io_base"}),
}


def _rename_imports(tree, renames):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name in renames:
                    a.asname = a.asname or a.name
                    a.name = renames[a.name]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in renames:
            node.module = renames[node.module]


# what the runtime's own random module provides (types/stubs/modules.pyi); a program using anything
# else of random compiles CPython's random.py (over pyrite/lib/_random.py) instead
RUNTIME_RANDOM = {"seed", "random", "getrandbits", "randrange", "randint", "choice", "shuffle", "sample",
                  "choices", "uniform", "triangular", "gauss", "normalvariate", "lognormvariate",
                  "expovariate", "paretovariate", "weibullvariate"}


def _needs_source_random(program):
    return _names_module_attribute(program, "random", lambda name: name not in RUNTIME_RANDOM)


def _names_time_strptime(program):
    """Whether some module names the time module's strptime (`time.strptime`, `from time import strptime`)."""
    return _names_module_attribute(program, "time", lambda name: name in ("strptime", "*"))


def _names_module_attribute(program, module, wanted):
    """Whether some module of the program imports from `module` (absolute) a name `wanted` accepts, or
    reads such an attribute (not a dunder) of a name it bound with `import module`."""
    for mod in program.modules.values():
        aliases = set()
        for node in ast.walk(mod.tree):
            if isinstance(node, ast.Import):
                aliases |= {a.asname or a.name for a in node.names if a.name == module}
            elif isinstance(node, ast.ImportFrom) and node.module == module and not node.level:
                if any(wanted(a.name) for a in node.names):
                    return True
        if aliases and any(isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in aliases
                           and not n.attr.startswith("__") and wanted(n.attr) for n in ast.walk(mod.tree)):
            return True
    return False


# modules a module finds with a computed __import__, compiled in with it: the codecs that
# encodings.search_function loads by name (others raise LookupError: unknown encoding); also modules
# a module imports inside a function that its ordinary use always runs (gettext's _expand_lang imports
# locale on every translation lookup, and errno when it finds no catalogue: argparse's messages;
# argparse's HelpFormatter imports shutil for the terminal width, and textwrap to wrap help text)
COMPANIONS = {
    "gettext": ["locale", "errno"],
    "argparse": ["shutil", "textwrap"],
    "hashlib": ["_md5", "_sha1", "_sha256", "_sha512"],
    "encodings": ["encodings.utf_8", "encodings.utf_8_sig", "encodings.ascii", "encodings.latin_1",
                  "encodings.utf_16", "encodings.utf_16_le", "encodings.utf_16_be", "encodings.utf_32",
                  "encodings.utf_32_le", "encodings.utf_32_be", "encodings.unicode_escape",
                  "encodings.raw_unicode_escape"],
}


def _find(root, parts):
    base = os.path.join(root, *parts)
    if os.path.isfile(os.path.join(base, "__init__.py")):
        return os.path.join(base, "__init__.py"), True
    if os.path.isfile(base + ".py"):
        return base + ".py", False
    return None
