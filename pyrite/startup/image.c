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

#if PY_VERSION_HEX < 0x030B0000 || PY_VERSION_HEX >= 0x030C0000
#error "pyrite start-up images support CPython 3.11 only"
#endif

#define IMAGE_MAGIC 0x4d495950u   /* "PYIM" */
#define IMAGE_VERSION 1u
#define HEADER_SIZE 40

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

/* materialize(buffer, checksum) -> code object */
static PyObject *
materialize(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer view;
    unsigned long long expected;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "materialize(image, checksum)");
        return NULL;
    }
    expected = PyLong_AsUnsignedLongLong(args[1]);
    if (expected == (unsigned long long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    const unsigned char *src = view.buf;
    Py_ssize_t len = view.len;
    if (checksum(src, len) != expected) {
        corrupt("checksum mismatch");
        goto done;
    }
    if (len < HEADER_SIZE || rd32(src) != IMAGE_MAGIC || rd32(src + 4) != IMAGE_VERSION) {
        corrupt("bad header");
        goto done;
    }
    uint64_t region_size = rd64(src + 8);
    uint32_t counts[5];
    for (int i = 0; i < 5; i++) {
        counts[i] = rd32(src + 16 + 4 * i);
    }
    uint64_t root = rd32(src + 36);
    uint64_t total = HEADER_SIZE + region_size;
    for (int i = 0; i < 5; i++) {
        total += 4 * (uint64_t)counts[i];
    }
    if (region_size % 8 || region_size > (uint64_t)len || total != (uint64_t)len || root + 8 > region_size) {
        corrupt("sizes do not match");
        goto done;
    }
    char *base = PyMem_RawMalloc(region_size ? region_size : 8);
    if (base == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    memcpy(base, src + HEADER_SIZE, region_size);
    const unsigned char *list = src + HEADER_SIZE + region_size;
    const uint64_t last_slot = region_size - 8;

    /* ptr: image offsets become addresses */
    for (uint32_t i = 0; i < counts[0]; i++, list += 4) {
        uint64_t slot = rd32(list), target;
        if (slot > last_slot) goto bad;
        memcpy(&target, base + slot, 8);
        if (target > last_slot) goto bad;
        char *p = base + target;
        memcpy(base + slot, &p, 8);
    }
    /* type: type indexes become type objects */
    for (uint32_t i = 0; i < counts[1]; i++, list += 4) {
        uint64_t slot = rd32(list), index;
        if (slot > last_slot) goto bad;
        memcpy(&index, base + slot, 8);
        if (index >= N_TYPES) goto bad;
        PyTypeObject *t = types[index];
        memcpy(base + slot, &t, 8);
    }
    /* single: singleton indexes become the interpreter's singletons; each slot owns a reference */
    for (uint32_t i = 0; i < counts[2]; i++, list += 4) {
        uint64_t slot = rd32(list), index;
        if (slot > last_slot) goto bad;
        memcpy(&index, base + slot, 8);
        if (index >= N_SINGLETONS) goto bad;
        PyObject *o = singletons[index];
        Py_INCREF(o);
        memcpy(base + slot, &o, 8);
    }
    /* intern: names and identifier-like constants, as marshal interns them. Slots naming the same
       string are adjacent, so each string is looked up in the interned table once. */
    PyObject *last_string = NULL, *last_interned = NULL;
    for (uint32_t i = 0; i < counts[3]; i++, list += 4) {
        uint64_t slot = rd32(list);
        if (slot > last_slot) goto bad;
        PyObject **p = (PyObject **)(base + slot);
        if (*p == last_string) {
            Py_INCREF(last_interned);
            *p = last_interned;   /* the string this slot named is never freed: no decref needed */
            continue;
        }
        if (!PyUnicode_CheckExact(*p)) goto bad;
        last_string = *p;
        PyUnicode_InternInPlace(p);
        last_interned = *p;
    }
    /* frozen: a tuple of items becomes a frozenset; adjacent slots naming the same tuple share one set */
    PyObject *last_tuple = NULL, *last_set = NULL;
    for (uint32_t i = 0; i < counts[4]; i++, list += 4) {
        uint64_t slot = rd32(list);
        if (slot > last_slot) goto bad;
        PyObject **p = (PyObject **)(base + slot);
        if (!PyTuple_CheckExact(*p)) goto bad;
        if (*p != last_tuple) {
            PyObject *set = PyFrozenSet_New(*p);
            if (set == NULL) {
                goto fail;   /* the block may already be referenced by interned strings: keep it */
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
    if (!PyCode_Check(code)) goto bad;
    Py_INCREF(code);
    result = code;
    goto done;
bad:
    corrupt("fix-up out of range");
fail:
    /* The block is leaked on purpose: interned strings may already point into it. */
    ;
done:
    PyBuffer_Release(&view);
    return result;
}

/* layout() -> dict of the sizes and offsets the image writer needs */
static PyObject *
layout(PyObject *self, PyObject *unused)
{
    return Py_BuildValue(
        "{s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,"
        "s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n}",
        "version", (Py_ssize_t)IMAGE_VERSION,
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
