/**
 * The playground's performance in Chromium (issue 5): with 10,000 req/s of traffic at 10× speed,
 * frames per second, the longest main-thread task, and the page's heap over 10 minutes of
 * virtual time; the same at max speed under a 1,500 req/s flood for 5 virtual minutes (issue 9);
 * with calls, first-call's config and 2,000 phones at 200 calls/s at 10×, the Ladder in view
 * (issue 12); and how soon a production build is ready after navigation. Prints JSON lines (the load
 * scenarios: bench/browser-load.ts; the start: bench/browser-startup.ts).
 * Skipped (with a line saying why) when Debian's chromium is not installed.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromiumAvailability, launchChromium, serveFolder } from "../tests/e2e/browser.js";
import { buildPlayground, releasePlayground } from "../tests/e2e/build.js";
import { runLoad } from "./browser-load.js";
import { measureStartup } from "./browser-startup.js";
import { callsTraffic } from "./calls.js";

const avail = chromiumAvailability();
if (!avail.ok) {
  console.log(JSON.stringify({ bench: "browser", skipped: avail.reason }));
  process.exit(0);
}

const traffic = JSON.stringify({
  duration: 600,
  seed: 5,
  streams: [
    { name: "callers", src: "10.2.0.0/20", method: "INVITE", rate: 10000, pattern: "poisson" },
    { name: "flood", src: "203.0.113.66", method: "INVITE", rate: 500, pattern: "uniform", start: 60.5, stop: 120.5 },
  ],
  server: { rx_queue: 100000, request_cost: 0.00001 },
});

/** The classic example's callers and a 1,500 req/s flood from one address, for 5 minutes. */
const floodTraffic = JSON.stringify({
  duration: 300,
  seed: 5,
  streams: [
    { name: "callers", src: "192.0.2.0/28", method: "INVITE", rate: 2, pattern: "poisson" },
    { name: "flood", src: "203.0.113.66", method: "INVITE", rate: 1500, pattern: "uniform", start: 0.5 },
  ],
});

const dist = await buildPlayground();
const { url, server } = await serveFolder(dist, { cacheAssets: true });
const { context, close } = await launchChromium();
try {
  // Startup: first visits, navigation → Monaco has drawn the config and Run is enabled, then
  // repeat visits (bench/browser-startup.ts). Then the page the load scenarios use.
  console.log(JSON.stringify(await measureStartup(url, 7)));
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(url);
  await page.getByRole("button", { name: "Run" }).and(page.locator(":enabled")).waitFor();

  // Load: 10,000 req/s at 10×, for 600 virtual seconds (60 wall seconds).
  await runLoad(context, page, {
    bench: "browser.10000rps.10x.600s",
    traffic,
    speed: "10",
    timeoutMs: 180_000,
    // Every 15 s of wall time: every 150 s of virtual time.
    sampleEveryMs: 15_000,
    targets: { target_fps: 55, target_longest_task_ms: 50 },
  });

  // Load: max speed under a 1,500 req/s flood from one address for 5 virtual minutes (issue 9):
  // frames keep flowing, no task over 200 ms, the retained heap stays flat.
  await runLoad(context, page, {
    bench: "browser.flood1500rps.max.300s",
    traffic: floodTraffic,
    speed: "Infinity",
    timeoutMs: 600_000,
    // The run lasts seconds to a minute of wall time, depending on the machine.
    sampleEveryMs: 2_500,
    targets: { target_longest_task_ms: 200 },
  });

  // Calls (issue 12): the first-call example's config with 2,000 phones placing 200 calls a
  // second (bench/calls.ts's traffic) for 2 virtual minutes at 10×, the Ladder in view: every
  // message is a row for it. Last, as it replaces the config.
  await runLoad(context, page, {
    bench: "browser.first-call.200cps.10x.120s.ladder",
    config: readFileSync(join(import.meta.dirname, "..", "examples", "first-call", "kamailio.cfg"), "utf8"),
    traffic: callsTraffic(2000, 200, 30, 120),
    speed: "10",
    timeoutMs: 300_000,
    sampleEveryMs: 5_000,
    targets: { target_fps: 55, target_longest_task_ms: 50 },
    whileRunning: (p) => p.getByRole("region", { name: "Ladder" }).evaluate((el) => el.scrollIntoView()),
  });
} finally {
  await close();
  server.close();
  releasePlayground(dist);
}
