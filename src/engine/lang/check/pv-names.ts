/**
 * The inner name and the index of a pseudo-variable, judged as Kamailio 5.6.3's pv_parse_spec2()
 * (core/pvapi.c) and the class's own name parser judge them when the config is read: an empty
 * `$var()`, a name on a class that takes none (`$si(x)`), an AVP id that parse_avp_ident()
 * (core/usr_avp.c) refuses (`$avp(i:abc)`), `$cnt` of something that is not an AVP or XAVP
 * (pv_parse_cnt_name() in modules/pv/pv_core.c), and an index that pv_parse_index() refuses
 * (`$(hdr(X)[x])`). Each message is the line of pv_parse_spec2() that names the pvar
 * (docs/kamailio/pseudo-variables.md#malformed-names).
 */
import type { PvInner } from "../exports.js";
import { type PvSpec, parseFormat, parsePvAt } from "../pv-spec.js";

/** Track and class prefixes of `<track><class>.<name>` AVP ids (parse_avp_ident()). */
const AVP_PREFIXES: ReadonlySet<string> = new Set(["f", "t", "fr", "tr", "fu", "tu", "fd", "td", "g"]);

/** Whether parse_avp_ident() takes a static AVP name (what is inside `$avp(...)`). */
export function avpIdentOk(name: string): boolean {
  if (name.length >= 2 && name[1] === ":") {
    // The old `i:42` / `s:foo` forms: str2int() wants digits only.
    const rest = name.slice(2);
    if (rest === "") return false;
    const type = name[0]?.toLowerCase();
    if (type === "s") return true;
    return type === "i" && /^[0-9]+$/.test(rest);
  }
  const dot = name.indexOf(".");
  if (dot < 0) return true;
  if (!AVP_PREFIXES.has(name.slice(0, dot))) return false;
  let rest = name.slice(dot + 1);
  if (rest === "") return false;
  if (rest.endsWith("]")) {
    const open = rest.indexOf("[");
    if (open < 0) return false;
    const index = rest.slice(open + 1, -1).replace(/^-/, "");
    if (index !== "" && !/^[0-9]*[1-9][0-9]*$/.test(index)) return false;
    rest = rest.slice(0, open);
  }
  if (/[.[\]]/.test(rest)) return false;
  if (rest.length > 2 && rest.startsWith("/") && rest.endsWith("/")) return true;
  return !rest.includes("/");
}

/**
 * The name Kamailio prints for a refused AVP id: parse_avp_ident() has stepped over an `i:`/`s:`
 * type or a one- or two-letter class prefix in place before it gave up.
 */
function avpShownName(name: string): string {
  if (name[1] === ":") return name.slice(2);
  const dot = name.indexOf(".");
  return dot === 1 || dot === 2 ? name.slice(dot + 1) : name;
}

/** Whether a class of pvar exists (the core or a loaded module provides it). */
export type KnownPvar = (cls: string) => boolean;

/** The class of a PV given as a name (`$cnt($avp(x))`, `$avp($var(n))`), when it parses and exists. */
function innerPvClass(text: string, known: KnownPvar): string | undefined {
  if (!text.startsWith("$")) return undefined;
  const r = parsePvAt(text, 0, true);
  if ("error" in r || !known(r.spec.name)) return undefined;
  return r.spec.name;
}

/** htable's pvars (pv_parse_ht_name() in modules/htable/ht_var.c): `table=>key`. */
const HT_CLASSES: ReadonlySet<string> = new Set(["sht", "shtex", "shtcn", "shtcv", "shtinc", "shtdec"]);

/** `table=>key`, the key a format (pv_parse_format()) whose pvars must exist. */
function htNameOk(inner: string, known: KnownPvar): boolean {
  const m = /^[ \t\n\r]*[^= \t\n\r]+[ \t\n\r]*=>/.exec(inner);
  if (!m) return false;
  const key = parseFormat(inner.slice(m[0].length));
  return key.errors.length === 0 && key.parts.every((p) => p.kind !== "pv" || known(p.spec.name));
}

/** Whether the class's name parser takes `inner` (only the classes whose parser refuses names). */
function nameOk(cls: string, inner: string, known: KnownPvar): boolean {
  if (HT_CLASSES.has(cls)) return htNameOk(inner, known);
  switch (cls) {
    case "avp":
      // pv_parse_avp_name(): a PV names the AVP at run time; anything else is an AVP id.
      return inner.startsWith("$") ? innerPvClass(inner, known) !== undefined : avpIdentOk(inner);
    case "cnt": {
      const c = innerPvClass(inner, known);
      return c === "avp" || c === "xavp";
    }
    case "xavp":
    case "xavu":
    case "xavi":
      // A `=>` must name the field after it (observed on 5.6.3: `$xavp(a=>)` is refused).
      return !/=>\s*$/.test(inner);
    default:
      return true;
  }
}

/** pv_parse_index(): a PV, `*`, `+`, or an int with an optional `-`. */
function indexOk(index: string, known: KnownPvar): boolean {
  if (index.startsWith("$")) return innerPvClass(index, known) !== undefined;
  return index === "*" || index === "+" || /^-?[0-9]*$/.test(index);
}

/**
 * The classes that take an index, among those of the core and the modules whose `pv_export_t`
 * tables are read here (modules/pv/pv.c: only these give `pv_parse_index`; htable, mqueue and
 * the other simulated modules give none). Others say `pvar "var" does not get index param`.
 */
const INDEXED: ReadonlySet<string> = new Set(["branch", "avp", "hdr", "hfl", "ai", "pd", "pn", "pu", "pU"]);
const INDEX_TABLES_READ: ReadonlySet<string | undefined> = new Set([
  undefined,
  "pv",
  "htable",
  "mqueue",
  "sl",
  "xlog",
  "pike",
  "rtimer",
  "cfgutils",
  "maxfwd",
]);

/**
 * Kamailio's words for what is wrong with the spec's inner name or index, given how its class
 * takes a name and which module gives it; undefined when Kamailio takes it.
 */
export function pvNameError(
  spec: PvSpec,
  inner: PvInner,
  module: string | undefined,
  known: KnownPvar,
): string | undefined {
  const pvar = `pvar "${spec.name}"`;
  if (spec.inner === undefined) {
    if (inner === "required") return `${pvar} expects an inner name`;
    return indexError(spec, module, known);
  }
  if (inner === "none") return `${pvar} does not get name param`;
  if (spec.inner === "") return `${pvar} does not get empty name param`;
  if (!nameOk(spec.name, spec.inner, known)) {
    const shown = spec.name === "avp" ? avpShownName(spec.inner) : spec.inner;
    return `${pvar} has an invalid name param [${shown}]`;
  }
  return indexError(spec, module, known);
}

function indexError(spec: PvSpec, module: string | undefined, known: KnownPvar): string | undefined {
  const pvar = `pvar "${spec.name}"`;
  if (spec.index === undefined) return undefined;
  if (!INDEXED.has(spec.name)) {
    return INDEX_TABLES_READ.has(module) ? `${pvar} does not get index param` : undefined;
  }
  if (spec.index === "") return `${pvar} does not get empty index param`;
  if (!indexOk(spec.index, known)) return `${pvar} has an invalid index param [${spec.index}]`;
  return undefined;
}
