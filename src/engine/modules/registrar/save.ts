/**
 * save() as modules/registrar/save.c (5.6.3) does it, on usrloc's in-memory table:
 * parse_message() and check_contacts() (sip_msg.c), the AOR from the To URI (or the third
 * argument), then
 * - no Contact: the record's contacts are only listed in the reply (ret 4), or, for `*`
 *   (Expires 0 required), the whole record is removed (ret 3);
 * - a new record: insert_contacts() adds every contact whose expires is not 0, refusing more
 *   than max_contacts (503), ret 1;
 * - an existing record: update_contacts() inserts (ret 1), updates (ret 2) or removes (ret 3,
 *   expires 0) each contact, the last one processed deciding the code; a lower CSeq of the same
 *   Call-ID is a 400 "Invalid CSeq number", the same CSeq within cseq_delay is skipped.
 * Expires per contact: its `expires` parameter, else the Expires header, else default_expires;
 * below min_expires raised to it (or 423 with min_expires_mode), above max_expires lowered.
 * The reply (unless flag 0x02) is a 200 with the Contact list, or the error's code, sent through
 * sl. Returns 1..4, -1 on an error, -2 for "too many contacts".
 */
import { L_ERR, L_INFO, L_WARN } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { nowIn } from "../../runtime/services.js";
import { parseUri } from "../../sip/uri.js";
import { ulEvent } from "../usrloc/events.js";
import { unixAt } from "../usrloc/state.js";
import { type ContactInfo, type Udomain, type Urecord, validContact } from "../usrloc/store.js";
import { extractAor, methodBit, regLog } from "./common.js";
import { packBase, packOrSay } from "./pack-ci.js";
import { buildContact, type ReplyState, regReply } from "./reply.js";
import { type Job, type RegContext, SaveError } from "./save-job.js";
import type { RegistrarSettings } from "./settings.js";
import { checkContacts, contactExpires, parseMessage } from "./sip-msg.js";
import { cfgInt } from "./xavp-cfg.js";

export const REG_SAVE_MEM_FL = 1;
export const REG_SAVE_NORPL_FL = 2;
export const REG_SAVE_REPL_FL = 4;
export const REG_SAVE_NOVARIATION_FL = 8;
export const REG_SAVE_PREPRPL_FL = 16;

/** save(domain, flags, uri). */
export function save(ctx: ScriptContext, rc: RegContext, d: Udomain, flags: number, uriArg?: string): number {
  const st = rc.reply;
  const fail = (): number => {
    // The error path: a reply only in a request route (is_route_type(REQUEST_ROUTE)).
    if (ctx.msg.reply === undefined && !(flags & REG_SAVE_NORPL_FL)) regReply(ctx, st, rc.s, true);
    return st.rerrno === "R_TOO_MANY" ? -2 : -1;
  };
  // parse_to_uri() comes before rerrno is reset: a failure here replies with the last rerrno.
  const toUri = ctx.msg.to?.uri;
  const toHost = toUri === undefined ? undefined : parseUri(toUri)?.host;
  if (toUri === undefined || toHost === undefined) return fail();
  st.rerrno = "R_FINE";
  let ret = 1;
  try {
    const m = parseMessage(ctx, st);
    if (m === undefined) return fail();
    if (!checkContacts(ctx, st, rc.s, m)) return fail();
    if (!checkOutbound(ctx, st, rc.s)) return fail();
    const now = unixAt(ctx.sv, nowIn(ctx));
    const a = extractAor(uriArg ?? toUri, rc.ul.useDomain, rc.s);
    if ("err" in a) {
      st.rerrno = a.err;
      regLog(ctx, L_ERR, `common.c:${a.line}`, "extract_aor", a.message);
      regLog(ctx, L_ERR, "save.c:1003", "save", "failed to extract Address Of Record");
      return fail();
    }
    const aor = a.aor;
    const memOnly = flags & REG_SAVE_MEM_FL ? 1 : 0;
    const novariation = (flags & REG_SAVE_NOVARIATION_FL) !== 0;
    const job: Job = { ctx, rc, d, aor, now, m, memOnly, novariation, received: "", toHost };
    if (m.contacts.length === 0) {
      const r = d.get(aor);
      if (m.star) {
        if (r) {
          for (const c of [...r.contacts]) {
            d.deleteContact(r, c);
            ulEvent(ctx, "delete", c, now);
          }
          d.remove(r);
        }
        ret = 3;
      } else {
        buildContact(st, rc.s, r?.contacts ?? [], now, ctx, toHost);
        ret = 4;
      }
    } else {
      const mode = (flags & REG_SAVE_REPL_FL) !== 0;
      const r = d.get(aor);
      if (r) {
        const res = updateContacts(job, r, mode);
        buildContact(st, rc.s, r.contacts, now, ctx, toHost);
        d.release(r);
        if (res < 0) return fail();
        ret = res === 0 ? 1 : res;
      } else {
        if (insertContacts(job) < 0) return fail();
        ret = 1;
      }
    }
  } catch (e) {
    if (e instanceof SaveError) return fail();
    throw e;
  }
  if (!(flags & REG_SAVE_NORPL_FL)) {
    // "Only send reply upon request, not upon reply".
    if (ctx.msg.reply === undefined && regReply(ctx, st, rc.s, true) < 0) return -1;
  } else if (flags & REG_SAVE_PREPRPL_FL) {
    if (regReply(ctx, st, rc.s, false) < 0) return -1;
  }
  // reset_path_vector().
  st.pathVec = "";
  return ret;
}

