/* type.c: classes and the objects that make them work. The `type` type (repr, attribute access,
 * calling a class), compiled user classes (PyrtType_NewUser, the dunder-dispatching slots they get),
 * instances (compiled fields, attribute dict, generic getattr/setattr with descriptors), functions,
 * bound methods, builtin functions and bound builtin methods, cells, staticmethod/classmethod/
 * property, super(), and argument parsing with CPython's exact error messages. */
#include "pyrt.h"
#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------------ the type type */

/* o's type is t or a compiled subclass of it (class abstractclassmethod(classmethod), ...) */
#define TYPE_IS_KIND(ty, t) ((ty) == &(t) || (((ty)->flags & PYRT_TPFLAG_USER) && PyrtType_IsSubtype((ty), &(t))))
#define IS_KIND(o, t) TYPE_IS_KIND((o)->type, t)

static PyrtObject *type_getattr(PyrtObject *o, PyrtObject *name);
static int type_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v);

static PyrtObject *type_repr(PyrtObject *o)
{
    PyrtType *t = (PyrtType *)o;
    if (t->module && strcmp(t->module, "builtins") != 0)
        return Pyrt_StrFormat("<class '%s.%s'>", t->module, PYRT_QUALNAME(t));
    return Pyrt_StrFormat("<class '%s'>", t->name);
}

static PyrtObject *type_call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                             PyrtObject *kwnames)
{
    PyrtType *t = (PyrtType *)callable;
    PYRT_LAZY_ENSURE(tp_new);
    if (!t->tp_new)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "cannot create '%s' instances", t->name);
    return t->tp_new(callable, args, nargs, kwnames);
}

static PyrtObject *type_new(PyrtObject *metao, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
static PyrtType *calculate_meta(PyrtType *meta, PyrtObject *bases);

/* type(x) */
static PyrtObject *type_tp_new(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                               PyrtObject *kwnames)
{
    if (nargs == 1 && (!kwnames || PyrtTuple_Len(kwnames) == 0))
        return Pyrt_TypeOf(args[0]);
    if (nargs == 3) {   /* type(name, bases, namespace, **kwargs): a new class, made by the most derived
                           metaclass of the bases (with its __new__ and __init__) */
        if (PyrtTuple_Check(args[1])) {
            PyrtType *w = calculate_meta(&PyrtType_Type, args[1]);
            if (!w)
                return NULL;
            if (w != &PyrtType_Type)
                return Pyrt_Call((PyrtObject *)w, args, nargs, kwnames);
        }
        return type_new(callable, args, nargs, kwnames);
    }
    return Pyrt_ErrSetString(&PyrtType_TypeError, "type() takes 1 or 3 arguments");
}

/* types.GenericAlias and the function making `a | b` unions of classes (pyrite/lib/_pyrite_types.py
 * registers them when a program may need them) */
static PyrtObject *generic_alias, *type_union;

/* list[int], dict[str, int], ...: the builtin classes CPython makes generic */
static bool builtin_generic(PyrtType *t)
{
    return t == &PyrtType_List || t == &PyrtType_Dict || t == &PyrtType_Set || t == &PyrtType_FrozenSet ||
           t == &PyrtType_Tuple || t == &PyrtType_Type || t == &PyrtType_Enumerate;
}

/* C[key]: C.__class_getitem__(key) */
static PyrtObject *type_getitem(PyrtObject *o, PyrtObject *key)
{
    PyrtType *t = (PyrtType *)o;
    PyrtObject *f = (t->flags & PYRT_TPFLAG_USER) ? Pyrt_LookupTypeStr(t, "__class_getitem__") : NULL;
    if (!f && generic_alias && builtin_generic(t)) {
        PyrtObject *a[2] = {o, key};
        return Pyrt_Call(generic_alias, a, 2, NULL);
    }
    if (!f)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "type '%s' is not subscriptable", t->name);
    if (IS_KIND(f, PyrtType_StaticMethod))
        return Pyrt_Call(((PyrtStaticMethod *)f)->func, &key, 1, NULL);
    if (IS_KIND(f, PyrtType_ClassMethod))
        f = ((PyrtStaticMethod *)f)->func;
    PyrtObject *a[2] = {o, key};
    return Pyrt_Call(f, a, 2, NULL);
}

/* a | b with a class operand: a union (types.UnionType) */
static PyrtObject *type_binop(PyrtObject *a, PyrtObject *b, int op)
{
    if (op != PYRT_OR || !type_union) {
        Pyrt_IncRef(Pyrt_NotImplemented);
        return Pyrt_NotImplemented;
    }
    PyrtObject *args[2] = {a, b};
    return Pyrt_Call(type_union, args, 2, NULL);
}

PYRT_BUILTIN(__pyrite_register_types__)
{
    (void)self; (void)kwnames;
    if (nargs != 2)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "__pyrite_register_types__ takes 2 arguments");
    generic_alias = args[0];
    type_union = args[1];
    Pyrt_IncRef(generic_alias);
    Pyrt_IncRef(type_union);
    PyrtType_Type.getitem = type_getitem;
    PyrtType_Type.binop = type_binop;
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

PyrtType PyrtType_Type = {
    .ob = PYRT_TYPE_HEAD, .name = "type", .base = &PyrtType_Object, .basicsize = sizeof(PyrtType),
    .flags = PYRT_TPFLAG_TYPE, .repr = type_repr,   /* getitem: set with the first compiled class */
};

/* ------------------------------------------------------------------ instances */

void PyrtInstance_Release(PyrtObject *o)
{
    PyrtInstance *inst = (PyrtInstance *)o;
    const PyrtField *f = o->type->fields;
    for (; f && f->name; f++) {
        if (f->kind == PYRT_FIELD_OBJ) {
            PyrtObject **slot = (PyrtObject **)((char *)o + f->offset);
            PYRT_CLEAR(*slot);
        } else if (f->kind == PYRT_FIELD_INT) {
            int64_t *slot = (int64_t *)((char *)o + f->offset);
            int64_t x = *slot;
            *slot = 0;
            pyrt_int_decref(x);
        }
    }
    PYRT_CLEAR(inst->dict);
}

/* the attribute dict of an instance of a compiled subclass of a builtin type (dictoffset != 0) */
static PyrtObject **sub_dict_slot(PyrtObject *o)
{
    if (o->type->dictoffset < 0) {   /* after the variable part */
        if (o->type->dictoffset == -2)   /* int */
            return PyrtInt_SubDictSlot(o);
        if (o->type->dictoffset == -3)   /* str */
            return PyrtStr_SubDictSlot(o);
        return &((PyrtTuple *)o)->items[((PyrtTuple *)o)->length];   /* tuple */
    }
    return (PyrtObject **)((char *)o + o->type->dictoffset);
}

static bool has_instance_layout(PyrtType *t)
{
    /* (not a compiled subclass of a builtin other than BaseException, nor a metaclass) */
    return (t->flags & (PYRT_TPFLAG_USER | PYRT_TPFLAG_EXCEPTION)) != 0 && !t->dictoffset
           && !(t->flags & PYRT_TPFLAG_TYPE);
}

PyrtObject *PyrtInstance_New(PyrtType *cls)
{
    int64_t size = cls->basicsize < (int64_t)sizeof(PyrtInstance) ? (int64_t)sizeof(PyrtInstance)
                                                                   : cls->basicsize;
    return Pyrt_Alloc(cls, (size_t)size);
}

static const PyrtField *find_field(PyrtType *t, const char *name)
{
    for (const PyrtField *f = t->fields; f && f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

/* The value of a compiled field, boxed; AttributeError if unset. */
static bool field_is_set(PyrtObject *o, const PyrtField *f)
{
    if (f->kind == PYRT_FIELD_OBJ)
        return *(PyrtObject **)((char *)o + f->offset) != NULL;
    return (((PyrtInstance *)o)->defined >> f->bit) & 1;
}

static PyrtObject *field_get(PyrtObject *o, const PyrtField *f)
{
    char *p = (char *)o + f->offset;
    if (f->kind == PYRT_FIELD_OBJ) {
        PyrtObject *v = *(PyrtObject **)p;
        if (!v)
            return Pyrt_ErrAttributeUnset(o, f->name);
        Pyrt_IncRef(v);
        return v;
    }
    if (!((((PyrtInstance *)o)->defined >> f->bit) & 1))
        return Pyrt_ErrAttributeUnset(o, f->name);
    if (f->kind == PYRT_FIELD_INT)
        return PyrtTagged_Box(*(int64_t *)p);
    if (f->kind == PYRT_FIELD_I64)
        return PyrtInt_FromI64(*(int64_t *)p);
    if (f->kind == PYRT_FIELD_F64)
        return PyrtFloat_FromDouble(*(double *)p);
    if (f->kind == PYRT_FIELD_NUM)
        return PyrtNum_Box(*(PyrtNum *)p);
    return Pyrt_BoolFromC(*(bool *)p);
}

static int field_kind_error(PyrtObject *o, const PyrtField *f, const char *holds)
{
    Pyrt_ErrFormat(&PyrtType_TypeError, "pyrite: attribute '%s' of '%s' holds %s", f->name, o->type->name,
                   holds);
    return -1;
}

/* Store (v != NULL) or delete a compiled field. A field keeps one kind of value: a value of another
 * kind stored from dynamic code is a TypeError (the compiler proved it cannot happen in typed code). */
static int field_set(PyrtObject *o, const PyrtField *f, PyrtObject *v)
{
    char *p = (char *)o + f->offset;
    PyrtInstance *inst = (PyrtInstance *)o;
    if (f->kind == PYRT_FIELD_OBJ) {
        PyrtObject **slot = (PyrtObject **)p;
        if (!v && !*slot) {
            Pyrt_ErrAttributeUnset(o, f->name);
            return -1;
        }
        if (v && f->declared && !Pyrt_TypeCheck(v, f->declared))
            return field_kind_error(o, f, f->declared->name);
        Pyrt_XIncRef(v);
        PYRT_CLEAR(*slot);
        *slot = v;
        return 0;
    }
    if (!v) {
        if (!((inst->defined >> f->bit) & 1)) {
            Pyrt_ErrAttributeUnset(o, f->name);
            return -1;
        }
        inst->defined &= ~((uint64_t)1 << f->bit);
        if (f->kind == PYRT_FIELD_INT) {
            int64_t x = *(int64_t *)p;
            *(int64_t *)p = 0;
            pyrt_int_decref(x);
        }
        return 0;
    }
    if (f->kind == PYRT_FIELD_INT) {
        if (v->type != &PyrtType_Int)
            return field_kind_error(o, f, "int");
        int64_t old = *(int64_t *)p;
        *(int64_t *)p = PyrtTagged_FromObj(v);
        pyrt_int_decref(old);
    } else if (f->kind == PYRT_FIELD_I64) {
        if (v->type != &PyrtType_Int)
            return field_kind_error(o, f, "int");
        if (!PyrtInt_ToI64(v, (int64_t *)p)) {   /* an unboxed int64 field cannot hold a big int yet */
            PyrtErr_IntOverflow();
            return -1;
        }
    } else if (f->kind == PYRT_FIELD_F64) {
        if (v->type != &PyrtType_Float)
            return field_kind_error(o, f, "float");
        *(double *)p = PyrtFloat_AsDouble(v);
    } else if (f->kind == PYRT_FIELD_NUM) {
        if (v->type != &PyrtType_Int && v->type != &PyrtType_Float)
            return field_kind_error(o, f, "int or float");
        if (v->type == &PyrtType_Int && PyrtInt_IsBig(v)) {
            PyrtErr_IntOverflow();
            return -1;
        }
        *(PyrtNum *)p = PyrtNum_FromObj(v);
    } else {
        if (v->type != &PyrtType_Bool)
            return field_kind_error(o, f, "bool");
        *(bool *)p = v == Pyrt_True;
    }
    inst->defined |= (uint64_t)1 << f->bit;
    return 0;
}

/* vars(obj) / obj.__dict__: the attribute dict itself when the class has no compiled fields (the
 * compiler gives every class whose instances' __dict__ is used none); else a snapshot of the set
 * fields plus the attribute dict. */
static PyrtObject *instance_vars(PyrtObject *o)
{
    if (o->type->flags & PYRT_TPFLAG_NODICT)
        return Pyrt_ErrFormat(&PyrtType_AttributeError, "'%s' object has no attribute '__dict__'", o->type->name);
    if (o->type->flags & PYRT_TPFLAG_REALDICT) {
        PyrtInstance *inst = (PyrtInstance *)o;
        if (!inst->dict) {
            if (!(inst->dict = PyrtDict_New()))
                return NULL;
            if (o->type->flags & PYRT_TPFLAG_GC)
                Pyrt_GCTrack(o);
        }
        Pyrt_IncRef(inst->dict);
        return inst->dict;
    }
    PyrtObject *d = PyrtDict_New();
    for (const PyrtField *f = o->type->fields; d && f && f->name; f++) {
        PyrtObject *v = field_get(o, f);
        if (!v) {
            Pyrt_ErrClear();
            continue;
        }
        int r = PyrtDict_SetItemStr(d, f->name, v);
        PYRT_DECREF(v);
        if (r < 0)
            PYRT_CLEAR(d);
    }
    PyrtObject *own = ((PyrtInstance *)o)->dict;
    if (d && own && PyrtDict_Update(d, own) < 0)
        PYRT_CLEAR(d);
    return d;
}

/* ------------------------------------------------------------------ class attribute lookup */

static bool defines_slot(PyrtType *c, const char *name);

/* name in the class dicts along t's MRO (borrowed; NULL if none). before_builtin_slot: stop at a
 * builtin type that implements the slot behind `name` itself, as CPython's MRO would find that
 * type's own wrapper there */
static PyrtObject *lookup_type_dicts(PyrtType *t, const char *name, bool before_builtin_slot)
{
    PyrtType *c;
    PYRT_FOR_MRO(c, t) {
        if (c->dict) {
            PyrtObject *v = PyrtDict_GetItemStr(c->dict, name);
            if (v)
                return v;
        }
        if (before_builtin_slot && c != &PyrtType_Object && !(c->flags & PYRT_TPFLAG_USER)
            && defines_slot(c, name))
            return NULL;
    }
    return NULL;
}

PyrtObject *Pyrt_LookupTypeStr(PyrtType *t, const char *name)
{
    return lookup_type_dicts(t, name, false);
}

PyrtObject *Pyrt_LookupType(PyrtType *t, PyrtObject *name)
{
    return Pyrt_LookupTypeStr(t, PyrtStr_UTF8(name));
}

static const PyrtMethodDef *find_methoddef(const PyrtMethodDef *m, const char *name)
{
    for (; m && m->name; m++)
        if (strcmp(m->name, name) == 0)
            return m;
    return NULL;
}

/* Along the MRO starting at t: a class-dict entry (returned, borrowed) or a builtin method (*meth). */
static PyrtObject *lookup_attr(PyrtType *t, const char *name, const PyrtMethodDef **meth)
{
    PYRT_LAZY_ENSURE(methods);
    *meth = NULL;
    PyrtType *c;
    PYRT_FOR_MRO(c, t) {
        if (c->dict) {
            PyrtObject *v = PyrtDict_GetItemStr(c->dict, name);
            if (v)
                return v;
        }
        if (c->methods && (*meth = find_methoddef(c->methods, name)) != NULL)
            return NULL;
    }
    return NULL;
}

/* ------------------------------------------------------------------ builtin functions and methods */

/* a dunder other than __new__, __init_subclass__ and __subclasshook__: CPython's slot wrappers */
static bool is_slot_wrapper_name(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && name[0] == '_' && name[1] == '_' && name[n - 1] == '_' && name[n - 2] == '_'
           && strcmp(name, "__new__") != 0 && strcmp(name, "__init_subclass__") != 0
           && strcmp(name, "__subclasshook__") != 0;
}

/* A builtin method bound to self (or unbound when self is NULL: self is then the first argument). */
typedef struct {
    PyrtBuiltinFunction b;
    PyrtMethFn fn;
    PyrtType *owner;
} BoundMeth;

static PyrtObject *boundmeth_call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                                  PyrtObject *kwnames)
{
    BoundMeth *m = (BoundMeth *)callable;
    if (m->b.self)
        return m->fn(m->b.self, args, nargs, kwnames);
    if (nargs < 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "unbound method %s.%s() needs an argument",
                              m->owner->name, m->b.name);
    if (!Pyrt_TypeCheck(args[0], m->owner) && strcmp(m->b.name, "__new__") != 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, is_slot_wrapper_name(m->b.name)
                              ? "descriptor '%s' requires a '%s' object but received a '%s'"
                              : "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m->b.name,
                              m->owner->name, args[0]->type->name);
    return m->fn(args[0], args + 1, nargs - 1, kwnames);
}

static PyrtObject *boundmeth_alloc(const PyrtMethodDef *def, PyrtObject *self, PyrtType *owner);

/* A builtin method: bound to self, or unbound (self NULL: one object per method and owner, as CPython's
 * descriptors in the type's dict, so `int.__str__ is object.__str__` and enum's checks hold) */
static PyrtObject *boundmeth_new(const PyrtMethodDef *def, PyrtObject *self, PyrtType *owner)
{
    if (self)
        return boundmeth_alloc(def, self, owner);
    static struct { const PyrtMethodDef *def; PyrtType *owner; PyrtObject *obj; } *cache;
    static int64_t n, cap;
    for (int64_t i = 0; i < n; i++)
        if (cache[i].def == def && cache[i].owner == owner) {
            Pyrt_IncRef(cache[i].obj);
            return cache[i].obj;
        }
    PyrtObject *o = boundmeth_alloc(def, NULL, owner);
    if (!o)
        return NULL;
    if (n == cap) {
        int64_t c = cap ? cap * 2 : 16;
        void *p = Pyrt_Realloc(cache, (size_t)c * sizeof *cache);
        if (!p)
            return o;   /* (uncached) */
        cache = p;
        cap = c;
    }
    cache[n].def = def;
    cache[n].owner = owner;
    cache[n].obj = Pyrt_MakeImmortal(o);
    n++;
    return o;
}

static PyrtObject *boundmeth_alloc(const PyrtMethodDef *def, PyrtObject *self, PyrtType *owner)
{
    BoundMeth *m = (BoundMeth *)Pyrt_Alloc(&PyrtType_BuiltinFunction, sizeof(BoundMeth));
    if (!m)
        return NULL;
    m->b.call = boundmeth_call;
    m->b.name = def->name;
    m->b.self = self;
    Pyrt_XIncRef(self);
    m->fn = def->fn;
    m->owner = owner;
    return &m->b.ob;
}

/* does builtin type c implement the slot behind object's method `name` itself (not inherit it)? */
static bool defines_slot(PyrtType *c, const char *name)
{
    PyrtType *b = c->base;
    if (strcmp(name, "__repr__") == 0)
        return c->repr && (!b || c->repr != b->repr);
    if (strcmp(name, "__str__") == 0)
        return c->str && (!b || c->str != b->str);
    if (strcmp(name, "__hash__") == 0)
        return c->hash && (!b || c->hash != b->hash);
    return false;
}

/* the type (along self's MRO) whose methods table holds def. object's __repr__, __str__ and __hash__
 * run the builtin slot of their argument's type: for a builtin type that implements that slot,
 * `list.__repr__` is list's own (a distinct object, "<slot wrapper '__repr__' of 'list' objects>",
 * which requires a list), as in CPython, where pprint dispatches on `type(o).__repr__` */
static PyrtType *methoddef_owner(PyrtType *t, const PyrtMethodDef *def)
{
    PyrtType *c;
    PYRT_FOR_MRO(c, t) {
        if (c->methods && def >= c->methods && find_methoddef(c->methods, def->name) == def)
            return c;
        if (c != &PyrtType_Object && !(c->flags & PYRT_TPFLAG_USER) && defines_slot(c, def->name))
            return c;
    }
    return &PyrtType_Object;
}

PyrtObject *PyrtBuiltin_New(const char *name, PyrtVectorcall call, PyrtObject *self)
{
    PyrtBuiltinFunction *b = (PyrtBuiltinFunction *)Pyrt_Alloc(&PyrtType_BuiltinFunction,
                                                               sizeof(PyrtBuiltinFunction));
    if (!b)
        return NULL;
    b->call = call;
    b->name = name;
    b->self = self;
    Pyrt_XIncRef(self);
    return &b->ob;
}

static void builtin_dealloc(PyrtObject *o)
{
    PYRT_CLEAR(((PyrtBuiltinFunction *)o)->self);
}

static PyrtObject *builtin_call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                                PyrtObject *kwnames)
{
    return ((PyrtBuiltinFunction *)callable)->call(callable, args, nargs, kwnames);
}

