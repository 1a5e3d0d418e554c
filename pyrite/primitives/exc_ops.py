"""Primitives defined in runtime/src/exc.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'exc'
PRIMITIVES = [
    P('PyrtExc_New'),
    P('Pyrt_ErrFetch', user_code=False),
    P('Pyrt_ErrFormat'),
    P('Pyrt_ErrFreeVar'),
    P('Pyrt_ErrNameError'),
    P('Pyrt_ErrNoAttribute'),
    P('Pyrt_ErrRestore'),
    P('Pyrt_ErrSetString'),
    P('Pyrt_ErrUnboundLocal'),
    P('Pyrt_ExcEnterHandler', user_code=False),
    P('Pyrt_ExcExitHandler', user_code=False),
    P('Pyrt_ExceptionMatches'),
    P('Pyrt_Raise'),
    P('Pyrt_Reraise'),
    P('Pyrt_TracebackAdd'),
]
