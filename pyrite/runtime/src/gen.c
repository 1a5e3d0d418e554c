/* gen.c: generator objects. A compiled generator is a resumable C function (a state machine over
 * its frame struct, no setjmp); this file drives it: next()/send()/throw()/close() with CPython's
 * rules and messages (StopIteration carrying the return value, "generator already executing",
 * StopIteration raised inside a generator becoming RuntimeError, GeneratorExit on close), and
 * Pyrt_IterSend for `yield from` and for-loops. To throw into a generator the runtime sets
 * pyrt_exc and calls resume(g, NULL): the generated code must then raise it at its yield point. */
#include "pyrt.h"
#include "pyrt_num.h"

#define GEN(o) ((PyrtGenerator *)(o))
/* generators, coroutines and async generators (one machinery; the type differs) */
#define IS_GEN(o) (((PyrtObject *)(o))->type->flags & PYRT_TPFLAG_GENERATOR)
#define KIND(g) (((PyrtObject *)(g))->type->name)   /* "generator", "coroutine", "async_generator" */
typedef struct { PyrtObject ob; PyrtObject *coro; } CoroWrapper;   /* coroutine.__await__() */
PyrtType PyrtType_CoroWrapper;

static void gen_close_dropping(PyrtObject *o);

PyrtObject *PyrtGen_New(const char *name, PyrtGenResume resume, void (*clear)(PyrtGenerator *),
                        void (*traverse)(PyrtGenerator *, void (*)(PyrtObject *, void *), void *), void *frame)
{
    pyrt_gc_close_generator = gen_close_dropping;
    PyrtGenerator *g = (PyrtGenerator *)Pyrt_Alloc(&PyrtType_Generator, sizeof(PyrtGenerator));
    if (!g) {
        Pyrt_Free(frame);
        return NULL;
    }
    g->resume = resume;
    g->clear = clear;
    g->traverse = traverse;
    g->frame = frame;
    g->name = name;
    return &g->ob;
}

/* Finished: release the frame's references and memory right away (like CPython's frame). */
static void gen_finish(PyrtGenerator *g)
{
    g->state = -1;
    if (g->frame) {
        if (g->clear)
            g->clear(g);
        Pyrt_Free(g->frame);
        g->frame = NULL;
    }
}

/* Run the generator to its next yield. Returns the yielded value; NULL + no exception when it
 * returned (value in g->retval); NULL + exception when it raised. A thrown exception is passed in
 * pyrt_exc. */
static PyrtObject *gen_resume(PyrtGenerator *g, PyrtObject *sent)
{
    if (g->running)
        return Pyrt_ErrFormat(&PyrtType_ValueError, "%s already executing", KIND(g));
    if (g->state == -1)
        return NULL;
    g->running = 1;
    PyrtObject *r = g->resume(g, sent);
    g->running = 0;
    if (r)
        return r;
    gen_finish(g);
    if (Pyrt_ErrOccurred() && Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopIteration) == 1) {
        PyrtObject *stop = Pyrt_ErrFetch();
        Pyrt_ErrFormat(&PyrtType_RuntimeError, "%s raised StopIteration", KIND(g));
        if (pyrt_exc) {
            PyrtBaseException *e = (PyrtBaseException *)pyrt_exc;
            PYRT_CLEAR(e->cause);
            e->cause = stop;
            e->suppress_context = 1;
            stop = NULL;
        }
        PYRT_XDECREF(stop);
    }
    return NULL;
}

/* StopIteration(value) for a generator that returned (no args when it returned None). */
static PyrtObject *raise_stop(PyrtGenerator *g)
{
    PyrtObject *v = g->retval;
    if (!v || v == Pyrt_None)
        return Pyrt_ErrSetNone(&PyrtType_StopIteration);
    return Pyrt_ErrSetObject(&PyrtType_StopIteration, v);
}

static PyrtObject *gen_send_value(PyrtGenerator *g, PyrtObject *value)
{
    if (g->state == 0 && value != Pyrt_None && !g->running)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "can't send non-None value to a just-started generator");
    return gen_resume(g, value);
}

PyrtObject *PyrtGen_Send(PyrtObject *gen, PyrtObject *value)
{
    PyrtGenerator *g = GEN(gen);
    if (g->state == -1 && !g->running && gen->type == &PyrtType_Coroutine)
        return Pyrt_ErrSetString(&PyrtType_RuntimeError, "cannot reuse already awaited coroutine");
    if (g->state == -1 && !g->running)
        return Pyrt_ErrSetNone(&PyrtType_StopIteration);
    PyrtObject *r = gen_send_value(g, value);
    if (r || Pyrt_ErrOccurred())
        return r;
    return raise_stop(g);
}

