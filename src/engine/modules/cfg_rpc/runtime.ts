/** cfg_rpc at run time: nothing to simulate beyond loading quietly (def.ts says why). */
import { defineRuntime } from "../runtime-types.js";
import { cfgRpcModule } from "./def.js";

export const cfgRpcRuntime = defineRuntime(cfgRpcModule, { create: () => ({ functions: {} }) });
