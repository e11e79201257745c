/**
 * rr's start-up refusals (rr_mod.c fixups): is_direction() needs `append_fromtag` on and a
 * direction of "downstream" or "upstream" (any case, direction_fixup()); `$rdir` takes `id` or
 * `name` (pv_parse_rdir_name()). Kamailio checks them when it fixes the calls up, after every
 * modparam is set, so the checks run once the whole config is read.
 */
import type { Span } from "../../base/source.js";
import type { Expr } from "../../lang/ast.js";
import type { PvSpec } from "../../lang/pv-spec.js";
import type { ModuleCheckContext, ModuleChecker } from "../types.js";

export function createRrChecker(): ModuleChecker {
  let appendFromtag = true;
  const directions: { text: string | undefined; span: Span }[] = [];
  const rdirs: { inner: string; span: Span }[] = [];
  return {
    modparam(param, value) {
      if (param === "append_fromtag") appendFromtag = Number(value) !== 0;
    },
    call(name: string, args: readonly Expr[], span: Span) {
      if (name !== "is_direction") return;
      const a = args[0];
      directions.push({ text: a?.kind === "StringLit" ? a.value : undefined, span: a?.span ?? span });
    },
    pvar(spec: PvSpec, span: Span) {
      if (spec.name === "rdir" && spec.inner !== undefined) rdirs.push({ inner: spec.inner, span });
    },
    finish(ctx: ModuleCheckContext) {
      for (const d of directions) {
        if (!appendFromtag)
          ctx.error(
            "rr_fixup",
            'direction_fixup(): usage of "is_direction" function requires parameter"append_fromtag" enabled!!',
            d.span,
          );
        else if (d.text !== undefined && !/^(downstream|upstream)$/i.test(d.text))
          ctx.error("rr_fixup", `direction_fixup(): unknown direction '${d.text}'`, d.span);
      }
      for (const r of rdirs)
        if (r.inner !== "id" && r.inner !== "name")
          ctx.error("bad_pvar", `pvar "rdir" has an invalid name param [${r.inner}]`, r.span);
    },
  };
}
