/**
 * Runs tests/regex/glibc-regex.c (compiled with the machine's C compiler) over regex cases:
 * glibc's regcomp/regexec answers, one line per case. Undefined when no C compiler is found.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Availability } from "../support/needs.js";
import type { RegexCase } from "./cases.js";

const SOURCE = join(import.meta.dirname, "glibc-regex.c");

/** Bytes of a string whose code units are all below 256 (the tables hold such strings only). */
function hex(s: string): string {
  return Buffer.from(s, "latin1").toString("hex");
}

/** What the glibc probe needs: a C compiler (Debian's gcc, installed by scripts/setup-deps.sh). */
export const CC_NEED = "a C compiler (cc; Debian's gcc and libc6-dev)";

export function ccAvailability(): Availability {
  const r = spawnSync("cc", ["--version"]);
  return r.status === 0
    ? { ok: true }
    : { ok: false, reason: r.error ? String(r.error.message) : `cc exited ${r.status}` };
}

export function glibcAnswers(cases: readonly RegexCase[]): string[] | undefined {
  if (!ccAvailability().ok) return undefined;
  const bin = join(mkdtempSync(join(tmpdir(), "kamsim-regex-")), "glibc-regex");
  execFileSync("cc", ["-O2", "-o", bin, SOURCE]);
  const input = cases.map((c) => `${c.flags || "-"}\t${hex(c.pattern)}\t${hex(c.text)}\n`).join("");
  const out = execFileSync(bin, { input, env: { ...process.env, LC_ALL: "C" }, maxBuffer: 1 << 26 }).toString("latin1");
  return out.split("\n").slice(0, cases.length);
}
