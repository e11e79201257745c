/**
 * The Pike VM: runs all threads of the NFA in step over the text, so time is bounded by
 * text length × program size whatever the pattern. It finds the leftmost-longest match as
 * POSIX requires: the earliest start wins, then the longest end. Among the ways to make that
 * match, the submatches are those of the highest-priority thread (alternatives left to right,
 * repetitions greedy), which is what glibc reports on every case of tests/regex/glibc-table.json
 * except those listed there as known differences.
 */
import { assertAt, type Subject } from "./context.js";
import { Op, type Program } from "./program.js";

/** Thread lists reused between runs of one program (the engine is single-threaded). */
interface Lists {
  pcs: [Int32Array, Int32Array];
  states: [Int32Array[], Int32Array[]];
  mark: Uint32Array;
  gen: number;
}

const listsOf = new WeakMap<Program, Lists>();

function lists(p: Program): Lists {
  let l = listsOf.get(p);
  if (!l) {
    const n = p.op.length;
    l = {
      pcs: [new Int32Array(n), new Int32Array(n)],
      states: [new Array(n), new Array(n)],
      mark: new Uint32Array(n),
      gen: 0,
    };
    listsOf.set(p, l);
  }
  return l;
}

/**
 * Leftmost-longest match starting at or after `from`: the capture slots (start/end pairs,
 * -1 when unset) followed by loop registers, or null.
 */
export function pikeExec(p: Program, s: Subject, from: number): Int32Array | null {
  const L = lists(p);
  const text = s.text;
  const len = text.length;
  const width = p.slots + p.loops;
  let cur = 0;
  let count = 0;
  let best: Int32Array | null = null;
  const stackPc: number[] = [];
  const stackSt: Int32Array[] = [];

  /** Adds the thread at `pc0` and everything it reaches without consuming, in priority order. */
  const add = (list: number, n: number, pc0: number, st0: Int32Array, i: number): number => {
    const pcs = L.pcs[list] as Int32Array;
    const states = L.states[list] as Int32Array[];
    stackPc.push(pc0);
    stackSt.push(st0);
    while (stackPc.length > 0) {
      const pc = stackPc.pop() as number;
      let st = stackSt.pop() as Int32Array;
      if (L.mark[pc] === L.gen) continue;
      L.mark[pc] = L.gen;
      switch (p.op[pc]) {
        case Op.Set:
        case Op.Match:
          pcs[n] = pc;
          states[n++] = st;
          break;
        case Op.Split:
          stackPc.push(p.b[pc] as number, p.a[pc] as number);
          stackSt.push(st, st);
          break;
        case Op.Jmp:
          stackPc.push(p.a[pc] as number);
          stackSt.push(st);
          break;
        case Op.Save:
          st = st.slice();
          st[p.a[pc] as number] = i;
          stackPc.push(pc + 1);
          stackSt.push(st);
          break;
        case Op.Assert:
          if (assertAt(p.a[pc] as number, s, i)) {
            stackPc.push(pc + 1);
            stackSt.push(st);
          }
          break;
        case Op.LoopEnter:
          st = st.slice();
          st[p.slots + (p.a[pc] as number)] = -1;
          stackPc.push(pc + 1);
          stackSt.push(st);
          break;
        case Op.IterStart: {
          const r = p.slots + (p.a[pc] as number);
          st = st.slice();
          // A negative register marks the loop's first iteration: -(start + 2).
          st[r] = st[r] === -1 ? -(i + 2) : i;
          stackPc.push(pc + 1);
          stackSt.push(st);
          break;
        }
        case Op.IterEnd: {
          const reg = st[p.slots + (p.a[pc] as number)] as number;
          const first = reg < -1;
          const start = first ? -(reg + 2) : reg;
          if (i !== start) {
            stackPc.push(p.b[pc] as number);
            stackSt.push(st);
          } else if (first && p.c[pc] === 1) {
            // The loop's split is p.b[pc]; its exit is that split's second branch.
            stackPc.push(p.b[p.b[pc] as number] as number);
            stackSt.push(st);
          }
          break;
        }
      }
    }
    return n;
  };

  const fresh = new Int32Array(width).fill(-1);
  let i = from;
  for (;;) {
    if (count === 0) {
      if (best !== null) break;
      if (p.first !== undefined) {
        // Nothing alive: skip to the next position where a match can begin.
        while (i < len) {
          const c = text.charCodeAt(i);
          if (p.first[Math.min(c, 256)]) break;
          i++;
        }
        if (i >= len) break;
      }
      L.gen++;
      count = add(cur, 0, 0, fresh, i);
    }
    const nxt = 1 - cur;
    const pcs = L.pcs[cur] as Int32Array;
    const states = L.states[cur] as Int32Array[];
    const c = i < len ? text.charCodeAt(i) : -1;
    let n = 0;
    L.gen++;
    for (let k = 0; k < count; k++) {
      const pc = pcs[k] as number;
      const st = states[k] as Int32Array;
      if (best !== null && (st[0] as number) > (best[0] as number)) continue;
      if (p.op[pc] === Op.Match) {
        if (best === null || (st[0] as number) < (best[0] as number) || (st[1] as number) > (best[1] as number))
          best = st;
        continue;
      }
      if (c >= 0 && (p.sets[p.a[pc] as number] as Uint8Array)[Math.min(c, 256)]) n = add(nxt, n, pc + 1, st, i + 1);
    }
    if (i >= len) break;
    i++;
    // A new thread starting here has the lowest priority, and none is needed once a match is known.
    if (best === null && (p.first === undefined || (i < len && p.first[Math.min(text.charCodeAt(i), 256)])))
      n = add(nxt, n, 0, fresh, i);
    cur = nxt;
    count = n;
  }
  return best;
}
