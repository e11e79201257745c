/**
 * What the config has loaded: modules in `loadmodule` order, and lookups of functions and
 * pseudo-variables the way Kamailio's find_export_record() and pv_parse_spec() see them —
 * a name with its argument count, among the core and the loaded modules only.
 */

import type { Span } from "../../base/source.js";
import type { LoadModule } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { Exports, FunctionDef, ModuleCheckContext, ModuleChecker, ModuleDef, PvDef } from "../exports.js";
import { FlagTable } from "./flags.js";

/** A module the config loads. `def` is absent for real Kamailio modules kamsim has no declaration of. */
export interface LoadedModule {
  name: string;
  def?: ModuleDef;
  span: Span;
  checker?: ModuleChecker;
}

export type FunctionLookup =
  | { kind: "found"; def: FunctionDef; module?: string }
  | { kind: "arity"; expected: readonly number[]; module?: string }
  | { kind: "not_loaded"; module: string }
  | { kind: "unknown" };

export type PvarLookup =
  | { kind: "found"; def: PvDef; module?: string }
  | { kind: "not_loaded"; module: string }
  | { kind: "unknown" };

export class Scope {
  readonly loaded = new Map<string, LoadedModule>();
  /** Loaded modules kamsim knows by name only: their functions and PVs cannot be checked. */
  readonly undeclared: LoadedModule[] = [];
  readonly routeNames = new Set<string>();
  /** Message flag names (`flags` statements) and the top-level item being checked, for `setflag(NAME)`. */
  readonly flags = new FlagTable();
  currentItem = 0;

  constructor(
    private readonly diags: DiagnosticBag,
    /** The modules and the core the config is checked against. */
    readonly exports: Exports,
  ) {}

  /** `loadmodule`: known modules load; unknown names fail as in Kamailio. */
  load(item: LoadModule): void {
    if (this.loaded.has(item.module)) return;
    const def = this.exports.findModule(item.module);
    if (!def && !this.exports.isKamailioModule(item.module)) {
      this.diags.error(
        "module_not_found",
        `load_module(): could not find module <${item.module}>: failed to load module`,
        item.pathSpan,
      );
      return;
    }
    const entry: LoadedModule = { name: item.module, span: item.pathSpan };
    if (def) {
      entry.def = def;
      if (def.checks) entry.checker = def.checks();
      if (!def.simulated) {
        this.diags.warning(
          "not_simulated",
          `module ${item.module} is not simulated by kamsim: its functions are checked but do nothing`,
          item.pathSpan,
        );
      }
    } else {
      this.undeclared.push(entry);
      this.diags.warning(
        "not_simulated",
        `module ${item.module} is not simulated by kamsim and its functions are not checked`,
        item.pathSpan,
      );
    }
    this.loaded.set(item.module, entry);
  }

  /** Context handed to a module's own checks. */
  contextFor(m: LoadedModule): ModuleCheckContext {
    return {
      error: (code, message, span) => this.diags.error(code, message, span),
      warning: (code, message, span) => this.diags.warning(code, message, span),
      hasRoute: (name) => this.routeNames.has(name),
      loadSpan: m.span,
      isLoaded: (name) => this.loaded.has(name),
    };
  }

  lookupFunction(name: string, argc: number): FunctionLookup {
    const core = this.exports.coreFunctions[name];
    if (core?.arity.includes(argc)) return { kind: "found", def: core };
    let arity: FunctionLookup | undefined = core ? { kind: "arity", expected: core.arity } : undefined;
    for (const m of this.loaded.values()) {
      const f = m.def?.functions[name];
      if (!f) continue;
      if (f.arity.includes(argc)) return { kind: "found", def: f, module: m.name };
      arity ??= { kind: "arity", expected: f.arity, module: m.name };
    }
    if (arity) return arity;
    const owner = this.exports.modules.find((m) => m.functions[name]);
    return owner ? { kind: "not_loaded", module: owner.name } : { kind: "unknown" };
  }

  lookupPvar(name: string): PvarLookup {
    const core = this.exports.corePvars[name];
    if (core) return { kind: "found", def: core };
    for (const m of this.loaded.values()) {
      const p = m.def?.pvars?.[name];
      if (p) return { kind: "found", def: p, module: m.name };
    }
    const owner = this.exports.modules.find((m) => m.pvars?.[name]);
    return owner ? { kind: "not_loaded", module: owner.name } : { kind: "unknown" };
  }

  /** The loaded module that exports `name` as a function, for its own checks. */
  moduleOf(module: string | undefined): LoadedModule | undefined {
    return module === undefined ? undefined : this.loaded.get(module);
  }
}
