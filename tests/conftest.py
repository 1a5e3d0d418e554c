"""Test configuration: the case-file parser is importable, and --update-golden rewrites [out] sections."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
os.environ["PYRITE_VERIFY"] = "1"   # verify_ir after every pass in every compilation the tests make


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the [out] sections of golden case files with the current output")
