/**
 * The page's loading state, checked with the page's entry script held back: what shows then is
 * index.html alone, before any script has run. It must be there (a status that says the page is
 * loading, in the system's colours, light and dark), and be gone once the app has mounted.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The loading state's colours (index.html), as the browser computes them. */
const COLOURS = {
  light: { background: "rgb(255, 255, 255)", color: "rgb(17, 24, 39)" },
  dark: { background: "rgb(11, 15, 23)", color: "rgb(232, 237, 245)" },
};

/**
 * Opens `url` in `page` with the request for the entry script (`entry`) held, checks the loading
 * state in both colour schemes, lets the script go, and checks the state is gone once the app
 * shows its Run button. `wait` bounds the waits (the dev server is slow to send modules).
 * Returns the URLs the page asked for while its script was held.
 */
export async function checkLoadingState(
  page: Page,
  url: string,
  entry: RegExp,
  wait: { timeout: number },
): Promise<string[]> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let seen = false;
  await page.route(entry, async (route) => {
    seen = true;
    await held;
    await route.continue();
  });
  const asked: string[] = [];
  page.on("request", (r) => asked.push(r.url()));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(url, { waitUntil: "commit", ...wait });
  const status = page.getByRole("status").filter({ hasText: "Loading the kamsim playground" });
  await status.waitFor(wait);
  await expect.poll(() => seen, wait).toBe(true);
  const before = await page.evaluate(() => ({
    // The entry script has not run: main.tsx defines window.kamsim.
    ran: "kamsim" in window,
  }));
  expect(before.ran).toBe(false);
  const colours = () =>
    page.locator(".boot").evaluate((e) => {
      const s = getComputedStyle(e);
      return { background: s.backgroundColor, color: s.color };
    });
  expect(await colours()).toEqual(COLOURS.dark);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await colours()).toEqual(COLOURS.light);
  const whileHeld = [...asked];
  release();
  await page.getByRole("button", { name: "Run" }).waitFor(wait);
  expect(await page.getByText("Loading the kamsim playground").count()).toBe(0);
  expect(await page.locator(".boot").count()).toBe(0);
  await page.unroute(entry);
  return whileHeld;
}
