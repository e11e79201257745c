/**
 * The preprocessor (docs/kamailio/preprocessor.md), working on tokens the way Kamailio's lexer does: `#!define`
 * and friends, `#!ifdef` nesting (skipped text is not lexed), `#!subst`/`#!substdef` on string
 * literals, `include_file`/`import_file` from a map of virtual files, `MOD_<name>` defined by
 * every `loadmodule`, and define substitution on identifiers (never inside strings or PVs).
 */

import { applyReplacements, parseSubst, type SubstExpr, substRun } from "../base/regex/subst.js";
import type { SourceFile, Span } from "../base/source.js";
import { CFG_KEYWORDS } from "./cfg-keywords.js";
import { DiagnosticBag } from "./diagnostics.js";
import { Lexer } from "./lexer.js";
import type { Token } from "./tokens.js";

/** Where included files come from: a map of path → text, or a function returning the text. */
export type FileResolver = Readonly<Record<string, string>> | ((path: string) => string | undefined);

export interface PreprocessOptions {
  /** Files that `include_file`/`import_file` may read. The browser has no disk. */
  files?: FileResolver;
  /** Defines given from outside, like `kamailio -D NAME=VALUE` (value "" for none). */
  defines?: Readonly<Record<string, string>>;
  /** Environment for `#!defenv` (the CLI passes the process environment; the browser none). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The preprocessor's result: one token stream over all files, and the file table. */
export interface Preprocessed {
  tokens: Token[];
  files: SourceFile[];
  /** Defines in force at the end of the config. */
  defines: Map<string, string>;
  /**
   * Text not read because of `#!ifdef`/`#!ifndef`/`#!else` (Kamailio's lexer skips it unlexed,
   * core/cfg.lex IFDEF_SKIP): from the end of the directive that stopped reading to the start of
   * the one that resumed it, or to its file's end. In file order; spans of included files too.
   */
  inactive: Span[];
  /** `KAMAILIO`, `SER`, `MAXCOMPAT`...: the first-line mode, if one was given. */
  mode?: string;
}

interface Cond {
  active: boolean;
  /** Whether some branch of this conditional was already taken. */
  taken: boolean;
  sawElse: boolean;
  span: Span;
}

/** The regex and replacement texts of `/re/repl/` (both end at an unescaped separator). */
function substdefParts(body: string): [string, string] {
  const sep = body[0] as string;
  const end = (from: number) => {
    let p = from;
    while (p < body.length && !(body[p] === sep && body[p - 1] !== "\\")) p++;
    return p;
  };
  const nameEnd = end(1);
  return [body.slice(1, nameEnd), body.slice(nameEnd + 1, end(nameEnd + 1))];
}

const CONDITIONALS: ReadonlySet<string> = new Set(["ifdef", "ifndef", "ifexp", "else", "endif"]);

type DefineKind = "define" | "trydef" | "redefine" | "defexp";

/** Directive spellings that define a name, and how they treat an existing one. */
const DEFINE_KINDS: Readonly<Record<string, DefineKind>> = {
  define: "define",
  def: "define",
  trydef: "trydef",
  trydefine: "trydef",
  redefine: "redefine",
  redef: "redefine",
  defexp: "defexp",
  defexps: "defexp",
};

const MAX_INCLUDE_DEPTH = 10;
const MAX_DEFINES = 512;
const MAX_EXPANSION_DEPTH = 16;
/** cfg.lex MAX_IFDEFS: how deep `#!ifdef`/`#!ifndef` nest. */
const MAX_IFDEFS = 512;

/**
 * How much text the preprocessor may produce in all: every file read (the main one and each
 * include, as often as it is included), every define's value each time it is expanded, and what
 * `#!subst` adds to strings. Kamailio has no such count: its lexer keeps all of this in private
 * memory (cfg.lex addstr() and sr_push_yy_state() for includes, unput() of a define's value into
 * flex's buffer, ppcfg.c pp_subst_run() results from pkg_malloc), so a define bomb or a fan-out of
 * includes ends in "could not allocate private memory from pkg pool" (observed on 5.6.3, -M 8),
 * 31 `#!subst "/a/aa/g"` in re.c's "Buffer too small", and `include_file "/dev/zero"` makes it
 * read forever. kamsim counts the text as it grows and stops at 2 MB, the size of the largest
 * config the page opens; the CLI reads no file past it (MAX_CONFIG_TEXT + 1 characters tell).
 */
export const MAX_CONFIG_TEXT = 2 * 1024 * 1024;

/** Runs the preprocessor over the main file and everything it includes. */
export function preprocess(
  name: string,
  text: string,
  diags: DiagnosticBag,
  options: PreprocessOptions = {},
): Preprocessed {
  const pp = new Preprocessor(diags, options);
  for (const [k, v] of Object.entries(options.defines ?? {})) pp.defines.set(k, v);
  pp.run(name, text);
  return { tokens: pp.out, files: pp.files, defines: pp.defines, mode: pp.mode, inactive: pp.inactive };
}

class Preprocessor {
  readonly defines = new Map<string, string>();
  readonly files: SourceFile[] = [];
  readonly out: Token[] = [];
  readonly inactive: Span[] = [];
  mode: string | undefined;
  /** Where the text being skipped began (see `inactive`). */
  private skipFrom: { file: number; start: number } | undefined;
  private readonly conds: Cond[] = [];
  private readonly substs: SubstExpr[] = [];
  /** Characters of text that may still be produced (MAX_CONFIG_TEXT). */
  private room = MAX_CONFIG_TEXT;
  /** Set when the text went past MAX_CONFIG_TEXT: nothing more is read, expanded or substituted. */
  private full = false;

