/**
 * Traffic: the streams with live rate sliders, the file's SIP agents with their state and actions,
 * a Flood from an address of the user's choosing, and Send one (with its composer).
 */
import type { StreamInfo } from "../../../protocol/messages.js";
import { type SimStatus, useStore } from "../../store/store.js";
import { AgentList } from "./AgentList.js";
import { FloodForm } from "./FloodForm.js";
import { SendOne } from "./SendOne.js";
import { StreamRow } from "./StreamRow.js";

/** Why traffic cannot be sent now, by status (nothing when it can). */
const WHY_NOT: Partial<Record<SimStatus, string>> = {
  loading: "loading the simulation…",
  error: "the config or traffic has errors: fix them to send traffic",
  ended: "the run has ended: Reset to send traffic again",
};

const loads = new WeakMap<readonly StreamInfo[], number>();
let lastLoad = 0;

/** A number per `loaded` message (each brings a new streams array): sliders restart from the file's rates. */
function loadKey(streams: readonly StreamInfo[]): number {
  let key = loads.get(streams);
  if (key === undefined) {
    key = ++lastLoad;
    loads.set(streams, key);
  }
  return key;
}

export function TrafficPanel() {
  const streams = useStore((s) => s.streams);
  const status = useStore((s) => s.status);
  const why = WHY_NOT[status];
  return (
    <section className="panel traffic-panel" aria-label="Traffic">
      <h2>Traffic</h2>
      {streams.length > 0 && (
        <ul className="streams" aria-label="Streams" key={loadKey(streams)}>
          {streams.map((s) => (
            <StreamRow key={s.index} stream={s} />
          ))}
        </ul>
      )}
      <AgentList disabled={why !== undefined} />
      <FloodForm disabledWhy={why} />
      <SendOne disabled={why !== undefined} />
    </section>
  );
}
