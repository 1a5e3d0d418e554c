/* float.c: the float type. repr is CPython's (shortest digit string that round-trips, found with
 * correctly rounded "%.*e" + strtod, then CPython's layout: exponent form when the decimal exponent
 * is < -4 or >= 16). Also float(...) parsing, CPython's float hash (integral floats hash like the
 * int), Python's / // % ** and divmod semantics with CPython's error messages, and round().
 * Negative ** fractional gives a complex in CPython: pyrite raises ValueError instead. */
#include "pyrt.h"
#include <string.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static PyrtObject *float_repr(PyrtObject *o);

/* The only place float objects are made: it also installs the repr slot, so that a program that never
 * makes a float does not link float formatting (printf, strtod) just because runtime code checks
 * for floats (o->type == &PyrtType_Float). */
PyrtObject *PyrtFloat_FromDouble(double v)
{
    PyrtFloat *o = pyrt_freelist_pop(sizeof(PyrtFloat));
    if (PYRT_LIKELY(o != NULL)) {
        o->ob.refcnt = 1;
        o->ob.type = &PyrtType_Float;
    } else if (!(o = (PyrtFloat *)Pyrt_Alloc(&PyrtType_Float, sizeof(PyrtFloat)))) {
        return NULL;
    }
    PyrtType_Float.repr = float_repr;
    o->value = v;
    return (PyrtObject *)o;
}

/* ------------------------------------------------------------------ repr */
static bool roundtrips(double v, int ndigits, char *buf, size_t size)
{
    snprintf(buf, size, "%.*e", ndigits - 1, v);
    return strtod(buf, NULL) == v;
}

/* Parses "%.*e" output into digits (no dot, no trailing zeros); returns decpt. */
static int parse_e(const char *buf, char *digits)
{
    int n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = 0;
    return atoi(p + 1) + 1;
}

static bool digits_roundtrip(const char *digits, int decpt, double v)
{
    char buf[48];
    int n = (int)strlen(digits);
    memcpy(buf, digits, (size_t)n);
    snprintf(buf + n, sizeof buf - (size_t)n, "e%d", decpt - n);
    return strtod(buf, NULL) == v;
}

/* v finite and > 0: CPython's shortest round-trip digits (no trailing zeros) and decpt, with
 * v = 0.DIGITS * 10**decpt. For normal doubles any decimal of <= 15 significant digits survives
 * decimal -> double -> 15 digits (DBL_DIG), so when the correctly rounded 15-digit string round-trips,
 * stripped of its trailing zeros it is the shortest; otherwise 16, else 17 digits (the correctly
 * rounded candidate is the closest one, as CPython picks). Subnormals: try every length. */
static int shortest_digits(double v, char *digits)
{
    char buf[48], d17[24], cand[24];
    if (v < 9007199254740992.0 && v == floor(v)) {   /* integral: exact integer digits */
        int n = snprintf(digits, 24, "%" PRIu64, (uint64_t)v), decpt = n;
        while (n > 1 && digits[n - 1] == '0')
            n--;
        digits[n] = 0;
        return decpt;
    }
    if (v < 2.2250738585072014e-308) {
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (roundtrips(v, mid, buf, sizeof buf))
                hi = mid;
            else
                lo = mid + 1;
        }
        snprintf(buf, sizeof buf, "%.*e", lo - 1, v);
        return parse_e(buf, digits);
    }
    snprintf(buf, sizeof buf, "%.16e", v);
    int n = 0;
    for (const char *p = buf; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            d17[n++] = *p;
    d17[n] = 0;
    int decpt17 = atoi(strchr(buf, 'e') + 1) + 1;
    for (int p = 15; p <= 16; p++) {
        /* the correctly rounded p digits, else its neighbours in the last digit: when the nearest
         * p-digit decimal does not round-trip, at most one other (an adjacent one) does */
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        int decpt = parse_e(buf, cand);
        int k = (int)strlen(cand);
        memset(cand + k, '0', (size_t)(p - k));   /* back to p digits */
        cand[p] = 0;
        bool ok = digits_roundtrip(cand, decpt, v);
        for (int delta = 1; !ok && delta >= -1; delta -= 2) {
            char alt[24];
            int adecpt = decpt;
            memcpy(alt, cand, (size_t)p + 1);
            int i = p - 1;
            if (delta > 0) {
                while (i >= 0 && alt[i] == '9')
                    alt[i--] = '0';
                if (i < 0) {
                    alt[0] = '1';
                    adecpt++;
                } else {
                    alt[i]++;
                }
            } else {
                while (i >= 0 && alt[i] == '0')
                    alt[i--] = '9';
                if (i == 0 && alt[0] == '1') {   /* 1000.. - 1 = 999.. one decade lower */
                    alt[0] = '9';
                    adecpt--;
                } else {
                    alt[i]--;
                }
            }
            if (digits_roundtrip(alt, adecpt, v)) {
                memcpy(cand, alt, (size_t)p + 1);
                decpt = adecpt;
                ok = true;
            }
        }
        if (ok) {
            k = (int)strlen(cand);
            while (k > 1 && cand[k - 1] == '0')
                k--;
            memcpy(digits, cand, (size_t)k);
            digits[k] = 0;
            return decpt;
        }
    }
    int k = 17;
    while (k > 1 && d17[k - 1] == '0')
        k--;
    memcpy(digits, d17, (size_t)k);
    digits[k] = 0;
    return decpt17;
}

