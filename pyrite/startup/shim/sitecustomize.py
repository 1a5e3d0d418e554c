"""PYTHONPATH shim: starts pyrite's start-up recorder or archive, removes itself, then runs any real sitecustomize."""
import os
import sys

ENV_SAVED_PYTHONPATH = "PYRITE_STARTUP_SHIM_PYTHONPATH"


def load_by_path(name, filename):
    """Import a module from an explicit file without searching sys.path."""
    import _frozen_importlib as bs
    import _frozen_importlib_external as bx
    spec = bx.spec_from_file_location(name, filename)
    module = bs.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def remove_shim(here):
    """Take the shim directory off sys.path and give the app back its own PYTHONPATH."""
    sys.path[:] = [p for p in sys.path if not (type(p) is str and p.rstrip("/") == here)]
    saved = os.environ.pop(ENV_SAVED_PYTHONPATH, None)
    if saved is None:
        return
    if saved:
        os.environ["PYTHONPATH"] = saved
    else:
        os.environ.pop("PYTHONPATH", None)


def chain_real_sitecustomize():
    """Import the sitecustomize this shim hides, if there is one."""
    shim = sys.modules.pop("sitecustomize", None)
    try:
        import sitecustomize  # noqa: F401  (the real one, now that the shim is off sys.path)
    except ImportError as exc:
        if exc.name != "sitecustomize":
            raise
        sys.modules["sitecustomize"] = shim


def main():
    here = os.path.dirname(os.path.abspath(__file__)).rstrip("/")
    remove_shim(here)
    startup = os.path.dirname(here)
    out = os.environ.pop("PYRITE_STARTUP_RECORD_OUT", None)
    if out:
        load_by_path("_pyrite_startup_recorder", startup + "/recorder.py").start(out)
    elif os.environ.get("PYRITE_STARTUP_ARCHIVE"):
        hook = sys.modules.get("_pyrite_startup_hook")
        if hook is None:
            hook = load_by_path("_pyrite_startup_hook", startup + "/hook.py")
        hook.activate()
    chain_real_sitecustomize()


main()
