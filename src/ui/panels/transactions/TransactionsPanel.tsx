/**
 * Transactions (issue 12 §4): tm's table as its `tm` events tell it — each open transaction with
 * its method, tid, Call-ID and age, its final reply, its branches (destination, last reply,
 * retransmissions, which timer runs and when it fires, the onreply_route/failure_route run for
 * which reply), the wait timer that deletes it; the transactions deleted most recently with their
 * final code. Bounded: the newest open ones, "N more" for the rest. Sent by the worker only when
 * it changed, drawn at the eye's pace (store/shown.ts).
 * The list scrolls, and takes the focus (tabIndex 0) so that a keyboard can scroll it.
 */
import { memo, useRef } from "react";
import type { TxBranch, TxDone, TxRow } from "../../../protocol/views.js";
import { formatDuration, formatSeconds } from "../timers/format.js";
import { useTableView } from "../use-table-view.js";
import { branchTimers, codeTone, txTimers } from "./describe.js";
import "../tables.css";

/** The clock as the ages read it: a tenth of a virtual second. */
const AGE_STEP_US = 100_000;

function Branch({ b, now }: { b: TxBranch; now: number }) {
  const timers = branchTimers(b, now);
  return (
    <li className="tx-branch" data-branch={b.branch}>
      <span>
        branch {b.branch} <span aria-hidden="true">→</span>
        <span className="sr-only">to</span> <span className="mono">{b.dst}</span>
      </span>
      <span className={`code tone-${codeTone(b.code)}`}>{b.code ? `last reply ${b.code}` : "no reply yet"}</span>
      {b.retransmits > 0 && <span className="muted">resent ×{b.retransmits}</span>}
      {timers.map((t) => (
        <span key={t} className="countdown">
          <span aria-hidden="true">◷ </span>
          {t}
        </span>
      ))}
      {b.routes.map((r) => (
        <span key={`${r.t}:${r.route}:${r.code}`} className="tx-route">
          <span className="mono">{r.route}</span> ran for {r.code} at {formatSeconds(r.t)}
        </span>
      ))}
    </li>
  );
}

const Transaction = memo(function Transaction({ tx, now }: { tx: TxRow; now: number }) {
  const timers = txTimers(tx, now);
  return (
    <li className="tx" aria-label={`Transaction ${tx.method} ${tx.tid}`} data-tid={tx.tid}>
      <div className="row-head">
        <b className="row-name">{tx.method}</b>
        <span className="mono">{tx.tid}</span>
        <span className={tx.final ? `tag tone-${codeTone(tx.final)}` : "muted"} data-testid="tx-final">
          {tx.final ? `final ${tx.final}` : "no final reply yet"}
        </span>
        {tx.canceled && <span className="tag warn">canceled</span>}
        <span className="muted">age {formatDuration(Math.max(0, now - tx.t))}</span>
      </div>
      <div className="muted call-id">
        Call-ID <span className="mono">{tx.callId}</span> · made at {formatSeconds(tx.t)}
        {tx.retransmits > 0 && ` · ${tx.retransmits} retransmissions`}
      </div>
      {tx.branches.length > 0 && (
        <ul className="tx-branches">
          {tx.branches.map((b) => (
            <Branch key={b.branch} b={b} now={now} />
          ))}
        </ul>
      )}
      {timers.map((t) => (
        <div key={t} className="countdown">
          <span aria-hidden="true">◷ </span>
          {t}
        </div>
      ))}
    </li>
  );
});

function Done({ d }: { d: TxDone }) {
  return (
    <tr data-tid={d.tid}>
      <td className="mono">{formatSeconds(d.end)}</td>
      <td>
        <b>{d.method}</b>
      </td>
      <td className="mono">{d.tid}</td>
      <td className={`code tone-${codeTone(d.final)}`}>{d.final || "none"}</td>
      <td className="mono call-id-cell">{d.callId}</td>
    </tr>
  );
}

export function TransactionsPanel() {
  const section = useRef<HTMLElement>(null);
  // Ages move by tenths, while running by the speed's step (table-clock.ts).
  const { view, now } = useTableView(section, (s) => s.transactions, AGE_STEP_US);
  return (
    <section ref={section} className="panel tables-panel transactions-panel" aria-label="Transactions">
      <h2>Transactions</h2>
      {!view ? (
        <p className="muted">This config does not load tm.</p>
      ) : (
        <>
          <p className="tables-head">
            <span>
              <b className="big-number" data-testid="tx-open-count">
                {view.openCount.toLocaleString("en-US")}
              </b>{" "}
              <span className="muted">open</span>
            </span>
            <span className="muted">
              {view.created.toLocaleString("en-US")} made · {view.deleted.toLocaleString("en-US")} deleted ·{" "}
              {view.retransmits.toLocaleString("en-US")} retransmissions since 0 s
            </span>
          </p>
          {view.open.length === 0 ? (
            <p className="muted">No transaction is open.</p>
          ) : (
            <ul className="table-rows" aria-label="Open transactions" tabIndex={0}>
              {[...view.open].reverse().map((tx) => (
                <Transaction key={tx.tid} tx={tx} now={now} />
              ))}
            </ul>
          )}
          {view.openCount > view.open.length && (
            <p className="muted more">
              {(view.openCount - view.open.length).toLocaleString("en-US")} more open (older; the newest{" "}
              {view.open.length} are listed)
            </p>
          )}
          {view.done.length > 0 && (
            <>
              <h3 className="sub">Recently finished</h3>
              <table className="tx-done" aria-label="Finished transactions">
                <thead>
                  <tr>
                    <th scope="col">deleted at</th>
                    <th scope="col">method</th>
                    <th scope="col">tid</th>
                    <th scope="col">final</th>
                    <th scope="col">Call-ID</th>
                  </tr>
                </thead>
                <tbody>
                  {[...view.done].reverse().map((d) => (
                    <Done key={`${d.tid}:${d.end}`} d={d} />
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
