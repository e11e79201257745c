/**
 * Serial forking by q value (modules/tm/t_serial.c, 5.6.3): t_load_contacts() moves the
 * destination set (the R-URI when not yet consumed, then the appended branches) into the XAVP
 * named by `contacts_avp`, ordered by increasing q with `q_flag` marking where a higher q group
 * starts; t_next_contacts() takes the last (highest q) entry into the R-URI and appends the
 * following ones of the same q group as branches (those of an instance already taken go to
 * `contact_flows_avp`). Each record holds `uri`, `dst_uri`, `path`, `flags`, `q_flag`,
 * `instance`, `ruid`, `ua` as t_serial.c add_contacts_avp() stores them. t_load_contacts(1)
 * (T_LOAD_PROPORTIONAL) instead draws the contacts with q > 0 one by one with kam_rand(), each
 * with a chance proportional to its q, and puts the q <= 0 ones after them, every one with
 * `q_flag` so that t_next_contacts() rings them one at a time.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { appendBranch, branchesOf, clearBranches, ruriAttrs, ruriQ } from "../../runtime/dset.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import { listsOf } from "../../runtime/pv/xavp.js";
import { exactName, type XavpItem, xadd, xall, xremove } from "../../runtime/pv/xavp-store.js";
import { whereIn } from "../../runtime/services.js";
import type { Value } from "../../runtime/values.js";

/** usr_avp flag for sequential forking (t_serial.c Q_FLAG). */
const Q_FLAG = 1 << 2;

export interface SerialNames {
  contactsAvp: string | undefined;
  contactFlowsAvp: string | undefined;
}

interface Contact {
  uri: string;
  dstUri: string;
  path: string;
  flags: number;
  q: number;
  qFlag: number;
  instance: string;
  ruid: string;
  ua: string;
  /** t_serial.c q_index: q (standard), or the running total of the q > 0 so far (proportional). */
  qIndex: number;
}

/** t_serial.c T_LOAD_STANDARD / T_LOAD_PROPORTIONAL. */
export type LoadMode = 0 | 1;

/**
 * kam_rand() (core/rand/kam_rand.h: random(), 0..KAM_RAND_MAX = 2^31 - 1), drawn from the
 * simulation's seeded generator as `$RANDOM` is: same range, other values than libc's.
 */
function kamRand(ctx: ScriptContext): number {
  return Math.floor(ctx.sv.rng.next() * 2147483648);
}

/**
 * dset.c ruri_is_new: set when the message comes in and whenever the R-URI is rewritten,
 * cleared by clear_branches() (t_relay's fork, runtime/dset.ts) and at the start of a failure
 * route (t_reply.c faked_env()). kamsim remembers the R-URI that was consumed: the R-URI is new
 * again once it differs (a rewrite to the same value is not seen).
 */
export function ruriIsNew(ctx: ScriptContext): boolean {
  const c = ctx.pvx?.ruriConsumed;
  return c === undefined || c !== ctx.msg.ruri;
}

function disabled(ctx: ScriptContext, fn: string, line: number, param: string): number {
  // The C message has no trailing newline (t_serial.c); the log keeps the text as printed.
  ctx.sv.log.module(
    ctx.proc,
    L_ERR,
    "tm",
    `t_serial.c:${line}`,
    fn,
    `feature has been disabled - to enable define ${param} module parameter`,
    whereIn(ctx),
  );
  return -1;
}

function record(c: Contact, withQFlag: boolean): XavpItem[] {
  // xavp_add_value() puts each new field first: build in t_serial.c's order, then reverse.
  const r: XavpItem[] = [];
  const add = (name: string, value: Value) => xadd(r, name, value);
  add("uri", c.uri);
  if (c.dstUri) add("dst_uri", c.dstUri);
  if (c.path) add("path", c.path);
  add("flags", c.flags);
  if (withQFlag) add("q_flag", c.qFlag);
  if (c.instance) add("instance", c.instance);
  if (c.ruid) add("ruid", c.ruid);
  if (c.ua) add("ua", c.ua);
  return r;
}

function field(rec: XavpItem[], name: string): Value | undefined {
  const v = rec.find((i) => i.name === name)?.value;
  return Array.isArray(v) ? undefined : v;
}

