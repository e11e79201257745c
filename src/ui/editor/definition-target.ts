/**
 * Go to definition, as plain data: from a route's use (`route(NAME)`, `t_on_failure("NAME")`,
 * rtimer's `route=NAME`) to its `route[NAME]` block, and from a queue's or timer's use
 * (`mq_add("alert", …)`, `$mqk(alert)`, `timer=ta`) to the modparam that declares it.
 */
import type { ProgramInfo } from "../../engine/index.js";
import { collectNames, type RouteKind } from "./names.js";
import { innermost, structureBefore } from "./structure.js";
import { codeTokens, embeddedPvs, type Token, tokenize, unquote } from "./tokens.js";

/** A span of the text, by offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Functions whose first argument names a route block (core, tm and rtimer/async docs). */
const ROUTE_FUNCTIONS: Record<string, RouteKind> = {
  route: "route",
  t_on_failure: "failure_route",
  t_on_reply: "onreply_route",
  t_on_branch: "branch_route",
  t_on_branch_failure: "branch_failure_route",
  async_route: "route",
  async_task_route: "route",
};

const QUEUE_FUNCTIONS = new Set(["mq_add", "mq_fetch", "mq_size", "mq_pv_free"]);

type Reference = { what: "route"; kind: RouteKind; name: string } | { what: "queue" | "timer"; name: string };

/** The `key=value` part of a modparam value under `offset` (offset relative to the value). */
function keyValueAt(value: string, at: number): { key: string; name: string } | undefined {
  let start = 0;
  for (const part of value.split(";")) {
    const end = start + part.length;
    const eq = part.indexOf("=");
    if (eq > 0 && at >= start + eq + 1 && at <= end) {
      return { key: part.slice(0, eq).trim(), name: part.slice(eq + 1).trim() };
    }
    start = end + 1;
  }
  return undefined;
}

function referenceInPv(t: Token, offset: number): Reference | undefined {
  const m = /^\$(mqk|mqv|mq_size)\(([^)]*)\)/.exec(t.text);
  if (!m || offset < t.start + (m[1] as string).length + 2) return undefined;
  return { what: "queue", name: (m[2] as string).trim() };
}

function referenceAt(text: string, offset: number): Reference | undefined {
  const toks = codeTokens(tokenize(text));
  const i = toks.findIndex((t) => t.start <= offset && offset < t.end);
  const t = toks[i];
  if (!t) return undefined;
  if (t.kind === "pvar") return referenceInPv(t, offset);
  const inner = embeddedPvs(t).find((p) => p.start <= offset && offset < p.end);
  if (inner) return referenceInPv(inner, offset);
  if (t.kind !== "ident" && t.kind !== "string") return undefined;
  const frame = innermost(structureBefore(toks, i));
  if (!frame) return undefined;
  const name = unquote(t).trim();
  const routeKind = ROUTE_FUNCTIONS[frame.name];
  if (routeKind && frame.index === 0) return { what: "route", kind: routeKind, name };
  if (QUEUE_FUNCTIONS.has(frame.name) && frame.index === 0 && t.kind === "string") return { what: "queue", name };
  if (frame.name === "modparam" && frame.index === 2 && t.kind === "string" && frame.args[0] === "rtimer") {
    const kv = keyValueAt(unquote(t), offset - t.start - 1);
    if (frame.args[1] === "exec" && kv?.key === "route") return { what: "route", kind: "route", name: kv.name };
    if (frame.args[1] === "exec" && kv?.key === "timer") return { what: "timer", name: kv.name };
  }
  return undefined;
}

/**
 * Where the engine says a queue or timer's name is written (in the main file), if the text there
 * is still that name: the info is of the config last checked, the text may have moved since.
 */
function declaration(text: string, program: ProgramInfo | undefined, ref: Reference): TextSpan | undefined {
  const list = ref.what === "queue" ? program?.queues : program?.timers;
  const def = list?.find((d) => d.name === ref.name && d.span.file === 0);
  if (!def || text.slice(def.span.start, def.span.end) !== ref.name) return undefined;
  return { start: def.span.start, end: def.span.end };
}

/** The definition of the name under `offset`, if it is a route, queue or timer the config defines. */
export function definitionAt(text: string, offset: number, program?: ProgramInfo): TextSpan | undefined {
  const ref = referenceAt(text, offset);
  if (!ref?.name) return undefined;
  if (ref.what === "route") {
    const def = collectNames(text).routes.find((r) => r.kind === ref.kind && r.name === ref.name);
    return def ? { start: def.start, end: def.end } : undefined;
  }
  return declaration(text, program, ref);
}
