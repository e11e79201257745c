/**
 * Where the page's main thread goes under load, as Chromium's performance panel would show it:
 * a DevTools trace of a few seconds of the 10k req/s × 10 scenario (or, with `max`, max speed
 * under a 1,500 req/s flood), summed by kind (script, style recalculation, layout, paint) and per
 * display frame, with the recalculations forced from script counted apart; and a CPU profile's
 * busiest functions (an unminified build, so the names are the source's). Prints JSON lines.
 * Usage: node --import tsx bench/profile-page.ts [10x|max] [seconds traced]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { chromiumAvailability, launchChromium, serveFolder } from "../tests/e2e/browser.js";

const avail = chromiumAvailability();
if (!avail.ok) {
  console.log(JSON.stringify({ bench: "profile", skipped: avail.reason }));
  process.exit(0);
}
const mode = process.argv[2] === "max" ? "max" : "10x";
const traceSeconds = Number(process.argv[3] ?? 6);

const traffic = JSON.stringify(
  mode === "max"
    ? {
        duration: 300,
        seed: 5,
        streams: [{ name: "flood", src: "203.0.113.66", method: "INVITE", rate: 1500, pattern: "uniform" }],
      }
    : {
        duration: 600,
        seed: 5,
        streams: [{ name: "callers", src: "10.2.0.0/20", method: "INVITE", rate: 10000, pattern: "poisson" }],
        server: { rx_queue: 100000, request_cost: 0.00001 },
      },
);

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** Thread (CPU) time: what the page itself cost, however loaded the machine. */
  tdur?: number;
  tid: number;
  pid: number;
  ts: number;
  args?: {
    name?: string;
    beginData?: { stackTrace?: unknown };
    data?: { stackTrace?: unknown } & Record<string, unknown>;
  };
}

