/**
 * Names the config defines, read from its text: route blocks, loaded modules, modparams, and
 * the queues (mqueue), timers (rtimer) and hash tables (htable) those modparams declare.
 * Completion offers them; go to definition finds route blocks here.
 */
import { codeTokens, embeddedPvs, type Token, tokenize, unquote } from "./tokens.js";

/** Route block kinds, by their keyword (`route[NAME]`, `failure_route[NAME]`, ...). */
export const NAMED_ROUTE_KINDS = [
  "route",
  "failure_route",
  "branch_route",
  "onreply_route",
  "branch_failure_route",
  "event_route",
] as const;

export type RouteKind = (typeof NAMED_ROUTE_KINDS)[number];

/** A `KIND[NAME] {` block header. */
export interface RouteDefinition {
  kind: RouteKind;
  name: string;
  /** Offsets of the name inside the brackets. */
  start: number;
  end: number;
}

/** One `modparam("module", "param", value)`. */
export interface Modparam {
  module: string;
  param: string;
  value: string;
  /** Offset of the value's first character (inside its quotes). */
  valueStart: number;
}

/** One call `name(` in the code. */
export interface CallSite {
  name: string;
  start: number;
  end: number;
}

/** Everything the helpers need to know about a config's own names. */
export interface ConfigNames {
  routes: RouteDefinition[];
  modules: string[];
  modparams: Modparam[];
  queues: string[];
  timers: string[];
  htables: string[];
  vars: string[];
  calls: CallSite[];
}

const NOT_CALLS = new Set(["if", "while", "switch", "return", "route", "modparam", "loadmodule", "case"]);

function isRouteKind(word: string): word is RouteKind {
  return (NAMED_ROUTE_KINDS as readonly string[]).includes(word);
}

/** `KIND [ NAME ]`: the name is the raw text between the brackets (`htable:mod-init`, `"X"`). */
function routeAt(text: string, toks: readonly Token[], i: number): RouteDefinition | undefined {
  const kw = toks[i] as Token;
  const open = toks[i + 1];
  if (!isRouteKind(kw.text) || open?.text !== "[") return undefined;
  const close = text.indexOf("]", open.end);
  const nl = text.indexOf("\n", open.end);
  if (close === -1 || (nl !== -1 && nl < close)) return undefined;
  const raw = text.slice(open.end, close);
  const lead = raw.length - raw.trimStart().length;
  let name = raw.trim();
  let start = open.end + lead;
  if (/^["'].*["']$/.test(name)) {
    name = name.slice(1, -1);
    start++;
  }
  return { kind: kw.text, name, start, end: start + name.length };
}

/** The module a `loadmodule "path/name.so"` loads. */
export function moduleOfPath(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return base.endsWith(".so") ? base.slice(0, -3) : base;
}

function literal(t: Token | undefined): string | undefined {
  return t && (t.kind === "string" || t.kind === "number") ? unquote(t) : undefined;
}

function modparamAt(toks: readonly Token[], i: number): Modparam | undefined {
  if (toks[i]?.text !== "modparam" || toks[i + 1]?.text !== "(") return undefined;
  const module = literal(toks[i + 2]);
  const param = literal(toks[i + 4]);
  const v = toks[i + 6];
  const value = literal(v);
  if (module === undefined || param === undefined || value === undefined || !v) return undefined;
  return { module, param, value, valueStart: v.kind === "string" ? v.start + 1 : v.start };
}

/** `key=value` pairs of a `name=q;size=10` modparam value. */
export function keyValues(value: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

function declared(modparams: readonly Modparam[]): Pick<ConfigNames, "queues" | "timers" | "htables"> {
  const queues: string[] = [];
  const timers: string[] = [];
  const htables: string[] = [];
  for (const m of modparams) {
    if (m.module === "mqueue" && m.param === "mqueue") pushName(queues, keyValues(m.value).get("name"));
    if (m.module === "mqueue" && m.param === "mqueue_name") pushName(queues, m.value.trim());
    if (m.module === "rtimer" && m.param === "timer") pushName(timers, keyValues(m.value).get("name"));
    // htable's definition is `name=>attr=value;...` (htable module docs, parameter htable).
    if (m.module === "htable" && m.param === "htable") pushName(htables, m.value.split("=>")[0]?.trim());
  }
  return { queues, timers, htables };
}

function pushName(list: string[], name: string | undefined): void {
  if (name && !list.includes(name)) list.push(name);
}

/** Reads the names a config defines. */
export function collectNames(text: string): ConfigNames {
  const toks = codeTokens(tokenize(text));
  const names: ConfigNames = {
    routes: [],
    modules: [],
    modparams: [],
    queues: [],
    timers: [],
    htables: [],
    vars: [],
    calls: [],
  };
  toks.forEach((t, i) => {
    for (const pv of t.kind === "pv" ? [t] : embeddedPvs(t)) {
      pushName(names.vars, /^\$var\(([^)]*)\)/.exec(pv.text)?.[1]?.trim());
    }
    if (t.kind !== "ident") return;
    const route = routeAt(text, toks, i);
    if (route) names.routes.push(route);
    const mp = modparamAt(toks, i);
    if (mp) names.modparams.push(mp);
    if (t.text === "loadmodule" || t.text === "loadmodulex") {
      const arg = toks[i + 1]?.text === "(" ? toks[i + 2] : toks[i + 1];
      if (arg?.kind === "string") pushName(names.modules, moduleOfPath(unquote(arg)));
    }
    if (toks[i + 1]?.text === "(" && !NOT_CALLS.has(t.text) && toks[i - 1]?.text !== "$") {
      names.calls.push({ name: t.text, start: t.start, end: t.end });
    }
  });
  return { ...names, ...declared(names.modparams) };
}

/** Route names of one kind, in the order they are defined. */
export function routeNames(names: ConfigNames, kind: RouteKind): string[] {
  const out: string[] = [];
  for (const r of names.routes) if (r.kind === kind) pushName(out, r.name);
  return out;
}
