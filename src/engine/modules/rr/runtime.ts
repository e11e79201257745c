/**
 * rr at run time (docs/kamailio/rr.md): the wrappers of modules/rr/rr_mod.c around record.c
 * (Record-Route as lumps), loose.c (loose_route() and the Route parameters) and the PVs
 * $route_uri, $fti, $tti, $rdir.
 */
import { L_ERR, L_INFO } from "../../base/log-levels.js";
import { compileRegex, type PosixRegex } from "../../base/regex/index.js";
import type { Span } from "../../base/source.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl, PvAccess, PvImpl } from "../../runtime/env.js";
import { FL_ROUTE_ADDR, FL_RR_ADDED, hasMsgFlag, setMsgFlag } from "../../runtime/msg-flags.js";
import { igp, ivalue } from "../igp.js";
import { defineRuntime } from "../runtime-types.js";
import { rrModule } from "./def.js";
import { checkRouteParam, DOWNSTREAM, direction, UPSTREAM } from "./direction.js";
import { looseRouteMode } from "./loose.js";
import { addRrParam, recordRoute, recordRouteAdvertised, recordRoutePreset, removeRecordRoute } from "./record.js";
import { headersFailed, parseRouteField, routeScan } from "./routes.js";
import { headerTag, type RrConfig, rrLog } from "./state.js";

/** rr_mod.c's "Double attempt to record-route" at the wrapper's line; true when refused. */
function doubleAttempt(ctx: ScriptContext, line: number, fn: string): boolean {
  if (!hasMsgFlag(ctx, FL_RR_ADDED)) return false;
  rrLog(ctx, L_ERR, `rr_mod.c:${line}`, fn, "Double attempt to record-route");
  return true;
}

/**
 * get_route_type() == BRANCH_ROUTE: kamsim knows the block running, not the top route, so a
 * sub-route called from a branch_route counts as what it is called from only by its own name.
 */
function inBranchRoute(ctx: ScriptContext): boolean {
  return ctx.route.startsWith("branch_route");
}

function readConfig(params: readonly { name: string; value: string | number }[], listen: RrConfig["listen"]): RrConfig {
  const cfg: RrConfig = {
    appendFromtag: true,
    enableDoubleRr: 1,
    enableFullLr: false,
    addUsername: false,
    forceSendSocket: false,
    mismatchWarning: true,
    ignoreSips: false,
    listen,
  };
  for (const p of params) {
    const n = Number(p.value);
    if (p.name === "append_fromtag") cfg.appendFromtag = n !== 0;
    else if (p.name === "enable_double_rr") cfg.enableDoubleRr = n;
    else if (p.name === "enable_full_lr") cfg.enableFullLr = n !== 0;
    else if (p.name === "add_username") cfg.addUsername = n !== 0;
    else if (p.name === "force_send_socket") cfg.forceSendSocket = n !== 0;
    else if (p.name === "enable_socket_mismatch_warning") cfg.mismatchWarning = n !== 0;
    else if (p.name === "ignore_sips") cfg.ignoreSips = n !== 0;
    else if (p.name === "custom_user_avp") {
      // mod_init(): pv_parse_spec(); only a spec that does not parse refuses (any PV is read).
      const r = parsePvAt(String(p.value), 0, true);
      if ("spec" in r) cfg.customUser = r.spec;
    }
  }
  return cfg;
}

