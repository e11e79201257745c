/**
 * `kamsim run CONFIG [--traffic FILE] [--duration S] [--seed N] [--format text|jsonl] [--events]
 * [-l ADDR] [-D NAME[=VALUE]]...`: runs the config against the traffic in virtual time and prints the log
 * as Kamailio writes it (text; with --events every other event as a `[time] # {json}` line), or
 * events as JSON lines.
 */
import {
  compileConfig,
  createLogWriter,
  createSimulation,
  DEFAULT_TRAFFIC,
  formatDiagnostic,
  formatJsonLine,
  formatTimestamp,
  MAX_TRAFFIC_TEXT,
  NO_EVENTS,
  parseTrafficText,
  placeDiagnostics,
  type SimEvent,
  type TrafficPlan,
} from "../src/engine/index.js";
import { type ParsedArgs, parseArgs, UsageError } from "./args.js";
import { createOutput } from "./output.js";
import { readBounded, readConfig } from "./read-config.js";

const VALUED = ["traffic", "duration", "seed", "format", "at", "listen"];

/**
 * `-l [udp:]IP[:PORT]`: the proxy's socket, overriding `listen=` as kamailio's `-l` does (port
 * 5060 when absent). Only UDP over IPv4 is simulated.
 */
export function parseListen(text: string): { ip: string; port: number } {
  const m = /^(?:udp:)?(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/i.exec(text);
  const port = m?.[2] === undefined ? 5060 : Number(m[2]);
  const ip = m?.[1];
  if (ip === undefined || ip.split(".").some((o) => Number(o) > 255) || port < 1 || port > 65535)
    throw new UsageError(`-l: not a [udp:]IPv4[:port] address: ${text}`);
  return { ip, port };
}

/** Reads CONFIG and the traffic; prints diagnostics and returns undefined when either is bad. */
export function loadRun(
  args: ParsedArgs,
): { config: ReturnType<typeof compileConfig>; plan: TrafficPlan; file: string } | undefined {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError("missing CONFIG");
  if (extra.length && args.command === "run") throw new UsageError("run takes one CONFIG file");
  let input: ReturnType<typeof readConfig>;
  try {
    input = readConfig(file, args.defines);
  } catch (e) {
    console.error(`kamsim: cannot read ${file}: ${(e as Error).message}`);
    return undefined;
  }
  const config = compileConfig(input.text, input.options);
  const placed = placeDiagnostics(config.diagnostics, config.front.files);
  for (const d of placed) console.error(formatDiagnostic(d));
  if (!config.ok) return undefined;
  const trafficFile = args.options.get("traffic");
  let trafficText = DEFAULT_TRAFFIC;
  const name = typeof trafficFile === "string" ? trafficFile : "(default scenario)";
  if (typeof trafficFile === "string") {
    try {
      // Past MAX_TRAFFIC_TEXT the traffic parser refuses it: no need to read further.
      trafficText = readBounded(trafficFile, MAX_TRAFFIC_TEXT);
    } catch (e) {
      console.error(`kamsim: cannot read ${trafficFile}: ${(e as Error).message}`);
      return undefined;
    }
  }
  const overrides: { duration?: number; seed?: number } = {};
  const duration = args.options.get("duration");
  const seed = args.options.get("seed");
  if (typeof duration === "string") overrides.duration = Number(duration);
  if (typeof seed === "string") overrides.seed = Number(seed);
  const traffic = parseTrafficText(trafficText, overrides);
  if ("errors" in traffic) {
    for (const e of traffic.errors)
      console.error(`${name}:${e.line ?? 1}:${e.col ?? 1}: error: ${e.path}: ${e.message}`);
    return undefined;
  }
  return { config, plan: traffic.plan, file };
}

export function runCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, VALUED, ["events"], { l: "listen" });
  const listenText = args.options.get("listen");
  const listen = typeof listenText === "string" ? parseListen(listenText) : undefined;
  const format = args.options.get("format") ?? "text";
  if (format !== "text" && format !== "jsonl") throw new UsageError("--format is text or jsonl");
  const loaded = loadRun(args);
  if (!loaded) return 1;
  const out = createOutput(1);
  const all = args.options.get("events") === true;
  const writeLog = createLogWriter(out.write);
  const onEvent = (e: SimEvent) => {
    if (format === "jsonl") out.write(`${formatJsonLine(e)}\n`);
    else if (e.kind === "log") writeLog(e);
    // In text, every other event is a `[time] # {json}` line between the log's (as golden cases show them).
    else out.write(`[${formatTimestamp(e.t)}] # ${formatJsonLine(e)}\n`);
  };
  const sim = createSimulation(loaded.config, loaded.plan, {
    onEvent,
    wants: all ? {} : { ...NO_EVENTS, log: true },
    ...(listen ? { listen } : {}),
  });
  // What only a start-up (fixup) finds, such as a bad regular expression, stops here as it would.
  const fixups = placeDiagnostics(sim.diagnostics, loaded.config.front.files);
  for (const d of fixups) console.error(formatDiagnostic(d));
  if (fixups.some((d) => d.severity === "error")) return 1;
  sim.runUntil(loaded.plan.duration);
  out.end();
  return 0;
}
