"""Primitives defined in runtime/src/set.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'set'
PRIMITIVES = [
    P('PyrtSet_Add'),
    P('PyrtSet_Contains'),
    P('PyrtSet_FromConstants'),
    P('PyrtSet_New', user_code=False),
]
