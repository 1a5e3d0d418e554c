"""Corrupt, truncated and concurrently used archives: always a fallback to normal import, never a crash."""
import os
import subprocess
import sys

import pytest

from conftest import PY, REPO, app_output, base_env, hook, launch, record, run_py, served


@pytest.fixture
def recorded(app, tmp_path):
    archive = tmp_path / "app.pyra"
    record(["main.py"], app, archive)
    expected = app_output(run_py(["main.py"], app))
    return app, archive, expected


def index_offset(data):
    return int.from_bytes(data[16:24], "little")


def damage(archive, how):
    data = bytearray(archive.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    elif how == "header":
        data[0:8] = b"NOTPYRA!"
    elif how == "index":
        data[index_offset(data) + 10] ^= 0xFF
    elif how == "size":
        data += b"\0" * 100
    elif how == "empty":
        data = b""
    elif how == "garbage":
        data = os.urandom(5000)
    archive.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "header", "index", "size", "empty", "garbage"])
def test_damaged_archive_falls_back_whole(recorded, tmp_path, how):
    app, archive, expected = recorded
    damage(archive, how)
    stats = tmp_path / "stats"
    result = run_py(["-v", "main.py"], app, archive=archive, stats=stats)
    assert app_output(result) == app_output(run_py(["-v", "main.py"], app))
    assert "pyrite-startup: ignoring archive" in result.stderr
    assert not stats.exists()


