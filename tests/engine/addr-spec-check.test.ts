/**
 * checkAddrSpec() (src/engine/sip/addr-spec-check.ts): parse_addr_spec()'s loop
 * (core/parser/parse_addr_spec.c, 5.6.3) over a To body, with the detail line Kamailio writes
 * before `bad to header`. Expected lines are Kamailio's own, from the receive2-bad-to case.
 */
import { describe, expect, it } from "vitest";
import { checkAddrSpec } from "../../src/engine/sip/addr-spec-check.js";

function lines(body: string): string[] | "ok" | "params" {
  const raw = `To: ${body}\r\nCall-ID: x\r\n\r\n`;
  const r = checkAddrSpec(raw, 4);
  return r.ok === false ? r.logs.map((l) => `[${l.at}] ${l.text}`) : r.ok === true ? "ok" : "params";
}

describe("parse_addr_spec()'s loop", () => {
  it.each([
    ["sip:bob@example.com", "ok"],
    ['"Bob \\"B\\" Smith" <sip:bob@example.com>', "ok"],
    ["<sip:bob@example.com >", "ok"],
    ["<sip:bob@example.com>\r\n ;tag=t2", "params"],
    ["Bob Smith <sip:bob@example.com>;tag=t1", "params"],
    ["Bob; <sip:bob@example.com>", "params"],
  ])("takes %j", (body, verdict) => {
    expect(lines(body)).toBe(verdict);
  });

  it.each([
    ["<sip:bob@example.com", "681] unexpected char [\r/13] in status 6: [<sip:bob@example.com] ."],
    ['"Bob <sip:bob@example.com>', '681] unexpected char [\r/13] in status 1: ["Bob <sip:bob@example.com>] .'],
    ["sip:bob@example.com>", "759] unexpected char [>/62] in status 8: [sip:bob@example.com] ."],
    ["<sip:a@b><sip:c@d>", "738] unexpected char [</60] in status 10: [<sip:a@b>] ."],
    ['sip:bob@example.com "x"', '781] unexpected char ["/34] in status 9: [sip:bob@example.com ] .'],
    ["sip:bob\\x@example.com", "706] unexpected char [\\/92] in status 8: [sip:bob] ."],
    ["<sip:bob<x@example.com>", "738] unexpected char [</60] in status 6: [<sip:bob] ."],
    ['"Bob"', "895] invalid body -  unexpected end of header in state 2"],
  ])("refuses %j", (body, line) => {
    expect(lines(body)).toEqual([`[parser/parse_addr_spec.c:${line}`]);
  });
});
