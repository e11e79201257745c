/**
 * Contact header bodies as Kamailio's core/parser/contact/ reads them for registrar:
 * - a body starting with `*` (after leading blanks) is the star contact (parse_contact.c);
 * - otherwise a list of contacts (contact.c parse_contacts): the display name is skipped up to
 *   `<` or to the scheme's `:`, the URI runs to a `,` or `;` outside quotes and brackets, its
 *   `<...>` are dropped; `;params` follow (parse_param.c, class CONTACT: q, expires, methods,
 *   received, reg-id, +sip.instance, ob, flags — names case-insensitive, the last one wins, a
 *   quoted value's body is without its quotes);
 * - each new contact is put at the HEAD of the header's list, so the contacts of one header are
 *   in reverse order of writing (`c->next = *_c; *_c = c;`), and registrar walks them so.
 */

/** One parameter: its name and value (undefined for a bare `;lr`). */
export interface ContactParam {
  name: string;
  value: string | undefined;
}

export interface ContactEntry {
  uri: string;
  q?: string;
  expires?: string;
  methods?: string;
  received?: string;
  instance?: string;
  regId?: string;
  params: ContactParam[];
}

export type ContactBody = { star: true } | { star: false; contacts: ContactEntry[] };

/**
 * Why parse_contact() failed: the core's LM_ERR lines as skip_name()/skip_uri()/
 * parse_contacts() (contact.c) and contact_parser() (parse_contact.c) write them, in order, each
 * [file:line, function, text]. parse_contacts()'s closing "failure parsing '...' (len)
 * [start/at/offset]" prints two pointers into Kamailio's buffer: kamsim prints made-up ones.
 */
export interface ContactError {
  lines: [string, string, string][];
}

const ptr = (off: number) => `0x${(0x7f3a5c001000 + off).toString(16)}`;

const C = "parser/contact/contact.c";

const isWs = (c: string | undefined) => c === " " || c === "\t" || c === "\r" || c === "\n";

/** parse_contact(): the body's contacts, or why Kamailio fails to parse it. */
export function parseContactBody(body: string): ContactBody | { error: ContactError } {
  let p = 0;
  while (isWs(body[p])) p++;
  if (p >= body.length)
    return { error: { lines: [["parser/contact/parse_contact.c:48", "contact_parser", "empty body"]] } };
  if (body[p] === "*") return { star: true };
  const s = body.slice(p).trimEnd();
  const r = parseContacts(s);
  if ("error" in r)
    return {
      error: {
        lines: [
          ...r.error.lines,
          [`${C}:276`, "parse_contacts", `failure parsing '${s}' (${s.length}) [${ptr(0)}/${ptr(r.at)}/${r.at}]`],
          ["parser/contact/parse_contact.c:56", "contact_parser", "error while parsing contacts"],
        ],
      },
    };
  return { star: false, contacts: r.contacts };
}

