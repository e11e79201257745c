/**
 * usrloc's in-memory location table (db_mode 0), kept as Kamailio 5.6.3 keeps it:
 * - a table ("domain", udomain.c) is a hash of 2^hash_size slots; a record's slot is
 *   core_hash(aor) & (size - 1) and a new record goes at the end of its slot (hslot.c slot_add);
 *   ul.dump walks the slots in order, so this order is what kamcmd prints;
 * - a record (urecord.c) holds its contacts in a list: a new contact is inserted before the first
 *   one with a lower q (mem_insert_ucontact), an updated one is moved by update_contact_pos()
 *   (ucontact.c), whose test and loop read the list in ascending q — both kept as written;
 * - a contact is valid while `expires > now` or `expires == 0` (usrloc.h VALID_CONTACT);
 * - matching a REGISTER's contact (get_ucontact, urecord.c) by `matching_mode`, with the
 *   Call-ID/CSeq check: same Call-ID and a lower CSeq is invalid (-1), the same CSeq within
 *   `cseq_delay` seconds of the last change is a retransmission to skip (-2), later invalid;
 * - a record whose last contact goes is removed at once (release_urecord) or by the timer.
 * Times are Unix seconds, as Kamailio's `time(0)`.
 */
import { coreHash } from "../cfgutils/core-hash.js";

/** usrloc's matching_mode values (usrloc.h). */
export const CONTACT_ONLY = 0;
export const CONTACT_CALLID = 1;
export const CONTACT_PATH = 2;
export const CONTACT_CALLID_ONLY = 3;

/** ucontact.h: the expires a lost TCP connection's contact gets ("deleted" in ul.dump). */
export const UL_EXPIRED_TIME = 10;

/** One registered contact (ucontact_t). */
export interface Ucontact {
  domain: string;
  aor: string;
  /** The contact URI (`c`). */
  c: string;
  received: string;
  path: string;
  callid: string;
  cseq: number;
  userAgent: string;
  /** qvalue_t: -1 unspecified, else 0..1000. */
  q: number;
  /** Absolute Unix seconds; 0 = permanent. */
  expires: number;
  flags: number;
  cflags: number;
  methods: number;
  ruid: string;
  instance: string;
  regId: number;
  lastModified: number;
  lastKeepalive: number;
  /** The socket text (`udp:127.0.0.1:5060`), or undefined. */
  sock: string | undefined;
  state: "CS_NEW" | "CS_SYNC" | "CS_DIRTY";
  /** FL_EXPCLB: the expire callbacks ran. */
  expCb: boolean;
  tcpconnId: number;
}

/** What save() packs for one contact (ucontact_info_t). */
export type ContactInfo = Omit<Ucontact, "domain" | "aor" | "c" | "state" | "expCb" | "lastKeepalive"> & {
  /** The contact URI, used by an update when an instance is set (mem_update_ucontact). */
  c?: string;
};

/** One address of record (urecord_t). */
export interface Urecord {
  aor: string;
  aorhash: number;
  contacts: Ucontact[];
}

export interface UsrlocSettings {
  matchingMode: number;
  cseqDelay: number;
  descTimeOrder: boolean;
  hashSize: number;
}

/** One location table (udomain_t). */
export class Udomain {
  readonly name: string;
  readonly size: number;
  readonly slots: Urecord[][];
  private readonly byAor = new Map<string, Urecord>();

  constructor(
    name: string,
    private readonly set: UsrlocSettings,
  ) {
    this.name = name;
    // udomain.c new_udomain(): 1 << hash_size slots (hash_size clamped to 1..16 in mod_init).
    this.size = 1 << Math.min(16, Math.max(1, set.hashSize));
    this.slots = Array.from({ length: this.size }, () => []);
  }

  /** get_urecord(): the record of an AOR, if any. */
  get(aor: string): Urecord | undefined {
    return this.byAor.get(aor);
  }

  /** insert_urecord(): a new, empty record at the end of its slot. */
  insert(aor: string): Urecord {
    const aorhash = coreHash(aor, undefined, 0);
    const r: Urecord = { aor, aorhash, contacts: [] };
    (this.slots[aorhash & (this.size - 1)] as Urecord[]).push(r);
    this.byAor.set(aor, r);
    return r;
  }

  /** mem_delete_urecord(): the record leaves its slot. */
  remove(r: Urecord): void {
    const slot = this.slots[r.aorhash & (this.size - 1)] as Urecord[];
    const i = slot.indexOf(r);
    if (i >= 0) slot.splice(i, 1);
    this.byAor.delete(r.aor);
  }

  /** release_urecord(): a record left without contacts goes. */
  release(r: Urecord): void {
    if (r.contacts.length === 0) this.remove(r);
  }

  /** Every record, slot by slot (ul.dump's order). */
  *records(): Generator<Urecord> {
    for (const slot of this.slots) for (const r of slot) yield r;
  }

  get recordCount(): number {
    return this.byAor.size;
  }

