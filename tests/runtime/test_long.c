/* test_long.c: unit tests of big ints (long.c and the big-aware int entry points): canonical form,
 * INT64_MIN, the compiler's entry points (PyrtLong_FromDecimal, PyrtInt_AsI64Checked), hashing
 * consistent with floats, dict keys, the str-conversion limit, index conversions. Expected values
 * are CPython 3.11's. The randomized differential test is test_runtime_c.py:test_long_differential.
 * Prints "OK long" and exits 0 on success. */
#include "pyrt.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

const char *__asan_default_options(void) { return "detect_leaks=0"; }

static int failures;
#define CHECK(cond) do { if (!(cond)) { failures++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

static PyrtObject *I(int64_t v) { return PyrtInt_FromI64(v); }
static PyrtObject *D(const char *s) { return PyrtLong_FromDecimal(s); }

static bool repr_is(PyrtObject *o, const char *s)
{
    if (!o) {
        PyrtObject *e = Pyrt_ErrFetch();
        PyrtObject *m = e ? Pyrt_Str(e) : NULL;
        fprintf(stderr, "  expected %s, got exception %s: %s\n", s, e ? e->type->name : "?", m ? PyrtStr_UTF8(m) : "?");
        return false;
    }
    PyrtObject *r = Pyrt_Repr(o);
    bool ok = r && strcmp(PyrtStr_UTF8(r), s) == 0;
    if (!ok)
        fprintf(stderr, "  expected %s, got %s\n", s, r ? PyrtStr_UTF8(r) : "?");
    return ok;
}

static bool exc_is(PyrtType *t, const char *msg)
{
    if (!pyrt_exc) {
        fprintf(stderr, "  expected %s: %s, got no exception\n", t->name, msg);
        return false;
    }
    PyrtObject *e = Pyrt_ErrFetch();
    PyrtObject *s = Pyrt_Str(e);
    bool ok = e->type == t && s && strcmp(PyrtStr_UTF8(s), msg) == 0;
    if (!ok)
        fprintf(stderr, "  expected %s: %s, got %s: %s\n", t->name, msg, e->type->name, s ? PyrtStr_UTF8(s) : "?");
    return ok;
}

static PyrtObject *op(PyrtObject *a, PyrtObject *b, int o) { return Pyrt_BinaryOp(a, b, o); }

static void test_canonical(void)
{
    /* INT64_MIN is big; everything else in int64 is compact */
    PyrtObject *m = I(INT64_MIN);
    CHECK(PyrtInt_IsBig(m));
    CHECK(repr_is(m, "-9223372036854775808"));
    CHECK(!PyrtInt_IsBig(I(INT64_MAX)) && !PyrtInt_IsBig(I(INT64_MIN + 1)));
    int64_t v = 0;
    CHECK(PyrtInt_AsI64Checked(m) == INT64_MIN && !pyrt_exc);
    CHECK(PyrtInt_ToI64(m, &v) && v == INT64_MIN);
    /* results that fit come back compact */
    PyrtObject *big = D("18446744073709551616");          /* 2**64 */
    CHECK(PyrtInt_IsBig(big));
    PyrtObject *r = op(big, D("18446744073709551615"), PYRT_SUB);
    CHECK(r && !PyrtInt_IsBig(r) && PyrtInt_AsI64(r) == 1);
    r = op(I(INT64_MAX), I(1), PYRT_ADD);
    CHECK(PyrtInt_IsBig(r) && repr_is(r, "9223372036854775808"));
    r = op(r, I(-1), PYRT_ADD);
    CHECK(!PyrtInt_IsBig(r) && PyrtInt_AsI64(r) == INT64_MAX);
    r = Pyrt_UnaryOp(D("9223372036854775808"), PYRT_NEG);
    CHECK(PyrtInt_IsBig(r) && PyrtInt_ToI64(r, &v) && v == INT64_MIN);
    CHECK(repr_is(D("-0"), "0") && !PyrtInt_IsBig(D("-000")));
    CHECK(repr_is(D("-123456789012345678901234567890"), "-123456789012345678901234567890"));
    /* typed code unboxing a big int: OverflowError, not garbage */
    CHECK(PyrtInt_AsI64Checked(big) == -1 && exc_is(&PyrtType_OverflowError, "integer overflow: typed ints are 64-bit (built with --int64; without it ints are exact)"));
    /* PyrtI64_BinOp overflows into big results */
    CHECK(repr_is(PyrtI64_BinOp(INT64_MIN, -1, PYRT_FLOORDIV), "9223372036854775808"));
    CHECK(repr_is(PyrtI64_BinOp(3, 200, PYRT_POW), "265613988875874769338781322035779626829233452653394495974574961739092490901302182994384699044001"));
    CHECK(repr_is(PyrtI64_BinOp(-1, 100, PYRT_LSHIFT), "-1267650600228229401496703205376"));
    CHECK(repr_is(PyrtI64_BinOp(INT64_MIN, INT64_MIN, PYRT_MUL), "85070591730234615865843651857942052864"));
}

