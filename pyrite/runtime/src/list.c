/* list.c: the list type (PyrtType_List): a growable array of items (owned references, or unboxed
 * ints or floats while the list's kind allows: see PyrtList in pyrt.h) with CPython 3.11's
 * semantics for indexing, slicing (get, set and delete with any step), concatenation, repetition,
 * comparison, repr (with the "[...]" recursion guard) and every list method (PyrtList_meth_*).
 * It also holds the small helpers shared by all container files (declared in pyrt_containers.h):
 * formatted errors, the repr buffer, the repr recursion guard and argument-count checks. */
#include "pyrt.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* ================================================================== shared container helpers */

PyrtObject *PyrtCont_Err(PyrtType *type, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = Pyrt_Vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < (int)sizeof small) return Pyrt_ErrSetString(type, small);
    char *big = malloc((size_t)n + 1);
    if (!big) return Pyrt_ErrSetString(type, small);
    va_start(ap, fmt);
    Pyrt_Vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    Pyrt_ErrSetString(type, big);
    free(big);
    return NULL;
}

int64_t PyrtCont_Unhashable(PyrtObject *o) {
    PyrtCont_Err(&PyrtType_TypeError, "unhashable type: '%s'", o->type->name);
    return -1;
}

int PyrtCont_AsIndex(PyrtObject *o, int64_t *out) {
    if (PYRT_LIKELY(PyrtCont_IsInt(o))) return PyrtInt_AsSsize(o, out);
    PyrtCont_Err(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer", o->type->name);
    return -1;
}

int PyrtCont_SliceIndexNotNone(PyrtObject *o, int64_t *out) {
    if (PYRT_LIKELY(PyrtCont_IsInt(o))) { *out = PyrtInt_AsClamped(o); return 0; }
    Pyrt_ErrSetString(&PyrtType_TypeError, "slice indices must be integers or have an __index__ method");
    return -1;
}

/* The objects whose repr is in progress (CPython's Py_ReprEnter list). */
static PyrtObject **repr_stack;
static int64_t repr_n, repr_cap;

int PyrtCont_ReprEnter(PyrtObject *o) {
    for (int64_t i = 0; i < repr_n; i++)
        if (repr_stack[i] == o) return 1;
    if (repr_n == repr_cap) {
        int64_t cap = repr_cap ? repr_cap * 2 : 16;
        PyrtObject **p = Pyrt_Realloc(repr_stack, (size_t)cap * sizeof *p);
        if (!p) return -1;
        repr_stack = p;
        repr_cap = cap;
    }
    repr_stack[repr_n++] = o;
    return 0;
}

void PyrtCont_ReprLeave(PyrtObject *o) {
    for (int64_t i = repr_n - 1; i >= 0; i--) {
        if (repr_stack[i] == o) {
            memmove(&repr_stack[i], &repr_stack[i + 1], (size_t)(repr_n - i - 1) * sizeof *repr_stack);
            repr_n--;
            return;
        }
    }
}

int PyrtContBuf_Append(PyrtContBuf *b, const char *s, int64_t n) {
    if (b->len + n + 1 > b->cap) {
        int64_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = Pyrt_Realloc(b->data, (size_t)cap);
        if (!p) return -1;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

int PyrtContBuf_AppendC(PyrtContBuf *b, const char *s) {
    return PyrtContBuf_Append(b, s, (int64_t)strlen(s));
}

int PyrtContBuf_AppendRepr(PyrtContBuf *b, PyrtObject *o) {
    PyrtObject *r = Pyrt_Repr(o);
    if (!r) return -1;
    int rc = PyrtContBuf_Append(b, PyrtStr_UTF8(r), ((PyrtStr *)r)->nbytes);
    Pyrt_DecRef(r);
    return rc;
}

PyrtObject *PyrtContBuf_Finish(PyrtContBuf *b) {
    PyrtObject *s = PyrtStr_FromUTF8(b->data ? b->data : "", b->len);
    PyrtContBuf_Free(b);
    return s;
}

void PyrtContBuf_Free(PyrtContBuf *b) {
    Pyrt_Free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

static int64_t nkw(PyrtObject *kwnames) { return kwnames ? PyrtTuple_Len(kwnames) : 0; }

int PyrtCont_NoKw(const char *qualname, PyrtObject *kwnames) {
    if (nkw(kwnames) == 0) return 0;
    PyrtCont_Err(&PyrtType_TypeError, "%s() takes no keyword arguments", qualname);
    return -1;
}

int PyrtCont_NoArgs(const char *qualname, int64_t nargs, PyrtObject *kwnames) {
    if (PyrtCont_NoKw(qualname, kwnames) < 0) return -1;
    if (nargs == 0) return 0;
    PyrtCont_Err(&PyrtType_TypeError, "%s() takes no arguments (%lld given)", qualname, (long long)nargs);
    return -1;
}

int PyrtCont_OneArg(const char *qualname, int64_t nargs, PyrtObject *kwnames) {
    if (PyrtCont_NoKw(qualname, kwnames) < 0) return -1;
    if (nargs == 1) return 0;
    PyrtCont_Err(&PyrtType_TypeError, "%s() takes exactly one argument (%lld given)", qualname,
                 (long long)nargs);
    return -1;
}

int PyrtCont_ArgRange(const char *name, int64_t nargs, int64_t min, int64_t max) {
    if (nargs >= min && nargs <= max) return 0;
    const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
    int64_t want = nargs < min ? min : max;
    PyrtCont_Err(&PyrtType_TypeError, "%s expected %s%lld argument%s, got %lld", name, how,
                 (long long)want, want == 1 ? "" : "s", (long long)nargs);
    return -1;
}

/* A user class that may handle the operation itself through a reflected dunder. */
static bool defers_to(PyrtObject *o, const char *dunder) {
    return (o->type->flags & PYRT_TPFLAG_USER) && Pyrt_LookupTypeStr(o->type, dunder) != NULL;
}

PyrtObject *PyrtCont_AsSeq(PyrtObject *o, const char *errmsg) {
    if (PyrtList_Check(o) || PyrtTuple_Check(o)) {
        if (PyrtList_Check(o) && PyrtList_Objects(o) < 0) return NULL;
        Pyrt_IncRef(o);
        return o;
    }
    PyrtObject *it = Pyrt_GetIter(o);
    if (!it) {
        if (errmsg && Pyrt_ErrMatches((PyrtObject *)&PyrtType_TypeError) == 1) {
            Pyrt_ErrClear();
            Pyrt_ErrSetString(&PyrtType_TypeError, errmsg);
        }
        return NULL;
    }
    PyrtObject *l = PyrtList_New(0);
    if (l && PyrtList_Extend(l, it) < 0) PYRT_CLEAR(l);
    Pyrt_DecRef(it);
    return l;
}

/* ================================================================== list storage */

/* Bytes per slot: a pointer for objects, 8 for unboxed ints and floats (they differ on wasm32). */
#define SLOT(l) ((l)->kind == PYRT_LIST_OBJ ? sizeof(PyrtObject *) : sizeof(int64_t))
#define AT(l, i) ((char *)(l)->ob_item + (size_t)(i) * SLOT(l))

static int list_resize(PyrtList *l, int64_t newsize) {
    if (newsize <= l->capacity && newsize >= l->capacity / 2) {
        l->length = newsize;
        return 0;
    }
    int64_t cap = newsize == 0 ? 0 : ((newsize + (newsize >> 3) + 6) & ~(int64_t)3);
    if (cap > INT64_MAX / 8) {
        Pyrt_ErrSetNone(&PyrtType_MemoryError);
        return -1;
    }
    PyrtObject **items = NULL;   /* (every kind's slots are 8 bytes) */
    if (cap > 0) {
        items = Pyrt_Realloc(l->ob_item, (size_t)cap * SLOT(l));
        if (!items) return -1;
    } else {
        Pyrt_Free(l->ob_item);
    }
    l->ob_item = items;
    l->capacity = cap;
    l->length = newsize;
    return 0;
}

/* A list of `length` items of `kind`; `zero`: the slots are zeroed (NULL, 0, 0.0), else the caller
 * fills every one before anything can see the list. */
static PyrtObject *list_alloc_items(PyrtType *t, int64_t length, bool zero, int64_t kind) {
    PyrtList *l = NULL;
    if (t == &PyrtType_List && PYRT_LIKELY(pyrt_gc_count < pyrt_gc_threshold)) {
        PyrtGCHead *h = pyrt_freelist_pop(sizeof(PyrtGCHead) + sizeof(PyrtList));
        if (h) {   /* the frequent case straight from the free list: every field is set below */
            h->next = NULL;   /* (tracked below if its items are objects) */
            l = (PyrtList *)(h + 1);
            l->ob.refcnt = 1;
            l->ob.type = t;
            l->ob_item = NULL;
        }
    }
    if (!l) {
        int64_t size = t->basicsize >= (int64_t)sizeof(PyrtList) ? t->basicsize : (int64_t)sizeof(PyrtList);
        l = (PyrtList *)Pyrt_Alloc(t, (size_t)size);
        if (!l) return NULL;
    }
    l->length = l->capacity = 0;
    l->kind = PYRT_LIST_OBJ;
    if (length > 0) {
        if (length > INT64_MAX / 16) { Pyrt_DecRef(&l->ob); Pyrt_ErrSetNone(&PyrtType_MemoryError); return NULL; }
        l->kind = kind;
        l->ob_item = Pyrt_Malloc((size_t)length * SLOT(l));
        if (!l->ob_item) { Pyrt_DecRef(&l->ob); return NULL; }
        if (zero) memset(l->ob_item, 0, (size_t)length * SLOT(l));   /* NULL, 0 or 0.0 */
    }
    l->length = length;
    l->capacity = length;
    l->kind = kind;
    if (kind == PYRT_LIST_OBJ)
        Pyrt_GCTrack(&l->ob);   /* a list of unboxed numbers is tracked only once it holds objects */
    return &l->ob;
}

static PyrtObject *list_alloc(PyrtType *t, int64_t length) { return list_alloc_items(t, length, true, PYRT_LIST_OBJ); }

PyrtObject *PyrtList_New(int64_t length) { return list_alloc(&PyrtType_List, length); }

PyrtObject *PyrtList_NewKind(int64_t length, int64_t kind) {
    return list_alloc_items(&PyrtType_List, length, true, kind);
}

PyrtObject *PyrtList_FromArray(PyrtObject *const *items, int64_t n) {
    PyrtObject *l = PyrtList_New(n);
    if (!l) return NULL;
    for (int64_t i = 0; i < n; i++) {
        Pyrt_IncRef(items[i]);
        ((PyrtList *)l)->ob_item[i] = items[i];
    }
    return l;
}

#define I64S(l) ((int64_t *)(l)->ob_item)
#define F64S(l) ((double *)(l)->ob_item)

/* item i of any kind as a new reference */
static inline PyrtObject *item_new(PyrtList *l, int64_t i) {
    if (l->kind == PYRT_LIST_I64) return PyrtInt_FromI64(I64S(l)[i]);
    if (l->kind == PYRT_LIST_F64) return PyrtFloat_FromDouble(F64S(l)[i]);
    PyrtObject *v = l->ob_item[i];
    Pyrt_IncRef(v);
    return v;
}

PyrtObject *PyrtList_ItemNew(PyrtObject *o, int64_t i) { return item_new((PyrtList *)o, i); }

int PyrtList_Generalize(PyrtObject *o) {
    PyrtList *l = (PyrtList *)o;
    if (l->kind == PYRT_LIST_OBJ) return 0;
    int64_t n = l->length;
    PyrtObject *small[16], **boxes = n <= 16 ? small : Pyrt_Malloc((size_t)n * sizeof *boxes);
    if (!boxes) return -1;
    for (int64_t i = 0; i < n; i++) {
        if (!(boxes[i] = item_new(l, i))) {
            while (i > 0) Pyrt_DecRef(boxes[--i]);
            if (boxes != small) Pyrt_Free(boxes);
            return -1;
        }
    }
    l->kind = PYRT_LIST_OBJ;   /* pointer slots are no wider than 8 bytes: converted in place */
    for (int64_t i = 0; i < n; i++) l->ob_item[i] = boxes[i];
    Pyrt_GCTrack(&l->ob);
    if (boxes != small) Pyrt_Free(boxes);
    return 0;
}

/* v can be stored unboxed in l (which is of an unboxed kind) */
static inline bool fits_kind(PyrtList *l, PyrtObject *v) {
    if (l->kind == PYRT_LIST_I64) return v->type == &PyrtType_Int && !PyrtInt_IsBig(v);   /* big: objects */
    return v->type == &PyrtType_Float;
}

/* store v (borrowed) into a slot that holds nothing (an unboxed slot or a slot being filled) */
static inline void put_new(PyrtList *l, int64_t i, PyrtObject *v) {
    if (l->kind == PYRT_LIST_I64) I64S(l)[i] = PyrtInt_AsI64(v);
    else if (l->kind == PYRT_LIST_F64) F64S(l)[i] = PyrtFloat_AsDouble(v);
    else { Pyrt_IncRef(v); l->ob_item[i] = v; }
}

/* Prepare l to receive v: generalise it when v does not fit its kind (-1 on MemoryError). */
static inline int make_room_for(PyrtList *l, PyrtObject *v) {
    if (PYRT_LIKELY(l->kind == PYRT_LIST_OBJ) || fits_kind(l, v)) return 0;
    return PyrtList_Generalize(&l->ob);
}

static void list_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg) {
    PyrtList *l = (PyrtList *)o;
    if (l->kind == PYRT_LIST_OBJ)
        for (int64_t i = 0; i < l->length; i++) visit(l->ob_item[i], arg);
}

static void list_dealloc(PyrtObject *o) {
    PyrtList *l = (PyrtList *)o;
    if (l->kind == PYRT_LIST_OBJ)   /* last item first, as CPython (the order __del__ methods run in) */
        for (int64_t i = l->length - 1; i >= 0; i--) Pyrt_XDecRef(l->ob_item[i]);
    Pyrt_Free(l->ob_item);
    l->ob_item = NULL;
    l->length = 0;
}

int PyrtList_Append(PyrtObject *o, PyrtObject *v) {
    PyrtList *l = (PyrtList *)o;
    int64_t n = l->length;
    if (PYRT_LIKELY(n < l->capacity && l->kind == PYRT_LIST_OBJ)) {
        Pyrt_IncRef(v);
        l->ob_item[n] = v;
        l->length = n + 1;
        return 0;
    }
    if (make_room_for(l, v) < 0 || list_resize(l, n + 1) < 0) return -1;
    put_new(l, n, v);
    return 0;
}

/* an empty list takes another kind: its buffer (sized for the old slots) goes */
static void set_kind_of_empty(PyrtList *l, int64_t kind) {
    Pyrt_Free(l->ob_item);
    l->ob_item = NULL;
    l->capacity = 0;
    l->kind = kind;
    if (kind == PYRT_LIST_OBJ)
        Pyrt_GCTrack(&l->ob);
}

/* append the boxed b (stolen): the slow path of the unboxed appends below */
static int append_boxed(PyrtObject *o, PyrtObject *b) {
    if (!b) return -1;
    int r = PyrtList_Append(o, b);
    Pyrt_DecRef(b);
    return r;
}

int PyrtList_AppendI64(PyrtObject *o, int64_t v) {
    PyrtList *l = (PyrtList *)o;
    if (l->kind != PYRT_LIST_I64) return append_boxed(o, PyrtInt_FromI64(v));
    if (list_resize(l, l->length + 1) < 0) return -1;
    I64S(l)[l->length - 1] = v;
    return 0;
}

int PyrtList_AppendF64(PyrtObject *o, double v) {
    PyrtList *l = (PyrtList *)o;
    if (l->kind != PYRT_LIST_F64) return append_boxed(o, PyrtFloat_FromDouble(v));
    if (list_resize(l, l->length + 1) < 0) return -1;
    F64S(l)[l->length - 1] = v;
    return 0;
}

int PyrtList_Extend(PyrtObject *o, PyrtObject *iterable) {
    PyrtList *l = (PyrtList *)o;
    if (iterable->type == &PyrtType_Range && l->length == 0 && l->kind == PYRT_LIST_OBJ &&
        !((PyrtRange *)iterable)->big) {
        PyrtRange *r = (PyrtRange *)iterable;   /* list(range(...)): a list of unboxed ints */
        set_kind_of_empty(l, PYRT_LIST_I64);
        if (list_resize(l, r->length) < 0) return -1;
        for (int64_t i = 0; i < r->length; i++) I64S(l)[i] = r->start + i * r->step;
        return 0;
    }
    if (PyrtList_Check(iterable)) {
        PyrtList *src = (PyrtList *)iterable;
        int64_t n = src->length, m = l->length;
        if (n == 0) return 0;
        if (m == 0 && l->kind == PYRT_LIST_OBJ && src != l && src->kind != PYRT_LIST_OBJ)
            set_kind_of_empty(l, src->kind);   /* empty: take src's kind */
        if (l->kind == src->kind && l->kind != PYRT_LIST_OBJ) {   /* same unboxed kind: copy the slots */
            if (list_resize(l, m + n) < 0) return -1;
            if (n > 0) memmove(AT(l, m), src->ob_item, (size_t)n * SLOT(l));
            return 0;
        }
        if (l->kind != PYRT_LIST_OBJ && PyrtList_Generalize(o) < 0) return -1;
        if (list_resize(l, m + n) < 0) return -1;
        for (int64_t i = 0; i < n; i++) {   /* (src may be l itself, now of objects) */
            PyrtObject *v = item_new(src, i);
            if (!v) { l->length = m + i; return -1; }
            l->ob_item[m + i] = v;
        }
        return 0;
    }
    if (PyrtTuple_Check(iterable)) {
        int64_t n = PyrtCont_SeqLen(iterable), m = l->length;
        if (n == 0) return 0;
        if (PyrtList_Objects(o) < 0) return -1;
        if (list_resize(l, m + n) < 0) return -1;
        PyrtObject **src = PyrtCont_SeqItems(iterable);   /* re-read: src may be l itself */
        for (int64_t i = 0; i < n; i++) {
            Pyrt_IncRef(src[i]);
            l->ob_item[m + i] = src[i];
        }
        return 0;
    }
    PyrtObject *it = Pyrt_GetIter(iterable);
    if (!it) return -1;
    PyrtObject *v;
    while ((v = Pyrt_IterNext(it)) != NULL) {
        int rc = PyrtList_Append(o, v);
        Pyrt_DecRef(v);
        if (rc < 0) break;
    }
    Pyrt_DecRef(it);
    return Pyrt_ErrOccurred() ? -1 : 0;
}

PyrtObject *PyrtList_FromIterable(PyrtObject *iterable) {
    PyrtObject *l = PyrtList_New(0);
    if (l && PyrtList_Extend(l, iterable) < 0) PYRT_CLEAR(l);
    return l;
}

/* ================================================================== item access */

PyrtObject *PyrtList_GetItem(PyrtObject *o, int64_t i) {
    PyrtList *l = (PyrtList *)o;
    if (i < 0) i += l->length;
    if (PYRT_UNLIKELY((uint64_t)i >= (uint64_t)l->length))
        return Pyrt_ErrSetString(&PyrtType_IndexError, "list index out of range");
    return item_new(l, i);
}

int PyrtList_SetItem(PyrtObject *o, int64_t i, PyrtObject *v) {
    PyrtList *l = (PyrtList *)o;
    if (i < 0) i += l->length;
    if (PYRT_UNLIKELY((uint64_t)i >= (uint64_t)l->length)) {
        Pyrt_ErrSetString(&PyrtType_IndexError, "list assignment index out of range");
        return -1;
    }
    if (make_room_for(l, v) < 0) return -1;
    if (l->kind != PYRT_LIST_OBJ) { put_new(l, i, v); return 0; }
    PyrtObject *old = l->ob_item[i];
    Pyrt_IncRef(v);
    l->ob_item[i] = v;
    Pyrt_DecRef(old);
    return 0;
}

int PyrtList_DelItem(PyrtObject *o, int64_t i) {
    PyrtList *l = (PyrtList *)o;
    if (i < 0) i += l->length;
    if ((uint64_t)i >= (uint64_t)l->length) {
        Pyrt_ErrSetString(&PyrtType_IndexError, "list assignment index out of range");
        return -1;
    }
    PyrtObject *old = l->ob_item[i];
    memmove(AT(l, i), AT(l, i + 1), (size_t)(l->length - i - 1) * SLOT(l));
    list_resize(l, l->length - 1);   /* shrinking cannot fail */
    if (l->kind == PYRT_LIST_OBJ) Pyrt_DecRef(old);
    return 0;
}

PyrtObject *PyrtList_Pop(PyrtObject *o, int64_t i) {
    PyrtList *l = (PyrtList *)o;
    if (l->length == 0) return Pyrt_ErrSetString(&PyrtType_IndexError, "pop from empty list");
    if (i < 0) i += l->length;
    if ((uint64_t)i >= (uint64_t)l->length)
        return Pyrt_ErrSetString(&PyrtType_IndexError, "pop index out of range");
    PyrtObject *v = l->kind == PYRT_LIST_OBJ ? l->ob_item[i] : item_new(l, i);
    if (!v) return NULL;
    memmove(AT(l, i), AT(l, i + 1), (size_t)(l->length - i - 1) * SLOT(l));
    list_resize(l, l->length - 1);
    return v;
}

int PyrtList_Insert(PyrtObject *o, int64_t i, PyrtObject *v) {
    PyrtList *l = (PyrtList *)o;
    int64_t n = l->length;
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    if (make_room_for(l, v) < 0 || list_resize(l, n + 1) < 0) return -1;
    memmove(AT(l, i + 1), AT(l, i), (size_t)(n - i) * SLOT(l));
    put_new(l, i, v);
    return 0;
}

/* ================================================================== slices */

static PyrtObject *list_slice_resolved(PyrtList *l, int64_t start, int64_t step, int64_t n) {
    PyrtObject *r = list_alloc_items(&PyrtType_List, n, false, l->kind);   /* same kind as l */
    if (!r) return NULL;
    if (l->kind != PYRT_LIST_OBJ) {
        int64_t *d = (int64_t *)((PyrtList *)r)->ob_item, *p = (int64_t *)l->ob_item + start;
        if (step == 1) {
            if (n > 0) memcpy(d, p, (size_t)n * sizeof *d);   /* (an empty list's ob_item is NULL) */
            return r;
        }
        for (int64_t i = 0; i < n; i++, p += step) d[i] = *p;   /* (the 8 bytes of an int or a float) */
        return r;
    }
    PyrtObject **dst = ((PyrtList *)r)->ob_item, **src = l->ob_item + start;
    for (int64_t i = 0; i < n; i++, src += step) {
        PyrtObject *v = *src;
        Pyrt_IncRef(v);
        dst[i] = v;
    }
    return r;
}

PyrtObject *PyrtList_GetSlice(PyrtObject *o, int64_t start, int64_t stop, int64_t step) {
    if (step == 0) return Pyrt_ErrSetString(&PyrtType_ValueError, "slice step cannot be zero");
    if (step < -INT64_MAX) step = -INT64_MAX;
    int64_t n = PyrtSlice_Adjust(((PyrtList *)o)->length, &start, &stop, step);
    return list_slice_resolved((PyrtList *)o, start, step, n);
}

PyrtObject *PyrtList_Subscript(PyrtObject *o, PyrtObject *key) {
    if (PYRT_LIKELY(PyrtCont_IsInt(key))) {
        int64_t i;
        return PyrtInt_AsIndexOrIndexError(key, &i) < 0 ? NULL : PyrtList_GetItem(o, i);
    }
    if (key->type == &PyrtType_Slice) {
        int64_t start, stop, step, n;
        if (PyrtSlice_Resolve(key, ((PyrtList *)o)->length, &start, &stop, &step, &n) < 0) return NULL;
        return list_slice_resolved((PyrtList *)o, start, step, n);
    }
    return PyrtCont_Err(&PyrtType_TypeError, "list indices must be integers or slices, not %s",
                        key->type->name);
}

/* l[lo:hi] = v with l and v lists of the same unboxed kind: the slots move, nothing is counted */
static int list_ass_slice_same_kind(PyrtList *l, int64_t lo, int64_t hi, PyrtList *v) {
    int64_t n = v->length, len = l->length;
    int64_t small[16], *src = small;
    if (n > 16 && !(src = Pyrt_Malloc((size_t)n * sizeof *src))) return -1;
    if (n > 0) memcpy(src, v->ob_item, (size_t)n * sizeof *src);   /* (v may be l; empty: NULL items) */
    if (lo < 0) lo = 0; else if (lo > len) lo = len;
    if (hi < lo) hi = lo; else if (hi > len) hi = len;
    int64_t d = n - (hi - lo);
    if (d < 0) {
        if (len > hi) memmove(AT(l, hi + d), AT(l, hi), (size_t)(len - hi) * sizeof *src);
        list_resize(l, len + d);
    } else if (d > 0) {
        if (list_resize(l, len + d) < 0) { if (src != small) Pyrt_Free(src); return -1; }
        if (len > hi) memmove(AT(l, hi + d), AT(l, hi), (size_t)(len - hi) * sizeof *src);
    }
    if (n > 0) memcpy(AT(l, lo), src, (size_t)n * sizeof *src);
    if (src != small) Pyrt_Free(src);
    return 0;
}

/* l[lo:hi] = v (v NULL: delete), CPython's list_ass_slice */
static int list_ass_slice(PyrtList *l, int64_t lo, int64_t hi, PyrtObject *v) {
    PyrtObject *seq = NULL;
    int64_t n = 0;
    if (v && l->kind != PYRT_LIST_OBJ && PyrtList_Check(v) && ((PyrtList *)v)->kind == l->kind)
        return list_ass_slice_same_kind(l, lo, hi, (PyrtList *)v);
    if (l->kind != PYRT_LIST_OBJ && PyrtList_Generalize(&l->ob) < 0) return -1;
    if (v) {
        seq = v == &l->ob ? PyrtList_Copy(v) : PyrtCont_AsSeq(v, "can only assign an iterable");
        if (!seq) return -1;
        n = PyrtCont_SeqLen(seq);
    }
    int64_t len = l->length;
    if (lo < 0) lo = 0; else if (lo > len) lo = len;
    if (hi < lo) hi = lo; else if (hi > len) hi = len;
    int64_t old = hi - lo, d = n - old;
    PyrtObject *small[16], **recycle = small;   /* the replaced items, released last */
    if (old > 16) {
        recycle = Pyrt_Malloc((size_t)old * sizeof *recycle);
        if (!recycle) { PYRT_XDECREF(seq); return -1; }
    }
    for (int64_t i = 0; i < old; i++) recycle[i] = l->ob_item[lo + i];
    if (d < 0) {
        if (len > hi) memmove(&l->ob_item[hi + d], &l->ob_item[hi], (size_t)(len - hi) * sizeof(PyrtObject *));
        list_resize(l, len + d);
    } else if (d > 0) {
        if (list_resize(l, len + d) < 0) { if (recycle != small) Pyrt_Free(recycle); PYRT_XDECREF(seq); return -1; }
        if (len > hi) memmove(&l->ob_item[hi + d], &l->ob_item[hi], (size_t)(len - hi) * sizeof(PyrtObject *));
    }
    PyrtObject **src = seq ? PyrtCont_SeqItems(seq) : NULL;
    for (int64_t i = 0; i < n; i++) {
        Pyrt_IncRef(src[i]);
        l->ob_item[lo + i] = src[i];
    }
    for (int64_t i = 0; i < old; i++) Pyrt_DecRef(recycle[i]);
    if (recycle != small) Pyrt_Free(recycle);
    PYRT_XDECREF(seq);
    return 0;
}

static int list_del_extended(PyrtList *l, int64_t start, int64_t step, int64_t n) {
    if (n <= 0) return 0;
    if (l->kind != PYRT_LIST_OBJ && PyrtList_Generalize(&l->ob) < 0) return -1;
    if (step < 0) {   /* walk forwards */
        start = start + step * (n - 1);
        step = -step;
    }
    PyrtObject **garbage = Pyrt_Malloc((size_t)n * sizeof *garbage);
    if (!garbage) return -1;
    int64_t len = l->length, w = start, g = 0;
    for (int64_t r = start; r < len; r++) {
        if (g < n && r == start + g * step) garbage[g++] = l->ob_item[r];
        else l->ob_item[w++] = l->ob_item[r];
    }
    list_resize(l, len - n);
    for (int64_t i = 0; i < n; i++) Pyrt_DecRef(garbage[i]);
    Pyrt_Free(garbage);
    return 0;
}

static int list_ass_extended(PyrtList *l, int64_t start, int64_t step, int64_t n, PyrtObject *v) {
    if (l->kind != PYRT_LIST_OBJ && PyrtList_Generalize(&l->ob) < 0) return -1;
    PyrtObject *seq = v == &l->ob ? PyrtList_Copy(v)
                                  : PyrtCont_AsSeq(v, "must assign iterable to extended slice");
    if (!seq) return -1;
    int64_t m = PyrtCont_SeqLen(seq);
    if (m != n) {
        Pyrt_DecRef(seq);
        PyrtCont_Err(&PyrtType_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                     (long long)m, (long long)n);
        return -1;
    }
    PyrtObject **garbage = n ? Pyrt_Malloc((size_t)n * sizeof *garbage) : NULL;
    if (n && !garbage) { Pyrt_DecRef(seq); return -1; }
    PyrtObject **src = PyrtCont_SeqItems(seq);
    for (int64_t i = 0; i < n; i++) {
        int64_t cur = start + i * step;
        garbage[i] = l->ob_item[cur];
        Pyrt_IncRef(src[i]);
        l->ob_item[cur] = src[i];
    }
    for (int64_t i = 0; i < n; i++) Pyrt_DecRef(garbage[i]);
    Pyrt_Free(garbage);
    Pyrt_DecRef(seq);
    return 0;
}

int PyrtList_AssSubscript(PyrtObject *o, PyrtObject *key, PyrtObject *v) {
    PyrtList *l = (PyrtList *)o;
    if (PYRT_LIKELY(PyrtCont_IsInt(key))) {
        int64_t i;
        if (PyrtInt_AsIndexOrIndexError(key, &i) < 0) return -1;
        return v ? PyrtList_SetItem(o, i, v) : PyrtList_DelItem(o, i);
    }
    if (key->type != &PyrtType_Slice) {
        PyrtCont_Err(&PyrtType_TypeError, "list indices must be integers or slices, not %s", key->type->name);
        return -1;
    }
    int64_t start, stop, step, n;
    if (PyrtSlice_Resolve(key, l->length, &start, &stop, &step, &n) < 0) return -1;
    if (step == 1) return list_ass_slice(l, start, stop, v);
    if (!v) return list_del_extended(l, start, step, n);
    return list_ass_extended(l, start, step, n, v);
}

static int slice_opt_resolve(int64_t length, int64_t *start, int64_t *stop, int64_t *step, int flags,
                             int64_t *n) {
    if (*step == 0) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "slice step cannot be zero");
        return -1;
    }
    if (*step < -INT64_MAX) *step = -INT64_MAX;
    if (flags & PYRT_SLICE_NO_START) *start = *step < 0 ? INT64_MAX : 0;
    if (flags & PYRT_SLICE_NO_STOP) *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    *n = PyrtSlice_Adjust(length, start, stop, *step);
    return 0;
}

PyrtObject *PyrtList_GetSliceOpt(PyrtObject *o, int64_t start, int64_t stop, int64_t step, int flags) {
    int64_t n;
    if (slice_opt_resolve(((PyrtList *)o)->length, &start, &stop, &step, flags, &n) < 0) return NULL;
    return list_slice_resolved((PyrtList *)o, start, step, n);
}

int PyrtList_SetSliceOpt(PyrtObject *o, int64_t start, int64_t stop, int64_t step, int flags, PyrtObject *v) {
    PyrtList *l = (PyrtList *)o;
    int64_t n;
    if (slice_opt_resolve(l->length, &start, &stop, &step, flags, &n) < 0) return -1;
    if (step == 1) return list_ass_slice(l, start, stop, v);
    return list_ass_extended(l, start, step, n, v);
}

/* ================================================================== whole-list operations */

PyrtObject *PyrtList_Concat(PyrtObject *a, PyrtObject *b) {
    PyrtList *x = (PyrtList *)a, *y = (PyrtList *)b;
    if (x->length > INT64_MAX / 16 - y->length) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
    int64_t kind = x->kind == y->kind || y->length == 0 ? x->kind : x->length == 0 ? y->kind : PYRT_LIST_OBJ;
    PyrtObject *r = list_alloc_items(&PyrtType_List, x->length + y->length, kind == PYRT_LIST_OBJ, kind);
    if (!r) return NULL;
    PyrtList *z = (PyrtList *)r;
    if (kind != PYRT_LIST_OBJ) {
        /* an empty operand's ob_item is NULL: memcpy(_, NULL, 0) is undefined */
        if (x->length) memcpy(z->ob_item, x->ob_item, (size_t)x->length * SLOT(z));
        if (y->length) memcpy(AT(z, x->length), y->ob_item, (size_t)y->length * SLOT(z));
        return r;
    }
    for (int64_t i = 0; i < x->length; i++)
        if (!(z->ob_item[i] = item_new(x, i))) { Pyrt_DecRef(r); return NULL; }
    for (int64_t i = 0; i < y->length; i++)
        if (!(z->ob_item[x->length + i] = item_new(y, i))) { Pyrt_DecRef(r); return NULL; }
    return r;
}

PyrtObject *PyrtList_Repeat(PyrtObject *a, int64_t n) {
    PyrtList *x = (PyrtList *)a;
    if (n <= 0 || x->length == 0) return PyrtList_New(0);
    if (n > INT64_MAX / 16 / x->length) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
    int64_t len = x->length;
    PyrtObject *r = list_alloc_items(&PyrtType_List, len * n, false, x->kind);
    if (!r) return NULL;
    PyrtObject **dst = ((PyrtList *)r)->ob_item;
    if (x->kind != PYRT_LIST_OBJ) {
        for (int64_t k = 0; k < n; k++) memcpy(AT((PyrtList *)r, k * len), x->ob_item, (size_t)len * SLOT(x));
        return r;
    }
    for (int64_t k = 0; k < n; k++)
        for (int64_t i = 0; i < len; i++) { Pyrt_IncRef(x->ob_item[i]); dst[k * len + i] = x->ob_item[i]; }
    return r;
}

PyrtObject *PyrtList_InplaceConcat(PyrtObject *l, PyrtObject *iterable) {
    if (PyrtList_Extend(l, iterable) < 0) return NULL;
    Pyrt_IncRef(l);
    return l;
}

PyrtObject *PyrtList_InplaceRepeat(PyrtObject *o, int64_t n) {
    PyrtList *l = (PyrtList *)o;
    int64_t len = l->length;
    if (n <= 0 || len == 0) {
        if (PyrtList_Clear(o) < 0) return NULL;
    } else if (n > 1) {
        if (n > INT64_MAX / 16 / len) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
        if (list_resize(l, len * n) < 0) return NULL;
        for (int64_t k = 1; k < n; k++) {
            if (l->kind != PYRT_LIST_OBJ) {
                memcpy(AT(l, k * len), l->ob_item, (size_t)len * SLOT(l));
                continue;
            }
            for (int64_t i = 0; i < len; i++) {
                Pyrt_IncRef(l->ob_item[i]);
                l->ob_item[k * len + i] = l->ob_item[i];
            }
        }
    }
    Pyrt_IncRef(o);
    return o;
}

int PyrtList_Contains(PyrtObject *o, PyrtObject *v) {
    PyrtList *l = (PyrtList *)o;
    if (l->kind == PYRT_LIST_I64 && v->type == &PyrtType_Int && !PyrtInt_IsBig(v)) {
        int64_t x = PyrtInt_AsI64(v);
        for (int64_t i = 0; i < l->length; i++)
            if (I64S(l)[i] == x) return 1;
        return 0;
    }
    for (int64_t i = 0; i < l->length; i++) {
        PyrtObject *item = item_new(l, i);
        if (!item) return -1;
        int c = Pyrt_RichCompareBool(item, v, PYRT_EQ);
        Pyrt_DecRef(item);
        if (c != 0) return c;
    }
    return 0;
}

int64_t PyrtList_Index(PyrtObject *o, PyrtObject *v, int64_t start, int64_t stop) {
    PyrtList *l = (PyrtList *)o;
    if (start < 0) { start += l->length; if (start < 0) start = 0; }
    if (stop < 0) { stop += l->length; if (stop < 0) stop = 0; }
    for (int64_t i = start; i < stop && i < l->length; i++) {
        PyrtObject *item = item_new(l, i);
        if (!item) return -1;
        int c = Pyrt_RichCompareBool(item, v, PYRT_EQ);
        Pyrt_DecRef(item);
        if (c < 0) return -1;
        if (c) return i;
    }
    PyrtObject *r = Pyrt_Repr(v);
    if (!r) return -1;
    PyrtCont_Err(&PyrtType_ValueError, "%s is not in list", PyrtStr_UTF8(r));
    Pyrt_DecRef(r);
    return -1;
}

int64_t PyrtList_Count(PyrtObject *o, PyrtObject *v) {
    PyrtList *l = (PyrtList *)o;
    int64_t count = 0;
    for (int64_t i = 0; i < l->length; i++) {
        PyrtObject *item = item_new(l, i);
        if (!item) return -1;
        int c = Pyrt_RichCompareBool(item, v, PYRT_EQ);
        Pyrt_DecRef(item);
        if (c < 0) return -1;
        count += c;
    }
    return count;
}

int PyrtList_Remove(PyrtObject *o, PyrtObject *v) {
    PyrtList *l = (PyrtList *)o;
    for (int64_t i = 0; i < l->length; i++) {
        PyrtObject *item = item_new(l, i);
        if (!item) return -1;
        int c = Pyrt_RichCompareBool(item, v, PYRT_EQ);
        Pyrt_DecRef(item);
        if (c < 0) return -1;
        if (c) return PyrtList_DelItem(o, i);
    }
    Pyrt_ErrSetString(&PyrtType_ValueError, "list.remove(x): x not in list");
    return -1;
}

PyrtObject *PyrtList_Copy(PyrtObject *o) {
    PyrtList *l = (PyrtList *)o;
    return list_slice_resolved(l, 0, 1, l->length);
}

int PyrtList_Clear(PyrtObject *o) {
    PyrtList *l = (PyrtList *)o;
    PyrtObject **items = l->ob_item;
    int64_t n = l->length;
    l->ob_item = NULL;
    l->length = l->capacity = 0;
    if (l->kind == PYRT_LIST_OBJ)
        for (int64_t i = 0; i < n; i++) Pyrt_XDecRef(items[i]);
    Pyrt_Free(items);
    return 0;
}

int PyrtList_Reverse(PyrtObject *o) {
    PyrtList *l = (PyrtList *)o;
    for (int64_t i = 0, j = l->length - 1; i < j; i++, j--) {
        if (l->kind != PYRT_LIST_OBJ) {
            int64_t t = I64S(l)[i];   /* (the 8 bytes of an int or a float) */
            I64S(l)[i] = I64S(l)[j];
            I64S(l)[j] = t;
            continue;
        }
        PyrtObject *t = l->ob_item[i];
        l->ob_item[i] = l->ob_item[j];
        l->ob_item[j] = t;
    }
    return 0;
}

/* Sorting empties the list meanwhile (like CPython) so a key or __lt__ that mutates it is detected. */
int PyrtList_Sort(PyrtObject *o, PyrtObject *key, int reverse) {
    PyrtList *l = (PyrtList *)o;
    if (PyrtList_Objects(o) < 0) return -1;
    PyrtObject **items = l->ob_item;
    int64_t n = l->length, cap = l->capacity;
    l->ob_item = NULL;
    l->length = 0;
    l->capacity = -1;
    int rc = PyrtSort_Array(items, n, key, reverse);
    if (l->capacity != -1 || l->ob_item != NULL) {   /* mutated during the sort */
        PyrtObject **junk = l->ob_item;
        int64_t nj = l->length;
        if (l->kind == PYRT_LIST_OBJ)
            for (int64_t i = 0; i < nj; i++) Pyrt_DecRef(junk[i]);
        Pyrt_Free(junk);
        if (rc == 0) {
            Pyrt_ErrSetString(&PyrtType_ValueError, "list modified during sort");
            rc = -1;
        }
    }
    l->ob_item = items;
    l->length = n;
    l->capacity = cap;
    l->kind = PYRT_LIST_OBJ;
    Pyrt_GCTrack(&l->ob);
    return rc;
}

PyrtObject *PyrtList_Sorted(PyrtObject *iterable, PyrtObject *key, int reverse) {
    PyrtObject *l = PyrtList_FromIterable(iterable);
    if (l && PyrtList_Sort(l, key, reverse) < 0) PYRT_CLEAR(l);
    return l;
}

/* ================================================================== slots */

PyrtObject *PyrtList_Repr(PyrtObject *o) {
    PyrtList *l = (PyrtList *)o;
    if (l->length == 0) return PyrtStr_FromUTF8("[]", 2);
    int rec = PyrtCont_ReprEnter(o);
    if (rec < 0) return NULL;
    if (rec) return PyrtStr_FromUTF8("[...]", 5);
    PyrtContBuf b = {0};
    int rc = PyrtContBuf_AppendC(&b, "[");
    for (int64_t i = 0; rc == 0 && i < l->length; i++) {
        if (i > 0) rc = PyrtContBuf_AppendC(&b, ", ");
        PyrtObject *item = item_new(l, i);
        if (!item) { rc = -1; break; }
        if (rc == 0) rc = PyrtContBuf_AppendRepr(&b, item);
        Pyrt_DecRef(item);
    }
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, "]");
    PyrtCont_ReprLeave(o);
    if (rc < 0) { PyrtContBuf_Free(&b); return NULL; }
    return PyrtContBuf_Finish(&b);
}

