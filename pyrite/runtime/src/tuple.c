/* tuple.c: the tuple type (PyrtType_Tuple): an immutable array of owned references allocated in
 * one block, with the () singleton, indexing and slicing, concatenation and repetition,
 * lexicographic comparison, repr ("(1,)", "()"), the methods count/index, the tuple(...)
 * constructor and CPython 3.11's exact xxHash-based hash (so sets of tuples iterate in CPython's
 * order). */
#include "pyrt.h"

static PyrtTuple empty_tuple = {PYRT_HEAD_INIT(&PyrtType_Tuple), 0};

PyrtObject *PyrtTuple_Empty(void) { return &empty_tuple.ob; }

static PyrtObject *tuple_alloc(PyrtType *t, int64_t n) {
    if (n > (INT64_MAX - (int64_t)sizeof(PyrtTuple)) / 16) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
    /* (a compiled subclass keeps its attribute dict after the items: dictoffset -1) */
    size_t extra = t->dictoffset < 0 ? sizeof(PyrtObject *) : 0;
    PyrtTuple *r = (PyrtTuple *)Pyrt_Alloc(t, sizeof(PyrtTuple) + (size_t)n * sizeof(PyrtObject *) + extra);
    if (!r) return NULL;
    r->length = n;
    return &r->ob;
}

PyrtObject *PyrtTuple_New(int64_t length) {
    if (length == 0) return &empty_tuple.ob;
    return tuple_alloc(&PyrtType_Tuple, length);
}

PyrtObject *PyrtTuple_FromArray(PyrtObject *const *items, int64_t n) {
    PyrtObject *t = PyrtTuple_New(n);
    if (!t) return NULL;
    for (int64_t i = 0; i < n; i++) {
        Pyrt_IncRef(items[i]);
        ((PyrtTuple *)t)->items[i] = items[i];
        pyrt_tuple_item_stored(t, items[i]);
    }
    return t;
}

PyrtObject *PyrtTuple_Pack2(PyrtObject *a, PyrtObject *b) {
    PyrtObject *items[2] = {a, b};
    return PyrtTuple_FromArray(items, 2);
}

PyrtObject *PyrtTuple_FromIterable(PyrtObject *iterable) {
    if (iterable->type == &PyrtType_Tuple) {
        Pyrt_IncRef(iterable);
        return iterable;
    }
    if (PyrtList_Check(iterable) && ((PyrtList *)iterable)->kind != PYRT_LIST_OBJ) {
        int64_t n = PyrtList_Len(iterable);   /* unboxed items: boxed one by one, the list stays as it is */
        PyrtObject *t = PyrtTuple_New(n);
        for (int64_t i = 0; t && i < n; i++) {
            PyrtObject *v = PyrtList_ItemNew(iterable, i);
            if (!v) PYRT_CLEAR(t);
            else PyrtTuple_SetNew_Steal(t, i, v);
        }
        return t;
    }
    PyrtObject *seq = PyrtCont_AsSeq(iterable, NULL);
    if (!seq) return NULL;
    PyrtObject *t = PyrtTuple_FromArray(PyrtCont_SeqItems(seq), PyrtCont_SeqLen(seq));
    Pyrt_DecRef(seq);
    return t;
}

/* (leaves the length: Pyrt_Dealloc reads it; the items NULL: the cycle collector clears with it) */
static void tuple_dealloc(PyrtObject *o) {
    PyrtTuple *t = (PyrtTuple *)o;
    for (int64_t i = t->length - 1; i >= 0; i--) PYRT_CLEAR(t->items[i]);   /* last first, as CPython */
}

static void tuple_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg) {
    PyrtTuple *t = (PyrtTuple *)o;
    for (int64_t i = 0; i < t->length; i++) visit(t->items[i], arg);
}

