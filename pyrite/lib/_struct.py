__doc__ = """Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.

The optional first format char indicates byte order, size and alignment:
  @: native order, size & alignment (default)
  =: native order, std. size & alignment
  <: little-endian, std. size & alignment
  >: big-endian, std. size & alignment
  !: same as >

The remaining chars indicate types of args and must match exactly;
these can be preceded by a decimal repeat count:
  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;
  ?: _Bool (requires C99; if not available, char is used instead)
  h:short; H:unsigned short; i:int; I:unsigned int;
  l:long; L:unsigned long; f:float; d:double; e:half-float.
Special cases (preceding decimal count indicates length):
  s:string (array of char); p: pascal string (with count byte).
Special cases (only available in native format):
  n:ssize_t; N:size_t;
  P:an integer type that is wide enough to hold a pointer.
Special case (not in native mode unless 'long long' in platform C):
  q:long long; Q:unsigned long long
Whitespace between formats is ignored.

The variable struct.error is an exception raised on errors.
"""
# (an assignment rather than a docstring: pyrite's `from _struct import __doc__`, which struct.py
# does, finds only an assigned __doc__)

# pyrite's `_struct`: CPython writes this module in C (Modules/_structmodule.c); this is a
# Python version written from CPython 3.11's observable behaviour (values, exception types and
# messages), compiled with the program. `struct` itself is compiled from the standard library.
#
# Semantics reproduced:
# - Native mode ('@', the default) uses the native sizes and alignments of _NATIVE_SIZE
#   (x86_64 Linux, or wasm32-wasi where long/size_t/pointers are 4 bytes), little-endian.
#   '=' and '<' are little-endian standard sizes; '>' and '!' big-endian.
# - The range checks and messages follow CPython's three families of integer packers: the
#   native ones ("byte format requires -128 <= number <= 127", "argument out of range" when the
#   value does not fit the C type read first), the standard 2/4-byte ones ("'h' format requires
#   ..."), the 8-byte standard ones and 'P' (an OverflowError, reported as struct.error "int too
#   large to convert" when the argument is an int). On a little-endian machine CPython uses the
#   native packers for '<' and '=' where the sizes agree, so do we.
# - Floats are packed with integer arithmetic (math.frexp/ldexp): 'd' exactly, 'f' and 'e'
#   rounded half-to-even (OverflowError "float too large to pack with f format" in standard
#   mode, a cast to inf in native 'f' as C's (float) cast does).
# - pack_into zeroes the target region and writes item by item, so the items packed before
#   one that fails stay written, as in CPython; arguments are parsed with the C functions'
#   messages ("pack expected 2 items for packing (got 1)", "unpack_from() missing required
#   argument 'buffer' (pos 2)", "_struct.pack() takes no keyword arguments", ...).
#
# CPython 3.11's test.test_struct, run under CPython with this file as `_struct` (37 tests):
# all pass except 3, which test the C implementation itself (both are cpython_only):
# - test__sizeof__: sys.getsizeof of a Struct (our __sizeof__ returns the C object's size, but
#   getsizeof adds the header of a Python-class instance: 16 bytes more);
# - test__struct_types_immutable (2 subtests): assigning an attribute of the Struct and
#   unpack_iterator classes raises TypeError for C types; these are Python classes.
# Known differences that no test exercises:
# - NaN payloads are not kept (pure Python cannot read them): a NaN packs as the quiet NaN of
#   its sign, an unpacked NaN is the quiet NaN of its sign.
# - assigning an unknown attribute of a Struct is allowed (the C type has no __dict__), and
#   deleting format or size raises AttributeError with another message.
# - memoryview and array arguments work under CPython only (pyrite has no memoryview yet).

import math as _math
import sys as _sys

# ---------------------------------------------------------------- the native C types
# size of each format character in native mode ('@'); its alignment is its size
# (x, c, b, B, ?, s, p are bytes and need none). The one place where wasm32 differs.
if _sys.platform == "wasi":
    _NATIVE_SIZE = {"x": 1, "c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4,
                    "l": 4, "L": 4, "q": 8, "Q": 8, "n": 4, "N": 4, "e": 2, "f": 4, "d": 8,
                    "s": 1, "p": 1, "P": 4}
else:
    _NATIVE_SIZE = {"x": 1, "c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4,
                    "l": 8, "L": 8, "q": 8, "Q": 8, "n": 8, "N": 8, "e": 2, "f": 4, "d": 8,
                    "s": 1, "p": 1, "P": 8}

