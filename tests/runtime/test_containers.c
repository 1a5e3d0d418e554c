/* test_containers.c: unit tests of the containers runtime area (list.c tuple.c dict.c set.c range.c
 * iter.c sort.c): reprs, indexing and slicing, methods through the methods tables, error types and
 * messages, hashes, iteration order of sets (scripts of set operations whose expected output was
 * produced by CPython 3.11), iterators and sorting. Every expected value was checked against
 * CPython 3.11. Prints "OK containers" on success. */
#include "pyrt.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int failures = 0;

/* Objects made by the helpers below are kept here and released at the end (leak checks). */
static PyrtObject *keep[100000];
static int nkeep = 0;
static PyrtObject *K(PyrtObject *o) {
    if (o && nkeep < 100000) keep[nkeep++] = o;
    return o;
}

static PyrtObject *I(int64_t v) { return K(PyrtInt_FromI64(v)); }
static PyrtObject *F(double v) { return K(PyrtFloat_FromDouble(v)); }
static PyrtObject *S(const char *s) { return K(PyrtStr_FromCString(s)); }

static PyrtObject *L(int n, ...) {   /* list of n borrowed objects */
    PyrtObject *items[64];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, PyrtObject *);
    va_end(ap);
    return K(PyrtList_FromArray(items, n));
}

static PyrtObject *T(int n, ...) {   /* tuple of n borrowed objects */
    PyrtObject *items[64];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, PyrtObject *);
    va_end(ap);
    return K(PyrtTuple_FromArray(items, n));
}

static PyrtObject *LI(int n, ...) {   /* list of n ints */
    PyrtObject *l = K(PyrtList_New(0));
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) PyrtList_Append(l, I(va_arg(ap, int)));
    va_end(ap);
    return l;
}

/* obj.name(*args) through the type's methods table */
static PyrtObject *M(PyrtObject *self, const char *name, int n, ...) {
    PyrtObject *args[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, PyrtObject *);
    va_end(ap);
    return K(Pyrt_CallMethod(self, S(name), args, n, NULL));
}

/* obj.name(**{k1: v1, ...}) */
static PyrtObject *MKW(PyrtObject *self, const char *name, int nkw, ...) {
    PyrtObject *args[16], *names[16];
    va_list ap;
    va_start(ap, nkw);
    for (int i = 0; i < nkw; i++) {
        names[i] = S(va_arg(ap, const char *));
        args[i] = va_arg(ap, PyrtObject *);
    }
    va_end(ap);
    PyrtObject *kw = K(PyrtTuple_FromArray(names, nkw));
    return K(Pyrt_CallMethod(self, S(name), args, 0, kw));
}

/* calling a type / callable with positional args */
static PyrtObject *C(PyrtObject *callable, int n, ...) {
    PyrtObject *args[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, PyrtObject *);
    va_end(ap);
    return K(Pyrt_Call(callable, args, n, NULL));
}
#define TYPE(t) ((PyrtObject *)&PyrtType_##t)

static const char *describe(PyrtObject *o) {   /* repr, or the pending exception */
    static char buf[8192];
    if (!o) {
        PyrtObject *e = Pyrt_ErrFetch();
        if (!e) return "NULL without exception";
        PyrtObject *s = Pyrt_Str(e);
        snprintf(buf, sizeof buf, "!%s: %s", e->type->name, s ? PyrtStr_UTF8(s) : "?");
        PYRT_XDECREF(s);
        PYRT_DECREF(e);
        return buf;
    }
    PyrtObject *r = Pyrt_Repr(o);
    if (!r) return describe(NULL);
    snprintf(buf, sizeof buf, "%s", PyrtStr_UTF8(r));
    PYRT_DECREF(r);
    return buf;
}

/* repr(o) == expect, or "!Type: message" for the pending exception when o is NULL */
static void expect_at(int line, PyrtObject *o, const char *expect) {
    const char *got = describe(o);
    if (strcmp(got, expect) != 0) {
        fprintf(stderr, "test_containers.c:%d: got\n    %s\n  expected\n    %s\n", line, got, expect);
        failures++;
    }
    Pyrt_ErrClear();
}
#define EXPECT(o, s) expect_at(__LINE__, (o), (s))
/* an int-returning call failed with this error */
static void expect_rc_at(int line, int rc, const char *expect) {
    if (rc != -1) {
        fprintf(stderr, "test_containers.c:%d: rc %d, expected failure %s\n", line, rc, expect);
        failures++;
        return;
    }
    expect_at(line, NULL, expect);
}
#define EXPECT_RC(rc, s) expect_rc_at(__LINE__, (rc), (s))
#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "test_containers.c:%d: CHECK failed: %s\n", __LINE__, #cond); \
            failures++;                                                               \
        }                                                                             \
    } while (0)

static PyrtObject *BIN(PyrtObject *a, PyrtObject *b, int op) { return K(Pyrt_BinaryOp(a, b, op)); }
static PyrtObject *CMP(PyrtObject *a, PyrtObject *b, int op) { return K(Pyrt_RichCompare(a, b, op)); }
static PyrtObject *GET(PyrtObject *o, PyrtObject *k) { return K(Pyrt_GetItem(o, k)); }
static PyrtObject *SL(PyrtObject *a, PyrtObject *b, PyrtObject *c) { return K(PyrtSlice_New(a, b, c)); }
#define N Pyrt_None

/* ================================================================== list */

