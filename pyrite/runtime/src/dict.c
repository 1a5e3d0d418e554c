/* dict.c: the dict type (PyrtType_Dict), an insertion-ordered hash table laid out like CPython's:
 * a compact array of (hash, key, value) entries in insertion order plus an open-addressing index
 * table of int32 entry numbers (perturbed probing). Deleting leaves a hole in the entries and a
 * dummy in the index; both disappear at the next resize. Keys match by identity, then equal hash
 * and Pyrt_RichCompareBool EQ (errors propagate; a comparison that mutates the dict restarts the
 * lookup). Also here: the dict methods (PyrtDict_meth_*), dict(...), `|`/`|=`, the views
 * dict_keys/dict_values/dict_items (with set operations on keys and items views) and the six dict
 * iterator types (forward and reversed keys/values/items), which raise "dictionary changed size
 * during iteration". */
#include "pyrt.h"

typedef struct { int64_t hash; PyrtObject *key, *value; } DictEntry;

typedef struct {
    PyrtObject ob;
    int64_t used;       /* live entries */
    int64_t nentries;   /* entries[0..nentries) have been filled (deleted ones have key NULL) */
    int64_t usable;     /* capacity of entries */
    int64_t mask;       /* index size - 1 (index NULL until the first insertion) */
    int32_t *index;     /* IX_EMPTY, IX_DUMMY or an entry number */
    DictEntry *entries;
} DictObject;

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define PERTURB_SHIFT 5

#define D(o) ((DictObject *)(o))

static int64_t nkw(PyrtObject *kwnames) { return kwnames ? PyrtTuple_Len(kwnames) : 0; }

/* ================================================================== table */

static PyrtObject *dict_alloc(PyrtType *t) {
    int64_t size = t->basicsize >= (int64_t)sizeof(DictObject) ? t->basicsize : (int64_t)sizeof(DictObject);
    return Pyrt_Alloc(t, (size_t)size);
}

PyrtObject *PyrtDict_New(void) { return dict_alloc(&PyrtType_Dict); }

static int64_t key_hash(PyrtObject *key) {
    if (key->type == &PyrtType_Str && ((PyrtStr *)key)->hash != -1) return ((PyrtStr *)key)->hash;
    return Pyrt_Hash(key);
}

/* Insert entry number ix into a clean index (no equal key present). */
static void index_insert_clean(int32_t *index, int64_t mask, int64_t hash, int32_t ix) {
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & (uint64_t)mask;
    while (index[i] != IX_EMPTY) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & (uint64_t)mask;
    }
    index[i] = ix;
}

/* Rebuild with room for at least `minused` entries, compacting out deleted entries. */
static int dict_resize(DictObject *d, int64_t minused) {
    int64_t size = 8;
    while (size * 2 / 3 < minused) size <<= 1;
    if (size > ((int64_t)1 << 30)) { Pyrt_ErrSetNone(&PyrtType_MemoryError); return -1; }
    int64_t usable = size * 2 / 3;
    int32_t *index = Pyrt_Malloc((size_t)size * sizeof(int32_t));
    if (!index) return -1;
    DictEntry *entries = Pyrt_Malloc((size_t)usable * sizeof(DictEntry));
    if (!entries) { Pyrt_Free(index); return -1; }
    memset(index, 0xff, (size_t)size * sizeof(int32_t));   /* all IX_EMPTY */
    int64_t n = 0;
    for (int64_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (!e->key) continue;
        entries[n] = *e;
        index_insert_clean(index, size - 1, e->hash, (int32_t)n);
        n++;
    }
    Pyrt_Free(d->index);
    Pyrt_Free(d->entries);
    d->index = index;
    d->entries = entries;
    d->mask = size - 1;
    d->usable = usable;
    d->nentries = n;
    return 0;
}

