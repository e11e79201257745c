import { describe, expect, it } from "vitest";
import { createRng } from "../base/rng.js";
import { createArrivals } from "./arrivals.js";
import { RequestFactory } from "./requests.js";
import { validateTraffic } from "./validate.js";

describe("the bytes of an arrival", () => {
  it("are a raw message exactly as written, and a stream's built request", () => {
    const raws = ["OPTIONS sip:a@b SIP/2.0\nVia: x\n\n", "", "garbage \u00e9\r\n"];
    const r = validateTraffic({
      duration: 5,
      streams: [{ src: "192.0.2.1", rate: 1, method: "MESSAGE", count: 1 }],
      messages: raws.map((raw, i) => ({ at: i + 1, src: "198.51.100.7", raw })),
    });
    if ("errors" in r) throw new Error(JSON.stringify(r.errors));
    const factory = new RequestFactory(r.plan);
    const arrivals = createArrivals(r.plan, createRng(1));
    const texts: { text: string; method: string }[] = [];
    for (let a = arrivals.next(); a; a = arrivals.next()) {
      const t = factory.textFor(a);
      if ("error" in t) throw new Error(t.error);
      texts.push(t);
    }
    expect(texts.slice(1)).toEqual([
      { text: raws[0], method: "OPTIONS" },
      { text: "", method: "?" },
      { text: "garbage \u00e9\r\n", method: "garbage" },
    ]);
    expect(texts[0]?.method).toBe("MESSAGE");
    expect(texts[0]?.text).toMatch(/^MESSAGE sip:\S+ SIP\/2\.0\r\nVia: /);
  });
});
