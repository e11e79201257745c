/** uri.* and parse_uri() against Kamailio 5.6.3 (tests/kamailio/cases/pv-transformations-uri-params). */
import { describe, expect, it } from "vitest";
import { applyChain, logged, tr } from "./testing.js";

const U1 =
  "sip:alice:pw@Example.COM:5070;transport=TCP;lr;ttl=5;user=ip;maddr=10.0.0.1;method=INVITE;r2=on;x=1;X=2?h1=a&h2=b";

describe("uri transformations", () => {
  it("print every part as written", () => {
    const parts = ["user", "host", "domain", "passwd", "port", "params", "headers", "scheme"];
    expect(parts.map((p) => tr(`uri.${p}`, U1))).toEqual([
      "alice",
      "Example.COM",
      "Example.COM",
      "pw",
      5070,
      "transport=TCP;lr;ttl=5;user=ip;maddr=10.0.0.1;method=INVITE;r2=on;x=1;X=2",
      "h1=a&h2=b",
      "sip",
    ]);
    const known = ["transport", "ttl", "uparam", "maddr", "method", "lr", "r2"];
    expect(known.map((p) => tr(`uri.${p}`, U1))).toEqual(["TCP", "5", "ip", "10.0.0.1", "INVITE", "", "on"]);
    expect(["x", "X", "lr", "none"].map((n) => tr(`uri.param,${n}`, U1))).toEqual(["2", "2", "", ""]);
  });

  it("follow parse_uri() on IPv6, tel:, user=phone, a trailing ';'", () => {
    const u2 = "SIPS:[2001:db8::1];lr=on";
    expect(["host", "port", "lr", "user", "scheme", "params"].map((p) => tr(`uri.${p}`, u2))).toEqual([
      "[2001:db8::1]",
      "",
      "on",
      "",
      "SIPS",
      "lr=on",
    ]);
    const u3 = "tel:+1-555-0100;phone-context=example.com";
    expect(["user", "host", "params", "param,phone-context"].map((p) => tr(`uri.${p}`, u3))).toEqual([
      "+1-555-0100",
      "",
      "",
      "",
    ]);
    const u4 = "sip:+4930123;npdi@example.com;user=phone";
    expect(["user", "params", "uparam"].map((p) => tr(`uri.${p}`, u4))).toEqual(["+4930123", "user=phone", "phone"]);
    expect(tr("uri.params", "sip:bob@h.com;")).toBe("");
    expect(tr("uri.param,a", "sip:bob@h.com;a=")).toBe("");
  });

  it("keep the last non-empty value of a known parameter; a late '@' makes a user", () => {
    const u7 = "sip:h.com;transport=;ttl=1;ttl=2;user=a?x";
    expect(["transport", "ttl", "uparam", "headers"].map((p) => tr(`uri.${p}`, u7))).toEqual(["", "2", "a", "x"]);
    expect(tr("uri.user", "sip:a;transport=tcp@h.com")).toBe("a;transport=tcp");
    expect(tr("uri.transport", "sip:a;transport=tcp@h.com")).toBe("");
    expect(tr("uri.port", "sip:h.com:0")).toBe(0);
    expect(tr("uri.port", "sip:h.com:05060")).toBe("05060");
    expect(applyChain(["uri.port", "s.len"], "sip:bob@h.com")).toBe(0);
  });

  it("fail on what parse_uri() refuses, logging it every time", () => {
    expect(logged("uri.user", "http://x")).toEqual({
      value: undefined,
      logs: ["pv [pv_trans.c:1597]: tr_eval_uri(): invalid uri [http://x]"],
    });
    expect(logged("uri.host", 5060).logs).toEqual(["pv [pv_trans.c:1597]: tr_eval_uri(): invalid uri [5060]"]);
    expect(logged("uri.user", "")).toEqual({ value: undefined, logs: [] });
    expect(logged("uri.param,a", "sip:h.com;a=;b")).toEqual({
      value: undefined,
      logs: [
        "<core> [core/parser/parse_param.c:456]: parse_param_body(): Error while parsing token",
        "<core> [core/parser/parse_param.c:497]: parse_param2(): Error while parsing param body",
      ],
    });
    expect(logged("uri.param,$var(e)", "sip:h;a=1", { e: "" }).logs).toEqual([
      "pv [pv_trans.c:1720]: tr_eval_uri(): param cannot get p1",
    ]);
  });
});
