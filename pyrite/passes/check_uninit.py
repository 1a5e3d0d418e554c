"""check_uninit: insert UnboundLocalError checks where a local variable may be read before assignment.

Definite-assignment dataflow over the CFG. Before:        After:
    L1: branch c, L2, L3                L1: branch c, L2, L3
    L2: v_x = 1; goto L3                L2: v_x = 1; d_x = 1; goto L3
    L3: t = v_x + 1                     L3: CheckBound(v_x or d_x); t = v_x + 1
Unboxed locals get a definedness flag register; object locals use NULL.
"""
from pyrite.ir import ops
from pyrite.ir.rtypes import OBJ, BOOL


def _defs(op):
    if op.dest is not None:
        return [op.dest]
    if isinstance(op, ops.Unpack):
        return list(op.dests)
    return []


def check_uninit(fn):
    locals_ = [r for r in fn.registers if r.is_local and r not in fn.params]
    if not locals_:
        return
    idx = {id(r): i for i, r in enumerate(locals_)}
    full = (1 << len(locals_)) - 1
    preds = {b: [] for b in fn.blocks}
    for b in fn.blocks:
        for s in b.successors():
            preds[s].append(b)
    entry = fn.entry
    # IN[b]: bitset of definitely assigned locals at block entry
    IN = {b: full for b in fn.blocks}
    IN[entry] = 0
    changed = True
    while changed:
        changed = False
        for b in fn.blocks:
            if b is entry:
                continue
            ps = preds[b]
            new = full
            for p in ps:
                new &= _out(p, IN[p], idx, b)
            if not ps:
                new = full   # unreachable
            if new != IN[b]:
                IN[b] = new
                changed = True
    flags = {}
    for b in fn.blocks:
        cur = IN[b]
        new_ops = []
        for op in b.ops:
            if not isinstance(op, (ops.CheckBound, ops.Unbind)):
                for src in op.sources():
                    if isinstance(src, ops.Register) and id(src) in idx and not (cur >> idx[id(src)]) & 1:
                        flag = None
                        if src.rtype is not OBJ:
                            flag = flags.get(id(src))
                            if flag is None:
                                flag = flags[id(src)] = ops.Register(src.name + "_def", BOOL)
                                fn.registers.append(flag)
                        chk = ops.CheckBound(src, (src.pyname or src.name), flag)
                        chk.line, chk.handler = op.line, (op.handler or fn.error_exit)
                        new_ops.append(chk)
                        cur |= 1 << idx[id(src)]
            new_ops.append(op)
            cur = _apply(op, cur, idx)
        b.ops = new_ops
    if flags:
        _set_flags(fn, flags)


def _out(block, cur, idx, succ):
    """Definitely-assigned set on the edges from block to succ (error edges leave before the op)."""
    result = -1
    for op in block.ops:
        if op.handler is succ and op.can_fail():
            result &= cur
        cur = _apply(op, cur, idx)
    last = block.ops[-1] if block.ops else None
    if (isinstance(last, ops.Goto) and last.target is succ) or \
            (isinstance(last, ops.Branch) and succ in (last.true, last.false)):
        result &= cur
    return result


def _apply(op, cur, idx):
    if isinstance(op, ops.Unbind):
        if id(op.reg) in idx:
            cur &= ~(1 << idx[id(op.reg)])
        return cur
    for d in _defs(op):
        if id(d) in idx:
            cur |= 1 << idx[id(d)]
    return cur


def _set_flags(fn, flags):
    for b in fn.blocks:
        new_ops = []
        for op in b.ops:
            new_ops.append(op)
            for d in _defs(op):
                f = flags.get(id(d))
                if f is not None:
                    new_ops.append(ops.Expr(f, "bool_const", ["1"]))
            if isinstance(op, ops.Unbind) and id(op.reg) in flags:
                op.flag = flags[id(op.reg)]
        b.ops = new_ops
