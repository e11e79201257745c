/**
 * Pending changes to a received request, kept as Kamailio keeps them: "lumps" (src/core/
 * data_lump.c). A function that adds or removes a header (textops `append_hf`, `remove_hf`...)
 * does not touch the received text; it records an anchor or a deletion at an offset of it, with
 * the text to add before or after. Reads later in the script (`$hdr`, `$mb`, `search`) still see
 * the received text; the changes are applied when the message is built for sending, or by
 * textopsx `msg_apply_changes()`, which builds the text and parses it again
 * (docs/kamailio/textops.md#pending-changes).
 *
 * The list is kept exactly as data_lump.c keeps it, because its order decides the outcome:
 * deletions and anchors are sorted by offset (a new one goes after those at the same offset);
 * text added before or after an anchor is chained nearest to it, so the newest comes first
 * (insert_new_lump_before/after). Building the text follows process_lumps() in
 * src/core/msg_translator.c: an anchor or deletion whose offset lies inside text already
 * deleted is skipped, with everything attached to it.
 */
import type { HeaderField } from "../sip/headers.js";
import { SipRequest } from "../sip/message.js";
import type { SipMessage } from "../sip/sip-message.js";
import { utf8Length } from "../sip/utf8.js";

/**
 * A part of a lump's before/after chain. Mostly text (LUMP_ADD); rr's Record-Route also uses
 * data_lump.c's other kinds: text marked as Record-Route (type HDR_RECORDROUTE_T, which
 * add_rr_param() looks for), a SUBST lump (the socket's address, written when the message is
 * built) and an OPT lump (a condition: when false, the rest of the chain is skipped).
 */
export type LumpPart = string | LumpRrText | LumpSubst | LumpCond;

/** Text of type HDR_RECORDROUTE_T (rr/record.c: the suffix and parameters of a Record-Route). */
export interface LumpRrText {
  rr: string;
}

/**
 * insert_subst_lump_after(): SUBST_RCV_ALL / SUBST_SND_ALL write `ip[:port][;transport=..]` of
 * the socket the request came in on / leaves from (the port only when it is not 5060);
 * SUBST_RCV_PROTO / SUBST_SND_PROTO its protocol name.
 */
export interface LumpSubst {
  subst: "rcv-all" | "snd-all" | "rcv-proto" | "snd-proto";
}

/** insert_cond_lump_*(): COND_TRUE, COND_IF_DIFF_REALMS, COND_IF_DIFF_PROTO (lump_check_opt()). */
export interface LumpCond {
  cond: "true" | "diff-realms" | "diff-proto";
}

/** One lump: an anchor (`nop`) or a deletion (`del`) at an offset of the received text. */
export interface Lump {
  op: "nop" | "del";
  offset: number;
  len: number;
  /** Parts added before the anchor, in output order (the chain from the anchor outwards). */
  before: LumpPart[];
  /** Parts added after it, in output order (the chain from the anchor outwards). */
  after: LumpPart[];
  /** The lump's type is HDR_RECORDROUTE_T (rr's anchors; remove_record_route() drops them). */
  rr?: boolean;
}

/** The sockets a request is built for: where it came in (msg->rcv), where it leaves (send_sock). */
export interface BuildSockets {
  rcv: { ip: string; port: number };
  snd: { ip: string; port: number };
}

/** The received text as the header functions see it: offsets of its parts, its header fields. */
export interface MsgView {
  raw: string;
  /** Header fields in order; undefined when a header line is malformed (parse_headers() fails). */
  fields: readonly HeaderField[] | undefined;
  /** Offset of the first header line. */
  headerStart: number;
  /** Offset of the blank line that ends the headers (msg->eoh, msg->unparsed). */
  eoh: number;
  /** Offset of the first byte of the body. */
  bodyStart: number;
  /** Where the request URI lies in the request line. */
  uriStart: number;
  uriEnd: number;
}

interface MsgLumps {
  view: MsgView;
  /** msg->add_rm: lumps at or before the end of the headers. */
  headers: Lump[];
  /** msg->body_lumps: lumps after it. */
  body: Lump[];
  /** Reply lumps (add_lump_rpl): header lines for the replies to this request. */
  reply: string[];
}

