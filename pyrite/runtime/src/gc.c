/* gc.c: the cycle collector (CPython's algorithm) and the gc module.
 *
 * Reference counting frees everything but cycles. Objects of the types that can make cycles
 * (PYRT_TPFLAG_GC: lists, tuples, dicts, sets, compiled-class instances, exceptions, functions,
 * cells, bound methods, method wrappers, properties) are allocated with a PyrtGCHead before them
 * and linked into one of three generations. A collection of generation g (and the younger ones):
 *   1. copies each object's reference count into its header (gc_refs);
 *   2. subtracts, for every reference the objects of the set hold to each other (their type's
 *      traverse), one from the referent's gc_refs: what is left counts references from outside the
 *      set (other generations, untracked objects, C locals and statics of compiled code);
 *   3. marks everything reachable from an object with gc_refs > 0; the rest is cyclic garbage;
 *   4. runs the __del__ of garbage instances once (PEP 442), then re-checks the garbage: what a
 *      finalizer made reachable again survives;
 *   5. clears the garbage (each object releases its references: the type's dealloc, which leaves
 *      the object valid) so that reference counting frees it.
 * The only requirement on the rest of the runtime: a traverse reports only counted references.
 * A reference it does not report is safe (it only keeps things alive); compiled code's registers
 * are never reported, so whatever they hold counts as referenced from outside.
 *
 * Header: `next` is NULL for an untracked object (made immortal); `prev` is the previous header in
 * the list with PYRT_GC_FINALIZED in bit 0; during a collection it holds gc_refs << 3 and the
 * COLLECTING / REACHABLE bits (the list is walked by `next` only, and `prev` rebuilt after).
 */
#include "pyrt.h"
#include <stdlib.h>
#include <stdio.h>

#define COLLECTING ((uintptr_t)2)
#define REACHABLE ((uintptr_t)4)
#define REFS_SHIFT 3
#define FLAGS(h) ((uintptr_t)(h)->prev & 7u)
#define REFS(h) ((uintptr_t)(h)->prev >> REFS_SHIFT)
#define PTR(h) ((PyrtGCHead *)((uintptr_t)(h)->prev & ~(uintptr_t)7))
#define OBJ(h) ((PyrtObject *)((h) + 1))

PyrtGCHead pyrt_gc_gens[3] = {
    { &pyrt_gc_gens[0], &pyrt_gc_gens[0] },
    { &pyrt_gc_gens[1], &pyrt_gc_gens[1] },
    { &pyrt_gc_gens[2], &pyrt_gc_gens[2] },
};
int64_t pyrt_gc_count;              /* generation 0: allocations minus deallocations since it was collected */
int64_t pyrt_gc_threshold = INT64_MAX;   /* thresholds[0] once started; INT64_MAX while disabled or collecting */
void (*pyrt_gc_collect_auto)(void);
static bool started;
void (*pyrt_gc_call_del)(PyrtObject *);   /* calls o.__del__() (type.c sets it with the first such class) */
void (*pyrt_gc_close_generator)(PyrtObject *);   /* gen.c sets it with the first generator */

static int64_t thresholds[3] = { 700, 10, 10 };
static int64_t counts[3];           /* [0] unused (pyrt_gc_count); [1], [2]: collections of the one below */
static int64_t long_lived_total, long_lived_pending;
static bool enabled = true, collecting;
static int64_t collections[3], collected[3];

static void update_threshold(void)
{
    pyrt_gc_threshold = started && enabled && !collecting && thresholds[0] > 0 ? thresholds[0] : INT64_MAX;
}

static inline void set_prev(PyrtGCHead *h, PyrtGCHead *p)
{
    h->prev = (PyrtGCHead *)((uintptr_t)p | ((uintptr_t)h->prev & PYRT_GC_FINALIZED));
}

static void list_init(PyrtGCHead *l)
{
    l->next = l;
    l->prev = l;
}

static bool list_empty(PyrtGCHead *l) { return l->next == l; }