static PyrtObject *builtin_repr(PyrtObject *o)
{
    PyrtBuiltinFunction *b = (PyrtBuiltinFunction *)o;
    if (b->call == boundmeth_call) {
        bool slot = is_slot_wrapper_name(b->name);
        if (!b->self)
            return Pyrt_StrFormat(slot ? "<slot wrapper '%s' of '%s' objects>" : "<method '%s' of '%s' objects>",
                                  b->name, ((BoundMeth *)o)->owner->name);
        if (slot && !PyrtType_IsSubtype(b->self->type, &PyrtType_Type))
            return Pyrt_StrFormat("<method-wrapper '%s' of %s object at %p>", b->name, b->self->type->name,
                                  (void *)b->self);
        return Pyrt_StrFormat("<built-in method %s of %s object at %p>", b->name, b->self->type->name,
                              (void *)b->self);
    }
    return Pyrt_StrFormat("<built-in function %s>", b->name);
}

static PyrtObject *builtin_getattr(PyrtObject *o, PyrtObject *name)
{
    PyrtBuiltinFunction *b = (PyrtBuiltinFunction *)o;
    const char *s = PyrtStr_UTF8(name);
    if (strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0)
        return PyrtStr_FromCString(b->name);
    if (strcmp(s, "__self__") == 0) {
        PyrtObject *v = b->self ? b->self : Pyrt_None;
        Pyrt_IncRef(v);
        return v;
    }
    return Pyrt_GenericGetAttr(o, name);
}

PyrtType PyrtType_BuiltinFunction = {
    .ob = PYRT_TYPE_HEAD, .name = "builtin_function_or_method", .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtBuiltinFunction), .flags = PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_NOPOOL,
    .dealloc = builtin_dealloc, .repr = builtin_repr,
};

/* ------------------------------------------------------------------ functions and bound methods */

PyrtObject *PyrtFunction_NewAt(PyrtVectorcall call, const char *name, const char *qualname,
                               const char *module, const char *doc, PyrtObject *closure, PyrtObject *defaults,
                               PyrtObject *kwdefaults, void *typed, const char *file, int64_t line)
{
    PyrtFunction *f = (PyrtFunction *)Pyrt_Alloc(&PyrtType_Function, sizeof(PyrtFunction));
    if (!f)
        return NULL;
    f->call = call;
    f->name = name;
    f->qualname = qualname ? qualname : name;
    f->module = module;
    f->doc = doc;
    f->closure = closure;
    f->defaults = defaults;
    f->kwdefaults = kwdefaults;
    f->typed = typed;
    f->file = file;
    f->line = line;
    Pyrt_XIncRef(closure);
    Pyrt_XIncRef(defaults);
    Pyrt_XIncRef(kwdefaults);
    return &f->ob;
}

PyrtObject *PyrtFunction_New(PyrtVectorcall call, const char *name, const char *qualname,
                             const char *module, const char *doc, PyrtObject *closure, PyrtObject *defaults,
                             PyrtObject *kwdefaults, void *typed)
{
    return PyrtFunction_NewAt(call, name, qualname, module, doc, closure, defaults, kwdefaults, typed, NULL, 0);
}

/* ------------------------------------------------------------------ code objects
 * What a compiled function's __code__ can tell: where the def is and its names (co_filename,
 * co_firstlineno, co_name, co_qualname; logging reads co_filename). Compiled code has no bytecode. */
typedef struct {
    PyrtObject ob;
    const char *name, *qualname, *file;
    int64_t line;
} PyrtCode;

static PyrtObject *code_repr(PyrtObject *o)
{
    PyrtCode *c = (PyrtCode *)o;
    return Pyrt_StrFormat("<code object %s at %p, file \"%s\", line %lld>", c->name, (void *)o, c->file,
                          (long long)c->line);
}

static PyrtObject *code_getattr(PyrtObject *o, PyrtObject *name)
{
    PyrtCode *c = (PyrtCode *)o;
    const char *s = PyrtStr_UTF8(name);
    if (strcmp(s, "co_filename") == 0)
        return PyrtStr_FromCString(c->file);
    if (strcmp(s, "co_name") == 0)
        return PyrtStr_FromCString(c->name);
    if (strcmp(s, "co_qualname") == 0)
        return PyrtStr_FromCString(c->qualname);
    if (strcmp(s, "co_firstlineno") == 0)
        return PyrtInt_FromI64(c->line);
    return Pyrt_GenericGetAttr(o, name);
}

static PyrtType PyrtType_Code = {
    .ob = PYRT_TYPE_HEAD, .name = "code", .base = &PyrtType_Object, .basicsize = sizeof(PyrtCode),
    .flags = PYRT_TPFLAG_NOSUBCLASS, .repr = code_repr, .getattr = code_getattr,
};

static PyrtObject *function_code(PyrtFunction *f)
{
    if (!f->file)
        return Pyrt_ErrFormat(&PyrtType_AttributeError, "'function' object has no attribute '__code__'");
    if (!f->code) {
        PyrtCode *c = (PyrtCode *)Pyrt_Alloc(&PyrtType_Code, sizeof(PyrtCode));
        if (!c)
            return NULL;
        c->name = f->name;
        c->qualname = f->qualname;
        c->file = f->file;
        c->line = f->line;
        f->code = &c->ob;
    }
    Pyrt_IncRef(f->code);
    return f->code;
}

static void function_dealloc(PyrtObject *o)
{
    PyrtFunction *f = (PyrtFunction *)o;
    PYRT_CLEAR(f->code);
    PYRT_CLEAR(f->closure);
    PYRT_CLEAR(f->defaults);
    PYRT_CLEAR(f->kwdefaults);
    PYRT_CLEAR(f->dict);
}

static void function_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg)
{
    PyrtFunction *f = (PyrtFunction *)o;
    visit(f->closure, arg);
    visit(f->defaults, arg);
    visit(f->kwdefaults, arg);
    visit(f->dict, arg);
}

static void method_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg)
{
    visit(((PyrtMethod *)o)->func, arg);
    visit(((PyrtMethod *)o)->self, arg);
}

static void cell_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg)
{
    visit(((PyrtCell *)o)->value, arg);
}

static PyrtObject *function_call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                                 PyrtObject *kwnames)
{
    PyrtFunction *f = (PyrtFunction *)callable;
    if (!f->call)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object is not callable", "function");
    return f->call(callable, args, nargs, kwnames);
}

/* an attribute assigned to the function (borrowed), or NULL */
static PyrtObject *function_own(PyrtFunction *f, const char *name)
{
    if (!f->dict)
        return NULL;
    return PyrtDict_GetItemStr(f->dict, name);
}

static PyrtObject *function_repr(PyrtObject *o)
{
    PyrtObject *q = function_own((PyrtFunction *)o, "__qualname__");
    if (q)
        return Pyrt_StrFormat("<function %s at %p>", PyrtStr_UTF8(q), (void *)o);
    return Pyrt_StrFormat("<function %s at %p>", ((PyrtFunction *)o)->qualname, (void *)o);
}

static int function_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v);

static PyrtObject *function_getattr(PyrtObject *o, PyrtObject *name)
{
    PyrtFunction *f = (PyrtFunction *)o;
    const char *s = PyrtStr_UTF8(name);
    PyrtObject *own = function_own(f, s);
    if (own) {
        Pyrt_IncRef(own);
        return own;
    }
    if (strcmp(s, "__dict__") == 0) {
        if (!f->dict && !(f->dict = PyrtDict_New()))
            return NULL;
        Pyrt_IncRef(f->dict);
        return f->dict;
    }
    if (strcmp(s, "__name__") == 0)
        return PyrtStr_FromCString(f->name);
    if (strcmp(s, "__qualname__") == 0)
        return PyrtStr_FromCString(f->qualname);
    if (strcmp(s, "__module__") == 0)
        return f->module ? PyrtStr_FromCString(f->module) : Pyrt_None;
    if (strcmp(s, "__doc__") == 0)
        return f->doc ? PyrtStr_FromCString(f->doc) : Pyrt_None;
    if (strcmp(s, "__code__") == 0)
        return function_code(f);
    if (strcmp(s, "__annotations__") == 0) {   /* (a def without annotations: an empty dict, kept) */
        PyrtObject *d = PyrtDict_New();
        if (!d || function_setattr(o, name, d) < 0) {
            Pyrt_XDecRef(d);
            return NULL;
        }
        return d;
    }
    if (strcmp(s, "__defaults__") == 0 || strcmp(s, "__kwdefaults__") == 0) {
        PyrtObject *v = s[2] == 'd' ? f->defaults : f->kwdefaults;
        v = v ? v : Pyrt_None;
        Pyrt_IncRef(v);
        return v;
    }
    return Pyrt_GenericGetAttr(o, name);
}

/* f.x = v, del f.x: CPython keeps them in the function's __dict__; __name__ and __qualname__ must be
 * strs. What pyrite compiled into the call (defaults, code, closure) cannot be replaced. */
static int function_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v)
{
    PyrtFunction *f = (PyrtFunction *)o;
    const char *s = PyrtStr_UTF8(name);
    if ((strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0) && (!v || !PyrtStr_Check(v))) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s must be set to a string object", s);
        return -1;
    }
    if (strcmp(s, "__closure__") == 0 || strcmp(s, "__globals__") == 0 || strcmp(s, "__builtins__") == 0) {
        Pyrt_ErrSetString(&PyrtType_AttributeError, "readonly attribute");
        return -1;
    }
    if (strcmp(s, "__defaults__") == 0 || strcmp(s, "__kwdefaults__") == 0 || strcmp(s, "__code__") == 0 ||
        strcmp(s, "__dict__") == 0) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "pyrite does not support replacing a function's %s", s);
        return -1;
    }
    if (!v) {
        if (!function_own(f, s)) {
            Pyrt_ErrFormat(&PyrtType_AttributeError, "'function' object has no attribute '%s'", s);
            return -1;
        }
        return PyrtDict_DelItem(f->dict, name);
    }
    if (!f->dict && !(f->dict = PyrtDict_New()))
        return -1;
    return PyrtDict_SetItem(f->dict, name, v);
}

PyrtType PyrtType_Function = {
    .ob = PYRT_TYPE_HEAD, .name = "function", .base = &PyrtType_Object, .basicsize = sizeof(PyrtFunction),
    .flags = PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_GC, .dealloc = function_dealloc, .repr = function_repr,
    .traverse = function_traverse,
};

PyrtObject *PyrtMethod_New(PyrtObject *func, PyrtObject *self)
{
    PyrtMethod *m = (PyrtMethod *)Pyrt_Alloc(&PyrtType_Method, sizeof(PyrtMethod));
    if (!m)
        return NULL;
    Pyrt_IncRef(func);
    Pyrt_IncRef(self);
    m->func = func;
    m->self = self;
    return &m->ob;
}

static void method_dealloc(PyrtObject *o)
{
    PyrtMethod *m = (PyrtMethod *)o;
    PYRT_CLEAR(m->func);
    PYRT_CLEAR(m->self);
}

/* f(self, *args): the arguments with self prepended (a stack buffer for the common small case). */
static PyrtObject *call_prepend(PyrtObject *f, PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                PyrtObject *kwnames)
{
    int64_t total = nargs + (kwnames ? PyrtTuple_Len(kwnames) : 0);
    PyrtObject *small[8];
    PyrtObject **all = total + 1 <= 8 ? small : Pyrt_Malloc((size_t)(total + 1) * sizeof(PyrtObject *));
    if (!all)
        return NULL;
    all[0] = self;
    for (int64_t i = 0; i < total; i++)
        all[i + 1] = args[i];
    PyrtObject *r = Pyrt_Call(f, all, nargs + 1, kwnames);
    if (all != small)
        Pyrt_Free(all);
    return r;
}

static PyrtObject *method_call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                               PyrtObject *kwnames)
{
    PyrtMethod *m = (PyrtMethod *)callable;
    return call_prepend(m->func, m->self, args, nargs, kwnames);
}

static PyrtObject *method_repr(PyrtObject *o)
{
    PyrtMethod *m = (PyrtMethod *)o;
    const char *qn = m->func->type == &PyrtType_Function ? ((PyrtFunction *)m->func)->qualname : "?";
    return Pyrt_StrFormat("<bound method %s of %R>", qn, m->self);
}

static PyrtObject *method_richcompare(PyrtObject *a, PyrtObject *b, int op)
{
    if ((op != PYRT_EQ && op != PYRT_NE) || b->type != &PyrtType_Method)
        return Pyrt_NotImplemented;
    PyrtMethod *x = (PyrtMethod *)a, *y = (PyrtMethod *)b;
    bool eq = x->self == y->self && x->func == y->func;
    return Pyrt_BoolFromC(op == PYRT_EQ ? eq : !eq);
}

static int64_t method_hash(PyrtObject *o)
{
    PyrtMethod *m = (PyrtMethod *)o;
    int64_t h = Pyrt_HashPointer(m->self) ^ Pyrt_HashPointer(m->func);
    return h == -1 ? -2 : h;
}

static PyrtObject *method_getattr(PyrtObject *o, PyrtObject *name)
{
    PyrtMethod *m = (PyrtMethod *)o;
    const char *s = PyrtStr_UTF8(name);
    if (strcmp(s, "__self__") == 0 || strcmp(s, "__func__") == 0) {
        PyrtObject *v = s[2] == 's' ? m->self : m->func;
        Pyrt_IncRef(v);
        return v;
    }
    return Pyrt_GetAttr(m->func, name);
}

PyrtType PyrtType_Method = {
    .ob = PYRT_TYPE_HEAD, .name = "method", .base = &PyrtType_Object, .basicsize = sizeof(PyrtMethod),
    .flags = PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_GC, .dealloc = method_dealloc, .repr = method_repr,
    .traverse = method_traverse,
    .hash = method_hash, .richcompare = method_richcompare,
};

/* ------------------------------------------------------------------ cells */

PyrtObject *PyrtCell_New(PyrtObject *v)
{
    PyrtCell *c = (PyrtCell *)Pyrt_Alloc(&PyrtType_Cell, sizeof(PyrtCell));
    if (!c)
        return NULL;
    Pyrt_XIncRef(v);
    c->value = v;
    return &c->ob;
}

static void cell_dealloc(PyrtObject *o)
{
    PYRT_CLEAR(((PyrtCell *)o)->value);
}

static PyrtObject *cell_repr(PyrtObject *o)
{
    PyrtObject *v = ((PyrtCell *)o)->value;
    if (!v)
        return Pyrt_StrFormat("<cell at %p: empty>", (void *)o);
    return Pyrt_StrFormat("<cell at %p: %s object at %p>", (void *)o, v->type->name, (void *)v);
}

PyrtType PyrtType_Cell = {
    .ob = PYRT_TYPE_HEAD, .name = "cell", .base = &PyrtType_Object, .basicsize = sizeof(PyrtCell),
    .flags = PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_GC, .dealloc = cell_dealloc, .repr = cell_repr,
    .traverse = cell_traverse,
};

/* ------------------------------------------------------------------ staticmethod, classmethod */

static PyrtObject *wrapper_new(PyrtType *t, PyrtObject *func)
{
    PyrtStaticMethod *s = (PyrtStaticMethod *)Pyrt_Alloc(t, sizeof(PyrtStaticMethod));
    if (!s)
        return NULL;
    Pyrt_IncRef(func);
    s->func = func;
    return &s->ob;
}

PyrtObject *PyrtStaticMethod_New(PyrtObject *func)
{
    return wrapper_new(&PyrtType_StaticMethod, func);
}

PyrtObject *PyrtClassMethod_New(PyrtObject *func)
{
    return wrapper_new(&PyrtType_ClassMethod, func);
}

static void wrapper_dealloc(PyrtObject *o)
{
    PYRT_CLEAR(((PyrtStaticMethod *)o)->func);
}

static PyrtObject *wrapper_tp_new(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                                  PyrtObject *kwnames)
{
    PyrtType *t = (PyrtType *)callable;
    if (nargs != 1 || (kwnames && PyrtTuple_Len(kwnames) > 0))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s expected 1 argument, got %lld", t->name,
                              (long long)nargs);
    return wrapper_new(t, args[0]);
}

static PyrtObject *wrapper_getattr(PyrtObject *o, PyrtObject *name)
{
    const char *s = PyrtStr_UTF8(name);
    if (strcmp(s, "__func__") == 0 || strcmp(s, "__wrapped__") == 0) {
        Pyrt_IncRef(((PyrtStaticMethod *)o)->func);
        return ((PyrtStaticMethod *)o)->func;
    }
    return Pyrt_GenericGetAttr(o, name);
}

static PyrtObject *staticmethod_call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames)
{
    return Pyrt_Call(((PyrtStaticMethod *)callable)->func, args, nargs, kwnames);
}

static PyrtObject *wrapper_repr(PyrtObject *o)
{
    return Pyrt_StrFormat("<%s(%R)>", o->type->name, ((PyrtStaticMethod *)o)->func);
}

PyrtType PyrtType_StaticMethod = {
    .ob = PYRT_TYPE_HEAD, .name = "staticmethod", .base = &PyrtType_Object, .flags = PYRT_TPFLAG_BASETYPE,
    .basicsize = sizeof(PyrtStaticMethod), .dealloc = wrapper_dealloc, .repr = wrapper_repr,
};

PyrtType PyrtType_ClassMethod = {
    .ob = PYRT_TYPE_HEAD, .name = "classmethod", .base = &PyrtType_Object, .flags = PYRT_TPFLAG_BASETYPE,
    .basicsize = sizeof(PyrtStaticMethod), .dealloc = wrapper_dealloc, .repr = wrapper_repr,
};

/* ------------------------------------------------------------------ property */

static PyrtObject *none_to_null(PyrtObject *v)
{
    return v == Pyrt_None ? NULL : v;
}

PyrtObject *PyrtProperty_New(PyrtObject *fget, PyrtObject *fset, PyrtObject *fdel)
{
    PyrtProperty *p = (PyrtProperty *)Pyrt_Alloc(&PyrtType_Property, sizeof(PyrtProperty));
    if (!p)
        return NULL;
    p->fget = fget ? none_to_null(fget) : NULL;
    p->fset = fset ? none_to_null(fset) : NULL;
    p->fdel = fdel ? none_to_null(fdel) : NULL;
    p->doc = NULL;
    p->getter_doc = 1;
    Pyrt_XIncRef(p->fget);
    Pyrt_XIncRef(p->fset);
    Pyrt_XIncRef(p->fdel);
    return &p->ob;
}

static void property_dealloc(PyrtObject *o)
{
    PyrtProperty *p = (PyrtProperty *)o;
    PYRT_CLEAR(p->fget);
    PYRT_CLEAR(p->fset);
    PYRT_CLEAR(p->fdel);
    PYRT_CLEAR(p->doc);
}

