/* format.c: string formatting with CPython 3.11's exact output and error messages: the format-spec
 * mini-language (Pyrt_FormatI64 / Pyrt_FormatF64 / Pyrt_FormatStr, used by format(), f-strings and
 * str.format), printf-style `fmt % args` (PyrtStr_Mod), str.format / format_map, and f-string
 * assembly (PyrtStr_Build). Floats are converted with snprintf (%.*e/%.*f/%.*g are correctly rounded
 * in glibc and musl) or PyrtFloat_Repr (shortest repr) and then post-processed: sign, grouping,
 * zero padding, alignment are done here exactly as CPython's formatter_unicode.c lays them out. */
#include "pyrt.h"
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

static PyrtObject *value_error(const char *msg) { return Pyrt_ErrSetString(&PyrtType_ValueError, msg); }
static PyrtObject *type_error(const char *msg) { return Pyrt_ErrSetString(&PyrtType_TypeError, msg); }

static bool is_int(PyrtObject *o) {
    return o->type == &PyrtType_Int || o->type == &PyrtType_Bool || (o->type->flags & PYRT_TPFLAG_INT);
}
static bool is_float(PyrtObject *o) { return Pyrt_TypeCheck(o, &PyrtType_Float); }

/* ================================================================== digits */

int Pyrt_FormatDigits(uint64_t mag, int base, bool upper, char *out) {
    const char *digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[70];
    int n = 0;
    do { tmp[n++] = digs[mag % (uint64_t)base]; mag /= (uint64_t)base; } while (mag);
    for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    out[n] = 0;
    return n;
}

static uint64_t magnitude(int64_t v) { return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v; }

/* ================================================================== format spec parsing */

typedef struct {
    uint32_t fill;
    char align;        /* '<' '>' '^' '=' */
    char sign;         /* 0, '+', '-', ' ' */
    bool no_neg_0;     /* 'z' */
    bool alt;          /* '#' */
    int64_t width;     /* -1: none */
    char grouping;     /* 0, ',' or '_' */
    int64_t precision; /* -1: none */
    uint32_t type;     /* 0: none */
} Spec;

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Reads decimal digits (any Unicode decimal) at u[*pos]; returns count consumed, -1 on overflow. */
static int64_t spec_integer(const uint32_t *u, int64_t n, int64_t *pos, int64_t *out) {
    int64_t start = *pos, acc = 0;
    while (*pos < n) {
        int d = Pyrt_UcdDecimal(u[*pos]);
        if (d < 0) break;
        if (acc > (INT64_MAX - d) / 10) {
            value_error("Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
        (*pos)++;
    }
    *out = acc;
    return *pos - start;
}

static PyrtObject *invalid_comma_type(char grouping, uint32_t type) {
    char msg[100];
    if (type > 32 && type < 127)
        Pyrt_Snprintf(msg, sizeof msg, "Cannot specify '%c' with '%c'.", grouping, (char)type);
    else
        Pyrt_Snprintf(msg, sizeof msg, "Cannot specify '%c' with '\\x%x'.", grouping, (unsigned)type);
    return value_error(msg);
}

static int decode_spec(PyrtObject *spec, uint32_t **u, int64_t *n) {
    PyrtStr *s = (PyrtStr *)spec;
    *n = s->length;
    *u = Pyrt_Malloc(sizeof(uint32_t) * (size_t)(s->length + 1));
    if (!*u) return -1;
    int64_t i = 0;
    for (int64_t off = 0; off < s->nbytes; i++) off += Pyrt_Utf8Decode(s->data + off, &(*u)[i]);
    return 0;
}

static int parse_spec_u(const uint32_t *u, int64_t n, Spec *f, uint32_t default_type,
                        char default_align, PyrtObject *spec, const char *tname) {
    int64_t pos = 0;
    bool fill_given = false, align_given = false;
    f->fill = ' '; f->align = default_align; f->sign = 0; f->no_neg_0 = false; f->alt = false;
    f->width = -1; f->grouping = 0; f->precision = -1; f->type = default_type;
    if (n >= 2 && is_align(u[1])) {
        f->fill = u[0]; f->align = (char)u[1]; fill_given = align_given = true; pos = 2;
    } else if (n >= 1 && is_align(u[0])) {
        f->align = (char)u[0]; align_given = true; pos = 1;
    }
    if (pos < n && (u[pos] == '+' || u[pos] == '-' || u[pos] == ' ')) f->sign = (char)u[pos++];
    if (pos < n && u[pos] == 'z') { f->no_neg_0 = true; pos++; }
    if (pos < n && u[pos] == '#') { f->alt = true; pos++; }
    if (!fill_given && pos < n && u[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>') f->align = '=';
        pos++;
    }
    int64_t got = spec_integer(u, n, &pos, &f->width);
    if (got < 0) return -1;
    if (got == 0) f->width = -1;
    if (pos < n && u[pos] == ',') { f->grouping = ','; pos++; }
    if (pos < n && u[pos] == '_') {
        if (f->grouping) { value_error("Cannot specify both ',' and '_'."); return -1; }
        f->grouping = '_';
        pos++;
    }
    if (pos < n && u[pos] == ',' && f->grouping == '_') {
        value_error("Cannot specify both ',' and '_'.");
        return -1;
    }
    if (pos < n && u[pos] == '.') {
        pos++;
        got = spec_integer(u, n, &pos, &f->precision);
        if (got < 0) return -1;
        if (got == 0) { value_error("Format specifier missing precision"); return -1; }
    }
    if (n - pos > 1) {
        char msg[300];
        Pyrt_Snprintf(msg, sizeof msg, "Invalid format specifier '%.200s' for object of type '%s'",
                 PyrtStr_UTF8(spec), tname);
        value_error(msg);
        return -1;
    }
    if (n - pos == 1) f->type = u[pos];
    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->grouping == '_') break;
            /* fall through */
        default:
            invalid_comma_type(f->grouping, f->type);
            return -1;
        }
    }
    return 0;
}

