/* set.c: set and frozenset (PyrtType_Set, PyrtType_FrozenSet) reproducing CPython 3.11's
 * setobject.c table so that iteration order, and so repr, is identical to CPython: open addressing
 * over (key, hash) entries, tables of 8 << k slots, probing that checks up to 9 following slots
 * linearly before jumping with i = i*5 + 1 + (perturb >>= 5); a dummy marks a removed entry (a new
 * key takes the last dummy on its probe path); the table grows to used*4 (used*2 past 50000) once fill*5 >= mask*3;
 * merging a set into an empty one copies or re-inserts in the other's table order. The set
 * algebra (union, intersection, difference, symmetric difference and their in-place and operator
 * forms) follows CPython's element visiting order. Also: the set iterator ("Set changed size during
 * iteration"), the frozenset hash, repr, comparisons, constructors and PyrtSet_meth_* methods. */
#include "pyrt.h"
#include <stdio.h>

typedef struct { PyrtObject *key; int64_t hash; } SetEntry;

typedef struct {
    PyrtObject ob;
    int64_t fill;     /* active + dummy entries */
    int64_t used;     /* active entries */
    int64_t mask;     /* table size - 1 */
    int64_t finger;   /* where pop() looks next */
    int64_t hash;     /* frozenset: cached hash or -1 */
    SetEntry *table;
} SetObject;

#define S(o) ((SetObject *)(o))
#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static PyrtObject dummy_struct = PYRT_HEAD_INIT(&PyrtType_Object);
#define DUMMY (&dummy_struct)

bool PyrtAnySet_Check(PyrtObject *o) {
    return o->type == &PyrtType_Set || o->type == &PyrtType_FrozenSet ||
           PyrtType_IsSubtype(o->type, &PyrtType_Set) || PyrtType_IsSubtype(o->type, &PyrtType_FrozenSet);
}

bool PyrtFrozenSet_Check(PyrtObject *o) {
    return o->type == &PyrtType_FrozenSet || PyrtType_IsSubtype(o->type, &PyrtType_FrozenSet);
}

static bool is_mutable_set(PyrtObject *o) {
    return o->type == &PyrtType_Set || PyrtType_IsSubtype(o->type, &PyrtType_Set);
}


/* ================================================================== table */

static SetEntry *table_new(int64_t size) {
    SetEntry *t = Pyrt_Malloc((size_t)size * sizeof(SetEntry));
    if (t) memset(t, 0, (size_t)size * sizeof(SetEntry));
    return t;
}

static PyrtObject *set_alloc(PyrtType *type) {
    int64_t size = type->basicsize >= (int64_t)sizeof(SetObject) ? type->basicsize : (int64_t)sizeof(SetObject);
    SetObject *so = (SetObject *)Pyrt_Alloc(type, (size_t)size);
    if (!so) return NULL;
    so->table = table_new(MINSIZE);
    if (!so->table) { Pyrt_DecRef(&so->ob); return NULL; }
    so->mask = MINSIZE - 1;
    so->hash = -1;
    return &so->ob;
}

/* an empty set of type (a compiled subclass of set, for type.c) */
PyrtObject *PyrtSet_Alloc(PyrtType *type);
PyrtObject *PyrtSet_Alloc(PyrtType *type) { return set_alloc(type); }

/* the base type (set or frozenset) a result of an operation on o gets */
static PyrtType *base_type(PyrtObject *o) { return PyrtFrozenSet_Check(o) ? &PyrtType_FrozenSet : &PyrtType_Set; }

static int64_t key_hash(PyrtObject *key) {
    if (key->type == &PyrtType_Str && ((PyrtStr *)key)->hash != -1) return ((PyrtStr *)key)->hash;
    return Pyrt_Hash(key);
}

