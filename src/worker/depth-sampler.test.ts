import { describe, expect, it } from "vitest";
import { DEPTH_RESOLUTION_US, DepthSampler, MAX_DEPTH_POINTS } from "./depth-sampler.js";

describe("DepthSampler", () => {
  it("keeps each bucket's peak and last depth, however many changes it had", () => {
    const d = new DepthSampler();
    for (let i = 1; i <= 40; i++) d.add("alert", 1000 * i, i); // rising to 40 within one bucket
    d.add("alert", 45_000, 0); // drained in the same bucket
    expect(d.take(DEPTH_RESOLUTION_US)).toEqual({
      alert: [
        { t: 40_000, v: 40 },
        { t: 45_000, v: 0 },
      ],
    });
  });

  it("draws a saw-tooth even when one take covers many seconds", () => {
    const d = new DepthSampler();
    for (let s = 0; s < 3; s++) {
      for (let k = 1; k <= 50; k++) d.add("q", s * 5_000_000 + k * 90_000, k); // fills over 4.5 s
      d.add("q", s * 5_000_000 + 4_900_000, 0); // drained
    }
    const pts = d.take(20_000_000).q ?? [];
    const peaks = pts.filter((p) => p.v === 50).length;
    const drains = pts.filter((p) => p.v === 0).length;
    expect(peaks).toBe(3);
    expect(drains).toBe(3);
  });

  it("keeps a drain at the same instant as the peak (an rtimer fetch as a request adds)", () => {
    const d = new DepthSampler();
    d.add("alert", 10_000, 261);
    d.add("alert", 10_000, 161);
    const pts = d.take(DEPTH_RESOLUTION_US).alert ?? [];
    expect(pts.at(-1)).toEqual({ t: 10_000, v: 161 });
  });

  it("holds a bucket that is still open until time has passed it", () => {
    const d = new DepthSampler();
    d.add("q", 10_000, 3);
    expect(d.take(20_000)).toEqual({});
    expect(d.take(DEPTH_RESOLUTION_US)).toEqual({ q: [{ t: 10_000, v: 3 }] });
  });

  it("keeps the newest points the page's chart keeps when nobody takes them for long", () => {
    const d = new DepthSampler();
    const buckets = 5 * MAX_DEPTH_POINTS + 7;
    for (let b = 0; b < buckets; b++) d.add("q", b * DEPTH_RESOLUTION_US, b);
    const points = d.take(buckets * DEPTH_RESOLUTION_US).q ?? [];
    expect(points).toHaveLength(MAX_DEPTH_POINTS);
    expect(points.at(-1)).toEqual({ t: (buckets - 1) * DEPTH_RESOLUTION_US, v: buckets - 1 });
    expect(points[0]).toEqual({ t: (buckets - MAX_DEPTH_POINTS) * DEPTH_RESOLUTION_US, v: buckets - MAX_DEPTH_POINTS });
  });
});
