/**
 * The matcher for patterns with back references (`\1`..`\9`, which glibc accepts in ERE as a
 * GNU extension): no finite automaton can match them, so this one explores the program's paths
 * depth first, in priority order, keeping for the leftmost start the longest match (the first
 * found among equally long ones). Its work is capped by a step budget so that no pattern can hang a
 * run; a search that runs out of budget reports no match and says so (`exhausted`).
 */
import { lower } from "./classes.js";
import { assertAt, type Subject } from "./context.js";
import { Op, type Program } from "./program.js";

/** Steps (instructions executed) one search may take. */
export const BACKTRACK_BUDGET = 2_000_000;

export interface BacktrackResult {
  match: Int32Array | null;
  exhausted: boolean;
}

export function backtrackExec(p: Program, s: Subject, from: number): BacktrackResult {
  const text = s.text;
  const len = text.length;
  let steps = 0;
  const width = p.slots + p.loops;
  for (let start = from; start <= len; start++) {
    if (p.first !== undefined && (start >= len || !p.first[Math.min(text.charCodeAt(start), 256)])) continue;
    let best: Int32Array | null = null;
    const pcs: number[] = [0];
    const pos: number[] = [start];
    const sts: Int32Array[] = [new Int32Array(width).fill(-1)];
    while (pcs.length > 0) {
      let pc = pcs.pop() as number;
      let i = pos.pop() as number;
      let st = sts.pop() as Int32Array;
      for (;;) {
        if (++steps > BACKTRACK_BUDGET) return { match: null, exhausted: true };
        const op = p.op[pc];
        if (op === Op.Set) {
          if (i >= len) break;
          const c = text.charCodeAt(i);
          if (!(p.sets[p.a[pc] as number] as Uint8Array)[Math.min(c, 256)]) break;
          i++;
          pc++;
        } else if (op === Op.Split) {
          pcs.push(p.b[pc] as number);
          pos.push(i);
          sts.push(st);
          pc = p.a[pc] as number;
        } else if (op === Op.Jmp) {
          pc = p.a[pc] as number;
        } else if (op === Op.Save) {
          st = st.slice();
          st[p.a[pc] as number] = i;
          pc++;
        } else if (op === Op.Assert) {
          if (!assertAt(p.a[pc] as number, s, i)) break;
          pc++;
        } else if (op === Op.Backref) {
          const g = p.a[pc] as number;
          const gs = st[2 * g] as number;
          const ge = st[2 * g + 1] as number;
          if (gs < 0 || ge < 0) break;
          const n = ge - gs;
          if (i + n > len) break;
          let ok = true;
          for (let k = 0; k < n && ok; k++) {
            const x = text.charCodeAt(gs + k);
            const y = text.charCodeAt(i + k);
            ok = x === y || (p.icase && lower(x) === lower(y));
          }
          if (!ok) break;
          i += n;
          pc++;
        } else if (op === Op.Match) {
          if (best === null || i > (best[1] as number)) {
            best = st.slice();
            best[1] = i;
          }
          break;
        } else if (op === Op.LoopEnter) {
          st = st.slice();
          st[p.slots + (p.a[pc] as number)] = -1;
          pc++;
        } else if (op === Op.IterStart) {
          const r = p.slots + (p.a[pc] as number);
          st = st.slice();
          st[r] = st[r] === -1 ? -(i + 2) : i;
          pc++;
        } else {
          // IterEnd: see pike.ts, same rule.
          const reg = st[p.slots + (p.a[pc] as number)] as number;
          const first = reg < -1;
          if (i !== (first ? -(reg + 2) : reg)) pc = p.b[pc] as number;
          else if (first && p.c[pc] === 1) pc = p.b[p.b[pc] as number] as number;
          else break;
        }
      }
    }
    if (best !== null) return { match: best, exhausted: false };
  }
  return { match: null, exhausted: false };
}
