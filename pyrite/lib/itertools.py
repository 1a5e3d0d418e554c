"""pyrite's `itertools`: CPython writes this module in C (Modules/itertoolsmodule.c), so pyrite
provides it in Python, compiled with the program. Each iterator is a class named as CPython's
(`type(it).__name__` is 'product', its repr names the module), takes and checks its arguments when it
is created (iterables are iterated, pools are built and bad arguments raise at once, as in C), and
produces its items from a generator, which pyrite compiles to a resumable function."""

__all__ = ["accumulate", "chain", "combinations", "combinations_with_replacement", "compress", "count",
           "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise", "permutations",
           "product", "repeat", "starmap", "takewhile", "tee", "zip_longest"]

_MAXSIZE = 9223372036854775807


class _Iterator:
    """Shared protocol: the items come from self._gen."""
    _gen = None

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


class count(_Iterator):
    def __init__(self, start=0, step=1):
        if not isinstance(start, (int, float)) or not isinstance(step, (int, float)):
            raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):   # (no generator holding self: that would be a reference cycle)
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1:
            return "count(%r)" % (self._n,)
        return "count(%r, %r)" % (self._n, self._step)


def _cycle_gen(it):
    saved = []
    for x in it:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


class cycle(_Iterator):
    def __init__(self, iterable):
        self._gen = _cycle_gen(iter(iterable))


class repeat(_Iterator):
    def __init__(self, object, times=None):
        self._obj = object
        self._times = times
        self._left = 0 if times is None else max(times, 0)

    def __next__(self):
        if self._times is not None:
            if self._left <= 0:
                raise StopIteration
            self._left -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._times is None:
            return "repeat(%r)" % (self._obj,)
        return "repeat(%r, %d)" % (self._obj, self._left)


def _accumulate_gen(it, func, initial):
    total = initial
    if initial is None:
        for x in it:
            total = x
            break
        else:
            return
    yield total
    for x in it:
        total = total + x if func is None else func(total, x)
        yield total


class accumulate(_Iterator):
    def __init__(self, iterable, func=None, *, initial=None):
        self._gen = _accumulate_gen(iter(iterable), func, initial)


def _chain_gen(iterables):
    for it in iterables:
        for x in it:
            yield x


class chain(_Iterator):
    def __init__(self, *iterables):
        self._gen = _chain_gen(iterables)

    @classmethod
    def from_iterable(cls, iterable):
        c = cls()
        c._gen = _chain_gen(iter(iterable))
        return c


