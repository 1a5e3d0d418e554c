/* platform/ext.c: the CPython-extension target (`pyrite build mod.py --target ext`). The program's
 * runtime and compiled code live inside a CPython process; this file is the bridge:
 *   - what the runtime does per platform (POSIX, as posix.c), with stdout/stderr written to CPython's
 *     sys.stdout/sys.stderr so the outputs of both sides interleave as they were produced;
 *   - conversions of values at the boundary, both ways: None, bool, int (any size), float, str, bytes,
 *     tuple, list, dict, set, frozenset, recursively. Mutable containers are copied in and, after the
 *     call, copied back into the caller's objects (so `xs.append(1)` in compiled code is seen by the
 *     caller, and a container passed and returned comes back as the same object); every object converted
 *     in one call keeps its identity through a memo;
 *   - exceptions: a runtime exception leaving compiled code becomes the CPython exception of the same
 *     builtin type (a compiled exception class becomes a CPython subclass of its nearest builtin base,
 *     made once), with the compiled frames added to its traceback;
 *   - PyrtExt_Call / PyrtExt_InitModule, used by the entry code the compiler emits (targets/ext.py).
 * CPython's GIL is held throughout: the runtime's state is used by one thread at a time. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#define PYRT_PLATFORM_EXT
#include "posix.c"
#include <string.h>

/* CPython's private functions this bridge uses, across the versions it builds for (3.11-3.13) */
#if PY_VERSION_HEX >= 0x030D0000
PyAPI_FUNC(void) _PyTraceback_Add(const char *, const char *, int);   /* (3.13: internal, still exported) */
#define PYRT_AS_BYTE_ARRAY(v, buf, n) _PyLong_AsByteArray((PyLongObject *)(v), (buf), (n), 1, 1, 1)
#else
#define PYRT_AS_BYTE_ARRAY(v, buf, n) _PyLong_AsByteArray((PyLongObject *)(v), (buf), (n), 1, 1)
#endif

typedef struct { PyObject_HEAD PyrtObject *obj; vectorcallfunc vc; } ExtProxy;   /* (see "compiled objects") */
static PyTypeObject ExtProxy_Type;
static PyrtObject *foreign_new(PyObject *py);
static PyObject *carried_exception(PyrtObject *e);
static void attach_trace(PyObject *v, PyrtBaseException *x);
typedef struct { PyrtObject ob; PyObject *py; } ExtForeign;
extern PyrtType PyrtType_ExtForeign;
#define FOREIGN(o) (((ExtForeign *)(o))->py)

/* ------------------------------------------------------------------ standard streams */
static char pending_utf8[2][4];   /* an incomplete UTF-8 sequence at the end of the last write (fd 1, 2) */
static int npending[2];

static int write_py_stream(int fd, const char *s, size_t n)
{
    PyObject *stream = PySys_GetObject(fd == 1 ? "stdout" : "stderr");   /* borrowed */
    if (stream == NULL || stream == Py_None)
        return 0;   /* (as CPython: no stream, output dropped) */
    int k = fd - 1;
    char buf[4096 + 4];
    while (n > 0 || npending[k]) {
        size_t take = n > 4096 ? 4096 : n;
        size_t len = (size_t)npending[k];
        memcpy(buf, pending_utf8[k], len);
        memcpy(buf + len, s, take);
        len += take;
        s += take;
        n -= take;
        /* keep a trailing incomplete sequence for the next write */
        size_t end = len, back = 0;
        while (back < 3 && back < end && ((unsigned char)buf[end - 1 - back] & 0xC0) == 0x80)
            back++;
        if (back < end) {
            unsigned char lead = (unsigned char)buf[end - 1 - back];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (need > back + 1) {
                npending[k] = (int)(back + 1);
                memcpy(pending_utf8[k], buf + end - 1 - back, back + 1);
                end -= back + 1;
            } else {
                npending[k] = 0;
            }
        } else {
            npending[k] = 0;
        }
        if (end == 0) {
            if (n == 0)
                break;
            continue;
        }
        PyObject *text = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)end, "surrogateescape");
        if (text == NULL)
            return EIO;
        PyObject *r = PyObject_CallMethod(stream, "write", "O", text);
        Py_DECREF(text);
        if (r == NULL) {
            PyErr_WriteUnraisable(stream);
            return 0;
        }
        Py_DECREF(r);
        if (n == 0)
            break;
    }
    return 0;
}

ssize_t Pyrt_PlatformWrite(int fd, const void *s, size_t n)
{
    if ((fd == 1 || fd == 2) && Py_IsInitialized()) {
        int err = write_py_stream(fd, (const char *)s, n);
        if (err) {
            errno = err;
            return -1;
        }
        return (ssize_t)n;
    }
    return write(fd, s, n);
}

/* ------------------------------------------------------------------ conversions */
typedef struct { PyObject *py; PyrtObject *rt; int from_py; } ExtPair;   /* from_py: made by to_rt */
typedef struct { ExtPair *v; size_t n, cap; } ExtMemo;

static int memo_add(ExtMemo *m, PyObject *py, PyrtObject *rt, int from_py)
{
    if (m == NULL)
        return 0;
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        ExtPair *v = realloc(m->v, cap * sizeof(ExtPair));
        if (v == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        m->v = v;
        m->cap = cap;
    }
    Py_INCREF(py);
    Pyrt_IncRef(rt);
    m->v[m->n++] = (ExtPair){py, rt, from_py};
    return 0;
}

static void memo_free(ExtMemo *m)
{
    for (size_t i = 0; i < m->n; i++) {
        Py_DECREF(m->v[i].py);
        Pyrt_DecRef(m->v[i].rt);
    }
    free(m->v);
    m->v = NULL;
    m->n = m->cap = 0;
}

static PyrtObject *memo_rt(ExtMemo *m, PyObject *py)
{
    for (size_t i = 0; m && i < m->n; i++)
        if (m->v[i].py == py)
            return m->v[i].rt;
    return NULL;
}

static PyObject *memo_py(ExtMemo *m, PyrtObject *rt)
{
    for (size_t i = 0; m && i < m->n; i++)
        if (m->v[i].rt == rt)
            return m->v[i].py;
    return NULL;
}

/* a runtime exception set in pyrt_exc becomes the current CPython exception (defined below) */
static void raise_in_cpython(void);

/* held for the items of a tuple converted with held (see to_rt) that has refcnt references */
static int tuple_sub(int held, intptr_t refcnt)
{
    if (held <= 0)
        return held;
    return refcnt > held ? -1 : 1;
}