export const rrRuntime = defineRuntime(rrModule, {
  create(setup) {
    const cfg = readConfig(setup.params, { ip: setup.core.listenIp, port: setup.core.listenPort });

    /** The custom_user_avp variable, read where add_username needs it. */
    const customUser = (env: CompileEnv, span: Span): PvAccess | undefined =>
      cfg.addUsername && cfg.customUser ? env.pv(cfg.customUser, span) : undefined;

    const loose_route: FunctionImpl = { compile: () => (ctx) => looseRouteMode(ctx, cfg, 0) };
    const loose_route_preloaded: FunctionImpl = {
      compile: () => (ctx) => (looseRouteMode(ctx, cfg, 0) === -3 ? 1 : -1),
    };
    const loose_route_mode: FunctionImpl = {
      compile(args, env) {
        const mode = igp(args[0] as CallArg, env);
        return (ctx) => {
          const m = ivalue(ctx, mode(ctx));
          if (m === undefined) {
            rrLog(ctx, L_ERR, "rr_mod.c:301", "w_loose_route_mode", "failed to get the mode parameter");
            return -1;
          }
          return looseRouteMode(ctx, cfg, m);
        };
      },
    };

    const record_route: FunctionImpl = {
      compile(args, env, call) {
        const params = args[0]?.str();
        const custom = customUser(env, call.span);
        return (ctx) => {
          if (doubleAttempt(ctx, 409, "w_record_route")) return -1;
          if (recordRoute(ctx, cfg, params?.(ctx), custom) < 0) return -1;
          if (!inBranchRoute(ctx)) setMsgFlag(ctx, FL_RR_ADDED);
          return 1;
        };
      },
    };

    const record_route_preset: FunctionImpl = {
      compile(args, env, call) {
        const addr1 = (args[0] as CallArg).str();
        const addr2 = args[1]?.str();
        const custom = customUser(env, call.span);
        return (ctx) => {
          if (doubleAttempt(ctx, 427, "w_record_route_preset")) return -1;
          if (addr2 && !cfg.enableDoubleRr) {
            rrLog(
              ctx,
              L_ERR,
              "rr_mod.c:431",
              "w_record_route_preset",
              "Attempt to double record-route while 'enable_double_rr' param is disabled",
            );
            return -1;
          }
          if (recordRoutePreset(ctx, cfg, addr1(ctx), custom) < 0) return -1;
          if (addr2 && recordRoutePreset(ctx, cfg, addr2(ctx), custom) < 0) return -1;
          setMsgFlag(ctx, FL_RR_ADDED);
          return 1;
        };
      },
    };

    const record_route_advertised_address: FunctionImpl = {
      compile(args, env, call) {
        const addr = (args[0] as CallArg).str();
        const custom = customUser(env, call.span);
        return (ctx) => {
          if (doubleAttempt(ctx, 466, "w_record_route_advertised_address")) return -1;
          if (recordRouteAdvertised(ctx, cfg, addr(ctx), custom) < 0) return -1;
          setMsgFlag(ctx, FL_RR_ADDED);
          return 1;
        };
      },
    };

    const add_rr_param: FunctionImpl = {
      compile(args) {
        const param = (args[0] as CallArg).str();
        return (ctx) => (addRrParam(ctx, cfg, param(ctx)) === 0 ? 1 : -1);
      },
    };

    const check_route_param: FunctionImpl = {
      compile(args) {
        // fixup_regexp_null: REG_EXTENDED|REG_ICASE|REG_NEWLINE, compiled at start-up (the
        // checker refuses one that does not compile).
        const r = compileRegex((args[0] as CallArg).literal ?? "", { icase: true, newline: true });
        const re: PosixRegex | undefined = r.ok ? r.re : undefined;
        return (ctx) => (re && checkRouteParam(ctx, cfg, re) ? 1 : -1);
      },
    };

    const is_direction: FunctionImpl = {
      compile(args) {
        // direction_fixup(): the checker refused any other word.
        const want = /^upstream$/i.test((args[0] as CallArg).literal ?? "") ? UPSTREAM : DOWNSTREAM;
        return (ctx) => (direction(ctx, cfg) === want ? 1 : -1);
      },
    };

    const remove_record_route: FunctionImpl = {
      compile: () => (ctx) => {
        removeRecordRoute(ctx);
        return 1;
      },
    };

    const rr_next_hop_route: FunctionImpl = {
      compile: () => (ctx) => (hasMsgFlag(ctx, FL_ROUTE_ADDR) ? 1 : -1),
    };

    /** $route_uri: the first URI of the first Route header (pv_get_route_uri_f()). */
    const route_uri: PvImpl = {
      compile: () => ({
        get(ctx) {
          const scan = routeScan(ctx);
          const field = scan.fields[0];
          if (field === undefined && scan.failed) {
            headersFailed(ctx, "rr_mod.c:586", "pv_get_route_uri_f", "while parsing message");
            return undefined;
          }
          if (field === undefined) {
            rrLog(ctx, L_INFO, "rr_mod.c:591", "pv_get_route_uri_f", "No route header present.");
            return undefined;
          }
          const hdr = parseRouteField(ctx, field);
          if (hdr?.entries[0] === undefined) {
            rrLog(ctx, L_ERR, "rr_mod.c:598", "pv_get_route_uri_f", "Error while parsing Route header");
            return undefined;
          }
          return hdr.entries[0].uri;
        },
      }),
    };

    /** $fti/$tti: the From (To) tag, or the other one for an upstream request; <null> without one. */
    const tagPv = (own: "from" | "to"): PvImpl => ({
      compile: () => ({
        get(ctx) {
          const other = own === "from" ? "to" : "from";
          const tag = headerTag(ctx, direction(ctx, cfg) === UPSTREAM ? other : own);
          return tag ? tag : null;
        },
      }),
    });

    /** $rdir(id) 1/2, $rdir(name) "downstream"/"upstream" (pv_get_rdir()). */
    const rdir: PvImpl = {
      compile(spec) {
        const byName = spec.inner === "name";
        return {
          get(ctx) {
            const up = direction(ctx, cfg) === UPSTREAM;
            if (byName) return up ? "upstream" : "downstream";
            return up ? UPSTREAM : DOWNSTREAM;
          },
          total: true,
        };
      },
    };

    return {
      functions: {
        loose_route,
        loose_route_preloaded,
        loose_route_mode,
        record_route,
        record_route_preset,
        record_route_advertised_address,
        add_rr_param,
        check_route_param,
        is_direction,
        remove_record_route,
        rr_next_hop_route,
      },
      pvars: { route_uri, fti: tagPv("from"), tti: tagPv("to"), rdir },
    };
  },
});
