/* weakref.c: weak references. pyrite/lib/_weakref.py defines ref and proxy as compiled classes; this
 * file is what makes them weak: a table from each weak reference to its referent (not counted) and from
 * each referent to its weak references with their callbacks. Pyrt_Dealloc calls weakref_dealloc
 * (through pyrt_weakref_dealloc) while any weak reference exists: a dying referent has its weak references cleared and then their
 * callbacks called (CPython's order); a dying weak reference leaves its referent's list. The cycle
 * collector clears the weak references to its garbage before it runs finalizers or clears anything, and
 * calls only the callbacks of weak references that are not garbage themselves (as CPython's
 * handle_weakrefs).
 *
 * Builtins (the names are pyrite's; _weakref.py is their only user):
 *   __pyrite_weakref_set__(wr, ob, callback)   wr refers to ob from now on
 *   __pyrite_weakref_get__(wr)                 ob, or None once it died
 *   __pyrite_weakref_callback__(wr)            the callback, None once called or if none
 *   __pyrite_weakref_find__(ob, type)          the first weak reference to ob of exactly `type` with no
 *                                              callback, or None (ref(ob) returns it again, as CPython)
 *   __pyrite_weakref_list__(ob)                the weak references to ob (getweakrefs)
 */
#include "pyrt.h"
#include <stdlib.h>
#include <string.h>

typedef struct Node {
    PyrtObject *wr;          /* borrowed: a weak reference leaves the list when it dies */
    PyrtObject *callback;    /* counted; NULL: none */
    struct Node *next;
} Node;

/* open addressing with linear probing; key NULL: empty, TOMB: deleted */
#define TOMB ((void *)1)
typedef struct { void **keys; void **vals; size_t cap, used, live; } Map;

static Map referents;   /* referent -> Node list */
static Map refs;        /* weak reference -> referent */

static size_t hash_ptr(void *p, size_t cap)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x & (cap - 1);
}

static void **map_find(Map *m, void *key)
{
    if (!m->cap)
        return NULL;
    for (size_t i = hash_ptr(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == key)
            return &m->vals[i];
        if (!m->keys[i])
            return NULL;
    }
}

static int map_grow(Map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    while (m->live * 2 >= cap)
        cap *= 2;
    void **keys = Pyrt_Malloc(cap * sizeof(void *)), **vals = keys ? Pyrt_Malloc(cap * sizeof(void *)) : NULL;
    if (!keys || !vals) {
        Pyrt_Free(keys);
        return -1;
    }
    memset(keys, 0, cap * sizeof(void *));
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i] && m->keys[i] != TOMB) {
            size_t j = hash_ptr(m->keys[i], cap);
            while (keys[j])
                j = (j + 1) & (cap - 1);
            keys[j] = m->keys[i];
            vals[j] = m->vals[i];
        }
    Pyrt_Free(m->keys);
    Pyrt_Free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    m->used = m->live;
    return 0;
}

static int map_put(Map *m, void *key, void *val)
{
    void **slot = map_find(m, key);
    if (slot) {
        *slot = val;
        return 0;
    }
    if ((m->used + 1) * 4 >= m->cap * 3 && map_grow(m) < 0)
        return -1;
    size_t i = hash_ptr(key, m->cap);
    while (m->keys[i] && m->keys[i] != TOMB)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i])
        m->used++;
    m->keys[i] = key;
    m->vals[i] = val;
    m->live++;
    return 0;
}

static void map_del(Map *m, void *key)
{
    void **slot = map_find(m, key);
    if (!slot)
        return;
    size_t i = (size_t)(slot - m->vals);
    m->keys[i] = TOMB;
    m->vals[i] = NULL;
    m->live--;
}

/* the types CPython can refer to weakly (pyrite's equivalents); int, str, tuple, list, dict, ... cannot */
static bool weakrefable(PyrtObject *o)
{
    PyrtType *t = o->type;
    if (t->flags & PYRT_TPFLAG_USER)
        return true;
    if (t->flags & (PYRT_TPFLAG_TYPE | PYRT_TPFLAG_GENERATOR))
        return true;
    return t == &PyrtType_Set || t == &PyrtType_FrozenSet || t == &PyrtType_Function ||
           t == &PyrtType_Method || t == &PyrtType_BuiltinFunction || t == &PyrtType_Type ||
           t == &PyrtType_Module || PyrtType_IsSubtype(t, &PyrtType_BaseException) || t == &PyrtType_Property ||
           t == &PyrtType_ClassMethod || t == &PyrtType_StaticMethod;
}

/* wr stops referring to anything: out of both tables; its callback (counted) is returned, or NULL */
static PyrtObject *detach(PyrtObject *wr)
{
    void **slot = map_find(&refs, wr);
    if (!slot)
        return NULL;
    PyrtObject *ob = *slot;
    map_del(&refs, wr);
    pyrt_weakref_live = (int64_t)refs.live;
    void **head = map_find(&referents, ob);
    PyrtObject *cb = NULL;
    if (head) {
        for (Node **p = (Node **)head; *p; p = &(*p)->next)
            if ((*p)->wr == wr) {
                Node *n = *p;
                *p = n->next;
                cb = n->callback;
                Pyrt_Free(n);
                break;
            }
        if (!*head)
            map_del(&referents, ob);
    }
    return cb;
}

static void call_callback(PyrtObject *cb, PyrtObject *wr)
{
    PyrtObject *r = Pyrt_Call(cb, &wr, 1, NULL);
    if (r) {
        PYRT_DECREF(r);
        return;
    }
    PyrtObject *exc = Pyrt_ErrFetch();   /* "Exception ignored in: <function cb at 0x...>", as CPython */
    PyrtObject *what = Pyrt_Repr(cb);
    Pyrt_ErrClear();
    Pyrt_ErrRestore(exc);
    Pyrt_WriteUnraisable(what ? PyrtStr_UTF8(what) : "<weakref callback>");
    Pyrt_XDecRef(what);
}

