/* range.c: the range type (PyrtType_Range: length, indexing and slicing, the arithmetic `in` fast
 * path for ints, ==, hash, repr "range(0, 5)" / "range(0, 10, 2)", count/index, start/stop/step
 * attributes, reversed(range), the range(...) constructor) and the slice type (PyrtType_Slice:
 * slice(...), repr "slice(1, 2, None)", comparison, indices(), and PyrtSlice_Indices, which
 * resolves a slice against a length exactly like CPython's PySlice_Unpack + PySlice_AdjustIndices).
 * The range iterator lives in iter.c. */
#include "pyrt.h"
#include <stdio.h>

/* ================================================================== slice resolution */

int64_t PyrtSlice_Adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step) {
    if (step == 1 && *start >= 0 && *stop >= 0) {   /* the common a[i:j]: no division */
        if (*start > length) *start = length;
        if (*stop > length) *stop = length;
        return *stop > *start ? *stop - *start : 0;
    }
    if (*start < 0) {
        *start += length;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step == -1) return *stop < *start ? *start - *stop : 0;
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

static bool is_none(PyrtObject *o) { return o == NULL || o == Pyrt_None; }

static int slice_index(PyrtObject *o, int64_t *out) {
    if (PYRT_LIKELY(PyrtCont_IsInt(o))) { *out = PyrtInt_AsClamped(o); return 0; }
    Pyrt_ErrSetString(&PyrtType_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

int PyrtSlice_Indices(PyrtObject *start, PyrtObject *stop, PyrtObject *step, int64_t length,
                      int64_t *rstart, int64_t *rstop, int64_t *rstep, int64_t *rlen) {
    int64_t st = 1, a, b;
    if (!is_none(step)) {
        if (slice_index(step, &st) < 0) return -1;
        if (st == 0) {
            Pyrt_ErrSetString(&PyrtType_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (st < -INT64_MAX) st = -INT64_MAX;
    }
    if (is_none(start)) a = st < 0 ? INT64_MAX : 0;
    else if (slice_index(start, &a) < 0) return -1;
    if (is_none(stop)) b = st < 0 ? INT64_MIN : INT64_MAX;
    else if (slice_index(stop, &b) < 0) return -1;
    int64_t n = PyrtSlice_Adjust(length, &a, &b, st);
    *rstart = a;
    *rstop = b;
    *rstep = st;
    if (rlen) *rlen = n;
    return 0;
}

/* ================================================================== slice objects */

static PyrtObject *slice_repr(PyrtObject *o);
static PyrtObject *slice_richcompare(PyrtObject *a, PyrtObject *b, int op);

PyrtSliceHooks pyrt_slice_hooks;

/* The only place slice objects are made: sets the repr/comparison slots, which programs without
 * slice objects then do not link (getitem slots check for PyrtType_Slice). */
PyrtObject *PyrtSlice_New(PyrtObject *start, PyrtObject *stop, PyrtObject *step) {
    PyrtSlice *s = (PyrtSlice *)Pyrt_Alloc(&PyrtType_Slice, sizeof(PyrtSlice));
    if (!s) return NULL;
    PyrtType_Slice.repr = slice_repr;
    PyrtType_Slice.richcompare = slice_richcompare;
    pyrt_slice_hooks.str = PyrtStr_SliceSubscript;
    pyrt_slice_hooks.tuple = PyrtTuple_SliceSubscript;
    s->start = start ? start : Pyrt_None;
    s->stop = stop ? stop : Pyrt_None;
    s->step = step ? step : Pyrt_None;
    Pyrt_IncRef(s->start);
    Pyrt_IncRef(s->stop);
    Pyrt_IncRef(s->step);
    return &s->ob;
}

static void slice_dealloc(PyrtObject *o) {
    PyrtSlice *s = (PyrtSlice *)o;
    PYRT_CLEAR(s->start);
    PYRT_CLEAR(s->stop);
    PYRT_CLEAR(s->step);
}

static PyrtObject *slice_repr(PyrtObject *o) {
    PyrtSlice *s = (PyrtSlice *)o;
    PyrtContBuf b = {0};
    int rc = PyrtContBuf_AppendC(&b, "slice(");
    if (rc == 0) rc = PyrtContBuf_AppendRepr(&b, s->start);
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, ", ");
    if (rc == 0) rc = PyrtContBuf_AppendRepr(&b, s->stop);
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, ", ");
    if (rc == 0) rc = PyrtContBuf_AppendRepr(&b, s->step);
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, ")");
    if (rc < 0) { PyrtContBuf_Free(&b); return NULL; }
    return PyrtContBuf_Finish(&b);
}

static PyrtObject *slice_richcompare(PyrtObject *a, PyrtObject *b, int op) {
    if (a->type != &PyrtType_Slice || b->type != &PyrtType_Slice) return Pyrt_NotImplemented;
    PyrtSlice *x = (PyrtSlice *)a, *y = (PyrtSlice *)b;
    PyrtObject *items1[3] = {x->start, x->stop, x->step}, *items2[3] = {y->start, y->stop, y->step};
    PyrtObject *t1 = PyrtTuple_FromArray(items1, 3), *t2 = t1 ? PyrtTuple_FromArray(items2, 3) : NULL;
    PyrtObject *r = t2 ? PyrtTuple_RichCompare(t1, t2, op) : NULL;
    PYRT_XDECREF(t1);
    PYRT_XDECREF(t2);
    return r;
}

static PyrtObject *slice_getattr(PyrtObject *o, PyrtObject *name) {
    PyrtSlice *s = (PyrtSlice *)o;
    const char *n = PyrtStr_UTF8(name);
    PyrtObject *v = strcmp(n, "start") == 0 ? s->start : strcmp(n, "stop") == 0 ? s->stop
                  : strcmp(n, "step") == 0 ? s->step : NULL;
    if (!v) return Pyrt_GenericGetAttr(o, name);
    Pyrt_IncRef(v);
    return v;
}

PyrtObject *PyrtSlice_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)type;
    if (PyrtCont_NoKw("slice", kwnames) < 0 || PyrtCont_ArgRange("slice", nargs, 1, 3) < 0) return NULL;
    if (nargs == 1) return PyrtSlice_New(NULL, args[0], NULL);
    return PyrtSlice_New(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

PyrtObject *PyrtSlice_meth_indices(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    int64_t len, a, b, st;
    if (PyrtCont_OneArg("slice.indices", nargs, kwnames) < 0) return NULL;
    if (PyrtCont_AsIndex(args[0], &len) < 0) return NULL;
    if (len < 0) return Pyrt_ErrSetString(&PyrtType_ValueError, "length should not be negative");
    if (PyrtSlice_Resolve(self, len, &a, &b, &st, NULL) < 0) return NULL;
    PyrtObject *items[3] = {PyrtInt_FromI64(a), PyrtInt_FromI64(b), PyrtInt_FromI64(st)};
    PyrtObject *t = (items[0] && items[1] && items[2]) ? PyrtTuple_FromArray(items, 3) : NULL;
    for (int i = 0; i < 3; i++) PYRT_XDECREF(items[i]);
    return t;
}

static const PyrtMethodDef slice_methods[] = {{"indices", PyrtSlice_meth_indices}, {NULL, NULL}};

PyrtType PyrtType_Slice = {
    .ob = PYRT_TYPE_HEAD,
    .name = "slice",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtSlice),
    .flags = PYRT_TPFLAG_NOSUBCLASS,
    .dealloc = slice_dealloc,
    /* .repr, .richcompare: set by PyrtSlice_New */
    .hash = PyrtCont_Unhashable,
};

/* ================================================================== range */

/* Number of items, or -1 when it does not fit in int64 (the caller raises). */
static int64_t range_length(int64_t start, int64_t stop, int64_t step) {
    uint64_t n;
    if (step > 0) {
        if (start >= stop) return 0;
        n = ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    } else {
        if (start <= stop) return 0;
        n = ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
    }
    return n > (uint64_t)INT64_MAX ? -1 : (int64_t)n;
}

static PyrtObject *range_make(int64_t start, int64_t stop, int64_t step, int64_t length) {
    PyrtRange *r = (PyrtRange *)Pyrt_Alloc(&PyrtType_Range, sizeof(PyrtRange));
    if (!r) return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    r->big = NULL;
    return &r->ob;
}

/* ---- ranges beyond int64 (range(1 << 1000)): arithmetic on int objects */

static PyrtObject *bigop(PyrtObject *a, PyrtObject *b, int op) { return Pyrt_BinaryOp(a, b, op); }

/* a long range (steals nothing); its length: (stop - start + step - sign(step)) // step, or 0 */
static PyrtObject *long_range_new(PyrtObject *start, PyrtObject *stop, PyrtObject *step) {
    PyrtObject *zero = PyrtInt_FromI64(0);
    if (!zero) return NULL;
    int pos = Pyrt_RichCompareBool(step, zero, PYRT_GT);
    if (pos < 0) { Pyrt_DecRef(zero); return NULL; }
    int empty = Pyrt_RichCompareBool(start, stop, pos ? PYRT_GE : PYRT_LE);
    PyrtObject *len = NULL;
    if (empty > 0) {
        len = zero;
        Pyrt_IncRef(len);
    } else if (empty == 0) {
        /* pos: (stop - start - 1) // step + 1; neg: (start - stop - 1) // (-step) + 1 */
        PyrtObject *one = PyrtInt_FromI64(1);
        PyrtObject *d = one ? (pos ? bigop(stop, start, PYRT_SUB) : bigop(start, stop, PYRT_SUB)) : NULL;
        PyrtObject *d1 = d ? bigop(d, one, PYRT_SUB) : NULL;
        PyrtObject *s = d1 ? (pos ? (Pyrt_IncRef(step), step) : Pyrt_UnaryOp(step, PYRT_NEG)) : NULL;
        PyrtObject *q = s ? bigop(d1, s, PYRT_FLOORDIV) : NULL;
        len = q ? bigop(q, one, PYRT_ADD) : NULL;
        Pyrt_XDecRef(one); Pyrt_XDecRef(d); Pyrt_XDecRef(d1); Pyrt_XDecRef(s); Pyrt_XDecRef(q);
    }
    Pyrt_DecRef(zero);
    if (!len) return NULL;
    PyrtObject *t = PyrtTuple_New(4);
    if (!t) { Pyrt_DecRef(len); return NULL; }
    Pyrt_IncRef(start); Pyrt_IncRef(stop); Pyrt_IncRef(step);
    PyrtTuple_SetNew_Steal(t, 0, start);
    PyrtTuple_SetNew_Steal(t, 1, stop);
    PyrtTuple_SetNew_Steal(t, 2, step);
    PyrtTuple_SetNew_Steal(t, 3, len);
    PyrtRange *r = (PyrtRange *)range_make(0, 0, 1, 0);
    if (!r) { Pyrt_DecRef(t); return NULL; }
    r->big = t;
    return &r->ob;
}

#define BIG(r, i) (((PyrtTuple *)(r)->big)->items[i])

static PyrtObject *long_range_unsupported(void) {
    return Pyrt_ErrSetString(&PyrtType_OverflowError,
                             "pyrite: a range beyond 64-bit ints supports iteration, len(), repr(), ==, "
                             "its start/stop/step and `in` for ints; not this operation yet");
}

/* the iterator of a long range: next = start + i * step while i < length */
typedef struct { PyrtObject ob; PyrtObject *next, *step, *left; } LongRangeIter;

static void longrangeiter_dealloc(PyrtObject *o) {
    LongRangeIter *it = (LongRangeIter *)o;
    Pyrt_XDecRef(it->next); Pyrt_XDecRef(it->step); Pyrt_XDecRef(it->left);
}

static PyrtObject *longrangeiter_next(PyrtObject *o) {
    LongRangeIter *it = (LongRangeIter *)o;
    PyrtObject *zero = PyrtInt_FromI64(0);
    if (!zero) return NULL;
    int more = Pyrt_RichCompareBool(it->left, zero, PYRT_GT);
    Pyrt_DecRef(zero);
    if (more <= 0) return NULL;
    PyrtObject *one = PyrtInt_FromI64(1);
    PyrtObject *left = one ? bigop(it->left, one, PYRT_SUB) : NULL;
    PyrtObject *next = left ? bigop(it->next, it->step, PYRT_ADD) : NULL;
    Pyrt_XDecRef(one);
    if (!next) { Pyrt_XDecRef(left); return NULL; }
    PyrtObject *v = it->next;
    Pyrt_DecRef(it->left);
    it->left = left;
    it->next = next;
    return v;
}

PyrtType PyrtType_LongRangeIter = {
    .ob = PYRT_TYPE_HEAD, .name = "longrange_iterator", .base = &PyrtType_Object,
    .basicsize = sizeof(LongRangeIter), .flags = PYRT_TPFLAG_NOSUBCLASS, .dealloc = longrangeiter_dealloc,
    .iter = PyrtIter_SelfIter, .iternext = longrangeiter_next,
};

static PyrtObject *long_range_iter(PyrtRange *r, bool reversed) {
    LongRangeIter *it = (LongRangeIter *)Pyrt_Alloc(&PyrtType_LongRangeIter, sizeof(LongRangeIter));
    if (!it) return NULL;
    if (!reversed) {
        it->next = BIG(r, 0); Pyrt_IncRef(it->next);
        it->step = BIG(r, 2); Pyrt_IncRef(it->step);
    } else {   /* from start + (length - 1) * step, by -step */
        PyrtObject *one = PyrtInt_FromI64(1);
        PyrtObject *n1 = one ? bigop(BIG(r, 3), one, PYRT_SUB) : NULL;
        PyrtObject *off = n1 ? bigop(n1, BIG(r, 2), PYRT_MUL) : NULL;
        it->next = off ? bigop(BIG(r, 0), off, PYRT_ADD) : NULL;
        it->step = it->next ? Pyrt_UnaryOp(BIG(r, 2), PYRT_NEG) : NULL;
        Pyrt_XDecRef(one); Pyrt_XDecRef(n1); Pyrt_XDecRef(off);
        if (!it->step) { Pyrt_DecRef(&it->ob); return NULL; }
    }
    it->left = BIG(r, 3); Pyrt_IncRef(it->left);
    return &it->ob;
}

PyrtObject *PyrtRange_New(int64_t start, int64_t stop, int64_t step) {
    if (step == 0) return Pyrt_ErrSetString(&PyrtType_ValueError, "range() arg 3 must not be zero");
    int64_t n = range_length(start, stop, step);
    if (n < 0) return Pyrt_ErrSetString(&PyrtType_OverflowError, "Python int too large to convert to C ssize_t");
    return range_make(start, stop, step, n);
}

static int64_t range_item(PyrtRange *r, int64_t i) {
    return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

PyrtObject *PyrtRange_GetItem(PyrtObject *o, int64_t i) {
    PyrtRange *r = (PyrtRange *)o;
    if (PYRT_UNLIKELY(r->big)) return long_range_unsupported();
    if (i < 0) i += r->length;
    if ((uint64_t)i >= (uint64_t)r->length)
        return Pyrt_ErrSetString(&PyrtType_IndexError, "range object index out of range");
    return PyrtInt_FromI64(range_item(r, i));
}

PyrtObject *PyrtRange_Subscript(PyrtObject *o, PyrtObject *key) {
    PyrtRange *r = (PyrtRange *)o;
    if (PYRT_UNLIKELY(r->big)) return long_range_unsupported();
    if (PyrtCont_IsInt(key)) return PyrtRange_GetItem(o, PyrtInt_AsClamped(key));   /* big: out of range */
    if (key->type != &PyrtType_Slice)
        return PyrtCont_Err(&PyrtType_TypeError, "range indices must be integers or slices, not %s", key->type->name);
    int64_t a, b, st, n, step;
    if (PyrtSlice_Resolve(key, r->length, &a, &b, &st, &n) < 0) return NULL;
    if (__builtin_mul_overflow(r->step, st, &step))
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "Python int too large to convert to C ssize_t");
    return range_make(range_item(r, a), range_item(r, b), step, n);
}

/* Position of the int v in r, or -1. */
static int64_t range_find(PyrtRange *r, int64_t v) {
    uint64_t d, s;
    if (r->step > 0) {
        if (v < r->start || v >= r->stop) return -1;
        d = (uint64_t)v - (uint64_t)r->start;
        s = (uint64_t)r->step;
    } else {
        if (v > r->start || v <= r->stop) return -1;
        d = (uint64_t)r->start - (uint64_t)v;
        s = 0 - (uint64_t)r->step;
    }
    return d % s == 0 ? (int64_t)(d / s) : -1;
}

/* Generic search for non-int values (2.0 in range(5)): position or -1; -2 on error. */
static int64_t range_search(PyrtRange *r, PyrtObject *v) {
    for (int64_t i = 0; i < r->length; i++) {
        PyrtObject *item = PyrtInt_FromI64(range_item(r, i));
        if (!item) return -2;
        int c = Pyrt_RichCompareBool(item, v, PYRT_EQ);
        Pyrt_DecRef(item);
        if (c < 0) return -2;
        if (c) return i;
    }
    return -1;
}

int PyrtRange_Contains(PyrtObject *o, PyrtObject *v) {
    PyrtRange *r = (PyrtRange *)o;
    int64_t x;
    if (PYRT_UNLIKELY(r->big)) {
        if (!PyrtCont_IsInt(v)) return long_range_unsupported(), -1;
        /* start <= v < stop (or the reverse) and (v - start) % step == 0 */
        PyrtObject *zero = PyrtInt_FromI64(0);
        int pos = zero ? Pyrt_RichCompareBool(BIG(r, 2), zero, PYRT_GT) : -1;
        int lo = pos < 0 ? -1 : Pyrt_RichCompareBool(BIG(r, 0), v, pos ? PYRT_LE : PYRT_GE);
        int hi = lo <= 0 ? lo : Pyrt_RichCompareBool(v, BIG(r, 1), pos ? PYRT_LT : PYRT_GT);
        int rc = hi;
        if (hi > 0) {
            PyrtObject *d = bigop(v, BIG(r, 0), PYRT_SUB);
            PyrtObject *m = d ? bigop(d, BIG(r, 2), PYRT_MOD) : NULL;
            rc = m ? Pyrt_RichCompareBool(m, zero, PYRT_EQ) : -1;
            Pyrt_XDecRef(d); Pyrt_XDecRef(m);
        }
        Pyrt_XDecRef(zero);
        return rc;
    }
    if (PyrtCont_IsInt(v)) return PyrtInt_ToI64(v, &x) && range_find(r, x) >= 0;
    int64_t i = range_search(r, v);
    return i == -2 ? -1 : i >= 0;
}

static PyrtObject *range_repr(PyrtObject *o) {
    PyrtRange *r = (PyrtRange *)o;
    if (PYRT_UNLIKELY(r->big)) {
        PyrtObject *one = PyrtInt_FromI64(1);
        int unit = one ? Pyrt_RichCompareBool(BIG(r, 2), one, PYRT_EQ) : -1;
        Pyrt_XDecRef(one);
        if (unit < 0) return NULL;
        return unit ? Pyrt_StrFormat("range(%R, %R)", BIG(r, 0), BIG(r, 1))
                    : Pyrt_StrFormat("range(%R, %R, %R)", BIG(r, 0), BIG(r, 1), BIG(r, 2));
    }
    char buf[96];
    if (r->step == 1) Pyrt_Snprintf(buf, sizeof buf, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    else Pyrt_Snprintf(buf, sizeof buf, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                  (long long)r->step);
    return PyrtStr_FromCString(buf);
}

static bool range_equal(PyrtRange *a, PyrtRange *b) {
    if (a == b) return true;
    if (a->big || b->big) {   /* (a long range never equals a 64-bit one: its length or bounds differ) */
        if (!a->big || !b->big) return false;
        int r = Pyrt_RichCompareBool(a->big, b->big, PYRT_EQ);
        if (r < 0) Pyrt_ErrClear();
        return r > 0;
    }
    if (a->length != b->length) return false;
    if (a->length == 0) return true;
    if (a->start != b->start) return false;
    if (a->length == 1) return true;
    return a->step == b->step;
}

static PyrtObject *range_richcompare(PyrtObject *a, PyrtObject *b, int op) {
    if (a->type != &PyrtType_Range || b->type != &PyrtType_Range || (op != PYRT_EQ && op != PYRT_NE))
        return Pyrt_NotImplemented;
    bool eq = range_equal((PyrtRange *)a, (PyrtRange *)b);
    return Pyrt_BoolFromC(op == PYRT_EQ ? eq : !eq);
}

static int64_t range_hash(PyrtObject *o) {
    PyrtRange *r = (PyrtRange *)o;
    if (PYRT_UNLIKELY(r->big)) return Pyrt_Hash(r->big);
    int64_t h[3];
    h[0] = PyrtI64_Hash(r->length);
    h[1] = r->length == 0 ? Pyrt_Hash(Pyrt_None) : PyrtI64_Hash(r->start);
    h[2] = r->length <= 1 ? Pyrt_Hash(Pyrt_None) : PyrtI64_Hash(r->step);
    return PyrtTuple_HashOfHashes(h, 3);
}

static int64_t range_len(PyrtObject *o) {
    PyrtRange *r = (PyrtRange *)o;
    if (PYRT_UNLIKELY(r->big)) {
        int64_t n;
        return PyrtInt_AsSsize(BIG(r, 3), &n) < 0 ? -1 : n;
    }
    return r->length;
}

static PyrtObject *range_iter(PyrtObject *o) {
    PyrtRange *r = (PyrtRange *)o;
    if (PYRT_UNLIKELY(r->big)) return long_range_iter(r, false);
    return PyrtRangeIter_New(r->start, r->step, r->length);
}

PyrtObject *PyrtRange_Reversed(PyrtObject *o) {
    PyrtRange *r = (PyrtRange *)o;
    if (PYRT_UNLIKELY(r->big)) return long_range_iter(r, true);
    int64_t last = r->length ? range_item(r, r->length - 1) : r->start;
    return PyrtRangeIter_New(last, (int64_t)(0 - (uint64_t)r->step), r->length);
}

static PyrtObject *range_getattr(PyrtObject *o, PyrtObject *name) {
    PyrtRange *r = (PyrtRange *)o;
    const char *n = PyrtStr_UTF8(name);
    if (PYRT_UNLIKELY(r->big)) {
        int i = strcmp(n, "start") == 0 ? 0 : strcmp(n, "stop") == 0 ? 1 : strcmp(n, "step") == 0 ? 2 : -1;
        if (i >= 0) { Pyrt_IncRef(BIG(r, i)); return BIG(r, i); }
    }
    if (strcmp(n, "start") == 0) return PyrtInt_FromI64(r->start);
    if (strcmp(n, "stop") == 0) return PyrtInt_FromI64(r->stop);
    if (strcmp(n, "step") == 0) return PyrtInt_FromI64(r->step);
    return Pyrt_GenericGetAttr(o, name);
}

PyrtObject *PyrtRange_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)type;
    int64_t v[3] = {0, 0, 1};
    if (PyrtCont_NoKw("range", kwnames) < 0 || PyrtCont_ArgRange("range", nargs, 1, 3) < 0) return NULL;
    for (int64_t i = 0; i < nargs; i++)
        if (PyrtCont_AsIndex(args[i], &v[nargs == 1 ? 1 : i]) < 0) {
            if (!PyrtCont_IsInt(args[i]) || Pyrt_ErrMatches((PyrtObject *)&PyrtType_OverflowError) != 1)
                return NULL;
            Pyrt_ErrClear();   /* an int beyond 64 bits: a long range */
            PyrtObject *zero = PyrtInt_FromI64(0), *one = PyrtInt_FromI64(1);
            PyrtObject *a = nargs == 1 ? zero : args[0], *b = nargs == 1 ? args[0] : args[1];
            PyrtObject *c = nargs == 3 ? args[2] : one;
            PyrtObject *r = NULL;
            if (zero && one) {
                int z = Pyrt_RichCompareBool(c, zero, PYRT_EQ);
                r = z < 0 ? NULL : z ? Pyrt_ErrSetString(&PyrtType_ValueError, "range() arg 3 must not be zero")
                  : (!PyrtCont_IsInt(a) || !PyrtCont_IsInt(b) || !PyrtCont_IsInt(c))
                  ? Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer",
                                   (!PyrtCont_IsInt(a) ? a : !PyrtCont_IsInt(b) ? b : c)->type->name)
                  : long_range_new(a, b, c);
            }
            Pyrt_XDecRef(zero); Pyrt_XDecRef(one);
            return r;
        }
    PyrtObject *r = PyrtRange_New(v[0], v[1], v[2]);
    if (!r && Pyrt_ErrMatches((PyrtObject *)&PyrtType_OverflowError) == 1) {
        /* 64-bit bounds whose length does not fit (range(-2**63, 2**63 - 1)) */
        Pyrt_ErrClear();
        PyrtObject *a = PyrtInt_FromI64(v[0]), *b = PyrtInt_FromI64(v[1]), *c = PyrtInt_FromI64(v[2]);
        r = a && b && c ? long_range_new(a, b, c) : NULL;
        Pyrt_XDecRef(a); Pyrt_XDecRef(b); Pyrt_XDecRef(c);
    }
    return r;
}

