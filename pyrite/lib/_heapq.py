"""pyrite's `_heapq`: what CPython implements in C (Modules/_heapqmodule.c), written in Python and
compiled with the program. `heapq` itself is compiled from the interpreter's standard library and
imports these functions from here as it does from CPython's C module, so a program sees the C
module's behaviour: its error messages ("heappush() argument 1 must be list, not tuple", "index out of range"),
its check that a comparison did not resize the heap, and its order of comparisons and swaps (a heap
built by heapify is item for item the one CPython builds)."""


def _check(heap, fname, position):
    """CPython's argument-clinic message: "heappop() argument must be list, not tuple" for a
    one-argument function, "heappush() argument 1 must be list, not None" otherwise."""
    if not isinstance(heap, list):
        raise TypeError("%s() argument%s must be list, not %s"
                        % (fname, position, "None" if heap is None else type(heap).__name__))


def _lower(heap, i, j, maxheap):
    """Does item i go above item j? (a min-heap compares i < j; the max-heap variants j < i)"""
    if maxheap:
        return heap[j] < heap[i]
    return heap[i] < heap[j]


def _siftdown(heap, startpos, pos, maxheap=False):
    size = len(heap)
    if pos >= size:
        raise IndexError("index out of range")
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        lower = _lower(heap, pos, parentpos, maxheap)
        if size != len(heap):
            raise RuntimeError("list changed size during iteration")
        if not lower:
            break
        heap[pos], heap[parentpos] = heap[parentpos], heap[pos]
        pos = parentpos


def _siftup(heap, pos, maxheap=False):
    endpos = len(heap)
    startpos = pos
    limit = endpos >> 1
    while pos < limit:
        childpos = 2 * pos + 1
        if childpos + 1 < endpos:
            if not _lower(heap, childpos, childpos + 1, maxheap):
                childpos += 1
            if endpos != len(heap):
                raise RuntimeError("list changed size during iteration")
        heap[childpos], heap[pos] = heap[pos], heap[childpos]
        pos = childpos
    _siftdown(heap, startpos, pos, maxheap)


def _pop(heap, fname, maxheap):
    _check(heap, fname, "")
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    _siftup(heap, 0, maxheap)
    return top


def _replace(heap, item, fname, maxheap):
    _check(heap, fname, " 1")
    if not heap:
        raise IndexError("index out of range")
    top = heap[0]
    heap[0] = item
    _siftup(heap, 0, maxheap)
    return top


def _heapify(heap, fname, maxheap):
    _check(heap, fname, "")
    for i in range(len(heap) // 2 - 1, -1, -1):
        _siftup(heap, i, maxheap)


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check(heap, "heappush", " 1")
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    return _pop(heap, "heappop", False)


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item."""
    return _replace(heap, item, "heapreplace", False)


def heappushpop(heap, item):
    """Push item on the heap, then pop and return the smallest item from the heap."""
    _check(heap, "heappushpop", " 1")
    if not heap:
        return item
    lower = heap[0] < item
    if not lower:
        return item
    if not heap:
        raise IndexError("index out of range")
    top = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return top


def heapify(heap):
    """Transform list into a heap, in-place, in O(len(heap)) time."""
    _heapify(heap, "heapify", False)


def _heappop_max(heap):
    """Maxheap version of a heappop."""
    return _pop(heap, "_heappop_max", True)


def _heapreplace_max(heap, item):
    """Maxheap version of a heappop followed by a heappush."""
    return _replace(heap, item, "_heapreplace_max", True)


def _heapify_max(heap):
    """Maxheap version of a heapify."""
    _heapify(heap, "_heapify_max", True)
