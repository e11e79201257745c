/**
 * force_send_socket() and set_forward_no_connect() (core/action.c, core/route.c fix_actions()):
 * the bare socket argument, the send socket `$fs` then reads, and the start-up refusal of an
 * address kamsim does not listen on (Kamailio 5.6.3 starts with `kamailio -c` but refuses to run:
 * "bad force_send_socket argument: 10.9.9.9:5060 (kamailio doesn't listen on it)").
 */
import { describe, expect, it } from "vitest";
import { compileConfig, createSimulation, parseTrafficText } from "../../src/engine/index.js";
import { runEngine } from "../support/engine.js";

const cfg = (body: string) => `#!KAMAILIO
debug=2
children=1
listen=udp:127.0.0.1:5085
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
request_route {
${body}
  sl_send_reply("200", "OK");
}
`;

const traffic = {
  duration: 1,
  seed: 1,
  messages: [
    {
      at: 0.5,
      src: "127.0.0.9",
      sport: 5070,
      raw: "OPTIONS sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: u-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
    },
  ],
};

function fixups(body: string): string[] {
  const c = compileConfig(cfg(body), { name: "kamailio.cfg" });
  expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const t = parseTrafficText(JSON.stringify(traffic));
  if ("errors" in t) throw new Error("traffic");
  const sim = createSimulation(c, t.plan, { onEvent: () => {} });
  return sim.diagnostics.filter((d) => d.code === "fixup_failed").map((d) => d.message);
}

describe("force_send_socket", () => {
  it("takes a bare [proto:]host[:port] and forces the listening socket, which $fs reads", () => {
    const out = runEngine(
      cfg(`  force_send_socket(udp:127.0.0.1:5085);
  xlog("L_INFO", "a $fs $fsp\\n");
  $fs = $null;
  force_send_socket(127.0.0.1);
  set_forward_no_connect();
  xlog("L_INFO", "b $fs $rc\\n");`),
      traffic,
    ).lines.filter((l) => l.includes("<script>: "));
    expect(out.map((l) => l.split("<script>: ")[1])).toEqual(["a udp:127.0.0.1:5085 5085", "b udp:127.0.0.1:5085 1"]);
  });

  it("refuses at start-up an address, port or protocol nothing listens on, in route.c's words", () => {
    expect(fixups("  force_send_socket(udp:127.0.0.1:5085);")).toEqual([]);
    expect(fixups("  force_send_socket(udp:10.9.9.9:5060);")).toEqual([
      "bad force_send_socket argument: 10.9.9.9:5060 (kamailio doesn't listen on it)",
    ]);
    expect(fixups("  force_send_socket(127.0.0.1:5999);")).toEqual([
      "bad force_send_socket argument: 127.0.0.1:5999 (kamailio doesn't listen on it)",
    ]);
  });
});