# The standard sizes ('<', '>', '!', '=') behave as CPython's on x86_64 Linux on both targets
# (the same results and messages everywhere): its standard packers first read a 64-bit C long,
# and it packs '<'/'=' codes whose standard size is the x86_64 native size with the native
# packers. Sizes, offsets and counts are 64-bit Py_ssize_t values on both targets (pyrite's
# sys.maxsize); the native packers read the C types of the target.
_X86_64_SIZE = {"l": 8, "L": 8, "n": 8, "N": 8, "P": 8}
_SSIZE_MAX = _sys.maxsize


class error(Exception):
    pass


error.__module__ = "struct"

# item kinds
_K_CHAR = 1
_K_STR = 2
_K_PASCAL = 3
_K_BOOL = 4
_K_INT = 5
_K_HALF = 6
_K_FLOAT = 7
_K_DOUBLE = 8
_K_PAD = 9

# what happens when an int does not fit the C type it is first read into
_GET_RANGE = 0       # struct.error("argument out of range")
_GET_BYTES = 1       # OverflowError of _PyLong_AsByteArray ("int too big to convert")
_GET_PTR = 2         # OverflowError of PyLong_AsVoidPtr

_SIGNED_CODES = "bhilqnP"


class _Fmt:
    """One format character in one mode: its size and alignment, and for an integer code the
    two checks CPython's packer makes (the C type read first, then the declared range)."""

    def __init__(self, code, kind, size, align, little):
        self.code = code
        self.kind = kind
        self.size = size
        self.align = align
        self.little = little
        self.signed = code in _SIGNED_CODES and code != "P"
        # read check: the value must fit gbits bits (gsign 0 unsigned, 1 signed, 2 either)
        self.gbits = 0
        self.gsign = 0
        self.gerr = _GET_RANGE
        # range check: rbits bits (0: none), rsigned, and its message
        self.rbits = 0
        self.rsigned = False
        self.rmsg = ""


def _range_msg(code, size, signed):
    bits = 8 * size
    if signed:
        return "'%s' format requires %d <= number <= %d" % (
            code, -(1 << (bits - 1)), (1 << (bits - 1)) - 1)
    return "'%s' format requires 0 <= number <= %d" % (code, (1 << bits) - 1)


_NATIVE_MSG = {
    "b": "byte format requires -128 <= number <= 127",
    "B": "ubyte format requires 0 <= number <= 255",
    "h": "short format requires -32768 <= number <= 32767",
    "H": "ushort format requires 0 <= number <= 65535",
}

_KINDS = {"x": _K_PAD, "c": _K_CHAR, "s": _K_STR, "p": _K_PASCAL, "?": _K_BOOL, "e": _K_HALF,
          "f": _K_FLOAT, "d": _K_DOUBLE}

_STD_SIZE = {"x": 1, "c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4,
             "l": 4, "L": 4, "q": 8, "Q": 8, "e": 2, "f": 4, "d": 8, "s": 1, "p": 1}


def _native_int(f, sizes):
    """the checks of CPython's native packers (np_byte, np_int, np_ulong, ...), for the C types
    of the given sizes (of l, n and P)"""
    c = f.code
    if c == "q" or c == "Q":
        f.gbits = 64
    elif c == "n" or c == "N":
        f.gbits = 8 * sizes["n"]
    elif c == "P":
        f.gbits = 8 * sizes["P"]
        f.gsign = 2
        f.gerr = _GET_PTR
        return
    else:
        f.gbits = 8 * sizes["l"]
    # b, B, h, H read a C long whatever their sign; I, L, Q, N an unsigned type
    if c in "bBhHilqn":
        f.gsign = 1
    if c in _NATIVE_MSG:
        f.rbits = 8 * f.size
        f.rsigned = c in "bh"
        f.rmsg = _NATIVE_MSG[c]
    elif (c == "i" or c == "I") and f.size * 8 < f.gbits:
        f.rbits = 8 * f.size
        f.rsigned = c == "i"
        f.rmsg = _range_msg(c, f.size, c == "i")


