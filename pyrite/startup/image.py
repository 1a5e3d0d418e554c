"""Heap images of module code objects (builder side).

A module's image is its code object, with every constant, name tuple and nested code object, laid
out exactly as CPython 3.11 holds them in memory, plus fix-up lists (see image.c). At run time the
helper extension `_pyrite_image` turns an image into a live code object with one copy and a pass over
the fix-ups, instead of marshal.loads building each object one by one.

Every image is checked here, at build time, by materialising it and comparing the result with what
marshal.loads gives for the same module; a module whose image is not identical gets no image and is
served through marshal as before.
"""
import hashlib
import os
import struct
import subprocess
import sys
import sysconfig

from pyrite.startup import hook

SOURCE = os.path.join(os.path.dirname(__file__), "image.c")
MAGIC = 0x4D495950
REFCNT = 1 << 40   # never reaches zero: the image's memory is one block that is never freed
T_STR, T_BYTES, T_TUPLE, T_INT, T_FLOAT, T_COMPLEX, T_CODE = range(7)
CODE_TYPE = type(hook.digest.__code__)
# The object fields of a code object, in the order _pyrite_image.code_fields returns them.
CODE_FIELDS = ("co_consts", "co_names", "co_exceptiontable", "co_localsplusnames", "co_localspluskinds",
               "co_filename", "co_name", "co_qualname", "co_linetable")
SUPPORTED = (sys.version_info[:2] == (3, 11) and sys.implementation.name == "cpython" and sys.maxsize > 2 ** 32
             and sys.byteorder == "little")


class ImageError(Exception):
    """A code object holds something an image cannot represent (the module keeps marshal)."""


def helper_path():
    """Where the helper extension for this interpreter and helper source lives in pyrite's cache."""
    from pyrite.toolchain.cache import cache_dir
    with open(SOURCE, "rb") as f:
        source = f.read()
    key = hashlib.sha256(source + repr((sys.version, sys.executable, sysconfig.get_paths()["include"])).encode())
    folder = os.path.join(cache_dir(), "startup")
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, "_pyrite_image-%s%s" % (key.hexdigest()[:16], sysconfig.get_config_var("EXT_SUFFIX")))


def build_helper():
    """Compile the helper with zig cc for this interpreter (cached); return its path, or None if unsupported."""
    if not SUPPORTED:
        return None
    path = helper_path()
    if os.path.exists(path):
        return path
    zig = os.environ.get("PYRITE_ZIG")
    if not zig:
        try:
            from pyrite.toolchain.zig import zig_exe
            zig = zig_exe()
        except ImportError:
            return None
    include = sysconfig.get_paths()["include"]
    if not os.path.exists(os.path.join(include, "Python.h")):
        return None
    tmp = "%s.tmp%d" % (path, os.getpid())
    cmd = [zig, "cc", "-shared", "-fPIC", "-O2", "-s", "-mcpu=baseline", "-I", include, "-o", tmp, SOURCE]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode != 0 or not os.path.exists(tmp):
        sys.stderr.write("pyrite startup: could not build the image helper; modules load through marshal\n")
        if os.environ.get("PYRITE_IMAGE_DEBUG"):
            sys.stderr.write(p.stdout.decode(errors="replace"))
        return None
    os.replace(tmp, path)
    return path


def load_helper(path):
    return hook.load_extension("_pyrite_image", path)


FOOTER = struct.Struct("<IIQIIIIIII4x")        # magic, version, region size, 6 list lengths, root
STRINGS_FOOTER = struct.Struct("<IIQI4x")      # magic, version, region size, number of strings
STRINGS_MAGIC = 0x54535950


class Region:
    """One block of laid-out objects and its fix-up lists."""

    def __init__(self, gc_head):
        self.gc_head = gc_head
        self.buf = bytearray()
        self.ptr, self.types, self.single, self.globals, self.intern, self.frozen = [], [], [], [], [], []

    def alloc(self, size, gc=False):
        start = len(self.buf) + (self.gc_head if gc else 0)
        size = (size + 7) & ~7
        self.buf.extend(bytes(start - len(self.buf) + size))
        return start

    def put(self, offset, fmt, *values):
        struct.pack_into(fmt, self.buf, offset, *values)

    def head(self, offset, type_index):
        self.put(offset, "<qQ", REFCNT, type_index)
        self.types.append(offset + 8)


