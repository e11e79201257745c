import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { parseTrafficText } from "../../../src/engine/index.js";
import { serveEndpoints } from "./http-endpoints.js";

const parsed = parseTrafficText(
  JSON.stringify({
    endpoints: {
      "http://hooks.example.com/slow*": { latency: 0.15, status: 201, body: "slow" },
      "http://hooks.example.com/*": { latency: 0, status: 503, body: "busy" },
    },
  }),
);
if ("errors" in parsed) throw new Error(JSON.stringify(parsed.errors));
const plan = parsed.plan;

describe("http-endpoints: the traffic's endpoints served on 127.0.0.1", () => {
  it("answers as kamsim's endpoints do (first matching pattern, latency, status, body), URLs rewritten and back", async () => {
    const served = await serveEndpoints(plan);
    try {
      const cfg = served.rewrite('http_client_query("http://hooks.example.com/slow?u=$fU", "$var(r)");');
      const local = served.origins.get("http://hooks.example.com") as string;
      expect(local).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cfg).toBe(`http_client_query("${local}/slow?u=$fU", "$var(r)");`);
      const t = performance.now();
      const slow = await fetch(`${local}/slow?u=alice`);
      expect([slow.status, await slow.text()]).toEqual([201, "slow"]);
      expect(performance.now() - t).toBeGreaterThanOrEqual(140);
      const other = await fetch(`${local}/other`, { method: "POST", body: "a,b" });
      expect([other.status, await other.text()]).toEqual([503, "busy"]);
      expect(served.served).toEqual([
        "GET http://hooks.example.com/slow?u=alice → 201",
        "POST http://hooks.example.com/other → 503",
      ]);
      expect(served.mapBack(`failed (url: ${local}/x) host ${local.slice(7)}`)).toBe(
        "failed (url: http://hooks.example.com/x) host hooks.example.com",
      );
    } finally {
      await served.close();
    }
  });
});