def _std_int(f):
    """the checks of CPython's standard-size packers (lp_int, bp_uint, bp_longlong, ...)"""
    c = f.code
    if c == "b" or c == "B":
        _native_int(f, _X86_64_SIZE)
        return
    if f.size == 8:
        f.gbits = 64
        f.gsign = 1 if f.signed else 0
        f.gerr = _GET_BYTES
        return
    f.gbits = 64
    f.gsign = 1 if f.signed else 0
    if f.size < 8:
        f.rbits = 8 * f.size
        f.rsigned = f.signed
        f.rmsg = _range_msg(c, f.size, f.signed)


def _make_table(mode):
    table = {}
    for c in "xcbB?hHiIlLqQnNefdspP":
        if mode == "@":
            size = _NATIVE_SIZE[c]
            align = size
        else:
            if c in "nNP":
                continue
            size = _STD_SIZE[c]
            align = 0
        kind = _KINDS.get(c, _K_INT)
        f = _Fmt(c, kind, size, align, mode != ">")
        if kind == _K_INT:
            if mode == "@":
                _native_int(f, _NATIVE_SIZE)
            elif mode == "<" and size == _X86_64_SIZE.get(c, size):
                # little-endian standard codes of the native size use the native packers
                _native_int(f, _X86_64_SIZE)
            else:
                _std_int(f)
        table[c] = f
    return table


_TABLES = {"@": _make_table("@"), "<": _make_table("<"), ">": _make_table(">")}
_ORDER_TABLE = {"@": "@", "=": "<", "<": "<", ">": ">", "!": ">"}


def _fits(x, bits, signed):
    """does the int x fit a C integer of the given width and signedness?"""
    if x >= 0:
        n = int(x.bit_length())
        if signed:
            return n < bits
        return n <= bits
    if not signed:
        return False
    return int((~x).bit_length()) < bits


def _typename(o):
    return type(o).__name__


def _index(v):
    """operator.index with CPython's messages"""
    if isinstance(v, int):
        return v
    t = type(v)
    if not hasattr(t, "__index__"):
        raise TypeError("'%s' object cannot be interpreted as an integer" % t.__name__)
    r = v.__index__()
    if not isinstance(r, int):
        raise TypeError("__index__ returned non-int (type %s)" % _typename(r))
    return r


def _ssize(v, overflow_index):
    """a Py_ssize_t argument: OverflowError (or IndexError for pack_into's offset) when too big"""
    x = _index(v)
    if not _fits(x, 64, True):
        if overflow_index:
            raise IndexError("cannot fit 'int' into an index-sized integer")
        raise OverflowError("Python int too large to convert to C ssize_t")
    return x


# ---------------------------------------------------------------- IEEE-754 encoding
def _ieee_bits(x, fbits, ebits, saturate):
    """The magnitude bits (exponent and fraction, no sign) of x rounded half-to-even to the
    binary format with fbits fraction bits and ebits exponent bits; -1 when it overflows (or the
    infinity when saturate, as C's (float) cast)."""
    emax = (1 << ebits) - 1
    if x != x:
        return (emax << fbits) | (1 << (fbits - 1))
    ax = _math.fabs(x)
    if _math.isinf(ax):
        return emax << fbits
    if ax == 0.0:
        return 0
    m, e = _math.frexp(ax)                      # ax = m * 2**e, 0.5 <= m < 1
    mant = int(m * 9007199254740992.0)          # exact: ax = mant * 2**(e - 53)
    p = fbits + 1
    bias = (1 << (ebits - 1)) - 1
    qmin = 1 - bias - fbits
    q = e - p
    if q < qmin:
        q = qmin
    s = q - (e - 53)                            # bits to drop, >= 0
    n = mant
    if s > 54:
        n = 0
    elif s > 0:
        n = mant >> s
        rem = mant - (n << s)
        half = 1 << (s - 1)
        if rem > half or (rem == half and (n & 1) == 1):
            n += 1
    if n >= (1 << p):
        n >>= 1
        q += 1
    if n >= (1 << fbits):
        big_e = q + bias + fbits
        if big_e >= emax:
            if saturate:
                return emax << fbits
            return -1
        return (big_e << fbits) | (n - (1 << fbits))
    return n


def _ieee_value(bits, negative, fbits, ebits):
    emax = (1 << ebits) - 1
    bias = (1 << (ebits - 1)) - 1
    big_e = bits >> fbits
    frac = bits & ((1 << fbits) - 1)
    if big_e == emax:
        if frac == 0:
            r = _math.inf
        else:
            r = _math.nan
    elif big_e == 0:
        r = _math.ldexp(float(frac), 1 - bias - fbits)
    else:
        r = _math.ldexp(float(frac | (1 << fbits)), big_e - bias - fbits)
    if negative:
        return -r
    return r