static void test_list(void) {
    PyrtObject *l = LI(3, 1, 2, 3);
    EXPECT(l, "[1, 2, 3]");
    EXPECT(K(PyrtList_New(0)), "[]");
    EXPECT(L(3, I(1), S("a"), LI(1, 2)), "[1, 'a', [2]]");
    PyrtObject *rec = LI(1, 1);
    PyrtList_Append(rec, rec);
    EXPECT(rec, "[1, [...]]");
    PyrtList_Pop(rec, -1);   /* break the cycle (the popped reference is the list itself) */
    PYRT_DECREF(rec);

    EXPECT(K(PyrtList_GetItem(l, -1)), "3");
    EXPECT(K(PyrtList_GetItem(l, 3)), "!IndexError: list index out of range");
    EXPECT(K(PyrtList_GetItem(l, -4)), "!IndexError: list index out of range");
    EXPECT(GET(l, S("a")), "!TypeError: list indices must be integers or slices, not str");
    EXPECT(GET(l, F(1.5)), "!TypeError: list indices must be integers or slices, not float");
    EXPECT(GET(l, Pyrt_True), "2");
    EXPECT_RC(PyrtList_SetItem(l, 5, I(1)), "!IndexError: list assignment index out of range");
    EXPECT_RC(Pyrt_DelItem(l, I(5)), "!IndexError: list assignment index out of range");

    /* slices */
    PyrtObject *r = LI(10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    EXPECT(GET(r, SL(I(2), I(5), NULL)), "[2, 3, 4]");
    EXPECT(GET(r, SL(NULL, NULL, I(-1))), "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]");
    EXPECT(GET(r, SL(I(-3), NULL, NULL)), "[7, 8, 9]");
    EXPECT(GET(r, SL(I(8), I(2), I(-2))), "[8, 6, 4]");
    EXPECT(GET(r, SL(I(100), I(-100), I(-3))), "[9, 6, 3, 0]");
    EXPECT(GET(r, SL(NULL, NULL, I(0))), "!ValueError: slice step cannot be zero");
    EXPECT(GET(r, SL(S("a"), NULL, NULL)), "!TypeError: slice indices must be integers or None or have an __index__ method");
    EXPECT(K(PyrtList_GetSlice(r, 1, INT64_MAX, 3)), "[1, 4, 7]");
    EXPECT(K(PyrtList_GetSlice(r, INT64_MAX, INT64_MIN, -4)), "[9, 5, 1]");

    PyrtObject *a = LI(5, 0, 1, 2, 3, 4);
    CHECK(Pyrt_SetItem(a, SL(I(1), I(3), NULL), LI(3, 7, 8, 9)) == 0);
    EXPECT(a, "[0, 7, 8, 9, 3, 4]");
    CHECK(Pyrt_SetItem(a, SL(I(4), I(1), NULL), LI(1, 5)) == 0);   /* empty slice: insert at 4 */
    EXPECT(a, "[0, 7, 8, 9, 5, 3, 4]");
    CHECK(Pyrt_SetItem(a, SL(NULL, NULL, I(2)), LI(4, 10, 11, 12, 13)) == 0);
    EXPECT(a, "[10, 7, 11, 9, 12, 3, 13]");
    EXPECT_RC(Pyrt_SetItem(a, SL(NULL, NULL, I(2)), LI(3, 1, 2, 3)),
              "!ValueError: attempt to assign sequence of size 3 to extended slice of size 4");
    EXPECT_RC(Pyrt_SetItem(a, SL(NULL, NULL, I(2)), I(5)), "!TypeError: must assign iterable to extended slice");
    EXPECT_RC(Pyrt_SetItem(a, SL(I(0), I(1), NULL), I(5)), "!TypeError: can only assign an iterable");
    CHECK(Pyrt_DelItem(a, SL(NULL, NULL, I(-3))) == 0);
    EXPECT(a, "[7, 11, 12, 3]");
    CHECK(Pyrt_DelItem(a, SL(I(1), I(3), NULL)) == 0);
    EXPECT(a, "[7, 3]");
    CHECK(Pyrt_SetItem(a, SL(NULL, NULL, NULL), a) == 0);   /* a[:] = a */
    EXPECT(a, "[7, 3]");
    CHECK(Pyrt_SetItem(a, SL(I(1), I(1), NULL), a) == 0);   /* a[1:1] = a */
    EXPECT(a, "[7, 7, 3, 3]");
    CHECK(Pyrt_SetItem(a, SL(NULL, NULL, I(-1)), K(PyrtTuple_FromIterable(a))) == 0);
    EXPECT(a, "[3, 3, 7, 7]");

    /* operators */
    EXPECT(BIN(LI(2, 1, 2), LI(1, 3), PYRT_ADD), "[1, 2, 3]");
    EXPECT(BIN(LI(1, 1), I(1), PYRT_ADD), "!TypeError: can only concatenate list (not \"int\") to list");
    EXPECT(BIN(LI(1, 1), T(1, I(1)), PYRT_ADD), "!TypeError: can only concatenate list (not \"tuple\") to list");
    EXPECT(BIN(LI(2, 1, 2), I(3), PYRT_MUL), "[1, 2, 1, 2, 1, 2]");
    EXPECT(BIN(I(2), LI(1, 0), PYRT_MUL), "[0, 0]");
    EXPECT(BIN(LI(1, 1), I(-1), PYRT_MUL), "[]");
    EXPECT(BIN(LI(1, 1), F(1.5), PYRT_MUL), "!TypeError: can't multiply sequence by non-int of type 'float'");
    EXPECT(BIN(F(1.5), LI(1, 1), PYRT_MUL), "!TypeError: can't multiply sequence by non-int of type 'float'");
    EXPECT(BIN(LI(1, 1), LI(1, 1), PYRT_SUB), "!TypeError: unsupported operand type(s) for -: 'list' and 'list'");
    PyrtObject *x = LI(1, 1);
    EXPECT(BIN(x, T(2, I(2), I(3)), PYRT_ADD | PYRT_INPLACE), "[1, 2, 3]");
    EXPECT(x, "[1, 2, 3]");
    EXPECT(BIN(x, I(2), PYRT_MUL | PYRT_INPLACE), "[1, 2, 3, 1, 2, 3]");
    EXPECT(BIN(x, I(1), PYRT_ADD | PYRT_INPLACE), "!TypeError: 'int' object is not iterable");

    /* [[0] * 3] * 2 shares its rows */
    PyrtObject *grid = K(PyrtList_Repeat(L(1, K(PyrtList_Repeat(LI(1, 0), 3))), 2));
    CHECK(PyrtList_SetItem(K(PyrtList_GetItem(grid, 0)), 1, I(5)) == 0);
    EXPECT(grid, "[[0, 5, 0], [0, 5, 0]]");

    /* comparisons and membership */
    EXPECT(CMP(LI(2, 1, 2), LI(2, 1, 3), PYRT_LT), "True");
    EXPECT(CMP(LI(2, 1, 2), LI(1, 1), PYRT_GT), "True");
    EXPECT(CMP(LI(2, 1, 2), LI(2, 1, 2), PYRT_EQ), "True");
    EXPECT(CMP(LI(2, 1, 2), LI(2, 1, 2), PYRT_NE), "False");
    EXPECT(CMP(LI(0), LI(0), PYRT_LE), "True");
    EXPECT(CMP(L(1, I(1)), L(1, S("a")), PYRT_LT), "!TypeError: '<' not supported between instances of 'int' and 'str'");
    EXPECT(CMP(LI(0), I(1), PYRT_LT), "!TypeError: '<' not supported between instances of 'list' and 'int'");
    EXPECT(CMP(LI(0), K(PyrtTuple_New(0)), PYRT_EQ), "False");
    CHECK(Pyrt_Contains(l, I(2)) == 1);
    CHECK(Pyrt_Contains(l, F(3.0)) == 1);
    CHECK(Pyrt_Contains(l, S("2")) == 0);
    CHECK(Pyrt_IsTrue(l) == 1 && Pyrt_IsTrue(K(PyrtList_New(0))) == 0);
    CHECK(Pyrt_Len(l) == 3);

    /* constructor */
    EXPECT(C(TYPE(List), 0), "[]");
    EXPECT(C(TYPE(List), 1, T(2, I(1), I(2))), "[1, 2]");
    EXPECT(C(TYPE(List), 1, K(PyrtRange_New(0, 3, 1))), "[0, 1, 2]");
    EXPECT(C(TYPE(List), 1, I(1)), "!TypeError: 'int' object is not iterable");
    EXPECT(C(TYPE(List), 2, I(1), I(2)), "!TypeError: list expected at most 1 argument, got 2");

    /* methods */
    PyrtObject *m = LI(0);
    EXPECT(M(m, "append", 1, I(1)), "None");
    EXPECT(M(m, "append", 0), "!TypeError: list.append() takes exactly one argument (0 given)");
    EXPECT(MKW(m, "append", 1, "x", I(1)), "!TypeError: list.append() takes no keyword arguments");
    EXPECT(M(m, "extend", 1, K(PyrtRange_New(2, 5, 1))), "None");
    EXPECT(M(m, "extend", 1, I(1)), "!TypeError: 'int' object is not iterable");
    EXPECT(M(m, "insert", 2, I(0), I(9)), "None");
    EXPECT(M(m, "insert", 2, I(-1), I(8)), "None");
    EXPECT(M(m, "insert", 2, I(100), I(7)), "None");
    EXPECT(M(m, "insert", 1, I(1)), "!TypeError: insert expected 2 arguments, got 1");
    EXPECT(M(m, "insert", 2, F(1.5), I(1)), "!TypeError: 'float' object cannot be interpreted as an integer");
    EXPECT(m, "[9, 1, 2, 3, 8, 4, 7]");
    EXPECT(M(m, "pop", 0), "7");
    EXPECT(M(m, "pop", 1, I(0)), "9");
    EXPECT(M(m, "pop", 1, I(10)), "!IndexError: pop index out of range");
    EXPECT(M(m, "pop", 2, I(1), I(2)), "!TypeError: pop expected at most 1 argument, got 2");
    EXPECT(M(LI(0), "pop", 0), "!IndexError: pop from empty list");
    EXPECT(M(m, "remove", 1, I(8)), "None");
    EXPECT(M(m, "remove", 1, I(8)), "!ValueError: list.remove(x): x not in list");
    EXPECT(m, "[1, 2, 3, 4]");
    EXPECT(M(m, "index", 1, I(3)), "2");
    EXPECT(M(m, "index", 1, I(5)), "!ValueError: 5 is not in list");
    EXPECT(M(m, "index", 1, S("a")), "!ValueError: 'a' is not in list");
    EXPECT(M(m, "index", 2, I(1), I(1)), "!ValueError: 1 is not in list");
    EXPECT(M(m, "index", 3, I(3), I(-3), I(-1)), "2");
    EXPECT(M(m, "index", 2, I(1), S("a")), "!TypeError: slice indices must be integers or have an __index__ method");
    EXPECT(M(m, "index", 0), "!TypeError: index expected at least 1 argument, got 0");
    EXPECT(M(LI(5, 1, 2, 1, 1, 3), "count", 1, I(1)), "3");
    EXPECT(M(m, "count", 0), "!TypeError: list.count() takes exactly one argument (0 given)");
    EXPECT(M(m, "reverse", 0), "None");
    EXPECT(m, "[4, 3, 2, 1]");
    EXPECT(M(m, "reverse", 1, I(1)), "!TypeError: list.reverse() takes no arguments (1 given)");
    PyrtObject *c = M(m, "copy", 0);
    EXPECT(M(m, "clear", 0), "None");
    EXPECT(m, "[]");
    EXPECT(c, "[4, 3, 2, 1]");
    EXPECT(M(c, "copy", 1, I(1)), "!TypeError: list.copy() takes no arguments (1 given)");
}

static PyrtObject *first_item(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw) {
    (void)self; (void)nargs; (void)kw;
    return PyrtTuple_GetItem(args[0], 0);
}

static void test_sort(void) {
    PyrtObject *l = LI(8, 5, 2, 9, 1, 5, 6, -3, 0);
    EXPECT(M(l, "sort", 0), "None");
    EXPECT(l, "[-3, 0, 1, 2, 5, 5, 6, 9]");
    EXPECT(MKW(l, "sort", 1, "reverse", Pyrt_True), "None");
    EXPECT(l, "[9, 6, 5, 5, 2, 1, 0, -3]");
    EXPECT(MKW(l, "sort", 1, "key", Pyrt_GetBuiltin("abs")), "None");
    EXPECT(l, "[0, 1, 2, -3, 5, 5, 6, 9]");
    EXPECT(M(l, "sort", 1, I(1)), "!TypeError: sort() takes no positional arguments");
    EXPECT(MKW(l, "sort", 1, "foo", I(1)), "!TypeError: 'foo' is an invalid keyword argument for sort()");
    EXPECT(MKW(l, "sort", 1, "reverse", N), "!TypeError: 'NoneType' object cannot be interpreted as an integer");

    /* stability, with and without reverse: sort pairs by their first item only */
    PyrtObject *pairs = K(PyrtList_New(0));
    int keys[] = {3, 1, 2, 1, 3, 2, 1, 3, 2, 2, 1, 3, 0, 1, 2, 3, 0, 1, 2, 3, 1, 1};
    int n = (int)(sizeof keys / sizeof keys[0]);
    for (int i = 0; i < n; i++) PyrtList_Append(pairs, T(2, I(keys[i]), I(i)));
    PyrtObject *first = K(PyrtBuiltin_New("first", first_item, NULL));
    EXPECT(K(PyrtList_Sorted(pairs, first, 1)),
           "[(3, 0), (3, 4), (3, 7), (3, 11), (3, 15), (3, 19), (2, 2), (2, 5), (2, 8), (2, 9), (2, 14), (2, 18), "
           "(1, 1), (1, 3), (1, 6), (1, 10), (1, 13), (1, 17), (1, 20), (1, 21), (0, 12), (0, 16)]");
    PyrtObject *s1 = K(PyrtList_Sorted(pairs, first, 0));
    EXPECT(s1, "[(0, 12), (0, 16), (1, 1), (1, 3), (1, 6), (1, 10), (1, 13), (1, 17), (1, 20), (1, 21), "
               "(2, 2), (2, 5), (2, 8), (2, 9), (2, 14), (2, 18), (3, 0), (3, 4), (3, 7), (3, 11), (3, 15), (3, 19)]");
    /* a key of equal values keeps the input order (stable), also reversed */
    PyrtObject *same = LI(6, 4, 1, 3, 1, 2, 9);
    EXPECT(K(PyrtList_Sorted(same, Pyrt_GetBuiltin("bool"), 0)), "[4, 1, 3, 1, 2, 9]");
    EXPECT(K(PyrtList_Sorted(same, Pyrt_GetBuiltin("bool"), 1)), "[4, 1, 3, 1, 2, 9]");
    EXPECT(K(PyrtList_Sorted(L(4, I(0), I(1), Pyrt_False, Pyrt_True), NULL, 1)), "[1, True, 0, False]");
    EXPECT(K(PyrtList_Sorted(L(4, I(1), Pyrt_True, I(0), Pyrt_False), NULL, 0)), "[0, False, 1, True]");
    EXPECT(K(PyrtList_Sorted(L(4, S("b"), S("a"), S("c"), S("a")), NULL, 0)), "['a', 'a', 'b', 'c']");

    /* errors propagate; the list keeps all its elements */
    PyrtObject *mixed = L(5, I(3), S("a"), I(1), S("b"), I(2));
    EXPECT(M(mixed, "sort", 0), "!TypeError: '<' not supported between instances of 'str' and 'int'");
    CHECK(PyrtList_Len(mixed) == 5);
    EXPECT(K(PyrtList_Sorted(L(2, I(1), S("a")), NULL, 0)), "!TypeError: '<' not supported between instances of 'str' and 'int'");
    EXPECT(K(PyrtList_Sorted(LI(2, 1, 2), Pyrt_GetBuiltin("len"), 0)), "!TypeError: object of type 'int' has no len()");
    /* a long list with an error in a late merge */
    PyrtObject *big = K(PyrtList_New(0));
    for (int i = 0; i < 100; i++) PyrtList_Append(big, I((i * 37) % 101));
    PyrtList_Append(big, S("x"));
    for (int i = 0; i < 100; i++) PyrtList_Append(big, I((i * 53) % 103));
    CHECK(PyrtList_Sort(big, NULL, 0) == -1);
    Pyrt_ErrClear();
    CHECK(PyrtList_Len(big) == 201);
    int64_t total = 0, strs = 0;
    for (int i = 0; i < 201; i++) {
        PyrtObject *v = ((PyrtList *)big)->ob_item[i];
        if (v->type == &PyrtType_Str) strs++; else total += PyrtInt_AsI64(v);
    }
    int64_t expect_total = 0;
    for (int i = 0; i < 100; i++) expect_total += (i * 37) % 101 + (i * 53) % 103;
    CHECK(strs == 1 && total == expect_total);
    /* a long random list sorts like CPython */
    PyrtObject *rl = K(PyrtList_New(0));
    uint32_t seed = 12345;
    for (int i = 0; i < 500; i++) {
        seed = seed * 1103515245u + 12345u;
        PyrtList_Append(rl, I((seed >> 16) % 1000));
    }
    CHECK(PyrtList_Sort(rl, NULL, 0) == 0);
    for (int i = 1; i < 500; i++)
        CHECK(PyrtInt_AsI64(((PyrtList *)rl)->ob_item[i - 1]) <= PyrtInt_AsI64(((PyrtList *)rl)->ob_item[i]));
}

/* ================================================================== tuple */

static void test_tuple(void) {
    PyrtObject *t = T(3, I(1), S("a"), LI(1, 2));
    EXPECT(t, "(1, 'a', [2])");
    EXPECT(T(1, I(1)), "(1,)");
    EXPECT(K(PyrtTuple_New(0)), "()");
    CHECK(PyrtTuple_New(0) == PyrtTuple_Empty());
    EXPECT(K(PyrtTuple_GetItem(t, -1)), "[2]");
    EXPECT(K(PyrtTuple_GetItem(t, 3)), "!IndexError: tuple index out of range");
    EXPECT(GET(t, S("a")), "!TypeError: tuple indices must be integers or slices, not str");
    EXPECT(GET(t, SL(NULL, NULL, I(-1))), "([2], 'a', 1)");
    EXPECT(GET(t, SL(I(1), NULL, NULL)), "('a', [2])");
    CHECK(GET(t, SL(NULL, NULL, NULL)) == t);
    EXPECT(BIN(T(1, I(1)), T(1, I(2)), PYRT_ADD), "(1, 2)");
    EXPECT(BIN(T(1, I(1)), LI(1, 1), PYRT_ADD), "!TypeError: can only concatenate tuple (not \"list\") to tuple");
    EXPECT(BIN(T(2, I(1), I(2)), I(2), PYRT_MUL), "(1, 2, 1, 2)");
    EXPECT(BIN(T(1, I(1)), S("a"), PYRT_MUL), "!TypeError: can't multiply sequence by non-int of type 'str'");
    EXPECT(CMP(T(2, I(1), I(2)), T(2, I(1), I(3)), PYRT_LT), "True");
    EXPECT(CMP(T(2, I(1), I(2)), T(1, I(1)), PYRT_GE), "True");
    EXPECT(CMP(T(1, I(1)), LI(1, 1), PYRT_LT), "!TypeError: '<' not supported between instances of 'tuple' and 'list'");
    CHECK(Pyrt_Contains(t, S("a")) == 1 && Pyrt_Contains(t, S("b")) == 0);
    /* CPython 3.11 hashes */
    CHECK(Pyrt_Hash(T(2, I(1), I(2))) == -3550055125485641917LL);
    CHECK(Pyrt_Hash(K(PyrtTuple_New(0))) == 5740354900026072187LL);
    CHECK(Pyrt_Hash(T(1, I(1))) == -6644214454873602895LL);
    CHECK(Pyrt_Hash(T(2, T(2, I(1), I(2)), T(2, I(3), I(4)))) == -1467267874458550984LL);
    CHECK(Pyrt_Hash(T(3, I(-1), I(1099511627776LL), F(1.5))) == 2283247195082756086LL);
    EXPECT(K(Pyrt_Hash(T(1, LI(0))) == -1 ? NULL : Pyrt_None), "!TypeError: unhashable type: 'list'");
    EXPECT(M(T(4, I(1), I(2), I(1), I(1)), "count", 1, I(1)), "3");
    EXPECT(M(T(2, I(1), I(2)), "index", 1, I(2)), "1");
    EXPECT(M(T(2, I(1), I(2)), "index", 1, I(3)), "!ValueError: tuple.index(x): x not in tuple");
    EXPECT(M(T(2, I(1), I(2)), "index", 0), "!TypeError: index expected at least 1 argument, got 0");
    EXPECT(C(TYPE(Tuple), 1, LI(2, 1, 2)), "(1, 2)");
    CHECK(C(TYPE(Tuple), 1, t) == t);
    EXPECT(C(TYPE(Tuple), 0), "()");
    EXPECT(C(TYPE(Tuple), 2, I(1), I(2)), "!TypeError: tuple expected at most 1 argument, got 2");
}

/* ================================================================== dict */

static void test_dict(void) {
    PyrtObject *d = K(PyrtDict_New());
    EXPECT(d, "{}");
    for (int i = 0; i < 20; i++) PyrtDict_SetItem(d, I(i * 7 % 20), I(i));
    CHECK(PyrtDict_Size(d) == 20);
    for (int i = 0; i < 20; i += 2) CHECK(PyrtDict_DelItem(d, I(i)) == 0);
    PyrtDict_SetItem(d, I(0), S("zero"));
    PyrtDict_SetItem(d, I(7), S("seven"));   /* existing key keeps its place */
    EXPECT(d, "{7: 'seven', 1: 3, 15: 5, 9: 7, 3: 9, 17: 11, 11: 13, 5: 15, 19: 17, 13: 19, 0: 'zero'}");
    EXPECT(GET(d, I(4)), "!KeyError: 4");
    EXPECT(GET(d, S("x")), "!KeyError: 'x'");
    EXPECT(GET(d, LI(0)), "!TypeError: unhashable type: 'list'");
    EXPECT(GET(d, F(9.0)), "7");
    EXPECT(GET(d, Pyrt_True), "3");
    EXPECT_RC(PyrtDict_DelItem(d, I(4)), "!KeyError: 4");
    PyrtObject *k = K(PyrtDict_New());
    PyrtDict_SetItem(k, T(2, I(1), I(2)), I(1));
    EXPECT(GET(k, T(2, I(3), I(4))), "!KeyError: (3, 4)");
    PyrtObject *e = K(PyrtDict_New());
    PyrtDict_SetItem(e, I(1), S("a"));
    PyrtDict_SetItem(e, F(1.0), S("b"));
    EXPECT(e, "{1: 'b'}");
    PyrtDict_SetItemStr(e, "key", e);
    EXPECT(e, "{1: 'b', 'key': {...}}");
    CHECK(PyrtDict_GetItemStr(e, "key") == e);
    CHECK(PyrtDict_GetItemStr(e, "nokey") == NULL);
    PyrtDict_Clear(e);   /* break the cycle */
    CHECK(Pyrt_Contains(d, I(19)) == 1 && Pyrt_Contains(d, I(18)) == 0);

    /* methods */
    PyrtObject *m = K(PyrtDict_New());
    PyrtDict_SetItem(m, S("a"), I(1));
    PyrtDict_SetItem(m, S("b"), I(2));
    EXPECT(M(m, "get", 1, S("a")), "1");
    EXPECT(M(m, "get", 1, S("z")), "None");
    EXPECT(M(m, "get", 2, S("z"), I(0)), "0");
    EXPECT(M(m, "get", 0), "!TypeError: get expected at least 1 argument, got 0");
    EXPECT(M(m, "get", 3, I(1), I(2), I(3)), "!TypeError: get expected at most 2 arguments, got 3");
    EXPECT(MKW(m, "get", 1, "x", I(1)), "!TypeError: dict.get() takes no keyword arguments");
    EXPECT(M(m, "setdefault", 2, S("c"), I(3)), "3");
    EXPECT(M(m, "setdefault", 2, S("a"), I(9)), "1");
    EXPECT(M(m, "setdefault", 1, S("n")), "None");
    EXPECT(M(m, "pop", 1, S("n")), "None");
    EXPECT(M(m, "pop", 1, S("n")), "!KeyError: 'n'");
    EXPECT(M(m, "pop", 2, S("n"), I(5)), "5");
    EXPECT(M(m, "keys", 0), "dict_keys(['a', 'b', 'c'])");
    EXPECT(M(m, "values", 0), "dict_values([1, 2, 3])");
    EXPECT(M(m, "items", 0), "dict_items([('a', 1), ('b', 2), ('c', 3)])");
    EXPECT(M(m, "keys", 1, I(1)), "!TypeError: dict.keys() takes no arguments (1 given)");
    EXPECT(M(m, "popitem", 0), "('c', 3)");
    EXPECT(MKW(m, "update", 2, "x", I(10), "a", I(11)), "None");
    EXPECT(m, "{'a': 11, 'b': 2, 'x': 10}");
    EXPECT(M(m, "update", 1, L(2, T(2, S("y"), I(1)), LI(2, 5, 6))), "None");
    EXPECT(m, "{'a': 11, 'b': 2, 'x': 10, 'y': 1, 5: 6}");
    EXPECT(M(m, "update", 1, L(1, T(3, I(1), I(2), I(3)))),
           "!ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    EXPECT(M(m, "update", 1, L(2, T(2, I(1), I(2)), I(1))),
           "!TypeError: cannot convert dictionary update sequence element #1 to a sequence");
    EXPECT(M(m, "update", 1, I(1)), "!TypeError: 'int' object is not iterable");
    EXPECT(M(m, "update", 2, m, m), "!TypeError: update expected at most 1 argument, got 2");
    PyrtObject *cp = M(m, "copy", 0);
    EXPECT(M(m, "clear", 0), "None");
    EXPECT(m, "{}");
    EXPECT(cp, "{'a': 11, 'b': 2, 'x': 10, 'y': 1, 5: 6, 1: 2}");
    EXPECT(M(m, "popitem", 0), "!KeyError: 'popitem(): dictionary is empty'");
    EXPECT(M(m, "fromkeys", 2, S("abc"), I(0)), "{'a': 0, 'b': 0, 'c': 0}");
    EXPECT(K(PyrtDict_FromKeys(LI(2, 1, 2), NULL)), "{1: None, 2: None}");
    EXPECT(M(m, "fromkeys", 0), "!TypeError: fromkeys expected at least 1 argument, got 0");

    /* constructor */
    EXPECT(C(TYPE(Dict), 1, L(2, T(2, I(1), I(2)), T(2, I(3), I(4)))), "{1: 2, 3: 4}");
    EXPECT(C(TYPE(Dict), 1, cp), "{'a': 11, 'b': 2, 'x': 10, 'y': 1, 5: 6, 1: 2}");
    EXPECT(C(TYPE(Dict), 1, L(1, T(3, I(1), I(2), I(3)))),
           "!ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    EXPECT(C(TYPE(Dict), 1, LI(1, 1)), "!TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    EXPECT(C(TYPE(Dict), 2, I(1), I(2)), "!TypeError: dict expected at most 1 argument, got 2");
    EXPECT(C(TYPE(Dict), 1, L(1, S("ab"))), "{'a': 'b'}");
    PyrtObject *kwv[2] = {I(1), I(2)};
    PyrtObject *kwn = T(2, S("x"), S("y"));
    EXPECT(K(Pyrt_Call(TYPE(Dict), kwv, 0, kwn)), "{'x': 1, 'y': 2}");

    /* operators and comparisons */
    PyrtObject *a = C(TYPE(Dict), 1, L(2, T(2, I(1), I(2)), T(2, I(3), I(4))));
    PyrtObject *b = C(TYPE(Dict), 1, L(2, T(2, I(3), I(5)), T(2, I(6), I(7))));
    EXPECT(BIN(a, b, PYRT_OR), "{1: 2, 3: 5, 6: 7}");
    EXPECT(BIN(a, LI(0), PYRT_OR), "!TypeError: unsupported operand type(s) for |: 'dict' and 'list'");
    EXPECT(CMP(a, K(PyrtDict_Copy(a)), PYRT_EQ), "True");
    EXPECT(CMP(a, b, PYRT_EQ), "False");
    EXPECT(CMP(a, b, PYRT_NE), "True");
    EXPECT(CMP(a, b, PYRT_LT), "!TypeError: '<' not supported between instances of 'dict' and 'dict'");
    PyrtObject *pyrt_hash_dummy = K(Pyrt_Hash(a) == -1 ? NULL : Pyrt_None);
    EXPECT(pyrt_hash_dummy, "!TypeError: unhashable type: 'dict'");

    /* iteration */
    EXPECT(C(TYPE(List), 1, a), "[1, 3]");
    EXPECT(C(TYPE(List), 1, K(PyrtDict_Items(a))), "[(1, 2), (3, 4)]");
    EXPECT(C(TYPE(List), 1, K(PyrtReversed_New(a))), "[3, 1]");
    EXPECT(C(TYPE(List), 1, K(PyrtReversed_New(K(PyrtDict_Values(a))))), "[4, 2]");
    PyrtObject *it = K(Pyrt_GetIter(a));
    EXPECT(K(Pyrt_IterNext(it)), "1");
    PyrtDict_SetItem(a, I(9), I(9));
    EXPECT(K(Pyrt_IterNext(it)), "!RuntimeError: dictionary changed size during iteration");
    EXPECT(K(Pyrt_IterNext(it)), "!RuntimeError: dictionary changed size during iteration");
    it = K(Pyrt_GetIter(a));
    EXPECT(K(Pyrt_IterNext(it)), "1");
    PyrtDict_DelItem(a, I(9));
    PyrtDict_SetItem(a, I(10), I(10));
    EXPECT(K(Pyrt_IterNext(it)), "3");
    EXPECT(K(Pyrt_IterNext(it)), "10");
    CHECK(Pyrt_IterNext(it) == NULL && !Pyrt_ErrOccurred());
    EXPECT(K(PyrtDict_Keys(a)), "dict_keys([1, 3, 10])");
    PyrtObject *b2 = K(PyrtDict_Copy(b));   /* {3: 5, 6: 7} */
    it = K(Pyrt_GetIter(b2));
    EXPECT(K(Pyrt_IterNext(it)), "3");
    PyrtDict_DelItem(b2, I(3));
    PyrtDict_SetItem(b2, I(5), I(5));
    EXPECT(K(Pyrt_IterNext(it)), "6");
    EXPECT(K(Pyrt_IterNext(it)), "!RuntimeError: dictionary keys changed during iteration");

    /* views */
    PyrtObject *keys = K(PyrtDict_Keys(a));
    CHECK(Pyrt_Len(keys) == 3);
    CHECK(Pyrt_Contains(keys, I(3)) == 1 && Pyrt_Contains(keys, I(4)) == 0);
    PyrtObject *items = K(PyrtDict_Items(a));
    CHECK(Pyrt_Contains(items, T(2, I(3), I(4))) == 1 && Pyrt_Contains(items, T(2, I(3), I(5))) == 0);
    CHECK(Pyrt_Contains(K(PyrtDict_Values(a)), I(10)) == 1);
    EXPECT(BIN(keys, K(PyrtSet_FromIterable(LI(2, 3, 4))), PYRT_AND), "{3}");
    EXPECT(BIN(keys, LI(2, 3, 4), PYRT_OR), "{1, 10, 3, 4}");
    EXPECT(BIN(keys, LI(2, 1, 3), PYRT_SUB), "{10}");
    EXPECT(BIN(keys, LI(2, 3, 4), PYRT_XOR), "{1, 10, 4}");
    EXPECT(CMP(keys, K(PyrtSet_FromIterable(LI(3, 10, 3, 1))), PYRT_EQ), "True");
    EXPECT(M(keys, "isdisjoint", 1, LI(2, 4, 5)), "True");
    EXPECT(K(PyrtDict_Values(K(PyrtDict_New()))), "dict_values([])");
}

/* ================================================================== set */

static PyrtObject *set_of_ints(int n, const int64_t *v) {
    PyrtObject *s = K(PyrtSet_New());
    for (int i = 0; i < n; i++) PyrtSet_Add(s, I(v[i]));
    return s;
}

static void test_set(void) {
    PyrtObject *items[6] = {I(5), I(3), I(100), I(-1), I(1024), I(33)};
    EXPECT(K(PyrtSet_FromConstants(items, 6)), "{1024, 33, 3, 100, 5, -1}");
    EXPECT(K(PyrtSet_FromArray(items, 6)), "{1024, 33, 3, 100, 5, -1}");
    PyrtObject *tups[4] = {T(2, I(1), I(2)), T(2, I(3), I(4)), T(2, I(5), I(6)), T(2, I(0), I(0))};
    EXPECT(K(PyrtSet_FromConstants(tups, 4)), "{(1, 2), (3, 4), (5, 6), (0, 0)}");
    /* constant set displays: CPython folds them into a frozenset first (another table size) */
    PyrtObject *c1[5] = {I(8), I(56), I(80), I(151), I(0)};
    EXPECT(K(PyrtSet_FromConstants(c1, 5)), "{0, 80, 151, 8, 56}");
    EXPECT(K(PyrtSet_FromArray(c1, 5)), "{0, 8, 80, 151, 56}");
    PyrtObject *c2[6] = {I(84), I(80), I(80), I(-35), I(197), I(28)};
    EXPECT(K(PyrtSet_FromConstants(c2, 6)), "{80, 84, 197, 28, -35}");
    EXPECT(K(PyrtFrozenSet_FromConstants(c2, 6)), "frozenset({197, 80, 84, 28, -35})");   /* for x in {...} */
    int64_t big[4] = {1099511627776LL, 2199023255552LL, 3, 1099511627777LL};
    EXPECT(set_of_ints(4, big), "{1099511627776, 2199023255552, 3, 1099511627777}");
    PyrtObject *r20 = K(PyrtSet_FromIterable(K(PyrtRange_New(0, 20, 1))));
    EXPECT(BIN(r20, K(PyrtSet_FromArray(&items[1], 1)), PYRT_SUB),
           "{0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}");
    PyrtObject *comp = K(PyrtSet_New());
    for (int i = 0; i < 30; i++) PyrtSet_Add(comp, I(i * i % 37));
    EXPECT(comp, "{0, 1, 3, 4, 7, 9, 10, 11, 12, 16, 21, 25, 26, 27, 28, 30, 33, 34, 36}");

    /* frozenset, repr, operators, comparisons */
    PyrtObject *f = C(TYPE(FrozenSet), 1, LI(3, 3, 1, 2));
    EXPECT(f, "frozenset({1, 2, 3})");
    EXPECT(C(TYPE(FrozenSet), 0), "frozenset()");
    EXPECT(C(TYPE(Set), 0), "set()");
    PyrtObject *s9 = C(TYPE(Set), 1, LI(1, 9));
    EXPECT(BIN(f, s9, PYRT_OR), "frozenset({1, 2, 3, 9})");
    EXPECT(BIN(s9, f, PYRT_OR), "{9, 2, 3, 1}");
    EXPECT(M(f, "union", 1, LI(1, 4)), "frozenset({1, 2, 3, 4})");
    CHECK(M(f, "copy", 0) == f);
    CHECK(C(TYPE(FrozenSet), 1, f) == f);
    EXPECT(M(f, "add", 1, I(1)), "!AttributeError: 'frozenset' object has no attribute 'add'");
    EXPECT(BIN(s9, LI(1, 1), PYRT_OR), "!TypeError: unsupported operand type(s) for |: 'set' and 'list'");
    PyrtObject *s123 = C(TYPE(Set), 1, LI(3, 1, 2, 3));
    EXPECT(BIN(s123, C(TYPE(Set), 1, LI(3, 2, 3, 4)), PYRT_AND), "{2, 3}");
    EXPECT(BIN(s123, C(TYPE(Set), 1, LI(2, 2, 5)), PYRT_XOR), "{1, 3, 5}");
    EXPECT(M(s123, "intersection", 2, LI(2, 2, 3), T(1, I(3))), "{3}");
    EXPECT(M(s123, "isdisjoint", 1, LI(1, 7)), "True");
    EXPECT(CMP(C(TYPE(Set), 1, LI(1, 1)), s123, PYRT_LT), "True");
    EXPECT(CMP(s123, s123, PYRT_LE), "True");
    EXPECT(CMP(s123, s123, PYRT_LT), "False");
    EXPECT(CMP(s123, C(TYPE(FrozenSet), 1, LI(3, 3, 2, 1)), PYRT_EQ), "True");
    EXPECT(CMP(s123, LI(1, 1), PYRT_LT), "!TypeError: '<' not supported between instances of 'set' and 'list'");
    EXPECT(M(s123, "issubset", 1, LI(4, 1, 2, 3, 4)), "True");
    EXPECT(M(s123, "issuperset", 1, LI(1, 2)), "True");
    EXPECT(M(s123, "issubset", 0), "!TypeError: set.issubset() takes exactly one argument (0 given)");
    EXPECT(M(s123, "union", 1, I(1)), "!TypeError: 'int' object is not iterable");

    /* hashes (CPython 3.11) */
    CHECK(Pyrt_Hash(C(TYPE(FrozenSet), 1, LI(2, 1, 2))) == -1826646154956904602LL);
    CHECK(Pyrt_Hash(C(TYPE(FrozenSet), 0)) == 133146708735736LL);
    CHECK(Pyrt_Hash(C(TYPE(FrozenSet), 1, L(2, T(2, I(1), I(2)), T(2, I(3), I(4))))) == 4486445898448503724LL);
    CHECK(Pyrt_Hash(C(TYPE(FrozenSet), 1, K(PyrtRange_New(0, 100, 1)))) == 4411996150312757951LL);
    EXPECT(K(Pyrt_Hash(s123) == -1 ? NULL : Pyrt_None), "!TypeError: unhashable type: 'set'");

    /* element operations */
    PyrtObject *s = C(TYPE(Set), 1, LI(2, 1, 2));
    EXPECT(M(s, "remove", 1, I(5)), "!KeyError: 5");
    EXPECT(M(s, "remove", 1, T(2, I(1), I(2))), "!KeyError: (1, 2)");
    EXPECT(M(s, "add", 1, LI(0)), "!TypeError: unhashable type: 'list'");
    EXPECT(M(s, "add", 0), "!TypeError: set.add() takes exactly one argument (0 given)");
    EXPECT(M(s, "discard", 1, I(1)), "None");
    EXPECT(M(s, "pop", 0), "2");
    EXPECT(M(s, "pop", 0), "!KeyError: 'pop from an empty set'");
    PyrtObject *fs = K(PyrtSet_New());
    PyrtSet_Add(fs, C(TYPE(FrozenSet), 1, LI(1, 1)));
    CHECK(Pyrt_Contains(fs, C(TYPE(Set), 1, LI(1, 1))) == 1);
    EXPECT(C(TYPE(Set), 2, I(1), I(2)), "!TypeError: set expected at most 1 argument, got 2");
    EXPECT(C(TYPE(Set), 1, I(1)), "!TypeError: 'int' object is not iterable");
    PyrtObject *one = I(1), *kwn = T(1, S("x"));
    EXPECT(K(Pyrt_Call(TYPE(Set), &one, 0, kwn)), "!TypeError: set() takes no keyword arguments");

    /* iteration */
    PyrtObject *it = K(Pyrt_GetIter(s123));
    EXPECT(K(Pyrt_IterNext(it)), "1");
    PyrtSet_Add(s123, I(7));
    EXPECT(K(Pyrt_IterNext(it)), "!RuntimeError: Set changed size during iteration");
    EXPECT(K(Pyrt_IterNext(it)), "!RuntimeError: Set changed size during iteration");
}

/* Scripts of set operations (see set_order_cases): each output line must match CPython's. */
static PyrtObject *script_val(const char *tok) {
    if (tok[0] == 't' && tok[1] == ':') {
        PyrtObject *t = K(PyrtList_New(0));
        const char *p = tok + 2;
        while (*p) {
            char *end;
            PyrtList_Append(t, I(strtoll(p, &end, 10)));
            p = *end == ',' ? end + 1 : end;
        }
        return K(PyrtTuple_FromIterable(t));
    }
    if (tok[0] == 'f' && tok[1] == ':') return F(strtod(tok + 2, NULL));
    if (strcmp(tok, "T") == 0) return Pyrt_True;
    if (strcmp(tok, "F") == 0) return Pyrt_False;
    return I(strtoll(tok, NULL, 10));
}

static const char *script_describe(PyrtObject *o) {   /* like the generator: ERR Type repr(e) */
    static char buf[8192];
    if (o) return describe(o);
    PyrtObject *e = Pyrt_ErrFetch();
    PyrtObject *r = e ? Pyrt_Repr(e) : NULL;
    snprintf(buf, sizeof buf, "ERR %s %s", e ? e->type->name : "?", r ? PyrtStr_UTF8(r) : "?");
    PYRT_XDECREF(r);
    PYRT_XDECREF(e);
    return buf;
}

static void script_out(char **out, size_t *n, const char *s) {
    size_t len = strlen(s);
    *out = realloc(*out, *n + len + 2);
    memcpy(*out + *n, s, len);
    (*out)[*n + len] = '\n';
    *n += len + 1;
    (*out)[*n] = 0;
}

static void script_line(PyrtObject **reg, char **tk, int nt, char **out, size_t *n) {
    const char *op = tk[0];
    int r = atoi(tk[1]);
    PyrtObject *v[2000];
    for (int i = 0; i < nt - 2 && i < 2000; i++) v[i] = NULL;
    if (!strcmp(op, "new")) reg[r] = K(PyrtSet_New());
    else if (!strcmp(op, "const") || !strcmp(op, "build") || !strcmp(op, "fromlist")) {
        for (int i = 2; i < nt; i++) v[i - 2] = script_val(tk[i]);
        if (op[0] == 'c') reg[r] = K(PyrtSet_FromConstants(v, nt - 2));
        else if (op[0] == 'b') reg[r] = K(PyrtSet_FromArray(v, nt - 2));
        else reg[r] = K(PyrtSet_FromIterable(K(PyrtList_FromArray(v, nt - 2))));
    } else if (!strcmp(op, "range")) {
        reg[r] = K(PyrtSet_FromIterable(K(PyrtRange_New(atoll(tk[2]), atoll(tk[3]), atoll(tk[4])))));
    } else if (!strcmp(op, "add") || !strcmp(op, "discard")) {
        for (int i = 2; i < nt; i++) {
            if (!M(reg[r], op, 1, script_val(tk[i]))) { script_out(out, n, script_describe(NULL)); break; }
        }
    } else if (!strcmp(op, "pop") || !strcmp(op, "print")) {
        script_out(out, n, script_describe(op[0] == 'p' && op[1] == 'o' ? M(reg[r], "pop", 0) : reg[r]));
    } else if (!strcmp(op, "hash")) {
        int64_t h = Pyrt_Hash(reg[r]);
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)h);
        script_out(out, n, h == -1 ? script_describe(NULL) : buf);
    } else if (!strcmp(op, "copy")) reg[r] = M(reg[atoi(tk[2])], "copy", 0);
    else if (!strcmp(op, "frozen")) reg[r] = C(TYPE(FrozenSet), 1, reg[atoi(tk[2])]);
    else if (!strcmp(op, "bin") || !strcmp(op, "ibin")) {
        int o = !strcmp(tk[2], "|") ? PYRT_OR : !strcmp(tk[2], "&") ? PYRT_AND : !strcmp(tk[2], "-") ? PYRT_SUB : PYRT_XOR;
        PyrtObject *a = reg[atoi(tk[3])], *b = reg[atoi(tk[4])];
        /* in-place forms through the slot (a set mutates, a frozenset makes a new one) */
        PyrtObject *res = K(a->type->binop(a, b, o | (op[0] == 'i' ? PYRT_INPLACE : 0)));
        if (!res) script_out(out, n, script_describe(NULL));
        else reg[r] = res;
    } else if (!strcmp(op, "meth") || !strcmp(op, "meths")) {
        PyrtObject *arg;
        if (op[4] == 's') {
            arg = reg[atoi(tk[4])];
        } else {
            for (int i = 4; i < nt; i++) v[i - 4] = script_val(tk[i]);
            arg = K(PyrtList_FromArray(v, nt - 4));
        }
        PyrtObject *res = M(reg[atoi(tk[3])], tk[2], 1, arg);
        if (r < 0 || !res) script_out(out, n, script_describe(res));
        else reg[r] = res;
    }
}