static bool str_eq_fast(PyrtObject *a, PyrtObject *b) {
    PyrtStr *x = (PyrtStr *)a, *y = (PyrtStr *)b;
    return x->nbytes == y->nbytes && memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

/* Find key: its entry number (>= 0, *slot = its index position), or -1 when absent (*slot = the
 * position to insert at), or -2 on error. */
static int64_t dict_lookup(DictObject *d, PyrtObject *key, int64_t hash, int64_t *slot) {
restart:
    if (!d->index) { *slot = -1; return -1; }
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    int64_t freeslot = -1;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY) { *slot = freeslot >= 0 ? freeslot : (int64_t)i; return -1; }
        if (ix == IX_DUMMY) {
            if (freeslot < 0) freeslot = (int64_t)i;
        } else {
            DictEntry *e = &d->entries[ix];
            if (e->key == key) { *slot = (int64_t)i; return ix; }
            if (e->hash == hash) {
                PyrtObject *sk = e->key;
                if (sk->type == &PyrtType_Str && key->type == &PyrtType_Str) {
                    if (str_eq_fast(sk, key)) { *slot = (int64_t)i; return ix; }
                } else {
                    DictEntry *entries = d->entries;
                    Pyrt_IncRef(sk);
                    int c = Pyrt_RichCompareBool(sk, key, PYRT_EQ);
                    Pyrt_DecRef(sk);
                    if (c < 0) return -2;
                    if (d->entries != entries || d->entries[ix].key != sk) goto restart;
                    if (c) { *slot = (int64_t)i; return ix; }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Insert or replace with a known hash. The first key stays (d[1] = a; d[1.0] = b keeps 1). */
static int dict_insert(DictObject *d, PyrtObject *key, int64_t hash, PyrtObject *value) {
    int64_t slot, ix = dict_lookup(d, key, hash, &slot);
    if (ix == -2) return -1;
    if (ix >= 0) {
        PyrtObject *old = d->entries[ix].value;
        Pyrt_IncRef(value);
        d->entries[ix].value = value;
        Pyrt_DecRef(old);
        return 0;
    }
    if (d->nentries >= d->usable) {
        if (dict_resize(d, d->used * 2 + 1) < 0) return -1;
        dict_lookup(d, key, hash, &slot);   /* no comparisons can run: key is absent */
    }
    Pyrt_IncRef(key);
    Pyrt_IncRef(value);
    int64_t n = d->nentries++;
    d->entries[n].hash = hash;
    d->entries[n].key = key;
    d->entries[n].value = value;
    d->index[slot] = (int32_t)n;
    d->used++;
    return 0;
}

/* Remove entry ix found at index position slot; returns the key and value (owned) through out. */
static void dict_unlink(DictObject *d, int64_t slot, int64_t ix, PyrtObject **key, PyrtObject **value) {
    DictEntry *e = &d->entries[ix];
    *key = e->key;
    *value = e->value;
    e->key = NULL;
    e->value = NULL;
    d->index[slot] = IX_DUMMY;
    d->used--;
}

static void dict_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg) {
    DictObject *d = D(o);
    for (int64_t i = 0; i < d->nentries; i++) {
        visit(d->entries[i].key, arg);
        visit(d->entries[i].value, arg);
    }
}

static void dict_dealloc(PyrtObject *o) {
    DictObject *d = D(o);
    for (int64_t i = 0; i < d->nentries; i++) {
        Pyrt_XDecRef(d->entries[i].key);
        Pyrt_XDecRef(d->entries[i].value);
    }
    Pyrt_Free(d->entries);
    Pyrt_Free(d->index);
    d->entries = NULL;
    d->index = NULL;
    d->used = d->nentries = d->usable = 0;
}

/* ================================================================== public entry points */

PyrtObject *PyrtDict_GetItemOrNull(PyrtObject *o, PyrtObject *key) {
    int64_t hash = key_hash(key), slot;
    if (hash == -1) return NULL;
    int64_t ix = dict_lookup(D(o), key, hash, &slot);
    if (ix < 0) return NULL;
    PyrtObject *v = D(o)->entries[ix].value;
    Pyrt_IncRef(v);
    return v;
}

PyrtObject *PyrtDict_GetItem(PyrtObject *o, PyrtObject *key) {
    PyrtObject *v = PyrtDict_GetItemOrNull(o, key);
    if (!v && !Pyrt_ErrOccurred()) Pyrt_ErrSetObject(&PyrtType_KeyError, key);
    return v;
}

PyrtObject *PyrtDict_GetItemStr(PyrtObject *o, const char *key) {
    DictObject *d = D(o);
    size_t n = strlen(key);
    if (d->used <= 8) {
        for (int64_t i = 0; i < d->nentries; i++) {
            PyrtObject *k = d->entries[i].key;
            if (k && k->type == &PyrtType_Str && ((PyrtStr *)k)->nbytes == (int64_t)n &&
                memcmp(((PyrtStr *)k)->data, key, n) == 0)
                return d->entries[i].value;
        }
        return NULL;
    }
    PyrtObject *s = PyrtStr_FromUTF8(key, (int64_t)n);
    if (!s) { Pyrt_ErrClear(); return NULL; }
    PyrtObject *v = PyrtDict_GetItemOrNull(o, s);
    Pyrt_DecRef(s);
    if (v) Pyrt_DecRef(v);   /* borrowed: the dict still holds it */
    return v;
}

int PyrtDict_SetItem(PyrtObject *o, PyrtObject *key, PyrtObject *v) {
    int64_t hash = key_hash(key);
    if (hash == -1) return -1;
    return dict_insert(D(o), key, hash, v);
}

int PyrtDict_SetItemStr(PyrtObject *o, const char *key, PyrtObject *v) {
    PyrtObject *s = PyrtStr_FromCString(key);
    if (!s) return -1;
    int rc = PyrtDict_SetItem(o, s, v);
    Pyrt_DecRef(s);
    return rc;
}

int PyrtDict_DelItem(PyrtObject *o, PyrtObject *key) {
    int64_t hash = key_hash(key), slot;
    if (hash == -1) return -1;
    int64_t ix = dict_lookup(D(o), key, hash, &slot);
    if (ix == -2) return -1;
    if (ix == -1) { Pyrt_ErrSetObject(&PyrtType_KeyError, key); return -1; }
    PyrtObject *k, *v;
    dict_unlink(D(o), slot, ix, &k, &v);
    Pyrt_DecRef(k);
    Pyrt_DecRef(v);
    return 0;
}

int PyrtDict_Contains(PyrtObject *o, PyrtObject *key) {
    int64_t hash = key_hash(key), slot;
    if (hash == -1) return -1;
    int64_t ix = dict_lookup(D(o), key, hash, &slot);
    return ix == -2 ? -1 : ix >= 0;
}

int64_t PyrtDict_Size(PyrtObject *o) { return D(o)->used; }

PyrtObject *PyrtDict_Get(PyrtObject *o, PyrtObject *key, PyrtObject *dflt) {
    PyrtObject *v = PyrtDict_GetItemOrNull(o, key);
    if (v || Pyrt_ErrOccurred()) return v;
    if (!dflt) dflt = Pyrt_None;
    Pyrt_IncRef(dflt);
    return dflt;
}

int PyrtDict_Next(PyrtObject *o, int64_t *pos, PyrtObject **key, PyrtObject **value) {
    DictObject *d = D(o);
    int64_t i = *pos;
    while (i < d->nentries && !d->entries[i].key) i++;
    if (i >= d->nentries) return 0;
    if (key) *key = d->entries[i].key;
    if (value) *value = d->entries[i].value;
    *pos = i + 1;
    return 1;
}

PyrtObject *PyrtDict_SetDefault(PyrtObject *o, PyrtObject *key, PyrtObject *dflt) {
    int64_t hash = key_hash(key), slot;
    if (hash == -1) return NULL;
    int64_t ix = dict_lookup(D(o), key, hash, &slot);
    if (ix == -2) return NULL;
    if (ix >= 0) {
        PyrtObject *v = D(o)->entries[ix].value;
        Pyrt_IncRef(v);
        return v;
    }
    if (!dflt) dflt = Pyrt_None;
    if (dict_insert(D(o), key, hash, dflt) < 0) return NULL;
    Pyrt_IncRef(dflt);
    return dflt;
}

PyrtObject *PyrtDict_Pop(PyrtObject *o, PyrtObject *key, PyrtObject *dflt) {
    int64_t hash = key_hash(key), slot;
    if (hash == -1) return NULL;
    int64_t ix = dict_lookup(D(o), key, hash, &slot);
    if (ix == -2) return NULL;
    if (ix == -1) {
        if (!dflt) return Pyrt_ErrSetObject(&PyrtType_KeyError, key);
        Pyrt_IncRef(dflt);
        return dflt;
    }
    PyrtObject *k, *v;
    dict_unlink(D(o), slot, ix, &k, &v);
    Pyrt_DecRef(k);
    return v;
}

/* Index position holding entry number ix (its key is present). */
static int64_t slot_of(DictObject *d, int64_t hash, int64_t ix) {
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    while (d->index[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (int64_t)i;
}

PyrtObject *PyrtDict_PopItem(PyrtObject *o) {
    DictObject *d = D(o);
    if (d->used == 0) return Pyrt_ErrSetString(&PyrtType_KeyError, "popitem(): dictionary is empty");
    int64_t ix = d->nentries - 1;
    while (!d->entries[ix].key) ix--;
    PyrtObject *k, *v;
    dict_unlink(d, slot_of(d, d->entries[ix].hash, ix), ix, &k, &v);
    d->nentries = ix;
    PyrtObject *t = PyrtTuple_Pack2(k, v);
    Pyrt_DecRef(k);
    Pyrt_DecRef(v);
    return t;
}

int PyrtDict_Clear(PyrtObject *o) {
    DictObject *d = D(o);
    DictEntry *entries = d->entries;
    int64_t n = d->nentries;
    Pyrt_Free(d->index);
    d->index = NULL;
    d->entries = NULL;
    d->used = d->nentries = d->usable = d->mask = 0;
    for (int64_t i = 0; i < n; i++) {
        Pyrt_XDecRef(entries[i].key);
        Pyrt_XDecRef(entries[i].value);
    }
    Pyrt_Free(entries);
    return 0;
}

PyrtObject *PyrtDict_Copy(PyrtObject *o) {
    DictObject *src = D(o);
    PyrtObject *r = PyrtDict_New();
    if (!r || src->used == 0) return r;
    if (dict_resize(D(r), src->used) < 0) { Pyrt_DecRef(r); return NULL; }
    for (int64_t i = 0; i < src->nentries; i++) {
        DictEntry *e = &src->entries[i];
        if (e->key && dict_insert(D(r), e->key, e->hash, e->value) < 0) { Pyrt_DecRef(r); return NULL; }
    }
    return r;
}

/* d.update(dict): entries carry their hashes. */
static int dict_merge(PyrtObject *o, PyrtObject *other) {
    if (o == other) return 0;
    DictObject *b = D(other);
    for (int64_t i = 0; i < b->nentries; i++) {
        DictEntry *e = &b->entries[i];
        if (!e->key) continue;
        PyrtObject *k = e->key, *v = e->value;
        Pyrt_IncRef(k);
        Pyrt_IncRef(v);
        int rc = dict_insert(D(o), k, e->hash, v);
        Pyrt_DecRef(k);
        Pyrt_DecRef(v);
        if (rc < 0) return -1;
    }
    return 0;
}

/* d.update(mapping) for objects with keys() and __getitem__ */
static int dict_merge_mapping(PyrtObject *o, PyrtObject *other) {
    PyrtObject *meth = Pyrt_GetAttrStr(other, "keys");
    if (!meth) return -1;
    PyrtObject *keys = Pyrt_Call(meth, NULL, 0, NULL);
    Pyrt_DecRef(meth);
    if (!keys) return -1;
    PyrtObject *it = Pyrt_GetIter(keys);
    Pyrt_DecRef(keys);
    if (!it) return -1;
    PyrtObject *k;
    int rc = 0;
    while (rc == 0 && (k = Pyrt_IterNext(it)) != NULL) {
        PyrtObject *v = Pyrt_GetItem(other, k);
        rc = v ? PyrtDict_SetItem(o, k, v) : -1;
        PYRT_XDECREF(v);
        Pyrt_DecRef(k);
    }
    Pyrt_DecRef(it);
    return rc < 0 || Pyrt_ErrOccurred() ? -1 : 0;
}

static int dict_merge_pair(PyrtObject *o, PyrtObject *item, int64_t i) {
    PyrtObject *seq = PyrtCont_AsSeq(item, NULL);
    if (!seq) {
        if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_TypeError) == 1) {
            Pyrt_ErrClear();
            PyrtCont_Err(&PyrtType_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                         (long long)i);
        }
        return -1;
    }
    int64_t n = PyrtCont_SeqLen(seq);
    int rc;
    if (n != 2) {
        PyrtCont_Err(&PyrtType_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                     (long long)i, (long long)n);
        rc = -1;
    } else {
        rc = PyrtDict_SetItem(o, PyrtCont_SeqItems(seq)[0], PyrtCont_SeqItems(seq)[1]);
    }
    Pyrt_DecRef(seq);
    return rc;
}

static int dict_merge_pairs(PyrtObject *o, PyrtObject *iterable) {
    PyrtObject *it = Pyrt_GetIter(iterable);
    if (!it) return -1;
    PyrtObject *item;
    int rc = 0;
    for (int64_t i = 0; rc == 0 && (item = Pyrt_IterNext(it)) != NULL; i++) {
        rc = dict_merge_pair(o, item, i);
        Pyrt_DecRef(item);
    }
    Pyrt_DecRef(it);
    return rc < 0 || Pyrt_ErrOccurred() ? -1 : 0;
}

extern PyrtType PyrtType_MappingProxy;   /* type.c */

static bool has_keys_method(PyrtObject *o) {
    if (o->type->flags & PYRT_TPFLAG_USER) return Pyrt_LookupTypeStr(o->type, "keys") != NULL;
    return o->type == &PyrtType_MappingProxy;   /* the one builtin mapping that is not a dict (C.__dict__) */
}

int PyrtDict_UpdateArg(PyrtObject *o, PyrtObject *arg) {
    if (PyrtDict_Check(arg)) return dict_merge(o, arg);
    if (has_keys_method(arg)) return dict_merge_mapping(o, arg);
    return dict_merge_pairs(o, arg);
}

int PyrtDict_Update(PyrtObject *o, PyrtObject *other) { return PyrtDict_UpdateArg(o, other); }

PyrtObject *PyrtDict_FromKeys(PyrtObject *iterable, PyrtObject *value) {
    if (!value) value = Pyrt_None;
    PyrtObject *d = PyrtDict_New();
    if (!d) return NULL;
    PyrtObject *it = Pyrt_GetIter(iterable);
    if (!it) { Pyrt_DecRef(d); return NULL; }
    PyrtObject *k;
    int rc = 0;
    while (rc == 0 && (k = Pyrt_IterNext(it)) != NULL) {
        rc = PyrtDict_SetItem(d, k, value);
        Pyrt_DecRef(k);
    }
    Pyrt_DecRef(it);
    if (rc < 0 || Pyrt_ErrOccurred()) PYRT_CLEAR(d);
    return d;
}

PyrtObject *PyrtDict_Or(PyrtObject *a, PyrtObject *b) {
    PyrtObject *r = PyrtDict_Copy(a);
    if (r && dict_merge(r, b) < 0) PYRT_CLEAR(r);
    return r;
}

/* ================================================================== slots */

PyrtObject *PyrtDict_Repr(PyrtObject *o) {
    DictObject *d = D(o);
    if (d->used == 0) return PyrtStr_FromUTF8("{}", 2);
    int rec = PyrtCont_ReprEnter(o);
    if (rec < 0) return NULL;
    if (rec) return PyrtStr_FromUTF8("{...}", 5);
    PyrtContBuf b = {0};
    int rc = PyrtContBuf_AppendC(&b, "{");
    bool first = true;
    for (int64_t i = 0; rc == 0 && i < d->nentries; i++) {
        PyrtObject *k = d->entries[i].key, *v = d->entries[i].value;
        if (!k) continue;
        Pyrt_IncRef(k);
        Pyrt_IncRef(v);
        if (!first) rc = PyrtContBuf_AppendC(&b, ", ");
        first = false;
        if (rc == 0) rc = PyrtContBuf_AppendRepr(&b, k);
        if (rc == 0) rc = PyrtContBuf_AppendC(&b, ": ");
        if (rc == 0) rc = PyrtContBuf_AppendRepr(&b, v);
        Pyrt_DecRef(k);
        Pyrt_DecRef(v);
    }
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, "}");
    PyrtCont_ReprLeave(o);
    if (rc < 0) { PyrtContBuf_Free(&b); return NULL; }
    return PyrtContBuf_Finish(&b);
}

static int dict_equal(DictObject *a, DictObject *b) {
    if (a->used != b->used) return 0;
    for (int64_t i = 0; i < a->nentries; i++) {
        DictEntry *e = &a->entries[i];
        if (!e->key) continue;
        PyrtObject *k = e->key, *av = e->value;
        Pyrt_IncRef(k);
        Pyrt_IncRef(av);
        int64_t slot, ix = dict_lookup(b, k, e->hash, &slot);
        int c = ix == -2 ? -1 : 0;
        if (ix >= 0) {
            PyrtObject *bv = b->entries[ix].value;
            Pyrt_IncRef(bv);
            c = Pyrt_RichCompareBool(av, bv, PYRT_EQ);
            Pyrt_DecRef(bv);
        }
        Pyrt_DecRef(k);
        Pyrt_DecRef(av);
        if (c <= 0) return c;
    }
    return 1;
}

static PyrtObject *dict_richcompare(PyrtObject *a, PyrtObject *b, int op) {
    if (!PyrtDict_Check(a) || !PyrtDict_Check(b) || (op != PYRT_EQ && op != PYRT_NE)) return Pyrt_NotImplemented;
    int c = dict_equal(D(a), D(b));
    if (c < 0) return NULL;
    return Pyrt_BoolFromC(op == PYRT_EQ ? c : !c);
}

static int64_t dict_len(PyrtObject *o) { return D(o)->used; }

static PyrtObject *dict_subscript(PyrtObject *o, PyrtObject *key) {
    PyrtObject *v = PyrtDict_GetItemOrNull(o, key);
    if (v || Pyrt_ErrOccurred()) return v;
    if (o->type != &PyrtType_Dict) {
        PyrtObject *missing = Pyrt_LookupTypeStr(o->type, "__missing__");
        if (missing) {
            PyrtObject *args[2] = {o, key};
            return Pyrt_Call(missing, args, 2, NULL);
        }
    }
    return Pyrt_ErrSetObject(&PyrtType_KeyError, key);
}

static int dict_ass_subscript(PyrtObject *o, PyrtObject *key, PyrtObject *v) {
    return v ? PyrtDict_SetItem(o, key, v) : PyrtDict_DelItem(o, key);
}

static PyrtObject *dict_binop(PyrtObject *a, PyrtObject *b, int op) {
    int inplace = op & PYRT_INPLACE;
    op &= ~PYRT_INPLACE;
    if (op != PYRT_OR || !PyrtDict_Check(a)) return Pyrt_NotImplemented;
    if (inplace) {
        if (PyrtDict_UpdateArg(a, b) < 0) return NULL;
        Pyrt_IncRef(a);
        return a;
    }
    if (!PyrtDict_Check(b)) return Pyrt_NotImplemented;
    return PyrtDict_Or(a, b);
}

static PyrtObject *dictiter_new(PyrtObject *d, PyrtType *type, int kind, int reverse);

static PyrtObject *dict_iter(PyrtObject *o) { return dictiter_new(o, &PyrtType_DictIter, 0, 0); }

static int update_kwargs(PyrtObject *d, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    for (int64_t i = 0; i < nkw(kwnames); i++)
        if (PyrtDict_SetItem(d, PyrtTuple_GetBorrowed(kwnames, i), args[nargs + i]) < 0) return -1;
    return 0;
}

PyrtObject *PyrtDict_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    if (PyrtCont_ArgRange("dict", nargs, 0, 1) < 0) return NULL;
    PyrtType *t = (type && PyrtType_IsSubtype((PyrtType *)type, &PyrtType_Dict)) ? (PyrtType *)type : &PyrtType_Dict;
    PyrtObject *d = dict_alloc(t);
    if (!d) return NULL;
    if ((nargs == 1 && PyrtDict_UpdateArg(d, args[0]) < 0) || update_kwargs(d, args, nargs, kwnames) < 0)
        PYRT_CLEAR(d);
    return d;
}

/* ================================================================== methods */

PYRT_DICT_METH(get) {
    if (PyrtCont_NoKw("dict.get", kwnames) < 0 || PyrtCont_ArgRange("get", nargs, 1, 2) < 0) return NULL;
    return PyrtDict_Get(self, args[0], nargs == 2 ? args[1] : NULL);
}

PYRT_DICT_METH(setdefault) {
    if (PyrtCont_NoKw("dict.setdefault", kwnames) < 0 || PyrtCont_ArgRange("setdefault", nargs, 1, 2) < 0)
        return NULL;
    return PyrtDict_SetDefault(self, args[0], nargs == 2 ? args[1] : NULL);
}

PYRT_DICT_METH(pop) {
    if (PyrtCont_NoKw("dict.pop", kwnames) < 0 || PyrtCont_ArgRange("pop", nargs, 1, 2) < 0) return NULL;
    return PyrtDict_Pop(self, args[0], nargs == 2 ? args[1] : NULL);
}

PYRT_DICT_METH(popitem) {
    if (PyrtCont_NoArgs("dict.popitem", nargs, kwnames) < 0) return NULL;
    return PyrtDict_PopItem(self);
}

PYRT_DICT_METH(keys) {
    if (PyrtCont_NoArgs("dict.keys", nargs, kwnames) < 0) return NULL;
    return PyrtDict_Keys(self);
}

PYRT_DICT_METH(values) {
    if (PyrtCont_NoArgs("dict.values", nargs, kwnames) < 0) return NULL;
    return PyrtDict_Values(self);
}

PYRT_DICT_METH(items) {
    if (PyrtCont_NoArgs("dict.items", nargs, kwnames) < 0) return NULL;
    return PyrtDict_Items(self);
}

PYRT_DICT_METH(update) {
    if (PyrtCont_ArgRange("update", nargs, 0, 1) < 0) return NULL;
    if (nargs == 1 && PyrtDict_UpdateArg(self, args[0]) < 0) return NULL;
    if (update_kwargs(self, args, nargs, kwnames) < 0) return NULL;
    return Pyrt_None;
}

PYRT_DICT_METH(copy) {
    if (PyrtCont_NoArgs("dict.copy", nargs, kwnames) < 0) return NULL;
    return PyrtDict_Copy(self);
}

PYRT_DICT_METH(clear) {
    if (PyrtCont_NoArgs("dict.clear", nargs, kwnames) < 0) return NULL;
    PyrtDict_Clear(self);
    return Pyrt_None;
}

/* self is ignored: callable as d.fromkeys(...) or with the type as self */
PYRT_DICT_METH(fromkeys) {
    (void)self;
    if (PyrtCont_NoKw("dict.fromkeys", kwnames) < 0 || PyrtCont_ArgRange("fromkeys", nargs, 1, 2) < 0) return NULL;
    return PyrtDict_FromKeys(args[0], nargs == 2 ? args[1] : NULL);
}

static const PyrtMethodDef dict_methods[] = {
    {"__init__", PyrtBuiltin_meth___init__},
    {"get", PyrtDict_meth_get}, {"setdefault", PyrtDict_meth_setdefault}, {"pop", PyrtDict_meth_pop},
    {"popitem", PyrtDict_meth_popitem}, {"keys", PyrtDict_meth_keys}, {"values", PyrtDict_meth_values},
    {"items", PyrtDict_meth_items}, {"update", PyrtDict_meth_update}, {"copy", PyrtDict_meth_copy},
    {"clear", PyrtDict_meth_clear}, {"fromkeys", PyrtDict_meth_fromkeys, PYRT_METH_TYPE}, {NULL, NULL},
};

PyrtType PyrtType_Dict = {
    .ob = PYRT_TYPE_HEAD,
    .name = "dict",
    .base = &PyrtType_Object,
    .basicsize = sizeof(DictObject),
    .flags = PYRT_TPFLAG_DICT | PYRT_TPFLAG_GC | PYRT_TPFLAG_BASETYPE,
    .dealloc = dict_dealloc,
    .traverse = dict_traverse,
    .repr = PyrtDict_Repr,
    .hash = PyrtCont_Unhashable,
    .richcompare = dict_richcompare,
    .iter = dict_iter,
    .len = dict_len,
    .getitem = dict_subscript,
    .setitem = dict_ass_subscript,
    .contains = PyrtDict_Contains,
};

/* ================================================================== iterators */

enum { KIND_KEYS = 0, KIND_VALUES = 1, KIND_ITEMS = 2 };

typedef struct {
    PyrtObject ob;
    PyrtObject *dict;   /* NULL once exhausted */
    int64_t pos;        /* next entry to look at */
    int64_t used;       /* dict size when created (-1: error state, sticky) */
    int64_t remaining;
    int32_t kind, reverse;
} DictIterObject;

static PyrtObject *dictiter_new(PyrtObject *d, PyrtType *type, int kind, int reverse) {
    DictIterObject *it = (DictIterObject *)Pyrt_Alloc(type, sizeof(DictIterObject));
    if (!it) return NULL;
    Pyrt_IncRef(d);
    it->dict = d;
    it->used = D(d)->used;
    it->remaining = D(d)->used;
    it->pos = reverse ? D(d)->nentries - 1 : 0;
    it->kind = kind;
    it->reverse = reverse;
    return &it->ob;
}

static void dictiter_dealloc(PyrtObject *o) { PYRT_CLEAR(((DictIterObject *)o)->dict); }

static PyrtObject *dictiter_next(PyrtObject *o) {
    DictIterObject *it = (DictIterObject *)o;
    if (!it->dict) return NULL;
    DictObject *d = D(it->dict);
    if (it->used != d->used) {
        it->used = -1;
        return Pyrt_ErrSetString(&PyrtType_RuntimeError, "dictionary changed size during iteration");
    }
    DictEntry *e = NULL;
    if (it->reverse) {
        if (it->pos >= d->nentries) it->pos = d->nentries - 1;
        while (it->pos >= 0 && !d->entries[it->pos].key) it->pos--;
        if (it->pos >= 0) e = &d->entries[it->pos--];
    } else {
        while (it->pos < d->nentries && !d->entries[it->pos].key) it->pos++;
        if (it->pos < d->nentries) e = &d->entries[it->pos++];
    }
    if (!e) {
        PYRT_CLEAR(it->dict);
        return NULL;
    }
    if (it->remaining == 0) {
        it->remaining = -1;
        return Pyrt_ErrSetString(&PyrtType_RuntimeError, "dictionary keys changed during iteration");
    }
    it->remaining--;
    if (it->kind == KIND_ITEMS) return PyrtTuple_Pack2(e->key, e->value);
    PyrtObject *r = it->kind == KIND_KEYS ? e->key : e->value;
    Pyrt_IncRef(r);
    return r;
}

#define DICTITER_TYPE(var, tname) \
    PyrtType var = { .ob = PYRT_TYPE_HEAD, .name = tname, .base = &PyrtType_Object, \
                     .basicsize = sizeof(DictIterObject), .flags = PYRT_TPFLAG_NOSUBCLASS, \
                     .dealloc = dictiter_dealloc, .iter = PyrtIter_SelfIter, .iternext = dictiter_next }
DICTITER_TYPE(PyrtType_DictIter, "dict_keyiterator");
DICTITER_TYPE(PyrtType_DictValueIter, "dict_valueiterator");
DICTITER_TYPE(PyrtType_DictItemIter, "dict_itemiterator");
DICTITER_TYPE(PyrtType_DictRevKeyIter, "dict_reversekeyiterator");
DICTITER_TYPE(PyrtType_DictRevValueIter, "dict_reversevalueiterator");
DICTITER_TYPE(PyrtType_DictRevItemIter, "dict_reverseitemiterator");

/* ================================================================== views */

typedef struct { PyrtObject ob; PyrtObject *dict; } DictViewObject;

static PyrtObject *view_new(PyrtObject *d, PyrtType *type) {
    DictViewObject *v = (DictViewObject *)Pyrt_Alloc(type, sizeof(DictViewObject));
    if (!v) return NULL;
    Pyrt_IncRef(d);
    v->dict = d;
    return &v->ob;
}

PyrtObject *PyrtDict_Keys(PyrtObject *d) { return view_new(d, &PyrtType_DictKeys); }
PyrtObject *PyrtDict_Values(PyrtObject *d) { return view_new(d, &PyrtType_DictValues); }
PyrtObject *PyrtDict_Items(PyrtObject *d) { return view_new(d, &PyrtType_DictItems); }

static void view_dealloc(PyrtObject *o) { PYRT_CLEAR(((DictViewObject *)o)->dict); }
static int64_t view_len(PyrtObject *o) { return D(((DictViewObject *)o)->dict)->used; }

static int view_kind(PyrtObject *o) {
    return o->type == &PyrtType_DictKeys ? KIND_KEYS : o->type == &PyrtType_DictValues ? KIND_VALUES : KIND_ITEMS;
}

static PyrtType *const iter_types[2][3] = {
    {&PyrtType_DictIter, &PyrtType_DictValueIter, &PyrtType_DictItemIter},
    {&PyrtType_DictRevKeyIter, &PyrtType_DictRevValueIter, &PyrtType_DictRevItemIter},
};

static PyrtObject *view_iter(PyrtObject *o) {
    int k = view_kind(o);
    return dictiter_new(((DictViewObject *)o)->dict, iter_types[0][k], k, 0);
}

PyrtObject *PyrtDict_Reversed(PyrtObject *o) {
    if (PyrtDict_Check(o)) return dictiter_new(o, &PyrtType_DictRevKeyIter, KIND_KEYS, 1);
    int k = view_kind(o);
    return dictiter_new(((DictViewObject *)o)->dict, iter_types[1][k], k, 1);
}

static PyrtObject *view_repr(PyrtObject *o) {
    int rec = PyrtCont_ReprEnter(o);
    if (rec < 0) return NULL;
    if (rec) return PyrtStr_FromUTF8("...", 3);
    PyrtObject *l = PyrtList_FromIterable(o);
    PyrtContBuf b = {0};
    int rc = l ? 0 : -1;
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, o->type->name);
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, "(");
    if (rc == 0) rc = PyrtContBuf_AppendRepr(&b, l);
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, ")");
    PYRT_XDECREF(l);
    PyrtCont_ReprLeave(o);
    if (rc < 0) { PyrtContBuf_Free(&b); return NULL; }
    return PyrtContBuf_Finish(&b);
}

