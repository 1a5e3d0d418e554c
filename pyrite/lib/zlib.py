__doc__ = """The functions in this module allow compression and decompression using the
zlib library, which is based on GNU zip.

adler32(string[, start]) -- Compute an Adler-32 checksum.
compress(data[, level]) -- Compress data, with compression level 0-9 or -1.
compressobj([level[, ...]]) -- Return a compressor object.
crc32(string[, start]) -- Compute a CRC-32 checksum.
decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.
decompressobj([wbits[, zdict]]) -- Return a decompressor object.

'wbits' is window buffer size and container format.
Compressor objects support compress() and flush() methods; decompressor
objects support decompress() and flush()."""
# (an assignment rather than a docstring: pyrite's `from M import __doc__` finds only an assigned
# __doc__)

# pyrite's `zlib`: CPython links this module against the zlib C library (Modules/zlibmodule.c over
# zlib 1.2.13); this is a Python version written from CPython 3.11's observable behaviour (results,
# byte streams, exception types and messages, argument parsing), compiled with the program.
# gzip, zipfile, tarfile, shutil and others use it.
#
# What it provides, all behaving as CPython 3.11 with zlib 1.2.13:
# - crc32(data, value=0), adler32(data, value=1), the constants, `error`, ZLIB_VERSION and
#   ZLIB_RUNTIME_VERSION ("1.2.13").
# - decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE) and decompressobj(wbits, zdict) with
#   decompress(data, max_length), flush(length), copy(), eof, unused_data, unconsumed_tail: a full
#   inflate (stored, fixed and dynamic Huffman blocks; zlib, raw, gzip and automatic headers; preset
#   dictionaries), taking input a bit at a time exactly as zlib does, so that unused_data,
#   unconsumed_tail and the point where an error is reported match, with zlib's messages for
#   corrupt data ("Error -3 while decompressing data: invalid distance too far back", ...). zlib's
#   check of a distance against the window depends on how output is split between its calls; the
#   output buffer sizes CPython hands to zlib (16 KiB or bufsize, then 64 KiB, 256 KiB, 1 MiB, ...)
#   are reproduced, so this too matches.
# - compress(data, /, level=-1, wbits=MAX_WBITS) and compressobj(level, method, wbits, memLevel,
#   strategy, zdict) with compress(data), flush(mode), copy(): every level 0-9, every strategy
#   (default, filtered, Huffman only, RLE, fixed), memLevel 1-9, wbits 9..15 / -9..-15 / 25..31,
#   preset dictionaries and every flush mode. The output is byte-identical to zlib 1.2.13's: this
#   is zlib's deflate algorithm (hash chains, lazy matching, its block-size and stored/fixed/dynamic
#   choices, its Huffman tree construction with depth limiting) re-expressed in Python, including
#   the parts of deflate()'s state machine whose output depends on CPython's output buffer sizes
#   (level 0's stored block sizes, the empty stored block that a sync flush repeats when its output
#   exactly fills a buffer).
#
# Not provided / known differences:
# - memoryview and other buffer-protocol arguments work under CPython only (pyrite has no
#   memoryview yet); bytes and bytearray are accepted everywhere.
# - the Compress and Decompress classes are reachable as zlib.Compress / zlib.Decompress (CPython
#   does not export the names); a wrong attribute or setting eof/unused_data/unconsumed_tail raises
#   AttributeError with Python's messages ("'Compress' object has no attribute 'x'", "property
#   'eof' of 'Decompress' object has no setter") rather than CPython's ("'zlib.Compress' object
#   ...", "readonly attribute").
# - inputs or outputs of 4 GiB and more are not split into zlib's unsigned-int-sized pieces the way
#   CPython does, and a bufsize or flush length too large to allocate (CPython: MemoryError "Unable
#   to allocate output buffer.") is not an error here: output is produced as it comes.
#
# Written for pyrite's typed compilation: the window, the output history and the pending output
# are lists of ints (pyrite's bytearray is a Python class); input bytes are read as int(data[i]) (a
# bytes subscript is untyped to pyrite); no helper is shared between bytes and list arguments (the
# _list variants of the checksums); lists reach bytes() only through a slice (_to_bytes: handing a
# list to bytes() makes its items untyped); copy() methods come after the methods that assign the
# fields they copy (a field copied before its first assignment is typed object). `pyrite check` on
# a program using this module shows every value of the inflate and deflate paths typed.
#
# Tested (under CPython, this file imported under another name, against the real zlib): about
# 200,000 checks of a differential script over several seeds: random, repetitive and 1 MiB inputs
# through every level, strategy, memLevel and wbits; streaming compression in random chunk sizes
# with random flush modes and copy(); streaming decompression in random chunk sizes with random
# max_length and flush(length) (output, eof, unused_data, unconsumed_tail after every call);
# corrupted, truncated and random streams and gzip headers with every flag (exception type and
# message); preset dictionaries; argument errors. CPython 3.11's test.test_zlib (63 tests) and
# test.test_gzip (64 tests) pass with this file as `zlib` (1 skipped each: a 4 GiB bigmem test, a
# non-ASCII temporary file name). Compiled with pyrite, a program printing
# crc32/adler32/compress/decompress/streaming results, and one using gzip, match CPython's output
# byte for byte.

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_VERSION = "1.2.13"
ZLIB_RUNTIME_VERSION = "1.2.13"
__version__ = "1.0"

# zlib's return codes
_Z_OK = 0
_Z_STREAM_END = 1
_Z_NEED_DICT = 2
_Z_STREAM_ERROR = -2
_Z_DATA_ERROR = -3
_Z_BUF_ERROR = -5


class error(Exception):
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


def _c_ssize(v):
    """an argument converted to a C Py_ssize_t"""
    x = _index(v)
    if x < -9223372036854775808 or x > 9223372036854775807:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return int(x)


def _c_uint_mask(v):
    """an unsigned int argument converted bitwise (no overflow check), then masked to 32 bits"""
    return int(_index(v) & 0xFFFFFFFF)


def _buffer_bytes(obj):
    """the bytes of a bytes-like object (a Py_buffer argument)"""
    if isinstance(obj, bytes) or isinstance(obj, bytearray):
        return bytes(obj)
    msg = "a bytes-like object is required, not '%s'" % _typename(obj)
    if isinstance(obj, str):
        raise TypeError(msg)
    try:
        m = memoryview(obj)
    except (TypeError, NotImplementedError):
        raise TypeError(msg)
    if not m.c_contiguous:
        raise BufferError("memoryview: underlying buffer is not C-contiguous")
    return bytes(m.tobytes())


def _supports_buffer(obj):
    if isinstance(obj, bytes) or isinstance(obj, bytearray):
        return True
    if isinstance(obj, str):
        return False
    try:
        memoryview(obj)
    except (TypeError, NotImplementedError):
        return False
    return True


_NOARG = ["<no argument>"]


def _parse_args(fname, args, kwargs, names, nposonly, maxpos, nrequired):
    """CPython's argument-clinic parsing of (args, kwargs) against the parameter names (the first
    nposonly positional-only, the first maxpos positional, the first nrequired required); absent
    optional parameters are _NOARG."""
    nargs = len(args)
    nkw = len(kwargs)
    maxargs = len(names)
    if nargs + nkw > maxargs:
        if maxargs == 0:
            raise TypeError("%s() takes no arguments" % fname)
        raise TypeError("%s() takes at most %d argument%s (%d given)"
                        % (fname, maxargs, "" if maxargs == 1 else "s", nargs + nkw))
    if nargs > maxpos:
        raise TypeError("%s() takes %s %d positional argument%s (%d given)"
                        % (fname, "exactly" if nrequired == maxpos else "at most", maxpos,
                           "" if maxpos == 1 else "s", nargs))
    if nargs < nposonly and nargs < nrequired:
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


def _zlib_error(err, msg, zmsg):
    """CPython's zlib_error(): the exception for zlib return code err"""
    if zmsg is None:
        if err == _Z_BUF_ERROR:
            zmsg = "incomplete or truncated stream"
        elif err == _Z_STREAM_ERROR:
            zmsg = "inconsistent stream state"
        elif err == _Z_DATA_ERROR:
            zmsg = "invalid input data"
    if zmsg is None:
        return error("Error %d %s" % (err, msg))
    return error("Error %d %s: %s" % (err, msg, zmsg))


# ---------------------------------------------------------------- checksums
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


_CRC_TABLE = _crc32_table()


def _crc32(data, start, end, crc):
    """zlib's crc32() of data[start:end] continuing from crc"""
    table = _CRC_TABLE
    c = crc ^ 0xFFFFFFFF
    i = start
    while i < end:
        c = table[(c ^ int(data[i])) & 255] ^ (c >> 8)
        i += 1
    return c ^ 0xFFFFFFFF


def _crc32_list(data, start, end, crc):
    """_crc32 over a list of ints (a separate function keeps both typed in compiled code)"""
    table = _CRC_TABLE
    c = crc ^ 0xFFFFFFFF
    i = start
    while i < end:
        c = table[(c ^ data[i]) & 255] ^ (c >> 8)
        i += 1
    return c ^ 0xFFFFFFFF


def _adler32_list(data, start, end, adler):
    """_adler32 over a list of ints, starting from a reduced value"""
    base = 65521
    s2 = (adler >> 16) & 0xFFFF
    s1 = adler & 0xFFFF
    i = start
    while i < end:
        stop = i + 5552
        if stop > end:
            stop = end
        while i < stop:
            s1 += data[i]
            s2 += s1
            i += 1
        s1 %= base
        s2 %= base
    return s1 | (s2 << 16)


def _adler32(data, start, end, adler):
    """zlib's adler32() of data[start:end] continuing from adler (including its partial
    reductions of an out-of-range starting value for inputs shorter than 16 bytes)"""
    base = 65521
    s2 = (adler >> 16) & 0xFFFF
    s1 = adler & 0xFFFF
    n = end - start
    if n == 1:
        s1 += int(data[start])
        if s1 >= base:
            s1 -= base
        s2 += s1
        if s2 >= base:
            s2 -= base
        return s1 | (s2 << 16)
    if n < 16:
        i = start
        while i < end:
            s1 += int(data[i])
            s2 += s1
            i += 1
        if s1 >= base:
            s1 -= base
        s2 %= base
        return s1 | (s2 << 16)
    i = start
    while i < end:
        stop = i + 5552
        if stop > end:
            stop = end
        while i < stop:
            s1 += int(data[i])
            s2 += s1
            i += 1
        s1 %= base
        s2 %= base
    return s1 | (s2 << 16)


def crc32(*args, **kwargs):
    """Compute a CRC-32 checksum of data.

  value
    Starting value of the checksum.

The returned checksum is an integer."""
    if kwargs:
        raise TypeError("zlib.crc32() takes no keyword arguments")
    if len(args) < 1:
        raise TypeError("crc32 expected at least 1 argument, got %d" % len(args))
    if len(args) > 2:
        raise TypeError("crc32 expected at most 2 arguments, got %d" % len(args))
    data = _buffer_bytes(args[0])
    value = 0
    if len(args) == 2:
        value = _c_uint_mask(args[1])
    return _crc32(data, 0, len(data), value)


def adler32(*args, **kwargs):
    """Compute an Adler-32 checksum of data.

  value
    Starting value of the checksum.

The returned checksum is an integer."""
    if kwargs:
        raise TypeError("zlib.adler32() takes no keyword arguments")
    if len(args) < 1:
        raise TypeError("adler32 expected at least 1 argument, got %d" % len(args))
    if len(args) > 2:
        raise TypeError("adler32 expected at most 2 arguments, got %d" % len(args))
    data = _buffer_bytes(args[0])
    value = 1
    if len(args) == 2:
        value = _c_uint_mask(args[1])
    return _adler32(data, 0, len(data), value)