class Writer:
    """Lays out module object graphs; objects shared in a module's marshal data stay shared.

    Interned strings (names, identifier-like constants) go to one archive-wide string table instead of
    each module's image, so each is interned once per process however many modules use it.
    """

    def __init__(self, helper):
        self.helper = helper
        self.L = helper.layout()
        # sys.getsizeof counts the GC header in front of a tuple; __sizeof__ does not.
        self.L["gc_head"] = sys.getsizeof(()) - ().__sizeof__()
        if self.L["digit_bits"] != 30 or self.L["object_head"] != 16 or hasattr(sys, "gettotalrefcount"):
            raise ImageError("unsupported object layout")
        fixed = self.L["n_fixed"]
        self.small_min, self.small_max = self.L["small_int_min"], self.L["small_int_max"]
        self.int_base = fixed - self.small_min
        self.chr_base = fixed + self.small_max - self.small_min + 1
        self.strings = {}   # interned string -> index in the archive's string table

    def singleton(self, obj):
        """The helper's singleton index for obj (marshal yields the interpreter's own object), or None."""
        t = type(obj)
        if obj is None:
            return 0
        if t is bool:
            return 1 if obj else 2
        if obj is Ellipsis:
            return 3
        if obj is StopIteration:
            return 7
        if t is tuple and not obj:
            return 4
        if t is str and len(obj) <= 1:
            return 5 if not obj else (self.chr_base + ord(obj) if ord(obj) < 256 else None)
        if t is bytes and not obj:
            return 6
        if t is int and self.small_min <= obj <= self.small_max:
            return self.int_base + obj
        return None

    def image(self, code, set_orders=None):
        """The image of one module's code object (raises ImageError if it cannot have one).

        set_orders maps id(frozenset) to its elements in marshal's stored order (frozenset_orders).
        """
        self.set_orders = set_orders or {}
        self.r = Region(self.L["gc_head"])
        self.placed = {}
        self.keep = []
        self.intern_order = {}
        root = self.place(code)
        r = self.r
        if len(r.buf) >= 1 << 32:
            raise ImageError("module too large for an image")
        # Slots naming the same string (or frozenset) are adjacent: the helper handles each object once.
        intern = [slot for _, slot in sorted(r.intern)]
        frozen = [slot for _, slot in sorted(r.frozen)]
        lists = (r.ptr, r.types, r.single, r.globals, intern, frozen)
        foot = FOOTER.pack(MAGIC, self.L["version"], len(r.buf), *map(len, lists), root)
        return b"".join([bytes(r.buf)] + [struct.pack("<%dI" % len(l), *l) for l in lists] + [foot])

    def strings_image(self):
        """The archive's string table: every interned string the module images name, laid out."""
        self.r = r = Region(self.L["gc_head"])
        offsets = [self.place_str(s) for s in self.strings]
        if not r.buf:
            r.alloc(8)
        foot = STRINGS_FOOTER.pack(STRINGS_MAGIC, self.L["version"], len(r.buf), len(offsets))
        return bytes(r.buf) + struct.pack("<%dI" % len(offsets), *offsets) + foot

    def ref(self, slot, obj):
        r = self.r
        index = self.singleton(obj)
        t = type(obj)
        if index is not None:
            r.put(slot, "<Q", index)
            r.single.append(slot)
            if t is str and self.helper.is_interned(obj):
                r.intern.append((self.intern_order.setdefault(id(obj), len(self.intern_order)), slot))
        elif t is str and self.helper.is_interned(obj):
            index = self.strings.setdefault(obj, len(self.strings))
            r.put(slot, "<Q", index)
            r.globals.append(slot)
        elif t is frozenset:
            key = id(obj)
            if key not in self.placed:
                self.keep.append(obj)
                if len(obj) > 1 and key not in self.set_orders:
                    raise ImageError("frozenset element order unknown")
                self.placed[key] = self.place_tuple(self.set_orders.get(key, tuple(obj)))
            r.put(slot, "<Q", self.placed[key])
            r.ptr.append(slot)
            r.frozen.append((self.placed[key], slot))
        else:
            key = id(obj)
            if key not in self.placed:
                self.placed[key] = self.place(obj)
            r.put(slot, "<Q", self.placed[key])
            r.ptr.append(slot)

    def place(self, obj):
        t = type(obj)
        r = self.r
        if t is str:
            return self.place_str(obj)
        if t is bytes:
            return self.place_bytes(obj)
        if t is tuple:
            return self.place_tuple(obj)
        if t is int:
            return self.place_int(obj)
        if t is float:
            off = r.alloc(self.L["float_size"])
            r.head(off, T_FLOAT)
            r.put(off + 16, "<d", obj)
            return off
        if t is complex:
            off = r.alloc(self.L["complex_size"])
            r.head(off, T_COMPLEX)
            r.put(off + 16, "<dd", obj.real, obj.imag)
            return off
        if t is CODE_TYPE:
            return self.place_code(obj)
        raise ImageError("constant of type %s" % t.__name__)

    def place_str(self, s):
        r = self.r
        top = max(map(ord, s))
        if top < 128:
            kind, ascii, size = 1, 1, self.L["ascii"]
            data = s.encode("ascii")
        else:
            kind = 1 if top < 256 else 2 if top < 65536 else 4
            ascii, size = 0, self.L["compact"]
            data = s.encode({1: "latin-1", 2: "utf-16-le", 4: "utf-32-le"}[kind], "surrogatepass")
        off = r.alloc(size + len(data) + kind)
        r.head(off, T_STR)
        # length, hash (not computed), state {interned:2=0, kind:3, compact:1, ascii:1, ready:1}
        r.put(off + 16, "<qqI", len(s), -1, (kind << 2) | (1 << 5) | (ascii << 6) | (1 << 7))
        r.buf[off + size:off + size + len(data)] = data
        return off

    def place_bytes(self, b):
        r = self.r
        sval = self.L["bytes_sval"]
        off = r.alloc(sval + len(b) + 1)
        r.head(off, T_BYTES)
        r.put(off + 16, "<qq", len(b), -1)
        r.buf[off + sval:off + sval + len(b)] = b
        return off

    def place_tuple(self, items):
        r = self.r
        first = self.L["tuple_items"]
        off = r.alloc(first + 8 * len(items), gc=True)
        r.head(off, T_TUPLE)
        r.put(off + 16, "<q", len(items))
        self.keep.append(items)
        for i, item in enumerate(items):
            self.ref(off + first + 8 * i, item)
        return off

    def place_int(self, n):
        r = self.r
        digits = []
        rest = abs(n)
        while rest:
            digits.append(rest & ((1 << 30) - 1))
            rest >>= 30
        first = self.L["long_digits"]
        off = r.alloc(first + 4 * max(len(digits), 1))
        r.head(off, T_INT)
        r.put(off + 16, "<q", len(digits) if n > 0 else -len(digits))
        r.put(off + first, "<%dI" % len(digits), *digits)
        return off

    def place_code(self, co):
        r = self.r
        L = self.L
        size = int.from_bytes(self.helper.raw(co, 24)[16:24], "little")
        total = (L["code_basic"] + L["code_item"] * size + 7) & ~7
        raw = self.helper.raw(co, total)
        off = r.alloc(total)
        r.buf[off:off + total] = raw
        r.head(off, T_CODE)
        for field in ("co_weakreflist", "_co_code", "_co_linearray", "co_extra"):
            r.put(off + L[field], "<Q", 0)
        for field, value in zip(CODE_FIELDS, self.helper.code_fields(co)):
            self.ref(off + L[field], value)
        return off


