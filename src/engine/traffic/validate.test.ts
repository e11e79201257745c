import { describe, expect, it } from "vitest";
import { DEFAULT_TRAFFIC } from "./default-scenario.js";
import { MAX_PLANNED_REQUESTS } from "./limits.js";
import type { TrafficError, TrafficPlan, TrafficResult } from "./types.js";
import { parseTrafficText, validateTraffic } from "./validate.js";

const OK_RAW =
  "OPTIONS sip:ping@example.com SIP/2.0\nVia: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK1\nCSeq: 1 OPTIONS\n\n";
const stream = (extra: Record<string, unknown> = {}) => ({ src: "192.0.2.10", rate: 1, ...extra });
const message = (extra: Record<string, unknown> = {}) => ({ at: 1, src: "198.51.100.7", raw: OK_RAW, ...extra });

function planOf(r: TrafficResult): TrafficPlan {
  if ("errors" in r) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}

function errorsOf(r: TrafficResult): TrafficError[] {
  if ("plan" in r) throw new Error("expected errors, got a plan");
  return r.errors;
}

/** [what is wrong, the file, the path the first error must name, words its message must contain] */
const BAD: [string, unknown, string, RegExp][] = [
  ["root is a list", [], "(root)", /must be an object/],
  ["root is null", null, "(root)", /not null/],
  ["unknown top-level key", { foo: 1 }, "(root).foo", /unknown key/],
  ["unknown top-level key, not an identifier", { "a b": 1 }, '(root)["a b"]', /unknown key/],
  ["duration negative", { duration: -1 }, "duration", /more than 0/],
  ["duration zero", { duration: 0 }, "duration", /more than 0/],
  ["duration a string", { duration: "30" }, "duration", /must be a number, not a string/],
  ["duration too long", { duration: 1e6 }, "duration", /at most 86400/],
  ["seed fractional", { seed: 1.5 }, "seed", /whole number/],
  ["seed negative", { seed: -1 }, "seed", /at least 0/],
  ["streams an object", { streams: {} }, "streams", /must be a list/],
  ["stream not an object", { streams: [1] }, "streams[0]", /must be an object, not a number/],
  ["unknown stream key", { streams: [stream({ rat: 1 })] }, "streams[0].rat", /unknown key/],
  ["missing rate", { streams: [{ src: "192.0.2.1" }] }, "streams[0].rate", /required/],
  ["negative rate", { streams: [stream(), stream({ name: "b", rate: -2 })] }, "streams[1].rate", /at least 0/],
  ["rate too high", { streams: [stream({ rate: 2e6 })] }, "streams[0].rate", /at most 1000000/],
  ["missing src", { streams: [{ rate: 1 }] }, "streams[0].src", /required/],
  ["bad IPv4", { streams: [stream({ src: "192.0.2.256" })] }, "streams[0].src", /not an IPv4 or IPv6/],
  ["IPv4 with leading zero", { streams: [stream({ src: "192.0.2.010" })] }, "streams[0].src", /not an IPv4/],
  ["bad IPv6", { streams: [stream({ src: "2001:db8::1::2" })] }, "streams[0].src", /not an IPv4 or IPv6/],
  ["bad CIDR prefix", { streams: [stream({ src: "192.0.2.0/33" })] }, "streams[0].src", /prefix length/],
  ["CIDR host bits", { streams: [stream({ src: "192.0.2.5/28" })] }, "streams[0].src", /192\.0\.2\.0\/28/],
  ["multicast source", { streams: [stream({ src: "224.0.0.1" })] }, "streams[0].src", /cannot be a source/],
  ["bad list entry", { streams: [stream({ src: ["192.0.2.1", "nope"] })] }, "streams[0].src[1]", /not an IPv4/],
  ["list entry a number", { streams: [stream({ src: ["192.0.2.1", 7] })] }, "streams[0].src[1]", /in a string/],
  ["empty src list", { streams: [stream({ src: [] })] }, "streams[0].src", /1 to 1000/],
  ["src an object", { streams: [stream({ src: {} })] }, "streams[0].src", /not an object/],
  ["sport too high", { streams: [stream({ sport: 70000 })] }, "streams[0].sport", /at most 65535/],
  ["sport fractional", { streams: [stream({ sport: 5060.5 })] }, "streams[0].sport", /whole number/],
  ["bad pattern", { streams: [stream({ pattern: "burst" })] }, "streams[0].pattern", /"uniform" or "poisson"/],
  ["start after stop", { streams: [stream({ start: 12, stop: 10 })] }, "streams[0].start", /after stop/],
  ["negative start", { streams: [stream({ start: -1 })] }, "streams[0].start", /at least 0/],
  ["count zero", { streams: [stream({ count: 0 })] }, "streams[0].count", /at least 1/],
  ["count fractional", { streams: [stream({ count: 2.5 })] }, "streams[0].count", /whole number/],
  ["method with a space", { streams: [stream({ method: "IN VITE" })] }, "streams[0].method", /not a SIP method/],
  ["bad name", { streams: [stream({ name: "a b" })] }, "streams[0].name", /letters, digits/],
  ["duplicate name", { streams: [stream({ name: "x" }), stream({ name: "x" })] }, "streams[1].name", /streams\[0\]/],
  ["default name taken", { streams: [stream({ name: "stream2" }), stream()] }, "streams[1].name", /default name/],
  ["ruri not a URI", { streams: [stream({ ruri: "bob@example.com" })] }, "streams[0].ruri", /not a sip:/],
  [
    "from with another placeholder",
    { streams: [stream({ from: "sip:{m}@x" })] },
    "streams[0].from",
    /other than \{n\}/,
  ],
  ["to not a string", { streams: [stream({ to: 5 })] }, "streams[0].to", /must be a string/],
  ["headers a list", { streams: [stream({ headers: [] })] }, "streams[0].headers", /must be an object/],
  [
    "header value with a line break",
    { streams: [stream({ headers: { "X-A": "a\r\nVia: evil" } })] },
    'streams[0].headers["X-A"]',
    /one line/,
  ],
  ["header built by the stream", { streams: [stream({ headers: { Via: "x" } })] }, "streams[0].headers.Via", /cannot/],
  ["compact CSeq header", { streams: [stream({ headers: { l: "0" } })] }, "streams[0].headers.l", /Content-Length/],
  ["header name not a token", { streams: [stream({ headers: { "X A": "1" } })] }, 'streams[0].headers["X A"]', /name/],
  ["body not a string", { streams: [stream({ body: 1 })] }, "streams[0].body", /must be a string/],
  ["messages not a list", { messages: 1 }, "messages", /must be a list/],
  ["message at negative", { messages: [message({ at: -1 })] }, "messages[0].at", /at least 0/],
  ["message without at", { messages: [{ src: "198.51.100.7", raw: OK_RAW }] }, "messages[0].at", /required/],
  ["message src a block", { messages: [message({ src: "198.51.100.0/24" })] }, "messages[0].src", /one address/],
  ["message src bad", { messages: [message({ src: "x" })] }, "messages[0].src", /not an IPv4/],
  ["message unknown key", { messages: [message({ port: 1 })] }, "messages[0].port", /unknown key/],
  ["raw not a string", { messages: [message({ raw: 1 })] }, "messages[0].raw", /must be a string/],
  ["raw missing", { messages: [{ at: 1, src: "198.51.100.7" }] }, "messages[0].raw", /required/],
  ["server a number", { server: 5 }, "server", /must be an object/],
  ["rx_queue negative", { server: { rx_queue: -1 } }, "server.rx_queue", /at least 0/],
  ["rx_queue a string", { server: { rx_queue: "10" } }, "server.rx_queue", /not a string/],
  ["request_cost negative", { server: { request_cost: -0.1 } }, "server.request_cost", /at least 0/],
  ["server unknown key", { server: { workers: 4 } }, "server.workers", /unknown key/],
  ["endpoint not a URL", { endpoints: { "ftp://x/*": {} } }, 'endpoints["ftp://x/*"]', /http/],
  [
    "endpoint latency negative",
    { endpoints: { "http://a/*": { latency: -1 } } },
    'endpoints["http://a/*"].latency',
    /at least 0/,
  ],
  ["endpoint status", { endpoints: { "http://a/*": { status: 999 } } }, 'endpoints["http://a/*"].status', /599/],
  ["endpoint unknown key", { endpoints: { "http://a/*": { code: 1 } } }, 'endpoints["http://a/*"].code', /unknown/],
  [
    "too many planned requests",
    { duration: 86400, streams: [stream({ rate: 1000 })] },
    "streams",
    /86,400,000 requests; at most 50,000,000/,
  ],
];

