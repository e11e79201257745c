/**
 * The Registrations and Transactions views show the engine's tables (issue 12 §4): first-call, and
 * first-call's config with a registration that expires (bob registers for 4 s, usrloc's timer
 * runs every 2 s) and one removed (alice unregisters), are run through the worker's host at
 * 10× and as fast as possible, every frame applied to the store as the page does; after each
 * frame that carries a view (paced: TABLES_MS) and after the last, the views in the store equal what `kamsim run --format jsonl --events` of the same run
 * says up to that frame's time: every AOR's contacts with the seconds they had left, what
 * expired or was removed; every open transaction with its method, Call-ID, creation time, final
 * reply, branches (destination, last reply, retransmissions, timers, routes run) and wait
 * timer; the deleted ones with their final code.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kamsim, root } from "../../tests/cli/kamsim.js";
import { runEngine } from "../../tests/support/engine.js";
import { formatJsonLine, type SimEvent, type TmEvent, type UlEvent } from "../engine/index.js";
import { type FromWorker, PROTOCOL_VERSION, type ToWorker } from "../protocol/messages.js";
import type { RegistrationsView, TransactionsView, TxRow } from "../protocol/views.js";
import { applyFrame, applyLoaded } from "../ui/store/apply.js";
import { useStore } from "../ui/store/store.js";
import { SimulationHost } from "./host.js";
import { MAX_DONE, MAX_OPEN, MAX_ROUTES } from "./transactions.js";

const FIRST_CALL = join(root, "examples", "first-call");
const firstCallCfg = readFileSync(join(FIRST_CALL, "kamailio.cfg"), "utf8");

/** first-call's config, usrloc's timer every 2 s and no minimum expiry, so a short binding expires. */
const EXPIRING_CFG = firstCallCfg.replace(
  'modparam("tm", "fr_inv_timer", 20000)',
  'modparam("tm", "fr_inv_timer", 20000)\nmodparam("usrloc", "timer_interval", 2)\nmodparam("registrar", "min_expires", 1)',
);
const EXPIRING_TRAFFIC = JSON.stringify({
  duration: 10,
  seed: 1,
  agents: [
    {
      name: "alice",
      address: "127.0.10.1:5060",
      register: { at: 0.5, expires: 3600, unregister_at: 8 },
      calls: [{ at: 2, to: "bob", hold: 3 }],
    },
    {
      name: "bob",
      address: "127.0.20.1:5060",
      register: { at: 1, expires: 4, refresh: false },
      answer: { trying: true, ring: 0.5, after: 2.5, code: 200 },
    },
  ],
});

