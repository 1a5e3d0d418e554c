"""Heap images: modules materialised from pre-laid-out objects behave exactly like unmarshalled ones."""
import os
import subprocess
import sys

import pytest

from conftest import PY, REPO, app_output, hook, images_used, record, run_py, served, write_files

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="heap images exist for CPython 3.11 only")

# Every kind of constant marshal can hold, in every shape the compiler emits, plus the code-object
# details (names, cells, line tables) that tracebacks, introspection and closures read back.
CONSTS_MODULE = r'''
"""Module docstring: é ü ☃ 𝄞"""
import sys

BIG = 123456789012345678901234567890
NEG_BIG = -98765432109876543210
SMALL = (-5, -1, 0, 1, 255, 256, 257, -6, 2**30, 2**31, -2**63, 2**64)
FLOATS = (0.0, -0.0, 1.5, -2.25e-308, 1e308, float("inf"), 3.141592653589793)
COMPLEX = (1j, -0j, 2.5 + 3.5j, complex(-0.0, -0.0))
BYTES = (b"", b"\x00", b"x", b"\xff" * 40, bytes(range(256)))
STRS = ("", "a", "\xe9", "\u0100", "\u2603", "\U0001d11e", "ascii text with spaces",
        "latin-1 \xe9\xe8", "bmp \u2603\u20ac", "astral \U0001d11e\U0001f600", "surrogate \ud800 alone",
        "x" * 1000)
NESTED = ((1, (2, (3, ("deep", None)))), ..., True, False, None)
IDENT = "an_identifier_like_constant"


def membership(x):
    return (x in {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"},
            x in {1, 2, 3, 40, 500, 6000, 2**40}, x in {(1, "a"), (2, "b")}, x in {b"k1", b"k2"})


def iteration_orders():
    out = []
    for x in {"pear", "apple", "fig", "kiwi", "plum", "lime", "date", "sloe", "yuzu", "nashi"}:
        out.append(x)
    for x in {9, 1, 17, 33, 65, 129, 257, 513, 1025, 2049}:
        out.append(x)
    return out


def closure(a, b=2, *args, c, d=4, **kw):
    e = a + b
    def inner(f, /, g=BIG):
        nonlocal e
        e += f
        return a, e, g, c, d, args, kw
    return inner


class Klass:
    """Class doc."""
    attr = {"k": (1, 2.0, "three")}

    def method(self, x: int = 3) -> str:
        return f"{self.attr['k']!r}:{x:>5}:{x!s}"

    @property
    def prop(self):
        return [i * i for i in range(5)]


def gen(n):
    yield from range(n)
    yield lambda y: y * n


async def coro(x):
    return x


def fails():
    def deeper():
        raise KeyError("from an image")
    deeper()


def report():
    print(BIG, NEG_BIG, SMALL, FLOATS, COMPLEX, BYTES, STRS, NESTED, IDENT)
    print([repr(f) for f in FLOATS], [str(f) for f in FLOATS])
    print(membership("gamma"), membership(40), membership((2, "b")), membership(b"k2"), membership(7))
    print(closure(1, c=3)(10), closure(1, 5, 6, c=7, z=8)(1, 2))
    print(Klass().method(), Klass().prop, Klass.__doc__, Klass.attr, __doc__)
    print(list(gen(3))[:3], next(reversed(list(gen(2))))(7))
    try:
        coro(5).send(None)
    except StopIteration as stop:
        print("coro", stop.value)
    for f in (closure, closure(1, c=2), Klass.method, gen, coro, fails, report):
        c = f.__code__
        print(c.co_name, c.co_qualname, c.co_varnames, c.co_cellvars, c.co_freevars, c.co_names,
              c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals, c.co_flags,
              c.co_firstlineno, len(c.co_code), list(c.co_lines())[:5], list(c.co_positions())[:5],
              c.co_filename == __file__, c.co_consts == c.co_consts)
    print(Klass.method.__annotations__, closure.__defaults__, closure.__kwdefaults__)
    print(IDENT is sys.intern("an_identifier_like_constant"))
    import traceback
    try:
        fails()
    except KeyError:
        print(traceback.format_exc().replace(__file__, "FILE"))
'''

