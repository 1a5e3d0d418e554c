"""The CPython-extension target (`pyrite build mod.py --target ext`, targets/ext.py and
runtime/platform/ext.c): tests/ext/extmod.py is built once into an extension module, and the calls in
tests/ext/calls.txt run against it under `python -X dev` and against its source under CPython; the
outputs (results, exceptions with their frames, what each call printed) must be the same."""
import os
import subprocess
import sys
import sysconfig

import pytest

from pyrite import driver

HERE = os.path.dirname(os.path.abspath(__file__))
EXT = os.path.join(HERE, "ext")
SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("ext")
    driver.build(os.path.join(EXT, "extmod.py"), "ext", str(d / ("extmod" + SUFFIX)))
    return str(d)


def run_calls(where, *python_flags):
    p = subprocess.run([sys.executable, *python_flags, os.path.join(EXT, "run_calls.py"), where, "extmod",
                        os.path.join(EXT, "calls.txt")], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    return p.stdout.decode(), p.stderr.decode()


def blocks(text):
    """The output split per call: [(call, result lines)]; the import's own output first."""
    out, cur = [], ["<import>", []]
    for ln in text.splitlines():
        if ln.startswith("    "):
            cur[1].append(ln)
        else:
            out.append(cur)
            cur = [ln, []]
    out.append(cur)
    return out


def test_extension_behaves_like_its_source(built):
    expected, _ = run_calls(EXT)
    got, err = run_calls(built, "-X", "dev")
    assert err == ""   # (-X dev: no ResourceWarning, no unraisable exception)
    exp_b, got_b = blocks(expected), blocks(got)
    assert [b[0] for b in exp_b] == [b[0] for b in got_b]
    diffs = ["%s\n  CPython:  %s\n  compiled: %s" % (e[0], "\n".join(e[1]), "\n".join(g[1]))
             for e, g in zip(exp_b, got_b) if e != g]
    assert not diffs, "\n".join(diffs)
    assert len(exp_b) > 50


def test_calls_do_not_leak(built):
    """10^6 calls through every kind of crossing: CPython's allocations (tracemalloc) and the process's
    resident set stay flat after a warm-up."""
    prog = r'''
import sys, tracemalloc, resource
sys.path.insert(0, sys.argv[1])
import extmod as m

def rss_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4

def batch(n):
    for i in range(n):
        m.fma_typed(3, 0.5, 1.0)                          # typed fast path
        m.ident([i, "s", {"k": (1.5, None)}, {2}])        # conversions both ways
        m.add(1, 2, 3, scale=2, extra=i)                  # keywords, *args, **kwargs
        m.grow([1], {}, set())                            # copy back
        m.make_point(i, 2).norm2()                        # proxies
        try:
            m.parse("x")                                  # exceptions with traceback entries
        except ValueError:
            pass
        m.call_back(len, "abc")                           # CPython objects inside compiled code
        m.shout("é")
batch(20000)
tracemalloc.start()
r0, t0 = rss_kb(), tracemalloc.get_traced_memory()[0]
batch(125000)
r1, t1 = rss_kb(), tracemalloc.get_traced_memory()[0]
print(r1 - r0, t1 - t0)
'''
    p = subprocess.run([sys.executable, "-c", prog, built], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    rss_growth_kb, traced_growth = map(int, p.stdout.split()[-2:])
    assert traced_growth < 64 * 1024, traced_growth
    assert rss_growth_kb < 4 * 1024, rss_growth_kb


def test_run_says_to_import_it(tmp_path):
    src = tmp_path / "m.py"
    src.write_text("x = 1\n")
    p = subprocess.run([sys.executable, "-m", "pyrite.cli", "run", str(src), "--target", "ext"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode != 0
    assert b"imported by CPython, not run" in p.stderr


def test_default_output_name_is_importable(tmp_path):
    (tmp_path / "shapes.py").write_text("def area(w: float, h: float) -> float:\n    return w * h\n")
    p = subprocess.run([sys.executable, "-m", "pyrite.cli", "build", "shapes.py", "--target", "ext"],
                       cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    assert (tmp_path / ("shapes" + SUFFIX)).exists()
    p = subprocess.run([sys.executable, "-c", "import shapes; print(shapes.area(2.0, 3.5), shapes.__file__)"],
                       cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout.decode().startswith("7.0 ") and p.stdout.decode().strip().endswith(SUFFIX)


def test_signatures_of_annotated_functions_have_no_annotations(built):
    """Exported functions are CPython builtins (the fastest calls CPython makes), whose text signatures
    carry parameters and defaults but no annotations: a documented difference from the source."""
    prog = ("import sys, inspect; sys.path.insert(0, sys.argv[1]); import extmod as m\n"
            "print(inspect.signature(m.fma_typed), inspect.signature(m.add), m.fma_typed.__module__)")
    p = subprocess.run([sys.executable, "-c", prog, built], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout.decode().split("\n")[-2] == "(n, b, c) (a, b=10, *rest, scale=1, **named) extmod"
