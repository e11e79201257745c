/**
 * Compares what kamsim printed and answered with what Kamailio did, on normalised records:
 * - the log lines of each writer, in order: every SIP worker counts as one writer `W` (which
 *   worker takes a request is the kernel's choice), every other process by its number;
 * - the bucket of each matched line: it must come within `tolerance` seconds of kamsim's time
 *   (for SIP workers' lines, of kamsim's time plus their median delay), i.e. in the same timer
 *   firing (firings are ≥ 0.4 s apart) or with the same request; together
 *   with the per-writer order this fixes the global sequence up to lines written at the same
 *   moment by different processes, whose real order is a race;
 * - the reply codes of every request (or none);
 * - for pike, the request during which each address was first refused (the `BLOCKing` line),
 *   as far as the moment the harness read Kamailio's line tells (see `realBlocks`).
 */
import type { LogRecord } from "./normalize.js";
import type { SentRequest } from "./sender.js";

export interface Disagreement {
  kind: "log" | "bucket" | "reply" | "pike" | "setup" | "sip";
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
  /** Requests whose replies (or none) agree. */
  repliesAgreed: number;
  /** pike BLOCK lines on Kamailio's side. */
  pikeBlocks: number;
  /** Both sides refused the same requests first (also when neither blocked anything). */
  pikeAgreed: boolean;
  /** Median delay (≥ 0, seconds) of the SIP workers' matched lines after kamsim's. */
  workerDelay: number;
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

const WORKERS = "SIP workers";
/** Seconds after t = 0 within which a child's start-up line may come (see compareLogs). */
export const STARTUP_WINDOW = 1;

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
  const matched: { who: string; k: LogRecord; r: LogRecord }[] = [];
  for (const r of input.kamsim) group(writer(r, input.workers)).k.push(r);
  for (const r of input.real) group(writer(r, input.workers)).r.push(r);
  for (const [w, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const pairs = lcsPairs(
      g.k.map((r) => r.text),
      g.r.map((r) => r.text),
    );
    const inK = new Set(pairs.map(([a]) => a));
    const inR = new Set(pairs.map(([, b]) => b));
    const who = w === "W" ? WORKERS : `process ${w}`;
    result.disagreements.push(
      ...capped("log", `${who}, kamsim only: `, g.k.filter((_, i) => !inK.has(i)).map(show)),
      ...capped("log", `${who}, Kamailio only: `, g.r.filter((_, i) => !inR.has(i)).map(show)),
    );
    for (const [a, b] of pairs) {
      const k = g.k[a] as LogRecord;
      const r = g.r[b] as LogRecord;
      result.skews.push(r.t - k.t);
      result.maxSkew = Math.max(result.maxSkew, Math.abs(k.t - r.t));
      matched.push({ who, k, r });
    }
    result.matched += pairs.length;
  }
  // SIP workers' lines come with requests kamsim handles as they arrive: a delay common to them
  // (a busy machine slowing Kamailio or the harness's reading) is not another request, so their
  // bucket is checked around their median delay (never less than 0). Timer lines keep the
  // absolute check: a timer firing early or late is what the bucket is for.
  const workerDelay = Math.max(0, median(matched.filter((m) => m.who === WORKERS).map((m) => m.r.t - m.k.t)));
  result.workerDelay = workerDelay;
  const late = new Map<string, string[]>();
  for (const { who, k, r } of matched) {
    const expected = who === WORKERS ? workerDelay : 0;
    if (Math.abs(r.t - k.t - expected) <= input.tolerance) continue;
    // A process's start-up line (kamsim writes it at t = 0: the stock config's ctl and jsonrpcs
    // processes) comes when the kernel first runs that freshly forked process, the last of ~17
    // forks: on a busy machine up to 0.7 s after the first fork. That is the machine's timing,
    // not Kamailio's logic; the line's presence and its order in its process are still checked.
    if (who !== WORKERS && k.t === 0 && r.t >= 0 && r.t <= STARTUP_WINDOW) continue;
    const list = late.get(who) ?? [];
    list.push(`${k.text} — kamsim at ${k.t.toFixed(3)} s, Kamailio at ${r.t.toFixed(3)} s`);
    late.set(who, list);
  }
  for (const [who, list] of late)
    result.disagreements.push(...capped("bucket", `${who}, other firing/request: `, list));
}

/** The median of some numbers (0 for none). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor(s.length / 2)] as number);
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
    if (k === r) result.repliesAgreed++;
    else
      diffs.push(
        `request ${q.req} (${q.method} from ${q.src}:${q.sport} at ${q.planned.toFixed(3)} s): kamsim ${k}, Kamailio ${r}`,
      );
  }
  result.disagreements.push(...capped("reply", "", diffs));
}

const BLOCK = /PIKE - BLOCKing ip (\S+),/;

/** A real BLOCK line: the address, and the requests it may belong to. */
export interface RealBlock {
  ip: string;
  /** Request numbers that may have written it (see `realBlocks`), oldest first. */
  candidates: number[];
}

/**
 * The requests each real BLOCK line may belong to: those from that address (or, for an address
 * no request came from, i.e. `pike_check_ip`, any) sent before the line was read and at most
 * `tolerance` plus the SIP workers' median delay earlier. Kamailio writes the line while it
 * handles the request; the harness only knows when it read it, which a busy machine delays.
 * Which request exactly was refused first is also pinned by the replies wherever the script
 * answers refused requests differently.
 */
export function realBlocks(input: Pick<CompareInput, "real" | "requests" | "tolerance">, offset: number): RealBlock[] {
  return input.real.flatMap((r) => {
    const ip = BLOCK.exec(r.text)?.[1];
    if (!ip) return [];
    const before = input.requests.filter((q) => q.sent <= r.t);
    const from = before.some((q) => q.src === ip) ? before.filter((q) => q.src === ip) : before;
    const recent = from.filter((q) => q.sent >= r.t - Math.max(0, offset) - input.tolerance).map((q) => q.req);
    const last = from[from.length - 1];
    return [{ ip, candidates: recent.length > 0 || !last ? recent : [last.req] }];
  });
}

export const showReal = (b: RealBlock) => {
  const c = b.candidates;
  if (c.length === 0) return `${b.ip} at request ?`;
  return c.length === 1 ? `${b.ip} at request ${c[0]}` : `${b.ip} at request ${c[0]}–${c[c.length - 1]}`;
};

function comparePike(input: CompareInput, result: Comparison, offset: number): void {
  const k = input.kamsim.flatMap((r) => {
    const ip = BLOCK.exec(r.text)?.[1];
    return ip ? [{ ip, req: r.req ?? -1 }] : [];
  });
  const r = realBlocks(input, offset);
  result.pikeBlocks = r.length;
  result.pikeAgreed =
    k.length === r.length && k.every((b, i) => b.ip === r[i]?.ip && (r[i]?.candidates.includes(b.req) ?? false));
  if (!result.pikeAgreed)
    result.disagreements.push({
      kind: "pike",
      text: `first refused: kamsim [${k.map((b) => `${b.ip} at request ${b.req}`).join("; ")}], Kamailio [${r.map(showReal).join("; ")}]`,
    });
}

/** Compares the two sides of a case. */
export function compareRuns(input: CompareInput): Comparison {
  const result: Comparison = {
    disagreements: [],
    matched: 0,
    maxSkew: 0,
    skews: [],
    repliesAgreed: 0,
    pikeBlocks: 0,
    pikeAgreed: true,
    workerDelay: 0,
  };
  compareLogs(input, result);
  compareReplies(input, result);
  comparePike(input, result, result.workerDelay);
  return result;
}
