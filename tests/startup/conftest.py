"""Shared helpers for start-up archive tests: synthetic apps in tmp_path and real CPython subprocess runs."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

from pyrite.startup import hook, launch  # noqa: E402

PY = sys.executable
HIDDEN = ("sitecustomize", "_pyrite_startup_hook", "_pyrite_startup_recorder")

APP_FILES = {
    "main.py": """
        import importlib, importlib.machinery, importlib.resources, inspect, json, os, sys, traceback
        import mypkg
        import mypkg.sub.mod2
        import nsp.portion
        import json, email.parser, http.client

        def info(m):
            spec = m.__spec__
            return {"file": m.__file__, "origin": spec.origin, "cached": getattr(m, "__cached__", None),
                    "path": list(getattr(m, "__path__", [])) or None, "package": m.__package__,
                    "name": spec.name, "parent": spec.parent, "has_location": spec.has_location,
                    "smsl": spec.submodule_search_locations, "spec_cached": spec.cached,
                    "source_loader": isinstance(m.__loader__, importlib.machinery.SourceFileLoader),
                    "same_loader": spec.loader is m.__loader__,
                    "loader_name": m.__loader__.name, "loader_path": m.__loader__.path}

        try:
            import broken
        except ValueError:
            tb = traceback.format_exc()
        try:
            mypkg.helpers.fail()
        except RuntimeError:
            tb2 = traceback.format_exc()
        names = ["mypkg", "mypkg.helpers", "mypkg.sub", "mypkg.sub.mod2", "json", "email.parser", "http.client"]
        print(json.dumps({
            "mods": {n: info(sys.modules[n]) for n in names},
            "order": [n for n in sys.modules if n not in %r],
            "resource": importlib.resources.files("mypkg").joinpath("data.txt").read_text(),
            "resource_sub": importlib.resources.files("mypkg.sub").joinpath("inner.txt").read_text(),
            "get_data": mypkg.__loader__.get_data(os.path.join(os.path.dirname(mypkg.__file__), "data.txt")).decode(),
            "rel": mypkg.sub.mod2.VALUE,
            "tb": tb, "tb2": tb2,
            "source": inspect.getsource(mypkg.helpers.fail),
            "ns_path": list(nsp.__path__),
            "ns_file": nsp.portion.__file__,
            "broken_in_modules": "broken" in sys.modules,
            "argv": sys.argv,
        }, sort_keys=True))
    """ % (HIDDEN,),
    "mypkg/__init__.py": """
        from . import helpers
        from .helpers import greet
        VALUE = greet("pkg")
    """,
    "mypkg/helpers.py": """
        def greet(who):
            return "hello " + who

        def fail():
            raise RuntimeError("helper failed")
    """,
    "mypkg/data.txt": "package data\n",
    "mypkg/sub/__init__.py": "",
    "mypkg/sub/inner.txt": "inner data\n",
    "mypkg/sub/mod2.py": """
        from .. import helpers
        from ..helpers import greet
        VALUE = greet("mod2") + " / " + helpers.greet("rel")
    """,
    "mypkg/cli.py": """
        import sys
        print(__name__, __spec__.name, __file__ == __spec__.origin, sys.argv[1:])
    """,
    "nsp/portion.py": "X = 1\n",
    "broken.py": """
        A = 1
        raise ValueError("broken at import")
    """,
}


def write_files(root, files):
    """Create files (dedented) under root."""
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(textwrap.dedent(text))


@pytest.fixture
def app(tmp_path):
    """A synthetic application directory (packages, data, namespace package, a failing module)."""
    root = tmp_path / "app"
    write_files(str(root), APP_FILES)
    return root


def base_env():
    env = launch.clean_env()
    env.pop("PYTHONPATH", None)
    return env


def run_py(args, cwd, archive=None, check=None, stats=None, env=None, timeout=60, python=PY):
    """Run the real interpreter on args, optionally with an archive enabled via the shim."""
    env = dict(base_env() if env is None else env)
    if archive is not None:
        env = launch.archive_env(env, str(archive), check)
    if stats is not None:
        env[launch.ENV_STATS] = str(stats)
    return subprocess.run([python] + list(args), cwd=str(cwd), env=env, capture_output=True, text=True,
                          timeout=timeout)


def record(args, cwd, out, check="stat", env=None, python=PY):
    """Record an archive for `python args...` run in cwd; fail the test if it was not written."""
    status = launch.record([python] + list(args), str(out), check, env=base_env() if env is None else env,
                           quiet=True, cwd=str(cwd))
    assert status == 0 and os.path.exists(str(out))


def served(stats):
    """(served, fallbacks) counts written by the hook at exit."""
    with open(str(stats)) as f:
        a, b = f.read().split()[:2]
    return int(a), int(b)


def images_used(stats):
    """How many modules the hook materialised from heap images (third count in the stats file)."""
    with open(str(stats)) as f:
        return int(f.read().split()[2])


def app_output(result):
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