  constructor(
    private readonly diags: DiagnosticBag,
    private readonly options: PreprocessOptions,
  ) {}

  /** Whether text is read here: each level's `active` already includes its parent's, so the top's says it. */
  private get active(): boolean {
    return this.conds[this.conds.length - 1]?.active ?? true;
  }

  run(name: string, text: string): void {
    this.file(name, text, 0, undefined);
    for (const c of this.conds) {
      this.diags.error(
        "unbalanced_ifdef",
        "different number of preprocessor directives: 1 more #!if[n]def as #!endif",
        c.span,
      );
    }
    const last = this.files[0] as SourceFile;
    const end = { file: 0, start: last.text.length, end: last.text.length };
    this.out.push({ kind: "eof", text: "", value: "", span: end, nl: true });
  }

  /**
   * Reads one file. Text past the room left is not read: the error is at the include (`at`), or
   * at the place in the main file where the room ran out.
   */
  private file(name: string, whole: string, depth: number, at: Span | undefined): void {
    const index = this.files.length;
    const text = whole.length > this.room ? whole.slice(0, this.room) : whole;
    this.files.push({ name, text });
    if (text !== whole) this.overflow(at ?? { file: index, start: text.length, end: text.length });
    else this.room -= text.length;
    const lexer = new Lexer(text, index, this.diags);
    for (;;) {
      const tok = this.active ? lexer.next() : lexer.nextConditional();
      if (tok.kind === "eof") {
        // A file left inside a false #!ifdef: the skipping goes on in the file that included it.
        if (!this.active) this.endSkip(index, text.length);
        return;
      }
      if (tok.kind === "directive") this.directive(tok, depth);
      else this.token(tok, lexer, depth);
    }
  }

  private endSkip(file: number, end: number): void {
    const from = this.skipFrom;
    this.skipFrom = undefined;
    if (from && from.file === file && end > from.start) this.inactive.push({ file, start: from.start, end });
  }

  private token(tok: Token, lexer: Lexer, depth: number): void {
    if (tok.kind === "ident") {
      const word = tok.text;
      if (word === "include_file" || word === "import_file") {
        this.include(word, lexer.next(), depth, tok);
        return;
      }
      // Kamailio's lexer matches a keyword before it looks an identifier up among the defines.
      if (this.defines.has(word) && !CFG_KEYWORDS.has(word)) {
        this.expand(tok, 0);
        return;
      }
      if (word === "loadmodule") {
        this.out.push(tok);
        const arg = lexer.next();
        if (arg.kind === "string") this.defineModule(arg);
        this.token(arg, lexer, depth);
        return;
      }
    }
    if (tok.kind === "eof") return;
    if (tok.kind === "directive") {
      this.directive(tok, depth);
      return;
    }
    this.push(tok);
  }

