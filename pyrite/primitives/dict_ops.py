"""Primitives defined in runtime/src/dict.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'dict'
PRIMITIVES = [
    P('PyrtDict_Contains'),
    P('PyrtDict_GetItem'),
    P('PyrtDict_GetItemStr'),
    P('PyrtDict_New', user_code=False),
    P('PyrtDict_SetItem'),
    P('PyrtDict_SetItemStr'),
    P('PyrtDict_Update'),
]
