/**
 * No work is ever lost, and nothing is in the way (issue 9 §2, §4 "A share link destroys saved
 * work"): share links, two tabs, examples, the History menu, the settings kept across reloads,
 * and the editor's keyboard (Tab arriving from the page, Ctrl+G, F1).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();
const root = join(import.meta.dirname, "..", "..");
const exampleConfig = (id: string) => readFileSync(join(root, "examples", id, "kamailio.cfg"), "utf8");

interface Texts {
  config: string;
  traffic: string;
  seed: number;
}

type KamsimWindow = {
  kamsim: { texts(): Texts; setTexts(t: Partial<Texts>): void; saved(): Texts | undefined };
};

const texts = (page: Page) => page.evaluate(() => (window as unknown as KamsimWindow).kamsim.texts());
const config = (page: Page) => texts(page).then((t) => t.config);
const setConfig = (page: Page, c: string) =>
  page.evaluate((text) => (window as unknown as KamsimWindow).kamsim.setTexts({ config: text }), c);
const savedConfig = (page: Page) => page.evaluate(() => (window as unknown as KamsimWindow).kamsim.saved()?.config);
const notice = (page: Page) => page.getByRole("alert", { name: "Notice" });

describeNeeding(CHROMIUM_NEED, avail, "no work lost, nothing in the way", () => {
  const pg = servePlayground();

  async function open(hash = ""): Promise<Page> {
    const page = await pg.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(pg.url + hash);
    await expect
      .poll(() => page.getByRole("status", { name: "Simulation status" }).textContent())
      .toMatch(/ready|paused|ended/);
    return page;
  }

  /** Edits the config and waits until the autosave has it (a real user pauses too). */
  async function edit(page: Page, text: string): Promise<void> {
    await setConfig(page, text);
    await expect.poll(() => savedConfig(page)).toBe(text);
  }

  // First in the file: no theme has been chosen in this browser profile yet.
  it("follows the system's dark preference until a theme is chosen", async () => {
    const page = await pg.context.newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(pg.url);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    await page.close();
  });

  it("keeps theme, text size and speed across a reload", async () => {
    const page = await open();
    await page.getByRole("button", { name: "Dark theme" }).click();
    await page.getByRole("button", { name: "Larger text" }).click();
    await page.getByRole("combobox", { name: "Speed" }).selectOption("2");
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await page.evaluate(() => document.documentElement.style.getPropertyValue("--scale"))).toBe("1.15");
    expect(await page.getByRole("combobox", { name: "Speed" }).inputValue()).toBe("2");
    // Back to the defaults for the tests after.
    await page.getByRole("button", { name: "Light theme" }).click();
    await page.getByRole("button", { name: "Smaller text" }).click();
    await page.getByRole("combobox", { name: "Speed" }).selectOption("10");
    await page.close();
  });

  it("opening a share link keeps the saved work, with Undo and History, and drops the fragment", async () => {
    const classic = exampleConfig("classic");
    const linked = `${classic}\n# the link's work\n`;
    // Distinct line counts: the History menu tells versions apart by them.
    const mine = `${classic}\n# my own work\n# line two\n# line three\n`;
    const page = await open();
    await edit(page, linked);
    await page.getByRole("button", { name: "Share" }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=1\./);
    const hash = await page.evaluate(() => location.hash);
    // Editing after Share: the link in the address bar no longer holds the work, so it goes, and
    // a reload brings back the edits, not the link's text.
    await edit(page, mine);
    expect(await page.evaluate(() => location.hash)).toBe("");
    await page.reload();
    await expect.poll(() => config(page)).toBe(mine);

    // The link opens in a new tab over the saved work (the work a new tab starts from)…
    const other = await open(hash);
    expect(await config(other)).toBe(linked);
    // …the fragment is gone once taken in…
    expect(await other.evaluate(() => location.hash)).toBe("");
    await expect.poll(() => notice(other).textContent()).toContain("kept in History");
    // …one keystroke and a reload keep the edit, not the link.
    await edit(other, `${linked}x`);
    await other.reload();
    await expect.poll(() => config(other)).toBe(`${linked}x`);
    // The work saved before the link is in History, and comes back.
    await other.getByRole("button", { name: "History" }).click();
    const dialog = other.getByRole("dialog", { name: "Autosaved versions" });
    const row = dialog.getByRole("listitem").filter({ hasText: `${mine.split("\n").length} lines` });
    await row.getByRole("button", { name: /^Restore/ }).click();
    await expect.poll(() => config(other)).toBe(mine);
    // The first tab's work was never touched.
    await page.reload();
    await expect.poll(() => config(page)).toBe(mine);
    await page.close();
    await other.close();
  });

  it("Undo in the notice brings back the work a share link replaced", async () => {
    const page = await open();
    const mine = `${exampleConfig("classic")}\n# before the link\n`;
    await edit(page, mine);
    await page.getByRole("button", { name: "Share" }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=1\./);
    const hash = await page.evaluate(() => location.hash);
    await edit(page, `${mine}# after the link\n`);
    const other = await open(hash);
    expect(await config(other)).toBe(mine);
    await notice(other).getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => config(other)).toBe(`${mine}# after the link\n`);
    await page.close();
    await other.close();
  });

  it("two tabs each keep their own work across reloads; a new tab opens the latest", async () => {
    const a = await open();
    const b = await open();
    await a.getByRole("combobox", { name: "Examples" }).selectOption("pike-tuning");
    await b.getByRole("combobox", { name: "Examples" }).selectOption("queue-overflow");
    const workA = `${exampleConfig("pike-tuning")}\n# tab A\n`;
    const workB = `${exampleConfig("queue-overflow")}\n# tab B\n`;
    await edit(a, workA);
    await edit(b, workB);
    await a.reload();
    await b.reload();
    await expect.poll(() => config(a)).toBe(workA);
    await expect.poll(() => config(b)).toBe(workB);
    // A saves last: a new tab starts from A's work.
    await edit(a, `${workA}# again\n`);
    const c = await open();
    expect(await config(c)).toBe(`${workA}# again\n`);
    await a.close();
    await b.close();
    await c.close();
  });

  it("a tab opened from another (a copy of its session) still keeps its own work", async () => {
    const a = await open();
    const workA = `${exampleConfig("classic")}\n# the opener's work\n`;
    await edit(a, workA);
    // window.open copies the opener's sessionStorage, the tab's id with it (so does Duplicate).
    const [b] = await Promise.all([a.waitForEvent("popup"), a.evaluate((url) => window.open(url), pg.url)]);
    await expect
      .poll(() => b.getByRole("status", { name: "Simulation status" }).textContent())
      .toMatch(/ready|paused|ended/);
    expect(await config(b)).toBe(workA);
    const workB = `${workA}# the opened tab's work\n`;
    await edit(b, workB);
    await a.reload();
    await b.reload();
    await expect.poll(() => config(a)).toBe(workA);
    await expect.poll(() => config(b)).toBe(workB);
    await a.close();
    await b.close();
  });

  it("choosing an example keeps edits in History and offers Undo", async () => {
    const page = await open();
    const mine = `${exampleConfig("classic")}\n# edits no example has\n`;
    await edit(page, mine);
    await page.getByRole("combobox", { name: "Examples" }).selectOption("user-online");
    await expect.poll(() => config(page)).toBe(exampleConfig("user-online"));
    await expect.poll(() => notice(page).textContent()).toContain("kept in History");
    await notice(page).getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => config(page)).toBe(mine);
    // An example's own texts are not "work" (the gallery has them): replacing them says nothing.
    await page.getByRole("combobox", { name: "Examples" }).selectOption("user-online");
    await notice(page).getByRole("button", { name: "Dismiss" }).click();
    await page.getByRole("combobox", { name: "Examples" }).selectOption("pike-tuning");
    await expect.poll(() => config(page)).toBe(exampleConfig("pike-tuning"));
    expect(await notice(page).count()).toBe(0);
    await page.close();
  });

  it("Tab from the page passes through the editor without typing into the config", async () => {
    const page = await open();
    await page.locator(".monaco-editor").waitFor();
    const before = await config(page);
    await page.getByRole("tab", { name: "kamailio.cfg" }).focus();
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".monaco-editor") === null)).toBe(true);
    await page.keyboard.press("Shift+Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null)).toBe(true);
    await page.keyboard.press("Shift+Tab");
    expect(await config(page)).toBe(before);
    // Clicked into, the editor indents with Tab as an editor should.
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("Tab");
    await expect.poll(() => config(page)).not.toBe(before);
    await page.keyboard.press("Control+Z");
    await expect.poll(() => config(page)).toBe(before);
    await page.close();
  });

  it("Ctrl+G goes to a line and F1 opens the editor's commands, typing nothing", async () => {
    const page = await open();
    await page.locator(".monaco-editor .view-lines").click();
    const before = await config(page);
    const quick = page.locator(".quick-input-widget");
    await page.keyboard.press("Control+G");
    await expect.poll(() => quick.isVisible()).toBe(true);
    await page.keyboard.type("12");
    await page.keyboard.press("Enter");
    await expect.poll(() => quick.isVisible()).toBe(false);
    // The cursor is at the start of line 12: what is typed now lands there.
    await page.keyboard.type("#");
    await expect.poll(() => config(page).then((c) => c.split("\n")[11])).toBe(`#${before.split("\n")[11]}`);
    await page.keyboard.press("Control+Z");
    await expect.poll(() => config(page)).toBe(before);
    await page.keyboard.press("F1");
    await expect.poll(() => quick.isVisible()).toBe(true);
    // The palette lists the editor's commands (go to line among them).
    await expect.poll(() => quick.getByRole("option").count()).toBeGreaterThan(0);
    await page.keyboard.type("go to line");
    await expect.poll(() => quick.getByRole("option").first().textContent()).toMatch(/Go to Line/i);
    await page.keyboard.press("Escape");
    await expect.poll(() => quick.isVisible()).toBe(false);
    expect(await config(page)).toBe(before);
    await page.close();
  });
});
