"""Tables of the runtime's C functions that lowering calls, one module per runtime source file
(`list_ops.py` mirrors `runtime/src/list.c`; `inline_ops.py` holds the static inline helpers of the
prelude and the headers), with what the passes need to know about each: whether it may run user code
and whether it is safe between a borrowed load and its use. The passes ask here instead of keeping
their own lists; tests/test_primitives.py checks that every C function lowering names is in a table
and is defined in the file its table mirrors.

Not yet here (see docs/architecture.md): argument and result representations and error kinds are
still given at each call site in build_ir/.
"""
import importlib
import pkgutil

ALL = {}


def _load():
    for info in pkgutil.iter_modules(__path__):
        if info.name.endswith("_ops"):
            mod = importlib.import_module("%s.%s" % (__name__, info.name))
            for p in mod.PRIMITIVES:
                p.area = mod.AREA
                assert p.name not in ALL, "%s is in two tables" % p.name
                ALL[p.name] = p


_load()


def may_run_user_code(c_name):
    """Unknown names (C expressions, casts) are assumed to run user code."""
    p = ALL.get(c_name)
    return p is None or p.user_code


def borrow_safe(c_name):
    p = ALL.get(c_name)
    return p is not None and p.borrow_safe