/* append h to l (h's prev carries only its FINALIZED bit in; valid pointers out) */
static inline void list_append(PyrtGCHead *h, PyrtGCHead *l)
{
    PyrtGCHead *last = PTR(l);
    last->next = h;
    h->prev = (PyrtGCHead *)((uintptr_t)last | ((uintptr_t)h->prev & PYRT_GC_FINALIZED));
    h->next = l;
    set_prev(l, h);
}

static void list_merge(PyrtGCHead *from, PyrtGCHead *to)
{
    if (list_empty(from))
        return;
    PyrtGCHead *tail = PTR(to), *first = from->next, *last = PTR(from);
    tail->next = first;
    set_prev(first, tail);
    last->next = to;
    set_prev(to, last);
    list_init(from);
}

static inline bool is_collecting(PyrtObject *o)
{
    return (o->type->flags & PYRT_TPFLAG_GC) && !PYRT_IS_IMMORTAL(o) && PYRT_GC_HEAD(o)->next &&
           ((uintptr_t)PYRT_GC_HEAD(o)->prev & COLLECTING);
}

static void visit_decref(PyrtObject *o, void *arg)
{
    (void)arg;
    if (!o || !is_collecting(o))
        return;
    PyrtGCHead *h = PYRT_GC_HEAD(o);
    if (REFS(h) == 0) {
        /* a traverse reported a reference nobody counted: freeing on that basis could free a live object */
        fputs("pyrite: internal error: the cycle collector found more references to a '", stderr);
        fputs(o->type->name, stderr);
        fputs("' than its count\n", stderr);
        abort();
    }
    h->prev = (PyrtGCHead *)((uintptr_t)h->prev - ((uintptr_t)1 << REFS_SHIFT));
}

typedef struct { PyrtGCHead **items; int64_t n; } Stack;

static void visit_reach(PyrtObject *o, void *arg)
{
    if (!o || !is_collecting(o))
        return;
    PyrtGCHead *h = PYRT_GC_HEAD(o);
    if ((uintptr_t)h->prev & REACHABLE)
        return;
    h->prev = (PyrtGCHead *)((uintptr_t)h->prev | REACHABLE);
    Stack *s = arg;
    s->items[s->n++] = h;
}

/* Steps 1-3 over list l of n objects: on return REACHABLE marks what survives. `held` is subtracted
 * from every count (the references the collector itself holds). false: no memory for the stack. */
static bool mark(PyrtGCHead *l, int64_t n, intptr_t held)
{
    for (PyrtGCHead *h = l->next; h != l; h = h->next)
        h->prev = (PyrtGCHead *)(((uintptr_t)(OBJ(h)->refcnt - held) << REFS_SHIFT) | COLLECTING |
                                 ((uintptr_t)h->prev & PYRT_GC_FINALIZED));
    for (PyrtGCHead *h = l->next; h != l; h = h->next)
        OBJ(h)->type->traverse(OBJ(h), visit_decref, NULL);
    Stack s = { malloc((size_t)(n > 0 ? n : 1) * sizeof(PyrtGCHead *)), 0 };
    if (!s.items) {
        for (PyrtGCHead *h = l->next; h != l; h = h->next)
            h->prev = (PyrtGCHead *)((uintptr_t)h->prev | REACHABLE);
        return false;
    }
    for (PyrtGCHead *h = l->next; h != l; h = h->next)
        if (REFS(h) > 0 && !((uintptr_t)h->prev & REACHABLE)) {
            h->prev = (PyrtGCHead *)((uintptr_t)h->prev | REACHABLE);
            s.items[s.n++] = h;
        }
    while (s.n > 0) {
        PyrtGCHead *h = s.items[--s.n];
        OBJ(h)->type->traverse(OBJ(h), visit_reach, &s);
    }
    free(s.items);
    return true;
}

/* Step 4 of mark: move the REACHABLE objects of l to `keep`, the others to `trash` (either may be l's
 * own successor lists; l ends empty), with valid prev pointers again. */
static int64_t split(PyrtGCHead *l, PyrtGCHead *keep, PyrtGCHead *trash)
{
    int64_t ntrash = 0;
    PyrtGCHead *h = l->next;
    list_init(l);
    while (h != l) {
        PyrtGCHead *next = h->next;
        bool live = (uintptr_t)h->prev & REACHABLE;
        h->prev = (PyrtGCHead *)((uintptr_t)h->prev & PYRT_GC_FINALIZED);
        list_append(h, live ? keep : trash);
        if (!live)
            ntrash++;
        h = next;
    }
    return ntrash;
}

