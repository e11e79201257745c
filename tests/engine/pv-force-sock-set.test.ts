/**
 * Assigning `$fs` and `$fsn` (pv_set_force_sock() / pv_set_force_sock_name(), modules/pv/pv_core.c
 * 5.6.3): `$null` clears the forced socket, an empty text or a number literal is an error, a name
 * only warns (kamsim's socket has none).
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

const cfg = (body: string) => `#!KAMAILIO
debug=2
children=1
listen=udp:127.0.0.1:5085
loadmodule "pv.so"
loadmodule "xlog.so"
request_route {
${body}
}
`;

const traffic = {
  duration: 1,
  messages: [
    {
      at: 0.5,
      src: "127.0.0.9",
      sport: 5070,
      raw: "OPTIONS sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: u-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
    },
  ],
};

function run(body: string): string[] {
  return runEngine(cfg(body), traffic).lines.map((l) => l.replace(/^.*?: (INFO|ERROR|WARNING): /, "$1: "));
}

describe("$fs and $fsn assignments", () => {
  it("$null clears, an empty text and a number literal are errors, a name only warns", () => {
    const out = run(`  $fs = "udp:127.0.0.1:5085";
  xlog("L_INFO", "a [$fs]\\n");
  $fsn = "nosuchname";
  xlog("L_INFO", "b [$fs]\\n");
  $fsn = $null;
  xlog("L_INFO", "c [$fs]\\n");
  $fs = "udp:127.0.0.1:5085";
  $fs = "";
  $fsn = "";
  $fs = 5;
  $fsn = 5;
  xlog("L_INFO", "d [$fs]\\n");
  $fs = $null;
  xlog("L_INFO", "e [$fs]\\n");`);
    expect(out.filter((l) => l.includes("<script>"))).toEqual([
      expect.stringContaining("a [udp:127.0.0.1:5085]"),
      expect.stringContaining("b [udp:127.0.0.1:5085]"),
      expect.stringContaining("c [<null>]"),
      expect.stringContaining("d [udp:127.0.0.1:5085]"),
      expect.stringContaining("e [<null>]"),
    ]);
    const text = out.join("\n");
    expect(text).toContain("pv_set_force_sock_name(): no socket found to match name [nosuchname]");
    expect(text.match(/pv_set_force_sock\(\): str value required to set the force send sock/g)?.length).toBe(2);
    expect(text.match(/pv_set_force_sock_name\(\): str value required to set the force send sock/g)?.length).toBe(2);
  });
});
