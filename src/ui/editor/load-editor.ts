/**
 * The Monaco editor's module, loaded once: the page's entry asks for it before anything else
 * (so Monaco's 3.4 MB load and run overlap the page's own start and the worker's), and the
 * editor pane renders it when it is there.
 */
let loading: Promise<typeof import("./MonacoEditor.js")> | undefined;

export function loadEditor(): Promise<typeof import("./MonacoEditor.js")> {
  loading ??= import("./MonacoEditor.js");
  return loading;
}
