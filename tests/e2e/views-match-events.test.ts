/**
 * Every figure the views show, read from the page as a user sees it, equals the same run's
 * events as `kamsim run --format jsonl --events` prints them: each example runs in the built
 * playground at 1×, 10×, 100× and max, pauses by itself at fixed virtual times
 * (`kamsim.runUntil`), and at each pause and at the end the counters, queue depths and drops,
 * req/s, the receive queue, busy states and shares, pike's blocked addresses, the timers'
 * firings and countdowns and the Log's line count are compared with the events up to that time.
 *
 * The examples' pages run concurrently in one browser: the 1× runs last the examples' virtual
 * durations (7–60 s), so the test takes about as long as the longest example at 1× plus the pages'
 * loading (one after the other), not their sum: 96 s on our loaded 2-core machine.
 * src/worker/views-match-events.test.ts checks the store's figures frame by frame in Node; this
 * checks what the page draws from them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { formatJsonLine, type SimEvent } from "../../src/engine/index.js";
import { formatDuration, formatSeconds } from "../../src/ui/panels/timers/format.js";
import { busyFromEvents } from "../support/busy-from-events.js";
import { runEngine } from "../support/engine.js";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground, WAIT_MS } from "./browser.js";
import { exampleEventLines } from "./cli-events.js";

const avail = chromiumAvailability();
const root = join(import.meta.dirname, "..", "..");
const SPEEDS = ["1", "10", "100", "Infinity"];
/** Where each run pauses, as shares of the example's duration: past 30 s too in the long ones. */
const PAUSES = [0.3, 0.55, 0.8];

const examples = readdirSync(join(root, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/**
 * The example's events, µs-exact: the engine run in-process, checked line for line against the
 * CLI's (which prints times floored to the ms), so they are the CLI's events.
 */
async function eventsOf(id: string): Promise<SimEvent[]> {
  const read = (f: string) => readFileSync(join(root, "examples", id, f), "utf8");
  // The CLI first: the engine's run below holds this process, and the page waits on it.
  const lines = await exampleEventLines(id);
  const { events } = runEngine(read("kamailio.cfg"), read("traffic.json"));
  expect(lines.length, `${id}: events`).toBe(events.length);
  for (const [i, line] of lines.entries())
    if (line !== formatJsonLine(events[i] as SimEvent)) expect(line).toBe(formatJsonLine(events[i] as SimEvent));
  return events;
}

/** What the page shows, read from its DOM in one go. */
interface Shown {
  status: string;
  clock: string;
  counters: Record<string, number>;
  queues: Record<string, { depth: number; drops: number }>;
  rxQueued: number;
  requestsDropped: number;
  busyNow: string;
  sinceUs: number;
  lanes: { index: number; label: string; state: string; share: number }[];
  pikeLoaded: boolean;
  blockedCount: number;
  blocked: Record<string, string>;
  timers: Record<string, { firings: number; countdown: string; last: string }>;
  logLines: number;
}

function readShown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const num = (el: Element | null | undefined) => Number((el?.textContent ?? "").replace(/[^\d.-]/g, ""));
    const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
    const all = (sel: string, inside: ParentNode = document) => [...inside.querySelectorAll(sel)];
    const counters: Record<string, number> = {};
    for (const c of all('[data-testid^="counter-"]'))
      counters[(c.getAttribute("data-testid") ?? "").slice("counter-".length)] = num(c.querySelector("b"));
    const queues: Record<string, { depth: number; drops: number }> = {};
    for (const q of all("[data-queue]")) {
      const name = q.getAttribute("data-queue") ?? "";
      queues[name] = {
        depth: num(q.querySelector(`[data-testid="queue-depth-${name}"]`)),
        drops: num(q.querySelector(`[data-testid="queue-drops-${name}"]`)),
      };
    }
    const blocked: Record<string, string> = {};
    for (const r of all(".pike-row[data-blocked]"))
      blocked[r.getAttribute("data-address") ?? ""] = text(r.querySelector(".pike-state .muted"));
    const timers: Record<string, { firings: number; countdown: string; last: string }> = {};
    for (const tm of all("[data-timer]")) {
      const name = tm.getAttribute("data-timer") ?? "";
      timers[name] = {
        firings: num(tm.querySelector(`[data-testid="timer-firings-${name}"]`)),
        countdown: text(tm.querySelector(`[data-testid="timer-next-${name}"]`)).replace(/^[◷⚙] /, ""),
        last: text(tm.querySelector(".timer-text > .muted")),
      };
    }
    const log = all('section[aria-label="Log"] .log-tools span.muted').find((s) => / lines$/.test(s.textContent ?? ""));
    return {
      status: text(document.querySelector('[aria-label="Simulation status"]')),
      clock: text(document.querySelector('output[aria-label="Virtual time"]')),
      counters,
      queues,
      rxQueued: num(document.querySelector('[data-testid="rx-queued"]')),
      requestsDropped: num(document.querySelector('[data-testid="requests-dropped"]')),
      busyNow: text(
        all(".processes-panel .stat")
          .find((s) => /busy now/.test(s.textContent ?? ""))
          ?.querySelector(".big-number"),
      ),
      sinceUs: Number(document.querySelector("[data-since-us]")?.getAttribute("data-since-us")),
      lanes: all("li.proc-lane").map((l) => ({
        index: num(l.querySelector(".proc-name .muted")),
        label: l.getAttribute("data-process") ?? "",
        state: text(l.querySelector(".proc-state")).replace(/^[●○] /, ""),
        share: Number(/^(\d+)%/.exec(text(l.querySelector(".proc-share")))?.[1]),
      })),
      pikeLoaded: !document.querySelector('[data-testid="pike-not-loaded"]'),
      blockedCount: num(document.querySelector('[data-testid="pike-blocked-count"]')),
      blocked,
      timers,
      logLines: num(log),
    };
  });
}