static PyrtObject *int_to_rt(PyObject *o)
{
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (!overflow) {
        if (v == -1 && PyErr_Occurred())
            return NULL;
        PyrtObject *r = PyrtInt_FromI64((int64_t)v);
        if (r == NULL)
            raise_in_cpython();
        return r;
    }
    size_t nbytes = (_PyLong_NumBits(o) + 8) / 8 + 1;
    unsigned char *buf = malloc(nbytes);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (PYRT_AS_BYTE_ARRAY(o, buf, nbytes) < 0) {
        free(buf);
        return NULL;
    }
    PyrtObject *r = PyrtLong_FromBytes(buf, (int64_t)nbytes, true, true);
    free(buf);
    if (r == NULL)
        raise_in_cpython();
    return r;
}

static PyObject *int_to_py(PyrtObject *o)
{
    if (!PyrtInt_IsBig(o))
        return PyLong_FromLongLong(PyrtInt_AsI64(o));
    int64_t nbytes = (PyrtLong_BitLength(o) + 8) / 8 + 1;
    unsigned char *buf = malloc((size_t)nbytes);
    if (buf == NULL)
        return PyErr_NoMemory();
    if (PyrtLong_ToBytes(o, buf, nbytes, true, true) < 0) {
        free(buf);
        raise_in_cpython();
        return NULL;
    }
    PyObject *r = _PyLong_FromByteArray(buf, (size_t)nbytes, 1, 1);
    free(buf);
    return r;
}

static PyrtObject *to_rt(PyObject *o, ExtMemo *m, int held);
static PyObject *to_py(PyrtObject *o, ExtMemo *m, int held);
static int copy_back_rt(ExtMemo *m);

