"""One runtime C function as the compiler sees it."""


class Primitive:
    """name: the C function. user_code: it may run Python code of the program (a dunder, a property,
    an iterator), so it may store to module globals or mutate anything. borrow_safe: it neither runs
    user code nor releases a reference that a borrowed pointer could be relying on, so borrow_temps may
    place it between a borrowed load and that load's use."""

    def __init__(self, name, user_code=True, borrow_safe=False):
        assert not (borrow_safe and user_code), name
        self.name, self.user_code, self.borrow_safe = name, user_code, borrow_safe
        self.area = None   # the runtime source file (set by pyrite.primitives)

    def __repr__(self):
        return "Primitive(%s)" % self.name
