/* int.c: the int and bool types. Ints are 64-bit for now (overflow raises OverflowError via
 * PyrtErr_IntOverflow; arbitrary precision comes later); small ints -5..1024 and True/False are
 * immortal. Holds int(...) parsing (bases, prefixes, underscores), repr and bin/oct/hex, CPython's
 * int hash, and the numeric slots shared by int, bool and float (PyrtNum_BinOp / RichCompare: any
 * mix of the three, int vs float compared exactly). */
#include "pyrt.h"
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ objects */
#define SMALL_MIN (-5)
#define SMALL_MAX 1024
PyrtInt pyrt_small_ints[SMALL_MAX - SMALL_MIN + 1];
bool pyrt_small_ready;

static PyrtInt true_struct = { PYRT_HEAD_INIT(&PyrtType_Bool), 1 };
static PyrtInt false_struct = { PYRT_HEAD_INIT(&PyrtType_Bool), 0 };
PyrtObject *Pyrt_True = (PyrtObject *)&true_struct;
PyrtObject *Pyrt_False = (PyrtObject *)&false_struct;

static void init_small_ints(void)
{
    for (int i = 0; i <= SMALL_MAX - SMALL_MIN; i++) {
        pyrt_small_ints[i].ob.refcnt = PYRT_IMMORTAL_REFCNT;
        pyrt_small_ints[i].ob.type = &PyrtType_Int;
        pyrt_small_ints[i].value = i + SMALL_MIN;
    }
    pyrt_small_ready = true;
}

PyrtObject *PyrtInt_FromI64(int64_t v)
{
    if (v >= SMALL_MIN && v <= SMALL_MAX) {
        if (PYRT_UNLIKELY(!pyrt_small_ready))
            init_small_ints();
        return (PyrtObject *)&pyrt_small_ints[v - SMALL_MIN];
    }
    PyrtInt *o = pyrt_freelist_pop(sizeof(PyrtInt));
    if (PYRT_LIKELY(o != NULL)) {
        o->ob.refcnt = 1;
        o->ob.type = &PyrtType_Int;
    } else if (!(o = (PyrtInt *)Pyrt_Alloc(&PyrtType_Int, sizeof(PyrtInt)))) {
        return NULL;
    }
    o->value = v;
    return (PyrtObject *)o;
}

PyrtObject *PyrtErr_IntOverflow(void)
{
    return Pyrt_ErrSetString(&PyrtType_OverflowError, "integer overflow: pyrite ints are 64-bit for now");
}

PyrtObject *PyrtErr_ZeroDiv(const char *msg)
{
    return Pyrt_ErrSetString(&PyrtType_ZeroDivisionError, msg);
}

PyrtObject *PyrtErr_FloatToIntError(double d)
{
    if (isnan(d))
        return Pyrt_ErrSetString(&PyrtType_ValueError, "cannot convert float NaN to integer");
    if (isinf(d))
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "cannot convert float infinity to integer");
    return PyrtErr_IntOverflow();
}

int64_t PyrtInt_AsI64Checked(PyrtObject *o)
{
    if (PYRT_LIKELY(PyrtNum_IsInt(o)))
        return PyrtInt_AsI64(o);
    Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer", o->type->name);
    return -1;
}

double PyrtFloat_AsDoubleChecked(PyrtObject *o)
{
    if (PYRT_LIKELY(PyrtNum_IsFloat(o)))
        return PyrtFloat_AsDouble(o);
    if (PyrtNum_IsInt(o))
        return (double)PyrtInt_AsI64(o);
    Pyrt_ErrFormat(&PyrtType_TypeError, "must be real number, not %s", o->type->name);
    return -1.0;
}

PyrtObject *PyrtInt_FromDouble(double d)
{
    if (!isfinite(d))
        return PyrtErr_FloatToIntError(d);
    d = trunc(d);
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        return PyrtErr_IntOverflow();
    return PyrtInt_FromI64((int64_t)d);
}

/* ------------------------------------------------------------------ checked arithmetic */
/* a / b correctly rounded: an integer quotient with at least 55 significant bits plus a sticky
 * bit for a nonzero remainder converts to double with a single rounding. */
