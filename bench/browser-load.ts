/**
 * One load scenario of the browser benchmark (bench/browser.ts): the page's config with a traffic
 * file of the scenario's, run at a speed until the run ends, measuring what the user feels —
 * frames per second (overall and per tenth of the run: frames must keep flowing to the end),
 * the main thread's long tasks, and the heap the page retains (after a full collection, sampled
 * over the run: it must stay flat). Prints one JSON line.
 */
import type { BrowserContext, Page } from "playwright-core";

export interface LoadScenario {
  bench: string;
  traffic: string;
  /** The Speed menu's value: "10", "Infinity"… */
  speed: string;
  /** Wall time allowed for the run (ms). */
  timeoutMs: number;
  /** Wall ms between retained-heap samples. */
  sampleEveryMs: number;
  targets: Record<string, number>;
  /** The config to run (the page's current one when absent). */
  config?: string;
  /** Done once the run is running (Run's click scrolls the dashboard to the controls: e.g. a view back into sight). */
  whileRunning?: (page: Page) => Promise<void>;
}

interface PageBench {
  /** performance.now() when the measuring started. */
  t0: number;
  frames: number[];
  long: { start: number; duration: number }[];
  heap: number[];
}

export async function runLoad(context: BrowserContext, page: Page, sc: LoadScenario): Promise<void> {
  await page.evaluate((t) => {
    const w = window as unknown as { kamsim: { setTexts(x: { traffic: string }): void } };
    w.kamsim.setTexts({ traffic: t });
  }, sc.traffic);
  if (sc.config !== undefined)
    await page.evaluate((c) => {
      const w = window as unknown as { kamsim: { setTexts(x: { config: string }): void } };
      w.kamsim.setTexts({ config: c });
    }, sc.config);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("button", { name: "Run" }).and(page.locator(":enabled")).waitFor();
  await page.getByLabel("Speed").selectOption(sc.speed);
  // A string, not a function: the bundler that runs this file would wrap named functions.
  // Frames are counted per wall second, to see whether they keep flowing to the end. The counter,
  // the observer and the sampler are installed once per page: a second scenario on the same page
  // resets only what they write into (installed twice, they counted every frame and task twice).
  await page.evaluate(`
    window.__bench = { t0: performance.now(), frames: [], long: [], heap: [] };
    if (!window.__benchInstalled) {
      window.__benchInstalled = true;
      requestAnimationFrame(function tick(now) {
        const s = Math.floor((now - window.__bench.t0) / 1000);
        if (s >= 0) window.__bench.frames[s] = (window.__bench.frames[s] || 0) + 1;
        requestAnimationFrame(tick);
      });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__bench.long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: false });
      setInterval(() => { if (performance.memory) window.__bench.heap.push(performance.memory.usedJSHeapSize); }, 1000);
    }
  `);
  await page.getByRole("button", { name: "Run" }).click();
  const wallStart = Date.now();
  if (sc.whileRunning) {
    await page.getByRole("status", { name: "Simulation status" }).getByText("running").waitFor();
    await sc.whileRunning(page);
  }
  // The heap after a full collection, taken over the DevTools protocol: what the page keeps,
  // without the garbage that happens to be waiting. The collection is a main-thread task of the
  // benchmark's own, so long tasks during it are not the page's (counted apart).
  const cdp = await context.newCDPSession(page);
  const retained: { t_s: number; mb: number }[] = [];
  const gcWindows: [number, number][] = [];
  let sampling = Promise.resolve();
  const sampler = setInterval(() => {
    sampling = (async () => {
      const a = (await page.evaluate("performance.now()")) as number;
      await cdp.send("HeapProfiler.collectGarbage");
      const u = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
      const b = (await page.evaluate("performance.now()")) as number;
      gcWindows.push([a, b]);
      const clock = (await page.getByLabel("Virtual time").textContent()) ?? "";
      const t = Number(/([\d.]+)/.exec(clock)?.[1] ?? Number.NaN);
      retained.push({ t_s: Math.round(t), mb: Number((u.usedSize / 1e6).toFixed(1)) });
    })().catch(() => undefined);
  }, sc.sampleEveryMs);
  await page.waitForFunction(
    () => /ended/.test(document.querySelector('[aria-label="Simulation status"]')?.textContent ?? ""),
    undefined,
    { timeout: sc.timeoutMs, polling: 500 },
  );
  const wallMs = Date.now() - wallStart;
  clearInterval(sampler);
  await sampling;
  const r = (await page.evaluate("window.__bench")) as PageBench;
  const pageMs = ((await page.evaluate("performance.now()")) as number) - r.t0;
  const duringGc = (l: { start: number; duration: number }) =>
    gcWindows.some(([a, b]) => l.start < b && l.start + l.duration > a);
  // Observer callbacks can come late on a loaded machine: a task from before this scenario (the
  // previous one's end, this one's load) may be reported after the reset. Only tasks since t0.
  const own = r.long.filter((l) => l.start >= r.t0 && !duringGc(l));
  const frames = Array.from(r.frames, (n) => n ?? 0);
  const seconds = Math.max(1, Math.floor(wallMs / 1000));
  const total = frames.slice(0, seconds).reduce((a, n) => a + n, 0);
  // fps per tenth of the run (whole seconds; per second for a run shorter than ten).
  const byTenth: number[] = [];
  const parts = Math.min(10, seconds);
  for (let i = 0; i < parts; i++) {
    const [a, b] = [Math.floor((i * seconds) / parts), Math.floor(((i + 1) * seconds) / parts)];
    byTenth.push(Number((frames.slice(a, b).reduce((x, n) => x + n, 0) / (b - a)).toFixed(1)));
  }
  const busyMs = own.reduce((a, l) => a + l.duration, 0);
  // The JS heap as the page sees it (garbage included), early in the run and late.
  const heapMb = r.heap.map((h) => h / 1e6);
  const third = Math.max(1, Math.floor(heapMb.length / 3));
  // The log ring (20,000 lines) and the series (4,000 points) fill during the run, then stay.
  const logText = (await page.getByRole("region", { name: "Log", exact: true }).textContent()) ?? "";
  const logLines = Number(/([\d,]+) lines/.exec(logText)?.[1]?.replace(/,/g, "") ?? Number.NaN);
  console.log(
    JSON.stringify({
      bench: sc.bench,
      wall_s: Number((wallMs / 1000).toFixed(1)),
      fps: Number((total / seconds).toFixed(1)),
      fps_by_tenth_of_run: byTenth,
      longest_task_ms: Math.round(Math.max(0, ...own.map((l) => l.duration))),
      long_tasks: own.length,
      // Of the page's time since measuring started (its own clock).
      long_task_share_pct: Number(((busyMs / pageMs) * 100).toFixed(1)),
      long_tasks_during_forced_gc: r.long.filter((l) => l.start >= r.t0 && duringGc(l)).length,
      // With them (an upper bound: a window spans the protocol's round trips, not the collection only).
      longest_task_ms_with_forced_gc: Math.round(
        Math.max(0, ...r.long.filter((l) => l.start >= r.t0).map((l) => l.duration)),
      ),
      ...sc.targets,
      heap_mb_first_third_max: Number(Math.max(...heapMb.slice(0, third)).toFixed(1)),
      heap_mb_last_third_max: Number(Math.max(...heapMb.slice(-third)).toFixed(1)),
      retained_heap_mb_after_gc: retained,
      log_lines_held: logLines,
    }),
  );
}
