"""insert_refcounts: release temporaries right after their last use, so objects die when CPython's would.

Every obj register owns its reference (codegen releases the old value on each store and everything at
function exit); this pass only makes releases early. A temporary defined once, and used only in the
block that defines it, is cleared right after its last use (fuse_moves then turns a store followed
by that release into a move). Before / after:
    t3 = PyrtStr_Concat(t1, t2)         t3 = PyrtStr_Concat(t1, t2)
    print(t3)                           print(t3); Clear t3
"""
from pyrite.ir import ops
from pyrite.ir.rtypes import OBJ, PTR


def insert_refcounts(fn):
    if fn.is_generator:
        return   # frames are released by the generator's clear function
    defs, uses = {}, {}
    for b in fn.blocks:
        for i, op in enumerate(b.ops):
            d = op.dest
            if d is not None and d.rtype.refcounted and not d.is_local and not d.borrowed:
                defs.setdefault(id(d), []).append(b)
            if isinstance(op, ops.Unpack):
                for x in op.dests:
                    defs.setdefault(id(x), []).append(b)
            for s in op.sources():
                if isinstance(s, ops.Register) and s.rtype.refcounted:
                    uses.setdefault(id(s), []).append((b, i))
    params = {id(p) for p in fn.params}
    for b in fn.blocks:
        clears = {}
        for s in _temps_of(b, defs, uses, params):
            u = uses[id(s)]
            if any(b.ops[i].dest is not None and b.ops[i].dest.rtype is PTR for _, i in u):
                continue   # an op derived a borrowed pointer from s: s must outlive it
            i = max(i for _, i in u)
            op = b.ops[i]
            if isinstance(op, ops.CallC) and op.fn in ("Pyrt_Raise", "Pyrt_RaiseSteal"):
                # `raise E(...) from c`: the temporaries are handed over, so that a handler in this
                # function does not keep them alive until it returns (CPython frees them when the
                # handler ends); a non-temporary argument gets a reference of its own for the callee
                moved = set(op.moves) | {k for k in (0, 1) if op.args[k] is s}
                if len(set(map(id, op.args))) == 2 or op.args[1] == "NULL":
                    op.fn, op.moves = "Pyrt_RaiseSteal", tuple(sorted(moved))
                    op.steals = tuple(k for k in (0, 1) if k not in moved and isinstance(op.args[k], ops.Register))
                continue
            if isinstance(op, (ops.Return, ops.Branch, ops.Goto, ops.Yield)) or op.dest is s \
                    or op.error_kind == ops.ERR_ALWAYS:
                continue   # (after an op that always raises, the error exit releases it)
            if any(isinstance(b.ops[j], ops.CallC) and any(b.ops[j].args[k] is s for k in b.ops[j].moves)
                   for _, j in u):
                continue   # a callee took the reference
            clears.setdefault(i, []).append(s)
        if clears:
            new_ops = []
            for i, op in enumerate(b.ops):
                new_ops.append(op)
                for s in clears.get(i, []):
                    new_ops.append(ops.Clear(s))
            b.ops = new_ops


def _temps_of(b, defs, uses, params):
    """The obj temporaries defined once, in block b, and used only in b after that definition
    (several uses allowed: the release goes after the last)."""
    seen, out = set(), []
    def_at = {}
    for i, op in enumerate(b.ops):
        if op.dest is not None:
            def_at.setdefault(id(op.dest), i)
        for s in op.sources():
            if not isinstance(s, ops.Register) or id(s) in seen:
                continue
            seen.add(id(s))
            if not s.rtype.refcounted or s.borrowed or s.is_local or id(s) in params:
                continue
            if len(defs.get(id(s), [])) != 1 or defs[id(s)][0] is not b or id(s) not in def_at:
                continue
            u = uses.get(id(s), [])
            if not u or any(ub is not b or ui <= def_at[id(s)] for ub, ui in u):
                continue
            out.append(s)
    return out


def fuse_moves(fn):
    """A store of an obj temporary right before its release moves the reference instead:
        SetField(o, f, t3); Clear t3   ->   SetField(o, f, t3, move)   (no incref, no decref)
    for Assign, SetField and StoreStatic (codegen nulls the source register)."""
    for b in fn.blocks:
        out = []
        for op in b.ops:
            if isinstance(op, ops.Clear) and out:
                prev = _store_before(out, op.reg)
                if prev is not None:
                    prev.move = True
                    continue
            out.append(op)
        b.ops = out


def _store_before(out, reg):
    """The store just before a run of Clears (ending at the end of out) whose source is reg."""
    k = len(out) - 1
    while k >= 0 and isinstance(out[k], ops.Clear):
        k -= 1
    if k < 0:
        return None
    op = out[k]
    if isinstance(op, (ops.Assign, ops.SetField, ops.StoreStatic)) and op.src is reg and not op.move \
            and reg.rtype.refcounted and not reg.borrowed \
            and (not isinstance(op, ops.Assign) or op.dest.rtype is reg.rtype and not op.dest.borrowed) \
            and (not isinstance(op, ops.SetField) or op.field.rtype is reg.rtype) \
            and (not isinstance(op, ops.StoreStatic) or op.gvar.rtype is reg.rtype) \
            and not (isinstance(op, ops.SetField) and op.obj is reg):
        return op
    return None
