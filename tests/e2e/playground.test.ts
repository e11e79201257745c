/**
 * The playground in real Chromium, from a production build served locally: it loads from its
 * own origin only, runs the classic example, and its Log shows the flood's ALERT lines.
 */
import { mkdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailability, launchChromium, serveFolder } from "./browser.js";
import { buildPlayground } from "./build.js";

const avail = chromiumAvailability();
const shots = join(import.meta.dirname, "..", "..", "test-results", "screenshots");

describe.skipIf(!avail.ok)(`playground in Chromium${avail.ok ? "" : ` (skipped: ${avail.reason})`}`, () => {
  let dist = "";
  let server: Server;
  let url = "";
  let context: BrowserContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    dist = await buildPlayground();
    ({ server, url } = await serveFolder(dist));
    ({ context, close } = await launchChromium());
  });

  afterAll(async () => {
    await close?.();
    server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it("loads from its own origin only, runs the classic example and shows its ALERT lines", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    const foreign: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(url) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
    });
    await page.goto(url);
    await page.getByRole("button", { name: "Run" }).click();
    const log = page.getByRole("region", { name: "Log", exact: true });
    await expect
      .poll(() => log.innerText(), { timeout: 20_000 })
      .toContain("ALERT: <script>: ALERT: src [203.0.113.66:5060]");
    expect(foreign).toEqual([]);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "playground-after-drain.png") });
    await page.close();
  });
});
