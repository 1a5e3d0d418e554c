"""Golden IR: the IR of small functions after building (ir-build.test) and after each pass
(ir-after-<pass>.test; ir-passes.test is after borrow_temps), so that changes to lowering and
passes show up as reviewable diffs.
`pytest --update-golden` rewrites the [out] sections."""
import os

import pytest

from casefile import parse_file
from pyrite import driver
from pyrite.ir.pprint import format_function

HERE = os.path.join(os.path.dirname(__file__), "cases")
# the IR as built, and after each pass of driver.pass_pipeline() (the same programs in each file)
FILES = {"ir-build.test": None, "ir-after-check_uninit.test": "check_uninit",
         "ir-after-insert_refcounts.test": "insert_refcounts", "ir-passes.test": "borrow_temps",
         "ir-after-borrow_locals.test": "borrow_locals"}


def user_functions_ir(case, tmp_path, upto):
    main = case.write(str(tmp_path))
    prog, _ = driver.build_ir(main)
    if upto:
        driver.run_passes(prog, upto)
    fns = [f for mod in prog.modules for f in mod.functions]
    return "\n".join(format_function(f) for f in fns) + "\n"


def cases():
    for fname, upto in FILES.items():
        path = os.path.join(HERE, fname)
        for c in parse_file(path):
            yield pytest.param(path, c, upto, id="%s-%s" % (fname[:-5], c.name))


@pytest.mark.parametrize("path,case,upto", list(cases()))
def test_ir_golden(path, case, upto, tmp_path, request):
    got = user_functions_ir(case, tmp_path, upto)
    if request.config.getoption("--update-golden"):
        rewrite(path, case.name, got)
        return
    assert got.rstrip("\n") == (case.out or "").rstrip("\n"), "IR differs from [out] (run pytest --update-golden and review the diff)"


def rewrite(path, name, out):
    cs = parse_file(path)
    with open(path, "w") as f:
        for c in cs:
            f.write("[case %s]\n%s" % (c.name, c.source.rstrip("\n") + "\n"))
            f.write("[out]\n" + (out if c.name == name else (c.out or "")).rstrip("\n") + "\n\n")