double PyrtI64_TrueDivBig(int64_t a, int64_t b)
{
    bool neg = (a < 0) != (b < 0);
    uint64_t ua = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
    uint64_t ub = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
    if (ua == 0)
        return neg ? -0.0 : 0.0;
    int shift = 64 - __builtin_clzll(ub) - (64 - __builtin_clzll(ua)) + 56;   /* quotient ~2**55..2**57 */
    if (shift < 0)
        shift = 0;
    unsigned __int128 n = (unsigned __int128)ua << shift;
    unsigned __int128 q = n / ub;
    if (n % ub)
        q |= 1;
    double r = ldexp((double)(uint64_t)q, -shift);
    return neg ? -r : r;
}

bool PyrtI64_Pow(int64_t a, int64_t b, int64_t *r)
{
    int64_t result = 1, base = a;
    while (b > 0) {
        if ((b & 1) && PyrtI64_Mul(result, base, &result))
            return true;
        b >>= 1;
        if (b > 0 && PyrtI64_Mul(base, base, &base))
            return true;
    }
    *r = result;
    return false;
}

bool PyrtI64_LShift(int64_t a, int64_t b, int64_t *r)
{
    if (b < 0) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "negative shift count");
        return true;
    }
    if (a == 0) {
        *r = 0;
        return false;
    }
    if (b >= 64) {
        PyrtErr_IntOverflow();
        return true;
    }
    int64_t v = (int64_t)((uint64_t)a << b);
    if ((v >> b) != a) {
        PyrtErr_IntOverflow();
        return true;
    }
    *r = v;
    return false;
}

bool PyrtI64_RShift(int64_t a, int64_t b, int64_t *r)
{
    if (b < 0) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "negative shift count");
        return true;
    }
    *r = b >= 64 ? (a < 0 ? -1 : 0) : (a >> b);
    return false;
}

int64_t PyrtI64_Hash(int64_t v)
{
    const uint64_t M = ((uint64_t)1 << 61) - 1;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t h = (int64_t)(mag % M);
    if (v < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

int64_t PyrtI64_BitLength(int64_t v)
{
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return mag == 0 ? 0 : 64 - __builtin_clzll(mag);
}

/* ------------------------------------------------------------------ repr and bases */
PyrtObject *PyrtInt_Repr(int64_t v)
{
    char buf[32];
    int n = Pyrt_Snprintf(buf, sizeof buf, "%" PRId64, v);
    return PyrtStr_FromUTF8(buf, n);
}

PyrtObject *PyrtInt_ToBase(int64_t v, int base, bool prefix)
{
    char buf[80];
    char *p = buf + sizeof buf;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = "0123456789abcdefghijklmnopqrstuvwxyz"[mag % (uint64_t)base];
        mag /= (uint64_t)base;
    } while (mag);
    if (prefix) {
        *--p = base == 2 ? 'b' : base == 8 ? 'o' : base == 16 ? 'x' : '?';
        *--p = '0';
    }
    if (v < 0)
        *--p = '-';
    return PyrtStr_FromUTF8(p, (int64_t)(buf + sizeof buf - p));
}

/* ------------------------------------------------------------------ parsing int(str, base) */
static bool is_py_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Parses s[0..n) (no surrounding spaces) in `base` (0: literal rules). 0 ok, 1 invalid, 2 overflow. */
static int parse_int_text(const char *s, int64_t n, int base, int64_t *out)
{
    int64_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    bool leading_zero_ok = true, allow_underscore = false;
    if (i + 1 < n && s[i] == '0') {
        char p = (char)(s[i + 1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            i += 2;
            allow_underscore = true;
        }
    }
    if (base == 0) {
        base = 10;
        leading_zero_ok = false;
    }
    int64_t start = i, ndigits = 0;
    uint64_t mag = 0, limit = neg ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1;
    bool overflow = false, prev_underscore = false, nonzero = false;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '_') {
            if (prev_underscore || (i == start && !allow_underscore))
                return 1;
            prev_underscore = true;
            continue;
        }
        int d = digit_value(c);
        if (d >= base)
            return 1;
        prev_underscore = false;
        ndigits++;
        if (d)
            nonzero = true;
        if (mag > (limit - (uint64_t)d) / (uint64_t)base)
            overflow = true;
        else
            mag = mag * (uint64_t)base + (uint64_t)d;
    }
    if (prev_underscore || ndigits == 0)
        return 1;
    if (!leading_zero_ok && nonzero && s[start] == '0')
        return 1;
    if (overflow)
        return 2;
    *out = neg ? (int64_t)((uint64_t)0 - mag) : (int64_t)mag;
    return 0;
}