/* Writes CPython's repr of v into out (at least 32 bytes); returns the length. */
static int format_repr(double v, char *out)
{
    if (isnan(v))
        return (int)strlen(strcpy(out, "nan"));
    if (isinf(v))
        return (int)strlen(strcpy(out, v > 0 ? "inf" : "-inf"));
    int n = 0;
    if (signbit(v)) {
        out[n++] = '-';
        v = -v;
    }
    if (v == 0.0)
        return n + (int)strlen(strcpy(out + n, "0.0"));
    char d[24];
    int decpt = shortest_digits(v, d);
    int nd = (int)strlen(d);
    if (decpt <= -4 || decpt > 16) {
        out[n++] = d[0];
        if (nd > 1) {
            out[n++] = '.';
            memcpy(out + n, d + 1, (size_t)nd - 1);
            n += nd - 1;
        }
        int e = decpt - 1;
        n += sprintf(out + n, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (decpt <= 0) {
        out[n++] = '0';
        out[n++] = '.';
        for (int i = 0; i < -decpt; i++) out[n++] = '0';
        memcpy(out + n, d, (size_t)nd);
        n += nd;
    } else if (decpt >= nd) {
        memcpy(out + n, d, (size_t)nd);
        n += nd;
        for (int i = nd; i < decpt; i++) out[n++] = '0';
        out[n++] = '.';
        out[n++] = '0';
    } else {
        memcpy(out + n, d, (size_t)decpt);
        n += decpt;
        out[n++] = '.';
        memcpy(out + n, d + decpt, (size_t)(nd - decpt));
        n += nd - decpt;
    }
    out[n] = 0;
    return n;
}

PyrtObject *PyrtFloat_Repr(double v)
{
    char buf[48];
    int n = format_repr(v, buf);
    return PyrtStr_FromUTF8(buf, n);
}

/* ------------------------------------------------------------------ parsing */
static bool is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* digits with single underscores between them; returns the number of digits copied */
static int copy_digitpart(const char *s, int64_t n, int64_t *i, char *out, int64_t *o)
{
    int count = 0;
    while (*i < n) {
        char c = s[*i];
        if (c >= '0' && c <= '9') {
            out[(*o)++] = c;
            (*i)++;
            count++;
        } else if (c == '_' && count > 0 && *i + 1 < n && s[*i + 1] >= '0' && s[*i + 1] <= '9') {
            (*i)++;
        } else {
            break;
        }
    }
    return count;
}

static bool ieq(const char *s, int64_t n, const char *word)
{
    int64_t k = (int64_t)strlen(word);
    if (n != k)
        return false;
    for (int64_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != word[i])
            return false;
    return true;
}

/* Validates Python's float syntax in s[0..n) and copies it without underscores into out. */
static bool clean_float_text(const char *s, int64_t n, char *out)
{
    int64_t i = 0, o = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        out[o++] = s[i++];
    if (ieq(s + i, n - i, "inf") || ieq(s + i, n - i, "infinity") || ieq(s + i, n - i, "nan")) {
        memcpy(out + o, s + i, (size_t)(n - i));
        out[o + n - i] = 0;
        return true;
    }
    int before = copy_digitpart(s, n, &i, out, &o), after = 0;
    if (i < n && s[i] == '.') {
        out[o++] = s[i++];
        after = copy_digitpart(s, n, &i, out, &o);
    }
    if (before == 0 && after == 0)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        out[o++] = s[i++];
        if (i < n && (s[i] == '+' || s[i] == '-'))
            out[o++] = s[i++];
        if (copy_digitpart(s, n, &i, out, &o) == 0)
            return false;
    }
    out[o] = 0;
    return i == n;
}

static PyrtObject *float_from_text(const char *s, int64_t n, PyrtObject *orig)
{
    int64_t a = 0, b = n;
    while (a < b && is_space((unsigned char)s[a])) a++;
    while (b > a && is_space((unsigned char)s[b - 1])) b--;
    char small[64];
    char *buf = b - a < (int64_t)sizeof small ? small : Pyrt_Malloc((size_t)(b - a) + 1);
    if (!buf)
        return NULL;
    PyrtObject *r = NULL;
    if (clean_float_text(s + a, b - a, buf))
        r = PyrtFloat_FromDouble(strtod(buf, NULL));
    else
        Pyrt_ErrFormat(&PyrtType_ValueError, "could not convert string to float: %R", orig);
    if (buf != small)
        Pyrt_Free(buf);
    return r;
}

PyrtObject *PyrtFloat_FromString(PyrtObject *s)
{
    return float_from_text(PyrtStr_UTF8(s), ((PyrtStr *)s)->nbytes, s);
}

static PyrtObject *float_from_dunder(PyrtObject *x)
{
    if (Pyrt_LookupTypeStr(x->type, "__float__")) {
        PyrtObject *r = Pyrt_CallMethod(x, PyrtNum_Str("__float__"), NULL, 0, NULL);
        if (r && !PyrtNum_IsFloat(r)) {
            Pyrt_ErrFormat(&PyrtType_TypeError, "%s.__float__ returned non-float (type %s)",
                           x->type->name, r->type->name);
            PYRT_CLEAR(r);
        }
        return r;
    }
    if (Pyrt_LookupTypeStr(x->type, "__index__")) {
        PyrtObject *r = Pyrt_CallMethod(x, PyrtNum_Str("__index__"), NULL, 0, NULL);
        if (!r)
            return NULL;
        PyrtObject *f = NULL;
        if (PyrtNum_IsInt(r)) {
            double d = PyrtInt_AsDouble(r);
            if (!(d == -1.0 && Pyrt_ErrOccurred()))
                f = PyrtFloat_FromDouble(d);
        } else {
            Pyrt_ErrFormat(&PyrtType_TypeError, "__index__ returned non-int (type %s)", r->type->name);
        }
        PYRT_DECREF(r);
        return f;
    }
    return Pyrt_ErrFormat(&PyrtType_TypeError, "float() argument must be a string or a real number, not '%s'",
                          x->type->name);
}

PyrtObject *PyrtFloat_New(PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtNum_NoKw("float", kwnames) < 0 || PyrtNum_NArgs("float", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return PyrtFloat_FromDouble(0.0);
    PyrtObject *x = args[0];
    if (x->type == &PyrtType_Float) {
        PYRT_INCREF(x);
        return x;
    }
    if (PyrtNum_IsInt(x)) {
        double d = PyrtInt_AsDouble(x);
        if (d == -1.0 && Pyrt_ErrOccurred())
            return NULL;
        return PyrtFloat_FromDouble(d);
    }
    if (x->type == &PyrtType_Str || PyrtType_IsSubtype(x->type, &PyrtType_Str))
        return PyrtFloat_FromString(x);
    if (x->type == &PyrtType_Bytes)
        return float_from_text((const char *)((PyrtBytes *)x)->data, ((PyrtBytes *)x)->length, x);
    return float_from_dunder(x);
}

static PyrtObject *float_tp_new(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)type;
    return PyrtFloat_New(args, nargs, kwnames);
}

/* ------------------------------------------------------------------ hash */
int64_t PyrtF64_Hash(double v)
{
    const uint64_t M = ((uint64_t)1 << 61) - 1;
    if (!isfinite(v))
        return isinf(v) ? (v > 0 ? 314159 : -314159) : 0;
    int e;
    double m = frexp(v, &e);
    int64_t sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {   /* fold 28 bits of mantissa at a time into x, modulo 2**61 - 1 */
        x = ((x << 28) & M) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= M)
            x -= M;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & M) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static int64_t float_hash(PyrtObject *o)
{
    double v = PyrtFloat_AsDouble(o);
    if (isnan(v)) {
        /* CPython 3.10+ hashes a NaN by identity. Unboxed floats have none: NaNs of the same bits
         * are one object here (see same_object in object.c), so they hash by their bits */
        uint64_t b;
        memcpy(&b, &v, sizeof b);
        return (int64_t)((b ^ (b >> 29)) & 0x0FFFFFFFFFFFFFFFULL);
    }
    return PyrtF64_Hash(v);
}

/* ------------------------------------------------------------------ arithmetic */
bool PyrtF64_Div(double a, double b, double *r)
{
    if (b == 0.0) {
        PyrtErr_ZeroDiv("float division by zero");
        return true;
    }
    *r = a / b;
    return false;
}

static void divmod_core(double vx, double wx, double *floordiv, double *mod)
{
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5)
            fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *mod = m;
}

