/**
 * Where the config cases live: golden cases (tests/golden/<area>/<case>/), the examples
 * (examples/<name>/) and the differential cases (tests/kamailio/cases/<name>/). One finder for
 * the golden suite, the recordings and the one-interpreter parity test, so they see the same set.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The repository's root folder. */
export const ROOT = join(import.meta.dirname, "..", "..");

/** Folders holding a kamailio.cfg and a traffic.json, below `dir`, in path order. */
export function findCases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (!statSync(p).isDirectory()) continue;
    if (existsSync(join(p, "kamailio.cfg")) && existsSync(join(p, "traffic.json"))) out.push(p);
    else out.push(...findCases(p));
  }
  return out;
}

/** Every golden case, then every example. */
export function goldenCases(): string[] {
  return [...findCases(join(ROOT, "tests", "golden")), ...findCases(join(ROOT, "examples"))];
}
