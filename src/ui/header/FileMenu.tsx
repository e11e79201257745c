/**
 * Files: open a config (or a traffic .json) from disk into the editor, save the config, and save
 * the run's traffic — traffic.json plus what Flood and Send one added — so `kamsim run` replays
 * exactly this run.
 */
import { useRef } from "react";
import { getBridge } from "../bridge/worker-bridge.js";
import { download } from "../panels/log/export.js";
import { currentWork, replaceWork } from "../share/replace-work.js";
import { useStore } from "../store/store.js";

/** Larger files are refused: no config is that big, and the editor would crawl. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

async function open(file: File): Promise<void> {
  const s = useStore.getState();
  if (file.size > MAX_FILE_BYTES) {
    s.setNotice(`${file.name} was not opened: it is larger than 2 MB.`);
    return;
  }
  const text = await file.text();
  const isTraffic = /\.json$/i.test(file.name);
  const next = { ...currentWork(), ...(isTraffic ? { traffic: text } : { config: text }) };
  useStore.setState({ tab: isTraffic ? "traffic" : "config" });
  replaceWork(next, `Opened ${file.name}.`, () => getBridge().load());
}

async function saveTraffic(): Promise<void> {
  const saved = await getBridge().saveTraffic();
  download("traffic.json", saved.text, "application/json");
  if (!saved.exact) useStore.getState().setNotice(`Saved traffic.json, but not exact: ${saved.note}.`);
}

export function FileMenu() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".cfg,.conf,.txt,.json,text/plain,application/json"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) void open(f);
        }}
      />
      <button type="button" title="Open a config (or a traffic .json) from disk" onClick={() => input.current?.click()}>
        Open…
      </button>
      <button
        type="button"
        title="Save the config as kamailio.cfg"
        onClick={() => download("kamailio.cfg", useStore.getState().config)}
      >
        Save config
      </button>
      <button
        type="button"
        title="Save this run's traffic (with Flood and Send one) for kamsim run"
        onClick={() => void saveTraffic()}
      >
        Save traffic
      </button>
    </>
  );
}
