/* bytes.c: the immutable bytes type (PyrtBytes in pyrt.h; data is always followed by a NUL byte
 * for convenience) and its iterator; the text codecs shared with str: str.encode and
 * bytes.decode for utf-8, ascii and latin-1 with the strict/ignore/replace error handlers and
 * CPython's error messages (raised as UnicodeError: pyrt.h has no UnicodeDecodeError/
 * UnicodeEncodeError types yet); the bytes() constructor and the common bytes methods. */
#include "pyrt.h"
#include <stdio.h>
#include <stdlib.h>

static PyrtObject *type_error(const char *msg) { return Pyrt_ErrSetString(&PyrtType_TypeError, msg); }
static PyrtObject *value_error(const char *msg) { return Pyrt_ErrSetString(&PyrtType_ValueError, msg); }

static bool is_int(PyrtObject *o) {
    return o->type == &PyrtType_Int || o->type == &PyrtType_Bool || (o->type->flags & PYRT_TPFLAG_INT);
}

/* ================================================================== allocation */

typedef struct { PyrtObject ob; int64_t length, hash; unsigned char data[1]; } PyrtBytesStatic;
_Static_assert(offsetof(PyrtBytesStatic, data) == offsetof(PyrtBytes, data), "static bytes layout");
static PyrtBytesStatic empty_bytes = { PYRT_HEAD_INIT(&PyrtType_Bytes), 0, 0, { 0 } };

static void bytes_install_slots(void);

/* Every bytes object comes from here (b"" included): the slots are set on the first one, so that code
 * which only checks for bytes (o->type == &PyrtType_Bytes) does not link the bytes type's repr,
 * comparison, indexing... into programs that never make bytes. */
PyrtObject *PyrtBytes_NewRaw(int64_t n) {
    if (PYRT_UNLIKELY(!PyrtType_Bytes.repr)) bytes_install_slots();
    if (n == 0) return (PyrtObject *)&empty_bytes;
    if (n < 0 || n > (int64_t)(SIZE_MAX / 2) - 64) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
    PyrtBytes *b = (PyrtBytes *)Pyrt_Alloc(&PyrtType_Bytes, sizeof(PyrtBytes) + (size_t)n + 1);
    if (!b) return NULL;
    b->length = n;
    b->hash = -1;
    b->data[n] = 0;
    return (PyrtObject *)b;
}

PyrtObject *PyrtBytes_FromData(const void *data, int64_t n) {
    PyrtObject *b = PyrtBytes_NewRaw(n);
    if (b && n > 0) memcpy(((PyrtBytes *)b)->data, data, (size_t)n);
    return b;
}

PyrtObject *PyrtBytes_Constant(const void *data, int64_t n) {
    PyrtObject *b = PyrtBytes_FromData(data, n);
    return b ? Pyrt_MakeImmortal(b) : NULL;
}

/* ================================================================== core operations */

PyrtObject *PyrtBytes_Concat(PyrtObject *a, PyrtObject *b) {
    int64_t na = PyrtBytes_Len(a), nb = PyrtBytes_Len(b);
    PyrtObject *r = PyrtBytes_NewRaw(na + nb);
    if (!r || na + nb == 0) return r;
    memcpy(((PyrtBytes *)r)->data, PyrtBytes_Data(a), (size_t)na);
    memcpy(((PyrtBytes *)r)->data + na, PyrtBytes_Data(b), (size_t)nb);
    return r;
}

PyrtObject *PyrtBytes_Repeat(PyrtObject *a, int64_t n) {
    int64_t len = PyrtBytes_Len(a);
    if (n <= 0 || len == 0) return PyrtBytes_NewRaw(0);
    if (len > INT64_MAX / n) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
    PyrtObject *r = PyrtBytes_NewRaw(len * n);
    if (!r) return NULL;
    for (int64_t i = 0; i < n; i++) memcpy(((PyrtBytes *)r)->data + i * len, PyrtBytes_Data(a), (size_t)len);
    return r;
}

PyrtObject *PyrtBytes_GetItem(PyrtObject *b, int64_t i) {
    int64_t n = PyrtBytes_Len(b);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return Pyrt_ErrSetString(&PyrtType_IndexError, "index out of range");
    return PyrtInt_FromI64(PyrtBytes_Data(b)[i]);
}

PyrtObject *PyrtBytes_Slice(PyrtObject *b, PyrtObject *start, PyrtObject *stop, PyrtObject *step) {
    int64_t a, z, st, n;
    if (PyrtStr_SliceIndices(start, stop, step, PyrtBytes_Len(b), &a, &z, &st, &n) < 0) return NULL;
    if (st == 1) return PyrtBytes_FromData(PyrtBytes_Data(b) + a, n);
    PyrtObject *r = PyrtBytes_NewRaw(n);
    if (!r) return NULL;
    for (int64_t k = 0; k < n; k++) ((PyrtBytes *)r)->data[k] = PyrtBytes_Data(b)[a + k * st];
    return r;
}

bool PyrtBytes_Eq(PyrtObject *a, PyrtObject *b) {
    return PyrtBytes_Len(a) == PyrtBytes_Len(b) &&
           memcmp(PyrtBytes_Data(a), PyrtBytes_Data(b), (size_t)PyrtBytes_Len(a)) == 0;
}

int PyrtBytes_Compare(PyrtObject *a, PyrtObject *b) {
    int64_t na = PyrtBytes_Len(a), nb = PyrtBytes_Len(b);
    int c = memcmp(PyrtBytes_Data(a), PyrtBytes_Data(b), (size_t)(na < nb ? na : nb));
    if (c) return c < 0 ? -1 : 1;
    return na < nb ? -1 : na > nb ? 1 : 0;
}

int64_t PyrtBytes_Hash(PyrtObject *o) {
    PyrtBytes *b = (PyrtBytes *)o;
    if (b->hash == -1) b->hash = Pyrt_HashBytes(b->data, b->length);
    return b->hash;
}