static PyrtObject *int_from_text(const char *s, int64_t n, int64_t base, PyrtObject *orig)
{
    if (base != 0 && (base < 2 || base > 36))
        return Pyrt_ErrSetString(&PyrtType_ValueError, "int() base must be >= 2 and <= 36, or 0");
    int64_t a = 0, b = n;
    while (a < b && is_py_space((unsigned char)s[a])) a++;
    while (b > a && is_py_space((unsigned char)s[b - 1])) b--;
    int64_t v = 0;
    int rc = parse_int_text(s + a, b - a, (int)base, &v);
    if (rc == 2)
        return PyrtErr_IntOverflow();
    if (rc == 1)
        return Pyrt_ErrFormat(&PyrtType_ValueError, "invalid literal for int() with base %d: %R",
                              (int)base, orig);
    return PyrtInt_FromI64(v);
}

PyrtObject *PyrtInt_FromString(PyrtObject *s, int64_t base)
{
    return int_from_text(PyrtStr_UTF8(s), ((PyrtStr *)s)->nbytes, base, s);
}

PyrtObject *PyrtInt_FromString_Checked(PyrtObject *s, int64_t base)
{
    if (s->type == &PyrtType_Str || PyrtType_IsSubtype(s->type, &PyrtType_Str))
        return PyrtInt_FromString(s, base);
    if (s->type == &PyrtType_Bytes)
        return int_from_text((const char *)((PyrtBytes *)s)->data, ((PyrtBytes *)s)->length, base, s);
    return Pyrt_ErrSetString(&PyrtType_TypeError, "int() can't convert non-string with explicit base");
}

/* int(x) for a user object with __int__ / __index__ */
static PyrtObject *int_from_dunder(PyrtObject *x)
{
    const char *names[2] = { "__int__", "__index__" };
    for (int i = 0; i < 2; i++) {
        if (!Pyrt_LookupTypeStr(x->type, names[i]))
            continue;
        PyrtObject *r = Pyrt_CallMethod(x, PyrtNum_Str(names[i]), NULL, 0, NULL);
        if (r && !PyrtNum_IsInt(r)) {
            Pyrt_ErrFormat(&PyrtType_TypeError, "%s returned non-int (type %s)", names[i], r->type->name);
            PYRT_CLEAR(r);
        }
        return r;
    }
    return Pyrt_ErrFormat(&PyrtType_TypeError,
        "int() argument must be a string, a bytes-like object or a real number, not '%s'", x->type->name);
}

PyrtObject *PyrtInt_New(PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    static const char *const names[] = { "", "base" };
    PyrtObject *a[2];
    if (PyrtNum_ParseArgs("int", args, nargs, kwnames, names, 2, 2, 0, a) < 0)
        return NULL;
    PyrtObject *x = a[0];
    if (a[1]) {
        if (!x)
            return Pyrt_ErrSetString(&PyrtType_TypeError, "int() missing string argument");
        int64_t base = PyrtInt_AsI64Checked(a[1]);
        if (base == -1 && Pyrt_ErrOccurred())
            return NULL;
        return PyrtInt_FromString_Checked(x, base);
    }
    if (!x)
        return PyrtInt_FromI64(0);
    if (x->type == &PyrtType_Int) {
        PYRT_INCREF(x);
        return x;
    }
    if (PyrtNum_IsInt(x))
        return PyrtInt_FromI64(PyrtInt_AsI64(x));
    if (PyrtNum_IsFloat(x))
        return PyrtInt_FromDouble(PyrtFloat_AsDouble(x));
    if (x->type == &PyrtType_Str || x->type == &PyrtType_Bytes || PyrtType_IsSubtype(x->type, &PyrtType_Str))
        return PyrtInt_FromString_Checked(x, 10);
    return int_from_dunder(x);
}

