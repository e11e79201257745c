/**
 * Runs tests/regex/glibc-regex.c (compiled with the machine's C compiler) over regex cases:
 * glibc's regcomp/regexec answers, one line per case. Undefined when no C compiler is found.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RegexCase } from "./cases.js";

const SOURCE = join(import.meta.dirname, "glibc-regex.c");

/** Bytes of a string whose code units are all below 256 (the tables hold such strings only). */
function hex(s: string): string {
  return Buffer.from(s, "latin1").toString("hex");
}

export function glibcAnswers(cases: readonly RegexCase[]): string[] | undefined {
  if (spawnSync("cc", ["--version"]).status !== 0) return undefined;
  const bin = join(mkdtempSync(join(tmpdir(), "kamsim-regex-")), "glibc-regex");
  execFileSync("cc", ["-O2", "-o", bin, SOURCE]);
  const input = cases.map((c) => `${c.flags || "-"}\t${hex(c.pattern)}\t${hex(c.text)}\n`).join("");
  const out = execFileSync(bin, { input, env: { ...process.env, LC_ALL: "C" }, maxBuffer: 1 << 26 }).toString("latin1");
  return out.split("\n").slice(0, cases.length);
}