/* Raise exc (stolen) inside the generator at its current yield. */
static PyrtObject *gen_throw(PyrtGenerator *g, PyrtObject *exc)
{
    if (g->running) {
        PYRT_DECREF(exc);
        return Pyrt_ErrSetString(&PyrtType_ValueError, "generator already executing");
    }
    if (g->state <= 0) {   /* not started or finished: the exception just propagates */
        gen_finish(g);
        Pyrt_ErrRestore(exc);
        return NULL;
    }
    Pyrt_ErrRestore(exc);
    return gen_resume(g, NULL);
}

static PyrtObject *gen_close(PyrtGenerator *g)
{
    if (g->state <= 0) {
        gen_finish(g);
        return Pyrt_None;
    }
    PyrtObject *exit = PyrtExc_New(&PyrtType_GeneratorExit, NULL, 0);
    if (!exit)
        return NULL;
    PyrtObject *r = gen_throw(g, exit);
    if (r) {
        PYRT_DECREF(r);
        return Pyrt_ErrFormat(&PyrtType_RuntimeError, "%s ignored GeneratorExit", KIND(g));
    }
    if (!Pyrt_ErrOccurred())
        return Pyrt_None;
    if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_GeneratorExit) == 1 ||
        Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopIteration) == 1) {
        Pyrt_ErrClear();
        return Pyrt_None;
    }
    return NULL;
}

/* the frame's references, unless it runs (then its registers are changing: reported as none, which
 * only keeps what they hold alive) */
static void gen_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg)
{
    PyrtGenerator *g = GEN(o);
    visit(g->retval, arg);
    if (g->frame && g->traverse && !g->running)
        g->traverse(g, visit, arg);
}

/* close() a suspended generator, dropping what it raises (the cycle collector's finalizer for it) */
static void gen_close_dropping(PyrtObject *o)
{
    PyrtGenerator *g = GEN(o);
    if (g->state <= 0 || g->running)
        return;
    PyrtObject *saved = Pyrt_ErrFetch();
    PyrtObject *r = gen_close(g);
    Pyrt_XDecRef(r);
    Pyrt_ErrClear();
    Pyrt_ErrRestore(saved);
}

static void gen_dealloc(PyrtObject *o)
{
    PyrtGenerator *g = GEN(o);
    if (g->state > 0 && !g->running) {
        /* like CPython: close a suspended generator so its finally blocks run; errors are dropped */
        PyrtObject *saved = Pyrt_ErrFetch();
        o->refcnt = 1;   /* keep it alive while closing */
        PyrtObject *r = gen_close(g);
        Pyrt_XDecRef(r);
        Pyrt_ErrClear();
        Pyrt_ErrRestore(saved);
        o->refcnt = 0;
    }
    gen_finish(g);
    PYRT_CLEAR(g->retval);
}

static PyrtObject *gen_iter(PyrtObject *o)
{
    Pyrt_IncRef(o);
    return o;
}

static PyrtObject *gen_iternext(PyrtObject *o)
{
    PyrtGenerator *g = GEN(o);
    if (g->state == -1 && !g->running)
        return NULL;
    return gen_resume(g, Pyrt_None);
}

static PyrtObject *gen_repr(PyrtObject *o)
{
    return Pyrt_StrFormat("<%s object %s at %p>", KIND(o), GEN(o)->name, (void *)o);
}

PyrtObject *PyrtGen_meth_send(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)kwnames;
    if (nargs != 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "generator.send() takes exactly one argument (%lld given)",
                              (long long)nargs);
    return PyrtGen_Send(self, args[0]);
}

PyrtObject *PyrtGen_meth___next__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                  PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    PyrtObject *r = gen_iternext(self);
    if (r || Pyrt_ErrOccurred())
        return r;
    return Pyrt_ErrSetNone(&PyrtType_StopIteration);
}

PyrtObject *PyrtGen_meth_close(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    return gen_close(GEN(self));
}

static bool is_exc_class(PyrtObject *c)
{
    return c->type == &PyrtType_Type && (((PyrtType *)c)->flags & PYRT_TPFLAG_EXCEPTION);
}

/* throw(type[, value[, tb]]) or throw(instance): the exception instance to raise */
static PyrtObject *throw_exception(PyrtObject *const *args, int64_t nargs)
{
    PyrtObject *typ = args[0], *val = nargs > 1 ? args[1] : Pyrt_None;
    if (is_exc_class(typ)) {
        if (val != Pyrt_None && Pyrt_TypeCheck(val, (PyrtType *)typ)) {
            Pyrt_IncRef(val);
            return val;
        }
        if (val == Pyrt_None)
            return Pyrt_Call(typ, NULL, 0, NULL);
        if (val->type == &PyrtType_Tuple)
            return Pyrt_Call(typ, ((PyrtTuple *)val)->items, PyrtTuple_Len(val), NULL);
        return Pyrt_Call(typ, &val, 1, NULL);
    }
    if (Pyrt_TypeCheck(typ, &PyrtType_BaseException)) {
        if (val != Pyrt_None)
            return Pyrt_ErrSetString(&PyrtType_TypeError, "instance exception may not have a separate value");
        Pyrt_IncRef(typ);
        return typ;
    }
    return Pyrt_ErrFormat(&PyrtType_TypeError,
                          "exceptions must be classes or instances deriving from BaseException, not %s",
                          typ->type->name);
}

