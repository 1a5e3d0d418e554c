"""The web target (`pyrite build mod.py --target web`, targets/web.py and runtime/platform/web.c):
tests/web/webmod.py is built once; the calls below run in Node through the generated ES module
(tests/web/run_calls.mjs) and under CPython, and must agree under the documented conversions, which
this file states again independently of the JavaScript (`expected`). When tests/web/node_modules
has them (`npm install --prefix tests/web`), tsc --strict checks a TypeScript program against the
generated .d.ts, and the same calls run in headless Chromium (Debian's chromium) through a page."""
import contextlib
import inspect
import io
import json
import math
import os
import shutil
import subprocess
import sys

import pytest

from pyrite import driver

HERE = os.path.dirname(os.path.abspath(__file__))
WEB = os.path.join(HERE, "web")
NODE_MODULES = os.path.join(WEB, "node_modules")

# (function, arguments as JSON: {"$bigint": "..."}, {"$f64": [...]}, {"$map": [[k, v]]}, {"$set": [...]},
# {"$bytes": [...]}, {"$i32": [...]}); a name starting with "." reads a module value
CALLS = [
    ["fma", [10, 0.5, 1.0]], ["fma", [10, 1, 1]], ["fma", [0, 2.5, 1]],
    ["greet", ["bob"]], ["greet", ["é😀", "?"]],
    ["stats", [[1, 2, 3, 4]]], ["stats", [{"$f64": [1.5, 2.5]}]],
    ["scale", [[1, 2], 2.5]], ["scale", [{"$f64": [1, 2]}, 3]],
    ["count_words", ["a b a c b a"]],
    ["powers", [10]], ["powers", [60]], ["powers", [100]],
    ["echo", [None]], ["echo", [True]], ["echo", [7]], ["echo", [-2.5]], ["echo", ["x"]],
    ["echo", [{"$bigint": "123456789012345678901234567890"}]], ["echo", [{"$bigint": "-9223372036854775808"}]],
    ["echo", [[1, [2, [3, None]], "s"]]], ["echo", [{"a": 1, "b": [True, False]}]],
    ["echo", [{"$map": [[1, "one"], [2, "two"]]}]], ["echo", [{"$set": [3, 1, 2]}]],
    ["echo", [{"$bytes": [0, 255, 7]}]], ["echo", [{"$i32": [1, -2, 3]}]], ["echo", [{"$f64": [0.5, -1]}]],
    ["kinds", [1]], ["kinds", [1.5]], ["kinds", [{"$bigint": "5"}]], ["kinds", [[1]]], ["kinds", [{"$f64": [1]}]],
    ["kinds", [{"a": 1}]], ["kinds", [{"$map": [[1, 2]]}]], ["kinds", [{"$set": []}]], ["kinds", [{"$bytes": []}]],
    ["lookup", ["a"]], ["lookup", ["zz"]], ["check", [4]], ["check", [-3]],
    ["unicode_len", ["é😀x"]], ["to_bytes", ["é"]], ["int_keys", [3]], ["nested", [3]],
    ["fma", ["x", 1, 2]], ["greet", []],
    # typed entries (int/float/bool parameters): taken for plain numbers, the generic path otherwise
    ["fma", [{"$bigint": "3"}, 0.5, 1.0]], ["check", [{"$bigint": "99999999999999999999"}]], ["check", [2.5]],
    ["flag", [True]], ["flag", [False]], ["flag", [1]], ["noop", []],
    # an int result beyond the JS safe range comes back a BigInt; beyond 64 bits through the pending value
    ["cube", [5]], ["cube", [-1048576]], ["cube", [3000000]], ["cube", [-3000000]],
    [".VERSION", []], [".LIMITS", []],
]


def py_arg(a, hint=None):
    if isinstance(a, dict):
        if "$bigint" in a:
            return int(a["$bigint"])
        if "$f64" in a:
            return [float(x) for x in a["$f64"]]
        if "$i32" in a:
            return [int(x) for x in a["$i32"]]
        if "$map" in a:
            return {py_arg(k): py_arg(v) for k, v in a["$map"]}
        if "$set" in a:
            return {py_arg(x) for x in a["$set"]}
        if "$bytes" in a:
            return bytes(a["$bytes"])
        return {k: py_arg(v) for k, v in a.items()}
    if isinstance(a, list):
        return [py_arg(x, "float" if hint == "list[float]" else None) for x in a]
    if isinstance(a, (int, float)) and not isinstance(a, bool):
        # a JavaScript number: an int when it is integral, unless the parameter is annotated float
        return float(a) if hint == "float" or (isinstance(a, float) and not a.is_integer()) else int(a)
    return a


