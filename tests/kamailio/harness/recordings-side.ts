/**
 * The recordings suite's side lane. Recording re-checks last their traffic's duration in real
 * time, and the longest examples (the mqueue stories: 30–60 s each, 4 minutes together) mostly
 * wait; here they run in a child process of their own (side-process.ts) while the suite runs
 * the others. A side case has no user agents (those need Kamailio on 127.0.0.1:5060) and its
 * sources are mapped from 127.100 (address-map.ts SIDE_SECOND_BYTE), so its sockets are never
 * the main lane's: recordings.test.ts checks both.
 *
 * `recheckBeside(cases)` starts the child; run as a script (`node --import tsx
 * recordings-side.ts NAME...`), this file is that child.
 */
import { SIDE_SECOND_BYTE } from "./address-map.js";
import { stopAllKamailios } from "./kamailio-process.js";
import { agentsOf } from "./play-agents.js";
import { warmUp } from "./record-case.js";
import { recordWithReruns } from "./record-with-reruns.js";
import { type RecordedCase, recordedCases } from "./recorded-cases.js";
import { readPlan } from "./run-case.js";
import { serveSide, spawnSide } from "./side-process.js";

/** Seconds of traffic from which a recording with no agents runs in the side lane. */
export const SIDE_S = 20;

/** What the side lane sends back for one case. */
export interface SideOutcome {
  problems: string[];
  summary: string;
  /** Kamailio's fresh records, rendered, for the failure message. */
  rendered: string;
}

/** Whether the case runs in the side lane: long, no user agents, no listen port of its own. */
export function runsBeside(c: RecordedCase, config: string): boolean {
  const plan = readPlan(c.dir);
  return (
    !c.options.notRecorded &&
    plan.duration / 1e6 >= SIDE_S &&
    agentsOf(plan).length === 0 &&
    !/^\s*listen\s*=/m.test(config)
  );
}

export function recheckBeside(cases: readonly RecordedCase[]): Map<string, Promise<SideOutcome>> {
  return spawnSide<SideOutcome>(
    import.meta.filename,
    cases.map((c) => c.name),
  );
}

if (process.argv[1] === import.meta.filename) {
  const all = new Map(recordedCases().map((c) => [c.name, c]));
  await warmUp();
  await serveSide(
    process.argv.slice(2),
    async (name) => {
      const c = all.get(name);
      if (!c) throw new Error(`no recorded case named ${name}`);
      const o = await recordWithReruns(c, false, (s) => process.stderr.write(`${s}\n`), SIDE_SECOND_BYTE);
      const rendered = o.run.recording.records
        .map((r) => `[${r.t.toFixed(3)}] ${String(r.proc).padStart(2)}| ${r.text}\n`)
        .join("");
      return { problems: o.problems, summary: o.summary, rendered } satisfies SideOutcome;
    },
    stopAllKamailios,
  );
}
