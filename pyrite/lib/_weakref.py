"""pyrite's _weakref (CPython's is C): ref and proxy as compiled classes. What makes them weak is the
runtime (runtime/src/weakref.c): it keeps the referent of each weak reference without counting it,
clears the reference when the referent dies and then calls its callback. The __pyrite_weakref_*__
builtins are that interface."""

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "ReferenceType", "ProxyType",
           "CallableProxyType", "_remove_dead_weakref"]


def _addr(o):
    return "0x%x" % id(o)


class ReferenceType:
    __slots__ = ("_pyrite_wr_hash",)

    def __new__(cls, ob, callback=None):
        if callback is None and cls is ReferenceType:
            r = __pyrite_weakref_find__(ob, cls)
            if r is not None:
                return r
        self = object.__new__(cls)
        __pyrite_weakref_set__(self, ob, callback)
        self._pyrite_wr_hash = None
        return self

    def __init__(self, ob, callback=None):
        pass

    def __call__(self):
        return __pyrite_weakref_get__(self)

    @property
    def __callback__(self):
        return __pyrite_weakref_callback__(self)

    def __hash__(self):
        h = self._pyrite_wr_hash
        if h is None:
            o = __pyrite_weakref_get__(self)
            if o is None:
                raise TypeError("weak object has gone away")
            h = hash(o)
            self._pyrite_wr_hash = h
        return h

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a = __pyrite_weakref_get__(self)
        b = __pyrite_weakref_get__(other)
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a = __pyrite_weakref_get__(self)
        b = __pyrite_weakref_get__(other)
        if a is None or b is None:
            return self is not other
        return a != b

    def __repr__(self):
        o = __pyrite_weakref_get__(self)
        if o is None:
            return "<weakref at %s; dead>" % _addr(self)
        try:
            name = o.__name__
        except Exception:
            name = None
        if isinstance(name, str):
            return "<weakref at %s; to '%s' at %s (%s)>" % (_addr(self), type(o).__name__, _addr(o), name)
        return "<weakref at %s; to '%s' at %s>" % (_addr(self), type(o).__name__, _addr(o))

    def __class_getitem__(cls, item):
        return cls


ReferenceType.__module__ = "weakref"
ref = ReferenceType


def _unwrap(p):
    o = __pyrite_weakref_get__(p)
    if o is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return o


def _other(x):
    if isinstance(x, (ProxyType, CallableProxyType)):
        return _unwrap(x)
    return x


class ProxyType:
    __slots__ = ()

    def __getattribute__(self, name):
        return getattr(_unwrap(self), name)

    def __setattr__(self, name, value):
        setattr(_unwrap(self), name, value)

    def __delattr__(self, name):
        delattr(_unwrap(self), name)

    def __repr__(self):
        o = _unwrap(self)
        return "<weakproxy at %s to %s at %s>" % (_addr(self), type(o).__name__, _addr(o))

    def __str__(self):
        return str(_unwrap(self))

    def __bytes__(self):
        return bytes(_unwrap(self))

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.%s'" % type(self).__name__)

    def __bool__(self):
        return bool(_unwrap(self))

    def __len__(self):
        return len(_unwrap(self))

    def __iter__(self):
        return iter(_unwrap(self))

    def __next__(self):
        return next(_unwrap(self))

    def __reversed__(self):
        return reversed(_unwrap(self))

    def __contains__(self, item):
        return item in _unwrap(self)

    def __getitem__(self, key):
        return _unwrap(self)[key]

    def __setitem__(self, key, value):
        _unwrap(self)[key] = value

    def __delitem__(self, key):
        del _unwrap(self)[key]

    def __eq__(self, other):
        return _unwrap(self) == _other(other)

    def __ne__(self, other):
        return _unwrap(self) != _other(other)

    def __lt__(self, other):
        return _unwrap(self) < _other(other)

    def __le__(self, other):
        return _unwrap(self) <= _other(other)

    def __gt__(self, other):
        return _unwrap(self) > _other(other)

    def __ge__(self, other):
        return _unwrap(self) >= _other(other)

    def __int__(self):
        return int(_unwrap(self))

    def __float__(self):
        return float(_unwrap(self))

    def __index__(self):
        return _unwrap(self).__index__()

    def __neg__(self):
        return -_unwrap(self)

    def __pos__(self):
        return +_unwrap(self)

    def __abs__(self):
        return abs(_unwrap(self))

    def __invert__(self):
        return ~_unwrap(self)

    def __add__(self, other):
        return _other(self) + _other(other)

    def __radd__(self, other):
        return _other(other) + _unwrap(self)

    def __sub__(self, other):
        return _other(self) - _other(other)

    def __rsub__(self, other):
        return _other(other) - _unwrap(self)

    def __mul__(self, other):
        return _other(self) * _other(other)

    def __rmul__(self, other):
        return _other(other) * _unwrap(self)

    def __truediv__(self, other):
        return _other(self) / _other(other)

    def __rtruediv__(self, other):
        return _other(other) / _unwrap(self)

    def __floordiv__(self, other):
        return _other(self) // _other(other)

    def __rfloordiv__(self, other):
        return _other(other) // _unwrap(self)

    def __mod__(self, other):
        return _other(self) % _other(other)

    def __rmod__(self, other):
        return _other(other) % _unwrap(self)

    def __pow__(self, other):
        return _other(self) ** _other(other)

    def __rpow__(self, other):
        return _other(other) ** _unwrap(self)

    def __lshift__(self, other):
        return _other(self) << _other(other)

    def __rshift__(self, other):
        return _other(self) >> _other(other)

    def __and__(self, other):
        return _other(self) & _other(other)

    def __rand__(self, other):
        return _other(other) & _unwrap(self)

    def __or__(self, other):
        return _other(self) | _other(other)

    def __ror__(self, other):
        return _other(other) | _unwrap(self)

    def __xor__(self, other):
        return _other(self) ^ _other(other)

    def __rxor__(self, other):
        return _other(other) ^ _unwrap(self)

    def __iadd__(self, other):
        o = _unwrap(self)
        o += _other(other)
        return self

    def __isub__(self, other):
        o = _unwrap(self)
        o -= _other(other)
        return self


class CallableProxyType(ProxyType):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return _unwrap(self)(*args, **kwargs)


ProxyType.__module__ = "weakref"
CallableProxyType.__module__ = "weakref"


def proxy(ob, callback=None):
    cls = CallableProxyType if callable(ob) else ProxyType
    if callback is None:
        p = __pyrite_weakref_find__(ob, cls)
        if p is not None:
            return p
    p = object.__new__(cls)
    __pyrite_weakref_set__(p, ob, callback)
    return p


def getweakrefcount(ob):
    return len(__pyrite_weakref_list__(ob))


def getweakrefs(ob):
    return __pyrite_weakref_list__(ob)


def _remove_dead_weakref(d, key):
    try:
        wr = d[key]
    except KeyError:
        return
    if wr() is None:
        del d[key]