static bool str_eq_fast(PyrtObject *a, PyrtObject *b) {
    PyrtStr *x = (PyrtStr *)a, *y = (PyrtStr *)b;
    return x->nbytes == y->nbytes && memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

/* Compare an entry's key with key: 1 equal, 0 not, -1 error, 2 the table changed (restart). */
static int entry_matches(SetObject *so, SetEntry *e, PyrtObject *key) {
    PyrtObject *sk = e->key;
    if (sk == key) return 1;
    if (sk->type == &PyrtType_Str && key->type == &PyrtType_Str) return str_eq_fast(sk, key);
    SetEntry *table = so->table;
    Pyrt_IncRef(sk);
    int c = Pyrt_RichCompareBool(sk, key, PYRT_EQ);
    Pyrt_DecRef(sk);
    if (c < 0) return -1;
    if (table != so->table || e->key != sk) return 2;
    return c;
}

/* 1 (found, *out = the entry), 0 (absent) or -1 */
static int set_find(SetObject *so, PyrtObject *key, int64_t hash, SetEntry **out) {
restart:;
    uint64_t mask = (uint64_t)so->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        SetEntry *e = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == NULL) return 0;
            if (e->hash == hash) {
                int c = entry_matches(so, e, key);
                if (c == 2) goto restart;
                if (c != 0) { *out = e; return c; }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Store key (a new reference is taken) in the first free slot of a table without dummies. */
static void insert_clean(SetEntry *table, uint64_t mask, PyrtObject *key, int64_t hash) {
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    SetEntry *e;
    for (;;) {
        e = &table[i];
        if (e->key == NULL) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == NULL) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    e->key = key;
    e->hash = hash;
}

/* A set is tracked by the cycle collector from its first item that can hold references (a set of
 * numbers and strings cannot be part of a cycle). */
static inline void set_note_key(SetObject *so, PyrtObject *key) {
    if (PYRT_UNLIKELY(key->type->flags & PYRT_TPFLAG_GC) && !PYRT_GC_HEAD(so)->next) Pyrt_GCTrack(&so->ob);
}

static int set_table_resize(SetObject *so, int64_t minused) {
    int64_t newsize = MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    if (newsize == MINSIZE && so->mask == MINSIZE - 1 && so->fill == so->used) return 0;
    SetEntry *newtable = table_new(newsize), *old = so->table;
    if (!newtable) return -1;
    int64_t oldsize = so->mask + 1;
    bool dummies = so->fill != so->used;
    so->table = newtable;
    so->mask = newsize - 1;
    so->fill = so->used;
    for (int64_t i = 0; i < oldsize; i++) {
        PyrtObject *k = old[i].key;
        if (k != NULL && (!dummies || k != DUMMY)) insert_clean(newtable, (uint64_t)so->mask, k, old[i].hash);
    }
    Pyrt_Free(old);
    return 0;
}

static int set_add_entry(SetObject *so, PyrtObject *key, int64_t hash) {
    Pyrt_IncRef(key);
restart:;
    uint64_t mask = (uint64_t)so->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    SetEntry *e, *freeslot = NULL;
    for (;;) {
        e = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == NULL) goto found_unused_or_dummy;
            if (e->hash == hash) {
                int c = entry_matches(so, e, key);
                if (c == 2) goto restart;
                if (c != 0) {   /* present already, or error */
                    Pyrt_DecRef(key);
                    return c < 0 ? -1 : 0;
                }
            } else if (e->hash == -1) {
                freeslot = e;   /* a dummy: the last one passed is reused if the key is absent */
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    set_note_key(so, key);
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    e->key = key;
    e->hash = hash;
    if ((uint64_t)so->fill * 5 < mask * 3) return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static int set_add_key(SetObject *so, PyrtObject *key) {
    int64_t hash = key_hash(key);
    if (hash == -1) return -1;
    return set_add_entry(so, key, hash);
}

/* 1 removed, 0 absent, -1 error */
static int set_discard_entry(SetObject *so, PyrtObject *key, int64_t hash) {
    SetEntry *e;
    int r = set_find(so, key, hash, &e);
    if (r <= 0) return r;
    PyrtObject *old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    Pyrt_DecRef(old);
    return 1;
}

static int set_next(SetObject *so, int64_t *pos, SetEntry **out) {
    int64_t i = *pos;
    while (i <= so->mask && (so->table[i].key == NULL || so->table[i].key == DUMMY)) i++;
    *pos = i + 1;
    if (i > so->mask) return 0;
    *out = &so->table[i];
    return 1;
}

int PyrtSet_Next(PyrtObject *s, int64_t *pos, PyrtObject **key) {
    SetEntry *e;
    if (!set_next(S(s), pos, &e)) return 0;
    *key = e->key;
    return 1;
}

static void set_release_table(SetEntry *table, int64_t size) {
    for (int64_t i = 0; i < size; i++)
        if (table[i].key && table[i].key != DUMMY) Pyrt_DecRef(table[i].key);
    Pyrt_Free(table);
}

static void set_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg) {
    SetObject *so = S(o);
    if (!so->table) return;
    for (int64_t i = 0; i <= so->mask; i++)
        if (so->table[i].key && so->table[i].key != DUMMY) visit(so->table[i].key, arg);
}

static void set_dealloc(PyrtObject *o) {
    SetObject *so = S(o);
    if (so->table) set_release_table(so->table, so->mask + 1);
    so->table = NULL;
}

int PyrtSet_Clear(PyrtObject *o) {
    SetObject *so = S(o);
    SetEntry *fresh = table_new(MINSIZE), *old = so->table;
    if (!fresh) return -1;
    int64_t size = so->mask + 1;
    so->table = fresh;
    so->mask = MINSIZE - 1;
    so->fill = so->used = 0;
    set_release_table(old, size);
    return 0;
}

static int set_merge(SetObject *so, SetObject *other) {
    if (so == other || other->used == 0) return 0;
    if (PYRT_GC_HEAD(other)->next) Pyrt_GCTrack(&so->ob);   /* (copies below bypass set_add_entry) */
    if ((so->fill + other->used) * 5 >= so->mask * 3)
        if (set_table_resize(so, (so->used + other->used) * 2) < 0) return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (int64_t i = 0; i <= other->mask; i++) {
            PyrtObject *k = other->table[i].key;
            if (k) {
                Pyrt_IncRef(k);
                so->table[i] = other->table[i];
            }
        }
        so->fill = so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (int64_t i = 0; i <= other->mask; i++) {
            PyrtObject *k = other->table[i].key;
            if (k && k != DUMMY) {
                Pyrt_IncRef(k);
                insert_clean(so->table, (uint64_t)so->mask, k, other->table[i].hash);
            }
        }
        return 0;
    }
    for (int64_t i = 0; i <= other->mask; i++) {
        SetEntry e = other->table[i];
        if (e.key && e.key != DUMMY && set_add_entry(so, e.key, e.hash) < 0) return -1;
    }
    return 0;
}

static int set_update_internal(SetObject *so, PyrtObject *other) {
    if (PyrtAnySet_Check(other)) return set_merge(so, S(other));
    if (other->type == &PyrtType_Dict) {
        int64_t n = PyrtDict_Size(other), pos = 0;
        if ((so->fill + n) * 5 >= so->mask * 3)
            if (set_table_resize(so, (so->used + n) * 2) < 0) return -1;
        PyrtObject *k;
        while (PyrtDict_Next(other, &pos, &k, NULL))
            if (set_add_key(so, k) < 0) return -1;
        return 0;
    }
    PyrtObject *it = Pyrt_GetIter(other);
    if (!it) return -1;
    PyrtObject *k;
    int rc = 0;
    while (rc == 0 && (k = Pyrt_IterNext(it)) != NULL) {
        rc = set_add_key(so, k);
        Pyrt_DecRef(k);
    }
    Pyrt_DecRef(it);
    return rc < 0 || Pyrt_ErrOccurred() ? -1 : 0;
}

static PyrtObject *make_new_set(PyrtType *type, PyrtObject *iterable) {
    PyrtObject *so = set_alloc(type);
    if (so && iterable && set_update_internal(S(so), iterable) < 0) PYRT_CLEAR(so);
    return so;
}

/* ================================================================== public entry points */

PyrtObject *PyrtSet_New(void) { return set_alloc(&PyrtType_Set); }
PyrtObject *PyrtFrozenSet_New(void) { return set_alloc(&PyrtType_FrozenSet); }
PyrtObject *PyrtSet_FromIterable(PyrtObject *iterable) { return make_new_set(&PyrtType_Set, iterable); }

PyrtObject *PyrtFrozenSet_FromIterable(PyrtObject *iterable) {
    if (iterable->type == &PyrtType_FrozenSet) {
        Pyrt_IncRef(iterable);
        return iterable;
    }
    return make_new_set(&PyrtType_FrozenSet, iterable);
}

PyrtObject *PyrtSet_FromArray(PyrtObject *const *items, int64_t n) {
    PyrtObject *s = PyrtSet_New();
    for (int64_t i = 0; s && i < n; i++)
        if (set_add_key(S(s), items[i]) < 0) PYRT_CLEAR(s);
    return s;
}

/* The frozenset CPython's compiler makes of n constants (for x in {1, 2, 3}, x in {...}, and set
 * displays of more than 2 constants): built from the tuple of constants, then rebuilt from its own
 * iteration order when the code object's constants are merged. */
PyrtObject *PyrtFrozenSet_FromConstants(PyrtObject *const *items, int64_t n) {
    PyrtObject *tup = PyrtTuple_FromArray(items, n);
    PyrtObject *f1 = tup ? make_new_set(&PyrtType_FrozenSet, tup) : NULL;
    PYRT_XDECREF(tup);
    if (!f1 || n == 0) return f1;
    PyrtObject *t2 = PyrtTuple_FromIterable(f1);
    PYRT_XDECREF(f1);
    PyrtObject *f2 = t2 ? make_new_set(&PyrtType_FrozenSet, t2) : NULL;
    PYRT_XDECREF(t2);
    return f2;
}

PyrtObject *PyrtSet_FromConstants(PyrtObject *const *items, int64_t n) {
    if (n <= 2) return PyrtSet_FromArray(items, n);
    PyrtObject *f = PyrtFrozenSet_FromConstants(items, n);
    PyrtObject *s = f ? make_new_set(&PyrtType_Set, f) : NULL;   /* BUILD_SET 0 + SET_UPDATE */
    PYRT_XDECREF(f);
    return s;
}

int PyrtSet_Add(PyrtObject *s, PyrtObject *v) { return set_add_key(S(s), v); }
int64_t PyrtSet_Size(PyrtObject *s) { return S(s)->used; }
int PyrtSet_Update(PyrtObject *s, PyrtObject *iterable) { return set_update_internal(S(s), iterable); }

/* A set used as a key is looked up as the equal frozenset (CPython's set_contains/discard rule). */
static PyrtObject *frozen_retry_key(PyrtObject *key) {
    if (!is_mutable_set(key) || Pyrt_ErrMatches((PyrtObject *)&PyrtType_TypeError) != 1) return NULL;
    Pyrt_ErrClear();
    return make_new_set(&PyrtType_FrozenSet, key);
}

static int set_contains_key(SetObject *so, PyrtObject *key) {
    int64_t hash = key_hash(key);
    SetEntry *e;
    if (hash == -1) {
        PyrtObject *tmp = frozen_retry_key(key);
        if (!tmp) return -1;
        int r = set_contains_key(so, tmp);
        Pyrt_DecRef(tmp);
        return r;
    }
    return set_find(so, key, hash, &e);
}

int PyrtSet_Contains(PyrtObject *s, PyrtObject *v) { return set_contains_key(S(s), v); }

int PyrtSet_Discard(PyrtObject *s, PyrtObject *v) {
    int64_t hash = key_hash(v);
    if (hash == -1) {
        PyrtObject *tmp = frozen_retry_key(v);
        if (!tmp) return -1;
        int r = PyrtSet_Discard(s, tmp);
        Pyrt_DecRef(tmp);
        return r;
    }
    return set_discard_entry(S(s), v, hash);
}

int PyrtSet_Remove(PyrtObject *s, PyrtObject *v) {
    int r = PyrtSet_Discard(s, v);
    if (r == 0) {
        Pyrt_ErrSetObject(&PyrtType_KeyError, v);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

PyrtObject *PyrtSet_Pop(PyrtObject *s) {
    SetObject *so = S(s);
    if (so->used == 0) return Pyrt_ErrSetString(&PyrtType_KeyError, "pop from an empty set");
    SetEntry *e = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (e->key == NULL || e->key == DUMMY) {
        e++;
        if (e > limit) e = so->table;
    }
    PyrtObject *key = e->key;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    so->finger = e - so->table + 1;
    return key;
}

PyrtObject *PyrtSet_Copy(PyrtObject *s) {
    if (s->type == &PyrtType_FrozenSet) {
        Pyrt_IncRef(s);
        return s;
    }
    return make_new_set(base_type(s), s);
}

/* ================================================================== set algebra (CPython's order) */

static PyrtObject *set_intersection(PyrtObject *so, PyrtObject *other) {
    if (so == other) return make_new_set(base_type(so), so);
    PyrtObject *result = set_alloc(base_type(so));
    if (!result) return NULL;
    if (PyrtAnySet_Check(other)) {
        PyrtObject *big = so, *small = other;
        if (S(other)->used > S(so)->used) { big = other; small = so; }
        int64_t pos = 0;
        SetEntry *e;
        while (set_next(S(small), &pos, &e)) {
            PyrtObject *k = e->key;
            int64_t h = e->hash;
            Pyrt_IncRef(k);
            SetEntry *found;
            int r = set_find(S(big), k, h, &found);
            if (r > 0) r = set_add_entry(S(result), k, h);
            Pyrt_DecRef(k);
            if (r < 0) { Pyrt_DecRef(result); return NULL; }
        }
        return result;
    }
    PyrtObject *it = Pyrt_GetIter(other);
    if (!it) { Pyrt_DecRef(result); return NULL; }
    PyrtObject *k;
    int rc = 0;
    while (rc == 0 && (k = Pyrt_IterNext(it)) != NULL) {
        int64_t h = key_hash(k);
        SetEntry *found;
        rc = h == -1 ? -1 : set_find(S(so), k, h, &found);
        if (rc > 0) rc = set_add_entry(S(result), k, h);
        Pyrt_DecRef(k);
    }
    Pyrt_DecRef(it);
    if (rc < 0 || Pyrt_ErrOccurred()) PYRT_CLEAR(result);
    return result;
}

/* swap the contents of two sets (intersection_update) */
static void set_swap_bodies(SetObject *a, SetObject *b) {
    SetObject t = *a;
    a->fill = b->fill; a->used = b->used; a->mask = b->mask; a->table = b->table;
    b->fill = t.fill; b->used = t.used; b->mask = t.mask; b->table = t.table;
    a->hash = b->hash = -1;
    if (PYRT_GC_HEAD(a)->next || PYRT_GC_HEAD(b)->next) {   /* either may now hold what the other held */
        Pyrt_GCTrack(&a->ob);
        Pyrt_GCTrack(&b->ob);
    }
}

static int set_difference_update_internal(SetObject *so, PyrtObject *other) {
    if (&so->ob == other) return PyrtSet_Clear(&so->ob);
    if (PyrtAnySet_Check(other)) {
        int64_t pos = 0;
        SetEntry *e;
        Pyrt_IncRef(other);
        while (set_next(S(other), &pos, &e)) {
            PyrtObject *k = e->key;
            Pyrt_IncRef(k);
            int r = set_discard_entry(so, k, e->hash);
            Pyrt_DecRef(k);
            if (r < 0) { Pyrt_DecRef(other); return -1; }
        }
        Pyrt_DecRef(other);
    } else {
        PyrtObject *it = Pyrt_GetIter(other);
        if (!it) return -1;
        PyrtObject *k;
        int rc = 0;
        while (rc >= 0 && (k = Pyrt_IterNext(it)) != NULL) {
            rc = PyrtSet_Discard(&so->ob, k);
            Pyrt_DecRef(k);
        }
        Pyrt_DecRef(it);
        if (rc < 0 || Pyrt_ErrOccurred()) return -1;
    }
    if ((uint64_t)(so->fill - so->used) <= (uint64_t)so->mask / 4) return 0;   /* few dummies */
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static PyrtObject *set_copy_and_difference(PyrtObject *so, PyrtObject *other) {
    PyrtObject *result = make_new_set(base_type(so), so);
    if (result && set_difference_update_internal(S(result), other) < 0) PYRT_CLEAR(result);
    return result;
}

static PyrtObject *set_difference(PyrtObject *so, PyrtObject *other) {
    int64_t other_size;
    if (PyrtAnySet_Check(other)) other_size = S(other)->used;
    else if (other->type == &PyrtType_Dict) other_size = PyrtDict_Size(other);
    else return set_copy_and_difference(so, other);
    if ((S(so)->used >> 2) > other_size) return set_copy_and_difference(so, other);
    PyrtObject *result = set_alloc(base_type(so));
    if (!result) return NULL;
    int64_t pos = 0;
    SetEntry *e;
    while (set_next(S(so), &pos, &e)) {
        PyrtObject *k = e->key;
        int64_t h = e->hash;
        Pyrt_IncRef(k);
        int r;
        if (other->type == &PyrtType_Dict) {
            r = PyrtDict_Contains(other, k);
        } else {
            SetEntry *found;
            r = set_find(S(other), k, h, &found);
        }
        if (r == 0) r = set_add_entry(S(result), k, h);
        Pyrt_DecRef(k);
        if (r < 0) { Pyrt_DecRef(result); return NULL; }
    }
    return result;
}

static int set_symmetric_difference_update(SetObject *so, PyrtObject *other) {
    if (&so->ob == other) return PyrtSet_Clear(other);
    PyrtObject *otherset;
    if (PyrtAnySet_Check(other)) {
        Pyrt_IncRef(other);
        otherset = other;
    } else {
        otherset = make_new_set(base_type(&so->ob), other);
        if (!otherset) return -1;
    }
    int64_t pos = 0;
    SetEntry *e;
    int rc = 0;
    while (rc >= 0 && set_next(S(otherset), &pos, &e)) {
        PyrtObject *k = e->key;
        int64_t h = e->hash;
        Pyrt_IncRef(k);
        rc = set_discard_entry(so, k, h);
        if (rc == 0) rc = set_add_entry(so, k, h);
        Pyrt_DecRef(k);
    }
    Pyrt_DecRef(otherset);
    return rc < 0 ? -1 : 0;
}

static PyrtObject *set_symmetric_difference(PyrtObject *so, PyrtObject *other) {
    PyrtObject *otherset = make_new_set(base_type(so), other);
    if (otherset && set_symmetric_difference_update(S(otherset), so) < 0) PYRT_CLEAR(otherset);
    return otherset;
}

static int set_issubset(PyrtObject *so, PyrtObject *other) {
    if (!PyrtAnySet_Check(other)) {
        PyrtObject *tmp = make_new_set(&PyrtType_Set, other);
        if (!tmp) return -1;
        int r = set_issubset(so, tmp);
        Pyrt_DecRef(tmp);
        return r;
    }
    if (S(so)->used > S(other)->used) return 0;
    int64_t pos = 0;
    SetEntry *e;
    while (set_next(S(so), &pos, &e)) {
        PyrtObject *k = e->key;
        Pyrt_IncRef(k);
        SetEntry *found;
        int r = set_find(S(other), k, e->hash, &found);
        Pyrt_DecRef(k);
        if (r <= 0) return r;
    }
    return 1;
}

static int set_issuperset(PyrtObject *so, PyrtObject *other) {
    if (PyrtAnySet_Check(other)) return set_issubset(other, so);
    PyrtObject *it = Pyrt_GetIter(other);
    if (!it) return -1;
    PyrtObject *k;
    int r = 1;
    while (r == 1 && (k = Pyrt_IterNext(it)) != NULL) {
        r = set_contains_key(S(so), k);
        Pyrt_DecRef(k);
    }
    Pyrt_DecRef(it);
    if (Pyrt_ErrOccurred()) return -1;
    return r;
}

static int set_isdisjoint(PyrtObject *so, PyrtObject *other) {
    if (so == other) return S(so)->used == 0;
    if (PyrtAnySet_Check(other)) {
        PyrtObject *small = so, *big = other;
        if (S(other)->used < S(so)->used) { small = other; big = so; }
        int64_t pos = 0;
        SetEntry *e;
        while (set_next(S(small), &pos, &e)) {
            PyrtObject *k = e->key;
            Pyrt_IncRef(k);
            SetEntry *found;
            int r = set_find(S(big), k, e->hash, &found);
            Pyrt_DecRef(k);
            if (r != 0) return r < 0 ? -1 : 0;
        }
        return 1;
    }
    PyrtObject *it = Pyrt_GetIter(other);
    if (!it) return -1;
    PyrtObject *k;
    int r = 0;
    while (r == 0 && (k = Pyrt_IterNext(it)) != NULL) {
        r = set_contains_key(S(so), k);
        Pyrt_DecRef(k);
    }
    Pyrt_DecRef(it);
    if (r < 0 || Pyrt_ErrOccurred()) return -1;
    return !r;
}

int PyrtSet_IsSubset(PyrtObject *a, PyrtObject *b) { return set_issubset(a, b); }

/* ================================================================== operators */

static PyrtObject *set_or(PyrtObject *a, PyrtObject *b) {
    PyrtObject *r = make_new_set(base_type(a), a);
    if (r && a != b && set_update_internal(S(r), b) < 0) PYRT_CLEAR(r);
    return r;
}

PyrtObject *PyrtSet_Or(PyrtObject *a, PyrtObject *b) {
    if (!PyrtAnySet_Check(a) || !PyrtAnySet_Check(b)) return Pyrt_NotImplemented;
    return set_or(a, b);
}

PyrtObject *PyrtSet_And(PyrtObject *a, PyrtObject *b) {
    if (!PyrtAnySet_Check(a) || !PyrtAnySet_Check(b)) return Pyrt_NotImplemented;
    return set_intersection(a, b);
}

PyrtObject *PyrtSet_Sub(PyrtObject *a, PyrtObject *b) {
    if (!PyrtAnySet_Check(a) || !PyrtAnySet_Check(b)) return Pyrt_NotImplemented;
    return set_difference(a, b);
}

PyrtObject *PyrtSet_Xor(PyrtObject *a, PyrtObject *b) {
    if (!PyrtAnySet_Check(a) || !PyrtAnySet_Check(b)) return Pyrt_NotImplemented;
    return set_symmetric_difference(a, b);
}

/* a |= b etc. on a mutable set: modifies a, returns it */
static PyrtObject *set_inplace(PyrtObject *a, PyrtObject *b, int op) {
    int rc;
    if (op == PYRT_OR) rc = set_update_internal(S(a), b);
    else if (op == PYRT_SUB) rc = set_difference_update_internal(S(a), b);
    else if (op == PYRT_XOR) rc = set_symmetric_difference_update(S(a), b);
    else {
        PyrtObject *tmp = set_intersection(a, b);
        if (!tmp) return NULL;
        set_swap_bodies(S(a), S(tmp));
        Pyrt_DecRef(tmp);
        rc = 0;
    }
    if (rc < 0) return NULL;
    Pyrt_IncRef(a);
    return a;
}

static PyrtObject *set_binop(PyrtObject *a, PyrtObject *b, int op) {
    int inplace = op & PYRT_INPLACE;
    op &= ~PYRT_INPLACE;
    if (op != PYRT_OR && op != PYRT_AND && op != PYRT_SUB && op != PYRT_XOR) return Pyrt_NotImplemented;
    if (!PyrtAnySet_Check(a) || !PyrtAnySet_Check(b)) return Pyrt_NotImplemented;
    if (inplace && is_mutable_set(a)) return set_inplace(a, b, op);
    switch (op) {
    case PYRT_OR: return set_or(a, b);
    case PYRT_AND: return set_intersection(a, b);
    case PYRT_SUB: return set_difference(a, b);
    default: return set_symmetric_difference(a, b);
    }
}

PyrtObject *PyrtSet_RichCompare(PyrtObject *a, PyrtObject *b, int op) {
    if (!PyrtAnySet_Check(a) || !PyrtAnySet_Check(b)) return Pyrt_NotImplemented;
    SetObject *x = S(a), *y = S(b);
    int r;
    switch (op) {
    case PYRT_EQ: case PYRT_NE:
        if (x->used != y->used) r = 0;
        else if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) r = 0;
        else r = set_issubset(a, b);
        if (r >= 0 && op == PYRT_NE) r = !r;
        break;
    case PYRT_LE: r = set_issubset(a, b); break;
    case PYRT_GE: r = set_issuperset(a, b); break;
    case PYRT_LT: r = x->used < y->used ? set_issubset(a, b) : 0; break;
    default: r = x->used > y->used ? set_issuperset(a, b) : 0; break;
    }
    if (r < 0) return NULL;
    return Pyrt_BoolFromC(r);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

int64_t PyrtFrozenSet_Hash(PyrtObject *o) {
    SetObject *so = S(o);
    if (so->hash != -1) return so->hash;
    uint64_t hash = 0;
    for (int64_t i = 0; i <= so->mask; i++) {
        PyrtObject *k = so->table[i].key;
        if (k && k != DUMMY) hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    }
    hash ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1) hash = 590923713ULL;
    so->hash = (int64_t)hash;
    return so->hash;
}

PyrtObject *PyrtSet_Repr(PyrtObject *o) {
    SetObject *so = S(o);
    bool plain = o->type == &PyrtType_Set;
    if (so->used == 0) return Pyrt_StrFormat("%s()", o->type->name);
    int rec = PyrtCont_ReprEnter(o);
    if (rec < 0) return NULL;
    if (rec) return Pyrt_StrFormat("%s(...)", o->type->name);
    PyrtContBuf b = {0};
    int rc = plain ? 0 : PyrtContBuf_AppendC(&b, o->type->name);
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, plain ? "{" : "({");
    int64_t pos = 0;
    SetEntry *e;
    bool first = true;
    while (rc == 0 && set_next(so, &pos, &e)) {
        PyrtObject *k = e->key;
        if (!first) rc = PyrtContBuf_AppendC(&b, ", ");
        first = false;
        Pyrt_IncRef(k);
        if (rc == 0) rc = PyrtContBuf_AppendRepr(&b, k);
        Pyrt_DecRef(k);
    }
    if (rc == 0) rc = PyrtContBuf_AppendC(&b, plain ? "}" : "})");
    PyrtCont_ReprLeave(o);
    if (rc < 0) { PyrtContBuf_Free(&b); return NULL; }
    return PyrtContBuf_Finish(&b);
}

static int64_t set_len(PyrtObject *o) { return S(o)->used; }

/* ================================================================== iterator */

typedef struct {
    PyrtObject ob;
    PyrtObject *set;   /* NULL when exhausted */
    int64_t pos, used, remaining;
} SetIterObject;

static PyrtObject *set_iter(PyrtObject *o) {
    SetIterObject *it = (SetIterObject *)Pyrt_Alloc(&PyrtType_SetIter, sizeof(SetIterObject));
    if (!it) return NULL;
    Pyrt_IncRef(o);
    it->set = o;
    it->used = S(o)->used;
    it->remaining = S(o)->used;
    return &it->ob;
}

static void setiter_dealloc(PyrtObject *o) { PYRT_CLEAR(((SetIterObject *)o)->set); }

static PyrtObject *setiter_next(PyrtObject *o) {
    SetIterObject *it = (SetIterObject *)o;
    if (!it->set) return NULL;
    SetObject *so = S(it->set);
    if (it->used != so->used) {
        it->used = -1;
        return Pyrt_ErrSetString(&PyrtType_RuntimeError, "Set changed size during iteration");
    }
    SetEntry *e;
    if (!set_next(so, &it->pos, &e)) {
        PYRT_CLEAR(it->set);
        return NULL;
    }
    it->remaining--;
    Pyrt_IncRef(e->key);
    return e->key;
}

PyrtType PyrtType_SetIter = {
    .ob = PYRT_TYPE_HEAD, .name = "set_iterator", .base = &PyrtType_Object,
    .basicsize = sizeof(SetIterObject), .flags = PYRT_TPFLAG_NOSUBCLASS,
    .dealloc = setiter_dealloc, .iter = PyrtIter_SelfIter, .iternext = setiter_next,
};

/* ================================================================== constructors and methods */

PyrtObject *PyrtSet_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    if (PyrtCont_NoKw("set", kwnames) < 0 || PyrtCont_ArgRange("set", nargs, 0, 1) < 0) return NULL;
    PyrtType *t = (type && PyrtType_IsSubtype((PyrtType *)type, &PyrtType_Set)) ? (PyrtType *)type : &PyrtType_Set;
    return make_new_set(t, nargs ? args[0] : NULL);
}

PyrtObject *PyrtFrozenSet_TpNew(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    if (PyrtCont_NoKw("frozenset", kwnames) < 0 || PyrtCont_ArgRange("frozenset", nargs, 0, 1) < 0) return NULL;
    PyrtType *t = (type && PyrtType_IsSubtype((PyrtType *)type, &PyrtType_FrozenSet)) ? (PyrtType *)type
                                                                                     : &PyrtType_FrozenSet;
    if (t == &PyrtType_FrozenSet && nargs == 1 && args[0]->type == &PyrtType_FrozenSet) {
        Pyrt_IncRef(args[0]);
        return args[0];
    }
    return make_new_set(t, nargs ? args[0] : NULL);
}

static PyrtObject *none_or_null(int rc) { return rc < 0 ? NULL : Pyrt_None; }

PYRT_SET_METH(add) {
    if (PyrtCont_OneArg("set.add", nargs, kwnames) < 0) return NULL;
    return none_or_null(set_add_key(S(self), args[0]));
}

PYRT_SET_METH(discard) {
    if (PyrtCont_OneArg("set.discard", nargs, kwnames) < 0) return NULL;
    return none_or_null(PyrtSet_Discard(self, args[0]));
}

PYRT_SET_METH(remove) {
    if (PyrtCont_OneArg("set.remove", nargs, kwnames) < 0) return NULL;
    return none_or_null(PyrtSet_Remove(self, args[0]));
}

PYRT_SET_METH(pop) {
    if (PyrtCont_NoArgs("set.pop", nargs, kwnames) < 0) return NULL;
    return PyrtSet_Pop(self);
}

PYRT_SET_METH(clear) {
    if (PyrtCont_NoArgs("set.clear", nargs, kwnames) < 0) return NULL;
    return none_or_null(PyrtSet_Clear(self));
}

static const char *qual(PyrtObject *self, const char *meth, char *buf, size_t n) {
    Pyrt_Snprintf(buf, n, "%s.%s", PyrtFrozenSet_Check(self) ? "frozenset" : "set", meth);
    return buf;
}

PYRT_SET_METH(copy) {
    char q[64];
    if (PyrtCont_NoArgs(qual(self, "copy", q, sizeof q), nargs, kwnames) < 0) return NULL;
    return PyrtSet_Copy(self);
}

PYRT_SET_METH(update) {
    if (PyrtCont_NoKw("set.update", kwnames) < 0) return NULL;
    for (int64_t i = 0; i < nargs; i++)
        if (set_update_internal(S(self), args[i]) < 0) return NULL;
    return Pyrt_None;
}

PYRT_SET_METH(union) {
    char q[64];
    if (PyrtCont_NoKw(qual(self, "union", q, sizeof q), kwnames) < 0) return NULL;
    PyrtObject *r = make_new_set(base_type(self), self);
    for (int64_t i = 0; r && i < nargs; i++)
        if (args[i] != self && set_update_internal(S(r), args[i]) < 0) PYRT_CLEAR(r);
    return r;
}

PYRT_SET_METH(intersection) {
    char q[64];
    if (PyrtCont_NoKw(qual(self, "intersection", q, sizeof q), kwnames) < 0) return NULL;
    if (nargs == 0) return make_new_set(base_type(self), self);
    Pyrt_IncRef(self);
    PyrtObject *r = self;
    for (int64_t i = 0; r && i < nargs; i++) {
        PyrtObject *n = set_intersection(r, args[i]);
        Pyrt_DecRef(r);
        r = n;
    }
    return r;
}

PYRT_SET_METH(difference) {
    char q[64];
    if (PyrtCont_NoKw(qual(self, "difference", q, sizeof q), kwnames) < 0) return NULL;
    if (nargs == 0) return make_new_set(base_type(self), self);
    PyrtObject *r = set_difference(self, args[0]);
    for (int64_t i = 1; r && i < nargs; i++)
        if (set_difference_update_internal(S(r), args[i]) < 0) PYRT_CLEAR(r);
    return r;
}

PYRT_SET_METH(symmetric_difference) {
    char q[64];
    if (PyrtCont_OneArg(qual(self, "symmetric_difference", q, sizeof q), nargs, kwnames) < 0) return NULL;
    return set_symmetric_difference(self, args[0]);
}

PYRT_SET_METH(intersection_update) {
    if (PyrtCont_NoKw("set.intersection_update", kwnames) < 0) return NULL;
    PyrtObject *tmp = PyrtSet_meth_intersection(self, args, nargs, NULL);
    if (!tmp) return NULL;
    set_swap_bodies(S(self), S(tmp));
    Pyrt_DecRef(tmp);
    return Pyrt_None;
}

PYRT_SET_METH(difference_update) {
    if (PyrtCont_NoKw("set.difference_update", kwnames) < 0) return NULL;
    for (int64_t i = 0; i < nargs; i++)
        if (set_difference_update_internal(S(self), args[i]) < 0) return NULL;
    return Pyrt_None;
}

PYRT_SET_METH(symmetric_difference_update) {
    if (PyrtCont_OneArg("set.symmetric_difference_update", nargs, kwnames) < 0) return NULL;
    return none_or_null(set_symmetric_difference_update(S(self), args[0]));
}

static PyrtObject *bool_or_null(int r) { return r < 0 ? NULL : Pyrt_BoolFromC(r); }

PYRT_SET_METH(issubset) {
    char q[64];
    if (PyrtCont_OneArg(qual(self, "issubset", q, sizeof q), nargs, kwnames) < 0) return NULL;
    return bool_or_null(set_issubset(self, args[0]));
}

PYRT_SET_METH(issuperset) {
    char q[64];
    if (PyrtCont_OneArg(qual(self, "issuperset", q, sizeof q), nargs, kwnames) < 0) return NULL;
    return bool_or_null(set_issuperset(self, args[0]));
}

PYRT_SET_METH(isdisjoint) {
    char q[64];
    if (PyrtCont_OneArg(qual(self, "isdisjoint", q, sizeof q), nargs, kwnames) < 0) return NULL;
    return bool_or_null(set_isdisjoint(self, args[0]));
}

static const PyrtMethodDef set_methods[] = {
    {"__init__", PyrtBuiltin_meth___init__},
    {"add", PyrtSet_meth_add}, {"discard", PyrtSet_meth_discard}, {"remove", PyrtSet_meth_remove},
    {"pop", PyrtSet_meth_pop}, {"clear", PyrtSet_meth_clear}, {"copy", PyrtSet_meth_copy},
    {"update", PyrtSet_meth_update}, {"union", PyrtSet_meth_union},
    {"intersection", PyrtSet_meth_intersection}, {"difference", PyrtSet_meth_difference},
    {"symmetric_difference", PyrtSet_meth_symmetric_difference},
    {"intersection_update", PyrtSet_meth_intersection_update},
    {"difference_update", PyrtSet_meth_difference_update},
    {"symmetric_difference_update", PyrtSet_meth_symmetric_difference_update},
    {"issubset", PyrtSet_meth_issubset}, {"issuperset", PyrtSet_meth_issuperset},
    {"isdisjoint", PyrtSet_meth_isdisjoint}, {NULL, NULL},
};

static const PyrtMethodDef frozenset_methods[] = {
    {"copy", PyrtSet_meth_copy}, {"union", PyrtSet_meth_union},
    {"intersection", PyrtSet_meth_intersection}, {"difference", PyrtSet_meth_difference},
    {"symmetric_difference", PyrtSet_meth_symmetric_difference},
    {"issubset", PyrtSet_meth_issubset}, {"issuperset", PyrtSet_meth_issuperset},
    {"isdisjoint", PyrtSet_meth_isdisjoint}, {NULL, NULL},
};

PyrtType PyrtType_Set = {
    .ob = PYRT_TYPE_HEAD,
    .name = "set",
    .base = &PyrtType_Object,
    .basicsize = sizeof(SetObject),
    .flags = PYRT_TPFLAG_GC | PYRT_TPFLAG_UNTRACKED | PYRT_TPFLAG_BASETYPE,
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .repr = PyrtSet_Repr,
    .hash = PyrtCont_Unhashable,
    .richcompare = PyrtSet_RichCompare,
    .iter = set_iter,
    .len = set_len,
    .contains = PyrtSet_Contains,
};

PyrtType PyrtType_FrozenSet = {
    .ob = PYRT_TYPE_HEAD,
    .name = "frozenset",
    .base = &PyrtType_Object,
    .basicsize = sizeof(SetObject),
    .flags = PYRT_TPFLAG_GC | PYRT_TPFLAG_UNTRACKED,
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .repr = PyrtSet_Repr,
    .hash = PyrtFrozenSet_Hash,
    .richcompare = PyrtSet_RichCompare,
    .iter = set_iter,
    .len = set_len,
    .contains = PyrtSet_Contains,
};

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_set(void)
{
    PyrtType_Set.methods = set_methods;
    PyrtType_FrozenSet.methods = frozenset_methods;
}
void pyrt_lazy_binop_set(void)
{
    PyrtType_Set.binop = set_binop;
    PyrtType_FrozenSet.binop = set_binop;
}
void pyrt_lazy_tp_new_set(void)
{
    PyrtType_Set.tp_new = PyrtSet_TpNew;
    PyrtType_FrozenSet.tp_new = PyrtFrozenSet_TpNew;
}
