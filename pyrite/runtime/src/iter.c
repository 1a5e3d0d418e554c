/* iter.c: the iterator types of the sequences (list_iterator, list_reverseiterator,
 * tuple_iterator, range_iterator, and the generic "iterator" that walks __getitem__ 0, 1, 2, ...
 * until IndexError) and the builtin iterator types with their constructors: enumerate (start=),
 * zip (any number of iterables, strict=), map, filter (None = truthiness) and reversed (lists,
 * ranges, dicts and their views, user __reversed__, else any sequence with len and getitem).
 * Every iterator's iter slot returns itself; an exhausted iterator drops its source. */
#include "pyrt.h"

PyrtObject *PyrtIter_SelfIter(PyrtObject *it) {
    Pyrt_IncRef(it);
    return it;
}

static int64_t nkw(PyrtObject *kwnames) { return kwnames ? PyrtTuple_Len(kwnames) : 0; }

/* ================================================================== list / tuple iterators */

typedef struct { PyrtObject ob; PyrtObject *seq; int64_t index; } SeqIterObject;

static void seqiter_dealloc(PyrtObject *o) { PYRT_CLEAR(((SeqIterObject *)o)->seq); }

static PyrtObject *seqiter_alloc(PyrtType *type, PyrtObject *seq, int64_t index) {
    SeqIterObject *it = (SeqIterObject *)Pyrt_Alloc(type, sizeof(SeqIterObject));
    if (!it) return NULL;
    Pyrt_IncRef(seq);
    it->seq = seq;
    it->index = index;
    return &it->ob;
}

PyrtObject *PyrtListIter_New(PyrtObject *l) { return seqiter_alloc(&PyrtType_ListIter, l, 0); }
PyrtObject *PyrtListRevIter_New(PyrtObject *l) {
    return seqiter_alloc(&PyrtType_ListRevIter, l, PyrtList_Len(l) - 1);
}
PyrtObject *PyrtTupleIter_New(PyrtObject *t) { return seqiter_alloc(&PyrtType_TupleIter, t, 0); }
PyrtObject *PyrtSeqIter_New(PyrtObject *seq) { return seqiter_alloc(&PyrtType_SeqIter, seq, 0); }

static PyrtObject *listiter_next(PyrtObject *o) {
    SeqIterObject *it = (SeqIterObject *)o;
    PyrtList *l = (PyrtList *)it->seq;
    if (!l) return NULL;
    if (it->index < l->length)
        return PyrtList_ItemNew(&l->ob, it->index++);
    PYRT_CLEAR(it->seq);
    return NULL;
}

static PyrtObject *listreviter_next(PyrtObject *o) {
    SeqIterObject *it = (SeqIterObject *)o;
    PyrtList *l = (PyrtList *)it->seq;
    if (!l) return NULL;
    if (it->index >= 0 && it->index < l->length)
        return PyrtList_ItemNew(&l->ob, it->index--);
    it->index = -1;
    PYRT_CLEAR(it->seq);
    return NULL;
}

static PyrtObject *tupleiter_next(PyrtObject *o) {
    SeqIterObject *it = (SeqIterObject *)o;
    PyrtTuple *t = (PyrtTuple *)it->seq;
    if (!t) return NULL;
    if (it->index < t->length) {
        PyrtObject *v = t->items[it->index++];
        Pyrt_IncRef(v);
        return v;
    }
    PYRT_CLEAR(it->seq);
    return NULL;
}

/* o[0], o[1], ... until IndexError or StopIteration */
static PyrtObject *getitemiter_next(PyrtObject *o) {
    SeqIterObject *it = (SeqIterObject *)o;
    if (!it->seq) return NULL;
    PyrtObject *i = PyrtInt_FromI64(it->index);
    if (!i) return NULL;
    PyrtObject *r = Pyrt_GetItem(it->seq, i);
    Pyrt_DecRef(i);
    if (r) {
        it->index++;
        return r;
    }
    if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_IndexError) == 1 ||
        Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopIteration) == 1) {
        Pyrt_ErrClear();
        PYRT_CLEAR(it->seq);
    }
    return NULL;
}

