/**
 * Monaco, bundled: the editor API, only the editor features the playground uses, the JSON
 * language for traffic.json, and their workers, all built by Vite into the page's own origin
 * (no CDN, works offline). Every other editor file imports Monaco from here.
 */
import * as monaco from "monaco-editor/editor/editor.api";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import "monaco-editor/features/codicon/register";
import "monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching";
import "monaco-editor/editor/contrib/clipboard/browser/clipboard";
import "monaco-editor/editor/contrib/comment/browser/comment";
import "monaco-editor/editor/contrib/contextmenu/browser/contextmenu";
import "monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo";
import "monaco-editor/editor/contrib/folding/browser/folding";
import "monaco-editor/editor/contrib/gotoError/browser/gotoError";
import "monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands";
import "monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution";
import "monaco-editor/editor/contrib/indentation/browser/indentation";
import "monaco-editor/editor/contrib/linesOperations/browser/linesOperations";
import "monaco-editor/editor/contrib/multicursor/browser/multicursor";
import "monaco-editor/editor/contrib/snippet/browser/snippetController2";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode";
import "monaco-editor/editor/contrib/wordOperations/browser/wordOperations";
import "monaco-editor/features/find/register";
// Quick access: Ctrl+G goes to a line, F1 opens the command palette (without these, Monaco
// has no binding for the keys and Ctrl+G reached the config).
import "monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess";
import "monaco-editor/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess";
// Ctrl+Shift+O lists the config's routes (symbols.ts) and traffic.json's keys.
import "monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoSymbolQuickAccess";
import trafficSchema from "virtual:kamsim-traffic-schema";
import JsonWorker from "monaco-editor/languages/features/json/json.worker?worker";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === "json" ? new JsonWorker() : new EditorWorker()),
};

// kamsim's worker validates traffic.json (syntax and schema) and its markers say so; Monaco's own
// JSON validation would repeat the syntax errors in other words. The schema (derived from the
// engine's traffic types at build time) gives completion of keys and enum values and hover docs;
// the JSON worker itself still starts only when traffic.json is first shown (its model is made then).
jsonDefaults.setDiagnosticsOptions({
  validate: false,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: [{ uri: "kamsim://schemas/traffic.json", fileMatch: ["traffic.json"], schema: trafficSchema }],
});

export { monaco };