PyrtObject *PyrtTuple_GetItem(PyrtObject *o, int64_t i) {
    PyrtTuple *t = (PyrtTuple *)o;
    if (i < 0) i += t->length;
    if (PYRT_UNLIKELY((uint64_t)i >= (uint64_t)t->length))
        return Pyrt_ErrSetString(&PyrtType_IndexError, "tuple index out of range");
    Pyrt_IncRef(t->items[i]);
    return t->items[i];
}

static PyrtObject *tuple_slice_resolved(PyrtTuple *t, int64_t start, int64_t step, int64_t n) {
    if (start == 0 && step == 1 && n == t->length && t->ob.type == &PyrtType_Tuple) {
        Pyrt_IncRef(&t->ob);
        return &t->ob;
    }
    PyrtObject *r = PyrtTuple_New(n);
    if (!r) return NULL;
    for (int64_t i = 0; i < n; i++) {
        PyrtObject *v = t->items[start + i * step];
        Pyrt_IncRef(v);
        ((PyrtTuple *)r)->items[i] = v;
        pyrt_tuple_item_stored(r, v);
    }
    return r;
}

PyrtObject *PyrtTuple_GetSlice(PyrtObject *o, int64_t start, int64_t stop, int64_t step) {
    if (step == 0) return Pyrt_ErrSetString(&PyrtType_ValueError, "slice step cannot be zero");
    if (step < -INT64_MAX) step = -INT64_MAX;
    int64_t n = PyrtSlice_Adjust(((PyrtTuple *)o)->length, &start, &stop, step);
    return tuple_slice_resolved((PyrtTuple *)o, start, step, n);
}

PyrtObject *PyrtTuple_SliceSubscript(PyrtObject *o, PyrtObject *key) {
    int64_t start, stop, step, n;
    if (PyrtSlice_Resolve(key, ((PyrtTuple *)o)->length, &start, &stop, &step, &n) < 0) return NULL;
    return tuple_slice_resolved((PyrtTuple *)o, start, step, n);
}

PyrtObject *PyrtTuple_Subscript(PyrtObject *o, PyrtObject *key) {
    if (PYRT_LIKELY(PyrtCont_IsInt(key))) {
        int64_t i;
        return PyrtInt_AsIndexOrIndexError(key, &i) < 0 ? NULL : PyrtTuple_GetItem(o, i);
    }
    if (key->type == &PyrtType_Slice) return pyrt_slice_hooks.tuple(o, key);   /* set: slices exist */
    return PyrtCont_Err(&PyrtType_TypeError, "tuple indices must be integers or slices, not %s",
                        key->type->name);
}

PyrtObject *PyrtTuple_Concat(PyrtObject *a, PyrtObject *b) {
    PyrtTuple *x = (PyrtTuple *)a, *y = (PyrtTuple *)b;
    if (y->length == 0 && a->type == &PyrtType_Tuple) { Pyrt_IncRef(a); return a; }
    if (x->length == 0 && b->type == &PyrtType_Tuple) { Pyrt_IncRef(b); return b; }
    PyrtObject *r = PyrtTuple_New(x->length + y->length);
    if (!r) return NULL;
    PyrtObject **dst = ((PyrtTuple *)r)->items;
    for (int64_t i = 0; i < x->length; i++) { Pyrt_IncRef(x->items[i]); dst[i] = x->items[i]; }
    for (int64_t i = 0; i < y->length; i++) { Pyrt_IncRef(y->items[i]); dst[x->length + i] = y->items[i]; }
    for (int64_t i = 0; i < x->length + y->length; i++) pyrt_tuple_item_stored(r, dst[i]);
    return r;
}

