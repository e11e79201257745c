/**
 * `kamailio -c` on config texts, at most two Kamailios at a time (the machine has two cores and
 * is shared; `withSlot` gives other runs the same limit): Kamailio's whole output for each.
 * Nothing is started: `-c` exits after parsing.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeConfigFolder } from "./config-folder.js";
import { KAMAILIO_BINARY } from "./kamailio.js";

const PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<void> {
  if (running < PARALLEL) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/** Runs `job` when fewer than two jobs of this module run. */
export async function withSlot<T>(job: () => Promise<T>): Promise<T> {
  await slot();
  try {
    return await job();
  } finally {
    release();
  }
}

/**
 * Kamailio's output (stdout and stderr) for `kamailio -c` on `text`, and its exit status.
 * `files` (path relative to the config's folder → text) are written next to it, for includes;
 * Kamailio runs in that folder, so relative includes are found.
 */
export function kamailioCheck(
  text: string,
  files: Readonly<Record<string, string>> = {},
): Promise<{ status: number | null; output: string }> {
  return withSlot(() => checkIn(text, files));
}

async function checkIn(
  text: string,
  files: Readonly<Record<string, string>>,
): Promise<{ status: number | null; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), "kamsim-kamc-"));
  try {
    const file = writeConfigFolder(dir, "kamailio.cfg", text, files);
    return await new Promise((resolve, reject) => {
      const child = spawn(KAMAILIO_BINARY, ["-c", "-f", file], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const timer = setTimeout(() => child.pid && process.kill(child.pid, "SIGKILL"), 20_000);
      child.once("error", reject);
      child.once("close", (status) => {
        clearTimeout(timer);
        resolve({ status, output });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
