/**
 * Check parity for the language cases: every `==!` case of tests/lang/cases/*.txt whose config
 * kamsim rejects (at least one diagnostic of severity `error`) is also rejected by the real
 * Kamailio 5.6 (`kamailio -c`, then a short start where `-c` lets it pass), on a line inside
 * one of kamsim's error spans (same file, for include files), with the same kind of error
 * (KAMAILIO_WORDS). The case text is written as a file (with its final newline) next to the
 * virtual include files the language case test supplies.
 *
 * A case where the two cannot agree yet is listed in KNOWN with the reason: it still runs, and
 * the test asserts that it still disagrees in the declared way, so a fix must remove it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { analyzeConfig, type PlacedDiagnostic, placeDiagnostics } from "../../src/engine/index.js";
import { parseCaseFile } from "../lang/case-file.js";
import { INCLUDE_FILES } from "../lang/include-files.js";
import { describeNeeding } from "../support/needs.js";
import { judgeWithKamailio, KAMAILIO_NEED, type KamailioVerdict, kamailioAvailability } from "./kamailio.js";
import { KAMAILIO_WORDS } from "./kamailio-words.js";

/** How a known disagreement shows: Kamailio accepts the config, or blames another line. */
interface Known {
  differs: "accepted" | "line";
  reason: string;
}

/** Cases kamsim and Kamailio do not agree on yet (`file | case name`). */
const KNOWN: Readonly<Record<string, Known>> = {
  "acc.txt | acc: db_url needs its database module loaded (acc_db_init, db_bind_mod)": {
    differs: "line",
    reason:
      "a module's mod_init() failure names no config line in Kamailio's output (`init_mod(): Error while initializing module acc`); kamsim points at the db_url modparam that asks for the database module",
  },
  "checker.txt | unknown pseudo-variable": {
    differs: "accepted",
    reason:
      "without #!KAMAILIO Kamailio runs in max-compat mode: `$foo` logs `error searching pvar` but is taken as an AVP and the config starts; kamsim always applies #!KAMAILIO rules (docs/kamailio/language.md#shebang-and-modes)",
  },
  "preprocess.txt | stray endif": {
    differs: "line",
    reason:
      "Kamailio names the line after the stray `#!endif` (`- at cfg line 3`: its lexer has counted the directive's line end); kamsim does too, but the case is analysed without the final newline the file written for Kamailio has, so there is no line 3 (`stray endif before another line` shows the agreement)",
  },
  "preprocess.txt | missing endif": {
    differs: "line",
    reason:
      "Kamailio reports `syntax error` at the last token (line 2, column 7), then `different number of preprocessor directives` without a line; kamsim names the unclosed #!ifdef (line 1)",
  },
};

const dir = join(import.meta.dirname, "..", "lang", "cases");
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .flatMap((f) => parseCaseFile(f, readFileSync(join(dir, f), "utf8")))
  .filter((c) => c.mode === "diagnostics")
  .filter((c) => !process.env.FILTER || c.name.includes(process.env.FILTER))
  .map((c) => {
    const r = analyzeConfig(c.input, { name: "case.cfg", files: INCLUDE_FILES });
    const errors = placeDiagnostics(r.diagnostics, r.files).filter((d) => d.severity === "error");
    return { ...c, key: `${c.file} | ${c.name}`, errors };
  })
  .filter((c) => c.errors.length > 0);
const kam = kamailioAvailability();

/** Why kamsim's errors and Kamailio's verdict do not agree; empty when they do. */
function disagreements(errors: readonly PlacedDiagnostic[], v: KamailioVerdict): string[] {
  if (!v.rejected) return ["accepted: Kamailio accepts the config (-c and a short start)"];
  const kinds = errors.filter((d) => KAMAILIO_WORDS[d.code]?.test(v.output));
  if (kinds.length === 0)
    return [`kind: no kamsim error (${errors.map((d) => d.code).join(", ")}) matches Kamailio's words`];
  if (v.line === undefined) return ["line: Kamailio names no line"];
  const line = v.line;
  const placed = kinds.filter(
    (d) => (v.file === undefined || v.file === d.file) && d.line <= line && line <= d.endLine,
  );
  if (placed.length === 0)
    return [
      `line: Kamailio blames ${v.file ?? "?"}:${line}, kamsim ${kinds.map((d) => `${d.code} ${d.file}:${d.line}-${d.endLine}`).join(", ")}`,
    ];
  return [];
}

describeNeeding(KAMAILIO_NEED, kam, `check parity of the language cases with real Kamailio 5.6`, () => {
  it("finds the error cases and knows every known disagreement", () => {
    // 154 when issue 10 closed (76 before its fix-up and regex cases); FILTER selects fewer.
    if (!process.env.FILTER) expect(cases.length).toBeGreaterThanOrEqual(150);
    if (!process.env.FILTER) for (const k of Object.keys(KNOWN)) expect(cases.map((c) => c.key)).toContain(k);
    const missing = cases
      .flatMap((c) => [...c.input.matchAll(/"(inc\/[^"]+)"/g)].map((m) => m[1] as string))
      .filter((f) => !(f in INCLUDE_FILES) && f !== "inc/missing.cfg");
    expect(missing, "include files the language cases name").toEqual([]);
  });
  for (const c of cases) {
    it(`${c.key} (line ${c.line})`, { timeout: 30_000 }, async () => {
      for (const d of c.errors) expect(KAMAILIO_WORDS[d.code], `no Kamailio wording known for ${d.code}`).toBeDefined();
      // Written as a file is: with its final newline.
      const v = await judgeWithKamailio(`${c.input}\n`, "case.cfg", INCLUDE_FILES);
      const found = disagreements(c.errors, v);
      const known = KNOWN[c.key];
      const context = `\n--- kamsim\n${c.errors.map((d) => `${d.code} ${d.file}:${d.line}:${d.col}-${d.endLine} ${d.message}`).join("\n")}\n--- Kamailio (${v.stage})\n${v.output}`;
      if (!known) {
        expect(found, context).toEqual([]);
        return;
      }
      console.log(`check parity ${c.key}: known disagreement — ${found.join("; ")} (${known.reason})`);
      // A known disagreement must still be there, of the declared sort.
      expect(found.length, `known disagreement gone (remove it from KNOWN): ${known.reason}${context}`).toBe(1);
      expect(found[0]?.split(":")[0], context).toBe(known.differs);
    });
  }
});