/* Runs o.__del__() once; the object is kept alive by the caller. */
static void finalize(PyrtObject *o)
{
    PyrtGCHead *h = PYRT_GC_HEAD(o);
    h->prev = (PyrtGCHead *)((uintptr_t)h->prev | PYRT_GC_FINALIZED);
    if (pyrt_gc_call_del)
        pyrt_gc_call_del(o);
}

int Pyrt_GCFinalizeDealloc(PyrtObject *o)
{
    o->refcnt = 1;   /* alive while __del__ runs */
    finalize(o);
    if (--o->refcnt != 0)
        return 1;   /* resurrected: __del__ stored a reference somewhere */
    return 0;
}

static PyrtObject *callbacks;   /* gc.callbacks (a list), once the gc module exists */

/* gc.callbacks: each called with ("start" | "stop", {"generation", "collected", "uncollectable"});
 * what one raises is printed as unraisable (as CPython) */
static void run_callbacks(const char *phase, int gen, int64_t collected_now)
{
    if (!callbacks || PyrtList_Len(callbacks) == 0)
        return;
    PyrtObject *saved = Pyrt_ErrFetch();
    PyrtObject *cbs = PyrtList_GetSlice(callbacks, 0, PyrtList_Len(callbacks), 1);   /* a copy: they may edit it */
    PyrtObject *info = PyrtDict_New();
    PyrtObject *ph = PyrtStr_FromCString(phase);
    PyrtObject *g = PyrtInt_FromI64(gen), *c = PyrtInt_FromI64(collected_now), *u = PyrtInt_FromI64(0);
    if (cbs && info && ph && g && c && u && PyrtDict_SetItemStr(info, "generation", g) == 0 &&
        PyrtDict_SetItemStr(info, "collected", c) == 0 && PyrtDict_SetItemStr(info, "uncollectable", u) == 0) {
        for (int64_t i = 0; i < PyrtList_Len(cbs); i++) {
            PyrtObject *f = PyrtList_ItemNew(cbs, i);
            PyrtObject *args[2] = { ph, info };
            PyrtObject *r = f ? Pyrt_Call(f, args, 2, NULL) : NULL;
            if (r) {
                Pyrt_DecRef(r);
            } else {   /* "Exception ignored in: <function cb at 0x...>", as CPython */
                PyrtObject *exc = Pyrt_ErrFetch();
                PyrtObject *what = f ? Pyrt_Repr(f) : NULL;
                Pyrt_ErrClear();
                Pyrt_ErrRestore(exc);
                Pyrt_WriteUnraisable(what ? PyrtStr_UTF8(what) : "<garbage collector callback>");
                Pyrt_XDecRef(what);
            }
            Pyrt_XDecRef(f);
        }
    }
    Pyrt_ErrClear();
    Pyrt_XDecRef(cbs);
    Pyrt_XDecRef(info);
    Pyrt_XDecRef(ph);
    Pyrt_XDecRef(g);
    Pyrt_XDecRef(c);
    Pyrt_XDecRef(u);
    Pyrt_ErrRestore(saved);
}

int PyrtGC_FillModule(PyrtObject *d)
{
    PyrtObject *garbage = PyrtList_New(0);
    callbacks = PyrtList_New(0);
    int rc = garbage && callbacks && PyrtDict_SetItemStr(d, "garbage", garbage) == 0 &&
             PyrtDict_SetItemStr(d, "callbacks", callbacks) == 0 ? 0 : -1;
    Pyrt_XDecRef(garbage);   /* (the module's dict holds them, and the module is immortal) */
    return rc;
}

