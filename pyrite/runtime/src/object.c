/* object.c: the object/type/NoneType/NotImplementedType types and the None and
 * NotImplemented singletons, printf-style str building (used by Pyrt_ErrFormat), and the generic
 * operations on boxed values (repr/str/hash/truth, comparisons and arithmetic with CPython's
 * reflected-operation protocol, items, slices, iteration, len, `in`, calls, isinstance, unpacking)
 * plus process start-up and shutdown (Pyrt_Init / Pyrt_Finalize). */
#include "pyrt.h"
#include "pyrt_core.h"
#include "pyrt_num.h"
#include "pyrt_str.h"
#include <string.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void Pyrt_FlushStdout(void);   /* io.c (num area) */

static PyrtObject *no_memory(void)
{
    /* MemoryError() with no args: small enough to allocate even when a big request failed */
    return Pyrt_ErrSetNone(&PyrtType_MemoryError);
}

PyrtObject *Pyrt_MakeImmortal(PyrtObject *o)
{
    if ((o->type->flags & PYRT_TPFLAG_GC) && !PYRT_IS_IMMORTAL(o))
        Pyrt_GCUntrack(o);   /* never freed: the collector leaves it (and what it holds) alone */
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

/* Digits of v in base 10 or 16 (with a '-' for negative signed values) into tmp (>= 24 bytes); not
 * snprintf, which would link printf's float formatting into every program. */
static void fmt_u64(char *tmp, uint64_t v, unsigned base, bool neg)
{
    char rev[24];
    int n = 0;
    do {
        rev[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    if (neg)
        *tmp++ = '-';
    while (n)
        *tmp++ = rev[--n];
    *tmp = 0;
}

static void fmt_i64(char *tmp, int64_t v)
{
    fmt_u64(tmp, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, 10, v < 0);
}

/* vsnprintf for messages: %s %d %i %u %x %c %% with l/ll/z, a '0' flag, width and precision ('.N' or
 * '.*'; for %s the maximum length). No floating point conversions: the C library's printf would link its
 * float formatting (~18 KB on wasm) into every program through error messages. */
int Pyrt_Vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    size_t len = 0;
#define PUT(ch) do { if (len + 1 < size) buf[len] = (ch); len++; } while (0)
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            PUT(*p);
            continue;
        }
        p++;
        bool zero = false;
        int width = 0, prec = -1, lng = 0;
        if (*p == '0') {
            zero = true;
            p++;
        }
        while (*p >= '0' && *p <= '9')
            width = width * 10 + (*p++ - '0');
        if (*p == '.') {
            p++;
            prec = 0;
            if (*p == '*') {
                prec = va_arg(ap, int);
                p++;
            } else {
                while (*p >= '0' && *p <= '9')
                    prec = prec * 10 + (*p++ - '0');
            }
        }
        while (*p == 'l' || *p == 'z' || *p == 'h') {   /* lng: 1 long, 2 long long, 3 size_t */
            lng = *p == 'z' ? 3 : *p == 'l' ? lng + 1 : lng;
            p++;
        }
        char tmp[32];
        const char *s = tmp;
        size_t n;
        if (*p == 's') {
            s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            n = strlen(s);
            if (prec >= 0 && (size_t)prec < n)
                n = (size_t)prec;
        } else if (*p == 'c') {
            tmp[0] = (char)va_arg(ap, int);
            n = 1;
        } else if (*p == 'd' || *p == 'i') {
            int64_t v = lng == 3 ? (int64_t)va_arg(ap, ptrdiff_t) : lng == 2 ? (int64_t)va_arg(ap, long long)
                        : lng == 1 ? (int64_t)va_arg(ap, long) : (int64_t)va_arg(ap, int);
            fmt_i64(tmp, v);
            n = strlen(tmp);
        } else if (*p == 'u' || *p == 'x') {
            uint64_t v = lng == 3 ? (uint64_t)va_arg(ap, size_t) : lng == 2 ? (uint64_t)va_arg(ap, unsigned long long)
                         : lng == 1 ? (uint64_t)va_arg(ap, unsigned long) : (uint64_t)va_arg(ap, unsigned);
            fmt_u64(tmp, v, *p == 'x' ? 16 : 10, false);
            n = strlen(tmp);
        } else if (*p == '%') {
            tmp[0] = '%';
            n = 1;
        } else {   /* unsupported: copy literally */
            PUT('%');
            if (!*p)
                break;
            PUT(*p);
            continue;
        }
        bool zpad = zero && *p != 's' && *p != 'c';
        if (zpad && s == tmp && tmp[0] == '-') {   /* zero padding goes after the sign: -0042 */
            PUT('-');
            s++;
            n--;
            width--;
        }
        for (size_t k = n; (int64_t)k < (int64_t)width; k++)
            PUT(zpad ? '0' : ' ');
        for (size_t k = 0; k < n; k++)
            PUT(s[k]);
    }
#undef PUT
    if (size)
        buf[len < size ? len : size - 1] = 0;
    return (int)len;
}

int Pyrt_Snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = Pyrt_Vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
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
            fmt_i64(tmp, va_arg(ap, int));
        } else if (*p == 'u') {
            fmt_u64(tmp, va_arg(ap, unsigned), 10, false);
        } else if (*p == 'x') {
            fmt_u64(tmp, va_arg(ap, unsigned), 16, false);
        } else if (*p == 'c') {
            tmp[0] = (char)va_arg(ap, int);
            tmp[1] = 0;
        } else if (*p == 'p') {
            tmp[0] = '0';
            tmp[1] = 'x';
            fmt_u64(tmp + 2, (uint64_t)(uintptr_t)va_arg(ap, void *), 16, false);
        } else if (p[0] == 'l' && p[1] == 'l' && (p[2] == 'd' || p[2] == 'u')) {
            if (p[2] == 'd')
                fmt_i64(tmp, va_arg(ap, long long));
            else
                fmt_u64(tmp, va_arg(ap, unsigned long long), 10, false);
            p += 2;
        } else if (p[0] == 'z' && (p[1] == 'd' || p[1] == 'u')) {
            if (p[1] == 'd')
                fmt_i64(tmp, (int64_t)va_arg(ap, ptrdiff_t));
            else
                fmt_u64(tmp, (uint64_t)va_arg(ap, size_t), 10, false);
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
        return Pyrt_StrFormat("<%s.%s object at %p>", t->module, PYRT_QUALNAME(t), (void *)o);
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

/* the nearest builtin (non-user) class along o's MRO: whose slots "object.__x__" stands for */
static PyrtType *builtin_base(PyrtObject *o)
{
    PyrtType *t = o->type;
    while (t->base && (t->flags & PYRT_TPFLAG_USER))
        t = t->base;
    return t;
}

PyrtObject *PyrtObject_meth___init__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames)
{
    (void)self; (void)args;
    if (nargs > 0 || (kwnames && PyrtTuple_Len(kwnames) > 0))
        return Pyrt_ErrSetString(&PyrtType_TypeError,
                                 "object.__init__() takes exactly one argument (the instance to initialize)");
    return Pyrt_None;
}