PyrtObject *PyrtBytes_Repr(PyrtObject *o) {
    const unsigned char *d = PyrtBytes_Data(o);
    int64_t n = PyrtBytes_Len(o);
    bool sq = memchr(d, '\'', (size_t)n) != NULL, dq = memchr(d, '"', (size_t)n) != NULL;
    char quote = (sq && !dq) ? '"' : '\'';
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    char *p = PyrtSB_Reserve(&sb, n * 4 + 3);
    if (!p) return NULL;
    *p++ = 'b';
    *p++ = quote;
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = d[i];
        if (c == quote || c == '\\') { *p++ = '\\'; *p++ = (char)c; }
        else if (c == '\t') { *p++ = '\\'; *p++ = 't'; }
        else if (c == '\n') { *p++ = '\\'; *p++ = 'n'; }
        else if (c == '\r') { *p++ = '\\'; *p++ = 'r'; }
        else if (c < 0x20 || c >= 0x7F) {
            *p++ = '\\'; *p++ = 'x';
            *p++ = "0123456789abcdef"[c >> 4];
            *p++ = "0123456789abcdef"[c & 15];
        } else *p++ = (char)c;
    }
    *p++ = quote;
    sb.len = p - sb.buf;
    return PyrtSB_Finish(&sb);
}

/* ================================================================== codecs */

enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UNKNOWN };
enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_UNKNOWN };

