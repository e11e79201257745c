/**
 * The playground's worker entry: a thin host. Messages are checked once at the boundary; a
 * failure inside is reported as a crash so the page can restart the worker.
 */
import { PROTOCOL_VERSION, parseToWorker } from "../protocol/messages.js";
import { SimulationHost } from "./host.js";

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };

const host = new SimulationHost({
  post: (m) => scope.postMessage(m),
  now: () => performance.now(),
  later: (fn, ms) => void setTimeout(fn, ms),
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
