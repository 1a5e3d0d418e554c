"""A placeholder for the builtin `complex` in standard-library code: pyrite has no complex numbers
yet. Library modules name the type (copy's dispatch tables, numbers.Complex.register(complex),
isinstance checks), which works with this class; making a complex number raises
NotImplementedError. A program's own code using `complex` gets a compile-time error instead."""


class complex:
    """Create a complex number from a real part and an optional imaginary part."""

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("pyrite: complex numbers are not implemented yet")


complex.__module__ = "builtins"
