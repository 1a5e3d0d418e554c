/* str.c: the str type. Strings are immutable UTF-8 with code point semantics (PyrtStr in pyrt.h):
 * length counts code points and ASCII-only strings index in O(1); other strings find a code point's
 * byte offset by scanning (helped by a one-entry cache for sequential indexing). This file holds
 * UTF-8 helpers, Unicode property lookups over the generated tables of unicode_db.c, the string
 * builder shared with format.c and bytes.c, construction (literals, chr, the 1-char cache),
 * the core operations (concat, repeat, index, slice, compare, hash, contains, join, repr), the str
 * iterator type, argument-checking helpers for builtin methods, every str method, the str()
 * constructor and the PyrtType_Str descriptor. %-formatting and format specs live in format.c. */
#include "pyrt.h"
#include <stdio.h>
#include <stdlib.h>

/* ================================================================== UTF-8 */

int Pyrt_Utf8Decode(const char *p, uint32_t *cp) {
    const unsigned char *s = (const unsigned char *)p;
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    if (s[0] < 0xE0) { *cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F); return 2; }
    if (s[0] < 0xF0) {
        *cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
          ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
}

int Pyrt_Utf8Encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { o[0] = 0xC0 | (cp >> 6); o[1] = 0x80 | (cp & 0x3F); return 2; }
    if (cp < 0x10000) {
        o[0] = 0xE0 | (cp >> 12); o[1] = 0x80 | ((cp >> 6) & 0x3F); o[2] = 0x80 | (cp & 0x3F);
        return 3;
    }
    o[0] = 0xF0 | (cp >> 18); o[1] = 0x80 | ((cp >> 12) & 0x3F);
    o[2] = 0x80 | ((cp >> 6) & 0x3F); o[3] = 0x80 | (cp & 0x3F);
    return 4;
}

