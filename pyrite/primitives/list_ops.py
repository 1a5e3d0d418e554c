"""Primitives defined in runtime/src/list.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'list'
PRIMITIVES = [
    P('PyrtList_Append', user_code=False, borrow_safe=True),
    P('PyrtList_Concat', user_code=False),
    P('PyrtList_Contains'),
    P('PyrtList_Extend'),
    P('PyrtList_GetSliceOpt'),
    P('PyrtList_New', user_code=False),
    P('PyrtList_Pop', user_code=False),
    P('PyrtList_Repeat', user_code=False),
    P('PyrtList_SetSliceOpt'),
]
