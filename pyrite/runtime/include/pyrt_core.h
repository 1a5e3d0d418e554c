/* pyrt_core.h: extra runtime declarations owned by the core area (see pyrt.h for the conventions). */
#ifndef PYRT_CORE_H
#define PYRT_CORE_H
#include <stdarg.h>

/* A str built printf-style: %s %d %i %u %lld %llu %zd %zu %x %c %p %% plus %R (repr of a PyrtObject*)
 * and %S (str of a PyrtObject*). */
PyrtObject *Pyrt_StrFormat(const char *fmt, ...);
PyrtObject *Pyrt_StrFormatV(const char *fmt, va_list ap);
/* snprintf/vsnprintf for messages without the C library's printf (which links float formatting):
 * %s %d %i %u %x %c %% with l/ll/z, '0' flag, width, precision ('.N', '.*'). No %e/%f/%g. */
int Pyrt_Snprintf(char *buf, size_t size, const char *fmt, ...);
int Pyrt_Vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* Release what a compiled-class instance holds (OBJ fields and the attribute dict), not the memory:
 * the dealloc of PyrtInstance-based types. */
void PyrtInstance_Release(PyrtObject *o);
/* The traverse of PyrtInstance-based types (gc.c): object fields and the attribute dict. */
void Pyrt_WriteUnraisable(const char *what);   /* exc.c: prints and clears the current exception */
void Pyrt_WriteUnraisableBare(const char *what);   /* the same without "Exception ignored in: " */
void Pyrt_RunAtexit(void);   /* exc.c: the atexit callbacks, at the program's exit */
void PyrtInstance_Traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg);
/* A function of a module the runtime provides (mathmod.c makes the module objects). */
typedef struct { const char *name; PyrtVectorcall fn; } PyrtModFn;
extern const PyrtModFn pyrt_gc_fns[];   /* gc.c */
int PyrtGC_FillModule(PyrtObject *dict); /* gc.garbage, gc.callbacks */
int PyrtTime_FillModule(PyrtObject *dict); /* timemod.c: time's calendar functions and zone constants */

/* CPython's identity hash of a pointer (the default hash of objects). */
int64_t Pyrt_HashPointer(const void *p);
/* The hash slot of unhashable types: TypeError "unhashable type: 'list'", returns -1. */
int64_t Pyrt_HashNotImplemented(PyrtObject *o);

/* After Pyrt_ParseArgs: fill the parameters still NULL from func's defaults tuple (trailing
 * positional parameters) and kwdefaults dict (keyword-only), borrowed; then raise CPython's
 * "f() missing 1 required positional argument: 'x'" / "... keyword-only argument: 'k'" for any
 * parameter left without a value. func may be NULL (no defaults). 0 or -1. */
int Pyrt_ApplyDefaults(const PyrtArgSpec *spec, PyrtObject *func, PyrtObject **out);

/* Methods of object (found last along every MRO, e.g. super().__init__()), PyrtMethFn form. */
PyrtObject *PyrtObject_meth___init__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames);
PyrtObject *PyrtObject_meth___repr__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames);
PyrtObject *PyrtObject_meth___str__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                    PyrtObject *kwnames);
PyrtObject *PyrtObject_meth___hash__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames);
PyrtObject *PyrtObject_meth___eq__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                   PyrtObject *kwnames);
PyrtObject *PyrtObject_GetAttribute(PyrtObject *o, PyrtObject *name);   /* object.__getattribute__ */
PyrtObject *PyrtType_AbstractError(PyrtType *t);   /* TypeError: can't instantiate an abstract class (NULL) */
/* __init__ of list, dict, set, property, classmethod, staticmethod (re-initialises self) */
PyrtObject *PyrtBuiltin_meth___init__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
/* isinstance/issubclass against a class with a compiled metaclass (set once one exists; -1: raised) */
extern int (*pyrt_meta_check)(PyrtObject *o, PyrtObject *cls, bool instance);
PyrtObject *PyrtObject_meth___ne__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                   PyrtObject *kwnames);

/* property.getter/setter/deleter (decorators: @x.setter) */
PyrtObject *PyrtProperty_meth_getter(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames);
PyrtObject *PyrtProperty_meth_setter(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames);
PyrtObject *PyrtProperty_meth_deleter(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                      PyrtObject *kwnames);