/* property(fget=None, fset=None, fdel=None, doc=None) */
static PyrtObject *property_tp_new(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                                   PyrtObject *kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    static const PyrtArgSpec spec = {"property", 4, 0, 0, 0, 0, names, 0};
    PyrtObject *out[4];
    (void)callable;
    if (Pyrt_ParseArgs(&spec, args, nargs, kwnames, out) < 0)
        return NULL;
    PyrtObject *p = PyrtProperty_New(out[0], out[1], out[2]);
    if (p && out[3] && out[3] != Pyrt_None) {
        Pyrt_IncRef(out[3]);
        ((PyrtProperty *)p)->doc = out[3];
        ((PyrtProperty *)p)->getter_doc = 0;
    }
    return p;
}

static PyrtObject *property_with(PyrtObject *self, PyrtObject *const *args, int64_t nargs, int which)
{
    PyrtProperty *p = (PyrtProperty *)self;
    if (nargs != 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "expected 1 argument, got %lld", (long long)nargs);
    PyrtObject *r = PyrtProperty_New(which == 0 ? args[0] : p->fget, which == 1 ? args[0] : p->fset,
                                     which == 2 ? args[0] : p->fdel);
    /* as CPython's: a doc that came from the getter is the (new) getter's, any other is kept */
    if (r && p->doc && !(p->getter_doc && ((PyrtProperty *)r)->fget)) {
        Pyrt_IncRef(p->doc);
        ((PyrtProperty *)r)->doc = p->doc;
        ((PyrtProperty *)r)->getter_doc = 0;
    }
    return r;
}

PyrtObject *PyrtProperty_meth_getter(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames)
{
    (void)kwnames;
    return property_with(self, args, nargs, 0);
}

PyrtObject *PyrtProperty_meth_setter(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                     PyrtObject *kwnames)
{
    (void)kwnames;
    return property_with(self, args, nargs, 1);
}

PyrtObject *PyrtProperty_meth_deleter(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                      PyrtObject *kwnames)
{
    (void)kwnames;
    return property_with(self, args, nargs, 2);
}


static PyrtObject *property_getattr(PyrtObject *o, PyrtObject *name)
{
    PyrtProperty *p = (PyrtProperty *)o;
    const char *s = PyrtStr_UTF8(name);
    PyrtObject *v = NULL;
    if (strcmp(s, "fget") == 0)
        v = p->fget;
    else if (strcmp(s, "fset") == 0)
        v = p->fset;
    else if (strcmp(s, "fdel") == 0)
        v = p->fdel;
    else if (strcmp(s, "__doc__") == 0) {
        if (!p->doc && p->fget)
            return Pyrt_GetAttrStr(p->fget, "__doc__");
        v = p->doc;
    } else
        return Pyrt_GenericGetAttr(o, name);
    v = v ? v : Pyrt_None;
    Pyrt_IncRef(v);
    return v;
}

static int property_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v)
{
    PyrtProperty *p = (PyrtProperty *)o;
    const char *s = PyrtStr_UTF8(name);
    if (strcmp(s, "__doc__") == 0) {   /* (writable, as CPython's: namedtuple fields get their docs) */
        Pyrt_XIncRef(v);
        PyrtObject *old = p->doc;
        p->doc = v;
        Pyrt_XDecRef(old);
        return 0;
    }
    if (strcmp(s, "fget") == 0 || strcmp(s, "fset") == 0 || strcmp(s, "fdel") == 0) {
        Pyrt_ErrFormat(&PyrtType_AttributeError, "readonly attribute");
        return -1;
    }
    return Pyrt_GenericSetAttr(o, name, v);
}

PyrtType PyrtType_Property = {
    .ob = PYRT_TYPE_HEAD, .name = "property", .base = &PyrtType_Object, .basicsize = sizeof(PyrtProperty),
    .flags = PYRT_TPFLAG_BASETYPE, .dealloc = property_dealloc,
};

static PyrtObject *property_get(PyrtObject *prop, PyrtObject *obj, const char *name)
{
    PyrtProperty *p = (PyrtProperty *)prop;
    if (!p->fget)
        return Pyrt_ErrFormat(&PyrtType_AttributeError, "property '%s' of '%s' object has no getter", name,
                              obj->type->name);
    return Pyrt_Call(p->fget, &obj, 1, NULL);
}

static int property_set(PyrtObject *prop, PyrtObject *obj, const char *name, PyrtObject *v)
{
    PyrtProperty *p = (PyrtProperty *)prop;
    PyrtObject *f = v ? p->fset : p->fdel;
    if (!f) {
        Pyrt_ErrFormat(&PyrtType_AttributeError, "property '%s' of '%s' object has no %s", name,
                       obj->type->name, v ? "setter" : "deleter");
        return -1;
    }
    PyrtObject *args[2] = {obj, v};
    PyrtObject *r = Pyrt_Call(f, args, v ? 2 : 1, NULL);
    if (!r)
        return -1;
    PYRT_DECREF(r);
    return 0;
}

/* ------------------------------------------------------------------ generic getattr / setattr */

/* A class attribute as seen through an instance (or class, for classmethods) of type t. */
static PyrtObject *descr_get(PyrtObject *get, PyrtObject *descr, PyrtObject *obj, PyrtType *t);

static PyrtObject *bind(PyrtObject *attr, PyrtObject *self, PyrtType *t, const char *name)
{
    PyrtType *at = attr->type;
    if (at->flags & PYRT_TPFLAG_USER) {   /* a descriptor defined in Python */
        PyrtObject *get = Pyrt_LookupTypeStr(at, "__get__");
        if (get)
            return descr_get(get, attr, self == (PyrtObject *)t ? Pyrt_None : self, t);
    }
    if (at == &PyrtType_Function)
        return PyrtMethod_New(attr, self);
    if (TYPE_IS_KIND(at, PyrtType_StaticMethod)) {
        Pyrt_IncRef(((PyrtStaticMethod *)attr)->func);
        return ((PyrtStaticMethod *)attr)->func;
    }
    if (TYPE_IS_KIND(at, PyrtType_ClassMethod))
        return PyrtMethod_New(((PyrtStaticMethod *)attr)->func, (PyrtObject *)t);
    if (TYPE_IS_KIND(at, PyrtType_Property))
        return property_get(attr, self, name);
    if (at == &PyrtType_BuiltinFunction && ((PyrtBuiltinFunction *)attr)->call == boundmeth_call
        && !((PyrtBuiltinFunction *)attr)->self && self != (PyrtObject *)t
        && Pyrt_TypeCheck(self, ((BoundMeth *)attr)->owner) && strcmp(((BoundMeth *)attr)->b.name, "__new__") != 0) {
        /* a builtin's method stored in a class (IntEnum.__format__ = int.__format__): bound, as a
         * method descriptor */
        BoundMeth *um = (BoundMeth *)attr;
        BoundMeth *m = (BoundMeth *)Pyrt_Alloc(&PyrtType_BuiltinFunction, sizeof(BoundMeth));
        if (!m)
            return NULL;
        *m = *um;
        m->b.ob.refcnt = 1;
        m->b.ob.type = &PyrtType_BuiltinFunction;
        m->b.self = self;
        Pyrt_IncRef(self);
        return &m->b.ob;
    }
    Pyrt_IncRef(attr);
    return attr;
}

static PyrtObject *call_attr(PyrtObject *attr, PyrtObject *self, const char *name, PyrtObject *const *args,
                             int64_t nargs, PyrtObject *kwnames);

/* a user class's __getattr__ runs when normal lookup fails */
static PyrtObject *user_getattr_hook(PyrtObject *o, PyrtObject *name)
{
    PyrtObject *hook = (o->type->flags & PYRT_TPFLAG_USER) ? Pyrt_LookupTypeStr(o->type, "__getattr__") : NULL;
    if (hook)
        return call_attr(hook, o, "__getattr__", &name, 1, NULL);
    return Pyrt_ErrNoAttribute(o, name);
}

static PyrtType *builtin_layout_base(PyrtType *t);

/* whose slot a builtin's slot wrapper runs: the builtin's (dict.__setitem__(od, k, v) on a subclass
 * that overrides __setitem__ is dict's), as CPython's wrapper descriptors do */
static PyrtType *slot_owner(PyrtObject *self)
{
    PyrtType *t = self->type;
    if (t->flags & PYRT_TPFLAG_USER) {
        PyrtType *bb = builtin_layout_base(t);
        if (bb && bb != t && !(bb->flags & PYRT_TPFLAG_USER))
            return bb;
    }
    return t;
}

static PyrtObject *slot_next(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_NoArgs("__next__", nargs, kwnames) < 0)
        return NULL;
    (void)args;
    PyrtObject *r = self->type->iternext(self);
    if (r || Pyrt_ErrOccurred())
        return r;
    return Pyrt_ErrSetNone(&PyrtType_StopIteration);
}

static PyrtObject *slot_iter(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_NoArgs("__iter__", nargs, kwnames) < 0)
        return NULL;
    (void)args;
    return self->type->iter(self);
}

static PyrtObject *slot_len(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtCont_NoArgs("__len__", nargs, kwnames) < 0)
        return NULL;
    int64_t n = slot_owner(self)->len(self);
    return n < 0 ? NULL : PyrtInt_FromI64(n);
}

static PyrtObject *slot_getitem(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_OneArg("__getitem__", nargs, kwnames) < 0)
        return NULL;
    return slot_owner(self)->getitem(self, args[0]);
}

static PyrtObject *slot_setitem(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_NoKw("__setitem__", kwnames) < 0 || PyrtCont_ArgRange("__setitem__", nargs, 2, 2) < 0)
        return NULL;
    return slot_owner(self)->setitem(self, args[0], args[1]) < 0 ? NULL : Pyrt_None;
}

static PyrtObject *slot_delitem(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_OneArg("__delitem__", nargs, kwnames) < 0)
        return NULL;
    return slot_owner(self)->setitem(self, args[0], NULL) < 0 ? NULL : Pyrt_None;
}

static PyrtObject *slot_contains(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_OneArg("__contains__", nargs, kwnames) < 0)
        return NULL;
    int r = slot_owner(self)->contains(self, args[0]);
    return r < 0 ? NULL : Pyrt_BoolFromC(r);
}

static const PyrtMethodDef slot_next_def = {"__next__", slot_next};
static const PyrtMethodDef slot_iter_def = {"__iter__", slot_iter};
static const PyrtMethodDef slot_len_def = {"__len__", slot_len};
static const PyrtMethodDef slot_getitem_def = {"__getitem__", slot_getitem};
static const PyrtMethodDef slot_setitem_def = {"__setitem__", slot_setitem};
static const PyrtMethodDef slot_delitem_def = {"__delitem__", slot_delitem};
static const PyrtMethodDef slot_contains_def = {"__contains__", slot_contains};

/* x.__len__, x.__getitem__, ... of a builtin object: its type's slot as a bound method (NULL: none) */
static const PyrtMethodDef *slot_method(PyrtType *t, const char *s)
{
    if (t->iternext && strcmp(s, "__next__") == 0) return &slot_next_def;
    if (t->iter && strcmp(s, "__iter__") == 0) return &slot_iter_def;
    if (t->len && strcmp(s, "__len__") == 0) return &slot_len_def;
    if (t->getitem && strcmp(s, "__getitem__") == 0) return &slot_getitem_def;
    if (t->setitem && strcmp(s, "__setitem__") == 0) return &slot_setitem_def;
    if (t->setitem && strcmp(s, "__delitem__") == 0) return &slot_delitem_def;
    if (t->contains && strcmp(s, "__contains__") == 0) return &slot_contains_def;
    return NULL;
}

/* descr.__get__(obj, type) */
static PyrtObject *descr_get(PyrtObject *get, PyrtObject *descr, PyrtObject *obj, PyrtType *t)
{
    PyrtObject *a[2] = {obj, (PyrtObject *)t};
    return call_attr(get, descr, "__get__", a, 2, NULL);
}

static PyrtObject *generic_getattr(PyrtObject *o, PyrtObject *name, bool hook);

PyrtObject *Pyrt_GenericGetAttr(PyrtObject *o, PyrtObject *name)
{
    return generic_getattr(o, name, true);
}

/* object.__getattribute__(o, name): the generic lookup, without __getattr__ */
PyrtObject *PyrtObject_GetAttribute(PyrtObject *o, PyrtObject *name)
{
    return generic_getattr(o, name, false);
}

/* hook: a user __getattr__ runs when nothing is found (not for object.__getattribute__) */
static PyrtObject *generic_getattr(PyrtObject *o, PyrtObject *name, bool hook)
{
    PyrtType *t = o->type;
    const char *s = PyrtStr_UTF8(name);
    const PyrtMethodDef *meth;
    PyrtObject *attr = lookup_attr(t, s, &meth);
    if (attr && IS_KIND(attr, PyrtType_Property))
        return property_get(attr, o, s);
    PyrtObject *dget = NULL;
    if (attr && (attr->type->flags & PYRT_TPFLAG_USER)) {   /* a descriptor: an instance of a class with __get__ */
        dget = Pyrt_LookupTypeStr(attr->type, "__get__");
        if (dget && (Pyrt_LookupTypeStr(attr->type, "__set__") || Pyrt_LookupTypeStr(attr->type, "__delete__")))
            return descr_get(dget, attr, o, t);   /* a data descriptor: before the instance's own */
    }
    if (has_instance_layout(t)) {
        const PyrtField *f = find_field(t, s);
        if (f && (field_is_set(o, f) || !attr))   /* unset field: a class attribute may stand in */
            return field_get(o, f);
        PyrtObject *d = ((PyrtInstance *)o)->dict;
        PyrtObject *v = d ? PyrtDict_GetItemStr(d, s) : NULL;
        if (v) {
            Pyrt_IncRef(v);
            return v;
        }
    }
    if (t->dictoffset && !has_instance_layout(t)) {   /* a compiled subclass of a builtin */
        PyrtObject *d = *sub_dict_slot(o);
        PyrtObject *v = d ? PyrtDict_GetItemStr(d, s) : NULL;
        if (v) {
            Pyrt_IncRef(v);
            return v;
        }
    }
    if (dget)
        return descr_get(dget, attr, o, t);
    if (attr)
        return bind(attr, o, t, s);
    if (meth)
        return boundmeth_new(meth, o, methoddef_owner(t, meth));
    if (s[0] == '_' && strcmp(s, "__class__") == 0)
        return Pyrt_TypeOf(o);
    if (s[0] == '_' && strcmp(s, "__dict__") == 0 && has_instance_layout(t))
        return instance_vars(o);
    if (s[0] == '_' && strcmp(s, "__dict__") == 0 && t->dictoffset) {
        PyrtObject **slot = sub_dict_slot(o);
        if (!*slot && !(*slot = PyrtDict_New()))
            return NULL;
        Pyrt_IncRef(*slot);
        return *slot;
    }
    if ((PyrtNum_IsInt(o) || PyrtNum_IsFloat(o)) && !(t->flags & PYRT_TPFLAG_USER)) {
        /* the numbers' data attributes: x.real, x.imag; ints also x.numerator, x.denominator */
        bool is_int = PyrtNum_IsInt(o);
        if (strcmp(s, "real") == 0 || (is_int && strcmp(s, "numerator") == 0))
            return is_int ? PyrtInt_RoundObj(o, 0) : PyrtFloat_FromDouble(PyrtFloat_AsDouble(o));
        if (strcmp(s, "imag") == 0)
            return is_int ? PyrtInt_FromI64(0) : PyrtFloat_FromDouble(0.0);
        if (is_int && strcmp(s, "denominator") == 0)
            return PyrtInt_FromI64(1);
    }
    if (s[0] == '_' && !(t->flags & PYRT_TPFLAG_USER)) {
        /* the special methods of builtin objects (it.__next__, d.__getitem__, s.__len__) */
        const PyrtMethodDef *sm = slot_method(t, s);
        if (sm)
            return boundmeth_new(sm, o, t);
    }
    return hook ? user_getattr_hook(o, name) : Pyrt_ErrNoAttribute(o, name);
}

/* the getattr slot of a class defining __getattribute__ (then __getattr__ on AttributeError) */
static PyrtObject *user_getattribute(PyrtObject *o, PyrtObject *name)
{
    PyrtObject *ga = Pyrt_LookupTypeStr(o->type, "__getattribute__");
    PyrtObject *r = ga ? call_attr(ga, o, "__getattribute__", &name, 1, NULL) : PyrtObject_GetAttribute(o, name);
    if (!r && Pyrt_LookupTypeStr(o->type, "__getattr__")
        && Pyrt_ErrMatches((PyrtObject *)&PyrtType_AttributeError) == 1) {
        Pyrt_ErrClear();
        return user_getattr_hook(o, name);
    }
    return r;
}

/* the setattr slot of a class defining __setattr__ or __delattr__ */
static int user_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v)
{
    const char *which = v ? "__setattr__" : "__delattr__";
    PyrtObject *f = Pyrt_LookupTypeStr(o->type, which);
    if (!f && PyrtType_IsSubtype(o->type, &PyrtType_Type))
        return type_setattr(o, name, v);   /* a class whose metaclass defines the other one */
    if (!f)
        return Pyrt_GenericSetAttr(o, name, v);
    PyrtObject *a[2] = {name, v};
    PyrtObject *r = call_attr(f, o, which, a, v ? 2 : 1, NULL);
    if (!r)
        return -1;
    PYRT_DECREF(r);
    return 0;
}

int Pyrt_GenericSetAttr(PyrtObject *o, PyrtObject *name, PyrtObject *v)
{
    PyrtType *t = o->type;
    const char *s = PyrtStr_UTF8(name);
    const PyrtMethodDef *meth;
    PyrtObject *attr = lookup_attr(t, s, &meth);
    if (attr && IS_KIND(attr, PyrtType_Property))
        return property_set(attr, o, s, v);
    if (attr && (attr->type->flags & PYRT_TPFLAG_USER)) {   /* a data descriptor's __set__ / __delete__ */
        PyrtObject *dset = Pyrt_LookupTypeStr(attr->type, "__set__");
        PyrtObject *ddel = Pyrt_LookupTypeStr(attr->type, "__delete__");
        if (dset || ddel) {
            PyrtObject *f = v ? dset : ddel;
            if (!f) {
                Pyrt_ErrSetString(&PyrtType_AttributeError, v ? "__set__" : "__delete__");
                return -1;
            }
            PyrtObject *a[2] = {o, v};
            PyrtObject *r = call_attr(f, attr, v ? "__set__" : "__delete__", a, v ? 2 : 1, NULL);
            if (!r)
                return -1;
            PYRT_DECREF(r);
            return 0;
        }
    }
    if (!has_instance_layout(t) && t->dictoffset) {   /* a compiled subclass of a builtin */
        PyrtObject **slot = sub_dict_slot(o);
        if (!v) {
            if (!*slot || !PyrtDict_GetItemStr(*slot, s)) {
                Pyrt_ErrNoAttribute(o, name);
                return -1;
            }
            return PyrtDict_DelItem(*slot, name);
        }
        if (!*slot) {
            if (!(*slot = PyrtDict_New()))
                return -1;
            Pyrt_GCTrack(o);
        }
        return PyrtDict_SetItem(*slot, name, v);
    }
    if (!has_instance_layout(t)) {
        if (attr || meth)
            Pyrt_ErrFormat(&PyrtType_AttributeError, "'%s' object attribute '%s' is read-only", t->name, s);
        else
            Pyrt_ErrNoAttribute(o, name);
        return -1;
    }
    const PyrtField *f = find_field(t, s);
    if (f)
        return field_set(o, f, v);
    PyrtInstance *inst = (PyrtInstance *)o;
    if (t->flags & PYRT_TPFLAG_NODICT) {   /* __slots__: only its names (compiled fields) */
        if (attr)
            Pyrt_ErrFormat(&PyrtType_AttributeError, "'%s' object attribute '%s' is read-only", t->name, s);
        else
            Pyrt_ErrNoAttribute(o, name);
        return -1;
    }
    if (s[0] == '_' && strcmp(s, "__dict__") == 0 && (t->flags & PYRT_TPFLAG_REALDICT)) {
        if (!v) {
            Pyrt_ErrSetString(&PyrtType_TypeError, "cannot delete __dict__");
            return -1;
        }
        if (!PyrtDict_Check(v)) {
            Pyrt_ErrFormat(&PyrtType_TypeError, "__dict__ must be set to a dictionary, not a '%s'", v->type->name);
            return -1;
        }
        Pyrt_IncRef(v);
        PYRT_CLEAR(inst->dict);
        inst->dict = v;
        if (o->type->flags & PYRT_TPFLAG_GC)
            Pyrt_GCTrack(o);
        return 0;
    }
    if (!v) {
        if (!inst->dict || !PyrtDict_GetItemStr(inst->dict, s)) {
            Pyrt_ErrNoAttribute(o, name);
            return -1;
        }
        return PyrtDict_DelItem(inst->dict, name);
    }
    if (!inst->dict) {
        if (!(inst->dict = PyrtDict_New()))
            return -1;
        if (o->type->flags & PYRT_TPFLAG_GC)
            Pyrt_GCTrack(o);   /* (an instance of an all-scalar class starts untracked) */
    }
    return PyrtDict_SetItem(inst->dict, name, v);
}