static void test_hash_and_keys(void)
{
    PyrtObject *p70 = op(I(1), I(70), PYRT_LSHIFT), *f70 = PyrtFloat_FromDouble(ldexp(1.0, 70));
    CHECK(Pyrt_Hash(p70) == Pyrt_Hash(f70) && Pyrt_Hash(p70) == 512);
    CHECK(Pyrt_Hash(D("-9223372036854775808")) == -4);
    CHECK(Pyrt_Hash(D("2305843009213693951")) == 0);                          /* 2**61 - 1 */
    CHECK(Pyrt_Hash(D("-2305843009213693953")) == -2);                         /* -(2**61+1): -1 -> -2 */
    CHECK(Pyrt_Hash(D("1267650600228229401496703205376")) == 549755813888);   /* 2**100 */
    PyrtObject *d = PyrtDict_New();
    CHECK(Pyrt_SetItem(d, p70, I(1)) == 0);
    PyrtObject *v = Pyrt_GetItem(d, f70);
    CHECK(v && PyrtInt_AsI64(v) == 1);
    CHECK(Pyrt_RichCompareBool(p70, f70, PYRT_EQ) == 1);
    CHECK(Pyrt_RichCompareBool(op(p70, I(1), PYRT_ADD), f70, PYRT_GT) == 1);
    CHECK(Pyrt_RichCompareBool(PyrtFloat_FromDouble(1e308), D("1" "0000000000" "0000000000" "0000000000"), PYRT_GT) == 1);
    CHECK(Pyrt_RichCompareBool(PyrtFloat_FromDouble(NAN), p70, PYRT_NE) == 1);
    CHECK(Pyrt_RichCompareBool(PyrtFloat_FromDouble(INFINITY), p70, PYRT_GT) == 1);
    CHECK(Pyrt_RichCompareBool(PyrtFloat_FromDouble(-9223372036854775808.0), I(INT64_MIN), PYRT_EQ) == 1);
}

static void test_conversions(void)
{
    PyrtObject *p100 = op(I(1), I(100), PYRT_LSHIFT);
    CHECK(PyrtInt_AsDouble(p100) == ldexp(1.0, 100));
    PyrtObject *huge = op(I(1), I(1024), PYRT_LSHIFT);
    CHECK(PyrtInt_AsDouble(huge) == -1.0 && exc_is(&PyrtType_OverflowError, "int too large to convert to float"));
    /* 2**1024 - 2**970 rounds to 2**1024: overflow; one less rounds down to DBL_MAX */
    PyrtObject *edge = op(huge, op(I(1), I(970), PYRT_LSHIFT), PYRT_SUB);
    CHECK(PyrtInt_AsDouble(edge) == -1.0 && exc_is(&PyrtType_OverflowError, "int too large to convert to float"));
    CHECK(PyrtInt_AsDouble(op(edge, I(1), PYRT_SUB)) == 1.7976931348623157e308);
    CHECK(repr_is(PyrtInt_FromDouble(1e300), "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"));
    CHECK(repr_is(PyrtInt_FromDouble(-9223372036854775808.0), "-9223372036854775808"));
    CHECK(repr_is(op(D("1" "000000000000000000000000000000"), I(3), PYRT_TRUEDIV), "3.333333333333333e+29"));
    CHECK(repr_is(op(I(1), op(I(1), I(1080), PYRT_LSHIFT), PYRT_TRUEDIV), "0.0"));
    CHECK(repr_is(op(I(3), op(I(1), I(1074), PYRT_LSHIFT), PYRT_TRUEDIV), "1.5e-323"));   /* subnormal */
    CHECK(repr_is(op(huge, I(3), PYRT_TRUEDIV), "5.992310449541053e+307"));
    CHECK(!op(op(huge, I(4), PYRT_MUL), I(3), PYRT_TRUEDIV) && exc_is(&PyrtType_OverflowError, "integer division result too large for a float"));
    CHECK(!op(p100, I(0), PYRT_FLOORDIV) && exc_is(&PyrtType_ZeroDivisionError, "integer division or modulo by zero"));
    CHECK(!op(p100, I(0), PYRT_MOD) && exc_is(&PyrtType_ZeroDivisionError, "integer modulo by zero"));
    CHECK(!op(p100, I(0), PYRT_TRUEDIV) && exc_is(&PyrtType_ZeroDivisionError, "division by zero"));
    CHECK(!op(p100, I(-1), PYRT_LSHIFT) && exc_is(&PyrtType_ValueError, "negative shift count"));
    CHECK(repr_is(op(op(I(0), p100, PYRT_SUB), p100, PYRT_RSHIFT), "-1"));
    /* index-sized conversions */
    int64_t i;
    CHECK(PyrtInt_AsIndexOrIndexError(p100, &i) < 0 && exc_is(&PyrtType_IndexError, "cannot fit 'int' into an index-sized integer"));
    CHECK(PyrtInt_AsCount(p100, &i) < 0 && exc_is(&PyrtType_OverflowError, "cannot fit 'int' into an index-sized integer"));
    CHECK(PyrtInt_AsSsize(p100, &i) < 0 && exc_is(&PyrtType_OverflowError, "Python int too large to convert to C ssize_t"));
    PyrtObject *l = PyrtList_New(0);
    CHECK(!Pyrt_GetItem(l, p100) && exc_is(&PyrtType_IndexError, "cannot fit 'int' into an index-sized integer"));
    CHECK(!op(l, p100, PYRT_MUL) && exc_is(&PyrtType_OverflowError, "cannot fit 'int' into an index-sized integer"));
}

