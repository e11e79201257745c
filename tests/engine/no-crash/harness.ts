/**
 * Runs the no-crash property test's cases: builds a config around them, compiles it and, when it
 * compiles, simulates a few requests (odd raw ones included), a timer and a hash table's expiry.
 * A crash is an exception out of compileConfig, createSimulation or a run, a run that takes too
 * long, or an engine invariant broken (events out of time order, a JavaScript value in a log
 * line). Kamailio-style errors — diagnostics, log lines — are the expected outcome.
 */
import {
  compileConfig,
  createSimulation,
  parseTrafficText,
  type SimEvent,
  type TrafficPlan,
} from "../../../src/engine/index.js";
import { type Case, loadedModules, RUN_SLOTS, type Slot } from "./cases.js";

/** A crash found, with the config and traffic that show it. */
export interface Crash {
  phase: "compile" | "start" | "run" | "invariant" | "slow";
  message: string;
  config: string;
  raw: string[];
}

/** The route block each slot's statements go in. */
const BLOCKS: Record<Slot, string> = {
  request: "request_route",
  timer: "route[TIMER]",
  init: "event_route[htable:mod-init]",
  expired: "event_route[htable:expired:t]",
  reply: "reply_route",
  onreply: "onreply_route[R]",
  failure: "failure_route[F]",
  branch: "branch_route[B]",
  onsend: "onsend_route",
};

const PRELUDE = (all: boolean) => `#!KAMAILIO
#!define D "x"
#!define N 5
debug=3
children=2
max_while_loops=20
${loadedModules(all)
  .map((m) => `loadmodule "${m}.so"`)
  .join("\n")}
modparam("htable", "htable", "t=>size=4;autoexpire=1")
modparam("htable", "timer_interval", 1)
modparam("mqueue", "mqueue", "name=q")
modparam("rtimer", "timer", "name=tm;interval=1;mode=1")
modparam("rtimer", "exec", "timer=tm;route=TIMER")
`;

/** The marker a case's route logs first, so a run shows which cases it reached. */
export const marker = (n: number) => `nc-start:${n}:`;

/**
 * The config for some cases: each case in a route of its own (`route[C<n>]`), called from its
 * slot's block, so that one case's statements cannot change how the next is parsed.
 */
export function buildConfig(cases: readonly Case[], numbers?: readonly number[]): string {
  const prelude = PRELUDE(cases.some((c) => c.catalog));
  const calls = new Map<Slot, string[]>();
  const routes: string[] = [];
  cases.forEach((c, i) => {
    const n = numbers?.[i] ?? i;
    const list = calls.get(c.slot) ?? [];
    list.push(`    route(C${n});`);
    calls.set(c.slot, list);
    const indented = c.body
      .split("\n")
      .map((l) => `    ${l}`)
      .join("\n");
    routes.push(`route[C${n}] {\n    xlog("L_ALERT", "${marker(n)}\\n");\n${indented}\n}`);
  });
  const slots = Object.keys(BLOCKS) as Slot[];
  const blocks = slots.map((s) => {
    const body = s === "request" ? ["    $sht(t=>k) = 1;", ...(calls.get(s) ?? [])] : (calls.get(s) ?? []);
    if (body.length === 0 && s !== "timer") return "";
    // Kamailio 5.6's grammar has no empty block.
    if (body.length === 0) body.push("    $var(e) = 0;");
    return `${BLOCKS[s]} {\n${body.join("\n")}\n}\n`;
  });
  const top = cases.flatMap((c) => (c.top ? [c.top] : []));
  return `${prelude}${top.map((l) => `${l}\n`).join("")}${blocks.join("")}${routes.join("\n")}\n`;
}

/**
 * The case (its index in `cases`) whose text holds line `line` (1-based) of `buildConfig(cases)`:
 * the route of its own the line is in, or its top-level line. Undefined for the config's own lines.
 */
export function caseAtLine(config: string, cases: readonly Case[], line: number): number | undefined {
  const lines = config.split("\n");
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i] as string;
    const own = /^route\[C(\d+)\] \{$/.exec(text);
    if (own) return Number(own[1]);
    if (/^\S/.test(text)) {
      const top = cases.findIndex((c) => c.top === text);
      return top < 0 ? undefined : top;
    }
  }
  return undefined;
}

