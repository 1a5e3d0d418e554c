/* timemod.c: the calendar half of the built-in module time (the clocks time, perf_counter, monotonic
 * and sleep are in mathmod.c): struct_time (a struct sequence, tuple.c), gmtime, localtime, mktime,
 * asctime, ctime, strftime, strptime, process_time, thread_time, tzset and the zone constants
 * timezone, altzone, daylight and tzname. Argument checks, normalisation and messages are CPython
 * 3.11's (Modules/timemodule.c: gettmarg, checktm); the conversions are the C library's, through
 * runtime/platform/ (WASI has no time zones: local time is UTC there). strptime is CPython's own
 * _strptime._strptime_time, compiled with the program that names it (frontend/modules.py). */
#include "pyrt.h"
#include "pyrt_core.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

static const char *const struct_time_fields[] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
    "tm_zone", "tm_gmtoff"};
static PyrtStructSeqType struct_time_type = {
    .type = {.ob = PYRT_TYPE_HEAD, .name = "struct_time", .module = "time",
             .doc = "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
                    " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
                    " sequence of 9 integers.\n\n"
                    " Note that several fields' values are not the same as those defined by\n"
                    " the C language standard for struct tm.  For example, the value of the\n"
                    " field tm_year is the actual year, not year - 1900.  See individual\n"
                    " fields' descriptions for details."},
    .fields = struct_time_fields, .n_sequence = 9, .n_fields = 11,
};

/* ------------------------------------------------------------------ argument checks */
static PyrtObject *no_kw(const char *fname, PyrtObject *kw)
{
    if (kw && PyrtTuple_Len(kw) > 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes no keyword arguments", fname);
    return Pyrt_None;
}

/* PyArg_ParseTuple's "|O:f" */
static PyrtObject *at_most_one(const char *fname, int64_t nargs, PyrtObject *kw)
{
    if (!no_kw(fname, kw))
        return NULL;
    if (nargs > 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes at most 1 argument (%lld given)", fname,
                              (long long)nargs);
    return Pyrt_None;
}

/* METH_NOARGS */
static PyrtObject *no_args(const char *fname, int64_t nargs, PyrtObject *kw)
{
    if (!no_kw(fname, kw))
        return NULL;
    if (nargs > 0)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "%s() takes no arguments (%lld given)", fname, (long long)nargs);
    return Pyrt_None;
}

static PyrtObject *not_integer(PyrtObject *o)
{
    return Pyrt_ErrFormat(&PyrtType_TypeError, "'%s' object cannot be interpreted as an integer", o->type->name);
}

static int time_t_overflow(void)
{
    Pyrt_ErrSetString(&PyrtType_OverflowError, "timestamp out of range for platform time_t");
    return -1;
}

