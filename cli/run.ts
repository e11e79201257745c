/**
 * `kamsim run CONFIG [--traffic FILE] [--duration S] [--seed N] [--format text|jsonl] [--events]
 * [-l ADDR] [--cfgt DIR [--cfgt-callid-prefix P]] [-D NAME[=VALUE]]...`: runs the config against the
 * traffic in virtual time and prints the log as Kamailio writes it (text; with --events every other
 * event as a `[time] # {json}` line), or events as JSON lines; with --cfgt, writes a cfgt report
 * per message under DIR (cli/cfgt.ts).
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
  visible,
} from "../src/engine/index.js";
import { decimalOption, type ParsedArgs, parseArgs, UsageError } from "./args.js";
import { cfgtWriter } from "./cfgt.js";
import { createOutput } from "./output.js";
import { readBounded, readConfig } from "./read-config.js";

const VALUED = ["traffic", "duration", "seed", "format", "at", "listen", "cfgt", "cfgt-callid-prefix"];

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
  // Usage first, before any file is read. Range checks (seed up to 2^32-1, duration up to a
  // day) stay the traffic file's, worded as its fields.
  const duration = decimalOption(args, "duration", true);
  const seed = decimalOption(args, "seed", false);
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
  if (duration !== undefined) overrides.duration = duration;
  if (seed !== undefined) overrides.seed = seed;
  const traffic = parseTrafficText(trafficText, overrides);
  if ("errors" in traffic) {
    for (const e of traffic.errors)
      console.error(visible(`${name}:${e.line ?? 1}:${e.col ?? 1}: error: ${e.path}: ${e.message}`));
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
  const cfgtDir = args.options.get("cfgt");
  const cfgtPrefix = args.options.get("cfgt-callid-prefix");
  if (cfgtDir === "") throw new UsageError("--cfgt needs a directory");
  if (cfgtPrefix !== undefined && typeof cfgtDir !== "string")
    throw new UsageError("--cfgt-callid-prefix needs --cfgt DIR");
  if (cfgtPrefix === "") throw new UsageError("--cfgt-callid-prefix needs a prefix (cfgt's default is NGCP%)");
  const writeCfgt = typeof cfgtDir === "string" ? cfgtWriter(cfgtDir) : undefined;
  const writeLog = createLogWriter(out.write);
  const onEvent = (e: SimEvent) => {
    // cfgt reports go to their files, not to stdout.
    if (e.kind === "cfgt") writeCfgt?.(e);
    else if (format === "jsonl") out.write(`${formatJsonLine(e)}\n`);
    else if (e.kind === "log") writeLog(e);
    // In text, every other event is a `[time] # {json}` line between the log's (as golden cases show them).
    else out.write(`[${formatTimestamp(e.t)}] # ${formatJsonLine(e)}\n`);
  };
  const sim = createSimulation(loaded.config, loaded.plan, {
    onEvent,
    wants: { ...(all ? {} : { ...NO_EVENTS, log: true }), cfgt: writeCfgt !== undefined },
    ...(listen ? { listen } : {}),
    ...(typeof cfgtPrefix === "string" ? { cfgtCallidPrefix: cfgtPrefix } : {}),
  });
  // What only a start-up (fixup) finds, such as a bad regular expression, stops here as it would.
  const fixups = placeDiagnostics(sim.diagnostics, loaded.config.front.files);
  for (const d of fixups) console.error(formatDiagnostic(d));
  if (fixups.some((d) => d.severity === "error")) return 1;
  sim.runUntil(loaded.plan.duration);
  out.end();
  return 0;
}
