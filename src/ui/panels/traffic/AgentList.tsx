/**
 * The traffic file's SIP agents with their state (registered or not, in call with whom, ringing,
 * down, how they answer) and a few actions each, applied now in the running simulation and written
 * into Save traffic (docs/agents.md, "Actions"): call another agent now, go down / come back, answer
 * the next calls with 200, 486 or not at all.
 */
import { memo, useMemo, useState } from "react";
import type { AgentRow } from "../../../protocol/agents.js";
import { getBridge } from "../../bridge/worker-bridge.js";
import { useShown } from "../../store/shown.js";
import { agentStateText } from "./agent-text.js";
import { ANSWER_CHOICES, answerChoiceLabel } from "./answers.js";

/** Agents listed; a file with thousands of phones lists the first ones and says so. */
export const SHOWN_AGENTS = 50;

export function AgentList({ disabled }: { disabled: boolean }) {
  const agents = useShown((s) => s.agents);
  // The registration's time left counts down with the clock (the shown state moves at most ten
  // times a second: the rows are drawn again no more often).
  const now = useShown((s) => s.t);
  // One list of names per file (rows are drawn again only when theirs or the second changed).
  const key = agents.map((a) => a.name).join("\n");
  const names = useMemo(() => (key ? key.split("\n") : []), [key]);
  if (agents.length === 0) return null;
  const shown = agents.slice(0, SHOWN_AGENTS);
  return (
    <div className="agents">
      <h3 id="agents-heading">Agents</h3>
      <Callees names={names} />
      <ul className="agent-list" aria-labelledby="agents-heading">
        {shown.map((a) => (
          <AgentItem key={a.index} row={a} names={names} now={now} disabled={disabled} />
        ))}
      </ul>
      {agents.length > shown.length && (
        <p className="muted">
          The first {shown.length} of {agents.length} agents.
        </p>
      )}
    </div>
  );
}

/** The names a "calls" box offers, once for every row: a select per row of 2,000 phones held 100,000 options. */
const Callees = memo(function Callees({ names }: { names: readonly string[] }) {
  return (
    <datalist id="agent-callees">
      {names.map((n) => (
        <option key={n} value={n} />
      ))}
    </datalist>
  );
});

const AgentItem = memo(function AgentItem({
  row,
  names,
  now,
  disabled,
}: {
  row: AgentRow;
  names: readonly string[];
  now: number;
  disabled: boolean;
}) {
  const [callee, setCallee] = useState(() => names.find((n) => n !== row.name) ?? "");
  const act = getBridge();
  const state = agentStateText(row, now);
  // The answer chosen shows until the run reaches the action (the next millisecond, or later when paused).
  // (until the row's answer changes from the one it was chosen over).
  const [chosen, setChosen] = useState<{ value: string; over: string } | undefined>();
  const answer = chosen?.over === row.answer ? chosen.value : row.answer;
  const listed = ANSWER_CHOICES.some((c) => c.value === answer);
  const busy = disabled;
  return (
    <li className={row.down ? "agent-row agent-down" : "agent-row"} aria-label={`agent ${row.name}`}>
      <b className="agent-name">{row.name}</b>
      <span className="agent-addr mono muted">{row.address}</span>
      {/* Read when reached, not announced at each change: 50 phones in calls would talk at once. */}
      <span className="agent-state" role="status" aria-live="off" aria-label={`${row.name} state`}>
        {state}
      </span>
      <span className="agent-actions">
        <button
          type="button"
          disabled={busy || !callee.trim()}
          aria-label={`${row.name}: call ${callee.trim()} now`}
          onClick={() => act.agentAction(row.index, { do: "call", to: callee.trim() })}
        >
          Call
        </button>
        {/* An agent's name (offered from the file's) or a sip: URI; the traffic validation judges it. */}
        <input
          className="mono agent-callee"
          list="agent-callees"
          aria-label={`${row.name} calls`}
          value={callee}
          onChange={(e) => setCallee(e.target.value)}
          disabled={busy}
          spellCheck={false}
        />
        <button
          type="button"
          disabled={busy}
          aria-label={row.down ? `${row.name}: come back` : `${row.name}: go down`}
          onClick={() => act.agentAction(row.index, { do: row.down ? "up" : "down" })}
        >
          {row.down ? "Come back" : "Go down"}
        </button>
        <label>
          answers{" "}
          <select
            aria-label={`${row.name} answers with`}
            value={answer}
            disabled={busy}
            onChange={(e) => {
              const v = e.target.value;
              setChosen({ value: v, over: row.answer });
              act.agentAction(row.index, { do: "answer", answer: v === "never" ? "never" : Number(v) });
            }}
          >
            {!listed && (
              <option value={answer} disabled>
                {answerChoiceLabel(answer)}
              </option>
            )}
            {ANSWER_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </span>
    </li>
  );
});