/* CPython's _PyTime_ObjectToTime_t (rounding to floor), None meaning now: 0 or -1 + error */
static int get_time_t(PyrtObject *o, int64_t *t)
{
    if (!o || o == Pyrt_None) {
        *t = (int64_t)time(NULL);
        return 0;
    }
    if (PyrtNum_IsFloat(o)) {
        double d = PyrtFloat_AsDouble(o);
        if (isnan(d)) {
            Pyrt_ErrSetString(&PyrtType_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
            return time_t_overflow();
        *t = (int64_t)d;
        return 0;
    }
    if (!PyrtNum_IsInt(o)) {
        not_integer(o);
        return -1;
    }
    if (PyrtInt_IsBig(o))
        return time_t_overflow();
    *t = PyrtInt_AsI64(o);
    return 0;
}

/* the OSError of a failed conversion (CPython on Linux: EOVERFLOW, errno 75) */
static PyrtObject *conversion_error(void)
{
    int err = errno ? errno : EINVAL;
    if (err != EOVERFLOW)
        return PyrtErr_FromErrno(err, NULL);
    PyrtObject *argv[2] = {PyrtInt_FromI64(75), PyrtStr_FromCString("Value too large for defined data type")};
    PyrtObject *e = argv[0] && argv[1] ? PyrtExc_New(&PyrtType_OSError, argv, 2) : NULL;
    Pyrt_XDecRef(argv[0]);
    Pyrt_XDecRef(argv[1]);
    if (e)
        Pyrt_ErrRestore(e);
    return NULL;
}

/* ------------------------------------------------------------------ struct tm <-> struct_time */
static int ensure_type(void)
{
    return PyrtStructSeq_InitType(&struct_time_type, true);
}

static PyrtObject *tm_to_struct_time(const struct tm *p)
{
    if (ensure_type() < 0)
        return NULL;
    long gmtoff;
    const char *zone = Pyrt_PlatformTmZone(p, &gmtoff);
    int64_t v[9] = {(int64_t)p->tm_year + 1900, p->tm_mon + 1, p->tm_mday, p->tm_hour, p->tm_min, p->tm_sec,
                    (p->tm_wday + 6) % 7, p->tm_yday + 1, p->tm_isdst};
    PyrtObject *r = PyrtStructSeq_New(&struct_time_type);
    for (int i = 0; r && i < 11; i++) {
        PyrtObject *x = i < 9 ? PyrtInt_FromI64(v[i]) : i == 10 ? PyrtInt_FromI64(gmtoff)
                      : zone ? PyrtStr_FromCString(zone) : (Pyrt_IncRef(Pyrt_None), Pyrt_None);
        if (!x)
            PYRT_CLEAR(r);
        else
            PyrtTuple_SetNew_Steal(r, i, x);
    }
    return r;
}

/* an item of a time tuple as a C int (PyArg_ParseTuple's "i") */
static int tuple_int(PyrtObject *o, int *out)
{
    if (!PyrtNum_IsInt(o)) {
        not_integer(o);
        return -1;
    }
    if (PyrtInt_IsBig(o)) {
        Pyrt_ErrSetString(&PyrtType_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    int64_t v = PyrtInt_AsI64(o);
    if (v > INT_MAX || v < INT_MIN) {
        Pyrt_ErrSetString(&PyrtType_OverflowError, v > INT_MAX ? "signed integer is greater than maximum"
                                                              : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* CPython's gettmarg: a 9-tuple (or struct_time, whose zone and offset come along) as a struct tm */
static int get_tm(PyrtObject *o, struct tm *p, const char *fname)
{
    memset(p, 0, sizeof *p);
    if (!(o->type->flags & PYRT_TPFLAG_TUPLE)) {
        Pyrt_ErrSetString(&PyrtType_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (PyrtTuple_Len(o) != 9) {
        Pyrt_ErrFormat(&PyrtType_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int y, *fields[9] = {&y, &p->tm_mon, &p->tm_mday, &p->tm_hour, &p->tm_min, &p->tm_sec, &p->tm_wday,
                         &p->tm_yday, &p->tm_isdst};
    for (int i = 0; i < 9; i++)
        if (tuple_int(PyrtTuple_GetBorrowed(o, i), fields[i]) < 0)
            return -1;
    if (y < INT_MIN + 1900) {
        Pyrt_ErrSetString(&PyrtType_OverflowError, "year out of range");
        return -1;
    }
    p->tm_year = y - 1900;
    p->tm_mon--;
    p->tm_wday = (p->tm_wday + 1) % 7;
    p->tm_yday--;
    const char *zone = NULL;
    long gmtoff = 0;
    if (o->type == &struct_time_type.type) {
        PyrtObject *z = PyrtTuple_GetBorrowed(o, 9), *g = PyrtTuple_GetBorrowed(o, 10);
        if (z != Pyrt_None) {
            if (!PyrtStr_Check(z)) {
                Pyrt_ErrSetString(&PyrtType_TypeError, "bad argument type for built-in operation");
                return -1;
            }
            zone = PyrtStr_UTF8(z);
        }
        if (g != Pyrt_None) {
            if (!PyrtNum_IsInt(g)) {
                not_integer(g);
                return -1;
            }
            if (PyrtInt_IsBig(g)) {
                Pyrt_ErrSetString(&PyrtType_OverflowError, "Python int too large to convert to C long");
                return -1;
            }
            gmtoff = (long)PyrtInt_AsI64(g);
        }
    }
    Pyrt_PlatformSetTmZone(p, zone, gmtoff);
    return 0;
}

static int range_error(const char *what)
{
    Pyrt_ErrFormat(&PyrtType_ValueError, "%s out of range", what);
    return -1;
}

/* CPython's checktm: what strftime and asctime accept (0 stands for the lowest month, day, yday) */
static int check_tm(struct tm *b)
{
    if (b->tm_mon == -1)
        b->tm_mon = 0;
    else if (b->tm_mon < 0 || b->tm_mon > 11)
        return range_error("month");
    if (b->tm_mday == 0)
        b->tm_mday = 1;
    else if (b->tm_mday < 0 || b->tm_mday > 31)
        return range_error("day of month");
    if (b->tm_hour < 0 || b->tm_hour > 23)
        return range_error("hour");
    if (b->tm_min < 0 || b->tm_min > 59)
        return range_error("minute");
    if (b->tm_sec < 0 || b->tm_sec > 61)
        return range_error("seconds");
    if (b->tm_wday < 0)
        return range_error("day of week");
    if (b->tm_yday == -1)
        b->tm_yday = 0;
    else if (b->tm_yday < 0 || b->tm_yday > 365)
        return range_error("day of year");
    return 0;
}

/* the time tuple argument, or local time now when absent */
static int tm_arg(PyrtObject *o, struct tm *b, const char *fname)
{
    if (!o) {
        if (Pyrt_PlatformLocaltime((int64_t)time(NULL), b) < 0) {
            conversion_error();
            return -1;
        }
        return 0;
    }
    return get_tm(o, b, fname) < 0 || check_tm(b) < 0 ? -1 : 0;
}

/* ------------------------------------------------------------------ functions */
static PyrtObject *convert(const char *fname, PyrtObject *const *args, int64_t nargs, PyrtObject *kw, bool local)
{
    int64_t t;
    struct tm b;
    if (!at_most_one(fname, nargs, kw) || get_time_t(nargs ? args[0] : NULL, &t) < 0)
        return NULL;
    errno = 0;
    if ((local ? Pyrt_PlatformLocaltime(t, &b) : Pyrt_PlatformGmtime(t, &b)) < 0)
        return conversion_error();
    return tm_to_struct_time(&b);
}

static PyrtObject *time_gmtime(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self;
    return convert("gmtime", args, nargs, kw, false);
}

static PyrtObject *time_localtime(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self;
    return convert("localtime", args, nargs, kw, true);
}

static PyrtObject *format_asctime(const struct tm *b)
{
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[80];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %lld", wday[b->tm_wday], mon[b->tm_mon], b->tm_mday,
             b->tm_hour, b->tm_min, b->tm_sec, 1900LL + b->tm_year);
    return PyrtStr_FromCString(buf);
}

static PyrtObject *time_asctime(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self;
    struct tm b;
    if (!no_kw("asctime", kw))
        return NULL;
    if (nargs > 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "asctime expected at most 1 argument, got %lld", (long long)nargs);
    if (tm_arg(nargs ? args[0] : NULL, &b, "asctime") < 0)
        return NULL;
    return format_asctime(&b);
}

static PyrtObject *time_ctime(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self;
    int64_t t;
    struct tm b;
    if (!at_most_one("ctime", nargs, kw) || get_time_t(nargs ? args[0] : NULL, &t) < 0)
        return NULL;
    errno = 0;
    if (Pyrt_PlatformLocaltime(t, &b) < 0)
        return conversion_error();
    return format_asctime(&b);
}

static PyrtObject *time_mktime(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self;
    struct tm b;
    if (!no_kw("time.mktime", kw))
        return NULL;
    if (nargs != 1)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "time.mktime() takes exactly one argument (%lld given)",
                              (long long)nargs);
    if (get_tm(args[0], &b, "mktime") < 0)
        return NULL;
    b.tm_wday = -1;   /* (mktime sets it: still -1 afterwards means failure) */
    int64_t t = Pyrt_PlatformMktime(&b);
    if (t == -1 && b.tm_wday == -1)
        return Pyrt_ErrSetString(&PyrtType_OverflowError, "mktime argument out of range");
    return PyrtFloat_FromDouble((double)t);
}

static PyrtObject *time_strftime(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self;
    struct tm b;
    if (!no_kw("strftime", kw))
        return NULL;
    if (nargs < 1 || nargs > 2)
        return Pyrt_ErrFormat(&PyrtType_TypeError, "strftime() takes at %s %d argument%s (%lld given)",
                              nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                              (long long)nargs);
    if (!PyrtStr_Check(args[0]))
        return Pyrt_ErrFormat(&PyrtType_TypeError, "strftime() argument 1 must be str, not %s", args[0]->type->name);
    if (tm_arg(nargs > 1 ? args[1] : NULL, &b, "strftime") < 0)
        return NULL;
    if (b.tm_isdst < -1)   /* (as CPython: a C library may index its zone names by it) */
        b.tm_isdst = -1;
    else if (b.tm_isdst > 1)
        b.tm_isdst = 1;
    const char *fmt = PyrtStr_UTF8(args[0]);
    size_t fmtlen = (size_t)((PyrtStr *)args[0])->nbytes;
    if (strlen(fmt) != fmtlen)
        return Pyrt_ErrSetString(&PyrtType_ValueError, "embedded null character");
    /* CPython's loop: a result of 0 characters is an error until the buffer is 256 times the format
     * (an empty format, or %Z of an unknown zone, gives an empty string) */
    for (size_t n = 1024;; n += n) {
        char *out = Pyrt_Malloc(n);
        if (!out)
            return NULL;
        size_t len = Pyrt_PlatformStrftime(out, n, fmt, &b);
        if (len > 0 || n >= 256 * fmtlen) {
            PyrtObject *r = PyrtStr_FromUTF8(out, (int64_t)len);
            Pyrt_Free(out);
            return r;
        }
        Pyrt_Free(out);
    }
}

/* time.strptime(string, format="%a %b %d %H:%M:%S %Y"): CPython's _strptime._strptime_time, as
 * CPython's time module calls it (the module is compiled in when the program names strptime) */
static PyrtObject *time_strptime(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self;
    PyrtObject *name = PyrtStr_FromCString("_strptime");
    PyrtObject *a[4] = {name, NULL, NULL, NULL};
    PyrtObject *mod = name ? Pyrt_builtin___import__(NULL, a, 1, NULL) : NULL;
    Pyrt_XDecRef(name);
    if (!mod)
        return NULL;
    PyrtObject *f = Pyrt_GetAttrStr(mod, "_strptime_time");
    Pyrt_DecRef(mod);
    if (!f)
        return NULL;
    PyrtObject *r = Pyrt_Call(f, args, nargs, kw);
    Pyrt_DecRef(f);
    return r;
}

static PyrtObject *cpu_time(const char *fname, int64_t nargs, PyrtObject *kw, bool thread, bool ns)
{
    if (!no_args(fname, nargs, kw))
        return NULL;
    int64_t t = Pyrt_PlatformCpuTimeNs(thread);
    if (t < 0)
        return PyrtErr_FromErrno(errno, NULL);
    return ns ? PyrtInt_FromI64(t) : PyrtFloat_FromDouble((double)t * 1e-9);
}

static PyrtObject *time_process_time(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self; (void)args;
    return cpu_time("time.process_time", nargs, kw, false, false);
}

static PyrtObject *time_process_time_ns(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self; (void)args;
    return cpu_time("time.process_time_ns", nargs, kw, false, true);
}

static PyrtObject *time_thread_time(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self; (void)args;
    return cpu_time("time.thread_time", nargs, kw, true, false);
}

static PyrtObject *time_thread_time_ns(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self; (void)args;
    return cpu_time("time.thread_time_ns", nargs, kw, true, true);
}

/* ------------------------------------------------------------------ zone constants */
static PyrtObject *time_dict;   /* the module's dict (the module is immortal) */

static int set_int(const char *key, int64_t v)
{
    PyrtObject *x = PyrtInt_FromI64(v);
    int rc = x ? PyrtDict_SetItemStr(time_dict, key, x) : -1;
    Pyrt_XDecRef(x);
    return rc;
}

/* timezone, altzone, daylight, tzname as CPython 3.11's init_timezone sets them with glibc (and
 * without tzname: WASI): the local zone of early January and of early July this year, the one
 * further west being standard time (names truncated to 9 bytes, as CPython's buffers) */
static int init_timezone(void)
{
    const int64_t year = (365 * 24 + 6) * 3600;
    int64_t t = ((int64_t)time(NULL) / year) * year, off[2];
    char names[2][10];
    for (int i = 0; i < 2; i++, t += year / 2) {
        struct tm b;
        long gmtoff = 0;
        const char *zone = NULL;
        if (Pyrt_PlatformLocaltime(t, &b) == 0)
            zone = Pyrt_PlatformTmZone(&b, &gmtoff);
        snprintf(names[i], sizeof names[i], "%.9s", zone ? zone : "   ");
        off[i] = -(int64_t)gmtoff;
        if (off[i] < -48 * 3600 || off[i] > 48 * 3600) {
            Pyrt_ErrSetString(&PyrtType_RuntimeError, "invalid GMT offset");
            return -1;
        }
    }
    int std = off[0] < off[1] ? 1 : 0;   /* (DST is reversed in the southern hemisphere) */
    PyrtObject *n0 = PyrtStr_FromCString(names[std]);
    PyrtObject *n1 = n0 ? PyrtStr_FromCString(names[1 - std]) : NULL;
    PyrtObject *tn = n1 ? PyrtTuple_Pack2(n0, n1) : NULL;
    Pyrt_XDecRef(n0);
    Pyrt_XDecRef(n1);
    int rc = tn ? PyrtDict_SetItemStr(time_dict, "tzname", tn) : -1;
    Pyrt_XDecRef(tn);
    if (rc < 0 || set_int("timezone", off[std]) < 0 || set_int("altzone", off[1 - std]) < 0 ||
        set_int("daylight", off[0] != off[1]) < 0)
        return -1;
    return 0;
}

static PyrtObject *time_tzset(PyrtObject *self, PyrtObject *const *args, int64_t nargs, PyrtObject *kw)
{
    (void)self; (void)args;
    if (!no_args("time.tzset", nargs, kw))
        return NULL;
    Pyrt_PlatformTzset();
    return init_timezone() < 0 ? NULL : Pyrt_None;
}

static const PyrtModFn time_fns[] = {
    {"gmtime", time_gmtime}, {"localtime", time_localtime}, {"mktime", time_mktime},
    {"asctime", time_asctime}, {"ctime", time_ctime}, {"strftime", time_strftime},
    {"strptime", time_strptime}, {"process_time", time_process_time},
    {"process_time_ns", time_process_time_ns}, {"thread_time", time_thread_time},
    {"thread_time_ns", time_thread_time_ns}, {"tzset", time_tzset},
    {NULL, NULL},
};

int PyrtTime_FillModule(PyrtObject *d)
{
    time_dict = d;
    if (ensure_type() < 0 || PyrtDict_SetItemStr(d, "struct_time", (PyrtObject *)&struct_time_type) < 0 ||
        set_int("_STRUCT_TM_ITEMS", 11) < 0)
        return -1;
    Pyrt_PlatformTzset();
    if (init_timezone() < 0)
        return -1;
    for (const PyrtModFn *f = time_fns; f->name; f++) {
        PyrtObject *fn = PyrtBuiltin_New(f->name, f->fn, NULL);
        int rc = fn ? PyrtDict_SetItemStr(d, f->name, fn) : -1;
        Pyrt_XDecRef(fn);
        if (rc < 0)
            return -1;
    }
    return 0;
}
