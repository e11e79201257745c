/**
 * Completion items as plain data (the Monaco adapter maps them): functions with argument
 * snippets, pseudo-variables, modules, parameters, keywords. Items for what kamsim does not
 * simulate say so.
 */
import type { CatalogFunction, CatalogModule } from "../../engine/index.js";
import { type CoreParam, type FunctionEntry, type PvEntry, signature } from "./catalog-index.js";

export type SuggestionKind =
  | "function"
  | "module"
  | "param"
  | "pv"
  | "route"
  | "queue"
  | "timer"
  | "htable"
  | "variable"
  | "keyword"
  | "value";

/** One completion item. */
export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  /** Text inserted; a snippet (`${1:name}` placeholders, `\$` for a dollar) when `snippet`. */
  insert: string;
  snippet?: boolean;
  /** Short text shown beside the label: where it comes from. */
  detail?: string;
  /** Markdown documentation. */
  doc?: string;
  notSimulated?: boolean;
  /** Open completion again after inserting (`$mqk(` then the queue names). */
  retrigger?: boolean;
  /** What the typed text is matched against, when not the label. */
  filter?: string;
}

function quoteIf(quote: boolean, text: string): string {
  return quote ? `"${text}"` : text;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Documentation of a function, in Markdown. */
export function functionDoc(fn: CatalogFunction, module: string | undefined): string {
  const parts = [`\`${signature(fn)}\` — ${module ? `module **${module}**` : "core"}`, fn.doc];
  if (fn.returns) parts.push(`Returns: ${fn.returns}`);
  if (fn.routes.length) parts.push(`Allowed in: ${fn.routes.join(", ")}`);
  if (!fn.simulated) parts.push(`**Not simulated by kamsim: ${fn.standIn ?? "it returns 1 and does nothing"}.**`);
  return parts.join("\n\n");
}

/** Argument names whose values the config names (queues, tables, routes): completion offers them. */
const NAMED_ARGS = new Set([
  "queue",
  "table",
  "route",
  "routename",
  "failure_route",
  "onreply_route",
  "branch_route",
  "branch_failure_route",
]);

/** Whether completing this function should go on with its first argument's names. */
function firstArgNamed(fn: CatalogFunction): boolean {
  return !fn.arity.includes(0) && NAMED_ARGS.has(fn.argNames?.[0] ?? "");
}

/**
 * `mq_add("$1", "${2:key}", "${3:value}")`: the first argument is left empty when completion
 * can offer its names; `t_relay()` when the function takes no argument.
 */
export function callSnippet(fn: CatalogFunction): string {
  if (fn.arity.includes(0)) return `${fn.name}($0)`;
  const max = Math.max(...fn.arity);
  const names = fn.argNames ?? [];
  const args = Array.from({ length: max }, (_, i) =>
    i === 0 && firstArgNamed(fn) ? '"$1"' : `"\${${i + 1}:${escapeSnippet(names[i] ?? `arg${i + 1}`)}}"`,
  );
  return `${fn.name}(${args.join(", ")})`;
}

export function functionItem(e: FunctionEntry): Suggestion {
  const where = e.module ?? "core";
  return {
    label: e.fn.name,
    kind: "function",
    insert: callSnippet(e.fn),
    snippet: true,
    detail: e.fn.simulated ? where : `${where} · not simulated`,
    doc: functionDoc(e.fn, e.module),
    notSimulated: !e.fn.simulated,
    retrigger: firstArgNamed(e.fn),
  };
}

/** Documentation of a pseudo-variable, in Markdown. */
export function pvDoc(p: PvEntry): string {
  const form = p.inner === "none" ? `$${p.name}` : `$${p.name}(${p.inner === "required" ? "name" : p.inner})`;
  const from = p.module ? `module **${p.module}**` : "core";
  return `\`${form}\` — ${from}${p.writable ? ", writable" : ""}\n\n${p.doc}`;
}

export function pvItem(p: PvEntry): Suggestion {
  const takesName = p.inner !== "none";
  return {
    label: takesName ? `$${p.name}(` : `$${p.name}`,
    kind: "pv",
    insert: takesName ? `\\$${p.name}($1)` : `\\$${p.name}`,
    snippet: true,
    detail: p.module ?? "core",
    doc: pvDoc(p),
    retrigger: takesName,
    filter: `$${p.name}`,
  };
}

/** Documentation of a module, in Markdown. */
export function moduleDoc(m: CatalogModule): string {
  const note = m.simulated ? "" : "\n\n**Not simulated by kamsim: its functions are checked but do nothing.**";
  return `module **${m.name}**\n\n${m.doc}${note}`;
}

export function moduleItem(m: CatalogModule, quote: boolean, withSo: boolean): Suggestion {
  return {
    label: m.name,
    kind: "module",
    insert: quoteIf(quote, withSo ? `${m.name}.so` : m.name),
    detail: m.simulated ? "module" : "module · not simulated",
    doc: moduleDoc(m),
    notSimulated: !m.simulated,
  };
}

/** Documentation of a module parameter, in Markdown. */
export function modparamDoc(module: string, p: CatalogModule["params"][number]): string {
  const def = p.default === undefined ? "" : `, default \`${p.default}\``;
  return `\`modparam("${module}", "${p.name}", …)\` — ${p.type}${def}\n\n${p.doc}`;
}

export function modparamItem(module: string, p: CatalogModule["params"][number], quote: boolean): Suggestion {
  return { label: p.name, kind: "param", insert: quoteIf(quote, p.name), detail: p.type, doc: modparamDoc(module, p) };
}

/** Documentation of a core parameter, in Markdown. */
export function coreParamDoc(p: CoreParam): string {
  const def = p.default === undefined ? "" : `, default \`${p.default}\``;
  return `\`${p.name}=\` — core parameter (${p.value}${def})\n\n${p.doc}`;
}

export function coreParamItem(p: CoreParam): Suggestion {
  const def = p.default === undefined ? "" : escapeSnippet(String(p.default));
  return {
    label: p.name,
    kind: "param",
    insert: `${p.name}=\${1:${def}}`,
    snippet: true,
    detail: "core parameter",
    doc: coreParamDoc(p),
  };
}

/** A name the config defines (route, queue, timer, table, variable). */
export function nameItem(kind: SuggestionKind, name: string, quote: boolean, detail: string): Suggestion {
  return { label: name, kind, insert: quoteIf(quote, name), detail };
}

const STATEMENT_KEYWORDS: [string, string][] = [
  ["if", "if ($1) {\n\t$0\n}"],
  ["else", "else {\n\t$0\n}"],
  ["while", "while ($1) {\n\t$0\n}"],
  ["switch", "switch ($1) {\n\tcase $2:\n\t\t$0\n\t\tbreak;\n}"],
  ["case", "case $1:"],
  ["default", "default:"],
  ["break", "break;"],
  ["return", "return$0;"],
  ["exit", "exit;"],
  ["drop", "drop;"],
  ["route", "route($1);"],
];

/** A snippet placeholder, `${n:text}`. */
const hole = (n: number, text: string): string => `\${${n}:${text}}`;

const block = (kind: string, name?: string): string =>
  `${kind}${name === undefined ? "" : `[${hole(1, name)}]`} {\n\t$0\n}`;

const TOP_LEVEL_KEYWORDS: [string, string][] = [
  ["loadmodule", 'loadmodule "$1"'],
  ["modparam", 'modparam("$1", "$2", $3)'],
  ["request_route", block("request_route")],
  ["route", block("route", "NAME")],
  ["failure_route", block("failure_route", "NAME")],
  ["branch_route", block("branch_route", "NAME")],
  ["onreply_route", block("onreply_route", "NAME")],
  ["reply_route", block("reply_route")],
  ["onsend_route", block("onsend_route")],
  ["event_route", block("event_route", "module:event")],
  ["include_file", 'include_file "$1"'],
  ["import_file", 'import_file "$1"'],
];

function keywordItems(list: [string, string][]): Suggestion[] {
  return list.map(([label, insert]) => ({
    label,
    kind: "keyword",
    insert,
    snippet: true,
    detail: "keyword",
    retrigger: /^(loadmodule|modparam|route)$/.test(label) && insert.includes("$1"),
  }));
}

export const statementKeywords = (): Suggestion[] => keywordItems(STATEMENT_KEYWORDS);
export const topLevelKeywords = (): Suggestion[] => keywordItems(TOP_LEVEL_KEYWORDS);

/** xlog's levels (xlog module docs: L_ALERT … L_DBG). */
export const LOG_LEVELS = ["L_ALERT", "L_BUG", "L_CRIT", "L_ERR", "L_WARN", "L_NOTICE", "L_INFO", "L_DBG"];
