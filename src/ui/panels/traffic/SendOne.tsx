/** Send one: a single request of the chosen method from an address, now. */
import { useState } from "react";
import { getBridge } from "../../bridge/worker-bridge.js";
import { useStore } from "../../store/store.js";
import { isIpv4, methodChoices } from "./flood.js";

export function SendOne({ disabled }: { disabled: boolean }) {
  const streams = useStore((s) => s.streams);
  const methods = methodChoices(streams.map((s) => s.method));
  const [method, setMethod] = useState(methods[0] ?? "INVITE");
  const [src, setSrc] = useState("192.0.2.200");
  const [sent, setSent] = useState(0);
  const bad = !isIpv4(src);
  return (
    <form
      className="send-one"
      aria-label="Send one request"
      onSubmit={(e) => {
        e.preventDefault();
        if (bad) return;
        getBridge().sendOne(method, src.trim());
        setSent((n) => n + 1);
      }}
    >
      <button type="submit" disabled={disabled || bad}>
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
        {bad ? "not an IPv4 address" : sent ? `${sent} sent` : ""}
      </span>
    </form>
  );
}