/* ob's weak references die (callbacks called when `call`, for those `keep` accepts) */
static void clear_referent(PyrtObject *ob, bool (*keep)(PyrtObject *))
{
    void **head = map_find(&referents, ob);
    if (!head)
        return;
    Node *list = *head;
    map_del(&referents, ob);
    int64_t n = 0;
    for (Node *p = list; p; p = p->next) {
        map_del(&refs, p->wr);
        n++;
    }
    pyrt_weakref_live = (int64_t)refs.live;
    /* keep every weak reference with a callback alive until all callbacks ran (one may drop another) */
    PyrtObject *saved = Pyrt_ErrFetch();
    for (Node *p = list; p; p = p->next)
        if (p->callback && (!keep || keep(p->wr)))
            Pyrt_IncRef(p->wr);
        else if (p->callback) {
            Pyrt_DecRef(p->callback);
            p->callback = NULL;
        }
    for (Node *p = list; p; p = p->next)
        if (p->callback)
            call_callback(p->callback, p->wr);
    while (list) {
        Node *next = list->next;
        if (list->callback) {
            Pyrt_DecRef(list->callback);
            Pyrt_DecRef(list->wr);
        }
        Pyrt_Free(list);
        list = next;
    }
    Pyrt_ErrRestore(saved);
    (void)n;
}

static void weakref_dealloc(PyrtObject *o)
{
    PyrtObject *cb = detach(o);   /* o is a weak reference */
    Pyrt_XDecRef(cb);
    clear_referent(o, NULL);      /* o is a referent (its refcount is 0: callbacks see a dead reference) */
}

/* the cycle collector's garbage (objs, k of them, each held by the collector) */
static Map garbage;
static bool not_garbage(PyrtObject *wr) { return map_find(&garbage, wr) == NULL; }

static void collect_garbage(PyrtObject **objs, int64_t k)
{
    for (int64_t i = 0; i < k; i++)
        if (map_put(&garbage, objs[i], objs[i]) < 0) {
            Pyrt_ErrClear();
            break;   /* (no memory: callbacks of garbage weak references may run: harmless) */
        }
    for (int64_t i = 0; i < k; i++)
        clear_referent(objs[i], not_garbage);
    Pyrt_Free(garbage.keys);
    Pyrt_Free(garbage.vals);
    memset(&garbage, 0, sizeof garbage);
}

static PyrtObject *ret_none(void)
{
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

PYRT_BUILTIN(__pyrite_weakref_set__)
{
    (void)self; (void)kwnames;
    if (nargs != 3)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "__pyrite_weakref_set__ takes 3 arguments");
    PyrtObject *wr = args[0], *ob = args[1], *cb = args[2];
    if (!weakrefable(ob))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "cannot create weak reference to '%s' object", ob->type->name);
    pyrt_weakref_dealloc = weakref_dealloc;
    pyrt_weakref_collect_garbage = collect_garbage;
    Pyrt_XDecRef(detach(wr));
    Node *n = Pyrt_Malloc(sizeof(Node));
    if (!n)
        return NULL;
    n->wr = wr;
    n->callback = cb == Pyrt_None ? NULL : cb;
    if (n->callback)
        Pyrt_IncRef(cb);
    void **head = map_find(&referents, ob);
    if (head) {   /* at the end: getweakrefs lists them in creation order */
        Node **p = (Node **)head;
        while (*p)
            p = &(*p)->next;
        *p = n;
        n->next = NULL;
    } else {
        n->next = NULL;
        if (map_put(&referents, ob, n) < 0) {
            Pyrt_XDecRef(n->callback);
            Pyrt_Free(n);
            return NULL;
        }
    }
    if (map_put(&refs, wr, ob) < 0) {
        Pyrt_XDecRef(detach(wr));
        return NULL;
    }
    pyrt_weakref_live = (int64_t)refs.live;
    return ret_none();
}

PYRT_BUILTIN(__pyrite_weakref_get__)
{
    (void)self; (void)nargs; (void)kwnames;
    void **slot = map_find(&refs, args[0]);
    PyrtObject *ob = slot ? *slot : Pyrt_None;
    Pyrt_IncRef(ob);
    return ob;
}

PYRT_BUILTIN(__pyrite_weakref_callback__)
{
    (void)self; (void)nargs; (void)kwnames;
    void **slot = map_find(&refs, args[0]);
    if (slot) {
        void **head = map_find(&referents, *slot);
        for (Node *p = head ? *head : NULL; p; p = p->next)
            if (p->wr == args[0] && p->callback) {
                Pyrt_IncRef(p->callback);
                return p->callback;
            }
    }
    return ret_none();
}

PYRT_BUILTIN(__pyrite_weakref_find__)
{
    (void)self; (void)nargs; (void)kwnames;
    void **head = map_find(&referents, args[0]);
    for (Node *p = head ? *head : NULL; p; p = p->next)
        if (!p->callback && (PyrtObject *)p->wr->type == args[1]) {
            Pyrt_IncRef(p->wr);
            return p->wr;
        }
    return ret_none();
}

PYRT_BUILTIN(__pyrite_weakref_list__)
{
    (void)self; (void)nargs; (void)kwnames;
    PyrtObject *l = PyrtList_New(0);
    void **head = map_find(&referents, args[0]);
    for (Node *p = head ? *head : NULL; l && p; p = p->next)
        if (PyrtList_Append(l, p->wr) < 0) {
            PYRT_DECREF(l);
            return NULL;
        }
    return l;
}