static inline int utf8_seq_len(unsigned char b) {
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

int64_t Pyrt_Utf8Count(const char *s, int64_t n) {
    int64_t count = 0;
    for (int64_t i = 0; i < n; i++) count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

static bool all_ascii(const char *s, int64_t n) {
    for (int64_t i = 0; i < n; i++) if ((unsigned char)s[i] >= 0x80) return false;
    return true;
}

/* ================================================================== Unicode properties */

uint32_t Pyrt_UcdFlags(uint32_t cp) {
    int32_t lo = 0, hi = pyrt_ucd_nruns - 1;
    while (lo < hi) {   /* last run whose start <= cp */
        int32_t mid = (lo + hi + 1) / 2;
        if (pyrt_ucd_run_start[mid] <= cp) lo = mid; else hi = mid - 1;
    }
    return pyrt_ucd_run_flags[lo];
}

/* Index of the last entry <= cp in a sorted table, or -1. */
static int32_t last_le(const uint32_t *table, int32_t n, uint32_t cp) {
    int32_t lo = -1, hi = n - 1;
    while (lo < hi) {
        int32_t mid = (lo + hi + 1) / 2;
        if (table[mid] <= cp) lo = mid; else hi = mid - 1;
    }
    return lo;
}

bool Pyrt_UcdIsPrintable(uint32_t cp) {
    if (cp < 128) return cp >= 0x20 && cp < 0x7F;
    if (cp > 0x10FFFF) return false;
    /* toggles start "not printable" at 0: an odd count of toggles <= cp means printable; the
     * table holds each plane's toggles as 16-bit offsets */
    int32_t plane = (int32_t)(cp >> 16), lo = pyrt_ucd_printable_plane_start[plane] - 1;
    int32_t hi = pyrt_ucd_printable_plane_start[plane + 1] - 1;
    uint16_t low = (uint16_t)(cp & 0xFFFF);
    while (lo < hi) {   /* last entry of the plane <= low (lo stays at the previous plane's last) */
        int32_t mid = (lo + hi + 1) / 2;
        if (pyrt_ucd_printable_toggles[mid] <= low) lo = mid; else hi = mid - 1;
    }
    return (lo & 1) == 0;
}

int Pyrt_UcdDecimal(uint32_t cp) {
    if (cp < 128) return (cp >= '0' && cp <= '9') ? (int)(cp - '0') : -1;
    if (!(Pyrt_UcdFlags(cp) & PYRT_UCD_DECIMAL)) return -1;
    int32_t i = last_le(pyrt_ucd_decimal_zeros, pyrt_ucd_ndecimal_zeros, cp);
    return i < 0 ? -1 : (int)(cp - pyrt_ucd_decimal_zeros[i]);
}

static inline bool ascii_space(uint32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
}

bool Pyrt_UcdIsSpace(uint32_t cp) {
    if (cp < 128) return ascii_space(cp);
    return (Pyrt_UcdFlags(cp) & PYRT_UCD_SPACE) != 0;
}

static int32_t case_field(uint32_t cp, int which) {
    int32_t lo = -1, hi = pyrt_ucd_ncase_runs - 1;
    while (lo < hi) {
        int32_t mid = (lo + hi + 1) / 2;
        if (pyrt_ucd_case_runs[mid].start <= cp) lo = mid; else hi = mid - 1;
    }
    if (lo < 0) return 0;
    const PyrtCaseRun *r = &pyrt_ucd_case_runs[lo];
    if (cp >= r->start + r->len) return 0;
    uint16_t rec = ((cp - r->start) & 1) ? r->rec_odd : r->rec_even;
    return pyrt_ucd_case_records[rec][which];
}

int Pyrt_UcdCaseMap(uint32_t cp, int which, uint32_t out[3]) {
    if (cp < 128) {
        if ((which == PYRT_CASE_UPPER || which == PYRT_CASE_TITLE) && cp >= 'a' && cp <= 'z') cp -= 32;
        else if ((which == PYRT_CASE_LOWER || which == PYRT_CASE_FOLD) && cp >= 'A' && cp <= 'Z') cp += 32;
        out[0] = cp;
        return 1;
    }
    int32_t f = case_field(cp, which);
    if (f < 0x40000000) { out[0] = (uint32_t)((int32_t)cp + f); return 1; }
    const char *sp = pyrt_ucd_specials[f - 0x40000000];
    int n = 0;
    while (*sp && n < 3) sp += Pyrt_Utf8Decode(sp, &out[n++]);
    return n;
}

/* ================================================================== string builder */

void PyrtSB_Init(PyrtStrBuilder *sb) {
    sb->buf = sb->small;
    sb->len = 0;
    sb->cap = (int64_t)sizeof(sb->small);
}

char *PyrtSB_Reserve(PyrtStrBuilder *sb, int64_t n) {
    if (sb->len + n <= sb->cap) return sb->buf + sb->len;
    int64_t cap = sb->cap * 2;
    if (cap < sb->len + n) cap = sb->len + n;
    if (cap > (int64_t)(SIZE_MAX / 2)) { Pyrt_ErrSetNone(&PyrtType_MemoryError); return NULL; }
    char *nb;
    if (sb->buf == sb->small) {
        nb = Pyrt_Malloc((size_t)cap);
        if (nb) memcpy(nb, sb->small, (size_t)sb->len);
    } else {
        nb = Pyrt_Realloc(sb->buf, (size_t)cap);
    }
    if (!nb) return NULL;
    sb->buf = nb;
    sb->cap = cap;
    return nb + sb->len;
}

int PyrtSB_Add(PyrtStrBuilder *sb, const char *s, int64_t n) {
    if (n <= 0) return 0;
    char *p = PyrtSB_Reserve(sb, n);
    if (!p) return -1;
    memcpy(p, s, (size_t)n);
    sb->len += n;
    return 0;
}

int PyrtSB_AddStr(PyrtStrBuilder *sb, PyrtObject *s) {
    return PyrtSB_Add(sb, ((PyrtStr *)s)->data, ((PyrtStr *)s)->nbytes);
}

int PyrtSB_AddCStr(PyrtStrBuilder *sb, const char *s) { return PyrtSB_Add(sb, s, (int64_t)strlen(s)); }

int PyrtSB_AddCP(PyrtStrBuilder *sb, uint32_t cp) {
    char *p = PyrtSB_Reserve(sb, 4);
    if (!p) return -1;
    sb->len += Pyrt_Utf8Encode(cp, p);
    return 0;
}

int PyrtSB_AddRepeat(PyrtStrBuilder *sb, uint32_t cp, int64_t n) {
    if (n <= 0) return 0;
    char enc[4];
    int k = Pyrt_Utf8Encode(cp, enc);
    char *p = PyrtSB_Reserve(sb, n * k);
    if (!p) return -1;
    if (k == 1) memset(p, enc[0], (size_t)n);
    else for (int64_t i = 0; i < n; i++) memcpy(p + i * k, enc, (size_t)k);
    sb->len += n * k;
    return 0;
}

void PyrtSB_Discard(PyrtStrBuilder *sb) {
    if (sb->buf != sb->small) Pyrt_Free(sb->buf);
    PyrtSB_Init(sb);
}

PyrtObject *PyrtSB_Finish(PyrtStrBuilder *sb) {
    PyrtObject *r = PyrtStr_FromUTF8(sb->buf, sb->len);
    PyrtSB_Discard(sb);
    return r;
}

PyrtObject *PyrtSB_FinishBytes(PyrtStrBuilder *sb) {
    PyrtObject *r = PyrtBytes_FromData(sb->buf, sb->len);
    PyrtSB_Discard(sb);
    return r;
}

/* ================================================================== allocation and constants */

/* Statically allocated strings: '' and the 128 one-character ASCII strings (PyrtStrStatic, pyrt_str.h) */
_Static_assert(offsetof(PyrtStrStatic, data) == offsetof(PyrtStr, data), "static str layout");

/* filled in by pyrt_str_init (from Pyrt_Init): 6 KB of zeros cost nothing in a .wasm, initialized
 * data does */
PyrtStrStatic pyrt_ascii_chars[128];   /* (generated code indexes it inline) */
#define ascii_chars pyrt_ascii_chars

void pyrt_str_init(void) {
    for (int c = 0; c < 128; c++)
        ascii_chars[c] = (PyrtStrStatic){ PYRT_HEAD_INIT(&PyrtType_Str), 1, 1, -1, 1, { (char)c, 0 } };
}
static PyrtStrStatic empty_str = { PYRT_HEAD_INIT(&PyrtType_Str), 0, 0, 0, 1, { 0, 0 } };

PyrtObject *PyrtStr_Empty(void) { return (PyrtObject *)&empty_str; }

static PyrtObject *ascii_char(unsigned char c) { return (PyrtObject *)&ascii_chars[c]; }

#define STR_MAX_BYTES ((int64_t)(SIZE_MAX / 2) - 256)

PyrtObject *PyrtStr_NewRaw(int64_t nbytes, int64_t length, bool ascii) {
    if (nbytes == 0) return PyrtStr_Empty();
    if (nbytes < 0 || nbytes > STR_MAX_BYTES) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
    PyrtStr *s = (PyrtStr *)Pyrt_Alloc(&PyrtType_Str, sizeof(PyrtStr) + (size_t)nbytes + 1);
    if (!s) return NULL;
    s->length = length;
    s->nbytes = nbytes;
    s->hash = -1;
    s->ascii = ascii;
    s->data[nbytes] = 0;
    return (PyrtObject *)s;
}

PyrtObject *PyrtStr_FromUTF8(const char *s, int64_t nbytes) {
    if (nbytes == 0) return PyrtStr_Empty();
    if (nbytes == 1 && (unsigned char)s[0] < 128) return ascii_char((unsigned char)s[0]);
    bool ascii = all_ascii(s, nbytes);
    PyrtObject *r = PyrtStr_NewRaw(nbytes, ascii ? nbytes : Pyrt_Utf8Count(s, nbytes), ascii);
    if (r) memcpy(((PyrtStr *)r)->data, s, (size_t)nbytes);
    return r;
}

PyrtObject *PyrtStr_FromCString(const char *s) { return PyrtStr_FromUTF8(s, (int64_t)strlen(s)); }

/* The str constants of a program split into several C units (codegen/emit_module.py), one object per
 * value (as CPython's interned code constants): each unit has its own constant table, and `"x" is "x"`
 * across modules must not depend on that. (One unit dedups its constants at compile time: a hello
 * world does not link this.) Open addressing on the FNV-1a hash of the UTF-8 bytes. */
static PyrtObject **const_table;
static uint64_t const_cap, const_count;

static uint64_t const_hash(const char *s, int64_t n) {
    uint64_t h = 1469598103934665603ull;
    for (int64_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static int const_grow(void) {
    uint64_t cap = const_cap ? const_cap * 2 : 256;
    PyrtObject **t = (PyrtObject **)Pyrt_Malloc((size_t)cap * sizeof(PyrtObject *));
    if (t == NULL) return -1;
    memset(t, 0, (size_t)cap * sizeof(PyrtObject *));
    for (uint64_t i = 0; i < const_cap; i++) {
        PyrtStr *o = (PyrtStr *)const_table[i];
        if (o == NULL) continue;
        uint64_t j = const_hash(o->data, o->nbytes) & (cap - 1);
        while (t[j] != NULL) j = (j + 1) & (cap - 1);
        t[j] = (PyrtObject *)o;
    }
    if (const_table) Pyrt_Free(const_table);
    const_table = t;
    const_cap = cap;
    return 0;
}

PyrtObject *PyrtStr_Constant(const char *s, int64_t nbytes) {
    PyrtObject *r = PyrtStr_FromUTF8(s, nbytes);
    return r ? Pyrt_MakeImmortal(r) : NULL;
}

/* a constant of a program built in several units (one table, so one object per value) */
PyrtObject *PyrtStr_ConstantShared(const char *s, int64_t nbytes) {
    if ((const_count + 1) * 2 > const_cap && const_grow() < 0) return NULL;
    uint64_t j = const_hash(s, nbytes) & (const_cap - 1);
    for (PyrtStr *o; (o = (PyrtStr *)const_table[j]) != NULL; j = (j + 1) & (const_cap - 1))
        if (o->nbytes == nbytes && memcmp(o->data, s, (size_t)nbytes) == 0) return (PyrtObject *)o;
    PyrtObject *r = PyrtStr_FromUTF8(s, nbytes);
    if (r == NULL) return NULL;
    Pyrt_MakeImmortal(r);
    const_table[j] = r;
    const_count++;
    return r;
}

PyrtObject *PyrtStr_FromCodePoint(uint32_t cp) {
    if (cp < 128) return ascii_char((unsigned char)cp);
    char buf[4];
    int n = Pyrt_Utf8Encode(cp, buf);
    PyrtObject *r = PyrtStr_NewRaw(n, 1, false);
    if (r) memcpy(((PyrtStr *)r)->data, buf, (size_t)n);
    return r;
}

PyrtObject *PyrtStr_Chr(int64_t cp) {
    if (cp < 0 || cp > 0x10FFFF)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "chr() arg not in range(0x110000)");
    return PyrtStr_FromCodePoint((uint32_t)cp);
}

int64_t PyrtStr_Ord(PyrtObject *s) {
    char msg[160];
    if (!PyrtStr_Check(s)) {
        Pyrt_Snprintf(msg, sizeof msg, "ord() expected string of length 1, but %s found", s->type->name);
        Pyrt_ErrSetString(&PyrtType_TypeError, msg);
        return -1;
    }
    if (PyrtStr_Len(s) != 1) {
        Pyrt_Snprintf(msg, sizeof msg, "ord() expected a character, but string of length %lld found",
                 (long long)PyrtStr_Len(s));
        Pyrt_ErrSetString(&PyrtType_TypeError, msg);
        return -1;
    }
    uint32_t cp;
    Pyrt_Utf8Decode(PyrtStr_UTF8(s), &cp);
    return cp;
}

/* ================================================================== indexing */

/* One-entry cache of (string, code point index, byte offset) so that s[i], s[i+1], ... on a
 * non-ASCII string scan from the previous position instead of from the start. Cleared when the
 * string is freed. */
static PyrtStr *off_cache_str;
static int64_t off_cache_idx, off_cache_off;

static int64_t scan_forward(const char *d, int64_t off, int64_t count) {
    while (count-- > 0) off += utf8_seq_len((unsigned char)d[off]);
    return off;
}

static int64_t scan_backward(const char *d, int64_t off, int64_t count) {
    while (count-- > 0) {
        off--;
        while (((unsigned char)d[off] & 0xC0) == 0x80) off--;
    }
    return off;
}

int64_t PyrtStr_Offset(PyrtObject *o, int64_t i) {
    PyrtStr *s = (PyrtStr *)o;
    if (s->ascii) return i;
    if (i == s->length) return s->nbytes;
    /* candidates: start, end, cached point; scan from the nearest */
    int64_t base_i = 0, base_off = 0;
    if (s->length - i < i) { base_i = s->length; base_off = s->nbytes; }
    if (off_cache_str == s) {
        int64_t dc = off_cache_idx > i ? off_cache_idx - i : i - off_cache_idx;
        int64_t db = base_i > i ? base_i - i : i - base_i;
        if (dc < db) { base_i = off_cache_idx; base_off = off_cache_off; }
    }
    int64_t off = i >= base_i ? scan_forward(s->data, base_off, i - base_i)
                              : scan_backward(s->data, base_off, base_i - i);
    off_cache_str = s;
    off_cache_idx = i;
    off_cache_off = off;
    return off;
}

PyrtObject *PyrtStr_Substring(PyrtObject *o, int64_t start, int64_t stop) {
    PyrtStr *s = (PyrtStr *)o;
    if (start >= stop) return PyrtStr_Empty();
    if (start == 0 && stop == s->length && s->ob.type == &PyrtType_Str) { PYRT_INCREF(o); return o; }
    int64_t b0 = PyrtStr_Offset(o, start);
    int64_t b1 = s->ascii ? stop : scan_forward(s->data, b0, stop - start);
    if (stop - start == 1 && b1 - b0 == 1) return ascii_char((unsigned char)s->data[b0]);
    bool ascii = s->ascii || all_ascii(s->data + b0, b1 - b0);
    PyrtObject *r = PyrtStr_NewRaw(b1 - b0, stop - start, ascii);
    if (r) memcpy(((PyrtStr *)r)->data, s->data + b0, (size_t)(b1 - b0));
    return r;
}

PyrtObject *PyrtStr_GetItem(PyrtObject *o, int64_t i) {
    PyrtStr *s = (PyrtStr *)o;
    if (i < 0) i += s->length;
    if (i < 0 || i >= s->length)
        return Pyrt_ErrSetString(&PyrtType_IndexError, "string index out of range");
    if (s->ascii) return ascii_char((unsigned char)s->data[i]);
    int64_t off = PyrtStr_Offset(o, i);
    int n = utf8_seq_len((unsigned char)s->data[off]);
    if (n == 1) return ascii_char((unsigned char)s->data[off]);
    PyrtObject *r = PyrtStr_NewRaw(n, 1, false);
    if (r) memcpy(((PyrtStr *)r)->data, s->data + off, (size_t)n);
    return r;
}

PyrtObject *PyrtStr_CallUserDunder(PyrtObject *o, const char *name, bool *found) {
    *found = (o->type->flags & PYRT_TPFLAG_USER) && Pyrt_LookupTypeStr(o->type, name) != NULL;
    if (!*found) return NULL;
    PyrtObject *n = PyrtStr_FromCString(name);
    if (!n) return NULL;
    PyrtObject *r = pyrt_user_call_method(o, n, NULL, 0, NULL);   /* set: o's class is a user class */
    PYRT_DECREF(n);
    return r;
}

/* int(o) through a user class's __index__ (or __int__ too when allow_int): 0 if not defined */
int PyrtStr_UserIndex(PyrtObject *o, bool allow_int, int64_t *out) {
    bool found;
    const char *name = "__index__";
    PyrtObject *r = PyrtStr_CallUserDunder(o, name, &found);
    if (!found && allow_int) r = PyrtStr_CallUserDunder(o, name = "__int__", &found);
    if (!found) return 0;
    if (!r) return -1;
    if (!(r->type->flags & PYRT_TPFLAG_INT)) {
        char msg[200];
        Pyrt_Snprintf(msg, sizeof msg, "%s returned non-int (type %s)", name, r->type->name);
        PYRT_DECREF(r);
        Pyrt_ErrSetString(&PyrtType_TypeError, msg);
        return -1;
    }
    if (PyrtInt_IsBig(r)) {
        PYRT_DECREF(r);
        Pyrt_ErrSetString(&PyrtType_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    *out = PyrtInt_AsI64(r);
    PYRT_DECREF(r);
    return 1;
}

int64_t PyrtStr_AsIndex(PyrtObject *o) {
    int64_t v;
    if (o->type == &PyrtType_Int || o->type == &PyrtType_Bool || (o->type->flags & PYRT_TPFLAG_INT))
        return PyrtInt_AsSsize(o, &v) < 0 ? -1 : v;
    int rc = PyrtStr_UserIndex(o, false, &v);
    if (rc) return rc < 0 ? -1 : v;
    char msg[200];
    Pyrt_Snprintf(msg, sizeof msg, "'%s' object cannot be interpreted as an integer", o->type->name);
    Pyrt_ErrSetString(&PyrtType_TypeError, msg);
    return -1;
}

static bool is_int(PyrtObject *o) {
    return o->type == &PyrtType_Int || o->type == &PyrtType_Bool || (o->type->flags & PYRT_TPFLAG_INT);
}

/* A slice bound: NULL/None = omitted (returns 0 with *given false). */
static int slice_bound(PyrtObject *o, int64_t *v, bool *given) {
    *given = false;
    if (!o || o == Pyrt_None) return 0;
    *given = true;
    if (is_int(o)) { *v = PyrtInt_AsClamped(o); return 0; }
    int rc = PyrtStr_UserIndex(o, false, v);
    if (rc) return rc < 0 ? -1 : 0;
    Pyrt_ErrSetString(&PyrtType_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

int PyrtStr_SliceIndices(PyrtObject *start, PyrtObject *stop, PyrtObject *step, int64_t length,
                         int64_t *rstart, int64_t *rstop, int64_t *rstep, int64_t *rlen) {
    int64_t a = 0, b = 0, st = 1;
    bool ha, hb, hs;
    if (slice_bound(step, &st, &hs) < 0 || slice_bound(start, &a, &ha) < 0 ||
        slice_bound(stop, &b, &hb) < 0)
        return -1;
    if (hs && st == 0) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "slice step cannot be zero");
        return -1;
    }
    if (st < -INT64_MAX) st = -INT64_MAX;
    if (!ha) a = st < 0 ? length - 1 : 0;
    else if (a < 0) { a += length; if (a < 0) a = st < 0 ? -1 : 0; }
    else if (a >= length) a = st < 0 ? length - 1 : length;
    if (!hb) b = st < 0 ? -1 : length;
    else if (b < 0) { b += length; if (b < 0) b = st < 0 ? -1 : 0; }
    else if (b >= length) b = st < 0 ? length - 1 : length;
    int64_t n = 0;
    if (st < 0) { if (b < a) n = (a - b - 1) / (-st) + 1; }
    else if (a < b) n = (b - a - 1) / st + 1;
    *rstart = a; *rstop = b; *rstep = st; *rlen = n;
    return 0;
}

int PyrtStr_ParseStartEnd(PyrtObject *start, PyrtObject *end, int64_t length, int64_t *rstart,
                          int64_t *rend) {
    int64_t a = 0, b = length;
    bool ha, hb;
    if (slice_bound(start, &a, &ha) < 0 || slice_bound(end, &b, &hb) < 0) return -1;
    if (!hb) b = length;
    if (b > length) b = length;
    else if (b < 0) { b += length; if (b < 0) b = 0; }
    if (a < 0) { a += length; if (a < 0) a = 0; }
    *rstart = a;
    *rend = b;
    return 0;
}

PyrtObject *PyrtStr_Slice(PyrtObject *o, PyrtObject *start, PyrtObject *stop, PyrtObject *step) {
    PyrtStr *s = (PyrtStr *)o;
    int64_t a, b, st, n;
    if (PyrtStr_SliceIndices(start, stop, step, s->length, &a, &b, &st, &n) < 0) return NULL;
    if (st == 1) return PyrtStr_Substring(o, a, a + n);
    if (n <= 0) return PyrtStr_Empty();
    if (s->ascii) {
        PyrtObject *r = PyrtStr_NewRaw(n, n, true);
        if (!r) return NULL;
        for (int64_t k = 0; k < n; k++) ((PyrtStr *)r)->data[k] = s->data[a + k * st];
        if (n == 1) { PyrtObject *c = ascii_char((unsigned char)((PyrtStr *)r)->data[0]); PYRT_DECREF(r); return c; }
        return r;
    }
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int64_t off = PyrtStr_Offset(o, a);
    for (int64_t k = 0; k < n; k++) {
        int len = utf8_seq_len((unsigned char)s->data[off]);
        if (PyrtSB_Add(&sb, s->data + off, len) < 0) { PyrtSB_Discard(&sb); return NULL; }
        if (k + 1 < n) off = st > 0 ? scan_forward(s->data, off, st) : scan_backward(s->data, off, -st);
    }
    return PyrtSB_Finish(&sb);
}

/* ================================================================== concat, repeat, compare, hash */

PyrtObject *PyrtStr_Concat(PyrtObject *a, PyrtObject *b) {
    PyrtStr *x = (PyrtStr *)a, *y = (PyrtStr *)b;
    if (y->nbytes == 0 && x->ob.type == &PyrtType_Str) { PYRT_INCREF(a); return a; }
    if (x->nbytes == 0 && y->ob.type == &PyrtType_Str) { PYRT_INCREF(b); return b; }
    if (x->nbytes > STR_MAX_BYTES - y->nbytes) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
    PyrtObject *r = PyrtStr_NewRaw(x->nbytes + y->nbytes, x->length + y->length, x->ascii && y->ascii);
    if (!r) return NULL;
    memcpy(((PyrtStr *)r)->data, x->data, (size_t)x->nbytes);
    memcpy(((PyrtStr *)r)->data + x->nbytes, y->data, (size_t)y->nbytes);
    return r;
}

PyrtObject *PyrtStr_ConcatArray(PyrtObject *const *parts, int64_t n) {
    int64_t nbytes = 0, length = 0;
    bool ascii = true;
    for (int64_t i = 0; i < n; i++) {
        PyrtStr *p = (PyrtStr *)parts[i];
        if (p->nbytes > STR_MAX_BYTES - nbytes) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
        nbytes += p->nbytes;
        length += p->length;
        ascii = ascii && p->ascii;
    }
    if (nbytes == 1 && ascii) {   /* the shared one-character strings */
        for (int64_t i = 0; i < n; i++)
            if (((PyrtStr *)parts[i])->nbytes) return PyrtStr_FromUTF8(((PyrtStr *)parts[i])->data, 1);
    }
    PyrtObject *r = PyrtStr_NewRaw(nbytes, length, ascii);
    if (!r || nbytes == 0) return r;
    char *d = ((PyrtStr *)r)->data;
    for (int64_t i = 0; i < n; i++) {
        PyrtStr *p = (PyrtStr *)parts[i];
        memcpy(d, p->data, (size_t)p->nbytes);
        d += p->nbytes;
    }
    return r;
}

PyrtObject *PyrtStr_FormatChar(int64_t cp) {
    if (cp < 0 || cp > 0x10FFFF)
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "%c arg not in range(0x110000)");
    return PyrtStr_FromCodePoint((uint32_t)cp);
}

PyrtObject *PyrtStr_Repeat(PyrtObject *a, int64_t n) {
    PyrtStr *x = (PyrtStr *)a;
    if (n <= 0 || x->nbytes == 0) return PyrtStr_Empty();
    if (n == 1 && x->ob.type == &PyrtType_Str) { PYRT_INCREF(a); return a; }
    if (x->nbytes > INT64_MAX / n)
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "repeated string is too long");
    int64_t total = x->nbytes * n;
    PyrtObject *r = PyrtStr_NewRaw(total, x->length * n, x->ascii);
    if (!r) return NULL;
    char *d = ((PyrtStr *)r)->data;
    if (x->nbytes == 1) {
        memset(d, x->data[0], (size_t)total);
        return r;
    }
    memcpy(d, x->data, (size_t)x->nbytes);
    int64_t done = x->nbytes;
    while (done < total) {   /* doubling copy */
        int64_t chunk = done < total - done ? done : total - done;
        memcpy(d + done, d, (size_t)chunk);
        done += chunk;
    }
    return r;
}

/* memcmp by 8-byte words (the libc memcmp linked by zig compares byte by byte); returns <0, 0, >0.
 * Words are compared after a byte swap, which gives memcmp order on little-endian targets. */
static int words_cmp(const char *a, const char *b, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y) {
            x = __builtin_bswap64(x);
            y = __builtin_bswap64(y);
            return x < y ? -1 : 1;
        }
    }
    for (; i < n; i++)
        if (a[i] != b[i])
            return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
    return 0;
}

bool PyrtStr_Eq(PyrtObject *a, PyrtObject *b) {
    if (a == b) return true;
    PyrtStr *x = (PyrtStr *)a, *y = (PyrtStr *)b;
    if (x->nbytes != y->nbytes) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    return words_cmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

int PyrtStr_Compare(PyrtObject *a, PyrtObject *b) {
    /* UTF-8 byte order is code point order */
    PyrtStr *x = (PyrtStr *)a, *y = (PyrtStr *)b;
    int64_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
    int c = words_cmp(x->data, y->data, (size_t)n);
    if (c) return c;
    return x->nbytes < y->nbytes ? -1 : x->nbytes > y->nbytes ? 1 : 0;
}

/* SipHash-1-3 with a zero key: CPython's string hash when PYTHONHASHSEED=0, so hash() values and
 * set/dict orders of strings match such a CPython run. Reads 8-byte words little-endian (every
 * target we build for is little-endian). */
static inline uint64_t rotl64(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }
#define SIPROUND do { \
    v0 += v1; v1 = rotl64(v1, 13); v1 ^= v0; v0 = rotl64(v0, 32); \
    v2 += v3; v3 = rotl64(v3, 16); v3 ^= v2; \
    v0 += v3; v3 = rotl64(v3, 21); v3 ^= v0; \
    v2 += v1; v1 = rotl64(v1, 17); v1 ^= v2; v2 = rotl64(v2, 32); } while (0)

static uint64_t siphash13(const unsigned char *p, size_t n) {
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    uint64_t b = (uint64_t)n << 56;
    while (n >= 8) {
        uint64_t m;
        memcpy(&m, p, 8);
        v3 ^= m; SIPROUND; v0 ^= m;
        p += 8; n -= 8;
    }
    uint64_t t = 0;
    for (size_t i = 0; i < n; i++) t |= (uint64_t)p[i] << (8 * i);
    b |= t;
    v3 ^= b; SIPROUND; v0 ^= b;
    v2 ^= 0xff;
    SIPROUND; SIPROUND; SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

int64_t Pyrt_HashBytes(const void *data, int64_t n) {
    if (n == 0) return 0;
    int64_t h = (int64_t)siphash13((const unsigned char *)data, (size_t)n);
    return h == -1 ? -2 : h;
}

/* CPython hashes the UCS1/UCS2/UCS4 form of the string: rebuild it for non-ASCII strings. */
static int64_t hash_non_ascii(PyrtStr *s) {
    uint32_t maxc = 0, cp;
    for (int64_t off = 0; off < s->nbytes;) {
        off += Pyrt_Utf8Decode(s->data + off, &cp);
        if (cp > maxc) maxc = cp;
    }
    int kind = maxc < 256 ? 1 : maxc < 65536 ? 2 : 4;
    size_t size = (size_t)s->length * kind;
    unsigned char stackbuf[512];
    unsigned char *buf = size <= sizeof stackbuf ? stackbuf : Pyrt_Malloc(size);
    if (!buf) return -1;
    int64_t i = 0;
    for (int64_t off = 0; off < s->nbytes; i++) {
        off += Pyrt_Utf8Decode(s->data + off, &cp);
        for (int k = 0; k < kind; k++) buf[i * kind + k] = (unsigned char)(cp >> (8 * k));
    }
    int64_t h = Pyrt_HashBytes(buf, (int64_t)size);
    if (buf != stackbuf) Pyrt_Free(buf);
    return h;
}

int64_t PyrtStr_Hash(PyrtObject *o) {
    PyrtStr *s = (PyrtStr *)o;
    if (s->hash != -1) return s->hash;
    int64_t h = s->ascii ? Pyrt_HashBytes(s->data, s->nbytes) : hash_non_ascii(s);
    if (h != -1) s->hash = h;
    return h;
}

/* ================================================================== search */

int64_t Pyrt_FindBytes(const char *hay, int64_t hn, const char *needle, int64_t nn) {
    if (nn == 0) return 0;
    if (nn > hn) return -1;
    const char *end = hay + hn - nn + 1, *p = hay;
    while (p < end) {
        p = memchr(p, needle[0], (size_t)(end - p));
        if (!p) return -1;
        if (memcmp(p, needle, (size_t)nn) == 0) return p - hay;
        p++;
    }
    return -1;
}

int64_t Pyrt_RFindBytes(const char *hay, int64_t hn, const char *needle, int64_t nn) {
    if (nn > hn) return -1;
    for (int64_t i = hn - nn; i >= 0; i--)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, (size_t)nn) == 0) return i;
    return -1;
}

