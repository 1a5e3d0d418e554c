/* randommod.c: the random module. One hidden Mersenne Twister (MT19937) generator backs the
 * module-level functions, as CPython's module functions are bound methods of one hidden Random
 * instance. Seeding and every derived draw follow CPython 3.11 (Modules/_randommodule.c and
 * Lib/random.py) step for step, so the same integer seed gives the same numbers:
 *   seed(int)    |n| split into 32-bit words, least significant first (n = 0: one word 0), then
 *                init_by_array; seed(float) uses hash(x) taken as an unsigned 64-bit value;
 *                seed(None) / no seed: 624 words from getentropy() (available in glibc, musl and
 *                wasi-libc, where it maps to random_get), falling back to the clocks if it fails.
 *                seed(str/bytes): CPython's version 2, int.from_bytes(data + sha512(data)) (version=1,
 *                the pre-3.2 string hash, is not supported: version is ignored).
 *   random()     (a * 2**26 + b) / 2**53 with a = next >> 5, b = next >> 6
 *   getrandbits  k <= 32: next >> (32 - k); else 32-bit words least significant first, the last
 *                one shifted right to keep k bits. Ints are 64-bit: results >= 2**63 raise
 *                OverflowError.
 *   _randbelow   k = n.bit_length(); draw getrandbits(k) until it is < n
 * randrange/randint/choice/shuffle/sample/choices/uniform/triangular/gauss/normalvariate/... are
 * written from those, in CPython's order of draws. Floating-point results that go through libm
 * (gauss, normalvariate, expovariate, ...) may differ by an ulp on musl/wasi (see TOOLCHAIN.md). */
#include "pyrt.h"
#include <math.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ MT19937 */
#define MT_N 624
#define MT_M 397

typedef struct {
    uint32_t mt[MT_N];
    int index;            /* next word of mt to temper; MT_N: regenerate first */
    bool seeded;
    bool has_gauss;       /* gauss() keeps its second value */
    double gauss_next;
} RandomState;

static RandomState rs;

static void mt_init(uint32_t s)
{
    rs.mt[0] = s;
    for (uint32_t i = 1; i < MT_N; i++) {
        uint32_t prev = rs.mt[i - 1];
        rs.mt[i] = 1812433253u * (prev ^ (prev >> 30)) + i;
    }
    rs.index = MT_N;
}

