/**
 * Stand-ins say what they return and return it (docs/kamailio/stand-ins.md): a function kamsim
 * does not simulate returns its declared value — chosen so the config's most likely path runs —
 * the warning names that value, and the docs page lists every declared one.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileConfig } from "../../src/engine/index.js";
import { moduleRegistry } from "../../src/engine/modules/registry.js";
import { runScript, scriptOnly } from "../support/script.js";

describe("stand-in values", () => {
  it("nat_uac_test() says it answers 'no NAT' and returns -1; an undeclared one returns 1", () => {
    const body =
      'if (nat_uac_test("19")) { xlog("L_INFO", "nat\\n"); } else { xlog("L_INFO", "no nat $rc\\n"); }\n' +
      '  fix_nated_contact(); xlog("L_INFO", "fix $rc\\n");\n' +
      '  add_rcv_param(); xlog("L_INFO", "rcv $rc\\n");';
    expect(scriptOnly(runScript(body, { modules: ["nathelper"] }))).toEqual(["no nat -1", "fix 1", "rcv 1"]);
    const cfg = `#!KAMAILIO\nloadmodule "nathelper.so"\nrequest_route {\n${body}\n}\n`;
    const warnings = compileConfig(cfg)
      .diagnostics.filter((d) => d.code === "not_simulated" && d.message.includes("()"))
      .map((d) => d.message);
    expect(warnings).toEqual([
      "nat_uac_test() (module nathelper) is not simulated by kamsim: it returns -1 (no NAT detected) and does nothing",
      "fix_nated_contact() (module nathelper) is not simulated by kamsim: it returns 1 (Contact left unchanged) and does nothing",
      "add_rcv_param() (module nathelper) is not simulated by kamsim: it returns 1 and does nothing",
    ]);
  });

  it("the docs page lists exactly the declared values", () => {
    const page = readFileSync("docs/kamailio/stand-ins.md", "utf8");
    const rows = page.split("\n").filter((l) => /^\| `\w+\(\)` \|/.test(l));
    const declared = moduleRegistry.flatMap((m) =>
      Object.entries(m.functions).flatMap(([n, f]) =>
        f.standIn ? [`| \`${n}()\` | ${m.name} | ${f.standIn.returns} | ${f.standIn.means} |`] : [],
      ),
    );
    expect(rows.sort()).toEqual(declared.sort());
  });
});
