import { describe, expect, it } from "vitest";
import { RtimerTable } from "./params.js";

function table(...params: [string, string | number][]): RtimerTable {
  const t = new RtimerTable();
  for (const [name, value] of params) {
    const err = t.modparam(name, value);
    if (err) throw new Error(err);
  }
  return t;
}

describe("rtimer parameters (docs/kamailio/rtimer.md#parameters)", () => {
  it("reads seconds, microseconds, modes, and names case-insensitively", () => {
    const t = table(
      ["timer", "name=ta;interval=5;mode=1;"],
      ["timer", "NAME=tb;INTERVAL=500000u"],
      ["exec", "timer=TA;route=R1"],
    );
    expect(t.timers.map((x) => [x.name, x.intervalUs, x.mode])).toEqual([
      ["ta", 5_000_000, 1],
      ["tb", 500_000, 1],
    ]);
    expect(t.find("ta")?.routes).toEqual(["R1"]);
  });

  it("lets a u interval set mode 1 over an earlier mode, and a later mode count (as Kamailio 5.6.3 does)", () => {
    const t = table(
      ["timer", "name=a;interval=10u;mode=0"],
      ["timer", "name=b;interval=10u;mode=3"],
      ["timer", "name=c;mode=2;interval=10u"],
    );
    // a: mode 0 would put a µs timer on the core's timer, which never happens: its own process.
    expect(t.timers.map((x) => x.mode)).toEqual([1, 3, 1]);
  });

  it("uses default_interval when no interval is given", () => {
    expect(table(["default_interval", 7], ["timer", "name=a"]).timers[0]?.intervalUs).toBe(7_000_000);
    expect(table(["timer", "name=a"]).timers[0]?.intervalUs).toBe(120_000_000);
  });

  it("runs several execs of one timer in reverse order of definition", () => {
    const t = table(["timer", "name=a;interval=1"], ["exec", "timer=a;route=FIRST"], ["exec", "timer=a;route=SECOND"]);
    expect(t.find("a")?.routes).toEqual(["SECOND", "FIRST"]);
  });

  it("gives Kamailio's messages for bad definitions", () => {
    const t = table(["timer", "name=a;interval=1"]);
    expect(t.modparam("timer", "name=A;interval=2")).toBe("stm_t_param(): duplicate timer with same name: A");
    expect(t.modparam("timer", "name=b;interval=5x")).toBe("stm_t_param(): invalid interval: 5x");
    expect(t.modparam("timer", "interval=5")).toBe("stm_t_param(): invalid timer name");
    expect(t.modparam("exec", "timer=nope;route=R")).toBe("stm_e_param(): timer not found - name: nope");
  });
});