static int items_contains(PyrtObject *o, PyrtObject *item) {
    if (!PyrtTuple_Check(item) || PyrtTuple_Len(item) != 2) return 0;
    PyrtObject *v = PyrtDict_GetItemOrNull(((DictViewObject *)o)->dict, PyrtTuple_GetBorrowed(item, 0));
    if (!v) return Pyrt_ErrOccurred() ? -1 : 0;
    int c = Pyrt_RichCompareBool(v, PyrtTuple_GetBorrowed(item, 1), PYRT_EQ);
    Pyrt_DecRef(v);
    return c;
}

static int view_contains(PyrtObject *o, PyrtObject *item) {
    PyrtObject *d = ((DictViewObject *)o)->dict;
    int k = view_kind(o);
    if (k == KIND_KEYS) return PyrtDict_Contains(d, item);
    if (k == KIND_ITEMS) return items_contains(o, item);
    DictObject *dd = D(d);
    for (int64_t i = 0; i < dd->nentries; i++) {
        PyrtObject *v = dd->entries[i].value;
        if (!dd->entries[i].key) continue;
        Pyrt_IncRef(v);
        int c = Pyrt_RichCompareBool(v, item, PYRT_EQ);
        Pyrt_DecRef(v);
        if (c != 0) return c;
    }
    return 0;
}

