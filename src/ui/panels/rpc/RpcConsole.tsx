/**
 * RPC console: kamcmd-style commands against the running simulation, answered as kamcmd prints
 * them. Enter runs the line, ↑/↓ walk the history; the transcript is a polite live region.
 */
import { useEffect, useRef, useState } from "react";
import { getBridge } from "../../bridge/worker-bridge.js";
import { useStore } from "../../store/store.js";
import { exampleCommands, HISTORY_CAP, historyStep, parseCommand, remember } from "./command.js";

interface Entry {
  id: number;
  line: string;
  /** undefined while waiting for the answer. */
  text: string | undefined;
}

export function RpcConsole() {
  const [line, setLine] = useState("");
  const [history, setHistory] = useState<string[]>([]);
  const [at, setAt] = useState(0);
  const [draft, setDraft] = useState("");
  const [entries, setEntries] = useState<Entry[]>([]);
  const out = useRef<HTMLDivElement>(null);
  const nextId = useRef(0);
  const program = useStore((s) => s.program);
  const examples = exampleCommands(program);

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the transcript's tail when it grows.
  useEffect(() => {
    const el = out.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries]);

  const run = (text: string) => {
    const cmd = parseCommand(text);
    if (!cmd) return;
    const id = ++nextId.current;
    const h = remember(history, text.trim());
    setHistory(h);
    setAt(h.length);
    setLine("");
    setDraft("");
    setEntries((list) => [...list, { id, line: text.trim(), text: undefined }].slice(-HISTORY_CAP));
    getBridge()
      .rpc(cmd.command, cmd.args)
      .then((answer) => setEntries((list) => list.map((e) => (e.id === id ? { ...e, text: answer } : e))));
  };

  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    e.preventDefault();
    const step = historyStep(history, at, e.key === "ArrowUp" ? "up" : "down", at === history.length ? line : draft);
    if (at === history.length) setDraft(line);
    setAt(step.at);
    setLine(step.text);
  };

  return (
    <section className="panel rpc-panel" aria-label="RPC console">
      <h2>RPC console</h2>
      <form
        className="rpc-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(line);
        }}
      >
        <label htmlFor="rpc-line" className="prompt mono">
          kamcmd&gt;
        </label>
        <input
          id="rpc-line"
          className="mono"
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKey}
          placeholder="mqueue.get_sizes"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="rpc-help"
        />
        <button type="submit">Execute</button>
        <button type="button" onClick={() => setEntries([])} disabled={entries.length === 0}>
          Clear
        </button>
      </form>
      <p id="rpc-help" className="rpc-examples muted">
        Enter runs, ↑/↓ history.{examples.length > 0 ? " Try: " : ""}
        {examples.map((c) => (
          <button key={c} type="button" className="mono example" onClick={() => run(c)}>
            {c}
          </button>
        ))}
      </p>
      <div ref={out} className="rpc-out mono" role="log" aria-live="polite" aria-label="RPC output" tabIndex={0}>
        {entries.length === 0 && <p className="muted">The answers appear here, as kamcmd prints them.</p>}
        {entries.map((e) => (
          <div key={e.id} className="rpc-entry">
            <div className="rpc-cmd">
              <span aria-hidden="true">kamcmd&gt; </span>
              {e.line}
            </div>
            <pre className={e.text?.startsWith("error:") ? "error-text" : undefined}>{e.text ?? "…"}</pre>
          </div>
        ))}
      </div>
    </section>
  );
}
