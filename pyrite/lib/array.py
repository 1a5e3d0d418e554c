__doc__ = """This module defines an object type which can efficiently represent
an array of basic values: characters, integers, floating point
numbers.  Arrays are sequence types and behave very much like lists,
except that the type of objects stored in them is constrained.
"""
# (an assignment rather than a docstring: pyrite's `from M import __doc__` finds only an assigned
# __doc__)

# pyrite's `array`: CPython writes this module in C (Modules/arraymodule.c); this is a Python
# version written from CPython 3.11's observable behaviour (values, exception types and messages),
# compiled with the program.
#
# Storage: an array keeps its items in one of two typed lists, so that pyrite stores them unboxed:
# `_i` (a list of ints) for the integer typecodes and for 'u' (code points), `_f` (a list of
# floats) for 'f' and 'd'. The other list is empty. Every item stored has been checked (and for
# 'f' rounded through a 32-bit float) as CPython's C setters check and convert it. Helpers that take
# a list are specialised by pyrite for each list type.
#
# Machine layout: the item sizes and the byte order are those of CPython on x86_64 Linux on every
# target (wasm32 too, where C's long is 4 bytes): 'l'/'L' are 8 bytes, 'u' is a 4-byte wchar_t,
# little-endian. tobytes/frombytes/byteswap/tofile/fromfile and pickling use that layout.
#
# Known differences from CPython:
# - buffer_info() returns (id of the list holding the items, length): a stable pair while the
#   array lives, not a memory address (pyrite has no buffer protocol, so memoryview(array) and
#   passing an array where a bytes-like object is expected do not work).
# - iterating a 'i'/'d'... array gives a list iterator (type name 'list_iterator', not
#   'arrayiterator'); it sees the array's changes as CPython's does.
# - messages that name the type say 'array' where CPython's say 'array.array' (unhashable type,
#   '<' not supported between instances of ...).
# - NaN payloads are not kept through tobytes/frombytes: a NaN becomes the quiet NaN of its sign.
# - __sizeof__ is an estimate (CPython's C size: 64 + allocated bytes).

import math as _math

typecodes = "bBuhHiIlLqQfd"

_ITEMSIZE = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8,
             "q": 8, "Q": 8, "f": 4, "d": 8}
_SIGNED = "bhilq"
_LONG_MIN = -9223372036854775808
_LONG_MAX = 9223372036854775807
_ULONG_MAX = 18446744073709551615
_INF = float("inf")

# kinds of storage
_K_INT = 0      # _i holds ints
_K_FLOAT = 1    # _f holds floats
_K_UNICODE = 2  # _i holds code points

# the range an item of each integer typecode can take
_BOUNDS = {"b": (-128, 127), "B": (0, 255), "h": (-32768, 32767), "H": (0, 65535),
           "i": (-2147483648, 2147483647), "I": (0, 4294967295),
           "l": (_LONG_MIN, _LONG_MAX), "L": (0, _ULONG_MAX),
           "q": (_LONG_MIN, _LONG_MAX), "Q": (0, _ULONG_MAX), "u": (0, 0x10FFFF)}


# ---------------------------------------------------------------- item conversion
# (Values that may be ints of any size are never passed through int(): in typed code pyrite holds
# an int in 64 bits by default, and 'Q'/'L' items and out-of-range arguments do not fit.)
def _index(v):
    """operator.index with CPython's message (an exact int: bools and int subclasses converted)"""
    if type(v) is int:
        return v
    t = type(v)
    if not hasattr(t, "__index__"):
        raise TypeError("'%s' object cannot be interpreted as an integer" % t.__name__)
    r = v.__index__()
    if type(r) is not int:
        if not isinstance(r, int):
            raise TypeError("__index__ returned non-int (type %s)" % type(r).__name__)
        r = r.__index__()
    return r


def _ssize(v, exc_kind):
    """an index-sized integer (Py_ssize_t); exc_kind 0: OverflowError, 1: IndexError"""
    n = _index(v)
    if n < _LONG_MIN or n > _LONG_MAX:
        if exc_kind == 1:
            raise IndexError("cannot fit 'int' into an index-sized integer")
        raise OverflowError("Python int too large to convert to C ssize_t")
    return n


def _c_long(v):
    if v < _LONG_MIN or v > _LONG_MAX:
        raise OverflowError("Python int too large to convert to C long")


def _range_error(what, v, lo):
    if v < lo:
        raise OverflowError(what + " is less than minimum")
    raise OverflowError(what + " is greater than maximum")


