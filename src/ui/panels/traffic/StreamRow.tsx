/**
 * A traffic stream: its name, source and method, and a live rate slider, unless it sends one
 * request only (`count: 1`): a rate changes nothing there, so it says "one request".
 */
import { useState } from "react";
import type { StreamInfo } from "../../../protocol/messages.js";
import { getBridge } from "../../bridge/worker-bridge.js";
import { sliderMax } from "./flood.js";

export function StreamRow({ stream }: { stream: StreamInfo }) {
  return (
    <li className="stream-row">
      <b className="stream-name">{stream.name}</b>
      <span className="stream-src mono">{stream.src}</span>
      <span className="stream-method mono">{stream.method}</span>
      {stream.count === 1 ? (
        <span className="stream-rate stream-one muted">one request</span>
      ) : (
        <RateSlider stream={stream} />
      )}
    </li>
  );
}

function RateSlider({ stream }: { stream: StreamInfo }) {
  const [rate, setRate] = useState(stream.rate);
  const [max] = useState(() => sliderMax(stream.rate));
  const id = `stream-rate-${stream.index}`;
  const change = (value: number) => {
    setRate(value);
    getBridge().setRate(stream.index, value);
  };
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {stream.name} rate, requests per second
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={max}
        step={max > 100 ? 5 : 1}
        value={rate}
        aria-valuetext={`${rate} requests per second`}
        onChange={(e) => change(Number(e.target.value))}
      />
      <span className="stream-rate mono">{rate}/s</span>
    </>
  );
}
