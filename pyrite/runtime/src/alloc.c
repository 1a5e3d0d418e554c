/* alloc.c: memory allocation: objects (Pyrt_Alloc / Pyrt_Dealloc, with per-size-class free lists)
 * and buffers (Pyrt_Malloc / Pyrt_Realloc / Pyrt_Free). A file of its own so that targets that
 * optimise the runtime for size can still compile these hot paths for speed (Target.runtime_hot). */
#include "pyrt.h"
#include <stdlib.h>

/* ------------------------------------------------------------------ memory */

static PyrtObject *no_memory(void)
{
    /* MemoryError() with no args: small enough to allocate even when a big request failed */
    return Pyrt_ErrSetNone(&PyrtType_MemoryError);
}

/* Free lists for small objects (everything up to PYRT_FL_MAX bytes that is allocated and freed at a high
 * rate: boxed ints and floats, tuples, lists, sets, dicts, iterators, generators, slices, compiled-class
 * instances): one LIFO list per 16-byte size class, blocks never returned to malloc.
 *
 * Pyrt_Dealloc must find the size class the block was allocated with from the object alone, so a block
 * is pooled only when that size is known: the type's basicsize for fixed-size types (every builtin type
 * allocates its exact instances with basicsize), the item count for exact tuples, the byte count for
 * exact strs. Other variable-size types (bytes, subclasses), exceptions and the two layouts that share
 * the builtin-function type are never pooled. */
#define FL_CLASSES 12
#define FL_MAX (16 * (FL_CLASSES - 1))
_Static_assert(FL_MAX == PYRT_FL_MAX, "pyrt_core.h states the pooled sizes");
void *pyrt_freelist[FL_CLASSES];

static inline bool fl_type_ok(PyrtType *t)
{
    /* compiled classes have the instance layout (PyrtType_NewUser refuses builtin bases other than
     * exceptions); revisit here when subclasses of variable-size builtins (str, bytes, tuple) arrive */
    if (t->flags & PYRT_TPFLAG_USER)
        return !(t->flags & PYRT_TPFLAG_EXCEPTION);
    return !(t->flags & (PYRT_TPFLAG_EXCEPTION | PYRT_TPFLAG_STR | PYRT_TPFLAG_TUPLE | PYRT_TPFLAG_NOPOOL));
}

/* the builtin tuple type itself (flags, not its address: referencing a type descriptor links it) */
static inline bool is_exact_tuple_type(PyrtType *t)
{
    return (t->flags & (PYRT_TPFLAG_TUPLE | PYRT_TPFLAG_USER)) == PYRT_TPFLAG_TUPLE;
}

/* exact str: its size follows from nbytes, which PyrtStr_NewRaw sets once (str.c) */
static inline bool is_exact_str_type(PyrtType *t)
{
    return (t->flags & (PYRT_TPFLAG_STR | PYRT_TPFLAG_USER)) == PYRT_TPFLAG_STR;
}

/* the size class of a new object of `size` bytes in a block of `block` bytes (size plus its GC header),
 * or 0 when it is not pooled */
static inline size_t fl_class_new(PyrtType *t, size_t size, size_t block)
{
    if (block > FL_MAX)
        return 0;
    if (is_exact_tuple_type(t) || is_exact_str_type(t) || (size == (size_t)t->basicsize && fl_type_ok(t)))
        return (block + 15) / 16;
    return 0;
}

static inline size_t gc_head_size(PyrtType *t)
{
    return (t->flags & PYRT_TPFLAG_GC) ? sizeof(PyrtGCHead) : 0;
}

/* the size class an object was allocated in, or 0 when it was not pooled */
static inline size_t fl_class_of(PyrtObject *o)
{
    PyrtType *t = o->type;
    size_t size;
    if (is_exact_tuple_type(t))
        size = sizeof(PyrtTuple) + (size_t)((PyrtTuple *)o)->length * sizeof(PyrtObject *);
    else if (t == &PyrtType_Int)   /* a big int (long.c allocates it in the class of its capacity) */
        size = sizeof(PyrtLong) + (size_t)((PyrtLong *)o)->alloc * sizeof(uint32_t);
    else if (is_exact_str_type(t))
        size = sizeof(PyrtStr) + (size_t)((PyrtStr *)o)->nbytes + 1;
    else if (fl_type_ok(t))
        size = (size_t)t->basicsize;
    else
        return 0;
    size += gc_head_size(t);
    return size <= FL_MAX ? (size + 15) / 16 : 0;
}

