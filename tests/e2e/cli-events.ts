/**
 * `kamsim run --format jsonl --events` in an example's folder, as a user runs it: the event lines
 * the browser tests compare the page's views with. A notice from the CLI (e.g. that it ran from
 * its sources, not its bundle) fails the run: the figures must be the shipped CLI's.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { WAIT_MS } from "./browser.js";

const root = join(import.meta.dirname, "..", "..");

export function exampleEventLines(id: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        join(root, "cli", "bin.js"),
        "run",
        "kamailio.cfg",
        "--traffic",
        "traffic.json",
        "--format",
        "jsonl",
        "--events",
      ],
      { cwd: join(root, "examples", id), encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: WAIT_MS },
      (err, stdout, stderr) =>
        err || stderr.includes("kamsim: notice:")
          ? reject(new Error(`kamsim run in examples/${id} (from its bundle): ${err?.message ?? ""}\n${stderr}`))
          : resolve(stdout.split("\n").filter(Boolean)),
    );
  });
}