/** What the views must show at virtual µs `t`, from the events alone. */
function expected(events: readonly SimEvent[], t: number, shown: Shown): Omit<Shown, "status"> {
  const upTo = events.filter((e) => e.t <= t);
  const count = (f: (e: SimEvent) => boolean) => upTo.filter(f).length;
  const arrivals = upTo.filter((e) => e.kind === "request" && e.phase === "arrived");
  const depth = new Map<string, number>();
  const drops = new Map<string, number>();
  let rxQueued = 0;
  // A process is busy from its proc busy (a timer process: from a firing) to its idle (done).
  const busy = new Set<number>();
  const blockedAt = new Map<string, number>();
  const addressOf = new Map<string, string>();
  const timers = new Map<string, { fired: number; last?: { t: number; duration?: number } }>();
  for (const e of upTo) {
    if (e.kind === "mq") {
      depth.set(e.queue, e.size);
      if (e.op === "drop") drops.set(e.queue, (drops.get(e.queue) ?? 0) + 1);
    } else if (e.kind === "request")
      // The receive queue: arrived, neither dropped nor taken by a worker yet.
      rxQueued += e.phase === "arrived" ? 1 : e.phase === "dropped" || e.phase === "started" ? -1 : 0;
    else if (e.kind === "proc") e.state === "busy" ? busy.add(e.proc) : busy.delete(e.proc);
    else if (e.kind === "timer") {
      e.phase === "fired" ? busy.add(e.proc) : busy.delete(e.proc);
      const tm = timers.get(e.timer) ?? { fired: 0 };
      if (e.phase === "fired") timers.set(e.timer, { fired: tm.fired + 1, last: { t: e.t } });
      else if (tm.last) tm.last.duration = e.duration;
    } else if (e.kind === "pike") {
      if (e.op === "blocked") blockedAt.set(e.ip, e.t);
      // An unblocked event names pike's node (as its UNBLOCK line does), the BLOCK line its address.
      else if (e.op === "unblocked") blockedAt.delete(addressOf.get(e.ip) ?? e.ip);
    } else if (e.kind === "log") {
      const block = /PIKE - BLOCKing ip (\S+), node=(\S+)/.exec(e.line);
      if (block) addressOf.set(block[2] as string, block[1] as string);
    }
  }
  const queued = [...depth.values()].reduce((a, b) => a + b, 0);
  const since = Number.isFinite(shown.sinceUs) ? shown.sinceUs : t;
  const before = busyFromEvents(
    events.filter((e) => e.t <= since),
    since,
  );
  const now = busyFromEvents(upTo, t);
  const timerView: Shown["timers"] = {};
  for (const name of Object.keys(shown.timers)) {
    const tm = timers.get(name) ?? { fired: 0 };
    const next = events.find((e) => e.kind === "timer" && e.timer === name && e.phase === "fired" && e.t > t);
    const running = tm.last && tm.last.duration === undefined;
    timerView[name] = {
      firings: tm.fired,
      countdown: running
        ? `running since ${formatSeconds(tm.last?.t ?? 0)}`
        : // No firing left in the run: the view's own forecast, unchecked.
          next
          ? `next in ${formatDuration(next.t - t)} (at ${formatSeconds(next.t)})`
          : (shown.timers[name]?.countdown ?? ""),
      last: tm.last
        ? `last at ${formatSeconds(tm.last.t)}${tm.last.duration !== undefined ? `, ran ${formatDuration(tm.last.duration)}` : ""}`
        : "",
    };
  }
  return {
    clock: `t = ${(Math.floor(t / 1000) / 1000).toFixed(3)} s`,
    counters: {
      "req-s": arrivals.filter((e) => e.t > t - 1_000_000).length,
      received: arrivals.length,
      "refused-by-pike": count((e) => e.kind === "pike" && (e.op === "refused" || e.op === "blocked")),
      queued,
      alerts: count((e) => e.kind === "log" && e.level === "ALERT"),
      replies: count((e) => e.kind === "reply"),
      dropped: count((e) => e.kind === "request" && e.phase === "dropped"),
    },
    queues: Object.fromEntries(
      Object.keys(shown.queues).map((q) => [q, { depth: depth.get(q) ?? 0, drops: drops.get(q) ?? 0 }]),
    ),
    rxQueued,
    requestsDropped: count((e) => e.kind === "request" && e.phase === "dropped"),
    busyNow: `${shown.lanes.filter((l) => busy.has(l.index)).length}/${shown.lanes.length}`,
    sinceUs: shown.sinceUs,
    lanes: shown.lanes.map((l) => ({
      ...l,
      state: busy.has(l.index) ? "busy" : "idle",
      share:
        t > since
          ? Math.round(Math.min(1, ((now.get(l.index) ?? 0) - (before.get(l.index) ?? 0)) / (t - since)) * 100)
          : 0,
    })),
    pikeLoaded: shown.pikeLoaded,
    blockedCount: shown.pikeLoaded ? blockedAt.size : shown.blockedCount,
    blocked: Object.fromEntries([...blockedAt].map(([ip, at]) => [ip, `since ${formatSeconds(at, 1)} · `])),
    timers: timerView,
    logLines: count((e) => e.kind === "log"),
  };
}

