/**
 * An rtimer firing every microsecond with an xlog route, at max speed (issue 9 §4 "The page
 * freezes": main-thread tasks of 6 s and 75 s, 4.6 GB, and Reset did nothing). Frames are bounded
 * and applied in proportion to their size, so the page keeps answering: the Timers view counts
 * every firing (more than the 4,000 its lane keeps), Pause pauses, and Reset brings the run back
 * to t = 0 with no firing.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { NO_REQUESTS, RTIMER_EVERY_MICROSECOND } from "../support/rtimer-every-microsecond.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();

type KamsimWindow = { kamsim: { setTexts(t: { config?: string; traffic?: string }): void } };

const status = (page: Page) => page.getByRole("status", { name: "Simulation status" }).textContent();
const clock = async (page: Page) =>
  Number(/t = ([\d.]+) s/.exec((await page.getByLabel("Virtual time").textContent()) ?? "")?.[1]);
const fired = async (page: Page) =>
  Number(((await page.getByTestId("timer-firings-t").textContent()) ?? "").replace(/[^\d]/g, ""));

describeNeeding(CHROMIUM_NEED, avail, "a timer firing every microsecond at max speed", () => {
  const pg = servePlayground();

  it("keeps the page answering: exact firing count, Pause, then Reset to t = 0", async () => {
    const page = await pg.context.newPage();
    await page.goto(pg.url);
    await expect.poll(() => status(page)).toMatch(/ready|paused|ended/);
    await page.evaluate(
      ([config, traffic]) => (window as unknown as KamsimWindow).kamsim.setTexts({ config, traffic }),
      [RTIMER_EVERY_MICROSECOND, NO_REQUESTS] as const,
    );
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => status(page)).toBe("ready");
    await page.getByRole("combobox", { name: "Speed" }).selectOption(String(Number.POSITIVE_INFINITY));
    await page.getByRole("button", { name: "Run" }).click();
    // More firings than the lane keeps: the count is the worker's, not the list's length.
    await expect.poll(() => fired(page)).toBeGreaterThan(10_000);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await expect.poll(() => status(page)).toBe("paused");
    const paused = await clock(page);
    expect(paused).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => clock(page)).toBeGreaterThan(paused);
    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => status(page)).toBe("ready");
    expect(await clock(page)).toBe(0);
    expect(await fired(page)).toBe(0);
    await page.close();
  });
});