static int parse_spec(PyrtObject *spec, Spec *f, uint32_t default_type, char default_align,
                      const char *tname) {
    PyrtStr *s = (PyrtStr *)spec;
    uint32_t small[32];
    if (s->length <= 32) {   /* the usual case: no allocation */
        int64_t i = 0;
        for (int64_t off = 0; off < s->nbytes; i++) off += Pyrt_Utf8Decode(s->data + off, &small[i]);
        return parse_spec_u(small, s->length, f, default_type, default_align, spec, tname);
    }
    uint32_t *u;
    int64_t n;
    if (decode_spec(spec, &u, &n) < 0) return -1;
    int rc = parse_spec_u(u, n, f, default_type, default_align, spec, tname);
    Pyrt_Free(u);
    return rc;
}

static PyrtObject *unknown_code(uint32_t type, const char *tname) {
    char msg[200];
    if (type > 32 && type < 127)
        Pyrt_Snprintf(msg, sizeof msg, "Unknown format code '%c' for object of type '%s'", (char)type, tname);
    else
        Pyrt_Snprintf(msg, sizeof msg, "Unknown format code '\\x%x' for object of type '%s'", (unsigned)type, tname);
    return value_error(msg);
}

/* ================================================================== number layout */

/* Groups digits[0..n) from the right every `every` digits with sep, left-padding with '0' until
 * the result is at least min_width wide (CPython's _PyUnicode_InsertThousandsGrouping). every 0 =
 * no separators. Returns a Pyrt_Malloc'ed NUL-terminated string (length in *outlen). */
static char *group_digits(const char *digits, int64_t n, int64_t min_width, int every, char sep,
                          int64_t *outlen) {
    if (min_width < 0) min_width = 0;
    int64_t cap = (n > min_width ? n : min_width) * 2 + 4;
    char *rev = Pyrt_Malloc((size_t)cap);
    if (!rev) return NULL;
    int64_t len = 0, remaining = n, src = n;
    bool first = true;
    if (every == 0) {
        int64_t l = remaining > min_width ? remaining : min_width;
        if (l < 1) l = 1;
        while (src > 0) { rev[len++] = digits[--src]; l--; }
        while (l-- > 0) rev[len++] = '0';
    } else {
        for (;;) {
            int64_t l = remaining > min_width ? remaining : min_width;
            if (l < 1) l = 1;
            if (l > every) l = every;
            if (!first) rev[len++] = sep;
            first = false;
            int64_t nchars = remaining < l ? remaining : l;
            for (int64_t k = 0; k < nchars; k++) rev[len++] = digits[--src];
            for (int64_t k = nchars; k < l; k++) rev[len++] = '0';
            remaining -= nchars;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) break;
            min_width -= 1;
        }
    }
    char *out = Pyrt_Malloc((size_t)len + 1);
    if (out) {
        for (int64_t i = 0; i < len; i++) out[i] = rev[len - 1 - i];
        out[len] = 0;
        *outlen = len;
    }
    Pyrt_Free(rev);
    return out;
}

/* Lays out | lpad | sign | prefix | spad | grouped digits | rest | rpad | as CPython does.
 * negative: the number has a minus sign (digits exclude it). */
static PyrtObject *render_number(const Spec *f, bool negative, const char *prefix, const char *digits,
                                 int64_t ndigits, const char *rest, int64_t nrest, int every) {
    char sign = 0;
    if (negative) sign = '-';
    else if (f->sign == '+') sign = '+';
    else if (f->sign == ' ') sign = ' ';
    int64_t nsign = sign ? 1 : 0, nprefix = (int64_t)strlen(prefix);
    int64_t fixed = nsign + nprefix + Pyrt_Utf8Count(rest, nrest);   /* widths count code points */
    int64_t min_width = (f->fill == '0' && f->align == '=') ? f->width - fixed : 0;
    int64_t ngrouped = 0;
    char *grouped = NULL;
    if (ndigits > 0) {
        grouped = group_digits(digits, ndigits, min_width, every, f->grouping, &ngrouped);
        if (!grouped) return NULL;
    }
    int64_t padding = f->width - (fixed + ngrouped), lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (f->align) {
        case '<': rpad = padding; break;
        case '^': lpad = padding / 2; rpad = padding - lpad; break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int rc = PyrtSB_AddRepeat(&sb, f->fill, lpad);
    if (rc == 0 && sign) rc = PyrtSB_Add(&sb, &sign, 1);
    if (rc == 0) rc = PyrtSB_Add(&sb, prefix, nprefix);
    if (rc == 0) rc = PyrtSB_AddRepeat(&sb, f->fill, spad);
    if (rc == 0 && grouped) rc = PyrtSB_Add(&sb, grouped, ngrouped);
    if (rc == 0) rc = PyrtSB_Add(&sb, rest, nrest);
    if (rc == 0) rc = PyrtSB_AddRepeat(&sb, f->fill, rpad);
    Pyrt_Free(grouped);
    if (rc < 0) { PyrtSB_Discard(&sb); return NULL; }
    return PyrtSB_Finish(&sb);
}

/* ================================================================== ints */

static PyrtObject *decimal_str(int64_t v) {
    char buf[32];
    int n = 0;
    if (v < 0) buf[n++] = '-';
    n += Pyrt_FormatDigits(magnitude(v), 10, false, buf + n);
    return PyrtStr_FromUTF8(buf, n);
}

static PyrtObject *format_int_char(int64_t v, const Spec *f) {
    if (f->sign) return value_error("Sign not allowed with integer format specifier 'c'");
    if (f->alt) return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    if (v < 0 || v > 0x10FFFF)
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "%c arg not in range(0x110000)");
    char buf[4];
    int n = Pyrt_Utf8Encode((uint32_t)v, buf);
    return render_number(f, false, "", "", 0, buf, n, 0);
}

