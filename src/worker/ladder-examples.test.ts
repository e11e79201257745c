/**
 * The Ladder of every example equals the message list of `kamsim run --events` for the same run
 * (issue 12, "Done when"). Each folder under examples/ runs through the worker's host as the page
 * runs it; the rows its frames carry (new rows, then their arrivals or losses) are put together
 * and compared, field by field and in order, with the `sip` events the CLI prints in that folder:
 * one row per message sent (or refused for its size), at the same time, between the same
 * addresses and nodes, the same method or status and reason, Call-ID, arrival or loss. A new
 * example is covered by being there.
 *
 * One difference is by design, and the Ladder says so under its header: the page does not build
 * sl's stateless replies to an address where no endpoint listens (a traffic stream's source;
 * SimulationOptions.sipUnheard, modules/sl/send.ts), so those are left out of the CLI's list here,
 * and rows are matched in order rather than by id (the ids of the messages the page did not
 * build are not taken).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kamsim, root } from "../../tests/cli/kamsim.js";
import { runInHost } from "../../tests/support/host-run.js";
import type { LadderRow } from "../protocol/messages.js";
import { LADDER_CAPACITY, reasonOf } from "./ladder.js";

const EXAMPLES = readdirSync(join(root, "examples")).filter((d) => {
  try {
    return readFileSync(join(root, "examples", d, "traffic.json"), "utf8") !== "";
  } catch {
    return false;
  }
});

/** A `sip` event as `kamsim run --format jsonl --events` prints it (t in seconds, floored to the ms). */
interface CliSip {
  t: number;
  kind: "sip";
  op: "send" | "recv" | "lost";
  id: number;
  from: string;
  to: string;
  fromNode: string;
  toNode: string;
  method: string;
  callId: string;
  status?: number;
  why?: LadderRow["lost"];
  text: string;
}

function cliMessages(example: string): CliSip[] {
  const r = kamsim(
    ["run", "kamailio.cfg", "--traffic", "traffic.json", "--format", "jsonl", "--events"],
    join(root, "examples", example),
  );
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .split("\n")
    .filter((l) => l.includes('"kind":"sip"'))
    .map((l) => JSON.parse(l) as CliSip)
    .filter((e) => e.kind === "sip");
}

/** The ladder the page ends with: every frame's new rows, each completed by the ends that follow. */
function ladderOf(example: string): { rows: LadderRow[]; total: number } {
  const read = (f: string) => readFileSync(join(root, "examples", example, f), "utf8");
  const posted = runInHost(read("kamailio.cfg"), read("traffic.json"));
  const rows = new Map<number, LadderRow>();
  let total = 0;
  let ended = false;
  for (const m of posted) {
    if (m.type !== "frame") continue;
    ended ||= m.ended;
    for (const r of m.ladder?.rows ?? []) {
      expect(rows.has(r.id), `row ${r.id} carried twice`).toBe(false);
      rows.set(r.id, { ...r });
    }
    for (const e of m.ladder?.ends ?? []) {
      const row = rows.get(e.id);
      expect(row, `an end for row ${e.id}, which no frame carried`).toBeDefined();
      Object.assign(row ?? {}, e);
    }
    total = m.ladder?.total ?? total;
  }
  expect(ended, "the run ended").toBe(true);
  return { rows: [...rows.values()], total };
}

/** The IPs where an endpoint (an agent) listens: sl builds its replies to these only, on the page. */
function heardIps(example: string): Set<string> {
  const traffic = JSON.parse(readFileSync(join(root, "examples", example, "traffic.json"), "utf8")) as {
    agents?: { address: string }[];
  };
  return new Set((traffic.agents ?? []).map((a) => a.address.split(":")[0] as string));
}

/** The rows the CLI's events describe, in the order they were sent, times in the CLI's floored seconds. */
function expectedRows(sip: readonly CliSip[], heard: Set<string>) {
  const ends = new Map(sip.filter((e) => e.op !== "send").map((e) => [e.id, e]));
  const unheardReply = (e: CliSip) =>
    e.fromNode === "kamailio" && e.status !== undefined && !heard.has(e.to.split(":")[0] as string);
  return sip
    .filter((e) => e.op === "send" || (e.op === "lost" && e.why === "size"))
    .filter((e) => !(e.op === "send" && unheardReply(e)))
    .map((e) => {
      const end = e.op === "send" ? ends.get(e.id) : e;
      return {
        t: e.t,
        end: end?.t,
        lost: end?.op === "lost" ? end.why : undefined,
        from: e.from,
        to: e.to,
        fromNode: e.fromNode,
        toNode: e.toNode,
        method: e.method,
        callId: e.callId,
        status: e.status,
        reason: e.status === undefined ? undefined : reasonOf(e.text),
      };
    });
}

const ms = (us: number | undefined) => (us === undefined ? undefined : Math.floor(us / 1000) / 1000);

describe.each(EXAMPLES)("the Ladder of %s", (example) => {
  it("equals the messages of kamsim run --events", () => {
    const want = expectedRows(cliMessages(example), heardIps(example));
    const { rows, total } = ladderOf(example);
    expect(want.length, "no more messages than the ladder keeps").toBeLessThanOrEqual(LADDER_CAPACITY);
    expect(total).toBe(want.length);
    const got = rows
      .sort((a, b) => a.id - b.id)
      .map((r) => ({
        t: ms(r.t),
        end: ms(r.end),
        lost: r.lost,
        from: r.from,
        to: r.to,
        fromNode: r.fromNode,
        toNode: r.toNode,
        method: r.method,
        callId: r.callId,
        status: r.status,
        reason: r.reason,
      }));
    expect(got).toEqual(want);
  });
});
