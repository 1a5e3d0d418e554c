"""Primitives defined in runtime/src/mathmod.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'mathmod'
PRIMITIVES = [
    P('PyrtMath_Call1'),
    P('PyrtMath_Call2'),
    P('Pyrt_GetModule'),
    P('PyrtModule_Compiled', user_code=False),
    P('Pyrt_TimePerfCounter'),
    P('Pyrt_TimeTime'),
]
