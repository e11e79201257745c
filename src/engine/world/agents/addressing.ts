/**
 * Where an agent sends: a response to the address its request's top Via names (RFC 3261 18.2.2
 * with RFC 3581's rport), a request to the host and port of a SIP URI (the first Route, the remote
 * target). Agents resolve no DNS: a URI whose host is not an IPv4 address goes to the proxy, the
 * agent's outbound proxy, which is what a phone configured with one does.
 */
import { parseIPv4 } from "../../base/ip.js";
import type { HostPort } from "../../runtime/sip-net.js";
import type { ViaValue } from "./parse.js";

/** Whether `s` is a dotted-quad IPv4 address. */
export function isIpv4(s: string): boolean {
  return parseIPv4(s) !== undefined;
}

/**
 * The response's destination: `received` (or the sent-by host), port from `rport=` when it has a
 * value, else the sent-by port, else 5060. `undefined` when the host is no IPv4 address.
 */
export function responseAddress(via: ViaValue): HostPort | undefined {
  const ip = via.received ?? via.host;
  if (!isIpv4(ip)) return undefined;
  const rport = via.rport ? Number(via.rport) : Number.NaN;
  const port = Number.isInteger(rport) && rport > 0 && rport < 65536 ? rport : (via.port ?? 5060);
  return { ip, port };
}

/** The parts of a SIP URI a UA routes by. */
export interface UriTarget {
  host: string;
  port: number | null;
  /** The `lr` parameter is present (a loose router, RFC 3261 19.1.1). */
  lr: boolean;
}

/** `sip:user@host:port;params?headers` → host, port, lr; `undefined` when it is not a sip/sips URI. */
export function uriTarget(uri: string): UriTarget | undefined {
  const m = /^sips?:(?:[^@]*@)?(\[[^\]]*\]|[^:;?>]+)(?::(\d+))?([^?]*)/i.exec(uri.trim());
  if (!m) return undefined;
  const params = (m[3] as string).toLowerCase().split(";");
  return {
    host: m[1] as string,
    port: m[2] === undefined ? null : Number(m[2]),
    lr: params.some((p) => p === "lr" || p.startsWith("lr=")),
  };
}

/** Where a request for `uri` goes: its IPv4 host and port (5060 by default), else the proxy. */
export function requestAddress(uri: string, proxy: HostPort): HostPort {
  const t = uriTarget(uri);
  if (!t || !isIpv4(t.host)) return proxy;
  return { ip: t.host, port: t.port ?? 5060 };
}
