/**
 * The Ladder (issue 12 §1) in the built playground, by accessible names: the first-call example
 * run to its end, the Ladder's messages walked with the keyboard (Home, then ArrowDown through
 * the listbox) equal the `sip` send events of `kamsim run --format jsonl --events` for the same
 * config, traffic and seed — one arrow per message, in order, with its time, sender, receiver and
 * label; Enter and a click open a message's whole text; hiding OPTIONS/REGISTER and choosing a
 * call filter the rows.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { CHROMIUM_NEED, chromiumAvailability, servePlayground, WAIT_MS } from "./browser.js";
import { exampleEventLines } from "./cli-events.js";
import { openExample } from "./open-example.js";

const avail = chromiumAvailability();

interface CliSip {
  t: number;
  op: string;
  id: number;
  fromNode: string;
  toNode: string;
  method: string;
  status?: number;
  callId: string;
  text: string;
}

/** The `sip` events of `kamsim run --format jsonl --events` in the example's folder. */
async function cliSip(id: string): Promise<CliSip[]> {
  return (await exampleEventLines(id)).map((l) => JSON.parse(l)).filter((e) => e.kind === "sip");
}

/** A message as the Ladder names it: time, sender → receiver, method or "code reason", fate. */
function nameOf(e: CliSip, fate: string): string {
  const first = e.text.slice(0, e.text.indexOf("\r\n"));
  const label = e.status === undefined ? e.method : first.slice("SIP/2.0 ".length);
  return `${e.t.toFixed(3)} s ${e.fromNode} → ${e.toNode} ${label}, ${fate}`;
}

describeNeeding(CHROMIUM_NEED, avail, "the Ladder", () => {
  const pg = servePlayground();

  it("shows first-call's messages as the CLI's sip events, opens their text, filters", async () => {
    const events = cliSip("first-call");
    const { page, run } = await openExample(pg.context, pg.url, "first-call", "Infinity");
    await run.click();
    await expect.poll(() => page.getByRole("status", { name: "Simulation status" }).textContent()).toBe("ended");

    const sip = await events;
    const sent = sip.filter((e) => e.op === "send");
    const arrived = new Map(sip.filter((e) => e.op === "recv").map((e) => [e.id, e.t]));
    const expected = sent.map((e) => nameOf(e, arrived.get(e.id) === e.t ? "arrived" : "in flight"));
    expect(sent.length).toBe(18);

    const ladder = page.getByRole("region", { name: "Ladder" });
    await ladder.scrollIntoViewIfNeeded();
    await expect.poll(() => ladder.getByText(`${sent.length} messages`).count()).toBe(1);
    const list = ladder.getByRole("listbox", { name: "Ladder messages" });
    const active = () =>
      list.evaluate((el) => {
        const id = el.getAttribute("aria-activedescendant");
        const row = id ? document.getElementById(id) : null;
        return row ? { label: row.getAttribute("aria-label"), pos: row.getAttribute("aria-posinset") } : undefined;
      });
    await list.focus();
    await page.keyboard.press("Home");
    const shown: string[] = [];
    for (let i = 0; i < sent.length; i++) {
      if (i > 0) await page.keyboard.press("ArrowDown");
      const a = await active();
      expect(a?.pos).toBe(String(i + 1));
      shown.push(a?.label ?? "");
    }
    expect(shown).toEqual(expected);

    // Enter on the last message (bob's 200 OK to the BYE, relayed to alice) opens its text.
    await page.keyboard.press("Enter");
    const details = page.getByRole("region", { name: "Message details" });
    const last = sent.at(-1) as CliSip;
    await expect.poll(() => details.textContent()).toContain(last.text.trimEnd());
    await page.keyboard.press("Escape");
    await expect.poll(() => details.count()).toBe(0);

    // A click on bob's 200 OK to the INVITE shows that message, with its Call-ID.
    const ok = sent.find((e) => e.status === 200 && e.method === "INVITE" && e.fromNode === "bob") as CliSip;
    await list.getByRole("option", { name: nameOf(ok, "arrived") }).click();
    await expect.poll(() => details.textContent()).toContain(ok.text.split("\r\n")[0] as string);
    expect(await details.textContent()).toContain(`Call-ID ${ok.callId}`);

    // Hiding OPTIONS/REGISTER leaves the call; choosing the call's Call-ID leaves the call only.
    await ladder.getByRole("checkbox", { name: "hide OPTIONS/REGISTER" }).check();
    const setsize = () => list.getByRole("option").first().getAttribute("aria-setsize", { timeout: WAIT_MS });
    const noRegister = sent.filter((e) => e.method !== "REGISTER" && e.method !== "OPTIONS").length;
    await expect.poll(setsize).toBe(String(noRegister));
    await ladder.getByRole("checkbox", { name: "hide OPTIONS/REGISTER" }).uncheck();
    // The menu lists the calls once opened (focused).
    await ladder.getByRole("combobox", { name: "Call" }).focus();
    await ladder.getByRole("combobox", { name: "Call" }).selectOption(ok.callId);
    const callRows = sent.filter((e) => e.callId === ok.callId).length;
    await expect.poll(setsize).toBe(String(callRows));

    // The call as a PNG for slides: a real PNG, twice the SVG's size, one row band per message.
    const saving = page.waitForEvent("download");
    await ladder.getByRole("button", { name: "Save ladder as PNG" }).click();
    const png = await saving;
    expect(png.suggestedFilename()).toBe("kamsim-ladder.png");
    const bytes = readFileSync((await png.path()) as string);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16 and 20 (the SVG: 30 px of titles, 28 a row, 8 below).
    expect(bytes.readUInt32BE(20)).toBe(2 * (30 + 28 * callRows + 8));
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(2 * 70);
    await page.close();
  });
});
