"""Start-up archive runtime: a meta-path finder that serves recorded modules from one archive file.

This file is loaded by path (as `_pyrite_startup_hook`) from a `.pth` line or the run shim, very
early in interpreter start-up, so it may only import modules the interpreter has already loaded.
Any problem makes a module, or the whole archive, fall back to the normal import system; a warning
is printed only under `python -v`.
"""
import sys
import os
import marshal
import _imp
import _frozen_importlib_external as _bx

ENV_ARCHIVE = "PYRITE_STARTUP_ARCHIVE"
ENV_CHECK = "PYRITE_STARTUP_CHECK"
ENV_STATS = "PYRITE_STARTUP_STATS"
ENV_LAZY = "PYRITE_STARTUP_LAZY"
ENV_GC = "PYRITE_STARTUP_GC"
MODULE_NAME = "_pyrite_startup_hook"

HEADER_MAGIC = b"PYRITESA"
FORMAT_VERSION = 3
HEADER_SIZE = 64
HASH_KEY = 0x5059524954450001
CHECK_MODES = ("none", "stat", "hash")
# The modules whose code decides what a compiled regex looks like; the archive's pattern table is
# used only while all of them are the recorded, unchanged files.
REGEX_MODULES = ("re", "re._casefix", "re._compiler", "re._constants", "re._parser")
RE_MAXCACHE = 512

# Suffixes the path finder tries for a module name, in its order (extensions first).
EXTENSION_SUFFIXES = tuple(_imp.extension_suffixes())
MODULE_SUFFIXES = EXTENSION_SUFFIXES + (".py", ".pyc")


class ArchiveError(Exception):
    """The archive cannot be used at all (wrong interpreter, corrupt, truncated)."""


def warn(message):
    """Print a diagnostic, only when the interpreter runs verbosely (`python -v`)."""
    if sys.flags.verbose:
        sys.stderr.write("pyrite-startup: " + message + "\n")


def digest(data):
    """Keyed 64-bit hash (the one CPython uses for hash-based .pyc files) of a bytes-like object."""
    return _imp.source_hash(HASH_KEY, data)


def interpreter_tag():
    """What must match between recording and running: version, bytecode magic, cache tag, -O level."""
    return (sys.version, _bx.MAGIC_NUMBER, sys.implementation.cache_tag, sys.flags.optimize)


def u64(data, pos):
    """Little-endian unsigned 64-bit integer at data[pos:pos+8]."""
    return int.from_bytes(data[pos:pos + 8], "little")


def parse_header(header, file_size):
    """Validate the fixed header; return (index_offset, index_length, index_digest)."""
    if len(header) < HEADER_SIZE or header[:8] != HEADER_MAGIC:
        raise ArchiveError("bad header magic")
    if int.from_bytes(header[8:12], "little") != FORMAT_VERSION:
        raise ArchiveError("unsupported archive format version")
    if header[12:16] != _bx.MAGIC_NUMBER:
        raise ArchiveError("recorded for another interpreter (bytecode magic differs)")
    if u64(header, 40) != file_size:
        raise ArchiveError("truncated or extended archive (size differs from header)")
    index_offset, index_length = u64(header, 16), u64(header, 24)
    if index_offset < HEADER_SIZE or index_offset + index_length > file_size:
        raise ArchiveError("index out of bounds")
    return index_offset, index_length, header[32:40]


