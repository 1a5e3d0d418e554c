/* platform/wasi_strftime.c (included by wasi.c): strftime as glibc's does it in the C locale and a
 * UTC zone. CPython hands time.strftime's format to the C library; wasi-libc's (musl's) differs from
 * glibc's, the C library of the CPython pyrite is compared with: it pads %Y to four digits and puts a
 * '+' before years of five, gives nothing at all for a format with a directive it does not know
 * (glibc copies the directive), lacks %k %l %P %s and the '^' '#' flags, and writes %C, %y, %G
 * differently for years outside 1000-9999. These are glibc's rules, written from its behaviour and
 * checked against it (tests/runtime/strftime_driver.c): a directive is '%', flags among "_-0^#", a
 * decimal width, an E or O modifier and a conversion. A number has at least its conversion's digits
 * (or the width), padded with zeros ('_', and %e %k %l: spaces; '-': none); what is written is then
 * padded in front to the width with spaces ('0': zeros). An unknown conversion, or a modifier the
 * conversion does not take, writes the directive from its last '%' as it is. Returns the length, or 0
 * when the result and its NUL do not fit in n bytes. */
#include <stdio.h>
#include <string.h>
#include <time.h>

typedef struct {
    char *s;      /* NULL: only measure */
    size_t n, i;  /* capacity, length so far */
    bool full;    /* did not fit: the result is 0 */
} GOut;

/* one directive's state: width (-1: none), pad ('_', '-', '0' or 0), case (1 upper, -1 lower) */
typedef struct {
    int width;
    char pad;
    int case_;
} GSpec;

/* n bytes of t, cased, after width - n bytes of padding (zeros for pad '0', else spaces) */
static void g_add(GOut *o, const char *t, size_t n, const GSpec *d)
{
    size_t delta = d->width > 0 && (size_t)d->width > n ? (size_t)d->width - n : 0;
    if (o->full || n + delta >= o->n - o->i) {
        o->full = true;
        return;
    }
    if (o->s) {
        char *p = o->s + o->i;
        memset(p, d->pad == '0' ? '0' : ' ', delta);
        p += delta;
        for (size_t k = 0; k < n; k++) {
            char ch = t[k];
            if (d->case_ > 0 && ch >= 'a' && ch <= 'z')
                ch = (char)(ch - 32);
            else if (d->case_ < 0 && ch >= 'A' && ch <= 'Z')
                ch = (char)(ch + 32);
            p[k] = ch;
        }
    }
    o->i += n + delta;
}

/* bytes of padding written by the number itself (no width padding, no case) */
static void g_fill(GOut *o, char c, size_t n)
{
    if (o->full || n >= o->n - o->i) {
        o->full = true;
        return;
    }
    if (o->s)
        memset(o->s + o->i, c, n);
    o->i += n;
}

/* a number of at least `digits` digits (glibc's do_number_sign_and_padding) */
static void g_number(GOut *o, long long v, int digits, GSpec *d)
{
    char buf[32];
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    int len = snprintf(buf, sizeof buf, "%s%llu", v < 0 ? "-" : "", u);
    const char *b = buf;
    if (d->pad != '-' && digits > len) {
        size_t padding = (size_t)(digits - len);
        if (d->pad == '_') {
            g_fill(o, ' ', padding);
            d->width = d->width > (int)padding ? d->width - (int)padding : 0;
        } else {
            if (o->full || (size_t)digits >= o->n - o->i) {
                o->full = true;
                return;
            }
            if (v < 0) {
                g_fill(o, '-', 1);
                b++;
                len--;
            }
            g_fill(o, '0', padding);
            d->width = 0;
        }
    }
    g_add(o, b, (size_t)len, d);
}

static void g_num(GOut *o, long long v, int digits, GSpec *d)
{
    g_number(o, v, digits > d->width ? digits : d->width, d);
}

static size_t g_strftime(char *s, size_t n, const char *f, const struct tm *tp);

