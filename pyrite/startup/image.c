/* pyrite start-up archive: materialise a module's code object from a pre-laid-out heap image.
 *
 * marshal.loads rebuilds every code object, string, tuple and number of a module one object at a time.
 * An image holds those objects already laid out as CPython 3.11 lays them out in memory, with pointers
 * stored as offsets into the image. Materialising one is a copy into fresh memory and a pass over a few
 * fix-up lists:
 *   ptr     slot holds an image offset       -> base + offset
 *   type    slot (ob_type) holds a type index -> that type object
 *   single  slot holds a singleton index      -> the interpreter's own singleton (None, small ints, (), ...)
 *   intern  slot points to a string          -> PyUnicode_InternInPlace, as marshal does for names
 *   frozen  slot points to a tuple of items  -> a frozenset of them (built through the C API)
 * The objects are given a very large reference count so they are never deallocated (their memory is one
 * block that is never freed), like CPython's own deep-frozen modules. Tuples carry an empty, untracked GC
 * header. Only CPython 3.11's layout is supported; pyrite's builder checks each image against
 * marshal.loads before storing it and the loader falls back to marshal whenever this module is missing.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/mman.h>

#if PY_VERSION_HEX < 0x030B0000 || PY_VERSION_HEX >= 0x030C0000
#error "pyrite start-up images support CPython 3.11 only"
#endif

#define IMAGE_MAGIC 0x4d495950u   /* "PYIM" */
#define IMAGE_VERSION 2u
/* An image is [region][fix-up lists][footer]; the footer is magic, version, region size, the list
   lengths in L_* order and the root code object's offset, padded to 8 bytes. */
enum { L_PTR, L_TYPE, L_SINGLE, L_GLOBAL, L_INTERN, L_FROZEN, N_LISTS };
#define FOOTER_SIZE 48

enum { T_STR, T_BYTES, T_TUPLE, T_INT, T_FLOAT, T_COMPLEX, T_CODE, N_TYPES };

#define N_FIXED 8              /* None True False Ellipsis () '' b'' StopIteration */
#define SMALL_INT_MIN (-5)
#define SMALL_INT_MAX 256
#define N_SMALL_INTS (SMALL_INT_MAX - SMALL_INT_MIN + 1)
#define N_SINGLETONS (N_FIXED + N_SMALL_INTS + 256)

static PyObject *singletons[N_SINGLETONS];
static PyTypeObject *types[N_TYPES];

static int
init_tables(void)
{
    types[T_STR] = &PyUnicode_Type;
    types[T_BYTES] = &PyBytes_Type;
    types[T_TUPLE] = &PyTuple_Type;
    types[T_INT] = &PyLong_Type;
    types[T_FLOAT] = &PyFloat_Type;
    types[T_COMPLEX] = &PyComplex_Type;
    types[T_CODE] = &PyCode_Type;
    singletons[0] = Py_None;
    singletons[1] = Py_True;
    singletons[2] = Py_False;
    singletons[3] = Py_Ellipsis;
    singletons[4] = PyTuple_New(0);
    singletons[5] = PyUnicode_New(0, 0);
    singletons[6] = PyBytes_FromStringAndSize(NULL, 0);
    singletons[7] = PyExc_StopIteration;
    for (int i = 0; i < N_SMALL_INTS; i++) {
        singletons[N_FIXED + i] = PyLong_FromLong(SMALL_INT_MIN + i);
    }
    for (int c = 0; c < 256; c++) {
        singletons[N_FIXED + N_SMALL_INTS + c] = PyUnicode_FromOrdinal(c);
    }
    for (int i = 0; i < N_SINGLETONS; i++) {
        if (singletons[i] == NULL) {
            return -1;
        }
        if (i < 4 || i == 7) {
            Py_INCREF(singletons[i]);   /* the table owns one reference to each entry */
        }
    }
    return 0;
}

static uint32_t
rd32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint64_t
rd64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* A fast 64-bit checksum of a whole image (four independent multiply-rotate lanes over 8-byte words),
   to detect a damaged archive without hashing tens of megabytes with SipHash at start-up. */
