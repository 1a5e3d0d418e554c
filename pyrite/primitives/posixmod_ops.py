"""Primitives defined in runtime/src/posixmod.c (the system calls behind pyrite/lib/posix.py)."""
from pyrite.primitives.base import Primitive as P

AREA = 'posixmod'
PRIMITIVES = [
    P('Pyrt_builtin___pyrite_posix__', 'obj[c](argv) null'),
]