MAIN = r'''
import gc, importlib, os, sys
import consts
consts.report()
order_1 = consts.iteration_orders()
# str hashes are salted per process unless PYTHONHASHSEED fixes them; int orders never vary
seeded = os.environ.get("PYTHONHASHSEED", "random") != "random"
print(order_1 if seeded else sorted(map(str, order_1[:10])) + order_1[10:])
import dis, io, marshal
listing = io.StringIO()
dis.dis(consts.closure, file=listing)
import re
print(re.sub(r"0x[0-9a-f]+", "0x?", listing.getvalue()))
code = consts.Klass.method.__code__
print(marshal.loads(marshal.dumps(code)) == code, code.replace(co_name="renamed").co_name)
events = []
def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer
sys.settrace(tracer)
consts.closure(1, c=3)(10)
list(consts.gen(2))
sys.settrace(None)
print(events)
gc.collect()
importlib.reload(consts)
print(consts.iteration_orders() == order_1, consts.membership("beta"))
del sys.modules["consts"]
gc.collect()
import consts as again
print(again.BIG, gc.collect() >= 0)
'''


@pytest.fixture
def consts_app(tmp_path):
    """The app, with consts' .pyc written: stock CPython then loads it through marshal, like the archive.

    (Compiled fresh from source, a frozenset constant can iterate in another order than after a
    round trip through marshal, which sorts set elements; CPython's own first and later runs differ.)
    """
    root = tmp_path / "capp"
    write_files(str(root), {"consts.py": CONSTS_MODULE, "main.py": MAIN})
    subprocess.run([PY, "-m", "compileall", "-q", str(root)], check=True)
    return root


def run_same(app, archive, tmp_path, args=("main.py",), env=None):
    """Stock and archived runs print the same; return the archived run's stats (served, fallbacks, images)."""
    stats = tmp_path / "stats"
    stock = run_py(list(args), app, env=env)
    archived = run_py(list(args), app, archive=archive, stats=stats, env=env)
    assert stock.returncode == 0, stock.stderr
    assert archived.returncode == 0, archived.stderr
    assert archived.stdout == stock.stdout
    return served(stats) + (images_used(stats),)


@pytest.mark.parametrize("hashseed", ["0", "12345"])
def test_every_constant_kind_is_identical_from_an_image(consts_app, tmp_path, hashseed):
    from conftest import base_env
    archive = tmp_path / "c.pyra"
    record(["main.py"], consts_app, archive)
    assert hook.Archive(str(archive)).modules["consts"][10] is not None, "consts got no heap image"
    env = dict(base_env(), PYTHONHASHSEED=hashseed)
    n_served, fallbacks, images = run_same(consts_app, archive, tmp_path, env=env)
    assert fallbacks == 0 and images >= 1 and images <= n_served


def test_images_under_dev_mode_and_gc_stress(consts_app, tmp_path):
    """-X dev installs CPython's debug allocator hooks: freeing image memory as a heap object would abort."""
    archive = tmp_path / "c.pyra"
    record(["main.py"], consts_app, archive)
    code = "import gc; gc.set_threshold(1); import runpy; runpy.run_path('main.py', run_name='__main__')"
    n_served, fallbacks, images = run_same(consts_app, archive, tmp_path, args=("-X", "dev", "-c", code))
    assert images >= 1 and fallbacks == 0


