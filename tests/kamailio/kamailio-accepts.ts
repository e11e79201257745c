/**
 * Whether the real Kamailio accepts a config: a quick start, which parses the config as
 * `kamailio -c` does (grammar, names of functions, parameters and PVs: the same errors) and then
 * runs what only start-up checks (main.c runs `init_modules()` and `fix_rls()`, the fixups,
 * before it forks its first process). A start alone costs less than `-c` and a start. It is over
 * once the first child is forked and 100 ms more have passed without the main process ending
 * (a child's `child_init` failing would end it); Kamailio is then stopped by its PID.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeConfigFolder } from "./config-folder.js";
import { freeUdpPort, startKamailio, waitForChildren } from "./harness/kamailio-process.js";
import { withSlot } from "./kamailio-check.js";

export interface Acceptance {
  accepted: boolean;
  /** What refused it: the parser (what `-c` would say), the rest of the start, or nothing. */
  stage: "check" | "start" | "none";
  output: string;
}

/** Kamailio's verdict on `text` with `files` (relative path → text) beside it. */
export function kamailioAccepts(text: string, files: Readonly<Record<string, string>> = {}): Promise<Acceptance> {
  return withSlot(() => quickStart(text, files));
}

/** True while `pid` runs (not gone, not a zombie waiting to be reaped). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

async function quickStart(text: string, files: Readonly<Record<string, string>>): Promise<Acceptance> {
  const dir = mkdtempSync(join(tmpdir(), "kamsim-kams-"));
  try {
    const file = writeConfigFolder(dir, "kamailio.cfg", text, files);
    let run: Awaited<ReturnType<typeof startKamailio>>;
    try {
      run = await startKamailio(file, dir, await freeUdpPort());
    } catch (e) {
      const output = String(e);
      return { accepted: false, stage: /bad config file/.test(output) ? "check" : "start", output };
    }
    await waitForChildren(run, Number.POSITIVE_INFINITY, 100);
    const up = alive(run.pid);
    await run.stop();
    const output = `${run.stdout()}${run.lines.map((l) => l.text).join("\n")}`;
    return up ? { accepted: true, stage: "none", output } : { accepted: false, stage: "start", output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
