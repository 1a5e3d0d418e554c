"""What a compilation target is: a zig triple and flags, how outputs are named, the C entry point the
program gets, and how a built output is run. Targets are looked up by name (`get_target("wasi")`);
later targets (web, CPython extension) add a subclass here and a module beside this one.

    t = get_target("wasi")
    t.output_name("prog")       -> "prog.wasm"
    t.entry_c("pyinit_main")    -> the C `main` that runs the program's top level
    t.run(path, argv)           -> exit status (wasmtime for wasi, exec for native)
"""


class Target:
    name = None
    triple = None            # zig -target value; None: the host
    cflags = ()              # program compile flags (optimisation, CPU features)
    ldflags = ()
    runtime_opt = None       # optimisation level of the runtime library when it differs from the program's
    runtime_hot = ()         # runtime sources compiled at the program's level even so (the hot paths)
    suffix = ""              # output file suffix
    platform = "posix"       # the runtime/platform/<platform>.c linked for this target
    exports_module = False   # the output is a module others import (its public names are exported)

    def side_files(self, prog, out_path, tree):
        """Files written beside the output (the web target's mod.js and mod.d.ts); their paths."""
        return []

    def main_module_name(self, path):
        """The __name__ the program's main file runs as."""
        return "__main__"

    def output_name(self, base):
        return base + self.suffix

    def target_flags(self):
        return ["-target", self.triple] if self.triple else []

    def entry_c(self, init_cname, prog=None):
        """C text of the program's entry point: runs the main module's top level, reports an uncaught
        exception like CPython and returns its exit status."""
        return "\n".join([
            "int main(int argc, char **argv) {",
            "    Pyrt_Init(argc, argv);",
            "    pyrt_init_constants();",
            "    pygc_start();",
            "    int status = 0;",
            "    if (%s() < 0) status = Pyrt_HandleUncaught();" % init_cname,
            "    Pyrt_RunAtexit();" if prog is not None and any(m.name == "atexit" for m in prog.modules) else "",
            "    pyexit_clear();   /* what CPython's shutdown shows (codegen/emit_module.py) */",
            "    return Pyrt_Finalize(status);",
            "}"])

    def run(self, path, argv):
        raise NotImplementedError

    def fingerprint(self):
        """What, besides the sources, decides the compiled output (runtime cache keys)."""
        return repr((self.name, self.triple, tuple(self.cflags), tuple(self.ldflags), self.runtime_opt,
                     tuple(self.runtime_hot), self.platform))


_TARGETS = {}


def register(cls):
    _TARGETS[cls.name] = cls()
    return cls


def get_target(name):
    """The Target called name (ValueError naming the known targets otherwise)."""
    from pyrite.targets import native, wasi, ext, web   # noqa: F401 (they register themselves)
    if name not in _TARGETS:
        raise ValueError("unknown target %r (%s)" % (name, " or ".join(sorted(_TARGETS))))
    return _TARGETS[name]


def target_names():
    from pyrite.targets import native, wasi, ext, web   # noqa: F401
    return sorted(_TARGETS)
