/**
 * `kamsim rpc CONFIG [--traffic FILE.json] --at SECONDS COMMAND [ARGS]...`: runs the simulation
 * to the given virtual time, then answers one RPC command as `kamcmd` would print it.
 */
import { createSimulation, formatKamcmdError, MAX_DURATION_S, NO_EVENTS, seconds } from "../src/engine/index.js";
import { parseArgs, UsageError } from "./args.js";
import { loadRun } from "./run.js";

export function rpcCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, ["traffic", "duration", "seed", "at"], []);
  const at = args.options.get("at");
  if (typeof at !== "string" || !/^\d+(\.\d+)?$/.test(at)) throw new UsageError("rpc needs --at SECONDS");
  // A run is one virtual day at most (traffic/limits.ts); --at 99999999999999999999 ran for ever.
  if (Number(at) > MAX_DURATION_S) {
    throw new UsageError(`--at must be at most ${MAX_DURATION_S} seconds (one virtual day), not ${at}`);
  }
  const [, command, ...rest] = args.positional;
  if (!command) throw new UsageError("rpc needs a COMMAND");
  const loaded = loadRun({ ...args, positional: args.positional.slice(0, 1) });
  if (!loaded) return 1;
  const sim = createSimulation(loaded.config, loaded.plan, {
    onEvent: () => {},
    wants: NO_EVENTS,
  });
  sim.runUntil(seconds(Number(at)));
  const r = sim.rpc(command, rest);
  if (r.ok) {
    process.stdout.write(r.text);
    return 0;
  }
  process.stdout.write(formatKamcmdError(r.code, r.message));
  return 1;
}
