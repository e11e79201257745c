/**
 * `npm start` (Vite's dev server) shows a loading state at once, then opens the playground with
 * the classic example loaded, and it runs. The other browser tests use the production build; this one checks the newcomer's command.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, launchChromium, TEST_MS } from "./browser.js";
import { checkLoadingState } from "./loading-state.js";

const avail = chromiumAvailability();
const root = join(import.meta.dirname, "..", "..");
/**
 * The dev server transforms each module on its first request and pre-bundles Monaco on the first
 * page load: on a loaded machine that takes minutes, so its waits are bounded more loosely.
 */
const DEV_WAIT = { timeout: TEST_MS / 2, interval: 200 };

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

describeNeeding(CHROMIUM_NEED, avail, `npm start`, () => {
  let vite: ChildProcess | undefined;
  afterAll(() => {
    if (vite?.pid) vite.kill("SIGTERM");
  });

  it("serves the playground with the classic example, ready to run", async () => {
    const port = await freePort();
    // What `npm start` runs (`vite`), bound to loopback on a free port.
    vite = spawn(
      process.execPath,
      [
        join(root, "node_modules", "vite", "bin", "vite.js"),
        "--host",
        "127.0.0.1",
        "--port",
        String(port),
        "--strictPort",
      ],
      {
        cwd: root,
        stdio: "ignore",
      },
    );
    const url = `http://127.0.0.1:${port}/`;
    await expect
      .poll(
        () =>
          fetch(url).then(
            (r) => r.status,
            () => 0,
          ),
        DEV_WAIT,
      )
      .toBe(200);
    const { context, close } = await launchChromium();
    try {
      const page = await context.newPage();
      // index.html says the page is loading before any of the modules Vite transforms arrive
      // (on this machine they took 10–15 s of white page).
      await checkLoadingState(page, url, /\/src\/ui\/main\.tsx(\?.*)?$/, { timeout: DEV_WAIT.timeout });
      await page.getByRole("button", { name: "Run" }).and(page.locator(":enabled")).waitFor(DEV_WAIT);
      const editor = page.locator(".monaco-editor .view-lines");
      await editor.waitFor(DEV_WAIT);
      // Monaco draws the lines a frame after the editor appears.
      await expect.poll(() => editor.textContent()).toContain("QMALERT");
      await page.getByRole("button", { name: "Run" }).click();
      await expect.poll(() => page.getByLabel("Virtual time").textContent()).not.toBe("t = 0.000 s");
    } finally {
      await close();
    }
  });
});
