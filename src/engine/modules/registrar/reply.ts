/**
 * registrar's replies (reply.c): build_contact() prints every valid contact of the record into
 * one `Contact:` header kept in a module buffer, and reg_reply_helper() adds that buffer (then
 * empties it), the P-Registrar-Error / Min-Expires / Retry-After / Unsupported headers as reply
 * lumps and sends the reply with sl's `freply`. The buffer outlives the call: a save() with the
 * no-reply flag leaves it for the next reply, as in Kamailio.
 */
import type { ScriptContext } from "../../runtime/context.js";
import { q2str } from "../../sip/qvalue.js";
import { coreHash } from "../cfgutils/core-hash.js";
import { addReplyLump } from "../lumps.js";
import { slSendReply } from "../sl/send.js";
import { tmReplyIfTransaction } from "../tm/api.js";
import { type Ucontact, validContact } from "../usrloc/store.js";
import { REASONS, RERRNO, type Rerrno } from "./common.js";
import type { RegistrarSettings } from "./settings.js";
import { xavpRcd } from "./xavp-rcd.js";

/** The state reply.c keeps between calls. */
export interface ReplyState {
  /** reply.c's static `contact` buffer: the Contact header built last, "" when none pending. */
  contact: string;
  /** rerrno (rerrno.c): the outcome of the last save(), global in Kamailio. */
  rerrno: Rerrno;
  /** The message's path vector set by save() with use_path (msg->path_vec), "" when none. */
  pathVec: string;
}

/**
 * build_contact(): `Contact: <uri>;q=Q;expires=N;received="R";+sip.instance="I";reg-id=N, ...\r\n`
 * for every valid contact, or nothing when none is valid. GRUU parameters (only for a REGISTER
 * with `Supported: gruu`) are not printed by kamsim.
 */
export function buildContact(
  st: ReplyState,
  s: RegistrarSettings,
  contacts: readonly Ucontact[],
  now: number,
  ctx?: ScriptContext,
  host?: string,
): void {
  // GRUU parameters (RFC 5627) when enabled and the REGISTER says `Supported: gruu`.
  const supported = (ctx?.msg.headers("supported") ?? []).flatMap((h) =>
    h.split(",").map((t) => t.trim().toLowerCase()),
  );
  const gruu = s.gruuEnabled && host !== undefined && supported.includes("gruu") ? { host } : undefined;
  const parts: string[] = [];
  for (const c of contacts) {
    if (!validContact(c, now)) continue;
    if (ctx && s.xavpRcd !== "") xavpRcd(ctx, s.xavpRcd, s.xavpRcdMask, c, now);
    let p = `<${c.c}>`;
    const q = q2str(c.q);
    if (q !== "") p += `;q=${q}`;
    // int2str((int)(c->expires - act_time)): a permanent contact (expires 0) prints a negative number.
    p += `;expires=${(c.expires - now) | 0}`;
    if (s.receivedParam.length > 0 && c.received !== "") p += `;${s.receivedParam}="${c.received}"`;
    if (gruu && c.instance.length > 0) p += gruuParams(c, gruu.host);
    if (c.instance.length > 0) p += `;+sip.instance="${c.instance}"`;
    if (c.regId > 0) p += `;reg-id=${c.regId}`;
    parts.push(p);
  }
  st.contact = parts.length > 0 ? `Contact: ${parts.join(", ")}\r\n` : "";
}

/**
 * build_contact()'s pub-gruu (the AOR, with the To host when it has no domain, `;gr=` and the
 * instance without its `<>`) and temp-gruu (`sip:<ruid>-<AOR hash, hex digits lowest first>@<To
 * host>;gr`).
 */
function gruuParams(c: Ucontact, host: string): string {
  const at = c.aor.indexOf("@");
  const pub = at >= 0 ? c.aor : `${c.aor}@${host}`;
  let inst = c.instance;
  if (inst.startsWith("<") && inst.endsWith(">")) inst = inst.slice(1, -1);
  let hex = "";
  for (let h = coreHash(c.aor, undefined, 0); h !== 0; h >>>= 4) hex += (h & 15).toString(16);
  return `;pub-gruu="sip:${pub};gr=${inst}";temp-gruu="sip:${c.ruid}-${hex}@${host};gr"`;
}

/** reg_reply_helper(): the reply's headers as lumps, then (send) sl's reply; -1 on failure. */
export function regReply(ctx: ScriptContext, st: ReplyState, s: RegistrarSettings, send: boolean): number {
  const msg = ctx.msg;
  if (st.contact !== "") {
    addReplyLump(msg, st.contact);
    st.contact = "";
  }
  switch (st.rerrno) {
    case "R_FINE":
      if (s.usePath && st.pathVec !== "" && s.pathMode !== 0) {
        const hdrs = msg.headers("supported");
        const supported = hdrs.flatMap((h) => h.split(",")).some((t) => t.trim().toLowerCase() === "path");
        if ((hdrs.length === 0 && s.pathMode === 2) || (!supported && s.pathMode === 2)) {
          st.rerrno = "R_PATH_UNSUP";
          addReplyLump(msg, "Unsupported: path\r\n");
          addReplyLump(msg, `Path: ${st.pathVec}\r\n`);
        } else if (supported) addReplyLump(msg, `Path: ${st.pathVec}\r\n`);
      }
      break;
    case "R_OB_UNSUP":
      addReplyLump(msg, "Require: outbound\r\n");
      addReplyLump(msg, "Supported: outbound\r\n");
      break;
    case "R_OB_REQD":
      addReplyLump(msg, "Unsupported: outbound\r\n");
      break;
    case "R_LOW_EXP":
      addReplyLump(msg, `Min-Expires: ${s.minExpires}\r\n`);
      break;
    default:
      break;
  }
  const [code, text] = RERRNO[st.rerrno];
  if (code !== 200) {
    addReplyLump(msg, `P-Registrar-Error: ${text}\r\n`);
    if (code >= 500 && code < 600 && s.retryAfter) addReplyLump(msg, `Retry-After: ${s.retryAfter}\r\n`);
  }
  // slb.freply is sl's send_reply(): t_reply() when tm has a transaction for the request (sl.c),
  // else a stateless reply.
  if (send) {
    const reason = REASONS[code] ?? "OK";
    const sent = tmReplyIfTransaction(ctx, code, reason) ?? slSendReply(ctx, code, reason);
    if (sent < 0) return -1;
  }
  return 0;
}
