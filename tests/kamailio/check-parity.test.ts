/**
 * Check parity: every broken config in tests/kamailio/broken is rejected by both `kamsim check`
 * and the real Kamailio 5.6 (`-c`, or a short start where `-c` does not catch it), on the same
 * line, with the same kind of error. Each file says the diagnostic code kamsim must give
 * (`# expect: code`); the kind is matched against Kamailio's own message.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { analyzeConfig, placeDiagnostics } from "../../src/engine/index.js";
import { describeNeeding } from "../support/needs.js";
import { judgeWithKamailio, KAMAILIO_NEED, kamailioAvailability } from "./kamailio.js";
import { KAMAILIO_WORDS } from "./kamailio-words.js";

const dir = join(import.meta.dirname, "broken");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".cfg"))
  .sort();
const kam = kamailioAvailability();

describeNeeding(KAMAILIO_NEED, kam, `check parity with real Kamailio 5.6`, () => {
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
