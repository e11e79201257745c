/**
 * The playground's performance in Chromium (issue 5): with 10,000 req/s of traffic at 10× speed,
 * frames per second, the longest main-thread task, and the page's heap over 10 minutes of
 * virtual time; and how soon a production build is usable after navigation. Prints JSON lines.
 * Skipped (with a line saying why) when Debian's chromium is not installed.
 */
import { chromiumAvailability, launchChromium, serveFolder } from "../tests/e2e/browser.js";
import { buildPlayground, releasePlayground } from "../tests/e2e/build.js";

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

const dist = await buildPlayground();
const { url, server } = await serveFolder(dist);
const { context, close } = await launchChromium();
try {
  // Startup: navigation → editor shown and Run enabled.
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  const t0 = Date.now();
  await page.goto(url);
  await page.getByRole("button", { name: "Run" }).and(page.locator(":enabled")).waitFor();
  await page.locator(".editor-host").first().waitFor();
  const usableMs = Date.now() - t0;
  console.log(JSON.stringify({ bench: "browser.startup", usable_ms: usableMs, target_ms: 1500 }));

  // Load: 10,000 req/s at 10×, for 600 virtual seconds (60 wall seconds).
  await page.evaluate((t) => {
    const w = window as unknown as { kamsim: { setTexts(x: { traffic: string }): void } };
    w.kamsim.setTexts({ traffic: t });
  }, traffic);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("button", { name: "Run" }).and(page.locator(":enabled")).waitFor();
  await page.getByLabel("Speed").selectOption("10");
  // A string, not a function: the bundler that runs this file would wrap named functions.
  await page.evaluate(`
    window.__bench = { frames: 0, long: [], heap: [] };
    requestAnimationFrame(function tick() { window.__bench.frames++; requestAnimationFrame(tick); });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.long.push(e.duration); })
      .observe({ type: "longtask", buffered: false });
    setInterval(() => { if (performance.memory) window.__bench.heap.push(performance.memory.usedJSHeapSize); }, 1000);
  `);
  await page.getByRole("button", { name: "Run" }).click();
  const wallStart = Date.now();
  // The heap after a full collection, every 15 s of wall time (150 s of virtual time): what the
  // page keeps, without the garbage that happens to be waiting. Taken over the DevTools protocol.
  const cdp = await context.newCDPSession(page);
  const retainedMb: number[] = [];
  const sampler = setInterval(() => {
    void (async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      const u = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
      retainedMb.push(Number((u.usedSize / 1e6).toFixed(1)));
    })().catch(() => undefined);
  }, 15_000);
  await page.waitForFunction(
    () => /ended/.test(document.querySelector('[aria-label="Simulation status"]')?.textContent ?? ""),
    undefined,
    {
      timeout: 180_000,
      polling: 500,
    },
  );
  const wallMs = Date.now() - wallStart;
  clearInterval(sampler);
  const r = await page.evaluate(
    () => (window as unknown as { __bench: { frames: number; long: number[]; heap: number[] } }).__bench,
  );
  // The log ring (20,000 lines) and the series (4,000 points) fill during the run, then stay.
  const logText = (await page.getByRole("region", { name: "Log", exact: true }).textContent()) ?? "";
  const logLines = Number(/([\d,]+) lines/.exec(logText)?.[1]?.replace(/,/g, "") ?? Number.NaN);
  const heapMb = r.heap.map((h) => h / 1e6);
  const third = Math.max(1, Math.floor(heapMb.length / 3));
  const early = Math.max(...heapMb.slice(0, third));
  const late = Math.max(...heapMb.slice(-third));
  console.log(
    JSON.stringify({
      bench: "browser.10000rps.10x.600s",
      wall_s: Number((wallMs / 1000).toFixed(1)),
      fps: Number(((r.frames * 1000) / wallMs).toFixed(1)),
      target_fps: 55,
      longest_task_ms: Math.round(Math.max(0, ...r.long)),
      long_tasks: r.long.length,
      target_longest_task_ms: 50,
      heap_mb_first_third_max: Number(early.toFixed(1)),
      heap_mb_last_third_max: Number(late.toFixed(1)),
      heap_mb_after_gc_every_150s_virtual: retainedMb,
      log_lines_held: logLines,
    }),
  );
} finally {
  await close();
  server.close();
  releasePlayground(dist);
}