static int lookup_encoding(const char *name) {
    if (!name) return ENC_UTF8;
    char norm[32];
    size_t i = 0;
    for (; name[i] && i < sizeof norm - 1; i++) {
        char c = name[i];
        norm[i] = (c == '-' || c == ' ') ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    if (name[i]) return ENC_UNKNOWN;
    norm[i] = 0;
    static const char *const utf8[] = { "utf_8", "utf8", "u8", "utf", "cp65001", NULL };
    static const char *const ascii[] = { "ascii", "us_ascii", "646", "us", NULL };
    static const char *const latin1[] = { "latin_1", "latin1", "latin", "iso_8859_1", "iso8859_1",
                                          "8859", "cp819", "l1", "iso_ir_100", NULL };
    for (int k = 0; utf8[k]; k++) if (!strcmp(norm, utf8[k])) return ENC_UTF8;
    for (int k = 0; ascii[k]; k++) if (!strcmp(norm, ascii[k])) return ENC_ASCII;
    for (int k = 0; latin1[k]; k++) if (!strcmp(norm, latin1[k])) return ENC_LATIN1;
    return ENC_UNKNOWN;
}

static const char *const codec_names[] = { "utf-8", "ascii", "latin-1" };

static int lookup_errors(const char *name) {
    if (!name || !strcmp(name, "strict")) return ERR_STRICT;
    if (!strcmp(name, "ignore")) return ERR_IGNORE;
    if (!strcmp(name, "replace")) return ERR_REPLACE;
    return ERR_UNKNOWN;
}

static PyrtObject *unknown_encoding(const char *name) {
    char msg[200];
    Pyrt_Snprintf(msg, sizeof msg, "unknown encoding: %.150s", name);
    return Pyrt_ErrSetString(&PyrtType_LookupError, msg);
}

static PyrtObject *unknown_handler(const char *name) {
    char msg[200];
    Pyrt_Snprintf(msg, sizeof msg, "unknown error handler name '%.150s'", name);
    return Pyrt_ErrSetString(&PyrtType_LookupError, msg);
}

/* Length of the valid UTF-8 sequence at d[i] (1-4), or 0 with *bad = bytes to report and
 * *why set. */
static int utf8_check(const unsigned char *d, int64_t i, int64_t n, int64_t *bad, const char **why) {
    unsigned char c = d[i];
    if (c < 0x80) return 1;
    int need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else { *bad = 1; *why = "invalid start byte"; return 0; }
    for (int k = 1; k <= need; k++) {
        if (i + k >= n) { *bad = k; *why = "unexpected end of data"; return 0; }
        unsigned char x = d[i + k];
        if (x < lo || x > hi) { *bad = k; *why = "invalid continuation byte"; return 0; }
        lo = 0x80; hi = 0xBF;
    }
    return need + 1;
}

static PyrtObject *decode_error(const char *codec, const unsigned char *d, int64_t n, int64_t start, int64_t len,
                                const char *why) {
    PyrtObject *b = PyrtBytes_FromData(d, n);
    if (!b) return NULL;
    Pyrt_ErrUnicode(&PyrtType_UnicodeDecodeError, codec, b, start, start + len, why);
    Pyrt_DecRef(b);
    return NULL;
}

/* Handles one undecodable range [i, i+len) per the error handler: -1 on error (exception set). */
static int decode_bad(PyrtStrBuilder *sb, int errors, const char *errname, const char *codec,
                      const unsigned char *d, int64_t n, int64_t i, int64_t len, const char *why) {
    if (errors == ERR_IGNORE) return 0;
    if (errors == ERR_REPLACE) return PyrtSB_AddCP(sb, 0xFFFD);
    if (errors == ERR_UNKNOWN) unknown_handler(errname);
    else decode_error(codec, d, n, i, len, why);
    return -1;
}

/* The codec registry of lib/_codecs.py, when the program has it (it imports codecs): str.encode and
 * bytes.decode hand it the encodings and error handlers this file does not know (utf-16,
 * backslashreplace, codecs.register'ed ones), as CPython's look them up in its registry. */
static PyrtObject *codec_hooks[2];   /* encode(str, encoding, errors), decode(bytes, encoding, errors) */

PYRT_BUILTIN(__pyrite_register_codecs__)
{
    (void)self; (void)kwnames;
    if (nargs != 2)
        return Pyrt_ErrSetString(&PyrtType_TypeError, "__pyrite_register_codecs__ takes 2 arguments");
    for (int k = 0; k < 2; k++) {
        Pyrt_IncRef(args[k]);
        Pyrt_XDecRef(codec_hooks[k]);
        codec_hooks[k] = args[k];
    }
    Pyrt_IncRef(Pyrt_None);
    return Pyrt_None;
}

static PyrtObject *codec_hook(int which, PyrtObject *data, const char *encoding, const char *errors) {
    PyrtObject *args[3] = { data, PyrtStr_FromCString(encoding ? encoding : "utf-8"),
                            PyrtStr_FromCString(errors ? errors : "strict") };
    PyrtObject *r = NULL;
    if (args[1] && args[2])
        r = Pyrt_Call(codec_hooks[which], args, 3, NULL);
    Pyrt_XDecRef(args[1]);
    Pyrt_XDecRef(args[2]);
    if (r == NULL) return NULL;
    int ok = which == 0 ? PyrtBytes_Check(r) : (r->type->flags & PYRT_TPFLAG_STR) != 0;
    if (!ok) {
        char msg[300];
        Pyrt_Snprintf(msg, sizeof msg, "'%.100s' %s returned '%.100s' instead of '%s'; use codecs.%s() to %s "
                      "arbitrary types", encoding, which == 0 ? "encoder" : "decoder", r->type->name,
                      which == 0 ? "bytes" : "str", which == 0 ? "encode" : "decode",
                      which == 0 ? "encode to" : "decode to");
        Pyrt_DecRef(r);
        return Pyrt_ErrSetString(&PyrtType_TypeError, msg);
    }
    return r;
}

PyrtObject *PyrtBytes_Decode(const unsigned char *d, int64_t n, const char *encoding, const char *errors) {
    int enc = lookup_encoding(encoding);
    int err = lookup_errors(errors);
    if (codec_hooks[1] && (enc == ENC_UNKNOWN || err == ERR_UNKNOWN)) {
        PyrtObject *b = PyrtBytes_FromData(d, n);
        if (b == NULL) return NULL;
        PyrtObject *r = codec_hook(1, b, encoding, errors);
        Pyrt_DecRef(b);
        return r;
    }
    if (enc == ENC_UNKNOWN) return unknown_encoding(encoding);
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int64_t i = 0;
    while (i < n) {
        int64_t run = i;   /* copy ASCII runs in one go */
        while (run < n && d[run] < 0x80) run++;
        if (PyrtSB_Add(&sb, (const char *)d + i, run - i) < 0) goto fail;
        i = run;
        if (i >= n) break;
        if (enc == ENC_LATIN1) {
            if (PyrtSB_AddCP(&sb, d[i++]) < 0) goto fail;
        } else if (enc == ENC_ASCII) {
            if (decode_bad(&sb, err, errors, "ascii", d, n, i, 1, "ordinal not in range(128)") < 0) goto fail;
            i++;
        } else {
            int64_t bad;
            const char *why;
            int k = utf8_check(d, i, n, &bad, &why);
            if (k > 0) {
                if (PyrtSB_Add(&sb, (const char *)d + i, k) < 0) goto fail;
                i += k;
            } else {
                if (decode_bad(&sb, err, errors, "utf-8", d, n, i, bad, why) < 0) goto fail;
                i += bad;
            }
        }
    }
    return PyrtSB_Finish(&sb);
fail:
    PyrtSB_Discard(&sb);
    return NULL;
}


static bool encodable(int enc, uint32_t c) {
    if (enc == ENC_ASCII) return c < 0x80;
    if (enc == ENC_LATIN1) return c < 0x100;
    return c < 0xD800 || c > 0xDFFF;
}

static PyrtObject *encode_error(int enc, PyrtObject *s, int64_t start, int64_t end) {
    const char *why = enc == ENC_ASCII ? "ordinal not in range(128)"
                    : enc == ENC_LATIN1 ? "ordinal not in range(256)" : "surrogates not allowed";
    return Pyrt_ErrUnicode(&PyrtType_UnicodeEncodeError, codec_names[enc], s, start, end, why);
}

PyrtObject *PyrtStr_Encode(PyrtObject *s, const char *encoding, const char *errors) {
    int enc = lookup_encoding(encoding);
    int err = lookup_errors(errors);
    if (codec_hooks[0] && (enc == ENC_UNKNOWN || err == ERR_UNKNOWN))
        return codec_hook(0, s, encoding, errors);
    if (enc == ENC_UNKNOWN) return unknown_encoding(encoding);
    PyrtStr *str = (PyrtStr *)s;
    if (str->ascii) return PyrtBytes_FromData(str->data, str->nbytes);
    uint32_t *u = Pyrt_Malloc(sizeof(uint32_t) * (size_t)(str->length + 1));
    if (!u) return NULL;
    int64_t n = 0;
    for (int64_t off = 0; off < str->nbytes; n++) off += Pyrt_Utf8Decode(str->data + off, &u[n]);
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    for (int64_t i = 0; i < n;) {
        int rc = 0;
        if (encodable(enc, u[i])) {
            if (enc == ENC_UTF8) rc = PyrtSB_AddCP(&sb, u[i]);
            else { char c = (char)u[i]; rc = PyrtSB_Add(&sb, &c, 1); }
            i++;
        } else {
            int64_t end = i;
            while (end < n && !encodable(enc, u[end])) end++;
            if (err == ERR_STRICT) { encode_error(enc, s, i, end); rc = -1; }
            else if (err == ERR_UNKNOWN) { unknown_handler(errors); rc = -1; }
            else if (err == ERR_REPLACE) rc = PyrtSB_AddRepeat(&sb, '?', end - i);
            i = end;
        }
        if (rc < 0) { Pyrt_Free(u); PyrtSB_Discard(&sb); return NULL; }
    }
    Pyrt_Free(u);
    return PyrtSB_FinishBytes(&sb);
}

/* ================================================================== iterator */

typedef struct { PyrtObject ob; PyrtObject *bytes; int64_t index; } PyrtBytesIterObject;

static void bytesiter_dealloc(PyrtObject *o) { PYRT_CLEAR(((PyrtBytesIterObject *)o)->bytes); }
static PyrtObject *bytesiter_iter(PyrtObject *o) { PYRT_INCREF(o); return o; }

static PyrtObject *bytesiter_next(PyrtObject *o) {
    PyrtBytesIterObject *it = (PyrtBytesIterObject *)o;
    if (!it->bytes) return NULL;
    if (it->index >= PyrtBytes_Len(it->bytes)) { PYRT_CLEAR(it->bytes); return NULL; }
    return PyrtInt_FromI64(PyrtBytes_Data(it->bytes)[it->index++]);
}

PyrtType PyrtType_BytesIter = {
    .ob = PYRT_TYPE_HEAD,
    .name = "bytes_iterator",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtBytesIterObject),
    .flags = PYRT_TPFLAG_NOSUBCLASS,
    .dealloc = bytesiter_dealloc,
    .iter = bytesiter_iter,
    .iternext = bytesiter_next,
};

