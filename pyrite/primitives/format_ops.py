"""Primitives defined in runtime/src/format.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'format'
PRIMITIVES = [
    P('PyrtStr_Build', 'obj[](argv) null'),
    P('PyrtStr_Mod', 'obj(obj, obj) null'),
]
