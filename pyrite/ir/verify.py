"""verify_ir: structural checks of a function's IR (run after every pass when PYRITE_VERIFY is set;
the test suite sets it). Raises AssertionError naming the function, block and op."""
from pyrite.ir import ops
from pyrite.ir.dataflow import empty_registers, writes
from pyrite.ir.rtypes import BOOL, OBJ, PTR, VOID


def verify_function(fn):
    """Checks: every reachable block ends in a terminator or an op that always raises, and nothing
    follows one; empty blocks are unreachable; ops that can fail have a handler in the function;
    registers belong to the function; operand representations agree (branch on bool, box/unbox
    between object and unboxed, assignments and returns of the declared representation)."""
    where = fn.cname
    blocks = set(id(b) for b in fn.blocks)
    reached = _reachable(fn)
    regs = set(id(r) for r in fn.registers) | set(id(p) for p in fn.params)
    for b in fn.blocks:
        if b is fn.error_exit:
            assert not b.ops, "%s: the error exit block must stay empty" % where
            continue
        for i, op in enumerate(b.ops):
            at = "%s L%d op %d (%s)" % (where, b.label, i, type(op).__name__)
            last = i == len(b.ops) - 1
            if ops.ends_block(op):
                assert last, "%s: %s in the middle of a block" % (
                    at, "terminator" if isinstance(op, ops.TERMINATORS) else "op that always raises")
            if op.can_fail():
                assert op.handler is not None and id(op.handler) in blocks, "%s: no handler block" % at
            for s in op.sources():
                assert isinstance(s, ops.Register) and id(s) in regs, "%s: unknown register %r" % (at, s)
            if op.dest is not None:
                assert id(op.dest) in regs, "%s: unknown destination %r" % (at, op.dest)
            _check_op(op, at, blocks, fn)
        if id(b) in reached:
            assert b.ops and ops.ends_block(b.ops[-1]), \
                "%s L%d: a reachable block must end in a terminator or an op that always raises" % (where, b.label)
    _check_references(fn)


def _check_references(fn):
    """Reference balance of temporaries: on every path, an owned temporary (an obj register that is
    not a named variable) is defined before it is read and never read after its reference was
    released (Clear) or handed over (a move): ir/dataflow.py's "possibly empty" analysis."""
    params = {id(p) for p in fn.params}
    temps = frozenset(id(r) for r in fn.registers
                      if r.rtype.refcounted and not r.borrowed and not r.is_local and id(r) not in params)
    if not temps:
        return
    state = empty_registers(fn, temps, must=False)
    for b in fn.blocks:
        for i, op in enumerate(b.ops):
            cur = state.get(id(op))
            if cur is None:   # unreachable
                continue
            written = writes(op)
            for s in op.sources():
                if id(s) in cur and id(s) not in written:
                    raise AssertionError("%s L%d op %d (%s): temporary %r read while it may hold no "
                                         "reference (undefined, released or moved on some path)"
                                         % (fn.cname, b.label, i, type(op).__name__, s))


def _reachable(fn):
    entry = fn.entry or (fn.blocks[1] if len(fn.blocks) > 1 else fn.blocks[0])
    seen, todo = set(), [entry]
    while todo:
        b = todo.pop()
        if id(b) in seen or b is fn.error_exit:
            continue
        seen.add(id(b))
        todo += b.successors()
    return seen


def _check_op(op, at, blocks, fn):
    if isinstance(op, ops.Branch):
        assert op.cond.rtype is BOOL, "%s: branch condition is %s, not bool" % (at, op.cond.rtype)
        assert id(op.true) in blocks and id(op.false) in blocks, "%s: branch to a foreign block" % at
    elif isinstance(op, ops.Goto):
        assert id(op.target) in blocks, "%s: goto a foreign block" % at
    elif isinstance(op, ops.Return):
        if fn.is_generator or fn.ret is VOID:
            assert op.value is None, "%s: value returned from a void function" % at
        else:
            assert op.value is not None and (op.value.rtype is fn.ret or fn.ret is OBJ and op.value.rtype is PTR), \
                "%s: returns %s from a %s function" % (at, op.value and op.value.rtype, fn.ret)
    elif isinstance(op, ops.Assign):
        if op.dest.rtype is not op.src.rtype:
            assert op.dest.rtype is OBJ and op.src.rtype is PTR or op.dest.rtype is PTR and op.src.rtype is OBJ, \
                "%s: assigns %s to %s" % (at, op.src.rtype, op.dest.rtype)
    elif isinstance(op, ops.Box):
        assert op.dest.rtype is OBJ and op.src.rtype not in (OBJ, PTR), "%s: bad box" % at
    elif isinstance(op, ops.Unbox):
        assert op.src.rtype in (OBJ, PTR) and op.dest.rtype not in (OBJ, PTR), "%s: bad unbox" % at
    elif isinstance(op, ops.Yield):
        assert fn.is_generator, "%s: yield outside a generator" % at
    elif isinstance(op, (ops.CallC, ops.CallVec, ops.CheckedC, ops.Expr)):
        _check_call(op, at)


def _rep_ok(declared, actual):
    return declared == actual or declared == "obj" and actual == "ptr"


def _check_call(op, at):
    """A call of a runtime C function agrees with the signature primitives/ declares for it."""
    from pyrite import primitives
    from pyrite.codegen.c_names import MODINIT
    name = op.prim if isinstance(op, ops.Expr) else op.fn
    p = primitives.ALL.get(name)
    if p is None and name.startswith(MODINIT):   # a generated module body, not a primitive
        return
    assert (p is not None and p.template is not None) == isinstance(op, ops.Expr), \
        "%s: %s is %s inline C expression" % (at, name, "not an" if isinstance(op, ops.Expr) else "an")
    assert p is not None and p.sig is not None, "%s: %s has no declared signature in primitives/" % (at, name)
    assert op.error_kind == p.error, "%s: %s fails by %s, declared %s" % (at, name, op.error_kind, p.error)
    assert p.vector == isinstance(op, ops.CallVec), "%s: %s called with the wrong convention" % (at, name)
    if p.ret == "void":
        assert op.dest is None, "%s: %s returns nothing" % (at, name)
    else:
        assert op.dest is not None and _rep_ok(p.ret, op.dest.rtype.name), \
            "%s: %s returns %s, stored to %s" % (at, name, p.ret, op.dest and op.dest.rtype.name)
    args = op.prefix if isinstance(op, ops.CallVec) else op.args
    assert len(args) == len(p.args), "%s: %s takes %d arguments, given %d" % (at, name, len(p.args), len(args))
    for k, (a, want) in enumerate(zip(args, p.args)):
        if isinstance(a, str):
            continue   # a C constant spelled by lowering
        if isinstance(a, tuple):
            got = "&" + a[1].rtype.name
        else:
            got = a.rtype.name
        assert want != "c" and _rep_ok(want, got) or want.startswith("&") and _rep_ok(want[1:], got[1:]), \
            "%s: argument %d of %s is %s, declared %s" % (at, k + 1, name, got, want)


def verify_program(prog):
    for mod in prog.modules:
        for fn in [mod.init] + mod.functions:
            verify_function(fn)
