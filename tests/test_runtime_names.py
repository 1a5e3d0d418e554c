"""Every runtime C function the compiler names in its lowering code exists in the runtime headers."""
import glob
import os
import re

ROOT = os.path.join(os.path.dirname(__file__), "..", "pyrite")


def declared():
    names = set()
    for h in glob.glob(os.path.join(ROOT, "runtime", "include", "*.h")):
        text = open(h).read()
        names |= set(re.findall(r"\b(Pyrt\w+)\s*\(", text))
        names |= set(re.findall(r"\b(pyrt_\w+)\s*\(", text))   # static inline helpers (pyrt_int.h)
        names |= set(re.findall(r"#define\s+(Pyrt\w+)", text))   # object macros (Pyrt_None)
        for decl in re.findall(r"extern\s+PyrtObject\s+([^;]*);", text):   # extern objects (Pyrt_True)
            names |= set(re.findall(r"\b(Pyrt\w+)", decl))
    from pyrite.codegen.prelude import PRELUDE
    names |= set(re.findall(r"\b(pyrt_\w+)\s*\(", PRELUDE))
    names.add("pyrt_init_constants")   # emitted per program by codegen/emit_module.py
    return names


def used():
    out = set()
    for f in glob.glob(os.path.join(ROOT, "build_ir", "*.py")) + glob.glob(os.path.join(ROOT, "codegen", "*.py")):
        text = open(f).read()
        for m in re.finditer(r'["\'](Pyrt_?[A-Z]\w*|pyrt_[a-z]\w*)["\']', text):   # names of C functions
            out.add(m.group(1))
        for m in re.finditer(r'\b(Pyrt_?[A-Z]\w*|pyrt_[a-z]\w*)\(', text):         # calls in C templates
            out.add(m.group(1))
    return out


def test_every_named_function_is_declared():
    decl = declared()
    types = {n for n in used() if n.startswith("PyrtType_")}
    missing = sorted(n for n in used() - types if n not in decl and not n.startswith("PYRT"))
    assert missing == []
