/* test_num.c: unit tests of the num runtime area (int, bool, float, builtins, io, math/sys/time).
 * Expected values were produced with CPython 3.11. Prints "OK num" and exits 0 on success. */
#include "pyrt.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

const char *__asan_default_options(void) { return "detect_leaks=0"; }

static int failures;
#define CHECK(cond) do { if (!(cond)) { failures++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

static PyrtObject *I(int64_t v) { return PyrtInt_FromI64(v); }
static PyrtObject *F(double d) { return PyrtFloat_FromDouble(d); }
static PyrtObject *S(const char *s) { return PyrtStr_FromCString(s); }

static bool str_eq(PyrtObject *o, const char *s)
{
    bool ok = o && (o->type == &PyrtType_Str) && strcmp(PyrtStr_UTF8(o), s) == 0;
    if (!ok)
        fprintf(stderr, "  expected '%s', got '%s'\n", s, o && o->type == &PyrtType_Str ? PyrtStr_UTF8(o) : "(not a str)");
    return ok;
}

/* repr(o) == s; o NULL (an exception) fails and prints it */
static bool repr_is(PyrtObject *o, const char *s)
{
    if (!o) {
        PyrtObject *e = Pyrt_ErrFetch();
        PyrtObject *m = e ? Pyrt_Str(e) : NULL;
        fprintf(stderr, "  expected %s, got exception %s: %s\n", s, e ? e->type->name : "?", m ? PyrtStr_UTF8(m) : "?");
        return false;
    }
    return str_eq(Pyrt_Repr(o), s);
}

/* the current exception is of type t with str(e) == msg; clears it */
static bool exc_is(PyrtObject *result, PyrtType *t, const char *msg)
{
    if (result || !pyrt_exc) {
        fprintf(stderr, "  expected %s: %s, got no exception\n", t->name, msg);
        Pyrt_ErrClear();
        return false;
    }
    PyrtObject *e = Pyrt_ErrFetch();
    PyrtObject *s = Pyrt_Str(e);
    bool ok = e->type == t && s && strcmp(PyrtStr_UTF8(s), msg) == 0;
    if (!ok)
        fprintf(stderr, "  expected %s: %s, got %s: %s\n", t->name, msg, e->type->name, s ? PyrtStr_UTF8(s) : "?");
    return ok;
}

static PyrtObject *call(const char *name, int n, ...)
{
    PyrtObject *args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, PyrtObject *);
    va_end(ap);
    PyrtObject *f = Pyrt_GetBuiltin(name);
    if (!f) {
        fprintf(stderr, "  no builtin %s\n", name);
        return NULL;
    }
    return Pyrt_Call(f, args, n, NULL);
}

/* call with the last argument passed as keyword `kw` */
static PyrtObject *call_kw(PyrtObject *f, const char *kw, int n, ...)
{
    PyrtObject *args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, PyrtObject *);
    va_end(ap);
    PyrtObject *names = PyrtTuple_New(1);
    PyrtTuple_SetNew_Steal(names, 0, S(kw));
    return Pyrt_Call(f, args, n - 1, names);
}