static PyrtObject *bytes_iter(PyrtObject *b) {
    PyrtBytesIterObject *it = (PyrtBytesIterObject *)Pyrt_Alloc(&PyrtType_BytesIter, sizeof(PyrtBytesIterObject));
    if (!it) return NULL;
    PYRT_INCREF(b);
    it->bytes = b;
    it->index = 0;
    return (PyrtObject *)it;
}

/* ================================================================== constructor */

static int byte_value(PyrtObject *v, unsigned char *out) {
    int64_t x = PyrtStr_AsIndex(v);
    if (Pyrt_ErrOccurred()) return -1;
    if (x < 0 || x > 255) { value_error("bytes must be in range(0, 256)"); return -1; }
    *out = (unsigned char)x;
    return 0;
}

PyrtObject *PyrtBytes_FromIterable(PyrtObject *src) {
    PyrtObject *it = Pyrt_GetIter(src);
    if (!it) {
        if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_TypeError) == 1) {
            Pyrt_ErrClear();
            char msg[200];
            Pyrt_Snprintf(msg, sizeof msg, "cannot convert '%s' object to bytes", src->type->name);
            type_error(msg);
        }
        return NULL;
    }
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    PyrtObject *v;
    while ((v = Pyrt_IterNext(it))) {
        unsigned char c;
        int rc = byte_value(v, &c);
        PYRT_DECREF(v);
        if (rc < 0 || PyrtSB_Add(&sb, (const char *)&c, 1) < 0) break;
    }
    PYRT_DECREF(it);
    if (Pyrt_ErrOccurred()) { PyrtSB_Discard(&sb); return NULL; }
    return PyrtSB_FinishBytes(&sb);
}

static int opt_str(PyrtObject *o, const char *fname, const char *argname, const char **out) {
    *out = NULL;
    if (!o) return 0;
    if (!PyrtStr_Check(o)) {
        char msg[200];
        Pyrt_Snprintf(msg, sizeof msg, "%s() argument '%s' must be str, not %s", fname, argname, o->type->name);
        type_error(msg);
        return -1;
    }
    *out = PyrtStr_UTF8(o);
    return 0;
}

PyrtObject *PyrtBytes_New(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)type;
    static const char *const names[] = { "source", "encoding", "errors" };
    PyrtObject *a[3];
    if (PyrtStr_ParseKwArgs("bytes", args, nargs, kwnames, names, 3, a) < 0) return NULL;
    const char *enc, *errors;
    if (opt_str(a[1], "bytes", "encoding", &enc) < 0 || opt_str(a[2], "bytes", "errors", &errors) < 0)
        return NULL;
    PyrtObject *src = a[0];
    if (!src) {
        if (enc || errors) return type_error(enc ? "encoding without a string argument"
                                                 : "errors without a string argument");
        return PyrtBytes_NewRaw(0);
    }
    if (PyrtStr_Check(src)) {
        if (!enc) return type_error("string argument without an encoding");
        return PyrtStr_Encode(src, enc, errors);
    }
    if (enc) return type_error("encoding without a string argument");
    if (errors) return type_error("errors without a string argument");
    if (PyrtBytes_Check(src)) return PyrtBytes_FromData(PyrtBytes_Data(src), PyrtBytes_Len(src));
    if (is_int(src)) {
        int64_t n;
        if (PyrtInt_AsCount(src, &n) < 0) return NULL;
        if (n < 0) return value_error("negative count");
        PyrtObject *r = PyrtBytes_NewRaw(n);
        if (r && n) memset(((PyrtBytes *)r)->data, 0, (size_t)n);
        return r;
    }
    return PyrtBytes_FromIterable(src);
}

/* ================================================================== methods */

#define CHECK(style, min, max) \
    if (PyrtStr_CheckArgs("bytes", __func__ + 15, (style), nargs, kwnames, (min), (max)) < 0) return NULL

static bool need_bytes(PyrtObject *o) {
    if (PyrtBytes_Check(o)) return true;
    char msg[200];
    Pyrt_Snprintf(msg, sizeof msg, "a bytes-like object is required, not '%s'", o->type->name);
    type_error(msg);
    return false;
}

PYRT_BYTES_METH(decode) {
    static const char *const names[] = { "encoding", "errors" };
    PyrtObject *a[2];
    if (PyrtStr_ParseKwArgs("decode", args, nargs, kwnames, names, 2, a) < 0) return NULL;
    const char *enc, *errors;
    if (opt_str(a[0], "decode", "encoding", &enc) < 0 || opt_str(a[1], "decode", "errors", &errors) < 0)
        return NULL;
    return PyrtBytes_Decode(PyrtBytes_Data(self), PyrtBytes_Len(self), enc, errors);
}

