/**
 * Function calls: resolved by name and argument count among the core and the loaded modules
 * (Kamailio's "failed to find command X (params N)"), allowed in the route kind, arguments of
 * the kind the function's fixup needs, and "not simulated" said once per function.
 */

import type { CallExpr, Expr } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";
import { type ArgKind, type FunctionDef, standInText } from "../exports.js";
import { parsePvAt } from "../pv-spec.js";
import { coreArgError } from "./core-args.js";
import { foldParam } from "./fold.js";
import { checkFormat } from "./formats.js";
import { intParamError } from "./int-params.js";
import { avpIdentOk } from "./pv-names.js";
import { pvarParamError, resultPvarError } from "./pvar-params.js";
import { regexParamError, substParamError } from "./regex-args.js";
import type { Scope } from "./scope.js";

/** xlog-family level arguments: only the third character counts (docs/kamailio/xlog.md#levels). */
const LEVEL_LETTERS = new Set(["A", "B", "C", "E", "W", "N", "I", "D"]);
const LEVEL_FUNCTIONS = new Set(["xlog", "xlogl", "xlogm"]);
/** xlog's three-parameter forms take a syslog facility first (core/dprint.c `str_fac`). */
const FACILITY_FUNCTIONS: ReadonlySet<string> = new Set(["xlog", "xlogl"]);
const FACILITIES: ReadonlySet<string> = new Set(
  [
    ...["AUTH", "CRON", "DAEMON", "KERN", "LPR", "MAIL", "NEWS", "USER", "UUCP", "AUTHPRIV", "FTP", "SYSLOG"],
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((n) => `LOCAL${n}`),
  ].map((f) => `LOG_${f}`),
);

/** The core's flag actions and the highest message flag (core/flags.h MAX_FLAG). */
const FLAG_ACTIONS: ReadonlySet<string> = new Set(["setflag", "resetflag", "isflagset"]);
const MAX_FLAG = 31;

export class CallChecker {
  private readonly warnedUnsimulated = new Set<string>();

  constructor(
    private readonly scope: Scope,
    private readonly diags: DiagnosticBag,
  ) {}

  /** Checks a call in a route of type `routeType`; returns the function found, if any. */
  check(call: CallExpr, routeType: number): FunctionDef | undefined {
    const argc = call.args.length;
    const found = this.scope.lookupFunction(call.name, argc);
    const kamailio = `cfg. parser: failed to find command ${call.name} (params ${argc}): unknown command, missing loadmodule?`;
    switch (found.kind) {
      case "unknown":
        if (this.scope.undeclared.length > 0) {
          const names = this.scope.undeclared.map((m) => m.name).join(", ");
          this.diags.warning(
            "unchecked_function",
            `${call.name}() is unknown to kamsim; it may come from ${names}`,
            call.nameSpan,
          );
        } else {
          this.diags.error("unknown_function", kamailio, call.nameSpan);
        }
        return undefined;
      case "not_loaded":
        this.diags.error("module_not_loaded", `${kamailio} (${call.name} is in module ${found.module})`, call.nameSpan);
        return undefined;
      case "arity":
        this.diags.error(
          "wrong_arg_count",
          `${kamailio} (${call.name} takes ${found.expected.join(" or ")} parameters)`,
          call.nameSpan,
        );
        return undefined;
    }
    const def = found.def;
    if (call.bare && !call.args.length && found.module !== undefined) {
      this.diags.error("syntax_error", "syntax error", call.span);
    }
    if (((def.routesByArity?.[argc] ?? def.routes) & routeType) === 0) {
      this.diags.error(
        "function_not_allowed",
        `misused command ${call.name}: Command cannot be used in the block`,
        call.nameSpan,
      );
    }
    this.checkArgs(call, def, found.module);
    if (found.module === undefined) {
      this.checkFlag(call);
      const bad = coreArgError(call.name, call.args);
      if (bad) this.diags.error("bad_core_arg", `syntax error: ${bad.message}`, bad.arg.span);
    }
    if (def.simulated === false || (def.simulated === undefined && this.moduleUnsimulated(found.module))) {
      this.warnUnsimulated(call, def, found.module);
    }
    const m = this.scope.moduleOf(found.module);
    m?.checker?.call?.(call.name, call.args, call.span, this.scope.contextFor(m));
    return def;
  }

  private moduleUnsimulated(module: string | undefined): boolean {
    return module !== undefined && this.scope.moduleOf(module)?.def?.simulated === false;
  }

  private warnUnsimulated(call: CallExpr, def: FunctionDef, module: string | undefined): void {
    if (this.warnedUnsimulated.has(call.name)) return;
    this.warnedUnsimulated.add(call.name);
    const from = module ? ` (module ${module})` : " (core)";
    this.diags.warning(
      "not_simulated",
      `${call.name}()${from} is not simulated by kamsim: ${standInText(def.standIn)}`,
      call.nameSpan,
    );
  }