const tmp = mkdtempSync(join(tmpdir(), "kamsim-tables-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CASES: Record<string, { config: string; traffic: string }> = {
  "first-call": { config: firstCallCfg, traffic: readFileSync(join(FIRST_CALL, "traffic.json"), "utf8") },
  "an expiring registration": { config: EXPIRING_CFG, traffic: EXPIRING_TRAFFIC },
};

/**
 * The run's events, µs-exact, from the engine run in-process, checked line for line against
 * `kamsim run --format jsonl --events` in a folder holding the two files (which floors times to
 * the ms): so they are the CLI's events.
 */
function cliEvents(name: string, config: string, traffic: string): SimEvent[] {
  const folder = mkdtempSync(join(tmp, `${name.replace(/\W+/g, "-")}-`));
  writeFileSync(join(folder, "kamailio.cfg"), config);
  writeFileSync(join(folder, "traffic.json"), traffic);
  const r = kamsim(["run", "kamailio.cfg", "--traffic", "traffic.json", "--format", "jsonl", "--events"], folder);
  expect(r.code, r.stderr).toBe(0);
  const { events } = runEngine(config, traffic);
  const lines = r.stdout.split("\n").filter(Boolean);
  expect(lines.length).toBe(events.length);
  for (const [i, line] of lines.entries()) expect(line).toBe(formatJsonLine(events[i] as SimEvent));
  return events;
}

/**
 * The case run through the host at `speed`; `check` sees the store after every frame that
 * carries a table view (at most one per TABLES_MS of wall time while running) and after the last.
 * Returns how many frames carried one.
 */
function runThroughHost(config: string, traffic: string, speed: number, check: (t: number) => void): number {
  let wall = 0;
  let pending: (() => void)[] = [];
  let ended = false;
  let frames = 0;
  const host: SimulationHost = new SimulationHost({
    post: (m: FromWorker) => {
      if (m.type === "loaded") applyLoaded(m);
      if (m.type === "frame") {
        applyFrame(m);
        if (m.registrations || m.transactions || m.ended) check(m.t);
        if (m.registrations || m.transactions) frames++;
        ended = m.ended;
        host.handle({ type: "frameAck", v: PROTOCOL_VERSION });
      }
    },
    now: () => {
      if (!Number.isFinite(speed)) wall += 0.1;
      return wall;
    },
    later: (fn) => void pending.push(fn),
  });
  const send = (m: Record<string, unknown>) => host.handle({ ...m, v: PROTOCOL_VERSION } as ToWorker);
  send({ type: "load", config, traffic });
  send({ type: "run", speed });
  for (let i = 0; !ended && i < 100_000; i++) {
    wall += 16;
    const run = pending;
    pending = [];
    for (const fn of run) fn();
  }
  expect(ended).toBe(true);
  return frames;
}

/** usrloc's table after `ul`: each AOR's contacts as their last insert or update left them. */
function registrationsFrom(ul: readonly UlEvent[]): Pick<
  RegistrationsView,
  "aors" | "aorCount" | "contactCount" | "expired" | "removed"
> & {
  gone: { aor: string; contact: string; t: number; why: string }[];
} {
  const aors = [...new Set(ul.map((e) => e.aor))].sort();
  const view = aors
    .map((aor) => {
      const contacts = [...new Set(ul.filter((e) => e.aor === aor).map((e) => e.contact))].flatMap((contact) => {
        const last = ul.filter((e) => e.aor === aor && e.contact === contact).at(-1) as UlEvent;
        if (last.op === "delete" || last.op === "expire") return [];
        // Inserted first, then refreshed: the order of the first insert of each.
        return [{ contact, t: last.t, expires: last.expires, op: last.op }];
      });
      return { aor, table: "location", contacts };
    })
    .filter((a) => a.contacts.length > 0);
  const gone = ul
    .filter((e) => e.op === "delete" || e.op === "expire")
    .map((e) => ({ aor: e.aor, contact: e.contact, t: e.t, why: e.op === "expire" ? "expired" : "removed" }));
  return {
    aors: view,
    aorCount: view.length,
    contactCount: view.reduce((n, a) => n + a.contacts.length, 0),
    expired: ul.filter((e) => e.op === "expire").length,
    removed: ul.filter((e) => e.op === "delete").length,
    gone: gone.slice(-12),
  };
}

/** tm's table after `tm`: what each transaction's events say of it. */
function transactionsFrom(tm: readonly TmEvent[]): Omit<TransactionsView, "open"> & { open: TxRow[] } {
  const tids = [...new Set(tm.filter((e) => e.op === "new").map((e) => e.tid))];
  const rowOf = (tid: string): TxRow => {
    const of = tm.filter((e) => e.tid === tid);
    const first = of[0] as TmEvent;
    const last = (op: string, more: (e: TmEvent) => boolean = () => true) =>
      of.filter((e) => e.op === op && more(e)).at(-1);
    const row: TxRow = {
      tid,
      method: first.method,
      callId: first.callId,
      t: first.t,
      final: last("final")?.code ?? 0,
      branches: of
        .filter((e) => e.op === "branch")
        .map((b) => {
          const n = b.branch as number;
          const mine = (e: TmEvent) => e.branch === n;
          const arm = last("arm", (e) => e.buf === "uac" && mine(e));
          return {
            branch: n,
            dst: b.dst ?? "",
            code: last("reply", mine)?.code ?? 0,
            retransmits: of.filter((e) => e.op === "retransmit" && mine(e)).length,
            ...(arm?.at !== undefined ? { limit: arm.timer as "fr" | "fr_inv", limitAt: arm.at } : {}),
            ...(arm?.retrAt !== undefined ? { retrAt: arm.retrAt } : {}),
            routes: of
              .filter((e) => e.op === "route" && mine(e))
              .map((e) => ({ route: e.route ?? "", code: e.code ?? 0, t: e.t }))
              .slice(-MAX_ROUTES),
          };
        }),
      retransmits: of.filter((e) => e.op === "retransmit").length,
      canceled: of.some((e) => e.op === "cancel"),
    };
    const fin = last("final");
    if (fin) row.finalAt = fin.t;
    const uas = last("arm", (e) => e.buf === "uas");
    if (uas?.at !== undefined) row.replyLimitAt = uas.at;
    if (uas?.retrAt !== undefined) row.replyRetrAt = uas.retrAt;
    const wait = last("arm", (e) => e.buf === "wait");
    if (wait?.at !== undefined) row.waitAt = wait.at;
    return row;
  };
  const deleted = tm.filter((e) => e.op === "delete");
  const open = tids.filter((tid) => !deleted.some((e) => e.tid === tid));
  return {
    open: open.slice(-MAX_OPEN).map(rowOf),
    openCount: open.length,
    done: deleted.slice(-MAX_DONE).map((d) => {
      const r = rowOf(d.tid);
      return {
        tid: r.tid,
        method: r.method,
        callId: r.callId,
        t: r.t,
        final: r.final,
        end: d.t,
        retransmits: r.retransmits,
      };
    }),
    created: tids.length,
    deleted: deleted.length,
    retransmits: tm.filter((e) => e.op === "retransmit").length,
  };
}

describe.each(Object.keys(CASES))("the Registrations and Transactions views of %s", (name) => {
  const { config, traffic } = CASES[name] as { config: string; traffic: string };
  const events = cliEvents(name, config, traffic);
  const ul = events.filter((e): e is UlEvent => e.kind === "ul");
  const tm = events.filter((e): e is TmEvent => e.kind === "tm");

  it("the story is in the events", () => {
    // Both phones register; the INVITE's transaction gets bob's 200; in the second case bob's
    // binding expires (usrloc's timer) and alice's is removed (her unregistration).
    expect(new Set(ul.filter((e) => e.op === "insert").map((e) => e.aor))).toEqual(new Set(["alice", "bob"]));
    expect(tm.some((e) => e.op === "final" && e.method === "INVITE" && e.code === 200)).toBe(true);
    if (name !== "first-call") {
      expect(ul.filter((e) => e.op === "expire").map((e) => `${e.aor} ${e.t / 1e6}`)).toEqual(["bob 6"]);
      expect(ul.filter((e) => e.op === "delete").map((e) => e.aor)).toEqual(["alice"]);
    }
  });

  it.each([10, Number.POSITIVE_INFINITY])("at speed %s, after every frame with a view", (speed) => {
    const frames = runThroughHost(config, traffic, speed, (t) => {
      const s = useStore.getState();
      const upTo = <E extends SimEvent>(list: readonly E[]) => list.filter((e) => e.t <= t);
      expect(s.registrations, `registrations at ${t}`).toEqual(registrationsFrom(upTo(ul)));
      expect(s.transactions, `transactions at ${t}`).toEqual(transactionsFrom(upTo(tm)));
    });
    // Paced, not withheld: a view goes several times a second while the tables change.
    if (Number.isFinite(speed)) expect(frames).toBeGreaterThan(1);
  });
});
