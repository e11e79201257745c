import { describe, expect, it } from "vitest";
import { addressIn, mentions } from "./story.js";

describe("story", () => {
  it("finds the address a log line or an item key names", () => {
    expect(addressIn("ALERT: src [203.0.113.99:5060] - pike flood")).toBe("203.0.113.99");
    expect(addressIn("drain: fetched 50 events, #26 to #75")).toBeUndefined();
    expect(addressIn("version 1.2.3.4.5")).toBeUndefined();
  });

  it("matches whole addresses only", () => {
    expect(mentions("src [10.0.0.1:5060]", "10.0.0.1")).toBe(true);
    expect(mentions("src 10.0.0.12", "10.0.0.1")).toBe(false);
    expect(mentions("src 110.0.0.1", "10.0.0.1")).toBe(false);
    expect(mentions("from 10.0.0.1.", "10.0.0.1")).toBe(true);
    expect(mentions("from 10.0.0.1.7", "10.0.0.1")).toBe(false);
    expect(mentions("a 10.0.0.12 then 10.0.0.1 here", "10.0.0.1")).toBe(true);
  });
});
