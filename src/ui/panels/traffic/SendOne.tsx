/**
 * Send one: a single request of the chosen method from an address, now; "Compose" opens a
 * SIPp-like composer for its R-URI, From, To, extra headers and body (empty fields keep a
 * stream's defaults). The run's traffic file keeps it as a one-request stream with those fields.
 */
import { useState } from "react";
import { getBridge } from "../../bridge/worker-bridge.js";
import { useStore } from "../../store/store.js";
import { isIpv4, methodChoices } from "./flood.js";
import { type ComposerInput, readComposer } from "./send-one.js";

const EMPTY: ComposerInput = { ruri: "", from: "", to: "", headers: "", body: "" };

export function SendOne({ disabled }: { disabled: boolean }) {
  const streams = useStore((s) => s.streams);
  const methods = methodChoices(streams.map((s) => s.method));
  const [method, setMethod] = useState(methods[0] ?? "INVITE");
  const [src, setSrc] = useState("192.0.2.200");
  const [sent, setSent] = useState(0);
  const [composer, setComposer] = useState<ComposerInput>(EMPTY);
  const bad = !isIpv4(src);
  const read = readComposer(composer);
  const problem = bad ? "not an IPv4 address" : "error" in read ? read.error : undefined;
  const field = (key: keyof ComposerInput) => ({
    value: composer[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setComposer((c) => ({ ...c, [key]: e.target.value })),
    spellCheck: false,
  });
  return (
    <form
      className="send-one"
      aria-label="Send one request"
      onSubmit={(e) => {
        e.preventDefault();
        if (problem !== undefined || "error" in read) return;
        const fields = Object.keys(read.fields).length ? read.fields : undefined;
        getBridge().sendOne(method, src.trim(), fields);
        setSent((n) => n + 1);
      }}
    >
      <button type="submit" disabled={disabled || problem !== undefined}>
        Send one
      </button>
      <select aria-label="Method" value={method} onChange={(e) => setMethod(e.target.value)}>
        {methods.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <label>
        from{" "}
        <input
          className="mono addr"
          value={src}
          onChange={(e) => setSrc(e.target.value)}
          aria-label="Send one source address"
          aria-invalid={bad || undefined}
          spellCheck={false}
        />
      </label>
      <span className="muted" role="status">
        {problem ?? (sent ? `${sent} sent` : "")}
      </span>
      <details className="send-one-composer">
        <summary>Compose</summary>
        <div className="composer-grid">
          <label>
            R-URI <input className="mono" placeholder="sip:service@example.com" {...field("ruri")} />
          </label>
          <label>
            From <input className="mono" placeholder="sip:send-…{n}@example.com" {...field("from")} />
          </label>
          <label>
            To <input className="mono" placeholder="sip:service@example.com" {...field("to")} />
          </label>
          <label>
            Headers <textarea className="mono" rows={2} placeholder="Subject: hello" {...field("headers")} />
          </label>
          <label>
            Body <textarea className="mono" rows={2} {...field("body")} />
          </label>
        </div>
      </details>
    </form>
  );
}
