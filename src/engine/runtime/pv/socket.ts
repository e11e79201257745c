/**
 * The receiving socket and the next hop (modules/pv/pv_core.c, pv_branch.c): `$Ru`/`$Rut`
 * (the socket as a SIP URI, get_rcv_socket_uri()), `$Ras` (`udp:IP:PORT`, its sock_str), `$Rn`
 * (its name; kamsim's socket has none), the advertised forms `$RAi $RAp $RAu $RAut` (the real
 * ones when nothing is advertised), `$af(id|name)`, the constants `$K(...)` and `$nh(u|U|d|p|P|i)`
 * (the destination URI if set, else the R-URI), and the version PVs. kamsim receives on UDP only.
 */
import { L_ERR, L_WARN } from "../../base/log-levels.js";
import { parseUri } from "../../sip/uri.js";
import type { ScriptContext } from "../context.js";
import type { PvAccess, PvImpl } from "../env.js";
import { whereIn } from "../services.js";
import type { Value } from "../values.js";
import { extrasOf } from "./extras.js";
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
      const uri = ctx.pvx?.dstUri ?? ctx.msg.ruri;
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

function warnNoSocket(ctx: ScriptContext, line: number, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, L_WARN, "pv", `pv_core.c:${line}`, fn, text, whereIn(ctx));
}

const PROTOS = new Set(["udp", "tcp", "tls", "sctp", "ws", "wss"]);

/**
 * parse_phostport() (src/main.c): `[proto:]host[:port]`, colons inside `[...]` ignored; a string
 * is its error text (logged by the caller at main.c's line). Port 0 and proto "" match any socket
 * in grep_sock_info().
 */
export function parseHostPort(
  s: string,
): { proto: string; host: string; port: number } | { error: string; line: number } {
  const colons: number[] = [];
  let bracket = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "[") {
      if (++bracket > 1) return { error: `too many brackets in ${s}`, line: 1209 };
    } else if (c === "]") {
      if (--bracket < 0) return { error: `too many brackets in ${s}`, line: 1209 };
    } else if (c === ":" && bracket === 0) {
      if (colons.length === 2) return { error: `too many colons in ${s}`, line: 1212 };
      colons.push(i);
    }
  }
  if (s.endsWith(":")) return { error: `too many colons in ${s}`, line: 1212 };
  const badProto = { error: `bad protocol in ${s}`, line: 1215 };
  const [first, second] = colons;
  if (first === undefined) return { proto: "", host: s, port: 0 };
  const isPort = (t: string) => /^[0-9]+$/.test(t);
  if (second !== undefined) {
    const proto = s.slice(0, first).toLowerCase();
    if (!PROTOS.has(proto)) return badProto;
    const port = s.slice(second + 1);
    if (!isPort(port)) return { error: `bad port number in ${s}`, line: 1218 };
    return { proto, host: s.slice(first + 1, second), port: Number(port) };
  }
  const tail = s.slice(first + 1);
  if (isPort(tail)) return { proto: "", host: s.slice(0, first), port: Number(tail) };
  const proto = s.slice(0, first).toLowerCase();
  if (!PROTOS.has(proto)) return badProto;
  return { proto, host: tail, port: 0 };
}

/**
 * The opening pv_set_force_sock() and pv_set_force_sock_name() share (pv_core.c): `$null` clears
 * the forced socket (true), a number not read from a variable or an empty text is an error
 * (false); otherwise the text to look the socket up by.
 */
function forceSockText(
  ctx: ScriptContext,
  v: Value,
  fromPv: boolean | undefined,
  line: number,
  fn: string,
): string | boolean {
  if (v === null) {
    if (ctx.pvx) ctx.pvx.forceSocket = false;
    return true;
  }
  if ((typeof v === "number" && !fromPv) || v === "") {
    ctx.sv.log.module(
      ctx.proc,
      L_ERR,
      "pv",
      `pv_core.c:${line}`,
      fn,
      "str value required to set the force send sock",
      whereIn(ctx),
    );
    return false;
  }
  return String(v);
}

/**
 * `$fs`: the forced send socket as `udp:IP:PORT` (pv_set_force_sock(): a spec naming kamsim's
 * socket forces it, any other only warns, `$null` clears); `$fsn` its name (kamsim's socket has
 * none, so setting one by name warns), `$fsp` its port (0 when none is forced).
 */
const fs: PvAccess = {
  total: true,
  get: (ctx) => (ctx.pvx?.forceSocket && ctx.rcv ? `udp:${hostText(ctx.rcv.ip)}:${ctx.rcv.port}` : null),
  set: (ctx, v, fromPv) => {
    const text = forceSockText(ctx, v, fromPv, 3242, "pv_set_force_sock");
    if (typeof text === "boolean") return text;
    const hp = parseHostPort(text);
    if ("error" in hp) {
      // main.c is at the top of src/, so Kamailio prints it without the core/ folder.
      ctx.sv.log.write(ctx.proc, L_ERR, `<core> [main.c:${hp.line}]: parse_phostport(): ${hp.error}`, whereIn(ctx));
      ctx.sv.log.module(
        ctx.proc,
        L_ERR,
        "pv",
        "pv_core.c:3249",
        "pv_set_force_sock",
        "invalid socket specification",
        whereIn(ctx),
      );
      return false;
    }
    const rcv = ctx.rcv;
    const host = hp.host.replace(/^\[(.*)\]$/, "$1");
    if (rcv && host === rcv.ip && (hp.port === 0 || hp.port === rcv.port) && (hp.proto === "" || hp.proto === "udp"))
      extrasOf(ctx).forceSocket = true;
    else warnNoSocket(ctx, 3260, "pv_set_force_sock", `no socket found to match [${text}]`);
    return true;
  },
};

const fsn: PvAccess = {
  total: true,
  get: () => null,
  set: (ctx, v, fromPv) => {
    const text = forceSockText(ctx, v, fromPv, 3285, "pv_set_force_sock_name");
    if (typeof text === "boolean") return text;
    warnNoSocket(ctx, 3294, "pv_set_force_sock_name", `no socket found to match name [${text}]`);
    return true;
  },
};

/**
 * `$version(num|full|hash)` (pv_stats.c, from core/version.h) and `$ksr(ver|verval)`: the values
 * of the Kamailio kamsim models, Debian's 5.6.3 build (its full text and hash end in a space).
 */
const VERSION: Readonly<Record<string, string>> = {
  num: "5.6.3",
  full: "kamailio 5.6.3 (x86_64/linux) ",
  hash: "unknown ",
};
const version: PvImpl = withName((name) => {
  const v = VERSION[name] ?? VERSION.num ?? null;
  return { total: true, get: () => v };
});
const ksr: PvImpl = withName((name) => {
  const v = name === "verval" ? 5006003 : name === "ver" ? "5.6.3" : null;
  return { total: true, get: () => v };
});

export const socketPvars: Readonly<Record<string, PvImpl>> = {
  version,
  ksr,
  fs: { compile: () => fs },
  fsn: { compile: () => fsn },
  fsp: readOnly((ctx) => (ctx.pvx?.forceSocket && ctx.rcv ? ctx.rcv.port : 0)),
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