# ---------------------------------------------------------------- CPython's output buffer
# CPython hands zlib its output in blocks: the first of a given size (or 32 KiB), then these.
_BLOCK_SIZES = [32 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024,
                8 * 1024 * 1024, 16 * 1024 * 1024, 16 * 1024 * 1024, 32 * 1024 * 1024,
                32 * 1024 * 1024, 32 * 1024 * 1024, 32 * 1024 * 1024, 64 * 1024 * 1024,
                64 * 1024 * 1024, 128 * 1024 * 1024, 128 * 1024 * 1024, 256 * 1024 * 1024]


class _OutBuf:
    """the sizes of the blocks of CPython's _BlocksOutputBuffer"""

    def __init__(self, first, max_length):
        self.max_length = max_length
        self.nblocks = 1
        self.allocated = first

    def grow(self):
        if self.nblocks < len(_BLOCK_SIZES):
            size = _BLOCK_SIZES[self.nblocks]
        else:
            size = _BLOCK_SIZES[len(_BLOCK_SIZES) - 1]
        if self.max_length >= 0:
            rest = self.max_length - self.allocated
            if size > rest:
                size = rest
        self.nblocks += 1
        self.allocated += size
        return size


def _outbuf_and_grow(max_length):
    first = _BLOCK_SIZES[0]
    if max_length >= 0 and max_length < first:
        first = max_length
    return _OutBuf(first, max_length)


# ---------------------------------------------------------------- inflate
# the states of the decoder, in zlib's order (comparisons against _CHECK and _BAD matter)
_HEAD = 0
_FLAGS = 1
_TIME = 2
_OS = 3
_EXLEN = 4
_EXTRA = 5
_NAME = 6
_COMMENT = 7
_HCRC = 8
_DICTID = 9
_DICT = 10
_TYPE = 11
_TYPEDO = 12
_STORED = 13
_COPY = 14
_TABLE = 15
_LENLENS = 16
_CODELENS = 17
_LEN = 18
_LENEXT = 19
_DIST = 20
_DISTEXT = 21
_MATCH = 22
_LIT = 23
_CHECK = 24
_LENGTH = 25
_DONE = 26
_BAD = 27

_LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
          115, 131, 163, 195, 227, 258]
_LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
_DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
          1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
_DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
         12, 13, 13]
_CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

_PART_SIZE = 1 << 20      # output room of one part of a large inflate() call
_INVALID_SYM = 1023        # a table entry for a bit pattern no code has
_ROOT_BITS = 10            # codes up to this length are found with one table look-up


class _Huff:
    """a decoding table: tbl[low tbits bits of the input] = symbol << 4 | code length, or 0 for
    a code longer than tbits (then decoded bit by bit from count and syms, canonically)"""

    def __init__(self, tbl, tbits, count, syms):
        self.tbl = tbl
        self.tbits = tbits
        self.mask = (1 << tbits) - 1
        self.count = count
        self.syms = syms


def _reverse_bits(code, n):
    r = 0
    for i in range(n):
        r = (r << 1) | (code & 1)
        code >>= 1
    return r


def _build_huff(lens, off, n, is_codes):
    """the table for the code lengths lens[off:off+n], or None for a set zlib rejects: an
    over-subscribed set, or an incomplete one (except a single code of length 1 for the
    literal/length and distance codes); no codes at all is accepted (the code-length code then
    reads symbol 0 from each bit, the others report an invalid code)"""
    count = [0] * 16
    for i in range(n):
        count[lens[off + i]] += 1
    mx = 15
    while mx >= 1 and count[mx] == 0:
        mx -= 1
    if mx == 0:
        if is_codes:
            e = 1
        else:
            e = (_INVALID_SYM << 4) | 1
        return _Huff([e, e], 1, count, [])
    left = 1
    for ln in range(1, 16):
        left <<= 1
        left -= count[ln]
        if left < 0:
            return None
    if left > 0 and (is_codes or mx != 1):
        return None
    offs = [0] * 16
    for ln in range(1, 15):
        offs[ln + 1] = offs[ln] + count[ln]
    total = offs[15] + count[15]
    syms = [0] * total
    for i in range(n):
        ln = lens[off + i]
        if ln != 0:
            syms[offs[ln]] = i
            offs[ln] += 1
    tbits = mx
    if tbits > _ROOT_BITS:
        tbits = _ROOT_BITS
    size = 1 << tbits
    tbl = [0] * size
    code = 0
    idx = 0
    for ln in range(1, mx + 1):
        for k in range(count[ln]):
            sym = syms[idx]
            idx += 1
            if ln <= tbits:
                e = (sym << 4) | ln
                j = _reverse_bits(code, ln)
                step = 1 << ln
                while j < size:
                    tbl[j] = e
                    j += step
            code += 1
        code <<= 1
    if left > 0:
        # the one pattern of a single one-bit code that is not the code
        for j in range(size):
            if tbl[j] == 0:
                tbl[j] = (_INVALID_SYM << 4) | 1
    return _Huff(tbl, tbits, count, syms)


def _decode_long(h, hold, bits):
    """decode a code longer than the table's root from the low bits of hold, canonically; -1 if
    bits are too few"""
    count = h.count
    code = 0
    first = 0
    index = 0
    ln = 1
    while ln <= 15:
        if ln > bits:
            return -1
        code |= hold & 1
        hold >>= 1
        cnt = count[ln]
        if code - first < cnt:
            return (h.syms[index + code - first] << 4) | ln
        index += cnt
        first += cnt
        first <<= 1
        code <<= 1
        ln += 1
    return -1


def _decode(h, hold, bits):
    """the entry of the code at the low bits of hold, or -1 if bits are too few to know it"""
    e = h.tbl[hold & h.mask]
    if e != 0:
        if (e & 15) <= bits:
            return e
        return -1
    return _decode_long(h, hold, bits)


def _fixed_tables():
    lens = [0] * 288
    for i in range(144):
        lens[i] = 8
    for i in range(144, 256):
        lens[i] = 9
    for i in range(256, 280):
        lens[i] = 7
    for i in range(280, 288):
        lens[i] = 8
    lt = _build_huff(lens, 0, 288, False)
    dl = [5] * 32
    dt = _build_huff(dl, 0, 32, False)
    return [lt, dt]


_FIXED = _fixed_tables()
_FIXED_LEN = _FIXED[0]
_FIXED_DIST = _FIXED[1]


def _to_bytes(lst, start, end):
    """bytes of lst[start:end], through a slice (handing the list itself to bytes() would make
    pyrite treat its items as untyped)"""
    return bytes(lst[start:end])


def _copy_match(hist, dist, length):
    """append length bytes copied from dist back (overlapping when dist < length)"""
    start = len(hist) - dist
    for k in range(length):
        hist.append(hist[start + k])


