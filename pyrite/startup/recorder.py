"""Start-up recorder: runs inside the recorded app and notes every module the path finder loads from source.

Loaded by path (as `_pyrite_startup_recorder`) from the PYTHONPATH shim, so it only uses modules
the interpreter has already loaded. The list is written with marshal at exit; the archive is built
from it afterwards by `pyrite.startup.build`, under the same interpreter.
"""
import sys
import os
import marshal
import atexit
import _frozen_importlib as _bs
import _frozen_importlib_external as _bx

ENV_OUT = "PYRITE_STARTUP_RECORD_OUT"


def normalize_paths(paths):
    """sys.path-like entries spelled as absolute directories (None for entries the path finder skips)."""
    cwd = None
    out = []
    for item in paths:
        if type(item) is not str:
            out.append(None)
            continue
        if not item or item == "." or item[0] != "/":
            cwd = cwd or os.getcwd()
            item = cwd if (not item or item == ".") else cwd + "/" + item
        out.append(item.rstrip("/") or "/")
    return tuple(out)


def describe(spec, found_by_path_finder):
    """The parts of a spec the archive needs, or None when it is not a plain source module."""
    if not found_by_path_finder or type(spec.loader) is not _bx.SourceFileLoader:
        return None
    if not spec.has_location or type(spec.origin) is not str:
        return None
    search = spec.submodule_search_locations
    return (spec.origin, None if search is None else tuple(search))


class RecordingFinder:
    """Front-of-meta-path finder that asks the finders behind it, in order, and notes who answered."""

    def __init__(self):
        self.records = []
        self.path_ids = {}

    def _paths_id(self, paths):
        key = normalize_paths(paths)
        return self.path_ids.setdefault(key, len(self.path_ids))

    def note(self, name, paths, spec, by_path_finder):
        info = describe(spec, by_path_finder)
        if info is not None:
            self.records.append((name, self._paths_id(paths)) + info)

    def find_spec(self, fullname, path=None, target=None):
        paths = tuple(sys.path if path is None else path)
        meta_path = sys.meta_path
        start = meta_path.index(self) + 1 if self in meta_path else 0
        for finder in list(meta_path[start:]):
            spec = self._ask(finder, fullname, path, target)
            if spec is not None:
                self.note(fullname, paths, spec, finder is _bx.PathFinder)
                return spec
        return None

    def _ask(self, finder, fullname, path, target):
        find = getattr(finder, "find_spec", None)
        if find is None:
            return _bs._find_spec_legacy(finder, fullname, path)
        return find(fullname, path, target)

    def note_preloaded(self):
        """Modules imported before the recorder started (during site and .pth processing)."""
        for name, module in list(sys.modules.items()):
            spec = getattr(module, "__spec__", None)
            if spec is None or spec.name != name:
                continue
            parent = name.rpartition(".")[0]
            if parent:
                paths = getattr(sys.modules.get(parent), "__path__", None)
                if paths is None:
                    continue
            else:
                paths = sys.path
            self.note(name, paths, spec, True)

    def dump(self, out_path):
        paths = [None] * len(self.path_ids)
        for key, index in self.path_ids.items():
            paths[index] = key
        data = {
            "executable": sys.executable,
            "version": sys.version,
            "optimize": sys.flags.optimize,
            "paths": paths,
            "records": self.records,
            "regex": recorded_patterns(),
        }
        tmp = out_path + ".tmp"
        with open(tmp, "wb") as f:
            marshal.dump(data, f)
        os.replace(tmp, out_path)


def recorded_patterns():
    """The (pattern, flags) pairs in re's pattern cache at exit: the regexes the app compiled."""
    cache = getattr(sys.modules.get("re"), "_cache", None)
    if type(cache) is not dict:
        return []
    out = []
    for key in list(cache):
        if type(key) is tuple and len(key) == 3 and key[0] in (str, bytes) \
                and type(key[1]) is key[0] and type(key[2]) is int:
            out.append((key[1], key[2]))
    return out


def start(out_path):
    """Install the recorder at the front of sys.meta_path and write the records at exit."""
    recorder = RecordingFinder()
    recorder.note_preloaded()
    sys.meta_path.insert(0, recorder)
    atexit.register(recorder.dump, out_path)
    return recorder
