/**
 * The Traffic panel's agents (issue 12 §5) in the built playground, by accessible names: first-call
 * paused at 1.5 s (both phones registered), bob set to answer busy and alice made to call bob now;
 * run to the end: the 486 is in the Ladder, its trace passes through failure_route[MISSED], whose
 * line is in the Log, alice's row says so; Save traffic holds both actions, and `kamsim run` of that file prints the page's Log.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Download, Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";
import { openExample } from "./open-example.js";

const avail = chromiumAvailability();
const root = join(import.meta.dirname, "..", "..");

async function saveDownload(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return download;
}

async function downloaded(page: Page, button: string): Promise<string> {
  const d = await saveDownload(page, () => page.getByRole("button", { name: button }).click());
  return readFileSync((await d.path()) ?? "", "utf8");
}

describeNeeding(CHROMIUM_NEED, avail, "agents in the Traffic panel", () => {
  const pg = servePlayground();

  it("bob answers busy, alice calls bob now: the 486 in the Ladder and the Log, the actions in Save traffic", async () => {
    const { page, run } = await openExample(pg.context, pg.url, "first-call", "Infinity");
    const status = page.getByRole("status", { name: "Simulation status" });
    await page.evaluate(() => (window as unknown as { kamsim: { runUntil(s: number): void } }).kamsim.runUntil(1.5));
    await expect.poll(() => status.textContent()).toBe("paused");

    const traffic = page.getByRole("region", { name: "Traffic" });
    await traffic.scrollIntoViewIfNeeded();
    const bob = traffic.getByRole("status", { name: "bob state" });
    const alice = traffic.getByRole("status", { name: "alice state" });
    // bob registered at 1 s for 3,600 s: at 1.5 s, 3,599.5 s are left, shown as the countdown shows them.
    await expect.poll(() => bob.textContent()).toBe("registered, 3,600 s left");
    await expect.poll(() => alice.textContent()).toMatch(/^registered, /);
    const answers = traffic.getByRole("combobox", { name: "bob answers with" });
    expect(await answers.inputValue()).toBe("200");
    await answers.selectOption({ label: "486 Busy Here" });
    await traffic.getByRole("combobox", { name: "alice calls" }).fill("bob");
    await traffic.getByRole("button", { name: "alice: call bob now" }).click();
    await run.click();
    await expect.poll(() => status.textContent()).toBe("ended");
    expect(await answers.inputValue()).toBe("486");
    await expect.poll(() => alice.textContent()).toContain("last: to bob, 486 Busy Here");

    const ladder = page.getByRole("region", { name: "Ladder" });
    await ladder.scrollIntoViewIfNeeded();
    const rows = ladder.getByRole("option", { name: /bob → kamailio 486 Busy Here/ });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const log = page.getByRole("region", { name: "Log" });
    await expect.poll(() => log.getByText("call to bob failed: 486 Busy Here").count()).toBeGreaterThan(0);
    // The 486's trace: it passed through failure_route[MISSED] (issue 12's Done-when).
    await rows.first().click();
    const trace = page.getByRole("region", { name: "Trace" });
    await expect.poll(() => trace.textContent()).toContain("▶ failure_route[MISSED]");

    const saved = await downloaded(page, "Save traffic");
    const file = JSON.parse(saved) as { agents: { name: string; actions?: Record<string, unknown>[] }[] };
    const actions = Object.fromEntries(file.agents.map((a) => [a.name, a.actions ?? []]));
    expect(actions.alice).toEqual([{ at: expect.any(Number), do: "call", to: "bob" }]);
    expect(actions.bob).toEqual([
      { at: expect.any(Number), do: "answer", answer: expect.objectContaining({ code: 486 }) },
    ]);
    for (const a of [...(actions.alice ?? []), ...(actions.bob ?? [])]) {
      expect(a.at).toBeGreaterThan(1.5);
      expect(a.at).toBeLessThan(1.6);
    }
    // The saved file replays the page's run: kamsim run prints the page's Log, line for line.
    const logText = await downloaded(page, "Save log as text");
    const dir = mkdtempSync(join(tmpdir(), "kamsim-agents-"));
    writeFileSync(join(dir, "traffic.json"), saved);
    const cli = spawnSync(
      process.execPath,
      [join(root, "cli", "bin.js"), "run", "kamailio.cfg", "--traffic", join(dir, "traffic.json")],
      { cwd: join(root, "examples", "first-call"), encoding: "utf8" },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toBe(logText);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});
