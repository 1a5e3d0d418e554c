/* platform/web.c: the web target (`pyrite build mod.py --target web`): a wasm32-wasi reactor module
 * loaded by the ES module targets/web.py writes (mod.js), which provides the few WASI imports the
 * runtime uses (standard streams go to console or a sink the page sets, clocks, random bytes).
 * What differs from wasi.c is how values cross: JavaScript calls an exported Python function through
 * pyx_call with its arguments encoded in a byte buffer, and gets the result (or the exception) back
 * the same way. The encoding (little-endian; mod.js has the other half):
 *   0 None | 1 False | 2 True | 3 int64 (8 bytes) | 4 big int (u32 n, n bytes two's complement)
 *   5 float64 | 6 str (u32 n, UTF-8) | 7 bytes (u32 n, data) | 8 list (u32 n, items) | 9 tuple
 *   | 10 dict (u32 n, key value ...) | 11 set | 12 list of float64 (u32 n, 8n bytes: Float64Array)
 *   | 13 list of int32 (u32 n, 4n bytes: Int32Array) | 14 frozenset | 15 handle (u32: see "handles")
 * A call's result buffer is [u8 status][payload]: status 0 and the value, or 1 and an exception as
 * three strs (type name, message, traceback text). */
#include "wasi.c"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ handles
 * A value with no JavaScript equivalent (an instance of a compiled class, a class, a function, a
 * generator...) crosses as a handle: an index into this table, which holds a reference until
 * JavaScript releases it (pyx_release: the handle's .free(), or its FinalizationRegistry). */
static PyrtObject **handles;          /* NULL: a released slot */
static uint32_t nhandles, caphandles;
static uint32_t *free_ids, nfree;      /* released slots, reused first (capacity caphandles) */

static int64_t handle_new(PyrtObject *o)
{
    uint32_t id;
    if (nfree > 0) {
        id = free_ids[--nfree];
    } else {
        if (nhandles == caphandles) {
            uint32_t cap = caphandles ? caphandles * 2 : 64;
            PyrtObject **h = realloc(handles, cap * sizeof *h);
            uint32_t *f = h ? realloc(free_ids, cap * sizeof *f) : NULL;
            if (h)
                handles = h;
            if (!f) {
                Pyrt_ErrSetString(&PyrtType_MemoryError, "");
                return -1;
            }
            free_ids = f;
            caphandles = cap;
        }
        id = nhandles++;
    }
    Pyrt_IncRef(o);
    handles[id] = o;
    return id;
}

static PyrtObject *handle_get(uint32_t id)   /* borrowed; NULL + TypeError for a released handle */
{
    if (id >= nhandles || !handles[id]) {
        Pyrt_ErrSetString(&PyrtType_TypeError, "pyrite: this Python object was released (.free())");
        return NULL;
    }
    return handles[id];
}

__attribute__((export_name("pyx_release"))) void PyrtWeb_Release(uint32_t id)
{
    if (id >= nhandles || !handles[id])
        return;
    PyrtObject *o = handles[id];
    handles[id] = NULL;
    free_ids[nfree++] = id;
    Pyrt_DecRef(o);
}

__attribute__((export_name("pyx_handles"))) uint32_t PyrtWeb_Handles(void)   /* (live handles: tests) */
{
    uint32_t live = 0;
    for (uint32_t i = 0; i < nhandles; i++)
        live += handles[i] != NULL;
    return live;
}

/* ------------------------------------------------------------------ output buffer */
typedef struct { unsigned char *p; size_t n, cap; int failed; } Buf;

static void put(Buf *b, const void *data, size_t n)
{
    if (b->failed)
        return;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n)
            cap *= 2;
        unsigned char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, data, n);
    b->n += n;
}

static void put_u8(Buf *b, unsigned v) { unsigned char c = (unsigned char)v; put(b, &c, 1); }
static void put_u32(Buf *b, uint32_t v) { put(b, &v, 4); }

static void put_str(Buf *b, const char *s, size_t n)
{
    put_u8(b, 6);
    put_u32(b, (uint32_t)n);
    put(b, s, n);
}

