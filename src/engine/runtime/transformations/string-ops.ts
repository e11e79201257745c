/**
 * The byte-string operations behind the `s.*` transformations, as tr_eval_string() computes
 * them (src/modules/pv/pv_trans.c, 5.6.3). Strings here are byte strings (bytes.ts).
 */

const WS = /[ \t\r\n]/;

/** str2sint() in src/core/ut.h: a sign and digits (none is 0), within a 32-bit int. */
export function strToSint(text: string): number | undefined {
  // An empty $var has no buffer at all (s == NULL): str2sint() fails on it.
  const m = /^([+-]?)([0-9]*)$/.exec(text);
  if (text === "" || !m) return undefined;
  const n = Number(m[2] || "0") * (m[1] === "-" ? -1 : 1);
  return n > 2147483647 || n < -2147483648 ? undefined : n | 0;
}

/** trim_leading() / trim_trailing() of src/core/trim.h. */
export function trimBytes(s: string, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  if (left) while (a < b && WS.test(s[a] as string)) a++;
  if (right) while (b > a && WS.test(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

/** `s.select`: the index-th field between separators; a negative index counts from the end. */
export function selectField(s: string, index: number, sep: string): string {
  const parts = s.split(sep);
  const i = index < 0 ? parts.length + index : index;
  return i >= 0 && i < parts.length ? (parts[i] as string) : "";
}

/** `s.substr` as tr_eval_string() computes it: the bytes taken, or the pv_trans.c line of the ERROR it logs. */
export function substr(s: string, i: number, j: number): string | number {
  const len = s.length;
  if (i >= 0) {
    if (i >= len) return 676;
    if (i + j >= len || j === 0) return s.slice(i);
    return s.slice(i, i + j);
  }
  const k = -i;
  if (k > len) return 696;
  if (k < j || j === 0) return s.slice(len - k);
  return s.slice(len - k, len - k + j);
}

/** `s.prefixes[.quoted]`: every prefix up to `max` bytes, comma separated. */
export function prefixes(s: string, max: number, quoted: boolean): string {
  const q = quoted ? "'" : "";
  const out: string[] = [];
  for (let i = 1; i <= max; i++) out.push(`${q}${s.slice(0, i)}${q}`);
  return out.join(",");
}

/** The escapes tr_eval_string() reads in a literal `{s.rm,...}`: `\n`, `\r`, `\t`, `\\`, `\x` is x. */
export function unescapeRm(s: string): string {
  return s.replace(/\\([\s\S])/g, (_, c: string) => (c === "n" ? "\n" : c === "r" ? "\r" : c === "t" ? "\t" : c));
}
