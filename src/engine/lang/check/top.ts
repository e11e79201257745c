/**
 * Top-level checks: core parameters against the core's table, and `modparam` the way
 * Kamailio's set_mod_param_regex() does it (module as an anchored case-insensitive regex over
 * the modules loaded so far, parameter by name and type), with Kamailio's messages (docs/kamailio/language.md#modules-and-modparam).
 */
import type { CoreParam, ModParam } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { CoreParamDef } from "../exports.js";
import { modparamModuleRegex } from "../modparam-module.js";
import type { Scope } from "./scope.js";

/** The message Kamailio's grammar gives for a value of the wrong kind. */
const EXPECTED: Readonly<Record<CoreParamDef["value"], string | undefined>> = {
  int: "number expected",
  bool: "boolean value expected",
  string: "string value expected",
  id: "identifier or string expected",
  socket: undefined,
  any: undefined,
};

export function checkCoreParam(
  p: CoreParam,
  coreParams: Readonly<Record<string, CoreParamDef>>,
  diags: DiagnosticBag,
): void {
  const def = Object.hasOwn(coreParams, p.name) ? coreParams[p.name] : undefined;
  if (!def) {
    diags.error("unknown_core_param", `syntax error: unknown config variable: ${p.name}`, p.nameSpan);
    return;
  }
  const t = p.value.type;
  const ok =
    def.value === "int" || def.value === "bool"
      ? t === "int"
      : def.value === "string"
        ? t === "string"
        : def.value === "id"
          ? t === "id" || t === "string"
          : true;
  const expected = EXPECTED[def.value];
  if (!ok && expected) diags.error("bad_core_param_value", `syntax error: ${expected}`, p.value.span);
}

export function checkModParam(p: ModParam, scope: Scope, diags: DiagnosticBag): void {
  const matcher = modparamModuleRegex(p.module);
  if (!matcher) {
    diags.error(
      "bad_modparam",
      "set_mod_param_regex(): Error while compiling regular expression: Can't set module parameter",
      p.span,
    );
    return;
  }
  const mods = [...scope.loaded.values()].filter((m) => matcher.test(m.name));
  if (mods.length === 0) {
    diags.error("modparam_no_module", `No module matching <${p.module}> found: Can't set module parameter`, p.span);
    return;
  }
  const typeName = p.valueType === "int" ? "<2:int>" : "<1:string>";
  for (const m of mods) {
    if (!m.def) continue;
    const def = m.def.params[p.param];
    if (!def || def.type !== p.valueType) {
      diags.error(
        "unknown_modparam",
        `set_mod_param_regex(): parameter <${p.param}> of type ${typeName} not found in module <${m.name}>: Can't set module parameter`,
        p.span,
      );
      continue;
    }
    m.checker?.modparam?.(p.param, p.value, p.valueSpan, scope.contextFor(m));
  }
}