/* fill the runtime container rt (new, empty) with py's items */
static int fill_rt(PyObject *py, PyrtObject *rt, ExtMemo *m, int held)
{
    int sub = held > 0 ? 1 : held;   /* (items are borrowed from py) */
    if (PyList_CheckExact(py)) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(py); i++) {
            PyrtObject *x = to_rt(PyList_GET_ITEM(py, i), m, sub);
            if (x == NULL)
                return -1;
            int r = PyrtList_Append(rt, x);
            Pyrt_DecRef(x);
            if (r < 0) {
                raise_in_cpython();
                return -1;
            }
        }
        return 0;
    }
    if (PyDict_CheckExact(py)) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(py, &pos, &k, &v)) {
            PyrtObject *rk = to_rt(k, m, sub);
            if (rk == NULL)
                return -1;
            PyrtObject *rv = to_rt(v, m, sub);
            if (rv == NULL) {
                Pyrt_DecRef(rk);
                return -1;
            }
            int r = PyrtDict_SetItem(rt, rk, rv);
            Pyrt_DecRef(rk);
            Pyrt_DecRef(rv);
            if (r < 0) {
                raise_in_cpython();
                return -1;
            }
        }
        return 0;
    }
    /* set */
    PyObject *it = PyObject_GetIter(py);
    if (it == NULL)
        return -1;
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL) {
        PyrtObject *rx = to_rt(x, m, held > 0 ? 2 : held);
        Py_DECREF(x);
        if (rx == NULL) {
            Py_DECREF(it);
            return -1;
        }
        int r = PyrtSet_Add(rt, rx);
        Pyrt_DecRef(rx);
        if (r < 0) {
            Py_DECREF(it);
            raise_in_cpython();
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* A CPython value as a runtime value (new reference), or NULL with a CPython exception set.
 * held: how lists, dicts and sets cross. 0: copied (arguments of a call into compiled code, copied back
 * after it); n > 0: the caller accounts for n references to o, so one with more is shared with other
 * CPython code and crosses as a wrapper, one with no others is copied (nobody else can see the copy
 * differ); -1: o was reached through a shared tuple, so its containers are shared too. to_py is the
 * same the other way. */
static PyrtObject *to_rt(PyObject *o, ExtMemo *m, int held)
{
    PyrtObject *seen = memo_rt(m, o);
    if (seen != NULL) {
        Pyrt_IncRef(seen);
        return seen;
    }
    PyrtObject *r = NULL;
    if (Py_IS_TYPE(o, &ExtProxy_Type)) {
        r = ((ExtProxy *)o)->obj;
        Pyrt_IncRef(r);
        return r;
    }
    if (o == Py_None)
        return Pyrt_None;
    if (o == Py_True)
        return Pyrt_True;
    if (o == Py_False)
        return Pyrt_False;
    if (PyLong_CheckExact(o))
        return int_to_rt(o);
    if (PyFloat_CheckExact(o)) {
        r = PyrtFloat_FromDouble(PyFloat_AS_DOUBLE(o));
        if (r == NULL)
            raise_in_cpython();
        return r;
    }
    if (PyUnicode_CheckExact(o)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(o, &n);
        if (s == NULL)
            return NULL;
        r = PyrtStr_FromUTF8(s, (int64_t)n);
        if (r == NULL)
            raise_in_cpython();
        return r;
    }
    if (PyBytes_CheckExact(o)) {
        r = PyrtBytes_FromData(PyBytes_AS_STRING(o), (int64_t)PyBytes_GET_SIZE(o));
        if (r == NULL)
            raise_in_cpython();
        return r;
    }
    if (PyTuple_CheckExact(o)) {
        Py_ssize_t n = PyTuple_GET_SIZE(o);
        r = PyrtTuple_New((int64_t)n);
        if (r == NULL) {
            raise_in_cpython();
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyrtObject *x = to_rt(PyTuple_GET_ITEM(o, i), m, tuple_sub(held, Py_REFCNT(o)));
            if (x == NULL) {
                for (Py_ssize_t j = i; j < n; j++)
                    PyrtTuple_SetNew_Steal(r, j, Pyrt_None);
                Pyrt_DecRef(r);
                return NULL;
            }
            PyrtTuple_SetNew_Steal(r, i, x);
        }
        return r;
    }
    if ((PyList_CheckExact(o) || PyDict_CheckExact(o) || PySet_CheckExact(o))
            && (held < 0 || (held > 0 && Py_REFCNT(o) > held))) {   /* CPython holds it elsewhere too: shared, not copied */
        r = foreign_new(o);
        if (r == NULL)
            raise_in_cpython();
        return r;
    }
    if (PyList_CheckExact(o))
        r = PyrtList_New(0);
    else if (PyDict_CheckExact(o))
        r = PyrtDict_New();
    else if (PySet_CheckExact(o))
        r = PyrtSet_New();
    else if (PyFrozenSet_CheckExact(o)) {
        PyrtObject *s = PyrtSet_New();
        if (s == NULL) {
            raise_in_cpython();
            return NULL;
        }
        if (fill_rt(o, s, m, held) < 0) {
            Pyrt_DecRef(s);
            return NULL;
        }
        r = PyrtFrozenSet_FromIterable(s);
        Pyrt_DecRef(s);
        if (r == NULL)
            raise_in_cpython();
        return r;
    } else {
        r = foreign_new(o);
        if (r == NULL)
            raise_in_cpython();
        return r;
    }
    if (r == NULL) {
        raise_in_cpython();
        return NULL;
    }
    if (memo_add(m, o, r, 1) < 0 || fill_rt(o, r, m, held) < 0) {
        Pyrt_DecRef(r);
        return NULL;
    }
    return r;
}

/* fill the CPython container py (empty) with rt's items */
static int fill_py(PyrtObject *rt, PyObject *py, ExtMemo *m, int held)
{
    int sub = held > 0 ? 1 : held;   /* (items are borrowed from rt, but for a list's: ItemNew adds one) */
    PyrtType *t = rt->type;
    if (t == &PyrtType_List) {
        for (int64_t i = 0; i < PyrtList_Len(rt); i++) {
            PyrtObject *x = PyrtList_ItemNew(rt, i);
            if (x == NULL) {
                raise_in_cpython();
                return -1;
            }
            PyObject *px = to_py(x, m, held > 0 ? 2 : held);
            Pyrt_DecRef(x);
            if (px == NULL)
                return -1;
            int r = PyList_Append(py, px);
            Py_DECREF(px);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    if (t == &PyrtType_Dict) {
        int64_t pos = 0;
        PyrtObject *k, *v;
        while (PyrtDict_Next(rt, &pos, &k, &v)) {
            PyObject *pk = to_py(k, m, sub);
            if (pk == NULL)
                return -1;
            PyObject *pv = to_py(v, m, sub);
            if (pv == NULL) {
                Py_DECREF(pk);
                return -1;
            }
            int r = PyDict_SetItem(py, pk, pv);
            Py_DECREF(pk);
            Py_DECREF(pv);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    int64_t pos = 0;
    PyrtObject *k;
    while (PyrtSet_Next(rt, &pos, &k)) {
        PyObject *pk = to_py(k, m, sub);
        if (pk == NULL)
            return -1;
        int r = PySet_Add(py, pk);
        Py_DECREF(pk);
        if (r < 0)
            return -1;
    }
    return 0;
}

static PyObject *exc_to_py(PyrtObject *e, ExtMemo *m);
static PyObject *exc_type_to_py(PyrtType *t);
static int is_exception_class(PyrtType *t)
{
    for (; t != NULL; t = t->base)
        if (t == &PyrtType_BaseException)
            return 1;
    return 0;
}
static PyObject *proxy_new(PyrtObject *o);
PyObject *PyrtExt_Call(PyrtObject *fn, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);

/* A runtime value as a CPython value (new reference), or NULL with a CPython exception set. */
static PyObject *to_py(PyrtObject *o, ExtMemo *m, int held)
{
    PyObject *seen = memo_py(m, o);
    if (seen != NULL) {
        Py_INCREF(seen);
        return seen;
    }
    PyrtType *t = o->type;
    if (t == &PyrtType_ExtForeign)
        return Py_NewRef(FOREIGN(o));
    if (o == Pyrt_None)
        Py_RETURN_NONE;
    if (o == Pyrt_True)
        Py_RETURN_TRUE;
    if (o == Pyrt_False)
        Py_RETURN_FALSE;
    if (t == &PyrtType_Int)
        return int_to_py(o);
    if (t == &PyrtType_Float)
        return PyFloat_FromDouble(PyrtFloat_AsDouble(o));
    if (t == &PyrtType_Str)
        return PyUnicode_DecodeUTF8(PyrtStr_UTF8(o), (Py_ssize_t)((PyrtStr *)o)->nbytes, "surrogatepass");
    if (t == &PyrtType_Bytes)
        return PyBytes_FromStringAndSize((const char *)((PyrtBytes *)o)->data, (Py_ssize_t)((PyrtBytes *)o)->length);
    if (t == &PyrtType_Tuple) {
        int64_t n = PyrtTuple_Len(o);
        PyObject *r = PyTuple_New((Py_ssize_t)n);
        if (r == NULL)
            return NULL;
        for (int64_t i = 0; i < n; i++) {
            PyObject *x = to_py(PyrtTuple_GetBorrowed(o, i), m, tuple_sub(held, o->refcnt));
            if (x == NULL) {
                Py_DECREF(r);
                return NULL;
            }
            PyTuple_SET_ITEM(r, (Py_ssize_t)i, x);
        }
        return r;
    }
    if (t == &PyrtType_FrozenSet) {
        PyObject *s = PySet_New(NULL);
        if (s == NULL || fill_py(o, s, m, held) < 0) {
            Py_XDECREF(s);
            return NULL;
        }
        PyObject *r = PyFrozenSet_New(s);
        Py_DECREF(s);
        return r;
    }
    PyObject *r = NULL;
    if ((t == &PyrtType_List || t == &PyrtType_Dict || t == &PyrtType_Set)
            && (held < 0 || (held > 0 && o->refcnt > held)))
        return proxy_new(o);   /* compiled code holds it elsewhere too: shared, not copied */
    if (t == &PyrtType_List)
        r = PyList_New(0);
    else if (t == &PyrtType_Dict)
        r = PyDict_New();
    else if (t == &PyrtType_Set)
        r = PySet_New(NULL);
    else if (Pyrt_TypeCheck(o, &PyrtType_BaseException))
        return exc_to_py(o, m);
    else if (Pyrt_TypeCheck(o, &PyrtType_Type) && is_exception_class((PyrtType *)o))
        return exc_type_to_py((PyrtType *)o);
    else
        return proxy_new(o);
    if (r == NULL)
        return NULL;
    if (memo_add(m, r, o, 0) < 0 || fill_py(o, r, m, held) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

/* After a call: the caller's mutable containers take the contents their runtime copies have now. */
static int copy_back(ExtMemo *m)
{
    size_t n = m->n;   /* (pairs added while copying back are new containers: nothing to update) */
    for (size_t i = 0; i < n; i++) {
        PyObject *py = m->v[i].py;
        PyrtObject *rt = m->v[i].rt;
        if (PyList_CheckExact(py)) {
            PyObject *items = PyList_New(0);
            if (items == NULL || fill_py(rt, items, m, 1) < 0
                    || PyList_SetSlice(py, 0, PyList_GET_SIZE(py), items) < 0) {
                Py_XDECREF(items);
                return -1;
            }
            Py_DECREF(items);
        } else if (PyDict_CheckExact(py)) {
            PyObject *tmp = PyDict_New();
            if (tmp == NULL || fill_py(rt, tmp, m, 1) < 0) {
                Py_XDECREF(tmp);
                return -1;
            }
            PyDict_Clear(py);
            int r = PyDict_Update(py, tmp);
            Py_DECREF(tmp);
            if (r < 0)
                return -1;
        } else if (PySet_CheckExact(py)) {
            PyObject *tmp = PySet_New(NULL);
            if (tmp == NULL || fill_py(rt, tmp, m, 1) < 0) {
                Py_XDECREF(tmp);
                return -1;
            }
            PySet_Clear(py);
            PyObject *it = PyObject_GetIter(tmp), *k;
            int r = it ? 0 : -1;
            while (r == 0 && it && (k = PyIter_Next(it)) != NULL) {
                r = PySet_Add(py, k);
                Py_DECREF(k);
            }
            Py_XDECREF(it);
            Py_DECREF(tmp);
            if (r < 0 || PyErr_Occurred())
                return -1;
        }
    }
    return 0;
}

/* After a call into CPython: the runtime's containers passed to it take the contents their CPython
 * copies have now (the mirror of copy_back). */
static int copy_back_rt(ExtMemo *m)
{
    size_t n = m->n;
    for (size_t i = 0; i < n; i++) {
        if (m->v[i].from_py)
            continue;
        PyObject *py = m->v[i].py;
        PyrtObject *rt = m->v[i].rt;
        PyrtType *t = rt->type;
        if (t == &PyrtType_List) {
            if (PyrtList_Clear(rt) < 0)
                return -1;
        } else if (t == &PyrtType_Dict) {
            if (PyrtDict_Clear(rt) < 0)
                return -1;
        } else if (t == &PyrtType_Set) {
            if (PyrtSet_Clear(rt) < 0)
                return -1;
        } else {
            continue;
        }
        if (fill_rt(py, rt, m, 1) < 0)
            return -1;
    }
    return 0;
}

/* copy_back while an exception is being raised: CPython's API must not run with one set, and the
 * exception raised wins over a failure of the copy */
static void copy_back_keeping_error(ExtMemo *m)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (copy_back(m) < 0)
        PyErr_Clear();
    PyErr_Restore(t, v, tb);
}

/* ------------------------------------------------------------------ exceptions */
static PyObject *exc_types;   /* dict: address of a compiled exception class -> its CPython class */

static PyObject *exc_type_to_py(PyrtType *t)
{
    if (t->module == NULL) {   /* a builtin exception: CPython's of the same name */
        PyObject *b = PyEval_GetBuiltins();   /* borrowed */
        PyObject *c = b ? PyDict_GetItemString(b, t->name) : NULL;
        if (c != NULL && PyExceptionClass_Check(c)) {
            Py_INCREF(c);
            return c;
        }
        return exc_type_to_py(t->base ? t->base : &PyrtType_Exception);
    }
    if (exc_types == NULL && (exc_types = PyDict_New()) == NULL)
        return NULL;
    PyObject *key = PyLong_FromVoidPtr(t);
    if (key == NULL)
        return NULL;
    PyObject *c = PyDict_GetItemWithError(exc_types, key);
    if (c != NULL) {
        Py_DECREF(key);
        Py_INCREF(c);
        return c;
    }
    PyObject *base = exc_type_to_py(t->base ? t->base : &PyrtType_Exception);
    if (base == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    char name[512];
    snprintf(name, sizeof name, "%s.%s", t->module, PYRT_QUALNAME(t));
    PyObject *dict = Py_BuildValue("{s:s}", "__doc__", t->doc ? t->doc : "");
    c = dict ? PyErr_NewException(name, base, dict) : NULL;
    Py_XDECREF(dict);
    Py_DECREF(base);
    if (c != NULL) {
        PyObject *q = PyUnicode_FromString(PYRT_QUALNAME(t));
        if (q == NULL || PyObject_SetAttrString(c, "__qualname__", q) < 0 || PyDict_SetItem(exc_types, key, c) < 0)
            Py_CLEAR(c);
        Py_XDECREF(q);
    }
    Py_DECREF(key);
    return c;
}

/* v's traceback gets the compiled frames the runtime exception x went through */
static void attach_trace(PyObject *v, PyrtBaseException *x)
{
    if (x->ntrace == 0)
        return;
    PyObject *st, *sv, *stb;
    PyErr_Fetch(&st, &sv, &stb);
    Py_INCREF(v);
    PyErr_Restore((PyObject *)Py_NewRef(Py_TYPE(v)), v, PyException_GetTraceback(v));
    for (int32_t i = 0; i < x->ntrace; i++)   /* innermost first: each frame goes on top */
        _PyTraceback_Add(x->trace[i].func, x->trace[i].file, x->trace[i].line);
    PyObject *t, *val, *tb;
    PyErr_Fetch(&t, &val, &tb);
    if (tb != NULL)
        PyException_SetTraceback(v, tb);
    Py_XDECREF(t);
    Py_XDECREF(val);
    Py_XDECREF(tb);
    PyErr_Restore(st, sv, stb);
}

static PyObject *exc_to_py(PyrtObject *e, ExtMemo *m)
{
    PyrtBaseException *x = (PyrtBaseException *)e;
    PyObject *type = exc_type_to_py(e->type);
    if (type == NULL)
        return NULL;
    PyObject *args = x->args ? to_py(x->args, m, 1) : PyTuple_New(0);
    if (args != NULL && !PyTuple_Check(args)) {
        Py_SETREF(args, PyTuple_Pack(1, args));
    }
    if (args == NULL) {   /* an argument that does not convert: its str() */
        PyErr_Clear();
        PyrtObject *s = Pyrt_Str(e);
        if (s == NULL) {
            Pyrt_ErrClear();
            args = PyTuple_New(0);
        } else {
            args = Py_BuildValue("(s#)", PyrtStr_UTF8(s), (Py_ssize_t)((PyrtStr *)s)->nbytes);
            Pyrt_DecRef(s);
        }
        if (args == NULL) {
            Py_DECREF(type);
            return NULL;
        }
    }
    PyObject *v = PyObject_Call(type, args, NULL);
    Py_DECREF(args);
    Py_DECREF(type);
    if (v == NULL)
        return NULL;
    attach_trace(v, x);
    if (x->cause) {
        PyObject *c = to_py(x->cause, m, 1);
        if (c == NULL)
            PyErr_Clear();
        else
            PyException_SetCause(v, c);   /* (steals c) */
    }
    if (x->context) {
        PyObject *c = to_py(x->context, m, 1);
        if (c == NULL)
            PyErr_Clear();
        else
            PyException_SetContext(v, c);
    }
    if (x->suppress_context)
        ((PyBaseExceptionObject *)v)->suppress_context = 1;
    return v;
}

static void raise_in_cpython(void)
{
    PyrtObject *e = pyrt_exc;
    if (e == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "pyrite: compiled code failed without an exception");
        return;
    }
    pyrt_exc = NULL;
    PyObject *carried = carried_exception(e);
    if (carried != NULL) {   /* a CPython exception that went through compiled frames */
        PyObject *v = Py_NewRef(carried);
        attach_trace(v, (PyrtBaseException *)e);
        PyErr_Restore((PyObject *)Py_NewRef(Py_TYPE(v)), v, PyException_GetTraceback(v));
        Pyrt_DecRef(e);
        return;
    }
    ExtMemo m = {0};
    PyObject *v = exc_to_py(e, &m);
    memo_free(&m);
    if (v == NULL) {
        Pyrt_DecRef(e);
        return;
    }
    PyErr_Restore((PyObject *)Py_NewRef(Py_TYPE(v)), v, PyException_GetTraceback(v));
    Pyrt_DecRef(e);
}



/* ------------------------------------------------------------------ CPython objects seen from compiled code
 * A CPython value with no runtime equivalent (any other object: a module, a numpy array, an instance
 * of a Python class...) enters compiled code as a runtime object holding it: attribute access, calls,
 * repr/str, comparisons, hashing, truth, iteration, len and subscripts go back to CPython, converting
 * at each crossing; returned to CPython it is the same object again. A CPython exception raised there
 * becomes the runtime's exception of the same builtin type (the nearest builtin base for a Python
 * class), carrying the original, which is what CPython sees again if it propagates back out. */
/* One wrapper per object on each side while it lives (so `is` holds across the boundary): address of
 * the wrapped object -> address of its wrapper (not counted; a wrapper removes itself when freed). */
static PyObject *wrappers;

static void *wrapper_of(void *wrapped)
{
    if (wrappers == NULL)
        return NULL;
    PyObject *k = PyLong_FromVoidPtr(wrapped);
    PyObject *v = k ? PyDict_GetItemWithError(wrappers, k) : NULL;
    Py_XDECREF(k);
    if (v == NULL) {
        PyErr_Clear();
        return NULL;
    }
    return PyLong_AsVoidPtr(v);
}

static void wrapper_set(void *wrapped, void *wrapper)
{
    if (wrappers == NULL && (wrappers = PyDict_New()) == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *k = PyLong_FromVoidPtr(wrapped), *v = PyLong_FromVoidPtr(wrapper);
    if (k == NULL || v == NULL || PyDict_SetItem(wrappers, k, v) < 0)
        PyErr_Clear();   /* (only identity across the boundary is lost) */
    Py_XDECREF(k);
    Py_XDECREF(v);
}

static void wrapper_del(void *wrapped)
{
    if (wrappers == NULL)
        return;
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyObject *k = PyLong_FromVoidPtr(wrapped);
    if (k == NULL || PyDict_DelItem(wrappers, k) < 0)
        PyErr_Clear();
    Py_XDECREF(k);
    PyErr_Restore(t, v, tb);
}

static PyrtObject *foreign_new(PyObject *py)
{
    PyrtObject *seen = wrapper_of(py);
    if (seen != NULL) {
        Pyrt_IncRef(seen);
        return seen;
    }
    ExtForeign *f = (ExtForeign *)Pyrt_Alloc(&PyrtType_ExtForeign, sizeof(ExtForeign));
    if (f == NULL)
        return NULL;
    Py_INCREF(py);
    f->py = py;
    wrapper_set(py, f);
    return (PyrtObject *)f;
}

static void foreign_dealloc(PyrtObject *o)
{
    wrapper_del(FOREIGN(o));
    Py_CLEAR(FOREIGN(o));
}

static const char CPYTHON_EXC_ATTR[] = "__pyrite_cpython_exception__";

/* the current CPython exception becomes the runtime's (pyrt_exc) */
static void raise_in_runtime(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL)
        return;
    PyErr_NormalizeException(&t, &v, &tb);
    if (tb != NULL && v != NULL)
        PyException_SetTraceback(v, tb);
    PyrtType *rt_type = &PyrtType_Exception;
    for (PyTypeObject *c = (PyTypeObject *)t; c != NULL; c = c->tp_base) {
        if (c->tp_flags & Py_TPFLAGS_HEAPTYPE)
            continue;
        PyrtObject *b = Pyrt_GetBuiltin(c->tp_name);
        if (b != NULL && Pyrt_TypeCheck(b, &PyrtType_Type) && is_exception_class((PyrtType *)b)) {
            rt_type = (PyrtType *)b;
            break;
        }
        Pyrt_ErrClear();
    }
    PyrtObject *args = NULL;
    PyObject *pargs = v ? PyObject_GetAttrString(v, "args") : NULL;
    if (pargs != NULL && PyTuple_Check(pargs))
        args = to_rt(pargs, NULL, 1);
    Py_XDECREF(pargs);
    if (args == NULL) {
        PyErr_Clear();
        args = PyrtTuple_New(0);
    }
    PyrtObject *e = args ? PyrtExc_New(rt_type, ((PyrtTuple *)args)->items, PyrtTuple_Len(args)) : NULL;
    Pyrt_XDecRef(args);
    if (e != NULL && v != NULL) {
        PyrtObject *keep = foreign_new(v);
        PyrtObject *name = PyrtStr_FromCString(CPYTHON_EXC_ATTR);
        if (keep && name && Pyrt_SetAttr(e, name, keep) < 0)
            Pyrt_ErrClear();
        Pyrt_XDecRef(keep);
        Pyrt_XDecRef(name);
    }
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    if (e != NULL)
        Pyrt_ErrRestore(e);
}

/* the CPython exception a runtime exception carries (borrowed), or NULL */
static PyObject *carried_exception(PyrtObject *e)
{
    PyrtObject *d = ((PyrtInstance *)e)->dict;
    if (d == NULL)
        return NULL;
    PyrtObject *f = PyrtDict_GetItemStr(d, CPYTHON_EXC_ATTR);
    return f != NULL && f->type == &PyrtType_ExtForeign ? FOREIGN(f) : NULL;
}

/* a CPython result (new reference or NULL + CPython exception) as the runtime's */
static PyrtObject *py_result(PyObject *r)
{
    if (r == NULL) {
        raise_in_runtime();
        return NULL;
    }
    PyrtObject *res = to_rt(r, NULL, 1);
    Py_DECREF(r);
    if (res == NULL)
        raise_in_runtime();
    return res;
}

static PyObject *rt_arg(PyrtObject *o)
{
    PyObject *r = to_py(o, NULL, 1);
    if (r == NULL)
        raise_in_runtime();
    return r;
}

static PyrtObject *foreign_getattr(PyrtObject *o, PyrtObject *name)
{
    PyObject *n = rt_arg(name);
    if (n == NULL)
        return NULL;
    PyObject *r = PyObject_GetAttr(FOREIGN(o), n);
    Py_DECREF(n);
    return py_result(r);
}

static int foreign_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v)
{
    PyObject *n = rt_arg(name);
    if (n == NULL)
        return -1;
    PyObject *pv = v ? rt_arg(v) : NULL;
    int r = (v && !pv) ? -1 : PyObject_SetAttr(FOREIGN(o), n, pv);
    Py_DECREF(n);
    Py_XDECREF(pv);
    if (r < 0 && PyErr_Occurred())
        raise_in_runtime();
    return r;
}

static PyrtObject *foreign_call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    int64_t nkw = kwnames ? PyrtTuple_Len(kwnames) : 0;
    PyObject *small[8], **pargs = small;
    if (nargs + nkw > 8 && (pargs = malloc(sizeof(PyObject *) * (size_t)(nargs + nkw))) == NULL) {
        Pyrt_ErrSetString(&PyrtType_MemoryError, "");
        return NULL;
    }
    int64_t done = 0;
    PyObject *pkw = NULL, *r = NULL;
    ExtMemo m = {0};
    for (; done < nargs + nkw; done++)
        if ((pargs[done] = to_py(args[done], &m, 0)) == NULL) {
            raise_in_runtime();
            goto out;
        }
    if (nkw && (pkw = rt_arg(kwnames)) == NULL)
        goto out;
    Pyrt_FlushStdout();
    r = PyObject_Vectorcall(FOREIGN(callable), pargs, (size_t)nargs, pkw);
    if (r == NULL) {
        raise_in_runtime();
        PyrtObject *saved = Pyrt_ErrFetch();   /* (the exception raised wins over a failed copy) */
        if (copy_back_rt(&m) < 0) {
            PyErr_Clear();
            Pyrt_ErrClear();
        }
        Pyrt_ErrRestore(saved);
    } else if (copy_back_rt(&m) < 0) {
        Py_CLEAR(r);
        raise_in_runtime();
    }
  out:
    memo_free(&m);
    for (int64_t i = 0; i < done; i++)
        Py_DECREF(pargs[i]);
    Py_XDECREF(pkw);
    if (pargs != small)
        free(pargs);
    if (r == NULL)
        return NULL;
    return py_result(r);
}

static PyrtObject *foreign_repr(PyrtObject *o) { return py_result(PyObject_Repr(FOREIGN(o))); }
static PyrtObject *foreign_str(PyrtObject *o) { return py_result(PyObject_Str(FOREIGN(o))); }

static int64_t foreign_hash(PyrtObject *o)
{
    Py_hash_t h = PyObject_Hash(FOREIGN(o));
    if (h == -1 && PyErr_Occurred())
        raise_in_runtime();
    return (int64_t)h;
}

static PyrtObject *foreign_richcompare(PyrtObject *a, PyrtObject *b, int op)
{
    PyObject *pa = rt_arg(a);
    if (pa == NULL)
        return NULL;
    PyObject *pb = rt_arg(b);
    if (pb == NULL) {
        Py_DECREF(pa);
        return NULL;
    }
    PyObject *r = PyObject_RichCompare(pa, pb, op);
    Py_DECREF(pa);
    Py_DECREF(pb);
    return py_result(r);
}

static PyrtObject *foreign_iter(PyrtObject *o) { return py_result(PyObject_GetIter(FOREIGN(o))); }

static PyrtObject *foreign_iternext(PyrtObject *o)
{
    if (!PyIter_Check(FOREIGN(o))) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object is not an iterator", Py_TYPE(FOREIGN(o))->tp_name);
        return NULL;
    }
    PyObject *r = PyIter_Next(FOREIGN(o));
    if (r == NULL) {
        if (PyErr_Occurred())
            raise_in_runtime();
        return NULL;   /* exhausted */
    }
    return py_result(r);
}

static int64_t foreign_len(PyrtObject *o)
{
    Py_ssize_t n = PyObject_Length(FOREIGN(o));
    if (n < 0)
        raise_in_runtime();
    return (int64_t)n;
}

static PyrtObject *foreign_getitem(PyrtObject *o, PyrtObject *key)
{
    PyObject *k = rt_arg(key);
    if (k == NULL)
        return NULL;
    PyObject *r = PyObject_GetItem(FOREIGN(o), k);
    Py_DECREF(k);
    return py_result(r);
}

static int foreign_setitem(PyrtObject *o, PyrtObject *key, PyrtObject *v)
{
    PyObject *k = rt_arg(key);
    if (k == NULL)
        return -1;
    PyObject *pv = v ? rt_arg(v) : NULL;
    int r = (v && !pv) ? -1 : v ? PyObject_SetItem(FOREIGN(o), k, pv) : PyObject_DelItem(FOREIGN(o), k);
    Py_DECREF(k);
    Py_XDECREF(pv);
    if (r < 0 && PyErr_Occurred())
        raise_in_runtime();
    return r;
}

static int foreign_contains(PyrtObject *o, PyrtObject *item)
{
    PyObject *x = rt_arg(item);
    if (x == NULL)
        return -1;
    int r = PySequence_Contains(FOREIGN(o), x);
    Py_DECREF(x);
    if (r < 0)
        raise_in_runtime();
    return r;
}

static int foreign_bool(PyrtObject *o)
{
    int r = PyObject_IsTrue(FOREIGN(o));
    if (r < 0)
        raise_in_runtime();
    return r;
}

PyrtType PyrtType_ExtForeign = {
    .ob = PYRT_TYPE_HEAD, .name = "cpython_object", .base = &PyrtType_Object, .basicsize = sizeof(ExtForeign),
    .flags = PYRT_TPFLAG_NOSUBCLASS, .dealloc = foreign_dealloc, .repr = foreign_repr, .str = foreign_str,
    .hash = foreign_hash, .richcompare = foreign_richcompare, .getattr = foreign_getattr,
    .setattr = foreign_setattr, .call = foreign_call, .iter = foreign_iter, .iternext = foreign_iternext,
    .len = foreign_len, .getitem = foreign_getitem, .setitem = foreign_setitem, .contains = foreign_contains,
    .bool_ = foreign_bool,
};

/* ------------------------------------------------------------------ compiled objects seen from CPython
 * A compiled value with no CPython equivalent (an instance of a compiled class, a class, a function
 * returned as a value, a generator...) crosses as a proxy that holds it: attribute access, calls,
 * repr/str, comparisons, hashing, iteration, len and subscripts go to the runtime, converting at each
 * crossing; passed back into compiled code, the proxy gives the same object again. */

static PyObject *proxy_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames);

static PyObject *proxy_new(PyrtObject *o)
{
    PyObject *seen = wrapper_of(o);
    if (seen != NULL)
        return Py_NewRef(seen);
    ExtProxy *p = PyObject_New(ExtProxy, &ExtProxy_Type);
    if (p == NULL)
        return NULL;
    Pyrt_IncRef(o);
    p->obj = o;
    p->vc = proxy_vectorcall;
    wrapper_set(o, p);
    return (PyObject *)p;
}

static void proxy_dealloc(PyObject *self)
{
    wrapper_del(((ExtProxy *)self)->obj);
    Pyrt_DecRef(((ExtProxy *)self)->obj);
    PyObject_Free(self);
}

/* a runtime result (new reference or NULL + pyrt_exc) as CPython's */
static PyObject *rt_result(PyrtObject *r)
{
    Pyrt_FlushStdout();
    if (r == NULL) {
        raise_in_cpython();
        return NULL;
    }
    ExtMemo m = {0};
    PyObject *res = to_py(r, &m, 1);
    memo_free(&m);
    Pyrt_DecRef(r);
    return res;
}

static PyrtObject *name_to_rt(PyObject *name)
{
    return to_rt(name, NULL, 1);
}

static PyObject *proxy_getattro(PyObject *self, PyObject *name)
{
    PyrtObject *n = name_to_rt(name);
    if (n == NULL)
        return NULL;
    PyrtObject *r = Pyrt_GetAttr(((ExtProxy *)self)->obj, n);
    Pyrt_DecRef(n);
    return rt_result(r);
}

static int proxy_setattro(PyObject *self, PyObject *name, PyObject *v)
{
    PyrtObject *n = name_to_rt(name);
    if (n == NULL)
        return -1;
    int r;
    if (v == NULL) {
        r = Pyrt_DelAttr(((ExtProxy *)self)->obj, n);
    } else {
        PyrtObject *rv = to_rt(v, NULL, 1);
        if (rv == NULL) {
            Pyrt_DecRef(n);
            return -1;
        }
        r = Pyrt_SetAttr(((ExtProxy *)self)->obj, n, rv);
        Pyrt_DecRef(rv);
    }
    Pyrt_DecRef(n);
    if (r < 0)
        raise_in_cpython();
    return r < 0 ? -1 : 0;
}

static PyObject *proxy_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    return PyrtExt_Call(((ExtProxy *)self)->obj, args, PyVectorcall_NARGS(nargsf), kwnames);
}

static PyObject *proxy_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return PyVectorcall_Call(self, args, kwargs);
}

static PyObject *proxy_repr(PyObject *self)
{
    return rt_result(Pyrt_Repr(((ExtProxy *)self)->obj));
}

static PyObject *proxy_str(PyObject *self)
{
    return rt_result(Pyrt_Str(((ExtProxy *)self)->obj));
}

static Py_hash_t proxy_hash(PyObject *self)
{
    int64_t h = Pyrt_Hash(((ExtProxy *)self)->obj);
    if (h == -1 && pyrt_exc) {
        raise_in_cpython();
        return -1;
    }
    return (Py_hash_t)h;
}

static PyObject *proxy_richcompare(PyObject *a, PyObject *b, int op)
{
    PyrtObject *ra = to_rt(a, NULL, 1);
    if (ra == NULL)
        return NULL;
    PyrtObject *rb = to_rt(b, NULL, 1);
    if (rb == NULL) {
        Pyrt_DecRef(ra);
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyrtObject *r = Pyrt_RichCompare(ra, rb, op);
    Pyrt_DecRef(ra);
    Pyrt_DecRef(rb);
    return rt_result(r);
}

static PyObject *proxy_iter(PyObject *self)
{
    return rt_result(Pyrt_GetIter(((ExtProxy *)self)->obj));
}

static PyObject *proxy_iternext(PyObject *self)
{
    PyrtObject *r = Pyrt_IterNext(((ExtProxy *)self)->obj);
    if (r == NULL && pyrt_exc == NULL)
        return NULL;   /* exhausted */
    return rt_result(r);
}

static Py_ssize_t proxy_len(PyObject *self)
{
    int64_t n = Pyrt_Len(((ExtProxy *)self)->obj);
    if (n < 0)
        raise_in_cpython();
    return (Py_ssize_t)n;
}

static PyObject *proxy_getitem(PyObject *self, PyObject *key)
{
    PyrtObject *k = to_rt(key, NULL, 1);
    if (k == NULL)
        return NULL;
    PyrtObject *r = Pyrt_GetItem(((ExtProxy *)self)->obj, k);
    Pyrt_DecRef(k);
    return rt_result(r);
}

static int proxy_setitem(PyObject *self, PyObject *key, PyObject *v)
{
    PyrtObject *k = to_rt(key, NULL, 1);
    if (k == NULL)
        return -1;
    int r;
    if (v == NULL) {
        r = Pyrt_DelItem(((ExtProxy *)self)->obj, k);
    } else {
        PyrtObject *rv = to_rt(v, NULL, 1);
        if (rv == NULL) {
            Pyrt_DecRef(k);
            return -1;
        }
        r = Pyrt_SetItem(((ExtProxy *)self)->obj, k, rv);
        Pyrt_DecRef(rv);
    }
    Pyrt_DecRef(k);
    if (r < 0)
        raise_in_cpython();
    return r < 0 ? -1 : 0;
}

static PyMappingMethods proxy_as_mapping = {proxy_len, proxy_getitem, proxy_setitem};

static PyTypeObject ExtProxy_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pyrite.CompiledObject",
    .tp_basicsize = sizeof(ExtProxy),
    .tp_dealloc = proxy_dealloc,
    .tp_vectorcall_offset = offsetof(ExtProxy, vc),
    .tp_repr = proxy_repr,
    .tp_str = proxy_str,
    .tp_hash = proxy_hash,
    .tp_call = proxy_call,
    .tp_getattro = proxy_getattro,
    .tp_setattro = proxy_setattro,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "A value of compiled code (pyrite): its operations run in the compiled program.",
};

/* ------------------------------------------------------------------ calls */
static int in_runtime;   /* nesting of calls into compiled code */

/* Call the compiled callable fn with CPython arguments: convert, call, copy mutable arguments back,
 * convert the result. */
PyObject *PyrtExt_Call(PyrtObject *fn, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (fn == NULL) {
        PyErr_SetString(PyExc_NameError, "pyrite: the compiled function is no longer bound");
        return NULL;
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyrtObject *small[8], **rargs = small;
    if (nargs + nkw > 8 && (rargs = malloc(sizeof(PyrtObject *) * (size_t)(nargs + nkw))) == NULL)
        return PyErr_NoMemory();
    ExtMemo m = {0};
    PyObject *res = NULL;
    PyrtObject *rkw = NULL, *r = NULL;
    Py_ssize_t done = 0;
    for (; done < nargs + nkw; done++)
        if ((rargs[done] = to_rt(args[done], &m, 0)) == NULL)
            goto out;
    if (nkw && (rkw = to_rt(kwnames, &m, 0)) == NULL)
        goto out;
    in_runtime++;
    Pyrt_IncRef(fn);
    r = Pyrt_Call(fn, rargs, (int64_t)nargs, rkw);
    Pyrt_DecRef(fn);
    in_runtime--;
    Pyrt_FlushStdout();
    if (r == NULL) {
        raise_in_cpython();
        copy_back_keeping_error(&m);
        goto out;
    }
    if (copy_back(&m) == 0)
        res = to_py(r, &m, 1);
  out:
    Pyrt_XDecRef(r);
    Pyrt_XDecRef(rkw);
    for (Py_ssize_t i = 0; i < done; i++)
        Pyrt_DecRef(rargs[i]);
    if (rargs != small)
        free(rargs);
    memo_free(&m);
    return res;
}

/* The direct path of the entry code (targets/ext.py): n positional arguments converted for a C entry
 * taking objects (0, or -1 with a CPython exception and nothing held)... */
int PyrtExt_ArgsIn(PyObject *const *args, Py_ssize_t n, PyrtObject **out, ExtMemo *m)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if ((out[i] = to_rt(args[i], m, 0)) == NULL) {
            while (i > 0)
                Pyrt_DecRef(out[--i]);
            memo_free(m);
            return -1;
        }
    }
    return 0;
}

