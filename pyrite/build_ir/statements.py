"""Lowering of statements: assignment, control flow, loops, try/except/finally, with, imports.

try/finally and with are lowered by duplicating the cleanup code on every way out (normal exit,
exception, return, break, continue), as CPython's own compiler does; no runtime state machine.
"""
import ast

from pyrite.ir import ops
from pyrite.ir.rtypes import OBJ, I64, BOOL, PTR
from pyrite.types import model as m
from pyrite.build_ir.builder import V, Unwind, rtype_of, IntMode
from pyrite.build_ir import expressions as ex
from pyrite.build_ir import calls


def transform_block(b, stmts):
    for s in stmts:
        transform_stmt(b, s)


def transform_stmt(b, node):
    b.line = node.lineno
    fn = globals().get("transform_" + type(node).__name__)
    if fn is None:
        b.pb.unsupported(b.mod, node, "this statement (%s)" % type(node).__name__)
        return
    fn(b, node)
    if _syncs_globals(b) and not isinstance(node, COMPOUND) and not b.cur.terminated:
        # globals()[k] = v, globals().update(...): the compiled globals take the dict's values
        b.c_void("PyrtModule_GlobalsSyncIn", [b.pb.module_object(b.mod.name)])


COMPOUND = (ast.If, ast.For, ast.While, ast.Try, ast.With, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef,
            ast.Return, ast.Raise, ast.Break, ast.Continue)


def _syncs_globals(b):
    """The function (or module body) being lowered calls globals() in a module that stores through it."""
    key = id(b.finfo)
    cache = b.pb.__dict__.setdefault("_syncs_globals", {})
    r = cache.get(key)
    if r is None:
        tree = b.mod.src.tree
        from pyrite.frontend.subset_check import module_globals_writes
        writes = module_globals_writes(b.mod.src)
        node = getattr(b.finfo, "node", None)
        if node is None or isinstance(node, ast.Module):
            scope = [s for s in tree.body if not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
        else:
            scope = [node]
        r = bool(writes) and any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "globals"
                                 and not n.args for s in scope for n in ast.walk(s))
        cache[key] = r
    return r


def transform_Expr(b, node):
    ex.transform_expr(b, node.value)


def transform_Pass(b, node):
    pass


def transform_Global(b, node):
    pass


transform_Nonlocal = transform_Global


# ---------------------------------------------------------------------- assignment
def transform_Assign(b, node):
    if len(node.targets) == 1 and isinstance(node.targets[0], (ast.Tuple, ast.List)) \
            and isinstance(node.value, (ast.Tuple, ast.List)) \
            and len(node.targets[0].elts) == len(node.value.elts) \
            and not any(isinstance(e, ast.Starred) for e in node.targets[0].elts + node.value.elts):
        # a, b = b, a: evaluate every item into a temporary first, then assign
        vals = []
        for e in node.value.elts:
            v = ex.transform_expr(b, e)
            tmp = b.temp(v.reg.rtype)
            b.add(ops.Assign(tmp, v.reg))
            vals.append(V(tmp, v.t))
        for target, v in zip(node.targets[0].elts, vals):
            assign(b, target, v)
        return
    v = ex.transform_expr(b, node.value)
    for target in node.targets:
        assign(b, target, v)


def transform_AnnAssign(b, node):
    if node.value is not None:
        assign(b, node.target, ex.transform_expr(b, node.value))
    if b.class_info is not None and node.simple:   # a class body: __annotations__[name] = annotation
        from pyrite.types.infer import future_annotations
        if future_annotations(b.mod.src.tree):
            ann = b.const_obj(ast.unparse(node.annotation))
        else:
            ann = b.box(ex.transform_expr(b, node.annotation))
        b.c_void("pyrt_class_annotate", [b.class_dict, ex._cstr(node.target.id), ann])


def assign(b, target, v):
    if isinstance(target, ast.Name):
        ex.store_name(b, target.id, v)
    elif isinstance(target, ast.Attribute):
        obj = ex.transform_expr(b, target.value)
        ex.store_attr(b, obj, target.attr, v)
    elif isinstance(target, ast.Subscript):
        ex.store_subscript(b, target, v)
    elif isinstance(target, (ast.Tuple, ast.List)):
        unpack(b, target.elts, v)
    else:
        b.pb.unsupported(b.mod, target, "this assignment target")


