/**
 * glibc's fnmatch() as textopsx calls it (src/modules/textopsx/textopsx.c w_fnmatch_ex): flags
 * 0 (its FNM_CASEFOLD branch is compiled out, see runtime.ts), so `/` and a leading `.` are ordinary characters and `\` escapes the next
 * character. `*` any run, `?` one character, `[...]` a set (`!` or `^` negates, ranges,
 * `[:alpha:]`-style classes, a `]` first is literal); a `[` without its `]` is an ordinary
 * character; a trailing lone `\` matches nothing. The star is matched by the usual
 * remember-the-last-star walk, so the time is bounded by pattern × text.
 */

const CLASSES: Readonly<Record<string, (c: string) => boolean>> = {
  alpha: (c) => /[A-Za-z]/.test(c),
  digit: (c) => /[0-9]/.test(c),
  alnum: (c) => /[A-Za-z0-9]/.test(c),
  upper: (c) => /[A-Z]/.test(c),
  lower: (c) => /[a-z]/.test(c),
  space: (c) => /[ \t\n\r\f\v]/.test(c),
  blank: (c) => c === " " || c === "\t",
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  print: (c) => /[ -~]/.test(c),
  graph: (c) => /[!-~]/.test(c),
  cntrl: (c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127,
  xdigit: (c) => /[0-9A-Fa-f]/.test(c),
};

/** One pattern element at `p`: how to test a character, and where the next element starts. */
interface Elem {
  test: (c: string) => boolean;
  next: number;
}

function fold(c: string, icase: boolean): string {
  return icase ? c.toLowerCase() : c;
}

/** A bracket expression at `p` (on the `[`); undefined when it has no closing `]`. */
function bracket(pat: string, p: number, icase: boolean): Elem | undefined {
  let i = p + 1;
  let negate = false;
  if (pat[i] === "!" || pat[i] === "^") {
    negate = true;
    i++;
  }
  const tests: ((c: string) => boolean)[] = [];
  let first = true;
  while (i < pat.length) {
    let c = pat[i] as string;
    if (c === "]" && !first) {
      const set = tests;
      return {
        test: (x) => set.some((t) => t(x)) !== negate,
        next: i + 1,
      };
    }
    first = false;
    if (c === "[" && pat[i + 1] === ":") {
      const end = pat.indexOf(":]", i + 2);
      const cls = end < 0 ? undefined : CLASSES[pat.slice(i + 2, end)];
      if (end < 0 || cls === undefined) return undefined; // glibc: an unknown class fails the pattern
      tests.push((x) => cls(x) || (icase && (cls(x.toLowerCase()) || cls(x.toUpperCase()))));
      i = end + 2;
      continue;
    }
    if (c === "\\") {
      i++;
      if (i >= pat.length) return undefined;
      c = pat[i] as string;
    }
    i++;
    if (pat[i] === "-" && pat[i + 1] !== undefined && pat[i + 1] !== "]") {
      let hi = pat[i + 1] as string;
      i += 2;
      if (hi === "\\") {
        hi = pat[i] ?? "";
        i++;
      }
      const lo = c;
      tests.push((x) => {
        const a = fold(x, icase);
        const b = icase ? x.toUpperCase() : x;
        return (a >= lo && a <= hi) || (b >= lo && b <= hi);
      });
      continue;
    }
    const lit = fold(c, icase);
    tests.push((x) => fold(x, icase) === lit);
  }
  return undefined;
}

function elemAt(pat: string, p: number, icase: boolean): Elem | "fail" {
  const c = pat[p] as string;
  if (c === "?") return { test: () => true, next: p + 1 };
  if (c === "[") {
    const b = bracket(pat, p, icase);
    if (b) return b;
    return { test: (x) => x === "[", next: p + 1 };
  }
  if (c === "\\") {
    if (p + 1 >= pat.length) return "fail";
    const lit = fold(pat[p + 1] as string, icase);
    return { test: (x) => fold(x, icase) === lit, next: p + 2 };
  }
  const lit = fold(c, icase);
  return { test: (x) => fold(x, icase) === lit, next: p + 1 };
}

/** fnmatch(pattern, text, 0) === 0. */
export function fnmatch(pattern: string, text: string): boolean {
  const icase = false;
  const pat = pattern;
  const str = text;
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = -1;
  while (s < str.length) {
    if (p < pat.length && pat[p] === "*") {
      while (pat[p] === "*") p++;
      starP = p;
      starS = s;
      continue;
    }
    if (p < pat.length) {
      const e = elemAt(pat, p, icase);
      if (e === "fail") return false;
      if (e.test(str[s] as string)) {
        p = e.next;
        s++;
        continue;
      }
    }
    if (starP < 0) return false;
    starS++;
    s = starS;
    p = starP;
  }
  while (pat[p] === "*") p++;
  return p === pat.length;
}