class _Inflater:
    """zlib's inflate state: input is taken a bit at a time (a byte is consumed only when a field
    or code needs it), output goes to hist (a list of ints, fast in compiled code), which keeps at
    least the last 32 KiB of earlier output for matches"""

    def __init__(self, wbits):
        # inflateInit2(); ok is False where zlib returns Z_STREAM_ERROR
        self.ok = True
        if wbits < 0:
            if wbits < -15:
                self.ok = False
            wrap = 0
            wbits = -wbits
        else:
            wrap = (wbits >> 4) + 5
            if wbits < 48:
                wbits &= 15
        if wbits != 0 and (wbits < 8 or wbits > 15):
            self.ok = False
        self.wrap = wrap
        self.wbits = wbits
        self.wsize = 0
        self.whave = 0
        self.mode = _HEAD
        self.last = 0
        self.havedict = 0
        self.flags = -1
        self.check = 0
        self.total = 0
        self.hold = 0
        self.bits = 0
        self.length = 0
        self.offset = 0
        self.extra = 0
        self.nlen = 0
        self.ndist = 0
        self.ncode = 0
        self.have = 0
        self.lens = [0] * 320
        self.lcode = _FIXED_LEN
        self.dcode = _FIXED_DIST
        self.ccode = _FIXED_LEN
        self.msg = None
        self.hist = []
        self.next_in = 0
        self.out_start = 0
        self.pieces = [b""]
        self.part_check_seen = False
        self.part_after_check = 0
        self.dead = False

    def copy(self):
        c = _Inflater(15)
        c.ok = self.ok
        c.wrap = self.wrap
        c.wbits = self.wbits
        c.wsize = self.wsize
        c.whave = self.whave
        c.mode = self.mode
        c.last = self.last
        c.havedict = self.havedict
        c.flags = self.flags
        c.check = self.check
        c.total = self.total
        c.hold = self.hold
        c.bits = self.bits
        c.length = self.length
        c.offset = self.offset
        c.extra = self.extra
        c.nlen = self.nlen
        c.ndist = self.ndist
        c.ncode = self.ncode
        c.have = self.have
        c.lens = self.lens[:]
        c.lcode = self.lcode
        c.dcode = self.dcode
        c.ccode = self.ccode
        c.msg = self.msg
        c.hist = self.hist[:]
        c.next_in = self.next_in
        c.out_start = self.out_start
        c.dead = self.dead
        return c

    def inflate(self, data, pos, avail, flush):
        """zlib's inflate() on data[pos:] with avail bytes of output room: the return code;
        self.next_in is where the input stopped, self.pieces the output (bytes objects).
        A large call runs as several parts, so that the list of output ints stays small; the
        state machine stops and resumes exactly, and what zlib does once per call (the window
        that a distance may reach back into) is done here once per call."""
        self.pieces = []
        pos_start = pos
        done = 0
        check_seen = False
        after_check = 0
        ret = _Z_OK
        while True:
            part = avail - done
            if part > _PART_SIZE:
                part = _PART_SIZE
            ret = self._inflate_part(data, pos, part, flush, done)
            pos = self.next_in
            hist = self.hist
            produced = len(hist) - self.out_start
            if produced:
                self.pieces.append(_to_bytes(hist, self.out_start, len(hist)))
                n = len(hist)
                if n > 65536:
                    del hist[:n - 32768]
            done += produced
            if self.part_check_seen:
                check_seen = True
                after_check = self.part_after_check
            else:
                after_check += produced
            if (ret != _Z_OK and ret != _Z_BUF_ERROR) or produced < part or done >= avail:
                break
        if ret == _Z_OK or ret == _Z_BUF_ERROR:
            if (pos == pos_start and done == 0) or flush == Z_FINISH:
                ret = _Z_BUF_ERROR
            else:
                ret = _Z_OK
        # zlib's updatewindow() at the end of the call: the output after a trailer check is
        # not counted
        out = after_check
        if self.wsize or (out != 0 and self.mode < _BAD
                          and (self.mode < _CHECK or flush != Z_FINISH)):
            if self.wsize == 0:
                self.wsize = 1 << self.wbits
            self.whave += out
            if self.whave > self.wsize:
                self.whave = self.wsize
        return ret

    def set_dictionary(self, d):
        """inflateSetDictionary(): the return code"""
        if self.dead:
            return _Z_STREAM_ERROR
        if self.wrap != 0 and self.mode != _DICT:
            return _Z_STREAM_ERROR
        if self.mode == _DICT:
            if _adler32(d, 0, len(d), 1) != self.check:
                return _Z_DATA_ERROR
        if self.wsize == 0:
            self.wsize = 1 << self.wbits
        n = len(d)
        if n > self.wsize:
            n = self.wsize
        for i in range(len(d) - n, len(d)):
            self.hist.append(int(d[i]))
        self.whave = self.whave + n
        if self.whave > self.wsize:
            self.whave = self.wsize
        self.havedict = 1
        return _Z_OK

    def _inflate_part(self, data, pos, avail, flush, prior):
        """inflate() with avail bytes of room, prior bytes having been output earlier in the same
        zlib call: the return code; self.hist[self.out_start:] is the output"""
        self.part_check_seen = False
        self.part_after_check = 0
        if self.dead:
            self.out_start = len(self.hist)
            self.next_in = pos
            return _Z_STREAM_ERROR
        hist = self.hist
        outstart = len(hist)
        self.out_start = outstart
        ckstart = outstart
        pos0 = pos
        end = len(data)
        left = avail
        mode = self.mode
        hold = self.hold
        bits = self.bits
        ret = _Z_OK
        if mode == _TYPE:
            mode = _TYPEDO
        while True:
            if mode == _LEN:
                if left >= 258 and end - pos >= 8:
                    lh = self.lcode
                    ltbl = lh.tbl
                    lmask = lh.mask
                    dh = self.dcode
                    dtbl = dh.tbl
                    dmask = dh.mask
                    reach = self.whave + prior - outstart
                    while left >= 258 and end - pos >= 8:
                        while bits < 48:
                            hold |= int(data[pos]) << bits
                            pos += 1
                            bits += 8
                        e = ltbl[hold & lmask]
                        if e == 0:
                            e = _decode_long(lh, hold, bits)
                        n = e & 15
                        hold >>= n
                        bits -= n
                        sym = e >> 4
                        if sym < 256:
                            hist.append(sym)
                            left -= 1
                            continue
                        if sym == 256:
                            mode = _TYPE
                            break
                        if sym > 285:
                            self.msg = "invalid literal/length code"
                            mode = _BAD
                            break
                        sym -= 257
                        length = _LBASE[sym]
                        n = _LEXT[sym]
                        if n:
                            length += hold & ((1 << n) - 1)
                            hold >>= n
                            bits -= n
                        e = dtbl[hold & dmask]
                        if e == 0:
                            e = _decode_long(dh, hold, bits)
                        n = e & 15
                        hold >>= n
                        bits -= n
                        sym = e >> 4
                        if sym > 29:
                            self.msg = "invalid distance code"
                            mode = _BAD
                            break
                        dist = _DBASE[sym]
                        n = _DEXT[sym]
                        if n:
                            dist += hold & ((1 << n) - 1)
                            hold >>= n
                            bits -= n
                        if dist > len(hist) + reach:
                            self.msg = "invalid distance too far back"
                            mode = _BAD
                            break
                        _copy_match(hist, dist, length)
                        left -= length
                    # give back the whole bytes taken ahead
                    k = bits >> 3
                    pos -= k
                    bits -= k << 3
                    hold &= (1 << bits) - 1
                    continue
                e = _decode(self.lcode, hold, bits)
                while e < 0 and pos < end:
                    hold |= int(data[pos]) << bits
                    pos += 1
                    bits += 8
                    e = _decode(self.lcode, hold, bits)
                if e < 0:
                    break
                n = e & 15
                hold >>= n
                bits -= n
                sym = e >> 4
                if sym < 256:
                    self.length = sym
                    mode = _LIT
                elif sym == 256:
                    mode = _TYPE
                elif sym > 285:
                    self.msg = "invalid literal/length code"
                    mode = _BAD
                else:
                    self.length = _LBASE[sym - 257]
                    self.extra = _LEXT[sym - 257]
                    mode = _LENEXT
            elif mode == _LIT:
                if left == 0:
                    break
                hist.append(self.length)
                left -= 1
                mode = _LEN
            elif mode == _LENEXT:
                n = self.extra
                if n:
                    if bits < n:
                        while bits < n and pos < end:
                            hold |= int(data[pos]) << bits
                            pos += 1
                            bits += 8
                        if bits < n:
                            break
                    self.length += hold & ((1 << n) - 1)
                    hold >>= n
                    bits -= n
                mode = _DIST
            elif mode == _DIST:
                e = _decode(self.dcode, hold, bits)
                while e < 0 and pos < end:
                    hold |= int(data[pos]) << bits
                    pos += 1
                    bits += 8
                    e = _decode(self.dcode, hold, bits)
                if e < 0:
                    break
                n = e & 15
                hold >>= n
                bits -= n
                sym = e >> 4
                if sym > 29:
                    self.msg = "invalid distance code"
                    mode = _BAD
                else:
                    self.offset = _DBASE[sym]
                    self.extra = _DEXT[sym]
                    mode = _DISTEXT
            elif mode == _DISTEXT:
                n = self.extra
                if n:
                    if bits < n:
                        while bits < n and pos < end:
                            hold |= int(data[pos]) << bits
                            pos += 1
                            bits += 8
                        if bits < n:
                            break
                    self.offset += hold & ((1 << n) - 1)
                    hold >>= n
                    bits -= n
                mode = _MATCH
            elif mode == _MATCH:
                if left == 0:
                    break
                dist = self.offset
                if dist > len(hist) - outstart + self.whave + prior:
                    self.msg = "invalid distance too far back"
                    mode = _BAD
                    continue
                n = self.length
                if n > left:
                    n = left
                _copy_match(hist, dist, n)
                left -= n
                self.length -= n
                if self.length == 0:
                    mode = _LEN
            elif mode == _TYPEDO:
                if self.last:
                    k = bits & 7
                    hold >>= k
                    bits -= k
                    mode = _CHECK
                    continue
                if bits < 3:
                    while bits < 3 and pos < end:
                        hold |= int(data[pos]) << bits
                        pos += 1
                        bits += 8
                    if bits < 3:
                        break
                self.last = hold & 1
                btype = (hold >> 1) & 3
                hold >>= 3
                bits -= 3
                if btype == 0:
                    mode = _STORED
                elif btype == 1:
                    self.lcode = _FIXED_LEN
                    self.dcode = _FIXED_DIST
                    mode = _LEN
                elif btype == 2:
                    mode = _TABLE
                else:
                    self.msg = "invalid block type"
                    mode = _BAD
            elif mode == _TYPE:
                mode = _TYPEDO
            elif mode == _STORED:
                k = bits & 7
                hold >>= k
                bits -= k
                if bits < 32:
                    while bits < 32 and pos < end:
                        hold |= int(data[pos]) << bits
                        pos += 1
                        bits += 8
                    if bits < 32:
                        break
                if (hold & 0xFFFF) != ((hold >> 16) ^ 0xFFFF):
                    self.msg = "invalid stored block lengths"
                    mode = _BAD
                    continue
                self.length = hold & 0xFFFF
                hold = 0
                bits = 0
                mode = _COPY
            elif mode == _COPY:
                n = self.length
                if n:
                    if n > end - pos:
                        n = end - pos
                    if n > left:
                        n = left
                    if n == 0:
                        break
                    for b in data[pos:pos + n]:
                        hist.append(int(b))
                    pos += n
                    left -= n
                    self.length -= n
                else:
                    mode = _TYPE
            elif mode == _TABLE:
                if bits < 14:
                    while bits < 14 and pos < end:
                        hold |= int(data[pos]) << bits
                        pos += 1
                        bits += 8
                    if bits < 14:
                        break
                self.nlen = (hold & 31) + 257
                self.ndist = ((hold >> 5) & 31) + 1
                self.ncode = ((hold >> 10) & 15) + 4
                hold >>= 14
                bits -= 14
                if self.nlen > 286 or self.ndist > 30:
                    self.msg = "too many length or distance symbols"
                    mode = _BAD
                    continue
                self.have = 0
                mode = _LENLENS
            elif mode == _LENLENS:
                if self.have < self.ncode:
                    if bits < 3:
                        while bits < 3 and pos < end:
                            hold |= int(data[pos]) << bits
                            pos += 1
                            bits += 8
                        if bits < 3:
                            break
                    self.lens[_CL_ORDER[self.have]] = hold & 7
                    self.have += 1
                    hold >>= 3
                    bits -= 3
                    continue
                while self.have < 19:
                    self.lens[_CL_ORDER[self.have]] = 0
                    self.have += 1
                h = _build_huff(self.lens, 0, 19, True)
                if h is None:
                    self.msg = "invalid code lengths set"
                    mode = _BAD
                    continue
                self.ccode = h
                self.have = 0
                mode = _CODELENS
            elif mode == _CODELENS:
                total = self.nlen + self.ndist
                if self.have < total:
                    e = _decode(self.ccode, hold, bits)
                    while e < 0 and pos < end:
                        hold |= int(data[pos]) << bits
                        pos += 1
                        bits += 8
                        e = _decode(self.ccode, hold, bits)
                    if e < 0:
                        break
                    n = e & 15
                    sym = e >> 4
                    if sym < 16:
                        hold >>= n
                        bits -= n
                        self.lens[self.have] = sym
                        self.have += 1
                        continue
                    if sym == 16:
                        need = n + 2
                    elif sym == 17:
                        need = n + 3
                    else:
                        need = n + 7
                    if bits < need:
                        while bits < need and pos < end:
                            hold |= int(data[pos]) << bits
                            pos += 1
                            bits += 8
                        if bits < need:
                            break
                    hold >>= n
                    bits -= n
                    if sym == 16:
                        if self.have == 0:
                            self.msg = "invalid bit length repeat"
                            mode = _BAD
                            continue
                        ln = self.lens[self.have - 1]
                        cnt = 3 + (hold & 3)
                        hold >>= 2
                        bits -= 2
                    elif sym == 17:
                        ln = 0
                        cnt = 3 + (hold & 7)
                        hold >>= 3
                        bits -= 3
                    else:
                        ln = 0
                        cnt = 11 + (hold & 127)
                        hold >>= 7
                        bits -= 7
                    if self.have + cnt > total:
                        self.msg = "invalid bit length repeat"
                        mode = _BAD
                        continue
                    while cnt > 0:
                        self.lens[self.have] = ln
                        self.have += 1
                        cnt -= 1
                    continue
                if self.lens[256] == 0:
                    self.msg = "invalid code -- missing end-of-block"
                    mode = _BAD
                    continue
                h = _build_huff(self.lens, 0, self.nlen, False)
                if h is None:
                    self.msg = "invalid literal/lengths set"
                    mode = _BAD
                    continue
                self.lcode = h
                h = _build_huff(self.lens, self.nlen, self.ndist, False)
                if h is None:
                    self.msg = "invalid distances set"
                    mode = _BAD
                    continue
                self.dcode = h
                mode = _LEN
            elif mode == _HEAD:
                wrap = self.wrap
                if wrap == 0:
                    mode = _TYPEDO
                    continue
                if bits < 16:
                    while bits < 16 and pos < end:
                        hold |= int(data[pos]) << bits
                        pos += 1
                        bits += 8
                    if bits < 16:
                        break
                if (wrap & 2) and hold == 0x8B1F:
                    if self.wbits == 0:
                        self.wbits = 15
                    self.check = _crc32_list([0x1F, 0x8B], 0, 2, 0)
                    hold = 0
                    bits = 0
                    mode = _FLAGS
                    continue
                if not (wrap & 1) or (((hold & 255) << 8) + (hold >> 8)) % 31:
                    self.msg = "incorrect header check"
                    mode = _BAD
                    continue
                if (hold & 15) != 8:
                    self.msg = "unknown compression method"
                    mode = _BAD
                    continue
                ln = ((hold >> 4) & 15) + 8
                if self.wbits == 0:
                    self.wbits = ln
                if ln > 15 or ln > self.wbits:
                    self.msg = "invalid window size"
                    mode = _BAD
                    continue
                self.flags = 0
                self.check = 1
                if hold & 0x2000:
                    mode = _DICTID
                else:
                    mode = _TYPE
                hold = 0
                bits = 0
            elif mode == _DICTID:
                if bits < 32:
                    while bits < 32 and pos < end:
                        hold |= int(data[pos]) << bits
                        pos += 1
                        bits += 8
                    if bits < 32:
                        break
                self.check = (((hold & 255) << 24) | (((hold >> 8) & 255) << 16)
                              | (((hold >> 16) & 255) << 8) | ((hold >> 24) & 255))
                hold = 0
                bits = 0
                mode = _DICT
            elif mode == _DICT:
                if self.havedict == 0:
                    self.mode = mode
                    self.hold = hold
                    self.bits = bits
                    self.next_in = pos
                    return _Z_NEED_DICT
                self.check = 1
                mode = _TYPE
            elif mode == _CHECK:
                if self.wrap:
                    if bits < 32:
                        while bits < 32 and pos < end:
                            hold |= int(data[pos]) << bits
                            pos += 1
                            bits += 8
                        if bits < 32:
                            break
                    n = len(hist) - ckstart
                    if n:
                        self.total += n
                        if self.wrap & 4:
                            if self.flags:
                                self.check = _crc32_list(hist, ckstart, len(hist), self.check)
                            else:
                                self.check = _adler32_list(hist, ckstart, len(hist), self.check)
                    ckstart = len(hist)
                    self.part_check_seen = True
                    if self.flags:
                        got = hold
                    else:
                        got = (((hold & 255) << 24) | (((hold >> 8) & 255) << 16)
                               | (((hold >> 16) & 255) << 8) | ((hold >> 24) & 255))
                    if (self.wrap & 4) and got != self.check:
                        self.msg = "incorrect data check"
                        mode = _BAD
                        continue
                    hold = 0
                    bits = 0
                mode = _LENGTH
            elif mode == _LENGTH:
                if self.wrap and self.flags:
                    if bits < 32:
                        while bits < 32 and pos < end:
                            hold |= int(data[pos]) << bits
                            pos += 1
                            bits += 8
                        if bits < 32:
                            break
                    if (self.wrap & 4) and hold != (self.total & 0xFFFFFFFF):
                        self.msg = "incorrect length check"
                        mode = _BAD
                        continue
                    hold = 0
                    bits = 0
                mode = _DONE
            elif mode == _DONE:
                ret = _Z_STREAM_END
                break
            elif mode == _BAD:
                ret = _Z_DATA_ERROR
                break
            elif mode == _FLAGS:
                if bits < 16:
                    while bits < 16 and pos < end:
                        hold |= int(data[pos]) << bits
                        pos += 1
                        bits += 8
                    if bits < 16:
                        break
                self.flags = hold
                if (hold & 255) != 8:
                    self.msg = "unknown compression method"
                    mode = _BAD
                    continue
                if hold & 0xE000:
                    self.msg = "unknown header flags set"
                    mode = _BAD
                    continue
                if hold & 0x200:
                    self.check = _crc32_list([hold & 255, hold >> 8], 0, 2, self.check)
                hold = 0
                bits = 0
                mode = _TIME
            elif mode == _TIME or mode == _OS or mode == _EXLEN:
                if mode == _TIME:
                    need = 32
                else:
                    need = 16
                if mode == _EXLEN and not (self.flags & 0x400):
                    mode = _EXTRA
                    continue
                if bits < need:
                    while bits < need and pos < end:
                        hold |= int(data[pos]) << bits
                        pos += 1
                        bits += 8
                    if bits < need:
                        break
                if self.flags & 0x200:
                    hb = []
                    for i in range(need >> 3):
                        hb.append((hold >> (8 * i)) & 255)
                    self.check = _crc32_list(hb, 0, len(hb), self.check)
                if mode == _EXLEN:
                    self.length = hold
                hold = 0
                bits = 0
                mode += 1
            elif mode == _EXTRA:
                if self.flags & 0x400:
                    n = self.length
                    if n > end - pos:
                        n = end - pos
                    if n:
                        if self.flags & 0x200:
                            self.check = _crc32(data, pos, pos + n, self.check)
                        pos += n
                        self.length -= n
                    if self.length:
                        break
                self.length = 0
                mode = _NAME
            elif mode == _NAME or mode == _COMMENT:
                if mode == _NAME:
                    flag = 0x800
                else:
                    flag = 0x1000
                if self.flags & flag:
                    if pos >= end:
                        break
                    n = 0
                    c = 1
                    while c and pos + n < end:
                        c = int(data[pos + n])
                        n += 1
                    if self.flags & 0x200:
                        self.check = _crc32(data, pos, pos + n, self.check)
                    pos += n
                    if c:
                        break
                self.length = 0
                mode += 1
            elif mode == _HCRC:
                if self.flags & 0x200:
                    if bits < 16:
                        while bits < 16 and pos < end:
                            hold |= int(data[pos]) << bits
                            pos += 1
                            bits += 8
                        if bits < 16:
                            break
                    if (self.wrap & 4) and hold != (self.check & 0xFFFF):
                        self.msg = "header crc mismatch"
                        mode = _BAD
                        continue
                    hold = 0
                    bits = 0
                self.check = 0
                mode = _TYPE
            else:
                break
        # inf_leave
        self.mode = mode
        self.hold = hold
        self.bits = bits
        self.next_in = pos
        out = len(hist) - ckstart
        self.part_after_check = out
        if out:
            self.total += out
            if self.wrap & 4:
                if self.flags:
                    self.check = _crc32_list(hist, ckstart, len(hist), self.check)
                else:
                    self.check = _adler32_list(hist, ckstart, len(hist), self.check)
        if ((pos == pos0 and out == 0) or flush == Z_FINISH) and ret == _Z_OK:
            ret = _Z_BUF_ERROR
        return ret



