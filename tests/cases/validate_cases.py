"""Validate the differential run cases (tests/cases/run-*.test) under CPython.

Usage: python3 tests/cases/validate_cases.py [FILE.test ...] [-k SUBSTRING] [-v]

Each case is run twice under the current python3 in a fresh temporary directory
(extra [file ...] sections written next to main.py, [stdin] fed to stdin, 10 s timeout).
Reported problems:
  TIMEOUT        the case ran longer than 10 s
  SLOW           the case ran longer than 2 s (wall clock, includes interpreter start-up)
  NONDET         stdout / stderr-last-line / exit code differ between the two runs
  UNEXPECTED     non-zero exit although the case name contains neither 'Uncaught' nor 'Exit'
  NOFAIL         the case name contains 'Uncaught' but the program exited with status 0
  EMPTY          the case prints nothing to stdout and exits 0
  STDERR         exit 0 but something (e.g. a SyntaxWarning) was written to stderr, and the
                 case name does not contain 'Stderr'
reject.test is only parsed (and its programs compiled with compile()); it is not run.
"""
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import time

SLOW_SECONDS = 2.0
HERE = os.path.dirname(os.path.abspath(__file__))
CASE_RE = re.compile(r"^\[case (\w+)\]\s*$")
SECTION_RE = re.compile(r"^\[(file|stdin|out)(?: ([^\]]+))?\]\s*$")


class Case:
    def __init__(self, path, name, line):
        self.path = path
        self.name = name
        self.line = line
        self.main = []
        self.files = {}   # relative path -> list of lines
        self.stdin = None
        self.out = None

    def text(self, lines):
        return "".join(lines)


def parse(path):
    cases = []
    cur = None
    target = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            m = CASE_RE.match(line)
            if m:
                cur = Case(path, m.group(1), lineno)
                cases.append(cur)
                target = cur.main
                continue
            if cur is None:
                if line.strip() and not line.startswith("--"):
                    raise SystemExit(f"{path}:{lineno}: text before first [case]")
                continue
            m = SECTION_RE.match(line)
            if m:
                kind, arg = m.group(1), m.group(2)
                if kind == "file":
                    target = cur.files.setdefault(arg.strip(), [])
                elif kind == "stdin":
                    cur.stdin = target = []
                else:
                    cur.out = target = []
                continue
            target.append(line)
    return cases


def run_once(case, tmp):
    with open(os.path.join(tmp, "main.py"), "w", encoding="utf-8") as f:
        f.write("".join(case.main))
    for rel, lines in case.files.items():
        p = os.path.join(tmp, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write("".join(lines))
    stdin = "".join(case.stdin).encode() if case.stdin is not None else b""
    env = dict(os.environ, PYTHONHASHSEED="random", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.monotonic()
    try:
        p = subprocess.run([sys.executable, "main.py"], cwd=tmp, input=stdin,
                           capture_output=True, timeout=10, env=env)
    except subprocess.TimeoutExpired:
        return None
    if time.monotonic() - t0 > SLOW_SECONDS:
        return "SLOW"
    err_lines = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return (p.stdout, err_lines[-1] if err_lines else "", p.returncode)


def check(case, verbose=False):
    problems = []
    results = []
    for _ in range(2):
        with tempfile.TemporaryDirectory() as tmp:
            r = run_once(case, tmp)
        if r is None:
            return ["TIMEOUT"], None
        if r == "SLOW":
            return [f"SLOW (> {SLOW_SECONDS} s)"], None
        results.append(r)
    a, b = results
    if a != b:
        problems.append("NONDET")
    out, last, rc = a
    intended = "Uncaught" in case.name or "Exit" in case.name
    if rc != 0 and not intended:
        problems.append(f"UNEXPECTED rc={rc}: {last}")
    if "Uncaught" in case.name and rc == 0:
        problems.append("NOFAIL")
    if rc == 0 and not out.strip():
        problems.append("EMPTY")
    if rc == 0 and last and "Stderr" not in case.name:
        problems.append(f"STDERR (name the case ...Stderr... if intended): {last}")
    if verbose:
        print(f"--- {case.name} rc={rc} last={last!r}")
        print(out.decode("utf-8", "replace"), end="")
    return problems, a


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    key = None
    if "-k" in argv:
        i = argv.index("-k")
        key = argv[i + 1]
        del argv[i:i + 2]
    files = argv or sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".test"))
    total = 0
    bad = 0
    names = {}
    for path in files:
        cases = parse(path)
        base = os.path.basename(path)
        for c in cases:
            if c.name in names:
                print(f"DUPLICATE {c.name} in {base} and {names[c.name]}")
                bad += 1
            names[c.name] = base
        if base == "reject.test" or base.startswith("reject"):
            for c in cases:
                try:
                    compile("".join(c.main), c.name, "exec")
                except SyntaxError as e:
                    print(f"{base}:{c.line} {c.name}: SyntaxError {e}")
                    bad += 1
            print(f"{base}: {len(cases)} cases (parsed only)")
            total += len(cases)
            continue
        selected = [c for c in cases if not key or key in c.name]
        n = len(selected)
        if verbose:
            results = [check(c, verbose) for c in selected]
        else:
            with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 4) as ex:
                results = list(ex.map(check, selected))
        for c, (problems, _) in zip(selected, results):
            if problems:
                bad += 1
                print(f"{base}:{c.line} {c.name}: {'; '.join(problems)}")
        print(f"{base}: {n} cases")
        total += n
    print(f"total {total} cases, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
