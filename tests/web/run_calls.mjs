// Runs the calls of a JSON file against a module built with --target web and prints one JSON line per
// call: the result in a canonical form, or the Python exception; then what the module printed.
// usage: node run_calls.mjs MODULE.js CALLS.json   (tests/test_web.py compares it with CPython)
// (no static imports: the same file runs in a page, tests/test_web.py's Chromium test)

export function canon(v) {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") return { num: Number.isFinite(v) ? v : String(v) };
  if (typeof v === "bigint") return { bigint: v.toString() };
  if (v instanceof Uint8Array) return { bytes: Array.from(v) };
  if (v instanceof Float64Array) return { f64: Array.from(v, canon) };
  if (v instanceof Int32Array) return { i32: Array.from(v) };
  if (Array.isArray(v)) return v.map(canon);
  if (v instanceof Map) return { map: Array.from(v, ([k, x]) => [canon(k), canon(x)]) };
  if (v instanceof Set) return { set: Array.from(v, canon) };
  if (typeof v === "object") return { obj: Object.entries(v).map(([k, x]) => [k, canon(x)]) };
  return { other: String(v) };
}

export function arg(a) {
  if (a === null || typeof a !== "object") return a;
  if (Array.isArray(a)) return a.map(arg);
  if ("$bigint" in a) return BigInt(a.$bigint);
  if ("$f64" in a) return new Float64Array(a.$f64);
  if ("$i32" in a) return new Int32Array(a.$i32);
  if ("$map" in a) return new Map(a.$map.map(([k, v]) => [arg(k), arg(v)]));
  if ("$set" in a) return new Set(a.$set.map(arg));
  if ("$bytes" in a) return new Uint8Array(a.$bytes);
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, arg(v)]));
}

export async function runCalls(mod, calls) {
  const printed = [];
  mod.setOutput((t) => printed.push(t), (t) => printed.push("stderr: " + t));
  await mod.init();
  const out = [];
  for (const [name, args] of calls) {
    try {
      const f = name.startsWith(".") ? null : mod[name];
      const r = f ? f(...args.map(arg)) : mod[name.slice(1)];
      out.push({ call: name, result: canon(r) });
    } catch (e) {
      if (e.name !== "PythonError") throw e;
      const lines = e.traceback.trimEnd().split("\n");
      out.push({ call: name, error: e.pyType, message: e.pyMessage, last: lines[lines.length - 1] });
    }
  }
  return { out, printed };
}

if (typeof process !== "undefined" && process.argv && process.argv[1]) {
  const { pathToFileURL } = await import("node:url");
  if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    const { readFile } = await import("node:fs/promises");
    const mod = await import(pathToFileURL(process.argv[2]).href);
    const calls = JSON.parse(await readFile(process.argv[3], "utf8"));
    console.log(JSON.stringify(await runCalls(mod, calls)));
  }
}
