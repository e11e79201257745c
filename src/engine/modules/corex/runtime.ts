/** corex at run time: nothing to simulate beyond loading quietly (def.ts says why). */
import { defineRuntime } from "../runtime-types.js";
import { corexModule } from "./def.js";

export const corexRuntime = defineRuntime(corexModule, { create: () => ({ functions: {} }) });
