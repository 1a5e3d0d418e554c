__doc__ = "Conversion between binary data and ASCII"
# (an assignment rather than a docstring: pyrite's `from M import __doc__` finds only an assigned
# __doc__)

# pyrite's `binascii`: CPython writes this module in C (Modules/binascii.c); this is a Python
# version written from CPython 3.11's observable behaviour (results, exception types and messages,
# argument parsing), compiled with the program. base64, quopri and uu use it.
#
# CPython 3.11's test.test_binascii, test.test_base64, test.test_quopri and test.test_uu, run
# under CPython with this file as `binascii` (134 tests): all pass (1 skipped: the 4 GiB
# bigmem test). Known differences no test exercises:
# - a type named in a message is type(x).__name__: CPython names C types with their module
#   ("'array.array' object cannot be interpreted as an integer").
# - memoryview and array arguments work under CPython only (pyrite has no memoryview yet).

class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


# ---------------------------------------------------------------- arguments
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


def _c_int(v):
    """an argument converted to a C int"""
    x = _index(v)
    if x < -2147483648 or x > 2147483647:
        raise OverflowError("Python int too large to convert to C int")
    return int(x)


def _c_uint_mask(v, mask):
    """an unsigned int argument converted bitwise (no overflow), then masked"""
    return int(_index(v) & mask)


def _memoryview_bytes(obj, msg, noncontig_is_typeerror):
    ok = True
    m = None
    if isinstance(obj, str):
        ok = False
    else:
        try:
            m = memoryview(obj)
        except (TypeError, NotImplementedError):
            ok = False
    if ok and not m.c_contiguous:
        if not noncontig_is_typeerror:
            raise BufferError("memoryview: underlying buffer is not C-contiguous")
        ok = False
    if not ok:
        raise TypeError(msg)
    return m.tobytes()


def _bin_data(obj):
    """the bytes of a bytes-like object (the b2a_* and crc functions)"""
    if isinstance(obj, bytes):
        return obj
    if isinstance(obj, bytearray):
        return bytes(obj)
    return _memoryview_bytes(obj, "a bytes-like object is required, not '%s'" % _typename(obj),
                             False)


def _ascii_data(obj):
    """the bytes of a bytes-like object or of an ASCII str (the a2b_* functions)"""
    if isinstance(obj, bytes):
        return obj
    if isinstance(obj, bytearray):
        return bytes(obj)
    if isinstance(obj, str):
        for ch in obj:
            if ord(ch) > 127:
                raise ValueError("string argument should contain only ASCII characters")
        return obj.encode("ascii")
    return _memoryview_bytes(
        obj, "argument should be bytes, buffer or ASCII string, not '%s'" % _typename(obj), True)


_NOARG = ["<no argument>"]


def _parse_args(fname, args, kwargs, names, nposonly, maxpos, nrequired):
    """CPython's argument-clinic parsing of (args, kwargs) against the parameter names (the first
    nposonly positional-only, the first maxpos positional, the first nrequired required); absent
    optional parameters are _NOARG."""
    nargs = len(args)
    nkw = len(kwargs)
    maxargs = len(names)
    if nargs + nkw > maxargs:
        raise TypeError("%s() takes at most %d argument%s (%d given)"
                        % (fname, maxargs, "" if maxargs == 1 else "s", nargs + nkw))
    if nargs > maxpos:
        raise TypeError("%s() takes %s %d positional argument%s (%d given)"
                        % (fname, "exactly" if nrequired == maxpos else "at most", maxpos,
                           "" if maxpos == 1 else "s", nargs))
    if nargs < nposonly:
        raise TypeError("%s() takes %s %d positional argument%s (%d given)"
                        % (fname, "exactly" if nposonly == maxpos else "at least", nposonly,
                           "" if nposonly == 1 else "s", nargs))
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
            j = -1
            for i in range(nposonly, maxargs):
                if names[i] == key:
                    j = i
            if j >= 0 and j < nargs:
                raise TypeError("argument for %s() given by name ('%s') and position (%d)"
                                % (fname, key, j + 1))
            if j < 0:
                raise TypeError("'%s' is an invalid keyword argument for %s()" % (key, fname))
    return values