static bool bspace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int append_bytes(PyrtObject *list, const unsigned char *d, int64_t n) {
    PyrtObject *b = PyrtBytes_FromData(d, n);
    if (!b) return -1;
    int rc = PyrtList_Append(list, b);
    PYRT_DECREF(b);
    return rc;
}

static int bsplit_args(const char *name, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                       PyrtObject **sep, int64_t *maxsplit) {
    static const char *const names[] = { "sep", "maxsplit" };
    PyrtObject *a[2];
    if (PyrtStr_ParseKwArgs(name, args, nargs, kwnames, names, 2, a) < 0) return -1;
    *sep = (a[0] && a[0] != Pyrt_None) ? a[0] : NULL;
    *maxsplit = -1;
    if (a[1]) {
        *maxsplit = PyrtStr_AsIndex(a[1]);
        if (Pyrt_ErrOccurred()) return -1;
        if (*maxsplit < 0) *maxsplit = -1;
    }
    if (*sep && !need_bytes(*sep)) return -1;
    if (*sep && PyrtBytes_Len(*sep) == 0) { value_error("empty separator"); return -1; }
    return 0;
}

static PyrtObject *split_impl(PyrtObject *self, PyrtObject *sep, int64_t maxsplit, bool reverse) {
    const unsigned char *d = PyrtBytes_Data(self);
    int64_t n = PyrtBytes_Len(self);
    PyrtObject *list = PyrtList_New(0);
    if (!list) return NULL;
    int64_t count = 0;
    if (!sep) {
        int64_t i = reverse ? n : 0;
        for (;;) {
            if (!reverse) {
                while (i < n && bspace(d[i])) i++;
                if (i >= n) break;
                int64_t j = i;
                if (maxsplit >= 0 && count == maxsplit) j = n;
                else while (j < n && !bspace(d[j])) j++;
                if (append_bytes(list, d + i, j - i) < 0) goto fail;
                i = j;
            } else {
                while (i > 0 && bspace(d[i - 1])) i--;
                if (i <= 0) break;
                int64_t j = i;
                if (maxsplit >= 0 && count == maxsplit) j = 0;
                else while (j > 0 && !bspace(d[j - 1])) j--;
                if (append_bytes(list, d + j, i - j) < 0) goto fail;
                i = j;
            }
            count++;
        }
    } else {
        const char *s = (const char *)PyrtBytes_Data(sep);
        int64_t sn = PyrtBytes_Len(sep), lo = 0, hi = n;
        while (maxsplit < 0 || count < maxsplit) {
            int64_t pos = reverse ? Pyrt_RFindBytes((const char *)d + lo, hi - lo, s, sn)
                                  : Pyrt_FindBytes((const char *)d + lo, hi - lo, s, sn);
            if (pos < 0) break;
            pos += lo;
            if (reverse) { if (append_bytes(list, d + pos + sn, hi - pos - sn) < 0) goto fail; hi = pos; }
            else { if (append_bytes(list, d + lo, pos - lo) < 0) goto fail; lo = pos + sn; }
            count++;
        }
        if (append_bytes(list, d + lo, hi - lo) < 0) goto fail;
    }
    if (reverse) {
        PyrtList *l = (PyrtList *)list;
        for (int64_t i = 0, j = l->length - 1; i < j; i++, j--) {
            PyrtObject *t = l->ob_item[i]; l->ob_item[i] = l->ob_item[j]; l->ob_item[j] = t;
        }
    }
    return list;
fail:
    PYRT_DECREF(list);
    return NULL;
}

PYRT_BYTES_METH(split) {
    PyrtObject *sep;
    int64_t maxsplit;
    if (bsplit_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0) return NULL;
    return split_impl(self, sep, maxsplit, false);
}

PYRT_BYTES_METH(rsplit) {
    PyrtObject *sep;
    int64_t maxsplit;
    if (bsplit_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) return NULL;
    return split_impl(self, sep, maxsplit, true);
}

static PyrtObject *bstrip(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                          const char *name, bool left, bool right) {
    if (PyrtStr_CheckArgs("bytes", name, PYRT_ARGS_CLINIC, nargs, kwnames, 0, 1) < 0) return NULL;
    const unsigned char *chars = NULL;
    int64_t nchars = 0;
    if (nargs == 1 && args[0] != Pyrt_None) {
        if (!need_bytes(args[0])) return NULL;
        chars = PyrtBytes_Data(args[0]);
        nchars = PyrtBytes_Len(args[0]);
    }
    const unsigned char *d = PyrtBytes_Data(self);
    int64_t i = 0, j = PyrtBytes_Len(self);
#define STRIPPED(c) (chars ? memchr(chars, (c), (size_t)nchars) != NULL : bspace(c))
    while (left && i < j && STRIPPED(d[i])) i++;
    while (right && j > i && STRIPPED(d[j - 1])) j--;
#undef STRIPPED
    return PyrtBytes_FromData(d + i, j - i);
}

PYRT_BYTES_METH(strip) { return bstrip(self, args, nargs, kwnames, "strip", true, true); }
PYRT_BYTES_METH(lstrip) { return bstrip(self, args, nargs, kwnames, "lstrip", true, false); }
PYRT_BYTES_METH(rstrip) { return bstrip(self, args, nargs, kwnames, "rstrip", false, true); }

static bool btailmatch(PyrtObject *self, PyrtObject *sub, int64_t start, int64_t end, bool at_end) {
    int64_t sn = PyrtBytes_Len(sub);
    if (end - sn < start) return false;
    if (sn == 0) return true;
    int64_t at = at_end ? end - sn : start;
    return memcmp(PyrtBytes_Data(self) + at, PyrtBytes_Data(sub), (size_t)sn) == 0;
}