static void run_set_script(int index, const char *script, const char *expect) {
    PyrtObject *reg[10] = {0};
    char *copy = strdup(script), *out = calloc(1, 1), *save = NULL;
    size_t n = 0;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *tk[2100], *s2 = NULL;
        int nt = 0;
        for (char *p = strtok_r(line, " ", &s2); p && nt < 2100; p = strtok_r(NULL, " ", &s2)) tk[nt++] = p;
        if (nt >= 2) script_line(reg, tk, nt, &out, &n);
    }
    if (strcmp(out, expect) != 0) {
        fprintf(stderr, "set script %d differs from CPython:\n--- got\n%s--- expected\n%s", index, out, expect);
        failures++;
    }
    free(copy);
    free(out);
}

static const char *const set_order_cases[][2] = {
  {
    "build 0 37 41 15 -4 53 14 9 2 42 2 22 -1 40 34 -6 2 -10 33 7 17 -3 13 4 57\n"
    "meths 3 symmetric_difference 0 0\n"
    "const 0 f:-3.5 2 t: 4 3712 t: 32 -192 f:-3.5\n"
    "meth -1 difference_update 3 32 F 72 f:-3.5 0 2 T t:5 t:4 4096 t:0,1,2 f:12.5 -2 20 46 -2 28 -1 1 26 t:0,1,3 1 32 t:5,4 f:10.5 768 9\n"
    "add 3 t: t:2,4,2 -10 t:1,3,2 -48 1152 -128 4398046511101 t:5,3 21 46 t: 3 896 3 56 f:2.5 t:4 f:15.5 f:1.0 7 1 t:1,5\n"
    "add 3 27 41 15 13 54 3 30 53 21 -1 0 46 -7 30 42 17 14 46 25 10 24 40\n"
    "print 0\n"
    "print 3\n",
    "None\n"
    "{3712, 32, 2, -192, 4, (), -3.5}\n"
    "{1152, -128, 896, 3, 2.5, 1.0, 0, 7, 10, 13, 14, 15.5, 15, 17, 21, 24, 25, 27, (2, 4, 2), 30, 40, 41, 42, 46, (4,), 53, 54, (5, 3), 56, (1, 3, 2), (1, 5), -48, -10, -7, (), 4398046511101, -1}\n"
  },
  {
    "fromlist 4 12 2048 16 t: -3 2 1 5 t:4 t:5,4 29 t:3,4 1088 1088 -8 40 36 t:4 f:1.0 549755813885 72 -2 49 272 11 38 4503599627370496 58 49 18 f:1.0 19 18014398509481986 144115188075855871 -96 t:\n"
    "ibin 3 | 4 4\n"
    "discard 4 0 f:1.0 f:1.0 56 f:18.5 f:-8.5\n"
    "ibin 0 | 4 4\n"
    "ibin 1 - 0 3\n"
    "frozen 3 1\n"
    "discard 0 18014398509481981 59 0 32 f:2.5 2048 562949953421315\n"
    "ibin 3 | 0 4\n"
    "print 3\n"
    "copy 1 1\n"
    "discard 4 320 1 36028797018963965 t:5 46 60 36028797018963969 -8 f:19.5 832 1 t:1,5 f:-19.5 45 24 13 35184372088833 59 43 t:5 -10 f:-12.5 -9 -3 T 52 t:0 f:1.0\n"
    "print 4\n"
    "hash 4\n"
    "print 4\n"
    "add 3 23 -7 -4 44 23 44 16 58 54 27 30 31 53 -1 21 4 15 13 44 19 43 14 -1 32\n"
    "copy 1 1\n"
    "range 3 -42 53 7\n"
    "copy 3 1\n"
    "discard 4 6 f:1.0 t:4,4,1 5 f:1.0 1152921504606846975 55 704 40 24 2305843009213693952 -1\n"
    "discard 1 45 44 18\n"
    "print 0\n"
    "print 1\n"
    "print 3\n"
    "print 4\n",
    "set()\n"
    "set()\n"
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "set()\n"
    "{4, 13, 14, 15, 16, 19, 21, 23, 27, 30, 31, 32, 43, 44, 53, 54, 58, -7, -4}\n"
    "set()\n"
    "set()\n"
    "{4, 13, 14, 15, 16, 19, 21, 23, 27, 30, 31, 32, 43, 44, 53, 54, 58, -7, -4}\n"
  },
  {
    "build 2 -3 -4 26 -6 14 -1 -3 44 19 32 1\n"
    "add 2 5 26 24 38 42 15 53 13 51 20 30 12 22 39 26 23 12 21 -3\n"
    "pop 2\n"
    "meths 3 symmetric_difference 2 2\n"
    "print 2\n"
    "meths -1 symmetric_difference_update 3 3\n"
    "print 2\n"
    "print 3\n",
    "1\n"
    "{5, 12, 13, 14, 15, 19, 20, 21, 22, 23, 24, 26, 30, 32, 38, 39, 42, 44, 51, 53, -6, -4, -3, -1}\n"
    "None\n"
    "{5, 12, 13, 14, 15, 19, 20, 21, 22, 23, 24, 26, 30, 32, 38, 39, 42, 44, 51, 53, -6, -4, -3, -1}\n"
    "set()\n"
  },
  {
    "const 2 F t: 240 f:0.5 52 -5\n"
    "add 2 2 18 19 3 47 6 48 31 36 43 -4 20 28\n"
    "new 2\n"
    "discard 2 51 0 55 45\n"
    "print 2\n"
    "bin 1 & 2 2\n"
    "discard 2 60 -9 16 32 45 23 33 20 21 8 41 47 11 2 20 22 10 36 56 -9 8\n"
    "ibin 3 - 1 1\n"
    "bin 0 | 2 1\n"
    "add 3 F -7 42 280 55 8 9 f:12.5 t:0,4 13 f:-2.5 6 -3 13 2048 14 -9 56 21 2\n"
    "new 0\n"
    "add 1 16 3 20 33 8 -3 -7 21 12 17 11 44 -5 60\n"
    "range 4 21 67 1\n"
    "bin 3 | 1 1\n"
    "ibin 3 | 0 1\n"
    "add 1 f:19.5 35184372088835 f:10.5 22 20 45 33 13 256 8 31 1 10 19 8 40 1920 -8 208 512 1\n"
    "ibin 3 & 4 3\n"
    "add 0 640 56 160 27 -8 9 f:-7.5 34359738369 -1 -7 24 496 T 25 25 t:4 26 58 70368744177661 -3 1 4864 27 4\n"
    "range 5 65 -3 -3\n"
    "meth -1 update 4 29 7 44 -10 20 24 39 45 23 -7 46 33 6 34 0 41 31 53 47 16\n"
    "copy 2 0\n"
    "print 0\n"
    "print 1\n"
    "print 2\n"
    "print 3\n"
    "print 4\n"
    "print 5\n",
    "set()\n"
    "None\n"
    "{False, 2048, 2, 3, 34359738369, True, 6, 4864, 8, 9, 4, 11, 12.5, 13, 14, 12, 16, 17, 20, 21, 280, 24, 25, 27, 26, 33, 42, 44, 55, 56, 58, 60, (0, 4), 640, 160, (4,), -7, 496, 70368744177661, -2.5, -9, -8, -7.5, -5, -3, -1}\n"
    "{False, 2048, 2, 3, 35184372088835, 256, 6, 1, 8, 9, 10.5, 11, 12.5, 13, 14, 12, 16, 17, 10, 19.5, 20, 21, 22, 19, 280, 512, 31, 33, 40, 42, 44, 45, 55, 56, 60, 1920, (0, 4), 208, -9, -8, -7, -5, -3, -2.5}\n"
    "{False, 2048, 2, 3, 34359738369, True, 6, 4864, 8, 9, 4, 11, 12.5, 13, 14, 12, 16, 17, 20, 21, 640, 280, 24, 25, 27, 26, 160, 33, 42, 44, (4,), 55, 56, 58, 60, (0, 4), -7.5, 496, -3, -1, -9, -8, -7, -5, 70368744177661, -2.5}\n"
    "{0, 6, 7, 16, 20, 21, 23, 24, 29, 31, 33, 34, 39, 41, 42, 44, 45, 46, 47, 53, 55, 56, 60, -10, -7}\n"
    "{0, 6, 7, 16, 20, 21, 23, 24, 29, 31, 33, 34, 39, 41, 42, 44, 45, 46, 47, 53, 55, 56, 60, -10, -7}\n"
    "{2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 32, 35, 38, 41, 44, 47, 50, 53, 56, 59, 62, 65, -1}\n"
  },
  {
    "range 5 48 169 1\n"
    "add 5 53 2 49 7 35 7 48\n"
    "meth 5 union 5 24 37 33 58 14 7 59 30 -2 21 44 15 25 57\n"
    "meths -1 difference_update 5 5\n"
    "discard 5 F f:5.5 f:1.0 36028797018963966 24 58 1 -3 1920 3072 t:0,5 -5 f:1.0 8796093022210 0 59 t:0,1,1 274877906941 t:5 4294967297 -2 f:18.5 47 t:0 96 2147483645 55 2147483645 26\n"
    "frozen 1 5\n"
    "discard 5 140737488355326 1073741822 -32 44 54 21 1536 640 t:2 f:9.5 f:-10.5 8\n"
    "add 5 f:-19.5 52 17 57 352 t:5,1,5 45 26 3840 T 549755813891 736 23 f:18.5 f:0.5 t:0,1 4224 45 52 7 4992 T 0 1 -5 t: 0 32 t:2 264\n"
    "add 5 -3 47 48 21 38 47 -4 56 50 0 42\n"
    "new 5\n"
    "print 1\n"
    "print 5\n",
    "None\n"
    "frozenset()\n"
    "set()\n"
  },
  {
    "new 1\n"
    "print 1\n"
    "const 5 0 34 208 t:4 24 32 47 50 F 40 22 2 1472 11 6 9 25 1024 -6 -2 29 12 960 272 T f:-13.5 f:-14.5 f:20.5 t:2 -6 4096 928 160 30 F t:3 -32 31 43\n"
    "add 5 59 56 -4 13 f:-1.5 50 5 -128 f:1.0 22 54\n"
    "discard 5 274877906942 t: 368 f:11.5 29 t:0,0 f:7.5 4503599627370496 37 57 5 -32 5 832 -10 23 562949953421312 960 -2 2 1 40 f:-10.5 27 384 19\n"
    "meth 4 symmetric_difference 5 18 33 9 31 21\n"
    "frozen 4 5\n"
    "meths 4 difference 1 4\n"
    "add 4 -3 29 52 45 43 47 40 47 43 51 20 55 4 31 19 19 12 -5 30 12\n"
    "pop 5\n"
    "add 1 30 0 f:0.5 f:4.5 f:-12.5 -8 T 22\n"
    "print 1\n"
    "range 5 -40 125 1\n"
    "discard 1 36 2251799813685245 54 2 -2 43 t: 31 20 f:-15.5 f:8.5 80 15 f:-17.5 60\n"
    "discard 1 t:2 f:2.5 55 18 0 t:1 53 144 8\n"
    "print 4\n"
    "print 1\n"
    "print 4\n"
    "print 5\n",
    "set()\n"
    "0\n"
    "{0, 0.5, True, 4.5, -12.5, 22, -8, 30}\n"
    "{4, 40, 43, 12, 45, 47, -3, 51, 52, 20, 19, 55, -5, 29, 30, 31}\n"
    "{0.5, True, 4.5, -12.5, 22, -8, 30}\n"
    "{4, 40, 43, 12, 45, 47, -3, 51, 52, 20, 19, 55, -5, 29, 30, 31}\n"
    "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, -40, -39, -38, -37, -36, -35, -34, -33, -32, -31, -30, -29, -28, -27, -26, -25, -24, -23, -22, -21, -20, -19, -18, -17, -16, -15, -14, -13, -12, -11, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1}\n"
  },
  {
    "fromlist 1 144115188075855873 288230376151711744 3 320 192 39 t:3 281474976710654 f:-19.5 t:5,0 448 15 -3 f:12.5 f:1.0 55 t:4,4 144 f:19.5 -32 f:-18.5 21\n"
    "print 1\n"
    "ibin 2 - 1 1\n"
    "new 5\n"
    "add 2 t:4 54 1 F t:0,3,1 35\n"
    "discard 2 13 11 45 47 35\n"
    "bin 1 - 5 1\n"
    "ibin 5 - 1 5\n"
    "meths -1 issubset 1 5\n"
    "add 2 464 384 232 22 F 40 -6 1 70368744177661 53 30 -8 13 37\n"
    "discard 5 T 58 2240 f:-3.5 39 1 59 f:15.5 t:5 f:-16.5 256 f:-10.5 60 f:1.0 17 f:19.5 f:-17.5 f:0.5 44 -3 1 68719476733 10 t:0,0 17 6 896 39 137438953473 T\n"
    "ibin 0 & 2 5\n"
    "print 1\n"
    "fromlist 3 1 53 15 26 0 22 6 -9 60 25 16 -3 13 51 14 35 44 58 -7 8 41 30 3 23 44 49 34 32 2 6 12 14 43 7 15 -5 30 15 -6\n"
    "print 3\n"
    "print 0\n"
    "print 1\n"
    "print 2\n"
    "print 3\n"
    "print 5\n",
    "{288230376151711744, 144115188075855873, 1.0, 3, 12.5, 15, 144, 19.5, 21, 39, (5, 0), 55, 320, 192, 448, (3,), (4, 4), -32, -19.5, -18.5, -3, 281474976710654}\n"
    "True\n"
    "set()\n"
    "{0, 1, 2, 3, 6, 7, 8, 12, 13, 14, 15, 16, 22, 23, 25, 26, 30, 32, 34, 35, 41, 43, 44, 49, 51, 53, 58, 60, -9, -7, -6, -5, -3}\n"
    "set()\n"
    "set()\n"
    "set()\n"
    "{0, 1, 2, 3, 6, 7, 8, 12, 13, 14, 15, 16, 22, 23, 25, 26, 30, 32, 34, 35, 41, 43, 44, 49, 51, 53, 58, 60, -9, -7, -6, -5, -3}\n"
    "set()\n"
  },
  {
    "range 0 -28 210 7\n"
    "discard 0 17 f:-10.5 8 32\n"
    "pop 0\n"
    "print 0\n"
    "discard 0 -6 59 t:4 4 f:14.5 0 f:10.5 t:0,3,1 t: 2496 F 2147483646 1 -32 68719476733 24 33\n"
    "meth -1 issubset 0 11 43 34 -8 5 5 43 -3 6 44 14 20 15 27 31 23 38 -4 5 52 58 53 9 21 39 -1 52 -7\n"
    "copy 1 0\n"
    "fromlist 3 27 57 16 9 4 20 30 52 19 58 25\n"
    "discard 1 45 20 43 -1 3 46 58 49 7 32 60 49 34 59 -9 54\n"
    "fromlist 4 3 40 57 51 35 -10 46 18 21 20 29 11 36 33 7 -1 4 10 -8 -3 13 8 14 18 59 55 29 26 10 15 23 19 54 25 5 -9 21\n"
    "add 4 20 -5 44 40 31 25 58 -1 28 33 7 51\n"
    "ibin 0 ^ 0 1\n"
    "add 4 45 10 30\n"
    "pop 3\n"
    "print 3\n"
    "bin 3 - 4 4\n"
    "bin 4 & 3 1\n"
    "add 3 51 320 29 t:5,2 1728 9007199254740994 5\n"
    "pop 0\n"
    "print 3\n"
    "bin 3 | 1 0\n"
    "print 0\n"
    "print 1\n"
    "print 3\n"
    "print 4\n",
    "0\n"
    "{133, 7, 140, 14, 147, 21, 154, 28, 161, 35, 168, 42, 175, 49, 182, 56, 189, 63, 196, 70, 203, 77, 84, 91, 98, -28, 105, -21, 112, -14, 119, -7, 126}\n"
    "False\n"
    "4\n"
    "{9, 16, 19, 20, 52, 25, 57, 58, 27, 30}\n"
    "7\n"
    "{320, 1728, 9007199254740994, 5, 51, 29, (5, 2)}\n"
    "{49}\n"
    "{133, 140, 14, 147, 21, 154, 28, 161, 35, 168, 42, 175, 182, 56, 189, 63, 196, 70, 203, 77, 84, 91, 98, -28, 105, -21, 112, -14, 119, -7, 126}\n"
    "{196, 133, 70, 203, 140, 77, 14, 147, 84, 21, 154, 91, 28, 161, 98, 35, -28, 168, 105, 42, -21, 175, 112, 49, -14, 182, 119, 56, -7, 189, 126, 63}\n"
    "set()\n"
  },
  {
    "fromlist 5 t: 2112 768 32\n"
    "copy 2 5\n"
    "discard 5 34 t: 2199023255550 33 55 32 38 14 2112 13\n"
    "add 2 39 46 10 t:1,5,5 40 18 8 f:1.0 f:5.5 176 t:3,5,1 f:-4.5 1152 f:-5.5 52 f:1.0 464 4224 35184372088834 44 144115188075855875 4398046511104 2305843009213693954 t:2,2,4 256 34359738366 T 16 384\n"
    "add 2 50 47 -4 -5 36 40 -9 -9 9 38 17 19 -8 25 2 27 52 55 -9 51 2 36 50 -8 57 9\n"
    "copy 3 5\n"
    "add 3 1 59 f:-19.5 t:2 t:3,4 -1 t: f:8.5\n"
    "new 3\n"
    "range 0 19 19 1\n"
    "copy 0 5\n"
    "frozen 5 3\n"
    "bin 1 & 5 0\n"
    "meth 1 union 1 f:-15.5 1 T -3 35 t: 608 17 t:4,2 t:1,1 20 4398046511101 41 -9 t:2 1 t:5,0 448\n"
    "pop 3\n"
    "print 0\n"
    "add 2 46 56 41\n"
    "print 0\n"
    "print 1\n"
    "print 2\n"
    "print 3\n"
    "print 5\n",
    "ERR KeyError KeyError('pop from an empty set')\n"
    "{768}\n"
    "{768}\n"
    "frozenset({608, 1, 448, 35, (2,), 41, (1, 1), (4, 2), -15.5, 17, 4398046511101, 20, (5, 0), -9, (), -3})\n"
    "{768, 1.0, 1152, 4224, 35184372088834, 5.5, 144115188075855875, 4398046511104, 8, 2305843009213693954, 10, 256, 9, 384, 2, 16, 17, 18, 19, 25, 27, 32, 36, 38, 39, 40, 41, 44, 46, 47, 176, (2, 2, 4), 50, 52, 51, 55, 56, 57, 2112, (), 464, (3, 5, 1), (1, 5, 5), -5, -4, -9, -8, -5.5, -4.5, 34359738366}\n"
    "set()\n"
    "frozenset()\n"
  },
  {
    "build 1 27 39 18 34 13 26 50 5 14 41 11 -4 27 47 54 3 27 43 49 15 18 5 34 9 -4 55 45 39 23 34 46 51 -7 47\n"
    "discard 1 52 -10 50 33 14 39 53 4 1 26 9\n"
    "add 1 f:1.0 -9 -2 27 t:4,2 f:1.0 t:3,4,5 56 256 f:-11.5\n"
    "discard 1 25 25 32 -5 6 24 10 -7\n"
    "hash 1\n"
    "hash 1\n"
    "print 1\n",
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "{256, 1.0, 3, 5, 11, 13, 15, 18, 23, 27, 34, 41, 43, 45, 46, 47, (4, 2), 49, 51, 54, 55, 56, (3, 4, 5), -11.5, -9, -4, -2}\n"
  },
  {
    "range 4 -16 170 3\n"
    "pop 4\n"
    "print 4\n"
    "add 4 8 41 -256 18 4 f:-11.5 t:1,2 -4 16 7 624 F t:3,4 f:-9.5\n"
    "add 4 4 10 23 11 34 56 48 54 53 7 36 -8 52 1 18 11 22 42 24 34 -9\n"
    "ibin 5 ^ 4 4\n"
    "range 1 13 41 7\n"
    "discard 5 -6\n"
    "print 1\n"
    "print 4\n"
    "print 5\n",
    "128\n"
    "{2, 131, 5, 134, 8, 137, 11, 140, 14, 143, 17, 146, 20, 149, 23, 152, 26, 155, 29, 158, 32, 161, 35, 164, 38, 167, 41, 44, 47, 50, 53, 56, 59, 62, 65, 68, 71, 74, 77, 80, 83, 86, 89, 92, 95, 98, 101, 104, 107, 110, -16, 113, -13, 116, -10, 119, -7, 122, -4, 125, -1}\n"
    "{34, 27, 20, 13}\n"
    "set()\n"
    "set()\n"
  },
  {
    "fromlist 0 -3 f:10.5 f:4.5 9 48 t:4 30 6 1152921504606846976 2176 2 t:5 t:1 1 f:20.5 45 2251799813685249 12 54 0 F 9 208 -9 288 f:6.5 -9 27 56 14 256 4294967294 7 -128 t: 0 38 51 144 896 68719476734 896 19 47 T 56 31 5 f:-6.5 1280 F -10 f:-9.5 68719476733 44 1088 60 -9 384 2 f:-12.5 f:-19.5 1 17 59 2176 57 14 56 f:1.5 20 f:-1.5 f:-2.5 -128\n"
    "meths -1 isdisjoint 0 0\n"
    "print 0\n"
    "add 0 3456 35 T 33 34 f:-12.5 52 f:1.0 2560 48 224 1 4503599627370497 38\n"
    "print 0\n"
    "meths -1 issuperset 0 0\n"
    "meths -1 symmetric_difference_update 0 0\n"
    "add 0 20 14 -7 f:-12.5 f:1.0 7 54 480 16 46 25 38 28 1099511627773 -7 44 t: 128 20 57 24 60 37 9007199254740993 43 -4 0 0 70368744177664\n"
    "build 2 140737488355331 f:-8.5 t:0 224 T 53 t:5 24 53 t:1,3 1984 t:1,4 t: 10 1664 384 f:-17.5 576460752303423491 1216 640 f:-15.5 2305843009213693954 320 9007199254740991 50 10 f:-4.5 2176\n"
    "print 0\n"
    "print 2\n",
    "False\n"
    "{1152921504606846976, 2176, 2, 1, 4.5, 2251799813685249, 6, (5,), 0, 9, 10.5, 6.5, 12, 256, 14, 7, 144, 384, 17, 19, 20.5, 20, 5, 27, 896, 30, 31, 288, 1.5, 38, 1280, 44, 45, (4,), 47, 48, (1,), 51, 54, 56, 57, 59, 60, 1088, 208, -9.5, -19.5, -128, 68719476733, -12.5, 68719476734, -9, -10, -2.5, -6.5, (), -3, 4294967294, -1.5}\n"
    "{1152921504606846976, 2176, 2, 1, 4.5, 2251799813685249, 6, (5,), 0, 9, 10.5, 6.5, 12, 256, 14, 7, 144, 384, 17, 19, 20.5, 20, 5, 27, 896, 30, 31, 288, 1.5, 33, 35, 34, 4503599627370497, 38, 1280, 44, 45, (4,), 47, 48, (1,), 51, 52, 54, 56, 57, 59, 60, 1088, 208, 2560, -9.5, 224, -19.5, 3456, -128, 68719476733, -12.5, 68719476734, -9, -10, -2.5, -6.5, (), -3, 4294967294, -1.5}\n"
    "True\n"
    "None\n"
    "{128, 1.0, 9007199254740993, 0, 70368744177664, 7, 14, 16, 20, 24, 25, 28, 37, 38, 43, 44, 46, 54, 57, 60, 480, -12.5, -7, (), -4, 1099511627773}\n"
    "{1664, True, 384, 140737488355331, 576460752303423491, 640, 2305843009213693954, (5,), 2176, 10, 24, (1, 3), 50, 53, 1984, 1216, 320, (0,), 224, (1, 4), -17.5, -15.5, -8.5, (), -4.5, 9007199254740991}\n"
  },
  {
    "new 1\n"
    "add 1 -2 f:1.0 3 1099511627774 23 49 f:1.5 1152 4 1920 1152 512 19\n"
    "meths -1 difference_update 1 1\n"
    "add 1 31 f:-2.5 f:8.5 f:13.5 45 35 -3 f:-0.5 3072 0 44 42 27 4 t:0,0 72057594037927933 3840\n"
    "discard 1 20 47 54 22 24 33 -7 32 46 31 10 48\n"
    "add 1 1 41 -2 288 19 13 47 34 t:2\n"
    "ibin 4 ^ 1 1\n"
    "add 1 t:1 1088 0 368 137438953470 f:4.5 f:-13.5 24 16 -5 47 13 t:5 2 24 t:5 2 1152\n"
    "meth -1 issuperset 1 3 4 7 11 5 t:0 43 t:3,5,5 t:2,0,2 f:-16.5 f:-10.5\n"
    "add 1 36 24 f:2.5 -384 -512 2251799813685248 T f:-15.5 F 26 -6 9 11\n"
    "discard 4 -2 128 23 t: 25 t:5 160 4611686018427387902 f:15.5 55 50 2147483651 f:10.5 t: 58 312 -2 t:5,5,5 304 t:2,3 4611686018427387904 20 f:-13.5 f:17.5 -1 24 19 96 17 52\n"
    "add 1 208 25 f:-8.5 35184372088834 1 17179869183 15 1280 672 5 17179869186 240 -2 11 32 t:1 68719476733 58 f:1.0 39 2 -8 52 7\n"
    "print 4\n"
    "frozen 1 1\n"
    "meths -1 update 4 4\n"
    "ibin 1 ^ 4 1\n"
    "discard 4 832 32 -10 57 15 -3 f:8.5 4 33 f:-17.5 41 0 t: f:-18.5 1472 13 55 42 24 f:1.0\n"
    "print 4\n"
    "frozen 2 4\n"
    "add 4 f:-9.5 47 40 -8 184 2560 40 3\n"
    "print 1\n"
    "print 2\n"
    "print 4\n",
    "None\n"
    "False\n"
    "{0, 1152, 2, 2.5, 4.5, -384, -512, 35184372088834, 2251799813685248, True, 9, 11, 5, 13, 17179869186, 15, 16, 25, 26, 672, 32, 36, 7, 39, 1280, 47, (1,), 52, 58, 1088, 208, -8, 368, -15.5, 240, -2, -8.5, -6, -5, 68719476733, 137438953470, 17179869183}\n"
    "None\n"
    "set()\n"
    "{2560, 3, 40, 47, 184, -8, -9.5}\n"
    "frozenset()\n"
    "{2560, 3, 40, 47, 184, -8, -9.5}\n"
  },
  {
    "new 2\n"
    "pop 2\n"
    "meth -1 difference_update 2 47 34 1 0\n"
    "ibin 2 - 2 2\n"
    "print 2\n"
    "print 2\n",
    "ERR KeyError KeyError('pop from an empty set')\n"
    "None\n"
    "set()\n"
    "set()\n"
  },
  {
    "new 2\n"
    "bin 1 - 2 2\n"
    "add 2 4 -10 -6 12 31 31 32 -6 -6 36 -10 36 23 18 30 -7 55 17 -8 14 42 -6 52 14 40\n"
    "pop 2\n"
    "discard 2 -7 24 3 43 -10 14 19 10 3 57 26 54 36 26 32 11 8 22 -7 25 11 60 50 2 24\n"
    "new 2\n"
    "frozen 5 1\n"
    "print 2\n"
    "add 1 T\n"
    "ibin 0 ^ 2 5\n"
    "bin 4 - 0 2\n"
    "print 0\n"
    "print 1\n"
    "print 2\n"
    "print 4\n"
    "print 5\n",
    "32\n"
    "set()\n"
    "set()\n"
    "{True}\n"
    "set()\n"
    "set()\n"
    "frozenset()\n"
  },
  {
    "range 3 234 3 -1\n"
    "pop 3\n"
    "discard 3 0 f:-1.5 -9 f:18.5 896 549755813886 14 31 25 12 304 928 f:-2.5 37 2560 T 2 f:-9.5 320 t:\n"
    "meth -1 intersection_update 3 2 -3 7 96 176 19 25\n"
    "discard 3 53 -8 36 43 47 52 6 -10 35 35 53 16 15 10\n"
    "print 3\n",
    "4\n"
    "None\n"
    "{96, 19, 176, 7}\n"
  },
  {
    "build 4 42 57 55 -4 22 25 -3 1 2 -1 25 29 57 52 49 -5 3 9 27 59 39 47 38 6 10 -5 -3 8 50 20 4 1 43 23 9 33 44 56 41 -5 60 0 42 11 36 32 47 55 40 47 11 19 34 8 56 53 -5 28 58 37 6 57 21 52 50 37 1 43 32 17 10 23 -1 5 55 12 47 13 57 12 5 -3 2 0 44 26 50 29 54 34 54 35 15 0 57 -8 42 37 55 57 43 50 44 -8 14 3 7 30 27 60 7 15 -3 26 10 1 12 27 -4 47 2 20 14 14 47 33 50 25 -5 -7 24 43 12 43 6 15 17 55 29 25 11 24 22 35 47 38 21 -3 17 8 15 26 -9 29 3 41 35 -2 17 44 38 -3 58 -2 41 2 42 10 28 46 60 48 55 45 14 1 20 59 48 1 41 60 4 12 56 0 -4 8 53 31 53 3 52 -8 41 31 23 54 10 -10 50 5 12 6 37 28 39 -2 8 17 11 27 -4 37 46 3 9 -7 11 32 39 -6 59 16 -7 8 58 -2 -9 14 21 30 -5 54 46 10 28 12 12 18 57 32 53 9 -7 35 27 45 59 44 56 -6 -4 1 43 2 30 -8 -2 23 52 43 31 1 20 35 5 19 10 -6 25 20 37 30 1 7 -5 60 34 12 27 16 47 -6 34 2 50 54 57 50 4\n"
    "meth -1 update 4 -4 54 -6 12 36 53 -1 52 17 5 23 8 58 60 3 -6 48 18 58 41\n"
    "print 4\n"
    "ibin 2 ^ 4 4\n"
    "range 3 -26 -5 2\n"
    "print 2\n"
    "print 3\n"
    "print 4\n",
    "None\n"
    "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 52, 53, 54, 55, 56, 57, 58, 59, 60, -6, -2, -9, -8, -7, -10, -5, -4, -3, -1}\n"
    "set()\n"
    "{-26, -24, -22, -20, -18, -16, -14, -12, -10, -8, -6}\n"
    "set()\n"
  },
  {
    "new 1\n"
    "meths 4 intersection 1 1\n"
    "hash 1\n"
    "build 2 44 57 28 39 5 48 59 45 24 13 49 3 4 41 24 51 17 21 5 29 6 45 42 4 0 8 56 -2 -7 40 30 24 20 35 18 20 47 11 -10 26 59 -1 6 56 22 52 38 47 20 5 10 29 32 59 -6 59 24 10 31 -3 -2 58 51 2 -2 2 52 42\n"
    "print 4\n"
    "pop 1\n"
    "meth 1 difference 4 0 51 288230376151711744 f:20.5 22 5 4 0 304 f:-12.5 12 T 4294967295 4294967293 f:13.5 31 F 51 18014398509481982 t:\n"
    "add 2 29 13 22 55 48 24 22 7 21 36 46 -1 8 5 10 7 21 53 38 30 25 -10 35 15 44 23 21 53 21\n"
    "discard 4 50 10 28 21 3 15 22 60 41 -2 54 39 9 36 -5 49 50 32 16 -7 0 -4 58 34 44 -3 44\n"
    "discard 1 10 37 15 18 36 0 23 49 46 45 6 35 37 9 45 7 32 2 -2 28 12 21 47 32 32 30 38 44 41\n"
    "add 1 t:2,2,0 22 t:2,0 -2 4398046511103 0 18014398509481987 0 10 -6 1 25 0 34 36028797018963965\n"
    "discard 4 f:-7.5 22 51 192 t:0,4,2 -1 29 f:5.5 f:-17.5 6 32 t: 50 160 41 2147483650 18014398509481982 f:1.0 f:-18.5 t:2,5,2 41 2199023255554 1664 f:-11.5 48\n"
    "bin 4 - 2 1\n"
    "print 2\n"
    "pop 1\n"
    "discard 1 4 1099511627773 21 48 0 32 12 27 60 1152\n"
    "pop 4\n"
    "add 4 -4 44 24 59 18 -6 22 -5 -2 39 2 50 24 22 6 44 33\n"
    "discard 1 -8 22 22 17 25 -9 -10 45 22 17 10 -1 8 16 22 60 15 45 19 15 2 40 16 14 19 31 3 33 -3\n"
    "print 1\n"
    "print 2\n"
    "print 4\n",
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "set()\n"
    "ERR KeyError KeyError('pop from an empty set')\n"
    "{0, 2, 3, 4, 5, 6, 7, 8, 10, 11, 13, 15, 17, 18, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 32, 35, 36, 38, 39, 40, 41, 42, 44, 45, 46, 47, 48, 49, 51, 52, 53, 55, 56, 57, 58, 59, -10, -1, -7, -6, -3, -2}\n"
    "0\n"
    "2\n"
    "{1, 34, 18014398509481987, (2, 0), -6, (2, 2, 0), 36028797018963965, -2, 4398046511103}\n"
    "{0, 2, 3, 4, 5, 6, 7, 8, 10, 11, 13, 15, 17, 18, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 32, 35, 36, 38, 39, 40, 41, 42, 44, 45, 46, 47, 48, 49, 51, 52, 53, 55, 56, 57, 58, 59, -10, -1, -7, -6, -3, -2}\n"
    "{2, 3, 4, 5, 6, 7, 8, 11, 13, 15, 17, 18, 20, 21, 22, 23, 24, 26, 28, 29, 30, 31, 32, 33, 35, 36, 38, 39, 40, 41, 42, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 55, 56, 57, 58, 59, -10, -2, -7, -6, -5, -4, -3, -1}\n"
  },
  {
    "new 5\n"
    "hash 5\n"
    "add 5 58 54 5 15 22 -10 -7 58 33 16 22 23\n"
    "discard 5 15 -10 -4 57 26 55 36 59 19 46 22 41 -4 25 -6 -8 16 46 44 33 23 31 18 47 5 24 3 19 9\n"
    "print 5\n"
    "add 5 f:7.5 f:-14.5 8796093022206 304\n"
    "copy 2 5\n"
    "build 4 9 5 20 33 8 9 -5 52 27 47 43 41 14 47 21 -1 -9 14 13 48 57 54 20 -6 20 16 43 37 22 32\n"
    "print 2\n"
    "meths -1 difference_update 2 4\n"
    "bin 2 - 4 2\n"
    "print 4\n"
    "add 2 49 f:-5.5 -3 t:0,1 f:12.5 4503599627370494 f:15.5 549755813890 f:1.0 11 46 f:1.0 -9 296 f:-11.5 928 -24\n"
    "add 4 2368 16 704 -7 22\n"
    "frozen 4 4\n"
    "ibin 0 ^ 5 2\n"
    "build 5 f:15.5 27 t:4,0,0 2 1 51 1856 t:1,1 28\n"
    "add 2 576 45 28 6 F 33 t:3,2 0 48\n"
    "meth -1 intersection_update 2 2251799813685248 1 33 28 45 t:5,1 -8 3\n"
    "add 0 4 40 t:4,2 T 8589934591 640 24 16 33 -96 f:-0.5\n"
    "meths 5 union 4 0\n"
    "add 0 928 4611686018427387905 50 -5 576460752303423485 7 f:1.5 t:4 16 3968 384 59 896 2176 f:9.5\n"
    "add 2 21 -4 28 13 832 0 2251799813685246 t:4,0,4 f:-15.5 17179869181 -3 2688 -1 f:20.5\n"
    "hash 4\n"
    "print 0\n"
    "print 2\n"
    "print 4\n"
    "print 5\n",
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "{54, -7, 58}\n"
    "{304, -14.5, 54, 7.5, -7, 58, 8796093022206}\n"
    "None\n"
    "{5, 8, 9, 13, 14, 16, 20, 21, 22, 27, 32, 33, 37, 41, 43, 47, 48, 52, 54, 57, -9, -6, -5, -1}\n"
    "None\n"
    "7664362176220762872\n"
    "{-0.5, 1.0, 549755813890, 4611686018427387905, 4, 5, 1.5, 7.5, 8, 9, 7, 11, 12.5, 13, 14, 15.5, 16, 9.5, 20, 21, 22, 24, 27, 32, 33, 37, 296, 41, 40, 43, 46, 47, 304, 48, 49, (4, 2), 52, 50, 57, 58, 59, 640, 3968, 384, 896, 2176, 928, -96, (4,), (0, 1), -5, -24, 576460752303423485, -14.5, -11.5, 4503599627370494, -9, -1, -7, -6, -5.5, -3, 8796093022206, 8589934591}\n"
    "{832, 1, 33, 0, 2688, (4, 0, 4), -4, 45, 13, -15.5, -3, 20.5, 21, -1, 28, 17179869181, 2251799813685246}\n"
    "frozenset({2368, 704, 5, 8, 9, 13, 14, 16, 20, 21, 22, 27, -7, 32, 33, 37, 41, 43, 47, 48, 52, 54, -9, 57, -6, -5, -1})\n"
    "frozenset({-0.5, 1.0, 549755813890, 4, 5, 7.5, 8, 9, 11, 12.5, 13, 14, 15.5, 16, 20, 21, 22, 24, 27, 32, 33, 37, 296, 41, 40, 43, 46, 47, 48, 304, 49, (4, 2), 52, 54, 57, 58, 2368, 640, 928, -96, 704, (0, 1), -5.5, -24, -14.5, -11.5, 4503599627370494, -9, 8796093022206, -7, -6, -5, -3, -1, 8589934591})\n"
  },
  {
    "range 5 0 36 3\n"
    "bin 4 & 5 5\n"
    "meths -1 difference_update 5 5\n"
    "const 3 f:-10.5 46 39 -5 f:-9.5 f:-4.5 t:0,4 2199023255555 1 52 49 54 -8 -16 -9 2304 f:16.5 1 25 46 t:2 8 576460752303423488 57 t: 57 26 -6 2 34 51 59 7 0 1 16 16 t:3,3,2 t: 19 55 f:0.5 6 1 512 -8 F 1280 28 496 43 -2 53 16 f:5.5 40 33 60 t:2,3 0 35 t:3 28 20 t:4,4,2 T 19 832 8 18 19 96 22 36 36028797018963970 1 t: 2112 51 -2 -8 152 1216 t:1,1,3 140737488355330 55 2199023255553 1664 28 68719476735 t:3 f:10.5 f:1.5 27 4992 26 1184 f:19.5 f:-12.5 f:-18.5 56 34359738370 26 38 t:3,4,2 t:2,0 f:-15.5 f:1.0 30 0 -8 f:16.5 f:-10.5 48 t:2,4 51 2199023255552 -6 39 -16 4 6 272 30 6 549755813886 13 -9 T 48 22 t:0,1,3 1 549755813890 f:1.0 35 18 18 t: 384 140737488355325 2251799813685248 f:-18.5 t:1 1216 t: t:5 352 20 t: 288230376151711746 8 47 32 t: f:-7.5 t: -3 6 1099511627777 40 f:1.0 21 137438953470 t:5,2,2 -5\n"
    "add 5 34 49 4 57 32 10 6 42 1 20 31 43 -6 15 -10 57 -2 31 26 -5 -10 21 44 12 17 14 11 9 34 45\n"
    "add 4 1 49 576460752303423488 2176 f:-17.5 44 f:11.5 f:1.0 21 49 296 57 t:4,5 5 f:12.5 t:4 54\n"
    "print 3\n"
    "print 4\n"
    "print 5\n",
    "None\n"
    "{576460752303423488, 1, 2, 2199023255555, 0, 0.5, 6, 7, 8, 5.5, 36028797018963970, 140737488355330, 2199023255553, 10.5, 1.5, 34359738370, 16.5, 16, 512, 19, 20, 18, 22, 19.5, 4, 25, 26, (3, 3, 2), 28, 27, 30, 2199023255552, 2251799813685248, 33, 34, 35, 36, 32, 38, 39, 40, 1280, 43, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 549755813890, 59, 60, 288230376151711746, 2112, 832, (2, 4), 13, (0, 4), 2304, 272, 96, 352, (5, 2, 2), 21, (2, 3), (), 1664, 4992, 384, (2,), (0, 1, 3), (5,), 152, 1099511627777, 1184, (1, 1, 3), (1,), 1216, 137438953470, -2, -9, (3,), (4, 4, 2), (2, 0), -18.5, (3, 4, 2), -16, 496, -15.5, -3, -12.5, -10.5, -9.5, -8, -7.5, -6, -5, -4.5, 140737488355325, 549755813886, 68719476735}\n"
    "{0, 1, 576460752303423488, 3, 2176, 5, 6, 9, 11.5, 12, 12.5, 15, 18, 21, 24, 27, 30, 33, 296, 44, (4,), 49, (4, 5), 54, 57, -17.5}\n"
    "{1, 4, 6, 9, 10, 11, 12, 14, 15, 17, 20, 21, 26, 31, 32, 34, 42, 43, 44, 45, 49, 57, -10, -6, -5, -2}\n"
  },
  {
    "new 0\n"
    "meth -1 intersection_update 0 48 51 6 18 2\n"
    "print 0\n"
    "hash 0\n"
    "new 1\n"
    "meths -1 issuperset 0 0\n"
    "print 0\n"
    "print 1\n",
    "None\n"
    "set()\n"
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "True\n"
    "set()\n"
    "set()\n"
  },
  {
    "fromlist 5 -10 3 23 22\n"
    "print 5\n"
    "meths -1 update 5 5\n"
    "meth 1 difference 5 13 34 59 f:-18.5 56 59 35184372088830 30 18 70368744177663 t:1,4,2 t:3,0,2 34359738370 47 512 f:14.5 768 31 56 17 f:3.5 39 42 48 15 t:5,2,1 281474976710657 46 544\n"
    "ibin 2 & 5 1\n"
    "add 2 1280 50 53 41 45 0 3712 1 128 51 4 4294967297 49 -1 52 52 t:2,5,5 7 7 T 30 1152 t: 2305843009213693954 t:2\n"
    "bin 1 & 1 5\n"
    "ibin 4 - 5 1\n"
    "bin 5 | 4 1\n"
    "discard 1 22 30 49 3\n"
    "meths -1 intersection_update 2 1\n"
    "meth -1 issuperset 1 9 -2 10 6 33 55 11\n"
    "add 4 6 0 -4 29 -7 54 22 -6 7 46 26 27 -1 0 -7 36 -7 50 22 48 25 3 37 46 25 2 -6 37 47\n"
    "hash 5\n"
    "fromlist 0 39 22 f:1.0 46 f:-10.5 512\n"
    "fromlist 1 -2 27 -1\n"
    "add 2 50 21 32 17179869185 44 4 t:1,3,2 15 37 47\n"
    "discard 1 f:18.5 15 1600 35 18 45 0 1152921504606846973 t:3,2,0 24 t: 3200 4224 800 48 1920 1152921504606846974 -96 21 t:2,1,5 32\n"
    "print 0\n"
    "print 1\n"
    "print 2\n"
    "print 4\n"
    "print 5\n",
    "{3, 22, -10, 23}\n"
    "None\n"
    "None\n"
    "False\n"
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "{512, 1.0, 39, 46, -10.5, 22}\n"
    "{27, -2, -1}\n"
    "{0, 17179869185, 2, 3, 4, 6, 7, 15, 21, 22, 25, 26, 27, 29, 32, 36, 37, 44, 46, 47, 48, 50, 54, (1, 3, 2), -7, -6, -4, -1}\n"
    "{0, 17179869185, 2, 3, 4, 6, 7, 15, 21, 22, 25, 26, 27, 29, 32, 36, 37, 44, 46, 47, 48, 50, 54, (1, 3, 2), -7, -6, -4, -1}\n"
    "{1280, 0, 3712, 1, 128, 4, 4294967297, 7, 1152, 2305843009213693954, (2,), 3, 22, 23, 30, (2, 5, 5), 41, 45, 49, 50, 51, 52, 53, -10, (), -1}\n"
  },
  {
    "fromlist 5 35184372088834\n"
    "hash 5\n"
    "ibin 2 ^ 5 5\n"
    "add 5 21 40 60 13 43 50 6 32 36 39 19 21 47 50\n"
    "print 5\n"
    "print 2\n"
    "ibin 0 ^ 5 2\n"
    "print 0\n"
    "print 2\n"
    "print 5\n",
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "{32, 36, 6, 39, 40, 43, 13, 47, 50, 19, 21, 60}\n"
    "{32, 36, 6, 39, 40, 43, 13, 47, 50, 19, 21, 60}\n"
    "set()\n"
    "set()\n"
    "set()\n"
  },
  {
    "const 5 30 12 38 20 56 -2 42 54 42 -5 32 -3 37 -5 34 42 36\n"
    "ibin 5 | 5 5\n"
    "add 5 12 40 21 56 20 26 21 25 22 50 31 18 39 42 56 39 49 39 35 46 38 33 55\n"
    "meth -1 update 5 t:0 576460752303423490 0 4398046511104 0 45 1 192 58 29 t:2,5,4 56 t:0 52 34359738369 t:\n"
    "print 5\n"
    "discard 5 -8 6 -5 30 -4 8796093022208 608 f:1.0 549755813886 28 13 0 2251799813685247 1408 32\n"
    "pop 5\n"
    "add 5 0 0 40 21 33 21 6 16 1 -9 36 24 4 34 -6 17 10 -7 40 9 50\n"
    "discard 5 1 t:3,4 t:0,5,3 320 2944 f:-9.5 F 549755813886 19 36 640 56 2199023255554 t:2 9 20\n"
    "discard 5 12 29 -2 49 -8 58 29 32 44 45 35 0 20\n"
    "discard 5 43 43 38 26 52 33 39 3 39 0 0 7 57 39 40 55\n"
    "discard 5 29 16 27 37 59 41 53 3 41\n"
    "hash 5\n"
    "range 0 178 4 -3\n"
    "print 0\n"
    "print 5\n",
    "None\n"
    "{0, 4398046511104, 576460752303423490, 1, 34359738369, 12, 18, (2, 5, 4), 20, 21, 22, 25, 26, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 42, 45, 46, 49, 50, 52, 54, 55, 56, 58, 192, (), (0,), -5, -3, -2}\n"
    "4398046511104\n"
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "{130, 133, 7, 136, 10, 139, 13, 142, 16, 145, 19, 148, 22, 151, 25, 154, 28, 157, 31, 160, 34, 163, 37, 166, 40, 169, 43, 172, 46, 175, 49, 178, 52, 55, 58, 61, 64, 67, 70, 73, 76, 79, 82, 85, 88, 91, 94, 97, 100, 103, 106, 109, 112, 115, 118, 121, 124, 127}\n"
    "{576460752303423490, 34359738369, 4, 6, 10, 17, 18, (2, 5, 4), 21, 22, 24, 25, 31, 34, 42, 46, 50, 54, 192, (), (0,), -9, -7, -6, -3}\n"
  },
  {
    "build 0 f:4.5 8796093022211 16 384 55\n"
    "meths -1 issuperset 0 0\n"
    "add 0 1216 13 120 51 f:-12.5 0 6 35184372088829 4503599627370496 18014398509481986 55 57 t:5,5,3 224 14 t:5 1088\n"
    "ibin 4 | 0 0\n"
    "ibin 1 - 4 4\n"
    "discard 0 16 t:1,2,1 35 20 1 2432 f:5.5 F t:5,2,1 t:4,5,3 896 36 46 14 f:8.5 4480 11 f:-4.5 24\n"
    "print 0\n"
    "discard 4 55 7 19 51 47 52\n"
    "bin 3 | 4 0\n"
    "ibin 2 | 4 3\n"
    "add 3 f:4.5 2816 46 8796093022210 16 t:2,0 549755813890 9 24\n"
    "discard 3 46 53 2305843009213693949 52 16 960 39 60 38 72057594037927934\n"
    "copy 5 1\n"
    "meth 1 symmetric_difference 1 6 21 f:1.0 f:1.0 f:-9.5 T 18014398509481986 32 0 t:5,4,3 40 -4 18 f:1.0 48 7 16 32 31 -9 f:8.5 576460752303423485 -1 20 t:0,3\n"
    "range 5 170 48 -3\n"
    "pop 2\n"
    "add 3 44 T 46 t: 8796093022208 2 48 10 -4 f:-11.5 45 640 48 F 17592186044417 f:-19.5\n"
    "new 0\n"
    "pop 3\n"
    "print 0\n"
    "print 1\n"
    "print 2\n"
    "print 3\n"
    "print 4\n"
    "print 5\n",
    "True\n"
    "set()\n"
    "ERR KeyError KeyError('pop from an empty set')\n"
    "2816\n"
    "set()\n"
    "{0, 1.0, 18014398509481986, 6, 7, 8.5, 16, 18, 20, 21, 31, 32, 40, 48, -9.5, (5, 4, 3), (0, 3), -9, -4, 576460752303423485, -1}\n"
    "set()\n"
    "{True, 8796093022210, 549755813890, 4.5, 8796093022208, 2, 640, False, 9, 10, 17592186044417, 24, 44, 45, 46, 48, (2, 0), -19.5, -11.5, (), -4}\n"
    "set()\n"
    "{128, 131, 134, 137, 140, 143, 146, 149, 152, 155, 158, 161, 164, 167, 170, 50, 53, 56, 59, 62, 65, 68, 71, 74, 77, 80, 83, 86, 89, 92, 95, 98, 101, 104, 107, 110, 113, 116, 119, 122, 125}\n"
  },
  {
    "new 2\n"
    "print 2\n"
    "discard 2 832 -2 44 t:4,1,1 3 30 f:1.0 2 33 1 t: 896 137438953475 15 16 1125899906842623 F t:3 21 T 160 59 f:20.5 26\n"
    "meth -1 intersection_update 2 17592186044418 14 56 0 144115188075855873 48 54\n"
    "bin 1 | 2 2\n"
    "pop 2\n"
    "discard 2 24 36 9 22 17 27 27 19 24\n"
    "add 2 21 24 F t:1,5 14 t:2,0,2 31 50 36028797018963966 f:1.5\n"
    "print 1\n"
    "meth -1 intersection_update 2 10 53 18 0 -8 -8 14 42 2 -9 50 49 21 16 -5\n"
    "copy 4 2\n"
    "add 4 f:-8.5 6 -256 13 68719476735 17179869183 f:12.5 53 16 68719476736 10 2199023255553 0 -6 17 0 t:4 1152 t: 8589934591 t:5,4,2 -10 f:-13.5 21 -2 46 t: 29 t:5,3\n"
    "print 1\n"
    "print 2\n"
    "print 4\n",
    "set()\n"
    "None\n"
    "ERR KeyError KeyError('pop from an empty set')\n"
    "set()\n"
    "None\n"
    "set()\n"
    "{0, 50, 21, 14}\n"
    "{0, -256, 68719476736, 2199023255553, 1152, (5, 4, 2), 6, 10, 12.5, 13, 14, 16, 17, 21, 29, (4,), 46, 50, 53, (5, 3), (), 8589934591, -13.5, -10, -8.5, -6, 68719476735, -2, 17179869183}\n"
  },
  {
    "build 5 274877906945 -16\n"
    "hash 5\n"
    "pop 5\n"
    "bin 5 ^ 5 5\n"
    "add 5 -4 21 19 60 43 -3 45 20 23\n"
    "add 5 t: 88 60 0 4611686018427387905 -6 54 1\n"
    "discard 5 16 2 13 27 24 30 8 5 8 24\n"
    "fromlist 5 -5 15 35 -6 53 35 56 36 48 44 58 19 45 -3 5 15 49 11 15 10 8 26 -3 58 25 1 38 -2 54 12 -10 54 -9 8 50 35 15 35 51 43 54 47 -4 25 7 -9 42 17 17 48 -5 18 55 38 8 49 9 15 36 -2 -10 51 27 47 41 51 -10 34 42 33 40 -2 59 60 38 35 12 0 -3 18 26 16 15 37 -7 -10 26 60 35 34 18 11 58 39 36 51 51 18 52 15 49 -5 53 -7 46 35 10 40 55 1 32 5 26 7 -4 25 29 21 -10 36 -5 52 57 25 40 -9 4 -9 18 20 -9 -9 25 11 4 8 37 10 12 52 50 53 23 25 45 35 29 44 33 10 2 6 29 8 32 29 23 3 2 -4 0 10 31 50 -7 -2 -2 7 48 9 -1 56 49 0 6 5 58 50 54 41 46 7 7 9 5 6 33 37 32\n"
    "pop 5\n"
    "print 5\n"
    "copy 5 5\n"
    "print 5\n"
    "print 5\n",
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "-16\n"
    "0\n"
    "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 20, 21, 23, 25, 26, 27, 29, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, -10, -9, -1, -7, -6, -5, -4, -3, -2}\n"
    "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 20, 21, 23, 25, 26, 27, 29, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, -10, -9, -2, -7, -6, -5, -4, -3, -1}\n"
    "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 20, 21, 23, 25, 26, 27, 29, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, -10, -9, -2, -7, -6, -5, -4, -3, -1}\n"
  },
  {
    "new 3\n"
    "add 3 12 -64 1088 21 f:-6.5 1 t: 44 544 -7 0 F -10 281474976710655 T 49 f:-18.5 f:1.0 31 55 t:4,3 44\n"
    "const 5 -5 43 7 24 55 1 35 1 48 21 19 36 18 45\n"
    "print 3\n"
    "add 3 44 24 0 -96 2688 -256 15 640 -6 f:9.5 52 1099511627776\n"
    "discard 5 -5 0 640 t: 43 22 34 2147483648 32\n"
    "print 3\n"
    "print 5\n",
    "{-64, 1088, 1, 544, 0, (4, 3), 12, 44, -18.5, 49, 21, -10, 55, -7, -6.5, (), 31, 281474976710655}\n"
    "{0, 1, 2688, -256, 640, 1099511627776, (4, 3), 9.5, 12, 15, 21, 24, 31, 544, -96, 44, 49, 52, 55, -64, 1088, -6, -18.5, -10, -7, -6.5, (), 281474976710655}\n"
    "{1, 35, 36, 7, 45, 48, 18, 19, 21, 55, 24}\n"
  },
  {
    "build 0 t: t:0 14 f:14.5 16 41 7 f:15.5 1 48 11 57\n"
    "print 0\n"
    "hash 0\n"
    "discard 0 14 32 47 42 21 55 34 37 16 51 10 -5\n"
    "discard 0 58 17 2 -7 37 54 8 11 48 4 -5 31 39 -5 52 47 26 14 48 15\n"
    "add 0 9 6 21 27 6 2 31 8 31 -2 17 28 -9 -6 25 -8 31 10 11 44 12 43\n"
    "fromlist 3 11 25 53 51 45 38 24 7 14 26 -1 21 35 13 54 52 8 40 21 51 26 11 16 5\n"
    "add 0 t:3,5,1 53 3 33 f:1.0 -384 42 10 F 896 -1 54 1024 4096 0 -2\n"
    "discard 3 47 24 1 37 33 59 40 58 20 51 35 39 18 41 33 52 7 24 -8 21 8 25 7 33 8 26 -4 54 35\n"
    "ibin 1 & 0 0\n"
    "add 3 1408 1920 55 128 200 2199023255554 f:14.5 768 176 8796093022209 1099511627774 27 6 50 41 32 1099511627774 T\n"
    "print 1\n"
    "const 3 32 144115188075855874 1024 f:11.5 f:-15.5 58\n"
    "bin 3 | 3 0\n"
    "discard 1 40 -6 8 0 2 38 17\n"
    "ibin 4 | 3 0\n"
    "add 0 54 28 17 -3 60 33 49 36 42 25 15 55 -1 39 2 -1 47 -3 37 -8\n"
    "pop 0\n"
    "const 2 6 51 28 -4 47 30 -10 16 46 49 -8 44 2 0 39 44 10 18 27\n"
    "print 0\n"
    "print 1\n"
    "print 2\n"
    "print 3\n"
    "print 4\n",
    "{1, 7, 41, 11, 14, 14.5, 16, 15.5, 48, (0,), 57, ()}\n"
    "ERR TypeError TypeError(\"unhashable type: 'set'\")\n"
    "{-384, 1, 2, 3, False, 896, 6, 7, 8, 9, 10, 11, 12, 4096, 14.5, 15.5, 17, 21, 25, 27, 28, 31, 33, 1024, 41, 42, 43, 44, 53, 54, 57, (0,), (3, 5, 1), -1, -9, -8, -6, (), -2}\n"
    "-384\n"
    "{1, 3, 896, 6, 7, 2, 9, 10, 11, 12, 4096, 14.5, 15.5, 15, 17, 21, 25, 27, 28, 31, 33, 1024, 36, 37, 39, 41, 42, 43, 44, 47, 49, 53, 54, 55, 57, 60, (0,), (3, 5, 1), -1, -9, -8, (), -3, -2}\n"
    "{1, 3, 896, 6, 7, 2, 9, 10, 11, 12, 4096, 14.5, 15.5, 15, 17, 21, 25, 27, 28, 31, 33, 1024, 36, 37, 39, 41, 42, 43, 44, 47, 49, 53, 54, 55, 57, 60, (0,), (3, 5, 1), -1, -9, -8, (), -3, -2}\n"
    "{0, 2, 6, 10, 16, 18, 27, 28, 30, 39, 44, 46, 47, 49, 51, -10, -8, -4}\n"
    "{1024, 1, 144115188075855874, 2, 3, False, 6, 7, 8, 9, 10, 11.5, 11, 12, 14.5, 15.5, 17, 21, 25, 27, 28, 31, 32, 33, 41, 42, 43, 44, 53, 54, 57, 58, (0,), (), -384, 896, 4096, (3, 5, 1), -15.5, -1, -9, -8, -6, -2}\n"
    "{1024, 1, 144115188075855874, 2, 3, False, 6, 7, 8, 9, 10, 11.5, 11, 12, 14.5, 15.5, 17, 21, 25, 27, 28, 31, 32, 33, 41, 42, 43, 44, 53, 54, 57, 58, (0,), (), -384, 896, 4096, (3, 5, 1), -15.5, -1, -9, -8, -6, -2}\n"
  },
  {
    "fromlist 3 48 59 t:3,4 68719476735 59 70368744177664 0 29 2176 60 T\n"
    "ibin 2 & 3 3\n"
    "add 2 f:19.5 7 47\n"
    "print 2\n"
    "meths -1 isdisjoint 2 3\n"
    "add 3 47 29 59 15 24 21 -6 60 49 25 16 -7 44 24 20 27 -2 24 49 -2 -2 6\n"
    "discard 2 30 2 59 1 46 8 48\n"
    "print 2\n"
    "print 3\n",
    "{70368744177664, 0, 2176, True, (3, 4), 7, 47, 48, 19.5, 59, 60, 29, 68719476735}\n"
    "False\n"
    "{70368744177664, 0, 2176, (3, 4), 6, 7, 15, 16, 19.5, 20, 21, 24, 25, 27, 29, 44, 47, 49, 60, -7, -6, -2, 68719476735}\n"
    "{70368744177664, 0, 2176, (3, 4), 6, 7, 15, 16, 19.5, 20, 21, 24, 25, 27, 29, 44, 47, 49, 60, -7, -6, -2, 68719476735}\n"
  },
};

