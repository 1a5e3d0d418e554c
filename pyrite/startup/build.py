"""Archive builder: turns a recording into a .pyra archive (code objects + compact index), written atomically.

Runs in its own process under the same interpreter and -O level as the recorded app (see
launch.builder_command), so the bytecode and magic number match the interpreter that will read it.
"""
import marshal
import os
import sys
import tempfile
import zipfile
import _imp
import importlib.util

from pyrite.startup import hook

UNSTABLE_MTIME = -2


def module_names_in(listing, folder):
    """Names a directory provides to the path finder: modules by stem, and packages (folders with __init__)."""
    names = set()
    for entry in listing:
        for suffix in hook.MODULE_SUFFIXES:
            if entry.endswith(suffix) and len(entry) > len(suffix):
                names.add(entry[:-len(suffix)])
                break
        else:
            if "." not in entry and is_regular_package(folder + "/" + entry):
                names.add(entry)
    return frozenset(names)


def is_regular_package(folder):
    """Whether a directory has an __init__ module (a namespace portion does not shadow anything)."""
    for suffix in hook.MODULE_SUFFIXES:
        if os.path.isfile(folder + "/__init__" + suffix):
            return True
    return False


def zip_names(path):
    """Top-level module names inside a zip file on sys.path (for zipimport entries)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return frozenset(n.split("/")[0].partition(".")[0] for n in zf.namelist())
    except (OSError, zipfile.BadZipFile):
        return None


def snapshot_dir(folder):
    """(mtime_ns, names) for a search-path directory; mtime UNSTABLE_MTIME if it changed while listed."""
    before = hook.mtime_of(folder)
    if before == -1:
        return (-1, frozenset())
    if os.path.isdir(folder):
        names = module_names_in(os.listdir(folder), folder)
    else:
        names = zip_names(folder)
        if names is None:
            return (UNSTABLE_MTIME, frozenset())
    after = hook.mtime_of(folder)
    return (before if before == after else UNSTABLE_MTIME, names)


class DirTable:
    """Snapshots of every directory the recorded search paths mention, taken once each."""

    def __init__(self):
        self.table = {}

    def get(self, folder):
        if folder not in self.table:
            self.table[folder] = snapshot_dir(folder)
        return self.table[folder]


def entry_for(name, origin, is_package, paths):
    """The search-path directory the path finder found `origin` in, or None."""
    tail = name.rpartition(".")[2]
    expected = ("/" + tail + "/__init__.py") if is_package else ("/" + tail + ".py")
    for folder in paths:
        if folder is not None and origin == folder + expected:
            return folder
    return None


def still_resolves(tail, entry, is_package, paths, dirs):
    """Re-check against today's directories that nothing ahead of `entry` provides `tail`."""
    for folder in paths:
        if folder is None:
            continue
        mtime, names = dirs.get(folder)
        if folder == entry:
            return is_package or not shadowed_in_own_dir(folder, tail)
        if tail in names:
            return False
    return False


def shadowed_in_own_dir(folder, tail):
    """Whether a package or an extension module named `tail` in `folder` now wins over `tail.py`."""
    if is_regular_package(folder + "/" + tail):
        return True
    return any(os.path.exists(folder + "/" + tail + s) for s in hook.EXTENSION_SUFFIXES)


def read_stable(path):
    """(stat, bytes) of a source file, or None if it changed while being read."""
    st = os.stat(path)
    with open(path, "rb") as f:
        data = f.read()
    st2 = os.stat(path)
    if (st.st_size, st.st_mtime_ns) != (st2.st_size, st2.st_mtime_ns) or len(data) != st.st_size:
        return None
    return st, data


def cached_code(origin, st, source, optimize):
    """The marshalled code from a valid .pyc next to the source, or None."""
    level = "" if optimize == 0 else optimize
    try:
        with open(importlib.util.cache_from_source(origin, optimization=level), "rb") as f:
            pyc = f.read()
    except (OSError, ValueError, NotImplementedError):
        return None
    if len(pyc) < 16 or pyc[:4] != importlib.util.MAGIC_NUMBER:
        return None
    flags = int.from_bytes(pyc[4:8], "little")
    if flags & 1:
        if pyc[8:16] != _imp.source_hash(importlib.util._RAW_MAGIC_NUMBER, source):
            return None
    elif flags != 0 or int.from_bytes(pyc[8:12], "little") != (int(st.st_mtime) & 0xFFFFFFFF) \
            or int.from_bytes(pyc[12:16], "little") != (st.st_size & 0xFFFFFFFF):
        return None
    return pyc[16:]


def code_bytes(origin, st, source, optimize):
    """Marshalled code for a module: from its .pyc when valid, else freshly compiled."""
    data = cached_code(origin, st, source, optimize)
    if data is not None:
        try:
            if type(marshal.loads(data)) is type(code_bytes.__code__):
                return data
        except (EOFError, ValueError, TypeError):
            pass
    code = compile(source, origin, "exec", dont_inherit=True, optimize=optimize)
    return marshal.dumps(code)


