"""The primitives tables (pyrite/primitives/) cover every runtime C function lowering names, and each
entry is defined in the runtime source file its table mirrors."""
import glob
import os
import re

from pyrite import primitives
from pyrite.codegen.prelude import PRELUDE
from test_runtime_names import ROOT, used

VALUES = {"Pyrt_True", "Pyrt_False", "Pyrt_None", "Pyrt_NotImplemented", "pyrt_init_constants"}


def test_every_function_lowering_names_has_a_table_entry():
    names = {n for n in used() if not n.startswith("PyrtType_") and n not in VALUES}
    assert sorted(names - set(primitives.ALL)) == []


def test_every_entry_is_defined_where_its_table_says():
    headers = "".join(open(h).read() for h in glob.glob(os.path.join(ROOT, "runtime", "include", "*.h")))
    wrong = []
    for p in primitives.ALL.values():
        if p.area == "template":   # inline C expressions: their C functions are checked below
            continue
        if p.area == "inline":
            text = PRELUDE + headers
            ok = re.search(r"\b%s\s*\([^;]*\)\s*\{" % p.name, text) or re.search(r"#define\s+%s\(" % p.name, text)
        else:
            src = open(os.path.join(ROOT, "runtime", "src", p.area + ".c")).read()
            ok = re.search(r"^[A-Za-z_][\w \*]*?\b%s\s*\([^;]*?\)\s*\{" % p.name, src, re.M)
            if p.name.startswith("Pyrt_builtin_"):   # PYRT_BUILTIN(print) defines Pyrt_builtin_print
                ok = ok or re.search(r"^PYRT_BUILTIN\(%s\)" % p.name[len("Pyrt_builtin_"):], src, re.M)
        if not ok:
            wrong.append("%s (table %s_ops.py)" % (p.name, p.area))
    assert wrong == []


def test_the_passes_ask_the_tables():
    assert not primitives.may_run_user_code("PyrtList_New") and primitives.may_run_user_code("Pyrt_BinaryOp")
    assert primitives.borrow_safe("pyrt_list_get_borrowed") and not primitives.borrow_safe("Pyrt_GetAttrIC")
    assert primitives.may_run_user_code("(PyrtObject *)PyrtType_NewUser")   # unknown: assume the worst


def test_signatures_are_declared_for_every_call_lowering_makes():
    """Issue 8, item 2: the tables give each called primitive's argument and result representations
    and error kind; the verifier checks every call against them (tests/test_verify.py)."""
    p = primitives.ALL["PyrtDict_SetItem"]
    assert (p.ret, p.args, p.error) == ("void", ("obj", "obj", "obj"), "neg")
    p = primitives.ALL["PyrtI64_Add"]
    assert (p.ret, p.args, p.error) == ("i64", ("i64", "i64"), "true")
    v = primitives.ALL["Pyrt_CallMethodIC"]
    assert v.vector and v.args == ("obj", "obj")
    with_sig = [p for p in primitives.ALL.values() if p.sig]
    assert len(with_sig) >= 150


def test_templates_call_only_known_functions():
    """The inline C expressions of template_ops.py call runtime functions the tables or headers know."""
    from test_runtime_names import declared
    decl = declared()
    unknown = []
    for p in primitives.ALL.values():
        if p.template is None:
            continue
        assert p.error == "never" and not p.user_code, p.name
        for name in re.findall(r"\b(Pyrt_?[A-Z]\w*|pyrt_[a-z]\w*)\(", p.template):
            if name not in primitives.ALL and name not in decl:
                unknown.append((p.name, name))
    assert unknown == []
