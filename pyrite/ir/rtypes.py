"""Runtime representation types of IR values: boxed object pointer or unboxed int64/double/bool.

The IR only knows how a value is represented in C. What Python type an `obj` value has is the type
inferencer's business; the builder uses it to pick primitives, then forgets it.
"""


class RType:
    def __init__(self, name, c_type, refcounted, error_value):
        self.name = name
        self.c_type = c_type
        self.refcounted = refcounted
        # Value a function of this return type returns on error (with pyrt_exc set).
        self.error_value = error_value

    def __repr__(self):
        return self.name


OBJ = RType("obj", "PyrtObject *", True, "NULL")
I64 = RType("i64", "int64_t", False, "PYRT_I64_ERR")
F64 = RType("f64", "double", False, "PYRT_F64_ERR")
BOOL = RType("bool", "int8_t", False, "2")
# An opaque, non-refcounted pointer (handled-exception tokens, type objects of compiled classes).
PTR = RType("ptr", "PyrtObject *", False, "NULL")
# Only as a function return type: the function always returns None; C returns int (0 ok, -1 error).
VOID = RType("void", "int", False, "-1")

ALL = {t.name: t for t in (OBJ, I64, F64, BOOL, VOID, PTR)}
