/* pyrt_containers.h: extra runtime declarations owned by the containers area (list.c tuple.c dict.c
 * set.c range.c iter.c sort.c); see pyrt.h for the conventions (new references returned, arguments
 * borrowed, NULL/-1 with pyrt_exc set on error). Every Python-callable method of a container type is
 * exposed as Pyrt<Type>_meth_<name> (PyrtMethFn form) and listed in the type's methods table. */
#ifndef PYRT_CONTAINERS_H
#define PYRT_CONTAINERS_H

/* ------------------------------------------------------------------ type checks (subclasses too) */
static inline bool PyrtList_Check(PyrtObject *o) { return (o->type->flags & PYRT_TPFLAG_LIST) != 0; }
static inline bool PyrtTuple_Check(PyrtObject *o) { return (o->type->flags & PYRT_TPFLAG_TUPLE) != 0; }
static inline bool PyrtDict_Check(PyrtObject *o) { return (o->type->flags & PYRT_TPFLAG_DICT) != 0; }
static inline bool PyrtCont_IsInt(PyrtObject *o) { return (o->type->flags & PYRT_TPFLAG_INT) != 0; }
bool PyrtAnySet_Check(PyrtObject *o);        /* set, frozenset or a subclass */
bool PyrtFrozenSet_Check(PyrtObject *o);

/* more iterator / helper types (CPython names: list_reverseiterator, dict_valueiterator, ...) */
extern PyrtType PyrtType_ListRevIter, PyrtType_DictValueIter, PyrtType_DictItemIter,
    PyrtType_DictRevKeyIter, PyrtType_DictRevValueIter, PyrtType_DictRevItemIter;

