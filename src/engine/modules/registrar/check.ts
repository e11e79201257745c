/**
 * registrar's start-up checks: `$ulc(profile=>attr)` names (regpv.c pv_parse_ulc_name(): a
 * profile, `=>` and a known attribute, else Kamailio refuses the pvar) and save()'s flags
 * (registrar.c save_fixup(): a number up to REG_SAVE_ALL_FL, "bad flags").
 */
import type { Span } from "../../base/source.js";
import type { Expr } from "../../lang/ast.js";
import type { PvSpec } from "../../lang/pv-spec.js";
import type { ModuleCheckContext, ModuleChecker } from "../types.js";

/** The attributes pv_parse_ulc_name() knows (regpv.c). */
export const ULC_ATTRS = new Set([
  "aor",
  "domain",
  "aorhash",
  "addr",
  "path",
  "received",
  "expires",
  "callid",
  "q",
  "cseq",
  "flags",
  "cflags",
  "user_agent",
  "socket",
  "modified",
  "methods",
  "count",
  "ruid",
  "regid",
  "instance",
  "conid",
  "server_id",
]);

/** pv_parse_ulc_name()'s verdict on an inner name; undefined when it is accepted. */
export function ulcNameError(inner: string): string | undefined {
  let i = 0;
  while (i < inner.length - 2 && inner[i] !== "=") i++;
  if (i >= inner.length - 2 || inner[i + 1] !== ">") return `invalid contact pv name ${inner}`;
  const attr = inner.slice(i + 2);
  // A 9-letter name other than server_id is taken (regpv.c's `case 9` has no error branch).
  if (!ULC_ATTRS.has(attr) && attr.length !== 9) return `unknown contact attr name in ${inner}`;
  return undefined;
}

/**
 * Parameters whose behaviour kamsim does not simulate, with what happens instead: a config that
 * sets them is told (issue "stand-ins stop lying"), not silently run as if they worked.
 */
const UNSIMULATED_PARAMS: Readonly<Record<string, (v: string | number) => string | undefined>> = {
  path_use_received: (v) => (Number(v) !== 0 ? "the first Path hop's received parameter is not used" : undefined),
  path_check_local: (v) => (Number(v) !== 0 ? "a first Path hop that is this proxy is not skipped" : undefined),
  outbound_mode: (v) => (Number(v) !== 0 ? "SIP outbound (RFC 5626) is not supported: treated as 0" : undefined),
  sock_flag: () => "the socket is always the receiving one",
  sock_hdr_name: () => "the socket is always the receiving one",
  lookup_filter_mode: (v) => (Number(v) !== 0 ? "lookup() filters nothing" : undefined),
};

export function createRegistrarChecker(): ModuleChecker {
  return {
    modparam(param: string, value: string | number, span: Span, ctx: ModuleCheckContext) {
      const what = UNSIMULATED_PARAMS[param]?.(value);
      if (what)
        ctx.warning(
          "not_simulated",
          `modparam("registrar", "${param}", ${JSON.stringify(value)}) is not simulated by kamsim: ${what}`,
          span,
        );
    },
    pvar(spec: PvSpec, span: Span, ctx: ModuleCheckContext) {
      if (spec.name !== "ulc" || spec.inner === undefined || spec.inner.includes("$")) return;
      const err = ulcNameError(spec.inner);
      if (err) ctx.error("bad_pvar", `${err}: pvar "ulc" has an invalid name param [${spec.inner}]`, span);
    },
    call(name: string, args: readonly Expr[], _span: Span, ctx: ModuleCheckContext) {
      if (name !== "save") return;
      const f = args[1];
      if (f?.kind !== "StringLit" || f.value.includes("$")) return;
      const t = f.value.trim();
      const n = /^0x[0-9a-f]+$/i.test(t)
        ? Number.parseInt(t.slice(2), 16)
        : /^[0-9]+$/.test(t)
          ? Number(t)
          : Number.NaN;
      if (Number.isNaN(n) || n > 31) ctx.error("registrar_fixup", `bad flags <${f.value}>`, f.span);
    },
  };
}
