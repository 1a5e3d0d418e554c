/* pyrt_num.h: extra runtime declarations owned by the num area (int.c float.c builtins.c io.c
 * mathmod.c; see pyrt.h for the conventions). Builtin-type methods are exposed as PyrtMethFn entries
 * named Pyrt<Type>_meth_<name>; they are also in the type's `methods` table for dynamic calls. */
#ifndef PYRT_NUM_H
#define PYRT_NUM_H

/* ------------------------------------------------------------------ process hooks */
void Pyrt_FlushStdout(void);               /* writes the runtime's stdout buffer (Pyrt_Finalize) */
void Pyrt_SetArgv(int argc, char **argv);  /* fills sys.argv (called from main / Pyrt_Init) */

/* ------------------------------------------------------------------ numbers */
static inline bool PyrtNum_IsInt(PyrtObject *o) { return (o->type->flags & PYRT_TPFLAG_INT) != 0; }
static inline bool PyrtNum_IsFloat(PyrtObject *o) { return o->type == &PyrtType_Float; }
/* The shared int/bool/float slots: any mix of int, bool and float; Pyrt_NotImplemented otherwise. */
PyrtObject *PyrtNum_BinOp(PyrtObject *a, PyrtObject *b, int op);
PyrtObject *PyrtNum_RichCompare(PyrtObject *a, PyrtObject *b, int op);
int PyrtNum_CompareI64F64(int64_t i, double d, int op);  /* exact int vs float comparison, 0/1 */
bool PyrtNum_CmpResult(int c, int op);                    /* a three-way result c (<0, 0, >0) read by op */
PyrtObject *PyrtI64_BinOp(int64_t a, int64_t b, int op); /* int op int (boxed result) */
PyrtObject *PyrtF64_BinOp(double a, double b, int op);   /* float op float; NotImplemented for bit ops */
bool PyrtF64_DivMod(double a, double b, double *div, double *mod);  /* "float divmod()" */
PyrtObject *PyrtInt_RoundNdigits(int64_t v, int64_t ndigits);       /* round(int, n), half even */
PyrtObject *PyrtErr_FloatToIntError(double d);  /* OverflowError inf / ValueError NaN (messages as CPython) */
PyrtObject *PyrtInt_FromString_Checked(PyrtObject *s, int64_t base); /* str or bytes */
int64_t PyrtI64_BitLength(int64_t v);

/* ------------------------------------------------------------------ big ints (long.c)
 * Every function takes ints in either form (compact or big; bools too) and returns canonical ints.
 * None raises OverflowError for an int result; MemoryError beyond 2**36 bits. */
extern int64_t pyrt_int_max_str_digits;     /* sys.set_int_max_str_digits (0: no limit; default 4300) */
PyrtObject *PyrtLong_BinOp(PyrtObject *a, PyrtObject *b, int op);     /* int op int, any PYRT_* binary op */
PyrtObject *PyrtLong_BinOpI64(int64_t a, int64_t b, int op);          /* the same on int64 operands */
int PyrtLong_DivMod(PyrtObject *a, PyrtObject *b, PyrtObject **q, PyrtObject **r); /* floor; either out may be NULL; -1 */
PyrtObject *PyrtLong_Neg(PyrtObject *a);
PyrtObject *PyrtLong_Abs(PyrtObject *a);
PyrtObject *PyrtLong_Invert(PyrtObject *a);
int PyrtLong_Sign(PyrtObject *a);                                      /* -1, 0, 1 */
int PyrtLong_Compare(PyrtObject *a, PyrtObject *b);                    /* -1, 0, 1 */
int PyrtLong_CompareDouble(PyrtObject *a, double d);                   /* exact; 2 when d is NaN */
int64_t PyrtLong_Hash(PyrtObject *a);                                  /* CPython's hash (mod 2**61-1) */
int64_t PyrtLong_BitLength(PyrtObject *a);
int64_t PyrtLong_BitCount(PyrtObject *a);
double PyrtLong_AsDouble(PyrtObject *a);            /* correctly rounded; OverflowError (flag) */
double PyrtLong_Frexp(PyrtObject *a, int64_t *e);   /* |a| = m * 2**e, 0.5 <= m < 1 (m rounded to 53 bits) */
PyrtObject *PyrtLong_FromDouble(double d);          /* int(d) for any finite d */
PyrtObject *PyrtLong_FromI64Min(void);              /* INT64_MIN (big in canonical form) */
PyrtObject *PyrtLong_Format(PyrtObject *a, int base, bool prefix);  /* str (10, limit) / bin / oct / hex */
/* |a|'s digits (base 10 or a power of two), NUL-terminated, Pyrt_Malloc'd; decimal obeys the limit */
char *PyrtLong_Digits(PyrtObject *a, int base, bool upper, int64_t *len, bool *neg);
PyrtObject *PyrtLong_FromDigitValues(const unsigned char *vals, int64_t n, int base, bool neg);
int PyrtLong_ToBytes(PyrtObject *a, unsigned char *out, int64_t length, bool little, bool is_signed);
PyrtObject *PyrtLong_FromBytes(const unsigned char *d, int64_t n, bool little, bool is_signed);
PyrtObject *PyrtLong_PowMod(PyrtObject *a, PyrtObject *e, PyrtObject *m);   /* pow(a, e, m), 3.11 rules */
PyrtObject *PyrtLong_Gcd(PyrtObject *a, PyrtObject *b);                     /* >= 0 */
PyrtObject *PyrtLong_Isqrt(PyrtObject *n);                                  /* n >= 0 */
/* int helpers over both forms */
static inline double PyrtInt_AsDouble(PyrtObject *o) {   /* float(int): OverflowError (flag) */
    return PYRT_UNLIKELY(PyrtInt_IsBig(o)) ? PyrtLong_AsDouble(o) : (double)PyrtInt_AsI64(o); }
