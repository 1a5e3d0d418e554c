"""IR function -> C function text: one label per block, one statement group per op, error checks
as `if (unlikely(...)) { line = N; goto handler; }`.

Reference discipline (see docs/architecture.md): every obj register owns its reference. Storing into
a register releases what it held; the function's exit releases every register. Clear ops (from
insert_refcounts) release temporaries early. Parameters are increfed on entry.
"""
from pyrite import primitives
from pyrite.codegen.c_names import c_string
from pyrite.ir import ops
from pyrite.ir.dataflow import empty_registers
from pyrite.ir import ranges
from pyrite.ir.rtypes import OBJ, INT, I64, F64, BOOL, PTR, VOID


BIG_INIT_OPS = 3000   # module bodies (and loop-free functions) larger than this: compiled without optimisation
# a module body runs once: beyond this many operations it is compiled without optimisation when it has no
# loop, or belongs to a library module (clang at -O1 or -O2 took 115 s on _collections_abc's body of
# 4,600 lines of C, 1.1 s at -O0; the whole unit 2 s with the body optnone)
SMALL_INIT_OPS = 200
# a function whose error exits times its owned registers exceeds this keeps those registers in
# arrays, released by a loop at its shared cleanup. Otherwise clang builds, at that cleanup, a phi of
# every register with an entry per error exit (quadratic): zlib's 600-line inflate loop (1,500 error
# exits, 1,000 registers) took it over 7 minutes to compile, re._parser's _parse 30 s; in arrays
# (loads and stores on the stack, not promoted to machine registers) about 10 s and 2 s.
BIG_CLEANUP = 60000
# a function of at most this many operations, on no cycle of direct calls, is inlined into its
# direct callers (always_inline): clang's own heuristic declines most of them once tagged ints give
# them slow paths, and a call costs more than such a body (callgrind, exact ints: richards 507M ->
# 394M instructions, pystone 255M -> 227M, spectral_norm 88M -> 79M; 64-bit ints gain too)
INLINE_OPS = 40


# int operations on operands known small (ir/ranges.py): (C expression when the result is known
# small as well, fast-path condition without the tag test otherwise; None: no such form)
SMALL_FORMS = {
    "pyrt_int_add": ("({0} + {1})", "!__builtin_add_overflow({0}, {1}, &{out})"),
    "pyrt_int_sub": ("({0} - {1})", "!__builtin_sub_overflow({0}, {1}, &{out})"),
    "pyrt_int_mul": ("(({0} >> 1) * {1})", "!__builtin_mul_overflow({0} >> 1, {1}, &{out})"),
    "pyrt_int_floordiv": ("pyrt_int_floordiv_small({0}, {1})", None),
    "pyrt_int_mod": ("pyrt_int_mod_small({0}, {1})", None),
    "pyrt_int_neg": ("(-{0})", None),
    "pyrt_int_from_i64": ("pyrt_int_small({0})", None),
}
# ... and those whose C expression is right whenever the operands are small (the result is small, or
# not a tagged int)
SMALL_ALWAYS = {
    "pyrt_int_and": "({0} & {1})",
    "pyrt_int_or": "({0} | {1})",
    "pyrt_int_xor": "({0} ^ {1})",
    "pyrt_int_as_index": "({0} >> 1)",
    "pyrt_int_as_i64": "({0} >> 1)",
    "pyrt_int_as_f64": "((double)({0} >> 1))",
}
# split int operations whose fast path tests the tag of every tagged operand (their operands are
# small there: see FunctionEmitter.dying_ints)
TAG_TESTED = {"pyrt_int_add", "pyrt_int_sub", "pyrt_int_mul", "pyrt_int_and", "pyrt_int_or", "pyrt_int_xor",
              "pyrt_int_as_index", "pyrt_int_as_i64", "pyrt_int_floordiv", "pyrt_int_mod", "pyrt_int_as_f64"}
SMALL_COMPARE = {"int_lt": "<", "int_le": "<=", "int_gt": ">", "int_ge": ">=", "int_eq": "==", "int_ne": "!="}


def _has_loop(fn):
    """Does the control-flow graph of fn (exception edges included) have a cycle?"""
    state = {}
    for root in fn.blocks:
        if root in state:
            continue
        stack = [(root, iter(root.successors()))]
        state[root] = 1   # on the DFS stack
        while stack:
            b, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[b] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return True
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(nxt.successors())))
    return False
INLINE_RELEASES = 6   # a return releasing at most this many registers does so in place