PyrtObject *PyrtRange_meth_count(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    PyrtRange *r = (PyrtRange *)self;
    if (PYRT_UNLIKELY(r->big)) return long_range_unsupported();
    if (PyrtCont_OneArg("range.count", nargs, kwnames) < 0) return NULL;
    int64_t x;
    if (PyrtCont_IsInt(args[0])) return PyrtInt_FromI64(PyrtInt_ToI64(args[0], &x) && range_find(r, x) >= 0);
    int64_t count = 0;
    for (int64_t i = 0; i < r->length; i++) {
        PyrtObject *item = PyrtInt_FromI64(range_item(r, i));
        if (!item) return NULL;
        int c = Pyrt_RichCompareBool(item, args[0], PYRT_EQ);
        Pyrt_DecRef(item);
        if (c < 0) return NULL;
        count += c;
    }
    return PyrtInt_FromI64(count);
}

PyrtObject *PyrtRange_meth_index(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    if (PYRT_UNLIKELY(((PyrtRange *)self)->big)) return long_range_unsupported();
    PyrtRange *r = (PyrtRange *)self;
    if (PyrtCont_OneArg("range.index", nargs, kwnames) < 0) return NULL;
    int64_t x;
    int64_t i = PyrtCont_IsInt(args[0]) ? (PyrtInt_ToI64(args[0], &x) ? range_find(r, x) : -1) : range_search(r, args[0]);
    if (i == -2) return NULL;
    if (i >= 0) return PyrtInt_FromI64(i);
    PyrtObject *rep = Pyrt_Repr(args[0]);
    if (!rep) return NULL;
    PyrtCont_Err(&PyrtType_ValueError, "%s is not in range", PyrtStr_UTF8(rep));
    Pyrt_DecRef(rep);
    return NULL;
}