def unpack(b, elts, v):
    star = [i for i, e in enumerate(elts) if isinstance(e, ast.Starred)]
    if isinstance(v.t, m.TupleT) and not star and len(v.t.items) == len(elts):
        items = [_item_copy(b, v, TUPLE_ITEM, i, t) for i, t in enumerate(v.t.items)]
        for e, it in zip(elts, items):
            assign(b, e, it)
        return
    if isinstance(v.t, m.ListT) and not star:
        # CPython takes every item before the first store; so do we (stores may release the list)
        b.c_void("PyrtList_UnpackCheck", [v.reg, str(len(elts))])
        elem = m.resolved(v.t.elem.get())
        kind = ex.list_kind(v.t)
        if kind == "PYRT_LIST_I64" and IntMode.exact:
            items = [b.c_call("pyrt_list_item_int", [v.reg, str(i)], elem) for i in range(len(elts))]
        elif kind is not None:
            if kind == "PYRT_LIST_I64":   # (OverflowError for a big int in a list of objects)
                items = [b.c_call("pyrt_list_item_i64c", [v.reg, str(i)], elem) for i in range(len(elts))]
            else:
                items = [b.expr("list_item_f64_at", [v.reg, str(i)], elem) for i in range(len(elts))]
        else:
            b.c_void("pyrt_list_objects", [v.reg])
            items = [_item_copy(b, v, LIST_ITEM, i, elem) for i in range(len(elts))]
        for e, it in zip(elts, items):
            assign(b, e, it)
        return
    before = star[0] if star else len(elts)
    after = len(elts) - before - 1 if star else 0
    dests = [b.temp(OBJ) for _ in elts]
    b.add(ops.Unpack(dests, b.box(v), before, bool(star), after))
    elem = m.resolved(m.elem_of(v.t))
    for e, d in zip(elts, dests):
        if isinstance(e, ast.Starred):
            assign(b, e.value, V(d, m.ListT(m.Slot(elem))))
        else:
            assign(b, e, V(d, elem))


TUPLE_ITEM = "tuple_item_borrowed_at"
LIST_ITEM = "list_item_borrowed_at"   # (after pyrt_list_objects)


def _owned(b, v):
    """An unboxed copy or an owned reference of v (which may be borrowed)."""
    if v.reg.rtype is not PTR:
        return v
    if rtype_of(v.t) is not OBJ:
        return b.coerce(v, v.t)
    r = b.temp(OBJ)
    b.add(ops.Assign(r, v.reg))
    return V(r, v.t)


def _item_copy(b, seq, prim, i, t):
    """Item i of a tuple or list whose length is known: unboxed values are read out, objects get
    their own reference, so the item outlives later stores."""
    p = b.expr(prim, [seq.reg, str(i)], m.DYN, rtype=PTR)
    return _owned(b, V(p.reg, t))


def transform_AugAssign(b, node):
    target = node.target
    t = b.type_of(target)
    if isinstance(target, ast.Name):
        cur = ex.load_name(b, target.id)
        r = ex.binop(b, node.op, cur, ex.transform_expr(b, node.value), t, inplace=True)
        ex.store_name(b, target.id, r)
    elif isinstance(target, ast.Attribute):
        obj = ex.transform_expr(b, target.value)
        cur = ex.load_attr(b, obj, target.attr, b.type_of(target))
        r = ex.binop(b, node.op, cur, ex.transform_expr(b, node.value), t, inplace=True)
        ex.store_attr(b, obj, target.attr, r)
    elif isinstance(target, ast.Subscript):
        obj = ex.transform_expr(b, target.value)
        if isinstance(target.slice, ast.Slice):
            parts = ex.slice_parts(b, target.slice)
            cur = b.c_call("Pyrt_GetSlice", [b.box(obj)] + parts, m.DYN)
            r = ex.binop(b, node.op, cur, ex.transform_expr(b, node.value), m.DYN, inplace=True)
            b.c_void("Pyrt_SetSlice", [b.box(obj)] + parts + [b.box(r)])
            return
        idx = ex.transform_expr(b, target.slice)
        et = m.resolved(b.finfo.types.get(target, m.DYN))
        cur = b.coerce(ex.getitem(b, obj, idx, et), et)
        r = ex.binop(b, node.op, cur, ex.transform_expr(b, node.value), et, inplace=True)
        ex.setitem(b, obj, idx, r)