def _as_float(v):
    """PyFloat_AsDouble; any failure is struct.error("required argument is not a float")"""
    if isinstance(v, float):
        return float(v)
    ok = True
    r = 0.0
    try:
        if isinstance(v, int):
            r = float(v)
        else:
            t = type(v)
            if hasattr(t, "__float__"):
                y = v.__float__()
                if isinstance(y, float):
                    r = float(y)
                else:
                    ok = False
            elif hasattr(t, "__index__"):
                r = float(_index(v))
            else:
                ok = False
    except Exception:
        ok = False
    if not ok:
        raise error("required argument is not a float")
    return r


# ---------------------------------------------------------------- packing one item
def _put(out, pos, mag, size, little, negative):
    """write the size-byte magnitude mag (< 2**63) at pos, the sign bit set when negative"""
    for k in range(size):
        if little:
            out[pos + k] = mag & 255
        else:
            out[pos + size - 1 - k] = mag & 255
        mag >>= 8
    if negative:
        top = pos + size - 1 if little else pos
        out[top] = out[top] | 128


def _get_pylong(v):
    """the int an integer code packs: an int, or what __index__ returns"""
    if isinstance(v, int):
        return v
    if not hasattr(type(v), "__index__"):
        raise error("required argument is not an integer")
    return _index(v)


def _pack_int(out, pos, f, v):
    x = _get_pylong(v)
    bits = f.gbits
    ok = True
    if f.gsign == 2:
        ok = _fits(x, bits, True) or _fits(x, bits, False)
    else:
        ok = _fits(x, bits, f.gsign == 1)
    if not ok:
        if f.gerr == _GET_RANGE:
            raise error("argument out of range")
        if f.gerr == _GET_PTR:
            if isinstance(v, int):
                raise error("int too large to convert")
            if x < 0:
                raise OverflowError("Python int too large to convert to C long")
            raise OverflowError("Python int too large to convert to C unsigned long")
        if x < 0 and f.gsign == 0:
            if isinstance(v, int):
                raise error("int too large to convert")
            raise OverflowError("can't convert negative int to unsigned")
        # _PyLong_AsByteArray writes the low bytes before it finds the overflow (seen by
        # pack_into)
        b = (x & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "little" if f.little else "big")
        for k in range(8):
            out[pos + k] = b[k]
        if isinstance(v, int):
            raise error("int too large to convert")
        raise OverflowError("int too big to convert")
    if f.rbits != 0 and not _fits(x, f.rbits, f.rsigned):
        raise error(f.rmsg)
    b = x.to_bytes(f.size, "little" if f.little else "big", signed=x < 0)
    for k in range(f.size):
        out[pos + k] = b[k]


def _pack_float(out, pos, f, v):
    x = _as_float(v)
    size = f.size
    if size == 8:
        mag = _ieee_bits(x, 52, 11, False)
    elif size == 4:
        mag = _ieee_bits(x, 23, 8, f.code == "f" and f.align != 0)
    else:
        mag = _ieee_bits(x, 10, 5, False)
    if mag < 0:
        if isinstance(v, int):
            raise error("int too large to convert")
        raise OverflowError("float too large to pack with %s format" % f.code)
    _put(out, pos, mag, size, f.little, _math.copysign(1.0, x) < 0.0)


def _pack_item(out, pos, f, size, v):
    kind = f.kind
    if kind == _K_INT:
        _pack_int(out, pos, f, v)
    elif kind == _K_CHAR:
        if not isinstance(v, bytes) or len(v) != 1:
            raise error("char format requires a bytes object of length 1")
        out[pos] = v[0]
    elif kind == _K_BOOL:
        out[pos] = 1 if v else 0
    elif kind == _K_STR or kind == _K_PASCAL:
        if isinstance(v, bytes):
            data = v
        elif isinstance(v, bytearray):
            data = bytes(v)
        else:
            raise error("argument for '%s' must be a bytes object" % f.code)
        n = len(data)
        if kind == _K_STR:
            if n > size:
                n = size
            for k in range(n):
                out[pos + k] = data[k]
        else:
            if n > size - 1:
                n = size - 1
            for k in range(n):
                out[pos + 1 + k] = data[k]
            if n > 255:
                n = 255
            if pos < len(out):     # '0p' writes its count byte past its (empty) field
                out[pos] = n & 255
    else:
        _pack_float(out, pos, f, v)


