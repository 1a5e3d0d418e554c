"""Compile sweep (issue 11): compile every .py file of the standard library (or of given directories)
as a program and classify what happens. Each file either compiles or is rejected with a clean
diagnostic; anything else is a bug of pyrite:

  ok         compiled to C (and, with --cc, the C compiled with zig cc)
  rejected   a clean `path:line:col: error: ...` diagnostic
  internal   pyrite raised something other than a diagnostic (an internal error)
  cc-error   (--cc) the generated C did not compile
  hang       no result within --timeout seconds

    python tools/sweep.py [--limit N] [--timeout S] [--jobs J] [--cc] [--report FILE] [DIR_OR_FILE...]

Without paths: the standard library of this interpreter, without its test packages. Each file is
compiled in its own process (a crash or hang takes only that file). The report lists counts and
every internal error, C compiler error and hang with its first lines.
"""
import argparse
import json
import os
import subprocess
import sys
import sysconfig
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP_DIRS = {"test", "tests", "idle_test", "__pycache__", "site-packages", "dist-packages"}

WORKER = r"""
import json, sys, traceback
path, cc = sys.argv[1], sys.argv[2] == "1"
sys.path = [p for p in sys.path if p not in ("", ".")]
sys.setrecursionlimit(10000)
out = {"status": "ok"}
try:
    from pyrite import driver
    from pyrite.diagnostics import CompileError
    try:
        if cc:
            import tempfile, os
            d = tempfile.mkdtemp(prefix="sweep-")
            driver.build(path, "native", os.path.join(d, "prog"), keep_dir=d)
        else:
            driver.compile_to_c(path)
    except CompileError as e:
        out = {"status": "rejected", "detail": str(e).splitlines()[0] if str(e) else ""}
except BaseException as e:
    name = type(e).__name__
    if name == "ToolchainError":
        out = {"status": "cc-error", "detail": "\n".join(str(getattr(e, "log", e)).splitlines()[:12])}
    else:
        tb = traceback.extract_tb(e.__traceback__)
        where = "%s:%d (%s)" % (tb[-1].filename, tb[-1].lineno, tb[-1].name) if tb else "?"
        out = {"status": "internal", "detail": "%s: %s at %s" % (name, str(e)[:300], where)}
print("SWEEP-RESULT " + json.dumps(out))
"""


def stdlib_files():
    base = sysconfig.get_paths()["stdlib"]
    out = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for f in sorted(filenames):
            if f.endswith(".py"):
                out.append(os.path.join(dirpath, f))
    return out


def files_of(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
                out += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py")]
        else:
            out.append(p)
    return out


def sweep_one(path, timeout, cc):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.time()
    try:
        p = subprocess.run([sys.executable, "-c", WORKER, path, "1" if cc else "0"], capture_output=True,
                           text=True, timeout=timeout, env=env, cwd=ROOT)
        # (not the file's directory: its modules would shadow the standard library the worker imports)
    except subprocess.TimeoutExpired:
        return {"path": path, "status": "hang", "detail": "no result in %ds" % timeout, "seconds": timeout}
    res = None
    for line in p.stdout.splitlines():
        if line.startswith("SWEEP-RESULT "):
            res = json.loads(line[len("SWEEP-RESULT "):])
    if res is None:   # the worker died (a crash of the compiler process itself)
        res = {"status": "internal", "detail": "worker exited %d: %s" % (p.returncode, p.stderr.strip()[-300:])}
    res["path"] = path
    res["seconds"] = round(time.time() - t0, 2)
    return res


def report(results, out):
    counts = {}
    for r in results:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    lines = ["# Compile sweep", "", "%d files: %s" % (len(results), ", ".join(
        "%s %d" % (k, counts.get(k, 0)) for k in ("ok", "rejected", "internal", "cc-error", "hang"))), ""]
    for status in ("internal", "cc-error", "hang"):
        bad = [r for r in results if r["status"] == status]
        if bad:
            lines += ["## %s (%d)" % (status, len(bad)), ""]
            lines += ["- `%s`: %s" % (r["path"], r["detail"].replace("\n", " / ")) for r in bad]
            lines.append("")
    reasons = {}
    for r in results:
        if r["status"] == "rejected":
            msg = r["detail"].split("error: ", 1)[-1]
            reasons[msg[:90]] = reasons.get(msg[:90], 0) + 1
    if reasons:
        lines += ["## most frequent first diagnostics of rejected files", ""]
        lines += ["- %d x %s" % (n, m) for m, n in sorted(reasons.items(), key=lambda x: -x[1])[:25]]
    text = "\n".join(lines) + "\n"
    if out:
        with open(out, "w") as f:
            f.write(text)
    return text, counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--limit", type=int, default=0, help="at most N files (spread over the list)")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cc", action="store_true", help="also compile the C with zig cc (slow)")
    ap.add_argument("--report", default=None)
    a = ap.parse_args(argv)
    files = files_of(a.paths) if a.paths else stdlib_files()
    if a.limit and len(files) > a.limit:
        step = len(files) / a.limit
        files = [files[int(i * step)] for i in range(a.limit)]
    results = []
    with ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for r in ex.map(lambda f: sweep_one(f, a.timeout, a.cc), files):
            results.append(r)
            if r["status"] in ("internal", "cc-error", "hang"):
                print("%s: %s: %s" % (r["status"], r["path"], r["detail"].splitlines()[0] if r["detail"] else ""),
                      flush=True)
    text, counts = report(results, a.report)
    print(text)
    return 1 if any(counts.get(k) for k in ("internal", "cc-error", "hang")) else 0


if __name__ == "__main__":
    sys.exit(main())
