/**
 * The {re.subst,...} transformation (modules/textops/txt_var.c over core/re.c subst_str()): every
 * match replaced with `g`, the first without, the value unchanged when nothing matches. The
 * regex-re-subst differential case checks the same against Kamailio.
 */
import { describe, expect, it } from "vitest";
import { runScript, scriptOnly } from "../support/script.js";

describe("{re.subst}", () => {
  it("replaces the first or every match, back references included, and leaves a value without one", () => {
    const out = scriptOnly(
      runScript(
        `$var(s) = "sip:alice@example.org";
  xlog("L_INFO", "[$(var(s){re.subst,/^sip:([^@]+)@([a-z.]+)/\\2 \\1/})]\\n");
  xlog("L_INFO", "[$(var(s){re.subst,/[aeo]/_/g})] [$(var(s){re.subst,/[aeo]/_/})]\\n");
  xlog("L_INFO", "[$(var(s){re.subst,/zzz/y/})]\\n");`,
        { modules: ["textops"] },
      ),
    );
    expect(out).toEqual([
      "[example.org alice]",
      "[sip:_lic_@_x_mpl_._rg] [sip:_lice@example.org]",
      "[sip:alice@example.org]",
    ]);
  });
});
