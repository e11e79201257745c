/**
 * Placeholder until the Monaco integration lands: a plain text area bound to the store, so the
 * page works end to end. (Replaced by the Monaco editor with Kamailio language support.)
 */
import { getBridge } from "../bridge/worker-bridge.js";
import { useStore } from "../store/store.js";

export default function MonacoEditor() {
  const tab = useStore((s) => s.tab);
  const text = useStore((s) => (s.tab === "config" ? s.config : s.traffic));
  const s = useStore.getState();
  return (
    <textarea
      aria-label={tab === "config" ? "kamailio.cfg" : "traffic.json"}
      value={text}
      spellCheck={false}
      style={{ width: "100%", height: "100%", fontFamily: "var(--mono)", border: "none", padding: 8, resize: "none" }}
      onChange={(e) => {
        if (tab === "config") s.setConfig(e.target.value);
        else s.setTraffic(e.target.value);
        getBridge().checkSoon();
      }}
    />
  );
}
