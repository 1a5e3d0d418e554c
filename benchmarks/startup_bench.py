"""Start-up benchmark: stock CPython vs pyrite's start-up archive on real import stacks, side by side."""
import argparse
import importlib.util
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pyrite.startup import bench, launch  # noqa: E402

SMALL_SCRIPT = """import argparse, json
parser = argparse.ArgumentParser()
parser.add_argument("--n", type=int, default=3)
print(json.dumps(list(range(parser.parse_args().n))))
"""

# (name, module that must be importable, command after the interpreter)
CASES = [
    ("small script (argparse+json)", None, ["{script}"]),
    ("stdlib: json,email,http", None, ["-c", "import json, email.parser, http.client"]),
    ("requests", "requests", ["-c", "import requests"]),
    ("flask", "flask", ["-c", "import flask"]),
    ("flask --version (CLI)", "flask", ["-m", "flask", "--version"]),
    ("pytest --version (CLI)", "pytest", ["-m", "pytest", "--version"]),
    ("sympy (deep pure-Python)", "sympy", ["-c", "import sympy"]),
    ("boto3", "boto3", ["-c", "import boto3"]),
    ("IPython", "IPython", ["-c", "import IPython"]),
    ("moto (AWS mocks)", "moto", ["-c", "import moto"]),
    ("cfn-lint (cfnlint.api)", "cfnlint", ["-c", "import cfnlint.api"]),
    # what the `cfn-lint` console script runs (it exits through sys.exit: a whole-process CLI case)
    ("cfn-lint --version (CLI)", "cfnlint",
     ["-c", "import sys; sys.argv = ['cfn-lint', '--version']; from cfnlint.runner import main; sys.exit(main())"]),
    ("ipython --version (CLI)", "IPython", ["-m", "IPython", "--version"]),
]


def available_cases(names):
    """The cases whose packages are installed (and, if given, whose names match)."""
    for name, module, args in CASES:
        if names and not any(n.lower() in name.lower() for n in names):
            continue
        if module is None or importlib.util.find_spec(module) is not None:
            yield name, args
        else:
            print("skipping %s: %s is not installed (pip install %s)" % (name, module, module))


def end_of_imports(args):
    """For `-c CODE` cases: exit right after the imports (os._exit), so interpreter teardown is not timed."""
    if args[:1] == ["-c"]:
        return ["-c", args[1] + "; import os; os._exit(0)"] + args[2:]
    return args


def run_case(name, args, tmp, setup, runs, check, cut_teardown):
    """Record an archive for the case, then time stock and archived runs interleaved."""
    script = os.path.join(tmp, "small_script.py")
    command = [sys.executable] + [a.replace("{script}", script) for a in args]
    archive = os.path.join(tmp, "case.pyra")
    if launch.record(command, archive, check or "stat", env=setup.stock_env, quiet=True):
        print("%-28s recording failed" % name)
        return
    plain = command
    if cut_teardown:  # recorded normally (the recorder writes at exit), timed up to the end of imports
        command = [sys.executable] + [a.replace("{script}", script) for a in end_of_imports(args)]
    stock, archived, counts = bench.compare(command, archive, runs, setup, check, verify_command=plain)
    print(bench.format_row(name, stock, archived, counts), flush=True)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--runs", type=int, default=30, help="interleaved runs per side (default 30)")
    p.add_argument("--check", choices=("none", "stat", "hash"), help="validation mode (default: stat)")
    p.add_argument("--via", choices=("pth", "shim"), default="pth",
                   help="enable the archive via the installed .pth hook (default) or the run shim")
    p.add_argument("--to-end-of-imports", action="store_true",
                   help="for `-c` cases, end the process with os._exit(0) right after the imports")
    p.add_argument("--site-dir", help="install the .pth hook here for the run (removed afterwards) instead "
                   "of a private user site; needed in a virtualenv, where the user site is off")
    p.add_argument("--import", dest="imports", action="append", default=[], metavar="MODULE",
                   help="add a case `python -c 'import MODULE'` (repeatable); with only these, the "
                   "built-in cases are skipped unless named")
    p.add_argument("cases", nargs="*", help="substrings of case names to run (default: all)")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pyrite-startup-bench-") as tmp:
        with open(os.path.join(tmp, "small_script.py"), "w") as f:
            f.write(SMALL_SCRIPT)
        setup = bench.Setup(tmp, via=args.via, site_dir=args.site_dir)
        print("interpreter: %s (%s)" % (sys.executable, sys.version.split()[0]))
        print("%d interleaved runs per side; check=%s; via=%s; %s" % (
            args.runs, args.check or "stat", args.via,
            "`-c` cases stop at the end of their imports (os._exit)" if args.to_end_of_imports
            else "whole process, start to exit"))
        print("medians (± interquartile range) of wall time, then medians of the child's user+system CPU time")
        print(bench.TABLE_HEAD)
        try:
            cases = [] if args.imports and not args.cases else list(available_cases(args.cases))
            cases += [("import " + m, ["-c", "import " + m]) for m in args.imports]
            for name, case_args in cases:
                run_case(name, case_args, tmp, setup, args.runs, args.check, args.to_end_of_imports)
        finally:
            setup.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