# ---------------------------------------------------------------- unpacking one item
def _unpack_item(data, pos, f, size):
    kind = f.kind
    if kind == _K_INT:
        return int.from_bytes(data[pos:pos + size], "little" if f.little else "big",
                              signed=f.signed)
    if kind == _K_CHAR:
        return data[pos:pos + 1]
    if kind == _K_BOOL:
        return data[pos] != 0
    if kind == _K_STR:
        return data[pos:pos + size]
    if kind == _K_PASCAL:
        if size == 0:
            # CPython reads the count byte past the empty field, then asks for -1 bytes
            raise SystemError("Negative size passed to PyBytes_FromStringAndSize")
        n = data[pos]
        if n >= size:
            n = size - 1
        return data[pos + 1:pos + 1 + n]
    # the magnitude without the sign bit (it stays below 2**63)
    mag = 0
    negative = False
    for k in range(size):
        if f.little:
            byte = data[pos + size - 1 - k]
        else:
            byte = data[pos + k]
        if k == 0:
            negative = byte >= 128
            byte &= 127
        mag = (mag << 8) | byte
    if size == 8:
        return _ieee_value(mag, negative, 52, 11)
    if size == 4:
        return _ieee_value(mag, negative, 23, 8)
    return _ieee_value(mag, negative, 10, 5)


# ---------------------------------------------------------------- buffers
def _readable(obj):
    """the bytes of a bytes-like object (CPython's "y*" argument)"""
    if isinstance(obj, bytes):
        return obj
    if isinstance(obj, bytearray):
        return bytes(obj)
    return _buffer_bytes(obj, "a bytes-like object is required, not '%s'" % _typename(obj))


def _buffer_bytes(obj, msg):
    ok = True
    m = None
    if isinstance(obj, str):
        ok = False
    else:
        try:
            m = memoryview(obj)
        except (TypeError, NotImplementedError):
            ok = False
    if not ok:
        raise TypeError(msg)
    if not m.c_contiguous:
        raise BufferError("memoryview: underlying buffer is not C-contiguous")
    return m.tobytes()


def _writable_view(obj):
    """a writable byte view of any other buffer (memoryview, array) or a TypeError"""
    ok = True
    m = None
    try:
        m = memoryview(obj)
    except (TypeError, NotImplementedError):
        ok = False
    if ok and (m.readonly or not m.c_contiguous):
        ok = False
    if not ok:
        raise TypeError("argument must be read-write bytes-like object, not %s" % _typename(obj))
    return m.cast("B")


# ---------------------------------------------------------------- argument parsing
_NOARG = ["<no argument>"]


def _parse_args(fname, args, kwargs, names, nposonly, nrequired):
    """CPython's argument-clinic parsing of (args, kwargs) against the parameter names;
    absent optional parameters are _NOARG."""
    nargs = len(args)
    nkw = len(kwargs)
    maxargs = len(names)
    if nargs + nkw > maxargs:
        if maxargs == 1:
            raise TypeError("%s() takes at most 1 argument (%d given)" % (fname, nargs + nkw))
        raise TypeError("%s() takes at most %d arguments (%d given)" % (fname, maxargs, nargs + nkw))
    if nargs < nposonly:
        raise TypeError("%s() takes at least %d positional argument%s (%d given)"
                        % (fname, nposonly, "" if nposonly == 1 else "s", nargs))
    values = []
    used = 0
    for i in range(maxargs):
        name = names[i]
        if i < nargs:
            values.append(args[i])
        elif i >= nposonly and name in kwargs:
            values.append(kwargs[name])
            used += 1
        elif i < nrequired:
            raise TypeError("%s() missing required argument '%s' (pos %d)" % (fname, name, i + 1))
        else:
            values.append(_NOARG)
    if used < nkw:
        for key in kwargs:
            if isinstance(key, str):
                j = -1
                for i in range(nposonly, maxargs):
                    if names[i] == key:
                        j = i
                if j >= 0 and j < nargs:
                    raise TypeError("argument for %s() given by name ('%s') and position (%d)"
                                    % (fname, key, j + 1))
                if j < 0:
                    raise TypeError("'%s' is an invalid keyword argument for %s()" % (key, fname))
        raise TypeError("keywords must be strings")
    return values


