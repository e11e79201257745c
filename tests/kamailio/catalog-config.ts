/**
 * Turns a module declaration of kamsim's catalog into a config that claims everything the
 * declaration claims, for `kamailio -c`, and reads Kamailio's verdict back per claim.
 *
 * `kamailio -c` stops right after parsing (main.c: `if (config_check)` before `init_modules()`),
 * and the parser already resolves what the catalog declares: `modparam` calls
 * `set_mod_param_regex()` (core/modparam.c), which looks the name up with its type and says
 * "parameter <P> of type <N:T> not found in module <M>"; a function call is looked up by name,
 * argument count and the route type of the block it stands in (`find_export_record()` in
 * core/cfg.y: "failed to find command F (params N)" / "misused command F"). The parser goes on
 * after each of these errors, so one config per module pins every claim by its line.
 *
 * Pseudo-variables are different: an unknown one ends the parse (`Can't get from cache`), so
 * they are checked one config at a time by `pvarConfig`.
 */
import { type ModuleDef, RouteKind } from "../../src/engine/modules/types.js";

/** The blocks whose route type the parser knows while it reads them (core/cfg.y sets `rt`). */
export const PARSE_TIME_BLOCKS: readonly { kind: keyof typeof RouteKind; open: string }[] = [
  { kind: "REQUEST", open: "route[CHECK_REQUEST] {" },
  { kind: "FAILURE", open: "failure_route[CHECK_FAILURE] {" },
  { kind: "TM_ONREPLY", open: "onreply_route[CHECK_TM_ONREPLY] {" },
  { kind: "CORE_ONREPLY", open: "onreply_route {" },
  { kind: "BRANCH", open: "branch_route[CHECK_BRANCH] {" },
  { kind: "ONSEND", open: "onsend_route {" },
];

/** What one line of a generated config claims. */
export type Claim =
  | { what: "param"; module: string; name: string; type: "int" | "string" }
  | { what: "call"; module: string; name: string; arity: number; kind: keyof typeof RouteKind; allowed: boolean };

export interface CatalogConfig {
  text: string;
  /** Config line (1-based) → the claim written on it. */
  claims: ReadonlyMap<number, Claim>;
}

/**
 * One config for a module: `loadmodule` of what it needs and of itself, each parameter set
 * with a value of its declared type, each function called with each declared argument count in
 * each block the parser can type.
 */
export function moduleConfig(mod: ModuleDef, needs: readonly string[] = []): CatalogConfig {
  const lines: string[] = ["#!KAMAILIO"];
  const claims = new Map<number, Claim>();
  const add = (line: string, claim?: Claim) => {
    lines.push(line);
    if (claim) claims.set(lines.length, claim);
  };
  for (const m of [...needs, mod.name]) add(`loadmodule "${m}.so"`);
  for (const [name, p] of Object.entries(mod.params)) {
    // A value of the declared type: a bare number is PARAM_INT, a quoted string PARAM_STRING.
    const value = p.type === "int" ? "1" : '"1"';
    add(`modparam("${mod.name}", "${name}", ${value})`, { what: "param", module: mod.name, name, type: p.type });
  }
  // An empty block is a syntax error: a module without functions gets none.
  for (const block of Object.keys(mod.functions).length > 0 ? PARSE_TIME_BLOCKS : []) {
    add(block.open);
    const bit = RouteKind[block.kind];
    for (const [name, f] of Object.entries(mod.functions))
      for (const arity of f.arity) {
        const args = Array.from({ length: arity }, () => '"1"').join(", ");
        add(`  ${name}(${args});`, {
          what: "call",
          module: mod.name,
          name,
          arity,
          kind: block.kind,
          allowed: ((f.routesByArity?.[arity] ?? f.routes) & bit) !== 0,
        });
      }
    add("}");
  }
  return { text: `${lines.join("\n")}\n`, claims };
}

/** What Kamailio said about one line. */
export type LineVerdict = "param not found" | "unknown command" | "misused command" | "other";

/** Kamailio's `-c` output → the verdict on each line it complained about. */
export function lineVerdicts(output: string): Map<number, { verdict: LineVerdict; message: string }> {
  const found = new Map<number, { verdict: LineVerdict; message: string }>();
  for (const m of output.matchAll(/parse error in config file [^,]*, line (\d+), column [\d-]+: ([^\n]*)/g)) {
    const message = m[2] as string;
    const verdict: LineVerdict = /Can't set module parameter/.test(message)
      ? "param not found"
      : /unknown command, missing loadmodule/.test(message)
        ? "unknown command"
        : /Command cannot be used in the block/.test(message)
          ? "misused command"
          : "other";
    // Kamailio may say several things of one line ("syntax error", then what it expected):
    // the first that names a kind decides, the messages are kept together.
    const before = found.get(Number(m[1]));
    if (!before) found.set(Number(m[1]), { verdict, message });
    else
      found.set(Number(m[1]), {
        verdict: before.verdict === "other" ? verdict : before.verdict,
        message: message ? `${before.message} / ${message}` : before.message,
      });
  }
  return found;
}

/** Parameters Kamailio did not find with their declared type (its own ERROR line names them). */
export function paramsNotFound(output: string, module: string): Set<string> {
  const re = new RegExp(`parameter <([^>]+)> of type <[^>]+> not found in module <${module}>`, "g");
  return new Set([...output.matchAll(re)].map((m) => m[1] as string));
}

/**
 * The disagreements between what a config claims and what Kamailio said, one line each,
 * e.g. `rr: function loose_routex/0 not found`.
 */
export function disagreements(config: CatalogConfig, output: string, module: string): string[] {
  const verdicts = lineVerdicts(output);
  const missingParams = paramsNotFound(output, module);
  const out: string[] = [];
  const unknownCalls = new Set<string>();
  for (const [line, claim] of config.claims) {
    const v = verdicts.get(line)?.verdict;
    if (claim.what === "param") {
      // A parameter set through a callback may refuse the value "1"; only "not found" is a
      // wrong name or type.
      if (missingParams.has(claim.name)) out.push(`${module}: parameter ${claim.name} (${claim.type}) not found`);
      continue;
    }
    const call = `${claim.name}/${claim.arity}`;
    if (v === "unknown command") {
      unknownCalls.add(call);
      continue;
    }
    if (v === "other") out.push(`${module}: ${call} in ${claim.kind}: ${verdicts.get(line)?.message}`);
    else if (claim.allowed && v === "misused command")
      out.push(`${module}: ${call} declared for ${claim.kind}, Kamailio refuses it there`);
    else if (!claim.allowed && v === undefined)
      out.push(`${module}: ${call} not declared for ${claim.kind}, Kamailio allows it there`);
  }
  for (const call of unknownCalls) out.unshift(`${module}: function ${call} not found`);
  // Lines Kamailio blamed that carry no claim (a loadmodule, a block): the config itself is wrong.
  for (const [line, v] of verdicts)
    if (!config.claims.has(line)) out.push(`${module}: line ${line} (no claim): ${v.message}`);
  return out;
}