static const PyrtMethodDef range_methods[] = {
    {"count", PyrtRange_meth_count}, {"index", PyrtRange_meth_index}, {NULL, NULL},
};

static void range_dealloc(PyrtObject *o) { Pyrt_XDecRef(((PyrtRange *)o)->big); }

static int range_bool(PyrtObject *o) {
    PyrtRange *r = (PyrtRange *)o;
    return r->big ? 1 : r->length != 0;   /* (a long range is never empty: its bounds are beyond 64 bits
                                              or its length is) */
}

PyrtType PyrtType_Range = {
    .ob = PYRT_TYPE_HEAD,
    .name = "range",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtRange),
    .flags = PYRT_TPFLAG_NOSUBCLASS,
    .dealloc = range_dealloc,
    .bool_ = range_bool,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .len = range_len,
    .getitem = PyrtRange_Subscript,
    .contains = PyrtRange_Contains,
};

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_range(void)
{
    PyrtType_Slice.methods = slice_methods;
    PyrtType_Range.methods = range_methods;
}
void pyrt_lazy_getattr_range(void)
{
    PyrtType_Slice.getattr = slice_getattr;
    PyrtType_Range.getattr = range_getattr;
}
void pyrt_lazy_tp_new_range(void)
{
    PyrtType_Slice.tp_new = PyrtSlice_TpNew;
    PyrtType_Range.tp_new = PyrtRange_TpNew;
}