PyrtObject *PyrtTuple_Repeat(PyrtObject *a, int64_t n) {
    PyrtTuple *x = (PyrtTuple *)a;
    if (n == 1 && a->type == &PyrtType_Tuple) { Pyrt_IncRef(a); return a; }
    if (n <= 0 || x->length == 0) return PyrtTuple_New(0);
    if (n > INT64_MAX / 16 / x->length) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
    int64_t len = x->length;
    PyrtObject *r = PyrtTuple_New(len * n);
    if (!r) return NULL;
    PyrtObject **dst = ((PyrtTuple *)r)->items;
    for (int64_t k = 0; k < n; k++)
        for (int64_t i = 0; i < len; i++) { Pyrt_IncRef(x->items[i]); dst[k * len + i] = x->items[i]; }
    for (int64_t i = 0; i < len; i++) pyrt_tuple_item_stored(r, x->items[i]);
    return r;
}

int PyrtTuple_Contains(PyrtObject *o, PyrtObject *v) {
    PyrtTuple *t = (PyrtTuple *)o;
    for (int64_t i = 0; i < t->length; i++) {
        int c = Pyrt_RichCompareBool(t->items[i], v, PYRT_EQ);
        if (c != 0) return c;
    }
    return 0;
}

/* ------------------------------------------------------------------ hash (CPython 3.11, 64-bit) */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