PyrtObject *PyrtObject_meth___repr__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    PyrtType *t = builtin_base(self);
    return t->repr ? t->repr(self) : default_repr(self);
}

PyrtObject *PyrtObject_meth___str__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                    PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    PyrtType *t = builtin_base(self);
    return t->str ? t->str(self) : Pyrt_Repr(self);
}

PyrtObject *PyrtObject_meth___hash__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    PyrtType *t = builtin_base(self);
    int64_t h = t->hash ? t->hash(self) : Pyrt_HashPointer(self);
    return h == -1 && Pyrt_ErrOccurred() ? NULL : PyrtInt_FromI64(h);
}

static PyrtObject *identity_compare(PyrtObject *self, PyrtObject *const *args, int64_t nargs, bool eq)
{
    if (nargs != 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "expected 1 argument, got %lld", (long long)nargs);
    if (self == args[0])
        return Pyrt_BoolFromC(eq);
    return Pyrt_NotImplemented;
}

PyrtObject *PyrtObject_meth___eq__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                   PyrtObject *kwnames)
{
    (void)kwnames;
    return identity_compare(self, args, nargs, true);
}

PyrtObject *PyrtObject_meth___ne__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                   PyrtObject *kwnames)
{
    (void)kwnames;
    return identity_compare(self, args, nargs, false);
}

/* object.__new__(cls, *args): a new instance of cls (unbound: cls arrives as self) */
static PyrtObject *object_meth_new(PyrtObject *cls, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)kwnames;
    if (!PyrtType_IsSubtype(cls->type, &PyrtType_Type))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "object.__new__(X): X is not a type object (%s)",
                              cls->type->name);
    PyrtType *t = (PyrtType *)cls;
    if (t->flags & PYRT_TPFLAG_ABSTRACT)
        return PyrtType_AbstractError(t);
    if (t->flags & PYRT_TPFLAG_EXCEPTION)
        return PyrtExc_New(t, args, nargs);
    if ((!(t->flags & PYRT_TPFLAG_USER) && t != &PyrtType_Object)
        || ((t->flags & PYRT_TPFLAG_USER) && t->dictoffset))   /* a subclass of a builtin other than object */
        return Pyrt_ErrFormat(&PyrtType_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", t->name,
                              t->name);
    if (t == &PyrtType_Object)
        return Pyrt_Alloc(t, sizeof(PyrtObject));
    return PyrtInstance_New(t);
}

/* object.__init_subclass__(): a class method that does nothing (and takes no arguments) */
static PyrtObject *object_meth_init_subclass(PyrtObject *cls, PyrtObject *const *args, int64_t nargs,
                                             PyrtObject *kwnames)
{
    (void)args;
    if (nargs > 0 || (kwnames && PyrtTuple_Len(kwnames) > 0))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                              PyrtType_IsSubtype(cls->type, &PyrtType_Type) ? ((PyrtType *)cls)->name : "object");
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