PyrtObject *PyrtInt_Abs(PyrtObject *x);
PyrtObject *PyrtInt_RoundObj(PyrtObject *x, int64_t ndigits);   /* round(int, ndigits) */
int PyrtInt_AsSsize(PyrtObject *o, int64_t *out);      /* size argument: OverflowError for big; TypeError; -1 */
int PyrtInt_AsIndexOrIndexError(PyrtObject *o, int64_t *out);  /* o an int; big: IndexError; -1 */
int PyrtInt_AsCount(PyrtObject *o, int64_t *out);      /* o an int; big: OverflowError (repetition); -1 */
int PyrtInt_AsNdigits(PyrtObject *o, int64_t *out);
int64_t PyrtInt_AsClamped(PyrtObject *o);
bool PyrtInt_ToI64(PyrtObject *o, int64_t *out);     /* o an int: exact int64 value (INT64_MIN too) or false */             /* o an int; big: +-INT64_MAX (slice bounds) */    /* round()'s ndigits; big clamped; -1 */
PyrtObject *Pyrt_FormatInt(PyrtObject *v, PyrtObject *spec);   /* format(int, spec), compact or big */

/* int / bool / float methods (PyrtMethFn) */
PyrtObject *PyrtInt_meth_bit_length(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtInt_meth_bit_count(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtInt_meth_conjugate(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFloat_meth_is_integer(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFloat_meth_conjugate(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);

/* ------------------------------------------------------------------ argument helpers (builtins.c)
 * Messages follow CPython's: each returns -1 with TypeError set on mismatch. */
int PyrtNum_NoKw(const char *fname, PyrtObject *kwnames);               /* "f() takes no keyword arguments" */
int PyrtNum_ExactlyOne(const char *fname, int64_t nargs);              /* "f() takes exactly one argument (N given)" */
int PyrtNum_NArgs(const char *fname, int64_t nargs, int64_t min, int64_t max); /* "f expected 2 arguments, got 1" */
/* Merge positional and keyword arguments into out[0..nnames) (borrowed, NULL when absent).
 * Positional beyond npos_max: "f() takes at most N arguments (M given)"; unknown keyword:
 * "'k' is an invalid keyword argument for f()"; a required (index < nrequired) missing:
 * "f() missing required argument 'x' (pos i)". kwonly_from: names at or after it are keyword-only. */
int PyrtNum_ParseArgs(const char *fname, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames,
                      const char *const *names, int nnames, int kwonly_from, int nrequired,
                      PyrtObject **out);
PyrtObject *PyrtNum_Str(const char *s);   /* immortal cached str constant for a C string literal */

/* ------------------------------------------------------------------ files and std streams (io.c) */
PyrtObject *PyrtFile_meth_read(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_readline(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_readlines(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_write(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_writelines(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_close(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_flush(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth___enter__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth___exit__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_seek(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_tell(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_readable(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_writable(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_fileno(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
PyrtObject *PyrtFile_meth_isatty(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames);
/* Typed helpers for generated code */
int64_t PyrtFile_Write(PyrtObject *f, PyrtObject *s);   /* f.write(s): chars/bytes written, -1 on error */
PyrtObject *PyrtFile_ReadLine(PyrtObject *f);           /* f.readline() ("" at EOF) */
PyrtObject *Pyrt_Input(PyrtObject *prompt /* NULL: none */);  /* input([prompt]) */
int Pyrt_Print(PyrtObject *const *objs, int64_t n);     /* print(*objs) to stdout, -1 on error */
PyrtObject *Pyrt_PrintStdout(PyrtObject *const *args, int64_t nargs);  /* print(args) (no keywords) */
/* OSError subclass + message "[Errno N] text: 'path'" from a C errno value (Linux numbering). */
PyrtObject *PyrtErr_FromErrno(int err, PyrtObject *path /* NULL: no filename */);

/* ------------------------------------------------------------------ int | float, unboxed (PyrtNum)
 * The representation of a value the compiler inferred as "int or float": kind 0 is an int (v.i),
 * kind 1 a float (v.f); kind 2 is the error value of functions returning one (pyrt_exc set).
 * Arithmetic is Python's: int op int stays an int (OverflowError beyond 64 bits, as for plain ints),
 * a float on either side makes a float. The checked helpers return true on error, like PyrtI64_*. */
typedef struct { union { int64_t i; double f; } v; int64_t kind; } PyrtNum;
#define PYRT_NUM_ERR ((PyrtNum){ .kind = 2 })
static inline PyrtNum PyrtNum_I(int64_t i) { PyrtNum r; r.v.i = i; r.kind = 0; return r; }
static inline PyrtNum PyrtNum_F(double f) { PyrtNum r; r.v.f = f; r.kind = 1; return r; }
static inline double PyrtNum_AsF64(PyrtNum a) { return a.kind ? a.v.f : (double)a.v.i; }
static inline int8_t PyrtNum_Truth(PyrtNum a) { return a.kind ? a.v.f != 0.0 : a.v.i != 0; }
/* o is known to be an int or a float */
static inline PyrtNum PyrtNum_FromObj(PyrtObject *o) {
    return o->type == &PyrtType_Float ? PyrtNum_F(PyrtFloat_AsDouble(o)) : PyrtNum_I(PyrtInt_AsI64(o)); }
PyrtNum PyrtNum_Unbox(PyrtObject *o);       /* int or float, else TypeError (kind 2) */
PyrtObject *PyrtNum_Box(PyrtNum a);         /* new reference */
static inline bool PyrtNum_Add(PyrtNum a, PyrtNum b, PyrtNum *r) {
    if (PYRT_LIKELY((a.kind | b.kind) == 0)) { r->kind = 0; return PyrtI64_Add(a.v.i, b.v.i, &r->v.i); }
    *r = PyrtNum_F(PyrtNum_AsF64(a) + PyrtNum_AsF64(b)); return false; }
static inline bool PyrtNum_Sub(PyrtNum a, PyrtNum b, PyrtNum *r) {
    if (PYRT_LIKELY((a.kind | b.kind) == 0)) { r->kind = 0; return PyrtI64_Sub(a.v.i, b.v.i, &r->v.i); }
    *r = PyrtNum_F(PyrtNum_AsF64(a) - PyrtNum_AsF64(b)); return false; }
static inline bool PyrtNum_Mul(PyrtNum a, PyrtNum b, PyrtNum *r) {
    if (PYRT_LIKELY((a.kind | b.kind) == 0)) { r->kind = 0; return PyrtI64_Mul(a.v.i, b.v.i, &r->v.i); }
    *r = PyrtNum_F(PyrtNum_AsF64(a) * PyrtNum_AsF64(b)); return false; }
bool PyrtNum_FloorDiv(PyrtNum a, PyrtNum b, PyrtNum *r);
bool PyrtNum_Mod(PyrtNum a, PyrtNum b, PyrtNum *r);
bool PyrtNum_Pow(PyrtNum a, PyrtNum b, PyrtNum *r);      /* int ** negative int is a float, as Python */
bool PyrtNum_TrueDiv(PyrtNum a, PyrtNum b, double *r);
static inline bool PyrtNum_Neg(PyrtNum a, PyrtNum *r) {
    if (a.kind) { *r = PyrtNum_F(-a.v.f); return false; }
    r->kind = 0; return PyrtI64_Neg(a.v.i, &r->v.i); }
bool PyrtNum_Abs(PyrtNum a, PyrtNum *r);
/* a <op> b (PYRT_LT...): exact for int against float, as CPython */
static inline int8_t PyrtNum_Compare(PyrtNum a, PyrtNum b, int op) {
    if (a.kind == b.kind) {
        if (a.kind == 0) {
            int64_t x = a.v.i, y = b.v.i;
            switch (op) { case PYRT_LT: return x < y; case PYRT_LE: return x <= y; case PYRT_EQ: return x == y;
                          case PYRT_NE: return x != y; case PYRT_GT: return x > y; default: return x >= y; }
        }
        double x = a.v.f, y = b.v.f;
        switch (op) { case PYRT_LT: return x < y; case PYRT_LE: return x <= y; case PYRT_EQ: return x == y;
                      case PYRT_NE: return x != y; case PYRT_GT: return x > y; default: return x >= y; }
    }
    if (a.kind == 0) return (int8_t)PyrtNum_CompareI64F64(a.v.i, b.v.f, op);
    static const int swapped[6] = { PYRT_GT, PYRT_GE, PYRT_EQ, PYRT_NE, PYRT_LT, PYRT_LE };
    return (int8_t)PyrtNum_CompareI64F64(b.v.i, a.v.f, swapped[op]);
}

/* The small-int cache (-5..1024), for inline boxing in generated code. */
extern PyrtInt pyrt_small_ints[];
extern bool pyrt_small_ready;
void PyrtFile_SetLatin1(PyrtObject *f);   /* text file opened with encoding='latin-1' (write only) */
#endif
