/** xhttp at run time: nothing to simulate beyond loading quietly (def.ts says why). */
import { defineRuntime } from "../runtime-types.js";
import { xhttpModule } from "./def.js";

export const xhttpRuntime = defineRuntime(xhttpModule, { create: () => ({ functions: {} }) });