bool PyrtF64_FloorDiv(double a, double b, double *r)
{
    if (b == 0.0) {
        PyrtErr_ZeroDiv("float floor division by zero");
        return true;
    }
    double m;
    divmod_core(a, b, r, &m);
    return false;
}

bool PyrtF64_Mod(double a, double b, double *r)
{
    if (b == 0.0) {
        PyrtErr_ZeroDiv("float modulo");
        return true;
    }
    double m = fmod(a, b);
    if (m) {
        if ((b < 0) != (m < 0))
            m += b;
    } else {
        m = copysign(0.0, b);
    }
    *r = m;
    return false;
}

bool PyrtF64_DivMod(double a, double b, double *div, double *mod)
{
    if (b == 0.0) {
        PyrtErr_ZeroDiv("float divmod()");
        return true;
    }
    divmod_core(a, b, div, mod);
    return false;
}

static bool is_odd_integer(double w) { return fmod(fabs(w), 2.0) == 1.0; }

static void raise_range_error(void)   /* OverflowError: (34, 'Numerical result out of range') */
{
    PyrtObject *args[2];
    args[0] = PyrtInt_FromI64(34);
    args[1] = PyrtNum_Str("Numerical result out of range");
    PyrtObject *exc = PyrtExc_New(&PyrtType_OverflowError, args, 2);
    PYRT_DECREF(args[0]);
    if (exc)
        Pyrt_ErrRestore(exc);
}