/* format(v, spec) of an int: v64 when big is NULL, else the big int big */
static PyrtObject *format_int(int64_t v, PyrtObject *big, PyrtObject *spec) {
    if (PyrtStr_Len(spec) == 0) return big ? PyrtLong_Format(big, 10, false) : decimal_str(v);
    Spec f;
    if (parse_spec(spec, &f, 'd', '>', "int") < 0) return NULL;
    int base = 10;
    switch (f.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = big ? PyrtLong_AsDouble(big) : (double)v;
        if (big && d == -1.0 && Pyrt_ErrOccurred()) return NULL;
        return Pyrt_FormatF64(d, spec);
    }
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    case 'c': case 'd': case 'n': break;
    default: return unknown_code(f.type, "int");
    }
    if (f.precision != -1) return value_error("Precision not allowed in integer format specifier");
    if (f.no_neg_0) return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    if (f.type == 'c') {
        if (big) {
            if (f.sign) return value_error("Sign not allowed with integer format specifier 'c'");
            if (f.alt) return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
            return Pyrt_ErrSetString(&PyrtType_OverflowError, "%c arg not in range(0x110000)");
        }
        return format_int_char(v, &f);
    }
    char small[70];
    char *digits = small;
    int64_t nd;
    bool neg;
    if (big) {
        digits = PyrtLong_Digits(big, base, f.type == 'X', &nd, &neg);
        if (!digits) return NULL;
    } else {
        nd = Pyrt_FormatDigits(magnitude(v), base, f.type == 'X', small);
        neg = v < 0;
    }
    const char *prefix = "";
    if (f.alt) prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? (f.type == 'X' ? "0X" : "0x") : "";
    int every = f.grouping ? (base == 10 ? 3 : 4) : 0;
    if (f.type == 'n') every = 0;
    PyrtObject *r = render_number(&f, neg, prefix, digits, nd, "", 0, every);
    if (digits != small) Pyrt_Free(digits);
    return r;
}

PyrtObject *Pyrt_FormatI64(int64_t v, PyrtObject *spec) { return format_int(v, NULL, spec); }

PyrtObject *Pyrt_FormatInt(PyrtObject *v, PyrtObject *spec) {
    if (PYRT_LIKELY(!PyrtInt_IsBig(v))) return format_int(PyrtInt_AsI64(v), NULL, spec);
    return format_int(0, v, spec);
}

/* ================================================================== floats */

/* 'g' when no type was given but a precision was: like %g except that the exponent form is used
 * as soon as the integer part needs all p digits (CPython's Py_DTSF_ADD_DOT_0 rule), and a ".0"
 * is added to integral results. */
static char *repr_style_g(double v, int p, bool alt) {
    if (p == 0) p = 1;
    char probe[64];
    snprintf(probe, sizeof probe, "%.*e", p - 1, v);
    int decpt = atoi(strchr(probe, 'e') + 1) + 1;
    bool use_exp = decpt <= -4 || decpt > p - 1;
    int n = snprintf(NULL, 0, use_exp ? "%.*e" : "%.*f", use_exp ? p - 1 : p - decpt, v);
    char *buf = Pyrt_Malloc((size_t)n + 3);
    if (!buf) return NULL;
    snprintf(buf, (size_t)n + 1, use_exp ? "%.*e" : "%.*f", use_exp ? p - 1 : p - decpt, v);
    char *e = strchr(buf, 'e');
    int64_t mant = e ? e - buf : n;
    if (!alt && memchr(buf, '.', (size_t)mant)) {   /* strip trailing zeros (and a bare point) */
        int64_t end = mant;
        while (buf[end - 1] == '0') end--;
        if (buf[end - 1] == '.') end--;
        memmove(buf + end, buf + mant, (size_t)(n - mant + 1));
        n -= (int)(mant - end);
    } else if (alt && !memchr(buf, '.', (size_t)mant)) {
        memmove(buf + mant + 1, buf + mant, (size_t)(n - mant + 1));
        buf[mant] = '.';
        n++;
    }
    if (!strpbrk(buf, ".e")) memcpy(buf + n, ".0", 3);
    return buf;
}

/* CPython's PyOS_double_to_string for finite and non-finite values: type e E f F g G r,
 * alt ('#'), add_dot_0 (no type given). Returns a Pyrt_Malloc'ed string. */
static char *double_to_string(double v, char type, int64_t precision, bool alt, bool add_dot_0) {
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char *buf;
    if (!isfinite(v)) {
        buf = Pyrt_Malloc(8);
        if (!buf) return NULL;
        const char *w = isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        Pyrt_Snprintf(buf, 8, "%s%s", (!isnan(v) && v < 0) ? "-" : "", w);
        return buf;
    }
    if (type == 'r') {
        PyrtObject *r = PyrtFloat_Repr(v);
        if (!r) return NULL;
        int64_t n = ((PyrtStr *)r)->nbytes;
        buf = Pyrt_Malloc((size_t)n + 2);
        if (buf) {
            memcpy(buf, PyrtStr_UTF8(r), (size_t)n + 1);
            if (alt && !strchr(buf, '.')) {    /* '#': always a decimal point */
                char *e = strchr(buf, 'e');
                int64_t at = e ? e - buf : n;
                memmove(buf + at + 1, buf + at, (size_t)(n - at + 1));
                buf[at] = '.';
            }
        }
        PYRT_DECREF(r);
        return buf;
    }
    if (precision > 0x7FFFFFFF) { value_error("precision too big"); return NULL; }
    if (type == 'g' && add_dot_0) return repr_style_g(v, (int)precision, alt);
    char fmt[8];
    int k = 0;
    fmt[k++] = '%';
    if (alt) fmt[k++] = '#';
    fmt[k++] = '.'; fmt[k++] = '*';
    fmt[k++] = type == 'F' ? 'f' : type;
    fmt[k] = 0;
    int n = snprintf(NULL, 0, fmt, (int)precision, v);
    buf = Pyrt_Malloc((size_t)n + 3);
    if (!buf) return NULL;
    snprintf(buf, (size_t)n + 1, fmt, (int)precision, v);
    return buf;
}

/* 'z': a negative result that rounds to zero loses its sign */
static void drop_negative_zero(char *buf) {
    if (buf[0] != '-') return;
    for (const char *p = buf + 1; *p && *p != 'e' && *p != 'E' && *p != '%'; p++)
        if (*p != '0' && *p != '.') return;
    memmove(buf, buf + 1, strlen(buf));
}

