"""`pyrite build | run | check`: argument handling, the build cache, diagnostics on stderr.

pyrite build PROG.py [--target native|wasi|web|ext] [-o OUT] [--emit-c] [--dump-ir] [--dump-ir-after=PASS]
                     [--verify] [--show-commands] [--keep]
pyrite run   PROG.py [--target native|wasi] [pyrite options] [--] [ARGS...]
pyrite check PROG.py
"""
import hashlib
import json
import os
import sys

USAGE = __doc__.split("\n", 2)[2]
FLAGS = {"--emit-c", "--dump-ir", "--show-commands", "--keep", "--verify", "--exact-ints", "--int64", "--keep-unused"}


COMMAND_HELP = {
    "build": """usage: pyrite build PROG.py [--target native|wasi|ext] [-o OUT] [options]

Compile PROG.py (and the modules it imports) to a native executable, a WASI .wasm, or an extension
module CPython imports (ext: PROG.cpython-3XX-<platform>.so, for the interpreter running pyrite).
  --target native|wasi|ext  what to build (default native)
  --platform P           cross-compile the native executable: linux-x86_64 and linux-aarch64 (static,
                         musl), macos-aarch64, macos-x86_64, windows-x86_64 (PROG.exe)
  -o OUT                 output path (default: PROG, PROG.wasm for wasi, PROG<EXT_SUFFIX> for ext)
  --emit-c               write the generated C instead
  --dump-ir              print the IR after the whole pipeline
  --dump-ir-after=PASS   print the IR after one pass
  --verify               verify the IR after every pass
  --int64                typed ints are 64-bit: faster on int-heavy code, and an int beyond 64 bits
                         raises OverflowError there. By default ints are exact everywhere (CPython's
                         arbitrary precision); --exact-ints says so explicitly
  --keep-unused          keep the standard-library functions nothing in the program names (by
                         default they are left out: faster builds, smaller outputs)
  --show-commands        print the zig cc command lines
  --keep                 keep the build directory (the generated C)
""",
    "run": """usage: pyrite run PROG.py [--target native|wasi] [options] [--] [ARGS...]

Build PROG.py (cached by content hash) and run it with ARGS; stdin, stdout, stderr and the exit
status pass through. The options are those of `pyrite build`; arguments after PROG.py that are
not pyrite options (or everything after --) go to the program.
""",
    "check": """usage: pyrite check PROG.py

Print the types whole-program inference gives every variable, field, parameter and return value,
and for each value held boxed (as `object`), why.
""",
}


def parse(argv):
    if not argv or argv[0] in ("-h", "--help"):
        return None
    cmd, rest = argv[0], argv[1:]
    if cmd in COMMAND_HELP and rest[:1] in (["-h"], ["--help"]):
        return cmd, "help"
    opts = {"target": "native", "out": None, "flags": set(), "prog": None, "args": [], "dump_after": None}
    i = 0
    while i < len(rest):
        a = rest[i]
        if a == "--":
            opts["args"] = rest[i + 1:]
            break
        valued = next((o for o in ("target", "platform") if a == "--" + o or a.startswith("--%s=" % o)), None)
        if valued is not None:   # --target X, --target=X (and --platform)
            if "=" in a:
                opts[valued] = a.split("=", 1)[1]
            else:
                i += 1
                opts[valued] = rest[i] if i < len(rest) else ""
        elif a == "-o":
            i += 1
            opts["out"] = rest[i] if i < len(rest) else None
        elif a in FLAGS:
            opts["flags"].add(a)
        elif a.startswith("--dump-ir-after="):
            opts["dump_after"] = a.split("=", 1)[1]
        elif opts["prog"] is None and not a.startswith("-"):
            opts["prog"] = a
        elif opts["prog"] is not None:
            opts["args"] = rest[i:]
            break
        else:
            raise SystemExit("pyrite: unknown option %s\n%s" % (a, USAGE))
        i += 1
    from pyrite.targets.base import get_target
    if opts.get("platform"):
        from pyrite.targets.native import PLATFORMS
        if opts["target"] != "native":
            raise SystemExit("pyrite: --platform builds native executables (--target native), not %s"
                             % opts["target"])
        if opts["platform"] not in PLATFORMS:
            raise SystemExit("pyrite: unknown platform %r (%s)" % (opts["platform"], ", ".join(sorted(PLATFORMS))))
        opts["target"] = "native-" + opts["platform"]
    try:
        get_target(opts["target"])
    except ValueError as e:
        raise SystemExit("pyrite: %s" % e)
    return cmd, opts


