"""The compiler pipeline, one call per stage. Each returns data; nothing here prints."""
import os

from pyrite.diagnostics import CompileError


def exact_ints(program=None):
    """Does typed code hold ints as tagged arbitrary-precision ints (CPython's semantics)? The default;
    --int64 (PYRITE_EXACT_INTS=0) asks for 64-bit ints (OverflowError beyond), except in a program
    that compiles one of EXACT_INT_MODULES."""
    return os.environ.get("PYRITE_EXACT_INTS") != "0" or (
        program is not None and any(name in program.modules for name in EXACT_INT_MODULES))


# standard-library modules whose arithmetic needs ints beyond 64 bits (decimal's coefficients are ints
# of `prec` digits; fractions' numerators and denominators grow without bound): with 64-bit typed ints
# they would stop with OverflowError on ordinary inputs
EXACT_INT_MODULES = ("_pydecimal", "fractions")


def build_ir(path, target="native", display_path=None):
    """Python program (main file + its imports) -> typed IR. Raises CompileError with diagnostics.
    A target that builds an importable module (ext) names the main module after its file and exports
    its public names (frontend/exports.py)."""
    from pyrite.frontend.modules import load_program
    from pyrite.frontend.subset_check import check_module
    from pyrite.types.infer import infer_program
    from pyrite.build_ir.functions import build_program
    from pyrite.build_ir.builder import IntMode

    from pyrite.targets.base import get_target
    t = get_target(target) if isinstance(target, str) else target
    program = load_program(path, t.main_module_name(path), display_path)   # parse, resolve imports
    IntMode.exact = exact_ints(program)                            # 64-bit or arbitrary-precision ints
    if t.exports_module:
        from pyrite.frontend.exports import exported_names, add_signature_calls
        program.exports = exported_names(program.main.tree)
        add_signature_calls(program.main.tree, program.exports)
    from pyrite.frontend import prune
    if prune.enabled():
        prune.prune_program(program)                               # drop what nothing names
    try:
        errors = list(program.errors)
        for mod in program.modules.values():                       # reject what cannot compile
            errors += check_module(mod.display_path, mod.tree)
        if errors:
            raise CompileError(sort_diagnostics(errors))
        inf = infer_program(program)                               # whole-program type inference
        return build_program(inf), inf                             # typed IR
    except CompileError as e:
        raise CompileError(at_user_imports(program, e.diagnostics)) from None


def at_user_imports(program, diagnostics):
    """A diagnostic inside a standard-library module is reported once, at the program's import
    that brought that module in (the user can change their import, not the standard library):
        main.py:1:1: error: module 'asyncio' of the standard library cannot be compiled yet: ...
    """
    from pyrite.diagnostics import Diagnostic
    by_path = {m.display_path: m for m in program.modules.values() if m.stdlib}
    out, reported = [], set()
    for d in diagnostics:
        mod = by_path.get(d.path)
        if mod is None:
            out.append(d)
            continue
        top, site = mod, mod.imported_at
        while site is not None and site[0].stdlib:
            top, site = site[0], site[0].imported_at
        if site is None or id(top) in reported:
            continue
        reported.add(id(top))
        importer, line, col = site
        out.append(Diagnostic(importer.display_path, line, col,
                              "module '%s' of the standard library cannot be compiled yet: %s (%s:%d:%d)"
                              % (top.name, d.message, d.path, d.line, d.col)))
    return sort_diagnostics(out)


def sort_diagnostics(errors):
    """Every diagnostic of a build, by file and position (each once)."""
    seen, out = set(), []
    for d in sorted(errors, key=lambda d: (d.path, d.line, d.col)):
        if d.format() not in seen:
            seen.add(d.format())
            out.append(d)
    return out


def pass_pipeline():
    """The IR passes in the order they run (names are what --dump-ir-after accepts)."""
    from pyrite.passes.check_uninit import check_uninit
    from pyrite.passes.insert_refcounts import insert_refcounts, fuse_moves
    from pyrite.passes.borrow_temps import borrow_temps, borrow_locals
    return [check_uninit, insert_refcounts, borrow_temps, borrow_locals, fuse_moves]


def run_passes(prog, upto=None, verify=None):
    """The IR passes, in order, on every function, stopping after the pass named `upto` when given;
    verify_ir before the first and after each (when verify, or PYRITE_VERIFY=1)."""
    from pyrite.ir.verify import verify_function
    if verify is None:
        verify = os.environ.get("PYRITE_VERIFY") == "1"
    passes = pass_pipeline()
    if upto is not None and upto not in [p.__name__ for p in passes]:
        raise ValueError("unknown pass %r (passes: %s)" % (upto, ", ".join(p.__name__ for p in passes)))
    for mod in prog.modules:
        for fn in mod.functions + [mod.init]:
            for ir_pass in [None] + passes:
                if ir_pass is not None:
                    ir_pass(fn)
                if verify:
                    verify_function(fn)
                if ir_pass is not None and ir_pass.__name__ == upto:
                    break


def compile_to_c(path, dump_ir=False, target="native", dump_after=None, verify=None, split=False,
                 display_path=None, on_program=None):
    """Python program -> C text (and the inference results, and the IR text when asked: after all
    passes, or after the pass named dump_after). split: a list of (unit name, C text) instead, the
    library modules in units of their own (codegen/emit_module.py:emit_program)."""
    from pyrite.codegen.emit_module import emit_program
    from pyrite.targets.base import get_target
    prog, inf = build_ir(path, target, display_path)               # frontend, inference, IR
    if dump_after is not None:
        from pyrite.ir.pprint import format_program
        run_passes(prog, upto=dump_after, verify=verify)
        return None, inf, format_program(prog)
    run_passes(prog, verify=verify)                                # passes
    if on_program is not None:
        on_program(prog, inf)
    ir_text = None
    if dump_ir:
        from pyrite.ir.pprint import format_program
        ir_text = format_program(prog)
    return emit_program(prog, get_target(target), split=split), inf, ir_text          # C text


def build(path, target, out_path, show_commands=False, keep_dir=None, display_path=None):
    """Compile a program to an executable (native), a .wasm (wasi) or an extension module (ext).
    Returns out_path. display_path: what diagnostics and tracebacks call the main file (default path)."""
    from pyrite.toolchain.zig import compile_units
    import tempfile
    from pyrite.targets.base import get_target
    t = get_target(target) if isinstance(target, str) else target
    seen = []
    units, _, _ = compile_to_c(path, target=target, split=True, display_path=display_path,
                               on_program=lambda prog, inf: seen.append((prog, inf)))
    work = keep_dir or tempfile.mkdtemp(prefix="pyrite-")
    tmp_out = out_path + ".tmp%d" % os.getpid()
    try:
        compile_units(units, work, tmp_out, target, show_commands)
        os.replace(tmp_out, out_path)
        prog, inf = seen[0]
        t.side_files(prog, out_path, inf.program.main.tree)
    finally:
        if os.path.exists(tmp_out):
            os.unlink(tmp_out)
        if keep_dir is None:
            import shutil
            shutil.rmtree(work, ignore_errors=True)
    return out_path
