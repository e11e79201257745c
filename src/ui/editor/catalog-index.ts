/**
 * The module catalog (plain data from the engine's public API) indexed by name for completion
 * and hover: functions and pseudo-variables with the module that exports them, modules, core
 * parameters.
 */
import type { Catalog, CatalogFunction, CatalogModule } from "../../engine/index.js";
import type { RouteKind } from "./names.js";

/** A function and where it comes from (`module` undefined: the core). */
export interface FunctionEntry {
  fn: CatalogFunction;
  module: string | undefined;
}

/** A pseudo-variable class (`$si`, `$mqk(q)`) and where it comes from. */
export interface PvEntry {
  name: string;
  /** "none": `$name`; otherwise it takes an inner name, `$name(inner)`. */
  inner: string;
  writable: boolean;
  /** What the inner name names: a queue or a hash table of the config (the module's declaration). */
  names?: "queue" | "htable";
  doc: string;
  module: string | undefined;
}

export type CoreParam = Catalog["core"]["params"][number];

export interface CatalogIndex {
  modules: Map<string, CatalogModule>;
  /** Every function by name; a name exported twice lists the core first. */
  functions: Map<string, FunctionEntry[]>;
  pvars: Map<string, PvEntry>;
  coreParams: Map<string, CoreParam>;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes a catalog (once per page: the catalog does not change). */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  const functions = new Map<string, FunctionEntry[]>();
  const pvars = new Map<string, PvEntry>();
  for (const fn of catalog.core.functions) add(functions, fn.name, { fn, module: undefined });
  for (const p of catalog.core.pvars) pvars.set(p.name, { ...p, module: undefined });
  for (const m of catalog.modules) {
    for (const fn of m.functions) add(functions, fn.name, { fn, module: m.name });
    for (const p of m.pvars) if (!pvars.has(p.name)) pvars.set(p.name, { ...p, module: m.name });
  }
  return {
    modules: new Map(catalog.modules.map((m) => [m.name, m])),
    functions,
    pvars,
    coreParams: new Map(catalog.core.params.map((p) => [p.name, p])),
  };
}

/** The function a call names: from a loaded module first, then the core, then any module. */
export function findFunction(index: CatalogIndex, name: string, loaded: readonly string[]): FunctionEntry | undefined {
  const all = index.functions.get(name);
  if (!all) return undefined;
  return (
    all.find((e) => e.module !== undefined && loaded.includes(e.module)) ??
    all.find((e) => e.module === undefined) ??
    all[0]
  );
}

/** Functions callable with these modules loaded: the core's and the loaded modules'. */
export function availableFunctions(index: CatalogIndex, loaded: readonly string[]): FunctionEntry[] {
  const out: FunctionEntry[] = [];
  for (const entries of index.functions.values()) {
    const e = entries.find((x) => x.module === undefined || loaded.includes(x.module));
    if (e) out.push(e);
  }
  return out;
}

/** Pseudo-variables available with these modules loaded. */
export function availablePvars(index: CatalogIndex, loaded: readonly string[]): PvEntry[] {
  return [...index.pvars.values()].filter((p) => p.module === undefined || loaded.includes(p.module));
}

/** `name(a, b)` for docs; functions with several arities list them. */
export function signature(fn: CatalogFunction): string {
  const names = fn.argNames ?? [];
  const max = Math.max(0, ...fn.arity);
  const args = Array.from({ length: max }, (_, i) => names[i] ?? `arg${i + 1}`);
  const sig = `${fn.name}(${args.join(", ")})`;
  return fn.arity.length > 1 ? `${sig} — ${fn.arity.join(" or ")} arguments` : sig;
}

/** Route kinds named by a function's argument, by the argument's name (`t_on_failure(failure_route)`). */
const ROUTE_ARGS: Readonly<Record<string, RouteKind>> = {
  route: "route",
  routename: "route",
  failure_route: "failure_route",
  onreply_route: "onreply_route",
  branch_route: "branch_route",
  branch_failure_route: "branch_failure_route",
};

/** The kind of route block an argument names, from its declared name; none for other arguments. */
export function routeKindOfArg(arg: string | undefined): RouteKind | undefined {
  return arg !== undefined && Object.hasOwn(ROUTE_ARGS, arg) ? ROUTE_ARGS[arg] : undefined;
}
