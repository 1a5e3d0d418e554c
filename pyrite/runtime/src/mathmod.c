/* mathmod.c: the built-in modules math, sys and time (its clocks: the calendar is timemod.c), and the
 * module type (PyrtType_Module: a name and a dict; attribute access reads the dict). math wraps libm
 * with CPython's error rules (ValueError "math domain error" for a NaN from non-NaN input or an
 * infinity from finite input, OverflowError "math range error" where CPython reports overflow).
 * Transcendentals come from the target's libm, which differs by 1 ulp from glibc on musl/wasi (see
 * TOOLCHAIN.md). Also sys.argv (Pyrt_SetArgv), sys.exit (Pyrt_SysExit) and the clocks. */
#include "pyrt.h"
#include <errno.h>
#include <float.h>
#include <math.h>
#include <time.h>

#define PI 3.141592653589793238462643383279502884
#define E_CONST 2.718281828459045235360287471352662498

/* ------------------------------------------------------------------ math: error rules */
static double domain_error(void)
{
    Pyrt_ErrSetString(&PyrtType_ValueError, "math domain error");
    return -1.0;
}

static double range_error(void)
{
    Pyrt_ErrSetString(&PyrtType_OverflowError, "math range error");
    return -1.0;
}

/* CPython's math_1 rule */
static double check1(double r, double x, bool can_overflow)
{
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    return r;
}

/* CPython's math_2 rule */
static double check2(double r, double x, double y)
{
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    if (isinf(r) && isfinite(x) && isfinite(y))
        return range_error();
    return r;
}

static double m_log(double x, double (*f)(double))
{
    if (isfinite(x))
        return x > 0 ? f(x) : domain_error();
    if (isnan(x) || x > 0)
        return x;
    return domain_error();
}

static double m_pow(double x, double y)
{
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            return y == 0 ? 1.0 : x;
        if (isnan(y))
            return x == 1.0 ? 1.0 : y;
        if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0)
                return odd_y ? x : fabs(x);
            if (y == 0)
                return 1.0;
            return odd_y ? copysign(0.0, x) : 0.0;
        }
        if (fabs(x) == 1.0)
            return 1.0;
        if ((y > 0 && fabs(x) > 1.0) || (y < 0 && fabs(x) < 1.0))
            return INFINITY;
        return 0.0;
    }
    double r = pow(x, y);
    if (isnan(r))
        return domain_error();
    if (isinf(r))
        return x == 0.0 ? domain_error() : range_error();
    return r;
}

static double m_fmod(double x, double y)
{
    if (isinf(y) && isfinite(x))
        return x;
    return check2(fmod(x, y), x, y);
}

double PyrtMath_Call1(int which, double x)
{
    switch (which) {
    case PYRT_MATH_SQRT: return check1(sqrt(x), x, false);
    case PYRT_MATH_EXP: return check1(exp(x), x, true);
    case PYRT_MATH_LOG: return m_log(x, log);
    case PYRT_MATH_LOG10: return m_log(x, log10);
    case PYRT_MATH_LOG2: return m_log(x, log2);
    case PYRT_MATH_SIN: return check1(sin(x), x, false);
    case PYRT_MATH_COS: return check1(cos(x), x, false);
    case PYRT_MATH_TAN: return check1(tan(x), x, false);
    case PYRT_MATH_ASIN: return check1(asin(x), x, false);
    case PYRT_MATH_ACOS: return check1(acos(x), x, false);
    case PYRT_MATH_ATAN: return check1(atan(x), x, false);
    case PYRT_MATH_SINH: return check1(sinh(x), x, true);
    case PYRT_MATH_COSH: return check1(cosh(x), x, true);
    case PYRT_MATH_TANH: return check1(tanh(x), x, false);
    case PYRT_MATH_FABS: return fabs(x);
    case PYRT_MATH_DEGREES: return x * (180.0 / PI);
    case PYRT_MATH_RADIANS: return x * (PI / 180.0);
    case PYRT_MATH_EXPM1: return check1(expm1(x), x, true);
    case PYRT_MATH_LOG1P: return check1(log1p(x), x, false);
    case PYRT_MATH_ERF: return erf(x);
    case PYRT_MATH_ERFC: return erfc(x);
    }
    Pyrt_ErrSetString(&PyrtType_ValueError, "pyrite: bad math function");
    return -1.0;
}

double PyrtMath_Call2(int which, double x, double y)
{
    switch (which) {
    case PYRT_MATH_ATAN2: return check2(atan2(x, y), x, y);
    case PYRT_MATH_HYPOT: return check2(hypot(x, y), x, y);
    case PYRT_MATH_POW: return m_pow(x, y);
    case PYRT_MATH_FMOD: return m_fmod(x, y);
    case PYRT_MATH_COPYSIGN: return copysign(x, y);
    case PYRT_MATH_LOG_BASE: {
        double num = m_log(x, log);
        if (Pyrt_ErrOccurred())
            return -1.0;
        double den = m_log(y, log);
        if (Pyrt_ErrOccurred())
            return -1.0;
        if (den == 0.0) {
            PyrtErr_ZeroDiv("float division by zero");
            return -1.0;
        }
        return num / den;
    }
    }
    return PyrtMath_Call1(which, x);
}

/* ------------------------------------------------------------------ math: int results */
PyrtObject *PyrtMath_Floor(double x) { return PyrtInt_FromDouble(floor(x)); }
PyrtObject *PyrtMath_Ceil(double x) { return PyrtInt_FromDouble(ceil(x)); }
PyrtObject *PyrtMath_Trunc(double x) { return PyrtInt_FromDouble(trunc(x)); }

/* the product lo * (lo+1) * ... * hi (lo <= hi), splitting the range in halves so that the
 * multiplications are balanced */
static PyrtObject *range_product(int64_t lo, int64_t hi)
{
    if (hi - lo < 8) {
        PyrtObject *r = PyrtInt_FromI64(lo);
        for (int64_t i = lo + 1; i <= hi && r; i++) {
            PyrtObject *x = PyrtInt_FromI64(i);
            PyrtObject *t = x ? PyrtNum_BinOp(r, x, PYRT_MUL) : NULL;
            PYRT_XDECREF(x);
            PYRT_DECREF(r);
            r = t;
        }
        return r;
    }
    int64_t mid = lo + (hi - lo) / 2;
    PyrtObject *a = range_product(lo, mid);
    PyrtObject *b = a ? range_product(mid + 1, hi) : NULL;
    PyrtObject *r = b ? PyrtNum_BinOp(a, b, PYRT_MUL) : NULL;
    PYRT_XDECREF(a);
    PYRT_XDECREF(b);
    return r;
}

PyrtObject *PyrtMath_Factorial(int64_t n)
{
    if (n < 0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "factorial() not defined for negative values");
    if (n < 2)
        return PyrtInt_FromI64(1);
    return range_product(2, n);
}

int64_t PyrtMath_Gcd(int64_t a, int64_t b)
{
    uint64_t x = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
    uint64_t y = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
    while (y) {
        uint64_t t = x % y;
        x = y;
        y = t;
    }
    if (x > (uint64_t)INT64_MAX) {   /* gcd(INT64_MIN, 0): the typed int64 result cannot hold 2**63 */
        PyrtErr_IntOverflow();
        return -1;
    }
    return (int64_t)x;
}

PyrtObject *PyrtMath_Isqrt(int64_t n)
{
    if (n < 0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "isqrt() argument must be nonnegative");
    uint64_t r = (uint64_t)sqrt((double)n);
    while (r > 0 && (unsigned __int128)r * r > (unsigned __int128)n)
        r--;
    while ((unsigned __int128)(r + 1) * (r + 1) <= (unsigned __int128)n)
        r++;
    return PyrtInt_FromI64((int64_t)r);
}

/* ------------------------------------------------------------------ math: module functions */
static PyrtObject *float_result(double r)
{
    return Pyrt_ErrOccurred() ? NULL : PyrtFloat_FromDouble(r);
}

static int get_double(PyrtObject *o, double *out)
{
    if (!PyrtNum_IsFloat(o) && !PyrtNum_IsInt(o)
        && (Pyrt_LookupTypeStr(o->type, "__float__") || Pyrt_LookupTypeStr(o->type, "__index__"))) {
        PyrtObject *f = PyrtFloat_New(&o, 1, NULL);   /* CPython's PyFloat_AsDouble: __float__, else __index__ */
        if (!f)
            return -1;
        *out = PyrtFloat_AsDouble(f);
        Pyrt_DecRef(f);
        return 0;
    }
    *out = PyrtFloat_AsDoubleChecked(o);
    return *out == -1.0 && Pyrt_ErrOccurred() ? -1 : 0;
}

static int get_i64(PyrtObject *o, int64_t *out)
{
    *out = PyrtInt_AsI64Checked(o);
    return *out == -1 && Pyrt_ErrOccurred() ? -1 : 0;
}

