/**
 * Catalog parity: everything kamsim's module declarations claim (src/engine/modules/*\/def.ts and
 * catalog/*.ts: module names, parameter names with their types, function names with each
 * argument count and the route kinds that allow them, pseudo-variables with their inner name and
 * whether they can be assigned) is shown to the installed Kamailio 5.6 with `kamailio -c`, which
 * must find it (catalog-config.ts and pvar-config.ts say how Kamailio's parser decides each).
 * Exports Kamailio has and the catalog lacks are allowed.
 *
 * Modules whose `.so` is not installed here (Debian ships them in other packages) are listed in
 * the output and skipped; a declared module that is not a real module at all fails. Route-kind
 * bits the parser cannot decide (LOCAL, ERROR, BRANCH_FAILURE: event routes parse as REQUEST)
 * are not checked. Disagreements kamsim cannot fix yet are in KNOWN: each must still show.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { moduleRegistry } from "../../src/engine/modules/registry.js";
import type { ModuleDef } from "../../src/engine/modules/types.js";
import { describeNeeding } from "../support/needs.js";
import { disagreements, moduleConfig } from "./catalog-config.js";
import { KAMAILIO_NEED, kamailioAvailability } from "./kamailio.js";
import { kamailioAccepts } from "./kamailio-accepts.js";
import { kamailioCheck } from "./kamailio-check.js";
import { judgePvars, pvarDisagreements, pvarsOf } from "./pvar-config.js";

/** Where Debian's packages put Kamailio's modules. */
const MODULE_DIR = "/usr/lib/x86_64-linux-gnu/kamailio/modules";

/** Disagreements kamsim's declarations cannot express yet, as the test prints them → why. */
const KNOWN: Readonly<Record<string, string>> = {};

const kam = kamailioAvailability();
const installed = (m: ModuleDef) => existsSync(join(MODULE_DIR, `${m.name}.so`));
const checked = moduleRegistry.filter(installed);
const notInstalled = moduleRegistry.filter((m) => !installed(m));

/**
 * Declared needs (`needs`) that are not: a module that starts without one of them. Each need is
 * left out in turn from a config that loads the others and the module, which must then fail to
 * start (its mod_init binds the missing module's API).
 */
async function unrealNeeds(mods: readonly ModuleDef[]): Promise<string[]> {
  const wrong: string[] = [];
  await Promise.all(
    mods.flatMap((m) =>
      (m.needs ?? []).map(async (need) => {
        const load = [...(m.needs ?? []).filter((n) => n !== need), m.name].map((n) => `loadmodule "${n}.so"`);
        const v = await kamailioAccepts(`${load.join("\n")}\nrequest_route { exit; }\n`);
        if (v.accepted) wrong.push(`${m.name} starts without ${need}`);
      }),
    ),
  );
  return wrong.sort();
}

/**
 * Declared load orders that are not: a module that starts with a need marked `initBeforeUse`
 * (tm, usrloc) loaded after it.
 */
async function unrealOrders(mods: readonly ModuleDef[]): Promise<string[]> {
  const wrong: string[] = [];
  await Promise.all(
    mods.flatMap((m) =>
      (m.needs ?? [])
        .filter((need) => moduleRegistry.find((d) => d.name === need)?.initBeforeUse)
        .map(async (need) => {
          const load = [...(m.needs ?? []).filter((n) => n !== need), m.name, need].map((n) => `loadmodule "${n}.so"`);
          const v = await kamailioAccepts(`${load.join("\n")}\nrequest_route { exit; }\n`);
          if (v.accepted) wrong.push(`${m.name} starts with ${need} loaded after it`);
        }),
    ),
  );
  return wrong.sort();
}

/** Kamailio's disagreements with one module's declaration, functions and parameters then PVs. */
async function judgeModule(m: ModuleDef): Promise<{ found: string[]; pvRuns: number; nameRefused: string[] }> {
  const config = moduleConfig(m);
  const { output } = await kamailioCheck(config.text);
  const found = disagreements(config, output, m.name);
  // The parser read the whole config (code 1: it stopped at an error it cannot go on after).
  if (/parsing code: 1/.test(output)) found.push(`${m.name}: the parse stopped early:\n${output}`);
  const pvars = pvarsOf(m);
  if (pvars.length === 0) return { found, pvRuns: 0, nameRefused: [] };
  // The pv module gives $var & co; every module's PVs are read with it loaded.
  const needs = m.name === "pv" ? ["pv"] : ["pv", m.name];
  const { verdicts, runs } = await judgePvars(needs, pvars, async (text) => (await kamailioCheck(text)).output);
  found.push(...pvarDisagreements(m.name, pvars, verdicts));
  const nameRefused = [...verdicts].filter(([, v]) => v === "name refused").map(([n]) => n);
  return { found, pvRuns: runs, nameRefused };
}

