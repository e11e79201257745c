/**
 * The page's Content-Security-Policy (index.html, issue 9 §4): scripts, workers and requests
 * from its own origin only — and with it the page still works: Monaco draws the config and its
 * JSON worker starts, the simulation worker runs the classic example. Chromium reports every
 * blocked load or inline script as a securitypolicyviolation event; there must be none.
 */
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";

const avail = chromiumAvailability();

describeNeeding(CHROMIUM_NEED, avail, "playground Content-Security-Policy", () => {
  const pg = servePlayground();

  it("allows only the page's own scripts and workers, and nothing the page uses is blocked", async () => {
    const page = await pg.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(pg.url);
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content", { timeout: 5_000 });
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("default-src 'self';");
    expect(policy).toContain("object-src 'none'");
    // An inline script is refused (a shared link's text can never become code on the page).
    const inline = await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.inlineRan = true";
      document.head.append(s);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(inline).toBe(false);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.length))
      .toBe(1);
    // Monaco draws the config; the traffic tab's JSON worker starts; the simulation runs.
    await expect.poll(() => page.locator(".monaco-editor .view-line").count()).toBeGreaterThan(5);
    await page.getByRole("tab", { name: "traffic.json" }).click();
    await expect.poll(() => page.locator(".monaco-editor .view-line").first().textContent()).toContain("{");
    await page.getByLabel("Speed").selectOption("Infinity");
    await page.getByRole("button", { name: "Run" }).click();
    const log = page.getByRole("region", { name: "Log", exact: true });
    await expect.poll(() => log.textContent()).toContain("ALERT: <script>: ALERT: src [203.0.113.66:5060]");
    // Only the refused inline script: nothing the page itself loads was blocked.
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual(["script-src-elem inline"]);
    await page.close();
  });
});
