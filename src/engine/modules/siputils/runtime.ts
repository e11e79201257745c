/** siputils at run time (docs/kamailio/siputils.md): `has_totag` (1 when the To header carries a tag, -1 otherwise). */
import type { FunctionImpl } from "../../runtime/env.js";
import { defineRuntime } from "../runtime-types.js";
import { siputilsModule } from "./def.js";

const has_totag: FunctionImpl = { compile: () => (ctx) => (ctx.msg.to?.tag ? 1 : -1) };

export const siputilsRuntime = defineRuntime(siputilsModule, {
  create() {
    return { functions: { has_totag } };
  },
});