def same_code(a, b):
    """Whether two code objects are the same in everything marshal round-trips (recursively)."""
    if a != b or type(a) is not type(b):
        return False
    for attr in ("co_filename", "co_qualname", "co_varnames", "co_cellvars", "co_freevars", "co_nlocals",
                 "co_stacksize", "co_linetable", "co_exceptiontable", "co_code"):
        if getattr(a, attr) != getattr(b, attr):
            return False
    if list(a.co_positions()) != list(b.co_positions()):
        return False
    return same_consts(a.co_consts, b.co_consts)


def same_consts(xs, ys):
    if len(xs) != len(ys):
        return False
    for x, y in zip(xs, ys):
        if type(x) is not type(y):
            return False
        if type(x) is CODE_TYPE:
            if not same_code(x, y):
                return False
        elif type(x) in (tuple, frozenset):
            if type(x) is tuple and not same_consts(x, y):
                return False
            if type(x) is frozenset and (x != y or list(x) != list(y)):
                return False
        elif type(x) in (float, complex):
            if repr(x) != repr(y) or struct.pack("<d", getattr(x, "real", x)) != struct.pack("<d", getattr(y, "real", y)):
                return False
        elif x != y:
            return False
    return True


class StoredOrder:
    """Reads marshal data (format 4, CPython 3.11) only to learn each frozenset's element order.

    marshal.loads builds a frozenset by adding its elements in their stored order, and with
    colliding hashes the resulting iteration order depends on that insertion order; an image
    rebuilds each frozenset from its elements in the same stored order so iteration agrees.
    Returns, in stream order of first appearance, the element list of each frozenset read.
    """

    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.refs = []
        self.sets = []

    def byte(self):
        b = self.data[self.pos]
        self.pos += 1
        return b

    def i32(self):
        v = int.from_bytes(self.data[self.pos:self.pos + 4], "little", signed=True)
        self.pos += 4
        return v

    def take(self, n):
        b = self.data[self.pos:self.pos + n]
        if len(b) != n:
            raise ImageError("truncated marshal data")
        self.pos += n
        return b

    def read(self):
        code = self.byte()
        flag, t = code & 0x80, chr(code & 0x7F)
        slot = None
        if flag:
            slot = len(self.refs)
            self.refs.append(None)
        value = self.value(t)
        if slot is not None:
            self.refs[slot] = value
        return value

    def value(self, t):
        if t in "NTFS.0":
            return {"N": None, "T": True, "F": False, "S": StopIteration, ".": Ellipsis, "0": None}[t]
        if t == "i":
            return self.i32()
        if t == "l":
            n = self.i32()
            digits = [int.from_bytes(self.take(2), "little") for _ in range(abs(n))]
            v = sum(d << (15 * i) for i, d in enumerate(digits))
            return -v if n < 0 else v
        if t == "g":
            return struct.unpack("<d", self.take(8))[0]
        if t == "y":
            re_, im = struct.unpack("<dd", self.take(16))
            return complex(re_, im)
        if t == "s":
            return bytes(self.take(self.i32()))
        if t in "tua":
            raw = bytes(self.take(self.i32()))
            return raw.decode("utf-8", "surrogatepass") if t in "tu" else raw.decode("latin-1")
        if t in "zZ":
            return bytes(self.take(self.byte())).decode("latin-1")
        if t == "A":
            return bytes(self.take(self.i32())).decode("latin-1")
        if t == ")":
            return tuple(self.read() for _ in range(self.byte()))
        if t in "([<>":
            items = [self.read() for _ in range(self.i32())]
            if t == ">":
                self.sets.append(items)
                return frozenset(items)
            return tuple(items)
        if t == "{":
            while True:
                key = self.read_or_null()
                if key is NULL:
                    return None
                self.read()
        if t == "r":
            n = self.i32()
            if not 0 <= n < len(self.refs):
                raise ImageError("bad marshal reference")
            return self.refs[n]
        if t == "c":
            for _ in range(5):
                self.i32()
            fields = [self.read() for _ in range(8)]   # code consts names localsplus(names, kinds) filename name qualname
            self.i32()
            self.read()
            self.read()
            return fields
        raise ImageError("unknown marshal type %r" % t)

    def read_or_null(self):
        if chr(self.data[self.pos] & 0x7F) == "0":
            self.pos += 1
            return NULL
        return self.read()