static int64_t collect(int gen)
{
    collecting = true;
    update_threshold();
    if (gen + 1 < 3)
        counts[gen + 1]++;
    for (int i = 1; i <= gen; i++)
        counts[i] = 0;
    pyrt_gc_count = 0;
    run_callbacks("start", gen, 0);
    PyrtGCHead *young = &pyrt_gc_gens[gen];
    for (int i = 0; i < gen; i++)
        list_merge(&pyrt_gc_gens[i], young);
    int64_t n = 0;
    for (PyrtGCHead *h = young->next; h != young; h = h->next)
        n++;
    if (gen == 2)
        long_lived_pending = 0;
    mark(young, n, 0);
    PyrtGCHead survivors, trash;
    list_init(&survivors);
    list_init(&trash);
    int64_t ntrash = split(young, &survivors, &trash);
    PyrtGCHead *older = gen < 2 ? &pyrt_gc_gens[gen + 1] : &pyrt_gc_gens[2];
    if (gen == 2)
        long_lived_total = n - ntrash;
    else if (gen == 1)
        long_lived_pending += n - ntrash;
    list_merge(&survivors, older);
    int64_t freed = 0;
    if (ntrash > 0) {
        PyrtObject **objs = malloc((size_t)ntrash * sizeof(PyrtObject *));
        if (!objs) {   /* no memory to free memory: keep the garbage for a later collection */
            list_merge(&trash, older);
        } else {
            int64_t k = 0;
            for (PyrtGCHead *h = trash.next; h != &trash; h = h->next) {
                objs[k++] = OBJ(h);
                Pyrt_IncRef(OBJ(h));   /* nothing is freed before every object is cleared */
            }
            if (pyrt_weakref_live > 0)
                pyrt_weakref_collect_garbage(objs, k);   /* weak references to garbage die first (CPython) */
            bool ran = false;
            for (int64_t i = 0; i < k; i++) {
                if ((uintptr_t)PYRT_GC_HEAD(objs[i])->prev & PYRT_GC_FINALIZED)
                    continue;
                if (objs[i]->type->flags & PYRT_TPFLAG_HASDEL) {
                    finalize(objs[i]);
                    ran = true;
                } else if ((objs[i]->type->flags & PYRT_TPFLAG_GENERATOR) &&
                           ((PyrtGenerator *)objs[i])->state > 0) {
                    /* a suspended generator: close() it (its finally blocks run) before anything is cleared */
                    PyrtGCHead *h = PYRT_GC_HEAD(objs[i]);
                    h->prev = (PyrtGCHead *)((uintptr_t)h->prev | PYRT_GC_FINALIZED);
                    pyrt_gc_close_generator(objs[i]);
                    ran = true;
                }
            }
            if (ran) {
                /* what a finalizer made reachable again (and what that reaches) lives on */
                PyrtGCHead again;
                list_init(&again);
                list_merge(&trash, &again);
                mark(&again, k, 1);
                split(&again, older, &trash);
            }
            /* every object of trash is held: clearing one frees none of them (only what they alone held) */
            for (PyrtGCHead *h = trash.next; h != &trash; h = h->next) {
                PyrtObject *o = OBJ(h);
                if (o->type->dealloc)
                    o->type->dealloc(o);   /* releases its references; the object stays valid */
                freed++;
            }
            for (int64_t i = 0; i < k; i++)
                Pyrt_DecRef(objs[i]);
            free(objs);
        }
    }
    collections[gen]++;
    collected[gen] += freed;
    run_callbacks("stop", gen, freed);
    collecting = false;
    update_threshold();
    return freed;
}

static void collect_auto(void);

void Pyrt_GCStart(void)
{
    /* PYRT_GC_THRESHOLD=1: a collection before nearly every allocation (tests/test_gc_stress.py) */
    const char *env = getenv("PYRT_GC_THRESHOLD");
    if (env && *env)
        thresholds[0] = atoll(env);
    started = true;
    pyrt_gc_collect_auto = collect_auto;
    update_threshold();
}

static void collect_auto(void)
{
    if (collecting || !enabled)
        return;
    PyrtObject *saved = Pyrt_ErrFetch();
    for (int i = 2; i >= 0; i--) {
        if (i == 0 ? pyrt_gc_count < thresholds[0] : counts[i] <= thresholds[i])
            continue;
        if (i == 2 && long_lived_pending < long_lived_total / 4)
            continue;
        collect(i);
        break;
    }
    Pyrt_ErrRestore(saved);
}

