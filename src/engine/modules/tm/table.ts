/**
 * tm's transaction table (modules/tm/h_table.c, t_lookup.c): cells in 2^16 slots by
 * hash(Call-ID, CSeq number), each slot handing out labels in turn. Requests match a cell as
 * t_lookup_request() matches RFC 3261 requests (top Via branch and sent-by, method; an ACK
 * matches its INVITE); a CANCEL finds its INVITE as t_lookupOriginalT() does; a reply finds its
 * cell by the branch parameter tm wrote (t_reply_matching()).
 */
import type { SipMessage } from "../../sip/sip-message.js";
import type { ViaBody } from "../../sip/via.js";
import type { Cell } from "./cell.js";
import { parseBranchParam } from "./ids.js";

export class TmTable {
  private readonly slots = new Map<number, Cell[]>();
  /** Next label per slot (entry->next_label; Kamailio starts it at a random value, kamsim at 0). */
  private readonly labels = new Map<number, number>();
  /** Cells alive now. */
  size = 0;

  insert(t: Cell): void {
    const label = this.labels.get(t.hashIndex) ?? 0;
    this.labels.set(t.hashIndex, label + 1);
    t.label = label;
    let slot = this.slots.get(t.hashIndex);
    if (slot === undefined) {
      slot = [];
      this.slots.set(t.hashIndex, slot);
    }
    slot.push(t);
    this.size++;
  }

  remove(t: Cell): void {
    const slot = this.slots.get(t.hashIndex);
    if (slot === undefined) return;
    const i = slot.indexOf(t);
    if (i < 0) return;
    slot.splice(i, 1);
    if (slot.length === 0) this.slots.delete(t.hashIndex);
    this.size--;
  }

  /** The cell of that slot and label ($T(id_index), $T(id_label); t_lookup_ident()). */
  byIdent(hashIndex: number, label: number): Cell | undefined {
    return this.slots.get(hashIndex)?.find((t) => t.label === label);
  }

  /**
   * t_lookup_request() for a request with an RFC 3261 branch: same top Via branch and sent-by,
   * same method, or an INVITE for an ACK; a CANCEL only matches a CANCEL here.
   */
  lookupRequest(hashIndex: number, msg: SipMessage, via: ViaBody): Cell | undefined {
    const slot = this.slots.get(hashIndex);
    if (slot === undefined) return undefined;
    const branch = branchOf(via);
    const method = msg.method === "ACK" ? "INVITE" : msg.method;
    for (const t of slot) {
      if (t.state === "deleted" || t.method !== method) continue;
      if (t.viaBranch !== branch || t.viaHost !== via.host || t.viaPort !== via.port) continue;
      if (t.callId !== msg.callId || t.cseqNum !== msg.cseq?.num) continue;
      return t;
    }
    return undefined;
  }

  /** t_lookupOriginalT(): the INVITE transaction a CANCEL refers to (same branch and sent-by). */
  lookupOriginal(hashIndex: number, msg: SipMessage, via: ViaBody): Cell | undefined {
    const slot = this.slots.get(hashIndex);
    if (slot === undefined) return undefined;
    const branch = branchOf(via);
    for (const t of slot) {
      if (t.state === "deleted" || t.method === "CANCEL" || t.method === "ACK") continue;
      if (t.viaBranch !== branch || t.viaHost !== via.host || t.viaPort !== via.port) continue;
      if (t.callId !== msg.callId || t.cseqNum !== msg.cseq?.num) continue;
      return t;
    }
    return undefined;
  }

  /**
   * t_reply_matching(): the cell and branch of a reply whose top Via branch is one of ours;
   * the CSeq method must be the cell's, or CANCEL for an INVITE cell (a reply to tm's CANCEL).
   */
  matchReply(branchValue: string | undefined, cseqMethod: string): { t: Cell; branch: number } | undefined {
    if (branchValue === undefined) return undefined;
    const p = parseBranchParam(branchValue);
    if (p === undefined) return undefined;
    const slot = this.slots.get(p.hash);
    if (slot === undefined) return undefined;
    for (const t of slot) {
      if (t.md5 !== p.md5 || t.state === "deleted") continue;
      if (cseqMethod !== t.method && !(cseqMethod === "CANCEL" && t.method === "INVITE")) continue;
      if (p.branch >= t.uacs.length) return undefined;
      return { t, branch: p.branch };
    }
    return undefined;
  }

  /** Every live cell (tm.stats, snapshots). */
  *cells(): IterableIterator<Cell> {
    for (const slot of this.slots.values()) yield* slot;
  }
}

function branchOf(via: ViaBody): string {
  return via.params.find((p) => p.name.toLowerCase() === "branch")?.value ?? "";
}