static PyrtObject *cmp_i64(int64_t a, int64_t b, int op) {
    bool r;
    switch (op) {
    case PYRT_LT: r = a < b; break;
    case PYRT_LE: r = a <= b; break;
    case PYRT_EQ: r = a == b; break;
    case PYRT_NE: r = a != b; break;
    case PYRT_GT: r = a > b; break;
    default: r = a >= b; break;
    }
    return Pyrt_BoolFromC(r);
}

PyrtObject *PyrtList_RichCompare(PyrtObject *a, PyrtObject *b, int op) {
    if (!PyrtList_Check(a) || !PyrtList_Check(b)) return Pyrt_NotImplemented;
    PyrtList *x = (PyrtList *)a, *y = (PyrtList *)b;
    if (x->length != y->length && (op == PYRT_EQ || op == PYRT_NE)) return Pyrt_BoolFromC(op == PYRT_NE);
    int64_t i;
    for (i = 0; i < x->length && i < y->length; i++) {
        if (x->kind == PYRT_LIST_OBJ && y->kind == PYRT_LIST_OBJ && x->ob_item[i] == y->ob_item[i]) continue;
        PyrtObject *v = item_new(x, i), *w = v ? item_new(y, i) : NULL;
        if (!w) { PYRT_XDECREF(v); return NULL; }
        int k = Pyrt_RichCompareBool(v, w, PYRT_EQ);
        Pyrt_DecRef(v);
        Pyrt_DecRef(w);
        if (k < 0) return NULL;
        if (!k) break;
    }
    if (i >= x->length || i >= y->length) return cmp_i64(x->length, y->length, op);
    if (op == PYRT_EQ) return Pyrt_False;
    if (op == PYRT_NE) return Pyrt_True;
    PyrtObject *v = item_new(x, i), *w = v ? item_new(y, i) : NULL;
    if (!w) { PYRT_XDECREF(v); return NULL; }
    PyrtObject *r = Pyrt_RichCompare(v, w, op);
    Pyrt_DecRef(v);
    Pyrt_DecRef(w);
    return r;
}

