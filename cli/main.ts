/**
 * `kamsim`: argv → engine → stdout/stderr. No logic of its own beyond reading files and
 * formatting what the engine returns.
 */

import { UsageError } from "./args.js";
import { checkCommand } from "./check.js";
import { rpcCommand } from "./rpc.js";
import { runCommand } from "./run.js";

const USAGE = `kamsim — Kamailio 5.6 config simulator

Usage:
  kamsim check CONFIG [-D NAME[=VALUE]]...   check a config like \`kamailio -c\`
  kamsim run CONFIG [--traffic FILE.json] [--duration SECONDS] [--seed N]
                    [--format text|jsonl] [--events] [-l [udp:]IP[:PORT]]
                    [--cfgt DIR [--cfgt-callid-prefix P]] [-D NAME[=VALUE]]...
                                             run it in virtual time; print the log
  kamsim rpc CONFIG [--traffic FILE.json] --at SECONDS COMMAND [ARGS]...
                                             answer an RPC command (mqueue.get_sizes,
                                             pike.top, htable.dump NAME...) as kamcmd would

Exit codes: 0 ok, 1 config error, 2 usage error, 3 internal error (a kamsim bug).`;

/** Runs the CLI; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  try {
    switch (command) {
      case "check":
        return checkCommand(argv);
      case "run":
        return runCommand(argv);
      case "rpc":
        return rpcCommand(argv);
      case "--help":
      case "-h":
      case "help":
        console.log(USAGE);
        return 0;
      case undefined:
        throw new UsageError("missing command");
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`kamsim: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    // Anything else thrown is a kamsim bug, not the config's fault: one line that says so, not
    // Node's stack trace (KAMSIM_DEBUG=1 shows it).
    if (process.env.KAMSIM_DEBUG) console.error(e);
    const what =
      e instanceof Error
        ? e.message
        : typeof e === "object" && e
          ? `${e.constructor.name} ${JSON.stringify(e)}`
          : String(e);
    console.error(`kamsim: internal error (a kamsim bug; please report it with the config): ${what}`);
    return 3;
  }
}