def _int_item_slow(tc, v):
    """the checks of CPython's setter for typecode tc, in its order, with its messages"""
    if tc == "I" or tc == "L":
        if not isinstance(v, int):
            v = _index(v)
        if v < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if v > _ULONG_MAX:
            raise OverflowError("Python int too large to convert to C unsigned long")
        if tc == "I" and v > 4294967295:
            raise OverflowError("unsigned int is greater than maximum")
        return _index(v)
    if tc == "Q":
        v = _index(v)
        if v < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if v > _ULONG_MAX:
            raise OverflowError("int too big to convert")
        return v
    v = _index(v)
    if tc == "q":
        if v < _LONG_MIN or v > _LONG_MAX:
            raise OverflowError("int too big to convert")
        return v
    _c_long(v)
    if tc == "b":
        if v < -32768 or v > 32767:
            _range_error("signed short integer", v, -32768)
        if v < -128 or v > 127:
            _range_error("signed char", v, -128)
    elif tc == "B":
        if v < 0 or v > 255:
            _range_error("unsigned byte integer", v, 0)
    elif tc == "h":
        if v < -32768 or v > 32767:
            _range_error("signed short integer", v, -32768)
    elif tc == "H":
        if v < -2147483648 or v > 2147483647:
            _range_error("signed integer", v, -2147483648)
        if v < 0 or v > 65535:
            _range_error("unsigned short", v, 0)
    elif tc == "i":
        if v < -2147483648 or v > 2147483647:
            _range_error("signed integer", v, -2147483648)
    return v


def _uchar_item(v):
    if not isinstance(v, str) or len(v) != 1:
        raise TypeError("array item must be unicode character")
    return ord(v)


def _float_item(tc, v):
    if isinstance(v, float):
        x = float(v)
    elif isinstance(v, int):
        x = float(v)     # (OverflowError "int too large to convert to float")
    else:
        t = type(v)
        if hasattr(t, "__float__"):
            x = v.__float__()
            if not isinstance(x, float):
                raise TypeError("%s.__float__ returned non-float (type %s)"
                                % (t.__name__, type(x).__name__))
            x = float(x)
        elif hasattr(t, "__index__"):
            x = float(_index(v))
        else:
            raise TypeError("must be real number, not %s" % t.__name__)
    if tc == "f":
        return _round_f32(x)
    return x


def _round_f32(x):
    """x rounded to the nearest 32-bit float (ties to even), as C's (float) cast"""
    if x != x or x == 0.0 or x == _INF or x == -_INF:
        return x
    m, e = _math.frexp(x)
    ulp = e - 24
    if ulp < -149:
        ulp = -149       # subnormal floats
    r = _math.ldexp(float(round(_math.ldexp(x, -ulp))), ulp)
    if r >= 3.4028235677973366e38 or r <= -3.4028235677973366e38:     # 2**128
        return _math.copysign(_INF, x)
    return _math.copysign(r, x)


def _uchr(c):
    if c > 0x10FFFF:
        raise ValueError("character U+%x is not in range [U+0000; U+10ffff]" % c)
    return chr(c)


# ---------------------------------------------------------------- bytes <-> items
def _ints_to_bytes(vals, size):
    out = []
    if size == 1:
        for v in vals:
            out.append(v & 255)
    else:
        for v in vals:
            for k in range(size):
                out.append((v >> (8 * k)) & 255)
    return bytes(out)


_TWO63 = 9223372036854775808    # (beyond 64-bit typed ints: arithmetic with it is exact)


def _bytes_to_ints(b, size, signed):
    """the little-endian items of b (a whole number of items)"""
    res = []
    n = len(b) - len(b) % size
    if size == 1:
        for i in range(n):
            v = b[i]
            if signed and v > 127:
                v -= 256
            res.append(v)
        return res
    if size < 8:
        half = 1 << (8 * size - 1)
        full = 1 << (8 * size)
        for i in range(0, n, size):
            v = 0
            k = size - 1
            while k >= 0:
                v = (v << 8) | b[i + k]
                k -= 1
            if signed and v >= half:
                v -= full
            res.append(v)
        return res
    for i in range(0, n, 8):
        lo = 0
        k = 6
        while k >= 0:
            lo = (lo << 8) | b[i + k]
            k -= 1
        top = b[i + 7]
        if top < 128:
            res.append((top << 56) + lo)
        elif signed:
            res.append(((top - 256) << 56) + lo)
        else:
            res.append(_TWO63 + (((top - 128) << 56) + lo))
    return res