/* reversed(seq) for sequences without __reversed__: seq[len-1] ... seq[0] */
static PyrtObject *reversed_next(PyrtObject *o) {
    SeqIterObject *it = (SeqIterObject *)o;
    if (it->index >= 0 && it->seq) {
        PyrtObject *i = PyrtInt_FromI64(it->index);
        if (!i) return NULL;
        PyrtObject *r = Pyrt_GetItem(it->seq, i);
        Pyrt_DecRef(i);
        it->index--;
        if (r) return r;
        if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_IndexError) != 1 &&
            Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopIteration) != 1)
            return NULL;
        Pyrt_ErrClear();
    }
    it->index = -1;
    PYRT_CLEAR(it->seq);
    return NULL;
}

#define SEQITER_TYPE(var, tname, next) \
    PyrtType var = { .ob = PYRT_TYPE_HEAD, .name = tname, .base = &PyrtType_Object, \
                     .basicsize = sizeof(SeqIterObject), .flags = PYRT_TPFLAG_NOSUBCLASS, \
                     .dealloc = seqiter_dealloc, .iter = PyrtIter_SelfIter, .iternext = next }
SEQITER_TYPE(PyrtType_ListIter, "list_iterator", listiter_next);
SEQITER_TYPE(PyrtType_ListRevIter, "list_reverseiterator", listreviter_next);
SEQITER_TYPE(PyrtType_TupleIter, "tuple_iterator", tupleiter_next);
SEQITER_TYPE(PyrtType_SeqIter, "iterator", getitemiter_next);

/* ================================================================== range iterator */

typedef struct { PyrtObject ob; int64_t next, step, remaining; } RangeIterObject;

PyrtObject *PyrtRangeIter_New(int64_t start, int64_t step, int64_t length) {
    RangeIterObject *it = (RangeIterObject *)Pyrt_Alloc(&PyrtType_RangeIter, sizeof(RangeIterObject));
    if (!it) return NULL;
    it->next = start;
    it->step = step;
    it->remaining = length;
    return &it->ob;
}

static PyrtObject *rangeiter_next(PyrtObject *o) {
    RangeIterObject *it = (RangeIterObject *)o;
    if (it->remaining <= 0) return NULL;
    int64_t v = it->next;
    it->remaining--;
    it->next = (int64_t)((uint64_t)v + (uint64_t)it->step);   /* may wrap after the last item */
    return PyrtInt_FromI64(v);
}

PyrtType PyrtType_RangeIter = {
    .ob = PYRT_TYPE_HEAD, .name = "range_iterator", .base = &PyrtType_Object,
    .basicsize = sizeof(RangeIterObject), .flags = PYRT_TPFLAG_NOSUBCLASS,
    .iter = PyrtIter_SelfIter, .iternext = rangeiter_next,
};

/* ================================================================== enumerate */

typedef struct { PyrtObject ob; PyrtObject *it; int64_t count; } EnumerateObject;

PyrtObject *PyrtEnumerate_New(PyrtObject *iterable, int64_t start) {
    PyrtObject *it = Pyrt_GetIter(iterable);
    if (!it) return NULL;
    EnumerateObject *e = (EnumerateObject *)Pyrt_Alloc(&PyrtType_Enumerate, sizeof(EnumerateObject));
    if (!e) { Pyrt_DecRef(it); return NULL; }
    e->it = it;
    e->count = start;
    return &e->ob;
}

static void enumerate_dealloc(PyrtObject *o) { PYRT_CLEAR(((EnumerateObject *)o)->it); }

static PyrtObject *enumerate_next(PyrtObject *o) {
    EnumerateObject *e = (EnumerateObject *)o;
    PyrtObject *item = Pyrt_IterNext(e->it);
    if (!item) return NULL;
    PyrtObject *i = PyrtInt_FromI64(e->count);
    if (!i) { Pyrt_DecRef(item); return NULL; }
    e->count++;
    PyrtObject *t = PyrtTuple_Pack2(i, item);
    Pyrt_DecRef(i);
    Pyrt_DecRef(item);
    return t;
}

