/**
 * The playground's entry: restores the user's work (what this tab or, in a new tab, any tab
 * autosaved last, else the classic example; a share link opens over it, keeping it in History),
 * restores the page's settings, starts the simulation worker and renders the page.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { startBridge } from "./bridge/worker-bridge.js";
import { loadEditor } from "./editor/load-editor.js";
import { EXAMPLES } from "./examples/index.js";
import { installShortcuts } from "./keys.js";
import { claimTab, loadSaved, restoreWork, startAutosave } from "./share/autosave.js";
import { decodeShare } from "./share/link.js";
import { loadPrefs, startPrefs } from "./share/prefs.js";
import { replaceWork } from "./share/replace-work.js";
import { useStore } from "./store/store.js";
import "./styles.css";

async function initialWork(): Promise<void> {
  const saved = restoreWork();
  const classic = EXAMPLES[0];
  if (saved)
    useStore.setState({
      config: saved.config,
      traffic: saved.traffic,
      seed: saved.seed,
      defines: saved.defines ?? "",
      example: saved.example,
    });
  else if (classic) useStore.setState({ config: classic.config, traffic: classic.traffic, example: classic.id });
  const shared = await decodeShare(location.hash);
  if (shared && "error" in shared) {
    useStore.getState().setNotice(`${shared.error} Your own work is unchanged.`);
  } else if (shared) {
    // The link's work opens as a new version, saved at once; the work it replaces stays in the
    // history with Undo. The worker is not started yet: it loads the store's texts when it is.
    replaceWork(shared, "Opened the shared link.", () => {});
  }
  // Taken in (or refused): the fragment goes, so a reload shows the autosave of what follows,
  // not the link again over it.
  if (shared) history.replaceState(history.state, "", location.pathname + location.search);
}

const makeWorker = () => new Worker(new URL("../worker/main.ts", import.meta.url), { type: "module" });
// Monaco and the worker first: their loading overlaps everything below. The worker says nothing
// until it is asked, so it can start before the work it will load is known; the bridge takes it
// then (or a new one, if this one failed to load before the bridge could hear it).
void loadEditor();
let early: Worker | undefined = makeWorker();
let earlyFailed = false;
early.addEventListener("error", () => (earlyFailed = true), { once: true });
useStore.setState(loadPrefs());
await initialWork();
claimTab();
startAutosave();
startPrefs();
const bridge = startBridge(() => {
  const worker = early && !earlyFailed ? early : makeWorker();
  if (early && earlyFailed) early.terminate();
  early = undefined;
  return worker;
});
// For automation and curious users: `kamsim.texts()` reads the editor's texts, `kamsim.setTexts()`
// replaces them (as typing would), `kamsim.killWorker()` stops the worker to see the page recover,
// `kamsim.saved()` reads the work a reload would restore, `kamsim.runUntil(s)` runs at the chosen
// speed and pauses at virtual second `s`.
(window as unknown as { kamsim: object }).kamsim = {
  killWorker: () => bridge.kill(),
  runUntil: (seconds: number) => bridge.run(Math.round(seconds * 1_000_000)),
  saved: () => loadSaved(),
  texts: () => {
    const s = useStore.getState();
    return { config: s.config, traffic: s.traffic, seed: s.seed };
  },
  setTexts: (t: { config?: string; traffic?: string }) => {
    const s = useStore.getState();
    if (t.config !== undefined) s.setConfig(t.config);
    if (t.traffic !== undefined) s.setTraffic(t.traffic);
    bridge.checkSoon();
  },
};
installShortcuts();
const root = document.getElementById("root");
if (root) createRoot(root).render(<App />);
