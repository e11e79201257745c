/** siputils at run time (docs/kamailio/siputils.md): `has_totag` (1 when the To header carries a tag, -1 otherwise). */
import type { FunctionImpl } from "../../runtime/env.js";
import type { ModuleInstance, ModuleRuntime } from "../runtime-types.js";

const has_totag: FunctionImpl = { compile: () => (ctx) => (ctx.msg.to?.tag ? 1 : -1) };

export const siputilsRuntime: ModuleRuntime = {
  name: "siputils",
  create(): ModuleInstance {
    return { functions: { has_totag } };
  },
};