  private push(tok: Token): void {
    if (tok.kind === "string" && this.substs.length) tok.value = this.applySubsts(String(tok.value), tok.span);
    this.out.push(tok);
  }

  /** Takes `n` characters from the room left; false (and the error, once, at `span`) if there are not so many. */
  private spend(n: number, span: Span): boolean {
    if (this.full) return false;
    if (n <= this.room) {
      this.room -= n;
      return true;
    }
    this.overflow(span);
    return false;
  }

  private overflow(span: Span): void {
    if (this.full) return;
    this.full = true;
    this.room = 0;
    const mb = MAX_CONFIG_TEXT / (1024 * 1024);
    this.diags.fatal(
      "config_too_large",
      `could not allocate private memory from pkg pool: the config makes more than ${mb} MB of text with its includes, defines and substitutions (kamsim's limit)`,
      span,
    );
  }

  /** Every `loadmodule "x.so"` defines `MOD_x` (docs/kamailio/preprocessor.md#module-defines). */
  private defineModule(arg: Token): void {
    const base = String(arg.value).split("/").pop() ?? "";
    const mod = base.replace(/\.so$/, "");
    if (mod) this.defines.set(`MOD_${mod}`, "");
  }

  /** Replaces a define's name by its value, lexed again, with the name's span (docs/kamailio/preprocessor.md#define-substitution). */
  private expand(tok: Token, level: number): void {
    if (level > MAX_EXPANSION_DEPTH) {
      this.diags.error("define_recursion", `too many nested define expansions: ${tok.text}`, tok.span);
      return;
    }
    const value = this.defines.get(tok.text) ?? "";
    // Each expansion costs its value's text (at least a character, for an empty one).
    if (!this.spend(Math.max(1, value.length), tok.span)) return;
    const sub = new Lexer(value, tok.span.file, new DiagnosticBag());
    let first = true;
    for (let t = sub.next(); t.kind !== "eof"; t = sub.next()) {
      if (t.kind === "directive") continue;
      const placed: Token = { ...t, span: tok.span, nl: first ? tok.nl : false };
      first = false;
      if (
        placed.kind === "ident" &&
        this.defines.has(placed.text) &&
        !CFG_KEYWORDS.has(placed.text) &&
        placed.text !== tok.text
      ) {
        this.expand(placed, level + 1);
      } else {
        this.push(placed);
      }
    }
  }

  private include(word: string, arg: Token, depth: number, at: Token): void {
    if (arg.kind !== "string") {
      this.diags.error("syntax_error", "syntax error", arg.span);
      return;
    }
    // Past the limit nothing more is read: an include fan-out (a file including itself ten times,
    // ten deep) would otherwise still ask for each of its 10^10 files.
    if (this.full) return;
    const path = this.applySubsts(String(arg.value), arg.span);
    // cfg.lex sr_push_yy_state() refuses a level past MAX_INCLUDE_DEPTH before it opens the file.
    if (depth + 1 > MAX_INCLUDE_DEPTH) {
      this.diags.error("include_too_deep", `too many nested includes (max ${MAX_INCLUDE_DEPTH}): "${path}"`, arg.span);
      return;
    }
    const found = this.resolve(path, this.files[at.span.file]?.name ?? "");
    if (found === undefined) {
      if (word === "include_file") {
        this.diags.error("include_not_found", `cannot open included file: "${path}"`, arg.span);
      }
      return;
    }
    // A NUL byte is never in a config's text: such a file is binary or a pseudo-file such as
    // /proc/self/environ, whose NUL-separated NAME=value lines would otherwise come back as
    // 'unknown config variable: SHELL' errors, listing the environment's names. Refused at the
    // include, unread (a kamsim limit; docs/kamailio/preprocessor.md).
    // (Past the room left, the text limit's error says more: it is checked first, in file().)
    const nul = found.text.length > this.room ? -1 : found.text.indexOf("\0");
    if (nul >= 0) {
      this.diags.error(
        "include_binary",
        `included file "${path}" is not a text file (a NUL byte at offset ${nul}); it is not read`,
        arg.span,
      );
      return;
    }
    this.file(found.name, found.text, depth + 1, arg.span);
    if (!this.active) this.skipFrom = { file: arg.span.file, start: arg.span.end };
  }

