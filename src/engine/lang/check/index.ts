/**
 * The checker: a parsed config against the declared exports (lang/exports.ts). It reports everything Kamailio
 * would reject — at `kamailio -c` time and at start-up — plus what kamsim cannot simulate, and
 * returns what later phases need: the loaded modules and the route table.
 */
import type { Config } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { Exports } from "../exports.js";
import { CallChecker } from "./calls.js";
import { collectRoutes, ROUTE_TYPE, type RouteTable } from "./routes.js";
import { type LoadedModule, Scope } from "./scope.js";
import { StmtChecker } from "./stmts.js";
import { checkCoreParam, checkModParam } from "./top.js";

/** The core parameter's names for the shared memory size (cfg.lex SHM_MEM_SZ). */
const SHM_SIZE_PARAMS = new Set(["shm", "shm_mem", "shm_mem_size"]);

/** What the checker learnt about a config. */
export interface CheckedConfig {
  config: Config;
  /** Loaded modules in `loadmodule` order. */
  modules: LoadedModule[];
  routes: RouteTable;
}

export function checkConfig(config: Config, diags: DiagnosticBag, exports: Exports): CheckedConfig {
  const scope = new Scope(diags, exports);
  const routes = collectRoutes(config, diags);
  for (const name of routes.get("route")?.keys() ?? []) scope.routeNames.add(name);
  // The first modparam or route block makes the core set up shared memory (cfg.y), after which
  // its size can no longer be set.
  let shmInitialized = false;
  for (const [i, item] of config.items.entries()) {
    if (item.kind === "FlagsDecl") scope.flags.declare(item, i, diags);
    else if (item.kind === "LoadModule") scope.load(item);
    else if (item.kind === "ModParam") {
      shmInitialized = true;
      checkModParam(item, scope, diags);
    } else if (item.kind === "CoreParam") {
      checkCoreParam(item, exports.coreParams, diags);
      if (shmInitialized && SHM_SIZE_PARAMS.has(item.name))
        diags.error(
          "shm_size_late",
          "shm/shm_mem_size must be before any modparam or the route blocks",
          item.value.span,
        );
    } else if (item.kind === "RouteBlock") shmInitialized = true;
  }
  const order = [...scope.loaded.keys()];
  for (const m of scope.loaded.values())
    for (const need of m.def?.needs ?? []) {
      const loaded = scope.loaded.get(need);
      if (!loaded)
        diags.error(
          "module_needs",
          `init_mod(): Error while initializing module ${m.name}: it needs module ${need} (loadmodule "${need}.so")`,
          m.span,
        );
      else if (loaded.def?.initBeforeUse && order.indexOf(need) > order.indexOf(m.name))
        diags.error(
          "module_needs",
          `init_mod(): Error while initializing module ${m.name}: module ${need} is not initialized yet (load ${need} before ${m.name})`,
          m.span,
        );
    }
  const calls = new CallChecker(scope, diags);
  for (const [i, item] of config.items.entries()) {
    if (item.kind !== "RouteBlock") continue;
    scope.currentItem = i;
    new StmtChecker(scope, calls, routes, diags, ROUTE_TYPE[item.routeKind]).stmt(item.body);
  }
  for (const m of scope.loaded.values()) m.checker?.finish?.(scope.contextFor(m));
  return { config, modules: [...scope.loaded.values()], routes };
}
