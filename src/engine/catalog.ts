/**
 * The module registry as plain data, for the editor's completion and hover and the docs panel:
 * what each module exports, its documentation, and whether kamsim simulates it. Front ends get
 * this, never the registry's objects.
 */
import { standInText } from "./lang/exports.js";
import { coreFunctions, coreParams, corePvars } from "./modules/core/def.js";
import { moduleRegistry } from "./modules/registry.js";
import { RouteKind } from "./modules/types.js";

export interface CatalogFunction {
  name: string;
  /** Accepted argument counts. */
  arity: number[];
  argNames?: string[];
  /** Route kinds that allow it, by Kamailio's names (REQUEST, FAILURE, ...). */
  routes: string[];
  returns?: string;
  doc: string;
  simulated: boolean;
  /** For a function kamsim does not simulate: what its stand-in returns, in the warning's words. */
  standIn?: string;
}

export interface CatalogPvar {
  name: string;
  inner: string;
  writable: boolean;
  /** What the inner name names: a queue or a hash table of the config. */
  names?: "queue" | "htable";
  doc: string;
}

export interface CatalogModule {
  name: string;
  simulated: boolean;
  doc: string;
  params: { name: string; type: string; default?: number | string; keys?: string[]; doc: string }[];
  functions: CatalogFunction[];
  pvars: CatalogPvar[];
  rpc: { name: string; params?: string; doc: string }[];
}

export interface Catalog {
  modules: CatalogModule[];
  core: {
    params: { name: string; value: string; default?: number | string; doc: string }[];
    functions: CatalogFunction[];
    pvars: CatalogPvar[];
  };
}

function routesOf(mask: number): string[] {
  return Object.entries(RouteKind)
    .filter(([, bit]) => (mask & bit) !== 0)
    .map(([name]) => name);
}

let cached: Catalog | undefined;

/** Everything kamsim knows about Kamailio's modules and core, as plain data. */
export function moduleCatalog(): Catalog {
  cached ??= {
    modules: moduleRegistry.map((m) => ({
      name: m.name,
      simulated: m.simulated,
      doc: m.doc,
      params: Object.entries(m.params).map(([name, p]) => ({
        name,
        type: p.type,
        default: p.default,
        keys: p.keys ? [...p.keys] : undefined,
        doc: p.doc,
      })),
      functions: Object.entries(m.functions).map(([name, f]) => ({
        name,
        arity: [...f.arity],
        argNames: f.argNames ? [...f.argNames] : undefined,
        routes: routesOf(f.routes),
        returns: f.returns,
        doc: f.doc,
        simulated: f.simulated ?? m.simulated,
        standIn: (f.simulated ?? m.simulated) ? undefined : standInText(f.standIn),
      })),
      pvars: Object.entries(m.pvars ?? {}).map(([name, p]) => ({
        name,
        inner: p.inner,
        writable: p.writable === true,
        names: p.names,
        doc: p.doc,
      })),
      rpc: Object.entries(m.rpc ?? {}).map(([name, r]) => ({ name, params: r.params, doc: r.doc })),
    })),
    core: {
      params: Object.entries(coreParams).map(([name, p]) => ({ name, value: p.value, default: p.default, doc: p.doc })),
      functions: Object.entries(coreFunctions).map(([name, f]) => ({
        name,
        arity: [...f.arity],
        argNames: f.argNames ? [...f.argNames] : undefined,
        routes: routesOf(f.routes),
        returns: f.returns,
        doc: f.doc,
        simulated: f.simulated !== false,
        standIn: f.simulated !== false ? undefined : standInText(f.standIn),
      })),
      pvars: Object.entries(corePvars).map(([name, p]) => ({
        name,
        inner: p.inner,
        writable: p.writable === true,
        doc: p.doc,
      })),
    },
  };
  return cached;
}
