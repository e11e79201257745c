/**
 * Compares what each user agent received from kamsim's simulated network with what it received
 * from the real Kamailio over UDP (sip-normalize.ts says what is normalised and why):
 * - the same messages, byte for byte after normalising, from the same address;
 * - in the same order, except messages kamsim delivers to the agent at the same virtual instant
 *   (within `SAME_INSTANT` s): those are sent at once, by different Kamailio processes or by
 *   different ends (say the proxy and another agent), and their order on a real wire is a race,
 *   so they are compared as a set;
 * - each within `tolerance` s of kamsim's time (a timer of Kamailio's fires on its 1/16 s tick,
 *   core/timer_ticks.h TIMER_TICKS_HZ; see the README's "Time" section).
 */
import type { Disagreement } from "./compare.js";
import { type AgentWire, normalizeSip, Placeholders, sentCallIds, type WireMessage } from "./sip-normalize.js";

/** Messages to one agent this close in kamsim's time (s) are one racing group. */
export const SAME_INSTANT = 0.001;
/** Reported messages per agent and kind before "… and N more". */
const REPORT_CAP = 20;

export interface SipComparison {
  disagreements: Disagreement[];
  /** Messages found on both sides (same text, same sender). */
  matched: number;
  /** Per agent the larger side's count, summed. */
  total: number;
  /** Largest |Δt| of a matched message, seconds. */
  maxSkew: number;
}

interface Item {
  t: number;
  /** `from ip:port` + the normalised text: what must be equal. */
  key: string;
  /** First line, for reports. */
  head: string;
}

function items(agent: AgentWire | undefined, proxy: string, callIds: ReadonlySet<string>): Item[] {
  if (!agent) return [];
  const ph = new Placeholders();
  return agent.received.map((m: WireMessage) => {
    const text = normalizeSip(m.text, proxy, callIds, ph);
    return { t: m.t, key: `from ${m.peer}\n${text}`, head: `${text.split("\r\n")[0]} from ${m.peer}` };
  });
}

/** The first line where two messages differ, for a readable report. */
function firstDifference(a: string, b: string): string {
  const x = a.split(/\r\n|\n/);
  const y = b.split(/\r\n|\n/);
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i]) return `line ${i}: kamsim ${JSON.stringify(x[i] ?? "")}, Kamailio ${JSON.stringify(y[i] ?? "")}`;
  return "equal";
}

function capped(head: string, list: string[]): Disagreement[] {
  const out = list.slice(0, REPORT_CAP).map((t) => ({ kind: "sip" as const, text: `${head}${t}` }));
  if (list.length > REPORT_CAP) out.push({ kind: "sip", text: `${head}… and ${list.length - REPORT_CAP} more` });
  return out;
}

/** Compares one agent's received messages; adds to `result`. */
function compareAgent(name: string, k: Item[], r: Item[], tolerance: number, result: SipComparison): void {
  const partner = new Array<number>(k.length).fill(-1);
  const taken = new Array<boolean>(r.length).fill(false);
  // The earliest message of the same text not taken yet: equal texts (retransmissions) pair in order.
  for (const [i, x] of k.entries()) {
    const j = r.findIndex((y, jj) => !taken[jj] && y.key === x.key);
    if (j >= 0) {
      partner[i] = j;
      taken[j] = true;
    }
  }
  const who = `agent ${name}`;
  const order: string[] = [];
  const late: string[] = [];
  // Groups of messages kamsim delivers at one instant; a group's messages must all come after
  // every message of the groups before it.
  let prevMax = -1;
  for (let i = 0; i < k.length; ) {
    let end = i + 1;
    while (end < k.length && (k[end] as Item).t - (k[i] as Item).t <= SAME_INSTANT) end++;
    let groupMax = prevMax;
    for (let g = i; g < end; g++) {
      const j = partner[g] as number;
      if (j < 0) continue;
      const x = k[g] as Item;
      const y = r[j] as Item;
      if (j < prevMax) order.push(`${x.head} at ${x.t.toFixed(3)} s came before a message kamsim delivers earlier`);
      groupMax = Math.max(groupMax, j);
      result.matched++;
      result.maxSkew = Math.max(result.maxSkew, Math.abs(y.t - x.t));
      if (Math.abs(y.t - x.t) > tolerance)
        late.push(`${x.head} — kamsim at ${x.t.toFixed(3)} s, Kamailio at ${y.t.toFixed(3)} s`);
    }
    prevMax = groupMax;
    i = end;
  }
  // A message on both sides that differs in its text (the first unpaired one of the same start
  // line and sender on the other side) is reported once, with its first differing line.
  const kOnly: Item[] = [];
  const rOnly = r.filter((_, j) => !taken[j]);
  const differing: string[] = [];
  for (const x of k.filter((_, i) => partner[i] === -1)) {
    const j = rOnly.findIndex((y) => y.head === x.head);
    if (j < 0) {
      kOnly.push(x);
      continue;
    }
    const y = rOnly.splice(j, 1)[0] as Item;
    differing.push(`${x.head} at ${x.t.toFixed(3)} s differs, ${firstDifference(x.key, y.key)}`);
  }
  result.disagreements.push(
    ...capped(`${who}, differs: `, differing),
    ...capped(
      `${who}, kamsim only: `,
      kOnly.map((x) => `[${x.t.toFixed(3)}] ${x.head}`),
    ),
    ...capped(
      `${who}, Kamailio only: `,
      rOnly.map((y) => `[${y.t.toFixed(3)}] ${y.head}`),
    ),
    ...capped(`${who}, order: `, order),
    ...capped(`${who}, other time: `, late),
  );
  result.total += Math.max(k.length, r.length);
}

/**
 * Compares the agents' received messages of both sides. `proxy`: Kamailio's socket `ip:port`
 * (the same on both sides).
 */
export function compareAgents(
  kamsim: readonly AgentWire[],
  real: readonly AgentWire[],
  proxy: string,
  tolerance: number,
): SipComparison {
  const result: SipComparison = { disagreements: [], matched: 0, total: 0, maxSkew: 0 };
  const kIds = sentCallIds(kamsim);
  const rIds = sentCallIds(real);
  const names = [...new Set([...kamsim.map((a) => a.name), ...real.map((a) => a.name)])].sort();
  for (const name of names)
    compareAgent(
      name,
      items(
        kamsim.find((a) => a.name === name),
        proxy,
        kIds,
      ),
      items(
        real.find((a) => a.name === name),
        proxy,
        rIds,
      ),
      tolerance,
      result,
    );
  return result;
}

/** The agents' received messages, printed, for reading a failure. */
export function renderAgents(agents: readonly AgentWire[]): string {
  return agents
    .flatMap((a) =>
      a.received.map((m) => `[${m.t.toFixed(3)}] ${a.name} ← ${m.peer}\n${m.text.replace(/\r\n/g, "\n").trimEnd()}\n`),
    )
    .join("");
}