PyrtObject *Pyrt_FormatF64(double v, PyrtObject *spec) {
    if (PyrtStr_Len(spec) == 0) return PyrtFloat_Repr(v);
    Spec f;
    if (parse_spec(spec, &f, 0, '>', "float") < 0) return NULL;
    char type = (char)f.type;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': break;
    default: return unknown_code(f.type, "float");
    }
    bool add_dot_0 = false, add_pct = false;
    int64_t precision = f.precision, default_precision = 6;
    if (type == 0) { add_dot_0 = true; type = 'r'; default_precision = 0; }
    if (type == 'n') type = 'g';
    if (type == '%') { type = 'f'; v *= 100; add_pct = true; }
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    char *buf = double_to_string(v, type, precision, f.alt, add_dot_0 && type == 'g');
    if (!buf) return NULL;
    if (f.no_neg_0 && isfinite(v)) drop_negative_zero(buf);
    bool negative = buf[0] == '-';
    const char *num = buf + negative;
    int64_t ndigits = 0;
    while (num[ndigits] >= '0' && num[ndigits] <= '9') ndigits++;
    int64_t nrest = (int64_t)strlen(num + ndigits);
    char *rest = Pyrt_Malloc((size_t)nrest + 2);
    if (!rest) { Pyrt_Free(buf); return NULL; }
    memcpy(rest, num + ndigits, (size_t)nrest);
    if (add_pct) rest[nrest++] = '%';
    rest[nrest] = 0;
    int every = (f.grouping && f.type != 'n') ? 3 : 0;
    PyrtObject *r = render_number(&f, negative, "", num, ndigits, rest, nrest, every);
    Pyrt_Free(rest);
    Pyrt_Free(buf);
    return r;
}

/* ================================================================== strings */

PyrtObject *Pyrt_FormatStr(PyrtObject *s, PyrtObject *spec) {
    if (PyrtStr_Len(spec) == 0) return Pyrt_Str(s);
    Spec f;
    const char *tname = s->type->name;
    if (parse_spec(spec, &f, 's', '<', tname) < 0) return NULL;
    if (f.type != 's') return unknown_code(f.type, tname);
    if (f.sign == ' ') return value_error("Space not allowed in string format specifier");
    if (f.sign) return value_error("Sign not allowed in string format specifier");
    if (f.no_neg_0) return value_error("Negative zero coercion (z) not allowed in string format specifier");
    if (f.alt) return value_error("Alternate form (#) not allowed in string format specifier");
    if (f.align == '=') return value_error("'=' alignment not allowed in string format specifier");
    int64_t len = PyrtStr_Len(s);
    if (f.precision >= 0 && len > f.precision) len = f.precision;
    int64_t pad = f.width > len ? f.width - len : 0;
    int64_t lpad = f.align == '>' ? pad : f.align == '^' ? pad / 2 : 0;
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int rc = PyrtSB_AddRepeat(&sb, f.fill, lpad);
    if (rc == 0) rc = PyrtSB_Add(&sb, PyrtStr_UTF8(s), PyrtStr_Offset(s, len));
    if (rc == 0) rc = PyrtSB_AddRepeat(&sb, f.fill, pad - lpad);
    if (rc < 0) { PyrtSB_Discard(&sb); return NULL; }
    return PyrtSB_Finish(&sb);
}

/* ================================================================== printf-style % formatting */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    PyrtObject *fmt;
    PyrtObject *args;      /* current argument source (borrowed or owned, see args_owned) */
    bool args_owned;
    int64_t arglen, argidx;
    PyrtObject *dict;      /* mapping for %(key)s, or NULL */
} ModCtx;

static PyrtObject *next_arg(ModCtx *c) {
    if (c->argidx < c->arglen) {
        int64_t i = c->argidx++;
        return c->arglen < 0 ? c->args : PyrtTuple_GetBorrowed(c->args, i);
    }
    return type_error("not enough arguments for format string");
}

static bool is_mapping(PyrtObject *o) {
    if (o->type == &PyrtType_Tuple || PyrtStr_Check(o)) return false;
    if (o->type->flags & PYRT_TPFLAG_USER) return Pyrt_LookupTypeStr(o->type, "__getitem__") != NULL;
    return o->type->getitem != NULL;
}

/* Pads body (sign/prefix split off) to width per the flags. */
static int mod_output(PyrtStrBuilder *sb, int flags, int64_t width, const char *signpfx, int64_t nsp,
                      const char *body, int64_t nbody, int64_t body_cps, bool zero_ok) {
    int64_t len = nsp + body_cps;
    int64_t pad = width > len ? width - len : 0;
    if (flags & F_LJUST) {
        if (PyrtSB_Add(sb, signpfx, nsp) < 0 || PyrtSB_Add(sb, body, nbody) < 0) return -1;
        return PyrtSB_AddRepeat(sb, ' ', pad);
    }
    if ((flags & F_ZERO) && zero_ok) {
        if (PyrtSB_Add(sb, signpfx, nsp) < 0 || PyrtSB_AddRepeat(sb, '0', pad) < 0) return -1;
        return PyrtSB_Add(sb, body, nbody);
    }
    if (PyrtSB_AddRepeat(sb, ' ', pad) < 0 || PyrtSB_Add(sb, signpfx, nsp) < 0) return -1;
    return PyrtSB_Add(sb, body, nbody);
}

/* %d %i %u %x %X %o of a magnitude given as digits */
static int mod_digits(PyrtStrBuilder *sb, bool negative, const char *digits, int64_t nd, char type,
                      int flags, int64_t width, int64_t prec) {
    int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : 10;
    char sp[4];
    int nsp = 0;
    if (negative) sp[nsp++] = '-';
    else if (flags & F_SIGN) sp[nsp++] = '+';
    else if (flags & F_BLANK) sp[nsp++] = ' ';
    if ((flags & F_ALT) && base != 10) { sp[nsp++] = '0'; sp[nsp++] = type == 'o' ? 'o' : type; }
    int64_t zeros = prec > nd ? prec - nd : 0;
    char *body = Pyrt_Malloc((size_t)(zeros + nd + 1));
    if (!body) return -1;
    memset(body, '0', (size_t)zeros);
    memcpy(body + zeros, digits, (size_t)nd);
    int rc = mod_output(sb, flags, width, sp, nsp, body, zeros + nd, zeros + nd, true);
    Pyrt_Free(body);
    return rc;
}

