/**
 * The editor's two models, kamailio.cfg and traffic.json, made once per page and kept (so undo
 * history survives tab switches and the editor being re-created), and kept in step with the
 * store both ways: every edit goes to the store and asks the worker for diagnostics; a text the
 * store gets from elsewhere (an example, a share link) replaces the model's text as one undoable
 * edit, so the text it replaced is never lost. Diagnostics from the store become markers.
 */
import type { PlacedDiagnostic } from "../../engine/index.js";
import { getBridge } from "../bridge/worker-bridge.js";
import { type PlaygroundState, useStore } from "../store/store.js";
import { KAMAILIO_LANGUAGE } from "./kamailio-language.js";
import { applyMarkers } from "./markers.js";
import type { monaco } from "./monaco.js";

export type EditorTab = PlaygroundState["tab"];

/** Each tab's file: its name (the editor's accessible name, the diagnostics' file) and language. */
export const FILES: Record<EditorTab, { name: string; language: string }> = {
  config: { name: "kamailio.cfg", language: KAMAILIO_LANGUAGE },
  traffic: { name: "traffic.json", language: "json" },
};

const TABS: EditorTab[] = ["config", "traffic"];

let models: Partial<Record<EditorTab, monaco.editor.ITextModel>> = {};
let following = false;
/** Set while the store's text is written into a model, so that the write is not sent back. */
let fromStore = false;

function textOf(s: PlaygroundState, tab: EditorTab): string {
  return tab === "config" ? s.config : s.traffic;
}

function diagnosticsOf(s: PlaygroundState, tab: EditorTab): PlacedDiagnostic[] {
  return tab === "config" ? s.configDiagnostics : s.trafficDiagnostics;
}

/** Functions the config calls that kamsim does not simulate, as the engine's last check says. */
function unsimulatedOf(s: PlaygroundState, tab: EditorTab): readonly string[] {
  return tab === "config" ? (s.program?.unsimulatedCalls ?? []) : [];
}

function checkSoon(): void {
  try {
    getBridge().checkSoon();
  } catch {
    // No worker yet (the page is starting): its first load checks the texts anyway.
  }
}

function onEdit(model: monaco.editor.ITextModel, tab: EditorTab): void {
  if (fromStore) return;
  const text = model.getValue();
  const s = useStore.getState();
  if (tab === "config") s.setConfig(text);
  else s.setTraffic(text);
  checkSoon();
}

function fromStoreText(model: monaco.editor.ITextModel, text: string): void {
  if (text === model.getValue()) return;
  fromStore = true;
  try {
    model.pushStackElement();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    model.pushStackElement();
  } finally {
    fromStore = false;
  }
  checkSoon();
}

function follow(m: typeof monaco): void {
  if (following) return;
  following = true;
  useStore.subscribe((s, prev) => {
    for (const tab of TABS) {
      const model = models[tab];
      if (!model) continue;
      if (textOf(s, tab) !== textOf(prev, tab)) fromStoreText(model, textOf(s, tab));
      if (diagnosticsOf(s, tab) !== diagnosticsOf(prev, tab)) {
        applyMarkers(m, model, diagnosticsOf(s, tab), FILES[tab].name, unsimulatedOf(s, tab));
      }
    }
  });
}

/**
 * The tab's model, made on first use from the store's text. (traffic.json's is made when its
 * tab is first shown: the JSON language, with its worker, loads then.)
 */
export function editorModel(m: typeof monaco, tab: EditorTab): monaco.editor.ITextModel {
  const made = models[tab];
  if (made) return made;
  follow(m);
  const s = useStore.getState();
  const model = m.editor.createModel(textOf(s, tab), FILES[tab].language, m.Uri.parse(`file:///${FILES[tab].name}`));
  model.onDidChangeContent(() => onEdit(model, tab));
  applyMarkers(m, model, diagnosticsOf(s, tab), FILES[tab].name, unsimulatedOf(s, tab));
  models = { ...models, [tab]: model };
  return model;
}
