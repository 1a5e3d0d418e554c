/* test_str.c: unit tests of the str area (str.c, format.c, bytes.c, unicode_db.c). Most cases are
 * generated: each RUN line is a Python expression whose expected repr (or "!Type: message") was
 * produced by CPython 3.11 run with PYTHONHASHSEED=0 (so string hashes match too), translated into
 * calls of the runtime; gen_test_str.py and the case list are kept in the comment at the end of this
 * file. A few handwritten tests cover what expressions cannot (f-string building, the offset cache,
 * immortal constants, the Unicode tables). Prints "OK str" on success. */
#include "pyrt.h"
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <math.h>

static int failures = 0;
#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                              \
        }                                                                            \
    } while (0)

/* every object a case creates is kept here and released after the case */
static PyrtObject *temps[1024];
static int ntemps;
static PyrtObject *keep(PyrtObject *o) {
    if (o && ntemps < 1024) temps[ntemps++] = o;
    return o;
}
static void release(void) {
    while (ntemps) PYRT_DECREF(temps[--ntemps]);
}

static PyrtObject *S(const char *s, int64_t n) { return keep(PyrtStr_FromUTF8(s, n)); }
static PyrtObject *B(const char *s, int64_t n) { return keep(PyrtBytes_FromData(s, n)); }
static PyrtObject *I(int64_t v) { return keep(PyrtInt_FromI64(v)); }
static PyrtObject *F(double v) { return keep(PyrtFloat_FromDouble(v)); }

static PyrtObject *T(int n, ...) {
    PyrtObject *items[32];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, PyrtObject *);
    va_end(ap);
    return keep(PyrtTuple_FromArray(items, n));
}
static PyrtObject *L(int n, ...) {
    PyrtObject *items[32];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, PyrtObject *);
    va_end(ap);
    return keep(PyrtList_FromArray(items, n));
}
static PyrtObject *D(int n, ...) {
    PyrtObject *d = keep(PyrtDict_New());
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        PyrtObject *k = va_arg(ap, PyrtObject *), *v = va_arg(ap, PyrtObject *);
        PyrtDict_SetItem(d, k, v);
    }
    va_end(ap);
    return d;
}
static PyrtObject *KW1(const char *a) { return T(1, S(a, (int64_t)strlen(a))); }
static PyrtObject *KW2(const char *a, const char *b) {
    return T(2, S(a, (int64_t)strlen(a)), S(b, (int64_t)strlen(b)));
}
static PyrtObject *KW3(const char *a, const char *b, const char *c) {
    return T(3, S(a, (int64_t)strlen(a)), S(b, (int64_t)strlen(b)), S(c, (int64_t)strlen(c)));
}

static PyrtObject *METH(PyrtObject *self, const char *name, int64_t nargs, PyrtObject **args, PyrtObject *kw) {
    if (!self) return NULL;
    return keep(Pyrt_CallMethod(self, S(name, (int64_t)strlen(name)), args, nargs, kw));
}
static PyrtObject *BIN(PyrtObject *a, PyrtObject *b, int op) { return a && b ? keep(Pyrt_BinaryOp(a, b, op)) : NULL; }
static PyrtObject *CMP(PyrtObject *a, PyrtObject *b, int op) { return a && b ? keep(Pyrt_RichCompare(a, b, op)) : NULL; }
static PyrtObject *CONTAINS(PyrtObject *c, PyrtObject *x) {
    int r = Pyrt_Contains(c, x);
    return r < 0 ? NULL : Pyrt_BoolFromC(r);
}
static PyrtObject *SLICE(PyrtObject *a, PyrtObject *b, PyrtObject *c) { return keep(PyrtSlice_New(a, b, c)); }
static PyrtObject *GETITEM(PyrtObject *o, PyrtObject *k) { return o && k ? keep(Pyrt_GetItem(o, k)) : NULL; }
static PyrtObject *FORMAT(PyrtObject *o, PyrtObject *spec) { return keep(Pyrt_Format(o, spec)); }
static PyrtObject *REPR(PyrtObject *o) { return o ? keep(Pyrt_Repr(o)) : NULL; }
static PyrtObject *ASCII(PyrtObject *o) { return o ? keep(Pyrt_Ascii(o)) : NULL; }
static PyrtObject *LIST(PyrtObject *o) { return o ? keep(PyrtList_FromIterable(o)) : NULL; }
static PyrtObject *STRNEW(int64_t nargs, PyrtObject **args, PyrtObject *kw) {
    return keep(Pyrt_Call((PyrtObject *)&PyrtType_Str, args, nargs, kw));
}
static PyrtObject *BYTESNEW(int64_t nargs, PyrtObject **args, PyrtObject *kw) {
    return keep(Pyrt_Call((PyrtObject *)&PyrtType_Bytes, args, nargs, kw));
}
static PyrtObject *LEN(PyrtObject *o) {
    if (!o) return NULL;
    int64_t n = Pyrt_Len(o);
    return n < 0 ? NULL : I(n);
}
static PyrtObject *HASH(PyrtObject *o) {
    if (!o) return NULL;
    int64_t h = Pyrt_Hash(o);
    return h == -1 ? NULL : I(h);
}
static PyrtObject *ORD(PyrtObject *o) {
    int64_t v = PyrtStr_Ord(o);
    return Pyrt_ErrOccurred() ? NULL : I(v);
}
static PyrtObject *CHR(PyrtObject *o) { return keep(PyrtStr_Chr(PyrtInt_AsI64(o))); }

static int ncases;
static void RUN(const char *src, const char *expect, PyrtObject *r) {
    char got[4096];
    ncases++;
    if (!r) {
        if (!pyrt_exc) snprintf(got, sizeof got, "NULL without an exception");
        else {
            PyrtObject *e = Pyrt_ErrFetch();
            PyrtObject *msg = Pyrt_Str(e);
            snprintf(got, sizeof got, "!%s: %s", e->type->name, msg ? PyrtStr_UTF8(msg) : "?");
            PYRT_XDECREF(msg);
            PYRT_DECREF(e);
            Pyrt_ErrClear();
        }
    } else if (pyrt_exc) {
        snprintf(got, sizeof got, "a result with an exception set");
        Pyrt_ErrClear();
    } else {
        PyrtObject *rep = Pyrt_Repr(r);
        snprintf(got, sizeof got, "%s", rep ? PyrtStr_UTF8(rep) : "(repr failed)");
        PYRT_XDECREF(rep);
        Pyrt_ErrClear();
    }
    if (strcmp(got, expect) != 0) {
        fprintf(stderr, "FAIL %s\n  got:      %s\n  expected: %s\n", src, got, expect);
        failures++;
    }
    release();
}

