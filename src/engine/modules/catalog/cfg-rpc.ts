/**
 * Kamailio 5.6 `cfg_rpc` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule } from "../types.js";

export const cfgRpcModule = defineModule({
  name: "cfg_rpc",
  simulated: false,
  doc: "RPC commands (cfg.get, cfg.set, cfg.list...) for reading and changing configuration framework variables at run time; it has no script functions.",
  params: {},
  functions: {},
});