int PyrtStr_Contains(PyrtObject *s, PyrtObject *sub) {
    if (!PyrtStr_Check(sub)) {
        char msg[200];
        Pyrt_Snprintf(msg, sizeof msg, "'in <string>' requires string as left operand, not %s",
                 sub->type->name);
        Pyrt_ErrSetString(&PyrtType_TypeError, msg);
        return -1;
    }
    PyrtStr *x = (PyrtStr *)s, *y = (PyrtStr *)sub;
    return Pyrt_FindBytes(x->data, x->nbytes, y->data, y->nbytes) >= 0;
}

/* ================================================================== join */

static PyrtObject *join_items(PyrtObject *sep, PyrtObject *const *items, int64_t n) {
    PyrtStr *s = (PyrtStr *)sep;
    int64_t total = 0, length = 0;
    bool ascii = s->ascii;
    for (int64_t i = 0; i < n; i++) {
        if (!PyrtStr_Check(items[i])) {
            char msg[200];
            Pyrt_Snprintf(msg, sizeof msg, "sequence item %lld: expected str instance, %s found",
                     (long long)i, items[i]->type->name);
            return Pyrt_ErrSetString(&PyrtType_TypeError, msg);
        }
        PyrtStr *it = (PyrtStr *)items[i];
        total += it->nbytes;
        length += it->length;
        ascii = ascii && it->ascii;
        if (total > STR_MAX_BYTES) return Pyrt_ErrSetNone(&PyrtType_MemoryError);
    }
    if (n == 1 && items[0]->type == &PyrtType_Str) { PYRT_INCREF(items[0]); return items[0]; }
    if (n > 1) { total += s->nbytes * (n - 1); length += s->length * (n - 1); }
    PyrtObject *r = PyrtStr_NewRaw(total, length, ascii);
    if (!r || total == 0) return r;
    char *d = ((PyrtStr *)r)->data;
    for (int64_t i = 0; i < n; i++) {
        PyrtStr *it = (PyrtStr *)items[i];
        if (i > 0) { memcpy(d, s->data, (size_t)s->nbytes); d += s->nbytes; }
        memcpy(d, it->data, (size_t)it->nbytes);
        d += it->nbytes;
    }
    return r;
}

/* Collects the items of any iterable into a list (new reference); msg_if_not_iterable replaces
 * the TypeError of a non-iterable argument when given. */
static PyrtObject *collect_items(PyrtObject *iterable, const char *msg_if_not_iterable) {
    PyrtObject *it = Pyrt_GetIter(iterable);
    if (!it) {
        if (msg_if_not_iterable && Pyrt_ErrMatches((PyrtObject *)&PyrtType_TypeError) == 1) {
            Pyrt_ErrClear();
            Pyrt_ErrSetString(&PyrtType_TypeError, msg_if_not_iterable);
        }
        return NULL;
    }
    PyrtObject *list = PyrtList_New(0);
    if (!list) { PYRT_DECREF(it); return NULL; }
    PyrtObject *v;
    while ((v = Pyrt_IterNext(it))) {
        int rc = PyrtList_Append(list, v);
        PYRT_DECREF(v);
        if (rc < 0) break;
    }
    PYRT_DECREF(it);
    if (Pyrt_ErrOccurred()) { PYRT_DECREF(list); return NULL; }
    return list;
}

