"""types.GenericAlias (list[int]) and types.UnionType (int | str) for compiled programs: CPython writes
them in C (Objects/genericaliasobject.c, Objects/unionobject.c); these follow that code. The runtime
calls them for subscripts and `|` of classes once this module registered them (the compiler imports it
into modules that subscript builtin classes or import types or typing)."""

__all__ = ["GenericAlias", "UnionType"]


def _type_repr(p):
    if p is Ellipsis:
        return "..."
    if p is type(None):
        return "None"
    if isinstance(p, list):
        return "[" + ", ".join([_type_repr(x) for x in p]) + "]"
    if hasattr(p, "__origin__") and hasattr(p, "__args__"):
        return repr(p)
    try:
        qualname = p.__qualname__
        module = p.__module__
    except AttributeError:
        return repr(p)
    if not isinstance(qualname, str) or not isinstance(module, str):
        return repr(p)
    if module == "builtins":
        return qualname
    return "%s.%s" % (module, qualname)


def _collect_parameters(args):
    params = []
    for t in args:
        if isinstance(t, type):
            continue
        if hasattr(t, "__typing_subst__"):
            if t not in params:
                params.append(t)
        else:
            for x in getattr(t, "__parameters__", ()):
                if x not in params:
                    params.append(x)
    return tuple(params)


def _subs_parameters(alias, args, params, item):
    if not isinstance(item, tuple):
        item = (item,)
    if len(item) != len(params):
        raise TypeError("Too %s arguments for %r; actual %d, expected %d"
                        % ("many" if len(item) > len(params) else "few", alias, len(item), len(params)))
    subst = dict(zip(params, item))
    out = []
    for a in args:
        if isinstance(a, type):
            out.append(a)
            continue
        if hasattr(a, "__typing_subst__"):
            out.append(a.__typing_subst__(subst[a]))
            continue
        sub = getattr(a, "__parameters__", ())
        if sub:
            a = a[tuple([subst[p] for p in sub])]
        out.append(a)
    return tuple(out)


_ATTR_EXCEPTIONS = {"__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
                    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
                    "__copy__", "__deepcopy__"}


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    def __new__(cls, origin, args, /):
        self = object.__new__(cls)
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, "__origin__", origin)
        object.__setattr__(self, "__args__", args)
        object.__setattr__(self, "__parameters__", _collect_parameters(args))
        object.__setattr__(self, "__unpacked__", False)
        return self

    def __init__(self, origin, args, /):
        pass

    def __getattr__(self, name):
        if name in _ATTR_EXCEPTIONS or name.startswith("__") and name.endswith("__") and name not in (
                "__name__", "__qualname__", "__module__", "__doc__"):
            raise AttributeError("'types.GenericAlias' object has no attribute '%s'" % name)
        return getattr(object.__getattribute__(self, "__origin__"), name)

    def __repr__(self):
        args = self.__args__
        if not args:
            inner = "()"
        else:
            inner = ", ".join([_type_repr(a) for a in args])
        return "%s[%s]" % (_type_repr(self.__origin__), inner)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __ne__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return not (self.__origin__ == other.__origin__ and self.__args__ == other.__args__)

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __getitem__(self, item):
        params = self.__parameters__
        if not params:
            raise TypeError("There are no type variables left in %r" % (self,))
        return GenericAlias(self.__origin__, _subs_parameters(self, self.__args__, params, item))

    def __reduce__(self):
        return GenericAlias, (self.__origin__, self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) | {"__origin__", "__args__", "__parameters__"})


GenericAlias.__module__ = "types"


def _unionable(x):
    return x is None or isinstance(x, (type, GenericAlias, UnionType)) or hasattr(x, "__typing_subst__")


def _union(a, b):
    if not _unionable(a) or not _unionable(b):
        return NotImplemented
    args = []
    for x in (a, b):
        items = x.__args__ if isinstance(x, UnionType) else (x,)
        for t in items:
            if t is None:
                t = type(None)
            if t not in args:
                args.append(t)
    if len(args) == 1:
        return args[0]
    u = object.__new__(UnionType)
    object.__setattr__(u, "__args__", tuple(args))
    object.__setattr__(u, "__parameters__", _collect_parameters(tuple(args)))
    return u


class UnionType:
    """Represent a PEP 604 union type

E.g. for int | str"""

    def __repr__(self):
        return " | ".join([_type_repr(a) for a in self.__args__])

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __ne__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) != set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        for a in self.__args__:
            if isinstance(obj, a):
                return True
        return False

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        for a in self.__args__:
            if issubclass(cls, a):
                return True
        return False

    def __getitem__(self, item):
        params = self.__parameters__
        if not params:
            raise TypeError("There are no type variables left in %r" % (self,))
        args = _subs_parameters(self, self.__args__, params, item)
        result = args[0]
        for a in args[1:]:
            result = result | a
        return result


UnionType.__module__ = "types"

__pyrite_register_types__(GenericAlias, _union)
