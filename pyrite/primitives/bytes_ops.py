"""Primitives defined in runtime/src/bytes.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'bytes'
PRIMITIVES = [
    P('PyrtBytes_Constant'),
]
