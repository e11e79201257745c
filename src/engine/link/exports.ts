/**
 * The exports a config is checked against: the module registry, the core's tables and the
 * transformations kamsim applies. The language layer only knows their shape (lang/exports.ts);
 * this is where the modules and the runtime are handed to it.
 */
import type { Exports } from "../lang/exports.js";
import { coreFunctions, coreParams, corePvars } from "../modules/core/def.js";
import { findModule, isKamailioModule, moduleRegistry } from "../modules/registry.js";
import {
  compileTransform,
  kamsimOnlyRefusal,
  simulatesName,
  transformPvParams,
  unsimulatedReason,
} from "../runtime/transformations/index.js";

/** Kamailio 5.6 as kamsim declares it. */
export const kamailioExports: Exports = {
  modules: moduleRegistry,
  findModule,
  isKamailioModule,
  coreFunctions,
  coreParams,
  corePvars,
  transforms: {
    applies: (body) => compileTransform(body) !== undefined,
    unsimulatedReason,
    pvParams: transformPvParams,
    simulatesName,
    kamsimOnlyRefusal,
  },
};
