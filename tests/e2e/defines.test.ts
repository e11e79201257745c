/**
 * The defines box (issue 12 §6) in the production build: a config with `#!ifdef WITH_X … #!else
 * … #!endif` shows its #!ifdef branch dimmed; typing WITH_X in the box dims the #!else branch
 * instead, and the run logs the #!ifdef branch's line.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();
const shots = join(import.meta.dirname, "..", "..", "test-results", "screenshots");

const CONFIG = `debug=2
children=1
loadmodule "xlog.so"
request_route {
#!ifdef WITH_X
    xlog("L_INFO", "with x\\n");
#!else
    xlog("L_INFO", "without\\n");
#!endif
    exit;
}
`;
const TRAFFIC = JSON.stringify({
  duration: 1,
  streams: [{ name: "one", src: "192.0.2.1", method: "OPTIONS", rate: 1, pattern: "uniform", count: 1 }],
});

type KamsimWindow = { kamsim: { setTexts(t: { config?: string; traffic?: string }): void } };

/** Whether the editor draws the line holding `text` faded (Monaco's inline decoration spans). */
const dimmed = (page: Page, text: string) =>
  page.evaluate((t) => {
    // Monaco draws spaces as no-break spaces.
    const line = [...document.querySelectorAll(".view-line")].find((l) =>
      l.textContent?.replaceAll("\u00a0", " ").includes(t),
    );
    return line ? line.querySelector(".pp-inactive") !== null : undefined;
  }, text);
const status = (page: Page) => page.getByRole("status", { name: "Simulation status" }).textContent();

describeNeeding(CHROMIUM_NEED, avail, "defines box in Chromium", () => {
  const pg = servePlayground();

  it("dims the inactive #!ifdef branch, follows the box, and runs with its defines", async () => {
    const page = await pg.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(pg.url);
    await expect.poll(() => status(page)).toMatch(/ready/);
    await page.evaluate(
      ({ config, traffic }) => (window as unknown as KamsimWindow).kamsim.setTexts({ config, traffic }),
      { config: CONFIG, traffic: TRAFFIC },
    );
    const inactive = page.getByRole("status", { name: "Inactive lines" });
    await expect.poll(() => inactive.textContent()).toBe("line 6 not read (#!ifdef)");
    await expect.poll(() => dimmed(page, '"with x')).toBe(true);
    expect(await dimmed(page, '"without')).toBe(false);

    const box = page.getByRole("textbox", { name: "Defines" });
    await box.fill("WITH_X");
    await expect.poll(() => inactive.textContent()).toBe("line 8 not read (#!ifdef)");
    await expect.poll(() => dimmed(page, '"without')).toBe(true);
    expect(await dimmed(page, '"with x')).toBe(false);

    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "defines-with-x.png") });

    await page.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => status(page)).toBe("ended");
    const log = await page.getByRole("region", { name: "Log", exact: true }).textContent();
    expect(log).toContain("INFO: <script>: with x");
    expect(log).not.toContain("without");

    // A mistake in the box is said there, in the CLI's words, and nothing is loaded with it.
    await box.fill("WITH_X -D=");
    await expect
      .poll(() => page.locator("#defines-note").textContent())
      .toBe("-D needs NAME[=VALUE], not '=' (no name before '=')");
    expect(await box.getAttribute("aria-invalid")).toBe("true");
    await page.close();
  });
});
