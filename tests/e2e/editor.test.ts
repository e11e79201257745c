/**
 * The playground's Monaco editor in real Chromium, from a production build served locally:
 * diagnostics appear as markers at the engine's line while typing, completion offers functions
 * and pseudo-variables, hover shows the module docs, F12 goes to a route's definition, the
 * editor can be left from the keyboard, Ctrl+Enter applies, undo survives tab switches, and
 * nothing (Monaco's workers included) is fetched from another origin.
 */
import { mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { compileConfig, placeDiagnostics } from "../../src/engine/index.js";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, launchChromium, serveFolder } from "./browser.js";
import { buildPlayground, releasePlayground } from "./build.js";

const avail = chromiumAvailability();
const root = join(import.meta.dirname, "..", "..");
const shots = join(root, "test-results", "screenshots");
const CLASSIC = readFileSync(join(root, "examples", "classic", "kamailio.cfg"), "utf8");
const lineOf = (needle: string) => CLASSIC.split("\n").findIndex((l) => l.includes(needle)) + 1;

/** Puts the cursor at the end of a 1-based line of the focused editor. */
async function goToLineEnd(page: Page, line: number): Promise<void> {
  await page.keyboard.press("Control+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
}

/** The line numbers (as the gutter shows them) beside the marker squiggles of a kind. */
function squiggleLines(page: Page, kind: "error" | "warning" | "info"): Promise<number[]> {
  return page.evaluate((k) => {
    const numbers = [...document.querySelectorAll<HTMLElement>(".margin-view-overlays .line-numbers")];
    return [...document.querySelectorAll<HTMLElement>(`.view-overlays .squiggly-${k}`)].map((sq) => {
      const top = sq.getBoundingClientRect().top;
      const n = numbers.find((el) => Math.abs(el.getBoundingClientRect().top - top) < 3);
      return Number(n?.textContent ?? "0");
    });
  }, kind);
}

/** The line the cursor is on, as the gutter highlights it. */
function cursorLine(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.querySelector(".line-numbers.active-line-number")?.textContent ?? "0"));
}

