/* builtins.c: the builtin functions (print, len, min, max, sum, round, pow, open, ...) as
 * PyrtVectorcall entry points with CPython's semantics and error messages, the argument helpers
 * they share (PyrtNum_ParseArgs & co), and Pyrt_GetBuiltin, which maps a builtin name to its
 * function object (created once, immortal), builtin type or exception type. Iterator builtins
 * (enumerate, zip, map, filter, reversed) forward to the constructors of the containers area. */
#include "pyrt.h"
#include <math.h>
#include <stdio.h>

/* ------------------------------------------------------------------ small helpers */
PyrtObject *PyrtNum_Str(const char *s)
{
    static struct { const char *key; PyrtObject *str; } cache[128];
    static int n;
    for (int i = 0; i < n; i++)
        if (cache[i].key == s || strcmp(cache[i].key, s) == 0)
            return cache[i].str;
    PyrtObject *o = PyrtStr_Constant(s, (int64_t)strlen(s));
    if (o && n < 128) {
        cache[n].key = s;
        cache[n++].str = o;
    }
    return o;
}

static bool is_str(PyrtObject *o)
{
    return o->type == &PyrtType_Str || PyrtType_IsSubtype(o->type, &PyrtType_Str);
}

static int64_t nkw(PyrtObject *kwnames) { return kwnames ? PyrtTuple_Len(kwnames) : 0; }

int PyrtNum_NoKw(const char *fname, PyrtObject *kwnames)
{
    if (nkw(kwnames) == 0)
        return 0;
    Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int PyrtNum_ExactlyOne(const char *fname, int64_t nargs)
{
    if (nargs == 1)
        return 0;
    Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes exactly one argument (%lld given)", fname, (long long)nargs);
    return -1;
}

int PyrtNum_NArgs(const char *fname, int64_t nargs, int64_t min, int64_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max && min == 0)
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes no arguments (%lld given)", fname, (long long)nargs);
    else if (min == max)
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s expected %lld argument%s, got %lld", fname, (long long)min,
                       min == 1 ? "" : "s", (long long)nargs);
    else if (nargs < min)
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s expected at least %lld argument%s, got %lld", fname,
                       (long long)min, min == 1 ? "" : "s", (long long)nargs);
    else
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s expected at most %lld argument%s, got %lld", fname,
                       (long long)max, max == 1 ? "" : "s", (long long)nargs);
    return -1;
}

