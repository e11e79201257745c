/**
 * decode_mime_type() of src/core/parser/parse_content.c (5.6.3): a type and a subtype read
 * through Kamailio's two letter trees (copied below as [char, code, sons, next sibling]),
 * case-insensitively; a word the tree does not know is "unknown" (0xff), and two unknown words
 * compare equal. `*` is TYPE_ALL / SUBTYPE_ALL (0xfe). Parameters after `;` are ignored. The
 * result is type << 16 | subtype, or undefined when the text is not a MIME type.
 */
type Node = readonly [string, number, number, number];

const TYPE_TREE: readonly Node[] = [
  ["t", 255, 1, 4],
  ["e", 255, 1, -1],
  ["x", 255, 1, -1],
  ["t", 1, 0, -1],
  ["m", 255, 2, 19],
  ["e", 255, 1, 11],
  ["s", 255, 1, -1],
  ["s", 255, 1, -1],
  ["a", 255, 1, -1],
  ["g", 255, 1, -1],
  ["e", 2, 0, -1],
  ["u", 255, 1, -1],
  ["l", 255, 1, -1],
  ["t", 255, 1, -1],
  ["i", 255, 1, -1],
  ["p", 255, 1, -1],
  ["a", 255, 1, -1],
  ["r", 255, 1, -1],
  ["t", 4, 0, -1],
  ["a", 255, 1, -1],
  ["p", 255, 1, -1],
  ["p", 255, 1, -1],
  ["l", 255, 1, -1],
  ["i", 255, 1, -1],
  ["c", 255, 1, -1],
  ["a", 255, 1, -1],
  ["t", 255, 1, -1],
  ["i", 255, 1, -1],
  ["o", 255, 1, -1],
  ["n", 3, 0, -1],
];

const SUBTYPE_TREE: readonly Node[] = [
  ["p", 255, 2, 13],
  ["l", 255, 1, 5],
  ["a", 255, 1, -1],
  ["i", 255, 1, -1],
  ["n", 1, 0, -1],
  ["i", 255, 1, -1],
  ["d", 255, 1, -1],
  ["f", 255, 1, -1],
  ["+", 255, 1, -1],
  ["x", 255, 1, -1],
  ["m", 255, 1, -1],
  ["l", 5, 0, -1],
  ["l", 5, 0, -1],
  ["s", 255, 1, 16],
  ["d", 255, 1, -1],
  ["p", 3, 0, -1],
  ["c", 255, 1, 34],
  ["p", 255, 2, -1],
  ["i", 255, 1, 29],
  ["m", 2, 1, -1],
  ["-", 255, 1, -1],
  ["p", 255, 1, -1],
  ["i", 255, 1, -1],
  ["d", 255, 1, -1],
  ["f", 255, 1, -1],
  ["+", 255, 1, -1],
  ["x", 255, 1, -1],
  ["m", 255, 1, -1],
  ["l", 13, 0, -1],
  ["l", 255, 1, -1],
  ["+", 255, 1, -1],
  ["x", 255, 1, -1],
  ["m", 255, 1, -1],
  ["l", 4, 0, -1],
  ["r", 255, 2, 48],
  ["l", 255, 1, 42],
  ["m", 255, 1, -1],
  ["i", 255, 1, -1],
  ["+", 255, 1, -1],
  ["x", 255, 1, -1],
  ["m", 255, 1, -1],
  ["l", 6, 0, -1],
  ["e", 255, 1, -1],
  ["l", 255, 1, -1],
  ["a", 255, 1, -1],
  ["t", 255, 1, -1],
  ["e", 255, 1, -1],
  ["d", 7, 0, -1],
  ["l", 255, 1, 57],
  ["p", 255, 1, -1],
  ["i", 255, 1, -1],
  ["d", 255, 1, -1],
  ["f", 255, 1, -1],
  ["+", 255, 1, -1],
  ["x", 255, 1, -1],
  ["m", 255, 1, -1],
  ["l", 8, 0, -1],
  ["w", 255, 1, 72],
  ["a", 255, 1, -1],
  ["t", 255, 1, -1],
  ["c", 255, 1, -1],
  ["h", 255, 1, -1],
  ["e", 255, 1, -1],
  ["r", 255, 1, -1],
  ["i", 255, 1, -1],
  ["n", 255, 1, -1],
  ["f", 255, 1, -1],
  ["o", 255, 1, -1],
  ["+", 255, 1, -1],
  ["x", 255, 1, -1],
  ["m", 255, 1, -1],
  ["l", 10, 0, -1],
  ["x", 255, 2, 94],
  ["p", 255, 1, 81],
  ["i", 255, 1, -1],
  ["d", 255, 1, -1],
  ["f", 255, 1, -1],
  ["+", 255, 1, -1],
  ["x", 255, 1, -1],
  ["m", 255, 1, -1],
  ["l", 9, 0, -1],
  ["m", 255, 1, -1],
  ["l", 255, 1, -1],
  ["+", 255, 1, -1],
  ["m", 255, 1, -1],
  ["s", 255, 1, -1],
  ["r", 255, 1, -1],
  ["t", 255, 1, -1],
  ["c", 255, 1, -1],
  [".", 255, 1, -1],
  ["p", 255, 1, -1],
  ["i", 255, 1, -1],
  ["d", 255, 1, -1],
  ["f", 12, 0, -1],
  ["e", 255, 1, 107],
  ["x", 255, 1, -1],
  ["t", 255, 1, -1],
  ["e", 255, 1, -1],
  ["r", 255, 1, -1],
  ["n", 255, 1, -1],
  ["a", 255, 1, -1],
  ["l", 255, 1, -1],
  ["-", 255, 1, -1],
  ["b", 255, 1, -1],
  ["o", 255, 1, -1],
  ["d", 255, 1, -1],
  ["y", 11, 0, -1],
  ["m", 255, 1, 112],
  ["i", 255, 1, -1],
  ["x", 255, 1, -1],
  ["e", 255, 1, -1],
  ["d", 14, 0, -1],
  ["i", 255, 1, -1],
  ["s", 255, 1, -1],
  ["u", 255, 1, -1],
  ["p", 15, 0, -1],
];

const UNKNOWN = 0xff;
const ALL = 0xfe;

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/** is_mime_char(): letters, digits and `-+._!%*'\`~`. */
function isMimeChar(c: string): boolean {
  return /[A-Za-z0-9\-+._!%*'`~]/.test(c);
}

/** Walks one word through a tree from `p`; returns [code, end]. */
function word(text: string, p: number, tree: readonly Node[]): [number, number] {
  let node = 0;
  let code = UNKNOWN;
  while (p < text.length && isMimeChar(text[p] as string)) {
    const c = (text[p] as string).toLowerCase();
    while (node !== -1 && (tree[node] as Node)[0] !== c) node = (tree[node] as Node)[3];
    if (node !== -1) {
      const n = tree[node] as Node;
      code = n[1];
      node = n[2] ? node + 1 : -1;
    } else code = UNKNOWN;
    p++;
  }
  return [code, p];
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
    [type, p] = word(text, p, TYPE_TREE);
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
    [sub, p] = word(text, p, SUBTYPE_TREE);
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
