/* pyrt.h: the pyrite C runtime's one public header (object model, error convention, every entry point).
 *
 * Naming glossary
 *   PyrtObject        every heap value starts with this header (refcount, type descriptor)
 *   PyrtType          a type descriptor; also an object itself (type(x) returns it)
 *   Pyrt_<Verb>       generic operation on any boxed value (dispatches through the type's slots)
 *   Pyrt<Type>_<Verb> operation on one known type (list, str, ...): what typed generated code calls
 *   PyrtI64_* / PyrtF64_*  checked arithmetic on unboxed int64_t / double
 *   PyrtType_<Name>   the type descriptor of a builtin type or exception (PyrtType_ValueError)
 *   pyrt_<name>       runtime global state
 *
 * Reference counting
 *   Every function RETURNS A NEW REFERENCE and BORROWS its arguments (never steals), unless its name
 *   ends in _Steal. Immortal objects (None, True, False, small ints, string constants, static types)
 *   have a negative refcount and are never freed.
 *
 * Error convention (no setjmp: errors propagate by return value)
 *   The current exception lives in pyrt_exc (an owned reference, NULL when none).
 *   - returns PyrtObject *  : NULL means an exception is set.
 *       Exception: Pyrt_IterNext returns NULL with NO exception set when the iterator is exhausted.
 *   - returns int           : -1 means an exception is set (predicates return 0/1 otherwise).
 *   - returns int64_t/double: check Pyrt_ErrOccurred() (the "flag" convention) unless documented.
 *   - PyrtI64_* / PyrtF64_* checked arithmetic: returns true on error (exception set), result via out.
 *   Functions that set an exception return NULL/-1 for convenience (Pyrt_ErrSetString returns NULL).
 *
 * Portability: the same code runs natively and on wasm32-wasi. Use int64_t/double explicitly
 * ("long" is 32-bit on wasm32). What the C must do differently per target is in runtime/platform/
 * (one file linked per target: Target.platform), not in #ifdefs; what differs in how a target is
 * built and run is in pyrite/targets/.
 *
 * Size ("only what the program uses is linked"): a static type descriptor must not reference code
 * that only dynamic dispatch needs. The methods/getattr/setattr/binop/unop/format/tp_new/call slots
 * are installed by the dispatch that reads them (lazy.c, PYRT_LAZY_ENSURE); slots of a type whose
 * instances may not exist are set where its instances are made (float, bytes, slice); always-linked
 * code formats with Pyrt_Snprintf/Pyrt_StrFormat, never the C library's printf family.
 */
#ifndef PYRT_H
#define PYRT_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <string.h>

#define PYRT_LIKELY(x) __builtin_expect(!!(x), 1)
#define PYRT_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ------------------------------------------------------------------ object header */
typedef struct PyrtType PyrtType;
typedef struct PyrtObject {
    intptr_t refcnt;       /* immortal objects: see PYRT_IMMORTAL_REFCNT */
    PyrtType *type;
} PyrtObject;

void Pyrt_Dealloc(PyrtObject *o);   /* calls o->type->dealloc; frees memory */

#define PYRT_INLINE static inline __attribute__((always_inline))
#if INTPTR_MAX > INT32_MAX
/* 64-bit: immortal objects (None, bools, small ints, constants, types) start at 2^62, so counting
 * them needs no test: no program runs 2^62 unmatched decrefs. incref is one add, decref one
 * subtract and a branch (pystone: 9% fewer instructions than testing for immortality). */
#define PYRT_IMMORTAL_REFCNT ((intptr_t)1 << 62)
#define PYRT_IS_IMMORTAL(o) (((PyrtObject *)(o))->refcnt >= ((intptr_t)1 << 61))
PYRT_INLINE void Pyrt_IncRef(PyrtObject *o) { o->refcnt++; }
PYRT_INLINE void Pyrt_DecRef(PyrtObject *o) {
    if (--o->refcnt == 0) Pyrt_Dealloc(o);
}
#else
/* 32-bit (wasm32): 2^30 decrefs are reachable, so immortal objects are negative and skipped */
#define PYRT_IMMORTAL_REFCNT (-((intptr_t)1 << 30))
#define PYRT_IS_IMMORTAL(o) (((PyrtObject *)(o))->refcnt < 0)
PYRT_INLINE void Pyrt_IncRef(PyrtObject *o) { if (o->refcnt >= 0) o->refcnt++; }
PYRT_INLINE void Pyrt_DecRef(PyrtObject *o) {
    if (o->refcnt > 0 && --o->refcnt == 0) Pyrt_Dealloc(o);
}
#endif
#define PYRT_HEAD_INIT(typeptr) { PYRT_IMMORTAL_REFCNT, (typeptr) }
PYRT_INLINE void Pyrt_XIncRef(PyrtObject *o) { if (o) Pyrt_IncRef(o); }
PYRT_INLINE void Pyrt_XDecRef(PyrtObject *o) { if (o) Pyrt_DecRef(o); }
#define PYRT_INCREF(o) Pyrt_IncRef((PyrtObject *)(o))
#define PYRT_DECREF(o) Pyrt_DecRef((PyrtObject *)(o))
#define PYRT_XDECREF(o) Pyrt_XDecRef((PyrtObject *)(o))
#define PYRT_CLEAR(o) do { PyrtObject *_t = (PyrtObject *)(o); (o) = NULL; Pyrt_XDecRef(_t); } while (0)
#define PYRT_TYPE(o) (((PyrtObject *)(o))->type)

/* Allocation: zero-filled memory of `size` bytes with header set (refcnt 1). Aborts on OOM
 * after raising MemoryError is impossible; returns NULL with MemoryError set. */
PyrtObject *Pyrt_Alloc(PyrtType *type, size_t size);
void *Pyrt_Malloc(size_t n);           /* NULL + MemoryError on failure */
void *Pyrt_Realloc(void *p, size_t n); /* NULL + MemoryError on failure */
void Pyrt_Free(void *p);
PyrtObject *Pyrt_MakeImmortal(PyrtObject *o); /* returns o */

/* ------------------------------------------------------------------ cycle collector (gc.c) */
/* Before every object of a PYRT_TPFLAG_GC type (16 bytes on every target). */
typedef struct PyrtGCHead {
    struct PyrtGCHead *next;   /* next in its generation's list; NULL: not tracked (immortal) */
    struct PyrtGCHead *prev;   /* previous | PYRT_GC_FINALIZED (bit 0); gc.c's state during a collection */
#if INTPTR_MAX == INT32_MAX
    void *pad[2];
#endif
} PyrtGCHead;
_Static_assert(sizeof(PyrtGCHead) == 16, "the GC header keeps objects 16-byte aligned");
#define PYRT_GC_HEAD(o) ((PyrtGCHead *)(o) - 1)
#define PYRT_GC_FINALIZED ((uintptr_t)1)   /* __del__ has run (it runs once) */
extern PyrtGCHead pyrt_gc_gens[3];
extern int64_t pyrt_gc_count, pyrt_gc_threshold;
/* the allocators call it when pyrt_gc_count reaches the threshold (INT64_MAX, so never, until
 * Pyrt_GCStart: a program that cannot make cycles links no collector) */
extern void (*pyrt_gc_collect_auto)(void);
void Pyrt_GCStart(void);
int64_t Pyrt_GCCollect(int generation);   /* gc.collect(): the number of objects freed */
void Pyrt_GCUntrack(PyrtObject *o);
void Pyrt_GCTrack(PyrtObject *o);     /* an untracked object of a GC type that can now hold references */
void Pyrt_GCDetachAll(void);   /* leak checks at exit: collect, then forget the lists (they reach every object) */
int Pyrt_GCFinalizeDealloc(PyrtObject *o);  /* a refcount reached 0: run __del__; 1 if it resurrected o */
extern void (*pyrt_gc_call_del)(PyrtObject *);
/* a new object's header into generation 0 */
PYRT_INLINE void pyrt_gc_link(PyrtGCHead *h)
{
    PyrtGCHead *young = &pyrt_gc_gens[0];
    PyrtGCHead *last = (PyrtGCHead *)((uintptr_t)young->prev & ~(uintptr_t)7);
    last->next = h;
    h->prev = last;
    h->next = young;
    young->prev = h;   /* (the list head is never finalized) */
    pyrt_gc_count++;
}
PYRT_INLINE void pyrt_gc_unlink(PyrtGCHead *h)
{
    PyrtGCHead *next = h->next;
    if (next) {
        PyrtGCHead *prev = (PyrtGCHead *)((uintptr_t)h->prev & ~(uintptr_t)7);
        prev->next = next;
        next->prev = (PyrtGCHead *)((uintptr_t)prev | ((uintptr_t)next->prev & PYRT_GC_FINALIZED));
        h->next = NULL;
        if (pyrt_gc_count > 0)
            pyrt_gc_count--;
    }
}

