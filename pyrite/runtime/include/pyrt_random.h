/* pyrt_random.h: the random module (randommod.c; see pyrt.h for the conventions). One hidden
 * generator (MT19937, CPython's seeding and derivations) backs the module-level functions, so a
 * given integer seed yields exactly CPython 3.11's numbers. */
#ifndef PYRT_RANDOM_H
#define PYRT_RANDOM_H

/* Typed entry points on the module's generator (seeded from the OS entropy source on first use). */
double PyrtRandom_Random(void);                     /* random.random(): [0.0, 1.0), 53 bits */
int PyrtRandom_Seed(PyrtObject *a /* NULL or None: entropy */);   /* random.seed(a); -1 on error */
int64_t PyrtRandom_GetRandBits(int64_t k);          /* 0 <= k <= 63 here; flag convention */
int64_t PyrtRandom_RandBelow(int64_t n);            /* CPython's _randbelow_with_getrandbits, n > 0 */
/* Fills the dict of the module object Pyrt_GetModule("random") returns (mathmod.c). -1 on error. */
int PyrtRandom_FillModule(PyrtObject *dict);
#endif
