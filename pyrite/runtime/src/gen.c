/* gen.c: generator objects. A compiled generator is a resumable C function (a state machine over
 * its frame struct, no setjmp); this file drives it: next()/send()/throw()/close() with CPython's
 * rules and messages (StopIteration carrying the return value, "generator already executing",
 * StopIteration raised inside a generator becoming RuntimeError, GeneratorExit on close), and
 * Pyrt_IterSend for `yield from` and for-loops. To throw into a generator the runtime sets
 * pyrt_exc and calls resume(g, NULL): the generated code must then raise it at its yield point. */
#include "pyrt.h"

#define GEN(o) ((PyrtGenerator *)(o))

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
        return Pyrt_ErrSetString(&PyrtType_ValueError, "generator already executing");
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
        Pyrt_ErrSetString(&PyrtType_RuntimeError, "generator raised StopIteration");
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
        return Pyrt_ErrSetString(&PyrtType_RuntimeError, "generator ignored GeneratorExit");
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
    return Pyrt_StrFormat("<generator object %s at %p>", GEN(o)->name, (void *)o);
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
        if (it->type == &PyrtType_Generator) {
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
    if (it->type == &PyrtType_Generator) {
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
    if (iter->type == &PyrtType_Generator) {
        PyrtGenerator *g = GEN(iter);
        r = g->state == -1 && !g->running ? NULL : gen_send_value(g, value);
        if (r || Pyrt_ErrOccurred())
            return r;
        *retval = g->retval && g->state == -1 ? g->retval : Pyrt_None;
        Pyrt_IncRef(*retval);
        return NULL;
    }
    if (value == Pyrt_None) {
        r = Pyrt_IterNext(iter);
        if (r || Pyrt_ErrOccurred())
            return r;
        *retval = Pyrt_None;
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

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_gen(void)
{
    PyrtType_Generator.methods = gen_methods;
}
