"""The native target: an executable for the host (baseline CPU, so binaries are portable and
valgrind can profile them), run by exec."""
import os
import sys

from pyrite.targets.base import Target, register


@register
class NativeTarget(Target):
    name = "native"
    triple = None
    cflags = ("-O2", "-mcpu=baseline")
    ldflags = ("-lm",)

    def run(self, path, argv):
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(path, argv)
