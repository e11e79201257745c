/**
 * The Route body parser (parse_rr.c do_parse_rr_body()) and the lr/r2 tests (loose.c is_strict(),
 * parse_rr.h is_2rr()) on their corner cases.
 */
import { describe, expect, it } from "vitest";
import { is2rr, isStrict, parseRouteBody } from "./route-body.js";

function parse(body: string) {
  const raw = `Route: ${body}`;
  const r = parseRouteBody(raw, 7, raw.length);
  return "lines" in r ? r.lines.map((l) => `${l.line}: ${l.text}`) : r.map((e) => [e.uri, raw.slice(e.start, e.end)]);
}

describe("parse_rr", () => {
  it("splits routes at commas outside quotes and keeps display names and header parameters in the entry", () => {
    expect(parse('"A, B" <sip:a;lr>;x=1 , <sip:b>')).toEqual([
      ["sip:a;lr", '"A, B" <sip:a;lr>;x=1'],
      ["sip:b", "<sip:b>"],
    ]);
  });

  it("refuses a route without <>, a trailing comma, and text after a route", () => {
    expect(parse("sip:a;lr")).toEqual([
      "77: Failed parsing name-addr (sip:a;lr)",
      "140: Failed parsing rr header body [sip:a;lr]",
    ]);
    expect(parse("<sip:a>,")).toEqual([
      "126: Text after comma missing",
      "140: Failed parsing rr header body [<sip:a>,]",
    ]);
    expect(parse("<sip:a> x")).toEqual([
      "116: Invalid character 'x', comma expected",
      "140: Failed parsing rr header body [<sip:a> x]",
    ]);
  });
});

describe("is_strict / is_2rr", () => {
  it("lr counts alone, with a value or before another parameter, in any case and with blanks after it", () => {
    for (const p of ["lr", "LR", "lr=on", "x=1;lr", "lr ;x", "lr \t"]) expect(isStrict(p), p).toBe(false);
    for (const p of ["", "lrx", "xlr", 'x="a;lr"', "l r"]) expect(isStrict(p), p).toBe(true);
  });

  it("r2 likewise", () => {
    for (const p of ["r2=on", "lr;r2", "R2=on"]) expect(is2rr(p), p).toBe(true);
    for (const p of ["", "r22", "lr", 'x="r2"']) expect(is2rr(p), p).toBe(false);
  });
});