/* Zero c 16-byte units (1 <= c < FL_CLASSES) with constant-size stores the compiler inlines (a memset
 * call of a small variable size costs more than the allocation it clears). */
static inline void pyrt_zero_small(void *p, size_t c)
{
    switch (c) {
#define Z(k) case k: memset(p, 0, 16 * k); return;
    Z(1) Z(2) Z(3) Z(4) Z(5) Z(6) Z(7) Z(8) Z(9) Z(10) Z(11)
#undef Z
    default: memset(p, 0, 16 * c);
    }
}

/* a block of `block` bytes, zeroed: from the free list of its class c, else calloc */
static inline char *block_alloc(size_t c, size_t block)
{
    char *p;
    if (c) {
        p = pyrt_freelist_pop(block);
        if (p)
            pyrt_zero_small(p, c);
        else
            p = calloc(1, c * 16);
    } else {
        p = calloc(1, block);
    }
    return p;
}

/* an object of a GC type: its PyrtGCHead first (out of line: the other types' path stays short) */
static __attribute__((noinline)) PyrtObject *gc_alloc(PyrtType *type, size_t size)
{
    bool track = !(type->flags & PYRT_TPFLAG_UNTRACKED);
    if (track && PYRT_UNLIKELY(pyrt_gc_count >= pyrt_gc_threshold))
        pyrt_gc_collect_auto();   /* before the new object exists: it never sees a half-made one */
    size_t block = size + sizeof(PyrtGCHead);
    char *p = block_alloc(fl_class_new(type, size, block), block);
    if (!p)
        return no_memory();
    PyrtObject *o = (PyrtObject *)(p + sizeof(PyrtGCHead));
    o->refcnt = 1;
    o->type = type;
    if (track)
        pyrt_gc_link((PyrtGCHead *)p);
    return o;
}

PyrtObject *Pyrt_Alloc(PyrtType *type, size_t size)
{
    if (type->flags & PYRT_TPFLAG_GC)
        return gc_alloc(type, size);
    char *p = block_alloc(fl_class_new(type, size, size), size);
    if (!p)
        return no_memory();
    PyrtObject *o = (PyrtObject *)p;
    o->refcnt = 1;
    o->type = type;
    return o;
}

/* Buffers (list items, dict and set tables, generator frames, string builders): a 16-byte header
 * before each block records its size class (0: a big block from malloc, whose byte size is in the
 * second word), so small buffers come from per-class free lists like small objects and Pyrt_Realloc
 * knows how much to copy. Everything allocated here is released with Pyrt_Free only. */
#define BUF_CLASSES 17                   /* 16..256 bytes */
#define BUF_MAX (16 * (BUF_CLASSES - 1))
static void *buf_freelist[BUF_CLASSES];
typedef struct { uint64_t cls; uint64_t size; } BufHeader;   /* 16 bytes on wasm32 too */
_Static_assert(sizeof(BufHeader) == 16, "buffer header keeps 16-byte alignment");

void *Pyrt_Malloc(size_t n)
{
    if (n == 0)
        n = 1;
    BufHeader *h;
    if (n <= BUF_MAX) {
        size_t c = (n + 15) / 16;
        h = buf_freelist[c];
        if (h)
            buf_freelist[c] = *(void **)h;
        else if (!(h = malloc(sizeof(BufHeader) + c * 16)))
            return no_memory(), NULL;
        h->cls = c;
    } else {
        if (n > SIZE_MAX - sizeof(BufHeader) || !(h = malloc(sizeof(BufHeader) + n)))
            return no_memory(), NULL;
        h->cls = 0;
        h->size = n;
    }
    return h + 1;
}