def _float_parts(x, mbits, bias, emax):
    """the sign, biased exponent and mantissa of x in an IEEE 754 format (x exact in it)"""
    sign = 1 if _math.copysign(1.0, x) < 0.0 else 0
    if x != x:
        return sign, emax, 1 << (mbits - 1)
    if x == _INF or x == -_INF:
        return sign, emax, 0
    if x == 0.0:
        return sign, 0, 0
    a = abs(x)
    m, ex = _math.frexp(a)
    e = ex - 1 + bias
    if e >= 1:
        return sign, e, int(_math.ldexp(m, mbits + 1)) - (1 << mbits)
    return sign, 0, int(_math.ldexp(a, bias - 1 + mbits))


def _make_float(sign, e, mant, mbits, bias, emax):
    if e == emax:
        x = _INF if mant == 0 else abs(_INF - _INF)
    elif e == 0:
        x = _math.ldexp(float(mant), 1 - bias - mbits)
    else:
        x = _math.ldexp(float(mant + (1 << mbits)), e - bias - mbits)
    if sign:
        return -x
    return x


def _floats_to_bytes(vals, single):
    out = []
    for x in vals:
        if single:
            sign, e, mant = _float_parts(x, 23, 127, 255)
            v = (sign << 31) | (e << 23) | mant
            for k in range(4):
                out.append((v >> (8 * k)) & 255)
        else:
            sign, e, mant = _float_parts(x, 52, 1023, 2047)
            lo = mant & 0xFFFFFFFFFFFF
            hi = (sign << 15) | (e << 4) | (mant >> 48)
            for k in range(6):
                out.append((lo >> (8 * k)) & 255)
            out.append(hi & 255)
            out.append(hi >> 8)
    return bytes(out)


def _bytes_to_floats(b, single):
    res = []
    if single:
        for v in _bytes_to_ints(b, 4, False):
            res.append(_make_float(v >> 31, (v >> 23) & 255, v & 0x7FFFFF, 23, 127, 255))
        return res
    for i in range(0, len(b) - len(b) % 8, 8):
        lo = 0
        k = 5
        while k >= 0:
            lo = (lo << 8) | b[i + k]
            k -= 1
        hi = b[i + 6] | (b[i + 7] << 8)
        res.append(_make_float(hi >> 15, (hi >> 4) & 2047, ((hi & 15) << 48) | lo, 52, 1023, 2047))
    return res


def _as_bytes(b):
    if isinstance(b, bytes):
        return b
    if isinstance(b, bytearray):
        return bytes(b)
    if isinstance(b, array):
        return b.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


# ---------------------------------------------------------------- list helpers
# (each is specialised by pyrite for list[int] and list[float])
def _norm_index(lst, i, msg):
    n = len(lst)
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError(msg)
    return i


def _slice_len(start, stop, step):
    if step < 0:
        if stop < start:
            return (start - stop - 1) // (-step) + 1
        return 0
    if start < stop:
        return (stop - start - 1) // step + 1
    return 0


def _find(lst, x, start, stop):
    n = len(lst)
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
    i = start
    while i < stop:
        if lst[i] == x:
            return i
        i += 1
    return -1


def _count(lst, x):
    c = 0
    for v in lst:
        if v == x:
            c += 1
    return c


def _compare(a, b, op):
    """CPython's array_richcompare over the items of two arrays (op: 0 <, 1 <=, 2 ==, 3 !=, 4 >, 5 >=)"""
    na = len(a)
    nb = len(b)
    if na != nb and (op == 2 or op == 3):
        return op == 3
    n = na if na < nb else nb
    i = 0
    while i < n:
        if not (a[i] == b[i]):
            break
        i += 1
    if i == n:
        x = na
        y = nb
        if op == 0:
            return x < y
        if op == 1:
            return x <= y
        if op == 2:
            return x == y
        if op == 3:
            return x != y
        if op == 4:
            return x > y
        return x >= y
    if op == 2:
        return False
    if op == 3:
        return True
    if op == 0:
        return a[i] < b[i]
    if op == 1:
        return a[i] <= b[i]
    if op == 4:
        return a[i] > b[i]
    return a[i] >= b[i]


def _repeat(lst, n):
    if n <= 0:
        return lst[:0]
    return lst * n


# ---------------------------------------------------------------- the array type
def _new(tc):
    """an empty array of typecode tc (results of slicing, +, *, copy: always of class array)"""
    self = object.__new__(array)
    self._init(tc)
    return self