PyrtObject *PyrtGen_meth_throw(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)kwnames;
    if (nargs < 1 || nargs > 3)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "throw expected at least 1 argument, got %lld",
                              (long long)nargs);
    PyrtObject *exc = throw_exception(args, nargs);
    if (!exc)
        return NULL;
    PyrtGenerator *g = GEN(self);
    PyrtObject *r = gen_throw(g, exc);
    if (r || Pyrt_ErrOccurred())
        return r;
    return raise_stop(g);
}

static const PyrtMethodDef gen_methods[] = {
    {"send", PyrtGen_meth_send},
    {"throw", PyrtGen_meth_throw},
    {"close", PyrtGen_meth_close},
    {"__next__", PyrtGen_meth___next__},
    {NULL, NULL},
};

PyrtType PyrtType_Generator = {
    .ob = PYRT_TYPE_HEAD, .name = "generator", .base = &PyrtType_Object, .basicsize = sizeof(PyrtGenerator),
    .flags = PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_GC | PYRT_TPFLAG_GENERATOR, .traverse = gen_traverse, .dealloc = gen_dealloc, .repr = gen_repr,
    .iter = gen_iter, .iternext = gen_iternext,
};

/* The generator running `yield from it` was resumed with an exception (pyrt_exc): as PEP 380 says,
 * GeneratorExit first closes the subiterator and then propagates; any other exception is thrown into
 * it. 1: the subiterator yielded *value (new ref: yield it on); 0: it finished, *result its return
 * value (new ref); -1: an exception propagates (set). */
int Pyrt_YieldFromThrow(PyrtObject *it, PyrtObject **value, PyrtObject **result)
{
    *value = *result = NULL;
    PyrtObject *exc = Pyrt_ErrFetch();
    if (!exc)
        return -1;
    if (Pyrt_ExceptionMatches(exc, (PyrtObject *)&PyrtType_GeneratorExit) == 1) {
        PyrtObject *r = NULL;
        if (IS_GEN(it)) {
            r = gen_close(GEN(it));
            Pyrt_XIncRef(r);
        } else {
            PyrtObject *close = Pyrt_GetAttrStr(it, "close");
            if (close) {
                r = Pyrt_Call(close, NULL, 0, NULL);
                Pyrt_DecRef(close);
            } else {
                Pyrt_ErrClear();
                r = Pyrt_None;
            }
        }
        if (!r) {   /* closing it raised: that propagates instead */
            Pyrt_DecRef(exc);
            return -1;
        }
        Pyrt_DecRef(r);
        Pyrt_ErrRestore(exc);
        return -1;
    }
    PyrtObject *r;
    if (IS_GEN(it)) {
        PyrtGenerator *g = GEN(it);
        r = gen_throw(g, exc);
        if (!r && !Pyrt_ErrOccurred()) {   /* it returned */
            *result = g->retval && g->state == -1 ? g->retval : Pyrt_None;
            Pyrt_IncRef(*result);
            return 0;
        }
    } else {
        PyrtObject *thr = Pyrt_GetAttrStr(it, "throw");
        if (!thr) {
            Pyrt_ErrClear();
            Pyrt_ErrRestore(exc);
            return -1;
        }
        r = Pyrt_Call(thr, &exc, 1, NULL);
        Pyrt_DecRef(thr);
        Pyrt_DecRef(exc);
    }
    if (r) {
        *value = r;
        return 1;
    }
    if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopIteration) == 1) {
        PyrtObject *stop = Pyrt_ErrFetch();
        PyrtObject *v = ((PyrtBaseException *)stop)->value;
        *result = v ? v : Pyrt_None;
        Pyrt_IncRef(*result);
        Pyrt_DecRef(stop);
        return 0;
    }
    return -1;
}

