/**
 * lookup(), lookup_to_dset(), lookup_branches(), registered() and unregister() as
 * modules/registrar/lookup.c and save.c (5.6.3) do them:
 * - lookup(): the AOR of the R-URI (or the given URI); -1 when the AOR has no record or no valid
 *   contact, -2 when valid contacts exist but none allows the method (method_filtering), -3 when
 *   the AOR cannot be read. The first usable contact (the list's order: highest q first) becomes
 *   the R-URI, its received address `$du`, its q the R-URI's q, its cflags are or-ed into `$bf`,
 *   its socket forced; with append_branches (default) every further usable contact is appended
 *   as a branch (ksr_push_branch()), for tm to fork to in parallel.
 * - lookup_to_dset(): the same, but the R-URI stays and every usable contact is a branch.
 * GRUU lookups (`;gr` in the URI), Path and the xavp_rcd/xavp_cfg parameters are not simulated.
 */
import { L_ERR, L_WARN } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { appendBranch, branchCount, branchesOf, ruriAttrs, ruriQ, setBranch, setRuriQ } from "../../runtime/dset.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import { nowIn } from "../../runtime/services.js";
import { ulEvent } from "../usrloc/events.js";
import { unixAt } from "../usrloc/state.js";
import { type Ucontact, type Udomain, validContact } from "../usrloc/store.js";
import { extractAor, regLog } from "./common.js";
import { pathDstUri } from "./path.js";
import { allowedMethod } from "./save.js";
import type { RegContext } from "./save-job.js";
import { cfgStr } from "./xavp-cfg.js";
import { xavpRcd } from "./xavp-rcd.js";

function usable(rc: RegContext, c: Ucontact, now: number): boolean {
  return validContact(c, now) || rc.s.useExpiredContacts;
}

/** lookup_helper(): mode 0 rewrites the R-URI, mode 1 (lookup_to_dset) only adds branches. */
export function lookup(
  ctx: ScriptContext,
  rc: RegContext,
  d: Udomain,
  uriArg: string | undefined,
  mode: 0 | 1,
): number {
  const a = extractAor(uriArg ?? ctx.msg.ruri, rc.ul.useDomain, rc.s);
  if ("err" in a) {
    regLog(ctx, L_ERR, `common.c:${a.line}`, "extract_aor", a.message);
    regLog(ctx, L_ERR, "lookup.c:277", "lookup_helper", "failed to extract address of record");
    return -3;
  }
  const now = unixAt(ctx.sv, nowIn(ctx));
  const r = d.get(a.aor);
  if (r === undefined) return -1;
  let ret = -1;
  let i = 0;
  const list = r.contacts;
  for (; i < list.length; i++) {
    const c = list[i] as Ucontact;
    if (!usable(rc, c, now)) continue;
    if (allowedMethod(ctx, c.methods, rc.s.methodFiltering)) break;
    ret = -2;
  }
  if (i >= list.length) {
    d.release(r);
    return ret;
  }
  ret = 1;
  if (mode === 0) {
    const c = list[i] as Ucontact;
    ctx.msg.ruri = c.c;
    const x = extrasOf(ctx);
    const ra = ruriAttrs(ctx);
    // reset_dst_uri(), then the first Path hop, else the received address, as the next hop.
    let dst: string | undefined;
    if (c.path !== "") {
      dst = pathDstUri(c.path);
      if (dst === undefined) {
        regLog(ctx, L_ERR, "lookup.c:405", "lookup_helper", "failed to get dst_uri for Path");
        d.release(r);
        return -3;
      }
      ra.path = c.path;
    }
    x.dstUri = dst ?? (c.received !== "" ? c.received : null);
    ra.instance = c.instance !== "" ? c.instance : undefined;
    ra.regId = c.regId;
    ra.ruid = c.ruid !== "" ? c.ruid : undefined;
    ra.ua = c.userAgent !== "" ? c.userAgent : undefined;
    setRuriQ(ctx, c.q);
    if (rc.s.xavpRcd !== "") xavpRcd(ctx, rc.s.xavpRcd, rc.s.xavpRcdMask, c, now);
    x.bflags = (x.bflags | c.cflags) >>> 0;
    if (c.sock !== undefined) {
      ra.sock = c.sock;
      x.forceSocket = true;
    }
    i++;
  }
  if (rc.s.appendBranches) {
    for (; i < list.length; i++) {
      const c = list[i] as Ucontact;
      if (!usable(rc, c, now) || !allowedMethod(ctx, c.methods, rc.s.methodFiltering)) continue;
      let dst: string | undefined;
      if (c.path !== "") {
        dst = pathDstUri(c.path);
        if (dst === undefined) {
          regLog(ctx, L_ERR, "lookup.c:520", "lookup_helper", "failed to get dst_uri for Path");
          continue;
        }
      }
      // A full destination set: "failed to append a branch", and the next contacts are tried too.
      if (
        !appendBranch(ctx, {
          uri: c.c,
          ...(dst !== undefined ? { dstUri: dst, path: c.path } : c.received !== "" ? { dstUri: c.received } : {}),
          q: c.q,
          flags: c.cflags,
          ...(c.sock !== undefined ? { sock: c.sock } : {}),
          ...(c.instance !== "" ? { instance: c.instance, regId: c.regId } : {}),
          ruid: c.ruid,
          ua: c.userAgent,
        })
      )
        regLog(ctx, L_ERR, "lookup.c:562", "lookup_helper", "failed to append a branch");
    }
  }
  d.release(r);
  return ret;
}

