"""`pyrite check`: per function, what was inferred and which values are boxed (dynamic), and why."""
from pyrite.types import model as m


def _display(name):
    """Comprehension variables are renamed apart (`x.c1`) in the compiler: show them as written."""
    if ".c" in name and not name.startswith("."):
        base = name.split(".")[0]
        return "%s (comprehension variable)" % base
    return name


def _line(name, slot):
    t = m.resolved(slot.get())
    s = "    %s: %s" % (_display(name), m.show(t))
    if t is m.DYN:
        reason = slot.find().reason or "no single type could be inferred"
        s += "   [boxed: %s]" % reason
    return s


def format_report(inf):
    out = []
    for mod in inf.modules.values():
        out.append("module %s (%s)" % (mod.name, mod.src.display_path))
        for name in sorted(mod.globals):
            out.append(_line(name, mod.globals[name]))
    for ci in inf.all_classes:
        out.append("class %s" % ci.qualname)
        for name in sorted(ci.fields):
            out.append(_line("." + name, ci.fields[name].slot))
    for fi in inf.all_funcs:
        head = "def %s" % fi.qualname
        if fi.origin is not None:
            head += "   [instance for %s]" % ", ".join(m.show(p.slot.get()) for p in fi.params)
        elif fi.instances:
            head += "   [%d instances by argument types; this one serves the rest]" % len(fi.instances)
        if fi.escaped:
            head += "   [called dynamically: %s]" % fi.escape_reason
        out.append(head)
        params = {p.name for p in fi.params}
        for p in fi.params:
            out.append(_line("param " + p.name, p.slot))
        for name in sorted(fi.locals):
            if name not in params:
                out.append(_line(name, fi.locals[name]))
        if fi.is_generator:
            out.append(_line("yields", fi.yield_slot))
        else:
            out.append(_line("returns", fi.ret))
    return "\n".join(out) + "\n"
