import { describe, expect, it } from "vitest";
import { compileConfig, moduleCatalog } from "../../engine/index.js";
import { indexCatalog } from "./catalog-index.js";
import { hoverAt } from "./hover-docs.js";

const index = indexCatalog(moduleCatalog());

const CFG = `children=4
loadmodule "mqueue.so"
loadmodule "sdpops.so"
modparam("mqueue", "mqueue", "name=alert")
request_route {
    mq_add("alert", "$si", "x");
    sdp_with_ice();
    xlog("L_ALERT", "src $mqk(alert)\\n");
    route(X);
    # mq_fetch("alert");
}
`;

/** The hover at the first occurrence of `needle` (plus `delta` characters). */
function hover(needle: string, delta = 0) {
  const at = CFG.indexOf(needle) + delta;
  const h = hoverAt(CFG, at, index, compileConfig(CFG).info);
  return h && { ...h, over: CFG.slice(h.start, h.end) };
}

describe("hoverAt", () => {
  it("documents a function call from its module", () => {
    const h = hover("mq_add", 2);
    expect(h?.over).toBe("mq_add");
    expect(h?.markdown).toContain("`mq_add(queue, key, value)` — module **mqueue**");
    expect(h?.markdown).not.toContain("Not simulated");
  });

  it("says when kamsim does not simulate a function or module", () => {
    expect(hover("sdp_with_ice")?.markdown).toContain("Not simulated by kamsim: it returns 1 and does nothing.");
    expect(hover('"sdpops.so"', 1)?.markdown).toContain("Not simulated by kamsim");
  });

  it("documents pseudo-variables, also inside strings", () => {
    expect(hover('"$si"', 2)).toMatchObject({ over: "$si" });
    expect(hover("$mqk(alert)", 3)?.over).toBe("$mqk(alert)");
    expect(hover("$mqk(alert)", 3)?.markdown).toContain("module **mqueue**");
  });

  it("documents core parameters, modules and modparams", () => {
    expect(hover("children")?.markdown).toContain("core parameter");
    expect(hover('"mqueue.so"', 2)?.markdown).toContain("module **mqueue**");
    expect(hover('"mqueue", "mqueue"', 2)?.markdown).toContain("module **mqueue**");
    expect(hover('"mqueue", "name', 2)?.markdown).toContain('`modparam("mqueue", "mqueue", …)`');
  });

  it("shows nothing in comments or on plain words", () => {
    expect(hover("mq_fetch")).toBeUndefined();
    expect(hover("request_route")).toBeUndefined();
  });
});
