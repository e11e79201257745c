/** Runs the `kamsim` command (cli/bin.js) as a user would, and insists it ran from its bundle. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");

/**
 * `kamsim ARGS...` in `cwd`. The CLI tests are about what users run, the bundle
 * (cli/dist/kamsim.mjs): a start that fell back to the TypeScript sources says so on stderr, and
 * fails the test here rather than passing on tsx.
 */
export function kamsim(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [join(root, "cli", "bin.js"), ...args], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.stderr.includes("kamsim: notice:")) throw new Error(`kamsim did not run from its bundle: ${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
