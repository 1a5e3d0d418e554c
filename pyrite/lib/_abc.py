"""pyrite's `_abc`: the C accelerator `abc` imports, written in Python for pyrite.

`abc.ABCMeta` (the standard library's, compiled as it is) calls these. The state each ABC keeps (its
registry of virtual subclasses and the positive and negative caches of issubclass answers) lives in
an `_abc_data` object stored in the class's `_abc_impl` attribute, as in CPython. CPython holds the
registry and caches in weak sets; pyrite's classes live until the program ends, so plain sets keep
the same answers.
"""

_abc_invalidation_counter = 0


class _abc_data:
    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_cache_version = _abc_invalidation_counter


def get_cache_token():
    """Returns the current ABC cache token.

    The token is an opaque object (supporting equality testing) identifying the
    current version of the ABC cache for virtual subclasses. The token changes
    with every call to register() on any ABC.
    """
    return _abc_invalidation_counter


def _get_impl(cls):
    impl = cls.__dict__.get("_abc_impl")
    if impl is None or type(impl) is not _abc_data:
        raise TypeError("_abc_impl is set to a wrong type")
    return impl


def _abc_init(cls):
    """Internal ABC helper for class set-up. Should be never used outside abc module."""
    abstracts = set()
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    cls._abc_impl = _abc_data()


def _abc_register(cls, subclass):
    """Internal ABC helper for subclasss registration. Should be never used outside abc module."""
    global _abc_invalidation_counter
    if not isinstance(subclass, type):
        raise TypeError("Can only register classes")
    if issubclass(subclass, cls):
        return subclass   # already a subclass
    if issubclass(cls, subclass):
        raise RuntimeError("Refusing to create an inheritance cycle")
    _get_impl(cls).registry.add(subclass)
    _abc_invalidation_counter += 1   # invalidates the negative caches
    return subclass


def _abc_instancecheck(cls, instance):
    """Internal ABC helper for instance checks. Should be never used outside abc module."""
    impl = _get_impl(cls)
    subclass = instance.__class__
    if subclass in impl.cache:
        return True
    subtype = type(instance)
    if subtype is subclass:
        if impl.negative_cache_version == _abc_invalidation_counter and subclass in impl.negative_cache:
            return False
        return cls.__subclasscheck__(subclass)
    return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)


def _abc_subclasscheck(cls, subclass):
    """Internal ABC helper for subclasss checks. Should be never used outside abc module."""
    if not isinstance(subclass, type):
        raise TypeError("issubclass() arg 1 must be a class")
    impl = _get_impl(cls)
    if subclass in impl.cache:
        return True
    if impl.negative_cache_version < _abc_invalidation_counter:
        impl.negative_cache = set()
        impl.negative_cache_version = _abc_invalidation_counter
    elif subclass in impl.negative_cache:
        return False
    ok = cls.__subclasshook__(subclass)
    if ok is not NotImplemented:
        if not isinstance(ok, bool):
            raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
        if ok:
            impl.cache.add(subclass)
        else:
            impl.negative_cache.add(subclass)
        return ok
    if cls in subclass.__mro__:
        impl.cache.add(subclass)
        return True
    for rcls in impl.registry:
        if issubclass(subclass, rcls):
            impl.cache.add(subclass)
            return True
    for scls in cls.__subclasses__():
        if issubclass(subclass, scls):
            impl.cache.add(subclass)
            return True
    impl.negative_cache.add(subclass)
    return False


def _get_dump(cls):
    """Internal ABC helper for cache and registry debugging."""
    impl = _get_impl(cls)
    return (set(impl.registry), set(impl.cache), set(impl.negative_cache), impl.negative_cache_version)


def _reset_registry(cls):
    """Internal ABC helper to reset registry of a given class."""
    _get_impl(cls).registry.clear()


def _reset_caches(cls):
    """Internal ABC helper to reset both caches of a given class."""
    impl = _get_impl(cls)
    impl.cache.clear()
    impl.negative_cache.clear()