static uint64_t
checksum(const unsigned char *p, size_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t lane[4] = {k, k ^ 1, k ^ 2, k ^ 3};
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        for (int j = 0; j < 4; j++) {
            uint64_t x = (lane[j] ^ rd64(p + i + 8 * j)) * k;
            lane[j] = (x << 31) | (x >> 33);
        }
    }
    uint64_t h = n;
    for (; i < n; i++) {
        h = (h ^ p[i]) * k;
    }
    for (int j = 0; j < 4; j++) {
        h = (h ^ lane[j]) * k;
        h ^= h >> 29;
    }
    return h;
}

static PyObject *
py_checksum(PyObject *self, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    uint64_t h = checksum(view.buf, view.len);
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLongLong(h);
}

static PyObject *
corrupt(const char *what)
{
    PyErr_Format(PyExc_ValueError, "corrupt start-up image: %s", what);
    return NULL;
}

/* Image memory: bump allocation in large anonymous mappings that are never unmapped. Pages are
   populated ahead of use with MADV_POPULATE_WRITE in steps of POPULATE_STEP bytes, which on this kind
   of machine costs about a third less than taking one page fault per page. */
#define CHUNK_SIZE ((size_t)64 << 20)
#define POPULATE_STEP ((size_t)256 << 10)
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
static char *arena_cur, *arena_end, *arena_populated;

static char *
arena_reserve(size_t size)
{
    if (arena_cur == NULL || (size_t)(arena_end - arena_cur) < size) {
        size_t chunk = size > CHUNK_SIZE ? (size + 4095) & ~(size_t)4095 : CHUNK_SIZE;
        void *p = mmap(NULL, chunk, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) {
            return NULL;
        }
        arena_cur = arena_populated = p;
        arena_end = arena_cur + chunk;
    }
    if (arena_cur + size > arena_populated) {
        size_t want = (size_t)(arena_cur + size - arena_populated);
        want = want < POPULATE_STEP ? POPULATE_STEP : (want + 4095) & ~(size_t)4095;
        if (want > (size_t)(arena_end - arena_populated)) {
            want = (size_t)(arena_end - arena_populated);
        }
        (void)madvise(arena_populated, want, MADV_POPULATE_WRITE);   /* best effort: else pages fault in */
        arena_populated += want;
    }
    return arena_cur;
}

/* Read an image (offset, length) from the archive into reserved arena memory and check its checksum. */
static char *
read_image(int fd, uint64_t offset, uint64_t length, uint64_t expected, size_t footer)
{
    if (length < footer || length > ((uint64_t)1 << 40)) {
        corrupt("bad length");
        return NULL;
    }
    char *buf = arena_reserve(length);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    uint64_t done = 0;
    while (done < length) {
        ssize_t n = pread(fd, buf + done, length - done, (off_t)(offset + done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            corrupt("short read");
            return NULL;
        }
        done += (uint64_t)n;
    }
    if (checksum((unsigned char *)buf, length) != expected) {
        corrupt("checksum mismatch");
        return NULL;
    }
    return buf;
}

static int
read_args(PyObject *const *args, Py_ssize_t nargs, int *fd, uint64_t v[3])
{
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "expected (fd, offset, length, checksum)");
        return -1;
    }
    *fd = PyLong_AsLong(args[0]);
    for (int i = 0; i < 3; i++) {
        v[i] = PyLong_AsUnsignedLongLong(args[i + 1]);
    }
    return PyErr_Occurred() ? -1 : 0;
}

/* The archive's interned strings: one region read once; each string is interned the first time a
   module image names it, so each is looked up in the interpreter's interned table once per process. */
#define STRINGS_MAGIC 0x54535950u   /* "PYST" */
#define STRINGS_FOOTER 24
static PyObject **strings;
static unsigned char *strings_interned;
static uint32_t n_strings;

