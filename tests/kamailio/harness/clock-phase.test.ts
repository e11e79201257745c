/**
 * kamsim's whole-second clock at the phase Kamailio's wall clock had at t = 0 (the harness
 * measures it and runs a call case's kamsim side with it): time PVs tick `clockPhase` before
 * each virtual second.
 */
import { describe, expect, it } from "vitest";
import { parseTrafficText } from "../../../src/engine/index.js";
import { runKamsim } from "./kamsim-run.js";

const CONFIG = `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
request_route {
    xlog("L_INFO", "Ts=$Ts s=$TV(s) u=$TV(u)\\n");
}
`;
const RAW =
  "OPTIONS sip:bob@example.net SIP/2.0\\r\\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\\r\\nFrom: <sip:alice@example.org>;tag=a\\r\\nTo: <sip:bob@example.net>\\r\\nCall-ID: u-1\\r\\nCSeq: 1 OPTIONS\\r\\nContent-Length: 0\\r\\n\\r\\n";

const seen = (clockPhase: number) => {
  const parsed = parseTrafficText(
    `{"duration": 1, "seed": 1, "messages": [{"at": 0.5, "src": "127.0.0.9", "sport": 5070, "raw": "${RAW}"}]}`,
  );
  if ("errors" in parsed) throw new Error(JSON.stringify(parsed.errors));
  const r = runKamsim(CONFIG, parsed.plan, 1, { clockPhase });
  return r.lines.map((l) => l.text.split("<script>: ")[1]?.trim());
};

describe("kamsim's wall clock phase", () => {
  it("ticks the whole seconds of time PVs at the phase Kamailio's clock had at t = 0", () => {
    // Default epoch 2026-01-01T00:00:00Z = 1767225600; the request is handled at t = 0.5 s.
    expect(seen(0)).toEqual(["Ts=1767225600 s=1767225600 u=500000"]);
    expect(seen(600_000)).toEqual(["Ts=1767225601 s=1767225601 u=100000"]);
    expect(seen(400_000)).toEqual(["Ts=1767225600 s=1767225600 u=900000"]);
  });
});