describe("validateTraffic: every error names its key", () => {
  it.each(BAD)("%s", (_what, file, path, words) => {
    const errors = errorsOf(validateTraffic(file));
    expect(errors[0]?.path).toBe(path);
    expect(errors[0]?.message).toMatch(words);
  });

  it("reports every error of a file at once", () => {
    const errors = errorsOf(validateTraffic({ foo: 1, duration: -1, streams: [stream({ rate: -1, sport: 0 })] }));
    expect(errors.map((e) => e.path).sort()).toEqual(["(root).foo", "duration", "streams[0].rate", "streams[0].sport"]);
  });

  it("never throws, whatever the value", () => {
    const odd: unknown[] = [undefined, 1, "x", true, { streams: [null] }, { streams: [{ src: null, rate: null }] }];
    for (const v of odd) expect(() => validateTraffic(v)).not.toThrow();
  });

  it("counts count-capped streams by their cap", () => {
    const ok = validateTraffic({ duration: 86400, streams: [stream({ rate: 1000, count: MAX_PLANNED_REQUESTS })] });
    expect("plan" in ok).toBe(true);
  });
});

describe("parseTrafficText", () => {
  it("places a JSON syntax error at its line and column", () => {
    const errors = errorsOf(parseTrafficText('{\n  "duration": 30,\n  "seed": 1,\n}'));
    expect(errors).toEqual([
      {
        path: "(root)",
        message: 'invalid JSON: unexpected character "}"; expected a key in double quotes',
        line: 4,
        col: 1,
      },
    ]);
  });

  it.each([
    ["", /unexpected end/],
    ["{", /unexpected end/],
    ['{"a": tru}', /expected a value/],
    ['{"a": 1} x', /after the end/],
    ['{"a": "x\ny"}', /control character/],
    ['{"a": "\\q"}', /invalid escape/],
    ['{"a": 01}', /expected ',' or '}'/],
    ['{"a" 1}', /expected ':'/],
    ["[1 2]", /expected ',' or ']'/],
    ['{"a": "x', /unterminated string/],
  ])("reports invalid JSON %j", (text, words) => {
    const errors = errorsOf(parseTrafficText(text));
    expect(errors[0]?.path).toBe("(root)");
    expect(errors[0]?.message).toMatch(words);
    expect(errors[0]?.line).toBeGreaterThan(0);
  });

  it("rejects duplicate keys, which JSON.parse would silently merge", () => {
    const errors = errorsOf(parseTrafficText('{"duration": 30,\n "duration": 40}'));
    expect(errors[0]).toMatchObject({ message: 'invalid JSON: duplicate key "duration"', line: 2, col: 2 });
  });

  it("places validation errors at their key or value, in text order", () => {
    const text = '{\n  "streams": [\n    { "src": "192.0.2.1", "rate": -1, "bogus": 1 }\n  ],\n  "extra": true\n}';
    expect(errorsOf(parseTrafficText(text))).toEqual([
      { path: "streams[0].rate", message: "must be at least 0 (got -1)", line: 3, col: 35 },
      expect.objectContaining({ path: "streams[0].bogus", line: 3, col: 39 }),
      expect.objectContaining({ path: "(root).extra", line: 5, col: 3 }),
    ]);
  });

  it("accepts a byte-order mark and keeps columns right", () => {
    expect("plan" in parseTrafficText('\ufeff{"duration": 5}')).toBe(true);
    expect(errorsOf(parseTrafficText('\ufeff{"duration": -5}'))[0]).toMatchObject({ line: 1, col: 15 });
  });

  it("applies overrides before the checks, and says where a bad one came from", () => {
    const plan = planOf(
      parseTrafficText('{"duration": 30, "streams": [{"src": "192.0.2.1", "rate": 1, "stop": 30}]}', {
        duration: 5,
        seed: 9,
      }),
    );
    expect(plan.duration).toBe(5_000_000);
    expect(plan.seed).toBe(9);
    expect(plan.streams[0]?.stop).toBe(5_000_000);
    const errors = errorsOf(parseTrafficText('{"duration": 30}', { duration: -2 }));
    expect(errors[0]).toEqual({
      path: "duration",
      message: "must be more than 0 (got -2) (--duration on the command line)",
    });
  });
});