# ---------------------------------------------------------------- deflate
# zlib's compressor, step for step: the same hash chains and match choices, the same blocks, the
# same Huffman trees, so that the output is byte-identical.
_L_CODES = 286
_D_CODES = 30
_BL_CODES = 19
_HEAP_SIZE = 2 * _L_CODES + 1
_MIN_LOOKAHEAD = 258 + 3 + 1
_TOO_FAR = 4096
_BL_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7]

# the results of deflate_stored/fast/slow/rle/huff
_NEED_MORE = 0
_BLOCK_DONE = 1
_FINISH_STARTED = 2
_FINISH_DONE = 3

# deflate()'s states
_INIT_STATE = 42
_GZIP_STATE = 57
_BUSY_STATE = 113
_FINISH_STATE = 666

# good_length, max_lazy, nice_length, max_chain for levels 0-9
_CONFIG = [[0, 0, 0, 0], [4, 4, 8, 4], [4, 5, 16, 8], [4, 6, 32, 32], [4, 4, 16, 16],
           [8, 16, 32, 32], [8, 16, 128, 128], [8, 32, 128, 256], [32, 128, 258, 1024],
           [32, 258, 258, 4096]]


def _length_codes():
    t = []
    for code in range(28):
        for k in range(1 << _LEXT[code]):
            t.append(code)
    t[255] = 28
    return t


def _dist_codes():
    t = []
    for code in range(30):
        for k in range(1 << _DEXT[code]):
            t.append(code)
    return t


_LENGTH_CODE = _length_codes()      # match length - 3 -> length code - 257
_DIST_CODE = _dist_codes()          # distance - 1 -> distance code


def _gen_codes(lens, max_code, bl_count):
    """the canonical codes (bit-reversed for sending) of lens[0..max_code]"""
    next_code = [0] * 16
    code = 0
    for bits in range(1, 16):
        code = (code + bl_count[bits - 1]) << 1
        next_code[bits] = code
    codes = [0] * len(lens)
    for n in range(max_code + 1):
        ln = lens[n]
        if ln == 0:
            continue
        codes[n] = _reverse_bits(next_code[ln], ln)
        next_code[ln] += 1
    return codes


def _static_trees():
    llens = [0] * 288
    bl_count = [0] * 16
    for n in range(288):
        if n < 144:
            ln = 8
        elif n < 256:
            ln = 9
        elif n < 280:
            ln = 7
        else:
            ln = 8
        llens[n] = ln
        bl_count[ln] += 1
    lcodes = _gen_codes(llens, 287, bl_count)
    dlens = [5] * _D_CODES
    dcodes = []
    for n in range(_D_CODES):
        dcodes.append(_reverse_bits(n, 5))
    return [llens, lcodes, dlens, dcodes]


_STATIC = _static_trees()
_STATIC_LLENS = _STATIC[0]
_STATIC_LCODES = _STATIC[1]
_STATIC_DLENS = _STATIC[2]
_STATIC_DCODES = _STATIC[3]


