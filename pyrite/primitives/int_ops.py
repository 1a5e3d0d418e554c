"""Primitives defined in runtime/src/int.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'int'
PRIMITIVES = [
    P('PyrtFloat_AsDoubleChecked'),
    P('PyrtI64_LShift'),
    P('PyrtI64_Pow'),
    P('PyrtI64_RShift'),
    P('PyrtInt_AsI64Checked'),
    P('PyrtInt_FromI64'),
    P('PyrtInt_Repr', user_code=False),
    P('PyrtNum_CompareI64F64'),
]