def test_stdlib_images_equal_marshal(tmp_path):
    """Every image of a stdlib-heavy archive, loaded as at start-up, equals what marshal.loads gives."""
    code = ("import json, email.parser, http.client, typing, asyncio, argparse, decimal, dataclasses, "
            "xml.etree.ElementTree, unittest, logging.handlers, tomllib, zipfile")
    archive = tmp_path / "std.pyra"
    record(["-c", code], tmp_path, archive)
    modules = hook.Archive(str(archive)).modules
    with_images = [name for name, rec in modules.items() if rec[10] is not None]
    assert len(with_images) == len(modules) > 100
    check = ("import sys; sys.path.insert(0, %r); from pyrite.startup.image import verify_archive; "
             "print(len(verify_archive(sys.argv[1])))" % REPO)
    result = subprocess.run([PY, "-c", check, str(archive)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"
    stats = tmp_path / "stats"
    stock = run_py(["-c", code + "; print(sorted(__import__('sys').modules))"], tmp_path)
    archived = run_py(["-c", code + "; print(sorted(__import__('sys').modules))"], tmp_path, archive=archive,
                      stats=stats)
    assert [m for m in eval(archived.stdout) if m not in ("sitecustomize", "_pyrite_startup_hook")] \
        == eval(stock.stdout)
    assert images_used(stats) >= 100


def helper_path(archive):
    return hook.Archive(str(archive)).image_helper[0]


def private_cache_env(tmp_path):
    """An environment whose pyrite cache is this test's own, so removing or blocking the helper there
    cannot disturb tests running in parallel (they share the default cache)."""
    from conftest import base_env
    return dict(base_env(), PYRITE_CACHE_DIR=str(tmp_path / "cache"))


def test_missing_helper_is_restored_from_the_archive(consts_app, tmp_path):
    env = private_cache_env(tmp_path)
    archive = tmp_path / "c.pyra"
    record(["main.py"], consts_app, archive, env=env)
    assert helper_path(archive).startswith(str(tmp_path / "cache"))
    os.unlink(helper_path(archive))
    assert run_same(consts_app, archive, tmp_path, env=env)[2] >= 1
    assert os.path.exists(helper_path(archive))


@pytest.mark.parametrize("usable_places", [1, 0])
def test_helper_placement_and_fallback(consts_app, tmp_path, usable_places):
    """The helper goes to the recorded path, else this user's cache, else next to the archive; if none
    can hold it, every module still comes from the archive, via marshal."""
    archive = tmp_path / "c.pyra"
    record(["main.py"], consts_app, archive, env=private_cache_env(tmp_path))
    path = helper_path(archive)
    assert path.startswith(str(tmp_path / "cache"))
    name = os.path.basename(path)
    cache = tmp_path / "other-cache"
    blocked = [path, str(cache / "startup" / name)] + ([str(tmp_path / ("." + name))] if not usable_places else [])
    os.unlink(path)
    for place in blocked:   # a directory where the helper would go: it can be neither read nor replaced
        os.makedirs(place)
    env = dict(private_cache_env(tmp_path), PYRITE_CACHE_DIR=str(cache))
    try:
        n_served, fallbacks, images = run_same(consts_app, archive, tmp_path, env=env)
        assert n_served >= 1 and fallbacks == 0
        if usable_places:
            assert images >= 1 and os.path.isfile(str(tmp_path / ("." + name)))
        else:
            assert images == 0
            verbose = run_py(["-v", "main.py"], consts_app, archive=archive, env=env)
            assert "pyrite-startup: heap images unusable" in verbose.stderr
    finally:
        for place in blocked:
            os.rmdir(place)


def test_damaged_string_table_falls_back_to_marshal(consts_app, tmp_path):
    archive = tmp_path / "c.pyra"
    record(["main.py"], consts_app, archive)
    offset, length = hook.Archive(str(archive)).image_strings[:2]
    data = bytearray(archive.read_bytes())
    data[offset + length // 3] ^= 0x55
    archive.write_bytes(bytes(data))
    n_served, fallbacks, images = run_same(consts_app, archive, tmp_path)
    assert images == 0 and n_served >= 1


def test_no_images_option(consts_app, tmp_path):
    archive = tmp_path / "c.pyra"
    from conftest import base_env, launch
    assert launch.record([PY, "main.py"], str(archive), env=base_env(), quiet=True, cwd=str(consts_app),
                         images=False) == 0
    loaded = hook.Archive(str(archive))
    assert all(rec[10] is None for rec in loaded.modules.values()) and loaded.image_helper is None
    assert run_same(consts_app, archive, tmp_path)[2] == 0


def test_marshal_order_reader_matches_marshal():
    """The builder's reader of marshal data finds every frozenset marshal builds, in stream order."""
    from pyrite.startup import image
    import marshal
    source = "def f(x):\n    return x in {'a', 'b', 'c'} or x in {1, 2} or x in {(1, 'z'), (2, 'y')}\n" \
             "g = lambda y: y in {'a', 'b', 'c'}\n"
    code = compile(source, "m.py", "exec")
    data = marshal.dumps(code)
    loaded = marshal.loads(data)
    orders = image.frozenset_orders(data, loaded)
    sets = [c for c in loaded.co_consts if type(c) is type(code)][0].co_consts
    found = [s for s in sets if type(s) is frozenset]
    assert len(found) == 3 and all(id(s) in orders for s in found)
    for s in found:
        assert frozenset(orders[id(s)]) == s


def test_info_reports_images(consts_app, tmp_path, capsys):
    from pyrite.startup import cli
    archive = tmp_path / "c.pyra"
    record(["main.py"], consts_app, archive)
    assert cli.do_info(type("Args", (), {"archive": str(archive)})(), None) == 0
    loaded = hook.Archive(str(archive))
    n = sum(rec[10] is not None for rec in loaded.modules.values())
    assert n >= 1
    assert ("heap images: %d of %d modules" % (n, len(loaded.modules))) in capsys.readouterr().out