class _Deflater:
    """zlib's deflate state (deflateInit2 ... deflateEnd), with the z_stream fields CPython uses:
    input inp[in_pos:in_end], output appended to out with avail_out bytes of room"""

    def __init__(self, level, method, wbits, memlevel, strategy):
        # deflateInit2(); ok is False where zlib returns Z_STREAM_ERROR
        self.ok = True
        wrap = 1
        if level == -1:
            level = 6
        if wbits < 0:
            wrap = 0
            wbits = -wbits
        elif wbits > 15:
            wrap = 2
            wbits -= 16
        if (memlevel < 1 or memlevel > 9 or method != 8 or wbits < 8 or wbits > 15 or level < 0
                or level > 9 or strategy < 0 or strategy > 4 or (wbits == 8 and wrap != 1)):
            self.ok = False
            wbits = 15
            memlevel = 8
            level = 0
            strategy = 0
        if wbits == 8:
            wbits = 9
        self.wrap = wrap
        self.w_bits = wbits
        self.w_size = 1 << wbits
        self.w_mask = self.w_size - 1
        self.hash_bits = memlevel + 7
        self.hash_size = 1 << self.hash_bits
        self.hash_mask = self.hash_size - 1
        self.hash_shift = (self.hash_bits + 2) // 3
        self.window = [0] * (2 * self.w_size)
        self.window_size = 2 * self.w_size
        self.prev = [0] * self.w_size
        self.head = [0] * self.hash_size
        self.lit_bufsize = 1 << (memlevel + 6)
        self.pending_buf_size = self.lit_bufsize * 4
        self.sym_end = self.lit_bufsize - 1
        self.level = level
        self.strategy = strategy
        self.msg = None
        self.dead = False
        self.inp = b""
        self.in_pos = 0
        self.in_end = 0
        self.out = []
        self.out_pieces = [b""]
        self.avail_out = 0
        # deflateResetKeep
        self.total_in = 0
        self.total_out = 0
        self.pending = []
        if wrap == 2:
            self.status = _GZIP_STATE
            self.adler = 0
        else:
            self.status = _INIT_STATE
            self.adler = 1
        self.last_flush = -2
        # _tr_init
        self.bi_buf = 0
        self.bi_valid = 0
        self._init_block()
        # lm_init
        cfg = _CONFIG[level]
        self.good_match = cfg[0]
        self.max_lazy = cfg[1]
        self.nice_match = cfg[2]
        self.max_chain = cfg[3]
        self.strstart = 0
        self.block_start = 0
        self.lookahead = 0
        self.insert = 0
        self.match_length = 2
        self.prev_length = 2
        self.match_available = 0
        self.match_start = 0
        self.prev_match = 0
        self.ins_h = 0
        # tree-building scratch
        self.opt_len = 0
        self.static_len = 0
        self.heap = [0] * _HEAP_SIZE
        self.bt_lens = [0]
        self.bt_codes = [0]

    # ------------------------------------------------------------ bits and bytes
    def _send_bits(self, value, length):
        bb = self.bi_buf | (value << self.bi_valid)
        bv = self.bi_valid + length
        while bv >= 16:
            self.pending.append(bb & 255)
            self.pending.append((bb >> 8) & 255)
            bb >>= 16
            bv -= 16
        self.bi_buf = bb
        self.bi_valid = bv

    def _bi_flush(self):
        if self.bi_valid >= 8:
            self.pending.append(self.bi_buf & 255)
            self.bi_buf >>= 8
            self.bi_valid -= 8

    def _bi_windup(self):
        if self.bi_valid > 8:
            self.pending.append(self.bi_buf & 255)
            self.pending.append((self.bi_buf >> 8) & 255)
        elif self.bi_valid > 0:
            self.pending.append(self.bi_buf & 255)
        self.bi_buf = 0
        self.bi_valid = 0

    def _put_short_msb(self, b):
        self.pending.append((b >> 8) & 255)
        self.pending.append(b & 255)

    def _flush_pending(self):
        self._bi_flush()
        n = len(self.pending)
        if n > self.avail_out:
            n = self.avail_out
        if n == 0:
            return
        pend = self.pending
        out = self.out
        for i in range(n):
            out.append(pend[i])
        if n == len(pend):
            self.pending = []
        else:
            del pend[:n]
        self.avail_out -= n
        self.total_out += n
        if len(out) >= _PART_SIZE:
            self._spill_out()

    def _spill_out(self):
        """move the output gathered so far into out_pieces as bytes (the list of ints stays
        small)"""
        out = self.out
        self.out_pieces.append(_to_bytes(out, 0, len(out)))
        self.out = []

    def _read_buf(self, n):
        """take up to n bytes of input from in_pos on (updating the check value): how many"""
        avail = self.in_end - self.in_pos
        if n > avail:
            n = avail
        if n <= 0:
            return 0
        p = self.in_pos
        if self.wrap == 1:
            self.adler = _adler32(self.inp, p, p + n, self.adler)
        elif self.wrap == 2:
            self.adler = _crc32(self.inp, p, p + n, self.adler)
        self.in_pos = p + n
        self.total_in += n
        return n

    # ------------------------------------------------------------ trees
    def _init_block(self):
        self.lfreq = [0] * _L_CODES
        self.dfreq = [0] * _D_CODES
        self.lfreq[256] = 1
        self.opt_len = 0
        self.static_len = 0
        self.syms = []

    def _build_tree(self, freq_in, elems, stree, extra, base, max_length):
        """zlib's build_tree(): the code lengths (and codes) of the optimal length-limited
        Huffman code for freq_in, with zlib's tie-breaking; adds to opt_len and static_len.
        Returns max_code; the lengths and codes are left in bt_lens and bt_codes."""
        nodes = 2 * elems + 1
        freq = [0] * nodes
        for n in range(elems):
            freq[n] = freq_in[n]
        dad = [0] * nodes
        lens = [0] * nodes
        depth = [0] * nodes
        heap = self.heap
        heap_len = 0
        heap_max = _HEAP_SIZE
        max_code = -1
        for n in range(elems):
            if freq[n] != 0:
                heap_len += 1
                heap[heap_len] = n
                max_code = n
        while heap_len < 2:
            if max_code < 2:
                max_code += 1
                node = max_code
            else:
                node = 0
            heap_len += 1
            heap[heap_len] = node
            freq[node] = 1
            depth[node] = 0
            self.opt_len -= 1
            if stree is not None:
                self.static_len -= stree[node]
        k = heap_len // 2
        while k >= 1:
            self._pqdownheap(freq, depth, heap_len, k)
            k -= 1
        node = elems
        while True:
            n = heap[1]
            heap[1] = heap[heap_len]
            heap_len -= 1
            self._pqdownheap(freq, depth, heap_len, 1)
            m = heap[1]
            heap_max -= 1
            heap[heap_max] = n
            heap_max -= 1
            heap[heap_max] = m
            freq[node] = freq[n] + freq[m]
            if depth[n] >= depth[m]:
                depth[node] = depth[n] + 1
            else:
                depth[node] = depth[m] + 1
            dad[n] = node
            dad[m] = node
            heap[1] = node
            node += 1
            self._pqdownheap(freq, depth, heap_len, 1)
            if heap_len < 2:
                break
        heap_max -= 1
        heap[heap_max] = heap[1]
        # gen_bitlen
        bl_count = [0] * 16
        lens[heap[heap_max]] = 0
        overflow = 0
        h = heap_max + 1
        while h < _HEAP_SIZE:
            n = heap[h]
            h += 1
            bits = lens[dad[n]] + 1
            if bits > max_length:
                bits = max_length
                overflow += 1
            lens[n] = bits
            if n > max_code:
                continue
            bl_count[bits] += 1
            xbits = 0
            if n >= base:
                xbits = extra[n - base]
            f = freq[n]
            self.opt_len += f * (bits + xbits)
            if stree is not None:
                self.static_len += f * (stree[n] + xbits)
        if overflow > 0:
            while True:
                bits = max_length - 1
                while bl_count[bits] == 0:
                    bits -= 1
                bl_count[bits] -= 1
                bl_count[bits + 1] += 2
                bl_count[max_length] -= 1
                overflow -= 2
                if overflow <= 0:
                    break
            h = _HEAP_SIZE
            bits = max_length
            while bits != 0:
                n = bl_count[bits]
                while n != 0:
                    h -= 1
                    m = heap[h]
                    if m > max_code:
                        continue
                    if lens[m] != bits:
                        self.opt_len += (bits - lens[m]) * freq[m]
                        lens[m] = bits
                    n -= 1
                bits -= 1
        del lens[elems:]
        self.bt_lens = lens
        self.bt_codes = _gen_codes(lens, max_code, bl_count)
        return max_code

    def _pqdownheap(self, freq, depth, heap_len, k):
        heap = self.heap
        v = heap[k]
        fv = freq[v]
        dv = depth[v]
        j = k << 1
        while j <= heap_len:
            if j < heap_len:
                a = heap[j + 1]
                b = heap[j]
                if freq[a] < freq[b] or (freq[a] == freq[b] and depth[a] <= depth[b]):
                    j += 1
            w = heap[j]
            if fv < freq[w] or (fv == freq[w] and dv <= depth[w]):
                break
            heap[k] = w
            k = j
            j <<= 1
        heap[k] = v

    def _scan_tree(self, blfreq, lens, max_code):
        prevlen = -1
        nextlen = lens[0]
        count = 0
        max_count = 7
        min_count = 4
        if nextlen == 0:
            max_count = 138
            min_count = 3
        for n in range(max_code + 1):
            curlen = nextlen
            if n + 1 <= max_code:
                nextlen = lens[n + 1]
            else:
                nextlen = 0xFFFF
            count += 1
            if count < max_count and curlen == nextlen:
                continue
            elif count < min_count:
                blfreq[curlen] += count
            elif curlen != 0:
                if curlen != prevlen:
                    blfreq[curlen] += 1
                blfreq[16] += 1
            elif count <= 10:
                blfreq[17] += 1
            else:
                blfreq[18] += 1
            count = 0
            prevlen = curlen
            if nextlen == 0:
                max_count = 138
                min_count = 3
            elif curlen == nextlen:
                max_count = 6
                min_count = 3
            else:
                max_count = 7
                min_count = 4

    def _send_tree(self, lens, max_code, bllens, blcodes):
        prevlen = -1
        nextlen = lens[0]
        count = 0
        max_count = 7
        min_count = 4
        if nextlen == 0:
            max_count = 138
            min_count = 3
        for n in range(max_code + 1):
            curlen = nextlen
            if n + 1 <= max_code:
                nextlen = lens[n + 1]
            else:
                nextlen = 0xFFFF
            count += 1
            if count < max_count and curlen == nextlen:
                continue
            elif count < min_count:
                while count > 0:
                    self._send_bits(blcodes[curlen], bllens[curlen])
                    count -= 1
            elif curlen != 0:
                if curlen != prevlen:
                    self._send_bits(blcodes[curlen], bllens[curlen])
                    count -= 1
                self._send_bits(blcodes[16], bllens[16])
                self._send_bits(count - 3, 2)
            elif count <= 10:
                self._send_bits(blcodes[17], bllens[17])
                self._send_bits(count - 3, 3)
            else:
                self._send_bits(blcodes[18], bllens[18])
                self._send_bits(count - 11, 7)
            count = 0
            prevlen = curlen
            if nextlen == 0:
                max_count = 138
                min_count = 3
            elif curlen == nextlen:
                max_count = 6
                min_count = 3
            else:
                max_count = 7
                min_count = 4

    def _compress_block(self, lcodes, llens, dcodes, dlens):
        pend = self.pending
        bb = self.bi_buf
        bv = self.bi_valid
        for s in self.syms:
            if s < 256:
                bb |= lcodes[s] << bv
                bv += llens[s]
            else:
                lc = s & 255
                dist = (s >> 8) - 1
                code = _LENGTH_CODE[lc]
                bb |= lcodes[code + 257] << bv
                bv += llens[code + 257]
                extra = _LEXT[code]
                if extra:
                    bb |= (lc + 3 - _LBASE[code]) << bv
                    bv += extra
                if bv >= 16:
                    pend.append(bb & 255)
                    pend.append((bb >> 8) & 255)
                    bb >>= 16
                    bv -= 16
                code = _DIST_CODE[dist]
                bb |= dcodes[code] << bv
                bv += dlens[code]
                extra = _DEXT[code]
                if extra:
                    bb |= (dist + 1 - _DBASE[code]) << bv
                    bv += extra
            while bv >= 16:
                pend.append(bb & 255)
                pend.append((bb >> 8) & 255)
                bb >>= 16
                bv -= 16
        self.bi_buf = bb
        self.bi_valid = bv
        self._send_bits(lcodes[256], llens[256])

    def _tr_stored_block(self, start, stored_len, last):
        """a stored block of window[start:start+stored_len] (start -1: no data, the caller
        writes it)"""
        self._send_bits(last, 3)
        self._bi_windup()
        self.pending.append(stored_len & 255)
        self.pending.append((stored_len >> 8) & 255)
        self.pending.append(~stored_len & 255)
        self.pending.append((~stored_len >> 8) & 255)
        if start >= 0 and stored_len:
            self.pending.extend(self.window[start:start + stored_len])

    def _tr_align(self):
        self._send_bits(2, 3)
        self._send_bits(_STATIC_LCODES[256], _STATIC_LLENS[256])
        self._bi_flush()

    def _tr_flush_block(self, start, stored_len, last):
        lmax = self._build_tree(self.lfreq, _L_CODES, _STATIC_LLENS, _LEXT, 257, 15)
        llens = self.bt_lens
        lcodes = self.bt_codes
        dmax = self._build_tree(self.dfreq, _D_CODES, _STATIC_DLENS, _DEXT, 0, 15)
        dlens = self.bt_lens
        dcodes = self.bt_codes
        # build_bl_tree
        blfreq = [0] * _BL_CODES
        self._scan_tree(blfreq, llens, lmax)
        self._scan_tree(blfreq, dlens, dmax)
        self._build_tree(blfreq, _BL_CODES, None, _BL_EXTRA, 0, 7)
        bllens = self.bt_lens
        blcodes = self.bt_codes
        max_blindex = _BL_CODES - 1
        while max_blindex >= 3:
            if bllens[_CL_ORDER[max_blindex]] != 0:
                break
            max_blindex -= 1
        self.opt_len += 3 * (max_blindex + 1) + 5 + 5 + 4
        opt_lenb = (self.opt_len + 3 + 7) >> 3
        static_lenb = (self.static_len + 3 + 7) >> 3
        if static_lenb <= opt_lenb or self.strategy == Z_FIXED:
            opt_lenb = static_lenb
        if stored_len + 4 <= opt_lenb and start >= 0:
            self._tr_stored_block(start, stored_len, last)
        elif static_lenb == opt_lenb:
            self._send_bits(2 + last, 3)
            self._compress_block(_STATIC_LCODES, _STATIC_LLENS, _STATIC_DCODES, _STATIC_DLENS)
        else:
            self._send_bits(4 + last, 3)
            self._send_bits(lmax + 1 - 257, 5)
            self._send_bits(dmax + 1 - 1, 5)
            self._send_bits(max_blindex + 1 - 4, 4)
            for rank in range(max_blindex + 1):
                self._send_bits(bllens[_CL_ORDER[rank]], 3)
            self._send_tree(llens, lmax, bllens, blcodes)
            self._send_tree(dlens, dmax, bllens, blcodes)
            self._compress_block(lcodes, llens, dcodes, dlens)
        self._init_block()
        if last:
            self._bi_windup()

    def _flush_block(self, last):
        """FLUSH_BLOCK_ONLY"""
        if self.block_start >= 0:
            start = self.block_start
        else:
            start = -1
        self._tr_flush_block(start, self.strstart - self.block_start, last)
        self.block_start = self.strstart
        self._flush_pending()

    # ------------------------------------------------------------ the window
    def _slide_hash(self):
        wsize = self.w_size
        head = self.head
        for i in range(len(head)):
            m = head[i]
            if m >= wsize:
                head[i] = m - wsize
            else:
                head[i] = 0
        prev = self.prev
        for i in range(len(prev)):
            m = prev[i]
            if m >= wsize:
                prev[i] = m - wsize
            else:
                prev[i] = 0

    def _fill_window(self):
        wsize = self.w_size
        win = self.window
        while True:
            more = self.window_size - self.lookahead - self.strstart
            if self.strstart >= wsize + wsize - _MIN_LOOKAHEAD:
                for k in range(wsize - more):
                    win[k] = win[wsize + k]
                self.match_start -= wsize
                self.strstart -= wsize
                self.block_start -= wsize
                if self.insert > self.strstart:
                    self.insert = self.strstart
                self._slide_hash()
                more += wsize
            if self.in_pos >= self.in_end:
                break
            p = self.in_pos
            n = self._read_buf(more)
            at = self.strstart + self.lookahead
            inp = self.inp
            for b in inp[p:p + n]:
                win[at] = int(b)
                at += 1
            self.lookahead += n
            if self.lookahead + self.insert >= 3:
                st = self.strstart - self.insert
                shift = self.hash_shift
                mask = self.hash_mask
                h = ((win[st] << shift) ^ win[st + 1]) & mask
                while self.insert:
                    h = ((h << shift) ^ win[st + 2]) & mask
                    self.prev[st & self.w_mask] = self.head[h]
                    self.head[h] = st
                    st += 1
                    self.insert -= 1
                    if self.lookahead + self.insert < 3:
                        break
                self.ins_h = h
            if not (self.lookahead < _MIN_LOOKAHEAD and self.in_pos < self.in_end):
                break

    def set_dictionary(self, d):
        """deflateSetDictionary(): the return code"""
        if self.dead:
            return _Z_STREAM_ERROR
        wrap = self.wrap
        if wrap == 2 or (wrap == 1 and self.status != _INIT_STATE) or self.lookahead:
            return _Z_STREAM_ERROR
        if wrap == 1:
            self.adler = _adler32(d, 0, len(d), self.adler)
        self.wrap = 0
        n = len(d)
        if n >= self.w_size:
            if wrap == 0:
                self.head = [0] * self.hash_size
                self.strstart = 0
                self.block_start = 0
                self.insert = 0
            d = d[n - self.w_size:]
            n = self.w_size
        inp = self.inp
        in_pos = self.in_pos
        in_end = self.in_end
        self.inp = d
        self.in_pos = 0
        self.in_end = n
        self._fill_window()
        win = self.window
        shift = self.hash_shift
        mask = self.hash_mask
        while self.lookahead >= 3:
            st = self.strstart
            k = self.lookahead - 2
            h = self.ins_h
            while k > 0:
                h = ((h << shift) ^ win[st + 2]) & mask
                self.prev[st & self.w_mask] = self.head[h]
                self.head[h] = st
                st += 1
                k -= 1
            self.ins_h = h
            self.strstart = st
            self.lookahead = 2
            self._fill_window()
        self.strstart += self.lookahead
        self.block_start = self.strstart
        self.insert = self.lookahead
        self.lookahead = 0
        self.match_length = 2
        self.prev_length = 2
        self.match_available = 0
        self.inp = inp
        self.in_pos = in_pos
        self.in_end = in_end
        self.wrap = wrap
        return _Z_OK

    # ------------------------------------------------------------ matching
    def _longest_match(self, cur_match):
        chain_length = self.max_chain
        win = self.window
        scan = self.strstart
        best_len = self.prev_length
        nice_match = self.nice_match
        max_dist = self.w_size - _MIN_LOOKAHEAD
        limit = 0
        if scan > max_dist:
            limit = scan - max_dist
        prev = self.prev
        wmask = self.w_mask
        strend = scan + 258
        scan_end1 = win[scan + best_len - 1]
        scan_end = win[scan + best_len]
        if self.prev_length >= self.good_match:
            chain_length >>= 2
        if nice_match > self.lookahead:
            nice_match = self.lookahead
        s0 = win[scan]
        s1 = win[scan + 1]
        match_start = self.match_start
        while True:
            m = cur_match
            if (win[m + best_len] == scan_end and win[m + best_len - 1] == scan_end1
                    and win[m] == s0 and win[m + 1] == s1):
                i = scan + 3
                j = m + 3
                while i < strend and win[i] == win[j]:
                    i += 1
                    j += 1
                ln = i - scan
                if ln > best_len:
                    match_start = cur_match
                    best_len = ln
                    if ln >= nice_match:
                        break
                    scan_end1 = win[scan + best_len - 1]
                    scan_end = win[scan + best_len]
            cur_match = prev[cur_match & wmask]
            if cur_match <= limit:
                break
            chain_length -= 1
            if chain_length == 0:
                break
        self.match_start = match_start
        if best_len <= self.lookahead:
            return best_len
        return self.lookahead

    def _tally_lit(self, c):
        self.syms.append(c)
        self.lfreq[c] += 1
        return len(self.syms) == self.sym_end

    def _tally_dist(self, dist, lc):
        self.syms.append((dist << 8) | lc)
        self.lfreq[_LENGTH_CODE[lc] + 257] += 1
        self.dfreq[_DIST_CODE[dist - 1]] += 1
        return len(self.syms) == self.sym_end

    def _finish_blocks(self, flush):
        """the common end of deflate_fast/slow/rle/huff once the input is used up"""
        if flush == Z_FINISH:
            self._flush_block(1)
            if self.avail_out == 0:
                return _FINISH_STARTED
            return _FINISH_DONE
        if len(self.syms):
            self._flush_block(0)
            if self.avail_out == 0:
                return _NEED_MORE
        return _BLOCK_DONE

    def _deflate_fast(self, flush):
        win = self.window
        prev = self.prev
        wmask = self.w_mask
        shift = self.hash_shift
        mask = self.hash_mask
        max_dist = self.w_size - _MIN_LOOKAHEAD
        while True:
            if self.lookahead < _MIN_LOOKAHEAD:
                self._fill_window()
                if self.lookahead < _MIN_LOOKAHEAD and flush == Z_NO_FLUSH:
                    return _NEED_MORE
                if self.lookahead == 0:
                    break
            head = self.head
            strstart = self.strstart
            hash_head = 0
            if self.lookahead >= 3:
                h = ((self.ins_h << shift) ^ win[strstart + 2]) & mask
                self.ins_h = h
                hash_head = head[h]
                prev[strstart & wmask] = hash_head
                head[h] = strstart
            if hash_head != 0 and strstart - hash_head <= max_dist:
                self.match_length = self._longest_match(hash_head)
            ml = self.match_length
            if ml >= 3:
                bflush = self._tally_dist(strstart - self.match_start, ml - 3)
                self.lookahead -= ml
                if ml <= self.max_lazy and self.lookahead >= 3:
                    ml -= 1
                    h = self.ins_h
                    while ml > 0:
                        strstart += 1
                        h = ((h << shift) ^ win[strstart + 2]) & mask
                        prev[strstart & wmask] = head[h]
                        head[h] = strstart
                        ml -= 1
                    self.ins_h = h
                    strstart += 1
                else:
                    strstart += ml
                    self.ins_h = ((win[strstart] << shift) ^ win[strstart + 1]) & mask
                self.match_length = 0
                self.strstart = strstart
            else:
                bflush = self._tally_lit(win[strstart])
                self.lookahead -= 1
                self.strstart = strstart + 1
            if bflush:
                self._flush_block(0)
                if self.avail_out == 0:
                    return _NEED_MORE
        if self.strstart < 2:
            self.insert = self.strstart
        else:
            self.insert = 2
        return self._finish_blocks(flush)

    def _deflate_slow(self, flush):
        win = self.window
        prev = self.prev
        wmask = self.w_mask
        shift = self.hash_shift
        mask = self.hash_mask
        max_dist = self.w_size - _MIN_LOOKAHEAD
        while True:
            if self.lookahead < _MIN_LOOKAHEAD:
                self._fill_window()
                if self.lookahead < _MIN_LOOKAHEAD and flush == Z_NO_FLUSH:
                    return _NEED_MORE
                if self.lookahead == 0:
                    break
            head = self.head
            strstart = self.strstart
            hash_head = 0
            if self.lookahead >= 3:
                h = ((self.ins_h << shift) ^ win[strstart + 2]) & mask
                self.ins_h = h
                hash_head = head[h]
                prev[strstart & wmask] = hash_head
                head[h] = strstart
            prev_length = self.match_length
            self.prev_length = prev_length
            self.prev_match = self.match_start
            ml = 2
            if hash_head != 0 and prev_length < self.max_lazy and strstart - hash_head <= max_dist:
                ml = self._longest_match(hash_head)
                if ml <= 5 and (self.strategy == Z_FILTERED or
                                (ml == 3 and strstart - self.match_start > _TOO_FAR)):
                    ml = 2
            self.match_length = ml
            if prev_length >= 3 and ml <= prev_length:
                max_insert = strstart + self.lookahead - 3
                bflush = self._tally_dist(strstart - 1 - self.prev_match, prev_length - 3)
                self.lookahead -= prev_length - 1
                n = prev_length - 2
                h = self.ins_h
                while n > 0:
                    strstart += 1
                    if strstart <= max_insert:
                        h = ((h << shift) ^ win[strstart + 2]) & mask
                        prev[strstart & wmask] = head[h]
                        head[h] = strstart
                    n -= 1
                self.ins_h = h
                self.prev_length = 0
                self.match_available = 0
                self.match_length = 2
                self.strstart = strstart + 1
                if bflush:
                    self._flush_block(0)
                    if self.avail_out == 0:
                        return _NEED_MORE
            elif self.match_available:
                bflush = self._tally_lit(win[strstart - 1])
                if bflush:
                    self._flush_block(0)
                self.strstart = strstart + 1
                self.lookahead -= 1
                if self.avail_out == 0:
                    return _NEED_MORE
            else:
                self.match_available = 1
                self.strstart = strstart + 1
                self.lookahead -= 1
        if self.match_available:
            self._tally_lit(win[self.strstart - 1])
            self.match_available = 0
        if self.strstart < 2:
            self.insert = self.strstart
        else:
            self.insert = 2
        return self._finish_blocks(flush)

    def _deflate_rle(self, flush):
        win = self.window
        while True:
            if self.lookahead <= 258:
                self._fill_window()
                if self.lookahead <= 258 and flush == Z_NO_FLUSH:
                    return _NEED_MORE
                if self.lookahead == 0:
                    break
            strstart = self.strstart
            ml = 0
            if self.lookahead >= 3 and strstart > 0:
                c = win[strstart - 1]
                if c == win[strstart] and c == win[strstart + 1] and c == win[strstart + 2]:
                    i = strstart + 3
                    strend = strstart + 258
                    while i < strend and win[i] == c:
                        i += 1
                    ml = i - strstart
                    if ml > self.lookahead:
                        ml = self.lookahead
            if ml >= 3:
                bflush = self._tally_dist(1, ml - 3)
                self.lookahead -= ml
                self.strstart = strstart + ml
            else:
                bflush = self._tally_lit(win[strstart])
                self.lookahead -= 1
                self.strstart = strstart + 1
            self.match_length = 0
            if bflush:
                self._flush_block(0)
                if self.avail_out == 0:
                    return _NEED_MORE
        self.insert = 0
        return self._finish_blocks(flush)

    def _deflate_huff(self, flush):
        win = self.window
        while True:
            if self.lookahead == 0:
                self._fill_window()
                if self.lookahead == 0:
                    if flush == Z_NO_FLUSH:
                        return _NEED_MORE
                    break
            self.match_length = 0
            bflush = self._tally_lit(win[self.strstart])
            self.lookahead -= 1
            self.strstart += 1
            if bflush:
                self._flush_block(0)
                if self.avail_out == 0:
                    return _NEED_MORE
        self.insert = 0
        return self._finish_blocks(flush)

    def _deflate_stored(self, flush):
        wsize = self.w_size
        min_block = self.pending_buf_size - 5
        if min_block > wsize:
            min_block = wsize
        last = 0
        used = self.in_end - self.in_pos
        while True:
            ln = 65535
            have = (self.bi_valid + 42) >> 3
            if self.avail_out < have:
                break
            have = self.avail_out - have
            left = self.strstart - self.block_start
            avail_in = self.in_end - self.in_pos
            if ln > left + avail_in:
                ln = left + avail_in
            if ln > have:
                ln = have
            if ln < min_block and ((ln == 0 and flush != Z_FINISH) or flush == Z_NO_FLUSH
                                   or ln != left + avail_in):
                break
            if flush == Z_FINISH and ln == left + avail_in:
                last = 1
            else:
                last = 0
            self._tr_stored_block(-1, ln, last)
            self._flush_pending()
            if left:
                if left > ln:
                    left = ln
                out = self.out
                win = self.window
                for k in range(self.block_start, self.block_start + left):
                    out.append(win[k])
                if len(out) >= _PART_SIZE:
                    self._spill_out()
                self.avail_out -= left
                self.total_out += left
                self.block_start += left
                ln -= left
            if ln:
                p = self.in_pos
                self._read_buf(ln)
                out = self.out
                inp = self.inp
                for b in inp[p:p + ln]:
                    out.append(int(b))
                if len(out) >= _PART_SIZE:
                    self._spill_out()
                self.avail_out -= ln
                self.total_out += ln
            if last:
                break
        used -= self.in_end - self.in_pos
        win = self.window
        if used:
            inp = self.inp
            if used >= wsize:
                p = self.in_pos - wsize
                k = 0
                for b in inp[p:p + wsize]:
                    win[k] = int(b)
                    k += 1
                self.strstart = wsize
                self.insert = self.strstart
            else:
                if self.window_size - self.strstart <= used:
                    self.strstart -= wsize
                    for k in range(self.strstart):
                        win[k] = win[wsize + k]
                    if self.insert > self.strstart:
                        self.insert = self.strstart
                p = self.in_pos - used
                at = self.strstart
                for b in inp[p:p + used]:
                    win[at] = int(b)
                    at += 1
                self.strstart += used
                k = wsize - self.insert
                if k > used:
                    k = used
                self.insert += k
            self.block_start = self.strstart
        if last:
            return _FINISH_DONE
        avail_in = self.in_end - self.in_pos
        if (flush != Z_NO_FLUSH and flush != Z_FINISH and avail_in == 0
                and self.strstart == self.block_start):
            return _BLOCK_DONE
        have = self.window_size - self.strstart
        if avail_in > have and self.block_start >= wsize:
            self.block_start -= wsize
            self.strstart -= wsize
            for k in range(self.strstart):
                win[k] = win[wsize + k]
            have += wsize
            if self.insert > self.strstart:
                self.insert = self.strstart
        if have > avail_in:
            have = avail_in
        if have:
            p = self.in_pos
            self._read_buf(have)
            inp = self.inp
            at = self.strstart
            for b in inp[p:p + have]:
                win[at] = int(b)
                at += 1
            self.strstart += have
            k = wsize - self.insert
            if k > have:
                k = have
            self.insert += k
        have = (self.bi_valid + 42) >> 3
        have = self.pending_buf_size - have
        if have > 65535:
            have = 65535
        min_block = have
        if min_block > wsize:
            min_block = wsize
        left = self.strstart - self.block_start
        avail_in = self.in_end - self.in_pos
        if left >= min_block or ((left or flush == Z_FINISH) and flush != Z_NO_FLUSH
                                 and avail_in == 0 and left <= have):
            ln = left
            if ln > have:
                ln = have
            if flush == Z_FINISH and avail_in == 0 and ln == left:
                last = 1
            else:
                last = 0
            self._tr_stored_block(self.block_start, ln, last)
            self.block_start += ln
            self._flush_pending()
        if last:
            return _FINISH_STARTED
        return _NEED_MORE

    # ------------------------------------------------------------ deflate()
    def deflate(self, flush):
        if self.dead or flush > Z_BLOCK or flush < 0:
            return _Z_STREAM_ERROR
        if self.status == _FINISH_STATE and flush != Z_FINISH:
            self.msg = "stream error"
            return _Z_STREAM_ERROR
        if self.avail_out == 0:
            self.msg = "buffer error"
            return _Z_BUF_ERROR
        old_flush = self.last_flush
        self.last_flush = flush
        avail_in = self.in_end - self.in_pos
        if len(self.pending) != 0:
            self._flush_pending()
            if self.avail_out == 0:
                self.last_flush = -1
                return _Z_OK
        elif avail_in == 0 and _rank(flush) <= _rank(old_flush) and flush != Z_FINISH:
            self.msg = "buffer error"
            return _Z_BUF_ERROR
        if self.status == _FINISH_STATE and avail_in != 0:
            self.msg = "buffer error"
            return _Z_BUF_ERROR
        if self.status == _INIT_STATE and self.wrap == 0:
            self.status = _BUSY_STATE
        if self.status == _INIT_STATE:
            header = (8 + ((self.w_bits - 8) << 4)) << 8
            if self.strategy >= Z_HUFFMAN_ONLY or self.level < 2:
                level_flags = 0
            elif self.level < 6:
                level_flags = 1
            elif self.level == 6:
                level_flags = 2
            else:
                level_flags = 3
            header |= level_flags << 6
            if self.strstart != 0:
                header |= 0x20
            header += 31 - (header % 31)
            self._put_short_msb(header)
            if self.strstart != 0:
                self._put_short_msb(self.adler >> 16)
                self._put_short_msb(self.adler & 0xFFFF)
            self.adler = 1
            self.status = _BUSY_STATE
            self._flush_pending()
            if len(self.pending) != 0:
                self.last_flush = -1
                return _Z_OK
        if self.status == _GZIP_STATE:
            self.adler = 0
            if self.level == 9:
                xfl = 2
            elif self.strategy >= Z_HUFFMAN_ONLY or self.level < 2:
                xfl = 4
            else:
                xfl = 0
            self.pending.extend([31, 139, 8, 0, 0, 0, 0, 0, xfl, 3])
            self.status = _BUSY_STATE
            self._flush_pending()
            if len(self.pending) != 0:
                self.last_flush = -1
                return _Z_OK
        if (self.in_end - self.in_pos != 0 or self.lookahead != 0
                or (flush != Z_NO_FLUSH and self.status != _FINISH_STATE)):
            if self.level == 0:
                bstate = self._deflate_stored(flush)
            elif self.strategy == Z_HUFFMAN_ONLY:
                bstate = self._deflate_huff(flush)
            elif self.strategy == Z_RLE:
                bstate = self._deflate_rle(flush)
            elif self.level <= 3:
                bstate = self._deflate_fast(flush)
            else:
                bstate = self._deflate_slow(flush)
            if bstate == _FINISH_STARTED or bstate == _FINISH_DONE:
                self.status = _FINISH_STATE
            if bstate == _NEED_MORE or bstate == _FINISH_STARTED:
                if self.avail_out == 0:
                    self.last_flush = -1
                return _Z_OK
            if bstate == _BLOCK_DONE:
                if flush == Z_PARTIAL_FLUSH:
                    self._tr_align()
                elif flush != Z_BLOCK:
                    self._tr_stored_block(-1, 0, 0)
                    if flush == Z_FULL_FLUSH:
                        self.head = [0] * self.hash_size
                        if self.lookahead == 0:
                            self.strstart = 0
                            self.block_start = 0
                            self.insert = 0
                self._flush_pending()
                if self.avail_out == 0:
                    self.last_flush = -1
                    return _Z_OK
        if flush != Z_FINISH:
            return _Z_OK
        if self.wrap <= 0:
            return _Z_STREAM_END
        if self.wrap == 2:
            a = self.adler
            t = self.total_in & 0xFFFFFFFF
            self.pending.extend([a & 255, (a >> 8) & 255, (a >> 16) & 255, (a >> 24) & 255,
                                 t & 255, (t >> 8) & 255, (t >> 16) & 255, (t >> 24) & 255])
        else:
            self._put_short_msb(self.adler >> 16)
            self._put_short_msb(self.adler & 0xFFFF)
        self._flush_pending()
        if self.wrap > 0:
            self.wrap = -self.wrap
        if len(self.pending) != 0:
            return _Z_OK
        return _Z_STREAM_END


    # (after every method that assigns a field: pyrite types a field copied before it is assigned
    # as object)
    def copy(self):
        c = _Deflater(self.level, 8, 9, 1, 0)
        c.ok = self.ok
        c.wrap = self.wrap
        c.w_bits = self.w_bits
        c.w_size = self.w_size
        c.w_mask = self.w_mask
        c.hash_bits = self.hash_bits
        c.hash_size = self.hash_size
        c.hash_mask = self.hash_mask
        c.hash_shift = self.hash_shift
        c.window = self.window[:]
        c.window_size = self.window_size
        c.prev = self.prev[:]
        c.head = self.head[:]
        c.lit_bufsize = self.lit_bufsize
        c.pending_buf_size = self.pending_buf_size
        c.sym_end = self.sym_end
        c.level = self.level
        c.strategy = self.strategy
        c.msg = self.msg
        c.dead = self.dead
        c.total_in = self.total_in
        c.total_out = self.total_out
        c.pending = self.pending[:]
        c.status = self.status
        c.adler = self.adler
        c.last_flush = self.last_flush
        c.bi_buf = self.bi_buf
        c.bi_valid = self.bi_valid
        c.syms = self.syms[:]
        c.lfreq = self.lfreq[:]
        c.dfreq = self.dfreq[:]
        c.good_match = self.good_match
        c.max_lazy = self.max_lazy
        c.nice_match = self.nice_match
        c.max_chain = self.max_chain
        c.strstart = self.strstart
        c.block_start = self.block_start
        c.lookahead = self.lookahead
        c.insert = self.insert
        c.match_length = self.match_length
        c.prev_length = self.prev_length
        c.match_available = self.match_available
        c.match_start = self.match_start
        c.prev_match = self.prev_match
        c.ins_h = self.ins_h
        return c

