"""Runtime representation types of IR values: boxed object pointer or an unboxed C value.

The IR only knows how a value is represented in C. What Python type an `obj` value has is the type
inferencer's business; the builder uses it to pick primitives, then forgets it.

This is the one representation table: for every unboxed representation, how codegen boxes it (a new
reference), unboxes it (unchecked: the object is known to have the type; checked: TypeError when it
does not, reported through pyrt_exc), and how a function returning it reports an error.
"""


class RType:
    def __init__(self, name, c_type, refcounted, error_value, err_test=None, box=None, unbox=None,
                 unbox_checked=None, field_kind=None, zero="0", incref=None, release=None):
        self.name = name
        self.c_type = c_type
        self.refcounted = refcounted
        # Value a function of this return type returns on error (with pyrt_exc set).
        self.error_value = error_value
        # C condition (a format with one %s: the value) that is true when a call returning it failed.
        self.err_test = err_test
        self.box = box                      # C function: value -> new reference
        self.unbox = unbox                  # C function: object of the right type -> value
        self.unbox_checked = unbox_checked  # C function: any object -> value, TypeError otherwise
        self.field_kind = field_kind        # PyrtField kind of an instance field of this representation
        self.zero = zero                    # C initialiser of a fresh register
        # refcounted representations: C functions taking a new reference / releasing one (the
        # release accepts the zero value, which holds nothing)
        self.incref = incref
        self.release = release

    @property
    def unboxed(self):
        return self.box is not None

    def clear_c(self, lvalue):
        """C statement releasing a counted slot and leaving it empty (zeroed before the release runs:
        what the release frees may look at the slot again, as the cycle collector's clearing does)."""
        return "{ %s __x = %s; %s = %s; %s(__x); }" % (self.c_type, lvalue, lvalue, self.zero, self.release)

    def __repr__(self):
        return self.name


OBJ = RType("obj", "PyrtObject *", True, "NULL", err_test="%s == NULL", field_kind="PYRT_FIELD_OBJ", zero="NULL",
            incref="Pyrt_IncRef", release="Pyrt_XDecRef")
# A Python int: the tagged int of runtime/include/pyrt_int.h (small ints inline as v << 1, others an
# owned pointer | 1), so it is counted like an object (the count functions test the low bit first).
INT = RType("int", "int64_t", True, "PYRT_INT_ERR", err_test="%s == PYRT_INT_ERR",
            box="pyrt_int_box", unbox="PyrtTagged_FromObj", unbox_checked="PyrtTagged_FromObjChecked",
            field_kind="PYRT_FIELD_INT", incref="pyrt_int_incref", release="pyrt_int_decref")
# A machine integer: lengths, indices, counters, C sizes (never a Python value on its own).
I64 = RType("i64", "int64_t", False, "PYRT_I64_ERR", err_test="%s == PYRT_I64_ERR && pyrt_exc",
            box="pyrt_box_int", unbox="PyrtInt_AsI64", unbox_checked="pyrt_unbox_i64",
            field_kind="PYRT_FIELD_I64")
F64 = RType("f64", "double", False, "PYRT_F64_ERR", err_test="%s == PYRT_F64_ERR && pyrt_exc",
            box="PyrtFloat_FromDouble", unbox="PyrtFloat_AsDouble", unbox_checked="PyrtFloat_AsDoubleChecked",
            field_kind="PYRT_FIELD_F64")
BOOL = RType("bool", "int8_t", False, "2", err_test="%s == 2", box="Pyrt_BoolFromC",
             unbox="(int8_t)Pyrt_IsTrue", unbox_checked="pyrt_unbox_bool", field_kind="PYRT_FIELD_BOOL")
# int | float: a tagged C struct (PyrtNum: kind 0 int, 1 float; kind 2 is the error value).
NUM = RType("num", "PyrtNum", False, "PYRT_NUM_ERR", err_test="%s.kind == 2", box="PyrtNum_Box",
            unbox="PyrtNum_FromObj", unbox_checked="PyrtNum_Unbox", field_kind="PYRT_FIELD_NUM", zero="{0}")
# An opaque, non-refcounted pointer (handled-exception tokens, type objects of compiled classes).
PTR = RType("ptr", "PyrtObject *", False, "NULL", zero="NULL")
# Only as a function return type: the function always returns None; C returns int (0 ok, -1 error).
VOID = RType("void", "int", False, "-1", err_test="%s < 0")

UNBOXED = (INT, I64, F64, BOOL, NUM)
ALL = {t.name: t for t in (OBJ, INT, I64, F64, BOOL, NUM, VOID, PTR)}
