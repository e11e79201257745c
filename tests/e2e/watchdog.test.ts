/**
 * The page survives engine work that runs long (issue 9 §4: "Any engine work in the page must be
 * interruptible, its memory bounded, and Reset must always work"). The config below spends
 * hours in its first request — max_while_loops=0, a loop matching a regular expression against
 * a 1 MB string — so the worker answers nothing. Without the watchdog the page said "running"
 * for ever and Reset did nothing.
 */
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
type KamsimWindow = { kamsim: { texts(): Texts; setTexts(t: Partial<Texts>): void } };

const HANG = `max_while_loops=0
loadmodule "pv.so"
request_route {
    $var(s) = "a";
    $var(i) = 0;
    while ($var(i) < 20) {
        $var(s) = $var(s) + $var(s);
        $var(i) = $var(i) + 1;
    }
    while (1) {
        if ($var(s) =~ "b") {
            drop;
        }
    }
}
`;
const TRAFFIC = JSON.stringify(
  {
    duration: 10,
    seed: 1,
    streams: [{ name: "one", src: "192.0.2.1", method: "OPTIONS", rate: 1, start: 0.5, count: 1 }],
  },
  null,
  2,
);

const status = (page: Page) => page.getByRole("status", { name: "Simulation status" }).textContent();
const notice = (page: Page) => page.getByRole("alert", { name: "Notice" }).textContent();
const clock = async (page: Page) =>
  Number(/t = ([\d.]+) s/.exec((await page.getByLabel("Virtual time").textContent()) ?? "")?.[1]);

describeNeeding(CHROMIUM_NEED, avail, "playground watchdog", () => {
  const pg = servePlayground();

  async function openHanging(): Promise<Page> {
    const page = await pg.context.newPage();
    await page.goto(pg.url);
    await expect.poll(() => status(page)).toMatch(/ready|paused|ended/);
    await page.evaluate(
      ([config, traffic]) => (window as unknown as KamsimWindow).kamsim.setTexts({ config, traffic }),
      [HANG, TRAFFIC] as const,
    );
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => status(page)).toBe("ready");
    return page;
  }

  it("stops a step that runs long, says so, and loads the texts again without running them", async () => {
    const page = await openHanging();
    await page.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => status(page)).toBe("running");
    await expect
      .poll(() => notice(page), { timeout: 30_000 })
      .toMatch(
        /^The simulation took more than \d+ s on one step and was stopped after t = 0\.\d+ s\. It was loaded again at t = 0 and is paused; your texts are kept\./,
      );
    await expect.poll(() => status(page)).toBe("ready");
    expect(await clock(page)).toBe(0);
    const texts = await page.evaluate(() => (window as unknown as KamsimWindow).kamsim.texts());
    expect(texts.config).toBe(HANG);
    expect(texts.traffic).toBe(TRAFFIC);
    // No restart loop: the new worker waits for the user, well past another watchdog period.
    await page.waitForTimeout(10_000);
    expect(await status(page)).toBe("ready");
    expect(await clock(page)).toBe(0);
    await page.close();
  });

  it("Reset and Apply work while the worker is deep in a long step", async () => {
    const page = await openHanging();
    await page.getByRole("button", { name: "Step" }).click();
    // The step is under way (the worker took it and answers nothing more).
    await page.waitForTimeout(2_000);
    const pressed = Date.now();
    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => status(page)).toBe("ready");
    await expect.poll(() => clock(page)).toBe(0);
    // Sooner than the watchdog would have: Reset itself replaced the busy worker.
    expect(Date.now() - pressed).toBeLessThan(6_000);
    await page.getByRole("button", { name: "Step" }).click();
    await page.waitForTimeout(2_000);
    // Apply with a config that runs: it loads and runs at once.
    await page.evaluate(
      (config) => (window as unknown as KamsimWindow).kamsim.setTexts({ config }),
      'loadmodule "pv.so"\nloadmodule "xlog.so"\nrequest_route {\n    xlog("L_INFO", "quick\\n");\n    drop;\n}\n',
    );
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => status(page)).toBe("ready");
    await page.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe("ended");
    await page.close();
  });
});
