"""Primitives defined in runtime/src/float.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'float'
PRIMITIVES = [
    P('PyrtF64_Div'),
    P('PyrtF64_FloorDiv'),
    P('PyrtF64_Mod'),
    P('PyrtF64_Pow'),
    P('PyrtFloat_FromDouble'),
    P('PyrtFloat_Repr', user_code=False),
]
