"""A small fixed subset of the differential run cases under AddressSanitizer, UndefinedBehaviorSanitizer
and LeakSanitizer (tools/sanitize.py; the whole set: `python tools/sanitize.py`). Each case must print
what CPython prints, exit with CPython's status, and produce no sanitizer report and no leak.

The sanitized runtime is built once (about 12 s here) and cached by the hash of the runtime sources
($PYRITE_SANITIZE_CACHE, default <tmp>/pyrite-sanitize-<uid>); then each case takes about a second.
"""
import importlib.util
import os

import pytest

SLOW = pytest.mark.skipif(os.environ.get("PYRITE_SLOW_CASES") != "1",
                          reason="a long check (minutes of C compilation): run with PYRITE_SLOW_CASES=1")


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_tool():
    spec = importlib.util.spec_from_file_location("pyrite_tools_sanitize", os.path.join(ROOT, "tools", "sanitize.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# One or two cases per area of the runtime: numbers, strings, containers, classes, closures,
# generators, exceptions (and an uncaught one: its traceback and exit status), dynamic values, files.
SUBSET = [
    "testDivmodRoundPow",
    "testUnicodeMethods",
    "testListMethods",
    "testListSlicing",                          # memcpy from an empty unboxed list (UB, fixed)
    "testUnboxedListStorageBehavesLikeLists",
    "testItertools",                            # count/repeat once leaked through a cycle
    "testDictMethods",
    "testSetOperations",
    "testInheritanceAndSuper",
    "testDefaultArgs",
    "testGeneratorReturnValue",
    "testTryExceptElseFinally",
    "testUncaughtFileNotFound",
    "testFileWriteRead",
]


@SLOW
def test_sanitize_subset(tmp_path):
    san = load_tool()
    ok, why = san.gcc_has_sanitizers()
    if not ok:
        pytest.skip("gcc cannot build with -fsanitize=address,undefined here: %s" % why)
    cases = [c for c in san.load_cases() if c.name in SUBSET]
    assert sorted(c.name for c in cases) == sorted(SUBSET), "a case of SUBSET no longer exists"
    job = san.Job(cases, workdir=str(tmp_path), log=lambda *a, **k: None).run()
    bad = [r for r in job.results if r.status != "pass" or r.reports]
    assert not bad, job.summary()
