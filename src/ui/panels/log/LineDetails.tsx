/** A clicked log line's story: when, which process and route, and the SIP request it handled. */
import { useEffect, useState } from "react";
import { formatTimestamp, type LogEvent } from "../../../engine/index.js";
import { getBridge } from "../../bridge/worker-bridge.js";

export function LineDetails({ line }: { line: LogEvent }) {
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
    <section className="details" aria-label="Line details">
      {where.join(" · ")}
      {"\n"}
      {line.line}
      {line.req === undefined
        ? "\n(written by a timer process: no SIP request)"
        : `\n\n${request ?? "loading the request…"}`}
    </section>
  );
}