/* encode a runtime value; -1 with pyrt_exc (TypeError for what does not cross yet) */
static int encode(Buf *b, PyrtObject *o, int depth)
{
    if (depth > 200) {
        Pyrt_ErrSetString(&PyrtType_RecursionError, "pyrite: value too deeply nested to pass to JavaScript");
        return -1;
    }
    PyrtType *t = o->type;
    if (o == Pyrt_None) { put_u8(b, 0); return 0; }
    if (o == Pyrt_False) { put_u8(b, 1); return 0; }
    if (o == Pyrt_True) { put_u8(b, 2); return 0; }
    if (t == &PyrtType_Int) {
        if (!PyrtInt_IsBig(o)) {
            int64_t v = PyrtInt_AsI64(o);
            put_u8(b, 3);
            put(b, &v, 8);
            return 0;
        }
        int64_t n = (PyrtLong_BitLength(o) + 8) / 8 + 1;
        unsigned char *tmp = malloc((size_t)n);
        if (!tmp || PyrtLong_ToBytes(o, tmp, n, true, true) < 0) {
            free(tmp);
            if (!pyrt_exc)
                Pyrt_ErrSetString(&PyrtType_MemoryError, "");
            return -1;
        }
        put_u8(b, 4);
        put_u32(b, (uint32_t)n);
        put(b, tmp, (size_t)n);
        free(tmp);
        return 0;
    }
    if (t == &PyrtType_Float) {
        double v = PyrtFloat_AsDouble(o);
        put_u8(b, 5);
        put(b, &v, 8);
        return 0;
    }
    if (t == &PyrtType_Str) {
        put_str(b, PyrtStr_UTF8(o), (size_t)((PyrtStr *)o)->nbytes);
        return 0;
    }
    if (t == &PyrtType_Bytes) {
        put_u8(b, 7);
        put_u32(b, (uint32_t)((PyrtBytes *)o)->length);
        put(b, ((PyrtBytes *)o)->data, (size_t)((PyrtBytes *)o)->length);
        return 0;
    }
    if (t == &PyrtType_List && ((PyrtList *)o)->kind == PYRT_LIST_F64) {
        put_u8(b, 12);
        put_u32(b, (uint32_t)PyrtList_Len(o));
        put(b, ((PyrtList *)o)->ob_item, 8 * (size_t)PyrtList_Len(o));
        return 0;
    }
    if (t == &PyrtType_List || t == &PyrtType_Tuple) {
        int64_t n = t == &PyrtType_List ? PyrtList_Len(o) : PyrtTuple_Len(o);
        put_u8(b, t == &PyrtType_List ? 8 : 9);
        put_u32(b, (uint32_t)n);
        for (int64_t i = 0; i < n; i++) {
            PyrtObject *x = t == &PyrtType_List ? PyrtList_ItemNew(o, i) : PyrtTuple_GetBorrowed(o, i);
            if (!x)
                return -1;
            int r = encode(b, x, depth + 1);
            if (t == &PyrtType_List)
                Pyrt_DecRef(x);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    if (t == &PyrtType_Dict) {
        put_u8(b, 10);
        put_u32(b, (uint32_t)PyrtDict_Size(o));
        int64_t pos = 0;
        PyrtObject *k, *v;
        while (PyrtDict_Next(o, &pos, &k, &v))
            if (encode(b, k, depth + 1) < 0 || encode(b, v, depth + 1) < 0)
                return -1;
        return 0;
    }
    if (t == &PyrtType_Set || t == &PyrtType_FrozenSet) {
        put_u8(b, t == &PyrtType_Set ? 11 : 14);
        put_u32(b, (uint32_t)PyrtSet_Size(o));
        int64_t pos = 0;
        PyrtObject *k;
        while (PyrtSet_Next(o, &pos, &k))
            if (encode(b, k, depth + 1) < 0)
                return -1;
        return 0;
    }
    int64_t id = handle_new(o);
    if (id < 0)
        return -1;
    put_u8(b, 15);
    put_u32(b, (uint32_t)id);
    return 0;
}

/* ------------------------------------------------------------------ input */
typedef struct { const unsigned char *p, *end; } In;

static int take(In *in, void *out, size_t n)
{
    if ((size_t)(in->end - in->p) < n) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "pyrite: truncated value from JavaScript");
        return -1;
    }
    memcpy(out, in->p, n);
    in->p += n;
    return 0;
}

