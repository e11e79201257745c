/**
 * The live views in real Chromium, on the classic example: Flood from the Traffic view trips
 * pike (the Pike view marks the address BLOCKED), the `alert` queue fills, the `ta` timer drains
 * it back to 0, the Timers view counts firings and the Processes view lists the SIP workers; the
 * RPC console answers; the run's saved traffic replayed by `kamsim run` prints the Log's exact text.
 * Screenshots: idle, flooding, after the drain, and at phone width.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Download, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();
const root = join(import.meta.dirname, "..", "..");
const shots = join(root, "test-results", "screenshots");

/** The file a click offers for download. */
async function saveDownload(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return download;
}

/** The number a view renders in the element with `testId`. */
async function numberIn(page: Page, region: string, testId: string): Promise<number> {
  const text = (await page.getByRole("region", { name: region, exact: true }).getByTestId(testId).textContent()) ?? "";
  return Number(text.replace(/[^\d.-]/g, ""));
}

describeNeeding(CHROMIUM_NEED, avail, `live views in Chromium`, () => {
  const pg = servePlayground();

  beforeAll(() => {
    mkdirSync(shots, { recursive: true });
  });

  it("has every view as a named region", async () => {
    const page = await pg.context.newPage();
    await page.goto(pg.url);
    for (const name of ["Traffic", "Queues", "Timers", "Pike", "Processes", "RPC console"])
      await expect.poll(() => page.getByRole("region", { name, exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole("button", { name: "Flood", exact: true }).count()).toBe(1);
    await page.close();
  });

  it("Flood trips pike, fills the alert queue, and the timer drains it", async () => {
    const page = await pg.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(pg.url);
    const run = page.getByRole("button", { name: "Run" });
    await expect.poll(() => run.isEnabled()).toBe(true);
    const processes = page.getByRole("region", { name: "Processes", exact: true });
    await expect.poll(() => processes.textContent()).toContain("SIP worker 0");
    await page.screenshot({ path: join(shots, "panels-idle.png") });

    // The burst (1 s from t = 0, pressed before Run) fills the queue; the timer's first run, at
    // 5 s, drains it. At 0.5× that is at least 10 s of real time — the run never goes ahead of
    // speed × real time, and a busy machine only makes it later — to see the full queue and pause.
    await page.getByRole("button", { name: "Flood", exact: true }).click();
    await page.getByRole("combobox", { name: "Speed" }).selectOption("0.5");
    await run.click();

    const pike = page.getByRole("region", { name: "Pike", exact: true });
    const flooder = pike.locator('[data-address="203.0.113.99"]');
    await expect.poll(() => flooder.getAttribute("data-blocked")).toBe("");
    await expect.poll(() => flooder.textContent()).toContain("BLOCKED");
    await expect.poll(() => numberIn(page, "Queues", "queue-depth-alert")).toBeGreaterThan(0);
    // Paused for the picture: a screenshot takes long enough for the burst to end meanwhile.
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    // One story across views: picking the address in Pike marks its items in the queue.
    await pike.getByRole("button", { name: "203.0.113.99" }).click();
    await expect.poll(() => page.locator(".chip.related").count()).toBeGreaterThan(0);
    expect(await page.getByRole("region", { name: "Log", exact: true }).textContent()).toContain(
      "marking 203.0.113.99 in every view",
    );
    await page.screenshot({ path: join(shots, "panels-flooding.png") });
    // At 1× from here: the drain at 5 s comes 10 s before the file's own flood (10.5 s) writes
    // ALERT lines of its own at 15 s, so there is time to pause with the drain's lines in view.
    await page.getByRole("combobox", { name: "Speed" }).selectOption("1");
    await run.click();

    await expect.poll(() => numberIn(page, "Timers", "timer-firings-ta")).toBeGreaterThan(0);
    await expect.poll(() => numberIn(page, "Queues", "queue-depth-alert")).toBe(0);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    // …and the ALERT lines the timer wrote about it, seconds later, in the Log.
    await expect.poll(() => page.locator(".log-line.related").count()).toBeGreaterThan(0);
    expect(await page.locator(".log-line.related").first().textContent()).toContain("203.0.113.99");
    // The Log draws only the lines in view (plus a few), however many it holds.
    const held = Number(
      /([\d,]+) lines/
        .exec((await page.getByRole("region", { name: "Log", exact: true }).textContent()) ?? "")?.[1]
        ?.replace(/,/g, ""),
    );
    expect(held).toBeGreaterThan(60);
    expect(await page.locator(".log-line").count()).toBeLessThan(60);
    expect(await processes.textContent()).toContain("rtimer ta");
    await page.screenshot({ path: join(shots, "panels-after-drain.png") });

    const rpc = page.getByRole("region", { name: "RPC console", exact: true });
    await rpc.getByRole("textbox").fill("mqueue.get_sizes");
    await rpc.getByRole("textbox").press("Enter");
    await expect.poll(() => rpc.getByRole("log").textContent()).toContain("name: alert");

    // The same run from the CLI: the playground saves the run's traffic (its file plus the
    // Flood), `kamsim run` replays it, and the Log's ALERT lines — indeed the whole log — match.
    await page.getByRole("combobox", { name: "Speed" }).selectOption("Infinity");
    await run.click();
    await expect.poll(() => page.getByRole("status", { name: "Simulation status" }).textContent()).toBe("ended");
    const traffic = join(shots, "..", "playground-run-traffic.json");
    await (await saveDownload(page, () => page.getByRole("button", { name: "Save traffic" }).click())).saveAs(traffic);
    const logFile = await saveDownload(page, () => page.getByRole("button", { name: "Save log as text" }).click());
    const logText = readFileSync((await logFile.path()) ?? "", "utf8");
    // Run beside the config, so its messages name it `kamailio.cfg` as the playground does.
    const cli = spawnSync(
      process.execPath,
      [join(root, "cli", "bin.js"), "run", "kamailio.cfg", "--traffic", traffic],
      {
        cwd: join(root, "examples", "classic"),
        encoding: "utf8",
      },
    );
    expect(cli.status).toBe(0);
    const alerts = (text: string) =>
      text.split("\n").filter((l) => l.includes("ALERT: <script>: ALERT: src [203.0.113.99:"));
    expect(alerts(logText).length).toBeGreaterThan(0);
    expect(alerts(logText)).toEqual(alerts(cli.stdout));
    expect(logText).toBe(cli.stdout);

    await page.setViewportSize({ width: 390, height: 844 });
    // Stacked, and nothing wider than the phone: no sideways scrolling.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole("region", { name: "Traffic", exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "panels-phone.png") });
    for (const name of ["Traffic", "Queues", "Timers", "Pike", "Processes", "RPC console"]) {
      const file = `panels-phone-${name.split(" ")[0]?.toLowerCase()}.png`;
      await page.getByRole("region", { name, exact: true }).screenshot({ path: join(shots, file) });
    }
    await page.close();
  });

  // Last: it picks another example than the classic one the tests above expect.
  it("counts a queue's drops under a Flood at max speed as the replayed run's events do", async () => {
    // queue-overflow adds every request to a 6-item queue: a 2,000/s Flood for 5 s drops
    // thousands, many per frame — more than the recent items a frame carries, which is what
    // the view used to count (the count then depended on the speed).
    const page = await pg.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(pg.url);
    const run = page.getByRole("button", { name: "Run" });
    await expect.poll(() => run.isEnabled()).toBe(true);
    await page.getByRole("combobox", { name: "Examples" }).selectOption("queue-overflow");
    await expect.poll(() => page.getByTestId("queue-drops-events").count()).toBe(1);
    await expect.poll(() => run.isEnabled()).toBe(true);
    await page.getByLabel("Flood rate, requests per second").fill("2000");
    await page.getByLabel("Flood duration, seconds").fill("5");
    await page.getByRole("button", { name: "Flood", exact: true }).click();
    await page.getByRole("combobox", { name: "Speed" }).selectOption("Infinity");
    await run.click();
    await expect.poll(() => page.getByRole("status", { name: "Simulation status" }).textContent()).toBe("ended");
    const traffic = join(shots, "..", "playground-overflow-traffic.json");
    await (await saveDownload(page, () => page.getByRole("button", { name: "Save traffic" }).click())).saveAs(traffic);
    const cli = spawnSync(
      process.execPath,
      [join(root, "cli", "bin.js"), "run", "kamailio.cfg", "--traffic", traffic, "--format", "jsonl", "--events"],
      { cwd: join(root, "examples", "queue-overflow"), encoding: "utf8", maxBuffer: 1 << 30 },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const drops = cli.stdout.split("\n").filter((l) => l.includes('"kind":"mq"') && l.includes('"op":"drop"')).length;
    expect(drops).toBeGreaterThan(5000);
    expect(await numberIn(page, "Queues", "queue-drops-events")).toBe(drops);
    // The pages of this file share one profile: leave no autosaved example to the next one.
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});