static PyrtObject *math1(const char *fname, int which, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    double x;
    if (PyrtNum_NoKw(fname, kw) < 0 || PyrtNum_ExactlyOne(fname, nargs) < 0 || get_double(args[0], &x) < 0)
        return NULL;
    return float_result(PyrtMath_Call1(which, x));
}

static PyrtObject *math2(const char *fname, int which, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    double x, y;
    if (PyrtNum_NoKw(fname, kw) < 0 || PyrtNum_NArgs(fname, nargs, 2, 2) < 0 || get_double(args[0], &x) < 0
        || get_double(args[1], &y) < 0)
        return NULL;
    return float_result(PyrtMath_Call2(which, x, y));
}

#define MATHFN(name) static PyrtObject *mf_##name(PyrtObject *self, PyrtObject *const *args, int64_t nargs, \
                                                  PyrtObject *kw)
#define MATH1(name, WHICH) MATHFN(name) { (void)self; return math1("math." #name, WHICH, args, nargs, kw); }
#define MATH2(name, WHICH) MATHFN(name) { (void)self; return math2(#name, WHICH, args, nargs, kw); }

MATH1(sqrt, PYRT_MATH_SQRT) MATH1(exp, PYRT_MATH_EXP) MATH1(sin, PYRT_MATH_SIN) MATH1(cos, PYRT_MATH_COS) MATH1(tan, PYRT_MATH_TAN)
MATH1(asin, PYRT_MATH_ASIN) MATH1(acos, PYRT_MATH_ACOS) MATH1(atan, PYRT_MATH_ATAN)
MATH1(sinh, PYRT_MATH_SINH) MATH1(cosh, PYRT_MATH_COSH) MATH1(tanh, PYRT_MATH_TANH)
MATH1(fabs, PYRT_MATH_FABS) MATH1(degrees, PYRT_MATH_DEGREES) MATH1(radians, PYRT_MATH_RADIANS)
MATH1(expm1, PYRT_MATH_EXPM1) MATH1(log1p, PYRT_MATH_LOG1P) MATH1(erf, PYRT_MATH_ERF)
MATH1(erfc, PYRT_MATH_ERFC)
MATH2(atan2, PYRT_MATH_ATAN2) MATH2(pow, PYRT_MATH_POW) MATH2(fmod, PYRT_MATH_FMOD)
MATH2(copysign, PYRT_MATH_COPYSIGN)

static PyrtObject *math1_fn(const char *fname, double (*f)(double), PyrtObject *const *args, int64_t nargs,
                            PyrtObject *kw)
{
    double x;
    if (PyrtNum_NoKw(fname, kw) < 0 || PyrtNum_ExactlyOne(fname, nargs) < 0 || get_double(args[0], &x) < 0)
        return NULL;
    return float_result(check1(f(x), x, false));
}

MATHFN(asinh) { (void)self; return math1_fn("math.asinh", asinh, args, nargs, kw); }
MATHFN(acosh) { (void)self; return math1_fn("math.acosh", acosh, args, nargs, kw); }
MATHFN(atanh) { (void)self; return math1_fn("math.atanh", atanh, args, nargs, kw); }

static bool is_nonpositive_integer(double x) { return x <= 0 && floor(x) == x; }

MATHFN(gamma)
{
    (void)self;
    double x;
    if (PyrtNum_NoKw("math.gamma", kw) < 0 || PyrtNum_ExactlyOne("math.gamma", nargs) < 0 || get_double(args[0], &x) < 0)
        return NULL;
    if (isfinite(x) && is_nonpositive_integer(x))
        return domain_error(), NULL;
    if (x == -INFINITY)
        return domain_error(), NULL;
    return float_result(check1(tgamma(x), x, true));
}

MATHFN(lgamma)
{
    (void)self;
    double x;
    if (PyrtNum_NoKw("math.lgamma", kw) < 0 || PyrtNum_ExactlyOne("math.lgamma", nargs) < 0 || get_double(args[0], &x) < 0)
        return NULL;
    if (isfinite(x) && is_nonpositive_integer(x))
        return domain_error(), NULL;
    return float_result(check1(lgamma(x), x, true));
}

/* CPython's loghelper: an int too large for a float is log(m) + log(2) * e with x = m * 2**e */
static int log_of(PyrtObject *o, int which, double *out)
{
    if (PyrtNum_IsInt(o) && PyrtInt_IsBig(o)) {
        if (PyrtLong_Sign(o) <= 0) {
            domain_error();
            return -1;
        }
        double d = PyrtLong_AsDouble(o);
        if (!(d == -1.0 && Pyrt_ErrOccurred())) {
            *out = PyrtMath_Call1(which, d);
            return *out == -1.0 && Pyrt_ErrOccurred() ? -1 : 0;
        }
        Pyrt_ErrClear();
        int64_t e;
        double m = PyrtLong_Frexp(o, &e);
        double (*f)(double) = which == PYRT_MATH_LOG2 ? log2 : which == PYRT_MATH_LOG10 ? log10 : log;
        volatile double t = f(2.0) * (double)e;   /* two roundings, as CPython (no fused multiply-add) */
        *out = f(m) + t;
        return 0;
    }
    double x;
    if (get_double(o, &x) < 0)
        return -1;
    *out = PyrtMath_Call1(which, x);
    return *out == -1.0 && Pyrt_ErrOccurred() ? -1 : 0;
}

MATHFN(log)
{
    (void)self;
    double x, b;
    if (PyrtNum_NoKw("log", kw) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "math.log requires 1 to 2 arguments");
    if (log_of(args[0], PYRT_MATH_LOG, &x) < 0)
        return NULL;
    if (nargs == 1)
        return PyrtFloat_FromDouble(x);
    if (log_of(args[1], PYRT_MATH_LOG, &b) < 0)
        return NULL;
    if (b == 0.0)
        return PyrtErr_ZeroDiv("float division by zero");
    return PyrtFloat_FromDouble(x / b);
}

MATHFN(log2)
{
    (void)self;
    double x;
    if (PyrtNum_NoKw("math.log2", kw) < 0 || PyrtNum_ExactlyOne("math.log2", nargs) < 0
        || log_of(args[0], PYRT_MATH_LOG2, &x) < 0)
        return NULL;
    return PyrtFloat_FromDouble(x);
}

MATHFN(log10)
{
    (void)self;
    double x;
    if (PyrtNum_NoKw("math.log10", kw) < 0 || PyrtNum_ExactlyOne("math.log10", nargs) < 0
        || log_of(args[0], PYRT_MATH_LOG10, &x) < 0)
        return NULL;
    return PyrtFloat_FromDouble(x);
}

MATHFN(hypot)
{
    (void)self;
    if (PyrtNum_NoKw("hypot", kw) < 0)
        return NULL;
    double acc = 0.0, x, y;
    if (nargs == 2) {
        if (get_double(args[0], &x) < 0 || get_double(args[1], &y) < 0)
            return NULL;
        return float_result(PyrtMath_Call2(PYRT_MATH_HYPOT, x, y));
    }
    for (int64_t i = 0; i < nargs; i++) {
        if (get_double(args[i], &x) < 0)
            return NULL;
        acc = hypot(acc, x);
    }
    return PyrtFloat_FromDouble(acc);
}

/* floor/ceil/trunc: ints pass through; floats give ints; other objects their __floor__, __ceil__ or
 * __trunc__ (floor and ceil then convert with __float__; trunc has no fallback) */
static PyrtObject *to_int_fn(const char *fname, PyrtObject *(*f)(double), PyrtObject *const *args, int64_t nargs,
                             PyrtObject *kw)
{
    double x;
    if (PyrtNum_NoKw(fname, kw) < 0 || PyrtNum_ExactlyOne(fname, nargs) < 0)
        return NULL;
    if (PyrtNum_IsInt(args[0]))
        return PyrtInt_RoundObj(args[0], 0);
    if (!PyrtNum_IsFloat(args[0])) {
        const char *dunder = fname[5] == 'f' ? "__floor__" : fname[5] == 'c' ? "__ceil__" : "__trunc__";
        if (Pyrt_LookupTypeStr(args[0]->type, dunder))
            return Pyrt_CallMethod(args[0], PyrtNum_Str(dunder), NULL, 0, NULL);
        if (dunder[2] == 't')
            return Pyrt_ErrFormat(&PyrtType_TypeError, "type %s doesn't define __trunc__ method", args[0]->type->name);
    }
    if (get_double(args[0], &x) < 0)
        return NULL;
    return f(x);
}

MATHFN(floor) { (void)self; return to_int_fn("math.floor", PyrtMath_Floor, args, nargs, kw); }
MATHFN(ceil) { (void)self; return to_int_fn("math.ceil", PyrtMath_Ceil, args, nargs, kw); }
MATHFN(trunc) { (void)self; return to_int_fn("math.trunc", PyrtMath_Trunc, args, nargs, kw); }