def main(argv):
    parsed = parse(argv)
    if parsed is not None and parsed[1] == "help":
        sys.stdout.write(COMMAND_HELP[parsed[0]])
        return 0
    if parsed is None or parsed[1]["prog"] is None:
        print(USAGE, file=sys.stderr)
        return 2
    cmd, opts = parsed
    if not os.path.isfile(opts["prog"]):
        print("pyrite: %s: no such file" % opts["prog"], file=sys.stderr)
        return 2
    handlers = {"build": cmd_build, "run": cmd_run, "check": cmd_check}
    if cmd not in handlers:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        return handlers[cmd](opts)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as e:   # a bug in pyrite: say so plainly, no traceback unless asked for
        if os.environ.get("PYRITE_DEBUG"):
            raise
        print("pyrite: internal error while compiling %s: %s: %s; this is a pyrite bug, please report "
              "it (PYRITE_DEBUG=1 shows the traceback)" % (opts["prog"], type(e).__name__, e), file=sys.stderr)
        return 1


def report(err):
    from pyrite.diagnostics import CompileError
    from pyrite.toolchain.zig import ToolchainError
    if isinstance(err, CompileError):
        for d in err.diagnostics:
            print(d.format(), file=sys.stderr)
        return 1
    if isinstance(err, ToolchainError):
        print("pyrite: internal error: %s; this is a pyrite bug, please report it "
              "(run with --keep to keep the generated C)" % err, file=sys.stderr)
        if os.environ.get("PYRITE_DEBUG"):
            print(err.log, file=sys.stderr)
        return 1
    raise err


def default_out(prog, target):
    from pyrite.targets.base import get_target
    return get_target(target).output_name(os.path.splitext(os.path.basename(prog))[0])


def build_out(prog, target, out):
    """The output path for -o OUT: a directory given for a web build holds PROG.wasm (and .js, .d.ts)."""
    if out is None:
        return default_out(prog, target)
    if target == "web" and (os.path.isdir(out) or out.endswith(("/", os.sep)) or not out.endswith(".wasm")):
        os.makedirs(out, exist_ok=True)
        return os.path.join(out, default_out(prog, target))
    return out


def cmd_build(opts):
    from pyrite import driver
    from pyrite.diagnostics import CompileError
    from pyrite.toolchain.zig import ToolchainError
    prog, target = opts["prog"], opts["target"]
    out = build_out(prog, target, opts["out"]) if "--emit-c" not in opts["flags"] else \
        (opts["out"] or default_out(prog, target))
    flags = opts["flags"]
    if "--verify" in flags:
        os.environ["PYRITE_VERIFY"] = "1"   # verify_ir after every pass of this build
    if "--exact-ints" in flags:
        os.environ["PYRITE_EXACT_INTS"] = "1"
    if "--int64" in flags:
        os.environ["PYRITE_EXACT_INTS"] = "0"
    if "--keep-unused" in flags:
        os.environ["PYRITE_KEEP_UNUSED"] = "1"
    try:
        if opts["dump_after"]:
            try:
                _, _, ir_text = driver.compile_to_c(prog, target=target, dump_after=opts["dump_after"])
            except ValueError as e:
                print("pyrite: %s" % e, file=sys.stderr)
                return 2
            sys.stdout.write(ir_text)
            return 0
        if "--emit-c" in flags or "--dump-ir" in flags:
            c_text, _, ir_text = driver.compile_to_c(prog, dump_ir="--dump-ir" in flags, target=target)
            if "--emit-c" in flags:
                # -o names the C file itself; without it, PROG.c
                c_out = opts["out"] or os.path.splitext(out)[0] + ".c"
                with open(c_out, "w") as f:
                    f.write(c_text)
                print("pyrite: wrote %s" % c_out, file=sys.stderr)
            if ir_text is not None:
                sys.stdout.write(ir_text)
            if "--emit-c" in flags:
                return 0   # the C instead of an executable (it used to be overwritten by -o OUT)
        keep = None
        if "--keep" in flags:
            keep = os.path.abspath(os.path.splitext(out)[0] + ".pyrite-build")
            os.makedirs(keep, exist_ok=True)
        driver.build(prog, target, out, "--show-commands" in flags, keep)
        if keep:
            print("pyrite: kept %s" % keep, file=sys.stderr)
    except (CompileError, ToolchainError) as e:
        return report(e)
    return 0