/* BEGIN GENERATED */
static void run_generated_cases(void) {
    RUN("repr('abc')", "\042'abc'\042",
        REPR(S("abc", 3)));
    RUN("repr(\042it's\042)", "'\042it\134's\042'",
        REPR(S("it's", 4)));
    RUN("repr('say \042hi\042')", "'\134'say \042hi\042\134''",
        REPR(S("say \042hi\042", 8)));
    RUN("repr('both \134' and \042')", "'\134'both \134\134\134' and \042\134''",
        REPR(S("both ' and \042", 12)));
    RUN("repr('a\134nb\134tc\134r\134\134')", "\042'a\134\134nb\134\134tc\134\134r\134\134\134\134'\042",
        REPR(S("a\012b\011c\015\134", 7)));
    RUN("repr('\134x00\134x1f\134x7f\134x80\134x9f\134xa0\134xad')", "\042'\134\134x00\134\134x1f\134\134x7f\134\134x80\134\134x9f\134\134xa0\134\134xad'\042",
        REPR(S("\000\037\177\302\200\302\237\302\240\302\255", 11)));
    RUN("repr('\303\251\342\202\254\360\237\230\200')", "\042'\303\251\342\202\254\360\237\230\200'\042",
        REPR(S("\303\251\342\202\254\360\237\230\200", 9)));
    RUN("repr('\134u200b\134u2028\134ufeff\134U000e0001\134U0010ffff\134ud800')", "\042'\134\134u200b\134\134u2028\134\134ufeff\134\134U000e0001\134\134U0010ffff\134\134ud800'\042",
        REPR(S("\342\200\213\342\200\250\357\273\277\363\240\200\201\364\217\277\277\355\240\200", 20)));
    RUN("repr('\134u0378\134u00ff\134u0100')", "\042'\134\134u0378\303\277\304\200'\042",
        REPR(S("\315\270\303\277\304\200", 6)));
    RUN("repr('')", "\042''\042",
        REPR(S("", 0)));
    RUN("'ab' + 'cd'", "'abcd'",
        BIN(S("ab", 2), S("cd", 2), PYRT_ADD));
    RUN("'ab' + ''", "'ab'",
        BIN(S("ab", 2), S("", 0), PYRT_ADD));
    RUN("'' + '\303\251'", "'\303\251'",
        BIN(S("", 0), S("\303\251", 2), PYRT_ADD));
    RUN("'a' + 1", "!TypeError: can only concatenate str (not \042int\042) to str",
        BIN(S("a", 1), I(1LL), PYRT_ADD));
    RUN("'a' + None", "!TypeError: can only concatenate str (not \042NoneType\042) to str",
        BIN(S("a", 1), Pyrt_None, PYRT_ADD));
    RUN("1 + 'a'", "!TypeError: unsupported operand type(s) for +: 'int' and 'str'",
        BIN(I(1LL), S("a", 1), PYRT_ADD));
    RUN("'ab' * 3", "'ababab'",
        BIN(S("ab", 2), I(3LL), PYRT_MUL));
    RUN("3 * 'ab'", "'ababab'",
        BIN(I(3LL), S("ab", 2), PYRT_MUL));
    RUN("'ab' * 0", "''",
        BIN(S("ab", 2), I(0LL), PYRT_MUL));
    RUN("'ab' * -2", "''",
        BIN(S("ab", 2), I(-2LL), PYRT_MUL));
    RUN("'\303\251' * 2", "'\303\251\303\251'",
        BIN(S("\303\251", 2), I(2LL), PYRT_MUL));
    RUN("True * 'x'", "'x'",
        BIN(Pyrt_True, S("x", 1), PYRT_MUL));
    RUN("'a' * 'b'", "!TypeError: can't multiply sequence by non-int of type 'str'",
        BIN(S("a", 1), S("b", 1), PYRT_MUL));
    RUN("'a' * 2.0", "!TypeError: can't multiply sequence by non-int of type 'float'",
        BIN(S("a", 1), F(0x1.0000000000000p+1), PYRT_MUL));
    RUN("2.0 * 'a'", "!TypeError: can't multiply sequence by non-int of type 'float'",
        BIN(F(0x1.0000000000000p+1), S("a", 1), PYRT_MUL));
    RUN("'a' * 1.5", "!TypeError: can't multiply sequence by non-int of type 'float'",
        BIN(S("a", 1), F(0x1.8000000000000p+0), PYRT_MUL));
    RUN("'abc' == 'abc'", "True",
        CMP(S("abc", 3), S("abc", 3), PYRT_EQ));
    RUN("'abc' == 'abd'", "False",
        CMP(S("abc", 3), S("abd", 3), PYRT_EQ));
    RUN("'abc' != 'abc'", "False",
        CMP(S("abc", 3), S("abc", 3), PYRT_NE));
    RUN("'abc' < 'abd'", "True",
        CMP(S("abc", 3), S("abd", 3), PYRT_LT));
    RUN("'abc' < 'ab'", "False",
        CMP(S("abc", 3), S("ab", 2), PYRT_LT));
    RUN("'\303\251' > 'z'", "True",
        CMP(S("\303\251", 2), S("z", 1), PYRT_GT));
    RUN("'\360\237\230\200' > '\134uffff'", "True",
        CMP(S("\360\237\230\200", 4), S("\357\277\277", 3), PYRT_GT));
    RUN("'a' <= 'a'", "True",
        CMP(S("a", 1), S("a", 1), PYRT_LE));
    RUN("'b' >= 'a'", "True",
        CMP(S("b", 1), S("a", 1), PYRT_GE));
    RUN("'a' < 1", "!TypeError: '<' not supported between instances of 'str' and 'int'",
        CMP(S("a", 1), I(1LL), PYRT_LT));
    RUN("'a' == 1", "False",
        CMP(S("a", 1), I(1LL), PYRT_EQ));
    RUN("'b' in 'abc'", "True",
        CONTAINS(S("abc", 3), S("b", 1)));
    RUN("'bc' in 'abc'", "True",
        CONTAINS(S("abc", 3), S("bc", 2)));
    RUN("'' in 'abc'", "True",
        CONTAINS(S("abc", 3), S("", 0)));
    RUN("'d' in 'abc'", "False",
        CONTAINS(S("abc", 3), S("d", 1)));
    RUN("'\342\202\254' in 'x\342\202\254y'", "True",
        CONTAINS(S("x\342\202\254y", 5), S("\342\202\254", 3)));
    RUN("1 in 'abc'", "!TypeError: 'in <string>' requires string as left operand, not int",
        CONTAINS(S("abc", 3), I(1LL)));
    RUN("len('')", "0",
        LEN(S("", 0)));
    RUN("len('abc')", "3",
        LEN(S("abc", 3)));
    RUN("len('\303\251\342\202\254\360\237\230\200')", "3",
        LEN(S("\303\251\342\202\254\360\237\230\200", 9)));
    RUN("hash('')", "0",
        HASH(S("", 0)));
    RUN("hash('abc')", "-4594863902769663758",
        HASH(S("abc", 3)));
    RUN("hash('\303\251')", "6047309291227476195",
        HASH(S("\303\251", 2)));
    RUN("hash('\342\202\254uro')", "7542247858446192590",
        HASH(S("\342\202\254uro", 6)));
    RUN("hash('\360\237\230\200')", "-3536540696076613844",
        HASH(S("\360\237\230\200", 4)));
    RUN("hash('a' * 20)", "3291541819775287794",
        HASH(BIN(S("a", 1), I(20LL), PYRT_MUL)));
    RUN("hash('hello world, this is longer')", "-3483295518001240135",
        HASH(S("hello world, this is longer", 27)));
    RUN("ord('a')", "97",
        ORD(S("a", 1)));
    RUN("ord('\303\251')", "233",
        ORD(S("\303\251", 2)));
    RUN("ord('\360\237\230\200')", "128512",
        ORD(S("\360\237\230\200", 4)));
    RUN("ord('abc')", "!TypeError: ord() expected a character, but string of length 3 found",
        ORD(S("abc", 3)));
    RUN("ord('')", "!TypeError: ord() expected a character, but string of length 0 found",
        ORD(S("", 0)));
    RUN("ord(1)", "!TypeError: ord() expected string of length 1, but int found",
        ORD(I(1LL)));
    RUN("chr(97)", "'a'",
        CHR(I(97LL)));
    RUN("chr(233)", "'\303\251'",
        CHR(I(233LL)));
    RUN("chr(0x1f600)", "'\360\237\230\200'",
        CHR(I(128512LL)));
    RUN("chr(-1)", "!ValueError: chr() arg not in range(0x110000)",
        CHR(I(-1LL)));
    RUN("chr(0x110000)", "!ValueError: chr() arg not in range(0x110000)",
        CHR(I(1114112LL)));
    RUN("'abc'[0]", "'a'",
        GETITEM(S("abc", 3), I(0LL)));
    RUN("'abc'[-1]", "'c'",
        GETITEM(S("abc", 3), I(-1LL)));
    RUN("'abc'[3]", "!IndexError: string index out of range",
        GETITEM(S("abc", 3), I(3LL)));
    RUN("'abc'[-4]", "!IndexError: string index out of range",
        GETITEM(S("abc", 3), I(-4LL)));
    RUN("'h\303\251llo'[1]", "'\303\251'",
        GETITEM(S("h\303\251llo", 6), I(1LL)));
    RUN("'h\303\251llo'[-1]", "'o'",
        GETITEM(S("h\303\251llo", 6), I(-1LL)));
    RUN("'h\342\202\254llo\360\237\230\200x'[5]", "'\360\237\230\200'",
        GETITEM(S("h\342\202\254llo\360\237\230\200x", 12), I(5LL)));
    RUN("'h\342\202\254llo\360\237\230\200x'[6]", "'x'",
        GETITEM(S("h\342\202\254llo\360\237\230\200x", 12), I(6LL)));
    RUN("'h\342\202\254llo\360\237\230\200x'[7]", "!IndexError: string index out of range",
        GETITEM(S("h\342\202\254llo\360\237\230\200x", 12), I(7LL)));
    RUN("'abc'[1.5]", "!TypeError: string indices must be integers, not 'float'",
        GETITEM(S("abc", 3), F(0x1.8000000000000p+0)));
    RUN("'abc'['x']", "!TypeError: string indices must be integers, not 'str'",
        GETITEM(S("abc", 3), S("x", 1)));
    RUN("'abc'[True]", "'b'",
        GETITEM(S("abc", 3), Pyrt_True));
    RUN("'abcdef'[1:4]", "'bcd'",
        GETITEM(S("abcdef", 6), SLICE(I(1LL), I(4LL), NULL)));
    RUN("'abcdef'[:]", "'abcdef'",
        GETITEM(S("abcdef", 6), SLICE(NULL, NULL, NULL)));
    RUN("'abcdef'[::2]", "'ace'",
        GETITEM(S("abcdef", 6), SLICE(NULL, NULL, I(2LL))));
    RUN("'abcdef'[::-1]", "'fedcba'",
        GETITEM(S("abcdef", 6), SLICE(NULL, NULL, I(-1LL))));
    RUN("'abcdef'[-2:]", "'ef'",
        GETITEM(S("abcdef", 6), SLICE(I(-2LL), NULL, NULL)));
    RUN("'abcdef'[:-2]", "'abcd'",
        GETITEM(S("abcdef", 6), SLICE(NULL, I(-2LL), NULL)));
    RUN("'abcdef'[4:1:-1]", "'edc'",
        GETITEM(S("abcdef", 6), SLICE(I(4LL), I(1LL), I(-1LL))));
    RUN("'abcdef'[10:]", "''",
        GETITEM(S("abcdef", 6), SLICE(I(10LL), NULL, NULL)));
    RUN("'abcdef'[-10:2]", "'ab'",
        GETITEM(S("abcdef", 6), SLICE(I(-10LL), I(2LL), NULL)));
    RUN("'abcdef'[5:0:-2]", "'fdb'",
        GETITEM(S("abcdef", 6), SLICE(I(5LL), I(0LL), I(-2LL))));
    RUN("'abcdef'[::-3]", "'fc'",
        GETITEM(S("abcdef", 6), SLICE(NULL, NULL, I(-3LL))));
    RUN("'abcdef'[1:1]", "''",
        GETITEM(S("abcdef", 6), SLICE(I(1LL), I(1LL), NULL)));
    RUN("'abcdef'[::0]", "!ValueError: slice step cannot be zero",
        GETITEM(S("abcdef", 6), SLICE(NULL, NULL, I(0LL))));
    RUN("'abcdef'[1.5:]", "!TypeError: slice indices must be integers or None or have an __index__ method",
        GETITEM(S("abcdef", 6), SLICE(F(0x1.8000000000000p+0), NULL, NULL)));
    RUN("'abcdef'[None:2]", "'ab'",
        GETITEM(S("abcdef", 6), SLICE(Pyrt_None, I(2LL), NULL)));
    RUN("'h\303\251llo w\303\266rld'[1:8]", "'\303\251llo w\303\266'",
        GETITEM(S("h\303\251llo w\303\266rld", 13), SLICE(I(1LL), I(8LL), NULL)));
    RUN("'h\303\251llo w\303\266rld'[::-1]", "'dlr\303\266w oll\303\251h'",
        GETITEM(S("h\303\251llo w\303\266rld", 13), SLICE(NULL, NULL, I(-1LL))));
    RUN("'h\303\251llo w\303\266rld'[::3]", "'hlwl'",
        GETITEM(S("h\303\251llo w\303\266rld", 13), SLICE(NULL, NULL, I(3LL))));
    RUN("'h\303\251llo w\303\266rld'[-3:]", "'rld'",
        GETITEM(S("h\303\251llo w\303\266rld", 13), SLICE(I(-3LL), NULL, NULL)));
    RUN("'\360\237\230\200a\360\237\230\200b\360\237\230\200'[::2]", "'\360\237\230\200\360\237\230\200\360\237\230\200'",
        GETITEM(S("\360\237\230\200a\360\237\230\200b\360\237\230\200", 14), SLICE(NULL, NULL, I(2LL))));
    RUN("'\360\237\230\200a\360\237\230\200b\360\237\230\200'[1::2]", "'ab'",
        GETITEM(S("\360\237\230\200a\360\237\230\200b\360\237\230\200", 14), SLICE(I(1LL), NULL, I(2LL))));
    RUN("iterlist('abc')", "['a', 'b', 'c']",
        LIST(S("abc", 3)));
    RUN("iterlist('\303\251\342\202\254\360\237\230\200a')", "['\303\251', '\342\202\254', '\360\237\230\200', 'a']",
        LIST(S("\303\251\342\202\254\360\237\230\200a", 10)));
    RUN("iterlist('')", "[]",
        LIST(S("", 0)));
    RUN("str()", "''",
        STRNEW(0, NULL, NULL));
    RUN("str('abc')", "'abc'",
        STRNEW(1, (PyrtObject *[]){S("abc", 3)}, NULL));
    RUN("str(12)", "'12'",
        STRNEW(1, (PyrtObject *[]){I(12LL)}, NULL));
    RUN("str(1.5)", "'1.5'",
        STRNEW(1, (PyrtObject *[]){F(0x1.8000000000000p+0)}, NULL));
    RUN("str(None)", "'None'",
        STRNEW(1, (PyrtObject *[]){Pyrt_None}, NULL));
    RUN("str(b'abc')", "\042b'abc'\042",
        STRNEW(1, (PyrtObject *[]){B("abc", 3)}, NULL));
    RUN("str(b'abc', 'utf-8')", "'abc'",
        STRNEW(2, (PyrtObject *[]){B("abc", 3), S("utf-8", 5)}, NULL));
    RUN("str(b'h\134xc3\134xa9', 'utf-8')", "'h\303\251'",
        STRNEW(2, (PyrtObject *[]){B("h\303\251", 3), S("utf-8", 5)}, NULL));
    RUN("str(b'h\134xc3\134xa9', encoding='latin-1')", "'h\303\203\302\251'",
        STRNEW(1, (PyrtObject *[]){B("h\303\251", 3), S("latin-1", 7)}, KW1("encoding")));
    RUN("str(b'\134xff', 'utf-8')", "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
        STRNEW(2, (PyrtObject *[]){B("\377", 1), S("utf-8", 5)}, NULL));
    RUN("str(b'a\134xffb', 'ascii')", "!UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 1: ordinal not in range(128)",
        STRNEW(2, (PyrtObject *[]){B("a\377b", 3), S("ascii", 5)}, NULL));
    RUN("str(b'a\134xffb', 'ascii', 'replace')", "'a\357\277\275b'",
        STRNEW(3, (PyrtObject *[]){B("a\377b", 3), S("ascii", 5), S("replace", 7)}, NULL));
    RUN("str(b'a\134xffb', 'utf-8', 'ignore')", "'ab'",
        STRNEW(3, (PyrtObject *[]){B("a\377b", 3), S("utf-8", 5), S("ignore", 6)}, NULL));
    RUN("str(object='x')", "'x'",
        STRNEW(0, (PyrtObject *[]){S("x", 1)}, KW1("object")));
    RUN("str('a', 'utf-8')", "!TypeError: decoding str is not supported",
        STRNEW(2, (PyrtObject *[]){S("a", 1), S("utf-8", 5)}, NULL));
    RUN("str(1, 'utf-8')", "!TypeError: decoding to str: need a bytes-like object, int found",
        STRNEW(2, (PyrtObject *[]){I(1LL), S("utf-8", 5)}, NULL));
    RUN("str(b'a', 1)", "!TypeError: str() argument 'encoding' must be str, not int",
        STRNEW(2, (PyrtObject *[]){B("a", 1), I(1LL)}, NULL));
    RUN("str(x=1)", "!TypeError: 'x' is an invalid keyword argument for str()",
        STRNEW(0, (PyrtObject *[]){I(1LL)}, KW1("x")));
    RUN("str(1, 2, 3, 4)", "!TypeError: str() takes at most 3 arguments (4 given)",
        STRNEW(4, (PyrtObject *[]){I(1LL), I(2LL), I(3LL), I(4LL)}, NULL));
    RUN("str(encoding='utf-8')", "''",
        STRNEW(0, (PyrtObject *[]){S("utf-8", 5)}, KW1("encoding")));
    RUN("str(object=b'h\134xc3\134xa9', encoding='utf-8', errors='strict')", "'h\303\251'",
        STRNEW(0, (PyrtObject *[]){B("h\303\251", 3), S("utf-8", 5), S("strict", 6)}, KW3("object", "encoding", "errors")));
    RUN("ascii('\303\251\342\202\254\360\237\230\200\134n')", "\042'\134\134xe9\134\134u20ac\134\134U0001f600\134\134n'\042",
        ASCII(S("\303\251\342\202\254\360\237\230\200\012", 10)));
    RUN("ascii('abc')", "\042'abc'\042",
        ASCII(S("abc", 3)));
    RUN("\042a b\042.split(1, 2, sep=3)", "!TypeError: split() takes at most 2 arguments (3 given)",
        METH(S("a b", 3), "split", 2, (PyrtObject *[]){I(1LL), I(2LL), I(3LL)}, KW1("sep")));
    RUN("\042a b\042.split(\042 \042, sep=\042 \042)", "!TypeError: argument for split() given by name ('sep') and position (1)",
        METH(S("a b", 3), "split", 1, (PyrtObject *[]){S(" ", 1), S(" ", 1)}, KW1("sep")));
    RUN("str(b\042a\042, \042utf-8\042, encoding=\042x\042)", "!TypeError: argument for str() given by name ('encoding') and position (2)",
        STRNEW(2, (PyrtObject *[]){B("a", 1), S("utf-8", 5), S("x", 1)}, KW1("encoding")));
    RUN("\042ab\042.encode(\042utf-8\042, encoding=\042x\042)", "!TypeError: argument for encode() given by name ('encoding') and position (1)",
        METH(S("ab", 2), "encode", 1, (PyrtObject *[]){S("utf-8", 5), S("x", 1)}, KW1("encoding")));
    RUN("\042{:d}\042.format(True)", "'1'",
        METH(S("{:d}", 4), "format", 1, (PyrtObject *[]){Pyrt_True}, NULL));
    RUN("\042{}\042.format(True)", "'True'",
        METH(S("{}", 2), "format", 1, (PyrtObject *[]){Pyrt_True}, NULL));
    RUN("\042{:5}\042.format(True)", "'    1'",
        METH(S("{:5}", 4), "format", 1, (PyrtObject *[]){Pyrt_True}, NULL));
    RUN("\042{:>5}\042.format(None)", "!TypeError: unsupported format string passed to NoneType.__format__",
        METH(S("{:>5}", 5), "format", 1, (PyrtObject *[]){Pyrt_None}, NULL));
    RUN("\042{!r:^7}\042.format(None)", "' None  '",
        METH(S("{!r:^7}", 7), "format", 1, (PyrtObject *[]){Pyrt_None}, NULL));
    RUN("\042%.3s\042 % None", "'Non'",
        BIN(S("%.3s", 4), Pyrt_None, PYRT_MOD));
    RUN("\042%5r\042 % None", "' None'",
        BIN(S("%5r", 3), Pyrt_None, PYRT_MOD));
    RUN("'a b  c '.split()", "['a', 'b', 'c']",
        METH(S("a b  c ", 7), "split", 0, NULL, NULL));
    RUN("'  a b  c  '.split(None, 1)", "['a', 'b  c  ']",
        METH(S("  a b  c  ", 10), "split", 2, (PyrtObject *[]){Pyrt_None, I(1LL)}, NULL));
    RUN("'  a b  c  '.split(maxsplit=1)", "['a', 'b  c  ']",
        METH(S("  a b  c  ", 10), "split", 0, (PyrtObject *[]){I(1LL)}, KW1("maxsplit")));
    RUN("'a,b,,c'.split(',')", "['a', 'b', '', 'c']",
        METH(S("a,b,,c", 6), "split", 1, (PyrtObject *[]){S(",", 1)}, NULL));
    RUN("'a,b,,c'.split(',', 1)", "['a', 'b,,c']",
        METH(S("a,b,,c", 6), "split", 2, (PyrtObject *[]){S(",", 1), I(1LL)}, NULL));
    RUN("'a,b,,c'.split(',', 0)", "['a,b,,c']",
        METH(S("a,b,,c", 6), "split", 2, (PyrtObject *[]){S(",", 1), I(0LL)}, NULL));
    RUN("'a,b,,c'.split(',', -1)", "['a', 'b', '', 'c']",
        METH(S("a,b,,c", 6), "split", 2, (PyrtObject *[]){S(",", 1), I(-1LL)}, NULL));
    RUN("'a<>b<>c'.split('<>')", "['a', 'b', 'c']",
        METH(S("a<>b<>c", 7), "split", 1, (PyrtObject *[]){S("<>", 2)}, NULL));
    RUN("''.split()", "[]",
        METH(S("", 0), "split", 0, NULL, NULL));
    RUN("''.split(',')", "['']",
        METH(S("", 0), "split", 1, (PyrtObject *[]){S(",", 1)}, NULL));
    RUN("'   '.split()", "[]",
        METH(S("   ", 3), "split", 0, NULL, NULL));
    RUN("'a\134u3000b\134x1cc\134x85d'.split()", "['a', 'b', 'c', 'd']",
        METH(S("a\343\200\200b\034c\302\205d", 10), "split", 0, NULL, NULL));
    RUN("'a\134xa0b'.split()", "['a', 'b']",
        METH(S("a\302\240b", 4), "split", 0, NULL, NULL));
    RUN("'a b'.split(sep=None)", "['a', 'b']",
        METH(S("a b", 3), "split", 0, (PyrtObject *[]){Pyrt_None}, KW1("sep")));
    RUN("'a b'.split('')", "!ValueError: empty separator",
        METH(S("a b", 3), "split", 1, (PyrtObject *[]){S("", 0)}, NULL));
    RUN("'a b'.split(1)", "!TypeError: must be str or None, not int",
        METH(S("a b", 3), "split", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'a b'.split(1, 2, 3)", "!TypeError: split() takes at most 2 arguments (3 given)",
        METH(S("a b", 3), "split", 3, (PyrtObject *[]){I(1LL), I(2LL), I(3LL)}, NULL));
    RUN("'a b'.split(x=1)", "!TypeError: 'x' is an invalid keyword argument for split()",
        METH(S("a b", 3), "split", 0, (PyrtObject *[]){I(1LL)}, KW1("x")));
    RUN("'a b'.split(maxsplit='x')", "!TypeError: 'str' object cannot be interpreted as an integer",
        METH(S("a b", 3), "split", 0, (PyrtObject *[]){S("x", 1)}, KW1("maxsplit")));
    RUN("'a,b,c'.rsplit(',')", "['a', 'b', 'c']",
        METH(S("a,b,c", 5), "rsplit", 1, (PyrtObject *[]){S(",", 1)}, NULL));
    RUN("'a,b,c'.rsplit(',', 1)", "['a,b', 'c']",
        METH(S("a,b,c", 5), "rsplit", 2, (PyrtObject *[]){S(",", 1), I(1LL)}, NULL));
    RUN("'  a b  c  '.rsplit(None, 1)", "['  a b', 'c']",
        METH(S("  a b  c  ", 10), "rsplit", 2, (PyrtObject *[]){Pyrt_None, I(1LL)}, NULL));
    RUN("'  a b  c  '.rsplit()", "['a', 'b', 'c']",
        METH(S("  a b  c  ", 10), "rsplit", 0, NULL, NULL));
    RUN("'a b c'.rsplit(maxsplit=0)", "['a b c']",
        METH(S("a b c", 5), "rsplit", 0, (PyrtObject *[]){I(0LL)}, KW1("maxsplit")));
    RUN("'  a b c'.rsplit(maxsplit=0)", "['  a b c']",
        METH(S("  a b c", 7), "rsplit", 0, (PyrtObject *[]){I(0LL)}, KW1("maxsplit")));
    RUN("'\303\251,\303\274,\303\266'.rsplit(',', 1)", "['\303\251,\303\274', '\303\266']",
        METH(S("\303\251,\303\274,\303\266", 8), "rsplit", 2, (PyrtObject *[]){S(",", 1), I(1LL)}, NULL));
    RUN("'ab\134ncd\134r\134nef\134rgh\134x0bij\134x0ckl\134x1cmn\134x85op\134u2028qr'.splitlines()", "['ab', 'cd', 'ef', 'gh', 'ij', 'kl', 'mn', 'op', 'qr']",
        METH(S("ab\012cd\015\012ef\015gh\013ij\014kl\034mn\302\205op\342\200\250qr", 30), "splitlines", 0, NULL, NULL));
    RUN("'ab\134ncd\134r\134n'.splitlines(True)", "['ab\134n', 'cd\134r\134n']",
        METH(S("ab\012cd\015\012", 7), "splitlines", 1, (PyrtObject *[]){Pyrt_True}, NULL));
    RUN("'ab\134ncd\134r\134n'.splitlines(keepends=True)", "['ab\134n', 'cd\134r\134n']",
        METH(S("ab\012cd\015\012", 7), "splitlines", 0, (PyrtObject *[]){Pyrt_True}, KW1("keepends")));
    RUN("''.splitlines()", "[]",
        METH(S("", 0), "splitlines", 0, NULL, NULL));
    RUN("'\134n'.splitlines()", "['']",
        METH(S("\012", 1), "splitlines", 0, NULL, NULL));
    RUN("'a\134n\134nb'.splitlines()", "['a', '', 'b']",
        METH(S("a\012\012b", 4), "splitlines", 0, NULL, NULL));
    RUN("'a'.splitlines(1, 2)", "!TypeError: splitlines() takes at most 1 argument (2 given)",
        METH(S("a", 1), "splitlines", 2, (PyrtObject *[]){I(1LL), I(2LL)}, NULL));
    RUN("'-'.join(['a', 'b', 'c'])", "'a-b-c'",
        METH(S("-", 1), "join", 1, (PyrtObject *[]){L(3, S("a", 1), S("b", 1), S("c", 1))}, NULL));
    RUN("'-'.join(('a',))", "'a'",
        METH(S("-", 1), "join", 1, (PyrtObject *[]){T(1, S("a", 1))}, NULL));
    RUN("'-'.join([])", "''",
        METH(S("-", 1), "join", 1, (PyrtObject *[]){L(0)}, NULL));
    RUN("', '.join(['\303\251', '\342\202\254', '\360\237\230\200'])", "'\303\251, \342\202\254, \360\237\230\200'",
        METH(S(", ", 2), "join", 1, (PyrtObject *[]){L(3, S("\303\251", 2), S("\342\202\254", 3), S("\360\237\230\200", 4))}, NULL));
    RUN("''.join(['a', 'b'])", "'ab'",
        METH(S("", 0), "join", 1, (PyrtObject *[]){L(2, S("a", 1), S("b", 1))}, NULL));
    RUN("'-'.join('abc')", "'a-b-c'",
        METH(S("-", 1), "join", 1, (PyrtObject *[]){S("abc", 3)}, NULL));
    RUN("'-'.join(['a', 1])", "!TypeError: sequence item 1: expected str instance, int found",
        METH(S("-", 1), "join", 1, (PyrtObject *[]){L(2, S("a", 1), I(1LL))}, NULL));
    RUN("'-'.join(5)", "!TypeError: can only join an iterable",
        METH(S("-", 1), "join", 1, (PyrtObject *[]){I(5LL)}, NULL));
    RUN("'-'.join()", "!TypeError: str.join() takes exactly one argument (0 given)",
        METH(S("-", 1), "join", 0, NULL, NULL));
    RUN("'  ab  '.strip()", "'ab'",
        METH(S("  ab  ", 6), "strip", 0, NULL, NULL));
    RUN("'  ab  '.lstrip()", "'ab  '",
        METH(S("  ab  ", 6), "lstrip", 0, NULL, NULL));
    RUN("'  ab  '.rstrip()", "'  ab'",
        METH(S("  ab  ", 6), "rstrip", 0, NULL, NULL));
    RUN("'xxabyy'.strip('xy')", "'ab'",
        METH(S("xxabyy", 6), "strip", 1, (PyrtObject *[]){S("xy", 2)}, NULL));
    RUN("'xxabyy'.lstrip('xy')", "'abyy'",
        METH(S("xxabyy", 6), "lstrip", 1, (PyrtObject *[]){S("xy", 2)}, NULL));
    RUN("'xxabyy'.rstrip('xy')", "'xxab'",
        METH(S("xxabyy", 6), "rstrip", 1, (PyrtObject *[]){S("xy", 2)}, NULL));
    RUN("'\303\251\303\251a\303\251\303\251'.strip('\303\251')", "'a'",
        METH(S("\303\251\303\251a\303\251\303\251", 9), "strip", 1, (PyrtObject *[]){S("\303\251", 2)}, NULL));
    RUN("'\134u3000a\134x85'.strip()", "'a'",
        METH(S("\343\200\200a\302\205", 6), "strip", 0, NULL, NULL));
    RUN("'ab'.strip(None)", "'ab'",
        METH(S("ab", 2), "strip", 1, (PyrtObject *[]){Pyrt_None}, NULL));
    RUN("'ab'.strip(1)", "!TypeError: strip arg must be None or str",
        METH(S("ab", 2), "strip", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'ab'.lstrip(5)", "!TypeError: lstrip arg must be None or str",
        METH(S("ab", 2), "lstrip", 1, (PyrtObject *[]){I(5LL)}, NULL));
    RUN("'ab'.strip('a', 'b')", "!TypeError: strip expected at most 1 argument, got 2",
        METH(S("ab", 2), "strip", 2, (PyrtObject *[]){S("a", 1), S("b", 1)}, NULL));
    RUN("'ab'.strip(chars='a')", "!TypeError: str.strip() takes no keyword arguments",
        METH(S("ab", 2), "strip", 0, (PyrtObject *[]){S("a", 1)}, KW1("chars")));
    RUN("''.strip()", "''",
        METH(S("", 0), "strip", 0, NULL, NULL));
    RUN("'   '.strip()", "''",
        METH(S("   ", 3), "strip", 0, NULL, NULL));
    RUN("'abcabc'.replace('b', 'XX')", "'aXXcaXXc'",
        METH(S("abcabc", 6), "replace", 2, (PyrtObject *[]){S("b", 1), S("XX", 2)}, NULL));
    RUN("'abcabc'.replace('b', 'XX', 1)", "'aXXcabc'",
        METH(S("abcabc", 6), "replace", 3, (PyrtObject *[]){S("b", 1), S("XX", 2), I(1LL)}, NULL));
    RUN("'abcabc'.replace('b', '')", "'acac'",
        METH(S("abcabc", 6), "replace", 2, (PyrtObject *[]){S("b", 1), S("", 0)}, NULL));
    RUN("'abc'.replace('', '-')", "'-a-b-c-'",
        METH(S("abc", 3), "replace", 2, (PyrtObject *[]){S("", 0), S("-", 1)}, NULL));
    RUN("'abc'.replace('', '-', 2)", "'-a-bc'",
        METH(S("abc", 3), "replace", 3, (PyrtObject *[]){S("", 0), S("-", 1), I(2LL)}, NULL));
    RUN("'abc'.replace('z', 'y')", "'abc'",
        METH(S("abc", 3), "replace", 2, (PyrtObject *[]){S("z", 1), S("y", 1)}, NULL));
    RUN("'\303\251\303\251\303\251'.replace('\303\251', 'e', 2)", "'ee\303\251'",
        METH(S("\303\251\303\251\303\251", 6), "replace", 3, (PyrtObject *[]){S("\303\251", 2), S("e", 1), I(2LL)}, NULL));
    RUN("'abc'.replace(1, 2)", "!TypeError: replace() argument 1 must be str, not int",
        METH(S("abc", 3), "replace", 2, (PyrtObject *[]){I(1LL), I(2LL)}, NULL));
    RUN("'abc'.replace('a')", "!TypeError: replace expected at least 2 arguments, got 1",
        METH(S("abc", 3), "replace", 1, (PyrtObject *[]){S("a", 1)}, NULL));
    RUN("'abc'.replace('a', 'b', 'c')", "!TypeError: 'str' object cannot be interpreted as an integer",
        METH(S("abc", 3), "replace", 3, (PyrtObject *[]){S("a", 1), S("b", 1), S("c", 1)}, NULL));
    RUN("'abc'.replace('a', 'b', -1)", "'bbc'",
        METH(S("abc", 3), "replace", 3, (PyrtObject *[]){S("a", 1), S("b", 1), I(-1LL)}, NULL));
    RUN("'hello'.find('l')", "2",
        METH(S("hello", 5), "find", 1, (PyrtObject *[]){S("l", 1)}, NULL));
    RUN("'hello'.find('l', 3)", "3",
        METH(S("hello", 5), "find", 2, (PyrtObject *[]){S("l", 1), I(3LL)}, NULL));
    RUN("'hello'.find('l', -2)", "3",
        METH(S("hello", 5), "find", 2, (PyrtObject *[]){S("l", 1), I(-2LL)}, NULL));
    RUN("'hello'.find('z')", "-1",
        METH(S("hello", 5), "find", 1, (PyrtObject *[]){S("z", 1)}, NULL));
    RUN("'hello'.find('')", "0",
        METH(S("hello", 5), "find", 1, (PyrtObject *[]){S("", 0)}, NULL));
    RUN("'hello'.find('', 5)", "5",
        METH(S("hello", 5), "find", 2, (PyrtObject *[]){S("", 0), I(5LL)}, NULL));
    RUN("'hello'.find('', 6)", "-1",
        METH(S("hello", 5), "find", 2, (PyrtObject *[]){S("", 0), I(6LL)}, NULL));
    RUN("'hello'.find('lo', 1, 4)", "-1",
        METH(S("hello", 5), "find", 3, (PyrtObject *[]){S("lo", 2), I(1LL), I(4LL)}, NULL));
    RUN("'hello'.find('lo', 1, 5)", "3",
        METH(S("hello", 5), "find", 3, (PyrtObject *[]){S("lo", 2), I(1LL), I(5LL)}, NULL));
    RUN("'h\303\251llo w\303\266rld'.find('w\303\266')", "6",
        METH(S("h\303\251llo w\303\266rld", 13), "find", 1, (PyrtObject *[]){S("w\303\266", 3)}, NULL));
    RUN("'h\303\251llo w\303\266rld'.find('l', 4)", "9",
        METH(S("h\303\251llo w\303\266rld", 13), "find", 2, (PyrtObject *[]){S("l", 1), I(4LL)}, NULL));
    RUN("'h\303\251llo w\303\266rld'.find('o', -5, -1)", "-1",
        METH(S("h\303\251llo w\303\266rld", 13), "find", 3, (PyrtObject *[]){S("o", 1), I(-5LL), I(-1LL)}, NULL));
    RUN("'hello'.rfind('l')", "3",
        METH(S("hello", 5), "rfind", 1, (PyrtObject *[]){S("l", 1)}, NULL));
    RUN("'hello'.rfind('')", "5",
        METH(S("hello", 5), "rfind", 1, (PyrtObject *[]){S("", 0)}, NULL));
    RUN("'hello'.rfind('l', 0, 3)", "2",
        METH(S("hello", 5), "rfind", 3, (PyrtObject *[]){S("l", 1), I(0LL), I(3LL)}, NULL));
    RUN("'h\303\251llo w\303\266rld'.rfind('l')", "9",
        METH(S("h\303\251llo w\303\266rld", 13), "rfind", 1, (PyrtObject *[]){S("l", 1)}, NULL));
    RUN("'hello'.index('e')", "1",
        METH(S("hello", 5), "index", 1, (PyrtObject *[]){S("e", 1)}, NULL));
    RUN("'hello'.index('z')", "!ValueError: substring not found",
        METH(S("hello", 5), "index", 1, (PyrtObject *[]){S("z", 1)}, NULL));
    RUN("'hello'.rindex('z')", "!ValueError: substring not found",
        METH(S("hello", 5), "rindex", 1, (PyrtObject *[]){S("z", 1)}, NULL));
    RUN("'hello'.rindex('l')", "3",
        METH(S("hello", 5), "rindex", 1, (PyrtObject *[]){S("l", 1)}, NULL));
    RUN("'hello'.find()", "!TypeError: find() takes at least 1 argument (0 given)",
        METH(S("hello", 5), "find", 0, NULL, NULL));
    RUN("'hello'.find(1)", "!TypeError: must be str, not int",
        METH(S("hello", 5), "find", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'hello'.find('a', 'x')", "!TypeError: slice indices must be integers or None or have an __index__ method",
        METH(S("hello", 5), "find", 2, (PyrtObject *[]){S("a", 1), S("x", 1)}, NULL));
    RUN("'hello'.find('a', 1, 2, 3)", "!TypeError: find() takes at most 3 arguments (4 given)",
        METH(S("hello", 5), "find", 4, (PyrtObject *[]){S("a", 1), I(1LL), I(2LL), I(3LL)}, NULL));
    RUN("'hello'.find('l', None, None)", "2",
        METH(S("hello", 5), "find", 3, (PyrtObject *[]){S("l", 1), Pyrt_None, Pyrt_None}, NULL));
    RUN("'hello'.count('l')", "2",
        METH(S("hello", 5), "count", 1, (PyrtObject *[]){S("l", 1)}, NULL));
    RUN("'hello'.count('')", "6",
        METH(S("hello", 5), "count", 1, (PyrtObject *[]){S("", 0)}, NULL));
    RUN("'hello'.count('', 2)", "4",
        METH(S("hello", 5), "count", 2, (PyrtObject *[]){S("", 0), I(2LL)}, NULL));
    RUN("'hello'.count('', 10)", "0",
        METH(S("hello", 5), "count", 2, (PyrtObject *[]){S("", 0), I(10LL)}, NULL));
    RUN("'aaaa'.count('aa')", "2",
        METH(S("aaaa", 4), "count", 1, (PyrtObject *[]){S("aa", 2)}, NULL));
    RUN("'h\303\251llo'.count('l', 3)", "1",
        METH(S("h\303\251llo", 6), "count", 2, (PyrtObject *[]){S("l", 1), I(3LL)}, NULL));
    RUN("'hello'.count()", "!TypeError: count() takes at least 1 argument (0 given)",
        METH(S("hello", 5), "count", 0, NULL, NULL));
    RUN("'hello'.startswith('he')", "True",
        METH(S("hello", 5), "startswith", 1, (PyrtObject *[]){S("he", 2)}, NULL));
    RUN("'hello'.startswith('lo', 3)", "True",
        METH(S("hello", 5), "startswith", 2, (PyrtObject *[]){S("lo", 2), I(3LL)}, NULL));
    RUN("'hello'.startswith(('x', 'he'))", "True",
        METH(S("hello", 5), "startswith", 1, (PyrtObject *[]){T(2, S("x", 1), S("he", 2))}, NULL));
    RUN("'hello'.startswith('')", "True",
        METH(S("hello", 5), "startswith", 1, (PyrtObject *[]){S("", 0)}, NULL));
    RUN("'hello'.startswith('', 5)", "True",
        METH(S("hello", 5), "startswith", 2, (PyrtObject *[]){S("", 0), I(5LL)}, NULL));
    RUN("'hello'.startswith('', 6)", "False",
        METH(S("hello", 5), "startswith", 2, (PyrtObject *[]){S("", 0), I(6LL)}, NULL));
    RUN("'hello'.startswith('ell', 1, 3)", "False",
        METH(S("hello", 5), "startswith", 3, (PyrtObject *[]){S("ell", 3), I(1LL), I(3LL)}, NULL));
    RUN("'hello'.endswith('lo')", "True",
        METH(S("hello", 5), "endswith", 1, (PyrtObject *[]){S("lo", 2)}, NULL));
    RUN("'hello'.endswith('ell', 0, 4)", "True",
        METH(S("hello", 5), "endswith", 3, (PyrtObject *[]){S("ell", 3), I(0LL), I(4LL)}, NULL));
    RUN("'hello'.endswith(('x', 'y'))", "False",
        METH(S("hello", 5), "endswith", 1, (PyrtObject *[]){T(2, S("x", 1), S("y", 1))}, NULL));
    RUN("'h\303\251llo'.endswith('llo')", "True",
        METH(S("h\303\251llo", 6), "endswith", 1, (PyrtObject *[]){S("llo", 3)}, NULL));
    RUN("'h\303\251llo'.startswith('\303\251', 1)", "True",
        METH(S("h\303\251llo", 6), "startswith", 2, (PyrtObject *[]){S("\303\251", 2), I(1LL)}, NULL));
    RUN("'hello'.startswith(1)", "!TypeError: startswith first arg must be str or a tuple of str, not int",
        METH(S("hello", 5), "startswith", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'hello'.startswith((1,))", "!TypeError: tuple for startswith must only contain str, not int",
        METH(S("hello", 5), "startswith", 1, (PyrtObject *[]){T(1, I(1LL))}, NULL));
    RUN("'hello'.endswith()", "!TypeError: endswith() takes at least 1 argument (0 given)",
        METH(S("hello", 5), "endswith", 0, NULL, NULL));
    RUN("'Hello World'.upper()", "'HELLO WORLD'",
        METH(S("Hello World", 11), "upper", 0, NULL, NULL));
    RUN("'Hello World'.lower()", "'hello world'",
        METH(S("Hello World", 11), "lower", 0, NULL, NULL));
    RUN("'Hello World'.swapcase()", "'hELLO wORLD'",
        METH(S("Hello World", 11), "swapcase", 0, NULL, NULL));
    RUN("'hello world'.title()", "'Hello World'",
        METH(S("hello world", 11), "title", 0, NULL, NULL));
    RUN("\042they're bill's friends\042.title()", "\042They'Re Bill'S Friends\042",
        METH(S("they're bill's friends", 22), "title", 0, NULL, NULL));
    RUN("'hELLO wORLD'.capitalize()", "'Hello world'",
        METH(S("hELLO wORLD", 11), "capitalize", 0, NULL, NULL));
    RUN("'\303\237'.upper()", "'SS'",
        METH(S("\303\237", 2), "upper", 0, NULL, NULL));
    RUN("'\357\254\201'.upper()", "'FI'",
        METH(S("\357\254\201", 3), "upper", 0, NULL, NULL));
    RUN("'stra\303\237e'.casefold()", "'strasse'",
        METH(S("stra\303\237e", 7), "casefold", 0, NULL, NULL));
    RUN("'\316\221\316\243'.lower()", "'\316\261\317\202'",
        METH(S("\316\221\316\243", 4), "lower", 0, NULL, NULL));
    RUN("'\316\221\316\243 \316\243 \316\221\316\243\316\221'.lower()", "'\316\261\317\202 \317\203 \316\261\317\203\316\261'",
        METH(S("\316\221\316\243 \316\243 \316\221\316\243\316\221", 14), "lower", 0, NULL, NULL));
    RUN("\042\316\221\316\243'\042.lower()", "\042\316\261\317\202'\042",
        METH(S("\316\221\316\243'", 5), "lower", 0, NULL, NULL));
    RUN("'\316\243'.lower()", "'\317\203'",
        METH(S("\316\243", 2), "lower", 0, NULL, NULL));
    RUN("'\304\260'.lower()", "'i\314\207'",
        METH(S("\304\260", 2), "lower", 0, NULL, NULL));
    RUN("'\305\211'.upper()", "'\312\274N'",
        METH(S("\305\211", 2), "upper", 0, NULL, NULL));
    RUN("'\307\205'.lower()", "'\307\206'",
        METH(S("\307\205", 2), "lower", 0, NULL, NULL));
    RUN("'\307\206'.title()", "'\307\205'",
        METH(S("\307\206", 2), "title", 0, NULL, NULL));
    RUN("'\307\263'.upper()", "'\307\261'",
        METH(S("\307\263", 2), "upper", 0, NULL, NULL));
    RUN("'\303\251\303\240\303\274 \303\211\303\200\303\234'.upper()", "'\303\211\303\200\303\234 \303\211\303\200\303\234'",
        METH(S("\303\251\303\240\303\274 \303\211\303\200\303\234", 13), "upper", 0, NULL, NULL));
    RUN("'\304\200\304\201\304\202\304\203'.swapcase()", "'\304\201\304\200\304\203\304\202'",
        METH(S("\304\200\304\201\304\202\304\203", 8), "swapcase", 0, NULL, NULL));
    RUN("'\320\237\321\200\320\270\320\262\320\265\321\202 \320\234\320\270\321\200'.upper()", "'\320\237\320\240\320\230\320\222\320\225\320\242 \320\234\320\230\320\240'",
        METH(S("\320\237\321\200\320\270\320\262\320\265\321\202 \320\234\320\270\321\200", 19), "upper", 0, NULL, NULL));
    RUN("'\320\237\321\200\320\270\320\262\320\265\321\202 \320\234\320\270\321\200'.lower()", "'\320\277\321\200\320\270\320\262\320\265\321\202 \320\274\320\270\321\200'",
        METH(S("\320\237\321\200\320\270\320\262\320\265\321\202 \320\234\320\270\321\200", 19), "lower", 0, NULL, NULL));
    RUN("'\316\221\316\222\316\223 \316\261\316\262\316\263'.swapcase()", "'\316\261\316\262\316\263 \316\221\316\222\316\223'",
        METH(S("\316\221\316\222\316\223 \316\261\316\262\316\263", 13), "swapcase", 0, NULL, NULL));
    RUN("'\342\223\220\342\223\221'.upper()", "'\342\222\266\342\222\267'",
        METH(S("\342\223\220\342\223\221", 6), "upper", 0, NULL, NULL));
    RUN("'\307\206emal \307\210j'.title()", "'\307\205emal \307\210j'",
        METH(S("\307\206emal \307\210j", 10), "title", 0, NULL, NULL));
    RUN("'1a2b'.title()", "'1A2B'",
        METH(S("1a2b", 4), "title", 0, NULL, NULL));
    RUN("'\316\243\316\221\316\243'.capitalize()", "'\316\243\316\261\317\202'",
        METH(S("\316\243\316\221\316\243", 6), "capitalize", 0, NULL, NULL));
    RUN("'\357\254\203'.title()", "'Ffi'",
        METH(S("\357\254\203", 3), "title", 0, NULL, NULL));
    RUN("'\303\237'.capitalize()", "'Ss'",
        METH(S("\303\237", 2), "capitalize", 0, NULL, NULL));
    RUN("'abc'.upper(1)", "!TypeError: str.upper() takes no arguments (1 given)",
        METH(S("abc", 3), "upper", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'abc'.upper(x=1)", "!TypeError: str.upper() takes no keyword arguments",
        METH(S("abc", 3), "upper", 0, (PyrtObject *[]){I(1LL)}, KW1("x")));
    RUN("'123'.isdigit()", "True",
        METH(S("123", 3), "isdigit", 0, NULL, NULL));
    RUN("'12a'.isdigit()", "False",
        METH(S("12a", 3), "isdigit", 0, NULL, NULL));
    RUN("''.isdigit()", "False",
        METH(S("", 0), "isdigit", 0, NULL, NULL));
    RUN("'\302\262\302\263'.isdigit()", "True",
        METH(S("\302\262\302\263", 4), "isdigit", 0, NULL, NULL));
    RUN("'\302\262\302\263'.isdecimal()", "False",
        METH(S("\302\262\302\263", 4), "isdecimal", 0, NULL, NULL));
    RUN("'\302\275'.isnumeric()", "True",
        METH(S("\302\275", 2), "isnumeric", 0, NULL, NULL));
    RUN("'\302\275'.isdigit()", "False",
        METH(S("\302\275", 2), "isdigit", 0, NULL, NULL));
    RUN("'\331\243'.isdecimal()", "True",
        METH(S("\331\243", 2), "isdecimal", 0, NULL, NULL));
    RUN("'\344\270\200'.isnumeric()", "True",
        METH(S("\344\270\200", 3), "isnumeric", 0, NULL, NULL));
    RUN("'abc'.isalpha()", "True",
        METH(S("abc", 3), "isalpha", 0, NULL, NULL));
    RUN("'ab\303\247'.isalpha()", "True",
        METH(S("ab\303\247", 4), "isalpha", 0, NULL, NULL));
    RUN("'ab1'.isalpha()", "False",
        METH(S("ab1", 3), "isalpha", 0, NULL, NULL));
    RUN("'ab1'.isalnum()", "True",
        METH(S("ab1", 3), "isalnum", 0, NULL, NULL));
    RUN("'ab_'.isalnum()", "False",
        METH(S("ab_", 3), "isalnum", 0, NULL, NULL));
    RUN("' \134t\134n'.isspace()", "True",
        METH(S(" \011\012", 3), "isspace", 0, NULL, NULL));
    RUN("'\134x1c\134x1d'.isspace()", "True",
        METH(S("\034\035", 2), "isspace", 0, NULL, NULL));
    RUN("'\134u3000\134xa0'.isspace()", "True",
        METH(S("\343\200\200\302\240", 5), "isspace", 0, NULL, NULL));
    RUN("''.isspace()", "False",
        METH(S("", 0), "isspace", 0, NULL, NULL));
    RUN("'ABC'.isupper()", "True",
        METH(S("ABC", 3), "isupper", 0, NULL, NULL));
    RUN("'ABc'.isupper()", "False",
        METH(S("ABc", 3), "isupper", 0, NULL, NULL));
    RUN("'A1'.isupper()", "True",
        METH(S("A1", 2), "isupper", 0, NULL, NULL));
    RUN("'1'.isupper()", "False",
        METH(S("1", 1), "isupper", 0, NULL, NULL));
    RUN("'abc'.islower()", "True",
        METH(S("abc", 3), "islower", 0, NULL, NULL));
    RUN("'aBc'.islower()", "False",
        METH(S("aBc", 3), "islower", 0, NULL, NULL));
    RUN("'\307\205'.istitle()", "True",
        METH(S("\307\205", 2), "istitle", 0, NULL, NULL));
    RUN("'Hello World'.istitle()", "True",
        METH(S("Hello World", 11), "istitle", 0, NULL, NULL));
    RUN("'Hello world'.istitle()", "False",
        METH(S("Hello world", 11), "istitle", 0, NULL, NULL));
    RUN("'HeLLo'.istitle()", "False",
        METH(S("HeLLo", 5), "istitle", 0, NULL, NULL));
    RUN("'123'.istitle()", "False",
        METH(S("123", 3), "istitle", 0, NULL, NULL));
    RUN("'A1 B2'.istitle()", "True",
        METH(S("A1 B2", 5), "istitle", 0, NULL, NULL));
    RUN("'abc'.isidentifier()", "True",
        METH(S("abc", 3), "isidentifier", 0, NULL, NULL));
    RUN("'_a1'.isidentifier()", "True",
        METH(S("_a1", 3), "isidentifier", 0, NULL, NULL));
    RUN("'1a'.isidentifier()", "False",
        METH(S("1a", 2), "isidentifier", 0, NULL, NULL));
    RUN("'\303\251_\303\274'.isidentifier()", "True",
        METH(S("\303\251_\303\274", 5), "isidentifier", 0, NULL, NULL));
    RUN("''.isidentifier()", "False",
        METH(S("", 0), "isidentifier", 0, NULL, NULL));
    RUN("'a-b'.isidentifier()", "False",
        METH(S("a-b", 3), "isidentifier", 0, NULL, NULL));
    RUN("'ab'.isascii()", "True",
        METH(S("ab", 2), "isascii", 0, NULL, NULL));
    RUN("'a\303\251'.isascii()", "False",
        METH(S("a\303\251", 3), "isascii", 0, NULL, NULL));
    RUN("''.isascii()", "True",
        METH(S("", 0), "isascii", 0, NULL, NULL));
    RUN("'abc'.isprintable()", "True",
        METH(S("abc", 3), "isprintable", 0, NULL, NULL));
    RUN("'a\134n'.isprintable()", "False",
        METH(S("a\012", 2), "isprintable", 0, NULL, NULL));
    RUN("''.isprintable()", "True",
        METH(S("", 0), "isprintable", 0, NULL, NULL));
    RUN("'\303\251\342\202\254'.isprintable()", "True",
        METH(S("\303\251\342\202\254", 5), "isprintable", 0, NULL, NULL));
    RUN("'\134xad'.isprintable()", "False",
        METH(S("\302\255", 2), "isprintable", 0, NULL, NULL));
    RUN("'abc'.center(9)", "'   abc   '",
        METH(S("abc", 3), "center", 1, (PyrtObject *[]){I(9LL)}, NULL));
    RUN("'abc'.center(8, '*')", "'**abc***'",
        METH(S("abc", 3), "center", 2, (PyrtObject *[]){I(8LL), S("*", 1)}, NULL));
    RUN("'ab'.center(5, '*')", "'**ab*'",
        METH(S("ab", 2), "center", 2, (PyrtObject *[]){I(5LL), S("*", 1)}, NULL));
    RUN("'abc'.center(2)", "'abc'",
        METH(S("abc", 3), "center", 1, (PyrtObject *[]){I(2LL)}, NULL));
    RUN("'abc'.ljust(6, '\303\251')", "'abc\303\251\303\251\303\251'",
        METH(S("abc", 3), "ljust", 2, (PyrtObject *[]){I(6LL), S("\303\251", 2)}, NULL));
    RUN("'abc'.rjust(6)", "'   abc'",
        METH(S("abc", 3), "rjust", 1, (PyrtObject *[]){I(6LL)}, NULL));
    RUN("'\303\251'.rjust(3, '\342\202\254')", "'\342\202\254\342\202\254\303\251'",
        METH(S("\303\251", 2), "rjust", 2, (PyrtObject *[]){I(3LL), S("\342\202\254", 3)}, NULL));
    RUN("'abc'.center('x')", "!TypeError: 'str' object cannot be interpreted as an integer",
        METH(S("abc", 3), "center", 1, (PyrtObject *[]){S("x", 1)}, NULL));
    RUN("'abc'.center(5, 'ab')", "!TypeError: The fill character must be exactly one character long",
        METH(S("abc", 3), "center", 2, (PyrtObject *[]){I(5LL), S("ab", 2)}, NULL));
    RUN("'abc'.center(5, 1)", "!TypeError: The fill character must be a unicode character, not int",
        METH(S("abc", 3), "center", 2, (PyrtObject *[]){I(5LL), I(1LL)}, NULL));
    RUN("'abc'.center()", "!TypeError: center expected at least 1 argument, got 0",
        METH(S("abc", 3), "center", 0, NULL, NULL));
    RUN("'42'.zfill(5)", "'00042'",
        METH(S("42", 2), "zfill", 1, (PyrtObject *[]){I(5LL)}, NULL));
    RUN("'-42'.zfill(5)", "'-0042'",
        METH(S("-42", 3), "zfill", 1, (PyrtObject *[]){I(5LL)}, NULL));
    RUN("'+42'.zfill(5)", "'+0042'",
        METH(S("+42", 3), "zfill", 1, (PyrtObject *[]){I(5LL)}, NULL));
    RUN("'42'.zfill(1)", "'42'",
        METH(S("42", 2), "zfill", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("''.zfill(3)", "'000'",
        METH(S("", 0), "zfill", 1, (PyrtObject *[]){I(3LL)}, NULL));
    RUN("'\303\251'.zfill(3)", "'00\303\251'",
        METH(S("\303\251", 2), "zfill", 1, (PyrtObject *[]){I(3LL)}, NULL));
    RUN("'-'.zfill(3)", "'-00'",
        METH(S("-", 1), "zfill", 1, (PyrtObject *[]){I(3LL)}, NULL));
    RUN("'a'.zfill()", "!TypeError: str.zfill() takes exactly one argument (0 given)",
        METH(S("a", 1), "zfill", 0, NULL, NULL));
    RUN("'a=b=c'.partition('=')", "('a', '=', 'b=c')",
        METH(S("a=b=c", 5), "partition", 1, (PyrtObject *[]){S("=", 1)}, NULL));
    RUN("'a=b=c'.rpartition('=')", "('a=b', '=', 'c')",
        METH(S("a=b=c", 5), "rpartition", 1, (PyrtObject *[]){S("=", 1)}, NULL));
    RUN("'abc'.partition('x')", "('abc', '', '')",
        METH(S("abc", 3), "partition", 1, (PyrtObject *[]){S("x", 1)}, NULL));
    RUN("'abc'.rpartition('x')", "('', '', 'abc')",
        METH(S("abc", 3), "rpartition", 1, (PyrtObject *[]){S("x", 1)}, NULL));
    RUN("'\303\251\342\202\254\360\237\230\200'.partition('\342\202\254')", "('\303\251', '\342\202\254', '\360\237\230\200')",
        METH(S("\303\251\342\202\254\360\237\230\200", 9), "partition", 1, (PyrtObject *[]){S("\342\202\254", 3)}, NULL));
    RUN("'abc'.partition('')", "!ValueError: empty separator",
        METH(S("abc", 3), "partition", 1, (PyrtObject *[]){S("", 0)}, NULL));
    RUN("'abc'.partition(1)", "!TypeError: must be str, not int",
        METH(S("abc", 3), "partition", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'a\134tb\134tc'.expandtabs()", "'a       b       c'",
        METH(S("a\011b\011c", 5), "expandtabs", 0, NULL, NULL));
    RUN("'a\134tbc\134td'.expandtabs(4)", "'a   bc  d'",
        METH(S("a\011bc\011d", 6), "expandtabs", 1, (PyrtObject *[]){I(4LL)}, NULL));
    RUN("'ab\134n\134tc'.expandtabs(4)", "'ab\134n    c'",
        METH(S("ab\012\011c", 5), "expandtabs", 1, (PyrtObject *[]){I(4LL)}, NULL));
    RUN("'a\134tb'.expandtabs(0)", "'ab'",
        METH(S("a\011b", 3), "expandtabs", 1, (PyrtObject *[]){I(0LL)}, NULL));
    RUN("'\303\251\134tb'.expandtabs(tabsize=3)", "'\303\251  b'",
        METH(S("\303\251\011b", 4), "expandtabs", 0, (PyrtObject *[]){I(3LL)}, KW1("tabsize")));
    RUN("'a\134tb'.expandtabs('x')", "!TypeError: 'str' object cannot be interpreted as an integer",
        METH(S("a\011b", 3), "expandtabs", 1, (PyrtObject *[]){S("x", 1)}, NULL));
    RUN("'prefix-body'.removeprefix('prefix-')", "'body'",
        METH(S("prefix-body", 11), "removeprefix", 1, (PyrtObject *[]){S("prefix-", 7)}, NULL));
    RUN("'prefix-body'.removeprefix('x')", "'prefix-body'",
        METH(S("prefix-body", 11), "removeprefix", 1, (PyrtObject *[]){S("x", 1)}, NULL));
    RUN("'body.txt'.removesuffix('.txt')", "'body'",
        METH(S("body.txt", 8), "removesuffix", 1, (PyrtObject *[]){S(".txt", 4)}, NULL));
    RUN("'body.txt'.removesuffix('')", "'body.txt'",
        METH(S("body.txt", 8), "removesuffix", 1, (PyrtObject *[]){S("", 0)}, NULL));
    RUN("'abc'.removeprefix(1)", "!TypeError: removeprefix() argument must be str, not int",
        METH(S("abc", 3), "removeprefix", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'abc'.encode()", "b'abc'",
        METH(S("abc", 3), "encode", 0, NULL, NULL));
    RUN("'h\303\251llo'.encode()", "b'h\134xc3\134xa9llo'",
        METH(S("h\303\251llo", 6), "encode", 0, NULL, NULL));
    RUN("'h\303\251llo'.encode('latin-1')", "b'h\134xe9llo'",
        METH(S("h\303\251llo", 6), "encode", 1, (PyrtObject *[]){S("latin-1", 7)}, NULL));
    RUN("'h\303\251llo'.encode('ascii')", "!UnicodeEncodeError: 'ascii' codec can't encode character '\134xe9' in position 1: ordinal not in range(128)",
        METH(S("h\303\251llo", 6), "encode", 1, (PyrtObject *[]){S("ascii", 5)}, NULL));
    RUN("'h\342\202\254llo\342\202\254'.encode('ascii', 'replace')", "b'h\077llo\077'",
        METH(S("h\342\202\254llo\342\202\254", 10), "encode", 2, (PyrtObject *[]){S("ascii", 5), S("replace", 7)}, NULL));
    RUN("'h\342\202\254llo'.encode('ascii', 'ignore')", "b'hllo'",
        METH(S("h\342\202\254llo", 7), "encode", 2, (PyrtObject *[]){S("ascii", 5), S("ignore", 6)}, NULL));
    RUN("'\303\251\342\202\254'.encode('ascii')", "!UnicodeEncodeError: 'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)",
        METH(S("\303\251\342\202\254", 5), "encode", 1, (PyrtObject *[]){S("ascii", 5)}, NULL));
    RUN("'a\360\237\230\200'.encode('ascii')", "!UnicodeEncodeError: 'ascii' codec can't encode character '\134U0001f600' in position 1: ordinal not in range(128)",
        METH(S("a\360\237\230\200", 5), "encode", 1, (PyrtObject *[]){S("ascii", 5)}, NULL));
    RUN("'a\134ud800'.encode()", "!UnicodeEncodeError: 'utf-8' codec can't encode character '\134ud800' in position 1: surrogates not allowed",
        METH(S("a\355\240\200", 4), "encode", 0, NULL, NULL));
    RUN("'a'.encode('UTF8')", "b'a'",
        METH(S("a", 1), "encode", 1, (PyrtObject *[]){S("UTF8", 4)}, NULL));
    RUN("'a'.encode('utf 8')", "b'a'",
        METH(S("a", 1), "encode", 1, (PyrtObject *[]){S("utf 8", 5)}, NULL));
    RUN("'a'.encode('us-ascii')", "b'a'",
        METH(S("a", 1), "encode", 1, (PyrtObject *[]){S("us-ascii", 8)}, NULL));
    RUN("'a'.encode('bogus')", "!LookupError: unknown encoding: bogus",
        METH(S("a", 1), "encode", 1, (PyrtObject *[]){S("bogus", 5)}, NULL));
    RUN("'\303\251'.encode('ascii', 'bogus')", "!LookupError: unknown error handler name 'bogus'",
        METH(S("\303\251", 2), "encode", 2, (PyrtObject *[]){S("ascii", 5), S("bogus", 5)}, NULL));
    RUN("'a'.encode(1)", "!TypeError: encode() argument 'encoding' must be str, not int",
        METH(S("a", 1), "encode", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'a'.encode(encoding='utf-8', errors='strict')", "b'a'",
        METH(S("a", 1), "encode", 0, (PyrtObject *[]){S("utf-8", 5), S("strict", 6)}, KW2("encoding", "errors")));
    RUN("'abc'.translate({97: 'X', 98: None, 99: 100})", "'Xd'",
        METH(S("abc", 3), "translate", 1, (PyrtObject *[]){D(3, I(97LL), S("X", 1), I(98LL), Pyrt_None, I(99LL), I(100LL))}, NULL));
    RUN("'abc'.translate({})", "'abc'",
        METH(S("abc", 3), "translate", 1, (PyrtObject *[]){D(0)}, NULL));
    RUN("'abc'.translate({97: 0x110000})", "!ValueError: character mapping must be in range(0x110000)",
        METH(S("abc", 3), "translate", 1, (PyrtObject *[]){D(1, I(97LL), I(1114112LL))}, NULL));
    RUN("'abc'.translate({97: 1.5})", "!TypeError: character mapping must return integer, None or str",
        METH(S("abc", 3), "translate", 1, (PyrtObject *[]){D(1, I(97LL), F(0x1.8000000000000p+0))}, NULL));
    RUN("'abc'.maketrans('ab', 'xy')", "{97: 120, 98: 121}",
        METH(S("abc", 3), "maketrans", 2, (PyrtObject *[]){S("ab", 2), S("xy", 2)}, NULL));
    RUN("'abc'.maketrans('ab', 'xy', 'c')", "{97: 120, 98: 121, 99: None}",
        METH(S("abc", 3), "maketrans", 3, (PyrtObject *[]){S("ab", 2), S("xy", 2), S("c", 1)}, NULL));
    RUN("'abc'.maketrans({'a': 'b', 98: None})", "{97: 'b', 98: None}",
        METH(S("abc", 3), "maketrans", 1, (PyrtObject *[]){D(2, S("a", 1), S("b", 1), I(98LL), Pyrt_None)}, NULL));
    RUN("'abc'.maketrans('a', 'xy')", "!ValueError: the first two maketrans arguments must have equal length",
        METH(S("abc", 3), "maketrans", 2, (PyrtObject *[]){S("a", 1), S("xy", 2)}, NULL));
    RUN("'abc'.maketrans({'ab': 1})", "!ValueError: string keys in translate table must be of length 1",
        METH(S("abc", 3), "maketrans", 1, (PyrtObject *[]){D(1, S("ab", 2), I(1LL))}, NULL));
    RUN("'abc'.maketrans(1)", "!TypeError: if you give only one argument to maketrans it must be a dict",
        METH(S("abc", 3), "maketrans", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'%s' % 'x'", "'x'",
        BIN(S("%s", 2), S("x", 1), PYRT_MOD));
    RUN("'%s and %s' % ('a', 'b')", "'a and b'",
        BIN(S("%s and %s", 9), T(2, S("a", 1), S("b", 1)), PYRT_MOD));
    RUN("'%d' % 42", "'42'",
        BIN(S("%d", 2), I(42LL), PYRT_MOD));
    RUN("'%5d|%-5d|' % (-3, -3)", "'   -3|-3   |'",
        BIN(S("%5d|%-5d|", 9), T(2, I(-3LL), I(-3LL)), PYRT_MOD));
    RUN("'%05d' % -42", "'-0042'",
        BIN(S("%05d", 4), I(-42LL), PYRT_MOD));
    RUN("'%+05d' % 5", "'+0005'",
        BIN(S("%+05d", 5), I(5LL), PYRT_MOD));
    RUN("'% d' % 42", "' 42'",
        BIN(S("% d", 3), I(42LL), PYRT_MOD));
    RUN("'%+.3d' % 5", "'+005'",
        BIN(S("%+.3d", 5), I(5LL), PYRT_MOD));
    RUN("'%05.3d' % 5", "'00005'",
        BIN(S("%05.3d", 6), I(5LL), PYRT_MOD));
    RUN("'%x %X %o' % (255, 255, 8)", "'ff FF 10'",
        BIN(S("%x %X %o", 8), T(3, I(255LL), I(255LL), I(8LL)), PYRT_MOD));
    RUN("'%#x %#X %#o' % (255, 255, 8)", "'0xff 0XFF 0o10'",
        BIN(S("%#x %#X %#o", 11), T(3, I(255LL), I(255LL), I(8LL)), PYRT_MOD));
    RUN("'%#010x' % 255", "'0x000000ff'",
        BIN(S("%#010x", 6), I(255LL), PYRT_MOD));
    RUN("'%#.5x' % 255", "'0x000ff'",
        BIN(S("%#.5x", 5), I(255LL), PYRT_MOD));
    RUN("'%x' % -255", "'-ff'",
        BIN(S("%x", 2), I(-255LL), PYRT_MOD));
    RUN("'%#x' % -255", "'-0xff'",
        BIN(S("%#x", 3), I(-255LL), PYRT_MOD));
    RUN("'%#o' % 0", "'0o0'",
        BIN(S("%#o", 3), I(0LL), PYRT_MOD));
    RUN("'%d' % 3.99", "'3'",
        BIN(S("%d", 2), F(0x1.feb851eb851ecp+1), PYRT_MOD));
    RUN("'%i' % -0.5", "'0'",
        BIN(S("%i", 2), F(-0x1.0000000000000p-1), PYRT_MOD));
    RUN("'%d' % True", "'1'",
        BIN(S("%d", 2), Pyrt_True, PYRT_MOD));
    RUN("'%d' % -0.0", "'0'",
        BIN(S("%d", 2), F(-0x0.0p+0), PYRT_MOD));
    RUN("'%d' % 1e20", "'100000000000000000000'",
        BIN(S("%d", 2), F(0x1.5af1d78b58c40p+66), PYRT_MOD));
    RUN("'%+i' % -1.5e25", "'-15000000000000000285212672'",
        BIN(S("%+i", 3), F(-0x1.8d0bf423c03d9p+83), PYRT_MOD));
    RUN("'%5.3u|' % 9.3e18", "'9300000000000000000|'",
        BIN(S("%5.3u|", 6), F(0x1.02207973f6440p+63), PYRT_MOD));
    RUN("'%u' % 7", "'7'",
        BIN(S("%u", 2), I(7LL), PYRT_MOD));
    RUN("'%d' % 'x'", "!TypeError: %d format: a real number is required, not str",
        BIN(S("%d", 2), S("x", 1), PYRT_MOD));
    RUN("'%x' % 1.5", "!TypeError: %x format: an integer is required, not float",
        BIN(S("%x", 2), F(0x1.8000000000000p+0), PYRT_MOD));
    RUN("'%f' % 1.5", "'1.500000'",
        BIN(S("%f", 2), F(0x1.8000000000000p+0), PYRT_MOD));
    RUN("'%.2f' % 2.675", "'2.67'",
        BIN(S("%.2f", 4), F(0x1.5666666666666p+1), PYRT_MOD));
    RUN("'%.0f' % 0.5", "'0'",
        BIN(S("%.0f", 4), F(0x1.0000000000000p-1), PYRT_MOD));
    RUN("'%.0f' % 1.5", "'2'",
        BIN(S("%.0f", 4), F(0x1.8000000000000p+0), PYRT_MOD));
    RUN("'%#.0f' % 2", "'2.'",
        BIN(S("%#.0f", 5), I(2LL), PYRT_MOD));
    RUN("'%e' % 12345.678", "'1.234568e+04'",
        BIN(S("%e", 2), F(0x1.81cd6c8b43958p+13), PYRT_MOD));
    RUN("'%.0e' % 12345", "'1e+04'",
        BIN(S("%.0e", 4), I(12345LL), PYRT_MOD));
    RUN("'%#.0e' % 12345", "'1.e+04'",
        BIN(S("%#.0e", 5), I(12345LL), PYRT_MOD));
    RUN("'%E' % 0.000123", "'1.230000E-04'",
        BIN(S("%E", 2), F(0x1.01f31f46ed246p-13), PYRT_MOD));
    RUN("'%g' % 1e-5", "'1e-05'",
        BIN(S("%g", 2), F(0x1.4f8b588e368f1p-17), PYRT_MOD));
    RUN("'%g' % 0.0001", "'0.0001'",
        BIN(S("%g", 2), F(0x1.a36e2eb1c432dp-14), PYRT_MOD));
    RUN("'%g' % 123456789", "'1.23457e+08'",
        BIN(S("%g", 2), I(123456789LL), PYRT_MOD));
    RUN("'%g' % 100000", "'100000'",
        BIN(S("%g", 2), I(100000LL), PYRT_MOD));
    RUN("'%g' % 1000000", "'1e+06'",
        BIN(S("%g", 2), I(1000000LL), PYRT_MOD));
    RUN("'%#g' % 1.0", "'1.00000'",
        BIN(S("%#g", 3), F(0x1.0000000000000p+0), PYRT_MOD));
    RUN("'%G' % 1e-10", "'1E-10'",
        BIN(S("%G", 2), F(0x1.b7cdfd9d7bdbbp-34), PYRT_MOD));
    RUN("'%.15g' % 0.1", "'0.1'",
        BIN(S("%.15g", 5), F(0x1.999999999999ap-4), PYRT_MOD));
    RUN("'%.17g' % 0.1", "'0.10000000000000001'",
        BIN(S("%.17g", 5), F(0x1.999999999999ap-4), PYRT_MOD));
    RUN("'%10.3e|' % 1234.5", "' 1.234e+03|'",
        BIN(S("%10.3e|", 7), F(0x1.34a0000000000p+10), PYRT_MOD));
    RUN("'%-10.3e|' % 1234.5", "'1.234e+03 |'",
        BIN(S("%-10.3e|", 8), F(0x1.34a0000000000p+10), PYRT_MOD));
    RUN("'%+f' % 1.0", "'+1.000000'",
        BIN(S("%+f", 3), F(0x1.0000000000000p+0), PYRT_MOD));
    RUN("'%f' % 'x'", "!TypeError: must be real number, not str",
        BIN(S("%f", 2), S("x", 1), PYRT_MOD));
    RUN("'%f' % float('inf')", "'inf'",
        BIN(S("%f", 2), F(INFINITY), PYRT_MOD));
    RUN("'%F' % float('inf')", "'INF'",
        BIN(S("%F", 2), F(INFINITY), PYRT_MOD));
    RUN("'%E' % float('nan')", "'NAN'",
        BIN(S("%E", 2), F(NAN), PYRT_MOD));
    RUN("'%010f' % float('inf')", "'0000000inf'",
        BIN(S("%010f", 5), F(INFINITY), PYRT_MOD));
    RUN("'%-010f|' % float('-inf')", "'-inf      |'",
        BIN(S("%-010f|", 7), F(-INFINITY), PYRT_MOD));
    RUN("'%+f' % float('nan')", "'+nan'",
        BIN(S("%+f", 3), F(NAN), PYRT_MOD));
    RUN("'% f' % float('inf')", "' inf'",
        BIN(S("% f", 3), F(INFINITY), PYRT_MOD));
    RUN("'%f' % 1e300", "'1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000'",
        BIN(S("%f", 2), F(0x1.7e43c8800759cp+996), PYRT_MOD));
    RUN("'%.3e' % -0.0", "'-0.000e+00'",
        BIN(S("%.3e", 4), F(-0x0.0p+0), PYRT_MOD));
    RUN("'%+g' % 0.0", "'+0'",
        BIN(S("%+g", 3), F(0x0.0p+0), PYRT_MOD));
    RUN("'%5.1f|' % -0.0", "' -0.0|'",
        BIN(S("%5.1f|", 6), F(-0x0.0p+0), PYRT_MOD));
    RUN("'%c' % 'a'", "'a'",
        BIN(S("%c", 2), S("a", 1), PYRT_MOD));
    RUN("'%c' % 233", "'\303\251'",
        BIN(S("%c", 2), I(233LL), PYRT_MOD));
    RUN("'%c' % 0x1f600", "'\360\237\230\200'",
        BIN(S("%c", 2), I(128512LL), PYRT_MOD));
    RUN("'%c' % True", "'\134x01'",
        BIN(S("%c", 2), Pyrt_True, PYRT_MOD));
    RUN("'%c' % 'ab'", "!TypeError: %c requires int or char",
        BIN(S("%c", 2), S("ab", 2), PYRT_MOD));
    RUN("'%c' % 1.5", "!TypeError: %c requires int or char",
        BIN(S("%c", 2), F(0x1.8000000000000p+0), PYRT_MOD));
    RUN("'%c' % -1", "!OverflowError: %c arg not in range(0x110000)",
        BIN(S("%c", 2), I(-1LL), PYRT_MOD));
    RUN("'%5c|%-3c|' % ('x', 'y')", "'    x|y  |'",
        BIN(S("%5c|%-3c|", 9), T(2, S("x", 1), S("y", 1)), PYRT_MOD));
    RUN("'%r' % 'a'", "\042'a'\042",
        BIN(S("%r", 2), S("a", 1), PYRT_MOD));
    RUN("'%r' % 1e16", "'1e+16'",
        BIN(S("%r", 2), F(0x1.1c37937e08000p+53), PYRT_MOD));
    RUN("'%a' % '\303\251'", "\042'\134\134xe9'\042",
        BIN(S("%a", 2), S("\303\251", 2), PYRT_MOD));
    RUN("'%s' % 1.0", "'1.0'",
        BIN(S("%s", 2), F(0x1.0000000000000p+0), PYRT_MOD));
    RUN("'%s' % None", "'None'",
        BIN(S("%s", 2), Pyrt_None, PYRT_MOD));
    RUN("'%s' % b'a'", "\042b'a'\042",
        BIN(S("%s", 2), B("a", 1), PYRT_MOD));
    RUN("'%s' % (1,)", "'1'",
        BIN(S("%s", 2), T(1, I(1LL)), PYRT_MOD));
    RUN("'%s' % ((1, 2),)", "'(1, 2)'",
        BIN(S("%s", 2), T(1, T(2, I(1LL), I(2LL))), PYRT_MOD));
    RUN("'%s' % [1, 2]", "'[1, 2]'",
        BIN(S("%s", 2), L(2, I(1LL), I(2LL)), PYRT_MOD));
    RUN("'%s %s' % [1, 2]", "!TypeError: not enough arguments for format string",
        BIN(S("%s %s", 5), L(2, I(1LL), I(2LL)), PYRT_MOD));
    RUN("'%s' % {'a': 1}", "\042{'a': 1}\042",
        BIN(S("%s", 2), D(1, S("a", 1), I(1LL)), PYRT_MOD));
    RUN("'%(a)s %(b)r' % {'a': 1, 'b': 'x'}", "\0421 'x'\042",
        BIN(S("%(a)s %(b)r", 11), D(2, S("a", 1), I(1LL), S("b", 1), S("x", 1)), PYRT_MOD));
    RUN("'%(a)s%(a)s' % {'a': 1}", "'11'",
        BIN(S("%(a)s%(a)s", 10), D(1, S("a", 1), I(1LL)), PYRT_MOD));
    RUN("'%(a)s %s' % {'a': 1}", "!TypeError: not enough arguments for format string",
        BIN(S("%(a)s %s", 8), D(1, S("a", 1), I(1LL)), PYRT_MOD));
    RUN("'%s %(a)s' % {'a': 1}", "\042{'a': 1} 1\042",
        BIN(S("%s %(a)s", 8), D(1, S("a", 1), I(1LL)), PYRT_MOD));
    RUN("'%((a))s' % {'(a)': 1}", "'1'",
        BIN(S("%((a))s", 7), D(1, S("(a)", 3), I(1LL)), PYRT_MOD));
    RUN("'%(a)d' % {'a': 3}", "'3'",
        BIN(S("%(a)d", 5), D(1, S("a", 1), I(3LL)), PYRT_MOD));
    RUN("'%(a)s' % 1", "!TypeError: format requires a mapping",
        BIN(S("%(a)s", 5), I(1LL), PYRT_MOD));
    RUN("'%(a)s' % {}", "!KeyError: 'a'",
        BIN(S("%(a)s", 5), D(0), PYRT_MOD));
    RUN("'%(a' % {'a': 1}", "!ValueError: incomplete format key",
        BIN(S("%(a", 3), D(1, S("a", 1), I(1LL)), PYRT_MOD));
    RUN("'%(a)' % {'a': 1}", "!ValueError: incomplete format",
        BIN(S("%(a)", 4), D(1, S("a", 1), I(1LL)), PYRT_MOD));
    RUN("'%5s|%-5s|' % ('a', 'b')", "'    a|b    |'",
        BIN(S("%5s|%-5s|", 9), T(2, S("a", 1), S("b", 1)), PYRT_MOD));
    RUN("'%.2s|' % 'abc'", "'ab|'",
        BIN(S("%.2s|", 5), S("abc", 3), PYRT_MOD));
    RUN("'%.3s|%5.1s|' % ('abcdef', 'xyz')", "'abc|    x|'",
        BIN(S("%.3s|%5.1s|", 11), T(2, S("abcdef", 6), S("xyz", 3)), PYRT_MOD));
    RUN("'%*d|' % (5, 1)", "'    1|'",
        BIN(S("%*d|", 4), T(2, I(5LL), I(1LL)), PYRT_MOD));
    RUN("'%-*s|' % (4, 'a')", "'a   |'",
        BIN(S("%-*s|", 5), T(2, I(4LL), S("a", 1)), PYRT_MOD));
    RUN("'%*d|' % (-5, 1)", "'1    |'",
        BIN(S("%*d|", 4), T(2, I(-5LL), I(1LL)), PYRT_MOD));
    RUN("'%.*f' % (2, 3.14159)", "'3.14'",
        BIN(S("%.*f", 4), T(2, I(2LL), F(0x1.921f9f01b866ep+1)), PYRT_MOD));
    RUN("'%.*f' % (-3, 1.5)", "'2'",
        BIN(S("%.*f", 4), T(2, I(-3LL), F(0x1.8000000000000p+0)), PYRT_MOD));
    RUN("'%*s|' % (True, 'a')", "'a|'",
        BIN(S("%*s|", 4), T(2, Pyrt_True, S("a", 1)), PYRT_MOD));
    RUN("'%*d' % ('a', 1)", "!TypeError: * wants int",
        BIN(S("%*d", 3), T(2, S("a", 1), I(1LL)), PYRT_MOD));
    RUN("'%.*f' % (1.5, 1.0)", "!TypeError: * wants int",
        BIN(S("%.*f", 4), T(2, F(0x1.8000000000000p+0), F(0x1.0000000000000p+0)), PYRT_MOD));
    RUN("'%ld %hd %Lf' % (5, 6, 7)", "'5 6 7.000000'",
        BIN(S("%ld %hd %Lf", 11), T(3, I(5LL), I(6LL), I(7LL)), PYRT_MOD));
    RUN("'%05s|%05c|' % ('a', 'b')", "'    a|    b|'",
        BIN(S("%05s|%05c|", 10), T(2, S("a", 1), S("b", 1)), PYRT_MOD));
    RUN("'%% %s' % 'x'", "'% x'",
        BIN(S("%% %s", 5), S("x", 1), PYRT_MOD));
    RUN("'100%%' % ()", "'100%'",
        BIN(S("100%%", 5), T(0), PYRT_MOD));
    RUN("'%s %%' % 5", "'5 %'",
        BIN(S("%s %%", 5), I(5LL), PYRT_MOD));
    RUN("'%5%' % (1,)", "!ValueError: unsupported format character '%' (0x25) at index 2",
        BIN(S("%5%", 3), T(1, I(1LL)), PYRT_MOD));
    RUN("'%5%' % ()", "!TypeError: not enough arguments for format string",
        BIN(S("%5%", 3), T(0), PYRT_MOD));
    RUN("'%z' % 1", "!ValueError: unsupported format character 'z' (0x7a) at index 1",
        BIN(S("%z", 2), I(1LL), PYRT_MOD));
    RUN("'%z' % ()", "!TypeError: not enough arguments for format string",
        BIN(S("%z", 2), T(0), PYRT_MOD));
    RUN("'%\303\251' % 1", "!ValueError: unsupported format character '\077' (0xe9) at index 1",
        BIN(S("%\303\251", 3), I(1LL), PYRT_MOD));
    RUN("'ab%' % ()", "!ValueError: incomplete format",
        BIN(S("ab%", 3), T(0), PYRT_MOD));
    RUN("'%' % ()", "!ValueError: incomplete format",
        BIN(S("%", 1), T(0), PYRT_MOD));
    RUN("'%d %d' % (1,)", "!TypeError: not enough arguments for format string",
        BIN(S("%d %d", 5), T(1, I(1LL)), PYRT_MOD));
    RUN("'%d' % (1, 2)", "!TypeError: not all arguments converted during string formatting",
        BIN(S("%d", 2), T(2, I(1LL), I(2LL)), PYRT_MOD));
    RUN("'a' % 1", "!TypeError: not all arguments converted during string formatting",
        BIN(S("a", 1), I(1LL), PYRT_MOD));
    RUN("'abc' % ()", "'abc'",
        BIN(S("abc", 3), T(0), PYRT_MOD));
    RUN("'hello' % []", "'hello'",
        BIN(S("hello", 5), L(0), PYRT_MOD));
    RUN("'hello' % {}", "'hello'",
        BIN(S("hello", 5), D(0), PYRT_MOD));
    RUN("'%s' % ()", "!TypeError: not enough arguments for format string",
        BIN(S("%s", 2), T(0), PYRT_MOD));
    RUN("'\303\251%s\303\274' % '\342\202\254'", "'\303\251\342\202\254\303\274'",
        BIN(S("\303\251%s\303\274", 6), S("\342\202\254", 3), PYRT_MOD));
    RUN("'%-5s|' % '\303\251'", "'\303\251    |'",
        BIN(S("%-5s|", 5), S("\303\251", 2), PYRT_MOD));
    RUN("'%.1s' % '\303\251\342\202\254'", "'\303\251'",
        BIN(S("%.1s", 4), S("\303\251\342\202\254", 5), PYRT_MOD));
    RUN("format('abc', '')", "'abc'",
        FORMAT(S("abc", 3), S("", 0)));
    RUN("format('abc', '10')", "'abc       '",
        FORMAT(S("abc", 3), S("10", 2)));
    RUN("format('abc', '<10')", "'abc       '",
        FORMAT(S("abc", 3), S("<10", 3)));
    RUN("format('abc', '>10')", "'       abc'",
        FORMAT(S("abc", 3), S(">10", 3)));
    RUN("format('abc', '^10')", "'   abc    '",
        FORMAT(S("abc", 3), S("^10", 3)));
    RUN("format('abc', '^6')", "' abc  '",
        FORMAT(S("abc", 3), S("^6", 2)));
    RUN("format('abc', '*^9')", "'***abc***'",
        FORMAT(S("abc", 3), S("*^9", 3)));
    RUN("format('abc', '.2')", "'ab'",
        FORMAT(S("abc", 3), S(".2", 2)));
    RUN("format('abc', '*>5.2')", "'***ab'",
        FORMAT(S("abc", 3), S("*>5.2", 5)));
    RUN("format('abc', 's')", "'abc'",
        FORMAT(S("abc", 3), S("s", 1)));
    RUN("format('\303\251', '\303\251^5')", "'\303\251\303\251\303\251\303\251\303\251'",
        FORMAT(S("\303\251", 2), S("\303\251^5", 4)));
    RUN("format('\360\237\230\200', '3')", "'\360\237\230\200  '",
        FORMAT(S("\360\237\230\200", 4), S("3", 1)));
    RUN("format('a', '05')", "'a0000'",
        FORMAT(S("a", 1), S("05", 2)));
    RUN("format('a', '0')", "'a'",
        FORMAT(S("a", 1), S("0", 1)));
    RUN("format('a', 'd')", "!ValueError: Unknown format code 'd' for object of type 'str'",
        FORMAT(S("a", 1), S("d", 1)));
    RUN("format('a', ',')", "!ValueError: Cannot specify ',' with 's'.",
        FORMAT(S("a", 1), S(",", 1)));
    RUN("format('a', '=5')", "!ValueError: '=' alignment not allowed in string format specifier",
        FORMAT(S("a", 1), S("=5", 2)));
    RUN("format('a', '+')", "!ValueError: Sign not allowed in string format specifier",
        FORMAT(S("a", 1), S("+", 1)));
    RUN("format('a', '#')", "!ValueError: Alternate form (#) not allowed in string format specifier",
        FORMAT(S("a", 1), S("#", 1)));
    RUN("format('a', 'z')", "!ValueError: Negative zero coercion (z) not allowed in string format specifier",
        FORMAT(S("a", 1), S("z", 1)));
    RUN("format('a', ' ')", "!ValueError: Space not allowed in string format specifier",
        FORMAT(S("a", 1), S(" ", 1)));
    RUN("format('a', '-')", "!ValueError: Sign not allowed in string format specifier",
        FORMAT(S("a", 1), S("-", 1)));
    RUN("format('a', 'abc')", "!ValueError: Invalid format specifier 'abc' for object of type 'str'",
        FORMAT(S("a", 1), S("abc", 3)));
    RUN("format('a', '.')", "!ValueError: Format specifier missing precision",
        FORMAT(S("a", 1), S(".", 1)));
    RUN("format('a', '.2.3')", "!ValueError: Invalid format specifier '.2.3' for object of type 'str'",
        FORMAT(S("a", 1), S(".2.3", 4)));
    RUN("format('a', '99999999999999999999')", "!ValueError: Too many decimal digits in format string",
        FORMAT(S("a", 1), S("99999999999999999999", 20)));
    RUN("format(5, '')", "'5'",
        FORMAT(I(5LL), S("", 0)));
    RUN("format(-5, '')", "'-5'",
        FORMAT(I(-5LL), S("", 0)));
    RUN("format(5, 'd')", "'5'",
        FORMAT(I(5LL), S("d", 1)));
    RUN("format(5, '5')", "'    5'",
        FORMAT(I(5LL), S("5", 1)));
    RUN("format(5, '<5')", "'5    '",
        FORMAT(I(5LL), S("<5", 2)));
    RUN("format(5, '^5')", "'  5  '",
        FORMAT(I(5LL), S("^5", 2)));
    RUN("format(5, '*^6')", "'**5***'",
        FORMAT(I(5LL), S("*^6", 3)));
    RUN("format(-5, '*<6')", "'-5****'",
        FORMAT(I(-5LL), S("*<6", 3)));
    RUN("format(5, '=+5')", "'+   5'",
        FORMAT(I(5LL), S("=+5", 3)));
    RUN("format(5, '+')", "'+5'",
        FORMAT(I(5LL), S("+", 1)));
    RUN("format(-5, ' ')", "'-5'",
        FORMAT(I(-5LL), S(" ", 1)));
    RUN("format(5, ' ')", "' 5'",
        FORMAT(I(5LL), S(" ", 1)));
    RUN("format(5, '05')", "'00005'",
        FORMAT(I(5LL), S("05", 2)));
    RUN("format(-5, '05')", "'-0005'",
        FORMAT(I(-5LL), S("05", 2)));
    RUN("format(1234567, ',')", "'1,234,567'",
        FORMAT(I(1234567LL), S(",", 1)));
    RUN("format(1234567, '_')", "'1_234_567'",
        FORMAT(I(1234567LL), S("_", 1)));
    RUN("format(-1234567, ',')", "'-1,234,567'",
        FORMAT(I(-1234567LL), S(",", 1)));
    RUN("format(1234, '08,')", "'0,001,234'",
        FORMAT(I(1234LL), S("08,", 3)));
    RUN("format(1234, '09,')", "'0,001,234'",
        FORMAT(I(1234LL), S("09,", 3)));
    RUN("format(1234, '0=8,')", "'0,001,234'",
        FORMAT(I(1234LL), S("0=8,", 4)));
    RUN("format(1234, 'x<8,')", "'1,234xxx'",
        FORMAT(I(1234LL), S("x<8,", 4)));
    RUN("format(-12345, '010,')", "'-0,012,345'",
        FORMAT(I(-12345LL), S("010,", 4)));
    RUN("format(123, '015,')", "'000,000,000,123'",
        FORMAT(I(123LL), S("015,", 4)));
    RUN("format(0, ',')", "'0'",
        FORMAT(I(0LL), S(",", 1)));
    RUN("format(255, 'x')", "'ff'",
        FORMAT(I(255LL), S("x", 1)));
    RUN("format(255, 'X')", "'FF'",
        FORMAT(I(255LL), S("X", 1)));
    RUN("format(255, '#x')", "'0xff'",
        FORMAT(I(255LL), S("#x", 2)));
    RUN("format(255, '#X')", "'0XFF'",
        FORMAT(I(255LL), S("#X", 2)));
    RUN("format(-255, '#X')", "'-0XFF'",
        FORMAT(I(-255LL), S("#X", 2)));
    RUN("format(-255, '#010x')", "'-0x00000ff'",
        FORMAT(I(-255LL), S("#010x", 5)));
    RUN("format(255, '_x')", "'ff'",
        FORMAT(I(255LL), S("_x", 2)));
    RUN("format(255, '#_b')", "'0b1111_1111'",
        FORMAT(I(255LL), S("#_b", 3)));
    RUN("format(65535, '_x')", "'ffff'",
        FORMAT(I(65535LL), S("_x", 2)));
    RUN("format(123456789, '_o')", "'7_2674_6425'",
        FORMAT(I(123456789LL), S("_o", 2)));
    RUN("format(10, 'b')", "'1010'",
        FORMAT(I(10LL), S("b", 1)));
    RUN("format(10, '#b')", "'0b1010'",
        FORMAT(I(10LL), S("#b", 2)));
    RUN("format(8, 'o')", "'10'",
        FORMAT(I(8LL), S("o", 1)));
    RUN("format(8, '#o')", "'0o10'",
        FORMAT(I(8LL), S("#o", 2)));
    RUN("format(0, '#o')", "'0o0'",
        FORMAT(I(0LL), S("#o", 2)));
    RUN("format(65, 'c')", "'A'",
        FORMAT(I(65LL), S("c", 1)));
    RUN("format(65, '5c')", "'    A'",
        FORMAT(I(65LL), S("5c", 2)));
    RUN("format(65, '05c')", "'0000A'",
        FORMAT(I(65LL), S("05c", 3)));
    RUN("format(1000, '10c')", "'         \317\250'",
        FORMAT(I(1000LL), S("10c", 3)));
    RUN("format(0x1f600, '*<5c')", "'\360\237\230\200****'",
        FORMAT(I(128512LL), S("*<5c", 4)));
    RUN("format(233, '^5c')", "'  \303\251  '",
        FORMAT(I(233LL), S("^5c", 3)));
    RUN("format(0x1f600, 'c')", "'\360\237\230\200'",
        FORMAT(I(128512LL), S("c", 1)));
    RUN("format(-1, 'c')", "!OverflowError: %c arg not in range(0x110000)",
        FORMAT(I(-1LL), S("c", 1)));
    RUN("format(65, '+c')", "!ValueError: Sign not allowed with integer format specifier 'c'",
        FORMAT(I(65LL), S("+c", 2)));
    RUN("format(65, '#c')", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'",
        FORMAT(I(65LL), S("#c", 2)));
    RUN("format(65, ',c')", "!ValueError: Cannot specify ',' with 'c'.",
        FORMAT(I(65LL), S(",c", 2)));
    RUN("format(12345, 'n')", "'12345'",
        FORMAT(I(12345LL), S("n", 1)));
    RUN("format(5, '%')", "'500.000000%'",
        FORMAT(I(5LL), S("%", 1)));
    RUN("format(5, '.2f')", "'5.00'",
        FORMAT(I(5LL), S(".2f", 3)));
    RUN("format(5, 'e')", "'5.000000e+00'",
        FORMAT(I(5LL), S("e", 1)));
    RUN("format(5, 'g')", "'5'",
        FORMAT(I(5LL), S("g", 1)));
    RUN("format(10**15, 'g')", "'1e+15'",
        FORMAT(I(1000000000000000LL), S("g", 1)));
    RUN("format(5, 'F')", "'5.000000'",
        FORMAT(I(5LL), S("F", 1)));
    RUN("format(5, 's')", "!ValueError: Unknown format code 's' for object of type 'int'",
        FORMAT(I(5LL), S("s", 1)));
    RUN("format(5, 'q')", "!ValueError: Unknown format code 'q' for object of type 'int'",
        FORMAT(I(5LL), S("q", 1)));
    RUN("format(5, '.2')", "!ValueError: Precision not allowed in integer format specifier",
        FORMAT(I(5LL), S(".2", 2)));
    RUN("format(5, '.2d')", "!ValueError: Precision not allowed in integer format specifier",
        FORMAT(I(5LL), S(".2d", 3)));
    RUN("format(5, ',x')", "!ValueError: Cannot specify ',' with 'x'.",
        FORMAT(I(5LL), S(",x", 2)));
    RUN("format(5, ',_')", "!ValueError: Cannot specify both ',' and '_'.",
        FORMAT(I(5LL), S(",_", 2)));
    RUN("format(5, '_,')", "!ValueError: Cannot specify both ',' and '_'.",
        FORMAT(I(5LL), S("_,", 2)));
    RUN("format(5, ',n')", "!ValueError: Cannot specify ',' with 'n'.",
        FORMAT(I(5LL), S(",n", 2)));
    RUN("format(5, 'z')", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier",
        FORMAT(I(5LL), S("z", 1)));
    RUN("format(5, 'z.2d')", "!ValueError: Precision not allowed in integer format specifier",
        FORMAT(I(5LL), S("z.2d", 4)));
    RUN("format(5, 'abc')", "!ValueError: Invalid format specifier 'abc' for object of type 'int'",
        FORMAT(I(5LL), S("abc", 3)));
    RUN("format(5, ',,')", "!ValueError: Cannot specify ',' with ','.",
        FORMAT(I(5LL), S(",,", 2)));
    RUN("format(9223372036854775807, 'x')", "'7fffffffffffffff'",
        FORMAT(I(9223372036854775807LL), S("x", 1)));
    RUN("format(-9223372036854775808, 'd')", "'-9223372036854775808'",
        FORMAT(I(INT64_MIN), S("d", 1)));
    RUN("format(-9223372036854775808, 'b')", "'-1000000000000000000000000000000000000000000000000000000000000000'",
        FORMAT(I(INT64_MIN), S("b", 1)));
    RUN("format(-9223372036854775808, ',')", "'-9,223,372,036,854,775,808'",
        FORMAT(I(INT64_MIN), S(",", 1)));
    RUN("format(True, 'd')", "'1'",
        FORMAT(Pyrt_True, S("d", 1)));
    RUN("format(True, '5')", "'    1'",
        FORMAT(Pyrt_True, S("5", 1)));
    RUN("format(1.5, '')", "'1.5'",
        FORMAT(F(0x1.8000000000000p+0), S("", 0)));
    RUN("format(1.0, '')", "'1.0'",
        FORMAT(F(0x1.0000000000000p+0), S("", 0)));
    RUN("format(-0.0, '')", "'-0.0'",
        FORMAT(F(-0x0.0p+0), S("", 0)));
    RUN("format(1e16, '')", "'1e+16'",
        FORMAT(F(0x1.1c37937e08000p+53), S("", 0)));
    RUN("format(1e22, '')", "'1e+22'",
        FORMAT(F(0x1.0f0cf064dd592p+73), S("", 0)));
    RUN("format(0.1, '.2f')", "'0.10'",
        FORMAT(F(0x1.999999999999ap-4), S(".2f", 3)));
    RUN("format(1234567.891, ',.2f')", "'1,234,567.89'",
        FORMAT(F(0x1.2d687e4189375p+20), S(",.2f", 4)));
    RUN("format(1234567.891, ',')", "'1,234,567.891'",
        FORMAT(F(0x1.2d687e4189375p+20), S(",", 1)));
    RUN("format(42.0, '08.3f')", "'0042.000'",
        FORMAT(F(0x1.5000000000000p+5), S("08.3f", 5)));
    RUN("format(42, '08.3f')", "'0042.000'",
        FORMAT(I(42LL), S("08.3f", 5)));
    RUN("format(1.0, '.3')", "'1.0'",
        FORMAT(F(0x1.0000000000000p+0), S(".3", 2)));
    RUN("format(1.0, '.0')", "'1e+00'",
        FORMAT(F(0x1.0000000000000p+0), S(".0", 2)));
    RUN("format(100.0, '.3')", "'1e+02'",
        FORMAT(F(0x1.9000000000000p+6), S(".3", 2)));
    RUN("format(123.0, '.3')", "'1.23e+02'",
        FORMAT(F(0x1.ec00000000000p+6), S(".3", 2)));
    RUN("format(0.0001, '.2')", "'0.0001'",
        FORMAT(F(0x1.a36e2eb1c432dp-14), S(".2", 2)));
    RUN("format(0.00001, '.2')", "'1e-05'",
        FORMAT(F(0x1.4f8b588e368f1p-17), S(".2", 2)));
    RUN("format(99.5, '.2')", "'1e+02'",
        FORMAT(F(0x1.8e00000000000p+6), S(".2", 2)));
    RUN("format(1.0, '#.3')", "'1.00'",
        FORMAT(F(0x1.0000000000000p+0), S("#.3", 3)));
    RUN("format(12.0, '#.2')", "'1.2e+01'",
        FORMAT(F(0x1.8000000000000p+3), S("#.2", 3)));
    RUN("format(0.5, '.0')", "'0.5'",
        FORMAT(F(0x1.0000000000000p-1), S(".0", 2)));
    RUN("format(-0.0, '.2')", "'-0.0'",
        FORMAT(F(-0x0.0p+0), S(".2", 2)));
    RUN("format(1e15, '.16')", "'1e+15'",
        FORMAT(F(0x1.c6bf526340000p+49), S(".16", 3)));
    RUN("format(1e16, '.16')", "'1e+16'",
        FORMAT(F(0x1.1c37937e08000p+53), S(".16", 3)));
    RUN("format(123456.0, '.6')", "'1.23456e+05'",
        FORMAT(F(0x1.e240000000000p+16), S(".6", 2)));
    RUN("format(1.25, '.2')", "'1.2'",
        FORMAT(F(0x1.4000000000000p+0), S(".2", 2)));
    RUN("format(float('inf'), '.2')", "'inf'",
        FORMAT(F(INFINITY), S(".2", 2)));
    RUN("format(10.0, '.1')", "'1e+01'",
        FORMAT(F(0x1.4000000000000p+3), S(".1", 2)));
    RUN("format(1234.5, '.3')", "'1.23e+03'",
        FORMAT(F(0x1.34a0000000000p+10), S(".3", 2)));
    RUN("format(1/3, '.10')", "'0.3333333333'",
        FORMAT(F(0x1.5555555555555p-2), S(".10", 3)));
    RUN("format(0.05, '.1')", "'0.05'",
        FORMAT(F(0x1.999999999999ap-5), S(".1", 2)));
    RUN("format(1e100, '.2')", "'1e+100'",
        FORMAT(F(0x1.249ad2594c37dp+332), S(".2", 2)));
    RUN("format(100000.0, 'g')", "'100000'",
        FORMAT(F(0x1.86a0000000000p+16), S("g", 1)));
    RUN("format(1e6, 'g')", "'1e+06'",
        FORMAT(F(0x1.e848000000000p+19), S("g", 1)));
    RUN("format(1e-5, '.3g')", "'1e-05'",
        FORMAT(F(0x1.4f8b588e368f1p-17), S(".3g", 3)));
    RUN("format(1.0, '#.3g')", "'1.00'",
        FORMAT(F(0x1.0000000000000p+0), S("#.3g", 4)));
    RUN("format(1e6, '#g')", "'1.00000e+06'",
        FORMAT(F(0x1.e848000000000p+19), S("#g", 2)));
    RUN("format(1e-20, 'G')", "'1E-20'",
        FORMAT(F(0x1.79ca10c924223p-67), S("G", 1)));
    RUN("format(0.0, 'e')", "'0.000000e+00'",
        FORMAT(F(0x0.0p+0), S("e", 1)));
    RUN("format(1.5, '.0e')", "'2e+00'",
        FORMAT(F(0x1.8000000000000p+0), S(".0e", 3)));
    RUN("format(2.5, '.0f')", "'2'",
        FORMAT(F(0x1.4000000000000p+1), S(".0f", 3)));
    RUN("format(0.5, '%')", "'50.000000%'",
        FORMAT(F(0x1.0000000000000p-1), S("%", 1)));
    RUN("format(0.125, '.1%')", "'12.5%'",
        FORMAT(F(0x1.0000000000000p-3), S(".1%", 3)));
    RUN("format(0.005, '.0%')", "'0%'",
        FORMAT(F(0x1.47ae147ae147bp-8), S(".0%", 3)));
    RUN("format(1234.5, 'n')", "'1234.5'",
        FORMAT(F(0x1.34a0000000000p+10), S("n", 1)));
    RUN("format(-1.5, '=10')", "'-      1.5'",
        FORMAT(F(-0x1.8000000000000p+0), S("=10", 3)));
    RUN("format(-1.5, '010')", "'-0000001.5'",
        FORMAT(F(-0x1.8000000000000p+0), S("010", 3)));
    RUN("format(-1.5, '<10')", "'-1.5      '",
        FORMAT(F(-0x1.8000000000000p+0), S("<10", 3)));
    RUN("format(1.5, '^10.2e')", "' 1.50e+00 '",
        FORMAT(F(0x1.8000000000000p+0), S("^10.2e", 6)));
    RUN("format(1.0, ' ')", "' 1.0'",
        FORMAT(F(0x1.0000000000000p+0), S(" ", 1)));
    RUN("format(1.0, '+')", "'+1.0'",
        FORMAT(F(0x1.0000000000000p+0), S("+", 1)));
    RUN("format(1e16, ',')", "'1e+16'",
        FORMAT(F(0x1.1c37937e08000p+53), S(",", 1)));
    RUN("format(12345.678, '_')", "'12_345.678'",
        FORMAT(F(0x1.81cd6c8b43958p+13), S("_", 1)));
    RUN("format(1234567.0, ',g')", "'1.23457e+06'",
        FORMAT(F(0x1.2d68700000000p+20), S(",g", 2)));
    RUN("format(-1234.5, '020,.3f')", "'-000,000,001,234.500'",
        FORMAT(F(-0x1.34a0000000000p+10), S("020,.3f", 7)));
    RUN("format(1e16, '#')", "'1.e+16'",
        FORMAT(F(0x1.1c37937e08000p+53), S("#", 1)));
    RUN("format(1.0, '#')", "'1.0'",
        FORMAT(F(0x1.0000000000000p+0), S("#", 1)));
    RUN("format(1.5, '#.0')", "'2.e+00'",
        FORMAT(F(0x1.8000000000000p+0), S("#.0", 3)));
    RUN("format(1.5, '#.0f')", "'2.'",
        FORMAT(F(0x1.8000000000000p+0), S("#.0f", 4)));
    RUN("format(-0.0, 'z')", "'0.0'",
        FORMAT(F(-0x0.0p+0), S("z", 1)));
    RUN("format(-0.0001, 'z.2f')", "'0.00'",
        FORMAT(F(-0x1.a36e2eb1c432dp-14), S("z.2f", 4)));
    RUN("format(-0.04, 'z.1f')", "'0.0'",
        FORMAT(F(-0x1.47ae147ae147bp-5), S("z.1f", 4)));
    RUN("format(-1.04, 'z.1f')", "'-1.0'",
        FORMAT(F(-0x1.0a3d70a3d70a4p+0), S("z.1f", 4)));
    RUN("format(-0.0, 'z.1e')", "'0.0e+00'",
        FORMAT(F(-0x0.0p+0), S("z.1e", 4)));
    RUN("format(-0.0, '.1f')", "'-0.0'",
        FORMAT(F(-0x0.0p+0), S(".1f", 3)));
    RUN("format(float('inf'), '')", "'inf'",
        FORMAT(F(INFINITY), S("", 0)));
    RUN("format(float('-inf'), '010')", "'-000000inf'",
        FORMAT(F(-INFINITY), S("010", 3)));
    RUN("format(float('inf'), '010')", "'0000000inf'",
        FORMAT(F(INFINITY), S("010", 3)));
    RUN("format(float('nan'), '=+10')", "'+      nan'",
        FORMAT(F(NAN), S("=+10", 4)));
    RUN("format(float('inf'), 'F')", "'INF'",
        FORMAT(F(INFINITY), S("F", 1)));
    RUN("format(float('nan'), '+')", "'+nan'",
        FORMAT(F(NAN), S("+", 1)));
    RUN("format(float('-inf'), '%')", "'-inf%'",
        FORMAT(F(-INFINITY), S("%", 1)));
    RUN("format(float('nan'), '.2%')", "'nan%'",
        FORMAT(F(NAN), S(".2%", 3)));
    RUN("format(float('nan'), 'E')", "'NAN'",
        FORMAT(F(NAN), S("E", 1)));
    RUN("format(1.5, 'd')", "!ValueError: Unknown format code 'd' for object of type 'float'",
        FORMAT(F(0x1.8000000000000p+0), S("d", 1)));
    RUN("format(1.5, 'x')", "!ValueError: Unknown format code 'x' for object of type 'float'",
        FORMAT(F(0x1.8000000000000p+0), S("x", 1)));
    RUN("format(1.5, 'c')", "!ValueError: Unknown format code 'c' for object of type 'float'",
        FORMAT(F(0x1.8000000000000p+0), S("c", 1)));
    RUN("format(1.5, 's')", "!ValueError: Unknown format code 's' for object of type 'float'",
        FORMAT(F(0x1.8000000000000p+0), S("s", 1)));
    RUN("format(1.5, 'r')", "!ValueError: Unknown format code 'r' for object of type 'float'",
        FORMAT(F(0x1.8000000000000p+0), S("r", 1)));
    RUN("format(1.5, ',n')", "!ValueError: Cannot specify ',' with 'n'.",
        FORMAT(F(0x1.8000000000000p+0), S(",n", 2)));
    RUN("format(1.5, '.2.3f')", "!ValueError: Invalid format specifier '.2.3f' for object of type 'float'",
        FORMAT(F(0x1.8000000000000p+0), S(".2.3f", 5)));
    RUN("format(1.5, '.f')", "!ValueError: Format specifier missing precision",
        FORMAT(F(0x1.8000000000000p+0), S(".f", 2)));
    RUN("format(123.456, '.50f')", "'123.45600000000000306954461848363280296325683593750000'",
        FORMAT(F(0x1.edd2f1a9fbe77p+6), S(".50f", 4)));
    RUN("format(1e300, 'f')", "'1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000'",
        FORMAT(F(0x1.7e43c8800759cp+996), S("f", 1)));
    RUN("format(5e-324, '')", "'5e-324'",
        FORMAT(F(0x0.0000000000001p-1022), S("", 0)));
    RUN("format(5e-324, 'e')", "'4.940656e-324'",
        FORMAT(F(0x0.0000000000001p-1022), S("e", 1)));
    RUN("format(1.7976931348623157e308, '')", "'1.7976931348623157e+308'",
        FORMAT(F(0x1.fffffffffffffp+1023), S("", 0)));
    RUN("format(0.1 + 0.2, '')", "'0.30000000000000004'",
        FORMAT(F(0x1.3333333333334p-2), S("", 0)));
    RUN("format(123456789.0, '.2e')", "'1.23e+08'",
        FORMAT(F(0x1.d6f3454000000p+26), S(".2e", 3)));
    RUN("format(9.995, '.2f')", "'9.99'",
        FORMAT(F(0x1.3fd70a3d70a3dp+3), S(".2f", 3)));
    RUN("format(0.000012345, 'g')", "'1.2345e-05'",
        FORMAT(F(0x1.9e3abe16fc70dp-17), S("g", 1)));
    RUN("format(1234567890123456789.0, 'g')", "'1.23457e+18'",
        FORMAT(F(0x1.12210f47de981p+60), S("g", 1)));
    RUN("format(1234567890123456789.0, '')", "'1.2345678901234568e+18'",
        FORMAT(F(0x1.12210f47de981p+60), S("", 0)));
    RUN("'{}'.format(1)", "'1'",
        METH(S("{}", 2), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{} {}'.format('a', 'b')", "'a b'",
        METH(S("{} {}", 5), "format", 2, (PyrtObject *[]){S("a", 1), S("b", 1)}, NULL));
    RUN("'{1} {0}'.format('a', 'b')", "'b a'",
        METH(S("{1} {0}", 7), "format", 2, (PyrtObject *[]){S("a", 1), S("b", 1)}, NULL));
    RUN("'{0}{0}'.format(1)", "'11'",
        METH(S("{0}{0}", 6), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{x} {y}'.format(x=1, y='b')", "'1 b'",
        METH(S("{x} {y}", 7), "format", 0, (PyrtObject *[]){I(1LL), S("b", 1)}, KW2("x", "y")));
    RUN("'{a}{}'.format(1, a=2)", "'21'",
        METH(S("{a}{}", 5), "format", 1, (PyrtObject *[]){I(1LL), I(2LL)}, KW1("a")));
    RUN("'{}{a}{}'.format(1, 2, a=3)", "'132'",
        METH(S("{}{a}{}", 7), "format", 2, (PyrtObject *[]){I(1LL), I(2LL), I(3LL)}, KW1("a")));
    RUN("'{0[1]}'.format([5, 6])", "'6'",
        METH(S("{0[1]}", 6), "format", 1, (PyrtObject *[]){L(2, I(5LL), I(6LL))}, NULL));
    RUN("'{0[0]}'.format('xy')", "'x'",
        METH(S("{0[0]}", 6), "format", 1, (PyrtObject *[]){S("xy", 2)}, NULL));
    RUN("'{0[a]}'.format({'a': 7})", "'7'",
        METH(S("{0[a]}", 6), "format", 1, (PyrtObject *[]){D(1, S("a", 1), I(7LL))}, NULL));
    RUN("'{0[-1]}'.format({'-1': 5})", "'5'",
        METH(S("{0[-1]}", 7), "format", 1, (PyrtObject *[]){D(1, S("-1", 2), I(5LL))}, NULL));
    RUN("'{0[ ]}'.format({' ': 5})", "'5'",
        METH(S("{0[ ]}", 6), "format", 1, (PyrtObject *[]){D(1, S(" ", 1), I(5LL))}, NULL));
    RUN("'{0[1][0]}'.format([0, 'xy'])", "'x'",
        METH(S("{0[1][0]}", 9), "format", 1, (PyrtObject *[]){L(2, I(0LL), S("xy", 2))}, NULL));
    RUN("'{!r}'.format('a')", "\042'a'\042",
        METH(S("{!r}", 4), "format", 1, (PyrtObject *[]){S("a", 1)}, NULL));
    RUN("'{!s}'.format(1)", "'1'",
        METH(S("{!s}", 4), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{!a}'.format('\303\251')", "\042'\134\134xe9'\042",
        METH(S("{!a}", 4), "format", 1, (PyrtObject *[]){S("\303\251", 2)}, NULL));
    RUN("'{!r}'.format('\303\251')", "\042'\303\251'\042",
        METH(S("{!r}", 4), "format", 1, (PyrtObject *[]){S("\303\251", 2)}, NULL));
    RUN("'{0!r:>5}'.format('a')", "\042  'a'\042",
        METH(S("{0!r:>5}", 8), "format", 1, (PyrtObject *[]){S("a", 1)}, NULL));
    RUN("'{0!s:}'.format(1)", "'1'",
        METH(S("{0!s:}", 6), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{:>5}'.format(1)", "'    1'",
        METH(S("{:>5}", 5), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{:{}}'.format(1, 5)", "'    1'",
        METH(S("{:{}}", 5), "format", 2, (PyrtObject *[]){I(1LL), I(5LL)}, NULL));
    RUN("'{:{}{}}'.format(1, '>', 5)", "'    1'",
        METH(S("{:{}{}}", 7), "format", 3, (PyrtObject *[]){I(1LL), S(">", 1), I(5LL)}, NULL));
    RUN("'{0:{1}}'.format(1, '')", "'1'",
        METH(S("{0:{1}}", 7), "format", 2, (PyrtObject *[]){I(1LL), S("", 0)}, NULL));
    RUN("'{:{w}.{p}f}'.format(3.14159, w=8, p=2)", "'    3.14'",
        METH(S("{:{w}.{p}f}", 11), "format", 1, (PyrtObject *[]){F(0x1.921f9f01b866ep+1), I(8LL), I(2LL)}, KW2("w", "p")));
    RUN("'{{}}'.format()", "'{}'",
        METH(S("{{}}", 4), "format", 0, NULL, NULL));
    RUN("'{{{0}}}'.format(1)", "'{1}'",
        METH(S("{{{0}}}", 7), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{{x}} {}'.format(1)", "'{x} 1'",
        METH(S("{{x}} {}", 8), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{:%}'.format(0.5)", "'50.000000%'",
        METH(S("{:%}", 4), "format", 1, (PyrtObject *[]){F(0x1.0000000000000p-1)}, NULL));
    RUN("'{}'.format(1.5)", "'1.5'",
        METH(S("{}", 2), "format", 1, (PyrtObject *[]){F(0x1.8000000000000p+0)}, NULL));
    RUN("'{:x<4}'.format('ab')", "'abxx'",
        METH(S("{:x<4}", 6), "format", 1, (PyrtObject *[]){S("ab", 2)}, NULL));
    RUN("'{00}'.format(1)", "'1'",
        METH(S("{00}", 4), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{:}'.format(1)", "'1'",
        METH(S("{:}", 3), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'\303\251{}\303\274{}'.format('\342\202\254', 1)", "'\303\251\342\202\254\303\2741'",
        METH(S("\303\251{}\303\274{}", 8), "format", 2, (PyrtObject *[]){S("\342\202\254", 3), I(1LL)}, NULL));
    RUN("'{:\303\251^5}'.format('x')", "'\303\251\303\251x\303\251\303\251'",
        METH(S("{:\303\251^5}", 7), "format", 1, (PyrtObject *[]){S("x", 1)}, NULL));
    RUN("'{}'.format()", "!IndexError: Replacement index 0 out of range for positional args tuple",
        METH(S("{}", 2), "format", 0, NULL, NULL));
    RUN("'{1}'.format(1)", "!IndexError: Replacement index 1 out of range for positional args tuple",
        METH(S("{1}", 3), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{} {0}'.format(1)", "!ValueError: cannot switch from automatic field numbering to manual field specification",
        METH(S("{} {0}", 6), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{0} {}'.format(1, 2)", "!ValueError: cannot switch from manual field specification to automatic field numbering",
        METH(S("{0} {}", 6), "format", 2, (PyrtObject *[]){I(1LL), I(2LL)}, NULL));
    RUN("'{'.format()", "!ValueError: Single '{' encountered in format string",
        METH(S("{", 1), "format", 0, NULL, NULL));
    RUN("'}'.format()", "!ValueError: Single '}' encountered in format string",
        METH(S("}", 1), "format", 0, NULL, NULL));
    RUN("'a}b'.format()", "!ValueError: Single '}' encountered in format string",
        METH(S("a}b", 3), "format", 0, NULL, NULL));
    RUN("'{a}'.format()", "!KeyError: 'a'",
        METH(S("{a}", 3), "format", 0, NULL, NULL));
    RUN("'{a}'.format(b=1)", "!KeyError: 'a'",
        METH(S("{a}", 3), "format", 0, (PyrtObject *[]){I(1LL)}, KW1("b")));
    RUN("'{0.x}'.format(1)", "!AttributeError: 'int' object has no attribute 'x'",
        METH(S("{0.x}", 5), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{0[5]}'.format([1])", "!IndexError: list index out of range",
        METH(S("{0[5]}", 6), "format", 1, (PyrtObject *[]){L(1, I(1LL))}, NULL));
    RUN("'{0[a]}'.format({})", "!KeyError: 'a'",
        METH(S("{0[a]}", 6), "format", 1, (PyrtObject *[]){D(0)}, NULL));
    RUN("'{!x}'.format(1)", "!ValueError: Unknown conversion specifier x",
        METH(S("{!x}", 4), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{!}'.format(1)", "!ValueError: unmatched '{' in format spec",
        METH(S("{!}", 3), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{0!}'.format(1)", "!ValueError: unmatched '{' in format spec",
        METH(S("{0!}", 4), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{0!rr}'.format(1)", "!ValueError: expected ':' after conversion specifier",
        METH(S("{0!rr}", 6), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{0!r'.format(1)", "!ValueError: unmatched '{' in format spec",
        METH(S("{0!r", 4), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{:d}'.format('a')", "!ValueError: Unknown format code 'd' for object of type 'str'",
        METH(S("{:d}", 4), "format", 1, (PyrtObject *[]){S("a", 1)}, NULL));
    RUN("'{:x}'.format(1.5)", "!ValueError: Unknown format code 'x' for object of type 'float'",
        METH(S("{:x}", 4), "format", 1, (PyrtObject *[]){F(0x1.8000000000000p+0)}, NULL));
    RUN("'{:s}'.format(1)", "!ValueError: Unknown format code 's' for object of type 'int'",
        METH(S("{:s}", 4), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{:>{}}'.format(1)", "!IndexError: Replacement index 1 out of range for positional args tuple",
        METH(S("{:>{}}", 6), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{:{:{}}}'.format(1, 2, 3)", "!ValueError: Max string recursion exceeded",
        METH(S("{:{:{}}}", 8), "format", 3, (PyrtObject *[]){I(1LL), I(2LL), I(3LL)}, NULL));
    RUN("'{:{{}}}'.format(1)", "!ValueError: Invalid format specifier '{}' for object of type 'int'",
        METH(S("{:{{}}}", 7), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{0[a]b}'.format({'a': 1})", "!ValueError: Only '.' or '[' may follow ']' in format field specifier",
        METH(S("{0[a]b}", 7), "format", 1, (PyrtObject *[]){D(1, S("a", 1), I(1LL))}, NULL));
    RUN("'{0[a'.format({'a': 1})", "!ValueError: expected '}' before end of string",
        METH(S("{0[a", 4), "format", 1, (PyrtObject *[]){D(1, S("a", 1), I(1LL))}, NULL));
    RUN("'{[}'.format(1)", "!ValueError: expected '}' before end of string",
        METH(S("{[}", 3), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{0.}'.format(1)", "!ValueError: Empty attribute in format string",
        METH(S("{0.}", 4), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{0[]}'.format([1])", "!ValueError: Empty attribute in format string",
        METH(S("{0[]}", 5), "format", 1, (PyrtObject *[]){L(1, I(1LL))}, NULL));
    RUN("'{0 }'.format(1)", "!KeyError: '0 '",
        METH(S("{0 }", 4), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{ }'.format(1)", "!KeyError: ' '",
        METH(S("{ }", 3), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{a{b}'.format(1)", "!ValueError: unexpected '{' in field name",
        METH(S("{a{b}", 5), "format", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("'{0:{1'.format(1, 2)", "!ValueError: unmatched '{' in format spec",
        METH(S("{0:{1", 5), "format", 2, (PyrtObject *[]){I(1LL), I(2LL)}, NULL));
    RUN("'{a}'.format_map({'a': 1})", "'1'",
        METH(S("{a}", 3), "format_map", 1, (PyrtObject *[]){D(1, S("a", 1), I(1LL))}, NULL));
    RUN("'{a[0]}'.format_map({'a': 'xy'})", "'x'",
        METH(S("{a[0]}", 6), "format_map", 1, (PyrtObject *[]){D(1, S("a", 1), S("xy", 2))}, NULL));
    RUN("'{}'.format_map({})", "!ValueError: Format string contains positional fields",
        METH(S("{}", 2), "format_map", 1, (PyrtObject *[]){D(0)}, NULL));
    RUN("'{b}'.format_map({'a': 1})", "!KeyError: 'b'",
        METH(S("{b}", 3), "format_map", 1, (PyrtObject *[]){D(1, S("a", 1), I(1LL))}, NULL));
    RUN("repr(b'abc')", "\042b'abc'\042",
        REPR(B("abc", 3)));
    RUN("repr(b\042a'b\042)", "'b\042a\134'b\042'",
        REPR(B("a'b", 3)));
    RUN("repr(b'a\134'b\042')", "'b\134'a\134\134\134'b\042\134''",
        REPR(B("a'b\042", 4)));
    RUN("repr(b'\134x00\134t\134n\134r\134\134\134x7f\134xff')", "\042b'\134\134x00\134\134t\134\134n\134\134r\134\134\134\134\134\134x7f\134\134xff'\042",
        REPR(B("\000\011\012\015\134\177\377", 7)));
    RUN("repr(b'')", "\042b''\042",
        REPR(B("", 0)));
    RUN("str(b'ab')", "\042b'ab'\042",
        STRNEW(1, (PyrtObject *[]){B("ab", 2)}, NULL));
    RUN("b'ab' + b'cd'", "b'abcd'",
        BIN(B("ab", 2), B("cd", 2), PYRT_ADD));
    RUN("b'ab' + 'cd'", "!TypeError: can't concat str to bytes",
        BIN(B("ab", 2), S("cd", 2), PYRT_ADD));
    RUN("b'ab' + 1", "!TypeError: can't concat int to bytes",
        BIN(B("ab", 2), I(1LL), PYRT_ADD));
    RUN("'ab' + b'cd'", "!TypeError: can only concatenate str (not \042bytes\042) to str",
        BIN(S("ab", 2), B("cd", 2), PYRT_ADD));
    RUN("b'ab' * 3", "b'ababab'",
        BIN(B("ab", 2), I(3LL), PYRT_MUL));
    RUN("3 * b'ab'", "b'ababab'",
        BIN(I(3LL), B("ab", 2), PYRT_MUL));
    RUN("b'ab' * 0", "b''",
        BIN(B("ab", 2), I(0LL), PYRT_MUL));
    RUN("b'ab' * 2.0", "!TypeError: can't multiply sequence by non-int of type 'float'",
        BIN(B("ab", 2), F(0x1.0000000000000p+1), PYRT_MUL));
    RUN("b'ab'[0]", "97",
        GETITEM(B("ab", 2), I(0LL)));
    RUN("b'ab'[-1]", "98",
        GETITEM(B("ab", 2), I(-1LL)));
    RUN("b'ab'[5]", "!IndexError: index out of range",
        GETITEM(B("ab", 2), I(5LL)));
    RUN("b'ab'['x']", "!TypeError: byte indices must be integers or slices, not str",
        GETITEM(B("ab", 2), S("x", 1)));
    RUN("b'abcdef'[1:4]", "b'bcd'",
        GETITEM(B("abcdef", 6), SLICE(I(1LL), I(4LL), NULL)));
    RUN("b'abcdef'[::2]", "b'ace'",
        GETITEM(B("abcdef", 6), SLICE(NULL, NULL, I(2LL))));
    RUN("b'abcdef'[::-1]", "b'fedcba'",
        GETITEM(B("abcdef", 6), SLICE(NULL, NULL, I(-1LL))));
    RUN("b'abcdef'[-2:]", "b'ef'",
        GETITEM(B("abcdef", 6), SLICE(I(-2LL), NULL, NULL)));
    RUN("b'ab' == b'ab'", "True",
        CMP(B("ab", 2), B("ab", 2), PYRT_EQ));
    RUN("b'ab' == 'ab'", "False",
        CMP(B("ab", 2), S("ab", 2), PYRT_EQ));
    RUN("b'ab' < b'abc'", "True",
        CMP(B("ab", 2), B("abc", 3), PYRT_LT));
    RUN("b'b' > b'ab'", "True",
        CMP(B("b", 1), B("ab", 2), PYRT_GT));
    RUN("b'a' < 'a'", "!TypeError: '<' not supported between instances of 'bytes' and 'str'",
        CMP(B("a", 1), S("a", 1), PYRT_LT));
    RUN("b'ab' in b'xaby'", "True",
        CONTAINS(B("xaby", 4), B("ab", 2)));
    RUN("98 in b'abc'", "True",
        CONTAINS(B("abc", 3), I(98LL)));
    RUN("300 in b'abc'", "!ValueError: byte must be in range(0, 256)",
        CONTAINS(B("abc", 3), I(300LL)));
    RUN("'a' in b'abc'", "!TypeError: a bytes-like object is required, not 'str'",
        CONTAINS(B("abc", 3), S("a", 1)));
    RUN("len(b'abc')", "3",
        LEN(B("abc", 3)));
    RUN("hash(b'abc')", "-4594863902769663758",
        HASH(B("abc", 3)));
    RUN("hash(b'')", "0",
        HASH(B("", 0)));
    RUN("iterlist(b'ab\134xff')", "[97, 98, 255]",
        LIST(B("ab\377", 3)));
    RUN("bytes()", "b''",
        BYTESNEW(0, NULL, NULL));
    RUN("bytes(3)", "b'\134x00\134x00\134x00'",
        BYTESNEW(1, (PyrtObject *[]){I(3LL)}, NULL));
    RUN("bytes(b'ab')", "b'ab'",
        BYTESNEW(1, (PyrtObject *[]){B("ab", 2)}, NULL));
    RUN("bytes([1, 2, 255])", "b'\134x01\134x02\134xff'",
        BYTESNEW(1, (PyrtObject *[]){L(3, I(1LL), I(2LL), I(255LL))}, NULL));
    RUN("bytes((65, 66))", "b'AB'",
        BYTESNEW(1, (PyrtObject *[]){T(2, I(65LL), I(66LL))}, NULL));
    RUN("bytes('abc', 'utf-8')", "b'abc'",
        BYTESNEW(2, (PyrtObject *[]){S("abc", 3), S("utf-8", 5)}, NULL));
    RUN("bytes('\303\251', 'utf-8')", "b'\134xc3\134xa9'",
        BYTESNEW(2, (PyrtObject *[]){S("\303\251", 2), S("utf-8", 5)}, NULL));
    RUN("bytes('\303\251', 'latin-1')", "b'\134xe9'",
        BYTESNEW(2, (PyrtObject *[]){S("\303\251", 2), S("latin-1", 7)}, NULL));
    RUN("bytes('\303\251', 'ascii')", "!UnicodeEncodeError: 'ascii' codec can't encode character '\134xe9' in position 0: ordinal not in range(128)",
        BYTESNEW(2, (PyrtObject *[]){S("\303\251", 2), S("ascii", 5)}, NULL));
    RUN("bytes('\303\251', 'ascii', 'replace')", "b'\077'",
        BYTESNEW(3, (PyrtObject *[]){S("\303\251", 2), S("ascii", 5), S("replace", 7)}, NULL));
    RUN("bytes('a')", "!TypeError: string argument without an encoding",
        BYTESNEW(1, (PyrtObject *[]){S("a", 1)}, NULL));
    RUN("bytes(-2)", "!ValueError: negative count",
        BYTESNEW(1, (PyrtObject *[]){I(-2LL)}, NULL));
    RUN("bytes(1.5)", "!TypeError: cannot convert 'float' object to bytes",
        BYTESNEW(1, (PyrtObject *[]){F(0x1.8000000000000p+0)}, NULL));
    RUN("bytes([256])", "!ValueError: bytes must be in range(0, 256)",
        BYTESNEW(1, (PyrtObject *[]){L(1, I(256LL))}, NULL));
    RUN("bytes([-1])", "!ValueError: bytes must be in range(0, 256)",
        BYTESNEW(1, (PyrtObject *[]){L(1, I(-1LL))}, NULL));
    RUN("bytes(['a'])", "!TypeError: 'str' object cannot be interpreted as an integer",
        BYTESNEW(1, (PyrtObject *[]){L(1, S("a", 1))}, NULL));
    RUN("bytes(1, 'utf-8')", "!TypeError: encoding without a string argument",
        BYTESNEW(2, (PyrtObject *[]){I(1LL), S("utf-8", 5)}, NULL));
    RUN("bytes(x=1)", "!TypeError: 'x' is an invalid keyword argument for bytes()",
        BYTESNEW(0, (PyrtObject *[]){I(1LL)}, KW1("x")));
    RUN("bytes('\303\251', 'x')", "!LookupError: unknown encoding: x",
        BYTESNEW(2, (PyrtObject *[]){S("\303\251", 2), S("x", 1)}, NULL));
    RUN("bytes(source=b'x')", "b'x'",
        BYTESNEW(0, (PyrtObject *[]){B("x", 1)}, KW1("source")));
    RUN("b'abc'.decode()", "'abc'",
        METH(B("abc", 3), "decode", 0, NULL, NULL));
    RUN("b'h\134xc3\134xa9'.decode()", "'h\303\251'",
        METH(B("h\303\251", 3), "decode", 0, NULL, NULL));
    RUN("b'h\134xc3\134xa9'.decode('latin-1')", "'h\303\203\302\251'",
        METH(B("h\303\251", 3), "decode", 1, (PyrtObject *[]){S("latin-1", 7)}, NULL));
    RUN("b'a\134xed\134xa0\134x80'.decode()", "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 1: invalid continuation byte",
        METH(B("a\355\240\200", 4), "decode", 0, NULL, NULL));
    RUN("b'\134xf0\134x90'.decode()", "!UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data",
        METH(B("\360\220", 2), "decode", 0, NULL, NULL));
    RUN("b'\134xf0\134x90\134x28'.decode()", "!UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte",
        METH(B("\360\220(", 3), "decode", 0, NULL, NULL));
    RUN("b'\134xc3'.decode()", "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data",
        METH(B("\303", 1), "decode", 0, NULL, NULL));
    RUN("b'\134xc3\134x28'.decode()", "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte",
        METH(B("\303(", 2), "decode", 0, NULL, NULL));
    RUN("b'\134xe0\134x80\134x80'.decode()", "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte",
        METH(B("\340\200\200", 3), "decode", 0, NULL, NULL));
    RUN("b'\134xf4\134x90\134x80\134x80'.decode()", "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte",
        METH(B("\364\220\200\200", 4), "decode", 0, NULL, NULL));
    RUN("b'\134xf8'.decode()", "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xf8 in position 0: invalid start byte",
        METH(B("\370", 1), "decode", 0, NULL, NULL));
    RUN("b'\134x80abc'.decode()", "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte",
        METH(B("\200abc", 4), "decode", 0, NULL, NULL));
    RUN("b'\134xf0\134x9f\134x98\134x80'.decode()", "'\360\237\230\200'",
        METH(B("\360\237\230\200", 4), "decode", 0, NULL, NULL));
    RUN("b'a\134x80b'.decode('utf-8', 'replace')", "'a\357\277\275b'",
        METH(B("a\200b", 3), "decode", 2, (PyrtObject *[]){S("utf-8", 5), S("replace", 7)}, NULL));
    RUN("b'a\134xf0\134x90b'.decode('utf-8', 'replace')", "'a\357\277\275b'",
        METH(B("a\360\220b", 4), "decode", 2, (PyrtObject *[]){S("utf-8", 5), S("replace", 7)}, NULL));
    RUN("b'a\134xe2\134x82'.decode('utf-8', 'ignore')", "'a'",
        METH(B("a\342\202", 3), "decode", 2, (PyrtObject *[]){S("utf-8", 5), S("ignore", 6)}, NULL));
    RUN("b'\134xff'.decode('utf-8', 'bogus')", "!LookupError: unknown error handler name 'bogus'",
        METH(B("\377", 1), "decode", 2, (PyrtObject *[]){S("utf-8", 5), S("bogus", 5)}, NULL));
    RUN("b'a'.decode('utf-8', 'bogus')", "'a'",
        METH(B("a", 1), "decode", 2, (PyrtObject *[]){S("utf-8", 5), S("bogus", 5)}, NULL));
    RUN("b'a\134xe9\134xe9'.decode('ascii')", "!UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range(128)",
        METH(B("a\351\351", 3), "decode", 1, (PyrtObject *[]){S("ascii", 5)}, NULL));
    RUN("b'\134xe9'.decode('ascii', 'replace')", "'\357\277\275'",
        METH(B("\351", 1), "decode", 2, (PyrtObject *[]){S("ascii", 5), S("replace", 7)}, NULL));
    RUN("b'a'.decode('x')", "!LookupError: unknown encoding: x",
        METH(B("a", 1), "decode", 1, (PyrtObject *[]){S("x", 1)}, NULL));
    RUN("b'a'.decode(1)", "!TypeError: decode() argument 'encoding' must be str, not int",
        METH(B("a", 1), "decode", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("b'a'.decode(encoding='ascii')", "'a'",
        METH(B("a", 1), "decode", 0, (PyrtObject *[]){S("ascii", 5)}, KW1("encoding")));
    RUN("b'a b  c '.split()", "[b'a', b'b', b'c']",
        METH(B("a b  c ", 7), "split", 0, NULL, NULL));
    RUN("b'  a b ' .split(None, 1)", "[b'a', b'b ']",
        METH(B("  a b ", 6), "split", 2, (PyrtObject *[]){Pyrt_None, I(1LL)}, NULL));
    RUN("b'a b\134x1c c'.split()", "[b'a', b'b\134x1c', b'c']",
        METH(B("a b\034 c", 6), "split", 0, NULL, NULL));
    RUN("b'a,b,,c'.split(b',')", "[b'a', b'b', b'', b'c']",
        METH(B("a,b,,c", 6), "split", 1, (PyrtObject *[]){B(",", 1)}, NULL));
    RUN("b'a,b,,c'.split(b',', 1)", "[b'a', b'b,,c']",
        METH(B("a,b,,c", 6), "split", 2, (PyrtObject *[]){B(",", 1), I(1LL)}, NULL));
    RUN("b'a,b,,c'.rsplit(b',', 1)", "[b'a,b,', b'c']",
        METH(B("a,b,,c", 6), "rsplit", 2, (PyrtObject *[]){B(",", 1), I(1LL)}, NULL));
    RUN("b'  a b  c  '.rsplit(None, 1)", "[b'  a b', b'c']",
        METH(B("  a b  c  ", 10), "rsplit", 2, (PyrtObject *[]){Pyrt_None, I(1LL)}, NULL));
    RUN("b'a'.split(b'')", "!ValueError: empty separator",
        METH(B("a", 1), "split", 1, (PyrtObject *[]){B("", 0)}, NULL));
    RUN("b'a'.split(1)", "!TypeError: a bytes-like object is required, not 'int'",
        METH(B("a", 1), "split", 1, (PyrtObject *[]){I(1LL)}, NULL));
    RUN("b'a'.split('a')", "!TypeError: a bytes-like object is required, not 'str'",
        METH(B("a", 1), "split", 1, (PyrtObject *[]){S("a", 1)}, NULL));
    RUN("b'  ab  '.strip()", "b'ab'",
        METH(B("  ab  ", 6), "strip", 0, NULL, NULL));
    RUN("b'xxabxx'.strip(b'x')", "b'ab'",
        METH(B("xxabxx", 6), "strip", 1, (PyrtObject *[]){B("x", 1)}, NULL));
    RUN("b'xxabxx'.lstrip(b'x')", "b'abxx'",
        METH(B("xxabxx", 6), "lstrip", 1, (PyrtObject *[]){B("x", 1)}, NULL));
    RUN("b'xxabxx'.rstrip(b'x')", "b'xxab'",
        METH(B("xxabxx", 6), "rstrip", 1, (PyrtObject *[]){B("x", 1)}, NULL));
    RUN("b'a'.rstrip(b'a')", "b''",
        METH(B("a", 1), "rstrip", 1, (PyrtObject *[]){B("a", 1)}, NULL));
    RUN("b'a'.strip('a')", "!TypeError: a bytes-like object is required, not 'str'",
        METH(B("a", 1), "strip", 1, (PyrtObject *[]){S("a", 1)}, NULL));
    RUN("b'abc'.startswith(b'ab')", "True",
        METH(B("abc", 3), "startswith", 1, (PyrtObject *[]){B("ab", 2)}, NULL));
    RUN("b'abc'.startswith((b'x', b'a'))", "True",
        METH(B("abc", 3), "startswith", 1, (PyrtObject *[]){T(2, B("x", 1), B("a", 1))}, NULL));
    RUN("b'abc'.endswith(b'bc')", "True",
        METH(B("abc", 3), "endswith", 1, (PyrtObject *[]){B("bc", 2)}, NULL));
    RUN("b'abc'.endswith(b'b', 0, 2)", "True",
        METH(B("abc", 3), "endswith", 3, (PyrtObject *[]){B("b", 1), I(0LL), I(2LL)}, NULL));
    RUN("b'a'.startswith('a')", "!TypeError: startswith first arg must be bytes or a tuple of bytes, not str",
        METH(B("a", 1), "startswith", 1, (PyrtObject *[]){S("a", 1)}, NULL));
    RUN("b'a'.startswith(('a',))", "!TypeError: a bytes-like object is required, not 'str'",
        METH(B("a", 1), "startswith", 1, (PyrtObject *[]){T(1, S("a", 1))}, NULL));
    RUN("b'abc'.find(b'c')", "2",
        METH(B("abc", 3), "find", 1, (PyrtObject *[]){B("c", 1)}, NULL));
    RUN("b'abc'.find(98)", "1",
        METH(B("abc", 3), "find", 1, (PyrtObject *[]){I(98LL)}, NULL));
    RUN("b'abc'.find(b'z')", "-1",
        METH(B("abc", 3), "find", 1, (PyrtObject *[]){B("z", 1)}, NULL));
    RUN("b'abc'.find(b'')", "0",
        METH(B("abc", 3), "find", 1, (PyrtObject *[]){B("", 0)}, NULL));
    RUN("b'abc'.rfind(b'c')", "2",
        METH(B("abc", 3), "rfind", 1, (PyrtObject *[]){B("c", 1)}, NULL));
    RUN("b'abcabc'.rfind(b'b', 0, 4)", "1",
        METH(B("abcabc", 6), "rfind", 3, (PyrtObject *[]){B("b", 1), I(0LL), I(4LL)}, NULL));
    RUN("b'abc'.index(b'z')", "!ValueError: subsection not found",
        METH(B("abc", 3), "index", 1, (PyrtObject *[]){B("z", 1)}, NULL));
    RUN("b'abc'.rindex(b'z')", "!ValueError: subsection not found",
        METH(B("abc", 3), "rindex", 1, (PyrtObject *[]){B("z", 1)}, NULL));
    RUN("b'abc'.index(b'b')", "1",
        METH(B("abc", 3), "index", 1, (PyrtObject *[]){B("b", 1)}, NULL));
    RUN("b'a'.find('a')", "!TypeError: argument should be integer or bytes-like object, not 'str'",
        METH(B("a", 1), "find", 1, (PyrtObject *[]){S("a", 1)}, NULL));
    RUN("b'a'.find(300)", "!ValueError: byte must be in range(0, 256)",
        METH(B("a", 1), "find", 1, (PyrtObject *[]){I(300LL)}, NULL));
    RUN("b'abc'.count(b'')", "4",
        METH(B("abc", 3), "count", 1, (PyrtObject *[]){B("", 0)}, NULL));
    RUN("b'aaaa'.count(b'aa')", "2",
        METH(B("aaaa", 4), "count", 1, (PyrtObject *[]){B("aa", 2)}, NULL));
    RUN("b'abcb'.count(98)", "2",
        METH(B("abcb", 4), "count", 1, (PyrtObject *[]){I(98LL)}, NULL));
    RUN("b'-'.join([b'a', b'b'])", "b'a-b'",
        METH(B("-", 1), "join", 1, (PyrtObject *[]){L(2, B("a", 1), B("b", 1))}, NULL));
    RUN("b'-'.join([])", "b''",
        METH(B("-", 1), "join", 1, (PyrtObject *[]){L(0)}, NULL));
    RUN("b'a'.join([b'x', 'y'])", "!TypeError: sequence item 1: expected a bytes-like object, str found",
        METH(B("a", 1), "join", 1, (PyrtObject *[]){L(2, B("x", 1), S("y", 1))}, NULL));
    RUN("b'a'.join(5)", "!TypeError: can only join an iterable",
        METH(B("a", 1), "join", 1, (PyrtObject *[]){I(5LL)}, NULL));
    RUN("b'\134x01\134xff'.hex()", "'01ff'",
        METH(B("\001\377", 2), "hex", 0, NULL, NULL));
    RUN("b'abc'.hex(':')", "'61:62:63'",
        METH(B("abc", 3), "hex", 1, (PyrtObject *[]){S(":", 1)}, NULL));
    RUN("b'abcd'.hex(':', 2)", "'6162:6364'",
        METH(B("abcd", 4), "hex", 2, (PyrtObject *[]){S(":", 1), I(2LL)}, NULL));
    RUN("b'abcde'.hex('-', 2)", "'61-6263-6465'",
        METH(B("abcde", 5), "hex", 2, (PyrtObject *[]){S("-", 1), I(2LL)}, NULL));
    RUN("b'abcde'.hex('-', -2)", "'6162-6364-65'",
        METH(B("abcde", 5), "hex", 2, (PyrtObject *[]){S("-", 1), I(-2LL)}, NULL));
    RUN("b''.hex()", "''",
        METH(B("", 0), "hex", 0, NULL, NULL));
    RUN("b'abcabc'.replace(b'b', b'XX')", "b'aXXcaXXc'",
        METH(B("abcabc", 6), "replace", 2, (PyrtObject *[]){B("b", 1), B("XX", 2)}, NULL));
    RUN("b'abcabc'.replace(b'b', b'XX', 1)", "b'aXXcabc'",
        METH(B("abcabc", 6), "replace", 3, (PyrtObject *[]){B("b", 1), B("XX", 2), I(1LL)}, NULL));
    RUN("b'abc'.replace(b'', b'-')", "b'-a-b-c-'",
        METH(B("abc", 3), "replace", 2, (PyrtObject *[]){B("", 0), B("-", 1)}, NULL));
    RUN("b'abc'.replace(b'', b'-', 2)", "b'-a-bc'",
        METH(B("abc", 3), "replace", 3, (PyrtObject *[]){B("", 0), B("-", 1), I(2LL)}, NULL));
    RUN("b'a'.replace('a', 'b')", "!TypeError: a bytes-like object is required, not 'str'",
        METH(B("a", 1), "replace", 2, (PyrtObject *[]){S("a", 1), S("b", 1)}, NULL));
    RUN("b'aBc'.upper()", "b'ABC'",
        METH(B("aBc", 3), "upper", 0, NULL, NULL));
    RUN("b'AbC'.lower()", "b'abc'",
        METH(B("AbC", 3), "lower", 0, NULL, NULL));
    RUN("b'a'.upper(1)", "!TypeError: bytes.upper() takes no arguments (1 given)",
        METH(B("a", 1), "upper", 1, (PyrtObject *[]){I(1LL)}, NULL));
}
/* END GENERATED */

/* ------------------------------------------------------------------ handwritten tests */

static PyrtObject *cs(const char *s) { return S(s, (int64_t)strlen(s)); }

static void test_build_and_cache(void) {
    PyrtObject *pieces[3] = { cs("x="), cs("é"), cs("!") };
    PyrtObject *r = keep(PyrtStr_Build(pieces, 3));
    CHECK(r && strcmp(PyrtStr_UTF8(r), "x=é!") == 0 && PyrtStr_Len(r) == 4 && !((PyrtStr *)r)->ascii);
    PyrtObject *one = keep(PyrtStr_Build(pieces, 1));
    CHECK(one == pieces[0]);
    PyrtObject *none = keep(PyrtStr_Build(NULL, 0));
    CHECK(none && PyrtStr_Len(none) == 0);
    /* 1-char ASCII strings are shared and immortal */
    PyrtObject *a = PyrtStr_FromCString("a"), *b = PyrtStr_GetItem(cs("xa"), 1);
    CHECK(a == b && PYRT_IS_IMMORTAL(a));
    static PyrtObject *k;   /* constants live in statics, like generated code keeps them */
    k = PyrtStr_Constant("konst", 5);
    CHECK(PYRT_IS_IMMORTAL(k));
    /* sequential indexing of a non-ASCII string (offset cache), forwards and backwards */
    PyrtObject *s = cs("aé€😀bç");
    const char *expect[] = { "a", "é", "€", "😀", "b", "ç" };
    for (int round = 0; round < 2; round++)
        for (int j = 0; j < 6; j++) {
            int i = round ? 5 - j : j;
            PyrtObject *c = keep(PyrtStr_GetItem(s, i));
            CHECK(c && strcmp(PyrtStr_UTF8(c), expect[i]) == 0);
        }
    CHECK(PyrtStr_Offset(s, 6) == (int64_t)strlen("aé€😀bç"));
    CHECK(PyrtStr_Offset(s, 3) == 6);
    /* a freed string must not leave a stale cache entry */
    PyrtObject *t = PyrtStr_FromCString("ééé");
    CHECK(PyrtStr_Offset(t, 2) == 4);
    PYRT_DECREF(t);
    PyrtObject *u = PyrtStr_FromCString("ab€");
    CHECK(PyrtStr_Offset(u, 2) == 2);
    PYRT_DECREF(u);
    release();
}

static void test_unicode_db(void) {
    CHECK(Pyrt_UcdDecimal('7') == 7 && Pyrt_UcdDecimal(0x0663) == 3 && Pyrt_UcdDecimal(0x1D7CE + 12) == 2);
    CHECK(Pyrt_UcdDecimal('a') == -1 && Pyrt_UcdDecimal(0xB2) == -1);
    CHECK(Pyrt_UcdIsSpace(0x3000) && !Pyrt_UcdIsSpace(0x200B));
    CHECK(Pyrt_UcdIsPrintable(0xE9) && !Pyrt_UcdIsPrintable(0xAD) && !Pyrt_UcdIsPrintable(0x10FFFF));
    uint32_t out[3];
    CHECK(Pyrt_UcdCaseMap(0xDF, PYRT_CASE_UPPER, out) == 2 && out[0] == 'S' && out[1] == 'S');
    CHECK(Pyrt_UcdCaseMap(0x10428, PYRT_CASE_UPPER, out) == 1 && out[0] == 0x10400);
    CHECK(Pyrt_UcdCaseMap(0x1C5, PYRT_CASE_TITLE, out) == 1 && out[0] == 0x1C5);
}

static void test_format_helpers(void) {
    /* typed entry points used by generated code */
    PyrtObject *r = keep(Pyrt_FormatI64(-1234567, cs(",")));
    CHECK(r && strcmp(PyrtStr_UTF8(r), "-1,234,567") == 0);
    r = keep(Pyrt_FormatF64(0.1, cs(".2f")));
    CHECK(r && strcmp(PyrtStr_UTF8(r), "0.10") == 0);
    r = keep(Pyrt_FormatStr(cs("ab"), cs("*^6")));
    CHECK(r && strcmp(PyrtStr_UTF8(r), "**ab**") == 0);
    r = keep(PyrtStr_Mod(cs("%s-%d"), T(2, cs("a"), I(3))));
    CHECK(r && strcmp(PyrtStr_UTF8(r), "a-3") == 0);
    PyrtObject *args[2] = { cs("x"), I(2) };
    r = keep(PyrtStr_FormatMethod(cs("{1}{0}"), args, 2, NULL));
    CHECK(r && strcmp(PyrtStr_UTF8(r), "2x") == 0);
    r = keep(PyrtStr_Join(cs(", "), L(2, cs("a"), cs("b"))));
    CHECK(r && strcmp(PyrtStr_UTF8(r), "a, b") == 0);
    CHECK(PyrtStr_Contains(cs("abc"), cs("bc")) == 1);
    release();
}

/* user classes: __index__, __float__, __radd__/__rmul__, __str__/__repr__, __format__ */
static PyrtObject *u_index(PyrtObject *c, PyrtObject *const *a, int64_t n, PyrtObject *k) { return PyrtInt_FromI64(2); }
static PyrtObject *u_float(PyrtObject *c, PyrtObject *const *a, int64_t n, PyrtObject *k) { return PyrtFloat_FromDouble(2.5); }
static PyrtObject *u_radd(PyrtObject *c, PyrtObject *const *a, int64_t n, PyrtObject *k) { return PyrtStr_FromCString("radd"); }
static PyrtObject *u_str(PyrtObject *c, PyrtObject *const *a, int64_t n, PyrtObject *k) { return PyrtStr_FromCString("U!"); }

static void add_method(PyrtObject *dict, const char *name, PyrtVectorcall call) {
    PyrtObject *f = PyrtFunction_New(call, name, name, "__main__", NULL, NULL, NULL, NULL, NULL);
    PyrtDict_SetItemStr(dict, name, f);
    PYRT_DECREF(f);
}

static PyrtObject *new_instance(const char *cls, const char *m1, PyrtVectorcall f1, const char *m2, PyrtVectorcall f2) {
    PyrtObject *d = PyrtDict_New();
    add_method(d, m1, f1);
    if (m2) add_method(d, m2, f2);
    PyrtType *t = PyrtType_NewUser(cls, "__main__", NULL, sizeof(PyrtInstance), NULL, d, NULL);
    PYRT_DECREF(d);
    PyrtObject *o = Pyrt_Call((PyrtObject *)t, NULL, 0, NULL);
    PYRT_DECREF(t);
    return o;   /* owned by the caller: RUN releases only its temporaries */
}

static void test_user_classes(void) {
    PyrtObject *idx = new_instance("Idx", "__index__", u_index, NULL, NULL);
    PyrtObject *flt = new_instance("Flt", "__float__", u_float, NULL, NULL);
    PyrtObject *rad = new_instance("Rad", "__radd__", u_radd, "__str__", u_str);
    CHECK(idx && flt && rad);
    if (!idx || !flt || !rad) { Pyrt_ErrClear(); return; }
    RUN("'abc'[Idx()]", "'c'", GETITEM(cs("abc"), idx));
    RUN("'abcdef'[Idx():]", "'cdef'", GETITEM(cs("abcdef"), SLICE(idx, NULL, NULL)));
    RUN("'ab'.center(Idx()+3)", "'ab'", METH(cs("ab"), "center", 1, (PyrtObject *[]){idx}, NULL));
    RUN("'%d|%x|%f' % (Idx(), Idx(), Flt())", "'2|2|2.500000'",
        BIN(cs("%d|%x|%f"), T(3, idx, idx, flt), PYRT_MOD));
    RUN("'%d' % Flt()", "!TypeError: %d format: a real number is required, not Flt",
        BIN(cs("%d"), flt, PYRT_MOD));
    RUN("'%s' % Rad()", "'U!'", BIN(cs("%s"), rad, PYRT_MOD));
    RUN("'{}'.format(Rad())", "'U!'", METH(cs("{}"), "format", 1, (PyrtObject *[]){rad}, NULL));
    RUN("'a' + Rad()", "'radd'", BIN(cs("a"), rad, PYRT_ADD));
    RUN("'a' + Idx()", "!TypeError: can only concatenate str (not \"Idx\") to str", BIN(cs("a"), idx, PYRT_ADD));
    RUN("b'a' + Idx()", "!TypeError: can't concat Idx to bytes", BIN(B("a", 1), idx, PYRT_ADD));
    RUN("'ab' * Flt()", "!TypeError: can't multiply sequence by non-int of type 'Flt'", BIN(cs("ab"), flt, PYRT_MUL));
    RUN("str(Rad())", "'U!'", STRNEW(1, (PyrtObject *[]){rad}, NULL));
    PYRT_DECREF(idx);
    PYRT_DECREF(flt);
    PYRT_DECREF(rad);
}

int main(int argc, char **argv) {
    Pyrt_Init(argc, argv);
    run_generated_cases();
    test_build_and_cache();
    test_unicode_db();
    test_format_helpers();
    test_user_classes();
    CHECK(!Pyrt_ErrOccurred());
    if (failures) {
        printf("FAILED str: %d failures (%d generated cases)\n", failures, ncases);
        return 1;
    }
    printf("OK str\n");
    return 0;
}

/* The generator and the case list. To add cases, append lines between "BEGIN cases" and
 * "END cases", then run (from the repository root):
 *   sed -n '/^BEGIN gen_test_str.py$/,/^END gen_test_str.py$/p' tests/runtime/test_str.c | sed '1d;$d' > /tmp/gen_test_str.py
 *   PYTHONHASHSEED=0 python3 /tmp/gen_test_str.py tests/runtime/test_str.c

BEGIN gen_test_str.py
"""Regenerate the RUN cases of tests/runtime/test_str.c (between the BEGIN/END GENERATED markers) from
the case list kept in that file's last comment: each case is a Python expression evaluated by CPython
3.11 (run with PYTHONHASHSEED=0) for the expected repr or exception, and translated to runtime calls.
Usage: PYTHONHASHSEED=0 python3 gen_test_str.py tests/runtime/test_str.c"""
CO, CC = "/" + "*", "*" + "/"   # comment delimiters, spelled so this file can sit in a C comment
import ast, sys, os

assert os.environ.get("PYTHONHASHSEED") == "0"

def cstr(b):
    return '"' + "".join(chr(c) if 32 <= c < 127 and chr(c) not in '"\\?' else "\\%03o" % c for c in b) + '"'

OPS = {ast.Add: "PYRT_ADD", ast.Mult: "PYRT_MUL", ast.Mod: "PYRT_MOD"}
CMP = {ast.Lt: "PYRT_LT", ast.LtE: "PYRT_LE", ast.Eq: "PYRT_EQ", ast.NotEq: "PYRT_NE", ast.Gt: "PYRT_GT", ast.GtE: "PYRT_GE"}
FUNCS = {"format": "FORMAT", "repr": "REPR", "str": "STRNEW", "bytes": "BYTESNEW", "len": "LEN", "hash": "HASH",
         "ord": "ORD", "chr": "CHR", "list": "LIST", "ascii": "ASCII", "iterlist": "LIST"}

def args_c(args, keywords):
    items = [c(a) for a in args] + [c(k.value) for k in keywords]
    kw = "NULL" if not keywords else "KW%d(%s)" % (len(keywords), ", ".join(cstr(k.arg.encode()) for k in keywords))
    arr = "(PyrtObject *[]){%s}" % ", ".join(items) if items else "NULL"
    return "%d, %s, %s" % (len(args), arr, kw)

def numeric_const(n):
    if isinstance(n, ast.Constant): return isinstance(n.value, (int, float)) and not isinstance(n.value, bool)
    if isinstance(n, ast.UnaryOp): return numeric_const(n.operand)
    if isinstance(n, ast.BinOp): return numeric_const(n.left) and numeric_const(n.right)
    if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "float":
        return all(isinstance(a, ast.Constant) for a in n.args)
    return False

def c(n):
    if not isinstance(n, ast.Constant) and numeric_const(n):
        return c(ast.Constant(eval(compile(ast.Expression(n), "<c>", "eval"))))
    if isinstance(n, ast.Constant):
        v = n.value
        if v is None: return "Pyrt_None"
        if v is True: return "Pyrt_True"
        if v is False: return "Pyrt_False"
        if isinstance(v, str): b = v.encode("utf-8", "surrogatepass"); return "S(%s, %d)" % (cstr(b), len(b))
        if isinstance(v, bytes): return "B(%s, %d)" % (cstr(v), len(v))
        if isinstance(v, int): return "I(%dLL)" % v if v != -2**63 else "I(INT64_MIN)"
        if isinstance(v, float):
            if v != v: return "F(NAN)"
            if v in (float("inf"), float("-inf")): return "F(%sINFINITY)" % ("-" if v < 0 else "")
            return "F(%s)" % v.hex()
    if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
        if isinstance(n.operand, ast.Constant) and isinstance(n.operand.value, (int, float)):
            return c(ast.Constant(-n.operand.value))
    if isinstance(n, ast.Tuple): return "T(%d%s)" % (len(n.elts), "".join(", " + c(e) for e in n.elts))
    if isinstance(n, ast.List): return "L(%d%s)" % (len(n.elts), "".join(", " + c(e) for e in n.elts))
    if isinstance(n, ast.Dict):
        return "D(%d%s)" % (len(n.keys), "".join(", %s, %s" % (c(k), c(v)) for k, v in zip(n.keys, n.values)))
    if isinstance(n, ast.BinOp): return "BIN(%s, %s, %s)" % (c(n.left), c(n.right), OPS[type(n.op)])
    if isinstance(n, ast.Compare):
        op = n.ops[0]
        if isinstance(op, ast.In): return "CONTAINS(%s, %s)" % (c(n.comparators[0]), c(n.left))
        return "CMP(%s, %s, %s)" % (c(n.left), c(n.comparators[0]), CMP[type(op)])
    if isinstance(n, ast.Subscript):
        s = n.slice
        if isinstance(s, ast.Slice):
            f = lambda x: c(x) if x is not None else "NULL"
            return "GETITEM(%s, SLICE(%s, %s, %s))" % (c(n.value), f(s.lower), f(s.upper), f(s.step))
        return "GETITEM(%s, %s)" % (c(n.value), c(s))
    if isinstance(n, ast.Call):
        if isinstance(n.func, ast.Attribute):
            return "METH(%s, %s, %s)" % (c(n.func.value), cstr(n.func.attr.encode()), args_c(n.args, n.keywords))
        name = n.func.id
        if name in ("str", "bytes"):
            return "%s(%s)" % (FUNCS[name], args_c(n.args, n.keywords))
        return "%s(%s)" % (FUNCS[name], ", ".join(c(a) for a in n.args))
    raise SyntaxError(ast.dump(n))

def iterlist(x): return list(iter(x))

def expected(src):
    try:
        v = eval(src, {"iterlist": iterlist})
        return repr(v)
    except Exception as e:
        name = type(e).__name__
        return "!%s: %s" % (name, e)

def main(path):
    text = open(path, encoding="utf-8").read()
    begin, end = CO + " BEGIN GENERATED " + CC + "\n", CO + " END GENERATED " + CC + "\n"
    cases = text.split("\nBEGIN cases\n")[1].split("\nEND cases\n")[0]
    out = [begin, "static void run_generated_cases(void) {\n"]
    for line in cases.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        tree = ast.parse(line, mode="eval").body
        exp = expected(line).encode("utf-8", "surrogatepass")
        out.append("    RUN(%s, %s,\n        %s);\n" % (cstr(line.encode("utf-8", "surrogatepass")), cstr(exp), c(tree)))
    out.append("}\n")
    out.append(end)
    head, rest = text.split(begin)
    tail = rest.split(end)[1]
    open(path, "w", encoding="utf-8").write(head + "".join(out) + tail)


main(sys.argv[1])
END gen_test_str.py

BEGIN cases
# ---- construction, repr, basic ops
repr('abc')
repr("it's")
repr('say "hi"')
repr('both \' and "')
repr('a\nb\tc\r\\')
repr('\x00\x1f\x7f\x80\x9f\xa0\xad')
repr('é€😀')
repr('\u200b\u2028\ufeff\U000e0001\U0010ffff\ud800')
repr('\u0378\u00ff\u0100')
repr('')
'ab' + 'cd'
'ab' + ''
'' + 'é'
'a' + 1
'a' + None
1 + 'a'
'ab' * 3
3 * 'ab'
'ab' * 0
'ab' * -2
'é' * 2
True * 'x'
'a' * 'b'
'a' * 2.0
2.0 * 'a'
'a' * 1.5
'abc' == 'abc'
'abc' == 'abd'
'abc' != 'abc'
'abc' < 'abd'
'abc' < 'ab'
'é' > 'z'
'😀' > '\uffff'
'a' <= 'a'
'b' >= 'a'
'a' < 1
'a' == 1
'b' in 'abc'
'bc' in 'abc'
'' in 'abc'
'd' in 'abc'
'€' in 'x€y'
1 in 'abc'
len('')
len('abc')
len('é€😀')
hash('')
hash('abc')
hash('é')
hash('€uro')
hash('😀')
hash('a' * 20)
hash('hello world, this is longer')
ord('a')
ord('é')
ord('😀')
ord('abc')
ord('')
ord(1)
chr(97)
chr(233)
chr(0x1f600)
chr(-1)
chr(0x110000)
# ---- indexing and slicing
'abc'[0]
'abc'[-1]
'abc'[3]
'abc'[-4]
'héllo'[1]
'héllo'[-1]
'h€llo😀x'[5]
'h€llo😀x'[6]
'h€llo😀x'[7]
'abc'[1.5]
'abc'['x']
'abc'[True]
'abcdef'[1:4]
'abcdef'[:]
'abcdef'[::2]
'abcdef'[::-1]
'abcdef'[-2:]
'abcdef'[:-2]
'abcdef'[4:1:-1]
'abcdef'[10:]
'abcdef'[-10:2]
'abcdef'[5:0:-2]
'abcdef'[::-3]
'abcdef'[1:1]
'abcdef'[::0]
'abcdef'[1.5:]
'abcdef'[None:2]
'héllo wörld'[1:8]
'héllo wörld'[::-1]
'héllo wörld'[::3]
'héllo wörld'[-3:]
'😀a😀b😀'[::2]
'😀a😀b😀'[1::2]
iterlist('abc')
iterlist('é€😀a')
iterlist('')
# ---- str()
str()
str('abc')
str(12)
str(1.5)
str(None)
str(b'abc')
str(b'abc', 'utf-8')
str(b'h\xc3\xa9', 'utf-8')
str(b'h\xc3\xa9', encoding='latin-1')
str(b'\xff', 'utf-8')
str(b'a\xffb', 'ascii')
str(b'a\xffb', 'ascii', 'replace')
str(b'a\xffb', 'utf-8', 'ignore')
str(object='x')
str('a', 'utf-8')
str(1, 'utf-8')
str(b'a', 1)
str(x=1)
str(1, 2, 3, 4)
str(encoding='utf-8')
str(object=b'h\xc3\xa9', encoding='utf-8', errors='strict')
ascii('é€😀\n')
ascii('abc')
# ---- split family
"a b".split(1, 2, sep=3)
"a b".split(" ", sep=" ")
str(b"a", "utf-8", encoding="x")
"ab".encode("utf-8", encoding="x")
"{:d}".format(True)
"{}".format(True)
"{:5}".format(True)
"{:>5}".format(None)
"{!r:^7}".format(None)
"%.3s" % None
"%5r" % None
'a b  c '.split()
'  a b  c  '.split(None, 1)
'  a b  c  '.split(maxsplit=1)
'a,b,,c'.split(',')
'a,b,,c'.split(',', 1)
'a,b,,c'.split(',', 0)
'a,b,,c'.split(',', -1)
'a<>b<>c'.split('<>')
''.split()
''.split(',')
'   '.split()
'a\u3000b\x1cc\x85d'.split()
'a\xa0b'.split()
'a b'.split(sep=None)
'a b'.split('')
'a b'.split(1)
'a b'.split(1, 2, 3)
'a b'.split(x=1)
'a b'.split(maxsplit='x')
'a,b,c'.rsplit(',')
'a,b,c'.rsplit(',', 1)
'  a b  c  '.rsplit(None, 1)
'  a b  c  '.rsplit()
'a b c'.rsplit(maxsplit=0)
'  a b c'.rsplit(maxsplit=0)
'é,ü,ö'.rsplit(',', 1)
'ab\ncd\r\nef\rgh\x0bij\x0ckl\x1cmn\x85op\u2028qr'.splitlines()
'ab\ncd\r\n'.splitlines(True)
'ab\ncd\r\n'.splitlines(keepends=True)
''.splitlines()
'\n'.splitlines()
'a\n\nb'.splitlines()
'a'.splitlines(1, 2)
'-'.join(['a', 'b', 'c'])
'-'.join(('a',))
'-'.join([])
', '.join(['é', '€', '😀'])
''.join(['a', 'b'])
'-'.join('abc')
'-'.join(['a', 1])
'-'.join(5)
'-'.join()
# ---- strip
'  ab  '.strip()
'  ab  '.lstrip()
'  ab  '.rstrip()
'xxabyy'.strip('xy')
'xxabyy'.lstrip('xy')
'xxabyy'.rstrip('xy')
'ééaéé'.strip('é')
'\u3000a\x85'.strip()
'ab'.strip(None)
'ab'.strip(1)
'ab'.lstrip(5)
'ab'.strip('a', 'b')
'ab'.strip(chars='a')
''.strip()
'   '.strip()
# ---- replace
'abcabc'.replace('b', 'XX')
'abcabc'.replace('b', 'XX', 1)
'abcabc'.replace('b', '')
'abc'.replace('', '-')
'abc'.replace('', '-', 2)
'abc'.replace('z', 'y')
'ééé'.replace('é', 'e', 2)
'abc'.replace(1, 2)
'abc'.replace('a')
'abc'.replace('a', 'b', 'c')
'abc'.replace('a', 'b', -1)
# ---- find family
'hello'.find('l')
'hello'.find('l', 3)
'hello'.find('l', -2)
'hello'.find('z')
'hello'.find('')
'hello'.find('', 5)
'hello'.find('', 6)
'hello'.find('lo', 1, 4)
'hello'.find('lo', 1, 5)
'héllo wörld'.find('wö')
'héllo wörld'.find('l', 4)
'héllo wörld'.find('o', -5, -1)
'hello'.rfind('l')
'hello'.rfind('')
'hello'.rfind('l', 0, 3)
'héllo wörld'.rfind('l')
'hello'.index('e')
'hello'.index('z')
'hello'.rindex('z')
'hello'.rindex('l')
'hello'.find()
'hello'.find(1)
'hello'.find('a', 'x')
'hello'.find('a', 1, 2, 3)
'hello'.find('l', None, None)
'hello'.count('l')
'hello'.count('')
'hello'.count('', 2)
'hello'.count('', 10)
'aaaa'.count('aa')
'héllo'.count('l', 3)
'hello'.count()
'hello'.startswith('he')
'hello'.startswith('lo', 3)
'hello'.startswith(('x', 'he'))
'hello'.startswith('')
'hello'.startswith('', 5)
'hello'.startswith('', 6)
'hello'.startswith('ell', 1, 3)
'hello'.endswith('lo')
'hello'.endswith('ell', 0, 4)
'hello'.endswith(('x', 'y'))
'héllo'.endswith('llo')
'héllo'.startswith('é', 1)
'hello'.startswith(1)
'hello'.startswith((1,))
'hello'.endswith()
# ---- case
'Hello World'.upper()
'Hello World'.lower()
'Hello World'.swapcase()
'hello world'.title()
"they're bill's friends".title()
'hELLO wORLD'.capitalize()
'ß'.upper()
'ﬁ'.upper()
'straße'.casefold()
'ΑΣ'.lower()
'ΑΣ Σ ΑΣΑ'.lower()
"ΑΣ'".lower()
'Σ'.lower()
'İ'.lower()
'ŉ'.upper()
'ǅ'.lower()
'ǆ'.title()
'ǳ'.upper()
'éàü ÉÀÜ'.upper()
'ĀāĂă'.swapcase()
'Привет Мир'.upper()
'Привет Мир'.lower()
'ΑΒΓ αβγ'.swapcase()
'ⓐⓑ'.upper()
'ǆemal ǈj'.title()
'1a2b'.title()
'ΣΑΣ'.capitalize()
'ﬃ'.title()
'ß'.capitalize()
'abc'.upper(1)
'abc'.upper(x=1)
# ---- predicates
'123'.isdigit()
'12a'.isdigit()
''.isdigit()
'²³'.isdigit()
'²³'.isdecimal()
'½'.isnumeric()
'½'.isdigit()
'٣'.isdecimal()
'一'.isnumeric()
'abc'.isalpha()
'abç'.isalpha()
'ab1'.isalpha()
'ab1'.isalnum()
'ab_'.isalnum()
' \t\n'.isspace()
'\x1c\x1d'.isspace()
'\u3000\xa0'.isspace()
''.isspace()
'ABC'.isupper()
'ABc'.isupper()
'A1'.isupper()
'1'.isupper()
'abc'.islower()
'aBc'.islower()
'ǅ'.istitle()
'Hello World'.istitle()
'Hello world'.istitle()
'HeLLo'.istitle()
'123'.istitle()
'A1 B2'.istitle()
'abc'.isidentifier()
'_a1'.isidentifier()
'1a'.isidentifier()
'é_ü'.isidentifier()
''.isidentifier()
'a-b'.isidentifier()
'ab'.isascii()
'aé'.isascii()
''.isascii()
'abc'.isprintable()
'a\n'.isprintable()
''.isprintable()
'é€'.isprintable()
'\xad'.isprintable()
# ---- padding
'abc'.center(9)
'abc'.center(8, '*')
'ab'.center(5, '*')
'abc'.center(2)
'abc'.ljust(6, 'é')
'abc'.rjust(6)
'é'.rjust(3, '€')
'abc'.center('x')
'abc'.center(5, 'ab')
'abc'.center(5, 1)
'abc'.center()
'42'.zfill(5)
'-42'.zfill(5)
'+42'.zfill(5)
'42'.zfill(1)
''.zfill(3)
'é'.zfill(3)
'-'.zfill(3)
'a'.zfill()
# ---- partition and others
'a=b=c'.partition('=')
'a=b=c'.rpartition('=')
'abc'.partition('x')
'abc'.rpartition('x')
'é€😀'.partition('€')
'abc'.partition('')
'abc'.partition(1)
'a\tb\tc'.expandtabs()
'a\tbc\td'.expandtabs(4)
'ab\n\tc'.expandtabs(4)
'a\tb'.expandtabs(0)
'é\tb'.expandtabs(tabsize=3)
'a\tb'.expandtabs('x')
'prefix-body'.removeprefix('prefix-')
'prefix-body'.removeprefix('x')
'body.txt'.removesuffix('.txt')
'body.txt'.removesuffix('')
'abc'.removeprefix(1)
'abc'.encode()
'héllo'.encode()
'héllo'.encode('latin-1')
'héllo'.encode('ascii')
'h€llo€'.encode('ascii', 'replace')
'h€llo'.encode('ascii', 'ignore')
'é€'.encode('ascii')
'a😀'.encode('ascii')
'a\ud800'.encode()
'a'.encode('UTF8')
'a'.encode('utf 8')
'a'.encode('us-ascii')
'a'.encode('bogus')
'é'.encode('ascii', 'bogus')
'a'.encode(1)
'a'.encode(encoding='utf-8', errors='strict')
'abc'.translate({97: 'X', 98: None, 99: 100})
'abc'.translate({})
'abc'.translate({97: 0x110000})
'abc'.translate({97: 1.5})
'abc'.maketrans('ab', 'xy')
'abc'.maketrans('ab', 'xy', 'c')
'abc'.maketrans({'a': 'b', 98: None})
'abc'.maketrans('a', 'xy')
'abc'.maketrans({'ab': 1})
'abc'.maketrans(1)
# ---- % formatting
'%s' % 'x'
'%s and %s' % ('a', 'b')
'%d' % 42
'%5d|%-5d|' % (-3, -3)
'%05d' % -42
'%+05d' % 5
'% d' % 42
'%+.3d' % 5
'%05.3d' % 5
'%x %X %o' % (255, 255, 8)
'%#x %#X %#o' % (255, 255, 8)
'%#010x' % 255
'%#.5x' % 255
'%x' % -255
'%#x' % -255
'%#o' % 0
'%d' % 3.99
'%i' % -0.5
'%d' % True
'%d' % -0.0
'%d' % 1e20
'%+i' % -1.5e25
'%5.3u|' % 9.3e18
'%u' % 7
'%d' % 'x'
'%x' % 1.5
'%f' % 1.5
'%.2f' % 2.675
'%.0f' % 0.5
'%.0f' % 1.5
'%#.0f' % 2
'%e' % 12345.678
'%.0e' % 12345
'%#.0e' % 12345
'%E' % 0.000123
'%g' % 1e-5
'%g' % 0.0001
'%g' % 123456789
'%g' % 100000
'%g' % 1000000
'%#g' % 1.0
'%G' % 1e-10
'%.15g' % 0.1
'%.17g' % 0.1
'%10.3e|' % 1234.5
'%-10.3e|' % 1234.5
'%+f' % 1.0
'%f' % 'x'
'%f' % float('inf')
'%F' % float('inf')
'%E' % float('nan')
'%010f' % float('inf')
'%-010f|' % float('-inf')
'%+f' % float('nan')
'% f' % float('inf')
'%f' % 1e300
'%.3e' % -0.0
'%+g' % 0.0
'%5.1f|' % -0.0
'%c' % 'a'
'%c' % 233
'%c' % 0x1f600
'%c' % True
'%c' % 'ab'
'%c' % 1.5
'%c' % -1
'%5c|%-3c|' % ('x', 'y')
'%r' % 'a'
'%r' % 1e16
'%a' % 'é'
'%s' % 1.0
'%s' % None
'%s' % b'a'
'%s' % (1,)
'%s' % ((1, 2),)
'%s' % [1, 2]
'%s %s' % [1, 2]
'%s' % {'a': 1}
'%(a)s %(b)r' % {'a': 1, 'b': 'x'}
'%(a)s%(a)s' % {'a': 1}
'%(a)s %s' % {'a': 1}
'%s %(a)s' % {'a': 1}
'%((a))s' % {'(a)': 1}
'%(a)d' % {'a': 3}
'%(a)s' % 1
'%(a)s' % {}
'%(a' % {'a': 1}
'%(a)' % {'a': 1}
'%5s|%-5s|' % ('a', 'b')
'%.2s|' % 'abc'
'%.3s|%5.1s|' % ('abcdef', 'xyz')
'%*d|' % (5, 1)
'%-*s|' % (4, 'a')
'%*d|' % (-5, 1)
'%.*f' % (2, 3.14159)
'%.*f' % (-3, 1.5)
'%*s|' % (True, 'a')
'%*d' % ('a', 1)
'%.*f' % (1.5, 1.0)
'%ld %hd %Lf' % (5, 6, 7)
'%05s|%05c|' % ('a', 'b')
'%% %s' % 'x'
'100%%' % ()
'%s %%' % 5
'%5%' % (1,)
'%5%' % ()
'%z' % 1
'%z' % ()
'%é' % 1
'ab%' % ()
'%' % ()
'%d %d' % (1,)
'%d' % (1, 2)
'a' % 1
'abc' % ()
'hello' % []
'hello' % {}
'%s' % ()
'é%sü' % '€'
'%-5s|' % 'é'
'%.1s' % 'é€'
# ---- format specs: str
format('abc', '')
format('abc', '10')
format('abc', '<10')
format('abc', '>10')
format('abc', '^10')
format('abc', '^6')
format('abc', '*^9')
format('abc', '.2')
format('abc', '*>5.2')
format('abc', 's')
format('é', 'é^5')
format('😀', '3')
format('a', '05')
format('a', '0')
format('a', 'd')
format('a', ',')
format('a', '=5')
format('a', '+')
format('a', '#')
format('a', 'z')
format('a', ' ')
format('a', '-')
format('a', 'abc')
format('a', '.')
format('a', '.2.3')
format('a', '99999999999999999999')
# ---- format specs: int
format(5, '')
format(-5, '')
format(5, 'd')
format(5, '5')
format(5, '<5')
format(5, '^5')
format(5, '*^6')
format(-5, '*<6')
format(5, '=+5')
format(5, '+')
format(-5, ' ')
format(5, ' ')
format(5, '05')
format(-5, '05')
format(1234567, ',')
format(1234567, '_')
format(-1234567, ',')
format(1234, '08,')
format(1234, '09,')
format(1234, '0=8,')
format(1234, 'x<8,')
format(-12345, '010,')
format(123, '015,')
format(0, ',')
format(255, 'x')
format(255, 'X')
format(255, '#x')
format(255, '#X')
format(-255, '#X')
format(-255, '#010x')
format(255, '_x')
format(255, '#_b')
format(65535, '_x')
format(123456789, '_o')
format(10, 'b')
format(10, '#b')
format(8, 'o')
format(8, '#o')
format(0, '#o')
format(65, 'c')
format(65, '5c')
format(65, '05c')
format(1000, '10c')
format(0x1f600, '*<5c')
format(233, '^5c')
format(0x1f600, 'c')
format(-1, 'c')
format(65, '+c')
format(65, '#c')
format(65, ',c')
format(12345, 'n')
format(5, '%')
format(5, '.2f')
format(5, 'e')
format(5, 'g')
format(10**15, 'g')
format(5, 'F')
format(5, 's')
format(5, 'q')
format(5, '.2')
format(5, '.2d')
format(5, ',x')
format(5, ',_')
format(5, '_,')
format(5, ',n')
format(5, 'z')
format(5, 'z.2d')
format(5, 'abc')
format(5, ',,')
format(9223372036854775807, 'x')
format(-9223372036854775808, 'd')
format(-9223372036854775808, 'b')
format(-9223372036854775808, ',')
format(True, 'd')
format(True, '5')
# ---- format specs: float
format(1.5, '')
format(1.0, '')
format(-0.0, '')
format(1e16, '')
format(1e22, '')
format(0.1, '.2f')
format(1234567.891, ',.2f')
format(1234567.891, ',')
format(42.0, '08.3f')
format(42, '08.3f')
format(1.0, '.3')
format(1.0, '.0')
format(100.0, '.3')
format(123.0, '.3')
format(0.0001, '.2')
format(0.00001, '.2')
format(99.5, '.2')
format(1.0, '#.3')
format(12.0, '#.2')
format(0.5, '.0')
format(-0.0, '.2')
format(1e15, '.16')
format(1e16, '.16')
format(123456.0, '.6')
format(1.25, '.2')
format(float('inf'), '.2')
format(10.0, '.1')
format(1234.5, '.3')
format(1/3, '.10')
format(0.05, '.1')
format(1e100, '.2')
format(100000.0, 'g')
format(1e6, 'g')
format(1e-5, '.3g')
format(1.0, '#.3g')
format(1e6, '#g')
format(1e-20, 'G')
format(0.0, 'e')
format(1.5, '.0e')
format(2.5, '.0f')
format(0.5, '%')
format(0.125, '.1%')
format(0.005, '.0%')
format(1234.5, 'n')
format(-1.5, '=10')
format(-1.5, '010')
format(-1.5, '<10')
format(1.5, '^10.2e')
format(1.0, ' ')
format(1.0, '+')
format(1e16, ',')
format(12345.678, '_')
format(1234567.0, ',g')
format(-1234.5, '020,.3f')
format(1e16, '#')
format(1.0, '#')
format(1.5, '#.0')
format(1.5, '#.0f')
format(-0.0, 'z')
format(-0.0001, 'z.2f')
format(-0.04, 'z.1f')
format(-1.04, 'z.1f')
format(-0.0, 'z.1e')
format(-0.0, '.1f')
format(float('inf'), '')
format(float('-inf'), '010')
format(float('inf'), '010')
format(float('nan'), '=+10')
format(float('inf'), 'F')
format(float('nan'), '+')
format(float('-inf'), '%')
format(float('nan'), '.2%')
format(float('nan'), 'E')
format(1.5, 'd')
format(1.5, 'x')
format(1.5, 'c')
format(1.5, 's')
format(1.5, 'r')
format(1.5, ',n')
format(1.5, '.2.3f')
format(1.5, '.f')
format(123.456, '.50f')
format(1e300, 'f')
format(5e-324, '')
format(5e-324, 'e')
format(1.7976931348623157e308, '')
format(0.1 + 0.2, '')
format(123456789.0, '.2e')
format(9.995, '.2f')
format(0.000012345, 'g')
format(1234567890123456789.0, 'g')
format(1234567890123456789.0, '')
# ---- str.format
'{}'.format(1)
'{} {}'.format('a', 'b')
'{1} {0}'.format('a', 'b')
'{0}{0}'.format(1)
'{x} {y}'.format(x=1, y='b')
'{a}{}'.format(1, a=2)
'{}{a}{}'.format(1, 2, a=3)
'{0[1]}'.format([5, 6])
'{0[0]}'.format('xy')
'{0[a]}'.format({'a': 7})
'{0[-1]}'.format({'-1': 5})
'{0[ ]}'.format({' ': 5})
'{0[1][0]}'.format([0, 'xy'])
'{!r}'.format('a')
'{!s}'.format(1)
'{!a}'.format('é')
'{!r}'.format('é')
'{0!r:>5}'.format('a')
'{0!s:}'.format(1)
'{:>5}'.format(1)
'{:{}}'.format(1, 5)
'{:{}{}}'.format(1, '>', 5)
'{0:{1}}'.format(1, '')
'{:{w}.{p}f}'.format(3.14159, w=8, p=2)
'{{}}'.format()
'{{{0}}}'.format(1)
'{{x}} {}'.format(1)
'{:%}'.format(0.5)
'{}'.format(1.5)
'{:x<4}'.format('ab')
'{00}'.format(1)
'{:}'.format(1)
'é{}ü{}'.format('€', 1)
'{:é^5}'.format('x')
'{}'.format()
'{1}'.format(1)
'{} {0}'.format(1)
'{0} {}'.format(1, 2)
'{'.format()
'}'.format()
'a}b'.format()
'{a}'.format()
'{a}'.format(b=1)
'{0.x}'.format(1)
'{0[5]}'.format([1])
'{0[a]}'.format({})
'{!x}'.format(1)
'{!}'.format(1)
'{0!}'.format(1)
'{0!rr}'.format(1)
'{0!r'.format(1)
'{:d}'.format('a')
'{:x}'.format(1.5)
'{:s}'.format(1)
'{:>{}}'.format(1)
'{:{:{}}}'.format(1, 2, 3)
'{:{{}}}'.format(1)
'{0[a]b}'.format({'a': 1})
'{0[a'.format({'a': 1})
'{[}'.format(1)
'{0.}'.format(1)
'{0[]}'.format([1])
'{0 }'.format(1)
'{ }'.format(1)
'{a{b}'.format(1)
'{0:{1'.format(1, 2)
'{a}'.format_map({'a': 1})
'{a[0]}'.format_map({'a': 'xy'})
'{}'.format_map({})
'{b}'.format_map({'a': 1})
# ---- bytes
repr(b'abc')
repr(b"a'b")
repr(b'a\'b"')
repr(b'\x00\t\n\r\\\x7f\xff')
repr(b'')
str(b'ab')
b'ab' + b'cd'
b'ab' + 'cd'
b'ab' + 1
'ab' + b'cd'
b'ab' * 3
3 * b'ab'
b'ab' * 0
b'ab' * 2.0
b'ab'[0]
b'ab'[-1]
b'ab'[5]
b'ab'['x']
b'abcdef'[1:4]
b'abcdef'[::2]
b'abcdef'[::-1]
b'abcdef'[-2:]
b'ab' == b'ab'
b'ab' == 'ab'
b'ab' < b'abc'
b'b' > b'ab'
b'a' < 'a'
b'ab' in b'xaby'
98 in b'abc'
300 in b'abc'
'a' in b'abc'
len(b'abc')
hash(b'abc')
hash(b'')
iterlist(b'ab\xff')
bytes()
bytes(3)
bytes(b'ab')
bytes([1, 2, 255])
bytes((65, 66))
bytes('abc', 'utf-8')
bytes('é', 'utf-8')
bytes('é', 'latin-1')
bytes('é', 'ascii')
bytes('é', 'ascii', 'replace')
bytes('a')
bytes(-2)
bytes(1.5)
bytes([256])
bytes([-1])
bytes(['a'])
bytes(1, 'utf-8')
bytes(x=1)
bytes('é', 'x')
bytes(source=b'x')
b'abc'.decode()
b'h\xc3\xa9'.decode()
b'h\xc3\xa9'.decode('latin-1')
b'a\xed\xa0\x80'.decode()
b'\xf0\x90'.decode()
b'\xf0\x90\x28'.decode()
b'\xc3'.decode()
b'\xc3\x28'.decode()
b'\xe0\x80\x80'.decode()
b'\xf4\x90\x80\x80'.decode()
b'\xf8'.decode()
b'\x80abc'.decode()
b'\xf0\x9f\x98\x80'.decode()
b'a\x80b'.decode('utf-8', 'replace')
b'a\xf0\x90b'.decode('utf-8', 'replace')
b'a\xe2\x82'.decode('utf-8', 'ignore')
b'\xff'.decode('utf-8', 'bogus')
b'a'.decode('utf-8', 'bogus')
b'a\xe9\xe9'.decode('ascii')
b'\xe9'.decode('ascii', 'replace')
b'a'.decode('x')
b'a'.decode(1)
b'a'.decode(encoding='ascii')
b'a b  c '.split()
b'  a b ' .split(None, 1)
b'a b\x1c c'.split()
b'a,b,,c'.split(b',')
b'a,b,,c'.split(b',', 1)
b'a,b,,c'.rsplit(b',', 1)
b'  a b  c  '.rsplit(None, 1)
b'a'.split(b'')
b'a'.split(1)
b'a'.split('a')
b'  ab  '.strip()
b'xxabxx'.strip(b'x')
b'xxabxx'.lstrip(b'x')
b'xxabxx'.rstrip(b'x')
b'a'.rstrip(b'a')
b'a'.strip('a')
b'abc'.startswith(b'ab')
b'abc'.startswith((b'x', b'a'))
b'abc'.endswith(b'bc')
b'abc'.endswith(b'b', 0, 2)
b'a'.startswith('a')
b'a'.startswith(('a',))
b'abc'.find(b'c')
b'abc'.find(98)
b'abc'.find(b'z')
b'abc'.find(b'')
b'abc'.rfind(b'c')
b'abcabc'.rfind(b'b', 0, 4)
b'abc'.index(b'z')
b'abc'.rindex(b'z')
b'abc'.index(b'b')
b'a'.find('a')
b'a'.find(300)
b'abc'.count(b'')
b'aaaa'.count(b'aa')
b'abcb'.count(98)
b'-'.join([b'a', b'b'])
b'-'.join([])
b'a'.join([b'x', 'y'])
b'a'.join(5)
b'\x01\xff'.hex()
b'abc'.hex(':')
b'abcd'.hex(':', 2)
b'abcde'.hex('-', 2)
b'abcde'.hex('-', -2)
b''.hex()
b'abcabc'.replace(b'b', b'XX')
b'abcabc'.replace(b'b', b'XX', 1)
b'abc'.replace(b'', b'-')
b'abc'.replace(b'', b'-', 2)
b'a'.replace('a', 'b')
b'aBc'.upper()
b'AbC'.lower()
b'a'.upper(1)
END cases
*/