/* ...and after the call: mutable arguments copied back, the result r (new reference; NULL with
 * pyrt_exc when failed) converted, the arguments released. */
PyObject *PyrtExt_ArgsOut(PyrtObject *r, int failed, PyrtObject **in, Py_ssize_t n, ExtMemo *m)
{
    PyObject *res = NULL;
    Pyrt_FlushStdout();
    if (failed || r == NULL) {
        raise_in_cpython();
        copy_back_keeping_error(m);
    } else if (copy_back(m) == 0) {
        res = to_py(r, m, 1);
    }
    Pyrt_XDecRef(r);
    for (Py_ssize_t i = 0; i < n; i++)
        Pyrt_DecRef(in[i]);
    memo_free(m);
    return res;
}

/* Entry code's fast paths: exact CPython ints and floats unboxed, results boxed. */
int PyrtExt_ArgI64(PyObject *o, int64_t *out)
{
    if (!PyLong_CheckExact(o))
        return 0;
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (overflow)
        return 0;
    *out = (int64_t)v;
    return 1;
}

int PyrtExt_ArgF64(PyObject *o, double *out)
{
    if (!PyFloat_CheckExact(o))
        return 0;
    *out = PyFloat_AS_DOUBLE(o);
    return 1;
}

int PyrtExt_ArgBool(PyObject *o, int8_t *out)
{
    if (o != Py_True && o != Py_False)
        return 0;
    *out = o == Py_True;
    return 1;
}

