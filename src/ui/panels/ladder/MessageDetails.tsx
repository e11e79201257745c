/**
 * A Ladder message's whole text (clicked, or Enter on the keyboard cursor), asked of the worker,
 * which keeps it with the ladder's rows. Read out when it changes; Escape or ✕ closes it.
 */
import { useEffect, useState } from "react";
import type { LadderRow } from "../../../protocol/messages.js";
import { getBridge } from "../../bridge/worker-bridge.js";
import { describeRow } from "./model.js";

export function MessageDetails({ row, onClose }: { row: LadderRow; onClose: () => void }) {
  const [text, setText] = useState<string | undefined>(undefined);
  useEffect(() => {
    setText(undefined);
    let live = true;
    getBridge()
      .messageText(row.id)
      .then((t) => live && setText(t || "(this message is too old to be shown)"));
    return () => {
      live = false;
    };
  }, [row.id]);
  return (
    <section
      className="details ladder-details"
      aria-label="Message details"
      aria-live="polite"
      onKeyDown={(k) => {
        if (k.key !== "Escape") return;
        k.preventDefault();
        onClose();
      }}
    >
      <button type="button" className="details-close" aria-label="Close message details" onClick={onClose}>
        ✕
      </button>
      {`#${row.id} · ${describeRow(row)} · Call-ID ${row.callId} · ${row.from} → ${row.to}`}
      {"\n\n"}
      {text ?? "loading the message…"}
    </section>
  );
}