/** Odd requests, as a traffic file's raw `messages`; those the loader refuses are left out. */
const ODD_RAW: readonly string[] = [
  "OPTIONS sip:x@h SIP/2.0\r\nX: y\r\n\r\n",
  "INVITE sip: SIP/2.0\r\nVia: \r\nFrom: \r\nTo: \r\nCall-ID: \r\nCSeq: \r\n\r\n",
  'MESSAGE tel:+1 SIP/2.0\r\nVia: SIP/2.0/UDP [::1]:99999;branch=z9hG4bK1;rport=x\r\nFrom: <sip:a@b>;tag=1\r\nTo: "\\"" <sip:c@d>\r\nCall-ID: ü😀\r\nCSeq: abc INVITE\r\nMax-Forwards: -1\r\nContent-Length: 99\r\n\r\nbody\u0000\r\n',
  "REGISTER sips:a@[::1]:0;transport=;lr SIP/2.0\r\nv: SIP/2.0/TCP h\r\nf: sip:x\r\nt: sip:y;tag=\r\ni: 1\r\nm: *\r\nl: 0\r\nMax-Forwards: 99999999999\r\nExpires: -5\r\n\r\n",
  `SUBSCRIBE sip:${"u".repeat(2000)}@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK2\r\nX-Long: ${"v".repeat(3000)}\r\nCSeq: 1 SUBSCRIBE\r\nCSeq: 2 SUBSCRIBE\r\n\r\n`,
  "X sip:x SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n cont\r\nContent-Type: text/plain\r\nContent-Length: -1\r\n\r\n\r\n\r\n",
  "\r\n\r\n",
  "garbage",
  "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\n\r\n",
  "INVITE sip:x@h SIP/2.0\r\n\r\n",
  "INVITE  sip:x@h  SIP/3.0\r\nVia: SIP/2.0/UDP h\r\n\r\n",
  "OPTIONS sip:\ud800@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=\u0000\r\nFrom: \udfff\r\n\r\n",
  "OPTIONS sip:x@h SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n: novalue\r\nX:\r\n\r\n",
  "BYE sip:x@h SIP/2.0\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK3\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>;tag=2\nCall-ID: c\nCSeq: 4294967296 BYE\nRecord-Route: <sip:r;lr>, <sip:s>\nRoute: <>\nContact: <sip:c@d>;expires=abc\n\n",
];

let acceptedRaw: string[] | undefined;

/** The odd requests the traffic loader takes today (the receive path may take more later). */
export function oddMessages(): string[] {
  acceptedRaw ??= ODD_RAW.filter((raw) => {
    const t = parseTrafficText(JSON.stringify({ duration: 1, messages: [{ at: 0.1, src: "192.0.2.9", raw }] }));
    return !("errors" in t);
  });
  return acceptedRaw;
}

function plan(raw: readonly string[]): TrafficPlan {
  const t = parseTrafficText(
    JSON.stringify({
      duration: 2.5,
      seed: 7,
      streams: [{ name: "s", src: "192.0.2.1", method: "INVITE", rate: 1, pattern: "uniform", start: 0.1, stop: 1 }],
      messages: raw.map((r, i) => ({ at: 0.3 + i * 0.2, src: i % 2 ? "2001:db8::1" : "198.51.100.7", raw: r })),
      endpoints: { "http://h.example.com/*": { latency: 0.01, status: 200, body: "ok" } },
    }),
  );
  if ("errors" in t) throw new Error(`the test's own traffic is refused: ${JSON.stringify(t.errors)}`);
  return t.plan;
}

/** What one config gave: a crash, a config with errors, or a run and the cases it reached. */
export type Outcome = { crash: Crash } | { refused: true; lines: number[] } | { ran: Set<number> };

/** Words a log line may only hold when the config wrote them: JavaScript values leaking out. */
const LEAKS = ["[object ", "NaN", "undefined", "Infinity"];

/** Kernel tasks a run may take: an ordinary one takes a few hundred. */
const MAX_TASKS = 1_000_000;

