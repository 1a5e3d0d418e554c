"""Find every module of the program: the main file and what it imports, resolved as CPython would
(the program's directory first), plus the builtin modules pyrite provides (sys, math, time, random)."""
import ast
import os

from pyrite.diagnostics import CompileError, error_at
from pyrite.frontend.parse import parse_file
from pyrite.frontend.desugar import desugar_module

# Modules implemented by the runtime; their attributes are typed by types/stubs/<name>.pyi.
BUILTIN_MODULES = {"sys", "math", "time", "random"}
IGNORED_MODULES = {"__future__"}


class SourceModule:
    def __init__(self, name, path, display_path, is_package, is_main):
        self.name, self.path, self.display_path = name, path, display_path
        self.is_package, self.is_main = is_package, is_main
        self.source, self.tree = parse_file(path, display_path)
        desugar_module(self.tree)

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
        self.errors = []      # imports that could not be resolved (diagnostics; loading goes on)


def load_program(main_path):
    root = os.path.dirname(os.path.abspath(main_path))
    program = Program(root)
    main = SourceModule("__main__", main_path, main_path, False, True)
    program.main = main
    program.modules["__main__"] = main
    pending = [main]
    while pending:
        mod = pending.pop()
        for node in ast.walk(mod.tree):
            try:
                for name, node_ in _imports_of(mod, node):
                    pending += _load(program, name, mod, node_)
            except CompileError as e:   # report every unresolved import, not only the first
                program.errors += e.diagnostics
    return program


def _imports_of(mod, node):
    if isinstance(node, ast.Import):
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


def _load(program, dotted, importer, node):
    """Load `dotted` and its parent packages; node None means 'only if it exists'."""
    new = []
    parts = dotted.split(".")
    for i in range(1, len(parts) + 1):
        name = ".".join(parts[:i])
        if name in program.modules or name in BUILTIN_MODULES or name in IGNORED_MODULES:
            continue
        found = _find(program.root_dir, parts[:i])
        if found is None:
            if node is None:
                return new
            raise CompileError([error_at(importer.display_path, node,
                                         "cannot import module '%s' (not found beside the program, "
                                         "and not one pyrite provides: %s)"
                                         % (name, ", ".join(sorted(BUILTIN_MODULES))))])
        path, is_pkg = found
        m = SourceModule(name, path, os.path.abspath(path), is_pkg, False)
        program.modules[name] = m
        new.append(m)
    return new


def _find(root, parts):
    base = os.path.join(root, *parts)
    if os.path.isfile(os.path.join(base, "__init__.py")):
        return os.path.join(base, "__init__.py"), True
    if os.path.isfile(base + ".py"):
        return base + ".py", False
    return None
