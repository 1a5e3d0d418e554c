"""Primitives defined in runtime/src/float.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'float'
PRIMITIVES = [
    P('PyrtF64_Div', 'f64(f64, f64) true'),
    P('PyrtF64_FloorDiv', 'f64(f64, f64) true'),
    P('PyrtF64_Mod', 'f64(f64, f64) true'),
    P('PyrtF64_Pow', 'f64(f64, f64) true'),
    P('PyrtFloat_FromDouble'),
    P('PyrtFloat_Repr', 'obj(f64) null', user_code=False),
]
