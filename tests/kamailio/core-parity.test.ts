/**
 * Core parity: what kamsim's core tables claim (src/engine/modules/core: actions with their
 * argument counts, `name = value` parameters, pseudo-variables) is read by `kamailio -c` too.
 *
 * The core's actions and parameters are grammar, not export tables (core/cfg.y `cmd`,
 * `assign_stm`), so each action wants its own kinds of argument (a number, a string, an address).
 * Every action is written with every argument count it claims, in every mix of `"1"`, `1`,
 * `127.0.0.1` and `udp`; it exists with that count when one mix parses (or only an undeclared flag name is
 * refused: the grammar took the action). A parameter is set with a value of its kind; an unknown
 * one is "unknown config variable", a value of the wrong kind another error. A parameter error
 * can end the parse, so the blamed line is judged, blanked and the config read again. Where the
 * core's actions may stand is not checked: the grammar allows them in every route.
 */
import { beforeAll, expect, it } from "vitest";
import type { CoreParamDef, FunctionDef } from "../../src/engine/lang/exports.js";
import { coreFunctions, coreParams, corePvars } from "../../src/engine/modules/core/def.js";
import { describeNeeding } from "../support/needs.js";
import { lineVerdicts } from "./catalog-config.js";
import { KAMAILIO_NEED, kamailioAvailability } from "./kamailio.js";
import { kamailioCheck } from "./kamailio-check.js";
import { judgePvars, pvarDisagreements } from "./pvar-config.js";

/** A value of each parameter kind the core tables name. */
const VALUE: Readonly<Record<string, string>> = {
  bool: "yes",
  int: "1",
  string: '"x"',
  id: "x",
  socket: "127.0.0.1",
  any: "1",
};
/** The argument forms tried in every position. */
const ARGS = ['"1"', "1", "127.0.0.1", "udp"];

/** Actions (`name/count`) no argument mix let the parser take, with what it said. */
async function missingActions(
  functions: Readonly<Record<string, FunctionDef>>,
): Promise<{ missing: string[]; runs: number }> {
  const calls = Object.entries(functions).flatMap(([name, f]) => f.arity.map((n) => ({ name, n })));
  const most = Math.max(...calls.map((c) => c.n));
  const found = new Set<string>();
  const said = new Map<string, string>();
  const forms = ARGS.length ** most;
  await Promise.all(
    Array.from({ length: forms }, async (_, form) => {
      const lines = ["#!KAMAILIO", "request_route {"];
      const at = new Map<number, string>();
      for (const { name, n } of calls) {
        const args = Array.from({ length: n }, (_, i) => ARGS[Math.floor(form / ARGS.length ** i) % ARGS.length]);
        lines.push(`  ${name}(${args.join(", ")});`);
        at.set(lines.length, `${name}/${n}`);
      }
      lines.push("}");
      const verdicts = lineVerdicts((await kamailioCheck(`${lines.join("\n")}\n`)).output);
      for (const [line, call] of at) {
        const v = verdicts.get(line);
        if (!v || /not declared/.test(v.message)) found.add(call);
        else said.set(call, v.message);
      }
    }),
  );
  const missing = [...new Set(calls.map((c) => `${c.name}/${c.n}`))].filter((c) => !found.has(c));
  return { missing: missing.map((c) => `core: action ${c} refused in every form (${said.get(c)})`), runs: forms };
}

/** Parameters Kamailio does not know, one config read per parse-ending error. */
async function unknownParams(
  params: Readonly<Record<string, CoreParamDef>>,
): Promise<{ unknown: string[]; runs: number }> {
  const left = Object.entries(params).map(([name, p]) => ({ name, line: `${name} = ${VALUE[p.value] ?? "1"}` }));
  const unknown: string[] = [];
  let runs = 0;
  for (;;) {
    const text = `${["#!KAMAILIO", ...left.map((p) => p.line), "request_route { exit; }"].join("\n")}\n`;
    const { output } = await kamailioCheck(text);
    runs++;
    for (const [line, v] of lineVerdicts(output)) {
      const p = left[line - 2];
      if (p && /unknown config variable/.test(v.message)) unknown.push(`core: parameter ${p.name} unknown`);
      // Judged: blank it, so that the next read goes past it.
      if (p) p.line = `# ${p.name}: judged`;
    }
    if (!/parsing code: 1/.test(output)) return { unknown: [...new Set(unknown)], runs };
    if (runs > 100) throw new Error(`the parameter config never parses:\n${output}`);
  }
}

const kam = kamailioAvailability();

describeNeeding(KAMAILIO_NEED, kam, `core parity with Kamailio 5.6`, () => {
  const found: Record<string, string[]> = {};

  beforeAll(async () => {
    const started = Date.now();
    const [actions, params, pvars] = await Promise.all([
      missingActions(coreFunctions),
      unknownParams(coreParams),
      judgePvars(["pv"], Object.entries(corePvars), async (text) => (await kamailioCheck(text)).output),
    ]);
    found.actions = actions.missing;
    found.params = params.unknown;
    found.pvars = pvarDisagreements("core", Object.entries(corePvars), pvars.verdicts);
    console.log(
      `core parity: ${Object.keys(coreFunctions).length} actions, ${Object.keys(coreParams).length} parameters, ` +
        `${Object.keys(corePvars).length} PVs; ${actions.runs + params.runs + pvars.runs} kamailio -c runs, ${Date.now() - started} ms`,
    );
  }, 120_000);

  it("every core action exists with each argument count it claims", () => {
    expect(Object.keys(coreFunctions).length).toBeGreaterThanOrEqual(50);
    expect(found.actions).toEqual([]);
  });
  it("every core parameter exists", () => {
    expect(Object.keys(coreParams).length).toBeGreaterThanOrEqual(200);
    expect(found.params).toEqual([]);
  });
  it("every core PV exists, read-only as declared", () => expect(found.pvars).toEqual([]));

  it("finds a misspelt action, a wrong argument count and a misspelt parameter", async () => {
    const setflag = coreFunctions.setflag as FunctionDef;
    const { missing } = await missingActions({ setflagg: setflag, setflag: { ...setflag, arity: [1, 3] } });
    expect(missing.map((m) => m.replace(/ \(.*/, ""))).toEqual([
      "core: action setflagg/1 refused in every form",
      "core: action setflag/3 refused in every form",
    ]);
    const debug = coreParams.debug as CoreParamDef;
    const { unknown } = await unknownParams({ debugg: debug, debug, childrenn: debug });
    expect(unknown).toEqual(["core: parameter debugg unknown", "core: parameter childrenn unknown"]);
  }, 60_000);
});
