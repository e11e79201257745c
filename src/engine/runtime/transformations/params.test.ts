/** param.* and nameaddr.* against Kamailio 5.6.3 (tests/kamailio/cases/pv-transformations-uri-params). */
import { describe, expect, it } from "vitest";
import { compileTransform } from "./index.js";
import { applyChain, fakeContext, logged, tr } from "./testing.js";

const P1 = 'a=1;b=2;c;A=3;d="q;v"';

describe("param transformations", () => {
  it("find by name (last wins, any case), by index, count, in", () => {
    expect(["a", "b", "c", "d", "x"].map((n) => tr(`param.value,${n}`, P1))).toEqual(["3", "2", "", "q;v", ""]);
    expect(tr("param.in,a", P1)).toBe(1);
    expect(tr("param.in,x", P1)).toBe(0);
    expect(tr("param.count", P1)).toBe(5);
    expect([0, 1, 4, 5, -1, -5, -6].map((i) => tr(`param.valueat,${i}`, P1))).toEqual([
      "1",
      "2",
      "q;v",
      "",
      "q;v",
      "1",
      "",
    ]);
    expect([0, 2, -1, 9].map((i) => tr(`param.name,${i}`, P1))).toEqual(["a", "c", "d", ""]);
  });

  it("split on the separator given, drop one at the end, stop at a ','", () => {
    expect(tr("param.value,l,&", "k=v&l=w&")).toBe("w");
    expect(tr("param.count,&", "k=v&l=w&")).toBe(2);
    expect(tr("param.name,1,&", "k=v&l=w&")).toBe("l");
    expect(tr("param.count", "a=1;;b=2")).toBe(3);
    expect(tr("param.count,,", "x:1,y:2")).toBe(1);
    expect(tr("param.value,b", "a=1; b=2 ;c")).toBe("2");
    expect(tr("param.count", "")).toBeUndefined();
    // A separator written as a blank leaves none: every evaluation fails.
    expect(tr("param.value,a, ", "a=1")).toBeUndefined();
    expect(compileTransform("param.value,a,$var(s)")).toBeUndefined();
  });

  it("log a parse error once per process: the failed list is kept", () => {
    const logs: string[] = [];
    const ctx = fakeContext(logs);
    expect(applyChain(["param.value,b"], "a=;b=2", {}, ctx)).toBeUndefined();
    expect(applyChain(["param.count"], "a=;b=2", {}, ctx)).toBeUndefined();
    expect(logs).toEqual([
      "<core> [core/parser/parse_param.c:456]: parse_param_body(): Error while parsing token",
      "<core> [core/parser/parse_param.c:497]: parse_param2(): Error while parsing param body",
    ]);
    expect(applyChain(["param.count"], "a b", {}, ctx)).toBeUndefined();
    expect(logs.at(-1)).toBe(
      "<core> [core/parser/parse_param.c:517]: parse_param2(): Invalid character 'b' - expected ';'",
    );
    // Another process parses it again.
    expect(logged("param.count", "a=;b=2").logs).toHaveLength(2);
  });

  it("read PV parameters, logging what cannot be read", () => {
    const vars = { k: "b", two: 2, amp: "&", e: "" };
    expect(tr("param.value,$var(k)", P1, vars)).toBe("2");
    expect(tr("param.name,$var(two)", P1, vars)).toBe("c");
    expect(tr("param.count,$var(amp)", "k=v&l=w&", vars)).toBe(2);
    expect(logged("param.value,$var(e)", P1, vars).logs).toEqual([
      "pv [pv_trans.c:1925]: tr_eval_paramlist(): value cannot get p1",
    ]);
    expect(logged("param.valueat,$var(k)", P1, vars).logs).toEqual([
      "pv [pv_trans.c:1969]: tr_eval_paramlist(): name cannot get p1",
    ]);
    expect(logged("param.count,$var(e)", P1, vars).logs).toEqual([
      "pv [pv_trans.c:1842]: tr_eval_paramlist(): value cannot get p1",
    ]);
  });
});

describe("nameaddr transformations", () => {
  it("split name and URI as parse_nameaddr() does", () => {
    const n1 = '"Alice Smith" <sip:alice@a.com>;tag=1';
    expect(["name", "uri", "len"].map((p) => tr(`nameaddr.${p}`, n1))).toEqual([
      '"Alice Smith" ',
      "sip:alice@a.com",
      31,
    ]);
    const n2 = "sip:bob@b.com;tag=2";
    expect(["name", "uri", "len"].map((p) => tr(`nameaddr.${p}`, n2))).toEqual(["", n2, 19]);
    expect(tr("nameaddr.name", '"x<y" <sip:d@d.com>')).toBe('"x<y" ');
    expect(applyChain(["nameaddr.uri", "uri.user"], "Bob<sip:e@e.com>")).toBe("e");
    expect(tr("nameaddr.len", "é <sip:a@b>")).toBe(12);
  });

  it("fail on a missing '>' once, then read the half-parsed cache", () => {
    const ctx = fakeContext();
    const uri = () => applyChain(["nameaddr.uri"], "<sip:c@c.com", {}, ctx);
    expect(uri()).toBeUndefined();
    expect(uri()).toBe("sip:c@c.com");
    expect(applyChain(["nameaddr.len"], "<sip:c@c.com", {}, ctx)).toBe(0);
    expect(tr("nameaddr.uri", "")).toBeUndefined();
  });
});
