/* pyrt_core.h: extra runtime declarations owned by the core area (see pyrt.h for the conventions). */
#ifndef PYRT_CORE_H
#define PYRT_CORE_H
#include <stdarg.h>

/* A str built printf-style: %s %d %i %u %lld %llu %zd %zu %x %c %p %% plus %R (repr of a PyrtObject*)
 * and %S (str of a PyrtObject*). */
PyrtObject *Pyrt_StrFormat(const char *fmt, ...);
PyrtObject *Pyrt_StrFormatV(const char *fmt, va_list ap);

/* Release what a compiled-class instance holds (OBJ fields and the attribute dict), not the memory:
 * the dealloc of PyrtInstance-based types. */
void PyrtInstance_Release(PyrtObject *o);

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
#endif
