"""The type lattice of whole-program inference, and mutable type slots (union-find) for aliasing.

Types are immutable values except that container element types live in Slots: every alias of a
list shares the list type's Slot, so a store through any alias widens what every alias reads
(Steensgaard-style unification for container contents). A value that flows into a dynamic (DYN)
location "escapes": its container slots become DYN and functions it names lose their typed
parameters, because unknown code may then store anything into it or call it with anything.

    BOTTOM  <  INT, FLOAT < NUM (int | float), BOOL, STR, BYTES, NONE, List[s], Dict[k,v], Set[s], Tuple[..],
               TupleOf[t], Instance[C], Optional[..], Func[f], Class[C], Module[m], ...  <  DYN
"""


class T:
    pointer = True     # represented as an object pointer (can be combined with None as Optional)

    def __repr__(self):
        return self.show()


class Prim(T):
    def __init__(self, name, pointer=True):
        self.name = name
        self.pointer = pointer

    def show(self):
        return self.name


BOTTOM = Prim("never", pointer=False)   # no value reaches it (yet)
DYN = Prim("object")
INT = Prim("int", pointer=False)
FLOAT = Prim("float", pointer=False)
NUM = Prim("int | float", pointer=False)   # held unboxed as a tagged int-or-float (rtypes.NUM)
NUMERIC = (INT, FLOAT, NUM)
BOOL = Prim("bool", pointer=False)
STR = Prim("str")
BYTES = Prim("bytes")
NONE = Prim("None")
RANGE = Prim("range")
FILE = Prim("file")
BFILE = Prim("binary file")   # open(..., mode) with a constant mode containing "b": reads give bytes
SLICE = Prim("slice")


class Slot:
    """A mutable, unifiable type cell (container contents, variables, fields, parameters)."""
    changed = False   # global "something widened" flag of the fixpoint iteration

    def __init__(self, t=BOTTOM, what=""):
        self._t = t
        self.parent = None
        self.what = what
        self.reason = None   # why it became DYN, for `pyrite check`

    def find(self):
        s = self
        while s.parent is not None:
            s = s.parent
        return s

    def get(self):
        return self.find()._t

    def join(self, t, reason=None):
        root = self.find()
        if root._t is DYN:
            escape(t)
            return
        if t is DYN or occurs(root, t):
            # DYN first, then escape the old contents: a cyclic type (`xs, ys = xs` makes a list its own
            # element) would otherwise escape forever
            old = root._t
            if root.reason is None:
                if old is BOTTOM and t is DYN:
                    root.reason = reason or "assigned a value whose type is not known"
                else:
                    root.reason = reason or ("holds %s and %s" % (show(old), "object" if t is DYN else "itself"))
            root._t = DYN
            Slot.changed = True
            escape(old)
            escape(t)
            return
        new = join(root._t, t)
        if new is not root._t and not same(new, root._t):
            if new is DYN and root.reason is None:
                root.reason = reason or "holds %s and %s" % (show(root._t), show(t))
            root._t = new
            Slot.changed = True

    def union(self, other):
        a, b = self.find(), other.find()
        if a is b:
            return
        b.parent = a
        Slot.changed = True
        a.join(b._t)
        if a.reason is None:
            a.reason = b.reason


class ListT(T):
    def __init__(self, elem):
        self.elem = elem   # Slot

    def show(self):
        return "list[%s]" % show(self.elem.get())


class SetT(T):
    def __init__(self, elem):
        self.elem = elem

    def show(self):
        return "set[%s]" % show(self.elem.get())


class DictT(T):
    def __init__(self, key, value):
        self.key, self.value = key, value

    def show(self):
        return "dict[%s, %s]" % (show(self.key.get()), show(self.value.get()))


class TupleT(T):
    def __init__(self, items):
        self.items = tuple(items)

    def show(self):
        return "tuple[%s]" % ", ".join(show(t) for t in self.items)


class TupleOfT(T):
    """A tuple of unknown length with elements of one type."""

    def __init__(self, elem):
        self.elem = elem

    def show(self):
        return "tuple[%s, ...]" % show(self.elem)


