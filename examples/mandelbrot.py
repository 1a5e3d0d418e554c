"""ASCII Mandelbrot set, plus a few statistics about it: an ordinary, unannotated Python program."""
import sys

CHARS = " .:-=+*#%@"


def escape_time(cr, ci, limit):
    zr = zi = 0.0
    for n in range(limit):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        if zr * zr + zi * zi > 4.0:
            return n
    return limit


def render(width, height, limit):
    rows = []
    counts = {}
    for y in range(height):
        ci = -1.2 + 2.4 * y / (height - 1)
        line = []
        for x in range(width):
            cr = -2.1 + 3.0 * x / (width - 1)
            n = escape_time(cr, ci, limit)
            ch = CHARS[min(n * len(CHARS) // limit, len(CHARS) - 1)]
            counts[ch] = counts.get(ch, 0) + 1
            line.append(ch)
        rows.append("".join(line).rstrip())
    return rows, counts


def main():
    width = int(sys.argv[1]) if len(sys.argv) > 1 else 72
    rows, counts = render(width, width // 3, 200)
    for row in rows:
        print(row)
    inside = counts.get(CHARS[-1], 0)
    total = sum(counts.values())
    print(f"{inside} of {total} points ({inside / total:.1%}) are inside the set")
    for ch, n in sorted(counts.items(), key=lambda kv: -kv[1])[:3]:
        print(f"{ch!r}: {n}")


if __name__ == "__main__":
    main()
