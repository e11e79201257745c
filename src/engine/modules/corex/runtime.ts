/** corex at run time: append_branch() (append-branch.ts); the rest loads quietly (def.ts says why). */
import { defineRuntime } from "../runtime-types.js";
import { append_branch } from "./append-branch.js";
import { corexModule } from "./def.js";

export const corexRuntime = defineRuntime(corexModule, { create: () => ({ functions: { append_branch } }) });
