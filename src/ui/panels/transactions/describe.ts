/**
 * The Transactions view's sentences, from a transaction's figures and the clock: which timer runs
 * and when it fires (tm's fr/fr_inv limit and retr of a branch, the wait timer), a reply code's
 * tone. Times are the engine's (`arm` events), in virtual µs.
 */
import type { TxBranch, TxRow } from "../../../protocol/views.js";
import { formatDuration, formatSeconds } from "../timers/format.js";

/** `fr_inv fires in 17 s (at 22.500 s)`; a moment already reached reads `now`. */
export function firesText(name: string, at: number, now: number): string {
  const left = at - now;
  return `${name} fires ${left > 0 ? `in ${formatDuration(left)}` : "now"} (at ${formatSeconds(at)})`;
}

/** What runs on a branch now: its final-response limit, its next retransmission. */
export function branchTimers(b: TxBranch, now: number): string[] {
  const out: string[] = [];
  if (b.limitAt !== undefined) out.push(firesText(b.limit ?? "fr", b.limitAt, now));
  if (b.retrAt !== undefined) out.push(firesText("retr", b.retrAt, now));
  return out;
}

/** What runs on the transaction itself: the reply upstream's retransmission and limit, the wait timer. */
export function txTimers(tx: TxRow, now: number): string[] {
  const out: string[] = [];
  if (tx.replyRetrAt !== undefined) out.push(`reply ${firesText("retr", tx.replyRetrAt, now)}`);
  if (tx.replyLimitAt !== undefined) out.push(`reply ${firesText("fr", tx.replyLimitAt, now)} (waiting for its ACK)`);
  if (tx.waitAt !== undefined) out.push(`${firesText("wait", tx.waitAt, now)}: then the transaction is deleted`);
  return out;
}

/** The tone of a code: `provisional`, `success`, `redirect`, `failure`, or `none` (0). */
export function codeTone(code: number): string {
  if (code === 0) return "none";
  if (code < 200) return "provisional";
  if (code < 300) return "success";
  if (code < 400) return "redirect";
  return "failure";
}
