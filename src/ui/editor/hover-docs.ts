/**
 * Hover documentation, as plain data: what is under the cursor (a function call, a
 * pseudo-variable, a core parameter, a module or modparam name) and its docs from the module
 * catalog, saying so when kamsim does not simulate it.
 */
import type { ProgramInfo } from "../../engine/index.js";
import { type CatalogIndex, findFunction } from "./catalog-index.js";
import type { TextSpan } from "./definition-target.js";
import { moduleOfPath } from "./names.js";
import { innermost, structureBefore } from "./structure.js";
import { coreParamDoc, functionDoc, modparamDoc, moduleDoc, pvDoc } from "./suggest-items.js";
import { codeTokens, embeddedPvs, type Token, tokenize, unquote } from "./tokens.js";

/** Docs to show over a span of the text. */
export interface HoverDoc extends TextSpan {
  markdown: string;
}

const KEYWORD_CALLS = new Set(["if", "while", "switch", "return", "modparam", "loadmodule"]);

function pvHover(t: Token, index: CatalogIndex): HoverDoc | undefined {
  const name = /^\$\(?([A-Za-z_][\w.]*|\?)/.exec(t.text)?.[1];
  const p = name === undefined ? undefined : index.pvars.get(name);
  return p ? { start: t.start, end: t.end, markdown: pvDoc(p) } : undefined;
}

function identHover(toks: Token[], i: number, index: CatalogIndex, modules: readonly string[]): string | undefined {
  const t = toks[i] as Token;
  const next = toks[i + 1];
  if (next?.text === "(" && t.text === "route") return "`route(NAME)` — core\n\nRuns the route block `route[NAME]`.";
  if (next?.text === "(" && !KEYWORD_CALLS.has(t.text)) {
    const e = findFunction(index, t.text, modules);
    return e ? functionDoc(e.fn, e.module) : undefined;
  }
  if (next?.text === "=" && structureBefore(toks, i).depth === 0) {
    const p = index.coreParams.get(t.text);
    return p ? coreParamDoc(p) : undefined;
  }
  return undefined;
}

function stringHover(toks: Token[], i: number, index: CatalogIndex): string | undefined {
  const t = toks[i] as Token;
  const prev = toks[i - 1];
  const prev2 = toks[i - 2];
  const isLoad = (x: Token | undefined) => x?.text === "loadmodule" || x?.text === "loadmodulex";
  if (isLoad(prev) || (prev?.text === "(" && isLoad(prev2))) {
    const m = index.modules.get(moduleOfPath(unquote(t)));
    return m ? moduleDoc(m) : undefined;
  }
  const frame = innermost(structureBefore(toks, i));
  if (frame?.name !== "modparam") return undefined;
  const module = index.modules.get(frame.index === 0 ? unquote(t) : (frame.args[0] ?? ""));
  if (frame.index === 0 && module) return moduleDoc(module);
  const param = module?.params.find((p) => p.name === unquote(t));
  if (frame.index === 1 && module && param) return modparamDoc(module.name, param);
  return undefined;
}

/** The docs for what is at `offset` in the config `text`, if any. */
export function hoverAt(
  text: string,
  offset: number,
  index: CatalogIndex,
  program?: ProgramInfo,
): HoverDoc | undefined {
  const toks = codeTokens(tokenize(text));
  const i = toks.findIndex((t) => t.start <= offset && offset < t.end);
  const t = toks[i];
  if (!t) return undefined;
  const span = { start: t.start, end: t.end };
  if (t.kind === "pvar") return pvHover(t, index);
  if (t.kind === "ident") {
    const markdown = identHover(toks, i, index, program?.modules.map((m) => m.name) ?? []);
    return markdown ? { ...span, markdown } : undefined;
  }
  if (t.kind === "string") {
    const pv = embeddedPvs(t).find((p) => p.start <= offset && offset < p.end);
    if (pv) return pvHover(pv, index);
    const markdown = stringHover(toks, i, index);
    return markdown ? { ...span, markdown } : undefined;
  }
  return undefined;
}
