/**
 * cfgutils (modules/cfgutils/cfgutils.c): the shared probability (rand_set_prob, rand_reset_prob,
 * rand_get_prob, rand_event at 0 and 100 %), check_route_exists and route_if_exists, as Kamailio
 * 5.6.3 printed them (differential case gap-cfgutils-routes-prob); fixup_prob()'s refusal.
 */
import { describe, expect, it } from "vitest";
import { compileConfig, createSimulation, parseTrafficText } from "../../src/engine/index.js";
import { runEngine } from "../support/engine.js";

const cfg = (body: string, routes = "") => `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "cfgutils.so"
modparam("cfgutils", "initial_probability", 30)
${routes}
request_route {
${body}
}
`;

const raw =
  "OPTIONS sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: u-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
const traffic = { duration: 1, seed: 1, messages: [{ at: 0.5, src: "127.0.0.9", sport: 5070, raw }] };

function run(body: string, routes = ""): string[] {
  return runEngine(cfg(body, routes), traffic)
    .lines.filter((l) => l.includes("<script>: "))
    .map((l) => l.split("<script>: ")[1] as string);
}

describe("cfgutils probability", () => {
  it("is set, returned, reset; rand_event is certain at 100 and never at 0", () => {
    expect(
      run(`rand_get_prob(); xlog("L_INFO", "a $rc\\n"); rand_set_prob("100"); rand_get_prob();
      xlog("L_INFO", "b $rc\\n"); if (rand_event()) xlog("L_INFO", "c\\n"); rand_set_prob("0");
      if (!rand_event()) xlog("L_INFO", "d\\n"); rand_reset_prob(); rand_get_prob(); xlog("L_INFO", "e $rc\\n");
      rand_set_prob("12a"); rand_get_prob(); xlog("L_INFO", "f $rc\\n");
      rand_set_prob("0"); rand_get_prob(); xlog("L_INFO", "not reached\\n");`),
    ).toEqual(["a 30", "b 100", "c", "d", "e 30", "f 12"]);
  });

  it("draws both outcomes at 50 % from the seeded RNG (100 draws: max_while_loops)", () => {
    const out = run(`rand_set_prob("50"); $var(i) = 0; $var(t) = 0;
      while ($var(i) < 100) { if (rand_event()) $var(t) = $var(t) + 1; $var(i) = $var(i) + 1; }
      xlog("L_INFO", "$var(t)\\n");`);
    const t = Number(out[0]);
    expect(t).toBeGreaterThan(25);
    expect(t).toBeLessThan(75);
  });

  it("refuses a literal over 100 at start-up in fixup_prob()'s words", () => {
    const c = compileConfig(cfg(`rand_set_prob("150");`), { name: "kamailio.cfg" });
    const t = parseTrafficText(JSON.stringify(traffic));
    if ("errors" in t) throw new Error("traffic");
    const sim = createSimulation(c, t.plan, { onEvent: () => {} });
    expect(sim.diagnostics.filter((d) => d.code === "fixup_failed").map((d) => d.message)).toEqual([
      "invalid probability <150>",
    ]);
  });
});

describe("cfgutils routes by name", () => {
  it("checks and runs a named route: its return value, -1 when missing, 0 (script ends) after exit", () => {
    const routes = `route[R5] { xlog("L_INFO", "in R5\\n"); return 5; }
route[RX] { xlog("L_INFO", "in RX\\n"); exit; }`;
    expect(
      run(
        `if (check_route_exists("R5") && !check_route_exists("NONE")) xlog("L_INFO", "a\\n");
      $var(r) = "R5"; route_if_exists("$var(r)"); xlog("L_INFO", "b $rc\\n");
      route_if_exists("NONE"); xlog("L_INFO", "c $rc\\n"); route_if_exists("RX"); xlog("L_INFO", "not reached\\n");`,
        routes,
      ),
    ).toEqual(["a", "in R5", "b 5", "c -1", "in RX"]);
  });

  it("runs a route that may block (usleep) to its end and returns its value, not -1", () => {
    const lines = runEngine(
      cfg(
        `route_if_exists("SLOW"); xlog("L_INFO", "after SLOW rc=$rc\n");`,
        `route[SLOW] { usleep("200000"); xlog("L_INFO", "slept\n"); return 7; }`,
      ),
      traffic,
    ).lines.filter((l) => l.includes("<script>: "));
    expect(lines.map((l) => l.split("<script>: ")[1])).toEqual(["slept", "after SLOW rc=7"]);
  });
});
