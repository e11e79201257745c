/**
 * The page `npm start` serves, in real Chromium from a production build: it loads offline from
 * its own origin, shows the classic example and what the engine says about it.
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

describe.skipIf(!avail.ok)(`playground page in Chromium${avail.ok ? "" : ` (skipped: ${avail.reason})`}`, () => {
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

  it("loads from its own origin only and shows the classic example, checked", async () => {
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith("data:")) foreign.push(r.url());
    });
    await page.goto(url);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("no diagnostics");
    expect(await page.locator("h1").textContent()).toContain("Kamailio 5.6");
    expect(await page.getByLabel("kamailio.cfg").textContent()).toContain('mq_add("alert"');
    expect(foreign).toEqual([]);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "placeholder.png") });
    await page.close();
  });
});
