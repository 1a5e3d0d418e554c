/* pyrt_str.h: extra runtime declarations owned by the str area (see pyrt.h for the conventions):
 * UTF-8 and Unicode-database helpers, a string builder shared by str.c/format.c/bytes.c, the
 * argument-checking helpers of builtin methods, and every str/bytes method as a PyrtMethFn. */
#ifndef PYRT_STR_H
#define PYRT_STR_H

/* ------------------------------------------------------------------ UTF-8 */
/* Decode one code point at p (valid UTF-8 assumed); returns the number of bytes used (1-4). */
int Pyrt_Utf8Decode(const char *p, uint32_t *cp);
/* Encode cp (< 0x110000; surrogates are encoded as 3 bytes) into out; returns 1-4. */
int Pyrt_Utf8Encode(uint32_t cp, char *out);
/* Number of code points in n bytes of valid UTF-8. */
int64_t Pyrt_Utf8Count(const char *s, int64_t n);

/* ------------------------------------------------------------------ Unicode database (unicode_db.c) */
enum {
    PYRT_UCD_ALPHA = 1 << 0, PYRT_UCD_DECIMAL = 1 << 1, PYRT_UCD_DIGIT = 1 << 2,
    PYRT_UCD_NUMERIC = 1 << 3, PYRT_UCD_SPACE = 1 << 4, PYRT_UCD_UPPER = 1 << 5,
    PYRT_UCD_LOWER = 1 << 6, PYRT_UCD_TITLE = 1 << 7, PYRT_UCD_CASED = 1 << 8,
    PYRT_UCD_CASE_IGNORABLE = 1 << 9, PYRT_UCD_XID_START = 1 << 10, PYRT_UCD_XID_CONTINUE = 1 << 11
};
uint32_t Pyrt_UcdFlags(uint32_t cp);         /* PYRT_UCD_* bits (what str.isalpha() etc. test) */
bool Pyrt_UcdIsPrintable(uint32_t cp);       /* str.isprintable() of one character */
int Pyrt_UcdDecimal(uint32_t cp);            /* decimal digit value 0-9, or -1 */
bool Pyrt_UcdIsSpace(uint32_t cp);           /* str.isspace() of one character */
enum { PYRT_CASE_LOWER = 0, PYRT_CASE_UPPER = 1, PYRT_CASE_TITLE = 2, PYRT_CASE_FOLD = 3 };
/* Full case mapping of one code point (no final-sigma context); writes up to 3 code points to out
 * and returns how many. */
int Pyrt_UcdCaseMap(uint32_t cp, int which, uint32_t out[3]);
/* generated tables (unicode_db.c) */
typedef struct { uint32_t start; uint16_t len; uint16_t rec_even, rec_odd; } PyrtCaseRun;
extern const uint32_t pyrt_ucd_run_start[];
extern const uint16_t pyrt_ucd_run_flags[];
extern const int32_t pyrt_ucd_nruns;
extern const uint16_t pyrt_ucd_printable_toggles[];     /* low 16 bits, by plane: */
extern const int32_t pyrt_ucd_printable_plane_start[18];
extern const uint32_t pyrt_ucd_decimal_zeros[];
extern const int32_t pyrt_ucd_ndecimal_zeros;
extern const int32_t pyrt_ucd_case_records[][4];
extern const PyrtCaseRun pyrt_ucd_case_runs[];
extern const int32_t pyrt_ucd_ncase_runs;
extern const char *const pyrt_ucd_specials[];

/* ------------------------------------------------------------------ building strings */
/* A growable UTF-8 buffer. Init, append, then Finish (returns the str, frees the buffer) or
 * Discard (on error paths). Append functions return -1 with MemoryError set on failure. */
typedef struct { char *buf; int64_t len, cap; char small[128]; } PyrtStrBuilder;
void PyrtSB_Init(PyrtStrBuilder *sb);
int PyrtSB_Add(PyrtStrBuilder *sb, const char *s, int64_t n);
int PyrtSB_AddStr(PyrtStrBuilder *sb, PyrtObject *s);            /* s is a str */
int PyrtSB_AddCStr(PyrtStrBuilder *sb, const char *s);
int PyrtSB_AddCP(PyrtStrBuilder *sb, uint32_t cp);
int PyrtSB_AddRepeat(PyrtStrBuilder *sb, uint32_t cp, int64_t n); /* n copies of cp (n <= 0: none) */
char *PyrtSB_Reserve(PyrtStrBuilder *sb, int64_t n);             /* room for n more bytes; caller
                                                                    writes them and adds n to len */
PyrtObject *PyrtSB_Finish(PyrtStrBuilder *sb);
PyrtObject *PyrtSB_FinishBytes(PyrtStrBuilder *sb);
void PyrtSB_Discard(PyrtStrBuilder *sb);

