"""Cross-compilation (`pyrite build prog.py --platform P`, targets/native.py:PLATFORMS): one program built
for each platform. Linux x86-64 (static musl) runs here; Linux aarch64 runs under qemu-user when it is
installed (Debian's qemu-user) and is otherwise checked by its file format, as macOS is. Outputs are
compared with CPython's. .ci/run warms these targets' runtime libraries before the tests."""
import os
import shutil
import struct
import subprocess
import sys

import pytest

from pyrite import driver

PROG = '''\
import math
import sys
acc = 0.0
for i in range(1000):
    acc = acc * 0.999 + 1.25          # (no fused multiply-add: Python rounds twice)
print(repr(acc), math.sqrt(2), 2 ** 100, 7 // -2, -7 % 3, round(2.675, 2))
print(sorted({"b": 1, "a": 2}.items()), "héllo".upper(), [x * x for x in range(5)])
try:
    [][1]
except IndexError as e:
    print("caught", e)
sys.exit(3)
'''


@pytest.fixture(scope="module")
def prog(tmp_path_factory):
    d = tmp_path_factory.mktemp("cross")
    p = d / "prog.py"
    p.write_text(PROG)
    ref = subprocess.run([sys.executable, str(p)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return d, p, ref


def build(d, p, plat):
    out = str(d / ("prog-" + plat))
    driver.build(str(p), "native-" + plat, out)
    with open(out, "rb") as f:
        head = f.read(64)
    return out, head


def test_linux_x86_64_static_runs_like_cpython(prog):
    d, p, ref = prog
    out, head = build(d, p, "linux-x86_64")
    assert head[:4] == b"\x7fELF" and struct.unpack_from("<H", head, 18)[0] == 62   # EM_X86_64
    r = subprocess.run([out], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert (r.returncode, r.stdout) == (ref.returncode, ref.stdout)
    assert not elf_has_interpreter(out)   # fully static: no dynamic loader


def elf_has_interpreter(path):
    with open(path, "rb") as f:
        data = f.read()
    phoff, = struct.unpack_from("<Q", data, 32)
    phentsize, phnum = struct.unpack_from("<HH", data, 54)
    return any(struct.unpack_from("<I", data, phoff + i * phentsize)[0] == 3 for i in range(phnum))   # PT_INTERP


def test_linux_aarch64(prog):
    d, p, ref = prog
    out, head = build(d, p, "linux-aarch64")
    assert head[:4] == b"\x7fELF" and struct.unpack_from("<H", head, 18)[0] == 183   # EM_AARCH64
    qemu = shutil.which("qemu-aarch64") or shutil.which("qemu-aarch64-static")
    if qemu is None:
        pytest.skip("qemu-user is not installed: the aarch64 executable is checked by its format only")
    r = subprocess.run([qemu, out], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert (r.returncode, r.stdout) == (ref.returncode, ref.stdout)


def test_macos_aarch64_is_a_mach_o_arm64_executable(prog):
    d, p, ref = prog
    out, head = build(d, p, "macos-aarch64")
    magic, cputype, _, filetype = struct.unpack_from("<IIII", head, 0)
    assert (magic, cputype, filetype) == (0xFEEDFACF, 0x0100000C, 2)   # MH_MAGIC_64, CPU_TYPE_ARM64, MH_EXECUTE


def test_windows_x86_64_is_a_pe_console_executable(prog):
    d, p, ref = prog
    out, head = build(d, p, "windows-x86_64")
    with open(out, "rb") as f:
        data = f.read(4096)
    pe, = struct.unpack_from("<I", data, 0x3C)
    assert data[:2] == b"MZ" and data[pe:pe + 4] == b"PE\0\0"
    assert struct.unpack_from("<H", data, pe + 4)[0] == 0x8664                 # IMAGE_FILE_MACHINE_AMD64
    opt = pe + 24
    assert struct.unpack_from("<H", data, opt)[0] == 0x20B                      # PE32+
    assert struct.unpack_from("<H", data, opt + 68)[0] == 3                     # IMAGE_SUBSYSTEM_WINDOWS_CUI
    wine = shutil.which("wine64") or shutil.which("wine")
    if wine is None:
        pytest.skip("wine is not installed: the Windows executable is checked by its format only")
    r = subprocess.run([wine, out], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert (r.returncode, r.stdout) == (ref.returncode, ref.stdout)


def test_unknown_platform_is_an_error(tmp_path):
    (tmp_path / "p.py").write_text("print(1)\n")
    r = subprocess.run([sys.executable, "-m", "pyrite.cli", "build", "p.py", "--platform", "beos-ppc"],
                       cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert r.returncode != 0 and b"unknown platform 'beos-ppc'" in r.stderr
