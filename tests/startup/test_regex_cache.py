"""The archive's regex pattern table: patterns an app compiled are rebuilt without re's pure-Python compiler,
identical to freshly compiled ones; anything unrecorded, warning or failing goes through re as usual."""
import os
import re
import subprocess
import sys
import warnings

from conftest import PY, base_env, record, run_py, write_files

from pyrite.startup import build, hook, launch

REGEX_FILES = {
    "pats.py": r'''
        import re
        A = re.compile(r"(?P<key>\w+)=(?P<val>[^;]*)")
        B = re.compile(rb"\x00(..)\xff", re.DOTALL)
        C = re.compile(r"(?i)straße|ǅ")
        D = re.compile(r"^[a-z]+$", re.I | re.M)
        E = re.compile(r"\d+(?=px)", re.ASCII)
        V = re.compile(r"""(?x) a  b   # a comment
                           (c|d)?""")
        W = re.compile(r"\bword\b", 0)
    ''',
    "main.py": r'''
        import re, sys, warnings
        calls = []
        if type(re._cache).__name__ == "PatternCache":
            import re._compiler as compiler
            real = compiler.compile
            def spy(p, flags=0):
                calls.append(p)
                return real(p, flags)
            compiler.compile = spy
        import pats
        for name in "ABCDEVW":
            p = getattr(pats, name)
            print(name, repr(p), p.flags, p.groups, dict(p.groupindex), p is re.compile(p.pattern, p.flags & ~32))
        print(pats.A.findall("a=1;bb=two;c="), pats.B.match(b"\x00ab\xff").group(1))
        print(pats.C.findall("STRASSE Straße ǆ ǅ"), pats.D.findall("abc\nDEF\n12"), pats.E.findall("10px 3em 7px"))
        print(pats.V.fullmatch("abd").groups(), pats.W.sub("X", "a word, words, word."))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            nested = re.compile("[[a]")
        print(nested.pattern, [str(w.message) for w in caught])
        try:
            re.compile("(unclosed")
        except re.error as exc:
            print("re.error:", exc)
        print(re.split(r"[,;]\s*", "a, b;c"), re.sub(rb"(\d)", rb"<\1>", b"a1b2"))
        sys.stderr.write("cache=%s calls=%r\n" % (type(re._cache).__name__, calls))
    ''',
}


def test_recorded_patterns_are_rebuilt_identically(tmp_path):
    root = tmp_path / "app"
    write_files(str(root), REGEX_FILES)
    archive = tmp_path / "re.pyra"
    record(["main.py"], root, archive)
    assert hook.Archive(str(archive)).regex is not None
    stock = run_py(["main.py"], root)
    served = run_py(["main.py"], root, archive=archive)
    assert stock.returncode == 0 and served.returncode == 0, served.stderr
    assert served.stdout == stock.stdout
    assert "Possible nested set" in stock.stdout and "re.error: missing )" in stock.stdout
    assert "cache=dict" in stock.stderr
    assert "cache=PatternCache" in served.stderr
    # Only what was not served from the table went through re's compiler: the warning pattern
    # (excluded at build time), the failing one, and the runtime-only ones.
    calls = served.stderr.split("calls=")[1].strip()
    assert "[[a]" in calls and "(unclosed" in calls
    for name in ("(?P<key>", "straße", "(?x) a  b", "\\\\bword"):
        assert name not in calls, calls