/** The outbound checks of save(): Require: outbound with outbound_mode 0 is refused (420). */
function checkOutbound(ctx: ScriptContext, st: ReplyState, s: RegistrarSettings): boolean {
  const tags = (name: string) =>
    ctx.msg
      .headers(name)
      .flatMap((h) => h.split(","))
      .map((t) => t.trim().toLowerCase());
  const supported = tags("supported");
  if (ctx.msg.headers("supported").length > 0 && !supported.includes("outbound") && s.outboundMode === 2) {
    st.rerrno = "R_OB_UNSUP";
    regLog(ctx, L_WARN, "save.c:930", "save", "Outbound required by server and not supported by UAC");
    return false;
  }
  if (tags("require").includes("outbound") && s.outboundMode === 0) {
    st.rerrno = "R_OB_REQD";
    regLog(ctx, L_WARN, "save.c:939", "save", "Outbound required by UAC and not supported by server");
    return false;
  }
  return true;
}

/** insert_contacts(): a new record. */
function insertContacts(j: Job): number {
  const { ctx, rc, d, aor, now } = j;
  const maxc = maxContacts(ctx, rc);
  let r: Urecord | undefined;
  let num = 0;
  try {
    for (const c of j.m.contacts) {
      const expires = contactExpires(j, c);
      if (expires === undefined) throw new SaveError();
      if (expires === 0) continue;
      if (maxc > 0 && num >= maxc) {
        regLog(
          ctx,
          L_INFO,
          "save.c:511",
          "insert_contacts",
          `too many contacts (n:${num} max:${maxc}) for AOR <${aor}>`,
        );
        rc.reply.rerrno = "R_TOO_MANY";
        throw new SaveError();
      }
      num++;
      r ??= d.insert(aor);
      const ci = packOrSay(j, c, expires, "save.c:528", "insert_contacts", "failed to extract contact info");
      // "hack to work with buggy clients having many contacts with same address in one
      // REGISTER": CSeq + 1 to find one added just now, then update it.
      const found = r.contacts.length === 0 ? { ret: 1 as const } : d.find(r, c.uri, { ...ci, cseq: ci.cseq + 1 }, now);
      if (found.ret !== 0 || found.uc === undefined) {
        const uc = d.insertContact(r, c.uri, ci, now);
        ulEvent(ctx, "insert", uc, now);
      } else {
        d.updateContact(r, found.uc, ci, now);
        ulEvent(ctx, "update", found.uc, now);
      }
    }
  } catch (e) {
    if (!(e instanceof SaveError)) throw e;
    if (r) {
      for (const uc of r.contacts) ulEvent(ctx, "delete", uc, now);
      r.contacts.length = 0;
      d.remove(r);
    }
    return -1;
  }
  buildContact(rc.reply, rc.s, r?.contacts ?? [], now, ctx, j.toHost);
  if (r) d.release(r);
  return 0;
}