/* an exact str as a runtime str (new reference); NULL (no exception) for anything else */
PyrtObject *PyrtExt_ArgStr(PyObject *o)
{
    if (!PyUnicode_CheckExact(o))
        return NULL;
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(o, &n);
    if (s == NULL) {
        PyErr_Clear();   /* (lone surrogates: the generic path raises) */
        return NULL;
    }
    PyrtObject *r = PyrtStr_FromUTF8(s, (int64_t)n);
    if (r == NULL)
        Pyrt_ErrClear();
    return r;
}

PyObject *PyrtExt_FromI64(int64_t v) { return PyLong_FromLongLong(v); }
PyObject *PyrtExt_FromF64(double v) { return PyFloat_FromDouble(v); }
PyObject *PyrtExt_FromBool(int v) { return PyBool_FromLong(v); }
PyObject *PyrtExt_None(void) { Py_RETURN_NONE; }

/* A typed fast path failed: the runtime's exception as CPython's. */
PyObject *PyrtExt_Raise(void)
{
    Pyrt_FlushStdout();
    raise_in_cpython();
    return NULL;
}

/* A compiled result (new reference, or NULL with pyrt_exc) as CPython's. */
PyObject *PyrtExt_Result(PyrtObject *r)
{
    Pyrt_FlushStdout();
    if (r == NULL)
        return PyrtExt_Raise();
    PyObject *res = to_py(r, NULL, 1);
    Pyrt_DecRef(r);
    return res;
}

