/**
 * MD5 (RFC 1321) of a byte string, as lower-case hex: what `{s.md5}` prints (compute_md5() in
 * src/core/crypto/shautils.c). Written here because the engine may not use Node's crypto.
 */
import { hexOf } from "./bytes.js";

/** Per-round left rotations. */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** K[i] = floor(abs(sin(i + 1)) * 2^32). */
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);

/**
 * The padded message and the block's words, kept between calls: tm hashes every request it
 * relays (char_msg_val()), and a digest needs no memory of its own but its result.
 */
let buffer = new Uint8Array(256);
const m = new Int32Array(16);

/** The 16-byte digest of `bytes` (one character per byte), as 32 hex digits. */
export function md5Hex(bytes: string): string {
  const n = bytes.length;
  // Message, a 0x80 byte, zeros up to 56 mod 64, then the bit length (little-endian, 64 bits).
  const total = (((n + 8) >> 6) + 1) << 6;
  if (buffer.length < total) buffer = new Uint8Array(total * 2);
  const buf = buffer;
  for (let i = 0; i < n; i++) buf[i] = bytes.charCodeAt(i);
  buf.fill(0, n, total);
  buf[n] = 0x80;
  const bits = n * 8;
  for (let i = 0; i < 8; i++) buf[total - 8 + i] = Math.floor(bits / 2 ** (8 * i)) & 0xff;

  let a0 = 0x67452301;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      m[i] =
        (buf[j] as number) |
        ((buf[j + 1] as number) << 8) |
        ((buf[j + 2] as number) << 16) |
        ((buf[j + 3] as number) << 24);
    }
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const s = SHIFTS[((i >> 4) << 2) | (i & 3)] as number;
      const x = (a + f + (K[i] as number) + (m[g] as number)) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  let digest = "";
  for (const w of [a0, b0, c0, d0]) for (let i = 0; i < 4; i++) digest += String.fromCharCode((w >>> (8 * i)) & 0xff);
  return hexOf(digest);
}
