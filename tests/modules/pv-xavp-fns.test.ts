/**
 * pv's xavp_rm, xavp_child_seti/sets, xavp_child_rm and the xavi forms (modules/pv/pv.c,
 * core/xavp.c): expectations are what Kamailio 5.6.3 printed (differential case gap-pv-xavp-child).
 */
import { describe, expect, it } from "vitest";
import { runScript, scriptView } from "../support/script.js";

function run(body: string): string[] {
  return scriptView(runScript(body));
}

describe("xavp child functions", () => {
  it("set children in the newest root item, replacing one of the same name, and remove them", () => {
    expect(
      run(`xavp_child_seti("r", "a", 1); xavp_child_sets("r", "b", "two"); xavp_child_seti("r", "a", 3);
      xlog("L_INFO", "a $xavp(r=>a) $xavp(r[0]=>a[1]) $xavp(r=>b) $cnt($xavp(r)) $rc\\n");
      xavp_child_rm("r", "b"); xavp_child_rm("r", "none"); xavp_child_rm("none", "a");
      xlog("L_INFO", "b $xavp(r=>b) $xavp(r=>a) $rc\\n"); xavp_child_rm("r", "a");
      xlog("L_INFO", "c $xavp(r)\\n");`),
    ).toEqual(["a 3 <null> two 1 1", "b <null> 3 1", "c <<xavp:(nil)>>"]);
  });

  it("replace a root item holding a plain value; refuse a string for seti", () => {
    expect(
      run(`$xavp(p) = "plain"; xavp_child_sets("p", "x", "y"); xlog("L_INFO", "a $xavp(p=>x) $cnt($xavp(p))\\n");
      $var(s) = "9"; xavp_child_seti("p", "d", "$var(s)"); xlog("L_INFO", "b $rc\\n");`),
    ).toEqual([
      "a y 1",
      "ERROR: <core> [core/sr_module.c:1763]: get_int_fparam(): Could not convert PV to int",
      "ERROR: pv [pv.c:1401]: w_xav_child_seti(): failed to get the value",
      "b -1",
    ]);
  });

  it("xavp_rm removes the newest root item; the xavi forms ignore case", () => {
    expect(
      run(`$xavp(q) = "q1"; $xavp(q) = "q2"; xavp_rm("q"); xavp_rm("none");
      xlog("L_INFO", "a $xavp(q) $cnt($xavp(q)) $rc\\n");
      xavi_child_sets("Vi", "K", "v"); xlog("L_INFO", "b $xavi(vi=>k)\\n"); xavi_rm("vI");
      xlog("L_INFO", "c $xavi(vi)\\n");`),
    ).toEqual(["a q1 1 1", "b v", "c <null>"]);
  });
});