/* an int argument (TypeError otherwise, as CPython's operator.index) */
static int get_int(PyrtObject *o)
{
    if (PyrtNum_IsInt(o))
        return 0;
    Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer", o->type->name);
    return -1;
}

MATHFN(factorial)
{
    (void)self;
    if (PyrtNum_NoKw("math.factorial", kw) < 0 || PyrtNum_ExactlyOne("math.factorial", nargs) < 0
        || get_int(args[0]) < 0)
        return NULL;
    if (PyrtInt_IsBig(args[0])) {
        if (PyrtLong_Sign(args[0]) < 0)
            return Pyrt_ErrSetString(&PyrtType_ValueError, "factorial() not defined for negative values");
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "factorial() argument should not exceed 9223372036854775807");
    }
    return PyrtMath_Factorial(PyrtInt_AsI64(args[0]));
}

MATHFN(isqrt)
{
    (void)self;
    if (PyrtNum_NoKw("math.isqrt", kw) < 0 || PyrtNum_ExactlyOne("math.isqrt", nargs) < 0 || get_int(args[0]) < 0)
        return NULL;
    if (PyrtLong_Sign(args[0]) < 0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "isqrt() argument must be nonnegative");
    if (!PyrtInt_IsBig(args[0]))
        return PyrtMath_Isqrt(PyrtInt_AsI64(args[0]));
    return PyrtLong_Isqrt(args[0]);
}

MATHFN(gcd)
{
    (void)self;
    if (PyrtNum_NoKw("gcd", kw) < 0)
        return NULL;
    PyrtObject *g = PyrtInt_FromI64(0);
    for (int64_t i = 0; i < nargs; i++) {
        if (get_int(args[i]) < 0) {
            PYRT_DECREF(g);
            return NULL;
        }
        PyrtObject *t = PyrtLong_Gcd(g, args[i]);
        PYRT_DECREF(g);
        if (!(g = t))
            return NULL;
    }
    return g;
}

MATHFN(lcm)
{
    (void)self;
    if (PyrtNum_NoKw("lcm", kw) < 0)
        return NULL;
    PyrtObject *l = PyrtInt_FromI64(1);
    for (int64_t i = 0; i < nargs && l; i++) {
        if (get_int(args[i]) < 0) {
            PYRT_DECREF(l);
            return NULL;
        }
        if (PyrtLong_Sign(l) == 0)
            continue;
        if (PyrtLong_Sign(args[i]) == 0) {
            PYRT_DECREF(l);
            l = PyrtInt_FromI64(0);
            continue;
        }
        /* |l * v| // gcd(l, v) */
        PyrtObject *g = PyrtLong_Gcd(l, args[i]);
        PyrtObject *q = g ? PyrtLong_BinOp(l, g, PYRT_FLOORDIV) : NULL;
        PyrtObject *p = q ? PyrtLong_BinOp(q, args[i], PYRT_MUL) : NULL;
        PyrtObject *a = p ? PyrtLong_Abs(p) : NULL;
        PYRT_XDECREF(g);
        PYRT_XDECREF(q);
        PYRT_XDECREF(p);
        PYRT_DECREF(l);
        l = a;
    }
    return l;
}

/* comb / perm arguments: ints n >= 0 and k >= 0 (k defaults to n) */
static int comb_args(const char *fname, PyrtObject *const *args, int64_t nargs, PyrtObject *kw, int64_t min,
                     PyrtObject **n, PyrtObject **k)
{
    if (PyrtNum_NoKw(fname, kw) < 0 || PyrtNum_NArgs(fname, nargs, min, 2) < 0 || get_int(args[0]) < 0)
        return -1;
    *n = args[0];
    *k = args[0];
    if (nargs == 2 && args[1] != Pyrt_None) {
        if (get_int(args[1]) < 0)
            return -1;
        *k = args[1];
    }
    if (PyrtLong_Sign(*n) < 0) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (PyrtLong_Sign(*k) < 0) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "k must be a non-negative integer");
        return -1;
    }
    return 0;
}

/* n * (n-1) * ... * (n-k+1), divided step by step by 1, 2, ..., k when comb (each step exact) */
static PyrtObject *falling(PyrtObject *n, int64_t k, bool comb)
{
    PyrtObject *r = PyrtInt_FromI64(1);
    for (int64_t i = 0; i < k && r; i++) {
        PyrtObject *iv = PyrtInt_FromI64(i);
        PyrtObject *f = iv ? PyrtLong_BinOp(n, iv, PYRT_SUB) : NULL;
        PyrtObject *t = f ? PyrtLong_BinOp(r, f, PYRT_MUL) : NULL;
        PYRT_XDECREF(iv);
        PYRT_XDECREF(f);
        PYRT_DECREF(r);
        r = t;
        if (r && comb) {
            PyrtObject *d = PyrtInt_FromI64(i + 1);
            t = d ? PyrtLong_BinOp(r, d, PYRT_FLOORDIV) : NULL;
            PYRT_XDECREF(d);
            PYRT_DECREF(r);
            r = t;
        }
    }
    return r;
}

MATHFN(comb)
{
    (void)self;
    PyrtObject *n, *k;
    if (comb_args("comb", args, nargs, kw, 2, &n, &k) < 0)
        return NULL;
    if (PyrtLong_Compare(k, n) > 0)
        return PyrtInt_FromI64(0);
    PyrtObject *nk = PyrtLong_BinOp(n, k, PYRT_SUB);   /* k = min(k, n - k) */
    if (!nk)
        return NULL;
    PyrtObject *kk = PyrtLong_Compare(nk, k) < 0 ? nk : k;
    if (PyrtInt_IsBig(kk)) {
        PYRT_DECREF(nk);
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
    }
    int64_t kv = PyrtInt_AsI64(kk);
    PYRT_DECREF(nk);
    return falling(n, kv, true);
}

MATHFN(perm)
{
    (void)self;
    PyrtObject *n, *k;
    if (comb_args("perm", args, nargs, kw, 1, &n, &k) < 0)
        return NULL;
    if (PyrtLong_Compare(k, n) > 0)
        return PyrtInt_FromI64(0);
    if (PyrtInt_IsBig(k))
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "k must not exceed 9223372036854775807");
    return falling(n, PyrtInt_AsI64(k), false);
}

MATHFN(prod)
{
    (void)self;
    static const char *const names[] = { "", "start" };
    PyrtObject *a[2];
    if (PyrtNum_ParseArgs("prod", args, nargs, kw, names, 2, 1, 1, a) < 0)
        return NULL;
    PyrtObject *result = a[1] ? a[1] : PyrtInt_FromI64(1), *item;
    PYRT_INCREF(result);
    PyrtObject *it = Pyrt_GetIter(a[0]);
    if (!it) {
        PYRT_DECREF(result);
        return NULL;
    }
    while ((item = Pyrt_IterNext(it))) {
        PyrtObject *r = Pyrt_BinaryOp(result, item, PYRT_MUL);
        PYRT_DECREF(item);
        PYRT_DECREF(result);
        result = r;
        if (!result)
            break;
    }
    PYRT_DECREF(it);
    if (Pyrt_ErrOccurred()) {
        PYRT_XDECREF(result);
        return NULL;
    }
    return result;
}

/* fsum: Shewchuk's exact partial sums, with CPython's final correction for half-way cases */
static PyrtObject *fsum_finish(double *p, int64_t n, double special, double inf_sum)
{
    if (special != 0.0) {
        if (isnan(inf_sum))
            return Pyrt_ErrSetString(&PyrtType_ValueError, "-inf + inf in fsum");
        return PyrtFloat_FromDouble(special);
    }
    double hi = 0.0, lo = 0.0;
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y;
            if (y == x - hi)
                hi = x;
        }
    }
    return PyrtFloat_FromDouble(hi);
}

MATHFN(fsum)
{
    (void)self;
    if (PyrtNum_NoKw("fsum", kw) < 0 || PyrtNum_ExactlyOne("math.fsum", nargs) < 0)
        return NULL;
    PyrtObject *it = Pyrt_GetIter(args[0]), *item;
    if (!it)
        return NULL;
    double *p = NULL, special = 0.0, inf_sum = 0.0, x;
    int64_t n = 0, cap = 0;
    PyrtObject *result = NULL;
    while ((item = Pyrt_IterNext(it))) {
        int rc = get_double(item, &x);
        PYRT_DECREF(item);
        if (rc < 0)
            goto done;
        if (!isfinite(x)) {
            if (isinf(x))
                inf_sum += x;
            special += x;
            continue;
        }
        int64_t i = 0;
        for (int64_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) { double t = x; x = y; y = t; }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        if (!isfinite(x)) {
            Pyrt_ErrSetString(&PyrtType_OverflowError, "intermediate overflow in fsum");
            goto done;
        }
        if (i >= cap) {
            cap = cap ? cap * 2 : 16;
            double *q = Pyrt_Realloc(p, (size_t)cap * sizeof(double));
            if (!q)
                goto done;
            p = q;
        }
        p[i] = x;
        n = i + 1;
    }
    if (!Pyrt_ErrOccurred())
        result = fsum_finish(p, n, special, inf_sum);
done:
    Pyrt_Free(p);
    PYRT_DECREF(it);
    return result;
}

