/* exc.c: exceptions. The exception type objects (CPython's hierarchy), exception instances (args,
 * cause/context, traceback entries, StopIteration.value, SystemExit.code), the current-exception
 * state pyrt_exc and every Pyrt_Err* function, raise/re-raise, the stack of exceptions being
 * handled, printing of uncaught exceptions exactly like CPython, the recursion guard and the
 * helpers producing CPython's common error messages. */
#include "pyrt.h"
#include <fcntl.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

PyrtObject *pyrt_exc = NULL;
static PyrtObject *pyrt_handled = NULL;   /* the exception being handled (owned), or NULL */
int32_t pyrt_depth = 1;                    /* counts the main module's frame, like CPython */
int32_t pyrt_recursion_limit = 1000;

void Pyrt_FlushStdout(void);   /* io.c (num area) */

/* ------------------------------------------------------------------ exception objects */

#define EXC(o) ((PyrtBaseException *)(o))

static void exc_dealloc(PyrtObject *o)
{
    PyrtBaseException *e = EXC(o);
    PYRT_CLEAR(e->args);
    PYRT_CLEAR(e->cause);
    PYRT_CLEAR(e->context);
    PYRT_CLEAR(e->value);
    PYRT_CLEAR(e->tb);
    free(e->trace);
    e->trace = NULL;
    PyrtInstance_Release(o);
}

static void exc_traverse(PyrtObject *o, void (*visit)(PyrtObject *, void *), void *arg)
{
    PyrtBaseException *e = EXC(o);
    visit(e->args, arg);
    visit(e->cause, arg);
    visit(e->context, arg);
    visit(e->value, arg);
    PyrtInstance_Traverse(o, visit, arg);
}

/* Allocate an exception of type t (any subclass, builtin or user) with the given args. */
static PyrtObject *exc_alloc(PyrtType *t, PyrtObject *const *args, int64_t nargs)
{
    PyrtObject *tuple = PyrtTuple_FromArray(args, nargs);
    if (!tuple)
        return NULL;
    int64_t size = t->basicsize < (int64_t)sizeof(PyrtBaseException) ? (int64_t)sizeof(PyrtBaseException)
                                                                       : t->basicsize;
    PyrtObject *o = Pyrt_Alloc(t, (size_t)size);
    if (!o) {
        PYRT_DECREF(tuple);
        return NULL;
    }
    EXC(o)->args = tuple;
    return o;
}

/* StopIteration.value / SystemExit.code follow the first argument. */
static void exc_set_value_from_args(PyrtObject *o)
{
    PyrtBaseException *e = EXC(o);
    PyrtType *t = o->type;
    int64_t n = PyrtTuple_Len(e->args);
    PyrtObject *v = NULL;
    if (PyrtType_IsSubtype(t, &PyrtType_StopIteration))
        v = n > 0 ? PyrtTuple_GetBorrowed(e->args, 0) : Pyrt_None;
    else if (PyrtType_IsSubtype(t, &PyrtType_SystemExit)) {
        if (n == 0)
            v = Pyrt_None;
        else if (n == 1)
            v = PyrtTuple_GetBorrowed(e->args, 0);
        else
            v = e->args;
    }
    if (v) {
        Pyrt_IncRef(v);
        PYRT_CLEAR(e->value);
        e->value = v;
    }
}

PyrtObject *PyrtExc_New(PyrtType *type, PyrtObject *const *args, int64_t nargs)
{
    if (nargs >= 3 && nargs <= 5 && PyrtType_IsSubtype(type, &PyrtType_OSError)) {
        /* OSError(errno, strerror, filename, ...): args keeps the first two, as CPython's */
        PyrtObject *o = exc_alloc(type, args, 2);
        if (o && args[2] != Pyrt_None) {
            Pyrt_IncRef(args[2]);
            EXC(o)->value = args[2];   /* the filename */
        }
        return o;
    }
    PyrtObject *o = exc_alloc(type, args, nargs);
    if (o)
        exc_set_value_from_args(o);
    return o;
}

PyrtObject *PyrtExc_GetArgs(PyrtObject *exc)
{
    PyrtObject *a = EXC(exc)->args;
    Pyrt_IncRef(a);
    return a;
}

/* Calling a builtin exception type: ValueError("x"). */
static PyrtObject *exc_tp_new(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                              PyrtObject *kwnames)
{
    PyrtType *t = (PyrtType *)callable;
    if (kwnames && PyrtTuple_Len(kwnames) > 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes no keyword arguments", t->name);
    return PyrtExc_New(t, args, nargs);
}

/* BaseException.__init__(self, *args): sets args (used through super().__init__(...)). */
PyrtObject *PyrtBaseException_meth___init__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                            PyrtObject *kwnames)
{
    if (kwnames && PyrtTuple_Len(kwnames) > 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes no keyword arguments", self->type->name);
    PyrtObject *tuple = PyrtTuple_FromArray(args, nargs);
    if (!tuple)
        return NULL;
    PYRT_CLEAR(EXC(self)->args);
    EXC(self)->args = tuple;
    exc_set_value_from_args(self);
    return Pyrt_None;
}

PyrtObject *PyrtBaseException_meth_with_traceback(PyrtObject *self, PyrtObject *const *args,
                                                  int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtCont_OneArg("with_traceback", nargs, kwnames) < 0 || PyrtTraceback_Set(self, args[0]) < 0)
        return NULL;
    Pyrt_IncRef(self);
    return self;
}

static void print_notes(PyrtObject *exc);
/* not static: the compiler would otherwise see its only value and call print_notes directly */
void (*pyrt_print_notes_hook)(PyrtObject *exc);