/* ------------------------------------------------------------------ platform (runtime/platform/) */
void Pyrt_PlatformInit(void);                    /* at process start (Pyrt_Init) */
#include <sys/types.h>
ssize_t Pyrt_PlatformWrite(int fd, const void *s, size_t n);   /* write(2); the ext target: fds 1, 2 go to sys.stdout/stderr */
int Pyrt_PlatformWriteError(int fd, int err);    /* the errno a failed write to fd stands for */
int Pyrt_PlatformEntropy(void *buf, size_t n);   /* getentropy(): n <= 256 random bytes; 0 or -1 */
struct stat;
void Pyrt_PlatformStatTimes(const struct stat *st, int64_t ns[3]);   /* atime, mtime, ctime in ns */
/* for os (posixmod.c); -1 with errno set where the target has no such thing */
int Pyrt_PlatformChmod(const char *path, int64_t mode);
void Pyrt_PlatformIds(int64_t out[6]);            /* pid, ppid, uid, euid, gid, egid (-1: none) */
int64_t Pyrt_PlatformUmask(int64_t mask);
int64_t Pyrt_PlatformCpuCount(void);              /* <= 0: unknown */
int Pyrt_PlatformTerminalSize(int fd, int64_t *cols, int64_t *lines);
char **Pyrt_PlatformEnviron(void);                /* the environment (WASI: initialised lazily) */
/* for time (timemod.c): the C library's calendar (WASI: no time zones, local time is UTC); -1 with errno */
struct tm;
int Pyrt_PlatformGmtime(int64_t t, struct tm *tm);
int Pyrt_PlatformLocaltime(int64_t t, struct tm *tm);
const char *Pyrt_PlatformTmZone(const struct tm *tm, long *gmtoff);   /* of a gmtime/localtime result */
void Pyrt_PlatformSetTmZone(struct tm *tm, const char *zone /* NULL: none */, long gmtoff);  /* for strftime */
int64_t Pyrt_PlatformMktime(struct tm *tm);       /* mktime(): -1 and tm_wday unchanged on failure */
size_t Pyrt_PlatformStrftime(char *buf, size_t n, const char *fmt, const struct tm *tm);   /* 0: too small */
void Pyrt_PlatformTzset(void);                   /* tzset(): the local zone from TZ again */
int64_t Pyrt_PlatformCpuTimeNs(bool thread);      /* process (or thread) CPU time */

/* ------------------------------------------------------------------ type descriptor */
typedef PyrtObject *(*PyrtVectorcall)(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                                      PyrtObject *kwnames /* tuple of str, or NULL */);
/* keyword argument values follow the positional ones in args: args[nargs + i] pairs kwnames[i]. */
typedef PyrtObject *(*PyrtMethFn)(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                  PyrtObject *kwnames);

typedef struct PyrtMethodDef {
    const char *name;
    PyrtMethFn fn;
    int flags;   /* PYRT_METH_TYPE: a class/static method (dict.fromkeys): through the type, bound to it */
} PyrtMethodDef;
#define PYRT_METH_TYPE 1

/* Field of a compiled class instance: what generic getattr/setattr use on boxed instances. */
/* PYRT_FIELD_INT: a tagged int (pyrt_int.h), 0 while unset */
enum { PYRT_FIELD_OBJ = 0, PYRT_FIELD_I64 = 1, PYRT_FIELD_F64 = 2, PYRT_FIELD_BOOL = 3, PYRT_FIELD_NUM = 4,
       PYRT_FIELD_INT = 5 };
typedef struct PyrtField {
    const char *name;
    int32_t offset;   /* byte offset in the instance struct */
    uint8_t kind;     /* PYRT_FIELD_* */
    uint8_t bit;      /* unboxed fields: bit in PyrtInstance.defined (OBJ fields: NULL = unset) */
    PyrtType *declared; /* for OBJ fields holding one known class: NULL means any object */
} PyrtField;

/* Comparison ops (CPython's order) */
enum { PYRT_LT = 0, PYRT_LE = 1, PYRT_EQ = 2, PYRT_NE = 3, PYRT_GT = 4, PYRT_GE = 5 };
/* Binary ops; PYRT_INPLACE is or'ed in for augmented assignment (x += y) */
enum {
    PYRT_ADD = 0, PYRT_SUB, PYRT_MUL, PYRT_TRUEDIV, PYRT_FLOORDIV, PYRT_MOD, PYRT_POW,
    PYRT_LSHIFT, PYRT_RSHIFT, PYRT_AND, PYRT_OR, PYRT_XOR, PYRT_MATMUL, PYRT_NUM_BINOPS
};
#define PYRT_INPLACE 0x100
/* Unary ops */
enum { PYRT_NEG = 0, PYRT_POS, PYRT_INVERT };

/* Type flags */
#define PYRT_TPFLAG_USER      (1u << 0)   /* compiled Python class: dunders looked up by name in dict */
#define PYRT_TPFLAG_EXCEPTION (1u << 1)   /* BaseException or a subclass */
#define PYRT_TPFLAG_INT       (1u << 2)   /* int or bool */
#define PYRT_TPFLAG_STR       (1u << 3)
#define PYRT_TPFLAG_LIST      (1u << 4)
#define PYRT_TPFLAG_TUPLE     (1u << 5)
#define PYRT_TPFLAG_DICT      (1u << 6)
#define PYRT_TPFLAG_TYPE      (1u << 7)
#define PYRT_TPFLAG_NOSUBCLASS (1u << 8)
#define PYRT_TPFLAG_NOPOOL    (1u << 9)   /* instances not all of basicsize: never from the free lists */
#define PYRT_TPFLAG_GC        (1u << 10)  /* instances can hold references that make cycles: allocated with a
                                             PyrtGCHead before them and tracked by the cycle collector (gc.c) */
#define PYRT_TPFLAG_HASDEL    (1u << 11)  /* a compiled class with __del__ (own or inherited) */
#define PYRT_TPFLAG_ABSTRACT  (1u << 17)  /* a class whose __abstractmethods__ is non-empty: no instances */
#define PYRT_TPFLAG_BASETYPE  (1u << 16)  /* a builtin type compiled classes may derive from (list, dict, ...) */
#define PYRT_TPFLAG_NODICT    (1u << 14)  /* a class whose __slots__ (and its bases') leave no instance dict */
#define PYRT_TPFLAG_REALDICT  (1u << 15)  /* a compiled class whose fields are all __slots__ names: the
                                             instance dict holds every other attribute (obj.__dict__) */
#define PYRT_TPFLAG_GENERATOR (1u << 13)  /* the generator type (the collector closes suspended garbage ones) */
#define PYRT_TPFLAG_UNTRACKED (1u << 12)  /* a GC type whose instances start untracked: no field can hold an
                                             object (a Point of floats); tracked once they get an attribute dict */

struct PyrtType {
    PyrtObject ob;
    const char *name;           /* "int", "ValueError", "Point" */
    const char *module;         /* NULL for builtins, "__main__" or the module name for user classes */
    PyrtType *base;             /* NULL only for object */
    int64_t basicsize;          /* instance size in bytes */
    uint32_t flags;
    PyrtObject *dict;           /* class attributes and methods (a dict), NULL for most builtins */
    const PyrtField *fields;    /* compiled-class instance fields (own + inherited), NULL-name ended */
    const PyrtMethodDef *methods; /* builtin methods looked up by name (NULL-name ended) */

    void (*dealloc)(PyrtObject *);          /* release references held by the object (not the memory) */
    PyrtObject *(*repr)(PyrtObject *);
    PyrtObject *(*str)(PyrtObject *);       /* NULL: use repr */
    int64_t (*hash)(PyrtObject *);          /* -1 on error; NULL: identity hash */
    PyrtObject *(*richcompare)(PyrtObject *, PyrtObject *, int op); /* may return Pyrt_NotImplemented */
    PyrtObject *(*getattr)(PyrtObject *, PyrtObject *name);         /* NULL: Pyrt_GenericGetAttr */
    int (*setattr)(PyrtObject *, PyrtObject *name, PyrtObject *v);  /* v NULL = delete */
    PyrtVectorcall call;                    /* calling an instance; for type objects see tp_new */
    PyrtObject *(*iter)(PyrtObject *);
    PyrtObject *(*iternext)(PyrtObject *);  /* NULL without exception = exhausted */
    int64_t (*len)(PyrtObject *);           /* -1 on error */
    PyrtObject *(*getitem)(PyrtObject *, PyrtObject *key);
    int (*setitem)(PyrtObject *, PyrtObject *key, PyrtObject *v);  /* v NULL = delete */
    int (*contains)(PyrtObject *, PyrtObject *item);                /* -1, 0, 1 */
    PyrtObject *(*binop)(PyrtObject *a, PyrtObject *b, int op);     /* either operand has this type;
                                                                       Pyrt_NotImplemented if unsupported */
    PyrtObject *(*unop)(PyrtObject *, int op);
    int (*bool_)(PyrtObject *);             /* -1, 0, 1; NULL: len, else true */
    PyrtVectorcall tp_new;                  /* calling the type object: construct an instance */
    PyrtObject *(*format)(PyrtObject *, PyrtObject *spec);  /* format(x, spec); NULL: str(x) if spec empty */
    const char *qualname;       /* __qualname__ of a compiled class ("f.<locals>.C"); NULL: name */
    const char *doc;            /* __doc__ of a compiled class; NULL: None */
    /* PYRT_TPFLAG_GC types: call visit on every counted reference the object holds (never on a borrowed
     * one: the collector subtracts what it reports from the referent's count) */
    void (*traverse)(PyrtObject *, void (*visit)(PyrtObject *, void *), void *arg);
    /* a class with several bases: __bases__ and the C3 linearization __mro__ (tuples of types); NULL for
     * every other type, whose MRO is the chain of `base` (which is always the class its layout extends) */
    PyrtObject *bases;
    PyrtObject *mro;
    /* a compiled subclass of a builtin type (class Stack(list)): where its instances' attribute dict is,
     * after the builtin's own layout (0: none there; compiled-class instances keep theirs in PyrtInstance) */
    int64_t dictoffset;
};
#define PYRT_QUALNAME(t) ((t)->qualname ? (t)->qualname : (t)->name)

