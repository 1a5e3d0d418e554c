"""Statistics for a page (pyrite build examples/stats.py --target web -o site) or for CPython
(pyrite build examples/stats.py --target ext)."""
import math


def mean_sd(xs: list[float]) -> tuple[float, float]:
    """The mean and the population standard deviation of xs."""
    m = sum(xs) / len(xs)
    return m, math.sqrt(sum((x - m) ** 2 for x in xs) / len(xs))


def histogram(xs: list[float], bins: int) -> list[int]:
    """How many of xs fall in each of `bins` equal intervals between their min and max."""
    lo, hi = min(xs), max(xs)
    width = (hi - lo) / bins or 1.0
    counts = [0] * bins
    for x in xs:
        counts[min(int((x - lo) / width), bins - 1)] += 1
    return counts