static int mod_int(PyrtStrBuilder *sb, int64_t v, char type, int flags, int64_t width, int64_t prec) {
    char digits[70];
    int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : 10;
    int nd = Pyrt_FormatDigits(magnitude(v), base, type == 'X', digits);
    return mod_digits(sb, v < 0, digits, nd, type, flags, width, prec);
}

/* %d of a float beyond int64: the truncated double is an exact integer, printed by %.0f */
static int mod_big_float(PyrtStrBuilder *sb, double x, char type, int flags, int64_t width, int64_t prec) {
    char digits[400];
    double t = trunc(x);
    int nd = snprintf(digits, sizeof digits, "%.0f", fabs(t));
    return mod_digits(sb, t < 0, digits, nd, type, flags, width, prec);
}

static PyrtObject *mod_type_error(const char *fmt, char type, PyrtObject *v) {
    char msg[200];
    Pyrt_Snprintf(msg, sizeof msg, fmt, type, v->type->name);
    return type_error(msg);
}

static int mod_integer_arg(PyrtStrBuilder *sb, PyrtObject *v, char type, int flags, int64_t width,
                           int64_t prec) {
    int64_t x;
    if (is_int(v) && PyrtInt_IsBig(v)) {
        int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : 10;
        int64_t nd;
        bool neg;
        char *digits = PyrtLong_Digits(v, base, type == 'X', &nd, &neg);
        if (!digits) return -1;
        int rc = mod_digits(sb, neg, digits, nd, type, flags, width, prec);
        Pyrt_Free(digits);
        return rc;
    }
    if (is_int(v)) x = PyrtInt_AsI64(v);
    else if (is_float(v) && (type == 'd' || type == 'i' || type == 'u')) {
        double d = PyrtFloat_AsDouble(v);
        if (isfinite(d) && fabs(d) >= 9223372036854775808.0) return mod_big_float(sb, d, type, flags, width, prec);
        PyrtObject *i = PyrtInt_FromDouble(d);
        if (!i) return -1;
        x = PyrtInt_AsI64(i);
        PYRT_DECREF(i);
    } else {
        bool decimal = type == 'd' || type == 'i' || type == 'u';
        int rc = PyrtStr_UserIndex(v, decimal, &x);
        if (rc > 0) return mod_int(sb, x, type, flags, width, prec);
        if (rc < 0) return -1;
        if (decimal)
            mod_type_error("%%%c format: a real number is required, not %s", type, v);
        else
            mod_type_error("%%%c format: an integer is required, not %s", type, v);
        return -1;
    }
    return mod_int(sb, x, type, flags, width, prec);
}

/* float(o) through a user class's __float__ or __index__: 1 done, 0 not defined, -1 error */
static int user_float(PyrtObject *o, double *out) {
    bool found;
    PyrtObject *r = PyrtStr_CallUserDunder(o, "__float__", &found);
    if (found) {
        if (!r) return -1;
        bool ok = is_float(r);
        if (ok) *out = PyrtFloat_AsDouble(r);
        else {
            char msg[200];
            Pyrt_Snprintf(msg, sizeof msg, "%s.__float__ returned non-float (type %s)", o->type->name, r->type->name);
            type_error(msg);
        }
        PYRT_DECREF(r);
        return ok ? 1 : -1;
    }
    int64_t i;
    int rc = PyrtStr_UserIndex(o, false, &i);
    if (rc > 0) *out = (double)i;
    return rc;
}

static int mod_float(PyrtStrBuilder *sb, PyrtObject *v, char type, int flags, int64_t width, int64_t prec) {
    double x;
    int rc;
    if (is_float(v)) x = PyrtFloat_AsDouble(v);
    else if (is_int(v)) {
        x = PyrtInt_AsDouble(v);
        if (x == -1.0 && Pyrt_ErrOccurred()) return -1;
    }
    else if ((rc = user_float(v, &x)) != 0) {
        if (rc < 0) return -1;
    } else {
        char msg[200];
        Pyrt_Snprintf(msg, sizeof msg, "must be real number, not %s", v->type->name);
        type_error(msg);
        return -1;
    }
    char *buf = double_to_string(x, type, prec < 0 ? 6 : prec, (flags & F_ALT) != 0, false);
    if (!buf) return -1;
    bool neg = buf[0] == '-';
    char sp[2];
    int nsp = 0;
    if (neg) sp[nsp++] = '-';
    else if (flags & F_SIGN) sp[nsp++] = '+';
    else if (flags & F_BLANK) sp[nsp++] = ' ';
    int64_t n = (int64_t)strlen(buf) - neg;
    rc = mod_output(sb, flags, width, sp, nsp, buf + neg, n, n, true);
    Pyrt_Free(buf);
    return rc;
}

