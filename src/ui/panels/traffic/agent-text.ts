/**
 * An agent row in words, for the Traffic panel: its registration (with the time left, or that it
 * expired), its calls (in call with whom, ringing, calling), the last call's outcome and its
 * answer. Pure, so it is tested without a page.
 */
import type { AgentCallView, AgentRow } from "../../../protocol/agents.js";
import { REASON_OF } from "./answers.js";

/** The registration: `registered, 3,590 s left`, `expired`, `not registered`, `registering`... */
export function registrationText(row: AgentRow, nowUs: number): string {
  switch (row.registration) {
    case "none":
      return "not registered";
    case "registering":
      return "registering";
    case "unregistered":
      return "unregistered";
    case "failed":
      return "registration failed";
    case "registered": {
      if (row.expiresAt === undefined) return "registered";
      const left = Math.ceil((row.expiresAt - nowUs) / 1e6);
      return left > 0 ? `registered, ${left.toLocaleString("en")} s left` : "registration expired";
    }
    default:
      return row.registration;
  }
}

/** A call not over: `in call with bob`, `ringing: alice calling`, `calling bob (ringing)`. */
export function callText(c: AgentCallView): string {
  if (c.state === "established") return `in call with ${c.peer}`;
  if (c.role === "callee") return c.state === "ringing" ? `ringing: ${c.peer} calling` : `${c.peer} calling`;
  return c.state === "ringing" ? `calling ${c.peer} (ringing)` : `calling ${c.peer}`;
}

/** The last call that ended: `last: to bob, 486 Busy Here`, `last: from alice, ended`. */
export function lastCallText(c: AgentCallView): string {
  const who = c.role === "caller" ? `to ${c.peer}` : `from ${c.peer}`;
  if (c.state === "failed" && c.code !== undefined) return `last: ${who}, ${c.code} ${REASON_OF[c.code] ?? ""}`.trim();
  return `last: ${who}, ${c.state}`;
}

/** Everything the row says of its state, in one line (also its status text for screen readers). */
export function agentStateText(row: AgentRow, nowUs: number): string {
  if (row.down) return "down (unplugged): nothing reaches it, nothing leaves it";
  const parts = [registrationText(row, nowUs), ...row.calls.map(callText)];
  if (row.more > 0) parts.push(`${row.more} more call(s)`);
  if (row.last && row.calls.length === 0) parts.push(lastCallText(row.last));
  return parts.join("; ");
}
