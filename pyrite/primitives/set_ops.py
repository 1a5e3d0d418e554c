"""Primitives defined in runtime/src/set.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'set'
PRIMITIVES = [
    P('PyrtSet_Add', 'void(obj, obj) neg'),
    P('PyrtSet_Contains', 'bool(obj, obj) neg'),
    P('PyrtSet_FromConstants', 'obj[](argv) null'),
    P('PyrtSet_New', 'obj() null', user_code=False),
]