def _no_kwargs(fname, kwargs):
    if kwargs:
        raise TypeError("%s() takes no keyword arguments" % fname)


def _one_arg(fname, args, kwargs):
    _no_kwargs(fname, kwargs)
    if len(args) != 1:
        raise TypeError("%s() takes exactly one argument (%d given)" % (fname, len(args)))
    return args[0]


# ---------------------------------------------------------------- Struct
class Struct:
    """Struct(fmt) --> compiled struct object

"""

    def __init__(self, *args, **kwargs):
        fmt = _parse_args("Struct", args, kwargs, ["format"], 0, 1)[0]
        text = ""
        if isinstance(fmt, str):
            text = str(fmt)
            for ch in text:
                if ord(ch) > 127:
                    text.encode("ascii")      # the UnicodeEncodeError
        elif isinstance(fmt, bytes):
            text = str(fmt.decode("latin-1"))
        else:
            raise TypeError("Struct() argument 1 must be a str or bytes object, not %s"
                            % _typename(fmt))
        self._format = text
        # one entry per format code (pad bytes have none): its _Fmt, offset, item size (the
        # length of an 's' or 'p' field) and repeat count (1 for 's' and 'p')
        self._fmts = []
        self._offsets = []
        self._sizes = []
        self._repeats = []
        self._size = 0
        self._len = 0          # the number of values pack() takes
        self._prepare(text)

    def _prepare(self, text):
        if "\0" in text:
            raise error("embedded null character")
        n = len(text)
        i = 0
        order = "@"
        if n > 0 and text[0] in "@=<>!":
            order = text[0]
            i = 1
        table = _TABLES[_ORDER_TABLE[order]]
        fmts = []
        offsets = []
        sizes = []
        repeats = []
        size = 0
        nitems = 0
        while i < n:
            c = text[i]
            i += 1
            if c in " \t\n\r\x0b\x0c":
                continue
            num = 1
            if "0" <= c <= "9":
                num = ord(c) - 48
                c = ""
                while i < n:
                    c = text[i]
                    i += 1
                    if not ("0" <= c <= "9"):
                        break
                    d = ord(c) - 48
                    if num > (_SSIZE_MAX - d) // 10:
                        raise error("total struct size too long")
                    num = num * 10 + d
                    c = ""
                if c == "":
                    raise error("repeat count given without format specifier")
            if c not in table:
                raise error("bad char in struct format")
            f = table[c]
            if f.align > 1 and size > 0:
                size = (size + f.align - 1) // f.align * f.align
            itemsize = f.size
            if num > (_SSIZE_MAX - size) // itemsize:
                raise error("total struct size too long")
            if f.kind == _K_STR or f.kind == _K_PASCAL:
                fmts.append(f)
                offsets.append(size)
                sizes.append(num)
                repeats.append(1)
                nitems += 1
            elif f.kind != _K_PAD and num > 0:
                fmts.append(f)
                offsets.append(size)
                sizes.append(itemsize)
                repeats.append(num)
                nitems += num
            size += num * itemsize
        self._fmts = fmts
        self._offsets = offsets
        self._sizes = sizes
        self._repeats = repeats
        self._size = size
        self._len = nitems

    @property
    def format(self):
        """struct format string"""
        return self._format

    @format.setter
    def format(self, value):
        raise AttributeError("attribute 'format' of '_struct.Struct' objects is not writable")

    @property
    def size(self):
        """struct size in bytes"""
        return self._size

    @size.setter
    def size(self, value):
        raise AttributeError("attribute 'size' of '_struct.Struct' objects is not writable")

    # -- packing
    def _pack_values(self, out, base, args, start):
        fmts = self._fmts
        offsets = self._offsets
        sizes = self._sizes
        repeats = self._repeats
        a = start
        for k in range(len(fmts)):
            f = fmts[k]
            pos = base + offsets[k]
            size = sizes[k]
            for j in range(repeats[k]):
                _pack_item(out, pos, f, size, args[a])
                a += 1
                pos += size

    def _pack(self, args, start):
        if len(args) - start != self._len:
            raise error("pack expected %d items for packing (got %d)"
                        % (self._len, len(args) - start))
        out = [0] * self._size
        self._pack_values(out, 0, args, start)
        return bytes(out)

    def _pack_into(self, args, start):
        nargs = len(args) - start
        if nargs != self._len + 2:
            if nargs == 0:
                raise error("pack_into expected buffer argument")
            if nargs == 1:
                raise error("pack_into expected offset argument")
            raise error("pack_into expected %d items for packing (got %d)"
                        % (self._len, nargs - 2))
        buf = args[start]
        isba = isinstance(buf, bytearray)
        view = None
        if isba:
            buflen = len(buf)
        else:
            view = _writable_view(buf)
            buflen = len(view)
        offset = _ssize(args[start + 1], True)
        size = self._size
        if offset < 0:
            if offset + size > 0:
                raise error("no space to pack %d bytes at offset %d" % (size, offset))
            if offset + buflen < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, buflen))
            offset += buflen
        if buflen - offset < size:
            raise error("pack_into requires a buffer of at least %d bytes for packing %d bytes "
                        "at offset %d (actual buffer size is %d)"
                        % (size + offset, size, offset, buflen))
        # the items are written over a zeroed copy of the region (pad bytes become zeros; the
        # count byte of a trailing '0p' lands just after it, inside the buffer)
        extra = 1 if offset + size < buflen else 0
        out = [0] * (size + extra)
        if extra:
            out[size] = buf[offset + size] if isba else view[offset + size]
        failed = True
        try:
            self._pack_values(out, 0, args, start + 2)
            failed = False
        finally:
            # CPython zeroes the region and packs into it item by item: the items packed
            # before one that fails stay written
            if isba:
                buf[offset:offset + size + extra] = bytes(out)
            else:
                view[offset:offset + size + extra] = bytes(out)

    def pack(self, *args, **kwargs):
        """S.pack(v1, v2, ...) -> bytes

Return a bytes object containing values v1, v2, ... packed according
to the format string S.format.  See help(struct) for more on format
strings."""
        _no_kwargs("Struct.pack", kwargs)
        return self._pack(args, 0)

    def pack_into(self, *args, **kwargs):
        """S.pack_into(buffer, offset, v1, v2, ...)

Pack the values v1, v2, ... according to the format string S.format
and write the packed bytes into the writable buffer buf starting at
offset.  Note that the offset is a required argument.  See
help(struct) for more on format strings."""
        _no_kwargs("Struct.pack_into", kwargs)
        self._pack_into(args, 0)

    # -- unpacking
    def _unpack_at(self, data, base):
        fmts = self._fmts
        offsets = self._offsets
        sizes = self._sizes
        repeats = self._repeats
        values = []
        for k in range(len(fmts)):
            f = fmts[k]
            pos = base + offsets[k]
            size = sizes[k]
            for j in range(repeats[k]):
                values.append(_unpack_item(data, pos, f, size))
                pos += size
        return tuple(values)

    def _unpack(self, buffer):
        data = _readable(buffer)
        if len(data) != self._size:
            raise error("unpack requires a buffer of %d bytes" % self._size)
        return self._unpack_at(data, 0)

    def _unpack_from(self, buffer, offset_arg):
        if isinstance(buffer, bytearray):
            buflen = len(buffer)
        else:
            data = _readable(buffer)
            buflen = len(data)
        offset = 0
        if offset_arg is not _NOARG:
            offset = _ssize(offset_arg, False)
        size = self._size
        if offset < 0:
            if offset + buflen < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, buflen))
            if offset + size > 0:
                raise error("not enough data to unpack %d bytes at offset %d" % (size, offset))
            offset += buflen
        if buflen - offset < size:
            raise error("unpack_from requires a buffer of at least %d bytes for unpacking %d "
                        "bytes at offset %d (actual buffer size is %d)"
                        % (size + offset, size, offset, buflen))
        if isinstance(buffer, bytearray):
            return self._unpack_at(bytes(buffer[offset:offset + size]), 0)
        return self._unpack_at(data, offset)

    def _iter_unpack(self, buffer):
        size = self._size
        if size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        data = _readable(buffer)
        if len(data) % size != 0:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % size)
        it = _unpack_iterator.__new__(_unpack_iterator)
        it._struct = self
        it._data = data
        it._pos = 0
        return it

    def unpack(self, *args, **kwargs):
        """Return a tuple containing unpacked values.

Unpack according to the format string Struct.format. The buffer's size
in bytes must be Struct.size.

See help(struct) for more on format strings."""
        return self._unpack(_one_arg("Struct.unpack", args, kwargs))

    def unpack_from(self, *args, **kwargs):
        """Return a tuple containing unpacked values.

Values are unpacked according to the format string Struct.format.

The buffer's size in bytes, starting at position offset, must be
at least Struct.size.

See help(struct) for more on format strings."""
        a = _parse_args("unpack_from", args, kwargs, ["buffer", "offset"], 0, 1)
        return self._unpack_from(a[0], a[1])

    def iter_unpack(self, *args, **kwargs):
        """Return an iterator yielding tuples.

Tuples are unpacked from the given bytes source, like a repeated
invocation of unpack_from().

Requires that the bytes length be a multiple of the struct size."""
        return self._iter_unpack(_one_arg("Struct.iter_unpack", args, kwargs))

    def __sizeof__(self):
        # CPython's: the object (header, 2 Py_ssize_t, 3 pointers) and its array of codes
        # (one per code and a terminator, each a pointer and 3 Py_ssize_t)
        return _NATIVE_SIZE["P"] * (7 + 4 * (len(self._fmts) + 1))


