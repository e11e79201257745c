/**
 * sanity at run time (docs/kamailio/sanity.md): w_sanity_check() and w_sanity_reply() of
 * modules/sanity/sanity_mod.c over the checks of checks.ts, run in sanity_check()'s order —
 * which is not the order of the bits: the first-Via check (16384) comes fourth, duplicate tags
 * (4096) last.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import type { Value } from "../../runtime/values.js";
import { igp, ivalue } from "../igp.js";
import { defineRuntime } from "../runtime-types.js";
import * as c from "./checks.js";
import { sanityModule } from "./def.js";
import { createSanityReply } from "./reply.js";

/** SANITY_MAX_CHECKS and SANITY_URI_MAX_CHECKS (sanity_mod.h): masks must stay below them. */
const MAX_CHECKS = 1 << 15;
const URI_MAX_CHECKS = 1 << 4;

type Step = [bit: number, run: (e: c.CheckEnv, uriChecks: number) => number];

/** sanity_check()'s order. Via version and Via protocol are "useless checks for now" there: they pass. */
const STEPS: readonly Step[] = [
  [1 << 0, c.ruriSipVersion],
  [1 << 1, c.ruriScheme],
  [1 << 2, c.requiredHeaders],
  // check_via1_header(): the receive path has parsed the first Via and its host already.
  [1 << 14, () => c.PASSED],
  [1 << 3, () => c.PASSED],
  [1 << 4, () => c.PASSED],
  [1 << 5, c.cseqMethod],
  [1 << 6, c.cseqValue],
  [1 << 7, c.contentLength],
  [1 << 8, c.expiresValue],
  [1 << 9, c.proxyRequire],
  [1 << 10, c.parseUris],
  [1 << 11, (e) => c.digest(e, false)],
  [1 << 13, (e) => c.digest(e, true)],
  [1 << 12, c.duplicateTags],
];

interface Settings {
  msgChecks: number;
  uriChecks: number;
  proxyRequire: string[];
  autodrop: boolean;
  noreply: boolean;
}

function settingsOf(params: readonly { name: string; value: Value }[]): Settings {
  const s: Settings = { msgChecks: 3047, uriChecks: 7, proxyRequire: [], autodrop: true, noreply: false };
  for (const p of params) {
    if (p.name === "default_checks") s.msgChecks = Number(p.value) | 0;
    else if (p.name === "uri_checks") s.uriChecks = Number(p.value) | 0;
    else if (p.name === "proxy_require") s.proxyRequire = c.parseStrList(String(p.value)) ?? [];
    else if (p.name === "autodrop") s.autodrop = Number(p.value) !== 0;
    else if (p.name === "noreply") s.noreply = Number(p.value) !== 0;
  }
  return s;
}

export const sanityRuntime = defineRuntime(sanityModule, {
  create(setup) {
    const s = settingsOf(setup.params);
    const r = createSanityReply(s.noreply);
    const run = (ctx: ScriptContext, msgChecks: number, uriChecks: number): number => {
      if (s.noreply) r.reset();
      const env: c.CheckEnv = { ctx, reply: r.reply, proxyRequire: s.proxyRequire };
      for (const [bit, check] of STEPS) {
        if (!(msgChecks & bit)) continue;
        const ret = check(env, uriChecks);
        if (ret !== c.PASSED) return ret;
      }
      return c.PASSED;
    };
    const sanity_check: FunctionImpl = {
      compile(args, env) {
        const mArg = args[0] ? igp(args[0] as CallArg, env) : undefined;
        const uArg = args[1] ? igp(args[1] as CallArg, env) : undefined;
        return (ctx) => {
          const m = mArg ? ivalue(ctx, mArg(ctx)) : s.msgChecks;
          if (m === undefined) return fail(ctx, 229, "failed to get msg check flags parameter");
          const u = uArg ? ivalue(ctx, uArg(ctx)) : s.uriChecks;
          if (u === undefined) return fail(ctx, 237, "failed to get uri check flags parameter");
          if (m < 1 || m >= MAX_CHECKS) {
            return fail(ctx, 243, `input parameter (${m}) outside of valid range <1-${MAX_CHECKS})`);
          }
          if (u < 1 || u >= URI_MAX_CHECKS) {
            return fail(ctx, 248, `second input parameter (${u}) outside of valid range <1-${URI_MAX_CHECKS}`);
          }
          const ret = run(ctx, m, u);
          if (s.autodrop) return ret;
          return ret === c.FAILED ? -1 : ret;
        };
      },
    };
    const sanity_reply: FunctionImpl = { compile: () => (ctx) => r.sanityReply(ctx) };
    return { functions: { sanity_check, sanity_reply } };
  },
});

/** w_sanity_check()'s own error line; the function returns -1. */
function fail(ctx: ScriptContext, line: number, text: string): number {
  ctx.sv.log.module(ctx.proc, L_ERR, "sanity", `sanity_mod.c:${line}`, "w_sanity_check", text, whereIn(ctx));
  return -1;
}
