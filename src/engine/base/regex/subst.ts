/**
 * Kamailio's substitution expressions `/re/replacement/flags` (core/re.c: subst_parser,
 * parse_repl, subst_run, replace_build), used by textops `subst*`, the `{re.subst}`
 * transformation and the preprocessor's `#!subst`. The regex is compiled REG_EXTENDED |
 * REG_NEWLINE, plus REG_ICASE with the `i` flag; `s` drops REG_NEWLINE; `g` replaces every match.
 * In the replacement `\0`..`\9` insert groups, `\n \r \t \\ \$` characters, `\u` the request
 * URI, and `$...` a pseudo-variable (the caller parses and evaluates those).
 */
import { compileRegex, type PosixRegex } from "./index.js";

/** One piece of the replacement. */
export type ReplPart = { t: "text"; s: string } | { t: "group"; n: number } | { t: "uri" } | { t: "pv"; text: string };

export interface SubstExpr {
  source: string;
  re: PosixRegex;
  parts: ReplPart[];
  all: boolean;
}

/** Kamailio's error line (LM_ERR text of core/re.c) and warnings (LM_WARN). */
export type SubstParse =
  | { ok: true; se: SubstExpr; warnings: string[] }
  | { ok: false; error: string; warnings: string[] };

/** core/re.c MAX_REPLACE_WITH: escapes and PVs a replacement may hold. */
const MAX_REPLACE_WITH = 100;
/** core/re.c REPLACE_BUFFER_SIZE: one replacement's text must stay below it. */
const REPLACE_BUFFER_SIZE = 1024;

const CHAR_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\", n: "\n", r: "\r", t: "\t", $: "$" };

/**
 * Parses a substitution expression. `pvLength(text, at)` gives the length of the
 * pseudo-variable spec starting at `at` (a `$`), or undefined when it does not parse; without it
 * a `$` is an ordinary character.
 */
export function parseSubst(subst: string, pvLength?: (text: string, at: number) => number | undefined): SubstParse {
  const warnings: string[] = [];
  const fail = (error: string): SubstParse => ({ ok: false, error, warnings });
  if (subst.length < 3) return fail(`expression is too short: ${subst}`);
  const sep = subst[0] as string;
  if (sep === "\\") return fail(`invalid separator char <${sep}> in ${subst}`);
  let p = 1;
  // The regex ends at the first separator not preceded by a backslash.
  while (p < subst.length && !(subst[p] === sep && subst[p - 1] !== "\\")) p++;
  if (p >= subst.length) return fail(`no separator found: ${subst}`);
  const reText = subst.slice(1, p);
  if (subst.length < p + 2) return fail("String too short");
  const begin = subst.slice(p);
  const parts: ReplPart[] = [];
  let text = "";
  let tokens = 0;
  const flush = () => {
    if (text) parts.push({ t: "text", s: text });
    text = "";
  };
  const token = (part: ReplPart): boolean => {
    flush();
    parts.push(part);
    return ++tokens >= MAX_REPLACE_WITH;
  };
  let q = p + 1;
  let closed = false;
  for (; q < subst.length; q++) {
    const ch = subst[q] as string;
    if (ch === "\\") {
      q++;
      if (q >= subst.length) break;
      const e = subst[q] as string;
      let part: ReplPart;
      if (e in CHAR_ESCAPES) part = { t: "text", s: CHAR_ESCAPES[e] as string };
      else if (e === "u") part = { t: "uri" };
      else if (e >= "0" && e <= "9") part = { t: "group", n: e.charCodeAt(0) - 48 };
      else {
        if (e !== sep) warnings.push(`\\${e} unknown escape in ${begin}`);
        part = { t: "text", s: e };
      }
      if (token(part)) return fail(`too many escapes in the replace part ${begin}`);
    } else if (ch === "$" && pvLength) {
      const n = pvLength(subst, q);
      if (n === undefined) return fail(`bad specifier in replace part ${begin}`);
      if (token({ t: "pv", text: subst.slice(q, q + n) })) return fail(`too many escapes in the replace part ${begin}`);
      q += n - 1;
    } else if (ch === sep) {
      closed = true;
      break;
    } else text += ch;
  }
  if (!closed) return fail(`missing separator: ${begin}`);
  flush();
  let icase = false;
  let newline = true;
  let all = false;
  for (const f of subst.slice(q + 1)) {
    if (f === "i") icase = true;
    else if (f === "s") newline = false;
    else if (f === "g") all = true;
    else return fail(`unknown flag ${f} in ${subst}`);
  }
  const c = compileRegex(reText, { icase, newline });
  if (!c.ok) return fail(`bad regular expression ${reText} in ${subst}`);
  return { ok: true, se: { source: subst, re: c.re, parts: mergeText(parts), all }, warnings };
}

function mergeText(parts: ReplPart[]): ReplPart[] {
  const out: ReplPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.t === "text" && last?.t === "text") out[out.length - 1] = { t: "text", s: last.s + part.s };
    else out.push(part);
  }
  return out;
}

/** What a replacement needs from the message: the request URI (`\u`) and PV values. */
export interface SubstContext {
  uri?: () => string | undefined;
  pv?: (text: string) => string;
}

/** One replacement: `size` characters at `offset` become `rpl`. */
export interface Replacement {
  offset: number;
  size: number;
  rpl: string;
}

/**
 * subst_run(): the matches and their replacements, in order; an error (Kamailio's LM_ERR text,
 * after which Kamailio replaces nothing) when a match is empty or a replacement too long.
 */
export function substRun(se: SubstExpr, input: string, ctx: SubstContext = {}): Replacement[] | { error: string } {
  const out: Replacement[] = [];
  let p = 0;
  let notbol = false;
  do {
    const m = se.re.exec(input, p, { notbol });
    if (!m) break;
    if (m.index === m.end) return { error: "Matched string is empty, invalid regexp?" };
    let rpl = "";
    for (const part of se.parts) {
      if (part.t === "text") rpl += part.s;
      else if (part.t === "group") {
        const g = m.groups[part.n];
        if (g) rpl += input.slice(g[0], g[1]);
      } else if (part.t === "uri") rpl += ctx.uri?.() ?? "";
      else rpl += ctx.pv?.(part.text) ?? "";
      if (rpl.length >= REPLACE_BUFFER_SIZE - 1) return { error: "Buffer too small" };
    }
    out.push({ offset: m.index, size: m.end - m.index, rpl });
    p = m.end;
    const last = input.charCodeAt(p - 1);
    // The next search starts a new buffer: a line start only after a line end (core/re.c).
    notbol = !(last === 10 || last === 13);
  } while (se.all);
  return out;
}

/** subst_str(): the input with the replacements made, or undefined when nothing matched (or on error). */
export function substStr(se: SubstExpr, input: string, ctx: SubstContext = {}): string | undefined {
  const r = substRun(se, input, ctx);
  if ("error" in r || r.length === 0) return undefined;
  return applyReplacements(input, r);
}

/** The input with each replacement (in offset order, not overlapping) made. */
export function applyReplacements(input: string, reps: readonly Replacement[]): string {
  let s = "";
  let at = 0;
  for (const x of reps) {
    s += input.slice(at, x.offset) + x.rpl;
    at = x.offset + x.size;
  }
  return s + input.slice(at);
}
