/**
 * What a config declares, as typed plain data for front ends: the loaded modules, the route
 * blocks, mqueue's queues, rtimer's timers, htable's tables and pike's settings. The editor
 * (completion, go to definition) and the playground's views read this instead of parsing
 * modparams themselves or reading module internals. Each module's own parameter reader decides
 * the values (mqueue/params.ts, rtimer/params.ts, htable/params.ts, pike/params.ts), applied to
 * the `modparam`s in file order as the simulation applies them; this file only adds where each
 * name is written, so an editor can jump to it.
 */
import { lineColAt, type Span } from "./base/source.js";
import type { ModParam, RouteKindName } from "./lang/ast.js";
import type { FrontEndResult } from "./lang/compile.js";
import { sourceOffsetInString } from "./lang/lexer.js";
import { modparamReaches } from "./lang/modparam-module.js";
import { parseHtableDef } from "./modules/htable/params.js";
import { MqueueTable } from "./modules/mqueue/params.js";
import { pikeLimit, readPikeParams } from "./modules/pike/params.js";
import { RtimerTable } from "./modules/rtimer/params.js";
import { type RouteUseInfo, routeUses } from "./route-uses.js";

export type { RouteRef, RouteUseInfo } from "./route-uses.js";

export interface ModuleInfo {
  name: string;
  /** kamsim simulates what its functions do (otherwise they are only checked, or not even that). */
  simulated: boolean;
}

export interface RouteInfo {
  kind: RouteKindName;
  /** "" for an unnamed block (`request_route`). */
  name: string;
  /** Where the name is written (the keyword's block when unnamed). */
  span: Span;
}

export interface QueueInfo {
  name: string;
  /** `size`: the most items it holds; 0 = no limit. */
  size: number;
  addmode: number;
  /** Where the name is written in its `modparam`. */
  span: Span;
}

export interface TimerInfo {
  name: string;
  intervalUs: number;
  /** 0: runs on the core's timer process; N ≥ 1: N processes of its own. */
  mode: number;
  /** Routes it runs, in the order it runs them. */
  routes: string[];
  span: Span;
}

export interface HtableInfo {
  name: string;
  size: number;
  /** Seconds after which an item expires; 0 = never. */
  autoexpire: number;
  initval?: number;
  span: Span;
}

export interface PikeInfo {
  samplingTimeUnit: number;
  reqsDensityPerUnit: number;
  removeLatency: number;
  /** Hits per window above which an address is blocked (as pike stores the density). */
  limit: number;
  /** One window, in µs. */
  windowUs: number;
}

export interface ProgramInfo {
  modules: ModuleInfo[];
  routes: RouteInfo[];
  /** Where the config names a route: `route(X)`, `t_on_failure("X")`…, rtimer's exec (route-uses.ts). */
  routeUses: RouteUseInfo[];
  queues: QueueInfo[];
  timers: TimerInfo[];
  htables: HtableInfo[];
  /** Present when pike is loaded. */
  pike?: PikeInfo;
  /** Functions the config calls that kamsim does not simulate (they return 1 and do nothing). */
  unsimulatedCalls: string[];
  /**
   * Lines of the main file that `#!ifdef`/`#!ifndef`/`#!else` leave unread with the defines
   * given (1-based, both ends included; the directives' own lines are not in them), for an
   * editor to dim.
   */
  inactiveLines: LineRange[];
}

export interface LineRange {
  from: number;
  to: number;
}

/**
 * The `modparam`s that reach a loaded module, in file order: the module argument is an anchored,
 * case-insensitive regex (core/modparam.c, set_mod_param_regex()).
 */
function paramsOf(front: FrontEndResult, module: string): ModParam[] {
  return front.config.items.filter((i): i is ModParam => {
    return i.kind === "ModParam" && modparamReaches(i.module, module);
  });
}

/** Offset, in a `key=value;...` text, of the value of `key` (compared without case). */
function attrValueOffset(text: string, key: string): number | undefined {
  let at = 0;
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim().toLowerCase() === key) {
      const value = part.slice(eq + 1);
      return at + eq + 1 + (value.length - value.trimStart().length);
    }
    at += part.length + 1;
  }
  return undefined;
}

/** The span of `length` characters written at `offset` of a modparam's value, in the source. */
function spanInValue(front: FrontEndResult, p: ModParam, offset: number | undefined, length: number): Span {
  const raw = front.files[p.valueSpan.file]?.text.slice(p.valueSpan.start, p.valueSpan.end) ?? "";
  if (offset === undefined || p.valueType !== "string" || (raw[0] !== '"' && raw[0] !== "'")) return p.valueSpan;
  const at = (o: number) => (raw[0] === "'" ? o + 1 : sourceOffsetInString(raw, o));
  const start = p.valueSpan.start + at(offset);
  const end = length > 0 ? p.valueSpan.start + at(offset + length - 1) + 1 : start;
  return { file: p.valueSpan.file, start, end };
}