MATHFN(modf)
{
    (void)self;
    double x, ip;
    if (PyrtNum_NoKw("math.modf", kw) < 0 || PyrtNum_ExactlyOne("math.modf", nargs) < 0 || get_double(args[0], &x) < 0)
        return NULL;
    double frac = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x))
        ip = x;
    PyrtObject *items[2] = { PyrtFloat_FromDouble(frac), PyrtFloat_FromDouble(ip) };
    PyrtObject *t = items[0] && items[1] ? PyrtTuple_FromArray(items, 2) : NULL;
    PYRT_XDECREF(items[0]);
    PYRT_XDECREF(items[1]);
    return t;
}

MATHFN(frexp)
{
    (void)self;
    double x;
    int e = 0;
    if (PyrtNum_NoKw("math.frexp", kw) < 0 || PyrtNum_ExactlyOne("math.frexp", nargs) < 0 || get_double(args[0], &x) < 0)
        return NULL;
    double m = isfinite(x) ? frexp(x, &e) : x;
    PyrtObject *items[2] = { PyrtFloat_FromDouble(m), PyrtInt_FromI64(e) };
    PyrtObject *t = items[0] && items[1] ? PyrtTuple_FromArray(items, 2) : NULL;
    PYRT_XDECREF(items[0]);
    PYRT_XDECREF(items[1]);
    return t;
}

MATHFN(ldexp)
{
    (void)self;
    double x;
    int64_t e;
    if (PyrtNum_NoKw("ldexp", kw) < 0 || PyrtNum_NArgs("ldexp", nargs, 2, 2) < 0 || get_double(args[0], &x) < 0
        || get_i64(args[1], &e) < 0)
        return NULL;
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x))
        return range_error(), NULL;
    return PyrtFloat_FromDouble(r);
}

static PyrtObject *predicate(const char *fname, int kind, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    double x;
    if (PyrtNum_NoKw(fname, kw) < 0 || PyrtNum_ExactlyOne(fname, nargs) < 0 || get_double(args[0], &x) < 0)
        return NULL;
    return Pyrt_BoolFromC(kind == 0 ? isnan(x) : kind == 1 ? isinf(x) : isfinite(x));
}

MATHFN(isnan) { (void)self; return predicate("math.isnan", 0, args, nargs, kw); }
MATHFN(isinf) { (void)self; return predicate("math.isinf", 1, args, nargs, kw); }
MATHFN(isfinite) { (void)self; return predicate("math.isfinite", 2, args, nargs, kw); }

MATHFN(isclose)
{
    (void)self;
    static const char *const names[] = { "a", "b", "rel_tol", "abs_tol" };
    PyrtObject *o[4];
    double a, b, rel = 1e-09, abs_tol = 0.0;
    if (PyrtNum_ParseArgs("isclose", args, nargs, kw, names, 4, 2, 2, o) < 0 || get_double(o[0], &a) < 0
        || get_double(o[1], &b) < 0 || (o[2] && get_double(o[2], &rel) < 0) || (o[3] && get_double(o[3], &abs_tol) < 0))
        return NULL;
    if (rel < 0.0 || abs_tol < 0.0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "tolerances must be non-negative");
    if (a == b)
        return Pyrt_True;
    if (isinf(a) || isinf(b))
        return Pyrt_False;
    double diff = fabs(b - a);
    return Pyrt_BoolFromC((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || (diff <= abs_tol));
}

MATHFN(dist)
{
    (void)self;
    if (PyrtNum_NoKw("dist", kw) < 0 || PyrtNum_NArgs("dist", nargs, 2, 2) < 0)
        return NULL;
    int64_t n = Pyrt_Len(args[0]), m = n < 0 ? -1 : Pyrt_Len(args[1]);
    if (n < 0 || m < 0)
        return NULL;
    if (n != m)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "both points must have the same number of dimensions");
    double acc = 0.0, x, y;
    for (int64_t i = 0; i < n; i++) {
        PyrtObject *key = PyrtInt_FromI64(i);
        PyrtObject *p = key ? Pyrt_GetItem(args[0], key) : NULL;
        PyrtObject *q = p ? Pyrt_GetItem(args[1], key) : NULL;
        PYRT_XDECREF(key);
        int rc = q ? (get_double(p, &x) < 0 || get_double(q, &y) < 0 ? -1 : 0) : -1;
        PYRT_XDECREF(p);
        PYRT_XDECREF(q);
        if (rc < 0)
            return NULL;
        acc = hypot(acc, x - y);
    }
    return PyrtFloat_FromDouble(acc);
}

/* ------------------------------------------------------------------ time */
static double clock_seconds(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + (int64_t)ts.tv_nsec;
}

double Pyrt_TimeTime(void) { return clock_seconds(CLOCK_REALTIME); }
double Pyrt_TimePerfCounter(void) { return clock_seconds(CLOCK_MONOTONIC); }

static PyrtObject *no_args(const char *fname, int64_t nargs, PyrtObject *kw)
{
    if (PyrtNum_NoKw(fname, kw) < 0 || PyrtNum_NArgs(fname, nargs, 0, 0) < 0)
        return NULL;
    return Pyrt_None;
}

MATHFN(time_time) { (void)self; (void)args; return no_args("time.time", nargs, kw) ? PyrtFloat_FromDouble(Pyrt_TimeTime()) : NULL; }
MATHFN(time_perf_counter) { (void)self; (void)args; return no_args("time.perf_counter", nargs, kw) ? PyrtFloat_FromDouble(Pyrt_TimePerfCounter()) : NULL; }
MATHFN(time_monotonic) { (void)self; (void)args; return no_args("time.monotonic", nargs, kw) ? PyrtFloat_FromDouble(Pyrt_TimePerfCounter()) : NULL; }
MATHFN(time_time_ns) { (void)self; (void)args; return no_args("time.time_ns", nargs, kw) ? PyrtInt_FromI64(clock_ns(CLOCK_REALTIME)) : NULL; }
MATHFN(time_perf_counter_ns) { (void)self; (void)args; return no_args("time.perf_counter_ns", nargs, kw) ? PyrtInt_FromI64(clock_ns(CLOCK_MONOTONIC)) : NULL; }
MATHFN(time_monotonic_ns) { (void)self; (void)args; return no_args("time.monotonic_ns", nargs, kw) ? PyrtInt_FromI64(clock_ns(CLOCK_MONOTONIC)) : NULL; }