static void mt_init_by_array(const uint32_t *key, size_t len)
{
    mt_init(19650218u);
    size_t i = 1, j = 0;
    for (size_t k = len > MT_N ? len : MT_N; k > 0; k--) {
        uint32_t prev = rs.mt[i - 1];
        rs.mt[i] = (rs.mt[i] ^ ((prev ^ (prev >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        if (++i >= MT_N) {
            rs.mt[0] = rs.mt[MT_N - 1];
            i = 1;
        }
        if (++j >= len)
            j = 0;
    }
    for (size_t k = MT_N - 1; k > 0; k--) {
        uint32_t prev = rs.mt[i - 1];
        rs.mt[i] = (rs.mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941u)) - (uint32_t)i;
        if (++i >= MT_N) {
            rs.mt[0] = rs.mt[MT_N - 1];
            i = 1;
        }
    }
    rs.mt[0] = 0x80000000u;   /* the state is never all zero */
    rs.seeded = true;
    rs.has_gauss = false;
}

static void mt_regenerate(void)
{
    for (int i = 0; i < MT_N; i++) {
        uint32_t y = (rs.mt[i] & 0x80000000u) | (rs.mt[(i + 1) % MT_N] & 0x7fffffffu);
        uint32_t v = rs.mt[(i + MT_M) % MT_N] ^ (y >> 1);
        rs.mt[i] = (y & 1u) ? v ^ 0x9908b0dfu : v;
    }
    rs.index = 0;
}

static void seed_from_entropy(void)
{
    uint32_t key[MT_N];
    unsigned char *p = (unsigned char *)key;
    size_t left = sizeof key;
    bool ok = true;
    while (ok && left > 0) {
        size_t chunk = left > 256 ? 256 : left;   /* getentropy's per-call limit */
        ok = Pyrt_PlatformEntropy(p, chunk) == 0;
        p += chunk;
        left -= chunk;
    }
    if (!ok) {   /* no entropy source: the clocks and an address */
        struct timespec a, b;
        clock_gettime(CLOCK_REALTIME, &a);
        clock_gettime(CLOCK_MONOTONIC, &b);
        uint32_t fallback[5] = { (uint32_t)a.tv_sec, (uint32_t)a.tv_nsec, (uint32_t)b.tv_sec,
                                 (uint32_t)b.tv_nsec, (uint32_t)(uintptr_t)&a };
        mt_init_by_array(fallback, 5);
        return;
    }
    mt_init_by_array(key, MT_N);
}

static uint32_t genrand_u32(void)
{
    if (PYRT_UNLIKELY(!rs.seeded))
        seed_from_entropy();
    if (rs.index >= MT_N)
        mt_regenerate();
    uint32_t y = rs.mt[rs.index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

/* ------------------------------------------------------------------ SHA-512 (for str/bytes seeds)
 * FIPS 180-4. K: the first 64 bits of the fractional parts of the cube roots of the first 80
 * primes; the initial hash: the same of the square roots of the first 8 primes. */
static const uint64_t sha_k[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

static const uint64_t sha_h0[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};

static uint64_t rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void sha512_block(uint64_t h[8], const unsigned char *p)
{
    uint64_t w[80], v[8];
    for (int i = 0; i < 16; i++) {
        uint64_t x = 0;
        for (int b = 0; b < 8; b++)
            x = (x << 8) | p[i * 8 + b];
        w[i] = x;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = rotr64(w[i - 15], 1) ^ rotr64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = rotr64(w[i - 2], 19) ^ rotr64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, h, sizeof v);
    for (int i = 0; i < 80; i++) {
        uint64_t e = v[4], a = v[0];
        uint64_t t1 = v[7] + (rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41)) + ((e & v[5]) ^ (~e & v[6]))
                      + sha_k[i] + w[i];
        uint64_t t2 = (rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39)) + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof(uint64_t));
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        h[i] += v[i];
}

static void sha512(const unsigned char *msg, size_t len, unsigned char out[64])
{
    uint64_t h[8];
    memcpy(h, sha_h0, sizeof h);
    size_t done = 0;
    for (; len - done >= 128; done += 128)
        sha512_block(h, msg + done);
    unsigned char tail[256] = { 0 };
    size_t rest = len - done, blocks = rest + 1 + 16 <= 128 ? 1 : 2;
    memcpy(tail, msg + done, rest);
    tail[rest] = 0x80;
    uint64_t bits = (uint64_t)len * 8;   /* the high 64 bits of the 128-bit length stay 0 */
    for (int b = 0; b < 8; b++)
        tail[blocks * 128 - 1 - b] = (unsigned char)(bits >> (8 * b));
    for (size_t b = 0; b < blocks; b++)
        sha512_block(h, tail + b * 128);
    for (int i = 0; i < 64; i++)
        out[i] = (unsigned char)(h[i / 8] >> (56 - 8 * (i % 8)));
}

/* CPython's version-2 seed of str/bytes: int.from_bytes(data + sha512(data).digest()) (big-endian),
 * then the usual int seeding: 32-bit words, least significant first, leading zero bytes dropped. */
static int seed_bytes(const unsigned char *data, size_t len)
{
    size_t n = len + 64;
    unsigned char *buf = Pyrt_Malloc(n);
    uint32_t *key = buf ? Pyrt_Malloc((n / 4 + 1) * sizeof(uint32_t)) : NULL;
    if (!key) {
        Pyrt_Free(buf);
        return -1;
    }
    memcpy(buf, data, len);
    sha512(data, len, buf + len);
    size_t start = 0;
    while (start < n && buf[start] == 0)
        start++;
    size_t words = 0;
    for (size_t end = n; end > start; words++) {   /* from the least significant end */
        uint32_t w = 0;
        size_t from = end >= start + 4 ? end - 4 : start;
        for (size_t i = from; i < end; i++)
            w = (w << 8) | buf[i];
        key[words] = w;
        end = from;
    }
    if (words == 0)
        key[words++] = 0;
    mt_init_by_array(key, words);
    Pyrt_Free(key);
    Pyrt_Free(buf);
    return 0;
}

/* ------------------------------------------------------------------ typed core */
double PyrtRandom_Random(void)
{
    uint32_t a = genrand_u32() >> 5, b = genrand_u32() >> 6;
    return ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
}

/* k bits (0 <= k <= 64) as an unsigned value, drawing words like CPython's getrandbits */
static uint64_t getrandbits_u64(int k)
{
    if (k == 0)
        return 0;
    if (k <= 32)
        return genrand_u32() >> (32 - k);
    uint64_t lo = genrand_u32();
    uint64_t hi = genrand_u32() >> (64 - k);
    return (hi << 32) | lo;
}

int64_t PyrtRandom_GetRandBits(int64_t k)
{
    if (k < 0) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "number of bits must be non-negative");
        return -1;
    }
    if (k > 64) {
        PyrtErr_IntOverflow();
        return -1;
    }
    uint64_t r = getrandbits_u64((int)k);
    if (r > (uint64_t)INT64_MAX) {
        PyrtErr_IntOverflow();
        return -1;
    }
    return (int64_t)r;
}

static uint64_t randbelow_u64(uint64_t n)   /* n > 0 */
{
    int k = 64 - __builtin_clzll(n);
    uint64_t r = getrandbits_u64(k);
    while (r >= n)
        r = getrandbits_u64(k);
    return r;
}

int64_t PyrtRandom_RandBelow(int64_t n)
{
    return n > 0 ? (int64_t)randbelow_u64((uint64_t)n) : 0;
}

static void seed_u64(uint64_t mag)
{
    uint32_t key[2] = { (uint32_t)mag, (uint32_t)(mag >> 32) };
    mt_init_by_array(key, key[1] ? 2 : 1);
}

int PyrtRandom_Seed(PyrtObject *a)
{
    if (!a || a == Pyrt_None) {
        seed_from_entropy();
        return 0;
    }
    if (PyrtNum_IsInt(a) && PyrtInt_IsBig(a)) {   /* key: |a|'s 32-bit words, as CPython */
        PyrtLong *l = (PyrtLong *)a;
        int n = l->size < 0 ? -l->size : l->size;
        mt_init_by_array(l->digits, n);
        return 0;
    }
    if (PyrtNum_IsInt(a)) {
        int64_t v = PyrtInt_AsI64(a);
        seed_u64(v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
        return 0;
    }
    if (PyrtNum_IsFloat(a)) {
        int64_t h = Pyrt_Hash(a);
        if (h == -1 && Pyrt_ErrOccurred())
            return -1;
        seed_u64((uint64_t)h);   /* CPython: the hash as a size_t */
        return 0;
    }
    if (a->type == &PyrtType_Str)
        return seed_bytes((const unsigned char *)PyrtStr_UTF8(a), (size_t)((PyrtStr *)a)->nbytes);
    if (a->type == &PyrtType_Bytes)
        return seed_bytes(((PyrtBytes *)a)->data, (size_t)((PyrtBytes *)a)->length);
    Pyrt_ErrSetString(&PyrtType_TypeError,
                      "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    return -1;
}

/* ------------------------------------------------------------------ argument helpers */
#define RANDFN(name) static PyrtObject *rf_##name(PyrtObject *self, PyrtObject *const *args, int64_t nargs, \
                                                  PyrtObject *kw)

static int parse(const char *fname, PyrtObject *const *args, int64_t nargs, PyrtObject *kw,
                 const char *const *names, int nnames, int kwonly_from, int nrequired, PyrtObject **out)
{
    if (nargs > kwonly_from) {   /* CPython's counts include self */
        if (nrequired == kwonly_from)
            Pyrt_ErrFormat(&PyrtType_TypeError, "Random.%s() takes %d positional arguments but %lld were given",
                           fname, kwonly_from + 1, (long long)nargs + 1);
        else
            Pyrt_ErrFormat(&PyrtType_TypeError, "Random.%s() takes from %d to %d positional arguments but %lld were given",
                           fname, nrequired + 1, kwonly_from + 1, (long long)nargs + 1);
        return -1;
    }
    if (PyrtNum_ParseArgs(fname, args, nargs, kw, names, nnames, kwonly_from, 0, out) < 0)
        return -1;
    int missing = 0;
    for (int i = 0; i < nrequired; i++)
        missing += out[i] == NULL;
    if (missing) {
        int seen = 0;
        char buf[200];
        int len = 0;
        for (int i = 0; i < nrequired; i++) {
            if (out[i])
                continue;
            seen++;
            const char *sep = seen == 1 ? "" : seen == missing ? (missing > 2 ? ", and " : " and ") : ", ";
            len += Pyrt_Snprintf(buf + len, sizeof buf - (size_t)len, "%s'%s'", sep, names[i]);
            if (len >= (int)sizeof buf)
                len = (int)sizeof buf - 1;
        }
        Pyrt_ErrFormat(&PyrtType_TypeError, "Random.%s() missing %d required positional argument%s: %s", fname,
                       missing, missing == 1 ? "" : "s", buf);
        return -1;
    }
    return 0;
}

static int get_double(PyrtObject *o, double *out)
{
    if (!PyrtNum_IsInt(o) && !PyrtNum_IsFloat(o)) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "must be real number, not %s", o->type->name);
        return -1;
    }
    *out = PyrtFloat_AsDoubleChecked(o);
    return *out == -1.0 && Pyrt_ErrOccurred() ? -1 : 0;
}

static int get_index(PyrtObject *o, int64_t *out)
{
    if (!PyrtNum_IsInt(o)) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer", o->type->name);
        return -1;
    }
    if (PyrtInt_IsBig(o)) {   /* beyond 64 bits: not supported by pyrite's random module */
        PyrtErr_IntOverflow();
        return -1;
    }
    *out = PyrtInt_AsI64(o);
    return 0;
}

