/**
 * The README's coverage table (`npm run coverage`), built from the engine itself: which functions
 * and pseudo-variables each module declares (the catalogue, src/engine/catalog.ts) and which of
 * them kamsim simulates, weighted by how many of 105 public configs use them (docs/data/*.csv).
 * The CSVs' own `kamsim_simulates` column is a snapshot and is not read.
 *
 * A function is simulated when the catalogue says so (the checker warns "not simulated" for the
 * others, lang/check/calls.ts). A pseudo-variable is simulated when a run has behaviour for it:
 * the core's own (runtime/pv/core.ts) or one a simulated module's instance provides — what
 * link/program.ts looks up before it falls back to "reads as <null>".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CatalogFunction, moduleCatalog } from "../src/engine/catalog.js";
import { analyzeConfig } from "../src/engine/link/analyze.js";
import { simulatedRuntimes } from "../src/engine/modules/registry.js";
import { readCoreSettings } from "../src/engine/runtime/core-settings.js";
import { corePvImpls } from "../src/engine/runtime/pv/core.js";
import type { Services } from "../src/engine/runtime/services.js";

export const ROOT = join(import.meta.dirname, "..");
export const START = "<!-- coverage:start -->";
export const END = "<!-- coverage:end -->";
export const REGENERATE = "npm run coverage -- --write";

interface SurveyedFunction {
  name: string;
  module: string;
  configs: number;
}

function readCsv(file: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(ROOT, "docs", "data", file), "utf8")
    .trim()
    .split("\n");
  return { header: (lines[0] ?? "").split(","), rows: lines.slice(1).map((l) => l.split(",")) };
}

/** The names of the PVs a run has behaviour for: the core's and every simulated module's. */
function simulatedPvNames(): Set<string> {
  const names = new Set(Object.keys(corePvImpls));
  const core = readCoreSettings(analyzeConfig("").config);
  // Instances are only created here, never run: no module touches its services while being
  // created (one that did would throw here, and the table would have to come from a Simulation).
  const sv = {} as Services;
  for (const rt of simulatedRuntimes) {
    for (const n of Object.keys(rt.create({ sv, core, params: [] }).pvars ?? {})) names.add(n);
  }
  return names;
}

/** Whether the language takes `name;` as a statement of its own (`drop`, `exit`), not a call. */
function isStatement(name: string): boolean {
  const front = analyzeConfig(`request_route {\n  ${name};\n}\n`);
  if (front.diagnostics.some((d) => d.severity === "error")) return false;
  const block = front.config.items.find((i) => i.kind === "RouteBlock");
  const kind = block?.kind === "RouteBlock" ? block.body.stmts[0]?.kind : undefined;
  return kind !== undefined && kind !== "CallStmt";
}

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

