"""Primitives defined in runtime/src/str.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'str'
PRIMITIVES = [
    P('PyrtStr_FromCString', 'obj(c) null', user_code=False),
    P('PyrtStr_ConcatArray', 'obj[](argv) null', user_code=False),
    P('PyrtStr_FormatChar', 'obj(i64) null', user_code=False),
    P('PyrtStr_Chr', user_code=False),
    P('PyrtStr_Compare'),
    P('PyrtStr_Concat', 'obj(obj, obj) null', user_code=False, borrow_safe=True),
    P('PyrtStr_Constant'),
    P('PyrtStr_ConstantShared'),
    P('PyrtStr_Contains', 'bool(obj, obj) neg'),
    P('PyrtStr_Eq'),
    P('PyrtStr_FromCodePoint'),
    P('PyrtStr_GetItem', user_code=False, borrow_safe=True),
    P('PyrtStr_Ord', user_code=False),
    P('PyrtStr_Repeat', 'obj(obj, i64) null', user_code=False, borrow_safe=True),
]
