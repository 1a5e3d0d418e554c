/* io.c: standard streams and file objects. stdout is buffered by the runtime (flushed by
 * Pyrt_FlushStdout at exit, before input(), on sys.stdout.flush(), and at each newline when it is a
 * terminal); stderr is unbuffered. File objects (open(), sys.stdin/stdout/stderr) are PyrtType_File:
 * text mode decodes UTF-8 into str with universal newlines on read; binary mode uses bytes. OS
 * errors become CPython's exceptions with its "[Errno N] text: 'path'" messages (Linux errno numbers
 * on every target). */
#include "pyrt.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

enum { KIND_FILE = 0, KIND_STDOUT, KIND_STDERR, KIND_STDIN };

typedef struct {
    PyrtObject ob;
    FILE *fp;            /* regular files and stdin; NULL for stdout/stderr (raw fds) */
    int kind;
    int readable, writable, binary, closed;
    const char *cname;   /* std streams: "<stdout>"; files: NULL (name holds the path) */
    const char *cmode;   /* std streams' mode */
    PyrtObject *name;    /* the path as given (files), NULL for std streams */
    PyrtObject *mode;    /* the mode string (files) */
    int latin1;          /* text files opened with encoding latin-1: written one byte per code point */
} PyrtFile;

/* ------------------------------------------------------------------ stdout buffer */
static char out_buf[1 << 16];
static size_t out_len;
static int out_tty = -1;   /* -1: unknown */

