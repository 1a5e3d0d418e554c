"""Primitives defined in runtime/src/dict.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'dict'
PRIMITIVES = [
    P('PyrtDict_Contains', 'bool(obj, obj) neg'),
    P('PyrtDict_GetItem', 'obj(obj, obj) null'),
    P('PyrtDict_GetItemStr'),
    P('PyrtDict_New', 'obj() null', user_code=False),
    P('PyrtDict_SetItem', 'void(obj, obj, obj) neg'),
    P('PyrtDict_SetItemStr', 'void(obj, c, obj) neg'),
    P('PyrtDict_Update', 'void(obj, obj) neg'),
]
