/* long_driver.c: the C side of the randomized big-int differential test (test_runtime_c.py,
 * test_long_differential). Reads one operation per line on stdin and prints one result line, in the
 * format tests/runtime/long_cases.py computes with CPython's own ints:
 *   operands: iHEX (an int, "-" allowed, hex digits), fREPR (a float), sTEXT (a str)
 *   results : ints as hex(), floats as repr(), bools as True/False, tuples space-separated,
 *             exceptions as "E Type: message".
 * Operations go through the runtime's generic entry points (Pyrt_BinaryOp, builtins, methods). */
#include "pyrt.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *__asan_default_options(void) { return "detect_leaks=1"; }

static PyrtObject *builtin(const char *name) { return Pyrt_GetBuiltin(name); }

static PyrtObject *call(const char *name, PyrtObject **args, int n)
{
    return Pyrt_Call(builtin(name), args, n, NULL);
}

static PyrtObject *parse_operand(const char *tok)
{
    if (tok[0] == 'i') {
        PyrtObject *s = PyrtStr_FromCString(tok + 1);
        PyrtObject *r = PyrtInt_FromString(s, 16);
        PYRT_DECREF(s);
        return r;
    }
    if (tok[0] == 'f')
        return PyrtFloat_FromDouble(strtod(tok + 1, NULL));
    char *buf = malloc(strlen(tok) + 1);   /* %XX escapes (spaces in format specs) */
    size_t n = 0;
    for (const char *p = tok + 1; *p; p++) {
        if (p[0] == '%' && p[1] && p[2]) {
            char hex[3] = { p[1], p[2], 0 };
            buf[n++] = (char)strtol(hex, NULL, 16);
            p += 2;
        } else {
            buf[n++] = *p;
        }
    }
    buf[n] = 0;
    PyrtObject *r = PyrtStr_FromCString(buf);
    free(buf);
    return r;
}

static PyrtObject *method(PyrtObject *o, const char *name, PyrtObject **args, int n)
{
    PyrtObject *nm = PyrtStr_FromCString(name);
    PyrtObject *r = Pyrt_CallMethod(o, nm, args, n, NULL);
    PYRT_DECREF(nm);
    return r;
}

static PyrtObject *method_kw(PyrtObject *o, const char *name, PyrtObject **args, int n, PyrtObject *kw)
{
    PyrtObject *nm = PyrtStr_FromCString(name);
    PyrtObject *r = Pyrt_CallMethod(o, nm, args, n, kw);
    PYRT_DECREF(nm);
    return r;
}

static void put(const char *s) { fputs(s, stdout); }

static void print_value(PyrtObject *o)
{
    if (o->type == &PyrtType_Tuple) {
        for (int64_t i = 0; i < ((PyrtTuple *)o)->length; i++) {
            if (i)
                put(" ");
            print_value(((PyrtTuple *)o)->items[i]);
        }
        return;
    }
    PyrtObject *s;
    if (o->type == &PyrtType_Int) {
        PyrtObject *a[1] = { o };
        s = call("hex", a, 1);
    } else if (o->type == &PyrtType_Str) {
        PYRT_INCREF(o);
        s = o;
    } else {
        s = Pyrt_Repr(o);
    }
    if (!s) {
        put("?");
        Pyrt_ErrClear();
        return;
    }
    put(PyrtStr_UTF8(s));
    PYRT_DECREF(s);
}

static void print_result(PyrtObject *r)
{
    if (!r) {
        PyrtObject *e = Pyrt_ErrFetch();
        PyrtObject *m = e ? Pyrt_Str(e) : NULL;
        printf("E %s: %s", e ? e->type->name : "?", m ? PyrtStr_UTF8(m) : "?");
        PYRT_XDECREF(m);
        PYRT_XDECREF(e);
    } else {
        print_value(r);
        PYRT_DECREF(r);
    }
    put("\n");
}

static const struct { const char *name; int op; } BINOPS[] = {
    { "add", PYRT_ADD }, { "sub", PYRT_SUB }, { "mul", PYRT_MUL }, { "truediv", PYRT_TRUEDIV },
    { "floordiv", PYRT_FLOORDIV }, { "mod", PYRT_MOD }, { "pow", PYRT_POW }, { "lshift", PYRT_LSHIFT },
    { "rshift", PYRT_RSHIFT }, { "and", PYRT_AND }, { "or", PYRT_OR }, { "xor", PYRT_XOR },
};