MATHFN(time_sleep)
{
    (void)self;
    double secs;
    if (PyrtNum_NoKw("time.sleep", kw) < 0 || PyrtNum_ExactlyOne("time.sleep", nargs) < 0)
        return NULL;
    if (!PyrtNum_IsInt(args[0]) && !PyrtNum_IsFloat(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer",
                              args[0]->type->name);
    if (get_double(args[0], &secs) < 0)
        return NULL;
    if (isnan(secs))
        return Pyrt_ErrSetString(&PyrtType_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "sleep length must be non-negative");
    Pyrt_FlushStdout();
    struct timespec ts = { (time_t)secs, (long)((secs - floor(secs)) * 1e9) };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
    return Pyrt_None;
}

/* ------------------------------------------------------------------ sys */
PyrtObject *pyrt_sys_argv;

void Pyrt_SetArgv(int argc, char **argv)
{
    if (!pyrt_sys_argv && !(pyrt_sys_argv = PyrtList_New(0)))
        return;
    while (PyrtList_Len(pyrt_sys_argv) > 0)
        PyrtList_DelItem(pyrt_sys_argv, PyrtList_Len(pyrt_sys_argv) - 1);
    for (int i = 0; i < argc; i++) {
        PyrtObject *s = PyrtStr_FromCString(argv[i]);
        if (!s)
            return;
        PyrtList_Append(pyrt_sys_argv, s);
        PYRT_DECREF(s);
    }
}

PyrtObject *Pyrt_SysExit(PyrtObject *code)
{
    PyrtObject *exc = PyrtExc_New(&PyrtType_SystemExit, code ? &code : NULL, code ? 1 : 0);
    if (!exc)
        return NULL;
    PyrtBaseException *be = (PyrtBaseException *)exc;
    if (!be->value) {
        be->value = code ? code : Pyrt_None;
        PYRT_INCREF(be->value);
    }
    Pyrt_Raise(exc, NULL);
    PYRT_DECREF(exc);
    return NULL;
}

MATHFN(sys_exit)
{
    (void)self;
    if (PyrtNum_NoKw("exit", kw) < 0 || PyrtNum_NArgs("exit", nargs, 0, 1) < 0)
        return NULL;
    return Pyrt_SysExit(nargs ? args[0] : NULL);
}

MATHFN(sys_getrecursionlimit)
{
    (void)self; (void)args;
    return no_args("getrecursionlimit", nargs, kw) ? PyrtInt_FromI64(pyrt_recursion_limit) : NULL;
}

/* sys.intern(s): pyrite's strings are compared by value; interning returns s itself */
MATHFN(sys_intern)
{
    (void)self;
    if (PyrtNum_NoKw("intern", kw) < 0 || PyrtNum_NArgs("intern", nargs, 1, 1) < 0)
        return NULL;
    if (!PyrtStr_Check(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "intern() argument must be str, not %s", args[0]->type->name);
    Pyrt_IncRef(args[0]);
    return args[0];
}

/* sys.audit(event, *args): no audit hooks can be installed in a compiled program: nothing to call */
MATHFN(sys_audit)
{
    (void)self; (void)args;
    if (PyrtNum_NoKw("audit", kw) < 0)
        return NULL;
    if (nargs < 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "audit() missing 1 required positional argument: 'event'");
    if (!PyrtStr_Check(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "expected str for argument 'event', not %s", args[0]->type->name);
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

/* the encodings of a UTF-8 mode CPython on Linux (pyrite's strings and file names are UTF-8) */
MATHFN(sys_getfilesystemencoding)
{
    (void)self; (void)args;
    return no_args("getfilesystemencoding", nargs, kw) ? PyrtStr_FromCString("utf-8") : NULL;
}
MATHFN(sys_getfilesystemencodeerrors)
{
    (void)self; (void)args;
    return no_args("getfilesystemencodeerrors", nargs, kw) ? PyrtStr_FromCString("surrogateescape") : NULL;
}
MATHFN(sys_getdefaultencoding)
{
    (void)self; (void)args;
    return no_args("getdefaultencoding", nargs, kw) ? PyrtStr_FromCString("utf-8") : NULL;
}

/* sys._getframe(): compiled code has no frame objects; ValueError (which callers that use frames only
 * when they can, as namedtuple does, catch) with a message saying so */
MATHFN(sys__getframe)
{
    (void)self; (void)args; (void)nargs; (void)kw;
    return Pyrt_ErrSetString(&PyrtType_ValueError,
                             "call stack is not deep enough (pyrite: compiled code has no frame objects)");
}

/* sys.getsizeof(o[, default]): o.__sizeof__() plus the collector's header for tracked objects, as
 * CPython computes it; pyrite's objects are laid out differently, so the numbers differ from CPython's */
MATHFN(sys_getsizeof)
{
    (void)self;
    if (PyrtNum_NoKw("getsizeof", kw) < 0 || PyrtNum_NArgs("getsizeof", nargs, 1, 2) < 0)
        return NULL;
    PyrtObject *o = args[0];
    PyrtObject *f = (o->type->flags & PYRT_TPFLAG_USER) ? Pyrt_LookupTypeStr(o->type, "__sizeof__") : NULL;
    int64_t size;
    if (f) {
        PyrtObject *name = PyrtStr_FromCString("__sizeof__");
        PyrtObject *r = name ? Pyrt_CallMethod(o, name, NULL, 0, NULL) : NULL;
        Pyrt_XDecRef(name);
        if (!r) {
            if (nargs == 2 && Pyrt_ErrMatches((PyrtObject *)&PyrtType_TypeError) == 1) {
                Pyrt_ErrClear();
                Pyrt_IncRef(args[1]);
                return args[1];
            }
            return NULL;
        }
        if (r->type != &PyrtType_Int && !PyrtType_IsSubtype(r->type, &PyrtType_Int)) {
            PYRT_DECREF(r);
            return Pyrt_ErrSetString(&PyrtType_TypeError, "an integer is required");
        }
        size = PyrtInt_AsI64(r);
        PYRT_DECREF(r);
        if (size < 0)
            return Pyrt_ErrSetString(&PyrtType_ValueError, "__sizeof__() should return >= 0");
    } else {
        size = o->type->basicsize > 0 ? o->type->basicsize : (int64_t)sizeof(PyrtObject);
    }
    if (o->type->flags & PYRT_TPFLAG_GC)
        size += (int64_t)sizeof(PyrtGCHead);
    return PyrtInt_FromI64(size);
}

MATHFN(sys_exc_info)
{
    (void)self; (void)args;
    return no_args("exc_info", nargs, kw) ? PyrtSys_ExcInfo() : NULL;
}

MATHFN(sys_exception)
{
    (void)self; (void)args;
    return no_args("exception", nargs, kw) ? PyrtSys_Exception() : NULL;
}

MATHFN(sys_get_int_max_str_digits)
{
    (void)self; (void)args;
    return no_args("get_int_max_str_digits", nargs, kw) ? PyrtInt_FromI64(pyrt_int_max_str_digits) : NULL;
}

/* sys.set_int_max_str_digits(maxdigits): 0 (no limit) or at least 640, as CPython 3.11 */
MATHFN(sys_set_int_max_str_digits)
{
    (void)self;
    static const char *const names[] = { "maxdigits" };
    PyrtObject *a[1];
    int64_t n;
    if (PyrtNum_ParseArgs("set_int_max_str_digits", args, nargs, kw, names, 1, 1, 1, a) < 0 || get_i64(a[0], &n) < 0)
        return NULL;
    if (n != 0 && n < 640)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "maxdigits must be 0 or larger than 640");
    pyrt_int_max_str_digits = n;
    return Pyrt_None;
}

MATHFN(sys_setrecursionlimit)
{
    (void)self;
    int64_t n;
    if (PyrtNum_NoKw("setrecursionlimit", kw) < 0 || PyrtNum_ExactlyOne("setrecursionlimit", nargs) < 0
        || get_i64(args[0], &n) < 0)
        return NULL;
    if (n < 1)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "recursion limit must be greater or equal than 1");
    pyrt_recursion_limit = n > INT32_MAX ? INT32_MAX : (int32_t)n;
    return Pyrt_None;
}

/* ------------------------------------------------------------------ module objects */
typedef struct { PyrtObject ob; const char *name; PyrtObject *dict; PyrtModuleDef *def; } PyrtModule;

static PyrtObject *module_repr(PyrtObject *o)
{
    PyrtModule *m = (PyrtModule *)o;
    if (m->def)
        return Pyrt_StrFormat("<module '%s' from '%s'>", m->name, m->def->file);
    return Pyrt_StrFormat("<module '%s' (built-in)>", m->name);
}

PyrtObject *PyrtModule_Name(PyrtObject *o)
{
    return PyrtDict_GetItemStr(((PyrtModule *)o)->dict, "__name__");
}

static PyrtObject *module_getattr(PyrtObject *o, PyrtObject *name)
{
    PyrtModule *m = (PyrtModule *)o;
    if (m->def) {
        PyrtObject *g = m->def->get(PyrtStr_UTF8(name));
        if (g || Pyrt_ErrOccurred())
            return g;
    }
    PyrtObject *v = PyrtDict_GetItemStr(m->dict, PyrtStr_UTF8(name));
    if (!v && m->def && m->def->globals_dict)   /* (made through globals()) */
        v = PyrtDict_GetItemStr(m->def->globals_dict, PyrtStr_UTF8(name));
    if (v) {
        PYRT_INCREF(v);
        return v;
    }
    if (strcmp(PyrtStr_UTF8(name), "__dict__") == 0) {
        if (m->def)   /* a compiled module: its globals (as globals() gives them: enum's _convert_ reads them) */
            return PyrtModule_Globals(m->def);
        PYRT_INCREF(m->dict);
        return m->dict;
    }
    if (!m->def && strcmp(m->name, "builtins") == 0) {   /* the builtins module: the builtins */
        PyrtObject *b = Pyrt_GetBuiltin(PyrtStr_UTF8(name));
        if (b) {
            PYRT_INCREF(b);
            return b;
        }
        Pyrt_ErrClear();
    }
    return Pyrt_ErrFormat(&PyrtType_AttributeError, "module '%s' has no attribute '%s'", m->name,
                          PyrtStr_UTF8(name));
}

static int module_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v)
{
    PyrtModule *m = (PyrtModule *)o;
    if (m->def) {
        int rc = m->def->set(PyrtStr_UTF8(name), v);
        if (rc <= 0)
            return rc;
    }
    if (v)
        return PyrtDict_SetItem(m->dict, name, v);
    if (!PyrtDict_GetItemStr(m->dict, PyrtStr_UTF8(name))) {
        Pyrt_ErrFormat(&PyrtType_AttributeError, "module '%s' has no attribute '%s'", m->name, PyrtStr_UTF8(name));
        return -1;
    }
    return PyrtDict_DelItem(m->dict, name);
}

static void module_dealloc(PyrtObject *o) { PYRT_CLEAR(((PyrtModule *)o)->dict); }

PyrtType PyrtType_Module = {
    .ob = PYRT_TYPE_HEAD,
    .name = "module",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtModule),
    .dealloc = module_dealloc,
    .repr = module_repr,
};