def _one_arg(fname, args, kwargs):
    if kwargs:
        raise TypeError("binascii.%s() takes no keyword arguments" % fname)
    if len(args) != 1:
        raise TypeError("binascii.%s() takes exactly one argument (%d given)" % (fname, len(args)))
    return args[0]


def _flag(v, default):
    if v is _NOARG:
        return default
    return _c_int(v) != 0


# ---------------------------------------------------------------- uu
def a2b_uu(*args, **kwargs):
    """Decode a line of uuencoded data."""
    data = _ascii_data(_one_arg("a2b_uu", args, kwargs))
    n = len(data)
    # the length character (an empty buffer reads C's terminating NUL)
    first = data[0] if n > 0 else 0
    bin_len = (first - 32) & 63
    out = []
    i = 1
    left = n - 1                # characters left after position i
    leftchar = 0
    leftbits = 0
    while bin_len > 0:
        ch = data[i] if left > 0 else 0
        if ch == 10 or ch == 13 or left <= 0:
            ch = 0              # whitespace eaten at the end of the line
        else:
            if ch < 32 or ch > 96:
                raise Error("Illegal char")
            ch = (ch - 32) & 63
        leftchar = (leftchar << 6) | ch
        leftbits += 6
        if leftbits >= 8:
            leftbits -= 8
            out.append((leftchar >> leftbits) & 255)
            leftchar &= (1 << leftbits) - 1
            bin_len -= 1
        i += 1
        left -= 1
    while left > 0:
        ch = data[i]
        if ch != 32 and ch != 96 and ch != 10 and ch != 13:
            raise Error("Trailing garbage")
        i += 1
        left -= 1
    return bytes(out)


def b2a_uu(*args, **kwargs):
    """Uuencode line of data."""
    a = _parse_args("b2a_uu", args, kwargs, ["data", "backtick"], 1, 1, 1)
    data = _bin_data(a[0])
    backtick = _flag(a[1], False)
    n = len(data)
    if n > 45:
        raise Error("At most 45 bytes at once")
    out = []
    if backtick and n == 0:
        out.append(96)
    else:
        out.append(32 + n)
    i = 0
    leftchar = 0
    leftbits = 0
    while i < n or leftbits != 0:
        if i < n:
            leftchar = (leftchar << 8) | data[i]
        else:
            leftchar <<= 8
        leftbits += 8
        while leftbits >= 6:
            ch = (leftchar >> (leftbits - 6)) & 63
            leftbits -= 6
            if backtick and ch == 0:
                out.append(96)
            else:
                out.append(ch + 32)
        leftchar &= (1 << leftbits) - 1
        i += 1
    out.append(10)
    return bytes(out)


# ---------------------------------------------------------------- base64
_B64_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64_decode_table():
    table = [255] * 256
    for k in range(64):
        table[_B64_ALPHABET[k]] = k
    return table


_B64_DECODE = _b64_decode_table()


