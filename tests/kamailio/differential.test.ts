/**
 * Differential cases: every folder under tests/kamailio/cases/ (kamailio.cfg, traffic.json,
 * README.md) runs through kamsim and through the real Kamailio 5.6 on loopback with the same
 * requests at the same times; the normalised logs, the replies and pike's first refusals must
 * agree (see harness/compare.ts for what is compared, harness/normalize.ts for what is not).
 * Cases run one after another, each for its traffic's duration in real time. `FILTER=text`
 * selects cases by name.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stopAllKamailios } from "./harness/kamailio-process.js";
import { runDifferentialCase } from "./harness/run-case.js";
import { kamailioAvailability } from "./kamailio.js";

const root = join(import.meta.dirname, "cases");
const all = existsSync(root)
  ? readdirSync(root)
      .filter((n) => statSync(join(root, n)).isDirectory())
      .sort()
  : [];
const cases = all.filter((n) => !process.env.FILTER || n.includes(process.env.FILTER));
const kam = kamailioAvailability();

describe.skipIf(!kam.ok)(`differential against real Kamailio 5.6${kam.ok ? "" : ` (skipped: ${kam.reason})`}`, () => {
  afterEach(async () => {
    await stopAllKamailios();
  });

  it("has starter cases, each with kamailio.cfg, traffic.json and README.md", () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const n of all)
      for (const f of ["kamailio.cfg", "traffic.json", "README.md"])
        expect(existsSync(join(root, n, f)), `${n}/${f}`).toBe(true);
  });

  for (const name of cases) {
    it(name, { timeout: 90_000 }, async () => {
      const r = await runDifferentialCase(join(root, name));
      console.log(
        `differential ${name}: ${r.seconds.total.toFixed(2)} s, ${r.requests} requests, ${r.matched} lines matched, ` +
          `max skew ${(r.maxSkew * 1000).toFixed(1)} ms, max send lateness ${(r.maxLateness * 1000).toFixed(1)} ms`,
      );
      const found = r.disagreements.map((d) => `${d.kind}: ${d.text}`);
      const context = `\n--- kamsim\n${r.kamsimLog}--- Kamailio\n${r.kamailioLog}`;
      expect(r.deviations, "source ports that could not be bound as planned").toEqual([]);
      expect(found, found.length ? context : "").toEqual([]);
    });
  }
});
