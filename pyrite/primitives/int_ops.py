"""Primitives defined in runtime/src/int.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'int'
PRIMITIVES = [
    P('PyrtNum_Abs', user_code=False, borrow_safe=True),
    P('PyrtNum_FloorDiv', user_code=False, borrow_safe=True),
    P('PyrtNum_Mod', user_code=False, borrow_safe=True),
    P('PyrtNum_Pow', user_code=False, borrow_safe=True),
    P('PyrtNum_TrueDiv', user_code=False, borrow_safe=True),
    P('PyrtFloat_AsDoubleChecked'),
    P('PyrtI64_LShift'),
    P('PyrtI64_Pow'),
    P('PyrtI64_RShift'),
    P('PyrtInt_AsI64Checked'),
    P('PyrtInt_FromI64'),
    P('PyrtInt_Repr', user_code=False),
    P('PyrtNum_CompareI64F64'),
]