int64_t PyrtTuple_HashOfHashes(const int64_t *hashes, int64_t n) {
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < n; i++) {
        acc += (uint64_t)hashes[i] * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539ULL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

int64_t PyrtTuple_Hash(PyrtObject *o) {
    PyrtTuple *t = (PyrtTuple *)o;
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < t->length; i++) {
        int64_t h = Pyrt_Hash(t->items[i]);
        if (h == -1) return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->length ^ (XXPRIME_5 ^ 3527539ULL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

/* ------------------------------------------------------------------ slots */

PyrtObject *PyrtTuple_Repr(PyrtObject *o) {
    PyrtTuple *t = (PyrtTuple *)o;
    if (t->length == 0) return PyrtStr_FromUTF8("()", 2);
    int rec = PyrtCont_ReprEnter(o);
    if (rec < 0) return NULL;
    if (rec) return PyrtStr_FromUTF8("(...)", 5);
    PyrtContBuf b = {0};
    int rc = PyrtContBuf_AppendC(&b, "(");
    for (int64_t i = 0; rc == 0 && i < t->length; i++) {
        if (i > 0) rc = PyrtContBuf_AppendC(&b, ", ");
        if (rc == 0) rc = PyrtContBuf_AppendRepr(&b, t->items[i]);
    }
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, t->length == 1 ? ",)" : ")");
    PyrtCont_ReprLeave(o);
    if (rc < 0) { PyrtContBuf_Free(&b); return NULL; }
    return PyrtContBuf_Finish(&b);
}

static PyrtObject *cmp_i64(int64_t a, int64_t b, int op) {
    switch (op) {
    case PYRT_LT: return Pyrt_BoolFromC(a < b);
    case PYRT_LE: return Pyrt_BoolFromC(a <= b);
    case PYRT_EQ: return Pyrt_BoolFromC(a == b);
    case PYRT_NE: return Pyrt_BoolFromC(a != b);
    case PYRT_GT: return Pyrt_BoolFromC(a > b);
    default: return Pyrt_BoolFromC(a >= b);
    }
}

PyrtObject *PyrtTuple_RichCompare(PyrtObject *a, PyrtObject *b, int op) {
    if (!PyrtTuple_Check(a) || !PyrtTuple_Check(b)) return Pyrt_NotImplemented;
    PyrtTuple *x = (PyrtTuple *)a, *y = (PyrtTuple *)b;
    int64_t i;
    for (i = 0; i < x->length && i < y->length; i++) {
        int k = Pyrt_RichCompareBool(x->items[i], y->items[i], PYRT_EQ);
        if (k < 0) return NULL;
        if (!k) break;
    }
    if (i >= x->length || i >= y->length) return cmp_i64(x->length, y->length, op);
    if (op == PYRT_EQ) return Pyrt_False;
    if (op == PYRT_NE) return Pyrt_True;
    return Pyrt_RichCompare(x->items[i], y->items[i], op);
}

static int64_t tuple_len(PyrtObject *o) { return ((PyrtTuple *)o)->length; }

static bool defers_to(PyrtObject *o, const char *dunder) {
    return (o->type->flags & PYRT_TPFLAG_USER) && Pyrt_LookupTypeStr(o->type, dunder) != NULL;
}

static PyrtObject *tuple_binop(PyrtObject *a, PyrtObject *b, int op) {
    op &= ~PYRT_INPLACE;
    if (op == PYRT_ADD) {
        if (!PyrtTuple_Check(a)) return Pyrt_NotImplemented;
        if (PyrtTuple_Check(b)) return PyrtTuple_Concat(a, b);
        if (defers_to(b, "__radd__")) return Pyrt_NotImplemented;
        return PyrtCont_Err(&PyrtType_TypeError, "can only concatenate tuple (not \"%s\") to tuple", b->type->name);
    }
    if (op == PYRT_MUL) {
        PyrtObject *seq = PyrtTuple_Check(a) ? a : b, *n = seq == a ? b : a;
        if (!PyrtCont_IsInt(n)) {
            if (defers_to(n, seq == a ? "__rmul__" : "__mul__")) return Pyrt_NotImplemented;
            return PyrtCont_Err(&PyrtType_TypeError, "can't multiply sequence by non-int of type '%s'",
                                n->type->name);
        }
        int64_t count;
        return PyrtInt_AsCount(n, &count) < 0 ? NULL : PyrtTuple_Repeat(seq, count);
    }
    return Pyrt_NotImplemented;
}

PyrtObject *PyrtTuple_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    if (PyrtCont_NoKw("tuple", kwnames) < 0) return NULL;
    if (PyrtCont_ArgRange("tuple", nargs, 0, 1) < 0) return NULL;
    PyrtType *t = (PyrtType *)type;
    if (!t || t == &PyrtType_Tuple || !PyrtType_IsSubtype(t, &PyrtType_Tuple))
        return nargs ? PyrtTuple_FromIterable(args[0]) : PyrtTuple_New(0);
    PyrtObject *seq = nargs ? PyrtCont_AsSeq(args[0], NULL) : PyrtTuple_New(0);   /* a subclass */
    if (!seq) return NULL;
    int64_t n = PyrtCont_SeqLen(seq);
    PyrtObject *r = tuple_alloc(t, n);
    for (int64_t i = 0; r && i < n; i++) {
        PyrtObject *v = PyrtCont_SeqItems(seq)[i];
        Pyrt_IncRef(v);
        ((PyrtTuple *)r)->items[i] = v;
        pyrt_tuple_item_stored(r, v);
    }
    Pyrt_DecRef(seq);
    return r;
}

/* ------------------------------------------------------------------ methods */

PyrtObject *PyrtTuple_meth_index(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    PyrtTuple *t = (PyrtTuple *)self;
    int64_t start = 0, stop = INT64_MAX;
    if (PyrtCont_NoKw("tuple.index", kwnames) < 0 || PyrtCont_ArgRange("index", nargs, 1, 3) < 0) return NULL;
    if (nargs >= 2 && PyrtCont_SliceIndexNotNone(args[1], &start) < 0) return NULL;
    if (nargs >= 3 && PyrtCont_SliceIndexNotNone(args[2], &stop) < 0) return NULL;
    if (start < 0) { start += t->length; if (start < 0) start = 0; }
    if (stop < 0) { stop += t->length; if (stop < 0) stop = 0; }
    for (int64_t i = start; i < stop && i < t->length; i++) {
        int c = Pyrt_RichCompareBool(t->items[i], args[0], PYRT_EQ);
        if (c < 0) return NULL;
        if (c) return PyrtInt_FromI64(i);
    }
    return Pyrt_ErrSetString(&PyrtType_ValueError, "tuple.index(x): x not in tuple");
}

PyrtObject *PyrtTuple_meth_count(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    PyrtTuple *t = (PyrtTuple *)self;
    if (PyrtCont_OneArg("tuple.count", nargs, kwnames) < 0) return NULL;
    int64_t count = 0;
    for (int64_t i = 0; i < t->length; i++) {
        int c = Pyrt_RichCompareBool(t->items[i], args[0], PYRT_EQ);
        if (c < 0) return NULL;
        count += c;
    }
    return PyrtInt_FromI64(count);
}

/* tuple.__new__(cls, iterable=()) (unbound: cls arrives as self) */
static PyrtObject *tuple_meth_new(PyrtObject *cls, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    if (!PyrtType_IsSubtype(cls->type, &PyrtType_Type) || !PyrtType_IsSubtype((PyrtType *)cls, &PyrtType_Tuple))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "tuple.__new__(X): X is not a subtype of tuple");
    return PyrtTuple_TpNew(cls, args, nargs, kwnames);
}

