/* int.c: the int and bool types. An int is compact (its int64 value in PyrtInt.value) or big
 * (value == PYRT_INT_BIG: a PyrtLong, whose arithmetic is in long.c); every generic operation here
 * takes the compact path first and hands big operands to long.c. Small ints -5..1024 and
 * True/False are immortal. Holds int(...) parsing (bases, prefixes, underscores), repr and bin/oct/hex, CPython's
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
    if (PYRT_UNLIKELY(v == PYRT_INT_BIG))   /* INT64_MIN is big in canonical form */
        return PyrtLong_FromI64Min();
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
    return Pyrt_ErrSetString(&PyrtType_OverflowError, "integer overflow: typed ints are 64-bit (built with --int64; without it ints are exact)");
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
    return PyrtLong_FromDouble(d);
}

int64_t PyrtInt_AsI64Checked(PyrtObject *o)
{
    if (PYRT_LIKELY(PyrtNum_IsInt(o))) {
        int64_t v;
        if (PYRT_UNLIKELY(!PyrtInt_ToI64(o, &v))) {
            PyrtErr_IntOverflow();
            return -1;
        }
        return v;
    }
    Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer", o->type->name);
    return -1;
}

/* o an int: its exact int64 value (INT64_MIN included, which is big), else false */
bool PyrtInt_ToI64(PyrtObject *o, int64_t *out)
{
    if (PYRT_LIKELY(!PyrtInt_IsBig(o))) {
        *out = PyrtInt_AsI64(o);
        return true;
    }
    PyrtLong *l = (PyrtLong *)o;
    if (l->size == -2 && l->digits[0] == 0 && l->digits[1] == 0x80000000u) {
        *out = INT64_MIN;
        return true;
    }
    return false;
}

/* A size argument (str.ljust width, to_bytes length, ...): OverflowError as CPython's
 * PyNumber_AsSsize_t for big ints, TypeError for non-ints; 0 / -1 */
int PyrtInt_AsSsize(PyrtObject *o, int64_t *out)
{
    if (PYRT_LIKELY(PyrtNum_IsInt(o))) {
        if (PYRT_UNLIKELY(PyrtInt_IsBig(o))) {
            Pyrt_ErrSetString(&PyrtType_OverflowError, "Python int too large to convert to C ssize_t");
            return -1;
        }
        *out = PyrtInt_AsI64(o);
        return 0;
    }
    Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer", o->type->name);
    return -1;
}