PyrtObject *Pyrt_GetAttr(PyrtObject *o, PyrtObject *name)
{
    PYRT_LAZY_ENSURE(getattr);
    if (o->type->getattr)
        return o->type->getattr(o, name);
    return Pyrt_GenericGetAttr(o, name);
}

PyrtObject *Pyrt_GetAttrStr(PyrtObject *o, const char *name)
{
    PyrtObject *n = PyrtStr_FromCString(name);
    if (!n)
        return NULL;
    PyrtObject *r = Pyrt_GetAttr(o, n);
    PYRT_DECREF(n);
    return r;
}

int Pyrt_HasAttr(PyrtObject *o, PyrtObject *name)
{
    PyrtObject *r = Pyrt_GetAttr(o, name);
    if (r) {
        PYRT_DECREF(r);
        return 1;
    }
    if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_AttributeError) == 1) {
        Pyrt_ErrClear();
        return 0;
    }
    return -1;
}

int Pyrt_SetAttr(PyrtObject *o, PyrtObject *name, PyrtObject *v)
{
    PYRT_LAZY_ENSURE(setattr);
    if (o->type->setattr)
        return o->type->setattr(o, name, v);
    return Pyrt_GenericSetAttr(o, name, v);
}

int Pyrt_DelAttr(PyrtObject *o, PyrtObject *name)
{
    return Pyrt_SetAttr(o, name, NULL);
}

/* ------------------------------------------------------------------ calling methods */

/* Call a class attribute found for self (a function gets self prepended without a bound method). */
static PyrtObject *call_attr(PyrtObject *attr, PyrtObject *self, const char *name, PyrtObject *const *args,
                             int64_t nargs, PyrtObject *kwnames)
{
    if (attr->type == &PyrtType_Function)
        return call_prepend(attr, self, args, nargs, kwnames);
    if (IS_KIND(attr, PyrtType_StaticMethod))
        return Pyrt_Call(((PyrtStaticMethod *)attr)->func, args, nargs, kwnames);
    PyrtObject *m = bind(attr, self, self->type, name);
    if (!m)
        return NULL;
    PyrtObject *r = Pyrt_Call(m, args, nargs, kwnames);
    PYRT_DECREF(m);
    return r;
}

PyrtObject *Pyrt_CallMethod(PyrtObject *self, PyrtObject *name, PyrtObject *const *args, int64_t nargs,
                            PyrtObject *kwnames)
{
    PyrtType *t = self->type;
    const char *s = PyrtStr_UTF8(name);
    PYRT_LAZY_ENSURE(getattr);
    bool plain = !t->getattr || (t->flags & PYRT_TPFLAG_EXCEPTION);
    if (plain && has_instance_layout(t)) {
        PyrtObject *d = ((PyrtInstance *)self)->dict;
        if (find_field(t, s) || (d && PyrtDict_GetItemStr(d, s)))
            plain = false;
    } else if (plain && t->dictoffset) {
        PyrtObject *d = *sub_dict_slot(self);
        if (d && PyrtDict_GetItemStr(d, s))
            plain = false;
    }
    if (plain) {
        const PyrtMethodDef *meth;
        PyrtObject *attr = lookup_attr(t, s, &meth);
        if (attr)
            return call_attr(attr, self, s, args, nargs, kwnames);
        if (meth)
            return meth->fn(self, args, nargs, kwnames);
    }
    PyrtObject *m = Pyrt_GetAttr(self, name);
    if (!m)
        return NULL;
    PyrtObject *r = Pyrt_Call(m, args, nargs, kwnames);
    PYRT_DECREF(m);
    return r;
}

/* ------------------------------------------------------------------ inline caches */
uint64_t pyrt_type_version = 1;

/* The field `name` resolves to on instances of t when nothing can stand in front of it: generic
 * getattr, instance layout, and no class attribute of that name (a property or a class attribute
 * that an unset field falls back to). NULL: not cacheable. */
static const PyrtField *cacheable_field(PyrtType *t, const char *s)
{
    if (t->getattr || !has_instance_layout(t) || (t->flags & PYRT_TPFLAG_EXCEPTION))
        return NULL;
    const PyrtMethodDef *meth;
    if (lookup_attr(t, s, &meth) || meth)
        return NULL;
    return find_field(t, s);
}

PyrtObject *Pyrt_GetAttrIC(PyrtObject *o, PyrtObject *name, PyrtAttrCache *c)
{
    PyrtType *t = o->type;
    if (PYRT_LIKELY(c->type == t && c->version == pyrt_type_version && c->field)) {
        if (PYRT_LIKELY(field_is_set(o, c->field)))
            return field_get(o, c->field);
    } else {
        PYRT_LAZY_ENSURE(getattr);
        const PyrtField *f = cacheable_field(t, PyrtStr_UTF8(name));
        c->type = t;
        c->version = pyrt_type_version;
        c->field = f;
        c->attr = NULL;
        c->meth = NULL;
        if (f && field_is_set(o, f))
            return field_get(o, f);
    }
    return Pyrt_GetAttr(o, name);
}

int Pyrt_SetAttrIC(PyrtObject *o, PyrtObject *name, PyrtObject *v, PyrtAttrCache *c)
{
    PyrtType *t = o->type;
    if (PYRT_LIKELY(c->type == t && c->version == pyrt_type_version && c->field))
        return field_set(o, c->field, v);
    PYRT_LAZY_ENSURE(setattr);
    const PyrtField *f = t->setattr ? NULL : cacheable_field(t, PyrtStr_UTF8(name));
    c->type = t;
    c->version = pyrt_type_version;
    c->field = f;
    c->attr = NULL;
    c->meth = NULL;
    if (f)
        return field_set(o, f, v);
    return Pyrt_SetAttr(o, name, v);
}

PyrtObject *Pyrt_CallMethodIC(PyrtObject *self, PyrtObject *name, PyrtObject *const *args, int64_t nargs,
                              PyrtObject *kwnames, PyrtAttrCache *c)
{
    PyrtType *t = self->type;
    if (PYRT_LIKELY(c->type == t && c->version == pyrt_type_version)) {
        if (c->attr && !((PyrtInstance *)self)->dict)
            return call_attr(c->attr, self, PyrtStr_UTF8(name), args, nargs, kwnames);
        if (c->meth)
            return c->meth->fn(self, args, nargs, kwnames);
        return Pyrt_CallMethod(self, name, args, nargs, kwnames);
    }
    /* fill: a plain function on the class of a compiled instance that no field shadows, or a builtin
     * method of a builtin type (whose instances have no attribute dict) */
    PYRT_LAZY_ENSURE(getattr);
    const char *s = PyrtStr_UTF8(name);
    c->type = t;
    c->version = pyrt_type_version;
    c->field = NULL;
    c->attr = NULL;
    c->meth = NULL;
    bool plain = !t->getattr || (t->flags & PYRT_TPFLAG_EXCEPTION);
    if (plain && !(t->flags & PYRT_TPFLAG_EXCEPTION)) {
        const PyrtMethodDef *meth;
        PyrtObject *attr = lookup_attr(t, s, &meth);
        if (has_instance_layout(t)) {
            if (attr && attr->type == &PyrtType_Function && !find_field(t, s))
                c->attr = attr;
        } else if (!attr && meth) {
            c->meth = meth;
        }
    }
    return Pyrt_CallMethod(self, name, args, nargs, kwnames);
}

/* self.name(args) for a dunder looked up on the class only (like CPython's slot lookups). */
static PyrtObject *call_dunder(PyrtObject *self, const char *name, PyrtObject *const *args, int64_t nargs)
{
    PyrtObject *f = Pyrt_LookupTypeStr(self->type, name);
    if (!f) {
        PyrtObject *n = PyrtStr_FromCString(name);
        if (n) {
            Pyrt_ErrSetObject(&PyrtType_AttributeError, n);
            PYRT_DECREF(n);
        }
        return NULL;
    }
    return call_attr(f, self, name, args, nargs, NULL);
}

/* ------------------------------------------------------------------ super() */

PyrtObject *Pyrt_SuperGetAttr(PyrtType *cls, PyrtObject *self, PyrtObject *name)
{
    const char *s = PyrtStr_UTF8(name);
    /* self is a class that derives from cls in a classmethod (or __new__); otherwise an instance
     * (a class too, in a metaclass's methods) */
    bool self_is_class = PyrtType_IsSubtype(self->type, &PyrtType_Type)
                         && PyrtType_IsSubtype((PyrtType *)self, cls);
    PyrtType *t = self_is_class ? (PyrtType *)self : self->type;
    PYRT_LAZY_ENSURE(methods);
    /* the classes after cls in the MRO of self's type (of self, in a classmethod) */
    PyrtType *c;
    bool after = false;
    PYRT_FOR_MRO(c, t) {
        if (!after) {
            after = c == cls;
            continue;
        }
        if (c->dict) {
            PyrtObject *v = PyrtDict_GetItemStr(c->dict, s);
            if (v) {
                if (self == (PyrtObject *)t && v->type == &PyrtType_Function) {
                    Pyrt_IncRef(v);   /* super() in a classmethod: plain functions stay unbound */
                    return v;
                }
                return bind(v, self, t, s);
            }
        }
        const PyrtMethodDef *m = c->methods ? find_methoddef(c->methods, s) : NULL;
        if (!m && !(c->flags & PYRT_TPFLAG_USER) && !self_is_class)
            m = slot_method(c, s);   /* super().__setitem__ in a subclass of dict: dict's slot */
        if (m)   /* (__new__ is a static method: the class is its first argument) */
            return boundmeth_new(m, strcmp(s, "__new__") == 0 ? NULL : self, c);
    }
    return Pyrt_ErrFormat(&PyrtType_AttributeError, "'super' object has no attribute '%s'", s);
}

/* super(C, obj) called as a value (compiled code resolves super() in methods itself) */
typedef struct { PyrtObject ob; PyrtType *cls; PyrtObject *obj; } SuperObject;
PyrtType PyrtType_Super;
static PyrtObject *super_tp_new(PyrtObject *callable, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)callable;
    if (kwnames && PyrtTuple_Len(kwnames) > 0)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "super() takes no keyword arguments");
    if (nargs == 0)
        return Pyrt_ErrSetString(&PyrtType_RuntimeError, "super(): no arguments");
    if (!PyrtType_IsSubtype(args[0]->type, &PyrtType_Type))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "super() argument 1 must be a type, not %s", args[0]->type->name);
    if (nargs != 2)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "pyrite: super(type) with one argument is not supported");
    PyrtType *c = (PyrtType *)args[0];
    PyrtObject *o = args[1];
    bool ok = PyrtType_IsSubtype(o->type, c)
              || (PyrtType_IsSubtype(o->type, &PyrtType_Type) && PyrtType_IsSubtype((PyrtType *)o, c));
    if (!ok)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    SuperObject *s = (SuperObject *)Pyrt_Alloc(&PyrtType_Super, sizeof(SuperObject));
    if (!s)
        return NULL;
    s->cls = c;
    Pyrt_IncRef(o);
    s->obj = o;
    return &s->ob;
}
static void super_dealloc(PyrtObject *o) { PYRT_CLEAR(((SuperObject *)o)->obj); }
static PyrtObject *super_getattr(PyrtObject *o, PyrtObject *name)
{
    SuperObject *s = (SuperObject *)o;
    return Pyrt_SuperGetAttr(s->cls, s->obj, name);
}
static PyrtObject *super_repr(PyrtObject *o)
{
    SuperObject *s = (SuperObject *)o;
    return Pyrt_StrFormat("<super: <class '%s'>, <%s object>>", s->cls->name, s->obj->type->name);
}
PyrtType PyrtType_Super = {
    .ob = PYRT_TYPE_HEAD, .name = "super", .base = &PyrtType_Object, .basicsize = sizeof(SuperObject),
    .dealloc = super_dealloc, .repr = super_repr,
};

/* ------------------------------------------------------------------ user classes: dunder slots */

static PyrtObject *check_str_result(PyrtObject *r, const char *what)
{
    if (r && !Pyrt_TypeCheck(r, &PyrtType_Str)) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s returned non-string (type %s)", what, r->type->name);
        PYRT_DECREF(r);
        return NULL;
    }
    return r;
}

static PyrtObject *user_repr(PyrtObject *o)
{
    return check_str_result(call_dunder(o, "__repr__", NULL, 0), "__repr__");
}

static PyrtObject *user_str(PyrtObject *o)
{
    return check_str_result(call_dunder(o, "__str__", NULL, 0), "__str__");
}

static const char *const cmp_dunders[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static PyrtObject *user_richcompare(PyrtObject *a, PyrtObject *b, int op)
{
    PyrtObject *f = Pyrt_LookupTypeStr(a->type, cmp_dunders[op]);
    if (f)
        return call_attr(f, a, cmp_dunders[op], &b, 1, NULL);
    if (op == PYRT_NE && (f = Pyrt_LookupTypeStr(a->type, "__eq__")) != NULL) {
        /* object.__ne__: the inverse of __eq__ unless that is NotImplemented */
        PyrtObject *r = call_attr(f, a, "__eq__", &b, 1, NULL);
        if (!r || r == Pyrt_NotImplemented)
            return r;
        int t = Pyrt_IsTrue(r);
        PYRT_DECREF(r);
        return t < 0 ? NULL : Pyrt_BoolFromC(!t);
    }
    return Pyrt_NotImplemented;
}

static int64_t user_hash(PyrtObject *o)
{
    PyrtObject *r = call_dunder(o, "__hash__", NULL, 0);
    if (!r)
        return -1;
    if (!(r->type->flags & PYRT_TPFLAG_INT)) {
        PYRT_DECREF(r);
        Pyrt_ErrSetString(&PyrtType_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int64_t h = PyrtInt_IsBig(r) ? PyrtLong_Hash(r) : PyrtInt_AsI64(r);
    PYRT_DECREF(r);
    return h == -1 ? -2 : h;
}

static int64_t user_len(PyrtObject *o)
{
    PyrtObject *r = call_dunder(o, "__len__", NULL, 0);
    if (!r)
        return -1;
    if (!(r->type->flags & PYRT_TPFLAG_INT)) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer", r->type->name);
        PYRT_DECREF(r);
        return -1;
    }
    if (PyrtInt_IsBig(r)) {
        bool neg = PyrtLong_Sign(r) < 0;
        PYRT_DECREF(r);
        if (neg)
            Pyrt_ErrSetString(&PyrtType_ValueError, "__len__() should return >= 0");
        else
            Pyrt_ErrSetString(&PyrtType_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    int64_t n = PyrtInt_AsI64(r);
    PYRT_DECREF(r);
    if (n < 0) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static int user_bool(PyrtObject *o)
{
    PyrtObject *r = call_dunder(o, "__bool__", NULL, 0);
    if (!r)
        return -1;
    if (r->type != &PyrtType_Bool) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "__bool__ should return bool, returned %s", r->type->name);
        PYRT_DECREF(r);
        return -1;
    }
    return r == Pyrt_True;
}

static PyrtObject *user_getitem(PyrtObject *o, PyrtObject *key)
{
    return call_dunder(o, "__getitem__", &key, 1);
}

static PyrtType *builtin_layout_base(PyrtType *t);

static int user_setitem(PyrtObject *o, PyrtObject *key, PyrtObject *v)
{
    PyrtObject *args[2] = {key, v};
    if (!Pyrt_LookupTypeStr(o->type, v ? "__setitem__" : "__delitem__")) {
        /* the class defines only the other one: a builtin base's own (dict's __setitem__) */
        PyrtType *bb = builtin_layout_base(o->type);
        if (bb != o->type && bb->setitem && bb->setitem != user_setitem)
            return bb->setitem(o, key, v);
    }
    PyrtObject *r = v ? call_dunder(o, "__setitem__", args, 2) : call_dunder(o, "__delitem__", args, 1);
    if (!r)
        return -1;
    PYRT_DECREF(r);
    return 0;
}

static int user_contains(PyrtObject *o, PyrtObject *item)
{
    PyrtObject *r = call_dunder(o, "__contains__", &item, 1);
    if (!r)
        return -1;
    int t = Pyrt_IsTrue(r);
    PYRT_DECREF(r);
    return t;
}

static PyrtObject *user_iter(PyrtObject *o)
{
    return call_dunder(o, "__iter__", NULL, 0);
}

static PyrtObject *user_iternext(PyrtObject *o)
{
    PyrtObject *r = call_dunder(o, "__next__", NULL, 0);
    if (!r && Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopIteration) == 1)
        Pyrt_ErrClear();
    return r;
}

static PyrtObject *user_call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                             PyrtObject *kwnames)
{
    PyrtObject *f = Pyrt_LookupTypeStr(callable->type, "__call__");
    if (!f)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object is not callable", callable->type->name);
    return call_attr(f, callable, "__call__", args, nargs, kwnames);
}

static PyrtObject *user_format(PyrtObject *o, PyrtObject *spec)
{
    PyrtObject *r = call_dunder(o, "__format__", &spec, 1);
    if (r && !Pyrt_TypeCheck(r, &PyrtType_Str)) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "__format__ must return a str, not %s", r->type->name);
        PYRT_DECREF(r);
        return NULL;
    }
    return r;
}

