/**
 * record_route() and its kin as lumps (record.ts), built the way the forwarded request is built
 * (lumps.ts buildRequestText with the receiving and sending sockets). The texts follow record.c's
 * build_rr()/record_route_preset()/build_advertised_rr() and rr_mod.c's wrappers.
 */
import { describe, expect, it } from "vitest";
import type { ScriptContext } from "../../runtime/context.js";
import { SipRequest } from "../../sip/message.js";
import { type BuildSockets, buildRequestText } from "../lumps.js";
import { addRrParam, recordRoute, recordRouteAdvertised, recordRoutePreset, removeRecordRoute } from "./record.js";
import type { RrConfig } from "./state.js";

const INVITE =
  "INVITE sip:bob@example.net SIP/2.0\r\n" +
  "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-1\r\n" +
  "From: <sip:alice@example.com>;tag=ft1\r\n" +
  "To: <sip:bob@example.net>\r\n" +
  "Call-ID: c1\r\n" +
  "CSeq: 1 INVITE\r\n" +
  "Content-Length: 0\r\n" +
  "\r\n";

const SAME: BuildSockets = { rcv: { ip: "127.0.0.1", port: 5071 }, snd: { ip: "127.0.0.1", port: 5071 } };

function config(over: Partial<RrConfig> = {}): RrConfig {
  return {
    appendFromtag: true,
    enableDoubleRr: 1,
    enableFullLr: false,
    addUsername: false,
    forceSendSocket: false,
    mismatchWarning: true,
    ignoreSips: false,
    listen: { ip: "127.0.0.1", port: 5071 },
    ...over,
  };
}

/** A run context for one request: the log lines it writes are collected. */
function context(raw = INVITE): { ctx: ScriptContext; log: string[] } {
  const msg = SipRequest.parse(raw);
  if ("error" in msg) throw new Error(msg.error);
  const log: string[] = [];
  const ctx = {
    msg,
    pvx: null,
    route: "request_route",
    start: 0,
    cost: 0,
    proc: {},
    sv: {
      log: {
        module: (_p: unknown, _l: number, mod: string, at: string, fn: string, text: string) =>
          log.push(`${mod} [${at}]: ${fn}(): ${text}`),
        core: (_p: unknown, _l: number, at: string, fn: string, text: string) => log.push(`[${at}]: ${fn}(): ${text}`),
      },
    },
  } as unknown as ScriptContext;
  return { ctx, log };
}

/** The header lines before the Via of the built request. */
function added(ctx: ScriptContext, sockets: BuildSockets = SAME): string {
  const text = buildRequestText(ctx.msg, [], sockets) ?? "";
  const start = text.indexOf("\r\n") + 2;
  return text.slice(start, text.indexOf("Via: "));
}

