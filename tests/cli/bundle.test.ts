/**
 * The CLI runs from the bundle scripts/build-cli.js makes (cli/dist/kamsim.mjs), and that bundle
 * is never stale: a start after any source edit rebuilds it, and the installed bundle is exactly
 * what a build of the current sources gives. Edits are made in a copy of the repository.
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function node(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A copy of what the CLI is built from, without cli/dist. `modules` are the node_modules entries
 * it may see (symlinks to ours): without tsx, a start that does not use the bundle cannot work.
 */
function copyRepo(modules: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "kamsim-bundle-"));
  temps.push(dir);
  const skipDist = (src: string) => !src.startsWith(join(root, "cli", "dist"));
  for (const p of ["package.json", "tsconfig.json", "tsconfig.base.json", "cli", "src/engine", "scripts/build-cli.js"])
    cpSync(join(root, p), join(dir, p), { recursive: true, filter: skipDist });
  cpSync(join(root, "examples", "classic"), join(dir, "examples", "classic"), { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  for (const m of modules) symlinkSync(join(root, "node_modules", m), join(dir, "node_modules", m));
  return dir;
}

const bundleOf = (dir: string) => join(dir, "cli", "dist", "kamsim.mjs");

describe("the CLI bundle", () => {
  it("is built on the first start, then used as it is, without tsx", () => {
    const dir = copyRepo(["esbuild", "@esbuild"]);
    const first = node(["cli/bin.js", "check", "examples/classic/kamailio.cfg"], dir);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const built = statSync(bundleOf(dir)).mtimeMs;
    const again = node(["cli/bin.js", "check", "examples/classic/kamailio.cfg"], dir);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(statSync(bundleOf(dir)).mtimeMs).toBe(built);
  });

  it("is rebuilt on the next start after a CLI source or an engine source changed", () => {
    const dir = copyRepo(["esbuild", "@esbuild"]);
    expect(node(["cli/bin.js", "--help"], dir).stdout).toContain("kamsim — Kamailio 5.6 config simulator");

    const main = join(dir, "cli", "main.ts");
    writeFileSync(main, readFileSync(main, "utf8").replace("config simulator", "config simulator, edited"));
    const help = node(["cli/bin.js", "--help"], dir);
    expect(help.stdout).toContain("kamsim — Kamailio 5.6 config simulator, edited");

    // The deepest engine file the bundle was built from (the last one esbuild read), not index.ts.
    const stamp = JSON.parse(readFileSync(join(dir, "cli", "dist", "kamsim.stamp.json"), "utf8"));
    const engine = Object.keys(stamp.inputs).filter((p) => p.startsWith("src/engine/") && !p.endsWith("index.ts"));
    const deep = engine.at(-1) as string;
    appendFileSync(join(dir, deep), '\nconsole.error("engine edited");\n');
    const r = node(["cli/bin.js", "check", "examples/classic/kamailio.cfg"], dir);
    expect(r.stderr).toBe("engine edited\n");
    expect(r.code).toBe(0);
  });

  it("falls back to tsx with a notice when it is stale and cannot be rebuilt", () => {
    const dir = copyRepo(["esbuild", "@esbuild", "tsx"]);
    writeFileSync(join(dir, "cli", "dist"), "a file where the bundle's folder should be\n");
    const r = node(["cli/bin.js", "check", "examples/classic/kamailio.cfg"], dir);
    expect(r.stderr).toMatch(/^kamsim: notice: the CLI bundle is out of date and could not be rebuilt .*through tsx/);
    expect(r.code).toBe(0);
  });

  it("as installed, after a start, is byte for byte what a build of the current sources gives", () => {
    const out = mkdtempSync(join(tmpdir(), "kamsim-bundle-out-"));
    temps.push(out);
    // Other starts may rebuild concurrently while sources are being edited: allow two retries.
    let same = false;
    for (let attempt = 0; attempt < 3 && !same; attempt++) {
      expect(node(["cli/bin.js", "--help"], root).code).toBe(0);
      expect(node(["scripts/build-cli.js", "--outdir", out], root).code).toBe(0);
      same = readFileSync(join(out, "kamsim.mjs")).equals(readFileSync(bundleOf(root)));
    }
    expect(same).toBe(true);
  });
});
