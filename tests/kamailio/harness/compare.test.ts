import { describe, expect, it } from "vitest";
import { compareRuns } from "./compare.js";
import type { LogRecord } from "./normalize.js";

const rec = (t: number, proc: number, text: string): LogRecord => ({ t, proc, level: "INFO", text: `INFO: ${text}` });
const compare = (kamsim: LogRecord[], real: LogRecord[]) =>
  compareRuns({
    kamsim,
    real,
    workers: new Set([1, 2]),
    requests: [],
    kamsimReplies: new Map(),
    kamsimReceived: 0,
    tolerance: 0.15,
  }).disagreements.map((d) => d.text);

describe("log comparison: start-up lines", () => {
  it("lets a child's start-up line (kamsim at t = 0) come up to 1 s late, but not a timer's line", () => {
    expect(compare([rec(0, 15, "ctl started")], [rec(0.7, 15, "ctl started")])).toEqual([]);
    expect(compare([rec(0, 15, "ctl started")], [rec(1.2, 15, "ctl started")])).toEqual([
      "process 15, other firing/request: INFO: ctl started — kamsim at 0.000 s, Kamailio at 1.200 s",
    ]);
    expect(compare([rec(0.5, 9, "timer fired")], [rec(0.7, 9, "timer fired")])).toEqual([
      "process 9, other firing/request: INFO: timer fired — kamsim at 0.500 s, Kamailio at 0.700 s",
    ]);
  });
});
