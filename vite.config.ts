import { defineConfig } from "vite";
import { catalogPlugin } from "./scripts/vite/catalog-plugin.js";
import { preloadEditorPlugin } from "./scripts/vite/preload-editor-plugin.js";
import { trafficSchemaPlugin } from "./scripts/vite/traffic-schema-plugin.js";

// The playground is a static site: `npm run build` writes dist/, which works from any static
// server, offline (everything is bundled; nothing is fetched from another origin).
export default defineConfig({
  base: "./",
  plugins: [catalogPlugin(), trafficSchemaPlugin(), preloadEditorPlugin("src/ui/editor/MonacoEditor.tsx")],
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  build: {
    outDir: "dist",
    sourcemap: true,
    // The page uses a few of the engine's pure helpers (the highlighter's scanner, the log's
    // formatting), imported from its public API (src/engine/index.ts). Its modules only define
    // things (the engine is pure: no DOM, no host, nothing done on import), so what the page
    // does not use is left out; without this, the bundler kept the whole engine — the module
    // registry's top-level tables — in the page, beside the worker's own copy.
    rolldownOptions: { treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false }] } },
  },
});
