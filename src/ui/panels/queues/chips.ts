/**
 * A queue's items as chips, rebuilt from its recent `mq` events: what is inside now (oldest
 * first, the last `cap` only: at high speed the depth chart tells the story, not thousands of
 * chips), and what left lately (fetched, or dropped by an overflow) so it can slide out.
 * The events are the store's recent ones only, so the depth, not the chips, is the truth:
 * items older than the events seen are counted as hidden.
 */
import type { SimEvent } from "../../../engine/index.js";

export type MqEvent = Extract<SimEvent, { kind: "mq" }>;

/** Chips drawn at most per queue. */
export const CHIP_CAP = 30;
/** Leaving chips drawn at most (they fade out in under a second; a burst of fetches shows its last few). */
export const LEAVING_CAP = 8;

export interface Chip {
  /** Stable across frames (the add event's identity), for keys and animations. */
  id: number;
  key: string;
  value: string;
  /** When it entered (virtual µs). */
  t: number;
  /** Still inside, fetched, or dropped by an overflow (or replaced by a newer item of its key). */
  state: "in" | "fetched" | "dropped";
  /** When it left. */
  left?: number;
  /** The request whose script added it (a SIP worker's mq_add), for its trace; absent for a timer's. */
  req?: number;
}

export interface QueueChips {
  /** Inside now, oldest (next out) first. */
  inside: Chip[];
  /** Left since `since`, oldest first. */
  leaving: Chip[];
  /** Items inside that have no chip (older than the events seen, or beyond the cap). */
  hidden: number;
  /** The next item out, when the events seen account for every item inside. */
  head?: Chip;
}

const ids = new WeakMap<object, number>();
let lastId = 0;

function idOf(e: object): number {
  let id = ids.get(e);
  if (id === undefined) {
    id = ++lastId;
    ids.set(e, id);
  }
  return id;
}

/**
 * Removes the item a fetch or drop took: the oldest with its key and value (the head, unless it
 * entered before the events seen: then nothing seen is removed).
 */
function takeHead(items: Chip[], e: MqEvent): Chip | undefined {
  const at = items.findIndex((c) => c.key === e.key && c.value === e.value);
  return at >= 0 ? items.splice(at, 1)[0] : undefined;
}

function takeKey(items: Chip[], key: string): Chip | undefined {
  const at = items.findIndex((c) => c.key === key);
  return at >= 0 ? items.splice(at, 1)[0] : undefined;
}

/** Rebuilds `queue`'s chips from `events` (newest last); `depth` is its size now. */
export function queueChips(
  events: readonly SimEvent[],
  queue: string,
  depth: number,
  since: number,
  cap = CHIP_CAP,
): QueueChips {
  const items: Chip[] = [];
  const gone: Chip[] = [];
  for (const e of events) {
    if (e.kind !== "mq" || e.queue !== queue) continue;
    if (e.op === "add") {
      items.push({
        id: idOf(e),
        key: e.key,
        value: e.value,
        t: e.t,
        state: "in",
        ...(e.req !== undefined ? { req: e.req } : {}),
      });
      continue;
    }
    const taken = (e.op === "replace" ? takeKey(items, e.key) : takeHead(items, e)) ?? {
      id: idOf(e),
      key: e.key,
      value: e.value,
      t: e.t,
    };
    gone.push({ ...taken, state: e.op === "fetch" ? "fetched" : "dropped", left: e.t });
  }
  // Missing events (a frame's cap) can leave more chips than items: the oldest are gone.
  if (items.length > depth) items.splice(0, items.length - depth);
  const inside = items.slice(-cap);
  const leaving = gone.filter((c) => (c.left ?? 0) >= since).slice(-LEAVING_CAP);
  const hidden = Math.max(0, depth - inside.length);
  return items.length === depth && items[0] ? { inside, leaving, hidden, head: items[0] } : { inside, leaving, hidden };
}

/** How long a leaving chip stays, in virtual µs: about a second of wall time at `speed`. */
export function leavingWindow(speed: number): number {
  return Number.isFinite(speed) ? Math.min(5_000_000, Math.max(100_000, speed * 900_000)) : 5_000_000;
}

/** `key → value` for a chip's title and accessible text. */
export function chipText(c: Chip): string {
  const what = c.state === "dropped" ? " (dropped)" : c.state === "fetched" ? " (fetched)" : "";
  return `${c.key} → ${c.value}${what}`;
}
