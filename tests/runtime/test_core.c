/* test_core.c: unit tests of the core runtime area (object.c, type.c, exc.c, gen.c): exceptions and
 * their messages, uncaught-exception printing, the generic operations, argument parsing, functions,
 * classes and instances, generators. Expected values were checked against CPython 3.11. Prints
 * "OK core" on success. */
#include "pyrt.h"
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>

/* dict.c may not exist yet while the areas are written in parallel: class tests need it. */
extern PyrtObject *PyrtDict_New(void) __attribute__((weak));

static int failures = 0;
#define CHECK(cond)                                                               \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                           \
        }                                                                         \
    } while (0)

static PyrtObject *S(const char *s) { return PyrtStr_FromCString(s); }
static PyrtObject *I(int64_t v) { return PyrtInt_FromI64(v); }

/* o (stolen) is a str equal to expect */
static int str_is(PyrtObject *o, const char *expect)
{
    if (!o) {
        fprintf(stderr, "  got NULL (exception %s)\n", pyrt_exc ? pyrt_exc->type->name : "none");
        Pyrt_ErrClear();
        return 0;
    }
    int ok = o->type == &PyrtType_Str && strcmp(PyrtStr_UTF8(o), expect) == 0;
    if (!ok)
        fprintf(stderr, "  got '%s', expected '%s'\n", o->type == &PyrtType_Str ? PyrtStr_UTF8(o) : "?", expect);
    PYRT_DECREF(o);
    return ok;
}

/* repr(o) == expect; o (stolen) */
static int repr_steal(PyrtObject *o, const char *expect)
{
    if (!o)
        return str_is(NULL, expect);
    int ok = str_is(Pyrt_Repr(o), expect);
    PYRT_DECREF(o);
    return ok;
}

/* the current exception has type t and str msg; clears it */
static int exc_is(PyrtType *t, const char *msg)
{
    if (!pyrt_exc) {
        fprintf(stderr, "  no exception, expected %s: %s\n", t->name, msg);
        return 0;
    }
    PyrtObject *e = Pyrt_ErrFetch();
    int ok = e->type == t;
    if (!ok)
        fprintf(stderr, "  exception %s, expected %s\n", e->type->name, t->name);
    ok &= str_is(Pyrt_Str(e), msg);
    PYRT_DECREF(e);
    return ok;
}

/* ------------------------------------------------------------------ exceptions */

static void test_exceptions(void)
{
    CHECK(Pyrt_ErrSetString(&PyrtType_ValueError, "bad") == NULL);
    CHECK(Pyrt_ErrOccurred());
    PyrtObject *e = Pyrt_ErrFetch();
    CHECK(str_is(Pyrt_Repr(e), "ValueError('bad')"));
    CHECK(str_is(Pyrt_Str(e), "bad"));
    CHECK(str_is(Pyrt_GetAttrStr((PyrtObject *)e->type, "__name__"), "ValueError"));
    PyrtObject *args = Pyrt_GetAttrStr(e, "args");
    CHECK(str_is(Pyrt_Repr(args), "('bad',)"));
    PYRT_DECREF(args);
    PYRT_DECREF(e);

    PyrtObject *a = S("a"), *b = S("b");
    PyrtObject *ab[2] = {a, b};
    e = PyrtExc_New(&PyrtType_KeyError, &a, 1);
    CHECK(str_is(Pyrt_Str(e), "'a'"));
    CHECK(str_is(Pyrt_Repr(e), "KeyError('a')"));
    PYRT_DECREF(e);
    e = PyrtExc_New(&PyrtType_KeyError, ab, 2);
    CHECK(str_is(Pyrt_Str(e), "('a', 'b')"));
    PYRT_DECREF(e);
    e = PyrtExc_New(&PyrtType_ValueError, NULL, 0);
    CHECK(str_is(Pyrt_Str(e), ""));
    CHECK(str_is(Pyrt_Repr(e), "ValueError()"));
    PYRT_DECREF(e);

    /* StopIteration.value, SystemExit.code */
    PyrtObject *five = I(5);
    e = PyrtExc_New(&PyrtType_StopIteration, &five, 1);
    CHECK(repr_steal((Pyrt_GetAttrStr(e, "value")), "5"));
    PYRT_DECREF(e);
    e = PyrtExc_New(&PyrtType_StopIteration, NULL, 0);
    CHECK(repr_steal((Pyrt_GetAttrStr(e, "value")), "None"));
    PYRT_DECREF(e);
    e = PyrtExc_New(&PyrtType_SystemExit, ab, 2);
    CHECK(repr_steal((Pyrt_GetAttrStr(e, "code")), "('a', 'b')"));
    PYRT_DECREF(e);

    /* calling exception types */
    e = Pyrt_Call((PyrtObject *)&PyrtType_IndexError, &a, 1, NULL);
    CHECK(e && e->type == &PyrtType_IndexError);
    PYRT_XDECREF(e);
    PyrtObject *kw = PyrtTuple_FromArray(&a, 1);
    CHECK(Pyrt_Call((PyrtObject *)&PyrtType_ValueError, &a, 0, kw) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "ValueError() takes no keyword arguments"));
    PYRT_DECREF(kw);

    /* Pyrt_ErrFormat */
    Pyrt_ErrFormat(&PyrtType_TypeError, "%s|%d|%lld|%zd|%c|%%|%R|%S", "x", -3, (long long)1 << 40, (ptrdiff_t)7,
                   'q', a, a);
    CHECK(exc_is(&PyrtType_TypeError, "x|-3|1099511627776|7|q|%|'a'|a"));

    /* hierarchy */
    struct { PyrtType *sub, *base; } pairs[] = {
        {&PyrtType_RecursionError, &PyrtType_RuntimeError}, {&PyrtType_NotImplementedError, &PyrtType_RuntimeError},
        {&PyrtType_UnboundLocalError, &PyrtType_NameError}, {&PyrtType_FileNotFoundError, &PyrtType_OSError},
        {&PyrtType_ZeroDivisionError, &PyrtType_ArithmeticError}, {&PyrtType_OverflowError, &PyrtType_ArithmeticError},
        {&PyrtType_IndexError, &PyrtType_LookupError}, {&PyrtType_KeyError, &PyrtType_LookupError},
        {&PyrtType_UnicodeError, &PyrtType_ValueError}, {&PyrtType_StopIteration, &PyrtType_Exception},
        {&PyrtType_Exception, &PyrtType_BaseException}, {&PyrtType_SystemExit, &PyrtType_BaseException},
        {&PyrtType_GeneratorExit, &PyrtType_BaseException}, {&PyrtType_KeyboardInterrupt, &PyrtType_BaseException},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        CHECK(PyrtType_IsSubtype(pairs[i].sub, pairs[i].base));
    CHECK(!PyrtType_IsSubtype(&PyrtType_SystemExit, &PyrtType_Exception));
    CHECK(!PyrtType_IsSubtype(&PyrtType_KeyError, &PyrtType_IndexError));

    Pyrt_ErrSetString(&PyrtType_KeyError, "k");
    CHECK(Pyrt_ErrMatches((PyrtObject *)&PyrtType_LookupError) == 1);
    CHECK(Pyrt_ErrMatches((PyrtObject *)&PyrtType_IndexError) == 0);
    PyrtObject *classes[2] = {(PyrtObject *)&PyrtType_IndexError, (PyrtObject *)&PyrtType_KeyError};
    PyrtObject *tup = PyrtTuple_FromArray(classes, 2);
    CHECK(Pyrt_ErrMatches(tup) == 1);
    PYRT_DECREF(tup);
    e = Pyrt_ErrFetch();
    CHECK(Pyrt_ExceptionMatches(e, five) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "catching classes that do not inherit from BaseException is not allowed"));
    PYRT_DECREF(e);

    /* raise */
    CHECK(Pyrt_Raise((PyrtObject *)&PyrtType_ValueError, NULL) == NULL);
    CHECK(exc_is(&PyrtType_ValueError, ""));
    Pyrt_Raise(five, NULL);
    CHECK(exc_is(&PyrtType_TypeError, "exceptions must derive from BaseException"));
    Pyrt_Raise((PyrtObject *)&PyrtType_ValueError, five);
    CHECK(exc_is(&PyrtType_TypeError, "exception causes must derive from BaseException"));
    Pyrt_Reraise();
    CHECK(exc_is(&PyrtType_RuntimeError, "No active exception to reraise"));

    /* context and cause through the handler stack */
    Pyrt_ErrSetString(&PyrtType_ZeroDivisionError, "division by zero");
    PyrtObject *caught = Pyrt_ErrFetch();
    PyrtObject *token = Pyrt_ExcEnterHandler(caught);
    CHECK(Pyrt_ExcCurrentHandled() == caught);
    Pyrt_ErrSetString(&PyrtType_KeyError, "k");
    CHECK(((PyrtBaseException *)pyrt_exc)->context == caught);
    Pyrt_ErrClear();
    Pyrt_Raise((PyrtObject *)&PyrtType_ValueError, caught);
    CHECK(((PyrtBaseException *)pyrt_exc)->cause == caught);
    CHECK(((PyrtBaseException *)pyrt_exc)->suppress_context == 1);
    Pyrt_ErrClear();
    Pyrt_Reraise();
    CHECK(pyrt_exc == caught);
    Pyrt_ErrClear();
    Pyrt_ExcExitHandler(token);
    CHECK(Pyrt_ExcCurrentHandled() == NULL);
    PYRT_DECREF(caught);

    /* message helpers */
    Pyrt_ErrNoAttribute(five, a);
    CHECK(exc_is(&PyrtType_AttributeError, "'int' object has no attribute 'a'"));
    Pyrt_ErrNoAttribute((PyrtObject *)&PyrtType_Int, a);
    CHECK(exc_is(&PyrtType_AttributeError, "type object 'int' has no attribute 'a'"));
    Pyrt_ErrNameError("x");
    CHECK(exc_is(&PyrtType_NameError, "name 'x' is not defined"));
    Pyrt_ErrUnboundLocal("x");
    CHECK(exc_is(&PyrtType_UnboundLocalError,
                 "cannot access local variable 'x' where it is not associated with a value"));
    Pyrt_ErrFreeVar("x");
    CHECK(exc_is(&PyrtType_NameError,
                 "cannot access free variable 'x' where it is not associated with a value in enclosing scope"));
    PYRT_DECREF(a);
    PYRT_DECREF(b);
    PYRT_DECREF(five);
}

