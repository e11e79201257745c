/**
 * Every example of the gallery in real Chromium: picked from the header, run to its end, its
 * Log equals its expected.log (the CLI's output, a golden test), and the views show what its
 * explanation tells the user to watch. A screenshot of each end state is saved.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import type { SimEvent } from "../../src/engine/index.js";
import { busyFromEvents } from "../support/busy-from-events.js";
import { runEngine } from "../support/engine.js";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();
const root = join(import.meta.dirname, "..", "..");
const shots = join(root, "test-results", "screenshots");

/**
 * The example's events as `kamsim run --events` gives them, µs-exact (the same engine run
 * in-process; the CLI's JSON lines print times floored to the ms).
 */
function eventsOf(id: string): SimEvent[] {
  const read = (f: string) => readFileSync(join(root, "examples", id, f), "utf8");
  return runEngine(read("kamailio.cfg"), read("traffic.json")).events;
}

/** What only the page shows: each view's figure, or its absence, for a config without pike. */
async function withoutPike(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId("pike-not-loaded").count()).toBe(1);
  const pike = page.getByRole("region", { name: "Pike", exact: true });
  expect(await pike.textContent()).not.toContain("limit");
}

async function rpcExamples(page: Page): Promise<string[]> {
  return page.locator(".rpc-examples button").allTextContents();
}

async function numberOf(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).first().textContent()) ?? "";
  return Number(text.replace(/[^\d.-]/g, ""));
}

