/**
 * AST to program (program.ts). REG_ICASE tests the upper-cased text character (the C locale's
 * toupper, as glibc's re_string does); REG_NEWLINE keeps `.` and negated sets off `\n` (regcomp.c).
 *
 * Repetitions: `x{n,m}` is n copies of x followed by m-n nested optional copies, `x{n,}` by a loop.
 * An iteration of a loop that consumes nothing is allowed only as the loop's first iteration, and
 * then the loop ends: glibc gives `(a*)*` on "b" the group 0,0 but `(a|)+` on "aa" the group 1,2
 * (tests/regex/glibc-table.json holds both).
 */
import { type Node, UNBOUNDED } from "./ast.js";
import { upper } from "./classes.js";
import { REG_ERRORS, RegexSyntaxError } from "./parse.js";
import { ASSERTS, Op, type Program } from "./program.js";

/** Beyond this many instructions a pattern is refused as glibc refuses huge ones. */
const MAX_INSTRUCTIONS = 400_000;

export interface CompileFlags {
  icase: boolean;
  newline: boolean;
}

class Builder {
  op: number[] = [];
  a: number[] = [];
  b: number[] = [];
  c: number[] = [];
  sets: Uint8Array[] = [];
  loops = 0;

  constructor(private readonly flags: CompileFlags) {}

  emit(op: Op, a = 0, b = 0, c = 0): number {
    if (this.op.length >= MAX_INSTRUCTIONS) throw new RegexSyntaxError(REG_ERRORS.ESIZE);
    this.op.push(op);
    this.a.push(a);
    this.b.push(b);
    this.c.push(c);
    return this.op.length - 1;
  }

  private set(table: Uint8Array, negated: boolean, isDot: boolean): number {
    const s = new Uint8Array(257);
    for (let c = 0; c < 256; c++) {
      // REG_ICASE: the text is upper-cased before the test (parse.ts upper-cased the pattern).
      const has = table[this.flags.icase && !isDot ? upper(c) : c] === 1;
      s[c] = (has ? 1 : 0) ^ (negated ? 1 : 0);
    }
    s[256] = negated ? 1 : 0;
    // REG_NEWLINE: "match-any-character operators don't match a newline" and neither do negated lists.
    if (this.flags.newline && negated) s[10] = 0;
    this.sets.push(s);
    return this.sets.length - 1;
  }

  node(n: Node): void {
    switch (n.t) {
      case "empty":
        return;
      case "char": {
        const t = new Uint8Array(256);
        if (n.c < 256) t[n.c] = 1;
        this.emit(Op.Set, this.set(t, false, false));
        return;
      }
      case "any":
        this.emit(Op.Set, this.set(new Uint8Array(256), true, true));
        return;
      case "set":
        this.emit(Op.Set, this.set(n.set, n.negated, false));
        return;
      case "cat":
        for (const item of n.items) this.node(item);
        return;
      case "alt": {
        const jumps: number[] = [];
        for (let i = 0; i < n.items.length; i++) {
          if (i < n.items.length - 1) {
            const split = this.emit(Op.Split);
            this.a[split] = split + 1;
            this.node(n.items[i] as Node);
            jumps.push(this.emit(Op.Jmp));
            this.b[split] = this.op.length;
          } else this.node(n.items[i] as Node);
        }
        for (const j of jumps) this.a[j] = this.op.length;
        return;
      }
      case "group":
        this.emit(Op.Save, 2 * n.index);
        this.node(n.node);
        this.emit(Op.Save, 2 * n.index + 1);
        return;
      case "assert":
        this.emit(Op.Assert, ASSERTS.indexOf(n.kind));
        return;
      case "backref":
        this.emit(Op.Backref, n.index);
        return;
      case "repeat":
        this.repeat(n.node, n.min, n.max);
        return;
    }
  }

  private repeat(body: Node, min: number, max: number): void {
    for (let i = 0; i < min; i++) this.node(body);
    if (max === UNBOUNDED) {
      const k = this.loops++;
      this.emit(Op.LoopEnter, k);
      const loop = this.emit(Op.Split);
      this.a[loop] = loop + 1;
      this.emit(Op.IterStart, k);
      this.node(body);
      this.emit(Op.IterEnd, k, loop, min === 0 ? 1 : 0);
      this.b[loop] = this.op.length;
      return;
    }
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      const s = this.emit(Op.Split);
      this.a[s] = s + 1;
      splits.push(s);
      this.node(body);
    }
    for (const s of splits) this.b[s] = this.op.length;
  }
}

export function compileProgram(node: Node, groups: number, hasBackrefs: boolean, flags: CompileFlags): Program {
  const bld = new Builder(flags);
  bld.emit(Op.Save, 0);
  bld.node(node);
  bld.emit(Op.Save, 1);
  bld.emit(Op.Match);
  const prog: Program = {
    op: Uint8Array.from(bld.op),
    a: Int32Array.from(bld.a),
    b: Int32Array.from(bld.b),
    c: Uint8Array.from(bld.c),
    sets: bld.sets,
    slots: 2 * (groups + 1),
    loops: bld.loops,
    groups,
    hasBackrefs,
    icase: flags.icase,
    newline: flags.newline,
    first: undefined,
  };
  prog.first = firstSet(prog);
  return prog;
}

/**
 * The code units a match can begin with, or undefined when a match can be empty or begin with a
 * back reference: lets the matchers skip start positions that cannot match. Assertions are
 * passed through, which only widens the set.
 */
function firstSet(p: Program): Uint8Array | undefined {
  const out = new Uint8Array(257);
  const seen = new Uint8Array(p.op.length);
  const stack = [0];
  while (stack.length > 0) {
    const pc = stack.pop() as number;
    if (seen[pc]) continue;
    seen[pc] = 1;
    switch (p.op[pc]) {
      case Op.Set: {
        const s = p.sets[p.a[pc] as number] as Uint8Array;
        for (let c = 0; c < 257; c++) if (s[c]) out[c] = 1;
        break;
      }
      case Op.Split:
        stack.push(p.a[pc] as number, p.b[pc] as number);
        break;
      case Op.Jmp:
        stack.push(p.a[pc] as number);
        break;
      case Op.IterEnd:
        stack.push(p.b[pc] as number);
        break;
      case Op.Match:
      case Op.Backref:
        return undefined;
      default:
        stack.push(pc + 1);
    }
  }
  return out;
}
