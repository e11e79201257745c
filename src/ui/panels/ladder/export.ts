/**
 * The Ladder as text to take elsewhere: a plain-text ladder in sngrep's manner (a column per
 * node, an arrow per message with its label and time), and a Mermaid `sequenceDiagram`. Mermaid's
 * rules relied on (its sequence grammar, packages/mermaid/src/diagrams/sequence/parser/
 * sequenceDiagram.jison): a participant is declared as `participant ID as DESCRIPTION`, its ID a
 * plain word (p0, p1 … here: names such as `127.0.0.1:5060` hold `:`, which ends an actor); a
 * message is `ID->>ID: TEXT` (solid line, arrowhead) or `ID-xID: TEXT` (a cross at the end: lost);
 * in TEXT and DESCRIPTION `;` and a line break end the statement, `#` starts a comment (`#` then
 * a word and `;` is an entity code, replaced before parsing), `%%` starts a comment, and `:`
 * separates a message's text; so each of `;` `#` `%` `:` (and `<`, `>`) is written as an entity
 * code, `#NN;` (decimal), which Mermaid turns back into the character when it draws.
 */
import type { LadderRow } from "../../../protocol/messages.js";
import { columnsOf, labelOf, receiverOf, senderOf, timeOf } from "./model.js";

/** One message's label with its time and, when lost, why. */
function caption(r: LadderRow): string {
  const lost = r.lost ? (r.lost === "size" ? " (not sent)" : " (lost)") : "";
  return `${labelOf(r)} ${timeOf(r.t)} s${lost}`;
}

const MIN_COL = 22;

/**
 * sngrep-style text: a header with one column per node, then a line per message, time first,
 * the arrow between its sender's and receiver's lifelines, its label in the middle, `>`/`<` at
 * the receiver, `x` there when the message was lost.
 */
export function ladderAsText(rows: readonly LadderRow[]): string {
  const cols = columnsOf(rows);
  if (cols.length === 0) return "";
  const widest = Math.max(...rows.map((r) => labelOf(r).length + 4), ...cols.map((c) => c.length + 2), MIN_COL);
  const w = widest + (widest % 2);
  const timeW = Math.max(8, ...rows.map((r) => timeOf(r.t).length + 2));
  const x = (i: number) => Math.floor(w / 2) + i * w;
  const lineLen = x(cols.length - 1) + 1;
  const blank = () => {
    const a = new Array<string>(lineLen).fill(" ");
    for (let i = 0; i < cols.length; i++) a[x(i)] = "|";
    return a;
  };
  const head = new Array<string>(lineLen).fill(" ");
  cols.forEach((c, i) => {
    const at = Math.max(0, x(i) - Math.floor(c.length / 2));
    for (let k = 0; k < c.length; k++) head[at + k] = c[k] as string;
  });
  const out = [`${"".padEnd(timeW)}${head.join("").trimEnd()}`];
  for (const r of rows) {
    const a = blank();
    const from = x(cols.indexOf(senderOf(r)));
    const to = x(cols.indexOf(receiverOf(r)));
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    if (lo === hi) {
      // A node sending to itself: a short loop mark beside its lifeline.
      a[lo + 1] = "<";
      a[lo + 2] = "-";
      a[lo + 3] = "'";
    } else {
      for (let k = lo + 1; k < hi; k++) a[k] = "-";
      const head = r.lost ? "x" : to > from ? ">" : "<";
      a[to > from ? hi - 1 : lo + 1] = head;
    }
    const label = ` ${labelOf(r)} `;
    const mid = Math.floor((lo + hi) / 2) - Math.floor(label.length / 2);
    if (lo !== hi) for (let k = 0; k < label.length && mid + k < hi - 1; k++) a[mid + k] = label[k] as string;
    const note = r.lost ? `  ${r.lost === "size" ? "not sent" : "lost"}` : "";
    out.push(`${timeOf(r.t).padEnd(timeW)}${a.join("").trimEnd()}${note}`);
  }
  return `${out.join("\n")}\n`;
}

/** Characters Mermaid reads as syntax inside a message's text or a participant's description. */
const MERMAID_SPECIAL = /[;#%:<>\r\n]/g;

/** `text` with Mermaid's special characters as entity codes (`#59;` for `;`). */
export function mermaidEscape(text: string): string {
  return text.replace(MERMAID_SPECIAL, (c) => (c === "\r" || c === "\n" ? " " : `#${c.charCodeAt(0)};`));
}

/** A Mermaid sequenceDiagram: a participant per column, an arrow per message (`-x` when lost). */
export function ladderAsMermaid(rows: readonly LadderRow[]): string {
  const cols = columnsOf(rows);
  const id = new Map(cols.map((c, i) => [c, `p${i}`]));
  const out = ["sequenceDiagram"];
  for (const c of cols) out.push(`    participant ${id.get(c)} as ${mermaidEscape(c)}`);
  for (const r of rows) {
    const arrow = r.lost ? "-x" : "->>";
    out.push(`    ${id.get(senderOf(r))}${arrow}${id.get(receiverOf(r))}: ${mermaidEscape(caption(r))}`);
  }
  return `${out.join("\n")}\n`;
}