  /** mem_insert_ucontact(): before the first contact with a lower q (or at the end). */
  insertContact(r: Urecord, c: string, ci: ContactInfo, now: number): Ucontact {
    const uc: Ucontact = {
      domain: this.name,
      aor: r.aor,
      c,
      received: ci.received,
      path: ci.path,
      callid: ci.callid,
      cseq: ci.cseq,
      userAgent: ci.userAgent,
      q: ci.q,
      expires: ci.expires,
      flags: ci.flags,
      cflags: ci.cflags,
      methods: ci.methods,
      ruid: ci.ruid,
      instance: ci.instance,
      regId: ci.regId,
      lastModified: ci.lastModified,
      lastKeepalive: now,
      sock: ci.sock,
      state: "CS_NEW",
      expCb: false,
      tcpconnId: ci.tcpconnId,
    };
    let i = 0;
    if (!this.set.descTimeOrder) while (i < r.contacts.length && !((r.contacts[i] as Ucontact).q < uc.q)) i++;
    else i = r.contacts.length;
    r.contacts.splice(i, 0, uc);
    return uc;
  }

  /** update_ucontact(): new values (mem_update_ucontact), then update_contact_pos(). */
  updateContact(r: Urecord, uc: Ucontact, ci: ContactInfo, now: number): void {
    if (ci.instance !== "" && ci.c !== undefined && ci.c !== "") uc.c = ci.c;
    if (ci.callid !== "") uc.callid = ci.callid;
    uc.userAgent = ci.userAgent;
    uc.received = ci.received;
    uc.path = ci.path;
    uc.sock = ci.sock;
    uc.expires = ci.expires;
    uc.q = ci.q;
    uc.cseq = ci.cseq;
    uc.methods = ci.methods;
    uc.lastModified = ci.lastModified;
    uc.lastKeepalive = now;
    uc.flags = ci.flags;
    uc.cflags = ci.cflags;
    uc.tcpconnId = ci.tcpconnId;
    // st_update_ucontact(): a CS_NEW contact stays new in db_mode 0.
    this.updatePos(r, uc);
  }

  private updatePos(r: Urecord, uc: Ucontact): void {
    const list = r.contacts;
    const at = list.indexOf(uc);
    if (this.set.descTimeOrder) {
      if (at <= 0) return;
      list.splice(at, 1);
      list.unshift(uc);
      return;
    }
    const prev = list[at - 1];
    const next = list[at + 1];
    // "order by q - first the smaller q", as ucontact.c writes it.
    if ((prev === undefined || uc.q <= prev.q) && (next === undefined || uc.q >= next.q)) return;
    list.splice(at, 1);
    let i = 0;
    while (i < list.length && (list[i] as Ucontact).q < uc.q) i++;
    list.splice(i, 0, uc);
  }

  /** mem_delete_ucontact(). */
  deleteContact(r: Urecord, uc: Ucontact): void {
    const i = r.contacts.indexOf(uc);
    if (i >= 0) r.contacts.splice(i, 1);
  }

  /**
   * get_ucontact_by_instance(): 0 found, 1 not found, -1 invalid CSeq, -2 a retransmission to
   * skip (with the contact found, when 0).
   */
  find(r: Urecord, c: string, ci: ContactInfo, now: number): { ret: 0 | 1 | -1 | -2; uc?: Ucontact } {
    if (ci.instance === "") return this.getUcontact(r, c, ci.callid, ci.path, ci.cseq, now);
    const strip = (s: string) => (s.startsWith("<") && s.endsWith(">") ? s.slice(1, -1) : s);
    const want = strip(ci.instance);
    for (const uc of r.contacts) {
      if (uc.instance.length > 0 && ci.regId === uc.regId && strip(uc.instance) === want) return { ret: 0, uc };
    }
    return { ret: 1 };
  }

  private getUcontact(
    r: Urecord,
    c: string,
    callid: string,
    path: string | undefined,
    cseq: number,
    now: number,
  ): { ret: 0 | 1 | -1 | -2; uc?: Ucontact } {
    let uc: Ucontact | undefined;
    let noCallid = false;
    switch (this.set.matchingMode) {
      case CONTACT_ONLY:
        uc = r.contacts.find((x) => x.c === c);
        break;
      case CONTACT_CALLID:
        uc = r.contacts.find((x) => x.c === c && x.callid === callid);
        noCallid = true;
        break;
      case CONTACT_PATH:
        uc = path ? r.contacts.find((x) => x.c === c && x.path === path) : r.contacts.find((x) => x.c === c);
        break;
      case CONTACT_CALLID_ONLY:
        uc = r.contacts.find((x) => x.callid === callid);
        break;
      default:
        return { ret: -1 };
    }
    if (uc === undefined) return { ret: 1 };
    if (noCallid || uc.callid === callid) {
      if (cseq < uc.cseq) return { ret: -1 };
      if (cseq === uc.cseq) return { ret: uc.lastModified + this.set.cseqDelay > now ? -2 : -1 };
    }
    return { ret: 0, uc };
  }
}

/** VALID_CONTACT(c, t) of usrloc.h. */
export function validContact(c: Ucontact, now: number): boolean {
  return c.expires > now || c.expires === 0;
}
