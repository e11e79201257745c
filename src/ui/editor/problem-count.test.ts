import { describe, expect, it } from "vitest";
import { errorCount, problemSummary } from "./problem-count.js";

const e = { severity: "error" };
const w = { severity: "warning" };

describe("the editor's count of problems", () => {
  it("counts the open file's errors and warnings", () => {
    expect(problemSummary("config", [e, w, w], [])).toBe("1 error, 2 warnings");
    expect(problemSummary("traffic", [e], [w])).toBe("0 errors, 1 warning; kamailio.cfg: 1 error");
  });

  it("names the other file's errors: a broken traffic.json does not read 0 errors on the config tab", () => {
    expect(problemSummary("config", [], [e, e, w])).toBe("0 errors, 0 warnings; traffic.json: 2 errors");
    expect(problemSummary("config", [w], [w])).toBe("0 errors, 1 warning");
  });

  it("gives each tab its own error count", () => {
    expect(errorCount([e, w, e])).toBe(2);
    expect(errorCount([w])).toBe(0);
  });
});
