# pyrite's `_md5`: CPython writes this module in C (Modules/md5module.c); this is a Python version
# written from RFC 1321 and CPython 3.11's observable behaviour (the constructor's signature, the
# hash object's methods and attributes, exception types and messages), compiled with the program.
# hashlib falls back to it when OpenSSL's _hashlib is absent.
#
# How it is written for compiled speed (pyrite types the words as 64-bit machine ints):
# - A word is a 32-bit value in an int, masked after additions, so that every intermediate value
#   stays below 2**63; words read from lists are masked too, which lets the C compiler drop the
#   overflow checks of the additions.
# - A rotation is a multiplication by a power of two, which moves the rotated-out bits above bit
#   32: the bits above are added back below with one division by 2**32 (compiled code multiplies
#   and divides by constants inline, where a shift is a call into the runtime).
# - The message bytes are read as characters of ASCII strs, which compiled code indexes inline
#   (an item of a bytes object would be a boxed int): the data itself when it is ASCII, else its
#   low 7 bits and its high bits as two strs made with bytes.translate.
# - The rounds are loops, not unrolled: unrolled (variables renamed instead of moved, the message
#   schedule in locals) they ran up to 1.5 times faster but took the C compiler seconds to
#   minutes, and with --exact-ints many minutes and gigabytes.
# _T holds the additive constants of the 64 steps (RFC 1321's T[i], the integer part of
# 4294967296 * abs(sin(i))), computed with exact rational arithmetic when this file was written.
#
# Differences from CPython: a wrong number of arguments or an unknown keyword argument gets
# Python's wording ("md5() takes from 0 to 1 positional arguments but 2 were given");
# memoryview and array arguments work under CPython only (pyrite has no memoryview yet).

_IV = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476]

_T = [
    0xD76AA478, 0xE8C7B756, 0x242070DB, 0xC1BDCEEE, 0xF57C0FAF, 0x4787C62A,
    0xA8304613, 0xFD469501, 0x698098D8, 0x8B44F7AF, 0xFFFF5BB1, 0x895CD7BE,
    0x6B901122, 0xFD987193, 0xA679438E, 0x49B40821, 0xF61E2562, 0xC040B340,
    0x265E5A51, 0xE9B6C7AA, 0xD62F105D, 0x02441453, 0xD8A1E681, 0xE7D3FBC8,
    0x21E1CDE6, 0xC33707D6, 0xF4D50D87, 0x455A14ED, 0xA9E3E905, 0xFCEFA3F8,
    0x676F02D9, 0x8D2A4C8A, 0xFFFA3942, 0x8771F681, 0x6D9D6122, 0xFDE5380C,
    0xA4BEEA44, 0x4BDECFA9, 0xF6BB4B60, 0xBEBFBC70, 0x289B7EC6, 0xEAA127FA,
    0xD4EF3085, 0x04881D05, 0xD9D4D039, 0xE6DB99E5, 0x1FA27CF8, 0xC4AC5665,
    0xF4292244, 0x432AFF97, 0xAB9423A7, 0xFC93A039, 0x655B59C3, 0x8F0CCC92,
    0xFFEFF47D, 0x85845DD1, 0x6FA87E4F, 0xFE2CE6E0, 0xA3014314, 0x4E0811A1,
    0xF7537E82, 0xBD3AF235, 0x2AD7D2BB, 0xEB86D391,
]

# the multipliers 2**s of the steps' rotations
_R = [1 << s for s in [7, 12, 17, 22] * 4 + [5, 9, 14, 20] * 4 + [4, 11, 16, 23] * 4 + [6, 10, 15, 21] * 4]


# ---------------------------------------------------------------- input
def _data_of(obj):
    """obj as an exact bytes object, with CPython's errors for what is not bytes-like"""
    if type(obj) is bytes:
        return obj
    if isinstance(obj, str):
        raise TypeError("Strings must be encoded before hashing")
    if isinstance(obj, bytearray):
        return bytes(obj)
    ok = True
    m = None
    try:
        m = memoryview(obj)
    except (TypeError, NotImplementedError):
        ok = False
    if not ok:
        raise TypeError("object supporting the buffer API required")
    if not m.c_contiguous:
        raise BufferError("memoryview: underlying buffer is not C-contiguous")
    return m.tobytes()


_LOW7 = bytes([i & 127 for i in range(256)])   # translation tables: the low 7 bits of a byte,
_HIGH1 = bytes([i >> 7 for i in range(256)])   # and its high bit
_CHUNK = 65536                                 # bytes made into strs at a time


def _absorb(state, data):
    """Run the compression function over data (a bytes object of whole blocks)."""
    n = len(data)
    k = 0
    while k < n:
        piece = data[k:k + _CHUNK] if n > _CHUNK else data
        ok = True
        lo = ""
        try:
            lo = str(piece.decode("ascii"))
        except UnicodeDecodeError:
            ok = False
        if ok:
            _compress(state, lo, lo, False)
        else:
            _compress(state, str(piece.translate(_LOW7).decode("ascii")),
                      str(piece.translate(_HIGH1).decode("ascii")), True)
        k += _CHUNK


