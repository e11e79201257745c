/**
 * pike at run time (docs/kamailio/pike.md): one tree for all processes; `pike_check_req`/`pike_check_ip`
 * count in the SIP worker and log BLOCK there; the slow timer rotates the windows every
 * `sampling_time_unit` seconds from start (logging UNBLOCK) and cleans expired nodes every second.
 */

import { ipToBytes } from "../../base/ip.js";
import { L_ERR } from "../../base/log-levels.js";
import type { Micros } from "../../base/time.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import type { SimulationHost } from "../runtime-types.js";
import { defineRuntime } from "../runtime-types.js";
import { pikeModule } from "./def.js";
import { pikeRotationPeriod, readPikeParams } from "./params.js";
import { formatPikeTopReply, pikeTop } from "./rpc.js";
import { PikeTree, parseIpv4ForPike, pikeTicks } from "./tree.js";

const SECOND = 1_000_000;

export const pikeRuntime = defineRuntime(pikeModule, {
  create(setup) {
    const p = readPikeParams(setup.params);
    // Who is running the tree right now: a worker's script, or the slow timer (set before each call).
    let ctx: ScriptContext | undefined;
    let timer: { host: SimulationHost; t: Micros } | undefined;
    const tree = new PikeTree(p, {
      block(ip, node) {
        if (!ctx) return;
        ctx.sv.log.module(
          ctx.proc,
          p.logLevel,
          "pike",
          "pike_funcs.c:135",
          "pike_check_ipaddr",
          `PIKE - BLOCKing ip ${ip}, node=${node}`,
          whereIn(ctx),
        );
        const k = ctx.sv.kernel;
        if (k.wants.pike)
          k.emit({ kind: "pike", t: nowIn(ctx), op: "blocked", ip, proc: ctx.proc.index, req: ctx.req });
      },
      unblock(node) {
        if (!timer) return;
        const { host, t } = timer;
        host.sv.log.module(
          host.slowTimer,
          p.logLevel,
          "pike",
          "pike_funcs.c:315",
          "refresh_node",
          `PIKE - UNBLOCKing node ${node}`,
          { t },
        );
        if (host.sv.kernel.wants.pike)
          host.sv.kernel.emit({ kind: "pike", t, op: "unblocked", ip: node, proc: host.slowTimer.index });
      },
    });
    const check = (c: ScriptContext, bytes: Uint8Array, ip: string): number => {
      ctx = c;
      const r = tree.check(bytes, pikeTicks(nowIn(c)));
      ctx = undefined;
      const k = c.sv.kernel;
      if (k.wants.pike && r !== -2)
        k.emit({ kind: "pike", t: nowIn(c), op: r === 1 ? "hit" : "refused", ip, proc: c.proc.index, req: c.req });
      return r;
    };
    // Source addresses repeat: keep their bytes (bounded, so a huge address space cannot grow it forever).
    const bytesOf = new Map<string, Uint8Array | undefined>();
    const cachedBytes = (ip: string): Uint8Array | undefined => {
      let b = bytesOf.get(ip);
      if (b === undefined && !bytesOf.has(ip)) {
        if (bytesOf.size > 65_536) bytesOf.clear();
        b = ipToBytes(ip);
        bytesOf.set(ip, b);
      }
      return b;
    };
    const pike_check_req: FunctionImpl = {
      compile: () => (c) => {
        const bytes = cachedBytes(c.src.ip);
        return bytes ? check(c, bytes, c.src.ip) : 1;
      },
    };
    const pike_check_ip: FunctionImpl = {
      compile(args) {
        const ip = (args[0] as CallArg).str();
        return (c) => {
          const text = ip(c);
          if (text === "") return -1;
          const bytes = parseIpv4ForPike(text);
          if (!bytes) {
            c.sv.log.module(
              c.proc,
              L_ERR,
              "pike",
              "pike_funcs.c:183",
              "pike_check_ip",
              `failed to parse ip address: ${text}`,
              whereIn(c),
            );
            return -1;
          }
          return check(c, bytes, text);
        };
      },
    };
    return {
      functions: { pike_check_req, pike_check_ip },
      rpc: {
        "pike.top": (args) => reply(tree, args[0]),
        "pike.list": (args) => reply(tree, args[0]),
      },
      start(host) {
        const period = pikeRotationPeriod(p.samplingTimeUnit);
        const rotate = (t: Micros) =>
          host.sv.kernel.schedule(t, () => {
            timer = { host, t };
            tree.rotate();
            timer = undefined;
            rotate(t + period);
          });
        const clean = (t: Micros) =>
          host.sv.kernel.schedule(t, () => {
            tree.clean(pikeTicks(t));
            clean(t + SECOND);
          });
        rotate(period);
        clean(SECOND);
        now = () => host.sv.kernel.now;
      },
      snapshot: () => ({ maxHits: tree.maxHits, unitUs: p.samplingTimeUnit * SECOND, nodes: tree.nodes() }),
    };

    function reply(t: PikeTree, arg: string | undefined) {
      const r = pikeTop(t, arg, pikeTicks(now()));
      const text = formatPikeTopReply(r);
      return "ok" in r
        ? { ok: true as const, text, data: r.ok }
        : { ok: false as const, code: r.error.code, message: r.error.message };
    }
  },
});

let now: () => Micros = () => 0;