class IterT(T):
    """An iterator (generator, enumerate, zip, map, dict view...) yielding `elem` (a Slot)."""

    def __init__(self, elem, kind="iterator"):
        self.elem, self.kind = elem, kind

    def show(self):
        return "%s[%s]" % (self.kind, show(self.elem.get()))


class InstanceT(T):
    def __init__(self, cls):
        self.cls = cls

    def show(self):
        return self.cls.name


class OptionalT(T):
    def __init__(self, inner):
        self.inner = inner

    def show(self):
        return "%s | None" % show(self.inner)


class FuncT(T):
    def __init__(self, func):
        self.func = func

    def show(self):
        return "function %s" % self.func.qualname


class ClassT(T):
    def __init__(self, cls):
        self.cls = cls

    def show(self):
        return "type[%s]" % self.cls.name


class BuiltinT(T):
    """A builtin function, builtin type or builtin exception class used by name."""

    def __init__(self, name):
        self.name = name

    def show(self):
        return "builtin %s" % self.name


class ModuleT(T):
    def __init__(self, module):
        self.module = module

    def show(self):
        return "module %s" % self.module.name


def module_or_optional(t):
    """A module or None (`sys.modules['warnings'] if module is None else module`): the module, whose
    attributes are reached statically once the value is checked not to be None; any other type as is."""
    if isinstance(t, OptionalT) and isinstance(t.inner, ModuleT):
        return t.inner
    return t


# Called with the type of a value passed to a builtin that calls it (a Callable stub parameter); set by
# the running inference, which knows the classes whose __call__ the runtime may then run.
callable_hook = None


def show(t):
    return t.show()


def same(a, b):
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, (ListT, SetT)):
        return a.elem.find() is b.elem.find()
    if isinstance(a, DictT):
        return a.key.find() is b.key.find() and a.value.find() is b.value.find()
    if isinstance(a, IterT):
        return a.elem.find() is b.elem.find()
    if isinstance(a, TupleT):
        return len(a.items) == len(b.items) and all(same(x, y) for x, y in zip(a.items, b.items))
    if isinstance(a, TupleOfT):
        return same(a.elem, b.elem)
    if isinstance(a, (InstanceT, ClassT)):
        return a.cls is b.cls
    if isinstance(a, FuncT):
        return a.func is b.func
    if isinstance(a, BuiltinT):
        return a.name == b.name
    if isinstance(a, ModuleT):
        return a.module is b.module
    if isinstance(a, OptionalT):
        return same(a.inner, b.inner)
    return False


def occurs(slot, t, seen=None):
    """Whether type t contains slot (joining t into slot would make a cyclic type)."""
    if isinstance(t, (ListT, SetT, IterT)):
        subs = [t.elem]
    elif isinstance(t, DictT):
        subs = [t.key, t.value]
    elif isinstance(t, TupleT):
        return any(occurs(slot, x, seen) for x in t.items)
    elif isinstance(t, (TupleOfT, OptionalT)):
        return occurs(slot, t.elem if isinstance(t, TupleOfT) else t.inner, seen)
    else:
        return False
    seen = set() if seen is None else seen
    for sub in subs:
        r = sub.find()
        if r is slot:
            return True
        if id(r) not in seen:
            seen.add(id(r))
            if occurs(slot, r._t, seen):
                return True
    return False


def escape(t):
    """t flows into a dynamic location: whatever it can reach may be mutated or called by unknown code."""
    if isinstance(t, (ListT, SetT, IterT)):
        t.elem.join(DYN, "reaches dynamically typed code")
    elif isinstance(t, DictT):
        t.key.join(DYN, "reaches dynamically typed code")
        t.value.join(DYN, "reaches dynamically typed code")
    elif isinstance(t, TupleT):
        for x in t.items:
            escape(x)
    elif isinstance(t, TupleOfT):
        escape(t.elem)
    elif isinstance(t, OptionalT):
        escape(t.inner)
    elif isinstance(t, FuncT):
        t.func.mark_escaped()
    elif isinstance(t, ClassT):
        t.cls.mark_escaped()
    elif isinstance(t, InstanceT):
        t.cls.note_instance_escape()


