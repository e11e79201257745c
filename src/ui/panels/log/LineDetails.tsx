/**
 * A chosen log line's story (clicked, or Enter on the keyboard cursor): when, which process and
 * route, and the SIP request it handled. Read out when it changes; Escape or ✕ closes it.
 */
import { useEffect, useState } from "react";
import { formatTimestamp, type LogEvent } from "../../../engine/index.js";
import { getBridge } from "../../bridge/worker-bridge.js";
import { openTrace } from "../trace/open-trace.js";

export function LineDetails({ line, onClose }: { line: LogEvent; onClose: () => void }) {
  const [request, setRequest] = useState<string | undefined>(undefined);
  useEffect(() => {
    setRequest(undefined);
    if (line.req === undefined) return;
    let live = true;
    getBridge()
      .requestText(line.req)
      .then((text) => live && setRequest(text || "(this request is too old to be shown)"));
    return () => {
      live = false;
    };
  }, [line]);
  const where = [`time ${formatTimestamp(line.t).trim()} s`, `process ${line.proc}`];
  if (line.route) where.push(`route ${line.route}`);
  if (line.req !== undefined) where.push(`request #${line.req}`);
  return (
    <section
      className="details"
      aria-label="Line details"
      aria-live="polite"
      onKeyDown={(k) => {
        if (k.key !== "Escape") return;
        k.preventDefault();
        onClose();
      }}
    >
      <button type="button" className="details-close" aria-label="Close line details" onClick={onClose}>
        ✕
      </button>
      {where.join(" · ")}
      {line.req !== undefined && (
        <button
          type="button"
          className="link-button"
          onClick={() => openTrace({ req: line.req as number, at: line.t }, `request #${line.req}`)}
        >
          Trace this request
        </button>
      )}
      {"\n"}
      {line.line}
      {line.req === undefined
        ? "\n(written by a timer process: no SIP request)"
        : `\n\n${request ?? "loading the request…"}`}
    </section>
  );
}
