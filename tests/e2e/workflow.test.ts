import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();

interface Texts {
  config: string;
  traffic: string;
  seed: number;
}

type KamsimWindow = {
  kamsim: { texts(): Texts; setTexts(t: Partial<Texts>): void; killWorker(): void; saved(): Texts | undefined };
};

const clock = async (page: Page) =>
  Number(/t = ([\d.]+) s/.exec((await page.getByLabel("Virtual time").textContent()) ?? "")?.[1]);
const texts = (page: Page) => page.evaluate(() => (window as unknown as KamsimWindow).kamsim.texts());

describeNeeding(CHROMIUM_NEED, avail, `playground workflow`, () => {
  const pg = servePlayground();

  async function open(hash = ""): Promise<Page> {
    const page = await pg.context.newPage();
    await page.goto(pg.url + hash);
    await expect
      .poll(() => page.getByRole("status", { name: "Simulation status" }).textContent())
      .toMatch(/ready|paused|ended/);
    return page;
  }

  it("Step advances one event, Reset starts again from t = 0", async () => {
    const page = await open();
    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => clock(page)).toBe(0);
    await page.getByRole("button", { name: "Step" }).click();
    await expect.poll(() => clock(page)).toBeGreaterThan(0);
    const first = await clock(page);
    await page.getByRole("button", { name: "Step" }).click();
    await expect.poll(() => clock(page)).toBeGreaterThan(first);
    // At 1× the 30 s run is still going long after the clock passes 1 s, so Pause is there to press.
    await page.getByLabel("Speed").selectOption("1");
    await page.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => clock(page)).toBeGreaterThan(1);
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => clock(page)).toBe(0);
    await page.close();
  });

  it("marks the route that just ran in the editor", async () => {
    const page = await open();
    await page.setViewportSize({ width: 1400, height: 900 });
    const editor = page.locator(".monaco-editor").first();
    await editor.waitFor();
    // A mark lasts a moment after its route last ran: a poll could fall between two marks on a
    // busy machine. So the page records the text of every line marked, as Monaco draws it.
    await editor.evaluate((root) => {
      const seen: string[] = [];
      (window as unknown as { marked: string[] }).marked = seen;
      new MutationObserver(() => {
        const lines = [...root.querySelectorAll<HTMLElement>(".view-line")];
        for (const band of root.querySelectorAll<HTMLElement>(".route-running")) {
          const top = band.getBoundingClientRect().top;
          const line = lines.find((l) => Math.abs(l.getBoundingClientRect().top - top) < 3);
          const text = (line?.textContent ?? "").replace(/\u00a0/g, " "); // Monaco draws spaces as NBSP
          if (line && !seen.includes(text)) seen.push(text);
        }
      }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
    });
    const marked = () => page.evaluate(() => (window as unknown as { marked: string[] }).marked);
    await page.getByRole("button", { name: "Run" }).click();
    // The classic's request_route is marked, and nothing but its routes ever is.
    await expect.poll(marked).toContainEqual(expect.stringContaining("request_route {"));
    for (const text of await marked()) expect(text).toMatch(/^(request_route|route\[QMALERT\]) \{/);
    await page.close();
  });

  it("paces the run by the speed control", async () => {
    const page = await open();
    /** Wall-clock ms from before pressing Run (from t = 0, at `speed`×) until the clock reads `seconds`. */
    const wallToReach = async (speed: string, seconds: number) => {
      await page.getByRole("button", { name: "Reset" }).click();
      await expect.poll(() => clock(page)).toBe(0);
      await page.getByLabel("Speed").selectOption(speed);
      const start = performance.now();
      await page.getByRole("button", { name: "Run" }).click();
      await expect.poll(() => clock(page)).toBeGreaterThanOrEqual(seconds);
      return performance.now() - start;
    };
    // The run never goes ahead of speed × real time, however busy the machine (a slow machine
    // only makes it later): these two bounds hold exactly.
    expect(await wallToReach("1", 2)).toBeGreaterThanOrEqual(2_000);
    // The page notes the real time at which the clock shows each new value, so the next rate is
    // measured where the run happens, without the delays of clicks and polls from this process.
    await page.getByLabel("Virtual time").evaluate((el) => {
      const readouts: [number, number][] = [];
      (window as unknown as { readouts: typeof readouts }).readouts = readouts;
      new MutationObserver(() =>
        readouts.push([performance.now(), Number(/t = ([\d.]+) s/.exec(el.textContent ?? "")?.[1])]),
      ).observe(el, { subtree: true, childList: true, characterData: true });
    });
    expect(await wallToReach("10", 10)).toBeGreaterThanOrEqual(1_000);
    const readouts = await page.evaluate(() => (window as unknown as { readouts: [number, number][] }).readouts);
    // From the run's first readout (after the Reset's 0) to the first at 10 s.
    const reset = readouts.findLastIndex(([, t]) => t === 0);
    const from = readouts[reset + 1];
    const to = readouts.slice(reset + 1).find(([, t]) => t >= 10);
    if (reset < 0 || !from || !to) throw new Error(`no readouts from 0 to 10 s: ${JSON.stringify(readouts)}`);
    // And 10× is faster than real time. 1× can never pass 1 virtual second per second; 10× makes
    // about 10; the bound, 2, is the one a loaded machine could break, hence its 5 times slack.
    expect((to[1] - from[1]) / ((to[0] - from[0]) / 1000)).toBeGreaterThan(2);
    await page.close();
  });

  it("round-trips the exact texts through a share link", async () => {
    const page = await open();
    const config = `${(await texts(page)).config}\n# shared: ünïcödé "quotes" \\ backslash\n`;
    await page.evaluate((c) => (window as unknown as KamsimWindow).kamsim.setTexts({ config: c }), config);
    await page.getByRole("button", { name: "Share" }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=1\./);
    const hash = await page.evaluate(() => location.hash);
    const other = await open(hash);
    expect((await texts(other)).config).toBe(config);
    expect((await texts(other)).traffic).toBe((await texts(page)).traffic);
    await page.close();
    await other.close();
  });

  it("keeps the user's work when a link is damaged", async () => {
    const page = await open();
    // Still a config that runs (Kamailio refuses one that is only a comment), for the tests after.
    const mine = `${(await texts(page)).config}\n# my own work\n`;
    await page.evaluate((c) => (window as unknown as KamsimWindow).kamsim.setTexts({ config: c }), mine);
    // The work is saved shortly after the last change (this page stays open): wait until it is.
    await expect.poll(() => page.evaluate(() => (window as unknown as KamsimWindow).kamsim.saved()?.config)).toBe(mine);
    const broken = await open("#s=1.AAAA-this-is-not-a-deflated-text");
    await expect.poll(() => broken.getByRole("alert", { name: "Notice" }).textContent()).toContain("damaged");
    expect((await texts(broken)).config).toBe(mine);
    await page.close();
    await broken.close();
  });

  it("restores unsaved edits after a reload", async () => {
    const page = await open();
    const typed = `${(await texts(page)).config}\n# typed, not applied\n`;
    await page.evaluate((c) => (window as unknown as KamsimWindow).kamsim.setTexts({ config: c }), typed);
    // At once, before the autosave's delay: leaving the page saves what was typed.
    await page.reload();
    await expect.poll(() => texts(page).then((t) => t.config)).toBe(typed);
    await page.close();
  });

  it("recovers when the worker is killed, keeping the editor's text", async () => {
    const page = await open();
    const before = await texts(page);
    await page.evaluate(() => (window as unknown as KamsimWindow).kamsim.killWorker());
    await expect.poll(() => page.getByRole("alert", { name: "Notice" }).textContent()).toContain("restarted");
    await expect.poll(() => page.getByRole("status", { name: "Simulation status" }).textContent()).toMatch(/ready/);
    expect(await texts(page)).toEqual(before);
    await page.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => clock(page)).toBeGreaterThan(1);
    await page.close();
  });
});
