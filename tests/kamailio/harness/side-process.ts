/**
 * A child process that runs real-Kamailio cases beside the suite's own (its own event loop, so
 * the suite's in-process kamsim runs never delay its senders and agents). The child is a script
 * run as `node --import tsx SCRIPT NAME...`; it prints one JSON line per case on stdout,
 * `{ "name": NAME, ... }` with the case's outcome, or `{ "name": NAME, "error": STACK }`.
 * Used by the differential suite (beside.ts) and the recordings suite (recordings-side.ts).
 */
import { spawn } from "node:child_process";

/** Starts `script` on `names`; each case's outcome (the JSON line without `name`) by its name. */
export function spawnSide<T>(script: string, names: readonly string[]): Map<string, Promise<T>> {
  const waiting = new Map<string, { resolve(o: T): void; reject(e: Error): void }>();
  const outcomes = new Map<string, Promise<T>>();
  for (const name of names)
    outcomes.set(name, new Promise((resolve, reject) => waiting.set(name, { resolve, reject })));
  // Node would report a rejection nobody awaits yet (the case's test comes later) as unhandled.
  for (const p of outcomes.values()) p.catch(() => undefined);
  if (names.length === 0) return outcomes;
  const child = spawn(process.execPath, ["--import", "tsx", script, ...names], {
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
      const { name, error, ...outcome } = JSON.parse(line) as { name: string; error?: string };
      if (error !== undefined) waiting.get(name)?.reject(new Error(error));
      else waiting.get(name)?.resolve(outcome as T);
      waiting.delete(name);
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

/** The child's side: runs `each` on every name given, one JSON line per case, `finish` after each. */
export async function serveSide(
  names: readonly string[],
  each: (name: string) => Promise<object>,
  finish: () => Promise<void>,
): Promise<void> {
  for (const name of names) {
    try {
      const o = await each(name);
      process.stdout.write(`${JSON.stringify({ name, ...o })}\n`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      process.stdout.write(`${JSON.stringify({ name, error })}\n`);
    } finally {
      await finish();
    }
  }
}