def transform_Delete(b, node):
    for t in node.targets:
        if isinstance(t, ast.Name):
            kind = ex.name_kind(b, t.id)
            if kind == "local":
                reg = b.local_reg(t.id)
                b.add(ops.CheckBound(reg, t.id))
                b.add(ops.Unbind(reg))
            elif kind == "global":
                b.add(ops.DelStatic(b.pb.global_var(b.mod, t.id)))
                ex.sync_globals_dict(b, b.mod, t.id, None)
            elif kind == "cell":
                b.c_void("pyrt_cell_del", [b.cells[t.id], ex._cstr(t.id), "0"])
            elif kind == "free":
                b.c_void("pyrt_cell_del", [ex.free_cell(b, t.id), ex._cstr(t.id), "1"])
            else:   # a name of a class body
                b.c_void("pyrt_class_ns_del", [b.class_dict, ex._cstr(t.id)])
        elif isinstance(t, ast.Subscript):
            obj = ex.transform_expr(b, t.value)
            if isinstance(t.slice, ast.Slice):
                b.c_void("Pyrt_DelSlice", [b.box(obj)] + ex.slice_parts(b, t.slice))
            else:
                b.c_void("Pyrt_DelItem", [b.box(obj), b.box(ex.transform_expr(b, t.slice))])
        elif isinstance(t, ast.Attribute):
            obj = ex.transform_expr(b, t.value)
            b.c_void("Pyrt_DelAttr", [b.box(obj), b.const_obj(t.attr)])
        else:
            for e in t.elts:
                transform_Delete(b, ast.Delete([e]))


# ---------------------------------------------------------------------- control flow
def transform_If(b, node):
    yes, no, done = b.new_block(), b.new_block(), b.new_block()
    ex.cond_branch(b, node.test, yes, no)
    b.set_block(yes)
    transform_block(b, node.body)
    b.goto(done)
    b.set_block(no)
    transform_block(b, node.orelse)
    b.goto(done)
    b.set_block(done)


def transform_While(b, node):
    top, body, orelse, done = b.new_block(), b.new_block(), b.new_block(), b.new_block()
    b.goto(top)
    b.set_block(top)
    ex.cond_branch(b, node.test, body, orelse)
    b.set_block(body)
    b.loops.append((top, done, len(b.unwind)))
    transform_block(b, node.body)
    b.loops.pop()
    b.goto(top)
    b.set_block(orelse)
    transform_block(b, node.orelse)
    b.goto(done)
    b.set_block(done)


def transform_Break(b, node):
    cont, brk, depth = b.loops[-1]
    run_unwind(b, depth)
    b.goto(brk)


def transform_Continue(b, node):
    cont, brk, depth = b.loops[-1]
    run_unwind(b, depth)
    b.goto(cont)


def transform_Return(b, node):
    if b.fn.is_generator:
        v = ex.transform_expr(b, node.value) if node.value is not None else None
        if v is not None:
            b.c_void("pyrt_gen_set_return", ["g", b.box(v)])
        run_unwind(b, 0)
        b.add(ops.Return(None))
        return
    t = m.resolved(b.finfo.ret.get())
    if node.value is not None:
        v = ex.transform_expr(b, node.value)
    else:
        v = b.lit(None)
    if b.fn.ret.name == "void":
        run_unwind(b, 0)
        b.add(ops.Return(None))
        return
    v = b.coerce(v, t)
    if b.unwind:
        keep = b.temp(OBJ if v.reg.rtype is PTR else v.reg.rtype)   # owned across the cleanups
        b.add(ops.Assign(keep, v.reg))
        v = V(keep, v.t)
        run_unwind(b, 0)
    b.add(ops.Return(v.reg))


def run_unwind(b, depth):
    """Emit the cleanups of every region being left (innermost first) down to `depth`."""
    saved_handlers = list(b.handlers)
    saved_unwind = list(b.unwind)
    for i in range(len(saved_unwind) - 1, depth - 1, -1):
        u = saved_unwind[i]
        b.unwind = saved_unwind[:i]
        b.handlers = list(u.handler)
        if u.kind == "finally":
            transform_block(b, u.data)
        elif u.kind == "handled":
            b.c_void("Pyrt_ExcExitHandler", [u.data])
        elif u.kind == "with":
            none = b.lit(None)
            b.vcall("Pyrt_CallMethod", [u.data, b.const_obj("__exit__")], [none, none, none], None)
    b.handlers = saved_handlers
    b.unwind = saved_unwind


