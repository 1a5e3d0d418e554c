"""The web target: `pyrite build mod.py --target web [-o DIR]` writes mod.wasm (a wasm32-wasi reactor),
mod.js (an ES module that loads it in a browser or in Node and exports the module's functions and
values) and mod.d.ts (their TypeScript types).

    import { init, fma, PythonError } from "./mod.js";
    await init();                 // loads mod.wasm and runs the module's top level once
    fma(10, 0.5, 1.0);            // a Python call: arguments and result converted

Values crossing (runtime/platform/web.c encodes them, the JS below decodes): None <-> null, bool <->
boolean, int <-> number (a bigint beyond 2^53 either way), float <-> number, str <-> string, bytes <->
Uint8Array, list <-> Array (a result annotated list[float]: a Float64Array; Float64Array and
Int32Array arguments become unboxed lists), tuple -> Array, dict <-> object when its keys are strs
(else Map), set <-> Set. A Python exception reaching JavaScript is a PythonError
(`.pyType`, `.pyMessage`, `.traceback`). print and sys.stdout/stderr go to console.log/console.error
line by line, or to the functions given to setOutput().
"""
import ast
import json
import os

from pyrite.ir.rtypes import OBJ, INT  # noqa: F401 (OBJ kept for symmetry with targets/ext.py)
from pyrite.targets.base import register
from pyrite.targets.wasi import WasiTarget
from pyrite.types import model as m


