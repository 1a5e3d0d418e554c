"""Primitives defined in runtime/src/list.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'list'
PRIMITIVES = [
    P('PyrtList_AppendF64', user_code=False, borrow_safe=True),
    P('PyrtList_AppendI64', user_code=False, borrow_safe=True),
    P('PyrtList_Generalize', user_code=False, borrow_safe=True),
    P('PyrtList_NewKind', 'obj(c, c) null', user_code=False, borrow_safe=True),
    P('PyrtList_SetItem', user_code=False),
    P('PyrtList_Append', 'void(obj, obj) neg', user_code=False, borrow_safe=True),
    P('PyrtList_Concat', 'obj(obj, obj) null', user_code=False),
    P('PyrtList_Contains', 'bool(obj, obj) neg'),
    P('PyrtList_Extend', 'void(obj, obj) neg'),
    P('PyrtList_FromIterable', 'obj(obj) null'),
    P('PyrtList_Sort', 'void(obj, c, c) neg'),
    P('PyrtList_GetSliceOpt', 'obj(obj, i64, i64, i64, c) null'),
    P('PyrtList_New', 'obj(c) null', user_code=False),
    P('PyrtList_Pop', 'obj(obj, i64) null', user_code=False),
    P('PyrtList_Repeat', 'obj(obj, i64) null', user_code=False),
    P('PyrtList_SetSliceOpt', 'void(obj, i64, i64, i64, c, obj) neg'),
]
