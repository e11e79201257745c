/**
 * Browser tests' support: Debian's Chromium driven by playwright-core (no downloaded browser),
 * and the production build of the playground served from a local static server.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, vi } from "vitest";
import { buildPlayground, releasePlayground } from "./build.js";

const CHROMIUM = "/usr/bin/chromium";

/**
 * Browser tests wait on conditions (a state the page shows), never on elapsed time. How soon a
 * condition holds depends on the machine: on a shared CI runner under load, loading the page or
 * compiling a config can take seconds, and building the playground (each file's `beforeAll`)
 * minutes. These limits only bound such waits — a test passes because its condition held, however
 * soon — so they are generous: a wait (an `expect.poll`, a Playwright action or navigation) gives
 * up after WAIT_MS, a test or a hook after TEST_MS. Importing this file sets them for the file.
 */
export const WAIT_MS = 60_000;
export const TEST_MS = 300_000;
// Only inside Vitest: `npm run bench` imports this file too, outside any test run.
if (process.env.VITEST)
  vi.setConfig({ testTimeout: TEST_MS, hookTimeout: TEST_MS, expect: { poll: { timeout: WAIT_MS, interval: 50 } } });

/** What the browser suites need, as a failing CI run names it. */
export const CHROMIUM_NEED = "Chromium (Debian package chromium, /usr/bin/chromium)";

/** Whether Debian's Chromium is there and runs (a binary that cannot start is as missing as none). */
export function chromiumAvailability(): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(CHROMIUM))
    return { ok: false, reason: `${CHROMIUM} not found (npm test installs it when run as root on Debian)` };
  const v = spawnSync(CHROMIUM, ["--headless", "--no-sandbox", "--version"], { encoding: "utf8", timeout: 30_000 });
  if (v.status !== 0 || v.error || !/Chromium/i.test(`${v.stdout}`))
    return { ok: false, reason: `\`${CHROMIUM} --version\` does not run (${v.error?.message ?? `exit ${v.status}`})` };
  return { ok: true };
}

/** Launches headless Chromium with a fresh profile; `close()` removes the profile too. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "kamsim-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".map": "application/json",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
};

/**
 * Serves a folder on 127.0.0.1 at a free port. With `cacheAssets`, the build's hashed files
 * (assets/) go out as a static host sends them — cacheable for a year, never changing — and the
 * page itself as revalidated each time, so a browser's second visit finds its cache.
 */
export async function serveFolder(
  root: string,
  opts: { cacheAssets?: boolean } = {},
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/")).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    const headers: Record<string, string> = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
    if (opts.cacheAssets)
      headers["cache-control"] = path.includes("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}

/** The production build served locally and a browser on it, for one describe block's tests. */
export interface ServedPlayground {
  url: string;
  context: BrowserContext;
  /** The served build's folder. */
  dist: string;
}

/**
 * Builds the playground, serves it and launches Chromium before the block's tests; stops and
 * removes all of it after them. Call inside `describe`.
 */
export function servePlayground(): ServedPlayground {
  const pg = { url: "", context: undefined as unknown as BrowserContext, dist: "" };
  let server: Server | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    pg.dist = await buildPlayground();
    ({ server, url: pg.url } = await serveFolder(pg.dist));
    ({ context: pg.context, close } = await launchChromium());
  });
  afterAll(async () => {
    await close?.();
    server?.close();
    releasePlayground(pg.dist);
  });
  return pg;
}
