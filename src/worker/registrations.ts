/**
 * The Registrations view's model (issue 12 §4): usrloc's table as its `ul` events tell it — each
 * AOR with its contacts and the seconds they had left at their last insert or update, and the
 * contacts that left (expired by usrloc's timer, or removed by an unregistration). `take()` gives
 * the view only when an event changed it, so a frame carries it only then; the countdown itself
 * is the page's arithmetic on the clock (views/registrations.ts).
 *
 * Bounded for the page: the first MAX_AORS AORs by name and the last MAX_GONE departures go in a
 * view, with the counts of all of them.
 */
import type { UlEvent } from "../engine/index.js";
import type { RegAor, RegContact, RegGone, RegistrationsView } from "../protocol/views.js";

/** AORs one view lists (a REGISTER flood from many users makes thousands; the counts say so). */
export const MAX_AORS = 20;
/** Departures one view lists. */
export const MAX_GONE = 12;

interface Record {
  table: string;
  contacts: Map<string, RegContact>;
}

export class RegistrationsModel {
  private readonly records = new Map<string, Record>();
  private contacts = 0;
  private gone: RegGone[] = [];
  private expired = 0;
  private removed = 0;
  /** Starts changed: the first frame tells the page usrloc is there, with an empty table. */
  private changed = true;

  add(e: UlEvent): void {
    this.changed = true;
    const key = `${e.table}\n${e.aor}`;
    let r = this.records.get(key);
    if (e.op === "insert" || e.op === "update") {
      if (!r) {
        r = { table: e.table, contacts: new Map() };
        this.records.set(key, r);
      }
      if (!r.contacts.has(e.contact)) this.contacts++;
      r.contacts.set(e.contact, { contact: e.contact, t: e.t, expires: e.expires, op: e.op });
      return;
    }
    if (r?.contacts.delete(e.contact)) {
      this.contacts--;
      if (r.contacts.size === 0) this.records.delete(key);
    }
    const why = e.op === "expire" ? "expired" : "removed";
    if (why === "expired") this.expired++;
    else this.removed++;
    this.gone.push({ aor: e.aor, contact: e.contact, t: e.t, why });
    if (this.gone.length >= 4 * MAX_GONE) this.gone = this.gone.slice(-MAX_GONE);
  }

  /** The view, when an event changed it since the last call. */
  take(): RegistrationsView | undefined {
    if (!this.changed) return undefined;
    this.changed = false;
    const keys = [...this.records.keys()].sort();
    const aors: RegAor[] = [];
    for (const key of keys.slice(0, MAX_AORS)) {
      const r = this.records.get(key) as Record;
      aors.push({ aor: key.slice(key.indexOf("\n") + 1), table: r.table, contacts: [...r.contacts.values()] });
    }
    return {
      aors,
      aorCount: this.records.size,
      contactCount: this.contacts,
      // A copy: the list grows on, and a frame is cloned when posted, not now (in tests).
      gone: this.gone.slice(-MAX_GONE),
      expired: this.expired,
      removed: this.removed,
    };
  }
}
