/**
 * The string transformations that encode or hash the value's bytes: `s.md5`, `s.encode.hexa`,
 * `s.decode.hexa`, `s.encode.base64`, `s.decode.base64` and the `s.escape.*`/`s.unescape.*`
 * pairs, as tr_eval_string() applies them (pv_trans.c, 5.6.3).
 */
import { base64Decode, base64Encode } from "./base64.js";
import { bytesOf, hexOf } from "./bytes.js";
import { escapeCommon, escapeParam, escapeUser, type StrutilsError, unescapeCommon, unescapeUser } from "./escape.js";
import { md5Hex } from "./md5.js";
import { coreError, type Transform } from "./support.js";

/** `s.decode.hexa`: each pair of hex digits (either case) is a byte; an odd last digit is dropped. */
function decodeHexa(s: string): string | undefined {
  let out = "";
  for (let i = 0; i + 1 < s.length; i += 2) {
    const pair = s.slice(i, i + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) return undefined;
    out += String.fromCharCode(Number.parseInt(pair, 16));
  }
  return out;
}

const CODECS: Record<string, (bytes: string) => string | undefined | StrutilsError> = {
  md5: md5Hex,
  "encode.hexa": hexOf,
  "decode.hexa": decodeHexa,
  "encode.base64": base64Encode,
  "decode.base64": base64Decode,
  "escape.common": escapeCommon,
  "unescape.common": unescapeCommon,
  "escape.user": escapeUser,
  "unescape.user": unescapeUser,
  "escape.param": escapeParam,
  "unescape.param": unescapeUser,
};

/** One of the encodings above by its name (without `s.`); undefined for any other name. */
export function compileEncoding(name: string): Transform | undefined {
  const codec = CODECS[name];
  if (!codec) return undefined;
  return (v, ctx) => {
    const r = codec(bytesOf(v));
    if (r === undefined || typeof r === "string") return r;
    coreError(ctx, r.at, r.fn, r.text);
    return undefined;
  };
}
