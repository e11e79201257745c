/**
 * Format strings (xlog, mq_add, sl reasons...): every `$` must start a pseudo-variable that a
 * loaded module provides. Kamailio finds these only at start-up (fixup), not with `-c`; kamsim
 * reports them at once with Kamailio's messages (docs/kamailio/format-strings.md#format-errors).
 */

import type { Span } from "../../base/source.js";
import type { StringLit } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";
import { sourceOffsetInString } from "../lexer.js";
import { parseFormat } from "../pv-spec.js";
import { checkPvarSpec } from "./pvars.js";
import type { Scope } from "./scope.js";

export function checkFormat(lit: StringLit, scope: Scope, diags: DiagnosticBag): void {
  if (!lit.value.includes("$")) return;
  const parsed = parseFormat(lit.value);
  for (const e of parsed.errors) {
    diags.error("bad_format", `${e.message}: wrong format[${lit.value}]`, spanAt(lit, e.offset, e.length));
  }
  for (const part of parsed.parts) {
    if (part.kind === "pv") checkPvarSpec(part.spec, spanAt(lit, part.offset, part.spec.text.length), scope, diags);
  }
}

/**
 * The span of a stretch of a string's value, found in the literal's source text. A literal
 * that came from a define has no source text of its own: then the whole literal.
 */
function spanAt(lit: StringLit, offset: number, length = 1): Span {
  if (lit.quote !== '"' || lit.raw === undefined) return lit.span;
  const start = lit.span.start + sourceOffsetInString(lit.raw, offset);
  const end = lit.span.start + sourceOffsetInString(lit.raw, offset + length);
  return { file: lit.span.file, start, end: Math.max(start, Math.min(end, lit.span.end)) };
}
