/**
 * cfg_rpc: RPC commands over the configuration framework (cfg.get, cfg.set...). It has no script
 * functions and forks no process, so loading it changes nothing a run shows
 * (docs/kamailio/rpc-modules.md); kamsim answers no cfg.* command.
 */
import { defineModule } from "../types.js";

export const cfgRpcModule = defineModule({
  name: "cfg_rpc",
  simulated: true,
  doc: "RPC commands (cfg.get, cfg.set, cfg.list...) for reading and changing configuration framework variables at run time; it has no script functions.",
  params: {},
  functions: {},
});
