# pyrite's `_sha512`: CPython writes this module in C (Modules/sha512module.c); this is a Python
# version written from FIPS 180-4 (SHA-384 and SHA-512) and CPython 3.11's observable behaviour
# (the constructors' signatures, the hash objects' methods and attributes, exception types and
# messages), compiled with the program. hashlib falls back to it when OpenSSL's _hashlib is
# absent, and random.py takes sha512 from it.
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
# - A 64-bit word of SHA-512 is two such 32-bit halves, xh and xl (a 64-bit value itself would
#   not fit a signed 64-bit int, nor would the sum of two). A 64-bit rotation right by n < 32 is,
#   with P = xh * 2**(32 - n) and Q = xl * 2**(32 - n): high half (P >> 32) | (Q & M), low half
#   (Q >> 32) | (P & M); by n > 32 the same with the halves swapped. The rotations of a sigma
#   function are XORed as products (the P terms in one int, the Q terms in another) and folded
#   once; an addition adds the low halves, then the high halves and the carry out of the low ones.
# K is the first 64 bits of the fractional parts of the cube roots of the first 80 primes, the
# initial values the first 64 bits of those of the square roots of the first 8 primes (SHA-512)
# or of the 9th to 16th primes (SHA-384), computed with exact integer roots when this file was
# written, and written here as their high and low halves.
#
# Differences from CPython: a wrong number of arguments or an unknown keyword argument gets
# Python's wording ("sha512() takes from 0 to 1 positional arguments but 2 were given");
# memoryview and array arguments work under CPython only (pyrite has no memoryview yet).

_KH = [
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
    0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2, 0xCA273ECE, 0xD186B8C7,
    0xEADA7DD6, 0xF57D4F7F, 0x06F067AA, 0x0A637DC5, 0x113F9804, 0x1B710B35,
    0x28DB77F5, 0x32CAAB7B, 0x3C9EBE0A, 0x431D67C4, 0x4CC5D4BE, 0x597F299C,
    0x5FCB6FAB, 0x6C44198C,
]

_KL = [
    0xD728AE22, 0x23EF65CD, 0xEC4D3B2F, 0x8189DBBC, 0xF348B538, 0xB605D019,
    0xAF194F9B, 0xDA6D8118, 0xA3030242, 0x45706FBE, 0x4EE4B28C, 0xD5FFB4E2,
    0xF27B896F, 0x3B1696B1, 0x25C71235, 0xCF692694, 0x9EF14AD2, 0x384F25E3,
    0x8B8CD5B5, 0x77AC9C65, 0x592B0275, 0x6EA6E483, 0xBD41FBD4, 0x831153B5,
    0xEE66DFAB, 0x2DB43210, 0x98FB213F, 0xBEEF0EE4, 0x3DA88FC2, 0x930AA725,
    0xE003826F, 0x0A0E6E70, 0x46D22FFC, 0x5C26C926, 0x5AC42AED, 0x9D95B3DF,
    0x8BAF63DE, 0x3C77B2A8, 0x47EDAEE6, 0x1482353B, 0x4CF10364, 0xBC423001,
    0xD0F89791, 0x0654BE30, 0xD6EF5218, 0x5565A910, 0x5771202A, 0x32BBD1B8,
    0xB8D2D0C8, 0x5141AB53, 0xDF8EEB99, 0xE19B48A8, 0xC5C95A63, 0xE3418ACB,
    0x7763E373, 0xD6B2B8A3, 0x5DEFB2FC, 0x43172F60, 0xA1F0AB72, 0x1A6439EC,
    0x23631E28, 0xDE82BDE9, 0xB2C67915, 0xE372532B, 0xEA26619C, 0x21C0C207,
    0xCDE0EB1E, 0xEE6ED178, 0x72176FBA, 0xA2C898A6, 0xBEF90DAE, 0x131C471B,
    0x23047D84, 0x40C72493, 0x15C9BEBC, 0x9C100D4C, 0xCB3E42B6, 0xFC657E2A,
    0x3AD6FAEC, 0x4A475817,
]

_IV512 = [
    0x6A09E667, 0xF3BCC908, 0xBB67AE85, 0x84CAA73B,
    0x3C6EF372, 0xFE94F82B, 0xA54FF53A, 0x5F1D36F1,
    0x510E527F, 0xADE682D1, 0x9B05688C, 0x2B3E6C1F,
    0x1F83D9AB, 0xFB41BD6B, 0x5BE0CD19, 0x137E2179,
]