static const PyrtMethodDef tuple_methods[] = {
    {"__new__", tuple_meth_new},
    {"index", PyrtTuple_meth_index}, {"count", PyrtTuple_meth_count}, {NULL, NULL},
};

PyrtType PyrtType_Tuple = {
    .ob = PYRT_TYPE_HEAD,
    .name = "tuple",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtTuple),
    .flags = PYRT_TPFLAG_TUPLE | PYRT_TPFLAG_GC | PYRT_TPFLAG_UNTRACKED | PYRT_TPFLAG_BASETYPE,
    .dealloc = tuple_dealloc,
    .traverse = tuple_traverse,
    .repr = PyrtTuple_Repr,
    .hash = PyrtTuple_Hash,
    .richcompare = PyrtTuple_RichCompare,
    .iter = PyrtTupleIter_New,
    .len = tuple_len,
    .getitem = PyrtTuple_Subscript,
    .contains = PyrtTuple_Contains,
};

/* ------------------------------------------------------------------ struct sequences
 * CPython's PyStructSequence: a tuple whose items are also named attributes (sys.flags,
 * sys.version_info, time.struct_time). The first n_sequence items are the tuple
 * (len, indexing, iteration, comparison, hash, repr); the rest (time.struct_time's tm_zone and
 * tm_gmtoff) are attributes only, stored after them: `length` is n_sequence while the object lives and
 * the dealloc sets it back to n_fields, the size Pyrt_Dealloc computes the allocation's class from. */
static PyrtStructSeqType *structseq_type(PyrtObject *o) { return (PyrtStructSeqType *)o->type; }

static void structseq_dealloc(PyrtObject *o) {
    PyrtTuple *t = (PyrtTuple *)o;
    t->length = structseq_type(o)->n_fields;
    tuple_dealloc(o);
}

static void structseq_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg) {
    PyrtTuple *t = (PyrtTuple *)o;
    for (int32_t i = 0; i < structseq_type(o)->n_fields; i++)
        if (t->items[i]) visit(t->items[i], arg);
}

/* "time.struct_time(tm_year=2009, tm_mon=2, ...)": the visible fields */
static PyrtObject *structseq_repr(PyrtObject *o) {
    PyrtStructSeqType *st = structseq_type(o);
    PyrtContBuf b = {0};
    int rc = PyrtContBuf_AppendC(&b, st->type.module);
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, ".");
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, st->type.name);
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, "(");
    for (int32_t i = 0; rc == 0 && i < st->n_sequence; i++) {
        if (i > 0) rc = PyrtContBuf_AppendC(&b, ", ");
        if (rc == 0) rc = PyrtContBuf_AppendC(&b, st->fields[i]);
        if (rc == 0) rc = PyrtContBuf_AppendC(&b, "=");
        if (rc == 0) rc = PyrtContBuf_AppendRepr(&b, ((PyrtTuple *)o)->items[i]);
    }
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, ")");
    if (rc < 0) { PyrtContBuf_Free(&b); return NULL; }
    return PyrtContBuf_Finish(&b);
}