  /** As given, then relative to the including file's folder (docs/kamailio/preprocessor.md#include-files). */
  private resolve(path: string, from: string): SourceFile | undefined {
    const get = (p: string): string | undefined => {
      const files = this.options.files;
      if (!files) return undefined;
      return typeof files === "function" ? files(p) : Object.hasOwn(files, p) ? files[p] : undefined;
    };
    const dir = from.includes("/") ? from.slice(0, from.lastIndexOf("/") + 1) : "";
    for (const candidate of path.startsWith("/") || !dir ? [path] : [path, dir + path]) {
      const text = get(candidate);
      if (text !== undefined) return { name: candidate, text };
    }
    return undefined;
  }

  private directive(tok: Token, depth: number): void {
    const name = String(tok.value);
    const args = (tok.args ?? "").trim();
    if (!this.active && !CONDITIONALS.has(name)) return;
    if (name === "shebang") this.mode = tok.args;
    else if (CONDITIONALS.has(name)) this.conditional(name, args, tok);
    else if (name in DEFINE_KINDS) this.define(tok, DEFINE_KINDS[name] as DefineKind);
    else if (name.startsWith("subst")) this.subst(tok, args, name === "substdefs");
    else if (name.includes("defenv")) this.defenv(tok, name, args);
    else if (name === "include_file" || name === "import_file") {
      const arg = new Lexer(tok.args ?? "", tok.span.file, this.diags).next();
      this.include(name, { ...arg, span: tok.argsSpan ?? tok.span }, depth, tok);
    }
  }

  private conditional(name: string, args: string, tok: Token): void {
    const was = this.active;
    if (name === "else") this.elseDirective(tok);
    else if (name === "endif") this.endif(tok);
    else this.openIf(name, args, tok);
    if (was && !this.active) this.skipFrom = { file: tok.span.file, start: tok.span.end };
    else if (!was && this.active) this.endSkip(tok.span.file, tok.span.start);
  }

  private openIf(name: string, args: string, tok: Token): void {
    // cfg.lex pp_ifdef_type(): a level past MAX_IFDEFS is refused (the directive is not counted,
    // so its #!endif closes an outer one), and the lexer's error return is a syntax error there.
    if (this.conds.length >= MAX_IFDEFS) {
      this.diags.error("too_many_ifdefs", "too many nested ifdefs -- adjust MAX_IFDEFS", tok.span);
      return;
    }
    const parentActive = this.active;
    let cond: boolean;
    if (name === "ifexp") {
      this.diags.warning("not_simulated", "#!ifexp is not evaluated by kamsim: its block is taken as false", tok.span);
      cond = false;
    } else {
      const id = args.split(/\s+/)[0] ?? "";
      if (!id) this.diags.error("syntax_error", `syntax error: #!${name} needs a name`, tok.span);
      cond = this.defines.has(id) === (name === "ifdef");
    }
    this.conds.push({ active: parentActive && cond, taken: cond, sawElse: false, span: tok.span });
    if (!parentActive) (this.conds[this.conds.length - 1] as Cond).taken = true;
  }

  private elseDirective(tok: Token): void {
    const top = this.conds[this.conds.length - 1];
    // pp_else() in core/cfg.lex: outside any #!ifdef only a WARNING (the config still starts);
    // a second #!else flips the branch again, without a word.
    if (!top) {
      this.diags.warning(
        "invalid_directive_position",
        "invalid position for preprocessor directive 'else'",
        this.afterLine(tok.span),
      );
      return;
    }
    const parentActive = this.conds[this.conds.length - 2]?.active ?? true;
    if (top.sawElse) {
      top.active = parentActive && !top.active;
      return;
    }
    top.sawElse = true;
    top.active = parentActive && !top.taken;
    top.taken = true;
  }

  /**
   * Where Kamailio reports a misplaced directive: its lexer has already counted the directive's
   * line end (core/cfg.lex), so it names the next line (`- at cfg line 3` for a line-2 `#!endif`).
   */
  private afterLine(span: Span): Span {
    const text = this.files[span.file]?.text ?? "";
    const nl = text.indexOf("\n", span.end);
    if (nl < 0) return span;
    return { file: span.file, start: nl + 1, end: nl + 1 };
  }