@pytest.mark.parametrize("blobs", ["image", "image+marshal"])
def test_corrupt_module_blob_falls_back_for_that_module(recorded, tmp_path, blobs):
    """A damaged heap image falls back to the module's marshal data; both damaged: to the file on disk."""
    app, archive, expected = recorded
    data = bytearray(archive.read_bytes())
    rec = hook.Archive(str(archive)).modules["mypkg.helpers"]
    assert rec[10] is not None, "the builder made no heap image for mypkg.helpers"
    offset, length = rec[10][:2]
    data[offset + length // 2] ^= 0xFF
    if blobs == "image+marshal":
        offset, length = rec[:2]
        data[offset + length // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    assert app_output(run_py(["main.py"], app, archive=archive)) == expected
    stats = tmp_path / "stats"
    run_py(["main.py"], app, archive=archive, stats=stats)   # the stats file imports atexit: own run
    assert served(stats)[0] >= 20
    # Under -v the fallback is reported. (Under -v CPython keeps importlib's frames in import
    # tracebacks, where the archive's loader adds one, so the outputs are not compared there.)
    verbose = run_py(["-v", "main.py"], app, archive=archive)
    assert "mypkg.helpers: heap image: corrupt start-up image: checksum mismatch; using marshal" in verbose.stderr
    assert ("mypkg.helpers: data checksum mismatch" in verbose.stderr) == (blobs == "image+marshal")


def test_missing_archive_is_ignored(app, tmp_path):
    expected = app_output(run_py(["main.py"], app))
    result = run_py(["main.py"], app, archive=tmp_path / "nope.pyra")
    assert app_output(result) == expected and result.stderr == ""


def test_record_replaces_atomically_and_leaves_no_temp_files(app, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    archive = out_dir / "app.pyra"
    archive.write_bytes(b"old contents")
    old_inode = os.stat(str(archive)).st_ino
    record(["main.py"], app, archive)
    assert os.listdir(str(out_dir)) == ["app.pyra"]
    assert os.stat(str(archive)).st_ino != old_inode
    assert hook.Archive(str(archive)).modules


def test_failed_build_keeps_previous_archive(app, tmp_path):
    archive = tmp_path / "app.pyra"
    record(["main.py"], app, archive)
    before = archive.read_bytes()
    status = launch.record([PY, "-I", "main.py"], str(archive), env=base_env(), quiet=True, cwd=str(app))
    assert status == 1
    assert archive.read_bytes() == before
    assert [p for p in os.listdir(str(tmp_path)) if p.endswith(".tmp")] == []


def test_concurrent_runs_and_rerecord_share_one_archive(recorded, tmp_path):
    app, archive, expected = recorded
    env = launch.archive_env(base_env(), str(archive))
    procs = [subprocess.Popen([PY, "main.py"], cwd=str(app), env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(6)]
    rerecord = subprocess.run(
        [PY, "-c", "import sys; sys.path.insert(0, %r); from pyrite.startup import launch; "
                   "sys.exit(launch.record([%r, 'main.py'], %r, quiet=True))" % (REPO, PY, str(archive))],
        cwd=str(app), env=base_env())
    outputs = [p.communicate(timeout=60) for p in procs]
    assert rerecord.returncode == 0
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0, err
        import json
        assert json.loads(out) == expected
    assert app_output(run_py(["main.py"], app, archive=archive)) == expected


def test_concurrent_records_to_same_path(app, tmp_path):
    archive = tmp_path / "app.pyra"
    code = ("import sys; sys.path.insert(0, %r); from pyrite.startup import launch; "
            "sys.exit(launch.record([%r, 'main.py'], %r, quiet=True))" % (REPO, PY, str(archive)))
    procs = [subprocess.Popen([PY, "-c", code], cwd=str(app), env=base_env()) for _ in range(3)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    assert hook.Archive(str(archive)).modules
    assert sorted(os.listdir(str(tmp_path))) == ["app", "app.pyra"]


THREADS = """
import sys, threading
names = ["json", "email.parser", "http.client", "csv", "decimal", "fractions", "argparse", "calendar"]
errors = []
def load(name):
    try:
        __import__(name)
    except Exception as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=load, args=(n,)) for n in names]
for t in threads: t.start()
for t in threads: t.join()
print(errors, sorted(n for n in names if n in sys.modules))
"""


def test_threads_importing_at_once(tmp_path):
    archive = tmp_path / "threads.pyra"
    record(["-c", THREADS], tmp_path, archive)
    stock = run_py(["-c", THREADS], tmp_path)
    stats = tmp_path / "stats"
    archived = run_py(["-c", THREADS], tmp_path, archive=archive, stats=stats)
    assert archived.stdout == stock.stdout and archived.stdout.startswith("[] ")
    assert served(stats)[0] >= 20


@pytest.mark.parametrize("how", ["truncated", "rewritten"])
def test_archive_changed_in_place_while_a_process_uses_it(tmp_path, how):
    """`cp new.pyra app.pyra` truncates and rewrites the file a running process reads its modules
    from: the process goes on, importing what is left from the source files (it used to die of SIGBUS
    when the archive was memory-mapped)."""
    app = tmp_path / "app"
    app.mkdir()
    for i in range(6):
        (app / ("mod%d.py" % i)).write_text("X = %d\nDATA = %r\n" % (i, "x" * 5000 * (i + 1)))
    (app / "main.py").write_text(
        "import sys, mod0\n"
        "sys.stdout.write('ready\\n'); sys.stdout.flush()\n"
        "sys.stdin.readline()\n"
        "import mod1, mod2, mod3, mod4, mod5\n"
        "print('done', mod1.X + mod2.X + mod3.X + mod4.X + mod5.X, len(mod5.DATA))\n")
    archive = tmp_path / "app.pyra"
    record(["main.py"], app, archive)
    size = archive.stat().st_size
    env = launch.archive_env(base_env(), str(archive), None)
    proc = subprocess.Popen([PY, "main.py"], cwd=str(app), env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "ready\n"
    with open(str(archive), "r+b") as f:
        f.truncate(64)
        if how == "rewritten":   # same size, other bytes
            f.seek(0)
            f.write(b"\0" * size)
    out, err = proc.communicate("\n", timeout=60)
    assert proc.returncode == 0, err
    assert out == "done 15 30000\n"