static PyrtObject *float_or_null(double d)
{
    return Pyrt_ErrOccurred() ? NULL : PyrtFloat_FromDouble(d);
}

/* seq[i] for a sequence whose length was just taken */
static PyrtObject *seq_item(PyrtObject *seq, int64_t i)
{
    if (PyrtList_Check(seq))
        return PyrtList_ItemNew(seq, i);
    if (PyrtTuple_Check(seq)) {
        PyrtObject *v = PyrtCont_SeqItems(seq)[i];
        PYRT_INCREF(v);
        return v;
    }
    PyrtObject *key = PyrtInt_FromI64(i);
    if (!key)
        return NULL;
    PyrtObject *v = Pyrt_GetItem(seq, key);
    PYRT_DECREF(key);
    return v;
}

/* ------------------------------------------------------------------ seed, random, getrandbits */
RANDFN(seed)
{
    (void)self;
    static const char *const names[] = { "a", "version" };
    PyrtObject *a[2];
    if (parse("seed", args, nargs, kw, names, 2, 2, 0, a) < 0 || PyrtRandom_Seed(a[0]) < 0)
        return NULL;
    return Pyrt_None;
}

RANDFN(random)
{
    (void)self; (void)args;
    if (PyrtNum_NoKw("Random.random", kw) < 0)
        return NULL;
    if (nargs != 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "Random.random() takes no arguments (%lld given)",
                              (long long)nargs);
    return PyrtFloat_FromDouble(PyrtRandom_Random());
}

