/**
 * The pseudo-variables a module declaration claims, shown to `kamailio -c` one assignment a
 * line (`$name = 1;` or `$name(x) = 1;`), and Kamailio's verdict on each.
 *
 * The parser looks each one up as it reads it (core/cfg.y `pvar`: `pv_cache_get()`): an unknown
 * class logs `error searching pvar "NAME"`, a class used without the inner name it needs
 * `expects an inner name`, a name given to a class that takes none `does not get name param`
 * (core/pvapi.c `pv_parse_spec2()`), and any of these ends the parse (`YYABORT`). So the line
 * that ended it is judged, blanked, and the config read again until it passes. A class that
 * refuses the inner name given (`x`, or SAMPLE_INNER's) exists and takes a name: that is all its line can tell. A
 * readable-only one assigned to logs `read only pvar in assignment left side`, which does not
 * end the parse.
 */
import type { ModuleDef, PvDef } from "../../src/engine/modules/types.js";

export type PvarVerdict =
  | "ok"
  | "read only"
  | "unknown"
  | "expects an inner name"
  | "takes no inner name"
  | "name refused"
  | "syntax error";

/**
 * Inner names Kamailio's parser accepts for classes that refuse `x` (each class parses its own:
 * `$C` wants two colour letters, htable `table=>key`, `$T_req` a PV...). Found by trying.
 */
const SAMPLE_INNER: Readonly<Record<string, string>> = {
  C: "bx",
  async: "a=>b",
  dsv: "code",
  jsonrpl: "code",
  ulc: "r=>count",
  sdp: "body",
  uac_req: "ruri",
  cfg: "name",
  rdir: "id",
  dbr: "k=>rows",
  dlg_ctx: "timeout",
  dlg: "ref",
  dns: "r=>count",
  srvquery: "r=>count",
  naptrquery: "r=>count",
  HN: "i",
  T_inv: "$rm",
  T_req: "$rm",
  T_rpl: "$rm",
  T: "uri",
  T_branch: "uri",
  pcv: "all",
  sht: "a=>b",
  shtex: "a=>b",
  shtcn: "a=>b",
  shtcv: "a=>b",
  shtinc: "a=>b",
  shtdec: "a=>b",
  shtrecord: "key",
  af: "id",
  branch: "uri",
  sbranch: "uri",
  snd: "buf",
  sndto: "buf",
  sndfrom: "buf",
  rcv: "buf",
  Bf: "1",
  cnt: "$avp(x)",
  Mf: "1",
  Sf: "1",
  time: "min",
  utime: "min",
  TV: "s",
  nh: "i",
  version: "full",
  K: "UDP",
  ksr: "ver",
  expires: "min",
  msg: "buf",
  rpl: "duri",
  via0: "i",
  via1: "i",
  viaZ: "i",
  msgbuf: "1",
};

/**
 * A PV as written in the config for its declaration. Names the lexer cannot read whole in the
 * short form are written `$(name)`: a dot ends `$name` (core/cfg.lex `PVARID` accepts `{ID}`
 * and, by a quoting slip, the three characters `'.'` rather than a dot), and `$rc...` is taken
 * as the return-code token `$rc` (`RETCODE`, the longer match than `$`).
 */
export function pvarText(name: string, def: PvDef): string {
  const inner = def.inner === "required" ? `${name}(${SAMPLE_INNER[name] ?? "x"})` : name;
  return name.includes(".") || name.startsWith("rc") ? `$(${inner})` : `$${inner}`;
}

export function pvarConfig(
  needs: readonly string[],
  pvars: readonly [string, PvDef][],
): { text: string; first: number } {
  const head = ["#!KAMAILIO", ...needs.map((m) => `loadmodule "${m}.so"`), "request_route {"];
  const lines = pvars.map(([name, def]) => `  ${pvarText(name, def)} = 1;`);
  return { text: `${[...head, ...lines, "}"].join("\n")}\n`, first: head.length + 1 };
}

