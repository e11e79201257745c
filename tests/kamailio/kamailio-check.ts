/**
 * `kamailio -c` on config texts, at most two at a time (the machine has two cores and is shared):
 * Kamailio's whole output for each. Nothing is started: `-c` exits after parsing.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** Kamailio's output (stdout and stderr) for `kamailio -c` on `text`, and its exit status. */
export async function kamailioCheck(text: string): Promise<{ status: number | null; output: string }> {
  await slot();
  const dir = mkdtempSync(join(tmpdir(), "kamsim-kamc-"));
  try {
    const file = join(dir, "kamailio.cfg");
    writeFileSync(file, text);
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
    release();
  }
}
