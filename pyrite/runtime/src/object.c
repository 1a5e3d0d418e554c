/* object.c: memory allocation, the object/type/NoneType/NotImplementedType types and the None and
 * NotImplemented singletons, printf-style str building (used by Pyrt_ErrFormat), and the generic
 * operations on boxed values (repr/str/hash/truth, comparisons and arithmetic with CPython's
 * reflected-operation protocol, items, slices, iteration, len, `in`, calls, isinstance, unpacking)
 * plus process start-up and shutdown (Pyrt_Init / Pyrt_Finalize). */
#include "pyrt.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void Pyrt_FlushStdout(void);   /* io.c (num area) */

/* ------------------------------------------------------------------ memory */

static PyrtObject *no_memory(void)
{
    /* MemoryError() with no args: small enough to allocate even when a big request failed */
    return Pyrt_ErrSetNone(&PyrtType_MemoryError);
}

PyrtObject *Pyrt_Alloc(PyrtType *type, size_t size)
{
    PyrtObject *o = calloc(1, size);
    if (!o)
        return no_memory();
    o->refcnt = 1;
    o->type = type;
    return o;
}

void *Pyrt_Malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        no_memory();
    return p;
}

void *Pyrt_Realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        no_memory();
    return q;
}

void Pyrt_Free(void *p)
{
    free(p);
}

void Pyrt_Dealloc(PyrtObject *o)
{
    if (o->type->dealloc)
        o->type->dealloc(o);
    free(o);
}

PyrtObject *Pyrt_MakeImmortal(PyrtObject *o)
{
    o->refcnt = PYRT_IMMORTAL_REFCNT;
    return o;
}

/* ------------------------------------------------------------------ printf-style str building */

typedef struct { char *data; size_t len, cap; bool failed; } Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->failed = true;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

static void buf_adds(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

/* Append repr(o) or str(o); false if that raised. */
static bool buf_add_obj(Buf *b, PyrtObject *o, bool repr)
{
    PyrtObject *s = repr ? Pyrt_Repr(o) : Pyrt_Str(o);
    if (!s)
        return false;
    buf_add(b, PyrtStr_UTF8(s), (size_t)((PyrtStr *)s)->nbytes);
    PYRT_DECREF(s);
    return true;
}

PyrtObject *Pyrt_StrFormatV(const char *fmt, va_list ap)
{
    Buf b = {0};
    char tmp[64];
    buf_add(&b, "", 0);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            const char *q = p;
            while (q[1] && q[1] != '%')
                q++;
            buf_add(&b, p, (size_t)(q - p + 1));
            p = q;
            continue;
        }
        p++;
        tmp[0] = 0;
        if (*p == 's') {
            const char *s = va_arg(ap, const char *);
            buf_adds(&b, s ? s : "(null)");
        } else if (*p == 'd' || *p == 'i') {
            snprintf(tmp, sizeof tmp, "%d", va_arg(ap, int));
        } else if (*p == 'u') {
            snprintf(tmp, sizeof tmp, "%u", va_arg(ap, unsigned));
        } else if (*p == 'x') {
            snprintf(tmp, sizeof tmp, "%x", va_arg(ap, unsigned));
        } else if (*p == 'c') {
            tmp[0] = (char)va_arg(ap, int);
            tmp[1] = 0;
        } else if (*p == 'p') {
            snprintf(tmp, sizeof tmp, "0x%llx", (unsigned long long)(uintptr_t)va_arg(ap, void *));
        } else if (p[0] == 'l' && p[1] == 'l' && (p[2] == 'd' || p[2] == 'u')) {
            if (p[2] == 'd')
                snprintf(tmp, sizeof tmp, "%lld", va_arg(ap, long long));
            else
                snprintf(tmp, sizeof tmp, "%llu", va_arg(ap, unsigned long long));
            p += 2;
        } else if (p[0] == 'z' && (p[1] == 'd' || p[1] == 'u')) {
            if (p[1] == 'd')
                snprintf(tmp, sizeof tmp, "%lld", (long long)va_arg(ap, ptrdiff_t));
            else
                snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)va_arg(ap, size_t));
            p += 1;
        } else if (*p == 'R' || *p == 'S') {
            if (!buf_add_obj(&b, va_arg(ap, PyrtObject *), *p == 'R')) {
                free(b.data);
                return NULL;
            }
        } else if (*p == '%') {
            buf_adds(&b, "%");
        } else {   /* unknown: copy literally */
            buf_add(&b, p - 1, *p ? 2 : 1);
            if (!*p)
                break;
        }
        buf_adds(&b, tmp);
    }
    if (b.failed) {
        free(b.data);
        return no_memory();
    }
    PyrtObject *s = PyrtStr_FromUTF8(b.data, (int64_t)b.len);
    free(b.data);
    return s;
}

