import { describe, expect, it } from "vitest";
import type { TrafficError, TrafficPlan, TrafficResult } from "./types.js";
import { parseTrafficText, validateTraffic } from "./validate.js";

function planOf(r: TrafficResult): TrafficPlan {
  if ("errors" in r) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}

function errorsOf(r: TrafficResult): TrafficError[] {
  if ("plan" in r) throw new Error("expected errors, got a plan");
  return r.errors;
}

const alice = (extra: Record<string, unknown> = {}) => ({ name: "alice", address: "192.0.2.10:5060", ...extra });
const bob = (extra: Record<string, unknown> = {}) => ({ name: "bob", address: "192.0.2.20", ...extra });
const agents = (...list: unknown[]) => ({ agents: list });

/** [what is wrong, the file, the path the first error must name, words its message must contain] */
const BAD: [string, unknown, string, RegExp][] = [
  ["agents not a list", { agents: {} }, "agents", /must be a list/],
  ["agent not an object", agents(1), "agents[0]", /must be an object/],
  ["unknown agent key", agents(alice({ adress: "x" })), "agents[0].adress", /unknown key/],
  ["missing name", agents({ address: "192.0.2.1" }), "agents[0].name", /required/],
  ["bad name", agents(alice({ name: "a b" })), "agents[0].name", /letters, digits/],
  [
    "duplicate name",
    agents(alice(), alice({ address: "192.0.2.11" })),
    "agents[1].name",
    /already the name of agents\[0\]/,
  ],
  ["missing address", agents({ name: "a" }), "agents[0].address", /required/],
  ["address not IPv4", agents(alice({ address: "2001:db8::1" })), "agents[0].address", /IPv4 address/],
  ["address a host name", agents(alice({ address: "phone.example.com:5060" })), "agents[0].address", /IPv4/],
  ["address with a bad port", agents(alice({ address: "192.0.2.10:70000" })), "agents[0].address", /1…65535/],
  ["address with an octet over 255", agents(alice({ address: "192.0.2.300" })), "agents[0].address", /IPv4/],
  ["address with a leading zero", agents(alice({ address: "192.0.2.010" })), "agents[0].address", /IPv4/],
  [
    "duplicate address",
    agents(alice(), bob({ address: "192.0.2.10" })),
    "agents[1].address",
    /already the address of agents\[0\]/,
  ],
  ["bad user", agents(alice({ user: "a@b" })), "agents[0].user", /user part/],
  ["bad domain", agents(alice({ domain: "a b" })), "agents[0].domain", /host name/],
  ["register not an object", agents(alice({ register: true })), "agents[0].register", /must be an object/],
  ["register at negative", agents(alice({ register: { at: -1 } })), "agents[0].register.at", /at least 0/],
  ["register expires fractional", agents(alice({ register: { expires: 1.5 } })), "agents[0].register.expires", /whole/],
  [
    "register refresh not a boolean",
    agents(alice({ register: { refresh: "yes" } })),
    "agents[0].register.refresh",
    /true or false/,
  ],
  [
    "unregister before register",
    agents(alice({ register: { at: 5, unregister_at: 2 } })),
    "agents[0].register.unregister_at",
    /before "at"/,
  ],
  ["calls not a list", agents(alice({ calls: {} })), "agents[0].calls", /must be a list/],
  ["call at negative", agents(alice({ calls: [{ at: -1, to: "alice" }] })), "agents[0].calls[0].at", /at least 0/],
  ["call without at", agents(alice({ calls: [{ to: "alice" }] })), "agents[0].calls[0].at", /required/],
  [
    "call to nobody",
    agents(alice({ calls: [{ at: 1, to: "carol" }] })),
    "agents[0].calls[0].to",
    /"carol" is no agent/,
  ],
  ["call without to", agents(alice({ calls: [{ at: 1 }] })), "agents[0].calls[0].to", /required/],
  [
    "negative hold",
    agents(alice({ calls: [{ at: 1, to: "alice", hold: -3 }] })),
    "agents[0].calls[0].hold",
    /at least 0/,
  ],
  ["hold a string", agents(alice({ calls: [{ at: 1, to: "alice", hold: "5" }] })), "agents[0].calls[0].hold", /number/],
  [
    "count without every",
    agents(alice({ calls: [{ at: 1, to: "alice", count: 3 }] })),
    "agents[0].calls[0].every",
    /more than 0/,
  ],
  [
    "unknown call key",
    agents(alice({ calls: [{ at: 1, to: "alice", after: 3 }] })),
    "agents[0].calls[0].after",
    /unknown key/,
  ],
  [
    "request method",
    agents(alice({ requests: [{ at: 1, method: "INFO" }] })),
    "agents[0].requests[0].method",
    /OPTIONS or MESSAGE/,
  ],
  ["request to nobody", agents(alice({ requests: [{ at: 1, to: "x" }] })), "agents[0].requests[0].to", /no agent/],
  ["answer an unknown word", agents(alice({ answer: "busy" })), "agents[0].answer", /"down", "never" or an object/],
  ["answer unknown code", agents(alice({ answer: { code: 299 } })), "agents[0].answer.code", /not a final code/],
  ["answer 1xx code", agents(alice({ answer: { code: 180 } })), "agents[0].answer.code", /at least 200/],
  [
    "answer 2xx code other than 200",
    agents(alice({ answer: { code: 202 } })),
    "agents[0].answer.code",
    /not a final code/,
  ],
  ["answer 3xx code unknown", agents(alice({ answer: { code: 399 } })), "agents[0].answer.code", /not a final code/],
  [
    "contact not a URI",
    agents(alice({ answer: { code: 302, contact: "vm" } })),
    "agents[0].answer.contact",
    /sip: URI/,
  ],
  [
    "contact without a 3xx",
    agents(alice({ answer: { contact: "sip:vm@x" } })),
    "agents[0].answer.contact",
    /3xx redirect; code is 200/,
  ],
  ["answer code 999", agents(alice({ answer: { code: 999 } })), "agents[0].answer.code", /at most 699/],
  ["answer negative ring", agents(alice({ answer: { ring: -1 } })), "agents[0].answer.ring", /at least 0/],
  [
    "ring after the answer",
    agents(alice({ answer: { ring: 3, after: 1 } })),
    "agents[0].answer.ring",
    /must not come after/,
  ],
  ["bye after a refusal", agents(alice({ answer: { code: 486, bye: 1 } })), "agents[0].answer.bye", /needs code 200/],
  ["unknown answer key", agents(alice({ answer: { delay: 1 } })), "agents[0].answer.delay", /unknown key/],
  ["retransmit not a boolean", agents(alice({ retransmit: 1 })), "agents[0].retransmit", /true or false/],
  ["t1 zero", agents(alice({ t1: 0 })), "agents[0].t1", /more than 0/],
  ["t2 below t1", agents(alice({ t1: 2, t2: 1 })), "agents[0].t2", /at least t1/],
  ["loss above 1", agents(alice({ loss: 1.5 })), "agents[0].loss", /at most 1/],
  ["negative latency", agents(alice({ latency: -0.1 })), "agents[0].latency", /at least 0/],
];