PyrtObject *Pyrt_IterSend(PyrtObject *iter, PyrtObject *value, PyrtObject **retval)
{
    *retval = NULL;
    if (!value)
        value = Pyrt_None;
    PyrtObject *r;
    if (iter->type == &PyrtType_CoroWrapper)   /* coro.__await__(): drive the coroutine itself */
        iter = ((CoroWrapper *)iter)->coro;
    if (IS_GEN(iter)) {
        PyrtGenerator *g = GEN(iter);
        if (g->state == -1 && !g->running && iter->type == &PyrtType_Coroutine)
            return Pyrt_ErrSetString(&PyrtType_RuntimeError, "cannot reuse already awaited coroutine");
        r = g->state == -1 && !g->running ? NULL : gen_send_value(g, value);
        if (r || Pyrt_ErrOccurred())
            return r;
        *retval = g->retval && g->state == -1 ? g->retval : Pyrt_None;
        Pyrt_IncRef(*retval);
        return NULL;
    }
    if (value == Pyrt_None) {
        r = Pyrt_IterNext(iter);
        if (r || (Pyrt_ErrOccurred() && Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopIteration) != 1))
            return r;
        if (Pyrt_ErrOccurred()) {   /* (an awaitable's iterator ends with StopIteration(value)) */
            PyrtObject *stop = Pyrt_ErrFetch();
            PyrtObject *v = ((PyrtBaseException *)stop)->value;
            *retval = v ? v : Pyrt_None;
            Pyrt_IncRef(*retval);
            PYRT_DECREF(stop);
            return NULL;
        }
        *retval = Pyrt_None;
        Pyrt_IncRef(*retval);
        return NULL;
    }
    PyrtObject *name = PyrtStr_FromCString("send");
    r = name ? Pyrt_CallMethod(iter, name, &value, 1, NULL) : NULL;
    PYRT_XDECREF(name);
    if (r || Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopIteration) != 1)
        return r;
    PyrtObject *stop = Pyrt_ErrFetch();
    PyrtObject *v = ((PyrtBaseException *)stop)->value;
    *retval = v ? v : Pyrt_None;
    Pyrt_IncRef(*retval);
    PYRT_DECREF(stop);
    return NULL;
}

/* ------------------------------------------------------------------ coroutines (async def) */

PyrtObject *PyrtGen_NewKind(const char *name, PyrtGenResume resume, void (*clear)(PyrtGenerator *),
                            void (*traverse)(PyrtGenerator *, void (*)(PyrtObject *, void *), void *), void *frame,
                            PyrtType *kind)
{
    PyrtObject *g = PyrtGen_New(name, resume, clear, traverse, frame);
    if (g)
        g->type = kind;   /* (same layout: only the methods and messages differ) */
    return g;
}

/* coroutine.__await__(): an iterator driving the coroutine (CPython's coroutine_wrapper) */

static PyrtObject *coro_meth_await(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    CoroWrapper *w = (CoroWrapper *)Pyrt_Alloc(&PyrtType_CoroWrapper, sizeof(CoroWrapper));
    if (!w)
        return NULL;
    Pyrt_IncRef(self);
    w->coro = self;
    return &w->ob;
}
static void corowrapper_dealloc(PyrtObject *o) { PYRT_CLEAR(((CoroWrapper *)o)->coro); }
static void corowrapper_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg)
{
    visit(((CoroWrapper *)o)->coro, arg);
}
static PyrtObject *corowrapper_iternext(PyrtObject *o)
{
    PyrtObject *r = PyrtGen_Send(((CoroWrapper *)o)->coro, Pyrt_None);
    if (!r && Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopIteration) == 1) {
        PyrtObject *stop = Pyrt_ErrFetch();   /* (a plain iterator's end: the value is dropped by next()) */
        PYRT_DECREF(stop);
    }
    return r;
}
static PyrtObject *corowrapper_send(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    return PyrtGen_meth_send(((CoroWrapper *)self)->coro, args, nargs, kwnames);
}
static PyrtObject *corowrapper_throw(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    return PyrtGen_meth_throw(((CoroWrapper *)self)->coro, args, nargs, kwnames);
}
static PyrtObject *corowrapper_close(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    return PyrtGen_meth_close(((CoroWrapper *)self)->coro, args, nargs, kwnames);
}
static const PyrtMethodDef corowrapper_methods[] = {
    {"send", corowrapper_send}, {"throw", corowrapper_throw}, {"close", corowrapper_close}, {NULL, NULL},
};
PyrtType PyrtType_CoroWrapper = {
    .ob = PYRT_TYPE_HEAD, .name = "coroutine_wrapper", .base = &PyrtType_Object, .basicsize = sizeof(CoroWrapper),
    .flags = PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_GC, .traverse = corowrapper_traverse,
    .dealloc = corowrapper_dealloc, .iter = gen_iter, .iternext = corowrapper_iternext,
};

static const PyrtMethodDef coro_methods[] = {
    {"send", PyrtGen_meth_send},
    {"throw", PyrtGen_meth_throw},
    {"close", PyrtGen_meth_close},
    {"__await__", coro_meth_await},
    {NULL, NULL},
};