/** What each explanation says to watch, as the views show it at the end of the run. */
const PROMISES: Record<string, (page: Page, log: string) => Promise<void>> = {
  classic: async (page, log) => {
    expect(await numberOf(page, "counter-refused-by-pike")).toBeGreaterThan(0);
    // req/s: arrivals in the run's last virtual second (it ends at 30 s), not a frame's count.
    const arrived = eventsOf("classic").filter((e) => e.kind === "request" && e.phase === "arrived");
    expect(await numberOf(page, "counter-req-s")).toBe(arrived.filter((e) => e.t > 29_000_000).length);
    // It loads no htable: no "htable.dump ipban" to answer with an error.
    expect(await rpcExamples(page)).toEqual(["mqueue.get_sizes", "mqueue.fetch alert", "pike.top", "sl.stats"]);
    expect(await numberOf(page, "counter-alerts")).toBeGreaterThan(100);
    expect(await numberOf(page, "timer-firings-ta")).toBeGreaterThanOrEqual(5);
    expect(log).toContain("runaway while");
  },
  "first-call": async (page, log) => {
    // The phones' 5 requests (2 REGISTERs, INVITE, ACK, BYE) and bob's 4 replies reach the proxy;
    // the replies counter counts the proxy's own stateless ones, the two REGISTER 200s.
    expect(await numberOf(page, "counter-received")).toBe(9);
    expect(await numberOf(page, "counter-replies")).toBe(2);
    expect(await numberOf(page, "requests-dropped")).toBe(0);
    expect(log).toMatch(/^\[ {3}4\.500\].*reply 200 OK from bob/m);
    expect(log).toMatch(/^\[ {2}12\.500\].*in call: BYE from alice to bob/m);
  },
  "pike-tuning": async (page, log) => {
    const pike = page.getByRole("region", { name: "Pike", exact: true });
    expect(await pike.textContent()).toContain("limit 10 requests per 10 s window");
    expect(log).toMatch(/^\[ {2}16\.750\].*BLOCKing ip 203\.0\.113\.50/m);
    expect(log).toMatch(/^\[ {2}40\.000\].*UNBLOCKing/m);
    const trunk = log.split("\n").filter((l) => l.includes("198.51.100.20"));
    expect(trunk.filter((l) => l.includes("INVITE accepted"))).toHaveLength(36);
    expect(trunk.length).toBe(36);
  },
  "queue-overflow": async (page) => {
    const queues = page.getByRole("region", { name: "Queues", exact: true });
    expect(await queues.textContent()).toContain("size 6");
    const events = eventsOf("queue-overflow");
    const drops = events.filter((e) => e.kind === "mq" && e.op === "drop").length;
    expect(drops).toBeGreaterThan(0);
    expect(await numberOf(page, "queue-drops-events")).toBe(drops);
    await withoutPike(page);
    expect(await rpcExamples(page)).toEqual(["mqueue.get_sizes", "mqueue.fetch events", "sl.stats"]);
  },
  "user-online": async (page, log) => {
    expect(await numberOf(page, "timer-firings-notify")).toBeGreaterThan(0);
    expect(log).toMatch(/^\[ {2}25\.000\].*carol.*online again/m);
    expect(log).toMatch(/^\[ {2}45\.000\].*bob.*no REGISTER for 30 s/m);
  },
  "rate-alert-htable": async (page, log) => {
    expect(await numberOf(page, "counter-alerts")).toBe(2);
    const alerts = log.split("\n").filter((l) => l.includes(" ALERT: "));
    expect(alerts.every((l) => l.includes("203.0.113.9 "))).toBe(true);
  },
  "http-blocking": async (page) => {
    expect(await numberOf(page, "requests-dropped")).toBe(50);
  },
  "http-queued": async (page, log) => {
    expect(await numberOf(page, "requests-dropped")).toBe(0);
    expect(log).toContain("lost so far: 0");
    // Every process's busy share, rtimer processes included, is the events' (the run is 20 s:
    // all of it is in the view's last 30 s).
    const events = eventsOf("http-queued");
    const end = 20_000_000;
    const busy = busyFromEvents(events, end);
    const lanes = page.locator("li.proc-lane");
    const shown = new Map<string, number>();
    for (const lane of await lanes.all()) {
      const label = (await lane.getAttribute("data-process")) ?? "";
      const index = Number(await lane.locator(".proc-name .muted").textContent());
      const share = Number(/^(\d+)%/.exec((await lane.locator(".proc-share").textContent()) ?? "")?.[1]);
      expect(share, label).toBe(Math.round(Math.min(1, (busy.get(index) ?? 0) / end) * 100));
      shown.set(label, share);
    }
    const timers = [...shown.keys()].filter((l) => l.startsWith("rtimer"));
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.some((l) => (shown.get(l) ?? 0) > 0)).toBe(true);
    await withoutPike(page);
  },
  // The course's lessons (src/ui/examples/index.ts COURSE), each checked on what its README says to watch.
  "stateless-reply": async (page, log) => {
    // sl's four answers: 200 to the OPTIONS, 403 to the MESSAGE, maxfwd's 483, sanity's own 400.
    expect(await numberOf(page, "counter-replies")).toBe(4);
    expect(log).toMatch(/^\[ {3}1\.500\].*Max-Forwards ran out, 483$/m);
    // sanity answered the bad CSeq itself and the script stopped: no line of ours at 2 s.
    expect(log).not.toMatch(/^\[ {3}2\.000\]/m);
    await withoutPike(page);
  },
  "register-location": async (page, log) => {
    // Two REGISTER 200s from registrar and two 404s from the script.
    expect(await numberOf(page, "counter-replies")).toBe(4);
    expect(log).toMatch(/^\[ {3}1\.250\].*MESSAGE for sip:alice@127\.0\.0\.1: found/m);
    expect(log).toMatch(/^\[ {3}3\.700\].*MESSAGE for sip:alice@127\.0\.0\.1: not registered, 404/m);
  },
  "record-route": async (_page, log) => {
    expect(log).toMatch(/^\[ {3}1\.800\].*BYE of call 1-alice@127\.0\.41\.1 came back through the Record-Route/m);
    // The call to carol was not record-routed: its ACK and BYE never reach the proxy.
    expect(log).not.toContain("of call 7-alice@127.0.41.1 came back");
  },
  "failure-route": async (_page, log) => {
    expect(log).toMatch(/^\[ {3}0\.800\].*bob answered 486 Busy Here: trying voicemail/m);
    // tm's timer process ran the failure_route for the 408 it made itself.
    expect(log).toMatch(/^\[ {3}3\.250\] {2}3\(1003\) .*carol: 408 Request Timeout/m);
  },
  "parallel-forking": async (_page, log) => {
    expect(log).toMatch(/branch 1 goes to sip:bob@127\.0\.63\.1:5060/);
    expect(log).toMatch(/^\[ {3}1\.800\].*487 Request Terminated from 127\.0\.63\.1/m);
  },
  antiflood: async (page, log) => {
    const pike = page.getByRole("region", { name: "Pike", exact: true });
    expect(await pike.textContent()).toContain("limit 16 requests per 2 s window");
    expect(await numberOf(page, "counter-refused-by-pike")).toBeGreaterThan(0);
    expect(await rpcExamples(page)).toContain("htable.dump ipban");
    expect(log).toMatch(/^\[ {3}1\.350\].*ALERT: pike blocking REGISTER/m);
    expect(log).toMatch(/^\[ {3}3\.300\].*REGISTER from 127\.0\.71\.1 saved/m);
  },
  "cdr-mqueue": async (page, log) => {
    // The timer fired at 1 s (nothing queued) and at 2 s (both records).
    expect(await numberOf(page, "timer-firings-cdrs")).toBe(2);
    expect(await numberOf(page, "queue-depth-cdr")).toBe(0);
    const cdrs = log.split("\n").filter((l) => l.includes("NOTICE: <script>: CDR "));
    expect(cdrs).toHaveLength(2);
    expect(cdrs.every((l) => l.startsWith("[   2.000]  5(1005)"))).toBe(true);
  },
  "switch-and-return": async (page, log) => {
    expect(await numberOf(page, "counter-received")).toBe(5);
    // Its five streams send one request each: no rate slider to move.
    const traffic = page.getByRole("region", { name: "Traffic", exact: true });
    expect(await traffic.locator(".stream-one").count()).toBe(5);
    expect(await traffic.locator('input[type="range"]').count()).toBe(0);
    expect(log).not.toContain("CLASSIFY gave 2 and == 2");
  },
};

