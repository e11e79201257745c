/**
 * jsonrpcs at run time: the processes its child_init(PROC_MAIN) forks (modules/jsonrpcs/
 * jsonrpcs_mod.c, jsonrpcs_fifo.c, jsonrpcs_sock.c) — "JSONRPCS FIFO" when the FIFO transport
 * is on (`transport` bit 2, or 0 for all) with a `fifo_name`, then `dgram_workers` "JSONRPCS
 * DATAGRAM" processes for the datagram transport (bit 4) with a `dgram_socket` — each datagram
 * worker writing `a new child N/PID` as it starts. The default `transport` 6 gives both.
 */
import { L_INFO } from "../../base/log-levels.js";
import { MAX_CHILDREN } from "../../runtime/core-settings.js";
import type { Process, ProcessRequest } from "../../runtime/process.js";
import { defineRuntime } from "../runtime-types.js";
import { jsonrpcsModule } from "./def.js";

interface Settings {
  transport: number;
  fifo: string;
  dgram: string;
  workers: number;
}

function settingsOf(params: readonly { name: string; value: unknown }[]): Settings {
  const s: Settings = { transport: 6, fifo: "kamailio_rpc.fifo", dgram: "kamailio_rpc.sock", workers: 1 };
  for (const p of params) {
    if (p.name === "transport") s.transport = Number(p.value) | 0;
    else if (p.name === "fifo_name") s.fifo = String(p.value);
    else if (p.name === "dgram_socket") s.dgram = String(p.value);
    // kamsim forks at most MAX_CHILDREN processes of a kind, as it caps `children`.
    else if (p.name === "dgram_workers") s.workers = Math.min(Number(p.value) | 0, MAX_CHILDREN);
  }
  return s;
}

export const jsonrpcsRuntime = defineRuntime(jsonrpcsModule, {
  create(setup) {
    const s = settingsOf(setup.params);
    const on = (bit: number) => s.transport === 0 || (s.transport & bit) !== 0;
    const processes: ProcessRequest[] = [];
    if (on(2) && s.fifo !== "") processes.push({ name: "JSONRPCS FIFO", label: "jsonrpcs fifo", attach: () => {} });
    const workers: Process[] = [];
    if (on(4) && s.dgram !== "") {
      for (let i = 0; i < s.workers; i++) {
        const label = `jsonrpcs datagram${i === 0 ? "" : ` #${i}`}`;
        processes.push({ name: "JSONRPCS DATAGRAM", label, attach: (p) => workers.push(p) });
      }
    }
    return {
      functions: {},
      processes,
      start(host) {
        workers.forEach((p, i) => {
          const text = `a new child ${i}/${p.pid}`;
          host.sv.log.module(p, L_INFO, "jsonrpcs", "jsonrpcs_sock.c:443", "jsonrpc_dgram_process", text, { t: 0 });
        });
      },
    };
  },
});
