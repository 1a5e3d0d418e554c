"""Primitives defined in runtime/src/tagged.c (the out-of-line paths of tagged ints)."""
from pyrite.primitives.base import Primitive as P

AREA = 'tagged'
PRIMITIVES = [
    P('PyrtTagged_FromObj'),
    P('PyrtTagged_FromObjChecked'),
    P('PyrtTagged_FromObjBorrowedChecked'),
    P('PyrtTagged_Constant'),
    P('PyrtTagged_CompareF64'),
    P('PyrtTagged_Hash', 'i64(int) never', user_code=False, borrow_safe=True),
    P('PyrtTagged_Repr', 'obj(int) null', user_code=False),
    P('PyrtTagged_Format', 'obj(int, obj) null', user_code=False),
]
