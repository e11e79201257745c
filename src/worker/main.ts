/**
 * The playground's worker entry: a thin host. Messages are checked once at the boundary; a
 * failure inside is reported as a crash so the page can restart the worker.
 */
import { PROTOCOL_VERSION, parseToWorker } from "../protocol/messages.js";
import { SimulationHost } from "./host.js";

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };

/**
 * A turn of the event loop without setTimeout's clamp (4 ms after a few nested timeouts): a
 * message to ourselves, queued behind the messages the page has already sent (Reset, Pause,
 * frame acks), so the host reads them between slices of simulation.
 */
const turns: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => turns.shift()?.();

const host = new SimulationHost({
  post: (m) => scope.postMessage(m),
  now: () => performance.now(),
  later: (fn, ms) => void setTimeout(fn, ms),
  soon: (fn) => {
    turns.push(fn);
    channel.port2.postMessage(null);
  },
});

scope.onmessage = (e: MessageEvent) => {
  const msg = parseToWorker(e.data);
  if (!msg) return;
  try {
    host.handle(msg);
  } catch (err) {
    scope.postMessage({
      type: "crash",
      v: PROTOCOL_VERSION,
      message: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    });
  }
};