int PyrtNum_ParseArgs(const char *fname, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                      const char *const *names, int nnames, int kwonly_from, int nrequired,
                      PyrtObject **out)
{
    if (nargs > kwonly_from) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes at most %d argument%s (%lld given)", fname,
                       kwonly_from, kwonly_from == 1 ? "" : "s", (long long)nargs);
        return -1;
    }
    for (int i = 0; i < nnames; i++)
        out[i] = i < nargs ? args[i] : NULL;
    for (int64_t k = 0; k < nkw(kwnames); k++) {
        const char *key = PyrtStr_UTF8(PyrtTuple_GetBorrowed(kwnames, k));
        int j = 0;
        while (j < nnames && (!names[j][0] || strcmp(names[j], key) != 0))
            j++;
        if (j == nnames) {
            Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' is an invalid keyword argument for %s()", key, fname);
            return -1;
        }
        if (j < nargs) {
            Pyrt_ErrFormat(&PyrtType_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                           fname, key, j + 1);
            return -1;
        }
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++) {
        if (!out[i]) {
            Pyrt_ErrFormat(&PyrtType_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                           names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

static PyrtObject *incref(PyrtObject *o)
{
    Pyrt_IncRef(o);
    return o;
}

/* Calls a dunder defined on a user type (o.__name__()) if the type has it; *found tells. */
static PyrtObject *call_dunder(PyrtObject *o, const char *name, PyrtObject *const *args, int64_t nargs,
                               bool *found)
{
    *found = Pyrt_LookupTypeStr(o->type, name) != NULL;
    return *found ? Pyrt_CallMethod(o, PyrtNum_Str(name), args, nargs, NULL) : NULL;
}

/* ------------------------------------------------------------------ print and I/O builtins */
/* file.method(args): only files and user-class instances have write/flush methods (calling through
 * pyrt_user_call_method keeps the attribute machinery out of programs without classes) */
static int call_file_method(PyrtObject *file, const char *name, PyrtObject *const *args, int64_t nargs)
{
    PyrtObject *n = PyrtNum_Str(name);
    PyrtObject *r = (file->type->flags & PYRT_TPFLAG_USER) && pyrt_user_call_method
                        ? pyrt_user_call_method(file, n, args, nargs, NULL)
                        : Pyrt_ErrNoAttribute(file, n);
    if (!r)
        return -1;
    PYRT_DECREF(r);
    return 0;
}

static int write_to(PyrtObject *file, PyrtObject *s)
{
    if (file->type == &PyrtType_File)
        return PyrtFile_Write(file, s) < 0 ? -1 : 0;
    return call_file_method(file, "write", &s, 1);
}

static int check_sep(const char *what, PyrtObject *v)
{
    if (!v || v == Pyrt_None || is_str(v))
        return 0;
    Pyrt_ErrFormat(&PyrtType_TypeError, "%s must be None or a string, not %s", what, v->type->name);
    return -1;
}

PYRT_BUILTIN(print)
{
    (void)self;
    static const char *const names[] = { "sep", "end", "file", "flush" };
    PyrtObject *kw[4];
    if (PyrtNum_ParseArgs("print", args + nargs, 0, kwnames, names, 4, 0, 0, kw) < 0)
        return NULL;
    if (check_sep("sep", kw[0]) < 0 || check_sep("end", kw[1]) < 0)
        return NULL;
    PyrtObject *sep = kw[0] && kw[0] != Pyrt_None ? kw[0] : NULL;
    PyrtObject *end = kw[1] && kw[1] != Pyrt_None ? kw[1] : NULL;
    PyrtObject *file = kw[2] && kw[2] != Pyrt_None ? kw[2] : Pyrt_Stdout();
    for (int64_t i = 0; i < nargs; i++) {
        if (i > 0 && write_to(file, sep ? sep : PyrtNum_Str(" ")) < 0)
            return NULL;
        PyrtObject *s = Pyrt_Str(args[i]);
        if (!s)
            return NULL;
        int rc = write_to(file, s);
        PYRT_DECREF(s);
        if (rc < 0)
            return NULL;
    }
    if (write_to(file, end ? end : PyrtNum_Str("\n")) < 0)
        return NULL;
    if (kw[3]) {
        int t = Pyrt_IsTrue(kw[3]);
        if (t < 0)
            return NULL;
        if (t) {
            if (file->type == &PyrtType_File) {
                PyrtObject *r = PyrtFile_meth_flush(file, NULL, 0, NULL);
                if (!r)
                    return NULL;
                PYRT_DECREF(r);
            } else if (call_file_method(file, "flush", NULL, 0) < 0)
                return NULL;
        }
    }
    return Pyrt_None;
}

/* print(args...) without keywords: straight to the stdout buffer (no file objects involved, so a
 * program that only prints does not link them) */
PyrtObject *Pyrt_PrintStdout(PyrtObject *const *args, int64_t nargs)
{
    for (int64_t i = 0; i < nargs; i++) {
        if (i > 0 && Pyrt_WriteStdout(" ", 1) < 0)
            return NULL;
        PyrtObject *s = Pyrt_Str(args[i]);
        if (!s)
            return NULL;
        int rc = Pyrt_WriteStdout(PyrtStr_UTF8(s), ((PyrtStr *)s)->nbytes);
        PYRT_DECREF(s);
        if (rc < 0)
            return NULL;
    }
    return Pyrt_WriteStdout("\n", 1) < 0 ? NULL : Pyrt_None;
}

int Pyrt_Print(PyrtObject *const *objs, int64_t n)
{
    PyrtObject *r = Pyrt_builtin_print(NULL, objs, n, NULL);
    return r ? 0 : -1;
}

PYRT_BUILTIN(input)
{
    (void)self;
    if (PyrtNum_NoKw("input", kwnames) < 0 || PyrtNum_NArgs("input", nargs, 0, 1) < 0)
        return NULL;
    return Pyrt_Input(nargs ? args[0] : NULL);
}

static bool is_latin1_name(const char *e)
{
    static const char *const ok[] = { "latin-1", "latin1", "latin_1", "iso-8859-1", "iso8859-1", "l1", NULL };
    for (int i = 0; ok[i]; i++) {
        const char *a = e, *b = ok[i];
        while (*a && *b && (*a >= 'A' && *a <= 'Z' ? *a + 32 : *a) == *b)
            a++, b++;
        if (!*a && !*b)
            return true;
    }
    return false;
}

static bool is_utf8_name(const char *e)
{
    static const char *const ok[] = { "utf-8", "utf8", "utf_8", "ascii", "us-ascii", NULL };
    char low[16];
    size_t n = strlen(e);
    if (n >= sizeof low)
        return false;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)(e[i] >= 'A' && e[i] <= 'Z' ? e[i] + 32 : e[i]);
    for (int i = 0; ok[i]; i++)
        if (strcmp(low, ok[i]) == 0)
            return true;
    return false;
}

PYRT_BUILTIN(open)
{
    (void)self;
    static const char *const names[] = { "file", "mode", "buffering", "encoding", "errors", "newline",
                                         "closefd", "opener" };
    PyrtObject *a[8];
    if (PyrtNum_ParseArgs("open", args, nargs, kwnames, names, 8, 8, 1, a) < 0)
        return NULL;
    PyrtObject *enc = a[3];
    if (enc && enc != Pyrt_None) {
        if (!is_str(enc))
            return Pyrt_ErrFormat(&PyrtType_TypeError, "open() argument 'encoding' must be str or None, not %s",
                                  enc->type->name);
    }
    int latin1 = enc && enc != Pyrt_None && is_latin1_name(PyrtStr_UTF8(enc));
    if (enc && enc != Pyrt_None && !latin1 && !is_utf8_name(PyrtStr_UTF8(enc)))
        return Pyrt_ErrFormat(&PyrtType_ValueError, "pyrite: only utf-8 and latin-1 files are supported "
                              "(encoding=%R)", enc);
    if (a[1] && !is_str(a[1]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "open() argument 'mode' must be str, not %s", a[1]->type->name);
    const char *m = a[1] ? PyrtStr_UTF8(a[1]) : "r";
    if (latin1 && (strchr(m, 'r') || strchr(m, '+')))
        return Pyrt_ErrFormat(&PyrtType_ValueError, "pyrite: reading latin-1 files is not supported yet");
    PyrtObject *f = PyrtFile_Open(a[0], a[1]);
    if (f && latin1 && !strchr(m, 'b'))
        PyrtFile_SetLatin1(f);
    return f;
}

/* ------------------------------------------------------------------ one-argument builtins */
PYRT_BUILTIN(len)
{
    (void)self;
    if (PyrtNum_NoKw("len", kwnames) < 0 || PyrtNum_ExactlyOne("len", nargs) < 0)
        return NULL;
    int64_t n = Pyrt_Len(args[0]);
    return n < 0 ? NULL : PyrtInt_FromI64(n);
}

PYRT_BUILTIN(abs)
{
    (void)self;
    if (PyrtNum_NoKw("abs", kwnames) < 0 || PyrtNum_ExactlyOne("abs", nargs) < 0)
        return NULL;
    PyrtObject *x = args[0];
    if (PyrtNum_IsInt(x))
        return PyrtInt_Abs(x);
    if (PyrtNum_IsFloat(x))
        return PyrtFloat_FromDouble(fabs(PyrtFloat_AsDouble(x)));
    bool found;
    PyrtObject *r = call_dunder(x, "__abs__", NULL, 0, &found);
    if (found)
        return r;
    return Pyrt_ErrFormat(&PyrtType_TypeError, "bad operand type for abs(): '%s'", x->type->name);
}

PYRT_BUILTIN(repr)
{
    (void)self;
    if (PyrtNum_NoKw("repr", kwnames) < 0 || PyrtNum_ExactlyOne("repr", nargs) < 0)
        return NULL;
    return Pyrt_Repr(args[0]);
}

PYRT_BUILTIN(ascii)
{
    (void)self;
    if (PyrtNum_NoKw("ascii", kwnames) < 0 || PyrtNum_ExactlyOne("ascii", nargs) < 0)
        return NULL;
    return Pyrt_Ascii(args[0]);
}

PYRT_BUILTIN(ord)
{
    (void)self;
    if (PyrtNum_NoKw("ord", kwnames) < 0 || PyrtNum_ExactlyOne("ord", nargs) < 0)
        return NULL;
    PyrtObject *c = args[0];
    if (is_str(c)) {
        int64_t v = PyrtStr_Ord(c);
        return v == -1 && Pyrt_ErrOccurred() ? NULL : PyrtInt_FromI64(v);
    }
    if (c->type == &PyrtType_Bytes) {
        PyrtBytes *b = (PyrtBytes *)c;
        if (b->length == 1)
            return PyrtInt_FromI64(b->data[0]);
        return Pyrt_ErrFormat(&PyrtType_TypeError, "ord() expected a character, but string of length %lld found",
                              (long long)b->length);
    }
    return Pyrt_ErrFormat(&PyrtType_TypeError, "ord() expected string of length 1, but %s found", c->type->name);
}

PYRT_BUILTIN(chr)
{
    (void)self;
    if (PyrtNum_NoKw("chr", kwnames) < 0 || PyrtNum_ExactlyOne("chr", nargs) < 0)
        return NULL;
    if (PyrtNum_IsInt(args[0]) && PyrtInt_IsBig(args[0]))
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "Python int too large to convert to C int");
    int64_t v = PyrtInt_AsI64Checked(args[0]);
    if (v == -1 && Pyrt_ErrOccurred())
        return NULL;
    return PyrtStr_Chr(v);
}

PYRT_BUILTIN(hash)
{
    (void)self;
    if (PyrtNum_NoKw("hash", kwnames) < 0 || PyrtNum_ExactlyOne("hash", nargs) < 0)
        return NULL;
    int64_t h = Pyrt_Hash(args[0]);
    return h == -1 ? NULL : PyrtInt_FromI64(h);
}

PYRT_BUILTIN(id)
{
    (void)self;
    if (PyrtNum_NoKw("id", kwnames) < 0 || PyrtNum_ExactlyOne("id", nargs) < 0)
        return NULL;
    return PyrtInt_FromI64((int64_t)(uintptr_t)args[0]);
}

static bool is_callable(PyrtObject *o)
{
    PYRT_LAZY_ENSURE(call);
    if (o->type->call)
        return true;
    if (o->type == &PyrtType_Type || PyrtType_IsSubtype(o->type, &PyrtType_Type))
        return true;
    return (o->type->flags & PYRT_TPFLAG_USER) && Pyrt_LookupTypeStr(o->type, "__call__");
}

PYRT_BUILTIN(callable)
{
    (void)self;
    if (PyrtNum_NoKw("callable", kwnames) < 0 || PyrtNum_ExactlyOne("callable", nargs) < 0)
        return NULL;
    return Pyrt_BoolFromC(is_callable(args[0]));
}

static PyrtObject *to_base(const char *fname, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                           int base)
{
    if (PyrtNum_NoKw(fname, kwnames) < 0 || PyrtNum_ExactlyOne(fname, nargs) < 0)
        return NULL;
    if (PyrtNum_IsInt(args[0]) && PyrtInt_IsBig(args[0]))
        return PyrtLong_Format(args[0], base, true);
    int64_t v = PyrtInt_AsI64Checked(args[0]);
    if (v == -1 && Pyrt_ErrOccurred())
        return NULL;
    return PyrtInt_ToBase(v, base, true);
}

PYRT_BUILTIN(bin) { (void)self; return to_base("bin", args, nargs, kwnames, 2); }
PYRT_BUILTIN(oct) { (void)self; return to_base("oct", args, nargs, kwnames, 8); }
PYRT_BUILTIN(hex) { (void)self; return to_base("hex", args, nargs, kwnames, 16); }

PYRT_BUILTIN(dir)
{
    (void)self;
    if (PyrtNum_NoKw("dir", kwnames) < 0 || PyrtNum_NArgs("dir", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return Pyrt_ErrSetString(&PyrtType_NotImplementedError, "pyrite: dir() without an argument is not supported");
    return Pyrt_Dir(args[0]);
}

PYRT_BUILTIN(vars)
{
    (void)self;
    if (PyrtNum_NoKw("vars", kwnames) < 0 || PyrtNum_NArgs("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return Pyrt_ErrSetString(&PyrtType_NotImplementedError, "pyrite: vars() without an argument is not supported");
    PyrtObject *d = Pyrt_GetAttrStr(args[0], "__dict__");
    if (!d && Pyrt_ErrMatches((PyrtObject *)&PyrtType_AttributeError) == 1) {
        Pyrt_ErrClear();
        return Pyrt_ErrSetString(&PyrtType_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* ------------------------------------------------------------------ iteration builtins */
PYRT_BUILTIN(any)
{
    (void)self;
    if (PyrtNum_NoKw("any", kwnames) < 0 || PyrtNum_ExactlyOne("any", nargs) < 0)
        return NULL;
    PyrtObject *it = Pyrt_GetIter(args[0]), *item;
    if (!it)
        return NULL;
    while ((item = Pyrt_IterNext(it))) {
        int t = Pyrt_IsTrue(item);
        PYRT_DECREF(item);
        if (t != 0) {
            PYRT_DECREF(it);
            return t < 0 ? NULL : Pyrt_True;
        }
    }
    PYRT_DECREF(it);
    return Pyrt_ErrOccurred() ? NULL : Pyrt_False;
}

PYRT_BUILTIN(all)
{
    (void)self;
    if (PyrtNum_NoKw("all", kwnames) < 0 || PyrtNum_ExactlyOne("all", nargs) < 0)
        return NULL;
    PyrtObject *it = Pyrt_GetIter(args[0]), *item;
    if (!it)
        return NULL;
    while ((item = Pyrt_IterNext(it))) {
        int t = Pyrt_IsTrue(item);
        PYRT_DECREF(item);
        if (t != 1) {
            PYRT_DECREF(it);
            return t < 0 ? NULL : Pyrt_False;
        }
    }
    PYRT_DECREF(it);
    return Pyrt_ErrOccurred() ? NULL : Pyrt_True;
}

/* min/max: over one iterable or several arguments, with key= and default= */
static PyrtObject *min_max(const char *fname, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames, int op)
{
    static const char *const names[] = { "key", "default" };
    PyrtObject *kw[2];
    if (PyrtNum_ParseArgs(fname, args + nargs, 0, kwnames, names, 2, 0, 0, kw) < 0)
        return NULL;
    if (nargs == 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s expected at least 1 argument, got 0", fname);
    if (nargs > 1 && kw[1])
        return Pyrt_ErrFormat(&PyrtType_TypeError,
                              "Cannot specify a default for %s() with multiple positional arguments", fname);
    PyrtObject *key = kw[0] && kw[0] != Pyrt_None ? kw[0] : NULL;
    PyrtObject *it = nargs == 1 ? Pyrt_GetIter(args[0]) : NULL;
    if (nargs == 1 && !it)
        return NULL;
    PyrtObject *best = NULL, *bestkey = NULL;
    for (int64_t i = 0;; i++) {
        PyrtObject *item = it ? Pyrt_IterNext(it) : (i < nargs ? incref(args[i]) : NULL);
        if (!item)
            break;
        PyrtObject *k = key ? Pyrt_Call(key, &item, 1, NULL) : incref(item);
        int better = !k ? -1 : !best ? 1 : Pyrt_RichCompareBool(k, bestkey, op);
        if (better > 0) {
            PYRT_XDECREF(best);
            PYRT_XDECREF(bestkey);
            best = item;
            bestkey = k;
            continue;
        }
        PYRT_DECREF(item);
        PYRT_XDECREF(k);
        if (better < 0)
            break;
    }
    PYRT_XDECREF(it);
    PYRT_XDECREF(bestkey);
    if (Pyrt_ErrOccurred()) {
        PYRT_XDECREF(best);
        return NULL;
    }
    if (best)
        return best;
    if (kw[1])
        return incref(kw[1]);
    return Pyrt_ErrFormat(&PyrtType_ValueError, "%s() arg is an empty sequence", fname);
}

PYRT_BUILTIN(min) { (void)self; return min_max("min", args, nargs, kwnames, PYRT_LT); }
PYRT_BUILTIN(max) { (void)self; return min_max("max", args, nargs, kwnames, PYRT_GT); }

/* sum: ints and floats accumulate unboxed; anything else goes through Pyrt_BinaryOp */
static PyrtObject *sum_loop(PyrtObject *it, PyrtObject *result)
{
    PyrtObject *item;
    while ((item = Pyrt_IterNext(it))) {
        PyrtObject *r = NULL;
        if (PyrtNum_IsInt(result) && PyrtNum_IsInt(item)) {
            int64_t s, x = PyrtInt_AsI64(result), y = PyrtInt_AsI64(item);
            if (x != PYRT_INT_BIG && y != PYRT_INT_BIG && !__builtin_add_overflow(x, y, &s))
                r = PyrtInt_FromI64(s);
            else
                r = PyrtNum_BinOp(result, item, PYRT_ADD);
        } else if (PyrtNum_IsFloat(result) && PyrtNum_IsFloat(item)) {
            r = PyrtFloat_FromDouble(PyrtFloat_AsDouble(result) + PyrtFloat_AsDouble(item));
        } else if (PyrtNum_IsFloat(result) && PyrtNum_IsInt(item)) {
            double y = PyrtInt_AsDouble(item);
            if (!(y == -1.0 && Pyrt_ErrOccurred()))
                r = PyrtFloat_FromDouble(PyrtFloat_AsDouble(result) + y);
        } else {
            r = Pyrt_BinaryOp(result, item, PYRT_ADD);
        }
        PYRT_DECREF(item);
        PYRT_DECREF(result);
        result = r;
        if (!result)
            return NULL;
    }
    if (Pyrt_ErrOccurred()) {
        PYRT_DECREF(result);
        return NULL;
    }
    return result;
}

PYRT_BUILTIN(sum)
{
    (void)self;
    static const char *const names[] = { "", "start" };
    PyrtObject *a[2];
    if (nargs == 0)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "sum() takes at least 1 positional argument (0 given)");
    if (PyrtNum_ParseArgs("sum", args, nargs, kwnames, names, 2, 2, 1, a) < 0)
        return NULL;
    PyrtObject *start = a[1] ? a[1] : PyrtInt_FromI64(0);
    if (is_str(start))
        return Pyrt_ErrSetString(&PyrtType_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (start->type == &PyrtType_Bytes)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    PyrtObject *it = Pyrt_GetIter(a[0]);
    if (!it)
        return NULL;
    PyrtObject *r = sum_loop(it, incref(start));
    PYRT_DECREF(it);
    return r;
}

PYRT_BUILTIN(sorted)
{
    (void)self;
    static const char *const names[] = { "key", "reverse" };
    PyrtObject *kw[2];
    if (PyrtNum_NArgs("sorted", nargs, 1, 1) < 0)
        return NULL;
    if (PyrtNum_ParseArgs("sort", args + nargs, 0, kwnames, names, 2, 0, 0, kw) < 0)
        return NULL;
    int reverse = 0;
    if (kw[1] && (reverse = Pyrt_IsTrue(kw[1])) < 0)
        return NULL;
    return PyrtList_Sorted(args[0], kw[0] && kw[0] != Pyrt_None ? kw[0] : NULL, reverse);
}

PYRT_BUILTIN(reversed) { (void)self; return PyrtReversed_TpNew((PyrtObject *)&PyrtType_Reversed, args, nargs, kwnames); }
PYRT_BUILTIN(enumerate) { (void)self; return PyrtEnumerate_TpNew((PyrtObject *)&PyrtType_Enumerate, args, nargs, kwnames); }
PYRT_BUILTIN(zip) { (void)self; return PyrtZip_TpNew((PyrtObject *)&PyrtType_Zip, args, nargs, kwnames); }
PYRT_BUILTIN(map) { (void)self; return PyrtMap_TpNew((PyrtObject *)&PyrtType_Map, args, nargs, kwnames); }
PYRT_BUILTIN(filter) { (void)self; return PyrtFilter_TpNew((PyrtObject *)&PyrtType_Filter, args, nargs, kwnames); }

/* iter(callable, sentinel): a private iterator type */
typedef struct { PyrtObject ob; PyrtObject *callable, *sentinel; } CallIter;

static void calliter_dealloc(PyrtObject *o)
{
    CallIter *c = (CallIter *)o;
    PYRT_CLEAR(c->callable);
    PYRT_CLEAR(c->sentinel);
}

static PyrtObject *calliter_iter(PyrtObject *o) { return incref(o); }

static PyrtObject *calliter_next(PyrtObject *o)
{
    CallIter *c = (CallIter *)o;
    if (!c->callable)
        return NULL;
    PyrtObject *v = Pyrt_Call(c->callable, NULL, 0, NULL);
    if (!v) {
        if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopIteration) == 1) {
            Pyrt_ErrClear();
            PYRT_CLEAR(c->callable);
        }
        return NULL;
    }
    int eq = Pyrt_RichCompareBool(v, c->sentinel, PYRT_EQ);
    if (eq != 0) {
        PYRT_DECREF(v);
        if (eq > 0)
            PYRT_CLEAR(c->callable);
        return NULL;
    }
    return v;
}

static PyrtType PyrtType_CallIter = {
    .ob = PYRT_TYPE_HEAD,
    .name = "callable_iterator",
    .base = &PyrtType_Object,
    .basicsize = sizeof(CallIter),
    .flags = PYRT_TPFLAG_NOSUBCLASS,
    .dealloc = calliter_dealloc,
    .iter = calliter_iter,
    .iternext = calliter_next,
};

PYRT_BUILTIN(iter)
{
    (void)self;
    if (PyrtNum_NoKw("iter", kwnames) < 0 || PyrtNum_NArgs("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return Pyrt_GetIter(args[0]);
    if (!is_callable(args[0]))
        return Pyrt_ErrSetString(&PyrtType_TypeError, "iter(v, w): v must be callable");
    CallIter *c = (CallIter *)Pyrt_Alloc(&PyrtType_CallIter, sizeof(CallIter));
    if (!c)
        return NULL;
    c->callable = incref(args[0]);
    c->sentinel = incref(args[1]);
    return (PyrtObject *)c;
}

PYRT_BUILTIN(next)
{
    (void)self;
    if (PyrtNum_NoKw("next", kwnames) < 0 || PyrtNum_NArgs("next", nargs, 1, 2) < 0)
        return NULL;
    return Pyrt_Next(args[0], nargs == 2 ? args[1] : NULL);
}

/* ------------------------------------------------------------------ numeric builtins */
PYRT_BUILTIN(divmod)
{
    (void)self;
    if (PyrtNum_NoKw("divmod", kwnames) < 0 || PyrtNum_NArgs("divmod", nargs, 2, 2) < 0)
        return NULL;
    PyrtObject *a = args[0], *b = args[1], *q, *r;
    bool ai = PyrtNum_IsInt(a), bi = PyrtNum_IsInt(b);
    if (ai && bi) {
        int64_t x = PyrtInt_AsI64(a), y = PyrtInt_AsI64(b), qv, rv;
        if (x != PYRT_INT_BIG && y != PYRT_INT_BIG && y > 0) {
            PyrtI64_FloorDiv(x, y, &qv);
            PyrtI64_Mod(x, y, &rv);
            q = PyrtInt_FromI64(qv);
            r = PyrtInt_FromI64(rv);
        } else if (PyrtLong_DivMod(a, b, &q, &r) < 0) {
            return NULL;
        }
    } else if ((ai || PyrtNum_IsFloat(a)) && (bi || PyrtNum_IsFloat(b))) {
        double x = PyrtFloat_AsDoubleChecked(a), qv, rv;
        if (x == -1.0 && Pyrt_ErrOccurred())
            return NULL;
        double y = PyrtFloat_AsDoubleChecked(b);
        if ((y == -1.0 && Pyrt_ErrOccurred()) || PyrtF64_DivMod(x, y, &qv, &rv))
            return NULL;
        q = PyrtFloat_FromDouble(qv);
        r = PyrtFloat_FromDouble(rv);
    } else {
        bool found;
        PyrtObject *res = call_dunder(a, "__divmod__", &b, 1, &found);
        if (found && res != Pyrt_NotImplemented)
            return res;
        PYRT_XDECREF(res);
        return Pyrt_ErrFormat(&PyrtType_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                              a->type->name, b->type->name);
    }
    PyrtObject *t = q && r ? PyrtTuple_New(2) : NULL;
    if (!t) {
        PYRT_XDECREF(q);
        PYRT_XDECREF(r);
        return NULL;
    }
    PyrtTuple_SetNew_Steal(t, 0, q);
    PyrtTuple_SetNew_Steal(t, 1, r);
    return t;
}

PYRT_BUILTIN(round)
{
    (void)self;
    static const char *const names[] = { "number", "ndigits" };
    PyrtObject *a[2];
    if (PyrtNum_ParseArgs("round", args, nargs, kwnames, names, 2, 2, 1, a) < 0)
        return NULL;
    PyrtObject *x = a[0], *nd = a[1] == Pyrt_None ? NULL : a[1];
    if (PyrtNum_IsFloat(x))
        return PyrtF64_Round(PyrtFloat_AsDouble(x), nd);
    if (PyrtNum_IsInt(x)) {
        int64_t n = 0;
        if (nd && PyrtInt_AsNdigits(nd, &n) < 0)
            return NULL;
        return PyrtInt_RoundObj(x, n);
    }
    bool found;
    PyrtObject *r = call_dunder(x, "__round__", nd ? &nd : NULL, nd ? 1 : 0, &found);
    if (found)
        return r;
    return Pyrt_ErrFormat(&PyrtType_TypeError, "type %s doesn't define __round__ method", x->type->name);
}

static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m)
{
    return (uint64_t)(((unsigned __int128)a * b) % m);
}

/* inverse of a modulo m (0 <= a < m), or false */
static bool modinv(uint64_t a, uint64_t m, uint64_t *out)
{
    __int128 r0 = (__int128)m, r1 = (__int128)a, s0 = 0, s1 = 1;
    while (r1 != 0) {
        __int128 q = r0 / r1, t = r0 - q * r1;
        r0 = r1;
        r1 = t;
        t = s0 - q * s1;
        s0 = s1;
        s1 = t;
    }
    if (r0 != 1)
        return false;
    if (s0 < 0)
        s0 += (__int128)m;
    *out = (uint64_t)s0;
    return true;
}

static PyrtObject *pow_mod(int64_t b, int64_t e, int64_t m)
{
    if (m == 0)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "pow() 3rd argument cannot be 0");
    uint64_t um = m < 0 ? (uint64_t)0 - (uint64_t)m : (uint64_t)m;
    __int128 bm = (__int128)b % (__int128)um;
    uint64_t base = (uint64_t)(bm < 0 ? bm + (__int128)um : bm);
    uint64_t ue = e < 0 ? (uint64_t)0 - (uint64_t)e : (uint64_t)e;
    if (e < 0 && !modinv(base, um, &base))
        return Pyrt_ErrSetString(&PyrtType_ValueError, "base is not invertible for the given modulus");
    uint64_t result = 1 % um;
    for (; ue; ue >>= 1) {
        if (ue & 1)
            result = mulmod(result, base, um);
        base = mulmod(base, base, um);
    }
    if (m < 0 && result != 0)
        return PyrtInt_FromI64((int64_t)(result - um));
    return PyrtInt_FromI64((int64_t)result);
}

PYRT_BUILTIN(pow)
{
    (void)self;
    static const char *const names[] = { "base", "exp", "mod" };
    PyrtObject *a[3];
    if (PyrtNum_ParseArgs("pow", args, nargs, kwnames, names, 3, 3, 2, a) < 0)
        return NULL;
    if (!a[2] || a[2] == Pyrt_None)
        return Pyrt_BinaryOp(a[0], a[1], PYRT_POW);
    if (!PyrtNum_IsInt(a[0]) || !PyrtNum_IsInt(a[1]) || !PyrtNum_IsInt(a[2])) {
        if ((PyrtNum_IsInt(a[0]) || PyrtNum_IsFloat(a[0])) && (PyrtNum_IsInt(a[1]) || PyrtNum_IsFloat(a[1])))
            return Pyrt_ErrSetString(&PyrtType_TypeError,
                                     "pow() 3rd argument not allowed unless all arguments are integers");
        return Pyrt_ErrFormat(&PyrtType_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                              a[0]->type->name, a[1]->type->name, a[2]->type->name);
    }
    if (PyrtInt_IsBig(a[0]) || PyrtInt_IsBig(a[1]) || PyrtInt_IsBig(a[2]))
        return PyrtLong_PowMod(a[0], a[1], a[2]);
    return pow_mod(PyrtInt_AsI64(a[0]), PyrtInt_AsI64(a[1]), PyrtInt_AsI64(a[2]));
}

/* ------------------------------------------------------------------ object builtins */
PYRT_BUILTIN(isinstance)
{
    (void)self;
    if (PyrtNum_NoKw("isinstance", kwnames) < 0 || PyrtNum_NArgs("isinstance", nargs, 2, 2) < 0)
        return NULL;
    int r = Pyrt_IsInstance(args[0], args[1]);
    return r < 0 ? NULL : Pyrt_BoolFromC(r);
}

PYRT_BUILTIN(issubclass)
{
    (void)self;
    if (PyrtNum_NoKw("issubclass", kwnames) < 0 || PyrtNum_NArgs("issubclass", nargs, 2, 2) < 0)
        return NULL;
    int r = Pyrt_IsSubclass(args[0], args[1]);
    return r < 0 ? NULL : Pyrt_BoolFromC(r);
}

PYRT_BUILTIN(format)
{
    (void)self;
    if (PyrtNum_NoKw("format", kwnames) < 0 || PyrtNum_NArgs("format", nargs, 1, 2) < 0)
        return NULL;
    PyrtObject *spec = nargs == 2 ? args[1] : PyrtNum_Str("");
    if (!is_str(spec))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "format() argument 2 must be str, not %s", spec->type->name);
    return Pyrt_Format(args[0], spec);
}

static int check_attr_name(PyrtObject *name)
{
    if (is_str(name))
        return 0;
    Pyrt_ErrFormat(&PyrtType_TypeError, "attribute name must be string, not '%s'", name->type->name);
    return -1;
}

PYRT_BUILTIN(getattr)
{
    (void)self;
    if (PyrtNum_NoKw("getattr", kwnames) < 0 || PyrtNum_NArgs("getattr", nargs, 2, 3) < 0)
        return NULL;
    if (check_attr_name(args[1]) < 0)
        return NULL;
    PyrtObject *r = Pyrt_GetAttr(args[0], args[1]);
    if (!r && nargs == 3 && Pyrt_ErrMatches((PyrtObject *)&PyrtType_AttributeError) == 1) {
        Pyrt_ErrClear();
        return incref(args[2]);
    }
    return r;
}

PYRT_BUILTIN(hasattr)
{
    (void)self;
    if (PyrtNum_NoKw("hasattr", kwnames) < 0 || PyrtNum_NArgs("hasattr", nargs, 2, 2) < 0)
        return NULL;
    if (check_attr_name(args[1]) < 0)
        return NULL;
    int r = Pyrt_HasAttr(args[0], args[1]);
    return r < 0 ? NULL : Pyrt_BoolFromC(r);
}

PYRT_BUILTIN(setattr)
{
    (void)self;
    if (PyrtNum_NoKw("setattr", kwnames) < 0 || PyrtNum_NArgs("setattr", nargs, 3, 3) < 0)
        return NULL;
    if (check_attr_name(args[1]) < 0 || Pyrt_SetAttr(args[0], args[1], args[2]) < 0)
        return NULL;
    return Pyrt_None;
}

PYRT_BUILTIN(delattr)
{
    (void)self;
    if (PyrtNum_NoKw("delattr", kwnames) < 0 || PyrtNum_NArgs("delattr", nargs, 2, 2) < 0)
        return NULL;
    if (check_attr_name(args[1]) < 0 || Pyrt_DelAttr(args[0], args[1]) < 0)
        return NULL;
    return Pyrt_None;
}

/* ------------------------------------------------------------------ Pyrt_GetBuiltin */
static PyrtObject *sys_exit_builtin(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)self;
    if (PyrtNum_NoKw("exit", kwnames) < 0 || PyrtNum_NArgs("exit", nargs, 0, 1) < 0)
        return NULL;
    return Pyrt_SysExit(nargs ? args[0] : NULL);
}

/* exit and quit: objects of CPython's _sitebuiltins.Quitter type (callable, with its repr) */
typedef struct { PyrtObject ob; const char *name; } Quitter;
static PyrtObject *quitter_call(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)self;
    return sys_exit_builtin(NULL, args, nargs, kwnames);
}
static PyrtObject *quitter_repr(PyrtObject *o)
{
    return Pyrt_StrFormat("Use %s() or Ctrl-D (i.e. EOF) to exit", ((Quitter *)o)->name);
}
static PyrtType Quitter_Type = {
    .ob = PYRT_TYPE_HEAD, .name = "Quitter", .module = "_sitebuiltins", .base = &PyrtType_Object,
    .basicsize = sizeof(Quitter), .flags = PYRT_TPFLAG_NOSUBCLASS, .repr = quitter_repr, .call = quitter_call,
};
static Quitter exit_obj = { PYRT_HEAD_INIT(&Quitter_Type), "exit" }, quit_obj = { PYRT_HEAD_INIT(&Quitter_Type), "quit" };

typedef struct { const char *name; PyrtVectorcall fn; PyrtObject *obj; } BuiltinEntry;

#define FN(n) { #n, Pyrt_builtin_##n, NULL }
#define TY(n, t) { n, NULL, (PyrtObject *)&PyrtType_##t }
static BuiltinEntry builtin_table[] = {
    FN(print), FN(len), FN(abs), FN(min), FN(max), FN(sum), FN(sorted), FN(any), FN(all), FN(repr),
    FN(ascii), FN(ord), FN(chr), FN(isinstance), FN(issubclass), FN(divmod), FN(round), FN(pow),
    FN(hash), FN(input), FN(open), FN(iter), FN(next), FN(format), FN(id), FN(callable), FN(getattr),
    FN(setattr), FN(hasattr), FN(delattr), FN(bin), FN(oct), FN(hex), FN(vars), FN(dir),
    FN(__pyrite_await__), FN(__pyrite_aiter__), FN(__pyrite_anext__), FN(__pyrite_aenter__), FN(__pyrite_aexit__),
    FN(__pyrite_agwrap__), FN(aiter), FN(anext),
    FN(__pyrite_weakref_set__), FN(__pyrite_weakref_get__), FN(__pyrite_weakref_callback__),
    FN(__pyrite_weakref_find__), FN(__pyrite_weakref_list__), FN(__pyrite_register_types__), FN(__import__), FN(__pyrite_removed__), FN(__pyrite_register_codecs__), FN(__pyrite_register_atexit__),
    { "exit", NULL, &exit_obj.ob }, { "quit", NULL, &quit_obj.ob },
    TY("int", Int), TY("float", Float), TY("str", Str), TY("bool", Bool), TY("list", List),
    TY("tuple", Tuple), TY("dict", Dict), TY("set", Set), TY("frozenset", FrozenSet), TY("range", Range),
    TY("object", Object), TY("type", Type), TY("bytes", Bytes), TY("slice", Slice),
    TY("enumerate", Enumerate), TY("zip", Zip), TY("map", Map), TY("filter", Filter),
    TY("reversed", Reversed), TY("staticmethod", StaticMethod), TY("classmethod", ClassMethod),
    TY("property", Property), TY("super", Super),
    TY("BaseException", BaseException), TY("Exception", Exception), TY("SystemExit", SystemExit),
    TY("KeyboardInterrupt", KeyboardInterrupt), TY("GeneratorExit", GeneratorExit),
    TY("ArithmeticError", ArithmeticError), TY("ZeroDivisionError", ZeroDivisionError),
    TY("OverflowError", OverflowError), TY("LookupError", LookupError), TY("IndexError", IndexError),
    TY("KeyError", KeyError), TY("ValueError", ValueError), TY("UnicodeError", UnicodeError),
    TY("TypeError", TypeError), TY("AttributeError", AttributeError), TY("NameError", NameError),
    TY("UnboundLocalError", UnboundLocalError), TY("StopIteration", StopIteration),
    TY("RuntimeError", RuntimeError), TY("RecursionError", RecursionError),
    TY("NotImplementedError", NotImplementedError), TY("AssertionError", AssertionError),
    TY("OSError", OSError), TY("IOError", OSError), TY("EnvironmentError", OSError),
    TY("FileNotFoundError", FileNotFoundError), TY("EOFError", EOFError), TY("ImportError", ImportError),
    TY("MemoryError", MemoryError),
    TY("SyntaxError", SyntaxError),
    TY("IndentationError", IndentationError),
    TY("TabError", TabError),
    TY("UnicodeDecodeError", UnicodeDecodeError),
    TY("UnicodeEncodeError", UnicodeEncodeError),
    TY("UnicodeTranslateError", UnicodeTranslateError),
    TY("ModuleNotFoundError", ModuleNotFoundError),
    TY("BufferError", BufferError),
    TY("ReferenceError", ReferenceError),
    TY("SystemError", SystemError),
    TY("FloatingPointError", FloatingPointError),
    TY("BlockingIOError", BlockingIOError),
    TY("ChildProcessError", ChildProcessError),
    TY("ProcessLookupError", ProcessLookupError),
    TY("Warning", Warning),
    TY("UserWarning", UserWarning),
    TY("DeprecationWarning", DeprecationWarning),
    TY("PendingDeprecationWarning", PendingDeprecationWarning),
    TY("SyntaxWarning", SyntaxWarning),
    TY("RuntimeWarning", RuntimeWarning),
    TY("FutureWarning", FutureWarning),
    TY("ImportWarning", ImportWarning),
    TY("UnicodeWarning", UnicodeWarning),
    TY("BytesWarning", BytesWarning),
    TY("ResourceWarning", ResourceWarning),
    TY("EncodingWarning", EncodingWarning),
    TY("StopAsyncIteration", StopAsyncIteration),
    { "NotImplemented", NULL, &Pyrt_NotImplementedStruct }, { "None", NULL, &Pyrt_NoneStruct },
    { "Ellipsis", NULL, &Pyrt_EllipsisStruct },
    { NULL, NULL, NULL },
};

static PyrtObject *lookup_builtin(const char *name)
{
    for (BuiltinEntry *e = builtin_table; e->name; e++) {
        if (strcmp(e->name, name) != 0)
            continue;
        if (!e->obj) {
            PyrtObject *f = PyrtBuiltin_New(e->name, e->fn, NULL);
            if (!f)
                return NULL;
            e->obj = Pyrt_MakeImmortal(f);
        }
        return e->obj;
    }
    if (strcmp(name, "True") == 0 || strcmp(name, "__debug__") == 0)   /* (no -O: __debug__ is True) */
        return Pyrt_True;
    if (strcmp(name, "False") == 0)
        return Pyrt_False;
    Pyrt_ErrFormat(&PyrtType_NameError, "name '%s' is not defined", name);
    return NULL;
}

/* Generated code passes string literals, so a direct-mapped cache keyed by the name's address makes
 * repeated calls (`set(...)` in a loop) a load and a compare instead of a table scan. */
PyrtObject *Pyrt_GetBuiltin(const char *name)
{
    static struct { const char *key; PyrtObject *obj; } cache[64];
    size_t i = ((uintptr_t)name >> 3) & 63;
    if (cache[i].key == name)
        return cache[i].obj;
    PyrtObject *o = lookup_builtin(name);
    if (o) {
        cache[i].key = name;
        cache[i].obj = o;
    }
    return o;
}
