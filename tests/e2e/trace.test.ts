/**
 * The trace of one message (issue 12 §2) in the built playground, by accessible names: first-call
 * run to its end, a click on bob's 200 OK in the Ladder opens the Trace (onreply_route[CALL]);
 * one click leads to the INVITE's transaction, whose trace shows route[RELAY], and the editor
 * highlights route[RELAY]'s lines (the decoration's class on those lines, not on the line of
 * sl_reply_error(), which t_relay()'s success skips). Then bob answers 486 (traffic.json's answer
 * setting) and the 486's trace passes through failure_route[MISSED]; failure_route's Log line
 * traces its request, the INVITE.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";
import { openExample } from "./open-example.js";

const avail = chromiumAvailability();
const example = join(import.meta.dirname, "..", "..", "examples", "first-call");
const shots = join(import.meta.dirname, "..", "..", "test-results", "screenshots");
type KamsimWindow = { kamsim: { setTexts(t: { config?: string; traffic?: string }): void } };

/** Whether the editor draws the line holding `text` with the trace's highlight (undefined: not drawn). */
const highlighted = (page: Page, text: string) =>
  page.evaluate((t) => {
    const line = [...document.querySelectorAll(".view-line")].find((l) =>
      l.textContent?.replaceAll("\u00a0", " ").includes(t),
    );
    return line ? line.querySelector(".trace-line") !== null : undefined;
  }, text);

describeNeeding(CHROMIUM_NEED, avail, "the Trace pane", () => {
  const pg = servePlayground();

  it("pauses a running run to trace, shows the 200 OK's trace, leads to the INVITE's route[RELAY] highlighted, and a 486 through failure_route", async () => {
    const { page, run } = await openExample(pg.context, pg.url, "first-call");
    const status = () => page.getByRole("status", { name: "Simulation status" }).textContent();
    const ladder = page.getByRole("region", { name: "Ladder" });
    const list = ladder.getByRole("listbox", { name: "Ladder messages" });
    const trace = page.getByRole("region", { name: "Trace" });

    // A click while the run runs pauses it first: the replay holds the worker (docs/trace.md).
    await page.getByRole("combobox", { name: "Speed" }).selectOption("1");
    await run.click();
    await ladder.scrollIntoViewIfNeeded();
    await list
      .getByRole("option", { name: /alice → kamailio REGISTER/ })
      .first()
      .click();
    await expect.poll(status).toBe("paused");
    await expect.poll(() => trace.textContent()).toContain("(run paused to trace it)");
    await expect.poll(() => trace.textContent()).toContain("▶ request_route");

    await page.getByRole("combobox", { name: "Speed" }).selectOption("Infinity");
    await run.click();
    await expect.poll(status).toBe("ended");

    await ladder.scrollIntoViewIfNeeded();
    await list
      .getByRole("option", { name: /bob → kamailio 200 OK/ })
      .first()
      .click();
    await expect.poll(() => trace.textContent()).toContain("▶ onreply_route[CALL]");
    expect(await trace.textContent()).toContain('xlog("L_INFO", "reply $rs $rr from $tU\\n")');

    // One click: the INVITE whose transaction took the reply, with route[RELAY] and t_relay's result.
    await trace.getByRole("button", { name: "Trace the INVITE" }).click();
    await expect.poll(() => trace.textContent()).toContain("▶ RELAY");
    const text = (await trace.textContent()) ?? "";
    expect(text).toContain("t_relay() → 1");
    expect(text).toContain("◀ RELAY left by exit");

    // route[RELAY]'s lines are highlighted in the editor; "show in editor" brings them into view.
    await trace.getByRole("button", { name: "Show RELAY in the editor" }).click();
    await expect.poll(() => highlighted(page, 't_on_reply("CALL");')).toBe(true);
    expect(await highlighted(page, "if (!t_relay()) {")).toBe(true);
    expect(await highlighted(page, "sl_reply_error();")).toBe(false);
    mkdirSync(shots, { recursive: true });
    await trace.screenshot({ path: join(shots, "trace-invite.png") });
    await page.screenshot({ path: join(shots, "trace-editor.png") });

    // bob busy: the 486 passes through failure_route[MISSED].
    const traffic = JSON.parse(readFileSync(join(example, "traffic.json"), "utf8"));
    traffic.agents[1].answer.code = 486;
    await page.evaluate(
      (t) => (window as unknown as KamsimWindow).kamsim.setTexts({ traffic: t }),
      JSON.stringify(traffic),
    );
    await run.click();
    await expect.poll(status).toBe("ended");
    await expect.poll(() => trace.count()).toBe(0);
    // A Ladder out of sight follows no frame: Run scrolled the dashboard to the controls.
    await ladder.scrollIntoViewIfNeeded();
    await list.getByRole("option", { name: /bob → kamailio 486 Busy Here/ }).click();
    await expect.poll(() => trace.textContent()).toContain("▶ failure_route[MISSED]");
    expect(await trace.textContent()).toContain("t_is_canceled() → -1");

    // A Log line's request: failure_route's line is written for the INVITE (tm runs it on the
    // transaction's request), whose trace shows route[RELAY].
    const log = page.getByRole("listbox", { name: "Log lines" });
    await log.scrollIntoViewIfNeeded();
    await log.getByRole("option", { name: /call to bob failed: 486 Busy Here/ }).click();
    await page
      .getByRole("region", { name: "Line details" })
      .getByRole("button", { name: "Trace this request" })
      .click();
    await expect.poll(() => trace.textContent()).toContain("▶ RELAY");
    await page.close();
  });
});
