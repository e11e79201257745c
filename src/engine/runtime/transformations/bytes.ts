/**
 * Kamailio's transformations work on bytes. Here a value's bytes are held in a "byte string":
 * a JS string whose every character code is one byte (0-255), so slicing, searching and
 * measuring it counts bytes as the C code does. ASCII text is its own byte string.
 */
import { utf8Bytes, utf8Decode } from "../../sip/utf8.js";

const NON_ASCII = /[\u0080-\uffff]/;

/** The UTF-8 bytes of `text` as a byte string. */
export function toBytes(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  const bytes = utf8Bytes(text);
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** Text of a byte string; bytes that are no valid UTF-8 read as U+FFFD (see utf8Decode). */
export function fromBytes(bytes: string): string {
  if (!NON_ASCII.test(bytes)) return bytes;
  const codes: number[] = [];
  for (let i = 0; i < bytes.length; i++) codes.push(bytes.charCodeAt(i));
  return utf8Decode(codes);
}

/** Two lower-case hex digits per byte (fourbits2char in src/core/ut.h). */
export function hexOf(bytes: string): string {
  // Joined once: one flat string (tm keeps an MD5 per transaction), not a tree of 2-digit pieces.
  const out = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = HEX2[bytes.charCodeAt(i) & 0xff] as string;
  return out.join("");
}

/** "00" … "ff". */
const HEX2 = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** A value's bytes as the transformations read them: an int is printed first (int2str). */
export function bytesOf(v: number | string): string {
  return typeof v === "number" ? String(v) : v;
}
