"""Value ranges of int registers: which tagged ints are certainly small (never a pointer word).

A forward analysis over one function's IR (after the passes, before codegen). For each op it gives
the interval every tracked register (`int`, `i64`, `bool`) certainly lies in when the op starts.
An interval is a pair (lo, hi) of Python ints, either bound None when unknown; a register missing
from a state is unknown. Codegen reads it to emit the cheaper form of an operation on tagged ints:
  - operands known small: no tag test (an add is the machine add with its overflow branch);
  - a result known small as well: no overflow branch and no slow path;
  - a conversion of a known-small value (to an index, an int64, a double): a shift;
  - a release or copy of a register known small: nothing (a small word owns no reference).
Sources of bounds: literals, lengths (at most LEN_MAX), code points, booleans, a `%` by a positive
divisor, a `&` with a non-negative operand, and the loop tests (`i < n` bounds `i` on the loop
body's edge). A register is unknown until an op gives it a value (a first store needs no release:
codegen knows that from ir/dataflow.py). Loops reach a fixpoint through widening to thresholds
(2**31, 2**62, 2**63, then unknown), then narrowing recovers the loop tests' bounds."""
from pyrite.ir import ops
from pyrite.ir.dataflow import writes
from pyrite.ir.rtypes import INT, I64, BOOL

SMALL_MIN, SMALL_MAX = -2**62, 2**62 - 1
LEN_MAX = 2**60          # no container holds more items than this (8 bytes each exceed memory)
TOP = (None, None)
TRACKED = (INT, I64, BOOL)
_THRESHOLDS = (2**31, 2**62, 2**63)
_WIDEN_AFTER = 3


def is_small(iv):
    lo, hi = iv
    return lo is not None and hi is not None and lo >= SMALL_MIN and hi <= SMALL_MAX


def get(st, a):
    """The interval of an operand: a register (tracked or not), a C constant text, or other."""
    if isinstance(a, ops.Register):
        if a.rtype is BOOL:
            return st.get(id(a), (0, 1))
        return st.get(id(a), TOP)
    if isinstance(a, str):
        try:
            v = int(a, 0)
        except ValueError:
            return TOP
        return (v, v)
    return TOP


def _add(a, b):
    return (None if a[0] is None or b[0] is None else a[0] + b[0],
            None if a[1] is None or b[1] is None else a[1] + b[1])


def _sub(a, b):
    return _add(a, (None if b[1] is None else -b[1], None if b[0] is None else -b[0]))


def _finite(*ivs):
    return all(x is not None for iv in ivs for x in iv)


def _corners(f, a, b):
    vals = [f(x, y) for x in a for y in b]
    return (min(vals), max(vals))


def _mul(a, b):
    if not _finite(a, b):
        if a == (0, 0) or b == (0, 0):
            return (0, 0)
        return TOP
    return _corners(lambda x, y: x * y, a, b)


