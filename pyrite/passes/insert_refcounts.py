"""insert_refcounts: release temporaries right after their last use, so objects die when CPython's would.

Every obj register owns its reference (codegen releases the old value on each store and everything at
function exit); this pass only makes releases early. A temporary defined once and used once, both
in the same block, is cleared right after the using op. Before / after:
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
            if d is not None and d.rtype is OBJ and not d.is_local:
                defs.setdefault(id(d), []).append(b)
            if isinstance(op, ops.Unpack):
                for x in op.dests:
                    defs.setdefault(id(x), []).append(b)
            for s in op.sources():
                if isinstance(s, ops.Register) and s.rtype is OBJ:
                    uses.setdefault(id(s), []).append((b, i))
    params = {id(p) for p in fn.params}
    for b in fn.blocks:
        clears = {}
        for i, op in enumerate(b.ops):
            for s in set(x for x in op.sources() if isinstance(x, ops.Register)):
                if s.rtype is not OBJ or s.is_local or id(s) in params:
                    continue
                if len(defs.get(id(s), [])) != 1 or defs[id(s)][0] is not b:
                    continue
                u = uses.get(id(s), [])
                if len(u) != 1 or u[0][0] is not b:
                    continue
                if isinstance(op, (ops.Return, ops.Branch, ops.Goto, ops.Yield)) or op.dest is s \
                        or op.error_kind == ops.ERR_ALWAYS:
                    continue   # (after an op that always raises, the error exit releases it)
                if op.dest is not None and op.dest.rtype is PTR:
                    continue   # the op derives a borrowed pointer from s: s must outlive it
                if isinstance(op, ops.CallC) and any(op.args[k] is s for k in op.moves):
                    continue   # the callee took the reference
                clears.setdefault(i, []).append(s)
        if clears:
            new_ops = []
            for i, op in enumerate(b.ops):
                new_ops.append(op)
                for s in clears.get(i, []):
                    new_ops.append(ops.Clear(s))
            b.ops = new_ops
