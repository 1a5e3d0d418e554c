/* pyrt_int.h: the tagged int, the representation compiled code gives a value inferred `int`
 * (register type "int" of ir/rtypes.py; owned by tagged.c).
 *
 * A tagged int is an int64_t word:
 *   even word  a small int v, stored as v << 1, for v in [-2**62, 2**62);
 *   odd word   (intptr_t)obj | 1: an owned reference to an int object (compact or big, see
 *              PyrtInt_IsBig) whose value lies outside the small range.
 * A value in the small range is always stored small, so two small words are equal exactly when
 * the ints are, and a small word never equals a pointer word. PYRT_INT_ERR (1, a NULL pointer word)
 * is the error value of functions returning one. Small arithmetic is a single machine operation
 * with an overflow branch; everything else goes out of line to tagged.c, which boxes the operands
 * and uses the runtime's generic int operations (arbitrary precision).
 *
 * Ownership: a tagged value holding a pointer owns one reference, so copies incref and dead values
 * decref like object pointers (both are a test of the low bit first). 0 is a valid "empty" value. */
#ifndef PYRT_INT_H
#define PYRT_INT_H

#define PYRT_INT_ERR ((int64_t)1)
/* error values of functions returning a raw int64_t / double (with pyrt_exc set) */
#define PYRT_I64_ERR ((int64_t)0x8000000000000001LL)
#define PYRT_F64_ERR (-1.2345678901234567e-300)
#define PYRT_INT_SMALL_MIN (-((int64_t)1 << 62))
#define PYRT_INT_SMALL_MAX (((int64_t)1 << 62) - 1)

PYRT_INLINE bool pyrt_int_is_ptr(int64_t x) { return (x & 1) != 0; }
static inline PyrtObject *pyrt_int_obj(int64_t x) { return (PyrtObject *)(intptr_t)(x & ~(int64_t)1); }
PYRT_INLINE int64_t pyrt_int_of_obj(PyrtObject *o) { return (int64_t)(intptr_t)o | 1; }
PYRT_INLINE void pyrt_int_incref(int64_t x) { if (PYRT_UNLIKELY(x & 1)) Pyrt_IncRef(pyrt_int_obj(x)); }
PYRT_INLINE void pyrt_int_decref(int64_t x) { if (PYRT_UNLIKELY(x & 1)) Pyrt_DecRef(pyrt_int_obj(x)); }

/* ------------------------------------------------------------------ out of line (tagged.c) */
/* The slow paths are cold and, on x86-64 and AArch64, preserve the caller's registers, so that the
 * fast paths they branch from keep their values in registers (clang's preserve_most). */
#if defined(__clang__) && (defined(__x86_64__) || defined(__aarch64__))
#define PYRT_SLOW __attribute__((cold, preserve_most))
#else
#define PYRT_SLOW __attribute__((cold))
#endif
PYRT_SLOW int64_t PyrtTagged_FromI64Big(int64_t v);            /* v outside the small range: boxed; ERR on error */
int64_t PyrtTagged_FromObj(PyrtObject *o);           /* o an int/bool object: new tagged value (never fails) */
int64_t PyrtTagged_FromObjChecked(PyrtObject *o);    /* TypeError unless an int; ERR on error */
int64_t PyrtTagged_FromObjBorrowed(PyrtObject *o);   /* no new reference (o outlives the value) */
int64_t PyrtTagged_FromObjBorrowedChecked(PyrtObject *o);
PyrtObject *PyrtTagged_Box(int64_t x);               /* new reference */
PYRT_SLOW int64_t PyrtTagged_BinOp(int64_t a, int64_t b, int op);   /* generic path of + - * // % ** << >> & | ^ */
PYRT_SLOW int64_t PyrtTagged_UnOp(int64_t a, int op);               /* - ~ (PYRT_NEG, PYRT_INVERT); abs: 3 */
PYRT_SLOW int8_t PyrtTagged_CompareSlow(int64_t a, int64_t b, int op);  /* at least one pointer word */
double PyrtTagged_TrueDiv(int64_t a, int64_t b);           /* a / b; PYRT_F64_ERR with pyrt_exc on error */
PYRT_SLOW double PyrtTagged_AsF64Slow(int64_t x);                    /* float(x); OverflowError when too large */
PYRT_SLOW int64_t PyrtTagged_AsI64Slow(int64_t x);                   /* OverflowError beyond int64 */
PYRT_SLOW int64_t PyrtTagged_AsIndexSlow(int64_t x);                 /* IndexError beyond int64 (subscripts) */
int64_t PyrtTagged_Hash(int64_t x);
PyrtObject *PyrtTagged_Repr(int64_t x);                    /* str(x) */
PyrtObject *PyrtTagged_Format(int64_t x, PyrtObject *spec); /* format(x, spec) */
int64_t PyrtTagged_FromDecimal(const char *digits);        /* an immortal big constant (literals) */
int64_t PyrtTagged_Pow(int64_t a, int64_t b);              /* a ** b, b >= 0 (negative: see callers) */
int8_t PyrtTagged_CompareF64(int64_t a, double d, int op); /* exact int vs float */
PyrtObject *PyrtTagged_Constant(const char *digits);      /* immortal int object (program constants) */

