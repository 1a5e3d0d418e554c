"""Evaluate each line of a calls file against `m` (the module named on the command line, imported from
the directory given first) and print one normalised line per call: the result's repr, or the
exception's type, message, cause chain and traceback frames (function name and line; the frames of
this script left out), and what the call printed. tests/test_ext.py runs it on the module's source
under CPython and on the module built with --target ext, and compares the outputs line by line."""
import contextlib
import importlib
import io
import os
import sys
import traceback


def describe_exc(e):
    parts = []
    seen = 0
    while e is not None and seen < 5:
        frames = [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)
                  if os.path.basename(f.filename) != os.path.basename(__file__)]
        if seen:   # (a cause's own frames: the runtime records the frames an exception leaves, not the
            frames = "-"   # frame of the handler that caught it, which CPython's traceback starts with)
        parts.append("%s.%s(%s) frames=%s" % (type(e).__module__, type(e).__qualname__, e, frames))
        e = e.__cause__ or (None if e.__suppress_context__ else e.__context__)
        seen += 1
    return " <- ".join(parts)


def main():
    where, name, calls = sys.argv[1:4]
    sys.path.insert(0, where)
    m = importlib.import_module(name)
    with open(calls, encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]
    for ln in lines:
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                r = eval(ln, {"m": m})
            text = "= " + repr(r)
        except Exception as e:   # noqa: BLE001 (every exception is part of the output compared)
            text = "! " + describe_exc(e)
        print("%s\n    %s\n    printed %r" % (ln, text, out.getvalue()))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