PyrtObject *PyrtEnumerate_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)type;
    PyrtObject *iterable = nargs > 0 ? args[0] : NULL, *start = nargs > 1 ? args[1] : NULL;
    int64_t n = nkw(kwnames), s = 0;
    if (nargs + n > 2)
        return PyrtCont_Err(&PyrtType_TypeError, "enumerate() takes at most 2 arguments (%lld given)",
                            (long long)(nargs + n));
    for (int64_t i = 0; i < n; i++) {
        const char *name = PyrtStr_UTF8(PyrtTuple_GetBorrowed(kwnames, i));
        int pos = strcmp(name, "iterable") == 0 ? 1 : strcmp(name, "start") == 0 ? 2 : 0;
        if (!pos) return PyrtCont_Err(&PyrtType_TypeError, "'%s' is an invalid keyword argument for enumerate()", name);
        if (nargs >= pos)
            return PyrtCont_Err(&PyrtType_TypeError, "argument for enumerate() given by name ('%s') and position (%d)",
                                name, pos);
        if (pos == 1) iterable = args[nargs + i]; else start = args[nargs + i];
    }
    if (!iterable) return Pyrt_ErrSetString(&PyrtType_TypeError, "enumerate() missing required argument 'iterable'");
    if (start && PyrtCont_AsIndex(start, &s) < 0) return NULL;
    return PyrtEnumerate_New(iterable, s);
}

PyrtType PyrtType_Enumerate = {
    .ob = PYRT_TYPE_HEAD, .name = "enumerate", .base = &PyrtType_Object,
    .basicsize = sizeof(EnumerateObject), .dealloc = enumerate_dealloc,
    .iter = PyrtIter_SelfIter, .iternext = enumerate_next,
};

/* ================================================================== zip */

typedef struct { PyrtObject ob; PyrtObject *iters; /* tuple */ int32_t strict; } ZipObject;

/* a tuple of iterators over iterables[0..n) */
static PyrtObject *iter_tuple(PyrtObject *const *iterables, int64_t n) {
    PyrtObject *t = PyrtTuple_New(n);
    if (!t) return NULL;
    for (int64_t i = 0; i < n; i++) {
        PyrtObject *it = Pyrt_GetIter(iterables[i]);
        if (!it) {
            for (int64_t j = i; j < n; j++) PyrtTuple_SetNew_Steal(t, j, Pyrt_None);
            Pyrt_DecRef(t);
            return NULL;
        }
        PyrtTuple_SetNew_Steal(t, i, it);
    }
    return t;
}

PyrtObject *PyrtZip_New(PyrtObject *const *iterables, int64_t n, int strict) {
    PyrtObject *iters = iter_tuple(iterables, n);
    if (!iters) return NULL;
    ZipObject *z = (ZipObject *)Pyrt_Alloc(&PyrtType_Zip, sizeof(ZipObject));
    if (!z) { Pyrt_DecRef(iters); return NULL; }
    z->iters = iters;
    z->strict = strict;
    return &z->ob;
}

static void zip_dealloc(PyrtObject *o) { PYRT_CLEAR(((ZipObject *)o)->iters); }

/* strict=True: argument i (0-based) ran out; the others must be exhausted at the same time */
static PyrtObject *zip_strict_check(ZipObject *z, int64_t i) {
    int64_t n = PyrtTuple_Len(z->iters);
    if (i > 0)
        return PyrtCont_Err(&PyrtType_ValueError, "zip() argument %lld is shorter than argument%s%lld",
                            (long long)(i + 1), i == 1 ? " " : "s 1-", (long long)i);
    for (i = 1; i < n; i++) {
        PyrtObject *item = Pyrt_IterNext(PyrtTuple_GetBorrowed(z->iters, i));
        if (item) {
            Pyrt_DecRef(item);
            return PyrtCont_Err(&PyrtType_ValueError, "zip() argument %lld is longer than argument%s%lld",
                                (long long)(i + 1), i == 1 ? " " : "s 1-", (long long)i);
        }
        if (Pyrt_ErrOccurred()) return NULL;
    }
    return NULL;
}

static PyrtObject *zip_next(PyrtObject *o) {
    ZipObject *z = (ZipObject *)o;
    int64_t n = PyrtTuple_Len(z->iters);
    if (n == 0) return NULL;
    PyrtObject *t = PyrtTuple_New(n);
    if (!t) return NULL;
    for (int64_t i = 0; i < n; i++) {
        PyrtObject *item = Pyrt_IterNext(PyrtTuple_GetBorrowed(z->iters, i));
        if (!item) {
            for (int64_t j = i; j < n; j++) PyrtTuple_SetNew_Steal(t, j, Pyrt_None);
            Pyrt_DecRef(t);
            if (Pyrt_ErrOccurred() || !z->strict) return NULL;
            return zip_strict_check(z, i);
        }
        PyrtTuple_SetNew_Steal(t, i, item);
    }
    return t;
}

