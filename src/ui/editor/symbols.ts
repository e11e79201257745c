/**
 * Monaco's document symbols for kamailio.cfg (Ctrl+Shift+O, "Go to Symbol"): the route blocks
 * of the outline (outline.ts, from the engine's ProgramInfo), each at its name.
 */
import type { ProgramInfo } from "../../engine/index.js";
import { KAMAILIO_LANGUAGE } from "./kamailio-language.js";
import type { monaco } from "./monaco.js";
import { buildOutline } from "./outline.js";

/** Registers the route blocks as the Kamailio language's document symbols. */
export function registerSymbols(m: typeof monaco, program: () => ProgramInfo | undefined): monaco.IDisposable {
  return m.languages.registerDocumentSymbolProvider(KAMAILIO_LANGUAGE, {
    displayName: "Routes",
    provideDocumentSymbols(model) {
      const out: monaco.languages.DocumentSymbol[] = [];
      for (const r of buildOutline(program(), model.getValue())) {
        if (!r.at) continue;
        const range = new m.Range(r.at.line, r.at.col, r.at.line, r.at.col);
        out.push({
          name: r.label,
          detail: r.callers.length > 0 ? `${r.callers.length} use${r.callers.length === 1 ? "" : "s"}` : (r.runs ?? ""),
          kind: m.languages.SymbolKind.Function,
          tags: [],
          range,
          selectionRange: range,
        });
      }
      return out;
    },
  });
}
