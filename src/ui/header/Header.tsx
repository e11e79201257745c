/** The header: name and modelled version, examples, files, History, Share, theme, font size, help. */
import { getBridge } from "../bridge/worker-bridge.js";
import { EXAMPLES, exampleMenu } from "../examples/index.js";
import { replaceWork } from "../share/replace-work.js";
import { useStore } from "../store/store.js";
import { FileMenu } from "./FileMenu.js";
import { HistoryMenu } from "./HistoryMenu.js";

export function Header({ onShare }: { onShare: () => void }) {
  const theme = useStore((s) => s.theme);
  const scale = useStore((s) => s.fontScale);
  const s = useStore.getState();
  return (
    <header className="header">
      <h1>kamsim · Kamailio 5.6 playground</h1>
      <label>
        Examples{" "}
        <select
          aria-label="Examples"
          value=""
          onChange={(e) => {
            const ex = EXAMPLES.find((x) => x.id === e.target.value);
            if (!ex) return;
            // Edits that are no example's own texts go into the history, with Undo (replace-work.ts).
            const { seed } = useStore.getState();
            replaceWork(
              { config: ex.config, traffic: ex.traffic, seed, example: ex.id },
              `Opened the example ${ex.title}.`,
              () => getBridge().load(),
            );
          }}
        >
          <option value="">choose…</option>
          {/* The course's lessons numbered in teaching order, then the other examples. */}
          {exampleMenu().map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.entries.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.text}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <span className="spacer" />
      <FileMenu />
      <HistoryMenu />
      <button type="button" aria-label="Share" onClick={onShare}>
        Share
      </button>
      <button
        type="button"
        aria-label={theme === "light" ? "Dark theme" : "Light theme"}
        onClick={() => s.setTheme(theme === "light" ? "dark" : "light")}
      >
        {theme === "light" ? "☾" : "☀"}
      </button>
      <button type="button" aria-label="Larger text" onClick={() => s.setFontScale(Math.min(2, scale + 0.15))}>
        A+
      </button>
      <button type="button" aria-label="Smaller text" onClick={() => s.setFontScale(Math.max(0.8, scale - 0.15))}>
        A−
      </button>
      <button type="button" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" onClick={() => s.setHelpOpen(true)}>
        ?
      </button>
    </header>
  );
}
