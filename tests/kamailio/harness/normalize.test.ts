import { describe, expect, it } from "vitest";
import { keepComparable, type LogRecord, normalizeText } from "./normalize.js";

describe("log line normalisation", () => {
  it("hides PIDs: after the process number, and the one jsonrpcs's datagram process prints", () => {
    expect(normalizeText("INFO: x 3(4711) ERROR: y", "")).toBe("INFO: x 3(PID) ERROR: y");
    expect(
      normalizeText("INFO: jsonrpcs [jsonrpcs_sock.c:443]: jsonrpc_dgram_process(): a new child 0/27576", ""),
    ).toBe("INFO: jsonrpcs [jsonrpcs_sock.c:443]: jsonrpc_dgram_process(): a new child 0/PID");
    // Other numbers after a slash stay.
    expect(normalizeText("INFO: <script>: ratio 0/27576", "")).toBe("INFO: <script>: ratio 0/27576");
  });

  it("hides the wall-clock seconds of an acc record, and nothing else of it", () => {
    const line =
      "NOTICE: acc [acc.c:285]: acc_log_request(): ACC: transaction answered: timestamp=1765069811;method=INVITE;from_tag=alice-2;code=200";
    expect(normalizeText(line, "")).toBe(
      "NOTICE: acc [acc.c:285]: acc_log_request(): ACC: transaction answered: timestamp=…;method=INVITE;from_tag=alice-2;code=200",
    );
    expect(normalizeText("INFO: <script>: timestamp=17", "")).toBe("INFO: <script>: timestamp=17");
  });

  it("keeps a child's line read just before t = 0 at t = 0, and drops process 0's", () => {
    const rec = (t: number, proc: number): LogRecord => ({ t, proc, level: "INFO", text: `INFO: p${proc}` });
    const kept = keepComparable([rec(-0.004, 0), rec(-0.002, 15), rec(0.5, 0), rec(0.7, 3), rec(2, 3)], 0.4, 2);
    expect(kept.map((r) => [r.t, r.proc])).toEqual([
      [0, 15],
      [0.5, 0],
      [0.7, 3],
    ]);
  });
});