function queues(front: FrontEndResult, params: readonly ModParam[]): QueueInfo[] {
  const table = new MqueueTable();
  const out: QueueInfo[] = [];
  for (const p of params) {
    const before = table.queues.length;
    if (table.modparam(p.param, p.value) !== undefined || table.queues.length === before) continue;
    const q = table.queues[before];
    if (!q) continue;
    const text = String(p.value);
    const offset = p.param === "mqueue" ? attrValueOffset(text, "name") : text.indexOf(q.name);
    out.push({ name: q.name, size: q.size, addmode: q.addmode, span: spanInValue(front, p, offset, q.name.length) });
  }
  return out;
}

function timers(front: FrontEndResult, params: readonly ModParam[]): TimerInfo[] {
  const table = new RtimerTable();
  const spans: Span[] = [];
  for (const p of params) {
    const before = table.timers.length;
    if (table.modparam(p.param, p.value) !== undefined || table.timers.length === before) continue;
    const name = table.timers[before]?.name ?? "";
    spans.push(spanInValue(front, p, attrValueOffset(String(p.value), "name"), name.length));
  }
  // `exec` lines add routes to the timers afterwards: read them once all are applied.
  return table.timers.map((t, i) => ({
    name: t.name,
    intervalUs: t.intervalUs,
    mode: t.mode,
    routes: [...t.routes],
    span: spans[i] as Span,
  }));
}

function htables(front: FrontEndResult, params: readonly ModParam[]): HtableInfo[] {
  const out: HtableInfo[] = [];
  for (const p of params) {
    if (p.param !== "htable") continue;
    const def = parseHtableDef(String(p.value));
    // A second definition of a name is ignored at run time (htable/runtime.ts keeps the first).
    if ("error" in def || out.some((t) => t.name === def.name)) continue;
    const text = String(p.value);
    const offset = text.length - text.trimStart().length;
    const t: HtableInfo = {
      name: def.name,
      size: def.size,
      autoexpire: def.autoexpire,
      span: spanInValue(front, p, offset, def.name.length),
    };
    if (def.initval !== undefined) t.initval = def.initval;
    out.push(t);
  }
  return out;
}

/**
 * The checker warns `not_simulated` once per such function, at its first call, over the call's
 * name (lang/check/calls.ts): the names are the text those warnings cover.
 */
function unsimulatedCalls(front: FrontEndResult): string[] {
  const out = new Set<string>();
  for (const d of front.diagnostics) {
    if (d.code !== "not_simulated") continue;
    const name = front.files[d.span.file]?.text.slice(d.span.start, d.span.end) ?? "";
    // A module's own warning covers its `"name.so"` path, not a function name.
    if (/^[A-Za-z_]\w*$/.test(name)) out.add(name);
  }
  return [...out];
}

function routes(front: FrontEndResult): RouteInfo[] {
  const out: RouteInfo[] = [];
  for (const i of front.config.items) {
    if (i.kind !== "RouteBlock") continue;
    out.push({ kind: i.routeKind, name: i.name ?? "", span: i.nameSpan ?? i.span });
  }
  return out;
}

/**
 * The main file's skipped text as whole lines: a skip starts at the end of the directive's line
 * and ends at the start of the directive that resumes reading (or the file's end), so its lines
 * are those strictly between, plus the last one when the skip ends inside a line.
 */
function inactiveLines(front: FrontEndResult): LineRange[] {
  const file = front.files[0];
  const spans = front.inactive.filter((s) => s.file === 0);
  if (!file || spans.length === 0) return [];
  const out: LineRange[] = [];
  for (const s of spans) {
    const from = lineColAt(file, s.start).line + 1;
    const end = lineColAt(file, s.end);
    const before = file.text.slice(s.end - (end.col - 1), s.end);
    const to = before.trim() === "" ? end.line - 1 : end.line;
    if (from <= to) out.push({ from, to });
  }
  return out;
}

/** What a compiled config declares. Works on a config with errors too, from what could be read. */
export function programInfo(front: FrontEndResult): ProgramInfo {
  const loaded = new Set(front.checked.modules.map((m) => m.name));
  const of = (name: string) => (loaded.has(name) ? paramsOf(front, name) : []);
  const timerInfo = timers(front, of("rtimer"));
  const info: ProgramInfo = {
    modules: front.checked.modules.map((m) => ({ name: m.name, simulated: m.def?.simulated === true })),
    routes: routes(front),
    routeUses: routeUses(front, timerInfo),
    queues: queues(front, of("mqueue")),
    timers: timerInfo,
    htables: htables(front, of("htable")),
    unsimulatedCalls: unsimulatedCalls(front),
    inactiveLines: inactiveLines(front),
  };
  if (loaded.has("pike")) {
    const p = readPikeParams(of("pike").map((m) => ({ name: m.param, value: m.value })));
    info.pike = {
      samplingTimeUnit: p.samplingTimeUnit,
      reqsDensityPerUnit: p.reqsDensityPerUnit,
      removeLatency: p.removeLatency,
      limit: pikeLimit(p),
      windowUs: p.samplingTimeUnit * 1_000_000,
    };
  }
  return info;
}
