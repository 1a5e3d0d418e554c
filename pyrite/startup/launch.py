"""Child-process plumbing: environments for recording and archived runs, and record/run themselves."""
import importlib.util
import marshal
import os
import py_compile
import subprocess
import sys
import tempfile

from pyrite.startup import hook

STARTUP_DIR = os.path.dirname(os.path.abspath(__file__))
SHIM_DIR = os.path.join(STARTUP_DIR, "shim")
PACKAGE_ROOT = os.path.dirname(os.path.dirname(STARTUP_DIR))
HOOK_FILE = os.path.join(STARTUP_DIR, "hook.py")
ENV_RECORD_OUT = "PYRITE_STARTUP_RECORD_OUT"
ENV_SAVED_PYTHONPATH = "PYRITE_STARTUP_SHIM_PYTHONPATH"
ENV_STATS = "PYRITE_STARTUP_STATS"


def precompile_runtime():
    """Write .pyc files for the files loaded at app start-up, so they are not recompiled on every run."""
    for name in ("hook.py", "recorder.py", os.path.join("shim", "sitecustomize.py")):
        path = os.path.join(STARTUP_DIR, name)
        try:
            if is_stale(path, importlib.util.cache_from_source(path)):
                py_compile.compile(path, doraise=True)
        except (OSError, py_compile.PyCompileError):
            pass


def is_stale(source, cached):
    """Whether a .pyc is missing or older than its source."""
    try:
        return os.stat(cached).st_mtime < os.stat(source).st_mtime
    except FileNotFoundError:
        return True


def with_shim(env):
    """Put the shim's sitecustomize first on PYTHONPATH, remembering the app's own PYTHONPATH."""
    env = dict(env)
    original = env.get("PYTHONPATH", "")
    env[ENV_SAVED_PYTHONPATH] = original
    env["PYTHONPATH"] = SHIM_DIR + (os.pathsep + original if original else "")
    return env


def record_env(base, out_path):
    """Environment for the recording run: shim plus output path, and no archive in use."""
    env = dict(base)
    env.pop(hook.ENV_ARCHIVE, None)
    env.pop(hook.ENV_CHECK, None)
    env[ENV_RECORD_OUT] = out_path
    return with_shim(env)


def archive_env(base, archive, check=None, shim=True):
    """Environment that enables an archive: by the shim, or (shim=False) for an installed .pth hook."""
    env = dict(base)
    env[hook.ENV_ARCHIVE] = os.path.abspath(archive)
    if check:
        env[hook.ENV_CHECK] = check
    return with_shim(env) if shim else env


def builder_command(executable, optimize, record_path, out_path, check, images=True):
    """Run the archive builder under the recorded interpreter (same bytecode, same -O level)."""
    code = ("import sys; sys.path.insert(0, %r); from pyrite.startup.build import main; "
            "sys.exit(main(sys.argv[1:]))" % PACKAGE_ROOT)
    flags = ["-" + "O" * optimize] if optimize else []
    return [executable] + flags + ["-c", code, record_path, out_path, check] + ([] if images else ["no-images"])


def record(command, out_path, check="stat", env=None, quiet=False, cwd=None, images=True):
    """Run the app once with the recorder, then build the archive; return 0 when it was written."""
    out_path = os.path.abspath(out_path)
    if not os.path.isdir(os.path.dirname(out_path)):
        sys.stderr.write("pyrite startup: directory %s does not exist\n" % os.path.dirname(out_path))
        return 1
    precompile_runtime()
    with tempfile.TemporaryDirectory(prefix="pyrite-record-") as tmp:
        rec_path = os.path.join(tmp, "record.marshal")
        quiet_output = subprocess.DEVNULL if quiet else None
        status = subprocess.call(command, env=record_env(os.environ if env is None else env, rec_path),
                                 stdout=quiet_output, stderr=quiet_output, cwd=cwd)
        if not os.path.exists(rec_path):
            sys.stderr.write("pyrite startup: no recording was written (is the command a Python "
                             "interpreter run without -I/-E, and did it exit normally?)\n")
            return 1
        if status and not quiet:
            sys.stderr.write("pyrite startup: note: the app exited with status %d\n" % status)
        with open(rec_path, "rb") as f:
            recording = marshal.load(f)
        cmd = builder_command(recording["executable"], recording["optimize"], rec_path, out_path, check, images)
        output = subprocess.run(cmd, env=builder_env(env), capture_output=True, text=True)
        if output.returncode != 0:
            sys.stderr.write(output.stdout + output.stderr)
            return 1
        if not quiet:
            sys.stdout.write(output.stdout)
            sys.stderr.write(output.stderr)
        return 0


def builder_env(env=None):
    """The builder's environment: clean, and naming pyrite's zig (the app's interpreter may lack ziglang)."""
    env = clean_env(env)
    try:
        from pyrite.toolchain.zig import zig_exe
        env.setdefault("PYRITE_ZIG", zig_exe())
    except ImportError:
        pass
    return env


def clean_env(env=None):
    """The caller's environment without any pyrite start-up variables (for helper processes)."""
    env = dict(os.environ if env is None else env)
    for key in (hook.ENV_ARCHIVE, hook.ENV_CHECK, ENV_RECORD_OUT, ENV_SAVED_PYTHONPATH):
        env.pop(key, None)
    return env


def run(archive, command, check=None):
    """Run the app with the archive enabled through the shim. On POSIX the app replaces this process
    (exec: no second process waits for it; its exit status and signals are the app's own); elsewhere
    it runs as a child and its exit status is returned."""
    precompile_runtime()
    env = archive_env(os.environ, archive, check)
    if os.name == "posix":
        try:
            sys.stdout.flush()
            os.execvpe(command[0], command, env)
        except OSError as e:
            sys.stderr.write("pyrite startup run: cannot run %s: %s\n" % (command[0], e.strerror))
            return 127
    return subprocess.call(command, env=env)


def _sh_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def write_launcher(archive, out_path, check=None):
    """A POSIX shell script that runs its arguments with the archive enabled through the shim: what
    `pyrite startup run` does, without starting a Python interpreter of its own (`./app-launch python
    app.py`)."""
    precompile_runtime()
    lines = ["#!/bin/sh",
             "# written by `pyrite startup launcher`: runs \"$@\" with a pyrite start-up archive enabled",
             "%s=%s; export %s" % (hook.ENV_ARCHIVE, _sh_quote(os.path.abspath(archive)), hook.ENV_ARCHIVE)]
    if check:
        lines.append("%s=%s; export %s" % (hook.ENV_CHECK, _sh_quote(check), hook.ENV_CHECK))
    lines += ['%s="${PYTHONPATH-}"; export %s' % (ENV_SAVED_PYTHONPATH, ENV_SAVED_PYTHONPATH),
              'PYTHONPATH=%s"${PYTHONPATH:+%s$PYTHONPATH}"; export PYTHONPATH' % (_sh_quote(SHIM_DIR), os.pathsep),
              'exec "$@"', ""]
    with open(out_path, "w") as f:
        f.write("\n".join(lines))
    os.chmod(out_path, 0o755)
    return out_path
