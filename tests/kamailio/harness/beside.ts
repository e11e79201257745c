/**
 * Long differential cases run beside the others. The three longest cases (the stock config's
 * no-answer, expiry and callee-down: 217 s of traffic, mostly tm's and usrloc's timers running
 * out) spend their time waiting; run one after another with the rest they made up a sixth of
 * CI's time. Here they run in a child process of their own (side-process.ts), with its own
 * Kamailio (with its own port, chosen free, and the case's own 127.x addresses, which no other
 * case uses: the suite checks that).
 *
 * `runBeside(dirs)` starts the child; each case's outcome by its folder's name. Run as a script
 * (`node --import tsx beside.ts DIR...`), this file is that child.
 */
import { basename } from "node:path";
import { stopAllKamailios } from "./kamailio-process.js";
import { type CaseOutcome, runCaseWithReruns } from "./reruns.js";
import { serveSide, spawnSide } from "./side-process.js";

/** Starts the child; the outcome of each case by its folder's name. */
export function runBeside(dirs: readonly string[]): Map<string, Promise<CaseOutcome>> {
  const byPath = spawnSide<CaseOutcome>(import.meta.filename, dirs);
  return new Map([...byPath].map(([dir, outcome]) => [basename(dir), outcome]));
}

if (process.argv[1] === import.meta.filename) {
  await serveSide(
    process.argv.slice(2),
    (dir) => runCaseWithReruns(dir, (s) => process.stderr.write(`${s}\n`)),
    stopAllKamailios,
  );
}
