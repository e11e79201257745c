/**
 * Pseudo-variable specs: the structure inside `$name(inner)[index]` and `$(name(inner){tr})`,
 * and format strings (xlog, mq_add...) split into literal text and PVs (docs/kamailio/format-strings.md#splitting).
 * Names are checked against the module registry by the checker, not here.
 */

/** One parsed pseudo-variable reference. */
export interface PvSpec {
  /** The whole text, from `$`. */
  text: string;
  /** Class name (`si`, `var`, `avp`, `?`). */
  name: string;
  /** Inner name, the text in parentheses (`x` in `$var(x)`), if any. */
  inner?: string;
  /** Index, the text in brackets (`*` in `$(avp(x)[*])`), if any. */
  index?: string;
  /** Transformations, the text inside each `{...}` (`s.len`). */
  transforms: string[];
}

/** A problem found while reading a PV, worded as Kamailio's pv_parse_spec() words it. */
export interface PvError {
  message: string;
  /** Offset of the problem from the `$`. */
  at: number;
}

export type PvParse = { spec: PvSpec; length: number } | { error: PvError; length: number };

/**
 * A class name's characters as pv_parse_spec2() reads them (core/pvapi.c `is_pv_valid_char`):
 * a dot too, so `$(err.class)` and `"$err.class"` are one name, and `"$ru."` is the unknown
 * `ru.`. (The script lexer ends a bare `$name` at a dot before this runs.)
 */
const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_.]/.test(c);

/** Index after the bracket closing the one at `p`, or -1. */
function closeOf(text: string, p: number, open: string, close: string): number {
  let depth = 0;
  for (let i = p; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i + 1;
  }
  return -1;
}

/** Reads `name(inner)[index]` at `p` (inside or outside `$(...)`). */
function readBody(text: string, start: number, p: number, allowIndex: boolean): PvParse {
  let q = p;
  if (text[q] === "?") q++;
  else while (isNameChar(text[q])) q++;
  const name = text.slice(p, q);
  if (name === "") {
    const c = text[p] ?? "";
    return {
      error: {
        message: `error searching pvar ""; wrong char [${c}/${c.charCodeAt(0) || 0}] in [${text.slice(start, p + 1)}] at [${p - start} (0)]`,
        at: p - start,
      },
      length: Math.max(1, p - start),
    };
  }
  const spec: PvSpec = { text: "", name, transforms: [] };
  if (text[q] === "(") {
    const end = closeOf(text, q, "(", ")");
    if (end < 0) {
      return {
        error: { message: `non-closing inner-name parenthesis [${text.slice(start)}]`, at: q - start },
        length: text.length - start,
      };
    }
    spec.inner = text.slice(q + 1, end - 1);
    q = end;
  }
  if (allowIndex && text[q] === "[") {
    const end = closeOf(text, q, "[", "]");
    if (end < 0)
      return {
        error: { message: `non-closing index bracket [${text.slice(start)}]`, at: q - start },
        length: text.length - start,
      };
    spec.index = text.slice(q + 1, end - 1);
    q = end;
  }
  spec.text = text.slice(start, q);
  return { spec, length: q - start };
}

/**
 * Parses the PV that starts with the `$` at `start`. `scriptForm` allows `$x(name)[i]`, which
 * the config grammar accepts but format strings do not.
 */
export function parsePvAt(text: string, start: number, scriptForm = false): PvParse {
  if (text[start + 1] !== "(") return readBody(text, start, start + 1, scriptForm);
  const end = closeOf(text, start + 1, "(", ")");
  if (end < 0) {
    return {
      error: { message: `non-closing inner-name parenthesis [${text.slice(start)}]`, at: 1 },
      length: text.length - start,
    };
  }
  const body = readBody(text, start, start + 2, true);
  if ("error" in body) return { error: body.error, length: end - start };
  let q = start + body.length;
  const transforms: string[] = [];
  while (text[q] === "{") {
    const close = closeOf(text, q, "{", "}");
    if (close < 0 || close > end) break;
    transforms.push(text.slice(q + 1, close - 1));
    q = close;
  }
  if (q !== end - 1) {
    const c = text[q] ?? "";
    return {
      error: {
        message: `wrong char [${c}/${c.charCodeAt(0)}] in [${text.slice(start, end)}] at [${q - start} (${q - start})]`,
        at: q - start,
      },
      length: end - start,
    };
  }
  return { spec: { ...body.spec, text: text.slice(start, end), transforms }, length: end - start };
}

/** A piece of a format string. */
export type FormatPart = { kind: "text"; text: string } | { kind: "pv"; spec: PvSpec; offset: number };

/** A format string split into parts, with the problems Kamailio's fixup would report. */
export interface ParsedFormat {
  parts: FormatPart[];
  /** Problems, each at the `$` that starts the bad reference and covering it. */
  errors: { message: string; offset: number; length: number }[];
}

/** Splits a format at every `$`; `$$` is a literal `$` (docs/kamailio/format-strings.md#dollar-escapes). */
export function parseFormat(text: string): ParsedFormat {
  const parts: FormatPart[] = [];
  const errors: ParsedFormat["errors"] = [];
  let lit = "";
  let i = 0;
  while (i < text.length) {
    const d = text.indexOf("$", i);
    if (d < 0) {
      lit += text.slice(i);
      break;
    }
    lit += text.slice(i, d);
    if (text[d + 1] === "$") {
      lit += "$";
      i = d + 2;
      continue;
    }
    const r = parsePvAt(text, d);
    if ("error" in r) {
      errors.push({ message: r.error.message, offset: d, length: Math.max(1, r.length) });
    } else {
      if (lit) parts.push({ kind: "text", text: lit });
      lit = "";
      parts.push({ kind: "pv", spec: r.spec, offset: d });
    }
    i = d + Math.max(1, r.length);
  }
  if (lit) parts.push({ kind: "text", text: lit });
  return { parts, errors };
}
