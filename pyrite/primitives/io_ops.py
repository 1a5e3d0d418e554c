"""Primitives defined in runtime/src/io.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'io'
PRIMITIVES = [
    P('PyrtFile_Write', 'i64(obj, obj) neg', user_code=False),
]
