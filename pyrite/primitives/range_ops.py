"""Primitives defined in runtime/src/range.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'range'
PRIMITIVES = [
    P('PyrtSlice_New'),
]
