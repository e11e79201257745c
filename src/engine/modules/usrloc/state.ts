/**
 * usrloc's shared state for one simulation: its settings, the list of location tables ("dlist",
 * dlist.c: register_udomain() puts a new one at the head) and the callbacks other modules
 * register (ul_callback.c: registrar's UL_CONTACT_EXPIRE). registrar binds to it as Kamailio's
 * registrar binds usrloc's API (ul_bind_usrloc): both instances reach it through the
 * simulation's Services, never through a global.
 */
import type { Micros } from "../../base/time.js";
import type { Process } from "../../runtime/process.js";
import type { Services } from "../../runtime/services.js";
import { type Ucontact, Udomain, type UsrlocSettings } from "./store.js";

export interface UsrlocState {
  settings: UsrlocSettings;
  /** usrloc's use_domain: the AOR is user@domain. */
  useDomain: boolean;
  /** nat_bflag as a mask (0 when unset). */
  natFlag: number;
  timerInterval: number;
  timerProcs: number;
  /** Tables in dlist order (the newest first). */
  domains: Udomain[];
  /** UL_CONTACT_EXPIRE callbacks, run by the timer for each expired contact before it goes. */
  onExpire: ((c: Ucontact, proc: Process, t: Micros, done: (end: Micros) => void) => void)[];
}

const states = new WeakMap<Services, UsrlocState>();

export function defaultUsrlocState(): UsrlocState {
  return {
    settings: { matchingMode: 0, cseqDelay: 20, descTimeOrder: false, hashSize: 10 },
    useDomain: false,
    natFlag: 0,
    timerInterval: 60,
    timerProcs: 0,
    domains: [],
    onExpire: [],
  };
}

/** The usrloc state of this simulation (made by usrloc's instance; a default if usrloc is absent). */
export function usrlocOf(sv: Services): UsrlocState {
  let s = states.get(sv);
  if (s === undefined) {
    s = defaultUsrlocState();
    states.set(sv, s);
  }
  return s;
}

/** register_udomain(): the table of that name, made (and put at the head of the list) if new. */
export function registerDomain(s: UsrlocState, name: string): Udomain {
  const found = s.domains.find((d) => d.name === name);
  if (found) return found;
  const d = new Udomain(name, s.settings);
  s.domains.unshift(d);
  return d;
}

/**
 * Seconds of Unix time at virtual time t (Kamailio's time(0)): the wall clock's seconds tick
 * `clockPhase` µs before each virtual second (the differential harness sets it to Kamailio's),
 * which decides the whole seconds registrar's expires and usrloc's timer compare.
 */
export function unixAt(sv: Services, t: Micros): number {
  return sv.epoch + Math.floor((t + sv.clockPhase) / 1_000_000);
}
