"""Primitives defined in runtime/src/alloc.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'alloc'
PRIMITIVES = [
    P('Pyrt_Malloc'),
]