PyrtType PyrtType_Coroutine = {
    .ob = PYRT_TYPE_HEAD, .name = "coroutine", .base = &PyrtType_Object, .basicsize = sizeof(PyrtGenerator),
    .flags = PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_GC | PYRT_TPFLAG_GENERATOR, .traverse = gen_traverse,
    .dealloc = gen_dealloc, .repr = gen_repr,
};

/* the special method name of o's type, bound to o; NULL (no exception) when the type has none */
static PyrtObject *special(PyrtObject *o, const char *name)
{
    if (!(o->type->flags & PYRT_TPFLAG_USER) || !Pyrt_LookupTypeStr(o->type, name)) {
        if (o->type->flags & PYRT_TPFLAG_USER)
            return NULL;
        PyrtObject *r = Pyrt_GetAttrStr(o, name);   /* a builtin type's own (coroutine.__await__, ...) */
        if (!r)
            Pyrt_ErrClear();
        return r;
    }
    return Pyrt_GetAttrStr(o, name);
}

static PyrtObject *call_special(PyrtObject *o, const char *name, const char *fmt)
{
    PyrtObject *m = special(o, name);
    if (!m)
        return Pyrt_ErrOccurred() ? NULL : Pyrt_ErrFormat(&PyrtType_TypeError, fmt, o->type->name);
    PyrtObject *r = Pyrt_Call(m, NULL, 0, NULL);
    PYRT_DECREF(m);
    return r;
}

/* `await x`: the iterator `yield from` drives: x for a coroutine, else what x.__await__() returns */
PYRT_BUILTIN(__pyrite_await__)
{
    (void)self; (void)nargs; (void)kwnames;
    PyrtObject *x = args[0];
    if (x->type == &PyrtType_Coroutine) {
        Pyrt_IncRef(x);
        return x;
    }
    PyrtObject *it = call_special(x, "__await__", "object %s can't be used in 'await' expression");
    if (!it)
        return NULL;
    if (it->type == &PyrtType_Coroutine) {
        PYRT_DECREF(it);
        return Pyrt_ErrSetString(&PyrtType_TypeError, "__await__() returned a coroutine");
    }
    if (!it->type->iternext) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "__await__() returned non-iterator of type '%s'", it->type->name);
        PYRT_DECREF(it);
        return NULL;
    }
    return it;
}

/* `async for x in it`: it.__aiter__(), then its __anext__() each time */
PYRT_BUILTIN(__pyrite_aiter__)
{
    (void)self; (void)nargs; (void)kwnames;
    PyrtObject *a = call_special(args[0], "__aiter__", "'async for' requires an object with __aiter__ method, got %s");
    if (!a)
        return NULL;
    PyrtObject *n = special(a, "__anext__");
    if (!n) {
        if (!Pyrt_ErrOccurred())
            Pyrt_ErrFormat(&PyrtType_TypeError,
                           "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                           a->type->name);
        PYRT_DECREF(a);
        return NULL;
    }
    PYRT_DECREF(n);
    return a;
}

PYRT_BUILTIN(__pyrite_anext__)
{
    (void)self; (void)nargs; (void)kwnames;
    return call_special(args[0], "__anext__",
                        "'async for' received an object from __aiter__ that does not implement __anext__: %s");
}

/* `async with m`: m's bound __aenter__ and __aexit__ (looked up in that order, as CPython 3.11) */
PYRT_BUILTIN(__pyrite_aenter__)
{
    (void)self; (void)nargs; (void)kwnames;
    PyrtObject *m = special(args[0], "__aenter__");
    if (!m && !Pyrt_ErrOccurred())
        Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object does not support the asynchronous context manager protocol",
                       args[0]->type->name);
    return m;
}

PYRT_BUILTIN(__pyrite_aexit__)
{
    (void)self; (void)nargs; (void)kwnames;
    PyrtObject *m = special(args[0], "__aexit__");
    if (!m && !Pyrt_ErrOccurred())
        Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object does not support the asynchronous context manager protocol "
                       "(missed __aexit__ method)", args[0]->type->name);
    return m;
}

/* aiter(x): x.__aiter__() */
PYRT_BUILTIN(aiter)
{
    (void)self;
    if (PyrtNum_NoKw("aiter", kwnames) < 0 || PyrtNum_NArgs("aiter", nargs, 1, 1) < 0)
        return NULL;
    PyrtObject *a = call_special(args[0], "__aiter__", "'%s' object is not an async iterable");
    if (!a)
        return NULL;
    PyrtObject *n = special(a, "__anext__");
    if (!n) {
        if (!Pyrt_ErrOccurred())
            Pyrt_ErrFormat(&PyrtType_TypeError, "aiter() returned not an async iterator of type '%s'", a->type->name);
        PYRT_DECREF(a);
        return NULL;
    }
    PYRT_DECREF(n);
    return a;
}