def excluded_names():
    """Modules the archive must never serve: builtins and frozen modules come first in stock import."""
    return set(sys.builtin_module_names) | set(_imp._frozen_module_names())


def collect(recording):
    """Module entries (name, origin, search, entry, paths) in first-import order, deduplicated."""
    excluded = excluded_names()
    seen = set()
    out = []
    for name, paths_id, origin, search in recording["records"]:
        if name in seen or name in excluded:
            continue
        paths = recording["paths"][paths_id]
        entry = entry_for(name, origin, search is not None, paths)
        if entry is None:
            continue
        seen.add(name)
        out.append((name, origin, search, entry, paths))
    return out


class ArchiveWriter:
    """Accumulates module code blobs in import order, then writes header + blobs + index atomically."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        folder = os.path.dirname(self.path)
        fd, self.tmp = tempfile.mkstemp(prefix=".pyra-", suffix=".tmp", dir=folder)
        self.file = os.fdopen(fd, "wb")
        self.file.write(b"\0" * hook.HEADER_SIZE)
        self.modules = {}
        self.index_offset = None

    def add(self, name, record_tail, blob, image_ref=None):
        offset = self.file.tell()
        self.file.write(blob)
        self.modules[name] = (offset, len(blob), hook.digest(blob)) + record_tail + (image_ref,)

    def add_image(self, image, checksum):
        """Store a module's heap image, 8-byte aligned; return its (offset, length, checksum)."""
        pad = -self.file.tell() % 8
        self.file.write(b"\0" * pad)
        offset = self.file.tell()
        self.file.write(image)
        return (offset, len(image), checksum)

    def add_blob(self, blob):
        """Store a blob that is not a module; return its (offset, length, digest) for the index."""
        offset = self.file.tell()
        self.file.write(blob)
        return (offset, len(blob), hook.digest(blob))

    def write_index(self, dirs, check, regex=None, images=None):
        """Write the index and header (again, replacing an earlier index); the file stays temporary."""
        if self.index_offset is None:
            self.index_offset = self.file.tell()
        image_helper, image_strings = images or (None, None)
        index = marshal.dumps({"interpreter": hook.interpreter_tag(), "check": check,
                               "modules": self.modules, "dirs": dirs,
                               "pycache_prefix": sys.pycache_prefix, "regex": regex,
                               "image_helper": image_helper, "image_strings": image_strings})
        self.file.seek(self.index_offset)
        self.file.truncate()
        self.file.write(index)
        size = self.file.tell()
        self.file.seek(0)
        self.file.write(header_bytes(self.index_offset, len(index), hook.digest(index), size))
        self.file.flush()

    def commit(self):
        """Make the archive visible under its name, atomically."""
        os.fsync(self.file.fileno())
        self.file.close()
        os.chmod(self.tmp, 0o644)
        os.replace(self.tmp, self.path)

    def abandon(self):
        self.file.close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def header_bytes(index_offset, index_length, index_digest, size):
    """The fixed 64-byte header."""
    head = (hook.HEADER_MAGIC + hook.FORMAT_VERSION.to_bytes(4, "little") + importlib.util.MAGIC_NUMBER
            + index_offset.to_bytes(8, "little") + index_length.to_bytes(8, "little")
            + index_digest + size.to_bytes(8, "little"))
    return head + b"\0" * (hook.HEADER_SIZE - len(head))


def image_writer(images):
    """(helper record for the index, image Writer), or (None, None) when images are off or unavailable."""
    if not images:
        return None, None
    from pyrite.startup import image
    try:
        path = image.build_helper()
        if path is None:
            return None, None
        helper = image.load_helper(path)
        with open(path, "rb") as f:
            data = f.read()
        return (path, data), image.Writer(helper)
    except Exception as exc:
        sys.stderr.write("pyrite startup: no heap images (%s); modules load through marshal\n" % (exc,))
        return None, None