const root = join(import.meta.dirname, "..");
const dist = mkdtempSync(join(tmpdir(), "kamsim-profile-"));
await build({ root, logLevel: "error", build: { outDir: dist, emptyOutDir: true, minify: false } });
const { url, server } = await serveFolder(dist);
const { context, close } = await launchChromium();
try {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(url);
  await page.getByRole("button", { name: "Run" }).and(page.locator(":enabled")).waitFor();
  await page.evaluate((t) => {
    const w = window as unknown as { kamsim: { setTexts(x: { traffic: string }): void } };
    w.kamsim.setTexts({ traffic: t });
  }, traffic);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("button", { name: "Run" }).and(page.locator(":enabled")).waitFor();
  await page.getByLabel("Speed").selectOption(mode === "max" ? "Infinity" : "10");
  await page.evaluate(`
    window.__frames = 0;
    requestAnimationFrame(function tick() { window.__frames++; requestAnimationFrame(tick); });
  `);
  await page.getByRole("button", { name: "Run" }).click();
  // Past the start (the log ring and series fill within seconds at this rate).
  await page.waitForTimeout(5000);
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (d) => {
    events.push(...(d.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,toplevel",
    transferMode: "ReportEvents",
  });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const f0 = (await page.evaluate("window.__frames")) as number;
  await page.waitForTimeout(traceSeconds * 1000);
  const f1 = (await page.evaluate("window.__frames")) as number;
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
  await cdp.send("Tracing.end");
  await done;

  // The page's main thread: of the threads named CrRendererMain, the one that ran the frames
  // (the busiest; others are idle frames of other documents).
  const mains = events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && e.ph === "M");
  const busyOf = (m: TraceEvent) =>
    events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === "X").reduce((a, e) => a + (e.dur ?? 0), 0);
  const main = mains.sort((a, b) => busyOf(b) - busyOf(a))[0];
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  const sum = (pred: (e: TraceEvent) => boolean) => onMain.filter(pred).reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
  const frames = Math.max(1, f1 - f0);
  // Top-level tasks only (a task's trace event can nest another of the same kind).
  const tasks: TraceEvent[] = [];
  for (const e of onMain
    .filter((x) => x.name === "RunTask" || x.name === "ThreadControllerImpl::RunTask")
    .sort((a, b) => a.ts - b.ts)) {
    const prev = tasks[tasks.length - 1];
    if (!prev || e.ts >= prev.ts + (prev.dur ?? 0)) tasks.push(e);
  }
  const kinds = [
    "FunctionCall",
    "FireAnimationFrame",
    "TimerFire",
    "UpdateLayoutTree",
    "Layout",
    "PrePaint",
    "Paint",
    "Layerize",
    "Commit",
  ];
  const per: Record<string, number> = {};
  for (const k of kinds) per[k] = Number((sum((e) => e.name === k) / frames).toFixed(2));
  const cpu = (pred: (e: TraceEvent) => boolean) =>
    onMain.filter(pred).reduce((a, e) => a + (e.tdur ?? e.dur ?? 0), 0) / 1000;
  const cpuPer: Record<string, number> = {};
  for (const k of kinds) cpuPer[k] = Number((cpu((e) => e.name === k) / frames).toFixed(2));
  const taskCpuMs = cpu((e) => tasks.includes(e));
  const forced = onMain.filter(
    (e) =>
      (e.name === "UpdateLayoutTree" || e.name === "Layout") &&
      (e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace),
  );
  console.log(
    JSON.stringify({
      bench: `profile.${mode}`,
      traced_s: traceSeconds,
      fps: Number((frames / traceSeconds).toFixed(1)),
      main_thread_busy_pct: Number(((sum((e) => tasks.includes(e)) / (traceSeconds * 1000)) * 100).toFixed(1)),
      longest_task_ms: Math.round(Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000))),
      longest_task_cpu_ms: Math.round(Math.max(0, ...tasks.map((e) => (e.tdur ?? e.dur ?? 0) / 1000))),
      ms_per_frame: per,
      // CPU time of the main thread: the same work, without the waits of a shared machine.
      main_thread_cpu_ms_per_frame: Number((taskCpuMs / frames).toFixed(2)),
      main_thread_cpu_pct: Number(((taskCpuMs / (traceSeconds * 1000)) * 100).toFixed(1)),
      cpu_ms_per_frame: cpuPer,
      forced_style_or_layout_per_frame: Number((forced.length / frames).toFixed(1)),
      forced_ms_per_frame: Number((forced.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000 / frames).toFixed(2)),
    }),
  );
  // The longest tasks and what they spent it on (their biggest inner events).
  const longest = [...tasks].sort((x, y) => (y.dur ?? 0) - (x.dur ?? 0)).slice(0, 3);
  const inner = longest.map((task) => ({
    ms: Math.round((task.dur ?? 0) / 1000),
    cpu_ms: Math.round((task.tdur ?? 0) / 1000),
    biggest: onMain
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0))
      .sort((x, y) => (y.dur ?? 0) - (x.dur ?? 0))
      .slice(0, 4)
      .map(
        (e) => `${e.name} ${Math.round((e.dur ?? 0) / 1000)} ms ${JSON.stringify(e.args?.data ?? {}).slice(0, 120)}`,
      ),
  }));
  console.log(JSON.stringify({ bench: `profile.${mode}.longest_tasks`, tasks: inner }));
  console.log(JSON.stringify({ bench: `profile.${mode}.functions`, self_ms: topFunctions(profile, 15) }));
  console.log(JSON.stringify({ bench: `profile.${mode}.functions`, total_ms: topFunctions(profile, 25, true) }));
} finally {
  await close();
  server.close();
  // KAMSIM_PROFILE_KEEP: keep the build, to read the lines the profile names.
  if (process.env.KAMSIM_PROFILE_KEEP) console.log(JSON.stringify({ build: dist }));
  else rmSync(dist, { recursive: true, force: true });
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time (or, with `total`, time with their callees), in ms, named `function (file:line)`. */
function topFunctions(p: CpuProfile, n: number, total = false): Record<string, number> {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const name = (id: number) => {
    const f = (byId.get(id) as CpuProfile["nodes"][number]).callFrame;
    return `${f.functionName || "(anonymous)"} (${f.url.split("/").pop()}:${f.lineNumber + 1})`;
  };
  const time = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    let id: number | undefined = p.samples[i] as number;
    const seen = new Set<string>();
    while (id !== undefined && byId.has(id)) {
      const key = name(id);
      if (!seen.has(key)) time.set(key, (time.get(key) ?? 0) + ms);
      seen.add(key);
      if (!total) break;
      id = parent.get(id);
    }
  }
  return Object.fromEntries(
    [...time.entries()]
      .filter(([k]) => !total || !/^\((root|program|idle)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => [k, Number(v.toFixed(1))]),
  );
}
