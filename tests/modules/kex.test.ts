/**
 * kex (modules/kex/flags.c, km_core.c): script and branch flags on the state `$sf`/`$bf` read,
 * flags of added branches, igp parameters (a quoted PV reads its int; a string value fails with
 * get_int_fparam()'s error), the destination URI helpers and pv_printf. Expectations are what
 * Kamailio 5.6.3 printed for the same statements (differential case gap-kex-basics).
 */
import { describe, expect, it } from "vitest";
import { runScript, scriptView } from "../support/script.js";

function run(body: string): string[] {
  return scriptView(runScript(body, { modules: ["sl", "kex"] }));
}

describe("kex flags", () => {
  it("sets, resets and tests script and branch flags on the state $sf and $bf read", () => {
    expect(
      run(`setsflag(3); xlog("L_INFO", "a $sf $?\\n"); if (issflagset(3)) xlog("L_INFO", "s3\\n");
      resetsflag(3); if (!issflagset(3)) xlog("L_INFO", "no s3 $sf\\n");
      setbflag(5); setbflag(31); xlog("L_INFO", "b $bf $bF $Bf(5)\\n");
      resetbflag(5, 0); if (!isbflagset(5)) xlog("L_INFO", "c $bf\\n");`),
    ).toEqual(["a 8 1", "s3", "no s3 0", "b 2147483680 80000020 1", "c 2147483648"]);
  });

  it("fails for a flag out of 0..31 and a branch not added; an added branch keeps its own flags", () => {
    expect(
      run(`setbflag(32); xlog("L_INFO", "a $rc\\n"); setbflag(2, 1); xlog("L_INFO", "b $rc\\n");
      $br = "sip:b1@example.org"; setbflag(2, 1); xlog("L_INFO", "c $rc $bf\\n");
      if (isbflagset(2, 1)) xlog("L_INFO", "d\\n");`),
    ).toEqual(["a -1", "b -1", "c 1 0", "d"]);
  });

  it("reads a quoted PV's int, and refuses a string value with get_int_fparam()'s words", () => {
    expect(
      run(`$var(f) = 7; setbflag("$var(f)"); xlog("L_INFO", "a $bf\\n");
      $var(s) = "7"; setsflag("$var(s)"); xlog("L_INFO", "b $rc $sf\\n");`),
    ).toEqual([
      "a 128",
      "ERROR: <core> [core/sr_module.c:1763]: get_int_fparam(): Could not convert PV to int",
      "ERROR: kex [flags.c:71]: w_setsflag(): no flag value",
      "b -1 0",
    ]);
  });
});

describe("kex destination URI and pv_printf", () => {
  it("sets, tests and resets $du; pv_printf assigns the expanded format", () => {
    expect(
      run(`if (!isdsturiset()) xlog("L_INFO", "none\\n"); setdsturi("sip:p.example.net:5070");
      if (isdsturiset()) xlog("L_INFO", "du $du $dp\\n"); resetdsturi(); xlog("L_INFO", "r $du\\n");
      pv_printf("$var(p)", "user $rU from $si"); avp_printf("$avp(a)", "x=$rU");
      xlog("L_INFO", "p [$var(p)] [$avp(a)]\\n");`),
    ).toEqual(["none", "du sip:p.example.net:5070 5070", "r <null>", "p [user bob from 127.0.0.9] [x=bob]"]);
  });
});

describe("is_myself", () => {
  it("matches the listen address or localhost, a written port and transport too; logs a bad URI", () => {
    expect(
      run(`$var(l) = "";
      if (is_myself("sip:127.0.0.1")) $var(l) = $var(l) + " a"; if (is_myself("sip:localhost:5060")) $var(l) = $var(l) + " b";
      if (is_myself("sip:127.0.0.1:5070")) $var(l) = $var(l) + " c"; if (is_myself("sip:127.0.0.1;transport=tcp")) $var(l) = $var(l) + " d";
      if (is_myself("127.0.0.1")) $var(l) = $var(l) + " e"; if (is_myself("127.0.0.1:5060")) $var(l) = $var(l) + " f";
      if (is_myself("sip:example.com")) $var(l) = $var(l) + " g"; if (is_myself("sip:@")) $var(l) = $var(l) + " h";
      xlog("L_INFO", "[$var(l)]\n");`),
    ).toEqual(["ERROR: kex [kex_mod.c:193]: w_is_myself(): failed to parse uri [sip:@]", "[ a b e]"]);
  });
});
