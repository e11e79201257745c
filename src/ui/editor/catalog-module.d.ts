/** The editor's module catalog, computed at build time (scripts/vite/catalog-plugin.ts). */
declare module "virtual:kamsim-catalog" {
  const catalog: import("../../engine/index.js").Catalog;
  export default catalog;
}
