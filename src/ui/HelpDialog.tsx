/** The keyboard shortcuts, opened with `?`. */
import { useEffect, useRef } from "react";
import { SHORTCUTS } from "./keys.js";
import { useStore } from "./store/store.js";

export function HelpDialog() {
  const open = useStore((s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-label="Keyboard shortcuts" onClose={() => useStore.getState().setHelpOpen(false)}>
      <h2>Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([k, what]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => useStore.getState().setHelpOpen(false)}>
        Close
      </button>
    </dialog>
  );
}
