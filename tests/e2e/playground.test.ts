/**
 * The playground in real Chromium, from a production build served locally: it loads from its
 * own origin only, runs the classic example, and its Log shows the flood's ALERT lines.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();
const shots = join(import.meta.dirname, "..", "..", "test-results", "screenshots");

describeNeeding(CHROMIUM_NEED, avail, `playground in Chromium`, () => {
  const pg = servePlayground();

  it("loads from its own origin only, runs the classic example and shows its ALERT lines", async () => {
    const page = await pg.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    const foreign: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(pg.url) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
    });
    await page.goto(pg.url);
    await page.getByRole("button", { name: "Run" }).click();
    const log = page.getByRole("region", { name: "Log", exact: true });
    await expect.poll(() => log.textContent()).toContain("ALERT: <script>: ALERT: src [203.0.113.66:5060]");
    expect(foreign).toEqual([]);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "playground-after-drain.png") });
    await page.close();
  });
});
