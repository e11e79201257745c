/**
 * Modules that need modules (a declaration's `needs`, docs/kamailio/config-errors.md): Kamailio
 * does not start when one is missing, nor when tm or usrloc is loaded after a module that binds
 * it (modules are initialised in `loadmodule` order). Each verdict was observed on Kamailio 5.6.3;
 * tests/kamailio/catalog-parity.test.ts proves every declared need by a start without it.
 */
import { describe, expect, it } from "vitest";
import { analyzeConfig } from "../../src/engine/index.js";

function needsErrors(modules: readonly string[]): string[] {
  const text = `${modules.map((m) => `loadmodule "${m}.so"`).join("\n")}\nrequest_route { exit; }\n`;
  return analyzeConfig(text, { name: "kamailio.cfg" })
    .diagnostics.filter((d) => d.code === "module_needs")
    .map((d) => d.message.replace(/^.*?: .*?: /, ""));
}

describe("modules that need modules", () => {
  it("a missing need is an error", () => {
    expect(needsErrors(["acc"])).toEqual(['it needs module tm (loadmodule "tm.so")']);
    // One error per place: registrar's first missing need (sl) is named.
    expect(needsErrors(["registrar"])).toEqual(['it needs module sl (loadmodule "sl.so")']);
  });
  it("tm and usrloc must come first; sl, pv and rr may come later", () => {
    expect(needsErrors(["tm", "acc"])).toEqual([]);
    expect(needsErrors(["acc", "tm"])).toEqual(["module tm is not initialized yet (load tm before acc)"]);
    expect(needsErrors(["registrar", "usrloc", "sl"])).toEqual([
      "module usrloc is not initialized yet (load usrloc before registrar)",
    ]);
    expect(needsErrors(["siputils", "sl", "pv"])).toEqual([]);
    expect(needsErrors(["tm", "uac", "rr"])).toEqual([]);
  });
});