  private endif(tok: Token): void {
    if (!this.conds.pop()) {
      this.diags.error(
        "invalid_directive_position",
        "invalid position for preprocessor directive 'endif'",
        this.afterLine(tok.span),
      );
    }
  }

  private define(tok: Token, how: DefineKind): void {
    const args = tok.args ?? "";
    const raw = args.replace(/^[ \t]+/, "");
    const m = /^[A-Za-z0-9_]+/.exec(raw);
    const at = tok.argsSpan ?? tok.span;
    const nameStart = at.start + (args.length - raw.length);
    const span = { ...at, start: nameStart, end: nameStart + (m?.[0].length ?? 0) };
    if (!m) {
      this.diags.error("syntax_error", "syntax error: missing define name", span);
      return;
    }
    const id = m[0];
    const rest = raw.slice(id.length);
    if (rest.startsWith("-")) {
      this.diags.error("define_dash", "'-' not allowed", span);
      return;
    }
    if (rest !== "" && !/^[ \t]/.test(rest) && !rest.startsWith("(")) {
      this.diags.error("syntax_error", "syntax error", span);
      return;
    }
    if (how === "defexp") {
      this.diags.warning("not_simulated", `#!defexp is not evaluated by kamsim: ${id} keeps its text`, tok.span);
    }
    const value = rest.replace(/^[ \t]+/, "");
    if (this.defines.has(id)) {
      if (how === "trydef") return;
      if (how === "define" || how === "defexp") {
        this.diags.error("already_defined", `pp_define(): already defined: ${id}`, span);
        return;
      }
    } else if (this.defines.size >= MAX_DEFINES) {
      this.diags.error("too_many_defines", `too many defines (max ${MAX_DEFINES})`, span);
      return;
    }
    this.defines.set(id, value);
  }

  private defenv(tok: Token, name: string, args: string): void {
    const [id, envName] = args.includes("=") ? (args.split("=", 2) as [string, string]) : [args, args];
    const value = this.options.env?.[envName.trim()];
    if (value === undefined) {
      if (!name.startsWith("try")) {
        this.diags.error("defenv_missing", `failed to find env variable: ${envName.trim()}`, tok.span);
      }
      return;
    }
    this.defines.set(id.trim(), name.endsWith("s") ? `"${value}"` : value);
  }

  /**
   * `"/re/repl/flags"` with any delimiter, parsed by core/re.c's subst_parser (ppcfg.c
   * pp_subst_add): a POSIX regex, REG_NEWLINE unless `s`, `i` and `g` flags; substdef also
   * defines the regex text as the replacement (docs/kamailio/preprocessor.md#directives).
   */
  private subst(tok: Token, args: string, quoted: boolean): void {
    const body = /^"(.*)"$/.exec(args)?.[1] ?? args;
    const parsed = parseSubst(body);
    if (!parsed.ok) {
      this.diags.error("bad_subst", `${parsed.error}: bad subst expression: ${body}`, tok.span);
      return;
    }
    this.substs.push(parsed.se);
    if (tok.value !== "subst") {
      // ppcfg.c pp_substdef_add(): the name and value end at the next unescaped separator.
      const [name, value] = substdefParts(body);
      if (this.defines.has(name) && tok.value === "substdef") {
        this.diags.error("already_defined", `pp_define(): already defined: ${name}`, tok.span);
        return;
      }
      this.defines.set(name, quoted ? `"${value}"` : value);
    }
  }

  /** `#!subst` rules in order on a string; what they add is counted before it is built. */
  private applySubsts(s: string, span: Span): string {
    let out = s;
    for (const sub of this.substs) {
      if (this.full) return out;
      const reps = substRun(sub, out);
      if ("error" in reps || reps.length === 0) continue;
      let grown = 0;
      for (const r of reps) grown += r.rpl.length - r.size;
      if (grown > 0 && !this.spend(grown, span)) return out;
      out = applyReplacements(out, reps);
    }
    return out;
  }
}