/* recursion guard: CPython 3.11 reaches 999 nested calls of a function called from module level */
static int recurse(int n, int *deepest)
{
    if (Pyrt_EnterCall())
        return -1;
    *deepest = n;
    int r = recurse(n + 1, deepest);
    Pyrt_LeaveCall();
    return r;
}

static void test_recursion(void)
{
    int deepest = 0;
    CHECK(recurse(1, &deepest) == -1);
    CHECK(deepest == 999);
    CHECK(exc_is(&PyrtType_RecursionError, "maximum recursion depth exceeded"));
    CHECK(pyrt_depth == 1);
}

/* ------------------------------------------------------------------ uncaught exceptions */

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

/* run Pyrt_HandleUncaught with stderr redirected; returns what it printed */
/* (the runtime writes tracebacks to file descriptor 2 directly: redirected with dup2) */
static char *uncaught(int *status)
{
    const char *path = "/tmp/pyrt_test_core_stderr.txt";
    fflush(stderr);
    int saved = dup(2);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    close(fd);
    *status = Pyrt_HandleUncaught();
    dup2(saved, 2);
    close(saved);
    return read_file(path);
}

static void test_uncaught(void)
{
    int status;
    Pyrt_ErrSetString(&PyrtType_ValueError, "bad");
    Pyrt_TracebackAdd("/nonexistent/t.py", "f", 3);
    Pyrt_TracebackAdd("/nonexistent/t.py", "<module>", 5);
    char *out = uncaught(&status);
    CHECK(status == 1);
    CHECK(out && strcmp(out, "Traceback (most recent call last):\n"
                             "  File \"/nonexistent/t.py\", line 5, in <module>\n"
                             "  File \"/nonexistent/t.py\", line 3, in f\n"
                             "ValueError: bad\n") == 0);

    /* direct cause, and an exception with an empty message */
    Pyrt_ErrSetNone(&PyrtType_KeyError);
    Pyrt_TracebackAdd("t.py", "<module>", 2);
    PyrtObject *first = Pyrt_ErrFetch();
    PyrtObject *tok = Pyrt_ExcEnterHandler(first);
    PyrtObject *y = S("y");
    PyrtObject *ve = PyrtExc_New(&PyrtType_ValueError, &y, 1);
    Pyrt_Raise(ve, first);
    Pyrt_TracebackAdd("t.py", "<module>", 4);
    Pyrt_ExcExitHandler(tok);
    out = uncaught(&status);
    CHECK(out && strcmp(out, "Traceback (most recent call last):\n  File \"t.py\", line 2, in <module>\nKeyError\n"
                             "\nThe above exception was the direct cause of the following exception:\n\n"
                             "Traceback (most recent call last):\n  File \"t.py\", line 4, in <module>\n"
                             "ValueError: y\n") == 0);
    PYRT_DECREF(first);
    PYRT_DECREF(ve);

    /* implicit context */
    Pyrt_ErrSetString(&PyrtType_ZeroDivisionError, "division by zero");
    first = Pyrt_ErrFetch();
    tok = Pyrt_ExcEnterHandler(first);
    Pyrt_ErrSetObject(&PyrtType_KeyError, y);
    Pyrt_ExcExitHandler(tok);
    out = uncaught(&status);
    CHECK(out && strcmp(out, "ZeroDivisionError: division by zero\n"
                             "\nDuring handling of the above exception, another exception occurred:\n\n"
                             "KeyError: 'y'\n") == 0);
    PYRT_DECREF(first);

    /* repeated frames are collapsed like CPython */
    Pyrt_ErrSetString(&PyrtType_RecursionError, "maximum recursion depth exceeded");
    for (int i = 0; i < 10; i++)
        Pyrt_TracebackAdd("r.py", "f", 2);
    Pyrt_TracebackAdd("r.py", "<module>", 3);
    out = uncaught(&status);
    CHECK(out && strcmp(out, "Traceback (most recent call last):\n  File \"r.py\", line 3, in <module>\n"
                             "  File \"r.py\", line 2, in f\n  File \"r.py\", line 2, in f\n"
                             "  File \"r.py\", line 2, in f\n  [Previous line repeated 7 more times]\n"
                             "RecursionError: maximum recursion depth exceeded\n") == 0);

    /* SystemExit */
    PyrtObject *three = I(3);
    Pyrt_ErrSetObject(&PyrtType_SystemExit, three);
    out = uncaught(&status);
    CHECK(status == 3 && out && out[0] == 0);
    Pyrt_ErrSetNone(&PyrtType_SystemExit);
    out = uncaught(&status);
    CHECK(status == 0);
    Pyrt_ErrSetObject(&PyrtType_SystemExit, y);
    out = uncaught(&status);
    CHECK(status == 1 && out && strcmp(out, "y\n") == 0);
    PYRT_DECREF(y);
}

