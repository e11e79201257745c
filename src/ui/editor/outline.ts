/**
 * The config's outline, as plain data: each route block the engine found (ProgramInfo.routes)
 * with who names it (ProgramInfo.routeUses: `route(X)`, `t_on_failure("X")`…, rtimer's exec),
 * and, for the blocks Kamailio runs by itself, when it does. Places are 1-based line and column
 * of the main file; a block or a use in an included file has none (the editor holds only the
 * main file). ProgramInfo is the last check's: a place whose text has moved since is dropped
 * rather than pointing at the wrong line.
 */
import { lineColAt, type ProgramInfo, type RouteRef } from "../../engine/index.js";

export interface OutlinePlace {
  line: number;
  col: number;
}

export interface OutlineCaller {
  /** The use as written (`t_on_failure("MISSED")`) and the block it is in. */
  label: string;
  at: OutlinePlace | undefined;
}

export interface OutlineRoute {
  /** The block as Kamailio's docs name it: `request_route`, `route[RELAY]`, `failure_route[MISSED]`. */
  label: string;
  at: OutlinePlace | undefined;
  callers: OutlineCaller[];
  /** When Kamailio runs the block without being asked (request_route: every request…). */
  runs: string | undefined;
}

const NAMED: Record<RouteRef["kind"], string> = {
  request: "request_route",
  route: "route",
  failure: "failure_route",
  branch: "branch_route",
  reply: "reply_route",
  onreply: "onreply_route",
  onsend: "onsend_route",
  error: "error_route",
  event: "event_route",
};

/** Blocks the core runs by itself (core/receive.c, core/forward.c, core/events.c). */
const RUNS: Partial<Record<RouteRef["kind"], string>> = {
  request: "runs for every request received",
  reply: "runs for every reply received",
  onsend: "runs before a request is sent",
  error: "runs when a request cannot be parsed",
  event: "runs on its event",
};

/** `route[RELAY]`, `request_route`, `event_route[htable:mod-init]`. */
export function routeLabel(r: RouteRef): string {
  return r.name === "" ? NAMED[r.kind] : `${NAMED[r.kind]}[${r.name}]`;
}

/** The first line of a use's text, shortened for a list. */
function shortText(text: string): string {
  const line = text.split("\n")[0]?.trim() ?? "";
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** The outline of the main file's `text`, from the engine's ProgramInfo of it. */
export function buildOutline(program: ProgramInfo | undefined, text: string): OutlineRoute[] {
  if (!program) return [];
  // The engine's own line index (line starts found once per file object).
  const file = { name: "kamailio.cfg", text };
  const place = (offset: number): OutlinePlace => lineColAt(file, offset);
  const at = (span: { file: number; start: number; end: number }, expect?: string): OutlinePlace | undefined => {
    if (span.file !== 0 || span.end > text.length) return undefined;
    if (expect !== undefined && text.slice(span.start, span.end) !== expect) return undefined;
    return place(span.start);
  };
  return program.routes.map((r) => {
    const callers = program.routeUses
      .filter((u) => u.target.kind === r.kind && u.target.name === r.name)
      .map((u) => {
        const written = u.span.file === 0 ? text.slice(u.span.start, u.span.end) : "";
        const what = u.via === "rtimer" ? `rtimer timer ${written}` : shortText(written) || `${u.via}(…)`;
        return { label: u.from ? `${what} in ${routeLabel(u.from)}` : what, at: at(u.span) };
      });
    // A named block's span covers its name; an unnamed one's, the whole block from its keyword.
    return {
      label: routeLabel(r),
      at: at(r.span, r.name === "" ? undefined : r.name),
      callers,
      runs: RUNS[r.kind],
    };
  });
}
