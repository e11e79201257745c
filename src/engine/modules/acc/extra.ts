/**
 * acc's `log_extra`: `name=$pv;name2=$pv2` as parse_acc_extra() (modules/acc/acc_extra.c) reads
 * it — blanks around names, `=` and `;` skipped, each value one pseudo-variable — and its values
 * as extra2strar() gets them: the PV's text, empty for `<null>`.
 */

import type { PvSpec } from "../../lang/pv-spec.js";
import { parsePvAt } from "../../lang/pv-spec.js";

/** One extra attribute: its name and the pseudo-variable it reads. */
export interface AccExtra {
  name: string;
  spec: PvSpec;
}

const isSpace = (c: string | undefined) =>
  c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";

/** The extras, or the position where parse_acc_extra() gives up (Kamailio then refuses to start). */
export function parseAccExtra(text: string): AccExtra[] | { error: number } {
  const out: AccExtra[] = [];
  let s = 0;
  while (s < text.length) {
    while (isSpace(text[s])) s++;
    if (s >= text.length) return { error: s };
    const start = s;
    while (s < text.length && !isSpace(text[s]) && text[s] !== "=") s++;
    if (s >= text.length) return { error: s };
    const name = text.slice(start, s);
    if (text[s] !== "=") {
      while (isSpace(text[s])) s++;
      if (text[s] !== "=") return { error: s };
    }
    s++;
    while (isSpace(text[s])) s++;
    const r = parsePvAt(text, s, true);
    if (text[s] !== "$" || "error" in r) return { error: s };
    out.push({ name, spec: r.spec });
    s += r.length;
    while (isSpace(text[s])) s++;
    if (s < text.length) {
      if (text[s] !== ";" || s + 1 >= text.length) return { error: s + 1 };
      s++;
    }
  }
  return out;
}
