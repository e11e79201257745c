/**
 * Pike: the busiest source addresses with their hits in the current window against the limit
 * (`reqs_density_per_unit`), blocked ones marked with when they can be released, and the /8,
 * /16, /24 prefix nodes on demand.
 */
import { useState } from "react";
import type { PikeRow } from "../../../protocol/messages.js";
import { useShown } from "../../store/shown.js";
import { useStore } from "../../store/store.js";
import { formatDuration, formatSeconds } from "../timers/format.js";
import { PikeBarRow } from "./PikeBarRow.js";
import { barScale, selectPikeRows, windowEnd } from "./rows.js";

export function PikePanel() {
  // pike's settings come with the loaded config, only when it loads pike: a config without pike
  // has no limit to show (the panel used to show pike's default "limit 30" for every config).
  const settings = useStore((s) => s.pikeSettings);
  if (!settings) {
    return (
      <section className="panel pike-panel" aria-label="Pike">
        <h2>Pike</h2>
        <p className="muted" data-testid="pike-not-loaded">
          This config does not load pike.
        </p>
      </section>
    );
  }
  return <PikeView limit={settings.limit} windowUs={settings.windowUs} />;
}

/** The worker sends new rows every frame; in most frames none of them changed. */
function samePikeRows(a: readonly PikeRow[], b: readonly PikeRow[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((r, i) => {
        const o = b[i] as PikeRow;
        return (
          r.prefix === o.prefix &&
          r.hits === o.hits &&
          r.leafHits === o.leafHits &&
          r.blocked === o.blocked &&
          r.isAddress === o.isAddress &&
          r.depth === o.depth
        );
      }))
  );
}

function PikeView({ limit, windowUs }: { limit: number; windowUs: number }) {
  // Frame-fed: at the eye's pace (store/shown.ts); the rows only when one of them changed.
  const rows = useShown((s) => s.pike, samePikeRows);
  const t = useShown((s) => s.t);
  const blocked = useShown((s) => s.blocked);
  const [prefixes, setPrefixes] = useState(false);
  const bars = selectPikeRows(rows, { prefixes, limit });
  const scale = barScale(bars, limit);
  const end = windowEnd(t, windowUs);
  const blockedCount = rows.filter((r) => r.isAddress && r.blocked).length;
  return (
    <section className="panel pike-panel" aria-label="Pike">
      <h2>Pike</h2>
      <div className="pike-head">
        <span>
          limit <b>{limit}</b> requests per {windowUs / 1e6} s window
        </span>
        <span className="muted">
          window ends in {formatDuration(end - t)} (at {formatSeconds(end, 0)})
        </span>
        <span className={blockedCount ? "tag alert" : "muted"} data-testid="pike-blocked-count">
          <span aria-hidden="true">⊘ </span>
          {blockedCount} blocked
        </span>
        <label className="toggle">
          <input type="checkbox" checked={prefixes} onChange={(e) => setPrefixes(e.target.checked)} /> show /8 /16 /24
          prefixes
        </label>
      </div>
      {bars.length === 0 ? (
        <p className="muted">No requests counted in this window.</p>
      ) : (
        <ul className="pike-rows" aria-label="Addresses by hits in this window">
          {bars.map((b) => (
            <PikeBarRow
              key={b.id}
              bar={b}
              scale={scale}
              now={b.blocked ? t : 0}
              blockedAt={blocked[b.label]}
              limit={limit}
              windowUs={windowUs}
            />
          ))}
        </ul>
      )}
      <p className="legend muted">
        <span className="limit-key" aria-hidden="true" /> limit ({limit}) · bar = hits in this window
      </p>
    </section>
  );
}
