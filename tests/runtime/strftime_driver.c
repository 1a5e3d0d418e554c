/* strftime_driver.c: runtime/platform/wasi_strftime.c (glibc's strftime rules, for WASI) against the
 * host's glibc strftime, in a UTC zone, on a fixed pseudo-random sample of formats and times; prints
 * each difference and the number of cases (tests/test_strftime_glibc.py builds and runs it natively). */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../../pyrite/runtime/platform/wasi_strftime.c"

static uint64_t state = 88172645463325252ULL;
static uint64_t rnd(uint64_t n)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state % n;
}

static const char *pick(const char *const *a, size_t n) { return a[rnd(n)]; }

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    static const char *const flags[] = {"", "", "", "_", "-", "0", "^", "#", "^#", "_^", "0#", "-^"};
    static const char *const widths[] = {"", "", "", "1", "2", "3", "5", "10", "0"};
    static const char *const mods[] = {"", "", "", "", "E", "O"};
    static const char *const zones[] = {NULL, "GMT", "UTC", "EST", ""};
    static const long offsets[] = {0, 0, -18000, 19800, 3600, -12600};
    static const int years[] = {-3000, -1901, -1900, -1899, -100, -5, -1, 0, 1, 5, 99, 100, 999, 1000, 1899,
                                1900, 1969, 1970, 2000, 2020, 2021, 9999, 10000, 12345, 2147481747};
    const char *convs = "aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%+QEOqf1 ";
    long cases = 0, bad = 0;
    for (int k = 0; k < 400000; k++) {
        char fmt[64];
        int nd = 1 + (int)rnd(3);
        fmt[0] = '\0';
        for (int j = 0; j < nd; j++) {
            char one[24];
            snprintf(one, sizeof one, "%s%%%s%s%s%c", j ? "|" : "", pick(flags, 12), pick(widths, 9),
                     pick(mods, 6), convs[rnd(strlen(convs))]);
            strcat(fmt, one);
        }
        if (rnd(50) == 0)
            strcat(fmt, "%");
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        tm.tm_year = years[rnd(sizeof years / sizeof years[0])] - 1900;
        tm.tm_mon = (int)rnd(12);
        tm.tm_mday = 1 + (int)rnd(31);
        tm.tm_hour = (int)rnd(24);
        tm.tm_min = (int)rnd(60);
        tm.tm_sec = (int)rnd(62);
        tm.tm_wday = (int)rnd(7);
        tm.tm_yday = rnd(4) == 0 ? (int)rnd(366) : (int)rnd(8) + (rnd(2) ? 358 : 0);
        tm.tm_isdst = (int)rnd(3) - 1;
        tm.tm_zone = pick(zones, 5);
        tm.tm_gmtoff = offsets[rnd(6)];
        size_t n = rnd(8) == 0 ? 1 + rnd(24) : 512;
        char a[512], b[512];
        memset(a, 'x', sizeof a);
        memset(b, 'x', sizeof b);
        size_t la = strftime(a, n, fmt, &tm);
        size_t lb = g_strftime(b, n, fmt, &tm);
        cases++;
        if (la != lb || (la && memcmp(a, b, la) != 0)) {
            if (++bad <= 40)
                printf("DIFF fmt=\"%s\" year=%d mon=%d mday=%d hour=%d wday=%d yday=%d isdst=%d zone=%s off=%ld "
                       "n=%zu: glibc %zu \"%.*s\" / ours %zu \"%.*s\"\n", fmt, tm.tm_year + 1900, tm.tm_mon,
                       tm.tm_mday, tm.tm_hour, tm.tm_wday, tm.tm_yday, tm.tm_isdst,
                       tm.tm_zone ? tm.tm_zone : "NULL", tm.tm_gmtoff, n, la, (int)la, a, lb, (int)lb, b);
        }
    }
    printf("%ld cases, %ld differences\n", cases, bad);
    return bad != 0;
}
