"""What `pip install .` ships: the wheel holds the runtime's C sources and headers, the stubs, the
primitives tables and the start-up archive's C helper (without it every archive a pip-installed pyrite
records falls back to marshal)."""
import os
import shutil
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_wheel_contains_the_non_python_files(tmp_path):
    # build from a clean copy: an earlier in-tree install leaves build/ and *.egg-info (whose file list
    # setuptools reuses), which would hide a missing package-data pattern
    src = str(tmp_path / "src")
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__",
                                                             ".pytest_cache", ".pyrite-cache", "*.pyra", "*.o"))
    out = str(tmp_path / "wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, src], check=True,
                   capture_output=True, timeout=300)
    (wheel,) = [f for f in os.listdir(out) if f.endswith(".whl")]
    names = set(zipfile.ZipFile(os.path.join(out, wheel)).namelist())
    must = ["pyrite/startup/image.c", "pyrite/startup/shim/sitecustomize.py", "pyrite/runtime/include/pyrt.h",
            "pyrite/runtime/src/object.c", "pyrite/types/stubs/builtins.pyi", "pyrite/primitives/list_ops.py",
            "pyrite/targets/wasi.py", "pyrite/runtime/platform/posix.c", "pyrite/runtime/platform/wasi.c",
            "pyrite/lib/_csv.py", "pyrite/lib/importlib/__init__.py", "pyrite/lib/importlib/machinery.py",
            "pyrite/frontend/generated.py"]
    assert [n for n in must if n not in names] == []
    runtime = {f for f in os.listdir(os.path.join(ROOT, "pyrite", "runtime", "src")) if f.endswith(".c")}
    assert {n.rsplit("/", 1)[1] for n in names if n.startswith("pyrite/runtime/src/")} == runtime
