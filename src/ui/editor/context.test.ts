import { describe, expect, it } from "vitest";
import { type CompletionContext, completionContext } from "./context.js";

/** The context at `|` in `source`, with `from` shown as the text it replaces. */
function at(source: string): Record<string, unknown> {
  const offset = source.indexOf("|");
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const ctx: CompletionContext = completionContext(text, offset);
  if (!("from" in ctx)) return { kind: ctx.kind };
  const { from, ...rest } = ctx;
  return { ...rest, typed: text.slice(from, offset) };
}

const ROUTE = (body: string) => `loadmodule "mqueue.so"\nrequest_route {\n    ${body}\n}\n`;

describe("completionContext", () => {
  it("offers module names after loadmodule, inside the string", () => {
    expect(at('loadmodule "mq|')).toEqual({ kind: "module", quoted: true, typed: "mq" });
    expect(at('loadmodule "/usr/lib/kamailio/modules/mq|"')).toEqual({ kind: "module", quoted: true, typed: "mq" });
    expect(at('loadmodule("|')).toEqual({ kind: "module", quoted: true, typed: "" });
  });

  it("offers modparam's module, then that module's parameters, then values", () => {
    expect(at('modparam("mq|')).toEqual({ kind: "modparam-module", quoted: true, typed: "mq" });
    expect(at('modparam("mqueue", "|')).toEqual({ kind: "modparam-param", module: "mqueue", quoted: true, typed: "" });
    expect(at('modparam("mqueue", |')).toEqual({ kind: "modparam-param", module: "mqueue", quoted: false, typed: "" });
    expect(at('modparam("rtimer", "exec", "timer=t|')).toEqual({
      kind: "modparam-value",
      module: "rtimer",
      param: "exec",
      key: "timer",
      typed: "t",
    });
    expect(at('modparam("rtimer", "exec", "timer=ta;|')).toEqual({
      kind: "modparam-value",
      module: "rtimer",
      param: "exec",
      key: undefined,
      typed: "",
    });
  });

  it("offers pseudo-variables after $, in code and in strings", () => {
    expect(at(ROUTE("$mq|"))).toEqual({ kind: "pv", typed: "$mq" });
    expect(at(ROUTE("$|"))).toEqual({ kind: "pv", typed: "$" });
    expect(at(ROUTE('xlog("L_INFO", "src $s|'))).toEqual({ kind: "pv", typed: "$s" });
  });

  it("offers a pseudo-variable's inner names inside its parentheses", () => {
    expect(at(ROUTE("$mqk(al|"))).toEqual({ kind: "pv-inner", pv: "mqk", typed: "al" });
    expect(at(ROUTE('xlog("L_INFO", "$mqv(|'))).toEqual({ kind: "pv-inner", pv: "mqv", typed: "" });
  });

  it("offers a call's argument by function and index", () => {
    expect(at(ROUTE('mq_add("|'))).toEqual({ kind: "argument", fn: "mq_add", index: 0, quoted: true, typed: "" });
    expect(at(ROUTE("mq_fetch(|"))).toEqual({ kind: "argument", fn: "mq_fetch", index: 0, quoted: false, typed: "" });
    expect(at(ROUTE('mq_add("a", "b|'))).toEqual({
      kind: "argument",
      fn: "mq_add",
      index: 1,
      quoted: true,
      typed: "b",
    });
    expect(at(ROUTE("route(CH|"))).toEqual({ kind: "argument", fn: "route", index: 0, quoted: false, typed: "CH" });
    expect(at(ROUTE('while (mq_fetch("|'))).toEqual({
      kind: "argument",
      fn: "mq_fetch",
      index: 0,
      quoted: true,
      typed: "",
    });
  });

  it("offers statements inside route blocks and conditions", () => {
    expect(at(ROUTE("mq_|"))).toEqual({ kind: "statement", typed: "mq_" });
    expect(at(ROUTE("if (!pike_|"))).toEqual({ kind: "statement", typed: "pike_" });
    expect(at(ROUTE("exit;\n    |"))).toEqual({ kind: "statement", typed: "" });
    expect(at(ROUTE("$var(n) = mq_si|"))).toEqual({ kind: "statement", typed: "mq_si" });
  });

  it("offers core parameters at the top level, at the start of a line", () => {
    expect(at("debug=2\nchil|")).toEqual({ kind: "top-level", typed: "chil" });
    expect(at("|")).toEqual({ kind: "top-level", typed: "" });
    expect(at("route[A] {\n}\n|")).toEqual({ kind: "top-level", typed: "" });
    expect(at("debug=|")).toEqual({ kind: "none" });
  });

  it("offers nothing in comments, directives and plain strings", () => {
    expect(at("# mq_|")).toEqual({ kind: "none" });
    expect(at(ROUTE("// mq_|"))).toEqual({ kind: "none" });
    expect(at(ROUTE("/* mq_|"))).toEqual({ kind: "none" });
    expect(at("#!define mq_|")).toEqual({ kind: "none" });
    expect(at(ROUTE('$var(x) = "mq_|'))).toEqual({ kind: "none" });
  });

  it("is back in code after a comment ends", () => {
    expect(at(ROUTE("# note\n    mq_|"))).toEqual({ kind: "statement", typed: "mq_" });
    expect(at(ROUTE("/* note */ mq_|"))).toEqual({ kind: "statement", typed: "mq_" });
  });
});