static int64_t list_len(PyrtObject *o) { return ((PyrtList *)o)->length; }

static PyrtObject *list_binop(PyrtObject *a, PyrtObject *b, int op) {
    int inplace = op & PYRT_INPLACE;
    op &= ~PYRT_INPLACE;
    if (op == PYRT_ADD) {
        if (!PyrtList_Check(a)) return Pyrt_NotImplemented;
        if (inplace) return PyrtList_InplaceConcat(a, b);
        if (PyrtList_Check(b)) return PyrtList_Concat(a, b);
        if (defers_to(b, "__radd__")) return Pyrt_NotImplemented;
        return PyrtCont_Err(&PyrtType_TypeError, "can only concatenate list (not \"%s\") to list", b->type->name);
    }
    if (op == PYRT_MUL) {
        PyrtObject *seq = PyrtList_Check(a) ? a : b, *n = seq == a ? b : a;
        if (!PyrtCont_IsInt(n)) {
            if (defers_to(n, seq == a ? "__rmul__" : "__mul__")) return Pyrt_NotImplemented;
            return PyrtCont_Err(&PyrtType_TypeError, "can't multiply sequence by non-int of type '%s'",
                                n->type->name);
        }
        int64_t count;
        if (PyrtInt_AsCount(n, &count) < 0) return NULL;
        if (inplace && seq == a) return PyrtList_InplaceRepeat(a, count);
        return PyrtList_Repeat(seq, count);
    }
    return Pyrt_NotImplemented;
}

