/**
 * A request as Kamailio puts it on the wire when it forwards it: build_req_buf_from_sip_req()
 * of core/msg_translator.c (5.6.3) over UDP, what tm's branches (modules/tm/t_fwd.c
 * prepare_new_uac()) and the core's stateless forward_request() (core/forward.c) send:
 *
 * - the script's lumps applied (modules/lumps.ts), the request line with the current R-URI;
 * - a new top Via, `Via: SIP/2.0/UDP <socket address>[:<port>];branch=<branch>` (via_builder():
 *   the port is left out when it is 5060; `;rport` follows the branch when add_local_rport() was
 *   called), inserted before the received top Via (anchor_lump() at via1->hdr.s);
 * - the received top Via gets `;received=<source IP>` when received_test() says so (its host is
 *   not the source IP, or it has `received` or `rport`), and `;rport=<source port>` when it has
 *   `rport` or force_rport() was called: each replaces the parameter of that name where it was,
 *   or is added where the parameters start (rport nearest that anchor, insert_new_lump_after());
 * - Content-Length rewritten only when the body changed (adjust_clen() for UDP).
 */
import type { HostPort } from "../../runtime/sip-net.js";
import type { SipMessage } from "../../sip/sip-message.js";
import { parseVia } from "../../sip/via.js";
import { buildRequestText, type Lump, msgView } from "../lumps.js";

/** What one send of the request needs besides the message and its lumps. */
export interface BuildRequestOptions {
  /** The Via branch value (tm: t_calc_branch(); stateless: the core's). */
  branch: string;
  /** The socket the request leaves from: the Via's sent-by. */
  socket: HostPort;
  /** The socket the request came in on (rr's Record-Route address); default `socket`. */
  rcv?: HostPort;
  /** Where the received request came from (`$si`, `$sp`): received=/rport= values. */
  src: HostPort;
  /** force_rport() was called for the message (FL_FORCE_RPORT). */
  forceRport?: boolean;
  /** add_local_rport() was called (FL_ADD_LOCAL_RPORT), or core `local_rport`. */
  localRport?: boolean;
  /** The branch's path vector (msg->path_vec: registrar's Path of the contact), sent as a Route. */
  path?: string;
}

/** SIP_PORT of core/ip_addr.h: via_builder() leaves it out of the Via. */
const SIP_PORT = 5060;

/** The Via line via_builder() makes for `socket` and `branch`, CRLF included. */
export function localViaLine(socket: HostPort, branch: string, localRport = false): string {
  const host = socket.ip.includes(":") && !socket.ip.startsWith("[") ? `[${socket.ip}]` : socket.ip;
  const port = socket.port !== SIP_PORT ? `:${socket.port}` : "";
  return `Via: SIP/2.0/UDP ${host}${port};branch=${branch}${localRport ? ";rport" : ""}\r\n`;
}

/** check_via_address() without DNS: the Via host is the source IP as text. */
function sameAddress(host: string, ip: string): boolean {
  if (host === ip) return true;
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  return bare.toLowerCase() === ip.toLowerCase();
}

/** The lumps build_req_buf_from_sip_req() adds for one send; undefined when the message has no Via. */
function sendLumps(msg: SipMessage, o: BuildRequestOptions): Lump[] | undefined {
  const view = msgView(msg);
  const f = view?.fields?.find((x) => x.key === "via");
  if (view === undefined || f === undefined) return undefined;
  const via: Lump = {
    op: "nop",
    offset: f.start,
    len: 0,
    before: [localViaLine(o.socket, o.branch, o.localRport)],
    after: [],
  };
  const lumps: Lump[] = [via];
  // The path vector becomes `Route: <path>` before the first Route header, or right after the
  // new Via when there is none (build_req_buf_from_sip_req(), ROUTE_PREFIX).
  if (o.path) {
    const line = `Route: ${o.path}\r\n`;
    const route = view.fields?.find((x) => x.key === "route");
    if (route !== undefined) lumps.push({ op: "nop", offset: route.start, len: 0, before: [], after: [line] });
    else via.after.push(line);
  }
  const body = view.raw.slice(f.bodyStart, f.bodyEnd);
  const v1 = parseVia(body);
  if (v1 === undefined) return lumps;
  const received = v1.params.find((p) => p.name.toLowerCase() === "received");
  const rport = v1.params.find((p) => p.name.toLowerCase() === "rport");
  const addReceived = received !== undefined || rport !== undefined || !sameAddress(v1.host, o.src.ip);
  const addRport = o.forceRport === true || rport !== undefined;
  // Where parameters start (the ';' of the first), else just after host[:port].
  let paramAt: number;
  const first = v1.params[0];
  if (first !== undefined) paramAt = f.bodyStart + body.lastIndexOf(";", first.start);
  else {
    let e = v1.end;
    while (e > 0 && /[ \t\r\n]/.test(body.charAt(e - 1))) e--;
    paramAt = f.bodyStart + e;
  }
  let insertParam: Lump | undefined;
  if (addReceived) {
    if (received !== undefined) {
      const at = f.bodyStart + body.lastIndexOf(";", received.start);
      insertParam = { op: "del", offset: at, len: f.bodyStart + received.end - at, before: [], after: [] };
    } else insertParam = { op: "nop", offset: paramAt, len: 0, before: [], after: [] };
    insertParam.after.unshift(`;received=${o.src.ip}`);
    lumps.push(insertParam);
  }
  if (addRport) {
    if (rport !== undefined) {
      const at = f.bodyStart + body.lastIndexOf(";", rport.start);
      insertParam = { op: "del", offset: at, len: f.bodyStart + rport.end - at, before: [], after: [] };
      lumps.push(insertParam);
    } else if (insertParam === undefined) {
      insertParam = { op: "nop", offset: paramAt, len: 0, before: [], after: [] };
      lumps.push(insertParam);
    }
    // insert_new_lump_after(): nearest the anchor, before a received= added to the same anchor.
    insertParam.after.unshift(`;rport=${o.src.port}`);
  }
  return lumps;
}

/**
 * The forwarded request's text, or undefined when the message does not frame or has no Via
 * (Kamailio refuses such a request long before).
 */
export function buildForwardedRequest(msg: SipMessage, o: BuildRequestOptions): string | undefined {
  const extra = sendLumps(msg, o);
  if (extra === undefined) return undefined;
  return buildRequestText(msg, extra, { rcv: o.rcv ?? o.socket, snd: o.socket });
}