/* ------------------------------------------------------------------ what other files use */

void Pyrt_GCUntrack(PyrtObject *o)
{
    PyrtGCHead *h = PYRT_GC_HEAD(o);
    if (!h->next)
        return;
    PyrtGCHead *p = PTR(h);
    p->next = h->next;
    set_prev(h->next, p);
    h->next = NULL;
}

void Pyrt_GCDetachAll(void)
{
    if (started)
        Pyrt_GCCollect(2);
    for (int i = 0; i < 3; i++) {
        PyrtGCHead *l = &pyrt_gc_gens[i];
        for (PyrtGCHead *h = l->next; h != l;) {
            PyrtGCHead *next = h->next;
            h->next = NULL;   /* untracked: the pointers left are the objects' own references */
            h->prev = (PyrtGCHead *)((uintptr_t)h->prev & PYRT_GC_FINALIZED);
            h = next;
        }
        list_init(l);
    }
}

void Pyrt_GCTrack(PyrtObject *o)
{
    PyrtGCHead *h = PYRT_GC_HEAD(o);
    if (!h->next && !PYRT_IS_IMMORTAL(o))
        pyrt_gc_link(h);
}

/* the references a compiled-class instance holds: its object and int fields, its attribute dict */
void PyrtInstance_Traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg)
{
    for (const PyrtField *f = o->type->fields; f && f->name; f++)
        if (f->kind == PYRT_FIELD_OBJ)
            visit(*(PyrtObject **)((char *)o + f->offset), arg);
    visit(((PyrtInstance *)o)->dict, arg);
}

/* ------------------------------------------------------------------ the gc module */

/* gc.f() checks, with CPython's messages ("gc.enable() takes no arguments (1 given)") */
static bool no_args(const char *fn, int64_t nargs, PyrtObject *kw)
{
    return PyrtNum_NoKw(fn, kw) == 0 && PyrtNum_NArgs(fn, nargs, 0, 0) == 0;
}

static bool one_arg(const char *fn, int64_t nargs, PyrtObject *kw)
{
    if (PyrtNum_NoKw(fn, kw) < 0)
        return false;
    if (nargs != 1) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes exactly one argument (%lld given)", fn, (long long)nargs);
        return false;
    }
    return true;
}

#define GCFN(name) static PyrtObject *gc_##name(PyrtObject *self, PyrtObject *const *args, int64_t nargs, \
                                                PyrtObject *kw)

int64_t Pyrt_GCCollect(int gen)
{
    if (collecting)
        return 0;
    PyrtObject *saved = Pyrt_ErrFetch();
    int64_t r = collect(gen);
    Pyrt_ErrRestore(saved);
    return r;
}

GCFN(collect)
{
    (void)self;
    int64_t gen = 2;
    if (kw && PyrtTuple_Len(kw) > 0) {
        if (PyrtTuple_Len(kw) != 1 || strcmp(PyrtStr_UTF8(PyrtTuple_GetBorrowed(kw, 0)), "generation") != 0 ||
            nargs > 0)
            return Pyrt_ErrSetString(&PyrtType_TypeError, "collect() got an unexpected keyword argument");
        nargs = 1;
    }
    if (nargs > 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "collect() takes at most 1 argument (%lld given)", (long long)nargs);
    if (nargs == 1) {
        if (!(args[0]->type->flags & PYRT_TPFLAG_INT))
            return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer",
                                  args[0]->type->name);
        gen = PyrtInt_AsI64Checked(args[0]);
        if (gen == -1 && Pyrt_ErrOccurred())
            return NULL;
        if (gen < 0 || gen > 2)
            return Pyrt_ErrSetString(&PyrtType_ValueError, "invalid generation");
    }
    return PyrtInt_FromI64(Pyrt_GCCollect((int)gen));
}

static PyrtObject *set_enabled(const char *fn, bool on, int64_t nargs, PyrtObject *kw)
{
    if (!no_args(fn, nargs, kw))
        return NULL;
    enabled = on;
    update_threshold();
    return Pyrt_None;
}