/* object.__getattribute__ / __setattr__ / __delattr__: the generic attribute protocol */
static int attr_name_arg(const char *f, PyrtObject *const *args, int64_t nargs, int64_t want, PyrtObject *kwnames)
{
    if (PyrtNum_NoKw(f, kwnames) < 0 || PyrtNum_NArgs(f, nargs, want, want) < 0)
        return -1;
    if (!PyrtStr_Check(args[0])) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "attribute name must be string, not '%s'", args[0]->type->name);
        return -1;
    }
    return 0;
}
static PyrtObject *object_meth_getattribute(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                            PyrtObject *kwnames)
{
    if (attr_name_arg("__getattribute__", args, nargs, 1, kwnames) < 0)
        return NULL;
    return PyrtObject_GetAttribute(self, args[0]);
}
static PyrtObject *object_meth_setattr(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (attr_name_arg("__setattr__", args, nargs, 2, kwnames) < 0 || Pyrt_GenericSetAttr(self, args[0], args[1]) < 0)
        return NULL;
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}
static PyrtObject *object_meth_delattr(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (attr_name_arg("__delattr__", args, nargs, 1, kwnames) < 0 || Pyrt_GenericSetAttr(self, args[0], NULL) < 0)
        return NULL;
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

/* object.__subclasshook__(): a class method answering NotImplemented */
static PyrtObject *object_meth_subclasshook(PyrtObject *cls, PyrtObject *const *args, int64_t nargs,
                                            PyrtObject *kwnames)
{
    (void)cls; (void)args; (void)nargs; (void)kwnames;
    Pyrt_IncRef(Pyrt_NotImplemented);
    return Pyrt_NotImplemented;
}

/* object.__format__(self, spec): str(self) for an empty spec (a subclass's own __format__ is its own) */
static PyrtObject *object_meth_format(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtNum_NoKw("__format__", kwnames) < 0 || PyrtNum_NArgs("__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!PyrtStr_Check(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "__format__() argument must be str, not %s", args[0]->type->name);
    if (PyrtStr_Len(args[0]) > 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "unsupported format string passed to %s.__format__",
                              self->type->name);
    return Pyrt_Str(self);
}

/* copyreg.__newobj__(cls, *args): cls.__new__(cls, *args) (what object.__reduce_ex__ reconstructs with) */
static PyrtObject *newobj_fn(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)self;
    if (nargs < 1 || !PyrtType_IsSubtype(args[0]->type, &PyrtType_Type))
        return Pyrt_ErrSetString(&PyrtType_TypeError, "__newobj__(): the first argument must be a class");
    PyrtObject *nf = Pyrt_GetAttrStr(args[0], "__new__");
    if (!nf)
        return NULL;
    PyrtObject *r = Pyrt_Call(nf, args, nargs, kwnames);
    PYRT_DECREF(nf);
    return r;
}

/* object.__reduce_ex__(protocol): (copyreg.__newobj__, (cls, *newargs), state, listitems, dictitems), the
 * protocol-2 form copy and pickle rebuild an object from */
static PyrtObject *object_meth_reduce_ex(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                         PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("__reduce_ex__", kwnames) < 0 || PyrtNum_NArgs("__reduce_ex__", nargs, 0, 1) < 0)
        return NULL;
    PyrtType *bb = builtin_base(self);
    if (bb != &PyrtType_Object && !(bb->flags & (PYRT_TPFLAG_LIST | PYRT_TPFLAG_DICT | PYRT_TPFLAG_INT
                                                 | PYRT_TPFLAG_STR | PYRT_TPFLAG_EXCEPTION)))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "cannot pickle '%s' object", self->type->name);
    static PyrtObject *newobj;
    if (!newobj) {
        newobj = PyrtBuiltin_New("__newobj__", newobj_fn, NULL);
        if (!newobj)
            return NULL;
        Pyrt_MakeImmortal(newobj);
    }
    PyrtObject *cls = (PyrtObject *)self->type;
    PyrtObject *fargs = NULL;
    if (bb->flags & PYRT_TPFLAG_INT) {
        PyrtObject *v = PyrtInt_Exact(self);
        fargs = v ? PyrtTuple_FromArray((PyrtObject *[]){cls, v}, 2) : NULL;
        Pyrt_XDecRef(v);
    } else if (bb->flags & PYRT_TPFLAG_STR) {
        PyrtStr *s = (PyrtStr *)self;
        PyrtObject *v = PyrtStr_FromUTF8(s->data, s->nbytes);
        fargs = v ? PyrtTuple_FromArray((PyrtObject *[]){cls, v}, 2) : NULL;
        Pyrt_XDecRef(v);
    } else {
        fargs = PyrtTuple_FromArray(&cls, 1);
    }
    if (!fargs)
        return NULL;
    PyrtObject *state = Pyrt_GetAttrStr(self, "__dict__");
    if (!state) {
        Pyrt_ErrClear();
        state = Pyrt_None;
    } else if (PyrtDict_Check(state) && PyrtDict_Size(state) == 0) {
        PYRT_DECREF(state);
        state = Pyrt_None;
    }
    PyrtObject *li = Pyrt_None, *di = Pyrt_None;
    if (bb->flags & PYRT_TPFLAG_LIST)
        li = Pyrt_GetIter(self);
    else if (bb->flags & PYRT_TPFLAG_DICT) {
        PyrtObject *items = PyrtDict_Items(self);
        di = items ? Pyrt_GetIter(items) : NULL;
        Pyrt_XDecRef(items);
    }
    PyrtObject *r = li && di ? PyrtTuple_FromArray((PyrtObject *[]){newobj, fargs, state, li, di}, 5) : NULL;
    PYRT_DECREF(fargs);
    PYRT_DECREF(state);
    Pyrt_XDecRef(li);
    Pyrt_XDecRef(di);
    return r;
}

/* object.__reduce_ex__(protocol): a class that defines __reduce__ (datetime's date) is reduced by it,
 * as CPython's object.__reduce_ex__ does; otherwise object's own reduction */
static PyrtObject *object_meth_reduce_ex_outer(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                               PyrtObject *kwnames)
{
    if (PyrtNum_NoKw("__reduce_ex__", kwnames) < 0 || PyrtNum_NArgs("__reduce_ex__", nargs, 0, 1) < 0)
        return NULL;
    if (Pyrt_LookupTypeStr(self->type, "__reduce__")) {
        PyrtObject *name = PyrtStr_FromCString("__reduce__");
        if (!name)
            return NULL;
        PyrtObject *r = Pyrt_CallMethod(self, name, NULL, 0, NULL);
        Pyrt_DecRef(name);
        return r;
    }
    return object_meth_reduce_ex(self, args, nargs, kwnames);
}

static const PyrtMethodDef object_methods[] = {
    {"__format__", object_meth_format},
    {"__reduce_ex__", object_meth_reduce_ex_outer},
    {"__reduce__", object_meth_reduce_ex},
    {"__new__", object_meth_new},
    {"__subclasshook__", object_meth_subclasshook, PYRT_METH_TYPE},
    {"__getattribute__", object_meth_getattribute},
    {"__setattr__", object_meth_setattr},
    {"__delattr__", object_meth_delattr},
    {"__init_subclass__", object_meth_init_subclass, PYRT_METH_TYPE},
    {"__init__", PyrtObject_meth___init__},
    {"__repr__", PyrtObject_meth___repr__},
    {"__str__", PyrtObject_meth___str__},
    {"__hash__", PyrtObject_meth___hash__},
    {"__eq__", PyrtObject_meth___eq__},
    {"__ne__", PyrtObject_meth___ne__},
    {NULL, NULL},
};

PyrtType PyrtType_Object = {
    .ob = PYRT_TYPE_HEAD, .name = "object", .basicsize = sizeof(PyrtObject),
    .repr = default_repr,
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
    .flags = PYRT_TPFLAG_NOSUBCLASS, .repr = none_repr, .bool_ = none_bool,
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
};
PyrtObject Pyrt_NotImplementedStruct = PYRT_HEAD_INIT(&PyrtType_NotImplementedType);

static PyrtObject *ellipsis_repr(PyrtObject *o)
{
    (void)o;
    return PyrtStr_FromCString("Ellipsis");
}

/* `...` / Ellipsis: the one instance of type "ellipsis" */
PyrtType PyrtType_Ellipsis = {
    .ob = PYRT_TYPE_HEAD, .name = "ellipsis", .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtObject), .flags = PYRT_TPFLAG_NOSUBCLASS, .repr = ellipsis_repr,
};
PyrtObject Pyrt_EllipsisStruct = PYRT_HEAD_INIT(&PyrtType_Ellipsis);

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

