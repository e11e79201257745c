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
});
