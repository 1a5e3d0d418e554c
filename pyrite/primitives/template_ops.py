"""C expressions lowering emits inline (ops.Expr), by name: pure, never failing, no user code.
Lowering names the operation and its operands; the C text lives only here (and codegen fills it in),
so a change of representation (the tagged int of issue 8) changes this table, not the lowering.
Templates refer to operands as {0}, {1}...; an operand is a register or a C constant (`c`)."""
from pyrite.primitives.base import Primitive


def T(name, sig, template):
    p = Primitive(name, sig + " never", user_code=False, borrow_safe=True)
    p.template = template
    return p


AREA = 'template'
_CMP = {"lt": "<", "le": "<=", "eq": "==", "ne": "!=", "gt": ">", "ge": ">="}
PRIMITIVES = [
    # Python ints: tagged (runtime/include/pyrt_int.h)
    T('int_from_bool', 'int(bool)', 'pyrt_int_from_bool({0})'),
    T('int_small', 'int(i64)', 'pyrt_int_small({0})'),        # a value known to be within +-2**62
    T('int_truth', 'bool(int)', '(int8_t)({0} != 0)'),
    T('int_eq', 'bool(int, int)', 'pyrt_int_eq({0}, {1})'),
    T('int_ne', 'bool(int, int)', '(int8_t)!pyrt_int_eq({0}, {1})'),
    T('int_compare_f64', 'bool(int, f64, c)', 'PyrtTagged_CompareF64({0}, {1}, {2})'),
] + [T('int_' + n, 'bool(int, int)', 'pyrt_int_compare({0}, {1}, PYRT_%s)' % n.upper())
     for n in _CMP if n not in ("eq", "ne")] + [
    # machine ints (int64_t: lengths, indices, counters)
    T('i64_from_bool', 'i64(bool)', '(int64_t){0}'),
    T('i64_and', 'i64(i64, i64)', '({0} & {1})'),
    T('i64_or', 'i64(i64, i64)', '({0} | {1})'),
    T('i64_xor', 'i64(i64, i64)', '({0} ^ {1})'),
    T('i64_invert', 'i64(i64)', '(~{0})'),
    T('i64_truth', 'bool(i64)', '(int8_t)({0} != 0)'),
    T('i64_add_small', 'i64(i64, c)', '({0} + {1})'),        # a loop counter within a range: no overflow
    T('range_next', 'i64(i64, i64, i64)', 'pyrt_range_next({0}, {1}, {2})'),   # i + step, or stop if that overflows
    T('range_continues', 'bool(i64, i64, i64)', '(int8_t)({2} > 0 ? {0} < {1} : {0} > {1})'),
    T('range_item', 'i64(i64, i64, i64)', '({0} + {2} * {1})'),                  # start, step, k
    T('range_item_reversed', 'i64(i64, i64, i64, i64)', '({0} + ({2} - 1 - {3}) * {1})'),
    T('num_compare_i64_f64', 'bool(i64, f64, c)', '(int8_t)PyrtNum_CompareI64F64({0}, {1}, {2})'),
] + [T('i64_' + n, 'bool(i64, i64)', '(int8_t)({0} %s {1})' % op) for n, op in _CMP.items()] + [
    # floats
    T('f64_from_i64', 'f64(i64)', '(double){0}'),
    T('f64_add', 'f64(f64, f64)', '({0} + {1})'),
    T('f64_sub', 'f64(f64, f64)', '({0} - {1})'),
    T('f64_mul', 'f64(f64, f64)', '({0} * {1})'),
    T('f64_neg', 'f64(f64)', '(-{0})'),
    T('f64_abs', 'f64(f64)', 'fabs({0})'),
    T('f64_truth', 'bool(f64)', '(int8_t)({0} != 0.0)'),
] + [T('f64_' + n, 'bool(f64, f64)', '(int8_t)({0} %s {1})' % op) for n, op in _CMP.items()] + [
    # int | float (PyrtNum)
    T('num_from_i64', 'num(i64)', 'PyrtNum_I({0})'),
    T('num_from_f64', 'num(f64)', 'PyrtNum_F({0})'),
    T('num_to_f64', 'f64(num)', 'PyrtNum_AsF64({0})'),
    T('num_truth', 'bool(num)', 'PyrtNum_Truth({0})'),
    T('num_compare', 'bool(num, num, c)', 'PyrtNum_Compare({0}, {1}, {2})'),
    # bools
    T('bool_and', 'bool(bool, bool)', '(int8_t)({0} & {1})'),
    T('bool_or', 'bool(bool, bool)', '(int8_t)({0} | {1})'),
    T('bool_xor', 'bool(bool, bool)', '(int8_t)({0} ^ {1})'),
    T('bool_not', 'bool(bool)', '(int8_t)!{0}'),
    T('bool_both', 'bool(bool, bool)', '(int8_t)({0} && {1})'),
    T('bool_const', 'bool(c)', '(int8_t){0}'),
    # objects
    T('is_same', 'bool(obj, obj)', '(int8_t)({0} == {1})'),
    T('is_not_same', 'bool(obj, obj)', '(int8_t)({0} != {1})'),
    T('is_not_none', 'bool(obj)', '(int8_t)({0} != Pyrt_None)'),
    T('is_not_implemented', 'bool(obj)', '({0} == Pyrt_NotImplemented)'),
    T('is_null', 'bool(obj)', '(int8_t)({0} == NULL)'),
    T('is_not_null', 'bool(obj)', '(int8_t)({0} != NULL)'),
    T('type_of', 'ptr(obj)', '(PyrtObject *){0}->type'),
    T('builtin_type', 'ptr(c)', '(PyrtObject *)&PyrtType_{0}'),
    T('class_object', 'ptr(c)', '(PyrtObject *){0}'),
    T('ellipsis', 'ptr()', '(&Pyrt_EllipsisStruct)'),
    T('i64_is_one', 'bool(i64)', '(int8_t)({0} == 1)'),
    T('error_line', 'i64()', '((int64_t)__line)'),      # the line the last failing op recorded
    T('set_error_line', 'i64(i64)', '(__line = (int32_t){0})'),
    # functions and closures
    T('func_closure', 'ptr(obj)', '((PyrtFunction *){0})->closure'),
    T('func_kwdefault', 'ptr(obj, c)', 'PyrtDict_GetItemStr(((PyrtFunction *){0})->kwdefaults, {1})'),
    T('func_default', 'ptr(obj, c)', 'PyrtTuple_GetBorrowed(((PyrtFunction *){0})->defaults, {1})'),
    T('closure_cell', 'ptr(obj, c)', 'PyrtTuple_GetBorrowed({0}, {1})'),
    # strs, lists, tuples, ranges
    T('str_len', 'i64(obj)', 'PyrtStr_Len({0})'),
    T('str_truth', 'bool(obj)', '(int8_t)(PyrtStr_Len({0}) != 0)'),
    T('str_eq', 'bool(obj, obj)', 'pyrt_str_eq({0}, {1})'),
    T('str_ne', 'bool(obj, obj)', '(int8_t)!pyrt_str_eq({0}, {1})'),
] + [T('str_' + n, 'bool(obj, obj)', '(int8_t)(pyrt_str_cmp({0}, {1}) %s 0)' % op)
     for n, op in _CMP.items() if n not in ("eq", "ne")] + [
    T('list_len', 'i64(obj)', 'PyrtList_Len({0})'),
    T('list_truth', 'bool(obj)', '(int8_t)(PyrtList_Len({0}) != 0)'),
    T('list_index_ok', 'bool(i64, obj)', '(int8_t)({0} < PyrtList_Len({1}))'),
    T('list_item_f64', 'f64(obj, i64)', 'pyrt_list_item_f64({0}, {1})'),
    T('list_item_borrowed', 'ptr(obj, i64)', '((PyrtList *){0})->ob_item[{1}]'),
    T('list_item_f64_at', 'f64(obj, c)', 'pyrt_list_item_f64({0}, {1})'),
    T('list_item_borrowed_at', 'ptr(obj, c)', '((PyrtList *){0})->ob_item[{1}]'),
    T('tuple_len', 'i64(obj)', 'PyrtTuple_Len({0})'),
    T('tuple_item_borrowed_at', 'ptr(obj, c)', '((PyrtTuple *){0})->items[{1}]'),
    T('range_start', 'i64(obj)', '((PyrtRange *){0})->start'),
    T('range_step', 'i64(obj)', '((PyrtRange *){0})->step'),
    T('range_length', 'i64(obj)', '((PyrtRange *){0})->length'),
    # time
    T('time_time', 'f64()', 'Pyrt_TimeTime()'),
    T('time_perf_counter', 'f64()', 'Pyrt_TimePerfCounter()'),
]
