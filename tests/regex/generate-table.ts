/**
 * Writes tests/regex/glibc-table.json: every case of cases.ts with glibc's answer
 * (`npx tsx tests/regex/generate-table.ts`). glibc-table.test.ts checks kamsim's matcher against it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { allCases } from "./cases.js";
import { glibcAnswers } from "./glibc.js";

const cases = allCases();
const answers = glibcAnswers(cases);
if (!answers) throw new Error("no C compiler (cc): cannot ask glibc");
const rows = cases.map((c, i) => [c.flags, c.pattern, c.text, answers[i]]);
writeFileSync(
  join(import.meta.dirname, "glibc-table.json"),
  `${JSON.stringify(rows, null, 0).replace(/\],\[/g, "],\n[")}\n`,
);
console.log(`${rows.length} cases`);
