"""The CPython-extension target: `pyrite build mod.py --target ext` writes mod<EXT_SUFFIX> (for this
interpreter: mod.cpython-311-x86_64-linux-gnu.so), a module CPython imports. The runtime and the
compiled program are linked into it; runtime/platform/ext.c is the bridge (value conversions, exceptions,
standard streams) and the entry code below exposes the module's exported names
(frontend/exports.py) as CPython functions and values.

Each exported function is a CPython builtin function (METH_FASTCALL | METH_KEYWORDS) with the def's
name, docstring and text signature (so help() and inspect.signature() show its parameters and
defaults; CPython's text signatures carry no annotations). A call
converts the arguments, calls the compiled function's generic entry (keywords, defaults, *args and
**kwargs as in Python) and converts the result back; a function fully annotated with int, float, bool
or str parameters is called through its typed instance directly when CPython passes exactly those
types.
"""
import os
import sysconfig

from pyrite.codegen.c_names import c_string
from pyrite.ir.rtypes import OBJ, I64, F64, BOOL, VOID
from pyrite.targets.base import Target, register

EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
PY_INCLUDE = sysconfig.get_paths()["include"]

# annotation name -> (C type, argument check, representation the typed instance must take)
ARG_KINDS = {"int": ("int64_t", "PyrtExt_ArgI64", I64), "float": ("double", "PyrtExt_ArgF64", F64),
             "bool": ("int8_t", "PyrtExt_ArgBool", BOOL)}
RESULTS = {I64: "PyrtExt_FromI64", F64: "PyrtExt_FromF64", BOOL: "PyrtExt_FromBool"}

DECLS = """
typedef struct { const char *name; void *fn; const char *doc; } PyrtExtExport;
void *PyrtExt_Call(PyrtObject *fn, void *const *args, intptr_t nargs, void *kwnames);
void *PyrtExt_InitModule(const char *name, const char *doc, int (*init)(void), const PyrtExtExport *exports,
                         PyrtModuleDef *def);
int PyrtExt_ArgI64(void *o, int64_t *out);
int PyrtExt_ArgF64(void *o, double *out);
int PyrtExt_ArgBool(void *o, int8_t *out);
PyrtObject *PyrtExt_ArgStr(void *o);
void *PyrtExt_FromI64(int64_t v);
void *PyrtExt_FromF64(double v);
void *PyrtExt_FromBool(int v);
void *PyrtExt_None(void);
void *PyrtExt_Raise(void);
void *PyrtExt_Result(PyrtObject *r);
typedef struct { void *v; size_t n, cap; } PyrtExtMemo;
int PyrtExt_ArgsIn(void *const *args, intptr_t n, PyrtObject **out, PyrtExtMemo *m);
void *PyrtExt_ArgsOut(PyrtObject *r, int failed, PyrtObject **in, intptr_t n, PyrtExtMemo *m);
"""


@register
class ExtTarget(Target):
    name = "ext"
    triple = None
    cflags = ("-O2", "-mcpu=baseline", "-fPIC", "-fvisibility=hidden", "-I", PY_INCLUDE)
    ldflags = ("-shared", "-lm", "-s", "-Wl,--gc-sections")
    suffix = EXT_SUFFIX
    platform = "ext"
    exports_module = True

    def main_module_name(self, path):
        return os.path.splitext(os.path.basename(path))[0]

    def entry_c(self, init_cname, prog=None):
        mod = prog.main
        out = [DECLS]
        table = []
        for i, e in enumerate(prog.exports):
            if e.func is None:
                table.append("    {%s, NULL, NULL}," % c_string(e.name))
                continue
            wrapper = "pyx_export_%d" % i
            out += _wrapper(wrapper, e)
            doc = ""
            if e.text_signature is not None:   # (CPython's convention for builtins: inspect reads it)
                doc = "%s%s\n--\n\n" % (e.name, e.text_signature)
            if e.doc is not None:
                doc += e.doc
            table.append("    {%s, (void *)%s, %s}," % (c_string(e.name), wrapper, c_string(doc) if doc else "NULL"))
        table.append("    {NULL, NULL, NULL}")
        out.append("static const PyrtExtExport pyx_exports[] = {")
        out += table
        out.append("};")
        out.append("static int pyx_start(void) {")
        out.append("    pyrt_init_constants();")
        out.append("    pygc_start();")
        out.append("    return %s();" % init_cname)
        out.append("}")
        out.append("__attribute__((visibility(\"default\"))) void *PyInit_%s(void) {" % mod.name)
        out.append("    return PyrtExt_InitModule(%s, %s, pyx_start, pyx_exports, &%s);"
                   % (c_string(mod.name), c_string(prog.module_doc) if prog.module_doc else "NULL",
                      mod.object_cname))
        out.append("}")
        return "\n".join(out)

    def run(self, path, argv):
        raise ValueError("an extension module is imported by CPython, not run: "
                         "`pyrite build %s --target ext`, then `import` it" % os.path.basename(path))


