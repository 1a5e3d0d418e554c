"""Command-line entry point: `pyrite build|run|check` (the compiler) and `pyrite startup ...` (the import archive)."""
import sys

HELP = """usage: pyrite COMMAND ...

Compile a whole Python program ahead of time, or speed up the start of an unmodified CPython app.

  pyrite build PROG.py [--target native|wasi|web|ext] [-o OUT]  an executable, a .wasm, a web module
                                                          (PROG.wasm, .js, .d.ts) or a CPython extension
  pyrite run   PROG.py [--target native|wasi] [ARGS...]   build (cached) and run it
  pyrite check PROG.py                                    the inferred types; what is boxed and why
  pyrite serve [DIR] [--port N]                           serve a folder for trying a web module
  pyrite startup record|run|bench|install|uninstall|info  the start-up archive for CPython apps

  pyrite COMMAND --help    options of one command
  pyrite --version         the version
"""


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        (sys.stdout if argv else sys.stderr).write(HELP)
        return 0 if argv else 2
    if argv[0] in ("-V", "--version"):
        from pyrite import __version__
        print("pyrite %s" % __version__)
        return 0
    if argv[0] == "serve":
        from pyrite.serve import main as serve_main
        return serve_main(argv[1:])
    if argv[0] == "startup":
        from pyrite.startup.cli import main as startup_main
        return startup_main(argv[1:])
    from pyrite.driver_cli import main as compiler_main
    return compiler_main(argv)


if __name__ == "__main__":
    sys.exit(main())