/** The Markdown between the README's coverage markers (markers excluded). */
export function coverageMarkdown(): string {
  const catalog = moduleCatalog();
  const simulatedPvs = simulatedPvNames();

  const modSurvey = readCsv("module-frequency.csv");
  const loaded = new Map(modSurvey.rows.map((r) => [r[0] as string, Number(r[1])]));
  const fnSurvey = readCsv("function-frequency.csv");
  const totalConfigs = Number(/of (\d+)/.exec(fnSurvey.header[2] ?? "")?.[1]);
  const surveyed: SurveyedFunction[] = fnSurvey.rows.map((r) => ({
    name: r[0] as string,
    module: r[1] as string,
    configs: Number(r[2]),
  }));

  const decl = [
    { name: "core", simulated: true, functions: catalog.core.functions, pvars: catalog.core.pvars },
    ...catalog.modules,
  ];
  const declared = new Map(decl.map((m) => [m.name, m]));
  const fnOf = (module: string, name: string): CatalogFunction | undefined =>
    declared.get(module)?.functions.find((f) => f.name === name);

  /**
   * A surveyed function's module and state. The survey files a few functions under another module
   * than the one exporting them in Kamailio 5.6 (`is_myself`, `setbflag` under core: kex exports
   * them, modules/kex/kex_mod.c); the catalogue's module counts. `drop` and `exit` are statements.
   */
  const judge = (f: SurveyedFunction): { module: string; simulated: boolean; movedFrom?: string } => {
    const own = fnOf(f.module, f.name);
    if (own) return { module: f.module, simulated: own.simulated };
    const other = decl.find((m) => m.functions.some((x) => x.name === f.name));
    if (other)
      return { module: other.name, simulated: fnOf(other.name, f.name)?.simulated === true, movedFrom: f.module };
    return { module: f.module, simulated: f.module === "core" && isStatement(f.name) };
  };
  const judged = surveyed.map((f) => ({ ...f, ...judge(f) }));

  const names = new Set([...declared.keys(), ...judged.map((f) => f.module)]);
  const rows = [...names]
    .map((name) => {
      const m = declared.get(name);
      const calls = judged.filter((f) => f.module === name);
      return {
        name,
        configs: name === "core" ? totalConfigs : (loaded.get(name) ?? 0),
        state: m === undefined ? "not catalogued" : m.simulated ? "simulated" : "catalogued",
        fnDeclared: m?.functions.length ?? 0,
        fnSimulated: m?.functions.filter((f) => f.simulated).length ?? 0,
        callsAll: calls.reduce((s, f) => s + f.configs, 0),
        callsSimulated: calls.filter((f) => f.simulated).reduce((s, f) => s + f.configs, 0),
        pvDeclared: m?.pvars.length ?? 0,
        pvSimulated: m?.pvars.filter((p) => simulatedPvs.has(p.name)).length ?? 0,
      };
    })
    .sort((a, b) => b.configs - a.configs || a.name.localeCompare(b.name));

  const sum = (k: "fnDeclared" | "fnSimulated" | "callsAll" | "callsSimulated" | "pvDeclared" | "pvSimulated") =>
    rows.reduce((s, r) => s + r[k], 0);
  const calls = (sim: number, all: number) => (all === 0 ? "—" : `${sim} of ${all} (${pct(sim, all)})`);
  const pair = (sim: number, all: number) => (all === 0 ? "—" : `${sim} of ${all}`);
  const out: string[] = [];
  const allCalls = sum("callsAll");
  const simCalls = sum("callsSimulated");
  out.push(
    `Of the ${allCalls} function uses in ${totalConfigs} public configs, ${pct(simCalls, allCalls)} are to functions kamsim simulates.`,
    "",
    `| module | configs loading it (of ${totalConfigs}) | kamsim | functions simulated | surveyed uses simulated | PVs simulated |`,
    "|---|--:|---|--:|--:|--:|",
  );
  for (const r of rows) {
    const configs = r.name === "core" ? "all" : String(r.configs);
    out.push(
      `| ${r.name} | ${configs} | ${r.state} | ${pair(r.fnSimulated, r.fnDeclared)} | ${calls(r.callsSimulated, r.callsAll)} | ${pair(r.pvSimulated, r.pvDeclared)} |`,
    );
  }
  out.push(
    `| **total** | | | ${pair(sum("fnSimulated"), sum("fnDeclared"))} | ${calls(simCalls, allCalls)} | ${pair(sum("pvSimulated"), sum("pvDeclared"))} |`,
  );

  const unknown = modSurvey.rows
    .map((r) => ({ name: r[0] as string, configs: Number(r[1]) }))
    .filter((m) => !names.has(m.name));
  const often = unknown.filter((m) => m.configs >= 10).map((m) => `${m.name} (${m.configs})`);
  const moved = judged
    .filter((f) => f.movedFrom !== undefined)
    .map((f) => `\`${f.name}\` (${f.movedFrom} → ${f.module})`);
  const statements = judged.filter((f) => f.module === "core" && !fnOf("core", f.name) && f.simulated);
  out.push(
    "",
    `A use is one config calling a function, counted once per config, for the ${surveyed.length} functions ` +
      `the survey counts ([docs/data/](docs/data/README.md)); "functions simulated" and "PVs simulated" count ` +
      "what the catalogue declares, whatever the configs use. The survey counts no pseudo-variables. " +
      (moved.length ? `Counted under the module that exports them in kamsim's catalogue: ${moved.join(", ")}. ` : "") +
      (statements.length
        ? `${statements.map((f) => `\`${f.name}\``).join(" and ")} are statements, counted as core. `
        : "") +
      `${unknown.length} more modules the configs load are not catalogued` +
      `${often.length ? `, ${often.join(", ")} among them` : ""}.`,
  );

  const gaps = judged.filter((f) => !f.simulated && declared.get(f.module)?.simulated === true);
  out.push(
    "",
    `Surveyed functions of simulated modules that kamsim does not simulate (configs using them): ${
      gaps.length === 0 ? "none" : gaps.map((f) => `\`${f.name}\` (${f.configs})`).join(", ")
    }.`,
  );
  const pvGaps = decl
    .filter((m) => m.simulated)
    .map((m) => ({ module: m.name, missing: m.pvars.filter((p) => !simulatedPvs.has(p.name)) }))
    .filter((m) => m.missing.length > 0);
  const pvMissing = pvGaps.reduce((n, m) => n + m.missing.length, 0);
  out.push(
    "",
    `<details><summary>Pseudo-variables of simulated modules that kamsim does not simulate (they read as <code>&lt;null&gt;</code>): ${pvMissing}</summary>`,
    "",
    ...pvGaps.map((m) => `- ${m.module}: ${m.missing.map((p) => `\`$${p.name}\``).join(", ")}`),
    "",
    "</details>",
  );
  return `${out.join("\n")}\n`;
}

/** The README with its coverage section replaced by `body` (throws when the markers are missing). */
export function withCoverage(readme: string, body: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${body}${readme.slice(end)}`;
}
