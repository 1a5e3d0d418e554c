"""importlib for compiled programs (pyrite's own: CPython's importlib drives the interpreter's import
system, which a compiled program does not have). Every module a program can import was compiled into
it; import_module() returns those (running their top level on first use, as an import statement does)
and raises ModuleNotFoundError for any other name. The submodules CPython writes in Python
(importlib.resources, importlib.metadata, ...) are compiled from the standard library as they are."""
import sys


def import_module(name, package=None):
    """Import a module compiled into the program; a relative name ('.mod') needs `package`."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative import for %r" % name)
        for character in name:
            if character != ".":
                break
            level += 1
        bits = package.rsplit(".", level - 1)
        if len(bits) < level:
            raise ImportError("attempted relative import beyond top-level package")
        base = bits[0]
        name = base + "." + name[level:] if name[level:] else base
    return __import__(name, None, None, ("__name__",))


def invalidate_caches():
    """No finder caches in a compiled program: nothing to do."""


def reload(module):
    raise ImportError("pyrite: cannot reload module %r: its code was compiled into the program"
                      % getattr(module, "__name__", module))