/* repr() with every non-ASCII code point escaped (\xhh, \uhhhh, \Uhhhhhhhh) */
PyrtObject *Pyrt_Ascii(PyrtObject *o)
{
    PyrtObject *r = Pyrt_Repr(o);
    if (!r || ((PyrtStr *)r)->ascii)
        return r;
    Buf b = {0};
    const unsigned char *s = (const unsigned char *)PyrtStr_UTF8(r);
    while (*s) {
        if (*s < 0x80) {
            buf_add(&b, (const char *)s, 1);
            s++;
            continue;
        }
        uint32_t cp;
        int n = *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 : 2;
        cp = *s & (0x3F >> (n - 1));
        for (int i = 1; i < n && s[i]; i++)
            cp = (cp << 6) | (s[i] & 0x3F);
        s += n;
        char tmp[16];
        if (cp < 0x100)
            Pyrt_Snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)cp);
        else if (cp < 0x10000)
            Pyrt_Snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
        else
            Pyrt_Snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)cp);
        buf_adds(&b, tmp);
    }
    PYRT_DECREF(r);
    if (b.failed) {
        free(b.data);
        return no_memory();
    }
    PyrtObject *res = PyrtStr_FromUTF8(b.data ? b.data : "", (int64_t)b.len);
    free(b.data);
    return res;
}

PyrtObject *Pyrt_Format(PyrtObject *o, PyrtObject *spec)
{
    PYRT_LAZY_ENSURE(format);
    if (o->type->format) {
        if (spec)
            return o->type->format(o, spec);
        PyrtObject *empty = PyrtStr_FromCString("");
        PyrtObject *r = empty ? o->type->format(o, empty) : NULL;
        PYRT_XDECREF(empty);
        return r;
    }
    if (!spec || PyrtStr_Len(spec) == 0)
        return Pyrt_Str(o);
    return Pyrt_ErrFormat(&PyrtType_TypeError, "unsupported format string passed to %s.__format__",
                          o->type->name);
}

/* ------------------------------------------------------------------ hash and truth */

int64_t Pyrt_HashPointer(const void *p)
{
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(uintptr_t) - 4));
    int64_t x = (int64_t)(intptr_t)y;
    return x == -1 ? -2 : x;
}

int64_t Pyrt_Hash(PyrtObject *o)
{
    if (o->type->hash)
        return o->type->hash(o);
    return Pyrt_HashPointer(o);
}

/* hash slot of unhashable types (list, dict, set, classes defining __eq__ without __hash__) */
int64_t Pyrt_HashNotImplemented(PyrtObject *o)
{
    Pyrt_ErrFormat(&PyrtType_TypeError, "unhashable type: '%s'", o->type->name);
    return -1;
}

int Pyrt_IsTrue(PyrtObject *o)
{
    if (o == Pyrt_True)
        return 1;
    if (o == Pyrt_False || o == Pyrt_None)
        return 0;
    PyrtType *t = o->type;
    if (t->bool_)
        return t->bool_(o);
    if (t->len) {
        int64_t n = t->len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int Pyrt_Not(PyrtObject *o)
{
    int r = Pyrt_IsTrue(o);
    return r < 0 ? -1 : !r;
}

/* ------------------------------------------------------------------ comparisons */

static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const int cmp_swapped[] = {PYRT_GT, PYRT_GE, PYRT_EQ, PYRT_NE, PYRT_LT, PYRT_LE};

PyrtObject *Pyrt_RichCompare(PyrtObject *a, PyrtObject *b, int op)
{
    PyrtType *ta = a->type, *tb = b->type;
    PyrtObject *r;
    bool checked_reverse = false;
    if (ta != tb && tb->richcompare && PyrtType_IsSubtype(tb, ta)) {
        checked_reverse = true;
        r = tb->richcompare(b, a, cmp_swapped[op]);
        if (r != Pyrt_NotImplemented)
            return r;
    }
    if (ta->richcompare) {
        r = ta->richcompare(a, b, op);
        if (r != Pyrt_NotImplemented)
            return r;
    }
    if (!checked_reverse && tb->richcompare) {
        r = tb->richcompare(b, a, cmp_swapped[op]);
        if (r != Pyrt_NotImplemented)
            return r;
    }
    if (op == PYRT_EQ)
        return Pyrt_BoolFromC(a == b);
    if (op == PYRT_NE)
        return Pyrt_BoolFromC(a != b);
    return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                          cmp_symbols[op], ta->name, tb->name);
}

/* CPython compares container items (==, in, count, index, remove, dict keys) by identity first, so
 * x in [x] holds for a NaN x. Unboxed floats have no identity: two float objects holding a NaN of the
 * same bits are taken as one object (what one variable or math.nan stored and looked up gives). Two
 * NaNs made separately (float("nan") twice) then count as the same too, where CPython says not. */
static inline bool same_object(PyrtObject *a, PyrtObject *b)
{
    if (a == b)
        return true;
    if (a->type != &PyrtType_Float || b->type != &PyrtType_Float)
        return false;
    double x = ((PyrtFloat *)a)->value, y = ((PyrtFloat *)b)->value;
    return x != x && y != y && memcmp(&x, &y, sizeof x) == 0;
}

int Pyrt_RichCompareBool(PyrtObject *a, PyrtObject *b, int op)
{
    if (same_object(a, b)) {
        if (op == PYRT_EQ)
            return 1;
        if (op == PYRT_NE)
            return 0;
    }
    PyrtObject *r = Pyrt_RichCompare(a, b, op);
    if (!r)
        return -1;
    int t = Pyrt_IsTrue(r);
    PYRT_DECREF(r);
    return t;
}

/* ------------------------------------------------------------------ arithmetic */

static const char *const binop_symbols[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>",
                                            "&", "|", "^", "@"};
static const char *const inplace_symbols[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=",
                                              "&=", "|=", "^=", "@="};

/* CPython's binary_op1: left operand's slot, then the right's (the right first when its type is a
 * subclass of the left's). Returns NotImplemented when neither supports the operation. */
static bool is_sequence(PyrtObject *o)
{
    return (o->type->flags & (PYRT_TPFLAG_STR | PYRT_TPFLAG_LIST | PYRT_TPFLAG_TUPLE))
           || Pyrt_TypeCheck(o, &PyrtType_Bytes);
}

/* The TypeError when no operand handles the operator; `seq * x` and `x * seq` with x not an int get
 * CPython's sequence-repeat message. */
static PyrtObject *binop_type_error(PyrtObject *a, PyrtObject *b, int op)
{
    int base = op & ~PYRT_INPLACE;
    if (base < 0 || base >= PYRT_NUM_BINOPS)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "bad binary operator");
    if (base == PYRT_MUL && (is_sequence(a) || is_sequence(b)))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "can't multiply sequence by non-int of type '%s'",
                              (is_sequence(a) ? b : a)->type->name);
    return Pyrt_ErrFormat(&PyrtType_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                          (op & PYRT_INPLACE) ? inplace_symbols[base] : binop_symbols[base],
                          a->type->name, b->type->name);
}