describeNeeding(CHROMIUM_NEED, avail, `editor in Chromium`, () => {
  let dist = "";
  let server: Server;
  let url = "";
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  const foreign: string[] = [];

  beforeAll(async () => {
    dist = await buildPlayground();
    ({ server, url } = await serveFolder(dist));
    ({ context, close } = await launchChromium());
    mkdirSync(shots, { recursive: true });
    page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    page.on("request", (r) => {
      if (!r.url().startsWith(url) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
    });
    await page.goto(url);
    await page.locator(".monaco-editor .view-lines").waitFor();
  });

  afterAll(async () => {
    await close?.();
    server?.close();
    releasePlayground(dist);
  });

  it("is named after its file and highlights Kamailio's syntax", async () => {
    await expect.poll(() => page.getByRole("textbox", { name: "kamailio.cfg" }).count()).toBe(1);
    // Monaco colours lines as its tokenizer reaches them: poll until the view shows it done.
    const kinds = () =>
      page.evaluate(
        () => new Set([...document.querySelectorAll(".view-lines span span")].map((s) => s.className)).size,
      );
    await expect.poll(kinds).toBeGreaterThan(5);
    // The directive's line is one token kind; the parameter on the next line is another.
    const classOf = (text: string) =>
      page.evaluate(
        (t) => [...document.querySelectorAll(".view-lines span span")].find((s) => s.textContent === t)?.className,
        text,
      );
    await expect
      .poll(async () => [await classOf("#!KAMAILIO"), await classOf("debug")])
      .toSatisfy(([directive, param]) => directive !== undefined && param !== undefined && directive !== param);
    await page.screenshot({ path: join(shots, "editor-classic.png") });
  });

  it("shows a missing ';' as an error marker at the engine's line", async () => {
    const line = lineOf('sl_send_reply("200", "OK");');
    await page.locator(".monaco-editor .view-lines").click();
    await goToLineEnd(page, line);
    await page.keyboard.press("Backspace");
    const broken = CLASSIC.replace('sl_send_reply("200", "OK");', 'sl_send_reply("200", "OK")');
    const c = compileConfig(broken, { name: "kamailio.cfg" });
    const expected = placeDiagnostics(c.diagnostics, c.front.files).filter((d) => d.severity === "error");
    expect(expected.map((d) => d.code)).toEqual(["missing_semicolon"]);
    await expect.poll(() => squiggleLines(page, "error")).toEqual([expected[0]?.line]);
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("1 error");
    await page.screenshot({ path: join(shots, "editor-missing-semicolon.png") });
    await page.keyboard.type(";");
    await expect.poll(() => squiggleLines(page, "error")).toEqual([]);
  });

  it("completes functions and pseudo-variables", async () => {
    await page.keyboard.press("Enter");
    await page.keyboard.type("mq_");
    await page.keyboard.press("Control+Space");
    const widget = page.locator(".suggest-widget.visible");
    await expect.poll(() => widget.textContent()).toContain("mq_add");
    await page.screenshot({ path: join(shots, "editor-complete-mq.png") });
    await page.keyboard.press("Escape");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("$mq");
    await page.keyboard.press("Control+Space");
    await expect.poll(() => widget.textContent()).toContain("$mqk(");
    await page.screenshot({ path: join(shots, "editor-complete-pv.png") });
    await page.keyboard.press("Escape");
    // Queue names come from the engine's ProgramInfo of the config, sent by the worker.
    await page.keyboard.type("k(");
    await expect.poll(() => widget.textContent()).toContain("alert");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+Shift+K");
    await expect.poll(() => page.locator(".monaco-editor .view-line").count()).toBe(CLASSIC.split("\n").length);
  });

  it("shows module docs on hover and goes to a route's definition", async () => {
    await goToLineEnd(page, lineOf("mq_add("));
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Control+K");
    await page.keyboard.press("Control+I");
    const hover = page.locator(".monaco-hover:not(.hidden)");
    await expect.poll(() => hover.textContent()).toContain("mq_add(queue, key, value)");
    await page.screenshot({ path: join(shots, "editor-hover.png") });
    await page.keyboard.press("Escape");
    await goToLineEnd(page, lineOf("route=QMALERT"));
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("F12");
    await expect.poll(() => cursorLine(page)).toBe(lineOf("route[QMALERT]"));
  });

  it("applies with Ctrl+Enter and is left with Esc then Tab", async () => {
    await page.keyboard.type(" ");
    const apply = page.getByRole("button", { name: "Apply" });
    await expect.poll(() => apply.isEnabled()).toBe(true);
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => apply.isEnabled()).toBe(false);
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    const outside = await page.evaluate(() => document.activeElement?.closest(".monaco-editor") === null);
    expect(outside).toBe(true);
  });

  it("keeps undo history across tab switches and validates traffic.json", async () => {
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("#typed_before_switching");
    await page.getByRole("tab", { name: /traffic\.json/ }).click();
    await expect.poll(() => page.getByRole("textbox", { name: "traffic.json" }).count()).toBe(1);
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Delete");
    await expect.poll(() => squiggleLines(page, "error")).not.toEqual([]);
    await page.screenshot({ path: join(shots, "editor-traffic-error.png") });
    // The config tab does not read "0 errors" while traffic.json is broken: its tab and the
    // count both say so (issue 9 §1).
    const status = () => page.getByRole("status").first().textContent();
    await page.getByRole("tab", { name: /kamailio\.cfg/ }).click();
    await expect.poll(status).toMatch(/; traffic\.json: [1-9]\d* errors?$/);
    await expect.poll(() => page.getByRole("tab", { name: /traffic\.json/ }).textContent()).toMatch(/\(\d+\)/);
    await page.getByRole("tab", { name: /traffic\.json/ }).click();
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("Control+Z");
    await expect.poll(() => squiggleLines(page, "error")).toEqual([]);
    await expect.poll(status).not.toContain("traffic.json");
    await page.getByRole("tab", { name: /kamailio\.cfg/ }).click();
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("Control+Z");
    await expect.poll(() => page.locator(".monaco-editor .view-lines").textContent()).not.toContain("typed_before");
  });

  it("marks every call of a function kamsim does not simulate", async () => {
    await page.locator(".monaco-editor .view-lines").click();
    await goToLineEnd(page, lineOf('loadmodule "rtimer.so"'));
    await page.keyboard.press("Enter");
    // Typed in full: a closing quote or parenthesis overtypes the one Monaco closed itself.
    await page.keyboard.type('loadmodule "sdpops.so"');
    await goToLineEnd(page, lineOf('sl_send_reply("200", "OK");') + 1);
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press("Enter");
      await page.keyboard.type("sdp_with_ice();");
      await page.keyboard.press("Escape");
    }
    const first = lineOf('sl_send_reply("200", "OK");') + 2;
    await expect.poll(() => squiggleLines(page, "info")).toEqual([first + 1]);
    await expect.poll(() => squiggleLines(page, "warning")).toEqual([lineOf('loadmodule "rtimer.so"') + 1, first]);
    await page.screenshot({ path: join(shots, "editor-not-simulated.png") });
  });

  it("never loses the text: loading an example is one edit that Ctrl+Z takes back", async () => {
    const text = () => page.locator(".monaco-editor .view-lines").textContent();
    expect(await text()).toContain("sdpops.so");
    await page.getByRole("combobox", { name: "Examples" }).selectOption({ index: 1 });
    await expect.poll(text).not.toContain("sdpops.so");
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("Control+Z");
    await expect.poll(text).toContain("sdpops.so");
    await expect.poll(() => page.getByRole("button", { name: "Apply" }).isEnabled()).toBe(true);
  });

  it("follows the page's theme and text size, and Ctrl+M still toggles Tab's role", async () => {
    const size = () => page.evaluate(() => getComputedStyle(document.querySelector(".view-lines") as Element).fontSize);
    const before = await size();
    await page.getByRole("button", { name: "Larger text" }).click();
    await expect.poll(size).not.toBe(before);
    await page.getByRole("button", { name: "Dark theme" }).click();
    const background = () =>
      page.evaluate(
        () => getComputedStyle(document.querySelector(".monaco-editor-background") as Element).backgroundColor,
      );
    await expect.poll(background).toBe("rgb(11, 15, 23)");
    await page.screenshot({ path: join(shots, "editor-dark-large.png") });
    await page.getByRole("button", { name: "Light theme" }).click();
    await page.getByRole("button", { name: "Smaller text" }).click();
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("Control+M");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".monaco-editor") === null)).toBe(true);
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("Control+M");
  });

  it("fetched nothing from another origin", () => {
    expect(foreign).toEqual([]);
  });
});