static int g_isleap(int y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* days from the Monday of ISO week 1 of yday's year to yday (negative: in the previous ISO year) */
static int g_iso_week_days(int yday, int wday)
{
    return yday - (yday - wday + 4 + 378) % 7 + 3;   /* (378: a multiple of 7 that keeps it >= 0) */
}

static const char *const g_days[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                      "Saturday"};
static const char *const g_months[12] = {"January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December"};

/* glibc's mktime in a UTC zone (for %s) */
static long long g_mktime(const struct tm *tp)
{
    struct tm copy = *tp;
    long long t = (long long)timegm(&copy);
    return tp->tm_isdst > 0 ? t - 3600 : t;
}

/* the conversion at f; false: a bad directive (written as it is by the caller) */
static bool g_convert(GOut *o, const char *f, const struct tm *tp, GSpec *d, bool swap, char mod)
{
    const char *sub = NULL;
    int year = tp->tm_year + 1900;
    int hour12 = tp->tm_hour > 12 ? tp->tm_hour - 12 : tp->tm_hour == 0 ? 12 : tp->tm_hour;
    switch (*f) {
    case '%':
        if (mod)
            return false;
        g_add(o, "%", 1, d);
        return true;
    case 'a': case 'A': {
        if (mod)
            return false;
        if (swap)
            d->case_ = 1;
        bool ok = tp->tm_wday >= 0 && tp->tm_wday <= 6;
        const char *t = ok ? g_days[tp->tm_wday] : "?";
        g_add(o, t, ok && *f == 'a' ? 3 : strlen(t), d);
        return true;
    }
    case 'b': case 'h': case 'B': {
        if (swap && *f != 'B')
            d->case_ = 1;
        if (mod == 'E')
            return false;
        if (swap)
            d->case_ = 1;
        bool ok = tp->tm_mon >= 0 && tp->tm_mon <= 11;
        const char *t = ok ? g_months[tp->tm_mon] : "?";
        g_add(o, t, ok && *f != 'B' ? 3 : strlen(t), d);
        return true;
    }
    case 'c':
        if (mod == 'O')
            return false;
        sub = "%a %b %e %H:%M:%S %Y";
        break;
    case 'x':
        if (mod == 'O')
            return false;
        sub = "%m/%d/%y";
        break;
    case 'X':
        if (mod == 'O')
            return false;
        sub = "%H:%M:%S";
        break;
    case 'D':
        if (mod)
            return false;
        sub = "%m/%d/%y";
        break;
    case 'F':
        if (mod)
            return false;
        sub = "%Y-%m-%d";
        break;
    case 'r':
        sub = "%I:%M:%S %p";
        break;
    case 'R':
        sub = "%H:%M";
        break;
    case 'T':
        sub = "%H:%M:%S";
        break;
    case 'C':
        g_num(o, year / 100 - (year % 100 < 0), 1, d);
        return true;
    case 'd': case 'e': case 'H': case 'k': case 'I': case 'l': case 'j': case 'M': case 'm': case 'S':
    case 'U': case 'W': case 'w': {
        if (mod == 'E')
            return false;
        int v = *f == 'd' || *f == 'e' ? tp->tm_mday : *f == 'H' || *f == 'k' ? tp->tm_hour
              : *f == 'I' || *f == 'l' ? hour12 : *f == 'j' ? 1 + tp->tm_yday : *f == 'M' ? tp->tm_min
              : *f == 'm' ? tp->tm_mon + 1 : *f == 'S' ? tp->tm_sec : *f == 'w' ? tp->tm_wday
              : *f == 'U' ? (tp->tm_yday - tp->tm_wday + 7) / 7
              : (tp->tm_yday - (tp->tm_wday - 1 + 7) % 7 + 7) / 7;
        if ((*f == 'e' || *f == 'k' || *f == 'l') && d->pad != '0' && d->pad != '-')
            d->pad = '_';
        g_num(o, v, *f == 'j' ? 3 : *f == 'w' ? 1 : 2, d);
        return true;
    }
    case 'u':
        g_num(o, (tp->tm_wday - 1 + 7) % 7 + 1, 1, d);
        return true;
    case 'n':
        g_add(o, "\n", 1, d);
        return true;
    case 't':
        g_add(o, "\t", 1, d);
        return true;
    case 'P': case 'p':
        if (*f == 'P' || swap)
            d->case_ = -1;
        g_add(o, tp->tm_hour > 11 ? "PM" : "AM", 2, d);
        return true;
    case 's':
        g_number(o, g_mktime(tp), 1, d);
        return true;
    case 'V': case 'g': case 'G': {
        if (mod == 'E')
            return false;
        int y = year, days = g_iso_week_days(tp->tm_yday, tp->tm_wday);
        if (days < 0) {
            y--;
            days = g_iso_week_days(tp->tm_yday + (365 + g_isleap(y)), tp->tm_wday);
        } else {
            int next = g_iso_week_days(tp->tm_yday - (365 + g_isleap(y)), tp->tm_wday);
            if (next >= 0) {
                y++;
                days = next;
            }
        }
        if (*f == 'g')
            g_num(o, (y % 100 + 100) % 100, 2, d);
        else if (*f == 'G')
            g_num(o, y, 1, d);
        else
            g_num(o, days / 7 + 1, 2, d);
        return true;
    }
    case 'Y':
        if (mod == 'O')
            return false;
        g_num(o, year, 1, d);
        return true;
    case 'y':
        g_num(o, (tp->tm_year % 100 + 100) % 100, 2, d);
        return true;
    case 'Z': {
        if (swap)
            d->case_ = -1;
        const char *zone = tp->tm_zone;
        if (!(zone && *zone) && tp->tm_isdst >= 0)
            zone = tp->tm_isdst <= 1 ? "UTC" : "?";   /* (tzname[isdst] in a UTC zone) */
        zone = zone ? zone : "";
        g_add(o, zone, strlen(zone), d);
        return true;
    }
    case 'z': {
        if (tp->tm_isdst < 0)
            return true;
        int diff = (int)tp->tm_gmtoff;
        g_add(o, diff < 0 ? "-" : "+", 1, d);
        diff = (diff < 0 ? -diff : diff) / 60;
        g_num(o, (diff / 60) * 100 + diff % 60, 4, d);
        return true;
    }
    default:
        return false;
    }
    /* a subformat: its text, padded to the width, upper-cased by '^' */
    size_t len = g_strftime(NULL, (size_t)-1, sub, tp), start = o->i;
    size_t delta = d->width > 0 && (size_t)d->width > len ? (size_t)d->width - len : 0;
    if (o->full || len + delta >= o->n - o->i) {
        o->full = true;
        return true;
    }
    if (o->s) {
        memset(o->s + o->i, d->pad == '0' ? '0' : ' ', delta);
        g_strftime(o->s + o->i + delta, len + 1, sub, tp);
        for (size_t k = start; d->case_ > 0 && k < start + delta + len; k++)
            if (o->s[k] >= 'a' && o->s[k] <= 'z')
                o->s[k] = (char)(o->s[k] - 32);
    }
    o->i += len + delta;
    return true;
}

static size_t g_strftime(char *s, size_t n, const char *f, const struct tm *tp)
{
    GOut o = {s, n, 0, false};
    for (; *f && !o.full; f++) {
        GSpec plain = {-1, 0, 0};
        if (*f != '%') {
            g_add(&o, f, 1, &plain);
            continue;
        }
        GSpec d = {-1, 0, 0};
        bool swap = false;
        for (;;) {
            char c = *++f;
            if (c == '_' || c == '-' || c == '0')
                d.pad = c;
            else if (c == '^')
                d.case_ = 1;
            else if (c == '#')
                swap = true;
            else
                break;
        }
        if (*f >= '0' && *f <= '9') {
            d.width = 0;
            for (; *f >= '0' && *f <= '9'; f++)
                d.width = d.width > 100000000 ? d.width : d.width * 10 + (*f - '0');
        }
        char mod = 0;
        if (*f == 'E' || *f == 'O')
            mod = *f++;
        if (*f && g_convert(&o, f, tp, &d, swap, mod))
            continue;
        if (!*f)
            f--;   /* ('%' and flags at the end: written, and the loop ends) */
        const char *start = f;
        while (*start != '%')
            start--;
        g_add(&o, start, (size_t)(f - start + 1), &d);
    }
    if (o.full)
        return 0;
    if (s && n)
        s[o.i] = '\0';
    return o.i;
}