def transform_Raise(b, node):
    if node.exc is None:
        handling = [u for u in b.unwind if u.kind == "handled" and u.line is not None]
        if handling:   # the traceback keeps the line that raised what is handled, as in CPython
            b.expr("set_error_line", [handling[-1].line], m.INT)
        b.c_void("Pyrt_Reraise", [])
        if handling:
            b.cur.ops[-1].keep_line = True
        return
    exc = b.box(ex.transform_expr(b, node.exc))
    cause = b.box(ex.transform_expr(b, node.cause)) if node.cause is not None else "NULL"
    b.c_void("Pyrt_Raise", [exc, cause])


def transform_Assert(b, node):
    ok, fail = b.new_block(), b.new_block()
    ex.cond_branch(b, node.test, ok, fail)
    b.set_block(fail)
    cls = V(b.expr("builtin_type", ["AssertionError"], m.DYN, rtype=PTR).reg, m.DYN)
    args = [ex.transform_expr(b, node.msg)] if node.msg is not None else []
    e = calls.call_object(b, cls, args, {}, m.DYN)
    b.c_void("Pyrt_Raise", [e.reg, "NULL"])
    b.set_block(ok)


# ---------------------------------------------------------------------- loops
def transform_For(b, node):
    body_blk, orelse, done = b.new_block(), b.new_block(), b.new_block()

    def body():
        b.loops.append((cont_holder[0], done, len(b.unwind)))
        transform_block(b, node.body)
        b.loops.pop()
    cont_holder = [None]
    for_loop(b, node.iter, node.target, body, orelse, cont_holder)
    b.set_block(orelse)
    transform_block(b, node.orelse)
    b.goto(done)
    b.set_block(done)
    del body_blk


def for_loop(b, iter_node, target, body, exit_block, cont_holder=None):
    """Lower `for target in iter: body`; control reaches exit_block when the iterator is exhausted.
    cont_holder[0] receives the block that `continue` jumps to."""
    info = b.finfo.calls.get(iter_node) if isinstance(iter_node, ast.Call) else None
    if info == ("builtin", "range") and not iter_node.keywords and 1 <= len(iter_node.args) <= 3 \
            and all(b.type_of(a) in (m.INT, m.BOOL) for a in iter_node.args) \
            and not any(isinstance(a, ast.Starred) for a in iter_node.args):
        return range_loop(b, iter_node, target, body, exit_block, cont_holder)
    if info == ("builtin", "enumerate") and not iter_node.keywords and 1 <= len(iter_node.args) <= 2 \
            and isinstance(b.type_of(iter_node.args[0]), m.ListT) \
            and all(b.type_of(a) in (m.INT, m.BOOL) for a in iter_node.args[1:]) \
            and isinstance(target, (ast.Tuple, ast.List)) and len(target.elts) == 2 \
            and not any(isinstance(e, ast.Starred) for e in target.elts):
        lst = ex.transform_expr(b, iter_node.args[0])
        start = b.as_i64(ex.transform_expr(b, iter_node.args[1])) if len(iter_node.args) == 2 else None
        return list_loop(b, lst, None, None, body, exit_block, cont_holder,
                         counter=(target.elts[0], target.elts[1], start))
    if info == ("builtin", "reversed") and not iter_node.keywords and len(iter_node.args) == 1 \
            and b.type_of(iter_node.args[0]) is m.RANGE and not isinstance(iter_node.args[0], ast.Starred):
        r = ex.transform_expr(b, iter_node.args[0])
        return range_object_loop(b, r, target, body, exit_block, cont_holder, reverse=True)
    it_v = ex.transform_expr(b, iter_node)
    elem_t = m.resolved(b.finfo.types.get(target, m.DYN))
    if isinstance(it_v.t, m.ListT):
        return list_loop(b, it_v, target, elem_t, body, exit_block, cont_holder)
    if it_v.t is m.RANGE:
        return range_object_loop(b, it_v, target, body, exit_block, cont_holder)
    it = b.c_call("Pyrt_GetIter", [b.box(it_v)], m.DYN)
    item_t = m.resolved(m.elem_of(it_v.t)) if not isinstance(it_v.t, m.InstanceT) else elem_t
    iterator_loop(b, it.reg, target, item_t, body, exit_block, cont_holder)


