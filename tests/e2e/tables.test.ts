/**
 * The Registrations and Transactions views (issue 12 §4) in the built playground, by accessible
 * names: first-call paused at 5 s shows both phones (the AORs alice and bob with their contacts
 * and the seconds they have left) and the INVITE's transaction with its final 200, its branch
 * to bob, the route run for each reply and the wait timer that deletes it; run to its end, the
 * INVITE's transaction is among the finished ones with its 200. Every figure is checked against
 * `kamsim run --format jsonl --events` of the same example. Both lists take the keyboard's focus.
 */
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground } from "./browser.js";
import { exampleEventLines } from "./cli-events.js";
import { openExample } from "./open-example.js";

const avail = chromiumAvailability();

interface Cli {
  t: number;
  kind: string;
  op?: string;
  aor?: string;
  contact?: string;
  expires?: number;
  tid?: string;
  method?: string;
  code?: number;
  route?: string;
  dst?: string;
  at?: number;
  buf?: string;
}

describeNeeding(CHROMIUM_NEED, avail, "the Registrations and Transactions views", () => {
  const pg = servePlayground();

  it("first-call: both phones registered, the INVITE's transaction and its final 200", async () => {
    const lines = exampleEventLines("first-call");
    const { page, run } = await openExample(pg.context, pg.url, "first-call", "Infinity");
    const status = page.getByRole("status", { name: "Simulation status" });
    await page.evaluate(() => (window as unknown as { kamsim: { runUntil(s: number): void } }).kamsim.runUntil(5));
    await expect.poll(() => status.textContent()).toBe("paused");

    const events = (await lines).map((l) => JSON.parse(l) as Cli).filter((e) => e.t <= 5);
    const ul = events.filter((e) => e.kind === "ul");
    const tm = events.filter((e) => e.kind === "tm");

    // Both phones, each with its contact and the seconds left at 5 s (whole Unix seconds).
    const regs = page.getByRole("region", { name: "Registrations" });
    await regs.scrollIntoViewIfNeeded();
    for (const aor of ["alice", "bob"]) {
      const ins = ul.find((e) => e.op === "insert" && e.aor === aor) as Cli;
      const item = regs.getByRole("listitem", { name: `AOR ${aor}` });
      await expect.poll(() => item.textContent()).toContain(ins.contact);
      const left = (ins.expires as number) - (5 - Math.floor(ins.t));
      expect(await item.textContent()).toContain(`expires in ${left.toLocaleString("en-US")} s`);
    }
    await regs.getByRole("list", { name: "Registered AORs" }).focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Registered AORs");

    // The INVITE's transaction: its final 200, its branch to bob with the last reply, the
    // onreply_route run for each reply, and the wait timer's moment from the `arm` event.
    const invite = tm.find((e) => e.op === "new" && e.method === "INVITE") as Cli;
    const tid = invite.tid as string;
    const of = tm.filter((e) => e.tid === invite.tid);
    expect(of.find((e) => e.op === "final")?.code).toBe(200);
    const txs = page.getByRole("region", { name: "Transactions" });
    await txs.scrollIntoViewIfNeeded();
    const tx = txs.getByRole("listitem", { name: `Transaction INVITE ${invite.tid}` });
    await expect.poll(() => tx.getByTestId("tx-final").textContent()).toBe("final 200");
    const text = (await tx.textContent()) ?? "";
    const branch = of.find((e) => e.op === "branch") as Cli;
    expect(text).toContain(branch.dst);
    expect(text).toContain("last reply 200");
    for (const r of of.filter((e) => e.op === "route")) expect(text).toContain(`${r.route} ran for ${r.code}`);
    const wait = of.find((e) => e.op === "arm" && e.buf === "wait") as Cli;
    expect(text).toContain(`(at ${((wait.at as number) / 1e6).toFixed(3)} s): then the transaction is deleted`);
    await txs.getByRole("list", { name: "Open transactions" }).focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Open transactions");

    // To the end: the wait timer deleted it; it is among the finished ones with its 200.
    await run.click();
    await expect.poll(() => status.textContent()).toBe("ended");
    // Run's click scrolls to the controls; a view out of sight follows no frame until seen again.
    await txs.scrollIntoViewIfNeeded();
    const done = txs.getByRole("table", { name: "Finished transactions" });
    await expect
      .poll(() => done.getByRole("row").filter({ hasText: tid }).textContent())
      .toMatch(new RegExp(`INVITE${tid.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}200`));
    await page.close();
  });
});
