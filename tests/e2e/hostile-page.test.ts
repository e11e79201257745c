/**
 * Hostile input typed into the page (issue 9 §4 'RPC input'): `__proto__` in the RPC console was
 * looked up on a plain object inside the worker, crashed the simulation and wiped the run. Now it
 * is an unknown command, answered as kamcmd answers one, and the run stays where it was.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();

const clock = async (page: Page) =>
  Number(/t = ([\d.]+) s/.exec((await page.getByLabel("Virtual time").textContent()) ?? "")?.[1]);
const status = (page: Page) => page.getByRole("status", { name: "Simulation status" }).textContent();

describeNeeding(CHROMIUM_NEED, avail, "playground with hostile input", () => {
  const pg = servePlayground();

  it("RPC console: __proto__ and constructor are unknown commands; the run is kept", async () => {
    const page = await pg.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(pg.url);
    await expect.poll(() => status(page)).toMatch(/ready|paused|ended/);
    await page.evaluate(() => (window as unknown as { kamsim: { runUntil(s: number): void } }).kamsim.runUntil(3));
    await expect.poll(() => status(page)).toBe("paused");
    const at = await clock(page);
    expect(at).toBeGreaterThan(2.9);
    const rpc = page.getByRole("region", { name: "RPC console", exact: true });
    for (const name of ["__proto__", "constructor"]) {
      await rpc.getByRole("textbox").fill(name);
      await rpc.getByRole("textbox").press("Enter");
      await expect.poll(() => rpc.getByRole("log").textContent()).toContain(`error: 500 - command ${name} not found`);
    }
    // The simulation did not crash: no restart notice, same status and time, and it runs on.
    expect(await page.getByRole("alert", { name: "Notice" }).count()).toBe(0);
    expect(await status(page)).toBe("paused");
    expect(await clock(page)).toBe(at);
    await rpc.getByRole("textbox").fill("mqueue.get_sizes");
    await rpc.getByRole("textbox").press("Enter");
    await expect.poll(() => rpc.getByRole("log").textContent()).toContain("name: alert");
    await page.close();
  });
});
