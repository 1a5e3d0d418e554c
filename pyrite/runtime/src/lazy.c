/* lazy.c: slots that only dynamic dispatch reads, installed on its first use.
 *
 * "Only what the program uses is linked": a type descriptor referencing every method and slot of
 * its type would link all of them (and, transitively, most of the runtime) into every program. So
 * the static descriptors leave these slot kinds NULL:
 *   methods            read by attribute lookup (Pyrt_GetAttr/Pyrt_CallMethod/super())
 *   getattr, setattr   read by Pyrt_GetAttr / Pyrt_SetAttr / Pyrt_CallMethod
 *   binop, unop        read by Pyrt_BinaryOp / Pyrt_UnaryOp
 *   format             read by Pyrt_Format
 *   tp_new             read when a type object is called
 *   call (type.c)      read by Pyrt_Call and callable()
 * Each runtime file defines pyrt_lazy_<kind>_<file>() filling in its types' slots of that kind;
 * the reader calls PYRT_LAZY_ENSURE(kind) (pyrt_core.h) first, which runs them all once. Because
 * only the reader references the installer, a program whose code never reaches e.g. a dynamic
 * binary operation links no binop slot at all. User classes created before the installation
 * inherit the new slots then (pyrt_lazy_inherit in type.c).
 *
 * Adding a builtin type or slot of these kinds: set it in the file's pyrt_lazy_<kind>_<file>(),
 * never in the static initializer (declare new installers here). */
#include "pyrt.h"
#include "pyrt_core.h"
#include <stddef.h>

void pyrt_lazy_methods_bytes(void);
void pyrt_lazy_methods_dict(void);
void pyrt_lazy_methods_exc(void);
void pyrt_lazy_methods_float(void);
void pyrt_lazy_methods_gen(void);
void pyrt_lazy_methods_int(void);
void pyrt_lazy_methods_io(void);
void pyrt_lazy_methods_list(void);
void pyrt_lazy_methods_object(void);
void pyrt_lazy_methods_range(void);
void pyrt_lazy_methods_set(void);
void pyrt_lazy_methods_str(void);
void pyrt_lazy_methods_tuple(void);
void pyrt_lazy_methods_type(void);
bool pyrt_lazy_have_methods;
void pyrt_lazy_install_methods(void)
{
    pyrt_lazy_have_methods = true;
    pyrt_lazy_methods_bytes();
    pyrt_lazy_methods_dict();
    pyrt_lazy_methods_exc();
    pyrt_lazy_methods_float();
    pyrt_lazy_methods_gen();
    pyrt_lazy_methods_int();
    pyrt_lazy_methods_io();
    pyrt_lazy_methods_list();
    pyrt_lazy_methods_object();
    pyrt_lazy_methods_range();
    pyrt_lazy_methods_set();
    pyrt_lazy_methods_str();
    pyrt_lazy_methods_tuple();
    pyrt_lazy_methods_type();
}

void pyrt_lazy_getattr_exc(void);
void pyrt_lazy_getattr_io(void);
void pyrt_lazy_getattr_mathmod(void);
void pyrt_lazy_getattr_range(void);
void pyrt_lazy_getattr_type(void);
bool pyrt_lazy_have_getattr;
void pyrt_lazy_install_getattr(void)
{
    pyrt_lazy_have_getattr = true;
    pyrt_lazy_getattr_exc();
    pyrt_lazy_getattr_io();
    pyrt_lazy_getattr_mathmod();
    pyrt_lazy_getattr_range();
    pyrt_lazy_getattr_type();
    pyrt_lazy_inherit(offsetof(PyrtType, getattr));
}

void pyrt_lazy_setattr_exc(void);
void pyrt_lazy_setattr_mathmod(void);
void pyrt_lazy_setattr_type(void);
bool pyrt_lazy_have_setattr;
void pyrt_lazy_install_setattr(void)
{
    pyrt_lazy_have_setattr = true;
    pyrt_lazy_setattr_exc();
    pyrt_lazy_setattr_mathmod();
    pyrt_lazy_setattr_type();
    pyrt_lazy_inherit(offsetof(PyrtType, setattr));
}

void pyrt_lazy_binop_bytes(void);
void pyrt_lazy_binop_dict(void);
void pyrt_lazy_binop_float(void);
void pyrt_lazy_binop_int(void);
void pyrt_lazy_binop_list(void);
void pyrt_lazy_binop_set(void);
void pyrt_lazy_binop_str(void);
void pyrt_lazy_binop_tuple(void);
bool pyrt_lazy_have_binop;
void pyrt_lazy_install_binop(void)
{
    pyrt_lazy_have_binop = true;
    pyrt_lazy_binop_bytes();
    pyrt_lazy_binop_dict();
    pyrt_lazy_binop_float();
    pyrt_lazy_binop_int();
    pyrt_lazy_binop_list();
    pyrt_lazy_binop_set();
    pyrt_lazy_binop_str();
    pyrt_lazy_binop_tuple();
    pyrt_lazy_inherit(offsetof(PyrtType, binop));
}

void pyrt_lazy_unop_float(void);
void pyrt_lazy_unop_int(void);
bool pyrt_lazy_have_unop;
void pyrt_lazy_install_unop(void)
{
    pyrt_lazy_have_unop = true;
    pyrt_lazy_unop_float();
    pyrt_lazy_unop_int();
    pyrt_lazy_inherit(offsetof(PyrtType, unop));
}

void pyrt_lazy_format_float(void);
void pyrt_lazy_format_int(void);
void pyrt_lazy_format_str(void);
bool pyrt_lazy_have_format;
void pyrt_lazy_install_format(void)
{
    pyrt_lazy_have_format = true;
    pyrt_lazy_format_float();
    pyrt_lazy_format_int();
    pyrt_lazy_format_str();
    pyrt_lazy_inherit(offsetof(PyrtType, format));
}

void pyrt_lazy_tp_new_bytes(void);
void pyrt_lazy_tp_new_dict(void);
void pyrt_lazy_tp_new_exc(void);
void pyrt_lazy_tp_new_float(void);
void pyrt_lazy_tp_new_int(void);
void pyrt_lazy_tp_new_iter(void);
void pyrt_lazy_tp_new_list(void);
void pyrt_lazy_tp_new_object(void);
void pyrt_lazy_tp_new_range(void);
void pyrt_lazy_tp_new_set(void);
void pyrt_lazy_tp_new_str(void);
void pyrt_lazy_tp_new_tuple(void);
void pyrt_lazy_tp_new_type(void);
bool pyrt_lazy_have_tp_new;
void pyrt_lazy_install_tp_new(void)
{
    pyrt_lazy_have_tp_new = true;
    pyrt_lazy_tp_new_bytes();
    pyrt_lazy_tp_new_dict();
    pyrt_lazy_tp_new_exc();
    pyrt_lazy_tp_new_float();
    pyrt_lazy_tp_new_int();
    pyrt_lazy_tp_new_iter();
    pyrt_lazy_tp_new_list();
    pyrt_lazy_tp_new_object();
    pyrt_lazy_tp_new_range();
    pyrt_lazy_tp_new_set();
    pyrt_lazy_tp_new_str();
    pyrt_lazy_tp_new_tuple();
    pyrt_lazy_tp_new_type();
}

void pyrt_lazy_call_type(void);
bool pyrt_lazy_have_call;
void pyrt_lazy_install_call(void)
{
    pyrt_lazy_have_call = true;
    pyrt_lazy_call_type();
    pyrt_lazy_inherit(offsetof(PyrtType, call));
}