PyrtObject *PyrtBool_FromObj(PyrtObject *o)
{
    int t = Pyrt_IsTrue(o);
    return t < 0 ? NULL : Pyrt_BoolFromC(t);
}

static PyrtObject *int_tp_new(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)type;
    return PyrtInt_New(args, nargs, kwnames);
}

static PyrtObject *bool_tp_new(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)type;
    if (PyrtNum_NoKw("bool", kwnames) < 0 || PyrtNum_NArgs("bool", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return Pyrt_False;
    return PyrtBool_FromObj(args[0]);
}

/* ------------------------------------------------------------------ slots */
static PyrtObject *int_repr(PyrtObject *o) { return PyrtInt_Repr(PyrtInt_AsI64(o)); }

static PyrtObject *bool_repr(PyrtObject *o)
{
    PyrtObject *s = PyrtNum_Str(PyrtInt_AsI64(o) ? "True" : "False");
    PYRT_INCREF(s);
    return s;
}

static int64_t int_hash(PyrtObject *o) { return PyrtI64_Hash(PyrtInt_AsI64(o)); }

static int int_bool(PyrtObject *o) { return PyrtInt_AsI64(o) != 0; }

static PyrtObject *int_unop(PyrtObject *o, int op)
{
    int64_t v = PyrtInt_AsI64(o), r;
    switch (op) {
    case PYRT_NEG:
        if (PyrtI64_Neg(v, &r)) return NULL;
        return PyrtInt_FromI64(r);
    case PYRT_POS:
        return PyrtInt_FromI64(v);
    case PYRT_INVERT:
        return PyrtInt_FromI64(~v);
    }
    PYRT_INCREF(Pyrt_NotImplemented);
    return Pyrt_NotImplemented;
}

static PyrtObject *int_format(PyrtObject *o, PyrtObject *spec)
{
    return Pyrt_FormatI64(PyrtInt_AsI64(o), spec);
}

static PyrtObject *bool_format(PyrtObject *o, PyrtObject *spec)
{
    if (PyrtStr_Len(spec) == 0)
        return bool_repr(o);
    return Pyrt_FormatI64(PyrtInt_AsI64(o), spec);
}

/* int op int. Bitwise ops of two bools give a bool (handled by the caller). */
PyrtObject *PyrtI64_BinOp(int64_t a, int64_t b, int op)
{
    int64_t r;
    double d;
    switch (op) {
    case PYRT_ADD: if (PyrtI64_Add(a, b, &r)) return NULL; break;
    case PYRT_SUB: if (PyrtI64_Sub(a, b, &r)) return NULL; break;
    case PYRT_MUL: if (PyrtI64_Mul(a, b, &r)) return NULL; break;
    case PYRT_TRUEDIV:
        if (PyrtI64_TrueDiv(a, b, &d)) return NULL;
        return PyrtFloat_FromDouble(d);
    case PYRT_FLOORDIV: if (PyrtI64_FloorDiv(a, b, &r)) return NULL; break;
    case PYRT_MOD: if (PyrtI64_Mod(a, b, &r)) return NULL; break;
    case PYRT_POW:
        if (b < 0) {
            if (PyrtF64_Pow((double)a, (double)b, &d)) return NULL;
            return PyrtFloat_FromDouble(d);
        }
        if (PyrtI64_Pow(a, b, &r)) return NULL;
        break;
    case PYRT_LSHIFT: if (PyrtI64_LShift(a, b, &r)) return NULL; break;
    case PYRT_RSHIFT: if (PyrtI64_RShift(a, b, &r)) return NULL; break;
    case PYRT_AND: r = a & b; break;
    case PYRT_OR: r = a | b; break;
    case PYRT_XOR: r = a ^ b; break;
    default:
        PYRT_INCREF(Pyrt_NotImplemented);
        return Pyrt_NotImplemented;
    }
    return PyrtInt_FromI64(r);
}

PyrtObject *PyrtNum_BinOp(PyrtObject *a, PyrtObject *b, int op)
{
    op &= ~PYRT_INPLACE;
    bool ai = PyrtNum_IsInt(a), bi = PyrtNum_IsInt(b);
    if (ai && bi) {
        if (a->type == &PyrtType_Bool && b->type == &PyrtType_Bool &&
            (op == PYRT_AND || op == PYRT_OR || op == PYRT_XOR)) {
            int64_t x = PyrtInt_AsI64(a), y = PyrtInt_AsI64(b);
            return Pyrt_BoolFromC(op == PYRT_AND ? (x & y) : op == PYRT_OR ? (x | y) : (x ^ y));
        }
        return PyrtI64_BinOp(PyrtInt_AsI64(a), PyrtInt_AsI64(b), op);
    }
    if ((ai || PyrtNum_IsFloat(a)) && (bi || PyrtNum_IsFloat(b))) {
        double x = ai ? (double)PyrtInt_AsI64(a) : PyrtFloat_AsDouble(a);
        double y = bi ? (double)PyrtInt_AsI64(b) : PyrtFloat_AsDouble(b);
        return PyrtF64_BinOp(x, y, op);
    }
    PYRT_INCREF(Pyrt_NotImplemented);
    return Pyrt_NotImplemented;
}

static bool cmp_result(int c, int op)   /* c: <0, 0, >0 */
{
    switch (op) {
    case PYRT_LT: return c < 0;
    case PYRT_LE: return c <= 0;
    case PYRT_EQ: return c == 0;
    case PYRT_NE: return c != 0;
    case PYRT_GT: return c > 0;
    default: return c >= 0;
    }
}

/* Exact comparison of an int64 with a double (no rounding of the int). */
int PyrtNum_CompareI64F64(int64_t i, double d, int op)
{
    if (isnan(d))
        return op == PYRT_NE;
    int c;
    if (d >= 9223372036854775808.0)
        c = -1;
    else if (d < -9223372036854775808.0)
        c = 1;
    else {
        double t = trunc(d);
        int64_t ti = (int64_t)t;
        if (i != ti)
            c = i < ti ? -1 : 1;
        else
            c = d > t ? -1 : d < t ? 1 : 0;
    }
    return cmp_result(c, op);
}

static int compare_f64(double x, double y, int op)
{
    switch (op) {
    case PYRT_LT: return x < y;
    case PYRT_LE: return x <= y;
    case PYRT_EQ: return x == y;
    case PYRT_NE: return x != y;
    case PYRT_GT: return x > y;
    default: return x >= y;
    }
}

PyrtObject *PyrtNum_RichCompare(PyrtObject *a, PyrtObject *b, int op)
{
    bool ai = PyrtNum_IsInt(a), bi = PyrtNum_IsInt(b);
    bool af = PyrtNum_IsFloat(a), bf = PyrtNum_IsFloat(b);
    int r;
    if (ai && bi) {
        int64_t x = PyrtInt_AsI64(a), y = PyrtInt_AsI64(b);
        r = cmp_result(x < y ? -1 : x > y ? 1 : 0, op);
    } else if (af && bf) {
        r = compare_f64(PyrtFloat_AsDouble(a), PyrtFloat_AsDouble(b), op);
    } else if (ai && bf) {
        r = PyrtNum_CompareI64F64(PyrtInt_AsI64(a), PyrtFloat_AsDouble(b), op);
    } else if (af && bi) {
        static const int swapped[6] = { PYRT_GT, PYRT_GE, PYRT_EQ, PYRT_NE, PYRT_LT, PYRT_LE };
        r = PyrtNum_CompareI64F64(PyrtInt_AsI64(b), PyrtFloat_AsDouble(a), swapped[op]);
    } else {
        PYRT_INCREF(Pyrt_NotImplemented);
        return Pyrt_NotImplemented;
    }
    return Pyrt_BoolFromC(r);
}

/* round(int, ndigits): ndigits >= 0 returns the int; otherwise round half to even. */
PyrtObject *PyrtInt_RoundNdigits(int64_t v, int64_t ndigits)
{
    if (ndigits >= 0)
        return PyrtInt_FromI64(v);
    if (ndigits < -19)
        return PyrtInt_FromI64(0);
    uint64_t p = 1;
    for (int64_t k = 0; k < -ndigits; k++) p *= 10;
    /* work with the magnitude to avoid overflow; the result's sign is v's */
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint64_t q = mag / p, rem = mag % p;
    if (rem > p - rem || (rem == p - rem && (q & 1)))
        q++;
    if (q != 0 && q > UINT64_MAX / p)
        return PyrtErr_IntOverflow();
    uint64_t rmag = q * p;
    if (rmag > ((uint64_t)1 << 63) || (v >= 0 && rmag == ((uint64_t)1 << 63)))
        return PyrtErr_IntOverflow();
    return PyrtInt_FromI64(v < 0 ? (int64_t)((uint64_t)0 - rmag) : (int64_t)rmag);
}

/* ------------------------------------------------------------------ methods */
PyrtObject *PyrtInt_meth_bit_length(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.bit_length", kwnames) < 0 || PyrtNum_NArgs("int.bit_length", nargs, 0, 0) < 0)
        return NULL;
    return PyrtInt_FromI64(PyrtI64_BitLength(PyrtInt_AsI64(self)));
}

PyrtObject *PyrtInt_meth_bit_count(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.bit_count", kwnames) < 0 || PyrtNum_NArgs("int.bit_count", nargs, 0, 0) < 0)
        return NULL;
    int64_t v = PyrtInt_AsI64(self);
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return PyrtInt_FromI64(__builtin_popcountll(mag));
}

PyrtObject *PyrtInt_meth_conjugate(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.conjugate", kwnames) < 0 || PyrtNum_NArgs("int.conjugate", nargs, 0, 0) < 0)
        return NULL;
    return PyrtInt_FromI64(PyrtInt_AsI64(self));
}

/* int(x) and float(x) as methods: x.__index__(), x.__int__(), x.__float__(), ... */
static PyrtObject *int_meth_as_int(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.__int__", kwnames) < 0 || PyrtNum_NArgs("int.__int__", nargs, 0, 0) < 0)
        return NULL;
    return PyrtInt_FromI64(PyrtInt_AsI64(self));
}

static PyrtObject *int_meth_as_float(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.__float__", kwnames) < 0 || PyrtNum_NArgs("int.__float__", nargs, 0, 0) < 0)
        return NULL;
    return PyrtFloat_FromDouble((double)PyrtInt_AsI64(self));
}

static PyrtObject *int_meth___abs__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.__abs__", kwnames) < 0 || PyrtNum_NArgs("int.__abs__", nargs, 0, 0) < 0)
        return NULL;
    int64_t v = PyrtInt_AsI64(self);
    if (v == INT64_MIN)
        return PyrtErr_IntOverflow();
    return PyrtInt_FromI64(v < 0 ? -v : v);
}

