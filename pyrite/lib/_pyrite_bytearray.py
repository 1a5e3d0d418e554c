"""bytearray (and a placeholder memoryview) for compiled programs, written in Python: CPython's are C.

A bytearray keeps its bytes in a list of ints; the methods it shares with bytes run on a bytes copy
and return bytearrays where CPython does. memoryview covers one-dimensional views of bytes and
bytearray with format 'B' (reads, writes through to a bytearray, slices without a step, tobytes,
release and `with`), and casts of them to the integer formats (read: re's compiler casts to 'I'); other
formats, steps, shapes, and slices or stores of cast views raise NotImplementedError.
"""

# the native item sizes of the integer formats (CPython on 64-bit Linux); lower case: signed
_ITEM_SIZES = {"b": 1, "B": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8, "q": 8, "Q": 8, "n": 8, "N": 8}


def _byte(v):
    if not isinstance(v, int):
        if hasattr(type(v), "__index__"):
            v = v.__index__()
        else:
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    if v < 0 or v > 255:
        raise ValueError("byte must be in range(0, 256)")
    return v


def _as_bytes(x):
    if isinstance(x, bytes):
        return x
    if isinstance(x, bytearray):
        return bytes(x._a)
    raise TypeError("a bytes-like object is required, not '%s'" % type(x).__name__)


def _ints(x):
    """the ints of a bytes-like object or an iterable of ints"""
    if isinstance(x, bytearray):
        return list(x._a)
    if isinstance(x, bytes):
        return list(x)
    if isinstance(x, str):
        raise TypeError("cannot convert 'str' object to bytearray")
    if isinstance(x, int):
        raise TypeError("can't extend bytearray with int")
    return [_byte(v) for v in x]


