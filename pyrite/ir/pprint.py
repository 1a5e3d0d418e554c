"""Readable text of IR (for --dump-ir and golden tests)."""
from pyrite.ir import ops


def format_value(v):
    if isinstance(v, ops.Register):
        return "%" + v.name
    if isinstance(v, tuple):
        return "&" + format_value(v[1])
    return str(v)


def format_op(op):
    name = type(op).__name__
    fields = []
    for k, v in vars(op).items():
        if k in ("line", "handler", "dest") or v is None:
            continue
        if isinstance(v, (list, tuple)):
            v = "[" + ", ".join(format_value(x) for x in v) + "]"
        elif hasattr(v, "label") and hasattr(v, "ops"):
            v = "L%d" % v.label
        elif hasattr(v, "cname") and not isinstance(v, ops.Register):
            v = v.cname
        else:
            v = format_value(v)
        fields.append("%s=%s" % (k, v))
    dest = "%s = " % format_value(op.dest) if op.dest is not None else ""
    h = "  -> L%d" % op.handler.label if op.handler is not None and op.can_fail() else ""
    return "%s%s(%s)%s" % (dest, name, ", ".join(fields), h)


def format_function(fn):
    lines = ["def %s(%s) -> %s:" % (fn.cname, ", ".join("%%%s: %s" % (p.name, p.rtype) for p in fn.params), fn.ret)]
    for b in fn.blocks:
        lines.append("  L%d:%s" % (b.label, "  (error exit)" if b.is_error_exit else ""))
        for op in b.ops:
            lines.append("    " + format_op(op))
    return "\n".join(lines)


def format_program(prog):
    out = []
    for mod in prog.modules:
        out.append("# module %s" % mod.name)
        for fn in [mod.init] + mod.functions:
            out.append(format_function(fn))
    return "\n".join(out) + "\n"
