/**
 * A case's recording: what the real Kamailio printed and answered for a golden case or an
 * example, stored beside its expected.log as `recording.jsonl`, one JSON object a line:
 * - first, `{"kind":"meta", ...}`: Kamailio's version line and Debian package, when it was
 *   recorded, the source address map and the HTTP origins served locally (`Meta`);
 * - then every compared log record, `{"kind":"log","t":…,"proc":…,"text":…}`, normalised as the
 *   differential harness normalises Kamailio's side (normalize.ts: PIDs, pointers, config path;
 *   start-up, internal DEBUG lines and shutdown left out), with the mapped source addresses and
 *   HTTP servers turned back into the case's own, `t` in seconds since t = 0 (the first fork);
 * - then every request sent, `{"kind":"request","req":…,"planned":…,"sent":…,"src":…,…,"replies":[…]}`;
 * - then, for a case with user agents (`agents` in its traffic), every datagram each agent sent
 *   and received, in order, `{"kind":"sip","agent":…,"addr":…,"dir":"send"|"recv","t":…,"peer":…,"text":…}`
 *   (the wire text as it was; the comparison normalises Kamailio's random values: sip-normalize.ts).
 * Nothing in it comes from kamsim.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { LogRecord } from "./normalize.js";
import type { SentRequest } from "./sender.js";
import type { AgentWire } from "./sip-normalize.js";

export const RECORDING_NAME = "recording.jsonl";

/** How a recording was made. */
export interface Meta {
  /** `kamailio -v`'s first line. */
  kamailio: string;
  /** Debian package version (`dpkg-query -W kamailio`). */
  package: string;
  /** ISO date and time of the recording (UTC). */
  recorded: string;
  /** The case's source → the 127.x address Kamailio saw (address-map.ts). */
  addresses: Record<string, string>;
  /** HTTP origin as written → local server Kamailio's http_client called (http-endpoints.ts). */
  endpoints: Record<string, string>;
  /** The machine's 1-minute load average when the run started. */
  load: number;
  /** Longest stall of the harness while Kamailio ran, seconds (stalls.ts). */
  maxStall: number;
  /** Largest delay of a send after its planned time, seconds. */
  maxLateness: number;
  /** Kamailio's socket `ip:port` the user agents sent to (cases with agents only). */
  proxy?: string;
}

export interface Recording {
  meta: Meta;
  records: LogRecord[];
  requests: SentRequest[];
  /** What each user agent sent and received (none without agents). */
  agents: AgentWire[];
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The recording's text (see the file comment). */
export function formatRecording(r: Recording): string {
  const lines = [JSON.stringify({ kind: "meta", ...r.meta })];
  for (const x of r.records) lines.push(JSON.stringify({ kind: "log", t: round(x.t), proc: x.proc, text: x.text }));
  for (const q of r.requests)
    lines.push(JSON.stringify({ kind: "request", ...q, planned: round(q.planned), sent: round(q.sent) }));
  for (const a of r.agents)
    for (const [dir, list] of [
      ["send", a.sent],
      ["recv", a.received],
    ] as const)
      for (const m of list)
        lines.push(
          JSON.stringify({ kind: "sip", agent: a.name, addr: a.addr, dir, t: round(m.t), peer: m.peer, text: m.text }),
        );
  return `${lines.join("\n")}\n`;
}

const LEVEL = /^([A-Z]*): /;

/** Reads a recording's text back. */
export function parseRecording(text: string): Recording {
  let meta: Meta | undefined;
  const records: LogRecord[] = [];
  const requests: SentRequest[] = [];
  const agents = new Map<string, AgentWire>();
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const o = JSON.parse(line);
    if (o.kind === "meta") {
      const { kind: _, ...m } = o;
      meta = m as Meta;
    } else if (o.kind === "log")
      records.push({ t: o.t, proc: o.proc, level: LEVEL.exec(o.text)?.[1] ?? "", text: o.text });
    else if (o.kind === "request") {
      const { kind: _, ...q } = o;
      requests.push(q as SentRequest);
    } else if (o.kind === "sip") {
      let a = agents.get(o.agent);
      if (!a) {
        a = { name: o.agent, addr: o.addr, received: [], sent: [] };
        agents.set(o.agent, a);
      }
      (o.dir === "send" ? a.sent : a.received).push({ t: o.t, peer: o.peer, text: o.text });
    } else throw new Error(`line ${i + 1}: unknown kind ${o.kind}`);
  }
  if (!meta) throw new Error("no meta line");
  return { meta, records, requests, agents: [...agents.values()] };
}

export function readRecording(file: string): Recording {
  return parseRecording(readFileSync(file, "utf8"));
}

export function writeRecording(file: string, r: Recording): void {
  writeFileSync(file, formatRecording(r));
}
