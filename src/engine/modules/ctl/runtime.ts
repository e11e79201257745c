/**
 * ctl at run time: one process, "ctl handler", forked in the module's child_init(PROC_MAIN)
 * (modules/ctl/ctl.c), so it takes its place among the module processes in load order. At start
 * it writes io_listen_loop()'s line (modules/ctl/io_listener.c), observed on Debian's 5.6.3 with
 * the stock config. kamsim answers RPC commands through `kamsim rpc`, not through this process.
 */
import { L_INFO } from "../../base/log-levels.js";
import type { Process } from "../../runtime/process.js";
import { defineRuntime } from "../runtime-types.js";
import { ctlModule } from "./def.js";

export const ctlRuntime = defineRuntime(ctlModule, {
  create() {
    let proc: Process | undefined;
    return {
      functions: {},
      processes: [{ name: "ctl handler", label: "ctl handler", attach: (p) => (proc = p) }],
      start(host) {
        if (!proc) return;
        const text = "io_listen_loop:  using epoll_lt io watch method (config)";
        host.sv.log.module(proc, L_INFO, "ctl", "io_listener.c:213", "io_listen_loop", text, { t: 0 });
      },
    };
  },
});
