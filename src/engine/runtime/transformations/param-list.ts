/**
 * parse_params2() of src/core/parser/parse_param.c (5.6.3): `name[=value]` items split by a
 * separator, blanks allowed around names and `=`, a value either a token or quoted (`"a;b"`, the
 * quotes dropped). A `,` or `>` after an item ends the list there. Errors come back as the lines
 * Kamailio logs; the caller logs them.
 */
import type { StrutilsError } from "./escape.js";
import type { ParamItem } from "./support.js";

const BLANK = " \t\r\n";

/** The items in written order, or the ERROR lines of a text parse_params2() refuses. */
export function parseParamList(s: string, sep: string): { list: ParamItem[] } | { errors: StrutilsError[] } {
  const list: ParamItem[] = [];
  const n = s.length;
  let i = 0;
  const skipBlanks = () => {
    while (i < n && BLANK.includes(s[i] as string)) i++;
  };
  const fail = (...errors: [string, string, string][]) => ({
    errors: errors.map(([at, fn, text]) => ({ at: `parser/parse_param.c:${at}`, fn, text })),
  });
  if (n === 0) return { list };
  for (;;) {
    const from = i;
    while (i < n && !`${BLANK},=`.includes(s[i] as string) && s[i] !== sep) i++;
    const item: ParamItem = { name: s.slice(from, i) };
    list.push(item);
    skipBlanks();
    if (i === n) return { list };
    if (s[i] === "=") {
      i++;
      skipBlanks();
      if (i === n) {
        // "Be forgiving": a missing value is an empty one.
        item.body = "";
        return { list };
      }
      const q = s[i] as string;
      if (q === '"' || q === "'") {
        const close = n - i < 2 ? -1 : s.indexOf(q, i + 1);
        if (close < 0)
          return fail(
            ["451", "parse_param_body", "Error while parsing quoted string"],
            ["497", "parse_param2", "Error while parsing param body"],
          );
        item.body = s.slice(i + 1, close);
        i = close + 1;
      } else {
        const b = i;
        while (i < n && !`${BLANK},`.includes(s[i] as string) && s[i] !== sep) i++;
        if (i === b)
          return fail(
            ["456", "parse_param_body", "Error while parsing token"],
            ["497", "parse_param2", "Error while parsing param body"],
          );
        item.body = s.slice(b, i);
      }
      skipBlanks();
      if (i === n) return { list };
    }
    if (s[i] === "," || s[i] === ">") return { list };
    if (s[i] !== sep) return fail(["517", "parse_param2", `Invalid character '${s[i]}' - expected '${sep}'`]);
    i++;
    skipBlanks();
    if (i === n) return fail(["526", "parse_param2", `Param name missing after ${sep}`]);
  }
}

/** Lower case for ASCII letters only, as C's tolower() in the C locale (strncasecmp). */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** The item a name selects: the last one written with that name, ignoring ASCII case. */
export function findParam(list: readonly ParamItem[], name: string): ParamItem | undefined {
  const lower = asciiLower(name);
  for (let k = list.length - 1; k >= 0; k--) {
    const item = list[k] as ParamItem;
    if (item.name.length === name.length && asciiLower(item.name) === lower) return item;
  }
  return undefined;
}

/** The item at an index (negative counts from the end, -1 is the last); undefined out of range. */
export function paramAt(list: readonly ParamItem[], index: number): ParamItem | undefined {
  const k = index < 0 ? list.length + index : index;
  return k >= 0 && k < list.length ? list[k] : undefined;
}
