__doc__ = "Context Variables"
# (an assignment rather than a docstring: pyrite's `from M import __doc__` finds only an assigned
# __doc__)

# pyrite's `_contextvars`: CPython writes this module in C (Python/context.c, over a HAMT); this is
# a Python version written from CPython 3.11's observable behaviour (results, exception types and
# messages, reprs), compiled with the program. contextvars.py re-exports it; decimal (_pydecimal),
# and through it fractions and statistics, keep their current context in a ContextVar; asyncio
# copies and runs contexts for its callbacks.
#
# The data structure: a Context holds a dict {ContextVar: value} that is never changed once other
# objects may see it. ContextVar.set() and reset() replace the current context's dict with a
# modified copy, so Context.copy() and copy_context() share the dict (O(1)), and iterators and
# copies taken earlier keep seeing the old mapping, as with CPython's persistent HAMT. Contexts
# hold a handful of variables, so copying on write costs little.
#
# Compiled programs run one thread: the current context is one global (CPython keeps one per
# thread). Before any Context.run() it is a base context created with the module, which Python
# code cannot reach except through copy_context() (a copy), as in CPython.
#
# CPython 3.11's test.test_context, run under CPython with this file as `contextvars`' source:
# 19 of the 20 ContextTest tests pass; test_context_threads_1 fails (its threads share the one
# current context); HamtTest tests the C HAMT through _testcapi and does not apply.
# Known differences no test exercises:
# - iteration order is the dict's insertion order (CPython's is the HAMT's, which follows the
#   variables' hashes, themselves derived from addresses).
# - messages for a wrong number of arguments to ContextVar.get/set/reset, Context.copy and
#   copy_context, or for keyword arguments to them, are Python's ("ContextVar.get() got some
#   positional-only arguments passed as keyword arguments") rather than CPython's C ones; those of
#   ContextVar(), Context(), Context.get() and Context.run() are CPython's.
# - a type named in a message is the class's plain name ("unhashable type: 'Context'"; CPython:
#   '_contextvars.Context'); assigning to ContextVar.name, Token.var or Token.old_value raises
#   AttributeError with Python's property message.
# - compiled by pyrite (not under CPython): type(Token.MISSING) and the types of the keys/values/
#   items iterators keep their Python names (_TokenMissing, _ContextKeys, ...; pyrite does not yet
#   apply __qualname__ and __module__ assigned in a class body), and weakref.ref() of a ContextVar
#   or Token succeeds (pyrite does not refuse weak references to __slots__ classes without
#   __weakref__).

__all__ = ["Context", "ContextVar", "Token", "copy_context"]

# a value no one else has: "no value" (unset variable, no default, a token made for an unset var)
_NOVALUE = object()

_GenericAlias = type(list[int])


def _addr(o):
    return "0x%x" % id(o)


def _no_subclass(name):
    raise TypeError("type '_contextvars.%s' is not an acceptable base type" % name)


# ---------------------------------------------------------------- Context
class Context:
    __slots__ = ("_vars", "_prev", "_entered", "__weakref__")

    def __new__(cls, *args, **kwargs):
        if args or kwargs:
            raise TypeError("Context() does not accept any arguments")
        self = object.__new__(cls)
        self._vars = {}
        self._prev = None
        self._entered = False
        return self

    def __init_subclass__(cls, **kwargs):
        _no_subclass("Context")

    def run(self, callable=_NOVALUE, /, *args, **kwargs):
        global _current
        if callable is _NOVALUE:
            raise TypeError("run() missing 1 required positional argument")
        if self._entered:
            raise RuntimeError("cannot enter context: %r is already entered" % (self,))
        self._prev = _current
        self._entered = True
        _current = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        ctx = object.__new__(Context)
        ctx._vars = self._vars
        ctx._prev = None
        ctx._entered = False
        return ctx

    # -- the mapping API (read-only)
    def __getitem__(self, var):
        if type(var) is not ContextVar:
            raise TypeError("a ContextVar key was expected, got %r" % (var,))
        v = self._vars.get(var, _NOVALUE)
        if v is _NOVALUE:
            raise KeyError(var)
        return v

    def get(self, *args):
        n = len(args)
        if n == 1:
            var = args[0]
            default = None
        elif n == 2:
            var, default = args
        elif n == 0:
            raise TypeError("get expected at least 1 argument, got 0")
        else:
            raise TypeError("get expected at most 2 arguments, got %d" % n)
        if type(var) is not ContextVar:
            raise TypeError("a ContextVar key was expected, got %r" % (var,))
        v = self._vars.get(var, _NOVALUE)
        if v is _NOVALUE:
            return default
        return v

    def __contains__(self, var):
        if type(var) is not ContextVar:
            raise TypeError("a ContextVar key was expected, got %r" % (var,))
        return var in self._vars

    def __len__(self):
        return len(self._vars)

    def __iter__(self):
        d = self._vars
        return _ContextKeys(iter(d), len(d))

    def keys(self):
        d = self._vars
        return _ContextKeys(iter(d), len(d))

    def values(self):
        d = self._vars
        return _ContextValues(iter(d.values()), len(d))

    def items(self):
        d = self._vars
        return _ContextItems(iter(d.items()), len(d))

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._vars == other._vars

    __hash__ = None
    __reversed__ = None

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_contextvars.Context' object")