describe("defaults", () => {
  it("fills every default of an empty file", () => {
    expect(planOf(validateTraffic({}))).toEqual({
      duration: 30_000_000,
      seed: 1,
      streams: [],
      messages: [],
      server: { rxQueue: 1000, requestCost: 50 },
      endpoints: [],
      agents: [],
    });
  });

  it("fills a stream's defaults", () => {
    const plan = planOf(validateTraffic({ duration: 20, streams: [{ src: "192.0.2.10", rate: 4 }] }));
    expect(plan.streams[0]).toEqual({
      name: "stream1",
      src: ["192.0.2.10"],
      sport: 5060,
      method: "INVITE",
      rate: 4,
      pattern: "uniform",
      start: 0,
      stop: 20_000_000,
      count: null,
      from: "sip:stream1{n}@example.com",
      to: "sip:service@example.com",
      ruri: "sip:service@example.com",
      headers: [],
      body: "",
    });
  });

  it("derives From from the name and the R-URI from To", () => {
    const plan = planOf(validateTraffic({ streams: [stream({ name: "alice", to: "sip:bob@b.example" })] }));
    expect(plan.streams[0]).toMatchObject({ from: "sip:alice{n}@example.com", ruri: "sip:bob@b.example" });
  });

  it("clamps stop to the duration and keeps headers in order", () => {
    const plan = planOf(
      validateTraffic({ duration: 10, streams: [stream({ stop: 60, headers: { B: "2", A: "{n}" } })] }),
    );
    expect(plan.streams[0]?.stop).toBe(10_000_000);
    expect(plan.streams[0]?.headers).toEqual([
      { name: "B", value: "2" },
      { name: "A", value: "{n}" },
    ]);
  });

  it("normalises addresses and keeps a raw message as written", () => {
    const plan = planOf(
      validateTraffic({
        streams: [stream({ src: ["2001:DB8:0:0:0:0:0:1", "2001:db8::/64", "::ffff:192.0.2.1"] })],
        messages: [message({ at: 1.5, sport: 5062 })],
        endpoints: { "http://hooks.example.com/*": { latency: 0.2, body: "ok" } },
      }),
    );
    expect(plan.streams[0]?.src).toEqual(["2001:db8::1", "2001:db8::/64", "::ffff:192.0.2.1"]);
    expect(plan.messages[0]).toEqual({
      at: 1_500_000,
      src: "198.51.100.7",
      sport: 5062,
      method: "OPTIONS",
      raw: OK_RAW,
    });
    expect(plan.endpoints).toEqual([
      { pattern: "http://hooks.example.com/*", latency: 200_000, status: 200, body: "ok" },
    ]);
  });

  it("accepts the design's example file", () => {
    const example = {
      duration: 30,
      seed: 1,
      streams: [
        {
          name: "callers",
          src: ["192.0.2.10", "192.0.2.11"],
          sport: 5060,
          method: "INVITE",
          rate: 4,
          pattern: "poisson",
          start: 0,
          stop: 30,
          from: "sip:user{n}@example.com",
          to: "sip:bob@example.com",
          ruri: "sip:bob@example.com",
          headers: { "User-Agent": "softphone" },
        },
        {
          name: "flood",
          src: "203.0.113.66",
          method: "INVITE",
          rate: 200,
          pattern: "uniform",
          start: 10,
          stop: 13,
          count: 300,
        },
      ],
      messages: [{ at: 1.5, src: "198.51.100.7", sport: 5062, raw: OK_RAW }],
      server: { rx_queue: 1000, request_cost: 0.00005 },
      endpoints: { "http://hooks.example.com/*": { latency: 0.2, status: 200, body: "ok" } },
    };
    expect(planOf(validateTraffic(example)).streams[1]?.count).toBe(300);
  });

  it("accepts the default scenario", () => {
    const plan = planOf(parseTrafficText(DEFAULT_TRAFFIC));
    expect(plan.duration).toBe(30_000_000);
    expect(plan.streams.map((s) => [s.name, s.src, s.rate, s.pattern, s.start, s.stop])).toEqual([
      ["callers", ["192.0.2.0/28"], 2, "poisson", 0, 30_000_000],
      ["flood", ["203.0.113.66"], 100, "uniform", 10_500_000, 13_500_000],
    ]);
  });
});