def _floordiv(a, b):
    if not _finite(a, b) or b[0] <= 0 <= b[1]:
        return TOP
    return _corners(lambda x, y: x // y, a, b)


def _mod(a, b):
    lo, hi = b
    if lo is not None and lo > 0:
        top = None if hi is None else hi - 1
        if a[0] is not None and a[0] >= 0 and a[1] is not None and (top is None or a[1] < top):
            top = a[1]      # x % n == x for 0 <= x < n
        return (0, top)
    if hi is not None and hi < 0:
        return (None if lo is None else lo + 1, 0)
    return TOP


def _bits_hull(a, b):
    """| and ^ of two non-negative intervals."""
    if a[0] is None or b[0] is None or a[0] < 0 or b[0] < 0 or a[1] is None or b[1] is None:
        return TOP
    return (0, (1 << max(a[1], b[1]).bit_length()) - 1)


def _and(a, b):
    nonneg = [x for x in (a, b) if x[0] is not None and x[0] >= 0]
    if not nonneg:
        return TOP
    his = [x[1] for x in nonneg if x[1] is not None]
    return (0, min(his) if his else None)


def _rshift(a, b):
    if b[0] is None or b[0] < 0:
        return TOP
    n_lo, n_hi = b[0], min(b[1], 64) if b[1] is not None else 64
    lo = None if a[0] is None else min(a[0] >> n_lo, a[0] >> n_hi)
    hi = None if a[1] is None else max(a[1] >> n_lo, a[1] >> n_hi)
    if a[0] is not None and a[0] >= 0:
        lo = 0 if lo is None else max(lo, 0)
    if a[1] is not None and a[1] < 0:
        hi = -1 if hi is None else min(hi, -1)
    return (lo, hi)


def _lshift(a, b):
    if not _finite(a, b) or b[0] < 0 or b[1] > 128:
        return TOP
    return _corners(lambda x, y: x << y, a, b)


def _neg(a):
    return (None if a[1] is None else -a[1], None if a[0] is None else -a[0])


def _abs(a):
    lo, hi = a
    if lo is not None and lo >= 0:
        return a
    if hi is not None and hi <= 0:
        return _neg(a)
    m = None if lo is None or hi is None else max(-lo, hi)
    return (0, m)


def _invert(a):
    return (None if a[1] is None else -a[1] - 1, None if a[0] is None else -a[0] - 1)


def _clip_i64(iv):
    lo, hi = iv
    return (-2**63 if lo is None or lo < -2**63 else lo, 2**63 - 1 if hi is None or hi > 2**63 - 1 else hi)


_BINARY = {"add": _add, "sub": _sub, "mul": _mul, "floordiv": _floordiv, "mod": _mod, "and": _and,
           "or": _bits_hull, "xor": _bits_hull, "rshift": _rshift, "lshift": _lshift}
_UNARY = {"neg": _neg, "abs": _abs, "invert": _invert}
_LENGTHS = {"PyrtList_Len", "PyrtStr_Len", "PyrtTuple_Len", "Pyrt_Len", "str_len", "list_len",
            "tuple_len", "range_length"}


def result(op, st, returns=None):
    """The interval of op's destination given the state before op (TOP when unknown)."""
    d = op.dest
    if d is None or d.rtype not in TRACKED:
        return TOP
    if d.rtype is BOOL:
        return (0, 1)
    if isinstance(op, ops.LoadLiteral):
        v = op.value
        return (int(v), int(v)) if isinstance(v, int) else TOP
    if isinstance(op, ops.Assign):
        return get(st, op.src)
    if isinstance(op, ops.Call):
        r = (returns or {}).get(id(op.func), TOP)
        return _clip_i64(r) if d.rtype is I64 else r
    if isinstance(op, ops.Unbox) and d.rtype is I64:
        return _clip_i64(TOP)
    if isinstance(op, ops.CallC):
        fn, args = op.fn, op.args
        if fn.startswith("pyrt_int_"):
            name = fn[len("pyrt_int_"):]
            if name in _BINARY and len(args) == 2:
                r = _BINARY[name](get(st, args[0]), get(st, args[1]))
            elif name in _UNARY and len(args) == 1:
                r = _UNARY[name](get(st, args[0]))
            elif name in ("from_i64", "as_i64", "as_index") and len(args) == 1:
                r = get(st, args[0])
            else:
                r = TOP
            return _clip_i64(r) if d.rtype is I64 else r
        if fn in _LENGTHS:
            return (0, LEN_MAX)
        if fn == "pyrt_str_ord":
            return (0, 0x10FFFF)
        return _clip_i64(TOP) if d.rtype is I64 else TOP
    if isinstance(op, ops.Expr):
        p, args = op.prim, op.args
        if p in ("int_small",):
            return get(st, args[0])
        if p in ("int_from_bool", "i64_from_bool"):
            return (0, 1)
        if p == "i64_add_small":
            return _clip_i64(_add(get(st, args[0]), get(st, args[1])))
        if p in _LENGTHS:
            return (0, LEN_MAX)
        if p == "i64_and":
            return _and(get(st, args[0]), get(st, args[1]))
        return _clip_i64(TOP) if d.rtype is I64 else TOP
    return _clip_i64(TOP) if d.rtype is I64 else TOP


def _meet(a, b):
    lo = a[0] if b[0] is None else (b[0] if a[0] is None else max(a[0], b[0]))
    hi = a[1] if b[1] is None else (b[1] if a[1] is None else min(a[1], b[1]))
    return (lo, hi)


_FLIP = {"lt": "gt", "le": "ge", "gt": "lt", "ge": "le", "eq": "eq", "ne": "ne"}
_NOT = {"lt": "ge", "le": "gt", "gt": "le", "ge": "lt", "eq": "ne", "ne": "eq"}


def _refine(st, rel, a, b):
    """st narrowed by `a rel b` holding (a, b registers or constants)."""
    ia, ib = get(st, a), get(st, b)
    if rel == "lt":
        na, nb = _meet(ia, (None, None if ib[1] is None else ib[1] - 1)), _meet(ib, (None if ia[0] is None else ia[0] + 1, None))
    elif rel == "le":
        na, nb = _meet(ia, (None, ib[1])), _meet(ib, (ia[0], None))
    elif rel == "gt":
        return _refine(st, "lt", b, a)
    elif rel == "ge":
        return _refine(st, "le", b, a)
    elif rel == "eq":
        na = nb = _meet(ia, ib)
    else:
        return st
    st = dict(st)
    for r, iv in ((a, na), (b, nb)):
        if isinstance(r, ops.Register) and r.rtype in (INT, I64):
            if iv[0] is not None and iv[1] is not None and iv[0] > iv[1]:
                continue   # an edge never taken
            st[id(r)] = iv
    return st


def _compare(op):
    """(relation, a, b) when op computes a comparison of two ints the branch can use."""
    if not isinstance(op, ops.Expr):
        return None
    p = op.prim
    for prefix in ("int_", "i64_"):
        if p.startswith(prefix) and p[len(prefix):] in _FLIP and len(op.args) == 2:
            return p[len(prefix):], op.args[0], op.args[1]
    if p == "list_index_ok":
        return "lt", op.args[0], str(LEN_MAX)
    if p == "range_continues" and isinstance(op.args[2], str):
        step = int(op.args[2], 0)
        return ("lt" if step > 0 else "gt"), op.args[0], op.args[1]
    return None


def _pointwise(a, b, f):
    """The state combining a and b register by register with f (a register unknown in either is
    unknown)."""
    out = {}
    for k, x in a.items():
        y = b.get(k)
        if y is not None:
            iv = f(x, y)
            if iv != TOP:
                out[k] = iv
    return out


def _join(a, b):
    return _pointwise(a, b, hull)


def _widen_bound(old, new, up):
    if old is None or new is None:
        return None
    if (new > old) if up else (new < old):
        for t in _THRESHOLDS:
            if (new <= t - 1) if up else (new >= -t):
                return t - 1 if up else -t
        return None
    return new


def _widen(old, new):
    return _pointwise(old, new, lambda x, y: (_widen_bound(x[0], y[0], False), _widen_bound(x[1], y[1], True)))


class _OpInfo:
    """What the analysis needs of one op, computed once per function."""
    __slots__ = ("op", "writes", "emptied", "tracked_dest", "handler_edge", "compare")

    def __init__(self, fn, op):
        self.op = op
        self.writes = writes(op)
        emptied = []
        if isinstance(op, (ops.Clear, ops.Unbind)):
            emptied.append(op.reg)
        elif isinstance(op, (ops.Assign, ops.SetField, ops.StoreStatic)) and op.move:
            emptied.append(op.src)
        self.emptied = tuple(id(r) for r in emptied if r.rtype in TRACKED)
        self.tracked_dest = op.dest is not None and op.dest.rtype in TRACKED
        self.handler_edge = (fn is not None and op.handler is not None and op.handler is not fn.error_exit
                             and op.can_fail())
        self.compare = _compare(op)


_INFO = {}   # id(fn) -> (fn, {id(block): [_OpInfo]})


def _infos(fn):
    got = _INFO.get(id(fn))
    if got is None or got[0] is not fn:
        got = _INFO[id(fn)] = (fn, {id(b): [_OpInfo(fn, op) for op in b.ops] for b in fn.blocks})
    return got[1]


def step(op, st, returns=None, info=None):
    """The state after op (on its normal edge)."""
    if info is None:
        info = _OpInfo(None, op)
    w = info.writes
    if not w and not info.emptied:
        return st
    new = None
    for k in w:
        if k in st:
            if new is None:
                new = dict(st)
            del new[k]
    if info.emptied or info.tracked_dest:
        if new is None:
            new = dict(st)
        for k in info.emptied:
            new[k] = (0, 0)
        if info.tracked_dest:
            res = result(op, st, returns)
            if res != TOP:
                new[id(op.dest)] = res
    return st if new is None else new


def _flow(fn, b, cur, returns, out):
    """Run block b from state cur: records each op's state in out; returns the outgoing edges
    [(block, state)] (exception edges included, the loop tests' refinements applied)."""
    edges = []
    cmps = {}
    for info in _infos(fn)[id(b)]:
        op = info.op
        out[id(op)] = cur
        w = info.writes
        if info.handler_edge:
            edges.append((op.handler, {k: v for k, v in cur.items() if k not in w} if any(k in cur for k in w)
                          else cur))
        if w and cmps:
            cmps = {k: c for k, c in cmps.items()
                    if k not in w and not any(isinstance(x, ops.Register) and id(x) in w for x in c[1:])}
        if info.compare is not None:
            cmps[id(op.dest)] = info.compare
        cur = step(op, cur, returns, info)
    last = b.ops[-1] if b.ops else None
    if isinstance(last, ops.Goto):
        edges.append((last.target, cur))
    elif isinstance(last, ops.Branch):
        c = cmps.get(id(last.cond))
        if c is not None:
            rel, x, y = c
            edges += [(last.true, _refine(cur, rel, x, y)), (last.false, _refine(cur, _NOT[rel], x, y))]
        else:
            edges += [(last.true, cur), (last.false, cur)]
    return edges


_NARROW = 2
MAX_OPS = 20000   # larger functions (module bodies of data tables) are not analysed


def _reverse_postorder(entry, reached):
    seen, post = {id(entry)}, []
    stack = [(entry, iter(entry.successors()))]
    while stack:
        b, it = stack[-1]
        nxt = next(it, None)
        if nxt is None:
            post.append(b)
            stack.pop()
        elif id(nxt) not in seen and id(nxt) in reached:
            seen.add(id(nxt))
            stack.append((nxt, iter(nxt.successors())))
    return post[::-1]


def int_ranges(fn, assume=None, returns=None):
    """{id(op): state before op} for the reachable ops of fn; None for a function with no tagged
    ints. (A generator's registers live in its frame, zeroed at creation, and keep their values
    across a yield, which is an ordinary op here.) A widening phase reaches a post-fixpoint; then
    _NARROW rounds recompute every block's entry state from its predecessors (each round stays a
    sound over-approximation and recovers the bounds the loop tests give)."""
    if not any(r.rtype is INT for r in fn.registers):
        return None
    if sum(len(b.ops) for b in fn.blocks) > MAX_OPS:
        return None
    entry = fn.entry or (fn.blocks[1] if len(fn.blocks) > 1 else fn.blocks[0])
    init = dict(assume or {})
    state_in = {id(entry): init}
    visits = {}
    out = {}
    work = [entry]
    while work:
        b = work.pop()
        for t, st in _flow(fn, b, state_in[id(b)], returns, out):
            old = state_in.get(id(t))
            if old is None:
                new = st
            else:
                new = _join(old, st)
                n = visits[id(t)] = visits.get(id(t), 0) + 1
                if n > _WIDEN_AFTER:
                    new = _widen(old, new)
            if old is None or new != old:
                state_in[id(t)] = new
                work.append(t)
    # narrowing, in reverse postorder (a bound a loop test gives reaches the blocks after the loop
    # in one round); back edges contribute what they gave in the round before
    order = _reverse_postorder(entry, state_in)
    contrib = {}

    def run(b):
        got = {}
        for t, st in _flow(fn, b, state_in[id(b)], returns, out):
            got[id(t)] = _join(got[id(t)], st) if id(t) in got else st
        for t, st in got.items():
            contrib.setdefault(t, {})[id(b)] = st

    for b in order:
        run(b)
    for _ in range(_NARROW):
        for b in order:
            ins = list(contrib.get(id(b), {}).values()) + ([init] if b is entry else [])
            if not ins:
                continue
            cur = ins[0]
            for x in ins[1:]:
                cur = _join(cur, x)
            state_in[id(b)] = cur
            run(b)
    return out


# ---------------------------------------------------------------------- whole program
def subset(a, b):
    return ((b[0] is None or (a[0] is not None and a[0] >= b[0]))
            and (b[1] is None or (a[1] is not None and a[1] <= b[1])))


def hull(a, b):
    if a is None:
        return b
    return (None if a[0] is None or b[0] is None else min(a[0], b[0]),
            None if a[1] is None or b[1] is None else max(a[1], b[1]))


class ProgramRanges:
    """Ranges across calls. A compiled function is entered by direct calls from compiled code and by
    its generic entry (dynamic calls, the ext and web exports), which can pass any int. A function of
    the program's own modules whose direct calls all pass a small int for some int parameter gets a
    clone (`<cname>_r`) compiled under that assumption (`clones`: {id(fn): {id(param): interval}});
    direct calls go to it and every other entry to the function itself. `returns` gives, for each
    function, the interval of what its directly called entry returns. Both are verified: the
    analysis is rerun under them and any assumption a call site or a return breaks is dropped, until
    none is. `states[(id(fn), clone)]` is int_ranges' result for each body codegen emits."""

    ROUNDS = 3

    def __init__(self, prog):
        fns = [f for mod in prog.modules for f in mod.functions + [mod.init]]
        own = {id(f) for mod in prog.modules if not mod.stdlib for f in mod.functions}
        # (a function without tagged ints passes none to a call, and its body gains nothing)
        self.fns = [f for f in fns if any(r.rtype is INT for r in f.registers)]
        self.callees = {id(f): sorted({id(op.func) for b in f.blocks for op in b.ops if isinstance(op, ops.Call)})
                        for f in self.fns}
        self.memo = {}   # (id(fn), clone) -> (inputs, (states, sites, returned))
        self.clones, self.returns = {}, {}
        try:
            for _ in range(self.ROUNDS):
                sites, rets = self._analyse(self.clones, self.returns)
                self.clones = self._assumptions(sites, own)
                self.returns = rets
            while True:
                sites, rets = self._analyse(self.clones, self.returns)
                broken = False
                for fid, assume in list(self.clones.items()):
                    seen = sites.get(fid, {})
                    kept = {pid: iv for pid, iv in assume.items() if pid in seen and subset(seen[pid], iv)}
                    if kept != assume:
                        broken = True
                        if kept:
                            self.clones[fid] = kept
                        else:
                            del self.clones[fid]
                for fid, iv in list(self.returns.items()):
                    if not subset(rets.get(fid, TOP), iv):
                        broken = True
                        del self.returns[fid]
                if not broken:
                    break
        finally:
            _INFO.clear()
            self.memo = None

    def _one(self, f, clone, assume, returns):
        """(states, call sites, returned interval or None) of one body; recomputed only when its
        assumption or a callee's return interval changed since the last round."""
        key = (id(f), clone)
        inputs = (tuple(sorted(assume.items())) if assume else None,
                  tuple(returns.get(c) for c in self.callees[id(f)]))
        got = self.memo.get(key)
        if got is not None and got[0] == inputs:
            return got[1]
        st = int_ranges(f, assume, returns)
        sites, returned = {}, None
        if st is None:   # (a body too big to analyse: its calls may pass anything)
            for b in f.blocks:
                for op in b.ops:
                    if isinstance(op, ops.Call):
                        got_f = sites.setdefault(id(op.func), {})
                        got_f.update((id(p), TOP) for p in op.func.params if p.rtype is INT)
        else:
            for b in f.blocks:
                for op in b.ops:
                    s = st.get(id(op))
                    if s is None:
                        continue
                    if isinstance(op, ops.Call) and not op.func.is_generator:
                        got_f = sites.setdefault(id(op.func), {})
                        for p, a in zip(op.func.params, op.args):
                            if p.rtype is INT:
                                got_f[id(p)] = hull(got_f.get(id(p)), get(s, a))
                    elif isinstance(op, ops.Return) and op.value is not None and op.value.rtype in (INT, I64):
                        returned = hull(returned, get(s, op.value))
        res = (st, sites, returned)
        self.memo[key] = (inputs, res)
        return res

    def _analyse(self, clones, returns):
        """(call sites: {id(callee): {id(param): hull of the intervals passed}}, returns: {id(fn):
        hull of what the directly called body returns}) under the given assumptions; also fills
        self.states."""
        self.states = {}
        sites, rets = {}, {}
        for f in self.fns:
            versions = [False, True] if id(f) in clones else [False]
            for clone in versions:
                st, f_sites, returned = self._one(f, clone, clones[id(f)] if clone else None, returns)
                self.states[(id(f), clone)] = st
                for fid, got in f_sites.items():
                    into = sites.setdefault(fid, {})
                    for pid, iv in got.items():
                        into[pid] = hull(into.get(pid), iv)
                if returned is not None and (clone or id(f) not in clones):
                    rets[id(f)] = returned
        return sites, {fid: iv for fid, iv in rets.items() if iv != TOP}

    def _assumptions(self, sites, own):
        out = {}
        for fid, got in sites.items():
            if fid not in own:
                continue
            small = {pid: iv for pid, iv in got.items() if is_small(iv)}
            if small:
                out[fid] = small
        return out

    def clone_name(self, fn):
        return fn.cname + "_r" if id(fn) in self.clones else None