/* "big" -> 1, "little" -> 0, else ValueError (-1) */
static int byteorder_of(PyrtObject *o)
{
    if (PyrtStr_Check(o)) {
        if (strcmp(PyrtStr_UTF8(o), "big") == 0)
            return 1;
        if (strcmp(PyrtStr_UTF8(o), "little") == 0)
            return 0;
    } else {
        Pyrt_ErrFormat(&PyrtType_TypeError, "to_bytes() argument 'byteorder' must be str, not %s", o->type->name);
        return -1;
    }
    Pyrt_ErrSetString(&PyrtType_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

/* the byteorder (out[1], default 'big') and signed (out[2], default False) arguments; -1 on error */
static int order_and_sign(PyrtObject *const *out, int *big, int *is_signed)
{
    *big = out[1] ? byteorder_of(out[1]) : 1;
    if (*big < 0)
        return -1;
    *is_signed = out[2] ? Pyrt_IsTrue(out[2]) : 0;
    return *is_signed < 0 ? -1 : 0;
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False) */
static PyrtObject *int_meth_to_bytes(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    static const PyrtArgSpec spec = {"to_bytes", 2, 0, 1, 0, 0, names, 0};
    PyrtObject *out[3];
    if (Pyrt_ParseArgs(&spec, args, nargs, kwnames, out) < 0)
        return NULL;
    int64_t length = 1;
    if (out[0] && (length = PyrtInt_AsI64Checked(out[0]), pyrt_exc))
        return NULL;
    int big, is_signed;
    if (order_and_sign(out, &big, &is_signed) < 0)
        return NULL;
    if (length < 0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "length argument must be non-negative");
    int64_t v = PyrtInt_AsI64(self);
    if (v < 0 && !is_signed)
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "can't convert negative int to unsigned");
    /* does v fit in length bytes? */
    if (length < 8) {
        int64_t lo, hi;
        if (is_signed) {
            hi = length == 0 ? 0 : (int64_t)(((uint64_t)1 << (8 * length - 1)) - 1);
            lo = length == 0 ? 0 : -hi - 1;
        } else {
            lo = 0;
            hi = length == 0 ? 0 : (int64_t)(((uint64_t)1 << (8 * length)) - 1);
        }
        if (v < lo || v > hi)
            return Pyrt_ErrSetString(&PyrtType_OverflowError, "int too big to convert");
    }
    PyrtObject *r = PyrtBytes_NewRaw(length);
    if (!r)
        return NULL;
    unsigned char *d = (unsigned char *)PyrtBytes_Data(r);
    uint64_t u = (uint64_t)v;
    for (int64_t i = 0; i < length; i++) {
        unsigned char byte = i < 8 ? (unsigned char)(u >> (8 * i)) : (v < 0 ? 0xFF : 0);
        d[big ? length - 1 - i : i] = byte;
    }
    return r;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False): a class method */
static PyrtObject *int_meth_from_bytes(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    static const PyrtArgSpec spec = {"from_bytes", 2, 0, 1, 0, 0, names, 1};
    PyrtObject *out[3];
    (void)type;
    int big, is_signed;
    if (Pyrt_ParseArgs(&spec, args, nargs, kwnames, out) < 0 || order_and_sign(out, &big, &is_signed) < 0)
        return NULL;
    PyrtObject *b = out[0];
    if (b->type != &PyrtType_Bytes) {
        PyrtObject *a[1] = {b};
        b = PyrtBytes_New((PyrtObject *)&PyrtType_Bytes, a, 1, NULL);
        if (!b)
            return NULL;
    } else {
        Pyrt_IncRef(b);
    }
    int64_t n = PyrtBytes_Len(b);
    const unsigned char *d = PyrtBytes_Data(b);
    uint64_t u = 0;
    int overflow = 0;
    for (int64_t i = 0; i < n; i++) {   /* most significant byte first */
        unsigned char byte = d[big ? i : n - 1 - i];
        if (u >> 56)
            overflow = 1;
        u = (u << 8) | byte;
    }
    bool negative = is_signed && n > 0 && (d[big ? 0 : n - 1] & 0x80);
    PYRT_DECREF(b);
    if (negative && n < 8)
        u |= ~(uint64_t)0 << (8 * n);   /* sign-extend */
    if (overflow || (!negative && (u >> 63)) || (negative && n > 8))
        return PyrtErr_IntOverflow();
    return PyrtInt_FromI64((int64_t)u);
}

/* x.__round__(ndigits=None): what round() calls (an int, also for bools) */
static PyrtObject *int_meth___round__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtNum_NoKw("__round__", kwnames) < 0 || PyrtNum_NArgs("__round__", nargs, 0, 1) < 0)
        return NULL;
    int64_t v = PyrtInt_AsI64(self);
    if (nargs == 0 || args[0] == Pyrt_None)
        return PyrtInt_FromI64(v);
    int64_t n = PyrtInt_AsI64Checked(args[0]);
    if (n == -1 && Pyrt_ErrOccurred())
        return NULL;
    return PyrtInt_RoundNdigits(v, n);
}

