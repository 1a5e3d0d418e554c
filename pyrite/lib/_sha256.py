# pyrite's `_sha256`: CPython writes this module in C (Modules/sha256module.c); this is a Python
# version written from FIPS 180-4 (SHA-224 and SHA-256) and CPython 3.11's observable behaviour
# (the constructors' signatures, the hash objects' methods and attributes, exception types and
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
# - Here the three rotations of a sigma function are XORed as products and the two halves of the
#   result folded once.
# K is the first 32 bits of the fractional parts of the cube roots of the first 64 primes, the
# initial values those of the square roots of the first 8 primes (SHA-256) or the second 32 bits
# of the square roots of the 9th to 16th primes (SHA-224), computed with exact integer roots when
# this file was written.
#
# Differences from CPython: a wrong number of arguments or an unknown keyword argument gets
# Python's wording ("sha256() takes from 0 to 1 positional arguments but 2 were given");
# memoryview and array arguments work under CPython only (pyrite has no memoryview yet).

_K = [
    0x428A2F98, 0x71374491, 0xB5C0FBCF, 0xE9B5DBA5, 0x3956C25B, 0x59F111F1,
    0x923F82A4, 0xAB1C5ED5, 0xD807AA98, 0x12835B01, 0x243185BE, 0x550C7DC3,
    0x72BE5D74, 0x80DEB1FE, 0x9BDC06A7, 0xC19BF174, 0xE49B69C1, 0xEFBE4786,
    0x0FC19DC6, 0x240CA1CC, 0x2DE92C6F, 0x4A7484AA, 0x5CB0A9DC, 0x76F988DA,
    0x983E5152, 0xA831C66D, 0xB00327C8, 0xBF597FC7, 0xC6E00BF3, 0xD5A79147,
    0x06CA6351, 0x14292967, 0x27B70A85, 0x2E1B2138, 0x4D2C6DFC, 0x53380D13,
    0x650A7354, 0x766A0ABB, 0x81C2C92E, 0x92722C85, 0xA2BFE8A1, 0xA81A664B,
    0xC24B8B70, 0xC76C51A3, 0xD192E819, 0xD6990624, 0xF40E3585, 0x106AA070,
    0x19A4C116, 0x1E376C08, 0x2748774C, 0x34B0BCB5, 0x391C0CB3, 0x4ED8AA4A,
    0x5B9CCA4F, 0x682E6FF3, 0x748F82EE, 0x78A5636F, 0x84C87814, 0x8CC70208,
    0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2,
]

_IV256 = [
    0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A,
    0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
]

