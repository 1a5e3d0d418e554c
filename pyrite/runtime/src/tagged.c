/* tagged.c: the out-of-line paths of the tagged int (see pyrt_int.h). Anything beyond a small-int
 * fast path boxes its operands and goes through the runtime's generic int operations
 * (PyrtNum_BinOp and friends), so compiled typed code and dynamic code share one arbitrary-precision
 * implementation. */
#include "pyrt.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static const char INDEX_SIZE[] = "cannot fit 'int' into an index-sized integer";

static bool in_small(int64_t v) { return v >= PYRT_INT_SMALL_MIN && v <= PYRT_INT_SMALL_MAX; }

PYRT_SLOW int64_t PyrtTagged_FromI64Big(int64_t v)
{
    PyrtObject *o = PyrtInt_FromI64(v);
    return o ? pyrt_int_of_obj(o) : PYRT_INT_ERR;
}

/* Big ints keep PYRT_INT_BIG (INT64_MIN) in `value`, which is outside the small range. */
int64_t PyrtTagged_FromObjBorrowed(PyrtObject *o)
{
    int64_t v = ((PyrtInt *)o)->value;
    if (in_small(v))
        return (int64_t)((uint64_t)v << 1);
    return pyrt_int_of_obj(o);
}

int64_t PyrtTagged_FromObj(PyrtObject *o)
{
    int64_t x = PyrtTagged_FromObjBorrowed(o);
    pyrt_int_incref(x);
    return x;
}

static bool not_int(PyrtObject *o)
{
    if (PYRT_LIKELY(PyrtNum_IsInt(o)))
        return false;
    Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer", o->type->name);
    return true;
}

int64_t PyrtTagged_FromObjChecked(PyrtObject *o)
{
    return not_int(o) ? PYRT_INT_ERR : PyrtTagged_FromObj(o);
}

int64_t PyrtTagged_FromObjBorrowedChecked(PyrtObject *o)
{
    return not_int(o) ? PYRT_INT_ERR : PyrtTagged_FromObjBorrowed(o);
}

PyrtObject *PyrtTagged_Box(int64_t x)
{
    if (!(x & 1))
        return PyrtInt_FromI64(x >> 1);
    PyrtObject *o = pyrt_int_obj(x);
    Pyrt_IncRef(o);
    return o;
}

/* x as an object: a new reference in *tmp for a small value (NULL for a pointer word) */
static PyrtObject *as_obj(int64_t x, PyrtObject **tmp)
{
    if (x & 1) {
        *tmp = NULL;
        return pyrt_int_obj(x);
    }
    return *tmp = PyrtInt_FromI64(x >> 1);
}

/* a op b on the operands as objects (the big-int code): new reference or NULL */
static PyrtObject *boxed_binop(int64_t a, int64_t b, int op)
{
    PyrtObject *ta, *tb;
    PyrtObject *A = as_obj(a, &ta);
    if (!A)
        return NULL;
    PyrtObject *B = as_obj(b, &tb);
    if (!B) {
        Pyrt_XDecRef(ta);
        return NULL;
    }
    PyrtObject *r = PyrtLong_BinOp(A, B, op);
    Pyrt_XDecRef(ta);
    Pyrt_XDecRef(tb);
    return r;
}

static int64_t steal_result(PyrtObject *r)
{
    if (!r)
        return PYRT_INT_ERR;
    if (!PyrtNum_IsInt(r)) {   /* cannot happen for int operands; never hand out a wrong type */
        Pyrt_DecRef(r);
        Pyrt_ErrSetString(&PyrtType_SystemError, "pyrite: int operation did not return an int");
        return PYRT_INT_ERR;
    }
    int64_t x = PyrtTagged_FromObj(r);
    Pyrt_DecRef(r);
    return x;
}

/* x's value when it fits int64 (small, or a pointer to a compact int) */
static bool compact_value(int64_t x, int64_t *v)
{
    if (!(x & 1)) {
        *v = x >> 1;
        return true;
    }
    int64_t c = ((PyrtInt *)pyrt_int_obj(x))->value;
    if (c == PYRT_INT_BIG)
        return false;
    *v = c;
    return true;
}

/* op on two int64 values without boxing them (false: the result needs the big-int code) */
static bool compact_binop(int64_t x, int64_t y, int op, int64_t *r)
{
    switch (op & ~PYRT_INPLACE) {
    case PYRT_ADD: return !__builtin_add_overflow(x, y, r);
    case PYRT_SUB: return !__builtin_sub_overflow(x, y, r);
    case PYRT_MUL: return !__builtin_mul_overflow(x, y, r);
    case PYRT_AND: *r = x & y; return true;
    case PYRT_OR: *r = x | y; return true;
    case PYRT_XOR: *r = x ^ y; return true;
    case PYRT_FLOORDIV:
        if (y == 0 || (x == INT64_MIN && y == -1)) return false;
        *r = x / y - ((x % y != 0) && ((x < 0) != (y < 0)));
        return true;
    case PYRT_MOD:
        if (y == 0 || y == -1) return false;
        *r = x % y;
        if (*r != 0 && ((*r < 0) != (y < 0))) *r += y;
        return true;
    default: return false;
    }
}

PYRT_SLOW int64_t PyrtTagged_BinOp(int64_t a, int64_t b, int op)
{
    int64_t x, y, v;
    /* 64-bit operands (a small overflow, or values between 2**62 and 2**63 such as 63-bit hashes)
     * need no boxing; only a result outside the small range is allocated */
    if (compact_value(a, &x) && compact_value(b, &y) && compact_binop(x, y, op, &v) && v != INT64_MIN)
        return pyrt_int_from_i64(v);
    return steal_result(boxed_binop(a, b, op));
}