static bool is_setlike_view(PyrtObject *o) {
    return o->type == &PyrtType_DictKeys || o->type == &PyrtType_DictItems;
}

/* every element of a is in b (b a set or a set-like view) */
static int all_contained_in(PyrtObject *a, PyrtObject *b) {
    PyrtObject *it = Pyrt_GetIter(a);
    if (!it) return -1;
    PyrtObject *x;
    int ok = 1;
    while (ok == 1 && (x = Pyrt_IterNext(it)) != NULL) {
        ok = Pyrt_Contains(b, x);
        Pyrt_DecRef(x);
    }
    Pyrt_DecRef(it);
    if (Pyrt_ErrOccurred()) return -1;
    return ok;
}

static PyrtObject *view_richcompare(PyrtObject *a, PyrtObject *b, int op) {
    if (!is_setlike_view(a) || !(PyrtAnySet_Check(b) || is_setlike_view(b))) return Pyrt_NotImplemented;
    int64_t la = Pyrt_Len(a), lb = Pyrt_Len(b);
    if (la < 0 || lb < 0) return NULL;
    int ok;
    switch (op) {
    case PYRT_EQ: case PYRT_NE: ok = la == lb ? all_contained_in(a, b) : 0; break;
    case PYRT_LT: ok = la < lb ? all_contained_in(a, b) : 0; break;
    case PYRT_LE: ok = la <= lb ? all_contained_in(a, b) : 0; break;
    case PYRT_GT: ok = la > lb ? all_contained_in(b, a) : 0; break;
    default: ok = la >= lb ? all_contained_in(b, a) : 0; break;
    }
    if (ok < 0) return NULL;
    return Pyrt_BoolFromC(op == PYRT_NE ? !ok : ok);
}

