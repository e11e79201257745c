/** s.* against what Kamailio 5.6.3 printed (tests/kamailio/cases/pv-transformations). */
import { describe, expect, it } from "vitest";
import { compileTransform } from "./index.js";
import { applyChain, logged, tr } from "./testing.js";

describe("string transformations", () => {
  it("count bytes and change ASCII letters only", () => {
    const u = "Straße é";
    expect(tr("s.len", u)).toBe(10);
    expect(tr("s.len", 12345)).toBe(5);
    expect(tr("s.toupper", u)).toBe("STRAßE é");
    expect(tr("s.tolower", "STRAßE É")).toBe("straße É");
    expect(tr("s.substr,4,3", u)).toBe("ße");
    expect(tr("s.strip,5", u)).toBe("\ufffde é");
    expect(tr("s.striptail,3", u)).toBe("Straße");
    expect(tr("s.prefixes,3", u)).toBe("S,St,Str");
    // A cut character keeps its byte through the chain.
    expect(applyChain(["s.substr,5,1", "s.encode.hexa"], u)).toBe("9f");
    expect(tr("s.count,é", u)).toBe(2);
  });

  it("give ints where Kamailio does", () => {
    expect(tr("s.int", "-42")).toBe(-42);
    expect(tr("s.int", "-2147483648")).toBe(-2147483648);
    expect(tr("s.int", "2147483648")).toBeUndefined();
    expect(tr("s.int", "42abc")).toBeUndefined();
    expect(tr("s.int", "")).toBeUndefined();
    expect(tr("s.int", 7)).toBe(7);
    expect(tr("s.count,.", "a.b.c")).toBe(2);
    expect(tr("s.toupper", 7)).toBe("7");
  });

  it("take substrings as tr_eval_string() does, logging what is out of range", () => {
    expect(tr("s.substr,1,3", "alice")).toBe("lic");
    expect(tr("s.substr,1,0", "12345")).toBe("2345");
    expect(tr("s.substr,-2,0", "12345")).toBe("45");
    expect(tr("s.substr,-4,2", "12345")).toBe("23");
    expect(tr("s.substr,2,10", "12345")).toBe("345");
    expect(logged("s.substr,5,1", "12345")).toEqual({
      value: undefined,
      logs: ["pv [pv_trans.c:676]: tr_eval_string(): substr out of range (cfg line: 7)"],
    });
    expect(logged("s.substr,-6,1", "12345").logs).toEqual([
      "pv [pv_trans.c:696]: tr_eval_string(): substr out of range (cfg line: 7)",
    ]);
    expect(logged("s.substr,0,1", "").value).toBeUndefined();
    // A negative literal length is refused by Kamailio at start-up: not simulated.
    expect(compileTransform("s.substr,1,-1")).toBeUndefined();
  });

  it("select fields, negative indexes from the end", () => {
    const s = "a.b.c";
    expect([0, 2, 3, -1, -3, -4].map((i) => tr(`s.select,${i},.`, s))).toEqual(["a", "c", "", "c", "a", ""]);
    expect(tr("s.select,1,x", s)).toBe("");
    expect(tr("s.select,0,x", s)).toBe("a.b.c");
    expect(tr("s.select,1, ", "a b c")).toBe("b");
    expect(tr("s.select,1,\\t", "a\tb")).toBe("b");
    expect(applyChain(["s.select,1,:", "s.select,0,@"], "sip:alice@example.com")).toBe("alice");
  });

  it("trim, remove, replace, strip", () => {
    const t = " \t a b \r\n";
    expect(tr("s.trim", t)).toBe("a b");
    expect(tr("s.rtrim", t)).toBe(" \t a b");
    expect(tr("s.ltrim", t)).toBe("a b \r\n");
    expect(tr("s.rmws", t)).toBe("ab");
    const q = "sip:alice@example.com;transport=udp";
    expect(tr("s.rm,example", q)).toBe("sip:alice@.com;transport=udp");
    expect(tr("s.rm,\\n", "a\nb")).toBe("ab");
    expect(tr("s.replace,a,AA", q)).toBe("sip:AAlice@exAAmple.com;trAAnsport=udp");
    expect(tr("s.stripto,@", q)).toBe("@example.com;transport=udp");
    expect(tr("s.stripto,Z", q)).toBe("");
    expect(tr("s.strip,9", "12345")).toBe("");
    expect(tr("s.strip,-1", "12345")).toBe("12345");
    expect(tr("s.striptail,9", "12345")).toBe("");
    expect(tr("s.striptail,0", 12345)).toBe("12345");
    // An empty literal to remove or to match is not simulated (Kamailio loops on it).
    expect(compileTransform("s.rm,")).toBeUndefined();
    expect(compileTransform("s.replace,,x")).toBeUndefined();
  });

  it("list prefixes", () => {
    expect(tr("s.prefixes", "12345")).toBe("1,12,123,1234,12345");
    expect(tr("s.prefixes,2", "12345")).toBe("1,12");
    expect(tr("s.prefixes.quoted,0", "123")).toBe("'1','12','123'");
    expect(tr("s.prefixes,-1", "12")).toBe("1,12");
    expect(tr("s.prefixes", "")).toBe("");
  });

  it("unquote, unbracket, count, before, after, numeric", () => {
    expect(['"quoted"', "'single'", "\"mixed'", '"', ""].map((v) => tr("s.unquote", v))).toEqual([
      "quoted",
      "single",
      "\"mixed'",
      '"',
      "",
    ]);
    expect(tr("s.unquote", 7)).toBe(7);
    expect(["<sip:a@b>", "[x]", "(x]", "{}"].map((v) => tr("s.unbracket", v))).toEqual(["sip:a@b", "x", "(x]", ""]);
    expect(tr("s.count,,", "a,b,,c")).toBe(3);
    // An empty literal compares with the `}` that ends it.
    expect(tr("s.count,", "}a}")).toBe(2);
    const s = "a.b.c";
    expect(
      ["s.before,.", "s.after,.", "s.before,x", "s.after,x", "s.before,a", "s.after,c"].map((b) => tr(b, s)),
    ).toEqual(["a", "b.c", "a.b.c", "", "", ""]);
    expect(tr("s.after,,", "a,b,,c")).toBe("b,,c");
    expect(tr("s.numeric", "+49 (030) 123-45")).toBe("4903012345");
    expect(tr("s.numeric", -42)).toBe("42");
    expect(compileTransform("s.rbefore,.")).toBeUndefined();
    expect(compileTransform("s.rafter,.")).toBeUndefined();
  });
});