#define PYRT_TYPE_HEAD PYRT_HEAD_INIT(&PyrtType_Type)

/* ------------------------------------------------------------------ builtin types and singletons */
extern PyrtType PyrtType_Type, PyrtType_Object, PyrtType_NoneType, PyrtType_NotImplementedType,
    PyrtType_Int, PyrtType_Bool, PyrtType_Float, PyrtType_Str, PyrtType_Bytes, PyrtType_List,
    PyrtType_Tuple, PyrtType_Dict, PyrtType_Set, PyrtType_FrozenSet, PyrtType_Range, PyrtType_Slice,
    PyrtType_Function, PyrtType_BuiltinFunction, PyrtType_Method, PyrtType_Cell, PyrtType_Generator,
    PyrtType_Coroutine, PyrtType_AsyncGenerator, PyrtType_Super,
    PyrtType_Module, PyrtType_File, PyrtType_StaticMethod, PyrtType_ClassMethod, PyrtType_Property,
    PyrtType_DictKeys, PyrtType_DictValues, PyrtType_DictItems,
    PyrtType_ListIter, PyrtType_TupleIter, PyrtType_StrIter, PyrtType_RangeIter, PyrtType_DictIter,
    PyrtType_SetIter, PyrtType_Enumerate, PyrtType_Zip, PyrtType_Map, PyrtType_Filter,
    PyrtType_Reversed, PyrtType_SeqIter;

/* exceptions (CPython's hierarchy) */
extern PyrtType PyrtType_BaseException, PyrtType_Exception, PyrtType_SystemExit,
    PyrtType_KeyboardInterrupt, PyrtType_GeneratorExit, PyrtType_ArithmeticError,
    PyrtType_ZeroDivisionError, PyrtType_OverflowError, PyrtType_LookupError, PyrtType_IndexError,
    PyrtType_KeyError, PyrtType_ValueError, PyrtType_UnicodeError, PyrtType_TypeError,
    PyrtType_AttributeError, PyrtType_NameError, PyrtType_UnboundLocalError,
    PyrtType_StopIteration, PyrtType_RuntimeError, PyrtType_RecursionError,
    PyrtType_NotImplementedError, PyrtType_AssertionError, PyrtType_OSError,
    PyrtType_FileNotFoundError, PyrtType_EOFError, PyrtType_ImportError, PyrtType_MemoryError,
    PyrtType_PermissionError, PyrtType_FileExistsError, PyrtType_IsADirectoryError, PyrtType_NotADirectoryError, PyrtType_TimeoutError, PyrtType_InterruptedError,
    PyrtType_ConnectionError, PyrtType_BrokenPipeError, PyrtType_ConnectionResetError, PyrtType_ConnectionRefusedError, PyrtType_ConnectionAbortedError,
    PyrtType_SyntaxError, PyrtType_IndentationError, PyrtType_TabError, PyrtType_UnicodeDecodeError, PyrtType_UnicodeEncodeError,
    PyrtType_UnicodeTranslateError, PyrtType_ModuleNotFoundError, PyrtType_BufferError, PyrtType_ReferenceError, PyrtType_SystemError,
    PyrtType_FloatingPointError, PyrtType_BlockingIOError, PyrtType_ChildProcessError, PyrtType_ProcessLookupError, PyrtType_Warning,
    PyrtType_UserWarning, PyrtType_DeprecationWarning, PyrtType_PendingDeprecationWarning, PyrtType_SyntaxWarning, PyrtType_RuntimeWarning,
    PyrtType_FutureWarning, PyrtType_ImportWarning, PyrtType_UnicodeWarning, PyrtType_BytesWarning, PyrtType_ResourceWarning,
    PyrtType_EncodingWarning, PyrtType_StopAsyncIteration;
#define PyrtType_IOError PyrtType_OSError            /* (the builtins' other names for OSError) */
#define PyrtType_EnvironmentError PyrtType_OSError

extern PyrtObject Pyrt_NoneStruct, Pyrt_NotImplementedStruct, Pyrt_EllipsisStruct;
extern PyrtType PyrtType_Ellipsis;
#define Pyrt_None (&Pyrt_NoneStruct)
#define Pyrt_NotImplemented (&Pyrt_NotImplementedStruct)
extern PyrtObject *Pyrt_True, *Pyrt_False;   /* immortal bool objects */
static inline PyrtObject *Pyrt_NewNone(void) { return Pyrt_None; }  /* immortal: no incref needed */
static inline PyrtObject *Pyrt_BoolFromC(bool b) { return b ? Pyrt_True : Pyrt_False; }

/* ------------------------------------------------------------------ concrete layouts */
typedef struct { PyrtObject ob; int64_t value; } PyrtInt;       /* int and bool (bool: 0/1) */
/* A big int (long.c): a PyrtInt whose value is PYRT_INT_BIG, then the signed digit count (negative
 * for negative numbers), the digit capacity and 32-bit magnitude digits, least significant first.
 * Canonical form: every int in int64 range other than INT64_MIN is compact (value holds it). */
#define PYRT_INT_BIG INT64_MIN
typedef struct { PyrtObject ob; int64_t value; int32_t size; uint32_t alloc; uint32_t digits[]; } PyrtLong;
typedef struct { PyrtObject ob; double value; } PyrtFloat;
typedef struct {
    PyrtObject ob;
    int64_t length;   /* code points */
    int64_t nbytes;   /* UTF-8 bytes, excluding the terminating NUL */
    int64_t hash;     /* -1: not computed yet */
    int32_t ascii;    /* 1 when every code point < 128 (then byte index == code point index) */
    char data[];      /* UTF-8, NUL-terminated */
} PyrtStr;
/* a statically allocated str of at most one byte ('' and the 128 one-character ASCII strings) */
typedef struct { PyrtObject ob; int64_t length, nbytes, hash; int32_t ascii; char data[2]; } PyrtStrStatic;
extern PyrtStrStatic pyrt_ascii_chars[128];   /* immortal, shared: chr(c) for c < 128 */
typedef struct { PyrtObject ob; int64_t length; int64_t hash; unsigned char data[]; } PyrtBytes;
/* A list's items live in ob_item's 8-byte slots as `kind` says: PYRT_LIST_OBJ owned references;
 * PYRT_LIST_I64 / PYRT_LIST_F64 unboxed ints / floats (the lists compiled code makes for list[int] and
 * list[float]). A list only ever changes from an unboxed kind to PYRT_LIST_OBJ (PyrtList_Generalize),
 * when something else is stored in it or C code needs its items as objects (PyrtList_Objects). */
typedef struct { PyrtObject ob; int64_t length; int64_t capacity; PyrtObject **ob_item; int64_t kind; } PyrtList;
enum { PYRT_LIST_OBJ = 0, PYRT_LIST_I64 = 1, PYRT_LIST_F64 = 2 };
typedef struct { PyrtObject ob; int64_t length; PyrtObject *items[]; } PyrtTuple;
/* item i of t's MRO (prev: item i-1), NULL past the end: for (c = NULL, i = 0; (c = pyrt_mro_item(t, c, i)); i++) */
PYRT_INLINE PyrtType *pyrt_mro_item(PyrtType *t, PyrtType *prev, int64_t i)
{
    if (PYRT_UNLIKELY(t->mro != NULL)) {
        PyrtTuple *m = (PyrtTuple *)t->mro;
        return i < m->length ? (PyrtType *)m->items[i] : NULL;
    }
    return i == 0 ? t : prev->base;
}
#define PYRT_FOR_MRO(c, t) for (int64_t _mro_i = ((c) = NULL, 0); ((c) = pyrt_mro_item((t), (c), _mro_i)) != NULL; _mro_i++)
/* big: NULL, or for a range whose bounds or length do not fit in int64 (only dynamic code makes one:
 * range.c handles it, and typed code's ranges come from 64-bit ints) a tuple (start, stop, step, length)
 * of int objects; the int64 fields are then 0, 0, 1, 0 */
typedef struct { PyrtObject ob; int64_t start, stop, step, length; PyrtObject *big; } PyrtRange;
typedef struct { PyrtObject ob; PyrtObject *start, *stop, *step; } PyrtSlice;
typedef struct { PyrtObject ob; PyrtObject *value; /* NULL: empty cell */ } PyrtCell;
/* dict and set layouts are private to dict.c / set.c */

/* Every compiled-class instance starts with this. */
typedef struct {
    PyrtObject ob;
    PyrtObject *dict;      /* attributes that are not compiled fields (created on demand), or NULL */
    uint64_t defined;      /* bit per unboxed field: set when the attribute exists */
} PyrtInstance;

/* Exception instances (builtin and user subclasses) start with this. */
typedef struct PyrtTraceEntry { const char *file; const char *func; int32_t line; } PyrtTraceEntry;
typedef struct {
    PyrtInstance inst;
    PyrtObject *args;      /* tuple */
    PyrtObject *cause, *context;
    int32_t suppress_context;
    int32_t ntrace, captrace;
    PyrtTraceEntry *trace; /* innermost first (appended as the exception leaves each frame; a
                            * negative line: the frame that caught it, replaced when it leaves) */
    PyrtObject *value;     /* StopIteration.value / SystemExit.code, else NULL */
    PyrtObject *tb;        /* __traceback__ made of trace[0:tb_base] (traceback.c), or NULL */
    int32_t tb_base;
} PyrtBaseException;

