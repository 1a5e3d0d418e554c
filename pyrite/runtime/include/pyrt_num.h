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
PyrtObject *PyrtI64_BinOp(int64_t a, int64_t b, int op); /* int op int (boxed result) */
PyrtObject *PyrtF64_BinOp(double a, double b, int op);   /* float op float; NotImplemented for bit ops */
bool PyrtF64_DivMod(double a, double b, double *div, double *mod);  /* "float divmod()" */
PyrtObject *PyrtInt_RoundNdigits(int64_t v, int64_t ndigits);       /* round(int, n), half even */
PyrtObject *PyrtErr_FloatToIntError(double d);  /* OverflowError inf / ValueError NaN (messages as CPython) */
PyrtObject *PyrtInt_FromString_Checked(PyrtObject *s, int64_t base); /* str or bytes */
int64_t PyrtI64_BitLength(int64_t v);

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
/* OSError subclass + message "[Errno N] text: 'path'" from a C errno value (Linux numbering). */
PyrtObject *PyrtErr_FromErrno(int err, PyrtObject *path /* NULL: no filename */);

/* The small-int cache (-5..1024), for inline boxing in generated code. */
extern PyrtInt pyrt_small_ints[];
extern bool pyrt_small_ready;
void PyrtFile_SetLatin1(PyrtObject *f);   /* text file opened with encoding='latin-1' (write only) */
#endif