class bytearray:
    """bytearray(iterable_of_ints) -> bytearray
bytearray(string, encoding[, errors]) -> bytearray
bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer
bytearray(int) -> bytes array of size given by the parameter initialized with null bytes
bytearray() -> empty bytes array

Construct a mutable bytearray object from:
  - an iterable yielding integers in range(256)
  - a text string encoded using the specified encoding
  - a bytes or a buffer object
  - any object implementing the buffer API.
  - an integer"""

    __slots__ = ("_a", "__weakref__")

    def __init__(self, source=None, encoding=None, errors=None):
        if source is None:
            if encoding is not None or errors is not None:
                raise TypeError("encoding or errors without sequence argument")
            self._a = []
        elif isinstance(source, str):
            if encoding is None:
                raise TypeError("string argument without an encoding")
            self._a = list(source.encode(encoding, errors if errors is not None else "strict"))
        elif encoding is not None or errors is not None:
            raise TypeError("encoding without a string argument" if errors is None
                            else "errors without a string argument")
        elif isinstance(source, int):
            if source < 0:
                raise ValueError("negative count")
            self._a = [0] * source
        else:
            self._a = _ints(source)

    def __len__(self):
        return len(self._a)

    def __bytes__(self):
        return bytes(self._a)

    def __iter__(self):
        return iter(self._a)

    def __contains__(self, x):
        if isinstance(x, int):
            return _byte(x) in self._a
        return _as_bytes(x) in bytes(self._a)

    def __getitem__(self, i):
        if isinstance(i, slice):
            r = bytearray()
            r._a = self._a[i]
            return r
        if not isinstance(i, int):
            raise TypeError("bytearray indices must be integers or slices, not %s" % type(i).__name__)
        try:
            return self._a[i]
        except IndexError:
            raise IndexError("bytearray index out of range") from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if isinstance(v, int):
                raise TypeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
            self._a[i] = _ints(v)
            return
        if not isinstance(i, int):
            raise TypeError("bytearray indices must be integers or slices, not %s" % type(i).__name__)
        v = _byte(v)
        try:
            self._a[i] = v
        except IndexError:
            raise IndexError("bytearray index out of range") from None

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._a[i]
            return
        try:
            del self._a[i]
        except IndexError:
            raise IndexError("bytearray index out of range") from None

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, bytes(self._a))

    def __str__(self):
        return self.__repr__()

    def __eq__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._a) == _as_bytes(other)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._a) != _as_bytes(other)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._a) < _as_bytes(other)
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._a) <= _as_bytes(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._a) > _as_bytes(other)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._a) >= _as_bytes(other)
        return NotImplemented

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, (bytes, bytearray)):
            raise TypeError("can't concat %s to bytearray" % type(other).__name__)
        r = bytearray()
        r._a = self._a + _ints(other)
        return r

    def __radd__(self, other):
        if isinstance(other, bytes):
            return other + bytes(self._a)
        return NotImplemented

    def __iadd__(self, other):
        if not isinstance(other, (bytes, bytearray)):
            raise TypeError("can't concat %s to bytearray" % type(other).__name__)
        self._a.extend(_ints(other))
        return self

    def __mul__(self, n):
        r = bytearray()
        r._a = self._a * n
        return r

    __rmul__ = __mul__

    def __imul__(self, n):
        self._a = self._a * n
        return self

    def __mod__(self, args):
        return bytearray(bytes(self._a) % args)

    def __reduce__(self):
        return type(self), (bytes(self._a),), None

    def __alloc__(self):
        return len(self._a) + 1

    # mutation
    def append(self, item):
        self._a.append(_byte(item))

    def extend(self, iterable_of_ints):
        self._a.extend(_ints(iterable_of_ints))

    def insert(self, index, item):
        self._a.insert(index, _byte(item))

    def pop(self, index=-1):
        if not self._a:
            raise IndexError("pop from empty bytearray")
        try:
            return self._a.pop(index)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, value):
        value = _byte(value)
        try:
            self._a.remove(value)
        except ValueError:
            raise ValueError("value not found in bytearray") from None

    def clear(self):
        self._a = []

    def copy(self):
        r = bytearray()
        r._a = list(self._a)
        return r

    def reverse(self):
        self._a.reverse()

    # shared with bytes
    def decode(self, encoding="utf-8", errors="strict"):
        return bytes(self._a).decode(encoding, errors)

    def hex(self, *args):
        return bytes(self._a).hex(*args)

    def count(self, sub, *args):
        return bytes(self._a).count(sub if isinstance(sub, int) else _as_bytes(sub), *args)

    def find(self, sub, *args):
        return bytes(self._a).find(sub if isinstance(sub, int) else _as_bytes(sub), *args)

    def rfind(self, sub, *args):
        return bytes(self._a).rfind(sub if isinstance(sub, int) else _as_bytes(sub), *args)

    def index(self, sub, *args):
        return bytes(self._a).index(sub if isinstance(sub, int) else _as_bytes(sub), *args)

    def rindex(self, sub, *args):
        return bytes(self._a).rindex(sub if isinstance(sub, int) else _as_bytes(sub), *args)

    def startswith(self, prefix, *args):
        if isinstance(prefix, tuple):
            prefix = tuple([_as_bytes(p) for p in prefix])
        else:
            prefix = _as_bytes(prefix)
        return bytes(self._a).startswith(prefix, *args)

    def endswith(self, suffix, *args):
        if isinstance(suffix, tuple):
            suffix = tuple([_as_bytes(p) for p in suffix])
        else:
            suffix = _as_bytes(suffix)
        return bytes(self._a).endswith(suffix, *args)

    def replace(self, old, new, count=-1):
        return bytearray(bytes(self._a).replace(_as_bytes(old), _as_bytes(new), count))

    def split(self, sep=None, maxsplit=-1):
        return [bytearray(p) for p in bytes(self._a).split(None if sep is None else _as_bytes(sep), maxsplit)]

    def rsplit(self, sep=None, maxsplit=-1):
        return [bytearray(p) for p in bytes(self._a).rsplit(None if sep is None else _as_bytes(sep), maxsplit)]

    def splitlines(self, keepends=False):
        return [bytearray(p) for p in bytes(self._a).splitlines(keepends)]

    def partition(self, sep):
        return tuple([bytearray(p) for p in bytes(self._a).partition(_as_bytes(sep))])

    def rpartition(self, sep):
        return tuple([bytearray(p) for p in bytes(self._a).rpartition(_as_bytes(sep))])

    def join(self, iterable):
        return bytearray(bytes(self._a).join([_as_bytes(x) for x in iterable]))

    def strip(self, chars=None):
        return bytearray(bytes(self._a).strip(None if chars is None else _as_bytes(chars)))

    def lstrip(self, chars=None):
        return bytearray(bytes(self._a).lstrip(None if chars is None else _as_bytes(chars)))

    def rstrip(self, chars=None):
        return bytearray(bytes(self._a).rstrip(None if chars is None else _as_bytes(chars)))

    def removeprefix(self, prefix):
        return bytearray(bytes(self._a).removeprefix(_as_bytes(prefix)))

    def removesuffix(self, suffix):
        return bytearray(bytes(self._a).removesuffix(_as_bytes(suffix)))

    def upper(self):
        return bytearray(bytes(self._a).upper())

    def lower(self):
        return bytearray(bytes(self._a).lower())

    def swapcase(self):
        return bytearray(bytes(self._a).swapcase())

    def title(self):
        return bytearray(bytes(self._a).title())

    def capitalize(self):
        return bytearray(bytes(self._a).capitalize())

    def center(self, width, fillchar=b" "):
        return bytearray(bytes(self._a).center(width, _as_bytes(fillchar)))

    def ljust(self, width, fillchar=b" "):
        return bytearray(bytes(self._a).ljust(width, _as_bytes(fillchar)))

    def rjust(self, width, fillchar=b" "):
        return bytearray(bytes(self._a).rjust(width, _as_bytes(fillchar)))

    def zfill(self, width):
        return bytearray(bytes(self._a).zfill(width))

    def expandtabs(self, tabsize=8):
        return bytearray(bytes(self._a).expandtabs(tabsize))

    def translate(self, table, delete=b""):
        return bytearray(bytes(self._a).translate(None if table is None else _as_bytes(table), _as_bytes(delete)))

    def isalnum(self):
        return bytes(self._a).isalnum()

    def isalpha(self):
        return bytes(self._a).isalpha()

    def isascii(self):
        return bytes(self._a).isascii()

    def isdigit(self):
        return bytes(self._a).isdigit()

    def islower(self):
        return bytes(self._a).islower()

    def isupper(self):
        return bytes(self._a).isupper()

    def isspace(self):
        return bytes(self._a).isspace()

    def istitle(self):
        return bytes(self._a).istitle()

    @classmethod
    def fromhex(cls, string):
        return cls(bytes.fromhex(string))

    @staticmethod
    def maketrans(frm, to):
        return bytes.maketrans(_as_bytes(frm), _as_bytes(to))