const examples = readdirSync(join(root, "examples")).filter((d) => {
  try {
    return readFileSync(join(root, "examples", d, "expected.log"), "utf8") !== undefined;
  } catch {
    return false;
  }
});

describeNeeding(CHROMIUM_NEED, avail, `examples in Chromium`, () => {
  const pg = servePlayground();

  beforeAll(() => {
    mkdirSync(shots, { recursive: true });
  });

  it("has a promise checked for every example", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(PROMISES).sort()).toEqual([...examples].sort());
  });

  for (const id of examples) {
    it(`${id}: runs to its end, logs its expected.log and shows what its explanation promises`, async () => {
      const page = await pg.context.newPage();
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(pg.url);
      const run = page.getByRole("button", { name: "Run" });
      await expect.poll(() => run.isEnabled()).toBe(true);
      await page.getByRole("combobox", { name: "Examples" }).selectOption(id);
      const about = page.getByRole("region", { name: "About this example" });
      const readme = readFileSync(join(root, "examples", id, "README.md"), "utf8");
      const title = readme.split("\n")[0]?.replace(/^#\s*/, "") ?? id;
      await expect.poll(() => about.textContent()).toContain(title);
      await page.getByRole("combobox", { name: "Speed" }).selectOption("Infinity");
      await expect.poll(() => run.isEnabled()).toBe(true);
      await run.click();
      const status = page.getByRole("status", { name: "Simulation status" });
      await expect.poll(() => status.textContent()).toBe("ended");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Save log as text" }).click(),
      ]);
      const log = readFileSync((await download.path()) ?? "", "utf8");
      expect(log).toBe(readFileSync(join(root, "examples", id, "expected.log"), "utf8"));
      await PROMISES[id]?.(page, log);
      await page.locator(".dashboard").evaluate((el) => {
        el.scrollTop = 0;
      });
      await page.screenshot({ path: join(shots, `example-${id}.png`) });
      await page.close();
    });
  }
});