describe("agents: validation names the bad key", () => {
  for (const [what, file, path, words] of BAD)
    it(what, () => {
      const [first] = errorsOf(validateTraffic(file));
      expect(first?.path).toBe(path);
      expect(first?.message).toMatch(words);
    });

  it("reports every bad agent at once, with line and column from the text", () => {
    const text = JSON.stringify(agents(alice({ calls: [{ at: 1, to: "zed" }] }), bob({ loss: 2 })), null, 2);
    const errors = errorsOf(parseTrafficText(text));
    expect(errors.map((e) => e.path)).toEqual(["agents[0].calls[0].to", "agents[1].loss"]);
    expect(errors[0]?.line).toBe(text.slice(0, text.indexOf('"zed"')).split("\n").length);
  });

  it("an agent at the proxy's own socket, when the caller gives it", () => {
    const file = agents(alice({ address: "127.0.0.1" }));
    const [e] = errorsOf(validateTraffic(file, { proxy: { ip: "127.0.0.1", port: 5060 } }));
    expect(e).toEqual({
      path: "agents[0].address",
      message: "127.0.0.1:5060 is the proxy's own socket; an agent there could never receive anything",
    });
    expect(planOf(validateTraffic(file, { proxy: { ip: "127.0.0.1", port: 5070 } })).agents).toHaveLength(1);
    expect(planOf(validateTraffic(file)).agents).toHaveLength(1);
  });

  it("a call may name an agent that comes later in the file", () => {
    const plan = planOf(validateTraffic(agents(alice({ calls: [{ at: 1, to: "bob" }] }), bob({ user: "2000" }))));
    expect(plan.agents[0]?.calls[0]?.to).toEqual({ user: "2000" });
  });

  it("too many calls in all are refused", () => {
    const many = { at: 0, to: "alice", count: 1_500_000, every: 0.001 };
    const [e] = errorsOf(validateTraffic(agents(alice({ calls: [many, many] }))));
    expect(e?.path).toBe("agents");
    expect(e?.message).toMatch(/plans 3000000 calls; at most 2000000/);
  });
});

