"""The ext target under other CPython versions (opt-in: it installs pyrite into a fresh virtual
environment per interpreter, about a minute each).

    PYRITE_EXT_PYTHONS="$(pyenv root)/versions/3.12.1/bin/python $(pyenv root)/versions/3.13.0/bin/python" \\
        python -m pytest tests/test_ext_versions.py

For each interpreter: pyrite runs under it and builds tests/ext/extmod.py for it, and the calls of
tests/ext/calls.txt give the same output under `python -X dev` as the module's source does."""
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PYTHONS = os.environ.get("PYRITE_EXT_PYTHONS", "").split()


@pytest.mark.skipif(not PYTHONS, reason="set PYRITE_EXT_PYTHONS to interpreters to check")
@pytest.mark.parametrize("python", PYTHONS)
def test_extension_under_another_python(python, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    vpy = str(venv / "bin" / "python")
    subprocess.run([vpy, "-m", "pip", "install", "-q", ROOT], check=True)
    suffix = subprocess.run([vpy, "-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"],
                            stdout=subprocess.PIPE, check=True).stdout.decode().strip()
    out = tmp_path / "build"
    out.mkdir()
    subprocess.run([vpy, "-m", "pyrite.cli", "build", os.path.join(HERE, "ext", "extmod.py"), "--target", "ext",
                    "-o", str(out / ("extmod" + suffix))], check=True)
    runner = [os.path.join(HERE, "ext", "run_calls.py")]
    calls = ["extmod", os.path.join(HERE, "ext", "calls.txt")]
    expected = subprocess.run([python] + runner + [os.path.join(HERE, "ext")] + calls, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, check=True).stdout
    got = subprocess.run([python, "-X", "dev"] + runner + [str(out)] + calls, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    assert got.returncode == 0 and got.stderr == b"", got.stderr.decode()
    assert got.stdout == expected
