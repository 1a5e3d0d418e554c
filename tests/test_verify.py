"""verify_ir rejects malformed IR (it runs after every pass in the tests, so it must be able to fail)."""
import pytest

from pyrite import driver
from pyrite.ir import ops
from pyrite.ir.verify import verify_function

PROG = """
def f(x):
    if x > 1:
        raise ValueError("big")
    return x + 1
print(f(1))
"""


def build_fn(tmp_path, source, name):
    p = tmp_path / "m.py"
    p.write_text(source)
    prog, _ = driver.build_ir(str(p))
    driver.run_passes(prog)
    (fn,) = [f for f in prog.main.functions if f.name == name]
    verify_function(fn)   # well formed as built
    return fn


def build_f(tmp_path):
    return build_fn(tmp_path, PROG, "f")


def test_reachable_block_without_terminator(tmp_path):
    fn = build_f(tmp_path)
    block = next(b for b in fn.blocks if b.ops and isinstance(b.ops[-1], ops.Return))
    block.ops.pop()
    with pytest.raises(AssertionError, match="must end in a terminator"):
        verify_function(fn)


def test_op_after_an_op_that_always_raises(tmp_path):
    fn = build_f(tmp_path)
    block = next(b for b in fn.blocks if b.ops and b.ops[-1].error_kind == ops.ERR_ALWAYS)
    block.ops.append(ops.Goto(block))
    with pytest.raises(AssertionError, match="op that always raises"):
        verify_function(fn)


def test_branch_on_a_non_bool(tmp_path):
    fn = build_f(tmp_path)
    br = next(op for b in fn.blocks for op in b.ops if isinstance(op, ops.Branch))
    br.cond = next(r for r in fn.registers if r.rtype.name in ("i64", "int"))
    with pytest.raises(AssertionError, match="branch condition"):
        verify_function(fn)


def test_ir_objects_reject_undeclared_fields():
    """Issue 8, item 1: every op and register field is declared; nothing hangs ad-hoc attributes on
    the IR (a pass reading them back with a default would silently see the default)."""
    from pyrite.ir import ops
    from pyrite.ir.function import FuncIR
    from pyrite.ir.rtypes import OBJ
    r = ops.Register("t1", OBJ)
    op = ops.GetField(r, r, None, None)
    assert op.maybe_none is True and op.always_set is False and r.immortal is False
    op.always_set = True
    for obj, name in ((r, "owned"), (op, "maybe_nonee"), (ops.Goto(None), "note"),
                      (FuncIR("f", "pyf_f", "f", "x.py"), "inlined")):
        try:
            setattr(obj, name, 1)
        except AttributeError as e:
            assert "no declared field" in str(e)
        else:
            raise AssertionError("%s accepted %s" % (type(obj).__name__, name))


PROG_REFS = """
def g(s):
    t = s + "!"
    if len(s) > 2:
        print(t)
    return len(s + t)
print(g("ab"), g("abc"))
"""


def _build_g(tmp_path):
    return build_fn(tmp_path, PROG_REFS, "g")


def test_temporary_read_after_its_release(tmp_path):
    """Reference balance: a temporary released (Clear) on one path and read after the join would be
    a use after free in the C; the verifier follows every path."""
    from pyrite.ir.rtypes import OBJ
    fn = _build_g(tmp_path)
    br = next(op for b in fn.blocks for op in b.ops if isinstance(op, ops.Branch))
    blk = next(b for b in fn.blocks if br in b.ops)

    def reach(b):
        seen, todo = set(), [b]
        while todo:
            x = todo.pop()
            if id(x) not in seen and x is not fn.error_exit:
                seen.add(id(x))
                todo += x.successors()
        return seen
    both = reach(br.true) & reach(br.false)
    join = next(b for b in fn.blocks if id(b) in both and b.ops)
    tmp = ops.Register("tx", OBJ)
    fn.registers.append(tmp)
    blk.ops.insert(0, ops.LoadLiteral(tmp, "s"))
    sink = ops.Register("sx", OBJ, is_local=True)
    fn.registers.append(sink)
    join.ops.insert(0, ops.Assign(sink, tmp))
    verify_function(fn)                       # defined on every path: fine
    br.true.ops.insert(0, ops.Clear(tmp))     # released on one path only
    with pytest.raises(AssertionError, match="may hold no reference"):
        verify_function(fn)


def test_temporary_read_after_a_move(tmp_path):
    fn = _build_g(tmp_path)
    for b in fn.blocks:
        for i, op in enumerate(b.ops):
            srcs = [s for s in op.sources() if s.rtype.name == "obj" and not s.is_local
                    and s not in fn.params]
            if srcs and i > 0:
                b.ops.insert(i, ops.Clear(srcs[0]))
                with pytest.raises(AssertionError, match="may hold no reference"):
                    verify_function(fn)
                return
    raise AssertionError("no temporary read found")


def test_call_against_its_declared_signature(tmp_path):
    """Every call of a runtime function must match what primitives/ declares: error kind, result and
    argument representations."""
    fn = _build_g(tmp_path)
    call = next(op for b in fn.blocks for op in b.ops if isinstance(op, ops.CallC) and op.dest is not None)
    saved = call.error_kind
    call.error_kind = ops.ERR_NEVER if saved != ops.ERR_NEVER else ops.ERR_NULL
    with pytest.raises(AssertionError, match="declared"):
        verify_function(fn)
    call.error_kind = saved
    verify_function(fn)
    call.fn = "Pyrt_NoSuchThing"
    with pytest.raises(AssertionError, match="no declared signature"):
        verify_function(fn)