typedef PyrtModFn ModFn;

static const ModFn math_fns[] = {
    { "sqrt", mf_sqrt }, { "exp", mf_exp }, { "log", mf_log }, { "log10", mf_log10 }, { "log2", mf_log2 },
    { "sin", mf_sin }, { "cos", mf_cos }, { "tan", mf_tan }, { "asin", mf_asin }, { "acos", mf_acos },
    { "atan", mf_atan }, { "sinh", mf_sinh }, { "cosh", mf_cosh }, { "tanh", mf_tanh },
    { "asinh", mf_asinh }, { "acosh", mf_acosh }, { "atanh", mf_atanh }, { "fabs", mf_fabs },
    { "degrees", mf_degrees }, { "radians", mf_radians }, { "expm1", mf_expm1 }, { "log1p", mf_log1p },
    { "erf", mf_erf }, { "erfc", mf_erfc }, { "gamma", mf_gamma }, { "lgamma", mf_lgamma },
    { "atan2", mf_atan2 }, { "pow", mf_pow }, { "fmod", mf_fmod }, { "copysign", mf_copysign },
    { "hypot", mf_hypot }, { "floor", mf_floor }, { "ceil", mf_ceil }, { "trunc", mf_trunc },
    { "factorial", mf_factorial }, { "isqrt", mf_isqrt }, { "gcd", mf_gcd }, { "lcm", mf_lcm },
    { "comb", mf_comb }, { "perm", mf_perm }, { "prod", mf_prod }, { "fsum", mf_fsum }, { "modf", mf_modf },
    { "frexp", mf_frexp }, { "ldexp", mf_ldexp }, { "isnan", mf_isnan }, { "isinf", mf_isinf },
    { "isfinite", mf_isfinite }, { "isclose", mf_isclose }, { "dist", mf_dist },
    { NULL, NULL },
};

static const ModFn time_fns[] = {
    { "time", mf_time_time }, { "perf_counter", mf_time_perf_counter }, { "monotonic", mf_time_monotonic },
    { "time_ns", mf_time_time_ns }, { "perf_counter_ns", mf_time_perf_counter_ns },
    { "monotonic_ns", mf_time_monotonic_ns }, { "sleep", mf_time_sleep },
    { NULL, NULL },
};

static const ModFn sys_fns[] = {
    { "exit", mf_sys_exit }, { "getrecursionlimit", mf_sys_getrecursionlimit },
    { "setrecursionlimit", mf_sys_setrecursionlimit },
    { "get_int_max_str_digits", mf_sys_get_int_max_str_digits },
    { "set_int_max_str_digits", mf_sys_set_int_max_str_digits },
    { "exc_info", mf_sys_exc_info }, { "exception", mf_sys_exception },
    { "excepthook", PyrtSys_ExceptHook }, { "__excepthook__", PyrtSys_ExceptHook },
    { "intern", mf_sys_intern }, { "_getframe", mf_sys__getframe }, { "getsizeof", mf_sys_getsizeof },
    { "audit", mf_sys_audit }, { "getfilesystemencoding", mf_sys_getfilesystemencoding },
    { "getfilesystemencodeerrors", mf_sys_getfilesystemencodeerrors },
    { "getdefaultencoding", mf_sys_getdefaultencoding },
    { NULL, NULL },
};

static PyrtObject *sys_modules_ref(void);
static PyrtObject *builtin_module_names(void);

static int set_value(PyrtObject *d, const char *key, PyrtObject *v)   /* steals v */
{
    if (!v)
        return -1;
    int rc = PyrtDict_SetItemStr(d, key, v);
    PYRT_DECREF(v);
    return rc;
}

/* sys.hash_info, float_info, int_info: struct sequences (tuple.c) of CPython's values on 64-bit Linux
 * (the runtime hashes ints and floats as CPython: modulus 2**61 - 1, inf 314159, on every target) */
static const char *const hash_info_fields[] = { "width", "modulus", "inf", "nan", "imag", "algorithm",
                                                "hash_bits", "seed_bits", "cutoff" };