PyrtObject *PyrtStr_Join(PyrtObject *sep, PyrtObject *iterable) {
    if (iterable->type == &PyrtType_List) {
        if (PyrtList_Objects(iterable) < 0) return NULL;   /* (ints or floats: join raises TypeError) */
        return join_items(sep, ((PyrtList *)iterable)->ob_item, ((PyrtList *)iterable)->length);
    }
    if (iterable->type == &PyrtType_Tuple)
        return join_items(sep, ((PyrtTuple *)iterable)->items, ((PyrtTuple *)iterable)->length);
    PyrtObject *list = collect_items(iterable, "can only join an iterable");
    if (!list) return NULL;
    PyrtObject *r = join_items(sep, ((PyrtList *)list)->ob_item, ((PyrtList *)list)->length);
    PYRT_DECREF(list);
    return r;
}

/* ================================================================== repr */

static int add_escape(PyrtStrBuilder *sb, uint32_t c) {
    static const char hex[] = "0123456789abcdef";
    char buf[10];
    int n;
    if (c < 0x100) { buf[0] = '\\'; buf[1] = 'x'; n = 2; }
    else if (c < 0x10000) { buf[0] = '\\'; buf[1] = 'u'; n = 4; }
    else { buf[0] = '\\'; buf[1] = 'U'; n = 8; }
    for (int i = 0; i < n; i++) buf[2 + i] = hex[(c >> (4 * (n - 1 - i))) & 0xF];
    return PyrtSB_Add(sb, buf, 2 + n);
}

PyrtObject *PyrtStr_ReprOf(PyrtObject *o) {
    PyrtStr *s = (PyrtStr *)o;
    bool has_sq = memchr(s->data, '\'', (size_t)s->nbytes) != NULL;
    bool has_dq = memchr(s->data, '"', (size_t)s->nbytes) != NULL;
    char quote = (has_sq && !has_dq) ? '"' : '\'';
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int rc = PyrtSB_Add(&sb, &quote, 1);
    for (int64_t off = 0; off < s->nbytes && rc == 0;) {
        uint32_t c;
        int n = Pyrt_Utf8Decode(s->data + off, &c);
        if (c == (uint32_t)quote || c == '\\') { char e[2] = { '\\', (char)c }; rc = PyrtSB_Add(&sb, e, 2); }
        else if (c == '\n') rc = PyrtSB_Add(&sb, "\\n", 2);
        else if (c == '\r') rc = PyrtSB_Add(&sb, "\\r", 2);
        else if (c == '\t') rc = PyrtSB_Add(&sb, "\\t", 2);
        else if (c < 0x20 || c == 0x7F) rc = add_escape(&sb, c);
        else if (c < 0x80 || Pyrt_UcdIsPrintable(c)) rc = PyrtSB_Add(&sb, s->data + off, n);
        else rc = add_escape(&sb, c);
        off += n;
    }
    if (rc == 0) rc = PyrtSB_Add(&sb, &quote, 1);
    if (rc < 0) { PyrtSB_Discard(&sb); return NULL; }
    return PyrtSB_Finish(&sb);
}

/* ================================================================== str iterator */

typedef struct { PyrtObject ob; PyrtObject *str; int64_t off; } PyrtStrIterObject;

static void striter_dealloc(PyrtObject *o) { PYRT_CLEAR(((PyrtStrIterObject *)o)->str); }

static PyrtObject *striter_iter(PyrtObject *o) { PYRT_INCREF(o); return o; }

static PyrtObject *striter_next(PyrtObject *o) {
    PyrtStrIterObject *it = (PyrtStrIterObject *)o;
    if (!it->str) return NULL;
    PyrtStr *s = (PyrtStr *)it->str;
    if (it->off >= s->nbytes) { PYRT_CLEAR(it->str); return NULL; }
    unsigned char c = (unsigned char)s->data[it->off];
    int n = utf8_seq_len(c);
    PyrtObject *r;
    if (n == 1) r = ascii_char(c);
    else {
        r = PyrtStr_NewRaw(n, 1, false);
        if (r) memcpy(((PyrtStr *)r)->data, s->data + it->off, (size_t)n);
    }
    it->off += n;
    return r;
}

PyrtType PyrtType_StrIter = {
    .ob = PYRT_TYPE_HEAD,
    .name = "str_iterator",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtStrIterObject),
    .flags = PYRT_TPFLAG_NOSUBCLASS,
    .dealloc = striter_dealloc,
    .iter = striter_iter,
    .iternext = striter_next,
};

static PyrtObject *str_iter(PyrtObject *s) {
    PyrtStrIterObject *it = (PyrtStrIterObject *)Pyrt_Alloc(&PyrtType_StrIter, sizeof(PyrtStrIterObject));
    if (!it) return NULL;
    PYRT_INCREF(s);
    it->str = s;
    it->off = 0;
    return (PyrtObject *)it;
}

/* ================================================================== argument checks */

static PyrtObject *type_error(const char *msg) { return Pyrt_ErrSetString(&PyrtType_TypeError, msg); }

int PyrtStr_CheckArgs(const char *tname, const char *name, int style, int64_t nargs,
                      PyrtObject *kwnames, int64_t min, int64_t max) {
    char msg[256];
    if (kwnames && PyrtTuple_Len(kwnames) > 0) {
        if (style == PYRT_ARGS_TUPLE) Pyrt_Snprintf(msg, sizeof msg, "%s() takes no keyword arguments", name);
        else Pyrt_Snprintf(msg, sizeof msg, "%s.%s() takes no keyword arguments", tname, name);
        type_error(msg);
        return -1;
    }
    if (nargs >= min && nargs <= max) return 0;
    bool few = nargs < min;
    int64_t lim = few ? min : max;
    switch (style) {
    case PYRT_ARGS_NOARGS:
        Pyrt_Snprintf(msg, sizeof msg, "%s.%s() takes no arguments (%lld given)", tname, name, (long long)nargs);
        break;
    case PYRT_ARGS_ONE:
        Pyrt_Snprintf(msg, sizeof msg, "%s.%s() takes exactly one argument (%lld given)", tname, name,
                 (long long)nargs);
        break;
    case PYRT_ARGS_CLINIC:
        Pyrt_Snprintf(msg, sizeof msg, "%s expected %s %lld argument%s, got %lld", name,
                 few ? "at least" : "at most", (long long)lim, lim == 1 ? "" : "s", (long long)nargs);
        break;
    default:
        Pyrt_Snprintf(msg, sizeof msg, "%s() takes %s %lld argument%s (%lld given)", name,
                 few ? "at least" : "at most", (long long)lim, lim == 1 ? "" : "s", (long long)nargs);
        break;
    }
    type_error(msg);
    return -1;
}