function parseContacts(s: string): { contacts: ContactEntry[] } | { error: ContactError; at: number } {
  const fail = (at: number, ...lines: [string, string, string][]) => ({ error: { lines }, at });
  let p = 0;
  const list: ContactEntry[] = [];
  while (true) {
    // skip_name(): up to `<`, or back to the last blank before the scheme's `:` or a `;`.
    let i = p;
    let lastWs = -1;
    let quoted = false;
    let uriStart = -1;
    for (; i < s.length; i++) {
      const ch = s[i];
      if (!quoted) {
        if (ch === " " || ch === "\t") lastWs = i;
        else if (ch === "<") {
          uriStart = i;
          break;
        } else if (ch === ":" || ch === ";") {
          uriStart = lastWs >= 0 ? lastWs : p;
          break;
        } else if (ch === '"') quoted = true;
      } else if (ch === '"' && s[i - 1] !== "\\") quoted = false;
    }
    if (uriStart < 0)
      return fail(
        p,
        [
          `${C}:${quoted ? 169 : 171}`,
          "skip_name",
          quoted ? "closing quote missing in name part of Contact" : "error in contact, scheme separator not found",
        ],
        [`${C}:201`, "parse_contacts", "error while skipping name part"],
      );
    // skip_uri(): to a `,` or `;` outside quotes and brackets.
    let st = 1;
    let j = uriStart;
    for (; j < s.length; j++) {
      const ch = s[j];
      if ((ch === "," || ch === ";") && st === 1) break;
      if (ch === '"') st = [0, 2, 1, 4, 3, 2, 4][st] as number;
      else if (ch === "<") {
        if (st === 1) st = 3;
        else if (st === 3)
          return fail(
            j,
            [`${C}:74`, "skip_uri", "second bracket < found"],
            [`${C}:211`, "parse_contacts", "error while skipping URI"],
          );
        else if (st === 5) st = 2;
        else if (st === 6) st = 4;
      } else if (ch === ">") {
        if (st === 1)
          return fail(
            j,
            [`${C}:84`, "skip_uri", "bracket > is first"],
            [`${C}:211`, "parse_contacts", "error while skipping URI"],
          );
        if (st === 3) st = 1;
        else if (st === 5) st = 2;
        else if (st === 6) st = 4;
      } else if (ch === "\\") st = [0, 1, 5, 3, 6, 2, 4][st] as number;
    }
    if (st !== 1)
      return fail(
        j,
        [`${C}:111`, "skip_uri", 'bracket < or " not closed'],
        [`${C}:211`, "parse_contacts", "error while skipping URI"],
      );
    let uri = s.slice(uriStart, j).trimEnd();
    if (uri.length >= 2 && uri.startsWith("<") && uri.endsWith(">")) uri = uri.slice(1, -1);
    uri = uri.trim();
    if (uri.length === 0) return fail(j, [`${C}:227`, "parse_contacts", "invalid contact uri"]);
    const entry: ContactEntry = { uri, params: [] };
    p = j;
    if (p < s.length && s[p] === ";") {
      p++;
      while (isWs(s[p])) p++;
      if (p >= s.length) return fail(p, [`${C}:239`, "parse_contacts", "error while parsing params"]);
      const end = parseParams(s, p, entry);
      if (end < 0) return fail(p, [`${C}:244`, "parse_contacts", "error while parsing parameters"]);
      p = end;
    }
    list.unshift(entry);
    if (p >= s.length) break;
    // A `,`: the next contact.
    p++;
    while (isWs(s[p])) p++;
    if (p >= s.length) return fail(p, [`${C}:270`, "parse_contacts", "text after comma missing"]);
  }
  return { contacts: list };
}

/** parse_params() for class CONTACT from `p`: the offset it stopped at (a `,` or the end), -1 on error. */
function parseParams(s: string, p: number, e: ContactEntry): number {
  while (true) {
    const nameStart = p;
    while (p < s.length && !isWs(s[p]) && s[p] !== "=" && s[p] !== ";" && s[p] !== ",") p++;
    const name = s.slice(nameStart, p);
    if (name === "") return -1;
    while (isWs(s[p])) p++;
    let value: string | undefined;
    if (s[p] === "=") {
      p++;
      while (isWs(s[p])) p++;
      if (s[p] === '"') {
        const q = p + 1;
        p = q;
        while (p < s.length && !(s[p] === '"' && s[p - 1] !== "\\")) p++;
        if (p >= s.length) return -1;
        value = s.slice(q, p);
        p++;
      } else {
        const v = p;
        while (p < s.length && !isWs(s[p]) && s[p] !== ";" && s[p] !== ",") p++;
        value = s.slice(v, p);
        if (value === "") return -1;
      }
      while (isWs(s[p])) p++;
    }
    e.params.push({ name, value });
    hook(e, name, value ?? "");
    if (p >= s.length || s[p] === ",") return p;
    if (s[p] !== ";") return -1;
    p++;
    while (isWs(s[p])) p++;
    if (p >= s.length) return p;
  }
}

function hook(e: ContactEntry, name: string, value: string): void {
  switch (name.toLowerCase()) {
    case "q":
      e.q = value;
      break;
    case "expires":
      e.expires = value;
      break;
    case "methods":
      e.methods = value;
      break;
    case "received":
      e.received = value;
      break;
    case "reg-id":
      e.regId = value;
      break;
    case "+sip.instance":
      e.instance = value;
      break;
  }
}
