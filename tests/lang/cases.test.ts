/** Runs every case of tests/lang/cases/*.txt (see case-file.ts for the format). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeConfig } from "../../src/engine/index.js";
import { DiagnosticBag, placeDiagnostics } from "../../src/engine/lang/diagnostics.js";
import { parseConfig } from "../../src/engine/lang/parser.js";
import { preprocess } from "../../src/engine/lang/preprocess.js";
import { printConfig } from "../../src/engine/lang/print.js";
import { normalizeAst, parseCaseFile } from "./case-file.js";
import { INCLUDE_FILES } from "./include-files.js";

const dir = join(import.meta.dirname, "cases");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const filter = process.env.FILTER;

for (const f of files) {
  const cases = parseCaseFile(f, readFileSync(join(dir, f), "utf8")).filter((c) => !filter || c.name.includes(filter));
  describe(f, () => {
    for (const c of cases) {
      it(`${c.name} (line ${c.line})`, () => {
        if (c.mode === "ast") {
          const diags = new DiagnosticBag();
          const pp = preprocess("case.cfg", c.input, diags, { files: INCLUDE_FILES });
          const ast = parseConfig(pp.tokens, pp.files, diags);
          const errors = placeDiagnostics(diags.items, pp.files).filter((d) => d.severity === "error");
          expect(errors.map((d) => `${d.code} ${d.line}:${d.col} ${d.message}`)).toEqual([]);
          expect(normalizeAst(printConfig(ast))).toBe(normalizeAst(c.expected));
        } else {
          const r = analyzeConfig(c.input, { name: "case.cfg", files: INCLUDE_FILES });
          const got = placeDiagnostics(r.diagnostics, r.files).map((d) => `${d.code} ${d.line}:${d.col}`);
          const want =
            c.expected === "none"
              ? []
              : c.expected
                  .split(/\s*,\s*|\n/)
                  .map((s) => s.trim())
                  .filter(Boolean);
          expect(got).toEqual(want);
        }
      });
    }
  });
}
