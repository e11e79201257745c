import { describe, expect, it } from "vitest";
import { compileConfig, moduleCatalog } from "../../engine/index.js";
import { indexCatalog } from "./catalog-index.js";
import { definitionAt } from "./definition-target.js";

const CFG = `loadmodule "mqueue.so"
loadmodule "rtimer.so"
modparam("rtimer", "timer", "name=ta;interval=5;mode=1;")
modparam("rtimer", "exec", "timer=ta;route=QMALERT")
modparam("mqueue", "mqueue", "name=alert;size=10")
modparam("mqueue", "mqueue_name", "audit")
request_route {
    route(CHECK);
    t_on_failure("MISSED");
    mq_add("alert", "k", "v");
    mq_fetch("audit");
    xlog("L_INFO", "$mqk(alert)");
}
route[CHECK] { }
route[QMALERT] { }
failure_route[MISSED] { }
route[MISSED] { }
`;

/** What the worker's check of CFG tells the editor, and the module catalog. */
const PROGRAM = compileConfig(CFG).info;
const INDEX = indexCatalog(moduleCatalog());

/** Where going to definition from `needle` (plus `delta`) lands, as "line: text". */
function target(needle: string, delta = 1): string | undefined {
  const d = definitionAt(CFG, CFG.indexOf(needle) + delta, INDEX, PROGRAM);
  if (!d) return undefined;
  const line = CFG.slice(0, d.start).split("\n").length;
  return `${line}: ${CFG.slice(d.start, d.end)}`;
}

describe("definitionAt", () => {
  it("goes from route(NAME) to route[NAME]", () => {
    expect(target("CHECK)")).toBe("14: CHECK");
  });

  it("goes from t_on_failure to the failure_route, not the route of the same name", () => {
    expect(target('"MISSED"')).toBe("16: MISSED");
  });

  it("goes from rtimer's route= and timer= to their definitions", () => {
    expect(target("QMALERT")).toBe("15: QMALERT");
    expect(target("timer=ta", 6)).toBe("3: ta");
  });

  it("goes from a queue's use to the modparam declaring it", () => {
    expect(target('"alert", "k"')).toBe("5: alert");
    expect(target('fetch("audit"', 7)).toBe("6: audit");
    expect(target("$mqk(alert)", 6)).toBe("5: alert");
  });

  it("trusts the engine's spans only while the text there is still the name", () => {
    // The info is of the text last checked: a line typed above since then moves the name.
    const edited = `\n${CFG}`;
    const at = edited.indexOf('"alert", "k"') + 1;
    expect(definitionAt(edited, at, INDEX, PROGRAM)).toBeUndefined();
    expect(definitionAt(edited, at, INDEX, compileConfig(edited).info)).toBeDefined();
  });

  it("finds nothing for names the config does not define or other words", () => {
    expect(definitionAt("route(NOPE);", 7, INDEX)).toBeUndefined();
    expect(target("request_route")).toBeUndefined();
  });
});
