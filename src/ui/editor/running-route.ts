/**
 * The running route, softly highlighted in the editor: each route that ran during the last frames
 * (a request entering request_route, a timer's route, route(X) called) has its header line marked
 * for a moment, with a ▶ in the gutter. At Step it shows exactly the route that step ran.
 */
import { useStore } from "../store/store.js";
import { editorModel } from "./editor-models.js";
import type { monaco } from "./monaco.js";
import { collectNames } from "./names.js";
import { codeTokens, tokenize } from "./tokens.js";

/** How long a route stays marked after it last ran, in wall-clock milliseconds. */
const HOLD_MS = 700;

const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

/**
 * The 1-based line of the header of the route the engine calls `route` (`request_route`,
 * `event_route[NAME]`, or a route's name), in `text`, read with the engine's lexer: a header in
 * a comment or a string is none.
 */
export function routeHeaderLine(text: string, route: string): number | undefined {
  if (route === "request_route") {
    // `route {` without a name is Kamailio's older spelling of request_route.
    const toks = codeTokens(tokenize(text));
    const i = toks.findIndex(
      (t, k) => t.kind === "ident" && (t.text === "request_route" || t.text === "route") && toks[k + 1]?.text === "{",
    );
    const t = toks[i];
    return t ? lineAt(text, t.start) : undefined;
  }
  const event = /^event_route\[(.+)\]$/.exec(route);
  const kind = event ? "event_route" : "route";
  const name = event ? (event[1] as string) : route;
  const def = collectNames(text).routes.find((r) => r.kind === kind && r.name === name);
  return def ? lineAt(text, def.start) : undefined;
}

/** Marks routes as the frames report them; returns the function that stops it. */
export function installRunningRoutes(m: typeof monaco): () => void {
  const model = editorModel(m, "config");
  let ids: string[] = [];
  const lastRan = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The routes marked now and the text they were found in: nothing to redo while both stand. */
  let shown = "";
  let shownVersion = -1;
  /** Each route's header line in the text of `linesVersion`: the lexer runs once per edit, not per mark. */
  let lines = new Map<string, number | undefined>();
  let linesVersion = -1;
  const headerLine = (r: string) => {
    if (model.getVersionId() !== linesVersion) {
      lines = new Map();
      linesVersion = model.getVersionId();
    }
    if (!lines.has(r)) lines.set(r, routeHeaderLine(model.getValue(), r));
    return lines.get(r);
  };

  const redraw = () => {
    const now = performance.now();
    for (const [r, at] of lastRan) if (now - at > HOLD_MS) lastRan.delete(r);
    clearTimeout(timer);
    if (lastRan.size) timer = setTimeout(redraw, HOLD_MS);
    const key = [...lastRan.keys()].sort().join("\n");
    if (key === shown && model.getVersionId() === shownVersion) return;
    shown = key;
    shownVersion = model.getVersionId();
    const marks: monaco.editor.IModelDeltaDecoration[] = [];
    for (const r of lastRan.keys()) {
      const line = headerLine(r);
      if (line === undefined) continue;
      marks.push({
        range: new m.Range(line, 1, line, 1),
        options: {
          isWholeLine: true,
          className: "route-running",
          linesDecorationsClassName: "route-running-gutter",
          hoverMessage: { value: `\`${r}\` ran just now` },
        },
      });
    }
    ids = model.deltaDecorations(ids, marks);
  };

  const stop = useStore.subscribe((s, prev) => {
    if (s.routesRan === prev.routesRan) return;
    const now = performance.now();
    // Redraw only when a route starts being marked: while it keeps running, its mark just stays
    // (the editor is not re-rendered every frame at high rates).
    const fresh = s.routesRan.some((r) => !lastRan.has(r));
    for (const r of s.routesRan) lastRan.set(r, now);
    if (fresh) redraw();
  });
  return () => {
    stop();
    clearTimeout(timer);
    ids = model.deltaDecorations(ids, []);
  };
}
