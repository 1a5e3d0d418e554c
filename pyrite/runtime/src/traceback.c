/* traceback.c: CPython's traceback, frame and code objects, made from an exception's traceback
 * entries (exc.c: {file, func, line} appended as the exception leaves or is caught by each
 * compiled function, innermost first) the first time `e.__traceback__` or sys.exc_info()[2] is
 * read, and cached on the exception, so exceptions nobody inspects cost nothing more.
 *
 * The chain is CPython's: its head is the outermost frame reached (the one that caught the
 * exception), tb_next goes inward to the frame that raised. Entries added after a read (the
 * exception propagated further) become new heads whose innermost tb_next is the cached chain.
 *
 * What a compiled program has no data for: tb_lasti is -1 (so traceback.py's _get_code_position
 * gives no column positions: no ^^^ carets), frames have empty f_locals dicts (f_globals: the
 * globals of the compiled module whose file the frame is in, when that module is registered), the
 * outermost frame's f_back is None, code objects have only co_filename, co_name, co_qualname and
 * co_firstlineno (the traceback line), and co_positions() yields (line, line, None, None). */
#include "pyrt.h"
#include <stdlib.h>
#include <string.h>

typedef struct { PyrtObject ob; PyrtObject *filename, *name; int32_t line; } TbCode;
typedef struct { PyrtObject ob; PyrtObject *code, *back, *globals, *locals; int32_t line; } TbFrame;
typedef struct { PyrtObject ob; PyrtObject *frame, *next; int32_t line; } TbTrace;

static PyrtObject *tb_getattr(PyrtObject *o, PyrtObject *name);
static PyrtObject *frame_getattr(PyrtObject *o, PyrtObject *name);
static PyrtObject *code_getattr(PyrtObject *o, PyrtObject *name);
static PyrtObject *tb_repr(PyrtObject *o);
static int tb_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v);
static PyrtObject *frame_repr(PyrtObject *o);
static PyrtObject *code_repr(PyrtObject *o);

static void tb_dealloc(PyrtObject *o)
{
    PYRT_CLEAR(((TbTrace *)o)->frame);
    PYRT_CLEAR(((TbTrace *)o)->next);
}

static void frame_dealloc(PyrtObject *o)
{
    TbFrame *f = (TbFrame *)o;
    PYRT_CLEAR(f->code);
    PYRT_CLEAR(f->back);
    PYRT_CLEAR(f->globals);
    PYRT_CLEAR(f->locals);
}

static void code_dealloc(PyrtObject *o)
{
    PYRT_CLEAR(((TbCode *)o)->filename);
    PYRT_CLEAR(((TbCode *)o)->name);
}

static PyrtType tb_type = {
    .ob = PYRT_TYPE_HEAD, .name = "traceback", .base = &PyrtType_Object, .basicsize = sizeof(TbTrace),
    .flags = PYRT_TPFLAG_NOSUBCLASS, .dealloc = tb_dealloc, .getattr = tb_getattr, .repr = tb_repr,
    .setattr = tb_setattr,
};
static PyrtType tb_frame_type = {
    .ob = PYRT_TYPE_HEAD, .name = "frame", .base = &PyrtType_Object, .basicsize = sizeof(TbFrame),
    .flags = PYRT_TPFLAG_NOSUBCLASS, .dealloc = frame_dealloc, .getattr = frame_getattr, .repr = frame_repr,
};
static PyrtType tb_code_type = {
    .ob = PYRT_TYPE_HEAD, .name = "code", .base = &PyrtType_Object, .basicsize = sizeof(TbCode),
    .flags = PYRT_TPFLAG_NOSUBCLASS, .dealloc = code_dealloc, .getattr = code_getattr, .repr = code_repr,
};

static PyrtObject *new_ref(PyrtObject *o)
{
    if (!o)
        o = Pyrt_None;
    Pyrt_IncRef(o);
    return o;
}

/* ------------------------------------------------------------------ attributes */

static PyrtObject *tb_getattr(PyrtObject *o, PyrtObject *name)
{
    TbTrace *t = (TbTrace *)o;
    const char *s = PyrtStr_UTF8(name);
    if (strcmp(s, "tb_frame") == 0)
        return new_ref(t->frame);
    if (strcmp(s, "tb_next") == 0)
        return new_ref(t->next);
    if (strcmp(s, "tb_lineno") == 0)
        return PyrtInt_FromI64(t->line);
    if (strcmp(s, "tb_lasti") == 0)
        return PyrtInt_FromI64(-1);
    return Pyrt_GenericGetAttr(o, name);
}