RANDFN(getrandbits)
{
    (void)self;
    int64_t k;
    if (PyrtNum_NoKw("Random.getrandbits", kw) < 0 || PyrtNum_ExactlyOne("Random.getrandbits", nargs) < 0
        || get_index(args[0], &k) < 0)
        return NULL;
    if (k > 63) {   /* a big int: 32-bit words least significant first, the last one shifted, as CPython */
        if (k > ((int64_t)1 << 36))
            return Pyrt_ErrSetNone(&PyrtType_MemoryError);
        int64_t n = (k + 31) / 32;
        unsigned char *bytes = Pyrt_Malloc((size_t)n * 4);
        if (!bytes)
            return NULL;
        for (int64_t i = 0; i < n; i++, k -= 32) {
            uint32_t w = genrand_u32();
            if (k < 32)
                w >>= 32 - k;
            for (int b = 0; b < 4; b++)
                bytes[4 * i + b] = (unsigned char)(w >> (8 * b));
        }
        PyrtObject *r = PyrtLong_FromBytes(bytes, n * 4, true, false);
        Pyrt_Free(bytes);
        return r;
    }
    int64_t r = PyrtRandom_GetRandBits(k);
    return r == -1 && Pyrt_ErrOccurred() ? NULL : PyrtInt_FromI64(r);
}

/* ------------------------------------------------------------------ randrange, randint */
/* CPython 3.11: operator.index(x), else int(x) for an integral float (deprecated), else ValueError */
static int rr_arg(PyrtObject *o, const char *what, int64_t *out)
{
    if (PyrtNum_IsInt(o)) {
        if (PyrtInt_IsBig(o)) {
            PyrtErr_IntOverflow();
            return -1;
        }
        *out = PyrtInt_AsI64(o);
        return 0;
    }
    if (PyrtNum_IsFloat(o)) {
        double d = PyrtFloat_AsDoubleChecked(o);
        if (!isfinite(d)) {
            PyrtErr_FloatToIntError(d);
            return -1;
        }
        if (d != floor(d)) {
            Pyrt_ErrFormat(&PyrtType_ValueError, "non-integer %s for randrange()", what);
            return -1;
        }
        if (d < -9223372036854775808.0 || d >= 9223372036854775808.0) {
            PyrtErr_IntOverflow();
            return -1;
        }
        *out = (int64_t)d;
        return 0;
    }
    PyrtObject *i = PyrtInt_New(&o, 1, NULL);   /* int(x): its error, or "non-integer" as CPython */
    if (!i)
        return -1;
    PYRT_DECREF(i);
    Pyrt_ErrFormat(&PyrtType_ValueError, "non-integer %s for randrange()", what);
    return -1;
}

static PyrtObject *randrange(PyrtObject *start, PyrtObject *stop, PyrtObject *step)
{
    int64_t istart, istop, istep, width, n, r;
    if (rr_arg(start, "arg 1", &istart) < 0)
        return NULL;
    if (!stop || stop == Pyrt_None) {
        if (step && !(PyrtNum_IsInt(step) && PyrtInt_AsI64(step) == 1 && step->type == &PyrtType_Int))
            return Pyrt_ErrSetString(&PyrtType_TypeError, "Missing a non-None stop argument");
        if (istart > 0)
            return PyrtInt_FromI64(PyrtRandom_RandBelow(istart));
        return Pyrt_ErrSetString(&PyrtType_ValueError, "empty range for randrange()");
    }
    if (rr_arg(stop, "stop", &istop) < 0 || PyrtI64_Sub(istop, istart, &width))
        return NULL;
    istep = 1;
    if (step && rr_arg(step, "step", &istep) < 0)
        return NULL;
    if (istep == 1) {
        if (width > 0)
            return PyrtInt_FromI64(istart + PyrtRandom_RandBelow(width));
        return Pyrt_ErrFormat(&PyrtType_ValueError, "empty range for randrange() (%lld, %lld, %lld)",
                              (long long)istart, (long long)istop, (long long)width);
    }
    if (istep == 0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "zero step for randrange()");
    if (PyrtI64_Add(width, istep > 0 ? istep - 1 : istep + 1, &n) || PyrtI64_FloorDiv(n, istep, &n))
        return NULL;
    if (n <= 0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "empty range for randrange()");
    if (PyrtI64_Mul(istep, PyrtRandom_RandBelow(n), &r) || PyrtI64_Add(istart, r, &r))
        return NULL;
    return PyrtInt_FromI64(r);
}

