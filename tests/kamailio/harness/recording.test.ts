import { describe, expect, it } from "vitest";
import { formatRecording, parseRecording, type Recording } from "./recording.js";

describe("recording.jsonl", () => {
  it("keeps the user agents' datagrams, each agent's sent and received lists in order, byte for byte", () => {
    const rec: Recording = {
      meta: {
        kamailio: "version: kamailio 5.6.3 (x86_64/linux)",
        package: "5.6.3-2",
        recorded: "2026-12-07T01:00:00Z",
        addresses: {},
        endpoints: {},
        load: 0.5,
        maxStall: 0.01,
        maxLateness: 0.002,
        proxy: "127.0.0.1:5060",
      },
      records: [{ t: 0.4, proc: 1, level: "INFO", text: "INFO: <script>: hi" }],
      requests: [],
      agents: [
        {
          name: "alice",
          addr: "127.0.140.1:5060",
          sent: [{ t: 0.4, peer: "127.0.0.1:5060", text: "OPTIONS sip:127.0.0.1 SIP/2.0\r\nCall-ID: 1\r\n\r\n" }],
          received: [
            { t: 0.41, peer: "127.0.0.1:5060", text: "SIP/2.0 200 OK\r\nCall-ID: 1\r\n\r\n" },
            { t: 0.9, peer: "127.0.0.1:5060", text: "SIP/2.0 200 OK\r\nCall-ID: 2\r\n\r\nbody\u00e9" },
          ],
        },
        { name: "bob", addr: "127.0.140.2:5062", sent: [], received: [{ t: 1, peer: "127.0.0.1:5060", text: "x" }] },
      ],
    };
    expect(parseRecording(formatRecording(rec))).toEqual(rec);
  });
});
