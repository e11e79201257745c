/**
 * The defines box: `-D` defines for kamailio.cfg, as `kamsim check/run -D` takes them — typed as
 * `WITH_ANTIFLOOD WITH_DEBUG` or `-D WITH_ANTIFLOOD -D X=1`. Check and Run use them; they are
 * part of the work (autosave, History, share links). A mistake is said under the box in the
 * CLI's words; otherwise the lines `#!ifdef` leaves unread are listed there.
 */
import { parseDefinesText } from "../../engine/index.js";
import { getBridge } from "../bridge/worker-bridge.js";
import { useStore } from "../store/store.js";
import { inactiveSummary } from "./inactive-summary.js";

export function DefinesBox() {
  const text = useStore((s) => s.defines);
  const inactive = useStore((s) => s.program?.inactiveLines);
  const { error } = parseDefinesText(text);
  return (
    <div className="defines">
      <label htmlFor="defines-box">Defines</label>
      <input
        id="defines-box"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder="WITH_ANTIFLOOD WITH_DEBUG  or  -D X=1"
        title="-D NAME[=VALUE] for kamailio.cfg, as kamsim check/run -D take them; Enter applies"
        value={text}
        aria-invalid={error !== undefined}
        aria-describedby="defines-note"
        onChange={(e) => {
          useStore.getState().setDefines(e.target.value);
          getBridge().checkSoon();
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") getBridge().load();
        }}
      />
      {error !== undefined ? (
        <span id="defines-note" className="defines-error">
          {error}
        </span>
      ) : (
        <span id="defines-note" className="muted" role="status" aria-label="Inactive lines">
          {inactiveSummary(inactive)}
        </span>
      )}
    </div>
  );
}