/* load_strings(fd, offset, length, checksum) */
static PyObject *
load_strings(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int fd;
    uint64_t v[3];
    if (read_args(args, nargs, &fd, v) < 0) {
        return NULL;
    }
    if (strings != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "strings already loaded");
        return NULL;
    }
    char *buf = read_image(fd, v[0], v[1], v[2], STRINGS_FOOTER);
    if (buf == NULL) {
        return NULL;
    }
    const unsigned char *foot = (unsigned char *)buf + v[1] - STRINGS_FOOTER;
    uint64_t region_size = rd64(foot + 8);
    uint32_t n = rd32(foot + 16);
    if (rd32(foot) != STRINGS_MAGIC || rd32(foot + 4) != IMAGE_VERSION || region_size % 8
        || region_size + 4 * (uint64_t)n + STRINGS_FOOTER > v[1] || region_size < 8) {
        return corrupt("bad strings footer");
    }
    PyObject **table = PyMem_RawMalloc(sizeof(PyObject *) * (n ? n : 1));
    unsigned char *flags = PyMem_RawCalloc(n ? n : 1, 1);
    if (table == NULL || flags == NULL) {
        PyMem_RawFree(table);
        PyMem_RawFree(flags);
        return PyErr_NoMemory();
    }
    const unsigned char *offs = (unsigned char *)buf + region_size;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t off = rd32(offs + 4 * i);
        if (off % 8 || off + sizeof(PyASCIIObject) > region_size) {
            PyMem_RawFree(table);
            PyMem_RawFree(flags);
            return corrupt("string offset out of range");
        }
        PyObject *o = (PyObject *)(buf + off);
        Py_SET_TYPE(o, &PyUnicode_Type);
        table[i] = o;
    }
    arena_cur = buf + region_size;
    strings = table;
    strings_interned = flags;
    n_strings = n;
    Py_RETURN_NONE;
}

