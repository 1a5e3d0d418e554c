"""Differential fuzzing of pyrite against CPython.

    python -m tools.fuzz.run --seed S --count N [--minutes M] [--targets native,wasi] [--out DIR]

Each seed gives one program (tools/fuzz/gen.py). It runs under CPython (with a timeout), then for
each target it is built with `pyrite build` (a separate process, as a user runs it) and the result
is run. Every (program, target) is classified as:

  ok        same stdout, exit status and last stderr line as CPython
  rejected  pyrite refused it with clean `path:line:col: error:` diagnostics (counted; the most
            frequent are printed, to keep the generator inside the supported subset)
  MISMATCH  different stdout, exit status, or last stderr line (exception type/message)
  CRASH     the compiled program died of a signal, trapped in WebAssembly, reported a pyrite bug
            at run time, or timed out (a hang); also a build that timed out
  INTERNAL  `pyrite build` failed with an internal error (a Python traceback, or a C compiler
            error shown to the user)
  skipped   CPython itself timed out (a generator bug; the program is not used)

Failing programs are saved in the out dir (default fuzz-out/) as CLASS_SEED_TARGET.py with a
.txt next to them (expected and actual output, the build's stderr). Exit status 1 if anything
failed. `--reduce` also runs tools/fuzz/reduce.py on each failure.
"""
import argparse
import collections
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from tools.fuzz.gen import generate  # noqa: E402

CLASSES = ["ok", "rejected", "MISMATCH", "CRASH", "INTERNAL", "skipped"]
FAILURES = ("MISMATCH", "CRASH", "INTERNAL")
DIAG = re.compile(r"^(.*?):(\d+):(\d+): error: (.*)$")
CPY_TIMEOUT = 10
BUILD_TIMEOUT = 180
RUN_TIMEOUT = 20

WASI_RUNNER = ("import sys; from pyrite.targets.wasi import run_wasi; "
               "sys.exit(run_wasi(sys.argv[1], ['main.py']))")


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].strip() if lines else ""


class Outcome:
    """The classification of one program on one target; `detail` says why, `diag` holds the
    diagnostics of a rejected program."""

    def __init__(self, cls, detail="", diag=(), expected=None, got=None, build_err=""):
        self.cls, self.detail, self.diag = cls, detail, list(diag)
        self.expected, self.got, self.build_err = expected, got, build_err

    def __repr__(self):
        return "Outcome(%s, %r)" % (self.cls, self.detail[:200])


