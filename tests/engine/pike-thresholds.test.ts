/**
 * pike inside whole simulations (docs/kamailio/pike.md#thresholds): the request at which an address is first refused,
 * and when it is let through again — as the SIP worker sees it through pike_check_req().
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

function config(params = ""): string {
  return `#!KAMAILIO
debug=2
log_stderror=yes
children=2
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "pike.so"
${params}
request_route {
    $var(r) = pike_check_req();
    if ($var(r) < 0) {
        xlog("L_NOTICE", "refused $si cseq=$cs rc=$var(r)\\n");
    } else {
        xlog("L_NOTICE", "passed $si cseq=$cs\\n");
    }
}
`;
}

/** A uniform stream of `count` requests at `rate`/s from `src`, starting at `start`. */
function stream(name: string, src: string, start: number, count: number, rate = 100) {
  return { name, src, method: "OPTIONS", rate, pattern: "uniform", start, count };
}

const firstRefused = (lines: string[], ip: string) => {
  const l = lines.find((x) => x.includes(`refused ${ip} `));
  return l ? Number(/cseq=(\d+)/.exec(l)?.[1]) : undefined;
};

describe("pike in a simulation", () => {
  it("refuses a fresh IPv4 address first at its 39th request in one window, with -2 then -1", () => {
    const r = runEngine(config(), { duration: 2, streams: [stream("a", "192.0.2.10", 0.3, 60)] });
    expect(firstRefused(r.lines, "192.0.2.10")).toBe(39);
    expect(r.lines.some((l) => l.includes("refused 192.0.2.10 cseq=39 rc=-2"))).toBe(true);
    expect(r.lines.some((l) => l.includes("refused 192.0.2.10 cseq=40 rc=-1"))).toBe(true);
    expect(r.lines.filter((l) => l.includes("PIKE - BLOCKing ip 192.0.2.10")).length).toBe(1);
  });

  it("refuses at request 14 with reqs_density_per_unit=10", () => {
    const r = runEngine(config('modparam("pike", "reqs_density_per_unit", 10)'), {
      duration: 2,
      streams: [stream("a", "192.0.2.10", 0.3, 30)],
    });
    expect(firstRefused(r.lines, "192.0.2.10")).toBe(14);
  });

  it("refuses an address in the same /24 as a hot one at its 31st request", () => {
    const r = runEngine(config(), {
      duration: 2,
      streams: [stream("hot", "192.0.2.10", 0.2, 45, 200), stream("sibling", "192.0.2.11", 0.5, 40, 200)],
    });
    expect(firstRefused(r.lines, "192.0.2.10")).toBe(39);
    expect(firstRefused(r.lines, "192.0.2.11")).toBe(31);
  });

  it("lets a blocked address through again after the first window under the limit, logging UNBLOCK", () => {
    // Blocked in window [0,2). The trickle sends 9 requests in [2,4): under the limit, but the
    // address stays refused until that window ends; at the rotation at 4 s it is let go.
    const r = runEngine(config(), {
      duration: 7,
      streams: [stream("burst", "192.0.2.10", 0.3, 50), stream("trickle", "192.0.2.10", 2.3, 20, 5)],
    });
    const unblock = r.events.filter((e) => e.kind === "log" && e.line.includes("UNBLOCKing"));
    expect(unblock.map((e) => e.t)).toEqual([4_000_000]);
    expect(unblock[0]?.kind === "log" && unblock[0].proc).toBe(3); // the slow timer, after 2 workers
    const trickle = r.events.flatMap((e) => (e.kind === "log" && e.req !== undefined && e.t >= 2_000_000 ? [e] : []));
    expect(trickle.filter((e) => e.t < 4_000_000).every((e) => e.line.includes("refused"))).toBe(true);
    expect(trickle.filter((e) => e.t > 4_000_000).every((e) => e.line.includes("passed"))).toBe(true);
    expect(trickle.filter((e) => e.t > 4_000_000).length).toBe(11);
  });

  it("never blocks an address that stays under the limit in every window", () => {
    const r = runEngine(config(), { duration: 20, streams: [stream("steady", "192.0.2.10", 0.1, 240, 12.5)] });
    expect(r.lines.some((l) => l.includes("refused"))).toBe(false);
    expect(r.lines.filter((l) => l.includes("passed")).length).toBe(240);
  });
});