PyrtObject *PyrtList_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    if (PyrtCont_NoKw("list", kwnames) < 0) return NULL;
    if (PyrtCont_ArgRange("list", nargs, 0, 1) < 0) return NULL;
    PyrtType *t = (type && PyrtType_IsSubtype((PyrtType *)type, &PyrtType_List)) ? (PyrtType *)type : &PyrtType_List;
    PyrtObject *l = list_alloc(t, 0);
    if (l && nargs == 1 && PyrtList_Extend(l, args[0]) < 0) PYRT_CLEAR(l);
    return l;
}

/* ================================================================== methods */

PYRT_LIST_METH(append) {
    if (PyrtCont_OneArg("list.append", nargs, kwnames) < 0) return NULL;
    if (PyrtList_Append(self, args[0]) < 0) return NULL;
    return Pyrt_None;
}

PYRT_LIST_METH(extend) {
    if (PyrtCont_OneArg("list.extend", nargs, kwnames) < 0) return NULL;
    if (PyrtList_Extend(self, args[0]) < 0) return NULL;
    return Pyrt_None;
}

PYRT_LIST_METH(insert) {
    int64_t i;
    if (PyrtCont_NoKw("list.insert", kwnames) < 0 || PyrtCont_ArgRange("insert", nargs, 2, 2) < 0) return NULL;
    if (PyrtCont_AsIndex(args[0], &i) < 0) return NULL;
    if (PyrtList_Insert(self, i, args[1]) < 0) return NULL;
    return Pyrt_None;
}