@register
class WebTarget(WasiTarget):
    name = "web"
    ldflags = WasiTarget.ldflags + ("-mexec-model=reactor",)
    platform = "web"
    exports_module = True

    def main_module_name(self, path):
        return os.path.splitext(os.path.basename(path))[0]

    def entry_c(self, init_cname, prog=None):
        out = ["unsigned char *PyrtWeb_Init(int (*init)(void));",
               "unsigned char *PyrtWeb_Call(PyrtObject *fn, const unsigned char *data, int32_t len);",
               "unsigned char *PyrtWeb_Value(PyrtObject *v);",
               "static int pyx_start(void) {",
               "    pyrt_init_constants();",
               "    pygc_start();",
               "    return %s();" % init_cname,
               "}",
               '__attribute__((export_name("pyx_init"))) unsigned char *pyx_init(void) {',
               "    return PyrtWeb_Init(pyx_start);",
               "}",
               '__attribute__((export_name("pyx_call"))) unsigned char *pyx_call(int32_t i, const unsigned char *d, '
               'int32_t n) {',
               "    switch (i) {"]
        funcs = [e for e in prog.exports if e.func is not None]
        values = [e for e in prog.exports if e.func is None]
        for i, e in enumerate(funcs):
            out.append("    case %d: return PyrtWeb_Call(%s, d, n);" % (i, e.funcobj.cname))
        out += ["    }", "    return PyrtWeb_Call(NULL, d, n);", "}"]
        out.append("void PyrtWeb_Failed(void);")
        out.append("void PyrtWeb_PendingValue(PyrtObject *v);")
        for i, e in enumerate(funcs):
            typed = _typed_export(e)
            if typed is None:
                continue
            f, kinds = typed
            params = ", ".join("%s a%d" % (C_TYPES[k], j) for j, k in enumerate(kinds)) or "void"
            tagged_ret = f.ret is INT   # (exact ints: tagged; the export returns an int64)
            ret_c = "int64_t" if tagged_ret else f.ret.c_type
            err = "0" if tagged_ret else f.ret.error_value
            out.append('__attribute__((export_name("pyx_t%d"))) %s pyx_t%d(%s) {' % (i, ret_c, i, params))
            out.append("    if (Pyrt_EnterCall()) { PyrtWeb_Failed(); return %s; }" % err)
            args = []
            for j, p in enumerate(f.params):
                if p.rtype is INT:   # a JS safe integer: a small tagged int (from_i64 also boxes a big one)
                    out.append("    int64_t t%d = pyrt_int_from_i64(a%d);" % (j, j))
                    out.append("    if (t%d == PYRT_INT_ERR) { Pyrt_LeaveCall(); PyrtWeb_Failed(); return %s; }"
                               % (j, err))
                    args.append("t%d" % j)
                else:
                    args.append("a%d" % j)
            out.append("    %s r = %s(%s);" % (f.ret.c_type, f.cname, ", ".join(args)))
            for j, p in enumerate(f.params):
                if p.rtype is INT:
                    out.append("    pyrt_int_decref(t%d);" % j)
            out.append("    Pyrt_LeaveCall();")
            out.append("    Pyrt_FlushStdout();")
            if tagged_ret:
                out.append("    if (r == PYRT_INT_ERR) { PyrtWeb_Failed(); return 0; }")
                out.append("    if (pyrt_int_is_ptr(r)) { PyrtWeb_PendingValue(pyrt_int_obj(r)); return 0; }")
                out.append("    return r >> 1;")
            else:
                out.append("    if (%s) PyrtWeb_Failed();" % (f.ret.err_test % "r"))
                out.append("    return r;")
            out.append("}")
        out += [

                '__attribute__((export_name("pyx_value"))) unsigned char *pyx_value(int32_t i) {',
                "    static const char *const names[] = {%s};"
                % ", ".join(['"%s"' % e.name for e in values] + ["NULL"]),
                "    PyrtObject *v = i >= 0 && i < %d ? %s.get(names[i]) : NULL;" % (len(values), prog.main.object_cname),
                "    return PyrtWeb_Value(v);",
                "}"]
        return "\n".join(out)

    def side_files(self, prog, out_path, tree):
        """mod.js and mod.d.ts beside mod.wasm."""
        base = os.path.splitext(out_path)[0]
        wasm_name = os.path.basename(out_path)
        funcs = [e for e in prog.exports if e.func is not None]
        values = [e for e in prog.exports if e.func is None]
        defs = {s.name: s for s in tree.body if isinstance(s, ast.FunctionDef)}
        js_funcs, dts = [], [DTS_HEAD]
        for i, e in enumerate(funcs):
            node = defs.get(e.name)
            params = [p.arg for p in node.args.posonlyargs + node.args.args] if node else []
            hints = [_hint(p.annotation) for p in node.args.posonlyargs + node.args.args] if node else []
            ret_hint = _hint(node.returns) if node is not None else None
            typed = _typed_export(e)
            if typed is None:
                js_funcs.append("export function %s(...args) { return call(%d, args, %s, %s); }"
                                % (e.name, i, json.dumps(hints), json.dumps(ret_hint)))
            else:
                js_funcs.append(_js_typed(e.name, i, typed, hints, ret_hint))
            dts.append(_dts_function(e, node))
        classes = {s.name: s for s in tree.body if isinstance(s, ast.ClassDef)}
        js_values = []
        for i, e in enumerate(values):
            js_values.append("export let %s;" % e.name)
            if e.name in classes:
                dts.append(_dts_class(classes[e.name]))
            else:
                dts.append("export let %s: %s;" % (e.name, "any"))
        # (a value that does not cross yet, a class for one, stays undefined)
        assign = "\n".join("    try { %s = value(%d); } catch (e) { if (!(e instanceof PythonError)) throw e; }"
                           % (e.name, i) for i, e in enumerate(values))
        js = JS_RUNTIME.replace("__WASM__", wasm_name).replace("__VALUES__", assign) + "\n" + \
            "\n".join(js_values + js_funcs) + "\n"
        with open(base + ".js", "w") as f:
            f.write(js)
        with open(base + ".d.ts", "w") as f:
            f.write("\n".join(dts) + "\n")
        return [base + ".js", base + ".d.ts"]


C_TYPES = {"int": "int64_t", "float": "double", "bool": "int32_t"}


def _typed_export(e):
    """(instance FuncIR, kinds) of an exported function's first typed instance whose parameters are all
    int, float or bool and whose result is one of those, None or an object; else None."""
    from pyrite.ir.rtypes import I64, INT, F64, BOOL, VOID
    candidates = list(e.typed)
    if not e.func.params and not e.func.is_generator:   # (no parameters: the function itself)
        candidates.append((e.func, []))
    for f, kinds in candidates:
        if all(k in C_TYPES for k in kinds) and f.ret in (I64, INT, F64, BOOL, VOID) and not f.has_closure:
            if all(p.rtype in {"int": (I64, INT), "float": (F64,), "bool": (BOOL,)}[k]
                   for p, k in zip(f.params, kinds)):
                return f, kinds
    return None