function str(rec: XavpItem[], name: string): string {
  const v = field(rec, name);
  return v === undefined || v === null ? "" : String(v);
}

function num(rec: XavpItem[], name: string): number {
  const v = field(rec, name);
  return typeof v === "number" ? v : 0;
}

/** ki_t_load_contacts_mode(): mode 0 (T_LOAD_STANDARD) or 1 (T_LOAD_PROPORTIONAL). */
export function loadContacts(ctx: ScriptContext, names: SerialNames, mode: LoadMode = 0): number {
  const name = names.contactsAvp;
  if (!name) return disabled(ctx, "ki_t_load_contacts_mode", 334, "contacts_avp");
  const branches = branchesOf(ctx);
  const isNew = ruriIsNew(ctx);
  if (branches.length === 0 || (branches.length === 1 && !isNew)) return 1;
  const x = extrasOf(ctx);
  const all: Contact[] = [];
  if (isNew) {
    const a = ctx.pvx?.ruri ?? {};
    all.push({
      uri: ctx.msg.ruri,
      dstUri: x.dstUri ?? "",
      path: a.path ?? "",
      flags: x.bflags,
      q: ruriQ(ctx),
      qFlag: 0,
      instance: a.instance ?? "",
      ruid: a.ruid ?? "",
      ua: a.ua ?? "",
      qIndex: 0,
    });
  }
  for (const b of branches) {
    all.push({
      uri: b.uri,
      dstUri: b.dstUri ?? "",
      path: b.path ?? "",
      flags: b.flags,
      q: b.q,
      qFlag: 0,
      instance: b.instance ?? "",
      ruid: b.ruid ?? "",
      ua: b.ua ?? "",
      qIndex: 0,
    });
  }
  // q_index in the order the contacts are read: q, or (proportional) the total of the q > 0
  // read so far, counting them in n_elements and q_total.
  const proportional = mode === 1;
  let qTotal = 0;
  let n = 0;
  for (const c of all) {
    c.qIndex = c.q;
    if (proportional) {
      if (c.q > 0) {
        qTotal += c.q;
        n++;
      }
      c.qIndex = qTotal;
    }
  }
  // Insertion in increasing q (proportional: q_index) order; an equal one goes after the others
  // unless it has a path (t_serial.c's `(curr->q == next->q) && (next->path.len == 0)`).
  const key = (c: Contact) => (proportional ? c.qIndex : c.q);
  const sorted: Contact[] = [all[0] as Contact];
  for (const next of all.slice(1)) {
    let i = 0;
    while (i < sorted.length) {
      const cur = sorted[i] as Contact;
      if (key(cur) < key(next) || (key(cur) === key(next) && next.path === "")) i++;
      else break;
    }
    sorted.splice(i, 0, next);
  }
  if (proportional) {
    loadProportional(ctx, name, sorted, n, qTotal);
    clearBranches(ctx);
    return 1;
  }
  // t_load_contacts_standard(): q_flag on an entry whose q is above the previous one's.
  for (let i = 1; i < sorted.length; i++) {
    const c = sorted[i] as Contact;
    c.qFlag = (sorted[i - 1] as Contact).q < c.q ? Q_FLAG : 0;
  }
  // Each xavp_add_value() goes first: the highest q ends up first in the list.
  const list = listsOf(ctx).xavp;
  for (const c of sorted) xadd(list, name, record(c, true));
  clearBranches(ctx);
  return 1;
}

/**
 * t_load_contacts_proportional(): n draws; each takes the first contact with q > 0 whose q_index
 * is above `kam_rand() % q_total`, then lowers the q_index of that one and of those after it by
 * its q and q_total likewise, so a contact drawn is never drawn again. The q <= 0 ones follow as
 * backups. add_contacts_avp() with `pxavp`: the first record goes to the front of the xavp list,
 * each next one right after the previous (xavp_add_value_after()), so `NAME[0]` is the first drawn.
 */