def _wrapper(cname, e):
    """The CPython entry of an exported function: a fast path per typed instance (tried in order),
    the generic entry (through the function object) otherwise."""
    out = ["static void *%s(void *self, void *const *args, intptr_t nargs, void *kwnames) {" % cname,
           "    (void)self;"]
    for f, kinds in e.typed:
        out += _fast_path(f, kinds) or []
    out += _direct_path(e.func)
    out.append("    return PyrtExt_Call(%s, args, nargs, kwnames);" % e.funcobj.cname)
    out.append("}")
    return out


def _direct_path(f):
    """A call passing exactly the positional parameters (no keywords, no defaults, no *args or
    **kwargs) to a function whose parameters are objects: converted and passed to its C entry
    directly, without the generic entry's argument parsing."""
    spec = f.argspec
    if spec is None or f.has_closure or spec.varargs or spec.varkw or spec.nkwonly or f.is_generator:
        return []
    if any(p.rtype is not OBJ for p in f.params) or len(f.params) != spec.npos:
        return []
    if f.ret not in RESULTS and f.ret not in (VOID, OBJ):
        return []
    n = len(f.params)
    if n == 0 and f.ret in (VOID, OBJ):   # (nothing to convert: no memo)
        out = ["    if (nargs == 0 && kwnames == NULL) {",
               "        if (Pyrt_EnterCall()) return PyrtExt_Raise();",
               "        %s r = %s();" % (f.ret.c_type, f.cname),
               "        Pyrt_LeaveCall();",
               "        Pyrt_FlushStdout();"]
        if f.ret is VOID:
            out.append("        return r < 0 ? PyrtExt_Raise() : PyrtExt_None();")
        else:
            out.append("        return PyrtExt_Result(r);")
        out.append("    }")
        return out
    out = ["    if (nargs == %d && kwnames == NULL) {" % n,
           "        PyrtObject *a[%d]; PyrtExtMemo m = {0};" % max(n, 1),
           "        if (PyrtExt_ArgsIn(args, %d, a, &m) < 0) return NULL;" % n,
           "        if (Pyrt_EnterCall()) return PyrtExt_ArgsOut(NULL, 1, a, %d, &m);" % n]
    call = "%s(%s)" % (f.cname, ", ".join("a[%d]" % i for i in range(n)))
    out.append("        %s r = %s;" % (f.ret.c_type, call))
    out.append("        Pyrt_LeaveCall();")
    if f.ret is OBJ:
        out.append("        return PyrtExt_ArgsOut(r, r == NULL, a, %d, &m);" % n)
    elif f.ret is VOID:
        out.append("        return PyrtExt_ArgsOut(r < 0 ? NULL : Pyrt_None, r < 0, a, %d, &m);" % n)
    else:
        out.append("        if (%s) return PyrtExt_ArgsOut(NULL, 1, a, %d, &m);" % (f.ret.err_test % "r", n))
        out.append("        return PyrtExt_ArgsOut(%s(r), 0, a, %d, &m);" % (f.ret.box, n))
    out.append("    }")
    return out


def _fast_path(f, kinds):
    if f.has_closure or len(f.params) != len(kinds):
        return None
    if f.ret not in RESULTS and f.ret not in (VOID, OBJ):
        return None
    decls, checks, args, release = [], [], [], []
    for i, (k, p) in enumerate(zip(kinds, f.params)):
        v = "a%d" % i
        if k == "str":
            if p.rtype is not OBJ:
                return None
            decls.append("PyrtObject *%s = NULL;" % v)
            checks.append("(%s = PyrtExt_ArgStr(args[%d])) != NULL" % (v, i))
            release.append("Pyrt_XDecRef(%s);" % v)
        else:
            ctype, check, rt = ARG_KINDS[k]
            if p.rtype is not rt:
                return None
            decls.append("%s %s;" % (ctype, v))
            checks.append("%s(args[%d], &%s)" % (check, i, v))
        args.append(v)
    out = ["    if (nargs == %d && kwnames == NULL) {" % len(kinds)]
    out += ["        " + d for d in decls]
    out.append("        if (%s) {" % (" && ".join(checks) or "1"))
    out.append("            if (Pyrt_EnterCall()) { %s return PyrtExt_Raise(); }" % " ".join(release))
    call = "%s(%s)" % (f.cname, ", ".join(args))
    out.append("            %s r = %s;" % (f.ret.c_type, call))
    out.append("            Pyrt_LeaveCall();")
    out += ["            " + r for r in release]
    out.append("            Pyrt_FlushStdout();")
    if f.ret is VOID:
        out.append("            return r < 0 ? PyrtExt_Raise() : PyrtExt_None();")
    elif f.ret is OBJ:
        out.append("            return PyrtExt_Result(r);")
    else:
        out.append("            if (%s) return PyrtExt_Raise();" % (f.ret.err_test % "r"))
        out.append("            return %s(r);" % RESULTS[f.ret])
    out.append("        }")
    out += ["        " + r for r in release]
    out.append("    }")
    return out