def common_base(a, b):
    ancestors = set()
    c = a
    while c is not None:
        ancestors.add(c)
        c = c.base
    c = b
    while c is not None:
        if c in ancestors:
            return c
        c = c.base
    return None


def join(a, b):
    """Least upper bound; unifies container slots of the two sides (aliasing)."""
    if a is BOTTOM:
        return b
    if b is BOTTOM or a is b:
        return a
    if a is DYN or b is DYN:
        escape(a)
        escape(b)
        return DYN
    if type(a) is type(b):
        r = _join_same_kind(a, b)
        if r is not None:
            return r
    if a is NONE and _nullable(b):
        return b if isinstance(b, OptionalT) else OptionalT(b)
    if b is NONE and _nullable(a):
        return a if isinstance(a, OptionalT) else OptionalT(a)
    if isinstance(a, OptionalT) and not isinstance(b, OptionalT) and _nullable(b):
        inner = join(a.inner, b)
        return OptionalT(inner) if inner is not DYN else DYN
    if isinstance(b, OptionalT) and not isinstance(a, OptionalT) and _nullable(a):
        inner = join(a, b.inner)
        return OptionalT(inner) if inner is not DYN else DYN
    if isinstance(a, (TupleT, TupleOfT)) and isinstance(b, (TupleT, TupleOfT)):
        return TupleOfT(join(_tuple_elem(a), _tuple_elem(b)))
    if a in NUMERIC and b in NUMERIC:
        return NUM
    escape(a)
    escape(b)
    return DYN


def _nullable(t):
    """Whether `t | None` has a representation: pointers, and numbers (held boxed when optional)."""
    return t is not NONE and (t.pointer or t in NUMERIC or t is BOOL)


def _tuple_elem(t):
    if isinstance(t, TupleOfT):
        return t.elem
    r = BOTTOM
    for x in t.items:
        r = join(r, x)
    return r


def _join_same_kind(a, b):
    if isinstance(a, (ListT, SetT, IterT)):
        a.elem.union(b.elem)
        return a
    if isinstance(a, DictT):
        a.key.union(b.key)
        a.value.union(b.value)
        return a
    if isinstance(a, TupleT):
        if len(a.items) == len(b.items):
            items = [join(x, y) for x, y in zip(a.items, b.items)]
            if any(t is DYN for t in items) and not all(t is DYN for t in items):
                pass
            return TupleT(items) if not all(same(x, y) for x, y in zip(items, a.items)) else a
        return TupleOfT(join(_tuple_elem(a), _tuple_elem(b)))
    if isinstance(a, TupleOfT):
        e = join(a.elem, b.elem)
        return a if same(e, a.elem) else TupleOfT(e)
    if isinstance(a, InstanceT):
        if a.cls is b.cls:
            return a
        c = common_base(a.cls, b.cls)
        return InstanceT(c) if c is not None else None
    if isinstance(a, OptionalT):
        inner = join(a.inner, b.inner)
        if inner is DYN:
            return DYN
        return a if same(inner, a.inner) else OptionalT(inner)
    if same(a, b):
        return a
    return None


def resolved(t):
    """Final type for lowering: unknown (never assigned) becomes DYN."""
    return DYN if t is BOTTOM else t


def elem_of(t):
    """Element type produced by iterating over a value of type t (BOTTOM if unknown yet)."""
    if isinstance(t, (ListT, SetT, IterT)):
        return t.elem.get()
    if isinstance(t, DictT):
        return t.key.get()
    if t is STR:
        return STR
    if t is BYTES or t is RANGE:
        return INT
    if t is BFILE:
        return BYTES
    if t is FILE:
        return DYN
    if isinstance(t, (TupleT, TupleOfT)):
        return _tuple_elem(t)
    if t is BOTTOM:
        return BOTTOM
    return DYN