def _rank(f):
    if f > 4:
        return f * 2 - 9
    return f * 2


def _run_deflate(s, data, flush, what):
    """CPython's loop over deflate() with its growing output buffer: the output"""
    s.inp = data
    s.in_pos = 0
    s.in_end = len(data)
    s.out = []
    s.out_pieces = []
    ob = _outbuf_and_grow(-1)
    s.avail_out = ob.allocated
    while True:
        err = s.deflate(flush)
        if err == _Z_STREAM_ERROR:
            raise _zlib_error(err, what, s.msg)
        if s.avail_out != 0:
            break
        s.avail_out = ob.grow()
    s._spill_out()
    pieces = s.out_pieces
    s.out_pieces = []
    s.inp = b""
    s.in_pos = 0
    s.in_end = 0
    s._last_err = err
    if len(pieces) == 1:
        return pieces[0]
    return b"".join(pieces)


def compress(*args, **kwargs):
    """Returns a bytes object containing compressed data.

  data
    Binary data to be compressed.
  level
    Compression level, in 0-9 or -1.
  wbits
    The window buffer size and container format."""
    v = _parse_args("compress", args, kwargs, ["", "level", "wbits"], 1, 3, 1)
    data = _buffer_bytes(v[0])
    level = Z_DEFAULT_COMPRESSION
    if v[1] is not _NOARG:
        level = _c_int(v[1])
    wbits = MAX_WBITS
    if v[2] is not _NOARG:
        wbits = _c_int(v[2])
    s = _Deflater(level, DEFLATED, wbits, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY)
    if not s.ok:
        raise error("Bad compression level")
    return _run_deflate(s, data, Z_FINISH, "while compressing data")


