"""Limits behave as in CPython (native builds): allocation failure under a memory limit is a
MemoryError the program can catch; deep recursion is a RecursionError, and raising the limit allows
deeper calls; big strings and lists work; invalid UTF-8 in a data file is UnicodeDecodeError with
CPython's message, and in a source file a compile-time diagnostic."""
import os
import resource
import subprocess
import sys

import pytest

MEMORY = '''
try:
    x = [0] * (10 ** 10)
except MemoryError as e:
    print("MemoryError 1", repr(e))
try:
    s = "ab" * (1 << 31)
except MemoryError:
    print("MemoryError 2")
chunks = []
try:
    while True:
        chunks.append("y" * (1 << 24))
except MemoryError:
    n = len(chunks)
    chunks = None
    print("MemoryError 3", n > 0)
print("alive")
'''

DEPTH_AND_SIZE = '''
import sys
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("RecursionError", e)
def g(n):
    return 0 if n == 0 else 1 + g(n - 1)
print(g(900))
sys.setrecursionlimit(5000)
print(g(4000))
s = "z" * 50_000_000
print(len(s), len(s.split("q")), s[-3:])
big = list(range(3_000_000))
print(sum(big), len(big[::7]))
'''

BAD_DATA = 'data = open("bad.txt", encoding="utf-8").read()\n'


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (600 * 1024 * 1024, 600 * 1024 * 1024))


def build(tmp_path, name, text):
    (tmp_path / (name + ".py")).write_text(text)
    p = subprocess.run([sys.executable, "-m", "pyrite.cli", "build", name + ".py", "-o", name], cwd=str(tmp_path),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    assert p.returncode == 0, p.stderr.decode()
    return os.path.join(str(tmp_path), name)


def both(tmp_path, name, exe, preexec=None):
    want = subprocess.run([sys.executable, name + ".py"], cwd=str(tmp_path), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=120, preexec_fn=preexec)
    got = subprocess.run([exe], cwd=str(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120,
                         preexec_fn=preexec)
    return want, got


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS")
def test_memory_error_under_a_memory_limit(tmp_path):
    exe = build(tmp_path, "mem", MEMORY)
    want, got = both(tmp_path, "mem", exe, limit_memory)
    assert want.stdout.decode().splitlines()[-1] == "alive"
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode), got.stderr.decode()


def test_recursion_and_big_values(tmp_path):
    exe = build(tmp_path, "deep", DEPTH_AND_SIZE)
    want, got = both(tmp_path, "deep", exe)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode), got.stderr.decode()


def test_invalid_utf8_in_a_data_file(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"ok\xff\xfe\n")
    exe = build(tmp_path, "bad", BAD_DATA)
    want, got = both(tmp_path, "bad", exe)
    assert got.returncode == want.returncode == 1
    assert got.stderr.decode().splitlines()[-1] == want.stderr.decode().splitlines()[-1]


def test_invalid_utf8_in_a_source_file_is_a_diagnostic(tmp_path):
    (tmp_path / "badsrc.py").write_bytes(b'print("a\xff")\n')
    p = subprocess.run([sys.executable, "-m", "pyrite.cli", "build", "badsrc.py", "-o", "badsrc"],
                       cwd=str(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    assert p.returncode == 1
    assert p.stderr.decode().startswith("badsrc.py:1:1: error: cannot read source ('utf-8' codec can't decode")
