/**
 * Compares what kamsim printed and answered with what Kamailio did, on normalised records:
 * - the log lines of each writer, in order: every SIP worker counts as one writer `W` (which
 *   worker takes a request is the kernel's choice), every other process by its number;
 * - the bucket of each matched line: it must come within `tolerance` seconds of kamsim's time,
 *   i.e. in the same timer firing (firings are ≥ 1 s apart) or with the same request; together
 *   with the per-writer order this fixes the global sequence up to lines written at the same
 *   moment by different processes, whose real order is a race;
 * - the reply codes of every request (or none);
 * - for pike, the request during which each address was first refused (the `BLOCKing` line).
 */
import type { LogRecord } from "./normalize.js";
import type { SentRequest } from "./sender.js";

export interface Disagreement {
  kind: "log" | "bucket" | "reply" | "pike" | "setup";
  text: string;
}

export interface CompareInput {
  kamsim: LogRecord[];
  real: LogRecord[];
  workers: ReadonlySet<number>;
  requests: readonly SentRequest[];
  kamsimReplies: ReadonlyMap<number, readonly string[]>;
  /** Requests kamsim received. */
  kamsimReceived: number;
  /** Seconds a matched line may be away from kamsim's time. */
  tolerance: number;
}

export interface Comparison {
  disagreements: Disagreement[];
  /** Lines found on both sides. */
  matched: number;
  /** Largest |Δt| of a matched line, seconds. */
  maxSkew: number;
  /** Kamailio's time minus kamsim's, for every matched line (seconds), in log order per writer. */
  skews: number[];
}

/** Reported lines per writer and kind before "… and N more". */
const REPORT_CAP = 30;
/** Above this many cells the diff is not worth computing: the sides are far apart anyway. */
const MAX_DIFF_CELLS = 25_000_000;

const writer = (r: LogRecord, workers: ReadonlySet<number>) => (workers.has(r.proc) ? "W" : String(r.proc));
const show = (r: LogRecord) => `[${r.t.toFixed(3)}] ${String(r.proc).padStart(2)}| ${r.text}`;

/** Pairs of indexes (a in xs, b in ys) of a longest common subsequence of texts. */
export function lcsPairs(xs: readonly string[], ys: readonly string[]): [number, number][] {
  const n = xs.length;
  const m = ys.length;
  if (n * m > MAX_DIFF_CELLS) return [];
  const w = m + 1;
  const len = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      len[i * w + j] =
        xs[i] === ys[j]
          ? (len[(i + 1) * w + j + 1] as number) + 1
          : Math.max(len[(i + 1) * w + j] as number, len[i * w + j + 1] as number);
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (xs[i] === ys[j]) out.push([i++, j++]);
    else if ((len[(i + 1) * w + j] as number) >= (len[i * w + j + 1] as number)) i++;
    else j++;
  }
  return out;
}

function capped(kind: Disagreement["kind"], head: string, items: string[]): Disagreement[] {
  const out = items.slice(0, REPORT_CAP).map((t) => ({ kind, text: `${head}${t}` }));
  if (items.length > REPORT_CAP) out.push({ kind, text: `${head}… and ${items.length - REPORT_CAP} more` });
  return out;
}

function compareLogs(input: CompareInput, result: Comparison): void {
  const groups = new Map<string, { k: LogRecord[]; r: LogRecord[] }>();
  const group = (w: string) => {
    let g = groups.get(w);
    if (!g) {
      g = { k: [], r: [] };
      groups.set(w, g);
    }
    return g;
  };
  for (const r of input.kamsim) group(writer(r, input.workers)).k.push(r);
  for (const r of input.real) group(writer(r, input.workers)).r.push(r);
  for (const [w, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const pairs = lcsPairs(
      g.k.map((r) => r.text),
      g.r.map((r) => r.text),
    );
    const inK = new Set(pairs.map(([a]) => a));
    const inR = new Set(pairs.map(([, b]) => b));
    const who = w === "W" ? "SIP workers" : `process ${w}`;
    result.disagreements.push(
      ...capped("log", `${who}, kamsim only: `, g.k.filter((_, i) => !inK.has(i)).map(show)),
      ...capped("log", `${who}, Kamailio only: `, g.r.filter((_, i) => !inR.has(i)).map(show)),
    );
    const late: string[] = [];
    for (const [a, b] of pairs) {
      const k = g.k[a] as LogRecord;
      const r = g.r[b] as LogRecord;
      const skew = Math.abs(k.t - r.t);
      result.skews.push(r.t - k.t);
      result.maxSkew = Math.max(result.maxSkew, skew);
      if (skew > input.tolerance)
        late.push(`${k.text} — kamsim at ${k.t.toFixed(3)} s, Kamailio at ${r.t.toFixed(3)} s`);
    }
    result.matched += pairs.length;
    result.disagreements.push(...capped("bucket", `${who}, other firing/request: `, late));
  }
}

function compareReplies(input: CompareInput, result: Comparison): void {
  if (input.kamsimReceived !== input.requests.length)
    result.disagreements.push({
      kind: "setup",
      text: `kamsim received ${input.kamsimReceived} requests, the harness sent ${input.requests.length}`,
    });
  const diffs: string[] = [];
  for (const q of input.requests) {
    const k = (input.kamsimReplies.get(q.req) ?? []).join(",") || "none";
    const r = q.replies.join(",") || "none";
    if (k !== r)
      diffs.push(
        `request ${q.req} (${q.method} from ${q.src}:${q.sport} at ${q.planned.toFixed(3)} s): kamsim ${k}, Kamailio ${r}`,
      );
  }
  result.disagreements.push(...capped("reply", "", diffs));
}

const BLOCK = /PIKE - BLOCKing ip (\S+),/;

/**
 * The request each real BLOCK line belongs to: the last one from that address sent before the
 * line was read, or, for an address no request came from (`pike_check_ip`), the last one sent.
 */
function realBlocks(input: CompareInput): string[] {
  return input.real.flatMap((r) => {
    const ip = BLOCK.exec(r.text)?.[1];
    if (!ip) return [];
    const before = input.requests.filter((q) => q.sent <= r.t);
    const from = before.some((q) => q.src === ip) ? before.filter((q) => q.src === ip) : before;
    return [`${ip} at request ${from[from.length - 1]?.req ?? "?"}`];
  });
}

function comparePike(input: CompareInput, result: Comparison): void {
  const k = input.kamsim.flatMap((r) => {
    const ip = BLOCK.exec(r.text)?.[1];
    return ip ? [`${ip} at request ${r.req ?? "?"}`] : [];
  });
  const r = realBlocks(input);
  if (k.join("; ") !== r.join("; "))
    result.disagreements.push({
      kind: "pike",
      text: `first refused: kamsim [${k.join("; ")}], Kamailio [${r.join("; ")}]`,
    });
}

/** Compares the two sides of a case. */
export function compareRuns(input: CompareInput): Comparison {
  const result: Comparison = { disagreements: [], matched: 0, maxSkew: 0, skews: [] };
  compareLogs(input, result);
  compareReplies(input, result);
  comparePike(input, result);
  return result;
}
