/**
 * Reading a datagram the way a user agent needs it: first line, the headers that drive
 * transactions and dialogs (RFC 3261 sections 8, 12, 17), the body. Not the proxy's parser
 * (sip/message.ts judges bytes as Kamailio does); an agent only has to understand well-formed
 * messages and drop the rest. Header names are case-insensitive and may be compact (section 7.3.3);
 * Via, Contact, Route and Record-Route may hold several comma-separated values on one line.
 */

/** One Via value, split into what transactions and response routing use. */
export interface ViaValue {
  /** The whole value as written (`SIP/2.0/UDP host:port;branch=...`). */
  text: string;
  host: string;
  /** The sent-by port, `null` when not written. */
  port: number | null;
  branch: string;
  /** `received=` (RFC 3261 18.2.1), `null` when absent. */
  received: string | null;
  /** `rport=` (RFC 3581): `null` absent, `""` present without a value. */
  rport: string | null;
}

/** A datagram an agent understood. */
export interface AgentMessage {
  /** The text as received. */
  text: string;
  /** A request (else a reply). */
  request: boolean;
  /** Request: its method; reply: the CSeq method. */
  method: string;
  /** Request-URI (requests). */
  ruri: string;
  /** Status code (replies), 0 for a request. */
  status: number;
  /** Every Via value, top first. */
  vias: ViaValue[];
  /** Each Via header line's value as written, in order (a reply copies them; RFC 3261 8.2.6.2). */
  viaLines: string[];
  from: string;
  to: string;
  fromTag: string;
  toTag: string;
  callId: string;
  cseq: number;
  /** Every Contact value (name-addr or addr-spec with parameters). */
  contacts: string[];
  /** Every Record-Route value, top first. */
  recordRoutes: string[];
  /** Each Record-Route header line's value as written (a dialog-making reply copies them; RFC 3261 12.1.1). */
  recordRouteLines: string[];
  /** The Expires header, `null` when absent or not a number. */
  expires: number | null;
  /** The Min-Expires header (423 replies), `null` when absent. */
  minExpires: number | null;
  body: string;
}

const COMPACT: Readonly<Record<string, string>> = {
  v: "via",
  f: "from",
  t: "to",
  i: "call-id",
  m: "contact",
  l: "content-length",
  c: "content-type",
};

/** The headers an agent reads, by their lower-case and compact names. */
const WANTED = new Set(["via", "from", "to", "call-id", "cseq", "contact", "record-route", "expires", "min-expires"]);

/** Header names as usually written → their lower-case name (a hit spares a trim and a lower-casing). */
const USUAL: ReadonlyMap<string, string> = new Map([
  ["Via", "via"],
  ["From", "from"],
  ["To", "to"],
  ["Call-ID", "call-id"],
  ["CSeq", "cseq"],
  ["Contact", "contact"],
  ["Record-Route", "record-route"],
  ["Expires", "expires"],
  ["Min-Expires", "min-expires"],
  ["Max-Forwards", "max-forwards"],
  ["Content-Type", "content-type"],
  ["Content-Length", "content-length"],
  ["Server", "server"],
  ["User-Agent", "user-agent"],
  ["Route", "route"],
  ["Allow", "allow"],
]);

/** Parses a datagram; `undefined` when it is not a SIP message an agent can use. */
export function parseAgentMessage(text: string): AgentMessage | undefined {
  // Written with indexOf rather than split/regex: agents read every datagram of a run.
  let headEnd = text.indexOf("\r\n\r\n");
  let bodyStart = headEnd + 4;
  if (headEnd < 0) {
    headEnd = text.indexOf("\n\n");
    bodyStart = headEnd + 2;
    if (headEnd < 0) return undefined;
  }
  let eol = text.indexOf("\n");
  if (eol < 0 || eol > headEnd) eol = headEnd;
  const first = text.slice(0, text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol);
  const m: AgentMessage = {
    text,
    request: true,
    method: "",
    ruri: "",
    status: 0,
    vias: [],
    viaLines: [],
    from: "",
    to: "",
    fromTag: "",
    toTag: "",
    callId: "",
    cseq: -1,
    contacts: [],
    recordRoutes: [],
    recordRouteLines: [],
    expires: null,
    minExpires: null,
    body: text.slice(bodyStart),
  };
  if (first.startsWith("SIP/2.0 ")) {
    m.request = false;
    m.status = Number(first.slice(8, 11));
    if (!(m.status >= 100 && m.status <= 699)) return undefined;
  } else {
    const sp1 = first.indexOf(" ");
    const sp2 = first.indexOf(" ", sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || first.slice(sp2 + 1) !== "SIP/2.0") return undefined;
    m.method = first.slice(0, sp1);
    m.ruri = first.slice(sp1 + 1, sp2);
  }
  let cseqMethod = "";
  let pos = eol + 1;
  while (pos < headEnd) {
    let next = text.indexOf("\n", pos);
    if (next < 0 || next > headEnd) next = headEnd;
    // Continuation lines (RFC 3261 7.3.1) join the line before.
    while (next < headEnd && (text.charCodeAt(next + 1) === 32 || text.charCodeAt(next + 1) === 9)) {
      const more = text.indexOf("\n", next + 1);
      next = more < 0 || more > headEnd ? headEnd : more;
    }
    let line = text.slice(pos, text.charCodeAt(next - 1) === 13 ? next - 1 : next);
    pos = next + 1;
    if (line.indexOf("\n") >= 0) line = line.replace(/\r?\n[ \t]+/g, " ");
    const colon = line.indexOf(":");
    if (colon <= 0) return undefined;
    const written = line.slice(0, colon);
    let name = USUAL.get(written);
    if (name === undefined) {
      const raw = written.trim().toLowerCase();
      name = COMPACT[raw] ?? raw;
    }
    if (!WANTED.has(name)) continue;
    const value = line.slice(colon + 1).trim();
    switch (name) {
      case "via":
        m.viaLines.push(value);
        for (const v of splitList(value)) {
          const via = parseVia(v);
          if (!via) return undefined;
          m.vias.push(via);
        }
        break;
      case "from":
        m.from = value;
        m.fromTag = tagOf(value);
        break;
      case "to":
        m.to = value;
        m.toTag = tagOf(value);
        break;
      case "call-id":
        m.callId = value;
        break;
      case "cseq": {
        const sp = value.indexOf(" ");
        m.cseq = sp > 0 && /^\d+$/.test(value.slice(0, sp)) ? Number(value.slice(0, sp)) : -1;
        cseqMethod = sp > 0 ? value.slice(sp + 1).trim() : "";
        break;
      }
      case "contact":
        for (const c of splitList(value)) m.contacts.push(c);
        break;
      case "record-route":
        m.recordRouteLines.push(value);
        for (const r of splitList(value)) m.recordRoutes.push(r);
        break;
      case "expires":
        m.expires = wholeNumber(value);
        break;
      case "min-expires":
        m.minExpires = wholeNumber(value);
        break;
    }
  }
  if (m.vias.length === 0 || !m.callId || m.cseq < 0 || !cseqMethod) return undefined;
  if (m.request && cseqMethod !== m.method) return undefined;
  if (!m.request) m.method = cseqMethod;
  return m;
}