static PyrtObject *binary_op1(PyrtObject *a, PyrtObject *b, int op)
{
    PyrtType *ta = a->type, *tb = b->type;   /* binop slots installed by the caller */
    PyrtObject *(*slotv)(PyrtObject *, PyrtObject *, int) = ta->binop;
    PyrtObject *(*slotw)(PyrtObject *, PyrtObject *, int) = tb != ta ? tb->binop : NULL;
    PyrtObject *r;
    if (slotw == slotv)
        slotw = NULL;
    if (slotv) {
        if (slotw && PyrtType_IsSubtype(tb, ta)) {
            r = slotw(a, b, op);
            if (r != Pyrt_NotImplemented)
                return r;
            slotw = NULL;
        }
        r = slotv(a, b, op);
        if (r != Pyrt_NotImplemented)
            return r;
    }
    if (slotw)
        return slotw(a, b, op);
    return Pyrt_NotImplemented;
}

PyrtObject *Pyrt_BinaryOp(PyrtObject *a, PyrtObject *b, int op)
{
    int base = op & ~PYRT_INPLACE;
    PyrtObject *r;
    /* + - * on exact ints and floats (values whose type inference could not pin down, such as an
     * int|float variable): straight to the arithmetic; ints that overflow take the general path */
    PyrtType *ta = a->type, *tb = b->type;
    if (base >= 0 && base <= PYRT_MUL && (ta == &PyrtType_Float || ta == &PyrtType_Int)
            && (tb == &PyrtType_Float || tb == &PyrtType_Int)) {
        if (ta == &PyrtType_Int && tb == &PyrtType_Int) {
            /* a big operand's value is INT64_MIN: the checks below send it to the general path */
            int64_t x = ((PyrtInt *)a)->value, y = ((PyrtInt *)b)->value, z;
            bool ovf = base == PYRT_ADD ? __builtin_add_overflow(x, y, &z)
                     : base == PYRT_SUB ? __builtin_sub_overflow(x, y, &z) : __builtin_mul_overflow(x, y, &z);
            if (!ovf && x != PYRT_INT_BIG && y != PYRT_INT_BIG)
                return PyrtInt_FromI64(z);
        } else if ((ta == &PyrtType_Int && PyrtInt_IsBig(a)) || (tb == &PyrtType_Int && PyrtInt_IsBig(b))) {
            /* int | float with a big int: the general path (float(int) may overflow) */
        } else {
            double x = ta == &PyrtType_Float ? ((PyrtFloat *)a)->value : (double)((PyrtInt *)a)->value;
            double y = tb == &PyrtType_Float ? ((PyrtFloat *)b)->value : (double)((PyrtInt *)b)->value;
            return PyrtFloat_FromDouble(base == PYRT_ADD ? x + y : base == PYRT_SUB ? x - y : x * y);
        }
    } else if ((base == PYRT_AND || base == PYRT_OR || base == PYRT_XOR) && ta == &PyrtType_Int
               && tb == &PyrtType_Int) {
        int64_t x = ((PyrtInt *)a)->value, y = ((PyrtInt *)b)->value;
        if (x != PYRT_INT_BIG && y != PYRT_INT_BIG)
            return PyrtInt_FromI64(base == PYRT_AND ? (x & y) : base == PYRT_OR ? (x | y) : (x ^ y));
    } else if (base == PYRT_TRUEDIV && (ta == &PyrtType_Float || tb == &PyrtType_Float)
               && (ta == &PyrtType_Float || ta == &PyrtType_Int) && (tb == &PyrtType_Float || tb == &PyrtType_Int)) {
        /* float / float|int (an int operand converts exactly as float(int) does); zero: general path */
        double x = ta == &PyrtType_Float ? ((PyrtFloat *)a)->value : (double)((PyrtInt *)a)->value;
        double y = tb == &PyrtType_Float ? ((PyrtFloat *)b)->value : (double)((PyrtInt *)b)->value;
        bool big = (ta == &PyrtType_Int && PyrtInt_IsBig(a)) || (tb == &PyrtType_Int && PyrtInt_IsBig(b));
        if (y != 0.0 && !big)
            return PyrtFloat_FromDouble(x / y);
    }
    PYRT_LAZY_ENSURE(binop);
    if ((op & PYRT_INPLACE) && a->type->binop) {
        /* the in-place form first (list +=, set |=, __iadd__); slots see PYRT_INPLACE */
        r = a->type->binop(a, b, op);
        if (r != Pyrt_NotImplemented)
            return r;
    }
    r = binary_op1(a, b, base);
    if (r != Pyrt_NotImplemented)
        return r;
    return binop_type_error(a, b, op);
}

/* a OP b after a's own method returned NotImplemented (compiled code called it directly): the right
 * operand's reflected slot when its type differs, else CPython's TypeError. */
PyrtObject *Pyrt_BinaryOpRight(PyrtObject *a, PyrtObject *b, int op)
{
    PYRT_LAZY_ENSURE(binop);
    PyrtType *ta = a->type, *tb = b->type;
    if (tb != ta && tb->binop && tb->binop != ta->binop) {
        PyrtObject *r = tb->binop(a, b, op);
        if (r != Pyrt_NotImplemented)
            return r;
    }
    return binop_type_error(a, b, op);
}

PyrtObject *Pyrt_UnaryOp(PyrtObject *a, int op)
{
    static const char *const symbols[] = {"-", "+", "~"};
    PYRT_LAZY_ENSURE(unop);
    if (a->type->unop) {
        PyrtObject *r = a->type->unop(a, op);
        if (r != Pyrt_NotImplemented)
            return r;
    }
    return Pyrt_ErrFormat(&PyrtType_TypeError, "bad operand type for unary %s: '%s'",
                          symbols[op >= 0 && op <= 2 ? op : 0], a->type->name);
}

