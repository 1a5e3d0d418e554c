"""Primitives defined in codegen/prelude.py and runtime/include/*.h (static inline or macros) (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'inline'
PRIMITIVES = [
    P('Pyrt_TypeCheck', user_code=False),
    P('pyrt_err_arg_type', 'void(obj, c, c, c) always'),
    P('pyrt_err_self_type', 'void(obj, c, c) always'),
    P('pyrt_check_init_result', 'void(obj) neg', user_code=False, borrow_safe=True),
    P('pyrt_list_append_f64', 'void(obj, f64) neg', user_code=False, borrow_safe=True),
    P('pyrt_list_append_i64', 'void(obj, i64) neg', user_code=False, borrow_safe=True),
    P('pyrt_list_get_f64', 'f64(obj, i64) true', user_code=False, borrow_safe=True),
    P('pyrt_list_get_i64', 'i64(obj, i64) true', user_code=False, borrow_safe=True),
    P('pyrt_list_index', user_code=False, borrow_safe=True),
    P('pyrt_list_init_f64', 'void(obj, c, f64) never', user_code=False, borrow_safe=True),
    P('pyrt_list_init_i64', 'void(obj, c, i64) never', user_code=False, borrow_safe=True),
    P('pyrt_list_item_f64', user_code=False, borrow_safe=True),
    P('pyrt_list_item_i64c', 'i64(obj, i64) magic', user_code=False, borrow_safe=True),
    P('pyrt_int_obj_i64', user_code=False, borrow_safe=True),
    P('pyrt_list_objects', 'void(obj) neg', user_code=False, borrow_safe=True),
    P('pyrt_list_set_f64', 'void(obj, i64, f64) neg', user_code=False, borrow_safe=True),
    P('pyrt_list_set_i64', 'void(obj, i64, i64) neg', user_code=False, borrow_safe=True),
    P('PyrtNum_Add', 'num(num, num) true', user_code=False, borrow_safe=True),
    P('PyrtNum_AsF64', user_code=False, borrow_safe=True),
    P('PyrtNum_Compare', user_code=False, borrow_safe=True),
    P('PyrtNum_F', user_code=False, borrow_safe=True),
    P('PyrtNum_I', user_code=False, borrow_safe=True),
    P('PyrtNum_Mul', 'num(num, num) true', user_code=False, borrow_safe=True),
    P('PyrtNum_Neg', 'num(num) true', user_code=False, borrow_safe=True),
    P('PyrtNum_Sub', 'num(num, num) true', user_code=False, borrow_safe=True),
    P('PyrtNum_Truth', user_code=False, borrow_safe=True),
    P('PyrtFloat_AsDouble'),
    P('PyrtI64_Add', 'i64(i64, i64) true'),
    P('PyrtI64_FloorDiv', 'i64(i64, i64) true'),
    P('PyrtI64_Mod', 'i64(i64, i64) true'),
    P('PyrtI64_Mul', 'i64(i64, i64) true'),
    P('PyrtI64_Neg', 'i64(i64) true'),
    P('PyrtI64_Sub', 'i64(i64, i64) true'),
    P('PyrtI64_TrueDiv', 'f64(i64, i64) true'),
    P('PyrtInt_AsI64'),
    P('PyrtList_Len'),
    P('PyrtList_SetNew_Steal', 'void(obj, c, obj) never', user_code=False),
    P('PyrtStr_Len'),
    P('PyrtTuple_GetBorrowed'),
    P('PyrtTuple_Len'),
    P('PyrtTuple_SetNew_Steal', 'void(obj, c, obj) never', user_code=False),
    P('Pyrt_BoolFromC'),
    P('Pyrt_DecRef'),
    P('Pyrt_EnterCall'),
    P('Pyrt_IncRef'),
    P('Pyrt_LeaveCall'),
    P('Pyrt_XDecRef'),
    P('Pyrt_XIncRef'),
    P('pyrt_box_i64'),
    P('pyrt_box_int'),
    P('pyrt_cell_get_free', 'obj(obj, c) null', user_code=False),
    P('pyrt_cell_get_local', 'obj(obj, c) null', user_code=False),
    P('pyrt_cell_set', 'void(obj, obj) never', user_code=False),
    P('pyrt_cell_del', 'void(obj, c, c) neg', user_code=False),
    P('pyrt_class_ns_del', 'void(obj, c) neg'),
    P('pyrt_class_setup_annotations', 'void(obj) neg'),
    P('pyrt_class_annotate', 'void(obj, c, obj) neg'),
    P('pyrt_dict_get_name', 'obj(obj, c) null'),
    P('pyrt_err_import_name', 'void(c, c) always'),
    P('pyrt_err_module_attr', 'void(c, c) always'),
    P('pyrt_err_no_module', 'void(c) always'),
    P('pyrt_method_function', 'ptr(obj, obj, c, c, c) null', user_code=False, borrow_safe=True),
    P('pyrt_type_set_names', 'void(obj, c, c) never', user_code=False, borrow_safe=True),
    P('pyrt_err_not_compiled_in', 'void(c, c) always'),
    P('pyrt_err_no_init_args', 'void(c) always'),
    P('pyrt_err_restore_new', 'void(obj) always'),
    P('pyrt_err_restore_steal', 'void(obj) always'),
    P('pyrt_exc_new', 'obj[c](argv) null'),
    P('pyrt_gen_set_return', 'void(c, obj) never'),
    P('pyrt_list_get_borrowed', 'ptr(obj, i64) null', user_code=False, borrow_safe=True),
    P('pyrt_list_set', 'void(obj, i64, obj) neg', user_code=False, borrow_safe=True),
    P('pyrt_list_set_steal', 'void(obj, i64, obj) neg', user_code=False, borrow_safe=True),
    P('pyrt_freelist_pop', user_code=False),
    P('pyrt_gc_link', user_code=False),
    P('pyrt_new_instance', 'obj(c, c, c) null', user_code=False),
    P('pyrt_property_setter', 'obj(obj, c, obj) null'),
    P('pyrt_range_check_step', 'void(i64) neg'),
    P('pyrt_set_dealloc', 'void(obj, c) never'),
    P('pyrt_str_cmp'),
    P('pyrt_str_eq'),
    P('pyrt_type_new_user', 'obj(c, c, c, c, c, obj, c, c) null'),
    P('pyrt_class_bases', 'obj(c, c) null', user_code=False),
    P('pyrt_range_next', user_code=False, borrow_safe=True),
    P('pyrt_str_ord', 'i64(obj) flag'),
    P('pyrt_str_getitem', 'obj(obj, i64) null', user_code=False, borrow_safe=True),
    P('pyrt_str_chr', 'obj(i64) null', user_code=False),
    P('pyrt_unbox_bool'),
    P('pyrt_unbox_i64'),
    # tagged ints (runtime/include/pyrt_int.h, pyrt_int_box and list helpers in the prelude)
    P('pyrt_int_box'),
    P('pyrt_int_of_obj'),
    P('pyrt_int_obj'),
    P('pyrt_int_from_bool'),
    P('pyrt_int_small'),
    P('pyrt_int_floordiv_small', user_code=False, borrow_safe=True),   # (operands and quotient known small: ir/ranges.py)
    P('pyrt_int_mod_small', user_code=False, borrow_safe=True),
    P('pyrt_int_eq'),
    P('pyrt_int_compare'),
    P('pyrt_int_incref'),
    P('pyrt_int_decref'),
    P('pyrt_int_from_i64', 'int(i64) magic', user_code=False, borrow_safe=True),
    P('pyrt_int_as_i64', 'i64(int) magic', user_code=False, borrow_safe=True),
    P('pyrt_int_as_index', 'i64(int) magic', user_code=False, borrow_safe=True),
    P('pyrt_int_as_f64', 'f64(int) magic', user_code=False, borrow_safe=True),
    P('pyrt_int_truediv', 'f64(int, int) magic', user_code=False, borrow_safe=True),
    P('pyrt_list_item_int', 'int(obj, i64) magic', user_code=False, borrow_safe=True),
    P('pyrt_list_get_int', 'int(obj, i64) magic', user_code=False, borrow_safe=True),
    P('pyrt_list_set_int', 'void(obj, i64, int) neg', user_code=False, borrow_safe=True),
    P('pyrt_list_append_int', 'void(obj, int) neg', user_code=False, borrow_safe=True),
] + [P('pyrt_int_' + n, 'int(int, int) magic', user_code=False, borrow_safe=True)
     for n in ('add', 'sub', 'mul', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and', 'or', 'xor')] + [
    P('pyrt_int_' + n, 'int(int) magic', user_code=False, borrow_safe=True) for n in ('neg', 'invert', 'abs')]


def _split(name, fast, slow):
    for p in PRIMITIVES:
        if p.name == name:
            p.fast, p.slow = fast, slow
            return
    raise AssertionError(name)


for _op, _code in (("add", "ADD"), ("sub", "SUB"), ("mul", "MUL"), ("and", "AND"), ("or", "OR"), ("xor", "XOR")):
    _split("pyrt_int_" + _op, "pyrt_int_%s_fast({0}, {1}, &{out})" % _op, "PyrtTagged_BinOp({0}, {1}, PYRT_%s)" % _code)
for _op, _code in (("floordiv", "FLOORDIV"), ("mod", "MOD")):
    _split("pyrt_int_" + _op, "pyrt_int_%s_fast({0}, {1}, &{out})" % _op, "PyrtTagged_BinOp({0}, {1}, PYRT_%s)" % _code)
_split("pyrt_int_as_f64", "!({0} & 1) && (({out} = (double)({0} >> 1)), 1)", "PyrtTagged_AsF64Slow({0})")
_split("pyrt_int_from_i64", "!__builtin_add_overflow({0}, {0}, &{out})", "PyrtTagged_FromI64Big({0})")
_split("pyrt_int_as_index", "!({0} & 1) && (({out} = {0} >> 1), 1)", "PyrtTagged_AsIndexSlow({0})")
_split("pyrt_int_as_i64", "!({0} & 1) && (({out} = {0} >> 1), 1)", "PyrtTagged_AsI64Slow({0})")
_split("pyrt_list_item_i64c",
       "((PyrtList *){0})->kind == PYRT_LIST_I64 && (({out} = ((int64_t *)((PyrtList *){0})->ob_item)[{1}]), 1)",
       "pyrt_list_item_i64c({0}, {1})")
