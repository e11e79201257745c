/**
 * The trace of one message (docs/trace.md) on examples/first-call: the live run as the worker
 * makes it (`sip` events only), then a message picked as the Ladder picks it — by its text and
 * its arrival at the proxy — traced by a replay.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileConfig, createSimulation, parseTrafficText, type SipEvent, type TrafficPlan } from "../engine/index.js";
import type { MessageTrace } from "../protocol/trace.js";
import { type TraceRun, traceMessage } from "./trace.js";

const dir = join(import.meta.dirname, "..", "..", "examples", "first-call");
const configText = readFileSync(join(dir, "kamailio.cfg"), "utf8");
const trafficText = readFileSync(join(dir, "traffic.json"), "utf8");

function planOf(text: string): TrafficPlan {
  const t = parseTrafficText(text);
  if (!("plan" in t)) throw new Error("traffic");
  return t.plan;
}

/** The live run's messages as the worker keeps them for the Ladder. */
function liveSip(run: TraceRun): SipEvent[] {
  const out: SipEvent[] = [];
  const sim = createSimulation(run.config, run.plan, {
    seed: run.seed,
    wants: { request: false, proc: false, route: false, reply: false, sip: true, tm: false, ul: false, acc: false },
    figures: true,
    sipUnheard: false,
    onEvent: (e) => {
      if (e.kind === "sip") out.push(e);
    },
  });
  sim.runUntil(run.plan.duration);
  return out;
}

/** The lines of `route[NAME] { … }` holding a statement (not the header, braces, comments or blanks). */
function statementLines(name: string): number[] {
  const lines = configText.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`route[${name}]`));
  const out: number[] = [];
  for (let i = start + 1; i < lines.length && !(lines[i] as string).startsWith("}"); i++) {
    const l = (lines[i] as string).trim();
    if (l !== "" && l !== "}" && !l.startsWith("#")) out.push(i + 1);
  }
  return out;
}

function traceOf(run: TraceRun, e: SipEvent, arrived: number): MessageTrace {
  const t = traceMessage(run, { text: e.text, at: arrived }, () => 0);
  if (!t) throw new Error("no trace");
  return t;
}

describe("the trace of one message (first-call)", () => {
  const config = compileConfig(configText, { name: "kamailio.cfg" });
  const run: TraceRun = { config, plan: planOf(trafficText), seed: undefined, rates: [] };
  const sip = liveSip(run);
  const arrival = (id: number) => sip.find((x) => x.op === "recv" && x.id === id)?.t as number;
  const toProxy = sip.filter((e) => e.op === "send" && e.toNode === "kamailio");

  it("the INVITE: request_route → route[RELAY], t_relay's result, the lines run, the messages sent", () => {
    const invite = toProxy.find((e) => e.method === "INVITE" && e.status === undefined) as SipEvent;
    const t = traceOf(run, invite, arrival(invite.id));
    expect(t.reply).toBe(false);
    expect(t.sipIn).toBe(invite.text);
    const routes = t.entries.filter((x) => x.kind === "enter").map((x) => `${x.depth}:${x.route}`);
    expect(routes).toEqual(["0:request_route", "1:RELAY"]);
    const relay = t.entries.find((x) => x.kind === "call" && x.fn === "t_relay");
    expect(relay).toMatchObject({ route: "RELAY", depth: 2, result: 1, standIn: false });
    const exits = t.entries.filter((x) => x.kind === "exit").map((x) => x.kind === "exit" && `${x.route} ${x.how}`);
    expect(exits).toEqual(["RELAY exit", "request_route end"]);
    // Every statement of route[RELAY] runs for an INVITE (sl_reply_error() only when t_relay fails).
    const relayLines = statementLines("RELAY").filter(
      (n) => !configText.split("\n")[n - 1]?.includes("sl_reply_error"),
    );
    expect(t.routeLines.RELAY).toEqual(relayLines);
    expect(t.lines).toEqual(expect.arrayContaining(relayLines));
    // Sent because of it: tm's 100 Trying to alice and the INVITE to bob, as the live run sent them.
    const liveSent = sip.filter((e) => e.op === "send" && e.fromNode === "kamailio" && e.t === t.t).map((e) => e.text);
    expect(t.sent).toEqual(liveSent);
    expect(t.sent.map((s) => s.split("\r\n")[0])).toEqual([
      "SIP/2.0 100 trying -- your call is important to us",
      "INVITE sip:bob@127.0.20.1:5060 SIP/2.0",
    ]);
    // The pending changes: record_route()'s header and the new R-URI; the cfgt flow's boundaries.
    expect(t.pending).toContain("+ Record-Route: <sip:127.0.0.1;lr;ftag=alice-7>");
    expect(t.pending).toContain("+ INVITE sip:bob@127.0.20.1:5060 SIP/2.0");
    expect(t.flow.map((f) => f.key)).toEqual(["start|DEFAULT_ROUTE", "start|RELAY", "exit|RELAY"]);
    expect(t.flow[0]?.vars.find((v) => v.name === "$fU")?.value).toBe("alice");
  });

  it("the 200 OK: onreply_route[CALL] with its xlog, and the INVITE's Call-ID to find its transaction", () => {
    const ok = toProxy.find((e) => e.status === 200 && e.method === "INVITE") as SipEvent;
    const t = traceOf(run, ok, arrival(ok.id));
    expect(t.reply).toBe(true);
    expect(t.cseqMethod).toBe("INVITE");
    expect(t.callId).toBe(ok.callId);
    expect(t.entries.filter((x) => x.kind === "enter").map((x) => x.route)).toEqual(["onreply_route[CALL]"]);
    const xlog = t.entries.find((x) => x.kind === "call" && x.fn === "xlog");
    expect(xlog).toMatchObject({ values: ["L_INFO", "reply 200 OK from bob\n"] });
    // tm relays it to alice; its transaction is the INVITE's, whose trace shows route[RELAY].
    expect(t.sent.map((s) => s.split("\r\n")[0])).toEqual(["SIP/2.0 200 OK"]);
    const invite = toProxy.find((e) => e.method === "INVITE" && e.status === undefined) as SipEvent;
    const inviteTrace = traceOf(run, invite, arrival(invite.id));
    expect(t.transaction).toEqual({ req: inviteTrace.req, t: inviteTrace.t });
    const tx = t.transaction && traceMessage(run, { req: t.transaction.req, at: t.transaction.t }, () => 0);
    expect(tx?.routeLines.RELAY).toEqual(inviteTrace.routeLines.RELAY);
  });

  it("a 486 passes through failure_route[MISSED]", () => {
    const busy = JSON.parse(trafficText);
    busy.agents[1].answer.code = 486;
    const r: TraceRun = { ...run, plan: planOf(JSON.stringify(busy)) };
    const live = liveSip(r);
    const e = live.find((x) => x.op === "send" && x.toNode === "kamailio" && x.status === 486) as SipEvent;
    const at = live.find((x) => x.op === "recv" && x.id === e.id)?.t as number;
    const t = traceMessage(r, { text: e.text, at }, () => 0) as MessageTrace;
    expect(t.entries.filter((x) => x.kind === "enter").map((x) => x.route)).toEqual([
      "onreply_route[CALL]",
      "failure_route[MISSED]",
    ]);
    expect(t.entries.find((x) => x.kind === "call" && x.fn === "t_is_canceled")).toMatchObject({ result: -1 });
  });

  it("a request id (a log line's) gives the same trace as its Ladder arrow", () => {
    const invite = toProxy.find((e) => e.method === "INVITE" && e.status === undefined) as SipEvent;
    const byText = traceOf(run, invite, arrival(invite.id));
    const byReq = traceMessage(run, { req: byText.req, at: byText.t }, () => 0);
    expect(byReq?.entries).toEqual(byText.entries);
  });

  it("marks a $var value left by an earlier message of the same process as carried over, and a stand-in", () => {
    const cfg = compileConfig(
      'children=1\nloadmodule "pv.so"\nloadmodule "sl.so"\nloadmodule "nathelper.so"\nrequest_route {\n    $var(n) = $var(n) + 1;\n    nat_uac_test("19");\n    sl_send_reply("200", "OK");\n}\n',
      { name: "kamailio.cfg" },
    );
    const traffic = {
      duration: 3,
      streams: [{ name: "o", src: "192.0.2.1", method: "OPTIONS", rate: 1, pattern: "uniform", count: 2 }],
    };
    const r: TraceRun = { config: cfg, plan: planOf(JSON.stringify(traffic)), seed: 1, rates: [] };
    const first = traceMessage(r, { req: 1, at: 0 }, () => 0);
    const second = traceMessage(r, { req: 2, at: 0 }, () => 0);
    const n = (t: MessageTrace | undefined, i: number) => t?.flow[i]?.vars.find((v) => v.name === "$var(n)");
    expect(n(first, 0)).toEqual({ name: "$var(n)", value: "0" });
    expect(n(second, 0)).toEqual({ name: "$var(n)", value: "1", carried: true });
    // Once the script has set it, the value is this message's own.
    expect(n(second, 1)).toEqual({ name: "$var(n)", value: "2" });
    // A function kamsim does not simulate is marked; its declared stand-in value is its result.
    const calls = first?.entries.filter((e) => e.kind === "call");
    expect(calls?.map((e) => e.kind === "call" && [e.fn, e.result, e.standIn])).toEqual([
      ["nat_uac_test", -1, true],
      ["sl_send_reply", 1, false],
    ]);
  });
});
