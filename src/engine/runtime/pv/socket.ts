/**
 * The receiving socket and the next hop (modules/pv/pv_core.c, pv_branch.c): `$Ru`/`$Rut`
 * (the socket as a SIP URI, get_rcv_socket_uri()), `$Ras` (`udp:IP:PORT`, its sock_str), `$Rn`
 * (its name; kamsim's socket has none), the advertised forms `$RAi $RAp $RAu $RAut` (the real
 * ones when nothing is advertised), `$af(id|name)`, the constants `$K(...)` and `$nh(u|U|d|p|P|i)`
 * (the destination URI if set, else the R-URI). kamsim receives on UDP only.
 */
import { L_ERR } from "../../base/log-levels.js";
import { parseUri } from "../../sip/uri.js";
import type { ScriptContext } from "../context.js";
import type { PvAccess, PvImpl } from "../env.js";
import { whereIn } from "../services.js";
import type { Value } from "../values.js";
import { readOnly, withName } from "./simple.js";

/** AF_INET / AF_INET6 and PROTO_* (ip_addr.h) as `$K` and `$af(id)` give them. */
const AF_INET = 2;
const AF_INET6 = 10;
const K_VALUES: Readonly<Record<string, number>> = {
  IPv4: AF_INET,
  INET: AF_INET,
  IPv6: AF_INET6,
  INET6: AF_INET6,
  UDP: 1,
  TCP: 2,
  TLS: 3,
  SCTP: 4,
  WS: 5,
  WSS: 6,
};

function hostText(ip: string): string {
  return ip.includes(":") ? `[${ip}]` : ip;
}

/** get_rcv_socket_uri(): `sip:IP:PORT`, with `;transport=udp` when asked for (`$Rut`). */
function socketUri(withTransport: boolean): PvImpl {
  return readOnly((ctx) =>
    ctx.rcv ? `sip:${hostText(ctx.rcv.ip)}:${ctx.rcv.port}${withTransport ? ";transport=udp" : ""}` : null,
  );
}

/** `$nh(x)`: parts of `$du`, or of the current R-URI when `$du` is unset (pv_get_nh()). */
const nh: PvImpl = withName((name): PvAccess => {
  const part = ["u", "U", "d", "p", "P", "i"].indexOf(name);
  return {
    get: (ctx: ScriptContext): Value => {
      const uri = ctx.dstUri ?? ctx.msg.ruri;
      if (part <= 0) return part === 0 ? uri : null;
      const u = parseUri(uri);
      if (!u) {
        ctx.sv.log.module(
          ctx.proc,
          L_ERR,
          "pv",
          "pv_branch.c:840",
          "pv_get_nh",
          `failed to parse nh uri [${uri}]`,
          whereIn(ctx),
        );
        return null;
      }
      switch (part) {
        case 1:
          return u.user ? u.user : null;
        case 2:
          return u.host !== "" ? u.host : null;
        case 3:
          return u.port === undefined ? 5060 : u.port === String(u.portNo) ? u.portNo : u.port;
        case 4:
          return u.transport ?? "UDP";
        default:
          return /^\d+\.\d+\.\d+\.\d+$/.test(u.host) ? 4 : u.host.startsWith("[") ? 6 : 0;
      }
    },
  };
});

export const socketPvars: Readonly<Record<string, PvImpl>> = {
  Ru: socketUri(false),
  Rut: socketUri(true),
  RAu: socketUri(false),
  RAut: socketUri(true),
  RAi: readOnly((ctx) => ctx.rcv?.ip ?? null),
  RAp: readOnly((ctx) => ctx.rcv?.port ?? null),
  Ras: readOnly((ctx) => (ctx.rcv ? `udp:${hostText(ctx.rcv.ip)}:${ctx.rcv.port}` : null)),
  Rn: readOnly(() => null),
  af: withName((name) => ({
    total: true,
    get: (ctx: ScriptContext) => {
      const v6 = ctx.rcv?.ip.includes(":") === true;
      return name === "name" ? (v6 ? "IPv6" : "IPv4") : v6 ? AF_INET6 : AF_INET;
    },
  })),
  K: withName((name) => {
    const v = K_VALUES[name] ?? AF_INET;
    return { total: true, get: () => v };
  }),
  nh,
};
