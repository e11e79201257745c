import { defineConfig } from "vite";

// The playground is a static site: `npm run build` writes dist/, which works from any static
// server, offline (everything is bundled; nothing is fetched from another origin).
export default defineConfig({
  base: "./",
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  build: { outDir: "dist", sourcemap: true },
});