/* Functions. `call` is the generic entry (argument parsing); compiled code calls typed C functions
 * directly when the target is known. */
typedef struct {
    PyrtObject ob;
    PyrtVectorcall call;
    const char *name;         /* __name__ */
    const char *qualname;     /* __qualname__ */
    const char *module;       /* __module__ */
    const char *doc;          /* __doc__ (UTF-8), or NULL for None */
    PyrtObject *closure;      /* tuple of PyrtCell, or NULL */
    PyrtObject *defaults;     /* tuple of default values (positional), or NULL */
    PyrtObject *kwdefaults;   /* dict of keyword-only defaults, or NULL */
    void *typed;              /* the typed implementation (for generated code), or NULL */
    PyrtObject *dict;         /* attributes set on the function (f.cache = {}, wrapper.__name__ = ...) */
    const char *file;         /* where the def is (__code__.co_filename, co_firstlineno), or NULL */
    int64_t line;
    PyrtObject *code;         /* __code__, made on first use */
} PyrtFunction;
typedef struct { PyrtObject ob; PyrtObject *self; PyrtObject *func; } PyrtMethod;
typedef struct { PyrtObject ob; PyrtVectorcall call; const char *name; PyrtObject *self; } PyrtBuiltinFunction;
typedef struct { PyrtObject ob; PyrtObject *func; } PyrtStaticMethod;   /* also classmethod */
typedef struct {   /* doc NULL: fget's; getter_doc: no doc argument was given (copies take the new getter's) */
    PyrtObject ob; PyrtObject *fget, *fset, *fdel, *doc; int getter_doc;
} PyrtProperty;

/* Generators: compiled as resumable C functions (a state machine; no setjmp). */
typedef struct PyrtGenerator PyrtGenerator;
typedef PyrtObject *(*PyrtGenResume)(PyrtGenerator *g, PyrtObject *sent);
struct PyrtGenerator {
    PyrtObject ob;
    PyrtGenResume resume;  /* returns the yielded value; NULL + no exception: returned (value in
                              g->retval); NULL + exception: raised */
    void (*clear)(PyrtGenerator *g);  /* releases the frame's references */
    /* visits the frame's references (the ones clear releases) for the cycle collector */
    void (*traverse)(PyrtGenerator *g, void (*visit)(PyrtObject *, void *), void *arg);
    void *frame;           /* generated struct holding locals and temporaries */
    int32_t state;         /* 0: not started; -1: finished; k: suspended at yield k */
    int32_t running;
    const char *name;
    PyrtObject *retval;
};
PyrtObject *PyrtGen_New(const char *name, PyrtGenResume resume, void (*clear)(PyrtGenerator *),
                        void (*traverse)(PyrtGenerator *, void (*)(PyrtObject *, void *), void *),
                        void *frame /* Pyrt_Malloc'ed, zeroed; freed with the generator */);
/* an async def's object: the same generator with type coroutine or async_generator */
PyrtObject *PyrtGen_NewKind(const char *name, PyrtGenResume resume, void (*clear)(PyrtGenerator *),
                            void (*traverse)(PyrtGenerator *, void (*)(PyrtObject *, void *), void *), void *frame,
                            PyrtType *kind);
/* the cycle collector's finalizer of a suspended garbage generator: close() it (gen.c sets it) */
extern void (*pyrt_gc_close_generator)(PyrtObject *);
PyrtObject *PyrtGen_Send(PyrtObject *gen, PyrtObject *value);  /* send(); StopIteration at end */
/* `yield from it` resumed with an exception: close/throw it into it (PEP 380); 1 yielded *value,
 * 0 finished with *result, -1 error */
int Pyrt_YieldFromThrow(PyrtObject *it, PyrtObject **value, PyrtObject **result);
/* For `yield from` and for-loops: next value, or NULL with no exception when finished (then
 * *retval gets the return value, a new reference; None if the iterator was not a generator). */
PyrtObject *Pyrt_IterSend(PyrtObject *iter, PyrtObject *value, PyrtObject **retval);

/* ------------------------------------------------------------------ errors */
extern PyrtObject *pyrt_exc;            /* the exception being propagated (owned), or NULL */
static inline bool Pyrt_ErrOccurred(void) { return pyrt_exc != NULL; }
PyrtObject *Pyrt_ErrSetString(PyrtType *type, const char *msg);          /* returns NULL */
PyrtObject *Pyrt_ErrUnicode(PyrtType *type, const char *encoding, PyrtObject *object, int64_t start,
                            int64_t end, const char *reason);   /* UnicodeEncode/DecodeError with its 5 args */
PyrtObject *Pyrt_ErrFormat(PyrtType *type, const char *fmt, ...);        /* printf-style; %R = repr
                                                                           of a PyrtObject*, %S = str */
PyrtObject *Pyrt_ErrSetObject(PyrtType *type, PyrtObject *arg);          /* exception with one arg */
PyrtObject *Pyrt_ErrSetNone(PyrtType *type);                             /* exception with no args */
PyrtObject *Pyrt_ErrFetch(void);        /* take the current exception (new ref), clearing it */
void Pyrt_ErrRestore(PyrtObject *exc);  /* set the current exception (steals exc) */
void Pyrt_ErrClear(void);
int Pyrt_ErrMatches(PyrtObject *cls_or_tuple); /* current exception is an instance of cls? 0/1, -1: bad */
int Pyrt_ExceptionMatches(PyrtObject *exc, PyrtObject *cls_or_tuple);  /* 0/1; -1 if cls invalid
                                           (TypeError "catching classes that do not inherit from
                                           BaseException is not allowed") */
/* `raise X` / `raise X from Y`: X may be an exception class (instantiated) or instance. Always
 * returns NULL with the exception set (context set from the exception being handled). */
PyrtObject *Pyrt_Raise(PyrtObject *exc, PyrtObject *cause /* NULL: no from clause */);
PyrtObject *Pyrt_RaiseSteal(PyrtObject *exc, PyrtObject *cause);   /* takes over exc's reference */
PyrtObject *Pyrt_Reraise(void);   /* bare `raise`: re-raise the exception being handled */
/* The "exception being handled" stack (sys.exc_info()): generated except-blocks call Enter on entry
 * (borrows exc) and Exit with the returned token on every way out. */
PyrtObject *Pyrt_ExcEnterHandler(PyrtObject *exc);
void Pyrt_ExcExitHandler(PyrtObject *token);
PyrtObject *Pyrt_ExcCurrentHandled(void);   /* borrowed, or NULL */
/* Called by generated code when an exception leaves a function: appends a traceback entry. */
void Pyrt_TracebackAdd(const char *file, const char *func, int32_t line);
/* ... and when a handler (except, finally, with) of a function catches exc (CPython's traceback
 * includes the catching frame) */
void Pyrt_TracebackCatch(PyrtObject *exc, const char *file, const char *func, int32_t line);
/* traceback.c: e.__traceback__ (made lazily from the entries, cached), and its assignment */
PyrtObject *PyrtTraceback_Get(PyrtObject *exc);
int PyrtTraceback_Set(PyrtObject *exc, PyrtObject *tb);
/* Prints "Traceback (most recent call last):" ... "Type: message" to stderr like CPython
 * (including chained causes/contexts); returns the process exit status (1, or SystemExit's code). */
int Pyrt_HandleUncaught(void);
PyrtObject *PyrtExc_New(PyrtType *type, PyrtObject *const *args, int64_t nargs);
PyrtObject *PyrtExc_GetArgs(PyrtObject *exc);
/* helpers for common messages */
PyrtObject *Pyrt_ErrNoAttribute(PyrtObject *o, PyrtObject *name);     /* AttributeError, CPython text */
PyrtObject *Pyrt_ErrNameError(const char *name);                       /* name 'x' is not defined */
PyrtObject *Pyrt_ErrUnprovided(const char *name, const char *why);     /* ... (pyrite: why) */
PyrtObject *Pyrt_ErrUnboundLocal(const char *name);  /* cannot access local variable 'x' where it is
                                                        not associated with a value */
PyrtObject *Pyrt_ErrFreeVar(const char *name);       /* cannot access free variable 'x' ... */

/* Recursion guard: generated functions bracket their body with Enter/Leave (CPython's limit 1000). */
extern int32_t pyrt_depth, pyrt_recursion_limit;
PyrtObject *Pyrt_ErrRecursion(void);
static inline bool Pyrt_EnterCall(void) {   /* true on error */
    if (PYRT_UNLIKELY(++pyrt_depth > pyrt_recursion_limit)) { pyrt_depth--; Pyrt_ErrRecursion(); return true; }
    return false;
}
static inline void Pyrt_LeaveCall(void) { pyrt_depth--; }

