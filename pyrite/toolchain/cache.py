"""The pyrite cache directory (runtime libraries, built programs, compiled wasm modules)."""
import os
import shutil


def cache_dir():
    d = os.environ.get("PYRITE_CACHE_DIR")
    if not d:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        d = os.path.join(base, "pyrite")
    os.makedirs(d, exist_ok=True)
    return d


def atomic_replace_dir(src, dst):
    """Move a finished directory into place; if another process won the race, keep theirs."""
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    try:
        os.rename(src, dst)
    except OSError:
        if not os.path.isdir(dst):
            raise
        shutil.rmtree(src, ignore_errors=True)


def atomic_write(path, data):
    tmp = "%s.tmp%d" % (path, os.getpid())
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
