/**
 * decode_mime_type() of src/core/parser/parse_content.c (5.6.3): a type and a subtype, each a
 * run of MIME characters, looked up case-insensitively among the names Kamailio knows (codes from
 * src/core/parser/parse_content.h). Only a whole word matches: a word the C letter trees do not
 * end on (a prefix such as "tex", or a longer word such as "texts") is "unknown" (0xff), and two
 * unknown words compare equal. `*` is TYPE_ALL / SUBTYPE_ALL (0xfe). Parameters after `;` are
 * ignored. The result is type << 16 | subtype, or undefined when the text is not a MIME type.
 */

/** TYPE_* of parse_content.h. */
const TYPES: ReadonlyMap<string, number> = new Map([
  ["text", 1],
  ["message", 2],
  ["application", 3],
  ["multipart", 4],
]);

/** SUBTYPE_* of parse_content.h. */
const SUBTYPES: ReadonlyMap<string, number> = new Map([
  ["plain", 1],
  ["cpim", 2],
  ["sdp", 3],
  ["cpl+xml", 4],
  ["pidf+xml", 5],
  ["rlmi+xml", 6],
  ["related", 7],
  ["lpidf+xml", 8],
  ["xpidf+xml", 9],
  ["watcherinfo+xml", 10],
  ["external-body", 11],
  ["xml+msrtc.pidf", 12],
  ["cpim-pidf+xml", 13],
  ["mixed", 14],
  ["isup", 15],
]);

const UNKNOWN = 0xff;
const ALL = 0xfe;

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/** is_mime_char(): letters, digits and `-+._!%*'\`~`. */
function isMimeChar(c: string): boolean {
  return /[A-Za-z0-9\-+._!%*'`~]/.test(c);
}

/** Reads one word of MIME characters from `p`; returns [its code in `names`, end]. */
function word(text: string, p: number, names: ReadonlyMap<string, number>): [number, number] {
  const start = p;
  while (p < text.length && isMimeChar(text[p] as string)) p++;
  return [names.get(text.slice(start, p).toLowerCase()) ?? UNKNOWN, p];
}

export function decodeMimeType(text: string): number | undefined {
  let p = 0;
  while (isSpace(text[p])) p++;
  if (p >= text.length) return undefined;
  let type: number;
  if (text[p] === "*") {
    type = ALL;
    p++;
  } else {
    const start = p;
    [type, p] = word(text, p, TYPES);
    if (p >= text.length || p === start) return undefined;
  }
  while (isSpace(text[p])) p++;
  if (text[p] !== "/") return undefined;
  p++;
  while (isSpace(text[p])) p++;
  if (p >= text.length) return undefined;
  let sub: number;
  if (text[p] === "*") {
    sub = ALL;
    p++;
  } else {
    const start = p;
    [sub, p] = word(text, p, SUBTYPES);
    if (p === start) return undefined;
  }
  while (isSpace(text[p])) p++;
  if (text[p] === ";") while (p < text.length && text[p] !== ",") p++;
  if (p < text.length && text[p] !== ",") return undefined;
  if (type === ALL && sub !== ALL) return undefined;
  return (type << 16) | sub;
}

/** The type of a message without Content-Type (RFC 3261): application/sdp. */
export const APPLICATION_SDP = (3 << 16) | 3;
