/**
 * Constant regular expressions that Kamailio compiles at start-up, and its words when one does
 * not compile (the config is refused): `=~` with a constant right side (core/rvalue.c
 * fix_match_rve, or core/route.c fix_expr for `uri =~`), regex `case` labels (core/switch.c
 * fix_match), textops' fixup_regexp_* parameters (core/mod_fix.c) and subst expressions
 * (core/re.c subst_parser via textops fixup_substre).
 */
import { compileRegex } from "../../base/regex/index.js";
import { parseSubst } from "../../base/regex/subst.js";
import { parsePvAt } from "../pv-spec.js";

/** `=~`'s constant pattern: REG_EXTENDED|REG_NOSUB|REG_ICASE. */
export function matchOperandError(pattern: string, keyword: boolean): string | undefined {
  if (compileRegex(pattern, { icase: true, nosub: true }).ok) return undefined;
  return keyword ? `fix_expr(): bad re "${pattern}"` : `fix_match_rve(): Bad regular expression "${pattern}"`;
}

/** A regex `case` label: REG_EXTENDED|REG_NOSUB, case-sensitive. */
export function caseLabelError(pattern: string): string | undefined {
  if (compileRegex(pattern, { nosub: true }).ok) return undefined;
  return `fix_match(): bad regular expression ${pattern}`;
}

/** A fixup_regexp_* parameter: REG_EXTENDED|REG_ICASE|REG_NEWLINE. */
export function regexParamError(fn: string, pattern: string): string | undefined {
  if (compileRegex(pattern, { icase: true, newline: true }).ok) return undefined;
  return `fix_actions(): fixing failed: ${fn}(): bad re ${pattern}`;
}

/** A subst expression parameter (`/re/repl/flags`). */
export function substParamError(pattern: string): string | undefined {
  const r = parseSubst(pattern, (text, at) => {
    const p = parsePvAt(text, at);
    return "spec" in p ? p.length : undefined;
  });
  if (r.ok) return undefined;
  return `subst_parser(): ${r.error}: fixup_substre(): bad subst. re ${pattern}`;
}