/* ------------------------------------------------------------------ inline fast paths */
PYRT_INLINE int64_t pyrt_int_from_i64(int64_t v) {
    int64_t r;
    if (PYRT_LIKELY(!__builtin_add_overflow(v, v, &r))) return r;
    return PyrtTagged_FromI64Big(v);
}
PYRT_INLINE int64_t pyrt_int_from_bool(int8_t b) { return (int64_t)b * 2; }
/* v known to be in the small range (a length, a code point, a bounded loop counter) */
PYRT_INLINE int64_t pyrt_int_small(int64_t v) { return (int64_t)((uint64_t)v << 1); }
PYRT_INLINE int64_t pyrt_int_as_i64(int64_t x) {
    if (PYRT_LIKELY(!(x & 1))) return x >> 1;
    return PyrtTagged_AsI64Slow(x);
}
PYRT_INLINE int64_t pyrt_int_as_index(int64_t x) {
    if (PYRT_LIKELY(!(x & 1))) return x >> 1;
    return PyrtTagged_AsIndexSlow(x);
}
PYRT_INLINE double pyrt_int_as_f64(int64_t x) {
    if (PYRT_LIKELY(!(x & 1))) return (double)(x >> 1);
    return PyrtTagged_AsF64Slow(x);
}
/* fast paths alone (true: *r holds the result); codegen calls the slow path itself otherwise */
PYRT_INLINE bool pyrt_int_add_fast(int64_t a, int64_t b, int64_t *r) {
    return PYRT_LIKELY(!((a | b) & 1)) && PYRT_LIKELY(!__builtin_add_overflow(a, b, r)); }
PYRT_INLINE bool pyrt_int_sub_fast(int64_t a, int64_t b, int64_t *r) {
    return PYRT_LIKELY(!((a | b) & 1)) && PYRT_LIKELY(!__builtin_sub_overflow(a, b, r)); }
PYRT_INLINE bool pyrt_int_mul_fast(int64_t a, int64_t b, int64_t *r) {
    return PYRT_LIKELY(!((a | b) & 1)) && PYRT_LIKELY(!__builtin_mul_overflow(a >> 1, b, r)); }
