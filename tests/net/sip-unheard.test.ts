/**
 * SimulationOptions.sipUnheard: with `sip` events, false leaves out the stateless replies to
 * addresses where no endpoint listens (a traffic stream's sources), which are then not built at
 * all, as without `sip` events; the endpoints' messages (the phones of first-call) are the same
 * events either way, and so is the log. The playground's Ladder asks for it: under a flood of
 * streams it would otherwise be handed one reply per request that nobody receives.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compileConfig,
  createSimulation,
  parseTrafficText,
  type SimEvent,
  type SimulationOptions,
} from "../../src/engine/index.js";

const root = join(import.meta.dirname, "..", "..");
const read = (example: string, file: string) => readFileSync(join(root, "examples", example, file), "utf8");

function run(config: string, traffic: string, opts: Partial<SimulationOptions>): SimEvent[] {
  const cfg = compileConfig(config, { name: "kamailio.cfg" });
  const t = parseTrafficText(traffic);
  if (!("plan" in t)) throw new Error("traffic");
  const events: SimEvent[] = [];
  const sim = createSimulation(cfg, t.plan, { ...opts, onEvent: (e) => events.push(e) });
  sim.runUntil(t.plan.duration);
  return events;
}

const STREAM = JSON.stringify({
  duration: 2,
  seed: 1,
  streams: [{ name: "callers", src: "192.0.2.0/28", method: "OPTIONS", rate: 5, pattern: "uniform" }],
});

describe("sip events without the replies nobody hears", () => {
  it("leaves out sl's replies to a stream's sources, and nothing else changes", () => {
    const config = read("classic", "kamailio.cfg");
    const all = run(config, STREAM, {});
    const heard = run(config, STREAM, { sipUnheard: false });
    const sip = (es: SimEvent[]) => es.filter((e) => e.kind === "sip");
    // Each of the 10 requests got its 200 OK, sent and lost where nobody listens.
    expect(sip(all).filter((e) => e.kind === "sip" && e.op === "lost" && e.why === "nobody")).toHaveLength(10);
    expect(sip(heard)).toEqual([]);
    const rest = (es: SimEvent[]) => es.filter((e) => e.kind !== "sip");
    expect(rest(heard)).toEqual(rest(all));
  });

  it("keeps every message between endpoints", () => {
    const config = read("first-call", "kamailio.cfg");
    const traffic = read("first-call", "traffic.json");
    expect(run(config, traffic, { sipUnheard: false })).toEqual(run(config, traffic, {}));
  });
});
