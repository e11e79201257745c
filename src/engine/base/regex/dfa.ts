/**
 * A lazily built DFA that answers "is there a match?" (regexec with REG_NOSUB, or the first
 * question of any search): each state is the set of NFA instructions alive after a character,
 * plus what that character was (line end, word character, other, or the buffer's start), which
 * is all the zero-width assertions need. States and transitions are made on first use and
 * cached per program, so a pattern tested again and again costs one table lookup per character.
 * Patterns with back references never come here. Leftmost-longest is irrelevant to the answer.
 */
import { WORD } from "./classes.js";
import { Op, type Program } from "./program.js";

/** What stood before the position: the buffer's start (may `^` match there?), a `\n`, a word character, anything else. */
const START = 0;
const START_NOTBOL = 1;
const AFTER_NL = 2;
const AFTER_WORD = 3;
const AFTER_OTHER = 4;

/** What comes next: the text's end, a `\n`, a word character, anything else. */
const AT_END = 0;
const AT_NL = 1;
const AT_WORD = 2;
const AT_OTHER = 3;

/** Past this many states the cache is dropped and built again (bounds memory for huge patterns). */
const MAX_STATES = 4000;
const UNKNOWN = -1;

/** Buckets per state: bytes 0-255 and one for code units above 255. */
const W = 257;

interface DState {
  kernel: Int32Array;
  prev: number;
}

function classOfNext(b: number): number {
  return b === 10 ? AT_NL : b < 256 && WORD[b] === 1 ? AT_WORD : AT_OTHER;
}

function classOfPrev(b: number): number {
  return b === 10 ? AFTER_NL : b < 256 && WORD[b] === 1 ? AFTER_WORD : AFTER_OTHER;
}

function assertHolds(kind: number, prev: number, next: number, newline: boolean): boolean {
  switch (kind) {
    case 0:
      return prev === START || (newline && prev === AFTER_NL);
    case 1:
      return next === AT_END || (newline && next === AT_NL);
    case 2:
      return (prev === AFTER_WORD) !== (next === AT_WORD);
    case 3:
      return (prev === AFTER_WORD) === (next === AT_WORD);
    case 4:
      return prev !== AFTER_WORD && next === AT_WORD;
    case 5:
      return prev === AFTER_WORD && next !== AT_WORD;
    case 6:
      return prev === START || prev === START_NOTBOL;
    default:
      return next === AT_END;
  }
}

export class Dfa {
  private states: DState[] = [];
  private index = new Map<string, number>();
  /** Next state per (state, bucket), UNKNOWN until computed. */
  private trans = new Int32Array(16 * W).fill(UNKNOWN);
  /** Per (state, bucket): 1 when a match ends before that character. */
  private hits = new Uint8Array(16 * W);
  /** Per state: a match ends at the text's end: -1 unknown, 0 no, 1 yes. */
  private endHits = new Int8Array(16).fill(-1);
  private readonly mark: Uint32Array;
  private gen = 0;
  private readonly stack: number[] = [];
  /** The start states' ids (by START / START_NOTBOL), -1 until made. */
  private readonly starts = [-1, -1];
  /** The empty-kernel states by the class of the character before, -1 until made. */
  private readonly empties = [-1, -1, -1, -1, -1];
  /**
   * The pattern can only match where the buffer starts (`^...` without REG_NEWLINE, or
   * `` \`... ``): no new thread starts later, and a state with nothing alive is dead.
   */
  private readonly anchored: boolean;

  constructor(private readonly p: Program) {
    this.mark = new Uint32Array(p.op.length);
    this.anchored = p.op[1] === Op.Assert && (p.a[1] === 6 || (p.a[1] === 0 && !p.newline));
  }

  /** Whether the text, from `from` on (a new buffer there), holds a match. */
  test(text: string, from: number, notbol: boolean): boolean {
    const prev = notbol ? START_NOTBOL : START;
    let s = this.starts[prev] as number;
    if (s < 0) s = this.starts[prev] = this.state(new Int32Array(0), prev);
    const len = text.length;
    const first = this.p.first;
    let i = from;
    while (i < len) {
      if (first !== undefined && (this.states[s] as DState).kernel.length === 0) {
        // Nothing alive and no empty match possible: skip to where a match can begin.
        let j = i;
        while (j < len && first[Math.min(text.charCodeAt(j), 256)] === 0) j++;
        if (j === len) return false;
        if (j !== i) {
          i = j;
          s = this.emptyState(classOfPrev(Math.min(text.charCodeAt(i - 1), 256)));
        }
      }
      const c = text.charCodeAt(i);
      const at = s * W + Math.min(c, 256);
      let n = this.trans[at] as number;
      if (n === UNKNOWN) {
        const r = this.step(s, Math.min(c, 256));
        if (r.hit) return true;
        n = r.next;
      } else if (this.hits[at] === 1) return true;
      s = n;
      if (this.anchored && (this.states[s] as DState).kernel.length === 0) return false;
      i++;
    }
    let e = this.endHits[s] as number;
    if (e < 0) {
      const st = this.states[s] as DState;
      e = this.closure(st.kernel, st.prev, AT_END, undefined) ? 1 : 0;
      this.endHits[s] = e;
    }
    return e === 1;
  }