PYRT_INLINE bool pyrt_int_and_fast(int64_t a, int64_t b, int64_t *r) { *r = a & b; return !((a | b) & 1); }
PYRT_INLINE bool pyrt_int_or_fast(int64_t a, int64_t b, int64_t *r) { *r = a | b; return !((a | b) & 1); }
PYRT_INLINE bool pyrt_int_xor_fast(int64_t a, int64_t b, int64_t *r) { *r = a ^ b; return !((a | b) & 1); }
PYRT_INLINE bool pyrt_int_floordiv_fast(int64_t a, int64_t b, int64_t *r) {
    if (PYRT_UNLIKELY(((a | b) & 1) || b == 0)) return false;
    int64_t x = a >> 1, y = b >> 1, q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
    if (PYRT_UNLIKELY(q == ((int64_t)1 << 62))) return false;   /* -2**62 // -1 */
    *r = (int64_t)((uint64_t)q << 1);
    return true;
}
PYRT_INLINE bool pyrt_int_mod_fast(int64_t a, int64_t b, int64_t *r) {
    if (PYRT_UNLIKELY(((a | b) & 1) || b == 0)) return false;
    int64_t y = b >> 1, m = (a >> 1) % y;
    if (m != 0 && ((m < 0) != (y < 0))) m += y;
    *r = (int64_t)((uint64_t)m << 1);
    return true;
}
PYRT_INLINE int64_t pyrt_int_add(int64_t a, int64_t b) {
    int64_t r;
    if (PYRT_LIKELY(!((a | b) & 1)) && PYRT_LIKELY(!__builtin_add_overflow(a, b, &r))) return r;
    return PyrtTagged_BinOp(a, b, PYRT_ADD);
}
PYRT_INLINE int64_t pyrt_int_sub(int64_t a, int64_t b) {
    int64_t r;
    if (PYRT_LIKELY(!((a | b) & 1)) && PYRT_LIKELY(!__builtin_sub_overflow(a, b, &r))) return r;
    return PyrtTagged_BinOp(a, b, PYRT_SUB);
}
PYRT_INLINE int64_t pyrt_int_mul(int64_t a, int64_t b) {
    int64_t r;
    if (PYRT_LIKELY(!((a | b) & 1)) && PYRT_LIKELY(!__builtin_mul_overflow(a >> 1, b, &r))) return r;
    return PyrtTagged_BinOp(a, b, PYRT_MUL);
}
PYRT_INLINE int64_t pyrt_int_floordiv(int64_t a, int64_t b) {
    if (PYRT_LIKELY(!((a | b) & 1)) && b != 0) {
        int64_t x = a >> 1, y = b >> 1, q = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
        if (PYRT_LIKELY(q != ((int64_t)1 << 62))) return (int64_t)((uint64_t)q << 1);   /* -2**62 // -1 */
    }
    return PyrtTagged_BinOp(a, b, PYRT_FLOORDIV);
}
/* a // b and a % b of small ints with b != 0 and a small quotient (known to codegen, ir/ranges.py) */
PYRT_INLINE int64_t pyrt_int_floordiv_small(int64_t a, int64_t b) {
    int64_t x = a >> 1, y = b >> 1, q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
    return (int64_t)((uint64_t)q << 1);
}
PYRT_INLINE int64_t pyrt_int_mod_small(int64_t a, int64_t b) {
    int64_t y = b >> 1, m = (a >> 1) % y;
    if (m != 0 && ((m < 0) != (y < 0))) m += y;
    return (int64_t)((uint64_t)m << 1);
}
PYRT_INLINE int64_t pyrt_int_mod(int64_t a, int64_t b) {
    if (PYRT_LIKELY(!((a | b) & 1)) && b != 0) {
        int64_t y = b >> 1, m = (a >> 1) % y;
        if (m != 0 && ((m < 0) != (y < 0))) m += y;
        return (int64_t)((uint64_t)m << 1);
    }
    return PyrtTagged_BinOp(a, b, PYRT_MOD);
}
PYRT_INLINE int64_t pyrt_int_and(int64_t a, int64_t b) {
    if (PYRT_LIKELY(!((a | b) & 1))) return a & b;
    return PyrtTagged_BinOp(a, b, PYRT_AND);
}
PYRT_INLINE int64_t pyrt_int_or(int64_t a, int64_t b) {
    if (PYRT_LIKELY(!((a | b) & 1))) return a | b;
    return PyrtTagged_BinOp(a, b, PYRT_OR);
}
PYRT_INLINE int64_t pyrt_int_xor(int64_t a, int64_t b) {
    if (PYRT_LIKELY(!((a | b) & 1))) return a ^ b;
    return PyrtTagged_BinOp(a, b, PYRT_XOR);
}
PYRT_INLINE int64_t pyrt_int_lshift(int64_t a, int64_t b) {
    if (PYRT_LIKELY(!((a | b) & 1)) && (uint64_t)b < 126) {
        int64_t n = b >> 1, r = (int64_t)((uint64_t)a << n);
        if (PYRT_LIKELY((r >> n) == a)) return r;
    }
    return PyrtTagged_BinOp(a, b, PYRT_LSHIFT);
}
PYRT_INLINE int64_t pyrt_int_rshift(int64_t a, int64_t b) {
    if (PYRT_LIKELY(!((a | b) & 1)) && b >= 0) {
        int64_t n = b >> 1;
        return n >= 63 ? (a < 0 ? -2 : 0) : ((a >> n) & ~(int64_t)1);
    }
    return PyrtTagged_BinOp(a, b, PYRT_RSHIFT);
}
PYRT_INLINE int64_t pyrt_int_pow(int64_t a, int64_t b) { return PyrtTagged_Pow(a, b); }
PYRT_INLINE int64_t pyrt_int_neg(int64_t a) {
    if (PYRT_LIKELY(!(a & 1)) && PYRT_LIKELY(a != INT64_MIN)) return -a;
    return PyrtTagged_UnOp(a, PYRT_NEG);
}
PYRT_INLINE int64_t pyrt_int_invert(int64_t a) {
    if (PYRT_LIKELY(!(a & 1))) return ~a ^ 1;
    return PyrtTagged_UnOp(a, PYRT_INVERT);
}
PYRT_INLINE int64_t pyrt_int_abs(int64_t a) {
    if (PYRT_LIKELY(!(a & 1)) && PYRT_LIKELY(a != INT64_MIN)) return a < 0 ? -a : a;
    return PyrtTagged_UnOp(a, 3);
}
/* a <op> b, 0 or 1 (never fails) */
PYRT_INLINE int8_t pyrt_int_compare(int64_t a, int64_t b, int op) {
    if (PYRT_LIKELY(!((a | b) & 1))) {
        switch (op) { case PYRT_LT: return a < b; case PYRT_LE: return a <= b; case PYRT_EQ: return a == b;
                      case PYRT_NE: return a != b; case PYRT_GT: return a > b; default: return a >= b; }
    }
    return PyrtTagged_CompareSlow(a, b, op);
}
PYRT_INLINE int8_t pyrt_int_eq(int64_t a, int64_t b) {
    if (a == b) return 1;
    if (PYRT_LIKELY(!(a & b & 1))) return 0;   /* small vs anything else: different values */
    return PyrtTagged_CompareSlow(a, b, PYRT_EQ);
}
PYRT_INLINE double pyrt_int_truediv(int64_t a, int64_t b) { return PyrtTagged_TrueDiv(a, b); }
#endif