/* ------------------------------------------------------------------ generic operations */

static void test_generic(void)
{
    PyrtObject *one = I(1), *two = I(2), *s = S("a");
    CHECK(str_is(Pyrt_Repr(Pyrt_None), "None"));
    CHECK(str_is(Pyrt_Repr(Pyrt_NotImplemented), "NotImplemented"));
    CHECK(str_is(Pyrt_Repr((PyrtObject *)&PyrtType_Int), "<class 'int'>"));
    CHECK(str_is(Pyrt_Repr((PyrtObject *)&PyrtType_ValueError), "<class 'ValueError'>"));
    CHECK(str_is(Pyrt_Str(s), "a"));

    PyrtObject *obj = Pyrt_Call((PyrtObject *)&PyrtType_Object, NULL, 0, NULL);
    CHECK(obj && obj->type == &PyrtType_Object);
    PyrtObject *r = Pyrt_Repr(obj);
    CHECK(r && strncmp(PyrtStr_UTF8(r), "<object object at 0x", 20) == 0);
    PYRT_XDECREF(r);
    CHECK(Pyrt_Hash(obj) == Pyrt_Hash(obj) && Pyrt_Hash(obj) != -1);
    CHECK(Pyrt_IsTrue(obj) == 1);
    CHECK(Pyrt_GetAttr(obj, s) == NULL);
    CHECK(exc_is(&PyrtType_AttributeError, "'object' object has no attribute 'a'"));
    CHECK(Pyrt_SetAttr(obj, s, one) == -1);
    CHECK(exc_is(&PyrtType_AttributeError, "'object' object has no attribute 'a'"));
    CHECK(Pyrt_Call((PyrtObject *)&PyrtType_Object, &one, 1, NULL) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "object() takes no arguments"));
    CHECK(Pyrt_Format(obj, s) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "unsupported format string passed to object.__format__"));
    CHECK(Pyrt_TypeOf(obj) == (PyrtObject *)&PyrtType_Object);
    CHECK(Pyrt_Call((PyrtObject *)&PyrtType_Type, &s, 1, NULL) == (PyrtObject *)&PyrtType_Str);

    CHECK(Pyrt_IsTrue(Pyrt_None) == 0);
    CHECK(Pyrt_Not(Pyrt_None) == 1);
    CHECK(Pyrt_RichCompareBool(obj, obj, PYRT_EQ) == 1);
    CHECK(Pyrt_RichCompareBool(obj, one, PYRT_EQ) == 0);
    CHECK(Pyrt_RichCompareBool(obj, one, PYRT_NE) == 1);
    CHECK(Pyrt_RichCompare(one, s, PYRT_LT) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "'<' not supported between instances of 'int' and 'str'"));
    CHECK(Pyrt_RichCompare(obj, Pyrt_None, PYRT_GE) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "'>=' not supported between instances of 'object' and 'NoneType'"));
    CHECK(Pyrt_RichCompare(Pyrt_None, Pyrt_None, PYRT_EQ) == Pyrt_True);

    CHECK(Pyrt_BinaryOp(obj, s, PYRT_ADD) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "unsupported operand type(s) for +: 'object' and 'str'"));
    CHECK(Pyrt_BinaryOp(obj, s, PYRT_POW) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "unsupported operand type(s) for ** or pow(): 'object' and 'str'"));
    CHECK(Pyrt_BinaryOp(obj, obj, PYRT_MATMUL | PYRT_INPLACE) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "unsupported operand type(s) for @=: 'object' and 'object'"));
    CHECK(Pyrt_UnaryOp(s, PYRT_NEG) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "bad operand type for unary -: 'str'"));
    CHECK(Pyrt_UnaryOp(obj, PYRT_INVERT) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "bad operand type for unary ~: 'object'"));

    CHECK(Pyrt_GetItem(obj, one) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "'object' object is not subscriptable"));
    CHECK(Pyrt_SetItem(obj, one, one) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "'object' object does not support item assignment"));
    CHECK(Pyrt_DelItem(obj, one) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "'object' object does not support item deletion"));
    CHECK(Pyrt_Len(obj) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "object of type 'object' has no len()"));
    CHECK(Pyrt_GetIter(obj) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "'object' object is not iterable"));
    CHECK(Pyrt_IterNext(obj) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "'object' object is not an iterator"));
    CHECK(Pyrt_Contains(obj, one) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "argument of type 'object' is not iterable"));
    CHECK(Pyrt_Call(obj, NULL, 0, NULL) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "'object' object is not callable"));

    /* isinstance / issubclass */
    CHECK(Pyrt_IsInstance(obj, (PyrtObject *)&PyrtType_Object) == 1);
    CHECK(Pyrt_IsInstance(obj, (PyrtObject *)&PyrtType_Str) == 0);
    PyrtObject *classes[2] = {(PyrtObject *)&PyrtType_Str, (PyrtObject *)&PyrtType_Object};
    PyrtObject *tup = PyrtTuple_FromArray(classes, 2);
    CHECK(Pyrt_IsInstance(obj, tup) == 1);
    CHECK(Pyrt_IsInstance(obj, one) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union"));
    CHECK(Pyrt_IsSubclass(one, tup) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "issubclass() arg 1 must be a class"));
    CHECK(Pyrt_IsSubclass((PyrtObject *)&PyrtType_KeyError, (PyrtObject *)&PyrtType_LookupError) == 1);
    CHECK(Pyrt_IsSubclass((PyrtObject *)&PyrtType_KeyError, one) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union"));

    /* unpacking */
    PyrtObject *items[3] = {one, two, s};
    PyrtObject *t3 = PyrtTuple_FromArray(items, 3);
    PyrtObject *out[5];
    CHECK(Pyrt_Unpack(t3, 2, 0, 0, out) == -1);
    CHECK(exc_is(&PyrtType_ValueError, "too many values to unpack (expected 2)"));
    CHECK(Pyrt_Unpack(t3, 4, 0, 0, out) == -1);
    CHECK(exc_is(&PyrtType_ValueError, "not enough values to unpack (expected 4, got 3)"));
    CHECK(Pyrt_Unpack(t3, 2, 1, 2, out) == -1);
    CHECK(exc_is(&PyrtType_ValueError, "not enough values to unpack (expected at least 4, got 3)"));
    CHECK(Pyrt_Unpack(one, 2, 0, 0, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "cannot unpack non-iterable int object"));
    CHECK(Pyrt_Unpack(t3, 1, 1, 1, out) == 0);
    CHECK(out[0] == one && out[2] == s && str_is(Pyrt_Repr(out[1]), "[2]"));
    PYRT_DECREF(out[0]);
    PYRT_DECREF(out[1]);
    PYRT_DECREF(out[2]);
    CHECK(Pyrt_Unpack(t3, 3, 0, 0, out) == 0);
    CHECK(out[0] == one && out[1] == two && out[2] == s);
    for (int i = 0; i < 3; i++)
        PYRT_DECREF(out[i]);
    /* through an iterator (a list iterator) */
    PyrtObject *l3 = PyrtList_FromArray(items, 3);
    PyrtObject *it = Pyrt_GetIter(l3);
    CHECK(it && Pyrt_Unpack(it, 2, 0, 0, out) == -1);
    CHECK(exc_is(&PyrtType_ValueError, "too many values to unpack (expected 2)"));
    PYRT_XDECREF(it);
    it = Pyrt_GetIter(l3);
    CHECK(it && Pyrt_Unpack(it, 0, 1, 1, out) == 0);
    CHECK(str_is(Pyrt_Repr(out[0]), "[1, 2]") && out[1] == s);
    PYRT_DECREF(out[0]);
    PYRT_DECREF(out[1]);
    PYRT_XDECREF(it);
    it = Pyrt_GetIter(l3);
    CHECK(it && Pyrt_Unpack(it, 5, 0, 0, out) == -1);
    CHECK(exc_is(&PyrtType_ValueError, "not enough values to unpack (expected 5, got 3)"));
    PYRT_XDECREF(it);
    CHECK(Pyrt_Contains(t3, s) == 1);

    /* list += iterable mutates the list */
    PyrtObject *l2 = PyrtList_FromArray(items, 2);
    PyrtObject *same = Pyrt_BinaryOp(l2, t3, PYRT_ADD | PYRT_INPLACE);
    CHECK(same == l2 && PyrtList_Len(l2) == 5);
    PYRT_XDECREF(same);
    PYRT_DECREF(l2);

    PYRT_DECREF(l3);
    PYRT_DECREF(t3);
    PYRT_DECREF(tup);
    PYRT_DECREF(obj);
    PYRT_DECREF(one);
    PYRT_DECREF(two);
    PYRT_DECREF(s);
}