class _unpack_iterator:
    _struct = None
    _data = b""
    _pos = 0

    def __init__(self, *args, **kwargs):
        raise TypeError("Cannot create 'unpack_iterator objects")

    def __iter__(self):
        return self

    def __next__(self):
        s = self._struct
        if s is None or self._pos >= len(self._data):
            raise StopIteration
        pos = self._pos
        self._pos = pos + s._size
        return s._unpack_at(self._data, pos)

    def __length_hint__(self):
        s = self._struct
        if s is None:
            return 0
        return (len(self._data) - self._pos) // s._size


# CPython's name for it (not a module attribute: `from _struct import *` must not export it)
_unpack_iterator.__name__ = "unpack_iterator"
_unpack_iterator.__qualname__ = "unpack_iterator"


# ---------------------------------------------------------------- the module functions
_MAXCACHE = 100
_cache = {}


def _getstruct(fmt):
    s = _cache.get(fmt)
    if s is None:
        s = Struct(fmt)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[fmt] = s
    return s


def _clearcache():
    """Clear the internal cache."""
    _cache.clear()


def calcsize(*args, **kwargs):
    """Return size in bytes of the struct described by the format string."""
    return _getstruct(_one_arg("_struct.calcsize", args, kwargs))._size


def pack(*args, **kwargs):
    """pack(format, v1, v2, ...) -> bytes

Return a bytes object containing the values v1, v2, ... packed according
to the format string.  See help(struct) for more on format strings."""
    _no_kwargs("_struct.pack", kwargs)
    if len(args) == 0:
        raise TypeError("missing format argument")
    return _getstruct(args[0])._pack(args, 1)


