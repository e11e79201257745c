/**
 * pv's is_int(), typeof(), not_empty() (modules/pv/pv.c): the value's type as Kamailio 5.6.3
 * reports it (differential case gap-pv-type-tests holds the recording's counterpart).
 */
import { describe, expect, it } from "vitest";
import { runScript, scriptOnly } from "../support/script.js";

function run(body: string): string[] {
  return scriptOnly(runScript(body));
}

const probe = (v: string) => `$var(v) = ${v}; $var(r) = "";
  if (is_int("$var(v)")) $var(r) = $var(r) + " int";
  if (typeof("$var(v)", "i")) $var(r) = $var(r) + " ti";
  if (typeof("$var(v)", "S")) $var(r) = $var(r) + " ts";
  if (typeof("$var(v)", "null")) $var(r) = $var(r) + " tn";
  if (not_empty("$var(v)")) $var(r) = $var(r) + " ne";
  xlog("L_INFO", "[$var(r)]\\n");`;

describe("pv value tests", () => {
  it("tell an int, a string, an empty string; a $var set to $null holds the int 0", () => {
    expect(run([probe("5"), probe('"5"'), probe('""'), probe("$null")].join("\n"))).toEqual([
      "[ int ti]",
      "[ ts ne]",
      "[ ts]",
      "[ int ti]",
    ]);
  });

  it("see a missing AVP or header as null, and a message field as a string", () => {
    expect(
      run(`if (typeof("$avp(none)", "n") && !is_int("$avp(none)")) xlog("L_INFO", "a\\n");
      if (typeof("$hdr(X-None)", "null")) xlog("L_INFO", "b\\n");
      if (not_empty("$rU") && typeof("$rU", "str") && !typeof("$rU", "x")) xlog("L_INFO", "c\\n");`),
    ).toEqual(["a", "b", "c"]);
  });
});