PyrtObject *PyrtZip_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)type;
    int64_t n = nkw(kwnames);
    int strict = 0;
    if (n > 1) return PyrtCont_Err(&PyrtType_TypeError, "zip() takes at most 1 keyword argument (%lld given)", (long long)n);
    if (n == 1) {
        const char *name = PyrtStr_UTF8(PyrtTuple_GetBorrowed(kwnames, 0));
        if (strcmp(name, "strict") != 0)
            return PyrtCont_Err(&PyrtType_TypeError, "'%s' is an invalid keyword argument for zip()", name);
        strict = Pyrt_IsTrue(args[nargs]);
        if (strict < 0) return NULL;
    }
    return PyrtZip_New(args, nargs, strict);
}

PyrtType PyrtType_Zip = {
    .ob = PYRT_TYPE_HEAD, .name = "zip", .base = &PyrtType_Object, .basicsize = sizeof(ZipObject),
    .dealloc = zip_dealloc, .iter = PyrtIter_SelfIter, .iternext = zip_next,
};

/* ================================================================== map */

typedef struct { PyrtObject ob; PyrtObject *func, *iters; } MapObject;

PyrtObject *PyrtMap_New(PyrtObject *func, PyrtObject *const *iterables, int64_t n) {
    PyrtObject *iters = iter_tuple(iterables, n);
    if (!iters) return NULL;
    MapObject *m = (MapObject *)Pyrt_Alloc(&PyrtType_Map, sizeof(MapObject));
    if (!m) { Pyrt_DecRef(iters); return NULL; }
    Pyrt_IncRef(func);
    m->func = func;
    m->iters = iters;
    return &m->ob;
}

static void map_dealloc(PyrtObject *o) {
    PYRT_CLEAR(((MapObject *)o)->func);
    PYRT_CLEAR(((MapObject *)o)->iters);
}

static PyrtObject *map_next(PyrtObject *o) {
    MapObject *m = (MapObject *)o;
    int64_t n = PyrtTuple_Len(m->iters);
    PyrtObject *small[8], **items = n <= 8 ? small : Pyrt_Malloc((size_t)n * sizeof(PyrtObject *));
    if (!items) return NULL;
    int64_t got = 0;
    PyrtObject *r = NULL;
    for (; got < n; got++) {
        items[got] = Pyrt_IterNext(PyrtTuple_GetBorrowed(m->iters, got));
        if (!items[got]) break;
    }
    if (got == n) r = Pyrt_Call(m->func, items, n, NULL);
    for (int64_t i = 0; i < got; i++) Pyrt_DecRef(items[i]);
    if (items != small) Pyrt_Free(items);
    return r;
}

PyrtObject *PyrtMap_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)type;
    if (PyrtCont_NoKw("map", kwnames) < 0) return NULL;
    if (nargs < 2) return Pyrt_ErrSetString(&PyrtType_TypeError, "map() must have at least two arguments.");
    return PyrtMap_New(args[0], args + 1, nargs - 1);
}

PyrtType PyrtType_Map = {
    .ob = PYRT_TYPE_HEAD, .name = "map", .base = &PyrtType_Object, .basicsize = sizeof(MapObject),
    .dealloc = map_dealloc, .iter = PyrtIter_SelfIter, .iternext = map_next,
};

/* ================================================================== filter */

typedef struct { PyrtObject ob; PyrtObject *func, *it; } FilterObject;

PyrtObject *PyrtFilter_New(PyrtObject *func, PyrtObject *iterable) {
    PyrtObject *it = Pyrt_GetIter(iterable);
    if (!it) return NULL;
    FilterObject *f = (FilterObject *)Pyrt_Alloc(&PyrtType_Filter, sizeof(FilterObject));
    if (!f) { Pyrt_DecRef(it); return NULL; }
    if (!func) func = Pyrt_None;
    Pyrt_IncRef(func);
    f->func = func;
    f->it = it;
    return &f->ob;
}

static void filter_dealloc(PyrtObject *o) {
    PYRT_CLEAR(((FilterObject *)o)->func);
    PYRT_CLEAR(((FilterObject *)o)->it);
}