/** Splits a header value at the commas outside quotes and angle brackets. */
export function splitList(value: string): string[] {
  if (value.indexOf(",") < 0) return [value];
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "<") depth++;
    else if (c === ">") depth--;
    else if (c === "," && depth === 0) {
      out.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = value.slice(start).trim();
  if (last) out.push(last);
  return out;
}

function wholeNumber(value: string): number | null {
  return /^\d+$/.test(value) ? Number(value) : null;
}

/** The header parameters of a From/To/Contact value: after the `>` of a name-addr, else after the URI. */
export function headerParams(value: string): string {
  const close = value.lastIndexOf(">");
  if (close >= 0) return value.slice(close + 1);
  const semi = value.indexOf(";");
  return semi < 0 ? "" : value.slice(semi);
}

/** A header parameter's value (`tag`, `expires`...), `null` when absent, `""` without a value. */
export function paramOf(params: string, name: string): string | null {
  let at = params.indexOf(";");
  while (at >= 0) {
    const end = params.indexOf(";", at + 1);
    const p = params.slice(at + 1, end < 0 ? undefined : end);
    const eq = p.indexOf("=");
    const key = (eq < 0 ? p : p.slice(0, eq)).trim();
    if (key.length === name.length && key.toLowerCase() === name) return eq < 0 ? "" : p.slice(eq + 1).trim();
    at = end;
  }
  return null;
}

function tagOf(value: string): string {
  return paramOf(headerParams(value), "tag") ?? "";
}

/** The URI of a name-addr (`"A" <sip:a@h>;p` → `sip:a@h`) or an addr-spec (parameters dropped). */
export function uriOf(value: string): string {
  const open = value.indexOf("<");
  if (open >= 0) {
    const close = value.indexOf(">", open);
    return value.slice(open + 1, close < 0 ? undefined : close).trim();
  }
  const semi = value.indexOf(";");
  return (semi < 0 ? value : value.slice(0, semi)).trim();
}

/** `SIP/2.0/UDP host[:port];params` → its parts; `undefined` when it is not one. */
export function parseVia(text: string): ViaValue | undefined {
  let sentBy: string;
  let params: string;
  // The usual `SIP/2.0/UDP host:port;params` without the regular expression's cost.
  if (text.startsWith("SIP/2.0/UDP ")) {
    const semi = text.indexOf(";", 12);
    sentBy = text.slice(12, semi < 0 ? undefined : semi).trim();
    params = semi < 0 ? "" : text.slice(semi);
    if (sentBy === "" || sentBy.indexOf(" ") >= 0) return undefined;
  } else {
    const m = /^SIP\s*\/\s*2\.0\s*\/\s*[A-Za-z]+\s+([^;\s]+)\s*(.*)$/i.exec(text);
    if (!m) return undefined;
    sentBy = m[1] as string;
    params = m[2] as string;
  }
  let host = sentBy;
  let port: number | null = null;
  const bracket = sentBy.lastIndexOf("]");
  const colon = sentBy.lastIndexOf(":");
  if (colon > bracket) {
    host = sentBy.slice(0, colon);
    port = Number(sentBy.slice(colon + 1));
    if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  }
  return {
    text,
    host,
    port,
    branch: paramOf(params, "branch") ?? "",
    received: paramOf(params, "received"),
    rport: paramOf(params, "rport"),
  };
}
