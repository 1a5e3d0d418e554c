"""Primitives defined in runtime/src/tuple.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'tuple'
PRIMITIVES = [
    P('PyrtTuple_FromIterable', 'obj(obj) null'),
    P('PyrtTuple_GetItem', 'obj(obj, i64) null', user_code=False),
    P('PyrtTuple_New', 'obj(c) null', user_code=False),
    P('PyrtTuple_FromArray', 'obj(c, i64) null', user_code=False),
]
