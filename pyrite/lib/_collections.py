"""pyrite's _collections (CPython's is C): deque and defaultdict, with CPython's behaviour and messages.
collections/__init__.py (compiled from CPython's source) has Python fallbacks for the rest."""

from _pyrite_types import GenericAlias as _GenericAlias

__all__ = ["deque", "defaultdict"]

_MISSING = object()


def _check_maxlen(maxlen):
    if maxlen is None:
        return None
    if not isinstance(maxlen, int):
        raise TypeError("an integer is required")
    if maxlen < 0:
        raise ValueError("maxlen must be non-negative")
    return maxlen


class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""

    __slots__ = ("_d", "_h", "_maxlen", "_state", "__weakref__")

    def __init__(self, iterable=(), maxlen=None):
        self._maxlen = _check_maxlen(maxlen)
        self._d = []
        self._h = 0
        self._state = 0
        if iterable is not self:
            self.extend(iterable)

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    def __len__(self):
        return len(self._d) - self._h

    def __bool__(self):
        return len(self._d) > self._h

    def _compact(self):
        if self._h > 32 and self._h * 2 > len(self._d):
            del self._d[:self._h]
            self._h = 0

    def append(self, x):
        """Add an element to the right side of the deque."""
        self._state += 1
        m = self._maxlen
        if m is not None:
            if m == 0:
                return
            if len(self._d) - self._h >= m:
                self._d[self._h] = None
                self._h += 1
                self._compact()
        self._d.append(x)

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._state += 1
        m = self._maxlen
        if m is not None:
            if m == 0:
                return
            if len(self._d) - self._h >= m:
                self._d.pop()
        if self._h == 0:
            n = len(self._d)
            grow = n if n > 8 else 8
            self._d[0:0] = [None] * grow
            self._h = grow
        self._h -= 1
        self._d[self._h] = x

    def pop(self):
        """Remove and return the rightmost element."""
        if len(self._d) == self._h:
            raise IndexError("pop from an empty deque")
        self._state += 1
        x = self._d.pop()
        if len(self._d) == self._h:
            self._d = []
            self._h = 0
        return x

    def popleft(self):
        """Remove and return the leftmost element."""
        if len(self._d) == self._h:
            raise IndexError("pop from an empty deque")
        self._state += 1
        x = self._d[self._h]
        self._d[self._h] = None
        self._h += 1
        if len(self._d) == self._h:
            self._d = []
            self._h = 0
        else:
            self._compact()
        return x

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        """Remove all elements from the deque."""
        self._state += 1
        self._d = []
        self._h = 0

    def copy(self):
        """Return a shallow copy of a deque."""
        if type(self) is deque:
            return deque(self, self._maxlen)
        if self._maxlen is None:
            return type(self)(self)
        return type(self)(self, self._maxlen)

    def __copy__(self):
        return self.copy()

    def count(self, value):
        """Return number of occurrences of value."""
        n = 0
        state = self._state
        for i in range(self._h, len(self._d)):
            if self._d[i] == value:
                n += 1
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return n

    def index(self, value, start=0, stop=9223372036854775807):
        """Return first index of value.

Raises ValueError if the value is not present."""
        n = len(self._d) - self._h
        if start < 0:
            start += n
            if start < 0:
                start = 0
        if stop < 0:
            stop += n
            if stop < 0:
                stop = 0
        if stop > n:
            stop = n
        state = self._state
        for i in range(start, stop):
            if self._d[self._h + i] == value:
                return i
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        raise ValueError("%r is not in deque" % (value,))

    def _norm(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)
        n = len(self._d) - self._h
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("deque index out of range")
        return i

    def insert(self, i, x):
        """Insert value before index."""
        n = len(self._d) - self._h
        if self._maxlen is not None and n >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        if i < 0:
            i += n
            if i < 0:
                i = 0
        if i > n:
            i = n
        self._state += 1
        self._d.insert(self._h + i, x)

    def remove(self, value):
        """Remove first occurrence of value."""
        for i in range(self._h, len(self._d)):
            if self._d[i] == value:
                self._state += 1
                del self._d[i]
                return
        raise ValueError("deque.remove(x): x not in deque")

    def reverse(self):
        """Reverse *IN PLACE*"""
        self._state += 1
        items = self._d[self._h:]
        items.reverse()
        self._d = items
        self._h = 0

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."""
        size = len(self._d) - self._h
        if size <= 1:
            return
        n = n % size
        if n == 0:
            return
        self._state += 1
        items = self._d[self._h:]
        self._d = items[size - n:] + items[:size - n]
        self._h = 0

    def __getitem__(self, i):
        return self._d[self._h + self._norm(i)]

    def __setitem__(self, i, x):
        self._d[self._h + self._norm(i)] = x

    def __delitem__(self, i):
        i = self._norm(i)
        self._state += 1
        del self._d[self._h + i]

    def __contains__(self, x):
        state = self._state
        for i in range(self._h, len(self._d)):
            if self._d[i] == x:
                return True
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return False

    def __iter__(self):
        return _deque_iterator(self, False)

    def __reversed__(self):
        return _deque_iterator(self, True)

    def __repr__(self):
        name = type(self).__name__
        if _repr_enter(self):
            return "[...]"
        try:
            items = repr(self._d[self._h:])
        finally:
            _repr_leave(self)
        if self._maxlen is None:
            return "%s(%s)" % (name, items)
        return "%s(%s, maxlen=%d)" % (name, items, self._maxlen)

    def __reduce__(self):
        return type(self), ((), self._maxlen), None, iter(self)

    def _items(self):
        return self._d[self._h:]

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() == other._items()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() != other._items()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() < other._items()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() <= other._items()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() > other._items()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() >= other._items()

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        new *= n
        return new

    def __rmul__(self, n):
        return self.__mul__(n)

    def __imul__(self, n):
        if not isinstance(n, int):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        if n <= 0:
            self.clear()
            return self
        items = self._items()
        for _ in range(n - 1):
            self.extend(items)
        return self

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)


deque.__module__ = "collections"

_repr_running = set()


def _repr_enter(o):
    key = id(o)
    if key in _repr_running:
        return True
    _repr_running.add(key)
    return False


def _repr_leave(o):
    _repr_running.discard(id(o))


class _deque_iterator:
    __slots__ = ("_deque", "_state", "_i", "_left", "_rev")

    def __init__(self, d, rev):
        self._deque = d
        self._state = d._state
        self._left = len(d)
        self._i = len(d._d) - 1 if rev else d._h
        self._rev = rev

    def __iter__(self):
        return self

    def __next__(self):
        d = self._deque
        if d._state != self._state:
            self._left = 0
            raise RuntimeError("deque mutated during iteration")
        if self._left <= 0:
            raise StopIteration
        x = d._d[self._i]
        self._i += -1 if self._rev else 1
        self._left -= 1
        return x

    def __length_hint__(self):
        return self._left


class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

The default factory is called without arguments to produce
a new value when a key is not present, in __getitem__ only.
A defaultdict compares equal to a dict with the same items.
All remaining arguments are treated the same as if they were
passed to the dict constructor, including keyword arguments.
"""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            frepr = "None"
        elif _repr_enter(factory):
            frepr = "..."
        else:
            try:
                frepr = repr(factory)
            finally:
                _repr_leave(factory)
        return "%s(%s, %s)" % (type(self).__name__, frepr, dict.__repr__(self))

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


defaultdict.__module__ = "collections"