/* ------------------------------------------------------------------ items and slices */

PyrtObject *Pyrt_GetItem(PyrtObject *o, PyrtObject *key)
{
    if (o->type->getitem)
        return o->type->getitem(o, key);
    return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object is not subscriptable", o->type->name);
}

int Pyrt_SetItem(PyrtObject *o, PyrtObject *key, PyrtObject *v)
{
    if (o->type->setitem)
        return o->type->setitem(o, key, v);
    Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object does not support item assignment", o->type->name);
    return -1;
}

int Pyrt_DelItem(PyrtObject *o, PyrtObject *key)
{
    if (o->type->setitem)
        return o->type->setitem(o, key, NULL);
    if (o->type->getitem)   /* CPython's wording for read-only sequences (tuple, str) */
        Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object doesn't support item deletion", o->type->name);
    else
        Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object does not support item deletion", o->type->name);
    return -1;
}

PyrtObject *Pyrt_GetSlice(PyrtObject *o, PyrtObject *start, PyrtObject *stop, PyrtObject *step)
{
    PyrtObject *s = PyrtSlice_New(start, stop, step);
    if (!s)
        return NULL;
    PyrtObject *r = Pyrt_GetItem(o, s);
    PYRT_DECREF(s);
    return r;
}

int Pyrt_SetSlice(PyrtObject *o, PyrtObject *start, PyrtObject *stop, PyrtObject *step, PyrtObject *v)
{
    PyrtObject *s = PyrtSlice_New(start, stop, step);
    if (!s)
        return -1;
    int r = Pyrt_SetItem(o, s, v);
    PYRT_DECREF(s);
    return r;
}

int Pyrt_DelSlice(PyrtObject *o, PyrtObject *start, PyrtObject *stop, PyrtObject *step)
{
    PyrtObject *s = PyrtSlice_New(start, stop, step);
    if (!s)
        return -1;
    int r = Pyrt_DelItem(o, s);
    PYRT_DECREF(s);
    return r;
}

/* ------------------------------------------------------------------ iteration */

PyrtObject *Pyrt_GetIter(PyrtObject *o)
{
    PyrtType *t = o->type;
    if (t->iter) {
        PyrtObject *it = t->iter(o);
        if (it && !it->type->iternext) {
            Pyrt_ErrFormat(&PyrtType_TypeError, "iter() returned non-iterator of type '%s'", it->type->name);
            PYRT_DECREF(it);
            return NULL;
        }
        return it;
    }
    if (t->getitem && !(t->flags & PYRT_TPFLAG_DICT))
        return PyrtSeqIter_New(o);
    return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object is not iterable", t->name);
}

PyrtObject *Pyrt_IterNext(PyrtObject *it)
{
    if (PYRT_LIKELY(it->type->iternext != NULL))
        return it->type->iternext(it);
    return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object is not an iterator", it->type->name);
}

PyrtObject *Pyrt_Next(PyrtObject *it, PyrtObject *dflt)
{
    if (it->type == &PyrtType_Generator && !dflt)
        return PyrtGen_Send(it, Pyrt_None);   /* StopIteration carries the return value */
    PyrtObject *r = Pyrt_IterNext(it);
    if (r || Pyrt_ErrOccurred())
        return r;
    if (dflt) {
        Pyrt_IncRef(dflt);
        return dflt;
    }
    return Pyrt_ErrSetNone(&PyrtType_StopIteration);
}

int64_t Pyrt_Len(PyrtObject *o)
{
    if (o->type->len)
        return o->type->len(o);
    Pyrt_ErrFormat(&PyrtType_TypeError, "object of type '%s' has no len()", o->type->name);
    return -1;
}

int Pyrt_Contains(PyrtObject *container, PyrtObject *item)
{
    PyrtType *t = container->type;
    if (t->contains)
        return t->contains(container, item);
    if (!t->iter && !t->getitem) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    PyrtObject *it = Pyrt_GetIter(container);
    if (!it)
        return -1;
    int found = 0;
    PyrtObject *x;
    while ((x = Pyrt_IterNext(it)) != NULL) {
        found = Pyrt_RichCompareBool(x, item, PYRT_EQ);
        PYRT_DECREF(x);
        if (found != 0)
            break;
    }
    PYRT_DECREF(it);
    if (found == 0 && Pyrt_ErrOccurred())
        return -1;
    return found;
}

/* ------------------------------------------------------------------ calls */

PyrtObject *Pyrt_Call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    PyrtVectorcall call = callable->type->call;
    if (PYRT_LIKELY(call != NULL))
        return call(callable, args, nargs, kwnames);
    if (!pyrt_lazy_have_call) {   /* call slots not installed yet (lazy.c) */
        pyrt_lazy_install_call();
        if ((call = callable->type->call) != NULL)
            return call(callable, args, nargs, kwnames);
    }
    return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object is not callable", callable->type->name);
}

/* CPython's _PyObject_FunctionStr: "module.qualname()", or "qualname()" for builtins (a new str) */
static PyrtObject *function_str(PyrtObject *f)
{
    PyrtObject *q = Pyrt_GetAttrStr(f, "__qualname__");
    if (!q) {
        Pyrt_ErrClear();
        return Pyrt_Str(f);
    }
    PyrtObject *m = Pyrt_GetAttrStr(f, "__module__");
    if (!m)
        Pyrt_ErrClear();
    PyrtObject *r;
    if (m && PyrtStr_Check(m) && strcmp(PyrtStr_UTF8(m), "builtins") != 0)
        r = Pyrt_StrFormat("%S.%S()", m, q);
    else
        r = Pyrt_StrFormat("%S()", q);
    Pyrt_XDecRef(m);
    Pyrt_DecRef(q);
    return r;
}

static int kw_duplicate(PyrtObject *callee, PyrtObject *key)
{
    PyrtObject *fs = function_str(callee);
    if (fs) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "%S got multiple values for keyword argument '%S'", fs, key);
        Pyrt_DecRef(fs);
    }
    return -1;
}