/**
 * lookup_branches(): lookup() of the R-URI, then of every "clean" appended branch (no dst_uri,
 * path, socket or flags), whose URI is replaced by its first contact. 1 when any was found.
 */
export function lookupBranches(ctx: ScriptContext, rc: RegContext, d: Udomain): number {
  const start = branchCount(ctx);
  let ret = lookup(ctx, rc, d, undefined, 0);
  if (start === 0) return ret;
  let found = ret > 0;
  const x = extrasOf(ctx);
  // Keep the R-URI branch aside while each branch is looked up through the R-URI.
  const saved = { ruri: ctx.msg.ruri, du: x.dstUri, bf: x.bflags, attrs: { ...ruriAttrs(ctx) }, fs: x.forceSocket };
  const clearRuri = () => {
    x.dstUri = null;
    x.bflags = 0;
    x.ruri = { q: -1 };
    x.forceSocket = false;
  };
  clearRuri();
  const branches = branchesOf(ctx);
  for (let i = 0; i < start; i++) {
    const b = branches[i];
    if (b === undefined) continue;
    if (b.uri === "" || b.dstUri || b.path || b.sock || b.flags !== 0) continue;
    ctx.msg.ruri = b.uri;
    // A lookup from here appends the contacts after the first as new branches, as in Kamailio.
    ret = lookup(ctx, rc, d, undefined, 0);
    if (ret > 0) {
      found = true;
      const ra = ruriAttrs(ctx);
      setBranch(ctx, i, {
        uri: ctx.msg.ruri,
        ...(x.dstUri ? { dstUri: x.dstUri } : {}),
        q: ruriQ(ctx),
        flags: x.bflags,
        ...(ra.sock ? { sock: ra.sock } : {}),
        ...(ra.instance ? { instance: ra.instance } : {}),
        ...(ra.ruid ? { ruid: ra.ruid } : {}),
        ...(ra.ua ? { ua: ra.ua } : {}),
      });
    }
    clearRuri();
  }
  ctx.msg.ruri = saved.ruri;
  x.dstUri = saved.du;
  x.bflags = saved.bf;
  x.ruri = saved.attrs;
  x.forceSocket = saved.fs;
  return found ? 1 : ret;
}

