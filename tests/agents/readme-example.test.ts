/** README's "User agents" example is a valid traffic file that says what the text around it says. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseTrafficText } from "../../src/engine/index.js";

const README = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");

describe("README's user agents example", () => {
  it("validates, with alice calling bob for 10 s and carol pinging the proxy", () => {
    const section = README.slice(README.indexOf("#### User agents"));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    const r = parseTrafficText(json);
    if ("errors" in r) throw new Error(JSON.stringify(r.errors));
    const [alice, bob, carol] = r.plan.agents;
    expect(alice?.calls).toEqual([
      { at: 2_000_000, to: { user: "bob" }, hold: 10_000_000, cancel: null, reinvite: null, every: 0, count: 1 },
    ]);
    expect(bob?.register).toMatchObject({ at: 500_000, expires: 3600 });
    expect(carol?.requests).toEqual([{ at: 5_000_000, method: "OPTIONS", to: null, body: "" }]);
  });
});