/* 0, or the errno of a failed write */
static int write_fd(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = Pyrt_PlatformWrite(fd, s, n);
        if (w <= 0) {
            if (w < 0 && errno == EINTR)
                continue;
            return Pyrt_PlatformWriteError(fd, w < 0 ? errno : EIO);
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* The buffered output could not be written (a closed pipe: `prog | head`): what is left is dropped,
 * as CPython's buffer is, and the write that flushed raises (BrokenPipeError for EPIPE). */
static int stdout_failed;

static int flush_stdout(void)
{
    int err = 0;
    if (out_len) {
        err = write_fd(1, out_buf, out_len);
        out_len = 0;
        if (err)
            stdout_failed = err;
    }
    return err;
}

void Pyrt_FlushStdout(void)
{
    flush_stdout();
}

/* At exit: CPython reports a failed final flush of stdout and exits with status 120 (written out
 * directly: a program's exit path should not link the exception machinery for this). */
int Pyrt_FinishStdout(int status)
{
    int err = flush_stdout();
    if (err) {
        static const char head[] = "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
                                   "encoding='utf-8'>\n";
        static const char pipe[] = "BrokenPipeError: [Errno 32] Broken pipe\n";
        static const char nospace[] = "OSError: [Errno 28] No space left on device\n";
        static const char other[] = "OSError: [Errno 5] Input/output error\n";
        write_fd(2, head, sizeof head - 1);
        if (err == EPIPE)
            write_fd(2, pipe, sizeof pipe - 1);
        else if (err == ENOSPC)
            write_fd(2, nospace, sizeof nospace - 1);
        else
            write_fd(2, other, sizeof other - 1);
        return status ? status : 120;
    }
    return status;
}

/* the exception of a failed write of stdout (a few fixed messages: print's path does not link the
 * general errno table) */
static int stdout_error(int err)
{
    if (err == EPIPE)
        Pyrt_ErrSetString(&PyrtType_BrokenPipeError, "[Errno 32] Broken pipe");
    else if (err == ENOSPC)
        Pyrt_ErrSetString(&PyrtType_OSError, "[Errno 28] No space left on device");
    else
        Pyrt_ErrSetString(&PyrtType_OSError, "[Errno 5] Input/output error");
    return -1;
}

int Pyrt_WriteStdout(const char *s, int64_t n)
{
    if (out_tty < 0)
        out_tty = isatty(1);
    if ((size_t)n > sizeof out_buf - out_len) {
        int err = flush_stdout();
        if (!err && (size_t)n >= sizeof out_buf)
            err = write_fd(1, s, (size_t)n);
        if (err)
            return stdout_error(err);
        if ((size_t)n >= sizeof out_buf)
            return 0;
    }
    memcpy(out_buf + out_len, s, (size_t)n);
    out_len += (size_t)n;
    if (out_tty && memchr(s, '\n', (size_t)n)) {
        int err = flush_stdout();
        if (err)
            return stdout_error(err);
    }
    return 0;
}

static PyrtFile std_out = { PYRT_HEAD_INIT(&PyrtType_File), NULL, KIND_STDOUT, 0, 1, 0, 0, "<stdout>", "w", NULL, NULL };
static PyrtFile std_err = { PYRT_HEAD_INIT(&PyrtType_File), NULL, KIND_STDERR, 0, 1, 0, 0, "<stderr>", "w", NULL, NULL };
static PyrtFile std_in = { PYRT_HEAD_INIT(&PyrtType_File), NULL, KIND_STDIN, 1, 0, 0, 0, "<stdin>", "r", NULL, NULL };

PyrtObject *Pyrt_Stdout(void) { return (PyrtObject *)&std_out; }
PyrtObject *Pyrt_Stderr(void) { return (PyrtObject *)&std_err; }
/* read_line for file iteration, set where readable files come from (Pyrt_Stdin, PyrtFile_Open): a
 * program that only writes (print to stdout) does not link the reading code through the File type's
 * iternext slot. */
static PyrtObject *read_line(PyrtFile *f, int64_t limit);
PyrtObject *(*pyrt_read_line_fn)(PyrtFile *f, int64_t limit);   /* not static: kept opaque to the optimizer */

PyrtObject *Pyrt_Stdin(void)
{
    pyrt_read_line_fn = read_line;
    if (!std_in.fp)
        std_in.fp = stdin;
    return (PyrtObject *)&std_in;
}

/* ------------------------------------------------------------------ errors */
typedef struct { int err; int linux_no; const char *text; PyrtType *type; } ErrnoInfo;

PyrtObject *PyrtErr_FromErrno(int err, PyrtObject *path)
{
    const ErrnoInfo table[] = {
        { ENOENT, 2, "No such file or directory", &PyrtType_FileNotFoundError },
        { EACCES, 13, "Permission denied", &PyrtType_PermissionError },
        { EEXIST, 17, "File exists", &PyrtType_FileExistsError },
        { ENOTDIR, 20, "Not a directory", &PyrtType_NotADirectoryError },
        { EISDIR, 21, "Is a directory", &PyrtType_IsADirectoryError },
        { EPIPE, 32, "Broken pipe", &PyrtType_BrokenPipeError },
        { EINVAL, 22, "Invalid argument", &PyrtType_OSError },
        { EMFILE, 24, "Too many open files", &PyrtType_OSError },
        { ENOSPC, 28, "No space left on device", &PyrtType_OSError },
        { EROFS, 30, "Read-only file system", &PyrtType_OSError },
        { ENAMETOOLONG, 36, "File name too long", &PyrtType_OSError },
        { EBADF, 9, "Bad file descriptor", &PyrtType_OSError },
        { EPERM, 1, "Operation not permitted", &PyrtType_PermissionError },
    };
    int no = err;
    const char *text = strerror(err);
    PyrtType *type = &PyrtType_OSError;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i].err == err) {
            no = table[i].linux_no;
            text = table[i].text;
            type = table[i].type;
            break;
        }
    }
    /* args (errno, strerror[, filename]) as CPython's, so e.errno, e.strerror and e.filename work */
    PyrtObject *argv[3] = { PyrtInt_FromI64(no), PyrtStr_FromCString(text), path };
    PyrtObject *e = argv[0] && argv[1] ? PyrtExc_New(type, argv, path ? 3 : 2) : NULL;   /* (path: filename) */
    Pyrt_XDecRef(argv[0]);
    Pyrt_XDecRef(argv[1]);
    if (e)
        Pyrt_ErrRestore(e);
    return NULL;
}

static PyrtObject *err_closed(void)
{
    return Pyrt_ErrSetString(&PyrtType_ValueError, "I/O operation on closed file.");
}

