/** Which log lines the Log view shows: by level and by text. */
import type { LogEvent } from "../../../engine/index.js";
import type { LogRing } from "../../store/log-ring.js";

/** Indexes (into the ring) of the lines that pass the filters; undefined when nothing is filtered. */
export function filteredIndexes(ring: LogRing, levels: Record<string, boolean>, text: string): number[] | undefined {
  const allLevels = Object.values(levels).every(Boolean);
  if (allLevels && text === "") return undefined;
  const needle = text.toLowerCase();
  const out: number[] = [];
  for (let i = 0; i < ring.size; i++) {
    const e = ring.at(i) as LogEvent;
    if (levels[e.level] === false) continue;
    if (needle && !e.line.toLowerCase().includes(needle)) continue;
    out.push(i);
  }
  return out;
}