/* ================================================================== range and slice */

static void test_range(void) {
    PyrtObject *r = K(PyrtRange_New(0, 10, 2));
    EXPECT(r, "range(0, 10, 2)");
    EXPECT(C(TYPE(Range), 1, I(5)), "range(0, 5)");
    EXPECT(GET(r, I(1)), "2");
    EXPECT(GET(r, I(-1)), "8");
    EXPECT(GET(r, I(5)), "!IndexError: range object index out of range");
    EXPECT(GET(r, S("a")), "!TypeError: range indices must be integers or slices, not str");
    EXPECT(GET(r, SL(I(1), I(3), NULL)), "range(2, 6, 2)");
    EXPECT(GET(r, SL(NULL, NULL, I(-1))), "range(8, -2, -2)");
    EXPECT(GET(K(PyrtRange_New(0, 10, 1)), SL(NULL, NULL, I(-1))), "range(9, -1, -1)");
    EXPECT(GET(K(PyrtRange_New(0, 10, 1)), SL(I(5), I(100), NULL)), "range(5, 10)");
    CHECK(Pyrt_Len(K(PyrtRange_New(-5, 5, 3))) == 4);
    EXPECT(C(TYPE(List), 1, K(PyrtRange_New(-5, 5, 3))), "[-5, -2, 1, 4]");
    EXPECT(C(TYPE(List), 1, K(PyrtRange_New(5, -5, -4))), "[5, 1, -3]");
    CHECK(Pyrt_Contains(r, I(4)) == 1 && Pyrt_Contains(r, I(5)) == 0 && Pyrt_Contains(r, I(10)) == 0);
    CHECK(Pyrt_Contains(r, F(4.0)) == 1 && Pyrt_Contains(r, S("a")) == 0);
    EXPECT(CMP(K(PyrtRange_New(0, 0, 1)), K(PyrtRange_New(5, 5, 1)), PYRT_EQ), "True");
    EXPECT(CMP(K(PyrtRange_New(0, 3, 2)), K(PyrtRange_New(0, 4, 2)), PYRT_EQ), "True");
    EXPECT(CMP(K(PyrtRange_New(0, 3, 1)), K(PyrtRange_New(0, 4, 2)), PYRT_EQ), "False");
    CHECK(Pyrt_Hash(r) == -6143170332311272345LL);
    EXPECT(M(r, "index", 1, I(4)), "2");
    EXPECT(M(r, "index", 1, I(5)), "!ValueError: 5 is not in range");
    EXPECT(M(r, "count", 1, I(4)), "1");
    EXPECT(C(TYPE(List), 1, K(PyrtReversed_New(K(PyrtRange_New(1, 10, 3))))), "[7, 4, 1]");
    EXPECT(C(TYPE(List), 1, K(PyrtReversed_New(K(PyrtRange_New(INT64_MIN, INT64_MIN + 3, 1))))),
           "[-9223372036854775806, -9223372036854775807, -9223372036854775808]");
    EXPECT(K(Pyrt_GetAttrStr(r, "step")), "2");
    EXPECT(C(TYPE(Range), 3, I(1), I(2), I(0)), "!ValueError: range() arg 3 must not be zero");
    EXPECT(C(TYPE(Range), 1, F(1.5)), "!TypeError: 'float' object cannot be interpreted as an integer");
    EXPECT(C(TYPE(Range), 0), "!TypeError: range expected at least 1 argument, got 0");
    EXPECT(C(TYPE(Range), 4, I(1), I(2), I(3), I(4)), "!TypeError: range expected at most 3 arguments, got 4");

    EXPECT(SL(I(1), I(2), NULL), "slice(1, 2, None)");
    EXPECT(C(TYPE(Slice), 1, I(5)), "slice(None, 5, None)");
    EXPECT(M(SL(I(1), I(2), I(3)), "indices", 1, I(10)), "(1, 2, 3)");
    EXPECT(M(SL(NULL, NULL, I(-1)), "indices", 1, I(5)), "(4, -1, -1)");
    EXPECT(M(SL(I(-100), I(100), I(2)), "indices", 1, I(10)), "(0, 10, 2)");
    EXPECT(M(SL(I(1), I(2), I(0)), "indices", 1, I(5)), "!ValueError: slice step cannot be zero");
    EXPECT(M(SL(I(1), I(2), NULL), "indices", 1, I(-1)), "!ValueError: length should not be negative");
    EXPECT(K(Pyrt_GetAttrStr(SL(I(1), I(2), NULL), "stop")), "2");
    int64_t a, b, st, n;
    CHECK(PyrtSlice_Indices(NULL, NULL, I(-2), 7, &a, &b, &st, &n) == 0 && a == 6 && b == -1 && st == -2 && n == 4);
    CHECK(PyrtSlice_Indices(I(-3), N, N, 7, &a, &b, &st, &n) == 0 && a == 4 && b == 7 && st == 1 && n == 3);
}

