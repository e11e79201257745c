/**
 * Kamailio's sed-like substitutions, `/re/replacement/flags` (src/core/re.c: subst_parser,
 * parse_repl, replace_build, subst_run), as textops' subst functions use them:
 * - any first character is the separator except `\`; the regex ends at the next separator
 *   not preceded by `\`; flags: `i` case-insensitive, `s` lets `.`/`[^x]` cross line ends
 *   (REG_NEWLINE off), `g` every match; another flag refuses the expression;
 * - the regex is extended POSIX with REG_NEWLINE (base/regex);
 * - in the replacement `\0`..`\9` are the match and its groups, `\n \r \t \\ \$` characters,
 *   `\u` the request URI, `$...` a pseudo-variable read when the substitution runs, and any other
 *   escaped character stands for itself;
 * - with `g`, matching goes on after each match, `^` matching again only right after a line end
 *   (REG_NOTBOL otherwise); an empty match stops everything ("Matched string is empty").
 */
import { compileRegex, type PosixRegex } from "../../base/regex/index.js";
import type { Span } from "../../base/source.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CompileEnv } from "../../runtime/env.js";
import { printValue } from "../../runtime/values.js";

type Piece = string | { group: number } | { uri: true } | ((ctx: ScriptContext) => string);

export interface SubstExpr {
  re: PosixRegex;
  pieces: Piece[];
  all: boolean;
}

/** One replacement of subst_run(): where it applies in the input and what goes there. */
export interface SubstHit {
  offset: number;
  size: number;
  text: string;
}

/** subst_parser(); a string is the reason the expression is refused. */
export function parseSubst(expr: string, env: CompileEnv, span: Span): SubstExpr | string {
  if (expr.length < 3) return `expression is too short: ${expr}`;
  const sep = expr[0] as string;
  if (sep === "\\") return `invalid separator char <${sep}> in ${expr}`;
  let p = 1;
  while (p < expr.length && !(expr[p] === sep && expr[p - 1] !== "\\")) p++;
  if (p >= expr.length) return `no separator found: ${expr}`;
  const reText = expr.slice(1, p);
  if (expr.length < p + 2) return "String too short";
  const pieces: Piece[] = [];
  let lit = "";
  const flush = () => {
    if (lit !== "") pieces.push(lit);
    lit = "";
  };
  p++;
  let found = false;
  for (; p < expr.length; p++) {
    const c = expr[p] as string;
    if (c === "\\") {
      p++;
      const e = expr[p];
      if (e === undefined) break;
      if (e >= "0" && e <= "9") {
        flush();
        pieces.push({ group: e.charCodeAt(0) - 48 });
      } else if (e === "u") {
        flush();
        pieces.push({ uri: true });
      } else lit += e === "n" ? "\n" : e === "r" ? "\r" : e === "t" ? "\t" : e;
    } else if (c === "$") {
      const pv = parsePvAt(expr, p);
      if ("error" in pv) return `bad specifier in replace part ${expr.slice(p)}`;
      const access = env.pv(pv.spec, span);
      flush();
      pieces.push((ctx) => {
        const v = access.get(ctx);
        return v === undefined ? "" : printValue(v);
      });
      p += pv.length - 1;
    } else if (c === sep) {
      found = true;
      break;
    } else lit += c;
  }
  if (!found) return `missing separator: ${expr}`;
  flush();
  let icase = false;
  let newline = true;
  let all = false;
  for (p++; p < expr.length; p++) {
    const f = expr[p];
    if (f === "i") icase = true;
    else if (f === "s") newline = false;
    else if (f === "g") all = true;
    else return `unknown flag ${f} in ${expr}`;
  }
  const r = compileRegex(reText, { icase, newline });
  if (!r.ok) return `bad regular expression ${reText} in ${expr}`;
  return { re: r.re, pieces, all };
}

/**
 * subst_run() over `input` (as C sees it: up to its end); the hits, or undefined for no match,
 * or "error" when a match was empty (Kamailio then drops every hit).
 */
export function substRun(
  se: SubstExpr,
  input: string,
  ctx: ScriptContext,
  uri: string,
): SubstHit[] | undefined | "error" {
  const hits: SubstHit[] = [];
  let p = 0;
  let notbol = false;
  for (;;) {
    const m = se.re.exec(input, p, { notbol });
    if (m === null) break;
    if (m.index === m.end) return "error";
    let text = "";
    for (const piece of se.pieces) {
      if (typeof piece === "string") text += piece;
      else if (typeof piece === "function") text += piece(ctx);
      else if ("uri" in piece) text += uri;
      else {
        const g = m.groups[piece.group];
        if (g) text += input.slice(g[0], g[1]);
      }
    }
    hits.push({ offset: m.index, size: m.end - m.index, text });
    p = m.end;
    const last = input[p - 1];
    notbol = !(last === "\n" || last === "\r");
    if (!se.all) break;
  }
  return hits.length === 0 ? undefined : hits;
}

/** subst_str(): the input with every hit replaced; undefined when nothing matched or it failed. */
export function substStr(se: SubstExpr, input: string, ctx: ScriptContext, uri: string): string | undefined | "error" {
  const hits = substRun(se, input, ctx, uri);
  if (hits === undefined || hits === "error") return hits;
  let out = "";
  let p = 0;
  for (const h of hits) {
    out += input.slice(p, h.offset) + h.text;
    p = h.offset + h.size;
  }
  return out + input.slice(p);
}
