/**
 * Core keywords in conditions (`method == "INVITE"`, `uri == myself`, `src_ip == 10.0.0.0/8`):
 * Kamailio compares these with its own rules, not as ordinary values — method names
 * case-insensitively, addresses against networks, `myself` against the local addresses.
 */
import { parseIPv4 } from "../base/ip.js";
import type { BinaryOp, Expr } from "../lang/ast.js";
import type { CompileEnv } from "./env.js";
import { compileExpr, type ValueFn } from "./expr.js";
import { ExprFail, matches } from "./ops.js";
import { toInt, toStr, type Value } from "./values.js";

/** kamsim's socket when the compiler is given none. */
const DEFAULT_LISTEN = { ip: "127.0.0.1", port: 5060 };

/** `scheme:[user@]host[:port]` of a URI: the host and the port as written. */
const URI_HOST_PORT = /^(sips?|tel):(?:[^@;]*@)?(\[[^\]]*\]|[^:;?>]*)(?::(\d+))?/i;

const hostOf = (uri: string): string => /^(?:sips?|tel):(?:[^@;]*@)?(\[[^\]]*\]|[^:;?>]*)/i.exec(uri)?.[1] ?? "";

/** The value a keyword stands for in the current message. */
export function keywordValue(name: string): ValueFn {
  switch (name) {
    case "method":
      return (ctx) => ctx.msg.method;
    case "uri":
      return (ctx) => ctx.msg.ruri;
    case "from_uri":
      return (ctx) => ctx.msg.from?.uri ?? null;
    case "to_uri":
      return (ctx) => ctx.msg.to?.uri ?? null;
    case "src_ip":
      return (ctx) => ctx.src.ip;
    case "src_port":
      return (ctx) => ctx.src.port;
    case "dst_ip":
    case "rcvip":
      return (ctx) => ctx.rcv?.ip ?? null;
    case "dst_port":
    case "rcvport":
      return (ctx) => ctx.rcv?.port ?? null;
    case "proto":
    case "snd_proto":
      return () => "udp";
    case "af":
    case "snd_af":
      return (ctx) => (ctx.src.ip.includes(":") ? "inet6" : "inet");
    case "msg:len":
      return (ctx) => ctx.msg.length;
    case "uri:host":
      return (ctx) => hostOf(ctx.msg.ruri);
    case "retcode":
      return (ctx) => ctx.rc;
    case "status":
      return () => null;
    default:
      return () => name;
  }
}

/** `keyword OP right`. */
export function compileKeywordCompare(name: string, op: BinaryOp, right: Expr, env: CompileEnv): ValueFn {
  const left = keywordValue(name);
  if (right.kind === "KeywordExpr" && right.name === "myself") {
    if (op !== "==" && op !== "!=") throw new ExprFail(`myself with ${op}`);
    const want = op === "==" ? 1 : 0;
    const listen = env.listen ?? DEFAULT_LISTEN;
    // route.c: the URI keywords check host and port (GET_URI_PORT(), core/forward.h: 5060 when
    // none is written); an address keyword checks the address on any port (check_self(ip, 0)).
    const withPort = name === "uri" || name === "from_uri" || name === "to_uri";
    return (ctx) => (isMyself(left(ctx), listen, withPort) ? want : 1 - want);
  }
  if (right.kind === "IpLit") {
    const net = right;
    const want = op === "!=" ? 0 : 1;
    return (ctx) => (inNetwork(toStr(left(ctx)), net.address, net.prefix) ? want : 1 - want);
  }
  const r = right.kind === "KeywordExpr" ? () => right.name : compileExpr(right, env);
  const caseless = name === "method";
  return (ctx) => compareKeyword(left(ctx), op, r(ctx), caseless);
}

function compareKeyword(a: Value, op: BinaryOp, b: Value, caseless: boolean): number {
  if (op === "=~") return matches(toStr(a), toStr(b)) ? 1 : 0;
  if (typeof a === "number") {
    const x = toInt(b);
    const r =
      op === "=="
        ? a === x
        : op === "!="
          ? a !== x
          : op === "<"
            ? a < x
            : op === ">"
              ? a > x
              : op === "<="
                ? a <= x
                : a >= x;
    return r ? 1 : 0;
  }
  let s = toStr(a);
  let t = toStr(b);
  if (caseless) {
    s = s.toUpperCase();
    t = t.toUpperCase();
  }
  if (op === "==") return s === t ? 1 : 0;
  if (op === "!=") return s !== t ? 1 : 0;
  throw new ExprFail(`operator ${op} on ${toStr(a)}`);
}

/**
 * check_self() (core/forward.c) against kamsim's one UDP socket: the host is its address, or
 * `localhost` when that is 127.0.0.1 (the alias Kamailio adds for it); with `withPort`, a URI's
 * port (5060 when absent) must be the socket's.
 */
function isMyself(v: Value, listen: { readonly ip: string; readonly port: number }, withPort: boolean): boolean {
  const s = toStr(v);
  const m = URI_HOST_PORT.exec(s);
  const host = (m ? (m[2] ?? "") : s).toLowerCase();
  const local = host === listen.ip || (listen.ip === "127.0.0.1" && host === "localhost");
  if (!local || !withPort || !m) return local;
  // GET_URI_PORT(): 5061 only for `transport=tls` (parse_uri() sets PROTO_TLS from it, not from sips:).
  const port = m[3] !== undefined ? Number(m[3]) : /;transport=tls\b/i.test(s) ? 5061 : 5060;
  return port === listen.port;
}

/** Whether `ip` is `addr`, or in `addr/prefix` (IPv4; IPv6 compared as text). */
function inNetwork(ip: string, addr: string, prefix?: number): boolean {
  if (prefix === undefined) return ip === addr;
  const a = parseIPv4(ip);
  const b = parseIPv4(addr);
  if (a === undefined || b === undefined) return false;
  if (prefix === 0) return true;
  const mask = prefix >= 32 ? 0xffffffff : ~((1 << (32 - prefix)) - 1) >>> 0;
  return (a & mask) >>> 0 === (b & mask) >>> 0;
}