def run_cpython(path, timeout=CPY_TIMEOUT):
    """(stdout bytes, exit status, stderr text) of the program under CPython, or None on timeout."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    try:
        p = subprocess.run([sys.executable, os.path.basename(path)], cwd=os.path.dirname(path),
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None
    return p.stdout, p.returncode, p.stderr.decode("utf-8", "replace")


def build(path, target, out, timeout=BUILD_TIMEOUT):
    """Runs `pyrite build`. Returns (status, stderr) with status 'built', 'rejected', 'internal',
    'timeout'."""
    cmd = [sys.executable, "-m", "pyrite.cli", "build", os.path.basename(path), "--target", target, "-o", out]
    env = dict(os.environ)
    env.pop("PYRITE_DEBUG", None)
    try:
        p = subprocess.run(cmd, cwd=os.path.dirname(path), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return "timeout", "pyrite build did not finish in %d s" % timeout
    err = (p.stderr + p.stdout).decode("utf-8", "replace")
    if p.returncode == 0 and os.path.exists(out):
        return "built", err
    lines = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    if p.returncode == 1 and lines and all(DIAG.match(l) for l in lines):
        return "rejected", err
    return "internal", err


def run_built(out, target, cwd, timeout):
    """(stdout, status, stderr text) of the built program, or None on timeout."""
    if target == "native":
        cmd, exe = ["main.py"], out
    else:
        cmd, exe = [sys.executable, "-c", WASI_RUNNER, out], None
    try:
        p = subprocess.run(cmd, executable=exe, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return p.stdout, p.returncode, p.stderr.decode("utf-8", "replace")


def normalise_diag(msg):
    """A diagnostic with names and numbers taken out, so that similar ones count together."""
    msg = re.sub(r"'[^']*'", "'_'", msg)
    msg = re.sub(r"\b[A-Za-z]+\d+\b", "N", msg)
    return re.sub(r"\d+", "#", msg)


def compare(expected, got):
    """None when they agree, else a short description of the first difference."""
    eo, ec, ee = expected
    go, gc, ge = got
    if eo != go:
        a = eo.decode("utf-8", "replace").splitlines()
        b = go.decode("utf-8", "replace").splitlines()
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return "stdout differs at line %d:\n  cpython: %s\n  pyrite:  %s" % (i + 1, x[:300], y[:300])
        return "stdout differs in length: cpython %d lines, pyrite %d lines (first extra: %r)" % (
            len(a), len(b), (a[len(b)] if len(a) > len(b) else b[len(a)])[:300])
    if ec != gc:
        return "exit status: cpython %d, pyrite %d (pyrite stderr: %s)" % (ec, gc, last_line(ge)[:300])
    if last_line(ee) != last_line(ge):
        return "last stderr line:\n  cpython: %s\n  pyrite:  %s" % (last_line(ee)[:300], last_line(ge)[:300])
    return None


def check_source(src, target, workdir, expected=None, run_timeout=None):
    """Classify one program on one target. `workdir` must be an empty (or new) directory; the
    program is written there as main.py. `expected` may be CPython's result if already known."""
    os.makedirs(workdir, exist_ok=True)
    path = os.path.join(workdir, "main.py")
    with open(path, "w") as f:
        f.write(src)
    if expected is None:
        t0 = time.time()
        expected = run_cpython(path)
        if expected is None:
            return Outcome("skipped", "CPython timed out")
        cpy_time = time.time() - t0
    else:
        cpy_time = 1.0
    out = os.path.join(workdir, "prog" + (".wasm" if target == "wasi" else ""))
    status, err = build(path, target, out)
    if status == "rejected":
        diags = [DIAG.match(l).group(4) for l in err.splitlines() if DIAG.match(l)]
        return Outcome("rejected", diags[0] if diags else err, diag=diags, expected=expected, build_err=err)
    if status == "timeout":
        return Outcome("CRASH", "build timeout", expected=expected, build_err=err)
    if status == "internal":
        return Outcome("INTERNAL", last_line(err) or err[-500:], expected=expected, build_err=err)
    timeout = run_timeout or max(RUN_TIMEOUT, 20 * cpy_time)
    got = run_built(out, target, workdir, timeout)
    if got is None:
        return Outcome("CRASH", "run timeout (%.0f s)" % timeout, expected=expected)
    gcode = got[1]
    if gcode < 0:
        return Outcome("CRASH", "killed by signal %d (%s)" % (-gcode, last_line(got[2])[:200]), expected=expected, got=got)
    if "trapped in WebAssembly" in got[2] or ("this is a pyrite bug" in got[2] and "this is a pyrite bug" not in expected[2]):
        return Outcome("CRASH", last_line(got[2])[:300], expected=expected, got=got)
    diff = compare(expected, got)
    if diff is None:
        return Outcome("ok", expected=expected, got=got)
    if gcode in (134, 139) and expected[1] not in (134, 139):
        return Outcome("CRASH", "exit status %d: %s" % (gcode, diff), expected=expected, got=got)
    return Outcome("MISMATCH", diff, expected=expected, got=got)


