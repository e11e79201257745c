import { describe, expect, it } from "vitest";
import { compileTransform, transformPvParams, unsimulatedReason } from "./index.js";
import { applyChain, logged, tr } from "./testing.js";

describe("transformations", () => {
  it("read the class up to the first dot and the name case-insensitively", () => {
    expect(tr("s.LEN", "abc")).toBe(3);
    expect(tr("s.len ", "abc")).toBe(3);
    expect(tr("s.substr, 1 , 2", "abcd")).toBe("bc");
    expect(tr("s.substr,- 1,0", "abcd")).toBe("d");
    expect(compileTransform("S.len")).toBeUndefined();
    expect(compileTransform(" s.len")).toBeUndefined();
    expect(compileTransform("s.len,1")).toBeUndefined();
    expect(compileTransform("s.substr,1x,2")).toBeUndefined();
    expect(compileTransform("tobody.user")).toBeUndefined();
    expect(compileTransform("s.sha256")).toBeUndefined();
  });

  it("fail on <null>, and a failure anywhere leaves no value", () => {
    expect(tr("s.len", null)).toBeUndefined();
    expect(tr("uri.user", null)).toBeUndefined();
    expect(applyChain(["s.int", "s.len"], "abc")).toBeUndefined();
    expect(applyChain(["s.select,1,:", "s.int"], "a:42:b")).toBe(42);
  });

  it("read PV parameters: ints for numbers, non-empty values for strings", () => {
    const vars = { two: 2, m1: -1, str2: "2", sep: "b", e: "" };
    expect(tr("s.substr,$var(two),$var(two)", "a b c", vars)).toBe("b ");
    expect(tr("s.select,$var(m1), ", "a b c", vars)).toBe("c");
    expect(tr("s.rm,$var(sep)", "a b c", vars)).toBe("a  c");
    expect(tr("s.rm,$var(two)", "a2b", vars)).toBe("ab");
    expect(tr("s.replace,$var(sep),$var(two)", "a b c", vars)).toBe("a 2 c");
    expect(tr("s.prefixes,$var(two)", "a b c", vars)).toBe("a,a ");
    expect(logged("s.substr,$var(str2),1", "a b c", vars)).toEqual({
      value: undefined,
      logs: ["pv [pv_trans.c:644]: tr_eval_string(): substr cannot get p1 (cfg line: 7)"],
    });
    expect(logged("s.rm,$var(e)", "a b c", vars).logs).toEqual([
      "pv [pv_trans.c:1168]: tr_eval_string(): cannot get parameter value (cfg line: 7)",
    ]);
    expect(logged("s.prefixes,$var(str2)", "abc", vars).logs).toEqual([
      "pv [pv_trans.c:946]: tr_eval_string(): prefixes cannot get max (cfg line: 7)",
    ]);
    expect(logged("s.substr,1,$var(m1)", "abc", vars).logs).toEqual([
      "pv [pv_trans.c:666]: tr_eval_string(): substr negative offset (cfg line: 7)",
    ]);
  });

  it("name the PVs used as parameters, for the checker", () => {
    expect(transformPvParams("s.substr,$var(a),$(var(b){s.int})").map((s) => s.name)).toEqual(["var", "var"]);
    expect(transformPvParams("uri.param,$avp(p)").map((s) => s.inner)).toEqual(["p"]);
    expect(transformPvParams("s.len")).toEqual([]);
    expect(unsimulatedReason("s.rbefore,.")).toMatch(/i\+\+/);
    expect(unsimulatedReason("s.sha256")).toBe("");
  });
});
