"""Primitives defined in runtime/src/gc.c (the cycle collector; codegen/emit_module.py calls them)."""
from pyrite.primitives.base import Primitive as P

AREA = 'gc'
PRIMITIVES = [
    P('Pyrt_GCStart', 'void() never', user_code=False),   # arms the collector in programs that can make cycles
    P('Pyrt_GCCollect'),                                  # at exit, as CPython's shutdown collects
]
