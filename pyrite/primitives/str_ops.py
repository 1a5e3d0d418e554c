"""Primitives defined in runtime/src/str.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'str'
PRIMITIVES = [
    P('PyrtStr_ConcatArray', user_code=False),
    P('PyrtStr_FormatChar', user_code=False),
    P('PyrtStr_Chr', user_code=False),
    P('PyrtStr_Compare'),
    P('PyrtStr_Concat', user_code=False, borrow_safe=True),
    P('PyrtStr_Constant'),
    P('PyrtStr_Contains'),
    P('PyrtStr_Eq'),
    P('PyrtStr_FromCodePoint'),
    P('PyrtStr_GetItem', user_code=False, borrow_safe=True),
    P('PyrtStr_Ord', user_code=False),
    P('PyrtStr_Repeat', user_code=False, borrow_safe=True),
]
