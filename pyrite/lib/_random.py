__doc__ = "Module implements the Mersenne Twister random number generator."
# (an assignment rather than a docstring: pyrite's `from M import __doc__` finds only an assigned
# __doc__)

# pyrite's `_random`: CPython writes this module in C (Modules/_randommodule.c); this is a Python
# version written from CPython 3.11's observable behaviour (the numbers for every seed, getstate()
# tuples, exception types and messages), compiled with the program. CPython's Lib/random.py
# subclasses its Random (`class Random(_random.Random)`) and runs on top of it unchanged.
#
# The generator is MT19937 (Matsumoto and Nishimura's Mersenne Twister): 624 32-bit words of state
# and an index, the whole block regenerated when the index reaches 624. Seeding as CPython does it:
# - an int: its absolute value, split into 32-bit words from the least significant one (0 is one
#   word 0), fed to the reference `init_by_array` (which starts from `init_genrand(19650218)`);
# - None: 624 words from os.urandom (the time, the pid and a monotonic clock when that fails);
# - anything else: hash(x) as an unsigned 64-bit value, split the same way. (random.py turns str,
#   bytes and bytearray seeds into ints itself before calling this seed.)
# random() takes two words: (a*2**26 + b) / 2**53 with a = word >> 5, b = word >> 6.
# getrandbits(k) fills k bits from 32-bit words, the least significant word first; the last word
# keeps its top k % 32 bits.
#
# pyrite compiles the state as a list of 64-bit ints: every intermediate value below stays under
# 2**63 (products are of a 32-bit value and a constant under 2**31, and are masked at once).
# Results beyond 63 bits (getrandbits(k) for k >= 64, big seeds) go through bytes and
# int.from_bytes / int.to_bytes so that they are exact in the default 64-bit int mode too.
# The fields (_mt, _index) are stored only by methods of Random: pyrite types a field from the
# stores it sees in the class's methods (a store from a module-level function boxes it), and a
# class with __new__ is constructed through the class object at run time, so there is none.
#
# Tested under CPython against the C `_random` (55,000 comparisons: bit-exact random() sequences
# and getstate() for ~120 seeds of every kind, getrandbits(k) for k in 0..200 and beyond,
# setstate round trips at every index, exception types and messages) and with CPython's own
# random.py run on top of this module (randint, choice, shuffle, sample, gauss, ... all equal);
# compiled by pyrite (native and wasi) the same outputs byte for byte.
# Known differences:
# - no __new__: an instance made with Random.__new__(Random) and never seeded raises
#   AttributeError from random()/getstate() (the C type starts from an all-zero state, which
#   gives 0.0 forever). Every constructor call and random.Random seeds.
# - random() and getrandbits() are plain Python methods: a wrong number of arguments gets Python's
#   message ("Random.random() takes 1 positional argument but 2 were given") instead of the C one
#   ("Random.random() takes no arguments (1 given)"). seed, getstate, setstate and the constructor
#   check their arguments themselves and give CPython's messages.
# - instances have a __dict__ (the C type has none, so `_random.Random().x = 1` raises there), and
#   _random.Random itself pickles (CPython: "cannot pickle '_random.Random' object"); random.Random
#   defines its own __reduce__ and behaves the same.
# - int subclasses: seed() and setstate() read their int value; comparisons are not overridden.
# - the private names _seed, _genrand, _mt, _index show in dir(); a subclass must not reuse them.

from os import urandom as _urandom, getpid as _getpid
from time import time as _time, monotonic as _monotonic

# N = 624 words of state, M = 397: written as literals below (constants in the compiled code)


def _index(v):
    """operator.index with CPython's messages"""
    if isinstance(v, int):
        return v
    t = type(v)
    if not hasattr(t, "__index__"):
        raise TypeError("'%s' object cannot be interpreted as an integer" % t.__name__)
    r = v.__index__()
    if not isinstance(r, int):
        raise TypeError("__index__ returned non-int (type %s)" % type(r).__name__)
    return r


def _plain_int(v):
    """the value of an int (or int subclass) as an exact int"""
    if type(v) is int:
        return v
    return int.__index__(v)                 # (not an overriding __index__)