def save_failure(outdir, name, src, outcome, target):
    os.makedirs(outdir, exist_ok=True)
    base = os.path.join(outdir, name)
    with open(base + ".py", "w") as f:
        f.write(src)
    with open(base + ".txt", "w") as f:
        f.write("class: %s\ntarget: %s\n%s\n" % (outcome.cls, target, outcome.detail))
        if outcome.build_err:
            f.write("\n--- pyrite build output ---\n%s\n" % outcome.build_err[-6000:])
        if outcome.expected is not None:
            f.write("\n--- cpython: exit %d, last stderr: %s\n" % (outcome.expected[1], last_line(outcome.expected[2])))
        if outcome.got is not None:
            f.write("--- pyrite: exit %d, last stderr: %s\n" % (outcome.got[1], last_line(outcome.got[2])))
            a = outcome.expected[0].decode("utf-8", "replace").splitlines()
            b = outcome.got[0].decode("utf-8", "replace").splitlines()
            diff = list(difflib.unified_diff(a, b, "cpython", "pyrite", lineterm="", n=2))
            f.write("\n".join(diff[:200]) + "\n")
    return base + ".py"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=0, help="first seed")
    ap.add_argument("--count", type=int, default=20, help="number of programs (seeds S..S+N-1)")
    ap.add_argument("--minutes", type=float, default=None, help="stop starting new programs after M minutes")
    ap.add_argument("--targets", default="native", help="comma-separated: native,wasi")
    ap.add_argument("--out", default="fuzz-out", help="where failing programs are saved")
    ap.add_argument("--size", default="normal", choices=["small", "normal", "large"],
                    help="program size (tools/fuzz/gen.py SIZES)")
    ap.add_argument("--reduce", action="store_true", help="reduce each failure (tools/fuzz/reduce.py)")
    ap.add_argument("--keep", action="store_true", help="keep the work directories")
    ap.add_argument("-q", "--quiet", action="store_true", help="one line per failure only")
    ap.add_argument("--exact-ints", action="store_true",
                    help="build with --exact-ints and let int expressions grow to 400 bits")
    args = ap.parse_args(argv)
    if args.exact_ints:
        from tools.fuzz import gen as _gen
        os.environ["PYRITE_EXACT_INTS"] = "1"
        _gen.LIMIT = 2 ** 400
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    deadline = time.time() + args.minutes * 60 if args.minutes else None
    counts = {t: collections.Counter() for t in targets}
    diags = collections.Counter()
    diag_example = {}
    failures = []
    work_root = tempfile.mkdtemp(prefix="pyrite-fuzz-")
    t_start = time.time()
    n_done = 0
    try:
        for seed in range(args.seed, args.seed + args.count):
            if deadline and time.time() > deadline:
                print("time budget reached after %d programs" % n_done)
                break
            src = generate(seed, args.size)
            work = os.path.join(work_root, "s%d" % seed)
            os.makedirs(work)
            path = os.path.join(work, "main.py")
            with open(path, "w") as f:
                f.write(src)
            expected = run_cpython(path)
            n_done += 1
            for target in targets:
                if expected is None:
                    oc = Outcome("skipped", "CPython timed out")
                else:
                    oc = check_source(src, target, os.path.join(work, target), expected=expected)
                counts[target][oc.cls] += 1
                if oc.cls == "rejected":
                    for d in set(normalise_diag(m) for m in oc.diag):
                        diags[d] += 1
                        diag_example.setdefault(d, "seed %d: %s" % (seed, oc.diag[0]))
                if oc.cls in FAILURES:
                    name = "%s_%d_%s" % (oc.cls.lower(), seed, target)
                    saved = save_failure(args.out, name, src, oc, target)
                    failures.append((seed, target, oc, saved))
                    print("seed %d [%s] %s: %s -> %s" % (seed, target, oc.cls, oc.detail.splitlines()[0][:200], saved))
                    if args.reduce:
                        from tools.fuzz.reduce import reduce_file
                        red = reduce_file(saved, target, oc.cls, os.path.join(work, "reduce-" + target))
                        print("    reduced to %s" % red)
                elif not args.quiet:
                    print("seed %d [%s] %s%s" % (seed, target, oc.cls, (": " + oc.detail[:150]) if oc.cls == "rejected" else ""))
                sys.stdout.flush()
    finally:
        if not args.keep:
            shutil.rmtree(work_root, ignore_errors=True)
    elapsed = time.time() - t_start
    print()
    print("%d programs in %.0f s" % (n_done, elapsed))
    print(summary_table(counts))
    if diags:
        total_rej = sum(c["rejected"] for c in counts.values())
        print("\nmost frequent diagnostics (%d rejected builds):" % total_rej)
        for d, n in diags.most_common(10):
            print("  %4d  %s\n        e.g. %s" % (n, d[:150], diag_example[d][:200]))
    if failures:
        print("\nfailures saved in %s:" % args.out)
        for seed, target, oc, saved in failures:
            print("  %-8s seed %-6d %-6s %s" % (oc.cls, seed, target, saved))
    return 1 if failures else 0


def summary_table(counts):
    lines = ["| target | programs | " + " | ".join(CLASSES) + " | rejected % |",
             "| --- | --- | " + " | ".join("---" for _ in CLASSES) + " | --- |"]
    for t, c in counts.items():
        n = sum(c.values())
        lines.append("| %s | %d | %s | %.0f%% |" % (t, n, " | ".join(str(c[k]) for k in CLASSES),
                                                   100.0 * c["rejected"] / n if n else 0))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
