/**
 * registrar at run time (docs/kamailio/registrar.md): the functions bound to usrloc's table
 * named by their first argument (register_udomain() at fix-up, as domain_fixup() does), the
 * reply buffer and rerrno shared by all calls (reply.c, rerrno.c), `$ulc`, and the callback
 * that runs event_route[usrloc:contact-expired] for each contact usrloc's timer expires.
 */
import { L_ERR } from "../../base/log-levels.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl } from "../../runtime/env.js";
import { parseAllHeaders } from "../../runtime/parse-headers.js";
import { toInt } from "../../runtime/values.js";
import { anchorLump, insertBefore, msgView } from "../lumps.js";
import { defineRuntime } from "../runtime-types.js";
import { registerDomain, usrlocOf } from "../usrloc/state.js";
import type { Udomain } from "../usrloc/store.js";
import { regLog } from "./common.js";
import { registrarModule } from "./def.js";
import { lookup, lookupBranches, registered, unregister } from "./lookup.js";
import { fetchContacts, freeContacts, setExpiredProfile, ulcPv } from "./regpv.js";
import type { ReplyState } from "./reply.js";
import { regReply } from "./reply.js";
import { save } from "./save.js";
import type { RegContext } from "./save-job.js";
import { registrarSettings } from "./settings.js";

