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

type KamsimWindow = { kamsim: { texts(): Texts; setTexts(t: Partial<Texts>): void; killWorker(): void } };

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
    await page.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => clock(page)).toBeGreaterThan(5);
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => clock(page)).toBe(0);
    await page.close();
  });

  it("marks the route that just ran in the editor", async () => {
    const page = await open();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByRole("button", { name: "Run" }).click();
    // The text of the editor lines under the route marks (the classic's request_route, route[QMALERT]).
    const marked = () =>
      page.evaluate(() => {
        const lines = [...document.querySelectorAll<HTMLElement>(".monaco-editor .view-line")];
        return [...document.querySelectorAll<HTMLElement>(".monaco-editor .route-running")].map((band) => {
          const top = band.getBoundingClientRect().top;
          const line = lines.find((l) => Math.abs(l.getBoundingClientRect().top - top) < 3);
          return (line?.textContent ?? "").replace(/\u00a0/g, " "); // Monaco draws spaces as NBSP
        });
      });
    await expect
      .poll(marked, { timeout: 15_000, interval: 50 })
      .toContainEqual(expect.stringContaining("request_route {"));
    for (const text of await marked()) expect(text).toMatch(/^(request_route|route\[QMALERT\]) \{/);
    await page.close();
  });

  it("paces the run by the speed control", async () => {
    const page = await open();
    const speed = page.getByLabel("Speed");
    const measure = async (value: string) => {
      await page.getByRole("button", { name: "Reset" }).click();
      await expect.poll(() => clock(page)).toBe(0);
      await speed.selectOption(value);
      await page.getByRole("button", { name: "Run" }).click();
      await page.waitForTimeout(1000);
      await page.getByRole("button", { name: "Pause" }).click();
      return clock(page);
    };
    const slow = await measure("1");
    const fast = await measure("10");
    expect(slow).toBeGreaterThan(0.5);
    expect(slow).toBeLessThan(2);
    expect(fast).toBeGreaterThan(5 * slow);
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
    await page.evaluate(() => (window as unknown as KamsimWindow).kamsim.setTexts({ config: "# my own work\n" }));
    await page.waitForTimeout(700);
    const broken = await open("#s=1.AAAA-this-is-not-a-deflated-text");
    await expect.poll(() => broken.getByRole("alert", { name: "Notice" }).textContent()).toContain("damaged");
    expect((await texts(broken)).config).toBe("# my own work\n");
    await page.close();
    await broken.close();
  });

  it("restores unsaved edits after a reload", async () => {
    const page = await open();
    await page.evaluate(() =>
      (window as unknown as KamsimWindow).kamsim.setTexts({ config: "# typed, not applied\n" }),
    );
    await page.waitForTimeout(700);
    await page.reload();
    await expect.poll(() => texts(page).then((t) => t.config)).toBe("# typed, not applied\n");
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