def _js_typed(name, index, typed, hints, ret_hint):
    """A JS export calling the typed wasm export when the arguments have exactly its types (numbers that
    are safe integers for int, numbers for float, booleans for bool), the generic path otherwise."""
    from pyrite.ir.rtypes import I64, INT, F64, BOOL, VOID
    f, kinds = typed
    checks = ["args.length === %d" % len(kinds)]
    conv = []
    for j, k in enumerate(kinds):
        if k == "int":
            checks.append("Number.isSafeInteger(args[%d])" % j)
            conv.append("BigInt(args[%d])" % j)
        elif k == "float":
            checks.append('typeof args[%d] === "number"' % j)
            conv.append("args[%d]" % j)
        else:
            checks.append('typeof args[%d] === "boolean"' % j)
            conv.append("args[%d] ? 1 : 0" % j)
    ret = {I64: "typedInt(r)", INT: "typedInt(r)", F64: "r", BOOL: "r !== 0", VOID: "null"}[f.ret]
    return ("export function %s(...args) {\n"
            "  if (wasm && %s) {\n"
            "    const r = wasm.pyx_t%d(%s);\n"
            "    if (pending[1] || pending[2]) flushStreams();\n"
            "    const err = wasm.pyx_pending();\n"
            "    if (err) return result(err, %s);\n"
            "    return %s;\n"
            "  }\n"
            "  return call(%d, args, %s, %s);\n"
            "}" % (name, " && ".join(checks), index, ", ".join(conv), json.dumps(ret_hint), ret, index,
                   json.dumps(hints), json.dumps(ret_hint)))


def _hint(ann):
    """What a parameter's or result's annotation says about converting it: "float" (numbers become
    floats), "list[float]" (a Float64Array), "tuple", or None."""
    if ann is None:
        return None
    if isinstance(ann, ast.Name) and ann.id in ("float", "int", "str", "bool", "bytes"):
        return ann.id
    if isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name):
        if ann.value.id == "list" and isinstance(ann.slice, ast.Name) and ann.slice.id == "float":
            return "list[float]"
        if ann.value.id == "tuple":
            return "tuple"
    return None


def ts_type(ann, result=False):
    """The TypeScript type of a Python annotation (ast), `any` for what it cannot say."""
    if ann is None:
        return "any"
    if isinstance(ann, ast.Constant) and ann.value is None:
        return "null"
    if isinstance(ann, ast.Name):
        return {"int": "number | bigint", "float": "number", "bool": "boolean", "str": "string",
                "bytes": "Uint8Array", "None": "null", "list": "any[]", "dict": "Record<string, any>",
                "set": "Set<any>", "tuple": "any[]", "object": "any"}.get(ann.id, "any")
    if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
        a, b = ts_type(ann.left, result), ts_type(ann.right, result)
        return a if a == b else "%s | %s" % (a, b)
    if isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name):
        args = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
        name = ann.value.id
        if name == "list" and len(args) == 1:
            if isinstance(args[0], ast.Name) and args[0].id == "float":
                return "Float64Array" if result else "Float64Array | number[]"
            inner = ts_type(args[0], result)
            return "(%s)[]" % inner if "|" in inner else inner + "[]"
        if name == "dict" and len(args) == 2:
            key = ts_type(args[0], result)
            if key == "string":
                return "Record<string, %s>" % ts_type(args[1], result)
            return "Map<%s, %s>" % (key, ts_type(args[1], result))
        if name == "set" and len(args) == 1:
            return "Set<%s>" % ts_type(args[0], result)
        if name == "tuple":
            if len(args) == 2 and isinstance(args[1], ast.Constant) and args[1].value is Ellipsis:
                return ts_type(args[0], result) + "[]"
            return "[%s]" % ", ".join(ts_type(a, result) for a in args)
        if name == "Optional" and len(args) == 1:
            return "%s | null" % ts_type(args[0], result)
    return "any"


