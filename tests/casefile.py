"""Parser for data-driven case files: `[case name]` sections holding a main program, optional
`[file path]` extra modules, `[stdin]` input and `[out]` expected output (golden cases)."""
import os
import re

HEADER = re.compile(r"^\[(case|file|stdin|out)(?: ([^\]]+))?\]\s*$")
# Anything shaped like a section header that is not one is an error, not program text: a misspelt
# `[stdn]` or an `[expected]` section would otherwise silently become part of the program.
LOOKS_LIKE_HEADER = re.compile(r"^\[([a-z]+)(?: [^\]]*)?\]\s*$")


class CaseFileError(Exception):
    pass


class Case:
    @property
    def exact_ints(self):
        """Cases are built as pyrite builds by default, with exact (tagged arbitrary-precision) ints;
        PYRITE_TEST_EXACT_INTS=0 builds every case but those of run-exact-*.test files with --int64
        (64-bit typed ints)."""
        return os.path.basename(self.path).startswith("run-exact") or os.environ.get("PYRITE_TEST_EXACT_INTS") != "0"

    def build_env(self):
        """A context in which pyrite builds this case as its file asks."""
        import contextlib

        @contextlib.contextmanager
        def env():
            old = os.environ.get("PYRITE_EXACT_INTS")
            os.environ["PYRITE_EXACT_INTS"] = "1" if self.exact_ints else "0"
            try:
                yield
            finally:
                if old is None:
                    del os.environ["PYRITE_EXACT_INTS"]
                else:
                    os.environ["PYRITE_EXACT_INTS"] = old
        return env()

    def __init__(self, name, path, line):
        self.name, self.path, self.line = name, path, line
        self.main = []
        self.files = {}
        self.stdin = None
        self.out = None

    @property
    def source(self):
        return "".join(self.main)

    def write(self, directory):
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "main.py"), "w") as f:
            f.write(self.source)
        for rel, text in self.files.items():
            p = os.path.join(directory, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w") as f:
                f.write(text)
        return os.path.join(directory, "main.py")


def parse_file(path, allowed=("case", "file", "stdin", "out")):
    """Cases of a file. `allowed`: the section kinds this kind of file may use (others are errors)."""
    cases = []
    cur = None
    section = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            m = HEADER.match(line)
            if m is None and LOOKS_LIKE_HEADER.match(line):
                raise CaseFileError("%s:%d: unknown section %s" % (path, lineno, line.strip()))
            if m:
                kind, arg = m.group(1), m.group(2)
                if kind not in allowed:
                    raise CaseFileError("%s:%d: section [%s] is not used in this kind of file (allowed: %s)"
                                        % (path, lineno, kind, ", ".join(allowed)))
                if kind == "case":
                    cur = Case(arg.strip(), path, lineno)
                    cases.append(cur)
                    section = ("main",)
                elif kind == "file":
                    cur.files[arg.strip()] = ""
                    section = ("file", arg.strip())
                elif kind == "stdin":
                    cur.stdin = ""
                    section = ("stdin",)
                else:
                    cur.out = ""
                    section = ("out",)
                continue
            if cur is None:
                continue
            if section[0] == "main":
                cur.main.append(line)
            elif section[0] == "file":
                cur.files[section[1]] += line
            elif section[0] == "stdin":
                cur.stdin += line
            else:
                cur.out += line
    return cases


def load_dir(directory, prefix, allowed=("case", "file", "stdin", "out")):
    out = []
    for name in sorted(os.listdir(directory)):
        if name.startswith(prefix) and name.endswith(".test"):
            out += parse_file(os.path.join(directory, name), allowed)
    return out


def load_xfail(directory=os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")):
    """xfail.txt of a case directory: {case name (or name[target]): reason}."""
    out = {}
    path = os.path.join(directory, "xfail.txt")
    if os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition(":")
                out[name.strip()] = reason.strip()
    return out
