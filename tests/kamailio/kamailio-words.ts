/**
 * What Kamailio 5.6 says for each kind of error kamsim reports (by kamsim's diagnostic code):
 * a pattern its output must match for the two to count as the same kind of error. Shared by
 * the check-parity suites.
 */
export const KAMAILIO_WORDS: Readonly<Record<string, RegExp>> = {
  // A missing ';' is a syntax error; Kamailio adds "missing ';'?" only where its grammar can tell.
  missing_semicolon: /missing ';'|syntax error/,
  missing_brace: /syntax error|bad command/,
  syntax_error: /syntax error|bad command/,
  unexpected_char: /syntax error/,
  unknown_function: /failed to find command/,
  module_not_loaded: /failed to find command/,
  wrong_arg_count: /failed to find command \S+ \(params \d+\)/,
  function_not_allowed: /misused command|cannot be used in the block/,
  unknown_modparam: /not found in module/,
  modparam_no_module: /No module matching/,
  module_not_found: /could not find module|failed to load module/,
  unknown_core_param: /unknown config variable/,
  bad_core_param_value: /number expected|syntax error/,
  shm_size_late: /shm\/shm_mem_size must be before any modparam or the route blocks/,
  duplicate_route: /duplicate route/,
  bad_event_route: /syntax error/,
  route_not_defined: /route "\S+" not found/,
  unknown_pvar: /error searching pvar/,
  readonly_pvar: /read only pvar|pvar with transformations in assignment left side/,
  type_mismatch: /type mismatch/,
  param_not_constant: /is not constant/,
  include_not_found: /cannot open included file/,
  include_too_deep: /too many includes/,
  already_defined: /already defined/,
  define_dash: /'-' not allowed/,
  unbalanced_ifdef: /different number of preprocessor directives/,
  invalid_directive_position: /invalid position for preprocessor directive/,
  rtimer_unknown_timer: /timer not found/,
  bad_modparam: /Can't set module parameter/,
  mod_init: /Error while initializing module|error while initializing modules/,
  switch_default: /too many "default:" labels/,
  switch_mixed: /mixed integer and string\/RE cases not allowed|type mismatch in case/,
  unclosed_string: /unclosed string/,
  bad_log_level: /log level/,
  bad_format: /wrong format|wrong char/,
  // A regex that does not compile: rvalue.c / route.c / switch.c / re.c name it; textops'
  // fixup_regexp_* say nothing of their own, only the core's "fixing failed".
  bad_regex: /Bad regular expression|bad regular expression|bad re "|bad subst\. re|fixing failed/,
  // pv_parse_spec2() (core/pvapi.c) on a pvar's inner name or index.
  bad_pvar:
    /expects an inner name|does not get (empty )?(name|index) param|has an invalid (name|index) param|wrong char|non-closing/,
  // tr_lookup() (core/pvapi.c) after any refusal of a transformation.
  bad_transformation: /error parsing \[\{/,
  // fixup_var_int_12() (core/sr_module.c) and the fixup_igp_*() family (core/mod_fix.c).
  bad_int_param: /int conversions failed|Cannot convert function parameter \d+ toFPARAM_INT/,
  // fixup_pvar_*() (core/mod_fix.c) print nothing of their own: only fix_actions()'s line.
  bad_pvar_param: /fixing failed \(code=-1\)/,
  bad_flag: /bad flag value|flag not declared|register flag failed/,
  // The error rules of the core's actions in core/cfg.y.
  bad_result_pvar: /failed to fixup result pvar|result pvar is not writeble/,
  bad_log_facility: /invalid syslog facility/,
  bad_core_arg: /bad argument, (number|string) expected|bad log argument|bad error argument/,
  // rr's direction_fixup() (modules/rr/rr_mod.c) refusing is_direction().
  rr_fixup: /unknown direction|requires parameter"append_fromtag" enabled/,
  // registrar's save_fixup() (modules/registrar/registrar.c) refusing the flags.
  registrar_fixup: /bad flags/,
};
