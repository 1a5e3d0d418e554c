"""@pyrite.compile (pyrite/jit.py): functions of tests/ext/jitmod.py compiled on first call, compared with
the same functions run by CPython (each decorated object keeps the Python function as .py_function)."""
import os
import subprocess
import sys
import threading
import traceback
import warnings

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "ext"))

import jitmod  # noqa: E402
from pyrite import jit  # noqa: E402


def both(f, *args):
    """(compiled result, Python result) of one call, each a value or ('raised', type, message)."""
    out = []
    for fn in (f, f.py_function):
        try:
            out.append(fn(*args))
        except Exception as e:   # noqa: BLE001
            out.append(("raised", type(e), str(e)))
    return out


def test_compiled_calls_match_python():
    cases = [(jitmod.fma, (10, 0.5, 1.0)), (jitmod.fma, (5, 2, 1)), (jitmod.fma, (3, 2 ** 70, 1)),
             (jitmod.sum_squares, (1000,)), (jitmod.sum_squares, (0,)),
             (jitmod.hypot_all, ([(3.0, 4.0), (1, 1)],)), (jitmod.fail_here, (1,)), (jitmod.fail_here, (5,)),
             (jitmod.fma, ("x", 1, 1))]
    for f, args in cases:
        got, expected = both(f, *args)
        assert got == expected and type(got) is type(expected), (f.__name__, args, got, expected)
    assert jitmod.fma.compiled is not None and jitmod.sum_squares.compiled is not None
    assert type(jitmod.fma.compiled).__name__ == "builtin_function_or_method"


def test_a_new_signature_compiles_another_instance():
    f = jit.compile(jitmod.fma.py_function)
    assert f(4, 0.5, 1.0) == f.py_function(4, 0.5, 1.0)
    assert f._signatures == [("int", "float", "float")]
    assert f(4, 2, 1) == f.py_function(4, 2, 1)
    assert f._signatures == [("int", "float", "float"), ("int", "int", "int")]
    assert f(4, 0.25, 2.0) == f.py_function(4, 0.25, 2.0)   # (seen: no new build)
    assert len(f._signatures) == 2


def test_traceback_points_into_the_source_file():
    with pytest.raises(ValueError) as info:
        jitmod.fail_here(7)
    frames = traceback.extract_tb(info.value.__traceback__)
    last = frames[-1]
    assert last.name == "fail_here" and os.path.basename(last.filename) == "jitmod.py"
    assert last.line.strip() == 'raise ValueError("too big: %d" % x)'


def test_what_cannot_compile_warns_once_and_runs_as_python():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert jitmod.not_compilable(3) == 3
        assert jitmod.not_compilable(4) == 4
    msgs = [str(x.message) for x in w if issubclass(x.category, jit.PyriteWarning)]
    assert len(msgs) == 1, msgs
    assert "could not compile not_compilable" in msgs[0] and "jitmod.py:" in msgs[0]
    assert jitmod.not_compilable.compiled is None


def test_strict_raises():
    with pytest.raises(jit.CompileFailed, match="jitmod.py:"):
        jitmod.strict_fail(1)


def test_threads_share_one_build(monkeypatch):
    calls = []
    real = jit.build
    monkeypatch.setattr(jit, "build", lambda fn, sigs: calls.append(1) or real(fn, sigs))
    f = jit.compile(jitmod.sum_squares.py_function)
    results = []
    threads = [threading.Thread(target=lambda: results.append(f(200))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [f.py_function(200)] * 4
    assert len(calls) == 1


def test_a_later_process_loads_the_cached_module():
    """The first call in a new process imports the module built before (building is made to fail)."""
    jitmod.sum_squares(10)   # (built, so cached, in this process)
    prog = ("import sys; sys.path.insert(0, %r)\n"
            "from pyrite import jit\n"
            "def no_build(*a):\n    raise AssertionError('built again')\n"
            "jit._build_module = no_build\n"
            "import jitmod\n"
            "print(jitmod.sum_squares(10), type(jitmod.sum_squares.compiled).__name__)\n"
            % os.path.join(HERE, "ext"))
    p = subprocess.run([sys.executable, "-c", prog], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout.decode().split() == ["285", "builtin_function_or_method"]