/* materialize(fd, offset, length, checksum) -> code object */
static PyObject *
materialize(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int fd;
    uint64_t v[3];
    if (read_args(args, nargs, &fd, v) < 0) {
        return NULL;
    }
    char *base = read_image(fd, v[0], v[1], v[2], FOOTER_SIZE);
    if (base == NULL) {
        return NULL;
    }
    const uint64_t len = v[1];
    const unsigned char *foot = (unsigned char *)base + len - FOOTER_SIZE;
    if (rd32(foot) != IMAGE_MAGIC || rd32(foot + 4) != IMAGE_VERSION) {
        return corrupt("bad footer");
    }
    uint64_t region_size = rd64(foot + 8);
    uint32_t counts[N_LISTS];
    uint64_t total = region_size + FOOTER_SIZE;
    for (int i = 0; i < N_LISTS; i++) {
        counts[i] = rd32(foot + 16 + 4 * i);
        total += 4 * (uint64_t)counts[i];
    }
    uint64_t root = rd32(foot + 16 + 4 * N_LISTS);
    if (region_size % 8 || region_size < 8 || total != len || root + 8 > region_size) {
        return corrupt("sizes do not match");
    }
    const unsigned char *list = (unsigned char *)base + region_size;
    const uint64_t last_slot = region_size - 8;
    /* Bounds first, so a damaged image is rejected before anything points into it. */
    for (uint64_t i = 0, n = (total - region_size - FOOTER_SIZE) / 4; i < n; i++) {
        if (rd32(list + 4 * i) > last_slot) {
            return corrupt("fix-up out of range");
        }
    }
    for (uint32_t i = 0; i < counts[L_PTR]; i++, list += 4) {
        uint64_t slot = rd32(list), target;
        memcpy(&target, base + slot, 8);
        if (target > last_slot) {
            return corrupt("pointer out of range");
        }
        char *p = base + target;
        memcpy(base + slot, &p, 8);
    }
    for (uint32_t i = 0; i < counts[L_TYPE]; i++, list += 4) {
        uint64_t slot = rd32(list), index;
        memcpy(&index, base + slot, 8);
        if (index >= N_TYPES) {
            return corrupt("bad type index");
        }
        PyTypeObject *t = types[index];
        memcpy(base + slot, &t, 8);
    }
    for (uint32_t i = 0; i < counts[L_SINGLE]; i++, list += 4) {
        uint64_t slot = rd32(list), index;
        memcpy(&index, base + slot, 8);
        if (index >= N_SINGLETONS) {
            return corrupt("bad singleton index");
        }
        PyObject *o = singletons[index];
        Py_INCREF(o);   /* each slot owns a reference */
        memcpy(base + slot, &o, 8);
    }
    /* Nothing outside the image points into it yet: a check failing above leaves the arena as it was. */
    const unsigned char *globals = list;
    for (uint32_t i = 0; i < counts[L_GLOBAL]; i++) {
        uint64_t slot = rd32(globals + 4 * i), index;
        memcpy(&index, base + slot, 8);
        if (index >= n_strings) {
            return corrupt("bad string index");
        }
    }
    arena_cur = base + region_size;   /* from here on the image is in use; its lists may be overwritten later */
    for (uint32_t i = 0; i < counts[L_GLOBAL]; i++, list += 4) {
        uint64_t slot = rd32(list), index;
        memcpy(&index, base + slot, 8);
        if (!strings_interned[index]) {
            PyUnicode_InternInPlace(&strings[index]);
            strings_interned[index] = 1;
        }
        PyObject *o = strings[index];
        Py_INCREF(o);
        memcpy(base + slot, &o, 8);
    }
    /* intern: other slots naming strings marshal would intern (one-character strings); adjacent slots
       name the same string, so each is looked up once */
    PyObject *last_string = NULL, *last_interned = NULL;
    for (uint32_t i = 0; i < counts[L_INTERN]; i++, list += 4) {
        PyObject **p = (PyObject **)(base + rd32(list));
        if (*p == last_string) {
            Py_INCREF(last_interned);
            *p = last_interned;   /* the string this slot named is never freed: no decref needed */
            continue;
        }
        if (!PyUnicode_CheckExact(*p)) {
            return corrupt("intern slot is not a string");
        }
        last_string = *p;
        PyUnicode_InternInPlace(p);
        last_interned = *p;
    }
    /* frozen: a tuple of items becomes a frozenset; adjacent slots naming the same tuple share one set */
    PyObject *last_tuple = NULL, *last_set = NULL;
    for (uint32_t i = 0; i < counts[L_FROZEN]; i++, list += 4) {
        PyObject **p = (PyObject **)(base + rd32(list));
        if (*p != last_tuple) {
            if (!PyTuple_CheckExact(*p)) {
                return corrupt("frozenset slot is not a tuple");
            }
            PyObject *set = PyFrozenSet_New(*p);
            if (set == NULL) {
                return NULL;
            }
            last_tuple = *p;
            last_set = set;   /* owned by this slot */
        }
        else {
            Py_INCREF(last_set);
        }
        *p = last_set;
    }
    PyObject *code = (PyObject *)(base + root);
    if (!PyCode_Check(code)) {
        return corrupt("root is not a code object");
    }
    Py_INCREF(code);
    return code;
}

