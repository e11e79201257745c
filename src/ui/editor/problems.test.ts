import { describe, expect, it } from "vitest";
import { type ProblemSource, problemLabel, problemRows } from "./problems.js";

const d = (file: string, line: number, col: number, severity: ProblemSource["severity"], message = "m") => ({
  file,
  line,
  col,
  severity,
  message,
});

describe("problemRows", () => {
  it("groups by file (config, its includes, traffic) and sorts errors before warnings, then by place", () => {
    const config = [
      d("kamailio.cfg", 9, 1, "warning"),
      d("inc.cfg", 2, 3, "error"),
      d("kamailio.cfg", 12, 4, "error"),
      d("kamailio.cfg", 3, 7, "error"),
      d("kamailio.cfg", 3, 2, "error"),
      d("kamailio.cfg", 1, 1, "info"),
    ];
    const traffic = [d("traffic.json", 5, 3, "error"), d("traffic.json", 2, 1, "error")];
    const rows = problemRows(config, traffic);
    expect(rows.map((r) => `${r.tab ?? "-"} ${r.file}:${r.line}:${r.col} ${r.severity}`)).toEqual([
      "config kamailio.cfg:3:2 error",
      "config kamailio.cfg:3:7 error",
      "config kamailio.cfg:12:4 error",
      "config kamailio.cfg:9:1 warning",
      "config kamailio.cfg:1:1 info",
      "- inc.cfg:2:3 error",
      "traffic traffic.json:2:1 error",
      "traffic traffic.json:5:3 error",
    ]);
  });

  it("says severity, file, place and the message as the engine wrote it", () => {
    const r = d("kamailio.cfg", 4, 5, "error", "syntax error");
    expect(problemLabel(r)).toBe("error, kamailio.cfg 4:5: syntax error");
  });
});