/* a keys view becomes set(dict) (the dict fast path), anything else set(x) */
static PyrtObject *view_to_set(PyrtObject *o) {
    if (o->type == &PyrtType_DictKeys) return PyrtSet_FromIterable(((DictViewObject *)o)->dict);
    return PyrtSet_FromIterable(o);
}

static PyrtObject *view_intersect(PyrtObject *self, PyrtObject *other) {
    if (!is_setlike_view(self)) { PyrtObject *t = self; self = other; other = t; }
    int64_t lself = Pyrt_Len(self);
    if (other->type == &PyrtType_Set) {
        int64_t lo = Pyrt_Len(other);
        if (lself <= lo) return PyrtSet_meth_intersection(other, &self, 1, NULL);
    }
    if (is_setlike_view(other) && Pyrt_Len(other) > lself) { PyrtObject *t = self; self = other; other = t; }
    PyrtObject *result = PyrtSet_New();
    PyrtObject *it = result ? Pyrt_GetIter(other) : NULL;
    if (!it) { PYRT_XDECREF(result); return NULL; }
    PyrtObject *x;
    int rc = 0;
    while (rc == 0 && (x = Pyrt_IterNext(it)) != NULL) {
        int c = view_contains(self, x);
        rc = c < 0 ? -1 : c ? PyrtSet_Add(result, x) : 0;
        Pyrt_DecRef(x);
    }
    Pyrt_DecRef(it);
    if (rc < 0 || Pyrt_ErrOccurred()) PYRT_CLEAR(result);
    return result;
}

