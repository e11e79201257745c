/**
 * The Problems list and the outline (issue 12 §6) in the production build: a config with two
 * errors and a traffic file with one list three problems in the engine's words; Enter on the
 * traffic one shows traffic.json at its line (and only then starts Monaco's JSON worker), where
 * completion offers the schema's keys and enum values and hover its docs; the outline lists the
 * routes with who calls them, and a click on one goes to its block.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { compileConfig, parseTrafficText, placeDiagnostics } from "../../src/engine/index.js";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();
const shots = join(import.meta.dirname, "..", "..", "test-results", "screenshots");

const CONFIG = `loadmodule "sl.so"
loadmodule "xlog.so"
request_route {
    xlog("L_INFO", "in\\n")
    route(RELAY);
    route(NOWHERE);
}
route[RELAY] {
    sl_send_reply("200", "OK");
}
`;
const TRAFFIC = `{
  "duration": 1,
  "streams": [{ "src": "192.0.2.1", "rate": "fast" }]
}
`;

type KamsimWindow = { kamsim: { setTexts(t: { config?: string; traffic?: string }): void } };

/** The line the cursor is on, as the editor's gutter highlights it. */
const cursorLine = (page: Page) =>
  page.evaluate(() => Number(document.querySelector(".line-numbers.active-line-number")?.textContent ?? "0"));
const status = (page: Page) => page.getByRole("status", { name: "Simulation status" }).textContent();

describeNeeding(CHROMIUM_NEED, avail, "Problems list and outline in Chromium", () => {
  const pg = servePlayground();

  it("lists both files' problems, goes to the traffic one by Enter, and goes to a route from the outline", async () => {
    const cfg = compileConfig(CONFIG, { name: "kamailio.cfg" });
    const cfgErrors = placeDiagnostics(cfg.diagnostics, cfg.front.files).filter((d) => d.severity === "error");
    expect(cfgErrors.map((d) => d.code)).toEqual(["missing_semicolon", "route_not_defined"]);
    const trf = parseTrafficText(TRAFFIC);
    const trfErrors = "errors" in trf ? trf.errors : [];
    expect(trfErrors.map((e) => `${e.path} ${e.line}:${e.col}`)).toEqual(["streams[0].rate 3:45"]);

    const page = await pg.context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(pg.url);
    await expect.poll(() => status(page)).toMatch(/ready/);
    await page.locator(".monaco-editor .view-lines").waitFor();
    await page.evaluate(
      ({ config, traffic }) => (window as unknown as KamsimWindow).kamsim.setTexts({ config, traffic }),
      { config: CONFIG, traffic: TRAFFIC },
    );

    const list = page.getByRole("list", { name: "Problems" });
    await expect.poll(() => list.getByRole("listitem").count()).toBe(3);
    const rows = await list.getByRole("listitem").allTextContents();
    expect(rows.map((r) => r.replace(/^\W+/, ""))).toEqual([
      ...cfgErrors.map((d) => `error kamailio.cfg ${d.line}:${d.col} ${d.message}`),
      `error traffic.json 3:45 streams[0].rate: ${trfErrors[0]?.message}`,
    ]);
    expect(await page.getByRole("button", { name: /^Problems/ }).textContent()).toBe("Problems 3");

    const jsonBefore = requests.filter((u) => /json\.worker/.test(u));
    // Enter on the traffic one: its tab, its line, the focus in the editor.
    // (Down and End walk the list.)
    await list.getByRole("button").first().focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain("NOWHERE");
    await page.keyboard.press("End");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain("traffic.json 3:45");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("tab", { name: /traffic\.json/ }).getAttribute("aria-selected"))
      .toBe("true");
    await expect
      .poll(() => page.getByRole("textbox", { name: "traffic.json" }).evaluate((e) => e === document.activeElement))
      .toBe(true);
    await expect.poll(() => cursorLine(page)).toBe(3);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "problems-traffic.png") });
    // Monaco's JSON worker started with the traffic tab, not before (the page's ready time).
    expect(jsonBefore).toEqual([]);
    expect(requests.some((u) => /json\.worker/.test(u))).toBe(true);

    // traffic.json's completion and hover, from the schema derived from the engine's types: the
    // stream's other keys, then pattern's values; the doc of a key on hover.
    const widget = page.locator(".suggest-widget.visible");
    for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.type('1, "');
    await page.keyboard.press("Control+Space");
    await expect.poll(() => widget.textContent()).toMatch(/pattern.*sport|sport.*pattern/);
    await page.keyboard.press("Escape");
    await page.keyboard.type('pattern": ');
    await page.keyboard.press("Control+Space");
    await expect.poll(() => widget.textContent()).toMatch(/"uniform".*"poisson"|"poisson".*"uniform"/);
    await page.keyboard.press("Escape");
    await page.locator(".view-lines span", { hasText: /^"rate"$/ }).hover();
    await expect.poll(() => page.locator(".monaco-hover:not(.hidden)").textContent()).toContain("Requests per second");

    // The outline: each route with who names it; a click goes to the block in kamailio.cfg.
    await page.getByRole("button", { name: "Outline" }).click();
    const outline = page.getByRole("list", { name: "Outline" });
    await expect
      .poll(() => outline.getByRole("button").allTextContents())
      .toEqual(["request_route", "route[RELAY]", "route(RELAY) in request_route"]);
    await outline.getByRole("button", { name: "route[RELAY]", exact: true }).click();
    await expect
      .poll(() => page.getByRole("tab", { name: /kamailio\.cfg/ }).getAttribute("aria-selected"))
      .toBe("true");
    await expect.poll(() => cursorLine(page)).toBe(8);
    await outline.getByRole("button", { name: "route(RELAY) in request_route" }).click();
    await expect.poll(() => cursorLine(page)).toBe(5);
    await page.screenshot({ path: join(shots, "outline.png") });
    // The same routes are Monaco's document symbols (Ctrl+Shift+O, the focus is in the editor).
    await page.keyboard.press("Control+Shift+O");
    const picker = page.locator(".quick-input-widget .monaco-list-row");
    await expect
      .poll(() => picker.allTextContents())
      .toEqual([expect.stringContaining("request_route"), expect.stringContaining("route[RELAY]")]);
    await page.keyboard.press("Escape");
    await page.close();
  });
});
