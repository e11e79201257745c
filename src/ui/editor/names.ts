/**
 * Names the config defines. Route blocks, `$var` names and calls are read from the text the
 * editor holds now (the engine's tokens); loaded modules and the queues (mqueue), timers
 * (rtimer) and hash tables (htable) come from the engine's ProgramInfo of the config last
 * checked, so they are read exactly as Kamailio reads the modparams. Completion offers them; go
 * to definition finds route blocks here.
 */
import type { ProgramInfo } from "../../engine/index.js";
import { codeTokens, embeddedPvs, type Token, tokenize } from "./tokens.js";

/** Route block kinds, by their keyword (`route[NAME]`, `failure_route[NAME]`, ...). */
const NAMED_ROUTE_KINDS = [
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

function pushName(list: string[], name: string | undefined): void {
  if (name && !list.includes(name)) list.push(name);
}

/** Reads the names a config defines: from its text, and from the engine's `program` info of it. */
export function collectNames(text: string, program?: ProgramInfo): ConfigNames {
  const toks = codeTokens(tokenize(text));
  const names: ConfigNames = {
    routes: [],
    modules: program?.modules.map((m) => m.name) ?? [],
    queues: program?.queues.map((q) => q.name) ?? [],
    timers: program?.timers.map((t) => t.name) ?? [],
    htables: program?.htables.map((t) => t.name) ?? [],
    vars: [],
    calls: [],
  };
  toks.forEach((t, i) => {
    for (const pv of t.kind === "pvar" ? [t] : embeddedPvs(t)) {
      pushName(names.vars, /^\$var\(([^)]*)\)/.exec(pv.text)?.[1]?.trim());
    }
    if (t.kind !== "ident") return;
    const route = routeAt(text, toks, i);
    if (route) names.routes.push(route);
    if (toks[i + 1]?.text === "(" && !NOT_CALLS.has(t.text) && toks[i - 1]?.text !== "$") {
      names.calls.push({ name: t.text, start: t.start, end: t.end });
    }
  });
  return names;
}

/** Route names of one kind, in the order they are defined. */
export function routeNames(names: ConfigNames, kind: RouteKind): string[] {
  const out: string[] = [];
  for (const r of names.routes) if (r.kind === kind) pushName(out, r.name);
  return out;
}