/* sign of a pointer word's value (never 0: it lies outside the small range) */
static int sign_of(int64_t x)
{
    return PyrtLong_Sign(pyrt_int_obj(x));
}

PYRT_SLOW int64_t PyrtTagged_UnOp(int64_t a, int op)
{
    if (op == PYRT_NEG)
        return PyrtTagged_BinOp(0, a, PYRT_SUB);
    if (op == PYRT_INVERT)
        return PyrtTagged_BinOp(-2, a, PYRT_SUB);    /* ~a == -1 - a */
    /* abs */
    if (!(a & 1) ? a < 0 : sign_of(a) < 0)
        return PyrtTagged_BinOp(0, a, PYRT_SUB);
    pyrt_int_incref(a);
    return a;
}

PYRT_SLOW int8_t PyrtTagged_CompareSlow(int64_t a, int64_t b, int op)
{
    if (!(a & 1) && !(b & 1))
        return (int8_t)PyrtNum_CmpResult(a < b ? -1 : a > b, op);
    if (!(a & 1))                      /* small vs pointer: the pointer's sign decides */
        return (int8_t)PyrtNum_CmpResult(-sign_of(b), op);
    if (!(b & 1))
        return (int8_t)PyrtNum_CmpResult(sign_of(a), op);
    return (int8_t)PyrtNum_CmpResult(PyrtLong_Compare(pyrt_int_obj(a), pyrt_int_obj(b)), op);
}

double PyrtTagged_TrueDiv(int64_t a, int64_t b)
{
    double d;
    if (!((a | b) & 1)) {
        if (PyrtI64_TrueDiv(a >> 1, b >> 1, &d))
            return PYRT_F64_ERR;
        return d;
    }
    PyrtObject *r = boxed_binop(a, b, PYRT_TRUEDIV);
    if (!r)
        return PYRT_F64_ERR;
    d = PyrtFloat_AsDouble(r);
    Pyrt_DecRef(r);
    return d;
}

PYRT_SLOW double PyrtTagged_AsF64Slow(int64_t x)
{
    if (!(x & 1))
        return (double)(x >> 1);
    double d = PyrtInt_AsDouble(pyrt_int_obj(x));   /* OverflowError beyond the float range */
    return pyrt_exc ? PYRT_F64_ERR : d;
}

static int64_t as_i64(int64_t x, PyrtType *err)
{
    if (!(x & 1))
        return x >> 1;
    int64_t v;
    if (PyrtInt_ToI64(pyrt_int_obj(x), &v))   /* compact, or exactly -2**63 */
        return v;
    Pyrt_ErrSetString(err, INDEX_SIZE);
    return PYRT_I64_ERR;
}

PYRT_SLOW int64_t PyrtTagged_AsI64Slow(int64_t x) { return as_i64(x, &PyrtType_OverflowError); }
PYRT_SLOW int64_t PyrtTagged_AsIndexSlow(int64_t x) { return as_i64(x, &PyrtType_IndexError); }

int64_t PyrtTagged_Hash(int64_t x)
{
    if (!(x & 1))
        return PyrtI64_Hash(x >> 1);
    return Pyrt_Hash(pyrt_int_obj(x));
}

PyrtObject *PyrtTagged_Repr(int64_t x)
{
    if (!(x & 1))
        return PyrtInt_Repr(x >> 1);
    return Pyrt_Str(pyrt_int_obj(x));
}

PyrtObject *PyrtTagged_Format(int64_t x, PyrtObject *spec)
{
    if (!(x & 1))
        return Pyrt_FormatI64(x >> 1, spec);
    return Pyrt_Format(pyrt_int_obj(x), spec);
}

int64_t PyrtTagged_FromDecimal(const char *digits)
{
    PyrtObject *o = PyrtLong_FromDecimal(digits);
    if (!o)
        return PYRT_INT_ERR;
    int64_t x = PyrtTagged_FromObj(o);
    Pyrt_DecRef(o);
    if (x & 1)
        pyrt_int_obj(x)->refcnt = PYRT_IMMORTAL_REFCNT;   /* a constant: never freed */
    return x;
}

int64_t PyrtTagged_Pow(int64_t a, int64_t b)
{
    if (!((a | b) & 1) && b >= 0) {   /* exponentiation by squaring while it stays small */
        int64_t base = a >> 1, e = b >> 1, r = 1;
        bool ok = true;
        while (ok) {
            if ((e & 1) && __builtin_mul_overflow(r, base, &r)) ok = false;
            e >>= 1;
            if (!e) break;
            if (__builtin_mul_overflow(base, base, &base)) ok = false;
        }
        if (ok && in_small(r))
            return (int64_t)((uint64_t)r << 1);
    }
    return PyrtTagged_BinOp(a, b, PYRT_POW);
}

int8_t PyrtTagged_CompareF64(int64_t a, double d, int op)
{
    if (!(a & 1))
        return (int8_t)PyrtNum_CompareI64F64(a >> 1, d, op);
    int c = PyrtLong_CompareDouble(pyrt_int_obj(a), d);
    if (c == 2)   /* NaN: only != holds */
        return op == PYRT_NE;
    return (int8_t)PyrtNum_CmpResult(c, op);
}

PyrtObject *PyrtTagged_Constant(const char *digits)
{
    int64_t x = PyrtTagged_FromDecimal(digits);
    if (x == PYRT_INT_ERR || !(x & 1)) {   /* at start-up: no handler can exist yet */
        fprintf(stderr, "pyrite: cannot create the int constant %s\n", digits);
        exit(1);
    }
    return pyrt_int_obj(x);
}
