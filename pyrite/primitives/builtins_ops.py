"""Primitives defined in runtime/src/builtins.c (the C functions lowering calls)."""
from pyrite.primitives.base import Primitive as P

AREA = 'builtins'
PRIMITIVES = [
    P('Pyrt_PrintStdout', 'obj[](argv) null'),
    P('Pyrt_GetBuiltin', 'obj(c) null', user_code=False),
    P('Pyrt_builtin_print', 'obj[c](argv) null'),
    P('Pyrt_builtin_abs', 'obj[c](argv) null'),
    P('Pyrt_builtin_chr', 'obj[c](argv) null'),
]
