/**
 * Parameters a module's fixup converts to an int at start-up. A constant that is not an int's
 * text (nor a pseudo-variable the fixup accepts instead) fails the fixup, and Kamailio does not
 * start: `fix_actions(): fixing failed (code=-1) at cfg:FILE:LINE` after the fixup's own line
 * (docs/kamailio/language.md#int-parameters). Two families, as the modules declare them:
 * - `fixup_var_int_*` (core/sr_module.c): a PV, else an AVP id (`$foo`), else a select (`@...`),
 *   else an int; "Error while fixing parameter, PV, AVP, SELECT, and int conversions failed".
 * - `fixup_igp_*` (core/mod_fix.c, FPARAM_INT|FPARAM_PVS): an int, else a PV;
 *   "Cannot convert function parameter N toFPARAM_INT|FPARAM_PVS", N as the fixup was called.
 */
import { parsePvAt } from "../pv-spec.js";

type IntFixup = { kind: "var_int" } | { kind: "igp"; shown: number };

const VAR_INT: IntFixup = { kind: "var_int" };
const igp = (shown: number): IntFixup => ({ kind: "igp", shown });

/** Function → parameter number (from 1) → its int fixup, from each module's `cmd_export_t` table. */
const INT_FIXUPS: Readonly<Record<string, Readonly<Record<number, IntFixup>>>> = {
  // modules/sl/sl.c fixup_sl_reply(): fixup_var_int_12 for the code.
  sl_send_reply: { 1: VAR_INT },
  send_reply: { 1: VAR_INT },
  // modules/maxfwd/maxfwd.c: fixup_var_int_1.
  maxfwd_process: { 1: VAR_INT },
  mf_process_maxfwd_header: { 1: VAR_INT },
  process_maxfwd: { 1: VAR_INT },
  is_maxfwd_lt: { 1: VAR_INT },
  maxfwd_at_least: { 1: VAR_INT },
  mf_lowlimit: { 1: VAR_INT },
  // modules/cfgutils/cfgutils.c, modules/siputils/siputils.c: fixup_igp_null.
  sleep: { 1: igp(1) },
  usleep: { 1: igp(1) },
  is_first_hop: { 1: igp(1) },
  hdr_date_check: { 1: igp(1) },
  // fixup_spve_igp() (core/mod_fix.c) calls fixup_igp_null(param, 1) for the second parameter.
  remove_hf_idx: { 2: igp(1) },
  sht_iterator_seti: { 2: igp(1) },
  sht_iterator_setex: { 2: igp(1) },
  // modules/htable/htable.c: fixup_sssi() and fixup_ssii() (core/mod_fix.c) call
  // fixup_igp_null(param, 1) for their int parameters.
  sht_setxs: { 4: igp(1) },
  sht_setxi: { 3: igp(1), 4: igp(1) },
  // modules/pv/pv.c fixup_xavp_child_seti(): fixup_igp_all(), which Kamailio 5.6.3 reports as
  // fixup_igp_null() on parameter 1 (checked).
  xavp_child_seti: { 3: igp(1) },
  xavi_child_seti: { 3: igp(1) },
  // modules/rr/rr_mod.c: fixup_igp_null.
  loose_route_mode: { 1: igp(1) },
  // modules/tm/tm.c: fixup_var_int_1.
  t_load_contacts: { 1: VAR_INT },
};

/** str2sint() (core/ut.h): an optional sign, then digits only. */
const isIntText = (s: string) => /^[+-]?[0-9]+$/.test(s);

/** pv_parse_spec2() in silent mode, as fix_param(FPARAM_PVS) calls it: a PV at the start. */
function startsWithPv(s: string, known: (name: string) => boolean): boolean {
  if (!s.startsWith("$")) return false;
  const r = parsePvAt(s, 0, true);
  return !("error" in r) && known(r.spec.name);
}

/**
 * Kamailio's words when the constant `text`, given as parameter `n` of `fn`, fails the int
 * fixup; undefined when it passes or the parameter has no int fixup. `knownPvar` says whether
 * a PV class exists (the core or a loaded module provides it).
 */
export function intParamError(
  fn: string,
  n: number,
  text: string,
  knownPvar: (name: string) => boolean,
): string | undefined {
  const fixup = INT_FIXUPS[fn]?.[n];
  if (!fixup) return undefined;
  // fix_param() trims the text before looking for `$` or `@`, but not for the int.
  const trimmed = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
  if (fixup.kind === "igp") {
    if (isIntText(text) || startsWithPv(trimmed, knownPvar)) return undefined;
    return `Cannot convert function parameter ${fixup.shown} toFPARAM_INT|FPARAM_PVS`;
  }
  // A `$name` that is no PV is taken as the AVP `name` (parse_avp_ident() takes almost any name).
  if (trimmed.startsWith("$") && trimmed.length > 1) return undefined;
  if (trimmed.startsWith("@") || isIntText(text)) return undefined;
  return "Error while fixing parameter, PV, AVP, SELECT, and int conversions failed";
}