  private checkArgs(call: CallExpr, def: FunctionDef, module: string | undefined): void {
    call.args.forEach((written, i) => {
      // A module function gets a constant expression as the string it evaluates to (fold.ts).
      const folded = module === undefined ? undefined : foldParam(written);
      if (folded) call.args[i] = folded;
      const arg = folded ?? written;
      const kind: ArgKind = def.args?.[i] ?? "any";
      this.checkArg(call, arg, i + 1, kind);
    });
    if (LEVEL_FUNCTIONS.has(call.name) && call.args.length >= 2) {
      const level = call.args[call.args.length === 3 ? 1 : 0];
      if (level?.kind === "StringLit") this.checkLevel(level.value, level);
    }
    const facility = call.args[0];
    if (FACILITY_FUNCTIONS.has(call.name) && call.args.length === 3 && facility?.kind === "StringLit") {
      // xlog3_fixup_helper() (modules/xlog/xlog.c): str2facility() of core/dprint.c.
      if (!FACILITIES.has(facility.value))
        this.diags.error("bad_log_facility", `invalid syslog facility ${facility.value}`, facility.span);
    }
  }

  private checkArg(call: CallExpr, arg: Expr, n: number, kind: ArgKind): void {
    const literal = arg.kind === "StringLit" || arg.kind === "NumberLit";
    if ((kind === "format" || kind === "literal") && !literal) {
      this.diags.error("param_not_constant", `function ${call.name}: parameter ${n} is not constant`, arg.span);
      return;
    }
    if (!literal) return;
    const text = arg.kind === "StringLit" ? arg.value : String(arg.value);
    if (kind === "regex" || kind === "subst") {
      const err = kind === "regex" ? regexParamError(call.name, text) : substParamError(text);
      if (err) this.diags.error("bad_regex", err, arg.span);
      return;
    }
    const known = (name: string) => this.scope.lookupPvar(name).kind === "found";
    const intError = intParamError(call.name, n, text, known);
    if (intError) {
      this.diags.error("bad_int_param", `${intError} (function ${call.name}, parameter ${n})`, arg.span);
      return;
    }
    const pvarError = pvarParamError(call.name, n, text, known);
    if (pvarError) {
      this.diags.error("bad_pvar_param", pvarError, arg.span);
      return;
    }
    const resultError = resultPvarError(call.name, call.args.length, n, text, (name) => {
      const found = this.scope.lookupPvar(name);
      return found.kind === "found" ? { writable: found.def.writable === true } : undefined;
    });
    if (resultError) {
      this.diags.error("bad_result_pvar", resultError, arg.span);
      return;
    }
    if (arg.kind !== "StringLit") return;
    const avp = this.avpParam(call.name, text, known);
    if (avp !== undefined) arg.avp = avp;
    else if (kind === "format" || kind === "fparam") checkFormat(arg, this.scope, this.diags);
  }

  /**
   * A message flag by number must be 0..31 (core/cfg.y `SETFLAG LPAREN NUMBER RPAREN`:
   * check_flag(), flag_in_range() in core/flags.c), and one by name must be declared; both are
   * parse errors at `-c`.
   */
  private checkFlag(call: CallExpr): void {
    if (!FLAG_ACTIONS.has(call.name)) return;
    const arg = call.args[0];
    if (arg?.kind === "StringLit") {
      // `SETFLAG LPAREN flag_name RPAREN`: a name declared earlier by `flags` (get_flag_no()),
      // which the parser turns into its number at once.
      const pos = this.scope.flags.lookup(arg.value, this.scope.currentItem);
      if (pos === undefined) this.diags.error("bad_flag", `flag not declared: ${arg.value}`, call.span);
      else call.args[0] = { kind: "NumberLit", value: pos, span: arg.span };
      return;
    }
    if (arg?.kind !== "NumberLit" || arg.value <= MAX_FLAG) return;
    this.diags.error(
      "bad_flag",
      `flag_in_range(): message flag ${arg.value} too high; MAX=${MAX_FLAG}: bad flag value`,
      call.span,
    );
  }

  /**
   * sl's code and reason (fixup_var_int_12 and fixup_var_pve_str_12 in core/sr_module.c) try a
   * PV, then an AVP id, before an int or a format: a text that is only `$name` is the AVP `name`
   * when no PV has that name. Returns that name (sl's runtime reads the AVP).
   */
  private avpParam(fn: string, text: string, known: (name: string) => boolean): string | undefined {
    if (fn !== "sl_send_reply" && fn !== "send_reply") return undefined;
    const t = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
    if (!t.startsWith("$") || !avpIdentOk(t.slice(1))) return undefined;
    // A pvar that parses comes first (FPARAM_PVS), then the AVP id.
    const pv = parsePvAt(t, 0, true);
    if (!("error" in pv) && known(pv.spec.name)) return undefined;
    return t.slice(1);
  }

  private checkLevel(text: string, at: Expr): void {
    if (text.includes("$")) return;
    if (text.length < 3) {
      this.diags.error("bad_log_level", `wrong log level [${text}]`, at.span);
    } else if (!LEVEL_LETTERS.has(text[2] as string)) {
      this.diags.error("bad_log_level", `unknown log level [${text}]`, at.span);
    }
  }
}
