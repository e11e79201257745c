/**
 * The Traffic view's inputs: a flood's address, rate and duration (checked before anything is
 * sent), the methods "Send one" offers, and the range of a stream's rate slider.
 */

/** One click trips pike with the classic example: 100 requests in a second from one address is
 * well over 30 per 2 s window, and the ~70 queued alerts drain in one run of the `ta` timer. */
export const FLOOD_DEFAULTS = { src: "203.0.113.99", rate: 100, duration: 1 } as const;

/** Methods "Send one" offers besides the streams' own. */
const METHODS = ["INVITE", "REGISTER", "OPTIONS", "MESSAGE", "SUBSCRIBE", "BYE"] as const;

export interface FloodInput {
  src: string;
  rate: number;
  duration: number;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** A dotted IPv4 address. */
export function isIpv4(text: string): boolean {
  return IPV4.test(text.trim());
}

/** The flood to send, or what is wrong with the form (the first problem, in words). */
export function checkFlood(form: {
  src: string;
  rate: string;
  duration: string;
}): { ok: true; flood: FloodInput } | { ok: false; error: string } {
  const src = form.src.trim();
  const rate = Number(form.rate);
  const duration = Number(form.duration);
  if (!isIpv4(src)) return { ok: false, error: "The address must be an IPv4 address, like 203.0.113.99." };
  if (!Number.isFinite(rate) || rate <= 0 || rate > 10_000)
    return { ok: false, error: "The rate must be between 1 and 10000 requests per second." };
  if (!Number.isFinite(duration) || duration <= 0 || duration > 60)
    return { ok: false, error: "The duration must be more than 0 and at most 60 seconds." };
  if (rate * duration < 1) return { ok: false, error: "That sends no request: raise the rate or the duration." };
  return { ok: true, flood: { src, rate, duration } };
}

/** The top of a stream's rate slider: room above its configured rate, in round numbers. */
export function sliderMax(rate: number): number {
  const want = Math.max(20, rate * 4);
  const step = want <= 50 ? 10 : want <= 500 ? 50 : 500;
  return Math.ceil(want / step) * step;
}

/** The methods to offer: the streams' first, then the usual ones, without repeats. */
export function methodChoices(streamMethods: readonly string[]): string[] {
  return [...new Set([...streamMethods, ...METHODS])];
}
