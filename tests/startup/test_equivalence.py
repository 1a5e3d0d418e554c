"""Behaviour with the archive is the same as stock CPython: module attributes, order, tracebacks, resources."""
import os

from conftest import PY, app_output, record, run_py, served


def test_app_identical_with_and_without_archive(app, tmp_path):
    archive = tmp_path / "app.pyra"
    record(["main.py", "x"], app, archive)
    stock = app_output(run_py(["main.py", "x"], app))
    archived = app_output(run_py(["main.py", "x"], app, archive=archive))
    assert archived == stock
    stats = tmp_path / "stats"
    run_py(["main.py", "x"], app, archive=archive, stats=stats)  # the stats file imports atexit: own run
    n_served, n_fallbacks = served(stats)
    assert n_served >= 20 and n_fallbacks == 0


def test_cached_paths_follow_a_changed_pycache_prefix(app, tmp_path):
    """The archive stores each spec's `cached` path; under another PYTHONPYCACHEPREFIX it is recomputed."""
    from conftest import base_env
    archive = tmp_path / "app.pyra"
    record(["main.py"], app, archive)
    env = dict(base_env(), PYTHONPYCACHEPREFIX=str(tmp_path / "pyc"))
    stock = app_output(run_py(["main.py"], app, env=env))
    archived = app_output(run_py(["main.py"], app, archive=archive, env=env))
    assert archived == stock
    assert stock["mods"]["mypkg"]["cached"].startswith(str(tmp_path / "pyc"))


def test_attributes_are_the_real_files(app, tmp_path):
    archive = tmp_path / "app.pyra"
    record(["main.py"], app, archive)
    out = app_output(run_py(["main.py"], app, archive=archive))
    pkg = out["mods"]["mypkg"]
    assert pkg["file"] == str(app / "mypkg" / "__init__.py")
    assert pkg["path"] == [str(app / "mypkg")]
    assert pkg["cached"].endswith("__pycache__/__init__.cpython-%d%d.pyc" % __import__("sys").version_info[:2])
    assert out["mods"]["mypkg.sub.mod2"]["package"] == "mypkg.sub"
    assert all(m["source_loader"] and m["same_loader"] for m in out["mods"].values())
    assert out["rel"] == "hello mod2 / hello rel"
    assert out["resource"] == "package data\n" and out["resource_sub"] == "inner data\n"
    assert out["get_data"] == "package data\n"
    assert 'raise ValueError("broken at import")' in out["tb"]
    assert 'raise RuntimeError("helper failed")' in out["tb2"]
    assert "def fail():" in out["source"]
    assert out["ns_path"] == [str(app / "nsp")]
    assert out["broken_in_modules"] is False


def test_stdlib_heavy_import_order(tmp_path):
    code = "import sys, json, email.parser, http.client; print('\\n'.join(sys.modules))"
    archive = tmp_path / "std.pyra"
    record(["-c", code], tmp_path, archive)
    hidden = {"sitecustomize", "_pyrite_startup_hook"}
    stock = run_py(["-c", code], tmp_path).stdout.split()
    archived = [m for m in run_py(["-c", code], tmp_path, archive=archive).stdout.split()
                if m not in hidden]
    assert archived == stock
    stats = tmp_path / "stats"
    run_py(["-c", code], tmp_path, archive=archive, stats=stats)
    assert served(stats)[0] >= 30


def test_run_module_with_dash_m(app, tmp_path):
    archive = tmp_path / "cli.pyra"
    record(["-m", "mypkg.cli", "a", "b"], app, archive)
    stock = run_py(["-m", "mypkg.cli", "a", "b"], app)
    stats = tmp_path / "stats"
    archived = run_py(["-m", "mypkg.cli", "a", "b"], app, archive=archive, stats=stats)
    assert archived.stdout == stock.stdout == "__main__ mypkg.cli True ['a', 'b']\n"
    assert served(stats)[0] >= 2


def test_uncaught_exception_same_stderr_and_exit_code(app, tmp_path):
    (app / "crash.py").write_text("import mypkg.helpers\nmypkg.helpers.fail()\n")
    archive = tmp_path / "crash.pyra"
    record(["crash.py"], app, archive)
    stock = run_py(["crash.py"], app)
    archived = run_py(["crash.py"], app, archive=archive)
    assert stock.returncode == archived.returncode == 1
    assert archived.stderr == stock.stderr
    assert 'raise RuntimeError("helper failed")' in archived.stderr


def test_cli_entry_point(app, tmp_path):
    import subprocess
    archive = tmp_path / "app.pyra"
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    out = subprocess.run([PY, "-m", "pyrite.cli", "startup", "record", "-o", str(archive), "--",
                          PY, "main.py"], cwd=str(app), env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "archived" in out.stdout
    info = subprocess.run([PY, "-m", "pyrite.cli", "startup", "info", str(archive)], env=env,
                          capture_output=True, text=True)
    assert info.returncode == 0 and "modules" in info.stdout
    ran = subprocess.run([PY, "-m", "pyrite.cli", "startup", "run", str(archive), "--", PY, "main.py"],
                         cwd=str(app), env=env, capture_output=True, text=True)
    assert ran.returncode == 0 and '"rel": "hello mod2 / hello rel"' in ran.stdout


def test_run_execs_and_launcher_runs_without_python_of_its_own(app, tmp_path):
    """`startup run` replaces its own process with the app (no second interpreter waits for it), and
    `startup launcher` writes a shell script that enables the archive with no Python start at all;
    both print what the app prints, with the archive in use."""
    import subprocess
    archive = tmp_path / "app.pyra"
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    out = subprocess.run([PY, "-m", "pyrite.cli", "startup", "record", "-o", str(archive), "--",
                          PY, "main.py"], cwd=str(app), env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    probe = ("import os, sys; print(os.getpid(), os.environ.get('PYRITE_STARTUP_ARCHIVE') == %r)"
             % str(archive))
    p = subprocess.Popen([PY, "-m", "pyrite.cli", "startup", "run", str(archive), "--", PY, "-c", probe],
                         cwd=str(app), env=env, stdout=subprocess.PIPE, text=True)
    stdout, _ = p.communicate(timeout=120)
    pid, enabled = stdout.split()
    assert int(pid) == p.pid and enabled == "True"   # the app ran in the process pyrite started as
    launcher = tmp_path / "run-app"
    w = subprocess.run([PY, "-m", "pyrite.cli", "startup", "launcher", str(archive), "-o", str(launcher)],
                       env=env, capture_output=True, text=True)
    assert w.returncode == 0, w.stderr
    assert open(str(launcher)).read().startswith("#!/bin/sh")
    ran = subprocess.run([str(launcher), PY, "main.py"], cwd=str(app), capture_output=True, text=True)
    assert ran.returncode == 0 and '"rel": "hello mod2 / hello rel"' in ran.stdout
    stats = tmp_path / "stats.txt"
    again = subprocess.run([str(launcher), PY, "main.py"], cwd=str(app), capture_output=True, text=True,
                           env=dict(os.environ, PYRITE_STARTUP_STATS=str(stats)))
    assert again.returncode == 0, again.stderr
    served = int(stats.read_text().split()[0])
    assert served > 0   # the app's modules came from the archive