def iterator_loop(b, it, target, item_t, body, exit_block, cont_holder):
    """for target in <iterator register it>: next() until exhausted (NULL without an exception)."""
    top, got, ended = b.new_block(), b.new_block(), b.new_block()
    if cont_holder is not None:
        cont_holder[0] = top
    b.goto(top)
    b.set_block(top)
    x = b.temp(OBJ)
    b.add(ops.CallC(x, "Pyrt_IterNext", [it], ops.ERR_NEVER))
    b.branch(b.expr("is_not_null", [x], m.BOOL).reg, got, ended)
    b.set_block(ended)
    b.add(ops.ErrCheck())
    b.goto(exit_block)
    b.set_block(got)
    assign(b, target, V(x, item_t))
    body()
    b.goto(top)


def list_loop(b, lst, target, elem_t, body, exit_block, cont_holder, counter=None):
    """for target in <list>: an index loop that re-reads the length (the list may change, as
    CPython's list iterator sees). The loop holds its own reference, so rebinding the variable that
    named the list inside the body changes nothing (and frees nothing). counter: for
    `for k, x in enumerate(<list>, start)`, (k target, x target, start value)."""
    keep = b.temp(OBJ)
    b.add(ops.Assign(keep, b.box(lst)))
    lst = V(keep, lst.t)
    _index_loop(b, lambda i: b.expr("list_index_ok", [i, lst.reg], m.BOOL).reg,
                exit_block, cont_holder, lambda i: _list_loop_item(b, lst, target, body, counter, i))


def _list_loop_item(b, lst, target, body, counter, i):
    kind = ex.list_kind(lst.t)
    if kind == "PYRT_LIST_I64" and IntMode.exact:
        x = b.c_call("pyrt_list_item_int", [lst.reg, i], m.resolved(lst.t.elem.get()))
    elif kind is not None:
        if kind == "PYRT_LIST_I64":   # (OverflowError for a big int in a list of objects)
            x = b.c_call("pyrt_list_item_i64c", [lst.reg, i], m.resolved(lst.t.elem.get()))
        else:
            x = b.expr("list_item_f64", [lst.reg, i], m.resolved(lst.t.elem.get()))
    else:
        b.c_void("pyrt_list_objects", [lst.reg])   # (the body may have stored another kind of item)
        x = b.expr("list_item_borrowed", [lst.reg, i], m.DYN, rtype=PTR)
    if counter is None:
        assign(b, target, V(x.reg, m.resolved(lst.t.elem.get())))
    else:
        k_target, x_target, start = counter
        item = _owned(b, V(x.reg, m.resolved(lst.t.elem.get())))   # taken before the first store
        k = b.checked("PyrtI64_Add", [start, i], m.INT) if start is not None else V(i, m.INT)
        assign(b, k_target, k)
        assign(b, x_target, item)
    body()


def _index_loop(b, test, exit_block, cont_holder, each):
    """The skeleton of a loop over indexes 0, 1, ...: while test(i) (a bool register), each(i)
    (which runs the body); `continue` goes to the increment."""
    i = b.temp(I64)
    b.add(ops.LoadLiteral(i, 0))
    top, got, step = b.new_block(), b.new_block(), b.new_block()
    if cont_holder is not None:
        cont_holder[0] = step
    b.goto(top)
    b.set_block(top)
    b.branch(test(i), got, exit_block)
    b.set_block(got)
    each(i)
    b.goto(step)
    b.set_block(step)
    b.add(ops.Expr(i, "i64_add_small", [i, "1"]))
    b.goto(top)


def range_loop(b, call, target, body, exit_block, cont_holder):
    args = [b.as_i64(ex.transform_expr(b, a)) for a in call.args]
    if len(args) == 1:
        start, stop, step = None, args[0], 1
    elif len(args) == 2:
        start, stop, step = args[0], args[1], 1
    else:
        start, stop = args[0], args[1]
        c = call.args[2]
        step = c.value if isinstance(c, ast.Constant) and isinstance(c.value, int) and c.value != 0 else args[2]
    i = b.temp(I64)
    if start is None:
        b.add(ops.LoadLiteral(i, 0))
    else:
        b.add(ops.Assign(i, start))
    stop_r = b.temp(I64)
    b.add(ops.Assign(stop_r, stop))
    if not isinstance(step, int):
        step_r = b.temp(I64)
        b.add(ops.Assign(step_r, step))
        b.c_void("pyrt_range_check_step", [step_r])
    top, got, inc = b.new_block(), b.new_block(), b.new_block()
    if cont_holder is not None:
        cont_holder[0] = inc
    b.goto(top)
    b.set_block(top)
    if isinstance(step, int):
        b.branch(b.expr("i64_lt" if step > 0 else "i64_gt", [i, stop_r], m.BOOL).reg, got, exit_block)
    else:
        b.branch(b.expr("range_continues", [i, stop_r, step_r], m.BOOL).reg,
                 got, exit_block)
    b.set_block(got)
    assign(b, target, V(i, m.INT))
    body()
    b.goto(inc)
    b.set_block(inc)
    if isinstance(step, int):
        if step in (1, -1):   # i stays within [start, stop]: no overflow
            b.add(ops.Expr(i, "i64_add_small", [i, str(step)]))
        else:                 # range(0, 2**63 - 1, 2): the last step would wrap around; stop there
            b.add(ops.Expr(i, "range_next", [i, str(step), stop_r]))
    else:
        b.add(ops.Expr(i, "range_next", [i, step_r, stop_r]))
    b.goto(top)