def expected(v, hint=None):
    """What JavaScript receives for the Python value v (a result annotated `hint`), in run_calls.mjs's
    canonical form."""
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return {"num": v} if abs(v) <= 2 ** 53 - 1 else {"bigint": str(v)}
    if isinstance(v, float):
        return {"num": v if math.isfinite(v) else ("NaN" if v != v else "Infinity" if v > 0 else "-Infinity")}
    if isinstance(v, bytes):
        return {"bytes": list(v)}
    if isinstance(v, list) and hint == "list[float]":
        return {"f64": [expected(x) for x in v]}
    if isinstance(v, (list, tuple)):
        return [expected(x) for x in v]
    if isinstance(v, dict):
        if all(isinstance(k, str) for k in v):
            return {"obj": [[k, expected(x)] for k, x in v.items()]}
        return {"map": [[expected(k), expected(x)] for k, x in v.items()]}
    if isinstance(v, (set, frozenset)):
        return {"set": [expected(x) for x in v]}
    raise TypeError(type(v))


def hint_of(ann):
    if ann in (float, int, str, bool, bytes):
        return ann.__name__
    if str(ann) == "list[float]":
        return "list[float]"
    return None


def cpython_results():
    sys.path.insert(0, WEB)
    try:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            sys.modules.pop("webmod", None)
            import webmod
        results = []
        for name, args in CALLS:
            if name.startswith("."):
                results.append({"call": name, "result": expected(getattr(webmod, name[1:]))})
                continue
            f = getattr(webmod, name)
            sig = inspect.signature(f)
            hints = [hint_of(p.annotation) for p in sig.parameters.values()]
            pargs = [py_arg(a, hints[i] if i < len(hints) else None) for i, a in enumerate(args)]
            try:
                with contextlib.redirect_stdout(out):
                    r = f(*pargs)
                results.append({"call": name, "result": expected(r, hint_of(sig.return_annotation))})
            except Exception as e:   # noqa: BLE001
                msg = str(e)
                results.append({"call": name, "error": type(e).__name__, "message": msg,
                                "last": "%s: %s" % (type(e).__name__, msg) if msg else type(e).__name__})
        return results, out.getvalue().splitlines()
    finally:
        sys.path.remove(WEB)
        sys.modules.pop("webmod", None)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("web")
    driver.build(os.path.join(WEB, "webmod.py"), "web", str(d / "webmod.wasm"))
    calls = d / "calls.json"
    calls.write_text(json.dumps(CALLS))
    return d


def compare(got, exp_results, exp_printed):
    assert got["printed"] == exp_printed
    diffs = ["%s\n  CPython: %s\n  web:     %s" % (e["call"], e, g) for e, g in zip(exp_results, got["out"]) if e != g]
    assert not diffs, "\n".join(diffs)
    assert len(got["out"]) == len(exp_results)


