/**
 * usrloc at run time (docs/kamailio/usrloc.md): the settings of one simulation, its timer and
 * the RPCs. The timer (usrloc_mod.c) runs every timer_interval seconds: with timer_procs 0 as a
 * core timer in the slow timer process (register_timer()), otherwise in its own processes
 * named "USRLOC Timer" (fork_sync_timer(), first run one interval after start), process i
 * walking the slots i, i + n, i + 2n... (mem_timer_udomain()). Each expired contact gets the
 * UL_CONTACT_EXPIRE callbacks (registrar's event route) once, then goes (nodb_timer()); a record
 * left empty goes too.
 */
import type { Micros } from "../../base/time.js";
import { MAX_CHILDREN } from "../../runtime/core-settings.js";
import type { Process, ProcessRequest } from "../../runtime/process.js";
import { defineRuntime, type SimulationHost } from "../runtime-types.js";
import { usrlocModule } from "./def.js";
import { ulExpiredEvent } from "./events.js";
import { dumpRpc, lookupRpc } from "./rpc.js";
import { type UsrlocState, unixAt, usrlocOf } from "./state.js";
import { type Ucontact, validContact } from "./store.js";

export const usrlocRuntime = defineRuntime(usrlocModule, {
  create(setup) {
    const st = usrlocOf(setup.sv);
    for (const { name, value } of setup.params) {
      const n = Number(value);
      switch (name) {
        case "timer_interval":
          st.timerInterval = n;
          break;
        case "timer_procs":
          // An int modparam, as C reads it (cfg.lex's atoi: 2147483648 wraps to a negative value,
          // which forks none); kamsim forks at most MAX_CHILDREN, as it caps `children`.
          st.timerProcs = Math.min(n | 0, MAX_CHILDREN);
          break;
        case "use_domain":
          st.useDomain = n !== 0;
          break;
        case "matching_mode":
          st.settings.matchingMode = n;
          break;
        case "cseq_delay":
          st.settings.cseqDelay = n;
          break;
        case "desc_time_order":
          st.settings.descTimeOrder = n !== 0;
          break;
        case "hash_size":
          st.settings.hashSize = n;
          break;
        case "nat_bflag":
          st.natFlag = n >= 0 ? 1 << n : 0;
          break;
      }
    }
    const procs: Process[] = [];
    const processes: ProcessRequest[] = [];
    for (let i = 0; i < st.timerProcs; i++)
      processes.push({
        name: "USRLOC Timer",
        label: st.timerProcs > 1 ? `usrloc timer #${i}` : "usrloc timer",
        attach: (p) => procs.push(p),
      });
    let clock: () => Micros = () => 0;
    return {
      functions: {},
      processes,
      rpc: {
        "ul.dump": (args) => dumpRpc(st, args[0], unixAt(setup.sv, clock())),
        "ul.lookup": (args) => lookupRpc(st, args[0], args[1], unixAt(setup.sv, clock())),
      },
      start(host) {
        clock = () => host.sv.kernel.now;
        if (st.timerInterval <= 0) return;
        const period = st.timerInterval * 1_000_000;
        if (st.timerProcs <= 0) {
          const tick = (t: Micros) =>
            host.sv.kernel.schedule(t, () => {
              expire(host, st, host.slowTimer, t, 0, 1);
              tick(t + period);
            });
          tick(period);
          return;
        }
        procs.forEach((p, i) => {
          const tick = (t: Micros) =>
            host.sv.kernel.schedule(t, () => {
              expire(host, st, p, t, i, procs.length);
              tick(t + period);
            });
          tick(period);
        });
      },
    };
  },
});

/** One timer run: synchronize_all_udomains() → mem_timer_udomain() → nodb_timer(). */
function expire(host: SimulationHost, st: UsrlocState, proc: Process, t: Micros, start: number, step: number): void {
  const now = unixAt(host.sv, t);
  const gone: { c: Ucontact; d: (typeof st.domains)[number] }[] = [];
  for (const d of st.domains)
    for (let i = start; i < d.size; i += step)
      for (const r of d.slots[i] ?? []) for (const c of r.contacts) if (!validContact(c, now)) gone.push({ c, d });
  if (gone.length === 0) return;
  let at = t;
  let i = 0;
  const finish = (x: { c: Ucontact; d: (typeof st.domains)[number] }) => {
    const r = x.d.get(x.c.aor);
    if (r === undefined) return;
    x.d.deleteContact(r, x.c);
    ulExpiredEvent(host.sv, at, proc.index, x.c);
    if (r.contacts.length === 0) x.d.remove(r);
  };
  // Each contact's callbacks run to their end (an event route may block) before it goes.
  const step2 = (): void => {
    while (i < gone.length) {
      const x = gone[i++] as (typeof gone)[number];
      if (x.c.expCb || st.onExpire.length === 0) {
        finish(x);
        continue;
      }
      x.c.expCb = true;
      let sync = true;
      let ran = false;
      runCallbacks(st, x.c, proc, at, 0, (end) => {
        at = Math.max(at, end);
        ran = true;
        finish(x);
        if (!sync) step2();
      });
      sync = false;
      if (!ran) return;
    }
  };
  step2();
}

function runCallbacks(
  st: UsrlocState,
  c: Ucontact,
  proc: Process,
  t: Micros,
  k: number,
  done: (end: Micros) => void,
): void {
  const cb = st.onExpire[k];
  if (cb === undefined) {
    done(t);
    return;
  }
  cb(c, proc, t, (end) => runCallbacks(st, c, proc, end, k + 1, done));
}