PYRT_LIST_METH(pop) {
    int64_t i = -1;
    if (PyrtCont_NoKw("list.pop", kwnames) < 0 || PyrtCont_ArgRange("pop", nargs, 0, 1) < 0) return NULL;
    if (nargs == 1 && PyrtCont_AsIndex(args[0], &i) < 0) return NULL;
    return PyrtList_Pop(self, i);
}

PYRT_LIST_METH(remove) {
    if (PyrtCont_OneArg("list.remove", nargs, kwnames) < 0) return NULL;
    if (PyrtList_Remove(self, args[0]) < 0) return NULL;
    return Pyrt_None;
}

PYRT_LIST_METH(index) {
    int64_t start = 0, stop = INT64_MAX;
    if (PyrtCont_NoKw("list.index", kwnames) < 0 || PyrtCont_ArgRange("index", nargs, 1, 3) < 0) return NULL;
    if (nargs >= 2 && PyrtCont_SliceIndexNotNone(args[1], &start) < 0) return NULL;
    if (nargs >= 3 && PyrtCont_SliceIndexNotNone(args[2], &stop) < 0) return NULL;
    int64_t i = PyrtList_Index(self, args[0], start, stop);
    return i < 0 ? NULL : PyrtInt_FromI64(i);
}

PYRT_LIST_METH(count) {
    if (PyrtCont_OneArg("list.count", nargs, kwnames) < 0) return NULL;
    int64_t c = PyrtList_Count(self, args[0]);
    return c < 0 ? NULL : PyrtInt_FromI64(c);
}