static PyrtObject *view_binop(PyrtObject *a, PyrtObject *b, int op) {
    op &= ~PYRT_INPLACE;
    if (op == PYRT_AND) return view_intersect(a, b);
    PyrtMethFn fn = op == PYRT_OR ? PyrtSet_meth_update : op == PYRT_SUB ? PyrtSet_meth_difference_update
                  : op == PYRT_XOR ? PyrtSet_meth_symmetric_difference_update : NULL;
    if (!fn) return Pyrt_NotImplemented;
    PyrtObject *result = view_to_set(a);
    if (!result) return NULL;
    PyrtObject *r = fn(result, &b, 1, NULL);
    if (!r) { Pyrt_DecRef(result); return NULL; }
    Pyrt_DecRef(r);
    return result;
}

static PyrtObject *view_isdisjoint(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    if (PyrtCont_OneArg("dict_keys.isdisjoint", nargs, kwnames) < 0) return NULL;
    PyrtObject *it = Pyrt_GetIter(args[0]);
    if (!it) return NULL;
    PyrtObject *x;
    int found = 0;
    while (found == 0 && (x = Pyrt_IterNext(it)) != NULL) {
        found = view_contains(self, x);
        Pyrt_DecRef(x);
    }
    Pyrt_DecRef(it);
    if (found < 0 || Pyrt_ErrOccurred()) return NULL;
    return Pyrt_BoolFromC(!found);
}

