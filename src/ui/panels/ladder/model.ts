/**
 * What the Ladder draws, as plain data: the node at each end of a message (an endpoint's name, or
 * its `ip:port` when nobody listens there), the arrow's label (a request's method, a reply's
 * "code reason"), the columns (the proxy first, then the nodes in the order they first appear),
 * and the filters (a Call-ID, an agent, hiding OPTIONS and REGISTER).
 */
import { formatTimestamp } from "../../../engine/index.js";
import type { LadderRow } from "../../../protocol/messages.js";

/** The proxy's name in `sip` events (the engine attaches its socket as "kamailio"). */
export const PROXY_NODE = "kamailio";

export function senderOf(r: LadderRow): string {
  return r.fromNode || r.from;
}

export function receiverOf(r: LadderRow): string {
  return r.toNode || r.to;
}

/** A request's method, or a reply's "code reason" (`200 OK`). */
export function labelOf(r: LadderRow): string {
  if (r.status === undefined) return r.method;
  return r.reason ? `${r.status} ${r.reason}` : String(r.status);
}

/** Virtual seconds with milliseconds, as the Log prints them (`2.500`). */
export function timeOf(us: number): string {
  return formatTimestamp(us).trim();
}

const LOST_WHY: Record<NonNullable<LadderRow["lost"]>, string> = {
  loss: "lost on the link",
  nobody: "lost: nobody listens there",
  down: "lost: the agent is down",
  size: "not sent: larger than a UDP datagram",
};

/** How a message ended, in words: arrived (and when), lost and why, or still in flight. */
export function fateOf(r: LadderRow): string {
  if (r.lost) return LOST_WHY[r.lost];
  if (r.end === undefined) return "in flight";
  return r.end === r.t ? "arrived" : `arrived at ${timeOf(r.end)} s`;
}

/** The accessible name of a row: time, sender → receiver, label, fate. */
export function describeRow(r: LadderRow): string {
  return `${timeOf(r.t)} s ${senderOf(r)} → ${receiverOf(r)} ${labelOf(r)}, ${fateOf(r)}`;
}

/** The columns for these rows: the proxy first (when present), then each node as it first appears. */
export function columnsOf(rows: Iterable<LadderRow>): string[] {
  const seen = new Set<string>();
  const named: string[] = [];
  const unnamed: string[] = [];
  const see = (node: string, isName: boolean) => {
    if (seen.has(node)) return;
    seen.add(node);
    (isName ? named : unnamed).push(node);
  };
  for (const r of rows) {
    see(senderOf(r), r.fromNode !== "");
    see(receiverOf(r), r.toNode !== "");
  }
  const cols = [...named, ...unnamed];
  const p = cols.indexOf(PROXY_NODE);
  if (p > 0) {
    cols.splice(p, 1);
    cols.unshift(PROXY_NODE);
  }
  return cols;
}

export interface LadderFilter {
  /** Only this call ("" for all). */
  callId: string;
  /** Only messages from or to this node ("" for all). */
  node: string;
  /** Leave out OPTIONS and REGISTER (and their replies). */
  hideRegistrations: boolean;
}

export const NO_FILTER: LadderFilter = { callId: "", node: "", hideRegistrations: false };

const NOISE = new Set(["OPTIONS", "REGISTER"]);

export function matches(r: LadderRow, f: LadderFilter): boolean {
  if (f.callId && r.callId !== f.callId) return false;
  if (f.hideRegistrations && NOISE.has(r.method)) return false;
  if (f.node && senderOf(r) !== f.node && receiverOf(r) !== f.node) return false;
  return true;
}

export function isFiltered(f: LadderFilter): boolean {
  return f.callId !== "" || f.node !== "" || f.hideRegistrations;
}

/** A call for the Call-ID menu: its id, first message's label and time, how many messages. */
export interface CallSummary {
  callId: string;
  first: string;
  t: number;
  count: number;
}

/** The calls among these rows, in the order they began. */
export function callsOf(rows: Iterable<LadderRow>): CallSummary[] {
  const calls = new Map<string, CallSummary>();
  for (const r of rows) {
    const c = calls.get(r.callId);
    if (c) c.count++;
    else calls.set(r.callId, { callId: r.callId, first: labelOf(r), t: r.t, count: 1 });
  }
  return [...calls.values()];
}

/** The most columns drawn: a flood's thousands of source addresses share the last one. */
export const MAX_COLUMNS = 8;

export interface ColumnLayout {
  /** The columns' titles, left to right. */
  titles: string[];
  /** The column of a node. */
  columnOf(node: string): number;
  /** Nodes drawn together in the last column (0 when every node has its own). */
  merged: number;
}

/**
 * The columns for these rows, at most `max`: the proxy, the named nodes, then addresses; when
 * there are more, the last column stands for all the rest and its title says how many.
 */
export function layoutColumns(rows: Iterable<LadderRow>, max = MAX_COLUMNS): ColumnLayout {
  const cols = columnsOf(rows);
  if (cols.length <= max) {
    const at = new Map(cols.map((c, i) => [c, i]));
    return { titles: cols, columnOf: (n) => at.get(n) ?? 0, merged: 0 };
  }
  const own = cols.slice(0, max - 1);
  const at = new Map(own.map((c, i) => [c, i]));
  const merged = cols.length - own.length;
  return {
    titles: [...own, `${merged.toLocaleString("en-US")} other addresses`],
    columnOf: (n) => at.get(n) ?? max - 1,
    merged,
  };
}