class Compress:
    __slots__ = ("_s", "_initialised")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'zlib.Compress' instances")

    def compress(self, *args, **kwargs):
        v = _parse_args("compress", args, kwargs, [""], 1, 1, 1)
        data = _buffer_bytes(v[0])
        return _run_deflate(self._s, data, Z_NO_FLUSH, "while compressing data")

    def flush(self, *args, **kwargs):
        v = _parse_args("flush", args, kwargs, ["mode"], 1, 1, 0)
        mode = Z_FINISH
        if v[0] is not _NOARG:
            mode = _c_int(v[0])
        if mode == Z_NO_FLUSH:
            return b""
        out = _run_deflate(self._s, b"", mode, "while flushing")
        err = self._s._last_err
        if err == _Z_STREAM_END and mode == Z_FINISH:
            self._s.dead = True
            self._initialised = False
        elif err != _Z_OK and err != _Z_BUF_ERROR:
            raise _zlib_error(err, "while flushing", self._s.msg)
        return out

    def copy(self, *args, **kwargs):
        _parse_args("copy", args, kwargs, [], 0, 0, 0)
        if not self._initialised:
            raise ValueError("Inconsistent stream state")
        return _new_compress(self._s.copy())

    def __copy__(self, *args, **kwargs):
        _parse_args("__copy__", args, kwargs, [], 0, 0, 0)
        return self.copy()

    def __deepcopy__(self, *args, **kwargs):
        _parse_args("__deepcopy__", args, kwargs, ["memo"], 1, 1, 1)
        return self.copy()

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'zlib.Compress' object")