describe("record_route (record.c build_rr)", () => {
  it("one header on one socket: address with its port, lr, the From tag", () => {
    const { ctx } = context();
    expect(recordRoute(ctx, config(), undefined)).toBe(0);
    expect(added(ctx)).toBe("Record-Route: <sip:127.0.0.1:5071;lr;ftag=ft1>\r\n");
  });

  it("port 5060 is left out; enable_full_lr writes lr=on; append_fromtag=0 drops the tag", () => {
    const { ctx } = context();
    recordRoute(ctx, config({ enableFullLr: true, appendFromtag: false }), undefined);
    const s5060: BuildSockets = { rcv: { ip: "127.0.0.1", port: 5060 }, snd: { ip: "127.0.0.1", port: 5060 } };
    expect(added(ctx, s5060)).toBe("Record-Route: <sip:127.0.0.1;lr=on>\r\n");
  });

  it("double Record-Route: outbound first, both with r2=on, when the sockets differ or enable_double_rr=2", () => {
    const { ctx } = context();
    recordRoute(ctx, config(), undefined);
    const diff: BuildSockets = { rcv: { ip: "127.0.0.1", port: 5071 }, snd: { ip: "127.0.0.2", port: 5072 } };
    expect(added(ctx, diff)).toBe(
      "Record-Route: <sip:127.0.0.2:5072;r2=on;lr;ftag=ft1>\r\nRecord-Route: <sip:127.0.0.1:5071;r2=on;lr;ftag=ft1>\r\n",
    );
    const two = context();
    recordRoute(two.ctx, config({ enableDoubleRr: 2 }), undefined);
    expect(added(two.ctx)).toBe(
      "Record-Route: <sip:127.0.0.1:5071;r2=on;lr;ftag=ft1>\r\nRecord-Route: <sip:127.0.0.1:5071;r2=on;lr;ftag=ft1>\r\n",
    );
  });

  it("enable_double_rr=0: never a second header, never r2", () => {
    const { ctx } = context();
    recordRoute(ctx, config({ enableDoubleRr: 0 }), undefined);
    const diff: BuildSockets = { rcv: { ip: "127.0.0.1", port: 5071 }, snd: { ip: "127.0.0.2", port: 5072 } };
    expect(added(ctx, diff)).toBe("Record-Route: <sip:127.0.0.1:5071;lr;ftag=ft1>\r\n");
  });

  it("its own parameters follow the tag; add_rr_param text before it is buffered, after it joins both headers", () => {
    const { ctx } = context();
    const cfg = config({ enableDoubleRr: 2 });
    expect(addRrParam(ctx, cfg, ";a=1")).toBe(0);
    recordRoute(ctx, cfg, ";p=1");
    expect(addRrParam(ctx, cfg, ";b=2")).toBe(0);
    expect(added(ctx)).toBe(
      "Record-Route: <sip:127.0.0.1:5071;r2=on;lr;ftag=ft1;p=1;a=1;b=2>\r\n" +
        "Record-Route: <sip:127.0.0.1:5071;r2=on;lr;ftag=ft1;p=1;a=1;b=2>\r\n",
    );
  });

  it("a sips Request-URI gives a sips Record-Route, unless ignore_sips", () => {
    const raw = INVITE.replace("INVITE sip:bob", "INVITE sips:bob");
    const a = context(raw);
    recordRoute(a.ctx, config(), undefined);
    expect(added(a.ctx)).toBe("Record-Route: <sips:127.0.0.1:5071;lr;ftag=ft1>\r\n");
    const b = context(raw);
    recordRoute(b.ctx, config({ ignoreSips: true }), undefined);
    expect(added(b.ctx)).toBe("Record-Route: <sip:127.0.0.1:5071;lr;ftag=ft1>\r\n");
  });

  it("add_username puts the Request-URI user in front of the address", () => {
    const { ctx } = context();
    recordRoute(ctx, config({ addUsername: true }), undefined);
    expect(added(ctx)).toBe("Record-Route: <sip:bob@127.0.0.1:5071;lr;ftag=ft1>\r\n");
  });

  it("add_username with custom_user_avp: the variable's value when it has one, else the R-URI user", () => {
    const a = context();
    recordRoute(a.ctx, config({ addUsername: true }), undefined, { get: () => "gw7" });
    expect(added(a.ctx)).toBe("Record-Route: <sip:gw7@127.0.0.1:5071;lr;ftag=ft1>\r\n");
    const b = context();
    recordRoute(b.ctx, config({ addUsername: true }), undefined, { get: () => null });
    expect(added(b.ctx)).toBe("Record-Route: <sip:bob@127.0.0.1:5071;lr;ftag=ft1>\r\n");
  });

  it("an upstream in-dialog request carries the To tag (is_direction by the routed ftag)", () => {
    const raw =
      "BYE sip:alice@192.0.2.1 SIP/2.0\r\n" +
      "Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK-2\r\n" +
      "Route: <sip:127.0.0.1:5071;lr;ftag=ft1>\r\n" +
      "From: <sip:bob@example.net>;tag=tt9\r\n" +
      "To: <sip:alice@example.com>;tag=ft1\r\n" +
      "Call-ID: c1\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
    const { ctx } = context(raw);
    recordRoute(ctx, config(), undefined);
    expect(added(ctx)).toBe("Record-Route: <sip:127.0.0.1:5071;lr;ftag=ft1>\r\n");
    const down = context(raw.replace("tag=tt9", "tag=ft1").replace(">;tag=ft1\r\nCall", ">;tag=tt9\r\nCall"));
    recordRoute(down.ctx, config(), undefined);
    expect(added(down.ctx)).toBe("Record-Route: <sip:127.0.0.1:5071;lr;ftag=ft1>\r\n");
  });

  it("remove_record_route drops the anchors of Record-Route type only: the suffix anchors stay", () => {
    const { ctx } = context();
    recordRoute(ctx, config(), undefined);
    removeRecordRoute(ctx);
    expect(added(ctx)).toBe(";lr;ftag=ft1>\r\n");
  });
});

describe("record_route_preset and record_route_advertised_address", () => {
  it("preset: the address as given, the tag and buffered parameters before ;lr", () => {
    const { ctx } = context();
    const cfg = config();
    addRrParam(ctx, cfg, ";x=1");
    expect(recordRoutePreset(ctx, cfg, "10.0.0.1:5080;transport=udp")).toBe(1);
    expect(added(ctx)).toBe("Record-Route: <sip:10.0.0.1:5080;transport=udp;ftag=ft1;x=1;lr>\r\n");
  });

  it("add_rr_param after one preset header with enable_double_rr on: added, then LM_CRIT and -1", () => {
    const { ctx, log } = context();
    const cfg = config();
    recordRoutePreset(ctx, cfg, "10.0.0.1");
    expect(addRrParam(ctx, cfg, ";y=2")).toBe(-1);
    expect(log).toEqual(["rr [record.c:962]: add_rr_param(): failed to locate double RR lump"]);
    expect(added(ctx)).toBe("Record-Route: <sip:10.0.0.1;ftag=ft1;lr;y=2>\r\n");
  });

  it("advertised address: the tag before ;lr, ;transport= only when the protocols differ or always with 2", () => {
    const { ctx } = context();
    expect(recordRouteAdvertised(ctx, config(), "203.0.113.5:5090")).toBe(1);
    expect(added(ctx)).toBe("Record-Route: <sip:203.0.113.5:5090;ftag=ft1;lr>\r\n");
    const two = context();
    recordRouteAdvertised(two.ctx, config({ enableDoubleRr: 2 }), "203.0.113.5");
    expect(added(two.ctx)).toBe(
      "Record-Route: <sip:203.0.113.5;transport=udp;r2=on;ftag=ft1;lr>\r\n" +
        "Record-Route: <sip:203.0.113.5;transport=udp;r2=on;ftag=ft1;lr>\r\n",
    );
  });
});
