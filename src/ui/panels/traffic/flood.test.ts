import { describe, expect, it } from "vitest";
import { checkFlood, FLOOD_DEFAULTS, isIpv4, methodChoices, sliderMax } from "./flood.js";

describe("checkFlood", () => {
  it("accepts the defaults", () => {
    const r = checkFlood({ src: FLOOD_DEFAULTS.src, rate: "100", duration: "1" });
    expect(r).toEqual({ ok: true, flood: { src: "203.0.113.99", rate: 100, duration: 1 } });
  });

  it("says what is wrong", () => {
    expect(checkFlood({ src: "example.com", rate: "1", duration: "1" })).toMatchObject({ ok: false });
    expect(checkFlood({ src: "1.2.3.4", rate: "0", duration: "1" })).toMatchObject({
      error: expect.stringContaining("rate"),
    });
    expect(checkFlood({ src: "1.2.3.4", rate: "5", duration: "x" })).toMatchObject({
      error: expect.stringContaining("duration"),
    });
    expect(checkFlood({ src: "1.2.3.4", rate: "0.5", duration: "1" })).toMatchObject({
      error: expect.stringContaining("no request"),
    });
  });

  it("knows an IPv4 address", () => {
    expect(isIpv4("192.0.2.1")).toBe(true);
    expect(isIpv4(" 10.0.0.255 ")).toBe(true);
    expect(isIpv4("256.1.1.1")).toBe(false);
    expect(isIpv4("1.2.3")).toBe(false);
  });
});

describe("slider and methods", () => {
  it("gives the slider room above the rate", () => {
    expect(sliderMax(2)).toBe(20);
    expect(sliderMax(20)).toBe(100);
    expect(sliderMax(100)).toBe(400);
    expect(sliderMax(1000)).toBe(4000);
  });

  it("offers the streams' methods first, once", () => {
    expect(methodChoices(["REGISTER", "INVITE"]).slice(0, 3)).toEqual(["REGISTER", "INVITE", "OPTIONS"]);
  });
});
