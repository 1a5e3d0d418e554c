/* type.c: classes and the objects that make them work. The `type` type (repr, attribute access,
 * calling a class), compiled user classes (PyrtType_NewUser, the dunder-dispatching slots they get),
 * instances (compiled fields, attribute dict, generic getattr/setattr with descriptors), functions,
 * bound methods, builtin functions and bound builtin methods, cells, staticmethod/classmethod/
 * property, super(), and argument parsing with CPython's exact error messages. */
#include "pyrt.h"
#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------------ the type type */

static PyrtObject *type_repr(PyrtObject *o)
{
    PyrtType *t = (PyrtType *)o;
    if (t->module && strcmp(t->module, "builtins") != 0)
        return Pyrt_StrFormat("<class '%s.%s'>", t->module, t->name);
    return Pyrt_StrFormat("<class '%s'>", t->name);
}

static PyrtObject *type_call(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                             PyrtObject *kwnames)
{
    PyrtType *t = (PyrtType *)callable;
    if (!t->tp_new)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "cannot create '%s' instances", t->name);
    return t->tp_new(callable, args, nargs, kwnames);
}

/* type(x) */
static PyrtObject *type_tp_new(PyrtObject *callable, PyrtObject *const *args, int64_t nargs,
                               PyrtObject *kwnames)
{
    (void)callable;
    if (nargs == 1 && (!kwnames || PyrtTuple_Len(kwnames) == 0))
        return Pyrt_TypeOf(args[0]);
    return Pyrt_ErrSetString(&PyrtType_TypeError, "type() takes 1 or 3 arguments");
}

PyrtType PyrtType_Type = {
    .ob = PYRT_TYPE_HEAD, .name = "type", .base = &PyrtType_Object, .basicsize = sizeof(PyrtType),
    .flags = PYRT_TPFLAG_TYPE, .repr = type_repr, .call = type_call, .tp_new = type_tp_new,
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
        }
    }
    PYRT_CLEAR(inst->dict);
}