PyrtObject *Pyrt_StrFormat(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    PyrtObject *s = Pyrt_StrFormatV(fmt, ap);
    va_end(ap);
    return s;
}

/* ------------------------------------------------------------------ object, NoneType, NotImplemented */

static PyrtObject *default_repr(PyrtObject *o)
{
    PyrtType *t = o->type;
    if (t->module && strcmp(t->module, "builtins") != 0)
        return Pyrt_StrFormat("<%s.%s object at %p>", t->module, t->name, (void *)o);
    return Pyrt_StrFormat("<%s object at %p>", t->name, (void *)o);
}

static PyrtObject *object_tp_new(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                                 PyrtObject *kwnames)
{
    (void)args;
    if (nargs > 0 || (kwnames && PyrtTuple_Len(kwnames) > 0))
        return Pyrt_ErrSetString(&PyrtType_TypeError, "object() takes no arguments");
    return Pyrt_Alloc((PyrtType *)callable, sizeof(PyrtObject));
}

PyrtType PyrtType_Object = {
    .ob = PYRT_TYPE_HEAD, .name = "object", .basicsize = sizeof(PyrtObject),
    .repr = default_repr, .tp_new = object_tp_new,
};

static PyrtObject *none_repr(PyrtObject *o)
{
    (void)o;
    return PyrtStr_FromCString("None");
}

static int none_bool(PyrtObject *o)
{
    (void)o;
    return 0;
}

static PyrtObject *none_tp_new(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                               PyrtObject *kwnames)
{
    (void)callable; (void)args;
    if (nargs > 0 || (kwnames && PyrtTuple_Len(kwnames) > 0))
        return Pyrt_ErrSetString(&PyrtType_TypeError, "NoneType takes no arguments");
    return Pyrt_None;
}

PyrtType PyrtType_NoneType = {
    .ob = PYRT_TYPE_HEAD, .name = "NoneType", .base = &PyrtType_Object, .basicsize = sizeof(PyrtObject),
    .flags = PYRT_TPFLAG_NOSUBCLASS, .repr = none_repr, .bool_ = none_bool, .tp_new = none_tp_new,
};
PyrtObject Pyrt_NoneStruct = PYRT_HEAD_INIT(&PyrtType_NoneType);

static PyrtObject *notimpl_repr(PyrtObject *o)
{
    (void)o;
    return PyrtStr_FromCString("NotImplemented");
}

static PyrtObject *notimpl_tp_new(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                                  PyrtObject *kwnames)
{
    (void)callable; (void)args;
    if (nargs > 0 || (kwnames && PyrtTuple_Len(kwnames) > 0))
        return Pyrt_ErrSetString(&PyrtType_TypeError, "NotImplementedType takes no arguments");
    return Pyrt_NotImplemented;
}

PyrtType PyrtType_NotImplementedType = {
    .ob = PYRT_TYPE_HEAD, .name = "NotImplementedType", .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtObject), .flags = PYRT_TPFLAG_NOSUBCLASS, .repr = notimpl_repr,
    .tp_new = notimpl_tp_new,
};
PyrtObject Pyrt_NotImplementedStruct = PYRT_HEAD_INIT(&PyrtType_NotImplementedType);

/* ------------------------------------------------------------------ repr, str, ascii, format */

PyrtObject *Pyrt_Repr(PyrtObject *o)
{
    if (Pyrt_EnterCall())
        return NULL;
    PyrtObject *r = o->type->repr ? o->type->repr(o) : default_repr(o);
    Pyrt_LeaveCall();
    return r;
}

PyrtObject *Pyrt_Str(PyrtObject *o)
{
    if (o->type == &PyrtType_Str) {
        Pyrt_IncRef(o);
        return o;
    }
    if (!o->type->str)
        return Pyrt_Repr(o);
    if (Pyrt_EnterCall())
        return NULL;
    PyrtObject *r = o->type->str(o);
    Pyrt_LeaveCall();
    return r;
}