/* anext(it, default): an awaitable that ends with default when it.__anext__()'s awaitable raises
 * StopAsyncIteration (CPython's anext_awaitable) */
typedef struct { PyrtObject ob; PyrtObject *wrapped, *dflt; } AnextAwaitable;
PyrtType PyrtType_AnextAwaitable;
static void anext_dealloc(PyrtObject *o)
{
    PYRT_CLEAR(((AnextAwaitable *)o)->wrapped);
    PYRT_CLEAR(((AnextAwaitable *)o)->dflt);
}
static void anext_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg)
{
    if (((AnextAwaitable *)o)->wrapped)
        visit(((AnextAwaitable *)o)->wrapped, arg);
    visit(((AnextAwaitable *)o)->dflt, arg);
}
/* the iterator behind the awaitable the wrapped __anext__() returned, made on first use */
static PyrtObject *anext_iter(AnextAwaitable *a)
{
    PyrtObject *w = a->wrapped;
    if (w->type == &PyrtType_Coroutine || w->type->iternext)
        return w;
    PyrtObject *it = Pyrt_builtin___pyrite_await__(NULL, &w, 1, NULL);
    if (!it)
        return NULL;
    a->wrapped = it;
    PYRT_DECREF(w);
    return it;
}
static PyrtObject *anext_result(AnextAwaitable *a, PyrtObject *r)
{
    if (!r && Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopAsyncIteration) == 1) {
        Pyrt_ErrClear();
        Pyrt_ErrSetObject(&PyrtType_StopIteration, a->dflt);
    }
    return r;
}
static PyrtObject *anext_send_value(AnextAwaitable *a, PyrtObject *v)
{
    PyrtObject *it = anext_iter(a);
    if (!it)
        return NULL;
    PyrtObject *ret = NULL;
    PyrtObject *r = Pyrt_IterSend(it, v, &ret);
    if (!r && !Pyrt_ErrOccurred()) {   /* it finished: the await of anext() gives its value */
        Pyrt_ErrSetObject(&PyrtType_StopIteration, ret ? ret : Pyrt_None);
        Pyrt_XDecRef(ret);
        return NULL;
    }
    return anext_result(a, r);
}
static PyrtObject *anext_iternext(PyrtObject *o) { return anext_send_value((AnextAwaitable *)o, Pyrt_None); }
static PyrtObject *anext_meth_send(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)kwnames;
    if (nargs != 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "send() takes exactly one argument (%lld given)", (long long)nargs);
    return anext_send_value((AnextAwaitable *)self, args[0]);
}
static PyrtObject *anext_meth_throw(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    AnextAwaitable *a = (AnextAwaitable *)self;
    PyrtObject *it = anext_iter(a);
    if (!it)
        return NULL;
    PyrtObject *f = Pyrt_GetAttrStr(it, "throw");
    if (!f)
        return NULL;
    PyrtObject *r = Pyrt_Call(f, args, nargs, kwnames);
    PYRT_DECREF(f);
    return anext_result(a, r);
}
static PyrtObject *anext_meth_self(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    Pyrt_IncRef(self);
    return self;
}
static const PyrtMethodDef anext_methods[] = {
    {"send", anext_meth_send}, {"throw", anext_meth_throw}, {"__await__", anext_meth_self}, {NULL, NULL},
};
PyrtType PyrtType_AnextAwaitable = {
    .ob = PYRT_TYPE_HEAD, .name = "anext_awaitable", .base = &PyrtType_Object, .basicsize = sizeof(AnextAwaitable),
    .flags = PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_GC, .traverse = anext_traverse, .dealloc = anext_dealloc,
    .iter = gen_iter, .iternext = anext_iternext,
};

/* anext(it[, default]) */
PYRT_BUILTIN(anext)
{
    (void)self;
    if (PyrtNum_NoKw("anext", kwnames) < 0 || PyrtNum_NArgs("anext", nargs, 1, 2) < 0)
        return NULL;
    PyrtObject *m = special(args[0], "__anext__");
    if (!m)
        return Pyrt_ErrOccurred() ? NULL
                                  : Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object is not an async iterator",
                                                   args[0]->type->name);
    PyrtObject *aw = Pyrt_Call(m, NULL, 0, NULL);
    PYRT_DECREF(m);
    if (!aw || nargs == 1)
        return aw;
    AnextAwaitable *a = (AnextAwaitable *)Pyrt_Alloc(&PyrtType_AnextAwaitable, sizeof(AnextAwaitable));
    if (!a) {
        PYRT_DECREF(aw);
        return NULL;
    }
    a->wrapped = aw;
    Pyrt_IncRef(args[1]);
    a->dflt = args[1];
    return &a->ob;
}