/* Generator methods (send, throw, close, __next__) */
PyrtObject *PyrtGen_meth_send(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtGen_meth_throw(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtGen_meth_close(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtGen_meth___next__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                  PyrtObject *kwnames);

/* BaseException methods (PyrtMethFn form) */
PyrtObject *PyrtBaseException_meth___init__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                            PyrtObject *kwnames);
PyrtObject *PyrtBaseException_meth_with_traceback(PyrtObject *self, PyrtObject *const *args,
                                                  int64_t nargs, PyrtObject *kwnames);
/* Pyrt_CallMethod once a user class exists (set by PyrtType_NewUser), NULL before: for code that
 * only ever calls methods of user-class instances (a user __index__, print's file.write) so that it
 * does not link the attribute machinery into programs without classes. */
extern PyrtObject *(*pyrt_user_call_method)(PyrtObject *self, PyrtObject *name, PyrtObject *const *args,
                                            int64_t nargs, PyrtObject *kwnames);

/* str[slice] and tuple[slice] for the getitem slots, set when the first slice object is made
 * (PyrtSlice_New): programs without slice objects do not link slicing through those slots. */
typedef struct {
    PyrtObject *(*str)(PyrtObject *o, PyrtObject *slice);
    PyrtObject *(*tuple)(PyrtObject *o, PyrtObject *slice);
} PyrtSliceHooks;
extern PyrtSliceHooks pyrt_slice_hooks;
PyrtObject *PyrtStr_SliceSubscript(PyrtObject *o, PyrtObject *slice);
PyrtObject *PyrtTuple_SliceSubscript(PyrtObject *o, PyrtObject *slice);

/* str.c: sets up the static one-character strings (called first by Pyrt_Init). */
void pyrt_str_init(void);

/* A module's __name__ (its dict entry, borrowed), NULL if it has none. */
PyrtObject *PyrtModule_Name(PyrtObject *o);
/* A compiled module as an object (`import helper; print(helper); hasattr(helper, "f")`): its
 * attributes are the module's globals, read and written through functions the compiler emits.
 * get: new reference, or NULL (with an exception set on error; without when the name is unbound).
 * set (v NULL deletes): 0 done, -1 error, 1 not a global of the module. */
typedef struct PyrtModuleDef {
    const char *name, *file;
    PyrtObject *(*get)(const char *name);
    int (*set)(const char *name, PyrtObject *v);
    PyrtObject *object;   /* created on first use, immortal */
    const char *const *names;   /* its globals, in order (NULL-terminated) */
    PyrtObject *globals_dict;   /* what globals() returns, once called: compiled stores update it */
} PyrtModuleDef;
PyrtObject *PyrtModule_Compiled(PyrtModuleDef *def);   /* borrowed; NULL + MemoryError */
int PyrtModule_Expect(PyrtObject *v, PyrtModuleDef *def);   /* v is def's module object, else RuntimeError */
PyrtObject *PyrtModule_Dir(PyrtObject *module);   /* dir(module) */
PyrtObject *PyrtModule_GlobalsForFile(const char *file);   /* new ref, or NULL (no exception) */
/* Programs that call __import__ register every compiled module at start-up (a constructor per module's
 * unit, emitted by codegen/emit_module.py); __import__ runs a registered module's top level on first
 * use and raises ModuleNotFoundError for any other name (what is not compiled in is not there). */
typedef struct PyrtModuleEntry {
    const char *name;
    int (*init)(void);
    PyrtModuleDef *def;
    struct PyrtModuleEntry *next;
} PyrtModuleEntry;
void PyrtModule_Register(PyrtModuleEntry *e);
/* from module import name, for a name the module does not bind itself: its object's attribute, else
 * ImportError "cannot import name" */
PyrtObject *PyrtModule_ImportName(PyrtObject *module, const char *name);
/* a global the module does not bind itself: from its object's dict (or globals() dict), else NameError */
PyrtObject *PyrtModule_LoadName(PyrtModuleDef *def, const char *name);
PyrtObject *Pyrt_builtin___import__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
int PyrtSys_AddModule(PyrtModuleDef *def);   /* sys.modules[def->name] = its module object; -1 on error */
int PyrtModule_SetSubmodule(PyrtModuleDef *parent, PyrtModuleDef *child);   /* package.sub = sub, once loaded */
/* globals(): the dict of the module object's attributes and its bound globals, made on the first call;
 * the module's compiled stores and dels keep it current (PyrtModule_GlobalsSync); the compiler
 * rejects stores through it */
PyrtObject *PyrtModule_Globals(PyrtModuleDef *def);
void PyrtModule_GlobalsSync(PyrtModuleDef *def, const char *name, PyrtObject *v);   /* v NULL: del */
/* after a statement that may have stored through globals(): every compiled global takes the dict's
 * value (TypeError for a typed global given another type); -1 on error */
int PyrtModule_GlobalsSyncIn(PyrtModuleDef *def);

/* Lazily installed slots (see lazy.c): call PYRT_LAZY_ENSURE(kind) before reading a type's
 * methods/getattr/setattr/binop/unop/format/tp_new/call slot. */
#define PYRT_LAZY_KINDS(X) X(methods) X(getattr) X(setattr) X(binop) X(unop) X(format) X(tp_new) X(call)
#define PYRT_LAZY_DECL(k) extern bool pyrt_lazy_have_##k; void pyrt_lazy_install_##k(void);
PYRT_LAZY_KINDS(PYRT_LAZY_DECL)
#define PYRT_LAZY_ENSURE(k) do { if (PYRT_UNLIKELY(!pyrt_lazy_have_##k)) pyrt_lazy_install_##k(); } while (0)
/* type.c: user classes created so far inherit the slot at byte offset off from their base when
 * they have none of their own. */
void pyrt_lazy_inherit(size_t off);
/* Free lists of small objects (Pyrt_Alloc/Pyrt_Dealloc in alloc.c), one per 16-byte size class up
 * to PYRT_FL_MAX bytes (a GC object's block includes its PyrtGCHead); the hot allocators (boxed ints and floats, compiled-class instances in generated code)
 * pop from them inline. */
extern void *pyrt_freelist[];
#define PYRT_FL_MAX 176
/* A free block for an object of `size` bytes, or NULL when that size class is empty. */
static inline void *pyrt_freelist_pop(size_t size)
{
    void **head = &pyrt_freelist[(size + 15) / 16];
    void *o = *head;
    if (o)
        *head = *(void **)o;
    return o;
}
#endif