/* e.add_note(note): appends to e.__notes__ (a list in the instance dict, created on first use) */
PyrtObject *PyrtBaseException_meth_add_note(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                            PyrtObject *kwnames)
{
    if (PyrtCont_OneArg("add_note", nargs, kwnames) < 0)
        return NULL;
    pyrt_print_notes_hook = print_notes;
    if (!PyrtStr_Check(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "note must be a str, not '%s'", args[0]->type->name);
    PyrtObject *name = PyrtStr_FromCString("__notes__");
    if (!name)
        return NULL;
    PyrtObject *notes = Pyrt_GenericGetAttr(self, name);
    if (!notes) {
        if (!Pyrt_ErrMatches((PyrtObject *)&PyrtType_AttributeError)) {
            PYRT_DECREF(name);
            return NULL;
        }
        Pyrt_ErrClear();
        notes = PyrtList_New(0);
        if (!notes || Pyrt_GenericSetAttr(self, name, notes) < 0) {
            Pyrt_XDecRef(notes);
            PYRT_DECREF(name);
            return NULL;
        }
    }
    PYRT_DECREF(name);
    if (notes->type != &PyrtType_List) {
        PYRT_DECREF(notes);
        return Pyrt_ErrSetString(&PyrtType_TypeError, "Cannot add note: __notes__ is not a list");
    }
    int rc = PyrtList_Append(notes, args[0]);
    PYRT_DECREF(notes);
    return rc < 0 ? NULL : Pyrt_None;
}

static PyrtObject *set_exc(PyrtObject *exc);

/* UnicodeEncodeError(encoding, object, start, end, reason), UnicodeDecodeError (the same with bytes)
 * and UnicodeTranslateError(object, start, end, reason): the index of `object` in args, or -1 when
 * args do not have that shape (then the exception is an ordinary one, as in CPython) */
static int unicode_error_shape(PyrtObject *o)
{
    PyrtObject *args = EXC(o)->args;
    int64_t n = args ? PyrtTuple_Len(args) : 0;
    int obj;
    if (PyrtType_IsSubtype(o->type, &PyrtType_UnicodeEncodeError) ||
        PyrtType_IsSubtype(o->type, &PyrtType_UnicodeDecodeError))
        obj = 1;
    else if (PyrtType_IsSubtype(o->type, &PyrtType_UnicodeTranslateError))
        obj = 0;
    else
        return -1;
    if (n != obj + 4 || !(PyrtTuple_GetBorrowed(args, obj + 1)->type->flags & PYRT_TPFLAG_INT) ||
        !(PyrtTuple_GetBorrowed(args, obj + 2)->type->flags & PYRT_TPFLAG_INT))
        return -1;
    return obj;
}

static PyrtObject *unicode_error_str(PyrtObject *o, int obj)
{
    PyrtObject *args = EXC(o)->args;
    PyrtObject *object = PyrtTuple_GetBorrowed(args, obj), *reason = PyrtTuple_GetBorrowed(args, obj + 3);
    int64_t start = PyrtInt_AsI64(PyrtTuple_GetBorrowed(args, obj + 1));
    int64_t end = PyrtInt_AsI64(PyrtTuple_GetBorrowed(args, obj + 2));
    PyrtObject *enc = obj ? PyrtTuple_GetBorrowed(args, 0) : NULL;
    bool decode = PyrtType_IsSubtype(o->type, &PyrtType_UnicodeDecodeError);
    if (decode && PyrtBytes_Check(object) && start >= 0 && start < PyrtBytes_Len(object) && end == start + 1) {
        char byte[8];
        Pyrt_Snprintf(byte, sizeof byte, "0x%02x", (unsigned)PyrtBytes_Data(object)[start]);
        return Pyrt_StrFormat("'%S' codec can't decode byte %s in position %lld: %S", enc, byte,
                              (long long)start, reason);
    }
    if (decode)
        return Pyrt_StrFormat("'%S' codec can't decode bytes in position %lld-%lld: %S", enc,
                              (long long)start, (long long)(end - 1), reason);
    const char *what = obj ? "codec can't encode" : "can't translate";
    char head[64] = "";
    if (obj)
        Pyrt_Snprintf(head, sizeof head, "'%s' ", PyrtStr_UTF8(enc));
    if ((object->type->flags & PYRT_TPFLAG_STR) && start >= 0 && start < PyrtStr_Len(object) && end == start + 1) {
        PyrtObject *ch = PyrtStr_GetItem(object, start);
        if (!ch)
            return NULL;
        uint32_t cp;
        Pyrt_Utf8Decode(PyrtStr_UTF8(ch), &cp);
        Pyrt_DecRef(ch);
        char esc[16];
        if (cp < 0x100) Pyrt_Snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
        else if (cp < 0x10000) Pyrt_Snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
        else Pyrt_Snprintf(esc, sizeof esc, "\\U%08x", (unsigned)cp);
        return Pyrt_StrFormat("%s%s character '%s' in position %lld: %S", head, what, esc, (long long)start,
                              reason);
    }
    return Pyrt_StrFormat("%s%s characters in position %lld-%lld: %S", head, what, (long long)start,
                          (long long)(end - 1), reason);
}

/* the exception a codec raises: UnicodeEncodeError or UnicodeDecodeError(encoding, object, start, end,
 * reason), with CPython's attributes and message */
PyrtObject *Pyrt_ErrUnicode(PyrtType *type, const char *encoding, PyrtObject *object, int64_t start,
                            int64_t end, const char *reason)
{
    PyrtObject *a[5] = { PyrtStr_FromCString(encoding), object, PyrtInt_FromI64(start), PyrtInt_FromI64(end),
                         PyrtStr_FromCString(reason) };
    if (a[0] && a[2] && a[3] && a[4])
        set_exc(PyrtExc_New(type, a, 5));
    Pyrt_XDecRef(a[0]);
    Pyrt_XDecRef(a[2]);
    Pyrt_XDecRef(a[3]);
    Pyrt_XDecRef(a[4]);
    return NULL;
}

static PyrtObject *exc_str(PyrtObject *o)
{
    PyrtObject *args = EXC(o)->args;
    int64_t n = args ? PyrtTuple_Len(args) : 0;
    int uobj = n >= 4 ? unicode_error_shape(o) : -1;
    if (uobj >= 0)
        return unicode_error_str(o, uobj);
    if (n == 0)
        return PyrtStr_FromCString("");
    if (n == 1) {
        PyrtObject *a = PyrtTuple_GetBorrowed(args, 0);
        if (PyrtType_IsSubtype(o->type, &PyrtType_KeyError))
            return Pyrt_Repr(a);
        return Pyrt_Str(a);
    }
    if (n == 2 && PyrtType_IsSubtype(o->type, &PyrtType_OSError)) {   /* errno, strerror (and filename) */
        if (EXC(o)->value)
            return Pyrt_StrFormat("[Errno %S] %S: %R", PyrtTuple_GetBorrowed(args, 0),
                                  PyrtTuple_GetBorrowed(args, 1), EXC(o)->value);
        return Pyrt_StrFormat("[Errno %S] %S", PyrtTuple_GetBorrowed(args, 0), PyrtTuple_GetBorrowed(args, 1));
    }
    return Pyrt_Str(args);
}

/* The name CPython shows for a class: "ValueError", "C" in __main__, "mod.C" elsewhere. */
static void append_trunc(char *buf, size_t n, const char *s)
{
    size_t l = strlen(buf), k = strlen(s);
    if (k > n - 1 - l)
        k = n - 1 - l;
    memcpy(buf + l, s, k);
    buf[l + k] = 0;
}

static void exc_type_name(PyrtType *t, char *buf, size_t n)
{
    buf[0] = 0;
    if (t->module && strcmp(t->module, "__main__") != 0 && strcmp(t->module, "builtins") != 0) {
        append_trunc(buf, n, t->module);
        append_trunc(buf, n, ".");
    }
    append_trunc(buf, n, PYRT_QUALNAME(t));
}

/* Traceback printing writes to fd 2 directly (Pyrt_PlatformWrite, unbuffered as CPython's stderr):
 * stdio's fputs would link the FILE machinery (about 3 KB of wasm) and fprintf printf's float
 * formatting into every program, since each program can print a traceback. */
static void err_write(const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = Pyrt_PlatformWrite(2, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void err_puts3(const char *a, const char *b, const char *c)
{
    err_write(a);
    err_write(b);
    err_write(c);
}

static const char *err_int(char *tmp, int64_t v)   /* tmp: >= 24 bytes */
{
    char rev[24];
    int n = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        rev[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    char *p = tmp;
    if (v < 0)
        *p++ = '-';
    while (n)
        *p++ = rev[--n];
    *p = 0;
    return tmp;
}

static void print_repeated(int64_t repeat)
{
    char tmp[24];
    err_puts3("  [Previous line repeated ", err_int(tmp, repeat - 2), " more time");
    err_write(repeat - 2 > 1 ? "s]\n" : "]\n");
}

static PyrtObject *exc_repr(PyrtObject *o)
{
    PyrtObject *args = EXC(o)->args;
    int64_t n = args ? PyrtTuple_Len(args) : 0;
    if (n == 1)
        return Pyrt_StrFormat("%s(%R)", o->type->name, PyrtTuple_GetBorrowed(args, 0));
    if (n == 0)
        return Pyrt_StrFormat("%s()", o->type->name);
    return Pyrt_StrFormat("%s%R", o->type->name, args);
}

static PyrtObject *none_if_null(PyrtObject *v)
{
    if (!v)
        v = Pyrt_None;
    Pyrt_IncRef(v);
    return v;
}

/* Exception attributes stored in the C struct; everything else goes through generic getattr. */
static PyrtObject *exc_getattr(PyrtObject *o, PyrtObject *name)
{
    PyrtBaseException *e = EXC(o);
    const char *s = PyrtStr_UTF8(name);
    if (s[0] == 'a' && strcmp(s, "args") == 0)
        return none_if_null(e->args);
    if (s[0] == '_') {
        if (strcmp(s, "__cause__") == 0)
            return none_if_null(e->cause);
        if (strcmp(s, "__context__") == 0)
            return none_if_null(e->context);
        if (strcmp(s, "__suppress_context__") == 0)
            return Pyrt_BoolFromC(e->suppress_context);
        if (strcmp(s, "__traceback__") == 0)
            return PyrtTraceback_Get(o);
    }
    if ((strcmp(s, "value") == 0 && PyrtType_IsSubtype(o->type, &PyrtType_StopIteration)) ||
        (strcmp(s, "code") == 0 && PyrtType_IsSubtype(o->type, &PyrtType_SystemExit)))
        return none_if_null(e->value);
    if (PyrtType_IsSubtype(o->type, &PyrtType_UnicodeError)) {
        static const char *const names[] = { "encoding", "object", "start", "end", "reason" };
        int obj = unicode_error_shape(o);
        for (int k = obj == 0 ? 1 : 0; obj >= 0 && k < 5; k++)
            if (strcmp(s, names[k]) == 0) {
                PyrtObject *v = PyrtTuple_GetBorrowed(e->args, k - 1 + obj);
                Pyrt_IncRef(v);
                return v;
            }
    }
    if (PyrtType_IsSubtype(o->type, &PyrtType_OSError)) {   /* OSError(errno, strerror[, filename]) */
        int64_t n = e->args ? PyrtTuple_Len(e->args) : 0;
        if (strcmp(s, "filename") == 0)
            return none_if_null(e->value);
        if (strcmp(s, "filename2") == 0)
            return none_if_null(NULL);
        int idx = strcmp(s, "errno") == 0 ? 0 : strcmp(s, "strerror") == 0 ? 1 : -1;
        if (idx >= 0)
            return none_if_null(n == 2 ? PyrtTuple_GetBorrowed(e->args, idx) : NULL);
    }
    return Pyrt_GenericGetAttr(o, name);
}

static int exc_set_slot(PyrtObject **slot, PyrtObject *v, const char *what)
{
    if (v == Pyrt_None)
        v = NULL;
    else if (v && !Pyrt_TypeCheck(v, &PyrtType_BaseException)) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "exception %s must be None or derive from BaseException", what);
        return -1;
    }
    Pyrt_XIncRef(v);
    PYRT_CLEAR(*slot);
    *slot = v;
    return 0;
}

static int exc_setattr(PyrtObject *o, PyrtObject *name, PyrtObject *v)
{
    PyrtBaseException *e = EXC(o);
    const char *s = PyrtStr_UTF8(name);
    if (v && strcmp(s, "args") == 0) {
        PyrtObject *t = PyrtTuple_FromIterable(v);
        if (!t)
            return -1;
        PYRT_CLEAR(e->args);
        e->args = t;
        return 0;
    }
    if (v && strcmp(s, "__cause__") == 0) {
        e->suppress_context = 1;
        return exc_set_slot(&e->cause, v, "cause");
    }
    if (v && strcmp(s, "__context__") == 0)
        return exc_set_slot(&e->context, v, "context");
    if (strcmp(s, "__traceback__") == 0)
        return PyrtTraceback_Set(o, v);
    if (strcmp(s, "__notes__") == 0)
        pyrt_print_notes_hook = print_notes;
    if (v && ((strcmp(s, "value") == 0 && PyrtType_IsSubtype(o->type, &PyrtType_StopIteration)) ||
              (strcmp(s, "code") == 0 && PyrtType_IsSubtype(o->type, &PyrtType_SystemExit)))) {
        Pyrt_IncRef(v);
        PYRT_CLEAR(e->value);
        e->value = v;
        return 0;
    }
    return Pyrt_GenericSetAttr(o, name, v);
}

static const PyrtMethodDef exc_methods[] = {
    {"__init__", PyrtBaseException_meth___init__},
    {"with_traceback", PyrtBaseException_meth_with_traceback},
    {"add_note", PyrtBaseException_meth_add_note},
    {NULL, NULL},
};

#define EXC_TYPES(X) \
    X(PyrtType_BaseException, "BaseException", &PyrtType_Object) \
    X(PyrtType_SystemExit, "SystemExit", &PyrtType_BaseException) \
    X(PyrtType_KeyboardInterrupt, "KeyboardInterrupt", &PyrtType_BaseException) \
    X(PyrtType_GeneratorExit, "GeneratorExit", &PyrtType_BaseException) \
    X(PyrtType_Exception, "Exception", &PyrtType_BaseException) \
    X(PyrtType_StopIteration, "StopIteration", &PyrtType_Exception) \
    X(PyrtType_StopAsyncIteration, "StopAsyncIteration", &PyrtType_Exception) \
    X(PyrtType_ArithmeticError, "ArithmeticError", &PyrtType_Exception) \
    X(PyrtType_ZeroDivisionError, "ZeroDivisionError", &PyrtType_ArithmeticError) \
    X(PyrtType_OverflowError, "OverflowError", &PyrtType_ArithmeticError) \
    X(PyrtType_AssertionError, "AssertionError", &PyrtType_Exception) \
    X(PyrtType_AttributeError, "AttributeError", &PyrtType_Exception) \
    X(PyrtType_EOFError, "EOFError", &PyrtType_Exception) \
    X(PyrtType_ImportError, "ImportError", &PyrtType_Exception) \
    X(PyrtType_LookupError, "LookupError", &PyrtType_Exception) \
    X(PyrtType_IndexError, "IndexError", &PyrtType_LookupError) \
    X(PyrtType_KeyError, "KeyError", &PyrtType_LookupError) \
    X(PyrtType_MemoryError, "MemoryError", &PyrtType_Exception) \
    X(PyrtType_NameError, "NameError", &PyrtType_Exception) \
    X(PyrtType_UnboundLocalError, "UnboundLocalError", &PyrtType_NameError) \
    X(PyrtType_OSError, "OSError", &PyrtType_Exception) \
    X(PyrtType_FileNotFoundError, "FileNotFoundError", &PyrtType_OSError) \
    X(PyrtType_PermissionError, "PermissionError", &PyrtType_OSError) \
    X(PyrtType_FileExistsError, "FileExistsError", &PyrtType_OSError) \
    X(PyrtType_IsADirectoryError, "IsADirectoryError", &PyrtType_OSError) \
    X(PyrtType_NotADirectoryError, "NotADirectoryError", &PyrtType_OSError) \
    X(PyrtType_TimeoutError, "TimeoutError", &PyrtType_OSError) \
    X(PyrtType_InterruptedError, "InterruptedError", &PyrtType_OSError) \
    X(PyrtType_ConnectionError, "ConnectionError", &PyrtType_OSError) \
    X(PyrtType_BrokenPipeError, "BrokenPipeError", &PyrtType_ConnectionError) \
    X(PyrtType_ConnectionResetError, "ConnectionResetError", &PyrtType_ConnectionError) \
    X(PyrtType_ConnectionRefusedError, "ConnectionRefusedError", &PyrtType_ConnectionError) \
    X(PyrtType_ConnectionAbortedError, "ConnectionAbortedError", &PyrtType_ConnectionError) \
    X(PyrtType_RuntimeError, "RuntimeError", &PyrtType_Exception) \
    X(PyrtType_NotImplementedError, "NotImplementedError", &PyrtType_RuntimeError) \
    X(PyrtType_RecursionError, "RecursionError", &PyrtType_RuntimeError) \
    X(PyrtType_TypeError, "TypeError", &PyrtType_Exception) \
    X(PyrtType_ValueError, "ValueError", &PyrtType_Exception) \
    X(PyrtType_UnicodeError, "UnicodeError", &PyrtType_ValueError) \
    X(PyrtType_SyntaxError, "SyntaxError", &PyrtType_Exception) \
    X(PyrtType_IndentationError, "IndentationError", &PyrtType_SyntaxError) \
    X(PyrtType_TabError, "TabError", &PyrtType_IndentationError) \
    X(PyrtType_UnicodeDecodeError, "UnicodeDecodeError", &PyrtType_UnicodeError) \
    X(PyrtType_UnicodeEncodeError, "UnicodeEncodeError", &PyrtType_UnicodeError) \
    X(PyrtType_UnicodeTranslateError, "UnicodeTranslateError", &PyrtType_UnicodeError) \
    X(PyrtType_ModuleNotFoundError, "ModuleNotFoundError", &PyrtType_ImportError) \
    X(PyrtType_BufferError, "BufferError", &PyrtType_Exception) \
    X(PyrtType_ReferenceError, "ReferenceError", &PyrtType_Exception) \
    X(PyrtType_SystemError, "SystemError", &PyrtType_Exception) \
    X(PyrtType_FloatingPointError, "FloatingPointError", &PyrtType_ArithmeticError) \
    X(PyrtType_BlockingIOError, "BlockingIOError", &PyrtType_OSError) \
    X(PyrtType_ChildProcessError, "ChildProcessError", &PyrtType_OSError) \
    X(PyrtType_ProcessLookupError, "ProcessLookupError", &PyrtType_OSError) \
    X(PyrtType_Warning, "Warning", &PyrtType_Exception) \
    X(PyrtType_UserWarning, "UserWarning", &PyrtType_Warning) \
    X(PyrtType_DeprecationWarning, "DeprecationWarning", &PyrtType_Warning) \
    X(PyrtType_PendingDeprecationWarning, "PendingDeprecationWarning", &PyrtType_Warning) \
    X(PyrtType_SyntaxWarning, "SyntaxWarning", &PyrtType_Warning) \
    X(PyrtType_RuntimeWarning, "RuntimeWarning", &PyrtType_Warning) \
    X(PyrtType_FutureWarning, "FutureWarning", &PyrtType_Warning) \
    X(PyrtType_ImportWarning, "ImportWarning", &PyrtType_Warning) \
    X(PyrtType_UnicodeWarning, "UnicodeWarning", &PyrtType_Warning) \
    X(PyrtType_BytesWarning, "BytesWarning", &PyrtType_Warning) \
    X(PyrtType_ResourceWarning, "ResourceWarning", &PyrtType_Warning) \
    X(PyrtType_EncodingWarning, "EncodingWarning", &PyrtType_Warning)

#define EXC_TYPE(var, nm, basevar)                                                               \
    PyrtType var = {                                                                             \
        .ob = PYRT_TYPE_HEAD, .name = nm, .base = basevar,                                       \
        .basicsize = sizeof(PyrtBaseException), .flags = PYRT_TPFLAG_EXCEPTION | PYRT_TPFLAG_GC, \
        .dealloc = exc_dealloc, .traverse = exc_traverse, .repr = exc_repr, .str = exc_str,      \
    };
EXC_TYPES(EXC_TYPE)

/* ------------------------------------------------------------------ current exception */

/* Link exc's context to the exception being handled (what CPython does on every raise),
 * without creating a cycle. */
static void set_context(PyrtObject *exc)
{
    PyrtObject *h = pyrt_handled;
    if (!h || h == exc)
        return;
    /* break a cycle: if exc is already in h's context chain, cut it there */
    for (PyrtObject *o = h; o; o = EXC(o)->context) {
        if (EXC(o)->context == exc) {
            PYRT_CLEAR(EXC(o)->context);
            break;
        }
    }
    Pyrt_IncRef(h);
    PYRT_CLEAR(EXC(exc)->context);
    EXC(exc)->context = h;
}

/* Make exc (stolen) the current exception, with its context set. */
static PyrtObject *set_exc(PyrtObject *exc)
{
    if (!exc)
        return NULL;   /* allocation failed: that error is set */
    set_context(exc);
    Pyrt_ErrRestore(exc);
    return NULL;
}

PyrtObject *Pyrt_ErrSetObject(PyrtType *type, PyrtObject *arg)
{
    return set_exc(PyrtExc_New(type, &arg, 1));
}

PyrtObject *Pyrt_ErrSetNone(PyrtType *type)
{
    return set_exc(PyrtExc_New(type, NULL, 0));
}

PyrtObject *Pyrt_ErrSetString(PyrtType *type, const char *msg)
{
    PyrtObject *s = PyrtStr_FromCString(msg);
    if (!s)
        return NULL;
    Pyrt_ErrSetObject(type, s);
    PYRT_DECREF(s);
    return NULL;
}

PyrtObject *Pyrt_ErrFormat(PyrtType *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    PyrtObject *s = Pyrt_StrFormatV(fmt, ap);
    va_end(ap);
    if (!s)
        return NULL;
    Pyrt_ErrSetObject(type, s);
    PYRT_DECREF(s);
    return NULL;
}

PyrtObject *Pyrt_ErrFetch(void)
{
    PyrtObject *e = pyrt_exc;
    pyrt_exc = NULL;
    return e;
}

void Pyrt_ErrRestore(PyrtObject *exc)
{
    PyrtObject *old = pyrt_exc;
    pyrt_exc = exc;
    Pyrt_XDecRef(old);
}

void Pyrt_ErrClear(void)
{
    PYRT_CLEAR(pyrt_exc);
}

static bool is_exc_class(PyrtObject *c)
{
    return c->type == &PyrtType_Type && (((PyrtType *)c)->flags & PYRT_TPFLAG_EXCEPTION);
}

static int matches(PyrtObject *exc, PyrtObject *cls)
{
    if (is_exc_class(cls))
        return Pyrt_TypeCheck(exc, (PyrtType *)cls);
    if (cls->type == &PyrtType_Tuple) {
        int found = 0;
        for (int64_t i = 0; i < PyrtTuple_Len(cls); i++) {
            int r = matches(exc, PyrtTuple_GetBorrowed(cls, i));
            if (r < 0)
                return -1;
            found |= r;
        }
        return found;
    }
    return -1;
}

int Pyrt_ExceptionMatches(PyrtObject *exc, PyrtObject *cls_or_tuple)
{
    int r = matches(exc, cls_or_tuple);
    if (r < 0)
        Pyrt_ErrSetString(&PyrtType_TypeError,
                          "catching classes that do not inherit from BaseException is not allowed");
    return r;
}

int Pyrt_ErrMatches(PyrtObject *cls_or_tuple)
{
    if (!pyrt_exc)
        return 0;
    return Pyrt_ExceptionMatches(pyrt_exc, cls_or_tuple);
}

/* ------------------------------------------------------------------ raise */

/* An exception instance from `raise X`'s X: a class is instantiated with no arguments. */
static PyrtObject *exc_instance(PyrtObject *x, const char *errmsg)
{
    if (is_exc_class(x)) {
        PyrtObject *e = Pyrt_Call(x, NULL, 0, NULL);
        if (e && !Pyrt_TypeCheck(e, &PyrtType_BaseException)) {
            Pyrt_ErrFormat(&PyrtType_TypeError,
                           "calling %R should have returned an instance of BaseException, not %s", x,
                           e->type->name);
            PYRT_DECREF(e);
            return NULL;
        }
        return e;
    }
    if (Pyrt_TypeCheck(x, &PyrtType_BaseException)) {
        Pyrt_IncRef(x);
        return x;
    }
    return Pyrt_ErrSetString(&PyrtType_TypeError, errmsg);
}

/* Pyrt_Raise taking over the references to exc and cause (NULL: none) */
PyrtObject *Pyrt_RaiseSteal(PyrtObject *exc, PyrtObject *cause)
{
    Pyrt_Raise(exc, cause);
    Pyrt_DecRef(exc);
    Pyrt_XDecRef(cause);
    return NULL;
}

PyrtObject *Pyrt_Raise(PyrtObject *exc, PyrtObject *cause)
{
    PyrtObject *e = exc_instance(exc, "exceptions must derive from BaseException");
    if (!e)
        return NULL;
    if (cause) {
        PyrtObject *c = NULL;
        if (cause != Pyrt_None) {
            c = exc_instance(cause, "exception causes must derive from BaseException");
            if (!c) {
                PYRT_DECREF(e);
                return NULL;
            }
        }
        PYRT_CLEAR(EXC(e)->cause);
        EXC(e)->cause = c;
        EXC(e)->suppress_context = 1;
    }
    PyrtBaseException *x = EXC(e);
    if (x->ntrace > 0 && x->trace[x->ntrace - 1].line < 0)   /* raised again: the catching frame's */
        x->trace[x->ntrace - 1].line = -x->trace[x->ntrace - 1].line;   /* entry stays, a new one follows */
    return set_exc(e);
}

PyrtObject *Pyrt_Reraise(void)
{
    if (!pyrt_handled)
        return Pyrt_ErrSetString(&PyrtType_RuntimeError, "No active exception to reraise");
    Pyrt_IncRef(pyrt_handled);
    Pyrt_ErrRestore(pyrt_handled);
    return NULL;
}

/* ------------------------------------------------------------------ exceptions being handled */

/* sys.exc_info(): (type, value, traceback) of the exception being handled, or (None, None, None) */
PyrtObject *PyrtSys_ExcInfo(void)
{
    PyrtObject *h = pyrt_handled;
    PyrtObject *tb = h ? PyrtTraceback_Get(h) : (Pyrt_IncRef(Pyrt_None), Pyrt_None);
    PyrtObject *t = tb ? PyrtTuple_New(3) : NULL;
    if (!t) {
        Pyrt_XDecRef(tb);
        return NULL;
    }
    PyrtObject *items[3] = {h ? (PyrtObject *)h->type : Pyrt_None, h ? h : Pyrt_None, tb};
    for (int i = 0; i < 2; i++)
        Pyrt_IncRef(items[i]);
    for (int i = 0; i < 3; i++)
        PyrtTuple_SetNew_Steal(t, i, items[i]);
    return t;
}

/* sys.exception(): the exception being handled, or None */
PyrtObject *PyrtSys_Exception(void)
{
    PyrtObject *h = pyrt_handled ? pyrt_handled : Pyrt_None;
    Pyrt_IncRef(h);
    return h;
}

/* The token is the previously handled exception (owned), or None when there was none. */
PyrtObject *Pyrt_ExcEnterHandler(PyrtObject *exc)
{
    PyrtObject *token = pyrt_handled ? pyrt_handled : Pyrt_None;
    Pyrt_XIncRef(exc);
    pyrt_handled = exc;
    return token;
}

void Pyrt_ExcExitHandler(PyrtObject *token)
{
    PyrtObject *old = pyrt_handled;
    pyrt_handled = token == Pyrt_None ? NULL : token;
    Pyrt_XDecRef(old);
}

/* A generator suspends at a yield inside its except block: the exception it handles is parked
 * (returned, owned; None for none) and the caller's (`token`, what was handled when the generator's
 * outermost except block began) is handled again while the caller runs. */
PyrtObject *Pyrt_ExcSuspend(PyrtObject *token)
{
    PyrtObject *own = pyrt_handled ? pyrt_handled : Pyrt_None;
    pyrt_handled = token == Pyrt_None ? NULL : token;
    Pyrt_XIncRef(pyrt_handled);
    return own;
}

/* ... and resumes: the generator's exception is handled again; what the (possibly different) caller
 * handles now becomes the token its except block restores (the old token is released). */
PyrtObject *Pyrt_ExcResume(PyrtObject *held, PyrtObject *token)
{
    PyrtObject *caller = pyrt_handled ? pyrt_handled : Pyrt_None;
    pyrt_handled = held == Pyrt_None ? NULL : held;
    Pyrt_DecRef(token);
    if (pyrt_exc && Pyrt_TypeCheck(pyrt_exc, &PyrtType_BaseException))
        set_context(pyrt_exc);   /* thrown in (throw(), close()): raised inside the except block */
    return caller;
}

PyrtObject *Pyrt_ExcCurrentHandled(void)
{
    return pyrt_handled;
}

/* ------------------------------------------------------------------ tracebacks */

static void trace_add(PyrtObject *exc, const char *file, const char *func, int32_t line)
{
    if (!exc || !Pyrt_TypeCheck(exc, &PyrtType_BaseException))
        return;
    PyrtBaseException *e = EXC(exc);
    PyrtTraceEntry *last = e->ntrace > 0 ? &e->trace[e->ntrace - 1] : NULL;
    if (last && last->line < 0 && strcmp(last->func, func) == 0 && strcmp(last->file, file) == 0) {
        /* this frame caught it (entry with a negative line) and it leaves or is caught again */
        last->line = line;
        return;
    }
    if (e->ntrace == e->captrace) {
        int32_t cap = e->captrace ? e->captrace * 2 : 8;
        /* plain realloc/free (not Pyrt_*): a failure must not replace the exception being raised */
        PyrtTraceEntry *t = realloc(e->trace, (size_t)cap * sizeof(PyrtTraceEntry));
        if (!t)
            return;   /* keep going without this entry */
        e->trace = t;
        e->captrace = cap;
    }
    e->trace[e->ntrace++] = (PyrtTraceEntry){file, func, line};
}

void Pyrt_TracebackAdd(const char *file, const char *func, int32_t line)
{
    trace_add(pyrt_exc, file, func, line);
}

/* The frame catching exc gets its entry (CPython's traceback of a caught exception names the line of
 * the try body that raised), marked by a negative line: if the exception leaves this frame again
 * (a bare `raise`, an unmatched handler, finally, with), Pyrt_TracebackAdd replaces it */
void Pyrt_TracebackCatch(PyrtObject *exc, const char *file, const char *func, int32_t line)
{
    trace_add(exc, file, func, -line);
}

/* Print line `line` of `file` stripped, like CPython's traceback (silently nothing if unreadable);
 * at most its first 1023 bytes. */
static void print_source_line(const char *file, int32_t line)
{
    int fd = open(file, O_RDONLY);
    if (fd < 0)
        return;
    char buf[4096], out[1024];
    size_t olen = 0;
    int32_t n = 1;
    bool done = false;
    ssize_t r;
    while (!done && (r = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < r; i++) {
            if (n == line) {
                if (buf[i] == '\n') {
                    done = true;
                    break;
                }
                if (olen < sizeof out - 1)
                    out[olen++] = buf[i];
            } else if (buf[i] == '\n') {
                n++;
            }
        }
    }
    close(fd);
    if (n != line)
        return;
    out[olen] = 0;
    char *s = out;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t l = strlen(s);
    while (l > 0 && (s[l - 1] == '\r' || s[l - 1] == ' '))
        s[--l] = 0;
    if (l > 0)
        err_puts3("    ", s, "\n");
}

static int32_t entry_line(const PyrtTraceEntry *t)
{
    return t->line < 0 ? -t->line : t->line;
}

static bool same_entry(const PyrtTraceEntry *a, const PyrtTraceEntry *b)
{
    return entry_line(a) == entry_line(b) && strcmp(a->file, b->file) == 0 && strcmp(a->func, b->func) == 0;
}

static void print_trace(PyrtBaseException *e)
{
    err_write("Traceback (most recent call last):\n");
    const PyrtTraceEntry *last = NULL;
    int64_t repeat = 0;
    for (int32_t i = e->ntrace - 1; i >= 0; i--) {
        const PyrtTraceEntry *t = &e->trace[i];
        if (last && same_entry(last, t)) {
            if (++repeat >= 3)
                continue;
        } else {
            if (repeat >= 3)
                print_repeated(repeat);
            repeat = 0;
        }
        last = t;
        char tmp[24];
        err_puts3("  File \"", t->file, "\", line ");
        err_puts3(err_int(tmp, entry_line(t)), ", in ", t->func);
        err_write("\n");
        print_source_line(t->file, entry_line(t));
    }
    if (repeat >= 3)
        print_repeated(repeat);
}

/* Prints an exception's __notes__; set (so linked) only by what can create notes: add_note and a
 * store to __notes__. A program that does neither keeps the attribute machinery out of its output. */
static void print_exc_line(PyrtObject *exc)
{
    char name[256];
    exc_type_name(exc->type, name, sizeof name);
    PyrtObject *saved = Pyrt_ErrFetch();
    PyrtObject *s = Pyrt_Str(exc);
    if (!s) {
        Pyrt_ErrClear();
        err_puts3(name, ": <exception str() failed>", "\n");
    } else if (PyrtStr_Len(s) == 0) {
        err_puts3(name, "", "\n");
    } else {
        err_puts3(name, ": ", PyrtStr_UTF8(s));
        err_write("\n");
    }
    Pyrt_XDecRef(s);
    if (pyrt_print_notes_hook)
        pyrt_print_notes_hook(exc);
    Pyrt_ErrRestore(saved);
}

/* The notes of add_note() after the exception line, one per line, as CPython prints them. */
static void print_notes(PyrtObject *exc)
{
    PyrtObject *name = PyrtStr_FromCString("__notes__");
    PyrtObject *notes = name ? Pyrt_GenericGetAttr(exc, name) : NULL;
    Pyrt_XDecRef(name);
    if (!notes) {
        Pyrt_ErrClear();
        return;
    }
    if (notes->type == &PyrtType_List || notes->type == &PyrtType_Tuple) {
        int64_t n = notes->type == &PyrtType_List ? PyrtList_Len(notes) : PyrtTuple_Len(notes);
        for (int64_t i = 0; i < n; i++) {
            PyrtObject *item = notes->type == &PyrtType_List ? PyrtList_ItemNew(notes, i)
                                                             : (Pyrt_IncRef(PyrtTuple_GetBorrowed(notes, i)),
                                                                PyrtTuple_GetBorrowed(notes, i));
            PyrtObject *text = item ? (PyrtStr_Check(item) ? (Pyrt_IncRef(item), item) : Pyrt_Str(item)) : NULL;
            if (text) {
                err_puts3(PyrtStr_UTF8(text), "", "\n");
            } else {
                Pyrt_ErrClear();
                err_write("<note str() failed>\n");
            }
            Pyrt_XDecRef(text);
            Pyrt_XDecRef(item);
        }
    } else {
        PyrtObject *r = Pyrt_Repr(notes);
        if (r)
            err_puts3(PyrtStr_UTF8(r), "", "\n");
        Pyrt_ErrClear();
        Pyrt_XDecRef(r);
    }
    PYRT_DECREF(notes);
}

/* Print exc with its chain (causes/contexts first); depth bounds pathological chains. */
static void print_chain(PyrtObject *exc, int depth)
{
    PyrtBaseException *e = EXC(exc);
    if (depth < 100) {
        if (e->cause) {
            print_chain(e->cause, depth + 1);
            err_write("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e->context && !e->suppress_context) {
            print_chain(e->context, depth + 1);
            err_write("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if (e->ntrace > 0)
        print_trace(e);
    print_exc_line(exc);
}

static int system_exit_status(PyrtObject *exc)
{
    PyrtObject *code = EXC(exc)->value;
    if (!code || code == Pyrt_None)
        return 0;
    if (code->type == &PyrtType_Int || code->type == &PyrtType_Bool)
        return PyrtInt_IsBig(code) ? 255 : (int)(PyrtInt_AsI64(code) & 0xff);
    PyrtObject *s = Pyrt_Str(code);
    if (s) {
        err_puts3(PyrtStr_UTF8(s), "", "\n");
        PYRT_DECREF(s);
    } else {
        Pyrt_ErrClear();
    }
    return 1;
}

int Pyrt_HandleUncaught(void)
{
    PyrtObject *exc = Pyrt_ErrFetch();
    if (!exc)
        return 0;
    Pyrt_FlushStdout();
    int status = 1;
    if (Pyrt_TypeCheck(exc, &PyrtType_SystemExit))
        status = system_exit_status(exc);
    else
        print_chain(exc, 0);
    PYRT_DECREF(exc);
    return status;
}

/* An exception nobody can catch (raised by __del__): "Exception ignored in: <what>" and the
 * exception with its traceback on stderr, as CPython's unraisable hook prints it; clears it. */
void Pyrt_WriteUnraisable(const char *what)
{
    Pyrt_FlushStdout();
    err_write("Exception ignored in: ");
    Pyrt_WriteUnraisableBare(what);
}

/* (the line's start written by the caller) "<what>\n", the current exception and its traceback */
void Pyrt_WriteUnraisableBare(const char *what)
{
    PyrtObject *exc = Pyrt_ErrFetch();
    if (!exc)
        return;
    err_puts3(what, "\n", "");
    print_chain(exc, 0);
    Pyrt_DecRef(exc);
}

/* atexit (lib/atexit.py registers its list of (func, args, kwargs) here): the program's exit runs
 * them last registered first, after the uncaught exception (if any) is reported and before the
 * module globals are cleared, as CPython does; a callback's exception is printed and ignored. */
static PyrtObject *atexit_callbacks;

PYRT_BUILTIN(__pyrite_register_atexit__)
{
    (void)self; (void)kwnames;
    if (nargs != 1 || !(args[0]->type->flags & PYRT_TPFLAG_LIST))
        return Pyrt_ErrSetString(&PyrtType_TypeError, "__pyrite_register_atexit__ takes a list");
    Pyrt_IncRef(args[0]);
    Pyrt_XDecRef(atexit_callbacks);
    atexit_callbacks = args[0];
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

void Pyrt_RunAtexit(void)
{
    if (!atexit_callbacks || PyrtList_Objects(atexit_callbacks) < 0)
        return;
    while (PyrtList_Len(atexit_callbacks) > 0) {
        PyrtObject *item = PyrtList_Pop(atexit_callbacks, -1);
        if (!item)
            break;
        PyrtObject *func = PyrtTuple_GetBorrowed(item, 0);
        PyrtObject *r = Pyrt_CallEx(func, PyrtTuple_GetBorrowed(item, 1), PyrtTuple_GetBorrowed(item, 2));
        if (r) {
            Pyrt_DecRef(r);
        } else if (Pyrt_TypeCheck(pyrt_exc, &PyrtType_SystemExit)) {
            Pyrt_ErrClear();   /* (CPython ignores SystemExit there silently) */
        } else {
            PyrtObject *exc = Pyrt_ErrFetch();
            PyrtObject *what = Pyrt_Repr(func);
            Pyrt_ErrClear();
            Pyrt_ErrRestore(exc);
            Pyrt_FlushStdout();
            err_write("Exception ignored in atexit callback: ");
            Pyrt_WriteUnraisableBare(what ? PyrtStr_UTF8(what) : "?");
            Pyrt_XDecRef(what);
        }
        Pyrt_DecRef(item);
    }
}

/* sys.excepthook(type, value, traceback) and sys.__excepthook__: print value as an uncaught exception */
PyrtObject *PyrtSys_ExceptHook(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)self;
    if (kwnames && PyrtTuple_Len(kwnames) > 0)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "excepthook() takes no keyword arguments");
    if (nargs != 3)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "excepthook expected 3 arguments, got %lld", (long long)nargs);
    Pyrt_FlushStdout();
    if (Pyrt_TypeCheck(args[1], &PyrtType_BaseException)) {
        print_chain(args[1], 0);
    } else {
        PyrtObject *r = Pyrt_Repr(args[1]);
        err_puts3("TypeError: print_exception(): Exception expected for value, ",
                  args[1]->type->name, " found\n");
        Pyrt_XDecRef(r);
        Pyrt_ErrClear();
    }
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

/* ------------------------------------------------------------------ common messages */

PyrtObject *Pyrt_ErrRecursion(void)
{
    return Pyrt_ErrSetString(&PyrtType_RecursionError, "maximum recursion depth exceeded");
}

PyrtObject *Pyrt_ErrNoAttribute(PyrtObject *o, PyrtObject *name)
{
    const char *n = PyrtStr_UTF8(name);
    if (o->type == &PyrtType_Type)
        return Pyrt_ErrFormat(&PyrtType_AttributeError, "type object '%s' has no attribute '%s'",
                              ((PyrtType *)o)->name, n);
    if (o->type == &PyrtType_Module) {
        PyrtObject *mname = PyrtModule_Name(o);   /* borrowed */
        if (mname && mname->type == &PyrtType_Str)
            return Pyrt_ErrFormat(&PyrtType_AttributeError, "module '%s' has no attribute '%s'",
                                  PyrtStr_UTF8(mname), n);
    }
    return Pyrt_ErrFormat(&PyrtType_AttributeError, "'%s' object has no attribute '%s'", o->type->name, n);
}

PyrtObject *Pyrt_ErrAttributeUnset(PyrtObject *o, const char *name)
{
    return Pyrt_ErrFormat(&PyrtType_AttributeError, "'%s' object has no attribute '%s'", o->type->name,
                          name);
}

/* a builtin pyrite does not provide yet, used by standard-library code (user code gets a compile-time
 * error instead): NameError saying why */
PyrtObject *Pyrt_ErrUnprovided(const char *name, const char *why)
{
    return Pyrt_ErrFormat(&PyrtType_NameError, "name '%s' is not defined (pyrite: %s)", name, why);
}

PyrtObject *Pyrt_ErrNameError(const char *name)
{
    return Pyrt_ErrFormat(&PyrtType_NameError, "name '%s' is not defined", name);
}

PyrtObject *Pyrt_ErrUnboundLocal(const char *name)
{
    return Pyrt_ErrFormat(&PyrtType_UnboundLocalError,
                          "cannot access local variable '%s' where it is not associated with a value",
                          name);
}

PyrtObject *Pyrt_ErrFreeVar(const char *name)
{
    return Pyrt_ErrFormat(&PyrtType_NameError,
                          "cannot access free variable '%s' where it is not associated with a value in "
                          "enclosing scope",
                          name);
}

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
#define EXC_PTR(var, nm, basevar) &var,
static PyrtType *const exc_types[] = { EXC_TYPES(EXC_PTR) };
#define NEXC_TYPES ((int)(sizeof exc_types / sizeof exc_types[0]))

void pyrt_lazy_methods_exc(void)
{
    PyrtType_BaseException.methods = exc_methods;
}
void pyrt_lazy_getattr_exc(void)
{
    for (int i = 0; i < NEXC_TYPES; i++)
        exc_types[i]->getattr = exc_getattr;
}
void pyrt_lazy_setattr_exc(void)
{
    for (int i = 0; i < NEXC_TYPES; i++)
        exc_types[i]->setattr = exc_setattr;
}
void pyrt_lazy_tp_new_exc(void)
{
    for (int i = 0; i < NEXC_TYPES; i++)
        exc_types[i]->tp_new = exc_tp_new;
}

/* __pyrite_removed__("module.qualname"): the body of a standard-library function that
 * frontend/prune.py left out of the build because nothing in the program names it. Being called
 * means a name was computed in a way that rule did not foresee: stop with a message rather than
 * raise an exception that an `except Exception` could swallow into a different result. */
PYRT_BUILTIN(__pyrite_removed__)
{
    (void)self; (void)kwnames;
    const char *where = "?";
    if (nargs == 1 && (args[0]->type->flags & PYRT_TPFLAG_STR))
        where = ((PyrtStr *)args[0])->data;
    Pyrt_Finalize(70);   /* what the program printed so far comes out first */
    static const char a[] = "pyrite: fatal error: the function '", b[] = "' was left out of this build "
        "because nothing in the program names it, but it was called (through a computed name).\n"
        "Build with --keep-unused to keep every function, and please report this.\n";
    Pyrt_PlatformWrite(2, a, sizeof a - 1);
    Pyrt_PlatformWrite(2, where, strlen(where));
    Pyrt_PlatformWrite(2, b, sizeof b - 1);
    exit(70);
}
