/** `kamsim check CONFIG [-D NAME[=VALUE]]...`: diagnostics like `kamailio -c`, exit 1 on errors. */
import { analyzeConfig, formatDiagnostic, placeDiagnostics } from "../src/engine/index.js";
import { parseArgs, UsageError } from "./args.js";
import { readConfig } from "./read-config.js";

export function checkCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, [], []);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError("check takes exactly one CONFIG file");
  let input: ReturnType<typeof readConfig>;
  try {
    input = readConfig(file, args.defines);
  } catch (e) {
    console.error(`kamsim: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const result = analyzeConfig(input.text, input.options);
  const placed = placeDiagnostics(result.diagnostics, result.files);
  for (const d of placed) console.error(formatDiagnostic(d));
  const errors = placed.filter((d) => d.severity === "error").length;
  const warnings = placed.filter((d) => d.severity === "warning").length;
  if (placed.length)
    console.error(
      `${file}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
    );
  return errors > 0 ? 1 : 0;
}
