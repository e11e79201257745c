/**
 * Small header bodies: CSeq, and the numeric ones (Content-Length, Max-Forwards).
 * CSeq follows parse_cseq() (src/core/parser/parse_cseq.c, 5.6.3): the number is whatever token
 * comes first (Kamailio does not check it is digits; `$cs` prints it as written), then the
 * method, then nothing but whitespace.
 */

/** A parsed CSeq body. */
export interface CSeq {
  /** The sequence number as written (`$cs`). */
  num: string;
  /** The method as written. */
  method: string;
}

/** Parses a CSeq body; undefined when Kamailio would report "bad cseq". */
export function parseCSeq(body: string): CSeq | undefined {
  const parts = body.split(/[ \t\r\n]+/);
  if (parts[parts.length - 1] === "") parts.pop();
  if (parts.length !== 2) return undefined;
  const [num, method] = parts as [string, string];
  return { num, method };
}

/** A body that is a decimal number with optional surrounding whitespace; undefined otherwise. */
export function parseUint(body: string): number | undefined {
  const t = body.trim();
  if (t === "" || t.length > 10 || !/^\d+$/.test(t)) return undefined;
  return Number(t);
}
