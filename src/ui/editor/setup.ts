/**
 * Monaco made ready for the playground, once per page: the Kamailio language, the themes, and
 * completion, hover and go to definition fed by the engine's module catalog (plain data from
 * its public API).
 */
import { moduleCatalog } from "../../engine/index.js";
import { indexCatalog } from "./catalog-index.js";
import { registerCompletion } from "./completion.js";
import { registerDefinition } from "./definition.js";
import { registerHover } from "./hover.js";
import { registerKamailioLanguage } from "./kamailio-language.js";
import { monaco } from "./monaco.js";
import { defineThemes } from "./themes.js";

let ready = false;

/** Registers everything once; returns Monaco. */
export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;
  registerKamailioLanguage(monaco);
  defineThemes(monaco);
  const index = indexCatalog(moduleCatalog());
  registerCompletion(monaco, index);
  registerHover(monaco, index);
  registerDefinition(monaco);
  return monaco;
}