/* tb.tb_next = other or None (unittest drops its own frames this way), with CPython's checks */
static int tb_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v)
{
    TbTrace *t = (TbTrace *)o;
    const char *s = PyrtStr_UTF8(name);
    if (strcmp(s, "tb_next") != 0) {
        if (strcmp(s, "tb_frame") == 0 || strcmp(s, "tb_lineno") == 0 || strcmp(s, "tb_lasti") == 0)
            Pyrt_ErrFormat(&PyrtType_AttributeError, "readonly attribute");
        else
            Pyrt_ErrFormat(&PyrtType_AttributeError, "'traceback' object has no attribute '%s'", s);
        return -1;
    }
    if (!v) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v == Pyrt_None)
        v = NULL;
    else if (v->type != &tb_type) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "expected traceback object or None, got '%s'", v->type->name);
        return -1;
    }
    for (PyrtObject *c = v; c; c = ((TbTrace *)c)->next)
        if (c == o) {
            Pyrt_ErrFormat(&PyrtType_ValueError, "traceback loop detected");
            return -1;
        }
    Pyrt_XIncRef(v);
    PyrtObject *old = t->next;
    t->next = v;
    Pyrt_XDecRef(old);
    return 0;
}

static PyrtObject *cached_dict(PyrtObject **slot)
{
    if (!*slot && !(*slot = PyrtDict_New()))
        return NULL;
    return new_ref(*slot);
}

static PyrtObject *frame_getattr(PyrtObject *o, PyrtObject *name)
{
    TbFrame *f = (TbFrame *)o;
    const char *s = PyrtStr_UTF8(name);
    if (strcmp(s, "f_code") == 0)
        return new_ref(f->code);
    if (strcmp(s, "f_lineno") == 0)
        return PyrtInt_FromI64(f->line);
    if (strcmp(s, "f_back") == 0)
        return new_ref(f->back);
    if (strcmp(s, "f_globals") == 0) {
        if (!f->globals && f->code) {
            PyrtObject *g = PyrtModule_GlobalsForFile(PyrtStr_UTF8(((TbCode *)f->code)->filename));
            if (g) {
                f->globals = g;
                if (Pyrt_ErrOccurred())
                    return NULL;
            } else if (Pyrt_ErrOccurred())
                return NULL;
        }
        return cached_dict(&f->globals);
    }
    if (strcmp(s, "f_locals") == 0)
        return cached_dict(&f->locals);
    if (strcmp(s, "f_builtins") == 0)
        return PyrtDict_New();
    if (strcmp(s, "f_lasti") == 0)
        return PyrtInt_FromI64(-1);
    if (strcmp(s, "f_trace") == 0)
        return new_ref(NULL);
    return Pyrt_GenericGetAttr(o, name);
}

/* co_positions(): one (line, line, None, None) */
static PyrtObject *code_positions(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args; (void)kwnames;
    if (nargs != 0)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "co_positions() takes no arguments");
    PyrtObject *line = PyrtInt_FromI64(((TbCode *)self)->line);
    if (!line)
        return NULL;
    PyrtObject *items[4] = {line, line, Pyrt_None, Pyrt_None};
    PyrtObject *t = PyrtTuple_FromArray(items, 4);
    Pyrt_DecRef(line);
    if (!t)
        return NULL;
    PyrtObject *list = PyrtTuple_FromArray(&t, 1);
    Pyrt_DecRef(t);
    if (!list)
        return NULL;
    PyrtObject *it = Pyrt_GetIter(list);
    Pyrt_DecRef(list);
    return it;
}

static const PyrtMethodDef code_methods[] = {
    {"co_positions", code_positions},
    {NULL, NULL},
};

static PyrtObject *code_getattr(PyrtObject *o, PyrtObject *name)
{
    TbCode *c = (TbCode *)o;
    const char *s = PyrtStr_UTF8(name);
    if (strcmp(s, "co_filename") == 0)
        return new_ref(c->filename);
    if (strcmp(s, "co_name") == 0 || strcmp(s, "co_qualname") == 0)
        return new_ref(c->name);
    if (strcmp(s, "co_firstlineno") == 0)
        return PyrtInt_FromI64(c->line);
    tb_code_type.methods = code_methods;
    return Pyrt_GenericGetAttr(o, name);
}

static PyrtObject *tb_repr(PyrtObject *o)
{
    return Pyrt_StrFormat("<traceback object at %p>", (void *)o);
}

static PyrtObject *frame_repr(PyrtObject *o)
{
    TbFrame *f = (TbFrame *)o;
    TbCode *c = (TbCode *)f->code;
    return Pyrt_StrFormat("<frame at %p, file %R, line %lld, code %S>", (void *)o, c->filename,
                          (long long)f->line, c->name);
}