int PyrtStr_ParseKwArgs(const char *name, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                        const char *const *names, int64_t nnames, PyrtObject **out) {
    char msg[256];
    int64_t nkw = kwnames ? PyrtTuple_Len(kwnames) : 0;
    if (nargs + nkw > nnames) {
        Pyrt_Snprintf(msg, sizeof msg, "%s() takes at most %lld argument%s (%lld given)", name,
                 (long long)nnames, nnames == 1 ? "" : "s", (long long)(nargs + nkw));
        type_error(msg);
        return -1;
    }
    for (int64_t i = 0; i < nnames; i++) out[i] = i < nargs ? args[i] : NULL;
    for (int64_t k = 0; k < nkw; k++) {
        const char *kw = PyrtStr_UTF8(PyrtTuple_GetBorrowed(kwnames, k));
        int64_t i = 0;
        while (i < nnames && strcmp(names[i], kw) != 0) i++;
        if (i == nnames) {
            Pyrt_Snprintf(msg, sizeof msg, "'%s' is an invalid keyword argument for %s()", kw, name);
            type_error(msg);
            return -1;
        }
        if (out[i]) {
            Pyrt_Snprintf(msg, sizeof msg, "argument for %s() given by name ('%s') and position (%lld)", name,
                     kw, (long long)(i + 1));
            type_error(msg);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

#define CHECK(style, min, max) \
    if (PyrtStr_CheckArgs("str", __func__ + 13, (style), nargs, kwnames, (min), (max)) < 0) return NULL

/* "must be str, not int" style checks */
static bool need_str(PyrtObject *o, const char *prefix) {
    if (PyrtStr_Check(o)) return true;
    char msg[200];
    Pyrt_Snprintf(msg, sizeof msg, "%smust be str, not %s", prefix, o->type->name);
    type_error(msg);
    return false;
}

/* ================================================================== code point helpers */

/* Decode a str into a freshly allocated code point array (length code points). */
static uint32_t *to_ucs4(PyrtObject *o) {
    PyrtStr *s = (PyrtStr *)o;
    uint32_t *u = Pyrt_Malloc(sizeof(uint32_t) * (size_t)(s->length + 1));
    if (!u) return NULL;
    int64_t i = 0;
    for (int64_t off = 0; off < s->nbytes; i++) off += Pyrt_Utf8Decode(s->data + off, &u[i]);
    return u;
}

static bool is_space_at(const char *d, int64_t off, int *n) {
    unsigned char c = (unsigned char)d[off];
    if (c < 0x80) { *n = 1; return ascii_space(c); }
    uint32_t cp;
    *n = Pyrt_Utf8Decode(d + off, &cp);
    return Pyrt_UcdIsSpace(cp);
}

/* ================================================================== split family */

static int append_piece(PyrtObject *list, PyrtStr *s, int64_t b0, int64_t b1) {
    PyrtObject *piece;
    if (b0 == 0 && b1 == s->nbytes && s->ob.type == &PyrtType_Str) { piece = (PyrtObject *)s; PYRT_INCREF(piece); }
    else piece = PyrtStr_FromUTF8(s->data + b0, b1 - b0);
    if (!piece) return -1;
    int rc = PyrtList_Append(list, piece);
    PYRT_DECREF(piece);
    return rc;
}

static PyrtObject *split_whitespace(PyrtStr *s, int64_t maxsplit) {
    PyrtObject *list = PyrtList_New(0);
    if (!list) return NULL;
    int64_t off = 0, n = s->nbytes;
    int k;
    while (off < n) {
        while (off < n && is_space_at(s->data, off, &k)) off += k;
        if (off >= n) break;
        if (maxsplit-- == 0) {   /* the rest, trailing whitespace kept */
            if (append_piece(list, s, off, n) < 0) goto fail;
            break;
        }
        int64_t start = off;
        while (off < n && !is_space_at(s->data, off, &k)) off += k;
        if (append_piece(list, s, start, off) < 0) goto fail;
    }
    return list;
fail:
    PYRT_DECREF(list);
    return NULL;
}

static PyrtObject *split_sep(PyrtStr *s, PyrtStr *sep, int64_t maxsplit) {
    PyrtObject *list = PyrtList_New(0);
    if (!list) return NULL;
    int64_t off = 0;
    while (maxsplit-- != 0) {
        int64_t pos = Pyrt_FindBytes(s->data + off, s->nbytes - off, sep->data, sep->nbytes);
        if (pos < 0) break;
        if (append_piece(list, s, off, off + pos) < 0) goto fail;
        off += pos + sep->nbytes;
    }
    if (append_piece(list, s, off, s->nbytes) < 0) goto fail;
    return list;
fail:
    PYRT_DECREF(list);
    return NULL;
}

static bool is_space_before(const char *d, int64_t off, int *n) {
    int64_t p = off - 1;
    while (((unsigned char)d[p] & 0xC0) == 0x80) p--;
    bool r = is_space_at(d, p, n);
    *n = (int)(off - p);
    return r;
}

static int list_reverse_inplace(PyrtObject *list) {
    PyrtList *l = (PyrtList *)list;
    for (int64_t i = 0, j = l->length - 1; i < j; i++, j--) {
        PyrtObject *t = l->ob_item[i]; l->ob_item[i] = l->ob_item[j]; l->ob_item[j] = t;
    }
    return 0;
}

static PyrtObject *rsplit_whitespace(PyrtStr *s, int64_t maxsplit) {
    PyrtObject *list = PyrtList_New(0);
    if (!list) return NULL;
    int64_t end = s->nbytes;
    int k;
    while (end > 0) {
        while (end > 0 && is_space_before(s->data, end, &k)) end -= k;
        if (end <= 0) break;
        if (maxsplit-- == 0) {
            if (append_piece(list, s, 0, end) < 0) goto fail;
            break;
        }
        int64_t stop = end;
        while (end > 0 && !is_space_before(s->data, end, &k)) end -= k;
        if (append_piece(list, s, end, stop) < 0) goto fail;
    }
    list_reverse_inplace(list);
    return list;
fail:
    PYRT_DECREF(list);
    return NULL;
}

static PyrtObject *rsplit_sep(PyrtStr *s, PyrtStr *sep, int64_t maxsplit) {
    PyrtObject *list = PyrtList_New(0);
    if (!list) return NULL;
    int64_t end = s->nbytes;
    while (maxsplit-- != 0) {
        int64_t pos = Pyrt_RFindBytes(s->data, end, sep->data, sep->nbytes);
        if (pos < 0) break;
        if (append_piece(list, s, pos + sep->nbytes, end) < 0) goto fail;
        end = pos;
    }
    if (append_piece(list, s, 0, end) < 0) goto fail;
    list_reverse_inplace(list);
    return list;
fail:
    PYRT_DECREF(list);
    return NULL;
}

static int split_args(const char *name, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                      PyrtObject **sep, int64_t *maxsplit) {
    static const char *const names[] = { "sep", "maxsplit" };
    PyrtObject *a[2];
    if (PyrtStr_ParseKwArgs(name, args, nargs, kwnames, names, 2, a) < 0) return -1;
    *sep = (a[0] && a[0] != Pyrt_None) ? a[0] : NULL;
    *maxsplit = -1;
    if (a[1]) {
        *maxsplit = PyrtStr_AsIndex(a[1]);
        if (Pyrt_ErrOccurred()) return -1;
    }
    if (*sep) {
        if (!PyrtStr_Check(*sep)) {
            char msg[200];
            Pyrt_Snprintf(msg, sizeof msg, "must be str or None, not %s", (*sep)->type->name);
            type_error(msg);
            return -1;
        }
        if (PyrtStr_Len(*sep) == 0) {
            Pyrt_ErrSetString(&PyrtType_ValueError, "empty separator");
            return -1;
        }
    }
    return 0;
}

PYRT_STR_METH(split) {
    PyrtObject *sep;
    int64_t maxsplit;
    if (split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0) return NULL;
    if (maxsplit < 0) maxsplit = -1;
    return sep ? split_sep((PyrtStr *)self, (PyrtStr *)sep, maxsplit)
               : split_whitespace((PyrtStr *)self, maxsplit);
}

PYRT_STR_METH(rsplit) {
    PyrtObject *sep;
    int64_t maxsplit;
    if (split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) return NULL;
    if (maxsplit < 0) maxsplit = -1;
    return sep ? rsplit_sep((PyrtStr *)self, (PyrtStr *)sep, maxsplit)
               : rsplit_whitespace((PyrtStr *)self, maxsplit);
}

/* Line break at byte off: returns its length in bytes (0 if none). */
static int line_break_len(const char *d, int64_t off, int64_t n) {
    unsigned char c = (unsigned char)d[off];
    if (c == '\r') return (off + 1 < n && d[off + 1] == '\n') ? 2 : 1;
    if (c == '\n' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E)) return 1;
    if (c < 0x80) return 0;
    uint32_t cp;
    int k = Pyrt_Utf8Decode(d + off, &cp);
    return (cp == 0x85 || cp == 0x2028 || cp == 0x2029) ? k : 0;
}

PYRT_STR_METH(splitlines) {
    static const char *const names[] = { "keepends" };
    PyrtObject *a[1];
    if (PyrtStr_ParseKwArgs("splitlines", args, nargs, kwnames, names, 1, a) < 0) return NULL;
    int keep = 0;
    if (a[0]) {
        keep = Pyrt_IsTrue(a[0]);
        if (keep < 0) return NULL;
    }
    PyrtStr *s = (PyrtStr *)self;
    PyrtObject *list = PyrtList_New(0);
    if (!list) return NULL;
    int64_t off = 0, start = 0;
    while (off < s->nbytes) {
        int br = line_break_len(s->data, off, s->nbytes);
        if (!br) { off += utf8_seq_len((unsigned char)s->data[off]); continue; }
        if (append_piece(list, s, start, keep ? off + br : off) < 0) { PYRT_DECREF(list); return NULL; }
        off += br;
        start = off;
    }
    if (start < s->nbytes && append_piece(list, s, start, s->nbytes) < 0) { PYRT_DECREF(list); return NULL; }
    return list;
}

PYRT_STR_METH(join) {
    CHECK(PYRT_ARGS_ONE, 1, 1);
    return PyrtStr_Join(self, args[0]);
}

/* ================================================================== strip family */

typedef struct { uint32_t *chars; int64_t n; bool whitespace; } StripSet;

static bool strip_has(const StripSet *set, uint32_t c) {
    if (set->whitespace) return Pyrt_UcdIsSpace(c);
    for (int64_t i = 0; i < set->n; i++) if (set->chars[i] == c) return true;
    return false;
}

static PyrtObject *do_strip(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                            PyrtObject *kwnames, const char *name, bool left, bool right) {
    if (PyrtStr_CheckArgs("str", name, PYRT_ARGS_CLINIC, nargs, kwnames, 0, 1) < 0) return NULL;
    StripSet set = { NULL, 0, true };
    if (nargs == 1 && args[0] != Pyrt_None) {
        if (!PyrtStr_Check(args[0])) {
            char msg[100];
            Pyrt_Snprintf(msg, sizeof msg, "%s arg must be None or str", name);
            return type_error(msg);
        }
        set.whitespace = false;
        set.n = PyrtStr_Len(args[0]);
        set.chars = to_ucs4(args[0]);
        if (!set.chars) return NULL;
    }
    PyrtStr *s = (PyrtStr *)self;
    int64_t b0 = 0, b1 = s->nbytes;
    uint32_t c;
    while (left && b0 < b1) {
        int k = Pyrt_Utf8Decode(s->data + b0, &c);
        if (!strip_has(&set, c)) break;
        b0 += k;
    }
    while (right && b1 > b0) {
        int64_t p = scan_backward(s->data, b1, 1);
        Pyrt_Utf8Decode(s->data + p, &c);
        if (!strip_has(&set, c)) break;
        b1 = p;
    }
    Pyrt_Free(set.chars);
    if (b0 == 0 && b1 == s->nbytes && self->type == &PyrtType_Str) { PYRT_INCREF(self); return self; }
    return PyrtStr_FromUTF8(s->data + b0, b1 - b0);
}

PYRT_STR_METH(strip) { return do_strip(self, args, nargs, kwnames, "strip", true, true); }
PYRT_STR_METH(lstrip) { return do_strip(self, args, nargs, kwnames, "lstrip", true, false); }
PYRT_STR_METH(rstrip) { return do_strip(self, args, nargs, kwnames, "rstrip", false, true); }

/* ================================================================== replace */

static PyrtObject *replace_empty(PyrtStr *s, PyrtStr *new_, int64_t count) {
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int64_t off = 0;
    int rc = 0;
    for (int64_t i = 0; i <= s->length && rc == 0; i++) {
        if (count-- != 0) rc = PyrtSB_AddStr(&sb, (PyrtObject *)new_);
        else { rc = PyrtSB_Add(&sb, s->data + off, s->nbytes - off); break; }
        if (off < s->nbytes && rc == 0) {
            int k = utf8_seq_len((unsigned char)s->data[off]);
            rc = PyrtSB_Add(&sb, s->data + off, k);
            off += k;
        }
    }
    if (rc < 0) { PyrtSB_Discard(&sb); return NULL; }
    return PyrtSB_Finish(&sb);
}

static PyrtObject *str_replace(PyrtObject *self, PyrtObject *old, PyrtObject *new_, int64_t count) {
    PyrtStr *s = (PyrtStr *)self, *o = (PyrtStr *)old;
    if (o->nbytes == 0) return replace_empty(s, (PyrtStr *)new_, count);
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int64_t off = 0;
    bool any = false;
    while (count-- != 0) {
        int64_t pos = Pyrt_FindBytes(s->data + off, s->nbytes - off, o->data, o->nbytes);
        if (pos < 0) break;
        any = true;
        if (PyrtSB_Add(&sb, s->data + off, pos) < 0 || PyrtSB_AddStr(&sb, new_) < 0) goto fail;
        off += pos + o->nbytes;
    }
    if (!any && self->type == &PyrtType_Str) { PyrtSB_Discard(&sb); PYRT_INCREF(self); return self; }
    if (PyrtSB_Add(&sb, s->data + off, s->nbytes - off) < 0) goto fail;
    return PyrtSB_Finish(&sb);
fail:
    PyrtSB_Discard(&sb);
    return NULL;
}

PYRT_STR_METH(replace) {
    CHECK(PYRT_ARGS_CLINIC, 2, 3);
    for (int i = 0; i < 2; i++) {
        if (!PyrtStr_Check(args[i])) {
            char msg[200];
            Pyrt_Snprintf(msg, sizeof msg, "replace() argument %d must be str, not %s", i + 1, args[i]->type->name);
            return type_error(msg);
        }
    }
    int64_t count = -1;
    if (nargs == 3) {
        count = PyrtStr_AsIndex(args[2]);
        if (Pyrt_ErrOccurred()) return NULL;
    }
    return str_replace(self, args[0], args[1], count < 0 ? -1 : count);
}

/* ================================================================== find family */

/* Parses (sub[, start[, end]]) and converts the code point range to bytes. */
typedef struct { PyrtStr *sub; int64_t start, end, bstart, bend; } FindArgs;

static int find_args(const char *name, PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                     PyrtObject *kwnames, FindArgs *fa) {
    if (PyrtStr_CheckArgs("str", name, PYRT_ARGS_TUPLE, nargs, kwnames, 1, 3) < 0) return -1;
    if (!need_str(args[0], "")) return -1;
    fa->sub = (PyrtStr *)args[0];
    PyrtStr *s = (PyrtStr *)self;
    if (PyrtStr_ParseStartEnd(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, s->length,
                              &fa->start, &fa->end) < 0)
        return -1;
    if (fa->start <= fa->end && fa->start <= s->length) {
        fa->bstart = PyrtStr_Offset(self, fa->start);
        fa->bend = s->ascii ? fa->end : scan_forward(s->data, fa->bstart, fa->end - fa->start);
    } else {
        fa->bstart = fa->bend = 0;
    }
    return 0;
}

/* -1 if not found, else the code point index */
static int64_t do_find(PyrtObject *self, FindArgs *fa, bool reverse) {
    PyrtStr *s = (PyrtStr *)self;
    if (fa->end - fa->start < fa->sub->length) return -1;
    const char *base = s->data + fa->bstart;
    int64_t n = fa->bend - fa->bstart;
    int64_t pos = reverse ? Pyrt_RFindBytes(base, n, fa->sub->data, fa->sub->nbytes)
                          : Pyrt_FindBytes(base, n, fa->sub->data, fa->sub->nbytes);
    if (pos < 0) return -1;
    return fa->start + (s->ascii ? pos : Pyrt_Utf8Count(base, pos));
}

static PyrtObject *find_common(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                               PyrtObject *kwnames, const char *name, bool reverse, bool raise) {
    FindArgs fa;
    if (find_args(name, self, args, nargs, kwnames, &fa) < 0) return NULL;
    int64_t r = do_find(self, &fa, reverse);
    if (r < 0 && raise) return Pyrt_ErrSetString(&PyrtType_ValueError, "substring not found");
    return PyrtInt_FromI64(r);
}

PYRT_STR_METH(find) { return find_common(self, args, nargs, kwnames, "find", false, false); }
PYRT_STR_METH(rfind) { return find_common(self, args, nargs, kwnames, "rfind", true, false); }
PYRT_STR_METH(index) { return find_common(self, args, nargs, kwnames, "index", false, true); }
PYRT_STR_METH(rindex) { return find_common(self, args, nargs, kwnames, "rindex", true, true); }

PYRT_STR_METH(count) {
    FindArgs fa;
    if (find_args("count", self, args, nargs, kwnames, &fa) < 0) return NULL;
    if (fa.end - fa.start < fa.sub->length) return PyrtInt_FromI64(0);
    if (fa.sub->nbytes == 0) return PyrtInt_FromI64(fa.end - fa.start + 1);
    PyrtStr *s = (PyrtStr *)self;
    int64_t count = 0, off = fa.bstart;
    for (;;) {
        int64_t pos = Pyrt_FindBytes(s->data + off, fa.bend - off, fa.sub->data, fa.sub->nbytes);
        if (pos < 0) break;
        count++;
        off += pos + fa.sub->nbytes;
    }
    return PyrtInt_FromI64(count);
}

/* tailmatch: does s[start:end] start (or end) with sub? */
static bool tailmatch(PyrtObject *self, PyrtStr *sub, int64_t start, int64_t end, bool at_end) {
    PyrtStr *s = (PyrtStr *)self;
    if (end - sub->length < start) return false;
    if (sub->length == 0) return true;
    int64_t cstart = at_end ? end - sub->length : start;
    int64_t b = PyrtStr_Offset(self, cstart);
    return b + sub->nbytes <= s->nbytes && memcmp(s->data + b, sub->data, (size_t)sub->nbytes) == 0;
}

static PyrtObject *starts_ends(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                               PyrtObject *kwnames, const char *name, bool at_end) {
    if (PyrtStr_CheckArgs("str", name, PYRT_ARGS_TUPLE, nargs, kwnames, 1, 3) < 0) return NULL;
    int64_t start, end;
    if (PyrtStr_ParseStartEnd(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL,
                              PyrtStr_Len(self), &start, &end) < 0)
        return NULL;
    char msg[200];
    PyrtObject *x = args[0];
    if (x->type == &PyrtType_Tuple) {
        for (int64_t i = 0; i < PyrtTuple_Len(x); i++) {
            PyrtObject *item = PyrtTuple_GetBorrowed(x, i);
            if (!PyrtStr_Check(item)) {
                Pyrt_Snprintf(msg, sizeof msg, "tuple for %s must only contain str, not %s", name, item->type->name);
                return type_error(msg);
            }
            if (tailmatch(self, (PyrtStr *)item, start, end, at_end)) return Pyrt_BoolFromC(true);
        }
        return Pyrt_BoolFromC(false);
    }
    if (!PyrtStr_Check(x)) {
        Pyrt_Snprintf(msg, sizeof msg, "%s first arg must be str or a tuple of str, not %s", name, x->type->name);
        return type_error(msg);
    }
    return Pyrt_BoolFromC(tailmatch(self, (PyrtStr *)x, start, end, at_end));
}

PYRT_STR_METH(startswith) { return starts_ends(self, args, nargs, kwnames, "startswith", false); }
PYRT_STR_METH(endswith) { return starts_ends(self, args, nargs, kwnames, "endswith", true); }

/* ================================================================== case mapping */

/* Final sigma (CPython's handle_capital_sigma): capital sigma at u[i] lowers to final form when
 * preceded by a cased letter and not followed by one (case-ignorable characters skipped). */
static uint32_t lower_sigma(const uint32_t *u, int64_t n, int64_t i) {
    int64_t j = i - 1;
    while (j >= 0 && (Pyrt_UcdFlags(u[j]) & PYRT_UCD_CASE_IGNORABLE)) j--;
    bool final = j >= 0 && (Pyrt_UcdFlags(u[j]) & PYRT_UCD_CASED);
    if (final) {
        j = i + 1;
        while (j < n && (Pyrt_UcdFlags(u[j]) & PYRT_UCD_CASE_IGNORABLE)) j++;
        final = j == n || !(Pyrt_UcdFlags(u[j]) & PYRT_UCD_CASED);
    }
    return final ? 0x3C2 : 0x3C3;
}

static int add_mapped(PyrtStrBuilder *sb, const uint32_t *u, int64_t n, int64_t i, int which) {
    if (which == PYRT_CASE_LOWER && u[i] == 0x3A3) return PyrtSB_AddCP(sb, lower_sigma(u, n, i));
    uint32_t out[3];
    int k = Pyrt_UcdCaseMap(u[i], which, out);
    for (int m = 0; m < k; m++) if (PyrtSB_AddCP(sb, out[m]) < 0) return -1;
    return 0;
}

enum { MAP_LOWER, MAP_UPPER, MAP_FOLD, MAP_TITLE, MAP_CAPITALIZE, MAP_SWAPCASE };

/* which case mapping to apply to u[i], given the string-level operation */
static int mapping_for(int op, uint32_t c, int64_t i, bool *prev_cased) {
    uint32_t f = (op == MAP_SWAPCASE || op == MAP_TITLE) ? Pyrt_UcdFlags(c) : 0;
    int which;
    switch (op) {
    case MAP_LOWER: return PYRT_CASE_LOWER;
    case MAP_UPPER: return PYRT_CASE_UPPER;
    case MAP_FOLD: return PYRT_CASE_FOLD;
    case MAP_CAPITALIZE: return i == 0 ? PYRT_CASE_TITLE : PYRT_CASE_LOWER;
    case MAP_SWAPCASE:
        return (f & PYRT_UCD_UPPER) ? PYRT_CASE_LOWER : (f & PYRT_UCD_LOWER) ? PYRT_CASE_UPPER : -1;
    default:   /* title */
        which = *prev_cased ? PYRT_CASE_LOWER : PYRT_CASE_TITLE;
        *prev_cased = (f & PYRT_UCD_CASED) != 0;
        return which;
    }
}

static PyrtObject *ascii_case(PyrtStr *s, int op) {
    PyrtObject *r = PyrtStr_NewRaw(s->nbytes, s->length, true);
    if (!r || s->nbytes == 0) return r;
    char *d = ((PyrtStr *)r)->data;
    bool prev_cased = false;
    for (int64_t i = 0; i < s->nbytes; i++) {
        char c = s->data[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        bool to_upper;
        switch (op) {
        case MAP_UPPER: to_upper = true; break;
        case MAP_CAPITALIZE: to_upper = i == 0; break;
        case MAP_SWAPCASE: to_upper = low; break;
        case MAP_TITLE: to_upper = !prev_cased; prev_cased = up || low; break;
        default: to_upper = false; break;
        }
        d[i] = (to_upper && low) ? (char)(c - 32) : (!to_upper && up) ? (char)(c + 32) : c;
    }
    return r;
}

static PyrtObject *case_convert(PyrtObject *self, int op) {
    PyrtStr *s = (PyrtStr *)self;
    if (s->ascii) return ascii_case(s, op);
    uint32_t *u = to_ucs4(self);
    if (!u) return NULL;
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    bool prev_cased = false;
    for (int64_t i = 0; i < s->length; i++) {
        int which = mapping_for(op, u[i], i, &prev_cased);
        int rc = which < 0 ? PyrtSB_AddCP(&sb, u[i]) : add_mapped(&sb, u, s->length, i, which);
        if (rc < 0) { Pyrt_Free(u); PyrtSB_Discard(&sb); return NULL; }
    }
    Pyrt_Free(u);
    return PyrtSB_Finish(&sb);
}

#define NOARGS() CHECK(PYRT_ARGS_NOARGS, 0, 0)
PYRT_STR_METH(upper) { NOARGS(); return case_convert(self, MAP_UPPER); }
PYRT_STR_METH(lower) { NOARGS(); return case_convert(self, MAP_LOWER); }
PYRT_STR_METH(casefold) { NOARGS(); return case_convert(self, MAP_FOLD); }
PYRT_STR_METH(title) { NOARGS(); return case_convert(self, MAP_TITLE); }
PYRT_STR_METH(capitalize) { NOARGS(); return case_convert(self, MAP_CAPITALIZE); }
PYRT_STR_METH(swapcase) { NOARGS(); return case_convert(self, MAP_SWAPCASE); }

/* ================================================================== predicates */

static uint32_t cp_flags(uint32_t c) {
    if (c < 128) {
        if (c >= 'a' && c <= 'z') return PYRT_UCD_ALPHA | PYRT_UCD_LOWER | PYRT_UCD_CASED;
        if (c >= 'A' && c <= 'Z') return PYRT_UCD_ALPHA | PYRT_UCD_UPPER | PYRT_UCD_CASED;
        if (c >= '0' && c <= '9') return PYRT_UCD_DECIMAL | PYRT_UCD_DIGIT | PYRT_UCD_NUMERIC;
        return ascii_space(c) ? PYRT_UCD_SPACE : 0;
    }
    return Pyrt_UcdFlags(c);
}

/* True when every code point has one of the flags (and the string is not empty). */
static PyrtObject *all_have(PyrtObject *self, uint32_t mask) {
    PyrtStr *s = (PyrtStr *)self;
    if (s->length == 0) return Pyrt_BoolFromC(false);
    uint32_t c;
    for (int64_t off = 0; off < s->nbytes;) {
        off += Pyrt_Utf8Decode(s->data + off, &c);
        if (!(cp_flags(c) & mask)) return Pyrt_BoolFromC(false);
    }
    return Pyrt_BoolFromC(true);
}

PYRT_STR_METH(isdigit) { NOARGS(); return all_have(self, PYRT_UCD_DIGIT); }
PYRT_STR_METH(isdecimal) { NOARGS(); return all_have(self, PYRT_UCD_DECIMAL); }
PYRT_STR_METH(isnumeric) { NOARGS(); return all_have(self, PYRT_UCD_NUMERIC); }
PYRT_STR_METH(isalpha) { NOARGS(); return all_have(self, PYRT_UCD_ALPHA); }
PYRT_STR_METH(isalnum) {
    NOARGS();
    return all_have(self, PYRT_UCD_ALPHA | PYRT_UCD_DECIMAL | PYRT_UCD_DIGIT | PYRT_UCD_NUMERIC);
}
PYRT_STR_METH(isspace) { NOARGS(); return all_have(self, PYRT_UCD_SPACE); }

/* isupper/islower: no character of the opposite case (or titlecase), at least one cased */
static PyrtObject *case_pred(PyrtObject *self, uint32_t want, uint32_t forbid) {
    PyrtStr *s = (PyrtStr *)self;
    bool cased = false;
    uint32_t c;
    for (int64_t off = 0; off < s->nbytes;) {
        off += Pyrt_Utf8Decode(s->data + off, &c);
        uint32_t f = cp_flags(c);
        if (f & forbid) return Pyrt_BoolFromC(false);
        if (f & want) cased = true;
    }
    return Pyrt_BoolFromC(cased);
}

PYRT_STR_METH(isupper) { NOARGS(); return case_pred(self, PYRT_UCD_UPPER, PYRT_UCD_LOWER | PYRT_UCD_TITLE); }
PYRT_STR_METH(islower) { NOARGS(); return case_pred(self, PYRT_UCD_LOWER, PYRT_UCD_UPPER | PYRT_UCD_TITLE); }

PYRT_STR_METH(istitle) {
    NOARGS();
    PyrtStr *s = (PyrtStr *)self;
    bool cased = false, prev = false;
    uint32_t c;
    for (int64_t off = 0; off < s->nbytes;) {
        off += Pyrt_Utf8Decode(s->data + off, &c);
        uint32_t f = cp_flags(c);
        if (f & (PYRT_UCD_UPPER | PYRT_UCD_TITLE)) {
            if (prev) return Pyrt_BoolFromC(false);
            prev = cased = true;
        } else if (f & PYRT_UCD_LOWER) {
            if (!prev) return Pyrt_BoolFromC(false);
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return Pyrt_BoolFromC(cased);
}

PYRT_STR_METH(isidentifier) {
    NOARGS();
    PyrtStr *s = (PyrtStr *)self;
    if (s->length == 0) return Pyrt_BoolFromC(false);
    uint32_t c;
    int64_t off = Pyrt_Utf8Decode(s->data, &c);
    bool ok = c < 128 ? (c == '_' || (cp_flags(c) & PYRT_UCD_ALPHA)) : (Pyrt_UcdFlags(c) & PYRT_UCD_XID_START);
    while (ok && off < s->nbytes) {
        off += Pyrt_Utf8Decode(s->data + off, &c);
        ok = c < 128 ? (c == '_' || (cp_flags(c) & (PYRT_UCD_ALPHA | PYRT_UCD_DECIMAL)))
                     : (Pyrt_UcdFlags(c) & PYRT_UCD_XID_CONTINUE) != 0;
    }
    return Pyrt_BoolFromC(ok);
}

PYRT_STR_METH(isascii) { NOARGS(); return Pyrt_BoolFromC(((PyrtStr *)self)->ascii); }

PYRT_STR_METH(isprintable) {
    NOARGS();
    PyrtStr *s = (PyrtStr *)self;
    uint32_t c;
    for (int64_t off = 0; off < s->nbytes;) {
        off += Pyrt_Utf8Decode(s->data + off, &c);
        if (!Pyrt_UcdIsPrintable(c)) return Pyrt_BoolFromC(false);
    }
    return Pyrt_BoolFromC(true);
}

/* ================================================================== padding */

static int fill_arg(PyrtObject *o, uint32_t *fill) {
    char msg[200];
    if (!PyrtStr_Check(o)) {
        Pyrt_Snprintf(msg, sizeof msg, "The fill character must be a unicode character, not %s", o->type->name);
        type_error(msg);
        return -1;
    }
    if (PyrtStr_Len(o) != 1) {
        type_error("The fill character must be exactly one character long");
        return -1;
    }
    Pyrt_Utf8Decode(PyrtStr_UTF8(o), fill);
    return 0;
}

static PyrtObject *pad(PyrtObject *self, int64_t left, int64_t right, uint32_t fill) {
    if (left <= 0 && right <= 0 && self->type == &PyrtType_Str) { PYRT_INCREF(self); return self; }
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    if (PyrtSB_AddRepeat(&sb, fill, left) < 0 || PyrtSB_AddStr(&sb, self) < 0 ||
        PyrtSB_AddRepeat(&sb, fill, right) < 0) {
        PyrtSB_Discard(&sb);
        return NULL;
    }
    return PyrtSB_Finish(&sb);
}

static PyrtObject *justify(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                           PyrtObject *kwnames, const char *name, char how) {
    if (PyrtStr_CheckArgs("str", name, PYRT_ARGS_CLINIC, nargs, kwnames, 1, 2) < 0) return NULL;
    int64_t width = PyrtStr_AsIndex(args[0]);
    if (Pyrt_ErrOccurred()) return NULL;
    uint32_t fill = ' ';
    if (nargs == 2 && fill_arg(args[1], &fill) < 0) return NULL;
    int64_t marg = width - PyrtStr_Len(self);
    if (marg <= 0) return pad(self, 0, 0, fill);
    if (how == '<') return pad(self, 0, marg, fill);
    if (how == '>') return pad(self, marg, 0, fill);
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

PYRT_STR_METH(center) { return justify(self, args, nargs, kwnames, "center", '^'); }
PYRT_STR_METH(ljust) { return justify(self, args, nargs, kwnames, "ljust", '<'); }
PYRT_STR_METH(rjust) { return justify(self, args, nargs, kwnames, "rjust", '>'); }

PYRT_STR_METH(zfill) {
    CHECK(PYRT_ARGS_ONE, 1, 1);
    int64_t width = PyrtStr_AsIndex(args[0]);
    if (Pyrt_ErrOccurred()) return NULL;
    PyrtStr *s = (PyrtStr *)self;
    int64_t fill = width - s->length;
    if (fill <= 0) return pad(self, 0, 0, ' ');
    PyrtObject *r = PyrtStr_NewRaw(s->nbytes + fill, width, s->ascii);
    if (!r) return NULL;
    char *d = ((PyrtStr *)r)->data;
    memset(d, '0', (size_t)fill);
    memcpy(d + fill, s->data, (size_t)s->nbytes);
    if (s->nbytes > 0 && (s->data[0] == '+' || s->data[0] == '-')) {
        d[0] = s->data[0];
        d[fill] = '0';
    }
    return r;
}

/* ================================================================== partition, expandtabs, affixes */

static PyrtObject *make_triple(PyrtObject *a, PyrtObject *b, PyrtObject *c) {
    if (!a || !b || !c) { PYRT_XDECREF(a); PYRT_XDECREF(b); PYRT_XDECREF(c); return NULL; }
    PyrtObject *t = PyrtTuple_New(3);
    if (!t) { PYRT_DECREF(a); PYRT_DECREF(b); PYRT_DECREF(c); return NULL; }
    PyrtTuple_SetNew_Steal(t, 0, a);
    PyrtTuple_SetNew_Steal(t, 1, b);
    PyrtTuple_SetNew_Steal(t, 2, c);
    return t;
}

static PyrtObject *partition(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                             PyrtObject *kwnames, const char *name, bool reverse) {
    if (PyrtStr_CheckArgs("str", name, PYRT_ARGS_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    if (!need_str(args[0], "")) return NULL;
    PyrtStr *s = (PyrtStr *)self, *sep = (PyrtStr *)args[0];
    if (sep->nbytes == 0) return Pyrt_ErrSetString(&PyrtType_ValueError, "empty separator");
    int64_t pos = reverse ? Pyrt_RFindBytes(s->data, s->nbytes, sep->data, sep->nbytes)
                          : Pyrt_FindBytes(s->data, s->nbytes, sep->data, sep->nbytes);
    if (pos < 0) {
        PYRT_INCREF(self);
        return reverse ? make_triple(PyrtStr_Empty(), PyrtStr_Empty(), self)
                       : make_triple(self, PyrtStr_Empty(), PyrtStr_Empty());
    }
    PYRT_INCREF(args[0]);
    return make_triple(PyrtStr_FromUTF8(s->data, pos), args[0],
                       PyrtStr_FromUTF8(s->data + pos + sep->nbytes, s->nbytes - pos - sep->nbytes));
}

PYRT_STR_METH(partition) { return partition(self, args, nargs, kwnames, "partition", false); }
PYRT_STR_METH(rpartition) { return partition(self, args, nargs, kwnames, "rpartition", true); }

PYRT_STR_METH(expandtabs) {
    static const char *const names[] = { "tabsize" };
    PyrtObject *a[1];
    if (PyrtStr_ParseKwArgs("expandtabs", args, nargs, kwnames, names, 1, a) < 0) return NULL;
    int64_t tabsize = 8;
    if (a[0]) {
        tabsize = PyrtStr_AsIndex(a[0]);
        if (Pyrt_ErrOccurred()) return NULL;
    }
    PyrtStr *s = (PyrtStr *)self;
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int64_t col = 0;
    int rc = 0;
    for (int64_t off = 0; off < s->nbytes && rc == 0;) {
        char c = s->data[off];
        int k = utf8_seq_len((unsigned char)c);
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t incr = tabsize - col % tabsize;
                rc = PyrtSB_AddRepeat(&sb, ' ', incr);
                col += incr;
            }
        } else {
            rc = PyrtSB_Add(&sb, s->data + off, k);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        off += k;
    }
    if (rc < 0) { PyrtSB_Discard(&sb); return NULL; }
    return PyrtSB_Finish(&sb);
}

static PyrtObject *remove_affix(PyrtObject *self, PyrtObject *const *args, int64_t nargs,
                                PyrtObject *kwnames, const char *name, bool suffix) {
    if (PyrtStr_CheckArgs("str", name, PYRT_ARGS_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    if (!PyrtStr_Check(args[0])) {
        char msg[200];
        Pyrt_Snprintf(msg, sizeof msg, "%s() argument must be str, not %s", name, args[0]->type->name);
        return type_error(msg);
    }
    PyrtStr *s = (PyrtStr *)self, *a = (PyrtStr *)args[0];
    if (a->nbytes > 0 && a->nbytes <= s->nbytes) {
        const char *at = suffix ? s->data + s->nbytes - a->nbytes : s->data;
        if (memcmp(at, a->data, (size_t)a->nbytes) == 0)
            return PyrtStr_FromUTF8(suffix ? s->data : s->data + a->nbytes, s->nbytes - a->nbytes);
    }
    return pad(self, 0, 0, ' ');
}

PYRT_STR_METH(removeprefix) { return remove_affix(self, args, nargs, kwnames, "removeprefix", false); }
PYRT_STR_METH(removesuffix) { return remove_affix(self, args, nargs, kwnames, "removesuffix", true); }

/* ================================================================== encode, format, translate */

static int str_arg(PyrtObject *o, const char *fname, const char *argname, const char **out) {
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

PYRT_STR_METH(encode) {
    static const char *const names[] = { "encoding", "errors" };
    PyrtObject *a[2];
    if (PyrtStr_ParseKwArgs("encode", args, nargs, kwnames, names, 2, a) < 0) return NULL;
    const char *enc = NULL, *errors = NULL;
    if (str_arg(a[0], "encode", "encoding", &enc) < 0 || str_arg(a[1], "encode", "errors", &errors) < 0)
        return NULL;
    return PyrtStr_Encode(self, enc, errors);
}

PYRT_STR_METH(format) { return PyrtStr_FormatMethod(self, args, nargs, kwnames); }

PYRT_STR_METH(format_map) {
    CHECK(PYRT_ARGS_ONE, 1, 1);
    return PyrtStr_FormatMap(self, args[0]);
}

/* translate: table[ord(c)] -> None (delete), int (code point) or str; LookupError keeps c */
static int translate_one(PyrtStrBuilder *sb, PyrtObject *table, uint32_t c) {
    PyrtObject *key = PyrtInt_FromI64(c);
    if (!key) return -1;
    PyrtObject *v = Pyrt_GetItem(table, key);
    PYRT_DECREF(key);
    if (!v) {
        if (Pyrt_ErrMatches((PyrtObject *)&PyrtType_LookupError) != 1) return -1;
        Pyrt_ErrClear();
        return PyrtSB_AddCP(sb, c);
    }
    int rc = 0;
    if (v == Pyrt_None) rc = 0;
    else if (is_int(v)) {
        int64_t x = PyrtInt_AsClamped(v);
        if (x < 0 || x > 0x10FFFF) {
            Pyrt_ErrSetString(&PyrtType_ValueError, "character mapping must be in range(0x110000)");
            rc = -1;
        } else rc = PyrtSB_AddCP(sb, (uint32_t)x);
    } else if (PyrtStr_Check(v)) rc = PyrtSB_AddStr(sb, v);
    else {
        type_error("character mapping must return integer, None or str");
        rc = -1;
    }
    PYRT_DECREF(v);
    return rc;
}

PYRT_STR_METH(translate) {
    CHECK(PYRT_ARGS_ONE, 1, 1);
    PyrtStr *s = (PyrtStr *)self;
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    uint32_t c;
    for (int64_t off = 0; off < s->nbytes;) {
        off += Pyrt_Utf8Decode(s->data + off, &c);
        if (translate_one(&sb, args[0], c) < 0) { PyrtSB_Discard(&sb); return NULL; }
    }
    return PyrtSB_Finish(&sb);
}

static int dict_set_cp(PyrtObject *d, uint32_t k, PyrtObject *v) {
    PyrtObject *key = PyrtInt_FromI64(k);
    if (!key) return -1;
    int rc = PyrtDict_SetItem(d, key, v);
    PYRT_DECREF(key);
    return rc;
}

static PyrtObject *maketrans_dict(PyrtObject *x) {
    if (x->type != &PyrtType_Dict && !Pyrt_TypeCheck(x, &PyrtType_Dict))
        return type_error("if you give only one argument to maketrans it must be a dict");
    PyrtObject *d = PyrtDict_New();
    if (!d) return NULL;
    int64_t pos = 0;
    PyrtObject *k, *v;
    while (PyrtDict_Next(x, &pos, &k, &v)) {
        int rc;
        if (PyrtStr_Check(k)) {
            if (PyrtStr_Len(k) != 1) {
                PYRT_DECREF(d);
                return Pyrt_ErrSetString(&PyrtType_ValueError,
                                         "string keys in translate table must be of length 1");
            }
            rc = dict_set_cp(d, (uint32_t)PyrtStr_Ord(k), v);
        } else if (is_int(k)) rc = PyrtDict_SetItem(d, k, v);
        else {
            PYRT_DECREF(d);
            return type_error("keys in translate table must be strings or integers");
        }
        if (rc < 0) { PYRT_DECREF(d); return NULL; }
    }
    return d;
}

PYRT_STR_METH(maketrans) {
    (void)self;
    CHECK(PYRT_ARGS_CLINIC, 1, 3);
    if (nargs == 1) return maketrans_dict(args[0]);
    if (!need_str(args[0], "maketrans() argument 1 ") || !need_str(args[1], "maketrans() argument 2 "))
        return NULL;
    if (nargs == 3 && !need_str(args[2], "maketrans() argument 3 ")) return NULL;
    if (PyrtStr_Len(args[0]) != PyrtStr_Len(args[1]))
        return Pyrt_ErrSetString(&PyrtType_ValueError,
                                 "the first two maketrans arguments must have equal length");
    PyrtObject *d = PyrtDict_New();
    if (!d) return NULL;
    PyrtStr *x = (PyrtStr *)args[0], *y = (PyrtStr *)args[1];
    uint32_t a, b;
    for (int64_t ox = 0, oy = 0; ox < x->nbytes;) {
        ox += Pyrt_Utf8Decode(x->data + ox, &a);
        oy += Pyrt_Utf8Decode(y->data + oy, &b);
        PyrtObject *v = PyrtInt_FromI64(b);
        int rc = v ? dict_set_cp(d, a, v) : -1;
        PYRT_XDECREF(v);
        if (rc < 0) { PYRT_DECREF(d); return NULL; }
    }
    if (nargs == 3) {
        PyrtStr *z = (PyrtStr *)args[2];
        for (int64_t oz = 0; oz < z->nbytes;) {
            oz += Pyrt_Utf8Decode(z->data + oz, &a);
            if (dict_set_cp(d, a, Pyrt_None) < 0) { PYRT_DECREF(d); return NULL; }
        }
    }
    return d;
}

/* ================================================================== type slots */

static void str_dealloc(PyrtObject *o) {
    if (off_cache_str == (PyrtStr *)o) off_cache_str = NULL;
}

static PyrtObject *str_repr(PyrtObject *o) { return PyrtStr_ReprOf(o); }

static PyrtObject *str_str(PyrtObject *o) {
    if (o->type == &PyrtType_Str) { PYRT_INCREF(o); return o; }
    PyrtStr *s = (PyrtStr *)o;
    return PyrtStr_FromUTF8(s->data, s->nbytes);
}

static PyrtObject *str_richcompare(PyrtObject *a, PyrtObject *b, int op) {
    if (!PyrtStr_Check(a) || !PyrtStr_Check(b)) return Pyrt_NotImplemented;
    if (op == PYRT_EQ) return Pyrt_BoolFromC(PyrtStr_Eq(a, b));
    if (op == PYRT_NE) return Pyrt_BoolFromC(!PyrtStr_Eq(a, b));
    int c = PyrtStr_Compare(a, b);
    bool r;
    switch (op) {
    case PYRT_LT: r = c < 0; break;
    case PYRT_LE: r = c <= 0; break;
    case PYRT_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return Pyrt_BoolFromC(r);
}

/* A user class instance that may answer the reflected operator itself. */
static bool defers_to(PyrtObject *o, const char *rname) {
    return (o->type->flags & PYRT_TPFLAG_USER) && Pyrt_LookupTypeStr(o->type, rname) != NULL;
}

static PyrtObject *seq_repeat_error(PyrtObject *n) {
    char msg[200];
    Pyrt_Snprintf(msg, sizeof msg, "can't multiply sequence by non-int of type '%s'", n->type->name);
    return type_error(msg);
}

static PyrtObject *str_binop(PyrtObject *a, PyrtObject *b, int op) {
    op &= ~PYRT_INPLACE;
    bool sa = PyrtStr_Check(a), sb_ = PyrtStr_Check(b);
    if (op == PYRT_ADD) {
        if (sa && sb_) return PyrtStr_Concat(a, b);
        if (!sa || defers_to(b, "__radd__")) return Pyrt_NotImplemented;
        char msg[200];
        Pyrt_Snprintf(msg, sizeof msg, "can only concatenate str (not \"%s\") to str", b->type->name);
        return type_error(msg);
    }
    if (op == PYRT_MUL) {
        PyrtObject *s = sa ? a : b, *n = sa ? b : a;
        int64_t count;
        if (is_int(n)) return PyrtInt_AsCount(n, &count) < 0 ? NULL : PyrtStr_Repeat(s, count);
        if (defers_to(n, sa ? "__rmul__" : "__mul__")) return Pyrt_NotImplemented;
        return seq_repeat_error(n);
    }
    if (op == PYRT_MOD && sa) return PyrtStr_Mod(a, b);
    return Pyrt_NotImplemented;
}

static int64_t str_len(PyrtObject *o) { return PyrtStr_Len(o); }

PyrtObject *PyrtStr_SliceSubscript(PyrtObject *o, PyrtObject *key) {
    PyrtSlice *sl = (PyrtSlice *)key;
    return PyrtStr_Slice(o, sl->start, sl->stop, sl->step);
}

static PyrtObject *str_getitem(PyrtObject *o, PyrtObject *key) {
    int64_t i;
    if (is_int(key)) return PyrtInt_AsIndexOrIndexError(key, &i) < 0 ? NULL : PyrtStr_GetItem(o, i);
    if (key->type == &PyrtType_Slice) return pyrt_slice_hooks.str(o, key);   /* set: slices exist */
    int rc = PyrtStr_UserIndex(key, false, &i);
    if (rc) return rc < 0 ? NULL : PyrtStr_GetItem(o, i);
    char msg[200];
    Pyrt_Snprintf(msg, sizeof msg, "string indices must be integers, not '%s'", key->type->name);
    return type_error(msg);
}

static int str_contains(PyrtObject *o, PyrtObject *item) { return PyrtStr_Contains(o, item); }

static int str_bool(PyrtObject *o) { return PyrtStr_Len(o) != 0; }

static PyrtObject *str_format(PyrtObject *o, PyrtObject *spec) { return Pyrt_FormatStr(o, spec); }

/* str(), str(x), str(b, encoding[, errors]) */
PyrtObject *PyrtStr_New(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)type;
    static const char *const names[] = { "object", "encoding", "errors" };
    PyrtObject *a[3];
    if (PyrtStr_ParseKwArgs("str", args, nargs, kwnames, names, 3, a) < 0) return NULL;
    if (!a[1] && !a[2]) return a[0] ? Pyrt_Str(a[0]) : PyrtStr_Empty();
    const char *enc = NULL, *errors = NULL;
    if (str_arg(a[1], "str", "encoding", &enc) < 0 || str_arg(a[2], "str", "errors", &errors) < 0)
        return NULL;
    if (!a[0]) return PyrtStr_Empty();
    if (PyrtBytes_Check(a[0]))
        return PyrtBytes_Decode(PyrtBytes_Data(a[0]), PyrtBytes_Len(a[0]), enc, errors);
    if (PyrtStr_Check(a[0])) return type_error("decoding str is not supported");
    char msg[200];
    Pyrt_Snprintf(msg, sizeof msg, "decoding to str: need a bytes-like object, %s found", a[0]->type->name);
    return type_error(msg);
}

static PyrtObject *str_meth___new__(PyrtObject *cls, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    return PyrtBuiltin_meth___new__(cls, args, nargs, kwnames, &PyrtType_Str);
}

static PyrtObject *str_meth___format__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    if (PyrtCont_NoKw("__format__", kwnames) < 0 || PyrtCont_ArgRange("__format__", nargs, 1, 1) < 0) return NULL;
    if (!PyrtStr_Check(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "__format__() argument must be str, not %s", args[0]->type->name);
    PyrtStr *s = (PyrtStr *)self;
    PyrtObject *exact = PyrtStr_FromUTF8(s->data, s->nbytes);   /* (a subclass's own __str__ is not str's) */
    PyrtObject *r = exact ? Pyrt_FormatStr(exact, args[0]) : NULL;
    Pyrt_XDecRef(exact);
    return r;
}

static PyrtObject *str_meth___str__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames) {
    (void)args;
    if (PyrtCont_NoArgs("__str__", nargs, kwnames) < 0) return NULL;
    return str_str(self);
}

static const PyrtMethodDef str_methods[] = {
    { "__new__", str_meth___new__ },
    { "__str__", str_meth___str__ },
    { "__format__", str_meth___format__ },
    { "split", PyrtStr_meth_split }, { "rsplit", PyrtStr_meth_rsplit },
    { "splitlines", PyrtStr_meth_splitlines }, { "join", PyrtStr_meth_join },
    { "strip", PyrtStr_meth_strip }, { "lstrip", PyrtStr_meth_lstrip },
    { "rstrip", PyrtStr_meth_rstrip }, { "replace", PyrtStr_meth_replace },
    { "find", PyrtStr_meth_find }, { "rfind", PyrtStr_meth_rfind },
    { "index", PyrtStr_meth_index }, { "rindex", PyrtStr_meth_rindex },
    { "count", PyrtStr_meth_count }, { "startswith", PyrtStr_meth_startswith },
    { "endswith", PyrtStr_meth_endswith }, { "upper", PyrtStr_meth_upper },
    { "lower", PyrtStr_meth_lower }, { "casefold", PyrtStr_meth_casefold },
    { "title", PyrtStr_meth_title }, { "capitalize", PyrtStr_meth_capitalize },
    { "swapcase", PyrtStr_meth_swapcase }, { "isdigit", PyrtStr_meth_isdigit },
    { "isdecimal", PyrtStr_meth_isdecimal }, { "isnumeric", PyrtStr_meth_isnumeric },
    { "isalpha", PyrtStr_meth_isalpha }, { "isalnum", PyrtStr_meth_isalnum },
    { "isspace", PyrtStr_meth_isspace }, { "isupper", PyrtStr_meth_isupper },
    { "islower", PyrtStr_meth_islower }, { "istitle", PyrtStr_meth_istitle },
    { "isidentifier", PyrtStr_meth_isidentifier }, { "isascii", PyrtStr_meth_isascii },
    { "isprintable", PyrtStr_meth_isprintable }, { "center", PyrtStr_meth_center },
    { "ljust", PyrtStr_meth_ljust }, { "rjust", PyrtStr_meth_rjust },
    { "zfill", PyrtStr_meth_zfill }, { "partition", PyrtStr_meth_partition },
    { "rpartition", PyrtStr_meth_rpartition }, { "expandtabs", PyrtStr_meth_expandtabs },
    { "encode", PyrtStr_meth_encode }, { "format", PyrtStr_meth_format },
    { "format_map", PyrtStr_meth_format_map }, { "removeprefix", PyrtStr_meth_removeprefix },
    { "removesuffix", PyrtStr_meth_removesuffix }, { "maketrans", PyrtStr_meth_maketrans, PYRT_METH_TYPE },
    { "translate", PyrtStr_meth_translate },
    { NULL, NULL }
};

PyrtType PyrtType_Str = {
    .ob = PYRT_TYPE_HEAD,
    .name = "str",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtStr),
    .flags = PYRT_TPFLAG_STR | PYRT_TPFLAG_BASETYPE,
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = PyrtStr_Hash,
    .richcompare = str_richcompare,
    .iter = str_iter,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .bool_ = str_bool,
};

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_str(void)
{
    PyrtType_Str.methods = str_methods;
}
void pyrt_lazy_binop_str(void)
{
    PyrtType_Str.binop = str_binop;
}
void pyrt_lazy_format_str(void)
{
    PyrtType_Str.format = str_format;
}
void pyrt_lazy_tp_new_str(void)
{
    PyrtType_Str.tp_new = PyrtStr_New;
}


/* ------------------------------------------------------------------ str subclasses
 * An instance of a compiled subclass of str is a PyrtStr followed by its attribute dict
 * (type.c:sub_dict_slot, dictoffset -3). */
static size_t str_sub_size(int64_t nbytes) {
    return ((sizeof(PyrtStr) + (size_t)nbytes + 1 + 7) & ~(size_t)7) + sizeof(PyrtObject *);
}

PyrtObject **PyrtStr_SubDictSlot(PyrtObject *o) {
    return (PyrtObject **)((char *)o + str_sub_size(((PyrtStr *)o)->nbytes) - sizeof(PyrtObject *));
}

PyrtObject *PyrtStr_SubNew(PyrtType *t, PyrtObject *v) {
    PyrtStr *src = (PyrtStr *)v;
    PyrtStr *s = (PyrtStr *)Pyrt_Alloc(t, str_sub_size(src->nbytes));   /* zeroed */
    if (!s) return NULL;
    s->length = src->length;
    s->nbytes = src->nbytes;
    s->hash = -1;
    s->ascii = src->ascii;
    memcpy(s->data, src->data, (size_t)src->nbytes + 1);
    return (PyrtObject *)s;
}