/* ------------------------------------------------------------------ the module */
typedef struct {
    const char *name;
    void *fn;               /* a function: its CPython entry; NULL: a value read through the def */
    const char *doc;        /* "name(params)\n--\n\n" (its __text_signature__) + its docstring, or NULL */
} PyrtExtExport;

static int runtime_started;

PyObject *PyrtExt_InitModule(const char *name, const char *doc, int (*init)(void), const PyrtExtExport *exports,
                             PyrtModuleDef *def)
{
    static PyModuleDef moddef;
    static PyObject *module;
    if (module != NULL)   /* imported again after removal from sys.modules: the same module */
        return Py_NewRef(module);
    if (!runtime_started) {
        runtime_started = 1;
        static char *argv[] = {"", NULL};
        argv[0] = (char *)name;
        Pyrt_Init(1, argv);
    }
    if (PyType_Ready(&ExtProxy_Type) < 0)
        return NULL;
    moddef = (PyModuleDef){PyModuleDef_HEAD_INIT, name, doc, -1, NULL, NULL, NULL, NULL, NULL};
    PyObject *mod = PyModule_Create(&moddef);
    if (mod == NULL)
        return NULL;
    PyObject *modname = PyUnicode_FromString(name);
    if (modname == NULL) {
        Py_DECREF(mod);
        return NULL;
    }
    in_runtime++;
    int st = init();
    in_runtime--;
    Pyrt_FlushStdout();
    if (st < 0) {
        raise_in_cpython();
        Py_DECREF(modname);
        Py_DECREF(mod);
        return NULL;
    }
    for (const PyrtExtExport *e = exports; e->name; e++) {
        PyObject *pv;
        if (e->fn) {
            /* a builtin function of the module (METH_FASTCALL: CPython's interpreter calls those
             * without the generic vectorcall path, half the cost of a call of another callable) */
            PyMethodDef *md = PyMem_Calloc(1, sizeof(PyMethodDef));
            if (md == NULL) {
                Py_DECREF(modname);
                Py_DECREF(mod);
                return PyErr_NoMemory();
            }
            *md = (PyMethodDef){e->name, (PyCFunction)(void (*)(void))e->fn, METH_FASTCALL | METH_KEYWORDS, e->doc};
            pv = PyCFunction_NewEx(md, mod, modname);
        } else {
            PyrtObject *v = def->get(e->name);
            if (v == NULL) {
                Pyrt_ErrClear();
                continue;   /* (unbound at the end of the top level: not an attribute, as in CPython) */
            }
            ExtMemo m = {0};
            pv = to_py(v, &m, 1);
            memo_free(&m);
            Pyrt_DecRef(v);
        }
        if (pv == NULL || PyModule_AddObject(mod, e->name, pv) < 0) {
            Py_XDECREF(pv);
            Py_DECREF(modname);
            Py_DECREF(mod);
            return NULL;
        }
    }
    Py_DECREF(modname);
    module = Py_NewRef(mod);
    return mod;
}
