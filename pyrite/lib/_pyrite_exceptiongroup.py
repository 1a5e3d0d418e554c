"""BaseExceptionGroup and ExceptionGroup (PEP 654) for compiled programs: CPython's are C
(Objects/exceptions.c); these follow its 3.11 behaviour (construction rules and messages, message,
exceptions, derive, subgroup, split, str). The compiler imports them into a module that names them
(frontend/desugar.py: LIBRARY_BUILTINS); `except*` is not supported."""


def _matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(isinstance(c, type) and issubclass(c, BaseException)
                                            for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")


def _copy_metadata(src, dst):
    dst.__traceback__ = src.__traceback__
    dst.__cause__ = src.__cause__
    dst.__context__ = src.__context__
    notes = getattr(src, "__notes__", None)
    if notes is not None:
        dst.__notes__ = notes


class BaseExceptionGroup(BaseException):
    def __new__(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("%s() takes no keyword arguments" % cls.__name__)
        if len(args) != 2:
            raise TypeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)" % len(args))
        message, exceptions = args
        if not isinstance(message, str):
            raise TypeError("BaseExceptionGroup.__new__() argument 1 must be str, not %s" % type(message).__name__)
        if not hasattr(type(exceptions), "__getitem__") or not hasattr(type(exceptions), "__len__") \
                or isinstance(exceptions, (dict, set, frozenset)):
            raise TypeError("second argument (exceptions) must be a sequence")
        excs = tuple(exceptions)
        if not excs:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        nested_base = False
        for i, e in enumerate(excs):
            if not isinstance(e, BaseException):
                raise ValueError("Item %d of second argument (exceptions) is not an exception" % i)
            if not isinstance(e, Exception):
                nested_base = True
        if cls is BaseExceptionGroup:
            if not nested_base:
                cls = ExceptionGroup
        elif cls is ExceptionGroup:
            if nested_base:
                raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
        elif nested_base and issubclass(cls, Exception):
            raise TypeError("Cannot nest BaseExceptions in '%s'" % cls.__name__)
        self = BaseException.__new__(cls, message, exceptions)
        self._pyrite_message = message
        self._pyrite_exceptions = excs
        return self

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError("%s() takes no keyword arguments" % type(self).__name__)

    @property
    def message(self):
        """exception message"""
        return self._pyrite_message

    @property
    def exceptions(self):
        """nested exceptions"""
        return self._pyrite_exceptions

    def __str__(self):
        n = len(self._pyrite_exceptions)
        return "%s (%d sub-exception%s)" % (self._pyrite_message, n, "" if n == 1 else "s")

    def derive(self, excs):
        return BaseExceptionGroup(self._pyrite_message, excs)

    def _split(self, match, want_rest):
        if match(self):
            return self, None
        matched = []
        rest = []
        for e in self._pyrite_exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e._split(match, want_rest)
                if m is not None:
                    matched.append(m)
                if r is not None:
                    rest.append(r)
            elif match(e):
                matched.append(e)
            else:
                rest.append(e)
        m_group = None
        if matched:
            m_group = self.derive(matched)
            _copy_metadata(self, m_group)
        r_group = None
        if want_rest and rest:
            r_group = self.derive(rest)
            _copy_metadata(self, r_group)
        return m_group, r_group

    def subgroup(self, condition):
        match = _matcher(condition)
        if match(self):
            return self
        m, _ = self._split(match, False)
        if m is not None and len(m._pyrite_exceptions) == len(self._pyrite_exceptions) and all(
                a is b for a, b in zip(m._pyrite_exceptions, self._pyrite_exceptions)):
            return self
        return m

    def split(self, condition):
        return self._split(_matcher(condition), True)


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass
