/**
 * The cases that carry a recording of the real Kamailio: every golden case
 * (tests/golden/<area>/<case>/) and every example (examples/<name>/), i.e. every folder there
 * with a kamailio.cfg and a traffic.json, and what their case.json says about the comparison.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findCases } from "../../support/cases.js";
import { RECORDING_NAME } from "./recording.js";

/** The repository's root. */
export const ROOT = join(import.meta.dirname, "..", "..", "..");

/** What a golden case's or example's case.json says about its recording (besides `events`...). */
export interface RecordedCaseOptions {
  /** Seconds a matched line may be away (default 0.15, as in the differential suite). */
  tolerance?: number;
  /**
   * Why kamsim cannot agree with Kamailio on this case: it still runs and must differ exactly
   * as `differs` says (harness/verdict.ts).
   */
  knownDeviation?: string;
  differs?: string[];
  /**
   * Why the sources mapped into 127.0.0.0/8 change kamsim's run (address-map.ts: sources in
   * different /8s share 127/8, which pike's tree sees). The recording is then compared with kamsim
   * on the mapped sources only, and the test checks that the mapping still changes the run.
   */
  addressMapping?: string;
  /** Why Kamailio cannot run this case at all: it then has no recording (and no claim). */
  notRecorded?: string;
  /** A config read at test time instead of the folder's kamailio.cfg (e.g. Debian's stock one; run-case.ts `caseConfig`). */
  config?: string;
  /** Preprocessor defines for both sides (Kamailio's `-A NAME`, kamsim's `-D`), e.g. `["WITH_ANTIFLOOD"]`. */
  defines?: string[];
  /**
   * Further runs of the same folder's traffic, each with its own options (e.g. `config`: the
   * example's traffic through Debian's stock kamailio.cfg) and its own recording,
   * `recording.<name>.jsonl` beside the folder's.
   */
  variants?: Record<string, Omit<RecordedCaseOptions, "variants">>;
}

export interface RecordedCase {
  /** Path from the repository's root, e.g. `tests/golden/pike/default-block-at-39`. */
  name: string;
  dir: string;
  options: RecordedCaseOptions;
  /** The recording's path (it may not exist yet). */
  recording: string;
}

/** Every golden case and example, in path order. */
export function recordedCases(): RecordedCase[] {
  return [...findCases(join(ROOT, "tests", "golden")), ...findCases(join(ROOT, "examples"))].flatMap((dir) => {
    const file = join(dir, "case.json");
    const options: RecordedCaseOptions = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
    const name = dir.slice(ROOT.length + 1);
    const variants = Object.entries(options.variants ?? {}).map(([v, o]) => ({
      name: `${name} (${v})`,
      dir,
      options: o,
      recording: join(dir, RECORDING_NAME.replace(/\.jsonl$/, `.${v}.jsonl`)),
    }));
    return [{ name, dir, options, recording: join(dir, RECORDING_NAME) }, ...variants];
  });
}
