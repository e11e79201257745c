/**
 * Pike: the busiest source addresses with their hits in the current window against the limit
 * (`reqs_density_per_unit`), blocked ones marked with when they can be released, and the /8,
 * /16, /24 prefix nodes on demand.
 */
import { useState } from "react";
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

function PikeView({ limit, windowUs }: { limit: number; windowUs: number }) {
  const rows = useStore((s) => s.pike);
  const t = useStore((s) => s.t);
  const blocked = useStore((s) => s.blocked);
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
              now={t}
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
