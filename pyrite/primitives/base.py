"""One runtime C function as the compiler sees it."""


import re

# representations in signatures: the register representations of ir/rtypes.py, plus
#   c     a C constant the lowering spells (a string literal, NULL, a size, an enum value)
#   &i64  the address of a register of that representation (an out-parameter)
_SIG = re.compile(r"^(\w+)(\[[^\]]*\])?\(([^)]*)\) (\w+)$")


class Primitive:
    """name: the C function. sig: how lowering calls it, "RET(ARG, ...) ERR" (a vectorcall function:
    "RET[PREFIX, ...](argv) ERR"): the result's representation (void: none), each argument's, and the
    error kind of ir/ops.py (never, null, neg, flag, true, magic, always). Calls take their error kind
    from here and the verifier checks every call against it; None for helpers only generated code
    or C templates use. user_code: it may run Python code of the program (a dunder, a property, an
    iterator), so it may store to module globals or mutate anything. borrow_safe: it neither runs
    user code nor releases a reference that a borrowed pointer could be relying on, so borrow_temps
    may place it between a borrowed load and that load's use."""

    def __init__(self, name, sig=None, user_code=True, borrow_safe=False):
        assert not (borrow_safe and user_code), name
        self.name, self.user_code, self.borrow_safe = name, user_code, borrow_safe
        self.area = None   # the runtime source file (set by pyrite.primitives)
        self.sig = sig
        self.template = None   # a C expression emitted inline (template_ops.py)
        # split form of an inline function whose fast path cannot fail: `fast` is a C condition
        # computing the result into {out} and true when it did; `slow` the C call otherwise (which
        # may fail). Codegen tests for an error on the slow path only.
        self.fast = self.slow = None
        self.ret = self.args = self.error = None
        self.vector = False
        if sig is not None:
            m = _SIG.match(sig)
            assert m, "bad signature %r of %s" % (sig, name)
            self.ret = m.group(1)
            self.vector = m.group(2) is not None
            if self.vector:
                inner = m.group(2)[1:-1]
                self.args = tuple(a.strip() for a in inner.split(",")) if inner.strip() else ()
                assert m.group(3) == "argv", sig
            else:
                self.args = tuple(a.strip() for a in m.group(3).split(",")) if m.group(3).strip() else ()
            self.error = m.group(4)

    def __repr__(self):
        return "Primitive(%s)" % self.name