bool PyrtF64_Pow(double iv, double iw, double *r)
{
    if (iw == 0.0) { *r = 1.0; return false; }
    if (isnan(iv)) { *r = iv; return false; }
    if (isnan(iw)) { *r = iv == 1.0 ? 1.0 : iw; return false; }
    if (isinf(iw)) {
        double a = fabs(iv);
        *r = a == 1.0 ? 1.0 : ((iw > 0) == (a > 1.0)) ? INFINITY : 0.0;
        return false;
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        *r = iw > 0 ? (odd ? iv : fabs(iv)) : (odd ? copysign(0.0, iv) : 0.0);
        return false;
    }
    if (iv == 0.0) {
        if (iw < 0) {
            PyrtErr_ZeroDiv("0.0 cannot be raised to a negative power");
            return true;
        }
        *r = is_odd_integer(iw) ? iv : 0.0;
        return false;
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            Pyrt_ErrSetString(&PyrtType_ValueError, "pyrite: complex results are not supported");
            return true;
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) {
        *r = negate ? -1.0 : 1.0;
        return false;
    }
    double x = pow(iv, iw);
    if (isinf(x)) {
        raise_range_error();
        return true;
    }
    *r = negate ? -x : x;
    return false;
}

PyrtObject *PyrtF64_BinOp(double a, double b, int op)
{
    double r, m;
    switch (op) {
    case PYRT_ADD: r = a + b; break;
    case PYRT_SUB: r = a - b; break;
    case PYRT_MUL: r = a * b; break;
    case PYRT_TRUEDIV: if (PyrtF64_Div(a, b, &r)) return NULL; break;
    case PYRT_FLOORDIV: if (PyrtF64_FloorDiv(a, b, &r)) return NULL; break;
    case PYRT_MOD: if (PyrtF64_Mod(a, b, &r)) return NULL; break;
    case PYRT_POW: if (PyrtF64_Pow(a, b, &r)) return NULL; break;
    default:
        (void)m;
        PYRT_INCREF(Pyrt_NotImplemented);
        return Pyrt_NotImplemented;
    }
    return PyrtFloat_FromDouble(r);
}

