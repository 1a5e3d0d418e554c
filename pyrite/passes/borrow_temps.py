"""borrow_temps: load a global or a field without a reference when it is used once, right away,
by an operation that cannot run user code or release it.

    t1 = LoadStatic(PtrGlb)          (incref)          t1 = LoadStatic(PtrGlb)    (borrowed: ptr)
    t2 = GetField(t1, PtrComp)                   ->    t2 = GetField(t1, PtrComp)
    Clear t1                         (decref)
The global or field still holds the object while it is used, because nothing between the load and
the use can store to a global or a field, call compiled or user code, or release a reference.
A GetField that falls back to the generic attribute lookup (new reference) keeps that reference in
a spill register released at function exit.
"""
from pyrite import primitives
from pyrite.ir import ops
from pyrite.ir.rtypes import INT, OBJ, PTR

# ops that neither run user code nor drop references (allowed between the load and its use)
QUIET = (ops.LoadLiteral, ops.LoadStatic, ops.GetField, ops.CheckNotNone, ops.Unbox, ops.Box,
         ops.CheckedC, ops.CheckBound)
# ops that may consume a borrowed value: they read it immediately and take their own reference
# if they keep it
CONSUMERS = (ops.GetField, ops.SetField, ops.CheckNotNone, ops.Unbox, ops.Assign, ops.Expr,
             ops.StoreStatic, ops.Branch)
def _quiet(op):
    if isinstance(op, QUIET):
        return True
    if isinstance(op, ops.Clear) and op.reg.rtype is INT:
        return True   # releases a reference of its own (an int never holds a borrowed object alive)
    return isinstance(op, ops.CallC) and primitives.borrow_safe(op.fn) and (op.dest is None or op.dest.rtype is not OBJ)


def _consumer(op, definer):
    if isinstance(op, ops.Expr) and op.dest.rtype is PTR:
        return False
    if isinstance(op, ops.Call) and isinstance(definer, ops.LoadStatic):
        # a compiled function that never stores to this global cannot release it while running
        writes = op.func.global_writes
        return writes is not None and id(definer.gvar) not in writes
    if isinstance(op, ops.CallC) and op.moves:
        return False   # it takes over a reference: there must be one
    return isinstance(op, CONSUMERS) or (isinstance(op, ops.CallC) and primitives.borrow_safe(op.fn))


def _definer(op):
    if isinstance(op, (ops.LoadStatic, ops.GetField)):
        return True
    return isinstance(op, ops.Assign) and (op.src.rtype is PTR or op.src.borrowed)


def borrow_temps(fn):
    if fn.is_generator:
        return
    total = _global_uses(fn)
    borrowed = []
    for b in fn.blocks:
        uses = {}
        for i, op in enumerate(b.ops):
            for s in op.sources():
                if isinstance(s, ops.Register):
                    uses.setdefault(id(s), []).append(i)
        for i, op in enumerate(b.ops):
            if not _definer(op):
                continue
            d = op.dest
            if d is None or d.rtype not in (OBJ, INT) or d.borrowed or d.is_local or total.get(id(d), 0) != 1:
                continue
            u = uses.get(id(d), [])
            if len(u) != 1 or u[0] <= i:
                continue
            j = u[0]
            user = b.ops[j]
            if not _consumer(user, op):
                continue
            if not all(_quiet(x) for x in b.ops[i + 1:j]):
                continue
            if _defs_count(fn, d) != 1:
                continue
            borrowed.append((b, op))
    regs = set()
    for b, op in borrowed:
        rt = op.dest.rtype
        if rt is OBJ:
            op.dest.rtype = PTR
        else:   # a tagged int: the same representation, not counted
            op.dest.borrowed = True
        regs.add(id(op.dest))
        if isinstance(op, ops.GetField):
            op.spill = ops.Register(op.dest.name + "_spill", rt)
            fn.registers.append(op.spill)
    if regs:
        for b in fn.blocks:
            b.ops = [x for x in b.ops if not (isinstance(x, ops.Clear) and id(x.reg) in regs)]


def borrow_locals(fn):
    """Locals that only ever hold immortal constants or borrowed parameters (alive for the whole
    call) need no reference of their own:  def f(c): x = c; y = "A"  ->  x, y are ptr registers."""
    if fn.is_generator:
        return
    params = {id(p) for p in fn.params}
    stored = set()
    defs = {}
    literals = set()   # int constants (small, or immortal objects): nothing to count
    for b in fn.blocks:
        for op in b.ops:
            if isinstance(op, ops.LoadLiteral) and op.dest.rtype is INT:
                literals.add(id(op.dest))
    for b in fn.blocks:
        for op in b.ops:
            targets = list(op.dests) if isinstance(op, ops.Unpack) else [op.dest]
            for d in targets:
                if d is not None:
                    defs.setdefault(id(d), []).append(op)
                    if id(d) in params:
                        stored.add(id(d))
    safe = {id(p) for p in fn.params if p.rtype in (OBJ, INT) and id(p) not in stored}
    locals_ = [r for r in fn.registers if r.is_local and r.rtype in (OBJ, INT) and id(r) not in params]
    changed = True
    while changed:
        changed = False
        for r in locals_:
            if id(r) in safe:
                continue
            ds = defs.get(id(r), [])
            if ds and all(isinstance(op, ops.Assign) and op.src.rtype is r.rtype and
                          (op.src.immortal or id(op.src) in literals or id(op.src) in safe)
                          for op in ds):
                safe.add(id(r))
                changed = True
    for r in locals_:
        if id(r) in safe:
            if r.rtype is OBJ:
                r.rtype = PTR
            else:
                r.borrowed = True


def _global_uses(fn):
    n = {}
    for b in fn.blocks:
        for op in b.ops:
            for s in op.sources():
                if isinstance(s, ops.Register):
                    n[id(s)] = n.get(id(s), 0) + 1
    return n


def _defs_count(fn, reg):
    n = 0
    for b in fn.blocks:
        for op in b.ops:
            if op.dest is reg:
                n += 1
    return n
