import { describe, expect, it } from "vitest";
import { compileConfig, placeDiagnostics } from "../../engine/index.js";
import { lineColOf, markerSpecs } from "./marker-specs.js";

function diagnose(text: string) {
  const c = compileConfig(text, { name: "kamailio.cfg" });
  return placeDiagnostics(c.diagnostics, c.front.files);
}

/** What the worker's check tells the editor: the functions kamsim does not simulate. */
const unsimulated = (text: string) => compileConfig(text, { name: "kamailio.cfg" }).info.unsimulatedCalls;

const short = (m: ReturnType<typeof markerSpecs>[number]) =>
  `${m.level} ${m.code} ${m.startLine}:${m.startCol}-${m.endLine}:${m.endCol}`;

describe("markerSpecs", () => {
  it("places the worker's diagnostics at their exact range", () => {
    const text = 'loadmodule "xlog.so"\nrequest_route {\n    xlog("L_INFO", "a")\n    exit;\n}\n';
    expect(markerSpecs(diagnose(text), "kamailio.cfg", text).map(short)).toEqual(["error missing_semicolon 4:5-4:9"]);
  });

  it("adds an Info marker on every further call of a function kamsim does not simulate", () => {
    const text = 'loadmodule "sdpops.so"\nrequest_route {\n    sdp_with_ice();\n    if (sdp_with_ice()) { exit; }\n}\n';
    expect(unsimulated(text)).toEqual(["sdp_with_ice"]);
    expect(markerSpecs(diagnose(text), "kamailio.cfg", text, unsimulated(text)).map(short)).toEqual([
      "warning not_simulated 1:12-1:23",
      "warning not_simulated 3:5-3:17",
      "info not_simulated 4:9-4:21",
    ]);
  });

  it("leaves out other files' diagnostics", () => {
    const d = diagnose("request_route {\n    nope();\n}\n");
    expect(d.length).toBeGreaterThan(0);
    expect(markerSpecs(d, "traffic.json", "{}")).toEqual([]);
  });
});

describe("lineColOf", () => {
  it("counts 1-based lines and columns", () => {
    expect(lineColOf("ab\ncd", 0)).toEqual({ line: 1, col: 1 });
    expect(lineColOf("ab\ncd", 3)).toEqual({ line: 2, col: 1 });
    expect(lineColOf("ab\ncd", 5)).toEqual({ line: 2, col: 3 });
  });
});
