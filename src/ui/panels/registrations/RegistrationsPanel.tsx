/**
 * Registrations (issue 12 §4): usrloc's location table as its `ul` events tell it — each AOR with
 * its contacts and the seconds they have left, counting down in virtual time (expiry.ts); a
 * contact past its expiry waits for usrloc's timer, which removes it; what left the table, when
 * and why (expired, or removed by an unregistration). Sent by the worker only when it changed,
 * drawn at the eye's pace (store/shown.ts), once per virtual second for the countdowns.
 * The list scrolls, and takes the focus (tabIndex 0) so that a keyboard can scroll it.
 */
import { memo, useRef } from "react";
import type { RegAor, RegGone } from "../../../protocol/views.js";
import { hueClass } from "../queues/hues.js";
import { formatSeconds } from "../timers/format.js";
import { useTableView } from "../use-table-view.js";
import { expiresAt, secondsLeft } from "./expiry.js";
import "../tables.css";

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

const Aor = memo(function Aor({ aor, now }: { aor: RegAor; now: number }) {
  return (
    <li className={`reg-aor ${hueClass(aor.aor)}`} aria-label={`AOR ${aor.aor}`} data-aor={aor.aor}>
      <div className="row-head">
        <span className="swatch" aria-hidden="true" />
        <b className="row-name">{aor.aor}</b>
        <span className="muted">{plural(aor.contacts.length, "contact")}</span>
      </div>
      <ul className="reg-contacts">
        {aor.contacts.map((c) => {
          const left = secondsLeft(c, now);
          const at = expiresAt(c);
          const valid = left === undefined || left > 0;
          return (
            <li key={c.contact} className={`reg-contact${valid ? "" : " past"}`} data-contact={c.contact}>
              <span className="mono contact-uri">{c.contact}</span>
              <span className="countdown" data-testid="reg-expires">
                <span aria-hidden="true">{valid ? "◷ " : "⌛ "}</span>
                {left === undefined
                  ? "no expiry"
                  : valid
                    ? `expires in ${plural(left, "s", "s")} (at ${formatSeconds(at ?? 0, 0)})`
                    : `expired at ${formatSeconds(at ?? 0, 0)}: usrloc's timer removes it`}
              </span>
              <span className="muted">
                {c.op === "insert" ? "registered" : "refreshed"} at {formatSeconds(c.t)}
              </span>
            </li>
          );
        })}
      </ul>
    </li>
  );
});

function Gone({ g }: { g: RegGone }) {
  return (
    <li className="reg-gone-row" data-why={g.why}>
      <span className="mono">{formatSeconds(g.t)}</span> <b>{g.aor}</b>{" "}
      <span className="mono contact-uri">{g.contact}</span>{" "}
      <span className={g.why === "expired" ? "tag warn" : "tag"}>{g.why}</span>
    </li>
  );
}

export function RegistrationsPanel() {
  const section = useRef<HTMLElement>(null);
  // The countdowns move by whole seconds, while running by the speed's step (table-clock.ts).
  const { view, now } = useTableView(section, (s) => s.registrations, 1_000_000);
  return (
    <section ref={section} className="panel tables-panel registrations-panel" aria-label="Registrations">
      <h2>Registrations</h2>
      {!view ? (
        <p className="muted">This config does not load usrloc.</p>
      ) : (
        <>
          <p className="tables-head">
            <span>
              <b className="big-number" data-testid="reg-aor-count">
                {view.aorCount.toLocaleString("en-US")}
              </b>{" "}
              <span className="muted">{view.aorCount === 1 ? "AOR" : "AORs"}</span>
            </span>
            <span>
              <b className="big-number" data-testid="reg-contact-count">
                {view.contactCount.toLocaleString("en-US")}
              </b>{" "}
              <span className="muted">{view.contactCount === 1 ? "contact" : "contacts"}</span>
            </span>
            <span className="muted">
              {plural(view.expired, "expired", "expired")} · {plural(view.removed, "removed", "removed")} since 0 s
            </span>
          </p>
          {view.aors.length === 0 ? (
            <p className="muted">No contact is registered.</p>
          ) : (
            <ul className="table-rows" aria-label="Registered AORs" tabIndex={0}>
              {view.aors.map((a) => (
                <Aor key={`${a.table}:${a.aor}`} aor={a} now={now} />
              ))}
            </ul>
          )}
          {view.aorCount > view.aors.length && (
            <p className="muted more">
              {plural(view.aorCount - view.aors.length, "more AOR")} (the first {view.aors.length} by name are listed)
            </p>
          )}
          {view.gone.length > 0 && (
            <>
              <h3 className="sub">Left the table</h3>
              <ol className="reg-gone" aria-label="Contacts that left the table">
                {[...view.gone].reverse().map((g) => (
                  <Gone key={`${g.t}:${g.aor}:${g.contact}`} g={g} />
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}