/* f(..., name=v) after a **mapping: the keyword dict of a call must not already hold it */
int Pyrt_KwAdd(PyrtObject *kw, PyrtObject *callee, PyrtObject *key, PyrtObject *v)
{
    int c = PyrtDict_Contains(kw, key);
    if (c)
        return c < 0 ? -1 : kw_duplicate(callee, key);
    return PyrtDict_SetItem(kw, key, v);
}

/* f(..., **mapping): the keys must be strs not given yet (CPython's messages) */
int Pyrt_KwMerge(PyrtObject *kw, PyrtObject *callee, PyrtObject *mapping)
{
    if (!PyrtDict_Check(mapping)) {
        PyrtObject *keys = Pyrt_GetAttrStr(mapping, "keys");
        if (keys) {   /* a mapping that is not a dict: its items, through keys() and [] */
            Pyrt_DecRef(keys);
            PyrtObject *tmp = PyrtDict_New();
            int r = tmp ? PyrtDict_UpdateArg(tmp, mapping) : -1;
            if (r == 0)
                r = Pyrt_KwMerge(kw, callee, tmp);
            Pyrt_XDecRef(tmp);
            return r;
        }
        Pyrt_ErrClear();
        PyrtObject *fs = function_str(callee);
        if (fs) {
            Pyrt_ErrFormat(&PyrtType_TypeError, "%S argument after ** must be a mapping, not %s", fs,
                           mapping->type->name);
            Pyrt_DecRef(fs);
        }
        return -1;
    }
    int64_t pos = 0;
    PyrtObject *k, *v;
    while (PyrtDict_Next(mapping, &pos, &k, &v)) {
        if (!PyrtStr_Check(k)) {
            Pyrt_ErrSetString(&PyrtType_TypeError, "keywords must be strings");
            return -1;
        }
        if (Pyrt_KwAdd(kw, callee, k, v) < 0)
            return -1;
    }
    return 0;
}

PyrtObject *Pyrt_CallEx(PyrtObject *callable, PyrtObject *args, PyrtObject *kwargs)
{
    int64_t nargs = args ? PyrtTuple_Len(args) : 0;
    int64_t nkw = kwargs ? PyrtDict_Size(kwargs) : 0;
    if (nkw == 0)
        return Pyrt_Call(callable, args ? ((PyrtTuple *)args)->items : NULL, nargs, NULL);
    PyrtObject **all = Pyrt_Malloc((size_t)(nargs + nkw) * sizeof(PyrtObject *));
    PyrtObject *kwnames = all ? PyrtTuple_New(nkw) : NULL;
    if (!kwnames) {
        Pyrt_Free(all);
        return NULL;
    }
    for (int64_t i = 0; i < nargs; i++)
        all[i] = PyrtTuple_GetBorrowed(args, i);
    int64_t pos = 0, i = 0;
    PyrtObject *k, *v;
    while (PyrtDict_Next(kwargs, &pos, &k, &v) && i < nkw) {
        if (k->type != &PyrtType_Str && !PyrtType_IsSubtype(k->type, &PyrtType_Str)) {
            PYRT_DECREF(kwnames);
            Pyrt_Free(all);
            return Pyrt_ErrSetString(&PyrtType_TypeError, "keywords must be strings");
        }
        Pyrt_IncRef(k);
        PyrtTuple_SetNew_Steal(kwnames, i, k);
        all[nargs + i++] = v;
    }
    PyrtObject *r = Pyrt_Call(callable, all, nargs, kwnames);
    PYRT_DECREF(kwnames);
    Pyrt_Free(all);
    return r;
}

/* ------------------------------------------------------------------ isinstance, issubclass, type */

bool PyrtType_IsSubtype(PyrtType *a, PyrtType *b)
{
    if (PYRT_UNLIKELY(a->mro != NULL)) {
        PyrtTuple *m = (PyrtTuple *)a->mro;
        for (int64_t i = 0; i < m->length; i++)
            if (m->items[i] == (PyrtObject *)b)
                return true;
        return false;
    }
    for (; a; a = a->base)
        if (a == b)
            return true;
    return false;
}

static bool is_type(PyrtObject *o)
{
    return o->type == &PyrtType_Type || PyrtType_IsSubtype(o->type, &PyrtType_Type);
}

/* -1 if cls_or_tuple holds something that is not a class */
int (*pyrt_meta_check)(PyrtObject *o, PyrtObject *cls, bool instance);

/* o (an instance, or a class for issubclass) against a class or a tuple of them: 1, 0, -1 (not a
 * class or tuple: no exception set), -2 (an exception from a metaclass's __instancecheck__ /
 * __subclasscheck__) */
static int subclass_of_obj(PyrtObject *o, PyrtType *t, PyrtObject *cls_or_tuple, bool instance)
{
    if (is_type(cls_or_tuple)) {
        if (instance && o->type == (PyrtType *)cls_or_tuple)
            return 1;
        if (PYRT_UNLIKELY(cls_or_tuple->type->flags & PYRT_TPFLAG_USER) && pyrt_meta_check) {
            int r = pyrt_meta_check(o, cls_or_tuple, instance);
            return r < 0 ? -2 : r;
        }
        return PyrtType_IsSubtype(t, (PyrtType *)cls_or_tuple);
    }
    if ((cls_or_tuple->type->flags & PYRT_TPFLAG_USER) && pyrt_meta_check) {
        /* an object whose class defines __instancecheck__ / __subclasscheck__ (types.UnionType, ABCs) */
        int r = pyrt_meta_check(o, cls_or_tuple, instance);
        return r == -3 ? -1 : r < 0 ? -2 : r;
    }
    if (cls_or_tuple->type != &PyrtType_Tuple)
        return -1;
    for (int64_t i = 0; i < PyrtTuple_Len(cls_or_tuple); i++) {
        int r = subclass_of_obj(o, t, PyrtTuple_GetBorrowed(cls_or_tuple, i), instance);
        if (r != 0)
            return r;
    }
    return 0;
}

static int subclass_of(PyrtType *t, PyrtObject *cls_or_tuple)
{
    return subclass_of_obj((PyrtObject *)t, t, cls_or_tuple, false);
}

