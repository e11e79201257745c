/**
 * The Monaco editor's module, loaded once: the page's entry asks for it before anything else
 * (so Monaco's 3.4 MB load and run overlap the page's own start and the worker's), and the
 * editor pane renders it when it is there.
 */
let loading: Promise<typeof import("./MonacoEditor.js")> | undefined;

export function loadEditor(): Promise<typeof import("./MonacoEditor.js")> {
  if (!loading) {
    loading = import("./MonacoEditor.js");
    // An editor that cannot load draws nothing: the dashboard does not wait for it.
    loading.catch(() => markEditorDrawn());
  }
  return loading;
}

/**
 * Settled when Monaco has drawn its first frame (or has failed to load): the page renders its
 * dashboard panels after that, so that the editor's start — the page's longest — is not shared
 * with them on a 2-core machine (issue 9's ready time).
 */
let drawn: () => void = () => {};
export const editorDrawn = new Promise<void>((resolve) => {
  drawn = resolve;
});

/** Called once the editor has been created and a frame has passed. */
export function markEditorDrawn(): void {
  drawn();
}
