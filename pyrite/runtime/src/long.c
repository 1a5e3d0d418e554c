/* long.c: arbitrary-precision ints.
 *
 * An int object is a PyrtInt (type &PyrtType_Int). A *compact* int holds its value in `value`; a
 * *big* int has value == PYRT_INT_BIG (INT64_MIN) and is a PyrtLong: a signed digit count and
 * 32-bit magnitude digits, least significant first (64-bit intermediates: wasm32 has no fast
 * 128-bit arithmetic). Canonical form: every int that fits in int64 other than INT64_MIN is
 * compact, so a big int is never equal to a compact one and PyrtInt_AsI64 is valid on compact ints.
 *
 * The arithmetic works on views (LV: sign + digit pointer + length) of either form, so int64
 * operands that overflow (PyrtI64_BinOp) reach the same code without boxing. Every result goes
 * through long_finish, which returns a compact int when the value fits.
 *
 * Algorithms: schoolbook and Karatsuba multiplication, Knuth's algorithm D division, left-to-right
 * binary powers, quadratic base conversion through base 10**9 (str/int of 10**5 digits: ~0.1 s).
 * CPython 3.11's int/str conversion limit (sys.set_int_max_str_digits) applies to decimal text. */
#include "pyrt.h"
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef uint32_t digit;
typedef uint64_t twodigits;
#define DSHIFT 32
#define DMASK 0xFFFFFFFFu
/* beyond this many digits (2**36 bits) an int is refused with MemoryError, as CPython would run out */
#define MAX_DIGITS ((int64_t)1 << 31)

int64_t pyrt_int_max_str_digits = 4300;

/* ------------------------------------------------------------------ views */
typedef struct {
    const digit *d;
    int64_t n;      /* significant digits (0 for zero) */
    bool neg;
    digit buf[2];
} LV;

static inline void lv_i64(LV *v, int64_t x)
{
    uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    v->neg = x < 0;
    v->buf[0] = (digit)m;
    v->buf[1] = (digit)(m >> 32);
    v->n = (m >> 32) ? 2 : m ? 1 : 0;
    v->d = v->buf;
}

static inline void lv_obj(LV *v, PyrtObject *o)
{
    if (!PyrtInt_IsBig(o)) {
        lv_i64(v, PyrtInt_AsI64(o));
        return;
    }
    PyrtLong *l = (PyrtLong *)o;
    v->neg = l->size < 0;
    v->n = l->size < 0 ? -(int64_t)l->size : l->size;
    v->d = l->digits;
}

/* ------------------------------------------------------------------ allocation */
static PyrtObject *too_big(void)
{
    return Pyrt_ErrSetNone(&PyrtType_MemoryError);
}

/* A new big int with room for n digits (contents undefined; size 0). */
static PyrtLong *long_new(int64_t n)
{
    if (n < 1)
        n = 1;
    if (n > MAX_DIGITS) {
        too_big();
        return NULL;
    }
    size_t size = sizeof(PyrtLong) + (size_t)n * sizeof(digit);
    PyrtLong *l = NULL;
    size_t cap = (size_t)n;
    if (size <= PYRT_FL_MAX) {   /* the object free lists' range (alloc.c): the size class fixes the capacity */
        size_t cls = (size + 15) / 16;
        cap = (cls * 16 - sizeof(PyrtLong)) / sizeof(digit);
        l = pyrt_freelist_pop(size);
        if (!l && !(l = malloc(cls * 16))) {
            too_big();
            return NULL;
        }
    } else if (!(l = malloc(size))) {
        too_big();
        return NULL;
    }
    l->ob.refcnt = 1;
    l->ob.type = &PyrtType_Int;
    l->value = PYRT_INT_BIG;
    l->size = 0;
    l->alloc = (uint32_t)cap;
    return l;
}

static void long_free(PyrtLong *l)
{
    if (l) {
        l->value = PYRT_INT_BIG;
        Pyrt_Dealloc((PyrtObject *)l);
    }
}

/* Strips leading zero digits of l's first n and returns the int (compact when it fits): steals l. */
static PyrtObject *long_finish(PyrtLong *l, int64_t n, bool neg)
{
    const digit *d = l->digits;
    while (n > 0 && d[n - 1] == 0)
        n--;
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? d[0] : ((uint64_t)d[1] << 32 | d[0]);
        if (m <= (uint64_t)INT64_MAX) {
            long_free(l);
            return PyrtInt_FromI64(neg ? -(int64_t)m : (int64_t)m);
        }
    }
    l->size = (int32_t)(neg ? -n : n);
    return (PyrtObject *)l;
}

static PyrtObject *from_mag(const digit *d, int64_t n, bool neg)
{
    PyrtLong *l = long_new(n);
    if (!l)
        return NULL;
    if (n)
        memcpy(l->digits, d, (size_t)n * sizeof(digit));
    return long_finish(l, n, neg);
}

/* INT64_MIN, which is big in canonical form (PyrtInt_FromI64 calls this) */
PyrtObject *PyrtLong_FromI64Min(void)
{
    PyrtLong *l = long_new(2);
    if (!l)
        return NULL;
    l->digits[0] = 0;
    l->digits[1] = 0x80000000u;
    l->size = -2;
    return (PyrtObject *)l;
}

static inline PyrtObject *from_u64(uint64_t m, bool neg)
{
    if (m <= (uint64_t)INT64_MAX)
        return PyrtInt_FromI64(neg ? -(int64_t)m : (int64_t)m);
    digit d[2] = { (digit)m, (digit)(m >> 32) };
    return from_mag(d, 2, neg);
}