class array:
    """array(typecode [, initializer]) -> array

Return a new array whose items are restricted by typecode, and
initialized from the optional initializer value, which must be a list,
string or iterable over elements of the appropriate type.

Arrays represent basic values and behave very much like lists, except
the type of objects stored in them is constrained. The type is specified
at object creation time by using a type code, which is a single character.
The following type codes are defined:

    Type code   C Type             Minimum size in bytes
    'b'         signed integer     1
    'B'         unsigned integer   1
    'u'         Unicode character  2 (see note)
    'h'         signed integer     2
    'H'         unsigned integer   2
    'i'         signed integer     2
    'I'         unsigned integer   2
    'l'         signed integer     4
    'L'         unsigned integer   4
    'q'         signed integer     8 (see note)
    'Q'         unsigned integer   8 (see note)
    'f'         floating point     4
    'd'         floating point     8

NOTE: The 'u' typecode corresponds to Python's unicode character. On
narrow builds this is 2-bytes on wide builds this is 4-bytes.

NOTE: The 'q' and 'Q' type codes are only available if the platform
C compiler used to build Python supports 'long long', or, on Windows,
'__int64'.

Methods:

append() -- append a new item to the end of the array
buffer_info() -- return information giving the current memory info
byteswap() -- byteswap all the items of the array
count() -- return number of occurrences of an object
extend() -- extend array by appending multiple elements from an iterable
fromfile() -- read items from a file object
fromlist() -- append items from the list
frombytes() -- append items from the string
index() -- return index of first occurrence of an object
insert() -- insert a new item into the array at a provided position
pop() -- remove and return item (default last)
remove() -- remove first occurrence of an object
reverse() -- reverse the order of the items in the array
tofile() -- write all items to a file object
tolist() -- return the array converted to an ordinary list
tobytes() -- return the array converted to a string

Attributes:

typecode -- the typecode character used to create the array
itemsize -- the length in bytes of one array item
"""

    __slots__ = ("_tc", "_kind", "_lo", "_hi", "_i", "_f", "__weakref__")

    def __new__(cls, *args, **kwargs):
        if cls is array and kwargs:
            raise TypeError("array.array() takes no keyword arguments")
        n = len(args)
        if n == 0:
            raise TypeError("array() takes at least 1 argument (0 given)")
        if n > 2:
            raise TypeError("array() takes at most 2 arguments (%d given)" % n)
        tc = args[0]
        if not isinstance(tc, str) or len(tc) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s" % type(tc).__name__)
        tc = str(tc)
        init = args[1] if n == 2 else None
        iterable = False
        if n == 2:
            if tc != "u":
                if isinstance(init, str):
                    raise TypeError("cannot use a str to initialize an array with typecode '%s'" % tc)
                if isinstance(init, array) and init._tc == "u":
                    raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % tc)
            if not (isinstance(init, (list, tuple, bytes, bytearray))
                    or (tc == "u" and isinstance(init, str))
                    or (isinstance(init, array) and init._tc == tc)):
                init = iter(init)
                iterable = True
        if tc not in _ITEMSIZE:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self = object.__new__(cls)
        self._init(tc)
        if n == 2:
            if iterable:
                self._extend_iter(init)
            elif isinstance(init, (bytes, bytearray)):
                self.frombytes(init)
            elif isinstance(init, str):
                self.fromunicode(init)
            elif isinstance(init, array):
                self._i = list(init._i)
                self._f = list(init._f)
            else:
                self._extend_iter(init)
        return self

    def _init(self, tc):
        self._tc = tc
        self._i = []
        self._f = []
        self._lo = 0
        self._hi = 0
        if tc == "f" or tc == "d":
            self._kind = _K_FLOAT
        else:
            self._kind = _K_UNICODE if tc == "u" else _K_INT
            lo, hi = _BOUNDS[tc]
            self._lo = lo
            self._hi = hi

    # -------------------------------------------------------- one item
    def _int_item(self, v):
        if type(v) is int:
            if self._lo <= v <= self._hi:
                return v
        return _int_item_slow(self._tc, v)

    def _append1(self, v):
        k = self._kind
        if k == _K_INT:
            self._i.append(self._int_item(v))
        elif k == _K_FLOAT:
            self._f.append(_float_item(self._tc, v))
        else:
            self._i.append(_uchar_item(v))

    def _item(self, i):
        k = self._kind
        if k == _K_INT:
            return self._i[i]
        if k == _K_FLOAT:
            return self._f[i]
        return _uchr(self._i[i])

    def _extend_iter(self, it):
        for v in it:
            self._append1(v)

    # -------------------------------------------------------- attributes
    @property
    def typecode(self):
        """the typecode character used to create the array"""
        return self._tc

    @property
    def itemsize(self):
        """the size, in bytes, of one array item"""
        return _ITEMSIZE[self._tc]

    # -------------------------------------------------------- sequence protocol
    def __len__(self):
        if self._kind == _K_FLOAT:
            return len(self._f)
        return len(self._i)

    def __iter__(self):
        k = self._kind
        if k == _K_INT:
            return iter(self._i)
        if k == _K_FLOAT:
            return iter(self._f)
        return self._iter_unicode()

    def _iter_unicode(self):
        i = 0
        while i < len(self._i):
            yield _uchr(self._i[i])
            i += 1

    def __contains__(self, x):
        return self._find(x, 0, _LONG_MAX) >= 0

    def _find(self, x, start, stop):
        k = self._kind
        if k == _K_FLOAT:
            return _find(self._f, x, start, stop)
        if k == _K_UNICODE:
            if isinstance(x, str) and len(x) == 1:
                return _find(self._i, ord(x), start, stop)
            return _find(self.tolist(), x, start, stop)
        return _find(self._i, x, start, stop)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._getslice(i)
        if not isinstance(i, int) and not hasattr(type(i), "__index__"):
            raise TypeError("array indices must be integers")
        i = _ssize(i, 1)
        k = self._kind
        if k == _K_FLOAT:
            return self._f[_norm_index(self._f, i, "array index out of range")]
        j = _norm_index(self._i, i, "array index out of range")
        if k == _K_INT:
            return self._i[j]
        return _uchr(self._i[j])

    def _getslice(self, s):
        r = _new(self._tc)
        if self._kind == _K_FLOAT:
            r._f = self._f[s]
        else:
            r._i = self._i[s]
        return r

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            self._setslice(i, v)
            return
        if not isinstance(i, int) and not hasattr(type(i), "__index__"):
            raise TypeError("array indices must be integers")
        i = _ssize(i, 1)
        k = self._kind
        if k == _K_FLOAT:
            j = _norm_index(self._f, i, "array assignment index out of range")
            self._f[j] = _float_item(self._tc, v)
        else:
            j = _norm_index(self._i, i, "array assignment index out of range")
            if k == _K_INT:
                self._i[j] = self._int_item(v)
            else:
                self._i[j] = _uchar_item(v)

    def _setslice(self, s, v):
        if not isinstance(v, array):
            raise TypeError("can only assign array (not \"%s\") to array slice" % type(v).__name__)
        if v._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        start, stop, step = s.indices(len(self))
        if step != 1:
            n = _slice_len(start, stop, step)
            if len(v) != n:
                raise ValueError("attempt to assign array of size %d to extended slice of size %d"
                                 % (len(v), n))
        if self._kind == _K_FLOAT:
            self._f[s] = list(v._f)
        else:
            self._i[s] = list(v._i)

    def __delitem__(self, i):
        if isinstance(i, slice):
            if self._kind == _K_FLOAT:
                del self._f[i]
            else:
                del self._i[i]
            return
        if not isinstance(i, int) and not hasattr(type(i), "__index__"):
            raise TypeError("array indices must be integers")
        i = _ssize(i, 1)
        if self._kind == _K_FLOAT:
            del self._f[_norm_index(self._f, i, "array assignment index out of range")]
        else:
            del self._i[_norm_index(self._i, i, "array assignment index out of range")]

    # -------------------------------------------------------- operators
    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only append array (not \"%s\") to array" % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        r = _new(self._tc)
        if self._kind == _K_FLOAT:
            r._f = self._f + other._f
        else:
            r._i = self._i + other._i
        return r

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only extend array with array (not \"%s\")" % type(other).__name__)
        self._extend_array(other)
        return self

    def _extend_array(self, other):
        if other._tc != self._tc:
            raise TypeError("can only extend with array of same kind")
        if self._kind == _K_FLOAT:
            self._f.extend(list(other._f))
        else:
            self._i.extend(list(other._i))

    def _count_arg(self, n):
        if not isinstance(n, int) and not hasattr(type(n), "__index__"):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        n = _index(n)
        if n > _LONG_MAX:
            raise OverflowError("cannot fit 'int' into an index-sized integer")
        m = len(self)
        if n > 0 and m > 0 and n > _LONG_MAX // m:
            raise MemoryError()
        return n

    def __mul__(self, n):
        n = self._count_arg(n)
        r = _new(self._tc)
        if self._kind == _K_FLOAT:
            r._f = _repeat(self._f, n)
        else:
            r._i = _repeat(self._i, n)
        return r

    def __rmul__(self, n):
        return self.__mul__(n)

    def __imul__(self, n):
        n = self._count_arg(n)
        if self._kind == _K_FLOAT:
            if n <= 0:
                self._f.clear()
            else:
                self._f.extend(self._f * (n - 1))
        else:
            if n <= 0:
                self._i.clear()
            else:
                self._i.extend(self._i * (n - 1))
        return self

    def _richcompare(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        ka = self._kind
        kb = other._kind
        if ka == _K_FLOAT:
            if kb == _K_FLOAT:
                return _compare(self._f, other._f, op)
            if kb == _K_INT:
                return _compare(self._f, other._i, op)
        elif ka == kb:
            return _compare(self._i, other._i, op)
        elif ka == _K_INT and kb == _K_FLOAT:
            return _compare(self._i, other._f, op)
        return _compare(self.tolist(), other.tolist(), op)

    def __lt__(self, other):
        return self._richcompare(other, 0)

    def __le__(self, other):
        return self._richcompare(other, 1)

    def __eq__(self, other):
        return self._richcompare(other, 2)

    def __ne__(self, other):
        return self._richcompare(other, 3)

    def __gt__(self, other):
        return self._richcompare(other, 4)

    def __ge__(self, other):
        return self._richcompare(other, 5)

    __hash__ = None

    def __repr__(self):
        name = type(self).__name__
        if len(self) == 0:
            return "%s('%s')" % (name, self._tc)
        if self._kind == _K_UNICODE:
            return "%s('%s', %r)" % (name, self._tc, self.tounicode())
        return "%s('%s', %r)" % (name, self._tc, self.tolist())

    # -------------------------------------------------------- copying and pickling
    def __copy__(self):
        r = _new(self._tc)
        r._i = list(self._i)
        r._f = list(self._f)
        return r

    def __deepcopy__(self, unused):
        return self.__copy__()

    def __reduce_ex__(self, protocol):
        protocol = _index(protocol)
        d = getattr(self, "__dict__", None)
        if protocol < 3:
            return type(self), (self._tc, self.tolist()), d
        return _array_reconstructor, (type(self), self._tc, _MFORMAT[self._tc], self.tobytes()), d

    def __sizeof__(self):
        return 64 + len(self) * _ITEMSIZE[self._tc]

    # -------------------------------------------------------- methods
    def append(self, v):
        """Append new value v to the end of the array."""
        self._append1(v)

    def buffer_info(self):
        """Return a tuple (address, length) giving the current memory address and the length in
items of the buffer used to hold array's contents.

In pyrite the address is the id() of the list that holds the items."""
        if self._kind == _K_FLOAT:
            return (id(self._f), len(self._f))
        return (id(self._i), len(self._i))

    def byteswap(self):
        """Byteswap all items of the array."""
        size = _ITEMSIZE[self._tc]
        if size == 1:
            return
        b = self.tobytes()
        out = []
        for i in range(0, len(b), size):
            k = i + size - 1
            while k >= i:
                out.append(b[k])
                k -= 1
        self._i.clear()
        self._f.clear()
        self.frombytes(bytes(out))

    def count(self, v):
        """Return number of occurrences of v in the array."""
        k = self._kind
        if k == _K_FLOAT:
            return _count(self._f, v)
        if k == _K_UNICODE:
            if isinstance(v, str) and len(v) == 1:
                return _count(self._i, ord(v))
            return _count(self.tolist(), v)
        return _count(self._i, v)

    def index(self, v, start=0, stop=_LONG_MAX):
        """Return index of first occurrence of v in the array."""
        start = self._slice_index(start)
        stop = self._slice_index(stop)
        i = self._find(v, start, stop)
        if i < 0:
            raise ValueError("array.index(x): x not in array")
        return i

    def _slice_index(self, v):
        if not isinstance(v, int) and not hasattr(type(v), "__index__"):
            raise TypeError("slice indices must be integers or have an __index__ method")
        v = _index(v)
        if v > _LONG_MAX:
            return _LONG_MAX
        if v < _LONG_MIN:
            return _LONG_MIN
        return v

    def extend(self, bb):
        """Append items to the end of the array."""
        if isinstance(bb, array):
            self._extend_array(bb)
        else:
            self._extend_iter(iter(bb))

    def insert(self, i, v):
        """Insert a new item v into the array before position i."""
        i = _ssize(i, 0)
        k = self._kind
        if k == _K_FLOAT:
            self._f.insert(i, _float_item(self._tc, v))
        elif k == _K_INT:
            self._i.insert(i, self._int_item(v))
        else:
            self._i.insert(i, _uchar_item(v))

    def pop(self, i=-1):
        """Return the i-th element and delete it from the array.

i defaults to -1."""
        i = _ssize(i, 0)
        if len(self) == 0:
            raise IndexError("pop from empty array")
        k = self._kind
        if k == _K_FLOAT:
            return self._f.pop(_norm_index(self._f, i, "pop index out of range"))
        v = self._i.pop(_norm_index(self._i, i, "pop index out of range"))
        if k == _K_INT:
            return v
        return _uchr(v)

    def remove(self, v):
        """Remove the first occurrence of v in the array."""
        i = self._find(v, 0, _LONG_MAX)
        if i < 0:
            raise ValueError("array.remove(x): x not in array")
        if self._kind == _K_FLOAT:
            del self._f[i]
        else:
            del self._i[i]

    def reverse(self):
        """Reverse the order of the items in the array."""
        self._i.reverse()
        self._f.reverse()

    def tobytes(self):
        """Convert the array to an array of machine values and return the bytes representation."""
        k = self._kind
        if k == _K_FLOAT:
            return _floats_to_bytes(self._f, self._tc == "f")
        return _ints_to_bytes(self._i, _ITEMSIZE[self._tc])

    def frombytes(self, buffer):
        """Appends items from the string, interpreting it as an array of machine values, as if it
had been read from a file using the fromfile() method."""
        if not isinstance(buffer, (bytes, bytearray, array)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)
        if isinstance(buffer, array) and _ITEMSIZE[buffer._tc] != 1:
            raise TypeError("a bytes-like object is required")
        b = _as_bytes(buffer)
        size = _ITEMSIZE[self._tc]
        if len(b) % size != 0:
            raise ValueError("bytes length not a multiple of item size")
        if self._kind == _K_FLOAT:
            self._f.extend(_bytes_to_floats(b, self._tc == "f"))
        else:
            self._i.extend(_bytes_to_ints(b, size, self._tc in _SIGNED))

    def tofile(self, f):
        """Write all items (as machine values) to the file object f."""
        b = self.tobytes()
        block = 64 * 1024
        for i in range(0, len(b), block):
            f.write(b[i:i + block])

    def fromfile(self, f, n):
        """Read n objects from the file object f and append them to the end of the array."""
        n = _ssize(n, 0)
        if n < 0:
            raise ValueError("negative count")
        size = _ITEMSIZE[self._tc]
        nbytes = n * size
        b = f.read(nbytes)
        if not isinstance(b, bytes):
            raise TypeError("read() didn't return bytes")
        have = len(b) - len(b) % size
        self.frombytes(b[:have])
        if len(b) != nbytes:
            raise EOFError("read() didn't return enough bytes")

    def tolist(self):
        """Convert array to an ordinary list with the same items."""
        k = self._kind
        if k == _K_INT:
            return list(self._i)
        if k == _K_FLOAT:
            return list(self._f)
        return [_uchr(c) for c in self._i]

    def fromlist(self, lst):
        """Append items to array from list."""
        if not isinstance(lst, list):
            raise TypeError("arg must be list")
        n = len(self)
        try:
            for v in lst:
                self._append1(v)
        except BaseException:
            del self[n:]
            raise

    def tounicode(self):
        """Extends this array with data from the unicode string ustr.

Convert the array to a unicode string.  The array must be a unicode type array;
otherwise a ValueError is raised.  Use array.tobytes().decode() to obtain a
unicode string from an array of some other type."""
        if self._kind != _K_UNICODE:
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join([_uchr(c) for c in self._i])

    def fromunicode(self, ustr):
        """Extends this array with data from the unicode string ustr.

The array must be a unicode type array; otherwise a ValueError is raised.
Use array.frombytes(ustr.encode(...)) to append Unicode data to an array of
some other type."""
        if not isinstance(ustr, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(ustr).__name__)
        if self._kind != _K_UNICODE:
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        for c in ustr:
            self._i.append(ord(c))


ArrayType = array

# ---------------------------------------------------------------- pickling (protocol 3 and later)
# CPython's machine format codes
_MF_UINT8, _MF_INT8 = 0, 1
_MF_UINT16_LE, _MF_UINT16_BE, _MF_INT16_LE, _MF_INT16_BE = 2, 3, 4, 5
_MF_UINT32_LE, _MF_UINT32_BE, _MF_INT32_LE, _MF_INT32_BE = 6, 7, 8, 9
_MF_UINT64_LE, _MF_UINT64_BE, _MF_INT64_LE, _MF_INT64_BE = 10, 11, 12, 13
_MF_FLOAT_LE, _MF_FLOAT_BE, _MF_DOUBLE_LE, _MF_DOUBLE_BE = 14, 15, 16, 17
_MF_UTF16_LE, _MF_UTF16_BE, _MF_UTF32_LE, _MF_UTF32_BE = 18, 19, 20, 21

_MFORMAT = {"b": _MF_INT8, "B": _MF_UINT8, "u": _MF_UTF32_LE, "h": _MF_INT16_LE,
            "H": _MF_UINT16_LE, "i": _MF_INT32_LE, "I": _MF_UINT32_LE, "l": _MF_INT64_LE,
            "L": _MF_UINT64_LE, "q": _MF_INT64_LE, "Q": _MF_UINT64_LE, "f": _MF_FLOAT_LE,
            "d": _MF_DOUBLE_LE}


_MF_CHECK_SIZE = (1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8, 4, 4, 8, 8, 4, 4, 8, 8)


def _swap_groups(b, size):
    out = []
    for i in range(0, len(b), size):
        k = i + size - 1
        while k >= i:
            out.append(b[k])
            k -= 1
    return bytes(out)


def _array_reconstructor(arraytype, typecode, mformat_code, items):
    """Internal. Used for pickling support."""
    if not isinstance(arraytype, type):
        raise TypeError("first argument must be a type object, not %s" % type(arraytype).__name__)
    if not issubclass(arraytype, array):
        raise TypeError("%s is not a subtype of array.array" % arraytype.__name__)
    if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in _ITEMSIZE:
        raise ValueError("second argument must be a valid type code")
    mformat_code = _index(mformat_code)
    if mformat_code < 0 or mformat_code > 21:
        raise ValueError("third argument must be a valid machine format code.")
    if not isinstance(items, bytes):
        raise TypeError("fourth argument should be bytes, not %s" % type(items).__name__)
    if mformat_code == _MFORMAT[typecode]:
        return arraytype(typecode, items)
    # (CPython's table gives the UTF-16 codes 4 bytes and the UTF-32 ones 8 for this check)
    if len(items) % _MF_CHECK_SIZE[mformat_code] != 0:
        raise ValueError("string length not a multiple of item size")
    if mformat_code >= _MF_UTF16_LE:
        return arraytype(typecode, _decode_utf(items, mformat_code))
    if mformat_code >= _MF_FLOAT_LE:
        single = mformat_code < _MF_DOUBLE_LE
        size = 4 if single else 8
        if mformat_code % 2 == 1:
            items = _swap_groups(items, size)
        return arraytype(typecode, _bytes_to_floats(items, single))
    if mformat_code <= _MF_INT8:
        size = 1
        signed = mformat_code == _MF_INT8
    else:
        size = (2, 4, 8)[(mformat_code - 2) // 4]
        signed = (mformat_code - 2) % 4 >= 2
        if mformat_code % 2 == 1:
            items = _swap_groups(items, size)
    # (as CPython: the items keep their machine type, whatever typecode was asked for)
    typecode = {1: "bB", 2: "hH", 4: "iI", 8: "qQ"}[size][0 if signed else 1]
    return arraytype(typecode, _bytes_to_ints(items, size, signed))


def _decode_utf(items, mformat_code):
    """UTF-16 or UTF-32 bytes (either order) as a str (the codecs need not be compiled in)"""
    size = 2 if mformat_code < _MF_UTF32_LE else 4
    if mformat_code % 2 == 1:
        items = _swap_groups(items, size)
    units = _bytes_to_ints(items, size, False)
    chars = []
    i = 0
    n = len(units)
    while i < n:
        u = units[i]
        i += 1
        if size == 2 and 0xD800 <= u < 0xDC00 and i < n and 0xDC00 <= units[i] < 0xE000:
            u = 0x10000 + ((u - 0xD800) << 10) + (units[i] - 0xDC00)
            i += 1
        chars.append(_uchr(u))
    return "".join(chars)