/* ------------------------------------------------------------------ str internals */
/* A new str of nbytes bytes (data uninitialised, NUL written at the end) holding length code
 * points; the caller fills data. nbytes 0 gives the shared empty string. */
PyrtObject *PyrtStr_NewRaw(int64_t nbytes, int64_t length, bool ascii);
PyrtObject *PyrtStr_Empty(void);                    /* the immortal '' (no incref needed) */
/* Byte offset of code point index i (0 <= i <= length). */
int64_t PyrtStr_Offset(PyrtObject *s, int64_t i);
/* Substring by code point indices (0 <= start <= stop <= length). */
PyrtObject *PyrtStr_Substring(PyrtObject *s, int64_t start, int64_t stop);
static inline bool PyrtStr_Check(PyrtObject *o) {
    return o->type == &PyrtType_Str || (o->type->flags & PYRT_TPFLAG_STR);
}
static inline bool PyrtBytes_Check(PyrtObject *o) { return Pyrt_TypeCheck(o, &PyrtType_Bytes); }
/* Index of the first occurrence of needle in hay (bytes), or -1. */
int64_t Pyrt_FindBytes(const char *hay, int64_t hn, const char *needle, int64_t nn);
int64_t Pyrt_RFindBytes(const char *hay, int64_t hn, const char *needle, int64_t nn);
/* CPython-compatible hash of a byte string (SipHash-1-3, zero key = PYTHONHASHSEED=0). */
int64_t Pyrt_HashBytes(const void *data, int64_t n);
/* int-like argument: int or bool; else TypeError "'T' object cannot be interpreted as an integer". */
int64_t PyrtStr_AsIndex(PyrtObject *o);             /* flag convention; user __index__ honoured */
/* o.name() when o is a compiled-class instance whose class defines name (*found says whether it
 * does); NULL with *found false and no exception otherwise. */
PyrtObject *PyrtStr_CallUserDunder(PyrtObject *o, const char *name, bool *found);
/* *out = o.__index__() (or o.__int__() when allow_int) for a compiled-class instance: 1 done,
 * 0 not defined (no exception), -1 error ("__index__ returned non-int (type str)"). */
int PyrtStr_UserIndex(PyrtObject *o, bool allow_int, int64_t *out);
/* Clamp a slice the way CPython's PySlice_AdjustIndices does (start/stop/step NULL or None = omitted);
 * -1 on TypeError/ValueError. */
int PyrtStr_SliceIndices(PyrtObject *start, PyrtObject *stop, PyrtObject *step, int64_t length,
                         int64_t *rstart, int64_t *rstop, int64_t *rstep, int64_t *rlen);
/* find()-style start/end (NULL or None = omitted), adjusted like CPython's ADJUST_INDICES. */
int PyrtStr_ParseStartEnd(PyrtObject *start, PyrtObject *end, int64_t length, int64_t *rstart,
                          int64_t *rend);

/* Arity checks of builtin methods, with CPython's message for each calling convention.
 * Returns -1 with TypeError set when nargs is outside [min, max] or keywords were given. */
enum {
    PYRT_ARGS_NOARGS,   /* "str.upper() takes no arguments (1 given)" */
    PYRT_ARGS_ONE,      /* "str.join() takes exactly one argument (0 given)" */
    PYRT_ARGS_CLINIC,   /* "strip expected at most 1 argument, got 2" */
    PYRT_ARGS_TUPLE     /* "find() takes at least 1 argument (0 given)" */
};
int PyrtStr_CheckArgs(const char *tname, const char *name, int style, int64_t nargs,
                      PyrtObject *kwnames, int64_t min, int64_t max);
/* Methods taking keywords: fills out[0..nnames) with borrowed arguments (NULL = not given).
 * "split() takes at most 2 arguments (3 given)", "'x' is an invalid keyword argument for split()". */
int PyrtStr_ParseKwArgs(const char *name, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                        const char *const *names, int64_t nnames, PyrtObject **out);

/* printf-style formatting of one int64 for % and format specs: digits of |v| in base 2/8/10/16. */
int Pyrt_FormatDigits(uint64_t mag, int base, bool upper, char *out);   /* returns length */

/* ------------------------------------------------------------------ str methods (PyrtMethFn) */
#define PYRT_STR_METH(n) PyrtObject *PyrtStr_meth_##n(PyrtObject *self, PyrtObject *const *args, \
                                                      int64_t nargs, PyrtObject *kwnames)