class Archive:
    """One open archive file: the decoded index plus positioned reads of module code."""

    def __init__(self, path):
        self.path = path
        self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            self._load_index()
        except BaseException:
            os.close(self.fd)
            raise

    def _load_index(self):
        size = os.fstat(self.fd).st_size
        offset, length, expected = parse_header(os.pread(self.fd, HEADER_SIZE, 0), size)
        raw = os.pread(self.fd, length, offset)
        if len(raw) != length or digest(raw) != expected:
            raise ArchiveError("index checksum mismatch")
        try:
            index = marshal.loads(raw)
        except Exception:
            raise ArchiveError("index does not decode") from None
        if type(index) is not dict or index.get("interpreter") != interpreter_tag():
            raise ArchiveError("recorded for another interpreter or -O level")
        self.data_end = offset
        self.modules = index["modules"]
        self.dirs = index["dirs"]
        self.check = index.get("check", "stat")
        self.regex = index.get("regex")
        self.image_helper = index.get("image_helper")
        self.image_strings = index.get("image_strings")
        self._helper = False   # the image helper module once loaded; None if it cannot be used
        self.images_used = set()
        self.images_loaded = 0   # modules whose code came from a heap image
        # Module entries carry the spec's `cached` path, valid while the pycache prefix is the same.
        self.cached_paths = index.get("pycache_prefix", "") == sys.pycache_prefix

    def blob(self, offset, length, expected):
        """The bytes of one stored blob, or raise ArchiveError if it is out of bounds or damaged."""
        if offset < HEADER_SIZE or offset + length > self.data_end:
            raise ArchiveError("data out of bounds")
        # read, not mapped: a file truncated or rewritten in place while the process runs (`cp new.pyra
        # app.pyra`) gives a short read or a checksum mismatch here, and the module falls back to its
        # source; a mapping would kill the process with SIGBUS (measured: no start-up cost over mmap)
        blob = os.pread(self.fd, length, offset)
        if len(blob) != length or digest(blob) != expected:
            raise ArchiveError("data checksum mismatch")
        return blob

    def code(self, offset, length, expected):
        """Unmarshal one module's code object, or raise ArchiveError if it is damaged."""
        code = marshal.loads(self.blob(offset, length, expected))
        if type(code) is not type(parse_header.__code__):
            raise ArchiveError("module data is not a code object")
        return code

    def module_code(self, entry, name):
        """A module's code object from its heap image when there is one, else through marshal.

        `entry` is (offset, length, digest, image) where image is (offset, length, checksum) or None.
        An image is used once per module: a second load of the same module (a reload) uses marshal,
        so each image's memory is claimed at most once.
        """
        image = entry[3]
        if image is not None and image[0] not in self.images_used:
            self.images_used.add(image[0])
            try:
                code = self.helper_code(image)
                if code is not None:
                    self.images_loaded += 1
                    return code
            except Exception as exc:
                warn("%s: heap image: %s; using marshal" % (name, exc))
        return self.code(entry[0], entry[1], entry[2])

    def helper_code(self, image):
        """Materialise a heap image (offset, length, checksum); None if the helper is unavailable."""
        helper = self.images()
        if helper is None:
            return None
        offset, length, checksum = image
        if offset < HEADER_SIZE or offset + length > self.data_end:
            raise ArchiveError("image out of bounds")
        return helper.materialize(self.fd, offset, length, checksum)

    def images(self):
        """The helper extension that materialises heap images, loaded on first use; None if unusable."""
        helper = self._helper
        if helper is False:
            helper = self._helper = None
            if self.image_helper is not None:
                try:
                    helper = load_image_helper(self, *self.image_helper)
                    offset, length, checksum = self.image_strings
                    if offset < HEADER_SIZE or offset + length > self.data_end:
                        raise ArchiveError("string table out of bounds")
                    helper.load_strings(self.fd, offset, length, checksum)
                    self._helper = helper
                except Exception as exc:
                    warn("heap images unusable (%s); using marshal" % (exc,))
        return helper

    def regex_tables(self):
        """The recorded pattern table ({"str": {...}, "bytes": {...}}), or an empty one if damaged."""
        try:
            tables = marshal.loads(self.blob(*self.regex))
            if type(tables) is dict and type(tables.get("str")) is dict and type(tables.get("bytes")) is dict:
                return {str: tables["str"], bytes: tables["bytes"]}
            raise ArchiveError("pattern table does not decode")
        except Exception as exc:
            warn("regex pattern table: %s; compiling patterns normally" % (exc,))
            return {}


