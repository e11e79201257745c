import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize.js";

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
});