static void test_str_limit(void)
{
    PyrtObject *x = op(I(10), I(4300), PYRT_POW);     /* 4301 digits */
    CHECK(!Pyrt_Str(x) && exc_is(&PyrtType_ValueError, "Exceeds the limit (4300 digits) for integer string conversion; "
                                  "use sys.set_int_max_str_digits() to increase the limit"));
    PyrtObject *y = op(x, I(10), PYRT_FLOORDIV);      /* 4300 digits: fine */
    PyrtObject *s = Pyrt_Str(y);
    CHECK(s && PyrtStr_Len(s) == 4300);
    CHECK(PyrtLong_Format(x, 16, true) != NULL);       /* power-of-two bases are exempt */
    char *digits = Pyrt_Malloc(5001);
    memset(digits, '7', 5000);
    digits[5000] = 0;
    PyrtObject *t = PyrtStr_FromCString(digits);
    CHECK(!PyrtInt_FromString(t, 10) && exc_is(&PyrtType_ValueError, "Exceeds the limit (4300 digits) for integer string "
        "conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"));
    CHECK(PyrtInt_FromString(t, 16) != NULL);
    pyrt_int_max_str_digits = 0;
    PyrtObject *v = PyrtInt_FromString(t, 10);
    CHECK(v && PyrtLong_BitLength(v) == 16610);
    PyrtObject *back = v ? Pyrt_Str(v) : NULL;
    CHECK(back && strcmp(PyrtStr_UTF8(back), digits) == 0);
    CHECK(PyrtLong_FromDecimal(digits) && PyrtLong_Compare(PyrtLong_FromDecimal(digits), v) == 0);
    pyrt_int_max_str_digits = 4300;
    Pyrt_Free(digits);
}

static void test_memory(void)
{
    /* big temporaries go back to the free lists / malloc: a long loop must not grow */
    PyrtObject *a = op(I(3), I(300), PYRT_POW);
    for (int i = 0; i < 20000; i++) {
        PyrtObject *b = op(a, I(i), PYRT_MUL);
        PyrtObject *c = op(b, a, PYRT_FLOORDIV);
        CHECK(c && !PyrtInt_IsBig(c) && PyrtInt_AsI64(c) == i);
        PYRT_DECREF(b);
        PYRT_DECREF(c);
    }
    PYRT_DECREF(a);
}

int main(int argc, char **argv)
{
    Pyrt_Init(argc, argv);
    test_canonical();
    test_hash_and_keys();
    test_conversions();
    test_str_limit();
    test_memory();
    if (failures == 0)
        printf("OK long\n");
    else
        fprintf(stderr, "%d failures\n", failures);
    fflush(stdout);
    return failures != 0;
}
