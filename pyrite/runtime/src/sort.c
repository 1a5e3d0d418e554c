/* sort.c: the stable sort behind list.sort() and sorted(): a merge sort (binary insertion sort on
 * short runs) that compares only with `<` (Pyrt_RichCompareBool LT), like CPython. With a key
 * function the keys are computed once per element first and the values move with them;
 * reverse=True reverses, sorts stably and reverses again, which keeps equal elements in their
 * original order. A failing comparison stops the sort and leaves the array a permutation of its
 * input (the merge puts its pending elements back before returning). */
#include "pyrt.h"

typedef struct {
    PyrtObject **keys, **vals;   /* vals NULL when sorting the items themselves */
    PyrtObject **tk, **tv;       /* merge scratch space */
} SortState;

#define SMALL_RUN 16

static void reverse_array(PyrtObject **a, int64_t n) {
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        PyrtObject *t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* Binary insertion sort of [lo, hi): each new element goes after every element not greater. */
static int insertion_sort(SortState *s, int64_t lo, int64_t hi) {
    for (int64_t i = lo + 1; i < hi; i++) {
        PyrtObject *pivot = s->keys[i];
        int64_t l = lo, r = i;
        while (l < r) {
            int64_t m = l + (r - l) / 2;
            int c = Pyrt_RichCompareBool(pivot, s->keys[m], PYRT_LT);
            if (c < 0) return -1;
            if (c) r = m; else l = m + 1;
        }
        if (l == i) continue;
        memmove(&s->keys[l + 1], &s->keys[l], (size_t)(i - l) * sizeof(PyrtObject *));
        s->keys[l] = pivot;
        if (s->vals) {
            PyrtObject *pv = s->vals[i];
            memmove(&s->vals[l + 1], &s->vals[l], (size_t)(i - l) * sizeof(PyrtObject *));
            s->vals[l] = pv;
        }
    }
    return 0;
}

/* Merge the sorted runs [lo, mid) and [mid, hi). The left run is moved to scratch space; on error
 * its remaining elements fill the gap, so nothing is lost or duplicated. */
static int merge(SortState *s, int64_t lo, int64_t mid, int64_t hi) {
    int c = Pyrt_RichCompareBool(s->keys[mid], s->keys[mid - 1], PYRT_LT);
    if (c <= 0) return c;   /* already in order (or error) */
    int64_t n1 = mid - lo, i = 0, j = mid, k = lo;
    memcpy(s->tk, &s->keys[lo], (size_t)n1 * sizeof(PyrtObject *));
    if (s->vals) memcpy(s->tv, &s->vals[lo], (size_t)n1 * sizeof(PyrtObject *));
    int rc = 0;
    while (i < n1 && j < hi) {
        c = Pyrt_RichCompareBool(s->keys[j], s->tk[i], PYRT_LT);
        if (c < 0) { rc = -1; break; }
        if (c) {
            s->keys[k] = s->keys[j];
            if (s->vals) s->vals[k] = s->vals[j];
            j++;
        } else {
            s->keys[k] = s->tk[i];
            if (s->vals) s->vals[k] = s->tv[i];
            i++;
        }
        k++;
    }
    memcpy(&s->keys[k], &s->tk[i], (size_t)(n1 - i) * sizeof(PyrtObject *));
    if (s->vals) memcpy(&s->vals[k], &s->tv[i], (size_t)(n1 - i) * sizeof(PyrtObject *));
    return rc;
}

static int merge_sort(SortState *s, int64_t lo, int64_t hi) {
    if (hi - lo <= SMALL_RUN) return insertion_sort(s, lo, hi);
    int64_t mid = lo + (hi - lo) / 2;
    if (merge_sort(s, lo, mid) < 0 || merge_sort(s, mid, hi) < 0) return -1;
    return merge(s, lo, mid, hi);
}

static int sort_keys(PyrtObject **keys, PyrtObject **vals, int64_t n) {
    SortState s = {keys, vals, NULL, NULL};
    int rc;
    if (n <= SMALL_RUN) return insertion_sort(&s, 0, n);
    int64_t half = n / 2 + 1;
    s.tk = Pyrt_Malloc((size_t)half * sizeof(PyrtObject *) * (vals ? 2 : 1));
    if (!s.tk) return -1;
    s.tv = vals ? s.tk + half : NULL;
    rc = merge_sort(&s, 0, n);
    Pyrt_Free(s.tk);
    return rc;
}

int PyrtSort_Array(PyrtObject **items, int64_t n, PyrtObject *key, int reverse) {
    if (key == Pyrt_None) key = NULL;
    if (n < 2 && !key) return 0;
    PyrtObject **keys = NULL;
    if (key) {
        keys = Pyrt_Malloc((size_t)(n ? n : 1) * sizeof(PyrtObject *));
        if (!keys) return -1;
        for (int64_t i = 0; i < n; i++) {
            keys[i] = Pyrt_Call(key, &items[i], 1, NULL);
            if (!keys[i]) {
                while (i-- > 0) Pyrt_DecRef(keys[i]);
                Pyrt_Free(keys);
                return -1;
            }
        }
    }
    if (reverse) {
        reverse_array(items, n);
        if (keys) reverse_array(keys, n);
    }
    int rc = keys ? sort_keys(keys, items, n) : sort_keys(items, NULL, n);
    if (reverse) reverse_array(items, n);
    if (keys) {
        for (int64_t i = 0; i < n; i++) Pyrt_DecRef(keys[i]);
        Pyrt_Free(keys);
    }
    return rc;
}
