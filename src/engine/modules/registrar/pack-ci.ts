/**
 * pack_ci() of modules/registrar/save.c (5.6.3): the fields usrloc stores for one contact (q,
 * methods, received, Path, User-Agent, reg-id, ruid), with the first pack_ci() that
 * update_contacts() makes for the message's first contact.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { Q_UNSPECIFIED, str2q } from "../../sip/qvalue.js";
import type { ContactInfo } from "../usrloc/store.js";
import { parseMethods, regLog } from "./common.js";
import type { ContactEntry } from "./contact.js";
import { buildPathVector } from "./path.js";
import { type Job, SaveError } from "./save-job.js";
import { cfgInt } from "./xavp-cfg.js";

const CALLID_MAX_SIZE = 255;
const MAX_UA_SIZE = 255;

/** pack_ci(): the contact's stored fields. Throws SaveError (rerrno set) on a bad q or methods. */
export function packCi(j: Job, c: ContactEntry, expires: number, flags: number): ContactInfo {
  const { ctx, rc, m } = j;
  const st = rc.reply;
  if (m.callid.length > CALLID_MAX_SIZE) {
    st.rerrno = "R_CALLID_LEN";
    regLog(ctx, L_ERR, "save.c:245", "pack_ci", "callid too long");
    throw new SaveError();
  }
  if (Number.isNaN(m.cseq)) {
    st.rerrno = "R_INV_CSEQ";
    regLog(ctx, L_ERR, "save.c:253", "pack_ci", "failed to convert cseq number");
    throw new SaveError();
  }
  if (rc.s.usePath && j.path === undefined) {
    const pv = buildPathVector(ctx.msg.headers("path"));
    if ("err" in pv) {
      regLog(ctx, L_ERR, `path.c:${pv.line}`, "build_path_vector", pv.err);
      st.rerrno = "R_PARSE_PATH";
      throw new SaveError();
    }
    j.path = pv.path;
    // set_path_vector(): kept with the message for the reply's Path header.
    if (pv.path !== "" && rc.s.pathMode !== 0) st.pathVec = pv.path;
  }
  let q: number;
  const qCfg = cfgInt(ctx, rc.s.xavpCfg, "q");
  if (qCfg !== undefined) {
    if (qCfg < 0 || qCfg > 1000) {
      st.rerrno = "R_INV_Q";
      regLog(ctx, L_ERR, "sip_msg.c:325", "calc_contact_q", "invalid q parameter");
      regLog(ctx, L_ERR, "save.c:356", "pack_ci", "failed to calculate q");
      throw new SaveError();
    }
    q = qCfg;
  } else if (c.q === undefined || c.q === "") q = rc.s.defaultQ;
  else {
    const v = str2q(c.q);
    if (v === undefined) {
      st.rerrno = "R_INV_Q";
      regLog(ctx, L_ERR, "sip_msg.c:335", "calc_contact_q", "invalid q parameter");
      regLog(ctx, L_ERR, "save.c:356", "pack_ci", "failed to calculate q");
      throw new SaveError();
    }
    q = v;
  }
  let methods = m.allow;
  if (c.methods !== undefined) {
    const b = parseMethods(c.methods);
    if (b === undefined) {
      st.rerrno = "R_PARSE";
      regLog(ctx, L_ERR, "save.c:367", "pack_ci", "failed to parse contact methods");
      throw new SaveError();
    }
    methods = b;
  }
  // pack_ci()'s info is static and only cleared for the first contact of a message: a received
  // taken from one contact's parameter stays for the next ones that have none.
  let received = j.received;
  if (received === "") {
    if (c.received !== undefined) received = c.received;
    else if (rc.receivedAvp) {
      const v = rc.receivedAvp(ctx);
      if (v !== undefined && v !== null && String(v) !== "") received = String(v);
    }
  }
  j.received = received;
  const ua = ctx.msg.header("user-agent");
  // reg-id counts only with a +sip.instance (use_regid: outbound_mode 0 keeps it on).
  let regId = 0;
  if (c.instance !== undefined && c.instance !== "" && c.regId !== undefined && c.regId !== "") {
    regId = /^[0-9]+$/.test(c.regId) && Number(c.regId) <= 0xffffffff ? Number(c.regId) : 0;
    if (regId === 0) {
      st.rerrno = "R_INV_REGID";
      regLog(ctx, L_ERR, "save.c:413", "pack_ci", "invalid reg-id value");
      throw new SaveError();
    }
  }
  return {
    received,
    path: j.path ?? "",
    callid: m.callid,
    cseq: m.cseq,
    userAgent: ua !== undefined && ua.length > 0 && ua.length < MAX_UA_SIZE ? ua : "n/a",
    q,
    expires,
    flags,
    cflags: ctx.pvx?.bflags ?? 0,
    methods,
    ruid: nextRuid(ctx),
    instance: c.instance ?? "",
    regId,
    lastModified: j.now,
    sock: rc.sock,
    tcpconnId: -1,
    c: c.uri,
  };
}

/** packCi() whose failure the caller reports with its own line, as save.c's callers do. */
export function packOrSay(j: Job, c: ContactEntry, expires: number, at: string, fn: string, text: string): ContactInfo {
  try {
    return packCi(j, c, expires, j.memOnly);
  } catch (e) {
    if (e instanceof SaveError) regLog(j.ctx, L_ERR, at, fn, text);
    throw e;
  }
}

/**
 * sruid_next() for registrar's "uloc" ids (core/utils/sruid.c, SRUID_INC): `uloc-<start time
 * hex>-<pid hex>-<counter, hex digits lowest first>`, one counter per process.
 */
function nextRuid(ctx: ScriptContext): string {
  const n = ((ctx.proc.local.get("registrar.sruid") as number | undefined) ?? 0) + 1;
  ctx.proc.local.set("registrar.sruid", n);
  // Joined once: a contact keeps its ruid, one flat string rather than a tree of its pieces.
  const out = ["uloc-", ctx.sv.epoch.toString(16), "-", ctx.proc.pid.toString(16), "-"];
  for (let v = n; v !== 0; v >>>= 4) out.push((v & 15).toString(16));
  return out.join("");
}

/**
 * The first pack_ci(msg, 0, ...) of update_contacts(): it takes the message's first contact
 * itself (`_c = _m->contact->parsed->contacts`), so a bad q there fails here ("failed to initial
 * pack contact info"), its received is kept for the next contacts and a ruid is used up.
 */
export function packBase(j: Job): ContactInfo {
  const first = j.m.contacts[0];
  if (first !== undefined) {
    try {
      packCi(j, first, 0, j.memOnly);
    } catch (e) {
      if (e instanceof SaveError)
        regLog(j.ctx, L_ERR, "save.c:678", "update_contacts", "failed to initial pack contact info");
      throw e;
    }
  }
  return {
    received: "",
    path: "",
    callid: j.m.callid,
    cseq: j.m.cseq,
    userAgent: "",
    q: Q_UNSPECIFIED,
    expires: 0,
    flags: j.memOnly,
    cflags: 0,
    methods: j.m.allow,
    ruid: "",
    instance: "",
    regId: 0,
    lastModified: j.now,
    sock: j.rc.sock,
    tcpconnId: -1,
  };
}