static int mod_char(PyrtStrBuilder *sb, PyrtObject *v, int flags, int64_t width) {
    uint32_t cp;
    if (PyrtStr_Check(v) && PyrtStr_Len(v) == 1) Pyrt_Utf8Decode(PyrtStr_UTF8(v), &cp);
    else if (is_int(v)) {
        int64_t x = PyrtInt_IsBig(v) ? -1 : PyrtInt_AsI64(v);
        if (x < 0 || x > 0x10FFFF) {
            Pyrt_ErrSetString(&PyrtType_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        cp = (uint32_t)x;
    } else {
        type_error("%c requires int or char");
        return -1;
    }
    char buf[4];
    int n = Pyrt_Utf8Encode(cp, buf);
    return mod_output(sb, flags, width, "", 0, buf, n, 1, false);
}

static int mod_text(PyrtStrBuilder *sb, PyrtObject *v, char type, int flags, int64_t width, int64_t prec) {
    PyrtObject *s = type == 's' ? Pyrt_Str(v) : type == 'r' ? Pyrt_Repr(v) : Pyrt_Ascii(v);
    if (!s) return -1;
    int64_t cps = PyrtStr_Len(s);
    if (prec >= 0 && cps > prec) cps = prec;
    int rc = mod_output(sb, flags, width, "", 0, PyrtStr_UTF8(s), PyrtStr_Offset(s, cps), cps, false);
    PYRT_DECREF(s);
    return rc;
}

/* "%(key)" -> switches the argument source to dict[key] */
static int mod_key(ModCtx *c, const uint32_t *u, int64_t n, int64_t *pos) {
    if (!c->dict) { type_error("format requires a mapping"); return -1; }
    int64_t depth = 1, start = ++(*pos);
    while (*pos < n && depth > 0) {
        if (u[*pos] == ')') depth--;
        else if (u[*pos] == '(') depth++;
        (*pos)++;
    }
    if (depth > 0) { value_error("incomplete format key"); return -1; }
    int64_t kb = PyrtStr_Offset(c->fmt, start), ke = PyrtStr_Offset(c->fmt, *pos - 1);
    PyrtObject *key = PyrtStr_FromUTF8(PyrtStr_UTF8(c->fmt) + kb, ke - kb);
    if (!key) return -1;
    PyrtObject *v = Pyrt_GetItem(c->dict, key);
    PYRT_DECREF(key);
    if (!v) return -1;
    if (c->args_owned) PYRT_DECREF(c->args);
    c->args = v;
    c->args_owned = true;
    c->arglen = -1;
    c->argidx = -2;
    return 0;
}

/* width or precision: digits or '*' (taken from the arguments) */
static int mod_number(ModCtx *c, const uint32_t *u, int64_t n, int64_t *pos, int64_t *out, int *flags,
                      bool is_width) {
    if (*pos < n && u[*pos] == '*') {
        (*pos)++;
        PyrtObject *v = next_arg(c);
        if (!v) return -1;
        if (!is_int(v)) { type_error("* wants int"); return -1; }
        if (PyrtInt_AsSsize(v, out) < 0) return -1;
        if (*out < 0) {
            if (is_width) { *flags |= F_LJUST; *out = -*out; }
            else *out = 0;
        }
        return 0;
    }
    int64_t acc = -1;
    while (*pos < n && u[*pos] >= '0' && u[*pos] <= '9') {
        if (acc < 0) acc = 0;
        if (acc > (INT64_MAX - 9) / 10) {
            value_error(is_width ? "width too big" : "precision too big");
            return -1;
        }
        acc = acc * 10 + (u[*pos] - '0');
        (*pos)++;
    }
    *out = acc;
    return 0;
}

static int mod_one(ModCtx *c, PyrtStrBuilder *sb, const uint32_t *u, int64_t n, int64_t *pos) {
    (*pos)++;   /* the '%' */
    if (*pos < n && u[*pos] == '%') { (*pos)++; return PyrtSB_Add(sb, "%", 1); }
    if (*pos < n && u[*pos] == '(' && mod_key(c, u, n, pos) < 0) return -1;
    int flags = 0;
    for (; *pos < n; (*pos)++) {
        uint32_t ch = u[*pos];
        if (ch == '-') flags |= F_LJUST;
        else if (ch == '+') flags |= F_SIGN;
        else if (ch == ' ') flags |= F_BLANK;
        else if (ch == '#') flags |= F_ALT;
        else if (ch == '0') flags |= F_ZERO;
        else break;
    }
    int64_t width = -1, prec = -1;
    if (mod_number(c, u, n, pos, &width, &flags, true) < 0) return -1;
    if (*pos < n && u[*pos] == '.') {
        (*pos)++;
        if (mod_number(c, u, n, pos, &prec, &flags, false) < 0) return -1;
        if (prec < 0) prec = 0;
    }
    while (*pos < n && (u[*pos] == 'h' || u[*pos] == 'l' || u[*pos] == 'L')) (*pos)++;
    if (*pos >= n) { value_error("incomplete format"); return -1; }
    uint32_t type = u[(*pos)++];
    PyrtObject *v = next_arg(c);
    if (!v) return -1;
    switch (type) {
    case 's': case 'r': case 'a': return mod_text(sb, v, (char)type, flags, width, prec);
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        return mod_integer_arg(sb, v, (char)type, flags, width, prec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return mod_float(sb, v, (char)type, flags, width, prec);
    case 'c': return mod_char(sb, v, flags, width);
    default: {
        char msg[120];
        Pyrt_Snprintf(msg, sizeof msg, "unsupported format character '%c' (0x%x) at index %lld",
                 (type > 31 && type < 127) ? (char)type : '?', (unsigned)type, (long long)(*pos - 1));
        value_error(msg);
        return -1;
    }
    }
}

static int mod_loop(ModCtx *c, PyrtStrBuilder *sb, const uint32_t *u, int64_t n) {
    int64_t pos = 0;
    while (pos < n) {
        if (u[pos] != '%') {
            int64_t start = pos;
            while (pos < n && u[pos] != '%') pos++;
            int64_t b0 = PyrtStr_Offset(c->fmt, start), b1 = PyrtStr_Offset(c->fmt, pos);
            if (PyrtSB_Add(sb, PyrtStr_UTF8(c->fmt) + b0, b1 - b0) < 0) return -1;
            continue;
        }
        if (mod_one(c, sb, u, n, &pos) < 0) return -1;
    }
    if (c->argidx < c->arglen && !c->dict) {
        type_error("not all arguments converted during string formatting");
        return -1;
    }
    return 0;
}

PyrtObject *PyrtStr_Mod(PyrtObject *fmt, PyrtObject *args) {
    ModCtx c;
    c.fmt = fmt;
    c.args = args;
    c.args_owned = false;
    if (args->type == &PyrtType_Tuple || Pyrt_TypeCheck(args, &PyrtType_Tuple)) {
        c.arglen = PyrtTuple_Len(args);
        c.argidx = 0;
    } else {
        c.arglen = -1;
        c.argidx = -2;
    }
    c.dict = is_mapping(args) ? args : NULL;
    uint32_t *u;
    int64_t n;
    if (decode_spec(fmt, &u, &n) < 0) return NULL;
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int rc = mod_loop(&c, &sb, u, n);
    Pyrt_Free(u);
    if (c.args_owned) PYRT_DECREF(c.args);
    if (rc < 0) { PyrtSB_Discard(&sb); return NULL; }
    return PyrtSB_Finish(&sb);
}

/* ================================================================== str.format */

typedef struct {
    PyrtObject *fmt;
    const uint32_t *u;
    PyrtObject *const *args;
    int64_t nargs;
    PyrtObject *kwnames;     /* tuple of names (values follow args), or NULL */
    PyrtObject *mapping;     /* format_map's mapping, or NULL */
    int auto_state;          /* 0 init, 1 auto, 2 manual */
    int64_t auto_next;
} FmtCtx;

static PyrtObject *substr(FmtCtx *c, int64_t a, int64_t b) { return PyrtStr_Substring(c->fmt, a, b); }

/* integer field name (Unicode decimals) or -1 if not an integer */
static int64_t field_integer(FmtCtx *c, int64_t a, int64_t b) {
    if (a >= b) return -1;
    int64_t acc = 0;
    for (int64_t i = a; i < b; i++) {
        int d = Pyrt_UcdDecimal(c->u[i]);
        if (d < 0) return -1;
        if (acc > (INT64_MAX - d) / 10) {
            value_error("Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

static PyrtObject *keyword_value(FmtCtx *c, int64_t a, int64_t b) {
    PyrtObject *key = substr(c, a, b);
    if (!key) return NULL;
    PyrtObject *v = NULL;
    if (c->mapping) v = Pyrt_GetItem(c->mapping, key);
    else {
        int64_t nkw = c->kwnames ? PyrtTuple_Len(c->kwnames) : 0;
        for (int64_t i = 0; i < nkw && !v; i++)
            if (PyrtStr_Eq(PyrtTuple_GetBorrowed(c->kwnames, i), key)) { v = c->args[c->nargs + i]; PYRT_INCREF(v); }
        if (!v) Pyrt_ErrSetObject(&PyrtType_KeyError, key);
    }
    PYRT_DECREF(key);
    return v;
}

static PyrtObject *positional_value(FmtCtx *c, int64_t index) {
    if (c->mapping) return value_error("Format string contains positional fields");
    if (index >= c->nargs) {
        char msg[120];
        Pyrt_Snprintf(msg, sizeof msg, "Replacement index %lld out of range for positional args tuple",
                 (long long)index);
        return Pyrt_ErrSetString(&PyrtType_IndexError, msg);
    }
    PYRT_INCREF(c->args[index]);
    return c->args[index];
}

/* the part of the field name before the first '.' or '[' */
static PyrtObject *field_first(FmtCtx *c, int64_t a, int64_t b, int64_t *rest) {
    int64_t i = a;
    while (i < b && c->u[i] != '.' && c->u[i] != '[') i++;
    *rest = i;
    int64_t index = field_integer(c, a, i);
    if (index == -2) return NULL;
    bool empty = a >= i, numeric = empty || index != -1;
    if (numeric) {
        if (c->auto_state == 0) c->auto_state = empty ? 1 : 2;
        if (c->auto_state == 2 && empty)
            return value_error("cannot switch from manual field specification to automatic field numbering");
        if (c->auto_state == 1 && !empty)
            return value_error("cannot switch from automatic field numbering to manual field specification");
        if (empty) index = c->auto_next++;
        return positional_value(c, index);
    }
    return keyword_value(c, a, i);
}

/* applies ".name" and "[key]" accessors in u[pos..b) to obj (steals obj) */
static PyrtObject *field_rest(FmtCtx *c, PyrtObject *obj, int64_t pos, int64_t b) {
    while (obj && pos < b) {
        uint32_t ch = c->u[pos++];
        int64_t start = pos, stop;
        PyrtObject *next;
        if (ch == '.') {
            while (pos < b && c->u[pos] != '.' && c->u[pos] != '[') pos++;
            stop = pos;
        } else if (ch == '[') {
            while (pos < b && c->u[pos] != ']') pos++;
            if (pos >= b) { PYRT_DECREF(obj); return value_error("Missing ']' in format string"); }
            stop = pos++;
        } else {
            PYRT_DECREF(obj);
            return value_error("Only '.' or '[' may follow ']' in format field specifier");
        }
        if (start == stop) { PYRT_DECREF(obj); return value_error("Empty attribute in format string"); }
        PyrtObject *name = substr(c, start, stop);
        if (!name) { PYRT_DECREF(obj); return NULL; }
        int64_t index = ch == '[' ? field_integer(c, start, stop) : -1;
        if (index == -2) next = NULL;
        else if (ch == '.') next = Pyrt_GetAttr(obj, name);
        else if (index >= 0) {
            PyrtObject *key = PyrtInt_FromI64(index);
            next = key ? Pyrt_GetItem(obj, key) : NULL;
            PYRT_XDECREF(key);
        } else next = Pyrt_GetItem(obj, name);
        PYRT_DECREF(name);
        PYRT_DECREF(obj);
        obj = next;
    }
    return obj;
}

static PyrtObject *build_format(FmtCtx *c, int64_t start, int64_t end, int depth);

/* One replacement field u[*pos..] (after the '{'); appends its rendering. */
static int render_field(FmtCtx *c, PyrtStrBuilder *sb, int64_t *pos, int64_t end, int depth) {
    const uint32_t *u = c->u;
    int64_t name_start = *pos, p = *pos;
    uint32_t ch = 0;
    while (p < end) {
        ch = u[p++];
        if (ch == '{') { value_error("unexpected '{' in field name"); return -1; }
        if (ch == '[') { while (p < end && u[p] != ']') p++; continue; }
        if (ch == '}' || ch == ':' || ch == '!') break;
    }
    int64_t name_end = p - 1;
    uint32_t conversion = 0;
    int64_t spec_start = p, spec_end = p;
    bool expand = false;
    if (ch == '!' || ch == ':') {
        if (ch == '!') {
            if (p >= end) { value_error("end of string while looking for conversion specifier"); return -1; }
            conversion = u[p++];
            if (p < end) {
                uint32_t c2 = u[p++];
                if (c2 != '}' && c2 != ':') { value_error("expected ':' after conversion specifier"); return -1; }
                if (c2 == '}') { spec_start = spec_end = p; goto have_field; }
            }
        }
        spec_start = p;
        int64_t count = 1;
        while (p < end) {
            uint32_t c3 = u[p++];
            if (c3 == '{') { expand = true; count++; }
            else if (c3 == '}' && --count == 0) { spec_end = p - 1; goto have_field; }
        }
        value_error("unmatched '{' in format spec");
        return -1;
    } else if (ch != '}') {
        value_error("expected '}' before end of string");
        return -1;
    }
    if (name_end < name_start) name_end = name_start;
have_field:
    *pos = p;
    int64_t rest;
    PyrtObject *obj = field_first(c, name_start, name_end, &rest);
    if (obj) obj = field_rest(c, obj, rest, name_end);
    if (!obj) return -1;
    if (conversion) {
        PyrtObject *conv = NULL;
        if (conversion == 'r') conv = Pyrt_Repr(obj);
        else if (conversion == 's') conv = Pyrt_Str(obj);
        else if (conversion == 'a') conv = Pyrt_Ascii(obj);
        else {
            char msg[80];
            if (conversion > 32 && conversion < 127)
                Pyrt_Snprintf(msg, sizeof msg, "Unknown conversion specifier %c", (char)conversion);
            else
                Pyrt_Snprintf(msg, sizeof msg, "Unknown conversion specifier \\x%x", (unsigned)conversion);
            value_error(msg);
        }
        PYRT_DECREF(obj);
        if (!conv) return -1;
        obj = conv;
    }
    PyrtObject *spec = expand ? build_format(c, spec_start, spec_end, depth - 1) : substr(c, spec_start, spec_end);
    PyrtObject *text = spec ? Pyrt_Format(obj, spec) : NULL;
    PYRT_XDECREF(spec);
    PYRT_DECREF(obj);
    if (!text) return -1;
    int rc = PyrtSB_AddStr(sb, text);
    PYRT_DECREF(text);
    return rc;
}

static int add_range(FmtCtx *c, PyrtStrBuilder *sb, int64_t a, int64_t b) {
    if (a >= b) return 0;
    int64_t x = PyrtStr_Offset(c->fmt, a), y = PyrtStr_Offset(c->fmt, b);
    return PyrtSB_Add(sb, PyrtStr_UTF8(c->fmt) + x, y - x);
}

static PyrtObject *build_format(FmtCtx *c, int64_t start, int64_t end, int depth) {
    if (depth <= 0) return value_error("Max string recursion exceeded");
    PyrtStrBuilder sb;
    PyrtSB_Init(&sb);
    int64_t pos = start;
    const uint32_t *u = c->u;
    while (pos < end) {
        int64_t lit = pos;
        while (pos < end && u[pos] != '{' && u[pos] != '}') pos++;
        if (add_range(c, &sb, lit, pos) < 0) goto fail;
        if (pos >= end) break;
        uint32_t ch = u[pos++];
        bool at_end = pos >= end;
        if (ch == '}' && (at_end || u[pos] != '}')) { value_error("Single '}' encountered in format string"); goto fail; }
        if (ch == '{' && at_end) { value_error("Single '{' encountered in format string"); goto fail; }
        if (u[pos] == ch) {   /* escaped brace */
            if (PyrtSB_AddCP(&sb, ch) < 0) goto fail;
            pos++;
            continue;
        }
        if (render_field(c, &sb, &pos, end, depth) < 0) goto fail;
    }
    return PyrtSB_Finish(&sb);
fail:
    PyrtSB_Discard(&sb);
    return NULL;
}

static PyrtObject *format_common(FmtCtx *c) {
    int64_t n;
    uint32_t *u;
    if (decode_spec(c->fmt, &u, &n) < 0) return NULL;
    c->u = u;
    c->auto_state = 0;
    c->auto_next = 0;
    PyrtObject *r = build_format(c, 0, n, 2);
    Pyrt_Free(u);
    return r;
}

PyrtObject *PyrtStr_FormatMethod(PyrtObject *fmt, PyrtObject *const *args, int64_t nargs,
                                 PyrtObject *kwnames) {
    FmtCtx c = { .fmt = fmt, .args = args, .nargs = nargs, .kwnames = kwnames, .mapping = NULL };
    return format_common(&c);
}

PyrtObject *PyrtStr_FormatMap(PyrtObject *fmt, PyrtObject *mapping) {
    FmtCtx c = { .fmt = fmt, .args = NULL, .nargs = 0, .kwnames = NULL, .mapping = mapping };
    return format_common(&c);
}

/* ================================================================== f-strings */

PyrtObject *PyrtStr_Build(PyrtObject *const *pieces, int64_t n) {
    int64_t total = 0, length = 0;
    bool ascii = true;
    for (int64_t i = 0; i < n; i++) {
        PyrtStr *p = (PyrtStr *)pieces[i];
        total += p->nbytes;
        length += p->length;
        ascii = ascii && p->ascii;
    }
    if (n == 1 && pieces[0]->type == &PyrtType_Str) { PYRT_INCREF(pieces[0]); return pieces[0]; }
    PyrtObject *r = PyrtStr_NewRaw(total, length, ascii);
    if (!r || total == 0) return r;
    char *d = ((PyrtStr *)r)->data;
    for (int64_t i = 0; i < n; i++) {
        PyrtStr *p = (PyrtStr *)pieces[i];
        memcpy(d, p->data, (size_t)p->nbytes);
        d += p->nbytes;
    }
    return r;
}
