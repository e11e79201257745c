/**
 * What each user agent received, brought to a comparable form: the wire text byte for byte,
 * except the values Kamailio 5.6.3 makes at random, each replaced by a placeholder numbered in
 * the order it first appears at that agent (`<random-callid-1>`), so that equal values stay equal
 * (a CANCEL must carry its INVITE's branch) and only the random text itself is hidden.
 *
 * Random in Kamailio 5.6.3, hence normalised, only in messages of a transaction Kamailio itself
 * originated (a Call-ID that no agent sent on that side: tm's local requests, t_uac.c):
 * - the Call-ID: modules/tm/callid.c init_callid() makes its prefix and first number with
 *   kam_rand();
 * - the From tag: generate_fromtag() (modules/tm/dlg.c, t_msgbuilder.c, rpc_uac.c) hashes that
 *   Call-ID;
 * - the branch of the Via Kamailio wrote (sent-by = the proxy's socket): for a transaction with
 *   no request behind it, modules/tm/h_table.c init_synonym_id() fills the cell's md5 from
 *   kam_rand(), and t_msgbuilder.c t_calc_branch() builds the branch from it.
 *
 * Not random, hence compared as they are:
 * - the branch of a request Kamailio relays: statelessly (core/forward.c) and through tm
 *   (t_calc_branch() with the md5 init_synonym_id() computed by char_msg_val(), core/char_msg_val.h)
 *   it is `z9hG4bK` + the hash index + `.` + the MD5 of the transaction key + `.` + the branch
 *   number, all from the request's own headers;
 * - To tags of sl's and tm's replies: core/tags.h init_tags() is the MD5 of a fixed signature and
 *   the first listening socket (the same on both sides: the harness gives kamsim Kamailio's port),
 *   and calc_crc_suffix() a CRC of the request's Via and Call-ID.
 */

/** One datagram an agent received (or sent). */
export interface WireMessage {
  /** Seconds since t = 0. */
  t: number;
  /** The other end, `ip:port` (the sender of a received message, the target of a sent one). */
  peer: string;
  text: string;
}

/** One agent's traffic on one side. */
export interface AgentWire {
  /** The agent's name in the traffic file. */
  name: string;
  /** Its address, `ip:port`. */
  addr: string;
  received: WireMessage[];
  sent: WireMessage[];
}

const HEADER = /^([A-Za-z0-9!%*_+`'~.-]+)[ \t]*:[ \t]*(.*)$/;

/** The header lines of a message (no folding: agents and Kamailio write none), with their indexes. */
function headerLines(lines: readonly string[]): { i: number; name: string; value: string }[] {
  const out: { i: number; name: string; value: string }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === "") break;
    const m = HEADER.exec(line);
    if (m) out.push({ i, name: (m[1] as string).toLowerCase(), value: m[2] as string });
  }
  return out;
}

/** The Call-ID of a message's text ("" without one). */
export function callIdOf(text: string): string {
  for (const h of headerLines(text.split("\r\n"))) if (h.name === "call-id" || h.name === "i") return h.value.trim();
  return "";
}

/** `host:port` of a Via body's sent-by, port 5060 when none is written. */
function sentBy(via: string): string {
  const m = /^\s*SIP\s*\/\s*2\.0\s*\/\s*[A-Za-z]+\s+([^;\s]+)/i.exec(via);
  const hp = m?.[1] ?? "";
  return /:\d+$/.test(hp) ? hp : `${hp}:5060`;
}

/** Placeholders for one agent on one side: each random value gets the next number of its kind. */
export class Placeholders {
  private readonly seen = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  of(kind: string, value: string): string {
    const key = `${kind}\n${value}`;
    let p = this.seen.get(key);
    if (!p) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      p = `<random-${kind}-${n}>`;
      this.seen.set(key, p);
    }
    return p;
  }
}

/**
 * One message's text with Kamailio's random values replaced (see the file comment). `agentCallIds`:
 * the Call-IDs the agents sent on this side; `proxy`: Kamailio's socket, `ip:port`.
 */
export function normalizeSip(text: string, proxy: string, agentCallIds: ReadonlySet<string>, ph: Placeholders): string {
  const callId = callIdOf(text);
  if (callId === "" || agentCallIds.has(callId)) return text;
  const lines = text.split("\r\n");
  for (const h of headerLines(lines)) {
    const head = (lines[h.i] as string).slice(0, (lines[h.i] as string).length - h.value.length);
    let value = h.value;
    if (h.name === "call-id" || h.name === "i") value = value.split(callId).join(ph.of("callid", callId));
    else if (h.name === "from" || h.name === "f")
      value = value.replace(
        /(;\s*tag\s*=\s*)([^;\s]+)/i,
        (_, p: string, tag: string) => `${p}${ph.of("fromtag", tag)}`,
      );
    else if (h.name === "via" || h.name === "v")
      value = value
        .split(",")
        .map((body) =>
          sentBy(body) === proxy
            ? body.replace(/(;\s*branch\s*=\s*)([^;\s,]+)/i, (_, p: string, b: string) => `${p}${ph.of("branch", b)}`)
            : body,
        )
        .join(",");
    lines[h.i] = head + value;
  }
  return lines.join("\r\n");
}

/** The Call-IDs an agent sent. */
export function sentCallIds(agents: readonly AgentWire[]): Set<string> {
  const out = new Set<string>();
  for (const a of agents) for (const m of a.sent) out.add(callIdOf(m.text));
  out.delete("");
  return out;
}
