"""pyrite: a whole-program Python compiler (to C, then zig cc) and a CPython start-up archive."""
__version__ = "0.1.0"