def _compress_gen(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


class compress(_Iterator):
    def __init__(self, data, selectors):
        self._gen = _compress_gen(iter(data), iter(selectors))


def _dropwhile_gen(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


class dropwhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._gen = _dropwhile_gen(predicate, iter(iterable))


def _takewhile_gen(predicate, it):
    for x in it:
        if not predicate(x):
            return
        yield x


class takewhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._gen = _takewhile_gen(predicate, iter(iterable))


def _filterfalse_gen(predicate, it):
    for x in it:
        if not (bool(x) if predicate is None else predicate(x)):
            yield x


class filterfalse(_Iterator):
    def __init__(self, function, iterable):
        self._gen = _filterfalse_gen(function, iter(iterable))


def _starmap_gen(function, it):
    for args in it:
        yield function(*args)


class starmap(_Iterator):
    def __init__(self, function, iterable):
        self._gen = _starmap_gen(function, iter(iterable))


def _islice_index(v, what):
    if v is None:
        return None
    if not isinstance(v, int) or v < 0 or v > _MAXSIZE:
        raise ValueError(what + " for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    return v


def _islice_gen(it, start, stop, step):
    i = 0
    nxt = start
    for x in it:
        if stop is not None and i >= stop:
            return
        if i == nxt:
            yield x
            nxt += step
        i += 1
        if stop is not None and i >= stop:
            return


class islice(_Iterator):
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = 0, _islice_index(args[0], "Stop argument"), 1
        elif len(args) in (2, 3):
            start = _islice_index(args[0], "Indices")
            stop = _islice_index(args[1], "Indices")
            step = args[2] if len(args) == 3 else None
            if start is None:
                start = 0
            if step is None:
                step = 1
            elif not isinstance(step, int) or step <= 0 or step > _MAXSIZE:
                raise ValueError("Step for islice() must be a positive integer or None.")
        elif not args:
            raise TypeError("islice expected at least 2 arguments, got 1")
        else:
            raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
        self._gen = _islice_gen(iter(iterable), start, stop, step)


def _pairwise_gen(it):
    for a in it:
        for b in it:
            yield a, b
            a = b
        return


class pairwise(_Iterator):
    def __init__(self, iterable):
        self._gen = _pairwise_gen(iter(iterable))


def _zip_longest_gen(its, fillvalue):
    active = len(its)
    if not active:
        return
    while True:
        values = []
        for i in range(len(its)):
            it = its[i]
            if it is None:
                values.append(fillvalue)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                its[i] = None
                values.append(fillvalue)
        yield tuple(values)


class zip_longest(_Iterator):
    def __init__(self, *iterables, fillvalue=None):
        self._gen = _zip_longest_gen([iter(x) for x in iterables], fillvalue)


class groupby:
    """Groups of consecutive items with equal keys. As in C, a group is read from the shared
    iterator: advancing the groupby ends the group handed out before."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._has_curr = False
        self._has_tgt = False
        self._currkey = None
        self._currvalue = None
        self._tgtkey = None
        self._currgrouper = None

    def _step(self):
        v = next(self._it)
        k = v if self._keyfunc is None else self._keyfunc(v)
        self._currvalue = v
        self._currkey = k
        self._has_curr = True

    def __iter__(self):
        return self

    def __next__(self):
        self._currgrouper = None
        while True:
            if not self._has_curr:
                pass
            elif not self._has_tgt:
                break
            elif not (self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        self._has_tgt = True
        g = _grouper(self, self._tgtkey)
        self._currgrouper = g
        return self._currkey, g


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if p._currgrouper is not self:
            raise StopIteration
        if not p._has_curr:
            p._step()
        if not (self._tgtkey == p._currkey):
            raise StopIteration
        r = p._currvalue
        p._has_curr = False
        p._currvalue = None
        p._currkey = None
        return r


def _product_gen(pools):
    for pool in pools:
        if not pool:
            return
    n = len(pools)
    idx = [0] * n
    yield tuple([pool[0] for pool in pools])
    while n:
        i = n - 1
        while i >= 0:
            idx[i] += 1
            if idx[i] < len(pools[i]):
                break
            idx[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple([pools[j][idx[j]] for j in range(n)])


class product(_Iterator):
    def __init__(self, *iterables, repeat=1):
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(x) for x in iterables] * repeat
        self._gen = _product_gen(pools)


def _permutations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        i = r - 1
        while i >= 0:
            cycles[i] -= 1
            if cycles[i] == 0:
                moved = indices[i]
                indices[i:n - 1] = indices[i + 1:]
                indices[n - 1] = moved
                cycles[i] = n - i
            else:
                j = n - cycles[i]
                indices[i], indices[j] = indices[j], indices[i]
                yield tuple([pool[k] for k in indices[:r]])
                break
            i -= 1
        if i < 0:
            return


class permutations(_Iterator):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        if r is None:
            r = len(pool)
        elif not isinstance(r, int):
            raise TypeError("Expected int as r")
        elif r < 0:
            raise ValueError("r must be non-negative")
        self._gen = _permutations_gen(pool, r)


def _combinations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[k] for k in indices])


class combinations(_Iterator):
    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError("r must be non-negative")
        self._gen = _combinations_gen(tuple(iterable), r)


def _cwr_gen(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        v = indices[i] + 1
        for j in range(i, r):
            indices[j] = v
        yield tuple([pool[k] for k in indices])


class combinations_with_replacement(_Iterator):
    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError("r must be non-negative")
        self._gen = _cwr_gen(tuple(iterable), r)


class _tee(_Iterator):
    pass


def _tee_gen(it, buffers, mine):
    while True:
        buf = buffers[mine]
        if not buf:
            try:
                x = next(it)
            except StopIteration:
                return
            for b in buffers:
                b.append(x)
        yield buffers[mine].pop(0)


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    out = []
    for i in range(n):
        t = _tee()
        t._gen = _tee_gen(it, buffers, i)
        out.append(t)
    return tuple(out)
