/** One address (or prefix) in the Pike view: its hits this window as a bar against the limit line. */
import { memo } from "react";
import { useStore } from "../../store/store.js";
import { formatSeconds } from "../timers/format.js";
import { type PikeBar, releaseEstimate } from "./rows.js";

const LABEL: Record<PikeBar["tone"], string> = { blocked: "", near: "⚠ near limit", ok: "", prefix: "" };

function pct(x: number): string {
  return `${Math.min(100, x * 100).toFixed(2)}%`;
}

/** A row renders again only when what it shows changed (bars are rebuilt from the rows each time). */
export const PikeBarRow = memo(
  function PikeBarRow({
    bar,
    scale,
    now,
    blockedAt,
    limit,
    windowUs,
  }: {
    bar: PikeBar;
    scale: number;
    /** Virtual µs now (a blocked row's release estimate depends on it; others are given 0). */
    now: number;
    blockedAt: number | undefined;
    /** pike's reqs_density_per_unit and window length (µs). */
    limit: number;
    windowUs: number;
  }) {
    const focusIp = useStore((s) => s.focusIp);
    const setFocusIp = useStore.getState().setFocusIp;
    const release = bar.blocked ? releaseEstimate(now, bar.hits, limit, windowUs) : undefined;
    const releaseText = release
      ? release.ifUnder === "this"
        ? `released at ${formatSeconds(release.at, 0)} if it stays under ${limit} until then`
        : `released at ${formatSeconds(release.at, 0)} at the earliest, if the next window stays under ${limit}`
      : "";
    return (
      <li
        className={`pike-row ${bar.tone}${focusIp === bar.label ? " related" : ""}`}
        data-address={bar.label}
        data-blocked={bar.blocked ? "" : undefined}
      >
        {bar.isAddress ? (
          <button
            type="button"
            className="pike-label link"
            title="Mark this address's requests, queue items and log lines in every view"
            aria-pressed={focusIp === bar.label}
            onClick={() => setFocusIp(focusIp === bar.label ? undefined : bar.label)}
          >
            {bar.label}
          </button>
        ) : (
          <span className="pike-label" title="address prefix (all addresses under it)">
            {bar.label}
            <span className="sr-only"> (prefix)</span>
          </span>
        )}
        <span className="pike-bar" aria-hidden="true">
          <span className="fill" style={{ width: pct(bar.hits / scale) }} />
          <span className="limit" style={{ left: pct(limit / scale) }} />
        </span>
        <span className="pike-hits">
          {bar.hits.toLocaleString("en-US")}
          <span className="sr-only"> hits this window{bar.isAddress ? `, limit ${limit}` : ""}</span>
        </span>
        <span className="pike-state">
          {bar.blocked ? (
            <>
              <b className="blocked-tag">
                <span aria-hidden="true">⊘ </span>BLOCKED
              </b>{" "}
              {blockedAt !== undefined && <span className="muted">since {formatSeconds(blockedAt, 1)} · </span>}
              <span className="muted">{releaseText}</span>
            </>
          ) : (
            LABEL[bar.tone] && <span className={bar.tone === "near" ? "near-tag" : "muted"}>{LABEL[bar.tone]}</span>
          )}
        </span>
      </li>
    );
  },
  (a, b) =>
    a.scale === b.scale &&
    a.now === b.now &&
    a.blockedAt === b.blockedAt &&
    a.limit === b.limit &&
    a.windowUs === b.windowUs &&
    a.bar.id === b.bar.id &&
    a.bar.label === b.bar.label &&
    a.bar.hits === b.bar.hits &&
    a.bar.blocked === b.bar.blocked &&
    a.bar.isAddress === b.bar.isAddress &&
    a.bar.tone === b.bar.tone,
);
