/**
 * The editor starts loading with the page: the production build's index.html asks for the
 * Monaco editor's chunks (`<link rel="modulepreload">`, fetched and compiled, not run) and its
 * stylesheet (`<link rel="preload" as="style">`, fetched, not applied) beside the page's own
 * script. Without them the browser learnt of Monaco only when the page's script had run and
 * React had rendered the editor's pane, a second after navigation, and then fetched 3.4 MB.
 * The page still runs the editor's module when it wants it (src/ui/editor/load-editor.ts).
 */
import type { HtmlTagDescriptor, Plugin, Rollup } from "vite";

/** The chunk `entry` (a module of the page) needs: itself and every chunk it imports statically. */
function chunksOf(bundle: Rollup.OutputBundle, entry: string): Rollup.OutputChunk[] {
  const all = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
  const root = all.find((c) => c.facadeModuleId?.replace(/\\/g, "/").endsWith(entry));
  if (!root) throw new Error(`preload-editor: no chunk for ${entry} in the build`);
  const byName = new Map(all.map((c) => [c.fileName, c]));
  const seen = new Map<string, Rollup.OutputChunk>();
  const visit = (c: Rollup.OutputChunk): void => {
    if (seen.has(c.fileName)) return;
    seen.set(c.fileName, c);
    for (const name of c.imports) {
      const next = byName.get(name);
      if (next) visit(next);
    }
  };
  visit(root);
  return [...seen.values()];
}

export function preloadEditorPlugin(entry: string): Plugin {
  let base = "/";
  return {
    name: "kamsim-preload-editor",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        if (!ctx.bundle) return undefined;
        const tags: HtmlTagDescriptor[] = [];
        const css = new Set<string>();
        // Chunks the page's own script needs are in the head already.
        for (const c of chunksOf(ctx.bundle, entry).filter((c) => !html.includes(c.fileName))) {
          tags.push({
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: base + c.fileName },
            injectTo: "head",
          });
          for (const f of c.viteMetadata?.importedCss ?? []) css.add(f);
        }
        for (const f of css)
          tags.push({ tag: "link", attrs: { rel: "preload", as: "style", href: base + f }, injectTo: "head" });
        return tags;
      },
    },
  };
}