/** test_max_contacts(). */
function testMaxContacts(j: Job, r: Urecord, mc: number, base: ContactInfo): boolean {
  const { ctx, rc, d, now } = j;
  let num = r.contacts.filter((c) => validContact(c, now)).length;
  for (const c of j.m.contacts) {
    const e = contactExpires({ ...j, novariation: true }, c) ?? 0;
    const f = d.find(r, c.uri, { ...base, instance: c.instance ?? "" }, now);
    if (f.ret === -1) {
      regLog(ctx, L_ERR, "save.c:620", "test_max_contacts", `invalid cseq for aor <${r.aor}>`);
      rc.reply.rerrno = "R_INV_CSEQ";
      return false;
    }
    if (f.ret === -2) continue;
    if (f.ret > 0) {
      if (e !== 0) num++;
    } else if (e === 0) num--;
  }
  if (num > mc) {
    regLog(ctx, L_INFO, "save.c:635", "test_max_contacts", `too many contacts for AOR <${r.aor}> (n:${num} max:${mc})`);
    rc.reply.rerrno = "R_TOO_MANY";
    return false;
  }
  return true;
}

/** update_contacts(): an existing record; 0..3, or -1. */
function updateContacts(j: Job, r: Urecord, mode: boolean): number {
  const { ctx, rc, d, now } = j;
  let ret = 0;
  try {
    const base = packBase(j);
    const maxc = mode ? 0 : maxContacts(ctx, rc);
    if (maxc > 0 && !testMaxContacts(j, r, maxc, base)) return -1;
    for (const c of j.m.contacts) {
      const expires = contactExpires(j, c);
      if (expires === undefined) return -1;
      const ci = packOrSay(j, c, expires, "save.c:714", "update_contacts", "failed to pack contact specific info");
      const f = d.find(r, c.uri, ci, now);
      if (f.ret === -1) {
        regLog(ctx, L_ERR, "save.c:721", "update_contacts", `invalid cseq for aor <${r.aor}>`);
        rc.reply.rerrno = "R_INV_CSEQ";
        return -1;
      }
      if (f.ret === -2) {
        if (expires !== 0 && mode) break;
        continue;
      }
      let updated = false;
      if (f.ret > 0 || f.uc === undefined) {
        if (expires === 0) continue;
        const uc = d.insertContact(r, c.uri, ci, now);
        ulEvent(ctx, "insert", uc, now);
        ret = 1;
        if (mode) {
          for (const other of [...r.contacts]) if (other !== uc) deleteOne(j, r, other);
          updated = true;
        }
      } else {
        const uc = f.uc;
        if (expires === 0) {
          deleteOne(j, r, uc);
          ret = 3;
        } else {
          if (mode) {
            for (const other of [...r.contacts]) if (other !== uc) deleteOne(j, r, other);
            updated = true;
          }
          // A new Call-ID for a sip.instance: the instance's other contacts go.
          if (ci.instance !== "" && ci.callid !== uc.callid) {
            const strip = (s: string) => s;
            for (const other of [...r.contacts])
              if (other !== uc && strip(other.instance) === strip(uc.instance)) deleteOne(j, r, other);
            updated = true;
          }
          d.updateContact(r, uc, ci, now);
          ulEvent(ctx, "update", uc, now);
          ret = 2;
        }
      }
      if (updated) break;
    }
  } catch (e) {
    if (e instanceof SaveError) return -1;
    throw e;
  }
  return ret;
}

function deleteOne(j: Job, r: Urecord, uc: Parameters<Udomain["deleteContact"]>[1]): void {
  j.d.deleteContact(r, uc);
  ulEvent(j.ctx, "delete", uc, j.now);
}

/** reg_get_crt_max_contacts(): `$xavp(cfg=>max_contacts)` when set, else the parameter. */
function maxContacts(ctx: ScriptContext, rc: RegContext): number {
  return cfgInt(ctx, rc.s.xavpCfg, "max_contacts") ?? rc.s.maxContacts;
}

/** Whether a request's method passes method_filtering for a contact (lookup.c allowed_method). */
export function allowedMethod(ctx: ScriptContext, methods: number, filtering: boolean): boolean {
  if (!filtering) return true;
  if ((methodBit(ctx.msg.method) & methods) !== 0) return true;
  return ctx.msg.to?.tag !== undefined && ctx.msg.to.tag !== "";
}