_IV224 = [
    0xC1059ED8, 0x367CD507, 0x3070DD17, 0xF70E5939,
    0xFFC00B31, 0x68581511, 0x64F98FA7, 0xBEFA4FA4,
]


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
    lo, plus 128 times those of hi when high is true; state: a list of 8 words."""
    m = 0xFFFFFFFF
    k = _K
    w = [0] * 64
    h0 = state[0] & m
    h1 = state[1] & m
    h2 = state[2] & m
    h3 = state[3] & m
    h4 = state[4] & m
    h5 = state[5] & m
    h6 = state[6] & m
    h7 = state[7] & m
    end = len(lo)
    j = 0
    while j < end:
        _load(lo, hi, high, j, w, 16)
        for t in range(16, 64):
            # W[t] = SSIG1(W[t-2]) + W[t-7] + SSIG0(W[t-15]) + W[t-16], SSIG0 = ROTR 7 ^ ROTR 18 ^
            # SHR 3 and SSIG1 = ROTR 17 ^ ROTR 19 ^ SHR 10 (the rotations XORed as products p, q)
            x = w[t - 15] & m
            y = w[t - 2] & m
            p = x * 33554432 ^ x * 16384
            q = y * 32768 ^ y * 8192
            w[t] = ((w[t - 16] & m) + (w[t - 7] & m) + ((p & m) ^ ((p ^ x * 536870912) // 4294967296))
                    + ((q & m) ^ ((q ^ y * 4194304) // 4294967296))) & m
        a = h0
        b = h1
        c = h2
        d = h3
        e = h4
        f = h5
        g = h6
        h = h7
        for t in range(64):
            # T1 = h + BSIG1(e) + CH(e, f, g) + K[t] + W[t] and T2 = BSIG0(a) + MAJ(a, b, c), with
            # BSIG1 = ROTR 6 ^ ROTR 11 ^ ROTR 25 and BSIG0 = ROTR 2 ^ ROTR 13 ^ ROTR 22; then a..h
            # become T1 + T2, a, b, c, d + T1, e, f, g
            p = e * 67108864 ^ e * 2097152 ^ e * 128
            t1 = h + ((p & m) ^ (p // 4294967296)) + (g ^ (e & (f ^ g))) + (k[t] & m) + (w[t] & m)
            p = a * 1073741824 ^ a * 524288 ^ a * 1024
            t2 = ((p & m) ^ (p // 4294967296)) + ((a & b) | (c & (a | b)))
            h = g
            g = f
            f = e
            e = (d + t1) & m
            d = c
            c = b
            b = a
            a = (t1 + t2) & m
        h0 = (h0 + a) & m
        h1 = (h1 + b) & m
        h2 = (h2 + c) & m
        h3 = (h3 + d) & m
        h4 = (h4 + e) & m
        h5 = (h5 + f) & m
        h6 = (h6 + g) & m
        h7 = (h7 + h) & m
        j += 64
    state[0] = h0
    state[1] = h1
    state[2] = h2
    state[3] = h3
    state[4] = h4
    state[5] = h5
    state[6] = h6
    state[7] = h7


# ---------------------------------------------------------------- hash objects
_TOKEN = ["_sha256"]


class _SHA256Base:
    __slots__ = ("_h", "_pending", "_count")

    block_size = 64

    def __init__(self, token=None):
        if token is not _TOKEN:
            raise TypeError("cannot create '_sha256.%s' instances" % type(self).__name__)
        self._h = [0, 0, 0, 0, 0, 0, 0, 0]   # the state words
        self._pending = b""                  # the bytes of an incomplete block (fewer than 64)
        self._count = 0                      # the number of bytes hashed

    def __reduce__(self):
        raise TypeError("cannot pickle '_sha256.%s' object" % type(self).__name__)

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

    def _final(self):
        """the state words after the padding"""
        count = self._count
        hi = (count // 536870912) & 0xFFFFFFFF      # the length in bits, 64-bit big-endian
        lo = (count & 0x1FFFFFFF) * 8
        tail = self._pending + b"\x80" + bytes((55 - count) % 64) + bytes([
            (hi // 16777216) & 255, (hi // 65536) & 255, (hi // 256) & 255, hi & 255,
            (lo // 16777216) & 255, (lo // 65536) & 255, (lo // 256) & 255, lo & 255])
        state = self._h[:]
        _absorb(state, tail)
        return state

    def _copy_to(self, other):
        other._h = self._h[:]
        other._pending = self._pending
        other._count = self._count
        return other


def _digest(state, nwords):
    out = []
    for i in range(nwords):
        x = state[i]
        out.append((x // 16777216) & 255)
        out.append((x // 65536) & 255)
        out.append((x // 256) & 255)
        out.append(x & 255)
    return bytes(out)


class _SHA224(_SHA256Base):
    __slots__ = ()
    digest_size = 28
    name = "sha224"

    def digest(self):
        """Return the digest value as a bytes object."""
        return _digest(self._final(), 7)

    def hexdigest(self):
        """Return the digest value as a string of hexadecimal digits."""
        return _digest(self._final(), 7).hex()

    def copy(self):
        return self._copy_to(_SHA224(_TOKEN))


class _SHA256(_SHA256Base):
    __slots__ = ()
    digest_size = 32
    name = "sha256"

    def digest(self):
        """Return the digest value as a bytes object."""
        return _digest(self._final(), 8)

    def hexdigest(self):
        """Return the digest value as a string of hexadecimal digits."""
        return _digest(self._final(), 8).hex()

    def copy(self):
        return self._copy_to(_SHA256(_TOKEN))


# (CPython's names for the types; the module's functions take those names)
_SHA224.__name__ = _SHA224.__qualname__ = "sha224"
_SHA256.__name__ = _SHA256.__qualname__ = "sha256"
SHA224Type = _SHA224
SHA256Type = _SHA256


def sha224(string=b"", *, usedforsecurity=True):
    """Return a new SHA-224 hash object; optionally initialized with a string."""
    h = _SHA224(_TOKEN)
    h._h = _IV224[:]
    h.update(string)
    return h


def sha256(string=b"", *, usedforsecurity=True):
    """Return a new SHA-256 hash object; optionally initialized with a string."""
    h = _SHA256(_TOKEN)
    h._h = _IV256[:]
    h.update(string)
    return h