RANDFN(randrange)
{
    (void)self;
    static const char *const names[] = { "start", "stop", "step" };
    PyrtObject *a[3];
    if (parse("randrange", args, nargs, kw, names, 3, 3, 1, a) < 0)
        return NULL;
    return randrange(a[0], a[1], a[2]);
}

RANDFN(randint)
{
    (void)self;
    static const char *const names[] = { "a", "b" };
    PyrtObject *a[2];
    if (parse("randint", args, nargs, kw, names, 2, 2, 2, a) < 0)
        return NULL;
    PyrtObject *one = PyrtInt_FromI64(1);
    PyrtObject *stop = Pyrt_BinaryOp(a[1], one, PYRT_ADD);   /* b + 1 */
    PYRT_DECREF(one);
    if (!stop)
        return NULL;
    PyrtObject *r = randrange(a[0], stop, NULL);
    PYRT_DECREF(stop);
    return r;
}

/* ------------------------------------------------------------------ sequences */
RANDFN(choice)
{
    (void)self;
    static const char *const names[] = { "seq" };
    PyrtObject *seq;
    if (parse("choice", args, nargs, kw, names, 1, 1, 1, &seq) < 0)
        return NULL;
    int64_t n = Pyrt_Len(seq);
    if (n < 0)
        return NULL;
    if (n == 0)
        return Pyrt_ErrSetString(&PyrtType_IndexError, "Cannot choose from an empty sequence");
    return seq_item(seq, PyrtRandom_RandBelow(n));
}

RANDFN(shuffle)
{
    (void)self;
    static const char *const names[] = { "x" };
    PyrtObject *x;
    if (parse("shuffle", args, nargs, kw, names, 1, 1, 1, &x) < 0)
        return NULL;
    if (PyrtList_Check(x)) {
        PyrtList *l = (PyrtList *)x;
        for (int64_t i = l->length - 1; i >= 1; i--) {
            int64_t j = PyrtRandom_RandBelow(i + 1);
            if (l->kind != PYRT_LIST_OBJ) {
                int64_t t = ((int64_t *)l->ob_item)[i];   /* (the 8 bytes of an int or a float) */
                ((int64_t *)l->ob_item)[i] = ((int64_t *)l->ob_item)[j];
                ((int64_t *)l->ob_item)[j] = t;
                continue;
            }
            PyrtObject *t = l->ob_item[i];
            l->ob_item[i] = l->ob_item[j];
            l->ob_item[j] = t;
        }
        return Pyrt_None;
    }
    int64_t n = Pyrt_Len(x);
    if (n < 0)
        return NULL;
    for (int64_t i = n - 1; i >= 1; i--) {   /* x[i], x[j] = x[j], x[i] through the item protocol */
        int64_t j = PyrtRandom_RandBelow(i + 1);
        PyrtObject *ki = PyrtInt_FromI64(i), *kj = ki ? PyrtInt_FromI64(j) : NULL;
        PyrtObject *vj = kj ? Pyrt_GetItem(x, kj) : NULL, *vi = vj ? Pyrt_GetItem(x, ki) : NULL;
        int rc = vi && Pyrt_SetItem(x, ki, vj) == 0 && Pyrt_SetItem(x, kj, vi) == 0 ? 0 : -1;
        PYRT_XDECREF(ki);
        PYRT_XDECREF(kj);
        PYRT_XDECREF(vi);
        PYRT_XDECREF(vj);
        if (rc < 0)
            return NULL;
    }
    return Pyrt_None;
}

/* A set of int64 indices (sample's "selected" set): open addressing, power-of-two table. */
typedef struct { int64_t *slots; int64_t mask; } IndexSet;

static bool index_set_add(IndexSet *s, int64_t v)   /* true if newly added; table never fills */
{
    uint64_t h = (uint64_t)v * 0x9e3779b97f4a7c15u;
    for (int64_t i = (int64_t)(h >> 20) & s->mask;; i = (i + 1) & s->mask) {
        if (s->slots[i] == v)
            return false;
        if (s->slots[i] == -1) {
            s->slots[i] = v;
            return true;
        }
    }
}

static bool is_sequence(PyrtObject *o)
{
    return PyrtList_Check(o) || PyrtTuple_Check(o) || o->type == &PyrtType_Str || o->type == &PyrtType_Range
        || o->type == &PyrtType_Bytes;
}

