"""Compile sweep (issue 11): every .py file of a tree either compiles or is rejected with a clean
diagnostic. Anything else is a pyrite bug: an internal error (a Python exception in the compiler), a
C compiler error, or a hang.

    python benchmarks/sweep.py [--root DIR] [--limit N] [--c] [--timeout S] [--jobs J] [-o REPORT.md]

--root defaults to the standard library of the interpreter running pyrite (without test/,
idlelib/, site-packages/). Each file is compiled as a program's main file in its own process
(`pyrite build --emit-c`, or a full native build with --c) with a time limit. The report counts the
outcomes and lists every internal error, C error and timeout, with the first diagnostic lines of
each rejection kind.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time

SKIP_DIRS = {"test", "tests", "idlelib", "site-packages", "__pycache__", "lib2to3", "tkinter", "turtledemo"}


def files_under(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS)
        out += [os.path.join(d, f) for f in sorted(files) if f.endswith(".py")]
    return out


def compile_one(path, full, timeout):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "prog.c" if not full else "prog")
        cmd = [sys.executable, "-m", "pyrite.cli", "build", path, "-o", out] + ([] if full else ["--emit-c"])
        start = time.time()
        # its own process group, so that a timeout also stops the zig/clang processes it started
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp, start_new_session=True)
        try:
            _, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return path, "timeout", "", time.time() - start
        err = err.decode("utf-8", "replace")
        took = time.time() - start
        if p.returncode == 0:
            return path, "compiled", "", took
        if "Traceback (most recent call last)" in err:
            return path, "internal error", err, took
        if "internal error" in err:
            return path, "C error" if "C compilation failed" in err else "internal error", err, took
        if re.search(r":\d+:\d+: error: ", err):
            return path, "rejected", err, took
        return path, "other", err, took


def reason_of(err):
    """The kind of a rejection: its first diagnostic without positions, names and paths."""
    line = next((x for x in err.splitlines() if ": error: " in x), err.strip().splitlines()[0] if err.strip() else "")
    msg = line.split(": error: ", 1)[-1]
    msg = re.sub(r"\(.*?:\d+:\d+\)$", "", msg)
    msg = re.sub(r"'[^']*'", "'X'", msg)
    return msg.strip()[:140]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    ap.add_argument("--c", action="store_true", help="also compile the C (a full native build)")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-o", dest="report", default=None)
    args = ap.parse_args()
    files = files_under(args.root)
    if args.limit:
        files = files[:args.limit]
    results = []
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futs = [pool.submit(compile_one, f, args.c, args.timeout) for f in files]
        for i, fut in enumerate(concurrent.futures.as_completed(futs)):
            results.append(fut.result())
            if sys.stderr.isatty():
                sys.stderr.write("\r%d/%d" % (i + 1, len(files)))
    counts = collections.Counter(r[1] for r in results)
    reasons = collections.Counter(reason_of(r[2]) for r in results if r[1] == "rejected")
    lines = ["# Compile sweep", "",
             "`python benchmarks/sweep.py%s` over %s: %d files in %.0f s." % (
                 " --c" if args.c else "", args.root, len(files), time.time() - start), ""]
    lines += ["| outcome | files |", "| --- | --- |"]
    for k in ("compiled", "rejected", "internal error", "C error", "timeout", "other"):
        lines.append("| %s | %d |" % (k, counts.get(k, 0)))
    lines += ["", "## Most frequent first diagnostics of rejected files", ""]
    lines += ["- %d: %s" % (n, r) for r, n in reasons.most_common(25)]
    bad = sorted(r for r in results if r[1] in ("internal error", "C error", "timeout", "other"))
    if bad:
        lines += ["", "## Bugs (internal errors, C errors, timeouts)", ""]
        for path, kind, err, _ in bad:
            tail = [x for x in err.strip().splitlines() if x.strip()][-3:]
            lines.append("- %s: %s: %s" % (kind, os.path.relpath(path, args.root), " | ".join(tail)[:400]))
    text = "\n".join(lines) + "\n"
    if args.report:
        with open(args.report, "w") as f:
            f.write(text)
    sys.stdout.write(text)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
