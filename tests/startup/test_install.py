"""The .pth hook: enables $PYRITE_STARTUP_ARCHIVE without changing how the app is launched; inert when unset."""
import os
import subprocess

from conftest import PY, app_output, base_env, hook, record, run_py, served
from pyrite.startup import install


def user_site(tmp_path):
    """(env, site directory, python): a site-packages directory whose .pth files `python` processes at
    start-up. The user site under a private PYTHONUSERBASE; where user site-packages are off (this
    interpreter is a virtual environment's), the site-packages of a fresh child virtual environment."""
    env = base_env()
    env["PYTHONUSERBASE"] = str(tmp_path / "userbase")
    ask = lambda py, code: subprocess.run([py, "-c", code], env=env, capture_output=True, text=True,
                                          check=True).stdout.strip()
    if ask(PY, "import site; print(site.ENABLE_USER_SITE)") == "True":
        return env, ask(PY, "import site; print(site.getusersitepackages())"), PY
    venv_dir = tmp_path / "venv"
    subprocess.run([PY, "-m", "venv", "--without-pip", str(venv_dir)], check=True, env=env)
    python = str(venv_dir / "bin" / "python")
    return env, ask(python, "import site; print(site.getsitepackages()[0])"), python


def test_pth_hook_enables_archive_from_env(app, tmp_path):
    env, site_dir, py = user_site(tmp_path)
    pth = install.install(site_dir)
    assert os.path.basename(pth) == install.PTH_NAME
    with open(pth) as f:
        lines = f.read().splitlines()
    assert len(lines) == 1 and lines[0].startswith("import os;")
    archive = tmp_path / "app.pyra"
    record(["main.py"], app, archive, env=env, python=py)
    expected = app_output(run_py(["main.py"], app, env=env, python=py))
    stats = tmp_path / "stats"
    with_archive = dict(env, **{hook.ENV_ARCHIVE: str(archive)})
    assert app_output(run_py(["main.py"], app, env=with_archive, python=py)) == expected
    run_py(["main.py"], app, env=with_archive, stats=stats, python=py)  # the stats file imports atexit: own run
    assert served(stats)[0] >= 20
    assert install.uninstall(site_dir) == pth and not os.path.exists(pth)
    assert install.uninstall(site_dir) is None


def test_hook_is_inert_without_env_var(tmp_path):
    env, site_dir, py = user_site(tmp_path)
    install.install(site_dir)
    code = "import sys; print(sorted(m for m in sys.modules if 'startup' in m), [type(f).__name__ for f in sys.meta_path])"
    out = run_py(["-c", code], tmp_path, env=env, python=py)
    assert out.stdout.startswith("[] ") and "ArchiveFinder" not in out.stdout, out.stdout


def test_hook_serves_modules_imported_by_later_pth_files(tmp_path):
    env, site_dir, py = user_site(tmp_path)
    install.install(site_dir)
    with open(os.path.join(site_dir, "zz-other.pth"), "w") as f:
        f.write("import json.decoder\n")
    archive = tmp_path / "a.pyra"
    record(["-c", "import json"], tmp_path, archive, env=env, python=py)
    stats = tmp_path / "stats"
    code = "import sys; print(type(sys.modules['json.decoder'].__loader__).__name__)"
    out = run_py(["-c", code], tmp_path, env=dict(env, **{hook.ENV_ARCHIVE: str(archive)}), stats=stats,
                 python=py)
    assert out.stdout.strip() == "ArchiveLoader", out.stderr


def test_hook_with_broken_archive_path_is_silent(tmp_path):
    env, site_dir, py = user_site(tmp_path)
    install.install(site_dir)
    env[hook.ENV_ARCHIVE] = str(tmp_path / "missing.pyra")
    out = run_py(["-c", "print('ok')"], tmp_path, env=env, python=py)
    assert out.stdout == "ok\n" and out.stderr == ""
