"""Primitives defined in runtime/src/int.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'int'
PRIMITIVES = [
    P('PyrtNum_Abs', 'num(num) true', user_code=False, borrow_safe=True),
    P('PyrtNum_FloorDiv', 'num(num, num) true', user_code=False, borrow_safe=True),
    P('PyrtNum_Mod', 'num(num, num) true', user_code=False, borrow_safe=True),
    P('PyrtNum_Pow', 'num(num, num) true', user_code=False, borrow_safe=True),
    P('PyrtNum_TrueDiv', 'f64(num, num) true', user_code=False, borrow_safe=True),
    P('PyrtFloat_AsDoubleChecked'),
    P('PyrtI64_LShift', 'i64(i64, i64) true'),
    P('PyrtI64_Pow', 'i64(i64, i64) true'),
    P('PyrtI64_RShift', 'i64(i64, i64) true'),
    P('PyrtInt_AsI64Checked'),
    P('PyrtInt_ToI64', user_code=False, borrow_safe=True),
    P('PyrtErr_IntOverflow', user_code=False),
    P('PyrtInt_FromI64'),
    P('PyrtInt_Repr', 'obj(i64) null', user_code=False),
    P('PyrtNum_CompareI64F64'),
]
