/**
 * Pseudo-variables: the class must be provided by the core or a loaded module
 * (`error searching pvar "foo"`, docs/kamailio/format-strings.md#format-errors), its inner name, index and
 * transformations must be ones Kamailio reads (pv-names.ts, transforms.ts),
 * and only writable ones may be assigned ("read only pvar in assignment left side", docs/kamailio/pseudo-variables.md#script-variables).
 */

import type { Span } from "../../base/source.js";
import type { PvarExpr } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";
import { type PvSpec, parsePvAt } from "../pv-spec.js";
import { pvNameError } from "./pv-names.js";
import type { Scope } from "./scope.js";
import { transformError } from "./transforms.js";

/** Checks a PV written in the script (not in a string). */
export function checkPvarExpr(e: PvarExpr, scope: Scope, diags: DiagnosticBag): void {
  if (!e.spec) {
    const r = parsePvAt(e.text, 0, true);
    const message = "error" in r ? r.error.message : `error searching pvar "${e.text}"`;
    diags.error("bad_pvar", message, e.span);
    return;
  }
  checkPvarSpec(e.spec, e.span, scope, diags);
}

/** Checks one PV's class and inner name. */
export function checkPvarSpec(spec: PvSpec, span: Span, scope: Scope, diags: DiagnosticBag): void {
  const found = scope.lookupPvar(spec.name);
  if (found.kind === "unknown") {
    if (scope.undeclared.length > 0) {
      diags.warning(
        "unchecked_pvar",
        `$${spec.name} is unknown to kamsim; it may come from a module it does not know`,
        span,
      );
    } else {
      diags.error("unknown_pvar", `error searching pvar "${spec.name}"`, span);
    }
    return;
  }
  if (found.kind === "not_loaded") {
    diags.error(
      "unknown_pvar",
      `error searching pvar "${spec.name}" (it is in module ${found.module}, which is not loaded)`,
      span,
    );
    return;
  }
  const nameError = pvNameError(spec, found.def.inner, found.module, (c) => scope.lookupPvar(c).kind === "found");
  if (nameError) {
    diags.error("bad_pvar", nameError, span);
    return;
  }
  if (found.module) {
    const m = scope.moduleOf(found.module);
    m?.checker?.pvar?.(spec, span, scope.contextFor(m));
  }
  const loaded = new Set(scope.loaded.keys());
  for (const body of spec.transforms) {
    const transforms = scope.exports.transforms;
    const refused = transformError(body, loaded, transforms);
    if (refused) {
      diags.error("bad_transformation", `${refused}: error parsing [{${body}}]`, span);
      continue;
    }
    if (!transforms.applies(body)) {
      const why = transforms.unsimulatedReason(body);
      diags.warning(
        "not_simulated",
        `transformation {${body}} is not simulated by kamsim: the value passes unchanged${why ? `; ${why}` : ""}`,
        span,
      );
    }
    for (const param of transforms.pvParams(body)) checkPvarSpec(param, span, scope, diags);
  }
}

/** Checks an assignment's left side. */
export function checkAssignTarget(e: PvarExpr, scope: Scope, diags: DiagnosticBag): void {
  checkPvarExpr(e, scope, diags);
  if (!e.spec) return;
  const found = scope.lookupPvar(e.spec.name);
  if (found.kind !== "found") return;
  if (!found.def.writable || e.spec.transforms.length > 0) {
    diags.error("readonly_pvar", "read only pvar in assignment left side", e.span);
  }
}
