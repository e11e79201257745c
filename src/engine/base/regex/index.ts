/**
 * POSIX extended regular expressions with glibc's semantics, the ones Kamailio gets from
 * regcomp/regexec: glibc's ERE grammar and error texts, C-locale classes, GNU escapes
 * (`\w \W \s \S \b \B \< \> \` \'`, no `\d`), back references, REG_ICASE / REG_NEWLINE /
 * REG_NOSUB, leftmost-longest matching. Matching runs a Pike VM (time linear in text × pattern);
 * patterns with back references run a backtracker with a step budget. docs/kamailio/regex.md
 * describes the semantics and which Kamailio call passes which flags.
 */
import { backtrackExec } from "./backtrack.js";
import { compileProgram } from "./compile.js";
import type { Subject } from "./context.js";
import { Dfa } from "./dfa.js";
import { parseRegex, RegexSyntaxError } from "./parse.js";
import { pikeExec } from "./pike.js";
import type { Program } from "./program.js";

export { REG_ERRORS } from "./parse.js";

/** regcomp's cflags besides REG_EXTENDED, which is always on. */
export interface RegexFlags {
  /** REG_ICASE: ASCII letters match either case. */
  icase?: boolean;
  /** REG_NEWLINE: `.` and `[^x]` do not match `\n`; `^`/`$` also match after/before a `\n`. */
  newline?: boolean;
  /** REG_NOSUB: only whether it matches is wanted (groups are not reported). */
  nosub?: boolean;
}

/** regexec's eflags and where the buffer starts. */
export interface ExecOptions {
  /** REG_NOTBOL: the buffer's start is not a line start (`^` does not match there). */
  notbol?: boolean;
}

/** A match: `groups[0]` is the whole match, `groups[n]` group n (undefined when it took no part). */
export interface RegexMatch {
  index: number;
  end: number;
  groups: Array<[number, number] | undefined>;
}

export class PosixRegex {
  /** Whether the last search of a back-reference pattern ran out of its step budget (it then reports no match). */
  exhausted = false;
  private dfa: Dfa | undefined;

  constructor(
    readonly source: string,
    readonly flags: Readonly<RegexFlags>,
    /** Number of capturing groups (regex_t.re_nsub). */
    readonly groupCount: number,
    private readonly prog: Program,
  ) {}

  /**
   * The leftmost-longest match in `text` at or after `from`. As with regexec on `text + from`,
   * the text before `from` is not seen (a `^` at `from` matches unless `notbol`).
   */
  exec(text: string, from = 0, opts?: ExecOptions): RegexMatch | null {
    const caps = this.run(text, from, opts);
    if (caps === null) return null;
    const groups: Array<[number, number] | undefined> = [];
    const n = this.flags.nosub ? 0 : this.groupCount;
    for (let g = 0; g <= n; g++) {
      const s = caps[2 * g] as number;
      const e = caps[2 * g + 1] as number;
      groups.push(s >= 0 && e >= 0 ? [s, e] : undefined);
    }
    return { index: caps[0] as number, end: caps[1] as number, groups };
  }

  /** Whether `text` holds a match (regexec returning 0). */
  test(text: string, from = 0, opts?: ExecOptions): boolean {
    if (this.prog.hasBackrefs) return this.run(text, from, opts) !== null;
    this.dfa ??= new Dfa(this.prog);
    return this.dfa.test(text, from, opts?.notbol === true);
  }

  private run(text: string, from: number, opts?: ExecOptions): Int32Array | null {
    const s: Subject = { text, base: from, notbol: opts?.notbol === true, newline: this.prog.newline };
    if (!this.prog.hasBackrefs) {
      // Most searches find nothing: the DFA says so in one pass before the Pike VM looks for groups.
      if (!this.test(text, from, opts)) return null;
      return pikeExec(this.prog, s, from);
    }
    const r = backtrackExec(this.prog, s, from);
    this.exhausted = r.exhausted;
    return r.match;
  }
}

export type CompileResult = { ok: true; re: PosixRegex } | { ok: false; error: string };

/** regcomp(pattern, REG_EXTENDED | flags): the compiled regex, or regerror's text. */
export function compileRegex(pattern: string, flags: RegexFlags = {}): CompileResult {
  try {
    const parsed = parseRegex(pattern, flags.icase === true);
    const prog = compileProgram(parsed.node, parsed.groups, parsed.hasBackrefs, {
      icase: flags.icase === true,
      newline: flags.newline === true,
    });
    return { ok: true, re: new PosixRegex(pattern, { ...flags }, parsed.groups, prog) };
  } catch (e) {
    if (e instanceof RegexSyntaxError) return { ok: false, error: e.message };
    throw e;
  }
}