PYRT_LIST_METH(reverse) {
    if (PyrtCont_NoArgs("list.reverse", nargs, kwnames) < 0) return NULL;
    PyrtList_Reverse(self);
    return Pyrt_None;
}

PYRT_LIST_METH(sort) {
    PyrtObject *key = NULL;
    int64_t reverse = 0, n = nkw(kwnames);
    if (nargs > 0) return Pyrt_ErrSetString(&PyrtType_TypeError, "sort() takes no positional arguments");
    if (n > 2)
        return PyrtCont_Err(&PyrtType_TypeError, "sort() takes at most 2 keyword arguments (%lld given)", (long long)n);
    for (int64_t i = 0; i < n; i++) {
        const char *name = PyrtStr_UTF8(PyrtTuple_GetBorrowed(kwnames, i));
        PyrtObject *v = args[nargs + i];
        if (strcmp(name, "key") == 0) key = v;
        else if (strcmp(name, "reverse") == 0) { if (PyrtCont_AsIndex(v, &reverse) < 0) return NULL; }
        else return PyrtCont_Err(&PyrtType_TypeError, "'%s' is an invalid keyword argument for sort()", name);
    }
    if (key == Pyrt_None) key = NULL;
    if (PyrtList_Sort(self, key, reverse != 0) < 0) return NULL;
    return Pyrt_None;
}