def range_object_loop(b, r, target, body, exit_block, cont_holder, reverse=False):
    """for target in <a range object> (or reversed(<range object>)): a counted loop over its resolved
    start, step and length (a range is immutable; the loop holds its own reference)."""
    keep = b.temp(OBJ)
    b.add(ops.Assign(keep, b.box(r)))
    start = b.expr("range_start", [keep], m.INT)
    step = b.expr("range_step", [keep], m.INT)
    n = b.expr("range_length", [keep], m.INT)

    def each(k):
        if reverse:   # (start + index * step stays within the range's bounds: no overflow)
            i = b.expr("range_item_reversed", [start.reg, step.reg, n.reg, k], m.INT)
        else:
            i = b.expr("range_item", [start.reg, step.reg, k], m.INT)
        assign(b, target, i)
        body()
    _index_loop(b, lambda k: b.expr("i64_lt", [k, n.reg], m.BOOL).reg, exit_block, cont_holder, each)


def comprehension_loops(b, gens, innermost):
    """Nested loops of a comprehension; `innermost` emits the element."""
    def level(k):
        if k == len(gens):
            innermost()
            return
        g = gens[k]
        done = b.new_block()
        holder = [None]

        def body():
            for cond in g.ifs:
                ok = b.new_block()
                ex.cond_branch(b, cond, ok, holder[0])
                b.set_block(ok)
            level(k + 1)
        for_loop(b, g.iter, g.target, body, done, holder)
        b.set_block(done)
    level(0)


# ---------------------------------------------------------------------- exceptions
def transform_Try(b, node):
    if node.finalbody:
        return try_finally(b, node)
    try_except(b, node.body, node.handlers, node.orelse)


def begin_handling(b):
    """At a handler block: take the pending exception and mark it "being handled". Returns
    (exc, token, inner): `inner` is the handler for exceptions raised while handling."""
    exc = b.c_call("Pyrt_ErrFetch", [], m.DYN)
    token = b.c_call("Pyrt_ExcEnterHandler", [exc.reg], m.DYN, rtype=PTR)
    b.handling_line = b.expr("error_line", [], m.INT).reg   # where it was raised (for a bare `raise`)
    return exc, token, b.new_block()


def reraise_pending(b, exc, token):
    """Stop handling and raise the taken exception again."""
    b.c_void("Pyrt_ExcExitHandler", [token.reg])
    # (handing the reference over: the handled exception is not kept alive by this frame)
    b.add(ops.CallC(None, "pyrt_err_restore_steal", [exc.reg], ops.ERR_ALWAYS, moves=(0,)))
    b.cur.ops[-1].keep_line = True   # the traceback names the line that raised, not the handler's


def propagate_from(b, inner, exc, token):
    """The `inner` block: an exception raised while handling leaves the handled state and propagates."""
    b.set_block(inner)
    b.c_void("Pyrt_ExcExitHandler", [token.reg])
    b.add(ops.Clear(exc.reg))   # (the new exception holds it as its __context__ if it needs it)
    b.add(ops.RaiseFromHandler())


def unbind_handler_name(b, name):
    if name and ex.name_kind(b, name) == "local":
        b.add(ops.Unbind(b.local_reg(name)))
    elif name and ex.name_kind(b, name) == "global":
        b.add(ops.DelStatic(b.pb.global_var(b.mod, name)))
        ex.sync_globals_dict(b, b.mod, name, None)


