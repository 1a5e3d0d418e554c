"""Install/uninstall the one-line .pth hook that enables $PYRITE_STARTUP_ARCHIVE in every interpreter start-up."""
import os
import site
import tempfile

from pyrite.startup import hook
from pyrite.startup.launch import HOOK_FILE, precompile_runtime

# Sorts before most other .pth files, so modules they import can be served from the archive too.
PTH_NAME = "00-pyrite-startup.pth"

LOADER_CODE = """try:
 import sys
 m = sys.modules.get(%(name)r)
 if m is None:
  import _frozen_importlib as b, _frozen_importlib_external as x
  s = x.spec_from_file_location(%(name)r, %(hook)r)
  m = b.module_from_spec(s); sys.modules[s.name] = m; s.loader.exec_module(m)
 m.activate()
except Exception as e:
 import sys
 if sys.flags.verbose: sys.stderr.write('pyrite-startup: hook failed: %%r\\n' %% (e,))
"""


def pth_line(hook_file=HOOK_FILE):
    """The hook: a dict lookup when the variable is unset; else load hook.py by path and activate."""
    code = LOADER_CODE % {"name": hook.MODULE_NAME, "hook": hook_file}
    return "import os; os.environ.get(%r) and exec(%r, {})\n" % (hook.ENV_ARCHIVE, code)


def default_site_dir(user=False):
    """The site-packages directory the hook goes into."""
    if user:
        return site.getusersitepackages()
    return site.getsitepackages()[0]


def install(site_dir):
    """Write the .pth hook atomically into `site_dir`; return its path."""
    precompile_runtime()
    os.makedirs(site_dir, exist_ok=True)
    target = os.path.join(site_dir, PTH_NAME)
    fd, tmp = tempfile.mkstemp(prefix=".pyrite-", suffix=".tmp", dir=site_dir)
    with os.fdopen(fd, "w") as f:
        f.write(pth_line())
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    return target


def uninstall(site_dir):
    """Remove the .pth hook from `site_dir`; return its path, or None if it was not there."""
    target = os.path.join(site_dir, PTH_NAME)
    try:
        os.unlink(target)
    except FileNotFoundError:
        return None
    return target
