/**
 * Running Debian's real Kamailio 5.6 from tests: whether it is there, `kamailio -c` on a config,
 * and a short start on 127.0.0.1 for what `-c` does not catch (fixup errors). Kamailio is ended
 * by its own PID, always, even when a test fails.
 */
import { spawn, spawnSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { writeConfigFolder } from "./config-folder.js";
import { endStragglers } from "./harness/proc-stat.js";

/** Where Debian installs Kamailio. */
export const KAMAILIO_BINARY = "/usr/sbin/kamailio";
const BINARY = KAMAILIO_BINARY;

/** What the real-Kamailio suites need, as a failing CI run names it. */
export const KAMAILIO_NEED = "Kamailio 5.6 (Debian package kamailio, /usr/sbin/kamailio)";

/**
 * Whether the real Kamailio can be used here, and why not: the binary must be there and run,
 * and say it is 5.6 (a binary that is present but cannot start is as missing as none).
 */
export function kamailioAvailability(): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(BINARY))
    return { ok: false, reason: `${BINARY} not found (npm test installs it when run as root on Debian)` };
  const v = spawnSync(BINARY, ["-v"], { encoding: "utf8", timeout: 10_000 });
  const out = `${v.stdout ?? ""}${v.stderr ?? ""}`;
  if (v.status !== 0 || v.error)
    return { ok: false, reason: `\`${BINARY} -v\` does not run (${v.error?.message ?? `exit ${v.status}`})` };
  if (!/5\.6\./.test(out)) return { ok: false, reason: `${BINARY} is not version 5.6: ${out.split("\n")[0]}` };
  return { ok: true };
}

export interface KamailioVerdict {
  /** Kamailio refused the config (at `-c` or at start-up). */
  rejected: boolean;
  /** What refused it. */
  stage: "check" | "start" | "none";
  /** Kamailio's own output, PIDs and all. */
  output: string;
  /** The config line Kamailio blamed, when it named one. */
  line?: number;
  /** The file of that line, relative to the config's folder, when Kamailio named one. */
  file?: string;
}

/** The line number Kamailio's messages name first, in any of its forms. */
export function blamedLine(output: string): number | undefined {
  return blamedPlace(output)?.line;
}

/** The place (file as Kamailio wrote it, when it names one; line) its messages name first. */
export function blamedPlace(output: string): { line: number; file?: string } | undefined {
  const forms = [
    /parse error in config file ([^,]*), (?:from )?line (\d+)/,
    /error at cfg line ()(\d+)/,
    /error at (\S+) line (\d+)/,
    /preprocessor directive '\w+' - at cfg line ()(\d+)/,
    /not found at ([^:\s]+):(\d+)/,
    /fixing failed \(code=-?\d+\) at cfg:([^:\s]+):(\d+)/,
  ];
  for (const re of forms) {
    const m = re.exec(output);
    if (m) return m[1] ? { line: Number(m[2]), file: m[1] } : { line: Number(m[2]) };
  }
  return undefined;
}

/**
 * Runs `kamailio -c`, then, if that passes, a short start; returns what Kamailio said. `files`
 * (path relative to the config's folder → text) are written next to the config, for includes.
 */
export async function judgeWithKamailio(
  config: string,
  name = "kamailio.cfg",
  files: Readonly<Record<string, string>> = {},
): Promise<KamailioVerdict> {
  const dir = mkdtempSync(join(tmpdir(), "kamsim-kam-"));
  const place = (output: string) => {
    const p = blamedPlace(output);
    if (!p) return {};
    if (p.file === undefined) return { line: p.line };
    return { line: p.line, file: isAbsolute(p.file) ? relative(dir, p.file) : p.file };
  };
  try {
    const file = writeConfigFolder(dir, name, config, files);
    // Relative includes are tried as given (from the working directory) first: run in `dir`.
    const c = spawnSync(BINARY, ["-c", "-f", file], { encoding: "utf8", timeout: 20_000, cwd: dir });
    const checkOut = `${c.stdout}${c.stderr}`;
    if (c.status !== 0) return { rejected: true, stage: "check", output: checkOut, ...place(checkOut) };
    const start = await shortStart(file, dir);
    if (start.exitedEarly) return { rejected: true, stage: "start", output: start.output, ...place(start.output) };
    return { rejected: false, stage: "none", output: start.output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A UDP port on 127.0.0.1 that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket("udp4");
    s.once("error", reject);
    s.bind(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Output kept of a short start: start-up errors are the first lines. */
const MAX_OUTPUT = 1 << 20;

/**
 * Starts Kamailio in the foreground on 127.0.0.1 for up to `ms`; it is stopped by its PID.
 * `exitedEarly` is true only when Kamailio ended by itself before that (a start-up failure).
 */
async function shortStart(file: string, dir: string, ms = 2500): Promise<{ exitedEarly: boolean; output: string }> {
  const port = await freePort();
  const child = spawn(
    BINARY,
    ["-f", file, "-DD", "-E", "-l", `udp:127.0.0.1:${port}`, "-Y", dir, "-P", join(dir, "k.pid"), "-w", dir],
    // Its own process group, so that a child it forks while being stopped is ended too
    // (harness/kamailio-process.ts says why).
    { stdio: ["ignore", "pipe", "pipe"], cwd: dir, detached: true },
  );
  let output = "";
  const keep = (d: Buffer) => {
    if (output.length < MAX_OUTPUT) output += d;
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(child.pid, sig);
    } catch {
      // already gone
    }
  };
  return new Promise((resolve) => {
    let stopping = false;
    const timer = setTimeout(() => {
      stopping = true;
      signal("SIGTERM");
      setTimeout(() => signal("SIGKILL"), 2000).unref();
    }, ms);
    child.once("exit", async () => {
      clearTimeout(timer);
      if (child.pid) await endStragglers(child.pid);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ exitedEarly: !stopping, output });
    });
  });
}
