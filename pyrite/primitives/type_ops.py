"""Primitives defined in runtime/src/type.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'type'
PRIMITIVES = [
    P('PyrtCell_New', user_code=False),
    P('PyrtClassMethod_New'),
    P('PyrtFunction_New'),
    P('PyrtInstance_New'),
    P('PyrtProperty_New'),
    P('PyrtStaticMethod_New'),
    P('Pyrt_ApplyDefaults'),
    P('Pyrt_CallMethod'),
    P('Pyrt_CallMethodIC'),
    P('Pyrt_DelAttr'),
    P('Pyrt_GetAttr'),
    P('Pyrt_GetAttrIC'),
    P('Pyrt_ParseArgs'),
    P('Pyrt_SetAttrIC'),
    P('Pyrt_SuperGetAttr'),
]