/* ------------------------------------------------------------------ round */
static double pow10_of(int k)   /* correctly rounded 10**k */
{
    char buf[16];
    snprintf(buf, sizeof buf, "1e%d", k);
    return strtod(buf, NULL);
}

static double round_negative_ndigits(double x, int64_t n)
{
    char buf[400];   /* keep <= 309 significant digits */
    snprintf(buf, sizeof buf, "%.17e", fabs(x));
    int e10 = atoi(strchr(buf, 'e') + 1);
    int64_t keep = e10 + 1 + n;
    if (keep > 0) {
        snprintf(buf, sizeof buf, "%.*e", (int)keep - 1, x);
        return strtod(buf, NULL);
    }
    if (keep < 0)
        return copysign(0.0, x);
    snprintf(buf, sizeof buf, "5e%d", (int)(-n - 1));   /* half of 10**-n */
    return fabs(x) > strtod(buf, NULL) ? copysign(pow10_of((int)-n), x) : copysign(0.0, x);
}

PyrtObject *PyrtF64_Round(double x, PyrtObject *ndigits)
{
    if (!ndigits || ndigits == Pyrt_None) {
        double r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0);
        return PyrtInt_FromDouble(r);
    }
    int64_t n;
    if (PyrtInt_AsNdigits(ndigits, &n) < 0)
        return NULL;
    if (!isfinite(x) || x == 0.0 || n > 323)
        return PyrtFloat_FromDouble(x);
    if (n < -308)
        return PyrtFloat_FromDouble(0.0 * x);
    double r;
    if (n >= 0) {
        char buf[700];
        snprintf(buf, sizeof buf, "%.*f", (int)n, x);
        r = strtod(buf, NULL);
    } else {
        r = round_negative_ndigits(x, n);
    }
    if (isinf(r))
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "rounded value too large to represent");
    return PyrtFloat_FromDouble(r);
}

int64_t PyrtF64_IsInteger(double v) { return isfinite(v) && floor(v) == v; }

/* ------------------------------------------------------------------ slots and methods */
static PyrtObject *float_repr(PyrtObject *o) { return PyrtFloat_Repr(PyrtFloat_AsDouble(o)); }
static int float_bool(PyrtObject *o) { return PyrtFloat_AsDouble(o) != 0.0; }
static PyrtObject *float_format(PyrtObject *o, PyrtObject *spec) { return Pyrt_FormatF64(PyrtFloat_AsDouble(o), spec); }

static PyrtObject *float_unop(PyrtObject *o, int op)
{
    if (op == PYRT_NEG)
        return PyrtFloat_FromDouble(-PyrtFloat_AsDouble(o));
    if (op == PYRT_POS)
        return PyrtFloat_FromDouble(PyrtFloat_AsDouble(o));
    PYRT_INCREF(Pyrt_NotImplemented);
    return Pyrt_NotImplemented;
}

PyrtObject *PyrtFloat_meth_is_integer(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("float.is_integer", kwnames) < 0 || PyrtNum_NArgs("float.is_integer", nargs, 0, 0) < 0)
        return NULL;
    return Pyrt_BoolFromC(PyrtF64_IsInteger(PyrtFloat_AsDouble(self)));
}

PyrtObject *PyrtFloat_meth_conjugate(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("float.conjugate", kwnames) < 0 || PyrtNum_NArgs("float.conjugate", nargs, 0, 0) < 0)
        return NULL;
    PYRT_INCREF(self);
    return self;
}

/* x.__round__(ndigits=None): what round() calls */
static PyrtObject *float_meth___round__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtNum_NoKw("__round__", kwnames) < 0 || PyrtNum_NArgs("__round__", nargs, 0, 1) < 0)
        return NULL;
    return PyrtF64_Round(PyrtFloat_AsDouble(self), nargs ? args[0] : NULL);
}

