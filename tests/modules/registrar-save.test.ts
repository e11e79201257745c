/**
 * registrar and usrloc run in-process: save()'s return codes and replies, lookup()'s R-URI and
 * branches, the expiry timer with event_route[usrloc:contact-expired], `ul` events and the
 * ul.dump / ul.lookup answers. The expected values were checked against Kamailio 5.6.3 (the
 * replies and kamcmd's output by hand; the differential cases call-reg-* run the same kind of
 * requests there).
 */
import { describe, expect, it } from "vitest";
import { compileConfig, createSimulation, parseTrafficText, type SimEvent } from "../../src/engine/index.js";
import { runEngine } from "../support/engine.js";
import { logLines, scriptOnly } from "../support/script.js";

const CFG = (extra = "", route = "") => `#!KAMAILIO
debug=2
children=1
loadmodule "sl.so"
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
${extra}
${route}
request_route {
  if ($rm == "REGISTER") {
    $var(r) = save("location");
    xlog("L_INFO", "$ci/$cs save -> $var(r)\\n");
    exit;
  }
  $var(r) = lookup("location");
  xlog("L_INFO", "$ci lookup -> $var(r) ru=$ru du=$du bR=$bR\\n");
  sl_send_reply("404", "x");
}
`;

function reg(cid: string, cseq: number, contact: string, extra = "", user = "alice"): string {
  return `REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK${cid}${cseq}\r\nFrom: <sip:${user}@example.com>;tag=a1\r\nTo: <sip:${user}@example.com>\r\nCall-ID: ${cid}\r\nCSeq: ${cseq} REGISTER\r\n${contact}${extra}Content-Length: 0\r\n\r\n`;
}
const INVITE = (cid: string, user = "alice") =>
  `INVITE sip:${user}@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK${cid}\r\nFrom: <sip:bob@example.com>;tag=b1\r\nTo: <sip:${user}@example.com>\r\nCall-ID: ${cid}\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;

const traffic = (raws: string[], duration = raws.length + 1) => ({
  duration,
  seed: 1,
  messages: raws.map((raw, i) => ({ at: i + 0.5, src: "127.0.0.9", sport: 5070, raw })),
});

function run(cfg: string, raws: string[], duration?: number) {
  return runEngine(cfg, traffic(raws, duration));
}

/** The replies the proxy sent, status line and the registrar's headers. */
function replies(events: readonly SimEvent[]): string[] {
  return events.flatMap((e) => {
    if (e.kind !== "sip" || e.op !== "send") return [];
    const lines = e.text.split("\r\n");
    return [
      [lines[0], ...lines.filter((l) => /^(Contact|P-Registrar-Error|Retry-After|Min-Expires):/.test(l))].join(" | "),
    ];
  });
}

describe("registrar save()", () => {
  it("stores contacts in q order, each header's contacts in reverse (contact.c), and lists them in the 200", () => {
    const r = run(CFG(), [
      reg(
        "c1",
        1,
        "Contact: <sip:alice@10.0.0.1:5060>;expires=120, <sip:alice@10.0.0.2>;q=0.5\r\nContact: <sip:alice@10.0.0.3>;q=1;expires=7\r\n",
      ),
      INVITE("i1"),
    ]);
    expect(scriptOnly(r.lines)).toEqual([
      "c1/1 save -> 1",
      "i1 lookup -> 1 ru=sip:alice@10.0.0.3 du=<null> bR=<sip:alice@10.0.0.2>;q=0.5, sip:alice@10.0.0.1:5060",
    ]);
    // As Kamailio 5.6.3 sent it (min_expires raised 7 to 60).
    expect(replies(r.events)[0]).toBe(
      "SIP/2.0 200 OK | Contact: <sip:alice@10.0.0.3>;q=1;expires=60, <sip:alice@10.0.0.2>;q=0.5;expires=3600, <sip:alice@10.0.0.1:5060>;expires=120",
    );
  });

  it("updates (2), refuses a lower CSeq (400), removes with expires=0 (3), lists without Contact (4), removes all with * (3)", () => {
    const r = run(CFG(), [
      reg("c1", 1, "Contact: <sip:alice@10.0.0.1>\r\n"),
      reg("c1", 2, "Contact: <sip:alice@10.0.0.1>;expires=300\r\n"),
      reg("c1", 1, "Contact: <sip:alice@10.0.0.1>\r\n"),
      reg("c2", 1, 'Contact: <sip:alice@10.0.0.2>;received="sip:192.0.2.2:5062"\r\n', "Expires: 600\r\n"),
      reg("c1", 3, ""),
      reg("c1", 4, "Contact: <sip:alice@10.0.0.1>;expires=0\r\n"),
      INVITE("i1"),
      reg("c1", 5, "Contact: *\r\n", "Expires: 0\r\n"),
      INVITE("i2"),
    ]);
    expect(scriptOnly(r.lines)).toEqual([
      "c1/1 save -> 1",
      "c1/2 save -> 2",
      "c1/1 save -> -1",
      "c2/1 save -> 1",
      "c1/3 save -> 4",
      "c1/4 save -> 3",
      "i1 lookup -> 1 ru=sip:alice@10.0.0.2 du=sip:192.0.2.2:5062 bR=<null>",
      "c1/5 save -> 3",
      "i2 lookup -> -1 ru=sip:alice@example.com du=<null> bR=<null>",
    ]);
    expect(logLines(r)).toContain("ERROR: registrar [save.c:721]: update_contacts(): invalid cseq for aor <alice>");
    expect(replies(r.events)).toEqual([
      "SIP/2.0 200 OK | Contact: <sip:alice@10.0.0.1>;expires=3600",
      "SIP/2.0 200 OK | Contact: <sip:alice@10.0.0.1>;expires=300",
      "SIP/2.0 400 Bad Request | Contact: <sip:alice@10.0.0.1>;expires=299 | P-Registrar-Error: Invalid CSeq number",
      'SIP/2.0 200 OK | Contact: <sip:alice@10.0.0.1>;expires=298, <sip:alice@10.0.0.2>;expires=600;received="sip:192.0.2.2:5062"',
      'SIP/2.0 200 OK | Contact: <sip:alice@10.0.0.1>;expires=297, <sip:alice@10.0.0.2>;expires=599;received="sip:192.0.2.2:5062"',
      'SIP/2.0 200 OK | Contact: <sip:alice@10.0.0.2>;expires=598;received="sip:192.0.2.2:5062"',
      "SIP/2.0 404 x",
      "SIP/2.0 200 OK",
      "SIP/2.0 404 x",
    ]);
  });

  it("refuses more than max_contacts with 503, P-Registrar-Error and Retry-After, returning -2", () => {
    const r = run(CFG('modparam("registrar", "max_contacts", 1)\nmodparam("registrar", "retry_after", 30)'), [
      reg("c1", 1, "Contact: <sip:alice@10.0.0.1>, <sip:alice@10.0.0.2>\r\n"),
    ]);
    expect(scriptOnly(r.lines)).toEqual(["c1/1 save -> -2"]);
    expect(logLines(r)).toContain(
      "INFO: registrar [save.c:511]: insert_contacts(): too many contacts (n:1 max:1) for AOR <alice>",
    );
    expect(replies(r.events)).toEqual([
      "SIP/2.0 503 Service Unavailable | P-Registrar-Error: Too many registered contacts | Retry-After: 30",
    ]);
  });
});

describe("registrar with use_path", () => {
  it("stores the Path vector, echoes it when the UA supports path, else 420 (path_mode 2) — as Kamailio 5.6.3 replied", () => {
    const r = run(CFG('modparam("registrar", "use_path", 1)'), [
      reg("p1", 1, "Contact: <sip:alice@10.0.0.1>\r\n", "Path: <sip:edge.example.com;lr>\r\nSupported: path\r\n"),
      reg("p2", 1, "Contact: <sip:bob@10.0.0.2>\r\n", "Path: <sip:edge.example.com;lr>\r\n", "bob"),
      INVITE("i1"),
    ]);
    const sent = r.events.flatMap((e) => (e.kind === "sip" && e.op === "send" ? [e.text] : []));
    expect(sent[0]).toContain(
      "CSeq: 1 REGISTER\r\nContact: <sip:alice@10.0.0.1>;expires=3600\r\nPath: <sip:edge.example.com;lr>\r\nServer: ",
    );
    expect(sent[1]).toMatch(/^SIP\/2.0 420 Bad Extension\r\n/);
    expect(sent[1]).toContain(
      "CSeq: 1 REGISTER\r\nContact: <sip:bob@10.0.0.2>;expires=3600\r\nUnsupported: path\r\nPath: <sip:edge.example.com;lr>\r\nP-Registrar-Error: No support for found Path indicated\r\nServer: ",
    );
    expect(scriptOnly(r.lines)[2]).toBe("i1 lookup -> 1 ru=sip:alice@10.0.0.1 du=sip:edge.example.com;lr bR=<null>");
  });
});

describe("registrar GRUU parameters", () => {
  it("adds pub-gruu and temp-gruu to contacts with a +sip.instance when the REGISTER supports gruu, as Kamailio 5.6.3 did", () => {
    const r = run(CFG(), [
      reg(
        "g1",
        1,
        'Contact: <sip:alice@10.0.0.1>;+sip.instance="<urn:uuid:abc-1>";reg-id=1, <sip:alice@10.0.0.2>\r\n',
        "Supported: gruu\r\n",
        "Alice",
      ),
    ]);
    const contact = replies(r.events)[0]?.replace(/uloc-[0-9a-f]+-[0-9a-f]+-/, "uloc-T-P-");
    // Kamailio's temp-gruu held its own ruid (time, pid): uloc-6b161413-596f-2-dd7f25d6.
    expect(contact).toBe(
      'SIP/2.0 200 OK | Contact: <sip:alice@10.0.0.2>;expires=3600, <sip:alice@10.0.0.1>;expires=3600;pub-gruu="sip:alice@example.com;gr=urn:uuid:abc-1";temp-gruu="sip:uloc-T-P-2-dd7f25d6@example.com;gr";+sip.instance="<urn:uuid:abc-1>";reg-id=1',
    );
  });
});

describe("usrloc's timer", () => {
  it("expires contacts in the USRLOC Timer process, running the event route with $ulc(exp=>...) first", () => {
    const route = `event_route[usrloc:contact-expired] {
  xlog("L_INFO", "expired $ulc(exp=>aor) $ulc(exp=>addr) n=$ulc(exp=>count)\\n");
}`;
    const extra =
      'modparam("registrar", "min_expires", 1)\nmodparam("usrloc", "timer_interval", 5)\nmodparam("usrloc", "timer_procs", 1)';
    const r = run(
      CFG(extra, route),
      [reg("c1", 1, "Contact: <sip:alice@10.0.0.1>;expires=3, <sip:alice@10.0.0.2>;expires=30\r\n")],
      12,
    );
    const expired = r.lines.filter((l) => l.includes("expired"));
    // Process 1 is the SIP worker; 2-4 the core timers; 5 the USRLOC Timer (no ctl loaded).
    expect(expired.map((l) => l.replace(/^\s*(\d+)\(\d+\) /, "$1 "))).toEqual([
      "5 INFO: <script>: expired alice sip:alice@10.0.0.1 n=1",
    ]);
    const ul = r.events
      .filter((e) => e.kind === "ul")
      .map((e) => (e.kind === "ul" ? `${e.op} ${e.contact} ${e.expires}@${e.t / 1e6}` : ""));
    expect(ul).toEqual([
      "insert sip:alice@10.0.0.2 30@0.5",
      "insert sip:alice@10.0.0.1 3@0.5",
      "expire sip:alice@10.0.0.1 0@5",
    ]);
  });
});

describe("ul.dump and ul.lookup", () => {
  it("answer as kamcmd prints them", () => {
    const cfg = compileConfig(CFG(), { name: "kamailio.cfg" });
    if (!cfg.ok) throw new Error("config");
    const t = parseTrafficText(
      JSON.stringify(
        traffic(
          [
            reg(
              "c1",
              1,
              "Contact: <sip:alice@10.0.0.1>;q=0.5, <sip:alice@10.0.0.2>\r\n",
              "Allow: INVITE, ACK\r\nUser-Agent: ua\r\n",
            ),
          ],
          3,
        ),
      ),
      {},
    );
    if ("errors" in t) throw new Error("traffic");
    const sim = createSimulation(cfg, t.plan, { onEvent: () => {} });
    sim.runUntil(2_000_000);
    const epoch = sim.rpc("ul.dump", ["brief"]);
    expect(epoch.ok && epoch.text).toBe(
      "{\n\tDomains: {\n\t\tDomain: {\n\t\t\tDomain: location\n\t\t\tSize: 1024\n\t\t\tAoRs: {\n\t\t\t\tAoR: alice\n\t\t\t}\n\t\t\tStats: {\n\t\t\t\tRecords: 1\n\t\t\t\tMax-Slots: 1\n\t\t\t}\n\t\t}\n\t}\n}\n",
    );
    const l = sim.rpc("ul.lookup", ["location", "alice@example.com"]);
    if (!l.ok) throw new Error("lookup");
    const lines = l.text.split("\n");
    expect(lines.slice(0, 8)).toEqual([
      "{",
      "\tAoR: alice",
      "\tContacts: {",
      "\t\tContact: {",
      "\t\t\tAddress: sip:alice@10.0.0.1",
      "\t\t\tExpires: 3598",
      "\t\t\tQ: 0.500000",
      "\t\t\tCall-ID: c1",
    ]);
    expect(lines).toContain("\t\t\tQ: -1");
    expect(lines).toContain("\t\t\tMethods: 5");
    expect(lines).toContain("\t\t\tSocket: udp:127.0.0.1:5060");
    expect(sim.rpc("ul.lookup", ["location", "bob"])).toEqual({
      ok: false,
      code: 500,
      message: "AOR not found in location table",
    });
  });
});

describe("ul.dump", () => {
  it("prints every field as kamcmd printed Kamailio 5.6.3's dump of the same REGISTER", () => {
    const cfg = compileConfig(CFG(), { name: "kamailio.cfg" });
    if (!cfg.ok) throw new Error("config");
    const raw = reg(
      "c1",
      1,
      "Contact: <sip:alice@10.0.0.1:5060>;expires=120, <sip:alice@10.0.0.2>;q=0.5\r\nContact: <sip:alice@10.0.0.3>;q=1;expires=7\r\n",
      "Allow: INVITE, ACK\r\nUser-Agent: tester\r\n",
    );
    const t = parseTrafficText(JSON.stringify(traffic([raw], 3)), {});
    if ("errors" in t) throw new Error("traffic");
    const sim = createSimulation(cfg, t.plan, { onEvent: () => {} });
    sim.runUntil(600_000);
    const d = sim.rpc("ul.dump", []);
    if (!d.ok) throw new Error("dump");
    // Kamailio's run listened on port 5099; ruids and times are its own (normalised here).
    const norm = d.text
      .replace(/Ruid: uloc-[0-9a-f]+-[0-9a-f]+-/g, "Ruid: uloc-T-P-")
      .replace(/(Last-Keepalive|Last-Modified): \d+/g, "$1: T");
    const contact = (addr: string, exp: number, q: string, n: number) =>
      [
        "\t\t\t\t\t\tContact: {",
        `\t\t\t\t\t\t\tAddress: ${addr}`,
        `\t\t\t\t\t\t\tExpires: ${exp}`,
        `\t\t\t\t\t\t\tQ: ${q}`,
        "\t\t\t\t\t\t\tCall-ID: c1",
        "\t\t\t\t\t\t\tCSeq: 1",
        "\t\t\t\t\t\t\tUser-Agent: tester",
        "\t\t\t\t\t\t\tReceived: [not set]",
        "\t\t\t\t\t\t\tPath: [not set]",
        "\t\t\t\t\t\t\tState: CS_NEW",
        "\t\t\t\t\t\t\tFlags: 0",
        "\t\t\t\t\t\t\tCFlags: 0",
        "\t\t\t\t\t\t\tSocket: udp:127.0.0.1:5060",
        "\t\t\t\t\t\t\tMethods: 5",
        `\t\t\t\t\t\t\tRuid: uloc-T-P-${n}`,
        "\t\t\t\t\t\t\tInstance: [not set]",
        "\t\t\t\t\t\t\tReg-Id: 0",
        "\t\t\t\t\t\t\tServer-Id: 0",
        "\t\t\t\t\t\t\tTcpconn-Id: -1",
        "\t\t\t\t\t\t\tKeepalive: 0",
        "\t\t\t\t\t\t\tLast-Keepalive: T",
        "\t\t\t\t\t\t\tKA-Roundtrip: 0",
        "\t\t\t\t\t\t\tLast-Modified: T",
        "\t\t\t\t\t\t}",
      ].join("\n");
    expect(norm).toBe(
      [
        "{",
        "\tDomains: {",
        "\t\tDomain: {",
        "\t\t\tDomain: location",
        "\t\t\tSize: 1024",
        "\t\t\tAoRs: {",
        "\t\t\t\tInfo: {",
        "\t\t\t\t\tAoR: alice",
        "\t\t\t\t\tHashID: 1834153949",
        "\t\t\t\t\tContacts: {",
        contact("sip:alice@10.0.0.3", 60, "1", 3),
        contact("sip:alice@10.0.0.2", 3600, "0.500000", 1),
        contact("sip:alice@10.0.0.1:5060", 120, "-1", 2),
        "\t\t\t\t\t}",
        "\t\t\t\t}",
        "\t\t\t}",
        "\t\t\tStats: {",
        "\t\t\t\tRecords: 1",
        "\t\t\t\tMax-Slots: 1",
        "\t\t\t}",
        "\t\t}",
        "\t}",
        "}",
        "",
      ].join("\n"),
    );
  });
});
