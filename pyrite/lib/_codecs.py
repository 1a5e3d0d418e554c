"""pyrite's own `_codecs` (CPython writes it in C): the codec registry, the error handlers and
the codec functions that codecs.py re-exports and the encodings package uses.

Written from CPython 3.11's observable behaviour (results, consumed counts, exception types,
messages and start/end positions), checked by comparing it with the real `_codecs` under CPython
on random strings and bytes in every error mode. utf-8, latin-1 and ascii take a fast path through
str.encode / bytes.decode in strict mode and fall back to a hand-written loop that calls the
error handler; utf-16, utf-32, charmap and the escape codecs are written by hand. The exported
codec functions are `_builtin` instances so that, like CPython's C functions, they do not bind
when stored as class attributes (encodings/*.py do that).

Not provided: utf-7 (utf_7_encode/utf_7_decode raise LookupError when called). charmap_build
returns a dict (CPython returns an EncodingMap for 256-character tables; charmap_encode accepts
either). namereplace and \\N{...} need unicodedata (without it: backslash escapes / "unknown
Unicode character name"). Wrong-argument-count messages name the inner function.
"""

import sys


# ---------------------------------------------------------------- registry
_search_path = []
_search_cache = {}
_error_handlers = {}
_encodings_loaded = False


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_path.append(search_function)


def unregister(search_function):
    i = 0
    while i < len(_search_path):
        if _search_path[i] is search_function:
            del _search_path[i]
            _search_cache.clear()
            return None
        i += 1
    return None


def _normalize(encoding):
    """lowercase ASCII letters, digits and '.' kept; every run of other characters becomes one
    '_' (none at the start or end)"""
    out = []
    sep = False
    for c in encoding:
        if ("a" <= c <= "z") or ("A" <= c <= "Z") or ("0" <= c <= "9") or c == ".":
            if sep and out:
                out.append("_")
            sep = False
            out.append(c.lower())
        else:
            sep = True
    return "".join(out)


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    if "\0" in encoding:
        raise ValueError("embedded null character")
    name = _normalize(encoding)
    if name in _search_cache:
        return _search_cache[name]
    global _encodings_loaded
    if not _encodings_loaded:
        # CPython imports the encodings package (which registers its search function) at start-up
        _encodings_loaded = True
        __import__("encodings")
    for func in list(_search_path):
        result = func(name)
        if result is None:
            continue
        if not isinstance(result, tuple) or len(result) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _search_cache[name] = result
        return result
    raise LookupError("unknown encoding: %s" % encoding)


def _check_name(value, what):
    if not isinstance(value, str):
        raise TypeError("%s() argument 'encoding' must be str, not %s" % (what, type(value).__name__))