static PyrtObject *sample(PyrtObject *population, int64_t k)
{
    if (!is_sequence(population))
        return Pyrt_ErrSetString(&PyrtType_TypeError,
                                 "Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t n = Pyrt_Len(population);
    if (n < 0)
        return NULL;
    if (k < 0 || k > n)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "Sample larger than population or is negative");
    int64_t setsize = 21;   /* CPython's estimate: a small set's size minus an empty list's */
    if (k > 5) {
        double e = ceil(log((double)(k * 3)) / log(4.0));
        setsize = e >= 31 ? INT64_MAX : setsize + ((int64_t)1 << (2 * (int64_t)e));
    }
    PyrtObject *result = PyrtList_New(k);
    if (!result)
        return NULL;
    if (n <= setsize) {   /* a pool list: each pick moves the last unpicked item into the hole */
        PyrtObject *pool = PyrtList_FromIterable(population);
        if (!pool) {
            PYRT_DECREF(result);
            return NULL;
        }
        PyrtObject **items = PyrtList_Objects(pool) < 0 ? NULL : ((PyrtList *)pool)->ob_item;
        if (PyrtList_Len(pool) > 0 && !items) {
            PYRT_DECREF(pool);
            PYRT_DECREF(result);
            return NULL;
        }
        for (int64_t i = 0; i < k; i++) {
            int64_t j = PyrtRandom_RandBelow(n - i);
            PYRT_INCREF(items[j]);
            PyrtList_SetNew_Steal(result, i, items[j]);
            PyrtObject *t = items[j];   /* pool[j] = pool[n - i - 1] */
            items[j] = items[n - i - 1];
            items[n - i - 1] = t;
        }
        PYRT_DECREF(pool);
        return result;
    }
    IndexSet sel;   /* rejection: redraw indices already selected */
    int64_t cap = 8;
    while (cap < 2 * k)
        cap *= 2;
    sel.slots = Pyrt_Malloc((size_t)cap * sizeof(int64_t));
    if (!sel.slots) {
        PYRT_DECREF(result);
        return NULL;
    }
    memset(sel.slots, 0xff, (size_t)cap * sizeof(int64_t));
    sel.mask = cap - 1;
    for (int64_t i = 0; i < k; i++) {
        int64_t j = PyrtRandom_RandBelow(n);
        while (!index_set_add(&sel, j))
            j = PyrtRandom_RandBelow(n);
        PyrtObject *v = seq_item(population, j);
        if (!v) {
            for (int64_t m = i; m < k; m++)
                PyrtList_SetNew_Steal(result, m, Pyrt_None);
            PYRT_DECREF(result);
            Pyrt_Free(sel.slots);
            return NULL;
        }
        PyrtList_SetNew_Steal(result, i, v);
    }
    Pyrt_Free(sel.slots);
    return result;
}