static const char *const float_info_fields[] = { "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                                 "dig", "mant_dig", "epsilon", "radix", "rounds" };
static const char *const int_info_fields[] = { "bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                               "str_digits_check_threshold" };
static PyrtStructSeqType hash_info_type = {
    .type = { .ob = PYRT_TYPE_HEAD, .name = "hash_info", .module = "sys" }, .fields = hash_info_fields,
    .n_sequence = 9, .n_fields = 9,
};
static PyrtStructSeqType float_info_type = {
    .type = { .ob = PYRT_TYPE_HEAD, .name = "float_info", .module = "sys" }, .fields = float_info_fields,
    .n_sequence = 11, .n_fields = 11,
};
static PyrtStructSeqType int_info_type = {
    .type = { .ob = PYRT_TYPE_HEAD, .name = "int_info", .module = "sys" }, .fields = int_info_fields,
    .n_sequence = 4, .n_fields = 4,
};

/* a struct sequence of n new references (stolen, also on failure) */
static PyrtObject *sys_seq(PyrtStructSeqType *type, PyrtObject **items, int n)
{
    PyrtObject *t = PyrtStructSeq_InitType(type, false) < 0 ? NULL : PyrtStructSeq_New(type);
    int ok = t != NULL;
    for (int i = 0; i < n; i++)
        ok = ok && items[i];
    for (int i = 0; i < n; i++) {
        if (ok)
            PyrtTuple_SetNew_Steal(t, i, items[i]);
        else
            Pyrt_XDecRef(items[i]);
    }
    if (!ok)
        Pyrt_XDecRef(t);   /* (its items are NULL) */
    return ok ? t : NULL;
}

static PyrtObject *sys_hash_info(void)
{
    PyrtObject *items[] = { PyrtInt_FromI64(64), PyrtInt_FromI64(((int64_t)1 << 61) - 1), PyrtInt_FromI64(314159),
                            PyrtInt_FromI64(0), PyrtInt_FromI64(1000003), PyrtStr_FromCString("siphash13"),
                            PyrtInt_FromI64(64), PyrtInt_FromI64(128), PyrtInt_FromI64(0) };
    return sys_seq(&hash_info_type, items, 9);
}

static PyrtObject *sys_float_info(void)
{
    PyrtObject *items[] = { PyrtFloat_FromDouble(DBL_MAX), PyrtInt_FromI64(DBL_MAX_EXP), PyrtInt_FromI64(DBL_MAX_10_EXP),
                            PyrtFloat_FromDouble(DBL_MIN), PyrtInt_FromI64(DBL_MIN_EXP), PyrtInt_FromI64(DBL_MIN_10_EXP),
                            PyrtInt_FromI64(DBL_DIG), PyrtInt_FromI64(DBL_MANT_DIG), PyrtFloat_FromDouble(DBL_EPSILON),
                            PyrtInt_FromI64(FLT_RADIX), PyrtInt_FromI64(1) };
    return sys_seq(&float_info_type, items, 11);
}

/* CPython's ints have 30-bit digits; the limits of int <-> str conversion are the runtime's too */
static PyrtObject *sys_int_info(void)
{
    PyrtObject *items[] = { PyrtInt_FromI64(30), PyrtInt_FromI64(4), PyrtInt_FromI64(4300), PyrtInt_FromI64(640) };
    return sys_seq(&int_info_type, items, 4);
}

/* sys's constants that describe the interpreter: CPython's values on 64-bit Linux, and the
 * installation paths of a program that has none (empty, like sys.executable) */
static int sys_constants(PyrtObject *d)
{
    int rc = 0;
    static const char *const empty[] = { "prefix", "base_prefix", "exec_prefix", "base_exec_prefix", "abiflags" };
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++)
        rc |= set_value(d, empty[i], PyrtStr_FromCString(""));
    PYRT_INCREF(Pyrt_Stdout());
    PYRT_INCREF(Pyrt_Stderr());
    PYRT_INCREF(Pyrt_Stdin());
    PYRT_INCREF(Pyrt_False);
    PYRT_INCREF(Pyrt_None);
    return rc | set_value(d, "hash_info", sys_hash_info()) | set_value(d, "float_info", sys_float_info())
        | set_value(d, "int_info", sys_int_info()) | set_value(d, "api_version", PyrtInt_FromI64(1013))
        | set_value(d, "platlibdir", PyrtStr_FromCString("lib"))
        | set_value(d, "float_repr_style", PyrtStr_FromCString("short"))
        | set_value(d, "dont_write_bytecode", Pyrt_False) | set_value(d, "pycache_prefix", Pyrt_None)
        | set_value(d, "orig_argv", PyrtList_FromIterable(pyrt_sys_argv))
        | set_value(d, "__stdout__", Pyrt_Stdout()) | set_value(d, "__stderr__", Pyrt_Stderr())
        | set_value(d, "__stdin__", Pyrt_Stdin());
}

static int add_values(const char *name, PyrtObject *d)
{
    if (strcmp(name, "math") == 0)
        return set_value(d, "pi", PyrtFloat_FromDouble(PI)) | set_value(d, "e", PyrtFloat_FromDouble(E_CONST))
            | set_value(d, "tau", PyrtFloat_FromDouble(2 * PI)) | set_value(d, "inf", PyrtFloat_FromDouble(INFINITY))
            | set_value(d, "nan", PyrtFloat_FromDouble(NAN));
    if (strcmp(name, "random") == 0)
        return PyrtRandom_FillModule(d);   /* randommod.c */
    if (strcmp(name, "gc") == 0)
        return PyrtGC_FillModule(d);       /* gc.c */
    if (strcmp(name, "time") == 0)
        return PyrtTime_FillModule(d);     /* timemod.c */
    if (strcmp(name, "sys") == 0) {
        if (!pyrt_sys_argv)
            Pyrt_SetArgv(pyrt_argc, pyrt_argv);   /* the command line Pyrt_Init recorded */
        if (!pyrt_sys_argv)
            return -1;
        PYRT_INCREF(pyrt_sys_argv);
        PYRT_INCREF(Pyrt_Stdout());
        PYRT_INCREF(Pyrt_Stderr());
        PYRT_INCREF(Pyrt_Stdin());
        return set_value(d, "argv", pyrt_sys_argv) | set_value(d, "maxsize", PyrtInt_FromI64(INT64_MAX))
            | set_value(d, "stdout", Pyrt_Stdout()) | set_value(d, "stderr", Pyrt_Stderr())
            | set_value(d, "stdin", Pyrt_Stdin()) | set_value(d, "byteorder", PyrtStr_FromCString("little"))
            | set_value(d, "version_info", PyrtSys_VersionInfo()) | set_value(d, "flags", PyrtSys_Flags())
            | set_value(d, "platform", PyrtStr_FromCString(PYRT_PLATFORM_NAME))
            | set_value(d, "maxunicode", PyrtInt_FromI64(0x10FFFF))
            | set_value(d, "hexversion", PyrtSys_HexVersion())
            | set_value(d, "version", PyrtSys_Version())
            | set_value(d, "executable", PyrtStr_FromCString(""))
            | set_value(d, "path", PyrtList_New(0))
            | set_value(d, "warnoptions", PyrtList_New(0)) | set_value(d, "_xoptions", PyrtDict_New())
            | set_value(d, "builtin_module_names", builtin_module_names())
            | set_value(d, "modules", sys_modules_ref()) | sys_constants(d);
    }
    return 0;
}

/* sys.modules: the compiled modules add themselves when their top level starts (only in programs
 * that read sys.modules: build_ir/functions.py), the runtime's when first imported */
static PyrtObject *pyrt_sys_modules;

static PyrtObject *sys_modules(void)
{
    if (!pyrt_sys_modules)
        pyrt_sys_modules = PyrtDict_New();
    return pyrt_sys_modules;
}

static PyrtObject *sys_modules_ref(void)
{
    PyrtObject *d = sys_modules();
    if (d)
        Pyrt_IncRef(d);
    return d;
}

int PyrtSys_AddModule(PyrtModuleDef *def)
{
    PyrtObject *m = PyrtModule_Compiled(def);
    if (!m || !sys_modules())
        return -1;
    PyrtObject *k = PyrtStr_FromCString(def->name);
    int r = k ? PyrtDict_SetItem(pyrt_sys_modules, k, m) : -1;
    Pyrt_XDecRef(k);
    return r;
}

/* `sys.modules['warnings']` read where the module is compiled in: typed as that module, whose
 * attributes compiled code reaches directly, so the object found must be that module's (a program
 * that put another object there gets an error, not stores into the wrong module). v is borrowed. */
int PyrtModule_Expect(PyrtObject *v, PyrtModuleDef *def)
{
    PyrtObject *m = PyrtModule_Compiled(def);
    if (!m)
        return -1;
    if (v == m)
        return 0;
    Pyrt_ErrFormat(&PyrtType_RuntimeError, "pyrite: sys.modules['%s'] is not the module '%s' compiled into "
                   "the program", def->name, def->name);
    return -1;
}

/* a submodule that finished loading becomes an attribute of its package (`import importlib.machinery`
 * then `importlib.machinery` through the module object), unless the package binds that name itself */
int PyrtModule_SetSubmodule(PyrtModuleDef *parent, PyrtModuleDef *child)
{
    PyrtObject *p = PyrtModule_Compiled(parent), *c = PyrtModule_Compiled(child);
    const char *dot = strrchr(child->name, '.');
    if (!p || !c || !dot)
        return p && c ? 0 : -1;
    PyrtObject *k = PyrtStr_FromCString(dot + 1);
    if (!k)
        return -1;
    PyrtObject *old = Pyrt_GetAttr(p, k);
    int r = 0;
    if (old)
        Pyrt_DecRef(old);
    else if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_AttributeError) == 1) {
        Pyrt_ErrClear();
        r = Pyrt_SetAttr(p, k, c);
    } else
        r = -1;
    Pyrt_DecRef(k);
    return r;
}

/* sys.builtin_module_names: the modules CPython has built in that pyrite provides (os.py picks its
 * platform module by it: 'posix') */
static PyrtObject *builtin_module_names(void)
{
    static const char *const names[] = { "_abc", "_collections", "_thread", "_weakref", "builtins", "gc",
                                         "itertools", "posix", "sys", "time" };
    int64_t n = (int64_t)(sizeof names / sizeof names[0]);
    PyrtObject *t = PyrtTuple_New(n);
    for (int64_t i = 0; t && i < n; i++) {
        PyrtObject *s = PyrtStr_FromCString(names[i]);
        if (!s) {
            Pyrt_DecRef(t);
            return NULL;
        }
        PyrtTuple_SetNew_Steal(t, i, s);
    }
    return t;
}

static PyrtObject *make_module(const char *name, const ModFn *fns)
{
    PyrtModule *m = (PyrtModule *)Pyrt_Alloc(&PyrtType_Module, sizeof(PyrtModule));
    if (!m)
        return NULL;
    m->name = name;
    m->dict = PyrtDict_New();
    int rc = m->dict ? set_value(m->dict, "__name__", PyrtStr_FromCString(name)) : -1;
    for (const ModFn *f = fns; rc == 0 && f->name; f++)
        rc = set_value(m->dict, f->name, PyrtBuiltin_New(f->name, f->fn, NULL));
    if (rc == 0)
        rc = add_values(name, m->dict);
    if (rc < 0) {
        PYRT_DECREF(m);
        return NULL;
    }
    return Pyrt_MakeImmortal((PyrtObject *)m);
}

void PyrtModule_GlobalsSync(PyrtModuleDef *def, const char *name, PyrtObject *v)
{
    if (!def->globals_dict)
        return;
    PyrtObject *saved = Pyrt_ErrFetch();
    if (v)
        PyrtDict_SetItemStr(def->globals_dict, name, v);
    else if (PyrtDict_GetItemStr(def->globals_dict, name)) {
        PyrtObject *k = PyrtStr_FromCString(name);
        if (k)
            PyrtDict_DelItem(def->globals_dict, k);
        Pyrt_XDecRef(k);
    }
    Pyrt_ErrClear();   /* (no memory: the dict misses a name) */
    Pyrt_ErrRestore(saved);
}

int PyrtModule_GlobalsSyncIn(PyrtModuleDef *def)
{
    PyrtObject *d = def->globals_dict;
    if (!d)
        return 0;
    for (const char *const *n = def->names; n && *n; n++) {
        PyrtObject *v = PyrtDict_GetItemStr(d, *n);
        if (!v)
            continue;   /* (a del through the dict is not followed) */
        PyrtObject *cur = def->get(*n);
        if (!cur && Pyrt_ErrOccurred())
            return -1;
        bool same = cur == v;
        Pyrt_XDecRef(cur);
        if (!same && def->set(*n, v) < 0)
            return -1;
    }
    return 0;
}

PyrtObject *PyrtModule_Globals(PyrtModuleDef *def)
{
    if (def->globals_dict) {
        Pyrt_IncRef(def->globals_dict);
        return def->globals_dict;
    }
    PyrtModule *m = (PyrtModule *)PyrtModule_Compiled(def);
    if (!m)
        return NULL;
    PyrtObject *d = PyrtDict_Copy(m->dict);   /* __name__, __file__, attributes set from outside */
    for (const char *const *n = def->names; d && n && *n; n++) {
        PyrtObject *v = def->get(*n);
        if (!v) {
            if (Pyrt_ErrOccurred())
                PYRT_CLEAR(d);
            continue;   /* (unbound) */
        }
        if (PyrtDict_SetItemStr(d, *n, v) < 0)
            PYRT_CLEAR(d);
        PYRT_DECREF(v);
    }
    if (d) {
        def->globals_dict = d;   /* (the module lives for the whole run) */
        Pyrt_IncRef(d);
    }
    return d;
}

