/**
 * Completion as plain data: the context at the cursor (context.ts), the config's own names
 * (names.ts, with the engine's ProgramInfo) and the module catalog give the items to offer and
 * where the replaced text starts.
 */
import type { ProgramInfo } from "../../engine/index.js";
import {
  availableFunctions,
  availablePvars,
  type CatalogIndex,
  findFunction,
  routeKindOfArg,
} from "./catalog-index.js";
import { type CompletionContext, completionContext } from "./context.js";
import { type ConfigNames, collectNames, routeNames } from "./names.js";
import {
  coreParamItem,
  functionItem,
  LOG_LEVELS,
  modparamItem,
  moduleItem,
  nameItem,
  pvItem,
  type Suggestion,
  statementKeywords,
  topLevelKeywords,
} from "./suggest-items.js";

export type { Suggestion } from "./suggest-items.js";

/** Items to offer, replacing the text from `from` to the cursor. */
export interface Suggestions {
  /** The kind of context at the cursor (context.ts). */
  kind: CompletionContext["kind"];
  from: number;
  items: Suggestion[];
}

function names(kind: Suggestion["kind"], list: readonly string[], quote: boolean, detail: string): Suggestion[] {
  return list.map((n) => nameItem(kind, n, quote, detail));
}

function pvInner(pv: string, index: CatalogIndex, n: ConfigNames): Suggestion[] {
  // Which PVs take a queue or a table (`table=>key`) is the modules' declaration (the catalog).
  const takes = index.pvars.get(pv)?.names;
  if (takes === "queue") return names("queue", n.queues, false, "mqueue queue");
  if (takes === "htable") {
    return n.htables.map((t) => ({ ...nameItem("htable", t, false, "htable"), insert: `${t}=>` }));
  }
  if (pv === "var" || pv === "vz" || pv === "vn") return names("variable", n.vars, false, "$var");
  return [];
}

function argument(
  ctx: Extract<CompletionContext, { kind: "argument" }>,
  index: CatalogIndex,
  n: ConfigNames,
): Suggestion[] {
  if (ctx.fn === "route") return names("route", routeNames(n, "route"), ctx.quoted, "route");
  const fn = findFunction(index, ctx.fn, n.modules)?.fn;
  const arg = fn?.argNames?.[ctx.index];
  if (!arg) return [];
  const quote = !ctx.quoted;
  if (arg === "queue") return names("queue", n.queues, quote, "mqueue queue");
  if (arg.startsWith("table")) return names("htable", n.htables, quote, "htable");
  const kind = routeKindOfArg(arg);
  if (kind) return names("route", routeNames(n, kind), quote, kind);
  if (arg === "level" || arg === "facility") return names("value", LOG_LEVELS, quote, "log level");
  return [];
}

function modparamValue(
  ctx: Extract<CompletionContext, { kind: "modparam-value" }>,
  index: CatalogIndex,
  n: ConfigNames,
): Suggestion[] {
  const id = `${ctx.module}.${ctx.param}`;
  if (id === "rtimer.exec" && ctx.key === "timer") return names("timer", n.timers, false, "rtimer timer");
  if (id === "rtimer.exec" && ctx.key === "route") return names("route", routeNames(n, "route"), false, "route");
  if (ctx.key !== undefined) return [];
  // The attributes a `key=value;...` value takes are the module's declaration (the catalog).
  const keys = index.modules.get(ctx.module)?.params.find((p) => p.name === ctx.param)?.keys ?? [];
  return keys.map((k) => ({ label: `${k}=`, kind: "value", insert: `${k}=`, detail: id, retrigger: true }));
}

function statement(index: CatalogIndex, n: ConfigNames): Suggestion[] {
  return [...availableFunctions(index, n.modules).map(functionItem), ...statementKeywords()];
}

function topLevel(index: CatalogIndex): Suggestion[] {
  return [...[...index.coreParams.values()].map(coreParamItem), ...topLevelKeywords()];
}

function itemsFor(ctx: CompletionContext, index: CatalogIndex, n: ConfigNames): Suggestion[] {
  switch (ctx.kind) {
    case "none":
      return [];
    case "module":
      return [...index.modules.values()].map((m) => moduleItem(m, !ctx.quoted, true));
    case "modparam-module":
      return n.modules.flatMap((m) => {
        const mod = index.modules.get(m);
        return mod ? [moduleItem(mod, !ctx.quoted, false)] : [nameItem("module", m, !ctx.quoted, "module")];
      });
    case "modparam-param":
      return (index.modules.get(ctx.module)?.params ?? []).map((p) => modparamItem(ctx.module, p, !ctx.quoted));
    case "modparam-value":
      return modparamValue(ctx, index, n);
    case "pv":
      return availablePvars(index, n.modules).map(pvItem);
    case "pv-inner":
      return pvInner(ctx.pv, index, n);
    case "argument":
      return argument(ctx, index, n);
    case "statement":
      return statement(index, n);
    case "top-level":
      return topLevel(index);
  }
}

/** What to offer at `offset` in the config `text`; `program` is the engine's info of the config last checked. */
export function suggest(text: string, offset: number, index: CatalogIndex, program?: ProgramInfo): Suggestions {
  const ctx = completionContext(text, offset);
  if (ctx.kind === "none") return { kind: ctx.kind, from: offset, items: [] };
  return { kind: ctx.kind, from: ctx.from, items: itemsFor(ctx, index, collectNames(text, program)) };
}
