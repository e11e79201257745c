/**
 * Running Debian's real Kamailio 5.6 from tests: whether it is there, `kamailio -c` on a config,
 * and a short start on 127.0.0.1 for what `-c` does not catch (fixup errors). Kamailio is ended
 * by its own PID, always, even when a test fails.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where Debian installs Kamailio. */
export const KAMAILIO_BINARY = "/usr/sbin/kamailio";
const BINARY = KAMAILIO_BINARY;

/** Whether the real Kamailio can be used here, and why not. */
export function kamailioAvailability(): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(BINARY))
    return { ok: false, reason: "Debian package kamailio is not installed (needs root on Debian to install)" };
  const v = spawnSync(BINARY, ["-v"], { encoding: "utf8" });
  if (!/5\.6\./.test(`${v.stdout}${v.stderr}`)) return { ok: false, reason: "installed kamailio is not version 5.6" };
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
}

/** The line number Kamailio's messages name first, in any of its forms. */
export function blamedLine(output: string): number | undefined {
  const forms = [
    /parse error in config file [^,]*, (?:from )?line (\d+)/,
    /error at cfg line (\d+)/,
    /not found at [^:\s]+:(\d+)/,
    /fixing failed \(code=-?\d+\) at cfg:[^:\s]+:(\d+)/,
  ];
  for (const re of forms) {
    const m = re.exec(output);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Runs `kamailio -c`, then, if that passes, a short start; returns what Kamailio said. */
export async function judgeWithKamailio(config: string, name = "kamailio.cfg"): Promise<KamailioVerdict> {
  const dir = mkdtempSync(join(tmpdir(), "kamsim-kam-"));
  try {
    const file = join(dir, name);
    writeFileSync(file, config);
    const c = spawnSync(BINARY, ["-c", "-f", file], { encoding: "utf8", timeout: 20_000 });
    const checkOut = `${c.stdout}${c.stderr}`;
    if (c.status !== 0) return { rejected: true, stage: "check", output: checkOut, line: blamedLine(checkOut) };
    const start = await shortStart(file, dir);
    if (start.exitedEarly)
      return { rejected: true, stage: "start", output: start.output, line: blamedLine(start.output) };
    return { rejected: false, stage: "none", output: start.output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts Kamailio in the foreground on 127.0.0.1 for up to `ms`; it is stopped by its PID. */
function shortStart(file: string, dir: string, ms = 2500): Promise<{ exitedEarly: boolean; output: string }> {
  const port = 20000 + Math.floor(Math.random() * 30000);
  const child = spawn(
    BINARY,
    ["-f", file, "-DD", "-E", "-l", `udp:127.0.0.1:${port}`, "-Y", dir, "-P", join(dir, "k.pid"), "-w", dir],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve) => {
    let done = false;
    const finish = (exitedEarly: boolean) => {
      if (done) return;
      done = true;
      resolve({ exitedEarly, output });
    };
    const timer = setTimeout(() => {
      child.once("exit", () => finish(false));
      if (child.pid) process.kill(child.pid, "SIGTERM");
      setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, "SIGKILL"), 2000).unref();
    }, ms);
    child.once("exit", () => {
      clearTimeout(timer);
      finish(true);
    });
  });
}