static PyrtObject *decode(In *in, int depth)
{
    unsigned char tag;
    uint32_t n;
    if (depth > 200) {
        Pyrt_ErrSetString(&PyrtType_RecursionError, "pyrite: value from JavaScript too deeply nested");
        return NULL;
    }
    if (take(in, &tag, 1) < 0)
        return NULL;
    switch (tag) {
    case 0: return Pyrt_None;
    case 1: return Pyrt_False;
    case 2: return Pyrt_True;
    case 3: { int64_t v; return take(in, &v, 8) < 0 ? NULL : PyrtInt_FromI64(v); }
    case 15: {
        uint32_t id;
        if (take(in, &id, 4) < 0)
            return NULL;
        PyrtObject *o = handle_get(id);
        if (o)
            Pyrt_IncRef(o);
        return o;
    }
    case 5: { double v; return take(in, &v, 8) < 0 ? NULL : PyrtFloat_FromDouble(v); }
    default: break;
    }
    if (take(in, &n, 4) < 0)
        return NULL;
    size_t left = (size_t)(in->end - in->p);
    switch (tag) {
    case 4: case 6: case 7: {
        if (left < n) {
            Pyrt_ErrSetString(&PyrtType_ValueError, "pyrite: truncated value from JavaScript");
            return NULL;
        }
        const unsigned char *d = in->p;
        in->p += n;
        if (tag == 4)
            return PyrtLong_FromBytes(d, (int64_t)n, true, true);
        if (tag == 6)
            return PyrtStr_FromUTF8((const char *)d, (int64_t)n);   /* (JavaScript's encoder: valid UTF-8) */
        return PyrtBytes_FromData(d, (int64_t)n);
    }
    case 12: case 13: {
        size_t w = tag == 12 ? 8 : 4;
        if (left / w < n) {
            Pyrt_ErrSetString(&PyrtType_ValueError, "pyrite: truncated value from JavaScript");
            return NULL;
        }
        PyrtObject *l = PyrtList_NewKind((int64_t)n, tag == 12 ? PYRT_LIST_F64 : PYRT_LIST_I64);
        if (!l)
            return NULL;
        if (tag == 12) {
            memcpy(((PyrtList *)l)->ob_item, in->p, 8 * (size_t)n);
        } else {
            int64_t *dst = (int64_t *)((PyrtList *)l)->ob_item;
            for (uint32_t i = 0; i < n; i++) {
                int32_t v;
                memcpy(&v, in->p + 4 * (size_t)i, 4);
                dst[i] = v;
            }
        }
        in->p += w * n;
        return l;
    }
    case 8: case 9: case 11: case 14: {
        PyrtObject *c = tag == 8 ? PyrtList_New(0) : tag == 9 ? PyrtTuple_New((int64_t)n) : PyrtSet_New();
        if (!c)
            return NULL;
        for (uint32_t i = 0; i < n; i++) {
            PyrtObject *x = decode(in, depth + 1);
            if (!x) {
                if (tag == 9)
                    for (uint32_t j = i; j < n; j++)
                        PyrtTuple_SetNew_Steal(c, j, Pyrt_None);
                Pyrt_DecRef(c);
                return NULL;
            }
            if (tag == 9) {
                PyrtTuple_SetNew_Steal(c, i, x);
                continue;
            }
            int r = tag == 8 ? PyrtList_Append(c, x) : PyrtSet_Add(c, x);
            Pyrt_DecRef(x);
            if (r < 0) {
                Pyrt_DecRef(c);
                return NULL;
            }
        }
        if (tag == 14) {
            PyrtObject *f = PyrtFrozenSet_FromIterable(c);
            Pyrt_DecRef(c);
            return f;
        }
        return c;
    }
    case 10: {
        PyrtObject *d = PyrtDict_New();
        if (!d)
            return NULL;
        for (uint32_t i = 0; i < n; i++) {
            PyrtObject *k = decode(in, depth + 1);
            PyrtObject *v = k ? decode(in, depth + 1) : NULL;
            int r = v ? PyrtDict_SetItem(d, k, v) : -1;
            Pyrt_XDecRef(k);
            Pyrt_XDecRef(v);
            if (r < 0) {
                Pyrt_DecRef(d);
                return NULL;
            }
        }
        return d;
    }
    default:
        Pyrt_ErrFormat(&PyrtType_ValueError, "pyrite: unknown value tag %d from JavaScript", (int)tag);
        return NULL;
    }
}

/* ------------------------------------------------------------------ results and exceptions */
static void put_text(Buf *b, const char *s)
{
    put_str(b, s, strlen(s));
}