def _dts_function(e, node):
    if node is None:
        return "export function %s(...args: any[]): any;" % e.name
    a = node.args
    pos = a.posonlyargs + a.args
    ndef = len(a.defaults)
    parts = []
    for k, p in enumerate(pos):
        opt = "?" if k >= len(pos) - ndef else ""
        parts.append("%s%s: %s" % (_ts_name(p.arg), opt, ts_type(p.annotation)))
    if a.vararg:
        parts.append("...%s: %s[]" % (_ts_name(a.vararg.arg), ts_type(a.vararg.annotation)))
    ret = ts_type(node.returns, result=True) if node.returns is not None else _inferred_ts(e)
    doc = ast.get_docstring(node)
    head = "/** %s */\n" % doc.replace("*/", "* /") if doc else ""
    return "%sexport function %s(%s): %s;" % (head, e.name, ", ".join(parts), ret)


def _dts_class(node):
    """A compiled class: an interface for its instances (methods from its defs, attributes from the
    self.X its methods assign) and a constructor from __init__'s parameters."""
    methods, attrs, init = [], [], None
    for st in node.body:
        if isinstance(st, ast.FunctionDef):
            if st.name == "__init__":
                init = st
            if not st.name.startswith("_"):
                methods.append(st)
            for n in ast.walk(st):
                if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) and isinstance(n.value, ast.Name) \
                        and n.value.id == "self" and n.attr not in attrs and not n.attr.startswith("_"):
                    attrs.append(n.attr)
    lines = ["export interface %s {" % node.name, "  /** releases the Python object (also done when this handle is garbage-collected) */",
             "  free(): void;"]
    for a in attrs:
        lines.append("  %s: any;" % a)
    for f in methods:
        params = [p for p in f.args.posonlyargs + f.args.args][1:]
        ndef = len(f.args.defaults)
        ps = ["%s%s: %s" % (_ts_name(p.arg), "?" if k >= len(params) - ndef else "", ts_type(p.annotation))
              for k, p in enumerate(params)]
        ret = ts_type(f.returns, result=True)
        lines.append("  %s(%s): %s;" % (f.name, ", ".join(ps), ret))
    lines.append("  [attribute: string]: any;")
    lines.append("}")
    cparams = []
    if init is not None:
        params = [p for p in init.args.posonlyargs + init.args.args][1:]
        ndef = len(init.args.defaults)
        cparams = ["%s%s: %s" % (_ts_name(p.arg), "?" if k >= len(params) - ndef else "", ts_type(p.annotation))
                   for k, p in enumerate(params)]
    sig = "(%s)" % ", ".join(cparams)
    lines.append("export const %s: { new %s: %s; %s: %s };" % (node.name, sig, node.name, sig, node.name))
    return "\n".join(lines)


def _ts_name(n):
    return n + "_" if n in ("function", "var", "let", "const", "class", "new", "delete", "default", "this") else n


def _inferred_ts(e):
    """A result type from inference when the def has no annotation (the generic instance's)."""
    f = e.func
    from pyrite.ir.rtypes import F64, BOOL, I64, VOID
    return {F64: "number", BOOL: "boolean", I64: "number | bigint", VOID: "null"}.get(f.ret, "any")


DTS_HEAD = """// generated by pyrite (targets/web.py): the Python module's exports
export function init(source?: BufferSource | URL | string): Promise<void>;
export function setOutput(stdout?: (text: string) => void, stderr?: (text: string) => void): void;
/** how many Python objects JavaScript holds handles to (instances, classes, functions) */
export function liveHandles(): number;
/** the size of the module's WebAssembly memory in bytes */
export function wasmMemoryBytes(): number;
export class PythonError extends Error {
  /** the Python exception's type name ("ValueError") */
  readonly pyType: string;
  /** its message (str() of the exception) */
  readonly pyMessage: string;
  /** the traceback as CPython prints it */
  readonly traceback: string;
}"""