static PyrtObject *bstarts_ends(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                PyrtObject *kwnames, const char *name, bool at_end) {
    if (PyrtStr_CheckArgs("bytes", name, PYRT_ARGS_TUPLE, nargs, kwnames, 1, 3) < 0) return NULL;
    int64_t start, end;
    if (PyrtStr_ParseStartEnd(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL,
                              PyrtBytes_Len(self), &start, &end) < 0)
        return NULL;
    PyrtObject *x = args[0];
    if (x->type == &PyrtType_Tuple) {
        for (int64_t i = 0; i < PyrtTuple_Len(x); i++) {
            PyrtObject *item = PyrtTuple_GetBorrowed(x, i);
            if (!need_bytes(item)) return NULL;
            if (btailmatch(self, item, start, end, at_end)) return Pyrt_BoolFromC(true);
        }
        return Pyrt_BoolFromC(false);
    }
    if (!PyrtBytes_Check(x)) {
        char msg[200];
        Pyrt_Snprintf(msg, sizeof msg, "%s first arg must be bytes or a tuple of bytes, not %s", name, x->type->name);
        return type_error(msg);
    }
    return Pyrt_BoolFromC(btailmatch(self, x, start, end, at_end));
}

PYRT_BYTES_METH(startswith) { return bstarts_ends(self, args, nargs, kwnames, "startswith", false); }
PYRT_BYTES_METH(endswith) { return bstarts_ends(self, args, nargs, kwnames, "endswith", true); }

/* (sub[, start[, end]]) where sub is bytes or an int in range(256) */
static int bfind_args(const char *name, PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                      PyrtObject *kwnames, const char **sub, int64_t *subn, unsigned char *byte,
                      int64_t *start, int64_t *end) {
    if (PyrtStr_CheckArgs("bytes", name, PYRT_ARGS_TUPLE, nargs, kwnames, 1, 3) < 0) return -1;
    if (PyrtBytes_Check(args[0])) {
        *sub = (const char *)PyrtBytes_Data(args[0]);
        *subn = PyrtBytes_Len(args[0]);
    } else if (is_int(args[0])) {
        int64_t v = PyrtInt_AsClamped(args[0]);
        if (v < 0 || v > 255) { value_error("byte must be in range(0, 256)"); return -1; }
        *byte = (unsigned char)v;
        *sub = (const char *)byte;
        *subn = 1;
    } else {
        char msg[200];
        Pyrt_Snprintf(msg, sizeof msg, "argument should be integer or bytes-like object, not '%s'",
                 args[0]->type->name);
        type_error(msg);
        return -1;
    }
    return PyrtStr_ParseStartEnd(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL,
                                 PyrtBytes_Len(self), start, end);
}

static PyrtObject *bfind(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                         const char *name, bool reverse, bool raise) {
    const char *sub;
    int64_t subn, start, end;
    unsigned char byte;
    if (bfind_args(name, self, args, nargs, kwnames, &sub, &subn, &byte, &start, &end) < 0) return NULL;
    int64_t r = -1;
    if (end - start >= subn) {
        const char *base = (const char *)PyrtBytes_Data(self) + start;
        r = reverse ? Pyrt_RFindBytes(base, end - start, sub, subn) : Pyrt_FindBytes(base, end - start, sub, subn);
        if (r >= 0) r += start;
        if (subn == 0) r = reverse ? end : start;
    }
    if (r < 0 && raise) return value_error("subsection not found");
    return PyrtInt_FromI64(r);
}

PYRT_BYTES_METH(find) { return bfind(self, args, nargs, kwnames, "find", false, false); }
PYRT_BYTES_METH(rfind) { return bfind(self, args, nargs, kwnames, "rfind", true, false); }
PYRT_BYTES_METH(index) { return bfind(self, args, nargs, kwnames, "index", false, true); }
PYRT_BYTES_METH(rindex) { return bfind(self, args, nargs, kwnames, "rindex", true, true); }

PYRT_BYTES_METH(count) {
    const char *sub;
    int64_t subn, start, end;
    unsigned char byte;
    if (bfind_args("count", self, args, nargs, kwnames, &sub, &subn, &byte, &start, &end) < 0) return NULL;
    if (end - start < subn) return PyrtInt_FromI64(0);
    if (subn == 0) return PyrtInt_FromI64(end - start + 1);
    const char *d = (const char *)PyrtBytes_Data(self);
    int64_t count = 0, off = start;
    for (;;) {
        int64_t pos = Pyrt_FindBytes(d + off, end - off, sub, subn);
        if (pos < 0) break;
        count++;
        off += pos + subn;
    }
    return PyrtInt_FromI64(count);
}

PYRT_BYTES_METH(join) {
    CHECK(PYRT_ARGS_ONE, 1, 1);
    PyrtObject *it = Pyrt_GetIter(args[0]);
    if (!it) {
        if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_TypeError) == 1) {
            Pyrt_ErrClear();
            type_error("can only join an iterable");
        }
        return NULL;
    }
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    PyrtObject *v;
    int64_t i = 0;
    while ((v = Pyrt_IterNext(it))) {
        int rc = 0;
        if (!PyrtBytes_Check(v)) {
            char msg[200];
            Pyrt_Snprintf(msg, sizeof msg, "sequence item %lld: expected a bytes-like object, %s found",
                     (long long)i, v->type->name);
            type_error(msg);
            rc = -1;
        } else {
            if (i > 0) rc = PyrtSB_Add(&sb, (const char *)PyrtBytes_Data(self), PyrtBytes_Len(self));
            if (rc == 0) rc = PyrtSB_Add(&sb, (const char *)PyrtBytes_Data(v), PyrtBytes_Len(v));
        }
        PYRT_DECREF(v);
        i++;
        if (rc < 0) break;
    }
    PYRT_DECREF(it);
    if (Pyrt_ErrOccurred()) { PyrtSB_Discard(&sb); return NULL; }
    return PyrtSB_FinishBytes(&sb);
}

