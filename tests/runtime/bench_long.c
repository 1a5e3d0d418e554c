/* bench_long.c: micro-benchmarks of long.c (not a test: build by hand, see the numbers in
 * docs or the commit message).
 *   python -c "from pyrite.toolchain import zig; zig.compile_program('tests/runtime/bench_long.c', '/tmp/bench_long', 'native')"
 *   /tmp/bench_long
 * Prints the time per multiplication of two n-digit (32-bit) ints for several n, and of str()/int()
 * of a 100000-digit number. */
#include "pyrt.h"
#include <stdio.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static PyrtObject *random_int(int64_t digits, uint64_t *seed)
{
    unsigned char *vals = Pyrt_Malloc((size_t)digits * 8);
    for (int64_t i = 0; i < digits * 8; i++) {
        *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
        vals[i] = (unsigned char)((*seed >> 33) & 15);
    }
    vals[0] |= 1;
    PyrtObject *r = PyrtLong_FromDigitValues(vals, digits * 8, 16, false);
    Pyrt_Free(vals);
    return r;
}

int main(int argc, char **argv)
{
    Pyrt_Init(argc, argv);
    uint64_t seed = 42;
    int sizes[] = { 16, 32, 40, 48, 56, 64, 80, 96, 128, 256, 512, 1024, 4096 };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int n = sizes[k];
        PyrtObject *a = random_int(n, &seed), *b = random_int(n, &seed);
        int reps = (int)(4e7 / ((double)n * n)) + 1;
        double t0 = now();
        for (int i = 0; i < reps; i++) {
            PyrtObject *c = PyrtLong_BinOp(a, b, PYRT_MUL);
            PYRT_DECREF(c);
        }
        double t = (now() - t0) / reps;
        printf("mul %5d digits: %10.3f us\n", n, t * 1e6);
        PYRT_DECREF(a);
        PYRT_DECREF(b);
    }
    pyrt_int_max_str_digits = 0;
    PyrtObject *ten = PyrtInt_FromI64(10), *e = PyrtInt_FromI64(100000);
    PyrtObject *x = PyrtLong_BinOp(ten, e, PYRT_POW);
    PyrtObject *y = PyrtLong_BinOp(x, PyrtInt_FromI64(7), PYRT_FLOORDIV);
    double t0 = now();
    PyrtObject *s = Pyrt_Str(y);
    double t1 = now();
    PyrtObject *back = PyrtInt_FromString(s, 10);
    double t2 = now();
    printf("str() of a %lld-digit int: %.3f s; int() back: %.3f s; equal: %d\n", (long long)PyrtStr_Len(s),
           t1 - t0, t2 - t1, PyrtLong_Compare(back, y) == 0);
    PyrtObject *big = PyrtLong_BinOp(y, y, PYRT_MUL);
    t0 = now();
    PyrtObject *q = PyrtLong_BinOp(big, x, PYRT_FLOORDIV);
    printf("200000-digit // 100000-digit: %.3f s\n", now() - t0);
    (void)q;
    return 0;
}