JS_RUNTIME = r"""// generated by pyrite (targets/web.py): loads __WASM__ and exports the Python module's functions
let wasm = null, memory = null, ready = null;
const utf8d = new TextDecoder(), utf8e = new TextEncoder();

export class PythonError extends Error {
  constructor(pyType, pyMessage, traceback) {
    super(pyMessage ? `${pyType}: ${pyMessage}` : pyType);
    this.name = "PythonError";
    this.pyType = pyType;
    this.pyMessage = pyMessage;
    this.traceback = traceback;
  }
}

// ---- standard streams: whole lines to console (or the page's sinks)
const sinks = { 1: (t) => console.log(t), 2: (t) => console.error(t) };
const pending = { 1: "", 2: "" };
const decoders = { 1: new TextDecoder(), 2: new TextDecoder() };
export function setOutput(stdout, stderr) {
  if (stdout) sinks[1] = stdout;
  if (stderr) sinks[2] = stderr;
}
function emit(fd, bytes) {
  let text = pending[fd] + decoders[fd].decode(bytes, { stream: true });
  let nl;
  while ((nl = text.indexOf("\n")) >= 0) {
    sinks[fd](text.slice(0, nl));
    text = text.slice(nl + 1);
  }
  pending[fd] = text;
}
function flushStreams() {
  for (const fd of [1, 2]) if (pending[fd]) { sinks[fd](pending[fd]); pending[fd] = ""; }
}

// ---- the WASI functions the runtime uses (the rest answer ENOSYS)
class Exit extends Error { constructor(code) { super(`exit(${code})`); this.code = code; } }
const ENOSYS = 52, EBADF = 8;
const dv = () => new DataView(memory.buffer);
const wasi = {
  fd_write(fd, iovs, n, nwritten) {
    let total = 0;
    const v = dv();
    for (let i = 0; i < n; i++) {
      const p = v.getUint32(iovs + 8 * i, true), len = v.getUint32(iovs + 8 * i + 4, true);
      if (fd === 1 || fd === 2) emit(fd, new Uint8Array(memory.buffer, p, len).slice());
      total += len;
    }
    v.setUint32(nwritten, total, true);
    return fd === 1 || fd === 2 ? 0 : EBADF;
  },
  fd_read(fd, iovs, n, nread) { dv().setUint32(nread, 0, true); return fd === 0 ? 0 : EBADF; },
  fd_close() { return 0; },
  fd_seek() { return 70; },
  fd_fdstat_get(fd, buf) {
    if (fd > 2) return EBADF;
    const v = dv();
    v.setUint8(buf, 2); v.setUint16(buf + 2, 0, true);
    v.setBigUint64(buf + 8, 0xffffffffn, true); v.setBigUint64(buf + 16, 0xffffffffn, true);
    return 0;
  },
  fd_prestat_get() { return EBADF; },
  fd_prestat_dir_name() { return EBADF; },
  environ_sizes_get(count, size) { const v = dv(); v.setUint32(count, 0, true); v.setUint32(size, 0, true); return 0; },
  environ_get() { return 0; },
  args_sizes_get(count, size) { const v = dv(); v.setUint32(count, 0, true); v.setUint32(size, 0, true); return 0; },
  args_get() { return 0; },
  clock_time_get(id, precision, out) {
    const ns = id === 0 ? BigInt(Date.now()) * 1000000n : BigInt(Math.round(performance.now() * 1e6));
    dv().setBigUint64(out, ns, true);
    return 0;
  },
  clock_res_get(id, out) { dv().setBigUint64(out, 1000n, true); return 0; },
  random_get(buf, len) {
    for (let off = 0; off < len; off += 65536)
      crypto.getRandomValues(new Uint8Array(memory.buffer, buf + off, Math.min(65536, len - off)));
    return 0;
  },
  proc_exit(code) { throw new Exit(code); },
  sched_yield() { return 0; },
};
const imports = { wasi_snapshot_preview1: new Proxy(wasi, { get: (t, k) => t[k] || (() => ENOSYS) }) };

// ---- values: the encoding of runtime/platform/web.c
class Enc {
  constructor() { this.buf = new Uint8Array(1024); this.dv = new DataView(this.buf.buffer); this.n = 0; }
  room(k) {
    if (this.n + k <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.n + k) cap *= 2;
    const b = new Uint8Array(cap); b.set(this.buf.subarray(0, this.n)); this.buf = b; this.dv = new DataView(b.buffer);
  }
  u8(x) { this.room(1); this.buf[this.n++] = x; }
  u32(x) { this.room(4); this.dv.setUint32(this.n, x, true); this.n += 4; }
  bytes(b) { this.room(b.length); this.buf.set(b, this.n); this.n += b.length; }
  str(x) {
    const n = x.length;
    if (n < 64) {   // (short ASCII without TextEncoder: most strings crossing are)
      this.room(5 + n);
      let k = 0;
      for (; k < n; k++) { const c = x.charCodeAt(k); if (c > 127) break; this.buf[this.n + 5 + k] = c; }
      if (k === n) { this.buf[this.n] = 6; this.dv.setUint32(this.n + 1, n, true); this.n += 5 + n; return; }
    }
    const b = utf8e.encode(x); this.u8(6); this.u32(b.length); this.bytes(b);
  }
  int(x) {   // a BigInt
    if (x >= -(1n << 63n) && x < (1n << 63n)) {
      this.u8(3); this.room(8); this.dv.setBigInt64(this.n, x, true); this.n += 8; return;
    }
    const out = [];
    let v = x;
    for (;;) { out.push(Number(BigInt.asUintN(8, v))); v >>= 8n; if ((v === 0n && !(out[out.length - 1] & 0x80)) || (v === -1n && (out[out.length - 1] & 0x80))) break; }
    this.u8(4); this.u32(out.length); this.bytes(Uint8Array.from(out));
  }
  value(x, hint) {
    if (x === null || x === undefined) return this.u8(0);
    if (typeof x === "function" || typeof x === "object") {
      const st = x[HANDLE];
      if (st) {
        if (st.freed) throw new TypeError("pyrite: this Python object was released (.free())");
        this.u8(15); this.u32(st.id); return;
      }
    }
    if (x === false) return this.u8(1);
    if (x === true) return this.u8(2);
    if (typeof x === "number") {
      if (hint !== "float" && Number.isSafeInteger(x)) {
        this.u8(3); this.room(8); this.dv.setBigInt64(this.n, BigInt(x), true); this.n += 8; return;
      }
      if (hint !== "float" && Number.isInteger(x)) return this.int(BigInt(x));
      this.u8(5); this.room(8); this.dv.setFloat64(this.n, x, true); this.n += 8; return;
    }
    if (typeof x === "bigint") return this.int(x);
    if (typeof x === "string") return this.str(x);
    if (x instanceof Uint8Array) { this.u8(7); this.u32(x.length); return this.bytes(x); }
    if (x instanceof Float64Array || x instanceof Float32Array) {
      const f = x instanceof Float64Array ? x : Float64Array.from(x);
      this.u8(12); this.u32(f.length); return this.bytes(new Uint8Array(f.buffer, f.byteOffset, 8 * f.length));
    }
    if (x instanceof Int32Array || x instanceof Int16Array || x instanceof Int8Array || x instanceof Uint16Array) {
      const a = x instanceof Int32Array ? x : Int32Array.from(x);
      this.u8(13); this.u32(a.length); return this.bytes(new Uint8Array(a.buffer, a.byteOffset, 4 * a.length));
    }
    if (Array.isArray(x)) {
      this.u8(hint === "tuple" ? 9 : 8); this.u32(x.length);
      for (const v of x) this.value(v, hint === "list[float]" ? "float" : null);
      return;
    }
    if (x instanceof Map) { this.u8(10); this.u32(x.size); for (const [k, v] of x) { this.value(k); this.value(v); } return; }
    if (x instanceof Set) { this.u8(11); this.u32(x.size); for (const v of x) this.value(v); return; }
    if (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null) {
      const keys = Object.keys(x);
      this.u8(10); this.u32(keys.length);
      for (const k of keys) { this.value(k); this.value(x[k]); }
      return;
    }
    throw new TypeError(`pyrite: a ${x.constructor ? x.constructor.name : typeof x} cannot be passed to Python yet`);
  }
}

let memView = null, memBytes = null;   // (views of the module's memory, made again after it grows)
function mem() {
  if (memView === null || memView.buffer !== memory.buffer) {
    memView = new DataView(memory.buffer); memBytes = new Uint8Array(memory.buffer);
  }
  return memView;
}
class Dec {
  constructor(p) { this.v = mem(); this.b = memBytes; this.i = p; }
  u8() { return this.b[this.i++]; }
  u32() { const x = this.v.getUint32(this.i, true); this.i += 4; return x; }
  raw(n) { const b = this.b.slice(this.i, this.i + n); this.i += n; return b; }
  text(n) {
    if (n < 64) {   // (short ASCII without TextDecoder)
      let s = "", k = 0;
      for (; k < n; k++) { const c = this.b[this.i + k]; if (c > 127) break; s += String.fromCharCode(c); }
      if (k === n) { this.i += n; return s; }
    }
    return utf8d.decode(this.raw(n));
  }
  int(x) { return x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x; }
  value(hint) {
    const tag = this.u8();
    switch (tag) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: { const x = this.v.getBigInt64(this.i, true); this.i += 8; return this.int(x); }
      case 5: { const x = this.v.getFloat64(this.i, true); this.i += 8; return x; }
      case 15: return pyHandle(this.u32());
      case 16: return METHOD;
    }
    const n = this.u32();
    switch (tag) {
      case 4: {
        const b = this.raw(n);
        let x = 0n;
        for (let k = n - 1; k >= 0; k--) x = (x << 8n) | BigInt(b[k]);
        return this.int(BigInt.asIntN(8 * n, x));
      }
      case 6: return this.text(n);
      case 7: return this.raw(n);
      case 12: { const f = new Float64Array(this.raw(8 * n).buffer); return hint === "list[float]" ? f : Array.from(f); }
      case 13: return Array.from(new Int32Array(this.raw(4 * n).buffer));
      case 8: case 9: { const a = new Array(n); for (let k = 0; k < n; k++) a[k] = this.value(); return a; }
      case 11: case 14: { const s = new Set(); for (let k = 0; k < n; k++) s.add(this.value()); return s; }
      case 10: {
        const pairs = [];
        for (let k = 0; k < n; k++) pairs.push([this.value(), this.value()]);
        if (pairs.every(([k]) => typeof k === "string")) {
          const o = {};
          for (const [k, v] of pairs) o[k] = v;
          return o;
        }
        return new Map(pairs);
      }
    }
    throw new Error(`pyrite: unknown value tag ${tag}`);
  }
}

// [u32 length][status][payload]: the value, or raises the Python exception
function result(p, hint) {
  const len = mem().getUint32(p, true);
  const d = new Dec(p + 4);
  const status = d.u8();
  if (pending[1] || pending[2]) flushStreams();
  if (status === 0) {
    if (len === 1) return undefined;
    const v = d.value(hint);
    return hint === "list[float]" && Array.isArray(v) ? Float64Array.from(v) : v;
  }
  if (status === 2) throw new RangeError("pyrite: out of memory encoding a result");
  throw new PythonError(d.value(), d.value(), d.value());
}

const enc = new Enc();
let scratch = 0, scratchSize = 0;   // (a buffer in the module's memory for the encoded arguments)
function encoded(fill) {   // fill(enc) encodes; returns the byte count, copied to scratch
  const e = enc;
  e.n = 0;
  fill(e);
  if (e.n > scratchSize) {
    if (scratch) wasm.pyx_free(scratch);
    scratchSize = Math.max(e.n, 4096);
    scratch = wasm.pyx_alloc(scratchSize);
  }
  mem();
  memBytes.set(e.buf.subarray(0, e.n), scratch);
  return e.n;
}
function tuple(e, args, hints) {
  e.u8(9); e.u32(args.length);
  for (let k = 0; k < args.length; k++) e.value(args[k], hints ? hints[k] : null);
}
function call(index, args, hints, retHint) {
  if (!wasm) throw new Error("pyrite: call init() (and await it) before calling the module's functions");
  const n = encoded((e) => tuple(e, args, hints));
  return result(wasm.pyx_call(index, scratch, n), retHint);
}

// ---- Python objects held by JavaScript: instances, classes, functions... (handles)
// A handle keeps its object alive until .free() (or [Symbol.dispose], or, as a backup, when the
// proxy is garbage-collected: FinalizationRegistry). Attribute reads and method calls go to Python.
const HANDLE = Symbol("pyrite.handle"), METHOD = Symbol("pyrite.method");
const registry = typeof FinalizationRegistry !== "undefined"
  ? new FinalizationRegistry((id) => { if (wasm) wasm.pyx_release(id); }) : null;
function live(st) {
  if (st.freed) throw new TypeError("pyrite: this Python object was released (.free())");
  if (!wasm) throw new Error("pyrite: the module is not initialised");
}
function pyHandle(id) {
  const st = { id, freed: false };
  const free = () => {
    if (st.freed) return;
    st.freed = true;
    if (registry) registry.unregister(st);
    if (wasm) wasm.pyx_release(id);
  };
  const callMethod = (name, args) => {
    live(st);
    const n = encoded((e) => { e.str(name); tuple(e, args); });
    return result(wasm.pyx_callm(id, scratch, n), null);
  };
  const proxy = new Proxy(function () {}, {
    get(t, k) {
      if (k === HANDLE) return st;
      if (k === "free") return free;
      if (typeof Symbol.dispose === "symbol" && k === Symbol.dispose) return free;
      if (k === "toString") return () => callMethod("__str__", []);
      if (typeof k === "symbol" || k === "then" || k === "toJSON" || k === "prototype") return undefined;
      live(st);
      const n = encoded((e) => e.str(k));
      const v = result(wasm.pyx_getattr(id, scratch, n), null);
      return v === METHOD ? (...args) => callMethod(k, args) : v;
    },
    set(t, k, v) {
      if (typeof k === "symbol") return false;
      live(st);
      const n = encoded((e) => tuple(e, [k, v]));
      result(wasm.pyx_setattr(id, scratch, n), null);
      return true;
    },
    apply(t, self, args) {
      live(st);
      const n = encoded((e) => tuple(e, args));
      return result(wasm.pyx_callh(id, scratch, n), null);
    },
    construct(t, args) {
      live(st);
      const n = encoded((e) => tuple(e, args));
      const r = result(wasm.pyx_callh(id, scratch, n), null);
      return r !== null && (typeof r === "object" || typeof r === "function") ? r : { value: r };
    },
  });
  if (registry) registry.register(proxy, id, st);
  return proxy;
}

// the number of Python objects JavaScript still holds handles to (a leak check)
export function liveHandles() { return wasm ? wasm.pyx_handles() : 0; }
// the size of the module's memory in bytes (it only grows)
export function wasmMemoryBytes() { return memory ? memory.buffer.byteLength : 0; }

function value(i) { return result(wasm.pyx_value(i), null); }
function typedInt(r) { return r >= -9007199254740991n && r <= 9007199254740991n ? Number(r) : r; }

async function load(source) {
  if (source instanceof WebAssembly.Module) return WebAssembly.instantiate(source, imports);
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source))
    return (await WebAssembly.instantiate(source, imports)).instance;
  const url = source ? new URL(source, import.meta.url) : new URL("./__WASM__", import.meta.url);
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return (await WebAssembly.instantiate(await readFile(url), imports)).instance;
  }
  const resp = await fetch(url);
  if (WebAssembly.instantiateStreaming && (resp.headers.get("content-type") || "").startsWith("application/wasm"))
    return (await WebAssembly.instantiateStreaming(resp, imports)).instance;
  return (await WebAssembly.instantiate(await resp.arrayBuffer(), imports)).instance;
}

// Loads the module (once) and runs its top level; a Python exception there rejects with a PythonError.
export function init(source) {
  if (ready) return ready;
  ready = (async () => {
    const instance = await load(source);
    wasm = instance.exports;
    memory = wasm.memory;
    wasm._initialize();
    try {
      result(wasm.pyx_init(), null);
    } catch (e) {
      wasm = null;
      throw e;
    }
__VALUES__
  })();
  return ready;
}
"""
