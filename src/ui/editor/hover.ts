/** Hover docs in the Kamailio editor: a thin Monaco adapter over hover-docs.ts. */
import type { ProgramInfo } from "../../engine/index.js";
import type { CatalogIndex } from "./catalog-index.js";
import { hoverAt } from "./hover-docs.js";
import { KAMAILIO_LANGUAGE } from "./kamailio-language.js";
import type { monaco } from "./monaco.js";

/** Registers hover docs for the Kamailio language. */
export function registerHover(
  m: typeof monaco,
  index: CatalogIndex,
  program: () => ProgramInfo | undefined,
): monaco.IDisposable {
  return m.languages.registerHoverProvider(KAMAILIO_LANGUAGE, {
    provideHover(model, position) {
      const doc = hoverAt(model.getValue(), model.getOffsetAt(position), index, program());
      if (!doc) return null;
      const a = model.getPositionAt(doc.start);
      const b = model.getPositionAt(doc.end);
      return {
        range: new m.Range(a.lineNumber, a.column, b.lineNumber, b.column),
        contents: [{ value: doc.markdown }],
      };
    },
  });
}