static PyrtObject *run(const char *op, PyrtObject **a, int n)
{
    for (size_t i = 0; i < sizeof BINOPS / sizeof BINOPS[0]; i++)
        if (strcmp(op, BINOPS[i].name) == 0)
            return Pyrt_BinaryOp(a[0], a[1], BINOPS[i].op);
    if (strcmp(op, "neg") == 0)
        return Pyrt_UnaryOp(a[0], PYRT_NEG);
    if (strcmp(op, "pos") == 0)
        return Pyrt_UnaryOp(a[0], PYRT_POS);
    if (strcmp(op, "invert") == 0)
        return Pyrt_UnaryOp(a[0], PYRT_INVERT);
    if (strcmp(op, "cmp") == 0) {   /* the six comparisons as a string of T/F */
        char out[7];
        for (int k = 0; k < 6; k++) {
            int r = Pyrt_RichCompareBool(a[0], a[1], k);
            if (r < 0)
                return NULL;
            out[k] = r ? 'T' : 'F';
        }
        out[6] = 0;
        return PyrtStr_FromCString(out);
    }
    if (strcmp(op, "hash") == 0) {
        int64_t h = Pyrt_Hash(a[0]);
        return h == -1 ? NULL : PyrtInt_FromI64(h);
    }
    if (strcmp(op, "str") == 0)
        return Pyrt_Str(a[0]);
    if (strcmp(op, "format") == 0)
        return Pyrt_Format(a[0], a[1]);
    if (strcmp(op, "int") == 0) {     /* int(s, base) */
        return call("int", a, n);
    }
    /* builtins by name (Pyrt_GetBuiltin caches by the name's address: literals only) */
    static const char *const names[] = { "abs", "float", "divmod", "pow", "bin", "oct", "round" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(op, names[i]) == 0 || (i == 3 && strcmp(op, "pow3") == 0))
            return call(names[i], a, n);
    if (strcmp(op, "bit_length") == 0 || strcmp(op, "bit_count") == 0)
        return method(a[0], op, a + 1, n - 1);
    if (strcmp(op, "to_bytes") == 0) {
        PyrtObject *kw = PyrtTuple_New(1);
        PyrtTuple_SetNew_Steal(kw, 0, PyrtStr_FromCString("signed"));   /* a = int, length, order, signed (keyword) */
        PyrtObject *r = method_kw(a[0], "to_bytes", a + 1, 2, kw);
        PYRT_DECREF(kw);
        return r;
    }
    if (strcmp(op, "from_bytes") == 0) {   /* int.from_bytes(a.to_bytes(...)) round trip */
        PyrtObject *kw = PyrtTuple_New(1);
        PyrtTuple_SetNew_Steal(kw, 0, PyrtStr_FromCString("signed"));
        PyrtObject *b = method_kw(a[0], "to_bytes", a + 1, 2, kw);
        if (!b) {
            PYRT_DECREF(kw);
            return NULL;
        }
        PyrtObject *args[3] = { b, a[2], a[3] };
        PyrtObject *r = method_kw((PyrtObject *)&PyrtType_Int, "from_bytes", args, 2, kw);
        PYRT_DECREF(kw);
        PYRT_DECREF(b);
        return r;
    }
    if (strcmp(op, "gcd") == 0 || strcmp(op, "isqrt") == 0 || strcmp(op, "lcm") == 0 || strcmp(op, "log") == 0
        || strcmp(op, "log2") == 0 || strcmp(op, "factorial") == 0 || strcmp(op, "comb") == 0) {
        PyrtObject *m = Pyrt_GetModule("math");
        if (!m)
            return NULL;
        PyrtObject *nm = PyrtStr_FromCString(op);
        PyrtObject *f = Pyrt_GetAttr(m, nm);
        PYRT_DECREF(nm);
        if (!f)
            return NULL;
        PyrtObject *r = Pyrt_Call(f, a, n, NULL);
        PYRT_DECREF(f);
        return r;
    }
    return Pyrt_ErrFormat(&PyrtType_ValueError, "driver: unknown op %s", op);
}

int main(int argc, char **argv)
{
    Pyrt_Init(argc, argv);
    pyrt_int_max_str_digits = 0;
    static char line[1 << 20];
    while (fgets(line, sizeof line, stdin)) {
        char *save = NULL, *op = strtok_r(line, " \n", &save);
        if (!op)
            continue;
        if (strcmp(op, "limit") == 0) {   /* limit N: sys.set_int_max_str_digits(N) */
            pyrt_int_max_str_digits = atoll(strtok_r(NULL, " \n", &save));
            continue;
        }
        PyrtObject *args[4];
        int n = 0;
        bool bad = false;
        char *tok;
        while (n < 4 && (tok = strtok_r(NULL, " \n", &save))) {
            args[n] = parse_operand(tok);
            if (!args[n]) {
                bad = true;
                break;
            }
            n++;
        }
        PyrtObject *r = bad ? NULL : run(op, args, n);
        print_result(r);
        for (int i = 0; i < n; i++)
            PYRT_DECREF(args[i]);
    }
    fflush(stdout);
    return Pyrt_Finalize(0);
}
