/**
 * The RPC transport modules load quietly and fork their processes where Kamailio forks them:
 * after the timers, in module load order (each module's child_init(PROC_MAIN)). Debian's 5.6.3
 * with the stock config (children=8) lists 12 JSONRPCS FIFO, 13 JSONRPCS DATAGRAM, 14 USRLOC
 * Timer, 15 ctl handler (kamcmd core.psx), and the datagram worker and ctl write one line each at
 * start.
 */
import { describe, expect, it } from "vitest";
import { compileConfig, createSimulation, parseTrafficText } from "../../src/engine/index.js";
import { runEngine } from "../support/engine.js";

const cfg = (loads: readonly string[], params = "") => `#!KAMAILIO
debug=2
children=8
${loads.map((m) => `loadmodule "${m}.so"\n`).join("")}${params}
request_route {
  exit;
}
`;

function processNames(config: string): string[] {
  const c = compileConfig(config, { name: "kamailio.cfg" });
  const t = parseTrafficText('{"duration": 1}');
  if ("errors" in t) throw new Error("traffic");
  return createSimulation(c, t.plan, { onEvent: () => {} }).processes.map((p) => `${p.index} ${p.name}`);
}

describe("jsonrpcs, ctl, cfg_rpc, counters, corex, xhttp", () => {
  it("load without a not_simulated warning", () => {
    const c = compileConfig(cfg(["jsonrpcs", "corex", "ctl", "cfg_rpc", "counters", "xhttp"]));
    expect(c.diagnostics.filter((d) => d.code === "not_simulated")).toEqual([]);
  });

  it("fork in load order after the timers", () => {
    const names = processNames(
      cfg(["jsonrpcs", "kex", "corex", "ctl", "rtimer"], 'modparam("rtimer", "timer", "name=t;interval=10;mode=1")'),
    );
    expect(names.slice(9)).toEqual([
      "9 slow timer",
      "10 timer",
      "11 secondary timer",
      "12 JSONRPCS FIFO",
      "13 JSONRPCS DATAGRAM",
      "14 ctl handler",
      "15 RTIMER EXEC child=0 timer=t",
    ]);
  });

  it("jsonrpcs forks per transport and dgram_workers", () => {
    const only = (params: string) => processNames(cfg(["jsonrpcs"], params)).slice(12);
    expect(only('modparam("jsonrpcs", "transport", 2)')).toEqual(["12 JSONRPCS FIFO"]);
    expect(only('modparam("jsonrpcs", "transport", 4)\nmodparam("jsonrpcs", "dgram_workers", 2)')).toEqual([
      "12 JSONRPCS DATAGRAM",
      "13 JSONRPCS DATAGRAM",
    ]);
    expect(only('modparam("jsonrpcs", "transport", 1)')).toEqual([]);
    expect(only('modparam("jsonrpcs", "transport", 0)')).toEqual(["12 JSONRPCS FIFO", "13 JSONRPCS DATAGRAM"]);
  });

  it("the datagram worker and the ctl handler write their start lines", () => {
    const r = runEngine(cfg(["jsonrpcs", "ctl"]), { duration: 1 });
    expect(r.lines).toEqual([
      "13(1013) INFO: jsonrpcs [jsonrpcs_sock.c:443]: jsonrpc_dgram_process(): a new child 0/1013",
      "14(1014) INFO: ctl [io_listener.c:213]: io_listen_loop(): io_listen_loop:  using epoll_lt io watch method (config)",
    ]);
  });
});
