/**
 * q values as core/qvalue.h and qvalue.c keep them: an int 0..1000 (q × 1000), -1 for
 * "unspecified" (Q_UNSPECIFIED, never printed).
 */

export const Q_UNSPECIFIED = -1;

/** str2q(): the value, or undefined for text qvalue.c refuses (a bad character, over 1, "0."). */
export function str2q(s: string): number | undefined {
  let q = 0;
  let digits = 1;
  let order = 100;
  let state = "start";
  for (const ch of s) {
    switch (state) {
      case "start":
        if (ch === " " || ch === "\t") break;
        if (ch === "0") {
          q = 0;
          state = "0";
        } else if (ch === "1") {
          q = 1000;
          state = "1";
        } else if (ch === ".") state = "0.";
        else return undefined;
        break;
      case "0":
        if (ch === "0") break;
        if (ch === ".") state = "0.";
        else if (ch === "1") {
          q = 1000;
          state = "1";
        } else return undefined;
        break;
      case "1":
        if (ch === ".") state = "1.";
        else return undefined;
        break;
      case "0.":
        if (ch >= "0" && ch <= "9") {
          q = (ch.charCodeAt(0) - 48) * order;
          order = Math.trunc(order / 10);
          state = "0.n";
        } else return undefined;
        break;
      case "1.":
        if (ch === "0") state = "1.0";
        else return undefined;
        break;
      case "1.0":
        if (ch !== "0") return undefined;
        break;
      case "0.n":
        if (ch >= "0" && ch <= "9") {
          if (digits <= 3) {
            q += (ch.charCodeAt(0) - 48) * order;
            order = Math.trunc(order / 10);
            digits++;
          }
        } else return undefined;
        break;
    }
  }
  if (state === "start" || state === "0." || state === "1.") return undefined;
  return q;
}

/** q2str(): "" for unspecified, "1", "0", or "0." and up to three digits without trailing zeros. */
export function q2str(q: number): string {
  if (q === Q_UNSPECIFIED) return "";
  if (q >= 1000) return "1";
  if (q <= 0) return "0";
  let s = `0.${Math.trunc(q / 100)}`;
  let r = q % 100;
  if (r === 0) return s;
  s += String(Math.trunc(r / 10));
  r %= 10;
  if (r === 0) return s;
  return s + String(r);
}
