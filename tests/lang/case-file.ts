/**
 * Language case files: many small cases per file (lezer style).
 *
 *     === name of the case
 *     config text
 *     ==> expected AST print             (parse only; no error allowed)
 *
 *     === another
 *     config text
 *     ==! code LINE:COL, code LINE:COL   (full front end; exactly these diagnostics, or `none`)
 */

export interface LangCase {
  file: string;
  name: string;
  /** Line of the `===` header in the case file. */
  line: number;
  input: string;
  mode: "ast" | "diagnostics";
  expected: string;
}

export function parseCaseFile(file: string, text: string): LangCase[] {
  const cases: LangCase[] = [];
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length) {
    const header = lines[i] as string;
    if (!header.startsWith("=== ")) {
      i++;
      continue;
    }
    const start = i;
    const input: string[] = [];
    i++;
    while (i < lines.length && !/^==[>!]/.test(lines[i] as string) && !(lines[i] as string).startsWith("=== ")) {
      input.push(lines[i] as string);
      i++;
    }
    const marker = lines[i] ?? "";
    if (!/^==[>!]/.test(marker)) throw new Error(`${file}:${start + 1}: case without ==> or ==!`);
    const expected = [marker.slice(3)];
    i++;
    while (i < lines.length && !(lines[i] as string).startsWith("=== ")) {
      expected.push(lines[i] as string);
      i++;
    }
    cases.push({
      file,
      name: header.slice(4).trim(),
      line: start + 1,
      input: input.join("\n"),
      mode: marker.startsWith("==>") ? "ast" : "diagnostics",
      expected: expected.join("\n").trim(),
    });
  }
  return cases;
}

/** Collapses white space so that expected ASTs may be wrapped freely. */
export function normalizeAst(s: string): string {
  return s.replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")").trim();
}
