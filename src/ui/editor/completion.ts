/**
 * Completion in the Kamailio editor: a thin Monaco adapter over suggestions.ts. Typed
 * characters (`$`, `"`, `(`, `=`, `;`) only open names that belong there (pseudo-variables,
 * modules, parameters, queues, timers, routes); the full list of functions and parameters comes
 * while typing a word or on Ctrl+Space.
 */
import type { ProgramInfo } from "../../engine/index.js";
import type { CatalogIndex } from "./catalog-index.js";
import { KAMAILIO_LANGUAGE } from "./kamailio-language.js";
import type { monaco } from "./monaco.js";
import type { Suggestion } from "./suggest-items.js";
import { suggest } from "./suggestions.js";

type Monaco = typeof monaco;

function kindOf(m: Monaco, kind: Suggestion["kind"], snippet: boolean): monaco.languages.CompletionItemKind {
  const K = m.languages.CompletionItemKind;
  switch (kind) {
    case "function":
      return K.Function;
    case "module":
      return K.Module;
    case "param":
      return K.Property;
    case "pv":
    case "variable":
      return K.Variable;
    case "route":
      return K.Reference;
    case "queue":
      return K.EnumMember;
    case "timer":
      return K.Event;
    case "htable":
      return K.Struct;
    case "keyword":
      return snippet ? K.Snippet : K.Keyword;
    case "value":
      return K.Value;
  }
}

function toItem(m: Monaco, s: Suggestion, range: monaco.IRange): monaco.languages.CompletionItem {
  const item: monaco.languages.CompletionItem = {
    label: { label: s.label, description: s.detail },
    kind: kindOf(m, s.kind, s.snippet === true && s.insert.includes("\n")),
    insertText: s.insert,
    range,
  };
  if (s.snippet) item.insertTextRules = m.languages.CompletionItemInsertTextRule.InsertAsSnippet;
  if (s.doc) item.documentation = { value: s.doc };
  if (s.filter) item.filterText = s.filter;
  if (s.retrigger) item.command = { id: "editor.action.triggerSuggest", title: "Suggest" };
  return item;
}

const NAME_CONTEXTS_ONLY = new Set(["statement", "top-level"]);

/** Registers completion for the Kamailio language. */
export function registerCompletion(
  m: Monaco,
  index: CatalogIndex,
  program: () => ProgramInfo | undefined,
): monaco.IDisposable {
  return m.languages.registerCompletionItemProvider(KAMAILIO_LANGUAGE, {
    triggerCharacters: ["$", '"', "(", "=", ";"],
    provideCompletionItems(model, position, context) {
      const offset = model.getOffsetAt(position);
      const { from, items, kind } = suggest(model.getValue(), offset, index, program());
      const typedChar = context.triggerKind === m.languages.CompletionTriggerKind.TriggerCharacter;
      if (typedChar && NAME_CONTEXTS_ONLY.has(kind)) return { suggestions: [] };
      const start = model.getPositionAt(from);
      const column = start.lineNumber === position.lineNumber ? start.column : 1;
      const range = new m.Range(position.lineNumber, column, position.lineNumber, position.column);
      return { suggestions: items.map((s) => toItem(m, s, range)) };
    },
  });
}