static PyrtObject *filter_next(PyrtObject *o) {
    FilterObject *f = (FilterObject *)o;
    bool plain = f->func == Pyrt_None || f->func == (PyrtObject *)&PyrtType_Bool;
    for (;;) {
        PyrtObject *item = Pyrt_IterNext(f->it);
        if (!item) return NULL;
        int ok;
        if (plain) {
            ok = Pyrt_IsTrue(item);
        } else {
            PyrtObject *r = Pyrt_Call(f->func, &item, 1, NULL);
            ok = r ? Pyrt_IsTrue(r) : -1;
            PYRT_XDECREF(r);
        }
        if (ok > 0) return item;
        Pyrt_DecRef(item);
        if (ok < 0) return NULL;
    }
}

PyrtObject *PyrtFilter_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)type;
    if (PyrtCont_NoKw("filter", kwnames) < 0 || PyrtCont_ArgRange("filter", nargs, 2, 2) < 0) return NULL;
    return PyrtFilter_New(args[0], args[1]);
}

PyrtType PyrtType_Filter = {
    .ob = PYRT_TYPE_HEAD, .name = "filter", .base = &PyrtType_Object, .basicsize = sizeof(FilterObject),
    .dealloc = filter_dealloc, .iter = PyrtIter_SelfIter, .iternext = filter_next,
};

/* ================================================================== reversed */

static bool is_sequence(PyrtObject *o) {
    PyrtType *t = o->type;
    if (t->flags & PYRT_TPFLAG_DICT) return false;
    if (t->flags & PYRT_TPFLAG_USER) return Pyrt_LookupTypeStr(t, "__getitem__") != NULL;
    return t->getitem != NULL;
}

static bool is_dict_or_view(PyrtObject *o) {
    return (o->type == &PyrtType_Dict || o->type == &PyrtType_DictKeys || o->type == &PyrtType_DictValues ||
            o->type == &PyrtType_DictItems);
}

PyrtObject *PyrtReversed_New(PyrtObject *seq) {
    PyrtType *t = seq->type;
    if (t->flags & PYRT_TPFLAG_USER) {
        PyrtObject *m = Pyrt_LookupTypeStr(t, "__reversed__");
        if (m == Pyrt_None)
            return PyrtCont_Err(&PyrtType_TypeError, "'%s' object is not reversible", t->name);
        if (m) {
            PyrtObject *bound = Pyrt_GetAttrStr(seq, "__reversed__");
            if (!bound) return NULL;
            PyrtObject *r = Pyrt_Call(bound, NULL, 0, NULL);
            Pyrt_DecRef(bound);
            return r;
        }
    }
    if (t == &PyrtType_List || ((t->flags & PYRT_TPFLAG_LIST) && !(t->flags & PYRT_TPFLAG_USER)))
        return PyrtListRevIter_New(seq);
    if (t == &PyrtType_Range) return PyrtRange_Reversed(seq);
    if (is_dict_or_view(seq) || ((t->flags & PYRT_TPFLAG_DICT) && (t->flags & PYRT_TPFLAG_USER)))
        return PyrtDict_Reversed(seq);
    if ((t->flags & PYRT_TPFLAG_LIST) && (t->flags & PYRT_TPFLAG_USER)) return PyrtListRevIter_New(seq);
    if (!is_sequence(seq)) return PyrtCont_Err(&PyrtType_TypeError, "'%s' object is not reversible", t->name);
    int64_t n = Pyrt_Len(seq);
    if (n < 0) return NULL;
    return seqiter_alloc(&PyrtType_Reversed, seq, n - 1);
}

PyrtObject *PyrtReversed_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)type;
    if (PyrtCont_NoKw("reversed", kwnames) < 0 || PyrtCont_ArgRange("reversed", nargs, 1, 1) < 0) return NULL;
    return PyrtReversed_New(args[0]);
}

PyrtType PyrtType_Reversed = {
    .ob = PYRT_TYPE_HEAD, .name = "reversed", .base = &PyrtType_Object, .basicsize = sizeof(SeqIterObject),
    .dealloc = seqiter_dealloc, .iter = PyrtIter_SelfIter, .iternext = reversed_next,
};

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_tp_new_iter(void)
{
    PyrtType_Enumerate.tp_new = PyrtEnumerate_TpNew;
    PyrtType_Zip.tp_new = PyrtZip_TpNew;
    PyrtType_Map.tp_new = PyrtMap_TpNew;
    PyrtType_Filter.tp_new = PyrtFilter_TpNew;
    PyrtType_Reversed.tp_new = PyrtReversed_TpNew;
}
