/**
 * Backslash and percent escaping as src/core/strutils.c (5.6.3) does it, on byte strings:
 * escape_common()/unescape_common(), escape_user()/unescape_user() and escape_param()
 * (unescape_param() is unescape_user()). Errors come back as the line Kamailio logs.
 */

/** An ERROR line of strutils.c: where, which function, what. */
export interface StrutilsError {
  at: string;
  fn: string;
  text: string;
}

/** `(unsigned int)c` of a C `char` (signed on x86): bytes from 0x80 print as 4294967xxx. */
function asUnsigned(byte: number): number {
  return byte >= 0x80 ? 4294967296 - 256 + byte : byte;
}

/** escape_common(): a backslash before `'`, `"` and `\`; NUL becomes `\0`. */
export function escapeCommon(bytes: string): string {
  return bytes.replace(/['"\\\0]/g, (c) => (c === "\0" ? "\\0" : `\\${c}`));
}

/** unescape_common(): `\'`, `\"`, `\\` and `\0` lose their backslash; any other stays. */
export function unescapeCommon(bytes: string): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as string;
    const next = bytes[i + 1];
    if (c === "\\" && next !== undefined && `'"\\0`.includes(next)) {
      out += next === "0" ? "\0" : next;
      i++;
    } else out += c;
  }
  return out;
}

/** Characters escape_user() keeps besides letters and digits (unreserved and user-unreserved). */
const USER_KEEP = "-_.!~*'()&=+$,;?";
/** Characters escape_param() keeps besides letters and digits (unreserved and param-unreserved). */
const PARAM_KEEP = "-_.!~*'()[]/:&+$";

function percentEscape(bytes: string, keep: string, at: string, fn: string): string | StrutilsError {
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes.charCodeAt(i);
    if (b < 32 || b > 126) return { at, fn, text: `invalid escaped character <${asUnsigned(b)}>` };
    const c = bytes[i] as string;
    if (/[0-9A-Za-z]/.test(c) || keep.includes(c)) out += c;
    else out += `%${b.toString(16).padStart(2, "0")}`;
  }
  return out;
}

/** escape_user(): `%xx` (lower-case hex) for what may not stand in a URI's user part. */
export function escapeUser(bytes: string): string | StrutilsError {
  return percentEscape(bytes, USER_KEEP, "strutils.c:246", "escape_user");
}

/** escape_param(): `%xx` for what may not stand in a URI parameter. */
export function escapeParam(bytes: string): string | StrutilsError {
  return percentEscape(bytes, PARAM_KEEP, "strutils.c:327", "escape_param");
}

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x61 + 10;
  if (b >= 0x41 && b <= 0x46) return b - 0x41 + 10;
  return -1;
}

/**
 * unescape_user(): `%xx` back to its character, which must be printable ASCII. A `%` near the
 * end reads the byte after the value, taken here as the NUL that ends a `$var` string.
 */
export function unescapeUser(bytes: string): string | StrutilsError {
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== "%") {
      out += bytes[i];
      continue;
    }
    const byteAt = (k: number) => (k < bytes.length ? bytes.charCodeAt(k) : 0);
    const h = hexValue(byteAt(i + 1));
    if (h < 0)
      return { at: "strutils.c:164", fn: "unescape_user", text: `invalid hex digit <${asUnsigned(byteAt(i + 1))}>` };
    const l = hexValue(byteAt(i + 2));
    if (l < 0)
      return { at: "strutils.c:199", fn: "unescape_user", text: `invalid hex digit <${asUnsigned(byteAt(i + 2))}>` };
    const c = (h << 4) | l;
    if (c < 32 || c > 126)
      return { at: "strutils.c:204", fn: "unescape_user", text: `invalid escaped character <${asUnsigned(c)}>` };
    out += String.fromCharCode(c);
    i += 2;
  }
  return out;
}