/* ------------------------------------------------------------------ shared helpers (list.c) */
/* Raise `type` with a printf-formatted message (any length); returns NULL. */
PyrtObject *PyrtCont_Err(PyrtType *type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* TypeError "unhashable type: 'list'"; returns -1 (a hash slot for mutable containers). */
int64_t PyrtCont_Unhashable(PyrtObject *o);
/* int (or bool) -> int64: 0, or -1 with TypeError "'str' object cannot be interpreted as an integer" */
int PyrtCont_AsIndex(PyrtObject *o, int64_t *out);
/* Repr recursion guard: Enter returns 1 when o is already being repr'd (print "[...]"), 0 when it was
 * pushed (then call Leave), -1 on MemoryError. */
int PyrtCont_ReprEnter(PyrtObject *o);
void PyrtCont_ReprLeave(PyrtObject *o);
/* Tiny growable UTF-8 buffer for reprs. Zero-initialise; Append* return -1 on error. */
typedef struct { char *data; int64_t len, cap; } PyrtContBuf;
int PyrtContBuf_Append(PyrtContBuf *b, const char *s, int64_t n);
int PyrtContBuf_AppendC(PyrtContBuf *b, const char *s);
int PyrtContBuf_AppendRepr(PyrtContBuf *b, PyrtObject *o);
PyrtObject *PyrtContBuf_Finish(PyrtContBuf *b);   /* -> str; frees the buffer */
void PyrtContBuf_Free(PyrtContBuf *b);
/* Keyword-argument checks for PyrtMethFn entries (CPython's messages):
 * NoKw: "list.append() takes no keyword arguments" (qualname "list.append"). */
int PyrtCont_NoKw(const char *qualname, PyrtObject *kwnames);
/* "list.copy() takes no arguments (1 given)" */
int PyrtCont_NoArgs(const char *qualname, int64_t nargs, PyrtObject *kwnames);
/* "list.append() takes exactly one argument (0 given)" */
int PyrtCont_OneArg(const char *qualname, int64_t nargs, PyrtObject *kwnames);
/* "insert expected 2 arguments, got 1" / "pop expected at most 1 argument, got 2" */
int PyrtCont_ArgRange(const char *name, int64_t nargs, int64_t min, int64_t max);
/* Convert a slice-index object (int/None) for list.index(x, start, stop)-style arguments. */
int PyrtCont_SliceIndexNotNone(PyrtObject *o, int64_t *out);
/* Builds a list from any iterable (list and tuple fast paths); helper for sequences of arguments. */
PyrtObject *PyrtCont_AsSeq(PyrtObject *o, const char *errmsg /* NULL: "'X' object is not iterable" */);
/* The items of a list or tuple that PyrtCont_AsSeq returned (a list it returns holds objects) */
static inline PyrtObject **PyrtCont_SeqItems(PyrtObject *seq) {
    return PyrtList_Check(seq) ? ((PyrtList *)seq)->ob_item : ((PyrtTuple *)seq)->items;
}
static inline int64_t PyrtCont_SeqLen(PyrtObject *seq) {
    return PyrtList_Check(seq) ? ((PyrtList *)seq)->length : ((PyrtTuple *)seq)->length;
}

/* ------------------------------------------------------------------ list */
PyrtObject *PyrtList_GetSlice(PyrtObject *l, int64_t start, int64_t stop, int64_t step); /* resolved */
/* l[start:stop:step] and l[start:stop:step] = v with unboxed bounds, as Python resolves them;
 * flags: PYRT_SLICE_NO_START / PYRT_SLICE_NO_STOP for an omitted (None) bound; step 1 when omitted */
#define PYRT_SLICE_NO_START 1
#define PYRT_SLICE_NO_STOP 2
PyrtObject *PyrtList_GetSliceOpt(PyrtObject *l, int64_t start, int64_t stop, int64_t step, int flags);
int PyrtList_SetSliceOpt(PyrtObject *l, int64_t start, int64_t stop, int64_t step, int flags, PyrtObject *v);
PyrtObject *PyrtList_Subscript(PyrtObject *l, PyrtObject *key);    /* l[int] or l[slice] */
int PyrtList_AssSubscript(PyrtObject *l, PyrtObject *key, PyrtObject *v);  /* v NULL: delete */
PyrtObject *PyrtList_Copy(PyrtObject *l);
int PyrtList_Clear(PyrtObject *l);
int PyrtList_Remove(PyrtObject *l, PyrtObject *v);
int64_t PyrtList_Index(PyrtObject *l, PyrtObject *v, int64_t start, int64_t stop);  /* -1 + ValueError */
int64_t PyrtList_Count(PyrtObject *l, PyrtObject *v);   /* -1 on error */
PyrtObject *PyrtList_InplaceConcat(PyrtObject *l, PyrtObject *iterable);  /* l += it; returns l */
PyrtObject *PyrtList_InplaceRepeat(PyrtObject *l, int64_t n);            /* l *= n; returns l */
PyrtObject *PyrtList_Repr(PyrtObject *l);
PyrtObject *PyrtList_RichCompare(PyrtObject *a, PyrtObject *b, int op);
PyrtObject *PyrtList_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
#define PYRT_LIST_METH(name) PyrtObject *PyrtList_meth_##name(PyrtObject *self, PyrtObject *const *args, \
                                                               int64_t nargs, PyrtObject *kwnames)
PYRT_LIST_METH(append); PYRT_LIST_METH(extend); PYRT_LIST_METH(insert); PYRT_LIST_METH(pop);
PYRT_LIST_METH(remove); PYRT_LIST_METH(index); PYRT_LIST_METH(count); PYRT_LIST_METH(reverse);
PYRT_LIST_METH(sort); PYRT_LIST_METH(copy); PYRT_LIST_METH(clear);

/* sort.c: stable sort of an array in place (key: callable or NULL/None). On error the array is
 * still a permutation of its input. */
int PyrtSort_Array(PyrtObject **items, int64_t n, PyrtObject *key, int reverse);