static int check_open(PyrtFile *f, int need_read, int need_write)
{
    if (f->closed) {
        err_closed();
        return -1;
    }
    if (need_read && !f->readable) {
        Pyrt_ErrSetString(&PyrtType_OSError, "not readable");
        return -1;
    }
    if (need_write && !f->writable) {
        Pyrt_ErrSetString(&PyrtType_OSError, "not writable");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ open */
/* Parses a Python mode string; fills the fopen mode. -1 with ValueError on a bad mode. */
static int parse_mode(const char *m, PyrtObject *mode_obj, char *cmode, int *readable, int *writable, int *binary)
{
    int r = 0, w = 0, a = 0, x = 0, plus = 0, b = 0, t = 0;
    for (const char *p = m; *p; p++) {
        int *slot = *p == 'r' ? &r : *p == 'w' ? &w : *p == 'a' ? &a : *p == 'x' ? &x
            : *p == '+' ? &plus : *p == 'b' ? &b : *p == 't' ? &t : NULL;
        if (!slot || (*slot)++) {
            Pyrt_ErrFormat(&PyrtType_ValueError, "invalid mode: %R", mode_obj);
            return -1;
        }
    }
    if (r + w + a + x != 1) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (b && t) {
        Pyrt_ErrSetString(&PyrtType_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    *readable = r || plus;
    *writable = !r || plus;
    *binary = b;
    strcpy(cmode, r ? "r" : w ? "w" : a ? "a" : "w");
    strcat(cmode, plus ? "+b" : "b");
    if (x)
        strcat(cmode, "x");
    return 0;
}

static PyrtObject *binary_mode_name(int r, int w, int a, int plus)
{
    char m[4] = { r ? 'r' : w ? 'w' : a ? 'a' : 'x', 'b', plus ? '+' : 0, 0 };
    return PyrtStr_FromCString(m);
}

PyrtObject *PyrtFile_Open(PyrtObject *path, PyrtObject *mode)
{
    if (!(path->type == &PyrtType_Str || PyrtType_IsSubtype(path->type, &PyrtType_Str)))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "expected str, bytes or os.PathLike object, not %s",
                              path->type->name);
    const char *m = mode ? PyrtStr_UTF8(mode) : "r";
    char cmode[8];
    int readable, writable, binary;
    if (parse_mode(m, mode, cmode, &readable, &writable, &binary) < 0)
        return NULL;
    if (strlen(PyrtStr_UTF8(path)) != (size_t)((PyrtStr *)path)->nbytes)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "embedded null byte");
    FILE *fp = fopen(PyrtStr_UTF8(path), cmode);
    if (!fp)
        return PyrtErr_FromErrno(errno, path);
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        return PyrtErr_FromErrno(EISDIR, path);
    }
    PyrtFile *f = (PyrtFile *)Pyrt_Alloc(&PyrtType_File, sizeof(PyrtFile));
    if (!f) {
        fclose(fp);
        return NULL;
    }
    pyrt_read_line_fn = read_line;
    f->fp = fp;
    f->kind = KIND_FILE;
    f->readable = readable;
    f->writable = writable;
    f->binary = binary;
    f->name = path;
    PYRT_INCREF(path);
    if (binary)
        f->mode = binary_mode_name(strchr(m, 'r') != NULL, strchr(m, 'w') != NULL, strchr(m, 'a') != NULL,
                                   strchr(m, '+') != NULL);
    else
        f->mode = mode ? (PYRT_INCREF(mode), mode) : PyrtNum_Str("r");
    if (!f->mode) {
        PYRT_DECREF(f);
        return NULL;
    }
    return (PyrtObject *)f;
}

static void file_dealloc(PyrtObject *o)
{
    PyrtFile *f = (PyrtFile *)o;
    if (f->kind == KIND_FILE && !f->closed && f->fp)
        fclose(f->fp);
    f->closed = 1;
    PYRT_CLEAR(f->name);
    PYRT_CLEAR(f->mode);
}

/* ------------------------------------------------------------------ reading */
typedef struct { char *data; size_t len, cap; } Buf;

static int buf_put(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = Pyrt_Realloc(b->data, cap);
        if (!p)
            return -1;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

static int buf_putc(Buf *b, char c) { return buf_put(b, &c, 1); }

static FILE *file_fp(PyrtFile *f) { return f->kind == KIND_STDIN ? (f->fp ? f->fp : stdin) : f->fp; }

/* length of the UTF-8 sequence starting with byte c, 0 if c cannot start one */
static int utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
}

/* Checks UTF-8 and builds a str; UnicodeError with CPython's text otherwise. */
static PyrtObject *decode_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        int k = utf8_len(c);
        if (k == 0)
            return Pyrt_ErrFormat(&PyrtType_UnicodeDecodeError,
                                  "'utf-8' codec can't decode byte 0x%x in position %lld: invalid start byte",
                                  c, (long long)i);
        for (int j = 1; j < k; j++) {
            if (i + (size_t)j >= n || ((unsigned char)s[i + j] & 0xC0) != 0x80)
                return Pyrt_ErrFormat(&PyrtType_UnicodeDecodeError,
                                      "'utf-8' codec can't decode byte 0x%x in position %lld: %s", c,
                                      (long long)i, i + (size_t)j >= n ? "unexpected end of data"
                                                                       : "invalid continuation byte");
        }
        i += (size_t)k;
    }
    return PyrtStr_FromUTF8(s, (int64_t)n);
}

