/**
 * Go to definition in the Kamailio editor (F12, Ctrl+click): a thin Monaco adapter over
 * definition-target.ts — from `route(NAME)` to `route[NAME]`, from a queue or timer to its
 * modparam.
 */
import type { ProgramInfo } from "../../engine/index.js";
import type { CatalogIndex } from "./catalog-index.js";
import { definitionAt } from "./definition-target.js";
import { KAMAILIO_LANGUAGE } from "./kamailio-language.js";
import type { monaco } from "./monaco.js";

/** Registers go to definition for the Kamailio language. */
export function registerDefinition(
  m: typeof monaco,
  index: CatalogIndex,
  program: () => ProgramInfo | undefined,
): monaco.IDisposable {
  return m.languages.registerDefinitionProvider(KAMAILIO_LANGUAGE, {
    provideDefinition(model, position) {
      const span = definitionAt(model.getValue(), model.getOffsetAt(position), index, program());
      if (!span) return null;
      const a = model.getPositionAt(span.start);
      const b = model.getPositionAt(span.end);
      return { uri: model.uri, range: new m.Range(a.lineNumber, a.column, b.lineNumber, b.column) };
    },
  });
}