static PyrtObject *code_repr(PyrtObject *o)
{
    TbCode *c = (TbCode *)o;
    return Pyrt_StrFormat("<code object %S at %p, file \"%S\", line %lld>", c->name, (void *)o, c->filename,
                          (long long)c->line);
}

/* ------------------------------------------------------------------ making the chain */

static PyrtObject *make_code(const PyrtTraceEntry *t, int32_t line)
{
    TbCode *c = (TbCode *)Pyrt_Alloc(&tb_code_type, sizeof(TbCode));
    if (!c)
        return NULL;
    c->filename = PyrtStr_FromCString(t->file);
    c->name = PyrtStr_FromCString(t->func);
    c->line = line;
    if (!c->filename || !c->name) {
        Pyrt_DecRef((PyrtObject *)c);
        return NULL;
    }
    return (PyrtObject *)c;
}

/* One traceback object for entry t, its tb_next `next` (stolen; NULL: None) */
static PyrtObject *make_tb(const PyrtTraceEntry *t, PyrtObject *next)
{
    int32_t line = t->line < 0 ? -t->line : t->line;
    TbTrace *tb = (TbTrace *)Pyrt_Alloc(&tb_type, sizeof(TbTrace));
    TbFrame *f = (TbFrame *)Pyrt_Alloc(&tb_frame_type, sizeof(TbFrame));
    if (!tb || !f) {
        Pyrt_XDecRef((PyrtObject *)tb);
        Pyrt_XDecRef((PyrtObject *)f);
        Pyrt_XDecRef(next);
        return NULL;
    }
    tb->next = next;
    tb->frame = (PyrtObject *)f;
    tb->line = line;
    f->line = line;
    f->code = make_code(t, line);
    if (!f->code) {
        Pyrt_DecRef((PyrtObject *)tb);
        return NULL;
    }
    if (next) {   /* the inner frame was called by this one */
        TbFrame *inner = (TbFrame *)((TbTrace *)next)->frame;
        if (!inner->back) {
            Pyrt_IncRef((PyrtObject *)f);
            inner->back = (PyrtObject *)f;
        }
    }
    return (PyrtObject *)tb;
}

PyrtObject *PyrtTraceback_Get(PyrtObject *exc)
{
    if (!exc || !Pyrt_TypeCheck(exc, &PyrtType_BaseException))
        return new_ref(NULL);
    PyrtBaseException *e = (PyrtBaseException *)exc;
    if (e->tb_base > e->ntrace)   /* (entries dropped meanwhile) */
        e->tb_base = e->ntrace;
    PyrtObject *chain = e->tb;
    Pyrt_XIncRef(chain);
    for (int32_t i = e->tb_base; i < e->ntrace; i++) {
        chain = make_tb(&e->trace[i], chain);
        if (!chain)
            return NULL;
    }
    Pyrt_XDecRef(e->tb);
    e->tb = chain;
    e->tb_base = e->ntrace;
    return new_ref(chain);
}

/* e.__traceback__ = tb (None or a traceback): the traceback so far is replaced by tb; what the
 * uncaught-exception printer shows (the entries) follows it */
int PyrtTraceback_Set(PyrtObject *exc, PyrtObject *tb)
{
    PyrtBaseException *e = (PyrtBaseException *)exc;
    if (!tb) {
        Pyrt_ErrSetString(&PyrtType_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (tb != Pyrt_None && tb->type != &tb_type) {
        Pyrt_ErrSetString(&PyrtType_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    if (tb == e->tb && e->tb_base == e->ntrace)
        return 0;
    int32_t n = 0;
    for (PyrtObject *t = tb; t != Pyrt_None && t; t = ((TbTrace *)t)->next)
        n++;
    PyrtTraceEntry *entries = NULL;
    if (n > 0 && !(entries = malloc((size_t)n * sizeof(PyrtTraceEntry)))) {
        Pyrt_ErrSetString(&PyrtType_MemoryError, "");
        return -1;
    }
    int32_t i = n;   /* entries innermost first: the chain's head is the last */
    for (PyrtObject *t = tb; t != Pyrt_None && t; t = ((TbTrace *)t)->next) {
        TbCode *c = (TbCode *)((TbFrame *)((TbTrace *)t)->frame)->code;
        entries[--i] = (PyrtTraceEntry){PyrtStr_UTF8(c->filename), PyrtStr_UTF8(c->name), ((TbTrace *)t)->line};
    }
    /* (the strings stay alive with e->tb, which the entries describe) */
    Pyrt_IncRef(tb);
    PyrtObject *old = e->tb;
    e->tb = tb == Pyrt_None ? (Pyrt_DecRef(tb), NULL) : tb;
    free(e->trace);
    e->trace = entries;
    e->ntrace = e->captrace = n;
    e->tb_base = n;
    Pyrt_XDecRef(old);
    return 0;
}
