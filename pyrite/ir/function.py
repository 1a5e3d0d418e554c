"""Functions, blocks, classes, globals and whole programs in IR form (data only)."""
from pyrite.ir.ops import Declared


class BasicBlock(Declared):
    FIELDS = ("label", "ops", "is_error_exit")

    def __init__(self, label):
        self.label = label
        self.ops = []
        self.is_error_exit = False

    @property
    def terminated(self):
        """Ends in a terminator (goto, branch, return, unreachable) or an op that always raises."""
        from pyrite.ir.ops import ends_block
        return bool(self.ops) and ends_block(self.ops[-1])

    def successors(self):
        from pyrite.ir.ops import Goto, Branch
        if not self.ops:
            return []
        last = self.ops[-1]
        succ = []
        if isinstance(last, Goto):
            succ.append(last.target)
        elif isinstance(last, Branch):
            succ += [last.true, last.false]
        for op in self.ops:
            if op.handler is not None and op.can_fail():
                succ.append(op.handler)
        return succ

    def __repr__(self):
        return "L%s" % self.label


class FuncIR(Declared):
    """One compiled function: typed entry `cname`, generic (boxed, vectorcall) entry `generic_cname`."""
    FIELDS = ("name", "cname", "qualname", "source_file", "params", "ret", "blocks", "registers",
              "is_generator", "has_closure", "closure_reg", "error_exit", "line", "generic_cname",
              "argspec", "yield_count", "entry", "is_module_init", "done_cname", "recursive",
              "global_writes", "module_name", "py_params", "default_vars", "funcobj_var", "coroutine",
              "self_check", "param_checks")
    coroutine = None        # a generator that is a "coroutine" or an "async_generator" (async def)
    entry = None            # the first block of the body (after the error exit)
    is_module_init = False  # runs a module's top level (once: done_cname guards it)
    done_cname = None
    recursive = True        # on a cycle of direct calls: counts depth for RecursionError
    global_writes = None    # module globals it may store (None: unknown, any)
    module_name = None
    py_params = ()          # the Python-level parameters' registers (the generic entry's order)
    default_vars = None     # parameter index -> GlobalVar holding its default value
    funcobj_var = None      # GlobalVar holding the function object
    # (GlobalVar of the class, class name) for a method compiled for instances of its class: its generic
    # entry checks self (C.method(1) reaches it with any object; CPython's TypeError for descriptors)
    self_check = None
    # {index: (GlobalVar of the class, class name)}: other parameters typed as instances of a class,
    # checked by the generic entry the same way (TypeError, never a read of another layout)
    param_checks = None

    def __init__(self, name, cname, qualname, source_file):
        self.name = name
        self.cname = cname
        self.qualname = qualname
        self.source_file = source_file
        self.params = []          # Registers, in C order (closure tuple first when has_closure)
        self.ret = None           # RType
        self.blocks = []
        self.registers = []
        self.is_generator = False
        self.has_closure = False
        self.closure_reg = None
        self.error_exit = None    # block: add traceback entry, clean up, return error value
        self.line = 0
        self.generic_cname = None
        self.argspec = None       # ArgSpecIR for the generic entry, or None (no generic entry)
        self.yield_count = 0

    def new_block(self):
        from pyrite.ir.function import BasicBlock
        b = BasicBlock(len(self.blocks))
        self.blocks.append(b)
        return b


class ArgSpecIR:
    """Python-level signature, for the generic entry's argument parsing and default filling."""

    def __init__(self, names, npos, nposonly, nkwonly, varargs, varkw, ndefaults, kwdefault_names):
        self.names = names
        self.npos, self.nposonly, self.nkwonly = npos, nposonly, nkwonly
        self.varargs, self.varkw = varargs, varkw
        self.ndefaults = ndefaults            # trailing positional params with defaults
        self.kwdefault_names = kwdefault_names


class GlobalVar:
    """A module-level variable (a C static) or other static slot."""

    def __init__(self, cname, rtype, pyname, module, dynamic=True):
        self.cname, self.rtype, self.pyname, self.module = cname, rtype, pyname, module
        self.dynamic = dynamic   # holds any object (inferred `object`): dynamic code may store anything
        self.named = False       # a Python-visible module global (not a function's defaults or the like)
        # can hold (or reach) an object with a finalizer: cleared at exit (codegen emit_exit_clear);
        # False for strs, numbers, functions, classes and modules, which stay for the __del__ that run then
        self.finalizable = True


class FieldIR:
    def __init__(self, name, cname, rtype, bit):
        self.name, self.cname, self.rtype, self.bit = name, cname, rtype, bit


class ClassIR:
    def __init__(self, name, cname, module, base, builtin_base):
        self.name, self.cname, self.module = name, cname, module
        self.base = base                  # ClassIR or None
        self.builtin_base = builtin_base  # C name of a builtin base type (PyrtType_Exception) or None
        self.own_fields = []              # FieldIR declared in this class
        self.type_var = None              # GlobalVar holding the PyrtType *

    def field(self, name):
        for f in self.all_fields():
            if f.name == name:
                return f
        raise KeyError(name)

    def all_fields(self):
        inherited = self.base.all_fields() if self.base else []
        return inherited + self.own_fields

    def struct_base(self):
        if self.base is not None:
            return "struct %s" % self.base.cname
        if self.builtin_base and self.builtin_base != "PyrtType_Object":
            return "PyrtBaseException"
        return "PyrtInstance"


class ModuleIR(Declared):
    FIELDS = ("name", "path", "functions", "globals", "classes", "init", "done_cname", "init_cname",
              "object_cname", "binding_order", "stdlib")
    stdlib = False       # a standard-library (or pyrite/lib) module: its own C units when the build splits
    binding_order = ()   # global names in the order the module's top level first binds them (globals())
    done_cname = None   # the C flag set once the module's top level has run
    init_cname = None   # the C function running the module's top level
    object_cname = None   # the PyrtModuleDef of its module object, when the program uses one as a value

    def __init__(self, name, path):
        self.name, self.path = name, path
        self.functions = []
        self.globals = []
        self.classes = []
        self.init = None          # FuncIR running the module body


class ExtExport:
    """A name a module built as a CPython extension exposes (targets/ext.py emits the entry code)."""
    def __init__(self, name, func=None, funcobj=None, text_signature=None, doc=None, typed=()):
        self.name = name
        self.func = func                      # FuncIR of an exported def (None: a value read at import)
        self.funcobj = funcobj                # GlobalVar holding its function object
        self.text_signature = text_signature  # "(a, b=1, *, c)" (its __text_signature__), or None
        self.doc = doc                        # its docstring, or None
        # [(FuncIR of a typed instance, the scalar kind of each parameter: "int", "float", "bool", "str")]:
        # the instances made for its annotated signature and the decorator's observed ones
        self.typed = typed


class ProgramIR:
    def __init__(self):
        self.modules = []
        self.main = None
        self.exports = None   # [ExtExport] when the program is built as a CPython extension
        self.module_doc = None   # (then) the main module's docstring
        self.dynamic_import = False   # __import__ is called: every module registers itself at start-up
        self.n_inline_caches = 0   # attribute/method sites on boxed receivers (static PyrtAttrCache pyrt_ic[n])
