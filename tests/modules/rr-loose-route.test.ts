/**
 * rr's loose_route() in a running config (modules/rr/loose.ts): return codes, `$du`/`$ru`, the
 * Route headers removed or added (seen after msg_apply_changes()), the routed parameters and the
 * direction. The expected lines are those Kamailio 5.6.3 printed for the same requests in the
 * call-rr-loose-route differential case.
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";
import { scriptOnly } from "../support/script.js";

const P = "127.0.0.1:5093";

function request(cid: string, ruri: string, routes: string[], totag: string | null = "tt1", ftag = "ft1"): string {
  const route = routes.map((r) => `Route: ${r}\r\n`).join("");
  const to = `To: <sip:bob@example.net>${totag ? `;tag=${totag}` : ""}\r\n`;
  return `BYE ${ruri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.193.1:5060;branch=z9hG4bK-${cid}\r\n${route}From: <sip:alice@example.com>;tag=${ftag}\r\n${to}Call-ID: ${cid}\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n`;
}

const CONFIG = `#!KAMAILIO
debug=2
children=1
listen=udp:${P}
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "textopsx.so"
loadmodule "rr.so"
request_route {
    $var(rc) = loose_route();
    $var(nh) = rr_next_hop_route();
    $var(lr) = check_route_param(";lr");
    $var(ft) = check_route_param("ftag=ft1");
    $var(up) = is_direction("upstream");
    xlog("L_INFO", "$ci: rc=$var(rc) du=$du ru=$ru nh=$var(nh) lr=$var(lr) ft=$var(ft) up=$var(up) fti=$fti tti=$tti\\n");
    msg_apply_changes();
    xlog("L_INFO", "$ci: routes=[$(hdr(Route)[*])]\\n");
}
`;

function run(raw: string): string[] {
  const r = runEngine(CONFIG, { duration: 1, seed: 1, messages: [{ at: 0.5, src: "127.0.193.1", raw }] });
  return scriptOnly(r.lines);
}

describe("loose_route (rr/loose.c)", () => {
  it("removes this proxy's Route and sends to the next loose router through $du", () => {
    expect(run(request("down", "sip:bob@10.0.0.2", [`<sip:${P};lr;ftag=ft1>`, "<sip:10.0.0.2;lr>"]))).toEqual([
      "down: rc=1 du=sip:10.0.0.2;lr ru=sip:bob@10.0.0.2 nh=1 lr=1 ft=1 up=-1 fti=ft1 tti=tt1",
      "down: routes=[<sip:10.0.0.2;lr>]",
    ]);
  });

  it("an upstream request with only this proxy's Route: 1, no $du, no next hop; $fti is the To tag", () => {
    expect(run(request("up", "sip:alice@10.0.0.1", [`<sip:${P};lr;ftag=ft1>`], "ft1", "tt9"))).toEqual([
      "up: rc=1 du=<null> ru=sip:alice@10.0.0.1 nh=-1 lr=1 ft=1 up=1 fti=ft1 tti=tt9",
      "up: routes=[<null>]",
    ]);
  });

  it("a preloaded Route set of this proxy only is -3", () => {
    expect(run(request("pre", "sip:bob@example.net", [`<sip:${P};lr>`], null))[0]).toBe(
      "pre: rc=-3 du=<null> ru=sip:bob@example.net nh=-1 lr=1 ft=-1 up=-1 fti=ft1 tti=<null>",
    );
  });

  it("a strict router next: the Request-URI becomes the last Route, the route the Request-URI", () => {
    expect(run(request("sn", "sip:bob@10.0.0.2", [`<sip:${P};lr;ftag=ft1>`, "<sip:10.0.0.4>"]))).toEqual([
      "sn: rc=1 du=<null> ru=sip:10.0.0.4 nh=1 lr=1 ft=1 up=-1 fti=ft1 tti=tt1",
      "sn: routes=[<sip:bob@10.0.0.2>]",
    ]);
  });

  it("a strict router before (R-URI is this proxy): $du from the first Route, R-URI from the last, R-URI params checked without their ;", () => {
    expect(run(request("sp", `sip:${P};lr;ftag=ft1`, ["<sip:10.0.0.5;lr>", "<sip:bob@10.0.0.6>"]))).toEqual([
      "sp: rc=1 du=sip:10.0.0.5;lr ru=sip:bob@10.0.0.6 nh=-1 lr=-1 ft=1 up=-1 fti=ft1 tti=tt1",
      "sp: routes=[<sip:10.0.0.5;lr>]",
    ]);
  });

  it("several routes in one header: this proxy's and its comma go", () => {
    expect(
      run(request("one", "sip:bob@10.0.0.2", [`<sip:${P};lr;ftag=ft1>,<sip:10.0.0.7;lr>, <sip:10.0.0.8;lr>`]))[1],
    ).toBe("one: routes=[<sip:10.0.0.7;lr>, <sip:10.0.0.8;lr>]");
  });

  it("a Route to 127.0.0.1 without a port means 5060: not this proxy, kept and used as $du", () => {
    expect(run(request("op", "sip:bob@10.0.0.2", ["<sip:127.0.0.1;lr;ftag=ft1>", "<sip:10.0.0.2;lr>"]))[0]).toBe(
      "op: rc=1 du=sip:127.0.0.1;lr;ftag=ft1 ru=sip:bob@10.0.0.2 nh=-1 lr=-1 ft=-1 up=-1 fti=ft1 tti=tt1",
    );
  });
});