const state = new WeakMap<SipMessage, MsgLumps>();

function makeView(msg: SipMessage): MsgView | undefined {
  // A traffic stream's request builds its text on demand; read that text as received.
  const req = msg instanceof SipRequest ? msg : (msg.parsedRequest?.() ?? SipRequest.parse(msg.raw));
  if (!(req instanceof SipRequest)) return undefined;
  const raw = req.raw;
  const fields = req.fields();
  let s = 0;
  while (s < raw.length && isBlank(raw.charCodeAt(s))) s++;
  const uriStart = raw.indexOf(" ", s) + 1;
  let uriEnd = uriStart;
  while (uriEnd < raw.length && !isBlank(raw.charCodeAt(uriEnd))) uriEnd++;
  const lineEnd = raw.indexOf("\n", s);
  const headerStart = lineEnd < 0 ? raw.length : lineEnd + 1;
  const bodyStart = raw.length - req.body.length;
  const last = fields?.[fields.length - 1];
  return {
    raw,
    fields,
    headerStart,
    eoh: last !== undefined ? last.end : Math.min(headerStart, bodyStart),
    bodyStart,
    uriStart,
    uriEnd,
  };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

function lumpsOf(msg: SipMessage): MsgLumps | undefined {
  let s = state.get(msg);
  if (s === undefined) {
    const view = makeView(msg);
    if (view === undefined) return undefined;
    s = { view, headers: [], body: [], reply: [] };
    state.set(msg, s);
  }
  return s;
}

/** The received text with its offsets; undefined for a message that does not frame. */
export function msgView(msg: SipMessage): MsgView | undefined {
  return lumpsOf(msg)?.view;
}

/** Whether the message has pending changes (any lump). */
export function hasLumps(msg: SipMessage): boolean {
  const s = state.get(msg);
  return s !== undefined && (s.headers.length > 0 || s.body.length > 0);
}

/** anchor_lump() / del_lump(): inserted sorted by offset, after those at the same offset. */
function addLump(msg: SipMessage, op: "nop" | "del", offset: number, len: number): Lump | undefined {
  const s = lumpsOf(msg);
  if (s === undefined) return undefined;
  const lump: Lump = { op, offset, len, before: [], after: [] };
  const list = offset > s.view.eoh ? s.body : s.headers;
  let i = 0;
  while (i < list.length && (list[i] as Lump).offset <= offset) i++;
  list.splice(i, 0, lump);
  return lump;
}

/** anchor_lump(msg, offset, 0, 0). */
export function anchorLump(msg: SipMessage, offset: number): Lump | undefined {
  return addLump(msg, "nop", offset, 0);
}

/** del_lump(msg, offset, len, 0). */
export function delLump(msg: SipMessage, offset: number, len: number): Lump | undefined {
  return addLump(msg, "del", offset, len);
}

/** anchor_lump(msg, offset, 0, HDR_RECORDROUTE_T): an anchor of rr's type (rr/record.c). */
export function anchorRrLump(msg: SipMessage, offset: number): Lump | undefined {
  const l = addLump(msg, "nop", offset, 0);
  if (l) l.rr = true;
  return l;
}

/**
 * msg->add_rm, the header lumps in order, live: rr walks it for the Record-Route it added
 * (add_rr_param()'s get_rr_param_lump()) and drops its anchors (remove_record_route()).
 */
export function headerLumps(msg: SipMessage): Lump[] | undefined {
  return lumpsOf(msg)?.headers;
}

/** insert_new_lump_before(anchor, text): chained nearest the anchor. */
export function insertBefore(anchor: Lump, text: string): void {
  anchor.before.unshift(text);
}

/** insert_new_lump_after(anchor, text): chained nearest the anchor. */
export function insertAfter(anchor: Lump, text: string): void {
  anchor.after.unshift(text);
}

/** The header and body lump lists at one moment (dup_lump_list() of both). */
export interface LumpSnapshot {
  headers: Lump[];
  body: Lump[];
}

const copyLump = (l: Lump): Lump => ({ ...l, before: [...l.before], after: [...l.after] });

/**
 * dup_lump_list() of msg->add_rm and msg->body_lumps, as tm's prepare_new_uac() does before a
 * branch_route (modules/tm/t_fwd.c): restoreLumps() then puts the lists back, so lumps a
 * branch_route adds (record_route(), append_hf()...) apply to that branch only.
 */
export function snapshotLumps(msg: SipMessage): LumpSnapshot | undefined {
  const s = lumpsOf(msg);
  return s && { headers: s.headers.map(copyLump), body: s.body.map(copyLump) };
}

/** Puts the lists of a snapshot back (free_duped_lump_list() and the backups restored). */
export function restoreLumps(msg: SipMessage, snap: LumpSnapshot): void {
  const s = lumpsOf(msg);
  if (s === undefined) return;
  s.headers.splice(0, s.headers.length, ...snap.headers.map(copyLump));
  s.body.splice(0, s.body.length, ...snap.body.map(copyLump));
}

/** del_nonshm_lump(&msg->body_lumps): drops the body's pending changes (set_body() starts over). */
export function clearBodyLumps(msg: SipMessage): void {
  const s = state.get(msg);
  if (s) s.body.length = 0;
}

/** add_lump_rpl(msg, text, len, LUMP_RPL_HDR): a header line for the replies to this request. */
export function addReplyLump(msg: SipMessage, text: string): void {
  lumpsOf(msg)?.reply.push(text);
}

/** The reply lumps of a request, in order. */
export function replyLumps(msg: SipMessage): readonly string[] {
  return state.get(msg)?.reply ?? [];
}

/**
 * lumps_len() of msg_translator.c, which build_req_buf_from_sip_req() runs over each list before
 * copying: it "fixes overlapping zones" in place — a deletion starting inside text already
 * deleted is cut to start where that ends, an anchor inside it moves to its end — and returns
 * how many bytes the list adds (negative: removes).
 */
function fixOverlaps(raw: string, list: readonly Lump[], sockets?: BuildSockets): { fixed: Lump[]; delta: number } {
  let s = 0;
  let delta = 0;
  const fixed: Lump[] = [];
  const chain: string[] = [];
  for (const l of list) {
    const t = { ...l };
    chain.length = 0;
    renderChain(t.before, sockets, chain);
    if (t.op === "del") {
      if (t.offset < s) {
        t.len = t.len > s - t.offset ? t.len - (s - t.offset) : 0;
        t.offset = s;
      }
      s = t.offset + t.len;
      delta -= utf8Length(raw.slice(t.offset, t.offset + t.len));
    } else if (t.offset < s) t.offset = s;
    else s = t.offset;
    renderChain(t.after, sockets, chain);
    for (const c of chain) delta += utf8Length(c);
    fixed.push(t);
  }
  return { fixed, delta };
}

/**
 * One before/after chain in order (process_lumps()'s inner loops): text as it is, a SUBST lump
 * as the socket's address, an OPT lump that is false skips the rest of the chain. Without
 * sockets (msg_apply_changes() builds with an empty dest_info) lump_check_opt() presumes the
 * sockets differ ("null send socket") and a send-side SUBST writes nothing; Kamailio's
 * msg_apply_changes() refuses after record_route(), so rr's lumps do not reach it.
 */
function renderChain(chain: readonly LumpPart[], sockets: BuildSockets | undefined, out: string[]): void {
  for (const p of chain) {
    if (typeof p === "string") out.push(p);
    else if ("rr" in p) out.push(p.rr);
    else if ("subst" in p) out.push(substText(p.subst, sockets));
    else if (!condHolds(p.cond, sockets)) return;
  }
}

/** lump_check_opt(): one UDP socket family here, so "different realms" is a different ip:port. */
function condHolds(cond: LumpCond["cond"], sockets: BuildSockets | undefined): boolean {
  if (cond === "true" || sockets === undefined) return true;
  if (cond === "diff-proto") return false;
  return sockets.rcv.ip !== sockets.snd.ip || sockets.rcv.port !== sockets.snd.port;
}

/** SUBST_LUMP(): `ip`, `:port` unless it is 5060 (SIP_PORT), no transport parameter for UDP. */
function substText(what: LumpSubst["subst"], sockets: BuildSockets | undefined): string {
  if (what === "rcv-proto" || what === "snd-proto") return sockets || what === "rcv-proto" ? "udp" : "";
  const sock = sockets === undefined ? undefined : what === "rcv-all" ? sockets.rcv : sockets.snd;
  if (sock === undefined) return "";
  const host = sock.ip.includes(":") && !sock.ip.startsWith("[") ? `[${sock.ip}]` : sock.ip;
  return sock.port === 5060 ? host : `${host}:${sock.port}`;
}

/** process_lumps() over one (fixed) list, from `s` in the received text; returns the new `s`. */
function processLumps(
  raw: string,
  list: readonly Lump[],
  out: string[],
  s: number,
  sockets: BuildSockets | undefined,
): number {
  for (const t of list) {
    // "overlapped lumps offsets, ignoring": cannot happen once fixOverlaps() ran; kept as Kamailio.
    if (s > t.offset) continue;
    out.push(raw.slice(s, t.offset));
    s = t.offset;
    renderChain(t.before, sockets, out);
    if (t.op === "del") s += t.len;
    renderChain(t.after, sockets, out);
  }
  return s;
}

/**
 * The text build_req_buf_from_sip_req() makes with BUILD_NO_LOCAL_VIA|BUILD_NO_VIA1_UPDATE
 * (what msg_apply_changes() uses): the request line with the current R-URI, the lumps applied,
 * and — only when the body changed size — the Content-Length value rewritten (adjust_clen() for
 * UDP: a message without Content-Length gets none). `extra` are the lumps a full build adds for
 * one send (modules/core/build-request.ts: the local Via, received/rport); `sockets` fill rr's
 * SUBST and OPT lumps (the Record-Route address, double Record-Route).
 */
export function buildRequestText(
  msg: SipMessage,
  extra: readonly Lump[] = [],
  sockets?: BuildSockets,
): string | undefined {
  const s = lumpsOf(msg);
  if (s === undefined) return undefined;
  const v = s.view;
  const raw = v.raw;
  const headers = s.headers.slice();
  // Lumps the builder itself adds for this send only (modules/core/build-request.ts: tm's Via,
  // received/rport), after the script's, as anchor_lump()/del_lump() sort them.
  for (const l of extra) insertSorted(headers, { ...l, before: [...l.before], after: [...l.after] });
  const body = fixOverlaps(raw, s.body, sockets);
  // msg->new_uri: the request line gets the R-URI assigned in the script (a reply has none).
  if (msg.reply === undefined && msg.ruri !== raw.slice(v.uriStart, v.uriEnd)) {
    const l: Lump = { op: "del", offset: v.uriStart, len: v.uriEnd - v.uriStart, before: [], after: [msg.ruri] };
    insertSorted(headers, l);
  }
  // In-place rewrites of the received buffer (maxfwd writes its decremented value there).
  for (const f of v.fields ?? []) {
    const now = msg.header(f.key);
    const first = v.fields?.find((g) => g.key === f.key) === f;
    if (!first || now === undefined) continue;
    const was = raw.slice(f.bodyStart, f.bodyEnd);
    if (now !== was) {
      insertSorted(headers, { op: "del", offset: f.bodyStart, len: was.length, before: [], after: [now] });
    }
  }
  const delta = body.delta;
  if (delta !== 0) {
    const cl = v.fields?.find((f) => f.key === "content-length");
    if (cl !== undefined) {
      const len = utf8Length(raw.slice(v.bodyStart)) + delta;
      insertSorted(headers, {
        op: "del",
        offset: cl.bodyStart,
        len: cl.bodyEnd - cl.bodyStart,
        before: [],
        after: [String(len)],
      });
    }
  }
  const out: string[] = [];
  let pos = processLumps(raw, fixOverlaps(raw, headers, sockets).fixed, out, 0, sockets);
  pos = processLumps(raw, body.fixed, out, pos, sockets);
  out.push(raw.slice(pos));
  return out.join("");
}

function insertSorted(list: Lump[], lump: Lump): void {
  let i = 0;
  while (i < list.length && (list[i] as Lump).offset <= lump.offset) i++;
  list.splice(i, 0, lump);
}
