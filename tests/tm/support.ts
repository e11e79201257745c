/**
 * A proxy run for tm's tests: a config, and scripted user agents attached to the simulated
 * network that send raw requests and answer what reaches them with replies built here
 * (RFC 3261 8.2.6: Vias, From, To with a tag, Call-ID, CSeq copied).
 */
import {
  compileConfig,
  createLogWriter,
  createSimulation,
  formatDiagnostic,
  parseTrafficText,
  placeDiagnostics,
  type SimEvent,
} from "../../src/engine/index.js";
import type { HostPort } from "../../src/engine/runtime/sip-net.js";
import type { Simulation } from "../../src/engine/simulation.js";

export const S = 1_000_000;

export interface Received {
  t: number;
  text: string;
  from: HostPort;
}

export interface Ua {
  addr: HostPort;
  got: Received[];
  send(to: HostPort, text: string, at?: number): void;
}

export interface ProxyRun {
  sim: Simulation;
  events: SimEvent[];
  log: string[];
  ua(name: string, addr: HostPort, on?: (m: Received, ua: Ua) => void): Ua;
  run(until: number): void;
  proxy: HostPort;
}

export function proxyRun(config: string, opts: { duration?: number; seed?: number } = {}): ProxyRun {
  const cfg = compileConfig(config, { name: "kamailio.cfg" });
  if (!cfg.ok) {
    const msgs = placeDiagnostics(cfg.diagnostics, cfg.front.files).map(formatDiagnostic);
    throw new Error(`config has errors:\n${msgs.join("\n")}`);
  }
  const t = parseTrafficText(JSON.stringify({ duration: opts.duration ?? 60, seed: opts.seed ?? 1, streams: [] }));
  if ("errors" in t) throw new Error("traffic");
  const events: SimEvent[] = [];
  const log: string[] = [];
  const writeLog = createLogWriter((s) => {
    log.push(s.replace(/\n$/, ""));
  });
  const sim = createSimulation(cfg, t.plan, {
    onEvent: (e) => {
      events.push(e);
      if (e.kind === "log") writeLog(e);
    },
  });
  const net = (sim as unknown as { net: import("../../src/engine/sim/network.js").Network }).net;
  return {
    sim,
    events,
    log,
    proxy: net.socket,
    ua(name, addr, on) {
      const u: Ua = {
        addr,
        got: [],
        send(to, text, at) {
          const when = at ?? sim.now;
          sim.kernel.schedule(when, () => net.sendFrom(addr, to, text, when));
        },
      };
      net.attach(addr, name, (from, text, at) => {
        const m = { t: at, text, from };
        u.got.push(m);
        on?.(m, u);
      });
      return u;
    },
    run(until) {
      sim.runUntil(until);
    },
  };
}

/** The header lines of a message with that name (long form, case-insensitive). */
export function headerLines(text: string, name: string): string[] {
  const head = text.split("\r\n\r\n")[0] ?? "";
  return head
    .split("\r\n")
    .slice(1)
    .filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
}

/** A reply to `req` as a UA builds it: every Via, From, To (tag added), Call-ID, CSeq. */
export function replyTo(req: string, code: number, reason: string, tag = "callee", extra = ""): string {
  const lines = ["via", "from", "to", "call-id", "cseq"].flatMap((h) => headerLines(req, h));
  const out = lines.map((l) => (l.toLowerCase().startsWith("to:") && !/;tag=/.test(l) ? `${l};tag=${tag}` : l));
  return `SIP/2.0 ${code} ${reason}\r\n${out.join("\r\n")}\r\n${extra}Content-Length: 0\r\n\r\n`;
}

/** The first line of a message. */
export function firstLine(text: string): string {
  return text.slice(0, text.indexOf("\r\n"));
}

export const ALICE = { ip: "192.0.2.10", port: 5060 };
export const BOB = { ip: "192.0.2.20", port: 5060 };
export const CAROL = { ip: "192.0.2.30", port: 5060 };

/** An INVITE from alice to `ruri`. */
export function invite(ruri: string, opts: { branch?: string; callId?: string; cseq?: number } = {}): string {
  const branch = opts.branch ?? "z9hG4bK-a1";
  return [
    `INVITE ${ruri} SIP/2.0`,
    `Via: SIP/2.0/UDP 192.0.2.10:5060;branch=${branch};rport`,
    "Max-Forwards: 70",
    "From: <sip:alice@192.0.2.10>;tag=a1",
    "To: <sip:bob@127.0.0.1>",
    `Call-ID: ${opts.callId ?? "c1@192.0.2.10"}`,
    `CSeq: ${opts.cseq ?? 1} INVITE`,
    "Contact: <sip:alice@192.0.2.10:5060>",
    "Content-Length: 0",
    "",
    "",
  ].join("\r\n");
}
