"""Every prefix of generated C names, in one place, and a generator of unique, valid C identifiers."""
import re

FUNC = "pyf_"          # typed entry of a compiled function
GENERIC = "pyg_"       # generic (vectorcall) entry
GEN_RESUME = "pyr_"    # generator resume function
GEN_FRAME = "pyfr_"    # generator frame struct
GLOBAL = "pyv_"        # module global variable
DEFINED = "pyd_"       # 'is defined' flag of an unboxed global
CLASS = "pyc_"         # instance struct of a compiled class
CLASS_TYPE = "pyt_"    # the PyrtType * of a compiled class
FIELD = "f_"           # instance field
CONST = "pyk_"         # constant table
MODINIT = "pym_"       # module init function
MODDONE = "pymd_"      # module initialised flag
ARGSPEC = "pya_"       # argument spec of a generic entry
DEFAULT = "pydf_"      # default value of a parameter (module-level functions)
FUNCOBJ = "pyo_"       # function object of a module-level function
REG = "r_"             # registers


class NameGen:
    def __init__(self):
        self.used = set()

    def make(self, prefix, *parts):
        base = prefix + "_".join(_clean(p) for p in parts if p)
        name = base
        n = 1
        while name in self.used:
            n += 1
            name = "%s_%d" % (base, n)
        self.used.add(name)
        return name


def _clean(s):
    s = re.sub(r"[^0-9A-Za-z_]", "_", str(s))
    return s or "x"


def c_string(s):
    """A C string literal for UTF-8 text (escapes everything non-printable-ASCII)."""
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif 32 <= b < 127 and c != "?":
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'
