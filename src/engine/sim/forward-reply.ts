/**
 * The stateless forwarding of a reply that no module took (core/forward.c do_forward_reply()):
 * the reply loses its first Via (build_res_buf_from_sip_res(), core/msg_translator.c: the first
 * via-parm only when its header line holds more, else the whole line) and goes to the second
 * Via as update_sock_struct_from_via() reads it: `rport=` value as the port, `received=` as the
 * address (port then the Via's or 5060), else the Via's host and port (5060 when absent).
 *
 * kamsim has no DNS: a second Via naming a host that is not an IP address is Kamailio's
 * resolve_host() failure.
 */
import { parseIPv4, parseIPv6 } from "../base/ip.js";
import { buildRequestText, hasLumps, type Lump } from "../modules/lumps.js";
import type { HostPort } from "../runtime/sip-net.js";
import { SipRequest } from "../sip/message.js";
import type { SipMessage } from "../sip/sip-message.js";
import { parseVias, type ViaBody } from "../sip/via.js";

export type Forward = { to: HostPort; text: string } | { unresolved: string };

/** Where and what to forward, or undefined when the reply has no (valid) second Via. */
export function statelessForward(msg: SipMessage): Forward | undefined {
  if (!(msg instanceof SipRequest)) return undefined;
  const fields = msg.fields();
  if (fields === undefined) return undefined;
  const raw = msg.raw;
  let cut: [number, number] | undefined;
  let via2: ViaBody | undefined;
  for (const f of fields) {
    if (f.key !== "via") continue;
    const body = raw.slice(f.bodyStart, f.bodyEnd);
    const vias = parseVias(body);
    if (vias === undefined) return undefined;
    if (cut === undefined) {
      const second = vias[1];
      if (second === undefined) {
        cut = [f.start, f.end];
        continue;
      }
      // The first via-parm and the comma and spaces that follow it (its bsize).
      cut = [f.bodyStart, f.bodyStart + nextViaStart(body, (vias[0] as ViaBody).end)];
      via2 = second;
    } else via2 = vias[0];
    break;
  }
  if (cut === undefined || via2 === undefined) return undefined;
  const to = destination(via2);
  if ("unresolved" in to) return to;
  // Header changes the reply_route made (append_hf, remove_hf...) are lumps, applied with the
  // Via's removal (generate_res_buf_from_sip_res() deletes it with del_lump()).
  if (hasLumps(msg)) {
    const via: Lump = { op: "del", offset: cut[0], len: cut[1] - cut[0], before: [], after: [] };
    const text = buildRequestText(msg, [via]);
    if (text !== undefined) return { to, text };
  }
  return { to, text: raw.slice(0, cut[0]) + raw.slice(cut[1]) };
}

/** Offset of the via-parm after the comma at `end` (past the comma and white space). */
function nextViaStart(body: string, end: number): number {
  let p = end + 1;
  while (p < body.length && (body[p] === " " || body[p] === "\t" || body[p] === "\r" || body[p] === "\n")) p++;
  return p;
}

/** update_sock_struct_from_via() for a Via other than the first. */
function destination(via: ViaBody): HostPort | { unresolved: string } {
  let port = 0;
  let host = via.host;
  const param = (name: string) => via.params.find((p) => p.name.toLowerCase() === name);
  const rport = param("rport")?.value;
  if (rport !== undefined && rport !== "") {
    const n = /^\d+$/.test(rport) ? Number(rport) : 0;
    port = n <= 65535 ? n : 0;
  }
  const received = param("received");
  if (received !== undefined) host = received.value ?? "";
  if (port === 0) port = via.port ?? 5060;
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (parseIPv4(bare) === undefined && parseIPv6(bare) === undefined) return { unresolved: host };
  return { ip: bare, port };
}