PYRT_STR_METH(split); PYRT_STR_METH(rsplit); PYRT_STR_METH(splitlines); PYRT_STR_METH(join);
PYRT_STR_METH(strip); PYRT_STR_METH(lstrip); PYRT_STR_METH(rstrip); PYRT_STR_METH(replace);
PYRT_STR_METH(find); PYRT_STR_METH(rfind); PYRT_STR_METH(index); PYRT_STR_METH(rindex);
PYRT_STR_METH(count); PYRT_STR_METH(startswith); PYRT_STR_METH(endswith);
PYRT_STR_METH(upper); PYRT_STR_METH(lower); PYRT_STR_METH(casefold); PYRT_STR_METH(title);
PYRT_STR_METH(capitalize); PYRT_STR_METH(swapcase);
PYRT_STR_METH(isdigit); PYRT_STR_METH(isdecimal); PYRT_STR_METH(isnumeric); PYRT_STR_METH(isalpha);
PYRT_STR_METH(isalnum); PYRT_STR_METH(isspace); PYRT_STR_METH(isupper); PYRT_STR_METH(islower);
PYRT_STR_METH(istitle); PYRT_STR_METH(isidentifier); PYRT_STR_METH(isascii);
PYRT_STR_METH(isprintable);
PYRT_STR_METH(center); PYRT_STR_METH(ljust); PYRT_STR_METH(rjust); PYRT_STR_METH(zfill);
PYRT_STR_METH(partition); PYRT_STR_METH(rpartition); PYRT_STR_METH(expandtabs);
PYRT_STR_METH(encode); PYRT_STR_METH(format); PYRT_STR_METH(format_map);
PYRT_STR_METH(removeprefix); PYRT_STR_METH(removesuffix);
PYRT_STR_METH(maketrans);   /* static method: self is ignored (args are maketrans's own) */
PYRT_STR_METH(translate);
PyrtObject *PyrtStr_FormatMap(PyrtObject *fmt, PyrtObject *mapping);   /* fmt.format_map(mapping) */

/* str(...) and bytes(...) constructors (tp_new) */
PyrtObject *PyrtStr_New(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtBytes_New(PyrtObject *type, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);

/* ------------------------------------------------------------------ encodings */
/* s.encode(encoding, errors) / bytes.decode(encoding, errors): utf-8, ascii, latin-1; errors
 * strict/ignore/replace (encoding NULL = utf-8, errors NULL = strict). UnicodeError and LookupError
 * with CPython's messages. */
PyrtObject *PyrtStr_Encode(PyrtObject *s, const char *encoding, const char *errors);
PyrtObject *PyrtBytes_Decode(const unsigned char *data, int64_t n, const char *encoding,
                             const char *errors);

/* ------------------------------------------------------------------ bytes */
extern PyrtType PyrtType_BytesIter;
static inline int64_t PyrtBytes_Len(PyrtObject *b) { return ((PyrtBytes *)b)->length; }
static inline const unsigned char *PyrtBytes_Data(PyrtObject *b) { return ((PyrtBytes *)b)->data; }
PyrtObject *PyrtBytes_NewRaw(int64_t n);   /* data uninitialised (NUL written after the end) */
PyrtObject *PyrtBytes_Concat(PyrtObject *a, PyrtObject *b);
PyrtObject *PyrtBytes_Repeat(PyrtObject *a, int64_t n);
PyrtObject *PyrtBytes_GetItem(PyrtObject *b, int64_t i);    /* an int; "index out of range" */
PyrtObject *PyrtBytes_Slice(PyrtObject *b, PyrtObject *start, PyrtObject *stop, PyrtObject *step);
bool PyrtBytes_Eq(PyrtObject *a, PyrtObject *b);
int PyrtBytes_Compare(PyrtObject *a, PyrtObject *b);
int64_t PyrtBytes_Hash(PyrtObject *b);
PyrtObject *PyrtBytes_Repr(PyrtObject *b);
PyrtObject *PyrtBytes_FromIterable(PyrtObject *it);        /* bytes([1, 2]) */
#define PYRT_BYTES_METH(n) PyrtObject *PyrtBytes_meth_##n(PyrtObject *self, PyrtObject *const *args, \
                                                          int64_t nargs, PyrtObject *kwnames)
PYRT_BYTES_METH(decode); PYRT_BYTES_METH(split); PYRT_BYTES_METH(rsplit); PYRT_BYTES_METH(strip);
PYRT_BYTES_METH(lstrip); PYRT_BYTES_METH(rstrip); PYRT_BYTES_METH(startswith);
PYRT_BYTES_METH(endswith); PYRT_BYTES_METH(find); PYRT_BYTES_METH(rfind); PYRT_BYTES_METH(index);
PYRT_BYTES_METH(rindex); PYRT_BYTES_METH(count); PYRT_BYTES_METH(join); PYRT_BYTES_METH(hex);
PYRT_BYTES_METH(replace); PYRT_BYTES_METH(upper); PYRT_BYTES_METH(lower);

#endif