static PyrtObject *finish_read(PyrtFile *f, Buf *b)
{
    PyrtObject *r = f->binary ? PyrtBytes_FromData(b->data ? b->data : "", (int64_t)b->len)
                              : decode_utf8(b->data ? b->data : "", b->len);
    Pyrt_Free(b->data);
    return r;
}

/* Reads one text character (a whole UTF-8 sequence, "\r\n" and "\r" become "\n") into b.
 * Returns 0 at EOF, 1 otherwise, -1 on error. */
static int read_text_char(FILE *fp, Buf *b)
{
    int c = getc(fp);
    if (c == EOF)
        return 0;
    if (c == '\r') {
        int d = getc(fp);
        if (d != '\n' && d != EOF)
            ungetc(d, fp);
        return buf_putc(b, '\n') < 0 ? -1 : 1;
    }
    if (buf_putc(b, (char)c) < 0)
        return -1;
    int k = utf8_len((unsigned char)c);
    for (int j = 1; j < k; j++) {
        int d = getc(fp);
        if (d == EOF)
            break;
        if ((d & 0xC0) != 0x80) {
            ungetc(d, fp);
            break;
        }
        if (buf_putc(b, (char)d) < 0)
            return -1;
    }
    return 1;
}

static void translate_newlines(Buf *b)
{
    size_t o = 0;
    for (size_t i = 0; i < b->len; i++) {
        if (b->data[i] == '\r') {
            b->data[o++] = '\n';
            if (i + 1 < b->len && b->data[i + 1] == '\n')
                i++;
        } else {
            b->data[o++] = b->data[i];
        }
    }
    b->len = o;
    if (b->data)
        b->data[o] = 0;
}

static PyrtObject *read_all(PyrtFile *f)
{
    FILE *fp = file_fp(f);
    Buf b = { 0 };
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (buf_put(&b, chunk, n) < 0) {
            Pyrt_Free(b.data);
            return NULL;
        }
    }
    if (!f->binary)
        translate_newlines(&b);
    clearerr(fp);
    return finish_read(f, &b);
}

static PyrtObject *read_n(PyrtFile *f, int64_t n)
{
    FILE *fp = file_fp(f);
    Buf b = { 0 };
    for (int64_t i = 0; i < n; i++) {
        int rc;
        if (f->binary) {
            int c = getc(fp);
            rc = c == EOF ? 0 : buf_putc(&b, (char)c) < 0 ? -1 : 1;
        } else {
            rc = read_text_char(fp, &b);
        }
        if (rc < 0) {
            Pyrt_Free(b.data);
            return NULL;
        }
        if (rc == 0)
            break;
    }
    clearerr(fp);
    return finish_read(f, &b);
}

/* one line including its "\n"; limit < 0: no limit (in characters, or bytes in binary mode) */
static PyrtObject *read_line(PyrtFile *f, int64_t limit)
{
    FILE *fp = file_fp(f);
    Buf b = { 0 };
    for (int64_t count = 0; limit < 0 || count < limit; count++) {
        int rc;
        if (f->binary) {
            int c = getc(fp);
            rc = c == EOF ? 0 : buf_putc(&b, (char)c) < 0 ? -1 : 1;
        } else {
            rc = read_text_char(fp, &b);
        }
        if (rc < 0) {
            Pyrt_Free(b.data);
            return NULL;
        }
        if (rc == 0 || b.data[b.len - 1] == '\n')
            break;
    }
    clearerr(fp);
    return finish_read(f, &b);
}

PyrtObject *PyrtFile_ReadLine(PyrtObject *o)
{
    PyrtFile *f = (PyrtFile *)o;
    if (check_open(f, 1, 0) < 0)
        return NULL;
    return read_line(f, -1);
}

static int64_t opt_size(PyrtObject *const *args, int64_t nargs, int64_t *out)
{
    *out = -1;
    if (nargs == 0 || args[0] == Pyrt_None)
        return 0;
    int64_t n = PyrtInt_AsI64Checked(args[0]);
    if (n == -1 && Pyrt_ErrOccurred())
        return -1;
    *out = n;
    return 0;
}

