"""Test configuration: the case-file parser is importable, and --update-golden rewrites [out] sections."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the [out] sections of golden case files with the current output")