/* layout() -> dict of the sizes and offsets the image writer needs */
static PyObject *
layout(PyObject *self, PyObject *unused)
{
    return Py_BuildValue(
        "{s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,"
        "s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n}",
        "version", (Py_ssize_t)IMAGE_VERSION,
        "object_head", (Py_ssize_t)sizeof(PyObject),
        "ascii", (Py_ssize_t)sizeof(PyASCIIObject),
        "compact", (Py_ssize_t)sizeof(PyCompactUnicodeObject),
        "bytes_sval", (Py_ssize_t)offsetof(PyBytesObject, ob_sval),
        "tuple_items", (Py_ssize_t)offsetof(PyTupleObject, ob_item),
        "long_digits", (Py_ssize_t)offsetof(PyLongObject, ob_digit),
        "digit_bits", (Py_ssize_t)PyLong_SHIFT,
        "float_size", (Py_ssize_t)sizeof(PyFloatObject),
        "complex_size", (Py_ssize_t)sizeof(PyComplexObject),
        "code_basic", (Py_ssize_t)PyCode_Type.tp_basicsize,
        "code_item", (Py_ssize_t)PyCode_Type.tp_itemsize,
        "co_code_adaptive", (Py_ssize_t)offsetof(PyCodeObject, co_code_adaptive),
        "co_consts", (Py_ssize_t)offsetof(PyCodeObject, co_consts),
        "co_names", (Py_ssize_t)offsetof(PyCodeObject, co_names),
        "co_exceptiontable", (Py_ssize_t)offsetof(PyCodeObject, co_exceptiontable),
        "co_localsplusnames", (Py_ssize_t)offsetof(PyCodeObject, co_localsplusnames),
        "co_localspluskinds", (Py_ssize_t)offsetof(PyCodeObject, co_localspluskinds),
        "co_filename", (Py_ssize_t)offsetof(PyCodeObject, co_filename),
        "co_name", (Py_ssize_t)offsetof(PyCodeObject, co_name),
        "co_qualname", (Py_ssize_t)offsetof(PyCodeObject, co_qualname),
        "co_linetable", (Py_ssize_t)offsetof(PyCodeObject, co_linetable),
        "co_weakreflist", (Py_ssize_t)offsetof(PyCodeObject, co_weakreflist),
        "_co_code", (Py_ssize_t)offsetof(PyCodeObject, _co_code),
        "_co_linearray", (Py_ssize_t)offsetof(PyCodeObject, _co_linearray),
        "co_extra", (Py_ssize_t)offsetof(PyCodeObject, co_extra),
        "n_fixed", (Py_ssize_t)N_FIXED,
        "small_int_min", (Py_ssize_t)SMALL_INT_MIN,
        "small_int_max", (Py_ssize_t)SMALL_INT_MAX);
}

/* raw(obj, n) -> the first n bytes of an object's memory (the builder copies code objects' scalars) */
static PyObject *
raw(PyObject *self, PyObject *args)
{
    PyObject *obj;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "On", &obj, &n)) {
        return NULL;
    }
    if (!PyCode_Check(obj) || n < 0 || n > _PyObject_VAR_SIZE(Py_TYPE(obj), Py_SIZE(obj))) {
        PyErr_SetString(PyExc_ValueError, "raw() reads code objects only, within their size");
        return NULL;
    }
    return PyBytes_FromStringAndSize((const char *)obj, n);
}

/* code_fields(code) -> the object fields the image writer lays out, in image.py's CODE_FIELDS order */
static PyObject *
code_fields(PyObject *self, PyObject *obj)
{
    if (!PyCode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "code object expected");
        return NULL;
    }
    PyCodeObject *c = (PyCodeObject *)obj;
    return PyTuple_Pack(9, c->co_consts, c->co_names, c->co_exceptiontable, c->co_localsplusnames,
                        c->co_localspluskinds, c->co_filename, c->co_name, c->co_qualname, c->co_linetable);
}

static PyObject *
is_interned(PyObject *self, PyObject *obj)
{
    if (!PyUnicode_CheckExact(obj)) {
        PyErr_SetString(PyExc_TypeError, "str expected");
        return NULL;
    }
    return PyBool_FromLong(PyUnicode_CHECK_INTERNED(obj) != 0);
}

static PyMethodDef methods[] = {
    {"load_strings", (PyCFunction)(void (*)(void))load_strings, METH_FASTCALL, "Read the archive's string table."},
    {"checksum", py_checksum, METH_O, "The checksum materialize() expects of an image."},
    {"materialize", (PyCFunction)(void (*)(void))materialize, METH_FASTCALL, "Build a module's code object from its image."},
    {"layout", layout, METH_NOARGS, "Sizes and offsets of the object layouts images use."},
    {"raw", raw, METH_VARARGS, "The first n bytes of a code object's memory."},
    {"code_fields", code_fields, METH_O, "The object fields of a code object."},
    {"is_interned", is_interned, METH_O, "Whether a str is interned."},
    {NULL, NULL, 0, NULL},
};

static int
module_exec(PyObject *module)
{
    return types[0] == NULL ? init_tables() : 0;
}

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, module_exec},
    {0, NULL},
};

/* Multi-phase initialisation: loading the helper by path does not enter it in sys.modules. */
static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_pyrite_image", NULL, 0, methods, slots,
};

PyMODINIT_FUNC
PyInit__pyrite_image(void)
{
    return PyModuleDef_Init(&module_def);
}
