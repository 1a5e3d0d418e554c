"""Stale sources, other interpreters and changed search paths never lead to stale code being run."""
import os
import shutil
import time

from conftest import record, run_py, served, write_files

FILES = {
    "prog.py": """
        import mod, pkg.leaf
        print(mod.VALUE, pkg.leaf.VALUE, mod.__file__)
    """,
    "mod.py": "VALUE = 'old-mod'\n",
    "pkg/__init__.py": "",
    "pkg/leaf.py": "VALUE = 'old-leaf'\n",
}


def setup_app(tmp_path, check="stat"):
    root = tmp_path / "app"
    write_files(str(root), FILES)
    archive = tmp_path / "app.pyra"
    record(["prog.py"], root, archive, check=check)
    return root, archive


def rewrite(path, text, same_size_and_mtime=False):
    """Replace a file's content; optionally keep its size and mtime (an in-place, undetectable-by-stat edit)."""
    st = os.stat(str(path))
    if not same_size_and_mtime:
        time.sleep(0.01)
    path.write_text(text)
    if same_size_and_mtime:
        os.utime(str(path), ns=(st.st_atime_ns, st.st_mtime_ns))


def test_edited_source_uses_new_code(tmp_path):
    root, archive = setup_app(tmp_path)
    rewrite(root / "mod.py", "VALUE = 'new-mod-longer'\n")
    rewrite(root / "pkg" / "leaf.py", "VALUE = 'new-leaf'\n")
    stats = tmp_path / "stats"
    out = run_py(["prog.py"], root, archive=archive, stats=stats)
    assert out.stdout.split()[:2] == ["new-mod-longer", "new-leaf"]
    assert served(stats)[1] == 2


def test_deleted_source_falls_back(tmp_path):
    root, archive = setup_app(tmp_path)
    os.unlink(str(root / "mod.py"))
    out = run_py(["prog.py"], root, archive=archive)
    assert out.returncode == 1 and "ModuleNotFoundError: No module named 'mod'" in out.stderr


def test_hash_mode_catches_edit_that_keeps_size_and_mtime(tmp_path):
    root, archive = setup_app(tmp_path, check="hash")
    rewrite(root / "mod.py", "VALUE = 'NEW-mod'\n", same_size_and_mtime=True)
    assert run_py(["prog.py"], root, archive=archive).stdout.split()[0] == "NEW-mod"
    # The documented trade-off: stat mode cannot see such an edit, check=none sees no edit at all.
    assert run_py(["prog.py"], root, archive=archive, check="stat").stdout.split()[0] == "old-mod"


def test_none_mode_skips_source_checks(tmp_path):
    root, archive = setup_app(tmp_path, check="none")
    rewrite(root / "mod.py", "VALUE = 'new-mod-longer'\n")
    assert run_py(["prog.py"], root, archive=archive).stdout.split()[0] == "old-mod"
    assert run_py(["prog.py"], root, archive=archive, check="stat").stdout.split()[0] == "new-mod-longer"


def test_other_interpreter_magic_ignores_archive(tmp_path):
    root, archive = setup_app(tmp_path)
    data = bytearray(archive.read_bytes())
    data[12:16] = b"\x00\x00\r\n"
    archive.write_bytes(bytes(data))
    stats = tmp_path / "stats"
    out = run_py(["-v", "prog.py"], root, archive=archive, stats=stats)
    assert out.stdout.split()[:2] == ["old-mod", "old-leaf"]
    assert "pyrite-startup: ignoring archive" in out.stderr and "another interpreter" in out.stderr
    assert not stats.exists()
    quiet = run_py(["prog.py"], root, archive=archive)
    assert "pyrite-startup" not in quiet.stderr


def test_other_optimize_level_ignores_archive(tmp_path):
    root, archive = setup_app(tmp_path)
    out = run_py(["-O", "-v", "prog.py"], root, archive=archive)
    assert out.stdout.split()[:2] == ["old-mod", "old-leaf"]
    assert "ignoring archive" in out.stderr


def test_new_module_earlier_on_sys_path_wins(tmp_path):
    root, archive = setup_app(tmp_path)
    early = tmp_path / "early"
    write_files(str(early), {"mod.py": "VALUE = 'shadow'\n"})
    env_path = str(early)
    from conftest import base_env
    env = base_env()
    env["PYTHONPATH"] = env_path
    stats = tmp_path / "stats"
    out = run_py(["prog.py"], root, archive=archive, env=env, stats=stats)
    # The script's directory is sys.path[0], ahead of PYTHONPATH, so the recorded mod.py still wins.
    assert out.stdout.split()[0] == "old-mod"
    out = run_py(["-c", "import sys; sys.path.insert(0, %r); exec(open('prog.py').read())" % env_path],
                 root, archive=archive, stats=stats)
    assert out.stdout.split()[0] == "shadow"
    assert served(stats)[1] >= 1


def test_package_added_next_to_module_wins(tmp_path):
    root, archive = setup_app(tmp_path)
    time.sleep(0.01)
    write_files(str(root), {"mod/__init__.py": "VALUE = 'package-now'\n"})
    out = run_py(["prog.py"], root, archive=archive)
    assert out.stdout.split()[0] == "package-now"


def test_new_file_in_earlier_cwd_entry_shadows_stdlib(tmp_path):
    code = "import json; print(json.__file__)"
    archive = tmp_path / "std.pyra"
    work = tmp_path / "work"
    work.mkdir()
    record(["-c", code], work, archive)
    time.sleep(0.01)
    (work / "json.py").write_text("")
    out = run_py(["-c", code], work, archive=archive)
    assert out.stdout.strip() == str(work / "json.py")


def test_moved_app_directory_falls_back(tmp_path):
    root, archive = setup_app(tmp_path)
    moved = tmp_path / "moved"
    shutil.move(str(root), str(moved))
    stats = tmp_path / "stats"
    out = run_py(["prog.py"], moved, archive=archive, stats=stats)
    assert out.stdout.split()[2] == str(moved / "mod.py")


def test_invalidate_caches_sees_new_files(tmp_path):
    root, archive = setup_app(tmp_path)
    prog = ("import importlib, sys, pkg.leaf\n"
            "open('pkg/late.py', 'w').write('V = 3\\n')\n"
            "importlib.invalidate_caches()\n"
            "import pkg.late; print(pkg.late.V)\n")
    (root / "prog2.py").write_text(prog)
    out = run_py(["prog2.py"], root, archive=archive)
    assert out.returncode == 0 and out.stdout.strip() == "3", out.stderr



def test_non_module_files_do_not_count_as_shadows(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "json.txt").write_text("not a module")
    archive = work / "json.pyra"
    record(["-c", "import json"], work, archive)
    stats = tmp_path / "stats"
    out = run_py(["-c", "import json; print(type(json.__loader__).__name__)"], work, archive=archive,
                 stats=stats)
    assert out.stdout.strip() == "ArchiveLoader" and served(stats)[1] == 0
