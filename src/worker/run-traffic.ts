/**
 * The traffic of a playground run as a file: the user's traffic.json plus one stream for each
 * Flood and Send one, appended in the order they were pressed, and each agent button pressed
 * (call now, go down, come back, answer with) as an action appended to that agent's `actions`.
 * Each press becomes a real stream or action of the run (the engine adds it exactly where the
 * file lists it), so `kamsim run` with this file replays the run — same requests, same log. Rate
 * slider moves cannot be written in a traffic file; the run remembers them so that the saved
 * file can say it is not exact.
 */
import { type PlannedAction, type PlannedStream, parseTrafficText } from "../engine/index.js";

type Json = Record<string, unknown>;

/** A stream added while running, as the traffic file writes it. */
export type AddedStream = Json & { name: string };

export class RunTraffic {
  private readonly file: Json | undefined;
  private readonly added: AddedStream[] = [];
  /** Actions added to each agent (by its index in the file's `agents`), in the order pressed. */
  private readonly actions = new Map<number, Json[]>();
  private readonly names = new Set<string>();
  /** Streams whose rate was changed with a slider (not expressible in the file). */
  readonly rateChanged = new Set<string>();

  constructor(
    text: string,
    private readonly seed: number | undefined,
  ) {
    const parsed = parseJsonObject(text);
    this.file = parsed;
    const streams = Array.isArray(parsed?.streams) ? parsed.streams : [];
    streams.forEach((s, i) => {
      const name = typeof (s as Json)?.name === "string" ? ((s as Json).name as string) : `stream${i + 1}`;
      this.names.add(name);
    });
  }

  /** A name no stream has yet: `base-1`, `base-2`… */
  freshName(base: string): string {
    for (let k = 1; ; k++) {
      const name = `${base}-${k}`;
      if (!this.names.has(name)) return name;
    }
  }

  /**
   * Checks a stream to add as the file's traffic validation would, and keeps it when it is valid.
   * Returns the planned stream to give the simulation, or the validation's message.
   */
  add(stream: AddedStream): { planned: PlannedStream } | { error: string } {
    const r = parseTrafficText(this.textWith([...this.added, stream], this.actions));
    if ("errors" in r) return { error: r.errors.map((e) => `${e.path}: ${e.message}`).join("; ") };
    const planned = r.plan.streams[r.plan.streams.length - 1];
    if (!planned) return { error: "no stream" };
    this.added.push(stream);
    this.names.add(stream.name);
    return { planned };
  }

  /**
   * Checks an action to append to the agent at `agent` as the file's validation would, and keeps
   * it when valid. Returns the planned action to give the simulation, or the validation's message.
   */
  addAction(agent: number, action: Json): { planned: PlannedAction } | { error: string } {
    const actions = new Map(this.actions);
    actions.set(agent, [...(actions.get(agent) ?? []), action]);
    const r = parseTrafficText(this.textWith(this.added, actions));
    if ("errors" in r) return { error: r.errors.map((e) => `${e.path}: ${e.message}`).join("; ") };
    const planned = r.plan.agents[agent]?.actions.at(-1);
    if (!planned) return { error: "no such agent" };
    this.actions.set(agent, actions.get(agent) ?? []);
    return { planned };
  }

  /**
   * The `answer` an "Answer with" button writes: `never`, or the agent's latest answer object
   * (its own, or its last `answer` action's) with `code` in place, so its timing stays.
   */
  answerWith(agent: number, choice: number | "never"): unknown {
    if (choice === "never") return "never";
    const a = this.agentsOf(this.actions)[agent];
    const given = [a?.answer, ...(Array.isArray(a?.actions) ? a.actions.map((x) => (x as Json)?.answer) : [])];
    const last = given.filter((x): x is Json => typeof x === "object" && x !== null && !Array.isArray(x)).at(-1);
    const { bye, contact, after, ...keep } = last ?? {};
    // bye goes with a 200 only, contact with a 3xx only (validate-agents.ts refuses them otherwise).
    return {
      ...keep,
      // An answer that never came (`after: null`) answers at the default moment now.
      ...(after !== undefined && after !== null ? { after } : {}),
      ...(choice === 200 && bye !== undefined ? { bye } : {}),
      ...(choice >= 300 && choice < 400 && contact !== undefined ? { contact } : {}),
      code: choice,
    };
  }

  /** The run's traffic file; `exact` is false when slider moves are missing from it. */
  save(): { text: string; exact: boolean; note: string } {
    const exact = this.rateChanged.size === 0;
    const changed = [...this.rateChanged].join(", ");
    let actions = 0;
    for (const list of this.actions.values()) actions += list.length;
    const note = exact
      ? `${this.added.length} stream(s) added by Flood and Send one, ${actions} agent action(s)`
      : `rate changes of ${changed} made with the sliders cannot be written in a traffic file; the file has their original rates`;
    return { text: this.textWith(this.added, this.actions), exact, note };
  }

  /** The file's agents with the added actions after each one's own. */
  private agentsOf(actions: ReadonlyMap<number, readonly Json[]>): Json[] {
    const agents = Array.isArray(this.file?.agents) ? (this.file.agents as Json[]) : [];
    return agents.map((a, i) => {
      const more = actions.get(i);
      if (!more?.length) return a;
      const own = Array.isArray(a?.actions) ? a.actions : [];
      return { ...a, actions: [...own, ...more] };
    });
  }

  private textWith(added: readonly AddedStream[], actions: ReadonlyMap<number, readonly Json[]>): string {
    const file: Json = { ...(this.file ?? {}) };
    if (this.seed !== undefined) file.seed = this.seed;
    file.streams = [...(Array.isArray(file.streams) ? file.streams : []), ...added];
    if (actions.size > 0) file.agents = this.agentsOf(actions);
    return `${JSON.stringify(file, null, 2)}\n`;
  }
}

function parseJsonObject(text: string): Json | undefined {
  try {
    const v: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}
