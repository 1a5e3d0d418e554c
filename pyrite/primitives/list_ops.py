"""Primitives defined in runtime/src/list.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'list'
PRIMITIVES = [
    P('PyrtList_AppendF64', user_code=False, borrow_safe=True),
    P('PyrtList_AppendI64', user_code=False, borrow_safe=True),
    P('PyrtList_Generalize', user_code=False, borrow_safe=True),
    P('PyrtList_NewKind', user_code=False, borrow_safe=True),
    P('PyrtList_SetItem', user_code=False),
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