bytearray.__module__ = "builtins"


class memoryview:
    """Create a new memoryview object which references the given object."""
    _format = "B"
    _itemsize = 1

    def __init__(self, obj):
        if isinstance(obj, memoryview):
            obj._check()
            self.obj, self._start, self._stop, self.readonly = obj.obj, obj._start, obj._stop, obj.readonly
            self._format, self._itemsize = obj._format, obj._itemsize
        elif isinstance(obj, bytearray):
            self.obj, self._start, self._stop, self.readonly = obj, 0, len(obj), False
        elif isinstance(obj, bytes):
            self.obj, self._start, self._stop, self.readonly = obj, 0, len(obj), True
        else:
            raise TypeError("memoryview: a bytes-like object is required, not '%s'" % type(obj).__name__)
        self._released = False

    def _check(self):
        if self._released:
            raise ValueError("operation forbidden on released memoryview object")

    def _data(self):
        self._check()
        if isinstance(self.obj, bytearray):
            return bytes(self.obj._a[self._start:self._stop])
        return self.obj[self._start:self._stop]

    @property
    def nbytes(self):
        self._check()
        return self._stop - self._start

    @property
    def itemsize(self):
        self._check()
        return self._itemsize

    @property
    def format(self):
        self._check()
        return self._format

    def _items(self):
        """The items of a view cast to another integer format."""
        data, k = self._data(), self._itemsize
        signed = self._format.islower()
        return [int.from_bytes(data[i:i + k], "little", signed=signed) for i in range(0, len(data), k)]

    @property
    def ndim(self):
        self._check()
        return 1

    @property
    def shape(self):
        self._check()
        return ((self._stop - self._start) // self._itemsize,)

    @property
    def strides(self):
        self._check()
        return (self._itemsize,)

    @property
    def suboffsets(self):
        self._check()
        return ()

    @property
    def contiguous(self):
        self._check()
        return True

    c_contiguous = contiguous
    f_contiguous = contiguous

    def __len__(self):
        self._check()
        return (self._stop - self._start) // self._itemsize

    def __getitem__(self, key):
        self._check()
        if self._format != "B":
            if isinstance(key, slice):
                raise NotImplementedError("pyrite: slices of a cast memoryview are not implemented")
            items = self._items()
            i = key.__index__() if not isinstance(key, int) else key
            if i < -len(items) or i >= len(items):
                raise IndexError("index out of bounds on dimension 1")
            return items[i]
        n = self._stop - self._start
        if isinstance(key, slice):
            start, stop, step = key.indices(n)
            if step != 1:
                raise NotImplementedError("pyrite: memoryview slices with a step are not implemented")
            v = memoryview(self)
            v._start = self._start + start
            v._stop = self._start + max(start, stop)
            return v
        if isinstance(key, tuple):
            raise TypeError("memoryview: invalid slice key")
        i = key.__index__() if not isinstance(key, int) else key
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("index out of bounds on dimension 1")
        if isinstance(self.obj, bytearray):
            return self.obj._a[self._start + i]
        return self.obj[self._start + i]

    def __setitem__(self, key, value):
        self._check()
        if self.readonly:
            raise TypeError("cannot modify read-only memory")
        if self._format != "B":
            raise NotImplementedError("pyrite: stores into a cast memoryview are not implemented")
        n = self._stop - self._start
        a = self.obj._a
        if isinstance(key, slice):
            start, stop, step = key.indices(n)
            if step != 1:
                raise NotImplementedError("pyrite: memoryview slices with a step are not implemented")
            if isinstance(value, memoryview):
                data = value._data()
            elif isinstance(value, (bytes, bytearray)):
                data = bytes(value)
            else:
                raise TypeError("a bytes-like object is required, not '%s'" % type(value).__name__)
            if len(data) != max(0, stop - start):
                raise ValueError("memoryview assignment: lvalue and rvalue have different structures")
            for k in range(len(data)):
                a[self._start + start + k] = data[k]
            return
        i = key.__index__() if not isinstance(key, int) else key
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("index out of bounds on dimension 1")
        if not isinstance(value, int):
            raise TypeError("memoryview: invalid type for format 'B'")
        if value < 0 or value > 255:
            raise ValueError("memoryview: invalid value for format 'B'")
        a[self._start + i] = value

    def __iter__(self):
        return iter(self._data() if self._format == "B" else self._items())

    def __bytes__(self):
        return self._data()

    def tobytes(self, order="C"):
        return self._data()

    def tolist(self):
        return list(self._data()) if self._format == "B" else self._items()

    def hex(self, *args):
        return self._data().hex(*args)

    def toreadonly(self):
        v = memoryview(self)
        v.readonly = True
        return v

    def cast(self, format, shape=None):
        self._check()
        if shape is not None:
            raise NotImplementedError("pyrite: memoryview.cast with a shape is not implemented")
        fmt = format[1:] if isinstance(format, str) and format.startswith("@") else format
        if not isinstance(fmt, str) or len(fmt) != 1 or fmt not in "bBhHiIlLqQnNcfde?":
            raise ValueError("memoryview: destination format must be a native single character format "
                             "prefixed with an optional '@'")
        if fmt not in _ITEM_SIZES:
            raise NotImplementedError("pyrite: memoryview.cast to format '%s' is not implemented" % fmt)
        if self._format != "B" and fmt != "B":
            raise TypeError("memoryview: cannot cast between two non-byte formats")
        if (self._stop - self._start) % _ITEM_SIZES[fmt]:
            raise TypeError("memoryview: length is not a multiple of itemsize")
        v = memoryview(self)
        v._format, v._itemsize = fmt, _ITEM_SIZES[fmt]
        return v

    def release(self):
        self._released = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.release()
        return None

    def __eq__(self, other):
        if self._released:
            return self is other
        if self._format != "B" or isinstance(other, memoryview) and other._format != "B":
            return isinstance(other, (memoryview, bytes, bytearray)) and self.tolist() == memoryview(other).tolist()
        if isinstance(other, (memoryview, bytes, bytearray)):
            return self._data() == bytes(other)
        return NotImplemented

    def __hash__(self):
        if not self.readonly:
            raise ValueError("cannot hash writable memoryview object")
        return hash(self._data())

    def __repr__(self):
        if self._released:
            return "<released memory at 0x%x>" % id(self)
        return "<memory at 0x%x>" % id(self)


memoryview.__module__ = "builtins"
