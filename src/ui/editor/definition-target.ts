/**
 * Go to definition, as plain data: from a route's use (`route(NAME)`, `t_on_failure("NAME")`,
 * rtimer's `route=NAME`) to its `route[NAME]` block, and from a queue's or timer's use
 * (`mq_add("alert", …)`, `$mqk(alert)`, `timer=ta`) to the modparam that declares it. Which
 * arguments and PVs name a route or a queue is the modules' declaration (the catalog); where a
 * queue or timer is declared is the engine's ProgramInfo.
 */
import type { ProgramInfo } from "../../engine/index.js";
import { type CatalogIndex, findFunction, routeKindOfArg } from "./catalog-index.js";
import { collectNames, type RouteKind } from "./names.js";
import { innermost, structureBefore } from "./structure.js";
import { codeTokens, embeddedPvs, type Token, tokenize, unquote } from "./tokens.js";

/** A span of the text, by offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

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

/** `$mqk(alert)` with the offset inside the inner name: the queue, when the PV takes one. */
function referenceInPv(t: Token, offset: number, index: CatalogIndex): Reference | undefined {
  const m = /^\$([A-Za-z_]\w*)\(([^)]*)\)/.exec(t.text);
  if (!m || offset < t.start + (m[1] as string).length + 2) return undefined;
  if (index.pvars.get(m[1] as string)?.names !== "queue") return undefined;
  return { what: "queue", name: (m[2] as string).trim() };
}

/** What a function's argument names, from its declared argument name (`queue`, `failure_route`...). */
function argumentReference(fn: string, at: number, name: string, index: CatalogIndex): Reference | undefined {
  // `route(NAME)` is the grammar's own action, not an exported function.
  if (fn === "route") return at === 0 ? { what: "route", kind: "route", name } : undefined;
  const arg = findFunction(index, fn, [])?.fn.argNames?.[at];
  const kind = routeKindOfArg(arg);
  if (kind) return { what: "route", kind, name };
  return arg === "queue" ? { what: "queue", name } : undefined;
}

function referenceAt(text: string, offset: number, index: CatalogIndex): Reference | undefined {
  const toks = codeTokens(tokenize(text));
  const i = toks.findIndex((t) => t.start <= offset && offset < t.end);
  const t = toks[i];
  if (!t) return undefined;
  if (t.kind === "pvar") return referenceInPv(t, offset, index);
  const inner = embeddedPvs(t).find((p) => p.start <= offset && offset < p.end);
  if (inner) return referenceInPv(inner, offset, index);
  if (t.kind !== "ident" && t.kind !== "string") return undefined;
  const frame = innermost(structureBefore(toks, i));
  if (!frame) return undefined;
  const name = unquote(t).trim();
  if (frame.name !== "modparam") {
    // A route may be named bare (`route(X)`), a queue only in quotes (`mq_add("q", ...)`).
    const ref = argumentReference(frame.name, frame.index, name, index);
    if (ref && (ref.what === "route" || t.kind === "string")) return ref;
  }
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
export function definitionAt(
  text: string,
  offset: number,
  index: CatalogIndex,
  program?: ProgramInfo,
): TextSpan | undefined {
  const ref = referenceAt(text, offset, index);
  if (!ref?.name) return undefined;
  if (ref.what === "route") {
    const def = collectNames(text).routes.find((r) => r.kind === ref.kind && r.name === ref.name);
    return def ? { start: def.start, end: def.end } : undefined;
  }
  return declaration(text, program, ref);
}
