"""Warm the zig and pyrite caches once per target (zig builds libc on its first compile per target:
20-40 s on a clean machine), so later builds and tests take their normal time.

usage: python -m pyrite.toolchain.warm [native] [wasi]
"""
import os
import sys
import tempfile
import time

from pyrite import driver
from pyrite.targets.base import get_target, target_names


def warm(target):
    t0 = time.time()
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "hello.py")
        with open(src, "w") as f:
            f.write('print("hello")\n')
        driver.build(src, target, os.path.join(d, get_target(target).output_name("hello")))
    print("warmed %s in %.1f s" % (target, time.time() - t0))


if __name__ == "__main__":
    for t in sys.argv[1:] or target_names():
        warm(t)