def test_served_re_gets_the_pattern_cache(tmp_path):
    """When `re` itself is imported from the archive (not preloaded by site), its cache is swapped after its body runs."""
    root = tmp_path / "app"
    write_files(str(root), REGEX_FILES)
    archive = tmp_path / "re.pyra"
    record(["main.py"], root, archive)
    code = ("import sys, _frozen_importlib as b, _frozen_importlib_external as x\n"
            "assert 're' not in sys.modules\n"
            "s = x.spec_from_file_location('_pyrite_startup_hook', %r)\n"
            "m = b.module_from_spec(s); sys.modules[s.name] = m; s.loader.exec_module(m)\n"
            "assert m.activate(%r) is not None\n"
            "import re\n"
            "print(type(re.__loader__).__name__, type(re._cache).__name__)\n"
            "print(re.compile(r'(?P<key>\\w+)=(?P<val>[^;]*)').groupindex)\n" % (launch.HOOK_FILE, str(archive)))
    out = subprocess.run([PY, "-S", "-c", code], cwd=str(root), env=base_env(), capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["ArchiveLoader PatternCache", "{'key': 1, 'val': 2}"]


def test_build_excludes_patterns_that_warn_fail_or_debug():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = build.regex_tables([
            (r"(a)(?P<b>b)", 0), (b"[a-z]+", re.I.value), ("[[a]", 0), ("(unclosed", 0), ("x", re.DEBUG.value),
            (b"x", re.LOCALE.value), ("t", re.TEMPLATE.value), (r"(?i)\w+", re.A.value),
            ("flag object", re.I),  # re passes plain ints; anything else is not cached
        ])
    assert set(tables["str"]) == {(r"(a)(?P<b>b)", 0), (r"(?i)\w+", re.A.value)}
    assert set(tables["bytes"]) == {(b"[a-z]+", re.I.value)}
    for kind, table in tables.items():
        for (pattern, flags), form in table.items():
            rebuilt = sys.modules["_sre"].compile(pattern, form[0], form[1], form[2], dict(form[3]), form[4])
            fresh = re._compiler.compile(pattern, flags)
            assert rebuilt == fresh and rebuilt.groupindex == fresh.groupindex and rebuilt.groups == fresh.groups
    assert build.regex_tables([("[[a]", 0)]) is None


class FakeArchive:
    def __init__(self, tables):
        self.tables = tables

    def regex_tables(self):
        return self.tables


def make_cache(patterns, maxsize=None):
    tables = build.regex_tables(patterns)
    cache = hook.PatternCache()
    cache.archive = FakeArchive({str: tables["str"], bytes: tables["bytes"]})
    cache.tables = None
    cache.sre = sys.modules["_sre"]
    return cache


def test_pattern_cache_misses_raise_keyerror_and_evicts_like_re(monkeypatch):
    cache = make_cache([("a+", 0), ("b+", 0), ("c+", 0), (b"d+", 0)])
    for key in ((str, "zzz", 0), (str, "a+", re.I), (bytes, "a+", 0), (str, b"d+", 0), ("odd",)):
        try:
            cache[key]
        except KeyError:
            pass
        else:
            raise AssertionError("%r should miss" % (key,))
    assert cache[(bytes, b"d+", 0)] == re._compiler.compile(b"d+", 0)
    monkeypatch.setattr(hook, "RE_MAXCACHE", 2)
    for p in ("a+", "b+", "c+"):
        assert cache[(str, p, 0)].pattern == p
    assert list(cache) == [(str, "b+", 0), (str, "c+", 0)]


class FakeFinder:
    def __init__(self, modules):
        self.archive = type("A", (), {"regex": (0, 0, b"")})()
        self.modules = modules
        self.check = "stat"

    def _source_changed(self, rec):
        return None


def test_pattern_cache_needs_the_recorded_re_sources():
    """A differing origin for any of re's modules (another re on the path) keeps re's plain dict."""
    recs = {}
    for name in hook.REGEX_MODULES:
        origin = sys.modules[name].__spec__.origin
        recs[name] = (0, 0, b"", origin)
    module = type(sys)("re_copy")
    module._cache = {}
    assert hook.install_pattern_cache(FakeFinder(dict(recs)), module) is True
    assert type(module._cache) is hook.PatternCache
    other = dict(recs)
    other["re._parser"] = (0, 0, b"", os.path.join("/elsewhere", "_parser.py"))
    module._cache = {}
    assert hook.install_pattern_cache(FakeFinder(other), module) is False
    assert type(module._cache) is dict


def test_info_counts_patterns(tmp_path, capsys):
    from pyrite.startup import cli
    root = tmp_path / "app"
    write_files(str(root), REGEX_FILES)
    archive = tmp_path / "re.pyra"
    record(["main.py"], root, archive)
    assert cli.do_info(type("Args", (), {"archive": str(archive)})(), None) == 0
    out = capsys.readouterr().out
    tables = hook.Archive(str(archive)).regex_tables()
    count = len(tables[str]) + len(tables[bytes])
    assert count >= 7 and (" %d regex patterns," % count) in out
