"""Primitives defined in runtime/src/object.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'object'
PRIMITIVES = [
    P('PyrtList_UnpackCheck'),
    P('Pyrt_Ascii'),
    P('Pyrt_BinaryOp'),
    P('Pyrt_BinaryOpRight'),
    P('Pyrt_Call'),
    P('Pyrt_CallEx'),
    P('Pyrt_Contains'),
    P('Pyrt_DelItem'),
    P('Pyrt_DelSlice'),
    P('Pyrt_Format'),
    P('Pyrt_GetItem'),
    P('Pyrt_GetIter'),
    P('Pyrt_GetSlice'),
    P('Pyrt_IsInstance'),
    P('Pyrt_IsTrue'),
    P('Pyrt_IterNext'),
    P('Pyrt_Len'),
    P('Pyrt_MakeImmortal'),
    P('Pyrt_Repr'),
    P('Pyrt_RichCompare'),
    P('Pyrt_RichCompareBool'),
    P('Pyrt_SetItem'),
    P('Pyrt_SetSlice'),
    P('Pyrt_Str'),
    P('Pyrt_TypeOf', user_code=False),
    P('Pyrt_UnaryOp'),
    P('Pyrt_Unpack'),
]
