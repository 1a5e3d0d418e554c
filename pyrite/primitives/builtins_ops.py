"""Primitives defined in runtime/src/builtins.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'builtins'
PRIMITIVES = [
    P('Pyrt_PrintStdout'),
    P('Pyrt_GetBuiltin', user_code=False),
]
