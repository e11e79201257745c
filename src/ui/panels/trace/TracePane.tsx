/**
 * The Trace pane (issue 12 §2, docs/trace.md): what the proxy did with one message — the routes
 * entered and left, nested, with their return codes and exit/drop; each statement's line; each
 * function called with its arguments (as written, and as evaluated when that is cheap), its
 * result, stand-ins marked "not simulated"; the variables at route boundaries (cfgt's flow, a
 * `$var` carried over from an earlier message marked); the pending header changes next to the
 * request they build; the messages sent because of it. Its lines are highlighted in the editor
 * (editor/trace-lines.ts); "show in editor" goes there. A reply links to its transaction's request.
 */
import { useEffect, useRef } from "react";
import { formatTimestamp } from "../../../engine/index.js";
import type { MessageTrace, TraceEntry } from "../../../protocol/trace.js";
import { goTo } from "../../editor/go-to.js";
import { closeTrace, useTrace } from "../../store/trace.js";
import { openTrace } from "./open-trace.js";
import "./trace.css";

function firstLine(text: string): string {
  const eol = text.indexOf("\r\n");
  return eol < 0 ? text : text.slice(0, eol);
}

function showLines(lines: readonly number[]): void {
  useTrace.setState({ lines });
  const first = lines[0];
  if (first !== undefined) goTo({ tab: "config", line: first, col: 1 });
}

function callText(e: Extract<TraceEntry, { kind: "call" }>): string {
  const written = `${e.fn}(${e.args.join(", ")})`;
  // The evaluated arguments, when one differs from its text (a format with variables).
  const shown = e.values.some((v, i) => v !== null && JSON.stringify(v) !== e.args[i] && v !== e.args[i]);
  const values = shown ? `  with ${e.values.map((v) => (v === null ? "…" : JSON.stringify(v))).join(", ")}` : "";
  return `${written}${values} → ${e.result}`;
}

function Entry({ e, trace }: { e: TraceEntry; trace: MessageTrace }) {
  const pad = { paddingLeft: `${e.depth * 1.2}em` };
  switch (e.kind) {
    case "enter": {
      const lines = trace.routeLines[e.route] ?? [];
      return (
        <li className="trace-enter" style={pad}>
          {`▶ ${e.route}`}
          {lines.length > 0 && (
            <button
              type="button"
              className="link-button"
              aria-label={`Show ${e.route} in the editor`}
              onClick={() => showLines(lines)}
            >
              show in editor
            </button>
          )}
        </li>
      );
    }
    case "exit":
      return (
        <li className="trace-exit" style={pad}>
          {`◀ ${e.route} left${e.how === "end" ? " at its end" : ` by ${e.how}`}${e.rc !== undefined ? `, returned ${e.rc}` : ""}`}
        </li>
      );
    case "action":
      // A call statement's own row follows it (the function, its arguments and result).
      if (e.what === "call") return null;
      return (
        <li className="trace-action" style={pad}>
          <span className="trace-line-no">{`line ${e.line}`}</span> {e.what}
        </li>
      );
    case "call":
      return (
        <li className={`trace-call${e.standIn ? " stand-in" : ""}`} style={pad}>
          <span className="trace-line-no">{`line ${e.line}`}</span> {callText(e)}
          {e.standIn && <span className="trace-note"> not simulated</span>}
        </li>
      );
  }
}

function Trace({ trace }: { trace: MessageTrace }) {
  const tx = trace.transaction;
  return (
    <>
      <p className="muted">
        {`${trace.reply ? "reply" : "request"} #${trace.req} · process ${trace.proc} · ${formatTimestamp(trace.t).trim()}–${formatTimestamp(trace.done).trim()} s · replayed in ${Math.round(trace.ms)} ms`}
      </p>
      <p className="trace-first">{firstLine(trace.sipIn)}</p>
      {tx && (
        <p>
          {`This reply belongs to the ${trace.cseqMethod} transaction: `}
          <button
            type="button"
            onClick={() => openTrace({ req: tx.req, at: tx.t }, `${trace.cseqMethod} whose transaction took the reply`)}
          >
            {`Trace the ${trace.cseqMethod}`}
          </button>
        </p>
      )}
      <div className="trace-tools">
        <button type="button" onClick={() => showLines(trace.lines)} disabled={trace.lines.length === 0}>
          Show in editor
        </button>
      </div>
      <ol className="trace-entries" aria-label="Routes and calls">
        {trace.entries.length === 0 && <li className="muted">no route ran for it</li>}
        {trace.entries.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a trace's entries never move.
          <Entry key={i} e={e} trace={trace} />
        ))}
      </ol>
      {trace.pending.length > 0 && (
        <details open>
          <summary>Pending header changes (lumps) at the script's end</summary>
          <pre className="trace-pending">{trace.pending.join("\n")}</pre>
          {trace.pendingText !== undefined && (
            <details>
              <summary>The request as they build it (before tm adds its Via)</summary>
              <pre>{trace.pendingText}</pre>
            </details>
          )}
        </details>
      )}
      <details>
        <summary>{`Sent because of it (${trace.sent.length})`}</summary>
        <ol className="trace-sent">
          {trace.sent.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sent in this order, never moved.
            <li key={i}>
              <details>
                <summary>{firstLine(s)}</summary>
                <pre>{s}</pre>
              </details>
            </li>
          ))}
        </ol>
      </details>
      <details>
        <summary>Variables at route boundaries (cfgt)</summary>
        {trace.flow.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the flow's order is the run's.
          <div key={i} className="trace-flow">
            <strong>{f.key}</strong>
            <ul>
              {f.vars.map((v) => (
                <li key={v.name}>
                  {`${v.name} = ${v.value}`}
                  {v.carried && (
                    <span className="trace-note"> carried over from an earlier message of this process</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </details>
    </>
  );
}

export function TracePane() {
  const label = useTrace((s) => s.label);
  const trace = useTrace((s) => s.trace);
  const error = useTrace((s) => s.error);
  const ref = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: brought into view when another message is traced.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest" });
  }, [label]);
  if (label === undefined) return null;
  return (
    <section ref={ref} className="panel trace-pane" aria-label="Trace" aria-busy={!trace && !error}>
      <h2>
        {`Trace: ${label}`}
        <button type="button" className="details-close" aria-label="Close the trace" onClick={closeTrace}>
          ✕
        </button>
      </h2>
      {error !== undefined ? (
        <p role="status">{`No trace: ${error}.`}</p>
      ) : trace === undefined ? (
        <p role="status">replaying the run to this message…</p>
      ) : (
        <Trace trace={trace} />
      )}
    </section>
  );
}
