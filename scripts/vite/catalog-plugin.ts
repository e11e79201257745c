/**
 * The editor's module catalog (completion, hover, go to definition) as build-time data: the
 * module `virtual:kamsim-catalog` is the engine's `moduleCatalog()`, computed in Node when Vite
 * builds or serves the page, and emitted as JSON. The page needs the catalog's data, not the
 * engine that describes itself: importing `moduleCatalog` from the engine put the whole module
 * registry (the simulation's code) in the page's bundle beside the worker's own copy.
 */
import type { Plugin } from "vite";
import { moduleCatalog } from "../../src/engine/catalog.js";

export const CATALOG_MODULE = "virtual:kamsim-catalog";
const RESOLVED = `\0${CATALOG_MODULE}`;

export function catalogPlugin(): Plugin {
  return {
    name: "kamsim-catalog",
    resolveId: (id) => (id === CATALOG_MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      // JSON.parse of a string literal: V8 parses JSON faster than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(moduleCatalog()))});`;
    },
  };
}
