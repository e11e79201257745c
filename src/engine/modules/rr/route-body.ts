/**
 * Route header bodies as core/parser/parse_rr.c (do_parse_rr_body()) splits them, with the
 * offsets loose.c needs to cut a Route out of the received text: each entry's name-addr
 * (parse_nameaddr.c: the URI between the first `<` and `>` outside quotes) and where the entry
 * ends (its header parameters included). Also is_strict() (loose.c) and is_2rr()
 * (parser/parse_rr.h), the `lr` and `r2` tests on a URI's parameters.
 */

/** One route of a Route header (rr_t). Offsets are into the whole message text. */
export interface RouteEntry {
  /** nameaddr.name.s: where the name-addr starts (display name included). */
  start: number;
  /** nameaddr.uri, between the angle brackets. */
  uri: string;
  /** name.s + r->len: just past the `>` or past the header parameters. */
  end: number;
}

/** Why parse_rr() failed: the text of its LM_ERR lines (core/parser/parse_rr.c). */
export interface RouteParseError {
  lines: { line: number; text: string }[];
}

const isWs = (c: string | undefined) => c === " " || c === "\t" || c === "\r" || c === "\n";

/** find_not_quoted() (parser/parser_f.h): `c` outside double quotes (`\"` does not close). */
function findNotQuoted(s: string, from: number, end: number, c: string): number {
  let quoted = false;
  for (let i = from; i < end; i++) {
    if (!quoted) {
      if (s[i] === '"') quoted = true;
      else if (s[i] === c) return i;
    } else if (s[i] === '"' && s[i - 1] !== "\\") quoted = false;
  }
  return -1;
}

function skipWs(s: string, p: number, end: number): number {
  while (p < end && isWs(s[p])) p++;
  return p;
}

/**
 * do_parse_rr_body() over `raw[bodyStart, bodyEnd)`. Header parameters after `;` are taken up to
 * the next `,` outside quotes (parse_params() with its name/body rules is not repeated here:
 * Route header parameters are not used by loose routing).
 */
export function parseRouteBody(raw: string, bodyStart: number, bodyEnd: number): RouteEntry[] | RouteParseError {
  const fail = (text: string, line: number): RouteParseError => ({
    lines: [
      { line, text },
      { line: 140, text: `Failed parsing rr header body [${raw.slice(bodyStart, bodyEnd)}]` },
    ],
  });
  const out: RouteEntry[] = [];
  let p = skipWs(raw, bodyStart, bodyEnd);
  if (p >= bodyEnd) return { lines: [] };
  for (;;) {
    const lt = findNotQuoted(raw, p, bodyEnd, "<");
    const gt = lt < 0 ? -1 : findNotQuoted(raw, lt + 1, bodyEnd, ">");
    if (gt < 0) return fail(`Failed parsing name-addr (${raw.slice(p, bodyEnd)})`, 77);
    const entry: RouteEntry = { start: p, uri: raw.slice(lt + 1, gt), end: gt + 1 };
    p = skipWs(raw, gt + 1, bodyEnd);
    if (p < bodyEnd && raw[p] === ";") {
      p = skipWs(raw, p + 1, bodyEnd);
      if (p >= bodyEnd) return fail("Error while parsing params", 97);
      let q = findNotQuoted(raw, p, bodyEnd, ",");
      if (q < 0) q = bodyEnd;
      let e = q;
      while (e > p && isWs(raw[e - 1])) e--;
      if (e === p) return fail("Error while parsing params", 103);
      entry.end = e;
      p = q;
    }
    out.push(entry);
    if (p >= bodyEnd) return out;
    if (raw[p] !== ",") return fail(`Invalid character '${raw[p]}', comma expected`, 116);
    p = skipWs(raw, p + 1, bodyEnd);
    if (p >= bodyEnd) return fail("Text after comma missing", 126);
  }
}

/**
 * The state machine shared by is_strict() (`lr`) and is_2rr() (`r2`): true when a parameter of
 * that name (any case, with or without a value) is in the list; quoted text is skipped.
 */
function hasFlagParam(params: string, a: string, b: string): boolean {
  let state = 0;
  for (let i = 0; i < params.length; i++) {
    const c = params[i] as string;
    switch (state) {
      case 0:
        if (isWs(c)) break;
        state = c.toLowerCase() === a ? 1 : 4;
        break;
      case 1:
        state = c.toLowerCase() === b ? 2 : 4;
        break;
      case 2:
      case 3:
        if (c === ";" || c === "=") return true;
        state = isWs(c) ? 3 : 4;
        break;
      case 4:
        if (c === '"') state = 5;
        else if (c === ";") state = 0;
        break;
      case 5:
        if (c === "\\") state = 6;
        else if (c === '"') state = 4;
        break;
      case 6:
        state = 5;
        break;
    }
  }
  return state === 2 || state === 3;
}

/** is_strict() of loose.c: no `lr` parameter (an empty list is strict). */
export function isStrict(params: string): boolean {
  return !hasFlagParam(params, "l", "r");
}

/** is_2rr() of parser/parse_rr.h: an `r2` parameter (only the digit 2 counts for the second letter). */
export function is2rr(params: string): boolean {
  return hasFlagParam(params, "r", "2");
}