describe("agents: defaults and conversion", () => {
  it("fills every default", () => {
    expect(planOf(validateTraffic(agents(bob()))).agents).toEqual([
      {
        name: "bob",
        address: { ip: "192.0.2.20", port: 5060 },
        user: "bob",
        domain: null,
        register: null,
        calls: [],
        requests: [],
        answer: { down: false, trying: false, ring: 0, after: 1_000_000, code: 200, bye: null, contact: null },
        retransmit: true,
        t1: 500_000,
        t2: 4_000_000,
        loss: 0,
        latency: 0,
        actions: [],
      },
    ]);
  });

  it("reads every key", () => {
    const file = agents(
      alice({
        user: "1001",
        domain: "sip.example.com",
        register: { at: 0.5, expires: 600, refresh: false, unregister_at: 20 },
        calls: [{ at: 2, to: "bob", hold: 5, cancel: null, reinvite: 1.5, count: 3, every: 10 }],
        requests: [{ at: 1, method: "MESSAGE", to: "sip:x@example.com" }, { at: 3 }],
        answer: { trying: true, ring: 0.25, after: null, code: 486, bye: null },
        retransmit: false,
        t1: 0.1,
        t2: 0.4,
        loss: 0.05,
        latency: 0.02,
      }),
      bob({ answer: "down" }),
    );
    const [a, b] = planOf(validateTraffic(file)).agents;
    expect(a).toEqual({
      name: "alice",
      address: { ip: "192.0.2.10", port: 5060 },
      user: "1001",
      domain: "sip.example.com",
      register: { at: 500_000, expires: 600, refresh: false, unregisterAt: 20_000_000 },
      calls: [
        {
          at: 2_000_000,
          to: { user: "bob" },
          hold: 5_000_000,
          cancel: null,
          reinvite: 1_500_000,
          every: 10_000_000,
          count: 3,
        },
      ],
      requests: [
        { at: 1_000_000, method: "MESSAGE", to: { uri: "sip:x@example.com" }, body: "hello" },
        { at: 3_000_000, method: "OPTIONS", to: null, body: "" },
      ],
      answer: { down: false, trying: true, ring: 250_000, after: null, code: 486, bye: null, contact: null },
      retransmit: false,
      t1: 100_000,
      t2: 400_000,
      loss: 0.05,
      latency: 20_000,
      actions: [],
    });
    expect(b?.answer).toEqual({ down: true });
  });

  it("a 3xx answer with its contact", () => {
    const [a] = planOf(validateTraffic(agents(alice({ answer: { code: 302, contact: "sip:vm@192.0.2.9" } })))).agents;
    expect(a?.answer).toMatchObject({ code: 302, contact: "sip:vm@192.0.2.9" });
  });

  it('"never" rings and never answers; a t1 above 4 s raises the default t2 to it', () => {
    const [a] = planOf(validateTraffic(agents(alice({ answer: "never", t1: 5 })))).agents;
    expect(a?.answer).toEqual({
      down: false,
      trying: false,
      ring: 0,
      after: null,
      code: 200,
      bye: null,
      contact: null,
    });
    expect(a?.t2).toBe(5_000_000);
  });

  it("a file without agents plans none (old files unchanged)", () => {
    expect(planOf(validateTraffic({ streams: [{ src: "192.0.2.1", rate: 1 }] })).agents).toEqual([]);
  });
});
