/**
 * What the worker keeps of a run to trace its messages on demand (trace.ts): the compiled config,
 * the seed, the run's traffic file with what the user added (RunTraffic: Flood, Send one, agent
 * actions) and the rate slider moves with their virtual times — all the replay needs, and nothing
 * per message: the live run pays nothing for it.
 */
import { type CompiledConfig, parseTrafficText } from "../engine/index.js";
import type { MessageTrace, TraceTarget } from "../protocol/trace.js";
import type { RunTraffic } from "./run-traffic.js";
import { type RateChange, traceMessage } from "./trace.js";

export class TraceSource {
  private readonly rates: RateChange[] = [];

  constructor(
    private readonly config: CompiledConfig,
    private readonly seed: number | undefined,
    private readonly traffic: RunTraffic,
  ) {}

  /** A rate slider moved at virtual time `t`. */
  rateChanged(t: number, stream: number, rate: number): void {
    this.rates.push({ t, stream, rate });
  }

  /** The trace of `target` (a Ladder row's text from `textOf`), or why there is none. */
  trace(
    given: TraceTarget,
    now: () => number,
    textOf: (msg: number) => string | undefined,
  ): { trace: MessageTrace } | { error: string } {
    let target: TraceTarget = given;
    if ("msg" in given) {
      const text = textOf(given.msg);
      if (text === undefined) return { error: "the Ladder no longer keeps this message" };
      target = { text, at: given.at };
    }
    const parsed = parseTrafficText(this.traffic.save().text);
    if ("errors" in parsed) return { error: "the run's traffic cannot be read again" };
    const trace = traceMessage(
      { config: this.config, plan: parsed.plan, seed: this.seed, rates: this.rates },
      target,
      now,
    );
    return trace ? { trace } : { error: "the proxy did not handle this message (dropped, or never received)" };
  }
}
