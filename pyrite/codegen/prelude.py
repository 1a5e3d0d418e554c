"""C text placed at the top of every generated program: small helpers the IR ops expand to."""

PRELUDE = r"""
#include "pyrt.h"
#include <math.h>


static inline PyrtObject *pyrt_cell_get_local(PyrtObject *c, const char *name) {
    PyrtObject *v = ((PyrtCell *)c)->value;
    if (PYRT_UNLIKELY(v == NULL)) return Pyrt_ErrUnboundLocal(name);
    Pyrt_IncRef(v);
    return v;
}
static inline PyrtObject *pyrt_cell_get_free(PyrtObject *c, const char *name) {
    PyrtObject *v = ((PyrtCell *)c)->value;
    if (PYRT_UNLIKELY(v == NULL)) return Pyrt_ErrFreeVar(name);
    Pyrt_IncRef(v);
    return v;
}
static inline void pyrt_cell_set(PyrtObject *c, PyrtObject *v) {
    PyrtObject *old = ((PyrtCell *)c)->value;
    Pyrt_IncRef(v);
    ((PyrtCell *)c)->value = v;
    Pyrt_XDecRef(old);
}
static int pyrt_cell_del(PyrtObject *c, const char *name, int free) {   /* del of a captured variable */
    PyrtObject *old = ((PyrtCell *)c)->value;
    if (PYRT_UNLIKELY(old == NULL)) {
        if (free) Pyrt_ErrFreeVar(name); else Pyrt_ErrUnboundLocal(name);
        return -1;
    }
    ((PyrtCell *)c)->value = NULL;
    Pyrt_DecRef(old);
    return 0;
}
static int pyrt_class_setup_annotations(PyrtObject *ns) {   /* CPython's SETUP_ANNOTATIONS */
    PyrtObject *k = PyrtStr_FromCString("__annotations__");
    if (k == NULL) return -1;
    int r = Pyrt_Contains(ns, k);
    if (r == 0) {
        PyrtObject *d = PyrtDict_New();
        r = d ? Pyrt_SetItem(ns, k, d) : -1;
        Pyrt_XDecRef(d);
    }
    Pyrt_DecRef(k);
    return r < 0 ? -1 : 0;
}
static int pyrt_class_annotate(PyrtObject *ns, const char *name, PyrtObject *ann) {   /* x: T in a class body */
    PyrtObject *k = PyrtStr_FromCString("__annotations__");
    PyrtObject *d = k ? Pyrt_GetItem(ns, k) : NULL;
    Pyrt_XDecRef(k);
    if (d == NULL) {
        if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_KeyError)) {
            Pyrt_ErrClear();
            Pyrt_ErrNameError("__annotations__");
        }
        return -1;
    }
    PyrtObject *n = PyrtStr_FromCString(name);
    int r = n ? Pyrt_SetItem(d, n, ann) : -1;
    Pyrt_XDecRef(n);
    Pyrt_DecRef(d);
    return r;
}
static int pyrt_class_ns_del(PyrtObject *ns, const char *name) {   /* del NAME in a class body */
    PyrtObject *k = PyrtStr_FromCString(name);
    if (k == NULL) return -1;
    int r = Pyrt_DelItem(ns, k);
    Pyrt_DecRef(k);
    if (r < 0 && Pyrt_ErrMatches((PyrtObject *)&PyrtType_KeyError)) {
        Pyrt_ErrClear();
        Pyrt_ErrNameError(name);
    }
    return r;
}
static PyrtObject *pyrt_dict_get_name(PyrtObject *d, const char *name) {
    PyrtObject *v = PyrtDict_GetItemStr(d, name);
    if (v == NULL) return Pyrt_ErrNameError(name);
    Pyrt_IncRef(v);
    return v;
}
static int pyrt_range_check_step(int64_t step) {
    if (step == 0) { Pyrt_ErrSetString(&PyrtType_ValueError, "range() arg 3 must not be zero"); return -1; }
    return 0;
}
static int pyrt_err_restore_new(PyrtObject *exc) {
    Pyrt_IncRef(exc);
    Pyrt_ErrRestore(exc);
    return -1;
}
static int pyrt_err_restore_steal(PyrtObject *exc) {
    Pyrt_ErrRestore(exc);
    return -1;
}
static PyrtObject *pyrt_exc_new(PyrtType *t, PyrtObject *const *args, int64_t n) {
    return PyrtExc_New(t, args, n);
}
static int pyrt_err_no_init_args(const char *cls) {
    Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes no arguments", cls);
    return -1;
}
static int pyrt_err_import_name(const char *name, const char *mod) {
    Pyrt_ErrFormat(&PyrtType_ImportError, "cannot import name '%s' from '%s'", name, mod);
    return -1;
}
/* The function object of a compiled class's method, for a direct call of a method whose closure is
 * on that object (classes defined inside functions: each execution of the class statement makes a
 * class with its own closures). The class is found from the receiver (recv, or the class object t
 * when recv is NULL) up its bases, as the one made by the class statement whose field table is
 * `fields`; the function from its namespace, through a static/class method or a property (its
 * setter when setter is true). Borrowed; NULL with an exception if it is gone. */
static PyrtObject *pyrt_method_function(PyrtObject *recv, PyrtObject *t, const PyrtField *fields,
                                        const char *name, int setter) {
    PyrtType *c = recv ? recv->type : (PyrtType *)t;
    while (c && c->fields != fields)
        c = c->base;
    if (!c)
        c = (PyrtType *)t;
    PyrtObject *f = PyrtDict_GetItemStr(c->dict, name);
    if (f && (f->type == &PyrtType_StaticMethod || f->type == &PyrtType_ClassMethod))
        f = ((PyrtStaticMethod *)f)->func;
    else if (f && f->type == &PyrtType_Property)
        f = setter ? ((PyrtProperty *)f)->fset : ((PyrtProperty *)f)->fget;
    if (!f || f->type != &PyrtType_Function)
        return Pyrt_ErrFormat(&PyrtType_AttributeError, "pyrite: method '%s' of class '%s' was replaced",
                              name, c->name);
    return f;
}
static void pyrt_type_set_names(PyrtObject *t, const char *qualname, const char *doc) {
    ((PyrtType *)t)->qualname = qualname;
    ((PyrtType *)t)->doc = doc;
}
static void pyrt_err_self_type(PyrtObject *self, const char *cls, const char *name) {
    /* (pyrite compiles a method for instances of its class; CPython would run it on any object) */
    Pyrt_ErrFormat(&PyrtType_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object "
                   "(pyrite: methods run on instances of their class)", name, cls, self->type->name);
}
static void pyrt_err_arg_type(PyrtObject *v, const char *func, const char *param, const char *cls) {
    Pyrt_ErrFormat(&PyrtType_TypeError, "%s() argument '%s' must be %s, not %s (pyrite: compiled for the "
                   "argument types its callers pass)", func, param, cls, v->type->name);
}
static int pyrt_err_no_module(const char *name) {
    Pyrt_ErrFormat(&PyrtType_ModuleNotFoundError, "No module named '%s'", name);
    return -1;
}
static int pyrt_err_not_compiled_in(const char *name, const char *owner) {
    Pyrt_ErrFormat(&PyrtType_ModuleNotFoundError, "No module named '%s' (pyrite: '%s' imports it inside a "
                   "function and the program does not import it, so it is not compiled in; import it "
                   "in the program to include it)", name, owner);
    return -1;
}
static int pyrt_err_module_attr(const char *mod, const char *name) {
    Pyrt_ErrFormat(&PyrtType_AttributeError, "module '%s' has no attribute '%s'", mod, name);
    return -1;
}
static void pyrt_gen_set_return(PyrtGenerator *g, PyrtObject *v) {
    Pyrt_IncRef(v);
    Pyrt_XDecRef(g->retval);
    g->retval = v;
}
static PyrtObject *pyrt_property_setter(PyrtObject *d, const char *name, PyrtObject *fset) {
    PyrtObject *old = PyrtDict_GetItemStr(d, name);
    if (old == NULL || old->type != &PyrtType_Property) return Pyrt_ErrNameError(name);
    PyrtProperty *p = (PyrtProperty *)old;
    return PyrtProperty_New(p->fget, fset, p->fdel);
}
static int8_t pyrt_unbox_bool(PyrtObject *o) {
    if (o == Pyrt_True) return 1;
    if (o == Pyrt_False) return 0;
    Pyrt_ErrFormat(&PyrtType_TypeError, "pyrite: expected bool, got '%s'", o->type->name);
    return 2;
}
PYRT_INLINE int8_t pyrt_str_eq(PyrtObject *a, PyrtObject *b) {
    PyrtStr *x = (PyrtStr *)a, *y = (PyrtStr *)b;
    if (a == b) return 1;
    if (x->nbytes != y->nbytes) return 0;
    if (x->nbytes == 1) return x->data[0] == y->data[0];
    return PyrtStr_Eq(a, b);
}
/* the tuple of a class statement's bases */
static PyrtObject *pyrt_class_bases(int64_t n, PyrtType *const *bases) {
    return n ? PyrtTuple_FromArray((PyrtObject **)bases, n) : PyrtTuple_New(0);
}
/* a compiled class; nbases > 1: every base in order, for the MRO (base, its layout's, among them) */
static PyrtObject *pyrt_type_new_user(const char *name, const char *module, PyrtType *base, int64_t size,
                                      const PyrtField *fields, PyrtObject *dict, int64_t nbases,
                                      PyrtType *const *bases) {
    PyrtObject *bt = NULL;
    if (nbases > 1 && !(bt = PyrtTuple_FromArray((PyrtObject **)bases, nbases)))
        return NULL;
    PyrtObject *t = (PyrtObject *)PyrtType_NewUser(name, module, base, size, fields, dict, bt);
    Pyrt_XDecRef(bt);
    return t;
}
/* the next value of a range loop's counter: i + step, or stop when that overflows (the loop ends) */
PYRT_INLINE int64_t pyrt_range_next(int64_t i, int64_t step, int64_t stop) {
    int64_t r;
    return __builtin_add_overflow(i, step, &r) ? stop : r;
}
/* s[i] and chr(c): the ASCII cases inline (shared immortal one-character strings) */
PYRT_INLINE PyrtObject *pyrt_str_getitem(PyrtObject *o, int64_t i) {
    PyrtStr *s = (PyrtStr *)o;
    if (PYRT_LIKELY(s->ascii && (uint64_t)i < (uint64_t)s->length))
        return (PyrtObject *)&pyrt_ascii_chars[(unsigned char)s->data[i]];
    return PyrtStr_GetItem(o, i);
}
PYRT_INLINE PyrtObject *pyrt_str_chr(int64_t c) {
    if (PYRT_LIKELY((uint64_t)c < 128)) return (PyrtObject *)&pyrt_ascii_chars[c];
    return PyrtStr_Chr(c);
}
PYRT_INLINE int pyrt_str_cmp(PyrtObject *a, PyrtObject *b) {
    PyrtStr *x = (PyrtStr *)a, *y = (PyrtStr *)b;
    if (x->nbytes == 1 && y->nbytes == 1)
        return (int)(unsigned char)x->data[0] - (int)(unsigned char)y->data[0];
    return PyrtStr_Compare(a, b);
}
/* Lists (see PyrtList in pyrt.h): compiled code reads list[int] and list[float] items unboxed from
 * lists of the matching unboxed kind, and from lists of objects; other element types read objects,
 * generalising a list of an unboxed kind first (such a list can reach code typed for objects through
 * a kind-preserving operation such as a slice or a concatenation). An int-typed list is never of
 * the float kind nor the reverse: inference joins int and float elements into int | float. */
/* list[i] as a borrowed reference (the list keeps it alive), NULL + IndexError when out of range */
PYRT_INLINE PyrtObject *pyrt_list_get_borrowed(PyrtObject *l, int64_t i) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_UNLIKELY(L->kind != PYRT_LIST_OBJ) && PyrtList_Generalize(l) < 0) return NULL;
    if (PYRT_LIKELY((uint64_t)i < (uint64_t)L->length)) return L->ob_item[i];
    if (i < 0 && i + L->length >= 0) return L->ob_item[i + L->length];
    Pyrt_ErrSetString(&PyrtType_IndexError, "list index out of range");
    return NULL;
}
/* the index of list[i] (i may be negative), or -1 with IndexError(msg) */
PYRT_INLINE int64_t pyrt_list_index(PyrtList *L, int64_t i, const char *msg) {
    if (PYRT_LIKELY((uint64_t)i < (uint64_t)L->length)) return i;
    if (i < 0 && i + L->length >= 0) return i + L->length;
    Pyrt_ErrSetString(&PyrtType_IndexError, msg);
    return -1;
}
/* an int object's value for 64-bit typed code: OverflowError for a big int (which a list of objects
 * typed list[int] may hold: int("9" * 30) made by the runtime) */
PYRT_INLINE bool pyrt_int_obj_i64(PyrtObject *o, int64_t *r) {
    int64_t v = ((PyrtInt *)o)->value;
    if (PYRT_UNLIKELY(v == PYRT_INT_BIG) && !PyrtInt_ToI64(o, &v)) { PyrtErr_IntOverflow(); return true; }
    *r = v;
    return false;
}
/* an object as a 64-bit int: inline for a compact int, else TypeError / OverflowError (flag) */
PYRT_INLINE int64_t pyrt_unbox_i64(PyrtObject *o) {
    if (PYRT_LIKELY(o->type == &PyrtType_Int) && PYRT_LIKELY(((PyrtInt *)o)->value != PYRT_INT_BIG))
        return ((PyrtInt *)o)->value;
    return PyrtInt_AsI64Checked(o);
}
/* checked reads of list[int] / list[float] items (true: IndexError or OverflowError set) */
PYRT_INLINE bool pyrt_list_get_i64(PyrtObject *l, int64_t i, int64_t *r) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_UNLIKELY((i = pyrt_list_index(L, i, "list index out of range")) < 0)) return true;
    if (PYRT_LIKELY(L->kind == PYRT_LIST_I64)) { *r = ((int64_t *)L->ob_item)[i]; return false; }
    return pyrt_int_obj_i64(L->ob_item[i], r);
}
/* item i (0 <= i < len) of a list[int] for 64-bit typed code: PYRT_I64_ERR + OverflowError for a
 * big int */
PYRT_INLINE int64_t pyrt_list_item_i64c(PyrtObject *l, int64_t i) {
    PyrtList *L = (PyrtList *)l;
    int64_t v;
    if (PYRT_LIKELY(L->kind == PYRT_LIST_I64)) return ((int64_t *)L->ob_item)[i];
    return pyrt_int_obj_i64(L->ob_item[i], &v) ? PYRT_I64_ERR : v;
}
PYRT_INLINE bool pyrt_list_get_f64(PyrtObject *l, int64_t i, double *r) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_UNLIKELY((i = pyrt_list_index(L, i, "list index out of range")) < 0)) return true;
    *r = L->kind == PYRT_LIST_F64 ? ((double *)L->ob_item)[i] : PyrtFloat_AsDouble(L->ob_item[i]);
    return false;
}
/* item i (0 <= i < len) of a list[float] */
PYRT_INLINE double pyrt_list_item_f64(PyrtObject *l, int64_t i) {
    PyrtList *L = (PyrtList *)l;
    return L->kind == PYRT_LIST_F64 ? ((double *)L->ob_item)[i] : PyrtFloat_AsDouble(L->ob_item[i]);
}
/* the items of a list as objects, for code reading them borrowed (0 ok, -1 MemoryError) */
PYRT_INLINE int pyrt_list_objects(PyrtObject *l) {
    return PYRT_LIKELY(((PyrtList *)l)->kind == PYRT_LIST_OBJ) ? 0 : PyrtList_Generalize(l);
}
/* filling a fresh list of an unboxed kind (PyrtList_NewKind) */
PYRT_INLINE void pyrt_list_init_i64(PyrtObject *l, int64_t i, int64_t v) { ((int64_t *)((PyrtList *)l)->ob_item)[i] = v; }
PYRT_INLINE void pyrt_list_init_f64(PyrtObject *l, int64_t i, double v) { ((double *)((PyrtList *)l)->ob_item)[i] = v; }
PYRT_INLINE int pyrt_list_append_i64(PyrtObject *l, int64_t v) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_LIKELY(L->kind == PYRT_LIST_I64 && L->length < L->capacity)) {
        ((int64_t *)L->ob_item)[L->length++] = v;
        return 0;
    }
    return PyrtList_AppendI64(l, v);
}
PYRT_INLINE int pyrt_list_append_f64(PyrtObject *l, double v) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_LIKELY(L->kind == PYRT_LIST_F64 && L->length < L->capacity)) {
        ((double *)L->ob_item)[L->length++] = v;
        return 0;
    }
    return PyrtList_AppendF64(l, v);
}
PYRT_INLINE int pyrt_list_set(PyrtObject *l, int64_t i, PyrtObject *v) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_UNLIKELY(L->kind != PYRT_LIST_OBJ)) return PyrtList_SetItem(l, i, v);
    if (PYRT_UNLIKELY((i = pyrt_list_index(L, i, "list assignment index out of range")) < 0)) return -1;
    PyrtObject *old = L->ob_item[i];
    Pyrt_IncRef(v);
    L->ob_item[i] = v;
    Pyrt_DecRef(old);
    return 0;
}
PYRT_INLINE PyrtObject *pyrt_box_int(int64_t v) {
    if ((uint64_t)(v + 5) <= 1029u && PYRT_LIKELY(pyrt_small_ready))
        return (PyrtObject *)&pyrt_small_ints[v + 5];
    if (PYRT_UNLIKELY(v == INT64_MIN))   /* -2**63 is a big int (its value field marks big ints) */
        return PyrtInt_FromI64(v);
    PyrtInt *o = (PyrtInt *)pyrt_freelist_pop(sizeof(PyrtInt));
    if (PYRT_LIKELY(o != NULL)) {   /* same free list as Pyrt_Alloc uses for ints */
        o->ob.refcnt = 1;
        o->ob.type = &PyrtType_Int;
        o->value = v;
        return (PyrtObject *)o;
    }
    return PyrtInt_FromI64(v);
}
/* a compiled-class instance of a size known at compile time, zeroed, from the free list when possible
 * (with the header of the cycle collector before it, linked into its youngest generation) */
PYRT_INLINE PyrtObject *pyrt_new_instance(PyrtObject *t, size_t size, int tracked) {
    if (PYRT_UNLIKELY(((PyrtType *)t)->flags & PYRT_TPFLAG_ABSTRACT))   /* (an ABC with abstract methods) */
        return PyrtType_AbstractError((PyrtType *)t);
    size_t block = size + sizeof(PyrtGCHead);
    if (block <= PYRT_FL_MAX && (!tracked || PYRT_LIKELY(pyrt_gc_count < pyrt_gc_threshold))) {
        PyrtGCHead *h = (PyrtGCHead *)pyrt_freelist_pop(block);
        if (PYRT_LIKELY(h != NULL)) {
            memset(h, 0, block);
            if (tracked)   /* (an instance of a class whose fields are all numbers is not: no cycle) */
                pyrt_gc_link(h);
            PyrtObject *o = (PyrtObject *)(h + 1);
            o->refcnt = 1;
            o->type = (PyrtType *)t;
            return o;
        }
    }
    return PyrtInstance_New((PyrtType *)t);
}
static void pyrt_set_dealloc(PyrtObject *t, void (*fn)(PyrtObject *)) { ((PyrtType *)t)->dealloc = fn; }
PYRT_INLINE int64_t pyrt_str_ord(PyrtObject *s) {
    PyrtStr *x = (PyrtStr *)s;
    if (PYRT_LIKELY(x->nbytes == 1)) return (unsigned char)x->data[0];
    return PyrtStr_Ord(s);
}
/* list[i] = v taking over the caller's reference to v (released on error too) */
PYRT_INLINE int pyrt_list_set_steal(PyrtObject *l, int64_t i, PyrtObject *v) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_UNLIKELY(L->kind != PYRT_LIST_OBJ)) { int r = PyrtList_SetItem(l, i, v); Pyrt_DecRef(v); return r; }
    if (PYRT_UNLIKELY((i = pyrt_list_index(L, i, "list assignment index out of range")) < 0)) { Pyrt_DecRef(v); return -1; }
    PyrtObject *old = L->ob_item[i];
    L->ob_item[i] = v;
    Pyrt_DecRef(old);
    return 0;
}
static PyrtObject *pyrt_box_i64(int64_t v) { return PyrtInt_FromI64(v); }
/* what __init__ returned, when that is not known to be None */
static int pyrt_check_init_result(PyrtObject *r) {
    if (r == Pyrt_None) return 0;
    Pyrt_ErrFormat(&PyrtType_TypeError, "__init__() should return None, not '%s'", r->type->name);
    return -1;
}
/* l[i] = v for an unboxed float or int: stored unboxed in a list of that kind; in a list of objects,
 * when the old item is a float (an int) that only the list references, its value is overwritten in
 * place instead of boxing a new object and freeing the old one (nothing else holds it to tell). */
PYRT_INLINE int pyrt_list_set_f64(PyrtObject *l, int64_t i, double v) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_UNLIKELY((i = pyrt_list_index(L, i, "list assignment index out of range")) < 0)) return -1;
    if (PYRT_LIKELY(L->kind == PYRT_LIST_F64)) { ((double *)L->ob_item)[i] = v; return 0; }
    if (PYRT_UNLIKELY(L->kind != PYRT_LIST_OBJ) && PyrtList_Generalize(l) < 0) return -1;
    PyrtObject **slot = &L->ob_item[i], *old = *slot;
    if (old->refcnt == 1 && old->type == &PyrtType_Float) { ((PyrtFloat *)old)->value = v; return 0; }
    PyrtObject *n = PyrtFloat_FromDouble(v);
    if (PYRT_UNLIKELY(n == NULL)) return -1;
    *slot = n;
    Pyrt_DecRef(old);
    return 0;
}
PYRT_INLINE int pyrt_list_set_i64(PyrtObject *l, int64_t i, int64_t v) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_UNLIKELY((i = pyrt_list_index(L, i, "list assignment index out of range")) < 0)) return -1;
    if (PYRT_LIKELY(L->kind == PYRT_LIST_I64)) { ((int64_t *)L->ob_item)[i] = v; return 0; }
    if (PYRT_UNLIKELY(L->kind != PYRT_LIST_OBJ) && PyrtList_Generalize(l) < 0) return -1;
    PyrtObject **slot = &L->ob_item[i], *old = *slot;
    if (old->refcnt == 1 && old->type == &PyrtType_Int && (uint64_t)(v + 5) > 1029u
        && ((PyrtInt *)old)->value != INT64_MIN && v != INT64_MIN /* compact, not big */) {
        ((PyrtInt *)old)->value = v;   /* (small ints stay the shared cached objects) */
        return 0;
    }
    PyrtObject *n = pyrt_box_int(v);
    if (PYRT_UNLIKELY(n == NULL)) return -1;
    *slot = n;
    Pyrt_DecRef(old);
    return 0;
}
/* ---- tagged ints (runtime/include/pyrt_int.h) */
PYRT_INLINE PyrtObject *pyrt_int_box(int64_t x) {
    if (PYRT_LIKELY(!(x & 1))) return pyrt_box_int(x >> 1);
    PyrtObject *o = pyrt_int_obj(x);
    Pyrt_IncRef(o);
    return o;
}
/* item i (0 <= i < len) of a list[int] as a tagged int; PYRT_INT_ERR when boxing fails */
PYRT_INLINE int64_t pyrt_list_item_int(PyrtObject *l, int64_t i) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_LIKELY(L->kind == PYRT_LIST_I64)) return pyrt_int_from_i64(((int64_t *)L->ob_item)[i]);
    return PyrtTagged_FromObj(L->ob_item[i]);
}
/* list[i] of a list[int] (IndexError) */
PYRT_INLINE int64_t pyrt_list_get_int(PyrtObject *l, int64_t i) {
    PyrtList *L = (PyrtList *)l;
    if (PYRT_UNLIKELY((i = pyrt_list_index(L, i, "list index out of range")) < 0)) return PYRT_INT_ERR;
    return pyrt_list_item_int(l, i);
}
PYRT_INLINE int pyrt_list_set_int(PyrtObject *l, int64_t i, int64_t x) {
    if (PYRT_LIKELY(!(x & 1))) return pyrt_list_set_i64(l, i, x >> 1);
    return pyrt_list_set(l, i, pyrt_int_obj(x));
}
PYRT_INLINE int pyrt_list_append_int(PyrtObject *l, int64_t x) {
    if (PYRT_LIKELY(!(x & 1))) return pyrt_list_append_i64(l, x >> 1);
    return PyrtList_Append(l, pyrt_int_obj(x));
}
"""