# ---------------------------------------------------------------- the generator
def _generate(mt):
    """the next 624 words, in place (the reference algorithm: N=624, M=397, matrix 0x9908B0DF,
    upper mask 0x80000000, lower mask 0x7FFFFFFF)"""
    for kk in range(227):                       # N - M
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7FFFFFFF)
        mt[kk] = mt[kk + 397] ^ (y >> 1) ^ ((y & 1) * 0x9908B0DF)
    for kk in range(227, 623):
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7FFFFFFF)
        mt[kk] = mt[kk - 227] ^ (y >> 1) ^ ((y & 1) * 0x9908B0DF)
    y = (mt[623] & 0x80000000) | (mt[0] & 0x7FFFFFFF)
    mt[623] = mt[396] ^ (y >> 1) ^ ((y & 1) * 0x9908B0DF)


def _init_genrand(mt, s):
    mt[0] = s & 0xFFFFFFFF
    prev = mt[0]
    for i in range(1, 624):
        prev = (((prev ^ (prev >> 30)) * 1812433253) + i) & 0xFFFFFFFF
        mt[i] = prev


def _init_by_array(mt, key):
    """the reference init_by_array: key is a non-empty list of 32-bit words"""
    _init_genrand(mt, 19650218)
    n = len(key)
    i = 1
    j = 0
    k = 624 if 624 > n else n
    while k > 0:
        p = mt[i - 1]
        mt[i] = ((mt[i] ^ (((p ^ (p >> 30)) * 1664525) & 0xFFFFFFFF)) + key[j] + j) & 0xFFFFFFFF
        i += 1
        j += 1
        if i >= 624:
            mt[0] = mt[623]
            i = 1
        if j >= n:
            j = 0
        k -= 1
    k = 623
    while k > 0:
        p = mt[i - 1]
        mt[i] = ((mt[i] ^ (((p ^ (p >> 30)) * 1566083941) & 0xFFFFFFFF)) - i) & 0xFFFFFFFF
        i += 1
        if i >= 624:
            mt[0] = mt[623]
            i = 1
        k -= 1
    mt[0] = 0x80000000                          # a non-zero initial state


def _word(b, p):
    """the little-endian 32-bit word at b[p:p+4]"""
    return int(b[p]) | (int(b[p + 1]) << 8) | (int(b[p + 2]) << 16) | (int(b[p + 3]) << 24)


def _words_of(n):
    """the 32-bit words of an int n >= 0, least significant first (one word for 0)"""
    nwords = (int(n.bit_length()) + 31) // 32
    if nwords <= 1:
        return [int(n)]
    b = bytes(n.to_bytes(4 * nwords, "little"))
    key = [0] * nwords
    for w in range(nwords):
        key[w] = _word(b, 4 * w)
    return key


def _entropy_key():
    """624 words from the system's entropy; the time and the pid when that fails"""
    try:
        b = bytes(_urandom(4 * 624))
        key = [0] * 624
        for w in range(624):
            key[w] = _word(b, 4 * w)
        return key
    except Exception:
        pass
    now = int(_time() * 1e9)
    mono = int(_monotonic() * 1e9)
    return [now & 0xFFFFFFFF, (now >> 32) & 0xFFFFFFFF, int(_getpid()) & 0xFFFFFFFF,
            mono & 0xFFFFFFFF, (mono >> 32) & 0xFFFFFFFF]


