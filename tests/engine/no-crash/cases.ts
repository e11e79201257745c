/**
 * The constructs the no-crash property test tries, taken from the engine's own catalogue
 * (`moduleCatalog()`): reads and writes of every pseudo-variable it declares, with odd inner
 * names, indexes and transformation chains, and calls of every function of every simulated
 * module, at each arity, with odd arguments, in the route kinds a config can write. A PV or a
 * function added to a module's declaration is covered without touching this file.
 */
import { type Catalog, type CatalogFunction, moduleCatalog } from "../../../src/engine/index.js";
import { createRng, pick } from "../../support/rng.js";
import {
  ODD_ARGS,
  ODD_ASSIGNED,
  ODD_INDEXES,
  ODD_INNER,
  ODD_INTS,
  ODD_NAMED_INNER,
  ODD_PVS,
  ODD_STRINGS,
  ODD_TRANSFORMS,
} from "./odd-values.js";

/**
 * Where a statement is placed. The first four run in a simulation (request_route for each
 * request, the rtimer's route, event_route[htable:mod-init] once at start,
 * event_route[htable:expired:t] when an item expires); the others are only compiled, as kamsim
 * runs no replies, branches or failures yet.
 */
export const RUN_SLOTS = ["request", "timer", "init", "expired"] as const;
export const COMPILE_SLOTS = ["reply", "onreply", "failure", "branch", "onsend"] as const;
export type Slot = (typeof RUN_SLOTS)[number] | (typeof COMPILE_SLOTS)[number];

/** One construct in one route kind. */
export interface Case {
  /** Stable name, e.g. `pv var write "str" @request`; the known-crash table uses it. */
  id: string;
  /** Statements, as config text. */
  body: string;
  slot: Slot;
  /** Whether it may block the process (sleep, http_client_query): it then runs alone. */
  blocking: boolean;
  /** Top-level lines (a core parameter, a modparam) put after the config's own modparams. */
  top?: string;
  /** It needs the modules kamsim only catalogues (tm, dialog...) loaded too. */
  catalog?: boolean;
}

/** How many of the odd inner names, indexes and transformation chains each PV is read through. */
const INNERS_PER_PV = 6;
const INDEXES_PER_PV = 3;
const TRANSFORMS_PER_PV = 6;