static PyrtObject *list_of(int n, ...)
{
    PyrtObject *items[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        items[i] = va_arg(ap, PyrtObject *);
    va_end(ap);
    return PyrtList_FromArray(items, n);
}

static PyrtObject *binop(PyrtObject *a, PyrtObject *b, int op) { return Pyrt_BinaryOp(a, b, op); }

/* ------------------------------------------------------------------ int */
static void test_int(void)
{
    CHECK(I(7) == I(7));                     /* small int cache */
    CHECK(I(-5) == I(-5) && I(1024) == I(1024));
    CHECK(repr_is(I(-9223372036854775807LL - 1), "-9223372036854775808"));
    CHECK(str_eq(PyrtInt_ToBase(-5, 2, true), "-0b101"));
    CHECK(str_eq(PyrtInt_ToBase(255, 16, true), "0xff"));
    CHECK(str_eq(PyrtInt_ToBase(-8, 8, true), "-0o10"));
    CHECK(str_eq(PyrtInt_ToBase(INT64_MIN, 16, true), "-0x8000000000000000"));
    CHECK(PyrtI64_Hash(-1) == -2);
    CHECK(PyrtI64_Hash(INT64_MIN) == -4);
    CHECK(PyrtI64_Hash(((int64_t)1 << 61) - 1) == 0);
    CHECK(PyrtI64_Hash((int64_t)1 << 62) == 2);
    CHECK(Pyrt_Hash(Pyrt_True) == 1);

    /* int(str) */
    struct { const char *s; int64_t base; int64_t v; } ok[] = {
        { " 12 ", 10, 12 }, { "1_000", 10, 1000 }, { "0x10", 0, 16 }, { "0_0", 0, 0 }, { "00", 0, 0 },
        { " -0b1_1 ", 0, -3 }, { "0x_ff", 16, 255 }, { "z", 36, 35 }, { "Z", 36, 35 }, { "+0", 10, 0 },
        { "-0x10", 16, -16 }, { "0b1", 16, 177 }, { "-9223372036854775808", 10, INT64_MIN },
        { "9223372036854775807", 10, INT64_MAX }, { "\t\n 42\r\n", 10, 42 },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        PyrtObject *r = PyrtInt_FromString(S(ok[i].s), ok[i].base);
        CHECK(r && PyrtInt_AsI64(r) == ok[i].v);
        if (!r || PyrtInt_AsI64(r) != ok[i].v)
            fprintf(stderr, "  int(%s, %lld)\n", ok[i].s, (long long)ok[i].base);
        Pyrt_ErrClear();
    }
    struct { const char *s; int64_t base; const char *msg; } bad[] = {
        { "abc", 10, "invalid literal for int() with base 10: 'abc'" },
        { "010", 0, "invalid literal for int() with base 0: '010'" },
        { "", 10, "invalid literal for int() with base 10: ''" },
        { "0b", 0, "invalid literal for int() with base 0: '0b'" },
        { "+ 1", 10, "invalid literal for int() with base 10: '+ 1'" },
        { "1__0", 10, "invalid literal for int() with base 10: '1__0'" },
        { "_1", 10, "invalid literal for int() with base 10: '_1'" },
        { "1_", 10, "invalid literal for int() with base 10: '1_'" },
        { "-", 10, "invalid literal for int() with base 10: '-'" },
        { "12", 1, "int() base must be >= 2 and <= 36, or 0" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(exc_is(PyrtInt_FromString(S(bad[i].s), bad[i].base), &PyrtType_ValueError, bad[i].msg));
    CHECK(repr_is(PyrtInt_FromString(S("9223372036854775808"), 10), "9223372036854775808"));

    /* int(...) constructor */
    PyrtObject *intt = (PyrtObject *)&PyrtType_Int;
    CHECK(repr_is(Pyrt_Call(intt, NULL, 0, NULL), "0"));
    CHECK(repr_is(call_kw(intt, "base", 2, S("ff"), I(16)), "255"));
    CHECK(repr_is(Pyrt_Call(intt, (PyrtObject *[]){ F(-3.9) }, 1, NULL), "-3"));
    CHECK(repr_is(Pyrt_Call(intt, (PyrtObject *[]){ Pyrt_True }, 1, NULL), "1"));
    CHECK(exc_is(Pyrt_Call(intt, (PyrtObject *[]){ F(1.0), I(10) }, 2, NULL), &PyrtType_TypeError,
                 "int() can't convert non-string with explicit base"));
    CHECK(exc_is(Pyrt_Call(intt, (PyrtObject *[]){ list_of(0) }, 1, NULL), &PyrtType_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not 'list'"));
    CHECK(exc_is(Pyrt_Call(intt, (PyrtObject *[]){ F(INFINITY) }, 1, NULL), &PyrtType_OverflowError,
                 "cannot convert float infinity to integer"));
    CHECK(exc_is(Pyrt_Call(intt, (PyrtObject *[]){ F(NAN) }, 1, NULL), &PyrtType_ValueError,
                 "cannot convert float NaN to integer"));
    CHECK(exc_is(Pyrt_Call(intt, (PyrtObject *[]){ I(1), I(2), I(3) }, 3, NULL), &PyrtType_TypeError,
                 "int() takes at most 2 arguments (3 given)"));
    CHECK(exc_is(call_kw(intt, "x", 1, I(1)), &PyrtType_TypeError, "'x' is an invalid keyword argument for int()"));

    /* arithmetic */
    CHECK(repr_is(binop(I(7), I(2), PYRT_FLOORDIV), "3"));
    CHECK(repr_is(binop(I(-7), I(2), PYRT_FLOORDIV), "-4"));
    CHECK(repr_is(binop(I(10), I(-3), PYRT_MOD), "-2"));
    CHECK(repr_is(binop(I(-10), I(3), PYRT_MOD), "2"));
    CHECK(repr_is(binop(I(7), I(2), PYRT_TRUEDIV), "3.5"));
    CHECK(repr_is(binop(I(2), I(-1), PYRT_POW), "0.5"));
    CHECK(repr_is(binop(I(3), I(-2), PYRT_POW), "0.1111111111111111"));
    CHECK(repr_is(binop(I(9007199254740993LL), I(3), PYRT_TRUEDIV), "3002399751580331.0"));
    CHECK(repr_is(binop(I(-9007199254740993LL), I(-3), PYRT_TRUEDIV), "3002399751580331.0"));
    CHECK(repr_is(binop(I(INT64_MIN), I(-1), PYRT_TRUEDIV), "9.223372036854776e+18"));
    CHECK(repr_is(binop(I(1763750000123456789LL), I(1000000000), PYRT_TRUEDIV), "1763750000.1234567"));
    CHECK(repr_is(binop(I(-2), I(63), PYRT_POW), "-9223372036854775808"));
    CHECK(repr_is(binop(I(2), I(62), PYRT_POW), "4611686018427387904"));
    CHECK(repr_is(binop(I(2), I(63), PYRT_POW), "9223372036854775808"));
    CHECK(exc_is(binop(I(0), I(-1), PYRT_POW), &PyrtType_ZeroDivisionError, "0.0 cannot be raised to a negative power"));
    CHECK(exc_is(binop(I(1), I(0), PYRT_TRUEDIV), &PyrtType_ZeroDivisionError, "division by zero"));
    CHECK(exc_is(binop(I(1), I(0), PYRT_FLOORDIV), &PyrtType_ZeroDivisionError, "integer division or modulo by zero"));
    CHECK(exc_is(binop(I(1), I(0), PYRT_MOD), &PyrtType_ZeroDivisionError, "integer modulo by zero"));
    CHECK(repr_is(binop(I(INT64_MAX), I(1), PYRT_ADD), "9223372036854775808"));
    CHECK(repr_is(binop(I(1), I(62), PYRT_LSHIFT), "4611686018427387904"));
    CHECK(repr_is(binop(I(-1), I(63), PYRT_LSHIFT), "-9223372036854775808"));
    CHECK(repr_is(binop(I(1), I(63), PYRT_LSHIFT), "9223372036854775808"));
    CHECK(repr_is(binop(I(0), I(100), PYRT_LSHIFT), "0"));
    CHECK(repr_is(binop(I(5), I(100), PYRT_RSHIFT), "0"));
    CHECK(repr_is(binop(I(-5), I(100), PYRT_RSHIFT), "-1"));
    CHECK(exc_is(binop(I(1), I(-1), PYRT_LSHIFT), &PyrtType_ValueError, "negative shift count"));
    CHECK(repr_is(binop(I(6), I(3), PYRT_XOR | PYRT_INPLACE), "5"));
    CHECK(binop(Pyrt_True, Pyrt_True, PYRT_AND) == Pyrt_True);
    CHECK(binop(Pyrt_True, Pyrt_True, PYRT_XOR) == Pyrt_False);
    CHECK(repr_is(binop(Pyrt_True, Pyrt_True, PYRT_ADD), "2"));
    CHECK(repr_is(binop(Pyrt_True, I(0), PYRT_OR), "1"));
    CHECK(repr_is(binop(Pyrt_True, I(2), PYRT_TRUEDIV), "0.5"));
    CHECK(repr_is(Pyrt_UnaryOp(Pyrt_True, PYRT_INVERT), "-2"));
    CHECK(repr_is(Pyrt_UnaryOp(Pyrt_True, PYRT_NEG), "-1"));
    CHECK(repr_is(Pyrt_UnaryOp(I(INT64_MIN), PYRT_NEG), "9223372036854775808"));
    CHECK(repr_is(Pyrt_True, "True"));
    CHECK(str_eq(Pyrt_Str(Pyrt_False), "False"));

    /* exact int/float comparison */
    CHECK(Pyrt_RichCompareBool(I(1), F(1.0), PYRT_EQ) == 1);
    CHECK(Pyrt_RichCompareBool(I(9007199254740993LL), F(9007199254740992.0), PYRT_EQ) == 0);
    CHECK(Pyrt_RichCompareBool(I(9007199254740993LL), F(9007199254740992.0), PYRT_GT) == 1);
    CHECK(Pyrt_RichCompareBool(I(INT64_MAX), F(9223372036854775808.0), PYRT_LT) == 1);
    CHECK(Pyrt_RichCompareBool(I(INT64_MIN), F(-9223372036854775808.0), PYRT_EQ) == 1);
    CHECK(Pyrt_RichCompareBool(F(2.5), I(2), PYRT_GT) == 1);
    CHECK(Pyrt_RichCompareBool(F(-2.5), I(-2), PYRT_LT) == 1);
    CHECK(Pyrt_RichCompareBool(F(NAN), I(0), PYRT_NE) == 1);
    CHECK(Pyrt_RichCompareBool(F(NAN), I(0), PYRT_LE) == 0);

    /* methods */
    CHECK(repr_is(Pyrt_CallMethod(I(-255), S("bit_length"), NULL, 0, NULL), "8"));
    CHECK(repr_is(Pyrt_CallMethod(I(5), S("bit_count"), NULL, 0, NULL), "2"));
    CHECK(repr_is(Pyrt_CallMethod(F(1.0), S("is_integer"), NULL, 0, NULL), "True"));
    CHECK(repr_is(Pyrt_CallMethod(F(1.5), S("is_integer"), NULL, 0, NULL), "False"));
}

/* ------------------------------------------------------------------ float */
static void test_float(void)
{
    struct { double v; const char *r; } reprs[] = {
        { 0.1, "0.1" }, { 1.0 / 3, "0.3333333333333333" }, { 1e22, "1e+22" }, { 1e16, "1e+16" },
        { 1e15, "1000000000000000.0" }, { 123456789012345680.0, "1.2345678901234568e+17" },
        { 5e-324, "5e-324" }, { 1.7976931348623157e+308, "1.7976931348623157e+308" },
        { 0.1 + 0.2, "0.30000000000000004" }, { -0.0, "-0.0" }, { 0.0, "0.0" }, { 0.0001, "0.0001" },
        { 0.00001, "1e-05" }, { 2.5e-05, "2.5e-05" }, { 1e100, "1e+100" }, { 100.0, "100.0" },
        { 1234567890123456.7, "1234567890123456.8" }, { 9007199254740993.0, "9007199254740992.0" },
        { INFINITY, "inf" }, { -INFINITY, "-inf" }, { NAN, "nan" }, { -1.5, "-1.5" }, { 2.675, "2.675" },
    };
    for (size_t i = 0; i < sizeof reprs / sizeof reprs[0]; i++)
        CHECK(str_eq(PyrtFloat_Repr(reprs[i].v), reprs[i].r));
    CHECK(str_eq(Pyrt_Str(F(1e16)), "1e+16"));

    /* float(str) */
    struct { const char *s; const char *r; } parse[] = {
        { " 1_0.5 ", "10.5" }, { ".5", "0.5" }, { "5.", "5.0" }, { "-iNF", "-inf" }, { "nan ", "nan" },
        { "1e500", "inf" }, { "-0", "-0.0" }, { "1E5", "100000.0" }, { "+1.5e-3", "0.0015" },
        { "Infinity", "inf" }, { "1_000e1_0", "10000000000000.0" }, { "1_0e1_6", "1e+17" },
    };
    for (size_t i = 0; i < sizeof parse / sizeof parse[0]; i++)
        CHECK(repr_is(PyrtFloat_FromString(S(parse[i].s)), parse[i].r));
    const char *badf[] = { "x", "", "1__0", "1e", "0x1p3", "1_", "_1", "1._5", "inf_", "--1", "1e+", ". 5", "nan(1)" };
    for (size_t i = 0; i < sizeof badf / sizeof badf[0]; i++) {
        char msg[80];
        PyrtObject *rs = Pyrt_Repr(S(badf[i]));
        snprintf(msg, sizeof msg, "could not convert string to float: %s", PyrtStr_UTF8(rs));
        CHECK(exc_is(PyrtFloat_FromString(S(badf[i])), &PyrtType_ValueError, msg));
    }
    PyrtObject *floatt = (PyrtObject *)&PyrtType_Float;
    CHECK(repr_is(Pyrt_Call(floatt, NULL, 0, NULL), "0.0"));
    CHECK(repr_is(Pyrt_Call(floatt, (PyrtObject *[]){ Pyrt_True }, 1, NULL), "1.0"));
    CHECK(exc_is(Pyrt_Call(floatt, (PyrtObject *[]){ list_of(0) }, 1, NULL), &PyrtType_TypeError,
                 "float() argument must be a string or a real number, not 'list'"));
    CHECK(exc_is(Pyrt_Call(floatt, (PyrtObject *[]){ I(1), I(2) }, 2, NULL), &PyrtType_TypeError,
                 "float expected at most 1 argument, got 2"));

    /* hash */
    CHECK(PyrtF64_Hash(1.5) == 1152921504606846977LL);
    CHECK(PyrtF64_Hash(-0.5) == -1152921504606846976LL);
    CHECK(PyrtF64_Hash(1e100) == 1822893315824342674LL);
    CHECK(PyrtF64_Hash(INFINITY) == 314159);
    CHECK(PyrtF64_Hash(3.0) == PyrtI64_Hash(3));
    CHECK(PyrtF64_Hash(-1.0) == -2);
    CHECK(Pyrt_Hash(F(2.0)) == 2);

    /* arithmetic */
    CHECK(repr_is(binop(F(-7.5), I(2), PYRT_FLOORDIV), "-4.0"));
    CHECK(repr_is(binop(F(-7.5), I(2), PYRT_MOD), "0.5"));
    CHECK(repr_is(binop(F(7.5), I(-2), PYRT_MOD), "-0.5"));
    CHECK(repr_is(binop(F(-0.0), I(5), PYRT_MOD), "0.0"));
    CHECK(repr_is(binop(F(5.0), F(INFINITY), PYRT_FLOORDIV), "0.0"));
    CHECK(repr_is(binop(F(-5.0), F(INFINITY), PYRT_FLOORDIV), "-1.0"));
    CHECK(repr_is(binop(F(INFINITY), F(1.0), PYRT_FLOORDIV), "nan"));
    CHECK(repr_is(binop(I(7), F(2.0), PYRT_FLOORDIV), "3.0"));
    CHECK(repr_is(binop(F(-2.0), I(3), PYRT_POW), "-8.0"));
    CHECK(repr_is(binop(F(0.1), F(0.2), PYRT_ADD), "0.30000000000000004"));
    CHECK(repr_is(binop(I(1), F(0.5), PYRT_SUB), "0.5"));
    CHECK(exc_is(binop(F(1.0), I(0), PYRT_TRUEDIV), &PyrtType_ZeroDivisionError, "float division by zero"));
    CHECK(exc_is(binop(F(1.0), I(0), PYRT_FLOORDIV), &PyrtType_ZeroDivisionError, "float floor division by zero"));
    CHECK(exc_is(binop(F(1.0), I(0), PYRT_MOD), &PyrtType_ZeroDivisionError, "float modulo"));
    CHECK(exc_is(binop(F(0.0), I(-1), PYRT_POW), &PyrtType_ZeroDivisionError, "0.0 cannot be raised to a negative power"));
    CHECK(exc_is(binop(F(2.0), I(10000), PYRT_POW), &PyrtType_OverflowError, "(34, 'Numerical result out of range')"));
    CHECK(exc_is(binop(F(-8.0), F(1.0 / 3), PYRT_POW), &PyrtType_ValueError, "pyrite: complex results are not supported"));
    CHECK(repr_is(Pyrt_UnaryOp(F(0.0), PYRT_NEG), "-0.0"));
    double q, m;
    CHECK(!PyrtF64_DivMod(-7.5, 2, &q, &m) && q == -4.0 && m == 0.5);

    /* round */
    CHECK(repr_is(PyrtF64_Round(2.5, NULL), "2"));
    CHECK(repr_is(PyrtF64_Round(5.5, NULL), "6"));
    CHECK(repr_is(PyrtF64_Round(-0.5, NULL), "0"));
    CHECK(repr_is(PyrtF64_Round(2.675, I(2)), "2.67"));
    CHECK(repr_is(PyrtF64_Round(0.125, I(2)), "0.12"));
    CHECK(repr_is(PyrtF64_Round(1e20, I(2)), "1e+20"));
    CHECK(repr_is(PyrtF64_Round(12345.678, I(-2)), "12300.0"));
    CHECK(repr_is(PyrtF64_Round(-0.04, I(1)), "-0.0"));
    CHECK(repr_is(PyrtF64_Round(150.0, I(-2)), "200.0"));
    CHECK(repr_is(PyrtF64_Round(50.0, I(-2)), "0.0"));
    CHECK(repr_is(PyrtF64_Round(51.0, I(-2)), "100.0"));
    CHECK(repr_is(PyrtF64_Round(1.2345, I(400)), "1.2345"));
    CHECK(repr_is(PyrtF64_Round(1e308, I(-308)), "1e+308"));
    CHECK(exc_is(PyrtF64_Round(INFINITY, NULL), &PyrtType_OverflowError, "cannot convert float infinity to integer"));
    CHECK(exc_is(PyrtF64_Round(NAN, NULL), &PyrtType_ValueError, "cannot convert float NaN to integer"));
    CHECK(exc_is(PyrtF64_Round(1.5, F(1.0)), &PyrtType_TypeError, "'float' object cannot be interpreted as an integer"));
}

/* ------------------------------------------------------------------ builtins */
static void test_builtins(void)
{
    PyrtObject *xs = list_of(3, I(3), I(1), I(2));
    CHECK(repr_is(call("len", 1, xs), "3"));
    CHECK(exc_is(call("len", 2, xs, xs), &PyrtType_TypeError, "len() takes exactly one argument (2 given)"));
    CHECK(repr_is(call("abs", 1, I(-3)), "3"));
    CHECK(repr_is(call("abs", 1, F(-0.0)), "0.0"));
    CHECK(repr_is(call("abs", 1, Pyrt_True), "1"));
    CHECK(exc_is(call("abs", 1, S("a")), &PyrtType_TypeError, "bad operand type for abs(): 'str'"));
    CHECK(repr_is(call("min", 1, xs), "1"));
    CHECK(repr_is(call("max", 1, xs), "3"));
    CHECK(repr_is(call("max", 2, I(1), F(2.0)), "2.0"));
    CHECK(repr_is(call("max", 2, F(2.0), I(2)), "2.0"));
    CHECK(exc_is(call("max", 1, list_of(0)), &PyrtType_ValueError, "max() arg is an empty sequence"));
    CHECK(exc_is(call("max", 0), &PyrtType_TypeError, "max expected at least 1 argument, got 0"));
    CHECK(exc_is(call("min", 1, I(5)), &PyrtType_TypeError, "'int' object is not iterable"));
    CHECK(repr_is(call_kw(Pyrt_GetBuiltin("min"), "default", 2, list_of(0), Pyrt_None), "None"));
    CHECK(exc_is(call_kw(Pyrt_GetBuiltin("max"), "default", 3, I(1), I(2), I(3)), &PyrtType_TypeError,
                 "Cannot specify a default for max() with multiple positional arguments"));
    CHECK(exc_is(call_kw(Pyrt_GetBuiltin("max"), "foo", 3, I(1), I(2), I(3)), &PyrtType_TypeError,
                 "'foo' is an invalid keyword argument for max()"));
    CHECK(repr_is(call_kw(Pyrt_GetBuiltin("max"), "key", 2, list_of(2, I(-5), I(3)), Pyrt_GetBuiltin("abs")), "-5"));
    CHECK(repr_is(call("sum", 1, xs), "6"));
    CHECK(repr_is(call("sum", 2, xs, F(0.5)), "6.5"));
    CHECK(repr_is(call("sum", 1, list_of(3, I(1), F(2.5), I(3))), "6.5"));
    PyrtObject *tenth = F(0.1);
    CHECK(repr_is(call("sum", 1, list_of(10, tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth)),
                  "0.9999999999999999"));
    CHECK(repr_is(call_kw(Pyrt_GetBuiltin("sum"), "start", 2, list_of(1, I(1)), I(2)), "3"));
    CHECK(exc_is(call("sum", 2, list_of(1, S("a")), S("")), &PyrtType_TypeError,
                 "sum() can't sum strings [use ''.join(seq) instead]"));
    CHECK(exc_is(call("sum", 0), &PyrtType_TypeError, "sum() takes at least 1 positional argument (0 given)"));
    CHECK(repr_is(call("divmod", 2, I(7), I(-2)), "(-4, -1)"));
    CHECK(repr_is(call("divmod", 2, F(-7.5), I(2)), "(-4.0, 0.5)"));
    CHECK(exc_is(call("divmod", 2, I(1), I(0)), &PyrtType_ZeroDivisionError, "integer division or modulo by zero"));
    CHECK(exc_is(call("divmod", 2, F(1.0), I(0)), &PyrtType_ZeroDivisionError, "float divmod()"));
    CHECK(exc_is(call("divmod", 1, I(1)), &PyrtType_TypeError, "divmod expected 2 arguments, got 1"));
    CHECK(exc_is(call("divmod", 2, S("a"), I(1)), &PyrtType_TypeError,
                 "unsupported operand type(s) for divmod(): 'str' and 'int'"));
    CHECK(repr_is(call("round", 2, I(12345), I(-2)), "12300"));
    CHECK(repr_is(call("round", 2, I(-150), I(-2)), "-200"));
    CHECK(repr_is(call("round", 2, I(250), I(-2)), "200"));
    CHECK(repr_is(call("round", 1, F(2.5)), "2"));
    CHECK(repr_is(call("round", 2, F(2.675), I(2)), "2.67"));
    CHECK(repr_is(call("round", 2, F(2.5), Pyrt_None), "2"));
    CHECK(exc_is(call("round", 0), &PyrtType_TypeError, "round() missing required argument 'number' (pos 1)"));
    CHECK(exc_is(call("round", 1, S("a")), &PyrtType_TypeError, "type str doesn't define __round__ method"));
    CHECK(repr_is(call("pow", 2, I(2), I(10)), "1024"));
    CHECK(repr_is(call("pow", 3, I(2), I(10), I(1000)), "24"));
    CHECK(repr_is(call("pow", 3, I(2), I(3), I(-5)), "-2"));
    CHECK(repr_is(call("pow", 3, I(3), I(-1), I(7)), "5"));
    CHECK(repr_is(call("pow", 3, I(123456789), I(987654321), I(1000000007)), "652541198"));
    CHECK(exc_is(call("pow", 3, I(2), I(3), I(0)), &PyrtType_ValueError, "pow() 3rd argument cannot be 0"));
    CHECK(exc_is(call("pow", 3, I(2), I(-1), I(4)), &PyrtType_ValueError, "base is not invertible for the given modulus"));
    CHECK(exc_is(call("pow", 3, F(2.0), I(3), I(4)), &PyrtType_TypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers"));
    CHECK(exc_is(call("pow", 1, I(1)), &PyrtType_TypeError, "pow() missing required argument 'exp' (pos 2)"));
    CHECK(repr_is(call("bin", 1, I(-5)), "'-0b101'"));
    CHECK(repr_is(call("hex", 1, I(255)), "'0xff'"));
    CHECK(repr_is(call("oct", 1, I(-8)), "'-0o10'"));
    CHECK(exc_is(call("hex", 1, F(1.0)), &PyrtType_TypeError, "'float' object cannot be interpreted as an integer"));
    CHECK(repr_is(call("any", 1, list_of(2, I(0), I(2))), "True"));
    CHECK(repr_is(call("all", 1, list_of(2, I(0), I(2))), "False"));
    CHECK(repr_is(call("all", 1, list_of(0)), "True"));
    CHECK(exc_is(call("all", 1, I(1)), &PyrtType_TypeError, "'int' object is not iterable"));
    CHECK(repr_is(call("ord", 1, S("a")), "97"));
    CHECK(exc_is(call("ord", 1, I(1)), &PyrtType_TypeError, "ord() expected string of length 1, but int found"));
    CHECK(repr_is(call("chr", 1, I(97)), "'a'"));
    CHECK(exc_is(call("chr", 1, F(1.0)), &PyrtType_TypeError, "'float' object cannot be interpreted as an integer"));
    CHECK(repr_is(call("hash", 1, I(-1)), "-2"));
    CHECK(repr_is(call("isinstance", 2, Pyrt_True, (PyrtObject *)&PyrtType_Int), "True"));
    CHECK(exc_is(call("isinstance", 1, I(1)), &PyrtType_TypeError, "isinstance expected 2 arguments, got 1"));
    CHECK(repr_is(call("callable", 1, Pyrt_GetBuiltin("len")), "True"));
    CHECK(repr_is(call("callable", 1, (PyrtObject *)&PyrtType_Int), "True"));
    CHECK(repr_is(call("callable", 1, I(1)), "False"));
    CHECK(repr_is(call("getattr", 3, I(1), S("x"), I(5)), "5"));
    CHECK(exc_is(call("getattr", 2, I(1), I(2)), &PyrtType_TypeError, "attribute name must be string, not 'int'"));
    CHECK(exc_is(call("getattr", 1, I(1)), &PyrtType_TypeError, "getattr expected at least 2 arguments, got 1"));
    CHECK(repr_is(call("hasattr", 2, I(1), S("bit_length")), "True"));
    CHECK(repr_is(call("hasattr", 2, I(1), S("nope")), "False"));
    CHECK(repr_is(call("repr", 1, S("a")), "\"'a'\""));
    CHECK(repr_is(call("format", 1, Pyrt_True), "'True'"));
    CHECK(repr_is(call("next", 2, Pyrt_GetIter(list_of(0)), I(7)), "7"));
    PyrtObject *list_fn = (PyrtObject *)&PyrtType_List;
    CHECK(repr_is(call_kw(Pyrt_GetBuiltin("sorted"), "reverse", 2, xs, Pyrt_True), "[3, 2, 1]"));
    CHECK(exc_is(call("sorted", 0), &PyrtType_TypeError, "sorted expected 1 argument, got 0"));
    CHECK(repr_is(Pyrt_Call(list_fn, (PyrtObject *[]){ call("zip", 2, xs, xs) }, 1, NULL), "[(3, 3), (1, 1), (2, 2)]"));
    CHECK(repr_is(Pyrt_Call(list_fn, (PyrtObject *[]){ call("enumerate", 1, xs) }, 1, NULL), "[(0, 3), (1, 1), (2, 2)]"));
    CHECK(repr_is(Pyrt_Call(list_fn, (PyrtObject *[]){ call("map", 2, Pyrt_GetBuiltin("abs"), list_of(2, I(-1), F(-2.5))) }, 1, NULL), "[1, 2.5]"));
    CHECK(repr_is(Pyrt_Call(list_fn, (PyrtObject *[]){ call("reversed", 1, xs) }, 1, NULL), "[2, 1, 3]"));
    PyrtObject *stack = list_of(4, I(0), I(3), I(2), I(1));
    CHECK(repr_is(Pyrt_Call(list_fn, (PyrtObject *[]){ call("iter", 2, Pyrt_GetAttrStr(stack, "pop"), I(0)) }, 1, NULL), "[1, 2, 3]"));
    CHECK(Pyrt_GetBuiltin("len") == Pyrt_GetBuiltin("len"));
    CHECK(Pyrt_GetBuiltin("ValueError") == (PyrtObject *)&PyrtType_ValueError);
    CHECK(Pyrt_GetBuiltin("int") == (PyrtObject *)&PyrtType_Int);
    CHECK(Pyrt_GetBuiltin("nope") == NULL);
    CHECK(exc_is(call_kw(Pyrt_GetBuiltin("print"), "sep", 2, I(1), I(3)), &PyrtType_TypeError,
                 "sep must be None or a string, not int"));
    CHECK(exc_is(call_kw(Pyrt_GetBuiltin("print"), "foo", 2, I(1), I(3)), &PyrtType_TypeError,
                 "'foo' is an invalid keyword argument for print()"));
}

/* ------------------------------------------------------------------ io */
static void test_io(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/pyrt_test_num_%lld.txt", (long long)(Pyrt_TimeTime() * 1e6) % 1000000007);
    PyrtObject *p = S(path);
    PyrtObject *f = PyrtFile_Open(p, S("w"));
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK(repr_is(Pyrt_CallMethod(f, S("write"), (PyrtObject *[]){ S("h\xc3\xa9llo\r\nwor") }, 1, NULL), "10"));
    CHECK(repr_is(Pyrt_CallMethod(f, S("write"), (PyrtObject *[]){ S("ld\rlast") }, 1, NULL), "7"));
    PyrtObject *names = PyrtTuple_New(2);
    PyrtTuple_SetNew_Steal(names, 0, S("sep"));
    PyrtTuple_SetNew_Steal(names, 1, S("file"));
    CHECK(Pyrt_Call(Pyrt_GetBuiltin("print"), (PyrtObject *[]){ I(1), F(2.5), S("-"), f }, 2, names) != NULL);
    CHECK(exc_is(Pyrt_CallMethod(f, S("write"), (PyrtObject *[]){ I(1) }, 1, NULL), &PyrtType_TypeError,
                 "write() argument must be str, not int"));
    CHECK(Pyrt_GetAttrStr(f, "closed") == Pyrt_False);
    CHECK(Pyrt_CallMethod(f, S("close"), NULL, 0, NULL) == Pyrt_None);
    CHECK(Pyrt_GetAttrStr(f, "closed") == Pyrt_True);
    CHECK(exc_is(Pyrt_CallMethod(f, S("write"), (PyrtObject *[]){ S("x") }, 1, NULL), &PyrtType_ValueError,
                 "I/O operation on closed file."));

    f = PyrtFile_Open(p, NULL);
    CHECK(repr_is(Pyrt_GetAttrStr(f, "mode"), "'r'"));
    PyrtObject *line = Pyrt_CallMethod(f, S("readline"), NULL, 0, NULL);
    CHECK(line && PyrtStr_Len(line) == 6 && strcmp(PyrtStr_UTF8(line), "h\xc3\xa9llo\n") == 0);
    CHECK(repr_is(Pyrt_CallMethod(f, S("read"), (PyrtObject *[]){ I(3) }, 1, NULL), "'wor'"));
    CHECK(repr_is(Pyrt_CallMethod(f, S("read"), NULL, 0, NULL), "'ld\\nlast1-2.5\\n'"));
    CHECK(repr_is(Pyrt_CallMethod(f, S("read"), NULL, 0, NULL), "''"));
    Pyrt_CallMethod(f, S("close"), NULL, 0, NULL);

    f = call("open", 1, p);
    PyrtObject *lines = PyrtList_FromIterable(f);
    CHECK(lines && PyrtList_Len(lines) == 3);
    CHECK(lines && repr_is(PyrtList_GetItem(lines, 2), "'last1-2.5\\n'"));
    Pyrt_CallMethod(f, S("close"), NULL, 0, NULL);
    f = call("open", 2, p, S("rb"));
    CHECK(repr_is(Pyrt_GetAttrStr(f, "mode"), "'rb'"));
    PyrtObject *b = Pyrt_CallMethod(f, S("read"), (PyrtObject *[]){ I(8) }, 1, NULL);
    CHECK(b && b->type == &PyrtType_Bytes && ((PyrtBytes *)b)->length == 8 && memcmp(((PyrtBytes *)b)->data, "h\xc3\xa9llo\r\n", 8) == 0);
    Pyrt_CallMethod(f, S("close"), NULL, 0, NULL);

    f = call("open", 2, p, S("a"));
    PyrtFile_Write(f, S("more\n"));
    Pyrt_CallMethod(f, S("__exit__"), (PyrtObject *[]){ Pyrt_None, Pyrt_None, Pyrt_None }, 3, NULL);
    f = call("open", 1, p);
    lines = Pyrt_CallMethod(f, S("readlines"), NULL, 0, NULL);
    CHECK(lines && PyrtList_Len(lines) == 4);
    CHECK(lines && repr_is(PyrtList_GetItem(lines, 1), "'world\\n'") && repr_is(PyrtList_GetItem(lines, 3), "'more\\n'"));
    Pyrt_CallMethod(f, S("close"), NULL, 0, NULL);
    char msg[128];
    snprintf(msg, sizeof msg, "[Errno 17] File exists: '%s'", path);
    CHECK(exc_is(call("open", 2, p, S("x")), &PyrtType_FileExistsError, msg));
    unlink(path);

    CHECK(exc_is(call("open", 1, S("nope.txt")), &PyrtType_FileNotFoundError,
                 "[Errno 2] No such file or directory: 'nope.txt'"));
    CHECK(exc_is(call("open", 1, S("/tmp")), &PyrtType_IsADirectoryError, "[Errno 21] Is a directory: '/tmp'"));
    CHECK(exc_is(call("open", 2, S("x"), S("z")), &PyrtType_ValueError, "invalid mode: 'z'"));
    CHECK(exc_is(call("open", 2, S("x"), S("rw")), &PyrtType_ValueError, "must have exactly one of create/read/write/append mode"));
    CHECK(exc_is(call("open", 0), &PyrtType_TypeError, "open() missing required argument 'file' (pos 1)"));
    CHECK(repr_is(Pyrt_Stdout(), "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"));
}

/* ------------------------------------------------------------------ math, sys, time */
static bool math_err(double r, PyrtType *t, const char *msg)
{
    (void)r;
    return exc_is(NULL, t, msg);
}

static void test_math(void)
{
    CHECK(PyrtMath_Call1(PYRT_MATH_SQRT, 4.0) == 2.0 && !Pyrt_ErrOccurred());
    CHECK(math_err(PyrtMath_Call1(PYRT_MATH_SQRT, -1.0), &PyrtType_ValueError, "math domain error"));
    CHECK(math_err(PyrtMath_Call1(PYRT_MATH_LOG, 0.0), &PyrtType_ValueError, "math domain error"));
    CHECK(math_err(PyrtMath_Call1(PYRT_MATH_EXP, 1000.0), &PyrtType_OverflowError, "math range error"));
    CHECK(math_err(PyrtMath_Call1(PYRT_MATH_COSH, 1000.0), &PyrtType_OverflowError, "math range error"));
    CHECK(math_err(PyrtMath_Call1(PYRT_MATH_SIN, INFINITY), &PyrtType_ValueError, "math domain error"));
    CHECK(math_err(PyrtMath_Call1(PYRT_MATH_LOG1P, -1.0), &PyrtType_ValueError, "math domain error"));
    CHECK(math_err(PyrtMath_Call2(PYRT_MATH_FMOD, 1.0, 0.0), &PyrtType_ValueError, "math domain error"));
    CHECK(math_err(PyrtMath_Call2(PYRT_MATH_POW, 0.0, -1.0), &PyrtType_ValueError, "math domain error"));
    CHECK(math_err(PyrtMath_Call2(PYRT_MATH_POW, 10.0, 400.0), &PyrtType_OverflowError, "math range error"));
    CHECK(math_err(PyrtMath_Call2(PYRT_MATH_LOG_BASE, 10.0, 1.0), &PyrtType_ZeroDivisionError, "float division by zero"));
    CHECK(PyrtMath_Call2(PYRT_MATH_LOG_BASE, 8.0, 2.0) == 3.0);
    CHECK(PyrtMath_Call2(PYRT_MATH_FMOD, -7.0, 3.0) == -1.0);
    CHECK(PyrtMath_Call1(PYRT_MATH_DEGREES, 3.141592653589793) == 180.0);
    CHECK(repr_is(PyrtMath_Floor(2.5), "2"));
    CHECK(repr_is(PyrtMath_Ceil(-2.5), "-2"));
    CHECK(repr_is(PyrtMath_Trunc(-2.5), "-2"));
    CHECK(exc_is(PyrtMath_Floor(INFINITY), &PyrtType_OverflowError, "cannot convert float infinity to integer"));
    CHECK(repr_is(PyrtMath_Factorial(20), "2432902008176640000"));
    CHECK(exc_is(PyrtMath_Factorial(-1), &PyrtType_ValueError, "factorial() not defined for negative values"));
    CHECK(PyrtMath_Gcd(12, -18) == 6);
    CHECK(repr_is(PyrtMath_Isqrt(17), "4"));
    CHECK(repr_is(PyrtMath_Isqrt(INT64_MAX), "3037000499"));
    CHECK(exc_is(PyrtMath_Isqrt(-1), &PyrtType_ValueError, "isqrt() argument must be nonnegative"));

    PyrtObject *math = Pyrt_GetModule("math");
    CHECK(math && Pyrt_GetModule("math") == math);
    CHECK(repr_is(math, "<module 'math' (built-in)>"));
    CHECK(repr_is(Pyrt_GetAttrStr(math, "pi"), "3.141592653589793"));
    CHECK(repr_is(Pyrt_GetAttrStr(math, "e"), "2.718281828459045"));
    CHECK(repr_is(Pyrt_GetAttrStr(math, "tau"), "6.283185307179586"));
    CHECK(exc_is(Pyrt_GetAttrStr(math, "x"), &PyrtType_AttributeError, "module 'math' has no attribute 'x'"));
    PyrtObject *sqrt_fn = Pyrt_GetAttrStr(math, "sqrt");
    CHECK(repr_is(Pyrt_Call(sqrt_fn, (PyrtObject *[]){ I(16) }, 1, NULL), "4.0"));
    CHECK(exc_is(Pyrt_Call(sqrt_fn, NULL, 0, NULL), &PyrtType_TypeError, "math.sqrt() takes exactly one argument (0 given)"));
    CHECK(exc_is(Pyrt_Call(sqrt_fn, (PyrtObject *[]){ S("x") }, 1, NULL), &PyrtType_TypeError, "must be real number, not str"));
    PyrtObject *tenth = F(0.1);
    PyrtObject *tenths = list_of(10, tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth);
    CHECK(repr_is(Pyrt_CallMethod(math, S("fsum"), &tenths, 1, NULL), "1.0"));
    CHECK(repr_is(Pyrt_CallMethod(math, S("floor"), (PyrtObject *[]){ I(5) }, 1, NULL), "5"));
    CHECK(repr_is(Pyrt_CallMethod(math, S("gcd"), NULL, 0, NULL), "0"));
    CHECK(repr_is(Pyrt_CallMethod(math, S("lcm"), (PyrtObject *[]){ I(4), I(6) }, 2, NULL), "12"));
    CHECK(repr_is(Pyrt_CallMethod(math, S("comb"), (PyrtObject *[]){ I(5), I(2) }, 2, NULL), "10"));
    CHECK(repr_is(Pyrt_CallMethod(math, S("perm"), (PyrtObject *[]){ I(5) }, 1, NULL), "120"));
    CHECK(repr_is(Pyrt_CallMethod(math, S("hypot"), (PyrtObject *[]){ I(3), I(4) }, 2, NULL), "5.0"));
    CHECK(repr_is(Pyrt_CallMethod(math, S("modf"), (PyrtObject *[]){ F(2.5) }, 1, NULL), "(0.5, 2.0)"));
    CHECK(repr_is(Pyrt_CallMethod(math, S("frexp"), (PyrtObject *[]){ F(8.0) }, 1, NULL), "(0.5, 4)"));
    CHECK(repr_is(Pyrt_CallMethod(math, S("log"), (PyrtObject *[]){ I(8), I(2) }, 2, NULL), "3.0"));
    CHECK(repr_is(Pyrt_CallMethod(math, S("isclose"), (PyrtObject *[]){ F(1.0), F(1.0000000001) }, 2, NULL), "True"));
    CHECK(exc_is(Pyrt_CallMethod(math, S("factorial"), (PyrtObject *[]){ F(1.5) }, 1, NULL), &PyrtType_TypeError,
                 "'float' object cannot be interpreted as an integer"));
    CHECK(exc_is(Pyrt_CallMethod(math, S("atan2"), NULL, 0, NULL), &PyrtType_TypeError, "atan2 expected 2 arguments, got 0"));
    CHECK(exc_is(Pyrt_CallMethod(math, S("gamma"), (PyrtObject *[]){ I(0) }, 1, NULL), &PyrtType_ValueError, "math domain error"));

    PyrtObject *sys = Pyrt_GetModule("sys");
    CHECK(repr_is(Pyrt_GetAttrStr(sys, "maxsize"), "9223372036854775807"));
    CHECK(Pyrt_GetAttrStr(sys, "stdout") == Pyrt_Stdout());
    char *argv[] = { "prog", "a1" };
    Pyrt_SetArgv(2, argv);
    CHECK(repr_is(Pyrt_GetAttrStr(sys, "argv"), "['prog', 'a1']"));
    PyrtObject *r = Pyrt_CallMethod(sys, S("exit"), (PyrtObject *[]){ I(3) }, 1, NULL);
    CHECK(!r && pyrt_exc && pyrt_exc->type == &PyrtType_SystemExit);
    Pyrt_ErrClear();

    PyrtObject *time = Pyrt_GetModule("time");
    double t0 = Pyrt_TimePerfCounter();
    CHECK(Pyrt_CallMethod(time, S("sleep"), (PyrtObject *[]){ F(0.01) }, 1, NULL) == Pyrt_None);
    CHECK(Pyrt_TimePerfCounter() - t0 >= 0.009);
    CHECK(Pyrt_TimeTime() > 1.6e9);
    CHECK(exc_is(Pyrt_CallMethod(time, S("sleep"), (PyrtObject *[]){ I(-1) }, 1, NULL), &PyrtType_ValueError,
                 "sleep length must be non-negative"));
    CHECK(Pyrt_GetModule("nope") == NULL);
}

int main(int argc, char **argv)
{
    Pyrt_Init(argc, argv);
    test_int();
    test_float();
    test_builtins();
    test_io();
    test_math();
    PyrtObject *msg = S("OK num");
    if (failures == 0)
        Pyrt_Call(Pyrt_GetBuiltin("print"), &msg, 1, NULL);
    else
        fprintf(stderr, "%d failures\n", failures);
    return Pyrt_Finalize(failures ? 1 : 0);
}