/* dir(module): the sorted names of its dict and, for a compiled module, of its bound globals */
PyrtObject *PyrtModule_Dir(PyrtObject *o)
{
    PyrtModule *m = (PyrtModule *)o;
    PyrtObject *set = PyrtSet_New();
    int64_t pos = 0;
    PyrtObject *k, *v;
    while (set && m->dict && PyrtDict_Next(m->dict, &pos, &k, &v))
        if (PyrtSet_Add(set, k) < 0)
            PYRT_CLEAR(set);
    for (const char *const *n = m->def ? m->def->names : NULL; set && n && *n; n++) {
        PyrtObject *val = m->def->get(*n);
        if (!val) {
            if (Pyrt_ErrOccurred())
                PYRT_CLEAR(set);
            continue;   /* (unbound) */
        }
        PYRT_DECREF(val);
        PyrtObject *name = PyrtStr_FromCString(*n);
        if (!name || PyrtSet_Add(set, name) < 0)
            PYRT_CLEAR(set);
        Pyrt_XDecRef(name);
    }
    if (!set)
        return NULL;
    PyrtObject *l = PyrtList_Sorted(set, NULL, 0);
    PYRT_DECREF(set);
    return l;
}

PyrtObject *PyrtModule_Compiled(PyrtModuleDef *def)
{
    if (def->object)
        return def->object;
    PyrtModule *m = (PyrtModule *)make_module(def->name, (const ModFn[]){ { NULL, NULL } });
    if (!m)
        return NULL;
    if (set_value(m->dict, "__file__", PyrtStr_FromCString(def->file)) < 0)
        return NULL;
    m->def = def;
    def->object = (PyrtObject *)m;
    return def->object;
}

/* ------------------------------------------------------------------ __import__ */
static PyrtModuleEntry *pyrt_module_registry;

/* the globals of the compiled module whose source is `file` (a frame's f_globals: unittest hides the
 * frames of modules that set __unittest), from the modules registered or in sys.modules; new
 * reference, or NULL without an exception when none is known */
PyrtObject *PyrtModule_GlobalsForFile(const char *file)
{
    for (PyrtModuleEntry *e = pyrt_module_registry; e; e = e->next)
        if (e->def && e->def->file && strcmp(e->def->file, file) == 0)
            return PyrtModule_Globals(e->def);
    int64_t pos = 0;
    PyrtObject *k, *v;
    while (pyrt_sys_modules && PyrtDict_Next(pyrt_sys_modules, &pos, &k, &v))
        if (v->type == &PyrtType_Module && ((PyrtModule *)v)->def && ((PyrtModule *)v)->def->file
            && strcmp(((PyrtModule *)v)->def->file, file) == 0)
            return PyrtModule_Globals(((PyrtModule *)v)->def);
    return NULL;
}

void PyrtModule_Register(PyrtModuleEntry *e)
{
    e->next = pyrt_module_registry;
    pyrt_module_registry = e;
}

/* the module called name (running a compiled one's top level first), borrowed; NULL + ModuleNotFoundError */
static PyrtObject *import_one(const char *name)
{
    for (PyrtModuleEntry *e = pyrt_module_registry; e; e = e->next) {
        if (strcmp(e->name, name) != 0)
            continue;
        if (e->init() < 0)
            return NULL;
        return PyrtModule_Compiled(e->def);
    }
    PyrtObject *m = Pyrt_GetModule(name);
    if (m) {   /* (in sys.modules from now on, as after CPython's import: pickle looks it up there) */
        if (sys_modules() && !PyrtDict_GetItemStr(pyrt_sys_modules, name) &&
            PyrtDict_SetItemStr(pyrt_sys_modules, name, m) < 0)
            return NULL;
        return m;
    }
    return Pyrt_ErrFormat(&PyrtType_ModuleNotFoundError, "No module named '%s'", name);
}

PyrtObject *PyrtModule_LoadName(PyrtModuleDef *def, const char *name)
{
    PyrtModule *m = (PyrtModule *)PyrtModule_Compiled(def);
    if (!m)
        return NULL;
    PyrtObject *v = m->dict ? PyrtDict_GetItemStr(m->dict, name) : NULL;
    if (!v && def->globals_dict)
        v = PyrtDict_GetItemStr(def->globals_dict, name);
    if (!v)
        return Pyrt_ErrNameError(name);
    Pyrt_IncRef(v);
    return v;
}

PyrtObject *PyrtModule_ImportName(PyrtObject *module, const char *name)
{
    PyrtObject *v = Pyrt_GetAttrStr(module, name);
    if (v || Pyrt_ErrMatches((PyrtObject *)&PyrtType_AttributeError) != 1)
        return v;
    Pyrt_ErrClear();
    PyrtObject *mn = PyrtModule_Name(module);
    return Pyrt_ErrFormat(&PyrtType_ImportError, "cannot import name '%s' from '%s'", name,
                          mn && PyrtStr_Check(mn) ? PyrtStr_UTF8(mn) : "?");
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0): absolute imports of the modules
 * compiled into the program (and the runtime's own) */
PyrtObject *Pyrt_builtin___import__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)self;
    static const char *const names[] = { "name", "globals", "locals", "fromlist", "level" };
    static const PyrtArgSpec spec = { "__import__", 5, 0, 0, 0, 0, names, 1 };
    PyrtObject *a[5];
    if (Pyrt_ParseArgs(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!PyrtStr_Check(a[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "__import__() argument 1 must be str, not %s", a[0]->type->name);
    if (a[4] && a[4] != Pyrt_None) {
        int64_t level = PyrtInt_AsI64Checked(a[4]);
        if (Pyrt_ErrOccurred())
            return NULL;
        if (level < 0)
            return Pyrt_ErrSetString(&PyrtType_ValueError, "level must be >= 0");
        if (level > 0)
            return Pyrt_ErrSetString(&PyrtType_ImportError,
                                     "pyrite: relative imports through __import__ are not supported");
    }
    const char *name = PyrtStr_UTF8(a[0]);
    if (!*name)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "Empty module name");
    /* the packages first, then the module, as an import statement does */
    size_t n = strlen(name);
    char *buf = Pyrt_Malloc(n + 1);
    if (!buf)
        return NULL;
    PyrtObject *top = NULL, *m = NULL, *parent = NULL;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (name[i] != '.' && name[i] != '\0')
            continue;
        memcpy(buf, name, i);
        buf[i] = '\0';
        m = import_one(buf);
        if (!m)
            break;
        if (!top)
            top = m;
        if (parent) {   /* pkg.sub, as CPython binds it */
            PyrtObject *attr = PyrtStr_FromCString(buf + start);
            int rc = attr ? Pyrt_SetAttr(parent, attr, m) : -1;
            Pyrt_XDecRef(attr);
            if (rc < 0) {
                m = NULL;
                break;
            }
        }
        parent = m;
        start = i + 1;
    }
    Pyrt_Free(buf);
    if (!m)
        return NULL;
    bool from = false;
    if (a[3] && a[3] != Pyrt_None) {
        int t = Pyrt_IsTrue(a[3]);
        if (t < 0)
            return NULL;
        from = t;
    }
    PyrtObject *r = from ? m : top;
    Pyrt_IncRef(r);
    return r;
}

PyrtObject *Pyrt_GetModule(const char *name)
{
    static PyrtObject *math_mod, *sys_mod, *time_mod, *random_mod, *gc_mod, *builtins_mod;
    static const ModFn no_fns[] = { { NULL, NULL } };
    if (strcmp(name, "math") == 0)
        return math_mod ? math_mod : (math_mod = make_module("math", math_fns));
    if (strcmp(name, "sys") == 0)
        return sys_mod ? sys_mod : (sys_mod = make_module("sys", sys_fns));
    if (strcmp(name, "time") == 0)
        return time_mod ? time_mod : (time_mod = make_module("time", time_fns));
    if (strcmp(name, "random") == 0)
        return random_mod ? random_mod : (random_mod = make_module("random", no_fns));
    if (strcmp(name, "gc") == 0)
        return gc_mod ? gc_mod : (gc_mod = make_module("gc", pyrt_gc_fns));
    if (strcmp(name, "builtins") == 0)   /* (its attributes: module_getattr) */
        return builtins_mod ? builtins_mod : (builtins_mod = make_module("builtins", no_fns));
    return NULL;
}

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_getattr_mathmod(void)
{
    PyrtType_Module.getattr = module_getattr;
}
void pyrt_lazy_setattr_mathmod(void)
{
    PyrtType_Module.setattr = module_setattr;
}