/* An index (list/str/tuple subscript): IndexError for big ints, as CPython */
int PyrtInt_AsIndexOrIndexError(PyrtObject *o, int64_t *out)
{
    if (PYRT_UNLIKELY(PyrtInt_IsBig(o))) {
        Pyrt_ErrSetString(&PyrtType_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    *out = PyrtInt_AsI64(o);
    return 0;
}

/* A count (sequence repetition): OverflowError for big ints, as CPython */
int PyrtInt_AsCount(PyrtObject *o, int64_t *out)
{
    if (PYRT_UNLIKELY(PyrtInt_IsBig(o))) {
        Pyrt_ErrSetString(&PyrtType_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    *out = PyrtInt_AsI64(o);
    return 0;
}

/* o an int: its value, big ints clamped to +-INT64_MAX (slice bounds) */
int64_t PyrtInt_AsClamped(PyrtObject *o)
{
    if (PYRT_LIKELY(!PyrtInt_IsBig(o)))
        return PyrtInt_AsI64(o);
    return PyrtLong_Sign(o) > 0 ? INT64_MAX : -INT64_MAX;
}

/* round()'s ndigits: an int, big values clamped (they round to the int itself or to 0) */
int PyrtInt_AsNdigits(PyrtObject *o, int64_t *out)
{
    if (PyrtNum_IsInt(o) && PyrtInt_IsBig(o)) {
        *out = PyrtLong_Sign(o) > 0 ? INT64_MAX : -INT64_MAX;
        return 0;
    }
    *out = PyrtInt_AsI64Checked(o);
    return *out == -1 && Pyrt_ErrOccurred() ? -1 : 0;
}

double PyrtFloat_AsDoubleChecked(PyrtObject *o)
{
    if (PYRT_LIKELY(PyrtNum_IsFloat(o)))
        return PyrtFloat_AsDouble(o);
    if (PyrtNum_IsInt(o))
        return PyrtInt_AsDouble(o);
    Pyrt_ErrFormat(&PyrtType_TypeError, "must be real number, not %s", o->type->name);
    return -1.0;
}

PyrtObject *PyrtInt_FromDouble(double d)
{
    if (!isfinite(d))
        return PyrtErr_FloatToIntError(d);
    d = trunc(d);
    if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
        return PyrtLong_FromDouble(d);
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

static PyrtObject *str_digits_error(int64_t ndigits)
{
    return Pyrt_ErrFormat(&PyrtType_ValueError,
        "Exceeds the limit (%lld digits) for integer string conversion: value has %lld digits; "
        "use sys.set_int_max_str_digits() to increase the limit",
        (long long)pyrt_int_max_str_digits, (long long)ndigits);
}

/* Parses s[0..n) (no surrounding spaces) in `base` (0: literal rules). Returns the int, or NULL with
 * *invalid set (the caller's ValueError) or an exception set (the digit limit, memory). */
static PyrtObject *parse_int_text(const char *s, int64_t n, int base, bool *invalid)
{
    int64_t i = 0;
    bool neg = false;
    *invalid = true;
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
    bool overflow = false, prev_underscore = false, nonzero = false, bad = false;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '_') {
            if (prev_underscore || (i == start && !allow_underscore)) {
                bad = true;
                break;
            }
            prev_underscore = true;
            continue;
        }
        int d = digit_value(c);
        if (d >= base) {
            bad = true;
            break;
        }
        prev_underscore = false;
        ndigits++;
        if (d)
            nonzero = true;
        if (overflow || mag > (limit - (uint64_t)d) / (uint64_t)base)
            overflow = true;
        else
            mag = mag * (uint64_t)base + (uint64_t)d;
    }
    /* CPython counts the digits before the first invalid character against the limit */
    if ((base & (base - 1)) != 0 && pyrt_int_max_str_digits > 0 && ndigits > pyrt_int_max_str_digits) {
        *invalid = false;
        return str_digits_error(ndigits);
    }
    if (bad || prev_underscore || ndigits == 0)
        return NULL;
    if (!leading_zero_ok && nonzero && s[start] == '0')
        return NULL;
    *invalid = false;
    if (!overflow)
        return PyrtInt_FromI64(neg ? (int64_t)((uint64_t)0 - mag) : (int64_t)mag);
    unsigned char *vals = Pyrt_Malloc((size_t)ndigits);
    if (!vals)
        return NULL;
    int64_t k = 0;
    for (i = start; i < n; i++)
        if (s[i] != '_')
            vals[k++] = (unsigned char)digit_value((unsigned char)s[i]);
    PyrtObject *r = PyrtLong_FromDigitValues(vals, k, base, neg);
    Pyrt_Free(vals);
    return r;
}

static PyrtObject *int_from_text(const char *s, int64_t n, int64_t base, PyrtObject *orig)
{
    if (base != 0 && (base < 2 || base > 36))
        return Pyrt_ErrSetString(&PyrtType_ValueError, "int() base must be >= 2 and <= 36, or 0");
    int64_t a = 0, b = n;
    while (a < b && is_py_space((unsigned char)s[a])) a++;
    while (b > a && is_py_space((unsigned char)s[b - 1])) b--;
    bool invalid;
    PyrtObject *r = parse_int_text(s + a, b - a, (int)base, &invalid);
    if (!r && invalid)
        return Pyrt_ErrFormat(&PyrtType_ValueError, "invalid literal for int() with base %d: %R",
                              (int)base, orig);
    return r;
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
    if ((s->type->flags & PYRT_TPFLAG_USER) && strcmp(s->type->name, "bytearray") == 0
        && s->type->module && strcmp(s->type->module, "builtins") == 0) {
        /* pyrite's bytearray (pyrite/lib/_pyrite_bytearray.py), through its bytes */
        PyrtObject *f = Pyrt_LookupTypeStr(s->type, "__bytes__");
        PyrtObject *b = f ? Pyrt_Call(f, &s, 1, NULL) : NULL;
        if (!b)
            return NULL;
        PyrtObject *r = PyrtBytes_Check(b) ? PyrtInt_FromString_Checked(b, base) : NULL;
        PYRT_DECREF(b);
        return r;
    }
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
        return PyrtInt_Exact(x);
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
static PyrtObject *int_repr(PyrtObject *o)
{
    if (PYRT_UNLIKELY(PyrtInt_IsBig(o)))
        return PyrtLong_Format(o, 10, false);
    return PyrtInt_Repr(PyrtInt_AsI64(o));
}

static PyrtObject *bool_repr(PyrtObject *o)
{
    PyrtObject *s = PyrtNum_Str(PyrtInt_AsI64(o) ? "True" : "False");
    PYRT_INCREF(s);
    return s;
}

static int64_t int_hash(PyrtObject *o)
{
    if (PYRT_UNLIKELY(PyrtInt_IsBig(o)))
        return PyrtLong_Hash(o);
    return PyrtI64_Hash(PyrtInt_AsI64(o));
}

static int int_bool(PyrtObject *o) { return PyrtInt_AsI64(o) != 0; }   /* a big int's value is nonzero */

static PyrtObject *int_unop(PyrtObject *o, int op)
{
    if (PYRT_UNLIKELY(PyrtInt_IsBig(o))) {
        switch (op) {
        case PYRT_NEG: return PyrtLong_Neg(o);
        case PYRT_POS: PYRT_INCREF(o); return o;
        case PYRT_INVERT: return PyrtLong_Invert(o);
        }
        PYRT_INCREF(Pyrt_NotImplemented);
        return Pyrt_NotImplemented;
    }
    int64_t v = PyrtInt_AsI64(o);
    switch (op) {
    case PYRT_NEG:
        return PyrtInt_FromI64(-v);   /* v != INT64_MIN (big); -INT64_MAX-... fits */
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
    return Pyrt_FormatInt(o, spec);
}

static PyrtObject *bool_format(PyrtObject *o, PyrtObject *spec)
{
    if (PyrtStr_Len(spec) == 0)
        return bool_repr(o);
    return Pyrt_FormatI64(PyrtInt_AsI64(o), spec);
}

/* a ** b for b >= 0 without raising: true on overflow */
static bool i64_pow_ovf(int64_t a, int64_t b, int64_t *r)
{
    int64_t result = 1, base = a;
    while (b > 0) {
        if ((b & 1) && __builtin_mul_overflow(result, base, &result))
            return true;
        b >>= 1;
        if (b > 0 && __builtin_mul_overflow(base, base, &base))
            return true;
    }
    *r = result;
    return false;
}

/* int op int on int64 values; a result beyond int64 is a big int. Bitwise ops of two bools give a
 * bool (handled by the caller). */
PyrtObject *PyrtI64_BinOp(int64_t a, int64_t b, int op)
{
    int64_t r;
    double d;
    switch (op) {
    case PYRT_ADD: if (__builtin_add_overflow(a, b, &r)) goto big; break;
    case PYRT_SUB: if (__builtin_sub_overflow(a, b, &r)) goto big; break;
    case PYRT_MUL: if (__builtin_mul_overflow(a, b, &r)) goto big; break;
    case PYRT_TRUEDIV:
        if (PyrtI64_TrueDiv(a, b, &d)) return NULL;
        return PyrtFloat_FromDouble(d);
    case PYRT_FLOORDIV:
        if (a == INT64_MIN && b == -1) goto big;
        if (PyrtI64_FloorDiv(a, b, &r)) return NULL;
        break;
    case PYRT_MOD: if (PyrtI64_Mod(a, b, &r)) return NULL; break;
    case PYRT_POW:
        if (b < 0) {
            if (PyrtF64_Pow((double)a, (double)b, &d)) return NULL;
            return PyrtFloat_FromDouble(d);
        }
        if (i64_pow_ovf(a, b, &r)) goto big;
        break;
    case PYRT_LSHIFT:
        if (b < 0)
            return Pyrt_ErrSetString(&PyrtType_ValueError, "negative shift count");
        if (a == 0) {
            r = 0;
            break;
        }
        if (b >= 63 || ((int64_t)((uint64_t)a << b) >> b) != a) goto big;
        r = (int64_t)((uint64_t)a << b);
        break;
    case PYRT_RSHIFT: if (PyrtI64_RShift(a, b, &r)) return NULL; break;
    case PYRT_AND: r = a & b; break;
    case PYRT_OR: r = a | b; break;
    case PYRT_XOR: r = a ^ b; break;
    default:
        PYRT_INCREF(Pyrt_NotImplemented);
        return Pyrt_NotImplemented;
    }
    return PyrtInt_FromI64(r);
big:
    return PyrtLong_BinOpI64(a, b, op);
}

PyrtObject *PyrtNum_BinOp(PyrtObject *a, PyrtObject *b, int op)
{
    op &= ~PYRT_INPLACE;
    if (PYRT_LIKELY(a->type == &PyrtType_Int && b->type == &PyrtType_Int)) {   /* the common case first */
        int64_t x = PyrtInt_AsI64(a), y = PyrtInt_AsI64(b);
        if (PYRT_LIKELY(x != PYRT_INT_BIG && y != PYRT_INT_BIG))
            return PyrtI64_BinOp(x, y, op);
        return PyrtLong_BinOp(a, b, op);
    }
    bool ai = PyrtNum_IsInt(a), bi = PyrtNum_IsInt(b);
    if (ai && bi) {
        if (a->type == &PyrtType_Bool && b->type == &PyrtType_Bool &&
            (op == PYRT_AND || op == PYRT_OR || op == PYRT_XOR)) {
            int64_t x = PyrtInt_AsI64(a), y = PyrtInt_AsI64(b);
            return Pyrt_BoolFromC(op == PYRT_AND ? (x & y) : op == PYRT_OR ? (x | y) : (x ^ y));
        }
        if (PYRT_UNLIKELY(PyrtInt_IsBig(a) || PyrtInt_IsBig(b)))
            return PyrtLong_BinOp(a, b, op);
        return PyrtI64_BinOp(PyrtInt_AsI64(a), PyrtInt_AsI64(b), op);
    }
    if ((ai || PyrtNum_IsFloat(a)) && (bi || PyrtNum_IsFloat(b))) {
        if (op == PYRT_AND || op == PYRT_OR || op == PYRT_XOR || op == PYRT_LSHIFT || op == PYRT_RSHIFT) {
            PYRT_INCREF(Pyrt_NotImplemented);
            return Pyrt_NotImplemented;
        }
        double x = ai ? PyrtInt_AsDouble(a) : PyrtFloat_AsDouble(a);
        if (x == -1.0 && ai && Pyrt_ErrOccurred())
            return NULL;
        double y = bi ? PyrtInt_AsDouble(b) : PyrtFloat_AsDouble(b);
        if (y == -1.0 && bi && Pyrt_ErrOccurred())
            return NULL;
        return PyrtF64_BinOp(x, y, op);
    }
    PYRT_INCREF(Pyrt_NotImplemented);
    return Pyrt_NotImplemented;
}

bool PyrtNum_CmpResult(int c, int op)   /* c: <0, 0, >0 */
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
    return PyrtNum_CmpResult(c, op);
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

/* int (compact or big) <op> double, exactly */
static int compare_int_f64(PyrtObject *a, double d, int op)
{
    if (PYRT_LIKELY(!PyrtInt_IsBig(a)))
        return PyrtNum_CompareI64F64(PyrtInt_AsI64(a), d, op);
    int c = PyrtLong_CompareDouble(a, d);
    return c == 2 ? op == PYRT_NE : PyrtNum_CmpResult(c, op);
}

PyrtObject *PyrtNum_RichCompare(PyrtObject *a, PyrtObject *b, int op)
{
    if (PYRT_LIKELY(a->type == &PyrtType_Int && b->type == &PyrtType_Int)) {   /* the common case first */
        int64_t x = PyrtInt_AsI64(a), y = PyrtInt_AsI64(b);
        if (PYRT_LIKELY(x != PYRT_INT_BIG && y != PYRT_INT_BIG))
            return Pyrt_BoolFromC(PyrtNum_CmpResult(x < y ? -1 : x > y ? 1 : 0, op));
    }
    bool ai = PyrtNum_IsInt(a), bi = PyrtNum_IsInt(b);
    bool af = PyrtNum_IsFloat(a), bf = PyrtNum_IsFloat(b);
    int r;
    if (ai && bi) {
        int64_t x = PyrtInt_AsI64(a), y = PyrtInt_AsI64(b);
        if (PYRT_UNLIKELY(x == PYRT_INT_BIG || y == PYRT_INT_BIG))
            r = PyrtNum_CmpResult(PyrtLong_Compare(a, b), op);
        else
            r = PyrtNum_CmpResult(x < y ? -1 : x > y ? 1 : 0, op);
    } else if (af && bf) {
        r = compare_f64(PyrtFloat_AsDouble(a), PyrtFloat_AsDouble(b), op);
    } else if (ai && bf) {
        r = compare_int_f64(a, PyrtFloat_AsDouble(b), op);
    } else if (af && bi) {
        static const int swapped[6] = { PYRT_GT, PYRT_GE, PYRT_EQ, PYRT_NE, PYRT_LT, PYRT_LE };
        r = compare_int_f64(b, PyrtFloat_AsDouble(a), swapped[op]);
    } else {
        PYRT_INCREF(Pyrt_NotImplemented);
        return Pyrt_NotImplemented;
    }
    return Pyrt_BoolFromC(r);
}

/* round(x, ndigits) for any int x: ndigits >= 0 returns x; otherwise x - r where q, r =
 * divmod(x, 10**-ndigits) rounded half to even (CPython's divmod_near) */
PyrtObject *PyrtInt_RoundObj(PyrtObject *x, int64_t ndigits)
{
    if (ndigits >= 0 || PyrtInt_AsI64(x) == 0) {
        if (x->type == &PyrtType_Int) {
            PYRT_INCREF(x);
            return x;
        }
        return PyrtInt_FromI64(PyrtInt_AsI64(x));
    }
    /* |x| < 2**bits <= 10**(k-1) < 10**k / 2: rounds to 0 */
    int64_t bits = PyrtLong_BitLength(x);
    if (ndigits < -((int64_t)1 << 40) || (double)bits * 0.30103 < (double)(-ndigits) - 1.0)
        return PyrtInt_FromI64(0);
    PyrtObject *ten = PyrtInt_FromI64(10), *k = PyrtInt_FromI64(-ndigits);
    PyrtObject *p = k ? PyrtLong_BinOp(ten, k, PYRT_POW) : NULL;
    PYRT_XDECREF(k);
    if (!p)
        return NULL;
    PyrtObject *q = NULL, *r = NULL, *res = NULL, *r2 = NULL;
    if (PyrtLong_DivMod(x, p, &q, &r) < 0)
        goto done;
    if (!(r2 = PyrtLong_BinOp(r, r, PYRT_ADD)))
        goto done;
    int c = PyrtLong_Compare(r2, p);
    bool q_odd = (PyrtInt_IsBig(q) ? ((PyrtLong *)q)->digits[0] : (uint64_t)PyrtInt_AsI64(q)) & 1;
    if (c > 0 || (c == 0 && q_odd)) {
        PyrtObject *t = PyrtLong_BinOp(r, p, PYRT_SUB);
        PYRT_DECREF(r);
        if (!(r = t))
            goto done;
    }
    res = PyrtLong_BinOp(x, r, PYRT_SUB);
done:
    PYRT_XDECREF(q);
    PYRT_XDECREF(r);
    PYRT_XDECREF(r2);
    PYRT_DECREF(p);
    return res;
}

/* round(int, ndigits): ndigits >= 0 returns the int; otherwise round half to even. */
PyrtObject *PyrtInt_RoundNdigits(int64_t v, int64_t ndigits)
{
    PyrtObject *x = PyrtInt_FromI64(v);
    if (!x)
        return NULL;
    PyrtObject *r = PyrtInt_RoundObj(x, ndigits);
    PYRT_DECREF(x);
    return r;
}

/* ------------------------------------------------------------------ methods */
PyrtObject *PyrtInt_meth_bit_length(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.bit_length", kwnames) < 0 || PyrtNum_NArgs("int.bit_length", nargs, 0, 0) < 0)
        return NULL;
    return PyrtInt_FromI64(PyrtLong_BitLength(self));
}

PyrtObject *PyrtInt_meth_bit_count(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.bit_count", kwnames) < 0 || PyrtNum_NArgs("int.bit_count", nargs, 0, 0) < 0)
        return NULL;
    return PyrtInt_FromI64(PyrtLong_BitCount(self));
}

/* the int itself (a bool gives the plain int) */
static PyrtObject *int_self(PyrtObject *self)
{
    if (self->type == &PyrtType_Int) {
        PYRT_INCREF(self);
        return self;
    }
    return PyrtInt_FromI64(PyrtInt_AsI64(self));
}

PyrtObject *PyrtInt_meth_conjugate(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.conjugate", kwnames) < 0 || PyrtNum_NArgs("int.conjugate", nargs, 0, 0) < 0)
        return NULL;
    return int_self(self);
}

/* int(x) and float(x) as methods: x.__index__(), x.__int__(), x.__float__(), ... */
static PyrtObject *int_meth_as_int(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.__int__", kwnames) < 0 || PyrtNum_NArgs("int.__int__", nargs, 0, 0) < 0)
        return NULL;
    return int_self(self);
}

static PyrtObject *int_meth_as_float(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.__float__", kwnames) < 0 || PyrtNum_NArgs("int.__float__", nargs, 0, 0) < 0)
        return NULL;
    double d = PyrtInt_AsDouble(self);
    if (d == -1.0 && Pyrt_ErrOccurred())
        return NULL;
    return PyrtFloat_FromDouble(d);
}

static PyrtObject *int_meth___abs__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("int.__abs__", kwnames) < 0 || PyrtNum_NArgs("int.__abs__", nargs, 0, 0) < 0)
        return NULL;
    return PyrtInt_Abs(self);
}

PyrtObject *PyrtInt_Abs(PyrtObject *x)
{
    if (PYRT_UNLIKELY(PyrtInt_IsBig(x)))
        return PyrtLong_Abs(x);
    int64_t v = PyrtInt_AsI64(x);
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
    if (out[0] && PyrtInt_AsSsize(out[0], &length) < 0)
        return NULL;
    int big, is_signed;
    if (order_and_sign(out, &big, &is_signed) < 0)
        return NULL;
    if (length < 0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "length argument must be non-negative");
    PyrtObject *r = PyrtBytes_NewRaw(length);
    if (!r)
        return NULL;
    if (PyrtLong_ToBytes(self, (unsigned char *)PyrtBytes_Data(r), length, !big, is_signed) < 0) {
        PYRT_DECREF(r);
        return NULL;
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
    PyrtObject *r = PyrtLong_FromBytes(PyrtBytes_Data(b), PyrtBytes_Len(b), !big, is_signed);
    PYRT_DECREF(b);
    return r;
}

/* x.__round__(ndigits=None): what round() calls (an int, also for bools) */
static PyrtObject *int_meth___round__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtNum_NoKw("__round__", kwnames) < 0 || PyrtNum_NArgs("__round__", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0 || args[0] == Pyrt_None)
        return int_self(self);
    int64_t n;
    if (PyrtInt_AsNdigits(args[0], &n) < 0)
        return NULL;
    return PyrtInt_RoundObj(self, n);
}

static PyrtObject *int_meth___new__(PyrtObject *cls, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    return PyrtBuiltin_meth___new__(cls, args, nargs, kwnames, &PyrtType_Int);
}

static PyrtObject *int_meth___format__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtNum_NoKw("__format__", kwnames) < 0 || PyrtNum_NArgs("__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!PyrtStr_Check(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "__format__() argument must be str, not %s", args[0]->type->name);
    return Pyrt_FormatInt(self, args[0]);
}

static PyrtObject *int_meth___getnewargs__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("__getnewargs__", kwnames) < 0 || PyrtNum_NArgs("__getnewargs__", nargs, 0, 0) < 0)
        return NULL;
    PyrtObject *v = PyrtInt_Exact(self);
    PyrtObject *t = v ? PyrtTuple_FromArray(&v, 1) : NULL;
    Pyrt_XDecRef(v);
    return t;
}

static const PyrtMethodDef int_methods[] = {
    { "__new__", int_meth___new__ },
    { "__format__", int_meth___format__ },
    { "__getnewargs__", int_meth___getnewargs__ },
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
    .flags = PYRT_TPFLAG_INT | PYRT_TPFLAG_BASETYPE,
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
    if (PYRT_LIKELY(o->type == &PyrtType_Int)) {
        if (PYRT_UNLIKELY(PyrtInt_IsBig(o))) {
            PyrtErr_IntOverflow();
            return PYRT_NUM_ERR;
        }
        return PyrtNum_I(PyrtInt_AsI64(o));
    }
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
