/**
 * The traffic of a playground run as a file: the user's traffic.json plus one stream for each
 * Flood and Send one, appended in the order they were pressed. Each press becomes a real stream
 * of the run (the engine adds it exactly where the file lists it), so `kamsim run` with this
 * file replays the run — same requests, same log. Rate slider moves cannot be written in a
 * traffic file; the run remembers them so that the saved file can say it is not exact.
 */
import { type PlannedStream, parseTrafficText } from "../engine/index.js";

type Json = Record<string, unknown>;

/** A stream added while running, as the traffic file writes it. */
export type AddedStream = Json & { name: string };

export class RunTraffic {
  private readonly file: Json | undefined;
  private readonly added: AddedStream[] = [];
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
    const r = parseTrafficText(this.textWith([...this.added, stream]));
    if ("errors" in r) return { error: r.errors.map((e) => `${e.path}: ${e.message}`).join("; ") };
    const planned = r.plan.streams[r.plan.streams.length - 1];
    if (!planned) return { error: "no stream" };
    this.added.push(stream);
    this.names.add(stream.name);
    return { planned };
  }

  /** The run's traffic file; `exact` is false when slider moves are missing from it. */
  save(): { text: string; exact: boolean; note: string } {
    const exact = this.rateChanged.size === 0;
    const changed = [...this.rateChanged].join(", ");
    const note = exact
      ? `${this.added.length} stream(s) added by Flood and Send one`
      : `rate changes of ${changed} made with the sliders cannot be written in a traffic file; the file has their original rates`;
    return { text: this.textWith(this.added), exact, note };
  }

  private textWith(added: readonly AddedStream[]): string {
    const file: Json = { ...(this.file ?? {}) };
    if (this.seed !== undefined) file.seed = this.seed;
    file.streams = [...(Array.isArray(file.streams) ? file.streams : []), ...added];
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
