/**
 * Runs a request_route body (or a whole config) on requests from 127.0.0.9, for the engine and
 * module tests that read what the script logs. Built on runEngine() (engine.ts).
 */
import { type EngineRun, runEngine } from "./engine.js";

/** A plain OPTIONS from 127.0.0.9:5070. */
export const OPTIONS_RAW =
  "OPTIONS sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: u-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

export interface ScriptOptions {
  /** Modules loaded after pv.so and xlog.so, e.g. ["sl"]. */
  modules?: readonly string[];
  /** Config lines right after `#!KAMAILIO` (an empty line when absent). */
  head?: string;
  /** The request the route runs on (OPTIONS_RAW when absent). */
  raw?: string;
}

/** `#!KAMAILIO`, `head`, debug=2, children=1, pv, xlog and `modules`, and `body` as request_route. */
export function scriptConfig(body: string, opts: ScriptOptions = {}): string {
  const loads = ["pv", "xlog", ...(opts.modules ?? [])].map((m) => `loadmodule "${m}.so"\n`).join("");
  return `#!KAMAILIO
${opts.head ?? ""}
debug=2
children=1
${loads}request_route {
${body}
}
`;
}

/** Log lines without their `pid(n) ` prefix. */
export function logLines(r: EngineRun): string[] {
  return r.lines.map((l) => l.replace(/^\s*\d+\(\d+\) /, ""));
}

/** Runs `body` on one request at 0.5 s from 127.0.0.9:5070; the log lines without their prefix. */
export function runScript(body: string, opts: ScriptOptions = {}): string[] {
  const raw = opts.raw ?? OPTIONS_RAW;
  return logLines(
    runEngine(scriptConfig(body, opts), {
      duration: 1,
      seed: 1,
      messages: [{ at: 0.5, src: "127.0.0.9", sport: 5070, raw }],
    }),
  );
}

/** What the script logged: the text after `<script>: `; other lines (core, modules) whole. */
export function scriptView(lines: readonly string[]): string[] {
  return lines.map((l) => (l.includes("<script>: ") ? (l.split("<script>: ")[1] as string) : l));
}

/** Only the script's own lines, the text after `<script>: `. */
export function scriptOnly(lines: readonly string[]): string[] {
  return lines.filter((l) => l.includes("<script>: ")).map((l) => l.split("<script>: ")[1] as string);
}

/** Runs `config` on raw messages from 127.0.0.9:`sport`, one a second from 0.5 s. */
export function runMessages(config: string, raws: readonly string[], sport: number): EngineRun {
  return runEngine(config, {
    duration: raws.length + 1,
    seed: 1,
    messages: raws.map((raw, i) => ({ at: i + 0.5, src: "127.0.0.9", sport, raw })),
  });
}