def pack_into(*args, **kwargs):
    """pack_into(format, buffer, offset, v1, v2, ...)

Pack the values v1, v2, ... according to the format string and write
the packed bytes into the writable buffer buf starting at offset.  Note
that the offset is a required argument.  See help(struct) for more
on format strings."""
    _no_kwargs("_struct.pack_into", kwargs)
    if len(args) == 0:
        raise TypeError("missing format argument")
    _getstruct(args[0])._pack_into(args, 1)


def _two_args(fname, args, kwargs):
    _no_kwargs("_struct." + fname, kwargs)
    if len(args) != 2:
        raise TypeError("%s expected 2 arguments, got %d" % (fname, len(args)))


def unpack(*args, **kwargs):
    """Return a tuple containing values unpacked according to the format string.

The buffer's size in bytes must be calcsize(format).

See help(struct) for more on format strings."""
    _two_args("unpack", args, kwargs)
    return _getstruct(args[0])._unpack(args[1])


def unpack_from(*args, **kwargs):
    """Return a tuple containing values unpacked according to the format string.

The buffer's size, minus offset, must be at least calcsize(format).

See help(struct) for more on format strings."""
    a = _parse_args("unpack_from", args, kwargs, ["format", "buffer", "offset"], 1, 2)
    return _getstruct(a[0])._unpack_from(a[1], a[2])


def iter_unpack(*args, **kwargs):
    """Return an iterator yielding tuples unpacked from the given bytes.

The bytes are unpacked according to the format string, like
a repeated invocation of unpack_from().

Requires that the bytes length be a multiple of the format struct size."""
    _two_args("iter_unpack", args, kwargs)
    return _getstruct(args[0])._iter_unpack(args[1])
