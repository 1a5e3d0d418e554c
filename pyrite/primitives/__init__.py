"""Tables: Python operation -> runtime C function."""
