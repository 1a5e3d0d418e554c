"""Primitives defined in runtime/src/mathmod.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'mathmod'
PRIMITIVES = [
    P('PyrtMath_Call1', 'f64(c, f64) flag'),
    P('PyrtMath_Call2', 'f64(c, f64, f64) flag'),
    P('Pyrt_GetModule', 'obj(c) null'),
    P('PyrtModule_Compiled', 'obj(c) null', user_code=False),
    P('PyrtModule_Globals', 'obj(c) null', user_code=False),
    P('PyrtModule_GlobalsSync', 'void(c, c, obj) never', user_code=False),
    P('PyrtModule_GlobalsSyncIn', 'void(c) neg', user_code=False),
    P('PyrtModule_Register', 'void(c) never', user_code=False),
    P('PyrtModule_ImportName', 'obj(obj, c) null'),
    P('PyrtModule_LoadName', 'obj(c, c) null', user_code=False),   # (emitted in a constructor: codegen)
    P('PyrtSys_AddModule', 'void(c) neg', user_code=False),
    P('PyrtModule_SetSubmodule', 'void(c, c) neg', user_code=False),
    P('PyrtModule_Expect', 'void(obj, c) neg', user_code=False),
    P('Pyrt_builtin___import__', 'obj[c](argv) null'),   # (runs module top levels)
    P('Pyrt_TimePerfCounter'),
    P('Pyrt_TimeTime'),
]