/* status 1: the current exception as (type name, message, traceback text); clears it */
static void put_exception(Buf *b)
{
    PyrtObject *e = Pyrt_ErrFetch();
    put_u8(b, 1);
    if (!e) {
        put_text(b, "SystemError");
        put_text(b, "pyrite: an error without an exception");
        put_text(b, "");
        return;
    }
    const char *name = PYRT_QUALNAME(e->type);
    put_text(b, name);
    PyrtObject *s = Pyrt_Str(e);
    if (!s) {
        Pyrt_ErrClear();
        put_text(b, "<exception str() failed>");
    } else {
        put_str(b, PyrtStr_UTF8(s), (size_t)((PyrtStr *)s)->nbytes);
    }
    /* the traceback as CPython prints it (without source lines: a page has no files) */
    Buf tb = {0};
    static const char head[] = "Traceback (most recent call last):\n";
    put(&tb, head, sizeof head - 1);
    if (Pyrt_TypeCheck(e, &PyrtType_BaseException)) {
        PyrtBaseException *x = (PyrtBaseException *)e;
        for (int32_t i = x->ntrace - 1; i >= 0; i--) {
            char line[600];
            int k = snprintf(line, sizeof line, "  File \"%s\", line %d, in %s\n", x->trace[i].file,
                             (int)x->trace[i].line, x->trace[i].func);
            put(&tb, line, (size_t)(k < (int)sizeof line ? k : (int)sizeof line - 1));
        }
    }
    put(&tb, name, strlen(name));
    if (s && ((PyrtStr *)s)->nbytes) {
        put(&tb, ": ", 2);
        put(&tb, PyrtStr_UTF8(s), (size_t)((PyrtStr *)s)->nbytes);
    }
    put_str(b, (const char *)tb.p, tb.n);
    free(tb.p);
    Pyrt_XDecRef(s);
    Pyrt_DecRef(e);
}

static Buf result;   /* the last call's result (read by JavaScript before the next call) */

/* [u32 length][status][payload] in wasm memory; JavaScript reads it */
static unsigned char *finish(void)
{
    if (result.failed) {
        free(result.p);
        result = (Buf){0};
        put_u32(&result, 0);
        put_u8(&result, 2);   /* (out of memory) */
    }
    uint32_t n = (uint32_t)(result.n - 4);
    memcpy(result.p, &n, 4);
    return result.p;
}

static void reset(void)
{
    result.n = 0;
    result.failed = 0;
    put_u32(&result, 0);
}

/* The end of an operation: status 0 and r encoded (r a new reference, released here), or status 1 and
 * the exception when r is NULL (or does not encode). */
static unsigned char *finish_with(PyrtObject *r)
{
    if (r) {
        put_u8(&result, 0);
        if (encode(&result, r, 0) < 0) {
            result.n = 4;
            put_exception(&result);
        }
        Pyrt_DecRef(r);
    } else {
        put_exception(&result);
    }
    Pyrt_FlushStdout();
    return finish();
}

/* ------------------------------------------------------------------ entry points (mod.js calls these) */
__attribute__((export_name("pyx_alloc"))) void *PyrtWeb_Alloc(int32_t n)
{
    return malloc(n > 0 ? (size_t)n : 1);
}

__attribute__((export_name("pyx_free"))) void PyrtWeb_Free(void *p)
{
    free(p);
}

/* Runs the module's top level once: [len][0] or [len][1][exception]. */
unsigned char *PyrtWeb_Init(int (*init)(void))
{
    reset();
    static int started;
    if (!started) {
        started = 1;
        static char *argv[] = {"", NULL};
        Pyrt_Init(1, argv);
    }
    if (init() < 0)
        put_exception(&result);
    else
        put_u8(&result, 0);
    Pyrt_FlushStdout();
    return finish();
}

/* Calls fn with the arguments encoded in [in, in + len) (a tuple: the positional arguments). */
unsigned char *PyrtWeb_Call(PyrtObject *fn, const unsigned char *data, int32_t len)
{
    reset();
    In in = {data, data + len};
    PyrtObject *args = fn ? decode(&in, 0) : NULL;
    if (!fn)
        Pyrt_ErrSetString(&PyrtType_NameError, "pyrite: the function is no longer bound in its module");
    PyrtObject *r = NULL;
    if (args && args->type != &PyrtType_Tuple) {
        Pyrt_ErrSetString(&PyrtType_TypeError, "pyrite: arguments from JavaScript must be a tuple");
    } else if (args) {
        r = Pyrt_Call(fn, ((PyrtTuple *)args)->items, PyrtTuple_Len(args), NULL);
    }
    Pyrt_XDecRef(args);
    return finish_with(r);
}