function loadProportional(ctx: ScriptContext, name: string, contacts: Contact[], n: number, total: number): void {
  const list = listsOf(ctx).xavp;
  let prev: XavpItem | undefined;
  const add = (c: Contact) => {
    c.qFlag = Q_FLAG;
    const item: XavpItem = { name, value: record(c, true) };
    list.splice(prev === undefined ? 0 : list.indexOf(prev) + 1, 0, item);
    prev = item;
  };
  let qTotal = total;
  for (let idx = 0; idx < n; idx++) {
    let qRemove = 0;
    const nRand = kamRand(ctx) % qTotal;
    for (const c of contacts) {
      if (c.q <= 0) continue;
      if (qRemove !== 0) c.qIndex -= qRemove;
      else if (c.qIndex > nRand) {
        qRemove = c.q;
        qTotal -= qRemove;
        c.qIndex -= qRemove;
        add(c);
      }
    }
  }
  for (const c of contacts) if (c.q <= 0) add(c);
}

/** ki_t_next_contacts(). */
export function nextContacts(ctx: ScriptContext, names: SerialNames): number {
  const name = names.contactsAvp;
  if (!name) return disabled(ctx, "ki_t_next_contacts", 626, "contacts_avp");
  const list = listsOf(ctx).xavp;
  const items = xall(list, name, exactName);
  const first = items[0];
  if (first === undefined) return -2;
  const rec = (v: XavpItem["value"]): XavpItem[] => (Array.isArray(v) ? v : []);
  const drop = (item: XavpItem) => {
    const i = list.indexOf(item);
    if (i >= 0) list.splice(i, 1);
  };
  const r0 = rec(first.value);
  let qFlag = num(r0, "q_flag");
  const taken = new Set<string>();
  const inst = str(r0, "instance");
  const a = ruriAttrs(ctx);
  if (inst && !qFlag) {
    taken.add(inst);
    a.instance = inst;
  }
  // rewrite_uri() marks the R-URI new; set_dst_uri()/reset_dst_uri(), the path vector, the
  // branch flags of branch 0 (setbflagsval(0, flags)), ruid and ua follow the record.
  ctx.msg.ruri = str(r0, "uri");
  const x = extrasOf(ctx);
  const du = str(r0, "dst_uri");
  x.dstUri = du === "" ? null : du;
  const path = str(r0, "path");
  if (path) a.path = path;
  else delete a.path;
  x.bflags = num(r0, "flags");
  const ruid = str(r0, "ruid");
  if (ruid) a.ruid = ruid;
  else delete a.ruid;
  const ua = str(r0, "ua");
  if (ua) a.ua = ua;
  else delete a.ua;
  if (qFlag) {
    drop(first);
    return 1;
  }
  xremove(list, names.contactFlowsAvp ?? "", "all", exactName);
  drop(first);
  for (const item of items.slice(1)) {
    const r = rec(item.value);
    qFlag = num(r, "q_flag");
    const c = {
      uri: str(r, "uri"),
      dstUri: str(r, "dst_uri"),
      path: str(r, "path"),
      flags: num(r, "flags"),
      instance: str(r, "instance"),
      ruid: str(r, "ruid"),
      ua: str(r, "ua"),
    };
    let appended = false;
    if (c.instance && taken.has(c.instance)) {
      // add_contact_flows_avp(): flags goes last, no q_flag.
      const flow = record({ ...c, q: 0, qFlag: 0, flags: 0, qIndex: 0 }, false).filter((i) => i.name !== "flags");
      xadd(flow, "flags", c.flags);
      xadd(list, names.contactFlowsAvp ?? "", flow);
    } else {
      if (c.instance && !qFlag) taken.add(c.instance);
      appended = true;
    }
    if (appended) {
      const b: Parameters<typeof appendBranch>[1] = { uri: c.uri, flags: c.flags };
      if (c.dstUri) b.dstUri = c.dstUri;
      if (c.path) b.path = c.path;
      if (c.instance) b.instance = c.instance;
      if (c.ruid) b.ruid = c.ruid;
      if (c.ua) b.ua = c.ua;
      if (!appendBranch(ctx, b)) {
        ctx.sv.log.module(
          ctx.proc,
          L_ERR,
          "tm",
          "t_serial.c:902",
          "ki_t_next_contacts",
          "appending branch failed",
          whereIn(ctx),
        );
        return -1;
      }
    }
    drop(item);
    if (qFlag) return 1;
  }
  return 1;
}
