/**
 * core_hash() of core/hashes.h: four bytes at a time as a big-endian word, `h += v ^ (v >> 3)`,
 * the tail bytes shifted in the same way, an optional second string continuing the hash, then
 * `h + (h >> 11) + (h >> 13) + (h >> 23)`, masked to a power-of-two table size. The bytes are the
 * text's UTF-8 bytes read through a signed `char`, as on x86.
 */
import { utf8Bytes } from "../../sip/utf8.js";

const signed = (b: number): number => (b > 127 ? b - 256 : b);

function update(h: number, text: string): number {
  const p = utf8Bytes(text).map(signed);
  let i = 0;
  let v: number;
  for (; i + 4 <= p.length; i += 4) {
    v =
      (((p[i] as number) << 24) + ((p[i + 1] as number) << 16) + ((p[i + 2] as number) << 8) + (p[i + 3] as number)) >>>
      0;
    h = (h + ((v ^ (v >>> 3)) >>> 0)) >>> 0;
  }
  v = 0;
  for (; i < p.length; i++) v = ((v << 8) + (p[i] as number)) >>> 0;
  return (h + ((v ^ (v >>> 3)) >>> 0)) >>> 0;
}

/** core_hash(s1, s2 or none, size); size 0 gives the whole hash. */
export function coreHash(s1: string, s2: string | undefined, size: number): number {
  let h = update(0, s1);
  if (s2 !== undefined) h = update(h, s2);
  h = (h + (h >>> 11) + ((h >>> 13) + (h >>> 23))) >>> 0;
  return size ? (h & (size - 1)) >>> 0 : h;
}
