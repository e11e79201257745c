/** Command-line parsing for `kamsim`: subcommand, positional arguments, options, `-D` defines. */

import { parseDefineArg } from "../src/engine/index.js";

export class UsageError extends Error {
  override name = "UsageError";
}

export interface ParsedArgs {
  command: string;
  positional: string[];
  /** Options by long name; flags are `true`. */
  options: Map<string, string | true>;
  /** `-D NAME[=VALUE]`, in order. */
  defines: Record<string, string>;
}

/**
 * Parses argv after the program name. `valued` lists the options that take a value, `flags`
 * those that do not, `short` one-letter aliases of valued ones; anything else is a usage error.
 */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
  /** One-letter options standing for a valued long one (`-l` for `--listen`, as kamailio's). */
  short: Readonly<Record<string, string>> = {},
): ParsedArgs {
  const [command = "", ...rest] = argv;
  const out: ParsedArgs = { command, positional: [], options: new Map(), defines: {} };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === "-D" || (a.startsWith("-D") && a.length > 2)) {
      // The playground's defines box reads its entries with the same function (same wording).
      const def = parseDefineArg(a === "-D" ? rest[++i] : a.slice(2));
      if ("error" in def) throw new UsageError(def.error);
      out.defines[def.name] = def.value;
    } else if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (flags.includes(name)) out.options.set(name, true);
      else if (valued.includes(name)) {
        const v = inline ?? rest[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        out.options.set(name, v);
      } else throw new UsageError(`unknown option --${name}`);
    } else if (a.length === 2 && a[0] === "-" && short[a[1] as string] !== undefined) {
      const name = short[a[1] as string] as string;
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      out.options.set(name, v);
    } else if (a.startsWith("-") && a !== "-") {
      throw new UsageError(`unknown option ${a}`);
    } else {
      out.positional.push(a);
    }
  }
  return out;
}

/**
 * A numeric option's value, written in decimal as the usage line says: digits, and a fraction
 * when `fraction` allows it. `--seed abc` said "must be a number, not a number", `--seed=` meant
 * 0 and `--seed 0x10` 16 (JavaScript's Number() reads all three); each is now a usage error
 * naming the option and showing what was typed.
 */
export function decimalOption(args: ParsedArgs, name: string, fraction: boolean): number | undefined {
  const v = args.options.get(name);
  if (v === undefined || v === true) return undefined;
  const ok = fraction ? /^\d+(\.\d+)?$/.test(v) : /^\d+$/.test(v);
  if (!ok) {
    const what = fraction ? "a number of seconds in decimal (e.g. 30 or 2.5)" : "a whole number in decimal (e.g. 42)";
    throw new UsageError(`--${name} must be ${what}, not ${JSON.stringify(v)}`);
  }
  return Number(v);
}