/* ================================================================== iterators */

static void test_iterators(void) {
    EXPECT(C(TYPE(List), 1, C(TYPE(Enumerate), 2, S("ab"), I(5))), "[(5, 'a'), (6, 'b')]");
    EXPECT(C(TYPE(Enumerate), 0), "!TypeError: enumerate() missing required argument 'iterable'");
    EXPECT(C(TYPE(Enumerate), 1, I(1)), "!TypeError: 'int' object is not iterable");
    EXPECT(C(TYPE(Enumerate), 2, LI(0), F(1.5)), "!TypeError: 'float' object cannot be interpreted as an integer");
    EXPECT(C(TYPE(Enumerate), 3, LI(0), I(1), I(2)), "!TypeError: enumerate() takes at most 2 arguments (3 given)");
    PyrtObject *en_args[2] = {LI(1, 7), I(3)};
    EXPECT(C(TYPE(List), 1, K(Pyrt_Call(TYPE(Enumerate), en_args, 1, T(1, S("start"))))), "[(3, 7)]");

    EXPECT(C(TYPE(List), 1, C(TYPE(Zip), 2, LI(3, 1, 2, 3), S("ab"))), "[(1, 'a'), (2, 'b')]");
    EXPECT(C(TYPE(List), 1, C(TYPE(Zip), 0)), "[]");
    PyrtObject *zargs[4] = {LI(2, 1, 2), LI(2, 1, 2), LI(1, 1), Pyrt_True};
    EXPECT(C(TYPE(List), 1, K(Pyrt_Call(TYPE(Zip), zargs + 1, 2, NULL))), "[(1, 1)]");
    PyrtObject *strict_kw = T(1, S("strict"));
    PyrtObject *z1[3] = {LI(1, 1), LI(2, 1, 2), Pyrt_True};
    EXPECT(C(TYPE(List), 1, K(Pyrt_Call(TYPE(Zip), z1, 2, strict_kw))),
           "!ValueError: zip() argument 2 is longer than argument 1");
    PyrtObject *z2[4] = {LI(2, 1, 2), LI(2, 1, 2), LI(1, 1), Pyrt_True};
    EXPECT(C(TYPE(List), 1, K(Pyrt_Call(TYPE(Zip), z2, 3, strict_kw))),
           "!ValueError: zip() argument 3 is shorter than arguments 1-2");
    PyrtObject *z3[3] = {LI(2, 1, 2), LI(1, 1), Pyrt_True};
    EXPECT(C(TYPE(List), 1, K(Pyrt_Call(TYPE(Zip), z3, 2, strict_kw))),
           "!ValueError: zip() argument 2 is shorter than argument 1");
    EXPECT(C(TYPE(List), 1, K(Pyrt_Call(TYPE(Zip), zargs, 2, strict_kw))), "[(1, 1), (2, 2)]");
    EXPECT(K(Pyrt_Call(TYPE(Zip), zargs, 1, T(1, S("x")))), "!TypeError: 'x' is an invalid keyword argument for zip()");

    EXPECT(C(TYPE(List), 1, C(TYPE(Map), 2, Pyrt_GetBuiltin("abs"), LI(2, -1, 2))), "[1, 2]");
    EXPECT(C(TYPE(List), 1, C(TYPE(Map), 3, Pyrt_GetBuiltin("pow"), LI(2, 2, 3), LI(3, 3, 2, 9))), "[8, 9]");
    EXPECT(C(TYPE(Map), 1, Pyrt_GetBuiltin("abs")), "!TypeError: map() must have at least two arguments.");
    EXPECT(C(TYPE(List), 1, C(TYPE(Filter), 2, N, L(4, I(0), I(1), S(""), S("a")))), "[1, 'a']");
    EXPECT(C(TYPE(List), 1, C(TYPE(Filter), 2, Pyrt_GetBuiltin("abs"), LI(3, 0, -1, 0))), "[-1]");
    EXPECT(C(TYPE(Filter), 1, N), "!TypeError: filter expected 2 arguments, got 1");

    EXPECT(C(TYPE(List), 1, C(TYPE(Reversed), 1, T(3, I(1), I(2), I(3)))), "[3, 2, 1]");
    EXPECT(C(TYPE(List), 1, C(TYPE(Reversed), 1, LI(3, 1, 2, 3))), "[3, 2, 1]");
    EXPECT(C(TYPE(List), 1, C(TYPE(Reversed), 1, S("abc"))), "['c', 'b', 'a']");
    EXPECT(C(TYPE(Reversed), 1, I(1)), "!TypeError: 'int' object is not reversible");
    EXPECT(C(TYPE(Reversed), 1, K(PyrtSet_New())), "!TypeError: 'set' object is not reversible");
    EXPECT(C(TYPE(Reversed), 0), "!TypeError: reversed expected 1 argument, got 0");
    CHECK(C(TYPE(Reversed), 1, LI(0))->type == &PyrtType_ListRevIter);

    /* list iterators see appends; exhausted iterators stay exhausted */
    PyrtObject *l = LI(1, 1);
    PyrtObject *it = K(Pyrt_GetIter(l));
    EXPECT(K(Pyrt_IterNext(it)), "1");
    PyrtList_Append(l, I(2));
    EXPECT(K(Pyrt_IterNext(it)), "2");
    CHECK(Pyrt_IterNext(it) == NULL && !Pyrt_ErrOccurred());
    PyrtList_Append(l, I(3));
    CHECK(Pyrt_IterNext(it) == NULL && !Pyrt_ErrOccurred());
    CHECK(K(Pyrt_GetIter(it)) == it);
    CHECK(strcmp(PyrtType_ListIter.name, "list_iterator") == 0);
    /* the __getitem__ iterator */
    PyrtObject *si = K(PyrtSeqIter_New(S("xy")));
    EXPECT(C(TYPE(List), 1, si), "['x', 'y']");
}

int main(int argc, char **argv) {
    Pyrt_Init(argc, argv);
    test_list();
    test_sort();
    test_tuple();
    test_dict();
    test_set();
    for (size_t i = 0; i < sizeof set_order_cases / sizeof set_order_cases[0]; i++)
        run_set_script((int)i, set_order_cases[i][0], set_order_cases[i][1]);
    test_range();
    test_iterators();
    for (int i = nkeep - 1; i >= 0; i--) PYRT_DECREF(keep[i]);
    if (failures) {
        printf("%d failures\n", failures);
        return 1;
    }
    printf("OK containers\n");
    return 0;
}
