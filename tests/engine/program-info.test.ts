/**
 * ProgramInfo: what a config declares, as the front ends get it from compileConfig — read by
 * each module's own parameter reader, so it says what the simulation will run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileConfig, type ProgramInfo } from "../../src/engine/index.js";

const classic = readFileSync(join(import.meta.dirname, "..", "..", "examples", "classic", "kamailio.cfg"), "utf8");

/** The text each declared name's span covers. */
function written(text: string, info: ProgramInfo): string[] {
  return [...info.queues, ...info.timers, ...info.htables].map((d) => text.slice(d.span.start, d.span.end));
}

describe("programInfo", () => {
  it("describes the classic example: modules, routes, the queue, the timer and pike's defaults", () => {
    const { info } = compileConfig(classic);
    expect(info.modules.map((m) => `${m.name}${m.simulated ? "" : " (not simulated)"}`)).toEqual([
      "pv",
      "xlog",
      "sl",
      "pike",
      "mqueue",
      "rtimer",
    ]);
    expect(info.routes.map((r) => `${r.kind}[${r.name}]`)).toEqual(["request[]", "route[QMALERT]"]);
    expect(info.queues.map(({ span, ...q }) => q)).toEqual([{ name: "alert", size: 0, addmode: 0 }]);
    expect(info.timers.map(({ span, ...t }) => t)).toEqual([
      { name: "ta", intervalUs: 5_000_000, mode: 1, routes: ["QMALERT"] },
    ]);
    expect(info.pike).toEqual({
      samplingTimeUnit: 2,
      reqsDensityPerUnit: 30,
      removeLatency: 120,
      limit: 30,
      windowUs: 2_000_000,
    });
    expect(written(classic, info)).toEqual(["alert", "ta"]);
  });

  it("applies modparams as the modules do: regex module names, defaults, last one wins, rejected ones declare nothing", () => {
    const cfg = `loadmodule "mqueue.so"
loadmodule "rtimer.so"
loadmodule "htable.so"
loadmodule "pike.so"
modparam("mqueue", "mqueue_size", 7)
modparam("mqueue", "mqueue_name", "named")
modparam("MQUEUE", "mqueue", "size=3;name=sized;addmode=2")
modparam("mqueue", "mqueue", "name=broken;colour=red")
modparam("rtimer", "timer", "name=fast;interval=500u;")
modparam("rtimer", "exec", "timer=fast;route=A")
modparam("rtimer", "exec", "timer=fast;route=B")
modparam("htable", "htable", "ipban=>size=8;autoexpire=300;initval=0")
modparam("pike|htable", "sampling_time_unit", 10)
modparam("pike", "reqs_density_per_unit", 70000)
route[A] { }
route[B] { }
`;
    const { info } = compileConfig(cfg);
    expect(info.queues.map(({ span, ...q }) => q)).toEqual([
      { name: "named", size: 7, addmode: 0 },
      { name: "sized", size: 3, addmode: 2 },
    ]);
    // A µs interval runs in a process of its own (mode 1); execs run in reverse order.
    expect(info.timers.map(({ span, ...t }) => t)).toEqual([
      { name: "fast", intervalUs: 500, mode: 1, routes: ["B", "A"] },
    ]);
    expect(info.htables.map(({ span, ...t }) => t)).toEqual([{ name: "ipban", size: 8, autoexpire: 300, initval: 0 }]);
    // pike keeps the density in 16 bits: 70000 becomes 4464.
    expect(info.pike).toMatchObject({ samplingTimeUnit: 10, limit: 70000 & 0xffff, windowUs: 10_000_000 });
    expect(written(cfg, info)).toEqual(["named", "sized", "fast", "ipban"]);
  });

  it("names the functions called that kamsim does not simulate, not the modules", () => {
    const cfg = `loadmodule "sdpops.so"\nloadmodule "sl.so"\nrequest_route {\n  sdp_with_ice();\n  sdp_with_ice();\n  sl_send_reply("200", "OK");\n}\n`;
    expect(compileConfig(cfg).info.unsimulatedCalls).toEqual(["sdp_with_ice"]);
    expect(compileConfig(classic).info.unsimulatedCalls).toEqual([]);
  });

  it("declares nothing for modules that are not loaded, and no pike without pike", () => {
    const { info } = compileConfig(`modparam("mqueue", "mqueue", "name=q")\nrequest_route { }\n`);
    expect(info.queues).toEqual([]);
    expect(info.pike).toBeUndefined();
  });

  it("points into the source through escapes and single quotes", () => {
    const cfg = `loadmodule "mqueue.so"
modparam("mqueue", "mqueue", "size=\\x31;name=esc")
modparam("mqueue", "mqueue", 'name= raw ')
`;
    const { info } = compileConfig(cfg);
    expect(info.queues.map((q) => `${q.name}@${cfg.slice(q.span.start, q.span.end)}`)).toEqual(["esc@esc", "raw@raw"]);
  });

  it("still answers for a config with errors, from what could be read", () => {
    const c = compileConfig(
      `loadmodule "mqueue.so"\nmodparam("mqueue", "mqueue", "name=q")\nrequest_route {\n  mq_add("`,
    );
    expect(c.ok).toBe(false);
    expect(c.info.queues.map((q) => q.name)).toEqual(["q"]);
  });
});