static const PyrtMethodDef int_methods[] = {
    { "bit_length", PyrtInt_meth_bit_length },
    { "__round__", int_meth___round__ },
    { "bit_count", PyrtInt_meth_bit_count },
    { "conjugate", PyrtInt_meth_conjugate },
    { "__index__", int_meth_as_int },
    { "__int__", int_meth_as_int },
    { "__trunc__", int_meth_as_int },
    { "__floor__", int_meth_as_int },
    { "__ceil__", int_meth_as_int },
    { "__float__", int_meth_as_float },
    { "__abs__", int_meth___abs__ },
    { "to_bytes", int_meth_to_bytes },
    { "from_bytes", int_meth_from_bytes, PYRT_METH_TYPE },
    { NULL, NULL },
};

/* ------------------------------------------------------------------ type objects */
PyrtType PyrtType_Int = {
    .ob = PYRT_TYPE_HEAD,
    .name = "int",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtInt),
    .flags = PYRT_TPFLAG_INT,
    .repr = int_repr,
    .hash = int_hash,
    .richcompare = PyrtNum_RichCompare,
    .bool_ = int_bool,
};

PyrtType PyrtType_Bool = {
    .ob = PYRT_TYPE_HEAD,
    .name = "bool",
    .base = &PyrtType_Int,
    .basicsize = sizeof(PyrtInt),
    .flags = PYRT_TPFLAG_INT | PYRT_TPFLAG_NOSUBCLASS,
    .repr = bool_repr,
    .hash = int_hash,
    .richcompare = PyrtNum_RichCompare,
    .bool_ = int_bool,
};

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_int(void)
{
    PyrtType_Int.methods = int_methods;
    PyrtType_Bool.methods = int_methods;
}
void pyrt_lazy_binop_int(void)
{
    PyrtType_Int.binop = PyrtNum_BinOp;
    PyrtType_Bool.binop = PyrtNum_BinOp;
}
void pyrt_lazy_unop_int(void)
{
    PyrtType_Int.unop = int_unop;
    PyrtType_Bool.unop = int_unop;
}
void pyrt_lazy_format_int(void)
{
    PyrtType_Int.format = int_format;
    PyrtType_Bool.format = bool_format;
}
void pyrt_lazy_tp_new_int(void)
{
    PyrtType_Int.tp_new = int_tp_new;
    PyrtType_Bool.tp_new = bool_tp_new;
}