def a2b_base64(*args, **kwargs):
    """Decode a line of base64 data.

  strict_mode
    When set to True, bytes that are not part of the base64 standard are not allowed.
    The same applies to excess data after padding (= / ==)."""
    a = _parse_args("a2b_base64", args, kwargs, ["data", "strict_mode"], 1, 1, 1)
    data = _ascii_data(a[0])
    strict = _flag(a[1], False)
    table = _B64_DECODE
    n = len(data)
    out = []
    if strict and n > 0 and data[0] == 61:
        raise Error("Leading padding not allowed")
    quad_pos = 0
    leftchar = 0
    pads = 0
    padding_started = False
    for i in range(n):
        c = data[i]
        if c == 61:             # '='
            padding_started = True
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    # the end of the data; in strict mode nothing may follow
                    if strict and i + 1 < n:
                        raise Error("Excess data after padding")
                    return bytes(out)
            continue
        v = table[c]
        if v >= 64:
            if strict:
                raise Error("Only base64 data is allowed")
            continue
        if strict and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            leftchar = v
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((leftchar << 2) | (v >> 4)) & 255)
            leftchar = v & 15
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((leftchar << 4) | (v >> 2)) & 255)
            leftchar = v & 3
        else:
            quad_pos = 0
            out.append(((leftchar << 6) | v) & 255)
            leftchar = 0
    if quad_pos == 1:
        raise Error("Invalid base64-encoded string: number of data characters (%d) cannot be "
                    "1 more than a multiple of 4" % (len(out) // 3 * 4 + 1))
    if quad_pos != 0:
        raise Error("Incorrect padding")
    return bytes(out)


def b2a_base64(*args, **kwargs):
    """Base64-code line of data."""
    a = _parse_args("b2a_base64", args, kwargs, ["data", "newline"], 1, 1, 1)
    data = _bin_data(a[0])
    newline = _flag(a[1], True)
    alphabet = _B64_ALPHABET
    n = len(data)
    out = []
    i = 0
    while i + 3 <= n:
        x = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.append(alphabet[x >> 18])
        out.append(alphabet[(x >> 12) & 63])
        out.append(alphabet[(x >> 6) & 63])
        out.append(alphabet[x & 63])
        i += 3
    rest = n - i
    if rest == 1:
        x = data[i] << 16
        out.append(alphabet[x >> 18])
        out.append(alphabet[(x >> 12) & 63])
        out.append(61)
        out.append(61)
    elif rest == 2:
        x = (data[i] << 16) | (data[i + 1] << 8)
        out.append(alphabet[x >> 18])
        out.append(alphabet[(x >> 12) & 63])
        out.append(alphabet[(x >> 6) & 63])
        out.append(61)
    if newline:
        out.append(10)
    return bytes(out)


# ---------------------------------------------------------------- crc
def _crc32_table():
    table = []
    for k in range(256):
        c = k
        for j in range(8):
            if c & 1:
                c = (c >> 1) ^ 0xEDB88320
            else:
                c >>= 1
        table.append(c)
    return table


def _crc_hqx_table():
    table = []
    for k in range(256):
        c = k << 8
        for j in range(8):
            if c & 0x8000:
                c = ((c << 1) ^ 0x1021) & 0xFFFF
            else:
                c = (c << 1) & 0xFFFF
        table.append(c)
    return table


_CRC32_TABLE = _crc32_table()
_CRC_HQX_TABLE = _crc_hqx_table()


def crc32(*args, **kwargs):
    """Compute CRC-32 incrementally."""
    if kwargs:
        raise TypeError("binascii.crc32() takes no keyword arguments")
    if len(args) < 1:
        raise TypeError("crc32 expected at least 1 argument, got %d" % len(args))
    if len(args) > 2:
        raise TypeError("crc32 expected at most 2 arguments, got %d" % len(args))
    data = _bin_data(args[0])
    crc = 0
    if len(args) == 2:
        crc = _c_uint_mask(args[1], 0xFFFFFFFF)
    table = _CRC32_TABLE
    crc ^= 0xFFFFFFFF
    for b in data:
        crc = table[(crc ^ b) & 255] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def crc_hqx(*args, **kwargs):
    """Compute CRC-CCITT incrementally."""
    if kwargs:
        raise TypeError("binascii.crc_hqx() takes no keyword arguments")
    if len(args) != 2:
        raise TypeError("crc_hqx expected 2 arguments, got %d" % len(args))
    data = _bin_data(args[0])
    crc = _c_uint_mask(args[1], 0xFFFF)
    table = _CRC_HQX_TABLE
    for b in data:
        crc = ((crc << 8) & 0xFF00) ^ table[(crc >> 8) ^ b]
    return crc


# ---------------------------------------------------------------- hex
_HEX_DIGITS = b"0123456789abcdef"


def _hexlify(fname, args, kwargs):
    a = _parse_args(fname, args, kwargs, ["data", "sep", "bytes_per_sep"], 0, 3, 1)
    data = _bin_data(a[0])
    bytes_per_sep = 1
    if a[2] is not _NOARG:
        bytes_per_sep = _c_int(a[2])
    sep = a[1]
    sepchar = -1
    if sep is not _NOARG:
        if len(sep) != 1:
            raise ValueError("sep must be length 1.")
        if isinstance(sep, str):
            sepchar = ord(sep[0])
            if sepchar > 255:
                raise ValueError("sep must be ASCII.")
        elif isinstance(sep, bytes):
            sepchar = sep[0]
        else:
            raise TypeError("sep must be str or bytes.")
    n = len(data)
    digits = _HEX_DIGITS
    out = []
    group = bytes_per_sep if bytes_per_sep >= 0 else -bytes_per_sep
    if sepchar < 0 or group == 0 or group >= n:
        for b in data:
            out.append(digits[b >> 4])
            out.append(digits[b & 15])
        return bytes(out)
    # groups of `group` bytes counted from the right (bytes_per_sep > 0) or the left
    first = n % group if bytes_per_sep > 0 else group
    if first == 0:
        first = group
    k = 0
    for i in range(n):
        if i == first + k * group:
            out.append(sepchar)
            k += 1
        b = data[i]
        out.append(digits[b >> 4])
        out.append(digits[b & 15])
    return bytes(out)


def b2a_hex(*args, **kwargs):
    """Hexadecimal representation of binary data.

  sep
    An optional single character or byte to separate hex bytes.
  bytes_per_sep
    How many bytes between separators.  Positive values count from the
    right, negative values count from the left.

The return value is a bytes object.  This function is also
available as "hexlify()".

Example:
>>> binascii.b2a_hex(b'\\xb9\\x01\\xef')
b'b901ef'
>>> binascii.hexlify(b'\\xb9\\x01\\xef', ':')
b'b9:01:ef'
>>> binascii.b2a_hex(b'\\xb9\\x01\\xef', b'_', 2)
b'b9_01ef'"""
    return _hexlify("b2a_hex", args, kwargs)


def hexlify(*args, **kwargs):
    """Hexadecimal representation of binary data.

  sep
    An optional single character or byte to separate hex bytes.
  bytes_per_sep
    How many bytes between separators.  Positive values count from the
    right, negative values count from the left.

The return value is a bytes object.  This function is also
available as "b2a_hex()"."""
    return _hexlify("hexlify", args, kwargs)


def _hexval(c):
    if 48 <= c <= 57:
        return c - 48
    if 65 <= c <= 70:
        return c - 55
    if 97 <= c <= 102:
        return c - 87
    return -1


def _unhexlify(fname, args, kwargs):
    data = _ascii_data(_one_arg(fname, args, kwargs))
    n = len(data)
    if n % 2 != 0:
        raise Error("Odd-length string")
    out = []
    for i in range(0, n, 2):
        hi = _hexval(data[i])
        lo = _hexval(data[i + 1])
        if hi < 0 or lo < 0:
            raise Error("Non-hexadecimal digit found")
        out.append((hi << 4) | lo)
    return bytes(out)


def a2b_hex(*args, **kwargs):
    """Binary data of hexadecimal representation.

  hexstr
    Hexadecimal string with an even number of characters.

hexstr must contain an even number of hex digits (upper or lower case).
This function is also available as "unhexlify()"."""
    return _unhexlify("a2b_hex", args, kwargs)


def unhexlify(*args, **kwargs):
    """Binary data of hexadecimal representation.

  hexstr
    Hexadecimal string with an even number of characters.

hexstr must contain an even number of hex digits (upper or lower case)."""
    return _unhexlify("unhexlify", args, kwargs)


# ---------------------------------------------------------------- quoted-printable
_HEX_UPPER = b"0123456789ABCDEF"
_MAXLINESIZE = 76


def a2b_qp(*args, **kwargs):
    """Decode a string of qp-encoded data."""
    a = _parse_args("a2b_qp", args, kwargs, ["data", "header"], 0, 2, 1)
    data = _ascii_data(a[0])
    header = _flag(a[1], False)
    n = len(data)
    out = []
    i = 0
    while i < n:
        c = data[i]
        if c == 61:             # '='
            i += 1
            if i >= n:
                break
            c = data[i]
            if c == 10 or c == 13:
                # a soft line break: skip to the end of the line
                if c != 10:
                    while i < n and data[i] != 10:
                        i += 1
                if i < n:
                    i += 1
            elif c == 61:
                out.append(61)
                i += 1
            elif i + 1 < n and _hexval(c) >= 0 and _hexval(data[i + 1]) >= 0:
                out.append((_hexval(c) << 4) | _hexval(data[i + 1]))
                i += 2
            else:
                out.append(61)
        elif header and c == 95:    # '_'
            out.append(32)
            i += 1
        else:
            out.append(c)
            i += 1
    return bytes(out)


def _qp_hex(out, c):
    out.append(61)
    out.append(_HEX_UPPER[c >> 4])
    out.append(_HEX_UPPER[c & 15])


def _qp_soft_break(out, crlf):
    out.append(61)
    if crlf:
        out.append(13)
    out.append(10)


def b2a_qp(*args, **kwargs):
    """Encode a string using quoted-printable encoding.

On encoding, when istext is set, newlines are not encoded, and white
space at end of lines is.  When istext is not set, \\r and \\n (CR/LF)
are both encoded.  When quotetabs is set, space and tabs are encoded."""
    a = _parse_args("b2a_qp", args, kwargs, ["data", "quotetabs", "istext", "header"], 0, 4, 1)
    data = _bin_data(a[0])
    quotetabs = _flag(a[1], False)
    istext = _flag(a[2], True)
    header = _flag(a[3], False)
    n = len(data)
    # CRLF line ends are used when the first LF follows a CR
    crlf = False
    p = data.find(b"\n")
    if p > 0 and data[p - 1] == 13:
        crlf = True
    out = []
    i = 0
    linelen = 0
    while i < n:
        c = data[i]
        nxt = data[i + 1] if i + 1 < n else -1
        if (c > 126 or c == 61 or (header and c == 95)
                or (c == 46 and linelen == 0 and (nxt == -1 or nxt == 10 or nxt == 13
                                                  or nxt == 0))
                or (not istext and (c == 13 or c == 10))
                or ((c == 9 or c == 32) and nxt == -1)
                or (c < 33 and c != 13 and c != 10
                    and (quotetabs or (c != 9 and c != 32)))):
            if linelen + 3 >= _MAXLINESIZE:
                _qp_soft_break(out, crlf)
                linelen = 0
            _qp_hex(out, c)
            i += 1
            linelen += 3
        elif istext and (c == 10 or (c == 13 and nxt == 10)):
            linelen = 0
            # protect whitespace at the end of the line
            if len(out) > 0 and (out[-1] == 32 or out[-1] == 9):
                last = out.pop()
                _qp_hex(out, last)
            if crlf:
                out.append(13)
            out.append(10)
            if c == 13:
                i += 2
            else:
                i += 1
        else:
            if nxt != -1 and nxt != 10 and linelen + 1 >= _MAXLINESIZE:
                _qp_soft_break(out, crlf)
                linelen = 0
            linelen += 1
            if header and c == 32:
                out.append(95)
            else:
                out.append(c)
            i += 1
    return bytes(out)