/* ------------------------------------------------------------------ argument parsing, functions */

static const char *const fnames[] = {"x", "y", "k"};

static int parse(const PyrtArgSpec *spec, int64_t npos, const char *kw0, const char *kw1, PyrtObject **out)
{
    PyrtObject *args[6];
    for (int i = 0; i < 6; i++)
        args[i] = Pyrt_None;
    int64_t nkw = (kw0 != NULL) + (kw1 != NULL);
    PyrtObject *kwnames = NULL;
    if (nkw) {
        kwnames = PyrtTuple_New(nkw);
        PyrtTuple_SetNew_Steal(kwnames, 0, S(kw0));
        if (kw1)
            PyrtTuple_SetNew_Steal(kwnames, 1, S(kw1));
    }
    int r = Pyrt_ParseArgs(spec, args, npos, kwnames, out);
    PYRT_XDECREF(kwnames);
    return r;
}

static PyrtObject *add_call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    static const PyrtArgSpec spec = {"add", 2, 0, 0, 0, 0, fnames, 1};
    PyrtObject *out[2];
    if (Pyrt_ParseArgs(&spec, args, nargs, kwnames, out) < 0 || Pyrt_ApplyDefaults(&spec, callable, out) < 0)
        return NULL;
    return Pyrt_BinaryOp(out[0], out[1], PYRT_ADD);
}

