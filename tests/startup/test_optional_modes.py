"""Optional lazy mode ($PYRITE_STARTUP_LAZY), and the GC threshold during served imports ($PYRITE_STARTUP_GC)."""
from conftest import record, run_py, write_files

from pyrite.startup import hook

FILES = {
    "prog.py": """
        import sys
        import lib.used, lib.unused
        print("imported")
        print(lib.used.VALUE)
        print("lib.unused ran" if "ran" in sys.modules["lib"].LOG else "lib.unused deferred")
    """,
    "lib/__init__.py": """
        LOG = []
        from . import core
        from .core import helper
    """,
    "lib/core.py": """
        from . import util
        def helper():
            return util.TWO
    """,
    "lib/util.py": "TWO = 2\n",
    "lib/used.py": """
        print("running lib.used")
        from . import helper
        VALUE = helper() * 21
    """,
    "lib/unused.py": """
        import lib
        lib.LOG.append("ran")
        print("running lib.unused")
    """,
}


def test_lazy_mode_defers_bodies_until_used(tmp_path):
    root = tmp_path / "app"
    write_files(str(root), FILES)
    archive = tmp_path / "app.pyra"
    record(["prog.py"], root, archive)
    eager = run_py(["prog.py"], root, archive=archive)
    assert eager.stdout.splitlines() == ["running lib.used", "running lib.unused", "imported", "42",
                                         "lib.unused ran"]
    from conftest import base_env
    env = dict(base_env(), PYRITE_STARTUP_LAZY="lib")
    lazy = run_py(["prog.py"], root, archive=archive, env=env)
    assert lazy.returncode == 0, lazy.stderr
    assert lazy.stdout.splitlines() == ["imported", "running lib.used", "42", "lib.unused deferred"]
    env = dict(base_env(), PYRITE_STARTUP_LAZY="other")
    assert run_py(["prog.py"], root, archive=archive, env=env).stdout == eager.stdout


GC_FILES = {
    "gcprog.py": """
        import gc, sys
        before = gc.get_threshold()
        import gcpkg
        print(gcpkg.SEEN, gc.get_threshold() == before, gc.isenabled())
        import gcown
        print(gc.get_threshold())
    """,
    "gcpkg/__init__.py": """
        import gc
        SEEN = gc.get_threshold()[0]
    """,
    "gcown.py": """
        import gc
        gc.set_threshold(1234, 5, 6)
    """,
}


def test_gc_runs_less_often_only_during_served_imports(tmp_path):
    """Default: generation 0's threshold is raised while served bodies run, then restored (unless the
    app set its own); "defer" pauses automatic collection; "normal" leaves the GC alone."""
    root = tmp_path / "app"
    write_files(str(root), GC_FILES)
    archive = tmp_path / "gc.pyra"
    record(["gcprog.py"], root, archive)
    from conftest import base_env
    stock = run_py(["gcprog.py"], root)
    assert stock.stdout.splitlines() == ["700 True True", "(1234, 5, 6)"], stock.stderr
    expected = {None: "%d True True" % hook.GC_IMPORT_THRESHOLD, "defer": "0 True True",
                "normal": "700 True True", "50000": "50000 True True", "bogus": "700 True True"}
    for mode, first in expected.items():
        env = base_env()
        if mode is not None:
            env["PYRITE_STARTUP_GC"] = mode
        result = run_py(["gcprog.py"], root, archive=archive, env=env)
        assert result.stdout.splitlines() == [first, "(1234, 5, 6)"], (mode, result.stderr)
