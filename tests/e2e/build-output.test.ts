/**
 * The production build ships the engine once: the simulation's code is in the worker's bundle
 * only. The page needs the engine's catalog as data (built in by scripts/vite/catalog-plugin.ts)
 * and a few pure helpers (the highlighter's scanner, the log's formatting); before, importing
 * `moduleCatalog` and the bundler's keeping of every engine module it could not prove unused put
 * the module registry in a page chunk too. And the page asks for Monaco from its index.html.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_MS } from "./browser.js";
import { buildPlayground, monacoCoreChunk, releasePlayground } from "./build.js";

const root = join(import.meta.dirname, "..", "..");

/** Strings only the engine's code has (Kamailio's own words), with the file that has each. */
const MARKERS: [string, string][] = [
  ["src/engine/modules/tm/cancel.ts", "ok -- no more pending branches"],
  ["src/engine/sim/reply-route.ts", "error while trying onreply script"],
];

describe("the production build", () => {
  let dist = "";
  beforeAll(async () => {
    dist = await buildPlayground();
  }, TEST_MS);
  afterAll(() => releasePlayground(dist));

  const scripts = (): Map<string, string> =>
    new Map(
      readdirSync(join(dist, "assets"))
        .filter((f) => f.endsWith(".js"))
        .map((f) => [f, readFileSync(join(dist, "assets", f), "utf8")]),
    );

  it.each(MARKERS)("has the engine's code once: %s's marker is in one script, the worker's", (file, marker) => {
    // The marker must still be the engine's: a rewording would make this test prove nothing.
    expect(readFileSync(join(root, file), "utf8")).toContain(marker);
    const holding = [...scripts()].filter(([, text]) => text.includes(marker)).map(([f]) => f);
    expect(holding).toHaveLength(1);
    // The page's own scripts are named in index.html; the worker's is not (the page starts it).
    const html = readFileSync(join(dist, "index.html"), "utf8");
    expect(html).not.toContain(holding[0]);
    const workerRef = [...scripts()].some(
      ([f, text]) => f !== holding[0] && text.includes(holding[0] as string) && /new Worker/.test(text),
    );
    expect(workerRef).toBe(true);
  });

  it("asks for Monaco's chunk and stylesheet in index.html, before any script has run", () => {
    const html = readFileSync(join(dist, "index.html"), "utf8");
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/assets\/([^"]+)"/g)].map((m) => m[1]);
    const core = monacoCoreChunk(dist);
    expect(preloads).toContain(core.js);
    expect(preloads.some((f) => /^MonacoEditor-/.test(f ?? ""))).toBe(true);
    expect(html).toContain(`<link rel="preload" as="style" href="./assets/${core.css}"`);
  });
});