# ---------------------------------------------------------------- Random
class Random:
    """Random() -> create a random number generator with its own internal state."""

    def _seed(self, arg):
        """the C-level seed, also what the constructor calls: called as Random._seed(self, arg), never
        through an overriding method (a method so that pyrite types the fields it stores)"""
        if arg is None:
            key = _entropy_key()
        elif isinstance(arg, int):
            if type(arg) is int:
                n = arg if arg >= 0 else -arg
            else:
                n = int.__abs__(arg)                # not an overriding __abs__
            key = _words_of(n)
        else:
            h = hash(arg)                           # as an unsigned 64-bit value
            lo = h & 0xFFFFFFFF
            hi = (h >> 32) & 0xFFFFFFFF
            if hi != 0:
                key = [lo, hi]
            else:
                key = [lo]
        mt = [0] * 624
        _init_by_array(mt, key)
        self._mt = mt
        self._index = 624

    def __init__(self, *args, **kwds):
        if kwds and (type(self) is Random or type(self).__init__ is Random.__init__):
            raise TypeError("Random() takes no keyword arguments")
        if len(args) > 1:
            raise TypeError("Random() requires 0 or 1 argument")
        Random._seed(self, args[0] if len(args) == 1 else None)

    def seed(self, *args, **kwds):
        """seed([n]) -> None.

Defaults to use urandom and falls back to a combination
of the current time and the process identifier."""
        if kwds:
            raise TypeError("Random.seed() takes no keyword arguments")
        if len(args) > 1:
            raise TypeError("seed expected at most 1 argument, got %d" % len(args))
        Random._seed(self, args[0] if len(args) == 1 else None)

    def random(self):
        """random() -> x in the interval [0, 1)."""
        mt = self._mt
        i = self._index
        if i >= 624:
            _generate(mt)
            i = 0
        y = mt[i]
        i += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= y >> 18
        a = y >> 5
        if i >= 624:
            _generate(mt)
            i = 0
        y = mt[i]
        i += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= y >> 18
        b = y >> 6
        self._index = i
        return (a * 67108864 + b) * (1.0 / 9007199254740992.0)

    def _genrand(self):
        """the next tempered 32-bit word"""
        mt = self._mt
        i = self._index
        if i >= 624:
            _generate(mt)
            i = 0
        y = mt[i]
        self._index = i + 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= y >> 18
        return y

    def getrandbits(self, k):
        """getrandbits(k) -> x.  Generates an int with k random bits."""
        if type(k) is not int:
            k = _plain_int(_index(k))
        if k > 2147483647 or k < -2147483648:
            raise OverflowError("Python int too large to convert to C int")
        n = int(k)                              # (a typed int from here on)
        if n < 0:
            raise ValueError("number of bits must be non-negative")
        if n == 0:
            return 0
        if n <= 32:
            return self._genrand() >> (32 - n)
        if n < 64:                              # (64 bits may not fit a signed 64-bit int)
            lo = self._genrand()
            return ((self._genrand() >> (64 - n)) << 32) | lo
        out = [0] * (4 * ((n - 1) // 32 + 1))
        p = 0
        while n > 0:
            r = self._genrand()
            if n < 32:
                r >>= 32 - n                    # the top bits of the last word
            out[p] = r & 0xFF
            out[p + 1] = (r >> 8) & 0xFF
            out[p + 2] = (r >> 16) & 0xFF
            out[p + 3] = r >> 24
            p += 4
            n -= 32
        return int.from_bytes(bytes(out), "little")

    def getstate(self, *args):
        """getstate() -> tuple containing the current state."""
        if args:
            raise TypeError("Random.getstate() takes no arguments (%d given)" % len(args))
        return tuple(self._mt) + (self._index,)

    def setstate(self, *args, **kwds):
        """setstate(state) -> None.  Restores generator state."""
        if kwds:
            raise TypeError("Random.setstate() takes no keyword arguments")
        if len(args) != 1:
            raise TypeError("Random.setstate() takes exactly one argument (%d given)" % len(args))
        state = args[0]
        if not isinstance(state, tuple):
            raise TypeError("state vector must be a tuple")
        if len(state) != 624 + 1:
            raise ValueError("state vector is the wrong size")
        new = [0] * 624
        for i in range(624):
            e = state[i]
            if not isinstance(e, int):
                raise TypeError("an integer is required")
            e = _plain_int(e)
            if e < 0:
                raise OverflowError("can't convert negative value to unsigned int")
            if e.bit_length() > 64:
                raise OverflowError("Python int too large to convert to C unsigned long")
            new[i] = int(e & 0xFFFFFFFF)        # the C code keeps the low 32 bits
        index = _plain_int(_index(state[624]))
        if index > 9223372036854775807 or index < -9223372036854775808:    # not a C long
            raise OverflowError("Python int too large to convert to C long")
        if index < 0 or index > 624:
            raise ValueError("invalid state")
        self._mt = new
        self._index = int(index)
