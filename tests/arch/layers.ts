/**
 * The engine's layers, lowest first, and the check that every import inside src/engine points
 * downward (docs/architecture.md). A folder's files may import their own folder and any lower
 * layer; two layers of the same rank may not import each other; root files other than
 * events.ts form the top (index.ts, the Simulation assembly, the catalog).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** Rank of each layer: an import must go to a strictly lower rank (or stay in its layer). */
export const LAYER_RANK: Readonly<Record<string, number>> = {
  base: 0,
  "events.ts": 1,
  sip: 1,
  lang: 2,
  runtime: 3,
  modules: 4,
  link: 5,
  sim: 6,
  world: 7,
  traffic: 8,
  top: 9,
};

/** The layer of a path relative to src/engine (`lang/check/scope.ts` → `lang`). */
export function layerOf(path: string): string {
  const parts = path.split(/[\\/]/);
  if (parts.length === 1) return parts[0] === "events.ts" ? "events.ts" : "top";
  return parts[0] as string;
}

/** One import: from a file to a file, both relative to src/engine. */
export interface EngineImport {
  from: string;
  to: string;
}

/** The imports that break the order: upward, sideways between layers, or into an unknown folder. */
export function layerViolations(imports: readonly EngineImport[]): string[] {
  const out: string[] = [];
  for (const { from, to } of imports) {
    const a = layerOf(from);
    const b = layerOf(to);
    if (a === b) continue;
    const ra = LAYER_RANK[a];
    const rb = LAYER_RANK[b];
    if (ra === undefined || rb === undefined)
      out.push(`${from} → ${to}: ${ra === undefined ? a : b} is no known layer`);
    else if (rb >= ra) out.push(`${from} (${a}) → ${to} (${b}): ${rb === ra ? "sideways" : "upward"}`);
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Every relative import (and re-export) of the engine's files, tests included. */
export function engineImports(root: string): EngineImport[] {
  const out: EngineImport[] = [];
  const spec =
    /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']|import\s*\(\s*["'](\.{1,2}\/[^"']+)["']/g;
  for (const file of walk(root)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(spec)) {
      const target = resolve(dirname(file), (m[1] ?? m[2]) as string).replace(/\.js$/, ".ts");
      out.push({ from: relative(root, file).split(sep).join("/"), to: relative(root, target).split(sep).join("/") });
    }
  }
  return out;
}
