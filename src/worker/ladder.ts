/**
 * The worker's ladder: the last LADDER_CAPACITY SIP messages of the run (engine `sip` events), one
 * row per datagram, with its wire text kept here for the page to ask for (`message`). Frames
 * carry only what is new: rows sent since the last frame (without their text) and the ends
 * (arrival or loss) of rows an earlier frame carried. `total` counts every message since t = 0,
 * so the page can say how many of them it keeps.
 */
import type { SipEvent } from "../engine/index.js";
import type { LadderDelta, LadderRow } from "../protocol/messages.js";

/** Messages the ladder keeps, as many as the page's Log keeps lines. */
export const LADDER_CAPACITY = 20_000;

interface Kept {
  row: LadderRow;
  text: string;
  /** An earlier frame has carried the row: its end goes to the page as an end. */
  shipped: boolean;
}

/** The reason phrase of a status line (`SIP/2.0 200 OK` → `OK`), read from the first line only. */
export function reasonOf(text: string): string {
  const eol = text.indexOf("\n");
  const first = (eol < 0 ? text : text.slice(0, eol)).replace(/\r$/, "");
  return first.length > 12 ? first.slice(12) : "";
}

export class LadderStore {
  private readonly ring: (Kept | undefined)[];
  private start = 0;
  private size = 0;
  /** Messages sent since t = 0. */
  total = 0;
  /** The rows kept, by id (messages may be emitted out of id order: a send stamped later). */
  private readonly byId = new Map<number, Kept>();
  /** Rows not carried by a frame yet, oldest first (the newest `capacity` of them). */
  private fresh: Kept[] = [];
  private ends: LadderDelta["ends"] = [];

  constructor(readonly capacity = LADDER_CAPACITY) {
    this.ring = new Array(capacity);
  }

  add(e: SipEvent): void {
    if (e.op === "send" || (e.op === "lost" && e.why === "size")) {
      const row: LadderRow = {
        id: e.id,
        t: e.t,
        from: e.from,
        to: e.to,
        fromNode: e.fromNode,
        toNode: e.toNode,
        method: e.method,
        callId: e.callId,
      };
      if (e.status !== undefined) {
        row.status = e.status;
        row.reason = reasonOf(e.text);
      }
      const kept: Kept = { row, text: e.text, shipped: false };
      if (e.op === "lost") {
        row.end = e.t;
        row.lost = "size";
      }
      this.push(kept);
      return;
    }
    const kept = this.byId.get(e.id);
    if (!kept || kept.row.end !== undefined) return;
    kept.row.end = e.t;
    if (e.op === "lost" && e.why !== undefined) kept.row.lost = e.why;
    // A row still waiting for its first frame goes with its end in it.
    if (kept.shipped) this.ends.push(e.op === "lost" ? { id: e.id, end: e.t, lost: e.why } : { id: e.id, end: e.t });
  }

  private push(kept: Kept): void {
    const end = (this.start + this.size) % this.capacity;
    const old = this.ring[end];
    if (this.size < this.capacity) this.size++;
    else {
      this.start = (this.start + 1) % this.capacity;
      if (old) this.byId.delete(old.row.id);
    }
    this.ring[end] = kept;
    this.byId.set(kept.row.id, kept);
    this.total++;
    this.fresh.push(kept);
    // Amortised: the page keeps `capacity` rows, so older unsent ones would only be dropped there.
    if (this.fresh.length >= 2 * this.capacity) this.fresh = this.fresh.slice(this.fresh.length - this.capacity);
  }

  /** The wire text of message `id`, while the ring keeps it. */
  text(id: number): string | undefined {
    return this.byId.get(id)?.text;
  }

  /** What is new since the last call; undefined when nothing is. */
  take(): LadderDelta | undefined {
    if (this.fresh.length === 0 && this.ends.length === 0) return undefined;
    const fresh = this.fresh.length > this.capacity ? this.fresh.slice(this.fresh.length - this.capacity) : this.fresh;
    const rows: LadderRow[] = [];
    for (const k of fresh) {
      k.shipped = true;
      // A copy: the row may end later, and the frame is cloned when posted, not now (in tests).
      rows.push({ ...k.row });
    }
    const delta = { rows, ends: this.ends, total: this.total };
    this.fresh = [];
    this.ends = [];
    return delta;
  }
}