PyrtObject *PyrtFile_meth_read(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    PyrtFile *f = (PyrtFile *)self;
    int64_t n;
    if (PyrtNum_NoKw("read", kwnames) < 0 || PyrtNum_NArgs("read", nargs, 0, 1) < 0 || check_open(f, 1, 0) < 0
        || opt_size(args, nargs, &n) < 0)
        return NULL;
    if (f->kind == KIND_STDIN)
        Pyrt_FlushStdout();
    return n < 0 ? read_all(f) : read_n(f, n);
}

PyrtObject *PyrtFile_meth_readline(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    PyrtFile *f = (PyrtFile *)self;
    int64_t n;
    if (PyrtNum_NoKw("readline", kwnames) < 0 || PyrtNum_NArgs("readline", nargs, 0, 1) < 0
        || check_open(f, 1, 0) < 0 || opt_size(args, nargs, &n) < 0)
        return NULL;
    if (f->kind == KIND_STDIN)
        Pyrt_FlushStdout();
    return read_line(f, n);
}

PyrtObject *PyrtFile_meth_readlines(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    PyrtFile *f = (PyrtFile *)self;
    if (PyrtNum_NoKw("readlines", kwnames) < 0 || PyrtNum_NArgs("readlines", nargs, 0, 1) < 0
        || check_open(f, 1, 0) < 0)
        return NULL;
    PyrtObject *list = PyrtList_New(0);
    while (list) {
        PyrtObject *line = read_line(f, -1);
        if (!line) {
            PYRT_CLEAR(list);
            break;
        }
        int64_t n = f->binary ? ((PyrtBytes *)line)->length : PyrtStr_Len(line);
        int rc = n ? PyrtList_Append(list, line) : 0;
        PYRT_DECREF(line);
        if (rc < 0)
            PYRT_CLEAR(list);
        if (n == 0)
            break;
    }
    return list;
}

/* ------------------------------------------------------------------ writing */
static int write_raw(PyrtFile *f, const char *s, size_t n)
{
    if (f->kind == KIND_STDOUT)
        return Pyrt_WriteStdout(s, (int64_t)n);
    if (f->kind == KIND_STDERR) {
        write_fd(2, s, n);
        return 0;
    }
    if (n && fwrite(s, 1, n, f->fp) != n) {
        PyrtErr_FromErrno(errno, NULL);
        return -1;
    }
    return 0;
}

/* str -> latin-1 bytes: every code point below 256 is one byte, like CPython's codec */
static int64_t write_latin1(PyrtFile *f, PyrtObject *s)
{
    const unsigned char *p = (const unsigned char *)PyrtStr_UTF8(s);
    int64_t n = PyrtStr_Len(s);
    char *out = (char *)Pyrt_Malloc((size_t)n + 1);
    if (!out)
        return -1;
    for (int64_t i = 0; i < n; i++) {
        uint32_t cp = p[0];
        int k = 1;
        if (cp >= 0xC0) {
            k = cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : 2;
            cp &= 0xFF >> (k + 1);
            for (int j = 1; j < k; j++)
                cp = (cp << 6) | (p[j] & 0x3F);
        }
        if (cp > 255) {
            static const char hex[] = "0123456789abcdef";
            char esc[11];
            int w = cp > 0xFFFF ? 8 : 4, e = 0;
            esc[e++] = '\\';
            esc[e++] = w == 8 ? 'U' : 'u';
            for (int d = w - 1; d >= 0; d--)
                esc[e++] = hex[(cp >> (4 * d)) & 0xF];
            esc[e] = 0;
            Pyrt_Free(out);
            Pyrt_ErrFormat(&PyrtType_UnicodeEncodeError, "'latin-1' codec can't encode character '%s' in "
                           "position %lld: ordinal not in range(256)", esc, (long long)i);
            return -1;
        }
        out[i] = (char)cp;
        p += k;
    }
    int r = write_raw(f, out, (size_t)n);
    Pyrt_Free(out);
    return r < 0 ? -1 : n;
}

