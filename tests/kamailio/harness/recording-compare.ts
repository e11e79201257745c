/**
 * A stored recording compared by the differential harness's own rules (compare.ts: log lines
 * per writer in order, the bucket of every matched line within `tolerance`, reply codes per
 * request, pike's first refusals):
 * - with kamsim's current run of the case (`kamsimAgainstRecording`), offline: the recording
 *   stands where the live Kamailio run stands in a differential case. kamsim runs the traffic
 *   Kamailio was given, sources mapped into 127.0.0.0/8 (`kamsimOnLoopback`; the side lane's
 *   from 127.100, address-map.ts), its output mapped back, so both sides saw the same addresses; `mappingChanges` tells whether that run differs
 *   from kamsim's run of the case as written (expected.log), which a case must then declare;
 * - with a fresh Kamailio run (`freshAgainstRecording`): the stored recording stands where kamsim
 *   stands, so a recording that no longer matches what Kamailio prints is caught. Neither side
 *   knows for sure which request wrote a pike BLOCK line (only when the harness read it), so
 *   each side's candidates are worked out by compare.ts's rule (`realBlocks`) and the two
 *   sides agree when the same addresses are refused in the same order and each pair of
 *   candidate ranges overlaps.
 */
import type { TrafficPlan } from "../../../src/engine/index.js";
import { type AddressMap, loopbackPlan, mapTextBack } from "./address-map.js";
import { type Comparison, compareRuns, realBlocks, showReal } from "./compare.js";
import { compareAgents } from "./compare-sip.js";
import { type KamsimResult, runKamsim } from "./kamsim-run.js";
import { keepComparable, type LogRecord, normalizeText, toRecords } from "./normalize.js";
import type { Recording } from "./recording.js";

/** kamsim's comparable records of a run (as run-case.ts makes them). */
export function kamsimRecords(sim: KamsimResult, plan: TrafficPlan, firstRequest: number): LogRecord[] {
  return keepComparable(toRecords(sim.lines, ""), firstRequest, plan.duration / 1e6);
}

/**
 * kamsim's run of `config` on the plan's loopback form, its log mapped back to the plan's
 * addresses; `defines` as Kamailio's `-A NAME` (a case.json's `defines`).
 */
export function kamsimOnLoopback(
  config: string,
  plan: TrafficPlan,
  first?: number,
  defines: readonly string[] = [],
): { kamsim: KamsimResult; mapped: { plan: TrafficPlan; map: AddressMap } } {
  const mapped = loopbackPlan(plan, first);
  const kamsim = runKamsim(config, mapped.plan, plan.seed, { defines });
  for (const l of kamsim.lines) l.text = mapTextBack(l.text, mapped.map);
  return { kamsim, mapped };
}

/**
 * Where two kamsim runs differ (log lines with their times, normalised as the comparison sees
 * them: a simulated pointer may differ; replies), at most `limit` items.
 */
export function mappingChanges(a: KamsimResult, b: KamsimResult, limit = 5): string[] {
  const out: string[] = [];
  const n = Math.max(a.lines.length, b.lines.length);
  for (let i = 0; i < n && out.length < limit; i++) {
    const x = a.lines[i];
    const y = b.lines[i];
    if (x?.t !== y?.t || normalizeText(x?.text ?? "", "") !== normalizeText(y?.text ?? "", ""))
      out.push(
        `line ${i + 1}: as written [${x?.t ?? "-"}] ${x?.text ?? "(none)"}; on loopback [${y?.t ?? "-"}] ${y?.text ?? "(none)"}`,
      );
  }
  for (const req of new Set([...a.replies.keys(), ...b.replies.keys()])) {
    if (out.length >= limit) break;
    const codes = a.replies.get(req) ?? [];
    const other = b.replies.get(req) ?? [];
    if (codes.join() !== other.join())
      out.push(`request ${req}: as written ${codes.join() || "none"}, on loopback ${other.join() || "none"}`);
  }
  return out;
}

const firstPlanned = (rec: Recording, plan: TrafficPlan) => rec.requests[0]?.planned ?? plan.duration / 1e6;

/** Kamailio's socket the recorded agents sent to (record-case.ts: kamsim's default when not named). */
const proxyOf = (rec: Recording) => rec.meta.proxy ?? "127.0.0.1:5060";

/** kamsim's run against a stored recording of Kamailio. */
export function kamsimAgainstRecording(
  sim: KamsimResult,
  plan: TrafficPlan,
  rec: Recording,
  tolerance: number,
): Comparison {
  const cmp = compareRuns({
    kamsim: kamsimRecords(sim, plan, firstPlanned(rec, plan)),
    real: rec.records,
    workers: sim.workers,
    requests: rec.requests,
    kamsimReplies: sim.replies,
    kamsimReceived: sim.received,
    tolerance,
  });
  cmp.disagreements.push(...compareAgents(sim.agents, rec.agents, proxyOf(rec), tolerance).disagreements);
  return cmp;
}

/** A fresh Kamailio run against the stored recording of the same case. */
export function freshAgainstRecording(
  fresh: Recording,
  stored: Recording,
  workers: ReadonlySet<number>,
  tolerance: number,
): Comparison {
  const cmp = compareRuns({
    kamsim: stored.records,
    real: fresh.records,
    workers,
    requests: fresh.requests,
    kamsimReplies: new Map(stored.requests.map((q) => [q.req, q.replies])),
    kamsimReceived: stored.requests.length,
    tolerance,
  });
  // compare.ts ties kamsim's BLOCK lines to the request that wrote them; a recording cannot.
  cmp.disagreements = cmp.disagreements.filter((d) => d.kind !== "pike");
  const a = realBlocks({ real: stored.records, requests: stored.requests, tolerance }, cmp.workerDelay);
  const b = realBlocks({ real: fresh.records, requests: fresh.requests, tolerance }, cmp.workerDelay);
  cmp.pikeAgreed =
    a.length === b.length &&
    a.every((x, i) => x.ip === b[i]?.ip && x.candidates.some((q) => b[i]?.candidates.includes(q)));
  if (!cmp.pikeAgreed)
    cmp.disagreements.push({
      kind: "pike",
      text: `first refused: recorded [${a.map(showReal).join("; ")}], Kamailio [${b.map(showReal).join("; ")}]`,
    });
  cmp.disagreements.push(...compareAgents(stored.agents, fresh.agents, proxyOf(stored), tolerance).disagreements);
  // compare.ts names its first side kamsim; here it is the stored recording.
  for (const d of cmp.disagreements) d.text = d.text.replace(/\bkamsim\b/g, "recorded");
  return cmp;
}