export const registrarRuntime = defineRuntime(registrarModule, {
  create(setup) {
    const s = registrarSettings(setup.params);
    const ul = usrlocOf(setup.sv);
    const reply: ReplyState = { contact: "", rerrno: "R_FINE", pathVec: "" };
    const sock = () => `udp:${setup.sv.net.socket.ip}:${setup.sv.net.socket.port}`;
    let rc: RegContext | undefined;
    const regContext = (env: CompileEnv): RegContext => {
      if (rc) return rc;
      rc = { s, ul, reply, sock: sock() };
      if (s.receivedAvp !== "") {
        const r = parsePvAt(s.receivedAvp, 0, true);
        if ("spec" in r) {
          const pv = env.pv(r.spec, { file: 0, start: 0, end: 0 });
          rc.receivedAvp = (ctx) => pv.get(ctx);
        }
      }
      return rc;
    };
    /** domain_fixup(): the table named by the literal first argument. */
    const table = (args: readonly CallArg[]): Udomain => registerDomain(ul, (args[0] as CallArg).literal ?? "location");
    /** An optional URI argument (fixup_spve_null): empty text is "invalid uri parameter". */
    const uriOf = (args: readonly CallArg[], i: number, fn: string, line: number) => {
      const a = args[i];
      if (a === undefined) return () => ({ ok: true as const, uri: undefined });
      const get = a.str();
      return (ctx: ScriptContext) => {
        const v = get(ctx);
        if (v.length === 0) {
          regLog(ctx, L_ERR, `registrar.c:${line}`, fn, "invalid uri parameter");
          return { ok: false as const };
        }
        return { ok: true as const, uri: v };
      };
    };

    const saveFn: FunctionImpl = {
      compile(args, env) {
        const d = table(args);
        const r = regContext(env);
        const flagsArg = args[1];
        // save_fixup(): the flags are a number known at start-up.
        const flags = flagsArg === undefined ? 0 : toInt(flagsArg.literal ?? "0");
        const uri = uriOf(args, 2, "w_save3", 471);
        return (ctx) => {
          const u = uri(ctx);
          if (!u.ok) return -1;
          return save(ctx, r, d, flags, u.uri);
        };
      },
    };
    const lookupFn = (mode: 0 | 1, fn: string, line: number): FunctionImpl => ({
      compile(args, env) {
        const d = table(args);
        const r = regContext(env);
        const uri = uriOf(args, 1, fn, line);
        return (ctx) => {
          const u = uri(ctx);
          if (!u.ok) return -1;
          return lookup(ctx, r, d, u.uri, mode);
        };
      },
    });
    const registeredFn: FunctionImpl = {
      compile(args, env) {
        const d = table(args);
        const r = regContext(env);
        const uri = uriOf(args, 1, "w_registered", 537);
        const match = args[2]?.value();
        const action = args[3]?.value();
        return (ctx) => {
          const u = uri(ctx);
          if (!u.ok) return -1;
          return registered(ctx, r, d, u.uri, match ? toInt(match(ctx)) : 0, action ? toInt(action(ctx)) : 0);
        };
      },
    };
    const unregisterFn: FunctionImpl = {
      compile(args, env) {
        const d = table(args);
        const r = regContext(env);
        const uriArg = (args[1] as CallArg).str();
        const ruidArg = args[2]?.str();
        return (ctx) => {
          const uri = uriArg(ctx);
          if (ruidArg === undefined) {
            if (uri.length === 0) {
              regLog(ctx, L_ERR, "registrar.c:630", "w_unregister", "invalid uri parameter");
              return -1;
            }
            return unregister(ctx, r, d, uri);
          }
          const ruid = ruidArg(ctx);
          if (ruid.length === 0) {
            regLog(ctx, L_ERR, "registrar.c:664", "w_unregister2", "invalid ruid parameter");
            return -1;
          }
          return unregister(ctx, r, d, uri, ruid);
        };
      },
    };
    const lookupBranchesFn: FunctionImpl = {
      compile(args, env) {
        const d = table(args);
        const r = regContext(env);
        return (ctx) => lookupBranches(ctx, r, d);
      },
    };
    const fetchFn: FunctionImpl = {
      compile(args, env) {
        const d = table(args);
        const r = regContext(env);
        const uri = (args[1] as CallArg).str();
        const name = (args[2] as CallArg).literal ?? "";
        return (ctx) => {
          const u = uri(ctx);
          if (u.length === 0) {
            regLog(ctx, L_ERR, "regpv.c:589", "pv_fetch_contacts", "invalid uri parameter");
            return -1;
          }
          return fetchContacts(ctx, r, d, u, name);
        };
      },
    };
    const freeFn: FunctionImpl = {
      compile(args) {
        const name = (args[0] as CallArg).literal ?? "";
        return (ctx) => freeContacts(ctx, name);
      },
    };
    /**
     * add_sock_hdr(name) (registrar.c ki_add_sock_hdr()): a header naming the receiving socket
     * (`Name: udp:127.0.0.1:5060`) added as a lump at the end of the headers (msg->unparsed).
     */
    const addSockHdrFn: FunctionImpl = {
      compile(args) {
        const name = (args[0] as CallArg).str();
        return (ctx) => {
          const n = name(ctx);
          if (n.length === 0) {
            regLog(ctx, L_ERR, "registrar.c:834", "ki_add_sock_hdr", "invalid header name parameter");
            return -1;
          }
          const v = parseAllHeaders(ctx) ? msgView(ctx.msg) : undefined;
          if (v === undefined) {
            regLog(ctx, L_ERR, "registrar.c:840", "ki_add_sock_hdr", "failed to parse message");
            return -1;
          }
          const anchor = anchorLump(ctx.msg, v.eoh);
          if (anchor === undefined) return -1;
          insertBefore(anchor, `${n}: ${sock()}\r\n`);
          return 1;
        };
      },
    };
    const sendReplyFn: FunctionImpl = {
      compile(_args, env) {
        const r = regContext(env);
        // ki_reg_send_reply(): 0 from reg_send_reply() is 1.
        return (ctx) => {
          const ret = regReply(ctx, reply, r.s, true);
          return ret === 0 ? 1 : ret;
        };
      },
    };
    return {
      functions: {
        save: saveFn,
        lookup: lookupFn(0, "w_lookup", 487),
        lookup_to_dset: lookupFn(1, "w_lookup_to_dset", 503),
        registered: registeredFn,
        unregister: unregisterFn,
        reg_fetch_contacts: fetchFn,
        reg_free_contacts: freeFn,
        lookup_branches: lookupBranchesFn,
        reg_send_reply: sendReplyFn,
        add_sock_hdr: addSockHdrFn,
      },
      pvars: { ulc: ulcPv },
      start(host) {
        // mod_init(): the expired-contact callback exists only when the event route does.
        const route = host.events("usrloc:contact-expired");
        if (route === undefined) return;
        ul.onExpire.push((c, proc, t, done) => {
          setExpiredProfile(proc, c);
          host.runTimerRoute(proc, route, t, done);
        });
      },
    };
  },
});