  /** The state with nothing alive after a character of class `prev` (cached; dropped with the cache). */
  private emptyState(prev: number): number {
    let s = this.empties[prev] as number;
    if (s < 0 || this.states[s]?.prev !== prev || this.states[s]?.kernel.length !== 0) {
      s = this.state(new Int32Array(0), prev);
      this.empties[prev] = s;
    }
    return s;
  }

  private state(kernel: Int32Array, prev: number): number {
    const key = `${prev}|${kernel.join(",")}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    if (this.states.length >= MAX_STATES) this.reset();
    const id = this.states.length;
    this.states.push({ kernel, prev });
    this.index.set(key, id);
    if ((id + 1) * W > this.trans.length) {
      const trans = new Int32Array(this.trans.length * 2).fill(UNKNOWN);
      trans.set(this.trans);
      this.trans = trans;
      const hits = new Uint8Array(this.hits.length * 2);
      hits.set(this.hits);
      this.hits = hits;
      const ends = new Int8Array(this.endHits.length * 2).fill(-1);
      ends.set(this.endHits);
      this.endHits = ends;
    }
    return id;
  }

  private reset(): void {
    this.states = [];
    this.index = new Map();
    this.trans.fill(UNKNOWN);
    this.hits.fill(0);
    this.endHits.fill(-1);
    this.starts[0] = -1;
    this.starts[1] = -1;
    this.empties.fill(-1);
  }

  /** The transition of state `s` on bucket `b` (computed and, when the cache survives, recorded). */
  private step(s: number, b: number): { next: number; hit: boolean } {
    const st = this.states[s] as DState;
    const out: number[] = [];
    const hit = this.closure(st.kernel, st.prev, b === 256 ? AT_OTHER : classOfNext(b), out);
    const p = this.p;
    const kernel: number[] = [];
    for (const pc of out) if ((p.sets[p.a[pc] as number] as Uint8Array)[b]) kernel.push(pc + 1);
    kernel.sort((x, y) => x - y);
    const dedup = kernel.filter((x, k) => k === 0 || kernel[k - 1] !== x);
    const next = this.state(Int32Array.from(dedup), classOfPrev(b));
    // state() may have dropped the cache (then `s` is gone): record only when it did not.
    if (this.states[s] === st) {
      this.trans[s * W + b] = next;
      this.hits[s * W + b] = hit ? 1 : 0;
    }
    return { next, hit };
  }
  /**
   * Follows every non-consuming instruction from the kernel and from a new thread at the
   * program's start, under the context (prev, next); collects the consuming instructions
   * reached in `out` and says whether Match was reached.
   */
  private closure(kernel: Int32Array, prev: number, next: number, out: number[] | undefined): boolean {
    const p = this.p;
    const stack = this.stack;
    const gen = ++this.gen;
    let matched = false;
    stack.length = 0;
    if (!this.anchored || prev === START || prev === START_NOTBOL) stack.push(0);
    for (let k = kernel.length - 1; k >= 0; k--) stack.push(kernel[k] as number);
    while (stack.length > 0) {
      const pc = stack.pop() as number;
      if (this.mark[pc] === gen) continue;
      this.mark[pc] = gen;
      switch (p.op[pc]) {
        case Op.Set:
          out?.push(pc);
          break;
        case Op.Match:
          matched = true;
          break;
        case Op.Split:
          stack.push(p.b[pc] as number, p.a[pc] as number);
          break;
        case Op.Jmp:
          stack.push(p.a[pc] as number);
          break;
        case Op.IterEnd:
          stack.push(p.b[pc] as number);
          break;
        case Op.Assert:
          if (assertHolds(p.a[pc] as number, prev, next, p.newline)) stack.push(pc + 1);
          break;
        default:
          // Save, LoopEnter, IterStart: bookkeeping only.
          stack.push(pc + 1);
      }
    }
    return matched;
  }
}
