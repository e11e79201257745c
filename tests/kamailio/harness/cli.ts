/**
 * Runs differential cases from the command line and prints what they found:
 * `npx tsx tests/kamailio/harness/cli.ts [--logs] CASE_DIR...` (`--logs`: both compared logs).
 */

import { stopAllKamailios } from "./kamailio-process.js";
import { runDifferentialCase } from "./run-case.js";
import { verdictOf, verdictProblems } from "./verdict.js";

const args = process.argv.slice(2);
const logs = args.includes("--logs");
for (const dir of args.filter((a) => !a.startsWith("--"))) {
  try {
    const r = await runDifferentialCase(dir);
    console.log(
      `${r.name}: ${verdictOf(r)}${r.options.knownDeviation ? ` (${r.options.knownDeviation})` : ""}; ${r.disagreements.length} disagreement(s); ${r.matched} lines matched ` +
        `(kamsim ${r.kamsimLines}, Kamailio ${r.kamailioLines}); ${r.requests} requests; ` +
        (r.messages > 0 ? `${r.messagesMatched}/${r.messages} agents' messages matched; ` : "") +
        `max skew ${(r.maxSkew * 1000).toFixed(1)} ms; median offset ${(r.medianSkew * 1000).toFixed(1)} ms; max send lateness ${(r.maxLateness * 1000).toFixed(1)} ms; ` +
        `start-up ${r.seconds.startup.toFixed(2)} s; total ${r.seconds.total.toFixed(2)} s; ` +
        `longest stall ${(r.maxStall * 1000).toFixed(0)} ms; load ${r.load}`,
    );
    for (const d of r.deviations) console.log(`  deviation: ${d}`);
    for (const d of r.disagreements) console.log(`  ${d.kind}: ${d.text}`);
    if (r.options.knownDeviation) for (const p of verdictProblems(r)) console.log(`  problem: ${p}`);
    if (logs) console.log(`--- kamsim\n${r.kamsimLog}--- Kamailio\n${r.kamailioLog}`);
  } catch (e) {
    console.log(`${dir}: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await stopAllKamailios();
  }
}