# ---------------------------------------------------------------- compression
def _load(lo, hi, high, j, wl, n):
    """Set wl[0:n] to the little-endian words at j of the bytes that are the code points of lo,
    plus 128 times those of hi when high is true."""
    i = j
    if high:
        for t in range(n):
            wl[t] = (ord(lo[i]) + ord(lo[i + 1]) * 256 + ord(lo[i + 2]) * 65536 + ord(lo[i + 3]) * 16777216
                     + (ord(hi[i]) + ord(hi[i + 1]) * 256 + ord(hi[i + 2]) * 65536
                        + ord(hi[i + 3]) * 16777216) * 128)
            i += 4
    else:
        for t in range(n):
            wl[t] = ord(lo[i]) + ord(lo[i + 1]) * 256 + ord(lo[i + 2]) * 65536 + ord(lo[i + 3]) * 16777216
            i += 4


def _compress(state, lo, hi, high):
    """Run the compression function over the 64-byte blocks whose bytes are the code points of
    lo, plus 128 times those of hi when high is true; state: a list of 4 words."""
    m = 0xFFFFFFFF
    t = _T
    r = _R
    x = [0] * 16
    h0 = state[0] & m
    h1 = state[1] & m
    h2 = state[2] & m
    h3 = state[3] & m
    end = len(lo)
    j = 0
    while j < end:
        _load(lo, hi, high, j, x, 16)     # the block's words X[0..15]
        a = h0
        b = h1
        c = h2
        d = h3
        # step i: a = b + ((a + F(b, c, d) + X[k] + T[i]) <<< s), y holding the sum times 2**s;
        # then a, b, c, d become d, a, b, c
        for i in range(16):         # F(b, c, d) = (b & c) | (~b & d), k = i
            y = ((a + (d ^ (b & (c ^ d))) + (x[i] & m) + (t[i] & m)) & m) * (r[i] & 0xFFFFFF)
            a = d
            d = c
            c = b
            b = (b + (y & m) + y // 4294967296) & m
        for i in range(16, 32):     # G(b, c, d) = (b & d) | (c & ~d), k = (1 + 5i) mod 16
            y = ((a + (c ^ (d & (b ^ c))) + (x[(5 * i + 1) & 15] & m) + (t[i] & m)) & m) * (r[i] & 0xFFFFFF)
            a = d
            d = c
            c = b
            b = (b + (y & m) + y // 4294967296) & m
        for i in range(32, 48):     # H(b, c, d) = b ^ c ^ d, k = (5 + 3i) mod 16
            y = ((a + (b ^ c ^ d) + (x[(3 * i + 5) & 15] & m) + (t[i] & m)) & m) * (r[i] & 0xFFFFFF)
            a = d
            d = c
            c = b
            b = (b + (y & m) + y // 4294967296) & m
        for i in range(48, 64):     # I(b, c, d) = c ^ (b | ~d), k = 7i mod 16
            y = ((a + (c ^ (b | (d ^ m))) + (x[(7 * i) & 15] & m) + (t[i] & m)) & m) * (r[i] & 0xFFFFFF)
            a = d
            d = c
            c = b
            b = (b + (y & m) + y // 4294967296) & m
        h0 = (h0 + a) & m
        h1 = (h1 + b) & m
        h2 = (h2 + c) & m
        h3 = (h3 + d) & m
        j += 64
    state[0] = h0
    state[1] = h1
    state[2] = h2
    state[3] = h3


# ---------------------------------------------------------------- hash objects
_TOKEN = ["_md5"]


class _MD5:
    __slots__ = ("_h", "_pending", "_count")

    block_size = 64
    digest_size = 16
    name = "md5"

    def __init__(self, token=None):
        if token is not _TOKEN:
            raise TypeError("cannot create '_md5.md5' instances")
        self._h = [0, 0, 0, 0]   # the state words
        self._pending = b""      # the bytes of an incomplete block (fewer than 64)
        self._count = 0          # the number of bytes hashed

    def __reduce__(self):
        raise TypeError("cannot pickle '_md5.md5' object")

    def update(self, obj, /):
        """Update this hash object's state with the provided string."""
        data = _data_of(obj)
        self._count += len(data)
        if len(self._pending) > 0:
            data = self._pending + data
        n = len(data)
        full = n - n % 64
        if full > 0:
            _absorb(self._h, data[:full] if full < n else data)
        self._pending = data[full:]
        return None

    def digest(self):
        """Return the digest value as a bytes object."""
        count = self._count
        hi = (count // 536870912) & 0xFFFFFFFF      # the length in bits, 64-bit little-endian
        lo = (count & 0x1FFFFFFF) * 8
        tail = self._pending + b"\x80" + bytes((55 - count) % 64) + bytes([
            lo & 255, (lo // 256) & 255, (lo // 65536) & 255, (lo // 16777216) & 255,
            hi & 255, (hi // 256) & 255, (hi // 65536) & 255, (hi // 16777216) & 255])
        state = self._h[:]
        _absorb(state, tail)
        out = []
        for i in range(4):
            x = state[i]
            out.append(x & 255)
            out.append((x // 256) & 255)
            out.append((x // 65536) & 255)
            out.append((x // 16777216) & 255)
        return bytes(out)

    def hexdigest(self):
        """Return the digest value as a string of hexadecimal digits."""
        return self.digest().hex()

    def copy(self):
        other = _MD5(_TOKEN)
        other._h = self._h[:]
        other._pending = self._pending
        other._count = self._count
        return other


# (CPython's name for the type; the module's function takes that name)
_MD5.__name__ = _MD5.__qualname__ = "md5"
MD5Type = _MD5


def md5(string=b"", *, usedforsecurity=True):
    """Return a new MD5 hash object; optionally initialized with a string."""
    h = _MD5(_TOKEN)
    h._h = _IV[:]
    h.update(string)
    return h
