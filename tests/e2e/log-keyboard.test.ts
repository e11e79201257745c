/**
 * The Log for keyboard users and at large text (issue 9 §2): its lines are a listbox reached with
 * Tab, the arrows move through them, Enter opens a line's details and Escape closes them; at the
 * largest text size (A+ to 2×) no row overlaps the next (the virtualised rows' height follows the
 * font); and on a phone the page has one scroll container and no blank page below the app.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();
/** The classic example's log, as the Log shows it once the run has ended. */
const classicLog = readFileSync(join(import.meta.dirname, "..", "..", "examples", "classic", "expected.log"), "utf8")
  .split("\n")
  .filter(Boolean);

describeNeeding(CHROMIUM_NEED, avail, "the Log by keyboard, at large text, and the phone layout", () => {
  const pg = servePlayground();

  /** The classic example run to its end at max speed: 266 log lines. */
  async function ranClassic(width: number, height: number): Promise<Page> {
    const page = await pg.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(pg.url);
    const run = page.getByRole("button", { name: "Run" });
    await expect.poll(() => run.isEnabled()).toBe(true);
    await page.getByRole("combobox", { name: "Examples" }).selectOption("classic");
    await page.getByRole("combobox", { name: "Speed" }).selectOption("Infinity");
    await expect.poll(() => run.isEnabled()).toBe(true);
    await run.click();
    await expect.poll(() => page.getByRole("status", { name: "Simulation status" }).textContent()).toBe("ended");
    return page;
  }

  it("reaches the log lines with Tab, moves with the arrows, opens details with Enter, closes with Escape", async () => {
    const page = await ranClassic(1400, 900);
    const list = page.getByRole("listbox", { name: "Log lines" });
    // Tab from the Log's last tool (the filter, follow, the two saves) lands on the lines.
    await page.getByRole("button", { name: "Save log as JSON lines" }).focus();
    await page.keyboard.press("Tab");
    await expect.poll(() => list.evaluate((el) => el === document.activeElement)).toBe(true);
    const active = () =>
      list.evaluate((el) => {
        const id = el.getAttribute("aria-activedescendant");
        const row = id ? document.getElementById(id) : null;
        return row ? { role: row.getAttribute("role"), text: row.textContent ?? "" } : undefined;
      });
    await page.keyboard.press("Home");
    const first = await active();
    expect(first?.role).toBe("option");
    expect(first?.text).toBe(classicLog[0]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect((await active())?.text).toBe(classicLog[2]);
    // The third line of the log, as the listbox numbers it for a screen reader.
    expect(
      await list.evaluate((el) =>
        document.getElementById(el.getAttribute("aria-activedescendant") ?? "")?.getAttribute("aria-posinset"),
      ),
    ).toBe("3");
    await page.keyboard.press("End");
    const last = await active();
    expect(last?.text).toBe(classicLog.at(-1));
    await page.keyboard.press("ArrowUp");
    const beforeLast = (await active())?.text ?? "";
    expect(beforeLast).toBe(classicLog.at(-2));
    await page.keyboard.press("Enter");
    const details = page.getByRole("region", { name: "Line details" });
    await expect.poll(() => details.count()).toBe(1);
    expect(await details.textContent()).toContain(beforeLast.replace(/^\[[^\]]*\] /, ""));
    expect(await page.locator('[role="option"][aria-selected="true"]').textContent()).toBe(beforeLast);
    // Focus is still on the lines: Escape closes the details there.
    await page.keyboard.press("Escape");
    await expect.poll(() => details.count()).toBe(0);
    // Again, then from inside the details: Tab reaches its close button, Escape closes it and
    // brings the focus back to the lines.
    await page.keyboard.press("Enter");
    await expect.poll(() => details.count()).toBe(1);
    await page.getByRole("button", { name: "Close line details" }).focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => details.count()).toBe(0);
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });

  it("keeps every log row apart at the largest text size", async () => {
    const page = await ranClassic(1400, 900);
    const larger = page.getByRole("button", { name: "Larger text" });
    // A+ until it stops growing the text (2×).
    let scale = "";
    for (;;) {
      await larger.click();
      const now = await page.evaluate(() => document.documentElement.style.getPropertyValue("--scale"));
      if (now === scale) break;
      scale = now;
    }
    expect(Number(scale)).toBeGreaterThanOrEqual(1.9);
    const rows = () =>
      page.locator(".log-view .log-line:not(.log-probe)").evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, text: (el.textContent ?? "").length };
        }),
      );
    // After the font change has been measured, the rows sit one under the other.
    await expect
      .poll(async () => {
        const r = (await rows()).sort((a, b) => a.top - b.top);
        const overlaps = r.slice(1).filter((row, i) => row.top < (r[i]?.bottom ?? 0) - 0.5).length;
        return { rows: r.length > 5, overlaps };
      })
      .toEqual({ rows: true, overlaps: 0 });
    // And each row is as tall as its own text line: nothing cut off at the bottom.
    const fit = await page
      .locator(".log-view .log-line:not(.log-probe)")
      .first()
      .evaluate((el) => {
        const line = Number.parseFloat(getComputedStyle(el).lineHeight);
        return el.getBoundingClientRect().height + 0.5 >= line;
      });
    expect(fit).toBe(true);
    await page.close();
  });

  it("on a phone, scrolls in one container with nothing below the app", async () => {
    const page = await ranClassic(390, 844);
    const layout = await page.evaluate(() => {
      const doc = document.scrollingElement as HTMLElement;
      const app = document.querySelector(".app") as HTMLElement;
      // Every element that scrolls its content vertically (the log's own list and the editor's
      // inner scrollers excepted: those are content, not the page's layout).
      const scrollers = [...document.querySelectorAll<HTMLElement>("body *")].filter((el) => {
        if (el.closest(".log-view, .monaco-editor, .details, pre, textarea")) return false;
        const oy = getComputedStyle(el).overflowY;
        return (oy === "auto" || oy === "scroll") && el.scrollHeight > el.clientHeight + 1;
      });
      return {
        documentScrolls: doc.scrollHeight > doc.clientHeight + 1,
        appBottom: app.getBoundingClientRect().bottom + doc.scrollTop,
        documentHeight: doc.scrollHeight,
        scrollers: scrollers.map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      };
    });
    // One scroll container: either the document, with no inner one, or one inner one and a
    // document that does not scroll; and the document ends where the app does.
    const count = layout.scrollers.length + (layout.documentScrolls ? 1 : 0);
    expect(count, JSON.stringify(layout)).toBe(1);
    expect(layout.documentHeight, JSON.stringify(layout)).toBeLessThanOrEqual(Math.ceil(layout.appBottom) + 1);
    await page.close();
  });
});