static PyrtObject *float_meth_as_int(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("float.__int__", kwnames) < 0 || PyrtNum_NArgs("float.__int__", nargs, 0, 0) < 0)
        return NULL;
    return PyrtInt_FromDouble(PyrtFloat_AsDouble(self));
}

static PyrtObject *float_meth_as_float(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("float.__float__", kwnames) < 0 || PyrtNum_NArgs("float.__float__", nargs, 0, 0) < 0)
        return NULL;
    return PyrtFloat_FromDouble(PyrtFloat_AsDouble(self));
}

/* x.as_integer_ratio(): (numerator, denominator) exactly, in lowest terms */
static PyrtObject *float_meth_as_integer_ratio(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                               PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("float.as_integer_ratio", kwnames) < 0 || PyrtNum_NArgs("float.as_integer_ratio", nargs, 0, 0) < 0)
        return NULL;
    double x = PyrtFloat_AsDouble(self);
    if (isinf(x))
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return Pyrt_ErrSetString(&PyrtType_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    /* x == m * 2**e with m integral (|m| < 2**53) */
    PyrtObject *a = PyrtInt_FromI64((int64_t)m), *b = a ? PyrtInt_FromI64(1) : NULL;
    if (b && e != 0) {
        PyrtObject **side = e > 0 ? &a : &b;
        PyrtObject *sh = PyrtInt_FromI64(e > 0 ? e : -e);
        PyrtObject *t = sh ? PyrtLong_BinOp(*side, sh, PYRT_LSHIFT) : NULL;
        Pyrt_XDecRef(sh);
        Pyrt_DecRef(*side);
        *side = t;
        if (!t) {
            Pyrt_XDecRef(a);
            Pyrt_XDecRef(b);
            return NULL;
        }
    }
    PyrtObject *r = b ? PyrtTuple_Pack2(a, b) : NULL;
    Pyrt_XDecRef(a);
    Pyrt_XDecRef(b);
    return r;
}

/* x.hex(): CPython's format, '0x1.8000000000000p+1' for 3.0 */
static PyrtObject *float_meth_hex(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("float.hex", kwnames) < 0 || PyrtNum_NArgs("float.hex", nargs, 0, 0) < 0)
        return NULL;
    double x = PyrtFloat_AsDouble(self);
    if (isnan(x) || isinf(x))
        return Pyrt_Repr(self);
    if (x == 0.0)
        return PyrtStr_FromCString(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    static const char hexdigits[] = "0123456789abcdef";
    char s[32], out[48];
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (-1021 - e > 0 ? -1021 - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    int si = 0;
    s[si++] = hexdigits[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < 13; i++) {
        m *= 16.0;
        s[si++] = hexdigits[(int)m];
        m -= (int)m;
    }
    s[si] = 0;
    char esign = e < 0 ? '-' : '+';
    Pyrt_Snprintf(out, sizeof out, "%s0x%sp%c%d", x < 0 ? "-" : "", s, esign, e < 0 ? -e : e);
    return PyrtStr_FromCString(out);
}

static const PyrtMethodDef float_methods[] = {
    { "is_integer", PyrtFloat_meth_is_integer },
    { "__round__", float_meth___round__ },
    { "conjugate", PyrtFloat_meth_conjugate },
    { "__int__", float_meth_as_int },
    { "__trunc__", float_meth_as_int },
    { "__float__", float_meth_as_float },
    { "as_integer_ratio", float_meth_as_integer_ratio },
    { "hex", float_meth_hex },
    { NULL, NULL },
};

PyrtType PyrtType_Float = {
    .ob = PYRT_TYPE_HEAD,
    .name = "float",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtFloat),
    /* .repr = float_repr: set by PyrtFloat_FromDouble */
    .hash = float_hash,
    .richcompare = PyrtNum_RichCompare,
    .bool_ = float_bool,
};

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_float(void)
{
    PyrtType_Float.methods = float_methods;
}
void pyrt_lazy_binop_float(void)
{
    PyrtType_Float.binop = PyrtNum_BinOp;
}
void pyrt_lazy_unop_float(void)
{
    PyrtType_Float.unop = float_unop;
}
void pyrt_lazy_format_float(void)
{
    PyrtType_Float.format = float_format;
}
void pyrt_lazy_tp_new_float(void)
{
    PyrtType_Float.tp_new = float_tp_new;
}
