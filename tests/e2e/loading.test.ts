/**
 * The production build's loading state and early loads: index.html alone shows that the page is
 * loading (in the system's light or dark colours) and has asked for Monaco, before the page's
 * script runs; the app replaces the loading state when it mounts. The dev server's page is
 * checked in dev-server.test.ts.
 */
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground, WAIT_MS } from "./browser.js";
import { monacoCoreChunk } from "./build.js";
import { checkLoadingState } from "./loading-state.js";

const avail = chromiumAvailability();

describeNeeding(CHROMIUM_NEED, avail, `loading the playground`, () => {
  const pg = servePlayground();

  it("shows a loading state before any script runs, gone once the app has mounted; Monaco is asked for at once", async () => {
    const page = await pg.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    const asked = await checkLoadingState(page, pg.url, /\/assets\/index-[^/]*\.js$/, { timeout: WAIT_MS });
    // Monaco's chunk was requested by index.html while the page's own script was still held.
    const core = monacoCoreChunk(pg.dist).js;
    expect(asked.some((u) => u.endsWith(`/assets/${core}`))).toBe(true);
    // And the editor, once there, shows the config.
    await expect.poll(() => page.locator(".monaco-editor .view-lines").textContent()).toContain("#!KAMAILIO");
    await page.close();
  });

  it("draws the config in Monaco before it renders the dashboard's panels, then renders them", async () => {
    const page = await pg.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    // Watched from before any script runs: the frame in which each first appears.
    await page.addInitScript(`
      window.__frames = {};
      (function watch(n) {
        const f = window.__frames;
        const lines = document.querySelector(".monaco-editor .view-lines");
        if (f.editor === undefined && lines && lines.textContent.includes("KAMAILIO")) f.editor = n;
        if (f.panels === undefined && document.querySelector('section[aria-label="Queues"]')) f.panels = n;
        if (f.editor === undefined || f.panels === undefined) requestAnimationFrame(() => watch(n + 1));
      })(0);
    `);
    await page.goto(pg.url);
    const frames = () => page.evaluate(() => (window as unknown as { __frames: Record<string, number> }).__frames);
    await expect
      .poll(async () => Object.keys(await frames()).sort(), { timeout: WAIT_MS })
      .toEqual(["editor", "panels"]);
    const f = await frames();
    expect(f.editor).toBeLessThan(f.panels as number);
    await page.close();
  });
});