def _new_compress(s):
    c = object.__new__(Compress)
    c._s = s
    c._initialised = True
    return c


def compressobj(*args, **kwargs):
    """Return a compressor object.

  level
    The compression level (an integer in the range 0-9 or -1; default is
    currently equivalent to 6).  Higher compression levels are slower,
    but produce smaller results.
  method
    The compression algorithm.  If given, this must be DEFLATED.
  wbits
    +9 to +15: The base-two logarithm of the window size.  Include a zlib
        container.
    -9 to -15: Generate a raw stream.
    +25 to +31: Include a gzip container.
  memLevel
    Controls the amount of memory used for internal compression state.
    Valid values range from 1 to 9.  Higher values result in higher memory
    usage, faster compression, and smaller output.
  strategy
    Used to tune the compression algorithm.  Possible values are
    Z_DEFAULT_STRATEGY, Z_FILTERED, and Z_HUFFMAN_ONLY.
  zdict
    The predefined compression dictionary - a sequence of bytes
    containing subsequences that are likely to occur in the input data."""
    v = _parse_args("compressobj", args, kwargs,
                    ["level", "method", "wbits", "memLevel", "strategy", "zdict"], 0, 6, 0)
    level = Z_DEFAULT_COMPRESSION
    if v[0] is not _NOARG:
        level = _c_int(v[0])
    method = DEFLATED
    if v[1] is not _NOARG:
        method = _c_int(v[1])
    wbits = MAX_WBITS
    if v[2] is not _NOARG:
        wbits = _c_int(v[2])
    memlevel = DEF_MEM_LEVEL
    if v[3] is not _NOARG:
        memlevel = _c_int(v[3])
    strategy = Z_DEFAULT_STRATEGY
    if v[4] is not _NOARG:
        strategy = _c_int(v[4])
    zdict = None
    if v[5] is not _NOARG:
        zdict = _buffer_bytes(v[5])
    s = _Deflater(level, method, wbits, memlevel, strategy)
    if not s.ok:
        raise ValueError("Invalid initialization option")
    if zdict is not None:
        if s.set_dictionary(zdict) != _Z_OK:
            raise ValueError("Invalid dictionary")
    return _new_compress(s)

def decompress(*args, **kwargs):
    """Returns a bytes object containing the uncompressed data.

  data
    Compressed data.
  wbits
    The window buffer size and container format.
  bufsize
    The initial output buffer size."""
    v = _parse_args("decompress", args, kwargs, ["", "wbits", "bufsize"], 1, 3, 1)
    data = _buffer_bytes(v[0])
    wbits = MAX_WBITS
    if v[1] is not _NOARG:
        wbits = _c_int(v[1])
    bufsize = DEF_BUF_SIZE
    if v[2] is not _NOARG:
        bufsize = _c_ssize(v[2])
    if bufsize < 0:
        raise ValueError("bufsize must be non-negative")
    if bufsize == 0:
        bufsize = 1
    st = _Inflater(wbits)
    if not st.ok:
        raise _zlib_error(_Z_STREAM_ERROR, "while preparing to decompress data", None)
    ob = _OutBuf(bufsize, -1)
    avail = bufsize
    pos = 0
    pieces = []
    while True:
        err = st.inflate(data, pos, avail, Z_FINISH)
        pos = st.next_in
        produced = 0
        for piece in st.pieces:
            pieces.append(piece)
            produced += len(piece)
        if err != _Z_OK and err != _Z_BUF_ERROR and err != _Z_STREAM_END:
            raise _zlib_error(err, "while decompressing data", st.msg)
        if produced < avail:
            break
        avail = ob.grow()
    if err != _Z_STREAM_END:
        raise _zlib_error(err, "while decompressing data", st.msg)
    return b"".join(pieces)


class Decompress:
    __slots__ = ("_st", "_zdict", "_unused_data", "_unconsumed_tail", "_eof", "_initialised",
                 "_pos", "_err")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'zlib.Decompress' instances")

    @property
    def unused_data(self):
        return self._unused_data

    @property
    def unconsumed_tail(self):
        return self._unconsumed_tail

    @property
    def eof(self):
        return self._eof

    def _set_zdict(self):
        d = _buffer_bytes(self._zdict)
        err = self._st.set_dictionary(d)
        if err != _Z_OK:
            raise _zlib_error(err, "while setting zdict", self._st.msg)

    def _save_unconsumed(self, data, pos, err):
        # as CPython's save_unconsumed_input(): at the end of the stream the rest of the input
        # joins unused_data, and (its input pointer not being advanced) also replaces a non-empty
        # unconsumed_tail
        avail = len(data) - pos
        if err == _Z_STREAM_END and avail > 0:
            self._unused_data = self._unused_data + data[pos:]
            avail = 0
        if avail > 0 or len(self._unconsumed_tail):
            self._unconsumed_tail = data[pos:]

    def _run(self, data, avail, ob, flush, max_length):
        """CPython's loop over inflate(): (output pieces, last return code, input position)"""
        st = self._st
        pos = 0
        pieces = []
        got = 0
        err = _Z_OK
        while True:
            if avail == 0:
                if got == max_length:
                    break
                avail = ob.grow()
            err = st.inflate(data, pos, avail, flush)
            pos = st.next_in
            produced = 0
            for piece in st.pieces:
                pieces.append(piece)
                produced += len(piece)
            got += produced
            avail -= produced
            if err != _Z_OK and err != _Z_BUF_ERROR and err != _Z_STREAM_END:
                if err == _Z_NEED_DICT and self._zdict is not None:
                    self._set_zdict()
                else:
                    break
            if not (avail == 0 or err == _Z_NEED_DICT):
                break
        self._pos = pos
        self._err = err
        return pieces

    def decompress(self, *args, **kwargs):
        v = _parse_args("decompress", args, kwargs, ["", "max_length"], 1, 2, 1)
        data = _buffer_bytes(v[0])
        max_length = 0
        if v[1] is not _NOARG:
            max_length = _c_ssize(v[1])
        if max_length < 0:
            raise ValueError("max_length must be non-negative")
        if max_length == 0:
            max_length = -1
        ob = _outbuf_and_grow(max_length)
        pieces = self._run(data, ob.allocated, ob, Z_SYNC_FLUSH, max_length)
        err = self._err
        self._save_unconsumed(data, self._pos, err)
        if err == _Z_STREAM_END:
            self._eof = True
        elif err != _Z_OK and err != _Z_BUF_ERROR:
            raise _zlib_error(err, "while decompressing data", self._st.msg)
        return b"".join(pieces)

    def flush(self, *args, **kwargs):
        v = _parse_args("flush", args, kwargs, ["length"], 1, 1, 0)
        length = DEF_BUF_SIZE
        if v[0] is not _NOARG:
            length = _c_ssize(v[0])
        if length <= 0:
            raise ValueError("length must be greater than zero")
        data = self._unconsumed_tail
        ob = _OutBuf(length, -1)
        pieces = self._run(data, length, ob, Z_FINISH, -1)
        err = self._err
        self._save_unconsumed(data, self._pos, err)
        if err == _Z_STREAM_END:
            self._eof = True
            self._initialised = False
            self._st.dead = True
        return b"".join(pieces)

    def copy(self, *args, **kwargs):
        _parse_args("copy", args, kwargs, [], 0, 0, 0)
        if not self._initialised:
            raise ValueError("Inconsistent stream state")
        c = _new_decompress(self._st.copy(), self._zdict)
        c._unused_data = self._unused_data
        c._unconsumed_tail = self._unconsumed_tail
        c._eof = self._eof
        return c

    def __copy__(self, *args, **kwargs):
        _parse_args("__copy__", args, kwargs, [], 0, 0, 0)
        return self.copy()

    def __deepcopy__(self, *args, **kwargs):
        _parse_args("__deepcopy__", args, kwargs, ["memo"], 1, 1, 1)
        return self.copy()

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'zlib.Decompress' object")


def _new_decompress(st, zdict):
    d = object.__new__(Decompress)
    d._st = st
    d._zdict = zdict
    d._unused_data = b""
    d._unconsumed_tail = b""
    d._eof = False
    d._initialised = True
    d._pos = 0
    d._err = 0
    return d


def decompressobj(*args, **kwargs):
    """Return a decompressor object.

  wbits
    The window buffer size and container format.
  zdict
    The predefined compression dictionary.  This must be the same
    dictionary as used by the compressor that produced the input data."""
    v = _parse_args("decompressobj", args, kwargs, ["wbits", "zdict"], 0, 2, 0)
    wbits = MAX_WBITS
    if v[0] is not _NOARG:
        wbits = _c_int(v[0])
    zdict = None
    if v[1] is not _NOARG:
        zdict = v[1]
        if not _supports_buffer(zdict):
            raise TypeError("zdict argument must support the buffer protocol")
    st = _Inflater(wbits)
    if not st.ok:
        raise ValueError("Invalid initialization option")
    d = _new_decompress(st, zdict)
    if zdict is not None and wbits < 0:
        d._set_zdict()
    return d