static const char *const binop_dunders[PYRT_NUM_BINOPS][3] = {
    {"__add__", "__radd__", "__iadd__"},          {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},          {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},          {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"}, {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"},             {"__xor__", "__rxor__", "__ixor__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
};

static PyrtObject *user_binop(PyrtObject *a, PyrtObject *b, int op);

/* Both operand orders, like CPython's SLOT1BINFULL: a.__op__(b), then b.__rop__(a); the right
 * operand goes first when its class is a subclass of the left's. */
static PyrtObject *user_binop(PyrtObject *a, PyrtObject *b, int op)
{
    int base = op & ~PYRT_INPLACE;
    if (base < 0 || base >= PYRT_NUM_BINOPS)
        return Pyrt_NotImplemented;
    const char *const *names = binop_dunders[base];
    if (op & PYRT_INPLACE) {
        PyrtObject *f = Pyrt_LookupTypeStr(a->type, names[2]);
        return f ? call_attr(f, a, names[2], &b, 1, NULL) : Pyrt_NotImplemented;
    }
    PyrtType *ta = a->type, *tb = b->type;
    PyrtObject *fa = ta->binop == user_binop ? Pyrt_LookupTypeStr(ta, names[0]) : NULL;
    PyrtObject *fb = ta != tb && tb->binop == user_binop ? Pyrt_LookupTypeStr(tb, names[1]) : NULL;
    if (fa) {
        if (fb && PyrtType_IsSubtype(tb, ta)) {
            PyrtObject *r = call_attr(fb, b, names[1], &a, 1, NULL);
            if (r != Pyrt_NotImplemented)
                return r;
            fb = NULL;
        }
        PyrtObject *r = call_attr(fa, a, names[0], &b, 1, NULL);
        if (r != Pyrt_NotImplemented || ta == tb)
            return r;
    }
    if (fb)
        return call_attr(fb, b, names[1], &a, 1, NULL);
    return Pyrt_NotImplemented;
}

static PyrtObject *user_unop(PyrtObject *a, int op)
{
    static const char *const names[] = {"__neg__", "__pos__", "__invert__"};
    if (op < 0 || op > 2)
        return Pyrt_NotImplemented;
    PyrtObject *f = Pyrt_LookupTypeStr(a->type, names[op]);
    return f ? call_attr(f, a, names[op], NULL, 0, NULL) : Pyrt_NotImplemented;
}

static bool has_dunder(PyrtType *t, const char *name)
{
    return Pyrt_LookupTypeStr(t, name) != NULL;
}

static bool has_any(PyrtType *t, const char *const *names, int n, int stride)
{
    for (int i = 0; i < n; i++)
        if (has_dunder(t, names[i * stride]))
            return true;
    return false;
}

/* the dunder `name` along t's MRO, as CPython finds it: NULL when a builtin type that implements
 * that slot itself comes first (IntEnum: int, then Enum, whose __hash__ hashes the member's name;
 * int's hash must win so that `2 in {E.A}`) */
static PyrtObject *lookup_before_builtin_slot(PyrtType *t, const char *name)
{
    return lookup_type_dicts(t, name, true);
}

/* Point t's slots at the dunder dispatchers for every dunder its class dicts define (the rest
 * stay inherited from the base). */
static void install_slots(PyrtType *t)
{
    if (has_dunder(t, "__repr__")) t->repr = user_repr;
    if (has_dunder(t, "__str__")) t->str = user_str;
    if (has_any(t, cmp_dunders, 6, 1)) t->richcompare = user_richcompare;
    PyrtObject *h = lookup_before_builtin_slot(t, "__hash__");
    bool own_eq = t->dict && PyrtDict_GetItemStr(t->dict, "__eq__");
    bool own_hash = t->dict && PyrtDict_GetItemStr(t->dict, "__hash__");
    if (h == Pyrt_None || (own_eq && !own_hash))
        t->hash = Pyrt_HashNotImplemented;
    else if (h)
        t->hash = user_hash;
    if (has_dunder(t, "__len__")) t->len = user_len;
    if (has_dunder(t, "__bool__")) t->bool_ = user_bool;
    if (has_dunder(t, "__getitem__")) t->getitem = user_getitem;
    if (has_dunder(t, "__setitem__") || has_dunder(t, "__delitem__")) t->setitem = user_setitem;
    if (has_dunder(t, "__contains__")) t->contains = user_contains;
    if (has_dunder(t, "__iter__")) t->iter = user_iter;
    if (has_dunder(t, "__next__")) t->iternext = user_iternext;
    if (has_dunder(t, "__call__")) t->call = user_call;
    if (has_dunder(t, "__getattribute__")) t->getattr = user_getattribute;
    if (has_dunder(t, "__setattr__") || has_dunder(t, "__delattr__")) t->setattr = user_setattr;
    if (has_dunder(t, "__format__")) t->format = user_format;
    if (has_any(t, &binop_dunders[0][0], PYRT_NUM_BINOPS * 3, 1)) t->binop = user_binop;
    static const char *const unops[] = {"__neg__", "__pos__", "__invert__"};
    if (has_any(t, unops, 3, 1)) t->unop = user_unop;
}

/* ------------------------------------------------------------------ user classes: creation, calls */

static PyrtObject *type_new(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);

/* ------------------------------------------------------------------ compiled subclasses of builtin types */

/* the builtin type whose layout t's instances have (t itself for a builtin) */
static PyrtType *builtin_layout_base(PyrtType *t)
{
    while ((t->flags & PYRT_TPFLAG_USER) && t->base)
        t = t->base;
    return t;
}

static void builtin_sub_dealloc(PyrtObject *o)
{
    PYRT_CLEAR(*sub_dict_slot(o));
    PyrtType *bb = builtin_layout_base(o->type);
    if (bb->dealloc)
        bb->dealloc(o);
}

static void builtin_sub_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg)
{
    PyrtObject *d = *sub_dict_slot(o);
    if (d)
        visit(d, arg);
    PyrtType *bb = builtin_layout_base(o->type);
    if (bb->traverse)
        bb->traverse(o, visit, arg);
}

PyrtObject *PyrtSet_Alloc(PyrtType *type);

/* an empty instance of the builtin part of t */
static PyrtObject *builtin_sub_alloc(PyrtType *t)
{
    PyrtType *bb = builtin_layout_base(t);
    if (bb == &PyrtType_Set || bb == &PyrtType_FrozenSet)
        return PyrtSet_Alloc(t);
    return Pyrt_Alloc(t, (size_t)t->basicsize);   /* zeroed: an empty list or dict, a wrapper of nothing */
}

/* int.__new__(t, ...) and str.__new__(t, ...) for t a subclass: the builtin's value, in an instance of t */
PyrtObject *PyrtBuiltin_ImmutableSubNew(PyrtType *t, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    PyrtType *bb = builtin_layout_base(t);
    PYRT_LAZY_ENSURE(tp_new);
    PyrtObject *v = bb->tp_new((PyrtObject *)bb, args, nargs, kwnames);
    if (!v || bb == t)
        return v;
    PyrtObject *o = bb == &PyrtType_Int ? PyrtInt_SubNew(t, v) : PyrtStr_SubNew(t, v);
    PYRT_DECREF(v);
    return o;
}

/* int.__new__ / str.__new__ called through the class (cls arrives as self) */
PyrtObject *PyrtBuiltin_meth___new__(PyrtObject *cls, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                                     PyrtType *builtin)
{
    if (!PyrtType_IsSubtype(cls->type, &PyrtType_Type))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s.__new__(X): X is not a type object (%s)", builtin->name,
                              cls->type->name);
    if (!PyrtType_IsSubtype((PyrtType *)cls, builtin))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s.__new__(%s): %s is not a subtype of %s", builtin->name,
                              ((PyrtType *)cls)->name, ((PyrtType *)cls)->name, builtin->name);
    if (builtin_layout_base((PyrtType *)cls) != builtin)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", builtin->name,
                              ((PyrtType *)cls)->name, builtin_layout_base((PyrtType *)cls)->name);
    return PyrtBuiltin_ImmutableSubNew((PyrtType *)cls, args, nargs, kwnames);
}

/* list.__init__, dict.__init__, set.__init__, property/classmethod/staticmethod.__init__ */
PyrtObject *PyrtBuiltin_meth___init__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    PyrtType *bb = builtin_layout_base(self->type);
    int64_t nkw = kwnames ? PyrtTuple_Len(kwnames) : 0;
    int rc = 0;
    if (bb == &PyrtType_List || bb == &PyrtType_Set) {
        if (nkw > 0)
            return Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes no keyword arguments", bb->name);
        if (nargs > 1)
            return Pyrt_ErrFormat(&PyrtType_TypeError, "%s expected at most 1 argument, got %lld", bb->name,
                                  (long long)nargs);
        /* (the builtin's own clear and update: not a subclass's override, as CPython) */
        PyrtObject *r = bb == &PyrtType_List ? PyrtList_meth_clear(self, NULL, 0, NULL)
                                             : PyrtSet_meth_clear(self, NULL, 0, NULL);
        if (!r)
            return NULL;
        PYRT_DECREF(r);
        if (nargs == 1)
            rc = bb == &PyrtType_List ? PyrtList_Extend(self, args[0]) : PyrtSet_Update(self, args[0]);
    } else if (bb == &PyrtType_Dict) {
        PyrtObject *r = PyrtDict_meth_update(self, args, nargs, kwnames);
        if (!r)
            return NULL;
        PYRT_DECREF(r);
    } else if (bb == &PyrtType_Property || bb == &PyrtType_ClassMethod || bb == &PyrtType_StaticMethod) {
        PYRT_LAZY_ENSURE(tp_new);
        PyrtObject *tmp = bb->tp_new ? bb->tp_new((PyrtObject *)bb, args, nargs, kwnames) : NULL;
        if (!tmp)
            return NULL;
        /* move the new wrapper's references into self (the same layout) */
        size_t n = (size_t)bb->basicsize - sizeof(PyrtObject);
        char *dst = (char *)self + sizeof(PyrtObject), *src = (char *)tmp + sizeof(PyrtObject);
        PyrtObject **d = (PyrtObject **)dst;
        for (size_t i = 0; i < n / sizeof(PyrtObject *); i++)
            Pyrt_XDecRef(d[i]);
        memcpy(dst, src, n);
        memset(src, 0, n);
        PYRT_DECREF(tmp);
    }
    if (rc < 0)
        return NULL;
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

/* o once its __init__ returned r: o, or NULL when r is (NULL: raised; not None: TypeError) */
static PyrtObject *after_init(PyrtObject *o, PyrtObject *r)
{
    if (!r) {
        PYRT_DECREF(o);
        return NULL;
    }
    if (r != Pyrt_None) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "__init__() should return None, not '%s'", r->type->name);
        PYRT_DECREF(r);
        PYRT_DECREF(o);
        return NULL;
    }
    PYRT_DECREF(r);
    return o;
}

/* C(args) for a compiled subclass of a builtin type: an empty builtin, then __init__ (the class's, or
 * the builtin's: list(iterable), dict(**kw), ...) */
static PyrtObject *builtin_sub_new(PyrtType *t, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    PyrtType *bb = builtin_layout_base(t);
    bool immutable = bb == &PyrtType_Tuple || bb == &PyrtType_Int || bb == &PyrtType_Str;
    PyrtObject *o = bb == &PyrtType_Tuple ? PyrtTuple_TpNew((PyrtObject *)t, args, nargs, kwnames)
                    : immutable ? PyrtBuiltin_ImmutableSubNew(t, args, nargs, kwnames)
                                : builtin_sub_alloc(t);
    if (!o)
        return NULL;
    PyrtObject *init = Pyrt_LookupTypeStr(t, "__init__");
    if (!init && immutable)
        return o;   /* (the arguments went to its __new__) */
    PyrtObject *r = init ? call_attr(init, o, "__init__", args, nargs, kwnames)
                         : PyrtBuiltin_meth___init__(o, args, nargs, kwnames);
    return after_init(o, r);
}

/* C(args) for a class whose MRO defines __new__ (or a metaclass: type.__new__ makes the class):
 * obj = __new__(C, args); then obj.__init__(args) when obj is an instance of C */
static PyrtObject *user_tp_new_with_new(PyrtType *t, PyrtObject *newf, PyrtObject *const *args, int64_t nargs,
                                        PyrtObject *kwnames)
{
    PyrtObject *o;
    if (newf) {
        PyrtObject *f = IS_KIND(newf, PyrtType_StaticMethod) ? ((PyrtStaticMethod *)newf)->func : newf;
        o = call_prepend(f, (PyrtObject *)t, args, nargs, kwnames);
    } else {
        o = type_new((PyrtObject *)t, args, nargs, kwnames);
    }
    if (!o || !Pyrt_TypeCheck(o, t))
        return o;
    PyrtObject *init = Pyrt_LookupTypeStr(o->type, "__init__");
    if (!init)
        return o;
    PyrtObject *r = call_attr(init, o, "__init__", args, nargs, kwnames);
    return after_init(o, r);
}

/* TypeError for instantiating a class with abstract methods (CPython's message) */
PyrtObject *PyrtType_AbstractError(PyrtType *t)
{
    PyrtObject *am = t->dict ? PyrtDict_GetItemStr(t->dict, "__abstractmethods__") : NULL;
    PyrtObject *sorted = am ? PyrtList_Sorted(am, NULL, 0) : NULL;
    if (!sorted)
        return NULL;
    PyrtObject *sep = PyrtStr_FromCString(", ");
    PyrtObject *joined = sep ? PyrtStr_Join(sep, sorted) : NULL;
    if (joined)
        Pyrt_ErrFormat(&PyrtType_TypeError, "Can't instantiate abstract class %s with abstract method%s %s", t->name,
                       PyrtList_Len(sorted) > 1 ? "s" : "", PyrtStr_UTF8(joined));
    Pyrt_XDecRef(joined);
    Pyrt_XDecRef(sep);
    PYRT_DECREF(sorted);
    return NULL;
}

/* C(args): allocate an instance (an exception keeps args), then __init__ found along the MRO. */
static PyrtObject *user_tp_new(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                               PyrtObject *kwnames)
{
    PyrtType *t = (PyrtType *)callable;
    if (PYRT_UNLIKELY(t->flags & PYRT_TPFLAG_ABSTRACT) && !Pyrt_LookupTypeStr(t, "__new__"))
        return PyrtType_AbstractError(t);
    PyrtObject *newf = Pyrt_LookupTypeStr(t, "__new__");
    if (newf || (t->flags & PYRT_TPFLAG_TYPE))
        return user_tp_new_with_new(t, newf, args, nargs, kwnames);
    if (t->dictoffset)
        return builtin_sub_new(t, args, nargs, kwnames);
    bool is_exc = (t->flags & PYRT_TPFLAG_EXCEPTION) != 0;
    PyrtObject *init = Pyrt_LookupTypeStr(t, "__init__");
    int64_t nkw = kwnames ? PyrtTuple_Len(kwnames) : 0;
    if (!init && !is_exc && (nargs > 0 || nkw > 0))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes no arguments", t->name);
    if (!init && is_exc && nkw > 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes no keyword arguments", t->name);
    PyrtObject *o = is_exc ? PyrtExc_New(t, args, nargs) : PyrtInstance_New(t);
    if (!o || !init)
        return o;
    return after_init(o, call_attr(init, o, "__init__", args, nargs, kwnames));
}

/* Every class created at run time (they live until exit; also keeps them reachable for leak checkers). */
static PyrtType **user_types;
static int64_t nuser_types, capuser_types;

void pyrt_lazy_inherit(size_t off)
{
    typedef void (*AnySlot)(void);
    for (int64_t i = 0; i < nuser_types; i++) {
        AnySlot *slot = (AnySlot *)((char *)user_types[i] + off);
        if (!*slot)
            *slot = *(AnySlot *)((char *)user_types[i]->base + off);
    }
}

PyrtObject *(*pyrt_user_call_method)(PyrtObject *self, PyrtObject *name, PyrtObject *const *args,
                                     int64_t nargs, PyrtObject *kwnames);

static int register_type(PyrtType *t)
{
    if (nuser_types == capuser_types) {
        int64_t cap = capuser_types ? capuser_types * 2 : 16;
        PyrtType **a = Pyrt_Realloc(user_types, (size_t)cap * sizeof(PyrtType *));
        if (!a)
            return -1;
        user_types = a;
        capuser_types = cap;
    }
    user_types[nuser_types++] = t;
    return 0;
}

/* o.__del__() when o is about to be freed; what it raises is printed and dropped (gc.c calls it) */
static void call_del(PyrtObject *o)
{
    PyrtObject *saved = Pyrt_ErrFetch();
    PyrtObject *name = PyrtStr_FromCString("__del__");
    PyrtObject *r = name ? Pyrt_CallMethod(o, name, NULL, 0, NULL) : NULL;
    if (r) {
        Pyrt_DecRef(r);
    } else {
        char what[300];
        Pyrt_Snprintf(what, sizeof what, "<function %s.__del__ at 0x%llx>", PYRT_QUALNAME(o->type),
                      (unsigned long long)(uintptr_t)o->type);
        Pyrt_WriteUnraisable(what);
    }
    Pyrt_XDecRef(name);
    Pyrt_ErrRestore(saved);
}

/* __slots__ in the class and every compiled class it derives from, none naming __dict__: its
 * instances have no attribute dict */
/* whether a __slots__ value (a str, or a tuple or list of strs) names `name` */
static bool slots_name(PyrtObject *sl, const char *name)
{
    if (PyrtStr_Check(sl))
        return strcmp(PyrtStr_UTF8(sl), name) == 0;
    if (PyrtTuple_Check(sl) || PyrtList_Check(sl)) {
        PyrtObject **items = PyrtCont_SeqItems(sl);
        for (int64_t i = 0; i < PyrtCont_SeqLen(sl); i++)
            if (PyrtStr_Check(items[i]) && strcmp(PyrtStr_UTF8(items[i]), name) == 0)
                return true;
    }
    return false;
}

static PyrtObject *own_slots(PyrtType *c)
{
    return (c->flags & PYRT_TPFLAG_USER) && c->dict ? PyrtDict_GetItemStr(c->dict, "__slots__") : NULL;
}

static bool slots_only(PyrtType *t)
{
    PyrtType *c;
    PYRT_FOR_MRO(c, t) {
        if (c == &PyrtType_Object)
            continue;
        PyrtObject *sl = own_slots(c);
        if (!sl || slots_name(sl, "__dict__"))
            return false;
    }
    return true;
}

static bool in_slots(PyrtType *t, const char *name)
{
    PyrtType *c;
    PYRT_FOR_MRO(c, t) {
        PyrtObject *sl = own_slots(c);
        if (sl && slots_name(sl, name))
            return true;
    }
    return false;
}

static bool fields_are_slots(PyrtType *t)
{
    for (const PyrtField *f = t->fields; f && f->name; f++)
        if (!in_slots(t, f->name))
            return false;
    return true;
}

/* The C3 linearization of t with these bases (CPython's mro_implementation): t, then repeatedly the
 * first head among the bases' MROs and the list of bases that is in no other sequence's tail. */
static PyrtObject *c3_mro(PyrtType *t, PyrtObject *bases)
{
    PyrtTuple *bt = (PyrtTuple *)bases;
    int64_t nseq = bt->length + 1, total = 1;
    for (int64_t i = 0; i < bt->length; i++) {
        PyrtType *c;
        PYRT_FOR_MRO(c, (PyrtType *)bt->items[i])
            total++;
    }
    total += bt->length;
    /* every sequence in one array: seq k is items[start[k] .. start[k+1]), its head at pos[k] */
    PyrtType **items = Pyrt_Malloc((size_t)total * sizeof(PyrtType *));
    int64_t *start = Pyrt_Malloc((size_t)(nseq + 1) * sizeof(int64_t));
    int64_t *pos = Pyrt_Malloc((size_t)nseq * sizeof(int64_t));
    PyrtObject **out = Pyrt_Malloc((size_t)total * sizeof(PyrtObject *));
    PyrtObject *result = NULL;
    if (!items || !start || !pos || !out)
        goto done;
    int64_t n = 0;
    for (int64_t i = 0; i < bt->length; i++) {
        start[i] = n;
        PyrtType *c;
        PYRT_FOR_MRO(c, (PyrtType *)bt->items[i])
            items[n++] = c;
    }
    start[bt->length] = n;
    for (int64_t i = 0; i < bt->length; i++)
        items[n++] = (PyrtType *)bt->items[i];
    start[nseq] = n;
    for (int64_t k = 0; k < nseq; k++)
        pos[k] = start[k];
    int64_t nout = 0;
    out[nout++] = (PyrtObject *)t;
    for (;;) {
        bool any = false;
        PyrtType *pick = NULL;
        for (int64_t k = 0; k < nseq && !pick; k++) {
            if (pos[k] == start[k + 1])
                continue;
            any = true;
            PyrtType *cand = items[pos[k]];
            bool in_tail = false;
            for (int64_t j = 0; j < nseq && !in_tail; j++)
                for (int64_t x = pos[j] + 1; x < start[j + 1]; x++)
                    if (items[x] == cand) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail)
                pick = cand;
        }
        if (!any)
            break;
        if (!pick) {   /* CPython's message: the distinct heads that are left */
            char names[512];
            size_t len = 0;
            names[0] = 0;
            for (int64_t k = 0; k < nseq; k++) {
                if (pos[k] == start[k + 1])
                    continue;
                bool seen = false;
                for (int64_t j = 0; j < k; j++)
                    if (pos[j] < start[j + 1] && items[pos[j]] == items[pos[k]])
                        seen = true;
                if (!seen && len < sizeof names - 80)
                    len += (size_t)Pyrt_Snprintf(names + len, sizeof names - len, "%s%s", len ? ", " : "",
                                                 items[pos[k]]->name);
            }
            Pyrt_ErrFormat(&PyrtType_TypeError,
                           "Cannot create a consistent method resolution\norder (MRO) for bases %s", names);
            goto done;
        }
        out[nout++] = (PyrtObject *)pick;
        for (int64_t k = 0; k < nseq; k++)
            if (pos[k] < start[k + 1] && items[pos[k]] == pick)
                pos[k]++;
    }
    result = PyrtTuple_FromArray(out, nout);
done:
    Pyrt_Free(items);
    Pyrt_Free(start);
    Pyrt_Free(pos);
    Pyrt_Free(out);
    return result;
}