/* A module value (new reference, or NULL when unbound) for mod.js's exported bindings. */
unsigned char *PyrtWeb_Value(PyrtObject *v)
{
    reset();
    if (!v) {
        Pyrt_ErrClear();
        put_u8(&result, 0);
        put_u8(&result, 0);
        return finish();
    }
    return finish_with(v);
}

/* ------------------------------------------------------------------ typed entries
 * A function whose parameters are annotated int/float/bool also has a wasm export taking and returning
 * unboxed values (targets/web.py); when it fails, the exception waits here for pyx_pending. */
static unsigned char *pending_exc;

void PyrtWeb_Failed(void)
{
    reset();
    put_exception(&result);
    pending_exc = finish();
}

/* a typed entry's result that has no unboxed form (an int beyond 64 bits): it waits, encoded, for
 * pyx_pending (steals v) */
void PyrtWeb_PendingValue(PyrtObject *v)
{
    reset();
    pending_exc = finish_with(v);
}

__attribute__((export_name("pyx_pending"))) unsigned char *PyrtWeb_Pending(void)
{
    unsigned char *p = pending_exc;
    pending_exc = NULL;
    return p;
}

/* ------------------------------------------------------------------ operations on handles */
/* getattr: the attribute name encoded as a str */
__attribute__((export_name("pyx_getattr"))) unsigned char *PyrtWeb_GetAttr(uint32_t id, const unsigned char *d,
                                                                            int32_t n)
{
    reset();
    In in = {d, d + n};
    PyrtObject *o = handle_get(id);
    PyrtObject *name = o ? decode(&in, 0) : NULL;
    PyrtObject *r = name ? Pyrt_GetAttr(o, name) : NULL;
    Pyrt_XDecRef(name);
    if (r && r->type == &PyrtType_Method && ((PyrtMethod *)r)->self == o) {
        put_u8(&result, 0);
        put_u8(&result, 16);   /* a method of the object: JavaScript calls it through pyx_callm */
        Pyrt_DecRef(r);
        Pyrt_FlushStdout();
        return finish();
    }
    return finish_with(r);
}

/* setattr: (name, value) encoded as a tuple */
__attribute__((export_name("pyx_setattr"))) unsigned char *PyrtWeb_SetAttr(uint32_t id, const unsigned char *d,
                                                                            int32_t n)
{
    reset();
    In in = {d, d + n};
    PyrtObject *o = handle_get(id);
    PyrtObject *t = o ? decode(&in, 0) : NULL;
    int r = -1;
    if (t && t->type == &PyrtType_Tuple && PyrtTuple_Len(t) == 2)
        r = Pyrt_SetAttr(o, PyrtTuple_GetBorrowed(t, 0), PyrtTuple_GetBorrowed(t, 1));
    else if (t)
        Pyrt_ErrSetString(&PyrtType_TypeError, "pyrite: setattr needs (name, value)");
    Pyrt_XDecRef(t);
    if (r < 0)
        put_exception(&result);
    else
        put_u8(&result, 0);
    Pyrt_FlushStdout();
    return finish();
}

/* call the object a handle holds (a class: a new instance) with a tuple of arguments */
__attribute__((export_name("pyx_callh"))) unsigned char *PyrtWeb_CallHandle(uint32_t id, const unsigned char *d,
                                                                             int32_t n)
{
    PyrtObject *o = handle_get(id);
    if (!o) {
        reset();
        put_exception(&result);
        return finish();
    }
    return PyrtWeb_Call(o, d, n);
}

/* call method `name` of the object a handle holds: (name, args tuple), without a bound-method handle */
__attribute__((export_name("pyx_callm"))) unsigned char *PyrtWeb_CallMethod(uint32_t id, const unsigned char *d,
                                                                             int32_t n)
{
    reset();
    In in = {d, d + n};
    PyrtObject *o = handle_get(id);
    PyrtObject *name = o ? decode(&in, 0) : NULL;
    PyrtObject *args = name ? decode(&in, 0) : NULL;
    PyrtObject *r = NULL;
    if (args && args->type == &PyrtType_Tuple)
        r = Pyrt_CallMethod(o, name, ((PyrtTuple *)args)->items, PyrtTuple_Len(args), NULL);
    else if (args)
        Pyrt_ErrSetString(&PyrtType_TypeError, "pyrite: arguments from JavaScript must be a tuple");
    Pyrt_XDecRef(name);
    Pyrt_XDecRef(args);
    return finish_with(r);
}