/* ------------------------------------------------------------------ magnitudes */
static int mag_cmp(const digit *a, int64_t na, const digit *b, int64_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    for (int64_t i = na; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* two digits as one 64-bit word (little-endian digit order, as on every pyrite target) */
static inline uint64_t ld2(const digit *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline void st2(digit *p, uint64_t v) { memcpy(p, &v, sizeof v); }

/* r[0..na] = a + b (na >= nb); r may alias a */
static void mag_add(const digit *a, int64_t na, const digit *b, int64_t nb, digit *r)
{
    uint64_t c = 0;
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2) {   /* 64 bits at a time */
        uint64_t x = ld2(a + i), s = x + ld2(b + i), t = s + c;
        c = (uint64_t)(s < x) | (uint64_t)(t < s);
        st2(r + i, t);
    }
    for (; i < nb; i++) {
        c += (twodigits)a[i] + b[i];
        r[i] = (digit)c;
        c >>= DSHIFT;
    }
    for (; c && i < na; i++) {
        c += a[i];
        r[i] = (digit)c;
        c >>= DSHIFT;
    }
    if (r != a && i < na)
        memcpy(r + i, a + i, (size_t)(na - i) * sizeof(digit));
    r[na] = (digit)c;
}

/* r[0..na) = a - b (a >= b, na >= nb); r may alias a or b */
static void mag_sub(const digit *a, int64_t na, const digit *b, int64_t nb, digit *r)
{
    uint64_t borrow = 0;
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2) {
        uint64_t x = ld2(a + i), y = ld2(b + i), d = x - y, t = d - borrow;
        borrow = (uint64_t)(x < y) | (uint64_t)(d < borrow);
        st2(r + i, t);
    }
    for (; i < nb; i++) {
        twodigits t = (twodigits)a[i] - b[i] - borrow;
        r[i] = (digit)t;
        borrow = t >> 63;
    }
    for (; borrow && i < na; i++) {
        twodigits t = (twodigits)a[i] - borrow;
        r[i] = (digit)t;
        borrow = t >> 63;
    }
    if (r != a && i < na)
        memcpy(r + i, a + i, (size_t)(na - i) * sizeof(digit));
}

/* r[0..nr) += t[0..nt) (nt <= nr; the sum fits in nr digits) */
static void mag_add_into(digit *r, int64_t nr, const digit *t, int64_t nt)
{
    twodigits c = 0;
    int64_t i;
    for (i = 0; i < nt; i++) {
        c += (twodigits)r[i] + t[i];
        r[i] = (digit)c;
        c >>= DSHIFT;
    }
    for (; c && i < nr; i++) {
        c += r[i];
        r[i] = (digit)c;
        c >>= DSHIFT;
    }
}

/* r[0..nr) -= t[0..nt) (r >= t) */
static void mag_sub_from(digit *r, int64_t nr, const digit *t, int64_t nt)
{
    twodigits borrow = 0;
    int64_t i;
    for (i = 0; i < nt; i++) {
        twodigits x = (twodigits)r[i] - t[i] - borrow;
        r[i] = (digit)x;
        borrow = x >> 63;
    }
    for (; borrow && i < nr; i++) {
        twodigits x = (twodigits)r[i] - borrow;
        r[i] = (digit)x;
        borrow = x >> 63;
    }
}

static inline int64_t mag_trim(const digit *d, int64_t n)
{
    while (n > 0 && d[n - 1] == 0)
        n--;
    return n;
}

/* r[0..na+nb) = a * b, schoolbook; r must not alias a or b */
static void mag_mul_school(const digit *a, int64_t na, const digit *b, int64_t nb, digit *r)
{
    memset(r, 0, (size_t)(na + nb) * sizeof(digit));
    if (a == b && na == nb) {   /* squaring: the cross products once, doubled, plus the squares */
        for (int64_t i = 0; i < na; i++) {
            twodigits c = 0, ai = a[i];
            for (int64_t j = i + 1; j < na; j++) {
                c += ai * a[j] + r[i + j];
                r[i + j] = (digit)c;
                c >>= DSHIFT;
            }
            r[i + na] = (digit)c;
        }
        twodigits c = 0;
        for (int64_t i = 0; i < 2 * na; i++) {   /* r = 2 * r + squares */
            twodigits sq = (twodigits)a[i / 2] * a[i / 2];
            twodigits part = (i & 1) ? sq >> DSHIFT : (sq & DMASK);
            twodigits v = ((twodigits)r[i] << 1) + part + c;   /* < 2**34 */
            r[i] = (digit)v;
            c = v >> DSHIFT;
        }
        return;
    }
    /* rows of the shorter operand (nb <= na: mag_mul orders them), each over the longer one */
    for (int64_t j = 0; j < nb; j++) {
        twodigits c = 0, bj = b[j];
        if (!bj)
            continue;
        digit *rj = r + j;
        for (int64_t i = 0; i < na; i++) {
            c += bj * a[i] + rj[i];
            rj[i] = (digit)c;
            c >>= DSHIFT;
        }
        rj[na] = (digit)c;
    }
}

/* r[0..n] = a * d (a single digit) */
static void mag_mul1(const digit *a, int64_t n, digit d, digit *r)
{
    twodigits c = 0;
    for (int64_t i = 0; i < n; i++) {
        c += (twodigits)a[i] * d;
        r[i] = (digit)c;
        c >>= DSHIFT;
    }
    r[n] = (digit)c;
}

/* Measured on x86-64 (tests/runtime/bench_long.c): Karatsuba is faster from about 24 digits (of
 * 32 bits) and stays as fast up to 32; the schoolbook product below 28. */
#define KARATSUBA_CUTOFF 28

static int mag_mul(const digit *a, int64_t na, const digit *b, int64_t nb, digit *r);

/* the Karatsuba step for h < nb <= na < 2 * nb */
static int mag_mul_kara(const digit *a, int64_t na, const digit *b, int64_t nb, digit *r, int64_t h)
{
    const digit *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    int64_t na0 = mag_trim(a0, h), nb0 = mag_trim(b0, h), na1 = na - h, nb1 = nb - h;
    int64_t ns = na1 + 1, nt = nb1 > h ? nb1 + 1 : h + 1;
    digit *tmp = Pyrt_Malloc((size_t)(ns + nt + ns + nt) * sizeof(digit));
    if (!tmp)
        return -1;
    digit *sa = tmp, *sb = tmp + ns, *t = tmp + ns + nt;
    /* z0 = a0 * b0 into r[0..2h), z2 = a1 * b1 into r[2h..na+nb) */
    memset(r, 0, (size_t)(2 * h) * sizeof(digit));
    if (mag_mul(a0, na0, b0, nb0, r) < 0 || mag_mul(a1, na1, b1, nb1, r + 2 * h) < 0) {
        Pyrt_Free(tmp);
        return -1;
    }
    /* sa = a0 + a1, sb = b0 + b1 */
    mag_add(a1, na1, a0, na0, sa);
    if (nb1 >= nb0)
        mag_add(b1, nb1, b0, nb0, sb);
    else
        mag_add(b0, nb0, b1, nb1, sb);
    int64_t lsa = mag_trim(sa, ns), lsb = mag_trim(sb, nb1 >= nb0 ? nb1 + 1 : nb0 + 1);
    int64_t lt = lsa + lsb;
    if (mag_mul(sa, lsa, sb, lsb, t) < 0) {
        Pyrt_Free(tmp);
        return -1;
    }
    /* t -= z0 + z2, then r += t << h */
    mag_sub_from(t, lt, r, mag_trim(r, 2 * h));
    mag_sub_from(t, lt, r + 2 * h, mag_trim(r + 2 * h, na + nb - 2 * h));
    lt = mag_trim(t, lt);
    mag_add_into(r + h, na + nb - h, t, lt);
    Pyrt_Free(tmp);
    return 0;
}

/* r[0..na+nb) = a * b; r must not alias a or b. -1 (MemoryError) when scratch space fails. */
static int mag_mul(const digit *a, int64_t na, const digit *b, int64_t nb, digit *r)
{
    if (na < nb) {
        const digit *t = a; a = b; b = t;
        int64_t tn = na; na = nb; nb = tn;
    }
    if (nb == 0) {
        memset(r, 0, (size_t)na * sizeof(digit));
        return 0;
    }
    if (nb == 1) {
        mag_mul1(a, na, b[0], r);
        return 0;
    }
    if (nb < KARATSUBA_CUTOFF) {
        mag_mul_school(a, na, b, nb, r);
        return 0;
    }
    if (2 * nb <= na) {   /* unbalanced: slices of a of nb digits */
        digit *t = Pyrt_Malloc((size_t)(2 * nb) * sizeof(digit));
        if (!t)
            return -1;
        memset(r, 0, (size_t)(na + nb) * sizeof(digit));
        for (int64_t i = 0; i < na; i += nb) {
            int64_t k = na - i < nb ? na - i : nb;
            int64_t kt = mag_trim(a + i, k);
            if (mag_mul(a + i, kt, b, nb, t) < 0) {
                Pyrt_Free(t);
                return -1;
            }
            mag_add_into(r + i, na + nb - i, t, mag_trim(t, kt + nb));
        }
        Pyrt_Free(t);
        return 0;
    }
    return mag_mul_kara(a, na, b, nb, r, na / 2);
}

/* q = a / d (q may alias a), returns the remainder */
static digit mag_divrem1(const digit *a, int64_t n, digit d, digit *q)
{
    twodigits rem = 0;
    for (int64_t i = n; i-- > 0;) {
        rem = (rem << DSHIFT) | a[i];
        twodigits qq = rem / d;
        q[i] = (digit)qq;
        rem -= qq * d;
    }
    return (digit)rem;
}

/* Knuth's algorithm D: a (na digits) = q * b + r with nb >= 2, b[nb-1] != 0, na >= nb.
 * q gets na-nb+1 digits, r gets nb digits (either may be NULL). -1 on MemoryError. */
static int mag_divrem(const digit *a, int64_t na, const digit *b, int64_t nb, digit *q, digit *r)
{
    int s = __builtin_clz(b[nb - 1]);
    digit *v = Pyrt_Malloc((size_t)(nb + na + 1) * sizeof(digit));
    if (!v)
        return -1;
    digit *u = v + nb;
    if (s) {
        for (int64_t i = nb - 1; i > 0; i--)
            v[i] = (b[i] << s) | (b[i - 1] >> (DSHIFT - s));
        v[0] = b[0] << s;
        u[na] = a[na - 1] >> (DSHIFT - s);
        for (int64_t i = na - 1; i > 0; i--)
            u[i] = (a[i] << s) | (a[i - 1] >> (DSHIFT - s));
        u[0] = a[0] << s;
    } else {
        memcpy(v, b, (size_t)nb * sizeof(digit));
        memcpy(u, a, (size_t)na * sizeof(digit));
        u[na] = 0;
    }
    const twodigits B = (twodigits)1 << DSHIFT;
    twodigits vtop = v[nb - 1], vnext = v[nb - 2];
    for (int64_t j = na - nb; j >= 0; j--) {
        digit *uj = u + j;
        twodigits num = ((twodigits)uj[nb] << DSHIFT) | uj[nb - 1];
        twodigits qhat = num / vtop;
        if (qhat > B - 1)
            qhat = B - 1;
        twodigits rhat = num - qhat * vtop;
        while (rhat < B && qhat * vnext > ((rhat << DSHIFT) | uj[nb - 2])) {
            qhat--;
            rhat += vtop;
        }
        /* uj[0..nb] -= qhat * v */
        twodigits carry = 0, borrow = 0;
        for (int64_t i = 0; i < nb; i++) {
            twodigits p = qhat * v[i] + carry;
            carry = p >> DSHIFT;
            twodigits t = (twodigits)uj[i] - (p & DMASK) - borrow;
            uj[i] = (digit)t;
            borrow = t >> 63;
        }
        twodigits t = (twodigits)uj[nb] - carry - borrow;
        uj[nb] = (digit)t;
        if (t >> 63) {   /* qhat was one too big: add v back */
            qhat--;
            carry = 0;
            for (int64_t i = 0; i < nb; i++) {
                carry += (twodigits)uj[i] + v[i];
                uj[i] = (digit)carry;
                carry >>= DSHIFT;
            }
            uj[nb] += (digit)carry;
        }
        if (q)
            q[j] = (digit)qhat;
    }
    if (r) {
        if (s) {
            for (int64_t i = 0; i < nb - 1; i++)
                r[i] = (u[i] >> s) | (u[i + 1] << (DSHIFT - s));
            r[nb - 1] = u[nb - 1] >> s;
        } else {
            memcpy(r, u, (size_t)nb * sizeof(digit));
        }
    }
    Pyrt_Free(v);
    return 0;
}

static int64_t mag_bitlen(const digit *d, int64_t n)
{
    return n == 0 ? 0 : (n - 1) * DSHIFT + (DSHIFT - __builtin_clz(d[n - 1]));
}

/* r = a << k (r has na + k/32 + 1 digits, may not alias) */
static void mag_lshift(const digit *a, int64_t na, int64_t k, digit *r)
{
    int64_t w = k / DSHIFT;
    int s = (int)(k % DSHIFT);
    memset(r, 0, (size_t)w * sizeof(digit));
    if (s == 0) {
        memcpy(r + w, a, (size_t)na * sizeof(digit));
        r[w + na] = 0;
        return;
    }
    digit carry = 0;
    for (int64_t i = 0; i < na; i++) {
        r[w + i] = (a[i] << s) | carry;
        carry = a[i] >> (DSHIFT - s);
    }
    r[w + na] = carry;
}

/* r = a >> k (r has na - k/32 digits when positive); returns whether nonzero bits were shifted out */
static bool mag_rshift(const digit *a, int64_t na, int64_t k, digit *r, int64_t *nr)
{
    int64_t w = k / DSHIFT;
    int s = (int)(k % DSHIFT);
    bool lost = false;
    for (int64_t i = 0; i < w && i < na; i++)
        if (a[i]) {
            lost = true;
            break;
        }
    if (w >= na) {
        *nr = 0;
        return lost || na > 0;
    }
    int64_t n = na - w;
    if (s && (a[w] & ((1u << s) - 1)))
        lost = true;
    for (int64_t i = 0; i < n; i++) {
        digit lo = a[w + i] >> s;
        digit hi = (s && i + 1 < n) ? a[w + i + 1] << (DSHIFT - s) : 0;
        r[i] = lo | hi;
    }
    *nr = n;
    return lost;
}

/* ------------------------------------------------------------------ signed arithmetic on views */
static PyrtObject *lv_addsub(const LV *a, const LV *b, bool negate_b)
{
    bool bneg = b->neg ^ negate_b;
    if (b->n == 0)
        return from_mag(a->d, a->n, a->neg);
    if (a->neg == bneg) {
        const LV *x = a, *y = b;
        if (x->n < y->n) {
            x = b;
            y = a;
        }
        PyrtLong *r = long_new(x->n + 1);
        if (!r)
            return NULL;
        mag_add(x->d, x->n, y->d, y->n, r->digits);
        return long_finish(r, x->n + 1, a->neg);
    }
    int c = mag_cmp(a->d, a->n, b->d, b->n);
    if (c == 0)
        return PyrtInt_FromI64(0);
    const LV *x = c > 0 ? a : b, *y = c > 0 ? b : a;
    PyrtLong *r = long_new(x->n);
    if (!r)
        return NULL;
    mag_sub(x->d, x->n, y->d, y->n, r->digits);
    return long_finish(r, x->n, c > 0 ? a->neg : bneg);
}

static PyrtObject *lv_mul(const LV *a, const LV *b)
{
    if (a->n == 0 || b->n == 0)
        return PyrtInt_FromI64(0);
    PyrtLong *r = long_new(a->n + b->n);
    if (!r)
        return NULL;
    if (mag_mul(a->d, a->n, b->d, b->n, r->digits) < 0) {
        long_free(r);
        return NULL;
    }
    return long_finish(r, a->n + b->n, a->neg != b->neg);
}

/* floor division and modulo (b != 0); pq / pr may be NULL when not wanted */
static int lv_divmod(const LV *a, const LV *b, PyrtObject **pq, PyrtObject **pr)
{
    int64_t qn = a->n >= b->n ? a->n - b->n + 1 : 1;
    int64_t rcap = (a->n > b->n ? a->n : b->n) + 1;
    PyrtLong *q = long_new(qn + 1), *r = long_new(rcap);
    if (!q || !r)
        goto fail;
    int64_t rn;
    if (a->n < b->n) {
        q->digits[0] = 0;
        if (a->n)
            memcpy(r->digits, a->d, (size_t)a->n * sizeof(digit));
        rn = a->n;
    } else if (b->n == 1) {
        r->digits[0] = mag_divrem1(a->d, a->n, b->d[0], q->digits);
        rn = 1;
    } else {
        if (mag_divrem(a->d, a->n, b->d, b->n, q->digits, r->digits) < 0)
            goto fail;
        rn = b->n;
    }
    q->digits[qn] = 0;
    rn = mag_trim(r->digits, rn);
    bool qneg = a->neg != b->neg;
    if (qneg && rn) {   /* floor: q + 1 (in magnitude), r = |b| - r with b's sign */
        digit one = 1;
        mag_add_into(q->digits, qn + 1, &one, 1);
        mag_sub(b->d, b->n, r->digits, rn, r->digits);
        rn = b->n;
    }
    if (pq)
        *pq = long_finish(q, qn + 1, qneg);
    else
        long_free(q);
    if (pr)
        *pr = long_finish(r, rn, b->neg);
    else
        long_free(r);
    if ((pq && !*pq) || (pr && !*pr)) {
        if (pq)
            PYRT_XDECREF(*pq);
        if (pr)
            PYRT_XDECREF(*pr);
        return -1;
    }
    return 0;
fail:
    long_free(q);
    long_free(r);
    if (!Pyrt_ErrOccurred())
        too_big();
    return -1;
}

static PyrtObject *lv_lshift(const LV *a, int64_t k)
{
    if (a->n == 0)
        return PyrtInt_FromI64(0);
    if (k / DSHIFT > MAX_DIGITS)
        return too_big();
    int64_t n = a->n + k / DSHIFT + 1;
    PyrtLong *r = long_new(n);
    if (!r)
        return NULL;
    mag_lshift(a->d, a->n, k, r->digits);
    return long_finish(r, n, a->neg);
}

static PyrtObject *lv_rshift(const LV *a, int64_t k)
{
    if (k / DSHIFT >= a->n)
        return PyrtInt_FromI64(a->neg ? -1 : 0);
    PyrtLong *r = long_new(a->n - k / DSHIFT + 1);
    if (!r)
        return NULL;
    int64_t n;
    bool lost = mag_rshift(a->d, a->n, k, r->digits, &n);
    if (a->neg && lost) {   /* floor for negatives: -(|a| >> k) - 1 */
        r->digits[n] = 0;
        digit one = 1;
        mag_add_into(r->digits, n + 1, &one, 1);
        n++;
    }
    return long_finish(r, n, a->neg);
}

/* two's complement of v in N digits */
static void to_twos(const LV *v, digit *out, int64_t N)
{
    memcpy(out, v->d, (size_t)v->n * sizeof(digit));
    memset(out + v->n, 0, (size_t)(N - v->n) * sizeof(digit));
    if (v->neg) {
        twodigits c = 1;
        for (int64_t i = 0; i < N; i++) {
            c += (digit)~out[i];
            out[i] = (digit)c;
            c >>= DSHIFT;
        }
    }
}

static PyrtObject *lv_bitop(const LV *a, const LV *b, int op)
{
    int64_t N = (a->n > b->n ? a->n : b->n) + 1;
    PyrtLong *r = long_new(N);
    digit *t = Pyrt_Malloc((size_t)N * sizeof(digit));
    if (!r || !t) {
        long_free(r);
        Pyrt_Free(t);
        return NULL;
    }
    to_twos(a, r->digits, N);
    to_twos(b, t, N);
    digit *d = r->digits;
    for (int64_t i = 0; i < N; i++)
        d[i] = op == PYRT_AND ? (d[i] & t[i]) : op == PYRT_OR ? (d[i] | t[i]) : (d[i] ^ t[i]);
    Pyrt_Free(t);
    bool neg = (d[N - 1] >> (DSHIFT - 1)) != 0;
    if (neg) {   /* back to a magnitude */
        twodigits c = 1;
        for (int64_t i = 0; i < N; i++) {
            c += (digit)~d[i];
            d[i] = (digit)c;
            c >>= DSHIFT;
        }
    }
    return long_finish(r, N, neg);
}

static bool lv_is_one(const LV *v) { return v->n == 1 && v->d[0] == 1; }

/* a ** e for e >= 0 (compact) */
static PyrtObject *lv_pow(const LV *a, int64_t e)
{
    if (e == 0)
        return PyrtInt_FromI64(1);
    if (a->n == 0 || lv_is_one(a) || e == 1)
        return from_mag(a->d, a->n, a->neg && (e & 1));
    int64_t bits = mag_bitlen(a->d, a->n);
    if (e > (MAX_DIGITS * DSHIFT) / (bits - 1 > 0 ? bits - 1 : 1))
        return too_big();
    bool neg = a->neg && (e & 1);
    /* a power of two: a shift */
    bool pow2 = (a->d[a->n - 1] & (a->d[a->n - 1] - 1)) == 0;
    for (int64_t i = 0; pow2 && i < a->n - 1; i++)
        pow2 = a->d[i] == 0;
    if (pow2) {
        LV one;
        lv_i64(&one, neg ? -1 : 1);
        return lv_lshift(&one, (bits - 1) * e);
    }
    /* left-to-right binary: square, and multiply by a for each one bit */
    PyrtObject *r = from_mag(a->d, a->n, false);
    if (!r)
        return NULL;
    LV base = *a;
    base.neg = false;
    if (base.d == a->buf)
        base.d = base.buf;
    int top = 63 - __builtin_clzll((uint64_t)e);
    for (int i = top - 1; i >= 0; i--) {
        LV vr;
        lv_obj(&vr, r);
        PyrtObject *s = lv_mul(&vr, &vr);
        PYRT_DECREF(r);
        if (!(r = s))
            return NULL;
        if ((e >> i) & 1) {
            lv_obj(&vr, r);
            s = lv_mul(&vr, &base);
            PYRT_DECREF(r);
            if (!(r = s))
                return NULL;
        }
    }
    if (neg) {
        LV vr;
        lv_obj(&vr, r);
        PyrtObject *s = from_mag(vr.d, vr.n, true);
        PYRT_DECREF(r);
        r = s;
    }
    return r;
}

/* ------------------------------------------------------------------ float conversions */
static PyrtObject *float_overflow(void)
{
    return Pyrt_ErrSetString(&PyrtType_OverflowError, "int too large to convert to float");
}

/* |v| rounded to 64 significant bits with a sticky bit: top * 2**exp (top's bit 63 set unless small) */
static uint64_t mag_top64(const digit *d, int64_t n, int64_t *exp)
{
    int64_t bits = mag_bitlen(d, n);
    if (bits <= 64) {
        *exp = 0;
        return n == 0 ? 0 : n == 1 ? d[0] : ((uint64_t)d[1] << 32 | d[0]);
    }
    int64_t shift = bits - 64;   /* bits below the top 64 */
    int64_t w = shift / DSHIFT;
    int s = (int)(shift % DSHIFT);
    /* gather 96 bits from digit w upward, then shift by s */
    uint64_t lo = d[w], mid = w + 1 < n ? d[w + 1] : 0, hi = w + 2 < n ? d[w + 2] : 0;
    uint64_t top = s == 0 ? (mid << 32 | lo) : ((hi << (64 - s)) | (mid << (32 - s)) | (lo >> s));
    bool sticky = s && (lo & ((1u << s) - 1));
    for (int64_t i = 0; !sticky && i < w; i++)
        sticky = d[i] != 0;
    *exp = shift;
    return top | (sticky ? 1 : 0);
}

/* float(v) correctly rounded; overflow: +-inf (callers raise) */
static double lv_to_double(const LV *v)
{
    int64_t e;
    uint64_t top = mag_top64(v->d, v->n, &e);
    /* top has 64 bits and a sticky low bit: one rounding to 53 bits by the conversion */
    double r = (double)top;
    if (e > 2000)
        r = INFINITY;
    else if (e)
        r = ldexp(r, (int)e);
    return v->neg ? -r : r;
}

double PyrtLong_AsDouble(PyrtObject *o)
{
    LV v;
    lv_obj(&v, o);
    double r = lv_to_double(&v);
    if (isinf(r)) {
        float_overflow();
        return -1.0;
    }
    return r;
}

/* x = m * 2**e with 0.5 <= m < 1 (m rounded half even to 53 bits), for math.log of big ints */
double PyrtLong_Frexp(PyrtObject *o, int64_t *e)
{
    LV v;
    lv_obj(&v, o);
    int64_t ex;
    uint64_t top = mag_top64(v.d, v.n, &ex);
    if (top == 0) {
        *e = 0;
        return 0.0;
    }
    int lz = __builtin_clzll(top);
    /* normalise to bit 63, keeping the sticky bit */
    uint64_t t = top << lz;
    ex -= lz;
    double m = (double)t;   /* rounded to 53 bits, in [2**63, 2**64] */
    int k;
    double f = frexp(m, &k);
    *e = ex + k;
    return f;
}

/* an exact int from an integral finite double */
static PyrtObject *long_from_integral_double(double d)
{
    if (d > -9223372036854775808.0 && d < 9223372036854775808.0)
        return PyrtInt_FromI64((int64_t)d);
    int e;
    double m = frexp(fabs(d), &e);   /* e >= 64 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    LV v;
    lv_i64(&v, (int64_t)mant);
    v.neg = d < 0;
    return lv_lshift(&v, e - 53);
}

PyrtObject *PyrtLong_FromDouble(double d)
{
    if (!isfinite(d))
        return PyrtErr_FloatToIntError(d);
    return long_from_integral_double(trunc(d));
}

static int cmp_ord(const LV *a, const LV *b)
{
    if (a->neg != b->neg)
        return a->neg ? -1 : 1;
    int c = mag_cmp(a->d, a->n, b->d, b->n);
    return a->neg ? -c : c;
}

int PyrtLong_Compare(PyrtObject *a, PyrtObject *b)
{
    LV x, y;
    lv_obj(&x, a);
    lv_obj(&y, b);
    return cmp_ord(&x, &y);
}

/* int <=> float exactly: <0, 0, >0; 2 for NaN (unordered) */
int PyrtLong_CompareDouble(PyrtObject *a, double d)
{
    if (isnan(d))
        return 2;
    if (isinf(d))
        return d > 0 ? -1 : 1;
    LV x;
    lv_obj(&x, a);
    if (!PyrtInt_IsBig(a) && fabs(d) < 9223372036854775808.0) {
        int64_t i = PyrtInt_AsI64(a);
        double t = trunc(d);
        int64_t ti = (int64_t)t;
        if (i != ti)
            return i < ti ? -1 : 1;
        return d > t ? -1 : d < t ? 1 : 0;
    }
    if (fabs(d) < 9223372036854775808.0)   /* a big int is beyond every such float */
        return x.neg ? -1 : 1;
    PyrtObject *di = long_from_integral_double(d);   /* d is integral here */
    if (!di) {
        Pyrt_ErrClear();
        return lv_to_double(&x) < d ? -1 : 1;   /* unreachable in practice */
    }
    LV y;
    lv_obj(&y, di);
    int c = cmp_ord(&x, &y);
    PYRT_DECREF(di);
    return c;
}

/* correctly rounded a / b (CPython's long_true_divide); true + exception on error */
static bool lv_truediv(const LV *a, const LV *b, double *out)
{
    if (b->n == 0) {
        PyrtErr_ZeroDiv("division by zero");
        return true;
    }
    bool neg = a->neg != b->neg;
    if (a->n == 0) {
        *out = neg ? -0.0 : 0.0;
        return false;
    }
    int64_t abits = mag_bitlen(a->d, a->n), bbits = mag_bitlen(b->d, b->n);
    if (abits <= 53 && bbits <= 53) {
        *out = lv_to_double(a) / lv_to_double(b);
        return false;
    }
    int64_t diff = abits - bbits;
    if (diff > DBL_MAX_EXP + 1)
        goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        *out = neg ? -0.0 : 0.0;
        return false;
    }
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    PyrtObject *x = NULL;
    LV av = *a;
    av.neg = false;
    if (av.d == a->buf)
        av.d = av.buf;
    if (shift <= 0) {
        x = lv_lshift(&av, -shift);
    } else {
        PyrtLong *r = long_new(a->n);
        if (!r)
            return true;
        int64_t n;
        inexact = mag_rshift(a->d, a->n, shift, r->digits, &n);
        x = long_finish(r, n, false);
    }
    if (!x)
        return true;
    LV xv, bv = *b;
    bv.neg = false;
    if (bv.d == b->buf)
        bv.d = bv.buf;
    lv_obj(&xv, x);
    PyrtObject *q, *rem;
    int rc = lv_divmod(&xv, &bv, &q, &rem);
    PYRT_DECREF(x);
    if (rc < 0)
        return true;
    LV qv, rv;
    lv_obj(&qv, q);
    lv_obj(&rv, rem);
    inexact |= rv.n != 0;
    uint64_t qq = qv.n == 0 ? 0 : qv.n == 1 ? qv.d[0] : ((uint64_t)qv.d[1] << 32 | qv.d[0]);
    PYRT_DECREF(q);
    PYRT_DECREF(rem);
    int64_t xbits = 64 - __builtin_clzll(qq);
    int64_t extra = (xbits > DBL_MIN_EXP - shift ? xbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra - 1);
    uint64_t low = qq | (inexact ? 1 : 0);
    if ((low & mask) && (low & (3 * mask - 1)))
        low += mask;
    qq = low & ~(2 * mask - 1);
    double r = ldexp((double)qq, (int)shift);
    if (isinf(r))
        goto overflow;
    *out = neg ? -r : r;
    return false;
overflow:
    Pyrt_ErrSetString(&PyrtType_OverflowError, "integer division result too large for a float");
    return true;
}

/* ------------------------------------------------------------------ the operators */
/* a and b are views of ints; op without PYRT_INPLACE */
static PyrtObject *lv_binop(const LV *a, const LV *b, int op)
{
    switch (op) {
    case PYRT_ADD: return lv_addsub(a, b, false);
    case PYRT_SUB: return lv_addsub(a, b, true);
    case PYRT_MUL: return lv_mul(a, b);
    case PYRT_FLOORDIV:
    case PYRT_MOD: {
        if (b->n == 0)
            return PyrtErr_ZeroDiv(op == PYRT_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
        PyrtObject *r = NULL;
        if (lv_divmod(a, b, op == PYRT_FLOORDIV ? &r : NULL, op == PYRT_MOD ? &r : NULL) < 0)
            return NULL;
        return r;
    }
    case PYRT_TRUEDIV: {
        double d;
        if (lv_truediv(a, b, &d))
            return NULL;
        return PyrtFloat_FromDouble(d);
    }
    case PYRT_POW: {
        if (b->neg) {   /* a float power, as CPython */
            double x = lv_to_double(a), y = lv_to_double(b), r;
            if (isinf(x) || isinf(y))
                return float_overflow();
            if (PyrtF64_Pow(x, y, &r))
                return NULL;
            return PyrtFloat_FromDouble(r);
        }
        if (b->n > 2 || (b->n == 2 && (b->d[1] >> 31))) {   /* exponent beyond int64 */
            if (a->n == 0 || lv_is_one(a))
                return from_mag(a->d, a->n, a->neg && (b->d[0] & 1));
            return too_big();
        }
        int64_t e = b->n == 0 ? 0 : b->n == 1 ? b->d[0] : (int64_t)((uint64_t)b->d[1] << 32 | b->d[0]);
        return lv_pow(a, e);
    }
    case PYRT_LSHIFT:
    case PYRT_RSHIFT: {
        if (b->neg)
            return Pyrt_ErrSetString(&PyrtType_ValueError, "negative shift count");
        bool huge = b->n > 2 || (b->n == 2 && (b->d[1] >> 31));
        int64_t k = huge ? INT64_MAX : b->n == 0 ? 0 : b->n == 1 ? b->d[0] : (int64_t)((uint64_t)b->d[1] << 32 | b->d[0]);
        if (op == PYRT_RSHIFT)
            return lv_rshift(a, k);
        if (a->n == 0)
            return PyrtInt_FromI64(0);
        if (huge)
            return too_big();
        return lv_lshift(a, k);
    }
    case PYRT_AND:
    case PYRT_OR:
    case PYRT_XOR:
        return lv_bitop(a, b, op);
    }
    PYRT_INCREF(Pyrt_NotImplemented);
    return Pyrt_NotImplemented;
}

PyrtObject *PyrtLong_BinOp(PyrtObject *a, PyrtObject *b, int op)
{
    LV x, y;
    lv_obj(&x, a);
    lv_obj(&y, b);
    return lv_binop(&x, &y, op & ~PYRT_INPLACE);
}

PyrtObject *PyrtLong_BinOpI64(int64_t a, int64_t b, int op)
{
    LV x, y;
    lv_i64(&x, a);
    lv_i64(&y, b);
    return lv_binop(&x, &y, op & ~PYRT_INPLACE);
}

int PyrtLong_DivMod(PyrtObject *a, PyrtObject *b, PyrtObject **q, PyrtObject **r)
{
    LV x, y;
    lv_obj(&x, a);
    lv_obj(&y, b);
    if (y.n == 0) {
        PyrtErr_ZeroDiv("integer division or modulo by zero");
        return -1;
    }
    return lv_divmod(&x, &y, q, r);
}

PyrtObject *PyrtLong_Neg(PyrtObject *a)
{
    LV x;
    lv_obj(&x, a);
    return from_mag(x.d, x.n, !x.neg && x.n);
}

PyrtObject *PyrtLong_Abs(PyrtObject *a)
{
    LV x;
    lv_obj(&x, a);
    return from_mag(x.d, x.n, false);
}

PyrtObject *PyrtLong_Invert(PyrtObject *a)   /* ~a == -(a + 1) */
{
    LV x, one;
    lv_obj(&x, a);
    lv_i64(&one, 1);
    PyrtObject *s = lv_addsub(&x, &one, false);
    if (!s)
        return NULL;
    PyrtObject *r = PyrtLong_Neg(s);
    PYRT_DECREF(s);
    return r;
}

int PyrtLong_Sign(PyrtObject *a)
{
    LV x;
    lv_obj(&x, a);
    return x.n == 0 ? 0 : x.neg ? -1 : 1;
}

/* ------------------------------------------------------------------ hash and bits */
int64_t PyrtLong_Hash(PyrtObject *o)
{
    LV v;
    lv_obj(&v, o);
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t h = 0;
    for (int64_t i = v.n; i-- > 0;) {
        h = ((h << 32) & P) | (h >> 29);   /* h * 2**32 mod P: a rotation of 61 bits */
        h += v.d[i];
        if (h >= P)
            h -= P;
    }
    int64_t r = v.neg ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

int64_t PyrtLong_BitLength(PyrtObject *o)
{
    LV v;
    lv_obj(&v, o);
    return mag_bitlen(v.d, v.n);
}

int64_t PyrtLong_BitCount(PyrtObject *o)
{
    LV v;
    lv_obj(&v, o);
    int64_t c = 0;
    for (int64_t i = 0; i < v.n; i++)
        c += __builtin_popcount(v.d[i]);
    return c;
}

/* ------------------------------------------------------------------ text */
static PyrtObject *str_limit_error(void)
{
    return Pyrt_ErrFormat(&PyrtType_ValueError,
        "Exceeds the limit (%lld digits) for integer string conversion; use sys.set_int_max_str_digits() "
        "to increase the limit", (long long)pyrt_int_max_str_digits);
}

/* The magnitude's digits in base (10 or a power of two), most significant first, NUL-terminated,
 * in a Pyrt_Malloc'd buffer; decimal output obeys the str-conversion limit. */
char *PyrtLong_Digits(PyrtObject *o, int base, bool upper, int64_t *len, bool *neg)
{
    LV v;
    lv_obj(&v, o);
    *neg = v.neg;
    const char *digs = upper ? "0123456789ABCDEF" : "0123456789abcdefghijklmnopqrstuvwxyz";
    if (v.n == 0) {
        char *s = Pyrt_Malloc(2);
        if (s) {
            s[0] = '0';
            s[1] = 0;
            *len = 1;
        }
        return s;
    }
    int64_t bits = mag_bitlen(v.d, v.n);
    if (base != 10) {
        int k = base == 2 ? 1 : base == 4 ? 2 : base == 8 ? 3 : base == 16 ? 4 : 5;
        int64_t nd = (bits + k - 1) / k;
        char *s = Pyrt_Malloc((size_t)nd + 1);
        if (!s)
            return NULL;
        for (int64_t i = 0; i < nd; i++) {   /* digit i from the least significant end */
            int64_t bit = i * k;
            int64_t w = bit / DSHIFT;
            int sh = (int)(bit % DSHIFT);
            twodigits x = v.d[w] >> sh;
            if (sh + k > DSHIFT && w + 1 < v.n)
                x |= (twodigits)v.d[w + 1] << (DSHIFT - sh);
            s[nd - 1 - i] = digs[x & (unsigned)(base - 1)];
        }
        s[nd] = 0;
        *len = nd;
        return s;
    }
    int64_t limit = pyrt_int_max_str_digits;
    /* a number of `bits` bits has at least floor((bits - 1) * log10(2)) + 1 digits */
    if (limit > 0 && (double)(bits - 1) * 0.30102999566398 > (double)limit + 1) {
        str_limit_error();
        return NULL;
    }
    /* convert to base 10**9, most significant binary digit first */
    const digit B9 = 1000000000u;
    int64_t cap = (int64_t)((double)bits * 0.30103 / 9) + 3;
    digit *z = Pyrt_Malloc((size_t)cap * sizeof(digit));
    if (!z)
        return NULL;
    int64_t zn = 0;
    for (int64_t i = v.n; i-- > 0;) {
        twodigits carry = v.d[i];
        for (int64_t j = 0; j < zn; j++) {
            twodigits t = ((twodigits)z[j] << DSHIFT) + carry;
            carry = t / B9;
            z[j] = (digit)(t - carry * B9);
        }
        while (carry) {
            z[zn++] = (digit)(carry % B9);
            carry /= B9;
        }
    }
    int64_t top_len = 0;
    for (digit t = z[zn - 1]; t; t /= 10)
        top_len++;
    int64_t nd = top_len + (zn - 1) * 9;
    if (limit > 0 && nd > limit) {
        Pyrt_Free(z);
        str_limit_error();
        return NULL;
    }
    char *s = Pyrt_Malloc((size_t)nd + 1);
    if (!s) {
        Pyrt_Free(z);
        return NULL;
    }
    char *p = s + nd;
    *p = 0;
    for (int64_t j = 0; j < zn; j++) {
        digit t = z[j];
        int cnt = j == zn - 1 ? (int)top_len : 9;
        for (int k = 0; k < cnt; k++) {
            *--p = (char)('0' + t % 10);
            t /= 10;
        }
    }
    Pyrt_Free(z);
    *len = nd;
    return s;
}

/* str(o) / bin / oct / hex (prefix) */
PyrtObject *PyrtLong_Format(PyrtObject *o, int base, bool prefix)
{
    int64_t n;
    bool neg;
    char *digs = PyrtLong_Digits(o, base, false, &n, &neg);
    if (!digs)
        return NULL;
    PyrtObject *r;
    if (!prefix && !neg) {
        r = PyrtStr_FromUTF8(digs, n);
    } else {
        char *buf = Pyrt_Malloc((size_t)n + 4);
        if (!buf) {
            Pyrt_Free(digs);
            return NULL;
        }
        int64_t k = 0;
        if (neg)
            buf[k++] = '-';
        if (prefix) {
            buf[k++] = '0';
            buf[k++] = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
        }
        memcpy(buf + k, digs, (size_t)n);
        r = PyrtStr_FromUTF8(buf, k + n);
        Pyrt_Free(buf);
    }
    Pyrt_Free(digs);
    return r;
}

/* An int from digit values (each < base, most significant first); base 2..36. */
PyrtObject *PyrtLong_FromDigitValues(const unsigned char *vals, int64_t n, int base, bool neg)
{
    int64_t i0 = 0;
    while (i0 < n && vals[i0] == 0)
        i0++;
    vals += i0;
    n -= i0;
    if (n == 0)
        return PyrtInt_FromI64(0);
    if ((base & (base - 1)) == 0) {
        int k = base == 2 ? 1 : base == 4 ? 2 : base == 8 ? 3 : base == 16 ? 4 : 5;
        int64_t nd = (n * k + DSHIFT - 1) / DSHIFT;
        PyrtLong *l = long_new(nd);
        if (!l)
            return NULL;
        memset(l->digits, 0, (size_t)nd * sizeof(digit));
        for (int64_t i = 0; i < n; i++) {
            int64_t bit = (n - 1 - i) * k;
            twodigits x = (twodigits)vals[i] << (bit % DSHIFT);
            l->digits[bit / DSHIFT] |= (digit)x;
            if ((x >> DSHIFT) && bit / DSHIFT + 1 < nd)
                l->digits[bit / DSHIFT + 1] |= (digit)(x >> DSHIFT);
        }
        return long_finish(l, nd, neg);
    }
    /* chunks of k digits: base**k < 2**32 */
    int k = 0;
    twodigits pk = 1;
    while (pk * (twodigits)base <= DMASK) {
        pk *= (twodigits)base;
        k++;
    }
    double bits_per = log2((double)base);
    int64_t cap = (int64_t)((double)n * bits_per / DSHIFT) + 2;
    PyrtLong *l = long_new(cap);
    if (!l)
        return NULL;
    digit *d = l->digits;
    int64_t dn = 0;
    int64_t i = 0;
    int64_t first = n % k ? n % k : k;
    while (i < n) {
        int64_t cnt = i == 0 ? first : k;
        twodigits chunk = 0, mul = 1;
        for (int64_t j = 0; j < cnt; j++) {
            chunk = chunk * (twodigits)base + vals[i + j];
            mul *= (twodigits)base;
        }
        i += cnt;
        twodigits c = chunk;
        for (int64_t j = 0; j < dn; j++) {
            c += (twodigits)d[j] * mul;
            d[j] = (digit)c;
            c >>= DSHIFT;
        }
        if (c)
            d[dn++] = (digit)c;
    }
    return long_finish(l, dn, neg);
}

PyrtObject *PyrtLong_FromDecimal(const char *s)
{
    bool neg = *s == '-';
    if (neg)
        s++;
    int64_t n = (int64_t)strlen(s);
    unsigned char *vals = Pyrt_Malloc((size_t)n + 1);
    if (!vals)
        return NULL;
    for (int64_t i = 0; i < n; i++)
        vals[i] = (unsigned char)(s[i] - '0');
    PyrtObject *r = PyrtLong_FromDigitValues(vals, n, 10, neg);
    Pyrt_Free(vals);
    return r;
}

/* ------------------------------------------------------------------ bytes */
/* the int's two's complement (or magnitude) in `length` bytes; -1 with OverflowError if it does not fit */
int PyrtLong_ToBytes(PyrtObject *o, unsigned char *out, int64_t length, bool little, bool is_signed)
{
    LV v;
    lv_obj(&v, o);
    if (v.neg && !is_signed) {
        Pyrt_ErrSetString(&PyrtType_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    int64_t bits = mag_bitlen(v.d, v.n);
    bool fits;
    if (!is_signed)
        fits = bits <= length * 8;
    else if (!v.neg)
        fits = bits < length * 8 || v.n == 0;
    else {   /* -2**(8L-1) fits: magnitude a power of two with bits == 8L */
        bool pow2 = true;
        for (int64_t i = 0; i < v.n - 1 && pow2; i++)
            pow2 = v.d[i] == 0;
        pow2 = pow2 && v.n && (v.d[v.n - 1] & (v.d[v.n - 1] - 1)) == 0;
        fits = bits < length * 8 || (bits == length * 8 && pow2) || (length == 0 && v.n == 1 && v.d[0] == 1);
    }   /* (CPython: -1 "fits" in 0 bytes) */
    if (!fits) {
        Pyrt_ErrSetString(&PyrtType_OverflowError, "int too big to convert");
        return -1;
    }
    twodigits carry = 1;
    for (int64_t i = 0; i < length; i++) {
        int64_t w = i / 4;
        digit dg = w < v.n ? v.d[w] : 0;
        unsigned byte = (dg >> (8 * (i % 4))) & 0xFF;
        if (v.neg) {   /* two's complement, byte by byte */
            carry += (unsigned)(~byte & 0xFF);
            byte = (unsigned)(carry & 0xFF);
            carry >>= 8;
        }
        out[little ? i : length - 1 - i] = (unsigned char)byte;
    }
    return 0;
}

PyrtObject *PyrtLong_FromBytes(const unsigned char *d, int64_t n, bool little, bool is_signed)
{
    bool neg = is_signed && n > 0 && (d[little ? n - 1 : 0] & 0x80);
    int64_t nd = (n + 3) / 4;
    PyrtLong *l = long_new(nd + 1);
    if (!l)
        return NULL;
    memset(l->digits, 0, (size_t)(nd + 1) * sizeof(digit));
    unsigned carry = 1;
    for (int64_t i = 0; i < n; i++) {   /* i: byte significance */
        unsigned byte = d[little ? i : n - 1 - i];
        if (neg) {
            carry += (~byte) & 0xFF;
            byte = carry & 0xFF;
            carry >>= 8;
        }
        l->digits[i / 4] |= (digit)byte << (8 * (i % 4));
    }
    return long_finish(l, nd, neg);
}

/* ------------------------------------------------------------------ number theory */
/* pow(a, e, m) for ints, CPython's semantics (negative e: modular inverse) */
static PyrtObject *mod_of(PyrtObject *a, PyrtObject *m)
{
    return PyrtLong_BinOp(a, m, PYRT_MOD);
}

/* inverse of a modulo m (m > 1, 0 <= a < m) or NULL + ValueError */
static PyrtObject *mod_inverse(PyrtObject *a, PyrtObject *m)
{
    PyrtObject *r0 = m, *r1 = a, *s0 = PyrtInt_FromI64(0), *s1 = PyrtInt_FromI64(1);
    PYRT_INCREF(r0);
    PYRT_INCREF(r1);
    while (PyrtLong_Sign(r1) != 0) {
        PyrtObject *q, *rem;
        if (PyrtLong_DivMod(r0, r1, &q, &rem) < 0)
            goto fail;
        PyrtObject *qs = PyrtLong_BinOp(q, s1, PYRT_MUL);
        PYRT_DECREF(q);
        PyrtObject *t = qs ? PyrtLong_BinOp(s0, qs, PYRT_SUB) : NULL;
        PYRT_XDECREF(qs);
        if (!t) {
            PYRT_DECREF(rem);
            goto fail;
        }
        PYRT_DECREF(r0);
        r0 = r1;
        r1 = rem;
        PYRT_DECREF(s0);
        s0 = s1;
        s1 = t;
    }
    bool one = !PyrtInt_IsBig(r0) && PyrtInt_AsI64(r0) == 1;
    PYRT_DECREF(r0);
    PYRT_DECREF(r1);
    PYRT_DECREF(s1);
    if (!one) {
        PYRT_DECREF(s0);
        return Pyrt_ErrSetString(&PyrtType_ValueError, "base is not invertible for the given modulus");
    }
    PyrtObject *r = mod_of(s0, m);
    PYRT_DECREF(s0);
    return r;
fail:
    PYRT_DECREF(r0);
    PYRT_DECREF(r1);
    PYRT_DECREF(s0);
    PYRT_DECREF(s1);
    return NULL;
}

PyrtObject *PyrtLong_PowMod(PyrtObject *a, PyrtObject *e, PyrtObject *m)
{
    int ms = PyrtLong_Sign(m);
    if (ms == 0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "pow() 3rd argument cannot be 0");
    PyrtObject *am = ms < 0 ? PyrtLong_Neg(m) : (PYRT_INCREF(m), m);
    if (!am)
        return NULL;
    PyrtObject *base = NULL, *exp = NULL, *result = NULL;
    if (!PyrtInt_IsBig(am) && PyrtInt_AsI64(am) == 1) {
        result = PyrtInt_FromI64(0);
        goto done;
    }
    base = mod_of(a, am);
    if (!base)
        goto done;
    if (PyrtLong_Sign(e) < 0) {
        PyrtObject *inv = mod_inverse(base, am);
        PYRT_DECREF(base);
        if (!(base = inv))
            goto done;
        exp = PyrtLong_Neg(e);
    } else {
        PYRT_INCREF(e);
        exp = e;
    }
    if (!exp)
        goto done;
    /* right-to-left binary over the exponent's bits */
    result = PyrtInt_FromI64(1);
    LV ev;
    lv_obj(&ev, exp);
    int64_t nbits = mag_bitlen(ev.d, ev.n);
    for (int64_t i = 0; i < nbits && result; i++) {
        if ((ev.d[i / DSHIFT] >> (i % DSHIFT)) & 1) {
            PyrtObject *t = PyrtLong_BinOp(result, base, PYRT_MUL);
            PYRT_DECREF(result);
            result = t ? mod_of(t, am) : NULL;
            PYRT_XDECREF(t);
            if (!result)
                break;
        }
        if (i + 1 < nbits) {
            PyrtObject *t = PyrtLong_BinOp(base, base, PYRT_MUL);
            PYRT_DECREF(base);
            base = t ? mod_of(t, am) : NULL;
            PYRT_XDECREF(t);
            if (!base) {
                PYRT_DECREF(result);
                result = NULL;
            }
        }
    }
    if (result && ms < 0 && PyrtLong_Sign(result) != 0) {
        PyrtObject *t = PyrtLong_BinOp(result, am, PYRT_SUB);
        PYRT_DECREF(result);
        result = t;
    }
done:
    PYRT_XDECREF(base);
    PYRT_XDECREF(exp);
    PYRT_DECREF(am);
    return result;
}

PyrtObject *PyrtLong_Gcd(PyrtObject *a, PyrtObject *b)
{
    PyrtObject *x = PyrtLong_Abs(a), *y = x ? PyrtLong_Abs(b) : NULL;
    if (!y) {
        PYRT_XDECREF(x);
        return NULL;
    }
    while (PyrtLong_Sign(y) != 0) {
        if (!PyrtInt_IsBig(x) && !PyrtInt_IsBig(y)) {   /* both fit: finish in 64 bits */
            uint64_t u = (uint64_t)PyrtInt_AsI64(x), v = (uint64_t)PyrtInt_AsI64(y);
            while (v) {
                uint64_t t = u % v;
                u = v;
                v = t;
            }
            PYRT_DECREF(x);
            PYRT_DECREF(y);
            return PyrtInt_FromI64((int64_t)u);
        }
        PyrtObject *r = PyrtLong_BinOp(x, y, PYRT_MOD);
        if (!r) {
            PYRT_DECREF(x);
            PYRT_DECREF(y);
            return NULL;
        }
        PYRT_DECREF(x);
        x = y;
        y = r;
    }
    PYRT_DECREF(y);
    return x;
}

/* isqrt(n), n >= 0: Newton's iteration from a float estimate */
PyrtObject *PyrtLong_Isqrt(PyrtObject *n)
{
    if (PyrtLong_Sign(n) == 0)
        return PyrtInt_FromI64(0);
    int64_t bits = PyrtLong_BitLength(n);
    /* x0 = 2**ceil(bits/2) >= isqrt(n): decreasing Newton steps to the floor */
    LV one;
    lv_i64(&one, 1);
    PyrtObject *x = lv_lshift(&one, (bits + 1) / 2);
    if (!x)
        return NULL;
    for (;;) {
        PyrtObject *q = PyrtLong_BinOp(n, x, PYRT_FLOORDIV);
        PyrtObject *s = q ? PyrtLong_BinOp(x, q, PYRT_ADD) : NULL;
        PYRT_XDECREF(q);
        PyrtObject *y = NULL;
        if (s) {
            LV sv;
            lv_obj(&sv, s);
            y = lv_rshift(&sv, 1);
            PYRT_DECREF(s);
        }
        if (!y) {
            PYRT_DECREF(x);
            return NULL;
        }
        if (PyrtLong_Compare(y, x) >= 0) {
            PYRT_DECREF(y);
            return x;
        }
        PYRT_DECREF(x);
        x = y;
    }
}


/* ------------------------------------------------------------------ int subclasses
 * An instance of a compiled subclass of int is a PyrtLong (compact: alloc 0, the value in `value`;
 * big: its digits) followed by its attribute dict (type.c:sub_dict_slot, dictoffset -2). */
static size_t int_sub_size(int64_t ndigits)
{
    return ((sizeof(PyrtLong) + (size_t)ndigits * sizeof(digit) + 7) & ~(size_t)7) + sizeof(PyrtObject *);
}

PyrtObject **PyrtInt_SubDictSlot(PyrtObject *o)
{
    return (PyrtObject **)((char *)o + int_sub_size(((PyrtLong *)o)->alloc) - sizeof(PyrtObject *));
}

/* an instance of t (a subclass of int) with the value of the int v */
PyrtObject *PyrtInt_SubNew(PyrtType *t, PyrtObject *v)
{
    int64_t nd = PyrtInt_IsBig(v) ? llabs((long long)((PyrtLong *)v)->size) : 0;
    PyrtLong *o = (PyrtLong *)Pyrt_Alloc(t, int_sub_size(nd));   /* zeroed */
    if (!o)
        return NULL;
    o->value = ((PyrtInt *)v)->value;
    if (nd) {
        o->size = ((PyrtLong *)v)->size;
        memcpy(o->digits, ((PyrtLong *)v)->digits, (size_t)nd * sizeof(digit));
    }
    o->alloc = (uint32_t)nd;
    return (PyrtObject *)o;
}

/* int(o) for an int or bool or an instance of a subclass of int: an exact int, new reference */
PyrtObject *PyrtInt_Exact(PyrtObject *o)
{
    if (o->type == &PyrtType_Int) {
        Pyrt_IncRef(o);
        return o;
    }
    if (!PyrtInt_IsBig(o))
        return PyrtInt_FromI64(PyrtInt_AsI64(o));
    PyrtLong *src = (PyrtLong *)o;
    int64_t nd = llabs((long long)src->size);
    PyrtLong *l = long_new(nd);
    if (!l)
        return NULL;
    memcpy(l->digits, src->digits, (size_t)nd * sizeof(digit));
    l->size = src->size;
    return (PyrtObject *)l;
}
