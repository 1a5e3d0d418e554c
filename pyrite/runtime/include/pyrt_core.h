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

/* BaseException methods (PyrtMethFn form) */
PyrtObject *PyrtBaseException_meth___init__(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                            PyrtObject *kwnames);
PyrtObject *PyrtBaseException_meth_with_traceback(PyrtObject *self, PyrtObject *const *args,
                                                  int64_t nargs, PyrtObject *kwnames);
#endif