static PyrtObject *structseq_getattr(PyrtObject *o, PyrtObject *name) {
    PyrtStructSeqType *st = structseq_type(o);
    const char *s = PyrtStr_UTF8(name);
    for (int32_t i = 0; i < st->n_fields; i++)
        if (strcmp(s, st->fields[i]) == 0) {
            PyrtObject *r = ((PyrtTuple *)o)->items[i];
            Pyrt_IncRef(r);
            return r;
        }
    return Pyrt_GenericGetAttr(o, name);
}

PyrtObject *PyrtStructSeq_New(PyrtStructSeqType *t) {
    PyrtObject *o = tuple_alloc(&t->type, t->n_fields);
    if (o) ((PyrtTuple *)o)->length = t->n_sequence;
    return o;
}

/* type(sequence, dict=None), CPython's structseq_new: the visible fields from the sequence, the others
 * from the rest of it, else from dict, else None */
static PyrtObject *structseq_tp_new(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    PyrtStructSeqType *st = (PyrtStructSeqType *)type;
    const char *tn = st->type.name, *tm = st->type.module;
    int64_t nkw = kwnames ? PyrtTuple_Len(kwnames) : 0;
    PyrtObject *a[2] = {nargs > 0 ? args[0] : NULL, nargs > 1 ? args[1] : NULL};
    if (nargs + nkw > 2)
        return PyrtCont_Err(&PyrtType_TypeError, "structseq() takes at most 2 arguments (%lld given)",
                            (long long)(nargs + nkw));
    const char *unknown = NULL;
    for (int64_t k = 0; k < nkw; k++) {
        const char *kw = PyrtStr_UTF8(PyrtTuple_GetBorrowed(kwnames, k));
        int slot = strcmp(kw, "sequence") == 0 ? 0 : strcmp(kw, "dict") == 0 ? 1 : -1;
        if (slot < 0) {
            unknown = unknown ? unknown : kw;
            continue;
        }
        if (slot < nargs)
            return PyrtCont_Err(&PyrtType_TypeError, "argument for structseq() given by name ('%s') and position (%d)",
                                kw, slot + 1);
        a[slot] = args[nargs + k];
    }
    if (!a[0])
        return PyrtCont_Err(&PyrtType_TypeError, "structseq() missing required argument 'sequence' (pos 1)");
    if (unknown)
        return PyrtCont_Err(&PyrtType_TypeError, "'%s' is an invalid keyword argument for structseq()", unknown);
    PyrtObject *seq = PyrtCont_AsSeq(a[0], "constructor requires a sequence");
    if (!seq) return NULL;
    int64_t n = PyrtCont_SeqLen(seq), lo = st->n_sequence, hi = st->n_fields;
    if (n < lo || n > hi) {
        Pyrt_DecRef(seq);
        return PyrtCont_Err(&PyrtType_TypeError, "%s.%s() takes %s %lld-sequence (%lld-sequence given)", tm, tn,
                            lo == hi ? "a" : n < lo ? "an at least" : "an at most", (long long)(n < lo ? lo : hi),
                            (long long)n);
    }
    if (a[1] && !PyrtDict_Check(a[1])) {
        Pyrt_DecRef(seq);
        return PyrtCont_Err(&PyrtType_TypeError, "%s.%s() takes a dict as second arg, if any", tm, tn);
    }
    PyrtObject *r = PyrtStructSeq_New(st);
    for (int64_t i = 0; r && i < hi; i++) {
        PyrtObject *v = i < n ? PyrtCont_SeqItems(seq)[i] : a[1] ? PyrtDict_GetItemStr(a[1], st->fields[i]) : NULL;
        v = v ? v : Pyrt_None;
        Pyrt_IncRef(v);
        PyrtTuple_SetNew_Steal(r, i, v);
    }
    Pyrt_DecRef(seq);
    return r;
}