describeNeeding(KAMAILIO_NEED, kam, `catalog parity with the installed Kamailio 5.6 modules`, () => {
  const results = new Map<string, Awaited<ReturnType<typeof judgeModule>>>();

  beforeAll(async () => {
    const started = Date.now();
    await Promise.all(checked.map(async (m) => results.set(m.name, await judgeModule(m))));
    const runs = [...results.values()].reduce((n, r) => n + 1 + r.pvRuns, 0);
    const refused = [...results].flatMap(([m, r]) => r.nameRefused.map((n) => `${m}:$${n}`));
    console.log(
      `catalog parity: ${checked.length} modules, ${runs} kamailio -c runs, ${Date.now() - started} ms; ` +
        `not installed here (skipped): ${notInstalled.map((m) => `${m.name} (${MODULE_DIR}/${m.name}.so)`).join(", ")}; ` +
        `PVs that refuse the inner name given (existence checked, assignment not): ${refused.join(" ")}`,
    );
  }, 120_000);

  it("declares only modules of Kamailio 5.6, most of them installed here", () => {
    expect(checked.length).toBeGreaterThanOrEqual(45);
    // Each missing one ships in a Debian package not installed here, not a misspelt name.
    expect(notInstalled.map((m) => m.name).sort()).toEqual(["db_mysql", "jansson", "presence", "presence_xml", "tls"]);
  });

  for (const m of checked) {
    it(`${m.name}: parameters, functions, route kinds and pseudo-variables exist in Kamailio`, () => {
      const found = results.get(m.name)?.found;
      expect(found, "not judged").toBeDefined();
      const known = Object.keys(KNOWN).filter((k) => k.startsWith(`${m.name}: `));
      expect(
        found?.filter((d) => !(d in KNOWN)),
        "disagreements with Kamailio",
      ).toEqual([]);
      for (const k of known) expect(found, `known disagreement gone (remove it from KNOWN): ${k}`).toContain(k);
    });
  }

  it("each module it needs is one it does not start without", async () => {
    const withNeeds = checked.filter((m) => (m.needs ?? []).length > 0);
    expect(withNeeds.length).toBeGreaterThanOrEqual(10);
    expect(await unrealNeeds(withNeeds)).toEqual([]);
    // And the check sees a need that is not one: acc does not need pike.
    const acc = moduleRegistry.find((m) => m.name === "acc") as ModuleDef;
    expect(await unrealNeeds([{ ...acc, needs: [...(acc.needs ?? []), "pike"] }])).toEqual(["acc starts without pike"]);
  }, 120_000);

  it("a module that binds tm or usrloc does not start when it is loaded first", async () => {
    const withOrder = checked.filter((m) =>
      (m.needs ?? []).some((n) => moduleRegistry.find((d) => d.name === n)?.initBeforeUse),
    );
    expect(withOrder.length).toBeGreaterThanOrEqual(7);
    expect(await unrealOrders(withOrder)).toEqual([]);
    // And the check sees an order that does not matter: pike does not bind tm.
    const pike = moduleRegistry.find((m) => m.name === "pike") as ModuleDef;
    expect(await unrealOrders([{ ...pike, needs: ["tm"] }])).toEqual(["pike starts with tm loaded after it"]);
  }, 120_000);

  it("finds a misspelt function, parameter, type, argument count, route kind, PV and module", async () => {
    const rr = moduleRegistry.find((m) => m.name === "rr") as ModuleDef;
    const loose = rr.functions.loose_route as NonNullable<(typeof rr.functions)["loose_route"]>;
    const typo: ModuleDef = {
      ...rr,
      params: { ...rr.params, append_fromtagg: { type: "int", doc: "" }, add_username: { type: "string", doc: "" } },
      functions: {
        ...rr.functions,
        loose_routee: loose,
        loose_route: { ...loose, arity: [0, 1] },
        // record_route is not allowed in onreply_route: claim it is.
        record_route: { ...(rr.functions.record_route as typeof loose), routes: 0x1ff },
        // record_route_preset is allowed in failure_route: claim it is not.
        record_route_preset: { ...(rr.functions.record_route_preset as typeof loose), routes: 1 },
      },
      pvars: { ...rr.pvars, route_urii: { inner: "none", doc: "" } },
    };
    const { found } = await judgeModule(typo);
    expect(found).toEqual(
      expect.arrayContaining([
        "rr: function loose_routee/0 not found",
        "rr: function loose_route/1 not found",
        "rr: parameter append_fromtagg (int) not found",
        "rr: parameter add_username (string) not found",
        "rr: record_route/0 declared for TM_ONREPLY, Kamailio refuses it there",
        "rr: record_route_preset/1 not declared for FAILURE, Kamailio allows it there",
        "rr: $route_urii unknown to Kamailio",
      ]),
    );
    const misspelt = await judgeModule({ ...rr, name: "rrr" });
    expect(misspelt.found.join("\n")).toMatch(/rrr: line 2 \(no claim\)/);
  }, 60_000);
});