int Pyrt_IsInstance(PyrtObject *o, PyrtObject *cls_or_tuple)
{
    if (PYRT_LIKELY(cls_or_tuple->type == &PyrtType_Type))   /* a class without a metaclass of its own */
        return o->type == (PyrtType *)cls_or_tuple || PyrtType_IsSubtype(o->type, (PyrtType *)cls_or_tuple);
    int r = subclass_of_obj(o, o->type, cls_or_tuple, true);
    if (r == -2)
        return -1;
    if (r < 0)
        Pyrt_ErrSetString(&PyrtType_TypeError,
                          "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return r;
}

int Pyrt_IsSubclass(PyrtObject *cls, PyrtObject *cls_or_tuple)
{
    if (!is_type(cls)) {
        Pyrt_ErrSetString(&PyrtType_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    int r = subclass_of((PyrtType *)cls, cls_or_tuple);
    if (r == -2)
        return -1;
    if (r < 0)
        Pyrt_ErrSetString(&PyrtType_TypeError,
                          "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return r;
}

PyrtObject *Pyrt_TypeOf(PyrtObject *o)
{
    Pyrt_IncRef((PyrtObject *)o->type);
    return (PyrtObject *)o->type;
}

/* ------------------------------------------------------------------ unpacking */

static int unpack_error_release(PyrtObject **out, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        PYRT_CLEAR(out[i]);
    return -1;
}

static int not_enough(int64_t needed, int has_star, int64_t got)
{
    Pyrt_ErrFormat(&PyrtType_ValueError, "not enough values to unpack (expected %s%lld, got %lld)",
                   has_star ? "at least " : "", (long long)needed, (long long)got);
    return -1;
}

/* tuple or list: the length is known */
static int unpack_sequence(PyrtObject **items, int64_t n, int64_t before, int has_star, int64_t after,
                           PyrtObject **out)
{
    int64_t needed = before + after;
    if (!has_star && n > needed) {
        Pyrt_ErrFormat(&PyrtType_ValueError, "too many values to unpack (expected %lld)", (long long)needed);
        return -1;
    }
    if (n < needed)
        return not_enough(needed, has_star, n);
    for (int64_t i = 0; i < before; i++) {
        Pyrt_IncRef(items[i]);
        out[i] = items[i];
    }
    int64_t k = before;
    if (has_star) {
        PyrtObject *l = PyrtList_FromArray(items + before, n - needed);
        if (!l)
            return unpack_error_release(out, before);
        out[k++] = l;
    }
    for (int64_t i = n - after; i < n; i++) {
        Pyrt_IncRef(items[i]);
        out[k++] = items[i];
    }
    return 0;
}

/* a, b, c = some_list, compiled code reading the items itself: only the length check and its errors */
int PyrtList_UnpackCheck(PyrtObject *l, int64_t n)
{
    int64_t len = PyrtList_Len(l);
    if (len > n) {
        Pyrt_ErrFormat(&PyrtType_ValueError, "too many values to unpack (expected %lld)", (long long)n);
        return -1;
    }
    if (len < n)
        return not_enough(n, 0, len);
    return 0;
}

int Pyrt_Unpack(PyrtObject *it, int64_t before, int has_star, int64_t after, PyrtObject **out)
{
    if (it->type == &PyrtType_Tuple)
        return unpack_sequence(((PyrtTuple *)it)->items, PyrtTuple_Len(it), before, has_star, after, out);
    if (it->type == &PyrtType_List) {
        if (PyrtList_Objects(it) < 0) return -1;
        return unpack_sequence(((PyrtList *)it)->ob_item, PyrtList_Len(it), before, has_star, after, out);
    }
    if (!it->type->iter && !it->type->getitem)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "cannot unpack non-iterable %s object", it->type->name),
               -1;
    PyrtObject *iter = Pyrt_GetIter(it);
    if (!iter)
        return -1;
    int64_t needed = before + after;
    int64_t i = 0;
    int64_t limit = has_star ? before : needed;
    for (; i < limit; i++) {
        out[i] = Pyrt_IterNext(iter);
        if (!out[i]) {
            PYRT_DECREF(iter);
            unpack_error_release(out, i);
            return Pyrt_ErrOccurred() ? -1 : not_enough(needed, has_star, i);
        }
    }
    if (!has_star) {
        PyrtObject *extra = Pyrt_IterNext(iter);
        PYRT_DECREF(iter);
        if (extra || Pyrt_ErrOccurred()) {
            if (extra) {
                PYRT_DECREF(extra);
                Pyrt_ErrFormat(&PyrtType_ValueError, "too many values to unpack (expected %lld)",
                               (long long)needed);
            }
            return unpack_error_release(out, needed);
        }
        return 0;
    }
    PyrtObject *rest = PyrtList_FromIterable(iter);
    PYRT_DECREF(iter);
    if (!rest)
        return unpack_error_release(out, before);
    int64_t n = PyrtList_Len(rest);
    if (n < after) {
        PYRT_DECREF(rest);
        unpack_error_release(out, before);
        return not_enough(needed, has_star, before + n);
    }
    PyrtList *l = (PyrtList *)rest;
    for (int64_t j = 0; j < after; j++)   /* move the tail out of the list */
        out[before + 1 + j] = l->ob_item[n - after + j];   /* (a list it just built: objects) */
    l->length = n - after;
    out[before] = rest;
    return 0;
}

/* ------------------------------------------------------------------ process */

int pyrt_argc;
char **pyrt_argv;

/* Records the command line; sys.argv is built from it when the sys module is first imported. */
void Pyrt_Init(int argc, char **argv)
{
    Pyrt_PlatformInit();
    pyrt_str_init();
    pyrt_argc = argc;
    pyrt_argv = argv;
}

int Pyrt_FinishStdout(int status);   /* io.c */

int Pyrt_Finalize(int status)
{
#ifdef PYRT_LEAK_CHECK
    Pyrt_GCDetachAll();   /* tools/sanitize.py: what no global holds is then a leak LeakSanitizer sees */
#endif
    return Pyrt_FinishStdout(status);
}

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_object(void)
{
    PyrtType_Object.methods = object_methods;
}
void pyrt_lazy_tp_new_object(void)
{
    PyrtType_Object.tp_new = object_tp_new;
    PyrtType_NoneType.tp_new = none_tp_new;
    PyrtType_NotImplementedType.tp_new = notimpl_tp_new;
}