void Pyrt_Free(void *p)
{
    if (!p)
        return;
    BufHeader *h = (BufHeader *)p - 1;
    size_t c = (size_t)h->cls;   /* read before the link overwrites it */
    if (c) {
        *(void **)h = buf_freelist[c];
        buf_freelist[c] = h;
    } else {
        free(h);
    }
}

void *Pyrt_Realloc(void *p, size_t n)
{
    if (!p)
        return Pyrt_Malloc(n);
    BufHeader *h = (BufHeader *)p - 1;
    if (n == 0)
        n = 1;
    if (h->cls == 0 && n > BUF_MAX) {   /* big to big: let malloc move it */
        if (n > SIZE_MAX - sizeof(BufHeader))
            return no_memory(), NULL;
        BufHeader *q = realloc(h, sizeof(BufHeader) + n);
        if (!q)
            return no_memory(), NULL;
        q->size = n;
        return q + 1;
    }
    size_t old = h->cls ? h->cls * 16 : h->size;
    if (h->cls && n <= old)
        return p;   /* still fits its class */
    void *r = Pyrt_Malloc(n);
    if (!r)
        return NULL;
    memcpy(r, p, old < n ? old : n);
    Pyrt_Free(p);
    return r;
}

_Static_assert(sizeof(PyrtFloat) == sizeof(PyrtInt), "ints and floats share a free list in Pyrt_Dealloc");

int64_t pyrt_weakref_live;
void (*pyrt_weakref_dealloc)(PyrtObject *o);
void (*pyrt_weakref_collect_garbage)(PyrtObject **objs, int64_t k);

void Pyrt_Dealloc(PyrtObject *o)
{
    PyrtType *t = o->type;
    if (t == &PyrtType_Float || (t == &PyrtType_Int && ((PyrtInt *)o)->value != PYRT_INT_BIG)) {
        /* the most frequent cases: straight back */
        size_t c = (sizeof(PyrtInt) + 15) / 16;         /* (same size class for both) */
        *(void **)o = pyrt_freelist[c];
        pyrt_freelist[c] = o;
        return;
    }
    if (t->flags & PYRT_TPFLAG_GC) {
        /* out of its generation's list, then the memory (header first) back */
        PyrtGCHead *h = PYRT_GC_HEAD(o);
        if (PYRT_UNLIKELY(t->flags & PYRT_TPFLAG_HASDEL) && !((uintptr_t)h->prev & PYRT_GC_FINALIZED) &&
            Pyrt_GCFinalizeDealloc(o))
            return;   /* __del__ made it reachable again */
        if (PYRT_UNLIKELY(pyrt_weakref_live > 0))
            pyrt_weakref_dealloc(o);   /* o's weak references die (and call back), or o is one */
        pyrt_gc_unlink(h);
        if ((t->flags & (PYRT_TPFLAG_USER | PYRT_TPFLAG_EXCEPTION)) == PYRT_TPFLAG_USER) {
            /* a compiled-class instance: its release function, then the free list of its basicsize */
            if (t->dealloc)
                t->dealloc(o);
            size_t size = (size_t)t->basicsize + sizeof(PyrtGCHead);
            o = (PyrtObject *)h;
            if (size <= FL_MAX) {
                size_t c = (size + 15) / 16;
                *(void **)o = pyrt_freelist[c];
                pyrt_freelist[c] = o;   /* (tools/sanitize.py turns this into free(o): keep the text) */
                return;
            }
            free(o);
            return;
        }
        if (t->dealloc)
            t->dealloc(o);
        size_t c = fl_class_of(o);   /* a tuple's dealloc leaves its length in place */
        o = (PyrtObject *)h;
        if (c) {
            *(void **)o = pyrt_freelist[c];
            pyrt_freelist[c] = o;
            return;
        }
        free(o);
        return;
    }
    if (t->dealloc)
        t->dealloc(o);
    size_t c = fl_class_of(o);
    if (c) {
        *(void **)o = pyrt_freelist[c];
        pyrt_freelist[c] = o;
        return;
    }
    free(o);
}
