/**
 * Parameters a module's fixup takes as a pseudo-variable to read or change (`pv_isset("$var(x)")`):
 * fixup_pvar_*() in core/mod_fix.c trims the text and wants a `$` that pv_parse_spec2() (silent)
 * reads as an existing pvar; anything else fails it without a message of its own, and Kamailio
 * does not start: `fix_actions(): fixing failed (code=-1) at cfg:FILE:LINE`
 * (docs/kamailio/language.md#pvar-parameters).
 */
import { parsePvAt } from "../pv-spec.js";
import type { KnownPvar } from "./pv-names.js";

/** Function → the parameters (from 1) fixed by fixup_pvar_*(), from each module's `cmd_export_t` table. */
const PVAR_PARAMS: Readonly<Record<string, readonly number[]>> = {
  // modules/pv/pv.c: fixup_pvar_null, typeof's fixup_pvar_none.
  pv_isset: [1],
  pv_unset: [1],
  is_int: [1],
  not_empty: [1],
  typeof: [1],
  // modules/siputils/siputils.c: fixup_pvar_null.
  is_e164: [1],
  is_uri_user_e164: [1],
};

/** Kamailio's words when the constant `text`, parameter `n` of `fn`, is not a pvar the fixup takes. */
export function pvarParamError(fn: string, n: number, text: string, known: KnownPvar): string | undefined {
  if (!PVAR_PARAMS[fn]?.includes(n)) return undefined;
  const t = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
  if (t.startsWith("$")) {
    const r = parsePvAt(t, 0, true);
    if (!("error" in r) && known(r.spec.name)) return undefined;
  }
  return `fixing failed (code=-1): parameter ${n} of ${fn} is not a pseudo-variable [${text}]`;
}

/**
 * Functions that write their result into a pvar, by argument count → the parameter
 * (modules/http_client/http_client.c fixup_http_query_get() / _post() / _post_hdr(): fixup_pvar_null,
 * then a setter is required). Their words differ from fixup_pvar_*'s silence.
 */
const RESULT_PVARS: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  http_client_query: { 2: 2, 3: 3, 4: 4 },
  http_client_get: { 4: 4 },
};

/** Kamailio's words when parameter `n` of `fn` (called with `argc`) is not a pvar it can write to. */
export function resultPvarError(
  fn: string,
  argc: number,
  n: number,
  text: string,
  lookup: (cls: string) => { writable: boolean } | undefined,
): string | undefined {
  if (RESULT_PVARS[fn]?.[argc] !== n) return undefined;
  // The two-parameter form's messages start with "http_query: ".
  const prefix = argc === 2 ? "http_query: " : "";
  const t = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
  const r = t.startsWith("$") ? parsePvAt(t, 0, true) : undefined;
  const def = r && !("error" in r) ? lookup(r.spec.name) : undefined;
  if (!def) return `${prefix}failed to fixup result pvar`;
  return def.writable ? undefined : `${prefix}result pvar is not writeble`;
}