def verify_images(path, modules):
    """Modules of the (temporary) archive whose heap image does not equal marshal's code object.

    A fresh process loads every image exactly as start-up does; if that process fails, no image is trusted.
    """
    import subprocess
    code = ("import sys; sys.path.insert(0, %r); from pyrite.startup.image import main_verify; "
            "sys.exit(main_verify(sys.argv[1]))" % os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    flags = ["-" + "O" * sys.flags.optimize] if sys.flags.optimize else []
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYRITE_STARTUP")}
    p = subprocess.run([sys.executable] + flags + ["-c", code, path], capture_output=True, text=True, env=env)
    with_images = [name for name, rec in modules.items() if rec[10] is not None]
    if p.returncode != 0:
        sys.stderr.write("pyrite startup: checking heap images failed; modules load through marshal\n")
        if os.environ.get("PYRITE_IMAGE_DEBUG"):
            sys.stderr.write(p.stderr)
        return with_images
    if os.environ.get("PYRITE_IMAGE_DEBUG"):
        sys.stderr.write(p.stderr)
    bad = set(p.stdout.split())
    return [name for name in with_images if name in bad]


def build(recording, out_path, check="stat", images=True):
    """Write the archive for a recording; return (number of modules stored, number skipped)."""
    if recording["version"] != sys.version or recording["optimize"] != sys.flags.optimize:
        raise SystemExit("pyrite startup: the builder must run under the recorded interpreter and -O level")
    dirs = DirTable()
    writer = ArchiveWriter(out_path)
    skipped = 0
    helper, images = image_writer(images)
    try:
        for name, origin, search, entry, paths in collect(recording):
            if not add_module(writer, dirs, name, origin, search, entry, paths, images):
                skipped += 1
        regex = None
        table = regex_tables(recording.get("regex", ()))
        if table is not None and all(name in writer.modules for name in hook.REGEX_MODULES):
            regex = writer.add_blob(marshal.dumps(table))
        if helper is not None:
            strings = images.strings_image()
            images_ref = ((helper[0],) + writer.add_blob(helper[1]),
                          writer.add_image(strings, images.helper.checksum(strings)))
            writer.write_index(dirs.table, check, regex, images_ref)
            bad = verify_images(writer.tmp, writer.modules)
            for name in bad:
                writer.modules[name] = writer.modules[name][:10] + (None,)
            if bad:
                writer.write_index(dirs.table, check, regex, images_ref)
        else:
            writer.write_index(dirs.table, check, regex)
        writer.commit()
    except BaseException:
        writer.abandon()
        raise
    return len(writer.modules), skipped


def cached_path(origin):
    """What ModuleSpec.cached computes for a source file here (same -O level and pycache prefix), or None."""
    try:
        return importlib.util._bootstrap_external._get_cached(origin)
    except Exception:
        return None


def add_module(writer, dirs, name, origin, search, entry, paths, images=None):
    """Store one module if it still resolves to the recorded file; return whether it was stored."""
    tail = name.rpartition(".")[2]
    if not still_resolves(tail, entry, search is not None, paths, dirs):
        return False
    try:
        stable = read_stable(origin)
    except OSError:
        return False
    if stable is None:
        return False
    st, source = stable
    try:
        blob = code_bytes(origin, st, source, sys.flags.optimize)
    except (SyntaxError, ValueError):
        return False
    image_ref = None
    if images is not None:
        from pyrite.startup.image import module_image
        image = module_image(images, blob)
        if image is not None:
            image_ref = writer.add_image(image, images.helper.checksum(image))
    writer.add(name, (origin, search, entry, st.st_size, st.st_mtime_ns, hook.digest(source), cached_path(origin)),
               blob, image_ref)
    return True


# Flags whose patterns are not cached: DEBUG prints while compiling and is never cached by re;
# TEMPLATE warns on first use; LOCALE is left to re, to be safe.
UNCACHED_FLAGS = 128 | 1 | 4


def compiled_form(compiler, pattern, flags):
    """The arguments re._compiler.compile passes to _sre.compile for (pattern, flags), minus the pattern.

    None when the pattern fails, warns, or the rebuilt pattern would not equal the real one.
    """
    import warnings
    real = compiler._sre
    calls = []

    class Spy:
        def __getattr__(self, name):
            return getattr(real, name)

        def compile(self, *args):
            calls.append(args)
            return real.compile(*args)

    compiler._sre = Spy()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compiled = compiler.compile(pattern, flags)
    except Exception:
        return None
    finally:
        compiler._sre = real
    if caught or len(calls) != 1 or calls[0][0] is not pattern:
        return None
    args = calls[0][1:]
    rebuilt = real.compile(pattern, args[0], list(args[1]), args[2], dict(args[3]), args[4])
    if rebuilt != compiled or rebuilt.groupindex != compiled.groupindex or rebuilt.groups != compiled.groups:
        return None
    return (int(args[0]), [int(op) for op in args[1]], int(args[2]), dict(args[3]), tuple(args[4]))


def regex_tables(patterns):
    """{str: {(pattern, flags): compiled form}, bytes: {...}} for the recorded patterns, or None if none."""
    import re._compiler as compiler
    tables = {"str": {}, "bytes": {}}
    for pattern, flags in patterns:
        if type(pattern) not in (str, bytes) or type(flags) is not int or flags & UNCACHED_FLAGS:
            continue
        form = compiled_form(compiler, pattern, flags)
        if form is not None:
            tables[type(pattern).__name__][(pattern, flags)] = form
    return tables if tables["str"] or tables["bytes"] else None


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    record_path, out_path = argv[0], argv[1]
    check = argv[2] if len(argv) > 2 else "stat"
    images = not (len(argv) > 3 and argv[3] == "no-images")
    with open(record_path, "rb") as f:
        recording = marshal.load(f)
    stored, skipped = build(recording, out_path, check, images)
    print("pyrite startup: archived %d modules (%d skipped) into %s" % (stored, skipped, out_path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
