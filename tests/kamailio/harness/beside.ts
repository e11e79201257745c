/**
 * Long differential cases run beside the others. The three longest cases (the stock config's
 * no-answer, expiry and callee-down: 217 s of traffic, mostly tm's and usrloc's timers running
 * out) spend their time waiting; run one after another with the rest they made up a sixth of
 * CI's time. Here they run in a child process of their own — its own event loop, so the other
 * cases' in-process kamsim runs never delay their agents, and its own Kamailio (with its own
 * port, chosen free, and the case's own 127.x addresses, which no other case uses: the suite
 * checks that).
 *
 * `runBeside(dirs)` starts the child; each case's outcome comes as one JSON line on its stdout.
 * Run as a script (`node --import tsx beside.ts DIR...`), this file is that child.
 */
import { spawn } from "node:child_process";
import { basename } from "node:path";
import { stopAllKamailios } from "./kamailio-process.js";
import { type CaseOutcome, runCaseWithReruns } from "./reruns.js";

/** Starts the child; the outcome of each case by its folder's name. */
export function runBeside(dirs: readonly string[]): Map<string, Promise<CaseOutcome>> {
  const waiting = new Map<string, { resolve(o: CaseOutcome): void; reject(e: Error): void }>();
  const outcomes = new Map<string, Promise<CaseOutcome>>();
  for (const dir of dirs)
    outcomes.set(basename(dir), new Promise((resolve, reject) => waiting.set(basename(dir), { resolve, reject })));
  // Node would report a rejection nobody awaits yet (the case's test comes later) as unhandled.
  for (const p of outcomes.values()) p.catch(() => undefined);
  if (dirs.length === 0) return outcomes;
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, ...dirs], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const end = () => child.kill("SIGTERM");
  process.once("exit", end);
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    for (let nl = out.indexOf("\n"); nl >= 0; nl = out.indexOf("\n")) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      const o = JSON.parse(line) as (CaseOutcome | { error: string }) & { name: string };
      if ("error" in o) waiting.get(o.name)?.reject(new Error(o.error));
      else waiting.get(o.name)?.resolve({ result: o.result, stalled: o.stalled });
      waiting.delete(o.name);
    }
  });
  // What the child says about re-runs is printed as the suite prints it; the rest kept for errors.
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    err = (err + chunk).slice(-20_000);
    process.stderr.write(chunk);
  });
  child.on("close", (code) => {
    process.removeListener("exit", end);
    for (const [name, w] of waiting)
      w.reject(new Error(`the side run ended (exit ${code}) before ${name} was done:\n${err.slice(-4000)}`));
    waiting.clear();
  });
  return outcomes;
}

if (process.argv[1] === import.meta.filename) {
  for (const dir of process.argv.slice(2)) {
    try {
      const o = await runCaseWithReruns(dir, (s) => process.stderr.write(`${s}\n`));
      process.stdout.write(`${JSON.stringify({ name: basename(dir), ...o })}\n`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      process.stdout.write(`${JSON.stringify({ name: basename(dir), error })}\n`);
    } finally {
      await stopAllKamailios();
    }
  }
}