/* isinstance / issubclass against a class whose metaclass is compiled: its __instancecheck__ /
 * __subclasscheck__ when it defines one (-1: raised) */
static int meta_check(PyrtObject *o, PyrtObject *cls, bool instance)
{
    const char *hook = instance ? "__instancecheck__" : "__subclasscheck__";
    PyrtObject *f = Pyrt_LookupTypeStr(cls->type, hook);
    if (!f && !(cls->type->flags & PYRT_TPFLAG_TYPE) && cls->type != &PyrtType_Type)
        return -3;   /* not a class, and no hook */
    if (!f)
        return PyrtType_IsSubtype(instance ? o->type : (PyrtType *)o, (PyrtType *)cls);
    PyrtObject *r = call_attr(f, cls, hook, &o, 1, NULL);
    if (!r)
        return -1;
    int b = Pyrt_IsTrue(r);
    PYRT_DECREF(r);
    return b;
}

static char *dup_utf8(PyrtObject *s);
static PyrtType *new_user_type(const char *name, const char *module, PyrtType *base, int64_t basicsize,
                               const PyrtField *fields, PyrtObject *dict, PyrtObject *bases);

PyrtType *PyrtType_NewUser(const char *name, const char *module, PyrtType *base, int64_t basicsize,
                           const PyrtField *fields, PyrtObject *dict, PyrtObject *bases)
{
    /* a body that assigns __module__ (ast's node classes: 'ast'): CPython takes the namespace's */
    PyrtObject *mod = dict ? PyrtDict_GetItemStr(dict, "__module__") : NULL;
    if (mod && PyrtStr_Check(mod) && (!module || strcmp(PyrtStr_UTF8(mod), module) != 0))
        module = dup_utf8(mod);
    PyrtType *t;
    if (bases || !base || !base->mro) {
        t = new_user_type(name, module, base, basicsize, fields, dict, bases);
    } else {
        /* one base whose MRO is not its layout chain (class F(StrEnum), StrEnum(str, ReprEnum)): an MRO too */
        PyrtObject *one = PyrtTuple_FromArray((PyrtObject *const *)&base, 1);
        if (!one)
            return NULL;
        t = new_user_type(name, module, base, basicsize, fields, dict, one);
        PYRT_DECREF(one);
    }
    /* (so is __doc__: a docstring, or a body's `__doc__ = ...`) */
    PyrtObject *doc = t && t->dict ? PyrtDict_GetItemStr(t->dict, "__doc__") : NULL;
    if (doc && PyrtStr_Check(doc) && (!t->doc || strcmp(t->doc, PyrtStr_UTF8(doc)) != 0))
        t->doc = dup_utf8(doc);
    return t;
}

static PyrtType *new_user_type(const char *name, const char *module, PyrtType *base, int64_t basicsize,
                               const PyrtField *fields, PyrtObject *dict, PyrtObject *bases)
{
    PyrtObject *mro = NULL;
    PyrtType_Type.getitem = type_getitem;   /* C[x] (only classes of the program have __class_getitem__; set
                                               here so that a program without classes does not link it) */
    if (bases) {
        PyrtTuple *bt = (PyrtTuple *)bases;
        for (int64_t i = 0; i < bt->length; i++) {
            PyrtType *b = (PyrtType *)bt->items[i];
            if (b->flags & PYRT_TPFLAG_NOSUBCLASS)
                return (PyrtType *)Pyrt_ErrFormat(&PyrtType_TypeError, "type '%s' is not an acceptable base type",
                                                  b->name);
            for (int64_t j = 0; j < i; j++)
                if (bt->items[j] == (PyrtObject *)b)
                    return (PyrtType *)Pyrt_ErrFormat(&PyrtType_TypeError, "duplicate base class %s", b->name);
        }
        PyrtType tmp = *base;   /* stands for the new class while linearizing (replaced after) */
        tmp.ob.refcnt = PYRT_IMMORTAL_REFCNT;
        tmp.name = name;
        mro = c3_mro(&tmp, bases);
        if (!mro)
            return NULL;
    }
    if (!base)
        base = &PyrtType_Object;
    if (base->flags & PYRT_TPFLAG_NOSUBCLASS)
        return (PyrtType *)Pyrt_ErrFormat(&PyrtType_TypeError, "type '%s' is not an acceptable base type",
                                          base->name);
    bool meta = PyrtType_IsSubtype(base, &PyrtType_Type);   /* a metaclass: its instances are classes */
    PyrtType *bb = builtin_layout_base(base);   /* list, dict, ... for class Stack(list) */
    if (base != &PyrtType_Object && !has_instance_layout(base) && !meta && !(bb->flags & PYRT_TPFLAG_BASETYPE))
        return (PyrtType *)Pyrt_ErrFormat(&PyrtType_TypeError,
                                          "pyrite: subclassing builtin type '%s' is not supported", base->name);
    PyrtType *t = Pyrt_Malloc(sizeof(PyrtType));
    if (!t) {
        Pyrt_XDecRef(mro);
        return NULL;
    }
    *t = *base;   /* inherit every slot */
    t->bases = t->mro = NULL;
    if (mro) {
        ((PyrtTuple *)mro)->items[0] = (PyrtObject *)t;
        t->mro = mro;
        t->bases = bases;
        Pyrt_IncRef(bases);
    }
    t->ob.refcnt = PYRT_IMMORTAL_REFCNT;   /* classes live for the whole run */
    t->ob.type = &PyrtType_Type;
    t->name = name;
    t->qualname = NULL;   /* (type_new and the compiled class statement set them) */
    t->doc = NULL;
    t->module = module;
    t->base = base;
    t->basicsize = basicsize < base->basicsize ? base->basicsize : basicsize;
    if (t->basicsize < (int64_t)sizeof(PyrtInstance))
        t->basicsize = sizeof(PyrtInstance);
    t->flags = PYRT_TPFLAG_USER | PYRT_TPFLAG_GC | (base->flags & (PYRT_TPFLAG_EXCEPTION | PYRT_TPFLAG_HASDEL));
    if (meta) {   /* (classes are not allocated by the collector's allocator, and live for the whole run) */
        t->flags = PYRT_TPFLAG_USER | PYRT_TPFLAG_TYPE;
        pyrt_meta_check = meta_check;
    } else if (bb->flags & PYRT_TPFLAG_BASETYPE) {
        /* the builtin's layout, then the attribute dict; its kind flags (a list is still a list) */
        t->flags = PYRT_TPFLAG_USER | PYRT_TPFLAG_GC
                   | (bb->flags & (PYRT_TPFLAG_LIST | PYRT_TPFLAG_DICT | PYRT_TPFLAG_TUPLE | PYRT_TPFLAG_UNTRACKED
                                   | PYRT_TPFLAG_INT | PYRT_TPFLAG_STR));
        if (base == bb && bb == &PyrtType_Tuple) {
            t->dictoffset = -1;   /* variable: after the items (tuple.c allocates the slot) */
            t->basicsize = bb->basicsize;
        } else if (base == bb && (bb == &PyrtType_Int || bb == &PyrtType_Str)) {
            /* variable: after the digits / the UTF-8 bytes (long.c, str.c allocate the slot) */
            t->dictoffset = bb == &PyrtType_Int ? -2 : -3;
            t->basicsize = (bb == &PyrtType_Int ? (int64_t)sizeof(PyrtLong) : (int64_t)sizeof(PyrtStr) + 8)
                           + (int64_t)sizeof(PyrtObject *);
        } else if (base == bb) {
            t->dictoffset = (bb->basicsize + 7) & ~(int64_t)7;
            t->basicsize = t->dictoffset + (int64_t)sizeof(PyrtObject *);
        }
        t->dealloc = builtin_sub_dealloc;
        t->traverse = builtin_sub_traverse;
    }
    pyrt_type_version++;
    t->fields = fields;
    t->methods = NULL;
    t->dict = dict ? dict : PyrtDict_New();
    if (dict)
        Pyrt_IncRef(dict);
    if (!t->dict) {
        Pyrt_Free(t);
        return NULL;
    }
    if (PyrtDict_GetItemStr(t->dict, "__instancecheck__") || PyrtDict_GetItemStr(t->dict, "__subclasscheck__"))
        pyrt_meta_check = meta_check;   /* (isinstance(x, obj) with obj of this class) */
    if (slots_only(t))
        t->flags |= PYRT_TPFLAG_NODICT;
    if (fields_are_slots(t))
        t->flags |= PYRT_TPFLAG_REALDICT;
    if (t->mro && Pyrt_LookupTypeStr(t, "__del__"))
        t->flags |= PYRT_TPFLAG_HASDEL;   /* (from a base other than the layout's) */
    if (PyrtDict_GetItemStr(t->dict, "__del__") || (t->flags & PYRT_TPFLAG_HASDEL)) {
        t->flags |= PYRT_TPFLAG_HASDEL;
        pyrt_gc_call_del = call_del;
    }
    if (!(t->flags & (PYRT_TPFLAG_EXCEPTION | PYRT_TPFLAG_TYPE)) && !t->dictoffset) {
        bool atomic = true;   /* no field can hold an object: nothing to traverse until a dict appears */
        for (const PyrtField *f = fields; f && f->name; f++)
            if (f->kind == PYRT_FIELD_OBJ)
                atomic = false;
        if (atomic && !(t->flags & PYRT_TPFLAG_HASDEL))   /* (__del__ runs in CPython's order for cyclic trash) */
            t->flags |= PYRT_TPFLAG_UNTRACKED;
    }
    if (base == &PyrtType_Object) {
        t->traverse = PyrtInstance_Traverse;
        t->dealloc = PyrtInstance_Release;
        t->getattr = NULL;
        t->setattr = NULL;
    }
    t->tp_new = user_tp_new;
    pyrt_user_call_method = Pyrt_CallMethod;
    install_slots(t);
    if (register_type(t) < 0) {
        PYRT_DECREF(t->dict);
        Pyrt_Free(t);
        return NULL;
    }
    return t;
}

/* ------------------------------------------------------------------ dir() */

static int dir_add_keys(PyrtObject *set, PyrtObject *dict)
{
    int64_t pos = 0;
    PyrtObject *k, *v;
    while (dict && PyrtDict_Next(dict, &pos, &k, &v))
        if (PyrtSet_Add(set, k) < 0)
            return -1;
    return 0;
}

static int dir_add_cstr(PyrtObject *set, const char *s)
{
    PyrtObject *k = PyrtStr_FromCString(s);
    int r = k ? PyrtSet_Add(set, k) : -1;
    Pyrt_XDecRef(k);
    return r;
}

/* dir(o) for instances of classes made of compiled classes and object, and for such classes: the
 * sorted names of the instance's attributes, its class's and their bases' (object's included) */
PyrtObject *Pyrt_Dir(PyrtObject *o)
{
    static const char *const object_names[] = {
        "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
        "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__",
        "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__",
        "__subclasshook__", "__dict__", "__module__", "__weakref__", NULL};
    if (o->type == &PyrtType_Module)
        return PyrtModule_Dir(o);
    bool is_class = PyrtType_IsSubtype(o->type, &PyrtType_Type);
    PyrtType *t = is_class ? (PyrtType *)o : o->type;
    bool ok = (t->flags & PYRT_TPFLAG_USER) && !(t->flags & (PYRT_TPFLAG_EXCEPTION | PYRT_TPFLAG_TYPE))
              && (!is_class || o->type == &PyrtType_Type);
    PyrtType *c;
    PYRT_FOR_MRO(c, t) {
        if (c != &PyrtType_Object && !(c->flags & PYRT_TPFLAG_USER))
            ok = false;
    }
    if (!ok)
        return Pyrt_ErrFormat(&PyrtType_NotImplementedError, "pyrite: dir() of %s%s is not supported yet",
                              is_class ? "the class " : "a '", is_class ? ((PyrtType *)o)->name : o->type->name);
    PyrtObject *set = PyrtSet_New();
    if (!set)
        return NULL;
    int r = 0;
    for (int i = 0; r == 0 && object_names[i]; i++)
        r = dir_add_cstr(set, object_names[i]);
    PYRT_FOR_MRO(c, t) {
        if (r == 0 && c->flags & PYRT_TPFLAG_USER)
            r = dir_add_keys(set, c->dict);
    }
    if (!is_class) {
        for (const PyrtField *f = t->fields; r == 0 && f && f->name; f++)
            if (field_is_set(o, f))
                r = dir_add_cstr(set, f->name);
        if (r == 0)
            r = dir_add_keys(set, ((PyrtInstance *)o)->dict);
    }
    PyrtObject *l = r == 0 ? PyrtList_Sorted(set, NULL, 0) : NULL;
    PYRT_DECREF(set);
    return l;
}

/* ------------------------------------------------------------------ mappingproxy (a class's __dict__) */

typedef struct { PyrtObject ob; PyrtObject *mapping; } MappingProxy;
PyrtType PyrtType_MappingProxy;

static PyrtObject *mappingproxy_new(PyrtObject *mapping)
{
    MappingProxy *p = (MappingProxy *)Pyrt_Alloc(&PyrtType_MappingProxy, sizeof(MappingProxy));
    if (!p)
        return NULL;
    Pyrt_IncRef(mapping);
    p->mapping = mapping;
    return &p->ob;
}

static void mappingproxy_dealloc(PyrtObject *o) { PYRT_CLEAR(((MappingProxy *)o)->mapping); }
static PyrtObject *mappingproxy_repr(PyrtObject *o)
{
    PyrtObject *r = Pyrt_Repr(((MappingProxy *)o)->mapping);
    if (!r)
        return NULL;
    PyrtObject *s = Pyrt_StrFormat("mappingproxy(%s)", PyrtStr_UTF8(r));
    PYRT_DECREF(r);
    return s;
}
static int64_t mappingproxy_len(PyrtObject *o) { return Pyrt_Len(((MappingProxy *)o)->mapping); }
static PyrtObject *mappingproxy_getitem(PyrtObject *o, PyrtObject *k) { return Pyrt_GetItem(((MappingProxy *)o)->mapping, k); }
static int mappingproxy_contains(PyrtObject *o, PyrtObject *k) { return Pyrt_Contains(((MappingProxy *)o)->mapping, k); }
static PyrtObject *mappingproxy_iter(PyrtObject *o) { return Pyrt_GetIter(((MappingProxy *)o)->mapping); }
static PyrtObject *mappingproxy_richcompare(PyrtObject *a, PyrtObject *b, int op)
{
    if (b->type == &PyrtType_MappingProxy)
        b = ((MappingProxy *)b)->mapping;
    return Pyrt_RichCompare(((MappingProxy *)a)->mapping, b, op);
}
/* keys(), values(), items(), get(), copy(): the mapping's */
static PyrtObject *mappingproxy_forward(PyrtObject *self, const char *name, PyrtObject *const *args, int64_t nargs,
                                        PyrtObject *kwnames)
{
    PyrtObject *n = PyrtStr_FromCString(name);
    if (!n)
        return NULL;
    PyrtObject *r = Pyrt_CallMethod(((MappingProxy *)self)->mapping, n, args, nargs, kwnames);
    PYRT_DECREF(n);
    return r;
}
#define MP_FWD(m) static PyrtObject *mappingproxy_##m(PyrtObject *self, PyrtObject *const *args, int64_t nargs, \
                                                      PyrtObject *kwnames) \
    { return mappingproxy_forward(self, #m, args, nargs, kwnames); }
MP_FWD(keys) MP_FWD(values) MP_FWD(items) MP_FWD(get) MP_FWD(copy)
static const PyrtMethodDef mappingproxy_methods[] = {
    {"keys", mappingproxy_keys}, {"values", mappingproxy_values}, {"items", mappingproxy_items},
    {"get", mappingproxy_get}, {"copy", mappingproxy_copy}, {NULL, NULL},
};
/* types.MappingProxyType(mapping): a read-only view of a mapping (not of a list or tuple) */
static PyrtObject *mappingproxy_tp_new(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)type;
    int64_t nkw = kwnames ? PyrtTuple_Len(kwnames) : 0;
    if (nargs + nkw != 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "mappingproxy() takes exactly one argument (%lld given)",
                              (long long)(nargs + nkw));
    if (nkw && strcmp(PyrtStr_UTF8(PyrtTuple_GetBorrowed(kwnames, 0)), "mapping") != 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "mappingproxy() got an unexpected keyword argument '%s'",
                              PyrtStr_UTF8(PyrtTuple_GetBorrowed(kwnames, 0)));
    PyrtObject *m = args[0];
    bool mapping = PyrtDict_Check(m) || m->type == &PyrtType_MappingProxy ||
                   (!PyrtList_Check(m) && !PyrtTuple_Check(m) && m->type->getitem &&
                    Pyrt_LookupTypeStr(m->type, "keys"));
    if (!mapping)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "mappingproxy() argument must be a mapping, not %s",
                              m->type->name);
    return mappingproxy_new(m);
}

PyrtType PyrtType_MappingProxy = {
    .ob = PYRT_TYPE_HEAD, .name = "mappingproxy", .base = &PyrtType_Object, .basicsize = sizeof(MappingProxy),
    .flags = PYRT_TPFLAG_NOSUBCLASS, .dealloc = mappingproxy_dealloc, .repr = mappingproxy_repr,
    .len = mappingproxy_len, .getitem = mappingproxy_getitem, .contains = mappingproxy_contains,
    .iter = mappingproxy_iter, .richcompare = mappingproxy_richcompare, .tp_new = mappingproxy_tp_new,
};

/* ------------------------------------------------------------------ attributes of classes */

static PyrtObject *type_getattr(PyrtObject *o, PyrtObject *name);