def cmd_check(opts):
    from pyrite.diagnostics import CompileError
    from pyrite.frontend.modules import load_program
    from pyrite.frontend.subset_check import check_module
    from pyrite.types.infer import infer_program
    from pyrite.types.report import format_report
    try:
        from pyrite.driver import sort_diagnostics
        program = load_program(opts["prog"])
        errors = list(program.errors)
        for mod in program.modules.values():
            errors += check_module(mod.display_path, mod.tree)
        if errors:
            raise CompileError(sort_diagnostics(errors))
        inf = infer_program(program)
    except CompileError as e:
        return report(e)
    sys.stdout.write(format_report(inf))
    return 0


# ---------------------------------------------------------------------- run (with a build cache)
def compiler_fingerprint():
    """Changes whenever pyrite itself changes (stat only: cheap on every run)."""
    import pyrite
    root = os.path.dirname(pyrite.__file__)
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and d != "startup")
        for f in sorted(filenames):
            if f.endswith((".py", ".c", ".h", ".pyi")):
                st = os.stat(os.path.join(dirpath, f))
                h.update(("%s/%s:%d:%d" % (dirpath, f, st.st_size, st.st_mtime_ns)).encode())
    return h.hexdigest()[:16]


def file_hash(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def cached_build(prog, target, show):
    """Path of an up-to-date build of prog, compiling only when a source or pyrite changed."""
    from pyrite import driver
    from pyrite.toolchain.cache import cache_dir, atomic_write
    key = hashlib.sha256(("%s|%s|%s|%s" % (os.path.abspath(prog), target, compiler_fingerprint(),
                                           os.environ.get("PYRITE_EXACT_INTS")) + "|" + os.environ.get("PYRITE_KEEP_UNUSED", "")).encode()).hexdigest()[:24]
    d = os.path.join(cache_dir(), "builds")
    os.makedirs(d, exist_ok=True)
    index = os.path.join(d, key + ".json")
    from pyrite.targets.base import get_target
    out = os.path.join(d, key + (get_target(target).suffix or ".exe"))
    try:
        with open(index) as f:
            deps = json.load(f)
        if os.path.exists(out) and all(os.path.exists(p) and file_hash(p) == h for p, h in deps.items()):
            return out
    except (OSError, ValueError):
        pass
    from pyrite.frontend.modules import load_program
    driver.build(prog, target, out, show)
    program = load_program(prog)
    deps = {m.path: file_hash(m.path) for m in program.modules.values()}
    atomic_write(index, json.dumps(deps).encode())
    return out


def cmd_run(opts):
    from pyrite.diagnostics import CompileError
    from pyrite.toolchain.zig import ToolchainError
    prog, target = opts["prog"], opts["target"]
    if "--exact-ints" in opts["flags"]:
        os.environ["PYRITE_EXACT_INTS"] = "1"
    if "--int64" in opts["flags"]:
        os.environ["PYRITE_EXACT_INTS"] = "0"
    if "--keep-unused" in opts["flags"]:
        os.environ["PYRITE_KEEP_UNUSED"] = "1"
    from pyrite.targets.base import get_target
    t = get_target(target)
    if t.exports_module:
        what = "a web module is loaded by JavaScript (its .js file)" if target == "web" else \
            "an extension module is imported by CPython"
        print("pyrite: %s, not run: `pyrite build %s --target %s`, then import it" % (what, prog, target),
              file=sys.stderr)
        return 2
    try:
        exe = cached_build(prog, target, "--show-commands" in opts["flags"])
    except (CompileError, ToolchainError) as e:
        return report(e)
    try:
        return t.run(exe, [prog] + opts["args"])
    except ValueError as e:   # (an executable for another machine)
        print("pyrite: %s" % e, file=sys.stderr)
        return 2