NULL = object()


def frozenset_orders(data, code):
    """{id(frozenset in code's graph): its elements in stored order} for the code marshal.loads built.

    The live graph is walked in the order marshal reads it, so the n-th frozenset met here is the
    n-th one in the stream.
    """
    reader = StoredOrder(data)
    reader.read()
    found = []
    seen = set()

    def walk(obj):
        # constants only: frozensets live in co_consts (possibly inside tuples or nested code)
        if id(obj) in seen:
            return
        seen.add(id(obj))
        t = type(obj)
        if t is CODE_TYPE:
            walk(obj.co_consts)
        elif t is tuple:
            for item in obj:
                walk(item)
        elif t is frozenset:
            found.append(obj)

    walk(code)
    if len(found) != len(reader.sets):
        raise ImageError("frozenset order not recoverable")
    orders = {}
    for live, stored in zip(found, reader.sets):
        by_key = {(type(x), x): x for x in live}
        try:
            ordered = tuple(by_key[(type(x), x)] for x in stored)
        except (KeyError, TypeError):
            raise ImageError("frozenset elements do not match") from None
        if len(ordered) != len(live) or frozenset(ordered) != live:
            raise ImageError("frozenset elements do not match")
        orders[id(live)] = ordered
    return orders


def module_image(writer, data):
    """The image of one module's marshal data, or None if it cannot have one.

    Images are checked against marshal once the archive is complete (see verify_archive)."""
    import marshal
    try:
        code = marshal.loads(data)
        return writer.image(code, frozenset_orders(data, code))
    except (ImageError, ValueError, OverflowError, struct.error) as exc:
        if os.environ.get("PYRITE_IMAGE_DEBUG"):
            sys.stderr.write("no image: %r\n" % (exc,))
        return None


def verify_archive(path):
    """Names of modules whose heap image, loaded the way the runtime loads it, differs from marshal.

    Runs in a fresh process (main_verify) so every image and the string table are read from the
    finished file exactly as at start-up.
    """
    archive = hook.Archive(path)
    if archive.images() is None:
        return [name for name, rec in archive.modules.items() if rec[10] is not None]
    bad = []
    for name, rec in archive.modules.items():
        if rec[10] is None:
            continue
        try:
            got = archive.helper_code(rec[10])
        except Exception as exc:
            if os.environ.get("PYRITE_IMAGE_DEBUG"):
                sys.stderr.write("%s: %r\n" % (name, exc))
            bad.append(name)
            continue
        if not same_code(got, archive.code(rec[0], rec[1], rec[2])):
            bad.append(name)
    return bad


def main_verify(path):
    for name in verify_archive(path):
        print(name)
    return 0