def test_node_calls_match_cpython(built):
    assert sorted(os.listdir(built)) == ["calls.json", "webmod.d.ts", "webmod.js", "webmod.wasm"]
    p = subprocess.run(["node", os.path.join(WEB, "run_calls.mjs"), str(built / "webmod.js"), str(built / "calls.json")],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    compare(json.loads(p.stdout), *cpython_results())


HANDLES_JS = r'''
import * as m from "./webmod.js";
await m.init();
const out = [];
const base = m.liveHandles();
const p = new m.Point(3, 4);
out.push(m.liveHandles() - base, p.norm2(), p.x, String(p));
p.x = 6;
out.push(p.norm2());
const q = p.moved(1, 1);
out.push(String(q), m.total([p, q]));
const ps = m.make_points(3);
out.push(ps.length, m.total(ps), m.liveHandles() - base);
for (const h of ps) h.free();
p.free(); q.free();
out.push(m.liveHandles() - base);
try { p.norm2(); } catch (e) { out.push(e.message); }
try { m.total([p]); } catch (e) { out.push(e.message); }
try { p.missing; } catch (e) { out.push(e.message); }
const add = m.adder(10);
out.push(add(5), add.__name__);
add.free();
try { new m.Point("a"); } catch (e) { out.push(e.pyType + ": " + e.pyMessage); }
const mem0 = m.wasmMemoryBytes();
for (let i = 0; i < 100000; i++) { const h = new m.Point(i, 1); h.norm2(); h.free(); }
out.push(m.liveHandles() - base, m.wasmMemoryBytes() - mem0);
console.log(JSON.stringify(out));
'''


def test_compiled_objects_cross_as_handles(built):
    """Instances, classes and closures cross as handles: attributes, methods, construction, release;
    10^5 instances made and freed leave no handle and grow no memory."""
    shutil.copy(os.path.join(WEB, "webmod.py"), built / "webmod.py")
    (built / "handles.mjs").write_text(HANDLES_JS)
    p = subprocess.run(["node", "handles.mjs"], cwd=built, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    assert json.loads(p.stdout.decode().splitlines()[-1]) == [
        1, 25, 3, "Point(3, 4)", 52, "Point(7, 5)", 126, 3, 10, 5, 0,
        "pyrite: this Python object was released (.free())",
        "pyrite: this Python object was released (.free())",
        "pyrite: this Python object was released (.free())",
        15, "add",
        "TypeError: Point.__init__() missing 1 required positional argument: 'y'",
        0, 0]


def test_calling_before_init_and_a_failing_top_level(tmp_path):
    (tmp_path / "bad.py").write_text("def f():\n    return 1\nraise ValueError('at import')\n")
    driver.build(str(tmp_path / "bad.py"), "web", str(tmp_path / "bad.wasm"))
    js = ("import * as m from './bad.js';\n"
          "try { m.f(); } catch (e) { console.log('before init:', e.message); }\n"
          "try { await m.init(); } catch (e) { console.log(e.name, e.pyType, e.pyMessage); }\n")
    (tmp_path / "t.mjs").write_text(js)
    p = subprocess.run(["node", "t.mjs"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout.decode().splitlines() == [
        "before init: pyrite: call init() (and await it) before calling the module's functions",
        "PythonError ValueError at import"]


def test_dts_declares_the_exports(built):
    js = (built / "webmod.js").read_text()
    for name in ("fma", "check", "flag", "noop", "cube"):   # (the typed wasm entries exist for these)
        assert "export function %s(...args) {\n  if (wasm && args.length" % name in js, name
    dts = (built / "webmod.d.ts").read_text()
    for line in ["export function fma(n: number | bigint, b: number, c: number): number;",
                 "export function greet(name: string, punct?: string): string;",
                 "export function stats(xs: Float64Array | number[]): [number, number];",
                 "export function scale(xs: Float64Array | number[], k: number): Float64Array;",
                 "export function count_words(text: string): Record<string, number | bigint>;",
                 "export function echo(x: any): any;",
                 "export let VERSION: any;"]:
        assert line in dts, line


TS_OK = '''import { init, fma, greet, stats, scale, count_words, PythonError, setOutput, Point, liveHandles } from "./webmod.js";
async function main(): Promise<void> {
  await init();
  setOutput((t: string) => console.log(t));
  const x: number = fma(3, 0.5, 1.0);
  const s: string = greet("ts");
  const [mean, sd]: [number, number] = stats([1, 2, 3]);
  const sc: Float64Array = scale(new Float64Array([1, 2]), 2);
  const c: Record<string, number | bigint> = count_words("a b");
  try { greet("x"); } catch (e) { if (e instanceof PythonError) console.log(e.pyType, e.traceback); }
  const pt: Point = new Point(1, 2);
  const n2: number = pt.norm2();
  const moved: Point = pt.moved(1, 1);
  pt.free();
  console.log(x, s, mean, sd, sc, c, n2, moved, liveHandles());
}
main();
'''


def tsc():
    exe = os.path.join(NODE_MODULES, ".bin", "tsc")
    if not os.path.exists(exe):
        pytest.skip("typescript is not installed (npm install --prefix tests/web)")
    return exe


def test_typescript_accepts_a_correct_program_and_rejects_a_wrong_one(built):
    exe = tsc()
    flags = ["--strict", "--noEmit", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext"]
    (built / "ok.ts").write_text(TS_OK)
    p = subprocess.run([exe] + flags + ["ok.ts"], cwd=built, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stdout.decode() + p.stderr.decode()
    (built / "bad.ts").write_text('import { fma } from "./webmod.js";\nconst s: string = fma("x", 1, 2);\n')
    p = subprocess.run([exe] + flags + ["bad.ts"], cwd=built, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode != 0 and b"bad.ts" in p.stdout


CHROMIUM_DRIVER = r'''
import { chromium } from "playwright-core";
import http from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
const root = process.argv[2];
const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
                ".html": "text/html", ".json": "application/json" };
const server = http.createServer(async (req, res) => {
  try {
    const f = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    const data = await readFile(f);
    res.writeHead(200, { "content-type": types[path.extname(f)] || "application/octet-stream" });
    res.end(data);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const port = server.address().port;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"] });
const page = await browser.newPage();
page.on("pageerror", (e) => console.error("page error:", e));
await page.goto(`http://127.0.0.1:${port}/page.html`);
const result = await page.waitForFunction(() => window.__result, null, { timeout: 30000 });
console.log(JSON.stringify(await result.jsonValue()));
await browser.close();
server.close();
'''

PAGE = '''<!doctype html><meta charset="utf-8"><title>pyrite web test</title>
<script type="module">
import * as mod from "./webmod.js";
import { runCalls } from "./run_calls.mjs";
const calls = await (await fetch("./calls.json")).json();
window.__result = await runCalls(mod, calls);
</script>
'''


def test_chromium_calls_match_cpython(built):
    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("Debian's chromium is not installed")
    if not os.path.isdir(os.path.join(NODE_MODULES, "playwright-core")):
        pytest.skip("playwright-core is not installed (npm install --prefix tests/web)")
    shutil.copy(os.path.join(WEB, "run_calls.mjs"), built / "run_calls.mjs")
    (built / "page.html").write_text(PAGE)
    driver_js = os.path.join(WEB, "chromium_driver.mjs")   # (beside node_modules, so the import resolves)
    with open(driver_js, "w") as f:
        f.write(CHROMIUM_DRIVER)
    try:
        p = subprocess.run(["node", driver_js, str(built)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=120)
    finally:
        os.unlink(driver_js)
    assert p.returncode == 0, p.stderr.decode()
    compare(json.loads(p.stdout.decode().strip().splitlines()[-1]), *cpython_results())
