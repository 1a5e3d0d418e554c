"""Which owned object registers hold no reference at each op: the forward analysis behind codegen's
"known NULL" stores and returns (must: certainly empty) and the verifier's reference-balance check of
temporaries (may: possibly empty). Registers start empty, a Clear or a move empties one, any write
fills it; an error edge carries the state before the failing op (minus out-parameters it may have
written) plus what the op hands over even when it fails."""
from pyrite.ir import ops


def writes(op):
    """The registers an op stores into (its destinations, a borrowed load's spill, out-parameters)."""
    w = set()
    if isinstance(op, ops.Unpack):
        w.update(id(d) for d in op.dests)
    elif op.dest is not None:
        w.add(id(op.dest))
    if isinstance(op, ops.GetField) and op.spill is not None:
        w.add(id(op.spill))
    return frozenset(w) | out_params(op)


def out_params(op):
    if isinstance(op, ops.CallC):
        return frozenset(id(a[1]) for a in op.args if isinstance(a, tuple))
    return frozenset()


def emptied(op):
    """Registers an op leaves without a reference: a release, or a move of the reference elsewhere."""
    if isinstance(op, (ops.Clear, ops.Unbind)):
        return {id(op.reg)}
    if isinstance(op, (ops.Assign, ops.SetField, ops.StoreStatic)) and op.move:
        return {id(op.src)}
    return moved_even_on_failure(op)


def moved_even_on_failure(op):
    if isinstance(op, ops.CallC) and op.moves:
        return {id(op.args[k]) for k in op.moves}
    return set()


def empty_registers(fn, tracked, must):
    """{id(op): frozenset of the tracked register ids empty when op starts}, for reachable ops."""
    meet = (lambda a, b: a & b) if must else (lambda a, b: a | b)
    entry = fn.entry or (fn.blocks[1] if len(fn.blocks) > 1 else fn.blocks[0])
    state_in = {id(entry): tracked}
    out = {}
    work = [entry]
    while work:
        b = work.pop()
        cur = state_in[id(b)]
        edges = []
        for op in b.ops:
            out[id(op)] = cur
            if op.handler is not None and op.handler is not fn.error_exit:
                failed = meet(cur - out_params(op), cur) | (moved_even_on_failure(op) & tracked)
                edges.append((op.handler, failed))
            cur = (cur - writes(op)) | (emptied(op) & tracked)
        last = b.ops[-1] if b.ops else None
        if isinstance(last, ops.Goto):
            edges.append((last.target, cur))
        elif isinstance(last, ops.Branch):
            edges += [(last.true, cur), (last.false, cur)]
        for t, st in edges:
            old = state_in.get(id(t))
            new = st if old is None else meet(old, st)
            if old is None or new != old:
                state_in[id(t)] = new
                work.append(t)
    return out
