# pyrite's `_sha1`: CPython writes this module in C (Modules/sha1module.c); this is a Python
# version written from FIPS 180-4 (SHA-1) and CPython 3.11's observable behaviour (the
# constructor's signature, the hash object's methods and attributes, exception types and
# messages), compiled with the program. hashlib falls back to it when OpenSSL's _hashlib is absent.
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
#
# Differences from CPython: a wrong number of arguments or an unknown keyword argument gets
# Python's wording ("sha1() takes from 0 to 1 positional arguments but 2 were given");
# memoryview and array arguments work under CPython only (pyrite has no memoryview yet).

_IV = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]


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
    """Set wl[0:n] to the big-endian words at j of the bytes that are the code points of lo, plus
    128 times those of hi when high is true."""
    i = j
    if high:
        for t in range(n):
            wl[t] = (ord(lo[i]) * 16777216 + ord(lo[i + 1]) * 65536 + ord(lo[i + 2]) * 256 + ord(lo[i + 3])
                     + (ord(hi[i]) * 16777216 + ord(hi[i + 1]) * 65536 + ord(hi[i + 2]) * 256
                        + ord(hi[i + 3])) * 128)
            i += 4
    else:
        for t in range(n):
            wl[t] = ord(lo[i]) * 16777216 + ord(lo[i + 1]) * 65536 + ord(lo[i + 2]) * 256 + ord(lo[i + 3])
            i += 4


def _compress(state, lo, hi, high):
    """Run the compression function over the 64-byte blocks whose bytes are the code points of
    lo, plus 128 times those of hi when high is true; state: a list of 5 words."""
    m = 0xFFFFFFFF
    w = [0] * 80
    h0 = state[0] & m
    h1 = state[1] & m
    h2 = state[2] & m
    h3 = state[3] & m
    h4 = state[4] & m
    end = len(lo)
    j = 0
    while j < end:
        _load(lo, hi, high, j, w, 16)
        for t in range(16, 80):
            # W[t] = ROTL 1 (W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16])
            y = (w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]) & m
            w[t] = ((y * 2) & m) + y // 2147483648
        a = h0
        b = h1
        c = h2
        d = h3
        e = h4
        # round t: T = ROTL 5 (a) + f(b, c, d) + e + K + W[t]; then a, b, c, d, e become T, a,
        # ROTL 30 (b), c, d
        for t in range(20):         # f = CH(b, c, d)
            y = (((a * 32) & m) + a // 134217728 + (d ^ (b & (c ^ d))) + e + 0x5A827999 + (w[t] & m)) & m
            e = d
            d = c
            c = ((b * 1073741824) & m) + b // 4
            b = a
            a = y
        for t in range(20, 40):     # f = b ^ c ^ d
            y = (((a * 32) & m) + a // 134217728 + (b ^ c ^ d) + e + 0x6ED9EBA1 + (w[t] & m)) & m
            e = d
            d = c
            c = ((b * 1073741824) & m) + b // 4
            b = a
            a = y
        for t in range(40, 60):     # f = MAJ(b, c, d)
            y = (((a * 32) & m) + a // 134217728 + ((b & c) | (d & (b | c))) + e + 0x8F1BBCDC
                 + (w[t] & m)) & m
            e = d
            d = c
            c = ((b * 1073741824) & m) + b // 4
            b = a
            a = y
        for t in range(60, 80):     # f = b ^ c ^ d
            y = (((a * 32) & m) + a // 134217728 + (b ^ c ^ d) + e + 0xCA62C1D6 + (w[t] & m)) & m
            e = d
            d = c
            c = ((b * 1073741824) & m) + b // 4
            b = a
            a = y
        h0 = (h0 + a) & m
        h1 = (h1 + b) & m
        h2 = (h2 + c) & m
        h3 = (h3 + d) & m
        h4 = (h4 + e) & m
        j += 64
    state[0] = h0
    state[1] = h1
    state[2] = h2
    state[3] = h3
    state[4] = h4


# ---------------------------------------------------------------- hash objects
_TOKEN = ["_sha1"]


class _SHA1:
    __slots__ = ("_h", "_pending", "_count")

    block_size = 64
    digest_size = 20
    name = "sha1"

    def __init__(self, token=None):
        if token is not _TOKEN:
            raise TypeError("cannot create '_sha1.sha1' instances")
        self._h = [0, 0, 0, 0, 0]   # the state words
        self._pending = b""         # the bytes of an incomplete block (fewer than 64)
        self._count = 0             # the number of bytes hashed

    def __reduce__(self):
        raise TypeError("cannot pickle '_sha1.sha1' object")

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
        hi = (count // 536870912) & 0xFFFFFFFF      # the length in bits, 64-bit big-endian
        lo = (count & 0x1FFFFFFF) * 8
        tail = self._pending + b"\x80" + bytes((55 - count) % 64) + bytes([
            (hi // 16777216) & 255, (hi // 65536) & 255, (hi // 256) & 255, hi & 255,
            (lo // 16777216) & 255, (lo // 65536) & 255, (lo // 256) & 255, lo & 255])
        state = self._h[:]
        _absorb(state, tail)
        out = []
        for i in range(5):
            x = state[i]
            out.append((x // 16777216) & 255)
            out.append((x // 65536) & 255)
            out.append((x // 256) & 255)
            out.append(x & 255)
        return bytes(out)

    def hexdigest(self):
        """Return the digest value as a string of hexadecimal digits."""
        return self.digest().hex()

    def copy(self):
        other = _SHA1(_TOKEN)
        other._h = self._h[:]
        other._pending = self._pending
        other._count = self._count
        return other


# (CPython's name for the type; the module's function takes that name)
_SHA1.__name__ = _SHA1.__qualname__ = "sha1"
SHA1Type = _SHA1


def sha1(string=b"", *, usedforsecurity=True):
    """Return a new SHA1 hash object; optionally initialized with a string."""
    h = _SHA1(_TOKEN)
    h._h = _IV[:]
    h.update(string)
    return h
