/**
 * `run --cfgt DIR`: each cfgt report the run saves, written where Kamailio's cfgt module writes
 * it (`DIR/<scenario>/<msgid>.json`, docs/cfgt.md). A report saved again (the worker's next
 * message adds what was sent since) replaces its file, as cfgt's fopen(…, "w") does.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type CfgtEvent, cfgtReportPath, formatCfgtReport } from "../src/engine/index.js";

export function cfgtWriter(dir: string): (e: CfgtEvent) => void {
  // cfgt wants its basedir to exist and makes only the scenario's folder; kamsim makes both.
  mkdirSync(dir, { recursive: true });
  return (e) => {
    const path = join(dir, cfgtReportPath(e));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, formatCfgtReport(e));
  };
}