/* ------------------------------------------------------------------ async generators
 * An async generator's body yields two kinds of values: what its awaits pass up to the event loop,
 * and its own `yield v`, which the compiler wraps (__pyrite_agwrap__) so that the awaitable of
 * __anext__()/asend() can tell them apart: a wrapped value ends that await with v (StopIteration(v)),
 * the others go on up; the body returning ends the iteration (StopAsyncIteration). */
typedef struct { PyrtObject ob; PyrtObject *value; } AgWrapped;
PyrtType PyrtType_AgWrapped;
static void agwrapped_dealloc(PyrtObject *o) { PYRT_CLEAR(((AgWrapped *)o)->value); }
PyrtType PyrtType_AgWrapped = {
    .ob = PYRT_TYPE_HEAD, .name = "async_generator_wrapped_value", .base = &PyrtType_Object,
    .basicsize = sizeof(AgWrapped), .flags = PYRT_TPFLAG_NOSUBCLASS, .dealloc = agwrapped_dealloc,
};

PYRT_BUILTIN(__pyrite_agwrap__)
{
    (void)self; (void)nargs; (void)kwnames;
    AgWrapped *w = (AgWrapped *)Pyrt_Alloc(&PyrtType_AgWrapped, sizeof(AgWrapped));
    if (!w)
        return NULL;
    Pyrt_IncRef(args[0]);
    w->value = args[0];
    return &w->ob;
}

/* the awaitable of asend(v) / __anext__() / athrow(...) / aclose() */
typedef struct { PyrtObject ob; PyrtObject *agen; PyrtObject *value; PyrtObject *exc; int mode; int state; } AgSend;
enum { AG_SEND, AG_THROW, AG_CLOSE };
PyrtType PyrtType_AgSend;

static PyrtObject *agsend_new(PyrtObject *agen, PyrtObject *value, PyrtObject *exc, int mode)
{
    AgSend *a = (AgSend *)Pyrt_Alloc(&PyrtType_AgSend, sizeof(AgSend));
    if (!a) {
        Pyrt_XDecRef(exc);
        return NULL;
    }
    Pyrt_IncRef(agen);
    a->agen = agen;
    Pyrt_XIncRef(value);
    a->value = value;
    a->exc = exc;
    a->mode = mode;
    return &a->ob;
}
static void agsend_dealloc(PyrtObject *o)
{
    AgSend *a = (AgSend *)o;
    PYRT_CLEAR(a->agen);
    PYRT_CLEAR(a->value);
    PYRT_CLEAR(a->exc);
}
static void agsend_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg)
{
    AgSend *a = (AgSend *)o;
    visit(a->agen, arg);
    if (a->value)
        visit(a->value, arg);
    if (a->exc)
        visit(a->exc, arg);
}

/* what the async generator's step r (NULL: it returned or raised) means for the awaiting code */
static PyrtObject *ag_unwrap(AgSend *a, PyrtObject *r)
{
    PyrtGenerator *g = GEN(a->agen);
    if (r && r->type == &PyrtType_AgWrapped) {
        a->state = 2;
        PyrtObject *v = ((AgWrapped *)r)->value;
        if (a->mode == AG_CLOSE) {
            PYRT_DECREF(r);
            return Pyrt_ErrSetString(&PyrtType_RuntimeError, "async generator ignored GeneratorExit");
        }
        Pyrt_ErrSetObject(&PyrtType_StopIteration, v);   /* the await of __anext__() gives v */
        PYRT_DECREF(r);
        return NULL;
    }
    if (r)
        return r;   /* an await inside the body: up to the event loop */
    a->state = 2;
    if (Pyrt_ErrOccurred()) {
        if (a->mode == AG_CLOSE && (Pyrt_ErrMatches((PyrtObject *)&PyrtType_GeneratorExit) == 1 ||
                                    Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopAsyncIteration) == 1)) {
            Pyrt_ErrClear();
            return Pyrt_ErrSetNone(&PyrtType_StopIteration);
        }
        if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_StopAsyncIteration) == 1) {
            PyrtObject *e = Pyrt_ErrFetch();
            Pyrt_ErrSetString(&PyrtType_RuntimeError, "async generator raised StopAsyncIteration");
            PYRT_DECREF(e);
        }
        return NULL;
    }
    (void)g;
    if (a->mode == AG_CLOSE)
        return Pyrt_ErrSetNone(&PyrtType_StopIteration);
    return Pyrt_ErrSetNone(&PyrtType_StopAsyncIteration);
}