/** The page's figures at virtual µs `t`, once it shows that time, against the events. */
async function compareAt(page: Page, events: readonly SimEvent[], t: number, status: string, where: string) {
  await expect
    .poll(
      async () => {
        const shown = await readShown(page);
        return [shown.status, shown.clock];
      },
      { message: `${where}: the page pauses at the time asked` },
    )
    .toEqual([status, `t = ${(Math.floor(t / 1000) / 1000).toFixed(3)} s`]);
  // A view may draw a moment after the clock: the figures must settle on the events' ones.
  const strip = (s: Shown) => {
    const { status: _, ...rest } = s;
    // A blocked row's text: only its "since" part is the events' (the release is pike's forecast).
    rest.blocked = Object.fromEntries(Object.entries(rest.blocked).map(([ip, v]) => [ip, v.replace(/·.*$/, "· ")]));
    return rest;
  };
  await expect
    .poll(
      async () => {
        const shown = strip(await readShown(page));
        const want = expected(events, t, { ...shown, status });
        return differences(shown, want);
      },
      { message: `${where}: the views' figures are the events'`, timeout: 10_000 },
    )
    .toEqual([]);
}

/** Each figure that differs, named by its path: `lanes.3.share: shown 12, events 14`. */
function differences(shown: unknown, want: unknown, path = ""): string[] {
  if (typeof shown === "object" && shown && typeof want === "object" && want) {
    const keys = new Set([...Object.keys(shown), ...Object.keys(want)]);
    return [...keys].flatMap((k) =>
      differences(
        (shown as Record<string, unknown>)[k],
        (want as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
      ),
    );
  }
  return Object.is(shown, want) ? [] : [`${path}: shown ${JSON.stringify(shown)}, events ${JSON.stringify(want)}`];
}

/** Runs one example at every speed; returns what was checked and how long each part took. */
async function runExample(
  page: Page,
  url: string,
  id: string,
  turn: { wait: Promise<void>; ready: () => void },
): Promise<{ done: string[]; took: string }> {
  await turn.wait;
  const done: string[] = [];
  let since = Date.now();
  const took: string[] = [];
  const lap = (what: string) => {
    took.push(`${what} ${((Date.now() - since) / 1000).toFixed(1)} s`);
    since = Date.now();
  };
  await page.setViewportSize({ width: 1400, height: 1600 });
  const run = page.getByRole("button", { name: "Run" });
  const notice = page.getByRole("alert", { name: "Notice" });
  /** Ready to run, or the page's watchdog stopped a load that outlasted it on this busy machine. */
  const settled = async () => {
    await expect
      .poll(async () => {
        if (
          (await notice.count()) &&
          /Loading the texts took more than .* was stopped/.test((await notice.textContent()) ?? "")
        )
          return "stopped";
        return (await run.isEnabled({ timeout: 1000 }).catch(() => false)) ? "ready" : "waiting";
      })
      .not.toBe("waiting");
    return (await run.isEnabled()) ? "ready" : "stopped";
  };
  const title =
    readFileSync(join(root, "examples", id, "README.md"), "utf8")
      .split("\n")[0]
      ?.replace(/^#\s*/, "") ?? id;
  // A load the watchdog stopped (pages loading while others run, on a loaded machine) is not what
  // this test checks: the page is opened again, at most twice, and the printout says so.
  for (let attempt = 0; ; attempt++) {
    await page.goto(url);
    if ((await settled()) === "ready") {
      await page.getByRole("combobox", { name: "Examples" }).selectOption(id);
      const about = page.getByRole("region", { name: "About this example" });
      await expect.poll(() => about.textContent()).toContain(title);
      if ((await settled()) === "ready") break;
    }
    expect(attempt, `${id}: the page's watchdog stopped its load three times`).toBeLessThan(2);
    took.push("load stopped by the watchdog, opened again");
  }
  const duration = JSON.parse(readFileSync(join(root, "examples", id, "traffic.json"), "utf8")).duration as number;
  lap("ready");
  turn.ready();
  // Worked out while the page runs to its first pause (the CLI beside it).
  const events = eventsOf(id);
  events.catch(() => {}); // awaited at the first pause; no "unhandled" report before that
  for (const speed of SPEEDS) {
    await page.getByRole("combobox", { name: "Speed" }).selectOption(speed);
    for (const share of PAUSES) {
      const t = Math.round(duration * share * 1000) * 1000;
      await page.evaluate(
        (s) => (window as unknown as { kamsim: { runUntil(s: number): void } }).kamsim.runUntil(s),
        t / 1e6,
      );
      await compareAt(page, await events, t, "paused", `${id} at ${speed}× paused at ${t / 1e6} s`);
      done.push(`${speed}@${t / 1e6}`);
    }
    await page.evaluate(
      (s) => (window as unknown as { kamsim: { runUntil(s: number): void } }).kamsim.runUntil(s),
      duration,
    );
    await compareAt(page, await events, duration * 1e6, "ended", `${id} at ${speed}× at its end`);
    done.push(`${speed}@end`);
    lap(speed === "Infinity" ? "max" : `${speed}×`);
  }
  return { done, took: `${id}: ${took.join(", ")}` };
}

describeNeeding(CHROMIUM_NEED, avail, "the views' figures against the run's events, in Chromium", () => {
  const pg = servePlayground();

  it("every example at 1×, 10×, 100× and max shows the events' figures at each pause and at its end", async () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    const started = Date.now();
    // The pages load one after the other, the longest example first: loaded all at once on a busy
    // machine, pages took over 8 s to load the texts and the page's watchdog stopped their worker.
    // Each starts to run as soon as it is ready, so the runs overlap.
    const durationOf = (id: string) =>
      JSON.parse(readFileSync(join(root, "examples", id, "traffic.json"), "utf8")).duration as number;
    const byDuration = [...examples].sort((a, b) => durationOf(b) - durationOf(a));
    const turns = byDuration.map(() => {
      let open = () => {};
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      return { promise, open };
    });
    const results = await Promise.all(
      byDuration.map(async (id, i) => {
        const page = await pg.context.newPage();
        try {
          return await runExample(page, pg.url, id, {
            wait: turns[i - 1]?.promise ?? Promise.resolve(),
            ready: () => turns[i]?.open(),
          });
        } finally {
          turns[i]?.open(); // a page that failed to load lets the next one load
          await page.close();
        }
      }),
    );
    // Every example was checked at every speed, at every pause and at its end.
    for (const { done } of results) expect(done).toHaveLength(SPEEDS.length * (PAUSES.length + 1));
    // What it takes, for the CI budget (README.md in this folder).
    console.log(results.map((r) => r.took).join("\n"));
    console.log(
      `views against events: ${examples.length} examples × ${SPEEDS.length} speeds in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  });
});