def try_except(b, body, handlers, orelse):
    handler, els, done = b.new_block(), b.new_block(), b.new_block()
    b.handlers.append(handler)
    transform_block(b, body)
    b.handlers.pop()
    b.goto(els)
    b.set_block(handler)
    exc, token, inner = begin_handling(b)
    line = b.handling_line
    for h in handlers:
        nxt = b.new_block()
        if h.type is not None:
            b.handlers.append(inner)
            cls = ex.transform_expr(b, h.type)
            r = b.temp(BOOL)
            b.add(ops.CallC(r, "Pyrt_ExceptionMatches", [exc.reg, b.box(cls)], ops.ERR_NEG))
            b.handlers.pop()
            body_blk = b.new_block()
            b.branch(r, body_blk, nxt)
            b.set_block(body_blk)
        # what this handler raises unbinds its name first (as CPython's implicit `finally: del name`)
        h_inner = b.new_block() if h.name else inner
        b.handlers.append(h_inner)
        b.unwind.append(Unwind("handled", token.reg, list(b.handlers[:-1]), line))
        if h.name:
            ex.store_name(b, h.name, V(exc.reg, m.DYN))
        transform_block(b, h.body)
        b.unwind.pop()
        b.handlers.pop()
        if not b.cur.terminated:
            b.c_void("Pyrt_ExcExitHandler", [token.reg])
            b.add(ops.Clear(exc.reg))   # the exception dies with its handler, as in CPython (__del__ shows it)
            unbind_handler_name(b, h.name)
        b.goto(done)
        if h.name:
            b.set_block(h_inner)
            unbind_handler_name(b, h.name)
            b.goto(inner)
        b.set_block(nxt)
        if h.type is None:
            break
    # no clause matched: restore and propagate
    if not b.cur.terminated:
        reraise_pending(b, exc, token)
    propagate_from(b, inner, exc, token)
    b.set_block(els)
    transform_block(b, orelse)
    b.goto(done)
    b.set_block(done)


def try_finally(b, node):
    handler, done = b.new_block(), b.new_block()
    outer_handlers = list(b.handlers)
    b.unwind.append(Unwind("finally", node.finalbody, outer_handlers))
    b.handlers.append(handler)
    if node.handlers:
        try_except(b, node.body, node.handlers, node.orelse)
    else:
        transform_block(b, node.body)
        transform_block(b, node.orelse)
    b.handlers.pop()
    b.unwind.pop()
    # normal exit
    transform_block(b, node.finalbody)
    b.goto(done)
    # exceptional exit: run the finally body with the exception saved, then re-raise it
    b.set_block(handler)
    # while the finally body runs, the pending exception is "being handled" (it becomes the
    # __context__ of anything raised there)
    exc, token, inner = begin_handling(b)
    b.handlers.append(inner)
    b.unwind.append(Unwind("handled", token.reg, list(b.handlers[:-1])))
    transform_block(b, node.finalbody)
    b.unwind.pop()
    b.handlers.pop()
    if not b.cur.terminated:
        reraise_pending(b, exc, token)
    propagate_from(b, inner, exc, token)
    b.set_block(done)


def transform_With(b, node):
    items = node.items
    if len(items) > 1:
        inner = ast.With(items=items[1:], body=node.body)
        ast.copy_location(inner, node)
        node = ast.With(items=[items[0]], body=[inner])
        ast.copy_location(node, inner)
    item = node.items[0]
    mgr = b.box(ex.transform_expr(b, item.context_expr))
    mgr_keep = b.temp(OBJ)
    b.add(ops.Assign(mgr_keep, mgr))
    enter_t = b.type_of(item.optional_vars) if item.optional_vars is not None else m.DYN
    entered = b.vcall("Pyrt_CallMethod", [mgr_keep, b.const_obj("__enter__")], [], None)
    if item.optional_vars is not None:
        assign(b, item.optional_vars, b.coerce(entered, enter_t))
    handler, done = b.new_block(), b.new_block()
    b.unwind.append(Unwind("with", mgr_keep, list(b.handlers)))
    b.handlers.append(handler)
    transform_block(b, node.body)
    b.handlers.pop()
    b.unwind.pop()
    if not b.cur.terminated:
        none = b.lit(None)
        b.vcall("Pyrt_CallMethod", [mgr_keep, b.const_obj("__exit__")], [none, none, none], None)
    b.goto(done)
    b.set_block(handler)
    exc, token, inner = begin_handling(b)
    b.handlers.append(inner)
    etype = b.c_call("Pyrt_TypeOf", [exc.reg], m.DYN)
    none = b.lit(None)
    res = b.vcall("Pyrt_CallMethod", [mgr_keep, b.const_obj("__exit__")], [etype, V(exc.reg, m.DYN), none], None)
    suppress = ex.truth(b, res)
    b.handlers.pop()
    yes, no = b.new_block(), b.new_block()
    b.branch(suppress, yes, no)
    b.set_block(yes)
    b.c_void("Pyrt_ExcExitHandler", [token.reg])
    b.add(ops.Clear(exc.reg))
    b.goto(done)
    b.set_block(no)
    reraise_pending(b, exc, token)
    propagate_from(b, inner, exc, token)
    b.set_block(done)


