/**
 * `kamsim run -l ADDR --format jsonl --events`: the proxy listens where `-l` says (as kamailio's
 * `-l`), and the `sip` events of every message come out as JSON lines with their wire text.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseListen } from "../../cli/run.js";
import { kamsim } from "./kamsim.js";

const CONFIG = `#!KAMAILIO
children=1
listen=udp:127.0.0.1:5060
loadmodule "sl.so"
request_route {
  sl_send_reply("200", "Alive");
}
`;

const TRAFFIC = {
  duration: 2,
  streams: [],
  agents: [{ name: "alice", address: "127.0.140.1:5060", requests: [{ at: 1, method: "OPTIONS" }] }],
};

describe("kamsim run -l", () => {
  it("runs the proxy on the given socket; --events prints the sip events", () => {
    const dir = mkdtempSync(join(tmpdir(), "kamsim-listen-"));
    writeFileSync(join(dir, "kamailio.cfg"), CONFIG);
    writeFileSync(join(dir, "traffic.json"), JSON.stringify(TRAFFIC));
    const r = kamsim(
      [
        "run",
        "kamailio.cfg",
        "--traffic",
        "traffic.json",
        "-l",
        "udp:127.0.0.1:44186",
        "--format",
        "jsonl",
        "--events",
      ],
      dir,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sip = r.stdout
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .filter((e) => e.kind === "sip");
    expect(sip.map((e) => [e.op, e.from, e.to, e.method, e.status ?? null])).toEqual([
      ["send", "127.0.140.1:5060", "127.0.0.1:44186", "OPTIONS", null],
      ["recv", "127.0.140.1:5060", "127.0.0.1:44186", "OPTIONS", null],
      ["send", "127.0.0.1:44186", "127.0.140.1:5060", "OPTIONS", 200],
      ["recv", "127.0.0.1:44186", "127.0.140.1:5060", "OPTIONS", 200],
    ]);
    expect(sip[2].text).toMatch(/^SIP\/2\.0 200 Alive\r\n/);
  });

  it("takes [udp:]IPv4[:port] and refuses anything else", () => {
    expect(parseListen("127.0.0.2")).toEqual({ ip: "127.0.0.2", port: 5060 });
    expect(parseListen("udp:127.0.0.1:44186")).toEqual({ ip: "127.0.0.1", port: 44186 });
    expect(() => parseListen("tcp:127.0.0.1")).toThrow(/not a \[udp:\]IPv4/);
    expect(() => parseListen("127.0.0.1:0")).toThrow();
    expect(() => parseListen("300.0.0.1")).toThrow();
  });
});