def load_extension(name, origin):
    """Load an extension module from a known file, privately (not entered in sys.modules)."""
    if not origin:
        raise ArchiveError("no extension path recorded")
    loader = _bx.ExtensionFileLoader(name, origin)
    spec = _bx.spec_from_file_location(name, origin, loader=loader)
    module = loader.create_module(spec)
    loader.exec_module(module)
    return module


def load_image_helper(archive, path, offset, length, expected):
    """Load the archive's image helper extension, (re)writing it from the archive where needed.

    Tried in order: the path recorded at build time, this user's pyrite cache, and a hidden file next
    to the archive (for an archive recorded by another user, or copied to another machine).
    """
    data = archive.blob(offset, length, expected)
    name = os.path.basename(path)
    cache = os.environ.get("PYRITE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "pyrite")
    candidates = (path, os.path.join(cache, "startup", name),
                  os.path.join(os.path.dirname(os.path.abspath(archive.path)), "." + name))
    errors = []
    for candidate in candidates:
        try:
            place_file(candidate, data)
            return load_extension("_pyrite_image", candidate)
        except Exception as exc:
            errors.append("%s: %s" % (candidate, exc))
    raise ArchiveError("cannot place the image helper (%s)" % "; ".join(errors))


def place_file(path, data):
    """Make `path` hold exactly `data`: leave an identical file alone, else write it atomically."""
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return
    except OSError:
        pass
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        os.makedirs(folder, exist_ok=True)
    tmp = "%s.tmp%d" % (path, os.getpid())
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class PatternCache(dict):
    """re's module-level pattern cache (`re._cache`), pre-answered from the archive.

    `re._compile` looks a (type, pattern, flags) key up here before compiling. For a key the archive
    recorded, `__missing__` builds the Pattern straight from its stored compiled form with
    `_sre.compile` (the call `re._compiler.compile` ends with), skipping the pure-Python parser and
    compiler; the result compares equal to a freshly compiled pattern. Any other key raises KeyError,
    so re compiles it as usual. Eviction follows re's own rule (oldest first, at most 512 entries).
    """

    __slots__ = ("archive", "tables", "sre")

    def __missing__(self, key):
        tables = self.tables
        if tables is None:
            tables = self.tables = self.archive.regex_tables()
        table = tables.get(key[0]) if type(key) is tuple and len(key) == 3 else None
        if table is None or type(key[2]) is not int:
            raise KeyError(key)
        form = table.get(key[1:])
        if form is None:
            raise KeyError(key)
        pattern = self.sre.compile(key[1], form[0], form[1], form[2], dict(form[3]), form[4])
        if len(self) >= RE_MAXCACHE:
            try:
                del self[next(iter(self))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        self[key] = pattern
        return pattern


def install_pattern_cache(finder, re_module):
    """Swap re's pattern cache for a PatternCache, if the archive has patterns and re is the recorded re."""
    archive = finder.archive
    if archive.regex is None or type(getattr(re_module, "_cache", None)) is not dict:
        return False
    for name in REGEX_MODULES:
        rec = finder.modules.get(name)
        module = sys.modules.get(name)
        spec = getattr(module, "__spec__", None)
        if rec is None or spec is None or spec.origin != rec[3]:
            return False
        if finder.check != "none" and finder._source_changed(rec) is not None:
            return False
    cache = PatternCache(re_module._cache)
    cache.archive = archive
    cache.tables = None
    cache.sre = sys.modules["_sre"]
    re_module._cache = cache
    return True


# Generation-0 threshold while served module bodies run (CPython's default is 700). Imports build
# hundreds of thousands of long-lived objects; at 700 the collector runs every few hundred
# allocations and, as the heap grows, keeps re-scanning it in full collections. A higher threshold
# keeps collecting (at most this many young objects wait) but far less often.
GC_IMPORT_THRESHOLD = 10000


def gc_threshold_during_imports(mode):
    """$PYRITE_STARTUP_GC: "" (default) -> GC_IMPORT_THRESHOLD; "normal" -> None (leave the GC alone);
    "defer" -> 0 (no automatic collection during served imports); digits -> that threshold."""
    mode = mode.strip()
    if not mode:
        return GC_IMPORT_THRESHOLD
    if mode == "defer":
        return 0
    if mode.isdigit() and int(mode) > 0:
        return int(mode)
    return None


class GcPause:
    """Automatic cyclic GC runs less often (or, with threshold0 0, not at all) while served module bodies run.

    Sets generation 0's threshold around the outermost served import and restores the thresholds
    afterwards, unless the module code changed them itself. gc.isenabled() is untouched, and
    gc.collect() works as usual.
    """

    def __init__(self, threshold0=0):
        self.gc = builtin_module("gc")
        self.threshold0 = threshold0
        self.depth = 0
        self.saved = None

    def enter(self):
        self.depth += 1
        if self.depth == 1:
            thresholds = self.gc.get_threshold()
            if thresholds[0] and (self.threshold0 == 0 or self.threshold0 > thresholds[0]):
                self.saved = thresholds
                self.gc.set_threshold(self.threshold0, thresholds[1], thresholds[2])

    def exit(self):
        self.depth -= 1
        if self.depth == 0 and self.saved is not None:
            saved, self.saved = self.saved, None
            if self.gc.get_threshold() == (self.threshold0, saved[1], saved[2]):
                self.gc.set_threshold(*saved)


def builtin_module(name):
    """A built-in module, loaded privately if the app has not imported it (sys.modules order unchanged)."""
    module = sys.modules.get(name)
    if module is None:
        import _frozen_importlib as bs
        module = _imp.create_builtin(bs.ModuleSpec(name, None))
        _imp.exec_builtin(module)
    return module


class ArchiveLoader(_bx.SourceFileLoader):
    """A SourceFileLoader whose get_code comes from the archive; data, source and resources come from disk."""

    def __init__(self, fullname, path, archive=None, entry=None):
        super().__init__(fullname, path)
        self._archive = archive
        self._entry = entry

    gc_pause = None   # a GcPause when automatic GC is deferred during served imports

    def exec_module(self, module):
        pause = self.gc_pause
        if pause is not None:
            pause.enter()
        try:
            _bx._LoaderBasics.exec_module(self, module)
        finally:
            if pause is not None:
                pause.exit()
        if self.name == "re":
            after_re_loaded(module)

    def get_code(self, fullname):
        if fullname == self.name and self._entry is not None:
            try:
                code = self._archive.module_code(self._entry, fullname)
                if type(code) is not type(parse_header.__code__):
                    raise ArchiveError("module data is not a code object")
            except Exception as exc:
                warn("%s: %s; loading it from disk" % (fullname, exc))
                self._entry = None
            else:
                _imp._fix_co_filename(code, self.path)
                return code
        return super().get_code(fullname)


def after_re_loaded(module):
    """The served `re` has run: give it the archive's pattern cache (never fails the import)."""
    try:
        finder = active_finder()
        if finder is not None:
            install_pattern_cache(finder, module)
    except Exception as exc:
        warn("not using the recorded regex patterns: %r" % (exc,))


def importlib_frame(function):
    """Give a loader method importlib's file name, so the interpreter trims its frame from import
    tracebacks exactly as it trims importlib's own, and `warnings` skips it when counting stacklevel."""
    function.__code__ = function.__code__.replace(co_filename="<frozen importlib._bootstrap_external>")
    return function


importlib_frame(ArchiveLoader.exec_module)


# --- Optional lazy mode (off by default; $PYRITE_STARTUP_LAZY=1): run a served module's body only
# when one of its attributes is first used. This changes semantics (import-time side effects and
# errors are deferred or skipped), so it is never on unless asked for.

ModuleType = type(sys)
IMPORT_SYSTEM_ATTRIBUTES = frozenset(("__spec__", "__name__", "__loader__", "__package__", "__file__",
                                      "__cached__", "__path__", "__class__"))


class DeferredModule(ModuleType):
    """Lazy mode: a module whose body has not run yet; any attribute use (but the import system's) runs it."""

    def __getattribute__(self, attr):
        if attr in IMPORT_SYSTEM_ATTRIBUTES:
            return ModuleType.__getattribute__(self, attr)
        materialize(self)
        return getattr(self, attr)

    def __delattr__(self, attr):
        materialize(self)
        delattr(self, attr)


def materialize(module):
    """Run a deferred module's body now (its parent packages' first, as eager import would);
    on failure drop it from sys.modules, as a failed import would."""
    if type(module) is not DeferredModule:
        return
    spec = module.__spec__
    parent = sys.modules.get(spec.name.rpartition(".")[0])
    if parent is not None:
        materialize(parent)
        if type(module) is not DeferredModule:
            return
    module.__class__ = ModuleType
    try:
        ArchiveLoader.exec_module(spec.loader, module)
    except BaseException:
        if sys.modules.get(spec.name) is module:
            del sys.modules[spec.name]
        raise


class LazyArchiveLoader(ArchiveLoader):
    """Lazy mode: executing the module only marks it deferred; its body runs on first attribute use."""

    def exec_module(self, module):
        module.__class__ = DeferredModule


def lazy_selection(value):
    """$PYRITE_STARTUP_LAZY: unset/empty -> None (off); "1" or "*" -> True (all); "a,b" -> those top-level packages."""
    value = value.strip()
    if not value or value == "0":
        return None
    if value in ("1", "*"):
        return True
    return frozenset(part.strip() for part in value.split(",") if part.strip())


def normalize_entry(entry, cwd=None):
    """The directory a sys.path entry stands for, spelled as the path finder spells it (None: skip it)."""
    if type(entry) is not str:
        return None
    if not entry or entry == ".":
        return cwd if cwd is not None else os.getcwd()
    if entry[0] != "/":
        entry = (cwd if cwd is not None else os.getcwd()) + "/" + entry
    return entry.rstrip("/") or "/"


def list_dir(path):
    """The names in a directory; None when it is missing; False when it is not a listable directory."""
    try:
        return frozenset(os.listdir(path))
    except FileNotFoundError:
        return None
    except OSError:
        return False


def mtime_of(path):
    """st_mtime_ns of a path, or -1 when it does not exist."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def may_hold(listing, tail):
    """Whether a freshly listed directory might provide module `tail` (directories count, conservatively)."""
    if listing is None:
        return False
    if listing is False or tail in listing:
        return True
    for suffix in MODULE_SUFFIXES:
        if tail + suffix in listing:
            return True
    return False


def shadows_in_own_dir(listing, tail):
    """Whether something in a module's own directory would now win over `tail.py` (a package or an extension)."""
    if listing is None or listing is False:
        return True
    if tail in listing:
        return True
    for suffix in EXTENSION_SUFFIXES:
        if tail + suffix in listing:
            return True
    return False


class DirState:
    """Per-process memo of what each directory on a search path holds: one stat, and a listing only if it changed."""

    def __init__(self, recorded, check):
        self.recorded = recorded
        self.trust = check == "none"
        self.memo = {}

    def clear(self):
        self.memo.clear()

    def lookup(self, path):
        """(unchanged, names): names are recorded module names if unchanged, else the raw listing."""
        state = self.memo.get(path)
        if state is None:
            state = self._compute(path)
            self.memo[path] = state
        return state

    def _compute(self, path):
        rec = self.recorded.get(path)
        if rec is not None and (self.trust or (rec[0] != -2 and mtime_of(path) == rec[0])):
            return (True, rec[1])
        return (False, list_dir(path))


class ArchiveFinder:
    """Meta-path finder: a dict lookup per import, then checks that the recorded file is still what import would find."""

    def __init__(self, archive, check=None):
        self.archive = archive
        self.modules = archive.modules
        self.check = check if check in CHECK_MODES else archive.check
        self.dirs = DirState(archive.dirs, self.check)
        self.served = 0
        self.fallbacks = 0
        self.lazy = lazy_selection(os.environ.get(ENV_LAZY, ""))

    def invalidate_caches(self):
        self.dirs.clear()

    def find_spec(self, fullname, path=None, target=None):
        rec = self.modules.get(fullname)
        if rec is None:
            return None
        try:
            reason = self._reject_reason(fullname, rec, path)
            if reason is None:
                spec = self._make_spec(fullname, rec)
                self.served += 1
                return spec
        except Exception as exc:
            reason = "error %r" % (exc,)
        self.fallbacks += 1
        warn("%s: %s; using the normal import system" % (fullname, reason))
        return None

    def _make_spec(self, fullname, rec):
        origin = rec[3]
        lazy = self.lazy is not None and (self.lazy is True or fullname.partition(".")[0] in self.lazy)
        loader = (LazyArchiveLoader if lazy else ArchiveLoader)(fullname, origin, self.archive, rec[:3] + rec[10:11])
        search = list(rec[4]) if rec[4] is not None else None
        spec = _bx.spec_from_file_location(fullname, origin, loader=loader, submodule_search_locations=search)
        if self.archive.cached_paths:
            spec._cached = rec[9]  # else ModuleSpec.cached computes the same path from origin
        return spec

    def _reject_reason(self, fullname, rec, path):
        """None if the recorded file is what the import system would load now, else why not."""
        tail = fullname.rpartition(".")[2]
        if not self._resolves_here(tail, rec[5], rec[4] is not None, path):
            return "search path resolves differently than when recorded"
        if self.check == "none":
            return None
        return self._source_changed(rec)

    def _resolves_here(self, tail, entry, is_package, path):
        """Walk the search path as the path finder would: nothing before `entry` may provide `tail`."""
        cwd = None
        for item in (sys.path if path is None else path):
            if type(item) is str and (not item or item[0] != "/") and cwd is None:
                cwd = os.getcwd()
            folder = normalize_entry(item, cwd)
            if folder is None:
                if type(item) is bytes:
                    return False
                continue
            unchanged, names = self.dirs.lookup(folder)
            if folder == entry:
                return unchanged or is_package or not shadows_in_own_dir(names, tail)
            if (tail in names) if unchanged else may_hold(names, tail):
                return False
        return False

    def _source_changed(self, rec):
        try:
            st = os.stat(rec[3])
        except OSError:
            return "source file is gone"
        if st.st_size != rec[6] or st.st_mtime_ns != rec[7]:
            return "source file changed since recording"
        if self.check == "hash":
            with open(rec[3], "rb") as f:
                if digest(f.read()) != rec[8]:
                    return "source content changed since recording"
        return None


def active_finder():
    """The installed ArchiveFinder, if any (matched by class name: the hook may be loaded twice)."""
    for finder in sys.meta_path:
        if type(finder).__name__ == "ArchiveFinder":
            return finder
    return None


def activate(path=None, check=None):
    """Open the archive named by `path` or $PYRITE_STARTUP_ARCHIVE and put its finder first on sys.meta_path.

    Like the PYTHON* variables, $PYRITE_STARTUP_ARCHIVE is ignored under `python -E` / `-I`.
    """
    if not path and sys.flags.ignore_environment:
        return None
    path = path or os.environ.get(ENV_ARCHIVE)
    if not path or active_finder() is not None:
        return None
    try:
        finder = ArchiveFinder(Archive(path), check or os.environ.get(ENV_CHECK))
    except Exception as exc:
        warn("ignoring archive %s: %s" % (path, exc))
        return None
    threshold0 = gc_threshold_during_imports(os.environ.get(ENV_GC, ""))
    ArchiveLoader.gc_pause = None if threshold0 is None else GcPause(threshold0)
    sys.meta_path.insert(0, finder)
    if "re" in sys.modules:
        install_pattern_cache(finder, sys.modules["re"])
    if os.environ.get(ENV_STATS):
        import atexit
        atexit.register(write_stats, os.environ[ENV_STATS], finder)
    return finder


def write_stats(path, finder):
    """At exit (only when $PYRITE_STARTUP_STATS names a file): how many modules were served / fell back."""
    with open(path, "w") as f:
        f.write("%d %d %d\n" % (finder.served, finder.fallbacks, finder.archive.images_loaded))
