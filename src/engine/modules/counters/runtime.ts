/** counters at run time: nothing to simulate beyond loading quietly (def.ts says why). */
import { defineRuntime } from "../runtime-types.js";
import { countersModule } from "./def.js";

export const countersRuntime = defineRuntime(countersModule, { create: () => ({ functions: {} }) });