class FunctionEmitter:
    def __init__(self, fn, consts, out, library=False, program_ranges=None, clone=False):
        self.fn, self.consts, self.out = fn, consts, out
        # ir/ranges.py:ProgramRanges, and whether this is the clone of fn compiled under the int
        # ranges its direct calls pass (named <cname>_r)
        self.pr, self.clone = program_ranges, clone
        self.cname = fn.cname + "_r" if clone else fn.cname
        self.library = library   # a function of a standard-library module
        self.gen = fn.is_generator
        self.yields = 0
        self.ranges = None    # {id(op): int ranges before op} (ir/ranges.py); None: nothing known
        self.rng_now = None

    def w(self, line):
        self.out.append(line)

    # ------------------------------------------------------------------ naming
    def assign_names(self):
        seen = set()
        for r in self.fn.registers + self.fn.params:
            if r.cname is not None and r.cname in seen:
                continue
            base = "r_" + r.name.replace(".", "_")
            name = base
            n = 1
            while name in seen:
                n += 1
                name = "%s_%d" % (base, n)
            seen.add(name)
            r.cname = ("f->" + name) if self.gen else name

    def regs(self):
        out, seen = [], set()
        for r in self.fn.params + self.fn.registers:
            if id(r) not in seen:
                seen.add(id(r))
                out.append(r)
        return out

    def val(self, a):
        if isinstance(a, ops.Register):
            return a.cname
        if isinstance(a, tuple) and a[0] == "&":
            return "&" + a[1].cname
        return str(a)

    def label(self, block):
        return "L%d" % block.label

    def handler_label(self, op):
        h = op.handler
        if h is None or h is self.fn.error_exit:
            return "L_error"
        return self.label(h)

    def fail(self, op, cond):
        self.w("    if (PYRT_UNLIKELY(%s)) { __line = %d; goto %s; }" % (cond, op.line, self.handler_label(op)))

    # ------------------------------------------------------------------ function
    def signature(self):
        params = ", ".join("%s %s" % (r.rtype.c_type, r.cname if not self.gen else r.cname[3:])
                           for r in self.fn.params) or "void"
        ret = "PyrtObject *" if self.gen else self.fn.ret.c_type
        return "static %s %s(%s)" % (ret, self.cname, params)

    def emit(self):
        self.assign_names()
        if self.gen:
            return self.emit_generator()
        fn = self.fn
        attrs = ""
        n_ops = sum(len(b.ops) for b in fn.blocks)
        if (n_ops > BIG_INIT_OPS and (fn.is_module_init or not _has_loop(fn))) or \
                (fn.is_module_init and n_ops > SMALL_INIT_OPS and (self.library or not _has_loop(fn))):
            # a module body, or a function without a loop, of thousands of operations (a data table:
            # _sysconfigdata's dict of ~1000 entries, pygments' _vim_builtins tuples) runs each
            # operation once per call; optimising it made clang take over 7 minutes
            attrs = "__attribute__((optnone, noinline, cold)) "
        if not attrs and n_ops <= INLINE_OPS and not fn.is_module_init and not fn.recursive:
            attrs = "__attribute__((always_inline)) "
        self.w(attrs + self.signature() + " {")
        if fn.is_module_init:
            self.w("    if (%s) return 0;" % fn.done_cname)
            self.w("    %s = 1;" % fn.done_cname)
        params = set(id(p) for p in fn.params)
        # parameters never stored to stay borrowed from the caller (no incref/decref)
        self.owned = {id(r) for r in self.regs() if id(r) not in params and not r.borrowed} | assigned_params(fn)
        arrays = self.cleanup_arrays(params)
        for r in self.regs():
            if id(r) in params or r.cname.startswith("__ra"):
                continue
            self.w("    %s %s = %s;" % (r.rtype.c_type, r.cname, r.rtype.zero))
        for k, (rtype, regs) in enumerate(arrays):
            self.w("    %s __ra%d[%d] = {%s};" % (rtype.c_type, k, len(regs), rtype.zero))
        self.w("    %s __ret;" % fn.ret.c_type)
        self.w("    int32_t __line = %d;" % fn.line)
        module_init = fn.is_module_init
        self.depth = not module_init and fn.recursive
        if self.depth:   # functions on a cycle of direct calls count depth (RecursionError)
            self.w("    if (Pyrt_EnterCall()) { __ret = %s; goto L_noleave; }" % fn.ret.error_value)
        for p in fn.params:
            if p.rtype.refcounted and id(p) in self.owned:
                self.w("    %s(%s);" % (p.rtype.incref, p.cname))
        self.null_before = known_null(fn, self.owned)
        self.ranges = self.int_ranges()
        self.w("    goto %s;" % self.label(fn.entry))
        for b in fn.blocks:
            if b is fn.error_exit:
                continue
            self.emit_block(b)
        self.w("  L_error:")
        self.w("    Pyrt_TracebackAdd(%s, %s, __line);" % (c_string(fn.source_file), c_string(fn.name)))
        self.w("    __ret = %s;" % fn.ret.error_value)
        self.w("  L_cleanup:")
        for r in self.regs():
            if r.rtype.refcounted and id(r) in self.owned and not r.cname.startswith("__ra"):
                self.w("    %s(%s);" % (r.rtype.release, r.cname))
        for k, (rtype, regs) in enumerate(arrays):
            self.w("    for (int __i = 0; __i < %d; __i++) %s(__ra%d[__i]);" % (len(regs), rtype.release, k))
        self.w("  L_released:")
        if self.depth:
            self.w("    Pyrt_LeaveCall();")
        self.w("  L_noleave:")
        self.w("    return __ret;")
        self.w("}")

    def cleanup_arrays(self, params):
        """[(rtype, registers)]: the owned registers this function keeps in arrays (BIG_CLEANUP),
        renamed to their elements; [] for an ordinary function."""
        fn = self.fn
        held = [r for r in self.regs() if id(r) not in params and r.rtype.refcounted and id(r) in self.owned]
        sites = sum(1 for b in fn.blocks for op in b.ops if op.can_fail())
        if sites * len(held) <= BIG_CLEANUP or self.gen:
            return []
        groups = {}
        for r in held:
            groups.setdefault(r.rtype.name, (r.rtype, []))[1].append(r)
        out = []
        for rtype, regs in groups.values():
            k = len(out)
            slots = {}   # (registers sharing a C name share a slot)
            for r in regs:
                r.cname = slots.setdefault(r.cname, "__ra%d[%d]" % (k, len(slots)))
            out.append((rtype, slots))
        return out

    def emit_block(self, b):
        self.w("  %s:;" % self.label(b))
        self.skip = set()
        for k, op in enumerate(b.ops):
            if id(op) in self.skip:
                continue
            self.block_ops, self.op_index = b.ops, k
            self.null_now = self.null_before.get(id(op), ()) if not self.gen else ()
            self.rng_now = self.ranges.get(id(op)) if self.ranges is not None else None
            getattr(self, "op_" + type(op).__name__)(op)

    def dying_ints(self, op):
        """The tagged-int operands of op that the Clears right after it release (their last use):
        an operation whose fast path tests their tags releases them on its slow path only (a small
        word owns nothing), and those Clears are then skipped."""
        regs = [a for a in op.args if isinstance(a, ops.Register) and a.rtype is INT and not a.borrowed]
        out = []
        j = self.op_index + 1
        while j < len(self.block_ops):
            c = self.block_ops[j]
            if not (isinstance(c, ops.Clear) and any(c.reg is r for r in regs) and c.reg is not op.dest
                    and all(c.reg is not x for x in out)):
                break
            out.append(c.reg)
            self.skip.add(id(c))
            j += 1
        return out

    def rel(self, d):
        """Release what an owned register held before it is stored to (nothing when it is known
        to be NULL here: a temporary's first definition, or after its Clear)."""
        if id(d) in self.null_now or not d.rtype.refcounted or d.borrowed or self.small(d):
            return ""
        return "%s(%s); " % (d.rtype.release, d.cname)

    def int_ranges(self):
        if self.pr is None:
            return ranges.int_ranges(self.fn)
        return self.pr.states.get((id(self.fn), self.clone))

    def small(self, a):
        """Is a (a tagged-int register) certainly a small int when the current op starts?"""
        return (self.rng_now is not None and isinstance(a, ops.Register) and a.rtype is INT
                and ranges.is_small(ranges.get(self.rng_now, a)))

    def small_result(self, op):
        return self.rng_now is not None and ranges.is_small(
            ranges.result(op, self.rng_now, self.pr.returns if self.pr is not None else None))

    # ------------------------------------------------------------------ generators
    def emit_generator(self):
        fn = self.fn
        frame = "pyfr_" + fn.cname
        regs = self.regs()
        self.w("struct %s {" % frame)
        for r in regs:
            ctype = "PyrtObject *" if r.rtype is PTR else r.rtype.c_type
            self.w("    %s %s;" % (ctype, r.cname[3:]))
        self.w("    int32_t __dummy;")
        self.w("};")
        # clear: release every owned reference of the frame
        self.w("static void pyclr_%s(PyrtGenerator *g) {" % fn.cname)
        self.w("    struct %s *f = (struct %s *)g->frame;" % (frame, frame))
        self.w("    if (!f) return;")
        for r in regs:
            if r.rtype is OBJ or r is fn.closure_reg:
                self.w("    PYRT_CLEAR(%s);" % r.cname)
            elif r.rtype.refcounted and not r.borrowed:
                self.w("    " + r.rtype.clear_c(r.cname))
        for b in fn.blocks:   # a handled exception parked at a yield (ops.Yield.held)
            for op in b.ops:
                if isinstance(op, ops.Yield) and op.held is not None:
                    self.w("    PYRT_CLEAR(%s);" % op.held.cname)
        self.w("}")
        # traverse: what clear releases, for the cycle collector (while suspended)
        self.w("static void pytrv_%s(PyrtGenerator *g, void (*visit)(PyrtObject *, void *), void *arg) {" % fn.cname)
        self.w("    struct %s *f = (struct %s *)g->frame;" % (frame, frame))
        for r in regs:
            if r.rtype is OBJ or r is fn.closure_reg:
                self.w("    visit(%s, arg);" % r.cname)
        for b in fn.blocks:
            for op in b.ops:
                if isinstance(op, ops.Yield) and op.held is not None:
                    self.w("    visit(%s, arg);" % op.held.cname)
        self.w("    (void)f;")
        self.w("}")
        resume = "pyres_" + fn.cname
        self.w("static PyrtObject *%s(PyrtGenerator *g, PyrtObject *__sent) {" % resume)
        self.w("    struct %s *f = (struct %s *)g->frame;" % (frame, frame))
        self.w("    PyrtObject *__ret = NULL;")
        self.w("    int32_t __line = %d;" % fn.line)
        self.w("    if (Pyrt_EnterCall()) { g->state = -1; pyclr_%s(g); return NULL; }" % fn.cname)
        self.ranges = self.int_ranges()
        self.w("    switch (g->state) {")
        self.w("    case 0: goto %s;" % self.label(fn.entry))
        n = sum(1 for b in fn.blocks for op in b.ops if isinstance(op, ops.Yield))
        for k in range(1, n + 1):
            self.w("    case %d: goto L_resume%d;" % (k, k))
        self.w("    default: Pyrt_LeaveCall(); return NULL;")
        self.w("    }")
        for b in fn.blocks:
            if b is fn.error_exit:
                continue
            self.emit_block(b)
        self.w("  L_error:")
        self.w("    Pyrt_TracebackAdd(%s, %s, __line);" % (c_string(fn.source_file), c_string(fn.name)))
        self.w("  L_cleanup:")
        self.w("    g->state = -1;")
        self.w("    pyclr_%s(g);" % fn.cname)
        self.w("    Pyrt_LeaveCall();")
        self.w("    return NULL;")
        self.w("  L_suspend:")
        self.w("    Pyrt_LeaveCall();")
        self.w("    return __ret;")
        self.w("}")
        # the typed entry: build the frame and the generator object
        self.w(self.signature() + " {")
        self.w("    struct %s *f = (struct %s *)Pyrt_Malloc(sizeof(struct %s));" % (frame, frame, frame))
        self.w("    if (!f) return NULL;")
        self.w("    memset(f, 0, sizeof(*f));")
        for p in fn.params:
            self.w("    %s = %s;" % (p.cname, p.cname[3:]))
            if p.rtype in (OBJ, PTR):
                self.w("    Pyrt_IncRef(%s);" % p.cname)
            elif p.rtype.refcounted:
                self.w("    %s(%s);" % (p.rtype.incref, p.cname))
        if fn.coroutine:   # (an async def: the same generator machinery, the type of its object differs)
            self.w("    return PyrtGen_NewKind(%s, %s, pyclr_%s, pytrv_%s, f, %s);" % (
                c_string(fn.name), resume, fn.cname, fn.cname,
                "&PyrtType_Coroutine" if fn.coroutine == "coroutine" else "&PyrtType_AsyncGenerator"))
        else:
            self.w("    return PyrtGen_New(%s, %s, pyclr_%s, pytrv_%s, f);" % (c_string(fn.name), resume, fn.cname,
                                                                          fn.cname))
        self.w("}")

    # ------------------------------------------------------------------ ops
    def store_new(self, op, dest, expr, null_is_error=True):
        """dest = expr where expr returns a new reference (NULL on error)."""
        self.w("    { PyrtObject *__t = %s;" % expr)
        if null_is_error:
            self.w("      if (PYRT_UNLIKELY(__t == NULL)) { __line = %d; goto %s; }" % (op.line, self.handler_label(op)))
        self.w("      %s%s = __t; }" % (self.rel(dest), dest.cname))

    def store_counted(self, op, dest, expr, check=None):
        """dest = expr for a counted unboxed representation (a tagged int): expr gives a new value;
        check (a C condition on __t) sends errors to the handler before dest is touched."""
        assert not dest.borrowed, dest
        self.w("    { %s __t = %s;" % (dest.rtype.c_type, expr))
        if check:
            self.w("      if (PYRT_UNLIKELY(%s)) { __line = %d; goto %s; }" % (check, op.line, self.handler_label(op)))
        self.w("      %s%s = __t; }" % (self.rel(dest), dest.cname))

    def op_Assign(self, op):
        d, s = op.dest, op.src
        if d is s:
            return
        if d.rtype.refcounted and op.move:
            assert not d.borrowed and not s.borrowed
            self.w("    %s%s = %s; %s = %s;" % (self.rel(d), d.cname, s.cname, s.cname, s.rtype.zero))
        elif d.rtype.refcounted and not d.borrowed and self.small(s):
            self.w("    %s%s = %s;" % (self.rel(d), d.cname, s.cname))
        elif d.rtype.refcounted and not d.borrowed:
            self.w("    { %s __t = %s; %s(__t); %s%s = __t; }"
                   % (d.rtype.c_type, s.cname, d.rtype.incref, self.rel(d), d.cname))
        else:
            self.w("    %s = %s;" % (d.cname, s.cname))

    def op_LoadLiteral(self, op):
        d, v = op.dest, op.value
        if d.rtype is OBJ or d.rtype is PTR:
            if v is None:
                expr = "Pyrt_None"
            elif isinstance(v, (str, bytes)):
                expr = self.consts.ref(v)
            elif isinstance(v, bool):
                expr = "Pyrt_True" if v else "Pyrt_False"
            elif isinstance(v, int) and not -2**63 < v < 2**63:
                expr = self.consts.ref(v)   # an immortal constant
            elif isinstance(v, int):
                self.store_new(op, d, "PyrtInt_FromI64(%dLL)" % v)
                return
            else:
                self.store_new(op, d, "PyrtFloat_FromDouble(%s)" % _c_double(v))
                return
            if d.rtype is PTR:
                self.w("    %s = %s;" % (d.cname, expr))
            else:
                self.w("    %s%s = %s;" % (self.rel(d), d.cname, expr))
            return
        if d.rtype is INT:
            assert isinstance(v, int), v
            if -2**62 <= v < 2**62:
                self.w("    %s%s = %s;" % (self.rel(d), d.cname, _c_int(int(v) * 2)))
            else:
                self.w("    %s%s = pyrt_int_of_obj(%s);" % (self.rel(d), d.cname, self.consts.ref(int(v))))
        elif isinstance(v, bool):
            self.w("    %s = %d;" % (d.cname, int(v)))
        elif isinstance(v, int):
            self.w("    %s = %s;" % (d.cname, _c_int(v)))
        elif isinstance(v, float):
            self.w("    %s = %s;" % (d.cname, _c_double(v)))
        else:
            raise AssertionError("literal %r into %s" % (v, d.rtype))

    def call_text(self, op):
        args = []
        for i, a in enumerate(op.args):
            args.append(self.val(a))
        return "%s(%s)" % (op.fn, ", ".join(args))

    def op_CallC(self, op):
        for i in op.steals:
            self.w("    Pyrt_IncRef(%s);" % self.val(op.args[i]))
        if op.fn == "Pyrt_ExcEnterHandler":   # an exception caught here: its traceback names this frame
            self.w("    Pyrt_TracebackCatch(%s, %s, %s, __line);"
                   % (self.val(op.args[0]), c_string(self.fn.source_file), c_string(self.fn.name)))
        if (op.fn in SMALL_FORMS or op.fn in SMALL_ALWAYS) and op.dest is not None and self.small_call(op):
            return
        p = primitives.ALL.get(op.fn)
        if p is not None and p.fast is not None and op.dest is not None:
            self.split_call(op, p)
            return
        text = self.call_text(op)
        if op.moves:   # the callee consumed these references, whether it failed or not
            assert op.dest is None and op.error_kind in (ops.ERR_NEG, ops.ERR_ALWAYS)
            cleared = " ".join("%s = NULL;" % self.val(op.args[i]) for i in op.moves)
            if op.error_kind == ops.ERR_ALWAYS:
                line = "" if op.keep_line else "__line = %d; " % op.line
                self.w("    %s; %s %sgoto %s;" % (text, cleared, line, self.handler_label(op)))
                return
            self.w("    { int __r = %s; %s if (PYRT_UNLIKELY(__r < 0)) { __line = %d; goto %s; } }"
                   % (text, cleared, op.line, self.handler_label(op)))
            return
        self.emit_result(op, op.dest, text, op.error_kind, op.borrowed)

    def small_call(self, op):
        """An int operation whose int operands are known small (ir/ranges.py): no tag test, and no
        overflow branch either when the result is known small too. False when that is not known."""
        if not all(self.small(a) for a in op.args if isinstance(a, ops.Register) and a.rtype is INT):
            return False
        args = [self.val(a) for a in op.args]
        d = op.dest
        if op.fn in SMALL_ALWAYS:
            self.w("    %s%s = %s;" % (self.rel(d), d.cname, SMALL_ALWAYS[op.fn].format(*args)))
            return True
        plain, checked = SMALL_FORMS[op.fn]
        if plain is not None and self.small_result(op):
            self.w("    %s%s = %s;" % (self.rel(d), d.cname, plain.format(*args)))
            return True
        if checked is None:
            return False
        self.w("    { %s __t;" % d.rtype.c_type)
        self.w("      if (PYRT_UNLIKELY(!(%s))) {" % checked.format(*args, out="__t"))
        self.w("        __t = %s;" % primitives.ALL[op.fn].slow.format(*args))
        self.w("        if (PYRT_UNLIKELY(%s)) { __line = %d; goto %s; }"
               % (d.rtype.err_test % "__t", op.line, self.handler_label(op)))
        self.w("      }")
        self.w("      %s%s = __t; }" % (self.rel(d), d.cname))
        return True

    def split_call(self, op, p):
        """dest = fn(args) as its fast path inline and the failing slow call out of line: the error
        test is on the slow path only (a small-int add is an add, an overflow branch and a store)."""
        args = [self.val(a) for a in op.args]
        d = op.dest
        fast = p.fast.format(*args, out="__t")
        slow = p.slow.format(*args)
        dying = self.dying_ints(op) if op.fn in TAG_TESTED else []
        self.w("    { %s __t;" % d.rtype.c_type)
        self.w("      if (PYRT_UNLIKELY(!(%s))) {" % fast)
        self.w("        __t = %s;" % slow)
        self.w("        if (PYRT_UNLIKELY(%s)) { __line = %d; goto %s; }"
               % (d.rtype.err_test % "__t", op.line, self.handler_label(op)))
        for r in dying:   # (on an error they stay: the handler's path releases them)
            self.w("        pyrt_int_decref(%s);" % r.cname)
        self.w("      }")
        for r in dying:
            self.w("      %s = 0;" % r.cname)
        self.w("      %s%s = __t; }" % (self.rel(d), d.cname))

    def emit_result(self, op, dest, text, kind, borrowed=False):
        if dest is None:
            cond = {ops.ERR_NULL: "(%s) == NULL", ops.ERR_NEG: "(%s) < 0", ops.ERR_ALWAYS: "((void)(%s), 1)",
                    ops.ERR_FLAG: "((void)(%s), pyrt_exc != NULL)"}.get(kind)
            if cond is None:
                self.w("    %s;" % text)
            elif op.keep_line:
                self.w("    if (PYRT_UNLIKELY(%s)) goto %s;" % (cond % text, self.handler_label(op)))
            else:
                self.w("    if (PYRT_UNLIKELY(%s)) { __line = %d; goto %s; }"
                       % (cond % text, op.line, self.handler_label(op)))
            return
        if dest.rtype is OBJ:
            self.w("    { PyrtObject *__t = %s;" % text)
            if kind in (ops.ERR_NULL, ops.ERR_ALWAYS):
                self.w("      if (PYRT_UNLIKELY(__t == NULL)) { __line = %d; goto %s; }" % (op.line, self.handler_label(op)))
            elif kind == ops.ERR_FLAG:
                self.w("      if (PYRT_UNLIKELY(pyrt_exc != NULL)) { __line = %d; goto %s; }" % (op.line, self.handler_label(op)))
            if borrowed:
                self.w("      Pyrt_XIncRef(__t);")
            self.w("      %s%s = __t; }" % (self.rel(dest), dest.cname))
            return
        if dest.rtype.refcounted:
            check = {ops.ERR_MAGIC: dest.rtype.err_test % "__t", ops.ERR_FLAG: "pyrt_exc != NULL",
                     ops.ERR_ALWAYS: "1", ops.ERR_NEVER: None}[kind]
            self.store_counted(op, dest, text, check)
            return
        self.w("    %s = %s;" % (dest.cname, text))
        if kind == ops.ERR_MAGIC:
            self.fail(op, dest.rtype.err_test % dest.cname)
        elif kind == ops.ERR_NEG:
            self.fail(op, "%s < 0" % dest.cname)
        elif kind in (ops.ERR_FLAG,):
            self.fail(op, "pyrt_exc != NULL")
        elif kind == ops.ERR_NULL:
            self.fail(op, "%s == NULL" % dest.cname)
        elif kind == ops.ERR_ALWAYS:
            self.fail(op, "1")

    def op_CallVec(self, op):
        kwn = len(op.kwnames) if op.kwnames else 0
        n = len(op.args)
        items = ", ".join(self.val(a) for a in op.args) or "NULL"
        prefix = "".join(self.val(p) + ", " for p in op.prefix)
        kw = self.consts.kwnames(op.kwnames) if op.kwnames else "NULL"
        tail = (", %s" % kw if op.with_kwnames else "") + "".join(", " + x for x in op.suffix)
        self.w("    { PyrtObject *__argv[%d] = {%s};" % (max(n, 1), items))
        text = "%s(%s__argv, %d%s)" % (op.fn, prefix, n - kwn, tail)
        self.emit_result(op, op.dest, text, op.error_kind)
        self.w("    }")

    def op_CheckedC(self, op):
        args = ", ".join(self.val(a) for a in op.args)
        self.fail(op, "%s(%s, &%s)" % (op.fn, args, op.dest.cname))

    def op_Expr(self, op):
        if op.prim in SMALL_COMPARE and all(self.small(a) for a in op.args):
            # tagged words of small ints compare as the ints do
            self.w("    %s = (int8_t)(%s %s %s);" % (op.dest.cname, self.val(op.args[0]), SMALL_COMPARE[op.prim],
                                                   self.val(op.args[1])))
            return
        text = primitives.ALL[op.prim].template.format(*[self.val(a) for a in op.args])
        if op.prim in SMALL_COMPARE and all(isinstance(a, ops.Register) and a.rtype is INT for a in op.args):
            dying = self.dying_ints(op)
            if dying:   # released on the slow path only (see dying_ints)
                a, b = self.val(op.args[0]), self.val(op.args[1])
                self.w("    if (PYRT_LIKELY(!((%s | %s) & 1))) %s = (int8_t)(%s %s %s);"
                       % (a, b, op.dest.cname, a, SMALL_COMPARE[op.prim], b))
                self.w("    else { %s = %s; %s }" % (op.dest.cname, text,
                                                    " ".join("pyrt_int_decref(%s);" % r.cname for r in dying)))
                self.w("    %s" % " ".join("%s = 0;" % r.cname for r in dying))
                return
        if op.dest.rtype is OBJ:
            self.w("    { PyrtObject *__t = %s; Pyrt_IncRef(__t); %s%s = __t; }"
                   % (text, self.rel(op.dest), op.dest.cname))
        elif op.dest.rtype.refcounted:
            self.store_counted(op, op.dest, text)
        else:
            self.w("    %s = %s;" % (op.dest.cname, text))

    def op_Call(self, op):
        f = op.func
        args = ", ".join(self.val(a) for a in op.args)
        callee = (self.pr.clone_name(f) if self.pr is not None else None) or f.cname
        text = "%s(%s)" % (callee, args)
        rt = f.ret if not f.is_generator else OBJ
        if op.dest is None:
            cond = rt.err_test % text
            self.w("    if (PYRT_UNLIKELY(%s)) { __line = %d; goto %s; }" % (cond, op.line, self.handler_label(op)))
            return
        if rt is OBJ:
            self.store_new(op, op.dest, text)
            return
        if rt.refcounted:
            self.store_counted(op, op.dest, text, rt.err_test % "__t")
            return
        d = op.dest.cname
        self.w("    %s = %s;" % (d, text))
        self.fail(op, rt.err_test % d)

    def op_Box(self, op):
        s = op.src
        if s.rtype is BOOL:   # True and False are immortal: no allocation can fail
            self.w("    %s%s = Pyrt_BoolFromC(%s);" % (self.rel(op.dest), op.dest.cname, s.cname))
        else:
            self.store_new(op, op.dest, "%s(%s)" % (s.rtype.box, s.cname))

    def op_Unbox(self, op):
        d, s = op.dest, op.src
        fn = d.rtype.unbox_checked if op.checked else d.rtype.unbox
        if d.rtype.refcounted:
            self.store_counted(op, d, "%s(%s)" % (fn, s.cname), "pyrt_exc != NULL" if op.checked else None)
            return
        self.w("    %s = %s(%s);" % (d.cname, fn, s.cname))
        if op.checked:
            self.fail(op, "pyrt_exc != NULL")

    def field_ref(self, obj, cls, field):
        return "((struct %s *)%s)->%s" % (cls.cname, obj.cname, field.cname)

    def op_GetField(self, op):
        f, obj, d = op.field, op.obj, op.dest
        ref = self.field_ref(obj, op.cls, f)
        if f.rtype is OBJ:
            defined = "%s != NULL" % ref
        else:
            defined = "(((PyrtInstance *)%s)->defined >> %d) & 1" % (obj.cname, f.bit)
        if op.always_set:
            defined = "1"   # initialised by every __init__ before anything can see the object
        if op.maybe_none:
            defined = "%s != Pyrt_None && (%s)" % (obj.cname, defined)
        self.w("    if (PYRT_LIKELY(%s)) {" % defined)
        if d.rtype is PTR:
            self.w("      %s = %s;" % (d.cname, ref))
        elif d.rtype.refcounted and d.borrowed:
            self.w("      %s = %s;" % (d.cname, ref))
        elif d.rtype.refcounted:
            self.w("      %s __t = %s; %s(__t); %s%s = __t;" % (d.rtype.c_type, ref, d.rtype.incref,
                                                             self.rel(d), d.cname))
        else:
            self.w("      %s = %s;" % (d.cname, ref))
        self.w("    } else {")
        self.w("      PyrtObject *__t = Pyrt_GetAttr(%s, %s);" % (obj.cname, self.consts.ref(f.name)))
        self.w("      if (PYRT_UNLIKELY(__t == NULL)) { __line = %d; goto %s; }" % (op.line, self.handler_label(op)))
        if d.rtype is PTR:
            sp = op.spill.cname
            self.w("      Pyrt_XDecRef(%s); %s = __t; %s = __t;" % (sp, sp, d.cname))
        elif d.rtype is OBJ:
            self.w("      %s%s = __t;" % (self.rel(d), d.cname))
        elif d.rtype.refcounted:
            self.w("      %s __x = %s(__t); Pyrt_DecRef(__t);" % (d.rtype.c_type, d.rtype.unbox_checked))
            self.w("      if (PYRT_UNLIKELY(pyrt_exc != NULL)) { __line = %d; goto %s; }" % (op.line, self.handler_label(op)))
            if d.borrowed:   # the spill register owns what the fallback lookup made
                sp = op.spill.cname
                self.w("      %s(%s); %s = __x; %s = __x;" % (d.rtype.release, sp, sp, d.cname))
            else:
                self.w("      %s%s = __x;" % (self.rel(d), d.cname))
        else:
            conv = d.rtype.unbox_checked
            self.w("      %s = %s(__t); Pyrt_DecRef(__t);" % (d.cname, conv))
            self.w("      if (PYRT_UNLIKELY(pyrt_exc != NULL)) { __line = %d; goto %s; }" % (op.line, self.handler_label(op)))
        self.w("    }")

    def op_SetField(self, op):
        f = op.field
        ref = self.field_ref(op.obj, op.cls, f)
        if f.rtype is OBJ and op.move:
            self.w("    { PyrtObject *__o = %s; %s = %s; %s = NULL; Pyrt_XDecRef(__o); }"
                   % (ref, ref, op.src.cname, op.src.cname))
        elif f.rtype is OBJ:
            self.w("    { PyrtObject *__o = %s; Pyrt_IncRef(%s); %s = %s; Pyrt_XDecRef(__o); }"
                   % (ref, op.src.cname, ref, op.src.cname))
        else:
            bit = "" if op.bit_set else (" ((PyrtInstance *)%s)->defined |= (uint64_t)1 << %d;" % (op.obj.cname, f.bit))
            if f.rtype.refcounted and op.move:   # (an unset field holds the zero value)
                self.w("    { %s __o = %s; %s = %s; %s = %s;%s %s(__o); }"
                       % (f.rtype.c_type, ref, ref, op.src.cname, op.src.cname, f.rtype.zero, bit, f.rtype.release))
            elif f.rtype.refcounted:
                self.w("    { %s __o = %s; %s(%s); %s = %s;%s %s(__o); }"
                       % (f.rtype.c_type, ref, f.rtype.incref, op.src.cname, ref, op.src.cname, bit, f.rtype.release))
            else:
                self.w("    %s = %s;%s" % (ref, op.src.cname, bit))

    def op_LoadStatic(self, op):
        g, d = op.gvar, op.dest
        if g.rtype is OBJ:
            if op.check:
                self.w("    if (PYRT_UNLIKELY(%s == NULL)) { Pyrt_ErrNameError(%s); __line = %d; goto %s; }"
                       % (g.cname, c_string(g.pyname), op.line, self.handler_label(op)))
            if d is None:
                return
            if d.rtype is PTR:
                self.w("    %s = %s;" % (d.cname, g.cname))
            elif d.rtype is OBJ:
                self.w("    { PyrtObject *__t = %s; Pyrt_XIncRef(__t); %s%s = __t; }"
                       % (g.cname, self.rel(d), d.cname))
            else:
                self.w("    %s = %s;" % (d.cname, g.cname))
        else:
            if op.check:
                self.w("    if (PYRT_UNLIKELY(!pyd_%s)) { Pyrt_ErrNameError(%s); __line = %d; goto %s; }"
                       % (g.cname, c_string(g.pyname), op.line, self.handler_label(op)))
            if d is not None and d.rtype.refcounted and d.borrowed:
                self.w("    %s = %s;" % (d.cname, g.cname))
            elif d is not None and d.rtype.refcounted:
                self.w("    { %s __t = %s; %s(__t); %s%s = __t; }"
                       % (d.rtype.c_type, g.cname, d.rtype.incref, self.rel(d), d.cname))
            elif d is not None:
                self.w("    %s = %s;" % (d.cname, g.cname))

    def op_StoreStatic(self, op):
        g, s = op.gvar, op.src
        if g.rtype is OBJ and op.move:
            self.w("    { PyrtObject *__o = %s; %s = %s; %s = NULL; Pyrt_XDecRef(__o); }"
                   % (g.cname, g.cname, s.cname, s.cname))
        elif g.rtype is OBJ:
            self.w("    { PyrtObject *__o = %s; Pyrt_IncRef(%s); %s = %s; Pyrt_XDecRef(__o); }"
                   % (g.cname, s.cname, g.cname, s.cname))
        elif g.rtype.refcounted:   # (an unset global holds the zero value)
            if op.move:
                self.w("    { %s __o = %s; %s = %s; %s = %s; pyd_%s = 1; %s(__o); }"
                       % (g.rtype.c_type, g.cname, g.cname, s.cname, s.cname, g.rtype.zero, g.cname, g.rtype.release))
            else:
                self.w("    { %s __o = %s; %s(%s); %s = %s; pyd_%s = 1; %s(__o); }"
                       % (g.rtype.c_type, g.cname, g.rtype.incref, s.cname, g.cname, s.cname, g.cname, g.rtype.release))
        else:
            self.w("    %s = %s; pyd_%s = 1;" % (g.cname, s.cname, g.cname))

    def op_DelStatic(self, op):
        g = op.gvar
        if g.rtype is OBJ:
            self.w("    if (PYRT_UNLIKELY(%s == NULL)) { Pyrt_ErrNameError(%s); __line = %d; goto %s; }"
                   % (g.cname, c_string(g.pyname), op.line, self.handler_label(op)))
            self.w("    PYRT_CLEAR(%s);" % g.cname)
        else:
            self.w("    if (PYRT_UNLIKELY(!pyd_%s)) { Pyrt_ErrNameError(%s); __line = %d; goto %s; }"
                   % (g.cname, c_string(g.pyname), op.line, self.handler_label(op)))
            self.w("    pyd_%s = 0;" % g.cname)
            if g.rtype.refcounted:
                self.w("    { %s __o = %s; %s = %s; %s(__o); }" % (g.rtype.c_type, g.cname, g.cname, g.rtype.zero,
                                                              g.rtype.release))

    def op_CheckBound(self, op):
        cond = ("!%s" % op.flag.cname) if op.flag is not None else ("%s == NULL" % op.reg.cname)
        self.w("    if (PYRT_UNLIKELY(%s)) { Pyrt_ErrUnboundLocal(%s); __line = %d; goto %s; }"
               % (cond, c_string(op.name), op.line, self.handler_label(op)))

    def op_Unbind(self, op):
        if op.reg.rtype is OBJ:
            self.w("    PYRT_CLEAR(%s);" % op.reg.cname)
        elif op.reg.rtype.refcounted and not op.reg.borrowed:
            self.clear(op.reg)
        elif op.reg.rtype.refcounted:
            self.w("    %s = %s;" % (op.reg.cname, op.reg.rtype.zero))
        elif op.reg.rtype is PTR:
            self.w("    %s = NULL;" % op.reg.cname)
        if op.flag is not None:
            self.w("    %s = 0;" % op.flag.cname)

    def op_Yield(self, op):
        self.yields += 1
        k = self.yields
        if op.held is not None:   # the caller sees its own handled exception while this one waits
            self.w("    %s = Pyrt_ExcSuspend(%s);" % (op.held.cname, op.token.cname))
        self.w("    Pyrt_IncRef(%s); __ret = %s; g->state = %d; goto L_suspend;" % (op.value.cname, op.value.cname, k))
        self.w("  L_resume%d:;" % k)
        if op.held is not None:
            self.w("    %s = Pyrt_ExcResume(%s, %s); %s = NULL;"
                   % (op.token.cname, op.held.cname, op.token.cname, op.held.cname))
        self.w("    if (PYRT_UNLIKELY(pyrt_exc != NULL)) { __line = %d; goto %s; }" % (op.line, self.handler_label(op)))
        self.w("    { Pyrt_IncRef(__sent); Pyrt_XDecRef(%s); %s = __sent; }" % (op.dest.cname, op.dest.cname))

    def op_Clear(self, op):
        if op.reg.rtype is OBJ:
            self.w("    PYRT_CLEAR(%s);" % op.reg.cname)
        elif op.reg.borrowed or self.small(op.reg):
            self.w("    %s = %s;" % (op.reg.cname, op.reg.rtype.zero))
        else:
            self.clear(op.reg)

    def clear(self, r):
        self.w("    " + r.rtype.clear_c(r.cname))

    def op_Goto(self, op):
        self.w("    goto %s;" % self.label(op.target))

    def op_Branch(self, op):
        self.w("    if (%s) goto %s; else goto %s;" % (op.cond.cname, self.label(op.true), self.label(op.false)))

    def op_Return(self, op):
        if self.gen:
            self.w("    goto L_cleanup;")
            return
        moved = None
        if self.fn.ret is VOID:
            self.w("    __ret = 0;")
        elif self.fn.ret.refcounted and op.value.rtype is self.fn.ret and id(op.value) in self.owned:
            # move the reference out (the register is dead after the return)
            self.w("    __ret = %s; %s = %s;" % (op.value.cname, op.value.cname, self.fn.ret.zero))
            moved = op.value
        elif self.fn.ret.refcounted:
            self.w("    __ret = %s; %s(__ret);" % (op.value.cname, self.fn.ret.incref))
        else:
            self.w("    __ret = %s;" % op.value.cname)
        # release here only what may still be held on this path (the shared cleanup tests every
        # register of the function)
        held = [r for r in self.regs() if r.rtype.refcounted and id(r) in self.owned
                and id(r) not in self.null_now and r is not moved]
        if len(held) > INLINE_RELEASES:
            self.w("    goto L_cleanup;")
            return
        for r in held:
            self.w("    %s(%s);" % (r.rtype.release, r.cname))
        self.w("    goto L_released;")

    def op_Unreachable(self, op):
        self.w("    goto L_error;")

    def op_RaiseFromHandler(self, op):
        self.w("    goto %s;" % self.handler_label(op))

    def op_ErrCheck(self, op):
        self.fail(op, "pyrt_exc != NULL")

    def op_CheckNotNone(self, op):
        self.w("    if (PYRT_UNLIKELY(%s == Pyrt_None)) { Pyrt_ErrNoAttribute(%s, %s); __line = %d; goto %s; }"
               % (op.obj.cname, op.obj.cname, self.consts.ref(op.attr), op.line, self.handler_label(op)))

    def op_Unpack(self, op):
        n = len(op.dests)
        self.w("    { PyrtObject *__u[%d] = {0};" % n)
        self.w("      if (PYRT_UNLIKELY(Pyrt_Unpack(%s, %d, %d, %d, __u) < 0)) { __line = %d; goto %s; }"
               % (op.src.cname, op.before, int(op.star), op.after, op.line, self.handler_label(op)))
        for i, d in enumerate(op.dests):
            self.w("      %s%s = __u[%d];" % (self.rel(d), d.cname, i))
        self.w("    }")


def known_null(fn, owned):
    """For each op, the owned obj registers certainly NULL when it starts (ir/dataflow.py)."""
    params = {id(p) for p in fn.params}
    tracked = frozenset(id(r) for r in fn.registers
                        if r.rtype.refcounted and id(r) in owned and id(r) not in params)
    return empty_registers(fn, tracked, must=True)


def assigned_params(fn):
    """Parameters some op stores into (they must own their reference)."""
    params = {id(p) for p in fn.params}
    out = set()
    for b in fn.blocks:
        for op in b.ops:
            dests = list(op.dests) if isinstance(op, ops.Unpack) else [op.dest]
            if isinstance(op, (ops.Clear, ops.Unbind)):
                dests.append(op.reg)
            for d in dests:
                if d is not None and id(d) in params:
                    out.add(id(d))
    return out


def _c_int(v):
    if v == -2**63:
        return "INT64_MIN"
    return "%dLL" % v


def _c_double(v):
    if v != v:
        return "NAN"
    if v in (float("inf"), float("-inf")):
        return "INFINITY" if v > 0 else "(-INFINITY)"
    return repr(v) if "e" in repr(v) or "." in repr(v) else repr(v) + ".0"
