"""Primitives defined in runtime/src/type.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'type'
PRIMITIVES = [
    P('PyrtCell_New', 'obj(obj) null', user_code=False),
    P('PyrtClassMethod_New', 'obj(obj) null'),
    P('PyrtClass_CheckSpec', 'obj(obj, c, c) null', user_code=False),
    P('PyrtClass_Meta', 'obj(obj, obj) null', user_code=False),
    P('PyrtClass_ResolveBases', 'obj(obj) null'),
    P('PyrtClass_SetOrigBases', 'void(obj, obj, obj) neg'),
    P('PyrtClass_Prepare', 'obj(obj, obj, obj, obj) null'),
    P('PyrtClass_NsSet', 'void(obj, c, obj) neg'),
    P('PyrtClass_NsGet', 'obj(obj, c) null'),
    P('PyrtClass_NsLookup', 'obj(obj, c) never'),   # (NULL: not bound there; pyrt_exc: failed)
    P('PyrtClass_SetSpec', 'void(c, c, c) never', user_code=False),
    P('PyrtType_Finish', 'void(obj) neg'),
    P('PyrtFunction_New', 'obj(c, c, c, c, c, obj, obj, obj, c) null'),
    P('PyrtFunction_NewAt', 'obj(c, c, c, c, c, obj, obj, obj, c, c, c) null'),
    P('PyrtInstance_New'),
    P('PyrtProperty_New', 'obj(obj, c, c) null'),
    P('PyrtStaticMethod_New', 'obj(obj) null'),
    P('Pyrt_ApplyDefaults'),
    P('Pyrt_CallMethod', 'obj[obj, obj](argv) null'),
    P('Pyrt_CallMethodIC', 'obj[obj, obj](argv) null'),
    P('Pyrt_DelAttr', 'void(obj, obj) neg'),
    P('Pyrt_GetAttr', 'obj(obj, obj) null'),
    P('Pyrt_GetAttrIC', 'obj(obj, obj, c) null'),
    P('Pyrt_ParseArgs'),
    P('Pyrt_SetAttr', 'void(obj, obj, obj) neg'),
    P('Pyrt_SetAttrIC', 'void(obj, obj, obj, c) neg'),
    P('Pyrt_SuperGetAttr', 'obj(c, obj, obj) null'),
]