/* ------------------------------------------------------------------ generic operations (boxed) */
PyrtObject *Pyrt_Repr(PyrtObject *o);
PyrtObject *Pyrt_Str(PyrtObject *o);
PyrtObject *Pyrt_Ascii(PyrtObject *o);
PyrtObject *Pyrt_Format(PyrtObject *o, PyrtObject *spec);   /* format(o, spec) */
int64_t Pyrt_Hash(PyrtObject *o);                            /* -1 on error */
int Pyrt_IsTrue(PyrtObject *o);                              /* -1, 0, 1 */
int Pyrt_Not(PyrtObject *o);
PyrtObject *Pyrt_RichCompare(PyrtObject *a, PyrtObject *b, int op);
int Pyrt_RichCompareBool(PyrtObject *a, PyrtObject *b, int op);  /* identity implies == for EQ/NE */
PyrtObject *Pyrt_BinaryOpRight(PyrtObject *a, PyrtObject *b, int op);  /* after a.__op__ gave NotImplemented */
PyrtObject *Pyrt_BinaryOp(PyrtObject *a, PyrtObject *b, int op); /* op may include PYRT_INPLACE */
PyrtObject *Pyrt_UnaryOp(PyrtObject *a, int op);
PyrtObject *Pyrt_GetAttr(PyrtObject *o, PyrtObject *name);
PyrtObject *Pyrt_GetAttrStr(PyrtObject *o, const char *name);
/* building the keyword dict of f(**m, k=v): duplicates and non-str keys raise CPython's TypeError */
int Pyrt_KwAdd(PyrtObject *kw, PyrtObject *callee, PyrtObject *key, PyrtObject *v);
int Pyrt_KwMerge(PyrtObject *kw, PyrtObject *callee, PyrtObject *mapping);
int Pyrt_HasAttr(PyrtObject *o, PyrtObject *name);
int Pyrt_SetAttr(PyrtObject *o, PyrtObject *name, PyrtObject *v);
int Pyrt_DelAttr(PyrtObject *o, PyrtObject *name);
PyrtObject *Pyrt_GenericGetAttr(PyrtObject *o, PyrtObject *name);
int Pyrt_GenericSetAttr(PyrtObject *o, PyrtObject *name, PyrtObject *v);
PyrtObject *Pyrt_LookupType(PyrtType *t, PyrtObject *name);   /* class attribute along the MRO,
                                                                 borrowed, NULL if absent (no error) */
PyrtObject *Pyrt_LookupTypeStr(PyrtType *t, const char *name);
PyrtObject *Pyrt_SuperGetAttr(PyrtType *cls, PyrtObject *self, PyrtObject *name);  /* super().name */
PyrtObject *Pyrt_GetItem(PyrtObject *o, PyrtObject *key);
int Pyrt_SetItem(PyrtObject *o, PyrtObject *key, PyrtObject *v);
int Pyrt_DelItem(PyrtObject *o, PyrtObject *key);
PyrtObject *Pyrt_GetSlice(PyrtObject *o, PyrtObject *start, PyrtObject *stop, PyrtObject *step); /* NULL
                                                                     arguments mean omitted */
int Pyrt_SetSlice(PyrtObject *o, PyrtObject *start, PyrtObject *stop, PyrtObject *step, PyrtObject *v);
int Pyrt_DelSlice(PyrtObject *o, PyrtObject *start, PyrtObject *stop, PyrtObject *step);
PyrtObject *Pyrt_GetIter(PyrtObject *o);
PyrtObject *Pyrt_IterNext(PyrtObject *it);   /* NULL + no exception: exhausted */
PyrtObject *Pyrt_Next(PyrtObject *it, PyrtObject *dflt);  /* next(it[, default]): StopIteration */
int64_t Pyrt_Len(PyrtObject *o);             /* -1 on error */
int Pyrt_Contains(PyrtObject *container, PyrtObject *item);  /* `item in container` -1/0/1 */
PyrtObject *Pyrt_Call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
/* f(*args, **kwargs): args a tuple (or NULL), kwargs a dict (or NULL) */
PyrtObject *Pyrt_CallEx(PyrtObject *callable, PyrtObject *args, PyrtObject *kwargs);
/* Inline caches: one per attribute access or method call site on a boxed receiver in generated code
 * (a zeroed static). An entry holds what the name resolved to for one exact type; it is valid while
 * pyrt_type_version (bumped whenever a class's attributes change) is the one it was filled under.
 * A miss, or anything the entry does not describe, takes the generic path. */
typedef struct PyrtAttrCache {
    PyrtType *type;               /* exact receiver type (NULL: empty) */
    uint64_t version;
    const struct PyrtField *field; /* attribute loads and stores: the instance field */
    PyrtObject *attr;             /* method calls: the plain function found on the class (borrowed) */
    const struct PyrtMethodDef *meth; /* method calls: the builtin method */
} PyrtAttrCache;
extern uint64_t pyrt_type_version;
PyrtObject *Pyrt_GetAttrIC(PyrtObject *o, PyrtObject *name, PyrtAttrCache *c);             /* new ref */
int Pyrt_SetAttrIC(PyrtObject *o, PyrtObject *name, PyrtObject *v, PyrtAttrCache *c);
PyrtObject *Pyrt_CallMethodIC(PyrtObject *self, PyrtObject *name, PyrtObject *const *args, int64_t nargs,
                              PyrtObject *kwnames, PyrtAttrCache *c);
PyrtObject *Pyrt_CallMethod(PyrtObject *self, PyrtObject *name, PyrtObject *const *args, int64_t nargs,
                            PyrtObject *kwnames);   /* self.name(*args) without a bound method */
int Pyrt_IsInstance(PyrtObject *o, PyrtObject *cls_or_tuple);   /* -1/0/1 */
int Pyrt_IsSubclass(PyrtObject *cls, PyrtObject *cls_or_tuple);
bool PyrtType_IsSubtype(PyrtType *a, PyrtType *b);
static inline bool Pyrt_TypeCheck(PyrtObject *o, PyrtType *t) {
    return o->type == t || PyrtType_IsSubtype(o->type, t);
}
PyrtObject *Pyrt_TypeOf(PyrtObject *o);   /* type(o) */
PyrtObject *Pyrt_Dir(PyrtObject *o);      /* dir(o) (instances of compiled classes, and those classes) */
/* Unpacking: a, b, *c = it. Fills out[0..before+after(+1 if star)] with new refs; star gets a list.
 * Errors: "not enough values to unpack (expected 2, got 1)", "too many values to unpack (expected 2)". */
int PyrtList_UnpackCheck(PyrtObject *l, int64_t n);   /* -1 with ValueError unless len(l) == n */
int Pyrt_Unpack(PyrtObject *it, int64_t before, int has_star, int64_t after, PyrtObject **out);

/* ------------------------------------------------------------------ compiled classes */
/* Create a class at run time (module init). fields: NULL-name terminated, own + inherited.
 * dict: class namespace (methods as PyrtFunction, staticmethod/classmethod/property, class attrs);
 * the class takes a new reference to it. */