/* ------------------------------------------------------------------ tuple */
PyrtObject *PyrtTuple_Empty(void);                      /* the () singleton */
PyrtObject *PyrtTuple_Pack2(PyrtObject *a, PyrtObject *b);   /* (a, b), increfs */
PyrtObject *PyrtTuple_GetSlice(PyrtObject *t, int64_t start, int64_t stop, int64_t step);
PyrtObject *PyrtTuple_Subscript(PyrtObject *t, PyrtObject *key);
PyrtObject *PyrtTuple_Concat(PyrtObject *a, PyrtObject *b);
PyrtObject *PyrtTuple_Repeat(PyrtObject *t, int64_t n);
int PyrtTuple_Contains(PyrtObject *t, PyrtObject *v);
PyrtObject *PyrtTuple_Repr(PyrtObject *t);
PyrtObject *PyrtTuple_RichCompare(PyrtObject *a, PyrtObject *b, int op);
/* CPython's xxHash-based tuple hash over already computed item hashes */
int64_t PyrtTuple_HashOfHashes(const int64_t *hashes, int64_t n);
PyrtObject *PyrtTuple_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtTuple_meth_index(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtTuple_meth_count(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);

/* ------------------------------------------------------------------ dict */
PyrtObject *PyrtDict_FromKeys(PyrtObject *iterable, PyrtObject *value /* NULL: None */);
PyrtObject *PyrtDict_SetDefault(PyrtObject *d, PyrtObject *key, PyrtObject *dflt);
PyrtObject *PyrtDict_Pop(PyrtObject *d, PyrtObject *key, PyrtObject *dflt /* NULL: KeyError */);
PyrtObject *PyrtDict_PopItem(PyrtObject *d);
int PyrtDict_Clear(PyrtObject *d);
PyrtObject *PyrtDict_Or(PyrtObject *a, PyrtObject *b);   /* a | b for two dicts */
/* dict(arg) / d.update(arg): a dict, an object with keys() and [], or an iterable of pairs */
int PyrtDict_UpdateArg(PyrtObject *d, PyrtObject *arg);
PyrtObject *PyrtDict_Repr(PyrtObject *d);
PyrtObject *PyrtDict_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
#define PYRT_DICT_METH(name) PyrtObject *PyrtDict_meth_##name(PyrtObject *self, PyrtObject *const *args, \
                                                               int64_t nargs, PyrtObject *kwnames)
PYRT_DICT_METH(get); PYRT_DICT_METH(setdefault); PYRT_DICT_METH(pop); PYRT_DICT_METH(popitem);
PYRT_DICT_METH(keys); PYRT_DICT_METH(values); PYRT_DICT_METH(items); PYRT_DICT_METH(update);
PYRT_DICT_METH(copy); PYRT_DICT_METH(clear); PYRT_DICT_METH(fromkeys);
/* reversed(d) and reversed(d.keys()/values()/items()) */
PyrtObject *PyrtDict_Reversed(PyrtObject *d_or_view);

/* ------------------------------------------------------------------ set / frozenset */
PyrtObject *PyrtFrozenSet_New(void);
/* {a, b, c} with non-constant items: added in order (BUILD_SET) */
PyrtObject *PyrtSet_FromArray(PyrtObject *const *items, int64_t n);
/* {1, 2, 3} with all-constant items: CPython folds n > 2 constants into a frozenset that is then
 * merged into a new set, which can give another table size (and order) than adding one by one. */
PyrtObject *PyrtSet_FromConstants(PyrtObject *const *items, int64_t n);
/* The frozenset constant CPython iterates for `for x in {1, 2, 3}` / tests in `x in {1, 2, 3}`. */
PyrtObject *PyrtFrozenSet_FromConstants(PyrtObject *const *items, int64_t n);
int PyrtSet_Remove(PyrtObject *s, PyrtObject *v);   /* KeyError(v) */
PyrtObject *PyrtSet_Pop(PyrtObject *s);
int PyrtSet_Clear(PyrtObject *s);
PyrtObject *PyrtSet_Copy(PyrtObject *s);           /* same base type (set or frozenset) */
int PyrtSet_Update(PyrtObject *s, PyrtObject *iterable);
/* iterate without an iterator: *pos starts at 0; borrowed key; 0 at the end */
int PyrtSet_Next(PyrtObject *s, int64_t *pos, PyrtObject **key);
/* the binary operators a|b a&b a-b a^b for two sets (a's base type); NotImplemented otherwise */
PyrtObject *PyrtSet_Or(PyrtObject *a, PyrtObject *b);
PyrtObject *PyrtSet_And(PyrtObject *a, PyrtObject *b);
PyrtObject *PyrtSet_Sub(PyrtObject *a, PyrtObject *b);
PyrtObject *PyrtSet_Xor(PyrtObject *a, PyrtObject *b);
int PyrtSet_IsSubset(PyrtObject *a, PyrtObject *b);  /* a <= b, any iterable b */
PyrtObject *PyrtSet_Repr(PyrtObject *s);
PyrtObject *PyrtSet_RichCompare(PyrtObject *a, PyrtObject *b, int op);
int64_t PyrtFrozenSet_Hash(PyrtObject *s);
PyrtObject *PyrtSet_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFrozenSet_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
#define PYRT_SET_METH(name) PyrtObject *PyrtSet_meth_##name(PyrtObject *self, PyrtObject *const *args, \
                                                             int64_t nargs, PyrtObject *kwnames)