/* b.translate(table, /, delete=b'') */
static PyrtObject *bytes_meth_translate(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    static const char *const names[] = { "", "delete" };
    PyrtObject *a[2];
    if (PyrtStr_ParseKwArgs("translate", args, nargs, kwnames, names, 2, a) < 0) return NULL;
    if (!a[0]) return Pyrt_ErrSetString(&PyrtType_TypeError, "translate() takes at least 1 argument (0 given)");
    PyrtObject *table = a[0] == Pyrt_None ? NULL : a[0];
    if (table && !PyrtBytes_Check(table))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "a bytes-like object is required, not '%s'", table->type->name);
    if (table && PyrtBytes_Len(table) != 256)
        return value_error("translation table must be 256 characters long");
    if (a[1] && !PyrtBytes_Check(a[1]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "a bytes-like object is required, not '%s'", a[1]->type->name);
    bool del[256] = { false };
    for (int64_t i = 0; a[1] && i < PyrtBytes_Len(a[1]); i++) del[PyrtBytes_Data(a[1])[i]] = true;
    const unsigned char *d = PyrtBytes_Data(self);
    int64_t n = PyrtBytes_Len(self), k = 0;
    PyrtObject *r = PyrtBytes_NewRaw(n);
    if (!r) return NULL;
    unsigned char *out = (unsigned char *)PyrtBytes_Data(r);
    for (int64_t i = 0; i < n; i++)
        if (!del[d[i]]) out[k++] = table ? PyrtBytes_Data(table)[d[i]] : d[i];
    if (k == n) return r;
    PyrtObject *s = PyrtBytes_FromData((const char *)out, k);
    PYRT_DECREF(r);
    return s;
}

PYRT_BYTES_METH(hex) {
    static const char *const names[] = { "sep", "bytes_per_sep" };
    PyrtObject *a[2];
    if (PyrtStr_ParseKwArgs("hex", args, nargs, kwnames, names, 2, a) < 0) return NULL;
    const char *sep = NULL;
    int64_t per = 1;
    if (a[0]) {
        if (!PyrtStr_Check(a[0]) || PyrtStr_Len(a[0]) != 1 || !((PyrtStr *)a[0])->ascii)
            return value_error("sep must be ASCII.");
        sep = PyrtStr_UTF8(a[0]);
    }
    if (a[1]) {
        per = PyrtStr_AsIndex(a[1]);
        if (Pyrt_ErrOccurred()) return NULL;
    }
    const unsigned char *d = PyrtBytes_Data(self);
    int64_t n = PyrtBytes_Len(self);
    int64_t group = per < 0 ? -per : per;
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    for (int64_t i = 0; i < n; i++) {
        /* separators count groups from the right when per > 0, from the left when per < 0 */
        if (sep && group > 0 && i > 0) {
            bool boundary = per > 0 ? ((n - i) % group == 0) : (i % group == 0);
            if (boundary && PyrtSB_Add(&sb, sep, 1) < 0) goto fail;
        }
        char h[2] = { "0123456789abcdef"[d[i] >> 4], "0123456789abcdef"[d[i] & 15] };
        if (PyrtSB_Add(&sb, h, 2) < 0) goto fail;
    }
    return PyrtSB_Finish(&sb);
fail:
    PyrtSB_Discard(&sb);
    return NULL;
}

PYRT_BYTES_METH(replace) {
    CHECK(PYRT_ARGS_CLINIC, 2, 3);
    if (!need_bytes(args[0]) || !need_bytes(args[1])) return NULL;
    int64_t count = -1;
    if (nargs == 3) {
        count = PyrtStr_AsIndex(args[2]);
        if (Pyrt_ErrOccurred()) return NULL;
        if (count < 0) count = -1;
    }
    const char *d = (const char *)PyrtBytes_Data(self), *old = (const char *)PyrtBytes_Data(args[0]);
    const char *new_ = (const char *)PyrtBytes_Data(args[1]);
    int64_t n = PyrtBytes_Len(self), on = PyrtBytes_Len(args[0]), nn = PyrtBytes_Len(args[1]);
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int64_t off = 0;
    int rc = 0;
    if (on == 0) {   /* insert new_ between the bytes */
        for (int64_t i = 0; i <= n && rc == 0; i++) {
            if (count-- != 0) rc = PyrtSB_Add(&sb, new_, nn);
            else { rc = PyrtSB_Add(&sb, d + i, n - i); off = n; break; }
            if (i < n && rc == 0) rc = PyrtSB_Add(&sb, d + i, 1);
        }
        off = n;
    }
    while (rc == 0 && on > 0 && count-- != 0) {
        int64_t pos = Pyrt_FindBytes(d + off, n - off, old, on);
        if (pos < 0) break;
        rc = PyrtSB_Add(&sb, d + off, pos);
        if (rc == 0) rc = PyrtSB_Add(&sb, new_, nn);
        off += pos + on;
    }
    if (rc == 0) rc = PyrtSB_Add(&sb, d + off, n - off);
    if (rc < 0) { PyrtSB_Discard(&sb); return NULL; }
    return PyrtSB_FinishBytes(&sb);
}

static PyrtObject *bcase(PyrtObject *self, bool upper) {
    int64_t n = PyrtBytes_Len(self);
    PyrtObject *r = PyrtBytes_NewRaw(n);
    if (!r) return NULL;
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = PyrtBytes_Data(self)[i];
        if (upper && c >= 'a' && c <= 'z') c -= 32;
        else if (!upper && c >= 'A' && c <= 'Z') c += 32;
        ((PyrtBytes *)r)->data[i] = c;
    }
    return r;
}

PYRT_BYTES_METH(upper) { CHECK(PYRT_ARGS_NOARGS, 0, 0); return bcase(self, true); }
PYRT_BYTES_METH(lower) { CHECK(PYRT_ARGS_NOARGS, 0, 0); return bcase(self, false); }