/** What was thrown, by its class and content: the engine throws some non-Error values. */
function describeThrown(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  if (typeof err === "object" && err !== null) return `${err.constructor?.name ?? "Object"}: ${JSON.stringify(err)}`;
  return String(err);
}

/** Compiles `config` and, when it compiles and `run` is set, simulates it against `raw`. */
export function judge(config: string, raw: readonly string[], run: boolean): Outcome {
  // A hang is counted in kernel tasks (MAX_TASKS), not in wall time: the machine is shared, and
  // speed is for benchmarks. A hang inside one task is caught by the test's own timeout.
  const crash = (phase: Crash["phase"], err: unknown): Outcome => ({
    crash: {
      phase,
      message: describeThrown(err),
      config,
      raw: [...raw],
    },
  });
  let compiled: ReturnType<typeof compileConfig>;
  try {
    compiled = compileConfig(config, { name: "kamailio.cfg" });
  } catch (err) {
    return crash("compile", err);
  }
  if (!compiled.ok) {
    const lines = compiled.diagnostics
      .filter((d) => d.severity === "error" && d.span.file === 0)
      .map((d) => config.slice(0, d.span.start).split("\n").length);
    return { refused: true, lines };
  }
  if (!run) return { ran: new Set() };
  const ran = new Set<number>();
  let lastT = 0;
  let broken: string | undefined;
  const onEvent = (e: SimEvent) => {
    if (e.t < lastT) broken ??= `event ${e.kind} at ${e.t} after one at ${lastT}`;
    lastT = e.t;
    if (e.kind !== "log") return;
    const m = /nc-start:(\d+):/.exec(e.line);
    if (m) ran.add(Number(m[1]));
    for (const w of LEAKS) if (e.line.includes(w) && !config.includes(w)) broken ??= `log line holds "${w}": ${e.line}`;
  };
  let sim: ReturnType<typeof createSimulation>;
  const p = plan(raw);
  try {
    sim = createSimulation(compiled, p, { onEvent, stepBudget: 200_000 });
  } catch (err) {
    return crash("start", err);
  }
  try {
    // Step by step, so that a loop of tasks at one instant (which would never return) is caught.
    for (let n = 0; ; n++) {
      const next = sim.kernel.nextTime();
      if (next === undefined || next > p.duration) break;
      if (n === MAX_TASKS) return crash("slow", new Error(`more than ${MAX_TASKS} tasks before ${next} µs`));
      sim.step();
    }
    sim.runUntil(p.duration);
  } catch (err) {
    return crash("run", err);
  }
  if (broken) return crash("invariant", new Error(broken));
  return { ran };
}

/** Whether a slot's block runs in the simulation. */
export const runs = (s: Slot) => (RUN_SLOTS as readonly string[]).includes(s);

/** The crash's kind, to tell whether a smaller config shows the same one. */
export const signature = (c: Crash) => `${c.phase}: ${c.message.split("\n")[0]?.replace(/\d+/g, "N")}`;

/**
 * The smallest list of cases (and odd messages) that still gives a crash of the same kind:
 * ddmin over the cases, then each message left out in turn.
 */
export function shrink(cases: readonly Case[], crash: Crash): { cases: Case[]; crash: Crash } {
  const want = signature(crash);
  const run = cases.some((c) => runs(c.slot));
  const fails = (cs: readonly Case[], raw: readonly string[]): Crash | undefined => {
    const o = judge(buildConfig(cs), raw, run);
    return "crash" in o && signature(o.crash) === want ? o.crash : undefined;
  };
  let current = [...cases];
  let raw = [...crash.raw];
  let best = crash;
  let n = 2;
  while (current.length >= 2) {
    const size = Math.ceil(current.length / n);
    let reduced = false;
    for (let i = 0; i < current.length; i += size) {
      const complement = [...current.slice(0, i), ...current.slice(i + size)];
      const c = fails(complement, raw);
      if (c) {
        current = complement;
        best = c;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= current.length) break;
      n = Math.min(current.length, n * 2);
    }
  }
  for (let i = raw.length - 1; i >= 0; i--) {
    const fewer = [...raw.slice(0, i), ...raw.slice(i + 1)];
    const c = fails(current, fewer);
    if (c) {
      raw = fewer;
      best = c;
    }
  }
  return { cases: current, crash: best };
}
