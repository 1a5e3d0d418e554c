"""Runtime C unit tests: compile every tests/runtime/test_*.c with all of pyrite/runtime/src/*.c and run it.

Each C test prints "OK <area>" (area = the word after "test_" in its file name) and exits 0 on success.
Every file is built twice when the compilers exist:
  - `zig cc -O1` natively (the toolchain pyrite ships with);
  - `gcc -fsanitize=address,undefined` (overflows and undefined behaviour fail the test; leak checking
    with PYRITE_LEAKS=1).
The runtime sources are compiled once per session per compiler; each test file is then compiled and linked.

test_long_differential builds long_driver.c the same two ways and feeds it a few thousand random
big-int operations (long_cases.py), comparing its output with CPython's own int arithmetic.

A missing definition is a link error (no unresolved-symbol workarounds).
"""
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INCLUDE = ROOT / "pyrite" / "runtime" / "include"
SOURCES = sorted((ROOT / "pyrite" / "runtime" / "src").glob("*.c")) + [ROOT / "pyrite" / "runtime" / "platform" / "posix.c"]
TESTS = sorted(Path(__file__).resolve().parent.glob("test_*.c"))
RUN_TIMEOUT = 120


def zig_exe():
    try:
        import ziglang
    except ImportError:
        return None
    path = Path(ziglang.__file__).parent / "zig"
    return str(path) if path.exists() else None


def area_of(test_file):
    return test_file.stem[len("test_"):].split("_")[0]


def run_binary(exe, area, env=None):
    proc = subprocess.run([str(exe)], capture_output=True, text=True, timeout=RUN_TIMEOUT, cwd=exe.parent,
                          env=env)
    detail = f"{exe.name} exited {proc.returncode}\nstdout:\n{proc.stdout[-4000:]}\nstderr:\n{proc.stderr[-8000:]}"
    assert proc.returncode == 0, detail
    assert f"OK {area}" in proc.stdout, detail


def compile_cmd(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    return proc.returncode, proc.stdout + proc.stderr


def compile_objects(cc_prefix, out_dir):
    """Compile each runtime source once per session (in parallel); returns the object paths."""
    out_dir.mkdir(parents=True, exist_ok=True)

    def one(src):
        obj = out_dir / (src.stem + ".o")
        cmd = [*cc_prefix, "-c", str(src), "-o", str(obj)]
        rc, out = compile_cmd(cmd)
        return obj, rc, cmd, out

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(one, SOURCES))
    failed = [f"{' '.join(cmd)}\n{out[-4000:]}" for _, rc, cmd, out in results if rc != 0]
    return [obj for obj, _, _, _ in results], failed


GCC_FLAGS = ["-std=gnu11", "-g", "-O1", "-fno-omit-frame-pointer", "-fsanitize=address,undefined",
             "-fno-sanitize-recover=all", f"-I{INCLUDE}"]
ZIG_FLAGS = ["-std=gnu11", "-O1", f"-I{INCLUDE}"]


@pytest.fixture(scope="session")
def gcc_objects(tmp_path_factory):
    if shutil.which("gcc") is None:
        return None
    return compile_objects(["gcc", *GCC_FLAGS, "-fno-pie"], tmp_path_factory.mktemp("gcc_objs"))


@pytest.fixture(scope="session")
def zig_objects(tmp_path_factory):
    zig = zig_exe()
    if zig is None:
        return None
    return compile_objects([zig, "cc", *ZIG_FLAGS], tmp_path_factory.mktemp("zig_objs"))


def build_gcc(objects, test_file, out_dir):
    objs, failed = objects
    assert not failed, "gcc failed to compile the runtime:\n" + "\n".join(failed)
    exe = out_dir / (test_file.stem + "_gcc")
    cmd = ["gcc", *GCC_FLAGS, "-no-pie", *map(str, objs), str(test_file), "-lm", "-o", str(exe)]
    rc, out = compile_cmd(cmd)
    assert rc == 0, "gcc build failed:\n" + " ".join(cmd) + "\n" + out[-8000:]
    return exe


def build_zig(zig, objects, test_file, out_dir):
    objs, failed = objects
    assert not failed, "zig cc failed to compile the runtime:\n" + "\n".join(failed)
    exe = out_dir / (test_file.stem + "_zig")
    cmd = [zig, "cc", *ZIG_FLAGS, *map(str, objs), str(test_file), "-lm", "-o", str(exe)]
    rc, out = compile_cmd(cmd)
    if rc != 0:
        pytest.fail("zig cc build failed:\n" + " ".join(cmd) + "\n" + out[-8000:])
    return exe


@pytest.mark.parametrize("test_file", TESTS, ids=[t.stem for t in TESTS])
def test_runtime_c(test_file, tmp_path, gcc_objects, zig_objects):
    zig = zig_exe()
    if zig_objects is None and gcc_objects is None:
        pytest.skip("neither zig (ziglang) nor gcc is available")
    area = area_of(test_file)
    if zig_objects is not None:
        run_binary(build_zig(zig, zig_objects, test_file, tmp_path), area)
    if gcc_objects is not None:
        # Leak checking is opt-in (PYRITE_LEAKS=1): the C tests themselves do not free everything.
        leaks = os.environ.get("PYRITE_LEAKS") == "1"
        env = dict(os.environ, ASAN_OPTIONS=f"detect_leaks={int(leaks)}")
        run_binary(build_gcc(gcc_objects, test_file, tmp_path), area, env)


DRIVER = Path(__file__).resolve().parent / "long_driver.c"


def run_driver(exe, text, expected, env=None):
    proc = subprocess.run([str(exe)], input=text, capture_output=True, text=True, timeout=RUN_TIMEOUT, env=env)
    assert proc.returncode == 0, f"{exe.name} exited {proc.returncode}\n{proc.stderr[-8000:]}"
    got = proc.stdout.splitlines()
    lines = text.splitlines()
    bad = [f"  {lines[i][:300]}\n    got      {g[:300]}\n    expected {e[:300]}"
           for i, (g, e) in enumerate(zip(got, expected)) if g != e]
    assert len(got) == len(expected), f"{len(got)} result lines for {len(expected)} cases\n{proc.stderr[-4000:]}"
    assert not bad, f"{len(bad)} of {len(expected)} differ from CPython:\n" + "\n".join(bad[:20])


@pytest.mark.parametrize("seed", [1, 2])
def test_long_differential(seed, tmp_path, gcc_objects, zig_objects):
    """Random ints of mixed sizes and signs through + - * // % divmod ** pow(,,) << >> & | ^ ~ compare
    hash str format int(str, base) to_bytes/from_bytes true division float() round and math, against
    CPython (long_cases.py computes the expected lines)."""
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import long_cases
    if zig_objects is None and gcc_objects is None:
        pytest.skip("neither zig (ziglang) nor gcc is available")
    text, expected = long_cases.cases(seed, 2500)
    if zig_objects is not None:
        run_driver(build_zig(zig_exe(), zig_objects, DRIVER, tmp_path), text, expected)
    if gcc_objects is not None:
        env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1")
        run_driver(build_gcc(gcc_objects, DRIVER, tmp_path), text, expected, env)