/* ================================================================== type slots */

static PyrtObject *bytes_richcompare(PyrtObject *a, PyrtObject *b, int op) {
    if (!PyrtBytes_Check(a) || !PyrtBytes_Check(b)) return Pyrt_NotImplemented;
    if (op == PYRT_EQ) return Pyrt_BoolFromC(PyrtBytes_Eq(a, b));
    if (op == PYRT_NE) return Pyrt_BoolFromC(!PyrtBytes_Eq(a, b));
    int c = PyrtBytes_Compare(a, b);
    bool r = op == PYRT_LT ? c < 0 : op == PYRT_LE ? c <= 0 : op == PYRT_GT ? c > 0 : c >= 0;
    return Pyrt_BoolFromC(r);
}

static bool defers_to(PyrtObject *o, const char *rname) {
    return (o->type->flags & PYRT_TPFLAG_USER) && Pyrt_LookupTypeStr(o->type, rname) != NULL;
}

static PyrtObject *bytes_binop(PyrtObject *a, PyrtObject *b, int op) {
    op &= ~PYRT_INPLACE;
    bool ba = PyrtBytes_Check(a), bb = PyrtBytes_Check(b);
    char msg[200];
    if (op == PYRT_ADD) {
        if (ba && bb) return PyrtBytes_Concat(a, b);
        if (!ba || defers_to(b, "__radd__")) return Pyrt_NotImplemented;
        Pyrt_Snprintf(msg, sizeof msg, "can't concat %s to bytes", b->type->name);
        return type_error(msg);
    }
    if (op == PYRT_MUL) {
        PyrtObject *s = ba ? a : b, *n = ba ? b : a;
        int64_t count;
        if (is_int(n)) return PyrtInt_AsCount(n, &count) < 0 ? NULL : PyrtBytes_Repeat(s, count);
        if (defers_to(n, ba ? "__rmul__" : "__mul__")) return Pyrt_NotImplemented;
        Pyrt_Snprintf(msg, sizeof msg, "can't multiply sequence by non-int of type '%s'", n->type->name);
        return type_error(msg);
    }
    return Pyrt_NotImplemented;
}

static int64_t bytes_len(PyrtObject *o) { return PyrtBytes_Len(o); }

static PyrtObject *bytes_getitem(PyrtObject *o, PyrtObject *key) {
    int64_t i;
    if (is_int(key)) return PyrtInt_AsIndexOrIndexError(key, &i) < 0 ? NULL : PyrtBytes_GetItem(o, i);
    if (key->type == &PyrtType_Slice) {
        PyrtSlice *sl = (PyrtSlice *)key;
        return PyrtBytes_Slice(o, sl->start, sl->stop, sl->step);
    }
    char msg[200];
    Pyrt_Snprintf(msg, sizeof msg, "byte indices must be integers or slices, not %s", key->type->name);
    return type_error(msg);
}

static int bytes_contains(PyrtObject *o, PyrtObject *item) {
    if (is_int(item)) {
        int64_t v = PyrtInt_AsClamped(item);
        if (v < 0 || v > 255) { value_error("byte must be in range(0, 256)"); return -1; }
        return memchr(PyrtBytes_Data(o), (int)v, (size_t)PyrtBytes_Len(o)) != NULL;
    }
    if (!need_bytes(item)) return -1;
    return Pyrt_FindBytes((const char *)PyrtBytes_Data(o), PyrtBytes_Len(o),
                          (const char *)PyrtBytes_Data(item), PyrtBytes_Len(item)) >= 0;
}

static int bytes_bool(PyrtObject *o) { return PyrtBytes_Len(o) != 0; }

static const PyrtMethodDef bytes_methods[] = {
    { "decode", PyrtBytes_meth_decode }, { "split", PyrtBytes_meth_split },
    { "rsplit", PyrtBytes_meth_rsplit }, { "strip", PyrtBytes_meth_strip },
    { "lstrip", PyrtBytes_meth_lstrip }, { "rstrip", PyrtBytes_meth_rstrip },
    { "startswith", PyrtBytes_meth_startswith }, { "endswith", PyrtBytes_meth_endswith },
    { "find", PyrtBytes_meth_find }, { "rfind", PyrtBytes_meth_rfind },
    { "index", PyrtBytes_meth_index }, { "rindex", PyrtBytes_meth_rindex },
    { "count", PyrtBytes_meth_count }, { "join", PyrtBytes_meth_join },
    { "hex", PyrtBytes_meth_hex }, { "replace", PyrtBytes_meth_replace },
    { "upper", PyrtBytes_meth_upper }, { "lower", PyrtBytes_meth_lower },
    { "translate", bytes_meth_translate },
    { NULL, NULL }
};

PyrtType PyrtType_Bytes = {
    .ob = PYRT_TYPE_HEAD,
    .name = "bytes",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtBytes),
    .flags = PYRT_TPFLAG_NOPOOL,
    /* the other slots: set by PyrtBytes_NewRaw (bytes_install_slots) */
};

static void bytes_install_slots(void) {
    PyrtType_Bytes.repr = PyrtBytes_Repr;
    PyrtType_Bytes.hash = PyrtBytes_Hash;
    PyrtType_Bytes.richcompare = bytes_richcompare;
    PyrtType_Bytes.iter = bytes_iter;
    PyrtType_Bytes.len = bytes_len;
    PyrtType_Bytes.getitem = bytes_getitem;
    PyrtType_Bytes.contains = bytes_contains;
    PyrtType_Bytes.bool_ = bytes_bool;
}

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_bytes(void)
{
    PyrtType_Bytes.methods = bytes_methods;
}
void pyrt_lazy_binop_bytes(void)
{
    PyrtType_Bytes.binop = bytes_binop;
}
void pyrt_lazy_tp_new_bytes(void)
{
    PyrtType_Bytes.tp_new = PyrtBytes_New;
}