_IV384 = [
    0xCBBB9D5D, 0xC1059ED8, 0x629A292A, 0x367CD507,
    0x9159015A, 0x3070DD17, 0x152FECD8, 0xF70E5939,
    0x67332667, 0xFFC00B31, 0x8EB44A87, 0x68581511,
    0xDB0C2E0D, 0x64F98FA7, 0x47B5481D, 0xBEFA4FA4,
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


def _expand(w):
    """Extend the message schedule W (w: the 16 words of a block as halves, then room for 64
    more) to 80 words."""
    m = 0xFFFFFFFF
    for t in range(32, 160, 2):
        # W[i] = SSIG1(W[i-2]) + W[i-7] + SSIG0(W[i-15]) + W[i-16], SSIG0 = ROTR 1 ^ ROTR 8 ^
        # SHR 7 (the P terms in p, the Q terms in q) and SSIG1 = ROTR 19 ^ ROTR 61 ^ SHR 6
        # (u, v); a shift is a rotation without the Q term's low half
        xh = w[t - 30] & m
        xl = w[t - 29] & m
        yh = w[t - 4] & m
        yl = w[t - 3] & m
        p = xh * 2147483648 ^ xh * 16777216 ^ xh * 33554432
        q = xl * 2147483648 ^ xl * 16777216
        u = yh * 8192 ^ yl * 8 ^ yh * 67108864
        v = yl * 8192 ^ yh * 8
        z = ((w[t - 31] & m) + (w[t - 13] & m) + (((q ^ xl * 33554432) // 4294967296) ^ (p & m))
             + (((v ^ yl * 67108864) // 4294967296) ^ (u & m)))
        w[t] = ((w[t - 32] & m) + (w[t - 14] & m) + ((p // 4294967296) ^ (q & m))
                + ((u // 4294967296) ^ (v & m)) + z // 4294967296) & m
        w[t + 1] = z & m


def _compress(state, lo, hi, high):
    """Run the compression function over the 128-byte blocks whose bytes are the code points of
    lo, plus 128 times those of hi when high is true; state: the 8 words as 16 halves, high
    half first."""
    m = 0xFFFFFFFF
    kh = _KH
    kl = _KL
    w = [0] * 160       # W[i] as w[2i] (high half) and w[2i + 1]
    h0h = state[0] & m
    h0l = state[1] & m
    h1h = state[2] & m
    h1l = state[3] & m
    h2h = state[4] & m
    h2l = state[5] & m
    h3h = state[6] & m
    h3l = state[7] & m
    h4h = state[8] & m
    h4l = state[9] & m
    h5h = state[10] & m
    h5l = state[11] & m
    h6h = state[12] & m
    h6l = state[13] & m
    h7h = state[14] & m
    h7l = state[15] & m
    end = len(lo)
    j = 0
    while j < end:
        _load(lo, hi, high, j, w, 32)
        _expand(w)
        ah = h0h
        al = h0l
        bh = h1h
        bl = h1l
        ch = h2h
        cl = h2l
        dh = h3h
        dl = h3l
        eh = h4h
        el = h4l
        fh = h5h
        fl = h5l
        gh = h6h
        gl = h6l
        hh = h7h
        hl = h7l
        for i in range(80):
            # T1 = h + BSIG1(e) + CH(e, f, g) + K[i] + W[i], BSIG1 = ROTR 14 ^ ROTR 18 ^ ROTR 41
            # (the P terms in x, the Q terms in y)
            x = eh * 262144 ^ eh * 16384 ^ el * 8388608
            y = el * 262144 ^ el * 16384 ^ eh * 8388608
            t1l = (hl + ((y // 4294967296) ^ (x & m)) + (gl ^ (el & (fl ^ gl))) + (kl[i] & m)
                   + (w[2 * i + 1] & m))
            t1h = (hh + ((x // 4294967296) ^ (y & m)) + (gh ^ (eh & (fh ^ gh))) + (kh[i] & m)
                   + (w[2 * i] & m) + t1l // 4294967296)
            t1l &= m
            # T1 + T2, T2 = BSIG0(a) + MAJ(a, b, c), BSIG0 = ROTR 28 ^ ROTR 34 ^ ROTR 39
            x = ah * 16 ^ al * 1073741824 ^ al * 33554432
            y = al * 16 ^ ah * 1073741824 ^ ah * 33554432
            sl = t1l + ((y // 4294967296) ^ (x & m)) + ((al & bl) | (cl & (al | bl)))
            sh = t1h + ((x // 4294967296) ^ (y & m)) + ((ah & bh) | (ch & (ah | bh))) + sl // 4294967296
            # a..h become T1 + T2, a, b, c, d + T1, e, f, g
            hh = gh
            hl = gl
            gh = fh
            gl = fl
            fh = eh
            fl = el
            el = dl + t1l
            eh = (dh + t1h + el // 4294967296) & m
            el &= m
            dh = ch
            dl = cl
            ch = bh
            cl = bl
            bh = ah
            bl = al
            ah = sh & m
            al = sl & m
        z = h0l + al
        h0h = (h0h + ah + z // 4294967296) & m
        h0l = z & m
        z = h1l + bl
        h1h = (h1h + bh + z // 4294967296) & m
        h1l = z & m
        z = h2l + cl
        h2h = (h2h + ch + z // 4294967296) & m
        h2l = z & m
        z = h3l + dl
        h3h = (h3h + dh + z // 4294967296) & m
        h3l = z & m
        z = h4l + el
        h4h = (h4h + eh + z // 4294967296) & m
        h4l = z & m
        z = h5l + fl
        h5h = (h5h + fh + z // 4294967296) & m
        h5l = z & m
        z = h6l + gl
        h6h = (h6h + gh + z // 4294967296) & m
        h6l = z & m
        z = h7l + hl
        h7h = (h7h + hh + z // 4294967296) & m
        h7l = z & m
        j += 128
    state[0] = h0h
    state[1] = h0l
    state[2] = h1h
    state[3] = h1l
    state[4] = h2h
    state[5] = h2l
    state[6] = h3h
    state[7] = h3l
    state[8] = h4h
    state[9] = h4l
    state[10] = h5h
    state[11] = h5l
    state[12] = h6h
    state[13] = h6l
    state[14] = h7h
    state[15] = h7l


# ---------------------------------------------------------------- hash objects
_TOKEN = ["_sha512"]


class _SHA512Base:
    __slots__ = ("_h", "_pending", "_count")

    block_size = 128

    def __init__(self, token=None):
        if token is not _TOKEN:
            raise TypeError("cannot create '_sha512.%s' instances" % type(self).__name__)
        self._h = [0] * 16     # the state words, as halves
        self._pending = b""    # the bytes of an incomplete block (fewer than 128)
        self._count = 0        # the number of bytes hashed

    def __reduce__(self):
        raise TypeError("cannot pickle '_sha512.%s' object" % type(self).__name__)

    def update(self, obj, /):
        """Update this hash object's state with the provided string."""
        data = _data_of(obj)
        self._count += len(data)
        if len(self._pending) > 0:
            data = self._pending + data
        n = len(data)
        full = n - n % 128
        if full > 0:
            _absorb(self._h, data[:full] if full < n else data)
        self._pending = data[full:]
        return None

    def _final(self):
        """the state after the padding"""
        count = self._count
        hi = (count // 536870912) & 0xFFFFFFFF      # the length in bits, 128-bit big-endian
        lo = (count & 0x1FFFFFFF) * 8
        tail = self._pending + b"\x80" + bytes((111 - count) % 128 + 8) + bytes([
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


def _digest(state, nhalves):
    out = []
    for i in range(nhalves):
        x = state[i]
        out.append((x // 16777216) & 255)
        out.append((x // 65536) & 255)
        out.append((x // 256) & 255)
        out.append(x & 255)
    return bytes(out)


class _SHA384(_SHA512Base):
    __slots__ = ()
    digest_size = 48
    name = "sha384"

    def digest(self):
        """Return the digest value as a bytes object."""
        return _digest(self._final(), 12)

    def hexdigest(self):
        """Return the digest value as a string of hexadecimal digits."""
        return _digest(self._final(), 12).hex()

    def copy(self):
        return self._copy_to(_SHA384(_TOKEN))


class _SHA512(_SHA512Base):
    __slots__ = ()
    digest_size = 64
    name = "sha512"

    def digest(self):
        """Return the digest value as a bytes object."""
        return _digest(self._final(), 16)

    def hexdigest(self):
        """Return the digest value as a string of hexadecimal digits."""
        return _digest(self._final(), 16).hex()

    def copy(self):
        return self._copy_to(_SHA512(_TOKEN))


# (CPython's names for the types; the module's functions take those names. CPython 3.11's module
# exposes one type, as SHA384Type, and it is the sha512 type.)
_SHA384.__name__ = _SHA384.__qualname__ = "sha384"
_SHA512.__name__ = _SHA512.__qualname__ = "sha512"
SHA384Type = _SHA512


def sha384(string=b"", *, usedforsecurity=True):
    """Return a new SHA-384 hash object; optionally initialized with a string."""
    h = _SHA384(_TOKEN)
    h._h = _IV384[:]
    h.update(string)
    return h


def sha512(string=b"", *, usedforsecurity=True):
    """Return a new SHA-512 hash object; optionally initialized with a string."""
    h = _SHA512(_TOKEN)
    h._h = _IV512[:]
    h.update(string)
    return h