def encode(obj, encoding="utf-8", errors="strict"):
    _check_name(encoding, "encode")
    if not isinstance(errors, str):
        raise TypeError("encode() argument 'errors' must be str, not %s" % type(errors).__name__)
    encoder = lookup(encoding)[0]
    result = encoder(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    return result[0]


def decode(obj, encoding="utf-8", errors="strict"):
    _check_name(encoding, "decode")
    if not isinstance(errors, str):
        raise TypeError("decode() argument 'errors' must be str, not %s" % type(errors).__name__)
    decoder = lookup(encoding)[1]
    result = decoder(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("decoder must return a tuple (object,integer)")
    return result[0]


# ---------------------------------------------------------------- error handlers
def register_error(name, handler):
    if not isinstance(name, str):
        raise TypeError("register_error() argument 1 must be str, not %s" % type(name).__name__)
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = handler


def lookup_error(name):
    if not isinstance(name, str):
        raise TypeError("lookup_error() argument must be str, not %s" % type(name).__name__)
    if name in _error_handlers:
        return _error_handlers[name]
    raise LookupError("unknown error handler name '%s'" % name)


def _wrong_type(exc):
    return TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ("", exc.end)
    raise _wrong_type(exc)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("?" * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ("\ufffd", exc.end)
    if isinstance(exc, UnicodeTranslateError):
        return ("\ufffd" * (exc.end - exc.start), exc.end)
    raise _wrong_type(exc)


def _hex(v, width):
    s = "%x" % v
    return "0" * (width - len(s)) + s


def _backslash_char(cp):
    if cp < 0x100:
        return "\\x" + _hex(cp, 2)
    if cp < 0x10000:
        return "\\u" + _hex(cp, 4)
    return "\\U" + _hex(cp, 8)


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        data = bytes(exc.object)
        out = []
        for i in range(exc.start, exc.end):
            out.append("\\x" + _hex(data[i], 2))
        return ("".join(out), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        s = str(exc.object)
        out = []
        for i in range(exc.start, exc.end):
            out.append(_backslash_char(ord(s[i])))
        return ("".join(out), exc.end)
    raise _wrong_type(exc)


def xmlcharrefreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        s = str(exc.object)
        out = []
        for i in range(exc.start, exc.end):
            out.append("&#%d;" % ord(s[i]))
        return ("".join(out), exc.end)
    raise _wrong_type(exc)


def namereplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        s = str(exc.object)
        out = []
        for i in range(exc.start, exc.end):
            c = s[i]
            name = _char_name(c)
            if name:
                out.append("\\N{" + name + "}")
            else:
                out.append(_backslash_char(ord(c)))
        return ("".join(out), exc.end)
    raise _wrong_type(exc)


def _char_name(c):
    """the Unicode name of c, or '' (also when unicodedata is not available)"""
    try:
        import unicodedata
    except ImportError:
        return ""
    return unicodedata.name(c, "")


def _char_lookup(name):
    """the character named name, or -1"""
    try:
        import unicodedata
    except ImportError:
        return -1
    try:
        return ord(unicodedata.lookup(name))
    except KeyError:
        return -1


def surrogateescape_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        s = str(exc.object)
        out = []
        for i in range(exc.start, exc.end):
            cp = ord(s[i])
            if cp < 0xDC80 or cp > 0xDCFF:
                raise exc
            out.append(cp - 0xDC00)
        return (bytes(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        data = bytes(exc.object)
        out = []
        i = exc.start
        while i < exc.end and len(out) < 4:
            if data[i] < 128:
                break
            out.append(chr(0xDC00 + data[i]))
            i += 1
        if not out:
            raise exc
        return ("".join(out), exc.start + len(out))
    raise _wrong_type(exc)


def _standard_encoding(name):
    """for surrogatepass: 8 for utf-8, 16/32 for utf-16/32 plus 1 when big-endian; 0 unknown"""
    n = name.lower()
    if n.startswith("utf"):
        n = n[3:]
        if n.startswith("-") or n.startswith("_"):
            n = n[1:]
        big = 0
        if sys.byteorder == "big":
            big = 1
        if n == "8":
            return 8
        if n == "16":
            return 16 + big
        if n == "16-le" or n == "16_le" or n == "16le":
            return 16
        if n == "16-be" or n == "16_be" or n == "16be":
            return 17
        if n == "32":
            return 32 + big
        if n == "32-le" or n == "32_le" or n == "32le":
            return 32
        if n == "32-be" or n == "32_be" or n == "32be":
            return 33
        return 0
    if n == "cp_utf8":
        return 8
    return 0


def surrogatepass_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        kind = _standard_encoding(str(exc.encoding))
        if kind == 0:
            raise exc
        s = str(exc.object)
        out = []
        for i in range(exc.start, exc.end):
            cp = ord(s[i])
            if cp < 0xD800 or cp > 0xDFFF:
                raise exc
            _put_unit(out, cp, kind)
        return (bytes(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        kind = _standard_encoding(str(exc.encoding))
        if kind == 0:
            raise exc
        data = bytes(exc.object)
        start = exc.start
        cp = -1
        size = 0
        if kind == 8:
            size = 3
            if start + 3 <= len(data):
                b0 = data[start]
                b1 = data[start + 1]
                b2 = data[start + 2]
                if (b0 & 0xF0) == 0xE0 and (b1 & 0xC0) == 0x80 and (b2 & 0xC0) == 0x80:
                    cp = ((b0 & 0x0F) << 12) + ((b1 & 0x3F) << 6) + (b2 & 0x3F)
        elif kind == 16 or kind == 17:
            size = 2
            if start + 2 <= len(data):
                cp = _get_unit(data, start, kind)
        else:
            size = 4
            if start + 4 <= len(data):
                cp = _get_unit(data, start, kind)
        if cp < 0xD800 or cp > 0xDFFF:
            raise exc
        return (chr(cp), start + size)
    raise _wrong_type(exc)


_error_handlers["strict"] = strict_errors
_error_handlers["ignore"] = ignore_errors
_error_handlers["replace"] = replace_errors
_error_handlers["xmlcharrefreplace"] = xmlcharrefreplace_errors
_error_handlers["backslashreplace"] = backslashreplace_errors
_error_handlers["namereplace"] = namereplace_errors
_error_handlers["surrogateescape"] = surrogateescape_errors
_error_handlers["surrogatepass"] = surrogatepass_errors


# ---------------------------------------------------------------- calling the handlers
class _EncRep:
    """what an encode error handler returned: bytes (is_bytes) or a str, and the position"""

    def __init__(self, text, data, is_bytes, pos):
        self.text = text
        self.data = data
        self.is_bytes = is_bytes
        self.pos = pos


def _errors_name(errors):
    if errors is None:
        return "strict"
    return str(errors)


def _encode_error(errors, encoding, s, start, end, reason):
    exc = UnicodeEncodeError(encoding, s, start, end, reason)
    handler = lookup_error(_errors_name(errors))
    res = handler(exc)
    if not isinstance(res, tuple) or len(res) != 2 or not isinstance(res[1], int) \
            or not isinstance(res[0], (str, bytes)):
        raise TypeError("encoding error handler must return (str/bytes, int) tuple")
    pos = int(res[1])
    n = len(s)
    if pos < 0:
        pos += n
    if pos < 0 or pos > n:
        raise IndexError("position %d from error handler out of bounds" % int(res[1]))
    r0 = res[0]
    if isinstance(r0, bytes):
        return _EncRep("", bytes(r0), True, pos)
    return _EncRep(str(r0), b"", False, pos)


def _decode_error(errors, encoding, data, start, end, reason, out):
    """calls the handler, appends its str to out, returns the position to go on from"""
    exc = UnicodeDecodeError(encoding, data, start, end, reason)
    handler = lookup_error(_errors_name(errors))
    res = handler(exc)
    if not isinstance(res, tuple) or len(res) != 2 or not isinstance(res[1], int) \
            or not isinstance(res[0], str):
        raise TypeError("decoding error handler must return (str, int) tuple")
    pos = int(res[1])
    n = len(data)
    if pos < 0:
        pos += n
    if pos < 0 or pos > n:
        raise IndexError("position %d from error handler out of bounds" % int(res[1]))
    out.append(str(res[0]))
    return pos


# ---------------------------------------------------------------- arguments
def _str_arg(obj, fname):
    if not isinstance(obj, str):
        raise TypeError("%s() argument 1 must be str, not %s" % (fname, type(obj).__name__))
    return obj


def _bytes_arg(obj, fname):
    if isinstance(obj, bytes):
        return obj
    if isinstance(obj, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        return bytes(memoryview(obj))
    except TypeError:
        pass
    raise TypeError("a bytes-like object is required, not '%s'" % type(obj).__name__)


def _bytes_or_str_arg(obj, fname):
    """a 's*' argument: str is taken as its UTF-8 bytes"""
    if isinstance(obj, str):
        return obj.encode("utf-8")
    return _bytes_arg(obj, fname)


def _errors_arg(errors, fname):
    if errors is not None and not isinstance(errors, str):
        raise TypeError("%s() argument 2 must be str or None, not %s" % (fname, type(errors).__name__))


# ---------------------------------------------------------------- utf-16 / utf-32 units
def _put_unit(out, v, kind):
    """appends the code unit v in byte order kind (16/17/32/33; odd = big-endian; 8 = utf-8)"""
    if kind == 8:
        out.append(0xE0 | (v >> 12))
        out.append(0x80 | ((v >> 6) & 0x3F))
        out.append(0x80 | (v & 0x3F))
    elif kind == 16:
        out.append(v & 0xFF)
        out.append(v >> 8)
    elif kind == 17:
        out.append(v >> 8)
        out.append(v & 0xFF)
    elif kind == 32:
        out.append(v & 0xFF)
        out.append((v >> 8) & 0xFF)
        out.append((v >> 16) & 0xFF)
        out.append(v >> 24)
    else:
        out.append(v >> 24)
        out.append((v >> 16) & 0xFF)
        out.append((v >> 8) & 0xFF)
        out.append(v & 0xFF)


def _get_unit(data, i, kind):
    if kind == 16:
        return data[i] | (data[i + 1] << 8)
    if kind == 17:
        return (data[i] << 8) | data[i + 1]
    if kind == 32:
        return data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)
    return (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]


def _encode_good(s, kind):
    """s (no unencodable characters) encoded: kind 0 utf-8, 1 latin-1, 2 ascii, 16.. utf-16/32"""
    if kind == 0:
        return s.encode("utf-8")
    if kind == 1:
        return s.encode("latin-1")
    if kind == 2:
        return s.encode("ascii")
    out = []
    for c in s:
        cp = ord(c)
        if kind >= 32 or cp < 0x10000:
            _put_unit(out, cp, kind)
        else:
            cp -= 0x10000
            _put_unit(out, 0xD800 | (cp >> 10), kind)
            _put_unit(out, 0xDC00 | (cp & 0x3FF), kind)
    return bytes(out)


def _bad_char(cp, kind):
    if kind == 1:
        return cp >= 0x100
    if kind == 2:
        return cp >= 0x80
    return cp >= 0xD800 and cp <= 0xDFFF


def _encode(s, errors, kind, encoding):
    """the slow encode loop, calling the error handler on unencodable runs"""
    reason = "surrogates not allowed"
    limit = 0x80
    if kind == 1:
        reason = "ordinal not in range(256)"
        limit = 0x100
    elif kind == 2:
        reason = "ordinal not in range(128)"
    unit = 1
    if kind == 16 or kind == 17:
        unit = 2
    elif kind >= 32:
        unit = 4
    out = []
    n = len(s)
    pos = 0
    while pos < n:
        start = pos
        while pos < n and not _bad_char(ord(s[pos]), kind):
            pos += 1
        if pos > start:
            out.append(_encode_good(s[start:pos], kind))
        if pos >= n:
            break
        start = pos
        end = pos + 1
        if kind < 16:
            while end < n and _bad_char(ord(s[end]), kind):
                end += 1
            if errors == "surrogateescape":
                # CPython handles the escapable characters at the start of the run itself and
                # reports the rest of the run
                esc = []
                while start < end and ord(s[start]) >= 0xDC80 and ord(s[start]) <= 0xDCFF:
                    esc.append(ord(s[start]) - 0xDC00)
                    start += 1
                out.append(bytes(esc))
                pos = start
                if start == end:
                    continue
        rep = _encode_error(errors, encoding, s, start, end, reason)
        if rep.is_bytes:
            if len(rep.data) % unit != 0:
                raise UnicodeEncodeError(encoding, s, start, end, reason)
            out.append(rep.data)
        else:
            for c in rep.text:
                if ord(c) >= limit:
                    raise UnicodeEncodeError(encoding, s, start, end, reason)
            out.append(_encode_good(rep.text, kind))
        pos = rep.pos
    return b"".join(out)


# ---------------------------------------------------------------- utf-8
def _utf_8_encode(str, errors=None):
    s = _str_arg(str, "utf_8_encode")
    _errors_arg(errors, "utf_8_encode")
    try:
        return (s.encode("utf-8"), len(s))
    except UnicodeEncodeError:
        pass
    return (_encode(s, errors, 0, "utf-8"), len(s))


def _utf8_check(b, i, limit, lax):
    """at a non-ASCII byte b[i]: (0, length) for a valid sequence, else (1, 1) invalid start byte,
    (2, bytes before the bad one) invalid continuation byte, (3, limit - i) unexpected end.
    lax (not final): a cut-off ED A0..BF (a surrogate, which surrogatepass may take) counts as
    incomplete, as in CPython"""
    c = b[i]
    need = 0
    lo = 0x80
    hi = 0xBF
    if c >= 0xC2 and c <= 0xDF:
        need = 1
    elif c == 0xE0:
        need = 2
        lo = 0xA0
    elif c >= 0xE1 and c <= 0xEF:
        need = 2
        if c == 0xED:
            hi = 0x9F
    elif c == 0xF0:
        need = 3
        lo = 0x90
    elif c >= 0xF1 and c <= 0xF3:
        need = 3
    elif c == 0xF4:
        need = 3
        hi = 0x8F
    else:
        return (1, 1)
    j = 1
    while j <= need:
        if i + j >= limit:
            return (3, limit - i)
        d = b[i + j]
        if j == 1:
            if c == 0xED and lax and i + need >= limit and d >= 0x80 and d <= 0xBF:
                hi = 0xBF
            if d < lo or d > hi:
                return (2, 1)
        elif d < 0x80 or d > 0xBF:
            return (2, j)
        j += 1
    return (0, need + 1)


def _utf8_tail(b, n):
    """where an incomplete (but so far valid) sequence at the end of b[:n] starts, else n"""
    i = n - 3
    if i < 0:
        i = 0
    while i < n:
        if b[i] >= 0xC2:
            r = _utf8_check(b, i, n, True)
            if r[0] == 3:
                return i
        i += 1
    return n


def _utf_8_decode(data, errors=None, final=False):
    b = _bytes_arg(data, "utf_8_decode")
    _errors_arg(errors, "utf_8_decode")
    n = len(b)
    end = n
    if not final:
        end = _utf8_tail(b, n)
    try:
        if end == n:
            return (b.decode("utf-8"), n)
        return (b[:end].decode("utf-8"), end)
    except UnicodeDecodeError:
        pass
    out = []
    pos = 0
    while pos < n:
        start = pos
        code = 0
        count = 0
        while pos < n:
            if b[pos] < 0x80:
                pos += 1
                continue
            r = _utf8_check(b, pos, n, not final)
            code = r[0]
            count = r[1]
            if code != 0:
                break
            pos += count
        if pos > start:
            out.append(b[start:pos].decode("utf-8"))
        if pos >= n:
            break
        if code == 3 and not final:
            return ("".join(out), pos)
        reason = "invalid start byte"
        if code == 2:
            reason = "invalid continuation byte"
        elif code == 3:
            reason = "unexpected end of data"
        pos = _decode_error(errors, "utf-8", b, pos, pos + count, reason, out)
    return ("".join(out), n)


# ---------------------------------------------------------------- latin-1, ascii
def _latin_1_encode(str, errors=None):
    s = _str_arg(str, "latin_1_encode")
    _errors_arg(errors, "latin_1_encode")
    try:
        return (s.encode("latin-1"), len(s))
    except UnicodeEncodeError:
        pass
    return (_encode(s, errors, 1, "latin-1"), len(s))


def _latin_1_decode(data, errors=None):
    b = _bytes_arg(data, "latin_1_decode")
    _errors_arg(errors, "latin_1_decode")
    return (b.decode("latin-1"), len(b))


def _ascii_encode(str, errors=None):
    s = _str_arg(str, "ascii_encode")
    _errors_arg(errors, "ascii_encode")
    try:
        return (s.encode("ascii"), len(s))
    except UnicodeEncodeError:
        pass
    return (_encode(s, errors, 2, "ascii"), len(s))


def _ascii_decode(data, errors=None):
    b = _bytes_arg(data, "ascii_decode")
    _errors_arg(errors, "ascii_decode")
    n = len(b)
    try:
        return (b.decode("ascii"), n)
    except UnicodeDecodeError:
        pass
    out = []
    pos = 0
    while pos < n:
        start = pos
        while pos < n and b[pos] < 0x80:
            pos += 1
        if pos > start:
            out.append(b[start:pos].decode("ascii"))
        if pos >= n:
            break
        pos = _decode_error(errors, "ascii", b, pos, pos + 1, "ordinal not in range(128)", out)
    return ("".join(out), n)


# ---------------------------------------------------------------- utf-16
def _name16(kind):
    if kind == 16:
        return "utf-16-le"
    return "utf-16-be"


def _name32(kind):
    if kind == 32:
        return "utf-32-le"
    return "utf-32-be"


def _native16():
    if sys.byteorder == "big":
        return 17
    return 16


def _utf_16_encode(str, errors=None, byteorder=0):
    s = _str_arg(str, "utf_16_encode")
    _errors_arg(errors, "utf_16_encode")
    if byteorder == 0:
        kind = _native16()
        bom = []
        _put_unit(bom, 0xFEFF, kind)
        return (bytes(bom) + _encode(s, errors, kind, "utf-16"), len(s))
    if byteorder < 0:
        return (_encode(s, errors, 16, "utf-16-le"), len(s))
    return (_encode(s, errors, 17, "utf-16-be"), len(s))


def _utf_16_le_encode(str, errors=None):
    s = _str_arg(str, "utf_16_le_encode")
    _errors_arg(errors, "utf_16_le_encode")
    return (_encode(s, errors, 16, "utf-16-le"), len(s))


def _utf_16_be_encode(str, errors=None):
    s = _str_arg(str, "utf_16_be_encode")
    _errors_arg(errors, "utf_16_be_encode")
    return (_encode(s, errors, 17, "utf-16-be"), len(s))


def _decode16(b, start, errors, kind, final, encoding):
    """decodes b[start:] as UTF-16 units in byte order kind: (str, position consumed to)"""
    out = []
    n = len(b)
    pos = start
    while pos < n:
        if pos + 2 > n:
            if not final:
                break
            pos = _decode_error(errors, encoding, b, pos, n, "truncated data", out)
            continue
        u = _get_unit(b, pos, kind)
        if u < 0xD800 or u > 0xDFFF:
            out.append(chr(u))
            pos += 2
            continue
        if u >= 0xDC00:
            pos = _decode_error(errors, encoding, b, pos, pos + 2, "illegal encoding", out)
            continue
        if pos + 4 > n:
            if not final:
                break
            pos = _decode_error(errors, encoding, b, pos, n, "unexpected end of data", out)
            continue
        v = _get_unit(b, pos + 2, kind)
        if v < 0xDC00 or v > 0xDFFF:
            pos = _decode_error(errors, encoding, b, pos, pos + 2, "illegal UTF-16 surrogate", out)
            continue
        out.append(chr(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00)))
        pos += 4
    return ("".join(out), pos)


def _bom16(b):
    """(byte order kind, BOM length) read from the start of b; kind 0 when none"""
    if len(b) >= 2:
        if b[0] == 0xFF and b[1] == 0xFE:
            return (16, 2)
        if b[0] == 0xFE and b[1] == 0xFF:
            return (17, 2)
    return (0, 0)


def _utf_16_decode(data, errors=None, final=False):
    b = _bytes_arg(data, "utf_16_decode")
    _errors_arg(errors, "utf_16_decode")
    bom = _bom16(b)
    kind = bom[0]
    if kind == 0:
        kind = _native16()
    return _decode16(b, bom[1], errors, kind, bool(final), _name16(kind))


def _utf_16_le_decode(data, errors=None, final=False):
    b = _bytes_arg(data, "utf_16_le_decode")
    _errors_arg(errors, "utf_16_le_decode")
    return _decode16(b, 0, errors, 16, bool(final), "utf-16-le")


def _utf_16_be_decode(data, errors=None, final=False):
    b = _bytes_arg(data, "utf_16_be_decode")
    _errors_arg(errors, "utf_16_be_decode")
    return _decode16(b, 0, errors, 17, bool(final), "utf-16-be")


def _utf_16_ex_decode(data, errors=None, byteorder=0, final=False):
    b = _bytes_arg(data, "utf_16_ex_decode")
    _errors_arg(errors, "utf_16_ex_decode")
    skip = 0
    if byteorder == 0:
        bom = _bom16(b)
        kind = bom[0]
        skip = bom[1]
        order = 0
        if kind == 16:
            order = -1
        elif kind == 17:
            order = 1
        else:
            kind = _native16()
        r = _decode16(b, skip, errors, kind, bool(final), _name16(kind))
        return (r[0], r[1], order)
    if byteorder < 0:
        r = _decode16(b, 0, errors, 16, bool(final), "utf-16-le")
        return (r[0], r[1], byteorder)
    r = _decode16(b, 0, errors, 17, bool(final), "utf-16-be")
    return (r[0], r[1], byteorder)


# ---------------------------------------------------------------- utf-32
def _native32():
    if sys.byteorder == "big":
        return 33
    return 32


def _utf_32_encode(str, errors=None, byteorder=0):
    s = _str_arg(str, "utf_32_encode")
    _errors_arg(errors, "utf_32_encode")
    if byteorder == 0:
        kind = _native32()
        bom = []
        _put_unit(bom, 0xFEFF, kind)
        return (bytes(bom) + _encode(s, errors, kind, "utf-32"), len(s))
    name = "utf-32"
    if byteorder == -1:
        name = "utf-32-le"
    elif byteorder == 1:
        name = "utf-32-be"
    if byteorder < 0:
        return (_encode(s, errors, 32, name), len(s))
    return (_encode(s, errors, 33, name), len(s))


def _utf_32_le_encode(str, errors=None):
    s = _str_arg(str, "utf_32_le_encode")
    _errors_arg(errors, "utf_32_le_encode")
    return (_encode(s, errors, 32, "utf-32-le"), len(s))


def _utf_32_be_encode(str, errors=None):
    s = _str_arg(str, "utf_32_be_encode")
    _errors_arg(errors, "utf_32_be_encode")
    return (_encode(s, errors, 33, "utf-32-be"), len(s))


def _decode32(b, start, errors, kind, final, encoding):
    out = []
    n = len(b)
    pos = start
    while pos < n:
        if pos + 4 > n:
            if not final:
                break
            pos = _decode_error(errors, encoding, b, pos, n, "truncated data", out)
            continue
        u = _get_unit(b, pos, kind)
        if u >= 0x110000:
            pos = _decode_error(errors, encoding, b, pos, pos + 4,
                                "code point not in range(0x110000)", out)
            continue
        if u >= 0xD800 and u <= 0xDFFF:
            pos = _decode_error(errors, encoding, b, pos, pos + 4,
                                "code point in surrogate code point range(0xd800, 0xe000)", out)
            continue
        out.append(chr(u))
        pos += 4
    return ("".join(out), pos)


def _bom32(b):
    if len(b) >= 4:
        if b[0] == 0xFF and b[1] == 0xFE and b[2] == 0 and b[3] == 0:
            return (32, 4)
        if b[0] == 0 and b[1] == 0 and b[2] == 0xFE and b[3] == 0xFF:
            return (33, 4)
    return (0, 0)


def _utf_32_decode(data, errors=None, final=False):
    b = _bytes_arg(data, "utf_32_decode")
    _errors_arg(errors, "utf_32_decode")
    bom = _bom32(b)
    kind = bom[0]
    if kind == 0:
        kind = _native32()
    return _decode32(b, bom[1], errors, kind, bool(final), _name32(kind))


def _utf_32_le_decode(data, errors=None, final=False):
    b = _bytes_arg(data, "utf_32_le_decode")
    _errors_arg(errors, "utf_32_le_decode")
    return _decode32(b, 0, errors, 32, bool(final), "utf-32-le")


def _utf_32_be_decode(data, errors=None, final=False):
    b = _bytes_arg(data, "utf_32_be_decode")
    _errors_arg(errors, "utf_32_be_decode")
    return _decode32(b, 0, errors, 33, bool(final), "utf-32-be")


def _utf_32_ex_decode(data, errors=None, byteorder=0, final=False):
    b = _bytes_arg(data, "utf_32_ex_decode")
    _errors_arg(errors, "utf_32_ex_decode")
    if byteorder == 0:
        bom = _bom32(b)
        kind = bom[0]
        order = 0
        if kind == 32:
            order = -1
        elif kind == 33:
            order = 1
        else:
            kind = _native32()
        r = _decode32(b, bom[1], errors, kind, bool(final), _name32(kind))
        return (r[0], r[1], order)
    if byteorder < 0:
        r = _decode32(b, 0, errors, 32, bool(final), "utf-32-le")
        return (r[0], r[1], byteorder)
    r = _decode32(b, 0, errors, 33, bool(final), "utf-32-be")
    return (r[0], r[1], byteorder)


# ---------------------------------------------------------------- charmap
def _charmap_build(map):
    """the encoding table for a decoding table string: {code point: byte}"""
    m = _str_arg(map, "charmap_build")
    table = {}
    i = 0
    for c in m:
        table[ord(c)] = i
        i += 1
    return table


def _charmap_decode_one(mapping, byte):
    """what mapping gives for byte: a str, or None when undefined"""
    if isinstance(mapping, str):
        if byte < len(mapping) and mapping[byte] != "\ufffe":
            return mapping[byte]
        return None
    try:
        x = mapping[byte]
    except LookupError:
        return None
    if x is None:
        return None
    if isinstance(x, int):
        v = int(x)
        if v < 0 or v > 0x10FFFF:
            raise TypeError("character mapping must be in range(0x110000)")
        if v == 0xFFFE:
            return None
        return chr(v)
    if isinstance(x, str):
        t = str(x)
        if t == "\ufffe":
            return None
        return t
    raise TypeError("character mapping must return integer, None or str")


def _charmap_decode(data, errors=None, mapping=None):
    b = _bytes_arg(data, "charmap_decode")
    _errors_arg(errors, "charmap_decode")
    n = len(b)
    if mapping is None:
        return (b.decode("latin-1"), n)
    out = []
    pos = 0
    while pos < n:
        r = _charmap_decode_one(mapping, b[pos])
        if r is None:
            pos = _decode_error(errors, "charmap", b, pos, pos + 1,
                                "character maps to <undefined>", out)
            continue
        out.append(r)
        pos += 1
    return ("".join(out), n)


def _charmap_encode_one(mapping, cp):
    """the bytes mapping gives for code point cp, or None when undefined"""
    try:
        x = mapping[cp]
    except LookupError:
        return None
    if x is None:
        return None
    if isinstance(x, int):
        v = int(x)
        if v < 0 or v > 255:
            raise TypeError("character mapping must be in range(256)")
        return bytes([v])
    if isinstance(x, bytes):
        return bytes(x)
    raise TypeError("character mapping must return integer, bytes or None, not %s"
                    % type(x).__name__)


def _charmap_encode(str, errors=None, mapping=None):
    s = _str_arg(str, "charmap_encode")
    _errors_arg(errors, "charmap_encode")
    if mapping is None:
        return _latin_1_encode(s, errors)
    out = []
    n = len(s)
    pos = 0
    reason = "character maps to <undefined>"
    while pos < n:
        r = _charmap_encode_one(mapping, ord(s[pos]))
        if r is not None:
            out.append(r)
            pos += 1
            continue
        start = pos
        end = pos + 1
        while end < n and _charmap_encode_one(mapping, ord(s[end])) is None:
            end += 1
        rep = _encode_error(errors, "charmap", s, start, end, reason)
        if rep.is_bytes:
            out.append(rep.data)
        else:
            for c in rep.text:
                r2 = _charmap_encode_one(mapping, ord(c))
                if r2 is None:
                    raise UnicodeEncodeError("charmap", s, start, end, reason)
                out.append(r2)
        pos = rep.pos
    return (b"".join(out), n)


# ---------------------------------------------------------------- escape codecs
def _readbuffer_encode(data, errors=None):
    b = _bytes_or_str_arg(data, "readbuffer_encode")
    _errors_arg(errors, "readbuffer_encode")
    return (b, len(b))


def _escape_encode(data, errors=None):
    if not isinstance(data, bytes):
        raise TypeError("escape_encode() argument 1 must be bytes, not %s" % type(data).__name__)
    _errors_arg(errors, "escape_encode")
    b = bytes(data)
    out = []
    for c in b:
        if c == 0x5C:
            out.append("\\\\")
        elif c == 0x27:
            out.append("\\'")
        elif c == 0x09:
            out.append("\\t")
        elif c == 0x0A:
            out.append("\\n")
        elif c == 0x0D:
            out.append("\\r")
        elif c < 0x20 or c >= 0x7F:
            out.append("\\x" + _hex(c, 2))
        else:
            out.append(chr(c))
    return ("".join(out).encode("ascii"), len(b))


def _hexval(c):
    if c >= 0x30 and c <= 0x39:
        return c - 0x30
    if c >= 0x61 and c <= 0x66:
        return c - 0x61 + 10
    if c >= 0x41 and c <= 0x46:
        return c - 0x41 + 10
    return -1


_SIMPLE_ESCAPES = {0x5C: 0x5C, 0x27: 0x27, 0x22: 0x22, 0x62: 0x08, 0x66: 0x0C, 0x74: 0x09,
                   0x6E: 0x0A, 0x72: 0x0D, 0x76: 0x0B, 0x61: 0x07}


def _warn_invalid_escape(text):
    import warnings
    warnings.warn(text, DeprecationWarning, stacklevel=3)


def _escape_decode(data, errors=None):
    b = _bytes_or_str_arg(data, "escape_decode")
    _errors_arg(errors, "escape_decode")
    n = len(b)
    out = []
    first_invalid = ""
    pos = 0
    while pos < n:
        c = b[pos]
        if c != 0x5C:
            out.append(c)
            pos += 1
            continue
        pos += 1
        if pos >= n:
            raise ValueError("Trailing \\ in string")
        c = b[pos]
        pos += 1
        if c == 0x0A:
            continue
        if c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
            continue
        if c >= 0x30 and c <= 0x37:
            v = c - 0x30
            if pos < n and b[pos] >= 0x30 and b[pos] <= 0x37:
                v = v * 8 + b[pos] - 0x30
                pos += 1
                if pos < n and b[pos] >= 0x30 and b[pos] <= 0x37:
                    v = v * 8 + b[pos] - 0x30
                    pos += 1
            if v > 0o377 and not first_invalid:
                first_invalid = "invalid octal escape sequence '\\%s'" % b[pos - 3:pos].decode("ascii")
            out.append(v & 0xFF)
            continue
        if c == 0x78:
            if pos + 1 < n and _hexval(b[pos]) >= 0 and _hexval(b[pos + 1]) >= 0:
                out.append(_hexval(b[pos]) * 16 + _hexval(b[pos + 1]))
                pos += 2
                continue
            e = _errors_name(errors)
            if e == "strict":
                raise ValueError("invalid \\x escape at position %d" % (pos - 2))
            if e == "replace":
                out.append(0x3F)
            elif e != "ignore":
                raise ValueError("decoding error; unknown error handling code: %s" % e)
            # skip the hex digits that were there
            if pos < n and _hexval(b[pos]) >= 0:
                pos += 1
            continue
        if not first_invalid:
            first_invalid = "invalid escape sequence '\\%s'" % chr(c)
        out.append(0x5C)
        pos -= 1
    if first_invalid:
        _warn_invalid_escape(first_invalid)
    return (bytes(out), n)


def _unicode_escape_encode(str, errors=None):
    s = _str_arg(str, "unicode_escape_encode")
    _errors_arg(errors, "unicode_escape_encode")
    out = []
    for ch in s:
        cp = ord(ch)
        if cp == 0x5C:
            out.append("\\\\")
        elif cp == 0x09:
            out.append("\\t")
        elif cp == 0x0A:
            out.append("\\n")
        elif cp == 0x0D:
            out.append("\\r")
        elif cp < 0x20 or cp >= 0x7F:
            out.append(_backslash_char(cp))
        else:
            out.append(ch)
    return ("".join(out).encode("ascii"), len(s))


def _raw_unicode_escape_encode(str, errors=None):
    s = _str_arg(str, "raw_unicode_escape_encode")
    _errors_arg(errors, "raw_unicode_escape_encode")
    out = []
    for ch in s:
        cp = ord(ch)
        if cp < 0x100:
            out.append(cp)
        else:
            for c in _backslash_char(cp):
                out.append(ord(c))
    return (bytes(out), len(s))


def _unicode_escape(b, errors, final, raw):
    n = len(b)
    out = []
    encoding = "unicodeescape"
    if raw:
        encoding = "rawunicodeescape"
    first_invalid = ""
    pos = 0
    while pos < n:
        c = b[pos]
        if c != 0x5C:
            out.append(chr(c))
            pos += 1
            continue
        start = pos
        if pos + 1 >= n:
            if not final:
                break
            if raw:
                out.append("\\")
                pos += 1
                continue
            pos = _decode_error(errors, encoding, b, start, n, "\\ at end of string", out)
            continue
        c = b[pos + 1]
        if raw and c == 0x5C:
            out.append("\\\\")
            pos += 2
            continue
        if raw and c != 0x75 and c != 0x55:
            out.append("\\")
            pos += 1
            continue
        pos += 2
        if c == 0x0A:
            continue
        if c in _SIMPLE_ESCAPES:
            out.append(chr(_SIMPLE_ESCAPES[c]))
            continue
        if c >= 0x30 and c <= 0x37:
            v = c - 0x30
            if pos < n and b[pos] >= 0x30 and b[pos] <= 0x37:
                v = v * 8 + b[pos] - 0x30
                pos += 1
                if pos < n and b[pos] >= 0x30 and b[pos] <= 0x37:
                    v = v * 8 + b[pos] - 0x30
                    pos += 1
            if v > 0o377 and not first_invalid:
                first_invalid = "invalid octal escape sequence '\\%s'" % b[pos - 3:pos].decode("ascii")
            out.append(chr(v))
            continue
        if c == 0x78 or c == 0x75 or c == 0x55:
            count = 2
            reason = "truncated \\xXX escape"
            if c == 0x75:
                count = 4
                reason = "truncated \\uXXXX escape"
            elif c == 0x55:
                count = 8
                reason = "truncated \\UXXXXXXXX escape"
            v = 0
            k = 0
            while k < count and pos < n and _hexval(b[pos]) >= 0:
                v = v * 16 + _hexval(b[pos])
                pos += 1
                k += 1
            if k < count:
                if pos >= n and not final:
                    pos = start
                    break
                pos = _decode_error(errors, encoding, b, start, pos, reason, out)
                continue
            if v > 0x10FFFF:
                r2 = "illegal Unicode character"
                if raw:
                    r2 = "\\Uxxxxxxxx out of range"
                pos = _decode_error(errors, encoding, b, start, pos, r2, out)
                continue
            out.append(chr(v))
            continue
        if c == 0x4E:
            reason = "malformed \\N character escape"
            if pos < n and b[pos] == 0x7B:
                close = pos + 1
                while close < n and b[close] != 0x7D:
                    close += 1
                if close < n and close > pos + 1:
                    name = b[pos + 1:close].decode("latin-1")
                    v = _char_lookup(name)
                    if v >= 0:
                        out.append(chr(v))
                        pos = close + 1
                        continue
                    reason = "unknown Unicode character name"
                    pos = close + 1
                elif close >= n:
                    if not final:
                        pos = start
                        break
                    pos = n
            elif pos >= n and not final:
                pos = start
                break
            pos = _decode_error(errors, encoding, b, start, pos, reason, out)
            continue
        if not first_invalid:
            first_invalid = "invalid escape sequence '\\%s'" % chr(c)
        out.append("\\")
        pos -= 1
    if first_invalid:
        _warn_invalid_escape(first_invalid)
    return ("".join(out), pos)


def _unicode_escape_decode(data, errors=None, final=True):
    b = _bytes_or_str_arg(data, "unicode_escape_decode")
    _errors_arg(errors, "unicode_escape_decode")
    return _unicode_escape(b, errors, bool(final), False)


def _raw_unicode_escape_decode(data, errors=None, final=True):
    b = _bytes_or_str_arg(data, "raw_unicode_escape_decode")
    _errors_arg(errors, "raw_unicode_escape_decode")
    return _unicode_escape(b, errors, bool(final), True)


# ---------------------------------------------------------------- the exported codec functions
class _builtin:
    """a codec function that behaves like CPython's C function: positional arguments only, and
    no binding when stored as a class attribute (encodings/latin_1.py has
    `class Codec: encode = codecs.latin_1_encode`, codecs.BufferedIncrementalDecoder calls
    `self._buffer_decode(data, errors, final)`)"""

    def __init__(self, func, name):
        self.func = func
        self.__name__ = name
        self.__qualname__ = name

    def __call__(self, *args):
        return self.func(*args)

    def __repr__(self):
        return "<built-in function %s>" % self.__name__


utf_8_encode = _builtin(_utf_8_encode, "utf_8_encode")
utf_8_decode = _builtin(_utf_8_decode, "utf_8_decode")
latin_1_encode = _builtin(_latin_1_encode, "latin_1_encode")
latin_1_decode = _builtin(_latin_1_decode, "latin_1_decode")
ascii_encode = _builtin(_ascii_encode, "ascii_encode")
ascii_decode = _builtin(_ascii_decode, "ascii_decode")
utf_16_encode = _builtin(_utf_16_encode, "utf_16_encode")
utf_16_le_encode = _builtin(_utf_16_le_encode, "utf_16_le_encode")
utf_16_be_encode = _builtin(_utf_16_be_encode, "utf_16_be_encode")
utf_16_decode = _builtin(_utf_16_decode, "utf_16_decode")
utf_16_le_decode = _builtin(_utf_16_le_decode, "utf_16_le_decode")
utf_16_be_decode = _builtin(_utf_16_be_decode, "utf_16_be_decode")
utf_16_ex_decode = _builtin(_utf_16_ex_decode, "utf_16_ex_decode")
utf_32_encode = _builtin(_utf_32_encode, "utf_32_encode")
utf_32_le_encode = _builtin(_utf_32_le_encode, "utf_32_le_encode")
utf_32_be_encode = _builtin(_utf_32_be_encode, "utf_32_be_encode")
utf_32_decode = _builtin(_utf_32_decode, "utf_32_decode")
utf_32_le_decode = _builtin(_utf_32_le_decode, "utf_32_le_decode")
utf_32_be_decode = _builtin(_utf_32_be_decode, "utf_32_be_decode")
utf_32_ex_decode = _builtin(_utf_32_ex_decode, "utf_32_ex_decode")
charmap_build = _builtin(_charmap_build, "charmap_build")
charmap_decode = _builtin(_charmap_decode, "charmap_decode")
charmap_encode = _builtin(_charmap_encode, "charmap_encode")
readbuffer_encode = _builtin(_readbuffer_encode, "readbuffer_encode")
escape_encode = _builtin(_escape_encode, "escape_encode")
escape_decode = _builtin(_escape_decode, "escape_decode")
unicode_escape_encode = _builtin(_unicode_escape_encode, "unicode_escape_encode")
raw_unicode_escape_encode = _builtin(_raw_unicode_escape_encode, "raw_unicode_escape_encode")
unicode_escape_decode = _builtin(_unicode_escape_decode, "unicode_escape_decode")
raw_unicode_escape_decode = _builtin(_raw_unicode_escape_decode, "raw_unicode_escape_decode")


def utf_7_encode(str, errors=None):
    raise LookupError("pyrite: the utf-7 codec is not implemented")


def utf_7_decode(data, errors=None, final=False):
    raise LookupError("pyrite: the utf-7 codec is not implemented")


# ---------------------------------------------------------------- str.encode / bytes.decode
# The runtime's str.encode and bytes.decode do utf-8, ascii and latin-1 with the strict, ignore and
# replace handlers themselves, and hand everything else to these two (runtime/src/bytes.c), as
# CPython's look up its codec registry.
def _text_codec(encoding, what):
    info = lookup(encoding)
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError("'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs"
                          % (encoding, what))
    return info


def _str_encode(s, encoding, errors):
    result = _text_codec(encoding, "encode")[0](s, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    return result[0]


def _bytes_decode(b, encoding, errors):
    result = _text_codec(encoding, "decode")[1](b, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("decoder must return a tuple (object, integer)")
    return result[0]


__pyrite_register_codecs__(_str_encode, _bytes_decode)