# ---------------------------------------------------------------------- definitions and imports
def transform_FunctionDef(b, node):
    from pyrite.build_ir.functions import define_function
    define_function(b, node)


def transform_ClassDef(b, node):
    from pyrite.build_ir.functions import define_class
    define_class(b, node)


def _raise_missing(b, name):
    """CPython raises ModuleNotFoundError for a module that is not there (see frontend/modules.py)."""
    owner = b.inf.program.not_compiled_in.get(name)
    if owner is not None:
        b.c_void("pyrt_err_not_compiled_in", [ex._cstr(name), ex._cstr(owner)])
        return
    b.c_void("pyrt_err_no_module", [ex._cstr(name)])


def transform_Import(b, node):
    missing = b.inf.program.missing
    for a in node.names:
        absent = next((p for p in _prefixes(a.name) if p in missing), None)
        if absent is not None:
            _raise_missing(b, absent)
            return
        import_module(b, a.name, node)
        bind = a.asname or a.name.split(".")[0]
        ex.store_name(b, bind, module_value(b, a.name if a.asname else a.name.split(".")[0]))


def _prefixes(dotted):
    parts = dotted.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def import_module(b, name, node):
    """Run the module's initialisation (and its parents') if it has not run yet."""
    parts = name.split(".")
    for i in range(1, len(parts) + 1):
        sub = ".".join(parts[:i])
        if sub in b.inf.modules:
            b.add(ops.CallC(None, b.pb.module_init_name(sub), [], ops.ERR_NEG))   # generated, not a primitive


def module_value(b, name):
    if name in b.inf.modules:
        # attributes of a compiled module resolve statically; its object is for dynamic uses
        return b.c_call("PyrtModule_Compiled", [b.pb.module_object(name)], m.ModuleT(b.inf.modules[name]),
                        borrowed=True)
    from pyrite.build_ir.expressions import _cstr
    return b.c_call("Pyrt_GetModule", [_cstr(name)], m.DYN, borrowed=True)


def transform_ImportFrom(b, node):
    from pyrite.frontend.modules import resolve_relative, IGNORED_MODULES
    base = resolve_relative(b.mod.src, node)
    if base in IGNORED_MODULES:
        return
    absent = next((p for p in _prefixes(base) if p in b.inf.program.missing), None)
    if absent is not None:
        _raise_missing(b, absent)
        return
    if base == "builtins":   # from builtins import abs as _abs: the builtin, even where a global shadows it
        from pyrite.types.infos import BUILTIN_NAMES
        for a in node.names:
            if a.name in BUILTIN_NAMES:
                ex.store_name(b, a.asname or a.name, ex.load_builtin(b, a.name))
            else:
                b.c_void("pyrt_err_import_name", [ex._cstr(a.name), ex._cstr(base)])
        return
    import_module(b, base, node)
    for a in node.names:
        sub = base + "." + a.name
        bind = a.asname or a.name
        from pyrite.frontend.modules import package_rebinds
        if sub in b.inf.modules and not (base in b.inf.modules and package_rebinds(b.inf.modules[base].src, a.name)):
            import_module(b, sub, node)
            ex.store_name(b, bind, b.lit(None))
        elif base in b.inf.modules:
            src = b.inf.modules[base]
            if not (src.binds(a.name) or a.name in src.globals):
                # (set on the module object at run time, or ImportError)
                v = b.c_call("PyrtModule_ImportName", [module_value(b, base).reg, ex._cstr(a.name)], m.DYN)
                ex.store_name(b, bind, v)
                continue
            ex.store_name(b, bind, ex.load_global(b, src, a.name))
        else:
            modobj = b.c_call("Pyrt_GetModule", [ex._cstr(base)], m.DYN, borrowed=True)
            v = b.c_call("Pyrt_GetAttr", [modobj.reg, b.const_obj(a.name)], m.DYN)
            ex.store_name(b, bind, v)
