/**
 * `$ulc(profile=>attr)[i]` with reg_fetch_contacts()/reg_free_contacts() (regpv.c): a profile is
 * a copy of an AOR's contacts, private to the process (pkg memory in Kamailio). The expired
 * contact callback fills the profile `exp` before event_route[usrloc:contact-expired] runs.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ProcessState, ScriptContext } from "../../runtime/context.js";
import type { PvAccess, PvImpl } from "../../runtime/env.js";
import { compileIndex, IDX_INT } from "../../runtime/pv/index-spec.js";
import type { Value } from "../../runtime/values.js";
import type { Ucontact, Udomain } from "../usrloc/store.js";
import { ULC_ATTRS } from "./check.js";
import { extractAor, regLog } from "./common.js";
import type { RegContext } from "./save-job.js";

interface Profile {
  aor: string;
  domain: string;
  aorhash: number;
  contacts: Ucontact[];
  set: boolean;
}

function profiles(proc: ProcessState): Map<string, Profile> {
  let m = proc.local.get("registrar.ulc") as Map<string, Profile> | undefined;
  if (m === undefined) {
    m = new Map();
    proc.local.set("registrar.ulc", m);
  }
  return m;
}

function profile(proc: ProcessState, name: string): Profile {
  const m = profiles(proc);
  let p = m.get(name);
  if (p === undefined) {
    p = { aor: "", domain: "", aorhash: 0, contacts: [], set: false };
    m.set(name, p);
  }
  return p;
}

function free(p: Profile): void {
  p.aor = "";
  p.domain = "";
  p.aorhash = 0;
  p.contacts = [];
  p.set = false;
}

/** reg_fetch_contacts(domain, uri, profile): 1, or -1 (bad AOR, or no record). */
export function fetchContacts(ctx: ScriptContext, rc: RegContext, d: Udomain, uri: string, name: string): number {
  const p = profile(ctx.proc, name);
  if (p.set) free(p);
  const a = extractAor(uri, rc.ul.useDomain, rc.s);
  if ("err" in a) {
    regLog(ctx, L_ERR, `common.c:${a.line}`, "extract_aor", a.message);
    regLog(ctx, L_ERR, "regpv.c:460", "pv_fetch_contacts_helper", "failed to extract Address Of Record");
    return -1;
  }
  p.aor = a.aor;
  p.domain = d.name;
  p.set = true;
  const r = d.get(a.aor);
  if (r === undefined) return -1;
  // regpv.c never sets the profile's aorhash: `$ulc(p=>aorhash)` reads 0 (checked on 5.6.3).
  p.contacts = r.contacts.map((c) => ({ ...c }));
  d.release(r);
  return 1;
}

/** reg_free_contacts(profile). */
export function freeContacts(ctx: ScriptContext, name: string): number {
  free(profile(ctx.proc, name));
  return 1;
}

/** reg_ul_expired_contact(): the `exp` profile holds the expired contact alone. */
export function setExpiredProfile(proc: ProcessState, c: Ucontact): void {
  const p = profile(proc, "exp");
  p.aor = c.aor;
  p.domain = c.domain;
  p.aorhash = 0;
  p.contacts = [{ ...c }];
  p.set = true;
}

function attr(p: Profile, c: Ucontact, name: string): Value {
  switch (name) {
    case "aor":
      return p.aor;
    case "domain":
      return p.domain;
    case "aorhash":
      return p.aorhash;
    case "addr":
      return c.c;
    case "path":
      return c.path;
    case "received":
      return c.received;
    case "expires":
      return c.expires;
    case "callid":
      return c.callid;
    case "q":
      return c.q;
    case "cseq":
      return c.cseq;
    case "flags":
      return c.flags;
    case "cflags":
      return c.cflags;
    case "user_agent":
      return c.userAgent;
    case "socket":
      return c.sock ?? null;
    case "modified":
      return c.lastModified;
    case "methods":
      return c.methods;
    case "count":
      return p.contacts.length;
    case "ruid":
      return c.ruid;
    case "regid":
      return c.regId;
    case "instance":
      return c.instance.length > 0 ? c.instance : null;
    case "server_id":
      return 0;
    default:
      // conid: only for TCP-like sockets, never here.
      return null;
  }
}

/** `$ulc(profile=>attr)`: read only (its setter does nothing). */
export const ulcPv: PvImpl = {
  compile(spec, env): PvAccess {
    const inner = spec.inner ?? "";
    const arrow = inner.indexOf("=>");
    const name = arrow < 0 ? "" : inner.slice(0, arrow);
    const which = arrow < 0 ? "" : inner.slice(arrow + 2);
    const index = compileIndex(spec.index, env);
    if (!ULC_ATTRS.has(which)) return { get: () => null, set: () => true };
    return {
      get(ctx) {
        const p = profiles(ctx.proc).get(name);
        if (p === undefined || !p.set || p.contacts.length === 0) return null;
        const iv = index(ctx);
        if (iv === undefined) return undefined;
        const i = iv.kind === IDX_INT && iv.n > 0 ? iv.n : 0;
        const c = p.contacts[i];
        if (c === undefined) return null;
        return attr(p, c, which);
      },
      set: () => true,
    };
  },
};
