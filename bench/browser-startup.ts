/**
 * How soon the playground's production build is ready after navigation (issue 9): ready when
 * Monaco has drawn the config (the editor's view lines show its first line) and Run is enabled —
 * not when the editor's empty pane appears. Each load is a first visit: a fresh Chromium and
 * profile (no HTTP or code cache). Then, separately labelled, repeat visits in one browser (the
 * HTTP and code caches warm, as for someone who comes back). Times are the page's own clock from navigation, read in the
 * first animation frame where each condition holds. The machine is shared, so several loads are
 * made and the 1-minute load average is printed beside them, with the main thread's CPU time
 * until ready (from a DevTools trace), which the other processes' load hardly changes.
 *
 * `npx tsx bench/browser-startup.ts [loads]` runs it alone (builds the playground, or serves
 * KAMSIM_PLAYGROUND_DIST); bench/browser.ts runs it as part of `npm run bench`.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { chromiumAvailability, launchChromium, serveFolder } from "../tests/e2e/browser.js";
import { buildPlayground, releasePlayground } from "../tests/e2e/build.js";

const TARGET_MS = 1000;

/** The first line of the config a fresh profile opens (the classic example). */
const FIRST_LINE = (
  readFileSync(join(import.meta.dirname, "..", "examples", "classic", "kamailio.cfg"), "utf8").split("\n")[0] ?? ""
).trim();

interface Load {
  /** Monaco has drawn the config's first line. */
  editor: number;
  /** Run is enabled (the worker has loaded the config). */
  run: number;
  /**
   * The CPU time of the page's main thread until ready, in ms: the thread time of its tasks in a
   * DevTools trace. Unlike the wall times, it hardly grows when other processes take the cores.
   */
  mainThreadCpu: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  tdur?: number;
  args?: { name?: string; data?: { message?: string } };
}

/** The main thread's CPU time in the tasks that started before the page said it was ready. */
function mainThreadCpuMs(events: TraceEvent[]): number {
  const ready = events.find((e) => e.name === "TimeStamp" && e.args?.data?.message === "kamsim-ready");
  if (!ready) return Number.NaN;
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.pid === ready.pid && e.args?.name === "CrRendererMain",
  );
  if (!main) return Number.NaN;
  const tasks = events.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.name === "ThreadControllerImpl::RunTask",
  );
  return Math.round(tasks.filter((e) => e.ts <= ready.ts).reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000);
}

// A string, not a function: the bundler that runs this file would wrap named functions.
const WATCH = `
  window.__startup = {};
  (function poll() {
    const r = window.__startup;
    const lines = document.querySelector(".monaco-editor .view-lines");
    if (r.editor === undefined && lines && lines.textContent.replace(/\\u00a0/g, " ").includes(${JSON.stringify(FIRST_LINE)}))
      r.editor = performance.now();
    if (r.run === undefined && document.querySelector('button[aria-label="Run"]:enabled')) r.run = performance.now();
    if (r.editor === undefined || r.run === undefined) requestAnimationFrame(poll);
    else console.timeStamp("kamsim-ready");
  })();
`;

/** Waits until the page (watched by WATCH) has drawn the config and enabled Run; their times. */
async function readyTimes(page: Page): Promise<{ editor: number; run: number }> {
  await page.waitForFunction(
    () => {
      const r = (window as unknown as { __startup: { editor?: number; run?: number } }).__startup;
      return r.editor !== undefined && r.run !== undefined;
    },
    undefined,
    { polling: "raf" },
  );
  return page.evaluate(() => (window as unknown as { __startup: { editor: number; run: number } }).__startup);
}

/**
 * Repeat visits: one browser opens the page once (not counted), then `visits` times more, each
 * after a blank page and a pause (time for Chromium to keep the compiled code). The build's
 * hashed files come from the HTTP cache and their code from V8's code cache, as for someone
 * who opens the playground again; served with the headers a static host sends for them
 * (serveFolder's cacheAssets).
 */
async function repeatVisits(url: string, visits: number): Promise<number[]> {
  const { context, close } = await launchChromium();
  try {
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    const ready: number[] = [];
    for (let i = 0; i <= visits; i++) {
      await page.goto(url);
      const r = await readyTimes(page);
      if (i > 0) ready.push(Math.round(Math.max(r.editor, r.run)));
      await page.goto("about:blank");
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    return ready;
  } finally {
    await close();
  }
}

async function oneLoad(url: string): Promise<Load> {
  const { context, close } = await launchChromium();
  try {
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", (d) => events.push(...(d.value as unknown as TraceEvent[])));
    const traced = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.start", { categories: "toplevel,devtools.timeline", transferMode: "ReportEvents" });
    await page.goto(url);
    const r = await readyTimes(page);
    await cdp.send("Tracing.end");
    await traced;
    return { editor: Math.round(r.editor), run: Math.round(r.run), mainThreadCpu: mainThreadCpuMs(events) };
  } finally {
    await close();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** `loads` first visits of `url`; one JSON-ready summary. */
export async function measureStartup(url: string, loads: number): Promise<Record<string, unknown>> {
  const all: Load[] = [];
  const load: number[] = [];
  for (let i = 0; i < loads; i++) {
    load.push(loadavg()[0] ?? Number.NaN);
    all.push(await oneLoad(url));
  }
  const ready = all.map((l) => Math.max(l.editor, l.run));
  const again = await repeatVisits(url, loads);
  return {
    bench: "browser.startup",
    loads,
    ready_ms_median: median(ready),
    ready_ms_min: Math.min(...ready),
    ready_ms_max: Math.max(...ready),
    ready_ms: ready,
    editor_drawn_ms_median: median(all.map((l) => l.editor)),
    run_enabled_ms_median: median(all.map((l) => l.run)),
    main_thread_cpu_ms_median: median(all.map((l) => l.mainThreadCpu)),
    target_ms: TARGET_MS,
    // The same page opened again in the same browser: the HTTP and code caches are warm.
    repeat_visit_ready_ms_median: median(again),
    repeat_visit_ready_ms: again,
    load_avg_1m: load.map((x) => Number(x.toFixed(1))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const avail = chromiumAvailability();
  if (!avail.ok) {
    console.log(JSON.stringify({ bench: "browser.startup", skipped: avail.reason }));
    process.exit(0);
  }
  const dist = await buildPlayground();
  const { url, server } = await serveFolder(dist, { cacheAssets: true });
  try {
    console.log(JSON.stringify(await measureStartup(url, Number(process.argv[2] ?? 7))));
  } finally {
    server.close();
    releasePlayground(dist);
  }
}