const BLOCKING = /\b(sleep|usleep|http_client_query|http_connect|http_get|http_post)\s*\(/;

type CatalogPvar = Catalog["core"]["pvars"][number];

/** A config string literal holding `text` (for `pv_isset("$x")`). */
const quote = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** The PV's text with a plain inner name, or without one. */
function plainPv(p: CatalogPvar): string {
  if (p.inner === "none") return `$${p.name}`;
  const inner = p.names === "htable" ? "t=>k" : p.names === "queue" ? "q" : plainInner(p.name);
  return `$${p.name}(${inner})`;
}

/** An inner name the class accepts, so that its read and write paths are reached. */
function plainInner(name: string): string {
  switch (name) {
    case "xavp":
    case "xavu":
    case "xavi":
      return "a=>b";
    case "hdr":
    case "hdrc":
    case "hfl":
    case "hflc":
      return "Via";
    case "time":
    case "utime":
      return "hour";
    case "timef":
    case "utimef":
      return "%Y-%m-%d";
    case "TV":
      return "s";
    case "nh":
      return "u";
    case "version":
      return "num";
    case "msg":
      return "len";
    case "err":
      return "class";
    case "shtrecord":
      return "key";
    case "env":
    case "envn":
      return "HOME";
    case "def":
    case "defn":
      return "D";
    default:
      return "x";
  }
}

/** `k` items of `list`, the `turn`th window of them, wrapping round. */
function rotate<T>(list: readonly T[], turn: number, k: number): T[] {
  if (list.length <= k) return [...list];
  return Array.from({ length: k }, (_, i) => list[(turn * k + i) % list.length] as T);
}

/**
 * A PV's text with odd inner names, indexes and transformations. Each PV gets a window of each
 * list, `turn` choosing which, so that every odd value meets many classes and the test stays
 * fast; the empty inner name and the `*` index, the oddest, every one.
 */
function pvForms(p: CatalogPvar, turn: number): { tag: string; text: string }[] {
  const forms: { tag: string; text: string }[] = [];
  const body = plainPv(p).slice(1);
  if (p.inner === "none") forms.push({ tag: "inner given", text: `$${p.name}(x)` });
  else {
    const inners = p.names ? ODD_NAMED_INNER[p.names] : ["", ...rotate(ODD_INNER.slice(1), turn, INNERS_PER_PV)];
    for (const inner of inners) forms.push({ tag: `inner ${JSON.stringify(inner)}`, text: `$${p.name}(${inner})` });
    if (p.inner === "required") forms.push({ tag: "no inner", text: `$${p.name}` });
  }
  for (const index of ["*", ...rotate(ODD_INDEXES.slice(1), turn, INDEXES_PER_PV)]) {
    forms.push({ tag: `index [${index}]`, text: `$(${body}[${index}])` });
  }
  for (const tr of rotate(ODD_TRANSFORMS, turn, TRANSFORMS_PER_PV)) {
    forms.push({ tag: `tr ${tr}`, text: `$(${body}${tr})` });
  }
  forms.push({ tag: "index and tr", text: `$(${body}[-1]{s.len}{s.int})` });
  return forms;
}

/** Reads of `text` in a log format, in expressions, in a condition and as a function's argument. */
const read = (text: string) =>
  [
    `xlog("L_INFO", ${quote(`[${text}]`).slice(0, -1)}\\n");`,
    `$var(r) = ${text};`,
    `$var(r) = ${text} + 1;`,
    `$var(r) = ${text} + "s";`,
    `if (${text} == "a" || ${text} > 1 || !${text} || ${text} == $null) { xlog("L_INFO", "y\\n"); }`,
    `pv_isset(${quote(text)});`,
  ].join("\n");

/** Writes of a string, an int and $null. */
const write = (text: string) => `${text} = "v";\n${text} = 1;\n${text} = $null;`;

function pvCases(p: CatalogPvar, turn: number, out: Case[]): void {
  const base = plainPv(p);
  const add = (what: string, body: string, slot: Slot = "request") =>
    out.push({ id: `pv ${p.name} ${what} @${slot}`, body, slot, blocking: false });
  for (const slot of [...RUN_SLOTS, ...COMPILE_SLOTS]) add("read", read(base), slot);
  const forms = pvForms(p, turn);
  for (const form of forms) add(`read ${form.tag}`, read(form.text));
  // Where Kamailio refuses a write the checker must refuse it, cleanly: one try is enough.
  if (!p.writable) {
    add("write", write(base));
    for (const form of forms.slice(0, 2)) add(`write ${form.tag}`, write(form.text));
    return;
  }
  for (const v of ODD_ASSIGNED) add(`write ${v.slice(0, 40)}`, `${base} = ${v};`);
  for (const slot of [...RUN_SLOTS, ...COMPILE_SLOTS]) if (slot !== "request") add("write", write(base), slot);
  for (const form of forms) add(`write ${form.tag}`, write(form.text));
  add("unset", `pv_unset(${quote(base)});`);
}

/** The argument lists a function is called with at one arity: a few fixed ones and seeded picks. */
function argLists(arity: number, rng: () => number): string[][] {
  if (arity === 0) return [[]];
  const fixed = [ODD_STRINGS[0], ODD_INTS[8], ODD_PVS[1], ODD_PVS[0]].map((a) => Array(arity).fill(a) as string[]);
  const picked = Array.from({ length: 10 }, () =>
    Array.from({ length: arity }, () => ODD_ARGS[pick(rng, ODD_ARGS.length)] as string),
  );
  return [...fixed, ...picked];
}

function functionCases(module: string, f: CatalogFunction, rng: () => number, out: Case[]): void {
  for (const arity of f.arity) {
    for (const [i, args] of argLists(arity, rng).entries()) {
      const call = `${f.name}(${args.join(", ")})`;
      const body = `${call};\n$var(r) = ${call};\nif (${call}) { xlog("L_INFO", "r=$rc\\n"); }`;
      const slots: readonly Slot[] = i === 0 ? [...RUN_SLOTS, ...COMPILE_SLOTS] : i < 4 ? RUN_SLOTS : ["request"];
      for (const slot of slots) {
        out.push({ id: `fn ${module}.${f.name}/${arity} #${i} @${slot}`, body, slot, blocking: BLOCKING.test(body) });
      }
    }
  }
}

/** Binary operators of Kamailio 5.6's script (core/cfg.y), and unary ones. */
const BINARY = [
  "+",
  "-",
  "*",
  "/",
  "%",
  "|",
  "&",
  "^",
  "<<",
  ">>",
  "==",
  "!=",
  "<",
  ">",
  "<=",
  ">=",
  "=~",
  "&&",
  "||",
  "eq",
  "ne",
  "ieq",
  "ine",
];
const UNARY = ["!", "-", "~", "defined ", "strlen", "strempty"];

/** Odd operands: the values a PV is assigned, and PVs. */
const OPERANDS = [...ODD_ASSIGNED, ...ODD_PVS, "(1 + 2)", `"a" + 1`, "-2147483648"];

/** The core's operators, statements and actions with odd operands (core/rvalue.c, core/action.c). */
function coreCases(rng: () => number, out: Case[]): void {
  const any = () => OPERANDS[pick(rng, OPERANDS.length)] as string;
  const add = (id: string, body: string) =>
    out.push({ id: `core ${id} @request`, body, slot: "request", blocking: false });
  for (const op of BINARY) {
    for (let i = 0; i < 6; i++)
      add(`${op} #${i}`, `$var(r) = ${any()} ${op} ${any()};\nif (${any()} ${op} ${any()}) { $var(r) = 1; }`);
  }
  for (const op of UNARY) {
    const apply = (x: string) => (/^[a-z]/.test(op) && !op.endsWith(" ") ? `${op}(${x})` : `${op}${x}`);
    for (let i = 0; i < 4; i++)
      add(`${op.trim()} #${i}`, `$var(r) = ${apply(any())};\nif (${apply(any())}) { $var(r) = 1; }`);
  }
  for (const v of OPERANDS) {
    add(`return ${v}`, `return(${v});`);
    add(
      `switch ${v}`,
      `switch (${v}) {\n    case "": $var(r) = 1; break;\n    case 1: $var(r) = 2;\n    case /"[": $var(r) = 3; break;\n    default: $var(r) = 4;\n}`,
    );
    add(`while ${v}`, `$var(i) = 0;\nwhile (${v} && $var(i) < 3) { $var(i) = $var(i) + 1; }`);
    add(`route ${v}`, `route(${v});`);
  }
  for (const body of [
    "exit;",
    "drop;",
    "return;",
    "break;",
    `route("");`,
    `route("C0");`,
    "$var(r) = $var(r) / 0;",
    "$var(r) = 2147483647 + 1;",
    "$var(r) = -2147483648 / -1;",
    "$var(r) = -2147483648 % -1;",
    "$var(r) = 1 << 99;",
    `$var(r) = "a" * "b";`,
    "$var(r) = $var(r) + $var(r) + $var(r);",
  ]) {
    add(body, body);
  }
}

/** Odd values of a parameter, by the type the catalogue gives it. */
function paramValues(type: string, rng: () => number): string[] {
  const str = () => ODD_STRINGS[pick(rng, ODD_STRINGS.length)] as string;
  switch (type) {
    case "int":
      return ["0", "-1", "2147483648", "99999999999999999999", str()];
    case "bool":
      return ["yes", "off", "2", "-1", str()];
    case "socket":
      return [`"udp:[::1]:99999"`, `"x:y:z"`, "tcp:0.0.0.0:0", `""`];
    default:
      return [`""`, str(), str(), "-1", "99999999999999999999"];
  }
}

/** Odd `key=value;...` texts for a parameter that takes attributes (mqueue's `mqueue`...). */
function keyedValues(keys: readonly string[], rng: () => number): string[] {
  // Not "1u": an rtimer firing every microsecond is a heavy run (a million tasks a second), not an odd one.
  const odd = ["", "-1", "0", "99999999999", "x", "ü😀", "q", "t", "tm", "TIMER", "0u", "=", "a=>b"];
  const one = () => keys.map((k) => `${k}=${odd[pick(rng, odd.length)]}`).join(";");
  return [`"${one()}"`, `"${one()};"`, `"${keys[0]}"`, `";;"`, `"${one()};${one()}"`];
}

/** Every core parameter and every simulated module's modparam with odd values. */
function paramCases(rng: () => number, out: Case[]): void {
  const add = (id: string, top: string) =>
    out.push({ id: `param ${id}`, body: "$var(p) = 1;", slot: "request", blocking: false, top });
  const catalog = moduleCatalog();
  for (const p of catalog.core.params) {
    for (const v of paramValues(p.value, rng)) add(`${p.name}=${v.slice(0, 30)}`, `${p.name}=${v}`);
  }
  for (const m of catalog.modules) {
    if (!m.simulated) continue;
    for (const p of m.params) {
      const values = p.keys ? keyedValues(p.keys, rng) : paramValues(p.type, rng);
      for (const v of values) add(`${m.name}.${p.name}=${v.slice(0, 30)}`, `modparam("${m.name}", "${p.name}", ${v})`);
    }
  }
}

/** Every case, in a fixed order, from the catalogue and a seeded generator. */
export function allCases(seed = 1): Case[] {
  const rng = createRng(seed);
  const catalog = moduleCatalog();
  const out: Case[] = [];
  coreCases(rng, out);
  paramCases(rng, out);
  let turn = 0;
  for (const p of catalog.core.pvars) pvCases(p, turn++, out);
  for (const f of catalog.core.functions) functionCases("core", f, rng, out);
  for (const m of catalog.modules) {
    if (!m.simulated) continue;
    for (const p of m.pvars) pvCases(p, turn++, out);
    for (const f of m.functions) functionCases(m.name, f, rng, out);
  }
  catalogCases(rng, out);
  return out;
}

/**
 * The PVs and functions of the modules kamsim only catalogues: it gives their functions a
 * stand-in and warns, and their PVs must not crash either. Fewer odd values each, as there are
 * many of them and no behaviour behind.
 */
function catalogCases(rng: () => number, out: Case[]): void {
  for (const m of moduleCatalog().modules) {
    if (m.simulated) continue;
    for (const p of m.pvars) {
      const base = plainPv(p);
      const add = (what: string, body: string, slot: Slot = "request") =>
        out.push({ id: `pv ${m.name}.${p.name} ${what} @${slot}`, body, slot, blocking: false, catalog: true });
      add("read", read(base));
      add("read", read(base), "reply");
      for (const form of pvForms(p, 0).slice(0, 3)) add(`read ${form.tag}`, read(form.text));
      add("write", write(base));
    }
    for (const f of m.functions) {
      for (const arity of f.arity) {
        for (const [i, args] of argLists(arity, rng).slice(0, 6).entries()) {
          if (i === 2 || i === 3) continue;
          const call = `${f.name}(${args.join(", ")})`;
          const body = `${call};\nif (${call}) { xlog("L_INFO", "r=$rc\\n"); }`;
          const slot: Slot = i === 0 ? "reply" : "request";
          out.push({
            id: `fn ${m.name}.${f.name}/${arity} #${i} @${slot}`,
            body,
            slot,
            blocking: false,
            catalog: true,
          });
        }
      }
    }
  }
}

/**
 * The modules a config loads: the simulated ones, or all the catalogue's, tm and usrloc first
 * (modules that bind them refuse to start before them).
 */
export function loadedModules(all: boolean): string[] {
  const first = all ? ["tm", "usrloc"] : [];
  const rest = moduleCatalog()
    .modules.filter((m) => all || m.simulated)
    .map((m) => m.name);
  return [...first, ...rest.filter((m) => !first.includes(m))];
}
