/**
 * Monaco made ready for the playground, once per page: the Kamailio language, the themes, and
 * completion, hover, go to definition and the routes as document symbols, fed by the engine's
 * module catalog and the config's ProgramInfo (plain data from its public API). The catalog is build-time data
 * (scripts/vite/catalog-plugin.ts): the page does not carry the engine to describe it.
 */
import catalog from "virtual:kamsim-catalog";
import { useStore } from "../store/store.js";
import { indexCatalog } from "./catalog-index.js";
import { registerCompletion } from "./completion.js";
import { registerDefinition } from "./definition.js";
import { registerHover } from "./hover.js";
import { registerKamailioLanguage } from "./kamailio-language.js";
import { monaco } from "./monaco.js";
import { registerSymbols } from "./symbols.js";
import { defineThemes } from "./themes.js";

let ready = false;

/** Registers everything once; returns Monaco. */
export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;
  registerKamailioLanguage(monaco);
  defineThemes(monaco);
  const index = indexCatalog(catalog);
  // What the config declares comes from the worker's last check (the engine's ProgramInfo).
  const program = () => useStore.getState().program;
  registerCompletion(monaco, index, program);
  registerHover(monaco, index, program);
  registerDefinition(monaco, index, program);
  registerSymbols(monaco, program);
  return monaco;
}
