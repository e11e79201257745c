/** The editor's module catalog, computed at build time (scripts/vite/catalog-plugin.ts). */
declare module "virtual:kamsim-catalog" {
  const catalog: import("../../engine/index.js").Catalog;
  export default catalog;
}

/** traffic.json's JSON Schema, derived at build time from the engine's traffic types (scripts/vite/traffic-schema-plugin.ts). */
declare module "virtual:kamsim-traffic-schema" {
  const schema: import("../../../scripts/vite/traffic-schema.js").JsonSchema;
  export default schema;
}
