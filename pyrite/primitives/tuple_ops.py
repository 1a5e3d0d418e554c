"""Primitives defined in runtime/src/tuple.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'tuple'
PRIMITIVES = [
    P('PyrtTuple_FromIterable'),
    P('PyrtTuple_GetItem', user_code=False),
    P('PyrtTuple_New', user_code=False),
]