/* obj.__reduce__(): (type, (visible items, {hidden field: value})), as CPython's */
static PyrtObject *structseq_reduce(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)args;
    if (PyrtCont_NoKw("__reduce__", kwnames) < 0 || PyrtCont_ArgRange("__reduce__", nargs, 0, 0) < 0) return NULL;
    PyrtStructSeqType *st = structseq_type(self);
    PyrtObject *items = PyrtTuple_FromArray(((PyrtTuple *)self)->items, st->n_sequence);
    PyrtObject *d = items ? PyrtDict_New() : NULL;
    for (int32_t i = st->n_sequence; d && i < st->n_fields; i++)
        if (PyrtDict_SetItemStr(d, st->fields[i], ((PyrtTuple *)self)->items[i]) < 0) PYRT_CLEAR(d);
    PyrtObject *inner = d ? PyrtTuple_Pack2(items, d) : NULL;
    PyrtObject *r = inner ? PyrtTuple_Pack2((PyrtObject *)st, inner) : NULL;
    Pyrt_XDecRef(items);
    Pyrt_XDecRef(d);
    Pyrt_XDecRef(inner);
    return r;
}

static const PyrtMethodDef structseq_methods[] = {
    {"__reduce__", structseq_reduce}, {"index", PyrtTuple_meth_index}, {"count", PyrtTuple_meth_count},
    {NULL, NULL},
};

/* the class attributes CPython's struct sequence types have */
static PyrtObject *structseq_class_dict(PyrtStructSeqType *t) {
    PyrtObject *d = PyrtDict_New(), *names = PyrtTuple_New(t->n_sequence);
    for (int32_t i = 0; names && i < t->n_sequence; i++) {
        PyrtObject *s = PyrtStr_FromCString(t->fields[i]);
        if (!s) { PYRT_CLEAR(names); break; }
        PyrtTuple_SetNew_Steal(names, i, s);
    }
    PyrtObject *v[4] = {PyrtInt_FromI64(t->n_sequence), PyrtInt_FromI64(t->n_fields), PyrtInt_FromI64(0), names};
    static const char *const keys[4] = {"n_sequence_fields", "n_fields", "n_unnamed_fields", "__match_args__"};
    for (int i = 0; i < 4; i++) {
        if (d && (!v[i] || PyrtDict_SetItemStr(d, keys[i], v[i]) < 0)) PYRT_CLEAR(d);
        Pyrt_XDecRef(v[i]);
    }
    return d;
}

int PyrtStructSeq_InitType(PyrtStructSeqType *t, bool constructible) {
    PyrtType *ty = &t->type;
    if (ty->base) return 0;
    ty->base = &PyrtType_Tuple;
    ty->basicsize = sizeof(PyrtTuple);
    ty->flags = PYRT_TPFLAG_TUPLE | PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_GC | PYRT_TPFLAG_UNTRACKED;
    ty->dealloc = structseq_dealloc;
    ty->traverse = structseq_traverse;
    ty->repr = structseq_repr;
    ty->hash = PyrtTuple_Hash;
    ty->richcompare = PyrtTuple_RichCompare;
    ty->iter = PyrtTupleIter_New;
    ty->len = tuple_len;
    ty->getitem = PyrtTuple_Subscript;
    ty->contains = PyrtTuple_Contains;
    ty->getattr = structseq_getattr;
    ty->binop = tuple_binop;
    ty->methods = structseq_methods;
    ty->tp_new = constructible ? structseq_tp_new : NULL;
    ty->dict = structseq_class_dict(t);
    return ty->dict ? 0 : -1;
}

/* ------------------------------------------------------------------ sys.version_info
 * The version of the CPython whose semantics the program was compiled against (the interpreter that
 * ran pyrite; the generated program defines pyrt_python_version). */
/* major, minor, micro, releaselevel (0xA/B/C/F), serial: defined by the generated program (a weak
 * reference: the runtime's own C tests have no program, and read 3.11.0) */
