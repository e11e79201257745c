/**
 * Base64 with the standard alphabet and `=` padding, as src/core/basex.h codes it (5.6.3):
 * base64_enc() and base64_dec(). The decoder checks only the length and the padding; any other
 * character reads as 0xff and mixes its bits into the output, as Kamailio's lookup table does.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of a byte string. */
export function base64Encode(bytes: string): string {
  let out = "";
  const n = bytes.length;
  for (let i = 0; i < n; i += 3) {
    const a = bytes.charCodeAt(i);
    const b = i + 1 < n ? bytes.charCodeAt(i + 1) : 0;
    const c = i + 2 < n ? bytes.charCodeAt(i + 2) : 0;
    out += ALPHABET[a >> 2];
    out += ALPHABET[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < n ? ALPHABET[((b & 15) << 2) | (c >> 6)] : "=";
    out += i + 2 < n ? ALPHABET[c & 63] : "=";
  }
  return out;
}

/** base64_dec_char(): a digit's value, 0xff for anything else (`=` included). */
function digit(c: number): number {
  if (c === 0x2b) return 62;
  if (c === 0x2f) return 63;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 52;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 26;
  return 0xff;
}

/**
 * Bytes of base64 text (a byte string), or undefined where base64_dec() returns 0 on a
 * non-empty input: a length under 4 or not a multiple of 4, or `x=` at the end.
 */
export function base64Decode(text: string): string | undefined {
  const n = text.length;
  if (n === 0) return "";
  if (n < 4 || n % 4 !== 0 || (text[n - 2] === "=" && text[n - 1] !== "=")) return undefined;
  const size = (n / 4) * 3 - (text[n - 2] === "=" ? 1 : 0) - (text[n - 1] === "=" ? 1 : 0);
  let out = "";
  for (let i = 0; i < n; i += 4) {
    const a = digit(text.charCodeAt(i));
    const b = digit(text.charCodeAt(i + 1));
    const c = digit(text.charCodeAt(i + 2));
    const d = digit(text.charCodeAt(i + 3));
    out += String.fromCharCode(((a << 2) | (b >> 4)) & 0xff);
    out += String.fromCharCode(((b << 4) | (c >> 2)) & 0xff);
    out += String.fromCharCode(((c << 6) | d) & 0xff);
  }
  // The last group gives as many bytes as the padding leaves (osize % 3 in base64_dec()).
  return out.slice(0, size);
}