/* bisect_right(cum, x, 0, hi) */
static int64_t bisect_right(const double *cum, double x, int64_t hi)
{
    int64_t lo = 0;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (x < cum[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Cumulative sums of an iterable of numbers into a malloc'ed array (*out), or of cum weights as
 * given (accumulate = false). Returns the count, -1 on error. */
static int64_t read_weights(PyrtObject *weights, bool accumulate, double **out)
{
    PyrtObject *list = PyrtList_FromIterable(weights);
    if (!list)
        return -1;
    int64_t n = PyrtList_Len(list);
    double *w = Pyrt_Malloc((size_t)(n ? n : 1) * sizeof(double)), acc = 0.0;
    if (!w) {
        PYRT_DECREF(list);
        return -1;
    }
    bool ok = PyrtList_Objects(list) == 0;
    PyrtObject **items = ((PyrtList *)list)->ob_item;
    for (int64_t i = 0; i < n; i++) {
        double x;
        if (!ok || get_double(items[i], &x) < 0) {
            Pyrt_Free(w);
            PYRT_DECREF(list);
            return -1;
        }
        acc = accumulate ? (i ? acc + x : x) : x;
        w[i] = acc;
    }
    PYRT_DECREF(list);
    *out = w;
    return n;
}

static PyrtObject *choices(PyrtObject *population, PyrtObject *weights, PyrtObject *cum_weights, int64_t k)
{
    int64_t n = Pyrt_Len(population), m;
    if (n < 0)
        return NULL;
    PyrtObject *result = PyrtList_New(0);
    if (!result)
        return NULL;
    bool has_w = weights && weights != Pyrt_None, has_cum = cum_weights && cum_weights != Pyrt_None;
    double *cum = NULL, total = 0.0;
    const char *err = NULL;
    if (!has_cum && !has_w) {   /* equal weights: floor(random() * n) */
        double fn = (double)n;
        for (int64_t i = 0; i < k; i++) {
            PyrtObject *v = seq_item(population, (int64_t)floor(PyrtRandom_Random() * fn));
            if (!v || PyrtList_Append(result, v) < 0) {
                PYRT_XDECREF(v);
                PYRT_DECREF(result);
                return NULL;
            }
            PYRT_DECREF(v);
        }
        return result;
    }
    if (has_w && has_cum) {
        err = "Cannot specify both weights and cumulative weights";
        goto type_error;
    }
    if (has_w && PyrtNum_IsInt(weights)) {   /* choices(pop, 3): CPython's hint */
        PYRT_DECREF(result);
        return Pyrt_ErrFormat(&PyrtType_TypeError, "The number of choices must be a keyword argument: k=%R",
                              weights);
    }
    m = read_weights(has_w ? weights : cum_weights, has_w, &cum);
    if (m < 0) {
        PYRT_DECREF(result);
        return NULL;
    }
    if (m != n)
        err = "The number of weights does not match the population";
    else if (n == 0) {   /* cum_weights[-1] of an empty list */
        Pyrt_Free(cum);
        PYRT_DECREF(result);
        return Pyrt_ErrSetString(&PyrtType_IndexError, "list index out of range");
    } else if (!((total = cum[n - 1] + 0.0) > 0.0) && !isnan(total))
        err = "Total of weights must be greater than zero";
    else if (!isfinite(total))
        err = "Total of weights must be finite";
    if (err) {
        Pyrt_Free(cum);
        PYRT_DECREF(result);
        return Pyrt_ErrSetString(&PyrtType_ValueError, err);
    }
    for (int64_t i = 0; i < k; i++) {
        PyrtObject *v = seq_item(population, bisect_right(cum, PyrtRandom_Random() * total, n - 1));
        if (!v || PyrtList_Append(result, v) < 0) {
            PYRT_XDECREF(v);
            PYRT_DECREF(result);
            Pyrt_Free(cum);
            return NULL;
        }
        PYRT_DECREF(v);
    }
    Pyrt_Free(cum);
    return result;
type_error:
    PYRT_DECREF(result);
    return Pyrt_ErrSetString(&PyrtType_TypeError, err);
}

RANDFN(sample)
{
    (void)self;
    static const char *const names[] = { "population", "k", "counts" };
    PyrtObject *a[3];
    int64_t k;
    if (parse("sample", args, nargs, kw, names, 3, 2, 2, a) < 0 || get_index(a[1], &k) < 0)
        return NULL;
    if (a[2] && a[2] != Pyrt_None)
        return Pyrt_ErrSetString(&PyrtType_NotImplementedError, "pyrite: random.sample(counts=...) is not supported yet");
    return sample(a[0], k);
}

RANDFN(choices)
{
    (void)self;
    static const char *const names[] = { "population", "weights", "cum_weights", "k" };
    PyrtObject *a[4];
    int64_t k = 1;
    if (parse("choices", args, nargs, kw, names, 4, 2, 1, a) < 0 || (a[3] && get_index(a[3], &k) < 0))
        return NULL;
    return choices(a[0], a[1], a[2], k);
}

/* ------------------------------------------------------------------ real-valued distributions */
static int two_doubles(const char *fname, const char *const *names, double d0, double d1, int nrequired,
                       PyrtObject *const *args, int64_t nargs, PyrtObject *kw, double *x, double *y)
{
    PyrtObject *a[2];
    if (parse(fname, args, nargs, kw, names, 2, 2, nrequired, a) < 0)
        return -1;
    *x = d0;
    *y = d1;
    return (a[0] && get_double(a[0], x) < 0) || (a[1] && get_double(a[1], y) < 0) ? -1 : 0;
}

RANDFN(uniform)
{
    (void)self;
    static const char *const names[] = { "a", "b" };
    PyrtObject *a[2];
    double x, y, diff;
    if (parse("uniform", args, nargs, kw, names, 2, 2, 2, a) < 0 || get_double(a[0], &x) < 0
        || get_double(a[1], &y) < 0)
        return NULL;
    if (PyrtNum_IsInt(a[0]) && PyrtNum_IsInt(a[1]) && !PyrtInt_IsBig(a[0]) && !PyrtInt_IsBig(a[1])) {
        /* b - a is an exact int before the multiply */
        int64_t d;
        if (PyrtI64_Sub(PyrtInt_AsI64(a[1]), PyrtInt_AsI64(a[0]), &d))
            return NULL;
        diff = (double)d;
    } else {
        diff = y - x;
    }
    return PyrtFloat_FromDouble(x + diff * PyrtRandom_Random());
}

RANDFN(triangular)
{
    (void)self;
    static const char *const names[] = { "low", "high", "mode" };
    PyrtObject *a[3];
    double low = 0.0, high = 1.0, mode = 0.0, c = 0.5;
    if (parse("triangular", args, nargs, kw, names, 3, 3, 0, a) < 0 || (a[0] && get_double(a[0], &low) < 0)
        || (a[1] && get_double(a[1], &high) < 0) || (a[2] && a[2] != Pyrt_None && get_double(a[2], &mode) < 0))
        return NULL;
    double u = PyrtRandom_Random();
    if (a[2] && a[2] != Pyrt_None) {
        if (high - low == 0.0)   /* CPython returns low as given (an int stays an int); a float here */
            return PyrtFloat_FromDouble(low);
        c = (mode - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        double t = low;
        low = high;
        high = t;
    }
    return PyrtFloat_FromDouble(low + (high - low) * sqrt(u * c));
}

static double normal(void)   /* Kinderman and Monahan, as CPython's normalvariate */
{
    const double magic = 4 * exp(-0.5) / sqrt(2.0);
    for (;;) {
        double u1 = PyrtRandom_Random();
        double u2 = 1.0 - PyrtRandom_Random();
        double z = magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -log(u2))
            return z;
    }
}

static const char *const mu_sigma[] = { "mu", "sigma" };

RANDFN(normalvariate)
{
    (void)self;
    double mu, sigma;
    if (two_doubles("normalvariate", mu_sigma, 0.0, 1.0, 0, args, nargs, kw, &mu, &sigma) < 0)
        return NULL;
    return PyrtFloat_FromDouble(mu + normal() * sigma);
}

RANDFN(lognormvariate)
{
    (void)self;
    double mu, sigma;
    if (two_doubles("lognormvariate", mu_sigma, 0.0, 1.0, 2, args, nargs, kw, &mu, &sigma) < 0)
        return NULL;
    double r = exp(mu + normal() * sigma);
    if (isinf(r))
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "math range error");
    return PyrtFloat_FromDouble(r);
}

RANDFN(gauss)
{
    (void)self;
    double mu, sigma, z;
    if (two_doubles("gauss", mu_sigma, 0.0, 1.0, 0, args, nargs, kw, &mu, &sigma) < 0)
        return NULL;
    if (rs.has_gauss) {
        z = rs.gauss_next;
        rs.has_gauss = false;
    } else {
        double x2pi = PyrtRandom_Random() * (2.0 * 3.141592653589793);
        double g2rad = sqrt(-2.0 * log(1.0 - PyrtRandom_Random()));
        z = cos(x2pi) * g2rad;
        rs.gauss_next = sin(x2pi) * g2rad;
        rs.has_gauss = true;
    }
    return PyrtFloat_FromDouble(mu + z * sigma);
}

static int one_double(const char *fname, const char *name, PyrtObject *const *args, int64_t nargs, PyrtObject *kw,
                      double *x)
{
    const char *const names[] = { name };
    PyrtObject *a[1];
    return parse(fname, args, nargs, kw, names, 1, 1, 1, a) < 0 || get_double(a[0], x) < 0 ? -1 : 0;
}

RANDFN(expovariate)
{
    (void)self;
    double lambd;
    if (one_double("expovariate", "lambd", args, nargs, kw, &lambd) < 0)
        return NULL;
    double num = -log(1.0 - PyrtRandom_Random());
    if (lambd == 0.0)
        return PyrtErr_ZeroDiv("float division by zero");
    return PyrtFloat_FromDouble(num / lambd);
}

RANDFN(paretovariate)
{
    (void)self;
    double alpha;
    if (one_double("paretovariate", "alpha", args, nargs, kw, &alpha) < 0)
        return NULL;
    double u = 1.0 - PyrtRandom_Random();
    if (alpha == 0.0)
        return PyrtErr_ZeroDiv("float division by zero");
    return float_or_null(PyrtMath_Call2(PYRT_MATH_POW, u, -1.0 / alpha));
}

RANDFN(weibullvariate)
{
    (void)self;
    static const char *const names[] = { "alpha", "beta" };
    double alpha, beta;
    if (two_doubles("weibullvariate", names, 0.0, 0.0, 2, args, nargs, kw, &alpha, &beta) < 0)
        return NULL;
    double u = 1.0 - PyrtRandom_Random();
    if (beta == 0.0)
        return PyrtErr_ZeroDiv("float division by zero");
    double base = -log(u), e = 1.0 / beta;
    if (base == 0.0 && e < 0.0)
        return PyrtErr_ZeroDiv("0.0 cannot be raised to a negative power");
    double p = PyrtMath_Call2(PYRT_MATH_POW, base, e);
    return Pyrt_ErrOccurred() ? NULL : PyrtFloat_FromDouble(alpha * p);
}

/* ------------------------------------------------------------------ the module */
typedef struct { const char *name; PyrtVectorcall fn; } RandFn;

static const RandFn random_fns[] = {
    { "seed", rf_seed }, { "random", rf_random }, { "getrandbits", rf_getrandbits },
    { "randrange", rf_randrange }, { "randint", rf_randint }, { "choice", rf_choice },
    { "shuffle", rf_shuffle }, { "sample", rf_sample }, { "choices", rf_choices },
    { "uniform", rf_uniform }, { "triangular", rf_triangular }, { "gauss", rf_gauss },
    { "normalvariate", rf_normalvariate }, { "lognormvariate", rf_lognormvariate },
    { "expovariate", rf_expovariate }, { "paretovariate", rf_paretovariate },
    { "weibullvariate", rf_weibullvariate },
    { NULL, NULL },
};

int PyrtRandom_FillModule(PyrtObject *dict)
{
    for (const RandFn *f = random_fns; f->name; f++) {
        PyrtObject *fn = PyrtBuiltin_New(f->name, f->fn, NULL);
        if (!fn)
            return -1;
        int rc = PyrtDict_SetItemStr(dict, f->name, fn);
        PYRT_DECREF(fn);
        if (rc < 0)
            return -1;
    }
    return 0;
}
