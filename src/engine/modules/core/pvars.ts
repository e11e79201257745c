/**
 * Pseudo-variables Kamailio 5.6's core registers itself, available without loading any module
 * (pv_core.c's table and `$null` from pvapi.c), by class name without the `$`. None can be assigned.
 */
import type { PvDef } from "../types.js";

export const corePvars: Readonly<Record<string, PvDef>> = {
  "?": { inner: "none", doc: "Return code of the last executed function or route (same as $rc)." },
  rc: { inner: "none", doc: "Return code of the last executed function or route." },
  retcode: { inner: "none", doc: "Return code of the last executed function or route (same as $rc)." },
  env: { inner: "required", doc: "Value of an environment variable of the Kamailio process, e.g. $env(HOME)." },
  envn: { inner: "required", doc: "Value of an environment variable converted to a number." },
  def: { inner: "required", doc: "Value of a #!define'd name, e.g. $def(WITH_AUTH)." },
  defn: { inner: "required", doc: "Value of a #!define'd name converted to a number." },
  null: { inner: "none", doc: "The null value; used to test for or clear a variable ($var(x) = $null)." },
};