static const PyrtMethodDef view_methods[] = {{"isdisjoint", view_isdisjoint}, {NULL, NULL}};

#define VIEW_TYPE(var, tname, hashfn, cmpfn) \
    PyrtType var = { .ob = PYRT_TYPE_HEAD, .name = tname, .base = &PyrtType_Object, \
                     .basicsize = sizeof(DictViewObject), .flags = PYRT_TPFLAG_NOSUBCLASS, \
                     .dealloc = view_dealloc, .repr = view_repr, .hash = hashfn, \
                     .richcompare = cmpfn, .iter = view_iter, .len = view_len, \
                     .contains = view_contains }
/* methods (view_methods) and binop (view_binop) of keys and items: lazily installed, below */
VIEW_TYPE(PyrtType_DictKeys, "dict_keys", PyrtCont_Unhashable, view_richcompare);
VIEW_TYPE(PyrtType_DictValues, "dict_values", NULL, NULL);
VIEW_TYPE(PyrtType_DictItems, "dict_items", PyrtCont_Unhashable, view_richcompare);

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_dict(void)
{
    PyrtType_Dict.methods = dict_methods;
    PyrtType_DictKeys.methods = view_methods;
    PyrtType_DictItems.methods = view_methods;
}
void pyrt_lazy_binop_dict(void)
{
    PyrtType_Dict.binop = dict_binop;
    PyrtType_DictKeys.binop = view_binop;
    PyrtType_DictItems.binop = view_binop;
}
void pyrt_lazy_tp_new_dict(void)
{
    PyrtType_Dict.tp_new = PyrtDict_TpNew;
}
