"""pyrite's atexit (CPython writes it in C): functions registered here run when the program exits,
last registered first, after an uncaught exception is reported and before module globals are
cleared (runtime/src/exc.c Pyrt_RunAtexit, which this module hands its list to)."""

_callbacks = []


def register(func, /, *args, **kwargs):
    """Register a function to be executed upon normal program termination."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Unregister an exit function which was previously registered using atexit.register."""
    _callbacks[:] = [c for c in _callbacks if not (c[0] == func)]


def _run_exitfuncs():
    """Run all registered exit functions."""
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        func(*args, **kwargs)


def _clear():
    """Clear the list of previously registered exit functions."""
    del _callbacks[:]


def _ncallbacks():
    """Return the number of registered exit functions."""
    return len(_callbacks)


__pyrite_register_atexit__(_callbacks)
