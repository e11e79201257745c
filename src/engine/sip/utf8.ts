/**
 * Byte length of text sent as UTF-8. `$ml` and Content-Length count bytes, not UTF-16 code units.
 * TextEncoder is a host API, outside the engine's ES-only library, so we count by hand.
 */

const NON_ASCII = /[\u0080-\uffff]/;

/** Number of bytes `text` takes in UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  // Most messages are ASCII: the regex engine finds that out about twice as fast as a JS loop.
  const first = text.search(NON_ASCII);
  if (first < 0) return text.length;
  let n = text.length;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && isLow(text.charCodeAt(i + 1))) {
      // A surrogate pair: 2 code units, 4 bytes.
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The UTF-8 bytes of a string (the engine has no TextEncoder: it runs without host APIs). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}