/** registered(): 1 when the AOR (given URI, To of a reply, else the R-URI) has a valid contact. */
export function registered(
  ctx: ScriptContext,
  rc: RegContext,
  d: Udomain,
  uriArg: string | undefined,
  matchFlags = 0,
  actionFlags = 0,
): number {
  const uri = uriArg ?? (ctx.msg.reply !== undefined ? ctx.msg.to?.uri : ctx.msg.ruri);
  if (uri === undefined) {
    regLog(ctx, L_ERR, "lookup.c:818", "registered4", "failed to prepare the message");
    return -1;
  }
  const a = extractAor(uri, rc.ul.useDomain, rc.s);
  if ("err" in a) {
    regLog(ctx, L_ERR, `common.c:${a.line}`, "extract_aor", a.message);
    regLog(ctx, L_ERR, "lookup.c:829", "registered4", "failed to extract address of record");
    return -1;
  }
  const r = d.get(a.aor);
  if (r === undefined) return -1;
  const now = unixAt(ctx.sv, nowIn(ctx));
  // Match flags 1, 2, 4: the contact's Call-ID, received or address must equal xavp_cfg's
  // match_callid, match_received or match_contact (when set and not empty).
  const want = (bit: number, name: string) => {
    const v = matchFlags & bit ? cfgStr(ctx, rc.s.xavpCfg, name) : undefined;
    return v === "" ? undefined : v;
  };
  const callid = want(1, "match_callid");
  const received = want(2, "match_received");
  const contact = want(4, "match_contact");
  for (const c of r.contacts) {
    if (!usable(rc, c, now)) continue;
    if (callid !== undefined && c.callid !== callid) continue;
    if (received !== undefined && c.received !== received) continue;
    if (contact !== undefined && c.c !== contact) continue;
    // Action flag 2 skips xavp_rcd (flag 1 clones the contact's xavp_contact, not kept here).
    if (!(actionFlags & 2) && rc.s.xavpRcd !== "") xavpRcd(ctx, rc.s.xavpRcd, rc.s.xavpRcdMask, c, now);
    return 1;
  }
  return -1;
}

/** unregister(domain, uri[, ruid]): 1 done, -1 bad AOR, -2 failed, -3 no such contact. */
export function unregister(ctx: ScriptContext, rc: RegContext, d: Udomain, uri: string, ruid?: string): number {
  const now = unixAt(ctx.sv, nowIn(ctx));
  if (ruid === undefined) {
    const a = extractAor(uri, rc.ul.useDomain, rc.s);
    if ("err" in a) {
      regLog(ctx, L_ERR, `common.c:${a.line}`, "extract_aor", a.message);
      regLog(ctx, L_ERR, "save.c:1072", "unregister", "failed to extract Address Of Record");
      return -1;
    }
    const r = d.get(a.aor);
    if (r) {
      for (const c of [...r.contacts]) {
        d.deleteContact(r, c);
        ulEvent(ctx, "delete", c, now);
      }
      d.remove(r);
    }
    return 1;
  }
  if (uri.length > 0) {
    const a = extractAor(uri, rc.ul.useDomain, rc.s);
    if ("err" in a) {
      regLog(ctx, L_ERR, `common.c:${a.line}`, "extract_aor", a.message);
      regLog(ctx, L_ERR, "save.c:1093", "unregister", "failed to extract Address Of Record");
      return -1;
    }
    const r = d.get(a.aor);
    const c = r?.contacts.find((x) => x.ruid === ruid);
    if (r === undefined || c === undefined) {
      regLog(ctx, L_WARN, "save.c:1099", "unregister", "AOR/Contact not found");
      return -3;
    }
    d.deleteContact(r, c);
    ulEvent(ctx, "delete", c, now);
    d.release(r);
    return 1;
  }
  // delete_urecord_by_ruid() works in db_mode 3 only (urecord.c).
  ctx.sv.log.module(
    ctx.proc,
    L_ERR,
    "usrloc",
    "urecord.c:660",
    "delete_urecord_by_ruid",
    "delete_urecord_by_ruid currently available only in db_mode=3",
    { t: nowIn(ctx), route: ctx.route, req: ctx.req, prefix: ctx.logPrefix },
  );
  regLog(ctx, L_ERR, "save.c:1114", "unregister", "could not delete contact");
  return -2;
}