int64_t PyrtFile_Write(PyrtObject *o, PyrtObject *s)
{
    PyrtFile *f = (PyrtFile *)o;
    if (check_open(f, 0, 1) < 0)
        return -1;
    if (f->binary) {
        if (s->type != &PyrtType_Bytes) {
            Pyrt_ErrFormat(&PyrtType_TypeError, "a bytes-like object is required, not '%s'", s->type->name);
            return -1;
        }
        PyrtBytes *b = (PyrtBytes *)s;
        return write_raw(f, (const char *)b->data, (size_t)b->length) < 0 ? -1 : b->length;
    }
    if (!(s->type == &PyrtType_Str || PyrtType_IsSubtype(s->type, &PyrtType_Str))) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "write() argument must be str, not %s", s->type->name);
        return -1;
    }
    if (f->latin1 && !((PyrtStr *)s)->ascii)
        return write_latin1(f, s);
    return write_raw(f, PyrtStr_UTF8(s), (size_t)((PyrtStr *)s)->nbytes) < 0 ? -1 : PyrtStr_Len(s);
}

/* Mark a just-opened text file as latin-1 (open(..., encoding="latin-1")); reading such files is not
 * supported yet (ValueError on read). */
void PyrtFile_SetLatin1(PyrtObject *o)
{
    ((PyrtFile *)o)->latin1 = 1;
}

PyrtObject *PyrtFile_meth_write(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtNum_NoKw("write", kwnames) < 0 || PyrtNum_NArgs("write", nargs, 1, 1) < 0)
        return NULL;
    int64_t n = PyrtFile_Write(self, args[0]);
    return n < 0 ? NULL : PyrtInt_FromI64(n);
}

PyrtObject *PyrtFile_meth_writelines(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    if (PyrtNum_NoKw("writelines", kwnames) < 0 || PyrtNum_NArgs("writelines", nargs, 1, 1) < 0)
        return NULL;
    if (check_open((PyrtFile *)self, 0, 1) < 0)
        return NULL;
    PyrtObject *it = Pyrt_GetIter(args[0]), *item;
    if (!it)
        return NULL;
    while ((item = Pyrt_IterNext(it))) {
        int64_t n = PyrtFile_Write(self, item);
        PYRT_DECREF(item);
        if (n < 0)
            break;
    }
    PYRT_DECREF(it);
    return Pyrt_ErrOccurred() ? NULL : Pyrt_None;
}

/* ------------------------------------------------------------------ other methods */
static int do_flush(PyrtFile *f)
{
    if (f->kind == KIND_STDOUT)
        Pyrt_FlushStdout();
    else if (f->kind == KIND_FILE && f->writable && fflush(f->fp) != 0) {
        PyrtErr_FromErrno(errno, NULL);
        return -1;
    }
    return 0;
}

PyrtObject *PyrtFile_meth_flush(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    PyrtFile *f = (PyrtFile *)self;
    if (PyrtNum_NoKw("flush", kwnames) < 0 || PyrtNum_NArgs("flush", nargs, 0, 0) < 0 || check_open(f, 0, 0) < 0)
        return NULL;
    return do_flush(f) < 0 ? NULL : Pyrt_None;
}

PyrtObject *PyrtFile_meth_close(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    PyrtFile *f = (PyrtFile *)self;
    if (PyrtNum_NoKw("close", kwnames) < 0 || PyrtNum_NArgs("close", nargs, 0, 0) < 0)
        return NULL;
    if (f->closed)
        return Pyrt_None;
    if (f->kind == KIND_STDOUT)
        Pyrt_FlushStdout();
    f->closed = 1;
    if (f->kind == KIND_FILE && fclose(f->fp) != 0) {
        f->fp = NULL;
        return PyrtErr_FromErrno(errno, NULL);
    }
    if (f->kind == KIND_FILE)
        f->fp = NULL;
    return Pyrt_None;
}

PyrtObject *PyrtFile_meth___enter__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    if (PyrtNum_NoKw("__enter__", kwnames) < 0 || PyrtNum_NArgs("__enter__", nargs, 0, 0) < 0)
        return NULL;
    if (((PyrtFile *)self)->closed)
        return err_closed();
    PYRT_INCREF(self);
    return self;
}

PyrtObject *PyrtFile_meth___exit__(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    return PyrtFile_meth_close(self, NULL, 0, NULL);
}

