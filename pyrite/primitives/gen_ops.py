"""Primitives defined in runtime/src/gen.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'gen'
PRIMITIVES = [
    P('Pyrt_YieldFromThrow', 'i64(obj, &obj, &obj) neg'),
    P('PyrtGen_New'),
    P('PyrtGen_NewKind'),
    P('Pyrt_IterSend', 'obj(obj, obj, &obj) never'),
]