PYRT_SET_METH(add); PYRT_SET_METH(discard); PYRT_SET_METH(remove); PYRT_SET_METH(pop);
PYRT_SET_METH(clear); PYRT_SET_METH(copy); PYRT_SET_METH(update); PYRT_SET_METH(union);
PYRT_SET_METH(intersection); PYRT_SET_METH(difference); PYRT_SET_METH(symmetric_difference);
PYRT_SET_METH(intersection_update); PYRT_SET_METH(difference_update);
PYRT_SET_METH(symmetric_difference_update); PYRT_SET_METH(issubset); PYRT_SET_METH(issuperset);
PYRT_SET_METH(isdisjoint);

/* ------------------------------------------------------------------ range / slice */
static inline int64_t PyrtRange_Len(PyrtObject *r) { return ((PyrtRange *)r)->length; }
PyrtObject *PyrtRange_GetItem(PyrtObject *r, int64_t i);   /* "range object index out of range" */
PyrtObject *PyrtRange_Subscript(PyrtObject *r, PyrtObject *key);
int PyrtRange_Contains(PyrtObject *r, PyrtObject *v);
PyrtObject *PyrtRange_Reversed(PyrtObject *r);             /* reversed(range) -> range_iterator */
PyrtObject *PyrtRange_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtRange_meth_count(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtRange_meth_index(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtSlice_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtSlice_meth_indices(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
/* like PySlice_AdjustIndices: start/stop already integers */
int64_t PyrtSlice_Adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step);
/* a slice object's resolved indices: -1 on error */
static inline int PyrtSlice_Resolve(PyrtObject *slice, int64_t length, int64_t *start, int64_t *stop,
                                    int64_t *step, int64_t *slicelen) {
    PyrtSlice *s = (PyrtSlice *)slice;
    return PyrtSlice_Indices(s->start, s->stop, s->step, length, start, stop, step, slicelen);
}

/* ------------------------------------------------------------------ iterators (iter.c) */
PyrtObject *PyrtListIter_New(PyrtObject *l);
PyrtObject *PyrtListRevIter_New(PyrtObject *l);
PyrtObject *PyrtTupleIter_New(PyrtObject *t);
PyrtObject *PyrtRangeIter_New(int64_t start, int64_t step, int64_t length);
PyrtObject *PyrtSeqIter_New(PyrtObject *seq);   /* iterate through __getitem__ 0, 1, ... to IndexError */
PyrtObject *PyrtEnumerate_New(PyrtObject *iterable, int64_t start);
PyrtObject *PyrtZip_New(PyrtObject *const *iterables, int64_t n, int strict);
PyrtObject *PyrtMap_New(PyrtObject *func, PyrtObject *const *iterables, int64_t n);
PyrtObject *PyrtFilter_New(PyrtObject *func /* None: truthiness */, PyrtObject *iterable);
PyrtObject *PyrtReversed_New(PyrtObject *seq);  /* reversed(x), with all of CPython's dispatch */
PyrtObject *PyrtEnumerate_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtZip_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtMap_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFilter_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtReversed_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtIter_SelfIter(PyrtObject *it);  /* iter slot of iterators: returns it (new ref) */

#endif