/* a builtin class's __dict__: a mappingproxy of its methods (as unbound methods) and __doc__ */
static PyrtObject *builtin_type_dict(PyrtType *t)
{
    PYRT_LAZY_ENSURE(methods);
    PyrtObject *d = PyrtDict_New();
    for (const PyrtMethodDef *m = t->methods; d && m && m->name; m++) {
        PyrtObject *name = PyrtStr_FromCString(m->name);
        PyrtObject *v = name ? type_getattr((PyrtObject *)t, name) : NULL;
        if (!v || PyrtDict_SetItem(d, name, v) < 0)
            PYRT_CLEAR(d);
        Pyrt_XDecRef(v);
        Pyrt_XDecRef(name);
    }
    PyrtObject *doc = t->doc ? PyrtStr_FromCString(t->doc) : (Pyrt_IncRef(Pyrt_None), Pyrt_None);
    if (d && (!doc || PyrtDict_SetItemStr(d, "__doc__", doc) < 0))
        PYRT_CLEAR(d);
    Pyrt_XDecRef(doc);
    if (!d)
        return NULL;
    PyrtObject *p = mappingproxy_new(d);
    PYRT_DECREF(d);
    return p;
}

static PyrtObject *type_special_attr(PyrtType *t, const char *s)
{
    if (strcmp(s, "__name__") == 0)
        return PyrtStr_FromCString(t->name);
    if (strcmp(s, "__qualname__") == 0)
        return PyrtStr_FromCString(PYRT_QUALNAME(t));
    if (strcmp(s, "__module__") == 0)
        return PyrtStr_FromCString(t->module ? t->module : "builtins");
    if (strcmp(s, "__doc__") == 0)
        return t->doc ? PyrtStr_FromCString(t->doc) : Pyrt_None;
    if (strcmp(s, "__base__") == 0) {
        PyrtObject *b = t->base ? (PyrtObject *)t->base : Pyrt_None;
        Pyrt_IncRef(b);
        return b;
    }
    if (strcmp(s, "__bases__") == 0) {
        if (t->bases) {
            Pyrt_IncRef(t->bases);
            return t->bases;
        }
        return t->base ? PyrtTuple_FromArray((PyrtObject **)&t->base, 1) : PyrtTuple_New(0);
    }
    if (strcmp(s, "__mro__") == 0) {
        if (t->mro) {
            Pyrt_IncRef(t->mro);
            return t->mro;
        }
        PyrtObject *items[64];
        int64_t n = 0;
        for (PyrtType *c = t; c && n < 64; c = c->base)
            items[n++] = (PyrtObject *)c;
        return PyrtTuple_FromArray(items, n);
    }
    if (strcmp(s, "__class__") == 0)
        return Pyrt_TypeOf((PyrtObject *)t);
    if (strcmp(s, "__abstractmethods__") == 0) {   /* (only the class's own: it is not inherited) */
        PyrtObject *v = t->dict && t != &PyrtType_Type ? PyrtDict_GetItemStr(t->dict, s) : NULL;
        if (!v)
            return Pyrt_ErrFormat(&PyrtType_AttributeError, "%s", s);
        Pyrt_IncRef(v);
        return v;
    }
    if (strcmp(s, "__dict__") == 0 && t->dict)
        return mappingproxy_new(t->dict);   /* read-only, live */
    if (strcmp(s, "__dict__") == 0)
        return builtin_type_dict(t);
    return NULL;
}

static PyrtObject *type_getattr(PyrtObject *o, PyrtObject *name)
{
    PyrtType *t = (PyrtType *)o;
    const char *s = PyrtStr_UTF8(name);
    if (s[0] == '_' && s[1] == '_') {
        PyrtObject *r = type_special_attr(t, s);
        if (r || Pyrt_ErrOccurred())
            return r;
    }
    PyrtType *meta = o->type;
    PyrtObject *mattr = NULL;
    if (meta->flags & PYRT_TPFLAG_USER) {   /* a data descriptor of the metaclass comes first */
        mattr = Pyrt_LookupTypeStr(meta, s);
        if (mattr && IS_KIND(mattr, PyrtType_Property))
            return property_get(mattr, o, s);
    }
    const PyrtMethodDef *meth;
    PyrtObject *attr = lookup_attr(t, s, &meth);
    if (attr) {
        if (IS_KIND(attr, PyrtType_StaticMethod)) {
            Pyrt_IncRef(((PyrtStaticMethod *)attr)->func);
            return ((PyrtStaticMethod *)attr)->func;
        }
        if (IS_KIND(attr, PyrtType_ClassMethod))
            return PyrtMethod_New(((PyrtStaticMethod *)attr)->func, o);
        if (attr->type->flags & PYRT_TPFLAG_USER) {   /* a user descriptor: __get__(None, cls) */
            PyrtObject *get = Pyrt_LookupTypeStr(attr->type, "__get__");
            if (get) {
                PyrtObject *a[2] = {Pyrt_None, o};
                return call_attr(get, attr, "__get__", a, 2, NULL);
            }
        }
        Pyrt_IncRef(attr);
        return attr;
    }
    if (meth) {
        /* class/static methods are bound to the type (which they ignore); the others are unbound
         * (their first argument is self) */
        return boundmeth_new(meth, (meth->flags & PYRT_METH_TYPE) ? o : NULL, methoddef_owner(t, meth));
    }
    if (s[0] == '_' && !(t->flags & PYRT_TPFLAG_USER)) {   /* list.__len__, dict.__getitem__: unbound */
        const PyrtMethodDef *sm = slot_method(t, s);
        if (sm)
            return boundmeth_new(sm, NULL, t);
    }
    /* then what the metaclass defines (type's own methods included: C.mro()), bound to the class */
    if (mattr)
        return bind(mattr, o, meta, s);
    attr = lookup_attr(meta, s, &meth);
    if (attr)
        return bind(attr, o, meta, s);
    if (meth)
        return boundmeth_new(meth, o, methoddef_owner(meta, meth));
    return Pyrt_ErrNoAttribute(o, name);
}

static int type_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v)
{
    PyrtType *t = (PyrtType *)o;
    const char *s = PyrtStr_UTF8(name);
    if (!(t->flags & PYRT_TPFLAG_USER)) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "cannot set '%s' attribute of immutable type '%s'", s, t->name);
        return -1;
    }
    int r;
    pyrt_type_version++;   /* invalidates every inline cache */
    if (strcmp(s, "__abstractmethods__") == 0) {   /* instances cannot be made while it is non-empty */
        int abstract = v ? Pyrt_IsTrue(v) : 0;
        if (abstract < 0)
            return -1;
        t->flags = abstract ? t->flags | PYRT_TPFLAG_ABSTRACT : t->flags & ~PYRT_TPFLAG_ABSTRACT;
    }
    if (s[0] == '_' && (strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0 ||
                        strcmp(s, "__module__") == 0)) {
        /* the names the class's repr and messages use: C strings of an immortal copy */
        if (!v)
            return Pyrt_ErrFormat(&PyrtType_TypeError, "cannot delete '%s' attribute of type '%s'", s,
                                  t->name), -1;
        if (!PyrtStr_Check(v) && s[2] != 'm')
            return Pyrt_ErrFormat(&PyrtType_TypeError, "can only assign string to %s.%s, not '%s'", t->name, s,
                                  v->type->name), -1;
        if (PyrtStr_Check(v)) {
            PyrtObject *keep = PyrtStr_FromCString(PyrtStr_UTF8(v));
            if (!keep)
                return -1;
            Pyrt_MakeImmortal(keep);
            if (s[2] == 'n')
                t->name = PyrtStr_UTF8(keep);
            else if (s[2] == 'q')
                t->qualname = PyrtStr_UTF8(keep);
            else
                t->module = PyrtStr_UTF8(keep);
        }
        if (s[2] != 'm')
            return 0;
    }
    if (v) {
        r = PyrtDict_SetItem(t->dict, name, v);
    } else if (!PyrtDict_GetItemStr(t->dict, s)) {
        Pyrt_ErrNoAttribute(o, name);
        return -1;
    } else {
        r = PyrtDict_DelItem(t->dict, name);
    }
    if (r == 0 && s[0] == '_' && s[1] == '_')
        install_slots(t);
    return r;
}

/* ------------------------------------------------------------------ argument parsing */

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static PyrtObject *name_list(const char *const *names, int64_t n)
{
    char buf[512];
    size_t len = 0;
    buf[0] = 0;
    for (int64_t i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : (i == n - 1 ? (n == 2 ? " and " : ", and ") : ", ");
        int w = Pyrt_Snprintf(buf + len, sizeof buf - len, "%s'%s'", sep, names[i]);
        if (w < 0 || (size_t)w >= sizeof buf - len)
            break;
        len += (size_t)w;
    }
    return PyrtStr_FromCString(buf);
}

static int missing_error(const PyrtArgSpec *spec, const char *const *names, int64_t n, const char *kind)
{
    PyrtObject *list = name_list(names, n);
    if (!list)
        return -1;
    Pyrt_ErrFormat(&PyrtType_TypeError, "%s() missing %lld required %s argument%s: %S", spec->fname,
                   (long long)n, kind, n == 1 ? "" : "s", list);
    PYRT_DECREF(list);
    return -1;
}

static int too_many_positional(const PyrtArgSpec *spec, int64_t nargs, PyrtObject **out)
{
    int64_t kwonly_given = 0;
    for (int32_t i = 0; i < spec->nkwonly; i++)
        kwonly_given += out[spec->npos + i] != NULL;
    char takes[96];
    if (spec->nrequired_pos < spec->npos)
        Pyrt_Snprintf(takes, sizeof takes, "from %d to %d positional arguments", (int)spec->nrequired_pos,
                 (int)spec->npos);
    else
        Pyrt_Snprintf(takes, sizeof takes, "%d positional argument%s", (int)spec->npos, spec->npos == 1 ? "" : "s");
    if (kwonly_given)
        Pyrt_ErrFormat(&PyrtType_TypeError,
                       "%s() takes %s but %lld positional argument%s (and %lld keyword-only argument%s) were given",
                       spec->fname, takes, (long long)nargs, nargs == 1 ? "" : "s", (long long)kwonly_given,
                       kwonly_given == 1 ? "" : "s");
    else
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes %s but %lld %s given", spec->fname, takes,
                       (long long)nargs, nargs == 1 ? "was" : "were");
    return -1;
}

/* index of keyword `name` among the parameters that accept keywords, or -1 (-2: positional-only) */
static int64_t keyword_index(const PyrtArgSpec *spec, const char *name)
{
    int32_t n = spec->npos + spec->nkwonly;
    for (int32_t i = 0; i < n; i++)
        if (strcmp(spec->names[i], name) == 0)
            return i < spec->nposonly ? -2 : i;
    return -1;
}