static void test_args(void)
{
    PyrtObject *out[6];
    PyrtArgSpec f2 = {"f", 2, 0, 0, 0, 0, fnames, 2};
    CHECK(parse(&f2, 3, NULL, NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() takes 2 positional arguments but 3 were given"));
    CHECK(parse(&f2, 0, NULL, NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() missing 2 required positional arguments: 'x' and 'y'"));
    CHECK(parse(&f2, 1, NULL, NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() missing 1 required positional argument: 'y'"));
    CHECK(parse(&f2, 1, "z", NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() got an unexpected keyword argument 'z'"));
    CHECK(parse(&f2, 1, "x", NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() got multiple values for argument 'x'"));
    CHECK(parse(&f2, 1, "y", NULL, out) == 0 && out[0] && out[1]);
    PyrtArgSpec f3 = {"f", 3, 0, 0, 0, 0, fnames, 3};
    CHECK(parse(&f3, 0, NULL, NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() missing 3 required positional arguments: 'x', 'y', and 'k'"));
    PyrtArgSpec fdef = {"f", 2, 0, 0, 0, 0, fnames, 1};
    CHECK(parse(&fdef, 3, NULL, NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() takes from 1 to 2 positional arguments but 3 were given"));
    CHECK(parse(&fdef, 1, NULL, NULL, out) == 0 && out[0] && !out[1]);
    PyrtArgSpec f1 = {"f", 1, 0, 0, 0, 0, fnames, 1};
    CHECK(parse(&f1, 2, NULL, NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() takes 1 positional argument but 2 were given"));
    PyrtArgSpec f0 = {"f", 0, 0, 0, 0, 0, fnames, 0};
    CHECK(parse(&f0, 1, NULL, NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() takes 0 positional arguments but 1 was given"));
    /* def f(x, y, *, k) */
    PyrtArgSpec fkw = {"f", 2, 0, 1, 0, 0, fnames, 2};
    CHECK(parse(&fkw, 3, "k", NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError,
                 "f() takes 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given"));
    CHECK(parse(&fkw, 2, NULL, NULL, out) == 0 && !out[2]);
    CHECK(Pyrt_ApplyDefaults(&fkw, NULL, out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() missing 1 required keyword-only argument: 'k'"));
    /* def f(x, /, y) */
    PyrtArgSpec fpo = {"f", 2, 1, 0, 0, 0, fnames, 2};
    CHECK(parse(&fpo, 0, "x", "y", out) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "f() got some positional-only arguments passed as keyword arguments: 'x'"));
    /* def f(x, *args) */
    PyrtArgSpec fva = {"f", 1, 0, 0, 1, 0, fnames, 1};
    CHECK(parse(&fva, 3, NULL, NULL, out) == 0);
    CHECK(str_is(Pyrt_Repr(out[1]), "(None, None)"));
    PYRT_DECREF(out[1]);

    /* a function object with a default */
    PyrtObject *ten = I(10), *one = I(1);
    PyrtObject *defaults = PyrtTuple_FromArray(&ten, 1);
    PyrtObject *f = PyrtFunction_New(add_call, "add", "add", "__main__", NULL, NULL, defaults, NULL, NULL);
    PYRT_DECREF(defaults);
    PyrtObject *r = Pyrt_Call(f, &one, 1, NULL);
    CHECK(r && PyrtInt_AsI64(r) == 11);
    PYRT_XDECREF(r);
    CHECK(Pyrt_Call(f, NULL, 0, NULL) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "add() missing 1 required positional argument: 'x'"));
    r = Pyrt_Repr(f);
    CHECK(r && strncmp(PyrtStr_UTF8(r), "<function add at 0x", 19) == 0);
    PYRT_XDECREF(r);
    CHECK(str_is(Pyrt_GetAttrStr(f, "__name__"), "add"));
    PyrtObject *m = PyrtMethod_New(f, ten);   /* bound: 10 + x */
    r = Pyrt_Call(m, &one, 1, NULL);
    CHECK(r && PyrtInt_AsI64(r) == 11);
    PYRT_XDECREF(r);
    PYRT_DECREF(m);
    /* f(*args, **kwargs) */
    if (PyrtDict_New) {
        PyrtObject *pos = PyrtTuple_FromArray(&one, 1), *kwargs = PyrtDict_New();
        PyrtDict_SetItemStr(kwargs, "y", one);
        r = Pyrt_CallEx(f, pos, kwargs);
        CHECK(r && PyrtInt_AsI64(r) == 2);
        PYRT_XDECREF(r);
        PyrtDict_SetItemStr(kwargs, "x", one);
        CHECK(Pyrt_CallEx(f, pos, kwargs) == NULL);
        CHECK(exc_is(&PyrtType_TypeError, "add() got multiple values for argument 'x'"));
        PYRT_DECREF(pos);
        PYRT_DECREF(kwargs);
    }
    /* staticmethod objects are callable */
    PyrtObject *sm = PyrtStaticMethod_New(f);
    PyrtObject *two[2] = {one, one};
    r = Pyrt_Call(sm, two, 2, NULL);
    CHECK(r && PyrtInt_AsI64(r) == 2);
    PYRT_XDECREF(r);
    PYRT_DECREF(sm);
    PYRT_DECREF(f);

    /* builtin methods found through the methods tables, bound and unbound */
    PyrtObject *lst = PyrtList_New(0);
    PyrtObject *append = Pyrt_GetAttrStr(lst, "append");
    CHECK(append != NULL);
    if (append) {
        r = Pyrt_Repr(append);
        CHECK(r && strncmp(PyrtStr_UTF8(r), "<built-in method append of list object at 0x", 44) == 0);
        PYRT_XDECREF(r);
        r = Pyrt_Call(append, &one, 1, NULL);
        CHECK(r == Pyrt_None && PyrtList_Len(lst) == 1);
        PYRT_DECREF(append);
    }
    PyrtObject *name = S("append");
    r = Pyrt_CallMethod(lst, name, &ten, 1, NULL);
    CHECK(r == Pyrt_None && PyrtList_Len(lst) == 2);
    PYRT_DECREF(name);
    PyrtObject *unbound = Pyrt_GetAttrStr((PyrtObject *)&PyrtType_List, "append");
    CHECK(str_is(Pyrt_Repr(unbound), "<method 'append' of 'list' objects>"));
    PyrtObject *la[2] = {lst, one};
    r = unbound ? Pyrt_Call(unbound, la, 2, NULL) : NULL;
    CHECK(r == Pyrt_None && PyrtList_Len(lst) == 3);
    PYRT_XDECREF(unbound);
    PYRT_DECREF(lst);
    PYRT_DECREF(ten);
    PYRT_DECREF(one);
}

/* ------------------------------------------------------------------ generators */

/* def g():
 *     x = yield 1
 *     try:
 *         yield x
 *     except ValueError:
 *         yield 'caught'
 *     return 5 */
typedef struct { int dummy; } GFrame;

static PyrtObject *g_resume(PyrtGenerator *g, PyrtObject *sent)
{
    switch (g->state) {
    case 0:
        if (Pyrt_ErrOccurred())
            return NULL;
        g->state = 1;
        return PyrtInt_FromI64(1);
    case 1:
        if (Pyrt_ErrOccurred())
            return NULL;
        g->state = 2;
        Pyrt_IncRef(sent);
        return sent;
    case 2:
        if (Pyrt_ErrOccurred()) {
            if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_ValueError) != 1)
                return NULL;
            Pyrt_ErrClear();
            g->state = 3;
            return PyrtStr_FromCString("caught");
        }
        /* fallthrough */
    case 3:
        if (Pyrt_ErrOccurred())
            return NULL;
        g->retval = PyrtInt_FromI64(5);
        return NULL;
    }
    return NULL;
}

static PyrtObject *stubborn_resume(PyrtGenerator *g, PyrtObject *sent)
{
    (void)sent;
    Pyrt_ErrClear();   /* ignores GeneratorExit: yields again */
    g->state = 1;
    return PyrtInt_FromI64(0);
}

static PyrtObject *stop_resume(PyrtGenerator *g, PyrtObject *sent)
{
    (void)g; (void)sent;
    return Pyrt_ErrSetNone(&PyrtType_StopIteration);
}

static PyrtObject *new_g(PyrtGenResume resume)
{
    return PyrtGen_New("g", resume, NULL, NULL, Pyrt_Malloc(sizeof(GFrame)));
}

static void test_generators(void)
{
    PyrtObject *g = new_g(g_resume);
    PyrtObject *seven = I(7);
    CHECK(PyrtGen_Send(g, seven) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "can't send non-None value to a just-started generator"));
    CHECK(Pyrt_GetIter(g) == g);
    PYRT_DECREF(g);
    PyrtObject *r = Pyrt_IterNext(g);
    CHECK(r && PyrtInt_AsI64(r) == 1);
    PYRT_XDECREF(r);
    r = PyrtGen_Send(g, seven);
    CHECK(r == seven);
    PYRT_XDECREF(r);
    CHECK(Pyrt_IterNext(g) == NULL && !Pyrt_ErrOccurred());   /* returned 5: exhausted */
    CHECK(Pyrt_IterNext(g) == NULL && !Pyrt_ErrOccurred());
    CHECK(PyrtGen_Send(g, Pyrt_None) == NULL);
    CHECK(exc_is(&PyrtType_StopIteration, ""));
    r = Pyrt_Repr(g);
    CHECK(r && strncmp(PyrtStr_UTF8(r), "<generator object g at 0x", 25) == 0);
    PYRT_XDECREF(r);
    PYRT_DECREF(g);

    /* send() at the end raises StopIteration(5); throw() is caught inside */
    g = new_g(g_resume);
    PyrtObject *name = S("send"), *tname = S("throw"), *cname = S("close");
    r = Pyrt_CallMethod(g, name, &(PyrtObject *){Pyrt_None}, 1, NULL);
    PYRT_XDECREF(r);
    r = Pyrt_CallMethod(g, name, &(PyrtObject *){Pyrt_None}, 1, NULL);
    CHECK(r == Pyrt_None);
    r = Pyrt_CallMethod(g, tname, &(PyrtObject *){(PyrtObject *)&PyrtType_ValueError}, 1, NULL);
    CHECK(str_is(r, "caught"));
    r = PyrtGen_Send(g, Pyrt_None);
    CHECK(r == NULL && pyrt_exc && pyrt_exc->type == &PyrtType_StopIteration);
    if (pyrt_exc)
        CHECK(str_is(Pyrt_Repr(((PyrtBaseException *)pyrt_exc)->value), "5"));
    Pyrt_ErrClear();
    PYRT_DECREF(g);

    /* yield from: Pyrt_IterSend gives the return value */
    g = new_g(g_resume);
    PyrtObject *retval = NULL;
    r = Pyrt_IterSend(g, Pyrt_None, &retval);
    PYRT_XDECREF(r);
    r = Pyrt_IterSend(g, seven, &retval);
    PYRT_XDECREF(r);
    r = Pyrt_IterSend(g, Pyrt_None, &retval);
    CHECK(r == NULL && !Pyrt_ErrOccurred() && retval && PyrtInt_AsI64(retval) == 5);
    PYRT_XDECREF(retval);
    PYRT_DECREF(g);

    /* throw() into a suspended generator that does not catch it */
    g = new_g(g_resume);
    r = Pyrt_IterNext(g);
    PYRT_XDECREF(r);
    r = Pyrt_CallMethod(g, tname, &(PyrtObject *){(PyrtObject *)&PyrtType_KeyError}, 1, NULL);
    CHECK(r == NULL && exc_is(&PyrtType_KeyError, ""));
    CHECK(Pyrt_IterNext(g) == NULL && !Pyrt_ErrOccurred());
    PYRT_DECREF(g);

    /* close() */
    g = new_g(g_resume);
    r = Pyrt_IterNext(g);
    PYRT_XDECREF(r);
    CHECK(Pyrt_CallMethod(g, cname, NULL, 0, NULL) == Pyrt_None);
    CHECK(Pyrt_IterNext(g) == NULL && !Pyrt_ErrOccurred());
    PYRT_DECREF(g);
    g = new_g(stubborn_resume);
    r = Pyrt_IterNext(g);
    PYRT_XDECREF(r);
    CHECK(Pyrt_CallMethod(g, cname, NULL, 0, NULL) == NULL);
    CHECK(exc_is(&PyrtType_RuntimeError, "generator ignored GeneratorExit"));
    ((PyrtGenerator *)g)->state = -1;
    PYRT_DECREF(g);
    g = new_g(stop_resume);
    CHECK(Pyrt_IterNext(g) == NULL);
    CHECK(exc_is(&PyrtType_RuntimeError, "generator raised StopIteration"));
    PYRT_DECREF(g);

    PYRT_DECREF(name);
    PYRT_DECREF(tname);
    PYRT_DECREF(cname);
    PYRT_DECREF(seven);
}

/* ------------------------------------------------------------------ classes */

/* methods of the test classes, as generic entry points */
static PyrtObject *c_init(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    static const char *const names[] = {"self", "x"};
    static const PyrtArgSpec spec = {"C.__init__", 2, 0, 0, 0, 0, names, 2};
    PyrtObject *out[2];
    if (Pyrt_ParseArgs(&spec, args, nargs, kwnames, out) < 0)
        return NULL;
    PyrtObject *n = S("x");
    int r = Pyrt_SetAttr(out[0], n, out[1]);
    PYRT_DECREF(n);
    return r < 0 ? NULL : Pyrt_None;
}

static PyrtObject *c_repr(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    PyrtObject *x = Pyrt_GetAttrStr(args[0], "x");
    if (!x)
        return NULL;
    PyrtObject *r = Pyrt_StrFormat("C(%R)", x);
    PYRT_DECREF(x);
    return r;
}

static PyrtObject *c_eq(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (!Pyrt_TypeCheck(args[1], args[0]->type))
        return Pyrt_NotImplemented;
    PyrtObject *a = Pyrt_GetAttrStr(args[0], "x"), *b = Pyrt_GetAttrStr(args[1], "x");
    int r = Pyrt_RichCompareBool(a, b, PYRT_EQ);
    PYRT_DECREF(a);
    PYRT_DECREF(b);
    return Pyrt_BoolFromC(r == 1);
}

/* __add__ / __radd__: returns a str naming which ran */
static PyrtObject *c_add(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    return S("add");
}

static PyrtObject *c_radd(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    return S("radd");
}

static PyrtObject *c_double(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    PyrtObject *x = Pyrt_GetAttrStr(args[0], "x");
    if (!x)
        return NULL;
    PyrtObject *r = Pyrt_BinaryOp(x, x, PYRT_ADD);
    PYRT_DECREF(x);
    return r;
}

static PyrtObject *c_cls_name(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    return Pyrt_GetAttrStr(args[0], "__name__");
}

static PyrtObject *c_bad_init(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    return PyrtInt_FromI64(1);
}

static PyrtObject *c_len(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    return PyrtInt_FromI64(0);
}

static PyrtObject *c_getitem(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    int64_t i = PyrtInt_AsI64(args[1]);
    if (i >= 3)
        return Pyrt_ErrSetString(&PyrtType_IndexError, "done");
    return PyrtInt_FromI64(i * 10);
}

static PyrtObject *c_nonascii_repr(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                                   PyrtObject *kwnames)
{
    return S("h\xc3\xa9llo\xe1\x88\xb4\xf0\x9f\x98\x80");
}

static PyrtObject *c_next(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    return Pyrt_ErrSetNone(&PyrtType_StopIteration);
}

static void set_func(PyrtObject *dict, const char *name, PyrtVectorcall call)
{
    PyrtObject *f = PyrtFunction_New(call, name, name, "__main__", NULL, NULL, NULL, NULL, NULL);
    PyrtDict_SetItemStr(dict, name, f);
    PYRT_DECREF(f);
}

typedef struct { PyrtInstance inst; int64_t n; PyrtObject *o; } DInstance;

static void test_classes(void)
{
    if (!PyrtDict_New) {
        printf("(class tests skipped: dict.c not written yet)\n");
        return;
    }
    PyrtObject *cdict = PyrtDict_New();
    set_func(cdict, "__init__", c_init);
    set_func(cdict, "__repr__", c_repr);
    set_func(cdict, "__eq__", c_eq);
    set_func(cdict, "__add__", c_add);
    set_func(cdict, "__radd__", c_radd);
    PyrtObject *dbl = PyrtFunction_New(c_double, "double", "C.double", "__main__", NULL, NULL, NULL, NULL, NULL);
    PyrtObject *prop = PyrtProperty_New(dbl, NULL, NULL);
    PyrtDict_SetItemStr(cdict, "double", prop);
    PyrtObject *cm = PyrtClassMethod_New(dbl);   /* any function: checks binding to the class */
    PYRT_DECREF(cm);
    PyrtObject *namef = PyrtFunction_New(c_cls_name, "name", "C.name", "__main__", NULL, NULL, NULL, NULL, NULL);
    cm = PyrtClassMethod_New(namef);
    PyrtDict_SetItemStr(cdict, "name", cm);
    PyrtObject *seven = I(7);
    PyrtDict_SetItemStr(cdict, "attr", seven);
    PyrtType *C = PyrtType_NewUser("C", "__main__", NULL, sizeof(PyrtInstance), NULL, cdict, NULL);
    PYRT_DECREF(cdict);
    CHECK(C != NULL);
    if (!C)
        return;
    CHECK(str_is(Pyrt_Repr((PyrtObject *)C), "<class '__main__.C'>"));
    CHECK(str_is(Pyrt_GetAttrStr((PyrtObject *)C, "__name__"), "C"));
    PyrtObject *one = I(1), *two = I(2);
    PyrtObject *c1 = Pyrt_Call((PyrtObject *)C, &one, 1, NULL);
    CHECK(c1 != NULL);
    if (!c1)
        return;
    CHECK(str_is(Pyrt_Repr(c1), "C(1)"));
    CHECK(str_is(Pyrt_Str(c1), "C(1)"));
    PyrtObject *c1b = Pyrt_Call((PyrtObject *)C, &one, 1, NULL);
    PyrtObject *c2 = Pyrt_Call((PyrtObject *)C, &two, 1, NULL);
    CHECK(Pyrt_RichCompareBool(c1, c1b, PYRT_EQ) == 1);
    CHECK(Pyrt_RichCompareBool(c1, c2, PYRT_EQ) == 0);
    CHECK(Pyrt_RichCompareBool(c1, c2, PYRT_NE) == 1);   /* __ne__ from __eq__ */
    CHECK(Pyrt_RichCompareBool(c1, one, PYRT_EQ) == 0);  /* NotImplemented both ways: identity */
    CHECK(Pyrt_Hash(c1) == -1);
    CHECK(exc_is(&PyrtType_TypeError, "unhashable type: 'C'"));
    CHECK(str_is(Pyrt_BinaryOp(c1, one, PYRT_ADD), "add"));
    CHECK(str_is(Pyrt_BinaryOp(one, c1, PYRT_ADD), "radd"));
    CHECK(str_is(Pyrt_BinaryOp(c1, one, PYRT_ADD | PYRT_INPLACE), "add"));   /* no __iadd__ */
    CHECK(Pyrt_BinaryOp(c1, one, PYRT_SUB) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "unsupported operand type(s) for -: 'C' and 'int'"));
    PyrtObject *d = Pyrt_GetAttrStr(c1, "double");   /* property */
    CHECK(d && PyrtInt_AsI64(d) == 2);
    PYRT_XDECREF(d);
    PyrtObject *dn = S("double");
    CHECK(Pyrt_SetAttr(c1, dn, one) == -1);
    CHECK(exc_is(&PyrtType_AttributeError, "property 'double' of 'C' object has no setter"));
    PYRT_DECREF(dn);
    PyrtObject *bm = Pyrt_GetAttrStr(c1, "name");   /* classmethod: bound to the class */
    CHECK(bm && bm->type == &PyrtType_Method && ((PyrtMethod *)bm)->self == (PyrtObject *)C);
    PYRT_XDECREF(bm);
    PyrtObject *nm = S("name");
    CHECK(str_is(Pyrt_CallMethod(c1, nm, NULL, 0, NULL), "C"));
    CHECK(str_is(Pyrt_CallMethod((PyrtObject *)C, nm, NULL, 0, NULL), "C"));
    PYRT_DECREF(nm);
    PyrtObject *at = Pyrt_GetAttrStr(c1, "attr");
    CHECK(at == seven);
    PYRT_XDECREF(at);
    CHECK(Pyrt_GetAttrStr(c1, "nope") == NULL);
    CHECK(exc_is(&PyrtType_AttributeError, "'C' object has no attribute 'nope'"));
    CHECK(Pyrt_GetAttrStr((PyrtObject *)C, "nope") == NULL);
    CHECK(exc_is(&PyrtType_AttributeError, "type object 'C' has no attribute 'nope'"));
    CHECK(Pyrt_Call((PyrtObject *)C, NULL, 0, NULL) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "C.__init__() missing 1 required positional argument: 'x'"));
    CHECK(Pyrt_IsInstance(c1, (PyrtObject *)C) == 1);
    /* the bound method repr and super() */
    PyrtObject *initm = Pyrt_GetAttrStr(c1, "__init__");
    CHECK(initm && initm->type == &PyrtType_Method);
    PYRT_XDECREF(initm);
    PyrtObject *iname = S("__init__");
    PyrtObject *sup = Pyrt_SuperGetAttr(C, c1, iname);
    CHECK(sup && Pyrt_Call(sup, NULL, 0, NULL) == Pyrt_None);
    PYRT_XDECREF(sup);
    PYRT_DECREF(iname);

    /* subclass D(C) with compiled fields n (int) and o (object) */
    static const PyrtField dfields[] = {
        {"n", offsetof(DInstance, n), PYRT_FIELD_I64, 0, NULL},
        {"o", offsetof(DInstance, o), PYRT_FIELD_OBJ, 0, NULL},
        {NULL, 0, 0, 0, NULL},
    };
    PyrtObject *ddict = PyrtDict_New();
    set_func(ddict, "__len__", c_len);
    set_func(ddict, "__getitem__", c_getitem);
    PyrtType *D = PyrtType_NewUser("D", "mod", C, sizeof(DInstance), dfields, ddict, NULL);
    PYRT_DECREF(ddict);
    PyrtObject *dobj = Pyrt_Call((PyrtObject *)D, &two, 1, NULL);
    CHECK(dobj != NULL);
    if (dobj) {
        CHECK(str_is(Pyrt_Repr(dobj), "C(2)"));
        CHECK(Pyrt_GetAttrStr(dobj, "n") == NULL);
        CHECK(exc_is(&PyrtType_AttributeError, "'D' object has no attribute 'n'"));
        PyrtObject *n = S("n"), *o = S("o"), *x = S("x");
        CHECK(Pyrt_SetAttr(dobj, n, x) == -1);
        CHECK(exc_is(&PyrtType_TypeError, "pyrite: attribute 'n' of 'D' holds int"));
        CHECK(Pyrt_SetAttr(dobj, n, seven) == 0 && ((DInstance *)dobj)->n == 7);
        PyrtObject *v = Pyrt_GetAttr(dobj, n);
        CHECK(v && PyrtInt_AsI64(v) == 7);
        PYRT_XDECREF(v);
        CHECK(Pyrt_SetAttr(dobj, o, x) == 0 && ((DInstance *)dobj)->o == x);
        CHECK(Pyrt_DelAttr(dobj, n) == 0);
        CHECK(Pyrt_HasAttr(dobj, n) == 0);
        CHECK(Pyrt_IsTrue(dobj) == 0);   /* __len__ returns 0 */
        PyrtObject *l = PyrtList_FromIterable(dobj);   /* __getitem__ sequence iteration */
        CHECK(str_is(Pyrt_Repr(l), "[0, 10, 20]"));
        PYRT_XDECREF(l);
        CHECK(Pyrt_Contains(dobj, PyrtInt_FromI64(20)) == 1);
        CHECK(Pyrt_IsInstance(dobj, (PyrtObject *)C) == 1);
        CHECK(Pyrt_IsSubclass((PyrtObject *)D, (PyrtObject *)C) == 1);
        CHECK(str_is(Pyrt_Repr((PyrtObject *)D), "<class 'mod.D'>"));
        PYRT_DECREF(n);
        PYRT_DECREF(o);
        PYRT_DECREF(x);
        PYRT_DECREF(dobj);
    }

    /* __init__ must return None; a class without __init__ takes no arguments */
    PyrtObject *edict = PyrtDict_New();
    set_func(edict, "__init__", c_bad_init);
    set_func(edict, "__next__", c_next);
    PyrtType *E = PyrtType_NewUser("E", "__main__", NULL, sizeof(PyrtInstance), NULL, edict, NULL);
    PYRT_DECREF(edict);
    CHECK(Pyrt_Call((PyrtObject *)E, NULL, 0, NULL) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "__init__() should return None, not 'int'"));
    PyrtType *F = PyrtType_NewUser("F", "__main__", NULL, sizeof(PyrtInstance), NULL, NULL, NULL);
    PyrtObject *gdict = PyrtDict_New();
    set_func(gdict, "__repr__", c_nonascii_repr);
    PyrtType *G = PyrtType_NewUser("G", "__main__", NULL, sizeof(PyrtInstance), NULL, gdict, NULL);
    PYRT_DECREF(gdict);
    PyrtObject *gobj = PyrtInstance_New(G);
    CHECK(str_is(Pyrt_Ascii(gobj), "h\\xe9llo\\u1234\\U0001f600"));
    PYRT_DECREF(gobj);
    CHECK(Pyrt_Call((PyrtObject *)F, &one, 1, NULL) == NULL);
    CHECK(exc_is(&PyrtType_TypeError, "F() takes no arguments"));
    PyrtObject *fobj = Pyrt_Call((PyrtObject *)F, NULL, 0, NULL);
    PyrtObject *fattr = S("foo");
    CHECK(Pyrt_SetAttr(fobj, fattr, one) == 0);
    CHECK(Pyrt_GetAttr(fobj, fattr) == one);
    PYRT_DECREF(one);
    CHECK(Pyrt_Hash(fobj) != -1);
    PyrtObject *r = Pyrt_Repr(fobj);
    CHECK(r && strncmp(PyrtStr_UTF8(r), "<__main__.F object at 0x", 24) == 0);
    PYRT_XDECREF(r);
    PYRT_DECREF(fattr);
    PYRT_DECREF(fobj);

    /* user exception with a field and a custom __init__ keeps the call args */
    static const PyrtField xfields[] = {
        {"x", sizeof(PyrtBaseException), PYRT_FIELD_OBJ, 0, NULL},
        {NULL, 0, 0, 0, NULL},
    };
    PyrtObject *xdict = PyrtDict_New();
    set_func(xdict, "__init__", c_init);
    PyrtType *X = PyrtType_NewUser("MyError", "__main__", &PyrtType_ValueError,
                                   sizeof(PyrtBaseException) + sizeof(PyrtObject *), xfields, xdict, NULL);
    PYRT_DECREF(xdict);
    PyrtObject *xe = Pyrt_Call((PyrtObject *)X, &seven, 1, NULL);
    CHECK(xe && Pyrt_TypeCheck(xe, &PyrtType_ValueError));
    if (xe) {
        CHECK(repr_steal((Pyrt_GetAttrStr(xe, "x")), "7"));
        CHECK(repr_steal((Pyrt_GetAttrStr(xe, "args")), "(7,)"));
        CHECK(str_is(Pyrt_Str(xe), "7"));
        CHECK(str_is(Pyrt_Repr(xe), "MyError(7)"));
        Pyrt_Raise(xe, NULL);
        int status;
        char *out = uncaught(&status);
        CHECK(out && strcmp(out, "MyError: 7\n") == 0);
        PYRT_DECREF(xe);
    }
    Pyrt_Raise((PyrtObject *)X, NULL);
    CHECK(exc_is(&PyrtType_TypeError, "C.__init__() missing 1 required positional argument: 'x'"));

    /* user __next__ raising StopIteration ends iteration */
    PyrtObject *eobj = PyrtInstance_New(E);
    CHECK(Pyrt_IterNext(eobj) == NULL && !Pyrt_ErrOccurred());
    PYRT_DECREF(eobj);

    PYRT_DECREF(c1);
    PYRT_XDECREF(c1b);
    PYRT_XDECREF(c2);
    PYRT_DECREF(two);
    PYRT_DECREF(seven);
    PYRT_DECREF(prop);
    PYRT_DECREF(dbl);
    PYRT_DECREF(cm);
    PYRT_DECREF(namef);
}

int main(int argc, char **argv)
{
    Pyrt_Init(argc, argv);
    test_exceptions();
    test_recursion();
    test_uncaught();
    test_generic();
    test_args();
    test_generators();
    test_classes();
    CHECK(!Pyrt_ErrOccurred());
    if (failures) {
        printf("FAILED core: %d\n", failures);
        return 1;
    }
    printf("OK core\n");
    return Pyrt_Finalize(0);
}
