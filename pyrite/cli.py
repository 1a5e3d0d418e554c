"""Command-line entry point: `pyrite build|run|check` (the compiler) and `pyrite startup ...` (the import archive)."""
import sys


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "startup":
        from pyrite.startup.cli import main as startup_main
        return startup_main(argv[1:])
    from pyrite.driver_cli import main as compiler_main
    return compiler_main(argv)


if __name__ == "__main__":
    sys.exit(main())