/* ================================================================== int | float, unboxed (PyrtNum) */

PyrtNum PyrtNum_Unbox(PyrtObject *o)
{
    if (PYRT_LIKELY(o->type == &PyrtType_Float))
        return PyrtNum_F(PyrtFloat_AsDouble(o));
    if (PYRT_LIKELY(o->type == &PyrtType_Int))
        return PyrtNum_I(PyrtInt_AsI64(o));
    Pyrt_ErrFormat(&PyrtType_TypeError, "pyrite: expected int or float, got '%s'", o->type->name);
    return PYRT_NUM_ERR;
}

PyrtObject *PyrtNum_Box(PyrtNum a)
{
    return a.kind ? PyrtFloat_FromDouble(a.v.f) : PyrtInt_FromI64(a.v.i);
}

bool PyrtNum_FloorDiv(PyrtNum a, PyrtNum b, PyrtNum *r)
{
    if ((a.kind | b.kind) == 0) {
        r->kind = 0;
        return PyrtI64_FloorDiv(a.v.i, b.v.i, &r->v.i);
    }
    r->kind = 1;
    return PyrtF64_FloorDiv(PyrtNum_AsF64(a), PyrtNum_AsF64(b), &r->v.f);
}

bool PyrtNum_Mod(PyrtNum a, PyrtNum b, PyrtNum *r)
{
    if ((a.kind | b.kind) == 0) {
        r->kind = 0;
        return PyrtI64_Mod(a.v.i, b.v.i, &r->v.i);
    }
    r->kind = 1;
    return PyrtF64_Mod(PyrtNum_AsF64(a), PyrtNum_AsF64(b), &r->v.f);
}

bool PyrtNum_Pow(PyrtNum a, PyrtNum b, PyrtNum *r)
{
    if ((a.kind | b.kind) == 0 && b.v.i >= 0) {
        r->kind = 0;
        return PyrtI64_Pow(a.v.i, b.v.i, &r->v.i);
    }
    r->kind = 1;
    return PyrtF64_Pow(PyrtNum_AsF64(a), PyrtNum_AsF64(b), &r->v.f);
}

bool PyrtNum_TrueDiv(PyrtNum a, PyrtNum b, double *r)
{
    if ((a.kind | b.kind) == 0)
        return PyrtI64_TrueDiv(a.v.i, b.v.i, r);
    return PyrtF64_Div(PyrtNum_AsF64(a), PyrtNum_AsF64(b), r);
}

bool PyrtNum_Abs(PyrtNum a, PyrtNum *r)
{
    if (a.kind) {
        *r = PyrtNum_F(fabs(a.v.f));
        return false;
    }
    if (a.v.i >= 0) {
        *r = a;
        return false;
    }
    r->kind = 0;
    return PyrtI64_Neg(a.v.i, &r->v.i);
}