/**
 * Judges every PV: `run` gives Kamailio's `-c` output for a config text. Returns the verdict per
 * PV name, and how many `-c` runs it took.
 */
export async function judgePvars(
  needs: readonly string[],
  pvars: readonly [string, PvDef][],
  run: (text: string) => Promise<string>,
): Promise<{ verdicts: Map<string, PvarVerdict>; runs: number }> {
  const verdicts = new Map<string, PvarVerdict>();
  const left = [...pvars];
  let runs = 0;
  // An empty block is a syntax error: stop when every PV is judged.
  while (left.length > 0) {
    const { text, first } = pvarConfig(needs, left);
    const output = await run(text);
    runs++;
    const aborted = /Can't get from cache: [^\n]*/.exec(output);
    const at = /parse error in config file [^,]*, line (\d+), column [\d-]+: Can't get from cache/.exec(output);
    if (aborted && at) {
      const index = Number(at[1]) - first;
      const entry = left[index];
      if (!entry) throw new Error(`Kamailio blamed a line without a PV:\n${output}`);
      const [name, def] = entry;
      const cached = /Can't get from cache: (\S+)/.exec(output)?.[1];
      const verdict: PvarVerdict =
        cached !== pvarText(name, def)
          ? "syntax error"
          : output.includes(`error searching pvar "${name}"`)
            ? "unknown"
            : output.includes(`pvar "${name}" expects an inner name`)
              ? "expects an inner name"
              : output.includes(`pvar "${name}" does not get name param`)
                ? "takes no inner name"
                : "name refused";
      verdicts.set(name, verdict);
      left.splice(index, 1);
      continue;
    }
    // Every other complaint (a syntax error: the lexer may split a name) is judged per line.
    const complaints = new Map<number, string>();
    for (const m of output.matchAll(/parse error in config file [^,]*, line (\d+), column [\d-]+: ([^\n]*)/g)) {
      // A syntax error on the line outweighs a "read only" said of the part read before it.
      const prev = complaints.get(Number(m[1]) - first);
      if (prev === undefined || /read only pvar/.test(prev)) complaints.set(Number(m[1]) - first, m[2] as string);
    }
    left.forEach(([name], i) => {
      const c = complaints.get(i);
      verdicts.set(name, c === undefined ? "ok" : /read only pvar/.test(c) ? "read only" : "syntax error");
    });
    const stray = [...complaints.keys()].filter((i) => i < 0 || i >= left.length);
    if (stray.length > 0) throw new Error(`Kamailio refused the PV config otherwise:\n${output}\n--- config\n${text}`);
    break;
  }
  return { verdicts, runs };
}

/** Disagreements between a module's PV declarations and Kamailio's verdicts, one line each. */
export function pvarDisagreements(mod: string, pvars: readonly [string, PvDef][], verdicts: Map<string, PvarVerdict>) {
  const out: string[] = [];
  for (const [name, def] of pvars) {
    const v = verdicts.get(name);
    if (v === "unknown") out.push(`${mod}: $${name} unknown to Kamailio`);
    else if (v === "syntax error") out.push(`${mod}: $${name} is a syntax error for Kamailio`);
    else if (v === "expects an inner name")
      out.push(`${mod}: $${name} declared without inner name, Kamailio needs one`);
    else if (v === "takes no inner name") out.push(`${mod}: $${name} declared with an inner name, Kamailio takes none`);
    else if (v === "read only" && def.writable) out.push(`${mod}: $${name} declared writable, Kamailio: read only`);
    else if (v === "ok" && !def.writable) out.push(`${mod}: $${name} declared read only, Kamailio assigns it`);
  }
  return out;
}

/** The PVs of a module declaration as pairs. */
export function pvarsOf(mod: ModuleDef): [string, PvDef][] {
  return Object.entries(mod.pvars ?? {});
}