GCFN(enable) { (void)self; (void)args; return set_enabled("gc.enable", true, nargs, kw); }
GCFN(disable) { (void)self; (void)args; return set_enabled("gc.disable", false, nargs, kw); }

GCFN(isenabled)
{
    (void)self; (void)args;
    if (!no_args("gc.isenabled", nargs, kw))
        return NULL;
    return Pyrt_BoolFromC(enabled);
}

static PyrtObject *triple(int64_t a, int64_t b, int64_t c)
{
    PyrtObject *t = PyrtTuple_New(3);
    int64_t v[3] = { a, b, c };
    for (int i = 0; t && i < 3; i++) {
        PyrtObject *x = PyrtInt_FromI64(v[i]);
        if (!x) {
            Pyrt_DecRef(t);
            return NULL;
        }
        PyrtTuple_SetNew_Steal(t, i, x);
    }
    return t;
}

GCFN(get_count)
{
    (void)self; (void)args;
    if (!no_args("gc.get_count", nargs, kw))
        return NULL;
    return triple(pyrt_gc_count > 0 ? pyrt_gc_count : 0, counts[1], counts[2]);
}

GCFN(get_threshold)
{
    (void)self; (void)args;
    if (!no_args("gc.get_threshold", nargs, kw))
        return NULL;
    return triple(thresholds[0], thresholds[1], thresholds[2]);
}

GCFN(set_threshold)
{
    (void)self;
    if (PyrtNum_NoKw("gc.set_threshold", kw) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3)
        return Pyrt_ErrFormat(&PyrtType_TypeError, nargs < 1 ? "set_threshold() takes at least 1 argument (%lld given)"
                                                             : "set_threshold() takes at most 3 arguments (%lld given)",
                              (long long)nargs);
    int64_t v[3];
    for (int64_t i = 0; i < nargs; i++) {
        if (!(args[i]->type->flags & PYRT_TPFLAG_INT))
            return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer",
                                  args[i]->type->name);
        v[i] = PyrtInt_AsI64Checked(args[i]);
        if (v[i] == -1 && Pyrt_ErrOccurred())
            return NULL;
    }
    for (int64_t i = 0; i < nargs; i++)
        thresholds[i] = v[i];
    /* CPython: a threshold of 0 for generation 0 disables automatic collection */
    update_threshold();
    return Pyrt_None;
}

GCFN(is_finalized)
{
    (void)self;
    if (!one_arg("gc.is_finalized", nargs, kw))
        return NULL;
    PyrtObject *o = args[0];
    bool t = (o->type->flags & PYRT_TPFLAG_GC) && !PYRT_IS_IMMORTAL(o) &&
             ((uintptr_t)PYRT_GC_HEAD(o)->prev & PYRT_GC_FINALIZED);
    return Pyrt_BoolFromC(t);
}

static int set_int(PyrtObject *d, const char *key, int64_t v)
{
    PyrtObject *x = PyrtInt_FromI64(v);
    int rc = x ? PyrtDict_SetItemStr(d, key, x) : -1;
    Pyrt_XDecRef(x);
    return rc;
}

GCFN(get_stats)
{
    (void)self; (void)args;
    if (!no_args("gc.get_stats", nargs, kw))
        return NULL;
    PyrtObject *l = PyrtList_New(0);
    for (int i = 0; l && i < 3; i++) {
        PyrtObject *d = PyrtDict_New();
        if (!d || set_int(d, "collections", collections[i]) < 0 || set_int(d, "collected", collected[i]) < 0 ||
            set_int(d, "uncollectable", 0) < 0 || PyrtList_Append(l, d) < 0) {
            Pyrt_XDecRef(d);
            Pyrt_DecRef(l);
            return NULL;
        }
        Pyrt_DecRef(d);
    }
    return l;
}

const PyrtModFn pyrt_gc_fns[] = {
    { "collect", gc_collect }, { "enable", gc_enable }, { "disable", gc_disable },
    { "isenabled", gc_isenabled }, { "get_count", gc_get_count }, { "get_threshold", gc_get_threshold },
    { "set_threshold", gc_set_threshold }, { "is_finalized", gc_is_finalized },
    { "get_stats", gc_get_stats },
    { NULL, NULL },
};
