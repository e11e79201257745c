/**
 * Check parity: every broken config in tests/kamailio/broken is rejected by both `kamsim check`
 * and the real Kamailio 5.6 (`-c`, or a short start where `-c` does not catch it), on the same
 * line, with the same kind of error. Each file says the diagnostic code kamsim must give
 * (`# expect: code`); the kind is matched against Kamailio's own message.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeConfig, placeDiagnostics } from "../../src/engine/index.js";
import { judgeWithKamailio, kamailioAvailability } from "./kamailio.js";

/** What Kamailio says for each kind of error kamsim reports. */
const KAMAILIO_WORDS: Readonly<Record<string, RegExp>> = {
  missing_semicolon: /missing ';'/,
  syntax_error: /syntax error|bad command/,
  unknown_function: /failed to find command/,
  wrong_arg_count: /failed to find command \S+ \(params \d+\)/,
  function_not_allowed: /misused command|cannot be used in the block/,
  unknown_modparam: /not found in module/,
  modparam_no_module: /No module matching/,
  unknown_core_param: /unknown config variable/,
  duplicate_route: /duplicate route/,
  bad_event_route: /syntax error/,
  route_not_defined: /route "\S+" not found/,
  unknown_pvar: /error searching pvar/,
  readonly_pvar: /read only pvar/,
  type_mismatch: /type mismatch/,
  param_not_constant: /is not constant/,
  include_not_found: /cannot open included file/,
  already_defined: /already defined/,
  rtimer_unknown_timer: /timer not found/,
  bad_modparam: /Can't set module parameter/,
  switch_default: /too many "default:" labels/,
  unclosed_string: /unclosed string/,
  bad_log_level: /log level/,
  bad_format: /wrong format|wrong char/,
};

const dir = join(import.meta.dirname, "broken");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".cfg"))
  .sort();
const kam = kamailioAvailability();

describe.skipIf(!kam.ok)(`check parity with real Kamailio 5.6${kam.ok ? "" : ` (skipped: ${kam.reason})`}`, () => {
  it("has at least 12 broken configs", () => expect(files.length).toBeGreaterThanOrEqual(12));
  for (const f of files) {
    it(f, async () => {
      const text = readFileSync(join(dir, f), "utf8");
      const code = /# expect: (\S+)/.exec(text)?.[1] ?? "";
      const words = KAMAILIO_WORDS[code];
      expect(words, `no Kamailio wording known for ${code}`).toBeDefined();

      const r = analyzeConfig(text, { name: f });
      const errors = placeDiagnostics(r.diagnostics, r.files).filter((d) => d.severity === "error");
      expect(errors.map((d) => d.code)).toContain(code);
      const ours = errors.find((d) => d.code === code);

      const verdict = await judgeWithKamailio(text, f);
      expect(verdict.rejected, `Kamailio accepted ${f}:\n${verdict.output}`).toBe(true);
      expect(verdict.output).toMatch(words as RegExp);
      expect(verdict.line, `Kamailio named no line:\n${verdict.output}`).toBeDefined();
      // kamsim's diagnostic covers the line Kamailio blames (a span may cover a whole block).
      expect(verdict.line).toBeGreaterThanOrEqual(ours?.line ?? 0);
      expect(verdict.line).toBeLessThanOrEqual(ours?.endLine ?? 0);
    });
  }
});