PyrtObject *PyrtFile_meth_seek(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    PyrtFile *f = (PyrtFile *)self;
    if (PyrtNum_NoKw("seek", kwnames) < 0 || PyrtNum_NArgs("seek", nargs, 1, 2) < 0 || check_open(f, 0, 0) < 0)
        return NULL;
    int64_t off = PyrtInt_AsI64Checked(args[0]);
    int64_t whence = nargs == 2 ? PyrtInt_AsI64Checked(args[1]) : 0;
    if (Pyrt_ErrOccurred())
        return NULL;
    if (f->kind != KIND_FILE)
        return Pyrt_ErrSetString(&PyrtType_OSError, "underlying stream is not seekable");
    if (whence < 0 || whence > 2)
        return Pyrt_ErrFormat(&PyrtType_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (fseeko(f->fp, (off_t)off, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END) != 0)
        return PyrtErr_FromErrno(errno, NULL);
    return PyrtInt_FromI64((int64_t)ftello(f->fp));
}

PyrtObject *PyrtFile_meth_tell(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    PyrtFile *f = (PyrtFile *)self;
    if (PyrtNum_NoKw("tell", kwnames) < 0 || PyrtNum_NArgs("tell", nargs, 0, 0) < 0 || check_open(f, 0, 0) < 0)
        return NULL;
    if (f->kind != KIND_FILE)
        return Pyrt_ErrSetString(&PyrtType_OSError, "underlying stream is not seekable");
    return PyrtInt_FromI64((int64_t)ftello(f->fp));
}

PyrtObject *PyrtFile_meth_readable(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    PyrtFile *f = (PyrtFile *)self;
    if (PyrtNum_NoKw("readable", kwnames) < 0 || PyrtNum_NArgs("readable", nargs, 0, 0) < 0 || check_open(f, 0, 0) < 0)
        return NULL;
    return Pyrt_BoolFromC(f->readable);
}

PyrtObject *PyrtFile_meth_writable(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    PyrtFile *f = (PyrtFile *)self;
    if (PyrtNum_NoKw("writable", kwnames) < 0 || PyrtNum_NArgs("writable", nargs, 0, 0) < 0 || check_open(f, 0, 0) < 0)
        return NULL;
    return Pyrt_BoolFromC(f->writable);
}

/* seekable(): regular files (what tokenize.open's TextIOWrapper asks of open(path, 'rb')) */
static PyrtObject *file_meth_seekable(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    PyrtFile *f = (PyrtFile *)self;
    if (PyrtNum_NoKw("seekable", kwnames) < 0 || PyrtNum_NArgs("seekable", nargs, 0, 0) < 0 || check_open(f, 0, 0) < 0)
        return NULL;
    return Pyrt_BoolFromC(f->kind == KIND_FILE);
}

static int file_fd(PyrtFile *f)
{
    return f->kind == KIND_STDOUT ? 1 : f->kind == KIND_STDERR ? 2 : f->kind == KIND_STDIN ? 0 : fileno(f->fp);
}

PyrtObject *PyrtFile_meth_fileno(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    PyrtFile *f = (PyrtFile *)self;
    if (PyrtNum_NoKw("fileno", kwnames) < 0 || PyrtNum_NArgs("fileno", nargs, 0, 0) < 0 || check_open(f, 0, 0) < 0)
        return NULL;
    return PyrtInt_FromI64(file_fd(f));
}

PyrtObject *PyrtFile_meth_isatty(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kwnames)
{
    (void)args;
    PyrtFile *f = (PyrtFile *)self;
    if (PyrtNum_NoKw("isatty", kwnames) < 0 || PyrtNum_NArgs("isatty", nargs, 0, 0) < 0 || check_open(f, 0, 0) < 0)
        return NULL;
    return Pyrt_BoolFromC(isatty(file_fd(f)));
}

/* ------------------------------------------------------------------ input() */
PyrtObject *Pyrt_Input(PyrtObject *prompt)
{
    if (prompt) {
        PyrtObject *s = Pyrt_Str(prompt);
        if (!s)
            return NULL;
        Pyrt_WriteStdout(PyrtStr_UTF8(s), ((PyrtStr *)s)->nbytes);
        PYRT_DECREF(s);
    }
    Pyrt_FlushStdout();
    PyrtFile *f = (PyrtFile *)Pyrt_Stdin();
    if (f->closed)
        return err_closed();
    PyrtObject *line = read_line(f, -1);
    if (!line)
        return NULL;
    int64_t nb = ((PyrtStr *)line)->nbytes;
    if (nb == 0) {
        PYRT_DECREF(line);
        return Pyrt_ErrSetString(&PyrtType_EOFError, "EOF when reading a line");
    }
    if (PyrtStr_UTF8(line)[nb - 1] != '\n')
        return line;
    PyrtObject *r = PyrtStr_FromUTF8(PyrtStr_UTF8(line), nb - 1);
    PYRT_DECREF(line);
    return r;
}

/* ------------------------------------------------------------------ type slots */
static PyrtObject *file_repr(PyrtObject *o)
{
    PyrtFile *f = (PyrtFile *)o;
    if (f->kind != KIND_FILE)
        return Pyrt_StrFormat("<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", f->cname, f->cmode);
    if (f->binary)
        return Pyrt_StrFormat("<_io.%s name=%R>", f->readable && !f->writable ? "BufferedReader"
                              : !f->readable ? "BufferedWriter" : "BufferedRandom", f->name);
    return Pyrt_StrFormat("<_io.TextIOWrapper name=%R mode=%R encoding='UTF-8'>", f->name, f->mode);
}

static PyrtObject *file_getattr(PyrtObject *o, PyrtObject *name)
{
    PyrtFile *f = (PyrtFile *)o;
    const char *n = PyrtStr_UTF8(name);
    if (strcmp(n, "closed") == 0)
        return Pyrt_BoolFromC(f->closed);
    if (strcmp(n, "name") == 0) {
        if (f->kind != KIND_FILE)
            return PyrtStr_FromCString(f->cname);
        PYRT_INCREF(f->name);
        return f->name;
    }
    if (strcmp(n, "mode") == 0) {
        if (f->kind != KIND_FILE)
            return PyrtStr_FromCString(f->cmode);
        PYRT_INCREF(f->mode);
        return f->mode;
    }
    if (strcmp(n, "encoding") == 0 && !f->binary)
        return PyrtStr_FromCString(f->kind == KIND_FILE ? "UTF-8" : "utf-8");
    return Pyrt_GenericGetAttr(o, name);
}

static PyrtObject *file_iter(PyrtObject *o)
{
    if (((PyrtFile *)o)->closed)
        return err_closed();
    PYRT_INCREF(o);
    return o;
}

static PyrtObject *file_iternext(PyrtObject *o)
{
    PyrtFile *f = (PyrtFile *)o;
    if (check_open(f, 1, 0) < 0)
        return NULL;
    PyrtObject *line = pyrt_read_line_fn(f, -1);   /* set: f is readable */
    if (!line)
        return NULL;
    int64_t n = f->binary ? ((PyrtBytes *)line)->length : ((PyrtStr *)line)->nbytes;
    if (n == 0) {
        PYRT_DECREF(line);
        return NULL;
    }
    return line;
}

static const PyrtMethodDef file_methods[] = {
    { "read", PyrtFile_meth_read },
    { "readline", PyrtFile_meth_readline },
    { "readlines", PyrtFile_meth_readlines },
    { "write", PyrtFile_meth_write },
    { "writelines", PyrtFile_meth_writelines },
    { "close", PyrtFile_meth_close },
    { "flush", PyrtFile_meth_flush },
    { "__enter__", PyrtFile_meth___enter__ },
    { "__exit__", PyrtFile_meth___exit__ },
    { "seek", PyrtFile_meth_seek },
    { "tell", PyrtFile_meth_tell },
    { "readable", PyrtFile_meth_readable },
    { "writable", PyrtFile_meth_writable },
    { "seekable", file_meth_seekable },
    { "fileno", PyrtFile_meth_fileno },
    { "isatty", PyrtFile_meth_isatty },
    { NULL, NULL },
};

PyrtType PyrtType_File = {
    .ob = PYRT_TYPE_HEAD,
    .name = "TextIOWrapper",
    .base = &PyrtType_Object,
    .basicsize = sizeof(PyrtFile),
    .flags = PYRT_TPFLAG_NOSUBCLASS,
    .dealloc = file_dealloc,
    .repr = file_repr,
    .iter = file_iter,
    .iternext = file_iternext,
};

/* ------------------------------------------------------------------ lazily installed slots
 * Filled in on first use of the dynamic dispatch that reads them (lazy.c), so that a program
 * which never does, e.g., a dynamic binary operation does not link any binop slot. */
void pyrt_lazy_methods_io(void)
{
    PyrtType_File.methods = file_methods;
}
void pyrt_lazy_getattr_io(void)
{
    PyrtType_File.getattr = file_getattr;
}
