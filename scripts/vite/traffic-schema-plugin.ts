/**
 * traffic.json's JSON Schema as build-time data: the module `virtual:kamsim-traffic-schema` is
 * trafficJsonSchema() of the engine's src/engine/traffic/types.ts, computed in Node when Vite
 * builds or serves the page (the page gets the schema, not the TypeScript compiler). The editor
 * hands it to Monaco's JSON language (completion and hover in traffic.json).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { trafficJsonSchema } from "./traffic-schema.js";

export const TRAFFIC_SCHEMA_MODULE = "virtual:kamsim-traffic-schema";
const RESOLVED = `\0${TRAFFIC_SCHEMA_MODULE}`;
const TYPES = join(import.meta.dirname, "..", "..", "src", "engine", "traffic", "types.ts");

export function trafficSchemaPlugin(): Plugin {
  return {
    name: "kamsim-traffic-schema",
    resolveId: (id) => (id === TRAFFIC_SCHEMA_MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(TYPES);
      const schema = trafficJsonSchema(readFileSync(TYPES, "utf8"));
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(schema))});`;
    },
  };
}