PyrtObject *Pyrt_ExcSuspend(PyrtObject *token);                    /* generators: see exc.c */
PyrtObject *Pyrt_ExcResume(PyrtObject *held, PyrtObject *token);
PyrtObject *PyrtSys_VersionInfo(void);   /* sys.version_info (tuple.c) */
PyrtObject *PyrtSys_Flags(void);   /* sys.flags (tuple.c) */
PyrtObject *PyrtSys_HexVersion(void);
PyrtObject *PyrtSys_ExcInfo(void);     /* exc.c */
PyrtObject *PyrtSys_Exception(void);
PyrtObject *PyrtSys_ExceptHook(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtSys_Version(void);
#if defined(__wasi__)
#define PYRT_PLATFORM_NAME "wasi"
#elif defined(__APPLE__)
#define PYRT_PLATFORM_NAME "darwin"
#elif defined(_WIN32)
#define PYRT_PLATFORM_NAME "win32"
#else
#define PYRT_PLATFORM_NAME "linux"
#endif
PyrtType *PyrtType_NewUser(const char *name, const char *module, PyrtType *base, int64_t basicsize,
                           const PyrtField *fields, PyrtObject *dict, PyrtObject *bases);
/* classes with a metaclass or class keywords: the compiled layout for the type.__new__ the metaclass call
 * reaches (SetSpec), and the check that the call returned that class (CheckSpec; steals cls) */
void PyrtClass_SetSpec(PyrtType *base, int64_t basicsize, const PyrtField *fields);
PyrtObject *PyrtClass_CheckSpec(PyrtObject *cls, const PyrtField *fields, const char *name);
/* __set_name__ and __init_subclass__ for a class made by PyrtType_NewUser (-1: raised) */
int PyrtType_Finish(PyrtObject *t);
/* the metaclass a class statement calls: meta (NULL: type) or, when it is a class, the most derived
 * of it and the bases' metaclasses (TypeError on a conflict) */
PyrtObject *PyrtClass_Meta(PyrtObject *meta, PyrtObject *bases);
PyrtObject *PyrtClass_ResolveBases(PyrtObject *bases);   /* __mro_entries__ applied; new reference */
int PyrtClass_SetOrigBases(PyrtObject *ns, PyrtObject *orig, PyrtObject *resolved);
PyrtObject *PyrtClass_Prepare(PyrtObject *meta, PyrtObject *name, PyrtObject *bases, PyrtObject *kwargs);
int PyrtClass_NsSet(PyrtObject *ns, const char *name, PyrtObject *v);
PyrtObject *PyrtClass_NsGet(PyrtObject *ns, const char *name);
PyrtObject *PyrtClass_NsLookup(PyrtObject *ns, const char *name);   /* NULL, no error: not bound there */
/* bases: NULL for (base,); else the tuple of every base, in order (base, whose layout the class
 * extends, among them); the MRO is their C3 linearization (TypeError when there is none) */
/* Allocate an instance of a compiled class (zeroed fields, no __init__ call). */
PyrtObject *PyrtInstance_New(PyrtType *cls);
PyrtObject *Pyrt_ErrAttributeUnset(PyrtObject *o, const char *name);  /* AttributeError for a field */
PyrtObject *PyrtFunction_New(PyrtVectorcall call, const char *name, const char *qualname,
                             const char *module, const char *doc, PyrtObject *closure, PyrtObject *defaults,
                             PyrtObject *kwdefaults, void *typed);
/* the same, for a def at line `line` of file: its __code__ has co_filename and co_firstlineno */
PyrtObject *PyrtFunction_NewAt(PyrtVectorcall call, const char *name, const char *qualname,
                               const char *module, const char *doc, PyrtObject *closure, PyrtObject *defaults,
                               PyrtObject *kwdefaults, void *typed, const char *file, int64_t line);
PyrtObject *PyrtMethod_New(PyrtObject *func, PyrtObject *self);
PyrtObject *PyrtBuiltin_New(const char *name, PyrtVectorcall call, PyrtObject *self);
PyrtObject *PyrtStaticMethod_New(PyrtObject *func);
PyrtObject *PyrtClassMethod_New(PyrtObject *func);
PyrtObject *PyrtProperty_New(PyrtObject *fget, PyrtObject *fset, PyrtObject *fdel);
PyrtObject *PyrtCell_New(PyrtObject *v /* NULL: empty */);

/* Argument parsing for generic entry points (the Python signature of a compiled function). */
typedef struct PyrtArgSpec {
    const char *fname;          /* for messages: "f" */
    int32_t npos;               /* positional-or-keyword parameters (incl. positional-only) */
    int32_t nposonly;
    int32_t nkwonly;
    int32_t has_varargs, has_varkw;
    const char *const *names;   /* npos + nkwonly names */
    int32_t nrequired_pos;      /* positional parameters without a default */
} PyrtArgSpec;
/* out gets npos + nkwonly (+1 tuple if varargs) (+1 dict if varkw) slots: borrowed references for
 * parameters (NULL when missing and a default applies: the caller fills defaults), new references
 * for the *args tuple and **kwargs dict. -1 + TypeError with CPython's message on mismatch. */
int Pyrt_ParseArgs(const PyrtArgSpec *spec, PyrtObject *const *args, int64_t nargs,
                   PyrtObject *kwnames, PyrtObject **out);

/* ------------------------------------------------------------------ int (compact int64 or big) */
PyrtObject *PyrtInt_FromI64(int64_t v);       /* small ints -5..1024 are cached; INT64_MIN is big */
static inline bool PyrtInt_IsBig(PyrtObject *o) { return ((PyrtInt *)o)->value == PYRT_INT_BIG; }
/* o is an int/bool and not big (PyrtInt_IsBig) */
static inline int64_t PyrtInt_AsI64(PyrtObject *o) { return ((PyrtInt *)o)->value; }
int64_t PyrtInt_AsI64Checked(PyrtObject *o);  /* TypeError if not an int, OverflowError if big; flag */
/* A big literal: optional '-', then ASCII decimal digits (no limit applies); new reference */
PyrtObject *PyrtLong_FromDecimal(const char *digits);
/* compiled subclasses of int and str (long.c, str.c): an instance of t with v's value; its dict slot */
PyrtObject *PyrtInt_SubNew(PyrtType *t, PyrtObject *v);
PyrtObject **PyrtInt_SubDictSlot(PyrtObject *o);
PyrtObject *PyrtInt_Exact(PyrtObject *o);   /* an exact int with o's value (o: int, bool or a subclass) */
PyrtObject *PyrtStr_SubNew(PyrtType *t, PyrtObject *v);
PyrtObject *PyrtBuiltin_ImmutableSubNew(PyrtType *t, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtBuiltin_meth___new__(PyrtObject *cls, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                                     PyrtType *builtin);
PyrtObject **PyrtStr_SubDictSlot(PyrtObject *o);
double PyrtFloat_AsDoubleChecked(PyrtObject *o); /* float or int (converted); TypeError; flag */
PyrtObject *PyrtInt_FromString(PyrtObject *s, int64_t base);   /* int("12"); ValueError text as CPython */
PyrtObject *PyrtInt_FromDouble(double d);     /* int(3.7): OverflowError/ValueError for inf/nan */
PyrtObject *PyrtInt_New(PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames); /* int(...) */
PyrtObject *PyrtInt_Repr(int64_t v);
PyrtObject *PyrtInt_ToBase(int64_t v, int base, bool prefix);  /* bin/oct/hex */
int64_t PyrtI64_Hash(int64_t v);               /* CPython's hash(int) */
PyrtObject *PyrtErr_IntOverflow(void);         /* OverflowError: int exceeds 64 bits (typed int64 code) */
PyrtObject *PyrtErr_ZeroDiv(const char *msg);  /* ZeroDivisionError(msg) */

static inline bool PyrtI64_Add(int64_t a, int64_t b, int64_t *r) {
    if (PYRT_UNLIKELY(__builtin_add_overflow(a, b, r))) { PyrtErr_IntOverflow(); return true; } return false; }
static inline bool PyrtI64_Sub(int64_t a, int64_t b, int64_t *r) {
    if (PYRT_UNLIKELY(__builtin_sub_overflow(a, b, r))) { PyrtErr_IntOverflow(); return true; } return false; }
static inline bool PyrtI64_Mul(int64_t a, int64_t b, int64_t *r) {
    if (PYRT_UNLIKELY(__builtin_mul_overflow(a, b, r))) { PyrtErr_IntOverflow(); return true; } return false; }
static inline bool PyrtI64_Neg(int64_t a, int64_t *r) {
    if (PYRT_UNLIKELY(a == INT64_MIN)) { PyrtErr_IntOverflow(); return true; } *r = -a; return false; }
static inline bool PyrtI64_FloorDiv(int64_t a, int64_t b, int64_t *r) {
    if (PYRT_UNLIKELY(b == 0)) { PyrtErr_ZeroDiv("integer division or modulo by zero"); return true; }
    if (PYRT_UNLIKELY(a == INT64_MIN && b == -1)) { PyrtErr_IntOverflow(); return true; }
    int64_t q = a / b; if ((a % b != 0) && ((a < 0) != (b < 0))) q--; *r = q; return false; }
static inline bool PyrtI64_Mod(int64_t a, int64_t b, int64_t *r) {
    if (PYRT_UNLIKELY(b == 0)) { PyrtErr_ZeroDiv("integer modulo by zero"); return true; }
    if (b == -1) { *r = 0; return false; }
    int64_t m = a % b; if (m != 0 && ((m < 0) != (b < 0))) m += b; *r = m; return false; }
double PyrtI64_TrueDivBig(int64_t a, int64_t b);  /* correctly rounded a / b for any int64 (b != 0) */
static inline bool PyrtI64_TrueDiv(int64_t a, int64_t b, double *r) {
    if (PYRT_UNLIKELY(b == 0)) { PyrtErr_ZeroDiv("division by zero"); return true; }
    const int64_t lim = (int64_t)1 << 53;   /* both exact as doubles: one correctly rounded division */
    if (PYRT_LIKELY(a >= -lim && a <= lim && b >= -lim && b <= lim)) { *r = (double)a / (double)b; return false; }
    *r = PyrtI64_TrueDivBig(a, b); return false; }
bool PyrtI64_Pow(int64_t a, int64_t b, int64_t *r);   /* b >= 0 (callers ensure); overflow error */
bool PyrtI64_LShift(int64_t a, int64_t b, int64_t *r); /* ValueError "negative shift count" */
bool PyrtI64_RShift(int64_t a, int64_t b, int64_t *r);

/* ------------------------------------------------------------------ float */
PyrtObject *PyrtFloat_FromDouble(double v);
static inline double PyrtFloat_AsDouble(PyrtObject *o) { return ((PyrtFloat *)o)->value; }
PyrtObject *PyrtFloat_Repr(double v);         /* shortest round-trip, CPython's repr */
PyrtObject *PyrtFloat_FromString(PyrtObject *s);  /* float("1.5"), "inf", "nan"; ValueError as CPython */
PyrtObject *PyrtFloat_New(PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames); /* float(...) */
int64_t PyrtF64_Hash(double v);                /* CPython's hash(float) */
bool PyrtF64_Div(double a, double b, double *r);       /* "float division by zero" */
bool PyrtF64_FloorDiv(double a, double b, double *r);  /* "float floor division by zero" */
bool PyrtF64_Mod(double a, double b, double *r);       /* "float modulo"; Python sign rules */
bool PyrtF64_Pow(double a, double b, double *r);       /* "0.0 cannot be raised to a negative power";
                                                          negative base ** fractional -> ValueError is
                                                          CPython complex; raise ValueError here */
PyrtObject *PyrtF64_Round(double x, PyrtObject *ndigits /* NULL: round to int (half even) */);
int64_t PyrtF64_IsInteger(double v);

/* ------------------------------------------------------------------ str (UTF-8, code point semantics) */
PyrtObject *PyrtStr_FromUTF8(const char *s, int64_t nbytes);   /* validates nothing: s is UTF-8 */
PyrtObject *PyrtStr_FromCString(const char *s);
PyrtObject *PyrtStr_Constant(const char *s, int64_t nbytes);    /* immortal, for literals */
PyrtObject *PyrtStr_ConstantShared(const char *s, int64_t nbytes);   /* (split builds: one object per value) */
PyrtObject *PyrtStr_FromCodePoint(uint32_t cp);                 /* chr() without range check */
PyrtObject *PyrtStr_Chr(int64_t cp);                            /* chr(): ValueError out of range */
int64_t PyrtStr_Ord(PyrtObject *s);                             /* TypeError unless length 1; flag */
static inline int64_t PyrtStr_Len(PyrtObject *s) { return ((PyrtStr *)s)->length; }
static inline const char *PyrtStr_UTF8(PyrtObject *s) { return ((PyrtStr *)s)->data; }
PyrtObject *PyrtStr_Concat(PyrtObject *a, PyrtObject *b);
PyrtObject *PyrtStr_ConcatArray(PyrtObject *const *parts, int64_t n);  /* the strs joined, in order */
PyrtObject *PyrtStr_FormatChar(int64_t cp);   /* '%c' % cp: OverflowError outside range(0x110000) */
PyrtObject *PyrtStr_Repeat(PyrtObject *a, int64_t n);
PyrtObject *PyrtStr_GetItem(PyrtObject *s, int64_t i);          /* negative ok; IndexError */
PyrtObject *PyrtStr_Slice(PyrtObject *s, PyrtObject *start, PyrtObject *stop, PyrtObject *step);
bool PyrtStr_Eq(PyrtObject *a, PyrtObject *b);
int PyrtStr_Compare(PyrtObject *a, PyrtObject *b);              /* <0, 0, >0 (code point order) */
int64_t PyrtStr_Hash(PyrtObject *s);
int PyrtStr_Contains(PyrtObject *s, PyrtObject *sub);           /* TypeError if sub not str */
PyrtObject *PyrtStr_Join(PyrtObject *sep, PyrtObject *iterable);
PyrtObject *PyrtStr_Mod(PyrtObject *fmt, PyrtObject *args);     /* fmt % args, CPython semantics */
PyrtObject *PyrtStr_FormatMethod(PyrtObject *fmt, PyrtObject *const *args, int64_t nargs,
                                 PyrtObject *kwnames);          /* fmt.format(...) */
/* f-strings: pieces are concatenated with this (steals nothing; pieces are str) */
PyrtObject *PyrtStr_Build(PyrtObject *const *pieces, int64_t n);
PyrtObject *PyrtStr_ReprOf(PyrtObject *s);                      /* repr of a str with quotes */
/* str methods: every method callable from Python is in PyrtType_Str.methods (PyrtMethFn form, used
 * for dynamic calls). Typed code calls them through the same PyrtMethFn entries. */
/* formatting helpers shared with int/float */
PyrtObject *Pyrt_FormatI64(int64_t v, PyrtObject *spec);
PyrtObject *Pyrt_FormatF64(double v, PyrtObject *spec);
PyrtObject *Pyrt_FormatStr(PyrtObject *s, PyrtObject *spec);

/* bytes */
PyrtObject *PyrtBytes_FromData(const void *data, int64_t n);
PyrtObject *PyrtBytes_Constant(const void *data, int64_t n);

/* ------------------------------------------------------------------ list */
PyrtObject *PyrtList_New(int64_t length);     /* items set to NULL: caller fills them with _SetNew */
PyrtObject *PyrtList_FromArray(PyrtObject *const *items, int64_t n);  /* increfs the items */
static inline int64_t PyrtList_Len(PyrtObject *l) { return ((PyrtList *)l)->length; }
/* (l of kind PYRT_LIST_OBJ, as PyrtList_New makes) */
static inline void PyrtList_SetNew_Steal(PyrtObject *l, int64_t i, PyrtObject *v) { ((PyrtList *)l)->ob_item[i] = v; }
PyrtObject *PyrtList_NewKind(int64_t length, int64_t kind);  /* slots zeroed: 0, 0.0 (or NULL: fill them) */
int PyrtList_Generalize(PyrtObject *l);       /* unboxed items become objects; -1 on MemoryError */
/* Make l's items objects (a list of an unboxed kind is generalised) before C code reads ob_item as
 * references: 0, or -1 on MemoryError. */
static inline int PyrtList_Objects(PyrtObject *l) {
    return ((PyrtList *)l)->kind == PYRT_LIST_OBJ ? 0 : PyrtList_Generalize(l);
}
PyrtObject *PyrtList_ItemNew(PyrtObject *l, int64_t i);  /* item i (0 <= i < len) as a new reference */
int PyrtList_AppendI64(PyrtObject *l, int64_t v);   /* l.append(v), unboxed in a list of ints */
int PyrtList_AppendF64(PyrtObject *l, double v);    /* l.append(v), unboxed in a list of floats */
int PyrtList_Append(PyrtObject *l, PyrtObject *v);
int PyrtList_Extend(PyrtObject *l, PyrtObject *iterable);
PyrtObject *PyrtList_FromIterable(PyrtObject *iterable);   /* list(x) */
PyrtObject *PyrtList_GetItem(PyrtObject *l, int64_t i);    /* negative ok; "list index out of range" */
int PyrtList_SetItem(PyrtObject *l, int64_t i, PyrtObject *v); /* "list assignment index out of range" */
int PyrtList_DelItem(PyrtObject *l, int64_t i);
PyrtObject *PyrtList_Pop(PyrtObject *l, int64_t i);        /* "pop from empty list", "pop index out of range" */
int PyrtList_Insert(PyrtObject *l, int64_t i, PyrtObject *v);
PyrtObject *PyrtList_Concat(PyrtObject *a, PyrtObject *b);
PyrtObject *PyrtList_Repeat(PyrtObject *a, int64_t n);
int PyrtList_Contains(PyrtObject *l, PyrtObject *v);
int PyrtList_Sort(PyrtObject *l, PyrtObject *key /* NULL */, int reverse);  /* stable */
PyrtObject *PyrtList_Sorted(PyrtObject *iterable, PyrtObject *key, int reverse);
int PyrtList_Reverse(PyrtObject *l);
/* list methods callable from Python (append, pop, index, ...) are in PyrtType_List.methods */

/* ------------------------------------------------------------------ tuple */
PyrtObject *PyrtTuple_New(int64_t length);   /* items NULL: fill with PyrtTuple_SetNew_Steal */
PyrtObject *PyrtTuple_FromArray(PyrtObject *const *items, int64_t n);   /* increfs */
static inline int64_t PyrtTuple_Len(PyrtObject *t) { return ((PyrtTuple *)t)->length; }
/* Tuples start untracked by the cycle collector (most hold only numbers and strings, which cannot make a
 * cycle) and are tracked when an item that can is stored: every store of a tuple item calls this. */
static inline void pyrt_tuple_item_stored(PyrtObject *t, PyrtObject *v)
{
    if (PYRT_UNLIKELY(v && (v->type->flags & PYRT_TPFLAG_GC)) && !PYRT_GC_HEAD(t)->next)
        Pyrt_GCTrack(t);
}
static inline void PyrtTuple_SetNew_Steal(PyrtObject *t, int64_t i, PyrtObject *v)
{
    ((PyrtTuple *)t)->items[i] = v;
    pyrt_tuple_item_stored(t, v);
}
static inline PyrtObject *PyrtTuple_GetBorrowed(PyrtObject *t, int64_t i) { return ((PyrtTuple *)t)->items[i]; }
PyrtObject *PyrtTuple_GetItem(PyrtObject *t, int64_t i);   /* negative ok; "tuple index out of range" */
PyrtObject *PyrtTuple_FromIterable(PyrtObject *iterable);
int64_t PyrtTuple_Hash(PyrtObject *t);                     /* CPython's algorithm */
/* Struct sequences (tuple.c): CPython's PyStructSequence, a tuple whose items are also named attributes
 * (sys.flags, sys.version_info, time.struct_time). A static descriptor names the type and its fields;
 * PyrtStructSeq_InitType fills in the rest before the first instance (0, or -1 with an error). */
typedef struct PyrtStructSeqType {
    PyrtType type;                 /* (first: an instance's type pointer is one of these) */
    const char *const *fields;     /* n_fields names; the first n_sequence are the tuple's items, */
    int32_t n_sequence, n_fields;  /* the others attributes only (time.struct_time's tm_zone) */
} PyrtStructSeqType;
int PyrtStructSeq_InitType(PyrtStructSeqType *t, bool constructible /* calling the type makes one */);
PyrtObject *PyrtStructSeq_New(PyrtStructSeqType *t);   /* n_fields items NULL: PyrtTuple_SetNew_Steal each */

/* ------------------------------------------------------------------ dict (insertion ordered) */
PyrtObject *PyrtDict_New(void);
PyrtObject *PyrtDict_GetItem(PyrtObject *d, PyrtObject *key);  /* KeyError(key) */
PyrtObject *PyrtDict_GetItemOrNull(PyrtObject *d, PyrtObject *key); /* NULL no error if absent;
                                                                  NULL + error on hash failure */
PyrtObject *PyrtDict_GetItemStr(PyrtObject *d, const char *key); /* borrowed or NULL, no error */
int PyrtDict_SetItem(PyrtObject *d, PyrtObject *key, PyrtObject *v);
int PyrtDict_SetItemStr(PyrtObject *d, const char *key, PyrtObject *v);
int PyrtDict_DelItem(PyrtObject *d, PyrtObject *key);          /* KeyError */
int PyrtDict_Contains(PyrtObject *d, PyrtObject *key);
int64_t PyrtDict_Size(PyrtObject *d);
PyrtObject *PyrtDict_Get(PyrtObject *d, PyrtObject *key, PyrtObject *dflt);  /* d.get(k, dflt) */
int PyrtDict_Update(PyrtObject *d, PyrtObject *other);        /* dict or iterable of pairs */
PyrtObject *PyrtDict_Copy(PyrtObject *d);
PyrtObject *PyrtDict_Keys(PyrtObject *d);     /* views */
PyrtObject *PyrtDict_Values(PyrtObject *d);
PyrtObject *PyrtDict_Items(PyrtObject *d);
/* Iterate without an iterator object: *pos starts at 0; returns 0 at the end; borrowed key/value.
 * Raises RuntimeError "dictionary changed size during iteration" from iterators (not here). */
int PyrtDict_Next(PyrtObject *d, int64_t *pos, PyrtObject **key, PyrtObject **value);

/* ------------------------------------------------------------------ set (CPython-compatible order) */
PyrtObject *PyrtSet_New(void);
PyrtObject *PyrtSet_FromIterable(PyrtObject *iterable);   /* set(x) */
PyrtObject *PyrtFrozenSet_FromIterable(PyrtObject *iterable);
int PyrtSet_Add(PyrtObject *s, PyrtObject *v);
int PyrtSet_Discard(PyrtObject *s, PyrtObject *v);        /* 1 if removed, 0 if absent, -1 */
int PyrtSet_Contains(PyrtObject *s, PyrtObject *v);
int64_t PyrtSet_Size(PyrtObject *s);

/* ------------------------------------------------------------------ range, slices, iterators */
PyrtObject *PyrtRange_New(int64_t start, int64_t stop, int64_t step);  /* ValueError step 0 */
PyrtObject *PyrtSlice_New(PyrtObject *start, PyrtObject *stop, PyrtObject *step);  /* NULL = None */
/* Resolve a slice against a length like CPython's PySlice_AdjustIndices; -1 on TypeError. */
int PyrtSlice_Indices(PyrtObject *start, PyrtObject *stop, PyrtObject *step, int64_t length,
                      int64_t *rstart, int64_t *rstop, int64_t *rstep, int64_t *rlen);

/* ------------------------------------------------------------------ builtins (generic entry points)
 * Each is a PyrtVectorcall so it can be called dynamically and used as a value (map(str, xs)).
 * Typed generated code calls faster typed primitives when it knows the types. */
#define PYRT_BUILTIN(name) PyrtObject *Pyrt_builtin_##name(PyrtObject *self, PyrtObject *const *args, \
                                                            int64_t nargs, PyrtObject *kwnames)
PYRT_BUILTIN(print); PYRT_BUILTIN(len); PYRT_BUILTIN(abs); PYRT_BUILTIN(min); PYRT_BUILTIN(max);
PYRT_BUILTIN(sum); PYRT_BUILTIN(sorted); PYRT_BUILTIN(reversed); PYRT_BUILTIN(enumerate);
PYRT_BUILTIN(zip); PYRT_BUILTIN(map); PYRT_BUILTIN(filter); PYRT_BUILTIN(any); PYRT_BUILTIN(all);
PYRT_BUILTIN(repr); PYRT_BUILTIN(ascii); PYRT_BUILTIN(ord); PYRT_BUILTIN(chr); PYRT_BUILTIN(isinstance);
PYRT_BUILTIN(issubclass); PYRT_BUILTIN(divmod); PYRT_BUILTIN(round); PYRT_BUILTIN(pow);
PYRT_BUILTIN(hash); PYRT_BUILTIN(input); PYRT_BUILTIN(open); PYRT_BUILTIN(iter); PYRT_BUILTIN(next);
PYRT_BUILTIN(format); PYRT_BUILTIN(id); PYRT_BUILTIN(callable); PYRT_BUILTIN(getattr);
PYRT_BUILTIN(setattr); PYRT_BUILTIN(hasattr); PYRT_BUILTIN(delattr); PYRT_BUILTIN(bin); PYRT_BUILTIN(oct);
PYRT_BUILTIN(hex); PYRT_BUILTIN(vars); PYRT_BUILTIN(dir);
/* coroutines (gen.c): what frontend/coro.py lowers await, async for, async with and async yields to */
PYRT_BUILTIN(__pyrite_await__); PYRT_BUILTIN(__pyrite_aiter__); PYRT_BUILTIN(__pyrite_anext__);
PYRT_BUILTIN(__pyrite_aenter__); PYRT_BUILTIN(__pyrite_aexit__); PYRT_BUILTIN(__pyrite_agwrap__);
PYRT_BUILTIN(aiter); PYRT_BUILTIN(anext);
/* weakref.c */
PYRT_BUILTIN(__pyrite_posix__); PYRT_BUILTIN(__pyrite_weakref_set__); PYRT_BUILTIN(__pyrite_weakref_get__); PYRT_BUILTIN(__pyrite_weakref_callback__);
PYRT_BUILTIN(__pyrite_weakref_find__); PYRT_BUILTIN(__pyrite_weakref_list__);
PYRT_BUILTIN(__pyrite_register_types__);   /* type.c */
PYRT_BUILTIN(__pyrite_removed__);   /* exc.c */
PYRT_BUILTIN(__pyrite_register_codecs__);   /* bytes.c */
PYRT_BUILTIN(__pyrite_register_atexit__);   /* exc.c */
/* weak references alive: while > 0 Pyrt_Dealloc and the cycle collector call weakref.c through these
 * hooks (set with the first weak reference, so that programs without any do not link weakref.c) */
extern int64_t pyrt_weakref_live;
extern void (*pyrt_weakref_dealloc)(PyrtObject *o);
extern void (*pyrt_weakref_collect_garbage)(PyrtObject **objs, int64_t k);
/* The builtins as objects, by name ("len" -> builtin function object, "int" -> &PyrtType_Int,
 * "ValueError" -> the type): borrowed, NULL if unknown. */
PyrtObject *Pyrt_GetBuiltin(const char *name);

/* ------------------------------------------------------------------ I/O, sys, time, math */
/* stdout is buffered by the runtime and flushed at exit, before input(), and on sys.stdout.flush(). */
PyrtObject *Pyrt_Stdout(void);   /* borrowed file objects */
PyrtObject *Pyrt_Stderr(void);
PyrtObject *Pyrt_Stdin(void);
int Pyrt_WriteStdout(const char *s, int64_t n);
PyrtObject *PyrtFile_Open(PyrtObject *path, PyrtObject *mode);   /* FileNotFoundError etc. like CPython */
extern PyrtObject *pyrt_sys_argv;   /* list of str: NULL until the sys module is imported or Pyrt_SetArgv */
extern int pyrt_argc;               /* the command line given to Pyrt_Init */
extern char **pyrt_argv;
PyrtObject *Pyrt_SysExit(PyrtObject *code /* NULL: None */);  /* raises SystemExit; returns NULL */
double Pyrt_TimeTime(void);
double Pyrt_TimePerfCounter(void);
/* math: thin wrappers that raise ValueError("math domain error") / OverflowError("math range error")
 * like CPython; flag convention */
double PyrtMath_Call1(int which, double x);      /* which: PYRT_MATH_* below */
double PyrtMath_Call2(int which, double x, double y);
enum { PYRT_MATH_SQRT, PYRT_MATH_EXP, PYRT_MATH_LOG, PYRT_MATH_LOG10, PYRT_MATH_LOG2, PYRT_MATH_SIN,
       PYRT_MATH_COS, PYRT_MATH_TAN, PYRT_MATH_ASIN, PYRT_MATH_ACOS, PYRT_MATH_ATAN, PYRT_MATH_SINH,
       PYRT_MATH_COSH, PYRT_MATH_TANH, PYRT_MATH_FABS, PYRT_MATH_ATAN2, PYRT_MATH_HYPOT,
       PYRT_MATH_POW, PYRT_MATH_FMOD, PYRT_MATH_COPYSIGN, PYRT_MATH_DEGREES, PYRT_MATH_RADIANS,
       PYRT_MATH_LOG_BASE, PYRT_MATH_EXPM1, PYRT_MATH_LOG1P, PYRT_MATH_ERF, PYRT_MATH_ERFC };
PyrtObject *PyrtMath_Floor(double x);   /* int results */
PyrtObject *PyrtMath_Ceil(double x);
PyrtObject *PyrtMath_Trunc(double x);
PyrtObject *PyrtMath_Factorial(int64_t n);
int64_t PyrtMath_Gcd(int64_t a, int64_t b);
PyrtObject *PyrtMath_Isqrt(int64_t n);
/* The sys, math and time modules as objects (for dynamic use): borrowed. */
PyrtObject *Pyrt_GetModule(const char *name);

/* ------------------------------------------------------------------ process */
void Pyrt_Init(int argc, char **argv);    /* before any module init */
int Pyrt_Finalize(int status);           /* flushes stdout; returns the exit status to use */

/* small-object helpers used by generated code */
PyrtObject *PyrtBool_FromObj(PyrtObject *o);   /* bool(o) */
/* Declarations added by each runtime area (one header per area, owned by that area's files). */
#include "pyrt_core.h"
#include "pyrt_num.h"
#include "pyrt_str.h"
#include "pyrt_containers.h"
#include "pyrt_random.h"
#include "pyrt_int.h"
#endif /* PYRT_H */