static PyrtObject *agsend_send_value(AgSend *a, PyrtObject *v)
{
    PyrtGenerator *g = GEN(a->agen);
    if (a->state == 2)
        return Pyrt_ErrSetString(&PyrtType_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (a->state == 0) {
        a->state = 1;
        if (a->mode != AG_SEND) {   /* athrow / aclose: raise at the generator's yield */
            if (g->state == -1 || (g->state == 0 && a->mode == AG_CLOSE)) {
                if (g->state == 0)
                    gen_finish(g);
                a->state = 2;
                if (a->mode == AG_CLOSE)
                    return Pyrt_ErrSetNone(&PyrtType_StopIteration);
                Pyrt_ErrRestore(a->exc);
                a->exc = NULL;
                return NULL;
            }
            PyrtObject *exc = a->exc;
            a->exc = NULL;
            return ag_unwrap(a, gen_throw(g, exc));
        }
        v = a->value ? a->value : v;
        if (g->state == -1)
            return ag_unwrap(a, NULL);
    }
    if (g->state == -1 && !g->running) {
        a->state = 2;
        return Pyrt_ErrSetNone(&PyrtType_StopAsyncIteration);
    }
    return ag_unwrap(a, gen_send_value(g, v ? v : Pyrt_None));
}
static PyrtObject *agsend_iternext(PyrtObject *o)
{
    PyrtObject *r = agsend_send_value((AgSend *)o, Pyrt_None);
    return r;
}
static PyrtObject *agsend_meth_send(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)kwnames;
    if (nargs != 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "send() takes exactly one argument (%lld given)", (long long)nargs);
    return agsend_send_value((AgSend *)self, args[0]);
}
static PyrtObject *agsend_meth_throw(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)kwnames;
    AgSend *a = (AgSend *)self;
    if (nargs < 1 || nargs > 3)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "throw expected at least 1 argument, got %lld", (long long)nargs);
    PyrtObject *exc = throw_exception(args, nargs);
    if (!exc)
        return NULL;
    a->state = 1;
    return ag_unwrap(a, gen_throw(GEN(a->agen), exc));
}
static PyrtObject *agsend_meth_close(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    ((AgSend *)self)->state = 2;
    return Pyrt_None;
}
static PyrtObject *agen_meth_aiter(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
static const PyrtMethodDef agsend_methods[] = {
    {"send", agsend_meth_send}, {"throw", agsend_meth_throw}, {"close", agsend_meth_close},
    {"__await__", agen_meth_aiter},   /* (returns itself, an iterator) */
    {NULL, NULL},
};
PyrtType PyrtType_AgSend = {
    .ob = PYRT_TYPE_HEAD, .name = "async_generator_asend", .base = &PyrtType_Object, .basicsize = sizeof(AgSend),
    .flags = PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_GC, .traverse = agsend_traverse, .dealloc = agsend_dealloc,
    .iter = gen_iter, .iternext = agsend_iternext,
};

static PyrtObject *agen_meth_aiter(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    Pyrt_IncRef(self);
    return self;
}
static PyrtObject *agen_meth_anext(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    return agsend_new(self, NULL, NULL, AG_SEND);
}
static PyrtObject *agen_meth_asend(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)kwnames;
    if (nargs != 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "async_generator.asend() takes exactly one argument (%lld given)",
                              (long long)nargs);
    return agsend_new(self, args[0], NULL, AG_SEND);
}
static PyrtObject *agen_meth_athrow(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)kwnames;
    if (nargs < 1 || nargs > 3)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "athrow expected at least 1 argument, got %lld", (long long)nargs);
    PyrtObject *exc = throw_exception(args, nargs);
    return exc ? agsend_new(self, NULL, exc, AG_THROW) : NULL;
}
static PyrtObject *agen_meth_aclose(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    PyrtObject *exit = PyrtExc_New(&PyrtType_GeneratorExit, NULL, 0);
    return exit ? agsend_new(self, NULL, exit, AG_CLOSE) : NULL;
}
static const PyrtMethodDef agen_methods[] = {
    {"__aiter__", agen_meth_aiter}, {"__anext__", agen_meth_anext}, {"asend", agen_meth_asend},
    {"athrow", agen_meth_athrow}, {"aclose", agen_meth_aclose}, {NULL, NULL},
};
PyrtType PyrtType_AsyncGenerator = {
    .ob = PYRT_TYPE_HEAD, .name = "async_generator", .base = &PyrtType_Object, .basicsize = sizeof(PyrtGenerator),
    .flags = PYRT_TPFLAG_NOSUBCLASS | PYRT_TPFLAG_GC | PYRT_TPFLAG_GENERATOR, .traverse = gen_traverse,
    .dealloc = gen_dealloc, .repr = gen_repr,
};

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_gen(void)
{
    PyrtType_Generator.methods = gen_methods;
    PyrtType_Coroutine.methods = coro_methods;
    PyrtType_CoroWrapper.methods = corowrapper_methods;
    PyrtType_AsyncGenerator.methods = agen_methods;
    PyrtType_AgSend.methods = agsend_methods;
    PyrtType_AnextAwaitable.methods = anext_methods;
}
