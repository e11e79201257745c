/**
 * Assigning `$fs` and `$fsn` (pv_set_force_sock() / pv_set_force_sock_name(), modules/pv/pv_core.c
 * 5.6.3): `$null` clears the forced socket, an empty text or a number literal is an error, a name
 * only warns (kamsim's socket has none).
 */
import { describe, expect, it } from "vitest";
import { runScript } from "../support/script.js";

function run(body: string): string[] {
  return runScript(body, { head: "listen=udp:127.0.0.1:5085" }).map((l) =>
    l.replace(/^.*?: (INFO|ERROR|WARNING): /, "$1: "),
  );
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