extern const int32_t pyrt_python_version[5] __attribute__((weak));
static const int32_t default_version[5] = {3, 11, 0, 0xF, 0};
#define VERSION (pyrt_python_version ? pyrt_python_version : default_version)
static const char *const version_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
static PyrtStructSeqType version_info_type = {
    .type = {.ob = PYRT_TYPE_HEAD, .name = "version_info", .module = "sys"}, .fields = version_fields,
    .n_sequence = 5, .n_fields = 5,
};

static const char *release_level(int32_t r)
{
    return r == 0xA ? "alpha" : r == 0xB ? "beta" : r == 0xC ? "candidate" : "final";
}

PyrtObject *PyrtSys_VersionInfo(void)
{
    const int32_t *v = VERSION;
    PyrtObject *t = PyrtStructSeq_InitType(&version_info_type, false) < 0 ? NULL : PyrtStructSeq_New(&version_info_type);
    if (!t)
        return NULL;
    for (int i = 0; i < 5; i++) {
        PyrtObject *x = i == 3 ? PyrtStr_FromCString(release_level(v[3])) : PyrtInt_FromI64(v[i]);
        if (!x) {
            Pyrt_DecRef(t);
            return NULL;
        }
        PyrtTuple_SetNew_Steal(t, i, x);
    }
    return t;
}

/* sys.hexversion and sys.version (CPython's string names its build; pyrite's names pyrite) */
PyrtObject *PyrtSys_HexVersion(void)
{
    const int32_t *v = VERSION;
    return PyrtInt_FromI64(((int64_t)v[0] << 24) | ((int64_t)v[1] << 16) | ((int64_t)v[2] << 8) |
                           ((int64_t)v[3] << 4) | (int64_t)v[4]);
}

PyrtObject *PyrtSys_Version(void)
{
    const int32_t *v = VERSION;
    return Pyrt_StrFormat("%d.%d.%d (compiled by pyrite)", (int)v[0], (int)v[1], (int)v[2]);
}

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_tuple(void)
{
    PyrtType_Tuple.methods = tuple_methods;
}
void pyrt_lazy_binop_tuple(void)
{
    PyrtType_Tuple.binop = tuple_binop;
}
void pyrt_lazy_tp_new_tuple(void)
{
    PyrtType_Tuple.tp_new = PyrtTuple_TpNew;
}

/* ------------------------------------------------------------------ sys.flags
 * The command-line flags of the interpreter: a compiled program has none, so CPython's defaults
 * (dev_mode and safe_path are bools; int_max_str_digits -1: the default limit). */
static const char *const flag_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
    "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"};
#define N_FLAGS ((int)(sizeof flag_fields / sizeof flag_fields[0]))
static PyrtStructSeqType flags_type = {
    .type = {.ob = PYRT_TYPE_HEAD, .name = "flags", .module = "sys"}, .fields = flag_fields,
    .n_sequence = N_FLAGS, .n_fields = N_FLAGS,
};

PyrtObject *PyrtSys_Flags(void)
{
    PyrtObject *t = PyrtStructSeq_InitType(&flags_type, false) < 0 ? NULL : PyrtStructSeq_New(&flags_type);
    if (!t)
        return NULL;
    for (int i = 0; i < N_FLAGS; i++) {
        const char *f = flag_fields[i];
        PyrtObject *x = !strcmp(f, "dev_mode") || !strcmp(f, "safe_path") ? (Pyrt_IncRef(Pyrt_False), Pyrt_False)
                      : PyrtInt_FromI64(!strcmp(f, "hash_randomization") ? 1 : !strcmp(f, "int_max_str_digits") ? -1 : 0);
        if (!x) {
            Pyrt_DecRef(t);
            return NULL;
        }
        PyrtTuple_SetNew_Steal(t, i, x);
    }
    return t;
}