static int parse_keywords(const PyrtArgSpec *spec, PyrtObject *const *args, int64_t nargs,
                          PyrtObject *kwnames, PyrtObject **out, PyrtObject *kwdict)
{
    int64_t nkw = kwnames ? PyrtTuple_Len(kwnames) : 0;
    const char *posonly_given[64];
    int64_t nposonly_given = 0;
    for (int64_t k = 0; k < nkw; k++) {
        PyrtObject *kn = PyrtTuple_GetBorrowed(kwnames, k);
        const char *name = PyrtStr_UTF8(kn);
        int64_t j = keyword_index(spec, name);
        if (j >= 0) {
            if (out[j]) {
                Pyrt_ErrFormat(&PyrtType_TypeError, "%s() got multiple values for argument '%s'", spec->fname,
                               name);
                return -1;
            }
            out[j] = args[nargs + k];
        } else if (kwdict) {
            if (PyrtDict_SetItem(kwdict, kn, args[nargs + k]) < 0)
                return -1;
        } else if (j == -2) {
            if (nposonly_given < 64)
                posonly_given[nposonly_given++] = name;
        } else {
            Pyrt_ErrFormat(&PyrtType_TypeError, "%s() got an unexpected keyword argument '%s'", spec->fname,
                           name);
            return -1;
        }
    }
    if (nposonly_given) {   /* CPython: the names joined by ", " inside one pair of quotes */
        char buf[512];
        size_t len = 0;
        buf[0] = 0;
        for (int64_t i = 0; i < nposonly_given; i++) {
            int w = Pyrt_Snprintf(buf + len, sizeof buf - len, "%s%s", i ? ", " : "", posonly_given[i]);
            if (w < 0 || (size_t)w >= sizeof buf - len)
                break;
            len += (size_t)w;
        }
        Pyrt_ErrFormat(&PyrtType_TypeError,
                       "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                       spec->fname, buf);
        return -1;
    }
    return 0;
}

int Pyrt_ParseArgs(const PyrtArgSpec *spec, PyrtObject *const *args, int64_t nargs,
                   PyrtObject *kwnames, PyrtObject **out)
{
    int64_t nslots = spec->npos + spec->nkwonly;
    int64_t extra = spec->has_varargs + spec->has_varkw;
    for (int64_t i = 0; i < nslots + extra; i++)
        out[i] = NULL;
    int64_t ncopy = nargs < spec->npos ? nargs : spec->npos;
    for (int64_t i = 0; i < ncopy; i++)
        out[i] = args[i];
    PyrtObject *kwdict = NULL;
    if (spec->has_varkw && !(kwdict = PyrtDict_New()))
        return -1;
    if (parse_keywords(spec, args, nargs, kwnames, out, kwdict) < 0)
        goto fail;
    if (nargs > spec->npos && !spec->has_varargs) {
        too_many_positional(spec, nargs, out);
        goto fail;
    }
    const char *missing[64];
    int64_t nmissing = 0;
    for (int32_t i = 0; i < spec->nrequired_pos; i++)
        if (!out[i] && nmissing < 64)
            missing[nmissing++] = spec->names[i];
    if (nmissing) {
        missing_error(spec, missing, nmissing, "positional");
        goto fail;
    }
    if (spec->has_varargs) {
        PyrtObject *t = PyrtTuple_FromArray(args + ncopy, nargs - ncopy);
        if (!t)
            goto fail;
        out[nslots] = t;
    }
    if (kwdict)
        out[nslots + spec->has_varargs] = kwdict;
    return 0;
fail:
    PYRT_XDECREF(kwdict);
    return -1;
}

int Pyrt_ApplyDefaults(const PyrtArgSpec *spec, PyrtObject *func, PyrtObject **out)
{
    PyrtFunction *f = func && func->type == &PyrtType_Function ? (PyrtFunction *)func : NULL;
    PyrtObject *defaults = f ? f->defaults : NULL;
    int64_t ndef = defaults ? PyrtTuple_Len(defaults) : 0;
    int64_t first = spec->npos - ndef;   /* first parameter with a default */
    for (int64_t i = 0; i < spec->npos; i++)
        if (!out[i] && i >= first)
            out[i] = PyrtTuple_GetBorrowed(defaults, i - first);
    const char *missing[64];
    int64_t nmissing = 0;
    for (int64_t i = 0; i < spec->npos; i++)
        if (!out[i] && nmissing < 64)
            missing[nmissing++] = spec->names[i];
    if (nmissing)
        return missing_error(spec, missing, nmissing, "positional");
    for (int32_t i = 0; i < spec->nkwonly; i++) {
        PyrtObject **slot = &out[spec->npos + i];
        if (!*slot && f && f->kwdefaults)
            *slot = PyrtDict_GetItemStr(f->kwdefaults, spec->names[spec->npos + i]);
        if (!*slot && nmissing < 64)
            missing[nmissing++] = spec->names[spec->npos + i];
    }
    if (nmissing)
        return missing_error(spec, missing, nmissing, "keyword-only");
    return 0;
}

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
/* ------------------------------------------------------------------ classes made at run time */

/* The layout the compiled class statement now running wants for its class (its compiled fields): set
 * just before it calls the class's metaclass, taken by the type.__new__ that call reaches. */
static struct { bool set; PyrtType *base; int64_t basicsize; const PyrtField *fields; } pending_spec;

void PyrtClass_SetSpec(PyrtType *base, int64_t basicsize, const PyrtField *fields)
{
    pending_spec.set = true;
    pending_spec.base = base;
    pending_spec.basicsize = basicsize;
    pending_spec.fields = fields;
}

/* After the metaclass call of a compiled class statement: the result must be the class type.__new__
 * made with the statement's layout (compiled code accesses its instances' fields directly). */
PyrtObject *PyrtClass_CheckSpec(PyrtObject *cls, const PyrtField *fields, const char *name)
{
    pending_spec.set = false;
    if (!cls)
        return NULL;
    if (!PyrtType_IsSubtype(cls->type, &PyrtType_Type) || ((PyrtType *)cls)->fields != fields) {
        Pyrt_ErrFormat(&PyrtType_TypeError,
                       "pyrite: the metaclass of class '%s' returned %R, not the class type.__new__ made for it "
                       "(compiled classes need it)", name, cls);
        PYRT_DECREF(cls);
        return NULL;
    }
    return cls;
}

static char *dup_utf8(PyrtObject *s)
{
    const char *u = PyrtStr_UTF8(s);
    size_t n = strlen(u) + 1;
    char *c = Pyrt_Malloc(n);
    if (c)
        memcpy(c, u, n);
    return c;
}

/* __set_name__ of the class attributes, then __init_subclass__ of the nearest base defining it
 * (object's takes no keyword arguments), as type.__new__ does */
static int finish_class(PyrtType *t, PyrtObject *const *kwvals, PyrtObject *kwnames)
{
    int64_t pos = 0;
    PyrtObject *k, *v;
    PyrtObject *snap = PyrtDict_Copy(t->dict);   /* (__set_name__ may change the dict) */
    if (!snap)
        return -1;
    while (PyrtDict_Next(snap, &pos, &k, &v)) {
        if (!(v->type->flags & PYRT_TPFLAG_USER))
            continue;
        PyrtObject *sn = Pyrt_LookupTypeStr(v->type, "__set_name__");
        if (!sn)
            continue;
        PyrtObject *a[2] = {(PyrtObject *)t, k};
        PyrtObject *r = call_attr(sn, v, "__set_name__", a, 2, NULL);
        if (!r) {
            PYRT_DECREF(snap);
            return -1;
        }
        PYRT_DECREF(r);
    }
    PYRT_DECREF(snap);
    PyrtType *c;
    PyrtObject *isc = NULL;
    PYRT_FOR_MRO(c, t) {
        if (c != t && c->dict && (isc = PyrtDict_GetItemStr(c->dict, "__init_subclass__")) != NULL)
            break;
    }
    int64_t nkw = kwnames ? PyrtTuple_Len(kwnames) : 0;
    if (!isc) {
        if (nkw > 0) {
            Pyrt_ErrFormat(&PyrtType_TypeError, "%s.__init_subclass__() takes no keyword arguments", t->name);
            return -1;
        }
        return 0;
    }
    PyrtObject *f = IS_KIND(isc, PyrtType_ClassMethod) ? ((PyrtStaticMethod *)isc)->func : isc;
    PyrtObject *r = call_prepend(f, (PyrtObject *)t, kwvals, 0, kwnames);
    if (!r)
        return -1;
    PYRT_DECREF(r);
    return 0;
}

int PyrtType_Finish(PyrtObject *t)
{
    return finish_class((PyrtType *)t, NULL, NULL);
}

/* the metaclass of a class with these bases: the most derived of meta and theirs */
static PyrtType *calculate_meta(PyrtType *meta, PyrtObject *bases)
{
    PyrtTuple *bt = (PyrtTuple *)bases;
    PyrtType *winner = meta;
    for (int64_t i = 0; i < bt->length; i++) {
        PyrtType *m = bt->items[i]->type;
        if (PyrtType_IsSubtype(winner, m))
            continue;
        if (PyrtType_IsSubtype(m, winner)) {
            winner = m;
            continue;
        }
        return (PyrtType *)Pyrt_ErrSetString(&PyrtType_TypeError,
                                             "metaclass conflict: the metaclass of a derived class must be a "
                                             "(non-strict) subclass of the metaclasses of all its bases");
    }
    return winner;
}

PyrtObject *PyrtClass_Meta(PyrtObject *meta, PyrtObject *bases)
{
    if (meta && !PyrtType_IsSubtype(meta->type, &PyrtType_Type)) {   /* a function used as metaclass */
        Pyrt_IncRef(meta);
        return meta;
    }
    PyrtType *w = calculate_meta(meta ? (PyrtType *)meta : &PyrtType_Type, bases);
    if (w)
        Pyrt_IncRef((PyrtObject *)w);
    return (PyrtObject *)w;
}

/* The namespace a class body runs in: meta.__prepare__(name, bases, **kwargs) when the metaclass
 * defines one, else a new dict. kwargs: a dict of the class keywords other than metaclass, or NULL. */
PyrtObject *PyrtClass_Prepare(PyrtObject *meta, PyrtObject *name, PyrtObject *bases, PyrtObject *kwargs)
{
    PyrtObject *prep = PyrtType_IsSubtype(meta->type, &PyrtType_Type)
                       ? Pyrt_LookupTypeStr((PyrtType *)meta, "__prepare__") : NULL;
    if (!prep)
        return PyrtDict_New();
    PyrtObject *fn = Pyrt_GetAttrStr(meta, "__prepare__");   /* (bound: a classmethod) */
    if (!fn)
        return NULL;
    int64_t nkw = kwargs ? PyrtDict_Size(kwargs) : 0;
    PyrtObject **argv = Pyrt_Malloc((size_t)(2 + nkw) * sizeof(PyrtObject *));
    PyrtObject *kwnames = nkw ? PyrtTuple_New(nkw) : NULL;
    PyrtObject *r = NULL;
    if (argv && (!nkw || kwnames)) {
        argv[0] = name;
        argv[1] = bases;
        int64_t pos = 0, i = 0;
        PyrtObject *k, *v;
        while (kwargs && PyrtDict_Next(kwargs, &pos, &k, &v)) {
            argv[2 + i] = v;
            Pyrt_IncRef(k);
            PyrtTuple_SetNew_Steal(kwnames, i++, k);
        }
        r = Pyrt_Call(fn, argv, 2, kwnames);
    }
    Pyrt_Free(argv);
    Pyrt_XDecRef(kwnames);
    PYRT_DECREF(fn);
    return r;
}

/* ns[name] = v in a class body (ns: what __prepare__ returned) */
int PyrtClass_NsSet(PyrtObject *ns, const char *name, PyrtObject *v)
{
    if (ns->type == &PyrtType_Dict)
        return PyrtDict_SetItemStr(ns, name, v);
    PyrtObject *k = PyrtStr_FromCString(name);
    int rc = k ? Pyrt_SetItem(ns, k, v) : -1;
    Pyrt_XDecRef(k);
    return rc;
}

/* ns[name] in a class body: NameError when absent */
PyrtObject *PyrtClass_NsGet(PyrtObject *ns, const char *name)
{
    if (ns->type == &PyrtType_Dict) {
        PyrtObject *v = PyrtDict_GetItemStr(ns, name);
        if (!v)
            return Pyrt_ErrNameError(name);
        Pyrt_IncRef(v);
        return v;
    }
    PyrtObject *k = PyrtStr_FromCString(name);
    PyrtObject *v = k ? Pyrt_GetItem(ns, k) : NULL;
    Pyrt_XDecRef(k);
    if (!v && Pyrt_ErrMatches((PyrtObject *)&PyrtType_KeyError) == 1) {
        Pyrt_ErrClear();
        return Pyrt_ErrNameError(name);
    }
    return v;
}

/* name's value in a class body's namespace (new reference), or NULL with no error set when the namespace
 * has none (the body then reads the module's global or the builtin: CPython's LOAD_NAME); NULL with an
 * error when a __prepare__ mapping raised something other than KeyError */
PyrtObject *PyrtClass_NsLookup(PyrtObject *ns, const char *name)
{
    PyrtObject *v;
    if (ns->type == &PyrtType_Dict) {
        v = PyrtDict_GetItemStr(ns, name);
        if (v)
            Pyrt_IncRef(v);
        return v;
    }
    PyrtObject *k = PyrtStr_FromCString(name);
    v = k ? Pyrt_GetItem(ns, k) : NULL;
    Pyrt_XDecRef(k);
    if (!v && Pyrt_ErrMatches((PyrtObject *)&PyrtType_KeyError) == 1)
        Pyrt_ErrClear();
    return v;
}

/* type.__new__(meta, name, bases, namespace, **kwargs): a class made at run time. Its layout is the
 * pending compiled one, or else its best base's (attributes of its own go to the instance dict). */
static PyrtObject *type_new(PyrtObject *metao, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (nargs != 3)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "type.__new__() takes exactly 3 arguments (%lld given)",
                              (long long)nargs);
    PyrtObject *name = args[0], *bases = args[1], *ns = args[2];
    if (!PyrtType_IsSubtype(metao->type, &PyrtType_Type) || !PyrtType_IsSubtype((PyrtType *)metao, &PyrtType_Type))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "type.__new__(X): X is not a type object (%s)", metao->type->name);
    if (!PyrtStr_Check(name))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "type.__new__() argument 1 must be str, not %s", name->type->name);
    if (!PyrtTuple_Check(bases))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "type.__new__() argument 2 must be tuple, not %s", bases->type->name);
    if (!PyrtDict_Check(ns))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "type.__new__() argument 3 must be dict, not %s", ns->type->name);
    PyrtTuple *bt = (PyrtTuple *)bases;
    for (int64_t i = 0; i < bt->length; i++)
        if (!PyrtType_IsSubtype(bt->items[i]->type, &PyrtType_Type))
            return Pyrt_ErrFormat(&PyrtType_TypeError, "bases must be types");
    PyrtType *meta = calculate_meta((PyrtType *)metao, bases);
    if (!meta)
        return NULL;
    PyrtObject *objbase = (PyrtObject *)&PyrtType_Object;
    PyrtObject *allb = bt->length ? bases : PyrtTuple_FromArray(&objbase, 1);
    if (!allb)
        return NULL;
    if (!bt->length)
        bt = (PyrtTuple *)allb;
    else
        Pyrt_IncRef(allb);
    PyrtType *base;
    int64_t size;
    const PyrtField *fields;
    if (pending_spec.set) {
        pending_spec.set = false;
        base = pending_spec.base;
        size = pending_spec.basicsize;
        fields = pending_spec.fields;
    } else {   /* the base with the largest layout (CPython's "best base", simplified) */
        base = (PyrtType *)bt->items[0];
        for (int64_t i = 1; i < bt->length; i++)
            if (((PyrtType *)bt->items[i])->basicsize > base->basicsize)
                base = (PyrtType *)bt->items[i];
        size = base->basicsize;
        fields = base->fields;
    }
    PyrtObject *dict = PyrtDict_Copy(ns);
    char *cname = dup_utf8(name);
    PyrtType *t = NULL;
    const char *module = "__main__";
    PyrtObject *mod = dict ? PyrtDict_GetItemStr(dict, "__module__") : NULL;
    if (mod && PyrtStr_Check(mod))
        module = dup_utf8(mod);
    static const char *const implicit_cm[] = {"__init_subclass__", "__class_getitem__"};
    for (int i = 0; dict && i < 2; i++) {   /* implicitly class methods, and __new__ a static method */
        PyrtObject *f = PyrtDict_GetItemStr(dict, implicit_cm[i]);
        if (f && f->type == &PyrtType_Function) {
            PyrtObject *w = PyrtClassMethod_New(f);
            if (!w || PyrtDict_SetItemStr(dict, implicit_cm[i], w) < 0)
                PYRT_CLEAR(dict);
            Pyrt_XDecRef(w);
        }
    }
    PyrtObject *nf = dict ? PyrtDict_GetItemStr(dict, "__new__") : NULL;
    if (nf && nf->type == &PyrtType_Function) {
        PyrtObject *w = PyrtStaticMethod_New(nf);
        if (!w || PyrtDict_SetItemStr(dict, "__new__", w) < 0)
            PYRT_CLEAR(dict);
        Pyrt_XDecRef(w);
    }
    PyrtObject *qn = dict ? PyrtDict_GetItemStr(dict, "__qualname__") : NULL;
    char *qualname = NULL;
    if (qn && PyrtStr_Check(qn)) {
        qualname = dup_utf8(qn);
        PyrtObject *key = PyrtStr_FromCString("__qualname__");
        if (!key || PyrtDict_DelItem(dict, key) < 0)
            PYRT_CLEAR(dict);
        Pyrt_XDecRef(key);
    }
    if (dict && cname)
        t = PyrtType_NewUser(cname, module, base, size, fields, dict, bt->length > 1 ? allb : NULL);
    Pyrt_XDecRef(dict);
    PYRT_DECREF(allb);
    if (!t)
        return NULL;
    if (qualname)
        t->qualname = qualname;
    PyrtObject *doc = PyrtDict_GetItemStr(t->dict, "__doc__");
    if (doc && PyrtStr_Check(doc))
        t->doc = dup_utf8(doc);
    if (meta != &PyrtType_Type)
        t->ob.type = meta;
    if (finish_class(t, args + nargs, kwnames) < 0)
        return NULL;   /* (the class stays registered, unreachable) */
    return (PyrtObject *)t;
}

static PyrtObject *type_meth_call(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (!PyrtType_IsSubtype(self->type, &PyrtType_Type))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "descriptor '__call__' requires a 'type' object");
    return type_call(self, args, nargs, kwnames);
}

static PyrtObject *type_meth_init(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)self; (void)args; (void)kwnames;
    if (nargs != 1 && nargs != 3)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "type.__init__() takes 1 or 3 arguments");
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

static PyrtObject *type_meth_mro(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args; (void)kwnames;
    if (nargs != 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "mro() takes no arguments (%lld given)", (long long)nargs);
    PyrtObject *l = PyrtList_New(0);
    PyrtType *c;
    PYRT_FOR_MRO(c, (PyrtType *)self) {
        if (l && PyrtList_Append(l, (PyrtObject *)c) < 0)
            PYRT_CLEAR(l);
    }
    return l;
}

static PyrtObject *type_meth_subclasses(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args; (void)kwnames; (void)nargs;
    PyrtObject *l = PyrtList_New(0);
    for (int64_t i = 0; l && i < nuser_types; i++) {
        PyrtType *u = user_types[i];
        bool direct = false;
        if (u->bases) {
            for (int64_t j = 0; j < PyrtTuple_Len(u->bases); j++)
                direct |= ((PyrtTuple *)u->bases)->items[j] == self;
        } else {
            direct = (PyrtObject *)u->base == self;
        }
        if (direct && PyrtList_Append(l, (PyrtObject *)u) < 0)
            PYRT_CLEAR(l);
    }
    return l;
}

/* type.__setattr__(cls, name, v) / type.__delattr__(cls, name) (super() in a metaclass reaches them) */
static PyrtObject *type_meth_setattr(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_NoKw("__setattr__", kwnames) < 0 || PyrtCont_ArgRange("__setattr__", nargs, 2, 2) < 0)
        return NULL;
    if (!PyrtStr_Check(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "attribute name must be string, not '%s'", args[0]->type->name);
    return type_setattr(self, args[0], args[1]) < 0 ? NULL : Pyrt_None;
}

/* type.__getattribute__(cls, name): the class's own lookup (a metaclass's __getattribute__ reaches it
 * through super(): typing's _DeprecatedType) */
static PyrtObject *type_meth_getattribute(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                          PyrtObject *kwnames)
{
    if (PyrtCont_NoKw("__getattribute__", kwnames) < 0 || PyrtCont_ArgRange("__getattribute__", nargs, 1, 1) < 0)
        return NULL;
    if (!PyrtStr_Check(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "attribute name must be string, not '%s'", args[0]->type->name);
    return type_getattr(self, args[0]);
}

static PyrtObject *type_meth_delattr(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_NoKw("__delattr__", kwnames) < 0 || PyrtCont_ArgRange("__delattr__", nargs, 1, 1) < 0)
        return NULL;
    if (!PyrtStr_Check(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "attribute name must be string, not '%s'", args[0]->type->name);
    return type_setattr(self, args[0], NULL) < 0 ? NULL : Pyrt_None;
}

static const PyrtMethodDef type_methods[] = {
    {"__new__", type_new},
    {"__setattr__", type_meth_setattr},
    {"__getattribute__", type_meth_getattribute},
    {"__delattr__", type_meth_delattr},
    {"__call__", type_meth_call},
    {"__init__", type_meth_init},
    {"mro", type_meth_mro},
    {"__subclasses__", type_meth_subclasses},
    {NULL, NULL},
};

/* f.__get__(obj, type=None) for functions, static and class methods and properties (what CPython's
 * descriptors have: enum tells descriptors from members by it) */
static PyrtObject *descr_meth_get(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_NoKw("__get__", kwnames) < 0 || PyrtCont_ArgRange("__get__", nargs, 1, 2) < 0)
        return NULL;
    PyrtObject *obj = args[0] == Pyrt_None ? NULL : args[0];
    PyrtObject *type = nargs > 1 && args[1] != Pyrt_None ? args[1] : NULL;
    if (!obj && !type)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "__get__(None, None) is invalid");
    PyrtType *t = self->type;
    if (TYPE_IS_KIND(t, PyrtType_StaticMethod)) {
        Pyrt_IncRef(((PyrtStaticMethod *)self)->func);
        return ((PyrtStaticMethod *)self)->func;
    }
    if (TYPE_IS_KIND(t, PyrtType_ClassMethod))
        return PyrtMethod_New(((PyrtStaticMethod *)self)->func, type ? type : (PyrtObject *)obj->type);
    if (!obj) {
        Pyrt_IncRef(self);
        return self;
    }
    if (TYPE_IS_KIND(t, PyrtType_Property))
        return property_get(self, obj, "?");
    return PyrtMethod_New(self, obj);
}

static PyrtObject *property_meth_set(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_NoKw("__set__", kwnames) < 0 || PyrtCont_ArgRange("__set__", nargs, 2, 2) < 0)
        return NULL;
    return property_set(self, args[0], "?", args[1]) < 0 ? NULL : Pyrt_None;
}

static PyrtObject *property_meth_delete(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_NoKw("__delete__", kwnames) < 0 || PyrtCont_ArgRange("__delete__", nargs, 1, 1) < 0)
        return NULL;
    return property_set(self, args[0], "?", NULL) < 0 ? NULL : Pyrt_None;
}

void pyrt_lazy_methods_type(void)
{
    static const PyrtMethodDef property_methods_all[] = {
        {"__init__", PyrtBuiltin_meth___init__}, {"getter", PyrtProperty_meth_getter},
        {"setter", PyrtProperty_meth_setter}, {"deleter", PyrtProperty_meth_deleter},
        {"__get__", descr_meth_get}, {"__set__", property_meth_set}, {"__delete__", property_meth_delete},
        {NULL, NULL},
    };
    PyrtType_Property.methods = property_methods_all;
    static const PyrtMethodDef function_methods[] = {{"__get__", descr_meth_get}, {NULL, NULL}};
    PyrtType_Function.methods = function_methods;
    static const PyrtMethodDef wrapper_methods[] = {{"__init__", PyrtBuiltin_meth___init__},
                                                    {"__get__", descr_meth_get}, {NULL, NULL}};
    PyrtType_ClassMethod.methods = wrapper_methods;
    PyrtType_StaticMethod.methods = wrapper_methods;
    PyrtType_Type.methods = type_methods;
    PyrtType_MappingProxy.methods = mappingproxy_methods;
}
void pyrt_lazy_getattr_type(void)
{
    PyrtType_Type.getattr = type_getattr;
    PyrtType_BuiltinFunction.getattr = builtin_getattr;
    PyrtType_Function.getattr = function_getattr;
    PyrtType_Method.getattr = method_getattr;
    PyrtType_StaticMethod.getattr = wrapper_getattr;
    PyrtType_ClassMethod.getattr = wrapper_getattr;
    PyrtType_Property.getattr = property_getattr;
    PyrtType_Property.setattr = property_setattr;
    PyrtType_Super.getattr = super_getattr;
}
void pyrt_lazy_setattr_type(void)
{
    PyrtType_Type.setattr = type_setattr;
    PyrtType_Function.setattr = function_setattr;
}
void pyrt_lazy_tp_new_type(void)
{
    PyrtType_Type.tp_new = type_tp_new;
    PyrtType_StaticMethod.tp_new = wrapper_tp_new;
    PyrtType_ClassMethod.tp_new = wrapper_tp_new;
    PyrtType_Property.tp_new = property_tp_new;
    PyrtType_Super.tp_new = super_tp_new;
}
void pyrt_lazy_call_type(void)
{
    PyrtType_Type.call = type_call;
    PyrtType_BuiltinFunction.call = builtin_call;
    PyrtType_Function.call = function_call;
    PyrtType_Method.call = method_call;
    PyrtType_StaticMethod.call = staticmethod_call;
}

/* CPython's update_bases in __build_class__: a base that is not a class but has __mro_entries__
 * (typing's Generic[T], Protocol[T]) is replaced by what that returns. A new reference: bases itself
 * when nothing changed. */
PyrtObject *PyrtClass_ResolveBases(PyrtObject *bases)
{
    PyrtTuple *bt = (PyrtTuple *)bases;
    PyrtObject *out = NULL;   /* a list, once some base is replaced */
    for (int64_t i = 0; i < bt->length; i++) {
        PyrtObject *b = bt->items[i];
        /* (an attribute of the object itself, as CPython looks it up: typing's NamedTuple is a function
         * carrying __mro_entries__) */
        PyrtObject *m = NULL;
        if (!PyrtType_IsSubtype(b->type, &PyrtType_Type)) {
            m = Pyrt_GetAttrStr(b, "__mro_entries__");
            if (!m) {
                if (!Pyrt_ErrMatches((PyrtObject *)&PyrtType_AttributeError))
                    goto fail;
                Pyrt_ErrClear();
            }
        }
        if (!m) {
            if (out && PyrtList_Append(out, b) < 0)
                goto fail;
            continue;
        }
        if (!out) {
            out = PyrtList_New(0);
            if (!out) {
                Pyrt_DecRef(m);
                return NULL;
            }
            for (int64_t j = 0; j < i; j++)
                if (PyrtList_Append(out, bt->items[j]) < 0) {
                    Pyrt_DecRef(m);
                    goto fail;
                }
        }
        PyrtObject *argv[1] = { bases };
        PyrtObject *r = Pyrt_Call(m, argv, 1, NULL);
        Pyrt_DecRef(m);
        if (!r)
            goto fail;
        if (!PyrtTuple_Check(r)) {
            Pyrt_DecRef(r);
            Pyrt_ErrSetString(&PyrtType_TypeError, "__mro_entries__ must return a tuple");
            goto fail;
        }
        int rc = PyrtList_Extend(out, r);
        Pyrt_DecRef(r);
        if (rc < 0)
            goto fail;
    }
    if (!out) {
        Pyrt_IncRef(bases);
        return bases;
    }
    PyrtObject *t = PyrtTuple_FromIterable(out);
    Pyrt_DecRef(out);
    return t;
  fail:
    Pyrt_XDecRef(out);
    return NULL;
}

/* the namespace's __orig_bases__ when __mro_entries__ replaced some base (as CPython's) */
int PyrtClass_SetOrigBases(PyrtObject *ns, PyrtObject *orig, PyrtObject *resolved)
{
    if (orig == resolved)
        return 0;
    return PyrtClass_NsSet(ns, "__orig_bases__", orig);
}
