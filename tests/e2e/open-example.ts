/**
 * A fresh page of the built playground at 1400×900 with an example chosen from the Examples menu
 * (and a speed, when given), Run enabled: where most browser tests of a view begin.
 */
import type { BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";

export async function openExample(
  context: BrowserContext,
  url: string,
  id: string,
  speed?: string,
): Promise<{ page: Page; run: Locator }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(url);
  const run = page.getByRole("button", { name: "Run" });
  await expect.poll(() => run.isEnabled()).toBe(true);
  await page.getByRole("combobox", { name: "Examples" }).selectOption(id);
  if (speed !== undefined) await page.getByRole("combobox", { name: "Speed" }).selectOption(speed);
  await expect.poll(() => run.isEnabled()).toBe(true);
  return { page, run };
}