# The iterators Context.keys(), values(), items() and iter(Context) return: CPython's are iterators
# named keys, values and items (not views) whose len() is the context's size. (pyrite does not
# apply __module__ and __qualname__ assigned in a class body yet: _kind names them in the repr.)
class _ContextIter:
    __slots__ = ("_it", "_len")

    def __init__(self, it, n):
        self._it = it
        self._len = n

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __len__(self):
        return self._len

    def __repr__(self):
        return "<%s object at %s>" % (self._kind, _addr(self))


class _ContextKeys(_ContextIter):
    __slots__ = ()
    __module__ = "builtins"
    __qualname__ = "keys"
    _kind = "keys"


class _ContextValues(_ContextIter):
    __slots__ = ()
    __module__ = "builtins"
    __qualname__ = "values"
    _kind = "values"


class _ContextItems(_ContextIter):
    __slots__ = ()
    __module__ = "builtins"
    __qualname__ = "items"
    _kind = "items"


# the current context (one thread); Context.run() switches it
_current = Context()


def copy_context():
    return _current.copy()


# ---------------------------------------------------------------- ContextVar
class ContextVar:
    __slots__ = ("_name", "_default")

    def __new__(cls, *args, **kwargs):
        # the checks in the order CPython's argument parser makes them
        n = len(args)
        if n + len(kwargs) > 2:
            raise TypeError("ContextVar() takes at most 2 arguments (%d given)" % (n + len(kwargs)))
        if n == 0:
            raise TypeError("ContextVar() takes exactly 1 positional argument (0 given)")
        if n > 1:
            raise TypeError("ContextVar() takes at most 1 positional argument (%d given)" % n)
        default = _NOVALUE
        for k in kwargs:
            if k != "default":
                raise TypeError("%r is an invalid keyword argument for ContextVar()" % (k,))
            default = kwargs[k]
        name = args[0]
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self = object.__new__(cls)
        self._name = name
        self._default = default
        return self

    def __init_subclass__(cls, **kwargs):
        _no_subclass("ContextVar")

    @property
    def name(self):
        return self._name

    def get(self, default=_NOVALUE, /):
        v = _current._vars.get(self, _NOVALUE)
        if v is not _NOVALUE:
            return v
        if default is not _NOVALUE:
            return default
        v = self._default
        if v is not _NOVALUE:
            return v
        raise LookupError(self)

    def set(self, value, /):
        ctx = _current
        d = ctx._vars
        tok = object.__new__(Token)
        tok._var = self
        tok._old = d.get(self, _NOVALUE)
        tok._ctx = ctx
        tok._used = False
        d = dict(d)
        d[self] = value
        ctx._vars = d
        return tok

    def reset(self, token, /):
        if type(token) is not Token:
            raise TypeError("expected an instance of Token, got %r" % (token,))
        if token._used:
            raise RuntimeError("%r has already been used once" % (token,))
        if token._var is not self:
            raise ValueError("%r was created by a different ContextVar" % (token,))
        ctx = _current
        if token._ctx is not ctx:
            raise ValueError("%r was created in a different Context" % (token,))
        token._used = True
        d = dict(ctx._vars)
        old = token._old
        if old is _NOVALUE:
            if self not in d:
                raise LookupError(self)
            del d[self]
        else:
            d[self] = old
        ctx._vars = d

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_contextvars.ContextVar' object")

    def __repr__(self):
        if self._default is _NOVALUE:
            return "<ContextVar name=%r at %s>" % (self._name, _addr(self))
        return "<ContextVar name=%r default=%r at %s>" % (self._name, self._default, _addr(self))


# ---------------------------------------------------------------- Token
class _TokenMissing:
    __slots__ = ()
    __module__ = "Token"
    __qualname__ = "MISSING"

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'Token.MISSING' instances")

    def __repr__(self):
        return "<Token.MISSING>"


class Token:
    __slots__ = ("_var", "_old", "_ctx", "_used")

    MISSING = object.__new__(_TokenMissing)

    def __new__(cls, *args, **kwargs):
        raise RuntimeError("Tokens can only be created by ContextVars")

    def __init_subclass__(cls, **kwargs):
        _no_subclass("Token")

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        v = self._old
        if v is _NOVALUE:
            return Token.MISSING
        return v

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    __hash__ = None

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_contextvars.Token' object")

    def __repr__(self):
        return "<Token%s var=%r at %s>" % (" used" if self._used else "", self._var, _addr(self))
