"""Primitives defined in runtime/src/exc.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'exc'
PRIMITIVES = [
    P('Pyrt_ErrClear', user_code=False),
    P('Pyrt_ErrMatches', user_code=False),
    P('Pyrt_ExcSuspend', user_code=False),   # (codegen: a yield inside an except block)
    P('Pyrt_ExcResume', user_code=False),
    P('PyrtExc_New'),
    P('Pyrt_ErrFetch', 'obj() never', user_code=False),
    P('Pyrt_ErrFormat'),
    P('Pyrt_ErrFreeVar'),
    P('Pyrt_ErrNameError', 'void(c) always'),
    P('Pyrt_ErrUnprovided', 'void(c, c) always'),
    P('Pyrt_ErrNoAttribute'),
    P('Pyrt_ErrRestore'),
    P('Pyrt_ErrSetString'),
    P('Pyrt_ErrUnboundLocal'),
    P('Pyrt_ExcEnterHandler', 'ptr(obj) never', user_code=False),
    P('Pyrt_ExcExitHandler', 'void(obj) never', user_code=False),
    P('Pyrt_ExceptionMatches', 'bool(obj, obj) neg'),
    P('Pyrt_Raise', 'void(obj, obj) always'),
    P('Pyrt_RaiseSteal', 'void(obj, obj) always'),
    P('Pyrt_Reraise', 'void() always'),
    P('Pyrt_TracebackAdd'),
    P('Pyrt_TracebackCatch'),   # (codegen: before Pyrt_ExcEnterHandler)
]