PYRT_LIST_METH(copy) {
    if (PyrtCont_NoArgs("list.copy", nargs, kwnames) < 0) return NULL;
    return PyrtList_Copy(self);
}

PYRT_LIST_METH(clear) {
    if (PyrtCont_NoArgs("list.clear", nargs, kwnames) < 0) return NULL;
    PyrtList_Clear(self);
    return Pyrt_None;
}

static const PyrtMethodDef list_methods[] = {
    {"__init__", PyrtBuiltin_meth___init__},
    {"append", PyrtList_meth_append}, {"extend", PyrtList_meth_extend}, {"insert", PyrtList_meth_insert},
    {"pop", PyrtList_meth_pop}, {"remove", PyrtList_meth_remove}, {"index", PyrtList_meth_index},
    {"count", PyrtList_meth_count}, {"reverse", PyrtList_meth_reverse}, {"sort", PyrtList_meth_sort},
    {"copy", PyrtList_meth_copy}, {"clear", PyrtList_meth_clear}, {NULL, NULL},
};

PyrtType PyrtType_List = {
    .ob = PYRT_TYPE_HEAD,
    .name = "list",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtList),
    .flags = PYRT_TPFLAG_LIST | PYRT_TPFLAG_GC | PYRT_TPFLAG_UNTRACKED | PYRT_TPFLAG_BASETYPE,   /* tracked when kind is OBJ */
    .dealloc = list_dealloc,
    .traverse = list_traverse,
    .repr = PyrtList_Repr,
    .hash = PyrtCont_Unhashable,
    .richcompare = PyrtList_RichCompare,
    .iter = PyrtListIter_New,
    .len = list_len,
    .getitem = PyrtList_Subscript,
    .setitem = PyrtList_AssSubscript,
    .contains = PyrtList_Contains,
};

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_list(void)
{
    PyrtType_List.methods = list_methods;
}
void pyrt_lazy_binop_list(void)
{
    PyrtType_List.binop = list_binop;
}
void pyrt_lazy_tp_new_list(void)
{
    PyrtType_List.tp_new = PyrtList_TpNew;
}
