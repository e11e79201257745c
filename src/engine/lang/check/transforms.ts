/**
 * Transformations Kamailio 5.6.3 refuses when it reads the config (tr_lookup() in core/pvapi.c):
 * a class no loaded module registers (`{x.len}`; each module's `tr_export_t` table), a name the
 * class's parser does not know (`{s.foo}`; the tr_parse_*() functions of modules/pv/pv_trans.c),
 * and parameters it cannot read (`{s.substr,a,b}`). Kamailio then refuses the whole pvar:
 * `error parsing [{...}]` (docs/kamailio/pseudo-variables.md#malformed-names).
 */
import { parseSubst } from "../../base/regex/subst.js";
import { parsePvAt } from "../pv-spec.js";

/** Transformation classes and the module whose `tr_export_t` registers each (5.6.3, every module). */
const CLASS_MODULE: Readonly<Record<string, string>> = {
  s: "pv",
  nameaddr: "pv",
  uri: "pv",
  param: "pv",
  tobody: "pv",
  line: "pv",
  urialias: "pv",
  re: "textops",
  sock: "corex",
  json: "json",
  kz: "kazoo",
  msrpuri: "msrp",
  sql: "sqlops",
  url: "xhttp",
};

/** The names each class of the pv module knows, as its tr_parse_*() compares them (case-insensitive). */
const PV_NAMES: Readonly<Record<string, ReadonlySet<string>>> = {
  s: new Set(
    (
      "len int md5 rmws sha256 sha384 sha512 tolower toupper numeric encode.hexa decode.hexa encode.7bit " +
      "decode.7bit encode.base58 decode.base58 encode.base64 decode.base64 encode.base64t decode.base64t " +
      "encode.base64url decode.base64url encode.base64urlt decode.base64urlt escape.common unescape.common " +
      "escape.user unescape.user escape.param unescape.param escape.csv prefixes prefixes.quoted substr select " +
      "strip striptail stripto ftime replace corehash trim rtrim ltrim rm urlencode.param urldecode.param " +
      "unquote unbracket count before after rbefore rafter fmtlines fmtlinet"
    ).split(" "),
  ),
  uri: new Set(
    "user host domain passwd port saor suri duri params headers param transport ttl uparam maddr method lr r2 scheme tosocket".split(
      " ",
    ),
  ),
  param: new Set(["value", "in", "valueat", "name", "count"]),
  nameaddr: new Set(["uri", "len", "name"]),
  tobody: new Set(["uri", "tag", "user", "host", "params", "display"]),
  line: new Set(["at", "sw", "count"]),
  urialias: new Set(["encode", "decode"]),
};

/** What the checker needs to know of kamsim's own reading of a transformation. */
export interface TransformReading {
  /** Whether kamsim reads (and applies) `body`. */
  applies(body: string): boolean;
  /** Whether kamsim applies this class and name with some parameters (then it reads them as Kamailio). */
  simulatesName(cls: string, name: string): boolean;
  /** Whether kamsim leaves `body` alone by its own choice although Kamailio reads it. */
  kamsimOnlyRefusal(body: string): boolean;
}

/**
 * Kamailio's words for why it refuses the transformation `body` (the text between the braces),
 * given the loaded modules; undefined when it takes it (or kamsim cannot tell).
 */
export function transformError(
  body: string,
  loaded: ReadonlySet<string>,
  kamsim: TransformReading,
): string | undefined {
  const dot = body.indexOf(".");
  // tr_get_class(): the class runs up to the first `.`, and may not be empty.
  if (dot <= 0) return `invalid transformation: {${body}}`;
  const cls = body.slice(0, dot);
  const module = CLASS_MODULE[cls];
  if (module === undefined || !loaded.has(module)) return `unknown transformation: [${cls}] in [{${body}}]`;
  const names = PV_NAMES[cls];
  if (!names) return cls === "re" ? reTransformError(body.slice(dot + 1)) : undefined;
  const end = body.slice(dot + 1).search(/[,}]/);
  const name = (end < 0 ? body.slice(dot + 1) : body.slice(dot + 1, dot + 1 + end))
    .replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "")
    .toLowerCase();
  if (!names.has(name)) return `unknown transformation: ${body}/${name}`;
  if (kamsim.simulatesName(cls, name) && !kamsim.applies(body) && !kamsim.kamsimOnlyRefusal(body))
    return `invalid param in transformation: ${body}`;
  return undefined;
}

/**
 * textops' `re` class (modules/textops/txt_var.c tr_txt_parse_re): only `subst`, whose literal
 * expression core/re.c's subst_parser must take at start-up (a PV one is parsed at run time).
 */
function reTransformError(rest: string): string | undefined {
  const comma = rest.indexOf(",");
  const name = (comma < 0 ? rest : rest.slice(0, comma)).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
  if (name.toLowerCase() !== "subst") return `unknown transformation: re.${rest}/${name}`;
  const expr = comma < 0 ? "" : rest.slice(comma + 1);
  if (expr.startsWith("$")) return undefined;
  const parsed = parseSubst(expr, (text, at) => {
    const p = parsePvAt(text, at);
    return "spec" in p ? p.length : undefined;
  });
  return parsed.ok ? undefined : `${parsed.error}: invalid transformation [re.${rest}]`;
}
